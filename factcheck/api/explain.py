"""What `explain` reports: one document's extraction, sentence by sentence, with each claim's
standing in the database when the same bytes were ingested there.

The extraction is always run afresh, so it shows what the rules find now; the standing (status,
assessment, relations) can only come from a database, because it depends on the other articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factcheck.api.common import RelatedClaim, related_claims
from factcheck.errors import NotFound
from factcheck.models import Assessment, Claim, Document, Extraction, Sentence
from factcheck.rules import RULES, Rule, find_rule


@dataclass(frozen=True)
class Standing:
    """A stored claim's status and what stands behind it."""

    status: str
    assessment: Assessment | None
    relations: tuple[RelatedClaim, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """One document's sentences and claims, and (when known) the claims' standing."""

    extraction: Extraction
    db: Path | None = None              # the database consulted; None when there was none
    stored: bool = False                # the database holds a document with the same sha256
    standings: dict[str, Standing] = field(default_factory=dict)   # claim id -> standing

    @property
    def document(self) -> Document:
        return self.extraction.document

    def sentences(self) -> list[tuple[Sentence, list[Claim]]]:
        """Every sentence in text order with the claims that stand in it."""
        by_sentence: dict[int, list[Claim]] = {}
        for claim in self.extraction.claims:
            by_sentence.setdefault(claim.sentence, []).append(claim)
        return [(sentence, by_sentence.get(sentence.index, [])) for sentence in self.extraction.sentences]

    def status_note(self) -> str | None:
        """Why there are no statuses, or None when the stored document gives them."""
        if self.db is None:
            return "status is decided only after ingest (no database to look in)"
        if not self.stored:
            return (f"status is decided only after ingest (this file's content is not in {self.db}; "
                    "run `factcheck ingest` on it)")
        return None


def explain_document(document: Document, store=None) -> Explanation:
    """Run the pipeline on `document`; with an open `store`, use its aliases and read the standing
    of the claims it holds for the same bytes (claim ids derive from the bytes and the spans)."""
    from factcheck.pipeline import extract

    if store is None:
        return Explanation(extract(document))
    extraction = extract(document, aliases=store.aliases())
    if store.document_by_sha256(document.sha256) is None:
        return Explanation(extraction, db=store.path)
    stored = store.claims(document=document.sha256)
    assessments = store.assessments([claim.id for claim in stored])
    standings = {claim.id: Standing(claim.status, assessments.get(claim.id), related_claims(store, claim.id))
                 for claim in stored}
    return Explanation(extraction, db=store.path, stored=True, standings=standings)


def rules(rule: str | None = None) -> list[Rule]:
    """The registered rules a claim's trace may name (factcheck/rules.py), or the one that
    `rule` names: an id ("verb", "split:clause-and") or a whole trace step ("verb:say:speech:certain")."""
    if rule is None:
        return list(RULES)
    found = find_rule(rule)
    if found is None:
        raise NotFound(f"no rule {rule!r}; `factcheck rules` lists them")
    return [found]
