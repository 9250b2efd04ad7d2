"""Which version of a statement is the slip, and which report stands for a step of a
timeline: small stories of our own, extracted and reconciled end to end."""

from __future__ import annotations

from datetime import date

import pytest

from crosstally.extract import DocumentText, extract_many
from crosstally.ingest import reconcile_batch
from crosstally.read import Document
from crosstally.reconcile.view import view_from


def _doc(name: str, text: str, outlet: str, day: int) -> Document:
    return Document(name, text, title=None, outlet=outlet, published=date(2024, 5, day))


LANDSLIDE = [
    # The headline and lede slip (241), while a quote in the same report keeps 214.
    _doc(
        "slip.txt",
        "241 missing after Vellmar landslide\n"
        "VELLMAR, May 7 (Valley Wire) - Regional police said on Tuesday that 241 people were missing after the "
        "landslide in Vellmar.\n"
        "\u201cThe 214 names are only those we could verify,\u201d a police spokesman said.\n",
        "Valley Wire",
        7,
    ),
    _doc(
        "right.txt",
        "Vellmar landslide: Regional police said on Tuesday that 214 people were missing after the landslide "
        "in Vellmar, where rescuers dug through mud for a third day.\n",
        "Mountain Herald",
        7,
    ),
    # A week later 224, "up from 214 a week earlier": two statements a digit apart, no slip.
    _doc(
        "later.txt",
        "Vellmar landslide search: Regional police said on Tuesday that 224 people were missing after the "
        "landslide in Vellmar, up from 214 a week earlier.\n",
        "Alpine Times",
        14,
    ),
]


def _view_of(docs: list[Document]):
    """Extract and reconcile `docs` as one batch; the view every report renders."""
    claims = [c for group in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in group]
    return view_from(reconcile_batch(docs, claims), claims, docs)


def _steps(view) -> list[tuple[float, float]]:
    """The (earlier, later) values of every revision the view flags."""
    return [(r.earlier.claim.value, r.later.claim.value) for m in view.measures for r in m.revisions]


@pytest.fixture(scope="module")
def view(nlp):
    return _view_of(LANDSLIDE)


def _missing(view):
    return next(m for m in view.measures if m.measure.endswith("missing"))


def test_the_slip_is_the_version_whose_report_also_writes_the_other(view):
    slips = [q for q in view.misquotes if {q.odd.claim.value, q.usual.claim.value} == {214, 241}]
    assert len(slips) == 1
    assert slips[0].odd.claim.doc == "slip.txt" and slips[0].odd.claim.value == 241
    assert slips[0].usual.claim.value == 214 and slips[0].usual.claim.doc != "slip.txt"


def test_close_figures_a_week_apart_or_in_one_report_are_no_slip(view):
    assert not any(224 in (q.odd.claim.value, q.usual.claim.value) for q in view.misquotes)


def test_a_timeline_step_is_its_first_report_and_leaves_the_slip_out(view):
    steps = [(r.earlier.claim.value, r.later.claim.value) for r in _missing(view).revisions]
    assert (214, 224) in steps
    assert not any(241 in step for step in steps)


WIRE = (
    "Reservoir drains after Novyi dam breach\n"
    "NOVYI (Basin Wire) - Regional governor Olena Marchuk said on Wednesday that 68% of the flooded area "
    "lay on the far bank of the river, where rescue teams from neighbouring districts had not yet been able to "
    "reach villages cut off by the water, and that pumping stations along the canal had stopped working.\n"
)


def test_a_copy_that_changes_a_figure_is_the_odd_one(nlp):
    copy = WIRE.replace("68%", "86%").replace("Reservoir drains", "Reservoir empties")
    docs = [_doc("wire.txt", WIRE, "Basin Wire", 8), _doc("copy.txt", copy, "Copy Daily", 9)]
    view = _view_of(docs)
    (slip,) = [q for q in view.misquotes if q.odd.claim.value == 86]
    assert slip.odd.claim.doc == "copy.txt" and slip.usual.claim.value == 68


