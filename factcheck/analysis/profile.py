"""What analysis needs to know about each claim, computed once: who says it (as an identity
that tells independent sources apart), its content words, its period, amounts and stances."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from factcheck.analysis.amounts import Amount, claim_amounts
from factcheck.analysis.periods import Calendar, Period, parse_period, stated_calendar
from factcheck.analysis.text import (
    PhraseIndex,
    content_words,
    fold,
    resolve_aliases,
    same_content_words,
    stem,
    words_of,
)
from factcheck.lexicon import load_table
from factcheck.models import Claim

AUTHOR = "author"
WEIGHT_PRIOR_CLAIMS = 50
# A place named after "in", "at", "near" or "off": "in the Gulf of Oman", "at Al Asad air base".
_PLACE = re.compile(r"\b(?:in|at|near|off)\s+(?:the\s+)?((?:[A-Z][\w-]+\s?){1,4})")
CALENDAR_WORDS = frozenset(stem(w) for w in (
    "january february march april may june july august september october november december jan feb "
    "mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday week month year decade day last next end late early mid").split())
# A claim's `text` is used beside its quote only when it is about the claim itself; a text this
# many times longer than the quote is most likely the whole sentence, shared by its other claims.
SPECIFIC_TEXT_MAX_GROWTH = 3.0


@dataclass(frozen=True)
class Profile:
    index: int
    claim: Claim
    identity: str                   # who vouches for it: a canonical source, or author@document
    source_words: frozenset[str]    # lowercase words of the source name ("jake", "sullivan")
    words: frozenset[str]           # content words of the quote
    key: str                        # sorted content words of the quote, for rapidfuzz
    text_key: str                   # the same for `text` when it is specific to the claim, else ""
    text_words: frozenset[str]
    period: Period | None
    calendar: Calendar              # months and years the quote itself names
    amounts: tuple[Amount, ...]
    actors: frozenset[str]
    names: frozenset[str]           # content words written as names inside the quote ("khayyam")
    stances: tuple[tuple[str, int, str], ...]   # (dimension, side 0/1, phrase as matched)
    story: int = -1                 # the story its document belongs to (stories.py), set per run
    speaker: str = ""               # the source as named (identity before origins are resolved)

    @property
    def order(self) -> tuple[str, int]:
        return self.claim.document, self.claim.start

    @property
    def is_author(self) -> bool:
        return self.claim.source.strip().lower() in ("", AUTHOR)

    def label(self) -> str:
        """The source as a reader knows it: 'the author of X.txt' or the canonical name."""
        return f"the author of {self.claim.document}" if self.is_author else self.claim.source


class WordWeights:
    """How telling a shared word is: 1 for a word only one claim uses, towards 0 for a word all
    claims use (a normalised inverse document frequency over the claims analysed together).
    WEIGHT_PRIOR_CLAIMS claims that lack the word are assumed besides, so that in a handful of
    claims a shared word still tells something."""

    def __init__(self, profiles, counts: Counter | None = None, claims: int | None = None):
        """Over `profiles`; or, from a kept index, over `claims` claims with these word `counts`."""
        self.df = Counter(w for p in profiles for w in p.words | p.text_words) if counts is None else Counter(counts)
        self.log_n = math.log((len(profiles) if claims is None else claims) + WEIGHT_PRIOR_CLAIMS)
        # every word's weight computed once, up front: pairs ask again and again
        self._weights = {word: self._weight_of(count) for word, count in self.df.items()}

    def _weight_of(self, count: int) -> float:
        return max(0.0, 1.0 - math.log(max(1, count)) / self.log_n)

    def weight(self, word: str) -> float:
        found = self._weights.get(word)
        if found is None:
            found = self._weights[word] = self._weight_of(self.df.get(word, 1))
        return found

    def mass(self, words) -> float:
        # fsum: exact, so the total does not depend on the order a set of words is walked in
        try:
            return math.fsum(map(self._weights.__getitem__, words))
        except KeyError:                        # a word no profile has (its weight is 1)
            return math.fsum(map(self.weight, words))

    def dice(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted Dice coefficient: how much of both word sets their common words make up."""
        total = self.mass(a) + self.mass(b)
        return 2 * self.mass(a & b) / total if total else 0.0


def compared_words(a: Profile, b: Profile) -> tuple[frozenset[str], frozenset[str]]:
    """The two claims' words as compared: their quotes, or their specific texts if those share more."""
    if len(a.text_words & b.text_words) > len(a.words & b.words):
        return a.text_words, b.text_words
    return a.words, b.words


def shared_words(a: Profile, b: Profile) -> frozenset[str]:
    """Content words two claims share, on their quotes or on their specific texts if more."""
    wa, wb = compared_words(a, b)
    return wa & wb


