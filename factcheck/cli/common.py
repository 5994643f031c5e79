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
    db: Path | str              # an SQLite file, or a PostgreSQL URL
    quiet: bool = False


class TextFormat(str, Enum):
    text = "text"
    json = "json"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    claimreview = "claimreview"


def settings(ctx: typer.Context) -> Settings:
    """The root command's settings, found from any subcommand's context."""
    return ctx.find_object(Settings)


def stdout_console():
    from rich.console import Console

    console = Console(soft_wrap=False, highlight=False, markup=False)  # quotes may hold "[...]"
    console.push_render_hook(_ControlsEscaped())
    return console


def stderr_console():
    from rich.console import Console

    console = Console(stderr=True, highlight=False, markup=False)
    console.push_render_hook(_ControlsEscaped())
    return console


class _ControlsEscaped:
    """A Rich render hook: the text of whatever is printed has its control characters escaped
    (an article's "\x1b[2J" must not clear the reader's screen); Rich's own styling is kept."""

    def process_renderables(self, renderables):
        return [_Escaped(renderable) for renderable in renderables]


class _Escaped:
    def __init__(self, renderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console, options):
        from rich.segment import Segment

        from factcheck.render.safe import escape_controls

        for segment in console.render(self.renderable, options):
            if segment.control:
                yield segment
            else:
                yield Segment(escape_controls(segment.text), segment.style)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self.renderable)


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


def write_chunks(ctx: typer.Context, chunks, output: Path | None) -> None:
    """Text given a piece at a time, written as it comes, to the file `output` (saying so on
    stderr) or to stdout: a large export is never held whole."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    from factcheck.errors import UsageError

    try:
        with output.open("w", encoding="utf-8") as file:
            for chunk in chunks:
                file.write(chunk)
    except OSError as error:
        raise UsageError(f"cannot write {output} ({error.strerror}); check the folder exists and is writable") from None
    say(ctx, f"wrote {output}")


def iso_date(value: str | None) -> str | None:
    """Option callback: a date as ISO (partial allowed), or a usage error that shows the format."""
    if value is None:
        return None
    from factcheck.pipeline.document.published import normalize_date

    try:
        return normalize_date(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None


def say(ctx: typer.Context, message: str) -> None:
    """A note for the user on stderr, unless --quiet."""
    if not settings(ctx).quiet:
        _echo_err(message)


def warn(ctx: typer.Context, message: str) -> None:
    if not settings(ctx).quiet:
        _echo_err(f"factcheck: warning: {message}")


def say_error(message: str) -> None:
    _echo_err(f"factcheck: error: {message}")


def _echo_err(message: str) -> None:
    """A line on stderr, with any control characters (from a file name, say) escaped."""
    from factcheck.render.safe import escape_controls

    typer.echo(escape_controls(message), err=True)


def warn_if_stale(ctx: typer.Context) -> None:
    """Say so when the relations and statuses shown predate documents or links stored since."""
    from factcheck import api

    if api.is_stale(settings(ctx).db):
        warn(ctx, "relations and statuses are out of date: documents or links were stored after "
                  "the last analysis (interrupted, or still running in another process); "
                  "run `factcheck analyse` to update them")
