"""Who did it: claims that name who is responsible for an incident, compared by whom they name.

"The blast was caused by a failed Hezbollah rocket launch", "Israel was to blame for the
explosion", "the army carried out the strike" and "Everything pointed to the militia's
responsibility" share few words, yet each answers one question of a story: who did it. Two
claims of one story that name the same party state one proposition; two that name parties with
nothing in common cannot both hold; a claim that a party was not responsible contradicts one
that it was.

A frame is read from a claim's text with a small set of English constructions:

    AGENT was (not) responsible / to blame for / behind ...     AGENT carried out the ...
    AGENT's (its) responsibility / role / involvement in ...    AGENT caused the INCIDENT
    AGENT was the (likely) cause of ...                         ... blamed AGENT for ...
    ... caused / carried out / triggered by AGENT               ... the result / work of AGENT
    ... resulted from / was due to AGENT                        ... hit / struck / targeted by AGENT
    ... killed in an AGENT air strike / AGENT missile ...      (the two words before a weapon)

where the claim names an incident (lexicon/en/incident_nouns.txt) or, for the causal
forms, speaks of it as "it". The parties are the actors of the gazetteer (places aside: "from
within Gaza" says where, not who) and the countries of demonyms ("an Israeli air strike"); a
party is akin to the countries its name holds ("Palestinian Islamic Jihad", "Israel Defense
Forces"). A frame without a named party is no frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.analysis.profile import Profile, pairs_in_windows
from factcheck.analysis.text import PhraseIndex, country_mentions, words_of
from factcheck.lexicon import load_list, records

# Words on either side of a cue read as its party: a noun phrase, not the sentence around it.
AGENT_WINDOW_WORDS = 8
# Words right before a weapon read as whose it is ("a suspected Russian missile strike", "a
# Hezbollah rocket"): the weapon's own modifiers, not the sentence before it.
WEAPON_OWNER_WORDS = 2
# Gazetteer kinds that name who can act; places say where.
NOT_AGENTS = ("place",)
# Claims naming who did it paired with each other within a story, at most this many at once.
MAX_STORY_FRAMES = 60

_BE = r"(?:was|were|is|are|be|been|being|had\s+been|has\s+been|have\s+been)"
_NOT = r"(?:not|never)\s+"
_NEGATED = re.compile(r"\b(?:not|never)\b", re.IGNORECASE)
# the party stands before these cues ...
_LEFT = re.compile(
    rf"\b{_BE}\s+(?:{_NOT})?(?:\w+ly\s+)?(?:responsible|to\s+blame)\s+for\b"
    rf"|\b(?:{_BE}|of\s+being)\s+(?:{_NOT})?behind\b"
    rf"|\b{_BE}\s+(?:{_NOT})?involved\s+in\b"
    r"|\b(?:carried|carrying|carries|carry)\s+out\s+(?:the|an|a|this|that)\b"
    r"|['’]s?\s+(?:role|involvement)\s+(?:for|in)\b"
    rf"|\b{_BE}\s+(?:(?:the|a|an)\s+)?(?:\w+ly\s+|likely\s+|probable\s+|main\s+)?cause\s+of\b"
    r"|\b(?:caused|triggered)\s+(?:the|an|a|this|that)\b",
    re.IGNORECASE)
# ... and after these
_RIGHT = re.compile(
    r"\b(?:caused|carried\s+out|triggered|perpetrated|committed|launched|fired)\s+by\b"
    r"|\b(?:the\s+)?(?:result|work)\s+of\b|\bresulted\s+from\b|\bdue\s+to\b"
    r"|\b(?:hit|struck|targeted|bombed|attacked|destroyed)\s+by\b"
    r"|\bblam(?:e|ed|es|ing)\s+(?:it|this|that|the\s+\w+)\s+on\b"
    r"|\bblam(?:ed|es|ing)\b|\bto\s+blame\b(?!\s+for)",
    re.IGNORECASE)
# where a party's phrase ends: a clause or a quotation begins
_LEFT_STOP = re.compile(r"[,;:“”\"()]|\b(?:that|said|says|say|told|who|which|and|but)\b", re.IGNORECASE)
_RIGHT_STOP = re.compile(r"[,;:“”\"()]|\b(?:that|which|who|and|but|after|as|while|because)\b", re.IGNORECASE)
# "blamed Russia for the attack on Ukraine": what follows "for" is the incident, not a party
_BLAME_FOR = re.compile(r"\bfor\b", re.IGNORECASE)
# "pointed to Israel's responsibility", "the regime's culpability": blame itself, whatever the
# incident is called ("responsibility to protect" is a duty, not blame)
_OWN_BLAME = re.compile(r"(?:['’]s?|\b(?:its|their|his|her))\s+(?:responsibility|culpability)\b(?!\s+to\b)",
                        re.IGNORECASE)
# "no IDF fire hit the hospital": a party's weapons said not to have done it
_NO_FIRE = re.compile(r"\bno\s+((?:[\w’'()-]+\s+){1,4}?)(?:fire|air\s*strikes?|strikes?|rockets?|missiles?|"
                      r"munitions?|shells?|bombs?)\b", re.IGNORECASE)
# "killed in a Saudi air strike", "a Russian missile hit the block": the attacker named before
# its weapon, in a claim that names an incident
_WEAPON_OF = re.compile(r"((?:[\w’'()-]+\s+){1,3}?)(?:air\s*strikes?|airstrikes?|strikes?|rockets?|missiles?|"
                        r"munitions?|shells?|shelling|bombs?|bombing|bombardment|drones?)\b", re.IGNORECASE)
# "a misfired rocket", "a failed rocket launch", "an errant missile": the cause is the firing
# side's own weapon gone wrong, an answer to who did it even when no side is named
_MISFIRE = re.compile(r"\b(?:misfir\w*|malfunction\w*|errant|stray|failed)\s+(?:[\w’'-]+\s+){0,3}?"
                      r"(?:rockets?|missiles?|munitions?|projectiles?)\b"
                      r"|\b(?:rockets?|missiles?|munitions?|projectiles?)\s+(?:that\s+)?(?:misfired|malfunctioned|fell\s+short)\b",
                      re.IGNORECASE)
MISFIRE = "a misfired weapon"
_LETTERS = re.compile(r"[a-z]+")
_BLAME_CUE = re.compile(r"\bblam", re.IGNORECASE)
_ON = re.compile(r"\bon\b", re.IGNORECASE)
_WEAPONS = frozenset("fire airstrike airstrikes strike strikes rocket rockets missile missiles munition munitions "
                     "shell shells bomb bombs shelling bombing bombardment drone drones".split())
# causal forms may speak of the incident as "it": "It was a result of a failed rocket launch"
_IT_SUBJECT = re.compile(r"^\W*(?:it|this|that)\s+(?:was|is|had\s+been|has\s+been)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Blame:
    """Who a claim says did it."""

    parties: frozenset[str]         # actors named (lowercase canonical names)
    kin: frozenset[str]             # the parties with the countries their names hold
    negated: bool                   # "X was not responsible"
    phrase: str                     # the words the party was read from, for reasons

    def describe(self) -> str:
        return f"{'not ' if self.negated else ''}{', '.join(sorted(self.parties))} ('{self.phrase}')"


def blame_of(p: Profile) -> Blame | None:
    """The responsibility frame of a claim, or None. A claim whose cue is "blamed" states what
    is blamed: "Kyiv blamed [the blast on Russia]", "[Russia for the blast]", "[a Russian missile
    strike]"."""
    if p.claim.cue and _BLAME_CUE.search(p.claim.cue):
        return _blamed_content(p.claim.text)
    return blame_in(p.claim.text)


