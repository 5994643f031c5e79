"""Quotations that run over several sentences: each sentence of a quotation takes the speaker and cue
of the sentence that attributes it.

  open      She said: “We will win. Nobody doubts it.”        "Nobody doubts it" continues the quote
  inside    “I think we lost. We go on,” he said.             a cue inside a quotation is the speaker's
                                                              words, not a report of its own
  before    “We never said that. We never did,” he said.      the first sentence is his too
  next      “We will win,” she said. “Nobody doubts it.”     a quoted sentence with no cue of its own,
                                                              in the same paragraph, goes on her quote
  paragraph “We will win,” she said.¶“Nobody doubts it.”    a paragraph that is one quotation with no cue
                                                              of its own goes on the quotation that ended
                                                              the paragraph before
  colon     He said:¶“We will win. Nobody doubts it.”         a quotation opening the sentence after a
                                                              speech cue and a colon, in the same or the
                                                              next paragraph, is what the cue reports

Rules here only link sentences; finding each sentence's own attributions is `attribute.py`'s work.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck.models import Attribution, Sentence
from factcheck.pipeline.attribution.attribute import colon_frame
from factcheck.pipeline.words.tokens import Token, quote_depths, tokenize

OPENING_MARKS = ("“", '"')
CLOSING_MARKS = ("”", '"')
QUOTE_MARKS = ("“", "”", '"', "''")     # '' stands for " in some newspapers' text
MIN_QUOTED_TOKENS = 3        # '“Yes.”' alone is too short to stand as a continued quotation
SPEECH_KINDS = ("speech", "denial")
MAX_LEAD_GAP = 2             # characters between a cue's content and the colon ending its sentence


@dataclass(frozen=True)
class QuoteShape:
    """Where a sentence stands with respect to quotation marks."""

    starts_inside: bool       # it begins inside a quotation an earlier sentence opened
    opens: bool               # it begins with an opening quotation mark
    open_at: int | None       # document offset of a quotation mark still open at its end
    first_close: int | None   # document offset just after its first closing mark, if it starts inside


def quote_shape(sentence: Sentence) -> QuoteShape:
    tokens = tokenize(sentence.text, sentence.start)
    if not tokens:
        return QuoteShape(False, False, None, None)
    depths = quote_depths(list(tokens))
    opening = [n for n, t in enumerate(tokens) if _is_opening(tokens, n, depths)]
    starts_inside = depths[0] > 0 and not _is_opening(tokens, 0, depths)
    end_depth = depths[-1] + (1 if _is_opening(tokens, len(tokens) - 1, depths) else 0)
    open_at = tokens[opening[-1]].start if end_depth > 0 and opening else None
    if end_depth > 0 and not opening and starts_inside:
        open_at = sentence.start              # the whole sentence sits inside an earlier quotation
    first_close = None
    if starts_inside:
        close = next((t.end for n, t in enumerate(tokens) if t.text in CLOSING_MARKS
                      and not _is_opening(tokens, n, depths)), None)
        first_close = close
    return QuoteShape(starts_inside, _is_opening(tokens, 0, depths), open_at, first_close)


def _carried_over(sentences: list[Sentence], shapes: list[QuoteShape]) -> list[QuoteShape]:
    """'“He looks calm. He looks in charge. He has no fear,” she said.': a sentence with no quotation
    mark of its own, after one that leaves a quotation open in the same paragraph, lies wholly inside it."""
    out = list(shapes)
    for n in range(1, len(sentences)):
        before, sentence = sentences[n - 1], sentences[n]
        if out[n - 1].open_at is not None and before.paragraph == sentence.paragraph \
                and not any(t.text in OPENING_MARKS + CLOSING_MARKS for t in tokenize(sentence.text, sentence.start)):
            out[n] = QuoteShape(True, False, sentence.start, None)
    return out


def _is_opening(tokens: tuple[Token, ...], n: int, depths: list[int]) -> bool:
    """quote_depths gives an opening mark the depth outside it, a closing mark the depth after it."""
    tok = tokens[n]
    if tok.text not in OPENING_MARKS:
        return False
    if tok.text == "“":
        return True
    after = depths[n + 1] if n + 1 < len(tokens) else None
    return after is not None and after > depths[n]


def link_quotes(sentences: list[Sentence], found: list[list[Attribution]]) -> list[list[Attribution]]:
    """For each sentence, the attributions it takes from a neighbour's quotation (possibly none).

    `found[n]` holds the attributions sentence n makes by itself."""
    shapes = _carried_over(sentences, [quote_shape(s) for s in sentences])
    extra: list[list[Attribution]] = [[] for _ in sentences]
    # "“I don't know if it helps. We will win,” he said.": a cue inside the quotation is the speaker's
    # words, and does not stop the sentence from going on the quotation
    speaking = [[a for a in own if not _quoted_cue(s, shape, a)] for s, shape, own in zip(sentences, shapes, found)]
    _link_backward(sentences, found, speaking, shapes, extra)
    open_quote: Attribution | None = None
    last_quoted: tuple[int, Attribution] | None = None
    lead: Attribution | None = None
    for n, sentence in enumerate(sentences):
        shape, own = shapes[n], found[n]
        after = n > 0 and sentence.paragraph - sentences[n - 1].paragraph <= 1
        if open_quote and shape.starts_inside and open_quote.content[1] <= sentence.start \
                and not any(a.cue_span == open_quote.cue_span for a in own):
            end = shape.first_close or sentence.end
            extra[n].append(_moved(open_quote, (sentence.start, end), "quote-continued"))
        elif lead and after and shape.opens and not own and not extra[n]:
            extra[n].append(_moved(lead, _inside_marks(sentence), "quote-colon"))
        elif last_quoted and not speaking[n] and not extra[n] and shape.opens and last_quoted[0] == n - 1 \
                and sentences[n - 1].paragraph == sentence.paragraph and _long_enough(sentence):
            extra[n].append(_moved(last_quoted[1], _inside_marks(sentence), "quote-next"))
        elif last_quoted and not speaking[n] and not extra[n] and shape.opens and last_quoted[0] == n - 1 \
                and sentence.paragraph == sentences[n - 1].paragraph + 1 and _long_enough(sentence) \
                and _quotes_whole_paragraph(sentences, speaking, n):
            extra[n].append(_moved(last_quoted[1], _inside_marks(sentence), "quote-paragraph"))
        every = extra[n] + own
        open_quote = _still_open(every, shape)
        last_quoted = _quoted(every, sentence, n)
        lead = _colon_lead(sentence, own)
    return extra


def _quotes_whole_paragraph(sentences: list[Sentence], speaking: list[list[Attribution]], n: int) -> bool:
    """'“Our radar tracked the missiles ...”' as a paragraph of its own after '“...,” Hagari said.':
    a paragraph that is one quotation from its first word to its last, attributed nowhere in it,
    goes on the quotation that ended the paragraph before (the news convention for a speaker's
    consecutive quoted paragraphs)."""
    paragraph = [k for k in range(n, len(sentences)) if sentences[k].paragraph == sentences[n].paragraph]
    if any(speaking[k] for k in paragraph):
        return False
    last = sentences[paragraph[-1]].text.rstrip()
    return last.endswith(CLOSING_MARKS) or last[:-1].rstrip().endswith(CLOSING_MARKS)


def _colon_lead(sentence: Sentence, own: list[Attribution]) -> Attribution | None:
    """'He said:', 'The group issued the following statement:': a sentence ending in a colon after a
    speech cue introduces the quotation that follows it."""
    if not sentence.text.rstrip().endswith(":"):
        return None
    near_end = [a for a in own if a.source_span and a.rule.split(":")[2:3] in (["speech"], ["denial"])
                and a.content[1] >= sentence.end - MAX_LEAD_GAP]
    return near_end[-1] if near_end else colon_frame(sentence.text, sentence.start)


def outside_quotation(own: list[Attribution], linked: list[Attribution]) -> list[Attribution]:
    """A sentence's own attributions but those whose cue stands inside a quotation it takes from a
    neighbour: '“... I don't know if it helps ...,” he said.' is his words, 'know' included."""
    return [a for a in own if not any(b.content[0] <= a.cue_span[0] < b.content[1] for b in linked)]


