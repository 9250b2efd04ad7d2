"""General-news figures as claims, through the parse: money and its per unit, changes,
elided nouns, signs, and the measurements and names that are no claim at all.

Sentences written for these tests, in business, markets, sport, technology and disaster
styles.
"""

from __future__ import annotations

import pytest

CLAIMS = [
    # sentence, mention, value, unit, per, category
    ("Brent crude settled at $58.24 per barrel on Tuesday.", "$58.24", 58.24, "USD", "barrel", "money"),
    ("Gold changed hands at $1,912 an ounce.", "$1,912", 1912, "USD", "ounce", "money"),
    ("The retailer earned $1.20 a share in the quarter.", "$1.20", 1.2, "USD", "share", "money"),
    ("Millers paid €250 per tonne for wheat.", "€250", 250, "EUR", "tonne", "money"),
    ("The levy was to raise 12.5 billion shillings.", "12.5 billion shillings", 12.5e9, "KES", None, "money"),
    ("The government pledged 5 million kina for the response.", "5 million kina", 5e6, "PGK", None, "money"),
    ("Baghdad set aside 5 billion Iraqi dinars for the families.", "5 billion Iraqi dinars", 5e9, "IQD", None, "money"),
    ("The ward treats 40 patients a day.", "40", 40, None, "day", "other"),
    ("It cost the council $2000.", "$2000", 2000, "USD", None, "money"),
    ("The lender raised USD10m from investors.", "USD10m", 10_000_000, "USD", None, "money"),
    ("The state will spend Rs 500 crore on roads.", "Rs 500 crore", 5_000_000_000, "INR", None, "money"),
    ("The tycoon paid HK$3.7 billion for the tower.", "HK$3.7 billion", 3.7e9, "HKD", None, "money"),
    ("Prices of the print reached 2,435,000 yen.", "2,435,000 yen", 2_435_000, "JPY", None, "money"),
    ("GDP shrank -1.3% in the third quarter.", "-1.3%", -1.3, "percent", None, "other"),
    ("The warehouse covers 1520 sq m near the port.", "1520 sq m", 1520, "m2", None, "other"),
    ("Profits rose sixfold after the takeover.", "sixfold", 6, "times", None, "other"),
    ("The province has 2.3m residents.", "2.3m", 2_300_000, None, None, "other"),
    ("The cyclone caused an estimated A$1.4bn in damage.", "an estimated A$1.4bn", 1.4e9, "AUD", None, "money"),
    ("Aid agencies appealed for US$55 million for the flood victims.", "US$55 million", 55e6, "USD", None, "money"),
    ("The quake destroyed a quarter of a million homes.", "a quarter of a million", 250_000, None, None, "other"),
    ("Floods swamped 1,200 sq km of farmland.", "1,200 sq km", 1200, "km2", None, "other"),
    ("The plant shut and 1,800 workers lost their jobs.", "1,800", 1800, None, None, "other"),
    ("About 2,000 families who lost their homes got grants.", "About 2,000", 2000, None, None, "other"),
    ("A crowd of about 80,000 lined the route.", "about 80,000", 80_000, None, None, "other"),
    ("The mill has a workforce of 5,200.", "5,200", 5200, None, None, "other"),
    ("Employment grew by a fifth in a year.", "a fifth", 20, "percent", None, "other"),
]


@pytest.mark.parametrize(("sentence", "mention", "value", "unit", "per", "category"), CLAIMS)
def test_claim(claims_of, sentence, mention, value, unit, per, category):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert mention in claims, sorted(claims)
    claim = claims[mention]
    assert claim.value == pytest.approx(value)
    assert (claim.unit, claim.per, claim.category) == (unit, per, category)


