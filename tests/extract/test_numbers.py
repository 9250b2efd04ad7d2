"""The scanner: number expressions, qualifiers, ranges, units, and what is not a count."""

from __future__ import annotations

import pytest

from crosstally.extract.numbers import parse_number_words, scan
from crosstally.lexicon import lexicon

FIGURES = [
    # text, mention, value, value_max, qualifier, unit
    ("Officials counted 1,100 casualties.", "1,100", 1100, None, "exact", None),
    ("The army has 1.28 million active soldiers.", "1.28 million", 1_280_000, None, "exact", None),
    ("The fund pledged $25 million in aid.", "$25 million", 25_000_000, None, "exact", "USD"),
    ("A grant of €3.5bn was approved.", "€3.5bn", 3_500_000_000, None, "exact", "EUR"),
    ("The agency spent $25m on tents.", "$25m", 25_000_000, None, "exact", "USD"),
    ("Two villagers were hurt.", "Two", 2, None, "exact", None),
    ("One hundred and eleven people were rescued.", "One hundred and eleven", 111, None, "exact", None),
    ("A dozen ships were sunk.", "A dozen", 12, None, "exact", None),
    ("Two dozen drones were shot down.", "Two dozen", 24, None, "exact", None),
    ("Twenty-five fishermen are missing.", "Twenty-five", 25, None, "exact", None),
    ("Half a million people fled.", "Half a million", 500_000, None, "exact", None),
    ("Prices rose 20 per cent.", "20 per cent", 20, None, "exact", "percent"),
    ("Turnout reached 64.5% on Sunday.", "64.5%", 64.5, None, "exact", "percent"),
    ("Three out of four homes lost power.", "Three out of four", 75, None, "exact", "percent"),
    ("One in five children is malnourished.", "One in five", 20, None, "exact", "percent"),
    ("Rebels hold half of the province.", "half", 50, None, "exact", "percent"),
    ("Two-thirds of the town was flooded.", "Two-thirds", 66.67, None, "exact", "percent"),
    ("between 10,000 and 12,000 troops", "between 10,000 and 12,000", 10_000, 12_000, "range", None),
    ("from 7,500 to 20,000 people", "from 7,500 to 20,000", 7_500, 20_000, "range", None),
    ("7,500 to 20,000 people", "7,500 to 20,000", 7_500, 20_000, "range", None),
    ("648 or 650 passengers", "648 or 650", 648, 650, "range", None),
    ("10 to 12 million people", "10 to 12 million", 10_000_000, 12_000_000, "range", None),
    ("some 2,000-3,000 fighters", "some 2,000-3,000", 2_000, 3_000, "range", None),
    ("about 1,100 casualties", "about 1,100", 1100, None, "approx", None),
    ("around 40 boats", "around 40", 40, None, "approx", None),
    ("an estimated 92 casualties", "an estimated 92", 92, None, "approx", None),
    ("roughly 300 homes", "roughly 300", 300, None, "approx", None),
    ("nearly 900 buildings", "nearly 900", 900, None, "approx", None),
    ("almost 5,000 tents", "almost 5,000", 5_000, None, "approx", None),
    ("some 20,000 containers", "some 20,000", 20_000, None, "approx", None),
    ("at least 100 soldiers", "at least 100", 100, None, "min", None),
    ("more than 3,000 troops", "more than 3,000", 3_000, None, "min", None),
    ("Over 12,000 troops", "Over 12,000", 12_000, None, "min", None),
    ("upwards of 600 protesters", "upwards of 600", 600, None, "min", None),
    ("in excess of 2 million people", "in excess of 2 million", 2_000_000, None, "min", None),
    ("3,000-plus residents", "3,000-plus", 3_000, None, "min", None),
    ("500 or more families", "500 or more", 500, None, "min", None),
    ("up to 12,000 troops", "up to 12,000", 12_000, None, "max", None),
    ("fewer than 50 survivors", "fewer than 50", 50, None, "max", None),
    ("less than $1 million", "less than $1 million", 1_000_000, None, "max", "USD"),
    ("as many as 400 migrants", "as many as 400", 400, None, "max", None),
    ("more than 70 times the official estimate", "more than 70 times", 70, None, "min", "times"),
    ("nearly twice as many deaths", "nearly twice", 2, None, "approx", "times"),
    ("1,000 square kilometres of land", "1,000 square kilometres", 1_000, None, "exact", "km2"),
    ("500 tonnes of grain", "500 tonnes", 500, None, "exact", "t"),
    ("2000 troops arrived", "2000", 2000, None, "exact", None),
]


