"""Plain records (dicts of JSON types) for documents, claims and relations: the export fields.

The claim record is the interchange format `../shared/eval` reads: one shape for `export`,
`list --format json` and `show --format json`, so scripts written against one work on all.
"""

from __future__ import annotations

from dataclasses import asdict

CLAIM_FIELDS = (
    "type", "id", "document", "start", "end", "quote", "text", "kind", "source", "source_type",
    "source_span", "relay", "cue", "cue_span", "certainty", "polarity", "status", "actors", "when",
    "numbers", "score", "grade", "paragraph", "sentence", "review",
)
DOCUMENT_FIELDS = (
    "type", "document", "chars", "path", "sha256", "title", "author", "publisher", "url",
    "published", "published_inferred", "claims", "ingested_at",
)
RELATION_FIELDS = ("type", "relation", "from", "to", "reason", "score", "origin")


def _span(span) -> list[int] | None:
    return None if span is None else [int(span[0]), int(span[1])]


def quantity_record(quantity) -> dict:
    return {key: value for key, value in asdict(quantity).items()}


def claim_record(claim, score: float | None = None, grade: int | None = None,
                 review: str | None = None) -> dict:
    """The export object of one claim; `score`, `grade` and `review` come from analysis and reviews."""
    return {
        "type": "claim", "id": claim.id, "document": claim.document,
        "start": claim.start, "end": claim.end, "quote": claim.quote, "text": claim.text,
        "kind": claim.kind, "source": claim.source, "source_type": claim.source_type,
        "source_span": _span(claim.source_span), "relay": claim.relay, "cue": claim.cue,
        "cue_span": _span(claim.cue_span),
        "certainty": claim.certainty, "polarity": claim.polarity, "status": claim.status,
        "actors": list(claim.actors), "when": claim.when,
        "numbers": [quantity_record(q) for q in claim.numbers],
        "score": None if score is None else round(float(score), 3), "grade": grade,
        "paragraph": claim.paragraph, "sentence": claim.sentence, "review": review,
    }


def document_record(info) -> dict:
    """The export object of a stored document (a `store.DocumentInfo`: metadata, no text)."""
    return {
        "type": "document", "document": info.name, "chars": info.chars, "path": info.path,
        "sha256": info.sha256, "title": info.title, "author": info.author,
        "publisher": info.publisher, "url": info.url, "published": info.published,
        "published_inferred": info.published_inferred, "claims": info.claims,
        "ingested_at": info.ingested_at,
    }


def relation_record(relation) -> dict:
    return {
        "type": "relation", "relation": relation.relation, "from": relation.source_id,
        "to": relation.target_id, "reason": relation.reason,
        "score": round(float(relation.score), 3), "origin": relation.origin,
    }


def flat_cell(value) -> str:
    """A record value as one CSV cell: spans as "start-end", lists joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, int) for v in value):
            return f"{value[0]}-{value[1]}"
        return "; ".join(item["text"] if isinstance(item, dict) else str(item) for item in value)
    return str(value)
