"""The place an incident happened at, as an actor of every claim that tells of the incident.

A report of one incident names where it happened once or twice ("the blast at Mosul's Al-Noor
hospital", "an explosion at the Vell refinery") and then speaks of "the blast", "the explosion",
"Tuesday's strike". A claim about the incident is about that place too, so that the analysis and
`list --actor` find every claim of the incident by the place. The first incident the text places
at a name of its own that is a site's (lexicon/en/incident_sites.txt: "hospital", "refinery"),
one the gazetteer does not know and no person's, is the document's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import load_list
from factcheck.pipeline.names.actors import actor_types
from factcheck.pipeline.names.reference import SentenceRefs, is_person
from factcheck.pipeline.when import incident_spans

# "the blast at", "an explosion inside", "the strike on": the preposition that places the incident
PLACED_AT_RE = re.compile(r"\s+(?:at|on|in|inside|near)\s+(?:the\s+|a\s+|an\s+)?")
MAX_PLACE_GAP_CHARS = 25      # "at Mosul's Al-Noor", "on a Mosul City hospital": words before the name
# only names between the preposition and the place: "at Mosul's Al-Noor", "on a Mosul City hospital"
NAME_WORDS_RE = re.compile(r"(?:[A-Z][\w.-]*(?:['’]s)?\s+)*")


def incident_place(refs: SentenceRefs, text: str, offset: int) -> str | None:
    """The actor the sentence places an incident at ("the blast at Mosul's Al-Noor hospital"), or None.
    `text` is the sentence, `offset` where it starts in the document."""
    kinds = actor_types()
    for start, end in incident_spans(text):
        placed = PLACED_AT_RE.match(text, end)
        if not placed:
            continue
        at = offset + placed.end()
        for ref in refs.refs:
            gap = text[at - offset:ref.start - offset]
            if ref.kind == "name" and at <= ref.start <= at + MAX_PLACE_GAP_CHARS and NAME_WORDS_RE.fullmatch(gap):
                name = ref.names[0]
                if name not in kinds and not is_person(name) and _is_site(name, text[ref.end - offset:]):
                    return name
    return None


def _is_site(name: str, after: str) -> bool:
    """A name that is a site's: it ends with a site's head noun, or one follows it ("Al-Noor hospital")."""
    following = re.match(r"\s+([a-z]+)", after)
    heads = [name.split()[-1].lower()] + ([following.group(1)] if following else [])
    return any(head in _sites() or head.endswith("s") and head[:-1] in _sites() for head in heads)


@lru_cache(maxsize=1)
def _sites() -> frozenset[str]:
    return frozenset(load_list("incident_sites.txt"))


def with_place(actors: tuple[str, ...], quote: str, place: str | None) -> tuple[str, ...]:
    """The claim's actors, with the incident's place when the claim tells of an incident."""
    if not place or place in actors or not incident_spans(quote):
        return actors
    return actors + (place,)
