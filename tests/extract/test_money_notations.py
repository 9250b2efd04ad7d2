"""General-news figures: money notations, scales, ranges and changes, signs, multipliers.

Table-driven, in sentences written for these tests (business, markets, sport, technology,
disasters), each checked at the scanner: mention, value, upper end, qualifier, unit.
"""

from __future__ import annotations

import pytest

from crosstally.extract.numbers import scan

CURRENCIES = [
    # text, mention, value, unit
    ("The lender borrowed USD250m from three banks.", "USD250m", 250_000_000, "USD"),
    ("Brussels earmarked EUR50m for border crossings.", "EUR50m", 50_000_000, "EUR"),
    ("The bond paid out GBP3.5bn to holders.", "GBP3.5bn", 3_500_000_000, "GBP"),
    ("A bowl of laksa now costs RM23.50 in the city.", "RM23.50", 23.5, "MYR"),
    ("The miner posted a loss of $US55,931,000 for the half.", "$US55,931,000", 55_931_000, "USD"),
    ("The tycoon sold the tower for HK$3.7 billion.", "HK$3.7 billion", 3_700_000_000, "HKD"),
    ("Ticket revenue reached HK$820m in the quarter.", "HK$820m", 820_000_000, "HKD"),
    ("A Tokyo gallery sold the print for 2,435,000 yen.", "2,435,000 yen", 2_435_000, "JPY"),
    ("The state cleared Rs 500 crore for flood relief.", "Rs 500 crore", 5_000_000_000, "INR"),
    ("Each family will get Rs 2 lakh as compensation.", "Rs 2 lakh", 200_000, "INR"),
    ("The scheme costs ₹1.5 lakh crore over five years.", "₹1.5 lakh crore", 1_500_000_000_000, "INR"),
    ("The insurer set aside Rs 1,00,000 per claim.", "Rs 1,00,000", 100_000, "INR"),
    ("The club's owners paid £1.2bn for the stadium.", "£1.2bn", 1_200_000_000, "GBP"),
    ("Bidding for the painting opened at $2000.", "$2000", 2000, "USD"),
    ("The raffle raised $2000 for the shelter.", "$2000", 2000, "USD"),
    ("The central bank holds USD 5 million in gold.", "USD 5 million", 5_000_000, "USD"),
    ("The carrier was fined 3 million US dollars.", "3 million US dollars", 3_000_000, "USD"),
    ("The deal was worth 7 million USD.", "7 million USD", 7_000_000, "USD"),
    ("The hostel charges 2000 USD.", "2000 USD", 2000, "USD"),
    ("Jakarta pledged Rp 12 trillion to the new capital.", "Rp 12 trillion", 12_000_000_000_000, "IDR"),
    ("The fund invested NZ$40 million in wind farms.", "NZ$40 million", 40_000_000, "NZD"),
    ("Petrobras paid R$2.1 billion in dividends.", "R$2.1 billion", 2_100_000_000, "BRL"),
    ("The ministry froze NIS 700 million in transfers.", "NIS 700 million", 700_000_000, "ILS"),
    ("Lagos approved a ₦1.2 trillion budget.", "₦1.2 trillion", 1_200_000_000_000, "NGN"),
    ("The deal values the startup at 4.5 billion Hong Kong dollars.", "4.5 billion Hong Kong dollars", 4.5e9, "HKD"),
    ("Exporters earned 80 billion rand last year.", "80 billion rand", 80e9, "ZAR"),
    ("The company reported a profit of $5 mln.", "$5 mln", 5_000_000, "USD"),
    ("Analysts expect sales of $1.2 bln.", "$1.2 bln", 1_200_000_000, "USD"),
    ("The board declared a dividend of 45 cents per share.", "45 cents", 0.45, "USD"),
    ("A second-class stamp now costs 85 pence.", "85 pence", 0.85, "GBP"),
    ("Manila released Php 500 million for evacuees.", "Php 500 million", 500_000_000, "PHP"),
    ("The shares closed at 245p on Friday.", "245p", 2.45, "GBP"),
    ("A pint now costs £4.60, up 20p.", "20p", 0.2, "GBP"),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit"), CURRENCIES)
def test_currency(text, mention, value, unit):
    fig = _found(text, mention)
    assert fig.value == pytest.approx(value, rel=1e-6)
    assert (fig.unit, fig.kind) == (unit, "money")


SCALES = [
    # text, mention, value, unit
    ("The ministry will reach 4 hundred million people.", "4 hundred million", 400_000_000, None),
    ("Default rates stayed at .001 per cent.", ".001 per cent", 0.001, "percent"),
    ("The new depot covers 1520 sq m near the docks.", "1520 sq m", 1520, "m2"),
    ("Offices of 12,000 sq ft were leased.", "12,000 sq ft", 12_000, "sq ft"),
    ("The 300-acre vineyard was sold.", "300-acre", 300, "acres"),
    ("The fire razed 300 sq. m of market stalls.", "300 sq. m", 300, "m2"),
    ("One fourth of the harvest was lost to hail.", "One fourth", 25, "percent"),
    ("Three fourths of the seats went to the coalition.", "Three fourths", 75, "percent"),
    ("An eighth of the fleet is grounded.", "An eighth", 12.5, "percent"),
    ("The province has 2.3m residents.", "2.3m", 2_300_000, None),
    ("The app now has 50k users.", "50k", 50_000, None),
    ("Refiners bought 2m tonnes of crude.", "2m tonnes", 2_000_000, "t"),
    ("Unemployment fell to 3.9pct in May.", "3.9pct", 3.9, "percent"),
    ("The census counted 12,34,567 households.", "12,34,567", 1_234_567, None),
    ("A quarter of a million fans lined the route.", "A quarter of a million", 250_000, None),
    ("Nearly three-quarters of a million homes lost power.", "Nearly three-quarters of a million", 750_000, None),
    ("The insurer paid out half of a billion dollars.", "half of a billion dollars", 500_000_000, "USD"),
    ("About two-and-a-half million people watched.", "About two-and-a-half million", 2_500_000, None),
    ("Some one and a half million voters stayed home.", "Some one and a half million", 1_500_000, None),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit"), SCALES)
def test_scale_and_notation(text, mention, value, unit):
    fig = _found(text, mention)
    assert fig.value == pytest.approx(value, rel=1e-3)
    assert fig.unit == unit


MULTIPLIERS = [
    # text, mention, value
    ("Profits rose sixfold after the merger.", "sixfold", 6),
    ("Downloads jumped tenfold in a week.", "tenfold", 10),
    ("Usage grew 10-fold over the summer.", "10-fold", 10),
    ("The chipmaker trades at 6.5 times earnings.", "6.5 times", 6.5),
    ("The bid values the club at 12 times revenue.", "12 times", 12),
    ("The buyout was priced at 12.5x EBITDA.", "12.5x", 12.5),
    ("Rents are now three times higher than in 2015.", "three times", 3),
    ("The flood left twice as many homeless as the last one.", "twice", 2),
    ("The reported toll is 70 times the official figure.", "70 times", 70),
    ("The group trades at 14 times forward earnings.", "14 times", 14),
]


@pytest.mark.parametrize(("text", "mention", "value"), MULTIPLIERS)
def test_multiplier(text, mention, value):
    fig = _found(text, mention)
    assert (fig.value, fig.unit, fig.kind) == (value, "times", "multiplier")


RANGES_AND_CHANGES = [
    # text, the figures in order as (mention, value, value_max, qualifier)
    ("Growth will be between 5% and 6% this year.", [("between 5% and 6%", 5, 6, "range")]),
    ("Analysts see margins of 8 per cent to 9 per cent.", [("8 per cent to 9 per cent", 8, 9, "range")]),
    ("Fares will rise 5% to 7% next spring.", [("5% to 7%", 5, 7, "range")]),
    ("The fund lost between €2bn and €3bn.", [("between €2bn and €3bn", 2e9, 3e9, "range")]),
    ("Turnout was between 60 and 65 per cent.", [("between 60 and 65 per cent", 60, 65, "range")]),
    (
        "Exports increased by $43.6 billion to $419.2 billion.",
        [("$43.6 billion", 43.6e9, None, "exact"), ("$419.2 billion", 419.2e9, None, "exact")],
    ),
    (
        "The deficit narrowed by £3bn to £45bn.",
        [("£3bn", 3e9, None, "exact"), ("£45bn", 45e9, None, "exact")],
    ),
    ("The club's wins rose from 36 to 55.", [("36", 36, None, "exact"), ("55", 55, None, "exact")]),
    ("Margins rose from 8% to 11%.", [("8%", 8, None, "exact"), ("11%", 11, None, "exact")]),
    ("Shares fell 3% to $41.", [("3%", 3, None, "exact"), ("$41", 41, None, "exact")]),
    ("GDP shrank -1.3% in the quarter.", [("-1.3%", -1.3, None, "exact")]),
    ("Retail sales moved −0.4 per cent in March.", [("−0.4 per cent", -0.4, None, "exact")]),
    ("Bond yields were (-0.25%) at the close.", [("-0.25%", -0.25, None, "exact")]),
    ("The quarterly loss widened to -$3.2 million.", [("-$3.2 million", -3.2e6, None, "exact")]),
    ("Deposit rates sank to minus 0.5 per cent.", [("minus 0.5 per cent", -0.5, None, "exact")]),
    (
        "Debt increased from $1.2 trillion in 2022 to $1.5 trillion.",
        [("$1.2 trillion", 1.2e12, None, "exact"), ("$1.5 trillion", 1.5e12, None, "exact")],
    ),
    (
        "Jobless claims fell by 12,000 to 220,000.",
        [("12,000", 12_000, None, "exact"), ("220,000", 220_000, None, "exact")],
    ),
    ("Some 2,000-3,000 fans waited outside.", [("Some 2,000-3,000", 2000, 3000, "range")]),
    ("Growth was revised up to 0.4% on Friday.", [("0.4%", 0.4, None, "exact")]),
    ("The carmaker will cut 300 to 700 jobs.", [("300 to 700", 300, 700, "range")]),
    ("Gold fell $12 to $1,980 an ounce.", [("$12", 12, None, "exact"), ("$1,980", 1980, None, "exact")]),
    ("Each flight carries up to 180 people.", [("up to 180", 180, None, "max")]),
    ("Repairs will cost $5 million-$6 million.", [("$5 million-$6 million", 5e6, 6e6, "range")]),
    ("The startup sought $5-6 million from backers.", [("$5-6 million", 5e6, 6e6, "range")]),
    ("Seats cost 5,000 to 6,000 yen.", [("5,000 to 6,000 yen", 5000, 6000, "range")]),
    ("Prices swung 10 - 12 points.", [("10 - 12", 10, 12, "range")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES_AND_CHANGES)
def test_range_or_change(text, expected):
    figures, _ = scan(text)
    got = [(f.mention(text), f.value, f.value_max, f.qualifier) for f in figures]
    assert got == [(m, pytest.approx(v), None if x is None else pytest.approx(x), q) for m, v, x, q in expected]


FRACTIONS = [
    # text, mention, value, qualifier
    ("About half of the staff now work from home.", "About half", 50, "approx"),
    ("More than a third of households lost power.", "More than a third", 33.33, "min"),
    ("Nearly two-thirds of shareholders backed the bid.", "Nearly two-thirds", 66.67, "approx"),
    ("Less than a quarter of the forest survived.", "Less than a quarter", 25, "max"),
    ("One-fourth of the squad is injured.", "One-fourth", 25, "exact"),
    ("Employment grew by a fifth in a year.", "a fifth", 20, "exact"),
    ("Costs were cut by half, the firm said.", "half", 50, "exact"),
    ("The index fell by two-thirds to 40.", "two-thirds", 66.67, "exact"),
    ("About 3/4 of the land is arable.", "About 3/4", 75, "approx"),
    ("Some 2/3 of voters agreed.", "Some 2/3", 66.67, "approx"),
]


@pytest.mark.parametrize(("text", "mention", "value", "qualifier"), FRACTIONS)
def test_fraction(text, mention, value, qualifier):
    fig = _found(text, mention)
    assert (fig.value, fig.qualifier, fig.unit) == (pytest.approx(value), qualifier, "percent")


NOT_CLAIMS = [
    # text, the number that must not come out as a figure
    ("The V8 makes 450 horsepower.", "450"),
    ("Its turbo engine delivers 300 hp at full revs.", "300"),
    ("The hybrid returns 58 mpg on the motorway.", "58"),
    ("The sedan manages 41 miles per gallon.", "41"),
    ("The challenger weighed 220 pounds at the weigh-in.", "220"),
    ("The 240-pound linebacker was carted off.", "240"),
    ("The rookie ran for 112 yards on Sunday.", "112"),
    ("He kicked a 52-yard field goal.", "52"),
    ("The phone ships with 256GB of storage.", "256"),
    ("The solar farm will generate 500 megawatts.", "500"),
    ("Apple cut the price of the iPhone 11 again.", "11"),
    ("The PlayStation 5 sold out in minutes.", "5"),
    ("Regulators grounded the 737 Max jets in March.", "737"),
    ("The carrier ordered more 787 Dreamliner planes.", "787"),
    ("The blaze began at 358 El Brillo Way overnight.", "358"),
    ("Police sealed off 10 Downing Street.", "10"),
    ("Her office is at 1600 Pennsylvania Avenue.", "1600"),
    ("The S&P 500 rose on Friday.", "500"),
    ("Apple pushed iOS 17 to 1 billion devices.", "17"),
    ("The tablet runs Android 14 out of the box.", "14"),
    ("The FTSE 100 slipped at the open.", "100"),
    ("The top 10 lenders hold most deposits.", "10"),
    ("The striker scored twice in the second half.", "twice"),
    ("The winger scored twice as the hosts came back.", "twice"),
    ("The keeper was beaten three times before the break.", "three"),
    ("She won the 400m hurdles in Rome.", "400"),
    ("The visitors were 2-0 up at the break.", "2"),
    ("The visitors were 2-0 up at the break.", "0"),
    ("The Celtics edged the Heat 104–101 on Friday.", "104"),
    ("The foundry moved to a 3-nanometre process.", "3"),
    ("She anchored the 4x100m relay.", "4"),
    ("The console runs a 64-bit, 8-core chip.", "64"),
    ("The console runs a 64-bit, 8-core chip.", "8"),
    ("A 40-storey tower will replace the mall.", "40"),
    ("The opposition unveiled a 10-point plan.", "10"),
    ("The swell reached 5m off the cape.", "5"),
    ("The central bank cut rates by a quarter point.", "quarter"),
    ("Fibre lines reach 900 Mbps in the city.", "900"),
    ("The firm matches 401(k) savings.", "401"),
    ("The hatchback's 0-60 time is 7 seconds.", "0"),
    ("The hatchback's 0-60 time is 7 seconds.", "60"),
    ("He retired at 10 p.m. on Sunday.", "10"),
    ("The tractor's 6.7-litre diesel pulls hard.", "6.7"),
    ("The 2.0-litre turbo develops 300 PS and 400 Nm.", "300"),
    ("The 2.0-litre turbo develops 300 PS and 400 Nm.", "400"),
    ("The bakery at 42 Rue Cler closed.", "42"),
    ("7-Eleven's owner rejected the bid.", "7"),
    ("The quarterback, listed at 6-foot-4 and 225 pounds, signed on Friday.", "225"),
    ("The 6ft 1in, 92kg lock was named captain.", "92"),
    ("The hatchback is powered by a 1.5-liter four-cylinder.", "four"),
    ("The firm sold its 12-storey block at 221 West 57th Street.", "221"),
    ("On a scale of 1 to 10, customers rated it 8.", "1"),
    ("7-Eleven's owner rejected the bid.", "Eleven"),
    ("Price: $1,299. Weight: 1.2kg.", "1.2"),
]


STILL_CLAIMS = [
    # text, mention: look-alikes of the not-claims above that are counts
    ("Wildfire Destroys 300 Homes On Ridge Road", "300"),
    ("Clinics treated 500 TB patients last year.", "500"),
    ("Some 300 core staff stayed on.", "Some 300"),
    ("The team won 12 of its 15 games.", "12"),
    ("Apple pushed iOS 17 to 1 billion devices.", "1 billion"),
    ("The top 5% of earners pay 60% of income tax.", "5%"),
]


@pytest.mark.parametrize(("text", "mention"), STILL_CLAIMS)
def test_still_a_claim(text, mention):
    _found(text, mention)


@pytest.mark.parametrize(("text", "number"), NOT_CLAIMS)
def test_not_a_claim(text, number):
    figures, _ = scan(text)
    start = text.index(number)
    assert not [f for f in figures if f.core_start <= start < f.core_end], [f.mention(text) for f in figures]


def _found(text: str, mention: str):
    figures, _ = scan(text)
    found = {f.mention(text): f for f in figures}
    assert mention in found, f"{mention!r} not found in {sorted(found)}"
    return found[mention]
