"""Document text -> paragraphs and sentences with exact character offsets and a role.

Roles: body (may hold claims), heading, question (rhetorical, titles), boilerplate (comment forms,
counters, bylines, author bios, discourse markers), caption (a photo caption with its credit),
credit (the "(Photo: X)" part). Only body and caption sentences are mined for claims.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from factcheck.lexicon import load_list
from factcheck.models import Sentence
from factcheck.pipeline.document import furniture

CLOSERS = "\"'”’)]»"
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital, digit or quote.
# Two apostrophes open a quotation in some newspapers' text: "he said. ''It is over.''"
END_RE = re.compile(r"[.!?…]+[" + re.escape(CLOSERS) + r"]*(?=\s+(?:''|[\"'“‘(\[])?[A-Z0-9])")
WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LETTERS_AND_PERIODS = frozenset(string.ascii_letters + ".")
NUMBERED_ITEM_RE = re.compile(r"\s*(?:\d{1,2}|[a-z]|[IVX]{1,4})\.")
LIST_LABEL_RE = re.compile(r"(?:\d{1,2}|[a-z]|[IVX]{1,4})[.)]\s+([^.:!?]{2,90}):\s+")
BYLINE_RE = re.compile(r"^(?:by\s+)?[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,4}(?:\s+[–—|-]\s+.{2,80})?$")
CREDIT_RE = re.compile(r"\s*\((?:photo|image|picture|credit|source)(?: credit)?\s*:\s*([^)]{1,80})\)\s*$", re.I)
FIRST_PERSON_RE = re.compile(r"^(?:I|My)\b|\b(?:I|my)\b")
BIO_RE = re.compile(r"\b(?:is|was) an? (?:[a-z-]+ ){0,3}(?:fellow|researcher|journalist|writer|contributor|"
                    r"editor|professor|analyst|correspondent|reporter|columnist|author|director)\b"
                    r"(?: (?:at|with|for|of)\b|\.|,)")
# the speaker (with an apposition: "Tom Lee, the party chairman, said") and cue after a quotation
# ending in ! or ? (or a nested quotation's mark: "...?'\""), up to the stop that ends the attribution
RUN_ON_CUE_RE = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*(?:,[^,.!?“”\"]{1,60},)?\s+"
                           r"(?:said|says|asked|asks|tweeted|wrote|writes|added|told|tells|replied|continued|explained|"
                           r"shouted|exclaimed|declared|answered|responded|remarked|insisted|countered|pressed)\b"
                           r"[^.!?]{0,200}[.!?]")
QUOTE_ENDS = tuple(mark + inner + closer for mark in "!?" for inner in ("", "'", "’") for closer in ("”", '"', "''"))
MAX_HEADING_WORDS = 14
MAX_WRAP_WIDTH = 120         # characters: a hard-wrapped text is cut at 72-80, seldom past 100
WRAPPED_LINE_SHARE = 0.9     # of a text's lines no longer than MAX_WRAP_WIDTH, for a hard-wrapped text
WRAP_NEAR_WIDTH = 12         # characters short of the width that a wrapped line mostly ends within
MIN_WRAPPED_LINES = 3        # lines that near the width, for a text to be read as hard-wrapped
WRAP_SLACK = 2               # characters: a wrapped line may stop a little short of the width
# a Markdown heading, list item, block quote or table row is a block of its own, never a wrapped line
WRAP_BLOCK_RE = re.compile(r"\s*(?:#|[-*+]\s|\d{1,3}[.)]\s|>|\|)")
BIO_TAIL_PARAGRAPHS = 4      # bios and bylines are looked for only this close to the end
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I This That These Those His Her Their Its In On At But And Yet So "
    "However Meanwhile Still Also After Before When While Although Despite According As If".split())


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_list("abbreviations.txt"))


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    """All of a pattern file's lines as one alternation, matched against a whole sentence."""
    return re.compile("|".join(f"(?:{p})" for p in load_list(name)), re.I)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs, stripped, as (start, end) spans: a non-empty line each, as most texts put one
    paragraph on a line, save the lines of a paragraph hard-wrapped in a text parted by blank lines."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group(0)
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            spans.append((match.start() + left, match.start() + right))
    return _join_wrapped_lines(text, spans)


