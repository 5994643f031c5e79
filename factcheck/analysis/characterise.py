"""Characterisations of what a story is about: claims of one story that say what the thing in the
news was for, or whether the incident was meant, compared by the side they take.

"The drone was a civilian craft flying for weather research" and "It was a military spy drone"
share one word, yet they answer one question of the story: what the thing was. Two claims of one
story that take opposite sides of a dimension marked `story` in lexicon/en/analysis_stances.txt
cannot both hold, once they speak of one thing: they share a word ("drone"), or neither names
a thing of its own ("the trawler MV Northern Star"). A negated claim takes the other side ("did not
gather intelligence").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factcheck.analysis.profile import Profile, pairs_in_windows, shared_words
from factcheck.lexicon import load_table

# How a reason ends when its conflict is drawn between every two claims of a story that take
# sides ("stance (purpose): X says 'spy', Y says 'weather research', told of the whole story").
STORY_WIDE = "told of the whole story"
# Claims characterising a story paired with each other, at most this many at once, in windows
# (as blame.py pairs who-did-it claims).
MAX_STORY_CHARACTERISATIONS = 60


@dataclass(frozen=True)
class Characterisation:
    dimension: str
    side: int                       # 0 or 1, after negation
    phrase: str
    negated: bool

    def describe(self) -> str:
        return f"{'not ' if self.negated else ''}'{self.phrase}'"


@lru_cache(maxsize=None)
def story_dimensions() -> frozenset[str]:
    """Dimensions of analysis_stances.txt marked `story` (or `story label`)."""
    return frozenset(row[0] for row in load_table("analysis_stances.txt", 3)
                     if len(row) > 3 and row[3].lower().split()[:1] == ["story"])


@lru_cache(maxsize=None)
def label_dimensions() -> frozenset[str]:
    """Dimensions marked `story label`: their words also name the thing ("the spy drone")."""
    return frozenset(row[0] for row in load_table("analysis_stances.txt", 3)
                     if len(row) > 3 and row[3].lower().split() == ["story", "label"])


def characterisation_of(p: Profile) -> Characterisation | None:
    """The first story-wide characterisation the claim's quote makes, or None."""
    dims = story_dimensions()
    for dim, side, phrase in p.stances:
        if dim in dims:
            negated = p.claim.polarity == "negative"
            return Characterisation(dim, 1 - side if negated else side, phrase, negated)
    return None


def characterisation_pairs(profiles) -> set[tuple[int, int]]:
    """Pairs of claims of one story that both characterise it on the same dimension."""
    by_story: dict[tuple[int, str], list[int]] = {}
    for p in profiles:
        found = characterisation_of(p) if p.story >= 0 else None
        if found is not None:
            by_story.setdefault((p.story, found.dimension), []).append(p.index)
    return pairs_in_windows(by_story.values(), profiles, MAX_STORY_CHARACTERISATIONS)


def speak_of_one_thing(a: Profile, b: Profile, phrase_a: str, phrase_b: str) -> bool:
    """Whether two claims that characterise their story speak of one thing. One story speaks of
    several things ("the intelligence-gathering trawler MV Northern Star", "the research station
    is for civilian use"): a claim that names a thing of its own must share a word with the other
    besides the characterisations."""
    if not (a.names or b.names):
        return True
    return bool(shared_words(a, b) - set(phrase_a.split()) - set(phrase_b.split()))


def characterisation_relation(a: Profile, b: Profile) -> tuple[str, str] | None:
    """("contradicts", reason) for two claims of one story that characterise it on opposite sides.
    Two on the same side are not for that one proposition: "spy software" and "spies controlled the
    computers" take one side and say different things."""
    if a.story != b.story or a.story < 0:
        return None
    x, y = characterisation_of(a), characterisation_of(b)
    if x is None or y is None or x.dimension != y.dimension:
        return None
    if x.side == y.side:
        return None
    if not speak_of_one_thing(a, b, x.phrase, y.phrase):
        return None
    return "contradicts", (f"stance ({x.dimension}): {a.label()} says {x.describe()}, "
                           f"{b.label()} says {y.describe()}, {STORY_WIDE}")
