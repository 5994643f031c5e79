"""The fact-check report in Markdown: what a fact-checker briefs from or publishes.

Pure: `render_report(ReportData)` takes stored values and returns the text. Every quote carries a
footnote naming its document and character offsets, so a reader can find it and `verify` can
re-check it. Output depends only on the data given (no "generated on" dates), so the report
diffs cleanly and a golden file can pin it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.models import STATUSES

DISPUTES = ("denies", "contradicts")
PASSIVE = {"denies": "denied by", "contradicts": "contradicted by"}
# Admiralty (NATO AJP-2.1) credibility scale, the grades analysis assigns.
GRADE_NAMES = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful",
               5: "improbable", 6: "cannot be judged"}
NOT_ANALYSED = "not analysed"
AUTHOR_LABEL = "author of"
# Escaped everywhere inline text goes (never at a line's start): emphasis, code, links, HTML,
# table cells; "_" only where it could open or close emphasis, so "002_0017.txt" stays readable.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*\[\]<|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")


@dataclass(frozen=True)
class ReportData:
    """Everything a report is made from. `claims` are those in scope; `all_claims` (by id) lets
    relations name the claim at their other end even when it is out of scope."""

    claims: Sequence = ()
    all_claims: Mapping = field(default_factory=dict)
    relations: Sequence = ()
    assessments: Mapping = field(default_factory=dict)     # claim id -> Assessment
    verdicts: Mapping = field(default_factory=dict)        # claim id -> latest review verdict
    documents: Sequence = ()                               # DocumentInfo (or Document) values
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    title: str = "Fact-check report"


def inline(text: str) -> str:
    """Text safe inside a Markdown line or table cell: one line, specials escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))


def who(claim, documents: Mapping | None = None) -> str:
    """The claim's source; for the article's own voice, its author (or whose article it is)."""
    if claim.source != "author":
        return claim.source
    info = (documents or {}).get(claim.document)
    if info is not None and getattr(info, "author", None):
        return info.author
    return f"{AUTHOR_LABEL} {claim.document}"


class Footnotes:
    """Numbers quotes in order of first mention; a quote cited twice keeps its number."""

    def __init__(self, documents: Mapping) -> None:
        self.numbers: dict[str, int] = {}
        self.claims: list = []
        self.documents = documents

    def quote(self, claim) -> str:
        """The claim's quote in curly quotes, with its footnote reference."""
        if claim.id not in self.numbers:
            self.numbers[claim.id] = len(self.numbers) + 1
            self.claims.append(claim)
        return f"“{inline(claim.quote)}”[^{self.numbers[claim.id]}]"

    def definitions(self) -> list[str]:
        lines = []
        for claim in self.claims:
            info = self.documents.get(claim.document)
            title = f", “{inline(info.title)}”" if info is not None and info.title else ""
            lines.append(f"[^{self.numbers[claim.id]}]: {inline(claim.document)}{title}, characters "
                         f"{claim.start}-{claim.end} (paragraph {claim.paragraph + 1}, sentence "
                         f"{claim.sentence + 1}); claim {claim.id}.")
        return lines


@dataclass
class _Context:
    data: ReportData
    notes: Footnotes
    in_scope: dict                  # claim id -> claim
    disputes: list                  # relations of DISPUTES with an end in scope, the ends stored

    def claim(self, claim_id: str):
        return self.data.all_claims.get(claim_id) or self.in_scope.get(claim_id)

    def who(self, claim) -> str:
        return who(claim, self.notes.documents)


def _context(data: ReportData) -> _Context:
    in_scope = {claim.id: claim for claim in data.claims}
    known = {**data.all_claims, **in_scope}
    disputes = [r for r in data.relations if r.relation in DISPUTES
                and (r.source_id in in_scope or r.target_id in in_scope)
                and r.source_id in known and r.target_id in known]
    disputes.sort(key=lambda r: (_order(known[r.target_id]), _order(known[r.source_id]), r.relation))
    return _Context(data, Footnotes({info.name: info for info in data.documents}), in_scope, disputes)


def _order(claim) -> tuple:
    return (claim.document, claim.start, claim.end, claim.id)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def _scope(data: ReportData) -> str:
    parts = []
    if data.actor:
        parts.append(f"claims by or about {inline(data.actor)}")
    if data.since or data.until:
        parts.append("about events " + " ".join(
            bound for bound in (f"from {data.since}" if data.since else "",
                                f"until {data.until}" if data.until else "") if bound))
    return "Scope: " + ("; ".join(parts) if parts else "all stored claims") + "."


