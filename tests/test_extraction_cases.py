"""Case tables for the lead stages of extraction: segmentation, attribution, atomic splitting and
claim fields (tests/cases/segment.jsonl, attribution.jsonl, split.jsonl, embedded.jsonl,
claim_fields.jsonl, when.jsonl), and quotations running over sentences (quotes.jsonl).

A known failure is an entry with "xfail": its reason; it stays in the table and the test is
strict, so it reports when it starts to pass."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.pipeline import extract
from factcheck.pipeline.attribution.attribute import find_attributions
from factcheck.pipeline.claims.embedded import embedded_events
from factcheck.pipeline.claims.labels import certainty_of, kind_of, polarity_of
from factcheck.pipeline.claims.split import split_parts
from factcheck.pipeline.segment import split_sentences
from factcheck.pipeline.words.tokens import tokenize
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("segment.jsonl"))
def test_segmentation(case):
    sentences = split_sentences(case["text"], case.get("title"))
    assert all(case["text"][s.start:s.end] == s.text for s in sentences)
    assert [[s.role, s.text] for s in sentences] == case["expect"]


@pytest.mark.parametrize("case", cases("attribution.jsonl"))
def test_attribution(case):
    text = case["text"]
    found = []
    for a in find_attributions(text):
        found.append({"source": a.source, "cue": a.cue and text[a.cue_span[0]:a.cue_span[1]],
                      "content": text[a.content[0]:a.content[1]]})
    assert found == case["expect"]


def test_attribution_offsets_are_document_offsets():
    text = "Trade fell. The minister said exports would recover."
    sentence = split_sentences(text)[1]
    (attribution,) = find_attributions(sentence.text, sentence.start)
    start, end = attribution.content
    assert text[start:end] == "exports would recover"
    assert text[slice(*attribution.source_span)] == "The minister"


def _strip(part: str) -> str:
    return part.rstrip(".")


@pytest.mark.parametrize("case", cases("split.jsonl"))
def test_atomic_split(case):
    text = case["text"]
    tokens = tokenize(text)
    parts = [text[tokens[p.lo].start:tokens[p.hi - 1].end] for p in split_parts(tokens)]
    assert [_strip(p) for p in parts] == [_strip(p) for p in case["expect"]]


@pytest.mark.parametrize("case", cases("embedded.jsonl"))
def test_presupposed_events(case):
    text = case["text"]
    tokens = list(tokenize(text))
    found = [text[tokens[lo].start:tokens[hi - 1].end] for lo, hi, _ in embedded_events(tokens)]
    assert found == case["expect"]


def test_presupposed_event_is_a_claim_of_the_same_source():
    from factcheck.models import Document
    from factcheck.pipeline import extract

    text = "The ministry said the navy will patrol the strait under a defence pact signed by Kenya and Tanzania in 2015.\n"
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    nested = [c for c in claims if c.quote == "a defence pact signed by Kenya and Tanzania in 2015"]
    assert len(nested) == 1
    assert (nested[0].kind, nested[0].certainty) == ("fact", "certain")
    assert nested[0].source != "author" and nested[0].trace[-1] == "split:embedded-participle"


@pytest.mark.parametrize("case", cases("claim_fields.jsonl"))
def test_claim_fields(case):
    text = case["text"]
    got = {"kind": kind_of(text), "certainty": certainty_of(text)[0], "polarity": polarity_of(text)}
    assert {key: got[key] for key in case["expect"]} == case["expect"]


@pytest.mark.parametrize("case", cases("when.jsonl"))
def test_claim_when(case):
    """When a claim holds: its own date (not one of an event nested in it), else a date framing
    its clause or one it points back to ("that same day"), else the publication month."""
    document = Document(name="w.txt", path="/w.txt", sha256="0" * 64, text=case["text"], published=case["published"])
    claim = next(c for c in extract(document).claims if c.quote.startswith(case["quote"]))
    assert claim.when == case["expect"]


def test_what_a_source_inside_an_agreement_says_is_the_sources_alone():
    """The author asserts what "Moscow agreed to" do, but not what an "according to" inside it
    credits to someone else: that stretch is the source's claim, once."""
    text = ("In 1995, Moscow agreed to build the reactor at Bushehr, which, according to officials in "
            "Tehran, is for peaceful purposes.\n")
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    peaceful = [(c.source, c.quote) for c in claims if "peaceful" in c.quote]
    assert len(peaceful) == 1 and peaceful[0][0] != "author" and "according" not in peaceful[0][1]
    assert any(c.source == "author" and c.quote.startswith("to build the reactor") for c in claims)


def test_a_participle_part_shares_its_heads_subject():
    text = "Within days Moscow was on the move again, backing Iran with loans and arms.\n"
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    part = next(c for c in claims if c.quote.startswith("backing Iran"))
    assert set(part.actors) == {"Russia", "Iran"}


@pytest.mark.parametrize("text, quote, source", [
    ("The mayor thanked Sen. Ann Lee, who said the bridge would reopen in May.\n",
     "the bridge would reopen in May", "Ann Lee"),
    ("The council cited a 2019 audit that found the fund was short of cash.\n",
     "the fund was short of cash", "2019 audit"),
])
def test_a_relative_pronoun_source_is_the_phrase_it_stands_for(text, quote, source):
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    assert next(c.source for c in claims if c.quote == quote) == source


@pytest.mark.parametrize("text, quote, source", [
    ("Sen. Ann Lee said the bridge would reopen in May. Her advisers said the cost had doubled.\n",
     "the cost had doubled", "Ann Lee’s advisers"),
    ("The audit found the fund was short of cash. Her medical records showed she was fit for duty.\n",
     "she was fit for duty", "Her medical records"),
    ("Sen. Ann Lee spoke on Monday. His campaign manager, Tom Ruiz, said the race was close.\n",
     "the race was close", "Tom Ruiz"),
    ("Sen. Ann Lee said the bridge would reopen. Her statements suggest the cost had doubled.\n",
     "the cost had doubled", "Ann Lee"),
    ("The Kenyan Ministry of Health said the clinic was closed. Its spokeswoman said it would reopen.\n",
     "it would reopen", "Kenyan Ministry of Health"),
])
def test_a_possessive_source_names_its_head_or_its_owner(text, quote, source):
    """A possessive source phrase is the name it holds, or the owner's (a pronoun of the owner's kind
    standing for an earlier source), or its own words; what a possessor's statements say is the
    possessor's."""
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    assert next(c.source for c in claims if c.quote == quote) == source


def test_a_pronoun_source_never_stands_for_a_source_of_another_kind():
    text = "The agency is reportedly drafting a ban. He said the ban was unlawful.\n"
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    assert next(c.source for c in claims if c.quote == "the ban was unlawful") != "unnamed reports"
    assert next(c.source for c in claims if c.quote.startswith("The agency")) == "unnamed reports"


def test_the_main_clause_keeps_the_subject_a_participle_borrows():
    text = "The tenant later sued the city, claiming the landlord had ignored the leak.\n"
    claims = extract(Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text)).claims
    assert [c.quote for c in claims if c.source == "author"] == ["The tenant later sued the city"]


@pytest.mark.parametrize("case", cases("quotes.jsonl"))
def test_quotations_over_sentences(case):
    """A quotation running over sentences: each attributed claim's cue and quote, in text order."""
    document = Document(name="q.txt", path="/q.txt", sha256="0" * 64, text=case["text"])
    claims = extract(document).claims
    assert [[c.cue, c.quote] for c in claims if c.cue] == case["expect"]
