"""Claims presupposed inside a claim: noun phrases that state an event of their own.

"under a space cooperation agreement signed by the two governments in 2018" presupposes that
the agreement was signed then; the sentence asserts something else about it. Such a phrase is a
checkable fact, so it becomes a claim of its own (source: the document's author, who presents it
as background; kind: fact), nested in the claim that contains it. Four constructions:

  participle   "the drones used by the army in the east" (a past participle with its agent)
  relative     "the strike that killed the general" / "drones that the army is using in the east"
  dated-event  "the fall of the Soviet Union in 1990" (an event noun, what it concerns, a date)
  possessive   "the president's surprise visit to the capital" (an actor's event)

Never inside quotation marks: quoted words are the speaker's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import load_list
from factcheck.pipeline.words.tokens import (
    AUXILIARIES,
    DETERMINERS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    Token,
    quote_depths,
    relative_that,
)
from factcheck.pipeline.words.verbs import verb_forms

# Words that end a noun phrase going left, or the phrase going right.
CLOSED = frozenset("of in on at to for from with by into onto about over under after before during since "
                   "between against among through and or but nor so that which who whom whose what when "
                   "where while whether if as than because although though not no also only just even "
                   "i you he she it we they him them me us is are was were be been being am has have had "
                   "do does did will would can could may might must shall should there here then".split())
BE_HAVE = frozenset("is are was were be been being am has have had get gets got".split())
AGENT_WORDS = frozenset({"by", "between"})
# Verbs that take a "that"-clause: "said that ..." is no relative clause.
THAT_VERBS = frozenset("said told thought knew felt meant found showed shown noted argued added warned "
                       "believed stated claimed insisted suggested so such".split())
# Nouns a "that"-clause completes rather than modifies ("the news that ..."): no relative clause.
COMPLEMENT_NOUNS = frozenset("news fact claim claims report reports idea belief view assertion assertions "
                             "possibility hope hopes fear fears allegation allegations evidence sign signs "
                             "indication indications suggestion notion statement statements assurance "
                             "assurances warning warnings rumor rumors rumour rumours concern concerns "
                             "conclusion impression message doubt doubts likelihood chance chances so such "
                             "now given way time times day days year years point week weeks month months "
                             "hour hours night morning risk danger".split())
MONTHS = frozenset("january february march april may june july august september october november "
                   "december".split())
ADVERBS = frozenset("now still already also even just long".split())
# Words that look like nouns but head no phrase a participle or relative clause could modify.
NOT_HEADS = frozenset("later first yet ago once again soon since earlier recently each every all both "
                      "some any".split())
MAX_NOUN_PHRASE = 6
MAX_TAIL = 14
MIN_WORDS = 4


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    words = load_list("event_nouns.txt")
    return frozenset(w.lower() for w in words) | frozenset(w.lower() + "s" for w in words)


def embedded_events(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(lo, hi, rule) token ranges of presupposed events inside `tokens` (one content span)."""
    found: list[tuple[int, int, str]] = []
    depths = quote_depths(tokens)
    for k in range(len(tokens) - 1):
        if depths[k]:
            continue
        hit = _possessive(tokens, k) or k and (_participle(tokens, k) or _relative(tokens, k)
                                               or _dated_event(tokens, k))
        if hit and not any(depths[hit[0]:hit[1]]) and _words(tokens[hit[0]:hit[1]]) >= MIN_WORDS:
            found.append(hit)
    return found


def _words(piece: list[Token]) -> int:
    return sum(1 for t in piece if t.text[:1].isalnum())


def _nounish(tok: Token) -> bool:
    return tok.text[:1].isalnum() and tok.low not in CLOSED and tok.low not in DETERMINERS \
        and not tok.low.endswith("ly")


def _noun_head(tokens: list[Token], head: int, compound: bool = False) -> bool:
    """A common noun heading the phrase a modifier attaches to: lowercase, no number or adverb,
    and, when it could be a verb ("shows", "strike"), right after a determiner or possessive (or,
    with `compound`, after another noun: "rocket attacks").
    A name is left out: "a shooting in Ohio that killed 14" is about the shooting, not Ohio."""
    tok = tokens[head]
    if not tok.text[:1].islower() or not tok.text[:1].isalpha() or tok.low in NOT_HEADS or not _nounish(tok):
        return False
    if tok.low in verb_forms():
        before = tokens[head - 1] if head else None
        if compound and before and before.text[:1].islower() and _nounish(before) \
                and before.low not in verb_forms():
            return True                             # "rocket attacks carried out by ..."
        return bool(before) and (_determiner(tokens, head) or before.text.endswith(("’s", "'s")))
    return True


