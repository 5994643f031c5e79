"""Use cases that read a whole database: listings, sources and the export, made to scale.

Part of the public API (`factcheck.api` re-exports every name here). Their cost follows what they
show: an actor's name resolves through one query on the actor table, sources are counted in SQL,
and the listings and the export come as streams that hold a batch of rows at a time; the lists
they return are the streams read whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from factcheck.api.common import open_store, resolve_actor
from factcheck.errors import UsageError

EXPORT_FORMATS = ("jsonl", "json", "csv")


def list_claims(db: Path | str, filters=None) -> list:
    """Claims matching `filters` (`api.ClaimFilters`), in document order, with their scores and
    latest verdicts (`api.ListedClaim`)."""
    return list(iter_claims(db, filters))


def iter_claims(db: Path | str, filters=None) -> Iterator:
    """`list_claims` as a stream. An unknown actor or document is an error raised here, before
    the first claim."""
    from factcheck.api.queries import ClaimFilters

    filters = filters or ClaimFilters()
    where = {key: value for key, value in asdict(filters).items() if key != "actor"}
    with open_store(db) as store:
        if filters.document:
            store.document(filters.document)  # an unknown or ambiguous name is an error, not "0 claims"
        where["actors"] = [resolve_actor(store, filters.actor)] if filters.actor else None
        verdicts = store.latest_verdicts()
    return _listed(db, where, verdicts)


def _listed(db: Path | str, where: dict, verdicts: dict) -> Iterator:
    from factcheck.api.queries import ListedClaim

    with open_store(db) as store:
        for claim, score, grade in store.iter_claims(**where):
            yield ListedClaim(claim, score, grade, verdicts.get(claim.id))


def sources(db: Path | str) -> list:
    """Who asserts how many claims, of which statuses (`api.SourceSummary`): most claims first."""
    from factcheck.api.queries import SourceSummary
    from factcheck.models import STATUSES

    with open_store(db) as store:
        counted = store.source_counts()
    statuses: dict[tuple[str, str], dict[str, int]] = {}
    for source, kind, status, count in counted:
        statuses.setdefault((source, kind), {})[status] = count
    order = {status: number for number, status in enumerate(STATUSES)}
    summaries = [SourceSummary(source, kind, dict(sorted(counts.items(), key=lambda item: order.get(item[0], 99))))
                 for (source, kind), counts in statuses.items()]
    return sorted(summaries, key=lambda s: (-s.claims, s.source.lower(), s.source_type))


def export_records(db: Path | str) -> list[dict]:
    """Every document, claim and relation as export records, in a stable order."""
    groups = _export_groups(db)
    return [record for name in ("documents", "claims", "relations") for record in groups[name]]


def export(db: Path | str, fmt: str, review_url: str | None = None, publisher: str | None = None) -> str:
    """The whole database as text in `fmt` (jsonl, json or csv; see `render.formats.export_text`),
    or the reviewed claims as ClaimReview JSON-LD (`claimreview`), each published at `review_url`
    ("{id}" in it replaced by the claim's id) by `publisher`."""
    return "".join(export_chunks(db, fmt, review_url, publisher))


def export_chunks(db: Path | str, fmt: str, review_url: str | None = None,
                  publisher: str | None = None) -> Iterator[str]:
    """`export` as a stream of text, a record at a time. Wrong options and a missing database
    are errors raised here, before any text."""
    from factcheck.api.queries import export_claimreview
    from factcheck.render.formats import export_chunks as format_chunks

    if fmt == "claimreview":
        return iter([export_claimreview(db, review_url, publisher)])
    if review_url or publisher:
        raise UsageError("--review-url and --publisher describe ClaimReview markup; use them with --format claimreview")
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)} or claimreview")
    with open_store(db):
        pass
    return format_chunks(_export_groups(db), fmt)


def _export_groups(db: Path | str) -> dict[str, Iterator[dict]]:
    """The export's records by group, each a stream read once (documents, then claims, then
    relations), each from its own read of the database."""
    return {"documents": _document_records(db), "claims": _claim_records(db), "relations": _relation_records(db)}


def _document_records(db: Path | str) -> Iterator[dict]:
    from factcheck.render.records import document_record

    with open_store(db) as store:
        infos = store.documents()
    yield from (document_record(info) for info in infos)


def _claim_records(db: Path | str) -> Iterator[dict]:
    from factcheck.render.records import claim_record

    for item in iter_claims(db):
        yield claim_record(item.claim, item.score, item.grade, item.review)


def _relation_records(db: Path | str) -> Iterator[dict]:
    from factcheck.render.records import relation_record

    with open_store(db) as store:
        yield from (relation_record(relation) for relation in store.iter_relations())


REPORTED = ("denies", "contradicts", "corroborates")    # the relations a briefing cites


def build_report(db: Path | str, actor: str | None = None, since: str | None = None,
                 until: str | None = None, full: bool = False) -> str:
    """The Markdown fact-check report of the claims in scope; see `render.report`.

    The briefing reads the claims at either end of a denial, contradiction or corroboration and
    counts the rest in SQL; `full`, which lists every claim, reads them all."""
    from factcheck.render.report import ReportData, ScopeTotals, render_report

    with open_store(db) as store:
        actors = [resolve_actor(store, actor)] if actor else None
        scope = {"actors": actors, "since": since, "until": until}
        verdicts = store.latest_verdicts()
        if full:
            every = store.claims()
            scoped = store.claims(**scope) if actor or since or until else every
            relations, known, assessments = store.relations(), every, store.assessments()
        else:
            relations = store.relations_of_kinds(REPORTED)
            known = store.claims_by_id([end for r in relations for end in (r.source_id, r.target_id)]).values()
            in_scope = store.ids_in_scope([claim.id for claim in known], **scope)
            scoped, assessments = [claim for claim in known if claim.id in in_scope], {}
        reviewed = store.ids_in_scope(list(verdicts), **scope)
        totals = ScopeTotals(store.scope_groups(**scope), {i: v for i, v in verdicts.items() if i in reviewed})
        data = ReportData(claims=tuple(scoped), all_claims={claim.id: claim for claim in known},
                          relations=tuple(relations), assessments=assessments, verdicts=verdicts,
                          documents=tuple(store.documents()), actor=actors[0] if actors else None,
                          since=since, until=until, totals=totals)
    return render_report(data, full=full)
