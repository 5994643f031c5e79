"""Actors the text names that the gazetteer does not know: people, companies, groups, hospitals.

A run of capitalised words ("Nordic Micro", "Al-Noor General Hospital", "Anna Lindqvist") that
no alias of the gazetteer covers becomes an actor of the document, named as first written in
full. The text's own aliases point to it: an acronym defined in brackets ("Palestinian Islamic
Jihad (PIJ)"), a shorter tail of the name ("Islamic Jihad", "Stathakopoulos"). A lone capitalised
word at a sentence's start counts only when the text also writes it inside a sentence, so that
"Officials said" or "Hundreds more" are no actors. The gazetteer still canonicalises what it
knows: a run holding any of its aliases ("US President Joe Biden") is left to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import load_list, load_table
from factcheck.pipeline.names.actors import Actor, Mention, gazetteer
from factcheck.pipeline.names.roles import role_table

NAME_WORD = r"(?:[A-Z][\w’'&.-]*[\w]|[A-Z])"
LINKS = r"(?:of|for|de|al|bin|von|van|der|la|le|du)"
RUN_RE = re.compile(rf"(?<![\w’'.-]){NAME_WORD}(?:\s+(?:{LINKS}\s+(?:the\s+)?)?{NAME_WORD})*")
DEFINED_RE = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z&.-]{1,9})\)")
MAX_NAME_WORDS = 6
MIN_TAIL_WORDS = 1
OBJECT_OF = frozenset("at in on of for with by from to into over near about against".split())  # no subject after these
COMPOUND_RE = re.compile(r"-[a-z]+$")     # "San Jose-based", "Saudi-led": a modifier, not a name
# a name only ever written after one of these is a place ("in Wilmington", "off Myrtle Beach"), not an actor
LOCATIVE_RE = re.compile(r"\b(?:in|into|over|near|across|off|from|outside|inside|around|through|toward|towards|"
                         r"between|to)\s+(?:the\s+)?$", re.I)
NAMED_KIND = "named"       # an actor the text names and the gazetteer does not know


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words that start sentences or name times, never an actor on their own."""
    words = {w.lower() for w in load_list("named_stopwords.txt")}
    words |= {w.lower().strip(".") for row in load_table("dates_months.txt") for w in (row[0], *row[2:])}
    words |= {w.lower().strip(".") for row in load_table("dates_weekdays.txt") for w in row}
    words |= {row[0].lower() for row in load_table("demonyms.txt")}
    return frozenset(words)


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(load_list("named_heads.txt"))


SPEECH_AFTER_RE = re.compile(r"(?:[’']s\b|\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|told|tells|denied|denies|"
                             r"claimed|claims|stated|added|reported|announced|insisted|confirmed|wrote|"
                             r"accused|blamed|rejected|refuted|argued|warned)\b"
                             # the subject of a clause: "Amazon discovered", "Apple has never found", "Apple, who"
                             r"|\s+(?:has|have|had|is|was|were|will|would|could|did|does|also|never|later|then)\s+[a-z]"
                             r"|\s+[a-z]{3,}ed\s+(?:the|a|an|that|its|their|his|her|to|on|in)\b|,\s+who\b)")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Last words of the roles a person or outlet holds before a name ("spokesman", "Adm.", "CEO")."""
    table = role_table()[1]
    return frozenset(phrase.split()[-1].strip(".") for phrase, (kind, _) in table.items()
                     if kind in ("official", "spokesperson", "expert", "outlet", "media")) \
        | set(load_list("named_titles.txt"))


def _acts(text: str, start: int, end: int, words: list[str]) -> bool:
    """What shows a name to be an actor's: a head noun ("... Hospital", "the Al-Noor hospital",
    "the firm Super Micro"), a role before it ("spokesman Tom Bell"), or speech after it ("Apple
    said", "Apple’s")."""
    before = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, start - 30):start])
    after = re.match(r"\s+([a-z]+)", text[end:end + 30])
    word_before = before.group(1).lower() if before else ""
    return (words[-1].lower() in _heads() or bool(after) and after.group(1) in _heads()
            or word_before in _heads() or word_before in _titles()
            or word_before not in OBJECT_OF and bool(SPEECH_AFTER_RE.match(text, end)))


def _trim(words: list[str]) -> list[str]:
    """The run without titles and roles before the name, nor link words at its ends."""
    gaz = gazetteer()
    while words and (words[0].lower().strip(".") in gaz.role_words or words[0].lower() in _not_names()
                     or words[0].lower() in gaz.common_words):
        words = words[1:]
    while words and re.fullmatch(LINKS + "|the", words[-1]):
        words = words[:-1]
    return [w[:-2] if w.endswith(("’s", "'s")) and w is words[-1] else w for w in words]


def _known(name: str) -> bool:
    """True when a gazetteer alias lies in the name: the gazetteer speaks for it; except a city
    that ends a person's name ("Ana Lima" is no Peru): a given name, unknown, before it."""
    gaz = gazetteer()
    if name.lower() in gaz.lower:
        return True
    found = list(gaz.pattern.finditer(name))
    if not found:
        return False
    words = name.split()
    last = found[-1]
    city_surname = (len(found) == 1 and 2 <= len(words) <= 3 and last.start() > 0 and last.end() == len(name)
                    and " " not in last.group() and gaz.actors[gaz.owners[last.group()][0]].kind == "country"
                    and last.group() != gaz.owners[last.group()][0]
                    and not any(w.lower().strip(".") in gaz.role_words for w in words[:-1]))
    return not city_surname


