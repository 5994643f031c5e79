"""Reading documents, claims and actors back as dataclasses."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Select, bindparam, func, or_, select, union

from factcheck.errors import NotFound, UsageError
from factcheck.models import Assessment, Claim, Document
from factcheck.store import search
from factcheck.store.records import (
    END_MARK,
    ActorInfo,
    DocumentInfo,
    to_claim,
    to_document,
    to_document_info,
)
from factcheck.store.tables import ACTOR, ALIAS, CLAIM, CLAIM_ACTOR, DOCUMENT
from factcheck.store.writes import chunked

MAX_SQL_INTEGER = 2**63 - 1   # the largest integer SQLite and PostgreSQL take as a parameter

BATCH_ROWS = 1000            # rows read at once by a streamed query
MIN_SHA_PREFIX = 6          # shorter hex strings are too likely to be meant as names
MAX_CANDIDATES_SHOWN = 10   # an ambiguous prefix lists at most this many matches
_HEX = re.compile(r"[0-9a-f]+")


@dataclass(frozen=True)
class ClaimFilter:
    """What `Store.claims` selects on; None (or an empty list) means "any"."""

    actors: Sequence[str] | None = None
    source: str | None = None
    status: str | None = None
    kind: str | None = None
    document: Sequence[str] | None = None   # a name, path or sha256 prefix, then stored paths it may mean
    since: str | None = None
    until: str | None = None
    search: str | None = None
    grade: int | None = None
    limit: int | None = None
    search_index: bool = False              # the database has the FTS5 index (see `store.search`)


def select_claims(where: ClaimFilter) -> Select:
    """Claims with their document's name, filtered, in stable order: document, start, end."""
    statement = select(CLAIM, DOCUMENT.c.name.label("document_name")).join(
        DOCUMENT, CLAIM.c.document_id == DOCUMENT.c.id
    )
    if where.actors:
        # An actor's claims: those that name it, and those it is the source of.
        named = select(CLAIM_ACTOR.c.claim_id).where(CLAIM_ACTOR.c.actor.in_(list(where.actors)))
        statement = statement.where(or_(CLAIM.c.id.in_(named), CLAIM.c.source.in_(list(where.actors))))
    if where.source:
        statement = statement.where(CLAIM.c.source.icontains(where.source, autoescape=True))
    if where.status:
        statement = statement.where(CLAIM.c.status == where.status)
    if where.kind:
        statement = statement.where(CLAIM.c.kind == where.kind)
    if where.document:
        statement = statement.where(or_(*_document_lookups(where.document)))
    if where.since:
        statement = statement.where(CLAIM.c.when_end >= where.since)
    if where.until:
        statement = statement.where(CLAIM.c.when_start <= where.until + END_MARK)
    if where.search and where.search_index and search.indexed(where.search):
        statement = statement.where(search.candidates(where.search))
    if where.search:
        statement = statement.where(
            or_(
                CLAIM.c.quote.icontains(where.search, autoescape=True),
                CLAIM.c.text.icontains(where.search, autoescape=True),
            )
        )
    if where.grade is not None:
        statement = statement.where(CLAIM.c.grade == where.grade)
    statement = statement.order_by(DOCUMENT.c.name, CLAIM.c.start, CLAIM.c.end, CLAIM.c.id)
    if where.limit is not None and where.limit < MAX_SQL_INTEGER:   # a larger limit is no limit
        statement = statement.limit(max(where.limit, 0))
    return statement


def load_claims(conn: Connection, statement: Select) -> list[Claim]:
    rows = conn.execute(statement).mappings().all()
    actors = _actors_of(conn, [row["id"] for row in rows])
    return [to_claim(row, actors.get(row["id"], ())) for row in rows]


def iter_claims(conn: Connection, statement: Select, batch: int = BATCH_ROWS) -> Iterator[tuple[Claim, Mapping]]:
    """`load_claims` a batch of rows at a time: each claim with its row (for the assessment
    columns), never the whole result in memory (on PostgreSQL through a server-side cursor)."""
    result = conn.execute(statement.execution_options(stream_results=True)).mappings()
    while rows := result.fetchmany(batch):
        actors = _actors_of(conn, [row["id"] for row in rows])
        for row in rows:
            yield to_claim(row, actors.get(row["id"], ())), row


