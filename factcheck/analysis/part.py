"""The analysis of part of a database: new claims with the stored claims around them.

An ingest that only adds documents need not read the database: each new claim is compared with
its candidates only (its nearest stored claims by the kept index, and the claims of its own
document), and what follows from it reaches the claims linked to those candidates. `analyse_part`
runs the analysis over that neighbourhood as a complete run would over everything: origins,
stories, denials, pair decisions and proposition groups, with the word weights of the whole
database (`counts` of each term over `total` claims). The relations stored between its old
claims take part as they are, so the groups the new claims join are known; the pairs of old
claims are not compared again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.models import Claim, Finding, Relation

SAME_OR_CONFLICT = ("repeats", "corroborates", "contradicts")


@dataclass(frozen=True)
class Part:
    """What an analysis of part of the database changes."""

    relations: list[Relation]       # every automatic relation among the part's claims, as now settled
    disputed: dict[str, str]        # claim id -> why the text itself disputes it (its denials in the part)
    findings: list[Finding]         # pair findings of the new claims
    profiles: dict[str, str]        # claim id -> kept profile, of the new claims
    terms: dict[str, list[str]]     # claim id -> index terms, of the new claims


def analyse_part(claims: Sequence[Claim], fresh: set[str], *, kept: Mapping[str, str],
                 prepared: Mapping[str, tuple[str, Sequence[str]]], stored: Sequence[Relation],
                 counts: Mapping[str, int], total: int, manual: Sequence[Relation] = (),
                 suppressed: set[frozenset[str]] = frozenset(), publishers: Mapping[str, str] | None = None,
                 aliases: Mapping[str, str] | None = None) -> Part:
    """Settle the relations among `claims` (the `fresh` ones new, the others stored with `kept`
    profiles and the automatic relations `stored` among them), comparing only pairs that involve a
    fresh claim."""
    from dataclasses import replace

    from factcheck.analysis.compare import compare_pairs, settle
    from factcheck.analysis.deny import DenialFinder, Found
    from factcheck.analysis.endorse import endorsed_denials
    from factcheck.analysis.index import ClaimIndex, claim_terms
    from factcheck.analysis.origins import assign_origins
    from factcheck.analysis.profile import WordWeights
    from factcheck.analysis.stories import find_stories

    profiles, cues, made = _profiles(claims, fresh, kept, prepared)
    origins = assign_origins(profiles, publishers or {}, aliases or {})
    profiles = [replace(p, identity=origin, speaker=p.identity) for p, origin in zip(profiles, origins)]
    words = {t: n for t, n in counts.items() if not t.startswith(("@", "#"))}
    weights = WordWeights((), counts=words, claims=total)
    retrieval = ClaimIndex(profiles, counts=counts, claims=total)
    stories = find_stories(retrieval)
    profiles = [replace(p, story=story) for p, story in zip(profiles, stories)]
    retrieval.profiles = profiles
    denials = DenialFinder(profiles, weights, cues, retrieval)
    index = {p.claim.id: p.index for p in profiles}
    focus = {index[cid] for cid in fresh}
    before = [Found(index[r.source_id], index[r.target_id], r.relation, r.reason) for r in stored
              if r.relation == "denies"]
    found = before + [f for f in denials.find() if f.source in focus or f.target in focus]
    found += endorsed_denials(profiles, found, set(denials.cues))
    new = compare_pairs(profiles, weights, denials.cues, focus, retrieval)
    kept_pairs = [Finding(r.relation, r.source_id, r.target_id, r.reason, r.score) for r in stored
                  if r.relation in SAME_OR_CONFLICT]
    relations, _ = settle(profiles, found, kept_pairs + new, denials.disputed, manual, suppressed,
                          set(denials.cues), retrieval)
    terms = {cid: list(prepared[cid][1]) if cid in prepared else sorted(claim_terms(profiles[index[cid]]))
             for cid in fresh}
    disputed = {profiles[i].claim.id: why for i, why in denials.disputed.items()}
    return Part(relations, disputed, new, made, terms)


def _profiles(claims, fresh, kept, prepared):
    """Profiles of the claims in order, their denial cues by position, and the kept text of the fresh ones."""
    from factcheck.analysis.denial_cues import detect_denial
    from factcheck.analysis.profile import build_profile
    from factcheck.analysis.state import decode_profile, encode_profile

    profiles, cues, made = [], {}, {}
    for index, claim in enumerate(claims):
        data = kept.get(claim.id) if claim.id not in fresh else prepared.get(claim.id, (None,))[0]
        if data is not None:
            profile, cue = decode_profile(index, claim, data)
        else:
            profile = build_profile(index, claim)
            cue = detect_denial(profile)
            data = encode_profile(profile, cue)
        if claim.id in fresh:
            made[claim.id] = data
        profiles.append(profile)
        if cue is not None:
            cues[index] = cue
    return profiles, cues, made
