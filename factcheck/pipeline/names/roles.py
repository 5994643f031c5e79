"""The roles a source phrase names ("the ministry's spokesman", "officials", "analysts"), one table.

lexicon/en/source_roles.txt (format in lexicon/README.md) gives each role phrase its kind; the
actors, the source phrases, the speakers of attribution and the claims all read this one table.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import LexiconError, load_table
from factcheck.patterns import trie_regex

PERSON_ROLES = ("official", "expert", "media", "other", "spokesperson")
ORGANISATION_HEADS = ("body", "state", "institution", "outlet", "group")   # "... Command", "... Institute"
ROLE_KINDS = PERSON_ROLES + ORGANISATION_HEADS + ("anonymous", "pronoun")


@lru_cache(maxsize=1)
def role_table() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    """One case-insensitive trie regex over roles and their plurals: phrase -> (kind, plural)."""
    rows = [(phrase.lower(), kind) for phrase, kind, *_ in load_table("source_roles.txt")]
    bad = next((row for row in rows if row[1] not in ROLE_KINDS), None)
    if bad:
        raise LexiconError(f"source_roles.txt: {bad[0]!r} has kind {bad[1]!r}; expected one of {', '.join(ROLE_KINDS)}")
    table = {phrase: (kind, phrase.endswith(("men", "people"))) for phrase, kind in reversed(rows)}
    for phrase, kind in rows:                       # "secretaries", "witnesses", "sources"
        plural = re.sub(r"(?<=[^aeiou])y$", "ie", phrase) + ("es" if phrase.endswith(("s", "x", "ch", "sh")) else "s")
        if kind != "pronoun":
            table.setdefault(plural, (kind, True))
    return re.compile(r"(?<![\w.-])(?:" + trie_regex(sorted(table)) + r")(?![\w-])", re.I), table
