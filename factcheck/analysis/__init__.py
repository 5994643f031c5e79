"""Analysis: which claims deny, contradict, repeat or corroborate which, and how credible each
is. Pure: claims in, relations and assessments with their reasons out; never touches the store.

    relations, assessments = analyze(claims, manual=links, suppressed=unlinked_pairs)

`update_analysis` does the same from what an earlier run kept (profiles and pair findings): only
the pairs that involve a claim without a kept profile are compared, so adding a few documents to
a large database costs in proportion to their claims.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from factcheck.models import Assessment, Claim, Finding, Relation

__all__ = ["Analysis", "analyze", "collector_paused", "update_analysis"]


@dataclass(frozen=True)
class Analysis:
    """One run's results, and what it leaves for the next run to keep."""

    relations: list[Relation]                   # automatic relations, inferred ones included
    assessments: list[Assessment]               # one per claim
    findings: list[Finding]                     # pair findings of the pairs compared in this run
    profiles: dict[str, str] = field(default_factory=dict)   # claim id -> profile, of claims new to it
    terms: dict[str, list[str]] = field(default_factory=dict)  # claim id -> its index terms, of the same claims
    complete: bool = True                       # every pair was compared: nothing kept was used


def analyze(claims: Sequence[Claim], manual: Sequence[Relation] = (),
            suppressed: set[frozenset[str]] = frozenset(), *, publishers: Mapping[str, str] | None = None,
            aliases: Mapping[str, str] | None = None) -> tuple[list[Relation], list[Assessment]]:
    """Automatic relations (never for a suppressed pair or one with a manual link) and one
    Assessment per claim, computed from the automatic and manual relations together.
    `publishers` maps a document to its outlet, `aliases` a name (lowercase) to its canonical
    name: both decide which claims share an origin."""
    result = update_analysis(claims, manual=manual, suppressed=suppressed, publishers=publishers, aliases=aliases)
    return result.relations, result.assessments


def update_analysis(claims: Sequence[Claim], *, profiles: Mapping[str, str] | None = None,
                    findings: Sequence[Finding] = (), manual: Sequence[Relation] = (),
                    suppressed: set[frozenset[str]] = frozenset(), publishers: Mapping[str, str] | None = None,
                    aliases: Mapping[str, str] | None = None,
                    prepared: Mapping[str, tuple[str, Sequence[str]]] | None = None) -> Analysis:
    """Analyse `claims`, reusing kept `profiles` (claim id -> `state.encode_profile` text) and the
    `findings` of earlier runs for pairs of claims that both have one. `prepared` profiles
    (claim id -> (profile text, index terms)), made beside the extraction, are decoded instead of
    built, their claims counted as new all the same. Denials, inferences and
    assessments are always worked out over all claims; word weights are those of all claims now,
    while kept findings keep the weights of the run that made them."""
    with collector_paused():
        return _update(claims, profiles or {}, findings, manual, suppressed, publishers or {}, aliases or {},
                       prepared or {})


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile. Analysis makes millions of small objects and
    no reference cycles: the collector would rescan the growing heap again and again (it doubled
    the time at 100k claims); so do reading all claims from the store and saving the results."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _update(claims, kept_profiles, kept_findings, manual, suppressed, publishers, aliases, prepared) -> Analysis:
    from dataclasses import replace

    from factcheck.analysis.compare import compare_pairs, settle
    from factcheck.analysis.denial_cues import detect_denial
    from factcheck.analysis.deny import DenialFinder
    from factcheck.analysis.endorse import endorsed_denials
    from factcheck.analysis.index import ClaimIndex, claim_terms
    from factcheck.analysis.origins import assign_origins
    from factcheck.analysis.profile import WordWeights, build_profile
    from factcheck.analysis.state import decode_profile, encode_profile
    from factcheck.analysis.stories import find_stories

    profiles, cues, fresh = [], {}, []
    for index, claim in enumerate(claims):
        data = kept_profiles.get(claim.id)
        if data is not None:
            profile, cue = decode_profile(index, claim, data)
        elif claim.id in prepared:
            profile, cue = decode_profile(index, claim, prepared[claim.id][0])
            fresh.append(index)
        else:
            profile = build_profile(index, claim)
            cue = detect_denial(profile)
            fresh.append(index)
        profiles.append(profile)
        if cue is not None:
            cues[index] = cue
    made = {profiles[i].claim.id: prepared[profiles[i].claim.id][0] if profiles[i].claim.id in prepared
            else encode_profile(profiles[i], cues.get(i)) for i in fresh}
    # origins depend on the document around a claim and on the user's aliases: worked out anew
    origins = assign_origins(profiles, publishers, aliases)
    profiles = [replace(p, identity=origin, speaker=p.identity) for p, origin in zip(profiles, origins)]
    complete = len(fresh) == len(profiles)
    weights = WordWeights(profiles)
    retrieval = ClaimIndex(profiles)
    stories = find_stories(retrieval)
    profiles = [replace(p, story=story) for p, story in zip(profiles, stories)]
    retrieval.profiles = profiles
    denials = DenialFinder(profiles, weights, cues, retrieval)
    found = denials.find()
    found += endorsed_denials(profiles, found, set(denials.cues))
    new = compare_pairs(profiles, weights, denials.cues, None if complete else set(fresh), retrieval)
    findings = new if complete else _still_valid(kept_findings, profiles, set(fresh)) + new
    relations, assessments = settle(profiles, found, findings, denials.disputed, manual, suppressed,
                                    set(denials.cues), retrieval)
    terms = {profiles[i].claim.id: list(prepared[profiles[i].claim.id][1]) if profiles[i].claim.id in prepared
             else sorted(claim_terms(profiles[i])) for i in fresh}
    return Analysis(relations, assessments, new, made, terms=terms, complete=complete)


def _still_valid(findings: Sequence[Finding], profiles, fresh: set[int]) -> list[Finding]:
    """Kept findings whose two claims are both still there and were not profiled afresh."""
    index = {p.claim.id: p.index for p in profiles}
    out = []
    for f in findings:
        a, b = index.get(f.source_id), index.get(f.target_id)
        if a is not None and b is not None and a not in fresh and b not in fresh:
            out.append(f)
    return out
