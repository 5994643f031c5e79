"""One claim in full, for `show`: in its sentence, with its provenance and what stands behind its status."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from factcheck.render.records import claim_record

HIGHLIGHT = "bold reverse"
PASSIVE = {"denies": "denied by", "contradicts": "contradicted by",
           "corroborates": "corroborated by", "repeats": "repeated by"}
MARKERS = ("«", "»")  # set the claim off in its sentence when the output has no styles (pipes, NO_COLOR)


def claim_in_sentence(detail, marked: bool) -> Text:
    """The sentence the claim stands in, the claim highlighted (and `marked` with « »)."""
    text = detail.document.text
    start, end = detail.context
    start, end = min(start, detail.claim.start), max(end, detail.claim.end)
    before = text[start:detail.claim.start]
    after = text[detail.claim.end:end]
    sentence = Text(before)
    if marked:
        sentence.append(MARKERS[0])
    sentence.append(detail.claim.quote, style=HIGHLIGHT)
    if marked:
        sentence.append(MARKERS[1])
    sentence.append(after)
    return sentence


def _span(span) -> str:
    return "" if span is None else f" at {span[0]}-{span[1]}"


def _fields(detail) -> list[tuple[str, str]]:
    claim = detail.claim
    attribution = claim.source + f" ({claim.source_type})" + _span(claim.source_span)
    if claim.cue:
        attribution += f", cue {claim.cue!r}{_span(claim.cue_span)}"
    if claim.relay:
        attribution += f", relayed by {claim.relay}"
    stance = f"{claim.kind}, {claim.certainty}, {claim.polarity}"
    if claim.hedges:
        stance += f" (hedged by: {', '.join(claim.hedges)})"
    document = detail.document
    where = (f"{document.name}, characters {claim.start}-{claim.end}, "
             f"paragraph {claim.paragraph + 1}, sentence {claim.sentence + 1}")
    fields = [("claim", claim.text), ("document", where), ("published", _published(document)),
              ("attribution", attribution), ("stated as", stance), ("status", claim.status)]
    if detail.assessment is not None:
        fields.append(("score", f"{detail.assessment.score:.2f} corroboration, grade {detail.assessment.grade}"))
        fields.append(("why", detail.assessment.explanation))
    fields += [("actors", ", ".join(claim.actors) or "none"), ("when", claim.when or "not dated")]
    if claim.numbers:
        fields.append(("numbers", "; ".join(q.text for q in claim.numbers)))
    if claim.trace:
        fields.append(("trace", " > ".join(claim.trace)))
    return fields


def _published(document) -> str:
    if not document.published:
        return "unknown"
    inferred = " (inferred from the dates and events in the text)" if document.published_inferred else ""
    return document.published + inferred


def relations_grid(detail) -> Table:
    """One row per relation: what it is, the claim at its other end, and why it was made."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for related in detail.relations:
        relation, other = related.relation, related.other
        verb = relation.relation if related.outgoing else PASSIVE.get(relation.relation, relation.relation)
        other_id = relation.target_id if related.outgoing else relation.source_id
        who = f"{other.source}: \"{other.quote}\" ({other.document})" if other else "(claim no longer stored)"
        grid.add_row(verb, other_id, f"{who}\n{relation.reason} [{relation.origin}]")
    return grid


def claim_detail(detail, marked: bool = True) -> Group:
    """`show`'s text view."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for name, value in _fields(detail):
        table.add_row(name, value)
    parts = [Text(f"claim {detail.claim.id}", style="bold"), claim_in_sentence(detail, marked), Text(""), table]
    if detail.relations:
        parts += [Text(""), Text("relations behind the status:", style="bold"), relations_grid(detail)]
    for review in detail.reviews:
        parts.append(Text(f"review {review.at}: {review.verdict}" + (f" by {review.by}" if review.by else "")
                          + (f": {review.note}" if review.note else "")))
    return Group(*parts)


def claim_detail_record(detail) -> dict:
    """`show --format json`: the export record plus the sentence, document, relations and reviews."""
    assessment = detail.assessment
    record = claim_record(detail.claim, assessment.score if assessment else None,
                          assessment.grade if assessment else None,
                          detail.reviews[-1].verdict if detail.reviews else None)
    start, end = detail.context
    document = detail.document
    record.update({
        "context": detail.document.text[start:end], "context_span": [start, end],
        "hedges": list(detail.claim.hedges), "denial": detail.claim.denial, "trace": list(detail.claim.trace),
        "explanation": assessment.explanation if assessment else None,
        "published": document.published, "published_inferred": document.published_inferred,
        "path": document.path, "title": document.title,
        "relations": [{"relation": r.relation.relation, "direction": "out" if r.outgoing else "in",
                       "other": r.relation.target_id if r.outgoing else r.relation.source_id,
                       "other_source": r.other.source if r.other else None,
                       "other_quote": r.other.quote if r.other else None,
                       "reason": r.relation.reason, "origin": r.relation.origin} for r in detail.relations],
        "reviews": [{"verdict": r.verdict, "note": r.note, "by": r.by, "at": r.at} for r in detail.reviews],
    })
    return record
