"""The `factcheck` command: root options, the commands, and the one place errors become exit codes.

Nothing heavy is imported here or in the command modules' top level: `factcheck --help` must not
pay for sqlmodel, sqlalchemy or rapidfuzz. Commands import `factcheck.api` inside their bodies.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

from factcheck import __version__
from factcheck.cli import actors, analyse, documents, explain, export, ingest, show, sources
from factcheck.cli import contradictions, history, link, report, review, score, verify
from factcheck.cli import list as list_command
from factcheck.cli.common import Settings, say_error
from factcheck.errors import FactcheckError

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


class FactcheckGroup(TyperGroup):
    """Maps FactcheckError kinds to their exit codes with a one-line message, no traceback; usage
    errors (an unknown command, a bad option value) are one line too, with exit code 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _click_exception() as error:
            if not standalone_mode:
                raise
            if type(error).__name__ != "NoArgsIsHelpError":     # the help was printed already
                say_error(_one_line_usage(error))
            sys.exit(error.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            say_error("aborted")
            sys.exit(1)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactcheckError as error:
            say_error(str(error))
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            say_error("interrupted; the database keeps what was finished before Ctrl-C")
            raise typer.Exit(EXIT_INTERRUPTED) from None


def _click_exception() -> type[Exception]:
    """Click's base exception, from the copy of click that Typer uses (vendored since 0.17)."""
    try:
        from typer._click.exceptions import ClickException
    except ImportError:
        from click.exceptions import ClickException
    return ClickException


def _one_line_usage(error) -> str:
    """A usage error as one line: what is wrong, and where the help is."""
    message = " ".join(error.format_message().split())
    ctx = getattr(error, "ctx", None)
    if ctx is None:
        return message
    return f"{message} (see '{ctx.command_path} --help')"


app = typer.Typer(
    cls=FactcheckGroup,
    name="factcheck",
    help="Claim provenance and fact-checking: who asserts what, where, how surely, and who disputes it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(
        None, "--db", metavar="PATH", dir_okay=False,
        help="Database file. Default: $FACTCHECK_DB, else ./claims.db."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, summaries or warnings on stderr."),
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Claim provenance and fact-checking: who asserts what, where, how surely, and who disputes it."""
    from factcheck.config import resolve_db_path

    ctx.obj = Settings(db=resolve_db_path(str(db) if db else None), quiet=quiet)


app.command("ingest")(ingest.ingest)
app.command("list")(list_command.list_claims)
app.command("show")(show.show)
app.command("explain")(explain.explain)
app.command("documents")(documents.documents)
app.add_typer(actors.app, name="actors")
app.command("sources")(sources.sources)
app.command("export")(export.export)
app.command("review")(review.review)
app.command("history")(history.history)
app.command("verify")(verify.verify)
app.command("report")(report.report)
app.command("contradictions")(contradictions.contradictions)
app.command("score")(score.score)
app.command("link")(link.link)
app.command("unlink")(link.unlink)
app.command("analyse")(analyse.analyse)


def main() -> None:
    """Console entry point."""
    try:
        app(prog_name="factcheck")
    except KeyboardInterrupt:  # between commands' own handling, e.g. while importing
        say_error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
