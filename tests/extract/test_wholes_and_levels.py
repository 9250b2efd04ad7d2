"""Figures that name no noun of their own: the rest of a whole ("the other 187 bodies"), a
part of a whole a sentence opens with ("Of the 275 dead, 88 ..."), a bare level of a count
("the railways gave 288"); and numbers the tagger takes for names, sums in pounds, and
sources that name no one."""

from __future__ import annotations

import pytest


def _by_mention(claims_of, text: str) -> dict:
    return {c.mention: c for c in claims_of(text, "2023-06-05")}


@pytest.mark.parametrize(
    ("text", "mention", "counted"),
    [
        ("The other 187 bodies are still at the morgue awaiting a name.", "187", "bodies"),
        ("The remaining 40 people were flown out by helicopter.", "40", "people"),
        ("The number of Tunisian pilgrims who had died rose from 49 to 53.", "53", "Tunisian pilgrims"),
    ],
)
def test_the_rest_of_a_whole_is_a_figure_of_its_own(claims_of, text, mention, counted):
    claims = _by_mention(claims_of, text)
    assert mention in claims, sorted(claims)
    assert claims[mention].counted == counted


@pytest.mark.parametrize(
    ("text", "mention", "category"),
    [
        ("Of the 275 dead, 88 have so far been named by the coroner.", "88", "killed"),
        ("Among those injured, 40 were children, the hospital said.", "40", "wounded"),
        (
            "Hospitals took in 1,175 injured people after the derailment. Of them, the health secretary said, 793 "
            "had gone home by Monday.",
            "793",
            "wounded",
        ),
        (
            "Medics treated about 200 wounded marchers. Of them, six had gunshot wounds and 20 had rubber-bullet "
            "injuries.",
            "20",
            "wounded",
        ),
    ],
)
def test_a_part_of_the_whole_a_sentence_opens_with(claims_of, text, mention, category):
    claims = _by_mention(claims_of, text)
    assert mention in claims, sorted(claims)
    assert claims[mention].category == category


def test_a_bare_level_goes_on_the_count_before_it(claims_of):
    text = (
        "The outbreak was declared on Wednesday with five confirmed cases. Two days later the health minister "
        "reported 138. AFP's tally stood at 1,081 deaths reported by around 10 countries. A day earlier, AFP had "
        "counted 922."
    )
    claims = _by_mention(claims_of, text)
    assert (claims["138"].counted, claims["138"].category) == ("confirmed cases", "other")
    assert claims["922"].category == "killed"  # the deaths, not the countries
    # a bare level opening a paragraph has nothing to go on
    assert "138" not in _by_mention(claims_of, "Five cases were confirmed.\n\nThe minister reported 138.")


def test_a_lone_numeral_the_tagger_calls_a_name_is_a_count(claims_of):
    text = "The governor told reporters that the province had put out a toll of 288 on Friday, the army's number too."
    claims = _by_mention(claims_of, text)
    assert "288" in claims and claims["288"].category == "killed"


def test_the_figure_of_a_count_is_the_count_the_report_keeps(claims_of):
    text = "At least 12 people died in the blaze. The fire chief gave the figure of 12 at an evening briefing."
    assert [c.category for c in claims_of(text)] == ["killed", "killed"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The council spent 8.6 million pounds on new cladding in 2016.", "GBP"),
        ("The fund raised 5m pounds.", "GBP"),
    ],
)
def test_millions_of_pounds_are_sterling(claims_of, text, kind):
    (claim,) = claims_of(text)
    assert (claim.unit, claim.category) == (kind, "money")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The World Health Organization was more careful. Its regional office said on Monday that, according "
            "to some sources, up to 40 patients had died.",
            "World Health Organization regional office",
        ),
        ("Sources said 23 children had been killed.", None),
        ("Security sources said 23 children had been killed.", "Security sources"),
        (
            "Human Rights Watch has published a detailed list. Its report documented at least 31 people shot "
            "dead by police.",
            "Human Rights Watch",
        ),
    ],
)
def test_who_speaks_when_the_words_name_no_one_or_point_back(claims_of, text, source):
    claims = claims_of(text)
    assert claims[-1].source == source
