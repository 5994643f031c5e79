"""Sentence ends: the word before a period is read backwards from it, as WORD_BEFORE_RE finds it."""

from __future__ import annotations

import pytest

from factcheck.pipeline.segment import WORD_BEFORE_RE, _word_before


@pytest.mark.parametrize("before", [".", "..", "a.", " .a.", "said the U.S.", "e.g..", "x ...", "in 3.",
                                    "Martin Luther King Jr.", "ab.c.", "\n.", "Gen. J. Smith.", "…é."])
def test_word_before_a_period_is_what_the_pattern_finds(before):
    found = WORD_BEFORE_RE.search(before)
    assert _word_before(before) == (found.group(1) if found else None)