def claims_with_ids(conn: Connection, claim_ids: Sequence[str]) -> list[Claim]:
    """The stored claims among `claim_ids`, in the stable order of `select_claims`."""
    found: list[Claim] = []
    for chunk in chunked(list(dict.fromkeys(claim_ids))):
        found += load_claims(conn, select_claims(ClaimFilter()).where(CLAIM.c.id.in_(chunk)))
    return found


def _actors_of(conn: Connection, claim_ids: Sequence[str]) -> dict[str, list[str]]:
    actors: dict[str, list[str]] = defaultdict(list)
    for chunk in chunked(claim_ids):
        links = conn.execute(
            select(CLAIM_ACTOR.c.claim_id, CLAIM_ACTOR.c.actor)
            .where(CLAIM_ACTOR.c.claim_id.in_(chunk))
            .order_by(CLAIM_ACTOR.c.claim_id, CLAIM_ACTOR.c.position)
        )
        for claim_id, actor in links:
            actors[claim_id].append(actor)
    return actors


def assessments_of(conn: Connection, claim_ids: Sequence[str] | None) -> dict[str, Assessment]:
    """Stored assessments by claim id: of the given claims, or of all claims when None."""
    statement = select(
        CLAIM.c.id, CLAIM.c.status, CLAIM.c.score, CLAIM.c.grade, CLAIM.c.explanation
    ).where(CLAIM.c.score.is_not(None))
    batches = [statement] if claim_ids is None else [
        statement.where(CLAIM.c.id.in_(chunk)) for chunk in chunked(claim_ids)
    ]
    found = {}
    for batch in batches:
        for claim_id, status, score, grade, explanation in conn.execute(batch):
            found[claim_id] = Assessment(claim_id, status, score, grade, explanation or "")
    return found


def find_claim(conn: Connection, id_or_prefix: str, where: str) -> Claim:
    """The claim with this id, or the only one whose id starts with it."""
    key = id_or_prefix.strip().lower()
    if not key:
        raise UsageError("give a claim id (see `factcheck list`)")
    base = select_claims(ClaimFilter())
    claims = load_claims(conn, base.where(CLAIM.c.id == key))
    if claims:
        return claims[0]
    ids = conn.execute(
        select(CLAIM.c.id).where(CLAIM.c.id.startswith(key, autoescape=True))
        .order_by(CLAIM.c.id).limit(MAX_CANDIDATES_SHOWN + 1)
    ).scalars().all()
    if not ids:
        raise NotFound(f"no claim {id_or_prefix!r} in {where}; run `factcheck list` to see claim ids")
    if len(ids) > 1:
        shown = ", ".join(ids[:MAX_CANDIDATES_SHOWN]) + (", ..." if len(ids) > MAX_CANDIDATES_SHOWN else "")
        raise UsageError(f"claim id {id_or_prefix!r} is ambiguous: it starts {shown}; give more characters")
    return load_claims(conn, base.where(CLAIM.c.id == ids[0]))[0]


def find_document(conn: Connection, keys: Sequence[str], where: str) -> Document:
    """A document by exact path, else by file name, else by a prefix of its sha256; `keys` are
    what the user wrote, then the stored paths it may mean (see `store.paths.lookup_keys`)."""
    key = keys[0]
    for clause in _document_lookups(keys):
        rows = conn.execute(select(DOCUMENT).where(clause).order_by(DOCUMENT.c.path)).mappings().all()
        if len(rows) == 1:
            return to_document(rows[0])
        if len(rows) > 1:
            paths = ", ".join(row["path"] for row in rows[:MAX_CANDIDATES_SHOWN])
            raise UsageError(f"document {key!r} is ambiguous: it matches {paths}; give the path")
    raise NotFound(f"no document {key!r} in {where}; run `factcheck documents` to see them")


def _document_lookups(keys: Sequence[str]) -> list:
    """Ways a user names a document, most precise first: path, file name, sha256 prefix."""
    key = keys[0]
    lookups = [DOCUMENT.c.path.in_(list(keys[1:])), DOCUMENT.c.name == key] if keys[1:] else [DOCUMENT.c.name == key]
    if len(key) >= MIN_SHA_PREFIX and _HEX.fullmatch(key):
        lookups.append(DOCUMENT.c.sha256.startswith(key, autoescape=True))
    return lookups


