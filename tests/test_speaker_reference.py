"""Speakers named again by a role or a surname resolve to the person or body the text named."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.pipeline import extract

ARTICLE = """\
Foreign Minister Ana Soto said the talks would resume. The Lima City Council said the bridge was safe.

"We are ready," the minister said. The council said repairs were finished. Later, Lima Water said prices would rise. The company said the rise was small. "It is fair," said Soto.
"""


def sources() -> dict[str, tuple[str, str]]:
    document = Document(name="a.txt", path="/a.txt", sha256="0" * 64, text=ARTICLE, published="2024-03-14")
    return {claim.quote.strip('"'): (claim.source, ARTICLE[slice(*claim.source_span)])
            for claim in extract(document).claims if claim.source_span}


@pytest.mark.parametrize("quote, source, written", [
    ("We are ready", "Ana Soto", "the minister"),                 # a person's role: the named person
    ("repairs were finished", "Lima City Council", "The council"),     # a body's: the nearest body
    ("the rise was small", "Lima Water", "The company"),
    ("It is fair", "Ana Soto", "Soto"),                           # a surname: the full name
])
def test_a_role_or_surname_names_the_earlier_speaker(quote, source, written):
    assert sources()[quote] == (source, written)


def test_a_role_with_no_earlier_speaker_stays_as_written():
    text = "The minister said the plan would work.\n"
    [claim] = extract(Document(name="b.txt", path="/b.txt", sha256="0" * 64, text=text)).claims
    assert claim.source == "minister"


def test_a_role_skips_a_speaker_the_text_gave_another_role():
    text = ("Fire chief Tomas Reyes alleged that the owner ignored the warnings. "
            "The mayor said the harbour would reopen.\n")
    claims = extract(Document(name="c.txt", path="/c.txt", sha256="0" * 64, text=text)).claims
    assert {c.quote: c.source for c in claims}["the harbour would reopen"] == "mayor"


def test_a_description_never_points_back_to_an_unnamed_speaker():
    text = "The city engineer said the span had cracked. The transport office said the bridge would close.\n"
    claims = extract(Document(name="d.txt", path="/d.txt", sha256="0" * 64, text=text)).claims
    assert {c.quote: c.source for c in claims}["the bridge would close"] == "transport office"


BODIES = """\
The Federal Aviation Administration said flights would resume. The agency said the runway was clear.

The Baltic Energy Research Center said demand would fall. "Prices will follow," the group said.

Council member Rosa Lind alleged that the reports were hidden. The transport office said the road would stay closed.
The Baltic Energy Research Center said demand would fall. The harbour office said ships were waiting.
"""


@pytest.mark.parametrize("quote, source", [
    ("the runway was clear", "Federal Aviation Administration"),  # a body's name words are no role
    ("Prices will follow", "Baltic Energy Research Center"),      # a center speaks as an expert, no person
    ("the road would stay closed", "transport office"),           # a council member is no office
    ("ships were waiting", "harbour office"),                      # nor is a center an office
])
def test_a_description_of_a_body_names_the_earlier_body(quote, source):
    document = Document(name="b.txt", path="/b.txt", sha256="0" * 64, text=BODIES, published="2024-03-14")
    found = {claim.quote.strip('"'): claim.source for claim in extract(document).claims}
    assert found[quote] == source


def test_a_body_description_names_no_earlier_speaker_of_another_kind_of_body():
    text = ("Ankara said the border would stay open. The Turkish foreign ministry said the talks had "
            "ended. The ministry added that a new round was planned.\n")
    claims = extract(Document(name="e.txt", path="/e.txt", sha256="0" * 64, text=text)).claims
    found = {c.quote: c.source for c in claims}
    assert found["the talks had ended"] == "Turkish Ministry of Foreign Affairs"
    assert found["a new round was planned"] == "Turkish Ministry of Foreign Affairs"


def test_it_names_the_nearest_body_even_one_that_speaks_as_an_expert():
    text = ("The Lima City Council said the bridge was safe. The Baltic Energy Research Center said "
            "demand would fall. \"Prices will follow the demand,\" it said.\n")
    claims = extract(Document(name="f.txt", path="/f.txt", sha256="0" * 64, text=text)).claims
    found = {c.quote.strip('"'): c.source for c in claims}
    assert found["Prices will follow the demand"] == "Baltic Energy Research Center"
