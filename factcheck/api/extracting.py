"""Extraction in worker processes: `ingest --jobs N` reads each file in the writer process, hands
its Document to one of N workers, and takes the extractions back in the order of the files.

Extraction is pure (a Document in, an Extraction out) and costs more than half of an ingest, so
it is what runs beside the writer; with it, each worker works out its claims' analysis profiles
(`analysis.state.encode_profile`, a claim's alone), which the analysis then decodes instead of
building. Files are read and checked against the store in the writer, so a file already stored
is never extracted; at most LOOKAHEAD_PER_JOB documents per worker are in flight, so memory
stays flat however many files an ingest holds. With one job (or one file) everything runs in the
writer's process, with no worker at all. The result is the same database whatever the number of
jobs: the extractions are stored in the order of the files.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from factcheck.models import Document, Extraction

# Documents handed to the workers ahead of the one the writer waits for, per worker: enough to
# keep every worker busy while the writer stores a batch, few enough to hold little memory.
LOOKAHEAD_PER_JOB = 4


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Extracted:
    """What a worker made of one document: its extraction and its claims' profiles, or why not."""

    extraction: Extraction | None = None
    profiles: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # claim id -> (profile, terms)
    over_budget: bool = False
    error: str | None = None


def extract_document(document: Document, aliases: dict[str, str], seconds: float | None,
                     profile: bool = True) -> Extracted:
    """Extract `document` within `seconds`, and (with `profile`) profile its claims outside the
    budget. Never raises OverBudget or an InputError: they come back as values, so that a pool
    worker lives on."""
    from factcheck import pipeline
    from factcheck.budget import OverBudget, time_budget
    from factcheck.errors import InputError

    try:
        with time_budget(seconds):
            extraction = pipeline.extract(document, aliases=aliases)
    except OverBudget:
        return Extracted(over_budget=True)
    except InputError as error:
        return Extracted(error=str(error))
    return Extracted(extraction, profile_claims(extraction) if profile else {})


def profile_claims(extraction: Extraction) -> dict[str, tuple[str, list[str]]]:
    """Each claim's kept profile and index terms, as the analysis would make them of the claim
    read back from the store."""
    from factcheck.analysis.denial_cues import detect_denial
    from factcheck.analysis.index import claim_terms
    from factcheck.analysis.profile import build_profile
    from factcheck.analysis.state import encode_profile
    from factcheck.store.records import as_loaded

    out = {}
    for claim in as_loaded(extraction.claims):
        profile = build_profile(0, claim)
        out[claim.id] = (encode_profile(profile, detect_denial(profile)), sorted(claim_terms(profile)))
    return out


class Extractor:
    """Documents in, Extracted out in the same order: in worker processes for jobs > 1."""

    def __init__(self, jobs: int, aliases: dict[str, str]):
        self.jobs, self.aliases = jobs, aliases
        self._pool = None
        if jobs > 1:
            import multiprocessing

            # fork: workers start at once with everything the writer has imported and loaded
            self._pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts)

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, kind, error, tb) -> None:
        if self._pool is not None:
            if kind is None:
                self._pool.close()
            else:
                self._pool.terminate()      # an interruption: what is in flight is dropped
            self._pool.join()

    def stream(self, items: Iterable[tuple[object, Callable[[], tuple[Document, float | None] | None]]]
               ) -> Iterator[tuple[object, Extracted | None]]:
        """For each (key, read) in order: read() gives a Document to extract with its time budget
        (read in this process, when its turn comes), or None; yields (key, Extracted or None)."""
        if self._pool is None:
            for key, read in items:
                given = read()
                # in one process the analysis builds the profiles itself: no text to decode again
                yield key, None if given is None else extract_document(given[0], self.aliases, given[1], False)
            return
        pending: deque = deque()
        for key, read in items:
            given = read()
            job = None if given is None else self._pool.apply_async(
                extract_document, (given[0], self.aliases, given[1]))
            pending.append((key, job))
            while pending and (len(pending) > self.jobs * LOOKAHEAD_PER_JOB or _ready(pending[0][1])):
                yield _settled(pending.popleft())
        while pending:
            yield _settled(pending.popleft())


def _ready(job) -> bool:
    return job is None or job.ready()


def _settled(pending: tuple[object, object]) -> tuple[object, Extracted | None]:
    key, job = pending
    return key, None if job is None else job.get()


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the writer handles it, stopping the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
