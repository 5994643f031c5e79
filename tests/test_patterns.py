"""compile_fast: the same matches as re.compile, with a lookahead only where it is exact."""

from __future__ import annotations

import re

import pytest

from factcheck.patterns import compile_fast

TEXTS = ["Since 1998, from 1999, SINCE 1997, ſince 1996, From the 1995; on the 3rd of May, 12 May, ٣ May",
         "He said she would, and they did: his own country, THEIR government.",
         "Its military might; it’s not. The two countries, both sides — İt, ſhe, Kelvin K.",
         "", "he", "  ... s he ... (they)"]


@pytest.mark.parametrize("pattern, flags, fast", [
    (r"\b(?:(?P<owner>his|their)\s+(?:own\s+)?(?P<home>country|government)\b|(?P<p>he|she|it|they))\b", re.I, True),
    (r"(?<![\w’'])(?:might|may|would)(?![\w’'])", re.I, True),
    (r"\b(?:its|his|her|military)\s+$", re.I, True),
    (r"\b(?:it|that|this)? would\b", 0, True),         # i, t, or the space before "would"
    (r"\b\w+ said", 0, False),                           # any word character
    (r"said\b", 0, False),                               # a literal start: re skips ahead itself
    (r"(?i)\b(?:he|she)\b", 0, False),                   # inline flags
    (r"(?<![\w$])(?:the\s+)?[0-3]?\d(?:st|th)?(?:\s+of)?\s+May", 0, True),   # digits
    (r"(?<!\w)(?i:since|from)\s+(?:the\s+)?1[89]\d\d", 0, True),   # a case-free group: s, S, ſ, f, F
])
def test_same_matches_and_a_lookahead_only_where_exact(pattern, flags, fast):
    slow, quick = re.compile(pattern, flags), compile_fast(pattern, flags)
    assert (quick.pattern != pattern) == fast
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in quick.finditer(text)] == \
               [(m.span(), m.groups()) for m in slow.finditer(text)]
