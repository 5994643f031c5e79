"""`check`'s answer: the propositions of the claims found, each with its independent origins, who
relays them, its first and latest appearance, its claims with their stances, and a summary.

Each claim that states, denies or contradicts the query brings its proposition as the analysis
settled it (the claims linked to it by repeats and corroborates) and, for a proposition that
states the query, the claims that deny or contradict it; origins are counted as the analysis
counts them (`analysis/origins.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.api.tracing import Appearance
from factcheck.models import Claim, Relation
from factcheck.stance import CONTRADICTS, DENIES, RELATED, REPORTS, STATES, Stance

# Claims that only share the query's subject are shown when this close (`check_rank`, 0-1), at
# most this many.
RELATED_MIN_SIMILARITY = 0.2
RELATED_SHOWN = 5
# A proposition that states, denies, contradicts or reports the query is ranked as if this much
# closer than it is: the analysis' decision is evidence the closeness alone does not weigh.
DECIDED_BONUS = 0.15
# A proposition is walked to at most this many claims (as `trace` does).
MAX_PROPOSITION_CLAIMS = 200
SAME = ("repeats", "corroborates")
CONFLICT = ("denies", "contradicts")
# A stance's rank when several claims of one proposition tell it differently.
_RANK = {STATES: 0, DENIES: 1, CONTRADICTS: 2, REPORTS: 3, RELATED: 4}



@dataclass(frozen=True)
class CheckedClaim:
    """A stored claim with its stance toward the query and why."""

    claim: Claim
    stance: str
    reason: str
    origin: str                 # its origin as a reader knows it
    appearance: Appearance
    similarity: float           # index similarity to the query; 0 when reached through a relation


@dataclass(frozen=True)
class Origin:
    name: str
    claims: int
    relayed_by: tuple[str, ...]     # outlets that only report what it says


@dataclass(frozen=True)
class MatchedProposition:
    stance: str                             # the stance of its best matching claim
    similarity: float                       # the best index similarity among its claims
    claims: tuple[CheckedClaim, ...]        # its claims, then those disputing it, in date order
    origins: tuple[Origin, ...]             # independent origins stating it, first one first
    first: CheckedClaim | None
    latest: CheckedClaim | None
    summary: str



def build_propositions(store, weighed: dict[str, tuple[Stance, float]],
                       claims: dict[str, Claim]) -> list[MatchedProposition]:
    """The propositions of the claims found (id -> stance and closeness), best first: by their
    closeness, those that state or dispute the query counted closer, and among those that only
    share its subject the few closest."""
    documents = {d.name: d for d in store.documents()}
    taken: set[str] = set()
    groups: list[tuple[str, float, dict[str, tuple[Claim, Stance, float]]]] = []
    order = sorted(weighed, key=lambda cid: (_RANK[weighed[cid][0].stance] == _RANK[RELATED], -weighed[cid][1], cid))
    related = 0
    for cid in order:
        stance, similarity = weighed[cid]
        if cid in taken:
            continue
        if stance.stance == RELATED:
            if related >= RELATED_SHOWN or similarity < RELATED_MIN_SIMILARITY:
                continue
            related += 1
            members = {cid: (claims[cid], stance, similarity)}
        else:
            members = _group(store, claims[cid], stance, similarity, weighed, taken)
        taken.update(members)
        groups.append((stance.stance, similarity, members))
    groups.sort(key=lambda g: -(g[1] + (DECIDED_BONUS if g[0] != RELATED else 0.0)))
    everyone = [c for _, _, members in groups for c, _, _ in members.values()]
    decided = {c.id for stance, _, members in groups if stance != RELATED for c, _, _ in members.values()}
    origins = _origin_labels(store, everyone, documents, decided)
    out = [_proposition(stance, similarity, members, origins, documents) for stance, similarity, members in groups]
    return out


def _group(store, seed: Claim, stance: Stance, similarity: float, weighed: dict,
           taken: set[str]) -> dict[str, tuple[Claim, Stance, float]]:
    """The seed's proposition: the claims linked to it through repeats and corroborates, each
    with its own stance when the index found it, else the seed's by way of the link; for a
    proposition that states the query, the claims that deny or contradict it too."""
    members = {seed.id: (seed, stance, similarity)}
    links: dict[str, list[Relation]] = {}
    frontier = [seed.id]
    while frontier and len(members) < MAX_PROPOSITION_CLAIMS:
        links.update(store.relations_of(frontier))      # one read per step, not one per claim
        found: dict[str, Relation] = {}
        for current in frontier:
            for r in links[current]:
                other = r.target_id if r.source_id == current else r.source_id
                if r.relation not in SAME or other in members or other in taken or other in found:
                    continue
                own = weighed.get(other)
                if own is not None and own[0].stance not in (RELATED, stance.stance):
                    continue                  # it says otherwise of the query: a proposition of its own
                found[other] = r
        claims = store.claims_by_id(list(found)[:MAX_PROPOSITION_CLAIMS - len(members)])
        for other, claim in claims.items():
            r, own = found[other], weighed.get(other)
            inherited = Stance(stance.stance, f"{r.relation} a claim that {_verb(stance.stance)} "
                                              f"(as the analysis found: {r.reason})")
            members[other] = (claim, own[0] if own and own[0].stance != RELATED else inherited,
                              own[1] if own else 0.0)
        frontier = list(claims)
    if stance.stance not in (STATES, REPORTS):
        return members
    missing = [cid for cid in members if cid not in links]
    if missing:
        links.update(store.relations_of(missing))
    disputing: dict[str, Relation] = {}
    for cid in list(members):
        for r in links[cid]:
            other = r.target_id if r.source_id == cid else r.source_id
            if r.relation not in CONFLICT or other in members or other in taken or other in disputing:
                continue
            if r.relation == "denies" and r.source_id == cid:
                continue                      # what a member denies does not dispute it
            disputing[other] = r
    for other, claim in store.claims_by_id(list(disputing)).items():
        r = disputing[other]
        members[other] = (claim, Stance(DENIES if r.relation == "denies" else CONTRADICTS, r.reason), 0.0)
    return members


def _verb(stance: str) -> str:
    return {STATES: "states it", DENIES: "denies it", CONTRADICTS: "contradicts it",
            REPORTS: "reports it"}.get(stance, "is alike")


def _origin_labels(store, claims: list[Claim], documents: dict, decided: set[str]) -> dict[str, str]:
    """Each claim's origin as a reader knows it. A source that names no body of its own (a bare
    "the ministry", a surname) takes it from its document, which is then read whole as the
    analysis reads it (`tracing.origin_labels`), for the `decided` claims (those whose origins
    are counted); any other source, and a related claim's, is its origin as it stands."""
    from factcheck.analysis.origins import origin_label, origin_of
    from factcheck.api.tracing import origin_labels

    publishers = {name: d.publisher for name, d in documents.items() if d.publisher}
    aliases = store.aliases()
    contextual = {c.document for c in claims if c.id in decided and _needs_context(c.source or "")}
    out = origin_labels(store, [c for c in claims if c.document in contextual], documents) if contextual else {}
    for c in claims:
        if c.id in out:
            continue
        key = origin_of(c, publishers.get(c.document), aliases)
        if key.startswith("outlet:"):
            out[c.id] = f"{publishers.get(c.document, key[7:])} (own reporting)"
        elif key.startswith(("state:", "author@")):
            out[c.id] = origin_label(key)
        else:
            out[c.id] = c.source
    return out


