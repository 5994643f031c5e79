"""`Store`'s reads for large databases: look-ups through indexes, aggregates in SQL, and
streams that hold a batch of rows at a time, so that a command's cost follows what it shows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import func, select

from factcheck.models import Claim, Relation
from factcheck.store import queries, search
from factcheck.store.engine import reading
from factcheck.store.links import UNLINK
from factcheck.store.paths import lookup_keys
from factcheck.store.tables import ACTOR, CLAIM, CLAIM_ACTOR, DOCUMENT, RELATION
from factcheck.store.writes import chunked


class Reads:
    """Mixed into `Store` (which provides `_engine`, `path` and `folder`)."""

    def claim_filter(self, conn, **filters) -> queries.ClaimFilter:
        """The `Store.claims` filters as SQL reads them, with the search index when there is one."""
        document = filters.pop("document", None)
        return queries.ClaimFilter(document=document and lookup_keys(document, self.folder),
                                   search_index=bool(filters.get("search")) and search.has_search_index(conn),
                                   **filters)

    def iter_claims(self, **filters) -> Iterator[tuple[Claim, float | None, int | None]]:
        """(claim, score, grade) as `Store.claims(**filters)` selects and orders them, read a
        batch at a time inside one read transaction; score and grade are None before analysis."""
        with reading(self._engine, self.path) as conn:
            statement = queries.select_claims(self.claim_filter(conn, **filters))
            for claim, row in queries.iter_claims(conn, statement):
                scored = row["score"] is not None
                yield claim, row["score"], row["grade"] if scored else None

    def claim_ids(self, *, actors: Sequence[str]) -> set[str]:
        """The ids of the claims by or about any of `actors` (as `claims(actors=...)` selects them)."""
        with reading(self._engine, self.path) as conn:
            named = select(CLAIM_ACTOR.c.claim_id).where(CLAIM_ACTOR.c.actor.in_(list(actors)))
            by = select(CLAIM.c.id).where(CLAIM.c.source.in_(list(actors)))
            return set(conn.execute(named).scalars()) | set(conn.execute(by).scalars())

    def scope_groups(self, **filters) -> list[tuple[str, str, str, str, int]]:
        """(source, source type, status, document name, claims) for every combination among the
        claims `Store.claims(**filters)` selects, counted in SQL."""
        with reading(self._engine, self.path) as conn:
            scoped = queries.select_claims(self.claim_filter(conn, **filters)).order_by(None)
            columns = (CLAIM.c.source, CLAIM.c.source_type, CLAIM.c.status, DOCUMENT.c.name)
            counted = scoped.with_only_columns(*columns, func.count(), maintain_column_froms=True).group_by(*columns)
            return [tuple(row) for row in conn.execute(counted)]

    def ids_in_scope(self, claim_ids: Sequence[str], **filters) -> set[str]:
        """Those of `claim_ids` that are stored claims `Store.claims(**filters)` selects."""
        found: set[str] = set()
        with reading(self._engine, self.path) as conn:
            scoped = queries.select_claims(self.claim_filter(conn, **filters)).order_by(None)
            ids = scoped.with_only_columns(CLAIM.c.id, maintain_column_froms=True)
            for chunk in chunked(list(dict.fromkeys(claim_ids))):
                found.update(conn.execute(ids.where(CLAIM.c.id.in_(chunk))).scalars())
        return found

    def actor_named(self, name: str) -> str | None:
        """The stored actor whose canonical name is `name` in any case, or None."""
        with reading(self._engine, self.path) as conn:
            return conn.execute(select(ACTOR.c.name).where(func.lower(ACTOR.c.name) == name.strip().lower())
                                .order_by(ACTOR.c.name).limit(1)).scalar()

    def source_counts(self) -> list[tuple[str, str, str, int]]:
        """(source, source type, status, claims) for every combination stored."""
        with reading(self._engine, self.path) as conn:
            counted = select(CLAIM.c.source, CLAIM.c.source_type, CLAIM.c.status, func.count()).group_by(
                CLAIM.c.source, CLAIM.c.source_type, CLAIM.c.status)
            return [tuple(row) for row in conn.execute(counted)]

    def relations_of_kinds(self, kinds: Sequence[str]) -> list[Relation]:
        """The relations of these kinds, in the order of `Store.relations()`."""
        return list(self.iter_relations(kinds))

    def iter_relations(self, kinds: Sequence[str] | None = None) -> Iterator[Relation]:
        """The relations (of these kinds, or all but suppressions) as `Store.relations()` orders
        them, a batch at a time."""
        statement = select(RELATION).where(RELATION.c.relation != UNLINK)
        if kinds is not None:
            statement = statement.where(RELATION.c.relation.in_(list(kinds)))
        statement = statement.order_by(RELATION.c.source_id, RELATION.c.target_id, RELATION.c.relation,
                                       RELATION.c.origin, RELATION.c.id)
        with reading(self._engine, self.path) as conn:
            result = conn.execute(statement.execution_options(stream_results=True)).mappings()
            while rows := result.fetchmany(queries.BATCH_ROWS):
                yield from (Relation(relation=row["relation"], source_id=row["source_id"],
                                     target_id=row["target_id"], reason=row["reason"], score=row["score"],
                                     origin=row["origin"]) for row in rows)

