"""`verify`: stored quotes against stored text, stored hashes against the files still on disk."""

from __future__ import annotations

import json
import sqlite3

import pytest

from factcheck.models import Claim, Document
from factcheck.provenance import FILE, QUOTE, check_quotes
from tests.fixtures.corpus import build_database


@pytest.fixture
def claims(db_path, tmp_path):
    return build_database(db_path, tmp_path / "articles")


def test_an_intact_database_verifies(cli, claims):
    result = cli("verify")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "verified 7 quotes in 2 documents and 2 source files: all match" in result.stderr


def test_json_of_an_intact_database_is_an_empty_list(cli, claims):
    result = cli("verify", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_tampered_quote_is_listed_and_exits_7(cli, claims, db_path):
    claim = claims["papers"]
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE claim SET quote = ? WHERE id = ?", ("the grain was stolen", claim.id))
    result = cli("verify", "--format", "json")
    assert result.exit_code == 7
    [mismatch] = json.loads(result.stdout)
    assert (mismatch["kind"], mismatch["claim"], mismatch["document"]) == (QUOTE, claim.id, "grain.txt")
    assert (mismatch["expected"], mismatch["found"]) == ("the grain was stolen", claim.quote)
    assert "1 mismatch;" in result.stderr and result.stderr.startswith("factcheck: error: verified")


def test_a_changed_source_file_is_listed_and_a_missing_one_is_counted(cli, claims, tmp_path):
    (tmp_path / "articles" / "grain.txt").write_text("Rewritten overnight.\n", encoding="utf-8")
    (tmp_path / "articles" / "bridge.txt").unlink()
    result = cli("verify")
    assert result.exit_code == 7
    assert FILE in result.stdout and "grain.txt" in result.stdout and "re-extract" in result.stdout
    assert "bridge.txt" not in result.stdout
    assert "and 1 source file: 1 mismatch; 1 source file no longer at its stored path" in result.stderr


def test_every_mismatch_is_listed(cli, claims, db_path, tmp_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute('UPDATE claim SET "start" = "start" + 1')
    (tmp_path / "articles" / "bridge.txt").write_text("Changed.\n", encoding="utf-8")
    result = cli("verify", "--format", "json")
    assert result.exit_code == 7
    kinds = [item["kind"] for item in json.loads(result.stdout)]
    assert kinds.count(QUOTE) == 7 and kinds.count(FILE) == 1


def test_offsets_outside_the_text_are_a_mismatch_not_a_crash():
    document = Document(name="a.txt", path="/a.txt", sha256="0" * 64, text="Short text.")
    claim = Claim(id="c1", document="a.txt", start=6, end=40, quote="text.", text="Text.")
    [mismatch] = check_quotes(document, [claim])
    assert "outside the text (11 characters)" in mismatch.detail


def test_verify_without_a_database_is_a_store_error(cli, tmp_path):
    result = cli("verify", db=tmp_path / "none.db")
    assert result.exit_code == 5
    assert result.stdout == "" and "no database" in result.stderr


@pytest.mark.parametrize("width", (60, 80, 160))
def test_a_changed_file_shows_both_sha256_whole_at_any_width(cli, claims, tmp_path, monkeypatch, width):
    (tmp_path / "articles" / "grain.txt").write_text("Rewritten overnight.\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("verify", "--format", "table")
    assert result.exit_code == 7
    mismatch = json.loads(cli("verify", "--format", "json").stdout)[0]
    assert {mismatch["expected"], mismatch["found"]} <= set(result.stdout.split())
    # a sha256 is wider than 60 columns less its label: there it runs on, whole, rather than split
    assert all(len(line.rstrip()) <= width for line in result.stdout.splitlines()
               if not {mismatch["expected"], mismatch["found"]} & set(line.split()))