@lru_cache(maxsize=1 << 12)
def _blamed_content(text: str) -> Blame | None:
    """"[the blast on X]": the party after "on"; "[X for the attack on the city]": before "for"."""
    on, for_ = _ON.search(text), _BLAME_FOR.search(text)
    if on and not (for_ and for_.start() < on.start()):
        return _read(_right_window(text[on.end():]), False)
    before = text[:for_.start()] if for_ else text
    return _read(" ".join(before.split()[:AGENT_WINDOW_WORDS]), False)


@lru_cache(maxsize=1 << 18)
def blame_in(text: str) -> Blame | None:
    """The responsibility frame of a text, or None. Most texts name no incident and no blame:
    a look at their words rules them out before any construction is matched. A weapon gone
    wrong ("a misfired rocket") is an answer of its own, akin to the party named with it."""
    found = _party_blamed(text)
    if not text or not _MISFIRE.search(text) or found is not None and found.negated:
        return found
    if found is None and not (_IT_SUBJECT.match(text) or "caus" in text.lower()
                              or not _incidents().isdisjoint(_LETTERS.findall(text.lower()))):
        return None
    if found is None:
        return Blame(frozenset({MISFIRE}), frozenset({MISFIRE}), False, _MISFIRE.search(text).group(0))
    if not _MISFIRE.search(found.phrase):
        return found                    # the weapon gone wrong is another party's ("X accused Y, but ...")
    return Blame(found.parties, found.kin | {MISFIRE}, False, found.phrase)


def _party_blamed(text: str) -> Blame | None:
    if not text:
        return None
    lower = text.lower()
    words = set(_LETTERS.findall(lower))
    names_incident = not _incidents().isdisjoint(words)
    for match in _OWN_BLAME.finditer(text) if "responsib" in lower or "culpab" in lower else ():
        found = _read(_left_window(text[:match.start()]), False)
        if found:
            return found
    for match in _NO_FIRE.finditer(text) if "no" in words and not _WEAPONS.isdisjoint(words) else ():
        found = _read(match.group(1), True)
        if found:
            return found
    for match in _LEFT.finditer(text) if names_incident else ():
        found = _read(_left_window(text[:match.start()]), bool(_NEGATED.search(match.group(0))))
        if found:
            return found
    for match in _RIGHT.finditer(text) if names_incident or _IT_SUBJECT.match(text) else ():
        after = text[match.end():]
        if match.group(0).lower().startswith("blam"):
            after = _BLAME_FOR.split(after, 1)[0]
        found = _read(_right_window(after), False)
        if found:
            return found
    for match in _WEAPON_OF.finditer(text) if names_incident and not _WEAPONS.isdisjoint(words) else ():
        found = _read(" ".join(match.group(1).split()[-WEAPON_OWNER_WORDS:]), False)
        if found:
            return found
    return None


