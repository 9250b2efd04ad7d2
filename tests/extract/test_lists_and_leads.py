"""Figures listed by place or state ("seven in Castilla-La Mancha and one in Andalusia",
"52 dead and 300 injured", "3,000 killed and wounded"), figures after a colon that the
clause before it gives ("HRANA went further on Friday: 244 killed"), and an "it" that
stands for the body the sentence before is about."""

from __future__ import annotations

import pytest


def _by_mention(claims_of, text: str) -> dict:
    return {c.mention: c for c in claims_of(text, "2024-11-04")}


def test_each_item_of_a_list_by_place_keeps_its_place_whatever_the_tagger_calls_it(claims_of):
    claims = _by_mention(
        claims_of,
        "Officials said 96 people had died: 88 in the Bavaria region, seven in Castilla-La Mancha and one in "
        "Andalusia.",
    )
    assert claims["seven"].location == "Castilla-La Mancha"
    assert claims["one"].location == "Andalusia"
    assert claims["one"].category == "killed"


@pytest.mark.parametrize(
    "text",
    ["No one was hurt in the second blast.", "One of them was a teacher.", "Only one said he had seen the boat."],
)
def test_one_as_a_pronoun_is_no_figure(claims_of, text):
    assert not [c for c in claims_of(text) if c.mention.lower() == "one"]


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        (
            "The health ministry gave a grim update on Monday: 52 dead and 300 injured.",
            {"52": "killed", "300": "wounded"},
        ),
        ("Officials reported 14 dead and 90 injured after the storm.", {"14": "killed", "90": "wounded"}),
        ("Zelensky said 3,000 killed and wounded.", {"3,000": "casualties"}),
    ],
)
def test_a_state_joined_to_another_figure_is_not_this_ones(claims_of, text, categories):
    claims = _by_mention(claims_of, text)
    assert {m: claims[m].category for m in categories} == categories
    assert all(claims[m].counted != "dead" for m, cat in categories.items() if cat == "wounded")


@pytest.mark.parametrize(
    ("text", "mention", "source"),
    [
        (
            "The Tarvo Rights Monitor, which compiles reports from inside the country, went further on Friday: "
            "244 protesters killed and 1,516 arrested.",
            "244",
            "Tarvo Rights Monitor",
        ),
        ("The health ministry gave a grim update on Monday: 52 dead.", "52", "health ministry"),
    ],
)
def test_figures_after_a_colon_are_the_word_of_the_body_before_it(claims_of, text, mention, source):
    assert _by_mention(claims_of, text)[mention].source == source


@pytest.mark.parametrize(
    "text",
    ["The storm was brutal: 40 people died in the town.", "Red Cross volunteers had grim news: 40 bodies recovered."],
)
def test_a_colon_after_no_named_body_gives_no_source(claims_of, text):
    assert all(c.source is None for c in claims_of(text))


def test_a_figure_after_a_colon_counts_nothing_of_the_subject_before_it(claims_of):
    claim = _by_mention(claims_of, "Zelensky was blunt: 3,000 killed and wounded.")["3,000"]
    assert claim.counted != "Zelensky"
    assert claim.category == "casualties"


@pytest.mark.parametrize(
    ("text", "mention", "source"),
    [
        (
            "Almost a month has passed since Tarvo state television last offered a national toll. On Sept. 24 it "
            "said 41 people had died.",
            "41",
            "Tarvo state television",
        ),
        (
            "Take Tarvo Human Rights, the Oslo-based group. On Oct. 8 it counted at least 185 dead.",
            "at least 185",
            "Tarvo Human Rights",
        ),
    ],
)
def test_it_stands_for_the_body_the_sentence_before_is_about(claims_of, text, mention, source):
    assert _by_mention(claims_of, text)[mention].source == source


def test_a_tally_after_a_paragraph_of_things_counts_those_things(claims_of):
    """The report has counted the dead, then a paragraph of houses whose "figure" the
    sentence before names: "the government's own tally" goes on counting houses."""
    text = (
        "The quake killed 4,100 people, officials said on Monday.\n\n"
        "The houses tell a worse story. On April 29 the agency reckoned that some 60,000 houses had been "
        "destroyed. By May 2 the relief office put the figure at more than 120,000. The government's own "
        "tally reached 180,400 by May 5."
    )
    found = {c.mention: c.category for c in claims_of(text)}
    assert found["4,100"] == "killed"
    assert found["180,400"] == "other"
