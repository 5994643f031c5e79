"""Candidate pairs that the retrieval index (`index.py`) does not find by wording: claims that
count the same measure about the same actor, and claims next to each other in one document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from factcheck.analysis.profile import Profile

# A group of claims counting one measure about one actor larger than this is paired in
# overlapping windows ordered by date, so that its cost stays linear in its size.
MAX_BLOCK_CLAIMS = 250
# Counts of the dead in one story are compared with those told nearest in time only: a long war
# is one story, its tolls many events.
STORY_BLOCK_CLAIMS = 40
# Claims this many sentences apart in one document are neighbours, compared whatever their words
# ("Russia says it is civilian, while Washington calls it military"; "... Nevertheless, ...").
NEIGHBOUR_SENTENCES = 1

Pair = tuple[int, int]


def _windows(members: list[int], profiles: Sequence[Profile], size: int = MAX_BLOCK_CLAIMS) -> Iterator[list[int]]:
    """Overlapping windows of a date-ordered block, half a window apart."""
    ordered = sorted(members, key=lambda i: (profiles[i].period or (10**9, 0, 0))[0])
    step = size // 2
    for start in range(0, max(1, len(ordered) - step), step):
        yield ordered[start:start + size]


def measure_pairs(profiles: Sequence[Profile]) -> set[Pair]:
    """Pairs that count the same thing about the same actor, whatever their other words: "no
    Americans were harmed in the attack" and "34 US service members were diagnosed with brain
    injuries" meet here, not on wording; and pairs that count the dead (or the hurt) in one story."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for p in profiles:
        measures = {"casualties" if a.casualty else a.unit for a in p.amounts} - {None}
        for actor in p.actors:
            for measure in measures:
                groups[(actor, measure)].append(p.index)
        # the dead and the hurt of one story are counted by many, most of whom name no actor
        for kind in {a.casualty for a in p.amounts if a.casualty and a.high > 0}:
            groups[(f"story {p.story}", kind)].append(p.index)
    pairs: set[Pair] = set()
    for key, members in groups.items():
        size = STORY_BLOCK_CLAIMS if key[0].startswith("story ") else MAX_BLOCK_CLAIMS
        blocks = _windows(members, profiles, size) if len(members) > size else [members]
        for block in blocks:
            for k, a in enumerate(block):
                pairs.update((min(a, b), max(a, b)) for b in block[k + 1:])
    return pairs


def neighbour_pairs(profiles: Sequence[Profile]) -> set[Pair]:
    """Pairs of claims in the same or adjacent sentences of one document."""
    by_doc: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        by_doc[p.claim.document].append(p)
    pairs: set[Pair] = set()
    for members in by_doc.values():
        members.sort(key=lambda p: (p.claim.sentence, p.claim.start))
        for k, a in enumerate(members):
            for b in members[k + 1:]:
                if b.claim.sentence - a.claim.sentence > NEIGHBOUR_SENTENCES:
                    break
                pairs.add((min(a.index, b.index), max(a.index, b.index)))
    return pairs
