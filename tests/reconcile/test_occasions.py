"""A story of several gatherings counts each one on its own; a disaster's toll stays one."""

from __future__ import annotations

from datetime import date

from crosstally.read import Document
from crosstally.reconcile.occasions import OccasionInput, occasions


def _item(n: int, state: str, day: int, *, dated: bool = True, running: bool = False, scope: str = ""):
    return OccasionInput(("a.txt", n * 100), state, scope, date(2023, 3, day), dated, running)


def test_gatherings_days_apart_are_occasions_named_by_their_first_day():
    found = occasions(
        [
            _item(1, "turnout", 7),
            _item(2, "turnout", 8),
            _item(3, "arrested", 8),
            _item(4, "turnout", 15),
            _item(5, "injured", 16),
        ]
    )
    assert found == {
        ("a.txt", 100): "mar-7",
        ("a.txt", 200): "mar-7",
        ("a.txt", 300): "mar-7",
        ("a.txt", 400): "mar-15",
        ("a.txt", 500): "mar-15",
    }


def test_one_gathering_reported_over_days_is_no_occasion_at_all():
    assert occasions([_item(1, "turnout", 7), _item(2, "turnout", 8), _item(3, "dead", 12)]) == {}


def test_a_disaster_toll_over_many_days_is_never_split():
    assert occasions([_item(n, "dead", day) for n, day in enumerate((1, 3, 6, 10, 15), start=1)]) == {}


def test_running_totals_and_earlier_years_stay_whole():
    found = occasions(
        [
            _item(1, "turnout", 7),
            _item(2, "turnout", 15),
            _item(3, "arrested", 16, running=True),
            _item(4, "turnout", 15, scope="event-2010"),
        ]
    )
    assert ("a.txt", 300) not in found and ("a.txt", 400) not in found


def test_an_undated_figure_speaks_of_the_gathering_named_just_before():
    found = occasions([_item(1, "turnout", 7), _item(2, "turnout", 15), _item(3, "turnout", 15, dated=False)])
    assert found[("a.txt", 300)] == "mar-15"
    moved = occasions([_item(1, "turnout", 15), _item(2, "turnout", 7), _item(3, "turnout", 15, dated=False)])
    assert moved[("a.txt", 300)] == "mar-7"


def _doc(name: str, text: str, day: int) -> Document:
    return Document(name, text, title=None, outlet=f"Outlet {name}", published=date(2023, 3, day))


STORY = [
    _doc(
        "first.txt",
        "Pension strike fills Valmora streets\n"
        "More than 1.2 million people marched across the country on Tuesday against the pension reform, "
        "the General Workers' Confederation said. The interior ministry put the number of marchers at "
        "480,000. Police said 31 people were arrested in Valmora on Tuesday night.\n",
        8,
    ),
    _doc(
        "second.txt",
        "Second strike day\n"
        "The General Workers' Confederation said 1.5 million people took part in the marches on Wednesday, "
        "while the interior ministry counted 560,000 protesters. Police said 45 people were arrested on "
        "Wednesday night in Valmora, bringing the number arrested since the protests began to 76.\n",
        16,
    ),
]


def test_each_march_is_a_measure_and_the_rival_counts_of_one_march_conflict(nlp):
    from crosstally.ingest import claims_of, reconcile_batch

    claims = claims_of(STORY)
    measure = {c.mention: c.measure for c in claims}
    assert measure["More than 1.2 million"] == measure["480,000"]
    assert measure["1.5 million"] == measure["560,000"]
    assert measure["1.5 million"] != measure["More than 1.2 million"]
    assert measure["31"] != measure["45"]
    assert measure["76"] not in (measure["31"], measure["45"])
    rec = reconcile_batch(STORY, claims)
    conflicts = {
        frozenset(c.mention for c in claims if (c.doc, c.start) in {f.first[:2], f.second[:2]})
        for f in rec.flags
        if f.type == "conflict"
    }
    assert conflicts == {frozenset({"More than 1.2 million", "480,000"}), frozenset({"1.5 million", "560,000"})}
    assert not any(f.type == "revision" and f.measure == measure["31"] for f in rec.flags)


def test_a_city_within_a_national_turnout_is_a_part_of_that_day(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "a.txt",
            "Pension protests\nPolice said 1.28 million people protested across France on Tuesday, including "
            "93,000 in Paris. The CGT union said 3.5 million marched nationwide, 800,000 of them in Paris.\n",
            8,
        ),
        _doc(
            "b.txt",
            "Pension protests again\nThe interior ministry said 740,000 people marched across the country on "
            "Wednesday, 119,000 of them in Paris. The CGT said 2 million people took part.\n",
            16,
        ),
    ]
    measure = {c.mention: c.measure for c in claims_of(docs)}
    assert measure["1.28 million"] == measure["3.5 million"]
    assert measure["93,000"] == measure["800,000"] != measure["1.28 million"]
    assert measure["740,000"] == measure["2 million"] != measure["1.28 million"]
    assert measure["119,000"] not in (measure["93,000"], measure["740,000"])


def test_each_nights_detentions_are_that_nights_and_the_total_stays_whole():
    found = occasions(
        [
            _item(1, "turnout", 5),
            _item(2, "turnout", 12),
            _item(3, "arrested", 10, dated=True, running=False, scope=""),
        ]
    )
    assert found[("a.txt", 300)] == "mar-10"
    nights = occasions(
        [
            _item(1, "turnout", 5),
            _item(2, "turnout", 12),
            OccasionInput(("a.txt", 300), "arrested", "", date(2023, 3, 6), period=True),
            OccasionInput(("a.txt", 400), "arrested", "", date(2023, 3, 7), period=True),
            OccasionInput(("a.txt", 500), "arrested", "", date(2023, 3, 8), running=True),
        ]
    )
    assert nights[("a.txt", 300)] == "mar-6" and nights[("a.txt", 400)] == "mar-7"
    assert ("a.txt", 500) not in nights


