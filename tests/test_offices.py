"""The dated gazetteer of office holders (lexicon/en/office_holders.txt, pipeline/offices.py)."""

from __future__ import annotations

from factcheck.pipeline.names.actors import find_mentions
from factcheck.pipeline.names.offices import find_office_mentions, holder, home_country, period_of, terms


def _offices(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    countries = [(m.start, m.end, m.actor.name) for m in find_mentions(text) if m.actor.kind == "country"]
    return [(text[o.start:o.end], o.countries, o.office) for o in find_office_mentions(text, countries)]


def test_office_phrases():
    assert _offices("The Russian president spoke.") == [("Russian president", ("Russia",), "president")]
    assert _offices("Iran's foreign minister flew home.") == [
        ("Iran's foreign minister", ("Iran",), "foreign minister")]
    assert _offices("The Russian and Iranian presidents met.") == [
        ("Russian and Iranian presidents", ("Russia", "Iran"), "president")]
    assert _offices("The president of France spoke.") == [("president of France", ("France",), "president")]
    assert _offices("He met his Iranian counterpart.") == [("Iranian counterpart", ("Iran",), None)]


def test_no_office_where_a_name_follows_or_the_title_is_another_word():
    assert _offices("Russian President Vladimir Putin spoke.") == []
    assert _offices("The Russian presidential administration moved.") == []
    assert _offices("The Iranian Foreign Ministry denied it.") == []
    assert _offices("The US and Russian president met.") == []     # one title, two countries: no pair


def test_periods_of_partial_dates():
    assert period_of("2022-08") == ("2022-08-01", "2022-08-31")
    assert period_of("2022") == ("2022-01-01", "2022-12-31")
    assert period_of("2020-01/2020-02") == ("2020-01-01", "2020-02-29")
    assert period_of("2022-08-09") == ("2022-08-09", "2022-08-09")
    assert period_of(None) is None and period_of("soon") is None


def test_holder_needs_one_person_over_the_whole_period():
    assert holder("Russia", "president", period_of("2022-08")) == "Vladimir Putin"
    assert holder("Russia", "president", period_of("2010")) == "Dmitry Medvedev"
    assert holder("Russia", "president", period_of("2012")) is None        # Medvedev, then Putin
    assert holder("Russia", "president", None) is None
    assert holder("Iran", "president", period_of("2024-06")) is None       # an acting holder, not listed


def test_terms_of_one_office_do_not_overlap():
    by_office: dict = {}
    for term in terms():
        by_office.setdefault((term.country, term.office), []).append(term)
    for key, listed in by_office.items():
        listed.sort(key=lambda t: t.start)
        for before, after in zip(listed, listed[1:]):
            assert before.end and before.end <= after.start, key


def test_home_country_of_a_person_with_offices_in_one_country():
    assert home_country("Ebrahim Raisi") == "Iran"
    assert home_country("Vladimir Putin") == "Russia"
    assert home_country("John Smith") is None
