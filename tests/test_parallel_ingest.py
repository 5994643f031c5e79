"""Parallel ingest (`ingest --jobs N`, issue 17): documents extracted in worker processes, one
writer; the same database whatever N, and per-file errors and budgets reported as with one job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import api
from factcheck.api.extracting import Extractor, extract_document, profile_claims
from factcheck.errors import UsageError
from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE, SEEDS
from tests.test_concurrency import seed_parts

CROSSDOC = Path(__file__).resolve().parents[2] / "shared" / "crossdoc" / "docs"


def exported(db: Path) -> list[dict]:
    records = api.export_records(db)
    for record in records:
        record.pop("path", None)
        record.pop("ingested_at", None)
    return records


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Articles whose claims deny, contradict and repeat each other across files: the crossdoc
    corpus when present, else the seeds cut into parts."""
    if CROSSDOC.is_dir():
        return CROSSDOC
    seed_parts(tmp_path / "parts", parts=4)
    return tmp_path / "parts"


def test_the_database_is_the_same_whatever_the_jobs(tmp_path, corpus):
    one = api.ingest([corpus], tmp_path / "one.db", jobs=1)
    three = api.ingest([corpus], tmp_path / "three.db", jobs=3)
    assert one.new == three.new and len(one.new) >= 4 and one.claims == three.claims
    assert exported(tmp_path / "one.db") == exported(tmp_path / "three.db")


def test_errors_and_budgets_are_reported_per_file_with_workers(cli, articles):
    from factcheck.pipeline.claims.build import MAX_SENTENCE_CHARS

    sentence = ", ".join(["the minister said the plan failed"] * (MAX_SENTENCE_CHARS // 36)) + "."
    slow = articles("b_slow.txt", "\n\n".join([sentence] * 300) + "\n")
    articles("a_good.txt", ARTICLE_DRONES)
    binary = articles("c_binary.txt", b"\x00\x01\x02binary")
    articles("d_good.txt", ARTICLE_STRIKE)
    result = cli("ingest", slow.parent, "--time-budget", "1", "--jobs", "2")
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 2 and "budget of 1 seconds" in errors[0] and str(binary) in errors[1]
    assert "2 documents: 2 new" in result.stderr and "2 failed" in result.stderr
    listed = json.loads(cli("documents", "--format", "json").stdout)
    assert sorted(d["document"] for d in listed) == ["a_good.txt", "d_good.txt"]


def test_unchanged_files_are_not_extracted_again(tmp_path, monkeypatch):
    folder = tmp_path / "parts"
    seed_parts(folder)
    api.ingest([folder], tmp_path / "claims.db", jobs=2)
    monkeypatch.setattr("factcheck.pipeline.extract", lambda *args, **kwargs: pytest.fail("extracted again"))
    again = api.ingest([folder], tmp_path / "claims.db", jobs=2)
    assert again.new == [] and len(again.unchanged) == 3


def test_the_extractions_come_back_in_the_order_given():
    from factcheck.config import MAX_FILE_BYTES
    from factcheck.pipeline.document.read import read_document

    paths = sorted(SEEDS.glob("*.txt"))[:3] * 2
    with Extractor(2, {}) as extractor:
        out = list(extractor.stream((n, lambda p=p: (read_document(p, max_bytes=MAX_FILE_BYTES), None))
                                    for n, p in enumerate(paths)))
    assert [n for n, _ in out] == list(range(len(paths)))
    assert [made.extraction.document.name for _, made in out] == [p.name for p in paths]


def test_a_workers_profiles_are_those_the_analysis_builds():
    from factcheck.analysis import update_analysis
    from factcheck.config import MAX_FILE_BYTES
    from factcheck.pipeline.document.read import read_document
    from factcheck.store.records import as_loaded

    made = extract_document(read_document(sorted(SEEDS.glob("*.txt"))[0], max_bytes=MAX_FILE_BYTES), {}, None)
    claims = as_loaded(made.extraction.claims)
    built = update_analysis(claims)
    assert {key: data for key, (data, _) in profile_claims(made.extraction).items()} == built.profiles
    assert {key: terms for key, (_, terms) in made.profiles.items()} == built.terms
    prepared = update_analysis(claims, prepared=made.profiles)
    assert (prepared.relations, prepared.assessments) == (built.relations, built.assessments)


def test_jobs_below_one_are_refused(tmp_path, cli):
    with pytest.raises(UsageError):
        api.ingest([SEEDS], tmp_path / "claims.db", jobs=0)
    result = cli("ingest", SEEDS, "--jobs", "0")
    assert result.exit_code == 2 and "--jobs" in result.stderr