def test_a_headline_that_changes_the_state_is_the_odd_one(nlp):
    text = (
        "Novyi flood toll reaches 28\n"
        "Interior Minister Ivan Petrenko said 21 people had died in the Novyi floods. He said 28 people had been "
        "injured.\n"
    )
    docs = [_doc("toll.txt", text, "Plain Times", 9)]
    view = _view_of(docs)
    (slip,) = [q for q in view.misquotes if q.odd.claim.value == 28]
    assert slip.odd.claim.start < 30 < slip.usual.claim.start


def test_a_figure_lowered_within_a_day_is_a_revision(nlp):
    text = (
        "Vellmar search\n"
        "Regional police said on Tuesday that 242 people were missing as of 9 a.m. in Vellmar; by 2 p.m. the "
        "police had lowered that figure to 222 missing.\n"
    )
    docs = [_doc("day.txt", text, "Valley Wire", 7)]
    view = _view_of(docs)
    steps = _steps(view)
    assert (242, 222) in steps


def test_clock_times():
    from crosstally.reconcile.flags import clock

    sentence = "242 were missing as of 9 a.m.; by 2 p.m. the police had lowered that figure to 222."
    assert clock(sentence, 0) == 540
    assert clock(sentence, sentence.index("222")) == 840
    assert clock("at 12:30 pm") == 750
    assert clock("on Monday") is None


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [(338, 388, True), (86, 68, True), (323, 332, True), (151, 153, False), (154, 156, False), (200, 300, False)],
)
def test_a_slip_of_the_pen_is_no_count_moving_on(a, b, slip):
    from crosstally.reconcile.misquotes import _slip

    assert _slip(a, b) is slip


def test_a_transposed_toll_that_breaks_its_course_is_the_slip_and_no_conflict(nlp):
    docs = [
        _doc(
            "a.txt",
            "Dunmore flood toll\nSheriff Ann Holt said on Tuesday that 57 people had died in the Dunmore floods.\n",
            "A",
            7,
        ),
        _doc(
            "b.txt",
            "Rescuers search Dunmore valley\nVolunteers with boats kept searching flooded farms along the river "
            "on Tuesday. The death toll in the Dunmore floods stood at 75 on Tuesday, Sheriff Ann Holt told "
            "reporters.\n",
            "B",
            7,
        ),
        _doc(
            "c.txt",
            "Dunmore toll rises again\nThe number of people killed in the Dunmore floods rose to 61 on "
            "Wednesday, according to Sheriff Ann Holt, as crews cleared roads.\n",
            "C",
            8,
        ),
    ]
    view = _view_of(docs)
    (slip,) = [q for q in view.misquotes if {q.odd.claim.value, q.usual.claim.value} == {57, 75}]
    assert slip.odd.claim.doc == "b.txt"
    assert not any(m.conflicts for m in view.measures)


def test_two_figures_carried_the_wrong_way_round_are_both_misquotes(nlp):
    docs = [
        _doc(
            "ministry.txt",
            "Crush toll rises\nThe interior ministry said on Monday that 154 people had died in the Halden crowd "
            "crush. It said on Monday that 149 people had been injured.\n",
            "Ministry Wire",
            13,
        ),
        _doc(
            "swap.txt",
            "What we know about the Halden crush\nBy Monday, the count stood at 149 dead and 154 injured, "
            "officials said on Monday, as families gathered outside hospitals.\n",
            "Swap Daily",
            14,
        ),
    ]
    view = _view_of(docs)
    swapped = {(q.odd.claim.doc, q.odd.claim.value, q.usual.claim.value) for q in view.misquotes}
    assert swapped == {("swap.txt", 149, 149), ("swap.txt", 154, 154)}


