"""What is reported: where the content of a reporting cue begins ('said in a statement on Tuesday
that ...', 'told reporters ...') and ends (a semicolon, a writer's gloss, the next speaker's clause),
and when what follows the cue is only an adjunct ('..., Boistard said in a statement.').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.pipeline.attribution.cues import after_quote_comma
from factcheck.pipeline.attribution.subjects import is_manner_adverb, left_subject, opening_adverbial
from factcheck.pipeline.words.tokens import (
    ADVERBIAL_PREPOSITIONS,
    AUX_WORDS,
    CLAUSE_WORDS,
    NOUN_LIKE_AFTER_DET,
    PERIOD_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
    Token,
    closes_quotation,
    quote_depths,
    relative_that,
)

if TYPE_CHECKING:
    from factcheck.pipeline.attribution.frame import Cue

MAX_GAP_TO_THAT = 8          # "said in a statement on Tuesday that ..."
MAX_ADJUNCT_TOKENS = 8       # "in a statement on Tuesday" after an inverted cue
NAMING_LEMMAS = frozenset("call describe label brand dub term".split())
INDEFINITE_THINGS = frozenset("nothing something everything anything".split())
TIME_HEADS = frozenset("later earlier ago day hour minute moment time".split())          # "days later"
TIME_FILLERS = frozenset("a few couple of several next following same previous last early late on in at "
                         "that two three four".split())
MAX_ADJUNCT_SEARCH = 20      # "said during a discussion on Thursday with ... that ..."
MAX_RECIPIENT_TOKENS = 5
MAX_TITLE_TOKENS = 6         # "“Meet the Press,”", "“Fox News Sunday,”"
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from".split())
GLOSS_VERBS = frozenset("has have had raised prompted sparked drew caused led triggered angered fueled "
                        "fuelled alarmed".split())
# "..., although the mayor wrote that ...": what opens the clause of a later speaker after a comma
CONTRAST_OPENERS = frozenset("while whereas but and although though".split())
# "said the plans are a reply to attacks that ...": a finite verb before 'that' makes the content a clause
FINITE_AUX = frozenset("is are was were has have had will would could can should may might must does do did".split())
DASH_ASIDES = frozenset("particularly especially since because although though notably".split())
# "called for a ban", "spoke of a crisis": a preposition the reporting verb takes opens what it reports
COMPLEMENT_PREPOSITIONS = frozenset({"for", "of"})
ADJUNCT_STARTS = frozenset("during in at on with under after before from for of to at via over".split())
OBJECT_WORDS = frozenset("him her them us me reporters journalists supporters voters listeners viewers "
                         "lawmakers colleagues students members delegates".split())
RECIPIENT_VERBS = frozenset({"tell", "ask", "write", "assure", "warn", "urge", "thank", "remind"})
RELATIVE_SUBJECTS = frozenset({"who", "which"})
MAX_CONTRAST_SUBJECT = 6     # "..., while about 4 in 10 want ..."
MAX_RELATIVE_TOKENS = 15
# "the plan, which cost the city millions last year, had failed"
BACKSHIFTED_MODALS = frozenset("would could might should".split())
# a clause opening the sentence with one of these is subordinate: what its cue reports ends at its comma
FRONTED_SUBORDINATORS = frozenset("although though while whereas when whenever after before since because if "
                                  "unless once until".split())
RELATIVE_ENDERS = frozenset("according including such especially he she they it we i".split())
# "said the plan ...": an article or possessive opens a noun phrase ('this' may open "this week that")
ARTICLES = NOUN_LIKE_AFTER_DET - {"this"} | {"my", "your"}


def content_after(tokens: list[Token], cue: Cue, end: int) -> int | None:
    """Index of the first content token after the cue: skips 'that', the recipient of 'told', and
    adjuncts ('said during a panel on Tuesday that ...'). None when only an adjunct follows."""
    i = cue.last + 1
    if i >= end:
        return None
    if cue.lemma in RECIPIENT_VERBS:
        i = _skip_recipient(tokens, i, end)
        if i >= end:
            return None
    # "said he was looking for evidence that ...": content that opens with its own subject runs on;
    # a later 'that' is a relative pronoun, not the complementiser
    gap = 1 if tokens[i].low in PRONOUNS or tokens[i].low in ARTICLES else MAX_GAP_TO_THAT + 1
    for j in range(i, min(end, i + gap)):
        word = tokens[j]
        if word.low == "that" and j + 1 < end:
            # "Christie said that was part of the race": 'that' before a verb is the subject
            return j if j == i and tokens[j + 1].low in FINITE_AUX else j + 1
        if word.text == ":" and j + 1 < end and not _inside_number(tokens, j):
            return j + 1
        if word.text in ".;!?“\"" or word.low in ("which", "who") or word.low in FINITE_AUX:
            break                   # "said Lee's remarks are answers to attacks that ...": a relative 'that'
    if tokens[i].text in (",", ":") and i + 1 < end:
        return i + 1
    if tokens[i].low in COMPLEMENT_PREPOSITIONS and i + 1 < end and not _time_phrase(tokens, i + 1):
        return i + 1                # "called for a ban", "warned of delays": what the cue asks or reports
    if tokens[i].low in ADJUNCT_STARTS and cue.kind not in ("attitude", "stance") and not _infinitive(tokens, i, end):
        later = next((j for j in range(i, min(end, i + MAX_ADJUNCT_SEARCH)) if tokens[j].low == "that"), None)
        if later is not None and later + 1 < end:
            return later + 1
        return None if end - i <= MAX_ADJUNCT_TOKENS else i   # a short phrase after the cue is an adjunct
    return i


def _time_phrase(tokens: list[Token], at: int) -> bool:
    """'for years', 'for the first time', 'for two weeks': how long, not what."""
    words = [t.low for t in tokens[at:at + 3]]
    return any(w in PERIOD_WORDS or w.rstrip("s") in PERIOD_WORDS or w in TIME_WORDS or w in ("time", "now")
               for w in words)


def _infinitive(tokens: list[Token], i: int, end: int) -> bool:
    """'declined to answer', 'vowed to fight': 'to' before a lowercase word that is no determiner or
    object ('said to reporters', 'told to the committee') opens an infinitive, not an adjunct."""
    if tokens[i].low != "to" or i + 1 >= end:
        return False
    nxt = tokens[i + 1]
    return nxt.text.islower() and nxt.low not in ARTICLES and nxt.low not in OBJECT_WORDS \
        and nxt.low not in ("this", "that", "whom", "which")


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


def only_adjunct(tokens: list[Token], start: int, stop: int, subject_start: int, cue: Cue) -> bool:
    """'..., Boistard said in a statement.' / 'he told reporters.': nothing after the cue is content."""
    words = tokens[start:stop]
    # "he said Wednesday on MSNBC’s “Morning Joe.”": marks and stops are not words
    if not words or sum(w.text[:1].isalnum() for w in words) > MAX_ADJUNCT_TOKENS or subject_start == 0:
        return False
    if tokens[subject_start - 1].text not in (",", "”", '"', "—"):
        return False
    if tokens[start - 1].low == "that" or opening_adverbial(tokens[:subject_start - 1]):
        return False                # "On Tuesday, Podesta told a lunch group that her position ..."
    if tokens[start - 1].low == "of" and cue.lemma in ("say", "write", "add"):
        return True                 # "..., Smith said of the proposal."
    if words[0].low in ("this", "last", "next"):        # "said this week", but not "denied this"
        return len(words) > 1 and (words[1].low in TIME_WORDS or words[1].low in PERIOD_WORDS)
    if _infinitive(tokens, start, stop):
        return False                                    # "..., the governor declined to answer."
    if words[0].low in PREPOSITIONS or words[0].low in TIME_WORDS or words[0].low in \
            ("earlier", "later", "recently", "today", "yesterday", "tonight"):
        return True
    # "..., Calderon told CNBC Saturday.": a short object with no verb and no "that"
    return cue.lemma in RECIPIENT_VERBS and len(words) <= 4 \
        and not any(w.low in ("that", "to") or w.low in AUX_WORDS for w in words)


def only_time(tokens: list[Token], start: int, stop: int) -> bool:
    """'The website reported a few days later.', 'He apologized the next day.': what follows the cue
    is only when it happened, and nothing was reported."""
    words = [_singular_time(t.low) for t in tokens[start:stop] if t.text not in ".,"]
    timed = [w for w in words if w in TIME_HEADS or w in TIME_WORDS or w in PERIOD_WORDS]
    return 0 < len(words) <= MAX_ADJUNCT_TOKENS and bool(timed) and all(
        w in timed or w in TIME_FILLERS or w in NOUN_LIKE_AFTER_DET or w[:1].isdigit() for w in words)


def _singular_time(word: str) -> str:
    return word[:-1] if word.endswith("s") and (word[:-1] in TIME_HEADS or word[:-1] in PERIOD_WORDS) else word


def closed_quote_before(tokens: list[Token], at: int) -> bool:
    """'“We will win,” Smith told a rally on Monday as ...': a quotation closed by a comma just before
    the subject is what the cue reports, whatever follows the cue."""
    return closes_quotation(tokens, at)


def quoted_title_before(tokens: list[Token], at: int) -> bool:
    """'On Fox News’s “Sunday Morning Futures,” Sen. Lee said ...': a short quotation in title case,
    after other words of the sentence, names a show or a book; it is not what the cue reports."""
    if not closed_quote_before(tokens, at):
        return False
    opening = next((j for j in range(at - 3, max(-1, at - 3 - MAX_TITLE_TOKENS), -1)
                    if tokens[j].text in ("“", '"')), None)
    if opening is None or opening == 0:
        return False                # a quotation opening the sentence is what was said
    words = [t.text for t in tokens[opening + 1:at - 2] if t.text[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words) and words[0][:1].isupper()


def quote_resumes(tokens: list[Token], at: int) -> bool:
    """'“For me,” she said, “it was over.”', '“First,” she told the host, “I would ...”': the quotation
    goes on right after the cue and its addressee."""
    comma = next((j for j in range(at, min(len(tokens) - 1, at + MAX_RECIPIENT_TOKENS + 1))
                  if not tokens[j].text[:1].isalnum()), None)
    return comma is not None and tokens[comma].text == "," and tokens[comma + 1].text in ("“", '"')


def ends_clause(tokens, at: int, end: int) -> bool:
    """'..., said Smith.' / '..., said Smith as he left.' / '..., said Smith in an interview.': nothing but
    an adverbial clause or phrase follows."""
    return at >= end or tokens[at].text in (",", ";", ".", "”", "\"", "—") or tokens[at].low in CLAUSE_WORDS \
        or tokens[at].low in PREPOSITIONS


def content_before(tokens: list[Token], before: int, floor: int = 0) -> tuple[int, int] | None:
    """Content of an inverted attribution: from the clause start (or `floor`) up to the comma before
    the source. One word is enough when it closes a quotation ('“Maybe,” said Smith.')."""
    hi = before
    while hi > 0 and tokens[hi - 1].text in (",", "”", "\"", "—", "–"):
        hi -= 1
    lo = hi
    while lo > floor and tokens[lo - 1].text != ";":
        lo -= 1
    if floor and lo == floor:               # '“X,” she said, but ..., “Y,” said Kunin': Kunin's own quotation
        lo = next((j + 1 for j in range(lo, hi) if tokens[j].text in ("“", '"')), lo)
    quoted = any(t.text in ("”", '"') for t in tokens[hi:before])
    return (lo, hi) if hi - lo >= (1 if quoted else 2) else None


def _next_participle(tokens, cue, j) -> bool:
    """'..., calling him a stiff and accusing him of ...': after a participle that names something
    (whose content is a short object and label), 'and' before another participle starts the
    speaker's next act."""
    if cue.lemma not in NAMING_LEMMAS or not tokens[cue.verb].low.endswith("ing") or tokens[j].low != "and" \
            or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return nxt.low.endswith("ing") and len(nxt.low) > 5 and nxt.text.islower() and nxt.low not in INDEFINITE_THINGS


