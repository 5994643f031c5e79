"""Outputs people read and programs parse: tables fitted to 60, 80 and 160 columns, plain lines in
a pipe, the same records in every machine format, and the command line's conventions."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE, ROOT

WIDTHS = (60, 80, 160)
LONG_NAME = "2022-08-09_al-monitor_russia-iran-drone-deal.txt"   # one outlet's long file names
LISTINGS = ("list", "documents", "actors", "sources", "score", "contradictions")


@pytest.fixture
def shipped(tmp_path):
    """A copy of the shipped claims.db: two seed articles, 200-odd claims, denials, contradictions."""
    copy = tmp_path / "shipped.db"
    shutil.copyfile(ROOT / "claims.db", copy)
    return copy


@pytest.fixture
def long_names(cli, articles):
    articles(LONG_NAME, ARTICLE_DRONES)
    folder = articles("2020-01-08_al-monitor_iran-missile-strike-on-bases.txt", ARTICLE_STRIKE).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    return folder


def as_json(cli, *args, db=None):
    result = cli(*args, "--format", "json", db=db)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def table(cli, monkeypatch, width, *args, db=None):
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(*args, "--format", "table", db=db)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def words(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize("width", WIDTHS)
def test_claim_ids_and_file_names_are_never_cut(cli, monkeypatch, shipped, width):
    claims = as_json(cli, "list", db=shipped)
    shown = table(cli, monkeypatch, width, "list", db=shipped)
    assert "…" not in shown
    assert {claim["id"] for claim in claims} <= words(shown)
    assert all(len(line.rstrip()) <= width for line in shown.splitlines())
    if width >= 160:
        assert {claim["document"] for claim in claims} <= words(shown)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_long_document_name_is_shown_whole_and_accepted_by_list_doc(cli, monkeypatch, long_names, width):
    shown = table(cli, monkeypatch, width, "documents")
    assert LONG_NAME in words(shown) and "…" not in shown
    for document in as_json(cli, "documents"):
        assert document["published"] in shown and f"{document['chars']:,}" in shown or width < 80
        assert re.search(rf"\b{document['claims']}\b", shown)
    result = cli("list", "--doc", LONG_NAME, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)


@pytest.mark.parametrize("width", WIDTHS)
def test_scores_keep_ids_and_figures_and_wrap_quotes_by_words(cli, monkeypatch, shipped, width):
    ranked = as_json(cli, "score", db=shipped)
    shown = table(cli, monkeypatch, width, "score", db=shipped)
    assert {item["id"] for item in ranked} <= words(shown)
    assert {f"{item['score']:.2f}" for item in ranked if item["score"] is not None} <= words(shown)
    for item in ranked[:20]:
        assert all(word in words(shown) for word in item["quote"].split() if len(word) < 24)
    if width == 80:
        assert len(shown.splitlines()) < 6 * len(ranked)


@pytest.mark.parametrize("width", WIDTHS)
def test_contradictions_show_file_names_and_ids_whole(cli, monkeypatch, shipped, width):
    found = as_json(cli, "contradictions", db=shipped)
    shown = table(cli, monkeypatch, width, "contradictions", db=shipped)
    ids = {item[end]["id"] for item in found for end in ("from", "to")}
    assert ids <= words(shown)
    assert "…" not in shown and all(len(line.rstrip()) <= width for line in shown.splitlines())
    if width < 160:      # stacked: every field on its own line, the file names whole
        assert {item["from"]["document"] for item in found} <= words(shown)


@pytest.mark.parametrize("command", LISTINGS)
def test_in_a_pipe_listings_are_tab_separated_lines_without_padding(cli, shipped, command):
    result = cli(command, db=shipped)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    records = as_json(cli, command, db=shipped)
    assert len(lines) == 1 + len(records)       # a header, then one line a row: nothing wrapped
    assert all(line == line.rstrip(" ") and "  " not in line for line in lines)
    assert len({line.count("\t") for line in lines}) == 1
    assert re.fullmatch(r"\d+ \w+\n", result.stderr)


def test_record_views_are_not_wrapped_in_a_pipe(cli, shipped):
    claim = as_json(cli, "list", db=shipped)[0]
    for args in (("show", claim["id"]), ("score", claim["id"])):
        result = cli(*args, db=shipped)
        assert result.exit_code == 0, result.stderr
        assert all(line == line.rstrip() for line in result.stdout.splitlines())
    shown = cli("show", claim["id"], db=shipped).stdout
    assert any(claim["text"] in line for line in shown.splitlines())


@pytest.mark.parametrize("command", LISTINGS)
def test_every_listing_speaks_json_jsonl_and_csv(cli, shipped, command):
    records = as_json(cli, command, db=shipped)
    result = cli(command, "--format", "jsonl", db=shipped)
    assert result.exit_code == 0 and [json.loads(line) for line in result.stdout.splitlines()] == records
    result = cli(command, "--format", "csv", db=shipped)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(records)
    assert result.stderr == ""


def test_list_and_export_csv_have_the_same_columns(cli, shipped):
    listed = cli("list", "--format", "csv", db=shipped).stdout.splitlines()[0]
    exported = cli("export", "--format", "csv", db=shipped).stdout.splitlines()[0]
    assert listed == exported and "type" not in listed.split(",")


def test_list_json_has_the_fields_of_export(cli, shipped):
    exported = [json.loads(line) for line in cli("export", db=shipped).stdout.splitlines()]
    claims = [record for record in exported if record["type"] == "claim"]
    assert as_json(cli, "list", db=shipped) == claims
    documents = [record for record in exported if record["type"] == "document"]
    assert as_json(cli, "documents", db=shipped) == documents


def test_actors_show_their_built_in_aliases(cli, shipped):
    russia = next(actor for actor in as_json(cli, "actors", db=shipped) if actor["actor"] == "Russia")
    assert {"Moscow", "Kremlin"} <= set(russia["aliases"])
    assert "Moscow" in cli("actors", db=shipped).stdout


def test_root_options_are_read_after_the_command(runner, shipped):
    from factcheck.cli import app

    result = runner.invoke(app, ["list", "--limit", "1", "--db", str(shipped), "-q"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) == 2
    result = runner.invoke(app, ["list", "--search", "-q", f"--db={shipped}", "--format", "json"])
    assert (result.exit_code, result.stdout.strip()) == (0, "[]")    # "-q" was the searched text


@pytest.mark.parametrize("args, message", [
    (("list", "--bogus"), "No such option: --bogus"),
    (("list", "--status", "nope"), "'--status'"),
    (("frobnicate",), "No such command 'frobnicate'"),
    (("--bogus", "list"), "No such option: --bogus"),
    (("show",), "Missing argument"),
])
def test_usage_errors_are_one_line_on_stderr_with_exit_code_2(cli, shipped, args, message):
    result = cli(*args, db=shipped)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("factcheck: error: ")
    assert message in result.stderr and "--help" in result.stderr


def test_counts_take_the_singular_for_one(cli, shipped):
    result = cli("list", "--limit", "1", db=shipped)
    assert (result.exit_code, result.stderr) == (0, "1 claim\n")
    result = cli("list", "--limit", "2", db=shipped)
    assert result.stderr == "2 claims\n"