def _summary(ctx: _Context) -> list[str]:
    claims = ctx.data.claims
    statuses = Counter(claim.status for claim in claims)
    documents = {claim.document for claim in claims}
    sources = {claim.source for claim in claims}
    reviewed = sum(1 for claim in claims if claim.id in ctx.data.verdicts)
    figures = [len(documents), len(claims), len(sources), statuses["denied"], statuses["contested"],
               len(ctx.disputes), reviewed]
    return ["## Summary", "",
            *_table(["documents", "claims", "sources", "denied", "contested", "denials and contradictions",
                     "reviewed"], [figures]), ""]


def _disputers(ctx: _Context, claim) -> list[str]:
    """"denied by X “…”[^n]", "denies X “…”[^n]" for each dispute `claim` is an end of."""
    found = []
    for relation in ctx.disputes:
        if claim.id not in (relation.source_id, relation.target_id):
            continue
        outgoing = relation.source_id == claim.id
        other = ctx.claim(relation.target_id if outgoing else relation.source_id)
        # a contradiction runs both ways; a denial has a side
        verb = relation.relation if outgoing and relation.relation == "denies" else PASSIVE[relation.relation]
        found.append(f"{verb} **{inline(ctx.who(other))}**: {ctx.notes.quote(other)}")
    return found


def _verdict(ctx: _Context, claim) -> str:
    verdict = ctx.data.verdicts.get(claim.id)
    return f" Review verdict: **{verdict}**." if verdict else ""


def _findings(ctx: _Context) -> list[str]:
    lines = ["## Key findings", ""]
    rank = {"denied": 0, "contested": 1}
    disputed = sorted((c for c in ctx.data.claims if c.status in rank), key=lambda c: (rank[c.status], _order(c)))
    if not disputed:
        return lines + ["No claim in scope is denied or contested.", ""]
    for claim in disputed:
        quoted = ctx.notes.quote(claim)     # numbered before the quotes it is set against
        against = _disputers(ctx, claim)
        reasons = "; ".join(against) if against else "no stored claim behind the status"
        lines.append(f"- **{claim.status.capitalize()}**: **{inline(ctx.who(claim))}** "
                     f"({inline(claim.cue or 'states')}): {quoted}, {reasons}.{_verdict(ctx, claim)}")
    return lines + [""]


def _contradictions(ctx: _Context) -> list[str]:
    lines = ["## Denials and contradictions", ""]
    if not ctx.disputes:
        return lines + ["No claim in scope is denied or contradicted by another.", ""]
    for number, relation in enumerate(ctx.disputes, 1):
        first, second = ctx.claim(relation.source_id), ctx.claim(relation.target_id)
        lines += [f"### {number}. {inline(ctx.who(first))} {relation.relation} {inline(ctx.who(second))}", "",
                  f"- **{inline(ctx.who(first))}** ({inline(first.document)}): {ctx.notes.quote(first)}",
                  f"- **{inline(ctx.who(second))}** ({inline(second.document)}): {ctx.notes.quote(second)}",
                  f"- Reason: {inline(relation.reason)} (score {relation.score:.2f}, {relation.origin})", ""]
    return lines


def _by_actor(ctx: _Context) -> list[str]:
    lines = ["## Claims by actor", ""]
    groups: dict[str, list] = {}
    for claim in ctx.data.claims:
        groups.setdefault(ctx.who(claim), []).append(claim)
    if not groups:
        return lines + ["No claims in scope.", ""]
    for name in sorted(groups, key=lambda n: (-len(groups[n]), n.lower())):
        claims = groups[name]
        kind = claims[0].source_type
        lines += [f"### {inline(name)} ({kind}, {len(claims)} claim{'' if len(claims) == 1 else 's'})", ""]
        for claim in sorted(claims, key=_order):
            facts = [claim.status, claim.kind, claim.certainty] + ([claim.when] if claim.when else [])
            lines.append(f"- {ctx.notes.quote(claim)} ({', '.join(facts)}).{_verdict(ctx, claim)}")
        lines.append("")
    return lines


def _grade(assessment) -> str:
    if assessment is None:
        return NOT_ANALYSED
    return f"{assessment.grade} ({GRADE_NAMES.get(assessment.grade, 'unknown')})"


