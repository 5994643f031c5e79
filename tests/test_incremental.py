"""Incremental analysis: an ingest compares only the pairs that involve new claims, keeps what
earlier runs found, and a complete run (`analyse`, `ingest --reanalyse`) ends where one ingest
of all the files would."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from factcheck import api
from factcheck.analysis import update_analysis
from factcheck.api import analysing
from factcheck.config import MAX_FILE_BYTES
from factcheck.pipeline import extract
from factcheck.pipeline.document.read import read_document
from factcheck.store import Store
from tests.conftest import SEEDS

FIRST, SECOND = sorted(path.name for path in SEEDS.iterdir() if path.suffix == ".txt")[:2]


@pytest.fixture
def halves(tmp_path):
    """Folders `a` and `b` with one seed article each, and `both` with the two."""
    for folder, names in (("a", [FIRST]), ("b", [SECOND]), ("both", [FIRST, SECOND])):
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copyfile(SEEDS / name, tmp_path / folder / name)
    return tmp_path


@pytest.fixture
def incremental(monkeypatch):
    """Keep every ingest incremental, however much the database grows."""
    monkeypatch.setattr(analysing, "COMPLETE_RUN_GROWTH", 1e9)


def exported(cli, db) -> list[dict]:
    result = cli("export", "--format", "jsonl", db=db)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        record.pop("path", None)
        record.pop("ingested_at", None)
    return records


def ingest(cli, db, *paths) -> None:
    for path in paths:
        result = cli("ingest", path, db=db)
        assert result.exit_code == 0, result.stderr


def test_two_ingests_end_where_one_does(cli, halves):
    ingest(cli, halves / "two.db", halves / "a", halves / "b")
    ingest(cli, halves / "one.db", halves / "both")
    assert exported(cli, halves / "two.db") == exported(cli, halves / "one.db")


def without_weights(records: list[dict]) -> list[dict]:
    """Records with the word weights quoted in reasons blanked out: a pair found in an earlier
    run keeps the weights of the claims stored then."""
    return [{**r, "reason": re.sub(r"\(weight [\d.]+\)", "(weight)", r["reason"])} if "reason" in r else r
            for r in records]


def test_incremental_ingests_end_where_one_does_but_for_weights(cli, halves, incremental):
    ingest(cli, halves / "two.db", halves / "a", halves / "b")
    ingest(cli, halves / "one.db", halves / "both")
    two, one = exported(cli, halves / "two.db"), exported(cli, halves / "one.db")
    assert without_weights(two) == without_weights(one)


def test_analyse_and_reanalyse_redo_every_pair(cli, halves, incremental):
    ingest(cli, halves / "one.db", halves / "both")
    ingest(cli, halves / "two.db", halves / "a", halves / "b")
    result = cli("analyse", db=halves / "two.db")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and "claims analysed" in result.stderr
    assert exported(cli, halves / "two.db") == exported(cli, halves / "one.db")
    ingest(cli, halves / "three.db", halves / "a", halves / "b")
    assert cli("ingest", "--reanalyse", halves / "b", db=halves / "three.db").exit_code == 0
    assert exported(cli, halves / "three.db") == exported(cli, halves / "one.db")


def claims_of(*names):
    claims = []
    for name in names:
        claims += extract(read_document(SEEDS / name, max_bytes=MAX_FILE_BYTES)).claims
    return sorted(claims, key=lambda c: (c.document, c.start, c.end, c.id))


def test_a_second_run_profiles_and_compares_only_new_claims():
    first = update_analysis(claims_of(FIRST))
    both = claims_of(FIRST, SECOND)
    second = update_analysis(both, profiles=first.profiles, findings=first.findings)
    new = {c.id for c in claims_of(SECOND)}
    assert first.complete and not second.complete
    assert set(second.profiles) == new
    assert second.findings and all(f.source_id in new or f.target_id in new for f in second.findings)
    assert {a.claim_id for a in second.assessments} == {c.id for c in both}


def test_a_run_without_new_claims_changes_nothing():
    claims = claims_of(FIRST, SECOND)
    first = update_analysis(claims)
    again = update_analysis(claims, profiles=first.profiles, findings=first.findings)
    assert (again.relations, again.assessments) == (first.relations, first.assessments)
    assert again.profiles == {} and again.findings == []


def test_manual_link_survives_an_incremental_ingest_and_wins(cli, halves, incremental):
    db = halves / "two.db"
    ingest(cli, db, halves / "a")
    listed = json.loads(cli("list", "--format", "json", db=db).stdout)
    a, b = listed[0]["id"], listed[1]["id"]
    assert cli("link", a, b, "--relation", "denies", "--note", "checked", db=db).exit_code == 0
    ingest(cli, db, halves / "b")
    between = [r for r in exported(cli, db) if r["type"] == "relation" and {r["from"], r["to"]} == {a, b}]
    assert [(r["relation"], r["origin"], r["reason"]) for r in between] == [("denies", "manual", "checked")]


def test_a_replaced_document_is_profiled_anew(cli, halves, incremental):
    db = halves / "two.db"
    ingest(cli, db, halves / "both")
    article = halves / "both" / FIRST
    article.write_text(article.read_text(encoding="utf-8") + "\nThe ministry said the talks would resume.\n",
                       encoding="utf-8")
    ingest(cli, db, halves / "both")
    with Store.open(db) as store:
        profiles, findings = store.kept_analysis()
        ids = {claim.id for claim in store.claims()}
    assert set(profiles) == ids
    assert all(f.source_id in ids and f.target_id in ids for f in findings)


def test_changed_rules_bring_a_complete_run(halves, monkeypatch, incremental):
    db = halves / "two.db"
    api.ingest([halves / "a"], db)
    api.ingest([halves / "b"], db)
    monkeypatch.setattr("factcheck.analysis.state.fingerprint", lambda: "other rules")
    with Store.open(db) as store:
        assert analysing.run_analysis(store).complete
        assert not analysing.run_analysis(store).complete


def test_an_ingest_into_an_empty_database_analyses_the_claims_it_saved_as_read_back(halves, monkeypatch):
    given = []
    real = analysing.run_analysis

    def run_analysis(store, **options):
        given.append((options["claims"], store.claims()))
        return real(store, **options)

    monkeypatch.setattr(analysing, "run_analysis", run_analysis)
    api.ingest([halves / "both"], halves / "one.db")
    api.ingest([halves / "a"], halves / "two.db")
    api.ingest([halves / "b"], halves / "two.db")
    assert given[0][0] == given[0][1] and given[1][0] == given[1][1]
    assert given[2][0] is None                  # the second ingest into a database reads them back
