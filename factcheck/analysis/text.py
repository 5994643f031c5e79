"""Claim wording reduced to comparable content words.

Two claims state the same proposition when their content words agree once wording noise is
gone: case, possessives, function words, inflection ("drones"/"drone"), metonyms and demonyms
("Moscow", "Russian" -> russia) and common paraphrases ("purchased" -> buy, "rapprochement" ->
improve relation). The tables live in lexicon/en/analysis_*.txt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.lexicon import load_list, load_table

# Aliases this short ("US", "UK") are read only in capitals, so the pronoun "us" stays a pronoun.
SHORT_ALIAS_MAX_LETTERS = 3

_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*\.?")
_POSSESSIVE = re.compile(r"(\w)['’]s\b")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": " ", "–": " ", "-": " "})


def fold(text: str) -> str:
    """NFKC, straight quotes, dashes to spaces, possessive 's dropped; case kept."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _POSSESSIVE.sub(r"\1", text)


@lru_cache(maxsize=None)
def _phrase_table(name: str) -> tuple[tuple[re.Pattern, str], ...]:
    """(compiled variant pattern, canonical) for a `canonical | variant ...` table, longest first."""
    pairs = []
    for row in load_table(name):
        canonical = row[0].lower()
        for variant in row:
            pairs.append((variant.lower(), canonical))
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((re.compile(r"(?<![\w.])" + re.escape(v) + r"(?![\w])"), c) for v, c in pairs)


@lru_cache(maxsize=None)
def _alias_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for row in load_table("analysis_aliases.txt"):
        canonical = row[0].lower()
        for alias in row:                       # the canonical name too, so it becomes one word
            short = len(re.sub(r"[^a-z]", "", alias)) <= SHORT_ALIAS_MAX_LETTERS
            pattern = re.escape(alias.upper() if short else alias)
            out.append((re.compile(r"(?<![\w.])" + pattern + r"(?![\w])", 0 if short else re.I),
                        canonical))
    out.sort(key=lambda p: -len(p[0].pattern))
    return tuple(out)


def resolve_aliases(text: str) -> str:
    """Replace country metonyms and demonyms by the country's name (lowercase)."""
    for pattern, canonical in _alias_patterns():
        text = pattern.sub(canonical.replace(" ", "_"), text)
    return text


def country_mentions(text: str) -> set[str]:
    """Country names (canonical, title case as in the alias table) mentioned in `text`."""
    found = set()
    names = {row[0].lower(): row[0] for row in load_table("analysis_aliases.txt")}
    folded = fold(text)
    for pattern, canonical in _alias_patterns():
        if pattern.search(folded):
            found.add(names[canonical])
    for lower, name in names.items():
        if re.search(r"\b" + re.escape(lower) + r"\b", folded.lower()):
            found.add(name)
    return found


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "drones"/"drone", "spying"/"spy", not a lemmatiser."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ised", "ise"),
                         ("ized", "ize"), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            if suffix in ("ing", "ed") and base[-1:] == base[-2:-1]:
                base = base[:-1]                       # "shipped" -> "ship"
            return base[:-1] if base.endswith("e") and len(base) > 4 else base
    return word[:-1] if word.endswith("e") else word


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return frozenset(load_list("analysis_stopwords.txt"))


def content_words(text: str) -> list[str]:
    """Content words of `text` in order: aliases resolved, paraphrases unified, stems, no digits."""
    lowered = resolve_aliases(fold(text)).lower()
    for pattern, canonical in _phrase_table("analysis_paraphrases.txt"):
        lowered = pattern.sub(canonical, lowered)
    stops = _stopwords()
    words = []
    for raw in re.findall(r"[a-z0-9_]+(?:'[a-z]+)?", lowered):
        if raw in stops or raw.isdigit() or len(raw) < 2:
            continue
        words.append(raw if "_" in raw else stem(raw))
    return words


def content_key(text: str) -> str:
    """Sorted distinct content words joined by spaces: what rapidfuzz compares."""
    return " ".join(sorted(set(content_words(text))))
