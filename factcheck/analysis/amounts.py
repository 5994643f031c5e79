"""Amounts stated by a claim, as ranges with a measure, for numeric agreement and conflict.

"300 advanced drones" is (300, 300, drone); "hundreds of drones" (100, 999, drone); "at least 11
US personnel" (11, inf, person, injury when the claim speaks of injuries); "no Americans were
harmed" (0, 0, person, harm). Two amounts measure the same thing when their units agree; they
agree when their ranges meet within a rounding tolerance.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.analysis.text import PhraseIndex, stem, stopwords, straighten
from factcheck.lexicon import load_table
from factcheck.models import Claim
from factcheck.patterns import compile_fast

# Round figures are approximate: 2,000 and 2,050 kilometres agree; 300 and 46 drones do not.
ROUNDING_TOLERANCE = 0.05          # fraction of the larger value
# "about", "around", "nearly", "some" widen a figure by this fraction either way.
ABOUT_TOLERANCE = 0.10
# Words read after a number to find what it counts ("300 advanced Shahed drones").
UNIT_WINDOW_WORDS = 4
# Numbers that are years ("in 2018"), not amounts.
YEAR_RANGE = (1900, 2100)

# "one" is left out: "one of the systems" counts nothing.
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER = compile_fast(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
                       + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?![\w-])", re.I)
_NOBODY = compile_fast(r"\bno (?:[\w.-]+ ){1,3}(?:was|were|had been|have been|has been) (\w+)", re.I)
_QUALIFIERS = (
    ("at least", "min"), ("more than", "min"), ("over", "min"), ("upwards of", "min"),
    ("up to", "max"), ("at most", "max"), ("less than", "max"), ("fewer than", "max"),
    ("under", "max"), ("about", "about"), ("around", "about"), ("approximately", "about"),
    ("nearly", "about"), ("almost", "about"), ("some", "about"), ("roughly", "about"),
)


@dataclass(frozen=True)
class Amount:
    low: float
    high: float
    unit: str | None            # canonical unit, else the stem of the counted noun
    counted: frozenset[str]     # stems of the words after the number ("advanc", "dron")
    casualty: str | None        # death | injury | harm, when the claim counts people hurt
    text: str                   # as written, for reasons

    def describe(self) -> str:
        return self.text


@lru_cache(maxsize=None)
def _rows(kind: str) -> tuple[tuple[str, ...], ...]:
    return tuple(row[1:] for row in load_table("analysis_quantities.txt") if row[0] == kind)


@lru_cache(maxsize=None)
def _unit_of_word() -> dict[str, str]:
    return {stem(w.lower()): row[0] for row in _rows("unit") for w in row[1:]}


@lru_cache(maxsize=None)
def _casualty_words() -> PhraseIndex[str]:
    return PhraseIndex((w, row[0]) for row in _rows("casualty") for w in row[1:])


@lru_cache(maxsize=None)
def _zero_phrases() -> PhraseIndex[str]:
    return PhraseIndex((p, row[0]) for row in _rows("zero") for p in row[1:])


def _casualty_class(text: str) -> str | None:
    """What a count of people in `text` counts: death, injury or harm (the first word says)."""
    found = _casualty_words().search(text)
    return found[0][2] if found else None


def _qualifier(before: str) -> str | None:
    tail = before.lower().rstrip()[-24:]
    for phrase, kind in _QUALIFIERS:
        if tail.endswith(phrase):
            return kind
    return None


def _range(value: float, qualifier: str | None) -> tuple[float, float]:
    if qualifier in ("min", "at least", "more than"):
        return value, math.inf
    if qualifier in ("max", "up to", "at most", "less than"):
        return 0.0, value
    if qualifier in ("about", "approximately"):
        return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)
    return value, value


def _counted(after: str) -> tuple[str | None, frozenset[str]]:
    """The unit and the counted words in the few words after a number."""
    words = re.findall(r"[A-Za-z$%]+", after)[:UNIT_WINDOW_WORDS]
    stems = frozenset(stem(w.lower()) for w in words
                      if (len(w) > 2 or w in "$%") and w.lower() not in stopwords())
    units = _unit_of_word()
    for size in (3, 2, 1):                       # "service members" before "members"
        for i in range(len(words) - size + 1):
            phrase = stem(" ".join(words[i:i + size]).lower())
            if phrase in units:
                return units[phrase], stems
    return None, stems


def _is_year_or_label(text: str, start: int, end: int, value: float) -> bool:
    """Years ("in 2018"), model names ("Shahed 129", "Su-35") and dates ("August 9") are no amounts."""
    before = text[max(0, start - 12):start]
    if YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and "," not in text[start:end]:
        return True
    if re.search(r"[A-Z][\w-]*\s?$", before) and not re.search(r"(?:US|USD|\$)\s?$", before):
        return True                              # a capitalised word right before: a label or date
    return bool(re.match(r"\s*(?:st|nd|rd|th)\b", text[end:end + 3]))


def _from_text(quote: str, casualty: str | None) -> list[Amount]:
    amounts = []
    for match in _NUMBER.finditer(quote):
        word = match.group(1).lower()
        value = float(_NUMBER_WORDS.get(word) or word.replace(",", ""))
        if word[0].isdigit() and _is_year_or_label(quote, match.start(), match.end(), value):
            continue
        if not word[0].isdigit() and re.search(r"\b(?:the|these|those|both|all)\s+$", quote[:match.start()], re.I):
            continue                        # "the two countries" names them, it counts nothing
        after = quote[match.end():]
        scale = re.match(r"\s*(thousand|million|billion|trillion)\b", after, re.I)
        if scale:
            value *= _MULTIPLIERS[scale.group(1).lower()]
            after = after[scale.end():]
        low, high = _range(value, _qualifier(quote[:match.start()]))
        unit, counted = _counted(after)
        if re.search(r"(?:USD|US\$|\$)\s?$", quote[:match.start()]):
            unit = "usd"
        amounts.append(Amount(low, high, unit, counted, casualty, match.group(0)))
    if not _any_vague().search(quote):
        return amounts                      # most quotes hold no "hundreds of ...": one search says so
    for low, high, pattern in _vague_patterns():
        for match in pattern.finditer(quote):
            unit, counted = _counted(match.group(1))
            amounts.append(Amount(low, high, unit, counted, casualty, match.group(0)[:40]))
    return amounts


@lru_cache(maxsize=None)
def _vague_patterns() -> tuple[tuple[float, float, re.Pattern], ...]:
    """("hundreds of drones" ->) the range and the pattern of each vague quantity word, in table order."""
    patterns = []
    for row in _rows("vague"):
        low, _, high = row[0].partition("-")
        for word in row[1:]:
            patterns.append((float(low), float(high), compile_fast(r"\b" + word + r"\s+of\s+([\w\s-]+)", re.I)))
    return tuple(patterns)


@lru_cache(maxsize=None)
def _any_vague() -> re.Pattern:
    """Any of the vague quantity patterns, matched where one of them would match."""
    words = [word for row in _rows("vague") for word in row[1:]]
    return compile_fast(r"\b(?:" + "|".join(words) + r")\s+of\s+[\w\s-]", re.I)


def _zero_amounts(quote: str) -> list[Amount]:
    """"No Americans were harmed", "no casualties": a count of zero people hurt."""
    found = [Amount(0, 0, "person", frozenset(), kind, "none " + kind)
             for _, _, kind in _zero_phrases().search(quote)]
    general = _NOBODY.search(quote)
    if general and not found:
        kind = _casualty_class(general.group(1))
        if kind:
            found.append(Amount(0, 0, "person", frozenset(), kind, general.group(0)))
    return found


def claim_amounts(claim: Claim) -> tuple[Amount, ...]:
    """Every amount the claim states: the extraction's numbers when it gave some, else read here."""
    quote = straighten(claim.quote)            # hyphens kept: "Su-35" is a label, "5-4" no amount
    casualty = _casualty_class(quote)
    if claim.numbers:
        amounts = []
        for q in claim.numbers:
            low, high = _range(q.value, q.qualifier)
            # the words after the figure, from the quantity's own text on ("34 US service members")
            at = q.start - claim.start
            written = claim.quote[at:] if 0 <= at < len(claim.quote) else q.text
            figure = _NUMBER.search(written) or re.search(r"\w+", written)
            unit, counted = _counted(written[figure.end():] if figure else written)
            if q.unit:
                unit = _counted(q.unit)[0] or unit or stem(q.unit.lower())
            amounts.append(Amount(low, high, unit, counted, casualty, q.text))
    else:
        amounts = _from_text(quote, casualty)
    return tuple(amounts) + tuple(_zero_amounts(quote))


