"""A figure counted in another country than the one a story happens in is that country's
own; the cities table is checked on load."""

from __future__ import annotations

import pytest
from batch import measures_of

from crosstally.lexicon import LexiconError, parse_table
from crosstally.reconcile.measures import city_table, country_of

QUAKE = [
    "Peru quake toll passes 300: An earthquake killed at least 300 people in Peru on Friday, officials said. "
    "Another 41 people died in Peru's Arequipa region.",
    "Peru quake: The death toll in Peru rose to 350 on Saturday, the government said. Across the border in "
    "Ecuador, 12 people were killed, the interior ministry in Quito said. The mayor of Guayaquil said 4 people "
    "had died in Guayaquil.",
    "Peru quake: Ecuador's interior ministry said on Sunday that its death toll had risen to 15. Officials in "
    "Peru put their own toll at 362.",
]


def test_another_countrys_toll_is_its_own_measure(nlp):
    measures = measures_of(QUAKE)
    assert measures["at least 300"] == measures["350"] == measures["362"]
    assert measures["12"] == measures["15"]  # "in Ecuador" and "Ecuador's toll"
    assert measures["12"] != measures["350"]


def test_a_city_abroad_is_a_part_of_its_own(nlp):
    measures = measures_of(QUAKE)
    assert measures["4"] not in (measures["350"], measures["12"])


def test_the_capital_is_the_city_its_sentence_names(nlp):
    measures = measures_of(
        [
            "Myanmar quake: The earthquake killed 1,000 people in Myanmar, the junta said. In Myanmar, rescuers "
            "said 2,000 were injured.",
            "Myanmar quake: Bangkok's deputy governor said on Saturday that 10 people had been killed in the "
            "capital. Police listed 13 dead in Bangkok.",
        ]
    )
    assert measures["10"] == measures["13"]
    assert measures["10"] != measures["1,000"]


def test_a_story_about_one_people_abroad_is_not_split_by_place(nlp):
    measures = measures_of(
        [
            "North Korean troops: About 11,000 North Korean troops are in Russia, Seoul said. Some 3,000 North "
            "Korean soldiers have been killed or wounded, Kyiv said.",
            "North Korean troops: About 12,000 North Korean troops were sent to Russia, officials in Seoul said. "
            "Around 1,100 North Korean troops have been killed or wounded in Ukraine.",
        ]
    )
    assert measures["About 11,000"] == measures["About 12,000"]
    assert measures["Some 3,000"] == measures["Around 1,100"]


@pytest.mark.parametrize(
    ("location", "country"),
    [("Bangkok", "thailand"), ("the capital", None), ("Thailand", "thailand"), ("in Quito", "ecuador")],
)
def test_country_of_a_place(location, country):
    assert country_of(location) == country


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("lima\tperu\nquito\tatlantis\n", 2, "atlantis"),
        ("lima\tperu\nLima\tperu\n", 2, "lima"),
        ("lima\tperu\nmoscow\trussia\n", 2, "places.tsv"),
    ],
)
def test_the_cities_table_is_refused_with_its_line(text, line, words):
    with pytest.raises(LexiconError) as caught:
        city_table(parse_table(text), {"peru": "peru", "russia": "russia", "moscow": "russia"})
    assert caught.value.where() == f"cities.tsv:{line}"
    assert words in str(caught.value)


def test_the_place_a_disaster_is_named_after_is_the_whole_of_its_toll(nlp):
    measures = measures_of(
        [
            "Ardon landslides: The toll from the Ardon landslides rose to 160, officials said on Tuesday.",
            "Ardon landslides toll reaches 180: Police in Ardon district said on Wednesday that 180 people had "
            "been confirmed dead. Downstream in Pell district, 31 bodies were found.",
            "Ardon landslides: Officials said 191 people had died. Police in Pell district counted 35 dead there.",
        ]
    )
    assert measures["160"] == measures["180"] == measures["191"]  # "in Ardon district" is the whole
    assert measures["31"] != measures["180"]


def test_a_disaster_in_two_countries_has_a_combined_toll_and_one_for_each(nlp):
    measures = measures_of(
        [
            "Quake toll in Chile and Bolivia passes 2,000. In Chile alone, 1,500 people were killed, the civil "
            "defence said, while Bolivia's health ministry said 520 had died there.",
            "The toll across Chile and Bolivia rose to 2,400 on Friday. Chile's toll rose to 1,800, its civil "
            "defence said, and Bolivia counted 600 dead.",
        ]
    )
    assert measures["2,000"] == measures["2,400"]  # the combined toll
    assert measures["1,500"] == measures["1,800"] != measures["2,400"]
    assert measures["520"] == measures["600"] not in (measures["1,800"], measures["2,400"])


PARAGRAPHS = [
    "Peru quake toll passes 300\nAn earthquake killed at least 300 people in Peru on Friday, officials said.\n"
    "Ecuador's count is still unsettled: its government recorded 18 deaths by Saturday, and the Red Cross "
    "said 25 people had died.\n"
    "The president, who flew to Chile for a summit, said 310 people had died.\n",
    "Peru quake\nThe death toll in Peru rose to 350 on Saturday, the government said.\n"
    "In Ecuador, the picture is no clearer. The interior ministry said 20 people had died.\n",
]


def test_a_figure_placed_nowhere_is_the_country_its_paragraph_is_about(nlp):
    measures = measures_of(PARAGRAPHS)
    assert measures["18"] == measures["25"] == measures["20"]
    assert measures["18"] != measures["350"]


def test_a_country_named_only_as_where_someone_went_places_nothing(nlp):
    measures = measures_of(PARAGRAPHS)
    assert measures["310"] == measures["350"] == measures["at least 300"]


# a storm that struck two countries, the first harder: half the titles name it, fewer the
# other, and the reports say "in" each as often, while more figures are placed in a province
# of the other, named as its own
TWO_COUNTRIES = [
    "Storm toll in Peru climbs to 120\nThe storm has killed 120 people in Peru, the civil defence said on Monday.",
    "Storm lashes Ecuador's Manabi province\nEcuador's government said 14 people had died in Manabi province. Manabi "
    "province counted 9 injured, and 300 homes in Manabi province were destroyed.",
    "Villagers mourn as storm toll rises\nPeru's civil defence said the toll rose to 160 on Wednesday. In "
    "Ecuador, 20 people had died in Manabi province by Thursday.",
    "Peru counts the cost\nThe storm struck Peru on Saturday; the civil defence put the toll at 175 on Friday.",
]


def test_the_country_half_the_titles_name_over_any_other_is_home(nlp):
    measures = measures_of(TWO_COUNTRIES)
    assert measures["120"] == measures["160"] == measures["175"]
    assert measures["160"] not in (measures["14"], measures["20"])  # the other country's own
