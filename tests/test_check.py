"""`factcheck check "CLAIM"`: a claim against every stored claim: who states it (origins counted
by body), who denies or contradicts it and why, exit 8 when nothing stored states or disputes it."""

from __future__ import annotations

import json

import pytest

# Invented articles: two outlets relay the Meridian health ministry's toll, a third outlet
# prints another figure in its own voice, and the ministry's statement is denied by a rebel group.
TOLL_ONE = """\
---
title: Flood toll rises
publisher: Coastal Times
published: 2024-03-04
---
Flood Toll Rises

The Meridian health ministry said 112 people died in the floods in the Arvel valley.
"""

TOLL_TWO = """\
---
title: Arvel valley floods
publisher: Harbour Gazette
published: 2024-03-05
---
Arvel Valley Floods

According to the Meridian health ministry, 112 people died in the floods in the Arvel valley.
"""

TOLL_THREE = """\
---
title: Valley counts its dead
publisher: Plains Herald
published: 2024-03-06
---
Valley Counts Its Dead

In the Arvel valley, 45 people died in the floods, local officials said.
"""

DENIAL = """\
---
title: Dam blamed
publisher: River Post
published: 2024-03-07
---
Dam Blamed

The Arvel Water Board said that engineers opened the Kessel dam before the floods.

The Kessel dam operator denied that engineers opened the Kessel dam before the floods.
"""


@pytest.fixture
def stored(cli, articles):
    articles("one.md", TOLL_ONE)
    articles("two.md", TOLL_TWO)
    articles("three.md", TOLL_THREE)
    folder = articles("four.md", DENIAL).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr


def check_json(cli, *args) -> tuple[int, dict, str]:
    result = cli("check", *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_two_outlets_citing_one_ministry_count_one_origin(cli, stored):
    code, answer, stderr = check_json(cli, "112 people died in the floods in the Arvel valley.")
    assert code == 0, stderr
    assert stderr == ""
    top = answer["propositions"][0]
    assert top["stance"] == "states"
    stating = [c for c in top["claims"] if c["stance"] == "states"]
    assert {c["outlet"] for c in stating} == {"Coastal Times", "Harbour Gazette"}
    assert len(top["origins"]) == 1
    assert sorted(top["origins"][0]["relayed_by"]) == ["Coastal Times", "Harbour Gazette"]
    assert top["first"]["outlet"] == "Coastal Times" and top["first"]["published"] == "2024-03-04"
    assert top["latest"]["outlet"] == "Harbour Gazette"
    assert answer["summary"].startswith("stated by 1 independent origin, first by ")
    for c in top["claims"]:        # every quote can be cited
        assert c["document"] and c["end"] > c["start"] and c["quote"]


def test_a_different_number_is_a_contradiction_with_both_numbers(cli, stored):
    code, answer, _ = check_json(cli, "112 people died in the floods in the Arvel valley.")
    assert code == 0
    against = [c for p in answer["propositions"] for c in p["claims"] if c["stance"] == "contradicts"]
    assert against, answer
    assert "45" in against[0]["quote"]
    assert "112" in against[0]["reason"] and "45" in against[0]["reason"]
    assert "contradicted by" in answer["summary"]


def test_a_denial_is_shown_as_a_denial(cli, stored):
    code, answer, _ = check_json(cli, "Engineers opened the Kessel dam before the floods.",
                                 "--source", "Arvel Water Board", "--date", "2024-03-07")
    assert code == 0
    stances = {c["stance"]: c for p in answer["propositions"] for c in p["claims"]}
    assert "denies" in stances, answer
    assert "denied" in stances["denies"]["quote"]
    assert "denied by" in answer["summary"]


def test_an_unrelated_claim_returns_nothing_and_exit_8(cli, stored):
    result = cli("check", "The central bank raised interest rates by half a point.")
    assert result.exit_code == 8
    assert "no stored claim states or disputes it" in result.stdout
    assert result.stderr == ""
    code, answer, _ = check_json(cli, "The central bank raised interest rates by half a point.")
    assert code == 8 and answer["matched"] is False and answer["propositions"] == []


def test_text_output_names_stances_and_offsets(cli, stored):
    result = cli("check", "112 people died in the floods in the Arvel valley.")
    assert result.exit_code == 0, result.stderr
    assert "states it" in result.stdout and "contradicts it" in result.stdout
    assert "one.md" in result.stdout and "origins:" in result.stdout


def test_claim_from_a_file(cli, stored, tmp_path):
    claim = tmp_path / "claim.txt"
    claim.write_text("112 people died in the floods in the Arvel valley.\n", encoding="utf-8")
    result = cli("check", "--file", claim, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["matched"] is True


def test_check_is_read_only_unless_saved(cli, stored):
    before = cli("documents", "--format", "json").stdout
    assert cli("check", "112 people died in the floods in the Arvel valley.").exit_code == 0
    assert cli("documents", "--format", "json").stdout == before
    saved = cli("check", "112 people died in the floods in the Arvel valley.", "--source", "Valley Radio",
                "--date", "2024-03-08", "--save")
    assert saved.exit_code == 0, saved.stderr
    assert "stored as check-" in saved.stderr
    documents = json.loads(cli("documents", "--format", "json").stdout)
    added = [d for d in documents if d["document"].startswith("check-")]
    assert len(added) == 1 and added[0]["publisher"] == "Valley Radio" and added[0]["published"] == "2024-03-08"


def test_usage_errors(cli, stored):
    bad = cli("check", "Something happened.", "--date", "soon")
    assert bad.exit_code == 2 and bad.stdout == ""
    missing = cli("check", "--file", "/nonexistent/claim.txt")
    assert missing.exit_code == 3 and "no such file" in missing.stderr


def test_check_reads_the_index_the_analysis_keeps(cli, articles):
    """After an ingest the analysis keeps each claim's index terms, and `check` finds candidates
    through them alone (not by decoding every kept profile)."""
    import sqlite3

    folder = articles("a.txt", "Water Rates\n\nThe Cascade Water Board said the water rates in Alder County would rise by 9 percent in July.\n").parent
    assert cli("ingest", folder).exit_code == 0
    db = folder.parent / "claims.db"
    with sqlite3.connect(db) as conn:
        terms = {row[0] for row in conn.execute("SELECT term FROM claim_term")}
    assert {"water", "rat", "@cascade water board"} & terms
    result = cli("check", "Water rates in Alder County will rise by 9 percent", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "water rates in Alder County" in result.stdout


GRID = """\
---
title: Grid attack blamed on North Korea
publisher: Northline Wire
published: 2025-03-08
---
Grid Attack Blamed On North Korea

The cyberattack on the regional power grid was carried out by hackers working for North Korea, investigators at Northline Security said on Saturday.
"""


def test_another_party_named_for_one_incident_is_a_contradiction(cli, articles):
    folder = articles("grid.md", GRID).parent
    assert cli("ingest", folder).exit_code == 0
    code, answer, _ = check_json(cli, "Russia was behind the cyberattack on the regional power grid.",
                                 "--source", "Ukrainian energy ministry", "--date", "2025-03-07")
    assert code == 0
    against = [c for p in answer["propositions"] for c in p["claims"] if c["stance"] == "contradicts"]
    assert against, answer
    assert "responsib" in against[0]["reason"] and "north korea" in against[0]["reason"].lower()
