"""When a claim holds, as a closed interval of days, and whether two such periods can be one.

`Claim.when` is ISO with the precision the text gives ("2022", "2022-08", "2022-08-09") or a
range of two of those ("2020-01/2020-02"). A partial date covers its whole year or month, so
"2022-08" and "2022-08-09" overlap while "2019-12" and "2022-01" do not: a December 2019 naval
exercise and a January 2022 one are different events, never a contradiction.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# Two periods this close still count as one: an overnight event is dated either day.
OVERLAP_TOLERANCE_DAYS = 1
# Two exact days further apart than this are different events rather than a date conflict
# about one event ("launched on 9 August" vs "launched on 12 August" conflict; a year apart do not).
DATE_CONFLICT_MAX_DAYS = 45

Period = tuple[int, int, int]       # (first day ordinal, last day ordinal, precision: 1 y, 2 m, 3 d)

_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _bounds(text: str) -> Period | None:
    match = _PART.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day and month:
            point = date(year, month, day).toordinal()
            return point, point, 3
        if month:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).toordinal(), date(year, month, last).toordinal(), 2
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal(), 1
    except ValueError:
        return None


def parse_period(when: str | None) -> Period | None:
    """The days `when` covers, or None for timeless or unreadable values (which match anything)."""
    if not when:
        return None
    first, _, last = str(when).partition("/")
    start = _bounds(first)
    if start is None:
        return None
    if not last:
        return start
    end = _bounds(last)
    if end is None or end[1] < start[0]:
        return start
    return start[0], end[1], min(start[2], end[2])


def periods_overlap(a: Period | None, b: Period | None,
                    tolerance: int = OVERLAP_TOLERANCE_DAYS) -> bool:
    """True when either period is unknown or they share a day, give or take `tolerance` days (so
    "July" and "August", as resolved from "last July" and "in parallel", may still be one time;
    a named month in the quotes themselves is checked apart, see calendars_agree)."""
    if a is None or b is None:
        return True
    return a[0] <= b[1] + tolerance and b[0] <= a[1] + tolerance


def both_known(a: Period | None, b: Period | None) -> bool:
    return a is not None and b is not None


def day_gap(a: Period, b: Period) -> int:
    """Days between two periods (0 when they overlap)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def is_later(a: Period | None, b: Period | None) -> bool:
    """True when `a` lies wholly after `b`."""
    return both_known(a, b) and a[0] > b[1]


_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for name in names}
_CALENDAR = re.compile(r"\b(January|February|March|April|June|July|August|September|October|"
                       r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
                       r"|\b(1[89]\d\d|20\d\d)\b")

Calendar = tuple[frozenset[int], frozenset[int]]    # months and years a quote names


def stated_calendar(quote: str) -> Calendar:
    """Months and years named in the words themselves ("In late December", "in January 2022"),
    a check that does not depend on how `when` was resolved. "May" is left out: a modal verb."""
    months, years = set(), set()
    for month, year in _CALENDAR.findall(quote):
        if month:
            months.add(_MONTHS[month.lower().rstrip(".")])
        else:
            years.add(int(year))
    return frozenset(months), frozenset(years)


def calendars_agree(a: Calendar, b: Calendar) -> bool:
    """False when both quotes name months (or years) and none in common: "In late December ..."
    and "In January 2022 ..." are different events, whatever their `when` says."""
    return all(not (x and y) or (x & y) for x, y in zip(a, b))


def describe(when: str | None) -> str:
    return str(when) if when else "undated"
