"""Words for counts: pure, no Rich, so that any module that says how many may use it."""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """"1 claim", "2 claims", "0 claims"; `plural_form` for nouns that do not just take an s."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"
