"""Whether a claim denies, and in which words: its cue ("denied", "rejected") or its content
("Russian and Iranian denials", "a ridiculous rumor", "baseless"), the sources it names by
reference ("Sullivan's assertions"), whether it points back ("has denied this") and what it says
besides denying. What a denial denies is `deny.py`'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.analysis.profile import Profile, proposition_words
from factcheck.analysis.text import PhraseIndex, fold, stem
from factcheck.lexicon import load_list, load_table
from factcheck.patterns import compile_fast

# A denial with at most this many content words besides its denial words states no proposition of
# its own ("has denied this", "calling them a ridiculous rumor").
BARE_DENIAL_MAX_WORDS = 1
_NEGATED = compile_fast(r"\b(?:not|never|n't|no longer|refused to|refuses to|declined to|declines to|"
                        r"failed to|fails to|would not|will not)\s+(?:\w+\s+)?$")
_PASSIVE = compile_fast(r"\b(?:is|are|was|were|be|been|being|get|got)\s+$")
_NAME = r"((?:[A-Z][\w.-]+\s+){0,3}[A-Z][\w.-]+)"


@dataclass(frozen=True)
class DenialCue:
    word: str                       # the denial word or phrase as found
    names: tuple[str, ...]          # sources named by reference ("Sullivan")
    content: frozenset[str]         # what it says besides denying ("sell", "missil")
    anaphoric: bool                 # points back with "this", "the allegations" ...
    bare: bool                      # states no proposition of its own


@lru_cache(maxsize=None)
def _denial_words(cue: bool = True) -> frozenset[str]:
    """Denial words for a cue, or (cue=False) those that deny inside a quote too."""
    return frozenset(row[0].lower() for row in load_table("denial_cues.txt")
                     if cue or row[1] != "cue")


@lru_cache(maxsize=None)
def _needs_said_object() -> frozenset[str]:
    """Words that deny only what was said ("rejected the allegations", not "rejected the bill")."""
    return frozenset(row[0].lower() for row in load_table("denial_cues.txt") if row[1] == "claim")


def _has_said_object(quote: str) -> bool:
    """Something said as the object: a reference noun, "this"/"them", a "that" clause or a phrase
    that calls it untrue."""
    lowered = fold(quote).lower()
    nouns = set(load_list("analysis_reference_nouns.txt"))
    return (any(w in nouns for w in lowered.split()) or _is_anaphoric(quote)
            or bool(re.search(r"\b(?:suggestions?|ideas?|notion)\s+that\b", lowered))
            or _denial_phrase_in(quote, attributed=True) is not None)


@lru_cache(maxsize=None)
def _phrases() -> tuple[tuple[str, str], ...]:
    return tuple((row[0].lower(), row[1]) for row in load_table("analysis_denial_phrases.txt"))


@lru_cache(maxsize=None)
def _phrase_index() -> PhraseIndex[tuple[str, str]]:
    return PhraseIndex((phrase, (phrase, scope)) for phrase, scope in _phrases())


@lru_cache(maxsize=None)
def _denial_substrings(cue: bool) -> re.Pattern:
    """Any denial word anywhere in lowercase text: most claims have none, and this tells so at once."""
    return re.compile("|".join(re.escape(w) for w in sorted(_denial_words(cue))))


def _denial_word_in(text: str, cue: bool = False) -> str | None:
    """A denial verb or noun used actively and not negated ("did not deny" is no denial)."""
    words = _denial_words(cue)
    if not _denial_substrings(cue).search(text.lower()):
        return None
    for match in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", text):    # "self-denial" is one word
        word = match.group(0).lower()
        if word in words:
            before = text[max(0, match.start() - 30):match.start()].lower()
            if not _NEGATED.search(before) and not _PASSIVE.search(before):
                return match.group(0)
    return None


def _denial_phrase_in(text: str, attributed: bool) -> str | None:
    for _, _, (phrase, scope) in _phrase_index().search(text):
        if scope == "any" or attributed:
            return phrase
    return None


def _named_references(text: str) -> tuple[str, ...]:
    """Names whose sayings are referred to: "Sullivan's assertions", "the army's
    \"lies\"", "the US' spy drone accusation", "a Reuters story", "claims by the Pentagon",
    "allegations made by The Washington Post"."""
    nouns = "|".join(re.escape(n) for n in load_list("analysis_reference_nouns.txt"))
    words = r"(?:[\"“”‘’']?[a-z-]+[\"“”‘’']?\s+){0,3}[\"“”‘’']?"
    names = re.findall(_NAME + r"((?:\s+[a-z]+)?)['’]s?\s+" + words + r"(?:" + nouns + r")\b", text)
    names = [name + head for name, head in names]
    names += re.findall(r"\b(?:[Aa]n?|[Tt]he|[Tt]hese|[Tt]hose|[Tt]heir|[Ii]ts)\s+" + _NAME
                        + r"\s+(?:[a-z-]+\s+){0,2}(?:" + nouns + r")\b", text)
    names += re.findall(r"\b(?:" + nouns + r")\s+(?:(?:made|published|put forward|carried)\s+)?(?:by|from|of|in)\s+"
                        r"(?:the\s+)?" + _NAME, text)
    return tuple(dict.fromkeys(n for n in names if n.lower() not in _NOT_NAMES))


_NOT_NAMES = frozenset("the this these those it its their a an".split())


@lru_cache(maxsize=None)
def _vocabulary() -> frozenset[str]:
    """Stems of the words that only do the denying ("denied", "baseless", "the reports")."""
    words = set(_denial_words()) | set(load_list("analysis_reference_nouns.txt"))
    words |= set(load_list("analysis_report_nouns.txt")) | set(load_list("analysis_figure_nouns.txt"))
    words |= set(load_list("analysis_denial_framing.txt"))
    words |= {w for phrase, _ in _phrases() for w in phrase.split()}
    return frozenset(stem(w) for w in words) | frozenset(words)


def _is_anaphoric(text: str) -> bool:
    """The denial points back: "denied this", "has denied it outright", "rejected the
    allegations as baseless", "calling them a rumor". In "denied that Iran had sold ..." the
    "that" opens what is denied and is no anaphor; "this", "it", "them", "these" and "those"
    right after a denial word always point back."""
    lowered = fold(text).lower()
    objects = "|".join(re.escape(o) for o in load_list("analysis_denial_objects.txt"))
    words = "|".join(_denial_words(cue=False))
    after = r"(?=\s*(?:$|[.,;:!?\"')]|and\b|as\b|calling\b|saying\b|on\b|in\b|outright\b))"
    return bool(re.search(r"\b(?:" + words + r")\s+(?:" + objects + r")\b" + after, lowered)
                or re.search(r"\b(?:" + words + r")\s+(?:this|it|them|these|those)\b", lowered)
                or re.search(r"\b(?:calling|called|call|described|describing)\s+(?:them|it|this|that)\b", lowered))


def detect_denial(p: Profile) -> DenialCue | None:
    """Whether the claim denies something, from its cue and its words (not only `Claim.denial`)."""
    claim = p.claim
    quote = fold(claim.quote)
    word = (_denial_word_in(claim.cue, cue=True) if claim.cue else None) or _denial_word_in(_straight(claim.quote))
    if word and word.lower() in _needs_said_object() and not _has_said_object(claim.quote):
        word = None
    word = word or _denial_phrase_in(quote, attributed=not p.is_author)
    if word is None and not claim.denial:
        return None
    names = _named_references(_straight(claim.quote)) or _named_references(_straight(claim.text or ""))
    named = {stem(w.lower()) for n in names for w in n.split()}
    own = frozenset(w for w in proposition_words(quote, claim.actors)
                    if w not in _vocabulary() and w not in named)
    return DenialCue(word=word or (claim.cue or "denial"), names=names, content=own,
                     anaphoric=_is_anaphoric(quote), bare=len(own) <= BARE_DENIAL_MAX_WORDS)


def _straight(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")

