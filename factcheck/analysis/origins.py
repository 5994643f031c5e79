"""Who first asserts a claim: its origin, the body that independence is counted by.

An outlet relaying a minister is not a second source, and neither is the minister's spokesman,
the ministry or "Beijing": they are one body. A claim's origin is therefore
  - for the author's own voice: the outlet that publishes it (its publisher when known, else the
    document), since each outlet's own statements are its own;
  - for a state speaking through a ministry, an agency, an office holder or unnamed officials
    ("the Pentagon", "Chinese Ministry of Foreign Affairs", "US officials", "Joe Biden" while
    president): that state's government;
  - otherwise the named source itself, after the user's aliases (`factcheck actors alias`) and
    the country metonyms ("Washington", "the Kremlin") are resolved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from factcheck.analysis.text import country_mentions, fold, resolve_aliases
from factcheck.lexicon import load_list, load_table
from factcheck.models import Claim

AUTHOR = "author"
# Source types that speak for a state when their name ties them to one country.
STATE_VOICES = ("government", "official", "anonymous")


def origin_of(claim: Claim, publisher: str | None = None,
              aliases: Mapping[str, str] | None = None) -> str:
    """The origin of `claim` as a lowercase key: 'outlet:<publisher>', 'author@<document>',
    'state:<country>' or the resolved source name."""
    name = " ".join((claim.source or "").split())
    if not name or name.lower() == AUTHOR:
        return f"outlet:{fold(publisher).lower().strip()}" if publisher else f"{AUTHOR}@{claim.document}"
    name = _aliased(_body_of(name), aliases or {})
    # an office holder in office speaks for the state, however the extraction typed the source
    if claim.source_type in STATE_VOICES or _holds_office(name, claim.when):
        state = _state_of(name, claim.when)
        if state:
            return f"state:{state.lower()}"
    return re.sub(r"^(?:the|a|an)\s+", "", resolve_aliases(fold(name)).lower().strip())


def origin_label(origin: str) -> str:
    """An origin key as a reader knows it: 'state:china' -> 'China (government)'."""
    if origin.startswith("state:"):
        return origin[6:].title() + " (government)"
    if origin.startswith("outlet:"):
        return origin[7:] + " (own reporting)"
    if origin.startswith(f"{AUTHOR}@"):
        return f"the author of {origin[len(AUTHOR) + 1:]}"
    return origin


_ISSUED = re.compile(r"^(?:an? |the )?(?:statement|report|letter|memo|note|post|press release|release|"
                     r"communiqu[eé]|briefing|document)s?\b.*?\b(?:by|from|of)\s+(.+?)(?:\s+(?:on|in|at|last|this)\b.*)?$",
                     re.I)


# A body run by another speaks for it: "the Hamas-run health ministry", "Houthi-controlled
# media", "a Kremlin-owned television channel" -> the named owner (a body merely backed by
# another still speaks for itself).
_RUN_BY = re.compile(r"^(?:the |an? )?((?:[A-Z][\w'’.]*[ -])*?[A-Z][\w'’.]*)[-‐ ]"
                     r"(?:run|controlled|owned|operated)\s+\w", re.UNICODE)


# An organisation's own office speaks for it, as a ministry speaks for its state: "Hamas health
# authorities", "Hezbollah media office", "Taliban officials" -> the organisation (of the gazetteer).
_ORGANISATION_OFFICE = re.compile(
    r"^(?:the\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’.-]*)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:ministry|ministries|authority|authorities|officials?|office|spokes(?:man|woman|person)|"
    r"government|council|leadership|leaders?|command|wing)$")


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    """Lowercase names and aliases of the gazetteer's organisations (not states, not media)."""
    return frozenset(name.lower() for row in load_table("actors.txt") if row[1].startswith("organisation")
                     for name in (row[0], *row[2:]))


# A person named with a role at a body speaks for the body: "Nordwind CEO Anna Berg", "Taliban
# spokesman Zabihullah Mujahid", "Kremlin spokesman Dmitry Peskov" -> the body. The role is one of source_roles.txt
# (official, spokesperson, anonymous) or named_titles.txt; the body a capitalised name before it.
_AFFILIATED = re.compile(
    r"^(?:the\s+)?(?P<body>(?:[A-Z][\w'’.&-]*\s+){1,4}?)(?P<role>(?:[a-z][\w-]*\s+){0,2}(?:[a-z][\w-]*|[A-Z]{2,5}))\s+"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)$")
