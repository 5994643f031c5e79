"""`export --format claimreview`: schema.org ClaimReview JSON-LD for reviewed claims."""

from __future__ import annotations

import json
import re

import pytest

from factcheck.render.claimreview import RATING_VALUES, claim_author, rating, standalone_text
from tests.fixtures.corpus import build_database


@pytest.fixture
def claims(db_path, tmp_path):
    return build_database(db_path, tmp_path / "articles")


def review(cli, claim_id, verdict, note=None, by="R. Okafor"):
    result = cli("review", claim_id, "--verdict", verdict, "--by", by, *(["--note", note] if note else []))
    assert result.exit_code == 0, result.stderr


REVIEW_URL = "https://checks.example.org/claims/{id}"


def export(cli, *args):
    result = cli("export", "--format", "claimreview", "--review-url", REVIEW_URL, *args)
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


def test_no_reviews_is_an_error_not_an_empty_graph(cli, claims):
    result = cli("export", "--format", "claimreview", "--review-url", REVIEW_URL)
    assert (result.exit_code, result.stdout) == (4, "")
    assert "no reviewed claims" in result.stderr and "factcheck review" in result.stderr


def test_the_review_url_is_required_and_holds_the_claim_id(cli, claims):
    review(cli, claims["papers"].id, "false")
    for args in ((), ("--review-url", "https://checks.example.org/latest")):
        result = cli("export", "--format", "claimreview", *args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert "--review-url" in result.stderr and "{id}" in result.stderr
    result = cli("export", "--format", "jsonl", "--publisher", "Ledger Checks")
    assert result.exit_code == 2 and "--format claimreview" in result.stderr


# Google's ClaimReview fields (developers.google.com/search/docs/appearance/structured-data/factcheck):
# required claimReviewed, reviewRating (with alternateName), url; recommended author, itemReviewed
# (a Claim with author, appearance, firstAppearance, datePublished), datePublished.
def test_every_field_google_documents(cli, claims):
    review(cli, claims["papers"].id, "mostly-false", "Customs records show the papers in order.")
    node = json.loads(export(cli, "--publisher", "Ledger Checks").stdout)["@graph"][0]
    papers = claims["papers"]
    assert node["@type"] == "ClaimReview"
    assert node["url"] == f"https://checks.example.org/claims/{papers.id}"
    assert node["claimReviewed"] == papers.text
    assert node["author"] == {"@type": "Organization", "name": "Ledger Checks"}
    assert node["editor"] == {"@type": "Person", "name": "R. Okafor"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", node["datePublished"])
    assert node["reviewRating"]["alternateName"] == "Mostly false"
    assert node["reviewRating"]["ratingValue"] == 2
    item = node["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"@type": "Person", "name": "Ivo Brandt"}
    assert item["appearance"]["url"] == "https://example.org/ostra-grain"
    assert item["appearance"]["name"] == "Port of Ostra: where did the grain go?"
    assert item["firstAppearance"]["url"] == "https://example.org/ostra-grain"
    assert item["datePublished"] == "2023-03-04"


def test_first_appearance_is_the_earliest_document_stating_it(cli, claims):
    later, earlier = claims["hit"], claims["papers"]        # 2023-05-10 and 2023-03-04
    result = cli("link", later.id, earlier.id, "--relation", "repeats")
    assert result.exit_code == 0, result.stderr
    review(cli, later.id, "false")
    item = json.loads(export(cli).stdout)["@graph"][0]["itemReviewed"]
    assert item["appearance"]["name"] == "Border bridge damaged"
    assert item["firstAppearance"]["name"] == "Port of Ostra: where did the grain go?"
    assert item["firstAppearance"]["text"] == earlier.quote
    assert item["datePublished"] == "2023-03-04"


def test_an_article_without_a_title_is_not_named_after_its_file(cli, articles):
    from tests.conftest import ARTICLE_DRONES

    result = cli("ingest", articles("drones.txt", ARTICLE_DRONES))
    assert result.exit_code == 0, result.stderr
    claim = json.loads(cli("list", "--format", "json").stdout)[0]
    review(cli, claim["id"], "true")
    appearance = json.loads(export(cli).stdout)["@graph"][0]["itemReviewed"]["appearance"]
    assert "name" not in appearance and appearance["text"] == claim["quote"]


def test_claim_reviewed_is_a_whole_sentence_when_the_claim_text_is_a_fragment():
    from types import SimpleNamespace

    sentence = 'The ministry called the report "alarmist and simply false."'
    document = SimpleNamespace(text=sentence + " More text.")
    fragment = SimpleNamespace(text='It "alarmist and simply false.', quote="alarmist and simply false.",
                               context=(0, len(sentence)))
    assert standalone_text(fragment, document) == sentence
    whole = SimpleNamespace(text="Russia plans to buy drones.", quote="Russia plans to buy drones", context=None)
    assert standalone_text(whole, document) == "Russia plans to buy drones."


def test_markup_is_safe_inside_a_script_element(cli, claims):
    review(cli, claims["papers"].id, "false", "See </script><script>alert(1)</script>")
    text = export(cli).stdout
    assert "</" not in text and "<\\/script>" in text
    assert json.loads(text)["@graph"][0]["reviewBody"] == "See </script><script>alert(1)</script>"


def test_written_to_a_file_with_a_note_on_stderr(cli, claims, tmp_path):
    review(cli, claims["tonnes"].id, "true")
    target = tmp_path / "claimreview.jsonld"
    result = export(cli, "-o", target)
    assert result.stdout == "" and f"wrote {target}" in result.stderr
    graph = json.loads(target.read_text(encoding="utf-8"))["@graph"]
    assert [node["reviewRating"]["ratingValue"] for node in graph] == [5]

