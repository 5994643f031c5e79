"""`factcheck check "CLAIM"`: one claim against everything stored: who states it, who denies or
contradicts it, where it first appeared. Exit code 0 when a stored claim states, denies,
contradicts or reports it, EXIT_NO_MATCH when none does."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import TextFormat, iso_date, say, settings
from factcheck.cli.output import emit_record

# Nothing stored states, denies, contradicts or reports the claim (documented in the README).
EXIT_NO_MATCH = 8


def check(
    ctx: typer.Context,
    text: Optional[str] = typer.Argument(None, metavar="[CLAIM]",
                                         help="The claim, as a sentence; else --file, else standard input."),
    file: Optional[Path] = typer.Option(None, "--file", metavar="FILE", dir_okay=False,
                                        help="Read the claim from a UTF-8 text file ('-' for standard input)."),
    source: Optional[str] = typer.Option(None, "--source", metavar="NAME",
                                         help="Who made the claim, when the sentence does not say."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", callback=iso_date,
                                       help="When it was made, YYYY[-MM[-DD]]: "
                                            "relative dates in it resolve against it."),
    save: bool = typer.Option(False, "--save", help="Also store the claim as a document of its own (with its "
                              "source as publisher and --date), so that it joins the analysis."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
) -> None:
    """Check a claim against every stored claim: the propositions that state, deny, contradict or
    only report it, best first, each with its independent origins, who relays them, its first and
    latest appearance and every quote with document and offsets. Exits 0 when something matches,
    8 when no stored claim states or disputes it. Read-only unless --save."""
    from factcheck import api

    result = api.check(settings(ctx).db, _claim_text(text, file), source=source, date=date, save=save)
    if result.saved:
        say(ctx, f"stored as {result.saved}")
    from factcheck.render.check import check_record, check_view

    emit_record(fmt, lambda: check_record(result), lambda: [check_view(result)], fitted=True)
    if not result.matched:
        raise typer.Exit(EXIT_NO_MATCH)


def _claim_text(text: str | None, file: Path | None) -> str:
    """The claim from the argument, the file, or standard input (in that order; only one)."""
    from factcheck.errors import InputError, UsageError

    if text is not None and file is not None:
        raise UsageError("give the claim either as an argument or with --file, not both")
    if text is not None:
        return text if text != "-" else sys.stdin.read()
    if file is not None:
        if str(file) == "-":
            return sys.stdin.read()
        try:
            return file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{file}: no such file; give the path of a text file holding the claim") from None
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{file}: cannot read it as UTF-8 text ({error}); save it as UTF-8") from None
    if sys.stdin.isatty():
        raise UsageError("give the claim to check: as an argument, with --file, or on stdin")
    return sys.stdin.read()
