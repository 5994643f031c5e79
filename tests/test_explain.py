"""`explain FILE` and `show --trace`: which rule found each claim, its source and status, in words."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.render.explain import CONSTRUCTIONS, SPLITS, attribution_words, split_words
from tests.conftest import ROOT

# A heading, a reported statement, an 'according to' sentence, a hedged claim of the author's own
# and a byline closing the article.
ARTICLE = """\
Drone Deal Deepens Military Ties

Officials said that the first drones reached Russia in August 2022.

According to Israeli security sources, the shipment held 46 drones.

The deal will probably expand next year.

By Jane Doe
"""


@pytest.fixture
def article(articles):
    return articles("deal.txt", ARTICLE)


def explain_json(cli, path) -> dict:
    result = cli("explain", path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


def claims_of(record: dict) -> list[dict]:
    return [claim for sentence in record["sentences"] for claim in sentence["claims"]]


def test_explain_shows_roles_rules_and_that_status_waits_for_ingest(cli, article, db_path):
    result = cli("explain", article)
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout
    assert "sentence 1 · heading" in out and "a heading or title: no claims" in out
    assert "sentence 5 · boilerplate" in out and "By Jane Doe" in out
    assert "Officials said that «the first drones reached Russia in August 2022»." in out
    assert "verb: 'said' with its subject as speaker; reported speech" in out
    assert "according to: the speaker named after 'according to'" in out
    assert "Israeli security sources (anonymous)" in out
    assert "author: no reporting cue covers it" in out
    assert "probable: hedged by 'probably'" in out
    assert "status is decided only after ingest" in out
    assert not db_path.exists()                 # explain writes nothing, not even an empty database


def test_explain_json_shape(cli, article):
    record = explain_json(cli, article)
    assert set(record) == {"document", "database", "sentences"}
    assert record["document"]["name"] == "deal.txt" and len(record["document"]["sha256"]) == 64
    assert record["database"] == {"path": None, "stored": False,
                                  "note": "status is decided only after ingest (no database to look in)"}
    roles = [sentence["role"] for sentence in record["sentences"]]
    assert roles == ["heading", "body", "body", "body", "boilerplate"]
    for sentence in record["sentences"]:
        assert {"start", "end", "role", "text", "claims"} <= set(sentence)
        assert ARTICLE[sentence["start"]:sentence["end"]] == sentence["text"]
    claims = claims_of(record)
    assert [claim["rules"]["attribution"]["construction"] for claim in claims] == ["verb", "according", "author"]
    assert claims[0]["rules"]["attribution"]["rule"] == "verb:say:speech:certain"
    assert claims[2]["certainty"] == "probable" and claims[2]["hedges"] == ["probably"]
    assert all(claim["status"] is None and claim["rules"]["split"]["rule"] == "head" for claim in claims)
    assert all(ARTICLE[claim["start"]:claim["end"]] == claim["quote"] for claim in claims)


def test_explain_after_ingest_shows_stored_status(cli, article):
    assert cli("ingest", article).exit_code == 0
    record = explain_json(cli, article)
    assert record["database"]["stored"] is True and record["database"]["note"] is None
    assert all(claim["stored"] and claim["status"] in ("uncontested", "contested", "denied")
               for claim in claims_of(record))
    result = cli("explain", article)
    assert result.exit_code == 0 and "status from" in result.stdout
    assert "decided only after ingest" not in result.stdout


def test_explain_a_missing_file_is_an_input_error(cli, tmp_path):
    result = cli("explain", tmp_path / "missing.txt")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.startswith("factcheck: error: ") and result.stderr.count("\n") == 1
    assert "missing.txt" in result.stderr


def test_explain_a_folder_is_a_usage_error(cli, tmp_path):
    result = cli("explain", tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "explain takes one file" in result.stderr


def test_show_trace_explains_a_stored_claim(cli, article):
    assert cli("ingest", article).exit_code == 0
    claim = claims_of(explain_json(cli, article))[1]
    result = cli("show", claim["id"], "--trace")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "how it was found:" in result.stdout
    assert "according to: the speaker named after 'according to'" in result.stdout
    plain = cli("show", claim["id"])
    assert plain.exit_code == 0 and "how it was found:" not in plain.stdout
    result = cli("show", claim["id"], "--trace", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["rules"] == claim["rules"]


@pytest.mark.parametrize("rule, cue, words", [
    ("verb:allege:speech:certain", "alleged", "verb: 'alleged' with its subject as speaker; reported speech"),
    ("inverted:say:speech:certain", "said", "inverted: speaker after the quotation, then 'said'; reported speech"),
    ("coordinated:assert:speech:certain", "asserted", "coordinated: 'asserted' shares the speaker"),
    ("verb:believe:thought:probable", "believes", "the cue itself makes it probable"),
    ("verb:deny:denial:certain", "denied", "a denial: the claim is the denial itself"),
    ("author", None, "author: no reporting cue covers it"),
    ("made-up", None, "rule 'made-up'"),
])
def test_attribution_rules_in_words(rule, cue, words):
    assert words in attribution_words(rule, cue)


def test_every_rule_the_pipeline_names_has_words():
    from factcheck.pipeline.attribution import attribute, colon, nominal, quotes
    from factcheck.pipeline.claims import split

    for name in ("verb", "inverted", "coordinated", "participle", "passive-by", "asked"):
        assert name in CONSTRUCTIONS and f"  {name} " in attribute.__doc__
    for name in ("according", "colon", "stance", "noun-that", "noun", "adverb", "survey"):
        assert name in CONSTRUCTIONS and f"  {name} " in nominal.__doc__
    assert "name-colon" in CONSTRUCTIONS and "  name-colon " in colon.__doc__
    for name in ("open", "before", "next", "colon"):
        assert f"quote-{name}" in CONSTRUCTIONS or name == "open" and "quote-continued" in CONSTRUCTIONS
        assert f"  {name} " in quotes.__doc__
    for name in ("semicolon", "contrast", "clause-and", "relative", "participle", "predicate-and", "list",
                 "dash", "purpose"):
        assert name in SPLITS and f"  {name} " in split.__doc__
    assert split_words("split:list-end") == SPLITS["list-end"]


def test_explain_help_imports_no_heavy_library():
    probe = ("import sys\nfrom typer.testing import CliRunner\nfrom factcheck.cli import app\n"
             "for args in (['--help'], ['explain', '--help'], ['show', '--help']):\n"
             "    assert CliRunner().invoke(app, args).exit_code == 0, args\n"
             "print(' '.join(n for n in ('sqlmodel', 'sqlalchemy', 'rapidfuzz') if n in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
