"""`check` ranks the claims the index finds by their closeness to the claim checked, reads the
query without who says it, and tells a "not" and a smaller toll apart from a restatement."""

from __future__ import annotations

import json

import pytest

from factcheck.analysis.profile import WordWeights, build_profile
from factcheck.api.check_rank import closeness
from factcheck.models import Claim

# Invented articles: a dam operator and a ministry in one, a coast guard and officials in another.
DAM = """\
---
title: Dam gates
publisher: River Post
published: 2024-03-07
---
Dam Gates

The Kessel dam operator said the dam gates were opened before the floods.

The Meridian health ministry said at least 112 people were killed in the Arvel valley floods.
"""

FERRY = """\
---
title: Ferry lost
publisher: Coastal Times
published: 2024-05-02
---
Ferry Lost

The Velmar ferry sank in the Orsk strait after its engine failed, the coast guard said.

Rescuers shot down a drone that flew over the Orsk strait, officials said.
"""


def _claim(n: int, quote: str, actors: tuple[str, ...] = ()) -> Claim:
    return Claim(id=f"c{n}", document=f"d{n}.txt", start=0, end=len(quote), quote=quote, text=quote, actors=actors)


def _profiles(*quotes: str):
    profiles = [build_profile(i, _claim(i, q)) for i, q in enumerate(quotes)]
    return profiles, WordWeights(profiles)


def test_a_claim_saying_what_the_query_says_outranks_a_fragment():
    (query, whole, fragment, other), weights = _profiles(
        "The Velmar ferry sank in the Orsk strait after its engine failed.",
        "The Velmar ferry sank in the Orsk strait on Monday after an engine failure",
        "the Velmar ferry",
        "Fishermen in the Orsk strait protested against new quotas")
    # the fragment is what a cosine over term sets favours: all its words are the query's
    close = {name: closeness(query, p, 0.5, weights) for name, p in
             (("whole", whole), ("fragment", fragment), ("other", other))}
    assert close["whole"].score > close["fragment"].score > 0
    assert close["whole"].score > close["other"].score
    assert close["whole"].covered > close["fragment"].covered
    assert "ferry" in close["whole"].shared and "ferry" in close["fragment"].shared


def test_agreeing_amounts_and_shared_actors_bring_a_claim_closer():
    (query, same, other), weights = _profiles("Iran sold 300 drones to Russia.", "Iran sold 300 drones to Russia",
                                              "Iran sold 40 drones to Russia")
    assert closeness(query, same, 0.0, weights).score > closeness(query, other, 0.0, weights).score


@pytest.fixture
def stored(cli, articles):
    articles("dam.md", DAM)
    folder = articles("ferry.md", FERRY).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr


def check_json(cli, *args) -> tuple[int, dict]:
    result = cli("check", *args, "--format", "json")
    assert result.stderr == "" or result.exit_code != 0, result.stderr
    return result.exit_code, json.loads(result.stdout)


def test_a_claim_with_a_plain_not_contradicts_the_claim_without_it(cli, stored):
    code, answer = check_json(cli, "The dam gates were not opened before the floods.", "--date", "2024-03-08")
    assert code == 0
    top = answer["propositions"][0]["claims"][0]
    assert top["stance"] == "contradicts" and "opened before the floods" in top["quote"]
    assert top["reason"].startswith("polarity:")
    assert "contradicted by" in answer["summary"]


def test_a_smaller_toll_of_the_same_floods_is_a_contradiction(cli, stored):
    code, answer = check_json(cli, "Only 40 people were killed in the Arvel valley floods.", "--date", "2024-03-08")
    assert code == 0
    against = [c for p in answer["propositions"] for c in p["claims"] if c["stance"] == "contradicts"]
    assert against, answer
    assert "112" in against[0]["quote"] and "40" in against[0]["reason"] and "112" in against[0]["reason"]


def test_the_closest_claim_comes_first_and_related_ones_follow(cli, stored):
    code, answer = check_json(cli, "Rescuers shoot down drones over the Orsk strait.", "--date", "2024-05-03")
    assert code == 0
    claims = [c for p in answer["propositions"] for c in p["claims"]]
    assert claims[0]["quote"].startswith("Rescuers shot down a drone")
    closeness_in_order = [p["similarity"] for p in answer["propositions"]]
    assert closeness_in_order == sorted(closeness_in_order, reverse=True)
    assert any("Velmar ferry" in c["quote"] for c in claims[1:])     # the same strait: related, shown after


def test_a_query_is_looked_up_without_who_said_it(cli, stored):
    code, answer = check_json(cli, "The coast guard said that the Velmar ferry sank in the Orsk strait after its engine failed.",
                              "--date", "2024-05-02")
    assert code == 0
    assert answer["query"]["source"] == "coast guard"
    assert "coast guard" not in answer["query"]["text"]
    first = answer["propositions"][0]["claims"][0]
    assert first["quote"].startswith("The Velmar ferry sank in the Orsk strait")
