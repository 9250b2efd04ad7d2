"""A figure that is a part of another takes the whole's category; a count named by whose
it is keeps its state into the next sentence."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention", "category"),
    [
        ("The crush killed at least 156 people and injured 172, 33 of them seriously.", "33", "wounded"),
        ("Officials said 156 people had died and 151 had been injured, 29 of them seriously.", "29", "wounded"),
        ("Officials said 19 foreign nationals were among the dead.", "19", "killed"),
        ("Six students were among those killed in the blast.", "Six", "killed"),
        (
            "The fire chief said the toll had reached 151, and that 19 foreigners were among the victims.",
            "19",
            "killed",
        ),
        ("By Tuesday the toll had reached 156, among them 26 foreign nationals.", "26", "killed"),
        ("Among the dead, 101 were women, most of them in their 20s.", "101", "killed"),
        (
            "The city said it had received more than 4,000 reports of missing people by Monday.",
            "more than 4,000",
            "missing",
        ),
        ("Police assigned 137 officers to the district for the weekend.", "137", "deployed"),
        ("About 40 people sought treatment for smoke inhalation.", "About 40", "wounded"),
        ("Fire authorities put the dead at 149 early on Sunday, with 76 people injured.", "149", "killed"),
        (
            "By Monday morning, the interior ministry's count stood at 149 dead and 154 injured. By Tuesday it had "
            "reached 156.",
            "156",
            "killed",
        ),
        ("At least 300 people have died. At least 14 of them were police officers.", "At least 14", "killed"),
        ("The mayor said 62 people had died in the town. Six of them lived in a care home.", "Six", "killed"),
        ("Some 40 people were hurt on Friday. Nine of those were children, the hospital said.", "Nine", "wounded"),
        ("The agency reported 1,384 deaths, of whom 759 were female and 625 male.", "625", "killed"),
        ("The ministry said 140 people had been injured; 80 were male and 60 female.", "80", "wounded"),
        ("Another 500 soldiers joined the rescue teams on Sunday.", "500", "deployed"),
        ("The police agency assigned 15 inspectors to the inquiry.", "15", "deployed"),
    ],
)
def test_the_category_of_a_part_or_a_continued_count(claims_of, text, mention, category):
    claims = {c.mention: c for c in claims_of(text, "2022-11-01")}
    assert mention in claims, sorted(claims)
    assert claims[mention].category == category


def test_a_part_in_a_new_paragraph_is_not_the_last_figures(claims_of):
    """ "Six of them" opening a paragraph has no whole in this one: its own words decide."""
    text = "Some 400 soldiers were deployed to the valley.\n\nSix of them were wounded by shelling on Monday."
    assert {c.mention: c.category for c in claims_of(text)}["Six"] == "wounded"
    text = "At least 300 people have died.\n\nSix of them were police officers."
    assert {c.mention: c.category for c in claims_of(text)}["Six"] == "other"


def test_a_part_is_no_larger_than_its_whole(claims_of):
    claims = {
        c.mention: c
        for c in claims_of(
            "The ministry said some 3,000 people had been detained after gatherings in 33 towns and cities, "
            "about 1,000 of them in Minsk."
        )
    }
    assert claims["about 1,000"].category == "arrested"
    assert claims["about 1,000"].location == "Minsk"
    assert claims["some 3,000"].location is None


def test_an_age_decade_is_no_time(claims_of):
    claims = {
        c.mention: c for c in claims_of("Among the dead, 101 were women, most of them in their 20s.", "2022-11-01")
    }
    assert claims["101"].time_text is None


@pytest.mark.parametrize(
    ("text", "mention", "counted", "category"),
    [
        ("Officials said 127 people had died, two of them police officers.", "two", "police officers", "killed"),
        ("The governor said 215 bodies were found, 98 of them men, and that 206 were missing.", "98", "men", "killed"),
        ("At least 300 people were arrested, 40 of them in Minsk.", "40", "people", "arrested"),
    ],
)
def test_a_part_named_after_of_them_counts_that_group(claims_of, text, mention, counted, category):
    """ "two of them police officers": the part counts police officers, in the state of its
    whole (not one the sentence gives later, "206 were missing")."""
    claim = {c.mention: c for c in claims_of(text)}[mention]
    assert (claim.counted, claim.category) == (counted, category)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Of the 131, 44 died in three government hospitals and 75 in seven private ones.", "three"),
        ("Police arrested 300 people in 33 towns on Sunday.", "33"),
        ("Four people died in two separate attacks.", "two"),
    ],
)
def test_a_count_of_where_it_happened_is_no_state(claims_of, text, mention):
    """ "died in three hospitals": the three count hospitals, not the dead."""
    assert {c.mention: c.category for c in claims_of(text)}[mention] == "other"


def test_a_state_after_in_is_still_a_state(claims_of):
    assert [c.category for c in claims_of("The blast resulted in 40 deaths.")] == ["killed"]


def test_a_figure_after_a_named_part_continues_the_whole(claims_of):
    """ "127 died, two of them police officers, and 40 were hurt": the 40 are people, as
    the 127 are, not police officers."""
    text = "Officials said 127 people had died, two of them police officers, and 40 were hurt."
    assert {c.mention: c.counted for c in claims_of(text)}["40"] == "people"
