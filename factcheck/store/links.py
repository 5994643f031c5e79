"""Relations between claims, user aliases, and the review log.

Relations have two origins. `auto` rows are analysis output and are replaced wholesale on each
run; `manual` rows are the user's and win over analysis for their pair of claims: a manual link
or an "unlink" (a manual row with relation UNLINK) keeps analysis from linking that pair again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from factcheck.errors import NotFound, UsageError
from factcheck.models import RELATIONS, Relation
from factcheck.store.records import Review, utc_now
from factcheck.store.tables import ALIAS, CLAIM, RELATION, REVIEW
from factcheck.store.writes import AUTO, chunked, ensure_actors

MANUAL = "manual"
UNLINK = "unlink"   # a manual row saying "these two claims are not related"
USER = "user"


def _pair(a: str, b: str):  # noqa: ANN202 - a SQLAlchemy boolean clause
    """Rows between claims a and b, in either direction."""
    return or_(
        and_(RELATION.c.source_id == a, RELATION.c.target_id == b),
        and_(RELATION.c.source_id == b, RELATION.c.target_id == a),
    )


def relations(conn: Connection, claim_id: str | None) -> list[Relation]:
    statement = select(RELATION).where(RELATION.c.relation != UNLINK)
    if claim_id is not None:
        statement = statement.where(or_(RELATION.c.source_id == claim_id, RELATION.c.target_id == claim_id))
    statement = statement.order_by(
        RELATION.c.source_id, RELATION.c.target_id, RELATION.c.relation, RELATION.c.origin, RELATION.c.id
    )
    return [
        Relation(
            relation=row["relation"], source_id=row["source_id"], target_id=row["target_id"],
            reason=row["reason"], score=row["score"], origin=row["origin"],
        )
        for row in conn.execute(statement).mappings()
    ]


def relations_of(conn: Connection, claim_ids: Sequence[str]) -> dict[str, list[Relation]]:
    """Each claim's relations (as `relations` gives them for one claim), for many claims at once."""
    wanted = list(dict.fromkeys(claim_ids))
    out: dict[str, list[Relation]] = {cid: [] for cid in wanted}
    seen: dict[str, set[Relation]] = {cid: set() for cid in wanted}     # a claim may hold thousands
    for chunk in chunked(wanted):
        statement = (select(RELATION).where(RELATION.c.relation != UNLINK)
                     .where(or_(RELATION.c.source_id.in_(chunk), RELATION.c.target_id.in_(chunk)))
                     .order_by(RELATION.c.source_id, RELATION.c.target_id, RELATION.c.relation,
                               RELATION.c.origin, RELATION.c.id))
        for row in conn.execute(statement).mappings():
            relation = Relation(relation=row["relation"], source_id=row["source_id"], target_id=row["target_id"],
                                reason=row["reason"], score=row["score"], origin=row["origin"])
            for end in {relation.source_id, relation.target_id}:
                if end in out and relation not in seen[end]:
                    seen[end].add(relation)
                    out[end].append(relation)
    return out


def _manual_pairs(conn: Connection) -> set[frozenset[str]]:
    rows = conn.execute(select(RELATION.c.source_id, RELATION.c.target_id).where(RELATION.c.origin == MANUAL))
    return {frozenset(row) for row in rows}


def suppressed_pairs(conn: Connection) -> set[frozenset[str]]:
    rows = conn.execute(
        select(RELATION.c.source_id, RELATION.c.target_id).where(RELATION.c.relation == UNLINK)
    )
    return {frozenset(row) for row in rows}


def replace_auto_relations(conn: Connection, found: Sequence[Relation]) -> None:
    """Swap all auto relations for `found`, leaving out pairs the user has already decided."""
    conn.execute(delete(RELATION).where(RELATION.c.origin == AUTO))
    decided = _manual_pairs(conn)
    now = utc_now()
    rows = {
        (relation.relation, relation.source_id, relation.target_id): _relation_row(relation, AUTO, now)
        for relation in found
        if frozenset((relation.source_id, relation.target_id)) not in decided
    }
    if rows:
        conn.execute(insert(RELATION), list(rows.values()))


def change_auto_relations(conn: Connection, added: Sequence[Relation], replaced: Sequence[frozenset[str]]
                          ) -> tuple[list[tuple], list[tuple]]:
    """Drop the automatic relations of the `replaced` pairs, then add `added` (leaving out pairs
    the user has decided): what an analysis of part of the database changed. Returns the rows
    (relation, source, target) removed and those added."""
    removed = []
    for pair in replaced:
        a, b = sorted(pair)
        where = and_(_pair(a, b), RELATION.c.origin == AUTO)
        removed += [tuple(row) for row in conn.execute(
            select(RELATION.c.relation, RELATION.c.source_id, RELATION.c.target_id).where(where))]
        conn.execute(delete(RELATION).where(where))
    decided = _manual_pairs(conn)
    now = utc_now()
    rows = {(r.relation, r.source_id, r.target_id): _relation_row(r, AUTO, now)
            for r in added if frozenset((r.source_id, r.target_id)) not in decided}
    if rows:
        conn.execute(insert(RELATION), list(rows.values()))
    return removed, list(rows)


