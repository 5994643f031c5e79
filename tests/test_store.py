"""The database layer: round trips, replacement on re-ingest, queries, schema safety, locking."""

from __future__ import annotations

import ast
import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from factcheck.errors import InputError, NotFound, StoreError, StoreLocked, UsageError
from factcheck.models import (
    Assessment,
    Claim,
    Document,
    Extraction,
    Quantity,
    Relation,
    claim_id,
)
from factcheck.store import ActorInfo, Store, schema_version
from factcheck.store import schema as store_schema
from factcheck.store import writes as store_writes

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"

TEXT = (
    "US National Security Advisor Jake Sullivan alleged that Iran plans to supply Russia "
    "with hundreds of drones. Moscow denied the report on Tuesday. "
    "Kyiv said about 2,000 kilometers of front line remain contested."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_claim(document: Document, part: str, **fields) -> Claim:
    start, end = span(document.text, part)
    return Claim(
        id=claim_id(document.sha256, start, end), document=document.name, start=start, end=end,
        quote=part, text=fields.pop("text", part), **fields,
    )


def make_document(tmp_path: Path, name: str = "a.txt", text: str = TEXT, **fields) -> Document:
    folder = fields.pop("folder", tmp_path)
    return Document(
        name=name, path=str(folder / name), sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text, **fields,
    )


def sample_extraction(tmp_path: Path, text: str = TEXT, **document_fields) -> Extraction:
    document = make_document(tmp_path, text=text, **document_fields)
    first = make_claim(
        document, "Iran plans to supply Russia with hundreds of drones",
        text="Iran plans to supply Russia with hundreds of drones.",
        kind="prediction", source="Jake Sullivan", source_type="official",
        source_span=span(document.text, "US National Security Advisor Jake Sullivan"),
        cue="alleged", cue_span=span(document.text, "alleged"), certainty="probable",
        actors=("Iran", "Russia"), when="2022-07-11", paragraph=0, sentence=0,
        context=(0, document.text.index("drones.") + len("drones.")),
        hedges=("alleged",), trace=("verb-that", "split"),
    )
    second = make_claim(
        document, "the report", text="Russia denied that Iran plans to supply it with drones.",
        source="Russia", source_type="government", cue="denied", polarity="negative",
        actors=("Russia",), when="2022-07-12/2022-07-13", sentence=1, denial=True,
    )
    third = make_claim(
        document, "about 2,000 kilometers of front line remain contested",
        source="Ukraine", source_type="government", actors=("Ukraine",), when=None, sentence=2,
        numbers=(Quantity(2000.0, "kilometer", "about 2,000 kilometers", 0, 0, "about"),),
    )
    return Extraction(document=document, sentences=(), claims=(first, second, third))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def store(db: Path):
    with Store.open(db) as opened:
        yield opened


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# round trip and replacement


def test_saved_extraction_comes_back_with_every_field(store: Store, tmp_path: Path) -> None:
    extraction = sample_extraction(tmp_path, title="Drones", author="A. Writer", publisher="Wire",
                                   url="https://example.org/x", published="2022-07",
                                   published_inferred=True, warnings=("odd byte",))
    assert store.save_extraction(extraction) == 3
    assert tuple(store.claims()) == extraction.claims
    assert store.document("a.txt") == extraction.document
    for claim in store.claims():
        assert extraction.document.text[claim.start:claim.end] == claim.quote


def test_document_info_and_lookup_by_name_path_and_hash(store: Store, tmp_path: Path) -> None:
    extraction = sample_extraction(tmp_path, title="Drones")
    store.save_extraction(extraction)
    document = extraction.document
    [info] = store.documents()
    assert (info.name, info.path, info.sha256) == ("a.txt", document.path, document.sha256)
    assert info.title == "Drones"
    assert (info.claims, info.chars) == (3, len(TEXT))
    assert info.ingested_at.endswith("Z")
    assert store.document_by_path(document.path) == info
    assert store.document_by_path(str(tmp_path / "other.txt")) is None
    assert store.document_by_sha256(document.sha256) == info
    assert store.document(document.path) == document
    assert store.document(document.sha256[:8]) == document
    with pytest.raises(NotFound, match="factcheck documents"):
        store.document("missing.txt")


def test_same_file_name_in_two_folders_is_ambiguous_by_name(store: Store, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    store.save_extraction(sample_extraction(tmp_path))
    store.save_extraction(sample_extraction(tmp_path, text=TEXT + " More.", folder=tmp_path / "x"))
    with pytest.raises(UsageError, match="ambiguous"):
        store.document("a.txt")
    assert store.document(str(tmp_path / "x" / "a.txt")).text.endswith("More.")


def test_resave_replaces_claims_but_keeps_reviews_and_manual_relations(store: Store, tmp_path: Path) -> None:
    old = sample_extraction(tmp_path)
    store.save_extraction(old)
    first, second, third = (claim.id for claim in old.claims)
    store.add_review(first, "accurate", "checked the transcript", "ed")
    store.add_manual_relation(Relation("denies", second, first, "Moscow denies it"))
    store.replace_auto_relations([Relation("corroborates", first, third, "same topic", 0.4)])

    new = sample_extraction(tmp_path, text="Preface. " + TEXT)   # same path, changed content
    assert store.save_extraction(new) == 3
    assert [claim.id for claim in store.claims()] == [claim.id for claim in new.claims]
    assert not {first, second, third} & {claim.id for claim in store.claims()}
    assert [review.verdict for review in store.reviews(first)] == ["accurate"]
    assert [(r.relation, r.origin) for r in store.relations()] == [("denies", "manual")]
    assert len(store.documents()) == 1


def test_resave_of_same_bytes_keeps_claim_ids_and_their_reviews(store: Store, tmp_path: Path) -> None:
    extraction = sample_extraction(tmp_path)
    store.save_extraction(extraction)
    target = extraction.claims[0].id
    store.add_review(target, "misleading", None, None)
    store.save_extraction(extraction)
    assert store.claim(target).id == target
    assert store.latest_verdicts() == {target: "misleading"}


def test_same_content_under_another_path_is_refused(store: Store, tmp_path: Path) -> None:
    store.save_extraction(sample_extraction(tmp_path))
    copy = sample_extraction(tmp_path, name="copy.txt")
    with pytest.raises(InputError, match="same content as"):
        store.save_extraction(copy)
    assert [info.name for info in store.documents()] == ["a.txt"]


def test_remove_document_drops_its_claims_and_orphan_actors(store: Store, tmp_path: Path) -> None:
    extraction = sample_extraction(tmp_path)
    store.save_extraction(extraction)
    store.add_alias("Russia", "Moscow")
    store.remove_document(extraction.document.path)
    assert store.documents() == [] and store.claims() == []
    assert [actor.name for actor in store.actors()] == ["Russia"]   # kept: it has an alias
    with pytest.raises(NotFound):
        store.remove_document(extraction.document.path)


def test_actor_types_are_stored_when_given(store: Store, tmp_path: Path) -> None:
    store.save_extraction(sample_extraction(tmp_path), actor_types={"Iran": "country"})
    types = {actor.name: actor.type for actor in store.actors()}
    assert types == {"Iran": "country", "Russia": None, "Ukraine": None}


# queries


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    store.save_extraction(sample_extraction(tmp_path))
    return store


def quotes(claims: list[Claim]) -> list[str]:
    return [claim.quote for claim in claims]


def test_claims_are_in_document_then_offset_order(filled: Store, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    filled.save_extraction(sample_extraction(tmp_path / "b", name="0.txt", text=TEXT + " "))
    claims = filled.claims()
    assert [(claim.document, claim.start) for claim in claims] == sorted(
        (claim.document, claim.start) for claim in claims
    )
    assert claims[0].document == "0.txt"


def test_filter_by_actor_matches_named_actors_and_sources(filled: Store) -> None:
    assert quotes(filled.claims(actors=["Iran"])) == ["Iran plans to supply Russia with hundreds of drones"]
    assert len(filled.claims(actors=["Russia"])) == 2
    assert len(filled.claims(actors=["Jake Sullivan"])) == 1      # as the source
    assert len(filled.claims(actors=["Iran", "Ukraine"])) == 2
    assert filled.claims(actors=["Nobody"]) == []


def test_filter_by_source_is_a_case_insensitive_substring(filled: Store) -> None:
    assert [c.source for c in filled.claims(source="sULLivan")] == ["Jake Sullivan"]
    assert filled.claims(source="%") == []                         # a literal, not a wildcard


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "uncontested"}, 3),
        ({"status": "denied"}, 0),
        ({"kind": "prediction"}, 1),
        ({"document": "a.txt"}, 3),
        ({"document": "b.txt"}, 0),
        ({"limit": 2}, 2),
        ({"search": "FRONT LINE"}, 1),
        ({"search": "denied that"}, 1),   # matches the standalone text, not only the quote
        ({"search": "_"}, 0),
    ],
)
def test_simple_filters(filled: Store, filters: dict, expected: int) -> None:
    assert len(filled.claims(**filters)) == expected


