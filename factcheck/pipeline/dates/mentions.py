"""Temporal expressions in a text -> ISO dates, resolved against the publication date, never
against today. This module finds them and the tense around them; `values.py` works out the dates.

Values keep the precision the text gives: "in 1995" -> 1995, "In January 2022" -> 2022-01,
"On August 9, 2022" -> 2022-08-09; ranges are "A/B" ("from 2001 to 2011" -> 2001/2011).
Relative expressions ("last July", "this August", "in late December", "since February 24",
"yesterday") need a publication date precise enough; without one they give no value. A day,
month or weekday named without a year lies on the side of publication its clause's tense says
("will close in June" is the coming June, "closed in June" the last one); a day with no tense
near it is the nearer of the two. "since 2014" is an open range, "2014/..": a start.
Data: lexicon/en/dates_cues.txt, dates_tense.txt, numbers_qualifiers.txt, units_measures.txt;
the months, weekdays and relative phrases through `values.py` and words/calendar.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from factcheck.lexicon import load_list, records
from factcheck.patterns import compile_fast
from factcheck.pipeline.dates.values import (
    ABSOLUTE_KINDS,
    TENSED_KINDS,
    VALUES,
    number_words,
    parse_published,
    relative_phrases,
)
from factcheck.pipeline.words.calendar import month_table, weekday_table

YEAR = r"((?:19|20)\d\d)"                       # years 1900-2099; other four-digit numbers are amounts
DAY = r"([0-3]?\d)(?:st|nd|rd|th)?"
CONTEXT_CHARS = 30                              # how far around a number its context is read


@dataclass(frozen=True)
class DateMention:
    """A time expression at [start, end) of a text, with its ISO value (partial, or a range A/B)."""

    start: int
    end: int
    text: str
    value: str
    relative: bool


# ---- lexicon ---------------------------------------------------------------------------------

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
    relative = "|".join(re.escape(p) for p in sorted(relative_phrases(), key=len, reverse=True))
    count = r"(\d+|" + "|".join(sorted(number_words(), key=len, reverse=True)) + r"|a|an)"
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
    relative = frozenset(phrase.split()[-1].rstrip("'s") for phrase in relative_phrases())
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
        return VALUES["years"](item.match.groups(), None) is not None
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
            value = VALUES[item.kind](groups, pub, mode)
        else:
            value = VALUES[item.kind](groups, pub)
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
