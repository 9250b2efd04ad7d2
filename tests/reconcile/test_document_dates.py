"""A report's date: a dateline without a year takes it from the story's other reports."""

from __future__ import annotations

from datetime import date

import pytest

from crosstally.reconcile.timing import document_date


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        (
            "Ten dead as floodwater recedes\n\nKHERSON, June 12 (Dnipro Ledger) - Ten people died.",
            [date(2023, 6, 8)],
            date(2023, 6, 12),
        ),
        # the nearest year: a January dateline in a story that began in late December
        ("QUITO, Jan 2 (Andes Wire) - Forty people died.", [date(2023, 12, 30), date(2023, 12, 31)], date(2024, 1, 2)),
    ],
)
def test_a_yearless_dateline_takes_the_year_of_the_story(text, known, expected):
    alone = document_date(text, None)
    assert alone.day is None
    dated = alone.in_story(known)
    assert (dated.day, dated.origin) == (expected, "dateline")


def test_a_yearless_dateline_alone_stays_undated():
    assert document_date("KHERSON, June 12 (Dnipro Ledger) - Ten people died.", None).in_story([]).day is None


def test_metadata_wins_over_the_story():
    found = document_date("KHERSON, June 13 (Dnipro Ledger) - Ten died.", date(2023, 6, 13))
    assert found.in_story([date(2020, 1, 1)]).day == date(2023, 6, 13)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a wire story reprinted the next day speaks of its dateline's day
        ("KERMAN, Iran, Jan 3 (Lut Wire) - Twin blasts on Wednesday killed 95.", date(2024, 1, 4), date(2024, 1, 3)),
        # across the new year
        ("QUITO, Dec 31 (Andes Wire) - Forty people died.", date(2024, 1, 2), date(2023, 12, 31)),
        # a dateline long before the paper is no reprint's; the paper's date stands
        ("QUITO, March 3 (Andes Wire) - Forty people died.", date(2024, 6, 2), date(2024, 6, 2)),
        # a date in the opening that is no dateline does not move a dated report
        ("On Jan 3, 2024, twin blasts killed 95 people.", date(2024, 1, 4), date(2024, 1, 4)),
    ],
)
def test_a_reprinted_wire_story_speaks_of_its_datelines_day(text, published, expected):
    assert document_date(text, published).day == expected


def _claim(text: str, mention: str, time_text: str, counted: str = "", source: str | None = None):
    """A claim of `mention` in a one-sentence `text`, with its time words."""
    from crosstally.claims import Claim

    start = text.index(mention)
    return Claim(
        "d", start, start + len(mention), mention, float(mention), None, "exact", None, None, counted,
        "killed", source, None, time_text, None, None, 0, len(text),
    )  # fmt: skip


def test_a_figure_dated_in_place_keeps_its_own_day():
    from crosstally.reconcile.timing import DocumentDate, statement_times

    text = (
        "The toll rose to 206 on Wednesday, the prefecture said, up from 202 on Tuesday. "
        "It said 90 were missing, down from 180."
    )
    claims = [
        _claim(text, "206", "on Wednesday", source="prefecture"),
        _claim(text, "202", "on Tuesday", source="prefecture"),
        _claim(text, "180", "on Wednesday", source="prefecture"),  # 180: the statement's day
    ]
    times = statement_times(claims, text, DocumentDate(date(2024, 1, 11), "metadata"))
    assert [t.text for t in times[:2]] == ["2024-01-10", "2024-01-09"]
    assert times[2].origin == "earlier"


def test_a_figure_a_day_or_a_week_before_the_statement():
    from crosstally.reconcile.timing import DocumentDate, statement_times

    text = "On Saturday the website showed 110 deaths, up from 94 the day before and 40 a week earlier."
    claims = [_claim(text, m, "On Saturday", counted="deaths") for m in ("110", "94", "40")]
    times = statement_times(claims, text, DocumentDate(date(2024, 1, 9), "metadata"))
    assert [t.text for t in times] == ["2024-01-06", "2024-01-05", "2023-12-30"]


def test_said_earlier_holds_only_in_its_own_clause():
    """ "95 died, the minister said, after officials had earlier given 103": only 103 was
    said before; "Initially, officials said 40" still marks the whole sentence."""
    from crosstally.reconcile.timing import DocumentDate, statement_times

    day = DocumentDate(date(2024, 1, 3), "metadata")
    text = "Twin blasts killed 95 people, the minister said late on Wednesday, after officials had earlier given 103."
    times = statement_times([_claim(text, "95", ""), _claim(text, "103", "")], text, day)
    assert [t.origin for t in times] == ["document", "earlier"]
    text = "Initially, officials said 40 people had died."
    assert statement_times([_claim(text, "40", "")], text, day)[0].origin == "earlier"


def test_a_reprint_names_its_own_weekdays_against_its_publication():
    """A local paper prints the wire's Tuesday report ("ATHENS, July 24 -") on Thursday
    and adds its own "on Wednesday": that is the Wednesday before Thursday, not the one
    before the dateline; an unstated figure is still of the dateline's day."""
    from crosstally.reconcile.timing import statement_times

    text = "ATHENS, July 24 (Saronic Wire) - The fire killed 74. By Wednesday morning the count had reached 79."
    day = document_date(text, date(2018, 7, 26))
    times = statement_times([_claim(text, "74", ""), _claim(text, "79", "By Wednesday morning")], text, day)
    assert [t.text for t in times] == ["2018-07-24", "2018-07-25"]


def test_a_day_after_the_report_is_a_year_before():
    """ "On 2 August" in a piece of 23 July looking back a year is last year's."""
    from crosstally.reconcile.timing import DocumentDate, statement_times

    text = "The fire brigade reported on 2 August that 81 victims had been identified."
    times = statement_times([_claim(text, "81", "on 2 August")], text, DocumentDate(date(2019, 7, 23), "metadata"))
    assert times[0].text == "2018-08-02"
    # a year written is kept
    text = "The fire brigade reported on 2 August 2019 that 81 victims had been identified."
    claims = [_claim(text, "81", "on 2 August 2019")]
    assert statement_times(claims, text, DocumentDate(date(2019, 7, 23), "metadata"))[0].text == "2019-08-02"


@pytest.mark.parametrize(
    "second",
    [
        "By the evening the count had reached 103.",
        "Early in the afternoon, a spokesman said 103 people had been killed.",
        "Later that day the agency said 103 people had died.",
        "By 5:40 p.m., the provincial emergency service was giving 103 dead.",
    ],
)
def test_a_part_of_a_day_is_the_day_the_report_last_named(second):
    """An explainer's "On Wednesday ... 73. By the evening ... 103": the evening is
    Wednesday's, not the day the explainer appeared."""
    from dataclasses import replace

    from crosstally.reconcile.timing import DocumentDate, statement_times

    first = "On Wednesday the national emergency service reported 73 dead. "
    text = first + second
    claims = [
        replace(_claim(text, "73", "On Wednesday"), evidence_end=len(first) - 1),
        replace(_claim(text, "103", ""), evidence_start=len(first)),
    ]
    times = statement_times(claims, text, DocumentDate(date(2024, 1, 7), "metadata"))
    assert [t.text for t in times] == ["2024-01-03", "2024-01-03"]


def test_the_same_day_of_another_clause_is_not_the_figures():
    from crosstally.reconcile.timing import DocumentDate, statement_times

    text = "On Monday the envoy spoke of eight dead on the same day; the ministry now counts 6."
    claims = [_claim(text, "6", "")]
    times = statement_times(claims, text, DocumentDate(date(2019, 4, 30), "metadata"))
    assert times[0].text == "2019-04-30"
