"""The two halves of an analysis run: compare candidate pairs of claims (the costly part, whose
findings can be kept), then settle relations and assessments from the findings, the denials and
the user's links (cheap, always over all claims).
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.analysis import contradict, corroborate
from factcheck.analysis.contradict import find_conflict
from factcheck.analysis.corroborate import same_proposition
from factcheck.analysis.deny import Found
from factcheck.analysis.grade import assess_all, group_revisions
from factcheck.analysis.link import Wanted, measure_pairs, neighbour_pairs, similar_pairs
from factcheck.analysis.profile import Profile, WordWeights
from factcheck.analysis.relations import RelationBook, propagate_conflicts, propagate_denials, propagate_support
from factcheck.models import Assessment, Finding, Relation

# Every rule that makes a finding of a pair's words asks the two claims to share this many
# content words (on their quotes or on their texts), unless they are neighbours or both state
# amounts: other pairs need no wording score, and large blocks do not score them.
FINDING_MIN_SHARED_WORDS = min(corroborate.MIN_SHARED_WORDS_REPEAT, corroborate.MIN_SHARED_WORDS_CORROBORATE,
                               contradict.MIN_SHARED_WORDS, contradict.DATE_MIN_SHARED_WORDS)


def compare_pairs(profiles: Sequence[Profile], weights: WordWeights, cues: dict,
                  focus: set[int] | None = None) -> list[Finding]:
    """What each candidate pair's words say (conflict, revision, restatement, support), in pair
    order; with `focus`, only the pairs that involve one of those claims."""
    near = neighbour_pairs(profiles)
    scores = similar_pairs(profiles, focus, Wanted(FINDING_MIN_SHARED_WORDS, near))
    pairs = set(scores) | near | measure_pairs(profiles)
    if focus is not None:
        pairs = {(i, j) for i, j in pairs if i in focus or j in focus}
    out, least = [], FINDING_MIN_SHARED_WORDS
    for i, j in sorted(pairs):
        if i in cues or j in cues:
            continue                    # a denial's links come from its cue, not from its words
        a, b, score = profiles[i], profiles[j], scores.get((i, j), 0)
        neighbours = (i, j) in near
        if (not neighbours and not (a.amounts and b.amounts) and len(a.words & b.words) < least
                and len(a.text_words & b.text_words) < least):
            continue                    # no rule can find anything in it
        conflict = find_conflict(a, b, score, neighbours, weights)
        if conflict:
            kind = "revision" if conflict.kind == "revision" else "contradicts"
            out.append(Finding(kind, a.claim.id, b.claim.id, conflict.reason, score / 100))
        elif (same := same_proposition(a, b, score, weights)):
            out.append(Finding(same[0], a.claim.id, b.claim.id, same[1], score / 100))
    return out


def settle(profiles: Sequence[Profile], denials: Sequence[Found], findings: Sequence[Finding],
           disputed: dict[int, str], manual: Sequence[Relation],
           suppressed: set[frozenset[str]]) -> tuple[list[Relation], list[Assessment]]:
    """Relations from denials and pair findings (never for a pair the user decided), what follows
    from them, and each claim's assessment."""
    taken = {frozenset((r.source_id, r.target_id)) for r in manual} | set(suppressed)
    book = RelationBook(profiles, taken)
    for found in denials:
        book.add(found.relation, found.source, found.target, found.reason)
    index = {p.claim.id: p.index for p in profiles}
    revisions = []
    for f in sorted(findings, key=lambda f: (index[f.source_id], index[f.target_id])):
        i, j = index[f.source_id], index[f.target_id]
        if f.kind == "revision":
            revisions.append((i, j, f.reason))
        else:
            book.add(f.kind, i, j, f.reason, f.score)
    direct = list(book.rows.values()) + list(manual)
    propagate_denials(book, direct)
    propagate_conflicts(book, direct)
    propagate_support(book, direct)
    relations = book.sorted()
    assessments = assess_all(profiles, relations + list(manual), disputed, group_revisions(revisions))
    return relations, assessments
