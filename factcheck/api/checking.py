"""`check`: one claim, as someone made it, against everything stored.

The claim is read as a sentence of an article (`stance.query_claim`) and looked up in a
retrieval index of the stored claims' profiles (`analysis/index.py`, built from the profiles the
analysis keeps, so nothing is extracted again). Each claim found is weighed against the query
(`stance.stance_of`); each one that states, denies or contradicts it brings its proposition as
the analysis settled it (the claims linked to it by repeats and corroborates) and, for a
proposition that states the query, the claims that deny or contradict it. A proposition is
reported with its independent origins (`analysis/origins.py`), who only relays them, its first
and latest appearance and every quote with its document and offsets.

Read-only, unless `save`: then the claim is stored as a document of its own (its source as the
publisher, dated as given) and the analysis is brought up to date, so it joins the others.

Part of the public API (`factcheck.api` re-exports `check`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.api.check_propositions import (  # noqa: F401 (the API's types)
    CheckedClaim,
    MatchedProposition,
    Origin,
    build_propositions,
    overall_summary,
)
from factcheck.models import Claim
from factcheck.stance import RELATED

# The least closeness (`check_rank`, 0-1) a candidate must have to be weighed at all: below
# it, claims share a common word or two.
MIN_CLOSENESS = 0.12
# The closest candidates whose stance is weighed and whose propositions are shown.
WEIGHED = 20


@dataclass(frozen=True)
class CheckResult:
    query: Claim
    propositions: tuple[MatchedProposition, ...]
    summary: str
    saved: str | None = None                # the document the claim was stored as, with --save

    @property
    def matched(self) -> bool:
        """Some stored claim states, denies, contradicts or reports the claim."""
        return any(p.stance != RELATED for p in self.propositions)


def check(db: Path | str, text: str, *, source: str | None = None, date: str | None = None,
          save: bool = False) -> CheckResult:
    """What the stored claims say of `text`, a claim made by `source` (if given) on `date`."""
    from factcheck.api.common import open_store
    from factcheck.errors import UsageError
    from factcheck.stance import query_claim

    if not text or not text.strip():
        raise UsageError("give the claim to check: as an argument, with --file, or on stdin")
    if date is not None:
        date = _iso_date(date)
    with open_store(db) as store:
        aliases = store.aliases()
        query = query_claim(text, source, date, aliases)
        propositions = _match(store, query, aliases)
        saved = _save(store, text, source, date) if save else None
    return CheckResult(query, tuple(propositions), overall_summary(propositions), saved)


def _iso_date(value: str) -> str:
    from factcheck.errors import UsageError
    from factcheck.pipeline.document.published import normalize_date

    try:
        return normalize_date(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None


def _match(store, query: Claim, aliases: dict[str, str]) -> list[MatchedProposition]:
    """The stored claims the index finds for the query, ranked again by their closeness to it
    (`check_rank`), each with its stance, grouped into their propositions."""
    from factcheck.api.check_candidates import find_candidates, full_profile
    from factcheck.api.check_rank import closeness
    from factcheck.stance import query_profile, stance_of

    asked = query_profile(query)
    found, weights, candidates = find_candidates(store, asked)
    claims = store.claims_by_id([cid for _, cid in found])
    near = []
    for k, (cosine, cid) in enumerate(found):
        claim = claims.get(cid)
        if claim is None:
            continue
        stored, kept = candidates[cid]
        profile, cue = full_profile(k, claim, stored, kept)
        close = closeness(asked, profile, cosine, weights)
        if close.score >= MIN_CLOSENESS:
            near.append((close, cosine, profile, cue))
    near.sort(key=lambda n: (-n[0].score, n[2].claim.id))
    weighed = {p.claim.id: (stance_of(asked, p, cue, weights, cosine, close), close.score)
               for close, cosine, p, cue in near[:WEIGHED]}
    return build_propositions(store, weighed, claims)


def _save(store, text: str, source: str | None, date: str | None) -> str:
    """Store the claim as a document of its own, its source as publisher (and as the source of
    what it says in its own voice), then bring the analysis up to date."""
    import hashlib

    from factcheck.api.analysing import run_analysis
    from factcheck.models import Document
    from factcheck.pipeline import extract
    from factcheck.pipeline.names.actors import actor_types
    from factcheck.pipeline.names.sources import canonical_source

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    name = f"check-{digest[:12]}.txt"
    aliases = store.aliases()
    document = Document(name=name, path=f"(check)/{name}", sha256=digest, text=text, publisher=source,
                        published=date, title="claim checked with factcheck check")
    extraction = extract(document, aliases)
    if source:
        who, kind = canonical_source(source, aliases)
        claims = tuple(replace(c, source=who, source_type=kind) if c.source == "author" else c
                       for c in extraction.claims)
        extraction = replace(extraction, claims=claims)
    if store.document_by_sha256(digest) is None:
        with store.batch() as batch:
            batch.save_extraction(extraction, actor_types=actor_types())
        run_analysis(store)
    return name
