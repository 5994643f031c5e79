"""Temporal expressions -> ISO dates, resolved against the publication date, never against today.

Values keep the precision the text gives: "in 1995" -> 1995, "In January 2022" -> 2022-01,
"On August 9, 2022" -> 2022-08-09; ranges are "A/B" ("from 2001 to 2011" -> 2001/2011).
Relative expressions ("last July", "this August", "in late December", "since February 24",
"yesterday") need a publication date precise enough; without one they give no value. A day,
month or weekday named without a year lies on the side of publication its clause's tense says
("will close in June" is the coming June, "closed in June" the last one); a day with no tense
near it is the nearer of the two. "since 2014" is an open range, "2014/..": a start.
Data: lexicon/en/dates_months.txt, dates_weekdays.txt, dates_relative.txt, dates_cues.txt,
dates_tense.txt.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple

from factcheck.lexicon import load_list, records
from factcheck.patterns import compile_fast
from factcheck.pipeline.words.calendar import month_table, weekday_table

YEAR = r"((?:19|20)\d\d)"                       # years 1900-2099; other four-digit numbers are amounts
DAY = r"([0-3]?\d)(?:st|nd|rd|th)?"
DAYS_PER_WEEK = 7
YEARS_PER_UNIT = {"year": 1, "decade": 10, "century": 100}
CONTEXT_CHARS = 30                              # how far around a number its context is read


@dataclass(frozen=True)
class DateMention:
    """A time expression at [start, end) of a text, with its ISO value (partial, or a range A/B)."""

    start: int
    end: int
    text: str
    value: str
    relative: bool


class Published(NamedTuple):
    year: int
    month: int | None
    day: int | None


@lru_cache(maxsize=256)
def parse_published(published: str | None) -> Published | None:
    """'2022-08-09', '2022-08' or '2022' -> its parts; None when absent or not a date."""
    match = re.match(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", (published or "").strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month and not 1 <= month <= 12 or day and not _valid(year, month, day):
        return None
    return Published(year, month, day)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# ---- lexicon ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _relative_phrases() -> dict[str, tuple[str, int]]:
    return {row.phrase.lower(): (row.unit, row.offset) for row in records("dates_relative.txt")}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    """Cardinal words from numbers_words.txt, for "the past two decades", "three weeks ago"."""
    return {row.word: int(row.value) for row in records("numbers_words.txt") if row.kind in ("cardinal", "weak")}


@lru_cache(maxsize=2)
def _cue_before(scope: str = "month") -> re.Pattern:
    """A cue right before a month or year: "in July", "since May", "mid-August", "in 2016 elections"."""
    cues = [row.cue for row in records("dates_cues.txt") if scope in row.scope]
    alternation = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(r"(?:^|\W)(?:" + alternation + r")[\s-]+$", re.I)


@lru_cache(maxsize=1)
def _count_context() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    """What makes a four-digit number an amount: a qualifier before it, a unit after it."""
    qualifiers = [row.phrase for row in records("numbers_qualifiers.txt")]
    before = re.compile(r"(?:(?:^|\W)(?:" + "|".join(re.escape(q) for q in qualifiers)
                        + r")|[$€£]|(?-i:\b[A-Z]{3}))\s*$", re.I)
    units = frozenset(w.lower() for row in records("units_measures.txt") for w in (row.normal, *row.spellings))
    return before, units, frozenset(load_list("numbers_function_words.txt"))


# ---- patterns --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, regex) for every form of time expression, most specific first."""
    month, _ = month_table()
    weekday, _ = weekday_table()
    relative = "|".join(re.escape(p) for p in sorted(_relative_phrases(), key=len, reverse=True))
    count = r"(\d+|" + "|".join(sorted(_number_words(), key=len, reverse=True)) + r"|a|an)"
    link = r"\s*(?:and|-|–|to|through|until)\s*"
    forms = {
        "month_days_year": rf"{month}\s+{DAY}{link}{DAY},?\s+{YEAR}",
        "days_month_year": rf"{DAY}{link}{DAY}\s+{month},?\s+{YEAR}",
        "month_day_year": rf"{month}\s+{DAY},?\s+{YEAR}",
        "day_month_year": rf"(?:the\s+)?{DAY}(?:\s+of)?\s+{month},?\s+{YEAR}",
        "months_year": rf"(?i:from|between)\s+{month}{link}{month},?\s+{YEAR}",
        "month_year": rf"{month},?\s+(?:of\s+)?{YEAR}",
        "month_days": rf"{month}\s+{DAY}{link}{DAY}(?!\d)",
        "days_month": rf"{DAY}{link}{DAY}\s+{month}",
        "month_day": rf"{month}\s+{DAY}(?![\d:])",
        "day_month": rf"(?:the\s+)?{DAY}(?:\s+of)?\s+{month}",
        "years": rf"(?i:from|between)\s+{YEAR}\s+(?:and|to|until|through)\s+{YEAR}"
                 rf"|{YEAR}\s*[-–/]\s*((?:19|20)?\d\d)(?![\d-])",
        "decade": r"(?:the\s+)?((?:19|20)\d0)['’]?s(?!\w)",
        "quarter": rf"(?i:(first|second|third|fourth)\s+quarter\s+of)\s+{YEAR}|Q([1-4])\s+{YEAR}",
        "iso": r"((?:19|20)\d\d)-([01]\d)(?:-([0-3]\d))?(?![\d-])",
        "named_month": rf"(?i:(last|this|next|past|previous|coming))\s+{month}",
        "span": rf"(?i:the\s+(?:past|last)\s+(?:{count}\s+(year|decade|centur(?:y|ie)|month|week|day)s?"
                r"|()(year|decade|century|month|week|day)))(?!\w)",
        "ago": rf"(?i:{count}\s+(year|decade|month|week|day)s?\s+ago)(?!\w)",
        "relative": rf"(?i:{relative})(?!\w)",
        "weekday": rf"(?:(?i:(last|this|next|on))\s+)?{weekday}",
        "month": month,
        "year": r"(?<![A-Za-z]-)" + YEAR + r"(?![\w%-]|[.,]\d|\s*(?:percent|per cent))",
    }
    return tuple((kind, compile_fast(r"(?<![\w$€£.,/:])" + regex)) for kind, regex in forms.items())