# Capitalised words before a role that qualify it rather than name a body ("Former CEO ...").
_NOT_BODIES = frozenset("former acting then late ex deputy chief senior top interim vice rear lieutenant "
                        "general major colonel".split())


def _affiliation(name: str) -> str | None:
    """The body of "<Body> <role> <Person>", or None."""
    found = _AFFILIATED.match(name)
    if not found:
        return None
    body, role = found.group("body").strip(), found.group("role").lower()
    roles = _affiliated_roles()
    if role not in roles or body.split()[0].lower() in _NOT_BODIES \
            or any(" ".join(body.lower().split()[k:]) + " " + role in roles for k in range(len(body.split()))):
        return None                     # "Prime Minister Rishi Sunak": the body is part of the role
    return body.rstrip("’'s").rstrip("’'") if body.endswith(("'s", "’s")) else body


@lru_cache(maxsize=1)
def _affiliated_roles() -> frozenset[str]:
    """Roles a person holds at a body, lowercase: of officials, spokespeople and titles."""
    roles = {row[0].lower() for row in load_table("source_roles.txt")
             if row[1] in ("official", "spokesperson", "anonymous")}
    roles |= {w.lower() for w in load_list("named_titles.txt")}
    return frozenset(roles)


def _body_of(name: str) -> str:
    """The body a source phrase speaks for: "Vell Port Authority spokeswoman", "Pentagon
    officials" (a name followed by a spokesperson's or an official's role, lexicon/en/
    source_roles.txt), "statement released by the ministry on Sunday" (a document and who
    issued it) and "the Hamas-run health ministry" (a body and who runs it) -> the name."""
    issued = _ISSUED.match(name)
    if issued:
        name = issued.group(1).strip(" ,.")
    owner = _RUN_BY.match(name)
    if owner:
        return owner.group(1)
    organisation = _ORGANISATION_OFFICE.match(name)
    if organisation and organisation.group(1).lower() in _organisations():
        return organisation.group(1)
    affiliated = _affiliation(name)
    if affiliated:
        return affiliated
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _speaking_roles():
        return name
    body = " ".join(words[:-1]).rstrip("’'s").rstrip("’'")
    return body if body[:1].isupper() else name


@lru_cache(maxsize=1)
def _speaking_roles() -> frozenset[str]:
    """One-word roles that speak for a body, with their plurals."""
    roles = {row[0].lower() for row in load_table("source_roles.txt") if row[1] in ("spokesperson", "anonymous")
             and " " not in row[0]}
    return frozenset(roles | {r + "s" for r in roles})


def _aliased(name: str, aliases: Mapping[str, str]) -> str:
    """The canonical name the user gave for `name` (aliases are keyed in lowercase)."""
    return aliases.get(fold(name).lower(), name) if aliases else name


def _state_of(name: str, when: str | None) -> str | None:
    """The one country a state voice's name ties it to, or the country an office holder served."""
    countries = country_mentions(name)
    if len(countries) == 1:
        return next(iter(countries))
    if countries:
        return None
    return _office_holders().get(fold(name).lower(), (None,))[0] if _holds_office(name, when) else None


def _holds_office(name: str, when: str | None) -> bool:
    """True when the office holder served at the claim's time (or the time is unknown)."""
    row = _office_holders().get(fold(name).lower())
    if row is None:
        return False
    year = (when or "")[:4]
    if not year.isdigit():
        return True
    first, last = row[1], row[2]
    return first.year <= int(year) <= (last.year if last else date.max.year)


@lru_cache(maxsize=1)
def _office_holders() -> dict[str, tuple[str, date, date | None]]:
    """Office holder's name (and surname) -> (country, first day, last day or None)."""
    out: dict[str, tuple[str, date, date | None]] = {}
    for row in load_table("office_holders.txt"):
        country, _, person, start = row[:4]
        end = row[4] if len(row) > 4 and row[4] else None
        try:
            span = (country, date.fromisoformat(start), date.fromisoformat(end) if end else None)
        except ValueError:
            continue
        out.setdefault(fold(person).lower(), span)
    return out


# Source types that may stand for one another when a generic phrase takes up a named source:
# "the ministry" or "officials" after the Chinese Ministry of Foreign Affairs.
_KINDRED = {"government": "state", "official": "state", "anonymous": "state", "media": "media"}


class Speaking:
    """What `assign_origins` reads of a claim, for callers with no analysis profile at hand."""

    __slots__ = ("index", "claim")

    def __init__(self, index: int, claim: Claim):
        self.index, self.claim = index, claim

    @property
    def is_author(self) -> bool:
        return (self.claim.source or "").strip().lower() in ("", AUTHOR)


