"""`factcheck ingest -`: one article from standard input, stored like a file's text."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE


def test_an_article_on_stdin_is_stored_with_its_metadata(cli):
    result = cli("ingest", "-", "--name", "drones.txt", "--title", "Russia and Iran", "--published", "2022-08-20",
                 "--publisher", "Wire", "--url", "https://example.org/drones", "--author", "A. Writer",
                 input=ARTICLE_DRONES)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "1 new" in result.stderr
    [document] = json.loads(cli("documents", "--format", "json").stdout)
    assert (document["document"], document["path"]) == ("drones.txt", "stdin:drones.txt")
    assert (document["title"], document["published"], document["publisher"], document["url"], document["author"]) == (
        "Russia and Iran", "2022-08-20", "Wire", "https://example.org/drones", "A. Writer")
    assert document["sha256"] == hashlib.sha256(ARTICLE_DRONES.encode()).hexdigest()
    claims = json.loads(cli("list", "--doc", "drones.txt", "--format", "json").stdout)
    assert claims and all(claim["document"] == "drones.txt" for claim in claims)


def test_without_a_name_the_document_is_named_after_its_content(cli):
    result = cli("ingest", "-", input=ARTICLE_STRIKE)
    assert result.exit_code == 0, result.stderr
    expected = f"stdin-{hashlib.sha256(ARTICLE_STRIKE.encode()).hexdigest()[:16]}.txt"
    assert [item["document"] for item in json.loads(cli("documents", "--format", "json").stdout)] == [expected]
    again = cli("ingest", "-", input=ARTICLE_STRIKE)
    assert again.exit_code == 0 and "1 unchanged" in again.stderr


def test_nothing_is_lost_and_verify_reports_no_missing_file(cli, db_path):
    assert cli("ingest", "-", "--name", "strike.txt", input=ARTICLE_STRIKE).exit_code == 0
    result = cli("verify")
    assert result.exit_code == 0, result.stderr
    assert "all match" in result.stderr and "no longer at" not in result.stderr
    assert "1 document read from standard input (no source file)" in result.stderr
    shown = cli("show", json.loads(cli("list", "--format", "json").stdout)[0]["id"])
    assert shown.exit_code == 0, shown.stderr


def test_a_markdown_name_reads_front_matter(cli):
    text = "---\ntitle: From the block\npublished: 2020-01-08\n---\n" + ARTICLE_STRIKE
    assert cli("ingest", "-", "--name", "strike.md", input=text).exit_code == 0
    [document] = json.loads(cli("documents", "--format", "json").stdout)
    assert (document["title"], document["published"]) == ("From the block", "2020-01-08")


def test_empty_stdin_fails_as_bad_input(cli):
    result = cli("ingest", "-", input="")
    assert result.exit_code == 3
    assert "nothing was read" in result.stderr and result.stdout == ""


def test_stdin_over_the_size_limit_is_refused(cli):
    result = cli("ingest", "-", "--max-bytes", "20", input=ARTICLE_STRIKE)
    assert result.exit_code == 3
    assert "over the limit of 20" in result.stderr


def test_stdin_goes_alone_and_name_needs_it(cli, corpus):
    mixed = cli("ingest", "-", corpus, input=ARTICLE_STRIKE)
    assert mixed.exit_code == 2 and "alone" in mixed.stderr
    named = cli("ingest", corpus, "--name", "x.txt")
    assert named.exit_code == 2 and "--name" in named.stderr


def test_a_name_is_a_plain_document_name(cli):
    for name in ("a/b.txt", " "):
        result = cli("ingest", "-", "--name", name, input=ARTICLE_STRIKE)
        assert result.exit_code == 2 and "plain document name" in result.stderr, name
        assert result.stdout == ""
