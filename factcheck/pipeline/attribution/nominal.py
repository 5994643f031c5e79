"""Attributions whose cue is not a verb with its subject: a preposition, a colon, a noun or an adverb.

  according   "According to a report on the Al Arabiya website, ..." / "..., according to X."
  colon       "Cruz called them on it: “The questions ...”"
  stance      "In his view, the deal is dead." / "In the senator's words, ..."
  noun-that   "Smith's claim that the vote was rigged ..." / "his warning that prices would rise"
  noun        "reports of ...", "Russian and Iranian denials"
  adverb      "The agency is reportedly preparing ..." (unnamed reports)
  survey      "Cruz had 38 percent in a Fox poll." / "In the new poll, 40 percent back Sanders."
A speaker named before a colon with no quotation after it ("Poll: Cruz leads in Texas.") is `colon.py`'s.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.lexicon import load_table
from factcheck.models import Attribution
from factcheck.pipeline.attribution.colon import find_speaker_colon
from factcheck.pipeline.attribution.content import content_before
from factcheck.pipeline.attribution.frame import Cue, make_attribution
from factcheck.pipeline.attribution.speakers import looks_like_source
from factcheck.pipeline.attribution.subjects import opening_adverbial, walk_left
from factcheck.pipeline.words.tokens import BOUNDARY_PUNCT, CLAUSE_WORDS, PREPOSITIONS, TIME_WORDS, Token, relative_that

POSSESSIVES = frozenset("his her their its our my your".split())
CLAUSE_BREAKS = frozenset(";:—–")                 # what ends the clause a reporting adverb stands in
MAX_NOUN_CONTENT_TOKENS = 40     # a that-clause after a noun runs to a comma or this far
MAX_OPENER_WORDS = 4             # "Since last November, according to X, ..."
MAX_SURVEY_TOKENS = 8            # "in a Washington Post-ABC News poll": words up to the survey noun
SURVEY_NOUNS = frozenset("poll polls survey surveys polling".split())
ONE_SURVEY = frozenset({"poll", "survey"})     # after a clause: one survey, not "the polls" at large


@lru_cache(maxsize=1)
def _reporting_nouns() -> dict[str, str]:
    return {noun.lower(): kind for noun, kind in load_table("reporting_nouns.txt")}


def is_reporting_noun(word: str) -> bool:
    """'assertions', 'statement', 'denial': a noun that names what a source said or thinks."""
    return word.lower() in _reporting_nouns()


@lru_cache(maxsize=1)
def _reporting_adverbs() -> dict[str, tuple[str, str]]:
    return {adverb.lower(): (kind, certainty) for adverb, kind, certainty in load_table("reporting_adverbs.txt")}


@lru_cache(maxsize=1)
def _stance_nouns() -> frozenset[str]:
    return frozenset(noun.lower() for noun, _ in load_table("stance_nouns.txt"))


def find_frames(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """The sentence's prepositional, colon and noun attributions, given the verb ones in `found`."""
    out = _according_to(tokens, end)
    out += _in_survey(tokens, end, found + out)
    out += _colon_quote(tokens, end, found + out)
    out += find_speaker_colon(tokens, end, found + out)
    if not found and not out:
        out += _stance(tokens, end)
    out += _noun_that(tokens, end, found + out)
    out += _noun_cues(tokens, end, found + out)
    out += _adverb_cues(tokens, end, found + out)
    return out


