"""`review` appends verdicts, `history` shows them; the latest shows in `list` and `show`."""

from __future__ import annotations

import json

import pytest

from tests.fixtures.corpus import build_database


@pytest.fixture
def claims(db_path, tmp_path):
    return build_database(db_path, tmp_path / "articles")


def review(cli, claim_id, verdict, note=None, by="R. Okafor"):
    args = ["review", claim_id, "--verdict", verdict, "--by", by]
    return cli(*args, *(["--note", note] if note else []))


def test_review_records_a_verdict_and_says_so_on_stderr(cli, claims):
    result = review(cli, claims["papers"].id, "mostly-false", "Customs records show the papers in order.")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"claim {claims['papers'].id}: mostly-false (by R. Okafor" in result.stderr


def test_history_keeps_every_review_in_order_and_the_latest_wins(cli, claims):
    claim = claims["hit"]
    assert review(cli, claim.id, "unverifiable", "No imagery yet.").exit_code == 0
    assert review(cli, claim.id[:8], "mostly-true", "Satellite images show damage.", by="L. Park").exit_code == 0
    result = cli("history", claim.id, "--format", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["claim"] == claim.id and record["verdict"] == "mostly-true"
    assert [(r["verdict"], r["by"], r["note"]) for r in record["reviews"]] == [
        ("unverifiable", "R. Okafor", "No imagery yet."),
        ("mostly-true", "L. Park", "Satellite images show damage."),
    ]
    assert all(r["at"].endswith("Z") for r in record["reviews"])


def test_history_table_shows_each_review_and_the_verdict_in_force(cli, claims):
    claim = claims["hit"]
    review(cli, claim.id, "false", "First look.")
    review(cli, claim.id, "mixed", "Second look.")
    result = cli("history", claim.id)
    assert result.exit_code == 0, result.stderr
    assert claim.quote in result.stdout
    assert result.stdout.index("First look.") < result.stdout.index("Second look.")
    assert "verdict in force: mixed" in result.stdout
    assert result.stderr == ""


def test_history_of_an_unreviewed_claim_says_so(cli, claims):
    result = cli("history", claims["repairs"].id)
    assert result.exit_code == 0, result.stderr
    assert "not reviewed yet" in result.stdout


def test_latest_verdict_shows_in_list_and_show(cli, claims):
    claim = claims["papers"]
    review(cli, claim.id, "false")
    review(cli, claim.id, "mostly-false")
    listed = cli("list", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    verdicts = {record["id"]: record["review"] for record in json.loads(listed.stdout)}
    assert verdicts[claim.id] == "mostly-false"
    assert verdicts[claims["hit"].id] is None
    table = cli("list")
    assert table.exit_code == 0 and "review: mostly-false" in table.stdout
    shown = cli("show", claim.id, "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["review"] == "mostly-false"


def test_an_invalid_verdict_is_a_usage_error(cli, claims):
    result = review(cli, claims["papers"].id, "pants-on-fire")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "pants-on-fire" in result.stderr
    assert json.loads(cli("history", claims["papers"].id, "--format", "json").stdout)["reviews"] == []


def test_a_review_needs_a_reviewer(cli, claims):
    result = cli("review", claims["papers"].id, "--verdict", "false")
    assert result.exit_code == 2
    assert "--by" in result.stderr


@pytest.mark.parametrize("command", ["review", "history"])
def test_an_unknown_claim_id_exits_4(cli, claims, command):
    args = ["--verdict", "false", "--by", "R. Okafor"] if command == "review" else []
    result = cli(command, "ffffffffffff", *args)
    assert result.exit_code == 4
    assert result.stdout == ""
    assert "no claim 'ffffffffffff'" in result.stderr and "factcheck list" in result.stderr


def test_api_refuses_a_verdict_outside_the_scale(db_path, claims):
    from factcheck import api
    from factcheck.errors import UsageError

    with pytest.raises(UsageError, match="use one of true, mostly-true"):
        api.review_claim(db_path, claims["papers"].id, "maybe", by="R. Okafor")


def test_verdicts_survive_storing_the_same_document_again(cli, claims, db_path, tmp_path):
    review(cli, claims["papers"].id, "false")
    again = build_database(db_path, tmp_path / "articles", analysed=False)   # same bytes, same claim ids
    assert again["papers"].id == claims["papers"].id
    listed = json.loads(cli("list", "--format", "json").stdout)
    assert {record["id"]: record["review"] for record in listed}[claims["papers"].id] == "false"
