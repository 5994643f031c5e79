"""`factcheck trace`: a proposition across documents in date order, origins counted by body,
denials of any member shown with who made them; `actors alias` merges origins."""

from __future__ import annotations

import json

import pytest

# Invented articles: one outlet citing a port authority and its spokeswoman, a second outlet
# stating the same in its own voice a day later, and a denial by the operator.
PORT_ONE = """\
---
title: Terminal sale talks
publisher: Harbour Gazette
published: 2024-05-02
---
Port Closure Looms

The Vell Port Authority said the container terminal at Vell would close for repairs in June.

A Vell Port Authority spokeswoman said the container terminal at Vell would close for repairs in June.
"""

PORT_TWO = """\
---
title: Vell terminal to shut
publisher: Coastal Times
published: 2024-05-03
---
Vell Terminal To Shut

The container terminal at Vell will close for repairs in June, the Coastal Times has learned.

The terminal operator Vell Cargo denied this, saying the terminal would stay open all summer.
"""


@pytest.fixture
def port(cli, articles):
    articles("one.md", PORT_ONE)
    folder = articles("two.md", PORT_TWO).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr


def listed(cli) -> list[dict]:
    result = cli("list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def find(cli, document: str, words: str) -> dict:
    """The first claim of `document` (in reading order) whose quote holds `words`."""
    return min((r for r in listed(cli) if r["document"] == document and words in r["quote"]),
               key=lambda r: r["start"])


def trace_json(cli, claim_id: str) -> dict:
    result = cli("trace", claim_id, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


def test_trace_lists_the_proposition_in_date_order_with_offsets(cli, port):
    first = find(cli, "one.md", "container terminal")
    found = trace_json(cli, first["id"])
    members = found["members"]
    assert members[0]["role"] == "first" and members[0]["document"] == "one.md"
    assert [m["published"] for m in members] == sorted(m["published"] for m in members)
    assert {"one.md", "two.md"} <= {m["document"] for m in members}
    for m in members:               # every line can be cited: offsets point at the quote
        assert m["end"] - m["start"] == len(m["quote"]) and m["outlet"] in ("Harbour Gazette", "Coastal Times")


def test_the_authority_and_its_spokeswoman_are_one_origin(cli, port):
    first = find(cli, "one.md", "container terminal")
    found = trace_json(cli, first["id"])
    gazette = [m for m in found["members"] if m["document"] == "one.md"]
    assert len(gazette) == 2 and [m["role"] for m in gazette] == ["first", "repeats"]
    assert len(found["origins"]) == 2          # the authority, and the Coastal Times' own reporting
    assert "stated by 2 independent origins" in found["summary"]


def test_a_denial_of_one_member_is_shown_for_the_proposition(cli, port):
    first = find(cli, "one.md", "container terminal")
    found = trace_json(cli, first["id"])
    [denial] = [d for d in found["disputes"] if d["relation"] == "denies"]
    assert denial["document"] == "two.md" and "denied" in denial["quote"]
    assert "denied by" in found["summary"]
    assert find(cli, "one.md", "container terminal")["status"] == "denied"


def test_trace_as_text_names_roles_outlets_and_ids(cli, port):
    first = find(cli, "one.md", "container terminal")
    result = cli("trace", first["id"])
    assert result.exit_code == 0, result.stderr
    for text in ("first appearance", "repeats", "Harbour Gazette", "Coastal Times", first["id"], "denies"):
        assert text in result.stdout


def test_trace_of_an_unknown_claim_is_not_found(cli, port):
    result = cli("trace", "ffffffffffff")
    assert result.exit_code == 4 and result.stdout == ""
    assert "ffffffffffff" in result.stderr


def test_an_alias_makes_two_sources_one_origin(cli, articles):
    articles("a.txt", "Water Rates\n\nThe Cascade Water Board said the water rates in Alder County would rise by 9 percent in July.\n")
    folder = articles("b.txt", "Rates Up\n\nCWB said the water rates in Alder County would rise by 9 percent in July.\n").parent
    assert cli("ingest", folder).exit_code == 0
    board = find(cli, "a.txt", "water rates")
    assert [m["role"] for m in trace_json(cli, board["id"])["members"]] == ["first", "corroborates"]
    result = cli("actors", "alias", "Cascade Water Board", "CWB")
    assert result.exit_code == 0, result.stderr
    assert [m["role"] for m in trace_json(cli, board["id"])["members"]] == ["first", "repeats"]
