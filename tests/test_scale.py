"""Reads that scale give what reading everything gave: the report, contradictions, sources, the
export and the listings compared with the same output computed from every claim and relation;
`--search` through the FTS5 index compared with a plain scan, and the index kept in step."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from factcheck import api
from factcheck.api.standing import OPPOSING, Contradiction
from factcheck.models import contradiction_type
from factcheck.render.formats import export_text, to_csv, to_json, to_jsonl
from factcheck.render.records import CLAIM_FIELDS, claim_record, document_record, relation_record
from factcheck.render.report import ReportData, render_report
from factcheck.store import Store, schema, search
from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE, ROOT

CROSSDOC = ROOT.parent / "shared" / "crossdoc" / "docs"
SEARCHES = ("drone", "DRONES", "said", "Iran's", "e", "us", "a\"b", "100%", "_", "Ärger", "ministry denied",
            "  ", "zzzz-not-there")


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """The crossdoc articles (the shipped seeds when they are absent), with a review."""
    folder = tmp_path_factory.mktemp("scale")
    db = folder / "claims.db"
    if CROSSDOC.is_dir():
        assert not api.ingest([CROSSDOC], db).errors
    else:
        shutil.copy(ROOT / "claims.db", db)
    first = api.list_claims(db)[0].claim
    api.review_claim(db, first.id, "false", "checked", by="tester")
    return db


def _every(db: Path):
    with Store.open(db) as store:
        return store.claims(), store.relations(), store.assessments(), store.latest_verdicts(), store.documents()


def _busiest_actor(db: Path) -> str:
    with Store.open(db) as store:
        return store.actors()[0].name


def test_the_report_is_the_report_of_every_claim(big_db):
    claims, relations, assessments, verdicts, documents = _every(big_db)
    actor = _busiest_actor(big_db)
    dated = sorted(c.when for c in claims if c.when)
    since = dated[len(dated) // 2][:7] if dated else None
    for scope in ({}, {"actor": actor}, {"since": since}):
        with Store.open(big_db) as store:
            scoped = store.claims(actors=[actor] if "actor" in scope else None, since=scope.get("since"))
        data = ReportData(claims=tuple(scoped), all_claims={c.id: c for c in claims}, relations=tuple(relations),
                          assessments=assessments, verdicts=verdicts, documents=tuple(documents),
                          actor=scope.get("actor"), since=scope.get("since"))
        for full in (False, True):
            assert api.build_report(big_db, full=full, **scope) == render_report(data, full=full), (scope, full)


def test_contradictions_are_those_a_scan_of_every_relation_finds(big_db):
    claims, relations, *_ = _every(big_db)
    by_id = {c.id: c for c in claims}
    expected = sorted((Contradiction(contradiction_type(r), r, by_id[r.source_id], by_id[r.target_id])
                       for r in relations if r.relation in OPPOSING and r.source_id in by_id and r.target_id in by_id),
                      key=lambda c: (c.source.document, c.source.start, c.target.document, c.target.start,
                                     c.relation.relation))
    assert api.contradictions(big_db) == expected
    actor = _busiest_actor(big_db)
    with Store.open(big_db) as store:
        wanted = {c.id for c in store.claims(actors=[actor])}
    assert api.contradictions(big_db, actor=actor.upper()) == [
        c for c in expected if {c.source.id, c.target.id} & wanted]


def test_sources_are_a_count_of_every_claim(big_db):
    claims, *_ = _every(big_db)
    counts = Counter((c.source, c.source_type, c.status) for c in claims)
    found = {(s.source, s.source_type, status): n for s in api.sources(big_db) for status, n in s.statuses.items()}
    assert found == dict(counts)
    ranked = [(s.source, s.source_type) for s in api.sources(big_db)]
    assert ranked == sorted(ranked, key=lambda k: (-sum(n for (a, b, _), n in counts.items() if (a, b) == k),
                                                    k[0].lower(), k[1]))


def test_the_streamed_export_is_the_export_of_every_record(big_db):
    claims, relations, assessments, verdicts, documents = _every(big_db)
    records = [document_record(info) for info in documents]
    records += [claim_record(c, assessments[c.id].score if c.id in assessments else None,
                             assessments[c.id].grade if c.id in assessments else None, verdicts.get(c.id))
                for c in claims]
    records += [relation_record(r) for r in sorted(relations, key=lambda r: (r.source_id, r.target_id, r.relation))]
    for fmt in ("jsonl", "json", "csv"):
        assert "".join(api.export_chunks(big_db, fmt)) == export_text(records, fmt), fmt
        assert api.export(big_db, fmt) == export_text(records, fmt)
    assert api.export_records(big_db) == records


def test_streamed_listings_are_the_listing_rendered_whole(cli, big_db):
    listed = api.list_claims(big_db)
    records = [claim_record(i.claim, i.score, i.grade, i.review) for i in listed]
    expected = {"json": to_json(records), "jsonl": to_jsonl(records), "csv": to_csv(records, CLAIM_FIELDS[1:])}
    for fmt, text in expected.items():
        result = cli("list", "--format", fmt, db=big_db)
        assert (result.exit_code, result.stdout) == (0, text), fmt
    empty = cli("list", "--search", "zzzz-not-there", "--format", "json", db=big_db)
    assert (empty.exit_code, empty.stdout) == (0, "[]\n")
    unknown = cli("list", "--actor", "Atlantis", "--format", "jsonl", db=big_db)
    assert unknown.exit_code != 0 and unknown.stdout == "" and "Atlantis" in unknown.stderr


def _without_index(db: Path, copy: Path) -> Path:
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(f"DROP TABLE {search.SEARCH_TABLE}")
    return copy


def _index_holds(db: Path) -> bool:
    with sqlite3.connect(db) as conn:
        conn.execute(f"INSERT INTO {search.SEARCH_TABLE}({search.SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)")
    return True


@pytest.mark.skipif(not search.fts5_available(), reason="this SQLite has no FTS5 trigram tokenizer")
def test_search_through_the_index_finds_what_a_scan_finds(big_db, tmp_path):
    plain = _without_index(big_db, tmp_path / "plain.db")
    claims, *_ = _every(big_db)
    words = [c.quote.split()[len(c.quote.split()) // 2] for c in claims[:: max(1, len(claims) // 20)]]
    for term in (*SEARCHES, *words):
        indexed = api.list_claims(big_db, api.ClaimFilters(search=term))
        assert indexed == api.list_claims(plain, api.ClaimFilters(search=term)), term
        assert all(term.lower() in (i.claim.quote + "\n" + i.claim.text).lower() for i in indexed)
    assert api.list_claims(big_db, api.ClaimFilters(search="DRONE"))


@pytest.mark.skipif(not search.fts5_available(), reason="this SQLite has no FTS5 trigram tokenizer")
def test_the_index_follows_new_changed_and_removed_documents(db_path, articles):
    path = articles("drones.txt", ARTICLE_DRONES)
    api.ingest([path], db_path)
    assert api.list_claims(db_path, api.ClaimFilters(search="iranian drones"))
    path.write_text(ARTICLE_STRIKE, encoding="utf-8")
    api.ingest([path], db_path)
    assert not api.list_claims(db_path, api.ClaimFilters(search="iranian drones"))
    assert api.list_claims(db_path, api.ClaimFilters(search="MISSILES"))
    with Store.open(db_path) as store:
        store.remove_document(str(path))
    assert not api.list_claims(db_path, api.ClaimFilters(search="MISSILES"))
    assert _index_holds(db_path)


@pytest.mark.skipif(not search.fts5_available(), reason="this SQLite has no FTS5 trigram tokenizer")
def test_the_migration_indexes_a_database_of_the_schema_before(big_db, tmp_path):
    old = _without_index(big_db, tmp_path / "old.db")
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(schema.schema_version() - 1),))
    assert api.list_claims(old, api.ClaimFilters(search="said")) == api.list_claims(big_db, api.ClaimFilters(search="said"))
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == \
            str(schema.schema_version())
    assert _index_holds(old)


def test_without_fts5_a_database_is_made_and_searched_by_a_scan(db_path, articles, monkeypatch):
    monkeypatch.setattr(search, "fts5_available", lambda: False)
    api.ingest([articles("drones.txt", ARTICLE_DRONES)], db_path)
    with sqlite3.connect(db_path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert search.SEARCH_TABLE not in tables
    found = api.list_claims(db_path, api.ClaimFilters(search="iranian drones"))
    assert found and all("iranian drones" in (i.claim.quote + i.claim.text).lower() for i in found)


def test_a_stored_actor_resolves_in_any_case(big_db):
    with Store.open(big_db) as store:
        name = store.actors()[-1].name
        assert api.resolve_actor(store, name.upper()) == api.resolve_actor(store, name)
        assert store.actor_named(f"  {name.swapcase()} ") == name
        assert store.actor_named("no such actor anywhere") is None


def test_an_export_to_a_file_is_written_whole(cli, big_db, tmp_path):
    target = tmp_path / "out.jsonl"
    result = cli("export", "--output", str(target), db=big_db)
    assert result.exit_code == 0 and result.stdout == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == api.export_records(big_db)