def test_filter_by_document_path_and_hash_prefix(filled: Store) -> None:
    [info] = filled.documents()
    assert len(filled.claims(document=info.path)) == 3
    assert len(filled.claims(document=info.sha256[:10])) == 3


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2022-07-11", None, ["Iran", "the report"]),
        ("2022-07-12", None, ["the report"]),          # the range 07-12/07-13 overlaps
        ("2022-07-13", None, ["the report"]),
        ("2022-07-14", None, []),
        (None, "2022-07-11", ["Iran"]),
        (None, "2022-07", ["Iran", "the report"]),    # a partial date covers its whole month
        ("2022-07", "2022-07", ["Iran", "the report"]),
        ("2022", None, ["Iran", "the report"]),
        (None, "2022-06-30", []),
    ],
)
def test_since_and_until_compare_dates_and_skip_claims_without_one(
    filled: Store, since: str | None, until: str | None, expected: list[str]
) -> None:
    found = filled.claims(since=since, until=until)
    assert [claim.quote.split()[0] for claim in found] == [word.split()[0] for word in expected]


@pytest.mark.parametrize(
    ("when", "since", "until", "found"),
    [
        ("2022-08", "2022-08-20", None, True),      # a month reaches to its last day
        ("2022-08", None, "2022-08-01", True),
        ("2022-08", "2022-09-01", None, False),
        ("2022-08-15T10:00", "2022-08-15", "2022-08-15", True),
        ("2020/..", "2024-01-01", None, True),       # open-ended range
        ("../2020", None, "1990", True),
        ("../2020", "2021", None, False),
    ],
)
def test_partial_dates_and_open_ranges_overlap_filters(
    store: Store, tmp_path: Path, when: str, since: str | None, until: str | None, found: bool
) -> None:
    document = make_document(tmp_path, text="Officials said it happened.")
    store.save_extraction(Extraction(document, (), (make_claim(document, "it happened", when=when),)))
    assert len(store.claims(since=since, until=until)) == int(found)