def _left_window(before: str) -> str:
    stops = list(_LEFT_STOP.finditer(before))
    start = stops[-1].end() if stops else 0
    return " ".join(before[start:].split()[-AGENT_WINDOW_WORDS:])


def _right_window(after: str) -> str:
    stop = _RIGHT_STOP.search(after)
    return " ".join(after[:stop.start() if stop else len(after)].split()[:AGENT_WINDOW_WORDS])


def _read(phrase: str, negated: bool) -> Blame | None:
    parties = _parties(phrase)
    if not parties:
        return None
    kin = set(parties)
    for party in parties:
        kin.update(c.lower() for c in country_mentions(party.title()))
    return Blame(frozenset(parties), frozenset(kin), negated, phrase)


def _parties(phrase: str) -> set[str]:
    parties = {value for _, _, value in _agents().find(words_of(phrase))}
    parties.update(c.lower() for c in country_mentions(phrase))
    return parties - _places()


@lru_cache(maxsize=None)
def _agents() -> PhraseIndex[str]:
    """Names and aliases of the gazetteer's actors that can act, as written, -> canonical."""
    entries = []
    for actor in records("actors.txt"):
        if actor.type.split("/")[0] not in NOT_AGENTS:
            entries.extend((name, actor.name.lower()) for name in (actor.name, *actor.aliases) if len(name) > 2)
    return PhraseIndex(entries, lower=False)


@lru_cache(maxsize=None)
def _places() -> frozenset[str]:
    return frozenset(actor.name.lower() for actor in records("actors.txt") if actor.type in NOT_AGENTS)


@lru_cache(maxsize=None)
def _incidents() -> frozenset[str]:
    """Incident nouns and their plurals, as lowercase words (a phrase by its last word)."""
    return frozenset(w for entry in load_list("incident_nouns.txt")
                     for word in (entry.split()[-1],) for w in (word, word + "s"))




_ROCKETS = re.compile(r"\b(?:rockets?|missiles?|munitions?|projectiles?)\b", re.IGNORECASE)


def _may_be_misfired(x: Blame, y: Blame) -> bool:
    """One says only that a weapon went wrong, the other names whose rocket or missile it was."""
    for only, other in ((x, y), (y, x)):
        if only.parties == {MISFIRE} and not other.negated and _ROCKETS.search(other.phrase):
            return True
    return False


def blames_another(p: Profile) -> bool:
    """A claim that names someone other than its own speaker as the one who did it: a denial
    that says who did it instead ("the enemy is trying to evade its responsibility", "denied
    involvement, saying the blast was caused by a misfired rebel rocket") asserts as much
    as it denies."""
    frame = blame_of(p)
    if frame is None or frame.negated:
        return False
    speaker = {p.identity.removeprefix("state:"), (p.claim.source or "").lower(), (p.speaker or "").lower()}
    speaker |= {c.lower() for c in country_mentions(p.claim.source or "")}
    return not (frame.parties | frame.kin) & speaker


def blame_relation(a: Profile, b: Profile) -> tuple[str, str] | None:
    """("contradicts" | "same", reason) for two claims of one story that name who did it."""
    if a.story != b.story or a.story < 0:
        return None
    x, y = blame_of(a), blame_of(b)
    if x is None or y is None:
        return None
    shared = x.kin & y.kin
    if x.negated and y.negated:
        return None
    if x.negated != y.negated:
        if not shared:
            return None                 # "X did not do it" says nothing of Y
        return "contradicts", f"responsibility: {a.label()} says {x.describe()}, {b.label()} says {y.describe()}"
    if not shared and _may_be_misfired(x, y):
        return None                     # "a misfired rocket" and "an X rocket hit it" may both hold
    if not shared:
        return "contradicts", (f"responsibility: {a.label()} names {x.describe()}, {b.label()} names "
                               f"{y.describe()} as responsible")
    return "same", f"names the same party as responsible: {', '.join(sorted(x.parties & y.parties or shared))}"



def blame_pairs(profiles) -> set[tuple[int, int]]:
    """Pairs of claims of one story that both name who did it, whatever their other words:
    they answer one question in different words. A story with more such claims than
    MAX_STORY_FRAMES is paired in windows of that many, in document order."""
    by_story: dict[int, list[int]] = {}
    for p in profiles:
        if p.story >= 0 and blame_of(p) is not None:
            by_story.setdefault(p.story, []).append(p.index)
    return pairs_in_windows(by_story.values(), profiles, MAX_STORY_FRAMES)
