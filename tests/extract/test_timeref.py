"""Time words and their resolution against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from crosstally.extract.timeref import resolve

PUBLISHED = date(2024, 12, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("on Monday", "2024-12-23"),
        ("Monday", "2024-12-23"),
        ("on Tuesday", "2024-12-24"),
        ("last Tuesday", "2024-12-17"),
        ("on Dec. 23", "2024-12-23"),
        ("on 17 December", "2024-12-17"),
        ("December 17th", "2024-12-17"),
        ("in early January", "2024-01"),
        ("in November", "2024-11"),
        ("on Jan. 3, 2025", "2025-01-03"),
        ("in 2023", "2023"),
        ("yesterday", "2024-12-23"),
        ("today", "2024-12-24"),
        ("three days ago", "2024-12-21"),
        ("last week", "2024-12"),
        ("earlier this month", "2024-12"),
        ("last month", "2024-11"),
        ("last year", "2023"),
        ("so far", None),
        ("earlier in the week", "2024-12"),
        ("Sunday night", "2024-12-22"),
        ("the previous Sunday's", "2024-12-15"),
        ("on the preceding Monday", "2024-12-16"),
        ("between Dec. 9 and 13", "2024-12-13"),
        ("Dec. 9-13", "2024-12-13"),
        ("the previous Sunday's march", "2024-12-15"),
        ("from Nov. 28 to Dec. 3", "2024-12-03"),
        ("between 9 and 13 December", "2024-12-13"),
        ("by Dec. 9 at 10 a.m.", "2024-12-09"),
        ("from Nov. 28 to Monday", "2024-12-23"),
        ("the previous day", None),
    ],
)
def test_resolve(words, expected):
    assert resolve(words, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("sentence", "time_text"),
    [
        ("According to a bulletin issued on Friday morning, the agency now puts the toll at 214.", "on Friday morning"),
        ("The ministry said 57 people had died, citing figures in Thursday's update.", "Thursday"),
        ("Governor Alma Ruiz said Monday night that about 600 people are still unaccounted for.", "Monday night"),
        ("Police said 90 people on the list published last week had been found safe.", "last week"),
        ("Earlier in the week the port authority said 31 ships were stranded.", "Earlier in the week"),
        ("Griffiths told the AP in an interview published on Friday that 700,000 people lacked water.", "on Friday"),
        ("The authority said on Friday the injured were 57 men and 24 women aged 15 to 66.", "on Friday"),
        ("Police said on Monday the march peaked at 240,000.", "on Monday"),
        # a day that owns what the figure is about dates it, after the day it was said
        ("Organisers said almost 2 million people joined Sunday's march.", "Sunday"),
        ("Sunday's storm killed 12 people, officials said on Tuesday.", "on Tuesday"),
        (
            "The number treated in hospital has risen to 81, according to the authority, which gave the figure on "
            "Thursday evening.",
            "on Thursday evening",
        ),
        # the time of the figure set against this one is not this one's
        ("In its update on Sunday, OCHA said aid now reached 180,000 people, up from 35,000 on Friday.", "on Sunday"),
        # "since" names when the count began: another time of the sentence dates it
        ("As of Monday, the commission had counted 44 deaths since March 3.", "As of Monday"),
        ("On April 2 the watchdog put the toll since March 3 at 44.", "On April 2"),
        ("The toll has risen to 40 since Monday, officials said on Wednesday.", "on Wednesday"),
        ("The toll has risen to 40 since Monday.", "Monday"),
        # so does "from", and a span of days is no time
        ("On Monday the watchdog put the toll from Nov. 28 at 44.", "On Monday"),
        ("The paper put the toll for the 21 days from Nov. 28 to Monday at 440.", "from Nov. 28 to Monday"),
    ],
)
def test_time_words_outside_the_main_clause(claims_of, sentence, time_text):
    claims = claims_of(sentence, published="2024-12-24")
    assert claims and claims[0].time_text == time_text


@pytest.mark.parametrize(
    ("sentence", "time_text", "day"),
    [
        # a clock time takes the day that follows it, and "as of" with it
        ("The toll rose to 206 as of 2 p.m. on Monday, the prefecture said.", "as of 2 p.m. on Monday", "2024-12-23"),
        ("The agency said 1,045 tremors had been recorded by 8 a.m. on Sunday.", "by 8 a.m. on Sunday", "2024-12-22"),
        # a clock time alone dates nothing: the day said in the sentence does
        ("Officials said on Monday that 73 people had died by 6 p.m.", "on Monday", "2024-12-23"),
    ],
)
def test_a_clock_time_is_dated_by_its_day(claims_of, sentence, time_text, day):
    claim = claims_of(sentence, published="2024-12-24")[0]
    assert (claim.time_text, claim.date) == (time_text, day)


def test_without_publication_date_only_explicit_years_resolve():
    assert resolve("on Monday", None) is None
    assert resolve("on Jan. 3, 2025", None) == "2025-01-03"


def test_time_text_and_date_in_a_claim(claims_of):
    text = "The JCS said on Monday that at least 100 soldiers had died."
    (claim,) = claims_of(text, published="2024-12-24")
    assert claim.time_text == "on Monday"
    assert claim.date == "2024-12-23"


def test_durations_are_not_times(claims_of):
    text = "Police said 30 people were arrested during four days of protests."
    (claim,) = claims_of(text)
    assert claim.time_text is None


def test_a_date_that_names_an_event_is_not_the_claims_time(claims_of):
    text = "The ministry said 1,200 police officers had been deployed ahead of Tuesday's protests."
    (claim,) = claims_of(text, published="2024-06-10")
    assert claim.time_text is None
