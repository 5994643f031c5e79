"""Who a sentence's words refer to: names, offices, pair phrases and pronouns, resolved in context.

A claim is about the participants it names and those it points to: "the Russian president"
(the holder, `offices.py`), "the two countries" (the two last named together), "he", "it",
"they" and "his country" (what an earlier subject or name stands for). `read_sentence` finds and
resolves them for one sentence, left to right, against what the `Discourse` remembers of the
sentences before; a reference it cannot resolve without guessing is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from factcheck.patterns import compile_fast
from factcheck.pipeline import dates
from factcheck.pipeline.names import actors as actor_stage
from factcheck.pipeline.names import named as named_stage
from factcheck.pipeline.names import offices
from factcheck.pipeline.names.clauses import WORD_RE, Clause, Ref, find_clauses

RECENT_SENTENCES = 5          # how far back "the two countries" and pronouns look for a referent
RECENT_MENTIONS = 40          # country mentions counted when no pair was named together

PAIR_RE = compile_fast(r"\b(?:the two (?:countries|sides|parties|nations|states|governments|capitals)|"
                       r"both (?:countries|sides|nations|governments))\b", re.I)
PRONOUN_RE = compile_fast(r"\b(?:(?P<owner>his|her|their|its)\s+(?:own\s+)?(?P<home>country|countries|"
                          r"government|governments|nation)\b|(?P<pronoun>he|him|his|she|her|it|its|they|them|"
                          r"their))\b", re.I)
# "It is likely that", "it would be premature to": "it" standing for nothing.
EXPLETIVE_IT = re.compile(r"\s+(?:is|was|would|will|may|might|could|should|must|can|seems|seemed|appears|"
                          r"appeared|remains|"
                          r"remained|has been|had been)\b(?:\s+\w+){0,3}?\s+(?:that|to|whether|if|how|why)\b",
                          re.I)
PERSON_PRONOUNS = frozenset("he him his she her".split())
OBJECT_PRONOUNS = frozenset("him her them".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
# Between the members of a group named together: "Russia and Iran", "Russian-Iranian",
# "between Moscow and Tehran", "Russia, China, and Iran".
GROUP_JOINER = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*[-–/]\s*)$")


@dataclass(frozen=True)
class SentenceRefs:
    """A sentence read: its references in text order and its clauses."""

    refs: tuple[Ref, ...]
    clauses: tuple[Clause, ...]
    groups: tuple[tuple[str, ...], ...] = ()   # names named together ("Russia and Iran"), in order

    def subject_before(self, at: int) -> tuple[Ref, ...]:
        """The subject of the nearest clause whose subject stands before `at`."""
        for clause in reversed(self.clauses):
            if clause.subject and clause.subject[-1].end <= at:
                return clause.subject
        return ()


@dataclass
class Discourse:
    """What the sentences read so far leave for the next: their references, newest last."""

    sentences: list[SentenceRefs] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    def note(self, sentence: SentenceRefs) -> None:
        self.sentences = (self.sentences + [sentence])[-RECENT_SENTENCES:]
        self.countries = (self.countries + [n for r in sentence.refs for n in r.names
                                            if actor_stage.is_country(n)])[-RECENT_MENTIONS:]


def names_of(refs, start: int, end: int) -> tuple[str, ...]:
    """The names referred to within [start, end), first reference first."""
    found: dict[str, None] = {}
    for ref in refs:
        if start <= ref.start and ref.end <= end:
            for name in ref.names:
                found.setdefault(name, None)
    return tuple(found)


def is_person(name: str) -> bool:
    actor = actor_stage.gazetteer().actors.get(name)
    return actor is not None and actor.kind == "person"


def read_sentence(text: str, offset: int, published: str | None, discourse: Discourse,
                  aliases: dict[str, str] | None = None, named: dict[str, str] | None = None) -> SentenceRefs:
    """Every reference of the sentence `text` (which starts at document offset `offset`),
    resolved. An office is held on the sentence's first date, else on the publication date.
    `named`: the document's own actors beyond the gazetteer (`named.named_actors`)."""
    known = actor_stage.find_mentions(text, aliases)
    mentions = [m for m in known if m.actor.kind != "place"]
    if named:
        own = named_stage.named_mentions(text, named, [(m.start, m.end) for m in known])
        mentions = sorted([m for m in mentions if not any(o.start <= m.start and m.end <= o.end for o in own)]
                          + own, key=lambda m: m.start) if own else mentions
    countries = [(m.start, m.end, m.actor.name) for m in mentions if m.actor.kind == "country"]
    found = [(o.start, o.end, o) for o in offices.find_office_mentions(text, countries)]
    found += [(m.start, m.end, m.actor.name) for m in mentions]
    found += [(m.start(), m.end(), "pair") for m in PAIR_RE.finditer(text)]
    found += [(m.start(), m.end(), m) for m in PRONOUN_RE.finditer(text)]
    reading = Reading(text, published, discourse, tuple(dict.fromkeys(c[2] for c in countries)),
                      tuple(Ref(m.start, m.end, (m.actor.name,), "name") for m in mentions))
    reach = -1
    for start, end, what in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if start < reach:
            continue                        # inside an office phrase: "Russian" of "Russian president"
        resolved = reading.resolve(start, end, what)
        if resolved is not None:
            reading.refs.append(Ref(start, end, *resolved))
            reach = end
    return _shifted(reading, offset)


