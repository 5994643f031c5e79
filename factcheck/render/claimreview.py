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
# A claim text opening with one of these needs the sentence before it to be understood.
DANGLING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "they", "he", "she", "we"})


@dataclass(frozen=True)
class ReviewedClaim:
    """A claim, its latest review and the document it appears in (a Document or DocumentInfo);
    `first` is the earliest published (claim, document) stating it: itself, or a claim that
    repeats or corroborates it."""

    claim: object
    review: object
    document: object
    first: tuple | None = None


@dataclass(frozen=True)
class Publication:
    """Who publishes the reviews and where: `url` holds "{id}", replaced by each claim's id."""

    url: str
    publisher: str | None = None


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
    """The article the claim appears in, with the quote as it stands there. Its name is the
    article's title; an article known only by its file name has none, rather than a file name."""
    work = {"@type": "CreativeWork"}
    if getattr(document, "title", None):
        work["name"] = work["headline"] = document.title
    if getattr(document, "url", None):
        work["url"] = document.url
    if getattr(document, "publisher", None):
        work["publisher"] = {"@type": "Organization", "name": document.publisher}
    if getattr(document, "published", None):
        work["datePublished"] = document.published
    work["text"] = claim.quote
    return work


def _balanced(text: str) -> bool:
    """Quotation marks open and close in pairs: 'It "alarmist and simply false.' does not."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def standalone_text(claim, document) -> str:
    """The claim as a sentence a reader understands alone: its restated text, or, when that is a
    fragment (unpaired quotation marks, or a pronoun with nothing to refer to), the sentence
    it stands in."""
    text = " ".join(claim.text.split())
    first = text.split(" ", 1)[0].lower() if text else ""
    if _balanced(text) and first not in DANGLING_PRONOUNS:
        return text
    context = getattr(claim, "context", None)
    body = getattr(document, "text", None)
    if context and body:
        return " ".join(body[context[0]:context[1]].split())
    return " ".join(claim.quote.split())


def claim_review(item: ReviewedClaim, publication: Publication) -> dict:
    claim, review, document = item.claim, item.review, item.document
    reviewed = {"@type": "Claim", "author": claim_author(claim, document),
                "appearance": appearance(claim, document)}
    first_claim, first_document = item.first or (claim, document)
    reviewed["firstAppearance"] = appearance(first_claim, first_document)
    if getattr(first_document, "published", None):
        reviewed["datePublished"] = first_document.published
    reviewer = {"@type": "Person", "name": review.by} if review.by else None
    author = {"@type": "Organization", "name": publication.publisher} if publication.publisher else reviewer
    node = {"@type": "ClaimReview", "identifier": claim.id, "url": publication.url.replace("{id}", claim.id),
            "claimReviewed": standalone_text(claim, document), "itemReviewed": reviewed,
            "datePublished": review.at[:10],
            "author": author or {"@type": "Organization", "name": "unknown reviewer"},
            "reviewRating": rating(review.verdict)}
    if reviewer and publication.publisher:
        node["editor"] = reviewer
    if review.note:
        node["reviewBody"] = review.note
    return node


def claimreview_document(items: Sequence[ReviewedClaim], publication: Publication) -> dict:
    """One JSON-LD document: the schema.org context and a ClaimReview per item, by claim id."""
    ordered = sorted(items, key=lambda item: item.claim.id)
    return {"@context": CONTEXT, "@graph": [claim_review(item, publication) for item in ordered]}


def claimreview_text(items: Sequence[ReviewedClaim], publication: Publication) -> str:
    """The JSON-LD text, safe inside an HTML <script> element: "</" written as "<\\/"."""
    return to_json(claimreview_document(items, publication)).replace("</", "<\\/")