def assign_origins(profiles, publishers: Mapping[str, str] | None = None,
                   aliases: Mapping[str, str] | None = None) -> list[str]:
    """The origin of each profile's claim. Within a document, a source named only by a common
    noun ("the ministry", "the report", "officials") takes the origin of the nearest named
    source before it of a kindred type, and a surname alone ("Hagari") that of the full name
    the document (or, if it names none, the database) gives."""
    publishers, aliases = publishers or {}, aliases or {}
    out = [origin_of(p.claim, publishers.get(p.claim.document), aliases) for p in profiles]
    by_doc: dict[str, list] = {}
    for p in profiles:
        by_doc.setdefault(p.claim.document, []).append(p)
    everywhere = _full_names(profiles, out)
    _owned_offices(profiles, out)
    for members in by_doc.values():
        members.sort(key=lambda p: p.claim.start)
        named: list[tuple[str, str]] = []            # (kindred type, origin) in reading order
        full = _full_names(members, out)
        for p in members:
            if p.is_author:
                continue
            source = _body_of(" ".join(p.claim.source.split()))
            kind = _KINDRED.get(p.claim.source_type, p.claim.source_type)
            if _is_bare_noun(source):
                earlier = next((origin for k, origin in reversed(named) if k == kind), None)
                if earlier:
                    out[p.index] = earlier
                continue
            if " " not in source and source.lower() in (full or everywhere):
                out[p.index] = (full if source.lower() in full else everywhere)[source.lower()]
            named.append((kind, out[p.index]))
    return out


# An office named by its place, or by nothing ("Hodeidah health ministry", "the health ministry
# in Hodeidah"): the office words and the capitalised place words around them.
_PLACED_OFFICE = re.compile(r"^(?:the\s+)?(?:(?P<before>(?:[A-Z][\w'’.-]*\s+){1,3})(?P<office>[a-z][a-z ]+?)"
                            r"|(?P<office2>[a-z][a-z ]+?)\s+(?:in|of)\s+(?P<after>(?:[A-Z][\w'’.-]*\s*){1,3}))$")
_OWNED_OFFICE = re.compile(r"^(?:the |an? )?(?:[A-Z][\w'’.]*[ -])*?[A-Z][\w'’.]*[-‐ ]"
                           r"(?:run|controlled|owned|operated)\s+(?P<office>[a-z][a-z ]+)$")


def _owned_offices(profiles, out: list[str]) -> None:
    """An office named only by its place ("Hodeidah health ministry", "the health ministry in
    Hodeidah") speaks for the one owner the database names for the same office ("the Houthi-run
    health ministry"), when it names exactly one and the place is no country."""
    owners: dict[str, set[str]] = {}
    for p in profiles:
        found = _OWNED_OFFICE.match(" ".join((p.claim.source or "").split()))
        if found:
            owners.setdefault(found.group("office").lower(), set()).add(out[p.index])
    if not owners:
        return
    for p in profiles:
        if p.is_author or out[p.index].startswith(("state:", "outlet:")):
            continue
        name = " ".join((p.claim.source or "").split())
        found = _PLACED_OFFICE.match(name)
        if not found or country_mentions(name):
            continue
        office = (found.group("office") or found.group("office2")).lower()
        place = (found.group("before") or found.group("after") or "").strip().lower()
        if len(owners.get(office, ())) == 1 and place not in _organisations():
            out[p.index] = next(iter(owners[office]))


# Words that leave a source phrase as unnamed as before: "unnamed officials", "the agency".
_VAGUE = frozenset("the a an this that these those its their his her unnamed anonymous senior other "
                   "some several many two three top".split())


def _is_bare_noun(source: str) -> bool:
    """A source named by one common noun ("the ministry", "officials", "unnamed reports"),
    which can only mean a body named before it; "local health officials" says more."""
    words = [w for w in source.lower().split() if w not in _VAGUE]
    return len(words) == 1 and not any(w[:1].isupper() for w in source.split())


def _full_names(profiles, origins: list[str]) -> dict[str, str]:
    """Last word of a multi-word source (lowercase) -> its origin, when only one origin has it."""
    found: dict[str, set[str]] = {}
    for p in profiles:
        words = (p.claim.source or "").split()
        if len(words) > 1 and not p.is_author and words[-1][:1].isupper():
            found.setdefault(words[-1].lower(), set()).add(origins[p.index])
    return {last: next(iter(o)) for last, o in found.items() if len(o) == 1}
