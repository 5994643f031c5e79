"""The lexicon files: every one has a schema and loads through it, no entry is listed twice,
every reference into another file resolves, and a bad line is reported with its file and line."""

from __future__ import annotations

from collections import Counter

import pytest

import factcheck.lexicon as lexicon
from factcheck.lexicon import LexiconError, lexicon_files, load_list, load_table, numbered_records, records
from factcheck.lexicon.schema import SCHEMAS


def _clear_caches() -> None:
    for cached in (lexicon._read, lexicon.records, lexicon.load_list, lexicon.load_table):
        cached.cache_clear()


@pytest.fixture
def lexicon_dir(tmp_path, monkeypatch):
    """A lexicon folder of the test's own, with fresh caches before and after."""
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    _clear_caches()
    yield tmp_path
    monkeypatch.undo()
    _clear_caches()


def test_every_file_has_a_schema_and_every_schema_a_file():
    assert sorted(set(lexicon_files()) - set(SCHEMAS)) == []
    assert sorted(set(SCHEMAS) - set(lexicon_files())) == []


@pytest.mark.parametrize("name", lexicon_files())
def test_every_file_loads(name):
    loaded = records(name)
    assert loaded, name
    if SCHEMAS[name].shape == "list":
        assert all(isinstance(entry, str) and entry for entry in loaded)
        assert load_list(name) == loaded
    else:
        assert len(load_table(name)) == len(loaded)
        assert all(type(record).__name__.endswith("Record") for record in loaded)


@pytest.mark.parametrize("name", lexicon_files())
def test_no_duplicate_entries(name):
    schema = SCHEMAS[name]
    if schema.shape == "list":
        keys = list(records(name))
    else:
        keys = [tuple(getattr(r, f) for f in schema.key) if schema.key else r for r in records(name)]
    assert [key for key, count in Counter(keys).items() if count > 1] == []


@pytest.mark.parametrize("name", [n for n in lexicon_files() if SCHEMAS[n].refs])
def test_cross_references_resolve(name):
    schema = SCHEMAS[name]
    for field, (target, target_field) in schema.refs.items():
        known = {getattr(r, target_field) for r in records(target)}
        missing = [(number, getattr(r, field)) for number, r in numbered_records(name)
                   if getattr(r, field) not in known and getattr(r, field) != schema.unless]
        assert missing == [], (name, field)


def test_typed_fields():
    assert records("dates_relative.txt")[0].offset == -1
    assert isinstance(records("numbers_words.txt")[0].value, float)
    assert records("reporting_verbs.txt")[0].forms == ("say", "says", "said", "saying")
    holder = records("office_holders.txt")[0]
    assert (holder.country, holder.end) == ("United States", "2001-01-20")


@pytest.mark.parametrize("name, text, message", [
    ("hedges.txt", "maybe | possible\nperhaps | likely\n", "hedges.txt:2: 'likely' is not one of certain"),
    ("dates_relative.txt", "# phrase | unit | offset\ntoday | day\n", "dates_relative.txt:2: expected phrase | unit | offset"),
    ("dates_relative.txt", "today | day | none\n", "dates_relative.txt:1: invalid literal for int()"),
    ("dated_events.txt", "2020-02-30 | a storm | - | storm\n", "dated_events.txt:1: '2020-02-30' is not a YYYY-MM-DD"),
    ("boilerplate.txt", "ok\nread (more\n", "boilerplate.txt:2: not a regular expression"),
])
def test_a_bad_line_is_reported_with_file_and_line(lexicon_dir, name, text, message):
    (lexicon_dir / name).write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as raised:
        records(name)
    assert message in str(raised.value)


def test_a_reference_to_a_missing_entry_is_reported(lexicon_dir):
    (lexicon_dir / "actors.txt").write_text("Iran | country | Tehran\n", encoding="utf-8")
    (lexicon_dir / "demonyms.txt").write_text("Iranian | Iran\nRussian | Russia\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"demonyms.txt:2: country 'Russia' is no name in actors.txt"):
        records("demonyms.txt")


def test_a_table_read_for_more_fields_than_a_line_has_is_refused(lexicon_dir):
    (lexicon_dir / "units_measures.txt").write_text("km | kilometre\nton\n", encoding="utf-8")
    assert records("units_measures.txt")[1] == ("ton", ())
    with pytest.raises(LexiconError, match=r"units_measures.txt:2: expected at least 2 fields"):
        load_table("units_measures.txt", 2)


def test_a_file_without_a_schema_is_refused(lexicon_dir):
    (lexicon_dir / "new_words.txt").write_text("word\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no schema"):
        records("new_words.txt")
