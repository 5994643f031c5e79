"""`factcheck explain FILE`: why each claim of one article was found, sentence by sentence.

Reads the file as `ingest` would and runs the pipeline on it, writing nothing; the database (when
there is one) only lends users' aliases and the status of claims already stored for the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import typer

from factcheck.cli.common import TextFormat, settings, stdout_console, warn
from factcheck.cli.output import emit_record
from factcheck.config import MAX_FILE_BYTES


def explain(
    ctx: typer.Context,
    path: Path = typer.Argument(..., metavar="FILE", readable=False, help="One article (.txt, .md, .html)."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
    max_bytes: int = typer.Option(MAX_FILE_BYTES, "--max-bytes", min=1, metavar="N",
                                  help="Refuse files larger than N bytes."),
) -> None:
    """Show each sentence's role and each claim's source, cue, cut, certainty and status, with the rules behind them."""
    from factcheck import api

    explanation = api.explain_file(path, settings(ctx).db, max_bytes=max_bytes)
    for message in explanation.document.warnings:
        warn(ctx, message)
    from factcheck.render.explain import explanation_record, explanation_view

    console = stdout_console()
    emit_record(fmt, lambda: explanation_record(explanation),
                lambda: [explanation_view(explanation, marked=not console.is_terminal or console.no_color)])
