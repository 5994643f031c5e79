"""`trace`: one proposition across documents, as text for people and as a record for programs.

Every line can be cited: claim id, document, character offsets, outlet, date and the quote.
"""

from __future__ import annotations

import re

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """Control characters (a terminal's escape sequences among them) shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text or "")

ROLE_NAMES = {"first": "first appearance", "corroborates": "independent", "repeats": "repeats",
              "denies": "denies", "contradicts": "contradicts"}


def _where(entry) -> str:
    a = entry.appearance
    outlet = a.publisher or a.document
    return f"{outlet}, {a.published or 'undated'}\n{a.document} {entry.claim.start}-{entry.claim.end}"


def _table(entries, title: str, reasons: bool = False) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("role", no_wrap=True)
    table.add_column("origin", overflow="fold", ratio=1)
    table.add_column("where", overflow="fold", ratio=1)
    table.add_column("id", no_wrap=True)
    table.add_column("quote", overflow="fold", ratio=2)
    for e in entries:
        quote = f"\"{terminal_safe(e.claim.quote)}\""
        if reasons and e.relation is not None:
            quote += f"\n  why: {terminal_safe(e.relation.reason)}"
        table.add_row(ROLE_NAMES.get(e.role, e.role), terminal_safe(e.origin), terminal_safe(_where(e)),
                      e.claim.id, quote)
    return table


def trace_view(result) -> Group:
    """The summary line, the proposition in date order, then its denials and contradictions."""
    parts = [Text(f"{result.claim.id}: \"{terminal_safe(result.claim.quote)}\"", style="bold"),
             Text(terminal_safe(result.summary)), Text("")]
    parts.append(_table(result.members, f"The proposition, in {len(result.members)} claim"
                        f"{'' if len(result.members) == 1 else 's'} (date order)"))
    if result.disputes:
        parts += [Text(""), _table(result.disputes, "Denied or contradicted by", reasons=True)]
    return Group(*parts)


def _entry_record(entry) -> dict:
    c, a = entry.claim, entry.appearance
    record = {"role": entry.role, "origin": entry.origin, "id": c.id, "document": c.document,
              "start": c.start, "end": c.end, "quote": c.quote, "source": c.source, "cue": c.cue,
              "when": c.when, "status": c.status, "outlet": a.publisher, "published": a.published,
              "title": a.title, "url": a.url}
    if entry.relation is not None:
        record.update({"relation": entry.relation.relation, "reason": entry.relation.reason,
                       "relation_origin": entry.relation.origin})
    return record


def trace_record(result) -> dict:
    """`trace --format json`: the summary, the independent origins, members and disputes."""
    return {"claim": result.claim.id, "summary": result.summary, "origins": list(result.origins),
            "members": [_entry_record(e) for e in result.members],
            "disputes": [_entry_record(e) for e in result.disputes]}
