"""The use cases over stored claims: list, show, explain, actors and aliases, sources, export,
reviews, verify and the report.

Part of the public API (`factcheck.api` re-exports every use case here).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck import config
from factcheck.api.common import RelatedClaim, open_store, related_claims, resolve_actor
from factcheck.errors import NotFound, UsageError
from factcheck.models import Assessment, Claim, Document, Span
from factcheck.models import claim_id as make_claim_id
from factcheck.pipeline.document.read import read_document, scan_paths


@dataclass(frozen=True)
class ClaimFilters:
    """The `list` filters; None means "any"."""

    actor: str | None = None
    source: str | None = None
    status: str | None = None
    kind: str | None = None
    document: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    grade: int | None = None
    limit: int | None = None


@dataclass(frozen=True)
class ListedClaim:
    claim: Claim
    score: float | None = None
    grade: int | None = None
    review: str | None = None   # latest verdict


@dataclass(frozen=True)
class ClaimDetail:
    claim: Claim
    document: Document
    context: Span               # the sentence the claim stands in
    relations: tuple[RelatedClaim, ...]
    assessment: Assessment | None
    reviews: tuple = ()


@dataclass(frozen=True)
class SourceSummary:
    source: str
    source_type: str
    statuses: dict[str, int]    # status -> claims

    @property
    def claims(self) -> int:
        return sum(self.statuses.values())


# ---------------------------------------------------------------- queries


def _with_assessments(store, claims: list[Claim]) -> list[ListedClaim]:
    verdicts = store.latest_verdicts()
    assessments = store.assessments([claim.id for claim in claims])
    listed = []
    for claim in claims:
        assessment = assessments.get(claim.id)
        listed.append(ListedClaim(claim, assessment.score if assessment else None,
                                  assessment.grade if assessment else None, verdicts.get(claim.id)))
    return listed


def show_claim(db: Path | str, claim_id: str) -> ClaimDetail:
    """A claim with its document, sentence, relations (and the claims at their other end),
    assessment and review log."""
    with open_store(db) as store:
        claim = store.claim(claim_id)
        document = _document_of(store, claim)
        context = claim.context or (claim.start, claim.end)
        return ClaimDetail(claim, document, context, related_claims(store, claim.id), store.assessment(claim.id),
                           tuple(store.reviews(claim.id)))


def _document_of(store, claim: Claim) -> Document:
    try:
        return store.document(claim.document)
    except UsageError:  # the same file name in several folders: the one whose hash made the id
        for info in store.documents():
            if info.name == claim.document and make_claim_id(info.sha256, claim.start, claim.end) == claim.id:
                return store.document(info.path)
        raise


def explain_file(path: Path | str, db: Path | str | None = None, *, max_bytes: int = config.MAX_FILE_BYTES):
    """Why each claim of a file was found; nothing written, an existing `db` lends aliases and statuses."""
    from factcheck.api.explain import explain_document

    if Path(path).is_dir():
        raise UsageError(f"{path} is a folder; explain takes one file")
    document = read_document(scan_paths([path]).documents[0], max_bytes=max_bytes)
    if db is None or not (config.is_database_url(db) or Path(db).is_file()):
        return explain_document(document)
    with open_store(db) as store:
        return explain_document(document, store)


def documents(db: Path | str) -> list:
    """Stored documents (without their text), by name."""
    with open_store(db) as store:
        return store.documents()


def actors(db: Path | str) -> list:
    """Actors with their aliases (the gazetteer's and the user's) and claim counts, most claims first."""
    from dataclasses import replace

    from factcheck.pipeline.names.actors import gazetteer

    builtin: dict[str, list[str]] = {}
    for alias, names in gazetteer().owners.items():
        builtin.setdefault(names[0], []).append(alias)
    with open_store(db) as store:
        infos = store.actors()
    merged = []
    for info in infos:
        aliases: dict[str, str] = {}      # lowercased -> as written, the gazetteer's spelling first
        for alias in (*builtin.get(info.name, ()), *info.aliases):
            if alias.lower() != info.name.lower():
                aliases.setdefault(alias.lower(), alias)
        merged.append(replace(info, aliases=tuple(sorted(aliases.values(), key=str.lower))))
    return merged


def add_alias(db: Path | str, canonical: str, alias: str) -> str:
    """Let `alias` (any case) name the actor `canonical` in filters and future ingests, and count
    as one origin with it in the analysis, which is re-run at once.

    The actor must be known: stored, or in the gazetteer; NotFound otherwise, so that a typo
    does not make an alias of nobody."""
    from factcheck.api.analysing import run_analysis
    from factcheck.pipeline.names.actors import actor_types

    with open_store(db, write=True) as store:
        known = {actor.name.lower(): actor.name for actor in store.actors()}
        known.update({name.lower(): name for name in actor_types()})
        canonical = (known.get(canonical.strip().lower()) or _stored_source(store, canonical)
                     or resolve_actor(store, canonical))
        store.add_alias(canonical, alias)
        if store.has_claims():
            run_analysis(store)
        return canonical


def _stored_source(store, name: str) -> str | None:
    """A source that stored claims name exactly as `name` (any case): it may take aliases too, so
    that two names of one source count as one origin."""
    wanted = " ".join(name.split()).lower()
    return next((c.source for c in store.claims(source=name.strip()) if c.source.lower() == wanted), None)


# ---------------------------------------------------------------- reviews, provenance, reports

def review_claim(db: Path | str, claim_id: str, verdict: str, note: str | None = None,
                 by: str | None = None):
    """Append a verdict on a claim (id or unique prefix) to the review log; returns the entry."""
    from factcheck.models import VERDICTS

    if verdict not in VERDICTS:
        raise UsageError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")
    with open_store(db, write=True) as store:
        claim = store.claim(claim_id)
        return store.add_review(claim.id, verdict, note, by)


def claim_history(db: Path | str, claim_id: str) -> tuple[Claim, list]:
    """A claim and its review log, oldest entry first."""
    with open_store(db) as store:
        claim = store.claim(claim_id)
        return claim, store.reviews(claim.id)


def verify(db: Path | str):
    """Check every stored quote against its document's text and every source file still at its
    stored path against its sha256; see `factcheck.provenance`."""
    from factcheck.models import is_piped
    from factcheck.provenance import (
        VerifyResult,
        check_quotes,
        check_references,
        check_seal,
        check_source_file,
    )

    result = VerifyResult()
    with open_store(db) as store:
        seals, analysed, now = store.integrity_seals()
        infos = store.documents()
        dangling = store.dangling_references()
        result.kept_for_gone = len(dangling["manual"]) + len(dangling["reviews"])
        stored = {info.sha256 for info in infos}
        result.mismatches += check_references(sorted(set(seals) - stored), dangling,
                                              (analysed, now, store.analysis_state().stale))
        for info in infos:
            claims = store.claims(document=info.path)
            document = store.document(info.path)
            result.documents += 1
            result.quotes += len(claims)
            result.mismatches += check_quotes(document, claims)
            result.mismatches += check_seal(document, claims, seals.get(info.sha256))
            if is_piped(info.path):     # read from standard input: its stored text is all there is
                result.piped += 1
                continue
            try:
                mismatch = check_source_file(info.name, info.path, info.sha256)
            except FileNotFoundError:
                result.files_missing.append(info.path)
                continue
            result.files_checked += 1
            result.mismatches += [mismatch] if mismatch else []
    return result


SAME_STATEMENT = ("repeats", "corroborates")   # relations whose claims state the same thing


def export_claimreview(db: Path | str, review_url: str | None, publisher: str | None = None) -> str:
    """Reviewed claims, each with its latest review, as schema.org ClaimReview JSON-LD."""
    from factcheck.render.claimreview import (
        Publication,
        ReviewedClaim,
        claimreview_text,
    )

    if not review_url or "{id}" not in review_url:
        raise UsageError("ClaimReview needs the url each review is published at (search engines require it): "
                         "give --review-url with {id} for the claim id, e.g. 'https://example.org/checks/{id}'")
    items = []
    with open_store(db) as store:
        for claim_id in sorted(store.latest_verdicts()):
            try:
                claim = store.claim(claim_id)
            except NotFound:    # reviewed, then replaced when its document changed
                continue
            document = _document_of(store, claim)
            items.append(ReviewedClaim(claim, store.reviews(claim_id)[-1], document,
                                       _first_appearance(store, claim, document)))
    if not items:
        raise NotFound(f"no reviewed claims in {db}, so no ClaimReview to write; "
                       "record a verdict first with `factcheck review CLAIM_ID --verdict V --by NAME`")
    return claimreview_text(items, Publication(review_url, publisher))


def _first_appearance(store, claim: Claim, document) -> tuple:
    """The earliest published (claim, document) among `claim` and the claims that repeat or
    corroborate it, or that it repeats or corroborates; `claim`'s own when no date says otherwise."""
    found = [(claim, document)]
    for relation in store.relations(claim.id):
        if relation.relation not in SAME_STATEMENT:
            continue
        other_id = relation.target_id if relation.source_id == claim.id else relation.source_id
        try:
            other = store.claim(other_id)
        except NotFound:
            continue
        found.append((other, _document_of(store, other)))
    dated = [pair for pair in found if pair[1].published]
    return min(dated, key=lambda pair: (pair[1].published, pair[0] is not claim, pair[0].id)) if dated else found[0]
