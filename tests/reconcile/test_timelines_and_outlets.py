"""A report's main count, its headline's rounding, "last week", and an outlet named by
description: on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from crosstally.claims import Claim
from crosstally.reconcile.flags import Estimate, revisions
from crosstally.reconcile.frames import Frame
from crosstally.reconcile.run import mostly_counted
from crosstally.reconcile.sources import DescribedBodies
from crosstally.reconcile.timing import DocumentDate, statement_times


def _claim(value: float, qualifier: str, start: int = 0, time_text: str | None = None) -> Claim:
    return Claim(
        "d",
        start,
        start + 1,
        "x",
        value,
        None,
        qualifier,
        None,
        None,
        "people",
        "arrested",
        None,
        None,
        time_text,
        None,
        None,
    )


def test_a_bare_tally_counts_what_the_report_mostly_counts_parts_with_their_whole():
    """ "An earlier tally came to 1,195" after one count of deaths and a national count
    of arrests broken down by district: the arrests, whole."""
    arrested = Frame("people", "arrested")
    dead = Frame("people", "dead")
    seen = [arrested, dead, *(replace(arrested, scope=s) for s in ("bogra", "gazipur", "rangpur")), dead]
    assert mostly_counted(seen) == arrested
    # only parts seen: the latest part stands for them
    parts = [replace(arrested, scope="bogra"), replace(arrested, scope="gazipur")]
    assert mostly_counted(parts) == parts[-1]


def _estimates(*claims_and_days: tuple[Claim, date]) -> list[Estimate]:
    return [
        Estimate(replace(c, start=i), "source-a", "Source A", day, None, None)
        for i, (c, day) in enumerate(claims_and_days)
    ]


def test_a_later_bound_holding_the_earlier_count_is_no_revision():
    """9,121 arrests on Saturday, then "more than 9,000" in Tuesday's headline: the same
    count rounded. "At least 600" and then 658 is the count firmed up: a revision."""
    rounded = _estimates((_claim(9121, "exact"), date(2024, 7, 27)), (_claim(9000, "min"), date(2024, 7, 30)))
    assert revisions(rounded) == []
    firmed = _estimates((_claim(600, "min"), date(2024, 6, 19)), (_claim(658, "exact"), date(2024, 6, 20)))
    assert [(r.earlier.claim.value, r.later.claim.value) for r in revisions(firmed)] == [(600, 658)]


def test_last_week_sorts_a_week_before_the_report():
    text = "The group said last week that 819 people had died. On Saturday police counted 9,121 arrests."
    claims = [replace(_claim(819, "exact", 30, "last week"), evidence_start=0, evidence_end=50)]
    (time,) = statement_times(claims, text, DocumentDate(date(2024, 8, 30), "metadata"))
    assert time.text == "2024-08" and time.day == date(2024, 8, 23)


def test_an_outlet_described_where_it_is_named_is_the_one_the_description_means():
    text = (
        "Independent counts are higher. Dainik Sangbad, the Bengali-language daily, had recorded 209 deaths by "
        "Saturday. The newspaper, which could not reach every hospital, now counts 211 dead."
    )
    described = DescribedBodies(text, ["Dainik Sangbad", "newspaper"])
    assert described.of("newspaper", text.index("211")) == "Dainik Sangbad"
    assert described.of("The paper", text.index("211")) == "Dainik Sangbad"
    # no outlet described before: nothing to resolve to
    assert DescribedBodies("The newspaper counts 211 dead.", ["newspaper"]).of("newspaper", 20) is None


def test_its_ministry_is_the_country_named_just_before():
    text = "Floods reached Peru's north as well. Its health ministry reported on Friday that 61 people had died."
    described = DescribedBodies(text, ["Its health ministry"])
    assert described.of("Its health ministry", text.index("61")) == "Peru's health ministry"
    # two countries, each with "its" ministry: each the one named just before it
    two = (
        "Floods reached Peru's north. Its health ministry said 61 people had died. Chile reported no figure until "
        "Friday. Its health ministry then said 14 people had died."
    )
    both = DescribedBodies(two, ["Its health ministry"])
    assert both.of("Its health ministry", two.index("61")) == "Peru's health ministry"
    assert both.of("Its health ministry", two.index("14")) == "Chile's health ministry"
    # "its spokesman" is a person's word, not a body's
    assert DescribedBodies(two, ["Its spokesman"]).of("Its spokesman", two.index("14")) is None
    # a body of that kind named in full before it is the one meant
    named = "Peru's Ministry of Health said 40 had died. Its health ministry later said 61."
    assert (
        DescribedBodies(named, ["Peru's Ministry of Health", "Its health ministry"]).of(
            "Its health ministry", named.index("61")
        )
        == "Peru's Ministry of Health"
    )
    assert (
        DescribedBodies("Its health ministry said 61 had died.", ["Its health ministry"]).of("Its health ministry", 30)
        is None
    )


def test_a_country_named_with_a_figure_is_no_place_apart_from_a_city():
    """40 dead "in Cusco", then Peru's ministry "put its count at 52": one count going on
    (the country is whose count it is); two towns' or two countries' counts are no
    timeline."""
    counted = _estimates(
        (replace(_claim(40, "exact"), location="Cusco"), date(2024, 2, 5)),
        (replace(_claim(52, "exact"), location="Peru"), date(2024, 2, 8)),
    )
    assert [(r.earlier.claim.value, r.later.claim.value) for r in revisions(counted)] == [(40, 52)]
    countries = _estimates(
        (replace(_claim(400, "exact"), location="Peru"), date(2024, 2, 5)),
        (replace(_claim(90, "exact"), location="Ecuador"), date(2024, 2, 8)),
    )
    assert revisions(countries) == []
    towns = _estimates(
        (replace(_claim(5, "exact"), location="Nova Kakhovka"), date(2023, 6, 7)),
        (replace(_claim(3, "exact"), location="Oleshky"), date(2023, 6, 8)),
    )
    assert revisions(towns) == []


def test_a_minister_and_the_ministry_the_title_names_keep_one_count(nlp):
    from crosstally.ingest import claims_of, reconcile_batch
    from crosstally.read import Document

    docs = [
        Document(
            "m1.txt",
            "Floods in the south\nInterior Minister Ana Ruiz said on Monday that 12 people were missing after the "
            "river burst its banks near Valmora. Ruiz said rescuers had reached every village.\n",
            outlet="Outlet A",
            published=date(2024, 3, 4),
        ),
        Document(
            "m2.txt",
            "Missing count falls\nThe interior ministry said on Thursday that nine people were still missing after "
            "the floods near Valmora. The Red Cross said on Thursday that 30 people were missing.\n",
            outlet="Outlet B",
            published=date(2024, 3, 7),
        ),
    ]
    claims = claims_of(docs)
    rec = reconcile_batch(docs, claims)
    by_span = {(c.doc, c.start): c.mention for c in claims}
    revised = {(by_span[f.first[:2]], by_span[f.second[:2]]) for f in rec.flags if f.type == "revision"}
    assert ("12", "nine") in revised  # one body's count, though the Red Cross disputes it
    conflicts = {frozenset((by_span[f.first[:2]], by_span[f.second[:2]])) for f in rec.flags if f.type == "conflict"}
    assert conflicts == {frozenset(("nine", "30"))}


def test_a_bodys_lowercase_description_is_the_body_the_report_names():
    """A headline's "Rights commission" and "Ghana's rights commission" describe the one
    commission the report names in full; a second body with "rights" in its name, named in
    another report of the story, does not take them."""
    text = (
        "Rights commission counts 39 deaths\n\nThirty-nine people have died, the National Commission on Human "
        "Rights said. Ghana's rights commission said 17 of them died in the capital."
    )
    names = ["Rights commission", "National Commission on Human Rights", "Ghana's rights commission"]
    described = DescribedBodies(text, names)
    full = "National Commission on Human Rights"
    assert described.of("Rights commission", text.index("39")) == full
    assert described.of("Ghana's rights commission", text.index("17")) == full
    assert described.of("National Commission on Human Rights", 0) is None  # named in full already