def _quoted_cue(sentence: Sentence, shape: QuoteShape, attribution: Attribution) -> bool:
    """Whether the attribution's cue stands inside quotation marks (or, in a sentence that starts
    inside a quotation, before its first closing mark)."""
    if not attribution.cue_span:
        return False
    at = attribution.cue_span[0]
    if shape.starts_inside and (shape.first_close is None or at < shape.first_close):
        return True
    if not any(mark in sentence.text for mark in QUOTE_MARKS):
        return False                        # most sentences: no need to tokenize them again
    tokens = list(tokenize(sentence.text, sentence.start))
    depths = quote_depths(tokens)
    return any(t.start == at and depths[k] > 0 for k, t in enumerate(tokens))


def _link_backward(sentences, found, speaking, shapes, extra) -> None:
    """'“We never said that. We never did,” he said.': sentences that open a quotation with no cue
    of their own (outside the quotation) take the cue of the sentence that closes it, in the same
    paragraph."""
    n = 0
    while n < len(sentences):
        if speaking[n] or not shapes[n].opens or shapes[n].open_at is None:
            n += 1
            continue
        m = n + 1
        while m < len(sentences) and sentences[m].paragraph == sentences[n].paragraph and not speaking[m] \
                and shapes[m].starts_inside and shapes[m].open_at is not None:
            m += 1
        closer = _inverted_at_start(sentences, found, shapes, m, sentences[n].paragraph)
        if closer:
            for k in range(n, m):
                extra[k].append(_moved(closer, (sentences[k].start, sentences[k].end), "quote-before"))
        n = m if m > n else n + 1


