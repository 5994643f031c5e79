"""Denials and what they deny.

A claim is a denial when its cue or its content denies ("denied", "rejected", "dismissed",
"Russian and Iranian denials", "a ridiculous rumor", "baseless", "no evidence"; see
`denial_cues.py`). Its targets are found, in this order, by:
  reference  "denied Sullivan's assertions": claims whose source bears the name
  anaphora   "has denied this", "rejected the allegations": the claims of the nearest sentence
             before it that another source asserts
  content    "denied that it had sold drones to Russia": claims by others stating the same thing
  topic      "Despite Russian and Iranian denials, there are possibilities for Iranian military
             support ...": allegations by other sources about the deniers on the sentence's topic
A denier's own further claim in the same sentence ("has denied this and asserted that it is in
control of the satellite") is its counter-assertion: it contradicts the targets it speaks about.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from factcheck.analysis.denial_cues import DenialCue, detect_denial
from factcheck.analysis.periods import periods_overlap
from factcheck.analysis.profile import Profile, WordWeights
from factcheck.analysis.text import country_mentions, fold
from factcheck.lexicon import load_list, load_table
from factcheck.patterns import compile_fast

# How far back "has denied this" may look for what it denies, in sentences.
ANAPHORA_MAX_SENTENCES_BACK = 2
# rapidfuzz 0-100: "denied that it sold drones to Russia" against "Iran sold drones to Russia";
# and the weighted Dice (0-1) of their words, so that a few words inside a long claim are not it.
DENIED_CONTENT_MIN_SIMILARITY = 75
DENIED_CONTENT_MIN_DICE = 0.3
# Content words a denial by content must share with the claim it denies.
DENIED_MIN_SHARED_WORDS = 2
# Words before a denial noun that may name the deniers ("Russian and Iranian denials").
DENIER_WORDS_BEFORE = 4
# Content words a denial by reference must share with a claim in another document to reach it.
REFERENCE_MIN_SHARED_WORDS = 2
# Content words a topic denial's sentence and an allegation must share when no topic word does.
TOPIC_MIN_SHARED_WORDS = 2
# Opening words of reason and background clauses, which a denial of "this" leaves standing:
# "(Washington asserts ...) given its advanced technical capabilities".
BACKGROUND_OPENERS = ("given", "because", "since", "due to", "owing to", "as a result of")


@dataclass(frozen=True)
class Found:
    source: int
    target: int
    relation: str                   # denies | contradicts
    reason: str


def _excerpt(p: Profile, size: int = 60) -> str:
    quote = " ".join(p.claim.quote.split())
    return "'" + (quote if len(quote) <= size else quote[:size - 3].rstrip() + "...") + "'"


def _is_doubt(p: Profile) -> bool:
    cue = (p.claim.cue or "").lower().split()
    return bool(cue) and any(w in _doubt_cues() for w in cue)


@lru_cache(maxsize=None)
def _doubt_cues() -> frozenset[str]:
    return frozenset(load_list("analysis_doubt_cues.txt"))


def _names_other_year(t: Profile, d: Profile) -> bool:
    """A past fact dated by its own words outside the denial's period. (A prediction that names a
    past year, "will use the satellite under an agreement signed in 2018", is about the future.)"""
    years = t.calendar[1]
    if not years or d.period is None or t.claim.kind == "prediction":
        return False
    first, last = date.fromordinal(d.period[0]).year, date.fromordinal(d.period[1]).year
    return not any(first <= y <= last for y in years)


def _is_background(p: Profile) -> bool:
    """A reason clause: the quote opens with "given ..." (after at most a few stray words)."""
    head = p.claim.quote[: max(12, len(p.claim.quote) // 3)].lower()
    openers = "|".join(re.escape(o) for o in BACKGROUND_OPENERS)
    return bool(re.search(r"(?:^|[,;:—–]\s*)(?:" + openers + r")\b", head.lstrip(" ,;—-")))


class DenialFinder:
    """Resolves each denial to its targets over all claims, using indexes, never all pairs."""

    def __init__(self, profiles: Sequence[Profile], weights: WordWeights,
                 cues: dict[int, DenialCue] | None = None):
        self.profiles = profiles
        self.weights = weights
        self.by_sentence: dict[tuple[str, int], list[Profile]] = defaultdict(list)
        self.by_source_word: dict[str, list[Profile]] = defaultdict(list)
        self.by_actor: dict[str, list[Profile]] = defaultdict(list)
        for p in profiles:
            self.by_sentence[(p.claim.document, p.claim.sentence)].append(p)
            for w in p.source_words:
                self.by_source_word[w].append(p)
            for a in p.actors:
                self.by_actor[a].append(p)
        # claim index -> its denial cue, as given (kept from an earlier run) or detected here
        self.cues = cues if cues is not None else {p.index: cue for p in profiles if (cue := detect_denial(p))}
        self.disputed: dict[int, str] = {}      # claim index -> why the text itself disputes it
        self._claims_by_word: dict[str, list[int]] | None = None

    def find(self) -> list[Found]:
        found: list[Found] = []
        for index, cue in sorted(self.cues.items()):
            denier = self.profiles[index]
            targets = self._targets(denier, cue)
            found += targets
            found += self._counter_assertions(denier, [f.target for f in targets])
        return found

    def _targets(self, d: Profile, cue: DenialCue) -> list[Found]:
        if cue.names:
            hits = self._by_reference(d, cue)
            if hits:
                return hits
        if cue.anaphoric or (cue.bare and not self._deniers(d)):
            return self._by_anaphora(d, cue)
        if not cue.bare:
            return self._by_content(d, cue)
        return self._by_topic(d, cue)

    def _eligible(self, d: Profile, t: Profile, dated: bool = True) -> bool:
        """Another source's claim, not itself a denial, and (unless the text itself points at it)
        from a period the denial can speak of."""
        return (t.index != d.index and t.identity != d.identity and t.index not in self.cues
                and (not dated or periods_overlap(d.period, t.period)))

    def _by_reference(self, d: Profile, cue: DenialCue) -> list[Found]:
        """The named source's claims: all of them in the denial's document; elsewhere only those
        about what the denial itself names ("dismissed Clinton's charges about his stance on
        Obama" is not about everything Clinton said that year)."""
        out = []
        for name in cue.names:
            last = name.split()[-1].lower().rstrip(".")
            for t in self.by_source_word.get(last, []):
                same_doc = t.claim.document == d.claim.document
                about = len(cue.content & t.words) >= REFERENCE_MIN_SHARED_WORDS
                if not self._eligible(d, t) or not (same_doc or about):
                    continue
                if _presupposed(t) and not self._deniers(d) & {a.lower() for a in t.actors}:
                    continue            # background the source mentions, not what it alleges of the deniers
                reason = (f"denies by reference: '{cue.word}' of \"{name}'s\" statements -> "
                          f"claims by {t.claim.source}: {_excerpt(t)}")
                out.append(Found(d.index, t.index, "denies", reason))
        return out

    def _by_anaphora(self, d: Profile, cue: DenialCue) -> list[Found]:
        doc, here = d.claim.document, d.claim.sentence
        before_in_sentence = [t for t in self.by_sentence[(doc, here)] if t.claim.start < d.claim.start]
        for back in range(0, ANAPHORA_MAX_SENTENCES_BACK + 1):
            pool = before_in_sentence if back == 0 else self.by_sentence.get((doc, here - back), [])
            # "this" points at the text before it, whatever dates extraction gave either claim;
            # background the quote itself dates to another year ("an agreement signed in 2018")
            # is not what a denial of 2022 denies
            chosen = [t for t in pool if self._eligible(d, t, dated=False) and not _is_background(t)
                      and not _names_other_year(t, d) and not _is_doubt(t)]
            # "X denied this" denies what was said to happen; a characterisation in the same
            # breath ("intended for military purposes") is disputed by the opposite one instead
            events = [t for t in chosen if not t.stances]
            chosen = events or chosen
            if chosen:
                where = "the same sentence" if back == 0 else "the sentence before"
                return [Found(d.index, t.index, "denies",
                              f"denies by anaphora: '{cue.word}' points back to {where}, where "
                              f"{t.label()} states {_excerpt(t)}") for t in chosen]
        return []

    def _deniers(self, d: Profile) -> set[str]:
        """Who denies, as countries: the source ("Russia and Iran"), or the words just before the
        denial noun ("Russian and Iranian denials"), not every country the quote names."""
        found = set() if d.is_author else country_mentions(d.claim.source or "")
        word = self.cues[d.index].word if d.index in self.cues else None
        at = fold(d.claim.quote).find(word) if word else -1
        if at > 0:
            found |= country_mentions(" ".join(fold(d.claim.quote)[:at].split()[-DENIER_WORDS_BEFORE:]))
        return {c.lower() for c in found}

    def _by_word(self) -> dict[str, list[int]]:
        """Content word -> the claims (indices) whose words hold it; made on first use."""
        if self._claims_by_word is None:
            self._claims_by_word = defaultdict(list)
            for p in self.profiles:
                for w in p.words:
                    self._claims_by_word[w].append(p.index)
        return self._claims_by_word

    def _by_content(self, d: Profile, cue: DenialCue) -> list[Found]:
        import numpy as np
        from rapidfuzz import fuzz, process

        if not cue.content:
            return []
        # Only claims about the denial's actors that share enough of its words can be what it
        # denies (checked below): they alone are scored, not every claim about those actors.
        shared = Counter(i for w in cue.content for i in self._by_word().get(w, ()))
        chosen = sorted(i for i, n in shared.items()
                        if n >= DENIED_MIN_SHARED_WORDS and not d.actors.isdisjoint(self.profiles[i].actors))
        if not chosen:
            return []
        scores = process.cdist([" ".join(sorted(cue.content))], [self.profiles[i].key for i in chosen],
                               scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=-1,
                               score_cutoff=DENIED_CONTENT_MIN_SIMILARITY)[0]
        deniers, out = self._deniers(d), []
        for k in np.nonzero(scores)[0].tolist():
            t = self.profiles[chosen[k]]
            if (self._eligible(d, t) and len(cue.content & t.words) >= DENIED_MIN_SHARED_WORDS
                    and self.weights.dice(cue.content, t.words) >= DENIED_CONTENT_MIN_DICE
                    and not deniers & _source_countries(t)):
                out.append(Found(d.index, t.index, "denies",
                                 f"denies by content: {d.label()} '{cue.word}' what {t.label()} "
                                 f"states, {_excerpt(t)} (similarity {scores[k]})"))
        return out

    def _by_topic(self, d: Profile, cue: DenialCue) -> list[Found]:
        deniers = self._deniers(d)
        if not deniers:
            return []
        hosts = [h for h in self.by_sentence[(d.claim.document, d.claim.sentence)]
                 if h.index != d.index and h.index not in self.cues]
        topics = _topics(" ".join(h.claim.quote for h in hosts) + " " + d.claim.quote)
        host_words = set().union(*(h.words for h in hosts)) if hosts else set()
        pools = [set(p.index for p in self.by_actor.get(a, [])) for a in deniers]
        # a presupposed event ("drones that the army is using") needs only one denier among its actors
        nested = {i for i in set().union(*pools) if _presupposed(self.profiles[i])} if pools else set()
        out = []
        for index in sorted(set.intersection(*pools) | nested) if pools else []:
            t = self.profiles[index]
            if (not self._eligible(d, t) or t.is_author or t.claim.kind == "assessment"
                    or deniers & _source_countries(t)):
                continue
            shared_topics = topics & _topics(t.claim.quote)
            if shared_topics or len(host_words & t.words) >= TOPIC_MIN_SHARED_WORDS:
                about = ", ".join(sorted(shared_topics)) or ", ".join(sorted(host_words & t.words))
                out.append(Found(d.index, t.index, "denies",
                                 f"denies by topic: '{cue.word}' by {', '.join(sorted(deniers))} on "
                                 f"{about} -> allegation by {t.label()}: {_excerpt(t)}"))
        for h in hosts:                          # "Despite X's denials, <host>": disputed in the text
            if not deniers & _source_countries(h):
                self.disputed[h.index] = f"stated against {d.label()}'s denials ({_excerpt(d)})"
        return out

    def _counter_assertions(self, d: Profile, targets: list[int]) -> list[Found]:
        """The denier's other claims in its sentence contradict the targets they speak about."""
        out = []
        same = [c for c in self.by_sentence[(d.claim.document, d.claim.sentence)]
                if c.identity == d.identity and c.index != d.index and c.index not in self.cues]
        for c in same:
            for index in targets:
                t = self.profiles[index]
                shared = c.words & t.words
                if shared:
                    out.append(Found(c.index, t.index, "contradicts",
                                     f"counter-assertion: {c.label()} denies {_excerpt(t)} and "
                                     f"asserts {_excerpt(c)} instead (both about {', '.join(sorted(shared))})"))
        return out


def _presupposed(p: Profile) -> bool:
    """A claim extraction found nested in another ("the agreement signed in 2018")."""
    return any(step.startswith("split:embedded") for step in p.claim.trace)


def _source_countries(p: Profile) -> set[str]:
    """The countries a source speaks for ("Iranian Ministry of Foreign Affairs" -> iran)."""
    return set() if p.is_author else _countries_of(p.claim.source or "")


@lru_cache(maxsize=4096)
def _countries_of(name: str) -> frozenset[str]:
    return frozenset(c.lower() for c in country_mentions(name))


@lru_cache(maxsize=None)
def _topic_table() -> tuple[tuple[str, re.Pattern], ...]:
    rows = []
    for row in load_table("analysis_topics.txt"):
        words = [w.strip() for w in row[1].split(",") if w.strip()]
        rows.append((row[0], compile_fast(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")))
    return tuple(rows)


@lru_cache(maxsize=1 << 16)
def _topics(text: str) -> frozenset[str]:
    lowered = fold(text).lower()
    return frozenset(name for name, pattern in _topic_table() if pattern.search(lowered))