def _inverted_speaker(tokens, cue, end) -> bool:
    """'..., said Dan Lee.' / '..., said Dan Lee, an analyst.': a name after a finite speech verb that
    closes the sentence or opens an aside."""
    word = tokens[cue.verb].low
    if cue.kind != "speech" or word == cue.lemma and word != "say" or word.endswith("ing") or cue.last + 1 >= end:
        return False
    at = cue.last + 1
    while at < end and (tokens[at].text[:1].isupper() or tokens[at].text == ".") and at - cue.last <= 4:
        at += 1
    return at > cue.last + 1 and tokens[cue.last + 1].low not in TIME_WORDS and (at >= end or tokens[at].text == ",")


def content_stop(tokens, cues, n, end, keep_participles: bool = False) -> int:
    """Content ends at the sentence end, a semicolon, a dash aside, a gloss after a closing quotation,
    or where the next cue's own clause begins ('..., while Washington has called it ...')."""
    cue = cues[n]
    stop = _fronted_clause_end(tokens, cue, _first_break(tokens, cue, end))
    at = cue.first
    while at > 1 and is_manner_adverb(tokens[at - 1]):
        at -= 1
    relative = at > 0 and (tokens[at - 1].low in RELATIVE_SUBJECTS or relative_that(tokens, cue.verb))
    if relative:                            # "a group that endorsed X in May, launched ...": the clause ends
        stop = next((j for j in range(cue.last + 1, stop - 1) if tokens[j].text == "," and
                     tokens[j + 1].text.isalpha() and tokens[j + 1].text.islower() and
                     tokens[j + 1].low not in CLAUSE_WORDS and tokens[j + 1].low not in RELATIVE_ENDERS
                     and tokens[j + 1].low not in AUX_WORDS), stop)
    return _stop_before_later_cue(tokens, cues, n, stop, relative, keep_participles)


