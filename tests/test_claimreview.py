"""`export --format claimreview`: schema.org ClaimReview JSON-LD for reviewed claims."""

from __future__ import annotations

import json
import re

import pytest

from factcheck.render.claimreview import RATING_VALUES, claim_author, rating
from tests.fixtures.corpus import build_database


@pytest.fixture
def claims(db_path, tmp_path):
    return build_database(db_path, tmp_path / "articles")


def review(cli, claim_id, verdict, note=None, by="R. Okafor"):
    result = cli("review", claim_id, "--verdict", verdict, "--by", by, *(["--note", note] if note else []))
    assert result.exit_code == 0, result.stderr


def export(cli, *args):
    result = cli("export", "--format", "claimreview", *args)
    assert result.exit_code == 0, result.stderr
    return result


def test_only_reviewed_claims_are_exported_with_their_latest_verdict(cli, claims):
    review(cli, claims["papers"].id, "false")
    review(cli, claims["papers"].id, "mostly-false", "Customs records show the papers in order.")
    review(cli, claims["hit"].id, "unverifiable", "No imagery yet.", by="L. Park")
    result = export(cli)
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["@context"] == "https://schema.org"
    nodes = {node["identifier"]: node for node in document["@graph"]}
    assert set(nodes) == {claims["papers"].id, claims["hit"].id}
    papers = nodes[claims["papers"].id]
    assert papers["@type"] == "ClaimReview"
    assert papers["claimReviewed"] == claims["papers"].text
    assert papers["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                      "alternateName": "Mostly false"}
    assert papers["author"] == {"@type": "Person", "name": "R. Okafor"}
    assert papers["reviewBody"] == "Customs records show the papers in order."
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", papers["datePublished"])


def test_item_reviewed_is_the_claim_with_its_author_and_appearance(cli, claims):
    review(cli, claims["papers"].id, "false")
    review(cli, claims["hit"].id, "true")
    nodes = {node["identifier"]: node for node in json.loads(export(cli).stdout)["@graph"]}
    papers = nodes[claims["papers"].id]["itemReviewed"]
    assert papers["@type"] == "Claim"
    assert papers["author"] == {"@type": "Person", "name": "Ivo Brandt"}          # an official
    assert papers["datePublished"] == "2023-03-04"
    appearance = papers["appearance"]
    assert appearance["@type"] == "CreativeWork"
    assert appearance["url"] == "https://example.org/ostra-grain"
    assert appearance["name"] == "Port of Ostra: where did the grain go?"
    assert appearance["text"] == claims["papers"].quote
    bridge = nodes[claims["hit"].id]["itemReviewed"]
    assert bridge["author"] == {"@type": "Organization", "name": "Norland defence ministry"}  # government
    assert "url" not in bridge["appearance"]


def test_unverifiable_has_a_name_but_no_numeric_rating():
    assert rating("unverifiable") == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert [rating(verdict)["ratingValue"] for verdict in RATING_VALUES] == [5, 4, 3, 2, 1]


def test_the_article_author_speaks_for_author_claims():
    from types import SimpleNamespace

    own = SimpleNamespace(source="author", source_type="author")
    with_author = SimpleNamespace(author="Mira Sol", publisher="Coastal Ledger", name="grain.txt")
    without = SimpleNamespace(author=None, publisher="Valley Wire", name="bridge.txt")
    assert claim_author(own, with_author) == {"@type": "Person", "name": "Mira Sol"}
    assert claim_author(own, without) == {"@type": "Organization", "name": "Valley Wire"}


def test_no_reviews_give_an_empty_graph(cli, claims):
    assert json.loads(export(cli).stdout) == {"@context": "https://schema.org", "@graph": []}


def test_written_to_a_file_with_a_note_on_stderr(cli, claims, tmp_path):
    review(cli, claims["tonnes"].id, "true")
    target = tmp_path / "claimreview.jsonld"
    result = export(cli, "-o", target)
    assert result.stdout == "" and f"wrote {target}" in result.stderr
    graph = json.loads(target.read_text(encoding="utf-8"))["@graph"]
    assert [node["reviewRating"]["ratingValue"] for node in graph] == [5]

