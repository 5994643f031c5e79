"""Denials and what they deny.

A claim is a denial when its cue or its content denies ("denied", "rejected", "dismissed",
"Russian and Iranian denials", "a ridiculous rumor", "baseless", "no evidence"; see
`denial_cues.py`). What it denies is read from its own words, never from its position alone:
  reference   "denied Sullivan's assertions", "rejected the US' spy drone accusation", "refuted a
              Reuters story": the claims of that source (its origin) that the denial speaks of
  content     "denied that it had sold drones to Russia": the claims of other origins that state
              what it denies, found through the retrieval index
  who did it  "denied involvement in the explosion", "denied accusations that it was
              responsible": the claims of its story that name the denier as the one who did it
              (`blame.py`)
  antecedent  "denied the report", "Israel disputes this figure", "a charge Beijing has denied",
              "Despite Russian and Iranian denials, ...": the claim or report the words refer to in
              the denial's document (its own sentence first, then the sentences before it), chosen
              by what it is (a report, a figure, an accusation against the denier); a denied
              report takes its owner's statements in the story's other outlets too
              (`deny_antecedent.py`)
Every claim stating the same proposition as a denied claim is denied too; that is settled over
the proposition groups (`propositions.py`). A denier's own further claim in the same sentence
("has denied this, saying that it was caused by a misfiring rocket") is its counter-assertion: it
contradicts what the denial denies.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from factcheck.analysis.characterise import STORY_WIDE
from factcheck.analysis.denial_cues import DenialCue, detect_denial
from factcheck.analysis.denial_words import (
    about_reporting,
    denier_words,
    is_doubt,
    responsibility_nouns,
)
from factcheck.analysis.deny_antecedent import AntecedentSearch, Found, excerpt
from factcheck.analysis.deny_frames import FrameDenials
from factcheck.analysis.index import ClaimIndex
from factcheck.analysis.periods import day_gap
from factcheck.analysis.profile import Profile, WordWeights, same_story
from factcheck.analysis.text import country_mentions, fold

# Index similarity (0-1) of a denial's own words to a claim that states what it denies.
DENIED_CONTENT_MIN_SIMILARITY = 0.3
# Content words a denial by content must share with what it denies.
DENIED_MIN_SHARED_WORDS = 2
# Candidates a denial's own words are looked up against.
DENIED_CONTENT_CANDIDATES = 40
# A denial reaches claims in other documents told within this many days of it (when both are
# dated): a denial of 2023 is not about what the same source said in 2019.
DENIAL_REACH_DAYS = 120
# A word used by more than this share of a story's claims names the story, not what is denied.
STORY_COMMON_SHARE = 0.15
# The denial's rarest own words a denied claim must hold.
DISTINCTIVE_WORDS = 2
# Words before a denial noun that may name the deniers ("Russian and Iranian denials").
DENIER_WORDS_BEFORE = 4


# The extraction's mark on a claim cut out of "denied a report that ..." (pipeline/claims/build.py),
# and how many characters ("that", a space) may stand between the denial and it.
REPORT_SPLIT = "split:denied-report"
REPORT_SPLIT_GAP = 8


class DenialFinder(AntecedentSearch, FrameDenials):
    """Resolves each denial to the claims it denies, through indexes, never over all pairs."""

    def __init__(self, profiles: Sequence[Profile], weights: WordWeights,
                 cues: dict[int, DenialCue] | None = None, index: ClaimIndex | None = None):
        self.profiles = profiles
        self.weights = weights
        self.index = index
        self.by_sentence: dict[tuple[str, int], list[Profile]] = defaultdict(list)
        self.by_identity: dict[str, list[Profile]] = defaultdict(list)
        self.by_source_word: dict[str, list[Profile]] = defaultdict(list)
        self.by_document: dict[str, list[Profile]] = defaultdict(list)
        for p in profiles:
            self.by_sentence[(p.claim.document, p.claim.sentence)].append(p)
            self.by_document[p.claim.document].append(p)
            self.by_identity[p.identity].append(p)
            for w in p.source_words:
                self.by_source_word[w].append(p)
        self.story_words: dict[int, Counter] = defaultdict(Counter)
        self.story_size: Counter = Counter()
        for p in profiles:
            self.story_size[p.story] += 1
            self.story_words[p.story].update(p.words | p.text_words)
        # claim index -> its denial cue, as given (kept from an earlier run) or detected here
        self.cues = cues if cues is not None else {p.index: cue for p in profiles if (cue := detect_denial(p))}
        self.disputed: dict[int, str] = {}      # claim index -> why the text itself disputes it
        self._denier_countries: dict[int, frozenset[str]] = {}
        self._index_frames()

    def find(self) -> list[Found]:
        found: list[Found] = []
        for index, cue in sorted(self.cues.items()):
            denier = self.profiles[index]
            targets = self._targets(denier, cue)
            if not targets:
                # a denial is one side of a dispute even when what it denies is not stored
                self.disputed.setdefault(index, f"it denies ('{cue.word}') what no stored claim was found to state")
            found += targets
            found += self._counter_assertions(denier, targets)
        return found

    def _targets(self, d: Profile, cue: DenialCue) -> list[Found]:
        stated = self._stated_report(d, cue)
        if stated:
            return stated
        blamed = self._by_blame(d, cue) or self._by_characterisation(d, cue) or self._by_figure(d, cue)
        if blamed:
            return blamed
        if cue.names:
            hits = self._by_reference(d, cue)
            if hits:
                return hits
        if not cue.bare and not cue.anaphoric:
            hits = self._by_content(d, cue)
            if hits:
                return hits
        return self._by_antecedent(d, cue)

    def _eligible(self, d: Profile, t: Profile) -> bool:
        """Another origin's claim, not itself a denial nor a doubt, and not one cut out of the
        denial's own words."""
        return (t.index != d.index and t.identity != d.identity and t.index not in self.cues
                and not is_doubt(t) and not (t.claim.document == d.claim.document
                                              and t.claim.start < d.claim.end and d.claim.start < t.claim.end))

    def _deniable(self, d: Profile, t: Profile) -> bool:
        """A positive claim of another origin within the denial's reach, not the deniers' own."""
        return (t.claim.polarity == "positive" and self._eligible(d, t) and self._within_reach(d, t)
                and not self._denier_speaks(d, t))

    def _within_reach(self, d: Profile, t: Profile) -> bool:
        """The same document, or another of the same story told within DENIAL_REACH_DAYS."""
        if t.claim.document == d.claim.document:
            return True
        return same_story(d, t) and self._in_time(d, t)

    @staticmethod
    def _in_time(d: Profile, t: Profile) -> bool:
        return not (d.period and t.period) or day_gap(d.period, t.period) <= DENIAL_REACH_DAYS

    def _stated_report(self, d: Profile, cue: DenialCue) -> list[Found]:
        """"denied a report that P": P was cut out as a claim of its own, right after the denial."""
        out = []
        for t in self.by_sentence.get((d.claim.document, d.claim.sentence), []):
            if (REPORT_SPLIT in t.claim.trace and t.claim.start > d.claim.start
                    and t.claim.start - d.claim.end <= REPORT_SPLIT_GAP and t.index not in self.cues):
                out.append(Found(d.index, t.index, "denies",
                                 f"denies what it names: '{cue.word}' a report that {excerpt(t)}"))
        return out

    # ------------------------------------------------------------------ reference

    def _referenced(self, name: str) -> list[Profile]:
        """The claims of the source a denial names: by origin ("the US" -> the US government's
        claims; "Bloomberg Businessweek" -> Bloomberg's, when only the shorter name speaks), else
        by the name's last word in their source ("Sullivan's assertions")."""
        words = fold(name).lower().split()
        keys = {f"state:{c.lower()}" for c in country_mentions(name)}
        found = [p for key in keys for p in self.by_identity.get(key, [])]
        for size in range(len(words), 0, -1):
            if found:
                break
            found = list(self.by_identity.get(" ".join(words[:size]), []))
        if found or not words:
            return found
        return list(self.by_source_word.get(re.sub(r"[^a-z]", "", words[-1]), []))

    def _by_reference(self, d: Profile, cue: DenialCue) -> list[Found]:
        """The named source's claims, and what the denial says they say: "rejected the US' spy
        balloon accusation" denies the claims of its story that the balloon spied, whoever
        relays them; "denied Bloomberg's report", which names no more than the source, denies
        the source's claims in the denial's document and those elsewhere about the deniers."""
        about = self._denier_keys(d)
        said = self._distinctive(d, cue)
        out: dict[int, Found] = {}
        for name in cue.names:
            # a source named by the denial reaches its claims about the deniers in any story
            pool = [t for t in self._referenced(name) if self._eligible(d, t)
                    and (self._within_reach(d, t) or self._about_denier(d, t, about) and self._in_time(d, t))]
            words = said or cue.content
            chosen = [t for t in pool if words & (t.words | t.text_words)] if words else []
            chosen += [t for t in self._stating(d, said) if t.index not in {c.index for c in chosen}] if said else []
            if not chosen:
                # "denied Doe's assertions": what Doe alleges of the deniers, in any document of
                # the story; in the denial's own document, all Doe says when none is about them
                chosen = [t for t in pool if self._about_denier(d, t, about)]
                chosen = chosen or [t for t in pool if t.claim.document == d.claim.document]
                chosen = [t for t in chosen if not about_reporting(t)] or chosen
            for t in chosen:
                reason = (f"denies by reference: '{cue.word}' of {name}'s statements"
                          + (f" ({', '.join(sorted(said))})" if said else "") + f" -> {t.label()}: {excerpt(t)}")
                out.setdefault(t.index, Found(d.index, t.index, "denies", reason))
        return list(out.values())

    def _about_denier(self, d: Profile, t: Profile, about: set[str]) -> bool:
        """The claim names the deniers: among its actors, or in its words ("the warehouse owner
        had ignored warnings", denied by the warehouse owner)."""
        if about & t.actors:
            return True
        named = denier_words(d)
        return bool(named) and named <= (t.words | t.text_words)

    def _distinctive(self, d: Profile, cue: DenialCue) -> frozenset[str]:
        """The denial's own words that tell what it denies within its story: those that few of
        the story's claims use ("spy" in a story where every claim speaks of the balloon)."""
        size = self.story_size[d.story]
        counts = self.story_words[d.story]
        # a word no other claim of the story uses ("vehemently") points at nothing
        words = [w for w in cue.content if 2 <= counts[w] <= max(2, STORY_COMMON_SHARE * size)]
        words.sort(key=lambda w: (counts[w], w))
        return frozenset(words[:DISTINCTIVE_WORDS])

    def _stating(self, d: Profile, said: frozenset[str]) -> list[Profile]:
        """Claims of the denial's story, of other origins, that state what its words name."""
        if self.index is None:
            return []
        out, seen = [], set()
        for w in sorted(said):
            for j in self.index.postings.get(w, ()):
                t = self.profiles[j]
                if j not in seen and t.story == d.story and self._deniable(d, t):
                    seen.add(j)
                    out.append(t)
        return out

    # ------------------------------------------------------------------ content

    def _by_content(self, d: Profile, cue: DenialCue) -> list[Found]:
        """Claims of other origins that state what the denial's own words deny."""
        if self.index is None or len(cue.content) < DENIED_MIN_SHARED_WORDS:
            return []
        query = cue.content | {f"@{a}" for a in d.actors}
        # "denied involvement in the explosion": what is denied is that the denier took part
        blame = bool(cue.content & responsibility_nouns())
        about = self._denier_keys(d)
        out = []
        for score, j in self.index.search(query, DENIED_CONTENT_CANDIDATES, exclude=d.index):
            t = self.profiles[j]
            shared = cue.content & (t.words | t.text_words)
            if (score < DENIED_CONTENT_MIN_SIMILARITY or len(shared) < DENIED_MIN_SHARED_WORDS
                    or not self._deniable(d, t) or blame and not about & t.actors):
                continue
            out.append(Found(d.index, t.index, "denies",
                             f"denies by content: {d.label()} '{cue.word}' what {t.label()} states, "
                             f"{excerpt(t)} (shared: {', '.join(sorted(shared)[:5])})"))
        return out

    # ------------------------------------------------------------------ deniers

    def _deniers(self, d: Profile) -> set[str]:
        """Who denies, as countries: the source ("Russia and Iran"), or the words just before the
        denial noun ("Russian and Iranian denials"); worked out once per denial."""
        known = self._denier_countries.get(d.index)
        if known is None:
            known = self._denier_countries[d.index] = frozenset(self._read_deniers(d))
        return set(known)

    def _read_deniers(self, d: Profile) -> set[str]:
        found = set() if d.is_author else country_mentions(d.claim.source or "")
        word = self.cues[d.index].word if d.index in self.cues else None
        folded = fold(d.claim.quote)
        at = folded.find(word) if word else -1
        if at > 0:
            found |= country_mentions(" ".join(folded[:at].split()[-DENIER_WORDS_BEFORE:]))
        return {c.lower() for c in found}

    def _denier_keys(self, d: Profile) -> set[str]:
        """The denier as actor keys: its countries and its own name."""
        keys = self._deniers(d)
        if not d.is_author:
            keys.add(fold(d.claim.source).lower().strip())
        return keys

    def _denier_speaks(self, d: Profile, t: Profile) -> bool:
        """The claim is the deniers' own ("Iranian officials said ..."): nothing they deny."""
        if t.is_author:
            return False
        return bool(self._deniers(d) & {c.lower() for c in country_mentions(t.claim.source or "")})

    # ------------------------------------------------------------------ counter-assertions

    def _counter_assertions(self, d: Profile, targets: list[Found]) -> list[Found]:
        """The denier's other claims in its sentence contradict the targets they speak about. One
        against a characterisation the story disputes holds, as the denial does, for the claims
        that take that side only (it is not carried over their propositions)."""
        out = []
        same = [c for c in self.by_sentence[(d.claim.document, d.claim.sentence)]
                if c.identity == d.identity and c.index != d.index and c.index not in self.cues]
        for c in same:
            for found in targets:
                t = self.profiles[found.target]
                shared = (c.words | c.text_words) & (t.words | t.text_words)
                if shared or c.actors & t.actors:
                    about = ", ".join(sorted(shared or (c.actors & t.actors))[:4])
                    wide = f", {STORY_WIDE}" if found.reason.endswith(STORY_WIDE) else ""
                    out.append(Found(c.index, t.index, "contradicts",
                                     f"counter-assertion: {c.label()} denies {excerpt(t)} and "
                                     f"asserts {excerpt(c)} instead (both about {about}){wide}"))
        return out

