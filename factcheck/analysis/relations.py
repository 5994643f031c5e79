"""The automatic relations found so far, one per pair of claims, and what follows from them.

Manual links and suppressed pairs are never overwritten. A pair keeps its strongest relation
(denies > contradicts > repeats > corroborates). Symmetric relations run from the earlier claim
by (document, start) to the later; `denies` runs from the denier to what it denies. What follows
for the claims that state the same proposition is `propositions.py`'s work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.analysis.profile import Profile
from factcheck.models import Relation

STRENGTH = {"denies": 3, "contradicts": 2, "repeats": 1, "corroborates": 0}
SYMMETRIC = ("contradicts", "repeats", "corroborates")


class RelationBook:
    def __init__(self, profiles: Sequence[Profile], taken: Iterable[frozenset[str]]):
        self.profiles = profiles
        self.taken = set(taken)
        self.rows: dict[frozenset[int], Relation] = {}
        self.denials: set[int] = set()          # claims that deny something

    def add(self, relation: str, source: int, target: int, reason: str, score: float = 1.0) -> bool:
        a, b = self.profiles[source], self.profiles[target]
        if source == target or frozenset((a.claim.id, b.claim.id)) in self.taken:
            return False
        pair = frozenset((source, target))
        old = self.rows.get(pair)
        if old is not None and STRENGTH[old.relation] >= STRENGTH[relation]:
            return False
        if relation in SYMMETRIC and b.order < a.order:
            a, b = b, a
        self.rows[pair] = Relation(relation, a.claim.id, b.claim.id, reason, round(score, 2), "auto")
        return True

    def of_kind(self, *kinds: str) -> list[Relation]:
        return [r for r in self.rows.values() if r.relation in kinds]

    def sorted(self) -> list[Relation]:
        index = {p.claim.id: p.order for p in self.profiles}
        return sorted(self.rows.values(),
                      key=lambda r: (index[r.source_id], index[r.target_id], r.relation))