def _first_break(tokens, cue, end) -> int:
    """Where punctuation and the words after it end a cue's content: a semicolon, a dash aside, a
    gloss after a closing quotation, ', but' with a clause of its own, a ', which' gloss, a participle."""
    depths: list[int] | None = None         # quotation depths, read only at a ', but' or ', which'
    for j in range(cue.last + 1, end - 1):
        tok, nxt = tokens[j], tokens[j + 1]
        if tok.text == ";" or tok.text in ("—", "–") and nxt.low in DASH_ASIDES:
            return j
        if tok.text in ("”", '"') and nxt.text == "," and j + 2 < end and tokens[j + 2].low in ("which", "who"):
            return j + 1                            # 'a “20-year agreement,” which includes ...'
        if tok.text == "," and nxt.low in ("but", "which") and depths is None:
            depths = quote_depths(tokens)
        if tok.text == "," and nxt.low == "but" and not depths[j] and j + 2 < end and _clause_after(tokens, j + 2, end):
            return j                                # '..., but he was copied on the questions': the writer's
        if tok.text == "," and nxt.low == "which" and j + 2 < end and (
                tokens[j + 2].low in GLOSS_VERBS or not depths[j] and not _embedded_relative(tokens, j + 1, end)):
            return j                                # '..., which has raised concerns': the writer's gloss
        if _next_participle(tokens, cue, j):
            return j - 1 if tokens[j - 1].text == "," else j
    return end


