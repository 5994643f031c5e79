"""Rules kept as data: loaders for the word lists and tables in `lexicon/en/`.

Formats (see README.md beside this file):
- list files (`*.txt`): one entry a line; `#` starts a comment; blank lines are skipped.
- table files (`*.txt` read with `load_table`): fields separated by ` | `, one record a line.
Each loader validates what it reads and raises `LexiconError` naming the file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from factcheck.errors import FactcheckError

LEXICON_DIR = Path(__file__).resolve().parent / "en"


class LexiconError(FactcheckError):
    """A lexicon file is malformed."""


def _lines(name: str):
    path = LEXICON_DIR / name
    if not path.exists():
        raise LexiconError(f"lexicon file {path} is missing; reinstall factcheck")
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            yield number, line


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line file, in file order, without duplicates."""
    seen: dict[str, None] = {}
    for _, line in _lines(name):
        seen.setdefault(line, None)
    return tuple(seen)


@lru_cache(maxsize=None)
def load_table(name: str, min_fields: int = 2) -> tuple[tuple[str, ...], ...]:
    """Records of a ` | `-separated file; each must have at least `min_fields` fields."""
    rows = []
    for number, line in _lines(name):
        fields = tuple(f.strip() for f in line.split("|"))
        if len(fields) < min_fields or not all(fields[:min_fields]):
            raise LexiconError(f"{LEXICON_DIR / name}:{number}: expected at least {min_fields} fields "
                               f"separated by ' | ', got {line!r}")
        rows.append(fields)
    return tuple(rows)
