"""The values of time expressions: ISO dates, partial dates and ranges, worked out from the
parts a pattern of `mentions.py` matched and the publication date ("last July" in a text of
2022-08-09 is 2022-07; "the past two decades" is 2002/2022). Pure calendar arithmetic; no text
is searched here.
Data: lexicon/en/dates_relative.txt, numbers_words.txt (number words), dates_months.txt and
dates_weekdays.txt (through words/calendar.py).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Callable, NamedTuple

from factcheck.lexicon import records
from factcheck.pipeline.words.calendar import month_table, weekday_table

DAYS_PER_WEEK = 7
YEARS_PER_UNIT = {"year": 1, "decade": 10, "century": 100}


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


@lru_cache(maxsize=1)
def relative_phrases() -> dict[str, tuple[str, int]]:
    return {row.phrase.lower(): (row.unit, row.offset) for row in records("dates_relative.txt")}


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Cardinal words from numbers_words.txt, for "the past two decades", "three weeks ago"."""
    return {row.word: int(row.value) for row in records("numbers_words.txt") if row.kind in ("cardinal", "weak")}


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
    return int(word) if word.isdigit() else number_words()[word.lower()]


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


VALUES: dict[str, Callable] = {
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
    "relative": lambda g, p: _by_unit(*relative_phrases()[" ".join(g[-1].lower().split())], p),
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
