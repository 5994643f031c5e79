"""`check`: the answer to one claim, as text for people and as a record for programs.

Every line can be cited: claim id, document, character offsets, outlet, date and the quote.
"""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from factcheck.render.trace import terminal_safe

STANCE_NAMES = {"states": "states it", "denies": "denies it", "contradicts": "contradicts it",
                "reports": "reports it", "related": "related"}


def _query_line(result) -> str:
    q = result.query
    parts = [f"claim: \"{terminal_safe(q.quote)}\""]
    if q.source and q.source != "author":
        parts.append(f"by {terminal_safe(q.source)}")
    if q.when:
        parts.append(f"({q.when})")
    return " ".join(parts)


def _where(entry) -> str:
    a = entry.appearance
    return f"{a.publisher or a.document}, {a.published or entry.claim.when or 'undated'}\n" \
           f"{a.document} {entry.claim.start}-{entry.claim.end}"


def _origins_line(p) -> str:
    parts = []
    for o in p.origins:
        relayed = f", relayed by {', '.join(o.relayed_by)}" if o.relayed_by else ""
        parts.append(f"{o.name} ({o.claims} claim{'s' if o.claims != 1 else ''}{relayed})")
    return "origins: " + "; ".join(parts) if parts else "origins: none"


def _appearances(p) -> str:
    if p.first is None:
        return ""
    line = f"first: {p.first.origin}, {_where(p.first).splitlines()[0]} ({p.first.claim.id})"
    if p.latest is not None and p.latest is not p.first:
        line += f"; latest: {p.latest.origin}, {_where(p.latest).splitlines()[0]} ({p.latest.claim.id})"
    return line


def _table(p) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("stance", no_wrap=True)
    table.add_column("origin", overflow="fold", ratio=1)
    table.add_column("where", overflow="fold", ratio=1)
    table.add_column("id", no_wrap=True)
    table.add_column("quote", overflow="fold", ratio=2)
    for e in p.claims:
        quote = f"\"{terminal_safe(e.claim.quote)}\"\n  why: {terminal_safe(e.reason)}"
        table.add_row(STANCE_NAMES.get(e.stance, e.stance), terminal_safe(e.origin), terminal_safe(_where(e)),
                      e.claim.id, quote)
    return table


def check_view(result) -> Group:
    """The claim as read, the one-line answer, then each matching proposition best first."""
    parts = [Text(_query_line(result), style="bold"), Text(terminal_safe(result.summary)), Text("")]
    for n, p in enumerate(result.propositions, 1):
        parts += [Text(f"{n}. {STANCE_NAMES.get(p.stance, p.stance)}: {terminal_safe(p.summary)}", style="bold"),
                  Text(terminal_safe(_origins_line(p)))]
        if _appearances(p):
            parts.append(Text(terminal_safe(_appearances(p))))
        parts += [_table(p), Text("")]
    return Group(*parts)


def _entry_record(e) -> dict:
    c, a = e.claim, e.appearance
    return {"stance": e.stance, "reason": e.reason, "id": c.id, "origin": e.origin, "source": c.source,
            "cue": c.cue, "document": c.document, "start": c.start, "end": c.end, "quote": c.quote,
            "when": c.when, "outlet": a.publisher, "published": a.published, "title": a.title, "url": a.url,
            "similarity": round(e.similarity, 3)}


def _point(e) -> dict | None:
    if e is None:
        return None
    return {"id": e.claim.id, "origin": e.origin, "document": e.claim.document, "outlet": e.appearance.publisher,
            "published": e.appearance.published, "when": e.claim.when}


def check_record(result) -> dict:
    """`check --format json`: the claim as read, the summary, and each proposition with its
    origins, first and latest appearance and claims."""
    q = result.query
    return {
        "query": {"text": q.quote, "source": q.source, "source_type": q.source_type, "when": q.when,
                  "polarity": q.polarity, "certainty": q.certainty, "actors": list(q.actors),
                  "numbers": [n.text for n in q.numbers]},
        "matched": result.matched, "summary": result.summary, "saved": result.saved,
        "propositions": [{
            "stance": p.stance, "similarity": round(p.similarity, 3), "summary": p.summary,
            "origins": [{"origin": o.name, "claims": o.claims, "relayed_by": list(o.relayed_by)} for o in p.origins],
            "first": _point(p.first), "latest": _point(p.latest),
            "claims": [_entry_record(e) for e in p.claims]} for p in result.propositions],
    }
