"""Rules kept as data: one loader for the word lists and tables in `lexicon/en/`.

Formats (see README.md beside this file; each file's fields are declared in `schema.py`):
- list files: one entry a line; `#` starts a comment; blank lines are skipped.
- table files: fields separated by ` | `, one record a line.
`records` reads a file once, checks every line against its schema (field count, types, closed
vocabularies, references into other files) and returns typed records; a bad line raises
`LexiconError` naming the file and line. `load_list` and `load_table` are views of the same read.
"""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.lexicon.schema import SCHEMAS, Schema

LEXICON_DIR = Path(__file__).resolve().parent / "en"


class LexiconError(FactcheckError):
    """A lexicon file is malformed."""


def lexicon_files() -> tuple[str, ...]:
    """The names of every lexicon file, sorted."""
    return tuple(sorted(path.name for path in LEXICON_DIR.iterdir() if path.suffix == ".txt"))


def _lines(name: str):
    path = LEXICON_DIR / name
    if not path.exists():
        raise LexiconError(f"lexicon file {path} is missing; reinstall factcheck")
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            yield number, line


def _schema(name: str) -> Schema:
    if name not in SCHEMAS:
        raise LexiconError(f"{LEXICON_DIR / name}: no schema; declare its fields in factcheck/lexicon/schema.py")
    return SCHEMAS[name]


@lru_cache(maxsize=None)
def record_type(name: str) -> type:
    """The named tuple a table file's lines are read into."""
    schema = _schema(name)
    names = [f.name for f in schema.fields] + ([schema.rest.name] if schema.rest else [])
    return namedtuple(name.removesuffix(".txt").title().replace("_", "") + "Record", names)


@lru_cache(maxsize=None)
def _read(name: str) -> tuple[tuple[int, tuple[str, ...], object], ...]:
    """(line number, raw fields, typed record) of every line of `name`: the one read of the file."""
    schema = _schema(name)
    rows = []
    for number, line in _lines(name):
        fields = (line,) if schema.shape == "list" else tuple(f.strip() for f in line.split("|"))
        try:
            rows.append((number, fields, _typed(name, schema, fields)))
        except ValueError as error:
            raise LexiconError(f"{LEXICON_DIR / name}:{number}: {error} in {line!r}") from None
    for field, (target, target_field) in schema.refs.items():
        known = {getattr(r, target_field) for r in records(target)}
        for number, _, record in rows:
            value = getattr(record, field)
            if value != schema.unless and value not in known:
                raise LexiconError(f"{LEXICON_DIR / name}:{number}: {field} {value!r} is no {target_field} "
                                   f"in {target}")
    return tuple(rows)


def _typed(name: str, schema: Schema, fields: tuple[str, ...]):
    if schema.shape == "list":
        return schema.fields[0].parse(fields[0])
    required = sum(f.required for f in schema.fields)
    if len(fields) < required or len(fields) > len(schema.fields) and not schema.rest:
        shape = " | ".join(f.name for f in schema.fields) + (f" | {schema.rest.name} ..." if schema.rest else "")
        raise ValueError(f"expected {shape}, got {len(fields)} fields")
    values = [f.parse(fields[n] if n < len(fields) else "") for n, f in enumerate(schema.fields)]
    if schema.rest:
        values.append(tuple(schema.rest.parse(v) for v in fields[len(schema.fields):]))
    return record_type(name)(*values)


@lru_cache(maxsize=None)
def records(name: str) -> tuple:
    """The typed records of `name` in file order: strings for a list file, named tuples for a table."""
    return tuple(record for _, _, record in _read(name))


def numbered_records(name: str) -> tuple[tuple[int, object], ...]:
    """(line number, record) of every record of `name`, for checks that name the line."""
    return tuple((number, record) for number, _, record in _read(name))


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """Entries of a list file, in file order, without duplicates."""
    if _schema(name).shape != "list":
        raise LexiconError(f"{LEXICON_DIR / name} is a table; read it with records() or load_table()")
    return tuple(dict.fromkeys(records(name)))


@lru_cache(maxsize=None)
def load_table(name: str, min_fields: int = 1) -> tuple[tuple[str, ...], ...]:
    """The fields of every line of a table file as written (strings), after `records` checked them;
    a caller that unpacks `min_fields` fields is told of a schema that allows fewer."""
    if _schema(name).shape != "table":
        raise LexiconError(f"{LEXICON_DIR / name} is a list; read it with load_list()")
    rows = _read(name)
    short = next((number for number, fields, _ in rows if len(fields) < min_fields), None)
    if short is not None:
        raise LexiconError(f"{LEXICON_DIR / name}:{short}: expected at least {min_fields} fields separated by ' | '")
    return tuple(fields for _, fields, _ in rows)
