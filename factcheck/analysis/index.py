"""A retrieval index over claims: for every claim, its most similar claims, found through the
words they share rather than by comparing every pair.

Each claim is a set of terms: its content words (stems, aliases and paraphrases resolved, see
`text.py`), the actors it is about (`@china`) and the measures it counts (`#person`). A term
weighs its inverse document frequency, so that a shared "balloon" tells more than a shared
"say"; two claims' similarity is the cosine of their weighted term sets. A claim's candidates
are the claims its terms' postings lead to, ranked by that cosine, top TOP_K kept; a term shared
by more than MAX_POSTINGS claims is too common to lead anywhere (it weighs little anyway), so the
work per claim is bounded and the whole grows with the number of claims, not its square. The
postings are numpy arrays: a claim's candidates are scored in one pass over them.

The index is rebuilt in memory from the profiles that the store keeps per claim (the `profile`
table): those are its postings, written once per claim when its document is stored.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from factcheck.analysis.profile import Profile

# How many candidates each claim keeps, best first. On the development corpora, candidates ranked
# 11th to 20th gave no relation that the first 10 did not (benchmarks/link.py --recall prints
# how many gold pairs each k holds).
TOP_K = 10
# A term found in more claims than this leads to no candidates (its postings are not walked);
# it still counts in the similarity of two claims that other terms brought together.
MAX_POSTINGS = 250
# Actors and measures weigh less than words: two claims about China need not say the same thing.
ACTOR_TERM_FACTOR = 0.5
MEASURE_TERM_FACTOR = 0.5


def claim_terms(p: Profile) -> frozenset[str]:
    """The terms a claim is indexed by."""
    measures = {f"#{'casualty' if a.casualty else a.unit}" for a in p.amounts if a.casualty or a.unit}
    return frozenset(p.words | p.text_words | {f"@{a}" for a in p.actors} | measures)


class ClaimIndex:
    """Inverted index of claim terms with their weights; built once per analysis run."""

    def __init__(self, profiles: Sequence[Profile], counts: Mapping[str, int] | None = None,
                 claims: int | None = None):
        """Over `profiles`; with `counts` (term -> claims holding it) out of `claims` claims, a
        part of a larger database, weighed as the whole is."""
        import numpy as np

        self.profiles = profiles
        self.terms = [claim_terms(p) for p in profiles]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, terms in enumerate(self.terms):
            for t in terms:
                postings[t].append(i)
        self.postings = postings
        self._claims = len(profiles) if claims is None else claims
        self.weights = {t: term_weight(t, len(ids) if counts is None else counts.get(t, len(ids)), self._claims)
                        for t, ids in postings.items()}
        self.squares = {t: w * w for t, w in self.weights.items()}
        # sums over a set of terms are fsum'd: exact, so they do not depend on the order a set
        # happens to be walked in (Python's hash seed)
        self.norms = [math.sqrt(math.fsum(map(self.squares.__getitem__, terms))) or 1.0 for terms in self.terms]
        self._norms = np.array(self.norms, dtype=np.float64)
        held = {t: len(ids) for t, ids in postings.items()} if counts is None else counts
        self._arrays = {t: np.array(ids, dtype=np.int64) for t, ids in postings.items()
                        if len(ids) > 1 and held.get(t, len(ids)) <= MAX_POSTINGS}
        self._scratch = np.zeros(len(profiles), dtype=np.float64)

    def weight(self, term: str) -> float:
        return self.weights.get(term, _factor(term) * math.log(self._claims + 1))

    def similarity(self, i: int, j: int) -> float:
        """Cosine of two claims' weighted term sets (0-1)."""
        shared = self.terms[i] & self.terms[j]
        return math.fsum(map(self.squares.__getitem__, shared)) / (self.norms[i] * self.norms[j]) if shared else 0.0

    def _ranked(self, terms: Iterable[str], norm: float, k: int, exclude: int | None) -> list[tuple[float, int]]:
        """The k claims whose weighted terms meet `terms` best, (cosine, index), best first; the
        cosine counts the terms that lead to candidates (common terms aside). Scores add up in
        a scratch array the size of the index, one vector step per term, cleared after use."""
        import numpy as np

        # in a fixed order: the scores add up term by term, and ties at the cut go by position
        arrays = [(self._arrays[t], self.squares[t]) for t in sorted(terms) if t in self._arrays]
        if not arrays:
            return []
        acc = self._scratch
        for ids, w in arrays:
            acc[ids] += w                       # one term's postings hold each claim once
        touched = arrays[0][0] if len(arrays) == 1 else np.concatenate([a for a, _ in arrays])
        scores = acc[touched] / (self._norms[touched] * norm)
        acc[touched] = 0.0
        if exclude is not None:
            scores[touched == exclude] = 0.0
        # a claim sharing n terms stands n times in `touched`: take a few times k, then dedupe
        for wanted in (4 * k, len(touched)):
            if wanted < len(touched):
                top = np.argpartition(-scores, wanted - 1)[:wanted]
                ids, values = touched[top], scores[top]
            else:
                ids, values = touched, scores
            found, first = np.unique(ids, return_index=True)
            if len(found) >= k or wanted >= len(touched):
                break
        values = values[first]
        keep = values > 0
        found, values = found[keep], values[keep]
        if len(found) > k:
            top = np.argpartition(-values, k - 1)[:k]
            found, values = found[top], values[top]
        order = np.lexsort((found, -values))
        return [(float(values[o]), int(found[o])) for o in order]

    def search(self, terms: Iterable[str], k: int = TOP_K, exclude: int | None = None) -> list[tuple[float, int]]:
        """The k claims most similar to a set of terms (a query, or a denial's own words)."""
        query = frozenset(terms)
        norm = math.sqrt(math.fsum(self.weight(t) ** 2 for t in query)) or 1.0
        return self._ranked(query, norm, k, exclude)

    def neighbours(self, i: int, k: int = TOP_K) -> list[tuple[float, int]]:
        """Claim i's k most similar claims, (similarity, index), best first."""
        return self._ranked(self.terms[i], self.norms[i], k, i)

    def candidate_pairs(self, k: int = TOP_K, focus: set[int] | None = None) -> dict[tuple[int, int], float]:
        """(i, j) with i < j -> similarity, for every claim's top k (of the focus claims only,
        when given: the pairs that involve them)."""
        pairs: dict[tuple[int, int], float] = {}
        for i in range(len(self.profiles)) if focus is None else sorted(focus):
            for s, j in self.neighbours(i, k):
                pairs[(min(i, j), max(i, j))] = s
        return pairs


def term_weight(term: str, holders: int, claims: int) -> float:
    """A term's weight, as the index gives it, from how many of `claims` claims hold it."""
    return _factor(term) * math.log((claims + 1) / max(1, holders)) + 1e-3


def _factor(term: str) -> float:
    if term.startswith("@"):
        return ACTOR_TERM_FACTOR
    if term.startswith("#"):
        return MEASURE_TERM_FACTOR
    return 1.0
