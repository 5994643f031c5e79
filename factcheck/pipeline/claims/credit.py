"""Who a claim is credited to: a source phrase -> canonical source and type, read in context.

Pronouns and "these sources" point back to an earlier source, "the report" to the owner of the report
named last, "its spokeswoman" to the body itself; an outlet that carries a source's words
("IRNA quoted the minister as saying ...", "told Reuters") is kept apart as its relay. `Context` is
what the claims stage remembers while walking a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from factcheck.models import Attribution, Document, Sentence
from factcheck.pipeline.attribution.nominal import POSSESSIVES, is_reporting_noun
from factcheck.pipeline.claims import relays
from factcheck.pipeline.names import reference
from factcheck.pipeline.names.actors import actor_types, is_country
from factcheck.pipeline.names.roles import role_table
from factcheck.pipeline.names.sources import canonical_source
from factcheck.pipeline.names.speaker_reference import Speaker, is_person_source, resolve_speaker, roles_in
from factcheck.pipeline.words.tokens import antecedent, tokenize

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PRONOUN_SOURCES = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person",
                   "they": "plural", "them": "plural", "their": "plural", "it": "body", "its": "body",
                   "we": "plural"}
GROUP_REACH_CHARS = 1500      # "the officials" names a group mentioned this close before it
REPORT_REACH_PARAGRAPHS = 2   # "reportedly" points back to a report named this close before it


@dataclass
class Context:
    """What the stage remembers while walking a document: recent sources and countries."""

    document: Document
    extra_aliases: dict[str, str]
    alias_key: tuple[tuple[str, str], ...] = ()
    named: dict[str, str] = field(default_factory=dict)   # the text's own actors beyond the gazetteer
    sources: list[tuple[str, str]] = field(default_factory=list)      # (canonical, type), newest last
    speakers: list[Speaker] = field(default_factory=list)             # named sources with their roles
    discourse: reference.Discourse = field(default_factory=reference.Discourse)
    refs: reference.SentenceRefs = reference.SentenceRefs((), ())    # the sentence being read
    paragraph: int = -1
    dates: list[tuple[int, str, bool]] = field(default_factory=list)  # (offset, ISO, frames) in this paragraph
    incidents: dict[str, str] = field(default_factory=dict)           # incident noun -> the day the text gives it
    place: str | None = None                        # where the text's incident happened (places.py)
    last_owner: tuple[str, str, int] | None = None   # (name, type, paragraph) of the report named last


def relays_apart(attributions: list[Attribution], text: str,
                 context: Context) -> list[tuple[Attribution, str | None]]:
    """Each attribution with the outlet that relays it, if the sentence names one: "IRNA quoted the
    minister as saying ..." is the minister's, relayed by IRNA; "The minister told Reuters ..." is
    relayed by Reuters; "According to the ministry, ..., Xinhua reported." is the ministry's, relayed
    by Xinhua (the outlet's own attribution of the same words goes)."""
    outlets = [a for a in attributions if a.source and a.cue_span
               and canonical_source(relays.trim_source_phrase(a.source), context.extra_aliases)[1] == "media"]
    carried: dict[int, Attribution] = {}
    for n, attribution in enumerate(attributions):
        # the outlet's cue closes the sentence after the words it carries: "..., Xinhua reported."
        carrier = next((a for a in outlets if a is not attribution and a.cue_span[0] >= a.content[1]
                        and _inside(attribution.cue_span, a.content)), None)
        if carrier is not None:
            carried[n] = carrier
    used = {id(c) for c in carried.values()}
    out: list[tuple[Attribution, str | None]] = []
    for n, attribution in enumerate(attributions):
        if id(attribution) in used:
            continue                          # the outlet's report of the words its source said
        carrier = carried.get(n)
        if carrier is None:
            out.append(_relayed(attribution, text, context))
            continue
        stop = min(s[0] for s in (carrier.source_span, carrier.cue_span) if s)
        start, end = attribution.content
        if start < stop < end:                # "..., Xinhua reported" is no part of what was said
            end = start + len(text[start:stop].rstrip(" ,;—–-"))
        out.append((replace(attribution, content=(start, end)), carrier.source))
    return out


def _inside(span: tuple[int, int] | None, outer: tuple[int, int] | None) -> bool:
    return bool(span and outer) and outer[0] <= span[0] and span[1] <= outer[1]


def _relayed(attribution: Attribution, text: str, context: Context) -> tuple[Attribution, str | None]:
    """An attribution whose cue names a carrier: 'quoted X as saying', 'told Reuters'."""
    cue = (attribution.cue or "").lower()
    start, end = attribution.content
    if cue in relays.QUOTING_CUES and attribution.source:
        quoted = relays.quoted_as_saying(text[start:end])
        if quoted:
            who, at = quoted
            return (Attribution((start + at, end), who, (start, start + len(who)), attribution.cue,
                                attribution.cue_span, attribution.rule), attribution.source)
        after = attribution.cue_span[1] if attribution.cue_span and attribution.cue_span[0] >= end else None
        quoted = relays.quoted_after(text[after:after + 100]) if after is not None else None
        if quoted:                              # '"...," NBC cited the officials as saying.'
            who, at, _ = quoted
            return (Attribution(attribution.content, who, (after + at, after + at + len(who)), attribution.cue,
                                attribution.cue_span, attribution.rule), attribution.source)
    if cue in relays.TELLING_CUES and attribution.cue_span and attribution.cue_span[1] < start:
        whom = relays.told_whom(text[attribution.cue_span[1]:start])
        if whom and (relays.names_an_outlet(whom) or canonical_source(whom, context.extra_aliases)[1] == "media"):
            return attribution, whom
    if attribution.source:
        owner, carried = relays.document_owner(relays.trim_source_phrase(attribution.source))
        if owner and carried:
            return replace(attribution, source=relays.without_carrier(attribution.source)), owner
    return attribution, None


def with_antecedent(attribution: Attribution, sentence: Sentence) -> Attribution:
    """'John Smith, who said ...', 'a paper that found ...': the relative pronoun's source is the noun
    phrase it stands for (its span stays the pronoun's, as written)."""
    if (attribution.source or "").lower() not in RELATIVE_PRONOUNS or not attribution.source_span:
        return attribution
    tokens = tokenize(sentence.text, sentence.start)
    at = next((k for k, t in enumerate(tokens) if t.start == attribution.source_span[0]), None)
    phrase = antecedent(tokens, at) if at is not None else None
    if not phrase:
        return attribution
    text = sentence.text[tokens[phrase[0]].start - sentence.start:tokens[phrase[1] - 1].end - sentence.start]
    return Attribution(attribution.content, text, attribution.source_span, attribution.cue, attribution.cue_span,
                       attribution.rule)


def resolve_source(attribution: Attribution, context: Context) -> tuple[str, str]:
    """Canonical source name and type; pronouns and 'these sources' point back to an earlier source."""
    phrase = relays.trim_source_phrase((attribution.source or "").strip())
    if not phrase:
        spoken = attribution.cue_span and not attribution.rule.startswith("evidential")
        return ("unnamed sources", "anonymous") if spoken else ("author", "author")
    owner, carried = relays.document_owner(phrase)
    owner = None if carried else owner
    if owner:                                   # "the statement released by the ministry"
        phrase = owner
    elif phrase == "unnamed reports" or relays.is_bare_document(phrase):
        earlier = _last_report(context, phrase == "unnamed reports")
        if earlier:                             # "the report" after "a Bloomberg report"
            return earlier
    low = phrase.lower()
    words = low.split()
    first = words[0] if words else ""
    if first in POSSESSIVES and first in PRONOUN_SOURCES and len(words) > 1 and not is_reporting_noun(words[-1]):
        return _possessed_source(phrase, first, context)
    group = re.match(r"(?:these|those|the) (sources|officials|observers)$", low)
    if group and attribution.source_span:       # "The officials told NBC": the group named before
        start = attribution.source_span[0]
        named = relays.last_group_mention(context.document.text[max(0, start - GROUP_REACH_CHARS):start],
                                          group.group(1))
        if named:
            return canonical_source(named, context.extra_aliases)
    if first in PRONOUN_SOURCES or group:
        wanted = PRONOUN_SOURCES.get(first, "plural")
        earlier = _earlier_source(context, wanted, strict=wanted == "person") or _named_by(attribution, context)
        if earlier:
            return earlier
    phrase = _outlet_named_before(phrase, context)
    if phrase == "unnamed reports":
        name, kind = phrase, "media"
    else:
        name, kind = canonical_source(phrase, context.extra_aliases)
        own = _own_name(phrase, context)
        if own and is_country(name) and own != name:   # "City councillor Ana Lima" is no Peru
            name, kind = own, "official"
        named = resolve_speaker(phrase, name, context.speakers)
        if named:                                   # "the minister", "Soto": who the text named
            name, kind = named.name, named.kind
    context.sources.append((name, kind))
    context.speakers.append(Speaker(name, kind, roles_in(phrase)))
    if kind == "media" and name != "unnamed reports" or owner:
        context.last_owner = (name, kind, context.paragraph)
    return name, kind


def _outlet_named_before(phrase: str, context: Context) -> str:
    """"the newswire's sources" after Reuters was named: "Reuters' sources"; else the phrase."""
    match = re.match(r"(?:the|this|that)\s+([\w-]+(?:\s+[\w-]+)?)['’]s\s+(.+)$", phrase, re.I)
    if not match or not relays.names_an_outlet(match.group(1)):
        return phrase
    outlet = next((name for name, kind in reversed(context.sources) if kind == "media" and name != "unnamed reports"),
                  None)
    return f"{outlet}’s {match.group(2)}" if outlet else phrase


def _own_name(phrase: str, context: Context) -> str | None:
    """The text's own name of two or three words that ends the phrase ("councillor Ana Lima")."""
    words = phrase.rstrip(" ,").split()
    for size in (3, 2):
        tail = " ".join(words[-size:])
        if len(words) >= size and tail in context.named:
            return context.named[tail]
    return None


def _last_report(context: Context, near: bool) -> tuple[str, str] | None:
    """The owner of the report the text named last (within REPORT_REACH_PARAGRAPHS when `near`)."""
    if context.last_owner is None:
        return None
    name, kind, paragraph = context.last_owner
    if near and (kind != "media" or context.paragraph - paragraph > REPORT_REACH_PARAGRAPHS):
        return None
    return name, kind


def _possessed_source(phrase: str, owner: str, context: Context) -> tuple[str, str]:
    """'his campaign manager, Jeff Weaver' -> Jeff Weaver; 'her advisers' -> "Ann Lee's advisers" when
    an earlier source of the pronoun's kind is Ann Lee, and 'its spokeswoman' -> that source itself;
    else the phrase as written."""
    rest = phrase.split(None, 1)[1]
    name, kind = canonical_source(rest, context.extra_aliases)
    if name.lower() == " ".join(rest.split()).strip(",;: ").lower():
        earlier = _earlier_source(context, PRONOUN_SOURCES[owner], strict=True)
        if earlier and role_table()[1].get(name.lower(), ("",))[0] == "spokesperson":
            return earlier                          # "its spokeswoman" speaks for the body itself
        name, kind = (f"{earlier[0]}’s {name}", kind) if earlier else canonical_source(phrase, context.extra_aliases)
    context.sources.append((name, kind))
    return name, kind


def _named_by(attribution: Attribution, context: Context) -> tuple[str, str] | None:
    """The person a pronoun source stands for by the sentence's own reading, when no earlier source
    is one: "Putin arrived in Tehran. He said ..." """
    start = attribution.source_span[0] if attribution.source_span else -1
    names = [n for r in context.refs.refs if r.start == start and r.kind == "pronoun" for n in r.names]
    if len(names) != 1 or not reference.is_person(names[0]):
        return None
    return canonical_source(names[0], context.extra_aliases)


def _earlier_source(context: Context, wanted: str, strict: bool = False) -> tuple[str, str] | None:
    """The latest earlier source a pronoun of the `wanted` kind can stand for; unless `strict`, the
    latest source of any kind when none is of that kind."""
    for name, kind in reversed(context.sources):
        person = is_person_source(name, kind) or kind == "other" and name[:1].isupper() and " and " not in name \
            and actor_types().get(name, "person") == "person"   # "the PIJ" is a group the gazetteer knows
        if wanted == "person" and person or wanted == "plural" and not person or wanted == "body" and not person:
            return name, kind
    return context.sources[-1] if context.sources and not strict else None
