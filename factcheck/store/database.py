"""`Store`: the database as the rest of factcheck sees it, in dataclasses of `factcheck.models`.

Each method is one transaction: reads in a read transaction, writes in a write transaction that
is committed whole or rolled back (on any exception, Ctrl-C included).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine

from factcheck import config
from factcheck.errors import NotFound
from factcheck.models import Assessment, Claim, Document, Extraction, Finding, Relation, claims_digest
from factcheck.store import kept, links, queries, writes
from factcheck.store.engine import reading, writing, writing_batch
from factcheck.store.opening import open_database
from factcheck.store.partial import PartialAnalysis
from factcheck.store.paths import lookup_keys, stored_path, with_full_path
from factcheck.store.reads import Reads
from factcheck.store.records import ActorInfo, DocumentInfo, Review


class Store(Reads, PartialAnalysis):
    """A factcheck database. Open with `Store.open(path)`; close, or use as a context manager."""

    def __init__(self, engine: Engine, path: Path | str, folder: Path | None = None) -> None:
        self._engine = engine
        self.path = path                        # the file, or the URL with its password hidden
        # stored source paths are relative to it (see `opening.open_database`)
        self.folder = folder if folder is not None else Path(path).resolve().parent

    @classmethod
    def open(
        cls, location: Path | str, *, create: bool = True, lock_wait: float = config.LOCK_WAIT_SECONDS,
        check: bool = False,
    ) -> Store:
        """Open (and if need be create or upgrade) the database at `location`: an SQLite file
        (a Path) or a PostgreSQL URL (a str).

        Foreign, newer and corrupt files are refused before anything writes to them; with
        `check` (for a caller that means to write), so is a file that fails SQLite's
        `PRAGMA quick_check`, which reads every page of it (on PostgreSQL the server checks the
        pages it reads).
        """
        if isinstance(location, str) and not config.is_database_url(location):
            location = Path(location)
        engine, where, folder = open_database(location, create=create, lock_wait=lock_wait, check=check)
        return cls(engine, where, folder)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # documents

    def documents(self) -> list[DocumentInfo]:
        with reading(self._engine, self.path) as conn:
            return [with_full_path(info, self.folder) for info in queries.document_infos(conn)]

    def document_by_path(self, path: str) -> DocumentInfo | None:
        with reading(self._engine, self.path) as conn:
            return with_full_path(queries.document_info_by(conn, "path", stored_path(path, self.folder)),
                                  self.folder)

    def document_by_sha256(self, sha256: str) -> DocumentInfo | None:
        """The stored document with exactly these bytes, whatever its path (e.g. a moved file)."""
        with reading(self._engine, self.path) as conn:
            return with_full_path(queries.document_info_by(conn, "sha256", sha256), self.folder)

    def stored_versions(self, path: str, sha256: str) -> tuple[DocumentInfo | None, DocumentInfo | None]:
        """(the document stored under `path`, one stored with these bytes), in one read."""
        with reading(self._engine, self.path) as conn:
            return (with_full_path(queries.document_info_by(conn, "path", stored_path(path, self.folder)), self.folder),
                    with_full_path(queries.document_info_by(conn, "sha256", sha256), self.folder))

    def document(self, name_or_path_or_sha_prefix: str) -> Document:
        keys = lookup_keys(name_or_path_or_sha_prefix, self.folder)
        with reading(self._engine, self.path) as conn:
            return with_full_path(queries.find_document(conn, keys, str(self.path)), self.folder)

    def save_extraction(
        self, extraction: Extraction, *, actor_types: Mapping[str, str] | None = None
    ) -> int:
        """Store a document and its claims in one transaction, replacing an earlier version
        stored under the same path; returns the number of claims written.

        `actor_types` (canonical name -> type, e.g. from the gazetteer) fills in actor types.
        """
        with writing(self._engine, self.path) as conn:
            kept.bump_data_generation(conn)
            return _save(conn, _stored_extraction(extraction, self.folder), actor_types)

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """Several documents saved in one transaction, each whole or not at all (see `Batch`)."""
        with writing_batch(self._engine, self.path) as conn:
            yield Batch(conn, self.folder)

    def remove_document(self, path: str) -> None:
        with writing(self._engine, self.path) as conn:
            kept.bump_data_generation(conn)
            relative = stored_path(path, self.folder)
            stored = queries.document_info_by(conn, "path", relative)
            if stored is not None:
                kept.set_document_digest(conn, stored.sha256, None)
            if not writes.remove_document(conn, relative):
                raise NotFound(
                    f"no document stored under {path} in {self.path}; "
                    "run `factcheck documents` to see them"
                )

    # claims

    def claims(
        self, *, actors: list[str] | None = None, source: str | None = None,
        status: str | None = None, kind: str | None = None, document: str | None = None,
        since: str | None = None, until: str | None = None, search: str | None = None,
        grade: int | None = None, limit: int | None = None,
    ) -> list[Claim]:
        """Claims matching every filter given, ordered by document name, start, end.

        `actors` are canonical names (aliases resolved by the caller): a claim matches when it
        names one of them or one of them is its source. `since`/`until` compare ISO dates with
        `when`, and a range or partial date counts when it overlaps; claims without `when`
        are left out when either is given.
        """
        with reading(self._engine, self.path) as conn:
            where = self.claim_filter(conn, actors=actors, source=source, status=status, kind=kind,
                                      document=document, since=since, until=until, search=search,
                                      grade=grade, limit=limit)
            return queries.load_claims(conn, queries.select_claims(where))

    def claims_by_id(self, ids: list[str]) -> dict[str, Claim]:
        """The claims with these exact ids (those still stored), by id."""
        with reading(self._engine, self.path) as conn:
            return {c.id: c for c in queries.claims_with_ids(conn, ids)}

    def has_claims(self) -> bool:
        with reading(self._engine, self.path) as conn:
            return queries.has_claims(conn)

    def claim(self, id_or_prefix: str) -> Claim:
        with reading(self._engine, self.path) as conn:
            return queries.find_claim(conn, id_or_prefix, str(self.path))

    def assessment(self, claim_id: str) -> Assessment | None:
        """The stored assessment of a claim; None when it has none (or there is no such claim)."""
        return self.assessments([claim_id]).get(claim_id)

    def assessments(self, claim_ids: list[str] | None = None) -> dict[str, Assessment]:
        """Assessments by claim id, of the given claims or of all; one query for a whole listing."""
        with reading(self._engine, self.path) as conn:
            return queries.assessments_of(conn, claim_ids)

    def set_assessments(self, assessments: list[Assessment]) -> None:
        with writing(self._engine, self.path) as conn:
            writes.set_assessments(conn, assessments)
            _mark_analysed(conn)

    # actors

    def actors(self) -> list[ActorInfo]:
        with reading(self._engine, self.path) as conn:
            return queries.actor_infos(conn)

    def add_alias(self, canonical: str, alias: str, *, origin: str = links.USER) -> None:
        with writing(self._engine, self.path) as conn:
            links.add_alias(conn, canonical, alias, origin)

    def aliases(self, *, origin: str | None = links.USER) -> dict[str, str]:
        """Stored aliases (lowercased) -> canonical name; user ones by default, all with origin=None."""
        with reading(self._engine, self.path) as conn:
            return links.aliases(conn, origin)

    # relations

    def relations(self, claim_id: str | None = None) -> list[Relation]:
        with reading(self._engine, self.path) as conn:
            return links.relations(conn, claim_id)

    def relations_of(self, claim_ids: list[str]) -> dict[str, list[Relation]]:
        """Each of these claims' relations, in one read."""
        with reading(self._engine, self.path) as conn:
            return links.relations_of(conn, claim_ids)

    def replace_auto_relations(self, relations: list[Relation]) -> None:
        with writing(self._engine, self.path) as conn:
            links.replace_auto_relations(conn, relations)
            _mark_analysed(conn)

    def add_manual_relation(self, relation: Relation) -> None:
        with writing(self._engine, self.path) as conn:
            kept.bump_data_generation(conn)
            links.add_manual_relation(conn, relation)

    def remove_relation(self, a: str, b: str) -> int:
        with writing(self._engine, self.path) as conn:
            kept.bump_data_generation(conn)
            return links.remove_relation(conn, a, b)

    def suppressed_pairs(self) -> set[frozenset[str]]:
        with reading(self._engine, self.path) as conn:
            return links.suppressed_pairs(conn)

    # what the analysis keeps between runs

    def analysis_marks(self) -> dict[str, str]:
        """The marks the last analysis left (see `store.kept`); empty before any."""
        with reading(self._engine, self.path) as conn:
            return kept.marks(conn)

    def analysis_state(self) -> AnalysisState:
        """The generation counters that say whether the stored analysis is up to date."""
        with reading(self._engine, self.path) as conn:
            return AnalysisState(kept.generations(conn))

    def kept_analysis(self) -> tuple[dict[str, str], list[Finding]]:
        """Kept claim profiles (claim id -> text) and pair findings, in the order they were kept."""
        with reading(self._engine, self.path) as conn:
            return kept.profiles(conn), kept.findings(conn)

    def kept_profiles(self) -> dict[str, str]:
        """Kept claim profiles (claim id -> text), without the pair findings."""
        with reading(self._engine, self.path) as conn:
            return kept.profiles(conn)

    def save_analysis(
        self, relations: list[Relation], assessments: list[Assessment], *,
        profiles: Mapping[str, str], findings: list[Finding], replace: bool, marks: Mapping[str, str],
        terms: Mapping[str, list[str]] | None = None, made_from: AnalysisState | None = None,
    ) -> bool:
        """Store an analysis run in one transaction: its relations (replacing all automatic
        ones), assessments, and what it keeps: profiles, their index terms, findings (replacing
        everything kept when `replace`).

        `made_from` is the state the run read: when the database has changed since (documents,
        manual links, or another analysis saved), nothing is written and the answer is False.
        """
        with writing(self._engine, self.path) as conn:
            now = AnalysisState(kept.generations(conn))
            if made_from is not None and now != made_from:
                return False
            links.replace_auto_relations(conn, relations)
            writes.set_assessments(conn, assessments)
            kept.keep(conn, profiles, findings, replace=replace, terms=terms, marks={
                **marks, kept.ANALYSED_GENERATION: str(now.data),
                kept.ANALYSIS_SERIAL: str(now.serial + 1)})
            kept.seal_analysis(conn)
            return True

    # what `verify` checks

    def integrity_seals(self) -> tuple[dict[str, str], str | None, str]:
        """(document sha256 -> claims digest stored at ingest, the analysis digest stored with
        the last analysis, the analysis digest of what is stored now)."""
        with reading(self._engine, self.path) as conn:
            return (kept.document_digests(conn), *kept.analysis_seal(conn))

    def dangling_references(self) -> dict[str, list[tuple[str, ...]]]:
        """Rows that point at what is not stored: claims without their document ("claims"),
        automatic relations ("relations"), manual ones ("manual") and reviews ("reviews") of
        claims that are gone."""
        with reading(self._engine, self.path) as conn:
            return queries.dangling_references(conn)

    def term_postings(self, terms: list[str], max_postings: int) -> tuple[dict[str, int], dict[str, list[str]]]:
        """The kept index: how many claims hold each term, and the claims of the rarer terms."""
        with reading(self._engine, self.path) as conn:
            return kept.postings(conn, terms, max_postings)

    def indexed_claims(self) -> int:
        """How many claims the kept index holds."""
        with reading(self._engine, self.path) as conn:
            return kept.indexed_claims(conn)

    def kept_profiles_of(self, claim_ids: list[str]) -> dict[str, str]:
        """Kept profiles (claim id -> text) of these claims only."""
        with reading(self._engine, self.path) as conn:
            return kept.profiles_of(conn, claim_ids)

    # reviews

    def add_review(
        self, claim_id: str, verdict: str, note: str | None = None, by: str | None = None
    ) -> Review:
        with writing(self._engine, self.path) as conn:
            return links.add_review(conn, claim_id, verdict, note, by)

    def reviews(self, claim_id: str) -> list[Review]:
        with reading(self._engine, self.path) as conn:
            return links.reviews(conn, claim_id)

    def latest_verdicts(self) -> dict[str, str]:
        with reading(self._engine, self.path) as conn:
            return links.latest_verdicts(conn)


