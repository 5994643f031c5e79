"""Names -> canonical actors: a gazetteer kept as data, users' aliases, rapidfuzz for misspellings.

`find_actors` lists the states, organisations and people a text mentions, in order of first
mention; `resolve_actor_name` turns one name or alias into its canonical form. Source phrases
("US National Security Advisor Jake Sullivan") are reduced in `sources.py`.
Data: lexicon/en/actors.txt and demonyms.txt (formats in lexicon/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.lexicon import load_list, records
from factcheck.patterns import trie_regex
from factcheck.pipeline.names.roles import role_table
from factcheck.pipeline.words.calendar import is_calendar_word
from factcheck.regex_cache import compile_cached

MIN_FUZZY_SCORE = 88            # rapidfuzz ratio 0-100: "Solemaini" ~ "Soleimani" scores 88.9
MIN_FUZZY_TOKEN_CHARS = 6       # shorter names are one letter away from other names ("Iraq"/"Iran")
MAX_FUZZY_LENGTH_GAP_CHARS = 2  # a misspelling keeps about the length of the word it misspells
FUZZY_CACHE_TOKENS = 65536      # distinct capitalised unknown words remembered between calls
CONTEXT_WINDOW_CHARS = 40       # how far back the word before a surname is looked for

DEFAULT_SOURCE_TYPE = {"country": "government", "organisation": "government", "person": "official",
                       "media": "media", "government_body": "government", "place": "other"}
EXTRA_KIND = "alias"            # a user's alias for a name the gazetteer does not know


@dataclass(frozen=True)
class Actor:
    """A canonical actor: its name, gazetteer type and the source type it speaks with."""

    name: str
    kind: str
    source_type: str


@dataclass(frozen=True)
class Mention:
    """An actor named in a text at [start, end)."""

    start: int
    end: int
    actor: Actor


@dataclass(frozen=True)
class Gazetteer:
    """The gazetteer read once: aliases as written and lowercased. Its trie regex over the aliases
    and its role words are built on first use: resolving a name (`list --actor`) needs neither,
    and compiling the regex is most of the gazetteer's cost."""

    actors: dict[str, Actor]              # canonical name -> actor
    owners: dict[str, tuple[str, ...]]    # alias as written -> canonical names, the default first
    lower: dict[str, str]                 # canonical or alias, lowercased -> canonical (no places)
    fuzzy: dict[str, tuple[str, ...]]     # first letter -> one-word aliases misspellings may reach
    common_words: frozenset[str]          # function words ("But Biden said"): never a given name

    @property
    def pattern(self) -> re.Pattern:
        """One regex matching every alias as a whole word."""
        return _mention_pattern()

    @property
    def role_words(self) -> frozenset[str]:
        """Words of titles and roles ("minister", "gen")."""
        return _role_words()


def _alias_key(surface: str) -> str:
    """One spelling for lookups: single spaces, straight apostrophes."""
    return " ".join(surface.split()).replace("’", "'")


def demonym_plurals(demonym: str) -> tuple[str, ...]:
    """'Iranian' -> 'Iranians'; 'British', 'Chinese', 'Swiss', 'Frenchman' take no -s."""
    if demonym.endswith(("sh", "ch", "se", "s", "z", "man", "men")):
        return ()
    return (demonym + "s",)


def _office_in_lower_case(alias: str, demonyms: frozenset[str]) -> str | None:
    """A state's office as news writes it after the state's name: "Chinese Foreign Ministry" ->
    "Chinese foreign ministry", "Russia's Defence Ministry" -> "Russia's defence ministry"; None for
    an alias that does not open with a demonym or a possessive ("Department of Defense")."""
    first, _, rest = alias.partition(" ")
    if not rest or not (first in demonyms or first.endswith(("'s", "’s"))) \
            or not all(word[:1].isupper() and word[1:].islower() for word in rest.split()):
        return None
    return f"{first} {rest.lower()}"


