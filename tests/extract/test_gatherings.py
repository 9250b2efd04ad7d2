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