SEVERAL = [
    # sentence, the mentions of its claims in order
    ("Exports increased by $43.6 billion to $419.2 billion.", ["$43.6 billion", "$419.2 billion"]),
    ("The survey found 68,400 people who rent and 95,800 who own their homes.", ["68,400", "95,800"]),
    ("The storm destroyed 1,500 homes and damaged 4,000 more.", ["1,500", "4,000"]),
    ("The population grew from 1.2 million to 1.5 million.", ["1.2 million", "1.5 million"]),
    ("Growth will be between 5% and 6% this year.", ["between 5% and 6%"]),
    ("The carrier has ordered 35 737 Max jets.", ["35"]),
    ("The budget airline will take 20 737 MAX planes and 12 A321neo jets.", ["20", "12"]),
    ("Visitor numbers rose from 36 to 55 a day.", ["36", "55"]),
    ("The number of branches fell from 48 to 31.", ["48", "31"]),
    ("UN revises toll from the floods to 3958", ["3958"]),
    ("Some 1,900 students enrolled in spring and 2,400 in autumn.", ["Some 1,900", "2,400"]),
    ("The bank will shut 40 branches in Scotland and 25 in Wales.", ["40", "25"]),
    ("Payrolls grew by 272,000, more than the 180,000 analysts had forecast.", ["272,000", "180,000"]),
    ("Brokers see a dividend of 32p to 35p.", ["32p to 35p"]),
    ("The bidder offered 245p a share for the chain.", ["245p"]),
    ("The team's wins went from 41 to 63.", ["41", "63"]),
    ("The airline will order 35 jets and lease 30 more.", ["35", "30"]),
    ("The programme will train 2.65 lakh people.", ["2.65 lakh"]),
    ("Ministers plan to train 500 nurses.", ["500"]),
    ("The headcount was cut from 4,000 to 2,500.", ["4,000", "2,500"]),
    ("Four out of five doctors said the plan was unsafe.", ["Four out of five"]),
    ("Lawmakers passed a budget of 2.3 trillion rupees for next year.", ["2.3 trillion rupees"]),
    ("Staff got a one-off payment of £500.", ["£500"]),
    ("The two-time champion won 3 titles.", ["3"]),
    ("The appeal will help 250,000 Libyans most affected by the floods.", ["250,000"]),
    ("Ryanair flew 18.2 million people in May, 11% more than a year earlier.", ["18.2 million", "11%"]),
    ("The upgrade lifts the stadium's capacity to 45,000.", ["45,000"]),
    ("In March, 40 people were hurt.", ["40"]),
    ("By noon officials had lowered that figure to 222.", ["222"]),
    ("Gold fell $12 to $1,980 an ounce.", ["$12", "$1,980"]),
    ("The app was downloaded 50 million times in a month.", ["50 million"]),
    ("Key figures — Staff: 12,400. Stores: 310. Sales: £4.2bn.", ["12,400", "310", "£4.2bn"]),
    ('"One in four of our customers is under 30," she said.', ["One in four"]),
    (
        "Volkswagen sold 9.2 million vehicles, BMW 2.5 million and Mercedes 2 million.",
        ["9.2 million", "2.5 million", "2 million"],
    ),
]


@pytest.mark.parametrize(("sentence", "mentions"), SEVERAL)
def test_claims_of_a_sentence(claims_of, sentence, mentions):
    assert [c.mention for c in claims_of(sentence)] == mentions


NONE = [
    "The engine makes 300 horsepower and returns 35 mpg.",
    "The challenger weighed 220 pounds.",
    "He gained 120 yards on Sunday.",
    "Apple sold the iPhone 11 at a discount.",
    "The airline grounded its 737 Max jets.",
    "The fire started at 358 El Brillo Way.",
    "Messi scored twice in the second half.",
    "The laptop ships with 16GB of memory.",
    "Download speeds averaged 150 Mbps in the capital.",
    "Staff can join the company's 401(k) plan.",
    "The coupe has a 0-60 time of 4.5 seconds.",
    "The Fed cut rates by a quarter point.",
    "The comet passed within 0.3 astronomical units of Earth.",
    "Median age: 38.",
    "Rank: 4. Rating: 3.",
    "She took a six-figure salary.",
    "Passengers moved to gate 12 for the flight.",
    "The retirement age will rise to 68.",
    "The average age of cars rose to 12.6.",
    "The lender's tier-one capital rose.",
    "The meeting runs from 9 to 5 on Monday.",
    "The deal closed on May 11.",
    "Its width had shrunk from 3 kilometres to about 1.",
    "It happened in June, 2023.",
    "He was named one of Fortune's 50 most powerful women.",
    "The striker has scored three times this season.",
]


@pytest.mark.parametrize("sentence", NONE)
def test_no_claim(claims_of, sentence):
    assert [c.mention for c in claims_of(sentence)] == []
