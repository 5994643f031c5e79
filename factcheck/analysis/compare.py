"""The two halves of an analysis run: compare candidate pairs of claims (the costly part, whose
findings can be kept), then settle relations and assessments from the findings, the denials and
the user's links (cheap, always over all claims).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from factcheck.analysis import contradict, corroborate
from factcheck.analysis.amounts import same_toll
from factcheck.analysis.blame import blame_pairs, blame_relation, blames_another
from factcheck.analysis.characterise import characterisation_pairs, characterisation_relation
from factcheck.analysis.contradict import find_conflict
from factcheck.analysis.corroborate import same_proposition
from factcheck.analysis.deny import Found
from factcheck.analysis.grade import assess_all, group_revisions
from factcheck.analysis.index import ClaimIndex
from factcheck.analysis.link import measure_pairs, neighbour_pairs
from factcheck.analysis.profile import Profile, WordWeights, spans_overlap
from factcheck.analysis.propositions import close_groups, group_claims, spread_conflicts
from factcheck.analysis.relations import RelationBook
from factcheck.models import Assessment, Finding, Relation

# Every rule that makes a finding of a pair's words asks the two claims to share this many
# content words (on their quotes or on their texts), unless they are neighbours or both state
# amounts: other pairs need no wording score, and large blocks do not score them.
FINDING_MIN_SHARED_WORDS = min(corroborate.MIN_SHARED_WORDS_REPEAT, corroborate.MIN_SHARED_WORDS_CORROBORATE,
                               contradict.MIN_SHARED_WORDS, contradict.DATE_MIN_SHARED_WORDS)


# Index cosine (0-1) below which a candidate pair, neither neighbours nor both counting, shares too
# little for any rule to find a relation in it: its words are not compared further.
MIN_DECISION_SIMILARITY = 0.12


def compare_pairs(profiles: Sequence[Profile], weights: WordWeights, cues: dict,
                  focus: set[int] | None = None, index: ClaimIndex | None = None) -> list[Finding]:
    """What each candidate pair's words say (conflict, revision, restatement, support), in pair
    order; with `focus`, only the pairs that involve one of those claims. Candidates are each
    claim's nearest claims in the retrieval index, its neighbours in the text and the claims
    counting the same measure about the same actor."""
    from rapidfuzz.fuzz import token_set_ratio

    index = index or ClaimIndex(profiles)
    near = neighbour_pairs(profiles)
    framed = blame_pairs(profiles)
    characterised = characterisation_pairs(profiles)
    pairs = set(index.candidate_pairs(focus=focus)) | near | measure_pairs(profiles) | framed | characterised
    if focus is not None:
        pairs = {(i, j) for i, j in pairs if i in focus or j in focus}
    out = []
    for i, j in sorted(pairs):
        a, b = profiles[i], profiles[j]
        if spans_overlap(a, b):
            continue
        near_pair, similarity = (i, j) in near, index.similarity(i, j)
        denial = i in cues or j in cues
        blamed = None
        if (i, j) in framed and not (i in cues and not blames_another(a) or j in cues and not blames_another(b)):
            # a denial that says who did it instead is compared by what it asserts, not by its "not"
            blamed = _blamed(a, b, blame_relation, asserting={x for x in (i, j) if x in cues})
        if blamed is None and (i, j) in characterised and not denial:
            blamed = _blamed(a, b, characterisation_relation)
        if blamed:
            # scored by wording, as other findings are: the index cosine moves with the corpus weights
            out.append(Finding(blamed[0], a.claim.id, b.claim.id, blamed[1],
                               _wording_score(a, b, token_set_ratio) / 100))
            continue
        # a pair too unlike in words is only compared as two counts of the hurt or the dead,
        # which are told in other words ("no Americans were harmed" / "34 were injured")
        counts_only = not near_pair and similarity < MIN_DECISION_SIMILARITY
        if counts_only and not (_counts_hurt(a) and _counts_hurt(b)):
            continue
        score = _wording_score(a, b, token_set_ratio)
        # a denial's conflicts come from what it denies (deny.py); it may still restate another denial
        conflict = None if denial else find_conflict(a, b, score, near_pair, weights)
        if conflict:
            kind = "revision" if conflict.kind == "revision" else "contradicts"
            out.append(Finding(kind, a.claim.id, b.claim.id, conflict.reason, score / 100))
        elif counts_only and not same_toll(a.amounts, b.amounts):
            continue
        elif (not denial or (i in cues and j in cues)) and (same := same_proposition(a, b, score, weights, similarity)):
            out.append(Finding(same[0], a.claim.id, b.claim.id, same[1], score / 100))
    return out


def _blamed(a: Profile, b: Profile, relation, asserting: set[int] = frozenset()) -> tuple[str, str] | None:
    """(kind, reason) when the two answer one question of their story by `relation` (who did it,
    what the thing was): the same answer (a restatement, by origin), or answers that cannot both
    be (a conflict between different speakers)."""
    found = relation(a, b)
    if found is None:
        return None
    kind, reason = found
    if kind == "contradicts":
        return None if (a.speaker or a.identity) == (b.speaker or b.identity) else (kind, reason)
    if _polarity(a, asserting) != _polarity(b, asserting):
        return None
    if a.identity == b.identity:
        return "repeats", f"repeats: {a.label()} states it again ({reason})"
    return "corroborates", f"corroborates: {a.label()} and {b.label()} state it independently ({reason})"


def _polarity(p: Profile, asserting: set[int]) -> str:
    return "positive" if p.index in asserting else p.claim.polarity


def _counts_hurt(p: Profile) -> bool:
    return any(a.casualty for a in p.amounts)


def _wording_score(a: Profile, b: Profile, ratio) -> int:
    """rapidfuzz token_set_ratio (0-100) of the two claims' content words, on their quotes or on
    their specific texts, whichever is higher."""
    score = ratio(a.key, b.key) if a.key and b.key else 0
    if a.text_key and b.text_key and (a.text_key != a.key or b.text_key != b.key):
        score = max(score, ratio(a.text_key, b.text_key))
    return int(math.floor(score + 0.5))


def settle(profiles: Sequence[Profile], denials: Sequence[Found], findings: Sequence[Finding],
           disputed: dict[int, str], manual: Sequence[Relation],
           suppressed: set[frozenset[str]], deniers: set[int] = frozenset(),
           retrieval: ClaimIndex | None = None) -> tuple[list[Relation], list[Assessment]]:
    """Relations from denials and pair findings (never for a pair the user decided), what follows
    from them over the proposition groups, and each claim's assessment."""
    taken = {frozenset((r.source_id, r.target_id)) for r in manual} | set(suppressed)
    book = RelationBook(profiles, taken)
    book.denials = set(deniers)
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
    groups = group_claims(profiles, direct)
    retrieval = retrieval or ClaimIndex(profiles)
    close_groups(book, groups, retrieval.similarity)
    spread_conflicts(book, groups, direct, retrieval.similarity)
    relations = book.sorted()
    assessments = assess_all(profiles, relations + list(manual), disputed, group_revisions(revisions))
    return relations, assessments
