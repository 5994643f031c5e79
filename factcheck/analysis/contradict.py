"""Contradictions between claims of different sources, each typed and explained.

  numeric   the same measure with values that cannot both hold ("300 drones" vs "46 drones");
            "no Americans were harmed" against a count of Americans hurt
  date      the same event on different days ("launched on 9 August" vs "on 12 August")
  polarity  A against not-A
  stance    exclusive characterisations of one thing ("civilian purposes" vs "a military
            satellite"; "delivered" vs "unclear whether delivered"), lexicon/en/analysis_stances.txt
Never across different events or periods: periods must overlap (a date conflict aside), places
must not differ. Counts that grow as news comes in, and figures told of different times, are
revisions: returned apart (kind "revision") and never as conflicts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.analysis.amounts import (
    ROUNDING_TOLERANCE,
    agree,
    compare_amounts,
    is_revision_wording,
    is_toll,
    same_measure,
)
from factcheck.analysis.periods import DATE_CONFLICT_MAX_DAYS, day_gap, describe, is_later, periods_overlap
from factcheck.analysis.profile import (
    Profile,
    WordWeights,
    compared_words,
    places_agree,
    same_story,
    shared_words,
    spans_overlap,
)

# rapidfuzz 0-100 similarity of content words above which two claims are about the same thing,
# for each kind of conflict: numbers and dates need the rest of the claim to agree closely.
NUMERIC_MIN_SIMILARITY = 85         # also for polarity: all alike but a figure or a "not"
DATE_MIN_SIMILARITY = 85
STANCE_MIN_SIMILARITY = 70
# Below all three, only counts of the hurt (amounts on both sides) and neighbours' stances can
# conflict: a pair with neither is settled before anything else is compared.
MIN_CONFLICT_SIMILARITY = min(NUMERIC_MIN_SIMILARITY, DATE_MIN_SIMILARITY, STANCE_MIN_SIMILARITY)
# Weighted Dice (0-1) of the two claims' words for "the same but a figure or a not", and the
# weight of their shared words (WordWeights): "percent" and "former" make no single poll.
SAME_BUT_MIN_DICE = 0.5
SAME_BUT_MIN_WEIGHT = 1.5
# Content words two claims must share (besides the conflicting part) to be about one thing.
MIN_SHARED_WORDS = 2
DATE_MIN_SHARED_WORDS = 3
# Counts of the killed and hurt come out days or weeks after the event ("34 troops diagnosed with
# brain injuries" two weeks after "no Americans were harmed"): compared within this many days.
CASUALTY_REPORT_LAG_DAYS = 45


@dataclass(frozen=True)
class Conflict:
    kind: str                       # numeric | date | polarity | stance | revision
    reason: str


def _about_same_thing(a: Profile, b: Profile) -> bool:
    if a.actors and b.actors and not a.actors & b.actors:
        return False
    return places_agree(a, b)


def find_conflict(a: Profile, b: Profile, similarity: int, neighbours: bool,
                  weights: WordWeights) -> Conflict | None:
    """The first conflict found between two claims of different sources, or None. Counts of the
    hurt come first: they are reported days or weeks after the event they count."""
    if similarity < MIN_CONFLICT_SIMILARITY and not neighbours and not (a.amounts and b.amounts):
        return None
    # one body may contradict itself over time (a ministry in February and its spokesman in June);
    # one speaker's two wordings are no conflict
    if (a.speaker or a.identity) == (b.speaker or b.identity) or spans_overlap(a, b):
        return None
    toll = _toll_conflict(a, b)
    if toll:
        return toll
    if not _about_same_thing(a, b):
        return None
    counted = _casualty_conflict(a, b, neighbours) or _count_revision(a, b, similarity)
    if counted:
        return counted
    if not periods_overlap(a.period, b.period, tolerance=0):
        dated = _date_conflict(a, b, similarity)
        if dated or not periods_overlap(a.period, b.period):
            return dated
    if a.key == b.key and " ".join(a.claim.quote.split()) == " ".join(b.claim.quote.split()):
        return None                              # the same words cannot contradict themselves
    if _say_the_same_but(a, b, similarity, weights):
        found = _numeric_conflict(a, b) or _polarity_conflict(a, b)
        if found and not periods_overlap(a.period, b.period, tolerance=0):
            # told of different times ("has 11 delegates" in February, "370" in March)
            return Conflict("revision", f"revision: {found.reason} at different times "
                                        f"({describe(a.claim.when)}, {describe(b.claim.when)})")
        if found:
            return found
    return _stance_conflict(a, b, similarity, neighbours)


def _say_the_same_but(a: Profile, b: Profile, similarity: int, weights: WordWeights) -> bool:
    """Two claims alike in all but a figure or a "not": close wording, most of both claims'
    weight shared, about a common actor. "175 additional delegates before winning Ohio" and "99
    additional delegates, the largest haul on Tuesday" are two counts, not one count disputed;
    "spoke for 30 minutes" and "spoke for 45 minutes" are one count only if about one actor, or,
    when neither names one ("the closure cost 1,200 jobs" / "cost 300 jobs"), told in one story."""
    words_a, words_b = compared_words(a, b)
    return (similarity >= NUMERIC_MIN_SIMILARITY and len(words_a & words_b) >= MIN_SHARED_WORDS
            and weights.mass(words_a & words_b) >= SAME_BUT_MIN_WEIGHT
            and weights.dice(words_a, words_b) >= SAME_BUT_MIN_DICE
            and (bool(a.actors & b.actors) or not (a.actors or b.actors) and same_story(a, b)))


def _within_report_lag(a: Profile, b: Profile) -> bool:
    return bool(a.period and b.period) and day_gap(a.period, b.period) <= CASUALTY_REPORT_LAG_DAYS


def _casualty_conflict(a: Profile, b: Profile, neighbours: bool) -> Conflict | None:
    """"No Americans were harmed" vs "11 US personnel were injured": the same people, within the
    weeks such counts take to come out (or told side by side)."""
    if not (neighbours or _within_report_lag(a, b)) or not a.actors & b.actors:
        return None
    for x in a.amounts:
        for y in b.amounts:
            if x.casualty and y.casualty and x.unit == y.unit == "person":
                zero, count = (x, y) if x.high == 0 else (y, x)
                if zero.high == 0 and count.low > 0 and (zero.casualty == "harm" or zero.casualty == count.casualty):
                    return Conflict("numeric", f"numeric: '{zero.text}' (none) vs '{count.text}' "
                                               f"({count.casualty}) for {', '.join(sorted(a.actors & b.actors))} "
                                               f"in the same period")
    return None


def _toll_conflict(a: Profile, b: Profile) -> Conflict | None:
    """Two counts of the dead (or of the hurt) in one story told at one time that cannot both
    hold: "at least 500 people were killed" against "471 people were killed" or "the toll at 50
    or less". A count that grows in a later report is a revision, not a conflict; one that
    shrinks, or two told side by side, disagree."""
    if a.story != b.story or a.story < 0 or not periods_overlap(a.period, b.period) and not _within_report_lag(a, b):
        return None
    counts_a = [x for x in a.amounts if is_toll(x)]
    counts_b = [y for y in b.amounts if is_toll(y)]
    pairs = [(x, y) for x in counts_a for y in counts_b if x.casualty == y.casualty]
    if not pairs or any(agree(x, y) for x, y in pairs):
        return None
    x, y = pairs[0]
    old, new = (x, y) if x.low < y.low else (y, x)
    old_p, new_p = (a, b) if old is x else (b, a)
    if is_later(new_p.period, old_p.period) or is_revision_wording(new_p.claim.quote):
        return Conflict("revision", f"revision: count of the {'dead' if x.casualty == 'death' else 'hurt'} "
                                    f"updated from {old.text} ({describe(old_p.claim.when)}) to {new.text} "
                                    f"({describe(new_p.claim.when)})")
    return Conflict("numeric", f"numeric: {x.text} vs {y.text} {'killed' if x.casualty == 'death' else 'hurt'}, "
                               f"counted in one story")


def _numeric_conflict(a: Profile, b: Profile) -> Conflict | None:
    thing = ", ".join(sorted(shared_words(a, b))[:4])
    _, conflicting = compare_amounts(a.amounts, b.amounts)
    if not conflicting:
        return None
    x, y = conflicting[0]
    return Conflict("numeric", f"numeric: {x.text} vs {y.text} for the same {thing}")


def _count_revision(a: Profile, b: Profile, similarity: int) -> Conflict | None:
    """Tolls and tallies grow as news comes in: a different count of people killed or hurt is an
    update when it comes later, says so ("the toll rose to"), or the first was open ("at least")."""
    if similarity < NUMERIC_MIN_SIMILARITY or len(shared_words(a, b)) < MIN_SHARED_WORDS:
        return None
    if not (periods_overlap(a.period, b.period) or _within_report_lag(a, b)):
        return None
    thing = ", ".join(sorted(shared_words(a, b))[:4])
    for x in a.amounts:
        for y in b.amounts:
            if not (x.casualty and y.casualty and same_measure(x, y)) or min(x.low, y.low) <= 0:
                continue
            if abs(x.low - y.low) <= ROUNDING_TOLERANCE * max(x.low, y.low):
                continue
            old, new = (x, y) if x.low < y.low else (y, x)
            old_p, new_p = (a, b) if old is x else (b, a)
            if (is_later(new_p.period, old_p.period) or old.high == math.inf
                    or is_revision_wording(new_p.claim.quote)):
                return Conflict("revision", f"revision: count of {thing} updated from {old.text} "
                                            f"({describe(old_p.claim.when)}) to {new.text} "
                                            f"({describe(new_p.claim.when)})")
    return None


def _date_conflict(a: Profile, b: Profile, similarity: int) -> Conflict | None:
    """Different days for one event; far-apart periods are different events, no conflict."""
    if not (a.period and b.period) or min(a.period[2], b.period[2]) < 3:
        return None
    if day_gap(a.period, b.period) > DATE_CONFLICT_MAX_DAYS or similarity < DATE_MIN_SIMILARITY:
        return None
    shared = shared_words(a, b)
    # a one-off event has a name both report ("the Khayyam satellite"); "Russia fired 400 drones
    # overnight" on two days is two attacks, not a date conflict
    if len(shared) < DATE_MIN_SHARED_WORDS or not a.names & b.names & shared:
        return None
    return Conflict("date", f"date: {describe(a.claim.when)} vs {describe(b.claim.when)} for the same "
                            f"event ({', '.join(sorted(shared)[:4])})")


def _polarity_conflict(a: Profile, b: Profile) -> Conflict | None:
    if a.claim.polarity == b.claim.polarity:
        return None
    pos, neg = (a, b) if a.claim.polarity == "positive" else (b, a)
    return Conflict("polarity", f"polarity: '{_short(pos)}' vs not so, '{_short(neg)}'")


def _stance_conflict(a: Profile, b: Profile, similarity: int, neighbours: bool) -> Conflict | None:
    for dim, side, phrase in a.stances:
        for dim_b, side_b, phrase_b in b.stances:
            if dim != dim_b or side == side_b:
                continue
            if dim == "delivery" and (a if side == 0 else b).claim.certainty != "certain":
                continue
            stance_words = set(phrase.split()) | set(phrase_b.split())
            shared = {w for w in shared_words(a, b) if w not in stance_words}
            if neighbours or (similarity >= STANCE_MIN_SIMILARITY and len(shared) >= MIN_SHARED_WORDS):
                return Conflict("stance", f"stance ({dim}): '{phrase}' vs '{phrase_b}'")
    return None


def _short(p: Profile, size: int = 50) -> str:
    quote = " ".join(p.claim.quote.split())
    return quote if len(quote) <= size else quote[:size - 3].rstrip() + "..."