def places_agree(a: Profile, b: Profile) -> bool:
    """False when both quotes name where it happened and the places differ: "won the primary in
    Ohio" and "in Arkansas", "exercises in the Gulf of Oman" and "in Venezuela" are two events."""
    pa, pb = _places(a.claim.quote), _places(b.claim.quote)
    if not pa or not pb or pa & pb:
        return True
    # "at the Caspian Summit" and "the Caspian Summit in Turkmenistan" name one place between them
    qa, qb = a.claim.quote.lower(), b.claim.quote.lower()
    return any(p in qb for p in pa) or any(p in qa for p in pb)


@lru_cache(maxsize=1 << 16)
def _places(quote: str) -> frozenset[str]:
    return frozenset(m.strip().lower() for m in _PLACE.findall(quote))


def pairs_in_windows(groups, profiles, window: int) -> set[tuple[int, int]]:
    """Every two claims of each group (claim indexes), in document order; a group larger than
    `window` is paired in overlapping windows of that many, so its cost stays linear."""
    pairs: set[tuple[int, int]] = set()
    for members in groups:
        members = sorted(members, key=lambda i: profiles[i].order)
        for start in range(0, len(members), max(1, window // 2)):
            block = members[start:start + window]
            pairs.update((min(a, b), max(a, b)) for k, a in enumerate(block) for b in block[k + 1:])
    return pairs


def same_story(a: Profile, b: Profile) -> bool:
    """Both claims' documents tell one story (unknown stories count as one)."""
    return a.story == b.story


def spans_overlap(a: Profile, b: Profile) -> bool:
    """One claim cut out of the other's words: no evidence for or against it."""
    return (a.claim.document == b.claim.document
            and a.claim.start < b.claim.end and b.claim.start < a.claim.end)


def source_identity(claim: Claim) -> str:
    """The same author across documents of different outlets is not one source; a named source is."""
    name = (claim.source or AUTHOR).strip()
    if name.lower() == AUTHOR or not name:
        return f"{AUTHOR}@{claim.document}"
    return resolve_aliases(fold(name)).lower().strip()


@lru_cache(maxsize=None)
def _stance_index() -> PhraseIndex[tuple[str, int, str]]:
    entries = []
    for row in load_table("analysis_stances.txt"):
        for side, phrases in enumerate(row[1:3]):
            entries += [(p.strip(), (row[0], side, p.strip())) for p in phrases.split(",") if p.strip()]
    return PhraseIndex(entries)


def find_stances(text: str) -> tuple[tuple[str, int, str], ...]:
    """Stance phrases in `text`, one per dimension: the first found governs, so in "it remains
    unclear whether the missiles were delivered" the doubt, not the delivery, is the stance."""
    first: dict[str, tuple[int, str]] = {}
    for _, _, (dimension, side, phrase) in _stance_index().search(text):
        first.setdefault(dimension, (side, phrase))
    return tuple((dim, side, phrase) for dim, (side, phrase) in sorted(first.items()))


def _text_is_specific(claim: Claim) -> bool:
    text = (claim.text or "").strip()
    return bool(text) and text != claim.quote and len(text) <= SPECIFIC_TEXT_MAX_GROWTH * max(20, len(claim.quote))


@lru_cache(maxsize=None)
def _country_words() -> frozenset[str]:
    return frozenset(w for row in load_table("analysis_aliases.txt") for w in content_words(row[0]))


@lru_cache(maxsize=4096)
def _actor_words(actors: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for a in actors for w in content_words(a))


def proposition_words(text: str, actors: tuple[str, ...]) -> frozenset[str]:
    """Content words without the actors' names and without calendar words: actors and periods
    are compared on their own, so that "Russia and Iran ..." does not make any two claims alike."""
    return frozenset(content_words(text)).difference(_country_words(), _actor_words(tuple(sorted(actors))),
                                                     CALENDAR_WORDS)


def _capitalised(quote: str) -> frozenset[str]:
    """Stems of the words written with a capital after the quote's first word."""
    return frozenset(stem(w.lower()) for w in words_of(quote)[1:] if w[:1].isupper())


def build_profile(index: int, claim: Claim) -> Profile:
    words = proposition_words(claim.quote, claim.actors)
    text_words = frozenset() if not _text_is_specific(claim) else words \
        if same_content_words(claim.text, claim.quote) else proposition_words(claim.text, claim.actors)
    name = fold(claim.source or "").lower()
    capitalised = _capitalised(claim.quote)
    return Profile(
        index=index, claim=claim, identity=source_identity(claim),
        source_words=frozenset(w for w in re.findall(r"[a-z]+", name) if len(w) > 2),
        words=words, key=" ".join(sorted(set(words))),
        text_key=" ".join(sorted(text_words)), text_words=text_words,
        period=parse_period(claim.when), calendar=stated_calendar(claim.quote),
        amounts=claim_amounts(claim),
        actors=frozenset(a.strip().lower() for a in claim.actors if a.strip()),
        names=frozenset(w for w in words if w in capitalised),
        stances=find_stances(claim.quote),
    )


def build_profiles(claims) -> list[Profile]:
    return [build_profile(i, c) for i, c in enumerate(claims)]
