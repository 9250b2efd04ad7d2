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
    found = document_date("KHERSON, June 12 (Dnipro Ledger) - Ten died.", date(2023, 6, 13))
    assert found.in_story([date(2020, 1, 1)]).day == date(2023, 6, 13)
