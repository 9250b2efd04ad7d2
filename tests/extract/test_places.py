"""Where a figure is, when a list of places splits a total."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        (
            "The storm has killed at least 140 people, state officials said on Tuesday, including 40 in Dunmore "
            "County and 30 in Harlan County.",
            {"at least 140": None, "40": "Dunmore County", "30": "Harlan County"},
        ),
        ("Officials said 19 died in Wajima and 20 in Suzu.", {"19": "Wajima", "20": "Suzu"}),
        (
            "The ministry said 16 people had died: 14 in the Kherson region and two in the Mykolaiv region.",
            {"16": None, "14": "Kherson region", "two": "Mykolaiv region"},
        ),
        ("Police said 12 people were in hospital.", {"12": None}),
        (
            "Vladimir Leontiev, the Russian-installed mayor of Nova Kakhovka, said that at least five people had "
            "died there.",
            {"at least five": "Nova Kakhovka"},
        ),
        (
            "Yevhen Ryshchuk, the mayor of Oleshky, a town under Russian control, said three people had died in "
            "the town.",
            {"three": "Oleshky"},
        ),
        ("There were 12 people killed in the blast.", {"12": None}),
        ("In Brest alone, about 100 people sought hospital treatment.", {"about 100": "Brest"}),
        # a place phrase of another speaker's statement is not this one's
        (
            "In Chile alone, 410 people were killed, the civil defence said, while Bolivia's health ministry said 96 "
            "had died there.",
            {"410": "Chile", "96": None},
        ),
        # one list of figures shares its place
        (
            "A police summary listed 13 dead, 10 injured and 118 missing in Ardon.",
            {"13": "Ardon", "10": "Ardon", "118": "Ardon"},
        ),
        # a place phrase that goes on "and" another country is both
        ("The quake toll in Peru and Ecuador passed 5,000 on Tuesday.", {"5,000": "Peru and Ecuador"}),
        # the part stated between a figure and a place owns the place
        (
            "Mensah said 70 bodies had been pulled from the mud by Friday, 11 of them from a creek near Ardon "
            "town in Pell district.",
            {"70": None, "11": "Pell district"},
        ),
        # a part of the country that is the clause's subject, named with its kind
        ("Sindh province has suffered most, with 349 deaths.", {"349": "Sindh province"}),
    ],
)
def test_each_figure_of_a_list_takes_its_own_place(claims_of, sentence, places):
    found = {c.mention: c.location for c in claims_of(sentence)}
    assert found == places


def test_a_country_that_opens_the_next_clause_is_not_the_places_second(claims_of):
    found = {c.mention: c.location for c in claims_of("Twelve people died in Gaza and Israel said five were hurt.")}
    assert found["Twelve"] == "Gaza"
