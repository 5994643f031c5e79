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

from factcheck.errors import FactcheckError
from factcheck.lexicon import load_list, load_table

# Aliases this short ("US", "UK") are read only in capitals, so the pronoun "us" stays a pronoun.
SHORT_ALIAS_MAX_LETTERS = 3

_POSSESSIVE = re.compile(r"(\w)['’]s\b")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": " ", "–": " ", "-": " "})


def fold(text: str) -> str:
    """NFKC, straight quotes, dashes to spaces, possessive 's dropped; case kept."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _POSSESSIVE.sub(r"\1", text)


@lru_cache(maxsize=None)
def _phrase_table(name: str) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every variant of a `canonical | variant ...` table, and variant -> canonical."""
    canonical_of = {}
    for row in load_table(name):
        for variant in row:
            canonical_of.setdefault(variant.lower(), row[0].lower())
    return _alternation(canonical_of, re.I), canonical_of


def _alternation(words, flags: int) -> re.Pattern:
    ordered = sorted(words, key=len, reverse=True)          # longest first: "the kremlin" > "kremlin"
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w])", flags)


def _gazetteer_countries() -> list[tuple[str, list[str]]]:
    """Countries with their aliases and demonyms from the extraction's gazetteer, when present:
    the same canonical names the claims' actors use. Read as written (case-sensitive)."""
    rows: dict[str, list[str]] = {}
    try:
        for row in load_table("actors.txt", 2):
            if row[1] == "country":
                rows.setdefault(row[0], []).extend(row[2:])
        for row in load_table("demonyms.txt", 2):
            rows.setdefault(row[1], []).append(row[0])
    except FactcheckError:
        return []
    return list(rows.items())


@lru_cache(maxsize=None)
def _aliases() -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    """(pattern, lowercase alias -> country, exact alias -> country). Short aliases ("US") and the
    gazetteer's match only as written; the analysis table's longer ones in any case."""
    loose: dict[str, str] = {}
    exact: dict[str, str] = {}
    for row in load_table("analysis_aliases.txt"):
        for alias in row:                           # the canonical name too, so it becomes one word
            if len(re.sub(r"[^a-z]", "", alias.lower())) <= SHORT_ALIAS_MAX_LETTERS:
                exact.setdefault(alias.upper(), row[0])
            else:
                loose.setdefault(alias.lower(), row[0])
    for country, aliases in _gazetteer_countries():
        for alias in [country, *aliases]:
            exact.setdefault(alias, country)
            if alias.endswith(("an", "i")):             # "Iranian" -> "Iranians"
                exact.setdefault(alias + "s", country)
    return _alternation(set(loose) | {a.lower() for a in exact}, re.I), loose, exact


def _country_at(match: re.Match) -> str | None:
    _, loose, exact = _aliases()
    found = match.group(0)
    return exact.get(found) or loose.get(found.lower())


def resolve_aliases(text: str) -> str:
    """Replace country metonyms and demonyms by the country's name as one lowercase word."""
    pattern = _aliases()[0]

    def swap(match: re.Match) -> str:
        country = _country_at(match)
        return country.lower().replace(" ", "_") if country else match.group(0)

    return pattern.sub(swap, text)


def country_mentions(text: str) -> set[str]:
    """Canonical names of the countries `text` mentions ("Russian and Iranian" -> Russia, Iran)."""
    return {c for m in _aliases()[0].finditer(fold(text)) if (c := _country_at(m))}


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
    pattern, canonical_of = _phrase_table("analysis_paraphrases.txt")
    lowered = pattern.sub(lambda m: canonical_of[m.group(0)], lowered)
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
