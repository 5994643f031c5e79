"""Budgets (issue 18, defect 4): work that would grow faster than linearly is capped, and a
document that runs past its time budget is reported and skipped while the rest goes on."""

from __future__ import annotations

import json

from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE
from tests.test_cli_errors import INPUT, assert_one_line_error, stored_documents


def test_an_overlong_sentence_gives_no_claims_and_a_warning(cli, articles):
    from factcheck.pipeline.claims.build import MAX_SENTENCE_CHARS

    nested = "the official said that " * (MAX_SENTENCE_CHARS // 20) + "it rained."
    path = articles("nested.txt", ARTICLE_STRIKE + "\n" + nested + "\n")
    result = cli("ingest", path)
    assert result.exit_code == 0, result.stderr
    assert f"nested.txt: sentence 4 at character {len(ARTICLE_STRIKE) + 1} is" in result.stderr
    assert f"over the limit of {MAX_SENTENCE_CHARS:,}; no claims taken from it" in result.stderr
    claims = json.loads(cli("list", "--format", "json").stdout)
    assert claims and all(claim["end"] <= len(ARTICLE_STRIKE) for claim in claims)


def test_a_sentence_at_the_limit_is_read(cli, articles):
    from factcheck.pipeline.claims.build import MAX_SENTENCE_CHARS

    clauses = ", and ".join(["the minister said the plan had failed"] * 60)
    sentence = clauses[:MAX_SENTENCE_CHARS - 1].rsplit(",", 1)[0] + "."
    result = cli("ingest", articles("long.txt", sentence + "\n"))
    assert result.exit_code == 0 and "over the limit" not in result.stderr
    assert json.loads(cli("list", "--format", "json").stdout)


def test_html_nesting_is_capped_and_its_text_kept():
    from factcheck.pipeline.document.html import MAX_HTML_DEPTH, _PageParser, extract_html

    depth = MAX_HTML_DEPTH * 4
    parser = _PageParser()
    parser.feed("<html><body>" + "<div>\n" * depth + "deep text")
    assert len(parser.stack) <= MAX_HTML_DEPTH
    page = ("<html><body>" + "<div>\n" * depth + "<p>The mayor said the bridge would reopen.</p>"
            + "</div>\n" * depth + "<p>Officials said it was safe.</p></body></html>")
    _, text = extract_html(page)
    assert text == "The mayor said the bridge would reopen.\n\nOfficials said it was safe.\n"


def test_a_document_over_its_time_budget_is_skipped_and_the_rest_goes_on(cli, articles):
    from factcheck.pipeline.claims.build import MAX_SENTENCE_CHARS

    sentence = ", ".join(["the minister said the plan failed"] * (MAX_SENTENCE_CHARS // 36)) + "."
    slow = articles("b_slow.txt", "\n\n".join([sentence] * 300) + "\n")   # many seconds of work
    articles("a_good.txt", ARTICLE_DRONES)
    result = cli("ingest", slow.parent, "--time-budget", "1")
    assert_one_line_error(result, INPUT, f"{slow}: not read within the budget of 1 seconds")
    assert "1 document: 1 new" in result.stderr and "1 failed" in result.stderr
    assert stored_documents(cli) == ["a_good.txt"]