def _stop_before_later_cue(tokens, cues, n, stop, relative: bool, keep_participles: bool) -> int:
    """Where a later cue's own clause begins inside the content, the content ends before it."""
    cue = cues[n]
    for later in cues[n + 1:]:
        if later.first >= stop or later.first == 0:
            continue
        before = tokens[later.first - 1].low
        if before == "," and _inverted_speaker(tokens, later, stop):
            return later.first - 1          # "she hoped to carry ..., the race will be tight, said Dan Lee."
        if relative and before == ",":
            return later.first - 1          # "X, who said in May that ..., recalled ...": the clause ends
        if before in ("and", "but") and left_subject(tokens, later) is None:
            return later.first - 1
        if not keep_participles and tokens[later.verb].low.endswith("ing") and (
                tokens[later.first - 1].text == "," or before in ADVERBIAL_PREPOSITIONS or after_quote_comma(
                    tokens, later.first)):
            return later.first - 1          # '..., adding ...' / '... “an error,” adding ...'
        contrast = _contrast_before(tokens, cue.last + 1, later.first)
        if contrast is not None:
            return contrast                 # "..., while about 4 in 10 want ...": a new speaker's clause
        subject = left_subject(tokens, later)
        if subject and subject[0] <= cue.last:
            continue                        # "X said he believed that ...": the later cue is inside this one's content
        if subject and subject[0] >= 2 and tokens[subject[0] - 1].low in CONTRAST_OPENERS \
                and tokens[subject[0] - 2].text in (",", "—", "–", "-", "--"):
            return subject[0] - 2           # "..., and Iran denied it", "..., although he wrote that ...": a new clause
        if subject and subject[0] >= 1 and tokens[subject[0] - 1].text == "," and later.last + 1 < stop \
                and tokens[later.last + 1].low == "that":
            return subject[0] - 1           # "After the agency asked them to check, Smith said that ..."
    return stop


