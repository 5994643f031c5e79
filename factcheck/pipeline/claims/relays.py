"""Speakers apart from the outlets that carry their words, and source phrases cut to who speaks.

- "IRNA quoted the minister as saying ...": the minister speaks, IRNA relays.
- "The minister told Reuters ...", "... told the Risky Business podcast": the outlet relays.
- "according to a statement carried by the state news agency": the agency relays the statement.
- "According to the ministry, ..., Xinhua reported.": the ministry speaks, Xinhua relays.
- "the statement released by the ministry", "a report by the auditor": the document's owner speaks;
  a bare "the report" is the owner of the report the text named last.
- "The army on Wednesday", "On March 5, Bloomberg reporters published a story": a time phrase, or a
  clause around its subject, is never part of a source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import load_list

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
_DATES = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2}(?:st|nd|rd|th)?"
          r"(?:,?\s*\d{4})?")
_PARTS = r"(?:\s+(?:morning|afternoon|evening|night))?"
TRAILING_TIME_RE = re.compile(
    rf"(?:,?\s+(?:on|in|at|during|early|late|last|this|earlier|later)?\s*(?:{_DAYS}|{_DATES}){_PARTS}"
    r"|,?\s+(?:last|this|earlier this|late last|early last)\s+(?:week|month|year|weekend)"
    r"|,?\s+(?:earlier|later|again|also|too))$")
OPENING_TIME_RE = re.compile(r"^(?:On|In|At|During|Earlier|Later|Last|This)\s+[^,]{1,30},\s+(?=\S)")
# verbs by which an outlet carries a document that is another's ("a statement carried by IRNA",
# "an intelligence document presented by CNN")
CARRIER_VERBS = frozenset("carried broadcast aired ran published posted presented obtained seen reviewed".split())
DOCUMENT_RE = re.compile(
    r"^(?:the|a|an|its|their|his|her)?\s*(?P<pre>(?:[\w.’'-]+\s+){0,4}?)(?P<noun>{nouns})"
    r"(?:\s+(?P<verb>\w+))?\s+(?:by|from|of)\s+(?P<owner>.+)$")
BARE_DOCUMENT_RE = re.compile(r"^(?:the|that|this|a|an)?\s*(?:(?:new|latest|same|original|full|initial|"
                              r"earlier|unclassified|\w+ly)\s+)?(?P<noun>{nouns})$", re.I)
QUOTED_AS_RE = re.compile(r"^(?P<who>[^,;“”\"]{2,80}?)\s+as\s+(?:saying|stating|telling\s+\w+(?:\s+\w+)?|"
                          r"having said)(?:\s+that)?[\s,:]+", re.I)
# after the words, as the cue's object: '"...," NBC cited the officials as saying.'
QUOTED_AFTER_RE = re.compile(r"\s+(?P<who>[^,;.“”\"]{2,80}?)\s+as\s+(?:saying|stating)\b", re.I)
# the group an anonymous source's "the officials" names again: "citing two senior US officials"
GROUP_MENTION_RE = re.compile(r"(?<![\w.’'-])((?!(?:The|These|Those|Such|Some|Many|All)\s)(?:[A-Z][\w.’'-]*\s+){1,3})"
                              r"(officials|sources|observers)\b")
QUOTING_CUES = frozenset("quoted quotes quoting cited cites citing".split())
TELLING_CUES = frozenset("told tells telling".split())
MAX_RELAY_WORDS = 8


@lru_cache(maxsize=1)
def document_nouns() -> tuple[str, ...]:
    """Nouns for what a source issues ("statement", "report"), from lexicon/en/relay_documents.txt."""
    return load_list("relay_documents.txt")


@lru_cache(maxsize=1)
def _document_patterns() -> tuple[re.Pattern, re.Pattern]:
    nouns = "|".join(sorted((re.escape(n) for n in document_nouns()), key=len, reverse=True))
    return (re.compile(DOCUMENT_RE.pattern.replace("{nouns}", nouns), re.I),
            re.compile(BARE_DOCUMENT_RE.pattern.replace("{nouns}", nouns), re.I))


@lru_cache(maxsize=1)
def _outlet_nouns() -> frozenset[str]:
    return frozenset(load_list("relay_outlet_nouns.txt"))


def names_an_outlet(phrase: str) -> bool:
    """'the Risky Business podcast', 'state television': a phrase whose last noun names an outlet."""
    words = phrase.lower().split()
    return bool(words) and (words[-1] in _outlet_nouns() or " ".join(words[-2:]) in _outlet_nouns())


def trim_source_phrase(phrase: str) -> str:
    """The phrase without a time phrase before or after it: "The army on Wednesday" -> "The army"."""
    text = " ".join(phrase.split())
    opening = OPENING_TIME_RE.match(text)
    if opening:
        text = text[opening.end():]
    for _ in range(2):
        trailing = TRAILING_TIME_RE.search(text)
        if not trailing or trailing.start() == 0:
            break
        text = text[:trailing.start()].rstrip(" ,")
    return text or phrase


def document_owner(phrase: str) -> tuple[str | None, bool]:
    """("the ministry", False) for "the statement released by the ministry"; (outlet, True) when the
    document was only carried by it ("a statement carried by IRNA"); (None, False) otherwise."""
    match = _document_patterns()[0].match(phrase.strip())
    if not match:
        return None, False
    verb = (match.group("verb") or "").lower()
    if verb and not (verb.endswith("ed") or verb in CARRIER_VERBS or verb in ("put", "sent", "written", "made")):
        return None, False
    owner = match.group("owner")
    owner = re.split(r",|\s+(?:that|which|who|saying|on|in|at|about|to)\s+", owner, maxsplit=1)[0].strip()
    return (owner or None), verb in CARRIER_VERBS


def without_carrier(phrase: str) -> str:
    """'a statement carried by the state news agency' -> 'a statement'."""
    return re.split(r"\s+(?:{})\s+by\s+".format("|".join(sorted(CARRIER_VERBS))), phrase, maxsplit=1)[0]


def is_bare_document(phrase: str) -> bool:
    """'the report', 'a statement', 'the letter': a document named without its owner."""
    return bool(_document_patterns()[1].match(phrase.strip()))


def quoted_as_saying(content: str) -> tuple[str, int] | None:
    """'the foreign minister as saying the talks ...' (the content of 'X quoted ...'): the quoted
    speaker and where what they said begins, relative to the content."""
    match = QUOTED_AS_RE.match(content)
    return (match.group("who"), match.end()) if match else None


def told_whom(between: str) -> str | None:
    """What stands between 'told' and what was told ('Reuters that', 'the BBC on Sunday,'): the
    addressee, short enough to be a name."""
    text = re.sub(r"\s*(?:,|\bthat\b|:)\s*$", "", between.strip()).strip(" ,")
    text = trim_source_phrase(text) if text else text
    if not text or len(text.split()) > MAX_RELAY_WORDS:
        return None
    return text


def quoted_after(after_cue: str) -> tuple[str, int, int] | None:
    """'the officials as saying.' after an inverted quoting cue: the quoted speaker, where its
    phrase starts and where 'as saying' ends, relative to `after_cue`."""
    match = QUOTED_AFTER_RE.match(after_cue)
    return (match.group("who"), match.start("who"), match.end()) if match else None


def last_group_mention(before: str, noun: str) -> str | None:
    """The last group of `noun` ("officials") named with its affiliation in `before`: "US officials"
    for "citing two current senior US officials"."""
    found = [m for m in GROUP_MENTION_RE.finditer(before) if m.group(2) == noun]
    return " ".join(found[-1].group(1).split() + [noun]) if found else None