def test_the_words_of_a_gathering_and_of_one_night(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "n1.txt",
            "Minsk crowds\nA reporter estimated the march in Valmora on Sunday at around 200,000. The ministry said "
            "some 3,000 people had been detained on election night.\n",
            10,
        ),
        _doc(
            "n2.txt",
            "Second Sunday\nAbout 100,000 people gathered in Valmora on Sunday, the rights group said. The ministry "
            "reported more than 2,000 detentions over the previous 24 hours.\n",
            17,
        ),
    ]
    claims = claims_of(docs)
    measure = {c.mention: c.measure for c in claims}
    assert "turnout" in measure["around 200,000"] and "turnout" in measure["About 100,000"]
    assert measure["around 200,000"] != measure["About 100,000"]
    assert "arrested" in measure["more than 2,000"]
    assert measure["some 3,000"] != measure["more than 2,000"]


def test_that_crowd_is_counted_on_the_day_of_the_march_named_before(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "m1.txt",
            "Valmora marches again\nOrganisers said 900,000 people marched on Sunday. The previous Sunday's march "
            "drew 600,000, they said. The police had put that crowd at 150,000.\n",
            13,
        ),
    ]
    claims = {c.mention: c for c in claims_of(docs)}
    assert claims["150,000"].date == "2023-03-05"
    assert claims["150,000"].measure == claims["600,000"].measure != claims["900,000"].measure


def test_a_figure_set_against_an_earlier_march_dates_nothing_after_it(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "c1.txt",
            "Dockers march\nOrganisers said 70,000 people marched in the port on Sunday.\n",
            5,
        ),
        _doc(
            "c2.txt",
            "Smaller crowds\nFewer people took part in Sunday's marches. Police counted 21,000 marchers, down from "
            "30,000 on March 5. Organisers said more than 50,000 had joined the marches.\n",
            12,
        ),
    ]
    claims = {c.mention: c for c in claims_of(docs)}
    assert claims["more than 50,000"].date == "2023-03-12"
    assert claims["more than 50,000"].measure == claims["21,000"].measure != claims["70,000"].measure


NATIONAL = [
    _doc(
        "t1.txt",
        "Strike day\nUnions said 450,000 people marched across Portugal on Tuesday, while the interior ministry put "
        "the turnout at 180,000. In Lisbon alone, the dockers' federation counted 120,000 marchers; police put it "
        "at 35,000.\n",
        7,
    ),
    _doc(
        "t2.txt",
        "Second strike day in Portugal\nThe interior ministry counted 95,000 demonstrators nationwide on Tuesday. "
        "Organisers in Porto estimated the crowd there at 40,000, and police put it at 12,000.\n",
        14,
    ),
]


def test_a_towns_turnout_in_a_national_story_is_that_towns_own(nlp):
    from crosstally.ingest import claims_of

    measure = {c.mention: c.measure for c in claims_of(NATIONAL)}
    assert measure["450,000"] == measure["180,000"]
    assert measure["120,000"] == measure["35,000"] != measure["450,000"]
    assert measure["40,000"] == measure["12,000"] != measure["95,000"]
    assert "lisbon" in measure["120,000"] and "porto" in measure["40,000"]


def test_in_a_story_of_one_towns_marches_that_town_is_the_whole(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "o1.txt",
            "Bilbao marches\nOrganisers said 90,000 people marched in Bilbao on Sunday. Police put the crowd in "
            "Bilbao at 30,000. In Seville, about 2,000 people marched.\n",
            5,
        ),
        _doc(
            "o2.txt",
            "Bilbao again\nAbout 60,000 people rallied on Sunday, organisers said. The police said 20,000 had "
            "gathered in Bilbao.\n",
            12,
        ),
    ]
    measure = {c.mention: c.measure for c in claims_of(docs)}
    assert measure["90,000"] == measure["30,000"]
    assert measure["About 60,000"] == measure["20,000"]
    assert "turnout-bilbao" not in measure["90,000"]
    assert "turnout-seville" in measure["about 2,000"]


def test_a_turnout_counted_across_the_country_is_no_towns():
    from crosstally.reconcile.towns import TownInput, town_turnouts

    items = [
        TownInput(("a.txt", 1), "turnout", "", "Portugal", True),
        TownInput(("a.txt", 2), "turnout", "", "Lisbon", True),  # "nationwide, Lisbon's unions said"
        TownInput(("a.txt", 3), "turnout", "", "Porto", False),
    ]
    assert town_turnouts(items, []) == {("a.txt", 3): "porto"}


def test_things_that_take_part_are_no_crowd_and_split_no_toll(nlp):
    """ "Nearly 30 countries took part" in a donors' conference, "120 clinics attended by
    doctors": no gathering of people, so a blast's toll over ten days stays one measure."""
    from crosstally.ingest import claims_of

    story = [
        _doc("a.txt", "Port blast in Corvia\nThe health ministry said 78 people had died in the port blast.\n", 5),
        _doc(
            "b.txt",
            "Corvia blast toll reaches 171\nThe toll from last week's port blast rose to 171, the health ministry "
            "said on Tuesday. Donors pledged aid at a conference on Sunday; nearly 30 countries took part.\n",
            11,
        ),
        _doc(
            "c.txt",
            "Corvia schools\nThe health ministry said 180 had died in the port blast. Some 120 clinics, attended "
            "by most of the city's families, were damaged, the ministry said on Friday.\n",
            14,
        ),
    ]
    measure = {c.mention: c.measure for c in claims_of(story)}
    assert measure["78"] == measure["171"] == measure["180"]
