"""Rule names in words, and the views of `explain` and `show --trace`. Pure: values in, text out.

The pipeline records how it found each claim in `Claim.trace`: the attribution rule
("verb:say:speech:certain" = construction:cue lemma:cue type:cue certainty, or "author") and the
split rule ("split:clause-and"). Their words come from the rule registry, `factcheck/rules.py`.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from factcheck.render.claim import HIGHLIGHT, MARKERS, PASSIVE
from factcheck.render.layout import Column, Listing
from factcheck.render.records import claim_record
from factcheck.rules import ATTRIBUTION, RULES, SPLIT, SPLIT_PREFIX

# Attribution constructions and how a content span was cut into atomic parts, from the rule
# registry (factcheck/rules.py); "{cue}" is the cue as written.
CONSTRUCTIONS = {rule.id: rule.words for rule in RULES if rule.kind == ATTRIBUTION}
SPLITS = {rule.id.removeprefix(SPLIT_PREFIX): rule.words for rule in RULES if rule.kind == SPLIT}
# The cue's type, third field of the rule (lexicon/en/reporting_verbs.txt).
CUE_TYPES = {
    "speech": "reported speech",
    "thought": "reported thought or belief",
    "evidence": "evidence offered ('shows', 'indicates')",
    "denial": "a denial: the claim is the denial itself, kept whole",
    "attitude": "an attitude ('wants', 'agreed'): what is agreed or wanted stays the author's claim",
    "intention": "an intention ('plans', 'wants'): what is intended stays the author's claim",
    "stance": "a stance taken ('has since backed'): the clause, holder and all, is the holder's own claim",
}
# Why a sentence of each role yields no claim of its own (pipeline/segment.py); body says nothing.
ROLES = {
    "heading": "a heading or title: no claims",
    "question": "a question asserts nothing: only speech it reports is kept",
    "boilerplate": "page furniture (byline, author bio, comment form, counter, 'Read more', "
                   "discourse marker): no claims",
    "caption": "a photo caption: its own claims are the credited source's",
    "credit": "a photo credit: names the caption's source, no claims",
}
NO_CLAIM = "no claim: what no cue covers is too short or only an opener"
KINDS = {
    "fact": "fact: states what is or was",
    "assessment": "assessment: a judgement",
    "prediction": "prediction: future, conditional or capability",
}


def _rule_fields(rule: str) -> tuple[str, str | None, str | None, str | None]:
    """(construction, cue lemma, cue type, cue certainty); missing fields are None."""
    fields = rule.split(":")
    fields += [None] * (4 - len(fields))
    return fields[0], fields[1], fields[2], fields[3]


def attribution_words(rule: str, cue: str | None) -> str:
    """'verb: 'alleged' with its subject as speaker; reported speech' for a claim's attribution rule."""
    construction, lemma, cue_type, certainty = _rule_fields(rule)
    template = CONSTRUCTIONS.get(construction)
    if template is None:
        return f"rule {rule!r}"
    words = template.format(cue=repr(cue or lemma or "its cue"))
    if cue_type in CUE_TYPES:
        words += "; " + CUE_TYPES[cue_type]
    if certainty and certainty != "certain":
        words += f"; the cue itself makes it {certainty}"
    return words


def split_words(rule: str) -> str:
    name = rule.split(":", 1)[1] if rule.startswith("split:") else rule
    return SPLITS.get(name, f"rule {name!r}")


def source_words(claim, text: str | None) -> str:
    """Who asserts the claim, and the phrase the text names them by when it says it otherwise."""
    if claim.source == "author" and claim.source_type == "author":
        return "the article's author"
    words = f"{claim.source} ({claim.source_type})"
    if claim.source_span and text:
        phrase = text[claim.source_span[0]:claim.source_span[1]]
        if phrase != claim.source:
            words += f", named in the text as {phrase!r}"
    elif not claim.cue:
        words += ", the credit of the caption it stands in"
    return words


def certainty_words(claim) -> str:
    reasons = [f"hedged by {', '.join(repr(h) for h in claim.hedges)}"] if claim.hedges else []
    if claim.trace:
        cue_certainty = _rule_fields(claim.trace[0])[3]
        if cue_certainty and cue_certainty != "certain":
            reasons.append(f"its cue {claim.cue!r} is {cue_certainty}")
    if not reasons:
        return claim.certainty + (": no hedge" if claim.certainty == "certain" else "")
    return f"{claim.certainty}: " + "; ".join(reasons)