def _shifted(reading: "Reading", offset: int) -> SentenceRefs:
    def move(ref: Ref) -> Ref:
        return Ref(ref.start + offset, ref.end + offset, ref.names, ref.kind)
    clauses = find_clauses(reading.text, reading.refs)
    return SentenceRefs(tuple(move(r) for r in reading.refs),
                        tuple(Clause(c.start + offset, tuple(move(r) for r in c.subject)) for c in clauses),
                        tuple(find_groups(reading.text, reading.refs)))


@dataclass
class Reading:
    """One sentence being read: its text, the references resolved so far, what came before."""

    text: str
    published: str | None
    discourse: Discourse
    countries: tuple[str, ...]              # every country the sentence names, for cataphora
    names: tuple[Ref, ...]                  # every name in the sentence, for a subject after "his"
    refs: list[Ref] = field(default_factory=list)

    def resolve(self, start: int, end: int, what) -> tuple[tuple[str, ...], str] | None:
        if isinstance(what, str) and what != "pair":
            return (what,), "name"
        if isinstance(what, offices.OfficeMention):
            return self.office(what)
        if what == "pair":
            pair = self.pair(start)
            return (pair, "pair") if pair else None
        return self.pronoun(what)

    @cached_property
    def period(self) -> tuple[str, str] | None:
        """The days the sentence speaks of, looked up only when it names an office."""
        return offices.period_of(dates.resolve_when(self.text, self.published) or self.published)

    def office(self, mention: offices.OfficeMention) -> tuple[tuple[str, ...], str] | None:
        office = mention.office
        if office is None:                  # "his Iranian counterpart": the office of "his"
            other = self.person_before(mention.start)
            held = [o for c, o in offices.offices_held(other, self.period) if c not in mention.countries] \
                if other else []
            office = held[0] if held else None
        holders = tuple(offices.holder(c, office, self.period) for c in mention.countries) if office else ()
        if not holders or None in holders:
            return None                     # unknown holder: the demonym still names its country
        return holders, "office"

    def person_before(self, at: int, other_than: str | None = None) -> str | None:
        """The person 'he' or 'his' at `at` stands for: the subject of its clause, else the last
        person named before it in the sentence, else the subject of the sentence before."""
        earlier = [r for r in self.refs if r.end <= at]
        for clause in reversed(self.clauses_before(at, earlier)):
            people = {n for r in clause.subject for n in r.names if is_person(n)} - {other_than}
            if len(people) == 1:
                return people.pop()
        people = [n for r in earlier for n in r.names if is_person(n) and n != other_than]
        if people:
            return people[-1]
        if not earlier and self.text[:at].count(",") == 0:
            later = [n for n in self.subject_after(at) if is_person(n)]
            if len(set(later)) == 1:        # "During his visit to Moscow, Raisi announced ..."
                return later[0]
        return _previous_subject(self.discourse, person=True, other_than=other_than)

    def clauses_before(self, at: int, earlier) -> list[Clause]:
        return [c for c in find_clauses(self.text, earlier) if c.start < at]

    def subject_after(self, at: int) -> tuple[str, ...]:
        """The subject of the main clause when `at` lies in the sentence's opening adverbial."""
        clauses = find_clauses(self.text, self.names)
        first = clauses[0] if clauses else None
        if first and first.start <= at and first.subject and first.subject[0].start > at:
            return tuple(n for r in first.subject for n in r.names)
        return ()
    def pair(self, at: int) -> tuple[str, ...] | None:
        """'the two countries': the last two countries named together before, in this sentence or
        a recent one; else the two this sentence names ("Despite the two countries' ties, Iran
        ... Moscow"); else the two named most often lately."""
        earlier = [r for r in self.refs if r.end <= at]
        for group in reversed(find_groups(self.text, earlier)):
            if len(group) == 2 and all(actor_stage.is_country(n) for n in group):
                return group
        for sentence in reversed(self.discourse.sentences):
            for group in reversed(sentence.groups):
                if len(group) == 2 and all(actor_stage.is_country(n) for n in group):
                    return group
        if len(self.countries) == 2:
            return self.countries
        recent = self.discourse.countries + [n for r in earlier for n in r.names if actor_stage.is_country(n)]
        counts = Counter(recent)
        ranked = sorted(counts, key=lambda c: (-counts[c], -max(i for i, x in enumerate(recent) if x == c)))
        return tuple(ranked[:2]) if len(ranked) >= 2 else None

    def pronoun(self, match: re.Match) -> tuple[tuple[str, ...], str] | None:
        at = match.start()
        if match.group("home"):             # "his country", "its government"
            owner = match.group("owner").lower()
            if owner in ("his", "her"):
                person = self.person_before(at)
                home = offices.home_country(person) if person else None
                return ((home,), "home") if home else None
            names = self.thing_before(at) if owner == "its" else None
            return (names, "home") if names else None
        word = match.group("pronoun").lower()
        if word in PERSON_PRONOUNS:
            subject = self.clause_person(at) if word in OBJECT_PRONOUNS else None
            person = self.person_before(at, other_than=subject)
            return ((person,), "pronoun") if person and person != subject else None
        if word in PLURAL_PRONOUNS:
            names = self.group_before(at, word)
            return (names, "pronoun") if names else None
        if word == "it" and (EXPLETIVE_IT.match(self.text, match.end()) or not self.clause_initial(at)):
            return None                     # "it is likely that"; "called it a satellite"
        names = self.thing_before(at, subject_only=word == "it")
        return (names, "pronoun") if names else None

    def clause_person(self, at: int) -> str | None:
        """The person the subject of the clause around `at` names ("he" of "he phoned him")."""
        earlier = [r for r in self.refs if r.end <= at]
        clauses = self.clauses_before(at, earlier)
        people = {n for r in clauses[-1].subject for n in r.names if is_person(n)} if clauses else set()
        return people.pop() if len(people) == 1 else None

    def clause_initial(self, at: int) -> bool:
        words = WORD_RE.findall(self.text[:at])
        return not words or words[-1] in (",", ";", ":", "—", "–") and (len(words) < 2 or words[-2] != "that") \
            or words[-1].lower() in ("and", "but", "while", "whereas", "because", "since", "as", "so")

    def thing_before(self, at: int, subject_only: bool = False) -> tuple[str, ...] | None:
        """What 'it' or 'its' at `at` stands for: a state or body, the subject of an earlier clause
        or, for 'its', the last one named before it; else the previous sentence's subject."""
        earlier = [r for r in self.refs if r.end <= at]
        clauses = self.clauses_before(at, earlier)
        for clause in reversed(clauses):
            names = [n for r in clause.subject for n in r.names]
            if names and not any(is_person(n) for n in names) and len(clause.subject) == 1:
                return tuple(dict.fromkeys(names))
            if names:
                break
        if not subject_only:
            for ref in reversed(earlier):
                if len(ref.names) == 1 and not is_person(ref.names[0]) and ref.kind != "pronoun":
                    return ref.names
        if earlier and subject_only:
            return None                     # a subject of its own clause would have been found
        return _previous_things(self.discourse)

    def group_before(self, at: int, word: str) -> tuple[str, ...] | None:
        """What 'they' or 'their' at `at` stands for: an earlier plural subject, else the last
        group named together, here or in a recent sentence."""
        earlier = [r for r in self.refs if r.end <= at]
        for clause in reversed(self.clauses_before(at, earlier)):
            names = tuple(dict.fromkeys(n for r in clause.subject for n in r.names))
            if len(names) >= 2:
                return names
        groups = find_groups(self.text, earlier)
        if groups:
            return groups[-1]
        if word == "them" and not self.clause_initial(at):
            return None                     # "drills with them": allies, partners, anything
        for sentence in reversed(self.discourse.sentences[-2:]):
            if sentence.groups:
                return sentence.groups[-1]
        return None


