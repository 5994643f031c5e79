"""HTML input: the article's main text without page furniture, metadata from the page."""

from __future__ import annotations

import json

from factcheck.pipeline.document.html import extract_html

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ostra grain row deepens | Coastal Ledger</title>
  <meta property="og:title" content="Ostra grain row deepens">
  <meta property="og:site_name" content="Coastal Ledger">
  <meta name="author" content="Mira Sol">
  <meta property="article:published_time" content="2023-03-04T09:30:00+01:00">
  <link rel="canonical" href="https://example.org/ostra-grain">
  <style>p { color: red; }</style>
  <script>window.track("Sullivan said");</script>
</head>
<body>
  <header class="site-header"><a href="/">Coastal Ledger</a> Home World Business</header>
  <nav><ul><li>World</li><li>Trade</li></ul></nav>
  <main>
    <article>
      <header><h1>Ostra grain row deepens</h1>
        <p class="byline">By <a rel="author" href="/mira">Mira Sol</a>,
          <time datetime="2023-03-03">March 3</time></p></header>
      <p>The Velmar port authority said on March 3, 2023 that 40,000 tonnes of grain
         left <a href="/ostra">Ostra</a> in February 2023.</p>
      <p>Norland&#8217;s trade envoy Ivo Brandt alleged that the grain was shipped to Norland
         under <em>false</em> papers &amp; forged seals.</p>
      <div class="share-buttons"><p>Share this article on social media</p></div>
      <script>document.write("Advertisement");</script>
      <p>Velmar&#39;s agriculture ministry denied that any grain had been diverted.</p>
      <aside><h2>Related</h2><p>Ostra port expands its cranes in a long read about logistics.</p></aside>
      <footer><p>Tags: grain, Velmar</p></footer>
    </article>
  </main>
  <footer><p>Copyright Coastal Ledger. All rights reserved.</p></footer>
</body>
</html>
"""

EXPECTED_TEXT = (
    "Ostra grain row deepens\n\n"
    "The Velmar port authority said on March 3, 2023 that 40,000 tonnes of grain left Ostra in February 2023.\n\n"
    "Norland\u2019s trade envoy Ivo Brandt alleged that the grain was shipped to Norland under false papers"
    " & forged seals.\n\n"
    "Velmar's agriculture ministry denied that any grain had been diverted.\n"
)

BLOG_PAGE = """<html><head><title>Bridge damage: what we know</title></head><body>
<div id="top-menu"><p>Home</p><p>About</p></div>
<div class="layout">
  <div class="sidebar-box"><p>Popular: ten facts about bridges.</p></div>
  <div class="story">
    <p>Posted <time datetime="2023-05-10T08:00:00Z">yesterday</time>.
    <p>The Norland defence ministry said the Kessa bridge was hit by two drones on May 9, 2023.
    <p>A Velmar army spokesperson said that no drones were launched from Velmar territory.
  </div>
  <div class="teaser"><p>Read next: floods.</p></div>
</div>
</body></html>
"""


def test_main_text_leaves_out_navigation_footers_scripts_and_asides():
    metadata, text = extract_html(NEWS_PAGE)
    assert text == EXPECTED_TEXT
    for furniture in ("Home World", "Share this", "Related", "Tags:", "Copyright", "track(", "color"):
        assert furniture not in text


def test_metadata_comes_from_the_page():
    metadata, _ = extract_html(NEWS_PAGE)
    assert metadata == {"title": "Ostra grain row deepens", "author": "Mira Sol", "publisher": "Coastal Ledger",
                        "url": "https://example.org/ostra-grain", "published": "2023-03-04"}


def test_without_article_or_main_the_densest_paragraphs_win_and_time_dates_the_page():
    metadata, text = extract_html(BLOG_PAGE)
    assert text == ("Posted yesterday.\n\n"
                    "The Norland defence ministry said the Kessa bridge was hit by two drones on May 9, 2023.\n\n"
                    "A Velmar army spokesperson said that no drones were launched from Velmar territory.\n")
    assert metadata == {"title": "Bridge damage: what we know", "published": "2023-05-10"}


def test_an_undated_meta_falls_back_to_a_time_element():
    page = NEWS_PAGE.replace("2023-03-04T09:30:00+01:00", "yesterday")
    metadata, _ = extract_html(page)
    assert metadata["published"] == "2023-03-03"


def test_ingest_reads_html_and_offsets_point_into_the_stored_text(cli, articles, db_path):
    from factcheck import api

    path = articles("ostra.html", NEWS_PAGE)
    result = cli("ingest", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    documents = json.loads(cli("documents", "--format", "json").stdout)
    assert [(d["document"], d["title"], d["author"], d["published"], d["published_inferred"], d["url"])
            for d in documents] == [("ostra.html", "Ostra grain row deepens", "Mira Sol", "2023-03-04", False,
                                     "https://example.org/ostra-grain")]
    claims = json.loads(cli("list", "--format", "json").stdout)
    assert claims, "the page's attributed sentences give claims"
    detail = api.show_claim(db_path, claims[0]["id"])
    assert detail.document.text == EXPECTED_TEXT
    for claim in claims:
        assert EXPECTED_TEXT[claim["start"]:claim["end"]] == claim["quote"]
    assert cli("verify").exit_code == 0


def test_a_page_without_article_text_is_an_input_error(cli, articles):
    path = articles("empty.htm", "<html><head><script>var a = 1;</script></head>"
                                 "<body><nav><p>Home</p></nav><footer>(c) 2023</footer></body></html>")
    result = cli("ingest", path)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "empty.htm: no article text found in the page" in result.stderr