def polarity_words(claim) -> str:
    if claim.denial:
        return f"{claim.polarity}: it denies or rejects something"
    return claim.polarity + (": a negation stands in it" if claim.polarity == "negative" else "")


def claim_rules(claim, text: str | None = None) -> dict:
    """The rules behind a claim, as data: rule names with their words (for JSON)."""
    trace = claim.trace or ("author",)
    attribution = trace[0]
    split = next((step for step in trace[1:] if step.startswith("split:")), "split:head")
    return {
        "attribution": {"rule": attribution, "construction": _rule_fields(attribution)[0], "cue": claim.cue,
                        "explanation": attribution_words(attribution, claim.cue)},
        "split": {"rule": split.split(":", 1)[1], "explanation": split_words(split)},
        "source": source_words(claim, text),
        "kind": KINDS.get(claim.kind, claim.kind),
        "certainty": certainty_words(claim),
        "polarity": polarity_words(claim),
    }


def trace_rows(claim, text: str | None = None) -> list[tuple[str, str]]:
    """(label, words) rows of a claim's rules, for people."""
    rules = claim_rules(claim, text)
    return [("source", rules["source"]), ("found by", rules["attribution"]["explanation"]),
            ("cut", rules["split"]["explanation"]), ("kind", rules["kind"]),
            ("certainty", rules["certainty"]), ("polarity", rules["polarity"])]


def trace_view(claim, text: str | None = None) -> Group:
    """`show --trace`: the rules that found the claim, in words."""
    return Group(Text(""), Text("how it was found:", style="bold"), _grid(trace_rows(claim, text)))


def _grid(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return table


# ---------------------------------------------------------------- `explain FILE`

def sentence_note(sentence, claims) -> str | None:
    """Why a sentence yields no claim of its own; None for a body sentence that does."""
    if sentence.role in ROLES:
        return ROLES[sentence.role]
    return None if claims else NO_CLAIM


def highlighted(sentence, claims, marked: bool) -> Text:
    """The sentence with every claim's quote highlighted (and set off by « » when `marked`)."""
    spans = [(max(c.start, sentence.start) - sentence.start, min(c.end, sentence.end) - sentence.start)
             for c in claims]
    cuts = sorted({0, len(sentence.text), *(point for span in spans for point in span)})
    out = Text()
    for a, b in zip(cuts, cuts[1:]):
        if marked:
            out.append(MARKERS[0] * sum(1 for s, _ in spans if s == a))
        inside = any(s <= a and b <= e for s, e in spans)
        out.append(sentence.text[a:b], style=HIGHLIGHT if inside else "")
        if marked:
            out.append(MARKERS[1] * sum(1 for _, e in spans if e == b))
    return out


def _quantity(quantity) -> str:
    value = f"{quantity.value:,.0f}" if float(quantity.value).is_integer() else f"{quantity.value:,}"
    stated = " ".join(part for part in (quantity.qualifier, value, quantity.unit) if part)
    return quantity.text if stated == quantity.text else f"{quantity.text} ({stated})"


def _relation_line(related) -> str:
    relation, other = related.relation, related.other
    verb = relation.relation if related.outgoing else PASSIVE.get(relation.relation, relation.relation)
    other_id = relation.target_id if related.outgoing else relation.source_id
    who = f"{other.source}: {other.quote!r} ({other.document})" if other else "(claim no longer stored)"
    return f"{verb} {other_id} {who}; {relation.reason} [{relation.origin}]"


def status_rows(claim, explanation) -> list[tuple[str, str]]:
    """The claim's stored status with the assessment and relations behind it, or why there is none."""
    if not explanation.stored:
        return [("status", "decided only after ingest")]
    standing = explanation.standings.get(claim.id)
    if standing is None:
        return [("status", "not stored: the database holds an earlier extraction of this file; ingest it again")]
    status = standing.status
    if standing.assessment is not None:
        status += (f"; score {standing.assessment.score:.2f}, grade {standing.assessment.grade}: "
                   f"{standing.assessment.explanation}")
    return [("status", status)] + [("", _relation_line(related)) for related in standing.relations]


def claim_rows(claim, explanation) -> list[tuple[str, str]]:
    rows = [("quote", claim.quote)] + trace_rows(claim, explanation.document.text)
    rows += [("actors", ", ".join(claim.actors) or "none"), ("when", claim.when or "not dated")]
    if claim.numbers:
        rows.append(("numbers", "; ".join(_quantity(q) for q in claim.numbers)))
    return rows + status_rows(claim, explanation)


def _header(explanation) -> list[Text]:
    document = explanation.document
    published = (document.published or "unknown") + (" (inferred from the dates and events in the text)"
                                                      if document.published_inferred else "")
    claims = len(explanation.extraction.claims)
    lines = [Text(f"{document.name}  sha256 {document.sha256[:12]}  published {published}", style="bold"),
             Text(f"{len(explanation.extraction.sentences)} sentences, {claims} claims")]
    note = explanation.status_note()
    lines.append(Text(note if note else f"status from {explanation.db}"))
    return lines


def _indented(renderable, columns: int):
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, columns), expand=False)   # no trailing blanks to the full width


