"""Values the store returns besides the `factcheck.models` ones, and row <-> dataclass mapping.

Rows stay here: callers get frozen dataclasses, never ORM objects or SQLAlchemy rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from factcheck.models import Claim, Document, Quantity, Span

# Sorts after every character an ISO date or time uses, so that "2022-08" + END_MARK is the
# last moment of August 2022 in string order ("2022-08-31T23:59" < "2022-08~").
END_MARK = "~"
OPEN_BOUNDS = ("", "..")     # ISO 8601 writes an open end of a range as ".." (or leaves it empty)


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document without its text, for listings."""

    id: int
    name: str
    path: str
    sha256: str
    title: str | None
    author: str | None
    publisher: str | None
    url: str | None
    published: str | None
    published_inferred: bool
    ingested_at: str
    claims: int
    chars: int


@dataclass(frozen=True)
class ActorInfo:
    """A canonical actor with the aliases stored for it and how many claims name it."""

    name: str
    type: str | None
    aliases: tuple[str, ...]
    claims: int


@dataclass(frozen=True)
class Review:
    """One entry of the append-only review log."""

    id: int
    claim_id: str
    verdict: str
    note: str | None
    by: str | None
    at: str


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def when_bounds(when: str | None) -> tuple[str | None, str | None]:
    """Comparable (start, end) strings for an ISO date, partial date or range "A/B".

    A claim overlaps a --since S / --until U filter when end >= S and start <= U + END_MARK;
    partial dates work because the end is padded past any longer string with the same prefix.
    """
    if not when:
        return None, None
    first, _, second = when.partition("/")
    last = second if second or "/" in when else first
    start = "" if first in OPEN_BOUNDS else first
    end = END_MARK if last in OPEN_BOUNDS else last + END_MARK
    return start, end


def document_row(document: Document, ingested_at: str) -> dict[str, Any]:
    return {
        "name": document.name,
        "path": document.path,
        "sha256": document.sha256,
        "text": document.text,
        "title": document.title,
        "author": document.author,
        "publisher": document.publisher,
        "url": document.url,
        "published": document.published,
        "published_inferred": document.published_inferred,
        "warnings": json.dumps(list(document.warnings)),
        "chars": len(document.text),
        "ingested_at": ingested_at,
    }


def to_document(row: Mapping[str, Any]) -> Document:
    return Document(
        name=row["name"],
        path=row["path"],
        sha256=row["sha256"],
        text=row["text"],
        title=row["title"],
        author=row["author"],
        publisher=row["publisher"],
        url=row["url"],
        published=row["published"],
        published_inferred=bool(row["published_inferred"]),
        warnings=tuple(json.loads(row["warnings"] or "[]")),
    )


def to_document_info(row: Mapping[str, Any], claims: int) -> DocumentInfo:
    return DocumentInfo(
        id=row["id"], name=row["name"], path=row["path"], sha256=row["sha256"],
        title=row["title"], author=row["author"], publisher=row["publisher"], url=row["url"],
        published=row["published"], published_inferred=bool(row["published_inferred"]),
        ingested_at=row["ingested_at"], claims=claims, chars=row["chars"],
    )


def claim_row(claim: Claim, document_id: int) -> dict[str, Any]:
    when_start, when_end = when_bounds(claim.when)
    source_start, source_end = _span_columns(claim.source_span)
    cue_start, cue_end = _span_columns(claim.cue_span)
    context_start, context_end = _span_columns(claim.context)
    return {
        "id": claim.id, "document_id": document_id, "start": claim.start, "end": claim.end,
        "quote": claim.quote, "text": claim.text, "kind": claim.kind, "source": claim.source,
        "source_type": claim.source_type, "source_start": source_start, "source_end": source_end,
        "cue": claim.cue, "cue_start": cue_start, "cue_end": cue_end,
        "certainty": claim.certainty, "polarity": claim.polarity, "status": claim.status,
        "when": claim.when, "when_start": when_start, "when_end": when_end,
        "numbers": json.dumps([_quantity_fields(quantity) for quantity in claim.numbers]) if claim.numbers else "[]",
        "paragraph": claim.paragraph, "sentence": claim.sentence,
        "context_start": context_start, "context_end": context_end,
        "hedges": json.dumps(list(claim.hedges)) if claim.hedges else "[]", "denial": claim.denial,
        "trace": json.dumps(list(claim.trace)), "relay": claim.relay,
        "score": None, "grade": None, "explanation": None,
    }


def claim_actor_rows(claim: Claim) -> list[dict[str, Any]]:
    """One link per distinct actor, in the claim's order (the pair is the table's key)."""
    names = dict.fromkeys(claim.actors)
    return [
        {"claim_id": claim.id, "actor": name, "position": position}
        for position, name in enumerate(names)
    ]


def as_loaded(claims: Sequence[Claim]) -> list[Claim]:
    """Saved claims as `Store.claims()` reads them back: in its order (document name, start, end,
    id), each actor named once. Every other field goes in and comes out as it is."""
    out = [claim if len(set(claim.actors)) == len(claim.actors)
           else replace(claim, actors=tuple(dict.fromkeys(claim.actors))) for claim in claims]
    return sorted(out, key=lambda c: (c.document, c.start, c.end, c.id))


def to_claim(row: Mapping[str, Any], actors: Sequence[str]) -> Claim:
    """A Claim from a claim row joined with its document's name (`document_name`)."""
    return Claim(
        id=row["id"], document=row["document_name"], start=row["start"], end=row["end"],
        quote=row["quote"], text=row["text"], kind=row["kind"], source=row["source"],
        source_type=row["source_type"],
        source_span=_span(row["source_start"], row["source_end"]),
        cue=row["cue"], cue_span=_span(row["cue_start"], row["cue_end"]),
        certainty=row["certainty"], polarity=row["polarity"], status=row["status"],
        actors=tuple(actors), when=row["when"],
        numbers=tuple(Quantity(**item) for item in json.loads(row["numbers"] or "[]")),
        paragraph=row["paragraph"], sentence=row["sentence"],
        context=_span(row["context_start"], row["context_end"]),
        hedges=tuple(json.loads(row["hedges"] or "[]")), denial=bool(row["denial"]),
        trace=tuple(json.loads(row["trace"] or "[]")), relay=row.get("relay"),
    )


def _quantity_fields(quantity: Quantity) -> dict[str, Any]:
    # Spelled out rather than dataclasses.asdict, which deep-copies and costs a third of a save.
    return {
        "value": quantity.value, "unit": quantity.unit, "text": quantity.text,
        "start": quantity.start, "end": quantity.end, "qualifier": quantity.qualifier,
    }


def _span_columns(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span[0], span[1])


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else (start, end)