def test_a_handful_beside_a_toll_is_no_rival_count(nlp):
    """Two bodies' counts a few times apart conflict; "two" beside a toll of 140 from
    another body is an incident the words did not set apart, not a rival count."""
    view = _view_of(
        [
            _doc(
                "a.txt",
                "Ostrava blast: The regional health ministry said on Sunday that 140 people were killed in the "
                "blast in Ostrava. The fire service said on Sunday that 60 people were killed. Police said on "
                "Sunday that two people were killed.\n",
                "Silesia Wire",
                12,
            )
        ]
    )
    pairs = {tuple(sorted((c.a.claim.value, c.b.claim.value))) for m in view.measures for c in m.conflicts}
    assert (60.0, 140.0) in pairs
    assert not {p for p in pairs if 2.0 in p}, pairs


@pytest.mark.parametrize(
    ("sentence", "figure", "minutes"),
    [
        ("Overnight officials said more than 50 had died; by the morning the count was 81.", "50", 180),
        ("Overnight officials said more than 50 had died; by the morning the count was 81.", "81", 540),
        ("By the morning it stood at 81, and around midday officials gave 97.", "97", 720),
        ("It reached 97 in the late afternoon.", "97", 1020),
        ("It was 242 as of 9 a.m.; by 2 p.m. it was lowered to 222.", "222", 840),
        ("Fire officials put the dead at 149 early on Sunday.", "149", 300),
        ("Earlier in the day the ministry had put the dead at 1,002.", "1,002", 360),
        ("Later that day the ministry said 1,644 had died.", "1,644", 1200),
    ],
)
def test_the_time_of_day_of_a_figure(sentence, figure, minutes):
    from crosstally.reconcile.flags import clock

    assert clock(sentence, sentence.index(figure)) == minutes


def test_figures_a_report_dates_to_two_days_are_a_timeline_not_a_conflict(nlp):
    """One report giving a body's 133 "on Saturday" and another's 137 "on Sunday" tells a
    toll that moved, not two counts at odds."""
    view = _view_of(
        [
            _doc(
                "a.txt",
                "Brno fire toll rises: The regional governor said on Saturday that 133 people were killed in "
                "the Brno fire. The health ministry said on Sunday that 137 people were killed in the fire.\n",
                "Morava Wire",
                13,
            )
        ]
    )
    assert not [c for m in view.measures for c in m.conflicts]


def test_a_body_named_by_description_is_the_one_the_report_named_in_full(nlp):
    """ "The ministry" after "Chile's Ministry of Foreign Affairs" is that ministry, so its
    rising toll is one source's timeline, though another body speaks in between."""
    docs = [
        _doc(
            "a.txt",
            "Climbers lost\nChile's Ministry of Foreign Affairs said on Monday that 12 Chilean climbers had "
            "died in the avalanche. The Alpine Council of Kessel said on Monday that 9 Chilean climbers had died. "
            "On Wednesday the ministry said 19 Chilean climbers had died.\n",
            "A",
            15,
        ),
    ]
    view = _view_of(docs)
    names = {e.source_name for m in view.measures for e in m.estimates if e.claim.value in (12, 19)}
    assert names == {"Chile Ministry of Foreign Affairs"}
    steps = _steps(view)
    assert (12, 19) in steps


def test_the_odd_value_of_one_sources_day_is_no_step_of_its_timeline(nlp):
    """Two reports carry a commission's 284 injured of Monday, a third turns it into 517;
    the commission's later 350 follows the 284, not the slip, whatever the reports' order."""
    said = "The rights commission said on Monday that {} people had been injured in the Tarvo protests."
    docs = [
        _doc("a-slip.txt", "Tarvo protests\n" + said.format(517) + "\n", "A", 7),
        _doc(
            "b.txt",
            "Curfew in Tarvo\nThe city imposed a night curfew after a second day of clashes. By the rights "
            "commission's count, 284 people had been injured, it said on Monday.\n",
            "B",
            7,
        ),
        _doc(
            "c.txt",
            "Hospitals in Tarvo stretched\nDoctors at the city's two hospitals worked through the night as the "
            "wounded arrived. In all, 284 people had been injured in the protests by Monday, the rights commission "
            "said on Monday.\n",
            "C",
            7,
        ),
        _doc(
            "d.txt",
            "Tarvo toll\nThe rights commission said on Tuesday that 350 people had been injured in the Tarvo "
            "protests.\n",
            "D",
            15,
        ),
    ]
    view = _view_of(docs)
    steps = _steps(view)
    assert (284, 350) in steps and not any(517 in step for step in steps)