class _Found(NamedTuple):
    start: int
    end: int
    kind: str
    match: re.Match


# What a text must contain for a form to be worth trying: most sentences have no date at all.
MONTH_FORMS = frozenset({"month_days_year", "days_month_year", "month_day_year", "day_month_year", "months_year",
                         "month_year", "month_days", "days_month", "month_day", "day_month", "named_month", "month"})
DIGIT_FORMS = frozenset({"years", "decade", "quarter", "iso", "year"})
SCAN_CACHE_TEXTS = 4096       # claims read the same quote for dates and for numbers
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _forms_by_trigger() -> list[tuple[frozenset[str] | str, list[tuple[int, str, re.Pattern]]]]:
    """Forms grouped by what a text must contain for them to be tried: a digit or one of some words."""
    relative = frozenset(phrase.split()[-1].rstrip("'s") for phrase in _relative_phrases())
    triggers = {"month": frozenset(month_table()[1]), "weekday": frozenset(weekday_table()[1]), "relative": relative,
                "span": frozenset({"past", "last"}), "ago": frozenset({"ago"}), "digit": "digit"}
    groups: dict[str, list[tuple[int, str, re.Pattern]]] = {}
    for index, (kind, pattern) in enumerate(_patterns()):
        key = "month" if kind in MONTH_FORMS else "digit" if kind in DIGIT_FORMS else kind
        groups.setdefault(key, []).append((index, kind, pattern))
    return [(triggers[key], forms) for key, forms in groups.items()]


def _forms_for(text: str) -> list[tuple[int, str, re.Pattern]]:
    words = set(_WORDS.findall(text.lower()))
    digits = _DIGIT.search(text) is not None
    wanted = [form for trigger, forms in _forms_by_trigger()
              if (digits if trigger == "digit" else not words.isdisjoint(trigger)) for form in forms]
    return sorted(wanted)


@lru_cache(maxsize=SCAN_CACHE_TEXTS)
def _scan(text: str) -> tuple[_Found, ...]:
    """Every time expression, leftmost then longest, without overlaps; context decides the weak ones."""
    found = [_Found(m.start(), m.end(), kind, m)
             for _, kind, pattern in _forms_for(text) for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f.start, f.start - f.end))
    chosen, reach = [], -1
    for item in found:
        if item.start >= reach and _plausible(text, item):
            chosen.append(item)
            reach = item.end
    return tuple(chosen)


