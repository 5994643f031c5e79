"""path -> Document: find the documents, decode their bytes, read front matter, date them.

The text kept is the text as decoded (line endings untouched) minus any front matter block, so
that every offset the later stages produce points into exactly what is stored.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError, UsageError
from factcheck.models import PIPED_PATH_PREFIX, Document
from factcheck.pipeline.document.published import infer_published, normalize_date

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
FRONT_MATTER_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
METADATA_FIELDS = ("title", "author", "publisher", "published", "url")
YAML_NULLS = ("", "~", "null", "Null", "NULL")   # front matter values that mean "not given"

# A legacy file is only decoded when it is unmistakably Western text typed on Windows: curly
# quotes and dashes (0x91-0x97 in Windows-1252), few non-ASCII bytes, and never several in a
# row. Cyrillic or Greek legacy text decodes "validly" as Windows-1252 too, but its letters are
# runs of non-ASCII bytes ("\xcf\xf0\xe8\xe2\xe5\xf2" is "Привет" in cp1251).
CP1252_TELLTALE = frozenset(range(0x91, 0x98))
MAX_LEGACY_NON_ASCII_SHARE = 0.10  # fraction of bytes >= 0x80
MAX_LEGACY_NON_ASCII_RUN = 2       # "\x93\xe9" (a quote, then é) is fine; three in a row is not


@dataclass
class Collected:
    """Documents found under the paths given, the files passed over, and what could not be walked."""

    documents: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)   # one message per folder or link not read


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def shown_path(path: Path | str) -> str:
    """A path as it can be printed: bytes of a file name that are not UTF-8 as \\xff escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def scan_paths(paths) -> Collected:
    """Documents in `paths` (files, or folders walked recursively in sorted order), without repeats.

    Hidden files and folders (".git", ".DS_Store") are passed over silently; other files that are
    not documents are listed in `skipped` so the summary can say so; folders that cannot be read
    and links that lead nowhere (or in a circle) are listed in `unreadable`.
    """
    found = Collected()
    seen: set[Path] = set()
    for given in map(Path, paths):
        if not given.exists():
            raise InputError(f"{shown_path(given)}: no such file or folder; check the path")
        if given.is_file():
            if not is_document(given):
                raise InputError(f"{shown_path(given)}: not a document ({'/'.join(DOCUMENT_SUFFIXES)}); "
                                 "convert it to plain text or Markdown first")
            files = [given]
        else:
            files = _walk(given, found)
            if not files and not found.unreadable:
                raise InputError(f"{shown_path(given)}: folder holds no documents "
                                 f"({'/'.join(DOCUMENT_SUFFIXES)}); "
                                 "point ingest at a folder of .txt or .md articles")
        for path in files:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.documents.append(path)
    return found


def collect_paths(paths) -> list[Path]:
    """The documents to ingest for `paths`; see `scan_paths`."""
    return scan_paths(paths).documents


def _walk(folder: Path, found: Collected) -> list[Path]:
    """Documents under `folder`, in sorted order; symbolic links to folders are followed once."""
    files: list[Path] = []
    visited: set[str] = set()

    def unreadable(error: OSError) -> None:
        found.unreadable.append(f"{shown_path(error.filename)}: folder cannot be read "
                                f"({error.strerror}); its files were not ingested; check its permissions")

    for root, folders, names in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:     # a link back to a folder already walked: a loop or a second way in
            folders[:] = []
            continue
        visited.add(real)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                _sort_file(Path(root, name), files, found)
    return sorted(files)


def _sort_file(path: Path, files: list[Path], found: Collected) -> None:
    if path.is_file():
        (files if is_document(path) else found.skipped).append(path)
    elif path.is_symlink() and is_document(path):
        found.unreadable.append(f"{shown_path(path)}: link to a file that does not exist (or a link "
                                "loop); it was not ingested; fix or remove the link")


@dataclass(frozen=True)
class PipedText:
    """One article given on standard input: its bytes and the document name it is stored under
    (whose suffix says how to read it, as a file's does: .md for front matter, .html for a page)."""

    name: str
    data: bytes

    @property
    def path(self) -> str:
        return PIPED_PATH_PREFIX + self.name

    def __str__(self) -> str:
        return f"standard input ({self.name})"


def piped_name(data: bytes) -> str:
    """The document name of piped text given none: from its content hash, like the seeds' names."""
    return f"stdin-{hashlib.sha256(data).hexdigest()[:16]}.txt"


def read_document(path: Path | str | PipedText, *, max_bytes: int, overrides: dict | None = None) -> Document:
    """Read one document: bytes -> checked, decoded text -> front matter -> metadata and dates."""
    if isinstance(path, PipedText):
        if len(path.data) > max_bytes:
            raise InputError(f"{path}: {len(path.data):,} bytes is over the limit of {max_bytes:,}; "
                             "split the article or raise --max-bytes")
        if not path.data:
            raise InputError(f"{path}: nothing was read; pipe the article's text into `factcheck ingest -`")
        return _document_from_bytes(path.data, Path(path.name), path.path, overrides, shown=str(path))
    path = Path(path)
    if shown_path(path) != str(path):
        raise InputError(f"{shown_path(path)}: file name is not valid UTF-8, so it cannot be stored "
                         "or shown; rename the file")
    return _document_from_bytes(_read_bytes(path, max_bytes), path, str(path.resolve()), overrides)


