"""Same proposition, twice: `repeats` when one source restates it (or a copy reprints it),
`corroborates` when an independent source states it too.

Two claims state the same proposition when their evidence score clears a threshold: rapidfuzz
token_set_ratio over content words (aliases and paraphrases resolved, actor names set aside)
plus points for a shared set of actors, the same exact day and agreeing amounts. They must also
share enough words not to be a one-word coincidence, have overlapping periods and no
conflicting amounts, the same polarity and no opposite stance, and share more than names
(two claims about "Central Asia and the Caucasus" need not say the same of it). Equal strings alone
never suffice.
"""

from __future__ import annotations

from factcheck.analysis.amounts import compare_amounts, same_figure, same_toll
from factcheck.analysis.blame import blame_of
from factcheck.analysis.characterise import label_dimensions
from factcheck.analysis.periods import calendars_agree, day_gap, periods_overlap
from factcheck.analysis.profile import Profile, WordWeights, compared_words, places_agree, same_story, spans_overlap
from factcheck.models import CERTAINTY_RANK

# Evidence score thresholds (rapidfuzz 0-100 plus the bonuses below).
# A false corroboration raises a claim's credibility, so independent support needs the stronger case.
REPEAT_MIN_SCORE = 85
CORROBORATE_MIN_SCORE = 88
# Up to this many points when the two are about the same actors (scaled by the Jaccard index of
# the actor sets, given at least two in common): "Putin met Assad" in text and photo caption.
ACTOR_BONUS = 10
SAME_DAY_BONUS = 6
# Amounts that agree on the same measure ("hundreds of drones" ~ "300 drones").
AMOUNT_BONUS = 10
# Content words the two must share: one common word is a coincidence, not a proposition.
MIN_SHARED_WORDS_REPEAT = 2
MIN_SHARED_WORDS_CORROBORATE = 3
# The shared words' weight (WordWeights: about 1 for a rare word, near 0 for a common one) must
# reach this: "cooperation" and "military" shared by two analyses of an alliance say little.
MIN_SHARED_WEIGHT = 0.9
# Weighted Dice of the two word sets (0-1): the shared words must be a fair part of both claims.
# A short claim whose few common words ("economic and military cooperation") recur inside a long
# one (two summits, phone calls and intensifying cooperation) does not state what the long one does.
MIN_WEIGHTED_DICE = 0.3
# Two shared words make a restatement only when they are most of both claims ("the big banks do
# all this" is not "top talent leaves big banks").
TWO_WORD_REPEAT_MIN_DICE = 0.5
# Shared words this weighty (several rare words, "buy", "drone", "use" with the same three
# actors) let a same-source pair through with this many points less.
STRONG_SHARED_WEIGHT = 1.5
STRONG_SHARED_DISCOUNT = 10
# Within one document, a mention of the same event in the next paragraph continues the story
# ("These are just the latest joint drills") rather than restating the claim.
REPEAT_MIN_PARAGRAPH_GAP = 2
# A quote this long found word for word in two documents is a copy (a syndicated wire story
# counts once), whoever the outlets are.
COPY_MIN_WORDS = 8
# Index cosine (0-1, see index.py) at which two claims of some substance state one proposition,
# and the content words each must have to count as having substance.
SAME_MIN_COSINE = 0.35
# Across stories the same words may tell of another event: a closer match is needed.
OTHER_STORY_MIN_COSINE = 0.5
MIN_CLAIM_WORDS = 3
# Counts of the dead or hurt at least this large, told within this many days of each other, are
# distinctive enough in one story to be one fact ("two killed" may be two incidents).
SAME_COUNT_MIN = 10
SAME_COUNT_MAX_DAYS = 45
# Certainty levels: "may have been backed" is not the proposition "backed" restated.
# The most the bonuses can add to the wording score, and the lowest score any restatement needs:
# a pair whose wording falls short by more (a neighbour pair that shares no wording) is settled
# before anything is compared.
MAX_EVIDENCE_BONUS = ACTOR_BONUS + SAME_DAY_BONUS + AMOUNT_BONUS
MIN_EVIDENCE_SCORE = min(REPEAT_MIN_SCORE - STRONG_SHARED_DISCOUNT, CORROBORATE_MIN_SCORE)