def same_measure(a: Amount, b: Amount) -> bool:
    """Both amounts count the same kind of thing (the same unit, or the same counted noun)."""
    if a.casualty or b.casualty:
        return a.unit == b.unit == "person" and _casualties_meet(a.casualty, b.casualty)
    if a.unit and b.unit:
        return a.unit == b.unit
    return bool(a.counted & b.counted)


def _casualties_meet(a: str | None, b: str | None) -> bool:
    return a == b or "harm" in (a, b) and None not in (a, b)


def is_toll(amount: Amount) -> bool:
    """A count of the dead or hurt: not none, and not a multiplier ("10 times that number")."""
    return (amount.casualty in ("death", "injury") and amount.high > 0
            and not amount.text.lower().rstrip().endswith(("times", "fold")))


def same_toll(a: tuple[Amount, ...], b: tuple[Amount, ...]) -> Amount | None:
    """A count of the dead (or of the hurt) that both give exactly, bounds and all ("471 people
    were killed" / "the toll rose to 471"), or None."""
    for x in a:
        for y in b:
            if is_toll(x) and is_toll(y) and x.casualty == y.casualty and (x.low, x.high) == (y.low, y.high):
                return x
    return None


# Units whose equal figures say little of one fact: spans of time and shares recur in a story
# ("for 10 years", "50 percent") about different things.
COMMON_FIGURE_UNITS = frozenset({"hour", "day", "year", "percent"})


