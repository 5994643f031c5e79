"""Sentence -> attributions: who says what, in which words (source span, cue span, content span).

Constructions handled (each names its rule in `Attribution.rule`, shown by `explain`):
  verb        "Russia says it is civilian", "Sullivan alleged that ...", "X told reporters that ..."
  inverted    "It is civilian, Russia says." / "“...,” said the minister."
  coordinated "X has denied this and asserted that ..." (the second cue shares X)
  participle  "..., calling them a rumour" (the main clause's source)
  passive-by  "..., as described by the Iranian government"
Cues that are not verbs ('according to', a colon, nouns) are found in `nominal.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from factcheck.lexicon import load_list, load_table
from factcheck.models import Attribution

TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[^\W_][^\W_’'.\-]*(?:[’'.\-]+[^\W_]+)*|''|[^\w\s]|_")
MAX_SOURCE_TOKENS = 12       # a subject longer than this is a clause, not a source
MAX_APPOSITIVE_TOKENS = 30   # "X, who has led the group since it was founded in 1998, said"
MAX_NAME_TOKENS = 6          # the name before such a long aside
MAX_ASIDES_TOKENS = 45       # "X, a former aide to Y, recalling the 2008 race, said": name to cue
OPENING_ADVERBS = frozenset("however meanwhile still instead earlier later separately also yet but and so then "
                            "now last this when as while".split())
MAX_GAP_TO_THAT = 8          # "said in a statement on Tuesday that ..."
MIN_CONTENT_CHARS = 3
GLOSS_VERBS = frozenset("has have had raised prompted sparked drew caused led triggered angered fueled "
                        "fuelled alarmed".split())
DASH_ASIDES = frozenset("particularly especially since because although though notably".split())
HEAD_BREAKERS = frozenset("of for on at in from with to between against over about by among".split())
PERIOD_WORDS = frozenset("week month year morning afternoon evening night weekend spring summer autumn fall "
                         "winter".split())
ADJUNCT_STARTS = frozenset("during in at on with under after before from for of to at via over".split())
MAX_ADJUNCT_SEARCH = 20      # "said during a discussion on Thursday with ... that ..."
MAX_RECIPIENT_TOKENS = 5
OBJECT_WORDS = frozenset("him her them us me reporters journalists supporters voters listeners viewers "
                         "lawmakers colleagues students members delegates".split())
RECIPIENT_VERBS = frozenset({"tell", "ask", "write", "assure", "warn", "urge", "thank", "remind"})
PASSIVE_HEARSAY = frozenset({"expect", "believe", "report", "say", "think", "estimate", "allege", "claim"})
MAX_ADJUNCT_TOKENS = 8       # "in a statement on Tuesday" after an inverted cue
BOUNDARY_PUNCT = set(",;:()[]“”\"—–") | {"--"}
CLAUSE_WORDS = frozenset("that which who whom whose while when as because since if although though and but or "
                         "after before where than whereas until unless so".split())
AUX_WORDS = frozenset("has have had is was were are be been will would could should may might must can did does do "
                      "also previously repeatedly reportedly recently once later then often again publicly "
                      "already still further privately quickly openly never not n't just even".split())
DETERMINERS = frozenset("the a an his her its their our my your this that these those some any no every each "
                        "of in on at for to with from by".split())
RELATIVE_SUBJECTS = frozenset({"who", "which"})
# "the paper, which said ...": cues that a 'which' (a paper, a party) can be the subject of; a 'which'
# after a whole clause ("..., which emphasized the risk") is the writer's comment, not a speaker
WHICH_SPEAKS = frozenset("say tell report state write announce claim add".split())
FOCUS_ADVERBS = frozenset("just only even also nearly almost about roughly some".split())
NOT_ADVERBS = frozenset("family ally rally supply assembly reply italy july".split())
PRONOUNS = frozenset("he she they it we i you who".split())
PREPOSITIONS = frozenset("in on at to during after before since for with from by over under amid within "
                         "following last this next".split())
SOURCE_NOUNS = frozenset(
    "sources source officials official observers analysts analyst experts expert spokesman spokeswoman "
    "spokesperson ministry agency government report reports study survey poll polls police authorities "
    "union unions party company firm board lawyers lawyer voters workers members activists protesters "
    "students parents families senators governors candidates candidate association coalition opposition "
    "rebels militants organizers organisers officers prosecutors judge judges aides aide adviser advisers "
    "advisor advisors economists scholars historians doctors residents citizens americans "
    "critics supporters lawmakers leaders leader diplomats diplomat minister president senator statement "
    "campaign people residents witnesses researchers scientists group committee council department office "
    "administration military army navy commission court newspaper website media documents document".split())
NOUN_LIKE_AFTER_DET = frozenset("the a an his her its their our this these those".split())
BE_WORDS = frozenset("is was were are be been being am".split())
AMBIGUOUS_NOUNS = frozenset("questions reports claims calls notes states fears shows hopes answers comments charges "
                            "stresses promises quotes estimates remarks cites finds".split())
ANIMATE_LEMMAS = frozenset({"describe", "call"})    # "called a meeting": a speaker only if one can speak
# Heads that cannot speak: "Experience suggests", "This call indicates" are the author's hedged claims.
ANIMATE_HINT = SOURCE_NOUNS
TIME_WORDS = frozenset("january february march april may june july august september october november december "
                       "monday tuesday wednesday thursday friday saturday sunday today yesterday".split())


class Token(NamedTuple):
    """A word or punctuation mark with its document offsets (a tuple: made by the thousand)."""

    text: str
    start: int
    end: int
    low: str


@dataclass(frozen=True)
class Cue:
    first: int          # token index of the cue's first token (auxiliaries included)
    verb: int           # token index of the reporting word itself
    last: int           # token index of the cue's last token
    lemma: str
    kind: str           # speech | thought | evidence | denial
    certainty: str


@lru_cache(maxsize=256)
def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    # Two apostrophes are a straight double quotation mark in some newspapers' text: ''Like this,''
    tokens = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        tokens.append(Token('"' if word == "''" else word, m.start() + offset, m.end() + offset, word.lower()))
    return tuple(tokens)


def quote_depths(tokens: list[Token]) -> list[int]:
    """How deep each token stands inside quotation marks. A closing mark with no opening one means
    the sentence began inside a quotation that an earlier sentence opened. A straight mark closes
    when it touches the word before it ('done," he said') and opens otherwise."""
    depth, out = 0, []
    for n, tok in enumerate(tokens):
        closing = tok.text == "”" or tok.text == '"' and n > 0 and tokens[n - 1].end == tok.start \
            and tokens[n - 1].text not in ("(", "[", "—")
        if tok.text in ("“", '"') and not closing:
            out.append(depth)
            depth += 1
            continue
        if closing:
            if depth == 0:
                out = [d + 1 for d in out]
            depth = max(0, depth - 1)
        out.append(depth)
    return out


@lru_cache(maxsize=1)
def _verb_forms() -> dict[tuple[str, ...], tuple[str, str, str]]:
    forms: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for lemma, spelled, kind, certainty in load_table("reporting_verbs.txt", min_fields=4):
        for form in _split_forms(lemma, spelled):
            forms[tuple(form.split())] = (lemma, kind, certainty)
    return forms


def _split_forms(lemma: str, spelled: str) -> list[str]:
    """'say says said' -> forms; multiword lemmas ('point out') list forms as 'points out'."""
    words = spelled.split()
    width = len(lemma.split())
    return [" ".join(words[i:i + width]) for i in range(0, len(words), width)]


def _is_nounish_use(tokens: list[Token], i: int) -> bool:
    """'the report', 'raised questions', 'of describing': a verb form used as a noun or gerund."""
    if i == 0:
        return False
    word, before = tokens[i], tokens[i - 1]
    if word.text[:1].isupper():                       # "the Commonwealth of Independent States"
        return True
    if before.low in NOUN_LIKE_AFTER_DET or before.low in DETERMINERS and before.low != "to" \
            or before.low.endswith(("’s", "'s")):
        return True
    if word.low.endswith("s") and word.low in AMBIGUOUS_NOUNS:
        # "Washington questions ...": a verb only right after a name, pronoun or source noun
        return not (before.text[:1].isupper() or before.low in PRONOUNS or before.low in SOURCE_NOUNS)
    if word.low.endswith("ing") and before.text != "," and before.low not in BE_WORDS \
            and not (before.text[:1].isupper() and i > 1):
        return True                                   # "discourse calling for": a modifier, not a cue
    return False


def _aspectual(tokens: list[Token], cue: Cue) -> bool:
    """'prices continued to rise': 'continue' reports speech only when no verb follows it;
    'the state added 40,000 jobs': a number right after 'add' is what was added, not what was said."""
    nxt = tokens[cue.last + 1].low if cue.last + 1 < len(tokens) else ""
    if cue.lemma == "add" and nxt[:1].isdigit():
        return True
    quoted = any(t.text in ("“", "”", '"') for t in tokens)
    return cue.lemma == "continue" and (nxt not in ("", ",", ".", ":", "“", '"') or not quoted)


def _is_passive(tokens: list[Token], cue: Cue) -> bool:
    """'is denied to', 'should be noted that', 'as described by': a passive cue (its speaker, if any,
    follows 'by')."""
    if cue.verb == 0 or not tokens[cue.verb].low.endswith(("ed", "wn", "id")):
        return False
    before = tokens[cue.verb - 1].low
    after = tokens[cue.last + 1].low if cue.last + 1 < len(tokens) else ""
    return before in BE_WORDS or before == "as" and after == "by"


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(key[0] for key in _verb_forms())


def find_cues(tokens: list[Token]) -> list[Cue]:
    """Reporting verbs outside quotations (speech quoted inside a quote is the quoted speaker's)."""
    cues, forms, firsts = [], _verb_forms(), _first_words()
    depths = quote_depths(tokens)
    i = 0
    while i < len(tokens):
        if tokens[i].low not in firsts or depths[i]:
            i += 1
            continue
        match = None
        for width in (3, 2, 1):
            key = tuple(t.low for t in tokens[i:i + width])
            if len(key) == width and key in forms:
                match = (width, forms[key])
                break
        if match and not _is_nounish_use(tokens, i) and not _is_attributive(tokens, i):
            width, (lemma, kind, certainty) = match
            first = _cue_start(tokens, i)
            cue = Cue(first, i, i + width - 1, lemma, kind, certainty)
            passive_ok = _passive_agent(tokens, cue) or lemma in PASSIVE_HEARSAY
            if (not _is_passive(tokens, cue) or passive_ok) and not _aspectual(tokens, cue):
                cues.append(cue)
            i += width
            continue
        i += 1
    return cues


@lru_cache(maxsize=1)
def _cue_prefixes() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(p.split()) for p in load_list("cue_prefixes.txt")), key=len, reverse=True))


