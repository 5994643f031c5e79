"""The Python API: values back, nothing printed, the same behaviour the CLI shows."""

from __future__ import annotations

import json

import pytest

from factcheck import api
from factcheck.errors import InputError, NotFound, StoreError, UsageError
from tests.conftest import ARTICLE_DRONES

LIMIT = 1_000_000


@pytest.fixture
def loaded(corpus, db_path):
    summary = api.ingest([corpus], db_path, max_bytes=LIMIT)
    assert not summary.errors
    return summary


def test_ingest_returns_what_it_did_and_prints_nothing(corpus, db_path, capsys):
    calls = []
    summary = api.ingest([corpus], db_path, max_bytes=LIMIT,
                         progress=lambda done, total, path: calls.append((done, total, path.name)))
    assert (len(summary.new), summary.documents, summary.errors) == (2, 2, [])
    assert summary.claims > 0
    assert calls == [(1, 2, "drones.txt"), (2, 2, "strike.txt")]
    assert capsys.readouterr() == ("", "")
    again = api.ingest([corpus], db_path, max_bytes=LIMIT)
    assert (again.new, again.replaced, len(again.unchanged), again.claims) == ([], [], 2, 0)


def test_copy_of_a_stored_file_is_skipped_with_a_warning(corpus, db_path, articles):
    api.ingest([corpus], db_path, max_bytes=LIMIT)
    copy = articles("copy.txt", ARTICLE_DRONES, folder="elsewhere")
    summary = api.ingest([copy], db_path, max_bytes=LIMIT)
    assert summary.new == [] and "same content as" in summary.warnings[0]


def test_two_copies_in_one_run_are_stored_once(articles, db_path):
    articles("a.txt", ARTICLE_DRONES)
    folder = articles("b.txt", ARTICLE_DRONES).parent
    summary = api.ingest([folder], db_path, max_bytes=LIMIT)
    assert [name.rsplit("/", 1)[-1] for name in summary.new] == ["a.txt"]
    assert "b.txt: same content as" in summary.warnings[0]


@pytest.mark.parametrize("batch_documents", [1, 2, 50])
def test_a_file_is_reported_done_only_once_it_is_committed(corpus, articles, db_path, monkeypatch,
                                                           batch_documents):
    import factcheck.api.ingesting
    from factcheck.store import Store

    articles("third.txt", ARTICLE_DRONES.replace("drones", "jets"))
    monkeypatch.setattr(factcheck.api.ingesting, "BATCH_DOCUMENTS", batch_documents)
    seen = []

    def committed(done, total, path):
        with Store.open(db_path, create=False) as other:     # another connection sees only commits
            seen.append((done, len(other.documents())))

    summary = api.ingest([corpus], db_path, max_bytes=LIMIT, progress=committed)
    assert len(summary.new) == 3
    assert all(stored >= done for done, stored in seen) and len(seen) == 3


def test_bad_files_are_collected_and_good_ones_stored(articles, db_path):
    articles("bad.txt", b"")
    folder = articles("good.txt", ARTICLE_DRONES).parent
    summary = api.ingest([folder], db_path, max_bytes=LIMIT)
    assert len(summary.new) == 1 and len(summary.errors) == 1 and "bad.txt" in summary.errors[0]


def test_argument_errors_come_before_any_write(tmp_path, corpus, db_path):
    with pytest.raises(InputError):
        api.ingest([tmp_path / "missing"], db_path, max_bytes=LIMIT)
    with pytest.raises(UsageError):
        api.ingest([corpus], db_path, max_bytes=LIMIT, overrides={"title": "One title for two files"})
    assert not db_path.exists()


def test_list_claims_filters_and_order(loaded, db_path):
    listed = api.list_claims(db_path)
    keys = [(item.claim.document, item.claim.start, item.claim.end) for item in listed]
    assert keys == sorted(keys)
    strike = api.list_claims(db_path, api.ClaimFilters(document="strike.txt", limit=1))
    assert len(strike) == 1 and strike[0].claim.document == "strike.txt"
    assert api.list_claims(db_path, api.ClaimFilters(actor="moscow")) == \
        api.list_claims(db_path, api.ClaimFilters(actor="Russia"))
    with pytest.raises(NotFound):
        api.list_claims(db_path, api.ClaimFilters(actor="Atlantis"))


def test_show_claim_gives_the_sentence_document_and_relations(loaded, db_path):
    claim = api.list_claims(db_path)[0].claim
    detail = api.show_claim(db_path, claim.id)
    assert detail.claim == claim and detail.document.name == claim.document
    start, end = detail.context
    assert start <= claim.start and claim.end <= end
    assert detail.document.text[claim.start:claim.end] == claim.quote
    assert isinstance(detail.relations, tuple) and detail.reviews == ()
    with pytest.raises(NotFound):
        api.show_claim(db_path, "000000000000")


def test_documents_actors_sources(loaded, db_path):
    assert [info.name for info in api.documents(db_path)] == ["drones.txt", "strike.txt"]
    assert "Russia" in [info.name for info in api.actors(db_path)]
    assert api.add_alias(db_path, "russia", "Mother Russia") == "Russia"
    assert api.list_claims(db_path, api.ClaimFilters(actor="MOTHER RUSSIA"))
    summaries = api.sources(db_path)
    assert sum(s.claims for s in summaries) == len(api.list_claims(db_path))
    assert [s.claims for s in summaries] == sorted((s.claims for s in summaries), reverse=True)


def test_export_is_deterministic_and_complete(loaded, db_path):
    text = api.export(db_path, "jsonl")
    assert text == api.export(db_path, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert sum(r["type"] == "claim" for r in records) == len(api.list_claims(db_path))
    assert json.loads(api.export(db_path, "json"))["claims"] == [r for r in records if r["type"] == "claim"]


def test_queries_never_create_a_database(db_path):
    with pytest.raises(StoreError):
        api.list_claims(db_path)
    assert not db_path.exists()
