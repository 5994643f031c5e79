"""HTML page -> (metadata, main text): the article without navigation, footers, scripts and ads.

Python's own `html.parser` suffices: news pages mark their article well enough (`<article>`,
`<main>`, or a run of `<p>`s in one container) that a library such as trafilatura, with its
lxml dependency and tuned heuristics, would add weight without changing what a fact-checker
gets from a typical article. The text returned is what gets stored, so every offset the later
stages compute points into it; paragraphs are separated by blank lines, as in the .txt articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factcheck.pipeline.document.published import normalize_date

# Never article text: code, page furniture, and forms.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "iframe", "nav",
                       "aside", "footer", "form", "button", "select", "textarea", "object", "dialog"})
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"})
# Class or id words of page furniture ("site-nav", "share-buttons", "cookie-banner"); whole
# words only, so "navy-blue" or "shareholders" stay.
SKIP_CLASS_WORDS = frozenset({"nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "share", "social",
                              "related", "comments", "comment", "cookie", "cookies", "newsletter",
                              "subscribe", "advert", "ad", "ads", "promo", "sidebar", "footer", "masthead",
                              "byline"})
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
                        "dt", "dd", "td", "th", "caption", "div", "section", "article", "main", "ul", "ol",
                        "table", "tr", "header", "figure", "address", "hr", "br"})
IMPLICIT_CLOSE = {"p": {"p"}, "li": {"li", "p"}, "dt": {"dd", "dt", "p"}, "dd": {"dd", "dt", "p"}}
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"})
MAIN_TAGS = ("article", "main")   # in order of preference, when they hold enough text
MIN_MAIN_CHARS = 200              # an <article> shorter than this is a teaser card, not the story
# Each element's path runs from the root, so a page of n nested elements cost n * n; real pages
# nest a few dozen deep. Deeper elements are read as part of the one at this depth.
MAX_HTML_DEPTH = 128
DATE_META_NAMES = ("article:published_time", "datepublished", "date", "pubdate", "publishdate",
                   "dc.date", "dcterms.date", "dc.date.issued", "sailthru.date")


@dataclass
class _Node:
    serial: int
    tag: str
    skip: bool


@dataclass
class _Block:
    tag: str
    text: str
    path: tuple[int, ...]          # serials of the enclosing elements, outermost first


@dataclass
class _Page:
    meta: dict[str, str] = field(default_factory=dict)       # lowercased name/property -> content
    title: str = ""
    author_links: list[str] = field(default_factory=list)
    times: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)
    containers: dict[str, list[int]] = field(default_factory=dict)   # "article"/"main" -> serials
    canonical: str | None = None
    blocks: list[_Block] = field(default_factory=list)


def _skipped(tag: str, attrs: dict[str, str]) -> bool:
    if tag in SKIP_TAGS or attrs.get("role", "").lower() in SKIP_ROLES or "hidden" in attrs:
        return True
    if attrs.get("aria-hidden", "").lower() == "true":
        return True
    words = re.split(r"[^a-z0-9]+", f"{attrs.get('class', '')} {attrs.get('id', '')}".lower())
    return bool(SKIP_CLASS_WORDS.intersection(words))


class _PageParser(HTMLParser):
    """One pass over the page: metadata, and text blocks with the elements they sit in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()
        self.stack: list[_Node] = []
        self.serial = 0
        self.parts: list[str] = []
        self.block_tag = "p"
        self.block_path: tuple[int, ...] = ()
        self.in_title = False
        self.in_author_link = False
        self.too_deep = 0           # elements open below MAX_HTML_DEPTH, not on the stack

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {name.lower(): value or "" for name, value in attrs_list}
        self._metadata(tag, attrs)
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        for closes in IMPLICIT_CLOSE.get(tag, ()):
            if self.stack and self.stack[-1].tag == closes and not self.too_deep:
                self.stack.pop()
        if len(self.stack) >= MAX_HTML_DEPTH:
            self.too_deep += 1
            return
        self.serial += 1
        header_outside = tag == "header" and not any(n.tag in MAIN_TAGS for n in self.stack)
        skip = bool(self.stack and self.stack[-1].skip) or _skipped(tag, attrs) or header_outside
        self.stack.append(_Node(self.serial, tag, skip))
        if attrs.get("role", "").lower() == "main" or attrs.get("itemprop", "").lower() == "articlebody":
            self.page.containers.setdefault("main" if attrs.get("role") else "article", []).append(self.serial)
        elif tag in MAIN_TAGS:
            self.page.containers.setdefault(tag, []).append(self.serial)
        self.in_title |= tag == "title"
        self.in_author_link |= tag == "a" and "author" in attrs.get("rel", "").lower().split()
        if tag == "time" and attrs.get("datetime"):
            self.page.times.append((attrs["datetime"], self._path()))

    def handle_startendtag(self, tag: str, attrs_list) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        self.in_title &= tag != "title"
        self.in_author_link &= tag != "a"
        if self.too_deep and tag not in VOID_TAGS:
            self.too_deep -= 1
        elif any(node.tag == tag for node in self.stack):
            while self.stack and self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if self.in_author_link:
            self.page.author_links.append(data.strip())
        if self.stack and self.stack[-1].skip or any(node.tag in ("head", "title") for node in self.stack):
            return
        if not self.parts:
            self.block_tag = next((n.tag for n in reversed(self.stack) if n.tag in BLOCK_TAGS), "p")
            self.block_path = self._path()
        self.parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _path(self) -> tuple[int, ...]:
        return tuple(node.serial for node in self.stack)

    def _flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.page.blocks.append(_Block(self.block_tag, text, self.block_path))
        self.parts = []

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta" and attrs.get("content"):
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key:
                self.page.meta.setdefault(key, attrs["content"].strip())
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            self.page.canonical = self.page.canonical or attrs["href"].strip()


