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
from tests.conftest import ROOT
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
    text = api.build_report(db_path, full=True)
    body, _, notes = text.partition("## Sources of the quotes")
    cited = set(re.findall(r"\[\^(\d+)\]", body))
    defined = {match[0]: match for match in FOOTNOTE.findall(notes)}
    assert cited == set(defined) and len(defined) == len(claims)
    by_id = {claim.id: claim for claim in claims.values()}
    for number, document, start, end, claim_id in defined.values():
        source = (ARTICLES / document).read_text(encoding="utf-8")
        assert source[int(start):int(end)] == by_id[claim_id].quote
        assert f"“{by_id[claim_id].quote}”[^{number}]" in body


def section(text: str, heading: str) -> str:
    return text.split(f"## {heading}\n")[1].split("\n## ")[0].strip()


def test_the_briefing_names_who_denies_and_who_contradicts_and_how(db_path, claims):
    text = api.build_report(db_path)
    findings = section(text, "Key findings")
    assert "- **Ivo Brandt**: 1 claim denied or contradicted, by **Velmar agriculture ministry**." in findings
    assert "- **Norland defence ministry**: 1 claim denied or contradicted, by **Velmar army spokesperson**." in findings
    assert "- Reviewed: 1 claim (1 mostly-false)." in findings
    denied = section(text, "Denied claims")
    assert denied.startswith("- **Ivo Brandt** (alleged): “the grain was shipped to Norland under false papers”")
    assert "Review verdict: **mostly-false**" in denied
    assert "  - denied by **Velmar agriculture ministry** (denied): “any grain had been diverted”" in denied
    contested = section(text, "Contested claims")
    assert "1. **Norland defence ministry** (said): “the Kessa bridge was hit by two drones" in contested
    assert "   - contradicts it: **Velmar army spokesperson** (said): “no drones were launched" in contested
    backed = section(text, "Corroboration by independent sources")
    assert "backed by 1 independent source: **shipping analysts**" in backed


def test_a_denial_is_a_denial_not_a_contested_claim(db_path, claims):
    text = api.build_report(db_path)
    assert "Contested**" not in text and "no stored claim behind the status" not in text
    assert "Velmar agriculture ministry" not in section(text, "Contested claims")


def test_footnotes_give_title_outlet_date_url_and_offsets(db_path, claims):
    notes = section(api.build_report(db_path), "Sources of the quotes")
    papers = claims["papers"]
    assert (f"grain.txt, “Port of Ostra: where did the grain go?”, Coastal Ledger, 2023-03-04, "
            f"<https://example.org/ostra-grain>, characters {papers.start}-{papers.end} "
            f"(paragraph {papers.paragraph + 1}, sentence {papers.sentence + 1}); claim {papers.id}.") in notes


def test_full_adds_every_claim_by_source_and_the_briefing_does_not(db_path, claims):
    briefing, full = api.build_report(db_path), api.build_report(db_path, full=True)
    assert "## Claims by source" in full and "## Corroboration and grades of every claim" in full
    assert "## Claims by source" not in briefing and "Claims by actor" not in full
    assert claims["repairs"].quote not in briefing and claims["repairs"].quote in full


def test_the_diagram_links_sources_by_safe_ids(db_path, claims):
    diagram = api.build_report(db_path).split("```mermaid\n")[1].split("```")[0]
    assert diagram.startswith("graph LR\n")
    assert '  a3["Velmar agriculture ministry"]' in diagram
    assert "  a3 -->|denies| a1" in diagram and "  a4 -->|contradicts| a2" in diagram


def test_unanalysed_claims_are_said_to_be_not_analysed(db_path, tmp_path):
    build_database(db_path, tmp_path / "articles", analysed=False)
    text = api.build_report(db_path, full=True)
    assert "Corroboration: not analysed" in text
    assert "No claim in scope is denied." in text and "No claim in scope is contradicted by another." in text
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
    everything = cli("report", "--full").stdout
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
    assert "- **Mira Sol**: 1 claim denied or contradicted, by **Harbour office**." in section(text, "Key findings")
    assert "| 1 | 2 | 2 | 1 | 0 | 1 | 0 |" in section(text, "Summary")    # the denial is not counted contested
    denied = section(text, "Denied claims")
    assert denied == "- **Mira Sol**: “the port was closed”[^1]\n  - denied by **Harbour office**: “the port never closed”[^2]"
    assert '["Mira Sol"]' in text