def test_search_folds_case_beyond_ascii(store: Store, tmp_path: Path) -> None:
    text = "Die Regierung sagte, der Ärger sei groß."
    document = make_document(tmp_path, text=text)
    store.save_extraction(Extraction(document, (), (make_claim(document, "der Ärger sei groß"),)))
    assert len(store.claims(search="ärger")) == 1
    assert len(store.claims(search="GROSS")) == 0 and len(store.claims(search="GROß")) == 1


def test_filter_by_grade_uses_stored_assessments(filled: Store) -> None:
    first = filled.claims()[0]
    filled.set_assessments([Assessment(first.id, "contested", 0.25, 3, "one source disputes it")])
    assert [claim.id for claim in filled.claims(grade=3)] == [first.id]
    assert filled.claims(grade=1) == []


def test_claim_by_full_id_or_unique_prefix(filled: Store) -> None:
    target = filled.claims()[1]
    assert filled.claim(target.id) == target
    assert filled.claim(target.id[:6].upper()) == target


def test_unknown_claim_id_names_it_and_suggests_list(filled: Store) -> None:
    with pytest.raises(NotFound) as raised:
        filled.claim("zzzz")
    assert "zzzz" in str(raised.value) and "factcheck list" in str(raised.value)


def test_ambiguous_claim_prefix_lists_candidates(store: Store, tmp_path: Path) -> None:
    text = " ".join(f"Word{i} said so." for i in range(40))
    document = make_document(tmp_path, text=text)
    claims = tuple(make_claim(document, f"Word{i} said") for i in range(40))
    store.save_extraction(Extraction(document, (), claims))
    prefix = claims[0].id[0]
    sharing = sorted(claim.id for claim in claims if claim.id.startswith(prefix))
    assert len(sharing) > 1, "40 random hex ids share a first digit"
    with pytest.raises(UsageError, match="ambiguous") as raised:
        store.claim(prefix)
    assert sharing[0] in str(raised.value) and sharing[1] in str(raised.value)


