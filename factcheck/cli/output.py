"""The one output helper: a listing as a table (terminal), tab-separated lines (pipe), JSON, JSON
Lines or CSV; a record view printed whole; counts said on stderr with their plurals.

On a terminal a listing is a table fitted to its width (see `render.layout`); in a pipe it is
plain tab-separated lines with a header, never padded or wrapped, so `cut`, `sort` and `grep`
work on it. `--format table` asks for the table anyway (at $COLUMNS or 80 columns).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable
from enum import Enum

import typer

from factcheck.cli.common import TextFormat, say, stdout_console, write_data

PIPE_WIDTH = 100_000   # a record view in a pipe is laid out this wide: lines are never wrapped


class ListFormat(str, Enum):
    table = "table"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


LIST_FORMAT_HELP = ("table (the default on a terminal), tsv (the default in a pipe: tab-separated, "
                    "a header line, no padding), or json, jsonl, csv for programs (the fields of `export`).")


def format_option():
    return typer.Option(None, "--format", "-f", help=LIST_FORMAT_HELP, show_default=False)


def stdout_is_terminal() -> bool:
    return stdout_console().is_terminal


def emit_listing(ctx: typer.Context, listing, fmt: ListFormat | None, *, count: bool = True) -> None:
    """Print `listing` in `fmt` (None: table on a terminal, tsv in a pipe); then, for people, how
    many rows it has on stderr."""
    from factcheck.render.layout import plain_text, plural, table_view

    fmt = fmt or (ListFormat.table if stdout_is_terminal() else ListFormat.tsv)
    if fmt in (ListFormat.json, ListFormat.jsonl, ListFormat.csv):
        from factcheck.render.formats import to_csv, to_json, to_jsonl

        records = [_flat(record) for record in listing.records] if fmt is ListFormat.csv else list(listing.records)
        write_data(to_json(records) if fmt is ListFormat.json else to_jsonl(records)
                   if fmt is ListFormat.jsonl else to_csv(records, listing.csv_fields))
        return
    if fmt is ListFormat.table:
        console = stdout_console()
        view = table_view(listing, console.width)
        console.print(view, soft_wrap=not hasattr(view, "columns"))   # stacked records come wrapped
    else:
        from factcheck.render.safe import escape_controls

        write_data(escape_controls(plain_text(listing)))
    if count:
        say(ctx, plural(len(listing.rows), listing.noun, listing.nouns))


def emit_records(fmt: ListFormat, records, csv_fields) -> None:
    """Records for programs (json, jsonl or csv) written to stdout as they come, never all held."""
    from factcheck.render.formats import csv_chunks, json_chunks, jsonl_chunks

    chunks = (json_chunks(records) if fmt is ListFormat.json else jsonl_chunks(records)
              if fmt is ListFormat.jsonl else csv_chunks((_flat(record) for record in records), csv_fields))
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()


def _flat(record: dict) -> dict:
    """A record with nested objects (a contradiction's two claims) as one CSV row: "from_id" ..."""
    flat = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{inner}": item for inner, item in value.items()})
        else:
            flat[key] = value
    return flat


def print_view(renderable) -> None:
    """A record view (`show`, `score ID`, `history` ...): fitted to a terminal, or whole lines in a
    pipe, without the padding that aligns columns on screen."""
    if stdout_is_terminal():
        stdout_console().print(renderable)
        return
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=PIPE_WIDTH, soft_wrap=False, highlight=False, markup=False,
            no_color=True, color_system=None).print(renderable)
    from factcheck.render.safe import escape_controls

    write_data(escape_controls("\n".join(line.rstrip() for line in buffer.getvalue().splitlines())))


def emit_record(fmt: TextFormat, record: Callable[[], object], views: Callable[[], Iterable], *,
                fitted: bool = False) -> None:
    """A record command's output (`show`, `explain`, `trace`, `history`, `check`): `record()` as
    JSON with `--format json`; else each view `views()` gives, as a record view (`print_view`), or
    printed at the terminal's width when `fitted` (a table that wraps its cells)."""
    if fmt is TextFormat.json:
        from factcheck.render.formats import to_json

        write_data(to_json(record()))
        return
    for view in views():
        if fitted:
            stdout_console().print(view)
        else:
            print_view(view)
