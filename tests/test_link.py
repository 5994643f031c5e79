"""`factcheck link` and `unlink`: manual relations that re-run the analysis at once, survive
re-ingest and re-analysis, and win over automatic ones."""

from __future__ import annotations

import json

import pytest

# Invented articles: one count backed by two sources, a rejection in the other outlet of
# allegations about something no claim states (which the analysis leaves unlinked), and two forecasts for the reopening.
BRIDGE = """\
Bridge Closure in Eastvale

The city engineer said on April 12, 2022 that cracks were found in the main span of the Eastvale bridge. Council member Rosa Lind alleged that the inspection reports had been hidden from the public. The transport office said the bridge would stay closed for two months.
"""

INSPECTORS = """\
Eastvale Bridge Shut

Structural inspectors said on April 12, 2022 that cracks had been found in the main span of the Eastvale bridge. The inspectors said the bridge could reopen within a week. The city engineer rejected allegations about the bridge tolls as baseless.
"""

DETOURS = """\
Eastvale Traffic

Bus drivers said on April 14, 2022 that detours around the river added twenty minutes to each trip.
"""


@pytest.fixture
def folder(cli, articles):
    articles("bridge.txt", BRIDGE)
    path = articles("inspectors.txt", INSPECTORS).parent
    assert cli("ingest", path).exit_code == 0
    return path


def claims(cli, *args) -> dict[str, dict]:
    result = cli("list", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return {record["id"]: record for record in json.loads(result.stdout)}


def claim_id(cli, source: str, words: str) -> str:
    [found] = [i for i, r in claims(cli).items() if r["source"] == source and words in r["quote"]]
    return found


def relations_of(cli, claim: str) -> list[dict]:
    result = cli("show", claim, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["relations"]


def reanalyse(cli, articles, folder) -> None:
    """Re-ingest the folder unchanged, then with a new article, which re-runs the analysis."""
    again = cli("ingest", folder)
    assert again.exit_code == 0 and "0 new, 0 replaced" in again.stderr
    articles("detours.txt", DETOURS)
    more = cli("ingest", folder)
    assert more.exit_code == 0 and "1 new" in more.stderr


def assert_denied_by_hand(cli, denier: str, alleged: str) -> None:
    assert list(claims(cli, "--status", "denied")) == [alleged]
    assert denier in claims(cli, "--status", "contested")
    [relation] = relations_of(cli, alleged)
    assert (relation["relation"], relation["direction"], relation["other"]) == ("denies", "in", denier)
    assert (relation["origin"], relation["reason"]) == ("manual", "the engineer answers Lind")


def test_link_sets_statuses_at_once_and_survives_reingest(cli, articles, folder):
    denier = claim_id(cli, "city engineer", "rejected")
    alleged = claim_id(cli, "Rosa Lind", "hidden")
    assert claims(cli, "--status", "denied") == {}
    result = cli("link", denier, alleged, "--relation", "denies", "--note", "the engineer answers Lind")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (f"linked {denier} denies {alleged}; now {denier} is contested, "
                             f"{alleged} is denied\n")
    assert_denied_by_hand(cli, denier, alleged)
    reanalyse(cli, articles, folder)
    assert_denied_by_hand(cli, denier, alleged)
    shown = cli("show", alleged)
    assert "denied by" in shown.stdout and "the engineer answers Lind [manual]" in shown.stdout
    found = json.loads(cli("contradictions", "--format", "json").stdout)
    assert [(c["type"], c["from"]["id"], c["to"]["id"]) for c in found] == [("denies", denier, alleged)]


def test_manual_link_wins_over_the_automatic_one(cli, articles, folder):
    engineer = claim_id(cli, "city engineer", "cracks")
    inspectors = claim_id(cli, "Structural inspectors", "cracks")
    assert [r["relation"] for r in relations_of(cli, engineer)] == ["corroborates"]
    result = cli("link", engineer[:6], inspectors[:6], "-r", "contradicts")
    assert result.exit_code == 0, result.stderr
    reanalyse(cli, articles, folder)
    [relation] = relations_of(cli, engineer)
    assert (relation["relation"], relation["origin"], relation["reason"]) == ("contradicts", "manual",
                                                                              "linked by the user")
    assert {engineer, inspectors} <= set(claims(cli, "--status", "contested"))
    found = json.loads(cli("contradictions", "--type", "manual", "--format", "json").stdout)
    assert [(c["from"]["id"], c["to"]["id"]) for c in found] == [(engineer, inspectors)]


def test_unlink_removes_an_automatic_relation_for_good(cli, articles, folder):
    engineer = claim_id(cli, "city engineer", "cracks")
    inspectors = claim_id(cli, "Structural inspectors", "cracks")
    backed = json.loads(cli("score", engineer, "--format", "json").stdout)
    assert backed["score"] > 0
    result = cli("unlink", inspectors, engineer)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.startswith(f"unlinked {inspectors} and {engineer} (1 relation removed); now ")
    reanalyse(cli, articles, folder)
    assert relations_of(cli, engineer) == [] and relations_of(cli, inspectors) == []
    alone = json.loads(cli("score", engineer, "--format", "json").stdout)
    assert (alone["score"], alone["relations"]) == (0, [])


def test_unlink_then_link_again(cli, folder):
    engineer = claim_id(cli, "city engineer", "cracks")
    inspectors = claim_id(cli, "Structural inspectors", "cracks")
    assert cli("unlink", engineer, inspectors).exit_code == 0
    assert cli("link", engineer, inspectors, "-r", "repeats").exit_code == 0
    assert [(r["relation"], r["origin"]) for r in relations_of(cli, engineer)] == [("repeats", "manual")]
    assert "0 relations removed" in cli("unlink", engineer, claim_id(cli, "transport office", "closed")).stderr


@pytest.mark.parametrize("args, code, message", [
    (("link", "{a}", "ffffffffffff", "-r", "denies"), 4, "no claim 'ffffffffffff'"),
    (("unlink", "ffffffffffff", "{a}"), 4, "no claim 'ffffffffffff'"),
    (("link", "{a}", "{a6}", "-r", "denies"), 2, "are the same claim"),
    (("unlink", "{a}", "{a}"), 2, "are the same claim"),
    (("link", "{a}", "{b}", "-r", "agrees"), 2, "--relation"),
    (("link", "{a}", "{b}"), 2, "--relation"),
])
def test_bad_links_change_nothing(cli, folder, args, code, message):
    a, b = claim_id(cli, "city engineer", "cracks"), claim_id(cli, "Rosa Lind", "hidden")
    before = relations_of(cli, a)
    result = cli(*(arg.format(a=a, a6=a[:6], b=b) for arg in args))
    assert (result.exit_code, result.stdout) == (code, "")
    assert message in result.stderr
    assert relations_of(cli, a) == before


def test_quiet_link_says_nothing(cli, folder):
    a, b = claim_id(cli, "city engineer", "cracks"), claim_id(cli, "Rosa Lind", "hidden")
    assert (cli("--quiet", "link", a, b, "-r", "corroborates").stderr) == ""
