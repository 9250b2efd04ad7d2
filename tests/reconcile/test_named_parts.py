"""A part of a country the story names with its kind ("Sindh province") is that part when
a figure names it bare ("Sindh has suffered most, with 349 deaths")."""

from __future__ import annotations

from batch import measures_of

from crosstally.reconcile.scopes import as_part, parts_named


def test_a_bare_name_of_a_part_the_story_names_is_that_part():
    measures = measures_of(
        [
            "Monsoon floods kill 1,061 across Kessia\n\nFloods have killed 1,061 people across Kessia since June, "
            "the disaster authority said on Monday. Rains are still falling in Tarvan province.",
            "Kessia flood toll passes 1,100\n\nThe national toll rose to 1,136, the disaster authority said. "
            "In Tarvan alone, 349 people have died, according to the authority.",
        ]
    )
    assert measures["1,061"] == measures["1,136"]
    assert measures["349"] != measures["1,136"]


def test_the_part_the_reports_open_with_is_where_the_story_happens():
    """ "Malang toll rises to 131": a part most reports open with is the story's place, so
    its bare name makes no part of the toll."""
    texts = [
        "Malang stadium crush kills 125\n\nA crush at a stadium in Malang district killed 125 people.",
        "Malang toll rises to 131\n\nPolice raised the toll in Malang to 131.",
    ]
    assert parts_named(texts) == {}
    assert measures_of(texts)["131"] == measures_of(texts)["125"]


def test_parts_are_read_with_their_kind_not_from_words_that_describe_no_place():
    texts = [
        "Floods hit Kessia\n\nRains flooded much of Kessia on Monday.\n\n"
        "Floods hit Tarvan province. In the southern state of Orrega, roads closed. Iranian state TV said so. "
        "The Islamic State claimed it. Officials in the Moscow region said. No district was spared."
    ]
    assert parts_named(texts) == {"tarvan": "province", "orrega": "state"}
    assert as_part("Orrega", parts_named(texts)) == "Orrega state"
    assert as_part("Moscow", parts_named(texts)) == "Moscow"


def test_the_city_most_reports_open_with_keeps_its_first_toll_whole():
    """ "At least 27 people were killed in Ardova", then "43 dead in Ardova and five in
    Pellis": a later breakdown makes Ardova a part in its own sentence, but the city most
    reports open with (not only in a dateline) keeps its first toll the story's whole."""
    texts = [
        "Storm kills at least 27 in Ardova\n\nARDOVA, Oct 26 (Coast Wire) - At least 27 people were killed "
        "in Ardova when the storm struck, the governor said on Thursday.",
        "Ardova toll climbs to 39\n\nARDOVA, Oct 27 (Coast Wire) - The governor said on Friday that 39 people "
        "had died in Ardova.",
        "Ardova counts 48 dead\n\nThe federal report lists 48 people dead: 43 in Ardova and five in neighbouring "
        "Pellis.",
    ]
    measures = measures_of(texts)
    assert measures["At least 27"] == measures["39"] == measures["48"]
    assert measures["43"] != measures["48"]


def test_a_dateline_is_not_where_a_story_happens():
    texts = [
        "Floods kill 40\n\nRANGAL, July 20 (Padma Wire) - Floods have killed 40 people in the north, officials said.",
        "Flood toll rises\n\nRANGAL, July 21 (Padma Wire) - The toll rose to 52, officials said. In Rangal district, "
        "12 people died.",
    ]
    assert parts_named(texts) == {"rangal": "district"}
