"""What a claim's words say of it: its kind (fact, assessment, prediction), its certainty (the hedges
it carries) and its polarity, each read from the text alone with the word lists of lexicon/en."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import load_list, load_table
from factcheck.models import CERTAINTY_RANK
from factcheck.patterns import compile_fast

# The head of a span is labelled twice (as the head its parts inherit from, then as a claim):
# the labels of this many recent texts are remembered.
RECENT_TEXTS = 1024
MIGHT_NOUN_RE = compile_fast(r"\b(?:its|his|her|their|our|military|economic|naval|full|all|great)\s+$", re.I)
WORD_RE = re.compile(r"[a-z0-9’'-]+")
# "may have been backed", "might have sold": a guess about the past is a judgement, not a fact.
EVALUATION_RE = compile_fast(r"\b(?:it|that|this) would (?:also |surely |probably )?be (?:a |an )?(\w+) (?:to|if)\b")
PAST_SPECULATION_RE = compile_fast(r"\b(?:may|might|must) have (?:been |had )?\w+(?:ed|en|wn|ld|ht|de)\b")


@lru_cache(maxsize=1)
def _hedges() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation, longest phrase first, so "little doubt" wins over a shorter hedge inside it."""
    rows = sorted(load_table("hedges.txt"), key=lambda r: -len(r[0]))
    pattern = compile_fast(r"(?<![\w’'])(?:" + "|".join(re.escape(p) for p, _ in rows) + r")(?![\w’'])", re.I)
    return pattern, {p.lower(): level for p, level in rows}


@lru_cache(maxsize=None)
def _word_pattern(name: str) -> re.Pattern:
    words = sorted(load_list(name), key=len, reverse=True)
    return compile_fast(r"(?<![\w’'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w’'])", re.I)


@lru_cache(maxsize=1)
def _modality() -> re.Pattern:
    words = sorted((r[0] for r in load_table("modality.txt")), key=len, reverse=True)
    return compile_fast(r"(?<![\w’'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I)


@lru_cache(maxsize=1)
def _hedge_words() -> frozenset[str]:
    return frozenset(WORD_RE.findall(" ".join(row[0].lower() for row in load_table("hedges.txt"))))


@lru_cache(maxsize=RECENT_TEXTS)
def certainty_of(text: str) -> tuple[str, tuple[str, ...]]:
    """The lowest certainty any hedge in `text` gives, and the hedges found."""
    pattern, levels = _hedges()
    found, level = [], "certain"
    if _hedge_words().isdisjoint(WORD_RE.findall(text.lower())):
        return level, ()                        # most claims carry no hedge: skip the big pattern
    for m in pattern.finditer(text):
        phrase = m.group(0).lower()
        if phrase == "might" and MIGHT_NOUN_RE.search(text, 0, m.start()):
            continue                                # "its military might" is a noun
        found.append(phrase)
        value = levels.get(phrase, "certain")
        if CERTAINTY_RANK[value] > CERTAINTY_RANK[level]:
            level = value
    return level, tuple(found)


@lru_cache(maxsize=RECENT_TEXTS)
def polarity_of(text: str) -> str:
    """Negative when a negation cue stands outside every litotes ("not alone" stays positive)."""
    shielded = [(m.start(), m.end()) for m in _word_pattern("litotes.txt").finditer(text)]
    for m in _word_pattern("negations.txt").finditer(text):
        if not any(s <= m.start() < e for s, e in shielded):
            return "negative"
    if re.search(r"n[’']t\b", text) and not shielded:
        return "negative"
    return "positive"


@lru_cache(maxsize=RECENT_TEXTS)
def kind_of(text: str) -> str:
    """prediction (future, conditional, capability), assessment (a judgement), else fact."""
    low = text.lower()
    future = _modality().search(text)
    judged = EVALUATION_RE.search(low)
    if judged and judged.group(1) in _phrases("assessment.txt")[0]:
        return "assessment"                 # "it would be premature to assume ...": a judgement now
    if future and not re.search(r"\b(?:could|would|can) have\b", low):
        return "prediction"
    if re.search(r"\b(?:may|might)\b(?! have)", low) and re.search(r"\bin the future\b|\bbe\b", low):
        return "prediction" if "in the future" in low else "assessment"
    if _has_phrase(low, "assessment.txt") or PAST_SPECULATION_RE.search(low):
        return "assessment"
    return "fact"


@lru_cache(maxsize=None)
def _phrases(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A word list split into single words (looked up in a set) and phrases (searched as text)."""
    entries = [e.lower() for e in load_list(name)]
    return frozenset(e for e in entries if " " not in e), tuple(e for e in entries if " " in e)


def _has_phrase(low: str, name: str) -> bool:
    words, phrases = _phrases(name)
    if not words.isdisjoint(WORD_RE.findall(low)):
        return True
    return any(re.search(r"(?<![\w’'])" + re.escape(p) + r"(?![\w’'])", low) for p in phrases if p in low)