def _inside(block_path: tuple[int, ...], serials: list[int]) -> bool:
    return any(serial in block_path for serial in serials)


def _main_blocks(page: _Page) -> list[_Block]:
    """The article's blocks: the first of <article>, <main> holding enough text, else the
    container whose direct <p> children hold the most text, else every block left."""
    for name in MAIN_TAGS:
        candidates = page.containers.get(name, [])
        best = max(candidates, key=lambda s: _chars(page.blocks, [s]), default=None)
        if best is not None and _chars(page.blocks, [best]) >= MIN_MAIN_CHARS:
            return [block for block in page.blocks if best in block.path]
    by_parent: dict[int, int] = {}
    for block in page.blocks:
        if block.tag == "p" and len(block.path) >= 2:
            by_parent[block.path[-2]] = by_parent.get(block.path[-2], 0) + len(block.text)
    if not by_parent:
        return list(page.blocks)
    densest = max(by_parent, key=lambda serial: (by_parent[serial], -serial))
    return [block for block in page.blocks if densest in block.path]


def _chars(blocks: list[_Block], serials: list[int]) -> int:
    return sum(len(block.text) for block in blocks if _inside(block.path, serials))


def _published(page: _Page, main: list[_Block]) -> str | None:

    main_paths = {serial for block in main for serial in block.path}
    times = sorted(page.times, key=lambda item: not main_paths.intersection(item[1]))
    for value in [page.meta.get(name) for name in DATE_META_NAMES] + [value for value, _ in times]:
        if not value:
            continue
        try:
            return normalize_date(value.strip())
        except ValueError:
            continue        # "yesterday", "Updated 5 hours ago": not a date to publish by
    return None


def _author(page: _Page) -> str | None:
    for candidate in (page.meta.get("author"), page.meta.get("article:author"), *page.author_links):
        if candidate and not re.match(r"https?://", candidate):
            return " ".join(candidate.split())
    return None


def extract_html(markup: str) -> tuple[dict[str, str], str]:
    """(metadata, text) of an HTML page: title, author, publisher, url, published (ISO) where the
    page gives them, and the main text, paragraphs separated by blank lines."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    page = parser.page
    main = _main_blocks(page)
    headline = next((block for block in page.blocks if block.tag == "h1"), None)
    if headline is not None and headline not in main:
        main = [headline, *main]     # the story's headline often sits above its body container
    metadata = {
        "title": page.meta.get("og:title") or " ".join(page.title.split()) or (headline.text if headline else None),
        "author": _author(page),
        "publisher": page.meta.get("og:site_name"),
        "url": page.canonical or page.meta.get("og:url"),
        "published": _published(page, main),
    }
    text = "\n\n".join(block.text for block in main)
    return {key: value for key, value in metadata.items() if value}, text + "\n" if text else ""
