"""Records -> text in the machine formats: JSON, JSON Lines, CSV. Pure: strings out, no printing."""

from __future__ import annotations

import csv
import io
import json

from factcheck.render.records import CLAIM_FIELDS, flat_cell
from factcheck.render.safe import defuse_cell, json_safe


def to_json(value) -> str:
    """Indented JSON, non-ASCII kept as is (quotes stay readable), keys in record order; made safe
    to show and to embed (see `safe.json_safe`)."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def to_jsonl(records) -> str:
    """One compact JSON object a line."""
    return "".join(json_safe(json.dumps(record, ensure_ascii=False)) + "\n" for record in records)


def to_csv(records, fields=None) -> str:
    """A header and one row a record; lists and spans flattened (see `flat_cell`); a text cell
    that a spreadsheet would run as a formula is defused (see `safe.defuse_cell`)."""
    records = list(records)
    fields = list(fields or (records[0].keys() if records else CLAIM_FIELDS))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(record.get(field)) for field in fields])
    return buffer.getvalue()


def _cell(value) -> str:
    # numbers are data, not formulas: a negative score stays "-0.5"
    return flat_cell(value) if isinstance(value, (int, float)) else defuse_cell(flat_cell(value))


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
