"""Large compiled regular expressions kept between runs, in the user's cache folder.

The lexicons become a few large patterns (the gazetteer's trie of every alias runs to 30,000
characters), and Python parses and compiles a pattern anew in every process: for a short command
such as `check`, that is a third of its time. The code `re` makes of a pattern depends only on
the pattern, its flags and the Python version, so it is kept in a JSON file keyed by all three
(`$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`) and handed
back to the regex engine on later runs; a changed lexicon makes other patterns, hence other keys.

The cache is only ever a shortcut: a folder that cannot be written means compiling each run, a
file that cannot be read or parsed is ignored (and replaced), and code the engine refuses (it
validates what it is given) is compiled anew. Python before 3.11 compiles as usual.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

try:                                    # CPython 3.11 and later
    import _sre
    from re import _compiler, _parser
except ImportError:                     # pragma: no cover - Python 3.10
    _sre = _compiler = _parser = None

CACHE_ENV = "FACTCHECK_CACHE_DIR"
MIN_CACHED_CHARS = 200      # a shorter pattern compiles in well under a millisecond
_RUNTIME = f"{sys.implementation.name}-{sys.version}-{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"

_entries: dict[str, list] | None = None     # key -> [pattern, flags, code, groups, groupindex, indexgroup]
_added: dict[str, list] = {}


def cache_file() -> Path:
    folder = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "factcheck")
    runtime = hashlib.sha256(_RUNTIME.encode()).hexdigest()[:16]
    return Path(folder) / f"regex-{runtime}.json"


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, its code read from the cache when an earlier run kept it."""
    if _compiler is None or len(pattern) < MIN_CACHED_CHARS or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = hashlib.sha256(f"{int(flags)}\0{pattern}".encode()).hexdigest()
    entry = _cached().get(key)
    if entry is not None and entry[0] == pattern:
        try:
            return _sre.compile(pattern, entry[1], entry[2], entry[3], entry[4], tuple(entry[5]))
        except Exception:   # noqa: BLE001 - code from another build or a damaged file: compile it
            pass
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = [pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, indexgroup]
    compiled = _sre.compile(pattern, entry[1], code, entry[3], groupindex, tuple(indexgroup))
    if not _added:
        atexit.register(_save)
    _added[key] = entry
    return compiled


def _cached() -> dict[str, list]:
    global _entries
    if _entries is None:
        try:
            loaded = json.loads(cache_file().read_text(encoding="utf-8"))
            _entries = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            _entries = {}
    return _entries


def _save() -> None:
    """Write the patterns compiled in this run into the cache file, atomically; nothing when the
    folder cannot be written."""
    path = cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         prefix=path.name, suffix=".tmp") as file:
            json.dump({**_cached(), **_added}, file)
        os.replace(file.name, path)
    except OSError:
        return
