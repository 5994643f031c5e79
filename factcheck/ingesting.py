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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import config
from factcheck.errors import InputError, UsageError
from factcheck.models import Claim, Document
from factcheck.pipeline.read import read_document, scan_paths, shown_path

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

    @property
    def documents(self) -> int:
        return len(self.new) + len(self.replaced) + len(self.unchanged)


def ingest(paths: Sequence[Path | str], db: Path | str, *, max_bytes: int = config.MAX_FILE_BYTES,
           overrides: dict | None = None, progress: Progress | None = None,
           reanalyse: bool = False) -> IngestSummary:
    """Read, extract and store every document under `paths`, then bring the analysis up to date:
    incrementally (see `analysing`), or over every claim afresh with `reanalyse`.

    A file that cannot be read is recorded in `errors` and the others go on; a file whose bytes
    are already stored under its path is left as it is. An interruption keeps the documents
    finished before it and nothing of the one in progress.
    """
    from factcheck.analysing import run_analysis
    from factcheck.api import open_store
    from factcheck.pipeline.actors import actor_types
    from factcheck.store.records import as_loaded

    overrides = {key: value for key, value in (overrides or {}).items() if value}
    found = scan_paths(paths)
    if overrides and (len(paths) != 1 or not Path(paths[0]).is_file()):
        raise UsageError(f"--{'/--'.join(sorted(overrides))} describe one article; "
                         "give a single file with them, or put the metadata in each file's front matter")
    summary = IngestSummary(skipped=[shown_path(path) for path in found.skipped],
                            errors=list(found.unreadable))
    with open_store(db, create=True) as store:
        # Into an empty database, the claims saved are all the claims: the analysis takes them
        # as they are instead of reading them back.
        saved: list[Claim] | None = None if store.has_claims() else []
        reading = _Reading(max_bytes, overrides, store.aliases(), actor_types())
        documents, done = found.documents, 0
        while done < len(documents):
            for path in _ingest_batch(store, documents[done:], summary, reading, saved):
                done += 1
                if progress is not None:
                    progress(done, len(documents), path)
        if summary.new or summary.replaced or reanalyse:
            run_analysis(store, complete=reanalyse, claims=None if saved is None else as_loaded(saved))
            summary.analysed = True
    return summary


@dataclass(frozen=True)
class _Reading:
    """What every file of one ingest run is read and extracted with."""

    max_bytes: int
    overrides: dict
    aliases: dict[str, str]             # the user's aliases -> canonical actor
    actor_types: dict[str, str]         # canonical actor -> type, from the gazetteer


def _ingest_batch(store, paths: Sequence[Path], summary: IngestSummary, reading: _Reading,
                  saved: list[Claim] | None) -> list[Path]:
    """Ingest files from the start of `paths` in one transaction, until the batch is full; the
    files done, all of them committed. The cyclic collector is paused meanwhile: extraction makes
    hundreds of thousands of small objects and no cycles to speak of, and the collections they
    triggered cost some 3% of an ingest; it runs once between batches instead."""
    from factcheck.analysis import collector_paused

    done: list[Path] = []
    started = time.monotonic()
    with collector_paused(), store.batch() as batch:
        for path in paths:
            try:
                _ingest_file(batch, path, summary, reading, saved)
            except InputError as error:
                summary.errors.append(str(error))
            done.append(path)
            if len(done) >= BATCH_DOCUMENTS or time.monotonic() - started >= BATCH_SECONDS:
                break
    return done


def _ingest_file(batch, path: Path, summary: IngestSummary, reading: _Reading,
                 saved: list[Claim] | None) -> None:
    from factcheck.pipeline import extract

    document = read_document(path, max_bytes=reading.max_bytes, overrides=reading.overrides)
    stored = batch.document_by_path(document.path)
    if stored is not None and stored.sha256 == document.sha256 and not (
            reading.overrides and _metadata_changed(stored, document)):  # a bare re-ingest keeps them
        summary.unchanged.append(document.path)
        return
    twin = batch.document_by_sha256(document.sha256)
    if twin is not None and twin.path != document.path:
        # Claim ids derive from the content hash: a second copy would only duplicate the first.
        summary.unchanged.append(document.path)
        summary.warnings.append(f"{path}: same content as {twin.path}, already stored; skipped")
        return
    extraction = extract(document, aliases=reading.aliases)
    summary.claims += batch.save_extraction(extraction, actor_types=reading.actor_types)
    if saved is not None:
        saved.extend(extraction.claims)
    summary.warnings.extend(extraction.warnings)
    (summary.new if stored is None else summary.replaced).append(document.path)


def _metadata_changed(stored, document: Document) -> bool:
    """Same bytes but new metadata given (--title, --published ...): store the document again."""
    return any(getattr(stored, key) != getattr(document, key)
               for key in ("title", "author", "publisher", "url", "published"))

