"""`factcheck rules [RULE]`: the rules a claim's trace names, with their stage module, lexicon
files and an example (the registry in factcheck/rules.py)."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.output import ListFormat, emit_listing, format_option


def rules(
    ctx: typer.Context,
    rule: Optional[str] = typer.Argument(None, metavar="[RULE]",
                                         help="One rule: an id (verb, split:clause-and) or a trace step."),
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """List the rules that `show --trace` and `explain` name: where each is applied, what it reads, an example."""
    from factcheck import api
    from factcheck.render.explain import rules_listing

    emit_listing(ctx, rules_listing(api.rules(rule)), fmt)
