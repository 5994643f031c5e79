"""Endorsed denials: "the regulator sees no reason to doubt what the two banks said", "we have no
reason to doubt the airline's account". A source that vouches for
others' denials stands against what they deny: it contradicts each claim those denials deny.

Whose statements are vouched for: the actors the endorsing claim names, or, when it names none
("the firms involved"), every denial of its story by another origin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.analysis.deny_antecedent import Found, excerpt
from factcheck.analysis.profile import Profile

_ENDORSES = re.compile(r"\bno\s+(?:reason|grounds?|cause)\s+to\s+(?:doubt|question|disbelieve|dispute)\b",
                       re.IGNORECASE)


def endorsed_denials(profiles: Sequence[Profile], found: Sequence[Found], deniers: set[int]) -> list[Found]:
    """Contradictions from each endorsing claim to what the denials it vouches for deny."""
    targets: dict[int, list[int]] = {}
    for f in found:
        if f.relation == "denies":
            targets.setdefault(f.source, []).append(f.target)
    endorsing = [e for e in profiles if e.index not in deniers and e.story >= 0 and _ENDORSES.search(e.claim.quote)]
    sides = {e.index for e in endorsing}
    out = []
    for e in endorsing:
        named = {a.lower() for a in e.claim.actors}
        for d, denied in sorted(targets.items()):
            denial = profiles[d]
            if denial.story != e.story or denial.identity == e.identity or denial.is_author:
                continue
            whose = {denial.identity, denial.identity.removeprefix("state:"), (denial.speaker or "").lower()}
            if named and not whose & named:
                continue
            for t in denied:
                target = profiles[t]
                if target.identity == e.identity or t in sides:       # another who vouches is on its side
                    continue
                out.append(Found(e.index, t, "contradicts",
                                 f"endorsed denial: {e.label()} sees no reason to doubt {denial.label()}, "
                                 f"who denies {excerpt(target)}"))
    return out