def add_manual_relation(conn: Connection, relation: Relation) -> None:
    """Record the user's link for a pair, replacing any earlier link or unlink between the two."""
    if relation.relation not in RELATIONS:
        raise UsageError(f"unknown relation {relation.relation!r}; use one of {', '.join(RELATIONS)}")
    _refuse_self_link(relation.source_id, relation.target_id)
    conn.execute(delete(RELATION).where(_pair(relation.source_id, relation.target_id)))
    conn.execute(insert(RELATION).values(_relation_row(relation, MANUAL, utc_now())))


def remove_relation(conn: Connection, a: str, b: str) -> int:
    """Remove every relation between a and b and keep analysis from adding one back."""
    _refuse_self_link(a, b)
    removed = conn.execute(delete(RELATION).where(_pair(a, b), RELATION.c.relation != UNLINK)).rowcount
    conn.execute(delete(RELATION).where(_pair(a, b)))
    unlink = Relation(UNLINK, a, b, reason="removed by the user")
    conn.execute(insert(RELATION).values(_relation_row(unlink, MANUAL, utc_now())))
    return removed


def _refuse_self_link(a: str, b: str) -> None:
    if a == b:
        raise UsageError(f"a claim cannot be related to itself ({a}); give two different claim ids")


def _relation_row(relation: Relation, origin: str, now: str) -> dict:
    return {
        "relation": relation.relation, "source_id": relation.source_id,
        "target_id": relation.target_id, "reason": relation.reason,
        "score": relation.score, "origin": origin, "created_at": now,
    }


def add_alias(conn: Connection, canonical: str, alias: str, origin: str = USER) -> None:
    """Point `alias` (any case) at `canonical`; repeating it changes nothing."""
    canonical, key = canonical.strip(), alias.strip().lower()
    if not canonical or not key:
        raise UsageError("an alias needs both a canonical actor name and the alias itself")
    if key == canonical.lower():
        return                                  # a name is always its own alias
    ensure_actors(conn, [canonical], {})
    stored = conn.execute(select(ALIAS.c.actor, ALIAS.c.origin).where(ALIAS.c.alias == key)).first()
    if stored is None:
        conn.execute(insert(ALIAS).values(alias=key, actor=canonical, origin=origin))
    elif tuple(stored) != (canonical, origin):
        # The latest word wins: a user alias overrides an automatic one, or an older user choice.
        conn.execute(update(ALIAS).where(ALIAS.c.alias == key).values(actor=canonical, origin=origin))


def aliases(conn: Connection, origin: str | None = USER) -> dict[str, str]:
    statement = select(ALIAS.c.alias, ALIAS.c.actor).order_by(ALIAS.c.alias)
    if origin is not None:
        statement = statement.where(ALIAS.c.origin == origin)
    return dict(conn.execute(statement).all())


def add_review(conn: Connection, claim_id: str, verdict: str, note: str | None, by: str | None) -> Review:
    if not verdict.strip():
        raise UsageError("a review needs a verdict")
    if conn.execute(select(CLAIM.c.id).where(CLAIM.c.id == claim_id)).first() is None:
        raise NotFound(f"no claim {claim_id!r}; run `factcheck list` to see claim ids")
    row = {"claim_id": claim_id, "verdict": verdict.strip(), "note": note, "by": by, "at": utc_now()}
    review_id = conn.execute(insert(REVIEW).values(row)).inserted_primary_key[0]
    return Review(id=review_id, **row)


def reviews(conn: Connection, claim_id: str) -> list[Review]:
    rows = conn.execute(select(REVIEW).where(REVIEW.c.claim_id == claim_id).order_by(REVIEW.c.id))
    return [Review(**row) for row in rows.mappings()]


def latest_verdicts(conn: Connection) -> dict[str, str]:
    """Each reviewed claim's most recent verdict (the log is append-only, so the highest id)."""
    last = (
        select(REVIEW.c.claim_id, func.max(REVIEW.c.id).label("last_id"))
        .group_by(REVIEW.c.claim_id)
        .subquery()
    )
    rows = conn.execute(select(REVIEW.c.claim_id, REVIEW.c.verdict).join(last, REVIEW.c.id == last.c.last_id))
    return dict(rows.all())