def same_figure(a: tuple[Amount, ...], b: tuple[Amount, ...], minimum: float) -> Amount | None:
    """A count of one thing, not of the hurt, that both give exactly and that is at least
    `minimum` ("17 sources" / "cited 17 sources"; "around 30 companies" / "30 companies"), or None."""
    for x in a:
        for y in b:
            if x.casualty or y.casualty or x.unit != y.unit or x.unit in COMMON_FIGURE_UNITS:
                continue
            if x.low >= minimum and (x.low, x.high) == (y.low, y.high) and x.high != math.inf \
                    and (x.unit or x.counted & y.counted):
                return x
    return None


def agree(a: Amount, b: Amount) -> bool:
    """Their ranges meet, allowing for rounding."""
    slack = ROUNDING_TOLERANCE * max(abs(a.high if a.high != math.inf else a.low),
                                     abs(b.high if b.high != math.inf else b.low))
    return a.low <= b.high + slack and b.low <= a.high + slack


def is_revision_wording(text: str) -> bool:
    lowered = text.lower()
    return any(re.search(r"\b" + re.escape(c) + r"\b", lowered) for row in _rows("revision") for c in row[1:])


def compare_amounts(a: tuple[Amount, ...], b: tuple[Amount, ...]):
    """(agreeing pairs, conflicting pairs) among amounts of the same measure. A figure conflicts
    only when no figure of the same measure on the other side agrees with it: "a 20 or 30
    percent premium" does not conflict with itself."""
    agreeing, conflicting = [], []
    for x in a:
        matches = [y for y in b if same_measure(x, y)]
        fits = [y for y in matches if agree(x, y)]
        agreeing += [(x, y) for y in fits]
        if matches and not fits and not any(agree(x2, y) for y in matches for x2 in a if x2 is not x
                                            and same_measure(x2, y)):
            conflicting.append((x, matches[0]))
    return agreeing, conflicting
