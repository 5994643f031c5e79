"""Office titles -> the people holding them on a date.

"The Russian president" in an article of August 2022 is Vladimir Putin and "the Russian and
Iranian presidents" are Putin and Ebrahim Raisi; in 2010 the first is Dmitry Medvedev. A title
the holder's name follows ("Russian President Vladimir Putin") is left to the name. "His Iranian
counterpart" holds, in Iran, the office of the person "his" stands for.
Data: lexicon/en/office_holders.txt (dated terms) and offices.txt (titles), formats there.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.lexicon import LEXICON_DIR, LexiconError, numbered_records, records

# Between two countries of one title: "the Russian and Iranian presidents", "US, French and
# British leaders".
JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")
POSSESSIVE = re.compile(r"['’]s?")
NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")          # "President Vladimir Putin": the name speaks
MAX_TITLE_CHARS = 48            # "the minister of foreign affairs of " before a country
COUNTERPART = re.compile(r"\s+counterparts?\b", re.I)


@dataclass(frozen=True)
class Term:
    """One person's term in one office of one country: [start, end), end '' while in office."""

    country: str
    office: str
    person: str
    start: str
    end: str


@dataclass(frozen=True)
class OfficeMention:
    """An office named without its holder at [start, end): the countries, and the office (None
    for "counterpart", whose office is the other person's)."""

    start: int
    end: int
    countries: tuple[str, ...]
    office: str | None


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """Every term of office_holders.txt. The lexicon's loader checks that its names and office are
    in actors.txt and offices.txt and its dates are days; here, that the holder is a person and
    the term ends after it starts."""
    people = {actor.name for actor in records("actors.txt") if actor.type.partition("/")[0] == "person"}
    out = []
    for number, (country, office, person, start, end) in numbered_records("office_holders.txt"):
        if person not in people or end and end <= start:
            raise LexiconError(f"{LEXICON_DIR / 'office_holders.txt'}:{number}: {person!r} is no person in "
                               f"actors.txt, or the term ends before it starts ({start} - {end})")
        out.append(Term(country, office, person, start, end))
    return tuple(out)


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Title, lowercased -> office ("foreign secretary" -> "foreign minister")."""
    return {title.lower(): office for title, office in records("offices.txt")}


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    words = sorted(titles(), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"\s+(?P<title>" + body + r")(?P<plural>e?s)?\b", re.I)


@lru_cache(maxsize=1)
def _title_of_pattern() -> re.Pattern:
    words = sorted(titles(), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"\b[Tt]he\s+(?P<title>" + body + r")(?P<plural>e?s)?\s+of\s+(?:the\s+)?$", re.I)


def period_of(iso: str | None) -> tuple[str, str] | None:
    """'2022-08' -> ('2022-08-01', '2022-08-31'); '2022' -> the year; 'A/B' -> A's start to B's end;
    an open range 'A/..' ("since 2014") -> A, the one time it names."""
    if not iso:
        return None
    first, _, last = iso.partition("/")
    lo, hi = _bounds(first), _bounds(last if last and last != ".." else first)
    return (lo[0], hi[1]) if lo and hi else None


def _bounds(iso: str) -> tuple[str, str] | None:
    parts = iso.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return None
    if len(parts) == 1:
        return f"{iso}-01-01", f"{iso}-12-31"
    if len(parts) == 2:
        days = calendar.monthrange(int(parts[0]), int(parts[1]))[1] if 1 <= int(parts[1]) <= 12 else 31
        return f"{iso}-01", f"{iso}-{days:02d}"
    return iso, iso


def holder(country: str, office: str, period: tuple[str, str] | None) -> str | None:
    """The one person holding `office` in `country` throughout `period`, else None (no date, a
    change of holder within the period, nobody listed)."""
    if period is None:
        return None
    found = {t.person for t in terms() if t.country == country and t.office == office
             and t.start <= period[1] and (not t.end or period[0] < t.end)}
    if len(found) != 1:
        return None
    person = found.pop()
    covered = any(t.person == person and t.country == country and t.office == office and t.start <= period[0]
                  and (not t.end or period[1] < t.end) for t in terms())
    return person if covered else None


def offices_held(person: str, period: tuple[str, str] | None) -> list[tuple[str, str]]:
    """(country, office) of each office `person` held during `period`."""
    if period is None:
        return []
    return [(t.country, t.office) for t in terms() if t.person == person
            and t.start <= period[1] and (not t.end or period[0] < t.end)]


@lru_cache(maxsize=1024)
def home_country(person: str) -> str | None:
    """The country whose offices `person` held, when there is exactly one ("his country")."""
    countries = {t.country for t in terms() if t.person == person}
    return countries.pop() if len(countries) == 1 else None


def find_office_mentions(text: str, countries: list[tuple[int, int, str]]) -> list[OfficeMention]:
    """Offices named by country and title in `text`. `countries` are the country mentions of the
    text as (start, end, canonical name), demonyms included, in text order."""
    out, n = [], 0
    while n < len(countries):
        run = [countries[n]]
        while n + 1 < len(countries) and JOINER.match(text[run[-1][1]:countries[n + 1][0]]):
            n += 1
            run.append(countries[n])
        n += 1
        mention = _office_after(text, run) or _office_before(text, run)
        if mention:
            out.append(mention)
    return out


def _office_before(text: str, run: list[tuple[int, int, str]]) -> OfficeMention | None:
    """The title before 'of' and a country: "the president of Russia", "the foreign ministers of
    Russia and Iran"."""
    title = _title_of_pattern().search(text, max(0, run[0][0] - MAX_TITLE_CHARS), run[0][0])
    if not title or NAME_NEXT.match(text, run[-1][1]) and text[run[-1][1]:run[-1][1] + 1] != ",":
        return None
    names = tuple(dict.fromkeys(c[2] for c in run))
    if len(names) > 1 and not title.group("plural"):
        return None
    office = titles()[" ".join(title.group("title").lower().split())]
    return OfficeMention(title.start("title"), run[-1][1], names, office)


def _office_after(text: str, run: list[tuple[int, int, str]]) -> OfficeMention | None:
    """The title right after a country or a run of countries: "Russian president",
    "Iran's foreign minister", "Russian and Iranian presidents", "Iranian counterpart"."""
    end = run[-1][1]
    possessive = POSSESSIVE.match(text, end)
    at = possessive.end() if possessive else end
    names = tuple(dict.fromkeys(c[2] for c in run))
    counterpart = COUNTERPART.match(text, at)
    if counterpart:
        return OfficeMention(run[0][0], counterpart.end(), names, None)
    title = _title_pattern().match(text, at)
    if not title or NAME_NEXT.match(text, title.end()):
        return None
    if len(names) > 1 and not title.group("plural"):
        return None                          # "the US and Russian president Biden": not an office pair
    return OfficeMention(run[0][0], title.end(), names, titles()[" ".join(title.group("title").lower().split())])
