"""Which of a sentence's attributions stand on their own when one lies inside another.

A belief, a finding or a relative clause inside what a speaker says is part of their words, and so
is a report they report; a participle cue inside a denial's content and a cue inside a speaker's
words after a colon add nothing. `drop_nested_duplicates` keeps the rest, in order.
"""

from __future__ import annotations

from factcheck.models import Attribution
from factcheck.pipeline.words.tokens import Token

NESTED_KINDS = frozenset({"thought", "evidence", "attitude", "stance"})   # cue kinds that a speaker's words can contain
OUTER_KINDS = frozenset({"speech", "thought", "evidence", "denial"})   # "polls show that voters said ..."
RELATIVE_OBJECTS = frozenset({"which", "whom", "what", "that"})   # "the rules, which he said ..."


def _kind(attribution: Attribution) -> str:
    return (attribution.rule.split(":")[2:3] or [""])[0]


def _reported_stance(a: Attribution, found: list[Attribution]) -> bool:
    """'Smith said he believes the deal will hold', 'she told reporters the data show a rise': a
    belief or a finding inside what a speaker says is part of what they say, not a report of its own.
    A relative clause names a new source ('... cited an audit that found the fund was short')."""
    if not a.cue_span or _kind(a) not in NESTED_KINDS or (a.source or "").lower() in ("who", "which", "that"):
        return False
    return any(b is not a and _kind(b) == "speech" and b.source_span and b.cue_span
               and b.content[0] <= a.cue_span[0] < b.content[1] for b in found)


def _relative_report(a: Attribution, found: list[Attribution], tokens: list[Token]) -> bool:
    """'Smith praised the town halls, which he said could not be bought', 'what she calls "real
    solutions"': a relative clause inside what a speaker reports describes something in their words."""
    if not a.source_span or not a.cue_span:
        return False
    at = next((k for k, t in enumerate(tokens) if t.start == a.source_span[0]), 0)
    if at == 0 or tokens[at - 1].low not in RELATIVE_OBJECTS:
        return False
    return any(b is not a and _kind(b) == "speech" and b.source_span and b.cue_span
               and b.content[0] <= tokens[at - 1].start < b.content[1] for b in found)


def _reported_report(a: Attribution, found: list[Attribution]) -> bool:
    """'The paper noted that Lee had tweeted that the race was over', 'Kelly said she asked for the
    interview', '“We are done,” Smith said, according to the Post': what a speaker reports may be
    itself a report, which stays whole in their words."""
    if not a.source_span or not a.cue_span:
        return False
    for b in found:
        if b is a or _kind(b) not in OUTER_KINDS or not b.cue_span:
            continue
        whole = a.content[0] > a.cue_span[0] and a.source_span[0] <= b.content[0] < a.source_span[1] \
            and (b.cue_span[1] <= b.content[0] or b.rule.startswith("inverted") and b.content[1] <= b.cue_span[0])
        before_according = b.rule.startswith("according") and \
            b.content[0] <= a.cue_span[0] < min(b.content[1], b.cue_span[0])
        if whole or before_according:
            return True
    return False


def drop_nested_duplicates(found: list[Attribution], tokens: list[Token]) -> list[Attribution]:
    """A participle cue inside a denial's own content ('denied X, calling them ...') adds nothing; nor
    does a cue inside what a speaker said after their name and a colon, which like a quotation is
    their words whole ('SMITH: I think it will pass', 'Poll: Voters Say Economy Comes First')."""
    keep = []
    for a in found:
        inside = any(b is not a and b.rule.split(":")[2:3] == ["denial"] and b.content[0] <= a.cue_span[0]
                     and a.content[1] <= b.content[1] and a.rule.startswith("participle") for b in found)
        own_words = any(b.rule.startswith("name-colon") and b.content[0] <= a.cue_span[0] < b.content[1]
                        for b in found)
        part_of_outer = _reported_stance(a, found) or _relative_report(a, found, tokens) \
            or _reported_report(a, found)
        if not inside and not own_words and not part_of_outer:
            keep.append(a)
    return keep