def _plausible(text: str, item: _Found) -> bool:
    """'in July' is a date, 'May have been' is not; 'in 2016' is a year, '2016 troops' is not."""
    before = text[max(0, item.start - CONTEXT_CHARS):item.start]
    if item.kind == "month":
        return bool(_cue_before().search(before))
    if item.kind == "years":
        return _VALUES["years"](item.match.groups(), None) is not None
    if item.kind != "year":
        return True
    qualifier, units, function_words = _count_context()
    if qualifier.search(before):
        return False
    following = re.match(r"\s+([a-z][\w-]*)", text[item.end:item.end + CONTEXT_CHARS])
    if not following:
        return True
    word = following.group(1)
    counted = word in units or word.endswith("s") and not word.endswith("ss") and word not in function_words
    return not counted or bool(re.search(r"\b[Tt]he\s+$", before) or _cue_before("year").search(before))


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every date-like expression, resolvable or not ("March 12", "in 2022")."""
    return [(item.start, item.end) for item in _scan(text)]


# ---- values ----------------------------------------------------------------------------------

def _month_number(word: str) -> int:
    return month_table()[1][word.lower().rstrip(".")]


def _year_of(month: int, day: int | None, pub: Published | None, mode: str = "latest") -> int | None:
    """The year of a month named without one. By default the latest at or before publication
    ("in late December" in 2020-01 is 2019-12); "last" and "past" are strictly before the
    publication month, "next" and "coming" after it, "this" in the publication year; "ahead"
    (a clause in the future tense) the earliest at or after publication; "nearest" (a day with
    no tense near it) whichever of the latest and the earliest lies closer to publication."""
    if pub is None:
        return None
    if mode == "this" or mode in ("latest", "ahead", "nearest") and pub.month is None:
        return pub.year
    if pub.month is None:
        return None
    if mode in ("last", "past", "previous"):
        return pub.year if month < pub.month else pub.year - 1
    if mode in ("next", "coming"):
        return pub.year if month > pub.month else pub.year + 1
    if mode == "ahead":
        return pub.year if (month, day or 31) >= (pub.month, pub.day or 1) else pub.year + 1
    back = pub.year if (month, day or 1) <= (pub.month, pub.day or 31) else pub.year - 1
    if mode == "nearest" and day and pub.day and back < pub.year:
        published = dt.date(pub.year, pub.month, pub.day)
        ahead, before = _date_or_none(pub.year, month, day), _date_or_none(back, month, day)
        if ahead and before and (ahead - published) < (published - before):
            return pub.year
    return back


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    return dt.date(year, month, day) if _valid(year, month, day) else None


def _ymd(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None or month and day and not _valid(year, month, day):
        return None
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def _shift_months(pub: Published, months: int) -> str:
    index = pub.year * 12 + pub.month - 1 + months
    return _ymd(index // 12, index % 12 + 1)


def _pub_date(pub: Published | None) -> dt.date | None:
    return dt.date(pub.year, pub.month, pub.day) if pub and pub.month and pub.day else None


def _count(word: str | None) -> int:
    if not word or word.lower() in ("a", "an"):
        return 1
    return int(word) if word.isdigit() else _number_words()[word.lower()]


def _by_unit(unit: str, offset: int, pub: Published | None) -> str | None:
    """A day, week, month or year `offset` units from publication, if the date is that precise."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    if unit in YEARS_PER_UNIT:
        return _ymd(pub.year + offset * YEARS_PER_UNIT[unit]) if pub else None
    if unit == "month":
        return _shift_months(pub, offset) if pub and pub.month else None
    day = _pub_date(pub)
    if day is None:
        return None
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=DAYS_PER_WEEK - 1)).isoformat()}"
    return (day + dt.timedelta(days=offset)).isoformat()


def _span_back(count: str | None, unit: str, pub: Published | None) -> str | None:
    """'the past two decades' -> from twenty years before publication to publication."""
    start = _by_unit(unit, -_count(count), pub)
    end = _by_unit(unit, 0, pub)
    if start is None or end is None:
        return None
    return f"{start.split('/')[0]}/{end.split('/')[-1]}"


