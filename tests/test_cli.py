"""Every command on a small corpus: exit code, stdout (data) and stderr (talk) checked apart."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factcheck import __version__
from tests.conftest import ARTICLE_DRONES


def claims_json(cli, *args):
    result = cli("list", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_version_and_help(cli):
    result = cli("--version")
    assert (result.exit_code, result.stdout.strip()) == (0, f"factcheck {__version__}")
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("ingest", "list", "show", "documents", "actors", "sources", "export"):
        assert command in result.stdout


def test_ingest_reports_a_summary_on_stderr_and_nothing_on_stdout(cli, corpus):
    result = cli("ingest", corpus)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "2 documents: 2 new, 0 replaced, 0 unchanged" in result.stderr
    assert "0 failed" in result.stderr


def test_ingest_summary_as_json(cli, corpus):
    result = cli("--quiet", "ingest", corpus, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    summary = json.loads(result.stdout)
    assert summary["documents"] == 2 and len(summary["new"]) == 2 and summary["claims"] > 0
    assert summary["errors"] == [] and summary["skipped"] == []


def test_many_files_show_progress_on_stderr_only(cli, articles):
    for number in range(6):
        folder = articles(f"article{number}.txt", ARTICLE_DRONES.replace("2022", str(2010 + number))).parent
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and "6 documents: 6 new" in result.stderr


def test_quiet_ingest_says_nothing(cli, corpus):
    result = cli("--quiet", "ingest", corpus)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_ingest_is_idempotent_and_replaces_a_changed_file(cli, corpus):
    assert cli("ingest", corpus).exit_code == 0
    before = claims_json(cli)
    again = cli("ingest", corpus)
    assert again.exit_code == 0 and "0 new, 0 replaced, 2 unchanged; 0 claims extracted" in again.stderr
    assert claims_json(cli) == before

    (corpus / "drones.txt").write_text(ARTICLE_DRONES + "\nTehran said the report was false.\n",
                                       encoding="utf-8")
    changed = cli("ingest", corpus)
    assert changed.exit_code == 0 and "0 new, 1 replaced, 1 unchanged" in changed.stderr
    after = claims_json(cli)
    old_ids = {c["id"] for c in before if c["document"] == "drones.txt"}
    new_ids = {c["id"] for c in after if c["document"] == "drones.txt"}
    assert old_ids and new_ids and not old_ids & new_ids  # claim ids follow the document's hash
    assert [c for c in after if c["document"] == "strike.txt"] == \
        [c for c in before if c["document"] == "strike.txt"]


def test_ingest_metadata_options_for_one_file(cli, corpus):
    path = corpus / "drones.txt"
    result = cli("ingest", path, "--title", "Drones", "--author", "A. Writer", "--published", "2022-08-20",
                 "--url", "https://example.org/drones", "--publisher", "Example")
    assert result.exit_code == 0, result.stderr
    [document] = json.loads(cli("documents", "--format", "json").stdout)
    assert (document["title"], document["author"], document["published"]) == ("Drones", "A. Writer", "2022-08-20")
    assert document["published_inferred"] is False
    again = cli("ingest", corpus)  # the folder again, without options: the metadata given stays
    assert again.exit_code == 0 and "1 new, 0 replaced, 1 unchanged" in again.stderr
    documents = json.loads(cli("documents", "--format", "json").stdout)
    assert documents[0]["title"] == "Drones"
    retitled = cli("ingest", path, "--title", "Drones over Ukraine")
    assert retitled.exit_code == 0 and "1 replaced" in retitled.stderr


def test_metadata_options_refused_for_a_folder(cli, corpus):
    result = cli("ingest", corpus, "--title", "Drones")
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: error: --title describe one article")


def test_list_table_json_and_csv(cli, ingested):
    table = cli("list")
    assert table.exit_code == 0 and "quote" in table.stdout and "claims" in table.stderr
    records = claims_json(cli)
    assert records and all(r["type"] == "claim" for r in records)
    for field in ("id", "document", "start", "end", "quote", "text", "kind", "source", "source_type",
                  "source_span", "cue", "cue_span", "certainty", "polarity", "status", "actors", "when"):
        assert field in records[0]
    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    assert [row["id"] for row in rows] == [r["id"] for r in records]


def test_every_quote_is_the_document_text_at_its_offsets(cli, ingested):
    texts = {path.name: path.read_text(encoding="utf-8") for path in ingested.iterdir()}
    for record in claims_json(cli):
        assert texts[record["document"]][record["start"]:record["end"]] == record["quote"]


def test_list_filters(cli, ingested):
    everything = claims_json(cli)
    assert len(claims_json(cli, "--limit", "2")) == 2
    assert {r["document"] for r in claims_json(cli, "--doc", "strike.txt")} == {"strike.txt"}
    found = claims_json(cli, "--search", "drones")
    assert found and all("drones" in (r["quote"] + r["text"]).lower() for r in found)
    by_kind = claims_json(cli, "--kind", "fact")
    assert all(r["kind"] == "fact" for r in by_kind)
    by_status = claims_json(cli, "--status", "uncontested")
    assert all(r["status"] == "uncontested" for r in by_status)
    sullivan = claims_json(cli, "--source", "sullivan")
    assert sullivan and all("sullivan" in r["source"].lower() for r in sullivan)
    dated = claims_json(cli, "--since", "2022-08", "--until", "2022-08-31")
    assert all(r["when"] and r["when"][:7] >= "2022-08" for r in dated)
    assert len(everything) >= len(by_kind)


def test_list_actor_accepts_aliases_in_any_case(cli, ingested):
    russia = claims_json(cli, "--actor", "Russia")
    assert russia
    assert claims_json(cli, "--actor", "moscow") == russia
    assert claims_json(cli, "--actor", "RUSSIA") == russia
    assert all("Russia" in r["actors"] or r["source"] == "Russia" for r in russia)


def test_unknown_actor_or_document_is_reported(cli, ingested):
    result = cli("list", "--actor", "Atlantis")
    assert result.exit_code == 4 and result.stdout == ""
    assert "no actor 'Atlantis'" in result.stderr
    result = cli("list", "--doc", "nowhere.txt")
    assert result.exit_code == 4 and result.stdout == ""
    assert "no document 'nowhere.txt'" in result.stderr


def test_show_text_and_json(cli, ingested):
    record = claims_json(cli, "--search", "drones")[0]
    text = cli("show", record["id"])
    assert text.exit_code == 0, text.stderr
    assert f"«{record['quote']}»" in text.stdout.replace("\n", " ") or record["quote"][:30] in text.stdout
    assert record["document"] in text.stdout and f"{record['start']}-{record['end']}" in text.stdout
    shown = json.loads(cli("show", record["id"][:8], "--format", "json").stdout)
    assert shown["id"] == record["id"] and shown["quote"] == record["quote"]
    assert record["quote"] in shown["context"]
    assert isinstance(shown["relations"], list) and isinstance(shown["reviews"], list)


def test_documents(cli, ingested):
    table = cli("documents")
    assert table.exit_code == 0 and "drones.txt" in table.stdout and "strike.txt" in table.stdout
    records = json.loads(cli("documents", "--format", "json").stdout)
    assert [r["document"] for r in records] == ["drones.txt", "strike.txt"]
    assert records[0]["published"] == "2022-08" and records[0]["published_inferred"] is True
    assert all(r["claims"] > 0 for r in records)


def test_actors_and_alias(cli, ingested):
    table = cli("actors")
    assert table.exit_code == 0 and "Russia" in table.stdout
    added = cli("actors", "alias", "Russia", "the Bear")
    assert added.exit_code == 0 and added.stdout == "" and "names Russia" in added.stderr
    records = json.loads(cli("actors", "--format", "json").stdout)
    russia = next(r for r in records if r["actor"] == "Russia")
    assert "the bear" in russia["aliases"] and russia["claims"] > 0
    assert claims_json(cli, "--actor", "The Bear") == claims_json(cli, "--actor", "Russia")


def test_sources(cli, ingested):
    table = cli("sources")
    assert table.exit_code == 0 and "Jake Sullivan" in table.stdout
    records = json.loads(cli("sources", "--format", "json").stdout)
    assert sum(r["claims"] for r in records) == len(claims_json(cli))
    assert all(r["claims"] == r["uncontested"] + r["contested"] + r["denied"] for r in records)


def test_export_jsonl_is_what_the_scorers_read(cli, ingested):
    result = cli("export", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = [r["type"] for r in records]
    assert kinds == sorted(kinds, key=["document", "claim", "relation"].index)
    documents = [r for r in records if r["type"] == "document"]
    assert [(d["document"], d["chars"]) for d in documents] == \
        [(p.name, len(p.read_text(encoding="utf-8"))) for p in sorted(ingested.iterdir())]
    claims = [r for r in records if r["type"] == "claim"]
    assert claims == claims_json(cli)
    assert cli("export").stdout == result.stdout  # jsonl is the default, and the order is stable


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_json_and_csv_to_a_file(cli, ingested, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = cli("export", "--format", fmt, "-o", target)
    assert result.exit_code == 0 and result.stdout == "" and str(target) in result.stderr
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert set(data) == {"documents", "claims", "relations"} and data["claims"]
    else:
        assert text.splitlines()[0].startswith("id,document,start,end,quote")


def test_db_from_environment_and_default(runner, corpus, tmp_path, monkeypatch):
    from factcheck.cli import app

    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "env.db"))
    assert runner.invoke(app, ["ingest", str(corpus)]).exit_code == 0
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("FACTCHECK_DB")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["ingest", str(corpus)]).exit_code == 0
    assert (tmp_path / "claims.db").exists()


def test_square_brackets_in_quotes_are_printed_as_written(cli, articles):
    path = articles("brackets.txt", "Officials said the deal [worth $2 billion] was signed in May 2022 [sic].\n")
    assert cli("ingest", path).exit_code == 0
    [record] = claims_json(cli)
    assert "[worth $2 billion]" in record["quote"]
    assert "[worth $2 billion]" in cli("list").stdout
    assert "[worth $2 billion]" in cli("show", record["id"]).stdout