def _needs_context(source: str) -> bool:
    """A source named by one word or by common nouns only ("officials", "the ministry", "Hagari")."""
    words = source.split()
    return source.lower() != "author" and (len(words) == 1 or not any(w[:1].isupper() for w in words))


def _appearance(documents: dict, claim: Claim) -> Appearance:
    d = documents.get(claim.document)
    if d is None:
        return Appearance(claim.document, None, None, None, None)
    return Appearance(claim.document, d.title, d.publisher, d.published, d.url)


def _when(entry: CheckedClaim) -> tuple:
    return (entry.appearance.published or entry.claim.when or "9999", entry.claim.document, entry.claim.start)


def _proposition(stance: str, similarity: float, members: dict, origins: dict[str, str],
                 documents: dict) -> MatchedProposition:
    entries = sorted((CheckedClaim(c, s.stance, s.reason, origins.get(c.id, c.source), _appearance(documents, c), sim)
                      for c, s, sim in members.values()), key=_when)
    backing = [e for e in entries if e.stance == stance] if stance != RELATED else entries
    first = backing[0] if backing else None
    latest = backing[-1] if backing else None
    found = tuple(_origins(backing))
    return MatchedProposition(stance, similarity, tuple(entries), found, first, latest,
                              _summary(stance, entries, found, first))


