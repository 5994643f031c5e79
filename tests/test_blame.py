"""Who did it (analysis/blame.py): the party a claim names as responsible for an incident, read
from invented news sentences."""

from __future__ import annotations

import pytest

from factcheck.analysis.blame import MISFIRE, blame_in


@pytest.mark.parametrize("text, parties, negated", [
    ("The derailment was caused by sabotage carried out by agents working for Russia", {"russia"}, False),
    ("Police said Hamas was responsible for the stabbing attack at the bus station", {"hamas"}, False),
    ("Ukraine was not responsible for the explosion at the dam", {"ukraine"}, True),
    ("The pipeline blast was the work of Ukrainian divers", {"ukraine"}, False),
    ("Officials blamed Iran for the drone attack on the tanker", {"iran"}, False),
    ("Officials blamed Iran for the drone attack on Saudi Arabia", {"iran"}, False),   # not the target
    ("No Israeli missiles struck the school compound", {"israel"}, True),
    ("Analysts said the evidence pointed to North Korea's responsibility", {"north korea"}, False),
    ("The cyberattack on the grid was carried out by hackers working for China", {"china"}, False),
    ("At least 30 people were killed in a suspected Russian missile strike on the market", {"russia"}, False),
    ("Russia is trying to evade its responsibility for the drone attack on the station", {"russia"}, False),
])
def test_a_claim_names_who_did_it(text, parties, negated):
    found = blame_in(text)
    assert found is not None and found.parties == parties and found.negated == negated, found


@pytest.mark.parametrize("text", [
    "Hillary Clinton caused a stir at the town hall meeting",           # no incident
    "It is the government's responsibility to protect its citizens",    # a duty, not blame
    "The rocket was fired from within the Gaza Strip towards the city",   # a place says where, not who
    "The explosion was caused by a gas leak in the kitchen",            # a cause, but no party named
    "Iran's will to confront the US after the strike that killed its general grew",   # the US is not the striker
])
def test_no_party_or_no_incident_is_no_frame(text):
    assert blame_in(text) is None


def test_a_weapon_gone_wrong_is_an_answer_akin_to_the_party_named_with_it():
    alone = blame_in("Investigators said the explosion at the depot was caused by an errant missile")
    named = blame_in("The blast was caused by a misfired rocket launched by Hezbollah")
    other = blame_in("The depot explosion was caused by an Israeli air strike")
    assert alone is not None and alone.kin == {MISFIRE}
    assert named is not None and named.parties == {"hezbollah"} and MISFIRE in named.kin
    assert other is not None and MISFIRE not in other.kin
    # "X accused Y, but Z said it was a misfired rocket": the misfire is not X's answer
    mixed = blame_in("Officials accused Israel of being behind the attack on the depot but the army said "
                     "it was a misfired rocket")
    assert mixed is not None and MISFIRE not in mixed.kin


@pytest.mark.parametrize("text", [
    "The company blamed the failed rocket launch on a supplier",     # a launch, no incident of harm
    "Sales of the new phone slumped after its failed launch",
])
def test_a_failed_launch_is_no_weapon_gone_wrong(text):
    found = blame_in(text)
    assert found is None or MISFIRE not in found.kin


def test_a_weapon_gone_wrong_may_be_the_rocket_a_party_fired_but_no_air_strike():
    from dataclasses import replace

    from factcheck.analysis.blame import blame_relation
    from factcheck.analysis.profile import build_profile
    from factcheck.models import Claim

    def profile(text):
        claim = Claim(id=text[:8], document="a.txt", start=0, end=len(text), quote=text, text=text)
        return replace(build_profile(0, claim), story=1)

    misfired = profile("The explosion at the depot was caused by an errant missile")
    rocket = profile("The explosion at the depot was caused by a Hezbollah rocket")
    strike = profile("The explosion at the depot was caused by an Israeli air strike")
    assert blame_relation(misfired, rocket) is None
    assert blame_relation(misfired, strike)[0] == "contradicts"
