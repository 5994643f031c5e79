"""Listings laid out for the width they get: an aligned table on a terminal, plain lines in a pipe.

A listing is columns and rows of strings. Identifiers, numbers, dates, labels and file names are
*key* cells: they are never cut or folded, and get their width first. *Text* cells (quotes,
titles, reasons, names) wrap by words in what is left. When the text would get less than it can
be read in, the least needed columns are dropped, one by one; when even that is not enough, each
row is stacked as a small record ("label  value" lines), which always fits.

Pure: values in, Rich renderables or strings out; the CLI decides where they are printed.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich import box
from rich.table import Table
from rich.text import Text

from factcheck.render.text import plural  # noqa: F401  (listings count their rows with it)

COLUMN_GAP = 2          # characters between two columns: one of padding, one of the box's rule
MIN_TEXT_WIDTH = 24     # a text column narrower than this reads as a word per line
MAX_WORD_WIDTH = 64     # a sha256; a longer "word" (a url) may be folded rather than widen its column


@dataclass(frozen=True)
class Column:
    name: str
    text: bool = False          # wraps by words; otherwise a key cell, never cut
    drop: int = 0               # 0: always shown; else dropped on narrow terminals, highest first
    right: bool = False         # numbers align right
    max_width: int | None = None  # a text column wider than this leaves the rest to the others
    min_width: int = MIN_TEXT_WIDTH


@dataclass(frozen=True)
class Listing:
    """What a listing command shows: its columns and rows for people, records for programs."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    records: Sequence[dict] = ()
    noun: str = "row"           # "claim": the count line says "1 claim", "2 claims"
    nouns: str | None = None    # the plural, when it is not the noun and an s
    csv_fields: Sequence[str] | None = None
    notes: Sequence[str] = field(default_factory=tuple)


def _longest_word(cells) -> int:
    return max((len(word) for cell in cells for word in cell.split()), default=0)


def _key_width(column: Column, cells) -> int:
    return max([len(column.name), *(len(line) for cell in cells for line in cell.splitlines() or [""])])


def _text_min(column: Column, cells) -> int:
    natural = max([len(column.name), *(len(cell) for cell in cells)])
    return min(natural, max(column.min_width, min(_longest_word(cells), MAX_WORD_WIDTH)))


def _widths(listing: Listing) -> list[int]:
    """Each column's least width: a key column's longest cell, a text column's readable minimum."""
    return [(_text_min if column.text else _key_width)(column, [row[i] for row in listing.rows])
            for i, column in enumerate(listing.columns)]


def fitting_columns(listing: Listing, width: int) -> list[int] | None:
    """The indexes of the columns shown at `width`: all, or fewer with the least needed dropped;
    None when even the columns that are never dropped do not fit (the rows are then stacked)."""
    columns, least = listing.columns, _widths(listing)
    shown = list(range(len(columns)))
    while sum(least[i] for i in shown) + COLUMN_GAP * (len(shown) - 1) > width:
        droppable = [i for i in shown if columns[i].drop]
        if not droppable:
            return None
        shown.remove(max(droppable, key=lambda i: (columns[i].drop, i)))
    return shown


def column_widths(listing: Listing, shown: list[int], width: int) -> dict[int, int]:
    """The width of each shown column: key columns their longest cell; text columns their least,
    then what is left: up to half of it first to the text columns with a max (names, which read
    badly broken), then the rest to all in proportion to how much more each would use."""
    least = _widths(listing)
    widths = {i: least[i] for i in shown}
    spare = width - sum(widths.values()) - COLUMN_GAP * (len(shown) - 1)
    wants = {}
    for i in shown:
        column = listing.columns[i]
        if column.text:
            natural = max([len(column.name), *(len(row[i]) for row in listing.rows)])
            wants[i] = max(0, min(natural, column.max_width or natural) - widths[i])
    capped = [i for i in wants if listing.columns[i].max_width]
    first = spare // 2 if len(capped) < len(wants) else spare
    for i in capped:
        given = max(0, min(wants[i], first))
        first -= given
        widths[i] += given
        wants[i] -= given
        spare -= given
    wanted = sum(wants.values())
    if wanted <= spare:
        return {i: widths[i] + wants.get(i, 0) for i in shown}
    for i, want in wants.items():
        widths[i] += spare * want // wanted
    return widths


def table_view(listing: Listing, width: int):
    """The listing for a terminal `width` columns wide: a table, or stacked records when narrow."""
    shown = fitting_columns(listing, width)
    if shown is None:
        return stacked_view(listing, width)
    widths = column_widths(listing, shown, width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for i in shown:
        column = listing.columns[i]
        table.add_column(column.name, width=widths[i], no_wrap=not column.text, overflow="fold",
                         justify="right" if column.right else "left")
    for row in listing.rows:
        table.add_row(*(Text(row[i]) for i in shown))
    return table


def stacked_view(listing: Listing, width: int) -> Text:
    """Each row as a record: one "label  value" line per field, values wrapped by words under
    themselves, a blank line between rows. A word wider than the screen (a sha256 on a phone)
    runs on whole rather than being split."""
    label_width = max(len(column.name) for column in listing.columns)
    room = max(MIN_TEXT_WIDTH, width - label_width - 2)
    lines = []
    for number, row in enumerate(listing.rows):
        lines += [""] if number else []
        for column, cell in zip(listing.columns, row):
            if not cell:
                continue
            wrapped = textwrap.wrap(" ".join(cell.split()), room, break_long_words=False,
                                    break_on_hyphens=False) if column.text else [cell]
            for index, part in enumerate(wrapped):
                lines.append(f"{column.name if index == 0 else '':<{label_width}}  {part}")
    return Text("\n".join(lines), no_wrap=True, overflow="ignore")


def plain_text(listing: Listing) -> str:
    """Every column, tab-separated, a header line first: for pipes, `cut -f` and `sort`."""
    lines = ["\t".join(column.name for column in listing.columns)]
    lines += ["\t".join(" ".join(cell.split()) for cell in row) for row in listing.rows]
    return "\n".join(lines) + "\n"
