"""`factcheck ingest PATH...`: read, extract and store articles; a closing summary on stderr.

`factcheck ingest -` reads one article from standard input instead (`curl ... | factcheck ingest -
--name reuters-2024-05-02.html --url ...`)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from factcheck.cli.common import TextFormat, say, say_error, settings, warn, write_data
from factcheck.config import DOCUMENT_SECONDS, MAX_FILE_BYTES

EXIT_SOME_FAILED = 3          # the input exit code: some files could not be read
PROGRESS_MIN_FILES = 5        # fewer files finish before a bar would help
STDIN = Path("-")             # the path that means one article on standard input


def ingest(
    ctx: typer.Context,
    paths: List[Path] = typer.Argument(..., metavar="PATH", readable=False,
                                      help="Files or folders (read recursively) of .txt/.md articles; "
                                           "'-' for one article on standard input."),
    name: Optional[str] = typer.Option(
        None, "--name", metavar="NAME",
        help="Document name of the article read from standard input (its suffix, .txt/.md/.html, says how to "
             "read it); default stdin-HASH.txt from its content."),
    title: Optional[str] = typer.Option(None, help="Title of the article (single file only)."),
    author: Optional[str] = typer.Option(None, help="Author (single file only)."),
    publisher: Optional[str] = typer.Option(None, help="Publisher (single file only)."),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY[-MM[-DD]] (single file only)."),
    url: Optional[str] = typer.Option(None, help="Where the article was published (single file only)."),
    metadata: Optional[Path] = typer.Option(
        None, "--metadata", metavar="FILE",
        help="CSV or JSON Lines of file,title,author,publisher,published,url, one row per document "
             "(file: its path relative to the folder); wins over front matter."),
    max_bytes: int = typer.Option(MAX_FILE_BYTES, "--max-bytes", min=1, metavar="N",
                                  help="Refuse files larger than N bytes."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f",
                                   help="json: also print the summary as JSON on stdout."),
    time_budget: float = typer.Option(DOCUMENT_SECONDS, "--time-budget", min=0.1, metavar="SECONDS",
                                      help="Skip (and report) a document not read and extracted within this time."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", min=1, metavar="N",
        help="Extract documents in N worker processes (default: one per core; 1: all in this process)."),
    reanalyse: bool = typer.Option(False, "--reanalyse",
                                   help="Compare every pair of claims afresh instead of only those "
                                        "involving new claims."),
) -> None:
    """Extract the claims of articles and store them; files already stored unchanged are skipped."""
    from factcheck import api
    from factcheck.render.tables import ingest_summary

    overrides = {"title": title, "author": author, "publisher": publisher, "published": published, "url": url}
    piped = _piped_article(paths, name, max_bytes)
    with _progress(ctx) as progress:
        summary = api.ingest([] if piped else paths, settings(ctx).db, max_bytes=max_bytes, overrides=overrides,
                             progress=progress, reanalyse=reanalyse, metadata=metadata,
                             time_budget=time_budget, piped=piped, jobs=jobs)
    if fmt is TextFormat.json:
        from dataclasses import asdict

        from factcheck.render.formats import to_json

        write_data(to_json({**asdict(summary), "documents": summary.documents}))
    for message in summary.warnings:
        warn(ctx, message)
    for line in ingest_summary(summary):
        say(ctx, line)
    for message in summary.errors:
        say_error(message)
    if summary.errors:
        raise typer.Exit(EXIT_SOME_FAILED)


def _piped_article(paths: List[Path], name: Optional[str], max_bytes: int):
    """The article on standard input when the only path is '-', read up to one byte over the limit."""
    from factcheck.errors import UsageError

    if STDIN not in paths:
        if name is not None:
            raise UsageError("--name names an article read from standard input; give '-' as the path")
        return None
    if len(paths) != 1:
        raise UsageError("'-' reads one article from standard input: give it alone, without other paths")
    if name is not None and not name.strip() or name and ("/" in name or "\\" in name):
        raise UsageError("--name must be a plain document name, e.g. reuters-2024-05-02.txt")
    import sys

    from factcheck.pipeline.document.read import PipedText, piped_name

    data = sys.stdin.buffer.read(max_bytes + 1)
    return PipedText(name.strip() if name else piped_name(data), data)


class _progress:
    """A Rich progress bar on stderr, shown once a run has more than a few files (and not --quiet)."""

    def __init__(self, ctx: typer.Context) -> None:
        self.quiet = settings(ctx).quiet
        self.bar = None

    def __enter__(self):
        return self.update

    def update(self, done: int, total: int, path: Path) -> None:
        if self.quiet or total < PROGRESS_MIN_FILES:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), TextColumn("{task.description}"),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=total)
        from factcheck.pipeline.document.read import shown_path
        from factcheck.render.safe import escape_controls

        self.bar.update(self.task, completed=done, description=escape_controls(shown_path(path.name)))

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
