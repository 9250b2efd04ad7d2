"""Sums of money: what one body gives or asks for is its own measure; what a disaster
cost is one quantity that several sources estimate."""

from __future__ import annotations

from batch import measures_of


def test_what_each_donor_gives_is_its_own_sum():
    measures = measures_of(
        [
            "Floods in Varna province have killed 120 people, the civil protection agency said on Monday. "
            "The European Union pledged 3.5 million euros in emergency aid on Tuesday.",
            "The death toll from the Varna floods rose to 131, the civil protection agency said. "
            "Germany pledged 2 million euros to the relief effort.",
        ]
    )
    assert measures["3.5 million euros"] != measures["2 million euros"]
    assert measures["120"] == measures["131"]


def test_estimates_of_what_the_disaster_cost_are_one_quantity():
    measures = measures_of(
        [
            "Floods in Varna province have killed 120 people, the civil protection agency said on Monday. "
            "Finance Minister Petar Ilov put the damage at more than $2 billion.",
            "The death toll from the Varna floods rose to 131, the civil protection agency said. "
            "The World Bank estimated the losses at $3.4 billion.",
        ]
    )
    assert measures["more than $2 billion"] == measures["$3.4 billion"]
