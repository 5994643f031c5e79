"""`check`: one claim, as someone made it, against everything stored.

The claim is read as a sentence of an article (`stance.query_claim`) and looked up in a
retrieval index of the stored claims' profiles (`analysis/index.py`, built from the profiles the
analysis keeps, so nothing is extracted again). Each claim found is weighed against the query
(`stance.stance_of`); each one that states, denies or contradicts it brings its proposition as
the analysis settled it (the claims linked to it by repeats and corroborates) and, for a
proposition that states the query, the claims that deny or contradict it. A proposition is
reported with its independent origins (`analysis/origins.py`), who only relays them, its first
and latest appearance and every quote with its document and offsets.

Read-only, unless `save`: then the claim is stored as a document of its own (its source as the
publisher, dated as given) and the analysis is brought up to date, so it joins the others.

Part of the public API (`factcheck.api` re-exports `check`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from factcheck.api.tracing import Appearance
from factcheck.models import Claim, Relation
from factcheck.stance import CONTRADICTS, DENIES, RELATED, REPORTS, STATES, Stance

# Stored claims fetched from the index for a query, best first, and the least index similarity
# (cosine, 0-1) a claim must have to be weighed at all: below it, claims share a word or two.
CANDIDATES = 30
# Candidates scored on the query's rarer terms alone, then on all their terms, of which the best
# CANDIDATES are kept.
RESCORED_CANDIDATES = 120
MIN_SIMILARITY = 0.12
# Claims that only share the query's subject are shown when this alike, at most this many.
RELATED_MIN_SIMILARITY = 0.3
RELATED_SHOWN = 3
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


@dataclass(frozen=True)
class CheckResult:
    query: Claim
    propositions: tuple[MatchedProposition, ...]
    summary: str
    saved: str | None = None                # the document the claim was stored as, with --save

    @property
    def matched(self) -> bool:
        """Some stored claim states, denies, contradicts or reports the claim."""
        return any(p.stance != RELATED for p in self.propositions)


def check(db: Path | str, text: str, *, source: str | None = None, date: str | None = None,
          save: bool = False) -> CheckResult:
    """What the stored claims say of `text`, a claim made by `source` (if given) on `date`."""
    from factcheck.api.common import open_store
    from factcheck.errors import UsageError
    from factcheck.stance import query_claim

    if not text or not text.strip():
        raise UsageError("give the claim to check: as an argument, with --file, or on stdin")
    if date is not None:
        date = _iso_date(date)
    with open_store(db) as store:
        aliases = store.aliases()
        query = query_claim(text, source, date, aliases)
        propositions = _match(store, query, aliases)
        saved = _save(store, text, source, date) if save else None
    return CheckResult(query, tuple(propositions), overall_summary(propositions), saved)


def _iso_date(value: str) -> str:
    from factcheck.errors import UsageError
    from factcheck.pipeline.document.published import normalize_date

    try:
        return normalize_date(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None


def _match(store, query: Claim, aliases: dict[str, str]) -> list[MatchedProposition]:
    from factcheck.analysis.index import ClaimIndex, claim_terms
    from factcheck.analysis.profile import WordWeights
    from factcheck.stance import query_profile, stance_of

    asked = query_profile(query)
    if store.indexed_claims():
        found, weights, candidates = _from_kept_index(store, asked)
    else:                           # a database analysed before the index was kept
        profiles, kept = _stored_profiles(store)
        if not profiles:
            return []
        index, weights = ClaimIndex(profiles), WordWeights(profiles)
        nearest = index.search(claim_terms(asked), CANDIDATES)
        found = [(s, profiles[j].claim.id) for s, j in nearest]
        candidates = {profiles[j].claim.id: (profiles[j], kept) for _, j in nearest}
    found = [(s, cid) for s, cid in found if s >= MIN_SIMILARITY]
    claims = store.claims_by_id([cid for _, cid in found])
    weighed: dict[str, tuple[Stance, float]] = {}
    for k, (similarity, cid) in enumerate(found):
        claim = claims.get(cid)
        if claim is None:
            continue
        stored, kept = candidates[cid]
        profile, cue = _full_profile(k, claim, stored, kept)
        weighed[claim.id] = (stance_of(asked, profile, cue, weights, similarity), similarity)
    return _propositions(store, weighed, claims)


def _from_kept_index(store, asked):
    """Candidates through the index the analysis keeps in the database: the postings of the
    query's terms only, then the kept profiles of the best few; (cosine, id) best first, the word
    weights over the database, and id -> (stand-in profile, kept profiles) for each candidate."""
    import math
    from collections import Counter

    from factcheck.analysis.index import MAX_POSTINGS, claim_terms, term_weight
    from factcheck.analysis.profile import WordWeights

    claims = store.indexed_claims()
    query = sorted(claim_terms(asked))
    counts, postings = store.term_postings(query, MAX_POSTINGS)
    partial: Counter = Counter()
    for term, holders in postings.items():
        square = term_weight(term, counts[term], claims) ** 2
        for cid in holders:
            partial[cid] += square
    best = [cid for cid, _ in partial.most_common(RESCORED_CANDIDATES)]
    kept = store.kept_profiles_of(best)
    terms = {cid: _terms_of(kept[cid]) for cid in best if cid in kept}
    more, _ = store.term_postings(sorted({t for held in terms.values() for t in held} - set(counts)), 0)
    counts = {**counts, **more}

    def weight(term: str) -> float:
        return term_weight(term, counts.get(term, 0) or 1, claims)

    norm = math.sqrt(sum(weight(t) ** 2 for t in query)) or 1.0
    scored = []
    for cid, held in terms.items():
        shared = held & set(query)
        norm_c = math.sqrt(sum(weight(t) ** 2 for t in held)) or 1.0
        scored.append((sum(weight(t) ** 2 for t in shared) / (norm * norm_c), cid))
    scored.sort(key=lambda x: (-x[0], x[1]))
    words = Counter({t: n for t, n in counts.items() if not t.startswith(("@", "#"))})
    weights = WordWeights((), counts=words, claims=claims)
    return scored[:CANDIDATES], weights, {cid: (None, kept) for cid in terms}


def _terms_of(data: str) -> frozenset[str]:
    """A kept profile's index terms, read as `analysis/index.py` claim_terms reads a profile."""
    import json

    row = json.loads(data)
    measures = {f"#{'casualty' if a[4] else a[2]}" for a in row[6] if a[4] or a[2]}
    return frozenset(row[2]) | frozenset(row[3]) | {f"@{a}" for a in row[7]} | measures


