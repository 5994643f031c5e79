"""Dates written in a text, read relative to the publication date: `mentions.py` finds them and
the tense around them, `values.py` works out their ISO values."""

from factcheck.pipeline.dates.mentions import (
    OPEN_END,
    DateMention,
    date_spans,
    find_dates,
    names_a_thing,
    resolve_when,
    tense_near,
)
from factcheck.pipeline.dates.values import Published, parse_published

__all__ = ["OPEN_END", "DateMention", "Published", "date_spans", "find_dates", "names_a_thing",
           "parse_published", "resolve_when", "tense_near"]
