"""Dating an article that prints no year, from the dated events it refers to.

"On 7 January" and "in late December" need a year. An article that names none, but refers to
"the strike that killed Qasem Soleimani", was written after 3 January 2020; its day-and-month
dates are then placed in the year that puts them nearest that event (7 January -> 2020-01-07,
late December -> 2019-12), and the latest of all is the estimated date of writing.
Data: lexicon/en/dated_events.txt (events), actors.txt (the names they happened to).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.lexicon import records
from factcheck.pipeline import dates as date_stage
from factcheck.pipeline.names import actors as actor_stage
from factcheck.pipeline.words.calendar import is_month_word

EVENTS_FILE = "dated_events.txt"
BEFORE_CHARS = 50              # "the strike that killed Maj. Gen. Qasem Soleimani": trigger to name
HALF_YEAR_MONTHS = 6           # a yearless date lies within half a year of the event
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
# The only characters that a case-insensitive pattern of ASCII letters matches besides ASCII
# letters, or that lowercase into them ("İ", "ı", the Kelvin sign, the long s).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u212a\u017f]")


@dataclass(frozen=True)
class DatedEvent:
    date: str
    name: str
    actor: str | None
    triggers: re.Pattern


@dataclass(frozen=True)
class Anchor:
    """An event a text refers to, at [start, end) of the text."""

    event: DatedEvent
    start: int
    end: int


@lru_cache(maxsize=1)
def dated_events() -> tuple[DatedEvent, ...]:
    events = []
    for date, name, actor, triggers in records(EVENTS_FILE):        # dates checked by lexicon/schema.py
        words = sorted(triggers, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w/])", re.I)
        events.append(DatedEvent(date, name, None if actor == "-" else actor, pattern))
    return tuple(events)


@lru_cache(maxsize=1)
def _any_trigger() -> re.Pattern:
    """Any event's trigger, matched as each event's own pattern matches it: most paragraphs name
    no dated event, and one search tells so instead of one per event."""
    return _alternation({w for row in records(EVENTS_FILE) for w in row.triggers})


@lru_cache(maxsize=1)
def _triggers_by_first_word() -> dict[str, re.Pattern] | None:
    """The triggers by their first word (lowercase), each group as one pattern; None when a
    trigger starts with no word character or is not plain ASCII (the word test below would then
    not be exact)."""
    words = {w for row in records(EVENTS_FILE) for w in row.triggers}
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(re.match(r"\w*", word).group().lower(), []).append(word)
    if "" in groups or not all(w.isascii() for w in words):
        return None
    return {first: _alternation(group) for first, group in groups.items()}


def _alternation(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w/])(?:" + alternatives + r")(?![\w/])", re.I)


def _may_name_event(paragraph: str) -> bool:
    """Whether `_any_trigger` matches. A trigger starts after a non-word character, so a match
    needs a word of the paragraph equal to the trigger's first word: a set test rules out most
    paragraphs, and the rest are searched only for the triggers starting with their words."""
    groups = _triggers_by_first_word()
    if groups is None or _FOLDS_TO_ASCII.search(paragraph):
        return _any_trigger().search(paragraph) is not None
    words = groups.keys() & set(_WORD.findall(paragraph.lower()))
    return any(groups[word].search(paragraph) for word in words)


def find_anchors(text: str) -> list[Anchor]:
    """Every dated event `text` refers to, in text order."""
    found = []
    for paragraph in _PARAGRAPH.finditer(text):
        found.extend(_in_paragraph(paragraph.group(), paragraph.start()))
    return sorted(found, key=lambda a: a.start)


def _in_paragraph(paragraph: str, offset: int) -> list[Anchor]:
    if not _may_name_event(paragraph):
        return []
    found = [Anchor(event, offset + m.start(), offset + m.end())
             for event in dated_events() if event.actor is None for m in event.triggers.finditer(paragraph)]
    with_actor = [event for event in dated_events() if event.actor is not None]
    if not any(event.triggers.search(paragraph) for event in with_actor):
        return found                          # most paragraphs name no such event: skip the actor search
    for mention in actor_stage.find_mentions(paragraph):
        for event in with_actor:
            if event.actor == mention.actor.name and _happened_to(event, paragraph, mention.start, mention.end):
                found.append(Anchor(event, offset + mention.start, offset + mention.end))
    return found


def _happened_to(event: DatedEvent, text: str, start: int, end: int) -> bool:
    """A trigger before the name ("the killing of X"), or a possessive or passive after it
    ("X's death", "X was killed"); "X killed hundreds" is something X did, not the event."""
    if event.triggers.search(text, max(0, start - BEFORE_CHARS), start):
        return True
    after = re.match(r"(?:['’]s\s+|\s+(?:was|were|had been|has been)\s+)(\w+)", text[end:])
    return bool(after and event.triggers.fullmatch(after.group(1)))


def estimate_published(text: str) -> str | None:
    """The estimated date of writing (ISO, as precise as the date it rests on) of a text that
    prints no full date: the latest of the dated events it refers to, the years it names and its
    month dates placed near them; None when it refers to no dated event or names no month
    without a year."""
    anchors = find_anchors(text)
    if not anchors:
        return None
    floor = max(a.event.date for a in anchors)
    for mention in date_stage.find_dates(text, None):       # absolute only: "in 2023" dates it later
        floor = max(floor, _last_bound(mention.value), key=_first_day)
    placed = _placed_dates(text, _first_day(floor))
    # without a month to place, nothing in the text needs the year, and the event is only a floor
    return max([floor, *placed], key=_first_day) if placed else None


def _last_bound(value: str) -> str:
    """The later end of a date or range; an open range ("since 2014": "2014/..") has only its start."""
    first, _, last = value.partition("/")
    return last if last and last != date_stage.OPEN_END else first


def _first_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _placed_dates(text: str, floor: dt.date) -> list[str]:
    """Dates named by month without a year, each placed in the year that puts it within half a
    year of `floor`: resolved against a publication date half a year later."""
    month = floor.month + HALF_YEAR_MONTHS
    horizon = dt.date(floor.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return [_last_bound(mention.value) for mention in date_stage.find_dates(text, horizon.isoformat())
            if mention.relative and any(is_month_word(w) for w in re.findall(r"[\w.]+", mention.text))]
