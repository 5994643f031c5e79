"""What a report is made from (`ReportData`, `ScopeTotals`) and how it quotes: inline Markdown,
who said it, footnotes. Pure, like `render.report`, which builds the sections from these."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

AUTHOR_LABEL = "author of"
QUOTE_CHARS = 160           # of a quote in the report, cut at a word; its footnote leads to the whole
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
    # What the report counts of the claims in scope; computed from `claims` when None. A caller
    # that counts in the database gives it, and then `claims` need hold only the claims at an end
    # of a denial, contradiction or corroboration (those the briefing can cite).
    totals: ScopeTotals | None = None


@dataclass(frozen=True)
class ScopeTotals:
    """Counts over the claims in scope: `groups` holds (source, source type, status, document,
    claims) for every combination, `reviewed` the latest verdict of each reviewed claim."""

    groups: Sequence[tuple[str, str, str, str, int]] = ()
    reviewed: Mapping = field(default_factory=dict)     # claim id -> verdict, claims in scope only


def totals_of(claims: Sequence, verdicts: Mapping) -> ScopeTotals:
    """The totals of `claims` counted one by one."""
    groups = Counter((c.source, c.source_type, c.status, c.document) for c in claims)
    return ScopeTotals(tuple((*key, count) for key, count in groups.items()),
                       {c.id: verdicts[c.id] for c in claims if c.id in verdicts})


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

    def cite(self, claim) -> str:
        """The claim's footnote reference, "[^n]"."""
        if claim.id not in self.numbers:
            self.numbers[claim.id] = len(self.numbers) + 1
            self.claims.append(claim)
        return f"[^{self.numbers[claim.id]}]"

    def quote(self, claim) -> str:
        """The claim's quote in curly quotes (a long one cut at a word), with its footnote reference."""
        return f"“{inline(cut_text(claim.quote, QUOTE_CHARS))}”{self.cite(claim)}"

    def definitions(self) -> list[str]:
        """Where each quote stands: document, title, outlet, date, url, offsets, claim id."""
        lines = []
        for claim in self.claims:
            info = self.documents.get(claim.document)
            parts = [inline(claim.document)]
            if info is not None:
                parts += [f"“{inline(info.title)}”"] if info.title else []
                parts += [inline(info.publisher)] if info.publisher else []
                parts += [info.published + (" (inferred)" if info.published_inferred else "")] if info.published else []
                parts += [_link(info.url)] if info.url else []
            lines.append(f"[^{self.numbers[claim.id]}]: {', '.join(parts)}, characters "
                         f"{claim.start}-{claim.end} (paragraph {claim.paragraph + 1}, sentence "
                         f"{claim.sentence + 1}); claim {claim.id}.")
        return lines


def _link(url: str) -> str:
    """A url as a Markdown autolink when it can be one, else as escaped text."""
    return f"<{url}>" if re.fullmatch(r"https?://[^\s<>]+", url) else inline(url)


def cut_text(text: str, limit: int) -> str:
    """`text` on one line, cut at the last word boundary before `limit` characters, with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return head + "…"
