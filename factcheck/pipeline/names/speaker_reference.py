"""A speaker named again by a role or a surname -> the named speaker it refers to earlier.

"Foreign Minister Ana Soto said ... The minister added ..." and "... said Soto" are Ana Soto
again; "The National Grid said ... The company said ..." is the National Grid. The nearest
earlier speaker of the same kind (a person for a person's role, a body for a body's) wins,
unless the text gave it another role ("the mayor" is not "Fire chief Tomas Reyes"); only a
speaker the text named (a proper name) is one a description can point back to. The source span
keeps the words as written; only the canonical source changes.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.pipeline.names.roles import ORGANISATION_HEADS, PERSON_ROLES, role_table

# "the minister", "the Russian leader", "the former spokeswoman", "the company": a definite
# description of at most two modifiers before its role noun.
_DESCRIPTION = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?([\w-]+(?:\s+[\w-]+)?)$", re.I)
_NAME = re.compile(r"[A-Z][\w'’-]+$")
PERSON_KINDS = ("official", "expert")
# nouns that describe any body, whatever its name's head: "the agency" after "the Federal Aviation
# Administration", "the company" after "Lima Water Works"; "the office" or "the council" must match
GENERIC_BODY_NOUNS = frozenset("agency body organisation organization company firm group".split())


# a role written short names the same office: "the PM" after "Prime Minister Ana Soto"
ROLE_ABBREVIATIONS = {"pm": "prime minister"}


class Speaker(NamedTuple):
    """A source named earlier in the document, with the role words written with it."""

    name: str
    kind: str
    roles: frozenset[str]


def roles_in(phrase: str) -> frozenset[str]:
    """Role words of a source phrase as written: "Foreign Minister Ana Soto" -> {minister, foreign minister}."""
    pattern, table = role_table()
    found = set()
    for match in pattern.finditer(phrase):
        role = ROLE_ABBREVIATIONS.get(match.group().lower(), match.group().lower())
        found.add(role)
        found.add(role.split()[-1])
    return frozenset(found)


def _description(phrase: str) -> tuple[str, bool] | None:
    """(role noun, whether a person holds it) of a definite description naming no one."""
    text = " ".join(phrase.split())
    table = role_table()[1]
    if any(word[:1].isupper() for word in text.split()[1:] if not _demonym_like(word) and word.lower() not in table):
        return None                                   # "the Pentagon", "the Post": a name ("the PM" is a role)
    match = _DESCRIPTION.fullmatch(text)
    if not match:
        return None
    words = match.group(1).lower().split()
    for role in (" ".join(words), words[-1]):
        if role in table:
            kind, plural = table[role]
            role = ROLE_ABBREVIATIONS.get(role, role)
            if plural or kind not in PERSON_ROLES + ORGANISATION_HEADS:
                return None
            return role.split()[-1], kind in PERSON_ROLES
    return None


def _demonym_like(word: str) -> bool:
    """'Russian', 'British': an adjective of origin may be capitalised inside a description."""
    return word.lower().endswith(("an", "ese", "ish", "i", "ch"))


def resolve_speaker(phrase: str, name: str, earlier: list[Speaker]) -> Speaker | None:
    """The earlier speaker that a role ("the minister") or a bare surname ("Soto") names, if any."""
    description = _description(phrase)
    if description:
        role, person = description
        # the nearest of the same kind whose role, if the text gave one, is this one: "the mayor"
        # is not "Fire chief Tomas Reyes"; a body's own noun must be in its name or role ("the
        # ministry" is not "Beijing", "the company" may be "Lima Water Works")
        return next((s for s in reversed(earlier) if s.name[:1].isupper() and _is_person(s) == person
                     and (role in s.roles or not person and role in GENERIC_BODY_NOUNS
                          or not s.roles and (person or role in s.name.lower()))), None)
    if _NAME.fullmatch(name):
        return next((s for s in reversed(earlier) if _is_person(s) and " " in s.name
                     and s.name.split()[-1] == name), None)
    return None


def _is_person(speaker: Speaker) -> bool:
    return is_person_source(speaker.name, speaker.kind)


def is_person_source(name: str, kind: str) -> bool:
    """A named person: an expert or official whose name does not end in a body's head noun
    ("National Cyber Security Center" speaks as an expert, but is no person)."""
    head = role_table()[1].get(name.split()[-1].lower()) if name.split() else None
    return (kind in PERSON_KINDS and " and " not in name and name[:1].isupper()
            and not (head and head[0] in ORGANISATION_HEADS))