def _contrast_before(tokens: list[Token], lo: int, cue_at: int) -> int | None:
    """The comma of ', while' / ', whereas' opening the clause of a later cue ('..., while some parents
    want ...', '..., whereas about 4 in 10 say ...'), whatever its subject looks like."""
    for j in range(max(lo, cue_at - MAX_CONTRAST_SUBJECT - 2), cue_at - 2):
        if tokens[j].text == "," and tokens[j + 1].low in ("while", "whereas") \
                and not any(t.text in (",", ";", "“", "”", '"') for t in tokens[j + 2:cue_at]):
            return j
    return None


def _clause_after(tokens: list[Token], at: int, end: int) -> bool:
    """'but he was copied', 'but the agency declined': a subject and then a verb; not 'but it would
    pay off', whose modal is the reported speech's own ('said the plan was costly, but it would ...')."""
    word = tokens[at]
    verbs = [t.low for t in tokens[at + 1:min(end, at + 5)] if t.low in AUX_WORDS or t.low.endswith("ed")]
    return (word.low in PRONOUNS or word.low in ARTICLES or word.text[:1].isupper()) and bool(verbs) \
        and verbs[0] not in BACKSHIFTED_MODALS


def _embedded_relative(tokens: list[Token], at: int, end: int) -> bool:
    """'the plan, which cost millions, had failed': a relative clause closed by a comma before the
    verb of the clause it sits in is part of that clause."""
    close = next((k for k in range(at + 1, min(end - 1, at + MAX_RELATIVE_TOKENS)) if tokens[k].text == ","), None)
    return close is not None and tokens[close + 1].low in AUX_WORDS


def _fronted_clause_end(tokens: list[Token], cue: Cue, stop: int) -> int:
    """'Although he acknowledged the cuts were painful, he maintained ...': a cue inside a clause that opens
    the sentence with a subordinator reports up to the comma that closes that clause."""
    opener = next((k for k in range(cue.first) if tokens[k].text not in ("“", '"', "''", "‘")), None)
    if opener is None or tokens[opener].low not in FRONTED_SUBORDINATORS \
            or any(tokens[k].text in (",", ";", ":") for k in range(opener, cue.first)):
        return stop
    depths = quote_depths(tokens)
    return next((j for j in range(cue.last + 3, stop - 1) if tokens[j].text == "," and not depths[j]
                 and _opens_main_clause(tokens[j + 1])), stop)


def _opens_main_clause(word: Token) -> bool:
    """'..., he maintained', '..., the party said', '..., critics say': a subject after the comma, not
    an adjunct (', with his weight down') or a relative clause (', which ...')."""
    return word.low in PRONOUNS and word.low != "who" or word.low in ARTICLES or word.text[:1].isupper() \
        or word.text.isalpha() and word.low.endswith("s") and word.low not in ("as", "has", "was", "is", "this")
