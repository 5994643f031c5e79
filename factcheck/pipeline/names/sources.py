"""Source phrases -> a canonical source and its type.

`canonical_source` reduces a source phrase as written ("US National Security Advisor Jake
Sullivan", "the Russian Ministry of Foreign Affairs", "Israeli security sources") to a canonical
name and a source type, with the actors of `actors.py` and the roles of
lexicon/en/source_roles.txt (format in lexicon/README.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from factcheck.pipeline.names.actors import EXTRA_KIND, Mention, find_mentions, gazetteer
from factcheck.pipeline.names.roles import ORGANISATION_HEADS, PERSON_ROLES, role_table

# Source phrases whose canonical name and type are remembered, with the user's aliases they were
# read with: half the source phrases of a run of articles recur.
RECENT_SOURCES = 4096


class _Role(NamedTuple):
    start: int
    end: int
    kind: str
    plural: bool


DASH_ASIDE = re.compile(r"\s(?:—|–|--?)\s")     # "Many speakers — including ... —": the aside is no name
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_INDEFINITE = frozenset("a an one some several many two three four few other unnamed anonymous".split())
_PREPOSITION = re.compile(r"\s(?:of|for|at|on|in|from|with|to|about|within|inside|close to)\s|,", re.I)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
# Lowercase particles inside personal names ("Ursula von der Leyen", "Osama bin Laden").
NAME_PARTICLES = frozenset("al el bin ibn bint ben abu de del da di dos du van von der den la le".split())


def _trim_source(phrase: str) -> tuple[str, str | None]:
    """Strip quotes, a possessive and a leading article: "the Kremlin's" -> ("Kremlin", "the")."""
    text = DASH_ASIDE.split(" ".join(phrase.split()), 1)[0].strip(",;:\"“”‘()[]—–- ")
    text = re.sub(r"(?<=[a-z])\.$", "", re.sub(r"(?:['’]s|(?<=s)['’])$", "", text))
    article = _ARTICLE.match(text)
    return (text[article.end():], article.group().strip().lower()) if article else (text, None)


def _find_roles(text: str, mentions: list[Mention]) -> list[_Role]:
    pattern, table = role_table()
    found = []
    for match in pattern.finditer(text):
        if not any(m.start <= match.start() < m.end for m in mentions):
            kind, plural = table[" ".join(match.group().lower().split())]
            found.append(_Role(match.start(), match.end(), kind, plural))
    return found


def _name_runs(text: str, covered: list[tuple[int, int]]) -> list[list[re.Match]]:
    """Maximal runs of capitalised words, with particles inside ("Bashar al-Assad"), outside `covered`."""
    runs, last_end = [[]], -1
    for token in _NAME_TOKEN.finditer(text):
        word, free = token.group(), not any(s <= token.start() < e for s, e in covered)
        name_like = free and (word[0].isupper() or "-" in word and word.split("-", 1)[0] in NAME_PARTICLES)
        joined = bool(runs[-1]) and text[last_end:token.start()].isspace()
        if name_like or free and word in NAME_PARTICLES and joined:
            if not joined:
                runs.append([])
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
        last_end = token.end()
    return [run[:max(i for i, t in enumerate(run) if t.group() not in NAME_PARTICLES) + 1]
            for run in runs if any(t.group() not in NAME_PARTICLES for t in run)]


def _unknown_person(text: str, mentions: list[Mention], roles: list[_Role]) -> str | None:
    """The first run of capitalised words no gazetteer entry or role covers: "John Smith, an analyst"."""
    covered = [(m.start, m.end) for m in mentions] + [(r.start, r.end) for r in roles]
    for run in _name_runs(text, covered):
        before, end = text[:run[0].start()], run[-1].end()
        after_role = any(r.end <= run[0].start() and before[r.end:].isspace() and r.kind in PERSON_ROLES
                         for r in roles)
        org_part = re.search(r"[A-Z][\w.]*\s+(?:of|for|on)\s+$", before) or any(   # "Endowment for
            r.start > end and text[end:r.start].isspace() and r.kind in ORGANISATION_HEADS for r in roles)
        if not org_part and not _modifier(text, end) and (len(run) >= 2 or after_role):
            return " ".join(text[run[0].start():run[-1].end()].split()).rstrip("'’").removesuffix("'s")
    return None


def _listed(mentions: list[Mention], text: str) -> tuple[str, str] | None:
    """A phrase that is nothing but actors: "Washington" -> United States; "Moscow and Tehran"."""
    gaps = [text[a.end:b.start] for a, b in zip(mentions, mentions[1:])]
    rest = text[:mentions[0].start] + "".join(gaps) + text[mentions[-1].end:] if mentions else text
    if not mentions or re.sub(r"\band\b|[,&/]|\s", "", rest) or any(gap.isspace() for gap in gaps):
        return None                       # "Russian Vladimir Putin": a demonym, not a list
    names = list(dict.fromkeys(m.actor.name for m in mentions))
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    kinds = {m.actor.source_type for m in mentions}
    return joined, kinds.pop() if len(kinds) == 1 else "other"


def _named(text: str, mentions: list[Mention], roles: list[_Role]) -> tuple[str, str] | None:
    """A person's name with the type their role or affiliation gives."""
    known = next((m for m in mentions if m.actor.kind == "person" and not _modifier(text, m.end)), None)
    unknown = _unknown_person(text, mentions, roles)
    if unknown and (known is None or text.index(unknown) < known.start):   # the first name given
        known = None
    person = known.actor if known else None
    name = person.name if person else unknown
    if name is None:
        return None
    role = next((r.kind for r in roles if r.kind in PERSON_ROLES), None)
    if role:
        return name, "official" if role == "spokesperson" else role
    if person:
        return name, person.source_type
    affiliation = {"media": "media", "government_body": "official", "country": "official"}
    kind = next((affiliation.get(m.actor.kind, m.actor.source_type) for m in mentions
                 if m.actor.kind != EXTRA_KIND), "other")
    return name, kind if kind in ("media", "official", "expert") else "other"


