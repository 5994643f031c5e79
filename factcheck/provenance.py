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
CLAIMS = "claims"    # a document's claims are not those stored with it (missing, added, changed)
TEXT = "text"        # a document's stored text is not the text its claims were taken from
ORPHAN = "orphan"    # claims whose document is gone, or a document's seal without the document
RELATION = "relation"  # an automatic relation from or to a claim that is not stored
ANALYSIS = "analysis"  # statuses, scores, grades or relations not as the last analysis left them
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
    piped: int = 0               # documents read from standard input: no source file to check
    mismatches: list[Mismatch] = field(default_factory=list)
    kept_for_gone: int = 0       # reviews and manual links of claims no longer stored (kept on purpose)

    @property
    def ok(self) -> bool:
        return not self.mismatches

    def summary(self) -> str:
        from factcheck.render.text import plural

        missing = len(self.files_missing)
        missing = (f"; {plural(missing, 'source file')} no longer at {'its' if missing == 1 else 'their'} "
                   "stored path (not checked)" if missing else "")
        if self.piped:
            missing += f"; {plural(self.piped, 'document')} read from standard input (no source file)"
        if self.kept_for_gone:
            missing += (f"; {plural(self.kept_for_gone, 'review or manual link', 'reviews or manual links')} "
                        "kept for claims no longer stored (they return if the same text is ingested again)")
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


def check_seal(document: Document, claims: list[Claim], seal: str | None) -> list[Mismatch]:
    """The document's claims and text against the digest stored with them at ingest (see
    `models.claims_digest`); nothing to check for a document stored before seals existed."""
    from factcheck.models import claims_digest

    if seal is None:
        return []
    count, claims_hash, text_hash = seal.split(":")
    now_count, now_claims, now_text = claims_digest(document.text, claims).split(":")
    found = []
    if (count, claims_hash) != (now_count, now_claims):
        detail = (f"{now_count} claims stored where ingest stored {count}" if count != now_count else
                  "a claim's quote, text, source, cue or labels changed since ingest")
        found.append(Mismatch(CLAIMS, document.name, document.path, None, count, now_count,
                              detail + "; re-ingest the file to restore them"))
    if text_hash != now_text:
        found.append(Mismatch(TEXT, document.name, document.path, None, text_hash[:12], now_text[:12],
                              "stored text changed since ingest; re-ingest the file to restore it"))
    return found


def check_references(seals_without_document: list[str], dangling: dict, analysis: tuple) -> list[Mismatch]:
    """Rows pointing at what is not stored, and an analysis that is not as it was saved."""
    found = [Mismatch(ORPHAN, "", "", None, sha256[:12], "",
                      f"a document (sha256 {sha256[:12]}...) was removed outside factcheck; "
                      "re-ingest it") for sha256 in seals_without_document]
    found += [Mismatch(ORPHAN, "", "", claim, f"document row {document}", "",
                       "claim whose document is gone") for claim, document in dangling["claims"]]
    found += [Mismatch(RELATION, "", "", source, f"{kind} {source} -> {target}", "",
                       "automatic relation with an end that is not stored; run `factcheck analyse`")
              for kind, source, target in dangling["relations"]]
    stored, now, stale = analysis
    if stored is not None and not stale and stored != now:
        found.append(Mismatch(ANALYSIS, "", "", None, stored[:12], now[:12],
                              "statuses, scores, grades or relations changed outside the analysis; "
                              "run `factcheck analyse` to restore them"))
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