def _join_wrapped_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines that go on a paragraph cut at the wrap width, as Markdown and e-mail are written, joined
    into it; only in a text that parts its paragraphs by blank lines, where a line break alone is no
    paragraph's end."""
    gaps = [text[end:start] for (_, end), (start, _) in zip(lines, lines[1:])]
    if not any(gap.replace("\r", "").count("\n") > 1 for gap in gaps):
        return lines
    short = [e - s for s, e in lines if e - s <= MAX_WRAP_WIDTH]
    # cut at a width only when nearly every line is short, as a wrapped text's are (a long line is
    # a link or a table row), not when the paragraphs run a line each and a short one ends a block
    width = max(short, default=0)
    wrapped = (len(short) >= WRAPPED_LINE_SHARE * len(lines)
               and sum(n >= width - WRAP_NEAR_WIDTH for n in short) >= MIN_WRAPPED_LINES)
    width = width if wrapped else 0
    joined = lines[:1]
    for index in range(1, len(lines)):
        (last_start, last_end), (start, end) = lines[index - 1], lines[index]
        one_break = gaps[index - 1].replace("\r", "").count("\n") == 1
        if one_break and _goes_on(text[last_start:last_end], text[start:end], width, index > 1):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _goes_on(line: str, following: str, width: int, past_headline: bool) -> bool:
    """True when `following` goes on the paragraph whose last line is `line`: it starts in lower
    case, or `line` was cut because the next word would not fit the wrap width (never the
    headline, which stands on a line of its own whatever its length)."""
    if WRAP_BLOCK_RE.match(line) or WRAP_BLOCK_RE.match(following):
        return False
    if following[0].islower():
        return True
    next_word = following.split()[0]
    return past_headline and 0 < len(line) <= width < len(line) + 1 + len(next_word) + WRAP_SLACK


def _word_before(before: str) -> str | None:
    """What WORD_BEFORE_RE finds before the final period of `before` (letters and periods, from a
    letter on), read backwards from that period instead of searched for from the paragraph's start."""
    stop = len(before) - 1
    start = stop
    while start > 0 and before[start - 1] in _LETTERS_AND_PERIODS:
        start -= 1
    while start < stop and before[start] == ".":
        start += 1
    return before[start:stop] if start < stop else None


def _is_false_end(text: str, para_start: int, end: int) -> bool:
    """True when the period at text[end-1] belongs to an abbreviation, initial or list number,
    or a quotation ending in ! or ? runs on into its attribution ('“Such fun!” Trump tweeted.',
    "''Why not?'' Mr. Lee asked, smiling.")."""
    before = text[para_start:end]
    if before.endswith(QUOTE_ENDS) and RUN_ON_CUE_RE.match(text, end):
        return True
    if not before.endswith("."):
        return False
    if NUMBERED_ITEM_RE.fullmatch(before):
        return True                                  # "1. " opening a numbered item
    word = _word_before(before)
    if word is None:
        return False
    if word in _abbreviations() or word.rstrip(".") in _abbreviations():
        return True
    if re.fullmatch(r"[A-Z]", word):                 # an initial: "John F. Kennedy"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):   # "U.S", "e.g": ends a sentence only before a starter
        following = text[end:end + 20].split()
        return not following or following[0].strip("\"“‘'(") not in SENTENCE_STARTERS
    return False


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in END_RE.finditer(text, start, end):
        stop = match.end()
        if _is_false_end(text, start, match.start() + 1 if text[match.start()] == "." else stop):
            continue
        spans.append((cursor, stop))
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _role(sentence: str, only_sentence: bool, paragraph: int, paragraphs: int, bio: bool) -> str:
    stripped = sentence.strip()
    if bio:
        return "boilerplate"
    if _pattern("boilerplate.txt").fullmatch(stripped) or _pattern("discourse.txt").fullmatch(stripped):
        return "boilerplate"
    near_end = paragraph >= paragraphs - BIO_TAIL_PARAGRAPHS
    if near_end and BIO_RE.search(stripped) and paragraph > 0 and only_sentence:
        return "boilerplate"
    if stripped.endswith("?") or stripped.endswith("?”") or stripped.endswith('?"'):
        return "question"
    # "... the end." / "(... the end.)" / "... end.'"
    ends_sentence = re.search(r"(?:[.!:;”\"’…]|[.!?]')\)?$", stripped)
    if only_sentence and not ends_sentence and len(stripped.split()) <= MAX_HEADING_WORDS:
        if near_end and BYLINE_RE.match(stripped) and paragraph > 0:
            return "boilerplate"
        return "heading"
    return "body"


def split_sentences(text: str, title: str | None = None) -> list[Sentence]:
    """All sentences of `text` with offsets, paragraph index and role.

    `title`, when the document's metadata gives one, marks the line that prints it as the headline."""
    paragraphs = split_paragraphs(text)
    sentences: list[Sentence] = []
    after_name = False
    top = _Top(furniture.blank_line_paragraphs(text, paragraphs))
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        attached = p_index > 0 and "\n\n" not in text[paragraphs[p_index - 1][1]:p_start].replace("\r", "")
        p_start = _emit_label(text, p_start, p_index, sentences)
        forced = top.role_of(text[p_start:p_end], title, attached)
        if forced is None and top.before_body and p_index < furniture.MAX_DATELINE_PARAGRAPH:
            p_start = _emit_dateline(text, p_start, p_end, p_index, sentences)
        caption_credit = CREDIT_RE.search(text, p_start, p_end)
        body_end = caption_credit.start() if caption_credit else p_end
        spans = _sentence_spans(text, p_start, body_end)
        # An author bio: a first-person paragraph right after a name line near the end.
        bio = (after_name and p_index >= len(paragraphs) - BIO_TAIL_PARAGRAPHS and bool(spans)
               and bool(FIRST_PERSON_RE.match(text[spans[0][0]:spans[0][1]])))
        roles = []
        for s, e in spans:
            role = _role(text[s:e], len(spans) == 1, p_index, len(paragraphs), bio)
            role = role if role == "boilerplate" else forced or role
            if caption_credit and role in ("body", "heading"):
                role = "caption"
            roles.append(role)
        for (s, e), role in zip(spans, roles):
            sentences.append(Sentence(s, e, text[s:e], p_index, len(sentences), role))
        if caption_credit:
            s, e = caption_credit.start() + len(caption_credit.group(0)) - len(caption_credit.group(0).lstrip()), p_end
            sentences.append(Sentence(s, e, text[s:e], p_index, len(sentences), "credit"))
        top.note(roles, text[p_start:p_end])
        after_name = bool(roles) and roles[-1] in ("heading", "boilerplate") and len(spans) == 1
    return _cut_off_at_the_end(_bylines_only_at_the_end(sentences))