def explanation_view(explanation, marked: bool = True) -> Group:
    """`explain`'s text view: each sentence with its role, then each claim with the rules behind it."""
    parts: list = _header(explanation)
    for sentence, claims in explanation.sentences():
        parts += [Text(""), Text(f"sentence {sentence.index + 1} · {sentence.role} · paragraph "
                                 f"{sentence.paragraph + 1} · characters {sentence.start}-{sentence.end}",
                                 style="bold"),
                  _indented(highlighted(sentence, claims, marked), 2)]
        note = sentence_note(sentence, claims)
        if note:
            parts.append(_indented(Text(note, style="italic"), 2))
        for claim in claims:
            parts += [_indented(Text(f"claim {claim.id}", style="bold"), 2),
                      _indented(_grid(claim_rows(claim, explanation)), 4)]
    return Group(*parts)


def _claim_json(claim, explanation) -> dict:
    standing = explanation.standings.get(claim.id)
    assessment = standing.assessment if standing else None
    record = claim_record(claim, assessment.score if assessment else None, assessment.grade if assessment else None)
    record.update({
        "status": standing.status if standing else None, "stored": standing is not None,
        "hedges": list(claim.hedges), "denial": claim.denial, "trace": list(claim.trace),
        "explanation": assessment.explanation if assessment else None,
        "relations": [{"relation": r.relation.relation, "direction": "out" if r.outgoing else "in",
                       "other": r.relation.target_id if r.outgoing else r.relation.source_id,
                       "reason": r.relation.reason, "origin": r.relation.origin}
                      for r in (standing.relations if standing else ())],
        "rules": claim_rules(claim, explanation.document.text),
    })
    return record


def explanation_record(explanation) -> dict:
    """`explain --format json`: the document, where statuses came from, and every sentence with its claims."""
    document = explanation.document
    return {
        "document": {"name": document.name, "path": document.path, "sha256": document.sha256,
                     "title": document.title, "author": document.author, "publisher": document.publisher,
                     "url": document.url, "published": document.published,
                     "published_inferred": document.published_inferred, "warnings": list(document.warnings)},
        "database": {"path": str(explanation.db) if explanation.db else None, "stored": explanation.stored,
                     "note": explanation.status_note()},
        "sentences": [{"index": sentence.index, "paragraph": sentence.paragraph, "start": sentence.start,
                       "end": sentence.end, "role": sentence.role, "text": sentence.text,
                       "note": sentence_note(sentence, claims),
                       "claims": [_claim_json(claim, explanation) for claim in claims]}
                      for sentence, claims in explanation.sentences()],
    }


def rules_listing(rules) -> Listing:
    """`factcheck rules`: each registered rule with its stage module, lexicon files and example."""
    columns = (Column("rule"), Column("stage", drop=2), Column("lexicons", text=True, drop=1, min_width=16),
               Column("meaning", text=True), Column("example", text=True, drop=3))
    records = [{"rule": r.id, "kind": r.kind, "stage": r.stage, "lexicons": list(r.lexicons),
                "meaning": r.words.replace("{cue}", "the cue"), "example": r.example} for r in rules]
    rows = [(rec["rule"], rec["stage"], " ".join(rec["lexicons"]), rec["meaning"], rec["example"]) for rec in records]
    return Listing(columns, rows, records, noun="rule",
                   csv_fields=("rule", "kind", "stage", "lexicons", "meaning", "example"))
