"""`factcheck analyse`: analyse every claim of the database afresh."""

from __future__ import annotations

import typer

from factcheck.cli.common import say, settings, warn


def analyse(ctx: typer.Context) -> None:
    """Compare every pair of claims afresh and recompute relations, statuses and grades.

    `ingest`, `link` and `unlink` keep the analysis up to date incrementally; this runs it over the whole database, as a fresh ingest of the same files would."""  # noqa: E501 (the help text as shown)
    from factcheck import api

    summary = api.analyse(settings(ctx).db)
    if not summary.current:
        warn(ctx, "other writers kept changing the database, so the analysis was not saved; "
                  "the last of them updates it, or run `factcheck analyse` again")
        return
    say(ctx, f"{summary.claims} claims analysed; {summary.relations} automatic relations")
