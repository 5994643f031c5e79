"""Output that cannot be turned against its reader, and a damaged database that is not written
to (issue 18, defects 7, 9 and 10)."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from tests.conftest import ARTICLE_STRIKE
from tests.test_cli_errors import STORE, assert_one_line_error

HOSTILE = ("The minister said that \x1b[2J the harbour \x9b31m was closed \u202e on Monday.\n\n"
           + ARTICLE_STRIKE)


@pytest.fixture
def hostile(cli, articles):
    articles("\x1b[31mred.txt", HOSTILE)
    folder = articles("=cmd|calc.txt", ARTICLE_STRIKE.replace("15 missiles", "16 missiles")).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr
    return folder


def raw_controls(text: str) -> list[str]:
    return [char for char in text if char in "\x1b\x9b\u202e"]


@pytest.mark.parametrize("args", [("list",), ("documents",), ("sources",), ("report",), ("list", "--format", "json"),
                                  ("export",), ("export", "--format", "json")])
def test_no_control_character_reaches_the_reader(cli, hostile, args):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert raw_controls(result.stdout) == [] and raw_controls(result.stderr) == []


def test_show_escapes_what_the_article_holds(cli, hostile):
    claims = json.loads(cli("list", "--format", "json").stdout)
    [claim] = [c for c in claims if "\x1b" in c["quote"]]     # the data itself is kept exactly
    result = cli("show", claim["id"])
    assert result.exit_code == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert "\\x1b[2J" in result.stdout and "\\x9b31m" in result.stdout
    assert "\\x1b[31mred.txt" in result.stdout


def test_csv_cells_are_not_formulas(cli, hostile):
    rows = list(csv.DictReader(io.StringIO(cli("documents", "--format", "csv").stdout)))
    assert "'=cmd|calc.txt" in [row["document"] for row in rows]
    claims = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv").stdout)))
    assert claims and not any(cell.startswith(("=", "+", "-", "@")) for row in claims for cell in row.values()
                              if not cell.lstrip("-").replace(".", "").isdigit())


def test_claimreview_cannot_close_a_script_element(cli, hostile):
    claim = json.loads(cli("list", "--format", "json").stdout)[0]["id"]
    by, note = "</script><script>alert(1)</script>", "see </SCRIPT> and </style>"
    assert cli("review", claim, "--verdict", "false", "--by", by, "--note", note).exit_code == 0
    result = cli("export", "--format", "claimreview", "--review-url", "https://example.org/checks/{id}")
    assert result.exit_code == 0, result.stderr
    assert "</" not in result.stdout
    graph = json.loads(result.stdout)["@graph"]
    assert graph[0]["author"]["name"] == by        # the same text once parsed


def test_a_damaged_database_is_refused_before_anything_is_written(cli, corpus, db_path, articles):
    assert cli("ingest", corpus / "strike.txt").exit_code == 0
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = bytes(range(256)) * 32
    db_path.write_bytes(bytes(data))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert_one_line_error(cli("ingest", corpus), STORE, "is damaged", "nothing was written")
    assert_one_line_error(cli("analyse"), STORE, "is damaged")
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
