"""`factcheck contradictions`: denials and typed conflicts with both claims and the reason."""

from __future__ import annotations

import json

import pytest

from factcheck.models import CONTRADICTION_TYPES, Relation, contradiction_type

# Invented articles: a denial by reference, a clash of characterisations, two launch dates.
HARBOUR_FIRE = """\
Harbour Fire Leaves Dockworkers Injured

Mayor Elena Vasquez said the blaze was caused by an electrical fault in a storage shed.

Fire chief Tomas Reyes alleged that the warehouse owner had ignored repeated safety warnings.
"""

HARBOUR_DENIAL = """\
Northgate Harbour Blaze: Questions Remain

The warehouse owner rejected Reyes's allegations as baseless.
"""

LAUNCH = """\
Satellite Launch Draws Scrutiny

Iran's space agency said the Orbis satellite launched from the Semnan site on June 4, 2021 lost its orbit by accident.

Defence analysts said the Orbis satellite launched from the Semnan site deliberately lost its orbit.
"""

LAUNCH_DATE = """\
Orbis Launch Date Disputed

Iran's state broadcaster reported that the Orbis satellite was launched from the Semnan site on June 9, 2021.
"""


@pytest.fixture
def disputes(cli, articles):
    for name, text in (("fire.txt", HARBOUR_FIRE), ("denial.txt", HARBOUR_DENIAL),
                       ("launch.txt", LAUNCH), ("date.txt", LAUNCH_DATE)):
        folder = articles(name, text).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr


def contradictions_json(cli, *args) -> list[dict]:
    result = cli("contradictions", "--format", "json", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("relation, reason, origin, expected", [
    ("denies", "denies by reference: 'rejected' of \"Reyes's\" statements -> ...", "auto", "denies"),
    ("denies", "denies by anaphora: 'denied' points back to ...", "auto", "denies"),
    ("denies", "the minister's reply", "manual", "denies"),
    ("contradicts", "numeric: 12 vs 30 for the same injured", "auto", "numeric"),
    ("contradicts", "date: 2021-06-04 vs 2021-06-09 for the same event (launch)", "auto", "date"),
    ("contradicts", "polarity: 'x' vs not so, 'y'", "auto", "polarity"),
    ("contradicts", "stance (purpose): 'civilian purposes' vs 'military purposes'", "auto", "stance"),
    ("contradicts", "stance (purpose): 'a' vs 'b' (carried over: 'c' and 'd' state the same)", "auto", "stance"),
    ("contradicts", "counter-assertion: X denies 'a' and asserts 'b' instead", "auto", "counter-assertion"),
    ("contradicts", "numeric: an editor's note", "manual", "manual"),
    ("contradicts", "something new", "auto", "other"),
])
def test_contradiction_type_from_the_reason(relation, reason, origin, expected):
    assert contradiction_type(Relation(relation, "a", "b", reason, origin=origin)) == expected
    assert expected in CONTRADICTION_TYPES


def test_every_contradiction_with_both_claims_and_the_reason(cli, disputes):
    found = contradictions_json(cli)
    assert sorted(item["type"] for item in found) == ["date", "denies", "stance"]
    denial = next(item for item in found if item["type"] == "denies")
    assert denial["relation"] == "denies" and denial["reason"].startswith("denies by reference")
    assert (denial["from"]["source"], denial["from"]["document"]) == ("warehouse owner", "denial.txt")
    assert (denial["to"]["source"], denial["to"]["status"]) == ("Tomas Reyes", "denied")
    assert "ignored repeated safety warnings" in denial["to"]["quote"]
    stance = next(item for item in found if item["type"] == "stance")
    assert "by accident" in stance["from"]["quote"] + stance["to"]["quote"]
    assert stance["origin"] == "auto" and stance["reason"].startswith("stance (intent)")


def test_table_shows_ids_sources_quotes_and_reasons(cli, disputes):
    result = cli("contradictions")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "3 contradictions\n"
    for text in ("type", "against", "reason", "Tomas Reyes", "denies by reference", "stance (intent)",
                 "denial.txt"):
        assert text in result.stdout
    for item in contradictions_json(cli):
        assert item["from"]["id"] in result.stdout and item["to"]["id"] in result.stdout


def test_filter_by_type(cli, disputes):
    assert [item["type"] for item in contradictions_json(cli, "--type", "date")] == ["date"]
    assert contradictions_json(cli, "--type", "numeric") == []


def test_filter_by_actor_through_an_alias(cli, disputes):
    by_alias = contradictions_json(cli, "--actor", "tehran")  # Iran, by an alias in another case
    assert sorted(item["type"] for item in by_alias) == ["date", "stance"]
    assert by_alias == contradictions_json(cli, "--actor", "Iran")


def test_unknown_actor_is_not_found(cli, disputes):
    result = cli("contradictions", "--actor", "Atlantis")
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr.startswith("factcheck: error: no actor 'Atlantis'")


def test_unknown_type_is_a_usage_error(cli, disputes):
    result = cli("contradictions", "--type", "rumour")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--type" in result.stderr


def test_none_found(cli, articles):
    assert cli("ingest", articles("calm.txt", "The council said the bridge reopened on Monday.\n")).exit_code == 0
    result = cli("contradictions")
    assert (result.exit_code, result.stderr) == (0, "0 contradictions\n")
    assert contradictions_json(cli) == []


def test_missing_database_is_a_store_error(cli, tmp_path):
    result = cli("contradictions", db=tmp_path / "none.db")
    assert (result.exit_code, result.stdout) == (5, "")
    assert "no database" in result.stderr
