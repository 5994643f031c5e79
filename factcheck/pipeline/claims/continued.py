"""A speaker's report that runs on past its sentence, told apart from the author's own sentences.

News often says a thing over two sentences and names the speaker once:

  forward   "The agency says the probe, launched in May, was faulty. It drifted off course twice."
            The second sentence goes on about the thing the speaker's words were about ("It" is
            the probe), so it is still the agency's report.
  backward  "The probe first lost contact on May 3. It then drifted off course, a mission official
            said." The cue closes the second sentence, whose pronoun subject is the first
            sentence's subject: the official reports both.

Only these narrow frames are read: a sentence of the author's own that goes on about what a
speaker said is the author's, unless its subject pronoun stands for the subject of the speaker's
words in the sentence right before or after it, in the same paragraph. A possessive ("Its launch
prompted ...") or a pronoun that can stand for the speaker is left to the author.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.models import Claim
from factcheck.pipeline.names.speaker_reference import is_person_source

# "It loitered ...", "Once it crossed over land, it did not ...": the sentence's subject is "it"
_IT_SUBJECT = re.compile(r"(?:It\s+(?!is\b|was\b|'s\b|’s\b)|(?:Once|When|After|As|Before|While|Although|Until)\s+"
                         r"it\b[^,]{1,80},\s+it\s+)")
# the content of the speaker's words opens with a singular thing ("the balloon, which ...", "it")
_THING_SUBJECT = re.compile(r"(?:[Ii]t\b|(?:the|this|that)\s+[a-z][a-z-]+(?<!s)\b(?!\s+(?:and|or)\s))")
# the report that closes a sentence: "It then re-entered ..., a defense official said"
_PRONOUN_OPENING = re.compile(r"It\s+(?:then|also|later|again|first)?\s*[a-z]")
_DEFINITE_OPENING = re.compile(r"(?:The|This|That)\s+[a-z][a-z-]+(?<!s)\s")
MAX_CLOSING_CUE_CHARS = 60    # ", a US defense official said." after the words the official said


def continue_speakers(claims: list[Claim], text: str) -> list[Claim]:
    """The claims, with the author's sentences that go on a speaker's report credited to the speaker."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence, []).append(claim)
    credited: dict[int, Claim] = {}           # sentence index -> the report it takes its speaker from
    for n, own in by_sentence.items():
        if not _authors_alone(own):
            continue
        before, after = by_sentence.get(n - 1, []), by_sentence.get(n + 1, [])
        sentence = text[own[0].context[0]:own[0].context[1]]
        report = _report(before, own[0].paragraph)
        if report and _IT_SUBJECT.match(sentence) and _THING_SUBJECT.match(report.quote) \
                and not _may_be_it(report, text):
            credited[n] = report
            continue
        report = _report(after, own[0].paragraph)
        if report and _closes_with_cue(report, text) and _PRONOUN_OPENING.match(report.quote) \
                and _DEFINITE_OPENING.match(sentence):
            credited[n] = report
    return [_credited(claim, credited[claim.sentence]) if claim.sentence in credited else claim
            for claim in claims]


def _authors_alone(claims: list[Claim]) -> bool:
    return bool(claims) and all(c.source == "author" and c.cue is None for c in claims)


def _report(claims: list[Claim], paragraph: int) -> Claim | None:
    """The first claim of a sentence that is one speaker's words under one cue alone, in the same
    paragraph."""
    spoken = [c for c in claims if c.paragraph == paragraph and c.source_span and c.cue_span]
    if not spoken or len({(c.source, c.cue_span) for c in spoken}) != 1 \
            or any(c.source == "author" for c in claims) or spoken[0].denial:
        return None
    return spoken[0]


def _may_be_it(report: Claim, text: str) -> bool:
    """A speaker "it" may stand for: a body, not a person or a group ("The ministry said the plan
    was sound. It cut taxes." tells what the ministry did)."""
    phrase = text[report.source_span[0]:report.source_span[1]]
    return not (is_person_source(report.source, report.source_type) or report.source_type == "anonymous"
                or phrase.lower() in ("he", "she", "they"))


def _closes_with_cue(report: Claim, text: str) -> bool:
    """The speaker and cue come after the words and end the sentence: '..., an official said.'"""
    end = report.context[1]
    return report.end <= report.source_span[0] and report.cue_span[1] >= end - 2 \
        and end - report.end <= MAX_CLOSING_CUE_CHARS


def _credited(claim: Claim, report: Claim) -> Claim:
    return replace(claim, source=report.source, source_type=report.source_type, source_span=report.source_span,
                   cue=report.cue, cue_span=report.cue_span, relay=report.relay,
                   trace=(f"continued:{report.trace[0]}",) + claim.trace[1:])
