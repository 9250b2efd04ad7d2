"""When a figure was said, as the words of a report order one day's and one week's
statements: hours apart, "the previous day", "earlier this month"."""

from __future__ import annotations

from datetime import date

from crosstally.extract import DocumentText, extract_many
from crosstally.ingest import reconcile_batch
from crosstally.read import Document
from crosstally.reconcile.view import view_from


def _view(*texts: str, day: date = date(2024, 6, 28)):
    docs = [
        Document(f"r{n}.txt", text, title=None, outlet=f"Outlet {n}", published=day) for n, text in enumerate(texts)
    ]
    claims = [c for group in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in group]
    return view_from(reconcile_batch(docs, claims), claims, docs)


def _conflicts(view) -> set[tuple[float, float]]:
    return {tuple(sorted((c.a.claim.value, c.b.claim.value))) for m in view.measures for c in m.conflicts}


def _day_of(view, value: float) -> date | None:
    (when,) = {e.when for m in view.measures for e in m.estimates if e.claim.value == value}
    return when


def test_figures_stated_hours_apart_are_a_rising_count_not_rival_counts(nlp):
    view = _view(
        "Tarn ferry toll rises: The count rose through the day. Coast guard officers put the dead at 149 "
        "early on Sunday after the Tarn ferry sank. By 9 a.m., the port's harbour master said the toll had "
        "reached 151. The regional health office said as of 5 p.m. on Sunday that 162 people had died in the "
        "sinking."
    )
    assert not _conflicts(view) & {(149.0, 151.0), (151.0, 162.0), (149.0, 162.0)}


def test_a_figure_with_an_hour_still_meets_one_the_report_gives_without_one(nlp):
    """The police's list "as of 10 a.m." against the deputy mayor's count of the same day:
    only two stated hours set figures apart."""
    view = _view(
        "Varna tower collapse: Deputy mayor Ilona Stef said on Saturday that 10 people had been killed in the "
        "tower collapse. A summary issued by the city police as of 10 a.m. on Saturday listed 13 dead in the "
        "collapse."
    )
    assert (10.0, 13.0) in _conflicts(view)


def test_the_previous_day_is_the_day_before_the_report(nlp):
    view = _view(
        "Kessel floods: The number of people killed in the Kessel floods rose to 210 on Friday, the regional "
        "governor said. The previous day, the interior minister had put the toll at 190."
    )
    assert _day_of(view, 190) == date(2024, 6, 27)
    assert (190.0, 210.0) not in _conflicts(view)


def test_a_period_of_the_previous_day_is_what_is_counted_not_when_it_was_said(nlp):
    view = _view(
        "Kessel protests: The ministry said on Friday that police had detained 79 people over the previous day."
    )
    assert _day_of(view, 79) == date(2024, 6, 28)


def test_a_day_the_sentence_names_comes_before_one_counted_from_another(nlp):
    text = (
        "The gap was just as wide a week earlier, when the organisers claimed 90,000 marchers on June 9 and the "
        "police gave 24,000 at the peak."
    )
    (claims,) = extract_many([DocumentText(text, "d", date(2024, 6, 17))])
    police = next(c for c in claims if c.value == 24000)
    assert police.time_text and "June 9" in police.time_text


def test_a_figure_said_earlier_this_month_is_no_rival_of_todays(nlp):
    view = _view(
        "Kessel protest toll rises to 50, rights commission says: The Kessel rights commission said on Friday "
        "that 50 people had died in the protests. The interior minister said earlier this month that 25 "
        "people had died in the protests."
    )
    assert (25.0, 50.0) not in _conflicts(view)
    (minister,) = [e for m in view.measures for e in m.estimates if e.claim.value == 25]
    assert minister.when is not None and minister.when < date(2024, 6, 28)


def test_what_a_speaker_has_is_no_figure_of_the_state_it_speaks_of(nlp):
    """ "The network, which has 300 volunteers in the field, said at least 2,900 had died":
    the 300 are the network's volunteers, not a rival death toll."""
    view = _view(
        "Charity disputes quake toll: The interior ministry said on Wednesday that 1,240 people had been killed "
        "in the earthquake. The Red Lantern network, which has 300 volunteers in the field, said at least 2,900 "
        "people had died.",
        day=date(2024, 6, 26),
    )
    assert (1240.0, 2900.0) in _conflicts(view)
    assert not [pair for pair in _conflicts(view) if 300.0 in pair]


def test_a_sentence_closed_by_the_same_speakers_he_said_is_the_same_statement(nlp):
    """ "Chief Ana Ruiz told reporters early on Sunday that 127 had died. Thirty-four died
    inside the stadium, she said.": the 34 were said early on Sunday too (not on the day
    the report came out), at the same hour, so they are no later step of the toll."""
    view = _view(
        "Stadium crush in Lorca: Police chief Ana Ruiz told reporters early on Sunday that 127 people had died "
        "in the crush at the Lorca stadium. Thirty-four died inside the stadium and the rest in hospital, she "
        "said, adding that 180 people had been injured.",
        day=date(2024, 6, 24),
    )
    assert _day_of(view, 34) == date(2024, 6, 23)
    steps = {(r.earlier.claim.value, r.later.claim.value) for m in view.measures for r in m.revisions}
    assert (127.0, 34.0) not in steps


def test_a_live_blogs_entries_are_of_the_day_their_header_names(nlp):
    view = _view(
        "Live: Tarvo attacks\nRolling coverage; all times are local.\n\nTUESDAY, JUNE 25\n\n"
        "10:50 - The death toll has reached 310, police say.\n\nWEDNESDAY, JUNE 26\n\n"
        "13:00 - Police say 60 people have been arrested.\n"
    )
    assert _day_of(view, 310) == date(2024, 6, 25)
    assert _day_of(view, 60) == date(2024, 6, 26)


def test_one_date_line_under_a_title_is_the_reports_own_day(nlp):
    view = _view("Tarvo floods\n\nThursday June 27, 2024\n\nThe floods killed 45 people on Wednesday, police said.\n")
    assert _day_of(view, 45) == date(2024, 6, 26)
