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
    mismatches = json.loads(result.stdout)
    [mismatch] = [item for item in mismatches if item["kind"] == QUOTE]
    assert (mismatch["kind"], mismatch["claim"], mismatch["document"]) == (QUOTE, claim.id, "grain.txt")
    assert (mismatch["expected"], mismatch["found"]) == ("the grain was stolen", claim.quote)
    assert [item["kind"] for item in mismatches] == [QUOTE, "claims"]     # and unlike at ingest
    assert "2 mismatches" in result.stderr and result.stderr.startswith("factcheck: error: verified")


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


def tamper(db_path, *statements):
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)


@pytest.mark.parametrize("statements, kinds", [
    (["DELETE FROM claim_actor WHERE claim_id = (SELECT min(id) FROM claim)",
      "DELETE FROM claim WHERE id = (SELECT min(id) FROM claim)"], {"claims", "analysis"}),
    (["DELETE FROM claim_actor", "DELETE FROM claim WHERE document_id = "
      "(SELECT id FROM document WHERE name = 'strike.txt')"], {"claims", "analysis"}),
    (["DELETE FROM document WHERE name = 'strike.txt'"], {"orphan"}),
    (["UPDATE claim SET source = 'Forged Ministry' WHERE id = (SELECT min(id) FROM claim)"], {"claims"}),
    (["UPDATE claim SET text = 'Something else.' WHERE id = (SELECT min(id) FROM claim)"], {"claims"}),
    (["UPDATE claim SET status = 'denied' WHERE status = 'uncontested'"], {"analysis"}),
    (["UPDATE document SET text = replace(text, 'Officials', 'Officiais')"], {"text"}),
    (["INSERT INTO relation (relation, source_id, target_id, reason, score, origin, created_at) "
      "VALUES ('denies', 'ffffffffffff', (SELECT min(id) FROM claim), 'x', 1.0, 'auto', '2024')"],
     {"relation", "analysis"}),
], ids=["deleted claim", "claims of a document", "document row gone", "forged source",
        "changed text", "changed status", "text outside claims", "relation to nothing"])
def test_verify_finds_what_was_changed_outside_factcheck(cli, ingested, db_path, statements, kinds):
    assert cli("verify").exit_code == 0
    tamper(db_path, *statements)
    result = cli("verify", "--format", "json")
    assert result.exit_code == 7, result.stderr
    assert {item["kind"] for item in json.loads(result.stdout)} == kinds
    assert "Traceback" not in result.stderr


def test_reviews_of_claims_no_longer_stored_are_counted_not_mismatches(cli, ingested, db_path):
    claim = json.loads(cli("list", "--format", "json").stdout)[0]["id"]
    assert cli("review", claim, "--verdict", "false", "--by", "desk").exit_code == 0
    tamper(db_path, "UPDATE review SET claim_id = 'ffffffffffff'")
    result = cli("verify")
    assert result.exit_code == 0, result.stderr
    assert "1 review or manual link kept for claims no longer stored" in result.stderr
