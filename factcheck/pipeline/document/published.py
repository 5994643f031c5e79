"""The date a document was published: a date as written or stored -> ISO; else the text's own.

`normalize_date` reads the dates of front matter, metadata files and HTML pages; `infer_published`
dates a text that carries none by the latest full date it states, else by the events it names.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from factcheck.pipeline.document import anchors
from factcheck.pipeline.words.calendar import month_numbers

MONTHS = month_numbers()      # lexicon/en/dates_months.txt
# The lookahead for a month's first letter rules out most places at once, where trying each
# month name in turn took twice as long (the same matches).
_MONTH = (r"(?=[" + "".join(sorted({name[0] for name in MONTHS})) + r"])(?P<month>"
          + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "January 3, 2020", "3 January 2020", "January 2020", "2020-01-03": the full dates a news text
# states; a bare year or a bare "3 January" is too vague to date the article by.
DATE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
    rf"\b{_MONTH},?\s+{_YEAR}\b",
    r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",  # not "2010-11 season"
))


def normalize_date(value) -> str:
    """ISO date, partial allowed, from a date, a datetime or a written date; ValueError if none."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    written = str(value).strip()
    iso = re.fullmatch(r"((?:1[89]|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?",
                       written)
    if iso:
        parts = [int(part) for part in iso.groups() if part]
    else:
        found = _date_parts(written, whole=True)
        if found is None:
            raise ValueError(f"not a date: {written!r}")
        parts = [part for part in found if part]
    return _iso(parts)


def _iso(parts: list[int]) -> str:
    year, month, day = (parts + [0, 0])[:3]
    if month:
        date(year, month, day or 1)  # raises ValueError for 2022-13 or 2022-02-30
    return "-".join([f"{year:04d}"] + [f"{part:02d}" for part in (month, day) if part])


def _date_parts(text: str, whole: bool = False) -> tuple[int, int, int] | None:
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(text) if whole else pattern.search(text)
        if match:
            return _parts_of(match)
    return None


def _parts_of(match: re.Match) -> tuple[int, int, int]:
    month = match["month"]
    number = int(month) if month.isdigit() else MONTHS[month.lower()]
    day = match.groupdict().get("day")
    return int(match["year"]), number, int(day or 0)


def infer_published(text: str) -> str | None:
    """The latest full date (day month year, or month year) the text mentions, as ISO; else None.

    News is written shortly after the latest events it reports, so that date is the best guess
    at publication for an article that does not carry its own date. A text without one is dated
    by the events it refers to (`anchors.py`).
    """
    if not _YEAR_DIGITS.search(text):
        return anchors.estimate_published(text)     # every full date has a year
    latest: tuple[int, int, int] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                parts = _parts_of(match)
                _iso([part for part in parts if part])
            except ValueError:
                continue  # "February 30, 2020", "2020-13": not a date
            latest = max(latest or parts, parts)
    if latest is None:
        return anchors.estimate_published(text)
    return _iso([part for part in latest if part])