@pytest.mark.parametrize(("text", "mention", "value", "value_max", "qualifier", "unit"), FIGURES)
def test_figure(text, mention, value, value_max, qualifier, unit):
    figures, _ = scan(text)
    found = {f.mention(text): f for f in figures}
    assert mention in found, f"{mention!r} not found in {sorted(found)}"
    fig = found[mention]
    assert fig.value == pytest.approx(value, rel=1e-3)
    assert fig.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert fig.qualifier == qualifier
    assert fig.unit == unit


NOT_FIGURES = [
    # text, the number that must not come out as a figure
    ("The war began in 2022.", "2022"),
    ("He was born in February 1970.", "1970"),
    ("The strike came on 17 December.", "17"),
    ("The strike came on Dec. 23.", "23"),
    ("Talks resume on March 3rd.", "3"),
    ("The vote is at 10:30 a.m. local time.", "10"),
    ("The blast happened at 3 pm.", "3"),
    ("Four months elapsed since the deployment.", "Four"),
    ("It is a three-year war.", "three"),
    ("Aid arrived 24 hours later.", "24"),
    ("The pilot, aged 45, survived.", "45"),
    ("A 25-year-old man was detained.", "25"),
    ("John Smith, 52, a fisherman, was rescued.", "52"),
    ("They supply 240-mm rocket launchers.", "240"),
    ("It fired 170 mm self-propelled guns.", "170"),
    ("A 155mm shell landed nearby.", "155"),
    ("Two Su-25 jets flew over.", "25"),
    ("The G7 met in Italy.", "7"),
    ("Flight QZ8501 disappeared.", "8501"),
    ("Flight 8501 disappeared.", "8501"),
    ("Under Article 5 allies must respond.", "5"),
    ("Resolution 2231 was adopted.", "2231"),
    ("The plane flew at 32,000 feet.", "32,000"),
    ("The quake had a magnitude of 7.8.", "7.8"),
    ("A 7.8-magnitude quake struck.", "7.8"),
    ("The ship sank 40 km off the coast.", "40"),
    ("Winds reached 200 km/h.", "200"),
    ("Temperatures hit 45 degrees.", "45"),
    ("The toll is not 300,000, as claimed.", "300,000"),
    ("The two countries signed a treaty.", "two"),
    ("These three men were freed.", "three"),
    ("It is one of the world's largest armies.", "one"),
    ("No one was hurt.", "one"),
    ("She visited the site three times.", "three"),
    ("A grant of $25 million (23.3 million euros) was approved.", "23.3 million"),
    ("The 1990s saw several wars.", "1990"),
    ("The office is open 24/7.", "24"),
    ("COVID-19 spread quickly.", "19"),
]


@pytest.mark.parametrize(("text", "number"), NOT_FIGURES)
def test_not_a_figure(text, number):
    figures, _ = scan(text)
    start = text.index(number)
    assert not [f for f in figures if f.core_start <= start < f.core_end], [f.mention(text) for f in figures]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("two", [2]),
        ("one hundred eleven", [111]),
        ("twenty five", [25]),
        ("three hundred thousand", [300_000]),
        ("a dozen", [12]),
        ("two three", [2, 3]),
        ("one million two hundred thousand", [1_200_000]),
    ],
)
def test_number_words(words, expected):
    pieces = parse_number_words(words.split(), lexicon())
    assert [p[0] for p in pieces] == expected


def test_offsets_point_into_text():
    text = "Officials said “more than 3,000” people — mostly civilians — died."
    figures, _ = scan(text)
    assert [f.mention(text) for f in figures] == ["more than 3,000"]
    assert text[figures[0].start : figures[0].end] == "more than 3,000"


def test_rejections_carry_a_reason():
    _, rejected = scan("The war began in 2022 and 240-mm guns were used.")
    assert {r.reason for r in rejected} == {"year", "calibre"}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officials said 5\u202f300 people died in the floods.", 5300),
        ("The agency counted 12\u00a0450 displaced families.", 12450),
        ("Some 1\u2009200\u2009000 people were affected.", 1200000),
    ],
)
def test_digits_grouped_by_no_break_or_thin_spaces_are_one_number(claims_of, sentence, value):
    assert [c.value for c in claims_of(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "mention", "counted"),
    [
        ("Police said on Monday 120 people were arrested.", "120", "people"),
        ("Health officials said Sunday 40 people had died.", "40", "people"),
        ("The army said on Sunday 9,800 soldiers had died.", "9,800", "soldiers"),
    ],
)
def test_a_count_right_after_the_weekday_a_speaker_named_is_a_count(claims_of, sentence, mention, counted):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert mention in claims, sorted(claims)
    assert claims[mention].counted == counted


@pytest.mark.parametrize(
    "sentence", ["The march is on Monday 12 March.", "Troops left on Monday 12 May, officials said."]
)
def test_a_weekday_and_its_date_are_no_count(claims_of, sentence):
    assert claims_of(sentence) == []
