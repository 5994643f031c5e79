"""`check`'s candidates: the stored claims the retrieval index finds for a query, with their
whole profiles, read through the index the analysis keeps in the database (`analysis/index.py`).

Only the query's terms' postings are read, then the kept profiles of the best few; a database
analysed before the index was kept is indexed here from its kept profiles (or profiled afresh).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from factcheck.models import Claim

# Stored claims fetched from the index for a query, best first, to be ranked again by their
# closeness (`check_rank`): on crossdoc, 0.64 of the queries have a same-proposition partner
# among the first 5 by cosine, 0.93 among the first 50.
CANDIDATES = 50
# Candidates scored on the query's rarer terms alone, then on all their terms, of which the best
# CANDIDATES are kept.
RESCORED_CANDIDATES = 200


def find_candidates(store, asked):
    """The stored claims most alike the query profile `asked`: (cosine, id) best first, the word
    weights over the database, and id -> (stand-in profile or None, kept profiles by id)."""
    from factcheck.analysis.index import ClaimIndex, claim_terms
    from factcheck.analysis.profile import WordWeights

    indexed = store.indexed_claims()
    if indexed:
        return _from_kept_index(store, asked, indexed)
    profiles, kept = _stored_profiles(store)            # analysed before the index was kept
    if not profiles:
        return [], WordWeights(()), {}
    index, weights = ClaimIndex(profiles), WordWeights(profiles)
    nearest = index.search(claim_terms(asked), CANDIDATES)
    found = [(s, profiles[j].claim.id) for s, j in nearest]
    return found, weights, {profiles[j].claim.id: (profiles[j], kept) for _, j in nearest}


def _from_kept_index(store, asked, claims: int):
    """Candidates through the index the analysis keeps in the database (of `claims` claims): the
    postings of the query's terms only, then the kept profiles of the best few; (cosine, id) best first, the word
    weights over the database, and id -> (stand-in profile, kept profiles) for each candidate."""
    import math
    from collections import Counter

    from factcheck.analysis.index import MAX_POSTINGS, claim_terms, term_weight
    from factcheck.analysis.profile import WordWeights

    query = sorted(claim_terms(asked))
    counts, postings = store.term_postings(query, MAX_POSTINGS)
    partial: Counter = Counter()
    for term, holders in postings.items():
        square = term_weight(term, counts[term], claims) ** 2
        for cid in holders:
            partial[cid] += square
    best = [cid for cid, _ in partial.most_common(RESCORED_CANDIDATES)]
    kept = store.kept_profiles_of(best)
    terms = {cid: _terms_of(kept[cid]) for cid in best if cid in kept}
    more, _ = store.term_postings(sorted({t for held in terms.values() for t in held} - set(counts)), 0)
    counts = {**counts, **more}

    def weight(term: str) -> float:
        return term_weight(term, counts.get(term, 0) or 1, claims)

    norm = math.sqrt(sum(weight(t) ** 2 for t in query)) or 1.0
    scored = []
    for cid, held in terms.items():
        shared = held & set(query)
        norm_c = math.sqrt(sum(weight(t) ** 2 for t in held)) or 1.0
        scored.append((sum(weight(t) ** 2 for t in shared) / (norm * norm_c), cid))
    scored.sort(key=lambda x: (-x[0], x[1]))
    words = Counter({t: n for t, n in counts.items() if not t.startswith(("@", "#"))})
    weights = WordWeights((), counts=words, claims=claims)
    return scored[:CANDIDATES], weights, {cid: (None, kept) for cid in terms}


def _terms_of(data: str) -> frozenset[str]:
    """A kept profile's index terms, read as `analysis/index.py` claim_terms reads a profile."""
    import json

    row = json.loads(data)
    measures = {f"#{'casualty' if a[4] else a[2]}" for a in row[6] if a[4] or a[2]}
    return frozenset(row[2]) | frozenset(row[3]) | {f"@{a}" for a in row[7]} | measures


class _Indexed(NamedTuple):
    """What the index reads of a kept profile (`analysis/index.py` claim_terms): decoding only
    this of every stored claim, and the whole profile of the few candidates, keeps a check fast."""

    claim: Claim
    words: frozenset
    text_words: frozenset
    actors: frozenset
    amounts: tuple


class _Measure(NamedTuple):
    unit: str | None
    casualty: str | None


def _stored_profiles(store) -> tuple[list, dict[str, str]]:
    """What the index needs of every stored claim's kept profile (only the id filled in its
    claim), and the kept profiles by id. Claims without one (a database never analysed) are
    profiled here."""
    import json

    from factcheck.analysis.profile import build_profile

    kept = store.kept_profiles()
    if not kept and store.has_claims():
        return [build_profile(i, c) for i, c in enumerate(store.claims())], {}
    indexed = []
    for claim_id, data in sorted(kept.items()):
        row = json.loads(data)
        indexed.append(_Indexed(Claim(id=claim_id, document="", start=0, end=0, quote="", text=""),
                                frozenset(row[2]), frozenset(row[3]), frozenset(row[7]),
                                tuple(_Measure(a[2], a[4]) for a in row[6])))
    return indexed, kept



def full_profile(index: int, claim: Claim, stored, kept: dict[str, str]):
    """A candidate's whole profile and denial cue, as kept (or made now)."""
    from factcheck.analysis.denial_cues import detect_denial
    from factcheck.analysis.state import decode_profile

    data = kept.get(claim.id)
    if data is not None:
        return decode_profile(index, claim, data)
    if stored is None:
        from factcheck.analysis.profile import build_profile

        profile = build_profile(index, claim)
    else:
        profile = replace(stored, claim=claim)
    return profile, detect_denial(profile)