def _previous_things(discourse: Discourse) -> tuple[str, ...] | None:
    """The states or bodies the previous sentence's first subject names (not a person)."""
    if not discourse.sentences or not discourse.sentences[-1].clauses:
        return None
    names = tuple(dict.fromkeys(n for r in discourse.sentences[-1].clauses[0].subject for n in r.names))
    return names if names and not any(is_person(n) for n in names) else None


def _previous_subject(discourse: Discourse, person: bool, other_than: str | None = None) -> str | None:
    """The one person (or the one non-person) the previous sentence's first subject names."""
    if not discourse.sentences:
        return None
    last = discourse.sentences[-1]
    subject = last.clauses[0].subject if last.clauses else ()
    names = {n for r in subject for n in r.names if is_person(n) == person} - {other_than}
    if not subject and person:              # no subject found: the one person it names, if any
        names = {n for r in last.refs for n in r.names if is_person(n)} - {other_than}
    return names.pop() if len(names) == 1 else None


def find_groups(text: str, refs) -> list[tuple[str, ...]]:
    """Names named together, in text order: "Russia and Iran", "Russian-Iranian", "Russia,
    China, and Iran" (references joined by 'and', 'or', commas, a hyphen or a slash)."""
    groups, run = [], []
    for ref in refs:
        if run and GROUP_JOINER.match(text[run[-1].end:ref.start]):
            run.append(ref)
            continue
        if len(run) > 1:
            groups.append(run)
        run = [ref]
    if len(run) > 1:
        groups.append(run)
    out = []
    for group in groups:
        names = tuple(dict.fromkeys(n for r in group for n in r.names))
        if len(names) > 1:
            out.append(names)
    return out


