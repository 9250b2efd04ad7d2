"""Figures of people at a gathering, however the sentence counts them."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "mention", "location"),
    [
        ("Organisers said the march drew 1.03 million.", "1.03 million", None),
        ("The rally in the square attracted 15,000 on Saturday, its organisers said.", "15,000", None),
        ("The CGT union said 3.5 million marched nationwide, 800,000 of them in Paris.", "3.5 million", None),
        ("The CGT union said 3.5 million marched nationwide, 800,000 of them in Paris.", "800,000", "Paris"),
        ("Some 40,000 protested in Berlin on Thursday.", "Some 40,000", "Berlin"),
        ("About 200 gathered outside the embassy.", "About 200", None),
    ],
)
def test_a_figure_of_a_gathering_is_kept_with_its_place(claims_of, sentence, mention, location):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert mention in claims, sorted(claims)
    assert claims[mention].location == location


@pytest.mark.parametrize(
    "sentence",
    ["The storm lasted 12 hours.", "The talks drew to a close after 3 days.", "He scored 40 in the match."],
)
def test_a_bare_number_without_a_gathering_is_no_claim(claims_of, sentence):
    assert [c.mention for c in claims_of(sentence) if c.category == "other" and not c.counted] == []


def test_the_month_of_march_is_no_gathering(claims_of):
    assert [c.mention for c in claims_of("March saw 300.")] == []


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("The federation said more than 300,000 had joined the marches.", "more than 300,000"),
        ("Police said 50,000 attended the rally in the port.", "50,000"),
        ("Organisers said 200,000 took part across the region.", "200,000"),
        ("Some 80,000 turned out in the capital, the union said.", "Some 80,000"),
        ("About 40,000 participated, according to the police.", "About 40,000"),
    ],
)
def test_a_figure_that_joins_or_takes_part_in_a_gathering_is_its_turnout(claims_of, sentence, mention):
    assert mention in [c.mention for c in claims_of(sentence)]


@pytest.mark.parametrize(
    "sentence",
    ["Some 80,000 joined the army last year.", "At least 200 took part in the rescue operation, officials said."],
)
def test_joining_or_taking_part_in_what_is_no_gathering_counts_nothing(claims_of, sentence):
    assert claims_of(sentence) == []