# actors and aliases


def test_aliases_are_lowercased_idempotent_and_listed_with_actors(filled: Store) -> None:
    filled.add_alias("Russia", "Moscow")
    filled.add_alias("Russia", "moscow")
    filled.add_alias("Russia", "The Kremlin")
    filled.add_alias("Russia", "Russia")                 # a name is its own alias
    assert filled.aliases() == {"moscow": "Russia", "the kremlin": "Russia"}
    assert filled.actors()[0] == ActorInfo("Russia", None, ("moscow", "the kremlin"), 2)
    assert filled.actors()[1] == ActorInfo("Iran", None, (), 1)


def test_actors_sorted_by_claim_count_then_name(filled: Store) -> None:
    assert [(actor.name, actor.claims) for actor in filled.actors()] == [
        ("Russia", 2), ("Iran", 1), ("Ukraine", 1),
    ]


def test_alias_can_be_repointed_and_auto_aliases_kept_apart(filled: Store) -> None:
    filled.add_alias("Ukraine", "kyiv", origin="auto")
    filled.add_alias("Russia", "Kyiv")                    # the user's word wins
    assert filled.aliases() == {"kyiv": "Russia"}
    assert filled.aliases(origin=None) == {"kyiv": "Russia"}
    filled.add_alias("Iran", "Tehran", origin="auto")
    assert filled.aliases() == {"kyiv": "Russia"}
    assert filled.aliases(origin="auto") == {"tehran": "Iran"}
    with pytest.raises(UsageError):
        filled.add_alias("Russia", "  ")


# relations, assessments, reviews


def test_replace_auto_relations_leaves_manual_ones_alone(filled: Store) -> None:
    a, b, c = (claim.id for claim in filled.claims())
    filled.add_manual_relation(Relation("denies", b, a, "Moscow denied it"))
    filled.replace_auto_relations([Relation("corroborates", a, c, "shared actors", 0.5),
                                   Relation("contradicts", a, b, "analysis disagrees")])
    assert {(r.relation, r.origin) for r in filled.relations()} == {
        ("denies", "manual"), ("corroborates", "auto"),
    }
    filled.replace_auto_relations([])
    assert [(r.relation, r.origin) for r in filled.relations()] == [("denies", "manual")]
    assert [r.relation for r in filled.relations(c)] == []
    assert [r.relation for r in filled.relations(a)] == ["denies"]


