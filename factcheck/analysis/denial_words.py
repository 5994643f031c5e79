"""The words a denial is read by: what it names as denied (a report, a figure, taking part),
what a report is about, whose doubt it leaves alone. The tables live in
lexicon/en/analysis_*.txt; `deny.py` resolves denials with them."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.analysis.profile import Profile
from factcheck.analysis.text import content_words, fold, stem
from factcheck.lexicon import load_list


@lru_cache(maxsize=None)
def doubt_cues() -> frozenset[str]:
    return frozenset(load_list("analysis_doubt_cues.txt"))


@lru_cache(maxsize=None)
def report_nouns() -> frozenset[str]:
    """Nouns that name a whole report or set of statements ("the report", "these claims")."""
    return frozenset(load_list("analysis_report_nouns.txt"))


@lru_cache(maxsize=None)
def figure_nouns() -> frozenset[str]:
    """Nouns that point at a number said before: "Israel disputes this figure"."""
    return frozenset(load_list("analysis_figure_nouns.txt"))


@lru_cache(maxsize=None)
def responsibility_nouns() -> frozenset[str]:
    """Stems of nouns that make a denial one of taking part: "denied involvement in ..."."""
    return frozenset(stem(w) for w in load_list("analysis_responsibility_nouns.txt"))


@lru_cache(maxsize=None)
def reporting_words() -> frozenset[str]:
    return frozenset(stem(w) for w in load_list("analysis_reporting_words.txt"))


def about_reporting(t: Profile) -> bool:
    """The claim speaks of the reporting (whom a report cites, that it was published), not of
    what it reports."""
    return bool((t.words | t.text_words) & reporting_words())


def denier_words(d: Profile) -> frozenset[str]:
    """The content words of the denier's own name ("warehouse owner" -> warehous, owner)."""
    if d.is_author:
        return frozenset()
    return frozenset(content_words(d.claim.source or ""))


_TOPIC = re.compile(r"\b(?:report|reports|claims?|allegations?|accusations?|charges?|stor(?:y|ies)|rumou?rs?)\s+"
                    r"(?:about|of|over|on|regarding|concerning)\s+([^,;:.!?]+?)(?=\s+(?:as|and|but|calling|saying)\b|[,;:.!?]|$)")


def report_topic(quote: str) -> frozenset[str]:
    """What a denied report is about, when the denial says ("rejected allegations about the
    tolls", "denied reports of a deal"): its content words; else none."""
    found = _TOPIC.search(fold(quote))
    return frozenset(content_words(found.group(1))) if found else frozenset()


def plain_words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", fold(text).lower()))


def is_doubt(p: Profile) -> bool:
    cue = (p.claim.cue or "").lower().split()
    return bool(cue) and any(w in doubt_cues() for w in cue)
