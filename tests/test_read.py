"""read.py: which files are documents, how bytes become text, front matter, published dates."""

from __future__ import annotations

import hashlib

import pytest

from factcheck.errors import InputError, UsageError
from factcheck.pipeline.document.published import infer_published, normalize_date
from factcheck.pipeline.document.read import collect_paths, read_document, scan_paths
from tests.casetables import cases

LIMIT = 1_000_000


def read(path, **overrides):
    return read_document(path, max_bytes=LIMIT, overrides=overrides)


def test_utf8_text_is_kept_as_decoded_with_its_hash(articles):
    path = articles("a.txt", "Line one.\r\nIt’s here.\n")
    document = read(path)
    assert document.text == "Line one.\r\nIt’s here.\n"
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.name == "a.txt" and document.path == str(path.resolve())
    assert document.warnings == ()


def test_utf8_bom_is_stripped(articles):
    document = read(articles("a.txt", b"\xef\xbb\xbfHello world."))
    assert document.text == "Hello world."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_byte_order_mark_is_read(articles, encoding):
    data = "Iran’s missiles.".encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert read(articles("a.txt", data)).text == "Iran’s missiles."


def test_windows_1252_with_curly_quotes_is_decoded_with_a_warning(articles):
    data = "Putin said \u201cwe are ready\u201d \u2013 on Monday. Café.".encode("cp1252")
    document = read(articles("legacy.txt", data))
    assert document.text == "Putin said \u201cwe are ready\u201d \u2013 on Monday. Café."
    assert len(document.warnings) == 1 and "Windows-1252" in document.warnings[0]


@pytest.mark.parametrize("data", [
    "Café au lait, naïve résumé.".encode("latin-1"),            # no telltale curly quotes: unsure
    "\u201cПривет\u201d, мир, как дела сегодня".encode("cp1251"),  # mostly non-ASCII: not Western
    b"Text with a stray \x81 byte and \x93quotes\x94.",          # 0x81 is undefined in cp1252
])
def test_other_non_utf8_text_is_refused(articles, data):
    path = articles("legacy.txt", data)
    with pytest.raises(InputError, match=r"legacy\.txt: not UTF-8 text .*convert it to UTF-8"):
        read(path)


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"  \n\t\n", "only whitespace"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
])
def test_unusable_files_are_refused(articles, content, problem):
    path = articles("bad.txt", content)
    with pytest.raises(InputError, match=problem) as raised:
        read(path)
    assert str(path) in str(raised.value)


def test_file_over_the_size_limit_is_refused(articles):
    path = articles("big.txt", "word " * 100)
    with pytest.raises(InputError, match=r"500 bytes is over the limit of 100.*--max-bytes"):
        read_document(path, max_bytes=100, overrides={})


def test_front_matter_gives_metadata_and_is_cut_from_the_text(articles):
    path = articles("a.md", "---\ntitle: Drones\nauthor: A. Writer\npublished: 2022-08-09\n"
                            "url: https://example.org/a\nsection: World\n---\nBody text here.\n")
    document = read(path)
    assert document.text == "Body text here.\n"
    assert (document.title, document.author, document.published) == ("Drones", "A. Writer", "2022-08-09")
    assert document.url == "https://example.org/a" and not document.published_inferred
    assert any("'section' ignored" in warning for warning in document.warnings)


@pytest.mark.parametrize("content, problem", [
    ("---\ntitle: [unclosed\n---\nBody.\n", "malformed front matter"),
    ("---\ntitle: Never closed\nBody.\n", "never closed"),
    ("---\n- a list\n---\nBody.\n", "not a set of 'key: value' lines"),
    ("---\npublished: sometime soon\n---\nBody.\n", "not a date"),
    ("---\ntitle: Only metadata\n---\n\n", "no text after it"),
])
def test_malformed_front_matter_is_refused(articles, content, problem):
    path = articles("bad.md", content)
    with pytest.raises(InputError, match=problem) as raised:
        read(path)
    assert str(path) in str(raised.value)


def test_front_matter_is_only_read_in_markdown(articles):
    text = "---\ntitle: x\n---\nBody.\n"
    assert read(articles("a.txt", text)).text == text


def test_options_override_front_matter_and_published_is_normalised(articles):
    path = articles("a.md", "---\ntitle: Old\n---\nBody.\n")
    document = read(path, title="New", published="9 August 2022")
    assert (document.title, document.published) == ("New", "2022-08-09")
    with pytest.raises(UsageError, match="--published"):
        read(path, published="yesterday")


def test_published_is_inferred_from_the_latest_full_date(articles):
    document = read(articles("a.txt", "On 3 January 2020 it began. By March 2020 and on 17 May it ended."))
    assert (document.published, document.published_inferred) == ("2020-03", True)


@pytest.mark.parametrize("text, expected", [
    ("It happened on January 8, 2020 and on Feb. 3rd, 2020.", "2020-02-03"),
    ("In August 2022 and on 9 August 2022.", "2022-08-09"),
    ("Filed 2021-05-04.", "2021-05-04"),
    ("In 2019 and on 17 January.", None),
    ("The 2010-11 season; February 30, 2020.", None),
])
def test_infer_published(text, expected):
    assert infer_published(text) == expected


@pytest.mark.parametrize("case", cases("anchors.jsonl"))
def test_a_text_without_a_year_is_dated_by_the_events_it_names(case):
    """tests/cases/anchors.jsonl: dated events (lexicon/en/dated_events.txt) date a text whose
    day-and-month dates have no year."""
    assert infer_published(case["text"]) == case["expect"]


def test_a_full_date_wins_over_a_dated_event():
    assert infer_published("After the killing of Soleimani, on 5 March 2021 the court met.") == "2021-03-05"


def test_a_document_dated_by_an_event_is_marked_inferred(articles):
    document = read(articles("a.txt", "Since the killing of Soleimani, much changed. On 7 January, X spoke."))
    assert (document.published, document.published_inferred) == ("2020-01-07", True)


@pytest.mark.parametrize("value, expected", [
    ("2022", "2022"), ("2022-08", "2022-08"), ("Aug. 2022", "2022-08"),
    ("August 9, 2022", "2022-08-09"), ("2022-08-09T10:00:00Z", "2022-08-09"),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_folders_are_walked_recursively_in_order_and_other_files_skipped(articles, tmp_path):
    articles("b.txt")
    articles("a.md", folder="articles/sub")
    articles("notes.pdf", b"%PDF")
    articles(".hidden.txt")
    found = scan_paths([tmp_path / "articles"])
    assert [p.relative_to(tmp_path).as_posix() for p in found.documents] == ["articles/b.txt",
                                                                             "articles/sub/a.md"]
    assert [p.name for p in found.skipped] == ["notes.pdf"]


def test_same_file_given_twice_is_read_once(articles):
    path = articles("a.txt")
    assert collect_paths([path, path.parent]) == [path]


def test_missing_path_and_empty_folder_and_non_document_are_refused(tmp_path, articles):
    with pytest.raises(InputError, match="no such file or folder"):
        collect_paths([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    articles("x.csv", "a,b", folder="empty")
    with pytest.raises(InputError, match="folder holds no documents"):
        collect_paths([tmp_path / "empty"])
    with pytest.raises(InputError, match="not a document"):
        collect_paths([tmp_path / "empty" / "x.csv"])