def test_manual_relation_replaces_the_earlier_one_for_the_pair(filled: Store) -> None:
    a, b, _ = (claim.id for claim in filled.claims())
    filled.add_manual_relation(Relation("corroborates", a, b, "first thought"))
    filled.add_manual_relation(Relation("denies", b, a, "second thought"))
    assert [(r.relation, r.source_id, r.reason) for r in filled.relations()] == [
        ("denies", b, "second thought"),
    ]
    with pytest.raises(UsageError):
        filled.add_manual_relation(Relation("likes", a, b, "?"))
    with pytest.raises(UsageError):
        filled.add_manual_relation(Relation("repeats", a, a, "self"))


def test_remove_relation_suppresses_later_auto_links(filled: Store) -> None:
    a, b, c = (claim.id for claim in filled.claims())
    filled.add_manual_relation(Relation("corroborates", a, b, "mistake"))
    filled.replace_auto_relations([Relation("repeats", b, c, "same words")])
    assert filled.remove_relation(b, a) == 1
    assert filled.remove_relation(c, b) == 1
    assert filled.relations() == []
    assert filled.suppressed_pairs() == {frozenset((a, b)), frozenset((b, c))}
    filled.replace_auto_relations([Relation("repeats", c, b, "same words"), Relation("repeats", a, c, "x")])
    assert [(r.source_id, r.target_id) for r in filled.relations()] == [(a, c)]
    filled.add_manual_relation(Relation("denies", a, b, "after all"))   # a manual link lifts the unlink
    assert filled.suppressed_pairs() == {frozenset((b, c))}


def test_assessments_update_status_and_are_read_back(filled: Store) -> None:
    first, second, _ = filled.claims()
    assert filled.assessment(first.id) is None
    verdict = Assessment(first.id, "denied", 0.1, 4, "Russia denies it")
    filled.set_assessments([verdict, Assessment(second.id, "contested", 0.5, 3, "disputed")])
    assert filled.assessment(first.id) == verdict
    assert filled.claim(first.id).status == "denied"
    assert filled.assessment("nope") is None
    assert filled.assessments() == {first.id: verdict, second.id: filled.assessment(second.id)}
    assert filled.assessments([second.id, "nope"]).keys() == {second.id}


def test_reviews_are_an_append_only_log(filled: Store) -> None:
    first, second, _ = (claim.id for claim in filled.claims())
    one = filled.add_review(first, "accurate", None, "ann")
    two = filled.add_review(first, "misleading", "context missing", "bob")
    filled.add_review(second, "accurate", None, None)
    assert filled.reviews(first) == [one, two]
    assert (two.verdict, two.note, two.by, two.claim_id) == ("misleading", "context missing", "bob", first)
    assert two.id > one.id and two.at.endswith("Z")
    assert filled.latest_verdicts() == {first: "misleading", second: "accurate"}
    assert filled.reviews("nope") == []
    with pytest.raises(NotFound):
        filled.add_review("nope", "accurate", None, None)


# schema safety


def make_v1_database(db: Path, tmp_path: Path) -> None:
    """A database of the first schema: today's, without the tables added since, marked 1."""
    with Store.open(db) as store:
        store.save_extraction(sample_extraction(tmp_path))
    with raw(db) as conn:
        conn.execute("DROP TABLE claim_profile")
        conn.execute("DROP TABLE finding")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")


