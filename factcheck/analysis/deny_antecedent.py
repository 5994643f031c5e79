"""Denials by antecedent: what "this", "the report", "a charge" or "denials" refer to in the
denial's document, and a denied report's statements in the story's other outlets. A mixin of
`deny.DenialFinder`, whose attributes and checks (`_eligible`, `_deniable`, `_deniers`, ...) it uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.analysis.denial_cues import DenialCue
from factcheck.analysis.denial_words import about_reporting, figure_nouns, plain_words, report_nouns, report_topic
from factcheck.analysis.profile import Profile

# How far back a denial's antecedent may lie, in sentences ("denied the report" may follow a
# paragraph of what the report says).
ANTECEDENT_MAX_SENTENCES_BACK = 6
# "this", "it", "the figure" point at the last thing said: only this many sentences back.
ANAPHOR_MAX_SENTENCES_BACK = 2
# What a denied report states in other documents: claims of this many content words, this many
# of them shared with the report's claims where it is denied ("30 companies" is a fragment).
REPORT_MIN_WORDS = 4
REPORT_MIN_SHARED = 2


@dataclass(frozen=True)
class Found:
    source: int
    target: int
    relation: str                   # denies | contradicts
    reason: str


def excerpt(p: Profile, size: int = 60) -> str:
    quote = " ".join(p.claim.quote.split())
    return "'" + (quote if len(quote) <= size else quote[:size - 3].rsplit(" ", 1)[0] + "...") + "'"


class AntecedentSearch:
    def _by_antecedent(self, d: Profile, cue: DenialCue) -> list[Found]:
        """What "this", "the report", "a charge" or "denials" refers to in the denial's document:
        the claims of the sentence it stands in (before it), else of the nearest sentence before
        that holds a fitting claim. A report noun takes the whole report: every claim its origin
        makes in the document up to the denial; a report is someone's, so the author's own
        sentences are its referent only when no attributed claim is within reach."""
        words = plain_words(d.claim.quote) | plain_words(d.claim.text or "")
        report = bool(words & report_nouns())
        figure = bool(words & figure_nouns())
        if report:
            # a report is an outlet's or an agency's first: "denied the report" after a paragraph
            # of what others said about it points back to the outlet that reported it
            return self._antecedent(d, cue, ANTECEDENT_MAX_SENTENCES_BACK, figure, attributed=True, media=True) \
                or self._antecedent(d, cue, ANTECEDENT_MAX_SENTENCES_BACK, figure, attributed=True) \
                or self._antecedent(d, cue, ANAPHOR_MAX_SENTENCES_BACK, figure, attributed=False)
        return self._antecedent(d, cue, ANAPHOR_MAX_SENTENCES_BACK, figure, attributed=False)

    def _antecedent(self, d: Profile, cue: DenialCue, reach: int, figure: bool, attributed: bool,
                    media: bool = False) -> list[Found]:
        doc, here = d.claim.document, d.claim.sentence
        for back in range(0, reach + 1):
            pool = self.by_sentence.get((doc, here - back), [])
            if back == 0:
                before = [t for t in pool if t.claim.start < d.claim.start]
                # "Despite Russian and Iranian denials, <claim>": the claim after the denial
                pool = before or ([t for t in pool if t.claim.start > d.claim.end] if self._deniers(d) else [])
            topic = report_topic(d.claim.quote)
            chosen = [t for t in pool if self._eligible(d, t) and not self._denier_speaks(d, t)
                      and (not figure or t.amounts) and (not attributed or not t.is_author)
                      and (not media or t.claim.source_type == "media")
                      and topic <= (t.words | t.text_words)]
            if not chosen:
                continue
            if attributed:
                origins = {t.identity for t in chosen}
                chosen = [t for t in self.by_document[doc] if t.identity in origins
                          and t.claim.start < d.claim.start and self._eligible(d, t)
                          and not about_reporting(t)] or chosen
                chosen += self._report_elsewhere(d, chosen)
            where = "its own sentence" if back == 0 else f"{back} sentence{'s' if back > 1 else ''} before"
            for t in chosen:
                if back == 0 and t.claim.start > d.claim.end:
                    self.disputed[t.index] = f"stated against {d.label()}'s denials ({excerpt(d)})"
            return [Found(d.index, t.index, "denies",
                          f"denies by anaphora: '{cue.word}' refers to {where}, where "
                          f"{t.label()} states {excerpt(t)}") for t in chosen]
        return []

    def _report_elsewhere(self, d: Profile, chosen: list[Profile]) -> list[Profile]:
        """A report is the same report in every outlet that relays it: what its owner states in
        the other documents of the denial's story, within the denial's reach, when it is a
        statement of some substance about what the report says here (REPORT_MIN_WORDS words,
        REPORT_MIN_SHARED of them shared with the report's claims in the denial's document)."""
        origins = {t.identity for t in chosen if not t.is_author}
        said = frozenset().union(*(t.words | t.text_words for t in chosen)) if chosen else frozenset()
        taken = {t.index for t in chosen}
        return [t for origin in sorted(origins) for t in self.by_identity.get(origin, [])
                if t.index not in taken and t.claim.document != d.claim.document and t.story == d.story
                and len(t.words) >= REPORT_MIN_WORDS and len(said & (t.words | t.text_words)) >= REPORT_MIN_SHARED
                and self._deniable(d, t) and not about_reporting(t)]
