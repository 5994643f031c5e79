"""The automatic relations found so far, one per pair of claims, and what follows from them.

Manual links and suppressed pairs are never overwritten. A pair keeps its strongest relation
(denies > contradicts > repeats > corroborates). Symmetric relations run from the earlier claim
by (document, start) to the later; `denies` runs from the denier to what it denies.
Two inferences close the set: a denial also denies what merely restates its target (the same
source saying the same thing again), and a conflict between two propositions holds for every
claim stating either of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.analysis.periods import periods_overlap
from factcheck.analysis.profile import Profile, spans_overlap
from factcheck.models import Relation

STRENGTH = {"denies": 3, "contradicts": 2, "repeats": 1, "corroborates": 0}
SYMMETRIC = ("contradicts", "repeats", "corroborates")
# The conflicts, by the first word of their reason, that hold for restatements of either side.
CARRIED_CONFLICTS = ("stance", "polarity")


class RelationBook:
    def __init__(self, profiles: Sequence[Profile], taken: Iterable[frozenset[str]]):
        self.profiles = profiles
        self.taken = set(taken)
        self.rows: dict[frozenset[int], Relation] = {}

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


def _neighbours(relations: Iterable[Relation], kinds: tuple[str, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if r.relation in kinds:
            out[r.source_id].add(r.target_id)
            out[r.target_id].add(r.source_id)
    return out


def propagate_denials(book: RelationBook, relations: Sequence[Relation]) -> None:
    """A denial of a claim also denies the same source's restatements of it."""
    by_id = {p.claim.id: p for p in book.profiles}
    restated = _neighbours(relations, ("repeats",))
    for r in [r for r in relations if r.relation == "denies"]:
        denier = by_id[r.source_id]
        for other in sorted(restated.get(r.target_id, ())):
            t = by_id[other]
            if t.identity != denier.identity and not spans_overlap(t, denier):
                book.add("denies", denier.index, t.index,
                         f"denies by restatement: {_quote(t)} restates the denied {_quote(by_id[r.target_id])}")


def propagate_conflicts(book: RelationBook, relations: Sequence[Relation]) -> None:
    """A clash of characterisations ("civilian" vs "military satellite", A vs not-A) holds for
    the claims that state the same as either side. Figures and dates stay with the claims that
    give them: a count attached to one wording is not carried to its paraphrases."""
    by_id = {p.claim.id: p for p in book.profiles}
    same = _neighbours(relations, ("repeats", "corroborates"))
    for r in [r for r in relations if r.relation == "contradicts" and r.reason.startswith(CARRIED_CONFLICTS)]:
        for x in sorted({r.source_id} | same.get(r.source_id, set())):
            for y in sorted({r.target_id} | same.get(r.target_id, set())):
                a, b = by_id[x], by_id[y]
                if (x, y) == (r.source_id, r.target_id) or a.identity == b.identity:
                    continue
                if periods_overlap(a.period, b.period) and not spans_overlap(a, b):
                    book.add("contradicts", a.index, b.index,
                             f"{r.reason} (carried over: {_quote(a)} and {_quote(b)} state the "
                             f"same as the claims in conflict)")


def propagate_support(book: RelationBook, relations: Sequence[Relation]) -> None:
    """An independent source backing a claim also backs that claim's restatements."""
    by_id = {p.claim.id: p for p in book.profiles}
    restated = _neighbours(relations, ("repeats",))
    for r in [r for r in relations if r.relation == "corroborates"]:
        for backed, backer in ((r.source_id, r.target_id), (r.target_id, r.source_id)):
            for other in sorted(restated.get(backed, ())):
                a, b = by_id[other], by_id[backer]
                if a.identity != b.identity and periods_overlap(a.period, b.period):
                    book.add("corroborates", a.index, b.index,
                             f"corroborates by restatement: {_quote(b)} backs {_quote(by_id[backed])}, "
                             f"which {_quote(a)} restates")


def _quote(p: Profile, size: int = 50) -> str:
    quote = " ".join(p.claim.quote.split())
    return "'" + (quote if len(quote) <= size else quote[:size - 3].rstrip() + "...") + "'"
