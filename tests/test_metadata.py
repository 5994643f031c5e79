"""`ingest DIR --metadata FILE`: what a user knows of each article, applied per document."""

from __future__ import annotations

import json

from tests.conftest import ARTICLE_STRIKE

INPUT = 3

# No date anywhere in the text: only the metadata can date it.
UNDATED = """\
Officials said the bridge closed last month. The mayor said on Tuesday that the works will end next month.
"""

FRONT_MATTER = """\
---
title: Own title
author: Own Author
published: 2021-05-02
---
The harbour authority said the pier would close for repairs.
"""


def documents(cli) -> dict[str, dict]:
    result = cli("documents", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return {record["document"]: record for record in json.loads(result.stdout)}


def claims(cli) -> list[dict]:
    result = cli("list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_csv_metadata_dates_and_names_each_document(cli, articles, tmp_path):
    folder = articles("bridge.txt", UNDATED).parent
    articles("strike.txt", ARTICLE_STRIKE)
    meta = tmp_path / "meta.csv"
    meta.write_text("file,title,author,publisher,published,url\n"
                    "bridge.txt,\"Bridge, again\",Ann Writer,City Times,2024-03-14,https://example.org/b\n"
                    "strike.txt,,,Wire,,\n", encoding="utf-8")
    result = cli("ingest", folder, "--metadata", meta)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "2 documents: 2 new" in result.stderr and "factcheck: warning" not in result.stderr
    stored = documents(cli)
    bridge = stored["bridge.txt"]
    assert (bridge["title"], bridge["author"], bridge["publisher"], bridge["published"]) == \
        ("Bridge, again", "Ann Writer", "City Times", "2024-03-14")
    assert bridge["published_inferred"] is False
    # An empty cell says nothing: the strike article keeps the date inferred from its text.
    assert (stored["strike.txt"]["publisher"], stored["strike.txt"]["published"]) == ("Wire", "2020-01-08")
    whens = {claim["when"] for claim in claims(cli) if claim["document"] == "bridge.txt"}
    assert {"2024-02", "2024-04"} <= whens         # "last month", "next month" against the date given


def test_json_lines_metadata_names_files_by_their_path_in_the_folder(cli, articles, tmp_path):
    folder = articles("bridge.txt", UNDATED, folder="articles/city").parent.parent
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"file": "city/bridge.txt", "published": "2024-03", "title": "Bridge"}) + "\n\n",
                    encoding="utf-8")
    result = cli("ingest", folder, "--metadata", meta)
    assert result.exit_code == 0, result.stderr
    assert documents(cli)["bridge.txt"]["published"] == "2024-03"


def test_metadata_wins_over_front_matter_and_an_empty_cell_keeps_it(cli, articles, tmp_path):
    folder = articles("pier.md", FRONT_MATTER).parent
    meta = tmp_path / "meta.csv"
    meta.write_text("file,title,published\npier.md,Given title,\n", encoding="utf-8")
    assert cli("ingest", folder, "--metadata", meta).exit_code == 0
    pier = documents(cli)["pier.md"]
    assert (pier["title"], pier["author"], pier["published"]) == ("Given title", "Own Author", "2021-05-02")


def test_changed_metadata_replaces_the_stored_document(cli, articles, tmp_path):
    folder = articles("bridge.txt", UNDATED).parent
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\nbridge.txt,2024-03-14\n", encoding="utf-8")
    assert cli("ingest", folder, "--metadata", meta).exit_code == 0
    again = cli("ingest", folder, "--metadata", meta)
    assert again.exit_code == 0 and "0 new, 0 replaced, 1 unchanged" in again.stderr
    meta.write_text("file,published\nbridge.txt,2023-11-02\n", encoding="utf-8")
    changed = cli("ingest", folder, "--metadata", meta)
    assert changed.exit_code == 0 and "1 replaced" in changed.stderr
    assert documents(cli)["bridge.txt"]["published"] == "2023-11-02"


def test_an_unknown_file_in_the_metadata_is_an_input_error(cli, articles, tmp_path, db_path):
    folder = articles("bridge.txt", UNDATED).parent
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\nbridge.txt,2024-03-14\nbrige.txt,2024-03-15\n", encoding="utf-8")
    result = cli("ingest", folder, "--metadata", meta)
    assert result.exit_code == INPUT
    assert result.stdout == ""
    assert result.stderr.startswith(f"factcheck: error: {meta}:3: 'brige.txt' is not a document in")
    assert "Traceback" not in result.stderr
    assert not db_path.exists()                     # refused before anything is stored


def test_a_bad_date_or_header_names_the_line(cli, articles, tmp_path):
    folder = articles("bridge.txt", UNDATED).parent
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\nbridge.txt,next week\n", encoding="utf-8")
    result = cli("ingest", folder, "--metadata", meta)
    assert result.exit_code == INPUT and f"{meta}:2: published 'next week' is not a date" in result.stderr
    meta.write_text("name,published\nbridge.txt,2024-03-14\n", encoding="utf-8")
    result = cli("ingest", folder, "--metadata", meta)
    assert result.exit_code == INPUT and f"{meta}:1: the header has no 'file' column" in result.stderr
    result = cli("ingest", folder, "--metadata", tmp_path / "none.csv")
    assert result.exit_code == INPUT and "no such metadata file" in result.stderr


def test_a_document_missing_from_the_metadata_is_a_warning(cli, articles, tmp_path):
    folder = articles("strike.txt", ARTICLE_STRIKE).parent
    articles("bridge.txt", UNDATED)
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published,notes\nstrike.txt,2020-01-09,x\n", encoding="utf-8")
    result = cli("ingest", folder, "--metadata", meta)
    assert result.exit_code == 0, result.stderr
    assert "2 documents: 2 new" in result.stderr
    assert "bridge.txt: not listed in meta.csv" in result.stderr
    assert "meta.csv: column(s) notes ignored" in result.stderr
    assert documents(cli)["strike.txt"]["published"] == "2020-01-09"


def test_documents_with_no_date_at_all_are_listed_last(cli, articles):
    folder = articles("bridge.txt", UNDATED).parent
    articles("strike.txt", ARTICLE_STRIKE)
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("factcheck: warning:")]
    assert len(warnings) == 1 and "1 document with no publication date" in warnings[-1]
    assert "bridge.txt" in warnings[-1] and "strike.txt" not in warnings[-1]
    assert "1 warning;" in result.stderr
    summary = json.loads(cli("--quiet", "ingest", folder, "--format", "json").stdout)
    assert summary["undated"] == ["bridge.txt"]
