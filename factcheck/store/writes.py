"""Writing a document's extraction, removing a document, and storing assessments.

Every function runs inside the caller's transaction (`engine.writing`), so a document is saved
whole or not at all. Rows go in batched, one executemany per table: `insert_many` hands them to
the database driver as they are, which is an order of magnitude faster than adding ORM objects
one by one and several times faster than SQLAlchemy's own executemany, whose handling of each
row's parameters cost more than SQLite's insert itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Dialect, Table, bindparam, delete, insert, or_, select, update
from sqlalchemy.engine import Compiled

from factcheck.errors import InputError, StoreError
from factcheck.models import Assessment, Extraction
from factcheck.store.records import claim_actor_rows, claim_row, document_row, utc_now
from factcheck.store.tables import ACTOR, ALIAS, CLAIM, CLAIM_ACTOR, DOCUMENT, FINDING, PROFILE, RELATION, TERM

AUTO = "auto"
MAX_BOUND_PARAMETERS = 900   # under SQLite's oldest limit of 999 variables per statement
# Statements run for every document saved, built once: building one costs more than running it.
_INSERT_DOCUMENT = insert(DOCUMENT)
_DOCUMENT_AT_PATH = select(DOCUMENT.c.id).where(DOCUMENT.c.path == bindparam("path"))
_SAME_CONTENT_ELSEWHERE = select(DOCUMENT.c.path).where(
    DOCUMENT.c.sha256 == bindparam("sha256"), DOCUMENT.c.path != bindparam("path"))
_STORED_ACTORS = select(ACTOR.c.name, ACTOR.c.type).where(ACTOR.c.name.in_(bindparam("names", expanding=True)))


def chunked(items: Sequence[str], size: int = MAX_BOUND_PARAMETERS) -> Iterable[Sequence[str]]:
    for offset in range(0, len(items), size):
        yield items[offset:offset + size]


def insert_many(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) in one executemany at the driver. The columns of
    every table here are of plain types (str, int, float, bool, None) that need no conversion
    on the way in; the SQL is compiled for the connection's dialect, so it stays portable."""
    if rows:
        _execute_many(conn, _insert_sql(table, tuple(rows[0]), conn.dialect), rows)


@lru_cache(maxsize=64)
def _insert_sql(table: Table, columns: tuple[str, ...], dialect: Dialect) -> Compiled:
    return insert(table).values({name: bindparam(name) for name in columns}).compile(dialect=dialect)


def _execute_many(conn: Connection, compiled: Compiled, rows: Sequence[Mapping[str, Any]]) -> None:
    """Run a compiled statement once per row, its parameters taken by name from each row."""
    if compiled.positional:
        order = compiled.positiontup
        conn.exec_driver_sql(compiled.string, [tuple(row[name] for name in order) for row in rows])
    else:
        conn.exec_driver_sql(compiled.string, [dict(row) for row in rows])


def save_extraction(
    conn: Connection, extraction: Extraction, actor_types: Mapping[str, str] | None = None
) -> int:
    """Replace whatever was stored for this document's path with `extraction`; count the claims."""
    document = extraction.document
    _refuse_same_content_elsewhere(conn, document.path, document.sha256)
    _refuse_duplicate_claim_ids(extraction)
    old_id = conn.execute(_DOCUMENT_AT_PATH, {"path": document.path}).scalar_one_or_none()
    if old_id is not None:
        delete_document_rows(conn, old_id)
    result = conn.execute(_INSERT_DOCUMENT, document_row(document, utc_now()))
    document_id = result.inserted_primary_key[0]
    claims = extraction.claims
    links = [link for claim in claims for link in claim_actor_rows(claim)]
    ensure_actors(conn, list(dict.fromkeys(link["actor"] for link in links)), actor_types or {})
    insert_many(conn, CLAIM, [claim_row(claim, document_id) for claim in claims])
    insert_many(conn, CLAIM_ACTOR, links)
    if old_id is not None:
        prune_actors(conn)
    return len(claims)


def _refuse_same_content_elsewhere(conn: Connection, path: str, sha256: str) -> None:
    # Claim ids derive from the content hash, so two copies of one file would share claim ids.
    other = conn.execute(_SAME_CONTENT_ELSEWHERE, {"sha256": sha256, "path": path}).scalars().first()
    if other is not None:
        raise InputError(
            f"{path} has the same content as {other}, which is already in the database; "
            f"skip one copy, or remove {other} from the database first"
        )