def _corroboration(ctx: _Context) -> list[str]:
    lines = ["## Corroboration", ""]
    claims = sorted(ctx.data.claims, key=_order)
    assessed = [c for c in claims if c.id in ctx.data.assessments]
    if not assessed:
        return lines + [f"Corroboration: {NOT_ANALYSED} (no scores or grades are stored for these claims).", ""]
    rows = []
    for claim in claims:
        assessment = ctx.data.assessments.get(claim.id)
        score = f"{assessment.score:.2f}" if assessment else NOT_ANALYSED
        why = inline(assessment.explanation) if assessment and assessment.explanation else ""
        rows.append([ctx.notes.quote(claim), claim.id, inline(ctx.who(claim)), claim.status, score,
                     _grade(assessment), why])
    return lines + _table(["claim", "id", "source", "status", "score", "grade", "why"], rows) + [""]


def _sources(ctx: _Context) -> list[str]:
    counts: dict[tuple[str, str], Counter] = {}
    documents: dict[str, set] = {}
    for claim in ctx.data.claims:
        counts.setdefault((ctx.who(claim), claim.source_type), Counter())[claim.status] += 1
        documents.setdefault(ctx.who(claim), set()).add(claim.document)
    order = sorted(counts, key=lambda key: (-sum(counts[key].values()), key[0].lower(), key[1]))
    rows = [[inline(name), kind, sum(counts[(name, kind)].values()),
             *(counts[(name, kind)][status] for status in STATUSES), len(documents[name])]
            for name, kind in order]
    return ["## Sources", "", *_table(["source", "type", "claims", *STATUSES, "documents"], rows), ""]


def _documents(ctx: _Context) -> list[str]:
    cited = {claim.document for claim in ctx.notes.claims} | {claim.document for claim in ctx.data.claims}
    rows = []
    for info in sorted(ctx.data.documents, key=lambda info: (info.name, info.path)):
        if info.name not in cited:
            continue
        published = (info.published or "unknown") + (" (inferred)" if info.published_inferred else "")
        rows.append([inline(info.name), inline(info.title or ""), inline(info.author or ""),
                     inline(info.publisher or ""), published, inline(info.url or "")])
    return ["## Documents", "", *_table(["document", "title", "author", "publisher", "published", "url"],
                                        rows), ""]


def _mermaid_label(name: str) -> str:
    # Mermaid reads a quoted label verbatim except for quotes, written as an entity code.
    return '"' + " ".join(name.split()).replace('"', "#quot;") + '"'


def _diagram(ctx: _Context) -> list[str]:
    lines = ["## Who denies or contradicts whom", ""]
    edges = Counter((ctx.who(ctx.claim(r.source_id)), r.relation, ctx.who(ctx.claim(r.target_id)))
                    for r in ctx.disputes)
    if not edges:
        return lines + ["No denials or contradictions in scope.", ""]
    names = sorted({edge[0] for edge in edges} | {edge[2] for edge in edges}, key=str.lower)
    rank = {name: number for number, name in enumerate(names, 1)}
    ids = {name: f"a{number}" for name, number in rank.items()}  # safe ids: labels carry the names
    lines += ["```mermaid", "graph LR"]
    lines += [f"  {ids[name]}[{_mermaid_label(name)}]" for name in names]
    for (first, relation, second), count in sorted(edges.items(),
                                                   key=lambda e: (rank[e[0][0]], e[0][1], rank[e[0][2]])):
        label = relation if count == 1 else f"{relation} x{count}"
        lines.append(f"  {ids[first]} -->|{label}| {ids[second]}")
    return lines + ["```", ""]


def _timeline(ctx: _Context) -> list[str]:
    lines = ["## Timeline", ""]
    dated = sorted((c for c in ctx.data.claims if c.when), key=lambda c: (c.when, _order(c)))
    if not dated:
        return lines + ["No claim in scope is dated.", ""]
    rows = [[claim.when, inline(ctx.who(claim)), ctx.notes.quote(claim), claim.status] for claim in dated]
    return lines + _table(["when", "source", "claim", "status"], rows) + [""]


def render_report(data: ReportData) -> str:
    """The whole report; footnotes last, numbered in order of first citation."""
    ctx = _context(data)
    lines = [f"# {inline(data.title)}", "", _scope(data), ""]
    for section in (_summary, _findings, _contradictions, _by_actor, _corroboration, _sources,
                    _diagram, _timeline, _documents):
        lines += section(ctx)
    if ctx.notes.claims:
        lines += ["## Quotes and where they stand", "", *ctx.notes.definitions(), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
