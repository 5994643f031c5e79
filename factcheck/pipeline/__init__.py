"""The extraction pipeline: Document -> sentences -> attributions -> claims with actors, dates, numbers.

Each stage is a package or module of its own; `STAGES` lists them in the order they are built on,
and a stage imports only the stages before it (tests/test_architecture.py holds it to that).
`names` and `dates` come before `document` because they are looked up from there on: a text
without a date is dated by the events it names, a speaker is checked against the gazetteer, and a
claim's source, actors, date and numbers are all read with them. `claims` comes last: it walks
the document's sentences and composes every stage before it into each claim.
"""

from __future__ import annotations

from factcheck.models import Document, Extraction

STAGES = (
    "words",        # tokens, closed-class words, verb forms: what every stage may use
    "dates",        # dates written in a text, read relative to the publication date
    "names",        # actors, roles, sources, offices, and what a sentence's words refer to
    "document",     # path + metadata -> Document: decode, front matter, HTML, published date
    "segment",      # paragraphs and sentences with character offsets; headings, page furniture
    "attribution",  # sentence -> attributions: cues, subjects, speakers, content, quotes, frames
    "when",         # the date a claim holds
    "numbers",      # the quantities a claim states
    "claims",       # attributions -> atomic claims with source, labels, actors, date and numbers
)


def extract(document: Document, aliases: dict[str, str] | None = None) -> Extraction:
    """Every claim in `document`, with provenance, attribution, certainty, actors and dates.

    The document was read by the `document` stage; here it is segmented into sentences, and the
    `claims` stage finds each sentence's attributions, cuts them into claims and reads each
    claim's source, names, date and numbers. `aliases` maps extra alias -> canonical actor name
    (users' own aliases from the database).
    """
    from factcheck.pipeline.claims.build import build_claims, overlong_warnings
    from factcheck.pipeline.segment import split_sentences

    sentences = split_sentences(document.text, document.title)
    claims = build_claims(document, sentences, aliases or {})
    return Extraction(document=document, sentences=tuple(sentences), claims=tuple(claims),
                      warnings=document.warnings + tuple(overlong_warnings(document, sentences)))
