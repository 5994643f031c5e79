"""Properties over generated articles and front matter (issue 18): reading and extraction raise
nothing but an InputError, and every claim's quote is the document text at its offsets."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from factcheck.errors import InputError  # noqa: E402

SPEAKERS = ["The minister", "Jake Sullivan", "Officials", "He", "The agency", "Russia's foreign ministry"]
CUES = ["said", "alleged", "denied", "claimed", "told reporters", "warned"]
CONTENT = ["that the plan failed", "the bridge will reopen", "Iran sold 300 drones to Russia",
           "\u201cwe will not retreat\u201d", "it was likely a mistake", "nothing happened on May 3, 2022"]
NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def sentences(draw) -> str:
    if draw(st.booleans()):
        return (f"{draw(st.sampled_from(SPEAKERS))} {draw(st.sampled_from(CUES))} "
                f"{draw(st.sampled_from(CONTENT))}{draw(st.sampled_from(['.', '?', '', ',']))}")
    return draw(NOISE)


@st.composite
def articles(draw) -> str:
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4).map(" ".join),
                               min_size=1, max_size=5))
    return "\n\n".join(paragraphs) + draw(st.sampled_from(["", "\n", "\r\n"]))


FRONT_VALUES = st.one_of(NOISE, st.sampled_from(["2022-02-30", "2022-13-01", "yes", "null", "9" * 500,
                                                 "[" * 300, "{a: b}", "- x", "2020-01-17", "&a [1]"]))


@st.composite
def front_matter(draw) -> str:
    keys = draw(st.lists(st.sampled_from(["title", "author", "published", "url", "tags"]), max_size=4))
    lines = [f"{key}: {draw(FRONT_VALUES)}" for key in keys]
    return "---\n" + "\n".join(lines) + "\n---\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles(), front=st.one_of(st.just(""), front_matter()),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_reading_and_extraction_never_fail_and_quotes_hold(tmp_path_factory, text, front, suffix):
    from factcheck.pipeline import extract
    from factcheck.pipeline.document.read import read_document

    path = tmp_path_factory.mktemp("article") / f"a{suffix}"
    path.write_text(front + text if suffix == ".md" else text, encoding="utf-8")
    try:
        document = read_document(path, max_bytes=1_000_000)
    except InputError:
        return
    extraction = extract(document)
    for claim in extraction.claims:
        assert document.text[claim.start:claim.end] == claim.quote
