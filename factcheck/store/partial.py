"""What an analysis of part of the database reads and writes (`factcheck.api.growing`): the kept
profiles, index terms and findings of given claims only, and the relations it changed. A part
of `Store`, kept in a module of its own."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from factcheck.models import Assessment, Finding, Relation
from factcheck.store import kept, links, writes
from factcheck.store.engine import reading, writing
from factcheck.store.tables import DOCUMENT
from factcheck.store.writes import chunked


class PartialAnalysis:
    """`Store` methods for an analysis of part of the database."""

    def kept_of(self, claim_ids: list[str]) -> tuple[dict[str, str], dict[str, frozenset[str]], list[Finding]]:
        """What the analysis kept of these claims: profiles, index terms, and the findings of
        pairs involving them."""
        with reading(self._engine, self.path) as conn:
            return kept.profiles_of(conn, claim_ids), kept.terms_of(conn, claim_ids), kept.findings_of(conn, claim_ids)

    def kept_terms_of(self, claim_ids: list[str]) -> dict[str, frozenset[str]]:
        """The kept index terms of these claims."""
        with reading(self._engine, self.path) as conn:
            return kept.terms_of(conn, claim_ids)

    def publishers_of(self, names: list[str]) -> dict[str, str]:
        """Document name -> publisher, of these documents (those that name one)."""
        out: dict[str, str] = {}
        with reading(self._engine, self.path) as conn:
            for chunk in chunked(sorted(set(names))):
                out.update(conn.execute(select(DOCUMENT.c.name, DOCUMENT.c.publisher)
                                        .where(DOCUMENT.c.name.in_(chunk), DOCUMENT.c.publisher.is_not(None))).all())
        return out

    def kept_claims(self) -> int:
        """How many claims have a kept profile."""
        with reading(self._engine, self.path) as conn:
            return kept.kept_claims(conn)

    def save_partial_analysis(
        self, added: list[Relation], replaced: list[frozenset[str]], assessments: list[Assessment], *,
        profiles: Mapping[str, str], findings: list[Finding], terms: Mapping[str, list[str]],
        marks: Mapping[str, str], made_from,
    ) -> bool:
        """Store an analysis of part of the database, as `Store.save_analysis` does, changing only
        the automatic relations of the pairs it `replaced` and those it `added`. False (and
        nothing written) when the database changed since `made_from` (an AnalysisState)."""
        with writing(self._engine, self.path) as conn:
            now = kept.generations(conn)
            if (now[kept.DATA_GENERATION], now[kept.ANALYSED_GENERATION], now[kept.ANALYSIS_SERIAL]) != (
                    made_from.data, made_from.analysed, made_from.serial):
                return False
            # the new claims (those profiled now) were stored after the last seal: not in it yet
            assessed = {a.claim_id for a in assessments}
            before = kept.claim_rows(conn, sorted(assessed - set(profiles)))
            removed, inserted = links.change_auto_relations(conn, added, replaced)
            writes.set_assessments(conn, assessments)
            kept.keep(conn, profiles, findings, replace=False, terms=terms, marks={
                **marks, kept.ANALYSED_GENERATION: str(now[kept.DATA_GENERATION]),
                kept.ANALYSIS_SERIAL: str(now[kept.ANALYSIS_SERIAL] + 1)})
            # the seal changes by the rows that changed, not by reading every row again
            rows = kept.claim_rows(conn, sorted(assessed | set(profiles)))
            kept.reseal_analysis(conn, before + removed, rows + inserted)
            return True
