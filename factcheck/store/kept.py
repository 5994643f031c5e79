"""What the analysis keeps between runs: claim profiles, their index terms, pair findings, and marks in `meta`
(which rules made them, how many claims the last complete run saw). The store holds them as
given and never reads them: their meaning belongs to `factcheck.analysis`."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from factcheck.models import Finding
from factcheck.store.tables import CLAIM, FINDING, META, PROFILE, RELATION, TERM
from factcheck.store.writes import chunked, insert_many

ANALYSIS_MARKS = ("analysis_rules", "analysis_base")     # meta keys written with the results
# Generation counters in `meta`: DATA_GENERATION counts the writes the analysis depends on
# (documents saved or removed, manual links made or undone); ANALYSED_GENERATION is the data
# generation the stored analysis was made from, so the analysis is stale while they differ;
# ANALYSIS_SERIAL counts the analyses saved, so that a run can tell whether another one saved
# its results meanwhile. A database without them counts as generation 0, analysed.
DATA_GENERATION = "data_generation"
ANALYSED_GENERATION = "analysed_generation"
ANALYSIS_SERIAL = "analysis_serial"
GENERATION_KEYS = (DATA_GENERATION, ANALYSED_GENERATION, ANALYSIS_SERIAL)
# Seals that `verify` checks: per document (by sha256), its claims' digest (models.claims_digest),
# written with the document; and a digest of every claim's status, score and grade and of the
# automatic relations, written with each analysis. The analysis digest is the sum of the rows'
# hashes (modulo 2**256), so an analysis that changes a few rows updates it by their hashes
# alone; databases sealed before it was a sum keep ANALYSIS_DIGEST (an ordered hash) until
# their next analysis.
DIGEST_PREFIX = "claims_digest:"
ANALYSIS_DIGEST = "analysis_digest"
ANALYSIS_SUM = "analysis_sum"
_SUM_MODULUS = 1 << 256


def marks(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(META.c.key, META.c.value).where(META.c.key.in_(ANALYSIS_MARKS)))
    return dict(rows.all())


def profiles(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(select(PROFILE.c.claim_id, PROFILE.c.data)).all())


def findings(conn: Connection) -> list[Finding]:
    rows = conn.execute(
        select(FINDING.c.kind, FINDING.c.source_id, FINDING.c.target_id, FINDING.c.reason, FINDING.c.score)
        .order_by(FINDING.c.id)
    )
    return [Finding(*row) for row in rows]


def postings(conn: Connection, terms: Sequence[str], max_postings: int) -> tuple[dict[str, int], dict[str, list[str]]]:
    """(how many claims hold each term, the claim ids of the terms held by at most `max_postings`)."""
    counts: dict[str, int] = {}
    for chunk in chunked(sorted(set(terms))):
        counts.update(conn.execute(select(TERM.c.term, func.count()).where(TERM.c.term.in_(chunk))
                                   .group_by(TERM.c.term)).all())
    wanted = [t for t, n in counts.items() if n <= max_postings]
    found: dict[str, list[str]] = {t: [] for t in wanted}
    for chunk in chunked(sorted(wanted)):
        for term, claim_id in conn.execute(select(TERM.c.term, TERM.c.claim_id).where(TERM.c.term.in_(chunk))):
            found[term].append(claim_id)
    return counts, found


def indexed_claims(conn: Connection) -> int:
    """How many claims the kept index holds (0 before a complete analysis has filled it)."""
    return conn.execute(select(func.count(func.distinct(TERM.c.claim_id)))).scalar() or 0


def profiles_of(conn: Connection, claim_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in chunked(list(claim_ids)):
        out.update(conn.execute(select(PROFILE.c.claim_id, PROFILE.c.data).where(PROFILE.c.claim_id.in_(chunk))).all())
    return out


def kept_claims(conn: Connection) -> int:
    """How many claims have a kept profile."""
    return conn.execute(select(func.count()).select_from(PROFILE)).scalar() or 0


def terms_of(conn: Connection, claim_ids: Sequence[str]) -> dict[str, frozenset[str]]:
    """The kept index terms of these claims."""
    out: dict[str, set[str]] = {}
    for chunk in chunked(sorted(set(claim_ids))):
        for term, claim_id in conn.execute(select(TERM.c.term, TERM.c.claim_id).where(TERM.c.claim_id.in_(chunk))):
            out.setdefault(claim_id, set()).add(term)
    return {key: frozenset(held) for key, held in out.items()}


def findings_of(conn: Connection, claim_ids: Sequence[str]) -> list[Finding]:
    """The kept findings of pairs that involve one of these claims, in the order they were kept."""
    rows: dict[int, Finding] = {}
    for chunk in chunked(sorted(set(claim_ids))):
        for column in (FINDING.c.source_id, FINDING.c.target_id):
            for row in conn.execute(select(FINDING.c.id, FINDING.c.kind, FINDING.c.source_id, FINDING.c.target_id,
                                           FINDING.c.reason, FINDING.c.score).where(column.in_(chunk))):
                rows[row[0]] = Finding(*row[1:])
    return [rows[key] for key in sorted(rows)]


def keep(conn: Connection, profiles: Mapping[str, str], findings: Sequence[Finding], *,
         replace: bool, marks: Mapping[str, str], terms: Mapping[str, Sequence[str]] | None = None) -> None:
    """Add profiles, their index terms and findings (first dropping all kept ones when `replace`),
    and set the marks."""
    terms = terms or {}
    if replace:
        conn.execute(delete(PROFILE))
        conn.execute(delete(FINDING))
        conn.execute(delete(TERM))
    else:   # a claim profiled afresh replaces what was kept of it
        for chunk in chunked(list(profiles)):
            conn.execute(delete(PROFILE).where(PROFILE.c.claim_id.in_(chunk)))
            conn.execute(delete(TERM).where(TERM.c.claim_id.in_(chunk)))
    insert_many(conn, PROFILE, [{"claim_id": key, "data": data} for key, data in profiles.items()])
    insert_many(conn, TERM, [{"term": term, "claim_id": key} for key, held in terms.items() for term in held])
    insert_many(conn, FINDING, [
        {"kind": f.kind, "source_id": f.source_id, "target_id": f.target_id, "reason": f.reason,
         "score": f.score} for f in findings])
    set_marks(conn, marks)


def set_marks(conn: Connection, marks: Mapping[str, str]) -> None:
    stored = set(conn.execute(select(META.c.key).where(META.c.key.in_(list(marks)))).scalars())
    for key, value in marks.items():
        if key in stored:
            conn.execute(update(META).where(META.c.key == key).values(value=value))
        else:
            conn.execute(insert(META).values(key=key, value=value))


def document_digests(conn: Connection) -> dict[str, str]:
    """Document sha256 -> the claims digest stored with it."""
    rows = conn.execute(select(META.c.key, META.c.value).where(META.c.key.startswith(DIGEST_PREFIX)))
    return {key[len(DIGEST_PREFIX):]: value for key, value in rows}


# run for every document saved: built once (building a statement costs more than running it)
_DELETE_MARK = delete(META).where(META.c.key == bindparam("mark"))
_INSERT_MARK = insert(META).values(key=bindparam("mark"), value=bindparam("mark_value"))
_MARK = select(META.c.value).where(META.c.key == bindparam("mark"))
_UPDATE_MARK = update(META).where(META.c.key == bindparam("mark")).values(value=bindparam("mark_value"))


def set_document_digest(conn: Connection, sha256: str, digest: str | None) -> None:
    conn.execute(_DELETE_MARK, {"mark": DIGEST_PREFIX + sha256})
    if digest is not None:
        conn.execute(_INSERT_MARK, {"mark": DIGEST_PREFIX + sha256, "mark_value": digest})


def analysis_digest(conn: Connection) -> str:
    """The sum of the hashes of every claim's status, score and grade and of every automatic
    relation (see ANALYSIS_SUM), as 64 hex digits."""
    total = sum(map(_row_hash, _claim_rows(conn))) + sum(map(_row_hash, _relation_rows(conn)))
    return format(total % _SUM_MODULUS, "064x")


def _ordered_digest(conn: Connection) -> str:
    """The analysis digest of databases sealed before ANALYSIS_SUM: one hash over the rows in order."""
    digest = hashlib.sha256()
    for row in sorted(_claim_rows(conn)):
        digest.update(repr(row).encode())
    for row in sorted(_relation_rows(conn), key=lambda r: (r[1], r[2], r[0])):
        digest.update(repr(row).encode())
    return digest.hexdigest()


def _row_hash(row: tuple) -> int:
    return int.from_bytes(hashlib.sha256(repr(row).encode()).digest(), "big")


def _claim_rows(conn: Connection, claim_ids: Sequence[str] | None = None) -> list[tuple]:
    statement = select(CLAIM.c.id, CLAIM.c.status, CLAIM.c.score, CLAIM.c.grade)
    chunks = [None] if claim_ids is None else chunked(sorted(set(claim_ids)))
    return [(row[0], row[1], None if row[2] is None else round(row[2], 6), row[3])
            for chunk in chunks
            for row in conn.execute(statement if chunk is None else statement.where(CLAIM.c.id.in_(chunk)))]


def _relation_rows(conn: Connection) -> list[tuple]:
    return [tuple(row) for row in conn.execute(select(RELATION.c.relation, RELATION.c.source_id, RELATION.c.target_id)
                                               .where(RELATION.c.origin == "auto"))]


def claim_rows(conn: Connection, claim_ids: Sequence[str]) -> list[tuple]:
    """What the analysis digest holds of these claims."""
    return _claim_rows(conn, claim_ids) if claim_ids else []


def seal_analysis(conn: Connection) -> None:
    set_marks(conn, {ANALYSIS_SUM: analysis_digest(conn)})
    conn.execute(delete(META).where(META.c.key == ANALYSIS_DIGEST))


def reseal_analysis(conn: Connection, removed: Sequence[tuple], added: Sequence[tuple]) -> None:
    """Update the analysis digest for rows that changed: claim rows (`claim_rows`) and automatic
    relation rows (relation, source, target) as they were and as they are."""
    stored = conn.execute(select(META.c.value).where(META.c.key == ANALYSIS_SUM)).scalar_one_or_none()
    if stored is None:
        seal_analysis(conn)
        return
    total = int(stored, 16) - sum(map(_row_hash, removed)) + sum(map(_row_hash, added))
    set_marks(conn, {ANALYSIS_SUM: format(total % _SUM_MODULUS, "064x")})


def analysis_seal(conn: Connection) -> tuple[str | None, str]:
    """(the analysis digest stored with the last analysis, the digest of what is stored now), in
    the scheme the stored one was made by."""
    stored = dict(conn.execute(select(META.c.key, META.c.value)
                               .where(META.c.key.in_((ANALYSIS_SUM, ANALYSIS_DIGEST)))).all())
    if ANALYSIS_SUM in stored or ANALYSIS_DIGEST not in stored:
        return stored.get(ANALYSIS_SUM), analysis_digest(conn)
    return stored[ANALYSIS_DIGEST], _ordered_digest(conn)


def generations(conn: Connection) -> dict[str, int]:
    """The generation counters (see GENERATION_KEYS), 0 where none is stored yet."""
    rows = dict(conn.execute(select(META.c.key, META.c.value).where(META.c.key.in_(GENERATION_KEYS))).all())
    return {key: int(rows.get(key) or 0) for key in GENERATION_KEYS}


def bump_data_generation(conn: Connection) -> int:
    """Count one more write that the analysis depends on, in the caller's transaction."""
    stored = conn.execute(_MARK, {"mark": DATA_GENERATION}).scalar_one_or_none()
    generation = int(stored or 0) + 1
    conn.execute(_UPDATE_MARK if stored is not None else _INSERT_MARK,
                 {"mark": DATA_GENERATION, "mark_value": str(generation)})
    return generation

