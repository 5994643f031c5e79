"""What each lexicon file holds: its fields, their types, its key and what it refers to.

One `Schema` a file of `en/`. A list file holds one entry a line (a string); a table file one
record a line, fields separated by ` | `, read into a named tuple whose fields are typed by their
`Field` (a number is an int or a float, a date a checked `YYYY-MM-DD`, a comma or space list a
tuple). The loader in `__init__.py` reads each file once through its schema; the closed
vocabularies a field may take (actor types, role kinds, cue types) are defined here once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.models import CERTAINTIES, SOURCE_TYPES

ACTOR_KINDS = ("country", "organisation", "person", "media", "government_body", "place")
PERSON_ROLES = ("official", "expert", "media", "other", "spokesperson")
ORGANISATION_HEADS = ("body", "state", "institution", "outlet", "group")   # "... Command", "... Institute"
ROLE_KINDS = PERSON_ROLES + ORGANISATION_HEADS + ("anonymous", "pronoun")
CUE_TYPES = ("speech", "thought", "evidence", "denial", "attitude", "stance")
NUMBER_WORD_KINDS = ("cardinal", "weak", "scale", "vague", "fraction", "multiplier")
QUALIFIERS = ("about", "at least", "at most", "up to", "more than", "less than")
QUANTITY_KINDS = ("unit", "vague", "casualty", "zero", "revision")
DATE_UNITS = ("day", "week", "month", "year")
ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def text(value: str) -> str:
    if not value:
        raise ValueError("an empty field")
    return value


def optional(value: str) -> str:
    return value


def integer(value: str) -> int:
    return int(value)


def number(value: str) -> float:
    return float(value)


def iso_day(value: str) -> str:
    try:
        if ISO_DAY_RE.fullmatch(value) and dt.date.fromisoformat(value):
            return value
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a YYYY-MM-DD date")


def optional_iso_day(value: str) -> str:
    return iso_day(value) if value else ""


def comma_list(value: str) -> tuple[str, ...]:
    items = tuple(item.strip() for item in value.split(",") if item.strip())
    if not items:
        raise ValueError("an empty list")
    return items


def word_list(value: str) -> tuple[str, ...]:
    return tuple(text(value).split())


def regex(value: str) -> str:
    try:
        re.compile(value, re.I)
    except re.error as error:
        raise ValueError(f"not a regular expression: {error}") from None
    return value


def one_of(*values: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in values:
            raise ValueError(f"{value!r} is not one of {', '.join(values)}")
        return value
    return check


def words_of(*values: str) -> Callable[[str], tuple[str, ...]]:
    def check(value: str) -> tuple[str, ...]:
        words = word_list(value)
        wrong = [w for w in words if w not in values]
        if wrong:
            raise ValueError(f"{wrong[0]!r} is not one of {', '.join(values)}")
        return words
    return check


def actor_type(value: str) -> str:
    """`person`, `organisation/other`: a kind, then optionally the source type it speaks with."""
    kind, _, source_type = value.partition("/")
    if kind not in ACTOR_KINDS or source_type and source_type not in SOURCE_TYPES:
        raise ValueError(f"type {value!r}: expected one of {', '.join(ACTOR_KINDS)}, optionally /source_type")
    return value


@dataclass(frozen=True)
class Field:
    name: str
    parse: Callable[[str], object] = text
    required: bool = True


@dataclass(frozen=True)
class Schema:
    """A table's fields in order; `rest` takes every field after them (aliases, spellings).
    `key`: the fields that name a record, unique in the file (all fields when empty).
    `refs`: field -> (file, field) whose values it must be one of; `unless` a value that refers
    to nothing ("-")."""

    fields: tuple[Field, ...] = (Field("entry"),)
    rest: Field | None = None
    key: tuple[str, ...] = ()
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)
    unless: str = "-"
    shape: str = "table"


LIST = Schema(shape="list")
REGEX_LIST = Schema(fields=(Field("entry", regex),), shape="list")


def _table(*fields: Field, rest: Field | None = None, key: tuple[str, ...] | None = None, **refs) -> Schema:
    return Schema(fields=fields, rest=rest, key=key if key is not None else (fields[0].name,),
                  refs={name: tuple(ref.split(":")) for name, ref in refs.items()})


SCHEMAS: dict[str, Schema] = {
    # lists: one entry a line
    **{name: LIST for name in (
        "abbreviations.txt", "analysis_denial_framing.txt", "analysis_denial_objects.txt",
        "analysis_doubt_cues.txt", "analysis_figure_nouns.txt", "analysis_reference_nouns.txt",
        "analysis_report_nouns.txt", "analysis_reporting_words.txt", "analysis_responsibility_nouns.txt",
        "analysis_stopwords.txt", "assessment.txt", "colon_labels.txt", "common_verbs.txt",
        "cue_prefixes.txt", "dates_anaphora.txt", "dates_timeless.txt", "denied_report_nouns.txt",
        "event_nouns.txt", "incident_nouns.txt", "incident_sites.txt", "litotes.txt", "named_heads.txt",
        "named_stopwords.txt",
        "named_titles.txt", "negations.txt", "numbers_function_words.txt", "numbers_modifiers.txt",
        "relay_documents.txt", "relay_outlet_nouns.txt")},
    "boilerplate.txt": REGEX_LIST,
    "discourse.txt": REGEX_LIST,
    # tables
    "actors.txt": _table(Field("name"), Field("type", actor_type), rest=Field("aliases")),
    "demonyms.txt": _table(Field("demonym"), Field("country"), country="actors.txt:name"),
    "source_roles.txt": _table(Field("phrase"), Field("kind", one_of(*ROLE_KINDS))),
    "offices.txt": _table(Field("title"), Field("office")),
    "office_holders.txt": _table(Field("country"), Field("office"), Field("person"), Field("start", iso_day),
                                 Field("end", optional_iso_day, required=False),
                                 key=("country", "office", "person", "start"),
                                 country="actors.txt:name", person="actors.txt:name", office="offices.txt:office"),
    "dated_events.txt": _table(Field("date", iso_day), Field("name"), Field("actor"), Field("triggers", comma_list),
                               key=("name",), actor="actors.txt:name"),
    "dates_months.txt": _table(Field("name"), Field("number", integer), rest=Field("abbreviations")),
    "dates_weekdays.txt": _table(Field("name"), Field("number", integer), rest=Field("abbreviations")),
    "dates_relative.txt": _table(Field("phrase"), Field("unit", one_of(*DATE_UNITS)), Field("offset", integer)),
    "dates_cues.txt": _table(Field("cue"), Field("scope", words_of("month", "year"))),
    "dates_tense.txt": _table(Field("phrase"), Field("tense", one_of("future", "past"))),
    "hedges.txt": _table(Field("phrase"), Field("certainty", one_of(*CERTAINTIES))),
    "modality.txt": _table(Field("phrase"), Field("kind", one_of("prediction"))),
    "numbers_words.txt": _table(Field("word"), Field("value", number), Field("kind", one_of(*NUMBER_WORD_KINDS))),
    "numbers_qualifiers.txt": _table(Field("phrase"), Field("qualifier", one_of(*QUALIFIERS))),
    "units_measures.txt": _table(Field("normal"), rest=Field("spellings")),
    "reporting_verbs.txt": _table(Field("lemma"), Field("forms", word_list), Field("type", one_of(*CUE_TYPES)),
                                  Field("certainty", one_of(*CERTAINTIES))),
    "reporting_nouns.txt": _table(Field("noun"), Field("type", one_of(*CUE_TYPES))),
    "reporting_adverbs.txt": _table(Field("adverb"), Field("type", one_of(*CUE_TYPES)),
                                    Field("certainty", one_of(*CERTAINTIES))),
    "stance_nouns.txt": _table(Field("noun"), Field("type", one_of(*CUE_TYPES))),
    "denial_cues.txt": _table(Field("word"), Field("where", one_of("any", "cue", "claim"))),
    "analysis_aliases.txt": _table(Field("country"), rest=Field("aliases"), country="actors.txt:name"),
    "analysis_paraphrases.txt": _table(Field("canonical"), rest=Field("variants")),
    "analysis_quantities.txt": _table(Field("kind", one_of(*QUANTITY_KINDS)), Field("value"), rest=Field("words"),
                                      key=("kind", "value", "words")),
    "analysis_stances.txt": _table(Field("dimension"), Field("side_a", comma_list), Field("side_b", comma_list),
                                   Field("scope", one_of("", "story", "story label"), required=False)),
    "analysis_denial_phrases.txt": _table(Field("phrase"), Field("scope", one_of("any", "attributed"))),
}
