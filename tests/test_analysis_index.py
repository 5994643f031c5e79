"""The analysis' retrieval index, origins and stories, on invented claims."""

from __future__ import annotations

import pytest

from factcheck.analysis.index import ClaimIndex
from factcheck.analysis.origins import assign_origins, origin_of
from factcheck.analysis.profile import build_profiles
from factcheck.analysis.stories import find_stories
from factcheck.models import Claim


def claim(cid: str, quote: str, doc: str = "a.txt", source: str = "author", source_type: str = "author",
          start: int = 0, actors: tuple[str, ...] = (), when: str | None = None) -> Claim:
    return Claim(id=cid, document=doc, start=start, end=start + len(quote), quote=quote, text=quote,
                 source=source, source_type=source_type, actors=actors, when=when, sentence=start // 1000)


FERRY = [
    claim("f1", "the ferry to Orkney was cancelled because of high winds", "a.txt"),
    claim("f2", "high winds forced the cancellation of the Orkney ferry", "b.txt"),
    claim("f3", "the Orkney ferry operator blamed the winds for the cancellation", "c.txt"),
    claim("b1", "the city council approved a new budget for road repairs", "d.txt"),
    claim("b2", "road repairs will take most of the council's new budget", "e.txt"),
    claim("b3", "councillors voted for the road repair budget on Monday", "f.txt"),
]


def test_a_claims_nearest_are_those_that_share_its_rarest_words():
    index = ClaimIndex(build_profiles(FERRY))
    near = [FERRY[j].id for _, j in index.neighbours(0, k=2)]
    assert set(near) == {"f2", "f3"}
    assert index.similarity(0, 1) > index.similarity(0, 3) == 0.0


def test_search_finds_claims_by_a_set_of_words_without_a_shared_actor():
    profiles = build_profiles(FERRY)
    index = ClaimIndex(profiles)
    [(_, best), *_] = index.search(profiles[4].words, k=3, exclude=4)
    assert FERRY[best].id in {"b1", "b3"}


def test_candidate_pairs_hold_each_claims_top_k_and_no_self_pair():
    index = ClaimIndex(build_profiles(FERRY))
    pairs = index.candidate_pairs(k=2)
    assert (0, 1) in pairs and (3, 4) in pairs
    assert all(i < j for i, j in pairs)
    assert len(pairs) <= 2 * len(FERRY)


def test_documents_sharing_words_tell_one_story_and_others_another():
    index = ClaimIndex(build_profiles(FERRY))
    stories = find_stories(index)
    assert stories[0] == stories[1] == stories[2]
    assert stories[3] == stories[4] == stories[5]
    assert stories[0] != stories[3]


@pytest.mark.parametrize("source, source_type, origin", [
    ("Chinese Ministry of Foreign Affairs", "government", "state:china"),
    ("US officials", "anonymous", "state:united states"),
    ("Vell Port Authority spokeswoman", "anonymous", "vell port authority"),
    ("statement released by the Vell Port Authority on Sunday", "government", "vell port authority"),
    ("Human Rights Watch", "other", "human rights watch"),
    ("the Houthi-run health ministry", "government", "houthi"),
    ("Kremlin-controlled television", "media", "russia"),
    ("Iran-backed militia", "other", "iran backed militia"),
    ("state-run media", "media", "state run media"),
    ("Hamas health authorities", "government", "hamas"),       # an organisation's office is the organisation
    ("Taliban officials", "anonymous", "taliban"),
    ("Gaza health ministry", "government", "gaza health ministry"),   # a place is no organisation
    ("Nordwind CEO Anna Berg", "other", "nordwind"),            # a person with a role at a body is the body
    ("Taliban spokesman Zabihullah Mujahid", "other", "taliban"),
    ("Vell Port Authority press secretary Tom Bell", "official", "vell port authority"),
    ("Former CEO Anna Berg", "other", "former ceo anna berg"),  # a qualifier, not a body
    ("Prime Minister Rishi Sunak", "other", "prime minister rishi sunak"),   # the role's own words
])
def test_an_origin_is_the_body_that_speaks(source, source_type, origin):
    assert origin_of(claim("c", "the terminal will close", source=source, source_type=source_type)) == origin


def test_the_author_speaks_for_the_outlet_and_an_alias_merges_origins():
    c = claim("c", "the terminal will close")
    assert origin_of(c, publisher="Coastal Times") == "outlet:coastal times"
    assert origin_of(c) == "author@a.txt"
    cwb = claim("d", "rates will rise", source="CWB", source_type="other")
    assert origin_of(cwb, aliases={"cwb": "Cascade Water Board"}) == "cascade water board"


def test_a_bare_noun_takes_up_the_body_named_before_it_in_its_document():
    claims = [
        claim("m", "the airship drifted off course", source="Chinese Ministry of Foreign Affairs",
              source_type="government", start=0),
        claim("t", "the airship had limited steering", source="the ministry", source_type="government", start=1000),
        claim("o", "the airship was tracked for days", source="the ministry", source_type="government",
              doc="b.txt", start=0),
    ]
    origins = assign_origins(build_profiles(claims))
    assert origins[1] == origins[0] == "state:china"
    assert origins[2] == "ministry"                 # another document names no ministry before it


def test_an_office_holder_in_office_speaks_for_the_state_however_the_source_is_typed():
    said = claim("c", "the blast was likely caused by a missile", source="Rishi Sunak", source_type="other",
                 when="2023-10-23")
    assert origin_of(said) == "state:united kingdom"
    later = claim("c", "the blast was likely caused by a missile", source="Rishi Sunak", source_type="other",
                  when="2025-01-10")
    assert origin_of(later) == "rishi sunak"


def test_an_office_named_by_its_place_speaks_for_its_one_named_owner():
    claims = [
        claim("run", "the toll rose to 80", source="the Houthi-run health ministry", source_type="government"),
        claim("placed", "the toll rose to 80", source="Hodeidah health ministry", source_type="government", doc="b.txt"),
        claim("in", "80 people died", source="health ministry in Hodeidah", source_type="government", doc="c.txt"),
        claim("state", "80 people died", source="Yemen's health ministry", source_type="government", doc="d.txt"),
        claim("other", "80 people died", source="Hodeidah water board", source_type="government", doc="e.txt"),
    ]
    origins = assign_origins(build_profiles(claims))
    assert origins[:3] == ["houthi", "houthi", "houthi"]
    assert origins[3] == "state:yemen"                  # a country's own ministry speaks for its state
    assert origins[4] == "hodeidah water board"            # another office: no owner named for it


def test_an_office_with_two_named_owners_keeps_its_own_name():
    claims = [
        claim("a", "the toll rose to 80", source="the Houthi-run health ministry", source_type="government"),
        claim("c", "the toll rose to 80", source="the Hadi-run health ministry", source_type="government", doc="b.txt"),
        claim("d", "80 people died", source="Aden health ministry", source_type="government", doc="c.txt"),
    ]
    origins = assign_origins(build_profiles(claims))
    assert origins[2] == "aden health ministry"
