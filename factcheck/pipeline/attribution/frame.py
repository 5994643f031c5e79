"""What every attribution rule shares: the cue it found and the attribution it makes of spans.

A `Cue` is a reporting word in a sentence's tokens (found by `cues.py`); `make_attribution` turns
a rule's content, source and cue into an `Attribution`. Verb rules (`attribute.py`), nominal and
colon frames (`nominal.py`, `colon.py`) all build theirs here.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import Attribution

MIN_CONTENT_CHARS = 3


@dataclass(frozen=True)
class Cue:
    """A reporting word found in a sentence's tokens, with the lemma, kind and certainty it gives."""

    first: int          # token index of the cue's first token (auxiliaries included)
    verb: int           # token index of the reporting word itself
    last: int           # token index of the cue's last token
    lemma: str
    kind: str           # speech | thought | evidence | denial
    certainty: str


def make_attribution(tokens, content, source, cue_span, cue_text, rule, cue) -> Attribution | None:
    """The attribution of token spans `content` to `source` by `cue`; None when too little content is left."""
    lo, hi = content
    while hi > lo and tokens[hi - 1].text in ",;:—–(":
        hi -= 1
    if hi <= lo:
        return None
    span = (tokens[lo].start, tokens[hi - 1].end)
    if span[1] - span[0] < MIN_CONTENT_CHARS:
        return None
    src_span = (tokens[source[0]].start, tokens[source[1] - 1].end)
    src_text = " ".join(t.text for t in tokens[source[0]:source[1]])
    return Attribution(content=span, source=src_text, source_span=src_span, cue=cue_text, cue_span=cue_span,
                       rule=f"{rule}:{cue.lemma}:{cue.kind}:{cue.certainty}")
