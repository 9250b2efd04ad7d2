"""Which quantity a figure is about, where the words around it mislead: the country a
story happens in, a report that looks back months later, places that are no places, lists
of every kind of person, parts a sentence opens with and bare levels of a count."""

from __future__ import annotations

from datetime import date

import pytest
from batch import measures_of

from crosstally.extract import extract
from crosstally.reconcile.abroad import home_country
from crosstally.reconcile.measures import places_in


def _measures(texts: list[str]) -> dict[str, str]:
    return measures_of(texts, date(2019, 3, 20))


CYCLONE = [
    "Cyclone hits Mozambique: Mozambique's president said 202 people had died in Mozambique. Zimbabwe's "
    "government said 98 people had died in Zimbabwe. Mozambique's ports were shut.",
    "Cyclone: The toll in Mozambique rose to 242, the government said. Zimbabwe's toll stood at 139. "
    "Mozambique asked for help; Mozambique's army flew rescue missions over Mozambique's coast.",
    "Cyclone: Rescuers in Mozambique said 417 people were now known to have died. The storm's toll across the "
    "three countries passed 700, a Reuters tally showed.",
]


def test_the_home_country_is_the_one_the_reports_name_most(nlp):
    # more located figures are Zimbabwe's, but the reports say "in Mozambique" far more
    assert home_country(["Zimbabwe", "Zimbabwe", "Zimbabwe", "Mozambique"], CYCLONE) == "mozambique"
    assert home_country(["Zimbabwe", "Zimbabwe", "Mozambique"], []) == "zimbabwe"
    measures = _measures(CYCLONE)
    assert measures["202"] == measures["242"] == measures["417"]
    assert measures["98"] == measures["139"] != measures["202"]
    assert measures["700"] not in (measures["202"], measures["98"])  # the three countries' toll


def test_the_home_country_is_the_one_most_titles_name(nlp):
    """Reports that say "in India" as often as "in Nepal" (India's own dead, its aid), under
    titles that name Nepal: the story happens in Nepal."""
    texts = [
        "Nepal quake toll passes 2,000\n\nRescuers dug in Nepal; 34 people died in India.",
        "Nepal counts its dead\n\nIndia sent aid; aftershocks were felt in India and in Nepal.",
        "Aid reaches Nepal villages\n\nPlanes landed in India; more help is on its way to Nepal.",
    ]
    assert home_country(["India", "India", "India"], texts) == "nepal"


def test_the_home_country_is_the_one_mentioned_most_where_no_place_word_says_in(nlp):
    """The reports name their towns, which no table knows ("in Kessel"), and their country
    only as an owner ("Indonesia's disaster agency"); two figures of aid are Australia's."""
    texts = [
        "Quake toll rises\n\nIndonesia's disaster agency said 844 people had died in Kessel. Indonesian "
        "troops reached the coast. Indonesia's president visited.",
        "Aid flows\n\nAustralia pledged $5 million. Indonesia's military flew in food; Indonesian volunteers "
        "dug through mud.",
    ]
    assert home_country(["Australia", "Australia"], texts) == "indonesia"
    # a country mentioned in passing stands out by nothing: the located figures decide
    assert home_country(["Australia", "Australia"], ["Aid\n\nIndonesia's agency said 20 died."]) == "australia"


def test_us_is_a_country_only_when_written_so():
    assert places_in("What the count told us, and what it hid.") == []
    assert places_in("The US sent aid; what it told us was little.") == ["united states"]
    assert places_in("how many died in the us") == ["united states"]  # a question typed in lower case


FIRE = [
    "Tower fire: at least 30 people died in the Marlow Tower fire in Eastgate, the fire service said.",
    "Marlow Tower: the fire service said 58 people were presumed dead after the Eastgate fire.",
    "Marlow Tower, a year on: the fire service said 71 people died in the Marlow Tower fire in Eastgate.",
]


@pytest.mark.parametrize(("third", "joined"), [(FIRE[2], True), (FIRE[2].replace(", a year on", ""), False)])
def test_a_report_months_later_joins_its_story_when_it_looks_back(nlp, third, joined):
    days = [date(2017, 6, 16), date(2017, 6, 17), date(2017, 11, 17)]
    measures = measures_of(list(zip([*FIRE[:2], third], days, strict=True)))
    assert (measures["71"] == measures["at least 30"]) is joined  # one story's toll, or two stories


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("The Syrian Observatory, which is based in Britain, said at least 50 people had been killed.", None),
        ("On Monday the ministry put it back at 288 after a recount.", None),
        ("Gujarat's health secretary, Manoj Rao, cut the toll to 257 on Sunday.", None),
        ("Georgia's toll stood at 25.", "Georgia"),
        ("In Malawi, the toll stood at 56 on Thursday, the disaster agency said.", "Malawi"),
    ],
)
def test_where_a_figure_is_not_where_its_speaker_is(nlp, text, location):
    claims = extract(text)
    assert claims[-1].location == location


def test_every_kind_of_person_is_everyone(nlp):
    measures = _measures(
        [
            "Protests: Rights groups said 41 people had been killed in the protests. A monitoring group said it had "
            "documented 52 men, women and children shot dead by police. Of the dead, 12 were children, it said."
        ]
    )
    assert measures["41"] == measures["52"] != measures["12"]


def test_a_part_a_sentence_opens_with_is_a_measure_of_its_own(nlp):
    measures = _measures(
        [
            "Protests: The hospital said 26 people had been treated for injuries on Tuesday. Of them, six had "
            "gunshot wounds and 20 had been struck by tear-gas canisters. Police said 300 people were injured in all."
        ]
    )
    assert measures["26"] == measures["300"]
    assert len({measures["26"], measures["six"], measures["20"]}) == 3


def test_a_bare_level_counts_what_the_figure_before_it_counts(nlp):
    measures = _measures(
        [
            "March: More than 100,000 people rallied in the capital on Sunday, according to the Associated Press, "
            "which said the crowd on the square looked to be 150,000 or more. The news site Zerkalo also counted "
            "more than 80,000. Police said 40 people were detained."
        ]
    )
    assert measures["150,000 or more"] == measures["more than 80,000"] != measures["40"]
