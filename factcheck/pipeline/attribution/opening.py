"""A participle cue that opens the sentence: its speaker is the subject of the clause after it.

"Rejecting the spy accusation, the ministry said on Friday that ...": the ministry rejects the
accusation. The subject is taken only when another cue of the sentence has already found it right
after the participle's comma, so that "Citing security concerns, the mayor closed the bridge" (no
speech verb after it) is left alone.
"""

from __future__ import annotations

from factcheck.models import Attribution
from factcheck.pipeline.attribution.cues import Cue
from factcheck.pipeline.attribution.frame import make_attribution
from factcheck.pipeline.words.tokens import Token

MAX_OPENING_TOKENS = 25       # the participle clause, up to its comma


def opening_participles(tokens: list[Token], cues: list[Cue], found: list[Attribution]) -> list[Attribution]:
    """Attributions of a sentence-opening participle cue ("Denying any role, the group said ..."),
    credited to the subject another cue found right after its comma."""
    out = []
    for cue in cues:
        if cue.first != 0 or not tokens[cue.verb].low.endswith("ing") or not tokens[cue.verb].text[:1].isupper():
            continue
        comma = next((k for k in range(cue.last + 1, min(len(tokens), MAX_OPENING_TOKENS)) if tokens[k].text == ","),
                     None)
        if comma is None or comma + 1 >= len(tokens):
            continue
        subject_start = tokens[comma + 1].start
        owner = next((a for a in found if a.source_span and a.source_span[0] == subject_start), None)
        if owner is None or any(a.cue_span == (tokens[cue.first].start, tokens[cue.last].end) for a in found):
            continue
        source = next((k for k in range(comma + 1, len(tokens)) if tokens[k].end == owner.source_span[1]), None)
        if source is None:
            continue
        cue_span = (tokens[cue.first].start, tokens[cue.last].end)
        cue_text = " ".join(t.text for t in tokens[cue.first:cue.last + 1])
        attribution = make_attribution(tokens, (cue.last + 1, comma), (comma + 1, source + 1), cue_span, cue_text,
                                       "participle-opening", cue)
        if attribution:
            out.append(attribution)
    return out