def _comparable(a: Profile, b: Profile, loose_actors: bool = False) -> bool:
    if spans_overlap(a, b) or (a.claim.document == b.claim.document and a.claim.sentence == b.claim.sentence):
        return False
    if a.actors != b.actors and not a.actors & b.actors and not _same_speaker_nearby(a, b) \
            and not (loose_actors and not (a.actors and b.actors)):
        return False                    # about different actors (or, strictly, about some and about none)
    if not periods_overlap(a.period, b.period) or not calendars_agree(a.calendar, b.calendar):
        return False
    if not places_agree(a, b):
        return False
    if a.claim.polarity != b.claim.polarity:
        return False
    rank = CERTAINTY_RANK.get
    if abs(rank(a.claim.certainty, 0) - rank(b.claim.certainty, 0)) > 1:
        return False
    if _stance_sides(a, b) != _stance_sides(b, a):
        return False
    _, conflicting = compare_amounts(a.amounts, b.amounts)
    return not conflicting


def _stance_sides(a: Profile, b: Profile) -> set[tuple[str, int]]:
    """The sides `a` takes, less a label `b` says nothing of: "the spy drone was shot down" and
    "the drone was shot down" state one event; "a civilian craft" and "a spy drone" do not
    (analysis/characterise.py)."""
    told = {d for d, _, _ in b.stances}
    return {(d, s) for d, s, _ in a.stances if d in told or d not in label_dimensions()}


def _near_in_index(a: Profile, b: Profile, cosine: float, weights: WordWeights) -> tuple[str, str] | None:
    """Two claims of some substance whose weighted words are mostly the same (index cosine):
    "a blast caused by a failed Islamic Jihad rocket launch" and "it was a result of a failed
    rocket launch by Palestinian Islamic Jihad". Fragments of a word or two never qualify."""
    needed = SAME_MIN_COSINE if same_story(a, b) else OTHER_STORY_MIN_COSINE
    if cosine < needed or min(len(a.words), len(b.words)) < MIN_CLAIM_WORDS:
        return None
    words_a, words_b = compared_words(a, b)
    shared = words_a & words_b
    if len(shared) < MIN_SHARED_WORDS_REPEAT or weights.mass(shared) < MIN_SHARED_WEIGHT \
            or shared <= a.names | b.names or not _comparable(a, b, loose_actors=True):
        return None
    kind = "repeats" if a.identity == b.identity or is_copy(a, b) else "corroborates"
    basis = f"alike in the index; shared words {', '.join(sorted(shared)[:6])}"
    if is_copy(a, b) and a.identity != b.identity:
        return kind, f"repeats: copied word for word by another outlet ({basis})"
    if kind == "repeats":
        return kind, f"repeats: {a.label()} states it again ({basis})"
    return kind, f"corroborates: {a.label()} and {b.label()} state it independently ({basis})"


def _same_speaker_nearby(a: Profile, b: Profile) -> bool:
    """A named source restating itself in one document: its claims' actors, as extraction reads
    them, may not overlap ("spying on Middle Eastern countries, especially Israel" / "Tehran
    will use it to spy ..."), yet it speaks of one thing."""
    return a.identity == b.identity and not a.is_author and a.claim.document == b.claim.document


def evidence(a: Profile, b: Profile, similarity: int) -> tuple[float, list[str]]:
    """The match score and what it rests on, for the reason text."""
    score, why = float(similarity), [f"wording {similarity}"]
    common, either = a.actors & b.actors, a.actors | b.actors
    if len(common) >= 2:
        points = ACTOR_BONUS * len(common) / len(either)
        score += points
        why.append(f"actors {', '.join(sorted(common))} +{points:.0f}")
    if a.period and b.period and a.period == b.period and a.period[2] == 3:
        score += SAME_DAY_BONUS
        why.append(f"same day {a.claim.when} +{SAME_DAY_BONUS}")
    agreeing, _ = compare_amounts(a.amounts, b.amounts)
    if agreeing:
        score += AMOUNT_BONUS
        why.append(f"amounts agree ({agreeing[0][0].text} ~ {agreeing[0][1].text}) +{AMOUNT_BONUS}")
    return score, why


