"""Records -> text in the machine formats: JSON, JSON Lines, CSV. Pure: strings out, no printing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping

from factcheck.render.records import CLAIM_FIELDS, flat_cell
from factcheck.render.safe import defuse_cell, json_safe

EXPORT_GROUPS = ("documents", "claims", "relations")   # the export's records, in this order


def to_json(value) -> str:
    """Indented JSON, non-ASCII kept as is (quotes stay readable), keys in record order; made safe
    to show and to embed (see `safe.json_safe`)."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def to_jsonl(records) -> str:
    """One compact JSON object a line."""
    return "".join(jsonl_chunks(records))


def jsonl_chunks(records) -> Iterator[str]:
    """`to_jsonl`, a line at a time."""
    for record in records:
        yield json_safe(json.dumps(record, ensure_ascii=False)) + "\n"


def json_array_chunks(records, depth: int = 0) -> Iterator[str]:
    """A list of records as `to_json` lays it out when it stands `depth` levels deep (without the
    final newline), a record at a time, so a long list is never held whole."""
    outer, inner = "  " * depth, "  " * (depth + 1)
    first = True
    for record in records:
        lines = json_safe(json.dumps(record, ensure_ascii=False, indent=2)).split("\n")
        yield ("[\n" if first else ",\n") + "\n".join(inner + line for line in lines)
        first = False
    yield "[]" if first else "\n" + outer + "]"


def json_chunks(records) -> Iterator[str]:
    """`to_json(list(records))`, a record at a time."""
    yield from json_array_chunks(records)
    yield "\n"


def csv_chunks(records, fields) -> Iterator[str]:
    """`to_csv(records, fields)` with `fields` given, a row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(record.get(field)) for field in fields])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def to_csv(records, fields=None) -> str:
    """A header and one row a record; lists and spans flattened (see `flat_cell`); a text cell
    that a spreadsheet would run as a formula is defused (see `safe.defuse_cell`)."""
    records = list(records)
    fields = list(fields or (records[0].keys() if records else CLAIM_FIELDS))
    return "".join(csv_chunks(records, fields))


def _cell(value) -> str:
    # numbers are data, not formulas: a negative score stays "-0.5"
    return flat_cell(value) if isinstance(value, (int, float)) else defuse_cell(flat_cell(value))


def export_chunks(groups: Mapping[str, Iterable[dict]], fmt: str) -> Iterator[str]:
    """`export_text` of the records in `groups` ("documents", "claims", "relations": iterables,
    read once, in that order), a record at a time."""
    if fmt == "jsonl":
        for name in EXPORT_GROUPS:
            yield from jsonl_chunks(groups[name])
    elif fmt == "json":
        for number, name in enumerate(EXPORT_GROUPS):
            yield ("{\n" if number == 0 else ",\n") + f'  "{name}": '
            yield from json_array_chunks(groups[name], depth=1)
        yield "\n}\n"
    elif fmt == "csv":
        yield from csv_chunks(groups["claims"], CLAIM_FIELDS[1:])
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def export_text(records, fmt: str) -> str:
    """The export of documents, claims and relations (records with a "type") in `fmt`.

    jsonl: every record a line, documents first, then claims, then relations.
    json:  {"documents": [...], "claims": [...], "relations": [...]}.
    csv:   the claims only, one row each (documents and relations do not fit one table).
    """
    records = list(records)
    if fmt == "jsonl":
        return to_jsonl(records)
    groups = {"documents": [], "claims": [], "relations": []}
    for record in records:
        groups[record["type"] + "s"].append(record)
    if fmt == "json":
        return to_json(groups)
    if fmt == "csv":
        return to_csv(groups["claims"], CLAIM_FIELDS[1:])
    raise ValueError(f"unknown export format {fmt!r}")
