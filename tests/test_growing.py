"""An ingest that only adds documents analyses their neighbourhood (issue 17): it reads no more
than that from the store, and what must match a complete run does, on the crossdoc corpus (when
present) and the seeds.

What must be equal (README, `factcheck analyse`): the claims, their kept profiles and index
terms; and every stored status, score and grade follows from the relations stored with it, as a
complete settling of those relations gives it. The relations themselves may differ where pairs
lie beyond the neighbourhood or weights have drifted; `analyse` (or the run at each doubling)
then gives exactly what one ingest of all the files gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import api
from factcheck.api import analysing
from factcheck.store import Store
from tests.conftest import SEEDS

CROSSDOC = Path(__file__).resolve().parents[2] / "shared" / "crossdoc" / "docs"
CORPORA = [pytest.param(CROSSDOC, id="crossdoc", marks=pytest.mark.skipif(not CROSSDOC.is_dir(), reason="no crossdoc corpus")),
           pytest.param(SEEDS, id="seeds")]


@pytest.fixture
def incremental(monkeypatch):
    """Keep every ingest incremental, however much the database grows."""
    monkeypatch.setattr(analysing, "COMPLETE_RUN_GROWTH", 1e9)


def ingested_one_by_one(folder: Path, db: Path) -> None:
    """The first half of the articles at once, then the others one ingest each."""
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    half = max(1, len(files) // 2)
    api.ingest(files[:half], db, jobs=1)
    for path in files[half:]:
        assert api.ingest([path], db, jobs=1).analysed


def kept_state(db: Path):
    with Store.open(db) as store:
        profiles, _ = store.kept_analysis()
        ids = sorted(profiles)
        return profiles, store.kept_terms_of(ids)


def settled_assessments(db: Path) -> tuple[dict, dict]:
    """(the stored assessments, those a complete settling of the stored relations gives)."""
    from dataclasses import replace

    from factcheck.analysis.deny import DenialFinder
    from factcheck.analysis.grade import assess_all, group_revisions
    from factcheck.analysis.index import ClaimIndex
    from factcheck.analysis.profile import WordWeights, build_profiles
    from factcheck.analysis.stories import find_stories

    with Store.open(db) as store:
        claims = store.claims()
        relations = store.relations()
        stored = store.assessments()
        _, findings = store.kept_analysis()
    profiles = build_profiles(claims)
    retrieval = ClaimIndex(profiles)
    profiles = [replace(p, story=s) for p, s in zip(profiles, find_stories(retrieval))]
    denials = DenialFinder(profiles, WordWeights(profiles), None, retrieval)
    denials.find()                  # what the text itself disputes: a denial and a claim of one sentence
    order = {p.claim.id: p.index for p in profiles}
    auto = sorted((r for r in relations if r.origin == "auto"),
                  key=lambda r: (profiles[order[r.source_id]].order, profiles[order[r.target_id]].order, r.relation))
    manual = [r for r in relations if r.origin != "auto"]
    revisions = group_revisions(sorted((order[f.source_id], order[f.target_id], f.reason)
                                       for f in findings if f.kind == "revision"))
    settled = assess_all(profiles, auto + manual, denials.disputed, revisions)
    return stored, {a.claim_id: a for a in settled}


@pytest.mark.parametrize("folder", CORPORA)
def test_incremental_ingests_keep_what_a_complete_run_keeps(tmp_path, folder, incremental):
    ingested_one_by_one(folder, tmp_path / "steps.db")
    api.ingest([folder], tmp_path / "once.db", jobs=1)
    assert kept_state(tmp_path / "steps.db") == kept_state(tmp_path / "once.db")


@pytest.mark.parametrize("folder", CORPORA)
def test_statuses_follow_the_stored_relations_after_incremental_ingests(tmp_path, folder, incremental):
    ingested_one_by_one(folder, tmp_path / "steps.db")
    stored, settled = settled_assessments(tmp_path / "steps.db")
    assert stored == settled
    with Store.open(tmp_path / "steps.db") as store:
        _, sealed, now = store.integrity_seals()       # the seal, updated row by row, holds
    assert sealed == now


@pytest.mark.parametrize("folder", CORPORA)
def test_analyse_after_incremental_ingests_ends_where_one_ingest_does(tmp_path, folder, incremental):
    ingested_one_by_one(folder, tmp_path / "steps.db")
    api.ingest([folder], tmp_path / "once.db", jobs=1)
    api.analyse(tmp_path / "steps.db")

    def exported(db):
        return [{k: v for k, v in r.items() if k not in ("path", "ingested_at")} for r in api.export_records(db)]

    assert exported(tmp_path / "steps.db") == exported(tmp_path / "once.db")


def test_an_added_document_reads_its_neighbourhood_not_every_claim(tmp_path, monkeypatch, incremental):
    first, second = sorted(SEEDS.glob("*.txt"))[:2]
    db = tmp_path / "claims.db"
    api.ingest([first], db, jobs=1)
    monkeypatch.setattr(Store, "claims", lambda *args, **kwargs: pytest.fail("every claim read"))
    monkeypatch.setattr(Store, "kept_analysis", lambda *args, **kwargs: pytest.fail("everything kept read"))
    summary = api.ingest([second], db, jobs=1)
    assert summary.analysed and summary.new == [str(second)] or summary.new
    monkeypatch.undo()
    with Store.open(db) as store:
        assert not store.analysis_state().stale
        assert len(store.assessments()) == len(store.claims())


def test_a_replaced_document_still_brings_a_run_over_everything(tmp_path, monkeypatch, incremental):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    api.ingest([folder], tmp_path / "claims.db", jobs=1)
    article.write_text(article.read_text(encoding="utf-8") + "\nThe ministry said the talks would resume.\n",
                       encoding="utf-8")
    parts = []
    monkeypatch.setattr("factcheck.api.growing.analyse_new", lambda *args: parts.append(args))
    assert api.ingest([folder], tmp_path / "claims.db", jobs=1).replaced
    assert parts == []