def _modifier(text: str, end: int) -> bool:
    """A name before a common noun modifies it: "Trump supporters", "the Cruz campaign", "Trump's team"."""
    following = re.match(r"(?:['’]s)?\s+([a-z][\w-]*)", text[end:])
    return bool(following) and following.group(1) not in gazetteer().common_words


def _head(text: str, roles: list[_Role]) -> _Role | None:
    """The role that heads the phrase: the last one before a preposition or comma."""
    cut = next((m.start() for m in _PREPOSITION.finditer(text)
                if not any(r.start <= m.start() < r.end for r in roles) and any(r.start < m.start() for r in roles)),
               len(text))
    before = [r for r in roles if r.start < cut]
    return before[-1] if before else (roles[0] if roles else None)


def _unnamed(text: str, article: str | None, head: _Role, mentions: list[Mention]) -> tuple[str, str]:
    body = next((m.actor for m in mentions if m.actor.kind in ("government_body", "country", "organisation")), None)
    countries = [m.actor.name for m in mentions if m.actor.kind == "country"]
    outlet = next((m.actor.name for m in mentions if m.actor.kind == "media"), None)
    if outlet and head.kind in ("outlet", "media"):
        return outlet, "media"
    if head.kind == "spokesperson":
        return (body.name, "government") if body else (text, "anonymous")
    if head.kind == "anonymous" and _speaks_for(text, head, mentions):
        return body.name, body.source_type      # "IDF officials", "senior Hamas officials": the body
    if head.kind == "state":
        return (countries[0], "government") if len(set(countries)) == 1 else (text, "government")
    kinds = {"body": "government", "institution": "expert", "outlet": "media", "group": "other", "pronoun": "other"}
    if head.kind in kinds:
        return text, kinds[head.kind]
    first = text.split()[0].lower() if text.split() else ""
    if head.kind == "anonymous" or head.plural or article in ("a", "an") or first in _INDEFINITE:
        return text, "anonymous"
    return text, head.kind


def _speaks_for(text: str, head: _Role, mentions: list[Mention]) -> bool:
    """Unnamed officials named by the body they serve, right before them ("IDF officials", "Hamas
    officials"), not by a country ("US officials" are not the United States) or an outlet."""
    owner = next((m for m in mentions if m.end <= head.start and not text[m.end:head.start].strip()), None)
    return bool(owner) and owner.actor.kind in ("government_body", "organisation") \
        and text[head.start:head.end].lower() in ("official", "officials")


def canonical_source(phrase: str, extra_aliases: dict[str, str] | None = None) -> tuple[str, str]:
    """(canonical name, source type) for a source phrase as written; pronouns are left as they are.

    "US National Security Advisor Jake Sullivan" -> ("Jake Sullivan", "official");
    "the Iranian government" -> ("Iran", "government"); "a senior official" -> ("senior official",
    "anonymous"); "a report on the Al Arabiya website" -> ("Al Arabiya", "media").
    """
    return _canonical_source(phrase, tuple(extra_aliases.items()) if extra_aliases else ())


@lru_cache(maxsize=RECENT_SOURCES)
def _canonical_source(phrase: str, extra_aliases: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    text, article = _trim_source(phrase)
    if not text:
        return phrase.strip(), "other"
    mentions = [m for m in find_mentions(text, dict(extra_aliases)) if m.actor.kind != "place"]
    roles = _find_roles(text, mentions)
    head = _head(text, roles)
    if head and head.kind == "pronoun" and head.end - head.start == len(text):
        return text, "other"
    found = _listed(mentions, text) or _named(text, mentions, roles)
    if found:
        return found
    if head:
        return _unnamed(text, article, head, mentions)
    organisation = next((m.actor for m in mentions if m.actor.kind not in ("country", "person")), None)
    if organisation:
        return organisation.name, organisation.source_type
    countries = {m.actor.name for m in mentions if m.actor.kind == "country"}   # "the Iranian side"
    return (countries.pop(), "government") if len(countries) == 1 else (text, "other")
