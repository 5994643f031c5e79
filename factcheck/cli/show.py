"""`factcheck show CLAIM_ID`: one claim in its sentence, with its provenance and relations."""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, settings, stdout_console, write_data
from factcheck.cli.output import print_view


def show(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., help="A claim id, or enough of its start to be unique."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
    trace: bool = typer.Option(False, "--trace", help="Also explain the rules that found the claim and its source."),
) -> None:
    """Show a claim in its sentence, with document, offsets, attribution (and the outlet relaying it), status and relations."""  # noqa: E501 (the help text as shown)
    from factcheck import api

    detail = api.show_claim(settings(ctx).db, claim_id)
    if fmt is TextFormat.json:
        from factcheck.render.claim import claim_detail_record
        from factcheck.render.explain import claim_rules
        from factcheck.render.formats import to_json

        record = claim_detail_record(detail)
        if trace:
            record["rules"] = claim_rules(detail.claim, detail.document.text)
        write_data(to_json(record))
        return
    from factcheck.render.claim import claim_detail

    console = stdout_console()
    print_view(claim_detail(detail, marked=not console.is_terminal or console.no_color))
    if trace:
        from factcheck.render.explain import trace_view

        print_view(trace_view(detail.claim, detail.document.text))