@contextmanager
def raw(db: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, committed and closed on the way out."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def meta_of(db: Path) -> dict[str, str]:
    with raw(db) as conn:
        return dict(conn.execute("SELECT key, value FROM meta"))


def leading_index_columns(db: Path) -> set[tuple[str, str]]:
    """(table, first column) of every index, so a lookup on that column can use it."""
    found = set()
    with raw(db) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for index in conn.execute(f"PRAGMA index_list({table})").fetchall():
                first = conn.execute(f"PRAGMA index_info({index[1]})").fetchone()
                found.add((table, first[2]))
    return found


def test_new_database_is_marked_and_indexed(db: Path) -> None:
    Store.open(db).close()
    assert meta_of(db) == {"application": "factcheck", "schema_version": str(schema_version())}
    assert {
        ("claim", "document_id"), ("claim", "source"), ("claim_actor", "actor"),
        ("relation", "source_id"), ("relation", "target_id"),
    } <= leading_index_columns(db)


def test_newer_schema_is_refused_and_left_untouched(db: Path, tmp_path: Path) -> None:
    make_v1_database(db, tmp_path)
    with raw(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = sha256_of(db)
    with pytest.raises(StoreError, match="newer factcheck") as raised:
        Store.open(db)
    assert str(db) in str(raised.value) and "\n" not in str(raised.value)
    assert sha256_of(db) == before


def test_foreign_sqlite_database_is_refused_and_left_untouched(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
    before = sha256_of(db)
    with pytest.raises(StoreError, match="not a factcheck one"):
        Store.open(db)
    assert sha256_of(db) == before
    with raw(db) as conn:
        assert [row[0] for row in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_foreign_meta_table_is_refused(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("CREATE TABLE meta (name TEXT, content TEXT)")
    before = sha256_of(db)
    with pytest.raises(StoreError, match="not a factcheck one"):
        Store.open(db)
    assert sha256_of(db) == before
    with raw(db) as conn:
        conn.execute("DROP TABLE meta")
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('application', 'other-app')")
    before = sha256_of(db)
    with pytest.raises(StoreError, match="not a factcheck one"):
        Store.open(db)
    assert sha256_of(db) == before


def test_non_sqlite_file_is_refused_and_left_untouched(db: Path) -> None:
    db.write_text("id,quote\n1,hello\n" * 20)
    before = sha256_of(db)
    with pytest.raises(StoreError, match="not an SQLite file"):
        Store.open(db)
    assert sha256_of(db) == before


def test_corrupt_database_is_refused_and_left_untouched(db: Path, tmp_path: Path) -> None:
    make_v1_database(db, tmp_path)
    data = bytearray(db.read_bytes())
    data[100:] = b"\xde\xad" * ((len(data) - 100) // 2)
    db.write_bytes(bytes(data))
    before = sha256_of(db)
    with pytest.raises(StoreError, match="corrupt"):
        Store.open(db)
    assert sha256_of(db) == before


def test_older_schema_is_upgraded_on_open(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1_database(db, tmp_path)

    def add_language(conn) -> None:  # noqa: ANN001 - a migration gets a SQLAlchemy connection
        conn.exec_driver_sql("ALTER TABLE document ADD COLUMN language VARCHAR")
        conn.exec_driver_sql("UPDATE document SET language = 'en'")

    monkeypatch.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, add_language])
    with Store.open(db) as store:
        assert len(store.claims()) == 3
        assert store.kept_analysis() == ({}, [])      # schema 2's tables, empty
    assert meta_of(db)["schema_version"] == str(len(store_schema.MIGRATIONS) + 1)
    with raw(db) as conn:
        assert conn.execute("SELECT language FROM document").fetchall() == [("en",)]


def test_failed_upgrade_leaves_the_database_as_it_was(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1_database(db, tmp_path)
    before = sha256_of(db)

    def half_done(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("ALTER TABLE document ADD COLUMN language VARCHAR")
        raise ValueError("bad data in row 7")

    monkeypatch.setattr(store_schema, "MIGRATIONS", [half_done])
    with pytest.raises(StoreError, match="from schema 1 to 2 failed"):
        Store.open(db)
    assert sha256_of(db) == before
    assert meta_of(db)["schema_version"] == "1"


def test_unversioned_factcheck_database_is_refused(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('application', 'factcheck'), ('schema_version', '0')")
    before = sha256_of(db)
    with pytest.raises(StoreError, match="cannot upgrade"):
        Store.open(db)
    assert sha256_of(db) == before


def test_missing_database_without_create_says_to_ingest(db: Path) -> None:
    with pytest.raises(StoreError, match="no database at .*factcheck ingest"):
        Store.open(db, create=False)
    assert not db.exists()


def test_missing_parent_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nowhere" / "claims.db")
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_empty_file_becomes_a_new_database(db: Path) -> None:
    db.touch()
    with pytest.raises(StoreError, match="no database"):
        Store.open(db, create=False)
    Store.open(db).close()
    assert meta_of(db)["application"] == "factcheck"


# transactions and locking


def test_second_writer_gives_up_after_lock_wait(db: Path, tmp_path: Path) -> None:
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(db, lock_wait=0.2) as store:
            assert store.claims() == []        # readers are not blocked by a pending writer
            with pytest.raises(StoreLocked, match="locked by another process; try again"):
                store.save_extraction(sample_extraction(tmp_path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db, lock_wait=0.2) as store:
        assert store.save_extraction(sample_extraction(tmp_path)) == 3


def test_opening_waits_for_an_exclusive_lock_then_fails_clearly(db: Path) -> None:
    Store.open(db).close()
    before = sha256_of(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")      # what a writer holds while it commits
    try:
        with pytest.raises(StoreLocked, match="is locked by another process"):
            Store.open(db, lock_wait=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sha256_of(db) == before


@pytest.mark.parametrize("interruption", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_failure_mid_save_leaves_the_previous_version(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: BaseException
) -> None:
    old = sample_extraction(tmp_path)
    store.save_extraction(old)
    before = store.claims()
    real_claim_row = store_writes.claim_row
    calls = []

    def failing_claim_row(claim, document_id):  # noqa: ANN001, ANN202
        calls.append(claim.id)
        if len(calls) == 2:       # after the old rows are deleted and the new document inserted
            raise interruption
        return real_claim_row(claim, document_id)

    monkeypatch.setattr(store_writes, "claim_row", failing_claim_row)
    with pytest.raises(type(interruption)):
        store.save_extraction(sample_extraction(tmp_path, text="Changed. " + TEXT))
    monkeypatch.undo()
    assert store.claims() == before
    assert [info.sha256 for info in store.documents()] == [old.document.sha256]


@pytest.mark.parametrize("interruption", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_failure_in_a_batch_keeps_the_documents_saved_before_it(
    store: Store, tmp_path: Path, interruption: BaseException
) -> None:
    first = sample_extraction(tmp_path / "a")
    second = sample_extraction(tmp_path / "b", text=TEXT + " More.")
    with pytest.raises(type(interruption)):
        with store.batch() as batch:
            batch.save_extraction(first)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(store_writes, "claim_actor_rows", _raising(interruption))
                batch.save_extraction(second)
    assert [info.path for info in store.documents()] == [first.document.path]
    assert {claim.document for claim in store.claims()} == {first.document.name}


def test_batch_look_ups_see_documents_saved_earlier_in_it(store: Store, tmp_path: Path) -> None:
    extraction = sample_extraction(tmp_path)
    with store.batch() as batch:
        assert batch.document_by_path(extraction.document.path) is None
        batch.save_extraction(extraction)
        assert batch.document_by_path(extraction.document.path).sha256 == extraction.document.sha256
        assert batch.document_by_sha256(extraction.document.sha256).path == extraction.document.path
        with pytest.raises(InputError, match="same content as"):
            batch.save_extraction(sample_extraction(tmp_path / "copy"))
    assert len(store.documents()) == 1


def _raising(error: BaseException):
    def fail(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise error
    return fail


# architecture


def test_only_the_store_imports_sqlmodel_or_sqlalchemy() -> None:
    offenders = []
    for module in PACKAGE.rglob("*.py"):
        if "store" in module.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            )
            offenders += [f"{module.relative_to(PACKAGE)}: {name}" for name in names
                          if name.split(".")[0] in {"sqlmodel", "sqlalchemy"}]
    assert offenders == []