def _weekday_value(mode: str | None, name: str, pub: Published | None, tense: str = "latest") -> str | None:
    """'on Tuesday' is the latest Tuesday at or before publication, the next one after it in a
    clause in the future tense ("will meet on Tuesday"); 'last' before, 'next' after."""
    day = _pub_date(pub)
    if day is None:
        return None
    back = (day.weekday() - weekday_table()[1][name.lower().rstrip(".")]) % DAYS_PER_WEEK
    mode = (mode or "").lower()
    if mode == "next" or tense == "ahead" and mode in ("", "on", "this"):
        return (day + dt.timedelta(days=(DAYS_PER_WEEK - back) % DAYS_PER_WEEK or DAYS_PER_WEEK)).isoformat()
    if mode == "last" and back == 0:
        back = DAYS_PER_WEEK
    return (day - dt.timedelta(days=back)).isoformat()


def _range(a: str | None, b: str | None) -> str | None:
    return f"{a}/{b}" if a and b else None


def _full_year(first: str, second: str) -> int:
    """'2014-15' -> 2015; '2001-2011' -> 2011."""
    return int(second) if len(second) == 4 else int(first[:2] + second)


_VALUES: dict[str, Callable] = {
    "month_days_year": lambda g, p: _range(_ymd(int(g[3]), _month_number(g[0]), int(g[1])),
                                           _ymd(int(g[3]), _month_number(g[0]), int(g[2]))),
    "days_month_year": lambda g, p: _range(_ymd(int(g[3]), _month_number(g[2]), int(g[0])),
                                           _ymd(int(g[3]), _month_number(g[2]), int(g[1]))),
    "month_day_year": lambda g, p: _ymd(int(g[2]), _month_number(g[0]), int(g[1])),
    "day_month_year": lambda g, p: _ymd(int(g[2]), _month_number(g[1]), int(g[0])),
    "months_year": lambda g, p: _range(_ymd(int(g[2]), _month_number(g[0])), _ymd(int(g[2]), _month_number(g[1]))),
    "month_year": lambda g, p: _ymd(int(g[1]), _month_number(g[0])),
    "month_days": lambda g, p, t="latest": _range(_dated(g[0], g[1], p, t), _dated(g[0], g[2], p, t)),
    "days_month": lambda g, p, t="latest": _range(_dated(g[2], g[0], p, t), _dated(g[2], g[1], p, t)),
    "month_day": lambda g, p, t="latest": _dated(g[0], g[1], p, t),
    "day_month": lambda g, p, t="latest": _dated(g[1], g[0], p, t),
    "years": lambda g, p: (f"{g[0]}/{g[1]}" if g[0] else
                           f"{g[2]}/{_full_year(g[2], g[3])}" if _full_year(g[2], g[3]) > int(g[2]) else None),
    "decade": lambda g, p: f"{g[0]}/{int(g[0]) + 9}",
    "quarter": lambda g, p: _quarter(g[0] or g[2], g[1] or g[3]),
    "iso": lambda g, p: _ymd(int(g[0]), int(g[1]), int(g[2]) if g[2] else None),
    "named_month": lambda g, p: _ymd(_year_of(_month_number(g[1]), None, p, g[0].lower()), _month_number(g[1])),
    "span": lambda g, p: _span_back(g[0], g[1] or g[3], p),   # "the past decades" (no count) is vague
    "ago": lambda g, p: _by_unit(g[1], -_count(g[0]), p),
    "relative": lambda g, p: _by_unit(*_relative_phrases()[" ".join(g[-1].lower().split())], p),
    "weekday": lambda g, p, t="latest": _weekday_value(g[0], g[1], p, t),
    "month": lambda g, p, t="latest": _ymd(_year_of(_month_number(g[0]), None, p,
                                                    "latest" if t == "nearest" else t), _month_number(g[0])),
    "year": lambda g, p: g[0],
}
ABSOLUTE_KINDS = frozenset({"month_days_year", "days_month_year", "month_day_year", "day_month_year",
                            "months_year", "month_year", "years", "decade", "quarter", "iso", "year"})
# The forms whose side of the publication date the clause's tense decides.
TENSED_KINDS = frozenset({"month_days", "days_month", "month_day", "day_month", "weekday", "month"})
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
MONTHS_PER_QUARTER = 3


def _dated(month: str, day: str, pub: Published | None, mode: str = "latest") -> str | None:
    number = _month_number(month)
    return _ymd(_year_of(number, int(day), pub, mode), number, int(day))


def _quarter(which: str, year: str) -> str:
    first = (QUARTERS[which.lower()] - 1) * MONTHS_PER_QUARTER + 1
    return f"{year}-{first:02d}/{year}-{first + MONTHS_PER_QUARTER - 1:02d}"


