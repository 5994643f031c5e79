"""Quantities with units: "about 2,000 kilometers", "USD 400 billion", "at least 11", "two summits".

A quantity is a number (digits, number words, "hundreds of", "a third of") with the qualifier
before it and the unit after it. The unit is a currency or percent sign next to the number, the
word after a hyphen ("10-year term" -> year), or else the counted noun: the first lowercase noun
after the number, skipping modifiers ("46 advanced Shahed 129 and Shahed 191 drones" -> drones),
extended over a compound to its last plural or unit word ("11 US defence personnel" -> personnel).
Units stay as written; `normalise_unit` maps spellings to one form so values can be compared.
Years and dates ("in 2022", "March 12, 2001"), ordinals ("seventh", "21st") and model names
("Su-35", "S-300", "Shahed 129", "Khayyam-2") are not quantities.
Data: lexicon/en/numbers_*.txt and units_measures.txt.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from factcheck.lexicon import load_list, records
from factcheck.models import Quantity
from factcheck.patterns import compile_fast
from factcheck.pipeline.dates import date_spans
from factcheck.pipeline.words.calendar import is_calendar_word

MAX_HEAD_DISTANCE_WORDS = 8     # words read after a number for its counted noun
MAX_COMPOUND_WORDS = 3          # "US defence personnel": a compound's head is its last noun
CONTEXT_CHARS = 30              # how far back a qualifier or a model name is looked for
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SHORT_SCALES = frozenset({"m", "mn", "bn", "tn", "k"})   # "$1.5m", "$400bn": only after a currency


class _Number(NamedTuple):
    start: int
    end: int
    value: float
    unit: str | None            # set by the number itself: "$", "USD", "%", "percent", "times"
    qualifier: str | None       # set by the number itself: "at least" for "hundreds of"
    words: bool                 # spelled out ("two"), so it needs a counted noun
    weak: bool                  # "one", which is also a pronoun


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[float, str]]:
    return {row.word.lower(): (row.value, row.kind) for row in records("numbers_words.txt")}


@lru_cache(maxsize=1)
def _units() -> tuple[dict[str, str], re.Pattern]:
    """Spelling (lowercased) -> normal form, and the currency signs and codes written before numbers."""
    table = {}
    for normal, spellings in records("units_measures.txt"):
        for spelling in (normal, *spellings):
            table.setdefault(spelling.lower(), normal)
    # Currency signs and three-letter codes: "$", "US$", "USD", "€", "EUR".
    prefixes = [s for s, normal in table.items() if normal.isupper() and " " not in s
                and (not s.isalpha() or len(s) == 3)]
    prefix = "|".join(re.escape(p.upper()) for p in sorted(prefixes, key=len, reverse=True))
    return table, re.compile(r"(?:" + prefix + r")\s?$")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], re.Pattern, dict[str, str]]:
    qualifiers = {row.phrase.lower(): row.qualifier for row in records("numbers_qualifiers.txt")}
    pattern = re.compile(r"(?:^|(?<=\W))(" + "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
                         + r")\s+$", re.I)
    return frozenset(load_list("numbers_function_words.txt")), frozenset(load_list("numbers_modifiers.txt")), \
        pattern, qualifiers


def normalise_unit(unit: str | None) -> str | None:
    """One spelling per unit: "kilometres" -> "km", "$" -> "USD", "per cent" -> "%", "drones" -> "drone"."""
    if not unit:
        return unit
    key = " ".join(unit.split()).lower()
    table, _ = _units()
    if key in table:
        return table[key]
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if key.endswith(plural):
            return key[: -len(plural)] + singular
    return key[:-1] if key.endswith("s") and not key.endswith(("ss", "us", "is")) else key


# ---- numbers ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = _words()
    cardinal = [w for w, (_, kind) in words.items() if kind in ("cardinal", "weak")]
    scales = [w for w, (_, kind) in words.items() if kind == "scale" and w not in SHORT_SCALES]
    vague = [w for w, (_, kind) in words.items() if kind == "vague"]
    fraction = [w for w, (_, kind) in words.items() if kind == "fraction"]
    multiplier = [w for w, (_, kind) in words.items() if kind == "multiplier"]
    alt = lambda items: "|".join(sorted(items, key=len, reverse=True))   # noqa: E731
    digits = compile_fast(
        rf"(?<![\w.,/:+])(?<![A-Za-z]-)({NUMBER})(?:\s?({alt(scales)})\b|({alt(SHORT_SCALES)})\b)?"
        rf"(\s?%|\s+per\s?cent\b)?(?![\w%]|[.,:/]\d)", re.I)
    spelled = compile_fast(
        rf"(?<![\w-])(?:(an?)\s+(?=(?:{alt(scales)}|dozen)\b))?((?:{alt(cardinal + scales)})"
        rf"(?:[\s-]+(?:{alt(cardinal + scales)}))*)(?!\w)", re.I)
    other = compile_fast(
        rf"(?<![\w-])(?:({alt(vague)})\s+of\b|(an?|one|two|three|four|by\s+an?)[\s-]+({alt(fraction)})"
        rf"(?=\s+of\b|\s*[.,;:)]|\s*$)|({alt(multiplier)})\b)", re.I)
    return digits, spelled, other


def _digit_numbers(text: str) -> list[_Number]:
    digits, _, _ = _patterns()
    found = []
    for m in digits.finditer(text):
        value = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or m.group(3) or "").lower()
        unit = None
        if m.group(4):
            unit = m.group(4).strip()
        if scale:
            value *= _words()[scale][0]
        found.append(_Number(m.start(), m.end(), value, unit, None, False, False))
    return found


def _spelled_value(phrase: str) -> float:
    """'two hundred' -> 200; 'twenty-five' -> 25; 'three thousand' -> 3000; 'a dozen' -> 12."""
    total = current = 0.0
    for word in re.split(r"[\s-]+", phrase.lower()):
        value, kind = _words()[word]
        if kind == "scale":
            current = max(current, 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current


def _word_numbers(text: str) -> list[_Number]:
    _, spelled, other = _patterns()
    found = []
    for m in spelled.finditer(text):
        first = m.group(2).split()[0].split("-")[0].lower()
        if _words()[first][1] == "scale" and not m.group(1):
            continue                                   # "thousand" alone counts nothing
        weak = m.group(2).lower() == "one"
        found.append(_Number(m.start(), m.end(), _spelled_value(m.group(2)), None, None, True, weak))
    for m in other.finditer(text):
        if m.group(1):                                 # "hundreds of drones": at least 200 drones
            found.append(_Number(m.start(), m.end(), _words()[m.group(1).lower()][0], None, "at least", True, False))
        elif m.group(3):                               # "a third of", "two thirds of", "by a third"
            count = m.group(2).lower()
            parts = 1.0 if count.startswith(("a", "by", "one")) else _words()[count][0]
            value = round(parts * _words()[m.group(3).lower()][0], 3)
            found.append(_Number(m.start(), m.end(), value, "%", None, False, False))
        else:                                          # "twice as many"
            found.append(_Number(m.start(), m.end(), _words()[m.group(4).lower()][0], "times", None, False, False))
    return found


# ---- context ---------------------------------------------------------------------------------

_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w.]*)\s+$")


def _model_name(text: str, number: _Number) -> bool:
    """'Shahed 129', 'Article 5', 'Resolution 2231': a number right after a capitalised name.

    A capitalised function word or qualifier opening a sentence is no name ("Only 300", "About 300").
    """
    before = _CAPITALISED_BEFORE.search(text, max(0, number.start - CONTEXT_CHARS), number.start)
    if not before or number.words or number.unit:
        return False
    _, prefix = _units()
    function_words, _, qualifier, _ = _lists()
    word = before.group(1)
    return word.lower() not in function_words and not prefix.search(word + " ") \
        and not qualifier.search(word + " ") and not is_calendar_word(word)   # "By January 300 drones"


def _currency_before(text: str, number: _Number) -> tuple[int, str] | None:
    """'$1.5 million', 'USD 400 billion', 'US$ 3 billion': the sign or code right before."""
    _, prefix = _units()
    match = prefix.search(text, max(0, number.start - 5), number.start)
    if match and (match.start() == 0 or not text[match.start() - 1].isalnum()):
        return match.start(), match.group().strip()
    return None


_WORD = re.compile(r"[A-Za-z]+")
_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ans|ese|is|ers|ites|ists)")     # "Americans", "Iraqis", "Israelis"
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\s*([A-Za-z][\w’']*(?:-[\w’']+)*|\d[\d,.]*|\S)")


def _counted_noun(text: str, pos: int, value: float) -> tuple[str | None, int]:
    """What the number counts and where it ends: the last plural or unit of the first noun run."""
    not_heads, modifiers, _, _ = _lists()
    units, _ = _units()
    run, previous = [], ""
    for _ in range(MAX_HEAD_DISTANCE_WORDS):
        match = _TOKEN.match(text, pos)
        if not match:
            break
        token, low, pos = match.group(1), match.group(1).lower(), match.end()
        if run:
            if low in not_heads or not token[0].islower() or len(run) == MAX_COMPOUND_WORDS:
                break
            run.append((token, pos))
            continue
        following = _TOKEN.match(text, pos)
        if not previous and _PEOPLE.fullmatch(token) and not (following and following.group(1)[:1].isupper()):
            return token, pos                          # "17 million Americans", "300 Iranians"
        if token[0].isdigit() or token[0].isupper() or low in ("and", "or") and previous[:1].isalnum() \
                and not previous[:1].islower():
            previous = token                           # names and models: "Shahed 129 and Shahed 191"
            continue
        if not token[0].isalpha() or low in not_heads:
            break
        if low not in modifiers and "-" not in token and not low.endswith("ed"):
            run.append((token, pos))
        previous = token
    for n in range(len(run) - 1, -1, -1):
        token, end = run[n]
        low, pair = token.lower(), " ".join(t for t, _ in run[max(0, n - 1):n + 1]).lower()
        if n and pair in units:                        # "three percentage points"
            return text[run[n - 1][1] - len(run[n - 1][0]):end], end
        if low in units or low.endswith("s") and not low.endswith("ss") or value == 1 and n == 0:
            return token, end
    return None, -1


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    _, _, pattern, canonical = _lists()
    match = pattern.search(text, max(0, start - CONTEXT_CHARS), start)
    return (canonical[match.group(1).lower()], match.start(1)) if match else (None, start)


def _quantity(text: str, number: _Number, offset: int) -> Quantity | None:
    not_heads = _lists()[0]
    start, end, unit = number.start, number.end, number.unit
    currency = None if unit else _currency_before(text, number)
    if currency:
        start, unit = currency
    hyphen = re.match(r"-([a-z]+)\b", text[end:])
    if not unit and hyphen and hyphen.group(1) not in not_heads:     # "10-year term", "2,000-km range"
        unit, end = hyphen.group(1), end + hyphen.end()
    elif not unit:
        noun, noun_end = _counted_noun(text, end, number.value)
        if noun:
            unit, end = noun, noun_end
    word_before = re.search(r"(\w+)\s+$", text[max(0, start - CONTEXT_CHARS):start])
    if number.weak and (not unit or word_before and word_before.group(1).lower() in not_heads):
        return None                                    # "one of them", "no one", "the one"
    qualifier, start = (number.qualifier, start) if number.qualifier else _qualifier(text, start)
    if number.words and not unit and not qualifier:
        return None                                    # "the two met": no counted noun
    return Quantity(value=number.value, unit=unit, text=text[start:end], start=start + offset,
                    end=end + offset, qualifier=qualifier)


def _share_range_units(quantities: list[Quantity], text: str, offset: int) -> list[Quantity]:
    """'200-300 drones', 'between 200 and 300 drones': the first number counts drones too."""
    shared = list(quantities)
    for n in range(len(shared) - 1):
        first, second = shared[n], shared[n + 1]
        gap = text[first.end - offset:second.start - offset]
        between = re.search(r"\bbetween\s+$", text[:first.start - offset], re.I)
        if first.unit is None and second.unit and re.fullmatch(r"\s*(?:-|–|to|and)\s*", gap) \
                and ("and" not in gap or between):
            shared[n] = replace(first, unit=second.unit)
    return shared


def find_quantities(text: str, start: int = 0) -> tuple[Quantity, ...]:
    """Every quantity in `text`, in order; offsets are shifted by `start` (the text's place in its document)."""
    words = {w.lower() for w in _WORD.findall(text)}
    numbers = (_digit_numbers(text) if _DIGIT.search(text) else []) \
        + (_word_numbers(text) if words & _words().keys() else [])     # most sentences have neither
    if not numbers:
        return ()
    dates = date_spans(text)
    numbers.sort(key=lambda n: (n.start, n.start - n.end))
    quantities, reach = [], -1
    for number in numbers:
        if number.start < reach or any(s <= number.start < e for s, e in dates) or _model_name(text, number):
            continue
        quantity = _quantity(text, number, start)
        if quantity is not None:
            quantities.append(quantity)
            reach = number.end
    return tuple(_share_range_units(quantities, text, start))
