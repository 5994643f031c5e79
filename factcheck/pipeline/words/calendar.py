"""Month and weekday names: the calendar's closed class of words, from lexicon/en/dates_months.txt
and dates_weekdays.txt, for every stage that must tell "January" or "Tue." from a name or a number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import records


@lru_cache(maxsize=1)
def month_table() -> tuple[str, dict[str, int]]:
    """The month regex (a capital letter always; abbreviations with a stop or before a day), and
    every month name and abbreviation, lowercased -> its number (1-12)."""
    numbers, parts = {}, []
    for name, number, abbreviations in records("dates_months.txt"):
        numbers[name.lower()] = number
        parts.append(name)
        for short in abbreviations:
            numbers[short.lower()] = number
            parts += [re.escape(short) + r"\.", short + r"(?=\s+\d)"]
    return "(" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?!\w)", numbers


@lru_cache(maxsize=1)
def weekday_table() -> tuple[str, dict[str, int]]:
    """The weekday regex, and every weekday name and abbreviation, lowercased -> its number (Monday = 0)."""
    numbers, parts = {}, []
    for name, number, abbreviations in records("dates_weekdays.txt"):
        for form in (name, *abbreviations):
            numbers[form.lower().rstrip(".")] = number
            parts.append(re.escape(form))
    return "(" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?!\w)", numbers


def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of dates_months.txt, lowercased -> its number (1-12)."""
    return dict(month_table()[1])


def is_month_word(word: str) -> bool:
    """A month name or abbreviation ("January", "Aug.")."""
    return word.lower().rstrip(".") in month_table()[1]


def is_calendar_word(word: str) -> bool:
    """A month or weekday name or abbreviation ("January", "Aug.", "Tuesday")."""
    key = word.lower().rstrip(".")
    return key in month_table()[1] or key in weekday_table()[1]
