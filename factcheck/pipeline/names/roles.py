"""The roles a source phrase names ("the ministry's spokesman", "officials", "analysts"), one table.

lexicon/en/source_roles.txt (format in lexicon/README.md) gives each role phrase its kind; the
actors, the source phrases, the speakers of attribution and the claims all read this one table.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import records
from factcheck.lexicon.schema import ORGANISATION_HEADS, PERSON_ROLES
from factcheck.patterns import trie_regex

__all__ = ["ORGANISATION_HEADS", "PERSON_ROLES", "role_table"]


@lru_cache(maxsize=1)
def role_table() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    """One case-insensitive trie regex over roles and their plurals: phrase -> (kind, plural)."""
    rows = [(role.phrase.lower(), role.kind) for role in records("source_roles.txt")]
    table = {phrase: (kind, phrase.endswith(("men", "people"))) for phrase, kind in reversed(rows)}
    for phrase, kind in rows:                       # "secretaries", "witnesses", "sources"
        plural = re.sub(r"(?<=[^aeiou])y$", "ie", phrase) + ("es" if phrase.endswith(("s", "x", "ch", "sh")) else "s")
        if kind != "pronoun":
            table.setdefault(plural, (kind, True))
    return re.compile(r"(?<![\w.-])(?:" + trie_regex(sorted(table)) + r")(?![\w-])", re.I), table
