"""Analysis: which claims deny, contradict, repeat or corroborate which, and how credible each
is. Pure: claims in, relations and assessments with their reasons out; never touches the store.

    relations, assessments = analyze(claims, manual=links, suppressed=unlinked_pairs)
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

from factcheck.models import Assessment, Claim, Relation

__all__ = ["analyze"]


def analyze(claims: Sequence[Claim], manual: Sequence[Relation] = (),
            suppressed: set[frozenset[str]] = frozenset()) -> tuple[list[Relation], list[Assessment]]:
    """Automatic relations (never for a suppressed pair or one with a manual link) and one
    Assessment per claim, computed from the automatic and manual relations together."""
    # Analysis makes millions of small objects and no reference cycles: the cyclic collector
    # would rescan the growing heap again and again (it doubled the time at 100k claims).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyze(claims, manual, suppressed)
    finally:
        if enabled:
            gc.enable()


def _analyze(claims, manual, suppressed):
    from factcheck.analysis.contradict import find_conflict
    from factcheck.analysis.corroborate import same_proposition
    from factcheck.analysis.deny import DenialFinder
    from factcheck.analysis.grade import assess_all, group_revisions
    from factcheck.analysis.link import measure_pairs, neighbour_pairs, similar_pairs
    from factcheck.analysis.profile import WordWeights, build_profiles
    from factcheck.analysis.relations import (RelationBook, propagate_conflicts, propagate_denials,
                                              propagate_support)

    profiles = build_profiles(claims)
    weights = WordWeights(profiles)
    taken = {frozenset((r.source_id, r.target_id)) for r in manual} | set(suppressed)
    book = RelationBook(profiles, taken)
    denials = DenialFinder(profiles, weights)
    for found in denials.find():
        book.add(found.relation, found.source, found.target, found.reason)
    scores, near = similar_pairs(profiles), neighbour_pairs(profiles)
    revisions = []
    for i, j in sorted(set(scores) | near | measure_pairs(profiles)):
        if i in denials.cues or j in denials.cues:
            continue                    # a denial's links come from its cue, not from its words
        a, b, score = profiles[i], profiles[j], scores.get((i, j), 0)
        conflict = find_conflict(a, b, score, (i, j) in near, weights)
        if conflict and conflict.kind == "revision":
            revisions.append((i, j, conflict.reason))
        elif conflict:
            book.add("contradicts", i, j, conflict.reason, score / 100)
        elif (same := same_proposition(a, b, score, weights)):
            book.add(same[0], i, j, same[1], score / 100)
    direct = list(book.rows.values()) + list(manual)
    propagate_denials(book, direct)
    propagate_conflicts(book, direct)
    propagate_support(book, direct)
    relations = book.sorted()
    assessments = assess_all(profiles, relations + list(manual), denials.disputed,
                             group_revisions(revisions))
    return relations, assessments