def _cue_start(tokens: list[Token], i: int) -> int:
    """The cue's first token: auxiliaries ('has long said') and a prefix ('went on to say') join it."""
    first = i
    while first > 0 and tokens[first - 1].low in AUX_WORDS and tokens[first - 1].low not in ("not", "n't"):
        first -= 1
    for prefix in _cue_prefixes():
        lo = first - len(prefix)
        if lo >= 0 and tuple(t.low for t in tokens[lo:first]) == prefix:
            return _cue_start(tokens, lo) if lo > 0 and tokens[lo - 1].low in AUX_WORDS else lo
    return first


def _is_attributive(tokens: list[Token], i: int) -> bool:
    """'the so-called', 'a well-known': skip forms that modify a following noun with no clause."""
    word = tokens[i].low
    if word in ("called", "reported", "found", "quoted", "shown", "declared", "stated"):
        prev = tokens[i - 1].low if i else ""
        if prev in ("so", "so-called", "is", "was", "are", "were", "be", "been", "being") and word != "reported":
            return True
        if word in ("found", "shown", "stated", "declared") and prev in ("was", "were", "is", "are", "been"):
            return True
    if word == "called" and i + 1 < len(tokens) and tokens[i + 1].low in ("off", "up", "in"):
        return True
    return False


def _left_subject(tokens: list[Token], cue: Cue) -> tuple[int, int] | None:
    """Token range [lo, hi) of the subject left of the cue, or None."""
    hi = cue.first
    if hi > 1 and tokens[hi - 1].low == "to":      # "prompted Senator X to express ...": X speaks
        hi -= 1
    while hi > 1 and _is_manner_adverb(tokens[hi - 1]):
        hi -= 1                                   # "the paper, which originally said ..."
    if hi > 0 and (tokens[hi - 1].low == "who" or tokens[hi - 1].low == "which" and cue.lemma in WHICH_SPEAKS):
        return (hi - 1, hi)                       # "Smith, who said ...": the relative pronoun stands for Smith
    if hi > 1 and tokens[hi - 1].text == ",":
        return _appositive_subject(tokens, cue, hi - 1)
    if hi > 2 and tokens[hi - 1].text == ")":        # "Sen. Bernie Sanders (I-Vt.) said"
        opening = max((k for k in range(hi - 1) if tokens[k].text == "("), default=None)
        if opening:
            lo = _walk_left(tokens, opening)
            return (lo, hi) if lo < opening and _looks_like_source(tokens[lo:opening], strict=False) else None
    lo = _walk_left(tokens, hi)
    if lo == hi:
        return None
    lo = _trim_leading_phrase(tokens, lo, hi)
    while lo < hi - 1 and tokens[lo].low in FOCUS_ADVERBS:
        lo += 1                                   # "Just 28 percent of voters said"
    return (lo, hi) if _looks_like_source(tokens[lo:hi], strict=_needs_animate(cue)) else None


