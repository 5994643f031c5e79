"""Rich tables for people: claims, documents, actors, sources; and the ingest summary lines.

Each function returns a renderable or strings; the CLI decides where they are printed.
"""

from __future__ import annotations

from rich import box
from rich.table import Table

from factcheck.models import STATUSES

WIDE = 120          # terminal columns from which the claims table shows every field
SOURCE_WIDTH = 24    # a longer source name folds onto more lines, leaving room for the quote
DOCUMENT_WIDTH = 16  # characters of a file name a claims row shows; `show` gives the full name


def _table(*columns: str, **options) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, **options)
    for column in columns:
        table.add_column(column)
    return table


def claims_table(listed, width: int = WIDE) -> Table:
    """One row per claim: id, who says it, how it stands, the quote; where and how, when wide enough."""
    wide = width >= WIDE
    columns = ("id", "document", "source", "status", "kind", "certainty", "when") if wide else ("id", "source", "status")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        # identifiers and labels stay whole; the source and the quote take the folding
        table.add_column(column, no_wrap=column != "source", overflow="ellipsis" if column == "document" else "fold",
                         max_width={"document": DOCUMENT_WIDTH, "source": SOURCE_WIDTH}.get(column))
    table.add_column("quote", overflow="fold")
    for item in listed:
        claim = item.claim
        status = claim.status + (f" (review: {item.review})" if item.review else "")
        cells = {"id": claim.id, "document": claim.document, "source": claim.source, "status": status,
                 "kind": claim.kind, "certainty": claim.certainty, "when": claim.when or ""}
        table.add_row(*(cells[column] for column in columns), claim.quote)
    return table


def documents_table(infos) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("document", "published", "claims", "chars"):
        table.add_column(column, no_wrap=True, justify="right" if column in ("claims", "chars") else "left")
    table.add_column("title", overflow="fold")
    for info in infos:
        published = (info.published or "") + (" inferred" if info.published_inferred else "")
        title = " by ".join(part for part in (info.title, info.author) if part)
        table.add_row(info.name, published, str(info.claims), f"{info.chars:,}", title)
    return table


def actors_table(infos) -> Table:
    table = _table("actor", "type", "claims", "aliases")
    for info in infos:
        table.add_row(info.name, info.type or "", str(info.claims), ", ".join(info.aliases))
    return table


def sources_table(summaries) -> Table:
    table = _table("source", "type", "claims", *STATUSES)
    for summary in summaries:
        table.add_row(summary.source, summary.source_type, str(summary.claims),
                      *(str(summary.statuses.get(status, 0)) for status in STATUSES))
    return table


def actor_record(info) -> dict:
    return {"actor": info.name, "type": info.type, "claims": info.claims, "aliases": list(info.aliases)}


def source_record(summary) -> dict:
    return {"source": summary.source, "source_type": summary.source_type, "claims": summary.claims,
            **{status: summary.statuses.get(status, 0) for status in STATUSES}}


def ingest_summary(summary) -> list[str]:
    """The closing lines of `ingest`: what changed, then each warning, skipped file and error."""
    plural = "" if summary.documents == 1 else "s"
    lines = [f"{summary.documents} document{plural}: {len(summary.new)} new, "
             f"{len(summary.replaced)} replaced, {len(summary.unchanged)} unchanged; "
             f"{summary.claims} claims extracted; {len(summary.warnings)} warnings; "
             f"{len(summary.errors)} failed"]
    if summary.skipped:
        lines.append(f"skipped {len(summary.skipped)} files that are not documents (.txt, .md): "
                     + ", ".join(summary.skipped[:5]) + (", ..." if len(summary.skipped) > 5 else ""))
    if (summary.new or summary.replaced) and not summary.analysed:
        lines.append("relations and statuses not recomputed: analysis is not available")
    return lines