def _refuse_duplicate_claim_ids(extraction: Extraction) -> None:
    seen: set[str] = set()
    for claim in extraction.claims:
        if claim.id in seen:
            raise StoreError(
                f"{extraction.document.path}: two claims share the id {claim.id} (the same span "
                f"{claim.start}-{claim.end}); nothing was saved for this document"
            )
        seen.add(claim.id)


def delete_document_rows(conn: Connection, document_id: int) -> None:
    """Delete a document, its claims, their actor links, what the analysis kept of them and the
    auto relations touching them.

    Reviews and manual relations stay: they are the user's work, keyed by claim ids that come
    back unchanged when the same text is ingested again.
    """
    claim_ids = select(CLAIM.c.id).where(CLAIM.c.document_id == document_id).scalar_subquery()
    conn.execute(delete(CLAIM_ACTOR).where(CLAIM_ACTOR.c.claim_id.in_(claim_ids)))
    # what the analysis kept of these claims: their replacements are analysed as new claims
    conn.execute(delete(PROFILE).where(PROFILE.c.claim_id.in_(claim_ids)))
    conn.execute(delete(TERM).where(TERM.c.claim_id.in_(claim_ids)))
    conn.execute(
        delete(FINDING).where(or_(FINDING.c.source_id.in_(claim_ids), FINDING.c.target_id.in_(claim_ids)))
    )
    conn.execute(
        delete(RELATION).where(
            RELATION.c.origin == AUTO,
            or_(RELATION.c.source_id.in_(claim_ids), RELATION.c.target_id.in_(claim_ids)),
        )
    )
    conn.execute(delete(CLAIM).where(CLAIM.c.document_id == document_id))
    conn.execute(delete(DOCUMENT).where(DOCUMENT.c.id == document_id))


def ensure_actors(conn: Connection, names: Sequence[str], types: Mapping[str, str]) -> None:
    """Insert the actors not yet stored; fill in a type where one is now known."""
    stored: dict[str, str | None] = {}
    for chunk in chunked(names):
        stored.update(conn.execute(_STORED_ACTORS, {"names": list(chunk)}).all())
    missing = [{"name": name, "type": types.get(name)} for name in names if name not in stored]
    if missing:
        conn.execute(insert(ACTOR), missing)
    typed = [
        {"actor_name": name, "actor_type": types[name]}
        for name, kind in stored.items()
        if kind is None and types.get(name)
    ]
    if typed:
        conn.execute(
            update(ACTOR).where(ACTOR.c.name == bindparam("actor_name")).values(type=bindparam("actor_type")),
            typed,
        )


def prune_actors(conn: Connection) -> None:
    """Drop actors that no claim names and no alias points to, so listings show no empty rows."""
    conn.execute(
        delete(ACTOR).where(
            ACTOR.c.name.not_in(select(CLAIM_ACTOR.c.actor)),
            ACTOR.c.name.not_in(select(ALIAS.c.actor)),
        )
    )


def remove_document(conn: Connection, path: str) -> bool:
    """Delete the document stored under `path`; False when there is none."""
    document_id = conn.execute(select(DOCUMENT.c.id).where(DOCUMENT.c.path == path)).scalar_one_or_none()
    if document_id is None:
        return False
    delete_document_rows(conn, document_id)
    prune_actors(conn)
    return True


def set_assessments(conn: Connection, assessments: Sequence[Assessment]) -> None:
    """Store each claim's status, score, grade and explanation in one batched update."""
    if not assessments:
        return
    # Bind names differ from column names: SQLAlchemy reserves those for the SET clause.
    statement = (
        update(CLAIM)
        .where(CLAIM.c.id == bindparam("a_claim_id"))
        .values(
            status=bindparam("a_status"),
            score=bindparam("a_score"),
            grade=bindparam("a_grade"),
            explanation=bindparam("a_explanation"),
        )
    )
    _execute_many(conn, statement.compile(dialect=conn.dialect), [
        {"a_claim_id": a.claim_id, "a_status": a.status, "a_score": a.score, "a_grade": a.grade,
         "a_explanation": a.explanation} for a in assessments])
