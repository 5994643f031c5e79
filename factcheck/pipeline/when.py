"""When a claim holds: its own date, a date that frames it, or the publication month.

The date stage (`dates/`) resolves time expressions; this one decides which of them a claim
takes. A claim's own date comes first, but not one that dates an event nested in it ("resembles
the agreement signed in 2021"). Without one, a date opening its sentence or a clause earlier in
the paragraph frames it ("On July 19, Tehran hosted the summit. Putin attended ..."), and a claim
that points back ("that same day", "at which point") takes the latest date named before it. A
present state, or a claim with nothing framing it, holds at the month of publication; a
prediction without a date of its own has none, nor has a habit, a rule or what ought to be
("typically", "need to"). A year that modifies a noun ("the 2018 agreement") dates the thing
named, not the claim, and frames nothing.
Data: lexicon/en/dates_anaphora.txt, dates_timeless.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import load_list
from factcheck.models import Sentence
from factcheck.patterns import compile_fast
from factcheck.pipeline import dates as date_stage

CLAUSE_OPENING_RE = re.compile(r"[;:]\s+")
FRAME_CHARS = 20               # "On July 19 and 20, 2022, ..." / "Last July, ...": a sentence-opening date
NOW_RE = compile_fast(r"\b(?:currently|now|today|at present|presently|still)\b", re.I)
PRESENT_RE = compile_fast(r"\b(?:is|are|remains?)\b")
PAST_RE = compile_fast(r"\b(?:was|were|had|did)\b")
ADVERBIAL_OPENERS = frozenset("in on at during after before since for with from by over under amid within "
                              "following last this next despite one".split())

# An incident is dated by a day this many characters before it in its clause, or a third as many after.
INCIDENT_WINDOW_CHARS = 100
DAY_CHARS = 10                  # YYYY-MM-DD
Dated = tuple[int, str, bool]   # (document offset, ISO value, whether it frames what follows)


def sentence_dates(sentence: Sentence, published: str | None) -> list[Dated]:
    """The sentence's dates; only one that opens the sentence or a clause ("...; in September
    2020, X did Y") frames what follows, but any is what "the same day" points back to."""
    openings = [0] + [m.end() for m in CLAUSE_OPENING_RE.finditer(sentence.text)]
    out = []
    for mention in date_stage.find_dates(sentence.text, published):
        frames = not date_stage.names_a_thing(sentence.text, mention) and any(
            0 <= mention.start - at <= FRAME_CHARS or _in_opening_adverbial(sentence.text, at, mention.start)
            for at in openings)
        out.append((sentence.start + mention.start, mention.value, frames))
    return out


def _in_opening_adverbial(text: str, at: int, where: int) -> bool:
    """'During his visit to Moscow in January 2022, ...': the date is in the adverbial that opens
    the clause (an opener word, then no comma before it), which frames the whole clause."""
    first = re.match(r"\w+", text[at:])
    return bool(first and first.group().lower() in ADVERBIAL_OPENERS and at < where
                and "," not in text[at:where] and "," in text[where:where + FRAME_CHARS * 2])


def claim_when(quote: str, start: int, paragraph_dates: list[Dated], published: str | None, kind: str,
               nested: tuple[tuple[int, int], ...] = (), incidents: dict[str, str] | None = None) -> str | None:
    """When the claim at `start` holds, given the dates of its paragraph so far, the spans of
    events nested in it and the incidents the document has dated so far (`incident_dates`)."""
    own = _own_date(quote, start, published, nested)
    if own:
        return own
    if kind == "prediction" or _timeless(quote):
        return None
    default = published[:7] if published else None
    anchor = _anchor(quote, start, paragraph_dates)
    present = PRESENT_RE.search(quote) and not PAST_RE.search(quote)
    if NOW_RE.search(quote) or present:
        return default
    if not anchor and incidents:
        told = _incident_day(quote, incidents)
        if told:
            return told
    if not anchor or default and default.startswith(anchor):
        return default                          # "Games 2022" in a text of August 2022: 2022-08
    return anchor


