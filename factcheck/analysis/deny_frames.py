"""Denials of what a story's claims answer in many words: who did it (analysis/blame.py), what
the thing was (analysis/characterise.py), and how many were hurt or killed. A denial of one of
these denies every claim of its story that gives that answer, whatever its other words.

A mixin of `deny.DenialFinder`, which supplies the profiles, the cues and `_deniable`.
"""

from __future__ import annotations

import re
from collections import defaultdict

from factcheck.analysis.amounts import is_toll
from factcheck.analysis.blame import blame_of
from factcheck.analysis.characterise import STORY_WIDE, characterisation_of, speak_of_one_thing, story_dimensions
from factcheck.analysis.denial_cues import DenialCue
from factcheck.analysis.denial_words import figure_nouns, responsibility_nouns
from factcheck.analysis.deny_antecedent import Found
from factcheck.analysis.profile import Profile
from factcheck.analysis.text import fold

# A denial that speaks of being responsible: "denied accusations that it was responsible".
# So does one that says what caused the incident instead: "denied this, saying it was caused by".
_RESPONSIBLE = re.compile(r"\b(?:responsible|to\s+blame|behind\s+the|caused\s+by)\b", re.IGNORECASE)


class FrameDenials:
    """Denials resolved through what the claims of a story answer."""

    def _index_frames(self) -> None:
        """Per story: its claims naming who did it, saying what the thing was, giving a toll."""
        self.framed: dict[int, list[Profile]] = defaultdict(list)
        self.characterised: dict[int, list[Profile]] = defaultdict(list)
        self.tolls: dict[int, list[Profile]] = defaultdict(list)
        for p in self.profiles:
            if p.story < 0:
                continue
            if blame_of(p) is not None:
                self.framed[p.story].append(p)
            if characterisation_of(p) is not None:
                self.characterised[p.story].append(p)
            if any(is_toll(a) for a in p.amounts):
                self.tolls[p.story].append(p)

    def _by_blame(self, d: Profile, cue: DenialCue) -> list[Found]:
        """A denial of taking part ("denied involvement in the explosion", "denied accusations
        that it was responsible") denies every claim of its story that names the denier as the
        one who did it (analysis/blame.py), in whatever words."""
        if not (cue.content & responsibility_nouns() or _RESPONSIBLE.search(d.claim.text)):
            return []
        keys = self._denier_keys(d)
        out = []
        for t in self.framed.get(d.story, ()):
            frame = blame_of(t)
            if frame.negated or not (frame.parties | frame.kin) & keys or not self._deniable(d, t):
                continue
            out.append(Found(d.index, t.index, "denies",
                             f"denies responsibility: {d.label()} '{cue.word}' taking part, which "
                             f"{t.label()} ascribes to {frame.describe()}"))
        return out

    def _by_characterisation(self, d: Profile, cue: DenialCue) -> list[Found]:
        """A denial that names a characterisation of its story ("rejected the spy drone
        accusation", "denied spying") denies every claim of the story that takes that side
        (analysis/characterise.py) and speaks of the same thing, when the story tells the other
        side too."""
        named = [(dim, side, phrase) for dim, side, phrase in d.stances if dim in story_dimensions()]
        if not named:
            return []
        dim, side, phrase = named[0]
        told = self.characterised.get(d.story, ())
        # only a characterisation the story disputes: "a spy software report" names a report
        if not any(c.dimension == dim and c.side != side for c in map(characterisation_of, told)):
            return []
        out = []
        for t in told:
            found = characterisation_of(t)
            if found.dimension != dim or found.side != side or not self._deniable(d, t) \
                    or not speak_of_one_thing(d, t, phrase, found.phrase):
                continue
            out.append(Found(d.index, t.index, "denies",
                             f"denies the characterisation: {d.label()} '{cue.word}' '{phrase}', which "
                             f"{t.label()} states ({found.describe()}), {STORY_WIDE}"))
        return out

    def _by_figure(self, d: Profile, cue: DenialCue) -> list[Found]:
        """A denial of a toll that names whose it is ("accused the militia of inflating the number
        of casualties", "rejected the ministry's figures") denies the tolls that party gives in
        the story."""
        if not set(fold(d.claim.quote).lower().split()) & figure_nouns():
            return []
        accused = {a.lower() for a in d.claim.actors} - self._denier_keys(d)
        if not accused:
            return []
        out = []
        for t in self.tolls.get(d.story, ()):
            whose = {t.identity, t.identity.removeprefix("state:"), (t.speaker or "").lower()}
            if not whose & accused or not self._deniable(d, t):
                continue
            toll = next(a for a in t.amounts if is_toll(a))
            out.append(Found(d.index, t.index, "denies",
                             f"denies the figure: {d.label()} '{cue.word}' the toll {t.label()} gives, "
                             f"'{toll.text}'"))
        return out