def _read_actors() -> tuple[dict[str, Actor], dict[str, list[str]]]:
    actors: dict[str, Actor] = {}
    owners: dict[str, list[str]] = {}
    demonyms = frozenset(demonym for demonym, _ in records("demonyms.txt"))
    for name, kind_field, aliases in records("actors.txt"):          # types checked by lexicon/schema.py
        kind, _, source_type = kind_field.partition("/")
        actors.setdefault(name, Actor(name, kind, source_type or DEFAULT_SOURCE_TYPE[kind]))
        for alias in (name, *aliases):   # "the West" is "The West" at the start of a sentence
            for form in (alias, "The " + alias[4:]) if alias.startswith("the ") else (alias,):
                forms = (form, _office_in_lower_case(form, demonyms)) if kind == "government_body" else (form,)
                for key in sorted({_alias_key(f) for f in forms if f}):
                    owners.setdefault(key, [])
                    owners[key] += [] if name in owners[key] else [name]
    for demonym, country in records("demonyms.txt"):                # each country is one of actors.txt
        for form in (demonym, *demonym_plurals(demonym)):
            owners.setdefault(form, [])
            owners[form] += [] if country in owners[form] else [country]
    return actors, owners


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read and compiled on first use."""
    actors, owners = _read_actors()
    demonyms = {form for demonym, _ in records("demonyms.txt") for form in (demonym, *demonym_plurals(demonym))}
    lower = {name.lower(): name for name, actor in actors.items() if actor.kind != "place"}
    for alias, names in owners.items():
        if actors[names[0]].kind != "place":
            lower.setdefault(alias.lower(), names[0])
    fuzzy: dict[str, list[str]] = {}
    for alias, names in owners.items():
        if " " not in alias and alias.isalpha() and len(alias) >= MIN_FUZZY_TOKEN_CHARS - MAX_FUZZY_LENGTH_GAP_CHARS \
                and actors[names[0]].kind not in ("place", "country") and alias not in demonyms:
            fuzzy.setdefault(alias[0], []).append(alias)
    common = {w.lower() for w in load_list("numbers_function_words.txt")}
    return Gazetteer(actors, {k: tuple(v) for k, v in owners.items()}, lower,
                     {k: tuple(v) for k, v in fuzzy.items()}, frozenset(common))


@lru_cache(maxsize=1)
def _mention_pattern() -> re.Pattern:
    return compile_cached(r"(?<!\w)(?:" + trie_regex(sorted(gazetteer().owners)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(w.strip(".") for phrase in role_table()[1] for w in phrase.split())



def actor_types() -> dict[str, str]:
    """Canonical name -> gazetteer type (country, organisation, person, media, government_body)."""
    return {name: actor.kind for name, actor in gazetteer().actors.items() if actor.kind != "place"}


def is_country(name: str) -> bool:
    """True for a canonical country name ("Iran"), False for anything else."""
    actor = gazetteer().actors.get(name)
    return actor is not None and actor.kind == "country"


@lru_cache(maxsize=FUZZY_CACHE_TOKENS)
def fuzzy_alias(token: str) -> str | None:
    """The one-word alias `token` misspells ("Solemaini" -> "Soleimani"), or None.

    Only names of people and bodies compete (country names and demonyms are short and common
    words sit close to them: "Finish", "Finnish"), with the same first letter, about the same
    length and the same last letter ("Economics" is not "Economist"; a final y and i are one, as
    transliterations go: "Soleimany"); a word that extends an alias ("Obamas", "Abbasi") is a
    different word, not a misspelling.
    """
    from rapidfuzz import fuzz, process

    choices = gazetteer().fuzzy.get(token[:1], ())
    best = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=MIN_FUZZY_SCORE)
    if best is None:
        return None
    alias = best[0]
    similar = abs(len(alias) - len(token)) <= MAX_FUZZY_LENGTH_GAP_CHARS \
        and alias[-1].replace("y", "i") == token[-1].replace("y", "i")
    return alias if similar and not alias.startswith(token) and not token.startswith(alias) else None


@lru_cache(maxsize=256)
def _extra_pattern(aliases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + trie_regex(aliases) + r")(?!\w)", re.IGNORECASE)


def _candidate_spans(text: str, extra: dict[str, str]) -> list[tuple[int, int, str, str | None]]:
    """Every alias match: (start, end, alias key, canonical for users' aliases else None)."""
    owners = gazetteer().owners
    spans = [(m.start(), m.end(), key if key in owners else _alias_key(key), None)
             for m in gazetteer().pattern.finditer(text) for key in (m.group(),)]
    if not extra:
        return spans                          # one regex pass: already leftmost-longest, no overlaps
    spans += [(m.start(), m.end(), "", extra[_alias_key(m.group()).lower()])
              for m in _extra_pattern(tuple(sorted(extra))).finditer(text)]
    # Leftmost, then longest, then a user's alias: "Russian Armed Forces" before "Russian".
    spans.sort(key=lambda s: (s[0], s[0] - s[1], s[3] is None))
    chosen, reach = [], -1
    for span in spans:
        if span[0] >= reach:
            chosen.append(span)
            reach = span[1]
    return chosen


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Z][\w'’-]*)")


def _other_person(text: str, start: int, end: int, names: tuple[str, ...]) -> bool:
    """A surname next to an unknown capitalised name belongs to someone else.

    "Hunter Biden" is not Joe Biden and "Graham Allison" is not Lindsey Graham; "President
    Biden", "In January Biden", "But Biden" and "Joseph R. Biden" are the listed person.
    """
    gaz = gazetteer()
    own = {part for name in names for part in name.split()}
    before = _WORD_BEFORE.search(text, max(0, start - CONTEXT_WINDOW_CHARS), start)
    after = _WORD_AFTER.match(text, end)
    for word in (before.group(1) if before else "", after.group(1) if after else ""):
        word = word[:-2] if word.endswith(("'s", "’s")) else word
        low = word.strip(".").lower()
        if word and word not in own and low not in gaz.role_words and low not in gaz.common_words \
                and not is_calendar_word(word) and _alias_key(word) not in gaz.owners:
            return True
    return False


def _actor_for(text: str, span: tuple[int, int, str, str | None], seen: list[str]) -> Actor | None:
    gaz = gazetteer()
    start, end, key, canonical = span
    if canonical is not None:
        return gaz.actors.get(canonical) or Actor(canonical, EXTRA_KIND, "other")
    names = gaz.owners[key]
    actor = gaz.actors[next((n for n in names if n in seen), names[0])]
    if actor.kind == "person" and " " not in key and key not in gaz.actors \
            and _other_person(text, start, end, names):
        return None
    if actor.kind == "country" and key not in _demonym_forms() and _inside_another_name(text, end):
        return None
    return actor


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    return frozenset(load_list("event_nouns.txt"))


@lru_cache(maxsize=1)
def _demonym_forms() -> frozenset[str]:
    return frozenset(form for demonym, _ in records("demonyms.txt")
                     for form in (demonym, *demonym_plurals(demonym)))


def _inside_another_name(text: str, end: int) -> bool:
    """A country's name followed by a capitalised word that is no title, state body or other
    actor begins a name of its own: "Iran Air", "China Daily", "Washington Examiner" are a
    company and outlets, not their country; "US President", "Iran Air Force" and "Russia
    Tuesday" keep it. (A demonym before a name, "Russian Railways", is left as it is.)"""
    after = _WORD_AFTER.match(text, end)
    if not after:
        return False
    word = after.group(1)
    gaz = gazetteer()
    if word.lower() in gaz.common_words or is_calendar_word(word) or _alias_key(word) in gaz.owners \
            or word.isupper() or word.lower().rstrip("s") in _event_nouns():
        return False                # "US GPS", "the Tehran Summit": the country's own thing
    pattern, table = role_table()
    role = pattern.match(text, after.start(1))
    return not role or table[role.group().lower()][0] in ("outlet", "media")


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][^\W\d_]{%d,}(?![\w-])" % (MIN_FUZZY_TOKEN_CHARS - 1))


