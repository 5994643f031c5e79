"""`trace`: one claim's proposition across every stored document, in date order.

The proposition is the claim with every claim linked to it by `repeats` or `corroborates`, and
theirs in turn (the group the analysis settles relations over). Each member is told apart by its
origin, the body that first asserts it (`analysis/origins.py`): the earliest member is the first
appearance, the earliest of each other origin an independent corroboration, the rest repeats of
an origin already seen. Denials and contradictions of any member follow, with who made them.

Part of the public API (`factcheck.api` re-exports `trace`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck.models import Claim, Relation

SAME = ("repeats", "corroborates")
CONFLICT = ("denies", "contradicts")
# A proposition is walked to at most this many claims: a trace is read by a person.
MAX_TRACE_CLAIMS = 500


@dataclass(frozen=True)
class Appearance:
    """Where a claim appears: its document's outlet, date, title and url as stored."""

    document: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True)
class TraceEntry:
    """One claim in the trace, with its part in it."""

    claim: Claim
    role: str                       # first | corroborates | repeats | denies | contradicts
    origin: str                     # the origin as a reader knows it
    appearance: Appearance
    relation: Relation | None = None    # for a dispute: the relation that sets it against a member


@dataclass(frozen=True)
class Trace:
    claim: Claim
    members: tuple[TraceEntry, ...]     # the proposition, first appearance first
    disputes: tuple[TraceEntry, ...]    # denials and contradictions of any member, in date order
    origins: tuple[str, ...]            # independent origins stating it, first one first
    summary: str


def trace(db: Path | str, claim_id: str) -> Trace:
    """The proposition of `claim_id` in date order, with its origins and its disputes."""
    from factcheck.api.common import open_store

    with open_store(db) as store:
        claim = store.claim(claim_id)
        members, links = _walk(store, claim)
        disputes = _disputes(store, members, links)
        documents = {d.name: d for d in store.documents()}
        origins = origin_labels(store, members + [c for c, _ in disputes], documents)
    appear = {name: Appearance(name, d.title, d.publisher, d.published, d.url) for name, d in documents.items()}

    def when(c: Claim) -> tuple:
        published = appear.get(c.document)
        return (published.published if published and published.published else c.when or "9999", c.document, c.start)

    ordered = sorted(members, key=when)
    entries, seen = [], set()
    for k, c in enumerate(ordered):
        origin = origins[c.id]
        role = "first" if k == 0 else ("repeats" if origin in seen else "corroborates")
        seen.add(origin)
        entries.append(TraceEntry(c, role, origin, _appearance(appear, c)))
    against = [TraceEntry(c, r.relation, origins[c.id], _appearance(appear, c), r)
               for c, r in sorted(disputes, key=lambda x: when(x[0]))]
    independent = tuple(dict.fromkeys(e.origin for e in entries))
    return Trace(claim, tuple(entries), tuple(against), independent, _summary(entries, against, independent))


def _appearance(appear: dict[str, Appearance], c: Claim) -> Appearance:
    return appear.get(c.document) or Appearance(c.document, None, None, None, None)


def _walk(store, claim: Claim) -> tuple[list[Claim], dict[str, list[Relation]]]:
    """The claims linked to `claim` through repeats and corroborates, and every claim's relations;
    walked a step at a time, each step's relations and claims read at once."""
    members, links = {claim.id: claim}, {}
    frontier = [claim.id]
    while frontier and len(members) < MAX_TRACE_CLAIMS:
        links.update(store.relations_of(frontier))
        found = []
        for current in frontier:
            for r in links[current]:
                other = r.target_id if r.source_id == current else r.source_id
                if r.relation in SAME and other not in members and other not in found:
                    found.append(other)
        claims = store.claims_by_id(found[:MAX_TRACE_CLAIMS - len(members)])
        members.update(claims)
        frontier = list(claims)
    missing = [cid for cid in members if cid not in links]
    if missing:
        links.update(store.relations_of(missing))
    return list(members.values()), links


def _disputes(store, members: list[Claim], links: dict[str, list[Relation]]) -> list[tuple[Claim, Relation]]:
    """Claims outside the proposition that deny or contradict one of its members."""
    inside = {c.id for c in members}
    found: dict[str, Relation] = {}
    for cid in sorted(inside):
        for r in links[cid]:
            if r.relation not in CONFLICT:
                continue
            other = r.target_id if r.source_id == cid else r.source_id
            if other in inside or other in found:
                continue
            # a claim the member denies is no dispute of it: only the deniers and contradictors
            if r.relation == "denies" and r.source_id == cid:
                continue
            found[other] = r
    claims = store.claims_by_id(list(found))
    return [(claims[cid], r) for cid, r in found.items() if cid in claims]


def origin_labels(store, claims: list[Claim], documents: dict) -> dict[str, str]:
    """Each claim's origin as a reader knows it, worked out as the analysis does: with the other
    claims of its document (a bare "the ministry" takes up the ministry named before it) and the
    user's aliases. One origin has one label: its first source as written."""
    from factcheck.analysis.origins import Speaking, assign_origins, origin_label

    publishers = {name: d.publisher for name, d in documents.items() if d.publisher}
    aliases = store.aliases()
    keys: dict[str, str] = {}
    for name in sorted({c.document for c in claims}):
        local = store.claims(document=name)
        profiles = [Speaking(i, c) for i, c in enumerate(local)]
        keys.update({c.id: origin for c, origin in zip(local, assign_origins(profiles, publishers, aliases))})
    labels: dict[str, str] = {}
    out: dict[str, str] = {}
    for c in claims:
        key = keys.get(c.id, c.source)
        if key not in labels:
            if key.startswith("outlet:"):
                labels[key] = f"{publishers.get(c.document, key[7:])} (own reporting)"
            elif key.startswith(("state:", "author@")):
                labels[key] = origin_label(key)
            else:
                labels[key] = c.source
        out[c.id] = labels[key]
    return out


def _summary(entries: list[TraceEntry], against: list[TraceEntry], origins: tuple[str, ...]) -> str:
    first = entries[0]
    where = first.appearance.publisher or first.appearance.document
    date = first.appearance.published or first.claim.when or "an unknown date"
    n = len(origins)
    parts = [f"stated by {n} independent origin{'s' if n != 1 else ''}, first by {first.origin} "
             f"in {where} ({date})"]
    repeats = sum(1 for e in entries if e.role == "repeats")
    if repeats:
        parts.append(f"{repeats} repeat{'s' if repeats != 1 else ''} of an origin already counted")
    for role, verb in (("denies", "denied"), ("contradicts", "contradicted")):
        who = list(dict.fromkeys(e.origin for e in against if e.role == role))
        if who:
            parts.append(f"{verb} by {', '.join(who)}")
    return "; ".join(parts)
