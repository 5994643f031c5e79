"""The listings of claims, documents, actors and sources (see `layout`), and the ingest summary lines.

Each function returns a Listing or strings; the CLI decides how and where they are printed.
"""

from __future__ import annotations

from factcheck.models import STATUSES
from factcheck.render.layout import Column, Listing, plural

SOURCE_WIDTH = 24    # a longer source name wraps onto more lines, leaving room for the quote


def claims_listing(listed, records) -> Listing:
    """`list`: one row per claim; on a narrow terminal the kind, certainty, date and document go first."""
    columns = (Column("id"), Column("document", drop=4), Column("source", text=True, max_width=SOURCE_WIDTH,
                                                                min_width=12),
               Column("status"), Column("kind", drop=2), Column("certainty", drop=3), Column("when", drop=1),
               Column("quote", text=True, min_width=30))
    rows = []
    for item in listed:
        claim = item.claim
        status = claim.status + (f" (review: {item.review})" if item.review else "")
        rows.append((claim.id, claim.document, claim.source, status, claim.kind, claim.certainty,
                     claim.when or "", claim.quote))
    return Listing(columns, rows, records, noun="claim", csv_fields=_without_type(records))


def _without_type(records) -> tuple[str, ...] | None:
    """The CSV columns of export records: every field but "type", which one table makes constant."""
    from factcheck.render.records import CLAIM_FIELDS

    fields = tuple(records[0]) if records else CLAIM_FIELDS
    return tuple(field for field in fields if field != "type")


def documents_listing(infos, records) -> Listing:
    columns = (Column("document"), Column("published"), Column("claims", right=True),
               Column("chars", right=True, drop=1), Column("title", text=True, min_width=20))
    rows = []
    for info in infos:
        published = (info.published or "") + (" inferred" if info.published_inferred else "")
        title = " by ".join(part for part in (info.title, info.author) if part)
        rows.append((info.name, published, str(info.claims), f"{info.chars:,}", title))
    return Listing(columns, rows, records, noun="document", csv_fields=_without_type(records))


def actors_listing(infos) -> Listing:
    columns = (Column("actor", text=True, min_width=12, max_width=32), Column("type", drop=1),
               Column("claims", right=True), Column("aliases", text=True, min_width=20))
    rows = [(info.name, info.type or "", str(info.claims), ", ".join(info.aliases)) for info in infos]
    return Listing(columns, rows, [actor_record(info) for info in infos], noun="actor",
                   csv_fields=("actor", "type", "claims", "aliases"))


def sources_listing(summaries) -> Listing:
    columns = (Column("source", text=True, min_width=12), Column("type", drop=1), Column("claims", right=True),
               *(Column(status, right=True) for status in STATUSES))
    rows = [(summary.source, summary.source_type, str(summary.claims),
             *(str(summary.statuses.get(status, 0)) for status in STATUSES)) for summary in summaries]
    return Listing(columns, rows, [source_record(summary) for summary in summaries], noun="source")


def actor_record(info) -> dict:
    return {"actor": info.name, "type": info.type, "claims": info.claims, "aliases": list(info.aliases)}


def source_record(summary) -> dict:
    return {"source": summary.source, "source_type": summary.source_type, "claims": summary.claims,
            **{status: summary.statuses.get(status, 0) for status in STATUSES}}


def ingest_summary(summary) -> list[str]:
    """The closing lines of `ingest`: what changed, then each warning, skipped file and error."""
    lines = [f"{plural(summary.documents, 'document')}: {len(summary.new)} new, "
             f"{len(summary.replaced)} replaced, {len(summary.unchanged)} unchanged; "
             f"{plural(summary.claims, 'claim')} extracted; {plural(len(summary.warnings), 'warning')}; "
             f"{len(summary.errors)} failed"]
    if summary.skipped:
        skipped = len(summary.skipped)
        what = "is not a document" if skipped == 1 else "are not documents"
        lines.append(f"skipped {plural(skipped, 'file')} that {what}"
                     " (.txt, .md): "
                     + ", ".join(summary.skipped[:5]) + (", ..." if len(summary.skipped) > 5 else ""))
    if (summary.new or summary.replaced) and not summary.analysed:
        lines.append("relations and statuses not recomputed: analysis is not available")
    return lines
