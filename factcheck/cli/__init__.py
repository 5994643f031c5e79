"""The `factcheck` command: root options, the commands, and the one place errors become exit codes.

Nothing heavy is imported here or in the command modules' top level: `factcheck --help` must not
pay for sqlmodel, sqlalchemy or rapidfuzz. Commands import `factcheck.api` inside their bodies.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer
from typer.core import TyperGroup

from factcheck import __version__
from factcheck.cli import (
    actors,
    analyse,
    check,
    contradictions,
    documents,
    explain,
    export,
    history,
    ingest,
    link,
    report,
    review,
    rules,
    score,
    show,
    sources,
    trace,
    verify,
)
from factcheck.cli import list as list_command
from factcheck.cli.common import Settings, say_error
from factcheck.errors import FactcheckError

try:
    from click.exceptions import UsageError as ClickUsageError
except ImportError:     # newer typer releases carry their own copy of click
    from typer._click.exceptions import UsageError as ClickUsageError

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


EXIT_USAGE = 2
ROOT_VALUE_OPTIONS = ("--db",)                  # root options that take a value
ROOT_FLAGS = ("--quiet", "-q")                  # root options that may also follow the command


class FactcheckGroup(TyperGroup):
    """Maps FactcheckError kinds to their exit codes with a one-line message, no traceback; usage
    errors are one line too, with exit code 2; root options are read before or after the command."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, self._root_options_first(ctx, [*args]))
        except ClickUsageError as error:
            _usage_error(error)

    def _root_options_first(self, ctx, args: list[str]) -> list[str]:
        """`factcheck list --db x -q` as `factcheck --db x -q list`: root options found after the
        command (and before a `--`) move in front of it. A value of the command's own options is
        never taken for one ("--search -q" searches for "-q")."""
        at = 0
        while at < len(args) and args[at].startswith("-"):
            at += 2 if args[at] in ROOT_VALUE_OPTIONS else 1
        if at >= len(args):
            return args
        command = self.get_command(ctx, args[at])
        takes_value = {name for param in getattr(command, "params", ())
                       if getattr(param, "param_type_name", "") == "option"
                       and not getattr(param, "is_flag", False) and not getattr(param, "count", False)
                       for name in param.opts}
        moved, kept, index = [], args[:at + 1], at + 1
        while index < len(args):
            arg = args[index]
            if arg == "--":
                kept += args[index:]
                break
            if arg in ROOT_VALUE_OPTIONS and index + 1 < len(args):
                moved += args[index:index + 2]
                index += 2
                continue
            if arg in ROOT_FLAGS or arg.split("=", 1)[0] in ROOT_VALUE_OPTIONS:
                moved.append(arg)
            else:
                kept.append(arg)
                if arg in takes_value and index + 1 < len(args):
                    kept.append(args[index + 1])
                    index += 1
            index += 1
        return moved + kept

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
        except ClickUsageError as error:
            _usage_error(error)
        except FactcheckError as error:
            say_error(str(error))
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            say_error("interrupted; the database keeps what was finished before Ctrl-C")
            raise typer.Exit(EXIT_INTERRUPTED) from None


def _usage_error(error: ClickUsageError):
    """One line on stderr, as for every other error, with where to read the usage; exit 2."""
    command = error.ctx.command_path if error.ctx is not None else "factcheck"
    say_error(f"{' '.join(error.format_message().split())} (see `{command} --help`)")
    raise typer.Exit(EXIT_USAGE)


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
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,      # plain help: Rich's markdown stack costs a third of a second at start
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(
        None, "--db", metavar="PATH|URL",
        help="Database: an SQLite file, or a postgresql:// URL for a team's shared database "
             "(needs the 'postgres' extra). Default: $FACTCHECK_DB, else ./claims.db."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, summaries or warnings on stderr."),
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Claim provenance and fact-checking: who asserts what, where, how surely, and who disputes it."""
    from factcheck.config import resolve_db_path

    ctx.obj = Settings(db=resolve_db_path(db or None), quiet=quiet)


app.command("ingest")(ingest.ingest)
app.command("list")(list_command.list_claims)
app.command("show")(show.show)
app.command("explain")(explain.explain)
app.command("rules")(rules.rules)
app.command("documents")(documents.documents)
app.add_typer(actors.app, name="actors")
app.command("sources")(sources.sources)
app.command("export")(export.export)
app.command("review")(review.review)
app.command("history")(history.history)
app.command("verify")(verify.verify)
app.command("report")(report.report)
app.command("contradictions")(contradictions.contradictions)
app.command("trace")(trace.trace)
app.command("check")(check.check)
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
