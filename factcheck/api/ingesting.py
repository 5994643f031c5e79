"""Ingesting files: read, extract and store each document, then bring the analysis up to date.

Part of the public API (`factcheck.api` re-exports `ingest` and `IngestSummary`). Documents are
stored in batches: one write transaction holds a run of documents, each saved whole or not at
all (a savepoint of its own), so a run pays one synced commit per batch instead of one per
document. A batch is committed before its files are reported as done, and when anything
interrupts it (Ctrl-C, a failing document), what it finished is committed before the error
goes on: no document reported as stored is lost, and none is stored in part.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import config
from factcheck.api.extracting import Extracted, Extractor, default_jobs
from factcheck.errors import InputError, UsageError
from factcheck.models import Claim, Document
from factcheck.pipeline.document.read import Collected, PipedText, read_document, scan_paths, shown_path
from factcheck.render.text import plural

Progress = Callable[[int, int, Path], None]  # (files done, files in all, file just done)

# A batch closes after this many documents or seconds, whichever comes first: commits stay rare
# (each one waits for the disk) while the write lock is held briefly and the progress bar moves.
BATCH_DOCUMENTS = 50
BATCH_SECONDS = 1.0


@dataclass
class IngestSummary:
    """What one `ingest` run did, file by file."""

    new: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)      # one message per file that failed
    skipped: list[str] = field(default_factory=list)     # files in folders that are not documents
    analysed: bool = False                               # relations and statuses were recomputed
    undated: list[str] = field(default_factory=list)     # documents with no publication date at all

    @property
    def documents(self) -> int:
        return len(self.new) + len(self.replaced) + len(self.unchanged)


def ingest(paths: Sequence[Path | str], db: Path | str, *, max_bytes: int = config.MAX_FILE_BYTES,
           overrides: dict | None = None, progress: Progress | None = None,
           reanalyse: bool = False, time_budget: float | None = config.DOCUMENT_SECONDS,
           metadata: Path | str | None = None, piped: PipedText | None = None,
           jobs: int | None = None) -> IngestSummary:
    """Read, extract and store every document under `paths`, then bring the analysis up to date:
    incrementally (see `analysing`), or over every claim afresh with `reanalyse`.

    `metadata` is a CSV or JSON Lines file of each document's title, author, publisher,
    publication date and url (`pipeline/document/metadata.py`); its values win over the document's own
    front matter or page metadata, and `overrides` (one file's options) win over both. A row
    naming no document found is an InputError, raised before anything is stored.

    `piped` is one article read from standard input, given instead of `paths`: stored with its
    text like a file's, under the path `stdin:NAME`, which names no file.

    `jobs` worker processes extract the documents and profile their claims (default: one per
    core; 1 runs everything in this process); this process reads the files and stores the
    extractions in the order of the files, so the database is the same whatever `jobs`.

    A file that cannot be read, or whose reading and extraction run past `time_budget` seconds,
    is recorded in `errors` and the others go on; a file whose bytes are already stored under
    its path is left as it is. Files are read and extracted outside any transaction; only their
    storing takes the write lock, a batch at a time, so concurrent writers wait briefly for each
    other. The analysis then runs in its own transaction (also when an earlier one was
    interrupted): over the new claims' neighbourhood when the run only added documents to a
    database analysed up to date (`growing`), else over everything stored. An interruption keeps
    the documents finished before it and nothing of the one in progress.
    """
    from factcheck.api.analysing import run_analysis
    from factcheck.api.common import open_store
    from factcheck.pipeline.names.actors import actor_types
    from factcheck.store.records import as_loaded

    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    overrides = {key: value for key, value in (overrides or {}).items() if value}
    if piped is not None:
        if paths or metadata:
            raise UsageError("standard input ('-') is one article: give it alone, without other paths or --metadata")
        found = Collected(documents=[piped])
    else:
        found = scan_paths(paths)
    if overrides and piped is None and (len(paths) != 1 or not Path(paths[0]).is_file()):
        raise UsageError(f"--{'/--'.join(sorted(overrides))} describe one article; "
                         "give a single file with them, or put the metadata in each file's front matter")
    summary = IngestSummary(skipped=[shown_path(path) for path in found.skipped],
                            errors=list(found.unreadable))
    per_document = _metadata_rows(metadata, paths, found.documents, summary) if metadata else {}
    with open_store(db, create=True) as store:
        # Into an empty database, the claims saved are all the claims: the analysis takes them
        # as they are instead of reading them back (if no other writer stored any meanwhile).
        start = store.analysis_state()
        run = _Run(_Reading(max_bytes, overrides, store.aliases(), actor_types(), time_budget, per_document),
                   saved=None if store.has_claims() else [], generation=start.data)
        documents, done = found.documents, 0
        workers = max(1, min(jobs or default_jobs(), len(documents)))
        with Extractor(workers, run.reading.aliases) as extractor:
            stream = _stream(store, extractor, documents, run.reading)
            while finished := _ingest_batch(store, stream, summary, run):
                for path in finished:
                    done += 1
                    if progress is not None:
                        progress(done, len(documents), path)
        if summary.new or summary.replaced or reanalyse or start.stale:
            given = None if run.saved is None else as_loaded(run.saved)
            added = as_loaded(run.added) if not (start.stale or summary.replaced) else None
            result = run_analysis(store, complete=reanalyse, claims=given, claims_generation=run.generation,
                                  prepared=run.profiles, added=added)
            summary.analysed = result.current
            if not result.current:
                summary.warnings.append(_LEFT_STALE)
    if summary.undated:
        summary.warnings.append(
            f"{plural(len(summary.undated), 'document')} with no publication date, so their relative dates "
            f"('on Tuesday', 'last month') stay unresolved: {', '.join(summary.undated)}; "
            "give --published, front matter or --metadata")
    return summary


def _metadata_rows(metadata: Path | str, paths: Sequence[Path | str], documents: list[Path],
                   summary: IngestSummary) -> dict[Path, dict]:
    from factcheck.pipeline.document.metadata import match_documents, read_metadata

    table = read_metadata(metadata)
    given, missing = match_documents(table, [Path(path) for path in paths], documents, metadata)
    summary.warnings.extend(table.warnings + missing)
    return given


_LEFT_STALE = ("other writers kept changing the database, so relations and statuses are not up to "
               "date yet; the last of them, or the next ingest, or `factcheck analyse`, updates them")


@dataclass(frozen=True)
class _Reading:
    """What every file of one ingest run is read and extracted with."""

    max_bytes: int
    overrides: dict
    aliases: dict[str, str]             # the user's aliases -> canonical actor
    actor_types: dict[str, str]         # canonical actor -> type, from the gazetteer
    seconds: float | None               # time budget per document
    per_document: dict[Path, dict] = field(default_factory=dict)   # rows of a metadata file

    def overrides_for(self, path: Path) -> dict:
        return {**self.per_document.get(path, {}), **self.overrides}


@dataclass
class _Run:
    reading: _Reading
    saved: list[Claim] | None           # the claims saved, when the database started empty
    generation: int                     # the data generation after this run's last write
    profiles: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # of the claims saved
    added: list[Claim] = field(default_factory=list)    # the claims saved


def _ingest_batch(store, stream: Iterator, summary: IngestSummary, run: _Run) -> list[Path]:
    """Take extractions from `stream` until the batch is full, then store what they gave in one
    transaction; the files done, all of them committed (none when the stream is over). An
    interruption (Ctrl-C, an error) stores the documents extracted before it, then goes on. The
    cyclic collector is paused meanwhile: extraction makes hundreds of thousands of small objects
    and no cycles to speak of, and the collections they triggered cost some 3% of an ingest; it
    runs once between batches instead."""
    from factcheck.analysis import collector_paused

    done: list[Path] = []
    extracted: list[Extracted] = []
    started = time.monotonic()
    with collector_paused():
        try:
            for (path, notes), outcome in stream:
                _merge(summary, notes)
                if outcome is not None and outcome.extraction is not None:
                    extracted.append(outcome)
                elif outcome is not None:
                    summary.errors.append(outcome.error or _over_budget(path, run.reading.seconds))
                done.append(path)
                if len(done) >= BATCH_DOCUMENTS or time.monotonic() - started >= BATCH_SECONDS:
                    break
        finally:
            _store_batch(store, extracted, summary, run)
    return done


def _stream(store, extractor, paths: Sequence[Path], reading: _Reading) -> Iterator:
    """((path, notes), Extracted or None) for every path in order; `notes` (an IngestSummary)
    holds what reading the file found (unchanged, undated, an error), added to the run's
    summary when its turn comes."""
    def reader(path: Path, notes: IngestSummary) -> Callable[[], tuple[Document, float | None] | None]:
        return lambda: _read_file(store, path, notes, reading)

    items = (((path, notes), reader(path, notes)) for path in paths for notes in (IngestSummary(),))
    return extractor.stream(items)


def _merge(summary: IngestSummary, notes: IngestSummary) -> None:
    for name in ("unchanged", "warnings", "errors", "undated"):
        getattr(summary, name).extend(getattr(notes, name))


def _over_budget(path: Path, seconds: float | None) -> str:
    return (f"{path}: not read within the budget of {seconds:g} seconds per "
            "document, so skipped; split the file, or raise --time-budget")


def _read_file(store, path: Path, notes: IngestSummary, reading: _Reading) -> tuple[Document, float | None] | None:
    """The file's Document and what is left of its time budget for extracting it; None when it
    is stored already or cannot be read (then noted)."""
    from factcheck.budget import OverBudget, time_budget

    started = time.monotonic()
    try:
        overrides = reading.overrides_for(path)
        with time_budget(reading.seconds):
            document = read_document(path, max_bytes=reading.max_bytes, overrides=overrides)
        if document.published is None:
            notes.undated.append(document.name)
        # the look-up runs outside the budget: its timer must not strike inside a transaction
        if _already_stored(store, document, notes, overrides):
            return None
        left = None if reading.seconds is None else max(reading.seconds - (time.monotonic() - started), 0.001)
        return document, left
    except InputError as error:
        notes.errors.append(str(error))
    except OverBudget:
        notes.errors.append(_over_budget(path, reading.seconds))
    return None


def _already_stored(store, document: Document, summary: IngestSummary, overrides: dict) -> bool:
    stored, twin = store.stored_versions(document.path, document.sha256)
    if stored is not None and stored.sha256 == document.sha256 and not (
            overrides and _metadata_changed(stored, document)):  # a bare re-ingest keeps them
        summary.unchanged.append(document.path)
        return True
    if twin is not None and twin.path != document.path:
        _note_copy(summary, document, twin.path)
        return True
    return False


def _note_copy(summary: IngestSummary, document: Document, stored_path: str) -> None:
    # Claim ids derive from the content hash: a second copy would only duplicate the first.
    summary.unchanged.append(document.path)
    summary.warnings.append(f"{document.path}: same content as {stored_path}, already stored; skipped")


def _store_batch(store, extracted: list[Extracted], summary: IngestSummary, run: _Run) -> None:
    """Store extractions in one transaction, each whole or not at all. Another writer may have
    stored the same file since it was read: it is then counted as unchanged."""
    if not extracted:
        return
    outcome = IngestSummary()
    with store.batch() as batch:
        for made in extracted:
            extraction = made.extraction
            document = extraction.document
            stored = batch.document_by_path(document.path)
            if stored is not None and stored.sha256 == document.sha256 and not (
                    (run.reading.overrides or run.reading.per_document) and _metadata_changed(stored, document)):
                outcome.unchanged.append(document.path)
                continue
            twin = batch.document_by_sha256(document.sha256)
            if twin is not None and twin.path != document.path:
                _note_copy(outcome, document, twin.path)
                continue
            outcome.claims += batch.save_extraction(extraction, actor_types=run.reading.actor_types)
            (outcome.new if stored is None else outcome.replaced).append(document.path)
            outcome.warnings.extend(extraction.warnings)
            if run.saved is not None:
                run.saved.extend(extraction.claims)
            run.added.extend(extraction.claims)
            run.profiles.update(made.profiles)
        before = batch.generation_before
    # committed: only now do these files count as stored
    for name in ("new", "replaced", "unchanged", "warnings", "errors"):
        getattr(summary, name).extend(getattr(outcome, name))
    summary.claims += outcome.claims
    if before is not None:
        # the claims in hand are all the claims only while no other writer stores any
        run.generation = batch.generation_after if before == run.generation else -1


def _metadata_changed(stored, document: Document) -> bool:
    """Same bytes but new metadata given (--title, --published ...): store the document again."""
    return any(getattr(stored, key) != getattr(document, key)
               for key in ("title", "author", "publisher", "url", "published"))
