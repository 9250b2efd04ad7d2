"""One day's toll in a story of protests over many days is that day's, not a step of the
running toll; a disaster's growing toll is left whole."""

from __future__ import annotations

from datetime import date

import pytest

from crosstally.ingest import claims_of
from crosstally.read import Document
from crosstally.reconcile.days import DayInput, day_tolls, is_story_of_gatherings, one_day

PUBLISHED = date(2024, 7, 24)  # a Wednesday
_RECORDS = "Hospital records showed four people died on July 16, 31 on July 18 and 70 on July 19."


@pytest.mark.parametrize(
    ("sentence", "mention", "day", "gathering"),
    [
        (_RECORDS, "four", "07-16", False),
        (_RECORDS, "31", "07-18", False),
        ("The monitors counted 12 deaths on July 2 alone.", "12", "07-02", False),
        ("The group said 17 people had been shot dead in Monday's protests.", "17", "07-22", True),
        ("The agency put Sunday's dead at no fewer than 65.", "no fewer than 65", "07-21", False),
        ("On Sunday, the first day of the strike, at least 58 people were killed.", "at least 58", "07-21", False),
        ("The police said 9 officers lost their lives on 20 July.", "9", "07-20", False),
        # the day a speaker spoke, a tally stood or a count ran to is not the day of the deaths
        ("The minister said on Sunday that 140 people had died.", "140", None, None),
        ("On Sunday, the minister said 140 people had died.", "140", None, None),
        ("The president spoke of 19 deaths on July 20.", "19", None, None),
        ("The agency's count stood at 88 on Friday.", "88", None, None),
        ("The agency's count for the day stood at 56 on Monday.", "56", "07-22", False),
        ("The day's toll reached 40 on Friday, the monitors said.", "40", "07-19", False),
        ("The daily had counted 98 deaths by midnight on Sunday.", "98", None, None),
        ("At least 300 people have died since the protests began.", "At least 300", None, None),
    ],
)
def test_the_day_a_figure_counts(sentence, mention, day, gathering):
    at = sentence.index(mention)
    found, of_gathering = one_day(sentence, at, at + len(mention), PUBLISHED)
    assert found == (date.fromisoformat(f"2024-{day}") if day else None)
    if day:
        assert of_gathering is gathering


def test_only_a_story_of_gatherings_with_such_days_counts_days_apart():
    items = [
        DayInput(("a", 1), "dead", date(2024, 7, 16), False, False, PUBLISHED),
        DayInput(("a", 2), "dead", date(2024, 7, 18), False, False, PUBLISHED),
        DayInput(("a", 3), "dead", None, False, True, PUBLISHED),
    ]
    assert day_tolls(items, gatherings=True) == {("a", 1): "jul-16", ("a", 2): "jul-18"}
    assert day_tolls(items, gatherings=False) == {}
    assert day_tolls(items[:1] + items[2:], gatherings=True) == {}  # one plain day: nothing to set apart


def test_is_story_of_gatherings():
    assert is_story_of_gatherings(["Protesters marched.", "Police fired on the marches.", "A quake hit."])
    assert not is_story_of_gatherings(["A quake hit on March 3.", "Rescuers dug.", "The protests ended."])


REPORTS = [
    # the day after the deadliest day: every count of the dead is that day's
    (
        "Veltra crackdown: Tuesday's protests in Veltra left 24 people dead, the national rights commission "
        "said on Wednesday. A doctors' union gave a first count of at least 15 dead in the morning; by the "
        "evening it had recorded at least 26 deaths.",
        date(2024, 7, 24),
    ),
    # weeks later: the running toll, with that day's count beside it
    (
        "Veltra crackdown: Monitors recorded 24 deaths on July 23 alone, the bloodiest day of the unrest. On "
        "August 5 the rights commission said 41 people had been killed in Veltra since the protests began on "
        "July 9. Its tally rose to 57 a week later.",
        date(2024, 8, 14),
    ),
    (
        "Veltra crackdown: Veltra's interior minister said on Friday that 30 people had died since the protests "
        "began, while protesters marched again in the capital.",
        date(2024, 8, 10),
    ),
]


def _claims():
    docs = [Document(f"d{i}.txt", t, outlet=f"Outlet {i}", published=p) for i, (t, p) in enumerate(REPORTS)]
    return {(c.doc, c.mention): c.measure for c in claims_of(docs)}


def test_a_days_dead_are_apart_from_the_running_toll(nlp):
    measures = _claims()
    day = measures[("d0.txt", "24")]
    assert day == measures[("d0.txt", "at least 15")] == measures[("d0.txt", "at least 26")]
    assert day == measures[("d1.txt", "24")]
    running = measures[("d1.txt", "41")]
    assert running == measures[("d1.txt", "57")] == measures[("d2.txt", "30")]
    assert day != running


def test_a_disasters_toll_is_not_split_by_day(nlp):
    docs = [
        Document(
            "q0.txt",
            "Veltra quake: At least 120 people died in Veltra on Friday, officials said.",
            published=date(2024, 3, 2),
        ),
        Document(
            "q1.txt",
            "Veltra quake: An aftershock killed 9 more in Veltra on Sunday. The toll has risen to 160, officials said.",
            published=date(2024, 3, 4),
        ),
    ]
    measures = {c.mention: c.measure for c in claims_of(docs)}
    assert measures["At least 120"] == measures["160"]


def test_a_days_count_raised_later_stays_that_days(nlp):
    """ "The count for the day stood at 56 on Monday; on Tuesday the agency raised it to at
    least 109": the 109 is Monday's count too, not a step of the running toll beside it."""
    docs = [
        Document(
            "r0.txt",
            "Veltra crackdown: By Monday morning at least 300 people had been killed in Veltra since the protests "
            "began, by the agency's count. The agency's count for the day stood at 56 dead on Monday; on Tuesday "
            "the agency raised it to at least 109 dead and put the total killed since July at 409.",
            outlet="Outlet A",
            published=date(2024, 8, 7),
        ),
        Document(
            "r1.txt",
            "Veltra crackdown: Protesters marched again in Veltra, where monitors recorded 24 deaths on July 23 alone.",
            outlet="Outlet B",
            published=date(2024, 7, 25),
        ),
    ]
    measures = {c.mention: c.measure for c in claims_of(docs)}
    assert measures["56"] == measures["at least 109"]
    assert measures["56"] != measures["at least 300"] == measures["409"]
