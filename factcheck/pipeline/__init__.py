"""The extraction pipeline: Document -> sentences -> attributions -> claims with actors, dates, numbers.

Each stage is a pure function in its own module; `extract` composes them in order.
"""

from __future__ import annotations

from factcheck.models import Document, Extraction


def extract(document: Document, aliases: dict[str, str] | None = None) -> Extraction:
    """Every claim in `document`, with provenance, attribution, certainty, actors and dates.

    `aliases` maps extra alias -> canonical actor name (users' own aliases from the database).
    """
    from factcheck.pipeline.claims.build import build_claims, overlong_warnings
    from factcheck.pipeline.segment import split_sentences

    sentences = split_sentences(document.text, document.title)
    claims = build_claims(document, sentences, aliases or {})
    return Extraction(document=document, sentences=tuple(sentences), claims=tuple(claims),
                      warnings=document.warnings + tuple(overlong_warnings(document, sentences)))
