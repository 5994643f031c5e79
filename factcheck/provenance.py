"""Provenance checks for `verify`: stored quotes against stored text, stored hashes against files.

The quote check is pure (values in, mismatches out). The file check reads the file at the stored
path, because that is the one thing it exists to compare against; a file that is gone is not a
mismatch (articles get moved or archived) but is counted, so the summary can say it went unchecked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.models import Claim, Document

QUOTE = "quote"      # a claim's quote is not the document text at its offsets
FILE = "file"        # the source file's bytes no longer have the stored sha256
SHOWN_CHARS = 60     # of a quote or text in a mismatch's detail; the ids lead to the rest
READ_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class Mismatch:
    """One stored fact that no longer holds, with enough detail to find and fix it."""

    kind: str                    # QUOTE | FILE
    document: str                # file name
    path: str
    claim_id: str | None         # for QUOTE mismatches
    expected: str                # what was stored
    found: str                   # what is there now
    detail: str


@dataclass
class VerifyResult:
    """What `verify` checked and what it found."""

    documents: int = 0
    quotes: int = 0
    files_checked: int = 0
    files_missing: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches

    def summary(self) -> str:
        from factcheck.render.text import plural

        missing = len(self.files_missing)
        missing = (f"; {plural(missing, 'source file')} no longer at {'its' if missing == 1 else 'their'} "
                   "stored path (not checked)" if missing else "")
        outcome = "all match" if self.ok else plural(len(self.mismatches), "mismatch", "mismatches")
        return (f"verified {plural(self.quotes, 'quote')} in {plural(self.documents, 'document')} and "
                f"{plural(self.files_checked, 'source file')}: {outcome}{missing}")


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def check_quotes(document: Document, claims: Iterable[Claim]) -> list[Mismatch]:
    """Claims whose quote is not `document.text[start:end]` (or whose offsets fall outside it)."""
    found = []
    for claim in claims:
        in_bounds = 0 <= claim.start <= claim.end <= len(document.text)
        actual = document.text[claim.start:claim.end] if in_bounds else ""
        if in_bounds and actual == claim.quote:
            continue
        detail = (f"characters {claim.start}-{claim.end} hold {_shorten(actual)!r}" if in_bounds else
                  f"offsets {claim.start}-{claim.end} lie outside the text ({len(document.text)} characters)")
        found.append(Mismatch(QUOTE, document.name, document.path, claim.id,
                              claim.quote, actual, detail))
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(READ_CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_source_file(name: str, path: str, sha256: str) -> Mismatch | None:
    """A FILE mismatch when the file at `path` has other bytes than those stored; None when it
    matches. Raises FileNotFoundError when the file is gone, for the caller to count."""
    location = Path(path)
    if not location.is_file():
        raise FileNotFoundError(path)
    try:
        actual = file_sha256(location)
    except OSError as error:
        return Mismatch(FILE, name, path, None, sha256, "", f"cannot be read ({error.strerror})")
    if actual == sha256:
        return None
    return Mismatch(FILE, name, path, None, sha256, actual,
                    "file changed since it was ingested; run `factcheck ingest` on it to re-extract")


def mismatch_record(mismatch: Mismatch) -> dict:
    return {"kind": mismatch.kind, "document": mismatch.document, "path": mismatch.path,
            "claim": mismatch.claim_id, "expected": mismatch.expected, "found": mismatch.found,
            "detail": mismatch.detail}