def _is_manner_adverb(tok: Token) -> bool:
    """'originally', 'first', 'flatly' between a subject and its cue."""
    return tok.low == "first" or tok.text.islower() and tok.low.endswith("ly") and len(tok.low) > 4 \
        and tok.low not in NOT_ADVERBS


def _walk_left(tokens: list[Token], hi: int) -> int:
    lo = hi
    while lo > 0 and hi - lo < MAX_SOURCE_TOKENS:
        tok = tokens[lo - 1]
        if tok.text in BOUNDARY_PUNCT or tok.low in CLAUSE_WORDS and not _and_inside_name(tokens, lo - 1, hi):
            break
        lo -= 1
    return lo


def _appositive_subject(tokens: list[Token], cue: Cue, comma: int) -> tuple[int, int] | None:
    """'Sen. Marco Rubio, R-Fla., said' / 'The author, Mitchell Zuckoff, told': name plus appositive;
    with several asides, the phrase that opens the clause."""
    one = _one_aside_subject(tokens, cue, comma)
    if one and (one[0] == 0 or tokens[one[0] - 1].text not in (",", ")")):
        return one
    return _first_phrase_subject(tokens, comma, _needs_animate(cue)) or one


def _first_phrase_subject(tokens: list[Token], comma: int, strict: bool) -> tuple[int, int] | None:
    """'Tommy Vietor, a former aide to Mr. Obama, recalling the 2008 race, said' / 'However, Jill
    Martin, counsel for the firm, said' / 'Will Rogers, for example, said': the name opening the
    clause (after an opening adverbial) speaks when only comma-separated asides follow it."""
    lo = comma
    while lo > 0 and tokens[lo - 1].text not in (";", ":") and comma - lo <= MAX_ASIDES_TOKENS:
        lo -= 1
    depths = quote_depths(list(tokens[lo:comma + 1]))
    if comma - lo > MAX_ASIDES_TOKENS or depths[0] or depths[-1]:
        return None
    commas = [k for k in range(lo, comma) if tokens[k].text == ","]
    if commas and _opening_adverbial(tokens[lo:commas[0]]):
        lo, commas = commas[0] + 1, commas[1:]
    if not commas:
        return None
    phrase = tokens[lo:commas[0]]
    if not phrase or len(phrase) > MAX_NAME_TOKENS or any(t.text in ("“", "”", '"', "(") for t in phrase):
        return None
    return (lo, commas[0]) if _looks_like_source(list(phrase), strict) and phrase[0].text[:1].isupper() else None