def _incident_day(quote: str, incidents: dict[str, str]) -> str | None:
    """The day of the incident a claim tells of: "The explosion ... triggered outrage", after "an
    explosion at a hospital on Oct. 17". When the text has dated one day only, any incident it
    names is that one ("the blast", "the strike" and "the explosion" of one report)."""
    named = [_singular(" ".join(m.group().lower().split())) for m in _incidents().finditer(quote)]
    if not named:
        return None
    days = set(incidents.values())
    if len(days) == 1:
        return next(iter(days))
    return next((incidents[noun] for noun in named if noun in incidents), None)


def incident_dates(sentence: Sentence, published: str | None) -> list[tuple[str, str]]:
    """(incident noun, day) for each incident the sentence dates by a day next to it, in its
    clause: "an explosion at a hospital in Gaza on Oct. 17", "Tuesday's blast", "the attack on
    Tuesday". Days after the publication date are plans, not incidents."""
    out = []
    for mention in date_stage.find_dates(sentence.text, published):
        if len(mention.value) != DAY_CHARS or published and mention.value > published[:DAY_CHARS]:
            continue
        before = re.split(r"[;:,]", sentence.text[max(0, mention.start - INCIDENT_WINDOW_CHARS):mention.start])[-1]
        after = sentence.text[mention.end:mention.end + INCIDENT_WINDOW_CHARS // 3]
        nouns = _incidents().findall(before) or _incidents().findall(after.split(",")[0])[:1]
        if nouns:
            out.append((_singular(" ".join(nouns[-1].lower().split())), mention.value))
    return out


def incident_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names an incident ("the blast", "air strikes"), as (start, end) spans."""
    return [m.span() for m in _incidents().finditer(text)]


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and noun[:-1] in _incident_words() else noun


@lru_cache(maxsize=1)
def _incident_words() -> frozenset[str]:
    return frozenset(load_list("incident_nouns.txt"))


@lru_cache(maxsize=1)
def _incidents() -> re.Pattern:
    words = sorted(_incident_words(), key=len, reverse=True)
    return compile_fast(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") + "s?" for w in words) + r")\b", re.I)


def _own_date(text: str, start: int, published: str | None, nested: tuple[tuple[int, int], ...]) -> str | None:
    """The first date of the claim's own: in "resembles the agreement signed in 2021" the year
    dates the nested signing, not the resemblance."""
    inside = [(lo, hi) for lo, hi in nested if not (lo <= start and start + len(text) <= hi)]
    for mention in date_stage.find_dates(text, published):
        if date_stage.names_a_thing(text, mention):
            continue                                # "the 2018 agreement": the agreement's date
        if not any(lo <= start + mention.start and start + mention.end <= hi for lo, hi in inside):
            return mention.value
    return None


@lru_cache(maxsize=1)
def _timeless_words() -> re.Pattern:
    words = sorted(load_list("dates_timeless.txt"), key=len, reverse=True)
    return compile_fast(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def _timeless(quote: str) -> bool:
    """A habit, a rule or what ought to be ("Airstrikes typically leave craters", "We need to
    learn the lessons"), with no past tense in it, holds at no particular time."""
    found = _timeless_words().search(quote)
    return bool(found) and date_stage.tense_near(quote, found.start(), found.end()) != "past"


@lru_cache(maxsize=1)
def _anaphora() -> re.Pattern:
    phrases = sorted(load_list("dates_anaphora.txt"), key=len, reverse=True)
    return compile_fast(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _anchor(quote: str, start: int, paragraph_dates: list[Dated]) -> str | None:
    """The latest date opening a sentence or clause before the claim in its paragraph; for a
    claim that points back ("the same day", "at which point"), the latest date named before it."""
    anaphora = _anaphora().search(quote)
    before = start + anaphora.start() if anaphora else start
    earlier = [value for at, value, frames in paragraph_dates if at < before and (frames or anaphora)]
    return earlier[-1] if earlier else None
