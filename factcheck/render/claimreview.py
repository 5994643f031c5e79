"""Reviewed claims as schema.org ClaimReview JSON-LD: the markup fact-checkers publish so that
search engines and aggregators (Google Fact Check Tools, Duke Reporters' Lab) can pick it up.

Pure: takes claims, their latest reviews and documents, returns the JSON text.
See https://schema.org/ClaimReview and https://schema.org/Rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.render.formats import to_json

CONTEXT = "https://schema.org"
BEST_RATING = 5
WORST_RATING = 1
# The verdict scale as a 1..5 rating, true at the top; "unverifiable" is no point on that scale,
# so it carries only its name (schema.org allows a Rating with just `alternateName`).
RATING_VALUES = {"true": 5, "mostly-true": 4, "mixed": 3, "mostly-false": 2, "false": 1}
VERDICT_NAMES = {"true": "True", "mostly-true": "Mostly true", "mixed": "Mixed",
                 "mostly-false": "Mostly false", "false": "False", "unverifiable": "Unverifiable"}
# Claim sources that are one person; governments, ministries, media and groups of unnamed
# sources ("Israeli security sources") are organisations.
PERSON_SOURCE_TYPES = frozenset({"official", "expert"})


@dataclass(frozen=True)
class ReviewedClaim:
    """A claim, its latest review and the document it appears in (a Document or DocumentInfo)."""

    claim: object
    review: object
    document: object


def rating(verdict: str) -> dict:
    """The reviewRating of a verdict: 1..5 with its name, or just the name for "unverifiable"."""
    name = VERDICT_NAMES.get(verdict, verdict)
    if verdict not in RATING_VALUES:
        return {"@type": "Rating", "alternateName": name}
    return {"@type": "Rating", "ratingValue": RATING_VALUES[verdict], "bestRating": BEST_RATING,
            "worstRating": WORST_RATING, "alternateName": name}


def claim_author(claim, document) -> dict:
    """Who made the claim: the article's author when the claim is the author's own, else the source."""
    if claim.source_type == "author" or claim.source == "author":
        if getattr(document, "author", None):
            return {"@type": "Person", "name": document.author}
        return {"@type": "Organization", "name": getattr(document, "publisher", None) or document.name}
    kind = "Person" if claim.source_type in PERSON_SOURCE_TYPES else "Organization"
    return {"@type": kind, "name": claim.source}


def appearance(claim, document) -> dict:
    """The article the claim appears in, with the quote as it stands there."""
    work = {"@type": "CreativeWork", "name": getattr(document, "title", None) or document.name}
    if getattr(document, "url", None):
        work["url"] = document.url
    if getattr(document, "title", None):
        work["headline"] = document.title
    if getattr(document, "publisher", None):
        work["publisher"] = {"@type": "Organization", "name": document.publisher}
    if getattr(document, "published", None):
        work["datePublished"] = document.published
    work["text"] = claim.quote
    return work


def claim_review(item: ReviewedClaim) -> dict:
    claim, review, document = item.claim, item.review, item.document
    reviewed = {"@type": "Claim", "author": claim_author(claim, document),
                "appearance": appearance(claim, document)}
    if getattr(document, "published", None):
        reviewed["datePublished"] = document.published
    node = {"@type": "ClaimReview", "identifier": claim.id, "claimReviewed": claim.text,
            "itemReviewed": reviewed, "datePublished": review.at[:10],
            "author": {"@type": "Person", "name": review.by} if review.by else
                      {"@type": "Organization", "name": "unknown reviewer"},
            "reviewRating": rating(review.verdict)}
    if review.note:
        node["reviewBody"] = review.note
    return node


def claimreview_document(items: Sequence[ReviewedClaim]) -> dict:
    """One JSON-LD document: the schema.org context and a ClaimReview per item, by claim id."""
    ordered = sorted(items, key=lambda item: item.claim.id)
    return {"@context": CONTEXT, "@graph": [claim_review(item) for item in ordered]}


def claimreview_text(items: Sequence[ReviewedClaim]) -> str:
    return to_json(claimreview_document(items))