def _origins(entries: list[CheckedClaim]) -> list[Origin]:
    """Independent origins in order of first appearance; an outlet relays an origin when its
    document carries a claim of that origin it does not make itself."""
    counts: dict[str, int] = {}
    relays: dict[str, list[str]] = {}
    for e in entries:
        counts[e.origin] = counts.get(e.origin, 0) + 1
        relays.setdefault(e.origin, [])
        if (e.claim.source or "author").lower() != "author":
            outlet = e.appearance.publisher or e.appearance.document
            if outlet not in relays[e.origin]:
                relays[e.origin].append(outlet)
    return [Origin(name, counts[name], tuple(relays[name])) for name in counts]


def _on(entry: CheckedClaim) -> str:
    a = entry.appearance
    date = a.published or entry.claim.when or "an unknown date"
    return f"in {a.publisher or a.document} ({date})"


def _summary(stance: str, entries: list[CheckedClaim], origins: tuple[Origin, ...],
             first: CheckedClaim | None) -> str:
    n = len(origins)
    if stance == RELATED:
        return "about the same subject; neither states nor disputes the claim"
    head = {STATES: "stated", DENIES: "denied", CONTRADICTS: "contradicted", REPORTS: "reported"}[stance]
    parts = [f"{head} by {n} independent origin{'s' if n != 1 else ''}, first by {first.origin} {_on(first)}"]
    if stance == CONTRADICTS:
        parts.append(first.reason)
    parts += _disputes(entries, stance)
    return "; ".join(parts)


def _disputes(entries: list[CheckedClaim], stance: str) -> list[str]:
    if stance not in (STATES, REPORTS):
        return []
    return _by_stance(entries, ((DENIES, "denied"), (CONTRADICTS, "contradicted")))


def _by_stance(entries: list[CheckedClaim], roles) -> list[str]:
    """"denied by X on D, Y on D" for each (stance, verb) of `roles` that some entry takes: the
    first claim of each origin."""
    parts = []
    for role, verb in roles:
        seen: dict[str, CheckedClaim] = {}
        for e in entries:
            if e.stance == role:
                seen.setdefault(e.origin, e)
        if seen:
            parts.append(f"{verb} by " + ", ".join(f"{o} {_on(e)}" for o, e in seen.items()))
    return parts


def overall_summary(propositions: list[MatchedProposition]) -> str:
    """One line for the whole answer: who states it, first where and when, who denies or
    contradicts it; or that no stored claim states or disputes it."""
    entries = sorted((e for p in propositions for e in p.claims), key=_when)
    stating = [e for e in entries if e.stance == STATES]
    parts = []
    if stating:
        origins = list(dict.fromkeys(e.origin for e in stating))
        parts.append(f"stated by {len(origins)} independent origin{'s' if len(origins) != 1 else ''}, "
                     f"first by {stating[0].origin} {_on(stating[0])}")
    parts += _by_stance(entries, ((REPORTS, "reported as others' claim"), (DENIES, "denied"),
                                  (CONTRADICTS, "contradicted")))
    if not parts:
        return "no stored claim states or disputes it"
    if not stating:
        parts.insert(0, "no stored claim states it")
    return "; ".join(parts)

