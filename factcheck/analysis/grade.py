"""A claim's standing after analysis: status, corroboration score and Admiralty grade, each with
its reasons.

Status (../shared/gold/SCHEMA.md): `denied` when some claim denies it; else `contested` when it
contradicts or denies another claim, or the text itself sets it against a denial; else
`uncontested`.

Score: corroboration in [0, 1] from independent support against opposition,
    supporters / (supporters + 1 + opposers)
counting distinct independent sources (restatements by one source and copies count once).

Grade: the Admiralty (NATO) credibility scale, 1 confirmed by independent sources, 2 probably
true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged, by the first rule of
GRADE_RULES that holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcheck.analysis.profile import Profile
from factcheck.models import Assessment, Relation

GRADE_NAMES = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful",
               5: "improbable", 6: "cannot be judged"}
# Independent sources needed to call a plainly stated claim confirmed.
CONFIRMED_MIN_SUPPORTERS = 2
# Sources whose word alone leaves a claim doubtful until someone else backs it.
WEAK_SOURCE_TYPES = ("anonymous",)


@dataclass
class Standing:
    """Everything the rules look at for one claim."""

    profile: Profile
    supporters: set[str] = field(default_factory=set)      # independent source labels
    deniers: set[str] = field(default_factory=set)
    contradictors: set[str] = field(default_factory=set)
    denied_sources: set[str] = field(default_factory=set)   # whose claims this one denies
    denied_count: int = 0
    repeats: int = 0
    disputed: str | None = None
    revisions: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)           # reasons of relations against it

    @property
    def opposers(self) -> set[str]:
        return self.deniers | self.contradictors

    @property
    def claim(self):
        return self.profile.claim


Rule = tuple[Callable[[Standing], bool], int, Callable[[Standing], str]]

GRADE_RULES: tuple[Rule, ...] = (
    (lambda s: bool(s.deniers) and not s.supporters, 5,
     lambda s: f"denied by {_names(s.deniers)} and backed by no independent source"),
    (lambda s: bool(s.deniers), 3,
     lambda s: f"denied by {_names(s.deniers)} but backed by {_names(s.supporters)}"),
    (lambda s: bool(s.contradictors) and len(s.supporters) > len(s.contradictors), 3,
     lambda s: f"contradicted by {_names(s.contradictors)} but backed by more: {_names(s.supporters)}"),
    (lambda s: bool(s.contradictors), 4,
     lambda s: f"contradicted by {_names(s.contradictors)}"
               + (f" and backed only by {_names(s.supporters)}" if s.supporters else "")),
    (lambda s: s.claim.kind == "prediction", 6,
     lambda s: "a prediction: whether it comes true cannot be judged yet"),
    (lambda s: s.claim.kind == "assessment" and not s.supporters, 6,
     lambda s: "an assessment (a judgement, not a checkable fact) that no other source shares"),
    (lambda s: len(s.supporters) >= CONFIRMED_MIN_SUPPORTERS and s.claim.certainty == "certain", 1,
     lambda s: f"confirmed by {len(s.supporters)} independent sources: {_names(s.supporters)}"),
    (lambda s: bool(s.supporters), 2,
     lambda s: f"backed by {_names(s.supporters)}"),
    (lambda s: s.claim.certainty == "possible", 4,
     lambda s: f"stated only as a possibility ({_hedge(s)}) by {s.profile.label()}, and no one backs it"),
    (lambda s: s.claim.source_type in WEAK_SOURCE_TYPES, 4,
     lambda s: f"from {s.claim.source_type} sources ({s.claim.source}) that no one backs"),
    (lambda s: s.claim.certainty == "probable", 3,
     lambda s: f"stated as probable ({_hedge(s)}) by {s.profile.label()}; no one else backs it"),
    (lambda s: True, 3,
     lambda s: f"stated by {s.profile.label()} ({s.claim.source_type}); no independent source backs it yet"),
)


def _names(labels: set[str]) -> str:
    return ", ".join(sorted(labels)) or "no one"


def _hedge(s: Standing) -> str:
    return ", ".join(s.claim.hedges) or s.claim.certainty


def collect_standings(profiles: Sequence[Profile], relations: Sequence[Relation],
                      disputed: dict[int, str], revisions: dict[int, list[str]]) -> list[Standing]:
    """Fold all relations (automatic and manual) into one Standing per claim."""
    index = {p.claim.id: p for p in profiles}
    standings = {p.claim.id: Standing(p) for p in profiles}
    for rel in relations:
        a, b = index.get(rel.source_id), index.get(rel.target_id)
        if a is None or b is None:
            continue
        sa, sb = standings[a.claim.id], standings[b.claim.id]
        if rel.relation == "denies":
            sb.deniers.add(a.label())
            sb.cues.append(rel.reason)
            sa.denied_sources.add(b.label())
            sa.denied_count += 1
        elif rel.relation == "contradicts":
            sa.contradictors.add(b.label())
            sb.contradictors.add(a.label())
            sa.cues.append(rel.reason)
            sb.cues.append(rel.reason)
        elif rel.relation == "corroborates":
            sa.supporters.add(b.label())
            sb.supporters.add(a.label())
        elif rel.relation == "repeats":
            sa.repeats += 1
            sb.repeats += 1
    for p in profiles:
        standings[p.claim.id].disputed = disputed.get(p.index)
        standings[p.claim.id].revisions = revisions.get(p.index, [])
    return [standings[p.claim.id] for p in profiles]


def status_of(s: Standing) -> str:
    if s.deniers:
        return "denied"
    if s.contradictors or s.denied_count or s.disputed:
        return "contested"
    return "uncontested"


def assess(s: Standing) -> Assessment:
    status = status_of(s)
    supporters, opposers = len(s.supporters), len(s.opposers)
    score = round(supporters / (supporters + 1 + opposers), 2)
    grade, why = next((g, explain(s)) for test, g, explain in GRADE_RULES if test(s))
    parts = [f"Grade {grade} ({GRADE_NAMES[grade]}): {why}."]
    if status == "contested" and not s.contradictors:
        denies = f"it denies {s.denied_count} claim(s) by {_names(s.denied_sources)}"
        parts.append("Contested: " + (s.disputed or denies) + ".")
    if s.cues:
        parts.append("Why: " + "; ".join(dict.fromkeys(s.cues)) + ".")
    parts.append(f"Corroboration {score:.2f}: {supporters} independent source(s) for, {opposers} against"
                 + (f"; restated {s.repeats} time(s) by the same source, not counted" if s.repeats else "")
                 + ".")
    if s.revisions:
        parts.append("Revised: " + "; ".join(s.revisions) + ".")
    return Assessment(claim_id=s.claim.id, status=status, score=score, grade=grade,
                      explanation=" ".join(parts))


def assess_all(profiles, relations, disputed, revisions) -> list[Assessment]:
    return [assess(s) for s in collect_standings(profiles, relations, disputed, revisions)]


def group_revisions(found: list[tuple[int, int, str]]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for i, j, reason in found:
        out[i].append(reason)
        out[j].append(reason)
    return out
