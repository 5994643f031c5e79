"""`factcheck show CLAIM_ID`: one claim in its sentence, with its provenance and relations."""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, settings, stdout_console
from factcheck.cli.output import emit_record


def show(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., help="A claim id, or enough of its start to be unique."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
    trace: bool = typer.Option(False, "--trace", help="Also explain the rules that found the claim and its source."),
) -> None:
    """Show a claim in its sentence, with document, offsets, attribution (and the outlet relaying it), status and relations."""  # noqa: E501 (the help text as shown)
    from factcheck import api

    detail = api.show_claim(settings(ctx).db, claim_id)
    emit_record(fmt, lambda: _record(detail, trace), lambda: _views(detail, trace))


def _record(detail, trace: bool) -> dict:
    """The claim's JSON record, with the rules behind it when `trace`."""
    from factcheck.render.claim import claim_detail_record
    from factcheck.render.explain import claim_rules

    record = claim_detail_record(detail)
    if trace:
        record["rules"] = claim_rules(detail.claim, detail.document.text)
    return record


def _views(detail, trace: bool) -> list:
    """The claim in its sentence, then (when `trace`) the rules that found it and its source."""
    from factcheck.render.claim import claim_detail
    from factcheck.render.explain import trace_view

    console = stdout_console()
    views = [claim_detail(detail, marked=not console.is_terminal or console.no_color)]
    return views + [trace_view(detail.claim, detail.document.text)] if trace else views
