"""Bad input: a one-line error naming the file and what to do, a distinct exit code, no traceback,
nothing half-written."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE

USAGE, INPUT, NOT_FOUND, STORE, LOCKED, INTERRUPTED = 2, 3, 4, 5, 6, 130


def assert_one_line_error(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("factcheck: error:")]
    assert errors, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def stored_documents(cli) -> list[str]:
    result = cli("documents", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [record["document"] for record in json.loads(result.stdout)]


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_missing_path(cli, tmp_path, db_path):
    assert_one_line_error(cli("ingest", tmp_path / "nope.txt"), INPUT, "nope.txt: no such file or folder")
    assert not db_path.exists()


def test_folder_without_documents(cli, articles):
    folder = articles("data.csv", "a,b\n").parent
    assert_one_line_error(cli("ingest", folder), INPUT, "folder holds no documents")


def test_explicit_file_that_is_not_a_document(cli, articles):
    assert_one_line_error(cli("ingest", articles("page.pdf", b"%PDF-1.4")), INPUT, "page.pdf: not a document")


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"\n \n", "file holds only whitespace"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin.txt", "Café crème, résumé naïve.".encode("latin-1"), "not UTF-8 text"),
    ("front.md", "---\ntitle: [broken\n---\nRussia said so.\n".encode(), "malformed front matter"),
])
def test_unreadable_file_is_reported_and_nothing_stored(cli, articles, name, content, message):
    path = articles(name, content)
    result = cli("ingest", path)
    assert result.exit_code == INPUT and result.stdout == ""
    assert f"factcheck: error: {path}" in result.stderr and message in result.stderr
    assert "1 failed" in result.stderr and "Traceback" not in result.stderr
    assert stored_documents(cli) == []


def test_file_over_max_bytes(cli, articles):
    path = articles("long.txt", ARTICLE_DRONES)
    result = cli("ingest", path, "--max-bytes", "100")
    assert result.exit_code == INPUT and "is over the limit of 100; split the file or raise --max-bytes" in result.stderr
    assert cli("ingest", path, "--max-bytes", "100000").exit_code == 0


def test_utf16_with_bom_is_read(cli, articles):
    path = articles("wide.txt", ARTICLE_DRONES.encode("utf-16"))
    result = cli("ingest", path)
    assert result.exit_code == 0, result.stderr
    claims = json.loads(cli("list", "--format", "json").stdout)
    assert claims and all(ARTICLE_DRONES[c["start"]:c["end"]] == c["quote"] for c in claims)


def test_windows_1252_is_decoded_with_a_warning(cli, articles):
    path = articles("legacy.txt", ARTICLE_DRONES.replace("'", "\u2019").encode("cp1252"))
    result = cli("ingest", path)
    assert result.exit_code == 0, result.stderr
    assert "factcheck: warning: legacy.txt: not UTF-8; decoded as Windows-1252" in result.stderr
    assert "1 warning;" in result.stderr  # one warning, in the singular


def test_good_files_ingested_bad_ones_reported(cli, articles):
    articles("a_good.txt", ARTICLE_DRONES)
    articles("b_empty.txt", b"")
    articles("c_binary.txt", b"\x00\x01\x02")
    folder = articles("d_good.md", "---\ntitle: Strike\n---\n" + ARTICLE_STRIKE).parent
    articles("notes.docx", b"PK")
    result = cli("ingest", folder)
    assert result.exit_code == INPUT and result.stdout == ""
    assert "2 documents: 2 new" in result.stderr and "2 failed" in result.stderr
    assert "b_empty.txt: file is empty" in result.stderr and "c_binary.txt: binary file" in result.stderr
    assert "skipped 1 file that is not a document" in result.stderr
    assert stored_documents(cli) == ["a_good.txt", "d_good.md"]


@pytest.mark.parametrize("content", [
    b"just some text, not a database\n" * 10,                    # not SQLite at all
    b"SQLite format 3\x00" + b"\xff" * 4096,                    # SQLite header, corrupt body
])
@pytest.mark.parametrize("command", [("list",), ("ingest", "{corpus}")])
def test_foreign_or_corrupt_database_is_refused_and_untouched(cli, corpus, db_path, content, command):
    db_path.write_bytes(content)
    before = sha256(db_path)
    result = cli(*(str(corpus) if part == "{corpus}" else part for part in command))
    assert_one_line_error(result, STORE, str(db_path))
    assert sha256(db_path) == before


def test_another_applications_database_is_refused_and_untouched(cli, corpus, db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = sha256(db_path)
    assert_one_line_error(cli("ingest", corpus), STORE, "not a factcheck one", "left untouched")
    assert sha256(db_path) == before


def test_missing_database_for_a_query(cli, db_path):
    assert_one_line_error(cli("list"), STORE, "no database at")
    assert not db_path.exists()


def test_locked_database_fails_clearly_after_waiting(cli, corpus, db_path, monkeypatch):
    from factcheck import config

    assert cli("ingest", corpus / "strike.txt").exit_code == 0
    monkeypatch.setattr(config, "LOCK_WAIT_SECONDS", 0.2)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("ingest", corpus)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_line_error(result, LOCKED, "locked by another process")
    assert stored_documents(cli) == ["strike.txt"]


def test_unknown_claim_id(cli, ingested):
    assert_one_line_error(cli("show", "ffffffffffff"), NOT_FOUND, "no claim 'ffffffffffff'", "factcheck list")


@pytest.mark.parametrize("args", [
    ("list", "--status", "dubious"),
    ("list", "--limit", "0"),
    ("list", "--grade", "9"),
    ("list", "--since", "last week"),
    ("list", "--format", "xml"),
    ("export", "--format", "pdf"),
    ("ingest", "--max-bytes", "lots", "x.txt"),
    ("nonsense",),
])
def test_invalid_option_values(cli, ingested, args):
    result = cli(*args)
    assert result.exit_code == USAGE, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert "Invalid value" in result.stderr or "No such command" in result.stderr


def test_invalid_published_option(cli, corpus):
    assert_one_line_error(cli("ingest", corpus / "strike.txt", "--published", "soon"), USAGE, "--published 'soon'")


def test_ctrl_c_keeps_finished_documents_and_nothing_of_the_current_one(cli, corpus, monkeypatch):
    import factcheck.pipeline

    real_extract = factcheck.pipeline.extract
    calls = []

    def interrupted_on_second(document, aliases=None):
        calls.append(document.name)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_extract(document, aliases=aliases)

    monkeypatch.setattr(factcheck.pipeline, "extract", interrupted_on_second)
    # in this process, where Ctrl-C strikes (workers ignore it: test_concurrency sends a real one)
    result = cli("ingest", corpus, "--jobs", "1")
    assert result.exit_code == INTERRUPTED and "interrupted" in result.stderr
    assert "Traceback" not in result.stderr
    monkeypatch.setattr(factcheck.pipeline, "extract", real_extract)
    assert stored_documents(cli) == ["drones.txt"]
    claims = json.loads(cli("list", "--format", "json").stdout)
    assert claims and {c["document"] for c in claims} == {"drones.txt"}