class _Indexed(NamedTuple):
    """What the index reads of a kept profile (`analysis/index.py` claim_terms): decoding only
    this of every stored claim, and the whole profile of the few candidates, keeps a check fast."""

    claim: Claim
    words: frozenset
    text_words: frozenset
    actors: frozenset
    amounts: tuple


class _Measure(NamedTuple):
    unit: str | None
    casualty: str | None


def _stored_profiles(store) -> tuple[list, dict[str, str]]:
    """What the index needs of every stored claim's kept profile (only the id filled in its
    claim), and the kept profiles by id. Claims without one (a database never analysed) are
    profiled here."""
    import json

    from factcheck.analysis.profile import build_profile

    kept = store.kept_profiles()
    if not kept and store.has_claims():
        return [build_profile(i, c) for i, c in enumerate(store.claims())], {}
    indexed = []
    for claim_id, data in sorted(kept.items()):
        row = json.loads(data)
        indexed.append(_Indexed(Claim(id=claim_id, document="", start=0, end=0, quote="", text=""),
                                frozenset(row[2]), frozenset(row[3]), frozenset(row[7]),
                                tuple(_Measure(a[2], a[4]) for a in row[6])))
    return indexed, kept


def _full_profile(index: int, claim: Claim, stored, kept: dict[str, str]):
    """A candidate's whole profile and denial cue, as kept (or made now)."""
    from factcheck.analysis.denial_cues import detect_denial
    from factcheck.analysis.state import decode_profile

    data = kept.get(claim.id)
    if data is not None:
        return decode_profile(index, claim, data)
    if stored is None:
        from factcheck.analysis.profile import build_profile

        profile = build_profile(index, claim)
    else:
        profile = replace(stored, claim=claim)
    return profile, detect_denial(profile)


def _propositions(store, weighed: dict[str, tuple[Stance, float]],
                  claims: dict[str, Claim]) -> list[MatchedProposition]:
    """The propositions of the claims found, best first: those that state or dispute the query
    by their similarity, then the few most alike that only share its subject."""
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
    everyone = [c for _, _, members in groups for c, _, _ in members.values()]
    origins = _origin_labels(store, everyone, documents)
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


def _origin_labels(store, claims: list[Claim], documents: dict) -> dict[str, str]:
    """Each claim's origin as a reader knows it. A source that names no body of its own (a bare
    "the ministry", a surname) takes it from its document, which is then read whole as the
    analysis reads it (`tracing.origin_labels`); any other source is its origin as it stands."""
    from factcheck.analysis.origins import origin_label, origin_of
    from factcheck.api.tracing import origin_labels

    publishers = {name: d.publisher for name, d in documents.items() if d.publisher}
    aliases = store.aliases()
    contextual = {c.document for c in claims if _needs_context(c.source or "")}
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


def _save(store, text: str, source: str | None, date: str | None) -> str:
    """Store the claim as a document of its own, its source as publisher (and as the source of
    what it says in its own voice), then bring the analysis up to date."""
    import hashlib

    from factcheck.api.analysing import run_analysis
    from factcheck.models import Document
    from factcheck.pipeline import extract
    from factcheck.pipeline.names.actors import actor_types
    from factcheck.pipeline.names.sources import canonical_source

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    name = f"check-{digest[:12]}.txt"
    aliases = store.aliases()
    document = Document(name=name, path=f"(check)/{name}", sha256=digest, text=text, publisher=source,
                        published=date, title="claim checked with factcheck check")
    extraction = extract(document, aliases)
    if source:
        who, kind = canonical_source(source, aliases)
        claims = tuple(replace(c, source=who, source_type=kind) if c.source == "author" else c
                       for c in extraction.claims)
        extraction = replace(extraction, claims=claims)
    if store.document_by_sha256(digest) is None:
        with store.batch() as batch:
            batch.save_extraction(extraction, actor_types=actor_types())
        run_analysis(store)
    return name
