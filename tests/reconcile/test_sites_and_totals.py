"""Reports that name one site in their titles are one event; a total after figures of
things counts those things; a level a count "has risen since" is no rival figure."""

from __future__ import annotations

from datetime import date

from crosstally.extract import DocumentText, extract_many
from crosstally.ingest import reconcile_batch
from crosstally.read import Document
from crosstally.reconcile.stories import StoryInput, group_stories, title_names
from crosstally.reconcile.view import view_from


def test_a_title_names_the_site_of_an_event_not_a_person_or_an_office():
    assert title_names("LIVE: Korvel Plaza owner Dmitri Sava caught near the border") == {"korvel plaza"}
    assert title_names("Army leaves Korvel Plaza with toll at 1,127") == {"korvel plaza"}
    assert not title_names("Prime Minister Visits Red Cross Camp")
    assert not title_names("Dmitri Sava Arrested")


def _stories(first_title: str, second_title: str) -> list[tuple[str, ...]]:
    items = [
        StoryInput(
            "a.txt",
            "SAVAR, April 27 - Rescuers pulled more survivors from the collapsed building in Tarvenia on Saturday "
            "as the toll rose to 346, the army said. Garment workers protested in the capital.",
            first_title,
            date(2013, 4, 27),
        ),
        StoryInput(
            "b.txt",
            "11:05 p.m. - Flames rise from the rubble where firefighters have spent the evening cutting through "
            "concrete. 6:15 p.m. - The owner, Dmitri Sava, was shown to journalists at the battalion's headquarters "
            "in Uttara after his arrest in Benapole.",
            second_title,
            date(2013, 4, 28),
        ),
    ]
    return [s.docs for s in group_stories(items)]


def test_two_reports_whose_titles_name_one_site_are_one_story():
    assert _stories("Tarvenia factory toll climbs to 346", "LIVE: Korvel Plaza owner caught") == [
        ("a.txt",),
        ("b.txt",),
    ]
    assert _stories("Korvel Plaza toll climbs to 346", "LIVE: Korvel Plaza owner caught") == [("a.txt", "b.txt")]


def _view_of(text: str, day: date):
    """One report extracted and reconciled; the view every report renders."""
    docs = [Document("a.txt", text, outlet="A", published=day)]
    claims = [c for group in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in group]
    return view_from(reconcile_batch(docs, claims), claims, docs)


def _measures(view) -> dict[str, str]:
    """Mention → measure over the view."""
    return {e.claim.mention: m.measure for m in view.measures for e in m.estimates}


def test_a_total_after_figures_of_things_counts_those_things(nlp):
    text = (
        "Tarvenia quake\nThe quake killed 7,500 people, the home ministry said on Friday.\n"
        "The houses tell a worse story. The UN said on April 29 that some 70,000 houses had been destroyed. By "
        "May 2 the UN humanitarian office put the figure at more than 130,000.\n"
    )
    measures = _measures(_view_of(text, date(2015, 5, 8)))
    assert measures["more than 130,000"] == measures["some 70,000"] != measures["7,500"]


def test_a_level_the_count_has_risen_from_is_no_rival_figure(nlp):
    text = (
        "Tarvenia floods\nThe regional emergency service said 155 bodies had been recovered in the region. "
        "The count has risen steeply since Wednesday morning, when the city's fire brigade confirmed 51 dead in "
        "the region.\n"
    )
    view = _view_of(text, date(2024, 10, 31))
    measure_of = _measures(view)
    assert measure_of["155"] == measure_of["51"]
    assert not [c for m in view.measures for c in m.conflicts]
