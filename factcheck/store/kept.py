"""What the analysis keeps between runs: claim profiles, their index terms, pair findings, and marks in `meta`
(which rules made them, how many claims the last complete run saw). The store holds them as
given and never reads them: their meaning belongs to `factcheck.analysis`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from factcheck.models import Finding
from factcheck.store.tables import FINDING, META, PROFILE, TERM
from factcheck.store.writes import chunked, insert_many

ANALYSIS_MARKS = ("analysis_rules", "analysis_base")     # meta keys written with the results


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
    stored = set(conn.execute(select(META.c.key).where(META.c.key.in_(list(marks)))).scalars())
    for key, value in marks.items():
        if key in stored:
            conn.execute(update(META).where(META.c.key == key).values(value=value))
        else:
            conn.execute(insert(META).values(key=key, value=value))

