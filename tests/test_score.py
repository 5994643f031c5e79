"""`factcheck score`: claims ranked by corroboration then grade, or one claim's score explained;
and `list --grade`."""

from __future__ import annotations

import json

import pytest

# Invented articles: three sources give one count independently, one source is denied.
HARBOUR = """\
Harbour Fire Injures Dockworkers

The port authority said on March 3, 2021 that 12 dockworkers were injured in the fire at the Northgate harbour. Fire chief Tomas Reyes alleged that the warehouse owner had ignored repeated safety warnings. The mayor said the harbour would reopen next week.
"""

HARBOUR_AGAIN = """\
Northgate Harbour Blaze

Hospital staff said on March 3, 2021 that twelve dockworkers had been hurt in the Northgate harbour fire. Union leaders said 12 dockworkers were injured in the blaze at the Northgate harbour. The warehouse owner rejected Reyes's allegations as baseless.
"""


@pytest.fixture
def scored(cli, articles):
    articles("port.txt", HARBOUR)
    result = cli("ingest", articles("union.txt", HARBOUR_AGAIN).parent)
    assert result.exit_code == 0, result.stderr


def score_json(cli, *args):
    result = cli("score", "--format", "json", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


def rank_key(record) -> tuple:
    return (-record["score"], record["grade"])


def test_ranked_by_score_then_grade(cli, scored):
    ranked = score_json(cli)
    assert ranked == sorted(ranked, key=rank_key)
    top = ranked[0]
    assert "dockworkers" in top["quote"] and top["score"] > 0
    assert (top["grade"], top["grade_name"]) == (1, "confirmed") and "independent" in top["explanation"]
    denied = next(r for r in ranked if r["source"] == "Tomas Reyes")
    assert (denied["status"], denied["grade"], denied["grade_name"]) == ("denied", 5, "improbable")
    assert ranked.index(denied) > ranked.index(top)


def test_limit(cli, scored):
    assert score_json(cli, "--limit", "2") == score_json(cli)[:2]


def test_table_has_the_columns_and_counts_on_stderr(cli, scored):
    result = cli("score", "--format", "table")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["id", "source", "score", "grade", "grade", "name", "status", "quote"]
    assert result.stderr == f"{len(score_json(cli))} claims\n"
    assert "improbable" in result.stdout and "Tomas Reyes" in result.stdout


def test_one_claim_explained_with_its_relations(cli, scored):
    denied = next(r for r in score_json(cli) if r["source"] == "Tomas Reyes")
    result = cli("score", denied["id"][:8])
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    for text in (f"claim {denied['id']}", "grade", "5 (improbable)", "why", "relations behind it:",
                 "denied by", "warehouse owner"):
        assert text in result.stdout
    record = score_json(cli, denied["id"])
    assert record["explanation"] == denied["explanation"] and record["grade"] == 5
    [relation] = record["relations"]
    assert (relation["relation"], relation["direction"], relation["origin"]) == ("denies", "in", "auto")
    assert relation["other_source"] == "warehouse owner"


def test_a_claim_without_relations_says_so(cli, scored):
    alone = next(r for r in score_json(cli) if r["source"] == "mayor")
    result = cli("score", alone["id"])
    assert result.exit_code == 0 and "no relations" in result.stdout


def test_unknown_claim_is_not_found(cli, scored):
    result = cli("score", "ffffffffffff")
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr.startswith("factcheck: error: no claim 'ffffffffffff'")


def test_bad_limit_is_a_usage_error(cli, scored):
    result = cli("score", "--limit", "0")
    assert (result.exit_code, result.stdout) == (2, "")


def test_list_by_grade(cli, scored):
    everything = json.loads(cli("list", "--format", "json").stdout)
    for grade in range(1, 7):
        result = cli("list", "--grade", grade, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout) == [r for r in everything if r["grade"] == grade]
    improbable = json.loads(cli("list", "--grade", "5", "--format", "json").stdout)
    assert [r["source"] for r in improbable] == ["Tomas Reyes"]
    assert cli("list", "--grade", "7").exit_code == 2
