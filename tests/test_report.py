"""`report`: the Markdown fact-check report, pinned by a golden file and checked for traceability.

Regenerate the golden file on purpose only: FACTCHECK_REGEN_GOLDEN=1 python -m pytest tests/test_report.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from factcheck import api
from factcheck.models import Claim, Relation
from factcheck.render.report import ReportData, render_report
from tests.fixtures.corpus import ARTICLES, build_database

GOLDEN = Path(__file__).resolve().parent / "golden" / "report.md"
# Read at import: the autouse fixture clears FACTCHECK_* variables before each test runs.
REGENERATE = os.environ.get("FACTCHECK_REGEN_GOLDEN") == "1"
FOOTNOTE = re.compile(r"^\[\^(\d+)\]: (\S+), .*characters (\d+)-(\d+) .*; claim (\w+)\.$", re.MULTILINE)


@pytest.fixture
def claims(db_path, tmp_path):
    found = build_database(db_path, tmp_path / "articles")
    api.review_claim(db_path, found["papers"].id, "mostly-false", "Customs records show the papers in order.",
                     by="R. Okafor")
    return found


def test_report_matches_the_golden_file(db_path, claims):
    text = api.build_report(db_path)
    if REGENERATE:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_every_quote_has_a_footnote_that_points_at_it(db_path, claims):
    text = api.build_report(db_path)
    body, _, notes = text.partition("## Quotes and where they stand")
    cited = set(re.findall(r"\[\^(\d+)\]", body))
    defined = {match[0]: match for match in FOOTNOTE.findall(notes)}
    assert cited == set(defined) and len(defined) == len(claims)
    by_id = {claim.id: claim for claim in claims.values()}
    for number, document, start, end, claim_id in defined.values():
        source = (ARTICLES / document).read_text(encoding="utf-8")
        assert source[int(start):int(end)] == by_id[claim_id].quote
        assert f"“{by_id[claim_id].quote}”[^{number}]" in body


def test_findings_name_who_denies_and_who_contradicts(db_path, claims):
    text = api.build_report(db_path)
    findings = text.split("## Key findings")[1].split("##")[0]
    assert "**Denied**: **Ivo Brandt** (alleged)" in findings
    assert "denied by **Velmar agriculture ministry**" in findings
    assert "contradicted by **Velmar army spokesperson**" in findings
    assert "Review verdict: **mostly-false**" in findings
    assert findings.index("Denied") < findings.index("Contested")


def test_the_diagram_links_sources_by_safe_ids(db_path, claims):
    diagram = api.build_report(db_path).split("```mermaid\n")[1].split("```")[0]
    assert diagram.startswith("graph LR\n")
    assert '  a3["Velmar agriculture ministry"]' in diagram
    assert "  a3 -->|denies| a1" in diagram and "  a4 -->|contradicts| a2" in diagram


def test_unanalysed_claims_are_said_to_be_not_analysed(db_path, tmp_path):
    build_database(db_path, tmp_path / "articles", analysed=False)
    text = api.build_report(db_path)
    assert "Corroboration: not analysed" in text
    assert "No claim in scope is denied or contradicted by another." in text
    assert "```mermaid" not in text


def test_actor_scope_keeps_the_other_side_of_a_denial(cli, claims):
    result = cli("report", "--actor", "norland")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    text = result.stdout
    assert "Scope: claims by or about Norland." in text
    assert "| 2 | 2 | 2 | 1 | 1 | 2 | 1 |" in text          # both Norland claims, one each way
    assert "Velmar port authority" not in text
    assert claims["diverted"].quote in text                 # the denial, though out of scope


def test_dates_scope_and_timeline_order(cli, claims):
    result = cli("report", "--since", "2023-05")
    assert result.exit_code == 0, result.stderr
    assert "Scope: about events from 2023-05." in result.stdout
    assert "| 2023-05-09 | Norland defence ministry |" in result.stdout
    assert "2023-02 |" not in result.stdout
    everything = cli("report").stdout
    timeline = everything.split("## Timeline")[1].split("##")[0]
    assert timeline.index("2023-02") < timeline.index("2023-05-09")


def test_report_to_a_file_says_where_on_stderr(cli, claims, db_path, tmp_path):
    target = tmp_path / "report.md"
    result = cli("report", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and f"wrote {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == api.build_report(db_path)


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--actor", "Atlantis"], 4, "no actor 'Atlantis'"),
    (["--since", "last week"], 2, "not a date"),
])
def test_bad_scope_options(cli, claims, args, code, message):
    result = cli("report", *args)
    assert result.exit_code == code
    assert result.stdout == "" and message in result.stderr


def _claim(claim_id: str, source: str, quote: str, **fields) -> Claim:
    return Claim(id=claim_id, document="a.txt", start=0, end=len(quote), quote=quote, text=quote, source=source,
                 source_type="official", **fields)


def test_names_that_would_break_markdown_or_mermaid_are_escaped():
    first = _claim("c1", 'The "end" | party', "it *never* happened", status="denied")
    second = _claim("c2", "graph [LR]", "it happened")
    relation = Relation("denies", "c2", "c1", "denial cue", 0.9)
    text = render_report(ReportData(claims=(first, second), all_claims={"c1": first, "c2": second},
                                    relations=(relation,)))
    diagram = text.split("```mermaid\n")[1].split("```")[0]
    assert '["The #quot;end#quot; | party"]' in diagram and '["graph [LR]"]' in diagram
    assert "-->|denies|" in diagram
    assert r"“it \*never\* happened”[^" in text
    assert r'The "end" \| party' in text


def test_a_denier_is_shown_with_what_it_denies_and_the_author_by_name():
    from types import SimpleNamespace

    article = SimpleNamespace(name="a.txt", path="/a.txt", title="T", author="Mira Sol", publisher=None,
                              url=None, published=None, published_inferred=False)
    own = _claim("c1", "author", "the port was closed", status="denied")
    denial = _claim("c2", "Harbour office", "the port never closed", status="contested")
    text = render_report(ReportData(claims=(own, denial), all_claims={"c1": own, "c2": denial},
                                    relations=(Relation("denies", "c2", "c1", "denial cue", 1.0),),
                                    documents=(article,)))
    findings = text.split("## Key findings")[1].split("\n## ")[0]
    assert "**Denied**: **Mira Sol** (states): “the port was closed”[^1], denied by **Harbour office**" in findings
    assert "**Contested**: **Harbour office** (states): “the port never closed”[^2], denies **Mira Sol**" in findings
    assert '["Mira Sol"]' in text
