"""Stories: the documents that report one story, found from the words their claims share.

A document is the weighted sum of its claims' terms (`index.py`); two documents whose vectors
meet (cosine at least STORY_MIN_SIMILARITY) tell one story, and a story is the connected set.
Within one story, a count of the dead, a "the report" or a short restatement can only be about
the story's own event; across stories the same words may name another one. So rules that need
to know that two claims speak of one event (casualty counts, denials reaching other documents)
ask that they share a story. Candidate documents come through the postings of each document's
heaviest terms, so the cost grows with the number of documents, not with its square.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from factcheck.analysis.index import ClaimIndex
from factcheck.analysis.unions import DisjointSets

# Cosine of two documents' term vectors at or above which they tell one story. Measured on
# three stories of five outlets each: same-story pairs 0.14 to 0.38, other pairs 0.00 to 0.11.
STORY_MIN_SIMILARITY = 0.15
# A document is compared with the documents that share one of its this many heaviest terms.
DOCUMENT_PROBE_TERMS = 30
# A term held by more documents than this is not walked to find candidates.
MAX_DOCUMENT_POSTINGS = 300
# A document is compared with this many of the documents sharing most of its heaviest terms.
DOCUMENT_CANDIDATES = 25


def find_stories(index: ClaimIndex) -> list[int]:
    """For each claim of the index, the number of its story (the smallest document number in it)."""
    documents: dict[str, int] = {}
    vectors: list[Counter] = []
    claim_doc = []
    for i, p in enumerate(index.profiles):
        d = documents.setdefault(p.claim.document, len(documents))
        if d == len(vectors):
            vectors.append(Counter())
        claim_doc.append(d)
        for t in sorted(index.terms[i]):          # most_common breaks ties by first insertion
            if not t.startswith("#"):
                vectors[d][t] += index.weights[t]
    norms = [math.sqrt(sum(x * x for x in v.values())) or 1.0 for v in vectors]
    probes = [[t for t, _ in v.most_common(DOCUMENT_PROBE_TERMS)] for v in vectors]
    postings: dict[str, list[int]] = defaultdict(list)
    for d, terms in enumerate(probes):
        for t in terms:
            postings[t].append(d)
    sets = DisjointSets(len(vectors))
    for d, terms in enumerate(probes):
        shared = Counter(e for t in terms if len(postings[t]) <= MAX_DOCUMENT_POSTINGS for e in postings[t] if e > d)
        for e, _ in shared.most_common(DOCUMENT_CANDIDATES):
            va, vb = vectors[d], vectors[e]
            small, large = (va, vb) if len(va) < len(vb) else (vb, va)
            cosine = sum(x * large[t] for t, x in small.items() if t in large) / (norms[d] * norms[e])
            if cosine >= STORY_MIN_SIMILARITY:
                sets.union(d, e)
    return [sets.find(d) for d in claim_doc]
