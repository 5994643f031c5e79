"""Sentence ends: the word before a period is read backwards from it, as WORD_BEFORE_RE finds it."""

from __future__ import annotations

import pytest

from factcheck.pipeline.segment import WORD_BEFORE_RE, _word_before


@pytest.mark.parametrize("before", [".", "..", "a.", " .a.", "said the U.S.", "e.g..", "x ...", "in 3.",
                                    "Martin Luther King Jr.", "ab.c.", "\n.", "Gen. J. Smith.", "…é."])
def test_word_before_a_period_is_what_the_pattern_finds(before):
    found = WORD_BEFORE_RE.search(before)
    assert _word_before(before) == (found.group(1) if found else None)


def test_a_wrapped_markdown_paragraph_after_the_headline_is_claimed_whole(tmp_path):
    from factcheck.pipeline import extract
    from factcheck.pipeline.document.read import read_document

    path = tmp_path / "fees.md"
    path.write_text("# Harbour authority raises port fees\n\n"
                    "The Harbour Authority of Eastport said on Monday that it would raise fees for\n"
                    "container ships by 12 percent next year, citing the cost of dredging the main\n"
                    "channel. Shipping firms said the rise would push trade to other ports.\n\n"
                    "The new fees take effect in January, the authority said.\n", encoding="utf-8")
    document = read_document(path, max_bytes=100_000)
    quotes = [document.text[c.start:c.end] for c in extract(document).claims]
    assert any(q.startswith("it would raise fees for\ncontainer ships") for q in quotes), quotes
