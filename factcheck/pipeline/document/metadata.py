"""A metadata file -> each document's title, author, publisher, publication date and url.

What a user knows of the articles they ingest (a spreadsheet of them, an export of a crawler)
is handed over as one file beside the folder, `ingest DIR --metadata FILE`: CSV with a header,
or JSON Lines, one object per document. The column `file` names the document by its path
relative to the folder; the others are those of front matter. An empty cell says nothing (the
document keeps what its own front matter or page says); a date is checked as front matter's is.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from factcheck.errors import InputError
from factcheck.pipeline.document.published import normalize_date
from factcheck.pipeline.document.read import METADATA_FIELDS, decode_text

FILE_COLUMN = "file"
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass
class MetadataTable:
    """Rows of a metadata file: relative path (POSIX form) -> the fields given, with warnings."""

    rows: dict[str, dict] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)      # relative path -> line in the file
    warnings: list[str] = field(default_factory=list)


def read_metadata(path: Path | str) -> MetadataTable:
    """Parse a CSV or JSON Lines metadata file; InputError (with its line) when it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such metadata file; check the path given to --metadata") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read the metadata file ({error.strerror})") from None
    text, _ = decode_text(data, path)
    if not text.strip():
        raise InputError(f"{path}: the metadata file is empty; give a header "
                         f"({','.join((FILE_COLUMN,) + METADATA_FIELDS)}) and one row per document")
    json_lines = path.suffix.lower() in JSON_LINES_SUFFIXES or text.lstrip().startswith("{")
    records = _json_lines(text, path) if json_lines else _csv_rows(text, path)
    table = MetadataTable()
    unknown: set[str] = set()
    for line, record in records:
        name = _relative_name(record.get(FILE_COLUMN), path, line)
        if name in table.rows:
            raise InputError(f"{path}:{line}: {name!r} is listed twice (first on line "
                             f"{table.lines[name]}); keep one row per document")
        unknown.update(key for key in record if key not in METADATA_FIELDS and key != FILE_COLUMN)
        table.rows[name] = _fields(record, path, line)
        table.lines[name] = line
    if unknown:
        table.warnings.append(f"{path.name}: column(s) {', '.join(sorted(unknown))} ignored "
                              f"(known: {', '.join((FILE_COLUMN,) + METADATA_FIELDS)})")
    return table


def _csv_rows(text: str, path: Path) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    if FILE_COLUMN not in header:
        raise InputError(f"{path}:1: the header has no {FILE_COLUMN!r} column; start the file with "
                         f"{','.join((FILE_COLUMN,) + METADATA_FIELDS)}")
    reader.fieldnames = header
    rows = []
    for row in reader:
        if not any((value or "").strip() for key, value in row.items() if key is not None):
            continue                                   # a blank line
        if None in row:
            raise InputError(f"{path}:{reader.line_num}: more cells than the header has columns; "
                             "quote cells that hold commas")
        rows.append((reader.line_num, row))
    return rows


def _json_lines(text: str, path: Path) -> list[tuple[int, dict]]:
    rows = []
    for line, content in enumerate(text.splitlines(), 1):
        if not content.strip():
            continue
        try:
            record = json.loads(content)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{line}: not a JSON object ({error.msg}); "
                             "write one object per line") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}:{line}: not a JSON object; write one object per line")
        rows.append((line, record))
    return rows


def _relative_name(value, path: Path, line: int) -> str:
    written = str(value).strip() if value is not None else ""
    if not written:
        raise InputError(f"{path}:{line}: no {FILE_COLUMN!r} given; name the document by its path "
                         "inside the folder ingested")
    relative = PurePosixPath(written.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts:
        raise InputError(f"{path}:{line}: {written!r} is not a path inside the folder ingested; "
                         "give it relative to the folder (e.g. 'articles/one.txt')")
    return relative.as_posix()


def _fields(record: dict, path: Path, line: int) -> dict:
    fields = {}
    for key in METADATA_FIELDS:
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, (dict, list, bool)):
            raise InputError(f"{path}:{line}: {key!r} must be a single text value")
        if key == "published":
            try:
                value = normalize_date(value)
            except ValueError:
                raise InputError(f"{path}:{line}: published {value!r} is not a date; "
                                 "write it as YYYY-MM-DD, YYYY-MM or YYYY") from None
        fields[key] = str(value).strip()
    return fields


def match_documents(table: MetadataTable, roots: list[Path], documents: list[Path],
                    source: Path | str) -> tuple[dict[Path, dict], list[str]]:
    """Each document's row: (document -> fields, warnings for documents with no row).

    A row's `file` is the document's path relative to the folder ingested (or, for a file given
    on its own, its name). A row that names no document found is an InputError: a typo there
    would otherwise leave an article silently undated.
    """
    names: dict[str, Path] = {}
    for document in documents:
        for name in _names_of(document, roots):
            names.setdefault(name, document)
    unknown = [name for name in table.rows if name not in names]
    if unknown:
        first = unknown[0]
        more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
        raise InputError(f"{source}:{table.lines[first]}: {first!r}{more} is not a document in "
                         f"{', '.join(str(root) for root in roots)}; give each file's path relative "
                         "to the folder ingested")
    given = {names[name]: fields for name, fields in table.rows.items()}
    missing = [document for document in documents if document not in given]
    warnings = [f"{document}: not listed in {Path(source).name}; its own metadata is used"
                for document in missing]
    return given, warnings


def _names_of(document: Path, roots: list[Path]) -> list[str]:
    names = []
    for root in roots:
        if root.is_dir():
            try:
                names.append(document.resolve().relative_to(root.resolve()).as_posix())
            except ValueError:
                continue
        elif root.resolve() == document.resolve():
            names.append(document.name)
    return names
