"""What the use cases share: the store they open, the actor a user means, a claim's relations.

Every module of `factcheck.api` imports these from here, never from `factcheck.api` itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from factcheck import config
from factcheck.errors import NotFound
from factcheck.models import Claim, Relation


@dataclass(frozen=True)
class RelatedClaim:
    """A relation seen from one claim: `outgoing` when this claim is its `from` end."""

    relation: Relation
    other: Claim | None         # None when the other claim is no longer stored
    outgoing: bool


@contextmanager
def open_store(db: Path | str, *, create: bool = False, write: bool = False) -> Iterator:
    """The database at `db` (a file path, or a PostgreSQL URL); with `write` (or `create`),
    checked for damage before anything is written to it (see `Store.open`)."""
    from factcheck.store import Store

    # the wait is read here, not bound at import, so tests and callers can shorten it
    location = db if config.is_database_url(db) else Path(db)
    with Store.open(location, create=create, lock_wait=config.LOCK_WAIT_SECONDS,
                    check=write or create) as store:
        yield store


def resolve_actor(store, name: str) -> str:
    """The canonical actor a user means by `name`: a canonical name or any alias, in any case
    (looked up by name in the store, not by counting every actor)."""
    from factcheck.pipeline.names.actors import resolve_actor_name

    extra = store.aliases()
    canonical = resolve_actor_name(name, extra) or extra.get(name.strip().lower()) or store.actor_named(name)
    if canonical is None:
        raise NotFound(f"no actor {name!r} in {store.path}; run `factcheck actors` to see names and aliases")
    return canonical


def related_claims(store, claim_id: str) -> tuple[RelatedClaim, ...]:
    """The relations of a stored claim, each with the claim at its other end (None when that one
    is no longer stored)."""
    related = []
    for relation in store.relations(claim_id):
        outgoing = relation.source_id == claim_id
        try:
            other = store.claim(relation.target_id if outgoing else relation.source_id)
        except NotFound:
            other = None
        related.append(RelatedClaim(relation, other, outgoing))
    return tuple(related)
