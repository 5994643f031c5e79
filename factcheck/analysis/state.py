"""What one analysis leaves for the next: each claim's profile as text, and a fingerprint of the
rules that made it.

A profile depends on its claim alone, so it is computed once and kept; the fingerprint (the
analysis code and the word lists it reads) tells when kept profiles and findings were made by
other rules and everything must be analysed afresh.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from factcheck.analysis.amounts import Amount
from factcheck.analysis.denial_cues import DenialCue
from factcheck.analysis.profile import Profile
from factcheck.models import Claim

_PACKAGE = Path(__file__).resolve().parent
_LEXICON = _PACKAGE.parent / "lexicon"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the analysis code and of every word list: stored results made under another
    fingerprint are not reused."""
    digest = hashlib.sha256()
    files = sorted(_PACKAGE.glob("*.py")) + sorted(p for p in _LEXICON.rglob("*") if p.is_file()
                                                   and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(_PACKAGE.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def encode_profile(p: Profile, cue: DenialCue | None) -> str:
    """A profile and its denial cue (None when the claim denies nothing) as compact JSON."""
    return json.dumps([
        p.identity, sorted(p.source_words), sorted(p.words), sorted(p.text_words), p.period,
        [sorted(p.calendar[0]), sorted(p.calendar[1])],
        [[a.low, a.high, a.unit, sorted(a.counted), a.casualty, a.text] for a in p.amounts],
        sorted(p.actors), sorted(p.names), [list(s) for s in p.stances],
        None if cue is None else [cue.word, list(cue.names), sorted(cue.content), cue.anaphoric, cue.bare],
    ], ensure_ascii=False, separators=(",", ":"))


def decode_profile(index: int, claim: Claim, data: str) -> tuple[Profile, DenialCue | None]:
    """The profile of `claim` at position `index`, and its denial cue, from `encode_profile`'s text."""
    (identity, source_words, words, text_words, period, (months, years), amounts, actors, names,
     stances, cue) = json.loads(data)
    profile = Profile(
        index=index, claim=claim, identity=identity, source_words=frozenset(source_words),
        words=frozenset(words), key=" ".join(words), text_key=" ".join(text_words),
        text_words=frozenset(text_words), period=tuple(period) if period else None,
        calendar=(frozenset(months), frozenset(years)),
        amounts=tuple(Amount(low, high, unit, frozenset(counted), casualty, text)
                      for low, high, unit, counted, casualty, text in amounts),
        actors=frozenset(actors), names=frozenset(names),
        stances=tuple((dimension, side, phrase) for dimension, side, phrase in stances),
    )
    if cue is not None:
        word, cue_names, content, anaphoric, bare = cue
        cue = DenialCue(word, tuple(cue_names), frozenset(content), anaphoric, bare)
    return profile, cue