def _cut_off_at_the_end(sentences: list[Sentence]) -> list[Sentence]:
    """A text cut off inside a quotation ('“If any of it were true, we would have every interest—economic,
    and eth'): its last sentence, a quotation left open with no closing mark, is a fragment, not a
    claim (a sentence that says something before the quotation opens keeps its role)."""
    if not sentences or sentences[-1].role != "body":
        return sentences
    last = sentences[-1]
    text = last.text.rstrip()
    opened = text.startswith(("“", '"')) and (text.count("“") > text.count("”") or text.count('"') % 2 == 1)
    if opened and not re.search(r"[.!?…:;”\"’')\]]$", text):
        sentences[-1] = Sentence(last.start, last.end, last.text, last.paragraph, last.index, "boilerplate")
    return sentences


class _Top:
    """The top of the page, until the story's first sentence: headline, standfirst, related links."""

    def __init__(self, blank_lines: bool) -> None:
        self.before_body = True
        self.headline_seen = False
        self.blank_lines = blank_lines          # the text parts its paragraphs by blank lines
        self.standfirst_seen = False
        self.headings: set[str] = set()        # the lines taken as headings so far

    def role_of(self, paragraph: str, title: str | None, attached: bool) -> str | None:
        """The role the whole paragraph takes as furniture, or None to read it sentence by sentence.
        `attached`: no blank line parts it from the line before."""
        if furniture.matches_title(paragraph, title) or paragraph.strip() in self.headings:
            return "heading"                    # the headline, or printed again
        if furniture.is_bracketed(paragraph):
            return "boilerplate"
        if not (self.before_body and self.headline_seen) or self.standfirst_seen \
                or _pattern("boilerplate.txt").fullmatch(paragraph.strip()):
            return None                         # a page has one standfirst: a caption may follow it
        # one full sentence kept under the headline without the blank line that parts the story's
        # paragraphs is the standfirst too, printed with the headline ("3 min read" between or not)
        if furniture.is_standfirst(paragraph) or (self.blank_lines and attached
                                                  and furniture.is_one_sentence(paragraph)):
            self.standfirst_seen = True
            return "heading"
        return None

    def note(self, roles: list[str], paragraph: str) -> None:
        if "body" in roles or "caption" in roles:
            self.before_body = False
        elif roles and all(role == "heading" for role in roles):
            self.headline_seen = True
            self.headings.add(paragraph.strip())


def _emit_dateline(text: str, p_start: int, p_end: int, p_index: int, sentences: list[Sentence]) -> int:
    """A dateline opening the paragraph ("WASHINGTON (AP) — ") becomes boilerplate; returns where the
    first sentence starts."""
    after = furniture.dateline_end(text, p_start, p_end)
    if after is None:
        return p_start
    stop = p_start + len(text[p_start:after].rstrip())
    sentences.append(Sentence(p_start, stop, text[p_start:stop], p_index, len(sentences), "boilerplate"))
    return after


def _bylines_only_at_the_end(sentences: list[Sentence]) -> list[Sentence]:
    """A name-like line followed by more body text was a section heading, not a byline."""
    out, body_after = [], False
    for s in reversed(sentences):
        if s.role == "boilerplate" and body_after and BYLINE_RE.match(s.text) and " " in s.text.strip():
            s = Sentence(s.start, s.end, s.text, s.paragraph, s.index, "heading")
        body_after = body_after or s.role == "body"
        out.append(s)
    return out[::-1]


def _emit_label(text: str, p_start: int, p_index: int, sentences: list[Sentence]) -> int:
    """A numbered item's label ("2. Joint naval exercises: ...") becomes a heading; returns where the body starts."""
    label = LIST_LABEL_RE.match(text, p_start)
    if not label:
        return p_start
    s, e = label.start(1), label.end(1)
    sentences.append(Sentence(s, e, text[s:e], p_index, len(sentences), "heading"))
    return label.end()


def credit_of(sentence: Sentence) -> str | None:
    """The credited name of a "(Photo: kremlin.ru)" credit sentence."""
    match = CREDIT_RE.search(" " + sentence.text)
    return match.group(1).strip() if match else None