def _possessor(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """'his', 'Smith’s', 'the senator's' ending just before token `at`: the possessor's token range."""
    if at == 0:
        return None
    before = tokens[at - 1]
    if before.low in POSSESSIVES:
        return at - 1, at
    if before.low.endswith(("’s", "'s")) and len(before.low) > 2:
        lo = at - 1
        while lo > 0 and (tokens[lo - 1].text[:1].isupper() or tokens[lo - 1].low in ("the", "a")) \
                and at - lo < 5:
            lo -= 1
        return lo, at
    return None


def _stance(tokens: list[Token], end: int) -> list[Attribution]:
    """'In his view, ...', 'In Smith's words, ...': a sentence-opening stance phrase names the holder."""
    if end < 5 or tokens[0].low not in ("in", "to"):
        return []
    comma = next((j for j in range(2, min(end, 8)) if tokens[j].text == ","), None)
    if comma is None or tokens[comma - 1].low not in _stance_nouns():
        return []
    holder = _possessor(tokens, comma - 1)
    if holder is None or holder[0] != 1:
        return []
    cue = Cue(0, comma - 1, comma - 1, tokens[comma - 1].low, "thought", "certain")
    cue_span = (tokens[0].start, tokens[comma - 1].end)
    cue_text = " ".join(t.text for t in tokens[:comma])
    made = make_attribution(tokens, (comma + 1, end), holder, cue_span, cue_text, "stance", cue)
    return [made] if made else []


def _noun_that(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """'Smith’s claim that the vote was rigged', 'his warning that ...': a reporting noun with its
    holder before it and its content in a that-clause."""
    nouns, out = _reporting_nouns(), []
    for i in range(1, end - 2):
        tok = tokens[i]
        if nouns.get(tok.low) not in ("speech", "thought") or tokens[i + 1].low != "that":
            continue
        if any(a.cue_span and a.cue_span[0] <= tok.start < a.cue_span[1] for a in found + out):
            continue
        holder = _possessor(tokens, i)
        if holder is None:
            continue
        hi = i + 2
        while hi < end and tokens[hi].text not in (",", ";", "—", "–") and hi - i < MAX_NOUN_CONTENT_TOKENS:
            hi += 1
        cue = Cue(i, i, i, tok.low, nouns[tok.low], "certain")
        made = make_attribution(tokens, (i + 2, hi), holder, (tok.start, tok.end), tok.text, "noun-that", cue)
        if made:
            out.append(made)
    return out


def _according_to(tokens: list[Token], end: int) -> list[Attribution]:
    """'According to X, content.' and 'content, according to X.'"""
    found = []
    for i in range(len(tokens) - 1):
        if tokens[i].low != "according" or tokens[i + 1].low != "to":
            continue
        lo = i + 2
        hi = lo
        while hi < end and tokens[hi].text not in BOUNDARY_PUNCT:
            hi += 1
        if hi == lo:
            continue
        cue_span = (tokens[i].start, tokens[i + 1].end)
        if _opens_clause(tokens, i) and hi < end:
            content = (hi + 1, end) if tokens[hi].text == "," else None
        elif _interrupts(tokens, i, hi, end):
            content = (hi + 1, end)         # "which—according to their statements—is peaceful"
        elif tokens[i - 1].text in (",", "—", "–", "”", '"', "''") or hi >= end or \
                tokens[hi].text in (",", ";") and hi + 1 < end and tokens[hi + 1].low in ("but", "and", "while"):
            content = content_before(tokens, i)     # "..., according to X." / "... 46 percent according to X."
        else:
            content = None
        if content and content[0] < content[1]:
            cue = Cue(i, i, i + 1, "according to", "speech", "certain")
            made = make_attribution(tokens, content, (lo, hi), cue_span, "according to", "according", cue)
            if made:
                found.append(made)
    return found


def _colon_quote(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """'Cruz called them on it: “The questions ...”': a colon before a quotation is the cue."""
    for i, tok in enumerate(tokens[:end - 1]):
        if tok.text != ":" or tokens[i + 1].text not in ("“", '"') or i == 0:
            continue
        if any(a.content[0] <= tok.start < a.content[1] or a.cue_span and a.cue_span[1] >= tokens[i - 1].end
               for a in found):
            continue
        lo = walk_left(tokens, i)       # a spaced hyphen is a dash: "Pollsters agree - Carl Bialik: “...”"
        lo = max([lo] + [j + 1 for j in range(lo, i) if tokens[j].text in ("-", "--")])
        while lo < i and tokens[lo].low in PREPOSITIONS | TIME_WORDS:
            lo += 1
        if lo >= i:
            continue
        hi = lo + 1
        while hi < i and (tokens[hi].text[:1].isupper() or tokens[hi].text == "."):
            hi += 1
        if not looks_like_source(tokens[lo:hi], strict=False):
            continue
        cue = Cue(i, i, i, "colon", "speech", "certain")
        made = make_attribution(tokens, (i + 1, end), (lo, hi), (tok.start, tok.end), ":", "colon", cue)
        return [made] if made else []
    return []


def _opens_clause(tokens: list[Token], i: int) -> bool:
    """'According to X, ...' at the start of a sentence, a parenthesis or a clause after a colon, or
    after an opening adverbial ('In addition, according to X, ...', 'Since May, according to X, ...')."""
    if i == 0 or tokens[i - 1].text in ("“", "(", ":", ";") or i <= 2 and tokens[i - 1].text[:1].isupper():
        return True
    if tokens[i - 1].text == '"':                   # a straight quote opens only at a clause start
        return i == 1 or tokens[i - 2].text in (":", ";", "(", "—", "–")
    if tokens[i - 1].text != ",":
        return False
    lo = i - 1
    while lo > 0 and tokens[lo - 1].text not in (",", ":", ";", "(", "“", '"'):
        lo -= 1
    if lo > 0 and tokens[lo - 1].text == ",":
        return False                                # "formed in Florida, in 2012, according to X."
    words = [t for t in tokens[lo:i - 1] if t.text[:1].isalnum()]
    return bool(words) and len(words) <= MAX_OPENER_WORDS and opening_adverbial(words)


def _interrupts(tokens: list[Token], i: int, hi: int, end: int) -> bool:
    """An 'according to X' set off by dashes or commas right after a clause word, with more to come."""
    opened = i >= 2 and tokens[i - 1].text in ("—", "–", ",") and tokens[i - 2].low in CLAUSE_WORDS
    return opened and hi < end - 1 and tokens[hi].text in ("—", "–", ",")


def _noun_cues(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """'reports of X' (unnamed reports) and 'Russian and Iranian denials' (a denial by those named)."""
    nouns, out = _reporting_nouns(), []
    covered = [a.cue_span for a in found]
    for i, tok in enumerate(tokens[:end]):
        kind = nouns.get(tok.low)
        if not kind or any(s <= tok.start < e for s, e in covered) or \
                any(a.content[0] <= tok.start < a.content[1] for a in found):
            continue
        nxt = tokens[i + 1].low if i + 1 < end else ""
        if kind == "denial":
            lo = i
            while lo > 0 and (tokens[lo - 1].text[:1].isupper() or tokens[lo - 1].low == "and") \
                    and tokens[lo - 1].low not in ("despite", "the"):
                lo -= 1
            if lo < i:
                cue = Cue(i, i, i, tok.low, "denial", "certain")
                made = make_attribution(tokens, (lo, i + 1), (lo, i), (tok.start, tok.end), tok.text, "noun", cue)
                if made:
                    out.append(made)
        elif tok.low in ("reports", "report") and nxt in ("of", "that") and i + 2 < end \
                and not relative_that(tokens, i + 2):       # "a report that found ...": its own cue
            cue = Cue(i, i, i, tok.low, "speech", "certain")
            made = make_attribution(tokens, (i + 2, end), (i, i + 1), (tok.start, tok.end), tok.text, "noun", cue)
            if made:
                out.append(Attribution(content=made.content, source="unnamed reports", source_span=None,
                                       cue=made.cue, cue_span=made.cue_span, rule=made.rule))
    return out


def _adverb_cues(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """'The agency is reportedly preparing ...': the clause around the adverb is what unnamed reports
    say, unless another attribution already holds it."""
    adverbs, out = _reporting_adverbs(), []
    for i, tok in enumerate(tokens[:end]):
        if tok.low not in adverbs or any(a.content[0] <= tok.start < a.content[1] for a in found + out):
            continue
        lo = i
        while lo > 0 and tokens[lo - 1].text not in CLAUSE_BREAKS:
            lo -= 1
        hi = i + 1
        while hi < end and tokens[hi].text not in CLAUSE_BREAKS:
            hi += 1
        kind, certainty = adverbs[tok.low]
        cue = Cue(i, i, i, tok.low, kind, certainty)
        made = make_attribution(tokens, (lo, hi), (i, i + 1), (tok.start, tok.end), tok.text, "adverb", cue)
        if made:
            out.append(Attribution(content=made.content, source="unnamed reports", source_span=None,
                                   cue=made.cue, cue_span=made.cue_span, rule=made.rule))
    return out


def _in_survey(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """'Cruz had 38 percent in a Fox poll.' / 'In the new poll, 40 percent back Sanders.': a survey
    named after 'in' is the source of the figures in its clause."""
    out = []
    for i, tok in enumerate(tokens[:end]):
        if tok.low != "in" or any(a.content[0] <= tok.start < a.content[1] for a in found):
            continue
        head = next((j for j in range(i + 1, min(end, i + 1 + MAX_SURVEY_TOKENS))
                     if tokens[j].low in SURVEY_NOUNS or tokens[j].text in BOUNDARY_PUNCT), None)
        if head is None or tokens[head].low not in SURVEY_NOUNS:
            continue
        hi = head + 1
        while hi < end and tokens[hi].text not in BOUNDARY_PUNCT and tokens[hi].low not in CLAUSE_WORDS:
            hi += 1                         # "in a poll released Sunday", "in the survey last month"
        if i == 0 or _opens_clause(tokens, i):
            content = (hi + 1, end) if hi < end and tokens[hi].text == "," else None
        elif tokens[head].low in ONE_SURVEY and tokens[i + 1].low != "this":
            content = content_before(tokens, i)     # not "slid in the polls", "in this survey:"
        else:
            content = None
        if content and content[0] < content[1]:
            cue = Cue(i, i, i, "in", "evidence", "certain")
            made = make_attribution(tokens, content, (i + 1, hi), (tok.start, tok.end), tok.text, "survey", cue)
            if made:
                out.append(made)
    return out
