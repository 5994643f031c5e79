"""Claim wording reduced to comparable content words, and phrase look-up over words.

Two claims state the same proposition when their content words agree once wording noise is
gone: case, possessives, function words, inflection ("drones"/"drone"), metonyms and demonyms
("Moscow", "Russian" -> russia) and common paraphrases ("purchased" -> buy, "rapprochement" ->
improve relation). The tables live in lexicon/en/analysis_*.txt. Phrases are looked up word by
word in dictionaries (PhraseIndex), not with one regular expression per entry, so that a
hundred thousand claims are read in seconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, TypeVar

from factcheck.lexicon import load_list, load_table, records

# Aliases this short ("US", "UK") are read only in capitals, so the pronoun "us" stays a pronoun.
SHORT_ALIAS_MAX_LETTERS = 3

_POSSESSIVE = re.compile(r"(\w)['’]s\b")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": " ", "–": " ", "-": " "})
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.'][A-Za-z0-9]+)*\.?")
V = TypeVar("V")


_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def straighten(text: str) -> str:
    """NFKC and straight quotes; dashes, hyphens and possessives kept."""
    return unicodedata.normalize("NFKC", text or "").translate(_STRAIGHT)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """NFKC, straight quotes, dashes to spaces, possessive 's dropped; case kept. Remembered:
    a quote is folded for its words, its denial cue and its phrases."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _POSSESSIVE.sub(r"\1", text) if "'" in text else text


def tokens(text: str) -> list[str]:
    """Words as written ("U.S." kept whole, a sentence-final period dropped)."""
    found = _TOKEN.findall(text)
    if "." not in text:
        return found
    return [token[:-1] if token.endswith(".") and "." not in token[:-1] else token for token in found]


@lru_cache(maxsize=1 << 17)
def words_of(text: str) -> list[str]:
    """tokens(fold(text)), remembered: every stage reads the same quotes."""
    return tokens(fold(text))


@lru_cache(maxsize=1 << 17)
def lower_words(text: str) -> list[str]:
    return [w.lower() for w in words_of(text)]


class PhraseIndex(Generic[V]):
    """Phrases of one to a few words, found in a word list by dictionary look-up, longest first."""

    def __init__(self, entries: Iterable[tuple[str, V]], lower: bool = True):
        self.lower = lower
        self.table: dict[tuple[str, ...], V] = {}
        for phrase, value in entries:
            key = tuple(tokens(fold(phrase.lower() if lower else phrase)))
            if key:
                self.table.setdefault(key, value)
        self.longest: dict[str, int] = {}          # first word -> longest phrase starting with it
        for key in self.table:
            self.longest[key[0]] = max(len(key), self.longest.get(key[0], 0))

    def find(self, words: list[str]) -> list[tuple[int, int, V]]:
        """(position, length, value) of each phrase found, left to right, without overlaps."""
        longest = self.longest
        # Most word lists hold no phrase: a set test in C rules them out before any Python loop.
        if longest.keys().isdisjoint(words):
            return []
        starts = [i for i, word in enumerate(words) if word in longest]
        found, size, free_from = [], len(words), 0
        for i in starts:
            if i < free_from:
                continue
            for n in range(min(longest[words[i]], size - i), 0, -1):
                value = self.table.get(tuple(words[i:i + n]))
                if value is not None:
                    found.append((i, n, value))
                    free_from = i + n
                    break
        return found

    def search(self, text: str) -> list[tuple[int, int, V]]:
        return self.find(lower_words(text) if self.lower else words_of(text))


@lru_cache(maxsize=None)
def phrase_table(name: str) -> PhraseIndex[str]:
    """Variant -> canonical for a `canonical | variant ...` table."""
    return PhraseIndex((variant, row[0].lower()) for row in load_table(name) for variant in row)


def _gazetteer_countries() -> list[tuple[str, list[str]]]:
    """Countries with their aliases and demonyms from the extraction's gazetteer: the same
    canonical names the claims' actors use. Read as written (case-sensitive)."""
    rows: dict[str, list[str]] = {}
    for actor in records("actors.txt"):
        if actor.type == "country":
            rows.setdefault(actor.name, []).extend(actor.aliases)
    for demonym, country in records("demonyms.txt"):
        rows.setdefault(country, []).append(demonym)
    return list(rows.items())


