"""A part of a story named only by who speaks for it, or by "the county" / "his state"."""

from __future__ import annotations

from datetime import date

import pytest

from crosstally.read import Document
from crosstally.reconcile.parts import spoken_part

NAMES = {"dunmore-county": "Dunmore", "east-varna": "East Varna", "west-varna": "West Varna"}


@pytest.mark.parametrize(
    ("before", "location", "part"),
    [
        ("The Dunmore County Sheriff's Office said searchers had recovered ", "the county", "dunmore-county"),
        ("Dunmore confirms ", None, "dunmore-county"),
        ("East Varna Gov. Ann Holt said the toll in her state had reached ", "her state", "east-varna"),
        ("West Varna officials, unlike those in East Varna, said ", None, "east-varna"),
        ("The storm has now killed ", None, ""),
        ("East Varna Gov. Ann Holt said flooding in Marlow had killed ", "Marlow", ""),
        # where the figure was spoken is no part of the story
        ("The minister told a meeting in East Varna that ", None, ""),
        ("Speaking to reporters in Dunmore on Friday, the governor said ", None, ""),
        ("In West Varna, officials said ", None, "west-varna"),
    ],
)
def test_the_part_a_sentence_names_before_a_figure(before, location, part):
    assert spoken_part(before, location, NAMES) == part


def _doc(name: str, text: str, day: int) -> Document:
    return Document(name, text, title=None, outlet=f"Outlet {name}", published=date(2024, 10, day))


def test_a_county_named_by_its_sheriff_joins_the_countys_toll(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "a.txt",
            "Storm toll climbs\nThe storm has killed at least 140 people, 40 of them in Dunmore County and 30 in "
            "Harlan County, state officials said on Tuesday.\n",
            1,
        ),
        _doc(
            "b.txt",
            "Dunmore confirms 52 dead\nThe Dunmore County Sheriff's Office said on Thursday that searchers had "
            "recovered 52 bodies in the county. In neighbouring Pike County, officials said two people died.\n",
            3,
        ),
    ]
    measure = {(c.doc, c.mention): c.measure for c in claims_of(docs)}
    county = measure[("a.txt", "40")]
    assert county != measure[("a.txt", "at least 140")]
    assert measure[("b.txt", "52")] == county
    assert [m for (doc, mention), m in measure.items() if doc == "b.txt" and mention == "52"] == [county]


def test_a_city_that_is_a_part_of_the_arrests_is_no_part_of_the_turnout(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "m.txt",
            "Berlin protests\nPolice said some 3,000 people had been detained across the country, about 1,000 of "
            "them in Berlin. About 200,000 people marched in Berlin on Sunday, the organisers said.\n",
            5,
        ),
        _doc(
            "n.txt",
            "Berlin march\nMore than 150,000 people marched on Sunday against the Berlin government, a rights "
            "group said, as police detained dozens.\n",
            5,
        ),
    ]
    measure = {c.mention: c.measure for c in claims_of(docs)}
    assert measure["about 1,000"] != measure["some 3,000"]
    assert measure["About 200,000"] == measure["More than 150,000"]


def test_the_county_is_the_one_named_last_before_the_figure():
    from crosstally.reconcile.scopes import named_part

    text = (
        "Floods hit Dunmore County hardest. Sheriff Ann Holt said 40 people died. She said more than 200 people "
        "in the county were missing. In Harlan County, two died. Officials said the county had lost power."
    )
    assert named_part("county", text, text.index("200")) == "Dunmore County"
    assert named_part("county", text, text.index("lost power")) == "Harlan County"
    assert named_part("county", "Nothing here names one.", 5) is None
