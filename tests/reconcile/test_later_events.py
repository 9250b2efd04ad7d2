"""A later event of a story (a fresh quake, another landslide) counts its harms apart."""

from __future__ import annotations

from datetime import date

from batch import measures_of

FIRST = (
    "Quake in Kessel province kills 1,200\n\nKESSEL, May 5 - An earthquake in Kessel province killed at least "
    "1,200 people on Saturday, the disaster ministry said on Sunday. It said 2,400 people had been injured.",
    date(2024, 5, 5),
)


def test_a_fresh_quake_counts_its_dead_and_injured_apart_from_the_first():
    measures = measures_of(
        [
            FIRST,
            (
                "Fresh quake hits Kessel province\n\nKESSEL, May 8 - Another strong earthquake struck Kessel "
                "province on Wednesday. The disaster ministry said it had killed three people and injured 85. "
                "\n\nThe toll from Saturday's earthquake has risen to 1,450, the ministry said.",
                date(2024, 5, 8),
            ),
        ]
    )
    assert measures["1,450"] == measures["at least 1,200"]
    assert measures["three"] not in (measures["1,450"], measures["85"])
    assert measures["85"] != measures["2,400"]


def test_a_quake_that_may_come_is_no_event_of_its_own():
    """ "warned that another quake could strike": the toll after it is still the toll."""
    measures = measures_of(
        [
            FIRST,
            (
                "Kessel quake toll rises\n\nKESSEL, May 7 - Seismologists warned on Tuesday that another strong "
                "earthquake could strike Kessel province. The disaster ministry said the toll had risen to 1,390.",
                date(2024, 5, 7),
            ),
        ]
    )
    assert measures["1,390"] == measures["at least 1,200"]


def test_an_event_named_with_a_later_day_counts_apart():
    """ "after a magnitude 6.9 earthquake on Tuesday killed 40": a new event, by the day the
    report gives it, days after the story began; the first quake's toll goes on."""
    measures = measures_of(
        [
            FIRST,
            (
                "Kessel shaken again\n\nKESSEL, May 16 - Families slept outdoors on Wednesday after a magnitude "
                "6.9 earthquake on Tuesday killed 40 people in the hills, the disaster ministry said.\n\nThe "
                "ministry's count for Saturday's earthquake stood at 1,610.",
                date(2024, 5, 16),
            ),
        ]
    )
    assert measures["40"] != measures["at least 1,200"]
    assert measures["1,610"] == measures["at least 1,200"]


def test_the_first_event_told_again_on_its_own_day_is_the_story_own():
    """A follow-up that recounts "a magnitude 7.1 earthquake on May 4" names the story's day."""
    measures = measures_of(
        [
            FIRST,
            (
                "Kessel counts the cost\n\nKESSEL, May 20 - Officials said on Monday that a magnitude 7.1 "
                "earthquake on May 4 had killed 1,700 people in the province.",
                date(2024, 5, 20),
            ),
        ]
    )
    assert measures["1,700"] == measures["at least 1,200"]


def test_an_earlier_event_of_months_before_is_no_part_of_the_toll():
    """ "A fire at another factory killed 90 workers in November", in a story of April: an
    earlier event's figure, by its own time words, not a step of the collapse's toll."""
    measures = measures_of(
        [
            (
                "Factory block collapse kills 300\n\nDARVEN, April 26 - The toll from the collapse of a "
                "factory block in Darven rose to 300 on Friday, the army said. A fire at another "
                "factory on the city's edge killed 90 workers in November.",
                date(2013, 4, 26),
            ),
            (
                "Collapse toll passes 400\n\nDARVEN, April 28 - The army said on Sunday that 410 people had "
                "died in the collapse of the factory block.",
                date(2013, 4, 28),
            ),
        ]
    )
    assert measures["300"] == measures["410"]
    assert measures["90"] != measures["300"]


def test_a_harm_set_years_before_the_story_is_no_part_of_the_toll():
    """ "The collapse comes three years after a dam burst near Ostra, killing 19 people":
    a harm the sentence sets years before, told beside the story's toll, not a step of it."""
    measures = measures_of(
        [
            (
                "Mine dam collapse kills 60\n\nVELKA, Jan 27 - The collapse of a mining dam near Velka has "
                "killed 60 people, the fire brigade said on Sunday. The collapse comes three years after a "
                "dam burst near Ostra in the same state, killing 19 people.",
                date(2019, 1, 27),
            ),
            (
                "Dam toll rises to 84\n\nVELKA, Jan 28 - The fire brigade said on Monday that 84 people had "
                "died in the collapse of the mining dam.",
                date(2019, 1, 28),
            ),
        ]
    )
    assert measures["60"] == measures["84"]
    assert measures["19"] != measures["60"]