def is_copy(a: Profile, b: Profile) -> bool:
    """The same words in two documents: one text reprinting the other."""
    return (a.claim.document != b.claim.document and a.key == b.key
            and len(a.claim.quote.split()) >= COPY_MIN_WORDS
            and " ".join(a.claim.quote.split()) == " ".join(b.claim.quote.split()))


def _same_count(a: Profile, b: Profile) -> tuple[str, str] | None:
    """Two claims of one story that give the same count of the dead (or of the hurt), of some
    size, at about one time, state one fact of it in whatever words: "471 people were killed"
    and "Hamas maintains that 471 people were killed"."""
    if not (a.amounts and b.amounts) or a.story != b.story or a.story < 0 or a.claim.polarity != b.claim.polarity:
        return None
    toll = same_toll(a.amounts, b.amounts)
    if toll is None or toll.low < SAME_COUNT_MIN:
        toll = same_figure(a.amounts, b.amounts, SAME_COUNT_MIN)
    if toll is None:
        return None
    if a.period and b.period and day_gap(a.period, b.period) > SAME_COUNT_MAX_DAYS:
        return None
    # a count told with who did it ("the toll of the massacre committed by X reached 471") holds
    # two propositions: linking it by its count would carry who did it to every count
    if blame_of(a) or blame_of(b):
        return None
    what = (f"the same count of the {'dead' if toll.casualty == 'death' else 'hurt'}, {toll.text}" if toll.casualty
            else f"the same figure, {toll.text}")
    if a.identity == b.identity:
        return "repeats", f"repeats: {a.label()} states it again ({what})"
    return "corroborates", f"corroborates: {a.label()} and {b.label()} state it independently ({what})"


def same_proposition(a: Profile, b: Profile, similarity: int, weights: WordWeights,
                     cosine: float = 0.0) -> tuple[str, str] | None:
    """("repeats" | "corroborates", reason) when the two state one proposition, else None:
    by the evidence score of their wording, by their similarity in the retrieval index, or by
    the same count of the dead or hurt in one story."""
    counted = _same_count(a, b)
    if counted:
        return counted
    near = _near_in_index(a, b, cosine, weights)
    if near:
        return near
    if similarity + MAX_EVIDENCE_BONUS < MIN_EVIDENCE_SCORE or not _comparable(a, b):
        return None
    words_a, words_b = compared_words(a, b)
    shared = words_a & words_b
    weight, dice = weights.mass(shared), weights.dice(words_a, words_b)
    if weight < MIN_SHARED_WEIGHT or dice < MIN_WEIGHTED_DICE:
        return None
    if shared <= a.names | b.names:
        return None                     # the same places and names, nothing said alike about them
    score, why = evidence(a, b, similarity)
    basis = (f"score {score:.0f}: {'; '.join(why)}; shared words {', '.join(sorted(shared)[:6])} "
             f"(weight {weight:.1f})")
    if a.identity == b.identity or is_copy(a, b):
        same_doc = a.claim.document == b.claim.document
        strong = weight >= STRONG_SHARED_WEIGHT and len(shared) >= MIN_SHARED_WORDS_CORROBORATE
        needed = REPEAT_MIN_SCORE - (STRONG_SHARED_DISCOUNT if strong else 0)
        if (score < needed or len(shared) < MIN_SHARED_WORDS_REPEAT
                or len(shared) == MIN_SHARED_WORDS_REPEAT and dice < TWO_WORD_REPEAT_MIN_DICE
                or same_doc and abs(a.claim.paragraph - b.claim.paragraph) < REPEAT_MIN_PARAGRAPH_GAP):
            return None
        who = "copied word for word by another outlet" if a.identity != b.identity else f"{a.label()} restates it"
        where = "in another document" if not same_doc else "further on"
        return "repeats", f"repeats: {who} {where} ({basis})"
    if score < CORROBORATE_MIN_SCORE or len(shared) < MIN_SHARED_WORDS_CORROBORATE:
        return None
    return "corroborates", f"corroborates: {a.label()} and {b.label()} state it independently ({basis})"
