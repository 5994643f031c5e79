"""Who speaks: the source phrase of a reporting cue, left of it ('Sen. Marco Rubio, R-Fla., said'),
right of it ('..., said the minister'), after 'by' ('as described by the government') or opening the
clause ('Carson took the stage ... and called it rotten').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.pipeline.attribution.speakers import (
    FOCUS_ADVERBS,
    MAX_SOURCE_TOKENS,
    SUBJECT_GAP_WORDS,
    and_inside_name,
    looks_like_source,
)
from factcheck.pipeline.words.tokens import (
    ADVERBIAL_PREPOSITIONS,
    ASIDE_DASHES,
    AUX_WORDS,
    BOUNDARY_PUNCT,
    CLAUSE_WORDS,
    NOUN_LIKE_AFTER_DET,
    PREPOSITIONS,
    PRONOUNS,
    SOURCE_NOUNS,
    TIME_WORDS,
    Token,
    closes_quotation,
    quote_depths,
    relative_that,
)

if TYPE_CHECKING:
    from factcheck.pipeline.attribution.frame import Cue

MAX_APPOSITIVE_TOKENS = 30   # "X, who has led the group since it was founded in 1998, said"
MAX_NAME_TOKENS = 6          # the name before such a long aside
MAX_ASIDES_TOKENS = 45       # "X, a former aide to Y, recalling the 2008 race, said": name to cue
MAX_LABEL_CHARS = 12         # "(D-Mo.)", "(R-N.Y.)", "(I-Vt.)" after a name
MAX_LOWER_MODIFIERS = 2      # lower-case words before a subject's source noun: "the Chinese foreign ministry"
OPENING_ADVERBS = frozenset("however meanwhile still instead earlier later separately also yet but and so then "
                            "now last this when as while".split())
# "the paper, which said ...": cues that a 'which' (a paper, a party) can be the subject of; a 'which'
# after a whole clause ("..., which emphasized the risk") is the writer's comment, not a speaker
WHICH_SPEAKS = frozenset("say tell report state write announce claim add".split())
NOT_ADVERBS = frozenset("family ally rally supply assembly reply italy july".split())
ANIMATE_LEMMAS = frozenset({"describe", "call"})    # "called a meeting": a speaker only if one can speak


def left_subject(tokens: list[Token], cue: Cue) -> tuple[int, int] | None:
    """Token range [lo, hi) of the subject left of the cue, or None."""
    hi = cue.first
    if hi > 1 and tokens[hi - 1].low == "to":      # "prompted Senator X to express ...": X speaks
        hi -= 1
    while hi > 1 and (is_manner_adverb(tokens[hi - 1]) or tokens[hi - 1].text.islower()
                      and (tokens[hi - 1].low in AUX_WORDS or tokens[hi - 1].low in SUBJECT_GAP_WORDS
                           or tokens[hi - 1].low.endswith(("n't", "n’t")))):
        hi -= 1                                   # "the paper, which originally said", "he did not mention"
    if hi > 0 and (tokens[hi - 1].low == "who" or tokens[hi - 1].low == "which" and cue.lemma in WHICH_SPEAKS
                   or tokens[hi - 1].low == "that" and relative_that(tokens, cue.verb)):
        return (hi - 1, hi)                       # "Smith, who said ...": the relative pronoun stands for Smith
    if hi > 1 and tokens[hi - 1].text == ",":
        return _appositive_subject(tokens, cue, hi - 1)
    if hi > 2 and tokens[hi - 1].text in ASIDE_DASHES:     # "Many speakers — including Muslims and Jews — said"
        opening = next((k for k in range(hi - 2, max(0, hi - 2 - MAX_APPOSITIVE_TOKENS), -1)
                        if tokens[k].text == tokens[hi - 1].text), None)
        if opening:
            lo = walk_left(tokens, opening)
            return (lo, hi) if lo < opening and looks_like_source(tokens[lo:opening], strict=needs_animate(cue)) \
                else None
    if hi > 2 and tokens[hi - 1].text == ")":        # "Sen. Bernie Sanders (I-Vt.) said"
        opening = max((k for k in range(hi - 1) if tokens[k].text == "("), default=None)
        if opening:
            lo = walk_left(tokens, opening)
            return (lo, hi) if lo < opening and looks_like_source(tokens[lo:opening], strict=False) else None
    if hi > 0 and tokens[hi - 1].low in ADVERBIAL_PREPOSITIONS:
        return None                               # "ended the hearing by saying ...": a participle clause
    lo = walk_left(tokens, hi)
    if lo == hi:
        return None
    relative = _relative_subject(tokens, cue, lo, hi)
    if relative:
        return relative
    if tokens[lo].low == "with" and lo + 1 < hi:
        lo += 1                                   # "..., with 22 percent of voters saying ..."
    lo = _trim_leading_phrase(tokens, lo, hi)
    while lo < hi - 1 and tokens[lo].low in FOCUS_ADVERBS:
        lo += 1                                   # "Just 28 percent of voters said"
    return (lo, hi) if looks_like_source(tokens[lo:hi], strict=needs_animate(cue),
                                         groups=cue.kind in ("thought", "speech")) else None


def _relative_subject(tokens: list[Token], cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """'People who have fought other threats say ...', 'Friends of his who saw him say ...': a noun
    phrase and its relative clause, with no comma, is the subject of the cue after them."""
    if lo < 2 or tokens[lo - 1].low not in ("who", "whose") or tokens[lo - 2].text in BOUNDARY_PUNCT:
        return None
    head_lo = walk_left(tokens, lo - 1)
    if head_lo >= lo - 1 or not looks_like_source(tokens[head_lo:lo - 1], strict=needs_animate(cue), groups=True):
        return None
    return head_lo, hi


def is_manner_adverb(tok: Token) -> bool:
    """'originally', 'first', 'flatly' between a subject and its cue."""
    return tok.low == "first" or tok.text.islower() and tok.low.endswith("ly") and len(tok.low) > 4 \
        and tok.low not in NOT_ADVERBS


def walk_left(tokens: list[Token], hi: int) -> int:
    lo = hi
    while lo > 0 and hi - lo < MAX_SOURCE_TOKENS:
        tok = tokens[lo - 1]
        if tok.text in BOUNDARY_PUNCT or tok.low in CLAUSE_WORDS and not and_inside_name(tokens, lo - 1, hi) \
                or tok.low == "what":                # "what Newt Gingrich called 'the loudest ...'"
            break
        lo -= 1
    return lo


def _appositive_subject(tokens: list[Token], cue: Cue, comma: int) -> tuple[int, int] | None:
    """'Sen. Marco Rubio, R-Fla., said' / 'The author, Mitchell Zuckoff, told': name plus appositive;
    with several asides, the phrase that opens the clause."""
    one = _one_aside_subject(tokens, cue, comma)
    if one and opening_adverbial(tokens[one[0]:one[0] + 1]) and tokens[one[0] + 1].text == ",":
        return None                               # "Later, the ministry issued rules, saying ...": no name
    if one and (one[0] == 0 or tokens[one[0] - 1].text not in (",", ")")):
        return one
    return _first_phrase_subject(tokens, comma, needs_animate(cue)) or one


def _first_phrase_subject(tokens: list[Token], comma: int, strict: bool) -> tuple[int, int] | None:
    """'Tommy Vietor, a former aide to Mr. Obama, recalling the 2008 race, said' / 'However, Jill
    Martin, counsel for the firm, said' / 'Will Rogers, for example, said': the name opening the
    clause (after an opening adverbial) speaks when only comma-separated asides follow it."""
    lo = comma
    while lo > 0 and tokens[lo - 1].text not in (";", ":") and comma - lo <= MAX_ASIDES_TOKENS \
            and not _opening_quotation_ends(tokens, lo):
        lo -= 1
    depths = quote_depths(list(tokens[lo:comma + 1]))
    if comma - lo > MAX_ASIDES_TOKENS or depths[0] or depths[-1]:
        return None
    commas = [k for k in range(lo, comma) if tokens[k].text == ","]
    relative = commas and _head_with_relative(tokens, lo, commas[0], strict)
    if relative:
        return relative
    if commas and commas[0] - lo > 1 and tokens[lo].low in ("but", "and", "yet", "so") \
            and not opening_adverbial(tokens[lo + 1:commas[0]]):
        lo += 1                                 # "But Mara Levin, director of X, which ..., said"
    elif commas and opening_adverbial(tokens[lo:commas[0]]):
        lo, commas = commas[0] + 1, commas[1:]
    if not commas:
        return _labelled_name(tokens, lo, comma, strict)
    phrase = _without_party_label(tokens[lo:commas[0]])
    if not phrase or len(phrase) > MAX_NAME_TOKENS or any(t.text in ("“", "”", '"', "(") for t in phrase):
        return None
    return (lo, commas[0]) if looks_like_source(list(phrase), strict) and phrase[0].text[:1].isupper() else None


def _labelled_name(tokens: list[Token], lo: int, comma: int, strict: bool) -> tuple[int, int] | None:
    """'Sen. Jo Reed (D-R.I.), said': a stray comma after the party label of a name opening the clause."""
    if comma - lo < 3 or tokens[comma - 1].text != ")":
        return None
    phrase = _without_party_label(tokens[lo:comma])
    if len(phrase) == comma - lo or len(phrase) > MAX_NAME_TOKENS or not phrase[0].text[:1].isupper():
        return None
    return (lo, comma) if looks_like_source(list(phrase), strict) else None


def _head_with_relative(tokens: list[Token], lo: int, end: int, strict: bool) -> tuple[int, int] | None:
    """'The judges who ruled against the state, for instance, said' / 'Some voters who have heard him
    for years, on radio or at rallies, said': a noun phrase with its own relative clause opens the
    clause, and only asides follow it; the whole phrase is the speaker."""
    if lo < end and tokens[lo].low in ("and", "but", "yet", "so"):
        lo += 1                                 # "Yet some voters who ..., said"
    who = next((k for k in range(lo + 1, min(end, lo + MAX_NAME_TOKENS + 1)) if tokens[k].low in ("who", "whose")),
               None)
    if who is None or end - lo > MAX_APPOSITIVE_TOKENS or tokens[who - 1].text in BOUNDARY_PUNCT \
            or opening_adverbial(tokens[lo:who]):       # "After voters who ..., said": no subject
        return None
    if any(t.text in ("“", "”", '"') for t in tokens[lo:end]):
        return None
    return (lo, end) if looks_like_source(tokens[lo:who], strict=strict, groups=True) else None


def _without_party_label(phrase):
    """'Sen. Claire Hill (D-Mo.)': the name without the closing parenthesis that follows it."""
    if len(phrase) > 2 and phrase[-1].text == ")":
        opening = max((k for k, t in enumerate(phrase) if t.text == "("), default=0)
        return phrase[:opening] if opening and phrase[-1].start - phrase[opening].end <= MAX_LABEL_CHARS else phrase
    return phrase


def _opening_quotation_ends(tokens: list[Token], at: int) -> bool:
    """'“...,” Tom Bond, 30, of Raleigh, who was polled, said': a quotation that opens the sentence
    closes before `at`, and the clause of its speaker starts there (not a title inside an aside:
    'Sam Bole, a contestant on “Big Deal,” who ..., said')."""
    if not closes_quotation(tokens, at):
        return False
    opening = next((k for k in range(at - 2, -1, -1) if tokens[k].text in ("“", '"')), None)
    return opening is None or opening == 0


def opening_adverbial(words: list[Token]) -> bool:
    """'However', 'On Monday', 'In a statement', 'Earlier this week': what opens a clause before its subject."""
    first = words[0].low if words else ""
    return bool(first) and (first in OPENING_ADVERBS or first in PREPOSITIONS or first in TIME_WORDS
                            or len(words) == 1 and first.endswith("ly")
                            or len(words) <= 4 and words[-1].low in ("later", "earlier", "ago")    # "Hours later"
                            or first.endswith("ing") and len(first) > 4)                  # "Walking home"


def _one_aside_subject(tokens: list[Token], cue: Cue, comma: int) -> tuple[int, int] | None:
    lo, clause = comma, False
    while lo > 0 and tokens[lo - 1].text != "," and comma - lo <= MAX_APPOSITIVE_TOKENS:
        if tokens[lo - 1].text in ("“", "”", '"', ";", ":"):
            return None
        clause = clause or tokens[lo - 1].low in CLAUSE_WORDS or comma - lo >= MAX_SOURCE_TOKENS
        lo -= 1
    if lo == 0 or lo == comma or tokens[lo - 1].text != ",":
        return None
    if clause:
        return _name_before_aside(tokens, lo - 1, needs_animate(cue))
    name_end = lo - 1
    if name_end > 0 and tokens[name_end - 1].text == ")":   # "Rep. Bobby Scott (D-Va.), ranking member"
        while name_end > 0 and tokens[name_end - 1].text != "(":
            name_end -= 1
        name_end -= 1
    start = walk_left(tokens, max(name_end, 0))
    if start >= name_end or start > 0 and tokens[start - 1].low in ("who", "whose"):
        return None                             # "The inspectors who visited the plant, for instance, said"
    strict = needs_animate(cue)
    if not (looks_like_source(tokens[start:name_end], strict=strict) or
            looks_like_source(tokens[lo:comma], strict=True)):
        return None
    return start, comma


def _name_before_aside(tokens: list[Token], comma: int, strict: bool) -> tuple[int, int] | None:
    """'Mary Smith, clad in a cape that spelled his name, said': a name opening the sentence (or
    following a quotation: '"...," Tom Reyes, an adviser to X and former director of Y, wrote'),
    then an aside with a clause of its own; the name alone is the source."""
    name_end = comma
    if tokens[comma - 1].text == ")":           # "Rep. Bobby Scott (D-Va.), ranking member ... and ..."
        opening = next((k for k in range(comma - 2, max(0, comma - 8), -1) if tokens[k].text == "("), None)
        name_end = opening if opening else comma
    start = walk_left(tokens, name_end)
    if start == 1 and tokens[0].low in ("and", "but", "so"):
        start = 1                               # "And retired Gen. John Allen, who led ..., said"
    elif start != 0 and not (start >= 2 and tokens[start - 1].text in ("”", '"')
                             and tokens[start - 2].text in (",", "?", "!")):
        return None
    if start >= name_end or name_end - start > MAX_NAME_TOKENS or not looks_like_source(tokens[start:name_end], strict):
        return None
    return start, comma


def needs_animate(cue: Cue) -> bool:
    """Evidence and hedging verbs ('suggests', 'shows') report a speaker only with an animate subject."""
    return cue.kind in ("evidence", "thought", "attitude", "stance") or cue.certainty != "certain" \
        or cue.lemma in ANIMATE_LEMMAS


def _trim_leading_phrase(tokens: list[Token], lo: int, hi: int) -> int:
    """Drop a leading time or place phrase without a comma: 'In 1995 Moscow said' -> 'Moscow'."""
    if tokens[lo].low not in PREPOSITIONS:
        return lo
    for j in range(lo + 1, hi):
        word = tokens[j]
        if word.text[:1].isupper() and word.low not in TIME_WORDS and not word.text.isdigit():
            return j
        if word.low in PRONOUNS:
            return j
    return lo


def right_source(tokens: list[Token], cue: Cue) -> tuple[int, int] | None:
    """Inverted order: '..., said the minister.' -> the words after the cue up to punctuation."""
    lo = cue.last + 1
    hi = lo
    while hi < len(tokens) and hi - lo < MAX_SOURCE_TOKENS:
        word = tokens[hi]
        after_name = hi > lo and (tokens[hi - 1].text[:1].isupper() or tokens[hi - 1].text == ")")
        if word.text == "(" and after_name:             # "said Sen. Dick Durbin (D-Ill.)"
            close = next((j for j in range(hi + 1, min(len(tokens), hi + 6)) if tokens[j].text == ")"), None)
            if close is None:
                break
            hi = close + 1
            continue
        if word.text == "." and after_name and hi + 1 < len(tokens) and tokens[hi + 1].text[:1].isupper():
            hi += 1                                     # "said Rep. Lena Ortiz", "John F. Kennedy"
            continue
        if word.text in BOUNDARY_PUNCT or word.text in ".!?" or word.low in CLAUSE_WORDS \
                or after_name and word.low in PREPOSITIONS:   # "said Durbin in an interview"
            break
        hi += 1
    if hi == lo or not looks_like_source(tokens[lo:hi], strict=False) or tokens[lo].low in PREPOSITIONS \
            or tokens[lo].low in PRONOUNS and hi - lo > 1:
        return None                                     # "said on ABC's ...", "said he fully supports ..."
    return lo, hi


def passive_agent(tokens: list[Token], cue: Cue) -> tuple[int, int] | None:
    """'as described by the Iranian government': the agent after 'by', up to punctuation."""
    at = cue.last + 1
    if at >= len(tokens) or tokens[at].low != "by":
        return None
    hi = at + 1
    while hi < len(tokens) and tokens[hi].text not in BOUNDARY_PUNCT and tokens[hi].text not in ".!?" \
            and tokens[hi].low not in CLAUSE_WORDS and hi - at <= MAX_SOURCE_TOKENS:
        hi += 1
    return (at + 1, hi) if hi > at + 1 and looks_like_source(tokens[at + 1:hi]) else None


def clause_subject(tokens: list[Token], before: int, strict: bool = True) -> tuple[int, int] | None:
    """The subject that opens the clause: 'Carson took the stage ... and called it rotten' -> Carson."""
    lo = before
    while lo > 0 and tokens[lo - 1].text not in (";", "“", '"'):
        lo = _past_dash_aside(tokens, lo - 1) if tokens[lo - 1].text in ("-", "—", "–", "--") else lo - 1
    comma = next((k for k in range(lo, before) if tokens[k].text == ","), None)
    if comma is not None and opening_adverbial(tokens[lo:comma]):
        lo = comma + 1                              # "Later, the campaign ...", "In a statement, ..."
    while lo < before and (tokens[lo].low in PREPOSITIONS or tokens[lo].low in TIME_WORDS
                           or tokens[lo].text == "," or tokens[lo].text.isdigit()):
        lo += 1                                     # "On Tuesday, ..."
    hi = lo
    while hi < before and hi - lo < 6 and (tokens[hi].text[:1].isupper() or tokens[hi].low in NOUN_LIKE_AFTER_DET
                                           or tokens[hi].text in (".", "’s", "'s") or tokens[hi].low in SOURCE_NOUNS
                                           or hi > lo and tokens[hi - 1].low in NOUN_LIKE_AFTER_DET
                                           or _inside_name(tokens, lo, hi, before)):
        hi += 1
    # "The Chinese foreign ministry reacted ... and warned": lower-case words after a capitalised
    # one, up to a source noun (not "The mayor met the council")
    if hi > lo and tokens[hi - 1].text[:1].isupper():
        hi = next((k + 1 for k in range(hi, min(hi + MAX_LOWER_MODIFIERS + 1, before))
                   if tokens[k].low in SOURCE_NOUNS and all(t.text.isalpha() and t.text.islower()
                                                            and t.low not in NOUN_LIKE_AFTER_DET
                                                            for t in tokens[hi:k + 1])), hi)
    if hi == lo or not looks_like_source(tokens[lo:hi], strict=True) and (
            strict or not _noun_phrase(tokens[lo:hi]) and not _name(tokens[lo:hi])):
        return None
    return lo, hi


def _inside_name(tokens: list[Token], lo: int, hi: int, before: int) -> bool:
    """'of' between capitalised words: 'The Department of Homeland Security put out ...'."""
    return lo < hi and tokens[hi].low in ("of", "for") and tokens[hi - 1].text[:1].isupper() \
        and hi + 1 < before and tokens[hi + 1].text[:1].isupper()


def _past_dash_aside(tokens: list[Token], dash: int) -> int:
    """'Tom Bell had served in Korea - "two cold years" - and said ...': the opening dash of an aside
    that closes at `dash`, quotation and all, else `dash` itself."""
    opening = next((k for k in range(dash - 1, max(-1, dash - MAX_SOURCE_TOKENS - 1), -1)
                    if tokens[k].text == tokens[dash].text), None)
    return opening if opening is not None else dash


def _name(words: list[Token]) -> bool:
    """'Schilling', 'Ann Lee': capitalised words only, none of them a time word."""
    return all(w.text[:1].isupper() and w.text.isalpha() and w.low not in TIME_WORDS for w in words)


def _noun_phrase(words: list[Token]) -> bool:
    """'The nurse', 'Her lawyer': a determiner and a noun, enough of a speaker for a speech verb."""
    return len(words) == 2 and words[0].low in NOUN_LIKE_AFTER_DET and words[1].text.isalpha() \
        and words[1].text.islower() and not words[1].low.endswith("ing")

