"""What can speak: whether a phrase is a source ('the ministry', 'Sen. Lee', 'investors', 'he'), and
the head noun that decides it ('a poll released this week' -> 'poll')."""

from __future__ import annotations

from functools import lru_cache

from factcheck.lexicon import load_list
from factcheck.pipeline.names.roles import role_table
from factcheck.pipeline.words.tokens import (
    AUX_WORDS,
    BEFORE_NOUN,
    CLAUSE_WORDS,
    PERIOD_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    SOURCE_NOUNS,
    TIME_WORDS,
    Token,
    contracted_subject,
)
from factcheck.pipeline.words.verbs import verb_forms

MAX_SOURCE_TOKENS = 12       # a subject longer than this is a clause, not a source
# words after a head noun ("a report on X", "a poll out Monday")
HEAD_BREAKERS = frozenset("of for on at in from with to between against over about by among out".split())
# "a poll released this week found ...": a participle that modifies the head noun before it
MODIFYING_PARTICIPLES = frozenset("released published conducted taken issued commissioned obtained sponsored "
                                  "funded posted filed prepared produced compiled".split())
SUBJECT_GAP_WORDS = frozenset("now both all each too".split())   # "the two senators have both urged"
FOCUS_ADVERBS = frozenset("just only even also nearly almost about roughly some".split())


def and_inside_name(tokens: list[Token], at: int, hi: int) -> bool:
    """'Russia and Iran said': an 'and' between two capitalised words joins one source."""
    if tokens[at].low != "and" or at == 0 or at + 1 >= hi:
        return False
    return tokens[at - 1].text[:1].isupper() and tokens[at + 1].text[:1].isupper()


def looks_like_source(words: list[Token], strict: bool = True, groups: bool = False) -> bool:
    """A subject that can speak: a name, a pronoun, or a head noun such as 'sources' or 'ministry'.

    Not strict (plain speech verbs: said, told): any short noun phrase without a verb will do."""
    lows = [w.low for w in words]
    if not lows or lows[-1] in BEFORE_NOUN and lows[-1] != "some":     # "Some have suggested"
        return False
    head = _head(words)
    if head.low == "it" and not strict and len(words) == 1:
        return True                                 # "It said" after a company or report was named
    if head.low in ("it", "this", "that", "which", "there", "what"):
        return False
    if head.low in PRONOUNS or len(words) == 1 and contracted_subject(head.low) in PRONOUNS:
        return True                                 # "he", "He's said"
    if not strict:                                  # "Will Rogers", "May Chen": a capital is a name
        return not any(w.low in CLAUSE_WORDS and not and_inside_name(words, n, len(words))
                       or w.low in AUX_WORDS and not w.text[:1].isupper() for n, w in enumerate(words)) \
            and len(words) <= MAX_SOURCE_TOKENS
    if head.text[:1].isupper() and head.low not in TIME_WORDS and (head is not words[0] or len(words) > 1
                                                                   and words[1].text[:1].isupper()
                                                                   or _known_actor(head.text) or _lone_name(words)):
        return True
    return head.low in SOURCE_NOUNS or head.low.rstrip("s") in SOURCE_NOUNS or head.low in _role_heads() \
        or groups and _plural_group(head)


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """One-word roles of source_roles.txt and their plurals ('commentators', 'some', 'others'),
    without the pronouns and demonstratives, which need their antecedent."""
    return frozenset(phrase for phrase, (kind, _) in role_table()[1].items()
                     if " " not in phrase and kind != "pronoun" and phrase not in ("it", "this", "that"))


def _plural_group(head: Token) -> bool:
    """'investors fear', 'the four contenders suggested': a plural noun names a group that can think or
    speak (of a thought or speech cue only: not 'the two sides agreed to', 'powers were showing')."""
    low = head.low
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 4 and head.text.isalpha() \
        and low not in _function_words() and low not in verb_forms()


def _lone_name(words: list[Token]) -> bool:
    """'Carter has suggested ...', 'Paul suggested ...': one capitalised word that opens the sentence
    is a surname unless it is a function word, an adverb or a verb form ('Yet', 'Initially', 'Known')."""
    if len(words) != 1:
        return False
    word = words[0]
    low = word.low
    return word.text[:1].isupper() and word.text.isalpha() and len(low) > 2 and not low.endswith(("ly", "ed", "wn")) \
        and low not in _function_words() and low not in verb_forms()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(load_list("analysis_stopwords.txt")) | CLAUSE_WORDS | BEFORE_NOUN | PREPOSITIONS | AUX_WORDS \
        | TIME_WORDS | FOCUS_ADVERBS | SUBJECT_GAP_WORDS


def _known_actor(word: str) -> bool:
    """A capitalised word that opens a sentence is a name only if the gazetteer knows it."""
    from factcheck.pipeline.names.actors import resolve_actor_name
    return resolve_actor_name(word) is not None


def _head(words: list[Token]) -> Token:
    """The head of a noun phrase: its last word before a preposition ('a report on X' -> 'report') or
    a time phrase ('a poll last week' -> 'poll')."""
    while len(words) > 2 and (words[-1].low in TIME_WORDS or words[-1].low in PERIOD_WORDS
                              and words[-2].low in ("last", "this", "next")):
        words = words[:-2] if words[-2].low in ("last", "this", "next", "on") else words[:-1]
    for n, word in enumerate(words):
        if n and (word.low in HEAD_BREAKERS or word.low in MODIFYING_PARTICIPLES) and not _name_of(words, n):
            return words[n - 1]
    return words[-1]


def _name_of(words: list[Token], n: int) -> bool:
    """'Ministry of Foreign Affairs', 'Bank of England': an 'of' inside a capitalised name."""
    return words[n].low == "of" and words[n - 1].text[:1].isupper() and n + 1 < len(words) \
        and words[n + 1].text[:1].isupper() and words[n - 1].low not in SOURCE_NOUNS