_INFO_COLUMNS = [column for column in DOCUMENT.c if column.name != "text"]


def document_infos(conn: Connection) -> list[DocumentInfo]:
    """Stored documents (without their text), by name then path."""
    rows = conn.execute(select(*_INFO_COLUMNS).order_by(DOCUMENT.c.name, DOCUMENT.c.path)).mappings().all()
    counting = select(CLAIM.c.document_id, func.count()).group_by(CLAIM.c.document_id)
    counts = dict(conn.execute(counting).all()) if rows else {}
    return [to_document_info(row, counts.get(row["id"], 0)) for row in rows]


# An ingest looks every file up by path and by content hash (one document each, counting only
# its claims): those statements are built once.
_INFO_BY = {name: select(*_INFO_COLUMNS).where(DOCUMENT.c[name] == bindparam("value"))
            .order_by(DOCUMENT.c.name, DOCUMENT.c.path) for name in ("path", "sha256")}
_CLAIMS_OF = select(func.count()).where(CLAIM.c.document_id == bindparam("document_id"))


def has_claims(conn: Connection) -> bool:
    return conn.execute(select(CLAIM.c.id).limit(1)).first() is not None


def document_info_by(conn: Connection, column: str, value: str) -> DocumentInfo | None:
    """The first stored document (by name, then path) whose `column` (path or sha256) is `value`."""
    row = conn.execute(_INFO_BY[column], {"value": value}).mappings().first()
    if row is None:
        return None
    return to_document_info(row, conn.execute(_CLAIMS_OF, {"document_id": row["id"]}).scalar_one())


def actor_infos(conn: Connection) -> list[ActorInfo]:
    """Actors with their aliases and claim counts, most claims first, then by name."""
    # Counted like the --actor filter: claims that name the actor or that it is the source of.
    links = union(
        select(CLAIM_ACTOR.c.actor.label("actor"), CLAIM_ACTOR.c.claim_id.label("claim_id")),
        select(CLAIM.c.source.label("actor"), CLAIM.c.id.label("claim_id")).where(
            CLAIM.c.source.in_(select(ACTOR.c.name))
        ),
    ).subquery()
    counts = dict(conn.execute(select(links.c.actor, func.count()).group_by(links.c.actor)).all())
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, actor in conn.execute(select(ALIAS.c.alias, ALIAS.c.actor).order_by(ALIAS.c.alias)):
        aliases[actor].append(alias)
    actors = [
        ActorInfo(name=name, type=kind, aliases=tuple(aliases[name]), claims=counts.get(name, 0))
        for name, kind in conn.execute(select(ACTOR.c.name, ACTOR.c.type))
    ]
    return sorted(actors, key=lambda actor: (-actor.claims, actor.name))


def dangling_references(conn: Connection) -> dict[str, list[tuple[str, ...]]]:
    """See `Store.dangling_references`."""
    from factcheck.store.tables import RELATION, REVIEW

    claims = select(CLAIM.c.id)
    orphans = conn.execute(select(CLAIM.c.id, CLAIM.c.document_id)
                           .where(CLAIM.c.document_id.not_in(select(DOCUMENT.c.id))).order_by(CLAIM.c.id))
    relations = conn.execute(
        select(RELATION.c.relation, RELATION.c.source_id, RELATION.c.target_id, RELATION.c.origin)
        .where(RELATION.c.relation != "unlink",
               or_(RELATION.c.source_id.not_in(claims), RELATION.c.target_id.not_in(claims)))
        .order_by(RELATION.c.source_id, RELATION.c.target_id)).all()
    reviews = conn.execute(select(REVIEW.c.claim_id).where(REVIEW.c.claim_id.not_in(claims))
                           .distinct().order_by(REVIEW.c.claim_id))
    return {
        "claims": [(row[0], str(row[1])) for row in orphans],
        "relations": [tuple(row[:3]) for row in relations if row[3] == "auto"],
        "manual": [tuple(row[:3]) for row in relations if row[3] != "auto"],
        "reviews": [(row[0],) for row in reviews],
    }
