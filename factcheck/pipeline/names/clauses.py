"""Clauses of a sentence and their subjects, found from word shapes, for pronouns and shared subjects.

"On 7 January, Putin made a surprise visit" has the subject "Putin" (after the opening
adverbial); "and is ready to react" opens on its verb and has none; "Soleimani, who was ..."
takes the name before "who". No parser: verbs are the forms of common_verbs.txt, auxiliaries,
common irregular pasts and lowercase words in -ed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.pipeline.words.tokens import AUXILIARIES, CLAUSE_WORDS, IRREGULAR_PAST
from factcheck.pipeline.words.verbs import verb_forms

MAX_SUBJECT_WORDS = 10        # a subject longer than this before its verb is not found
MAX_OPENER_WORDS = 16         # an opening adverbial ("During his visit to Russia in 2022,") at most
MAX_ASIDE_WORDS = 16          # between paired dashes: an aside, skipped when looking for a subject
MAX_ANTECEDENT_GAP = 4        # words between a name and the "who" that refers to it

WORD_RE = re.compile(r"[A-Za-z][\w’'-]*|[;:,—–]")
CLAUSE_MARKS = frozenset(";:—–")
COORDINATORS = frozenset("and but or so yet".split())   # begin a clause only after a comma
# Clause words that as often head a prepositional phrase ("after the meeting", "as president",
# "since 2020"): without word classes, no clause is opened at them.
PREPOSITION_LIKE = frozenset("after before as since until than".split())
CLAUSE_OPENERS = CLAUSE_WORDS - PREPOSITION_LIKE
OPENERS = frozenset("in on at during after before since for with from by over under amid within following "
                    "despite shortly still however meanwhile moreover furthermore nevertheless yet thus "
                    "last this next recently earlier later obviously indeed instead also then".split())


@dataclass(frozen=True)
class Ref:
    """Words at [start, end) (offsets into the text read) that refer to `names`; `kind` is name, office,
    pair, pronoun or home (his country)."""

    start: int
    end: int
    names: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence: where it starts, and the references of its subject."""

    start: int
    subject: tuple[Ref, ...]


def find_clauses(text: str, refs) -> list[Clause]:
    """The clauses of `text` and their subjects: the words before the first verb, after an
    opening adverbial ("On 7 January, Putin made a visit"); a 'who' clause's subject is the
    name right before it ("Soleimani, who was ..."); a clause opening on its verb ("and is ready
    to react") has none. A stretch between paired dashes is an aside, not a clause."""
    clauses = []
    for start, subject, relative in _clause_spans(text):
        if subject:
            refs_in = tuple(r for r in refs if subject[0] <= r.start and r.end <= subject[1])
        else:
            refs_in = _antecedent(text, relative, refs) if relative is not None else ()
        clauses.append(Clause(start, refs_in))
    return clauses


@lru_cache(maxsize=4096)
def _clause_spans(text: str) -> tuple[tuple[int, tuple[int, int] | None, int | None], ...]:
    """(clause start, subject span or None, offset of the relative pronoun opening it or None)."""
    words = _without_asides([(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)])
    starts = [0] + [n + 1 for n, (_, _, w) in enumerate(words) if w in CLAUSE_MARKS
                    or w.lower() in CLAUSE_OPENERS and (w.lower() not in COORDINATORS
                                                     or n and words[n - 1][2] == ",")]
    out = []
    for n in starts:
        if n < len(words):
            relative = words[n - 1][0] if n and words[n - 1][2].lower() == "who" else None
            out.append((words[n][0], _subject_at(words, n), relative))
    return tuple(out)


def _without_asides(words):
    """Words outside paired dashes: "the agreement—the Basic Agreement of 2001—was signed"."""
    dashes = [n for n, w in enumerate(words) if w[2] in ("—", "–")]
    drop = set()
    for a, b in zip(dashes, dashes[1:]):
        if b - a <= MAX_ASIDE_WORDS and not drop.intersection(range(a, b + 1)):
            drop.update(range(a, b + 1))
    return [w for n, w in enumerate(words) if n not in drop]


def _antecedent(text: str, at: int, refs) -> tuple[Ref, ...]:
    """The name a relative 'who' at `at` follows closely ("Soleimani, who"); a 'which' often
    stands for a whole clause ("attacks on Syria, which has raised tension"), so it has none."""
    before = [r for r in refs if r.end <= at]
    if not before or len(WORD_RE.findall(text[before[-1].end:at])) > MAX_ANTECEDENT_GAP:
        return ()
    return (before[-1],)


def _subject_at(words, n: int) -> tuple[int, int] | None:
    if words[n][2].lower() in OPENERS:
        comma = next((k for k in range(n, min(len(words), n + MAX_OPENER_WORDS)) if words[k][2] == ","), None)
        if comma is None:
            return None
        n = comma + 1
    for k in range(n, min(len(words), n + MAX_SUBJECT_WORDS)):
        word = words[k][2]
        if word in CLAUSE_MARKS or word.lower() in CLAUSE_OPENERS:
            return None
        if _is_verb(word):
            return (words[n][0], words[k - 1][1]) if k > n else None
    return None


def _is_verb(word: str) -> bool:
    if not word.islower():
        return False
    return word in AUXILIARIES or word in verb_forms() and not word.endswith("ing") or word.endswith("ed") \
        or word in IRREGULAR_PAST