@lru_cache(maxsize=None)
def _aliases() -> tuple[PhraseIndex[str], PhraseIndex[str]]:
    """(any-case index, as-written index), alias -> country. Short aliases ("US") and the
    gazetteer's match only as written; the analysis table's longer ones in any case."""
    loose, exact = [], []
    for row in load_table("analysis_aliases.txt"):
        for alias in row:                           # the canonical name too, so it becomes one word
            short = len(re.sub(r"[^a-z]", "", alias.lower())) <= SHORT_ALIAS_MAX_LETTERS
            (exact if short else loose).append((alias.upper() if short else alias, row[0]))
    for country, aliases in _gazetteer_countries():
        for alias in [country, *aliases]:
            exact.append((alias, country))
            if alias.endswith(("an", "i")):             # "Iranian" -> "Iranians"
                exact.append((alias + "s", country))
    return PhraseIndex(loose), PhraseIndex(exact, lower=False)


def _alias_hits(words: list[str], lowered: list[str]) -> dict[int, tuple[int, str]]:
    """Position -> (length, country) of each country alias among `words` (and their lowercase)."""
    loose, exact = _aliases()
    hits = {i: (n, c) for i, n, c in exact.find(words)}
    for i, n, c in loose.find(lowered):
        hits.setdefault(i, (n, c))
    return hits


def _resolve(words: list[str]) -> tuple[list[str], set[str]]:
    """Words with country aliases replaced by the country as one lowercase word; the countries."""
    hits = _alias_hits(words, [w.lower() for w in words])
    out, countries, i = [], set(), 0
    while i < len(words):
        if i in hits:
            n, country = hits[i]
            out.append(country.lower().replace(" ", "_"))
            countries.add(country)
            i += n
        else:
            out.append(words[i])
            i += 1
    return out, countries


def resolve_aliases(text: str) -> str:
    """Text as words, with country metonyms and demonyms replaced by the country's name."""
    return " ".join(_resolve(words_of(text))[0])


def country_mentions(text: str) -> set[str]:
    """Canonical names of the countries `text` mentions ("Russian and Iranian" -> Russia, Iran)."""
    return _resolve(words_of(text))[1]


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "drones"/"drone", "spying"/"spy", not a lemmatiser."""
    if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os")):
        return word[:-1]                               # "jets" -> "jet"
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
def stopwords() -> frozenset[str]:
    return frozenset(load_list("analysis_stopwords.txt"))


@lru_cache(maxsize=1 << 17)
def _content_form(word: str) -> str | None:
    """A lowercase word as a content word (its stem; a resolved country as it is), or None for
    a function word, a single letter or a number."""
    if word in stopwords() or len(word) <= 1 or word.replace(".", "").isdigit():
        return None
    return word if "_" in word else stem(word)


def content_words(text: str) -> list[str]:
    """Content words of `text` in order: aliases resolved, paraphrases unified, stems, no digits."""
    lowered = lower_words(text)
    hits = _alias_hits(words_of(text), lowered)
    if hits:                                    # most texts name no country: lowered as they are
        resolved, i = [], 0
        while i < len(lowered):
            if i in hits:
                n, country = hits[i]
                resolved.append(country.lower().replace(" ", "_"))
                i += n
            else:
                resolved.append(lowered[i])
                i += 1
        lowered = resolved
    words = [w.rstrip(".") for w in lowered]
    found = phrase_table("analysis_paraphrases.txt").find(words)
    if found:
        unified, at = [], 0
        for i, n, canonical in found:
            unified += words[at:i] + canonical.split()
            at = i + n
        words = unified + words[at:]
    return [form for form in map(_content_form, words) if form is not None]


def same_content_words(a: str, b: str) -> bool:
    """True when `a` and `b` certainly have the same content words: the same words, or the same
    but for the case of the first ("the strike ..." and "The strike ..."), when no alias read
    as written starts with it either way."""
    words_a, words_b = words_of(a), words_of(b)
    if words_a == words_b:
        return True
    if len(words_a) != len(words_b) or not words_a or words_a[1:] != words_b[1:] \
            or words_a[0].lower() != words_b[0].lower():
        return False
    exact = _aliases()[1].longest
    return words_a[0] not in exact and words_b[0] not in exact


def content_key(text: str) -> str:
    """Sorted distinct content words joined by spaces: what rapidfuzz compares."""
    return " ".join(sorted(set(content_words(text))))