def _document_from_bytes(data: bytes, path: Path, stored: str, overrides: dict | None,
                         shown: str | None = None) -> Document:
    """`path` gives the name and the suffix (how to read the bytes); `shown` names the input in errors."""
    label = Path(shown) if shown else path
    text, warnings = decode_text(data, label)
    if not text.strip():
        raise InputError(f"{label}: {'holds' if shown else 'file holds'} only whitespace; "
                         "remove it or add the article's text")
    metadata: dict = {}
    if path.suffix.lower() in FRONT_MATTER_SUFFIXES:
        metadata, text, notes = split_front_matter(text, label)
        warnings += notes
        if not text.strip():
            raise InputError(f"{label}: front matter but no text after it; add the article's text")
    elif path.suffix.lower() in HTML_SUFFIXES:
        from factcheck.pipeline.document.html import extract_html

        metadata, text = extract_html(text)
        if not text.strip():
            raise InputError(f"{label}: no article text found in the page (only navigation, scripts or "
                             "markup); save the article's own page, or its text as .txt")
    metadata.update(_checked_overrides(overrides or {}))
    inferred = False
    if not metadata.get("published"):
        metadata["published"] = infer_published(text)
        inferred = metadata["published"] is not None
    return Document(name=path.name, path=stored, sha256=hashlib.sha256(data).hexdigest(),
                    text=text, published_inferred=inferred, warnings=tuple(warnings),
                    **{key: metadata.get(key) for key in METADATA_FIELDS})


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size:,} bytes is over the limit of {max_bytes:,}; "
                             "split the file or raise --max-bytes")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}); check its permissions") from None
    if not data:
        raise InputError(f"{path}: file is empty; remove it or add the article's text")
    return data


def decode_text(data: bytes, path: Path) -> tuple[str, list[str]]:
    """Text of `data` and any warnings: UTF-8 (BOM stripped), UTF-16/32 with a BOM, or certain cp1252."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                raise InputError(f"{path}: starts with a {encoding.upper()} byte order mark but is not "
                                 f"valid {encoding.upper()}; re-save it as UTF-8") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (holds NUL bytes), not text; "
                         "give ingest plain-text or Markdown articles")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        bad = error.start
    legacy = _decode_cp1252_if_certain(data)
    if legacy is not None:
        return legacy, [f"{path.name}: not UTF-8; decoded as Windows-1252 (curly quotes found); "
                        "re-save it as UTF-8 to silence this warning"]
    raise InputError(f"{path}: not UTF-8 text (byte 0x{data[bad]:02x} at offset {bad}); "
                     "convert it to UTF-8, e.g. iconv -f ENCODING -t UTF-8")


def _decode_cp1252_if_certain(data: bytes) -> str | None:
    non_ascii = sum(byte >= 0x80 for byte in data)
    if non_ascii > MAX_LEGACY_NON_ASCII_SHARE * len(data) or not CP1252_TELLTALE.intersection(data):
        return None
    if re.search(rb"[\x80-\xff]{%d}" % (MAX_LEGACY_NON_ASCII_RUN + 1), data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d have no cp1252 meaning
        return None


def split_front_matter(text: str, path: Path) -> tuple[dict, str, list[str]]:
    """(metadata, text after the block, warnings) for a `---` YAML block at the very top."""
    first, newline, rest = text.partition("\n")
    if first.rstrip("\r") != "---":
        return {}, text, []
    closing = re.search(r"^(?:---|\.\.\.)[ \t]*\r?$\n?", rest, re.MULTILINE)
    if closing is None:
        raise InputError(f"{path}: front matter opened with '---' on line 1 is never closed; "
                         "end it with a line holding only '---'")
    block = rest[:closing.start()]
    values = _parse_yaml(block, path)
    warnings = [f"{path.name}: front matter key {key!r} ignored (known: {', '.join(METADATA_FIELDS)})"
                for key in values if key not in METADATA_FIELDS]
    metadata = {}
    for key in METADATA_FIELDS:
        value = values.get(key)
        if value is None or value in YAML_NULLS:
            continue
        if key == "published":
            metadata[key] = _front_matter_date(value, path)
        elif isinstance(value, str):
            metadata[key] = str(value).strip()
        else:
            raise InputError(f"{path}: front matter field {key!r} must be a single text value")
    return metadata, rest[closing.end():], warnings


def _parse_yaml(block: str, path: Path) -> dict:
    import yaml  # only Markdown documents need it

    try:
        # BaseLoader reads every value as the text written: "title: yes" is "yes", not True, and
        # a date that does not exist ("2022-02-30") or a 4,000-digit number is checked by us
        # rather than raising inside the YAML library.
        values = yaml.load(block, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except RecursionError:
        raise InputError(f"{path}: front matter nested too deeply; "
                         "write plain 'key: value' lines between the '---' lines") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 2}" if mark is not None else ""  # +2: 0-based, after the '---' line
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(f"{path}{where}: malformed front matter ({problem}); "
                         "fix the YAML between the '---' lines") from None
    if values is None:
        return {}
    if not isinstance(values, dict):
        raise InputError(f"{path}: front matter is not a set of 'key: value' lines; "
                         "write e.g. 'title: ...' between the '---' lines")
    return {str(key).lower(): value for key, value in values.items()}


def _front_matter_date(value, path: Path) -> str:
    try:
        return normalize_date(value)
    except ValueError:
        raise InputError(f"{path}: front matter 'published: {value}' is not a date; "
                         "write it as YYYY-MM-DD, YYYY-MM or YYYY") from None


def _checked_overrides(overrides: dict) -> dict:
    checked = {key: value for key, value in overrides.items() if key in METADATA_FIELDS and value}
    if "published" in checked:
        try:
            checked["published"] = normalize_date(checked["published"])
        except ValueError:
            raise UsageError(f"--published {checked['published']!r} is not a date; "
                             "write it as YYYY-MM-DD, YYYY-MM or YYYY") from None
    return checked
