"""How news varies one speaker's name, and when two names stay two speakers."""

from __future__ import annotations

import pytest

from crosstally.reconcile.sources import resolve_sources, speaking_bodies


@pytest.mark.parametrize(
    "names",
    [
        ["Vardia's Ministry of Foreign Affairs", "Vardia's foreign ministry"],
        ["Ministry of Health", "the health ministry"],
        ["Arab diplomats", "an Arab diplomat"],
        ["National Unity Government", "NUG"],
        ["Kessel Meteorological Agency", "the weather agency"],
        ["junta spokesperson", "Junta"],
    ],
)
def test_variants_of_one_name_are_one_source(names):
    entities = resolve_sources(names)
    assert len({entities[n].key for n in names}) == 1, {n: entities[n].key for n in names}


def test_a_name_that_ends_two_bodies_names_is_neither():
    """ "The foreign ministry" in a story of Vardia's and Ostrava's foreign ministries could
    be either: it joins neither, and the two stay apart."""
    names = ["Vardia's foreign ministry", "Ostrava's foreign ministry", "the foreign ministry"]
    entities = resolve_sources(names)
    assert len({entities[n].key for n in names}) == 3


def test_a_spokesman_with_a_rank_speaks_for_the_body_before_the_title():
    text = (
        "The junta said 2,056 people had died. On Thursday 3,085 had died, the junta's spokesman, Major "
        "General Tal Venn, said in a statement."
    )
    assert speaking_bodies(text, ["junta", "Tal Venn"]) == {"Tal Venn": "junta"}


@pytest.mark.parametrize(
    "name, body",
    [
        ("junta spokesperson", "junta"),
        ("the ministry's press office", "ministry"),
        ("junta's information team", "junta"),
        ("WHO chief", "WHO"),
        ("health ministry official", "health ministry"),
        ("Vardia junta chief", "Vardia junta"),
        ("fire chief", "fire chief"),  # "fire" names no body
        ("opposition leader", "opposition leader"),
        ("a senior official", "a senior official"),
    ],
)
def test_a_role_speaks_for_the_body_before_it(name, body):
    from crosstally.reconcile.sources import speaker_body

    assert speaker_body(name) == body


def test_a_described_government_is_not_another_government_named_in_full():
    from crosstally.reconcile.sources import DescribedBodies

    text = (
        "The opposition National Unity Government said 2,418 had died. The country's military government said "
        "1,644 had died."
    )
    described = DescribedBodies(text, ["National Unity Government", "country's military government"])
    assert described.of("country's military government", text.index("1,644")) is None


def test_the_spokespeople_a_story_titles():
    from crosstally.reconcile.sources import spokespeople

    texts = [
        "In a televised address, junta leader Senior General Tal Venn gave a toll of 144.",
        "The junta's spokesman, Major General Ren Oda, said 3,085 had died. Fire chief Ana Ruiz said 12.",
    ]
    assert spokespeople(texts) == {"Tal Venn": "junta", "Ren Oda": "junta"}


def test_its_spokeswoman_speaks_for_the_body_named_just_before():
    text = (
        "The interior ministry gave a far smaller figure on Monday. Its spokeswoman, Lena Dorn, said about 20,000 "
        "people had marched."
    )
    assert speaking_bodies(text, ["interior ministry", "Lena Dorn"]) == {"Lena Dorn": "interior ministry"}