OPEN_END = ".."               # ISO 8601-2's open end of a range: "since 2014" is "2014/.."
_SINCE = compile_fast(r"\b[Ss]ince\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+|the\s+(?:end|beginning|start)\s+of\s+)?$")


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every time expression in `text` with a value; relative ones resolved against `published`."""
    pub = parse_published(published)
    mentions = []
    for item in _scan(text):
        groups = item.match.groups()
        if item.kind == "relative":
            groups = (item.match.group(),)
        if pub and item.kind in TENSED_KINDS:
            tense = tense_near(text, item.start, item.end)
            mode = {"future": "ahead", "past": "latest"}.get(tense, "nearest")
            value = _VALUES[item.kind](groups, pub, mode)
        else:
            value = _VALUES[item.kind](groups, pub)
        if value is None:
            continue
        relative = item.kind not in ABSOLUTE_KINDS
        if "/" not in value and _SINCE.search(text, max(0, item.start - CONTEXT_CHARS), item.start):
            value, relative = f"{value}/{OPEN_END}", True   # "since February 24": from then on
        mentions.append(DateMention(item.start, item.end, text[item.start:item.end], value, relative))
    return mentions


@lru_cache(maxsize=1)
def _tense_markers() -> tuple[re.Pattern, dict[str, str]]:
    table = {" ".join(phrase.lower().split()): tense for phrase, tense in records("dates_tense.txt")}
    words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(table, key=len, reverse=True))
    # a marker starts a word, or is a contraction ("we'll"); -ed words but "-eed" ("speed") and
    # a few adjectives ("hundred", "sacred") are regular past forms
    return re.compile(r"(?:(?<![\w'’])|(?=['’]))(?:(" + words + r")|(?!" + NOT_PAST_ED + r")([a-z]{2,}[^e\W]ed))"
                      r"(?![\w'’])", re.I), table


NOT_PAST_ED = r"(?:hundred|kindred|sacred|naked|wicked|rugged|ragged|crooked|beloved)\b"


_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")
_BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am)\s+$", re.I)


def tense_near(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None for the time expression at [start, end): the tense marker
    nearest before it in its clause ("will close in June"), else the nearest after it ("In
    June, the plant will close")."""
    opening = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    closing = _CLAUSE_END.search(text, end)
    pattern, table = _tense_markers()
    before, after = None, None
    for match in pattern.finditer(text, opening, closing.start() if closing else len(text)):
        tense = table[" ".join(match.group(1).lower().split())] if match.group(1) else "past"
        if tense == "past" and _BE_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue                                     # "will be held": the auxiliary's tense
        if match.end() <= start:
            before = tense
        elif match.start() >= end and after is None:
            after = tense
    return before or after


# A time preposition before the noun phrase makes it a time again: "after Tuesday's vote",
# "ahead of its 2015 acquisition".
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:before|after|ahead\s+of|prior\s+to|during|following|since|until|till|amid|by|through|throughout)"
    r"\s+(?:(?:the|its|his|her|their|our|a|an)\s+)?$", re.I)
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def names_a_thing(text: str, mention: DateMention) -> bool:
    """True when the time expression modifies a noun rather than the clause: "the 2018
    agreement", "a previously reported 2016 incident", "last week's report", "Tuesday's vote".
    It dates the thing named, not what is said of it. "In 2018 talks stalled" keeps its cue
    ("in"), "2016 was a turning point" has a function word after the year, and "after
    Tuesday's vote" is a time again."""
    before = text[max(0, mention.start - CONTEXT_CHARS):mention.start]
    if _TIME_PREPOSITION_BEFORE.search(before):
        return False                                # "ahead of its 2015 acquisition": a time
    after = text[mention.end:mention.end + CONTEXT_CHARS]
    if _POSSESSIVE_AFTER.match(after):
        return True
    if not _YEAR_ONLY.fullmatch(mention.text):
        return False
    following = _WORD_AFTER.match(after)
    if not following or following.group(1).lower() in _count_context()[2]:
        return False
    return not _cue_before("year").search(before) and not _cue_before("month").search(before)


def resolve_when(text: str, published: str | None, default: str | None = None) -> str | None:
    """The ISO value of the first time expression in `text` (the claim's main one), else `default`."""
    mentions = find_dates(text, published)
    return mentions[0].value if mentions else default