def test_a_share_or_a_ratio_is_no_count_of_the_same_people(nlp):
    text = (
        "Halden toll\nTwenty-six people have died in the Halden protests, the commission said on Monday, about "
        "three times the number the president gave. Officials said on Monday that 70 per cent of the dead were men.\n"
    )
    view = _view_of([_doc("a.txt", text, "A", 7)])
    measure_of = {e.claim.mention: m.measure for m in view.measures for e in m.estimates}
    assert len({measure_of["Twenty-six"], measure_of["about three times"], measure_of["70 per cent"]}) == 3


def test_a_days_figure_with_no_hour_follows_its_earlier_hours_and_precedes_its_night(nlp):
    text = (
        "Vellmar quake\n"
        "The interior ministry said on Saturday that 1,644 people had died. Earlier on Saturday the interior "
        "ministry had put the dead at 1,002. Later on Saturday the interior ministry said 1,700 people had died.\n"
    )
    view = _view_of([_doc("day.txt", text, "Valley Wire", 9)])
    steps = set(_steps(view))
    assert {(1002, 1644), (1644, 1700)} <= steps


def test_a_crowd_estimate_carried_otherwise_by_one_report_is_a_misquote(nlp):
    """A march's crowd is estimated once: where two reports give the ministry's "about
    20,000" and a third its "about 30,000" the next day, the third misquotes it."""
    docs = [
        Document(
            "m0.txt",
            "Vellmar march\nOpposition supporters filled the centre of Vellmar on Sunday, 23 June. The interior "
            "ministry said on Sunday that about 20,000 people had marched, a figure organisers called absurd.\n",
            outlet="A",
            published=date(2024, 6, 24),
        ),
        Document(
            "m1.txt",
            "Vellmar march\nAbout 20,000 people took part in Sunday's rally in Vellmar, the interior ministry said on "
            "Sunday, as riot police lined the avenues leading to the square.\n",
            outlet="B",
            published=date(2024, 6, 24),
        ),
        Document(
            "m2.txt",
            "Vellmar march\nA week of strikes followed the rally. On Monday the interior ministry said about 30,000 "
            "people had marched in Vellmar on Sunday, 23 June.\n",
            outlet="C",
            published=date(2024, 6, 25),
        ),
    ]
    view = _view_of(docs)
    assert [(q.odd.claim.doc, q.usual.claim.value) for q in view.misquotes] == [("m2.txt", 20000)]
    assert not _steps(view)


def test_a_days_figure_told_on_a_later_day_is_that_days_last_word(nlp):
    """A report of the next day that gives Saturday's figure with no hour gives the day's
    last count: it follows the hours another report gave that day, not precedes them."""
    docs = [
        _doc(
            "wire.txt",
            "Vellmar fire toll rises\nThe toll climbed through Saturday. In the early hours of Saturday the fire "
            "service said more than 60 people had died. By Saturday morning its count stood at 93, and around "
            "midday it gave the figure of 115.\n",
            "Valley Wire",
            11,
        ),
        _doc(
            "next.txt",
            "Vellmar mourns\nThe fire service said 133 people had died in the Vellmar fire by Saturday. Funerals "
            "began on Sunday.\n",
            "Alpine Times",
            12,
        ),
    ]
    steps = set(_steps(_view_of(docs)))
    assert {(60, 93), (93, 115), (115, 133)} <= steps