class AnalysisState:
    """Where the analysis stands: `data` counts the writes it depends on, `analysed` is the
    data generation of the stored analysis, `serial` counts the analyses saved."""

    def __init__(self, counters: Mapping[str, int]) -> None:
        self.data = counters[kept.DATA_GENERATION]
        self.analysed = counters[kept.ANALYSED_GENERATION]
        self.serial = counters[kept.ANALYSIS_SERIAL]

    @property
    def stale(self) -> bool:
        """The stored relations and statuses predate the documents or links now stored."""
        return self.analysed != self.data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnalysisState) and (self.data, self.analysed, self.serial) == (
            other.data, other.analysed, other.serial)

    def __repr__(self) -> str:
        return f"AnalysisState(data={self.data}, analysed={self.analysed}, serial={self.serial})"


class Batch:
    """Documents looked up and saved inside one write transaction (`Store.batch`).

    Look-ups see the documents saved earlier in the batch. Each `save_extraction` is a savepoint:
    a document that fails leaves nothing behind, and the documents saved before it are committed
    with the batch, even when the failure ends it.
    """

    def __init__(self, conn: Connection, folder: Path) -> None:
        self._conn = conn
        self._folder = folder
        self.generation_before: int | None = None   # the data generation before the first save
        self.generation_after: int | None = None    # and after the last

    def document_by_path(self, path: str) -> DocumentInfo | None:
        info = queries.document_info_by(self._conn, "path", stored_path(path, self._folder))
        return with_full_path(info, self._folder)

    def document_by_sha256(self, sha256: str) -> DocumentInfo | None:
        return with_full_path(queries.document_info_by(self._conn, "sha256", sha256), self._folder)

    def save_extraction(self, extraction: Extraction, *, actor_types: Mapping[str, str] | None = None) -> int:
        """As `Store.save_extraction`, inside the batch; returns the number of claims written."""
        with self._conn.begin_nested():
            count = _save(self._conn, _stored_extraction(extraction, self._folder), actor_types)
        if self.generation_after is None:   # one count per batch: it is one transaction
            self.generation_after = kept.bump_data_generation(self._conn)
            self.generation_before = self.generation_after - 1
        return count


def _mark_analysed(conn: Connection) -> None:
    """Relations or assessments stored from outside `save_analysis` stand for the analysis of
    what is stored now."""
    now = AnalysisState(kept.generations(conn))
    kept.set_marks(conn, {kept.ANALYSED_GENERATION: str(now.data), kept.ANALYSIS_SERIAL: str(now.serial + 1)})
    kept.seal_analysis(conn)


def _save(conn: Connection, extraction: Extraction, actor_types: Mapping[str, str] | None) -> int:
    """Save a document's extraction with the digest `verify` checks it against."""
    document = extraction.document
    replaced = queries.document_info_by(conn, "path", document.path)
    if replaced is not None:
        kept.set_document_digest(conn, replaced.sha256, None)
    count = writes.save_extraction(conn, extraction, actor_types)
    kept.set_document_digest(conn, document.sha256, claims_digest(document.text, extraction.claims))
    return count


def _stored_extraction(extraction: Extraction, folder: Path) -> Extraction:
    """The extraction with its document's path in its stored form (see `store.paths`)."""
    return replace(extraction, document=replace(extraction.document,
                                                path=stored_path(extraction.document.path, folder)))
