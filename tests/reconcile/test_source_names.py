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