def _opening_adverbial(words: list[Token]) -> bool:
    """'However', 'On Monday', 'In a statement', 'Earlier this week': what opens a clause before its subject."""
    first = words[0].low if words else ""
    return bool(first) and (first in OPENING_ADVERBS or first in PREPOSITIONS or first in TIME_WORDS
                            or len(words) == 1 and first.endswith("ly"))


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
        return _name_before_aside(tokens, lo - 1, _needs_animate(cue))
    name_end = lo - 1
    if name_end > 0 and tokens[name_end - 1].text == ")":   # "Rep. Bobby Scott (D-Va.), ranking member"
        while name_end > 0 and tokens[name_end - 1].text != "(":
            name_end -= 1
        name_end -= 1
    start = _walk_left(tokens, max(name_end, 0))
    if start >= name_end:
        return None
    strict = _needs_animate(cue)
    if not (_looks_like_source(tokens[start:name_end], strict=strict) or
            _looks_like_source(tokens[lo:comma], strict=True)):
        return None
    return start, comma


def _name_before_aside(tokens: list[Token], comma: int, strict: bool) -> tuple[int, int] | None:
    """'Mary Smith, clad in a cape that spelled his name, said': a name opening the sentence, then an
    aside with a clause of its own; the name alone is the source."""
    start = _walk_left(tokens, comma)
    if start != 0 or comma - start > MAX_NAME_TOKENS or not _looks_like_source(tokens[start:comma], strict):
        return None
    return start, comma