def named_actors(sentences: list[tuple[int, str]]) -> dict[str, str]:
    """alias as written -> canonical name, for the actors the text names beyond the gazetteer.
    `sentences`: (offset, text) of the sentences that may hold claims, in order."""
    inside: set[str] = set()
    acting: set[str] = set()                            # names written once at least not as a place
    runs: list[tuple[str, bool, str | None]] = []      # (name, at sentence start, defined acronym)
    for _, text in sentences:
        place, reach = False, -1
        for match in _runs(text):
            words = _trim(match.group().split())
            # "in Wilmington, Myrtle Beach and Charleston": a list goes on as it began
            listed = reach >= 0 and re.fullmatch(r",\s*|\s+and\s+|,\s+and\s+|\s+or\s+", text[reach:match.start()])
            place = bool(LOCATIVE_RE.search(text, 0, match.start())) or bool(listed) and place
            reach = match.end()
            if not words or len(words) > MAX_NAME_WORDS or any(c.isdigit() for c in match.group()) \
                    or COMPOUND_RE.search(words[-1]):
                continue
            name = " ".join(words)
            if not place and _acts(text, match.start(), match.end(), words):
                acting.add(name)
            at_start = not text[:match.start()].strip(" “\"‘'(") and words[0] == match.group().split()[0]
            defined = DEFINED_RE.match(text, match.end())
            runs.append((name, at_start, defined.group("short") if defined else None))
            if not at_start:
                inside.add(name)
    tails = {" ".join(n.split()[k:]) for n in acting if " " in n for k in range(1, len(n.split()))}
    inside |= tails                                    # "Reyes added" after "Tomas Reyes said"
    stripped = []
    for name, at_start, short in runs:
        own = _without_opener(name, inside) if at_start else name
        if name in acting:
            acting.add(own)
        stripped.append((own, at_start, short))
    runs = stripped
    aliases: dict[str, str] = {}
    for name, at_start, short in runs:
        if _known(name) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", name) or name.lower() in _not_names() \
                or name.isupper() and len(name) <= 2:
            continue
        if " " not in name and name not in inside or name not in acting and not short:
            continue
        aliases.setdefault(name, name)
        if short and not _known(short):
            aliases.setdefault(short, name)
    return _merged(aliases)


def _runs(text: str):
    """RUN_RE's runs, each cut at a title inside it ("Apple CEO Cook" is "Apple" and "Cook") and
    after a possessive ("Mosul's Al-Noor" is "Mosul" and "Al-Noor")."""
    for match in RUN_RE.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        # a title that ends the run is the name's head: "Amazon Web Services", "the Secret Service"
        cuts = [m for m in words[:-1] if m.group().lower().strip(".") in _titles()]
        cuts += [_Possessor(m) for m in words[:-1] if m.group().endswith(("’s", "'s"))]
        cuts.sort(key=lambda m: m.start())
        if not cuts or cuts[0].start() == 0 and len(cuts) == 1:
            yield match
            continue
        cursor = match.start()
        for cut in cuts + [None]:
            stop = match.start() + cut.start() if cut else match.end()
            piece = RUN_RE.search(text, cursor, stop)
            if piece and piece.end() <= stop:
                yield piece
            cursor = match.start() + cut.end() if cut else stop


class _Possessor:
    """A possessive word as a cut: the run ends with it ("Mosul's") and goes on after it."""

    def __init__(self, match: re.Match) -> None:
        self._match = match

    def start(self) -> int:
        return self._match.end()

    def end(self) -> int:
        return self._match.end()


def _without_opener(name: str, inside: set[str]) -> str:
    """'Fighters of the Popular Resistance Front' at a sentence's start is the Front's name, unless
    the text writes 'Fighters' as a name elsewhere."""
    match = re.match(r"(\S+) of (?:the )?(.+)$", name)
    return match.group(2) if match and match.group(1) not in inside else name


def _merged(aliases: dict[str, str]) -> dict[str, str]:
    """Each name as the longest name of the text it ends: "Islamic Jihad" and "PIJ" are
    "Palestinian Islamic Jihad", "Stathakopoulos" "Anna Lindqvist". (A name that begins a
    longer one is often a place the longer one is named after: "Vell" and "Vell Port Authority".)
    A tail that ends several names ("Smith" after "John Smith" and "Mary Smith") goes to the one
    with most words, and among those to the one the text names first: a story introduces a person
    in full before it shortens the name, so the first full name is the one a later surname most
    often continues. `aliases` is in the order the text first writes each name."""
    fulls = sorted(dict.fromkeys(aliases.values()), key=lambda n: -len(n.split()))   # stable: first mention
    out = {}
    for alias, name in aliases.items():
        words = name.split()
        longer = next((f for f in fulls if len(f.split()) > len(words)
                       and f.split()[-len(words):] == words), None)
        out[alias] = longer or name
    return out


def named_mentions(text: str, aliases: dict[str, str], taken: list[tuple[int, int]]) -> list[Mention]:
    """The mentions in `text` of the document's own actors (`named_actors`), as written, outside
    the spans the gazetteer already took."""
    if not aliases:
        return []
    found = []
    for match in _alias_pattern(tuple(sorted(aliases, key=len, reverse=True))).finditer(text):
        # a name of the text's own holds no shorter name of the gazetteer: "Ana Lima", not Lima
        if not any(s < match.end() and match.start() < e and not (match.start() <= s and e <= match.end()
                                                                  and e - s < match.end() - match.start())
                   for s, e in taken):
            found.append(Mention(match.start(), match.end(), Actor(aliases[match.group()], NAMED_KIND, "other")))
    return found


@lru_cache(maxsize=64)
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")
