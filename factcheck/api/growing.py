"""An ingest that adds documents analyses their neighbourhood only (see `analysing` for when).

The neighbourhood of the new claims, read from the store and nothing else:
  - their candidates: for each new claim, the TOP_K stored claims nearest to it through the kept
    index (the postings of its terms held by at most MAX_POSTINGS claims, weighed over the whole
    database, the best RESCORED_CANDIDATES of them scored in full);
  - one step further: every claim linked to a candidate by a stored relation (the members of the
    propositions a new claim may join, the claims that deny or contradict them);
  - the claims of the new documents themselves (their neighbours in the text, their denials'
    antecedents).
`analysis.part.analyse_part` settles the relations among them; what changed is written (the
relations of pairs it added or changed, never removing one of a pair it did not settle anew),
and the statuses, scores and grades of every claim at either end of a changed relation are
worked out again from all their stored relations.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from factcheck.models import Assessment, Claim, Relation

# Stored claims scored in full per new claim, of those its rarer terms lead to.
RESCORED_CANDIDATES = 40
# "Contested: <why>." in a stored explanation, where the text itself disputes a claim (grade.assess).
_DISPUTED = re.compile(r"Contested: (stated against .*?\))\.(?: |$)")


def analyse_new(store, fresh: list[Claim], prepared: dict, state, marks: dict[str, str]):
    """Analyse the `fresh` claims (all of the documents just added, with their `prepared`
    profiles) in their neighbourhood and save what changed; (claims analysed, relations added),
    or None when the database changed meanwhile."""
    from factcheck.analysis.part import analyse_part

    total = store.kept_claims() + len(fresh)
    claims, kept, counts, stored = _neighbourhood(store, fresh, prepared, total)
    auto = [r for r in stored if r.origin == "auto"]
    publishers = store.publishers_of([c.document for c in claims])
    part = analyse_part(claims, {c.id for c in fresh}, kept=kept, prepared=prepared, stored=auto,
                        counts=counts, total=total, manual=[r for r in stored if r.origin == "manual"],
                        suppressed=store.suppressed_pairs(), publishers=publishers, aliases=store.aliases())
    added, replaced = _changes(part.relations, auto)
    assessments = _assessments(store, added, replaced, part)
    saved = store.save_partial_analysis(added, replaced, assessments, profiles=part.profiles,
                                        findings=part.findings, terms=part.terms, marks=marks, made_from=state)
    return (len(claims), len(added)) if saved else None


def _neighbourhood(store, fresh: list[Claim], prepared: dict, total: int):
    """(the claims of the neighbourhood in store order, kept profiles of its stored claims, term
    counts over the database for every term they hold, the relations stored among them)."""
    from factcheck.analysis.index import MAX_POSTINGS, TOP_K

    prepared.update(_profiled(c for c in fresh if c.id not in prepared))
    terms = {c.id: frozenset(prepared[c.id][1]) for c in fresh}
    counts, postings = store.term_postings(sorted(set().union(*terms.values())), MAX_POSTINGS)
    counts = Counter(counts) + Counter(t for held in terms.values() for t in held)
    near = _nearest(store, terms, counts, postings, total, TOP_K)
    linked = store.relations_of(sorted(near))
    around = near | {end for rs in linked.values() for r in rs for end in (r.source_id, r.target_id)}
    around -= set(terms)
    kept, held, _ = store.kept_of(sorted(around))
    more, _ = store.term_postings(sorted(set().union(*held.values(), set()) - set(counts)), 0)
    counts.update(more)
    claims = list(store.claims_by_id(sorted(around)).values()) + fresh
    claims.sort(key=lambda c: (c.document, c.start, c.end, c.id))
    ids = {c.id for c in claims}
    linked.update(store.relations_of(sorted(around - near)))
    stored = {(r.relation, r.source_id, r.target_id, r.origin): r for rs in linked.values() for r in rs
              if r.source_id in ids and r.target_id in ids}
    return claims, kept, counts, list(stored.values())


def _profiled(claims) -> dict[str, tuple[str, list[str]]]:
    """Profiles and index terms of claims that no worker profiled."""
    from factcheck.analysis.denial_cues import detect_denial
    from factcheck.analysis.index import claim_terms
    from factcheck.analysis.profile import build_profile
    from factcheck.analysis.state import encode_profile

    out = {}
    for claim in claims:
        profile = build_profile(0, claim)
        out[claim.id] = (encode_profile(profile, detect_denial(profile)), sorted(claim_terms(profile)))
    return out


def _nearest(store, terms: dict[str, frozenset[str]], counts: Counter, postings: dict[str, list[str]],
             total: int, k: int) -> set[str]:
    """The stored claims among the k nearest of each new claim, by the cosine of their weighted
    terms: the postings first give each a partial score, the best few are scored in full."""
    from factcheck.analysis.index import term_weight

    weights: dict[str, float] = {}

    def weight(term: str) -> float:
        found = weights.get(term)
        if found is None:
            found = weights[term] = term_weight(term, counts.get(term, 0) or 1, total)
        return found

    partial: dict[str, Counter] = {}
    for cid, held in terms.items():
        scores: Counter = Counter()
        for t in held:
            square = weight(t) ** 2
            for holder in postings.get(t, ()):
                scores[holder] += square
        partial[cid] = Counter(dict(scores.most_common(RESCORED_CANDIDATES)))
    best = sorted({h for scores in partial.values() for h in scores})
    stored_terms = store.kept_terms_of(best)
    more, _ = store.term_postings(sorted(set().union(*stored_terms.values(), set()) - set(counts)), 0)
    counts.update(more)
    norms = {h: math.sqrt(sum(weight(t) ** 2 for t in held)) or 1.0 for h, held in stored_terms.items()}
    chosen: set[str] = set()
    for cid, scores in partial.items():
        norm = math.sqrt(sum(weight(t) ** 2 for t in terms[cid])) or 1.0
        ranked = sorted(((-scores[h] / (norm * norms[h]), h) for h in scores if h in norms))
        chosen.update(h for _, h in ranked[:k])
    return chosen


def _changes(now: list[Relation], before: list[Relation]) -> tuple[list[Relation], list[frozenset[str]]]:
    """The relations to add, and the pairs whose stored relation they replace."""
    was = {frozenset((r.source_id, r.target_id)): r for r in before}
    added, replaced = [], []
    for r in now:
        pair = frozenset((r.source_id, r.target_id))
        old = was.get(pair)
        if old == r:
            continue
        added.append(r)
        if old is not None:
            replaced.append(pair)
    return added, replaced


def _assessments(store, added: list[Relation], replaced: list[frozenset[str]], part) -> list[Assessment]:
    """The assessments of the new claims and of every claim a changed relation or a new revision
    touches, from all their relations as they will be stored; those that differ from what is stored."""
    from factcheck.analysis.grade import assess_all

    revised = {end for f in part.findings if f.kind == "revision" for end in (f.source_id, f.target_id)}
    touched = set(part.profiles) | revised | {end for r in added for end in (r.source_id, r.target_id)} \
        | {end for pair in replaced for end in pair}
    relations = _relations_after(store.relations_of(sorted(touched)), added, set(replaced))
    profiles, findings = _profiles_of(store, touched | {e for r in relations for e in (r.source_id, r.target_id)}, part)
    before = store.assessments(sorted(touched))
    position = {p.claim.id: p.index for p in profiles}
    why = {position[cid]: text for cid, text in part.disputed.items() if cid in position}
    for cid, assessment in before.items():
        found = _DISPUTED.search(assessment.explanation or "") if cid not in part.disputed else None
        if found and cid in position:
            why[position[cid]] = found.group(1)
    # in the order a complete run gives them: automatic relations by their claims' places, then the user's
    order = {p.claim.id: p.order for p in profiles}
    auto = sorted((r for r in relations if r.origin == "auto"),
                  key=lambda r: (order[r.source_id], order[r.target_id], r.relation))
    ordered = auto + [r for r in relations if r.origin != "auto"]
    out = assess_all(profiles, ordered, why, _revisions(findings, position))
    return [a for a in out if a.claim_id in touched and before.get(a.claim_id) != a]


def _relations_after(stored: dict[str, list[Relation]], added: list[Relation],
                     replaced: set[frozenset[str]]) -> list[Relation]:
    """The relations of these claims once the changes are written."""
    out = {(r.relation, r.source_id, r.target_id, r.origin): r for rs in stored.values() for r in rs
           if r.origin != "auto" or frozenset((r.source_id, r.target_id)) not in replaced}
    out.update({(r.relation, r.source_id, r.target_id, r.origin): r for r in added})
    return list(out.values())


def _profiles_of(store, ids: set[str], part):
    """Profiles of these claims and of their revisions' other claims in store order (the new ones'
    as just made), and the findings kept or just made of pairs involving them."""
    from factcheck.analysis.state import decode_profile

    kept, _, findings = store.kept_of(sorted(ids - set(part.profiles)))
    findings = findings + part.findings
    # a revision counts for both its claims: the other end is read too, related or not
    partners = {end for f in findings if f.kind == "revision" and (f.source_id in ids or f.target_id in ids)
                for end in (f.source_id, f.target_id)} - ids - set(part.profiles)
    if partners:
        kept.update(store.kept_of(sorted(partners))[0])
        ids = ids | partners
    claims = store.claims_by_id(sorted(ids))
    kept.update(part.profiles)
    profiles = []
    for claim in sorted(claims.values(), key=lambda c: (c.document, c.start, c.end, c.id)):
        profiles.append(decode_profile(len(profiles), claim, kept[claim.id])[0])
    return profiles, findings


def _revisions(findings, position: dict[str, int]) -> dict[int, list[str]]:
    from factcheck.analysis.grade import group_revisions

    found = [(position[f.source_id], position[f.target_id], f.reason) for f in findings
             if f.kind == "revision" and f.source_id in position and f.target_id in position]
    return group_revisions(sorted(found))