def _needs_animate(cue: Cue) -> bool:
    """Evidence and hedging verbs ('suggests', 'shows') report a speaker only with an animate subject."""
    return cue.kind in ("evidence", "thought", "attitude") or cue.certainty != "certain" \
        or cue.lemma in ANIMATE_LEMMAS


def _and_inside_name(tokens: list[Token], at: int, hi: int) -> bool:
    """'Russia and Iran said': an 'and' between two capitalised words joins one source."""
    if tokens[at].low != "and" or at == 0 or at + 1 >= hi:
        return False
    return tokens[at - 1].text[:1].isupper() and tokens[at + 1].text[:1].isupper()


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


def _looks_like_source(words: list[Token], strict: bool = True) -> bool:
    """A subject that can speak: a name, a pronoun, or a head noun such as 'sources' or 'ministry'.

    Not strict (plain speech verbs: said, told): any short noun phrase without a verb will do."""
    lows = [w.low for w in words]
    if not lows or lows[-1] in DETERMINERS:
        return False
    head = _head(words)
    if head.low == "it" and not strict and len(words) == 1:
        return True                                 # "It said" after a company or report was named
    if head.low in ("it", "this", "that", "which", "there", "what"):
        return False
    if head.low in PRONOUNS:
        return True
    if not strict:                                  # "Will Rogers", "May Chen": a capital is a name
        return not any(w.low in CLAUSE_WORDS or w.low in AUX_WORDS and not w.text[:1].isupper() for w in words) \
            and len(words) <= MAX_SOURCE_TOKENS
    if head.text[:1].isupper() and head.low not in TIME_WORDS and (head is not words[0] or len(words) > 1
                                                                   and words[1].text[:1].isupper()
                                                                   or _known_actor(head.text)):
        return True
    return head.low in SOURCE_NOUNS or head.low.rstrip("s") in SOURCE_NOUNS


def _known_actor(word: str) -> bool:
    """A capitalised word that opens a sentence is a name only if the gazetteer knows it."""
    from factcheck.pipeline.actors import resolve_actor_name
    return resolve_actor_name(word) is not None


def _head(words: list[Token]) -> Token:
    """The head of a noun phrase: its last word before a preposition ('a report on X' -> 'report')."""
    for n, word in enumerate(words):
        if n and word.low in HEAD_BREAKERS and not _name_of(words, n):
            return words[n - 1]
    return words[-1]


def _name_of(words: list[Token], n: int) -> bool:
    """'Ministry of Foreign Affairs', 'Bank of England': an 'of' inside a capitalised name."""
    return words[n].low == "of" and words[n - 1].text[:1].isupper() and n + 1 < len(words) \
        and words[n + 1].text[:1].isupper() and words[n - 1].low not in SOURCE_NOUNS


def _right_source(tokens: list[Token], cue: Cue) -> tuple[int, int] | None:
    """Inverted order: '..., said the minister.' -> the words after the cue up to punctuation."""
    lo = cue.last + 1
    hi = lo
    while hi < len(tokens) and tokens[hi].text not in BOUNDARY_PUNCT and tokens[hi].text not in ".!?" \
            and tokens[hi].low not in CLAUSE_WORDS and hi - lo < MAX_SOURCE_TOKENS:
        hi += 1
    if hi == lo or not _looks_like_source(tokens[lo:hi], strict=False):
        return None
    return lo, hi


def _content_after(tokens: list[Token], cue: Cue, end: int) -> int | None:
    """Index of the first content token after the cue: skips 'that', the recipient of 'told', and
    adjuncts ('said during a panel on Tuesday that ...'). None when only an adjunct follows."""
    i = cue.last + 1
    if i >= end:
        return None
    if cue.lemma in RECIPIENT_VERBS:
        i = _skip_recipient(tokens, i, end)
        if i >= end:
            return None
    for j in range(i, min(end, i + MAX_GAP_TO_THAT + 1)):
        word = tokens[j]
        if word.low == "that" and j + 1 < end:
            return j + 1
        if word.text == ":" and j + 1 < end and not _inside_number(tokens, j):
            return j + 1
        if word.text in ".;!?“\"" or word.low in ("which", "who"):
            break
    if tokens[i].text in (",", ":") and i + 1 < end:
        return i + 1
    if tokens[i].low in ADJUNCT_STARTS and cue.kind != "attitude":
        later = next((j for j in range(i, min(end, i + MAX_ADJUNCT_SEARCH)) if tokens[j].low == "that"), None)
        if later is not None and later + 1 < end:
            return later + 1
        return None if end - i <= MAX_ADJUNCT_TOKENS else i   # a short phrase after the cue is an adjunct
    return i