def _inverted_at_start(sentences, found, shapes, m, paragraph) -> Attribution | None:
    if m >= len(sentences) or sentences[m].paragraph != paragraph or not shapes[m].starts_inside:
        return None
    start = sentences[m].start
    return next((a for a in found[m] if a.rule.startswith("inverted") and a.content[0] - start <= 2), None)


def _moved(attribution: Attribution, content: tuple[int, int], rule: str) -> Attribution:
    return replace(attribution, content=content, rule=rule + ":" + ":".join(attribution.rule.split(":")[1:]))


def _still_open(attributions: list[Attribution], shape: QuoteShape) -> Attribution | None:
    """The attribution whose quotation is still open when the sentence ends."""
    if shape.open_at is None:
        return None
    for attribution in reversed(attributions):
        # the content starts right after the opening mark, which is one character (“) or two ('')
        if attribution.content[0] - 2 <= shape.open_at < attribution.content[1]:
            return attribution
    return None


def _quoted(attributions: list[Attribution], sentence: Sentence, n: int) -> tuple[int, Attribution] | None:
    """A speaker's attribution of direct speech in this sentence, which a next quoted sentence may go on."""
    for attribution in attributions:
        kind = attribution.rule.split(":")[2:3]
        quoted = any(mark in sentence.text for mark in ("“", '"', "''"))
        if kind and kind[0] in SPEECH_KINDS and attribution.source_span and quoted:
            return n, attribution
    return None


def _inside_marks(sentence: Sentence) -> tuple[int, int]:
    """'“Nobody doubts it.”' -> 'Nobody doubts it': the quoted words without marks and final stop."""
    tokens = tokenize(sentence.text, sentence.start)
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].text in OPENING_MARKS:
        lo += 1
    while hi > lo and (tokens[hi - 1].text in CLOSING_MARKS or tokens[hi - 1].text in ".!?,"):
        hi -= 1
    return (tokens[lo].start, tokens[hi - 1].end) if hi > lo else (sentence.start, sentence.end)


def _long_enough(sentence: Sentence) -> bool:
    return len(tokenize(sentence.text, sentence.start)) >= MIN_QUOTED_TOKENS + 2
