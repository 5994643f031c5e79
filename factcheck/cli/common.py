"""What every command shares: settings from the root options, output formats, stdout and stderr.

Data goes to stdout; everything said to the user (progress, summaries, warnings, errors) goes to
stderr, so `factcheck list --format json | jq` always works.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import typer


@dataclass(frozen=True)
class Settings:
    db: Path
    quiet: bool = False


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class TextFormat(str, Enum):
    text = "text"
    json = "json"


class TableJsonFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    claimreview = "claimreview"


FORMAT_HELP = "Output format: a table for people, json or csv for programs."


def settings(ctx: typer.Context) -> Settings:
    """The root command's settings, found from any subcommand's context."""
    return ctx.find_object(Settings)


def stdout_console():
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False, markup=False)  # quotes may hold "[...]"


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False)


def write_data(text: str) -> None:
    """Machine-readable output, exactly as given, to stdout."""
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    sys.stdout.flush()


def write_output(ctx: typer.Context, text: str, output: Path | None) -> None:
    """`text` to the file `output` (saying so on stderr), or to stdout when there is none."""
    if output is None:
        write_data(text)
        return
    from factcheck.errors import UsageError

    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {output} ({error.strerror}); check the folder exists and is writable") from None
    say(ctx, f"wrote {output}")


def iso_date(value: str | None) -> str | None:
    """Option callback: a date as ISO (partial allowed), or a usage error that shows the format."""
    if value is None:
        return None
    from factcheck.pipeline.read import normalize_date

    try:
        return normalize_date(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None


def print_table(renderable) -> None:
    stdout_console().print(renderable)


def say(ctx: typer.Context, message: str) -> None:
    """A note for the user on stderr, unless --quiet."""
    if not settings(ctx).quiet:
        typer.echo(message, err=True)


def warn(ctx: typer.Context, message: str) -> None:
    if not settings(ctx).quiet:
        typer.echo(f"factcheck: warning: {message}", err=True)


def say_error(message: str) -> None:
    typer.echo(f"factcheck: error: {message}", err=True)


def warn_if_stale(ctx: typer.Context) -> None:
    """Say so when the relations and statuses shown predate documents or links stored since."""
    from factcheck import api

    if api.is_stale(settings(ctx).db):
        warn(ctx, "relations and statuses are out of date: documents or links were stored after "
                  "the last analysis (interrupted, or still running in another process); "
                  "run `factcheck analyse` to update them")
