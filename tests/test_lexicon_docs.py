"""lexicon/README.md documents every lexicon file, and names no file that is not there."""

from __future__ import annotations

import re

from factcheck.lexicon import LEXICON_DIR

README = LEXICON_DIR.parent / "README.md"
# A file's row in one of the README's tables: "| `name.txt` | list | ..." or "| `name.txt` | table | ...".
ROW = re.compile(r"^\| `([\w.-]+\.(?:txt|toml))` \| (?:list|table) \|", re.M)


def documented() -> set[str]:
    return set(ROW.findall(README.read_text(encoding="utf-8")))


def test_every_lexicon_file_has_a_row_in_the_readme():
    files = {path.name for path in LEXICON_DIR.iterdir() if path.suffix in (".txt", ".toml")}
    assert sorted(files - documented()) == []


def test_every_row_names_a_lexicon_file():
    assert sorted(name for name in documented() if not (LEXICON_DIR / name).is_file()) == []