def claim_actors(sentence: SentenceRefs, start: int, end: int, inherits: bool,
                 head: tuple[str, ...], context: tuple[int, int], source: str = "") -> tuple[str, ...]:
    """Who the claim at [start, end) is about: what it names and what its words refer to. A part
    cut from a longer span that shares its subject ("..., backing Iran", "and is ready to react")
    takes that subject's participants too (the person of "Russian President Vladimir Putin");
    a pronoun standing for the claim's own source ("his concern") adds no one; a claim that
    refers to no one is about those its head, else its sentence, names."""
    own = names_of([r for r in sentence.refs if r.kind != "pronoun" or source not in r.names], start, end)
    if inherits and not _own_subject(sentence, start, end):
        subject = [n for r in sentence.subject_before(start) for n in r.names]
        people = [n for n in subject if is_person(n)]
        shared = tuple(dict.fromkeys(people or subject)) or (head[:1] if own else head)
        return tuple(dict.fromkeys(shared + own)) or names_of(sentence.refs, *context)
    return own or head or names_of(sentence.refs, *context)


def _own_subject(sentence: SentenceRefs, start: int, end: int) -> bool:
    """Whether a clause of the part has a subject inside the part ("Ankara keeps ...")."""
    return any(start <= c.start < end and c.subject and start <= c.subject[0].start for c in sentence.clauses)


def pair_in(sentence: SentenceRefs, start: int, end: int) -> tuple[str, ...]:
    """The pair 'the two countries' stands for in [start, end), if it was resolved."""
    return next((r.names for r in sentence.refs if r.kind == "pair" and start <= r.start and r.end <= end), ())