def _fuzzy_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Capitalised words no alias matched, checked against the gazetteer for misspellings."""
    gaz = gazetteer()
    found = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        alias = None if word in gaz.owners else fuzzy_alias(word)
        if alias is None or word.lower() in gaz.role_words or any(s <= match.start() < e for s, e in taken):
            continue
        # Next to an unknown capitalised word it is part of another name: "Fred Siegel", not Spiegel.
        if alias and not _other_person(text, match.start(), match.end(), gaz.owners[alias]):
            found.append(Mention(match.start(), match.end(), gaz.actors[gaz.owners[alias][0]]))
    return found


def find_mentions(text: str, extra_aliases: dict[str, str] | None = None) -> list[Mention]:
    """Every actor (and place) named in `text`, in text order, without overlaps."""
    extra = {_alias_key(alias).lower(): canonical for alias, canonical in extra_aliases.items()} \
        if extra_aliases else {}
    for key in [k for k in extra if k.startswith("the ")]:   # "the duo" is also "Duo" without its article
        extra.setdefault(key[4:], extra[key])
    mentions, seen = [], []
    spans = _candidate_spans(text, extra)
    for span in spans:
        actor = _actor_for(text, span, seen)
        if actor is not None:
            mentions.append(Mention(span[0], span[1], actor))
            seen.append(actor.name)
    misspelt = _fuzzy_mentions(text, [(s[0], s[1]) for s in spans])
    return sorted(mentions + misspelt, key=lambda m: m.start) if misspelt else mentions


def find_actors(text: str, extra_aliases: dict[str, str] | None = None) -> tuple[str, ...]:
    """Canonical names of the states, organisations and people `text` mentions, first mention first."""
    names: dict[str, None] = {}
    for mention in find_mentions(text, extra_aliases):
        if mention.actor.kind != "place":
            names.setdefault(mention.actor.name, None)
    return tuple(names)


def resolve_actor_name(name: str, extra_aliases: dict[str, str] | None = None) -> str | None:
    """Canonical name for a canonical name or alias in any case ("moscow" -> "Russia"), else None."""
    key = _alias_key(name).lower()
    for alias, canonical in (extra_aliases or {}).items():
        if _alias_key(alias).lower() in (key, "the " + key):
            return canonical
    key = key.removeprefix("the ")
    gaz = gazetteer()
    if key in gaz.lower:
        return gaz.lower[key]
    if " " in key or len(key) < MIN_FUZZY_TOKEN_CHARS or not key.isalpha():
        return None
    alias = fuzzy_alias(key[0].upper() + key[1:])
    return gaz.owners[alias][0] if alias else None