def _inside_number(tokens: list[Token], j: int) -> bool:
    """'9:42 p.m.', '3:1': a colon between digits with no space around it."""
    return 0 < j < len(tokens) - 1 and tokens[j - 1].text.isdigit() and tokens[j + 1].text.isdigit() \
        and tokens[j - 1].end == tokens[j].start == tokens[j + 1].start - 1


def _skip_recipient(tokens: list[Token], i: int, end: int) -> int:
    """'told reporters', 'told CNN's Jake Tapper', 'assured him': the addressee is not content."""
    j = i
    while j < end and j - i < MAX_RECIPIENT_TOKENS and (
            tokens[j].text[:1].isupper() or tokens[j].low in OBJECT_WORDS or tokens[j].text in ("’s", "'s")
            or tokens[j].low in ("the", "a", "an") or j > i and tokens[j - 1].low in ("the", "a", "an")):
        j += 1
    return j


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Attributions in one sentence `text` that starts at document offset `offset`."""
    tokens = tokenize(text, offset)
    if not tokens:
        return []
    end = len(tokens)
    while end > 0 and tokens[end - 1].text in ".!?":
        end -= 1
    found: list[Attribution] = []
    cues = find_cues(tokens)
    previous_source: tuple[int, int] | None = None
    for n, cue in enumerate(cues):
        attribution, previous_source = _attribute_cue(tokens, cues, n, end, previous_source)
        if attribution:
            found.append(attribution)
    from factcheck.pipeline.nominal import find_frames

    found.extend(find_frames(tokens, end, found))
    return [_with_source_text(a, text, offset) for a in _drop_nested_duplicates(found)]


def _with_source_text(attribution: Attribution, text: str, offset: int) -> Attribution:
    """The source phrase exactly as written ('Sen. Marco Rubio, R-Fla.'), not re-joined tokens."""
    if not attribution.source_span:
        return attribution
    s, e = attribution.source_span
    phrase = text[s - offset:e - offset]
    return Attribution(attribution.content, phrase, attribution.source_span, attribution.cue,
                       attribution.cue_span, attribution.rule)


def _passive_agent(tokens: list[Token], cue: Cue) -> tuple[int, int] | None:
    """'as described by the Iranian government': the agent after 'by', up to punctuation."""
    at = cue.last + 1
    if at >= len(tokens) or tokens[at].low != "by":
        return None
    hi = at + 1
    while hi < len(tokens) and tokens[hi].text not in BOUNDARY_PUNCT and tokens[hi].text not in ".!?" \
            and tokens[hi].low not in CLAUSE_WORDS and hi - at <= MAX_SOURCE_TOKENS:
        hi += 1
    return (at + 1, hi) if hi > at + 1 and _looks_like_source(tokens[at + 1:hi]) else None


def _attribute_passive(tokens, cue, cue_span, cue_text_):
    agent = _passive_agent(tokens, cue)
    if not agent:
        return _hearsay(tokens, cue, cue_span, cue_text_)
    before = cue.first - 1 if cue.first > 0 and tokens[cue.first - 1].low == "as" else cue.first
    content = _content_before(tokens, before)
    return _make(tokens, content, agent, cue_span, cue_text_, "passive-by", cue) if content else None


def _hearsay(tokens, cue, cue_span, cue_text_) -> Attribution | None:
    """'Trump is expected to speak', 'he was reported to have left': a passive cue with no speaker."""
    after = cue.last + 1
    if cue.lemma not in PASSIVE_HEARSAY or after >= len(tokens) or tokens[after].low not in ("to", "that"):
        return None
    lo = _walk_left(tokens, cue.first)
    if lo >= cue.first or tokens[lo].low == "it":
        lo = after + 1 if tokens[after].low == "that" else lo
    end = len(tokens)
    while end > 0 and tokens[end - 1].text in ".!?":
        end -= 1
    if end - lo < 2:
        return None
    span = (tokens[lo].start, tokens[end - 1].end)
    return Attribution(content=span, source=None, source_span=None, cue=cue_text_, cue_span=cue_span,
                       rule=f"passive:{cue.lemma}:{cue.kind}:{cue.certainty}")


def _attribute_cue(tokens, cues, n, end, previous_source):
    cue = cues[n]
    cue_span = (tokens[cue.first].start, tokens[cue.last].end)
    cue_text_ = " ".join(t.text for t in tokens[cue.first:cue.last + 1])
    if _is_passive(tokens, cue):
        return _attribute_passive(tokens, cue, cue_span, cue_text_), previous_source
    subject = _left_subject(tokens, cue)
    rule = "verb"
    if subject is None and _coordinated(tokens, cue):
        subject, rule = previous_source or _clause_subject(tokens, cue.first), "coordinated"
    elif subject is None and _participle(tokens, cue):
        subject, rule = previous_source or _clause_subject(tokens, cue.first), "participle"
    stop = _content_stop(tokens, cues, n, end)
    start = _content_after(tokens, cue, stop)
    if subject is None:
        right = _right_source(tokens, cue) if _can_invert(tokens, cue) else None
        if right and _ends_clause(tokens, right[1], end):
            content = _content_before(tokens, cue.first)
            if content:
                return _make(tokens, content, right, cue_span, cue_text_, "inverted", cue), right
        return None, previous_source
    # a quotation closed before the subject is what its own verb reports ('"...," X said'); a
    # participle or coordinated cue after that verb ('X said, adding that ...') reports what follows
    if start is None or start >= stop or _only_adjunct(tokens, start, stop, subject[0], cue) \
            or rule == "verb" and _closed_quote_before(tokens, subject[0]) and not _quote_resumes(tokens, cue.last + 1):
        content = _content_before(tokens, subject[0])
        if not content:
            return None, subject
        return _make(tokens, content, subject, cue_span, cue_text_, "inverted", cue), subject
    if cue.kind == "denial":
        # "the agency has denied this": the denial itself is the claim, speaker included
        start, stop = subject[0], _content_stop(tokens, cues, n, end, keep_participles=True)
    return _make(tokens, (start, stop), subject, cue_span, cue_text_, rule, cue), subject


def _make(tokens, content, source, cue_span, cue_text, rule, cue) -> Attribution | None:
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


def _only_adjunct(tokens: list[Token], start: int, stop: int, subject_start: int, cue: Cue) -> bool:
    """'..., Boistard said in a statement.' / 'he told reporters.': nothing after the cue is content."""
    words = tokens[start:stop]
    if not words or len(words) > MAX_ADJUNCT_TOKENS or subject_start == 0:
        return False
    if tokens[subject_start - 1].text not in (",", "”", '"', "—"):
        return False
    if words[0].low in ("this", "last", "next"):        # "said this week", but not "denied this"
        return len(words) > 1 and (words[1].low in TIME_WORDS or words[1].low in PERIOD_WORDS)
    if words[0].low in PREPOSITIONS or words[0].low in TIME_WORDS or words[0].low in \
            ("earlier", "later", "recently", "today", "yesterday", "tonight"):
        return True
    # "..., Calderon told CNBC Saturday.": a short object with no verb and no "that"
    return cue.lemma in RECIPIENT_VERBS and len(words) <= 4 and not any(w.low in ("that", "to") or w.low in AUX_WORDS for w in words)


def _closed_quote_before(tokens: list[Token], at: int) -> bool:
    """'“We will win,” Smith told a rally on Monday as ...': a quotation closed by a comma just before
    the subject is what the cue reports, whatever follows the cue."""
    return at >= 2 and tokens[at - 1].text in ("”", '"') and tokens[at - 2].text in (",", "?", "!")


def _quote_resumes(tokens: list[Token], at: int) -> bool:
    """'“For me,” she said, “it was over.”': the quotation goes on right after the cue."""
    return at + 1 < len(tokens) and tokens[at].text == "," and tokens[at + 1].text in ("“", '"')


def _clause_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """The subject that opens the clause: 'Carson took the stage ... and called it rotten' -> Carson."""
    lo = before
    while lo > 0 and tokens[lo - 1].text not in (";", "“", '"'):
        lo -= 1
    while lo < before and (tokens[lo].low in PREPOSITIONS or tokens[lo].low in TIME_WORDS
                           or tokens[lo].text == "," or tokens[lo].text.isdigit()):
        lo += 1                                     # "On Tuesday, ..."
    hi = lo
    while hi < before and hi - lo < 6 and (tokens[hi].text[:1].isupper() or tokens[hi].low in NOUN_LIKE_AFTER_DET
                                           or tokens[hi].text in (".", "’s", "'s") or tokens[hi].low in SOURCE_NOUNS
                                           or hi > lo and tokens[hi - 1].low in NOUN_LIKE_AFTER_DET):
        hi += 1
    if hi == lo or not _looks_like_source(tokens[lo:hi], strict=True):
        return None
    return lo, hi


def _can_invert(tokens: list[Token], cue: Cue) -> bool:
    """'..., said Beck' / '..., say experts': finite speech verbs only, never 'show' or 'indicates'."""
    word = tokens[cue.verb].low
    after_break = cue.first > 0 and tokens[cue.first - 1].text in (",", "”", '"', "—", "–")
    return after_break and cue.kind in ("speech", "denial") and (word != cue.lemma or word == "say") \
        and not word.endswith("ing")


def _coordinated(tokens, cue) -> bool:
    return cue.first > 0 and tokens[cue.first - 1].low in ("and", "but", "or")


def _participle(tokens, cue) -> bool:
    return tokens[cue.verb].low.endswith("ing") and cue.first > 0 and tokens[cue.first - 1].text == ","


def _ends_clause(tokens, at: int, end: int) -> bool:
    """'..., said Smith.' / '..., said Smith as he left.': nothing but an adverbial clause follows."""
    return at >= end or tokens[at].text in (",", ";", ".", "”", "\"", "—") or tokens[at].low in CLAUSE_WORDS


def _content_before(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """Content of an inverted attribution: from the clause start up to the comma before the source."""
    hi = before
    while hi > 0 and tokens[hi - 1].text in (",", "”", "\"", "—", "–"):
        hi -= 1
    lo = hi
    while lo > 0 and tokens[lo - 1].text != ";":
        lo -= 1
    return (lo, hi) if hi - lo >= 2 else None


def _content_stop(tokens, cues, n, end, keep_participles: bool = False) -> int:
    """Content ends at the sentence end, a semicolon, a dash aside, a gloss after a closing quotation,
    or where the next cue's own clause begins ('..., while Washington has called it ...')."""
    cue = cues[n]
    stop = end
    for j in range(cue.last + 1, end - 1):
        tok, nxt = tokens[j], tokens[j + 1]
        if tok.text == ";" or tok.text in ("—", "–") and nxt.low in DASH_ASIDES:
            stop = j
            break
        if tok.text in ("”", '"') and nxt.text == "," and j + 2 < end and tokens[j + 2].low in ("which", "who"):
            stop = j + 1                            # 'a “20-year agreement,” which includes ...'
            break
        if tok.text == "," and nxt.low == "which" and j + 2 < end and tokens[j + 2].low in GLOSS_VERBS:
            stop = j                                # '..., which has raised concerns': the writer's gloss
            break
    at = cue.first
    while at > 1 and _is_manner_adverb(tokens[at - 1]):
        at -= 1
    relative = at > 0 and tokens[at - 1].low in RELATIVE_SUBJECTS
    for later in cues[n + 1:]:
        if later.first >= stop or later.first == 0:
            continue
        before = tokens[later.first - 1].low
        if relative and before == ",":
            return later.first - 1          # "X, who said in May that ..., recalled ...": the clause ends
        if before in ("and", "but") and _left_subject(tokens, later) is None:
            return later.first - 1
        if not keep_participles and tokens[later.verb].low.endswith("ing") and tokens[later.first - 1].text == ",":
            return later.first - 1
        subject = _left_subject(tokens, later)
        if subject and subject[0] >= 2 and tokens[subject[0] - 1].low in ("while", "whereas", "but", "and") \
                and tokens[subject[0] - 2].text == ",":
            return subject[0] - 2           # "..., and Iran denied it": a new speaker's clause
    return stop


def _drop_nested_duplicates(found: list[Attribution]) -> list[Attribution]:
    """A participle cue inside a denial's own content ('denied X, calling them ...') adds nothing."""
    keep = []
    for a in found:
        inside = any(b is not a and b.rule.split(":")[2:3] == ["denial"] and b.content[0] <= a.cue_span[0]
                     and a.content[1] <= b.content[1] and a.rule.startswith("participle") for b in found)
        if not inside:
            keep.append(a)
    return keep
