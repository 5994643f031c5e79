"""The fact-check report in Markdown: what a fact-checker briefs from or publishes.

Pure: `render_report(ReportData)` takes stored values and returns the text. Every quote carries a
footnote naming its document and character offsets, so a reader can find it and `verify` can
re-check it. Output depends only on the data given (no "generated on" dates), so the report
diffs cleanly and a golden file can pin it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.analysis.grade import GRADE_NAMES
from factcheck.models import STATUSES
from factcheck.render.report_data import Footnotes, ReportData, ScopeTotals, inline, totals_of, who  # noqa: F401
from factcheck.render.text import plural

DISPUTES = ("denies", "contradicts")
NOT_ANALYSED = "not analysed"
# The briefing's lengths: enough to brief from; `--full` lists everything.
FINDINGS_SHOWN = 5          # sources whose claims are most disputed
CORROBORATED_SHOWN = 8      # claims backed by the most independent sources
DENIED_SHOWN = 8            # denied claims, those denied by the most sources first
DENIERS_SHOWN = 3           # deniers shown under each denied claim
EDGES_SHOWN = 20            # edges of the who-disputes-whom diagram, the heaviest first
CONTESTED_SHOWN = 8         # contradictions, those found directly before those carried over a proposition
SOURCES_SHOWN = 12          # sources with the most claims
CONFLICT_WORDS = {"numeric": "gives other figures", "date": "gives another date",
                  "polarity": "says the opposite", "stance": "characterises it otherwise",
                  "responsibility": "names another party as responsible",
                  "counter-assertion": "asserts the contrary", "denies": "denies it"}
_RULE_DETAIL = re.compile(r"\s*Why: .*?(?=\s*Corroboration \d|$)", re.DOTALL)


@dataclass
class _Context:
    data: ReportData
    notes: Footnotes
    in_scope: dict                  # claim id -> claim
    disputes: list                  # relations of DISPUTES with an end in scope, the ends stored
    totals: ScopeTotals
    disputes_of: dict = field(default_factory=dict)        # claim id -> its disputes, in order
    corroborations_of: dict = field(default_factory=dict)  # claim id -> its corroborates relations

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
    totals = data.totals or totals_of(data.claims, data.verdicts)
    corroborations = [r for r in data.relations if r.relation == "corroborates"]
    return _Context(data, Footnotes({info.name: info for info in data.documents}), in_scope, disputes, totals,
                    _by_claim(disputes), _by_claim(corroborations))


def _by_claim(relations) -> dict[str, list]:
    """Each claim's relations among `relations`, in their order: what a scan of them all for
    that claim would find, looked up at once."""
    found: dict[str, list] = {}
    for relation in relations:
        for end in dict.fromkeys((relation.source_id, relation.target_id)):
            found.setdefault(end, []).append(relation)
    return found


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
    groups = ctx.totals.groups
    statuses = Counter()
    for _, _, status, _, count in groups:
        statuses[status] += count
    # a claim that only denies others is a denial, not a contested claim
    deniers = {r.source_id for r in ctx.disputes if r.relation == "denies"}
    disputed = {r.target_id for r in ctx.disputes} | {r.source_id for r in ctx.disputes if r.relation == "contradicts"}
    statuses["contested"] -= sum(1 for c in ctx.data.claims if c.status == "contested" and c.id in deniers - disputed)
    documents = {group[3] for group in groups}
    sources = {group[0] for group in groups}
    figures = [len(documents), sum(group[4] for group in groups), len(sources), statuses["denied"],
               statuses["contested"], len(ctx.disputes), len(ctx.totals.reviewed)]
    return ["## Summary", "",
            *_table(["documents", "claims", "sources", "denied", "contested", "denials and contradictions",
                     "reviewed"], [figures]), ""]


def _others(ctx: _Context, claim, relation_names, incoming: bool) -> list:
    """The claims at the other end of `claim`'s disputes of the given kinds: those pointing at it
    (`incoming`) or those it points at."""
    found = []
    for relation in ctx.disputes_of.get(claim.id, ()):
        if relation.relation not in relation_names:
            continue
        if incoming and relation.target_id == claim.id:
            found.append((relation, ctx.claim(relation.source_id)))
        elif not incoming and relation.source_id == claim.id:
            found.append((relation, ctx.claim(relation.target_id)))
        elif relation.relation == "contradicts" and relation.source_id == claim.id:
            found.append((relation, ctx.claim(relation.target_id)))   # a contradiction runs both ways
    return found


def _verdict(ctx: _Context, claim, after_quote: bool = False) -> str:
    """" Review verdict: **v**." when the claim is reviewed; `after_quote` ends the sentence first."""
    verdict = ctx.data.verdicts.get(claim.id)
    return f"{'.' if after_quote else ''} Review verdict: **{verdict}**." if verdict else ""


def _stated(ctx: _Context, claim) -> str:
    """"**Who** (cue): “quote”[^n]"."""
    cue = f" ({inline(claim.cue)})" if claim.cue and any(ch.isalpha() for ch in claim.cue) else ""
    return f"**{inline(ctx.who(claim))}**{cue}: {ctx.notes.quote(claim)}"


def _conflict(relation) -> str:
    """How a contradiction opposes a claim, in words (its reason may hold word stems)."""
    from factcheck.models import contradiction_type

    kind = contradiction_type(relation)
    if kind == "manual":
        return f"contradicts it (noted by the user: {inline(relation.reason)})"
    return CONFLICT_WORDS.get(kind, "contradicts it")


def _denied(ctx: _Context, limit: int | None) -> list[str]:
    """Each denied claim, who states it, who denies it and in what words; in a briefing those
    denied by the most sources first, a few deniers each."""
    lines = ["## Denied claims", ""]
    denied = [(c, _others(ctx, c, ("denies",), incoming=True)) for c in sorted(ctx.data.claims, key=_order)]
    denied = [(c, others) for c, others in denied if others]
    if not denied:
        return lines + ["No claim in scope is denied.", ""]
    if limit is not None:
        denied.sort(key=lambda pair: (-len({ctx.who(o) for _, o in pair[1]}), _order(pair[0])))
    for claim, others in denied[:limit]:
        lines.append(f"- {_stated(ctx, claim)}{_verdict(ctx, claim, after_quote=True)}")
        shown = others if limit is None else others[:DENIERS_SHOWN]
        for _, other in shown:
            lines.append(f"  - denied by {_stated(ctx, other)}")
        if len(shown) < len(others):
            lines.append(f"  - … and {plural(len(others) - len(shown), 'more denial')}")
    if limit is not None and len(denied) > limit:
        lines.append(f"- … and {plural(len(denied) - limit, 'more denied claim')} (see `factcheck report --full`).")
    return lines + [""]


def _contested(ctx: _Context, limit: int | None) -> list[str]:
    """Each claim another contradicts, with the contradicting claim and how it differs; in a
    briefing the contradictions found directly first, then those carried over a proposition."""
    lines = ["## Contested claims", ""]
    pairs = [r for r in ctx.disputes if r.relation == "contradicts"]
    if not pairs:
        return lines + ["No claim in scope is contradicted by another.", ""]
    if limit is not None:
        pairs.sort(key=lambda r: "carried over" in r.reason)
    for number, relation in enumerate(pairs[:limit], 1):
        first, second = ctx.claim(relation.target_id), ctx.claim(relation.source_id)
        lines += [f"{number}. {_stated(ctx, first)}{_verdict(ctx, first, after_quote=True)}",
                  f"   - {_conflict(relation)}: {_stated(ctx, second)}"]
    if limit is not None and len(pairs) > limit:
        lines.append(f"- … and {plural(len(pairs) - limit, 'more contradiction')} (see `factcheck report --full`).")
    return lines + [""]


def _independent_backers(ctx: _Context, claim) -> list:
    """Claims corroborating `claim` from other sources than its own, one per source."""
    backers = {}
    for relation in ctx.corroborations_of.get(claim.id, ()):
        other = ctx.claim(relation.target_id if relation.source_id == claim.id else relation.source_id)
        if other is not None and ctx.who(other) != ctx.who(claim):
            backers.setdefault(ctx.who(other), other)
    return [backers[name] for name in sorted(backers, key=str.lower)]


def _corroborated(ctx: _Context, limit: int | None) -> list[str]:
    lines = ["## Corroboration by independent sources", ""]
    ranked = sorted(((claim, _independent_backers(ctx, claim)) for claim in ctx.data.claims),
                    key=lambda pair: (-len(pair[1]), _order(pair[0])))
    shown: list = []
    listed: set[str] = set()
    for claim, backers in [pair for pair in ranked if pair[1]]:   # "A backed by B" is "B backed by A"
        if claim.id not in listed:
            listed |= {claim.id, *(backer.id for backer in backers)}
            shown.append((claim, backers))
    ranked = shown
    if not ranked:
        return lines + ["No claim in scope is backed by another source.", ""]
    for claim, backers in ranked[:limit]:
        names = ", ".join(f"**{inline(ctx.who(b))}**{ctx.notes.cite(b)}" for b in backers)
        lines.append(f"- {_stated(ctx, claim)}: backed by {plural(len(backers), 'independent source')}: "
                     f"{names}.{_verdict(ctx, claim)}")
    if limit is not None and len(ranked) > limit:
        lines.append(f"- … and {plural(len(ranked) - limit, 'more claim')} (see `factcheck report --full`).")
    return lines + [""]


def _findings(ctx: _Context) -> list[str]:
    """The headline: whose claims are denied or contested, by whom; the best-backed claim; reviews."""
    lines = ["## Key findings", ""]
    disputed: dict[str, set] = {}
    disputers: dict[str, set] = {}
    for relation in ctx.disputes:
        target, source = ctx.claim(relation.target_id), ctx.claim(relation.source_id)
        if target.id in ctx.in_scope:
            disputed.setdefault(ctx.who(target), set()).add(target.id)
            disputers.setdefault(ctx.who(target), set()).add(ctx.who(source))
    for name in sorted(disputed, key=lambda n: (-len(disputed[n]), n.lower()))[:FINDINGS_SHOWN]:
        by = sorted(disputers[name], key=str.lower)
        lines.append(f"- **{inline(name)}**: {plural(len(disputed[name]), 'claim')} denied or contradicted, "
                     f"by {_names(by)}.")
    backed = sorted(((c, _independent_backers(ctx, c)) for c in ctx.data.claims),
                    key=lambda pair: (-len(pair[1]), _order(pair[0])))
    if backed and backed[0][1]:
        claim, backers = backed[0]
        lines.append(f"- Best backed: {ctx.notes.quote(claim)} by **{inline(ctx.who(claim))}**, "
                     f"with {plural(len(backers), 'independent source')}.")
    reviewed = ctx.totals.reviewed
    if reviewed:
        verdicts = Counter(reviewed.values())
        lines.append(f"- Reviewed: {plural(len(reviewed), 'claim')} ("
                     + ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items())) + ").")
    if len(lines) == 2:
        lines.append("- No claim in scope is denied, contradicted or backed by another source.")
    return lines + [""]


def _names(names: Sequence[str]) -> str:
    shown = [f"**{inline(name)}**" for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _by_source(ctx: _Context) -> list[str]:
    lines = ["## Claims by source", ""]
    groups: dict[str, list] = {}
    for claim in ctx.data.claims:
        groups.setdefault(ctx.who(claim), []).append(claim)
    if not groups:
        return lines + ["No claims in scope.", ""]
    for name in sorted(groups, key=lambda n: (-len(groups[n]), n.lower())):
        claims = groups[name]
        lines += [f"### {inline(name)} ({claims[0].source_type}, {plural(len(claims), 'claim')})", ""]
        for claim in sorted(claims, key=_order):
            facts = [claim.status, claim.kind, claim.certainty] + ([claim.when] if claim.when else [])
            lines.append(f"- {ctx.notes.quote(claim)} ({', '.join(facts)}).{_verdict(ctx, claim)}")
        lines.append("")
    return lines


@dataclass(frozen=True)
class _Said:
    """What `who` reads of a claim."""

    source: str
    document: str


def _grade(assessment) -> str:
    if assessment is None:
        return NOT_ANALYSED
    return f"{assessment.grade} ({GRADE_NAMES.get(assessment.grade, 'unknown')})"


def readable_explanation(explanation: str) -> str:
    """An assessment's explanation without its "Why: ..." part, which quotes the analysis's
    matching rules (word stems, weights, quotes cut short) rather than words for readers."""
    return _RULE_DETAIL.sub("", explanation).strip()


def _corroboration_table(ctx: _Context) -> list[str]:
    lines = ["## Corroboration and grades of every claim", ""]
    claims = sorted(ctx.data.claims, key=_order)
    if not any(c.id in ctx.data.assessments for c in claims):
        return lines + [f"Corroboration: {NOT_ANALYSED} (no scores or grades are stored for these claims).", ""]
    rows = []
    for claim in claims:
        assessment = ctx.data.assessments.get(claim.id)
        score = f"{assessment.score:.2f}" if assessment else NOT_ANALYSED
        why = inline(readable_explanation(assessment.explanation)) if assessment and assessment.explanation else ""
        rows.append([ctx.notes.quote(claim), claim.id, inline(ctx.who(claim)), claim.status, score,
                     _grade(assessment), why])
    return lines + _table(["claim", "id", "source", "status", "score", "grade", "why"], rows) + [""]


def _sources(ctx: _Context, limit: int | None) -> list[str]:
    counts: dict[tuple[str, str], Counter] = {}
    documents: dict[str, set] = {}
    for source, source_type, status, document, count in ctx.totals.groups:
        name = who(_Said(source, document), ctx.notes.documents)
        counts.setdefault((name, source_type), Counter())[status] += count
        documents.setdefault(name, set()).add(document)
    order = sorted(counts, key=lambda key: (-sum(counts[key].values()), key[0].lower(), key[1]))
    rows = [[inline(name), kind, sum(counts[(name, kind)].values()),
             *(counts[(name, kind)][status] for status in STATUSES), len(documents[name])]
            for name, kind in order[:limit]]
    lines = ["## Sources", "", *_table(["source", "type", "claims", *STATUSES, "documents"], rows), ""]
    if limit is not None and len(order) > limit:
        lines += [f"… and {plural(len(order) - limit, 'more source')} (see `factcheck report --full`).", ""]
    return lines


def _documents(ctx: _Context) -> list[str]:
    cited = {claim.document for claim in ctx.notes.claims} | {group[3] for group in ctx.totals.groups}
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


def _diagram(ctx: _Context, limit: int | None) -> list[str]:
    """Who denies or contradicts whom, as a Mermaid graph; in a briefing the heaviest edges only."""
    lines = ["## Who denies or contradicts whom", ""]
    edges = Counter((ctx.who(ctx.claim(r.source_id)), r.relation, ctx.who(ctx.claim(r.target_id)))
                    for r in ctx.disputes)
    if not edges:
        return lines + ["No denials or contradictions in scope.", ""]
    kept = dict(sorted(edges.items(), key=lambda e: (-e[1], e[0]))[:limit])
    names = sorted({edge[0] for edge in kept} | {edge[2] for edge in kept}, key=str.lower)
    rank = {name: number for number, name in enumerate(names, 1)}
    ids = {name: f"a{number}" for name, number in rank.items()}  # safe ids: labels carry the names
    lines += ["```mermaid", "graph LR"]
    lines += [f"  {ids[name]}[{_mermaid_label(name)}]" for name in names]
    for (first, relation, second), count in sorted(kept.items(),
                                                   key=lambda e: (rank[e[0][0]], e[0][1], rank[e[0][2]])):
        label = relation if count == 1 else f"{relation} x{count}"
        lines.append(f"  {ids[first]} -->|{label}| {ids[second]}")
    lines += ["```", ""]
    if len(kept) < len(edges):
        lines += [f"The {plural(len(kept), 'heaviest edge')} of {len(edges)}; `factcheck report --full` draws all.", ""]
    return lines


def _timeline(ctx: _Context, claims=None) -> list[str]:
    """Dated claims in order of the events they are about: `claims`, or those the report cites."""
    lines = ["## Timeline", ""]
    pool = ctx.data.claims if claims is None else claims
    dated = sorted({c.id: c for c in pool if c.when}.values(), key=lambda c: (c.when, _order(c)))
    if not dated:
        return lines + ["No claim in scope is dated." if claims is None else "No claim cited above is dated.", ""]
    rows = [[claim.when, inline(ctx.who(claim)), ctx.notes.quote(claim), claim.status] for claim in dated]
    return lines + _table(["when", "source", "claim", "status"], rows) + [""]


def render_report(data: ReportData, full: bool = False) -> str:
    """The whole report: a briefing (findings, denials, contradictions, corroboration, sources,
    timeline of the claims cited); `full` adds every claim by source with its grade and the whole
    timeline. Footnotes last, numbered in order of first citation."""
    ctx = _context(data)
    lines = [f"# {inline(data.title)}", "", _scope(data), ""]
    lines += _summary(ctx) + _findings(ctx) + _denied(ctx, None if full else DENIED_SHOWN)
    lines += _contested(ctx, None if full else CONTESTED_SHOWN)
    lines += _corroborated(ctx, None if full else CORROBORATED_SHOWN)
    if full:
        lines += _by_source(ctx) + _corroboration_table(ctx)
    lines += _sources(ctx, None if full else SOURCES_SHOWN) + _diagram(ctx, None if full else EDGES_SHOWN)
    lines += _timeline(ctx, None if full else list(ctx.notes.claims))
    lines += _documents(ctx)
    if ctx.notes.claims:
        lines += ["## Sources of the quotes", "", *ctx.notes.definitions(), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