def test_quotes_are_cut_at_a_word_and_reasons_carry_no_word_stems():
    from factcheck.models import Assessment

    long_quote = "the satellite " + "will track military operations in the region " * 6 + "for months"
    first = _claim("c1", "Ministry", long_quote, status="denied")
    second = _claim("c2", "Agency", "it is for civilian purposes")
    explanation = ("Grade 4 (doubtful): denied by Agency. Why: stance (purpose): shared words satellit, "
                   "purpos (weight 1.8), 'the satellite will track military operatio...'. "
                   "Corroboration 0.00: 0 independent sources for, 1 against.")
    data = ReportData(claims=(first, second), all_claims={"c1": first, "c2": second},
                      relations=(Relation("denies", "c2", "c1", "stance (purpose): 'satellit' vs 'purpos'", 0.9),),
                      assessments={"c1": Assessment("c1", "denied", 0.0, 4, explanation)})
    for text in (render_report(data), render_report(data, full=True)):
        assert "satellit " not in text and "purpos " not in text and "operatio." not in text
        shown = re.search(r"“(the satellite [^”]*)”\[\^1\]", text).group(1)
        assert shown.endswith("…") and long_quote.startswith(shown[:-1]) and long_quote[len(shown) - 1] == " "
    assert "Grade 4 (doubtful): denied by Agency. Corroboration 0.00" in render_report(data, full=True)


CROSSDOC = ROOT.parent / "shared" / "crossdoc" / "docs"
needs_crossdoc = pytest.mark.skipif(not CROSSDOC.is_dir(), reason="the crossdoc corpus is not beside this checkout")


@pytest.fixture(scope="module")
def crossdoc_db(tmp_path_factory):
    from typer.testing import CliRunner

    from factcheck.cli import app

    db = tmp_path_factory.mktemp("crossdoc") / "crossdoc.db"
    result = CliRunner().invoke(app, ["--db", str(db), "--quiet", "ingest", str(CROSSDOC)])
    assert result.exit_code == 0, result.stderr
    return db


@needs_crossdoc
def test_the_briefing_on_fifteen_articles_fits_in_250_lines(cli, crossdoc_db):
    result = cli("report", db=crossdoc_db)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) <= 250
    assert "## Denied claims" in result.stdout and "denied by" in result.stdout
    assert len(cli("report", "--full", db=crossdoc_db).stdout.splitlines()) > 250


# The report as a reader sees it: Markdown rendered to HTML by markdown-it-py (which rich brings)
# with GitHub's tables and footnotes, as GitHub, GitLab and most static site tools render them.

def rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").enable("table").use(footnote_plugin).render(markdown)


def assert_reads_well(markdown: str, headings: set[str]) -> str:
    html = rendered(markdown)
    assert re.findall(r"<h1>([^<]*)</h1>", html) == ["Fact-check report"]
    assert headings <= set(re.findall(r"<h2>([^<]*)</h2>", html))
    tables = re.findall(r"<table>.*?</table>", html, re.DOTALL)
    assert len(tables) == len(re.findall(r"^\|[-|]+\|$", markdown, re.MULTILINE))   # each one a table
    # A stray "|" in a cell shifts the cells after it, and a renderer drops what overflows the
    # header without a word: every row of a table must have as many unescaped "|" as its header.
    for block in re.findall(r"(?:^\|.*\|$\n?)+", markdown, re.MULTILINE):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in block.splitlines()}
        assert len(widths) == 1, block
    defined = set(re.findall(r"^\[\^(\d+)\]:", markdown, re.MULTILINE))
    assert defined and "[^" not in html           # every reference became a link, every definition a note
    assert set(re.findall(r'<li id="fn(\d+)" class="footnote-item">', html)) == defined
    for target in re.findall(r'<a href="#fn(\d+)" id="fnref[\d:]+">', html):
        assert target in defined
    assert re.search(r'<a href="#fn\d+" id="fnref', html)
    return html


def test_the_golden_report_renders_headings_tables_and_footnotes():
    html = assert_reads_well(GOLDEN.read_text(encoding="utf-8"), {"Summary", "Denied claims", "Documents"})
    assert '<code class="language-mermaid">' in html


@needs_crossdoc
def test_the_crossdoc_briefing_renders_headings_tables_and_footnotes(cli, crossdoc_db):
    result = cli("report", db=crossdoc_db)
    assert result.exit_code == 0, result.stderr
    html = assert_reads_well(result.stdout, {"Summary", "Key findings", "Denied claims", "Contested claims",
                                             "Timeline", "Documents", "Sources of the quotes"})
    assert '<code class="language-mermaid">' in html
    assert "<em>" not in html and "<strong>" in html     # names in bold; no quote turned italic
