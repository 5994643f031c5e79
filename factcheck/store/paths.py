"""Source paths as stored: relative to the database's folder when the file lies under it.

A database and the articles beside it then travel together (a clone, a copy, another machine):
`verify` finds the files, and ingesting them again finds them stored. A file outside the
database's folder keeps its absolute path, since a path climbing out with ".." would break as
soon as the database moved without it. Stored relative paths use "/" whatever the system.

An article read from standard input has no file: its "path" (`stdin:NAME`) is stored as it is.

The rest of factcheck only ever sees full paths: the store turns them into their stored form on
the way in and back on the way out.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath

from factcheck.models import is_piped


def stored_path(path: str, folder: Path) -> str:
    """The form `path` (a full path, or one relative to the working folder) is stored in."""
    if is_piped(path):
        return path
    location = Path(path)
    if not location.is_absolute():
        location = location.resolve()
    try:
        return location.relative_to(folder).as_posix()
    except ValueError:
        return str(location)


def full_path(stored: str, folder: Path) -> str:
    """The full path of a stored one."""
    if is_piped(stored) or Path(stored).is_absolute():
        return stored
    return os.path.normpath(folder / PurePosixPath(stored))


def lookup_keys(key: str, folder: Path) -> list[str]:
    """`key` as the user wrote it (a file name, sha256 prefix or path), then the stored paths it
    may mean: itself as written and the file it names from here, when it is a path. A bare file
    name is not taken for a path: "a.txt" names every stored a.txt, whatever its folder."""
    if is_piped(key):
        return [key, key]
    if not (os.sep in key or "/" in key or Path(key).is_file()):
        return [key]
    return [key, *dict.fromkeys((key, stored_path(key, folder)))]


def with_full_path(value, folder: Path):
    """A Document or DocumentInfo (or None) with its stored path made full."""
    return None if value is None else replace(value, path=full_path(value.path, folder))
