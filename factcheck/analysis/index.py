"""A retrieval index over claims: for every claim, its most similar claims, found through the
words they share rather than by comparing every pair.

Each claim is a set of terms: its content words (stems, aliases and paraphrases resolved, see
`text.py`), the actors it is about (`@china`) and the measures it counts (`#person`). A term
weighs its inverse document frequency, so that a shared "balloon" tells more than a shared
"say". Candidates come from the postings of each claim's rarest terms only (prefix filtering), a
term shared by more than MAX_POSTINGS claims is never walked, and each claim keeps its top
TOP_K; so the cost grows with the number of claims times a constant, not with its square.

The index is rebuilt in memory from the profiles that the store keeps per claim (the `profile`
table): those are its postings, written once per claim when its document is stored.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.analysis.profile import Profile

# How many candidates each claim keeps, best first.
TOP_K = 20
# A claim's candidates are gathered from its this many rarest terms.
PROBE_TERMS = 8
# A term found in more claims than this is too common to gather candidates by (its postings
# are not walked); it still counts in the similarity of the pairs gathered by rarer terms.
MAX_POSTINGS = 400
# Gathered candidates re-scored on all their terms, per claim, before the top TOP_K are kept.
RESCORE = 3 * TOP_K
# Actors and measures weigh less than words: two claims about China need not say the same thing.
ACTOR_TERM_FACTOR = 0.5
MEASURE_TERM_FACTOR = 0.5


def claim_terms(p: Profile) -> frozenset[str]:
    """The terms a claim is indexed by."""
    measures = {f"#{'casualty' if a.casualty else a.unit}" for a in p.amounts if a.casualty or a.unit}
    return frozenset(p.words | p.text_words | {f"@{a}" for a in p.actors} | measures)


class ClaimIndex:
    """Inverted index of claim terms with their weights; built once per analysis run."""

    def __init__(self, profiles: Sequence[Profile]):
        self.profiles = profiles
        self.terms = [claim_terms(p) for p in profiles]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, terms in enumerate(self.terms):
            for t in terms:
                self.postings[t].append(i)
        n = len(profiles) + 1
        self.weights = {t: _factor(t) * math.log(n / len(ids)) + 1e-3 for t, ids in self.postings.items()}
        self.norms = [math.sqrt(sum(self.weights[t] ** 2 for t in terms)) or 1.0 for terms in self.terms]

    def weight(self, term: str) -> float:
        return self.weights.get(term, _factor(term) * math.log(len(self.profiles) + 1))

    def similarity(self, i: int, j: int) -> float:
        """Cosine of two claims' weighted term sets (0-1)."""
        shared = self.terms[i] & self.terms[j]
        return sum(self.weights[t] ** 2 for t in shared) / (self.norms[i] * self.norms[j]) if shared else 0.0

    def search(self, terms: Iterable[str], k: int = TOP_K, exclude: int | None = None) -> list[tuple[float, int]]:
        """The k claims most similar to a set of terms (a query, or a denial's own words)."""
        query = frozenset(terms)
        norm = math.sqrt(sum(self.weight(t) ** 2 for t in query)) or 1.0
        gathered = self._gather(query, exclude)
        scored = []
        for j in gathered:
            shared = query & self.terms[j]
            scored.append((sum(self.weights[t] ** 2 for t in shared) / (norm * self.norms[j]), j))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return scored[:k]

    def _gather(self, query: frozenset[str], exclude: int | None) -> list[int]:
        probes = sorted((t for t in query if 0 < len(self.postings.get(t, ())) <= MAX_POSTINGS),
                        key=lambda t: (-self.weights[t], t))[:PROBE_TERMS]
        partial: dict[int, float] = defaultdict(float)
        for t in probes:
            w = self.weights[t] ** 2
            for j in self.postings[t]:
                partial[j] += w
        partial.pop(exclude, None)
        if len(partial) <= RESCORE:
            return list(partial)
        return sorted(partial, key=lambda j: (-partial[j], j))[:RESCORE]

    def neighbours(self, i: int, k: int = TOP_K) -> list[tuple[float, int]]:
        """Claim i's k most similar claims, (similarity, index), best first."""
        scored = [(self.similarity(i, j), j) for j in self._gather(self.terms[i], i)]
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [(s, j) for s, j in scored[:k] if s > 0]

    def candidate_pairs(self, k: int = TOP_K, focus: set[int] | None = None) -> dict[tuple[int, int], float]:
        """(i, j) with i < j -> similarity, for every claim's top k (of the focus claims only,
        when given: the pairs that involve them)."""
        pairs: dict[tuple[int, int], float] = {}
        for i in range(len(self.profiles)) if focus is None else sorted(focus):
            for s, j in self.neighbours(i, k):
                pairs[(min(i, j), max(i, j))] = s
        return pairs


def _factor(term: str) -> float:
    if term.startswith("@"):
        return ACTOR_TERM_FACTOR
    if term.startswith("#"):
        return MEASURE_TERM_FACTOR
    return 1.0