def _determiner(tokens: list[Token], at: int) -> bool:
    """The word before `at` opens its noun phrase: a determiner, but not the relative pronoun
    'that' ("a group that feels marginalized")."""
    return tokens[at - 1].low in DETERMINERS and not relative_that(tokens, at)


def _phrase_start(tokens: list[Token], head: int) -> int | None:
    """The first token of the noun phrase ending at `head`: back over nouns and modifiers to
    a determiner (included) or anything else (excluded)."""
    if not _nounish(tokens[head]):
        return None
    lo = head
    while lo > 0 and head - lo < MAX_NOUN_PHRASE:
        before = tokens[lo - 1]
        if _determiner(tokens, lo) or before.text.endswith(("’s", "'s")):
            return lo - 1 if _determiner(tokens, lo) else _phrase_start(tokens, lo - 1) or lo - 1
        verb = before.text[:1].islower() and (before.low.endswith("ed") or before.low in IRREGULAR_PAST)
        if not _nounish(before) or verb or before.low in BE_HAVE:   # "Shahed" is a name, "sent" a verb
            break
        lo -= 1
    return lo


def _tail_end(tokens: list[Token], start: int) -> int:
    """Where a modifier that starts at `start` ends: before punctuation, a verb of the main clause
    or a new clause; prepositional phrases and names joined by "and" stay in."""
    k = start
    while k < len(tokens) and k - start < MAX_TAIL:
        tok = tokens[k]
        if tok.text in (",", ";", ":", "—", "–", "--", "“", "”", '"', "!", "?") \
                or tok.text == "." and k + 1 == len(tokens):
            break
        if tok.text == "(":
            close = next((j for j in range(k + 1, min(len(tokens), k + 5)) if tokens[j].text == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        if tok.low in ("that", "which", "who", "while", "whereas", "because", "but", "although") \
                or tok.low in AUXILIARIES and k > start:
            break
        if tok.low == "and" and (k + 1 >= len(tokens) or not (tokens[k + 1].text[:1].isupper()
                                                             or tokens[k + 1].low in DETERMINERS)):
            break
        if tok.low == "to" and k + 1 < len(tokens) and tokens[k + 1].text[:1].islower() \
                and tokens[k + 1].low not in DETERMINERS and k > start + 1:
            break                                   # "... to fill the vacuum": an infinitive
        if k > start + 1 and _finite_verb(tok):
            break
        k += 1
    while k > start and (tokens[k - 1].low in CLOSED or tokens[k - 1].low in DETERMINERS):
        k -= 1
    return k


def _finite_verb(tok: Token) -> bool:
    low = tok.low
    return tok.text[:1].islower() and (low.endswith(("es", "ed")) and low not in ("times", "states")
                                       and not low.endswith("ies") and len(low) > 4
                                       and low in verb_forms())


def _participle(tokens: list[Token], k: int) -> tuple[int, int, str] | None:
    """'NOUN signed by X in 2018' / 'NOUN carried out by X' / 'NOUN signed between X and Y'."""
    tok = tokens[k]
    if not (tok.low.endswith("ed") or tok.low in IRREGULAR_PARTICIPLES) or not tok.text[:1].islower():
        return None
    agent = k + 2 if k + 2 < len(tokens) and tokens[k + 1].low in ("out", "up") else k + 1
    if agent >= len(tokens) or tokens[agent].low not in AGENT_WORDS:
        return None
    prev = tokens[k - 1]
    if prev.low in BE_HAVE or prev.low.endswith("ly") and k > 1 and tokens[k - 2].low in BE_HAVE:
        return None
    if not _noun_head(tokens, k - 1, compound=True):
        return None                                 # "Trump won by a wide margin": a main verb
    lo = _phrase_start(tokens, k - 1)
    if lo is None:
        return None
    hi = _tail_end(tokens, agent + 1)
    return (lo, hi, "participle") if hi > agent + 1 else None


def _relative(tokens: list[Token], k: int) -> tuple[int, int, str] | None:
    """'the strike that killed X' (subject relative, a past verb) or 'drones that the army is
    currently using in Y' (object relative: the verb has no object of its own)."""
    prev = tokens[k - 1].low
    if tokens[k].low != "that" or prev in COMPLEMENT_NOUNS or prev in THAT_VERBS or prev.endswith("ed") \
            or k + 2 >= len(tokens):
        return None
    if not _noun_head(tokens, k - 1):
        return None
    lo = _phrase_start(tokens, k - 1)
    if lo is None:
        return None
    nxt = tokens[k + 1]
    if nxt.low in THAT_VERBS:                       # "a message that said ...": speech, attribution's work
        return None
    if nxt.low.endswith("ed") and nxt.text[:1].islower() or nxt.low in IRREGULAR_PAST:
        hi = _tail_end(tokens, k + 2)
        return (lo, hi, "relative") if hi > k + 2 else None
    if nxt.low in AUXILIARIES:                      # "battles that have been ongoing since May"
        j = k + 1
        while j < len(tokens) and (tokens[j].low in AUXILIARIES or tokens[j].low in ADVERBS
                                     or tokens[j].low.endswith("ly")):
            j += 1
        if j < len(tokens) and (tokens[j].low.endswith(("ed", "ing")) or tokens[j].low in IRREGULAR_PARTICIPLES):
            hi = _tail_end(tokens, j + 1)
            return (lo, hi, "relative") if hi > j + 1 else None
        return None
    # object relative: a subject, auxiliaries and adverbs, then a verb with a preposition after it
    j = k + 1
    while j < len(tokens) and j - k <= 6 and tokens[j].low not in AUXILIARIES:
        if not (tokens[j].text[:1].isalnum() and tokens[j].low not in CLOSED or tokens[j].low in DETERMINERS):
            return None
        j += 1
    if j == k + 1 or j >= len(tokens):
        return None
    while j < len(tokens) and (tokens[j].low in AUXILIARIES or tokens[j].low in ADVERBS
                                     or tokens[j].low.endswith("ly")):
        j += 1
    if j + 1 >= len(tokens) or not tokens[j].low.endswith(("ing", "ed")):
        return None
    after = tokens[j + 1]
    if after.low not in ("in", "on", "at", "against", "for", "since", "to", "from") :
        return None
    hi = _tail_end(tokens, j + 1)
    return lo, hi, "relative"


def _dated_event(tokens: list[Token], k: int) -> tuple[int, int, str] | None:
    """'the fall of the Soviet Union in 1990', 'a near collision between two ships on 9 January':
    a determiner, an event noun, what it concerns and a date, with no verb between."""
    if tokens[k].low not in _event_nouns() or tokens[k].text[:1].isupper():
        return None
    lo = next((j for j in (k - 1, k - 2) if j >= 0 and tokens[j].low in ("the", "a", "an")), None)
    if lo is None or lo == k - 2 and not _nounish(tokens[k - 1]):
        return None
    if lo > 0 and tokens[lo - 1].low not in CLOSED:
        return None                                 # "held a summit in July": the claim asserts it already
    for j in range(k + 1, min(len(tokens), k + MAX_TAIL)):
        tok = tokens[j]
        if tok.text in (",", ";", "—", "–", "(") or _finite_verb(tok) or tok.low in AUXILIARIES \
                or tok.low in ("that", "which", "who", "to"):
            return None
        if tok.low in ("in", "on") and j + 1 < len(tokens) and _is_date_word(tokens[j + 1]):
            end = j + 2
            while end < len(tokens) and (_is_date_word(tokens[end]) or tokens[end].text.isdigit()):
                end += 1
            return (lo, end, "dated-event") if j > k + 1 else None
    return None


def _is_date_word(tok: Token) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", tok.text)) or tok.text[:1].isupper() and tok.low in MONTHS \
        or tok.text.isdigit() and len(tok.text) <= 2


def _possessive(tokens: list[Token], k: int) -> tuple[int, int, str] | None:
    """'Putin's surprise visit to Damascus': a named actor's event and what it was about."""
    tok = tokens[k]
    if not (tok.text.endswith(("’s", "'s")) and tok.text[:1].isupper()):
        return None
    j = k + 1
    while j < len(tokens) and j - k <= 3 and tokens[j].low not in _event_nouns():
        if not _nounish(tokens[j]):
            return None
        j += 1
    if j >= len(tokens) or tokens[j].low not in _event_nouns() or j + 2 >= len(tokens) \
            or not tokens[j].text[:1].islower():
        return None
    if tokens[j + 1].low not in ("to", "of", "with", "in", "on", "against"):
        return None
    if tokens[j + 1].low == "to" and tokens[j + 2].low in verb_forms():
        hi = _tail_end(tokens, j + 1)               # "Obama's decision to take executive action"
        return (k, hi, "possessive") if hi > j + 3 else None
    end, named = j + 2, False
    while end < len(tokens) and end - j <= 6 and (tokens[end].low in DETERMINERS or _nounish(tokens[end])
                                                   and not _finite_verb(tokens[end])):
        if named and tokens[end].text[:1].islower():
            break                                   # "visit to Damascus indicates ...": the name ends it
        named = tokens[end].text[:1].isupper() and not tokens[end].text.endswith(("’s", "'s"))
        end += 1
    return (k, end, "possessive") if end > j + 2 else None
