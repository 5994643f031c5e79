"""Propositions: groups of claims that state the same thing, and what holds for a whole group.

Claims linked by `repeats` or `corroborates` (found, or set by the user) state one proposition;
the group is their connected set. What holds for one member holds for the group:
  - every two members restate each other: `repeats` when they share an origin (the same body, or
    a copy), `corroborates` when their origins are independent;
  - a denial of one member denies every member that another origin states;
  - a contradiction between two members of two groups holds claim by claim between the groups.
So a denial found next to one wording reaches every article that states the same thing, which is
how a reader (and the gold annotation) counts it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.analysis.characterise import STORY_WIDE
from factcheck.analysis.profile import Profile, spans_overlap
from factcheck.analysis.unions import DisjointSets
from factcheck.models import Relation

SAME = ("repeats", "corroborates")
# A group larger than this is most likely two propositions chained by loose links; its closure
# is not drawn (its direct links stay).
MAX_GROUP_CLAIMS = 40
# Links make chains: A restates B, B restates C, yet A and C may say different things ("a deal
# to buy drones", "the deal will involve 300 drones", "46 drones already delivered"). What holds
# for the group reaches a member only when its words are at least this close (index cosine,
# 0-1) to the claim it is carried from.
CLOSURE_MIN_SIMILARITY = 0.2


@dataclass(frozen=True)
class Proposition:
    """One group: its members in reading order, their distinct origins, and the first member."""

    members: tuple[int, ...]
    origins: tuple[str, ...]


def group_claims(profiles: Sequence[Profile], relations: Sequence[Relation]) -> list[Proposition]:
    """Connected groups of claims linked by repeats or corroborates, each of two or more claims."""
    index = {p.claim.id: p.index for p in profiles}
    sets = DisjointSets(len(profiles))
    for r in relations:
        if r.relation in SAME and r.source_id in index and r.target_id in index:
            sets.union(index[r.source_id], index[r.target_id])
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(profiles)):
        members[sets.find(i)].append(i)
    out = []
    for group in members.values():
        if len(group) > 1:
            group.sort(key=lambda i: profiles[i].order)
            origins = tuple(dict.fromkeys(profiles[i].identity for i in group))
            out.append(Proposition(tuple(group), origins))
    out.sort(key=lambda g: g.members[0])
    return out


def _distinct(a: Profile, b: Profile) -> bool:
    """Two claims that can be related: not one cut out of the other, not one sentence."""
    return not spans_overlap(a, b) and not (a.claim.document == b.claim.document
                                            and a.claim.sentence == b.claim.sentence)


def close_groups(book, groups: Sequence[Proposition], similarity) -> None:
    """Every two members of a group restate each other, when their words are close enough."""
    profiles = book.profiles
    for g in groups:
        if len(g.members) > MAX_GROUP_CLAIMS:
            continue
        for k, i in enumerate(g.members):
            for j in g.members[k + 1:]:
                a, b = profiles[i], profiles[j]
                if not _distinct(a, b) or similarity(i, j) < CLOSURE_MIN_SIMILARITY:
                    continue
                kind = "repeats" if a.identity == b.identity else "corroborates"
                book.add(kind, i, j, f"{kind} by proposition: both state what the {len(g.members)} claims of "
                                     f"their group state ({len(g.origins)} origin{'s' if len(g.origins) > 1 else ''})")


def spread_conflicts(book, groups: Sequence[Proposition], relations: Sequence[Relation], similarity) -> None:
    """A denial or contradiction of one member holds for its group, on both sides: for the
    members whose words are close enough to the claim in conflict."""
    profiles = book.profiles
    index = {p.claim.id: p.index for p in profiles}
    group_of: dict[int, Proposition] = {}
    for g in groups:
        if len(g.members) <= MAX_GROUP_CLAIMS:
            for i in g.members:
                group_of[i] = g
    for r in relations:
        if r.relation not in ("denies", "contradicts") or r.source_id not in index or r.target_id not in index:
            continue
        if r.reason.endswith(STORY_WIDE):
            continue            # drawn between every two claims of the story that take sides; a member
            #                     that takes no side is not in it
        i, j = index[r.source_id], index[r.target_id]
        side_a = [x for x in group_of[i].members if x == i or similarity(x, i) >= CLOSURE_MIN_SIMILARITY] \
            if i in group_of else (i,)
        side_b = [y for y in group_of[j].members if y == j or similarity(y, j) >= CLOSURE_MIN_SIMILARITY] \
            if j in group_of else (j,)
        for x in side_a:
            for y in side_b:
                a, b = profiles[x], profiles[y]
                if (x, y) == (i, j) or a.speaker == b.speaker or not _distinct(a, b) or a.story != b.story:
                    continue
                if x in group_of and y in group_of and group_of[x] is group_of[y]:
                    continue
                kind = r.relation if r.relation == "contradicts" or x == i or _is_denial(book, x) else "contradicts"
                # the reason keeps the conflict's type ("numeric", "denies by reference") first
                head = r.reason.split(":", 1)[0] if kind == r.relation else "counter-assertion"
                book.add(kind, x, y, f"{head}: carried over the proposition: {_short(a)} and {_short(b)} "
                                     f"state what {_short(profiles[i])} and {_short(profiles[j])} state")


def _is_denial(book, i: int) -> bool:
    return i in book.denials


def _short(p: Profile, size: int = 50) -> str:
    quote = " ".join(p.claim.quote.split())
    return "'" + (quote if len(quote) <= size else quote[:size - 3].rsplit(" ", 1)[0] + "...") + "'"
