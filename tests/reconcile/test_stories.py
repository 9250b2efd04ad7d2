"""Story grouping on reports written for these tests: the kind of event a report leads
with, and the days a later report recalls."""

from __future__ import annotations

from datetime import date

from crosstally.reconcile.stories import StoryInput, group_stories, salient_names

QUAKE = (
    "Quake flattens homes in southern Peru\n\nAn earthquake of magnitude 7.1 struck the Arequipa region of Peru on "
    "Tuesday, killing at least 14 people, the civil defence institute Indeci said. Governor Rohel Sanchez said "
    "roads to Caraveli were cut and rescuers from Camana were digging through collapsed adobe houses. In "
    "Acari, Mayor Victor Rivera asked the Defence Ministry for tents."
)
QUAKE_TOLL = (
    "Peru earthquake toll climbs as aftershocks rattle the south\n\nThe toll from the earthquake in Peru rose to 21 "
    "on Thursday, Prime Minister Gustavo Adrianzen told Congress in Lima. Health Minister Cesar Vasquez said "
    "field hospitals were set up in Chala and Yauca, where aftershocks kept families sleeping outdoors. "
    "The Geophysical Institute recorded 40 tremors near Atico."
)
PROTEST = (
    "Protesters block highways across Peru\n\nThousands of protesters blocked highways in Peru on Wednesday, demanding "
    "the resignation of President Dina Boluarte. Police in Arequipa said 30 people were detained, and the "
    "interior minister Juan Jose Santivanez called for calm as marchers filled the Plaza San Martin in Lima."
)
MONTHS_LATER = (
    "UN report: relief reached only half of Peru's quake survivors\n\nSix months after the earthquake that struck "
    "Arequipa on July 2 last year, only half of the families whose homes collapsed have received aid, the UN "
    "said on Monday. Indeci counted 21 dead in Chala, Yauca and Caraveli."
)

EXPLAINER = (
    "Explainer: why mud-brick walls fail, from Pisco to Kathmandu and Bam\n\nThe adobe houses that came down on "
    "families in Caraveli and Acari this week failed the way those of Pisco did in 2007, of Bam in 2003 and of "
    "Bhaktapur in 2015: heavy mud-brick walls with no frame crack at the corners, and the roof falls in on "
    "people asleep inside. "
    "Engineers at the Catholic University and at Kyoto University have tested cheap fixes, such as polymer "
    "mesh nailed over the walls, that kept test houses standing on a shaking table. Few families can afford even "
    "that. Rescuers digging through adobe houses this week, with roads cut and families asking for tents, said "
    "most of the dead were found under fallen roofs."
)


def _stories(*items: StoryInput) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(s.docs)) for s in group_stories(items))


def test_reports_of_one_kind_of_event_in_one_country_are_one_story():
    """Two earthquake reports from Peru that share little but the country (one quotes the
    region's governor, the other ministers in Lima) are one story; a protest in the same
    country that week, naming more of the first report's places, is another."""
    quake = StoryInput("quake", QUAKE, None, date(2024, 7, 2))
    toll = StoryInput("toll", QUAKE_TOLL, None, date(2024, 7, 4))
    protest = StoryInput("protest", PROTEST, None, date(2024, 7, 3))
    assert _stories(quake, toll, protest) == [("protest",), ("quake", "toll")]
    # the same kind of event needs a country in common: the toll report set in Chile is not Peru's
    chile = StoryInput("chile", QUAKE_TOLL.replace("Peru", "Chile"), None, date(2024, 7, 4))
    assert _stories(quake, chile) == [("chile",), ("quake",)]


def test_a_report_months_later_joins_the_story_of_the_days_it_recalls():
    quake = StoryInput("quake", QUAKE, None, date(2024, 7, 2))
    toll = StoryInput("toll", QUAKE_TOLL, None, date(2024, 7, 4))
    later = StoryInput("later", MONTHS_LATER, None, date(2025, 1, 13))
    assert _stories(quake, toll, later) == [("later", "quake", "toll")]
    # without the day it recalls, or words that look back ("six months after"), six months
    # is too far for one story
    vague_text = MONTHS_LATER.replace(
        "Six months after the earthquake that struck Arequipa on July 2 last year", "In Arequipa"
    )
    vague = StoryInput("later", vague_text, None, date(2025, 1, 13))
    assert _stories(quake, toll, vague) == [("later",), ("quake", "toll")]


def test_salient_names_hold_the_kinds_of_event_and_the_days_a_lead_names():
    counts, mid_sentence = salient_names(MONTHS_LATER)
    assert counts["#earthquake"] == 2  # "quake" in the title, "earthquake" in the lead
    assert counts["~7-2"] == 1  # no year written: the latest July 2 before the report
    assert not any(k[0] in "#~" for k in mid_sentence)  # never compared as names


def test_a_city_names_its_country_for_story_grouping():
    from crosstally.reconcile.stories import salient_names

    names, _ = salient_names("KANDY, April 25 - Mourners in Colombo buried more of the dead on Thursday.")
    assert "@sri lanka" in names


FIRE = (
    "Wildfire toll in Kallisto rises to 40 as families search the beaches\n\nThe wildfire that swept through the "
    "seaside village of Kallisto, east of Patras, has killed at least 40 people, the fire service said on "
    "Tuesday. Spokesman Nikos Vellas said coast guard boats had taken 600 people off the shore at Kallisto, "
    "and Prime Minister Andreas Kalos flew back from Brussels to chair a meeting in Aigio."
)
FIRE_TOLL = (
    "Kallisto toll reaches 52 as the first names are published\n\nRescuers in Kallisto found more bodies on "
    "Thursday in burned houses near Dafni, the fire service said, and Minister Eleni Roussou promised aid to "
    "the village."
)
YEAR_ON = (
    "Kallisto, a year on: the count that kept changing\n\nA year ago today the flames came down from Mount Oros "
    "to the sea. On July 24 last year the state said 40 had died; by August 2 it was 61, and the figure fell "
    "again when the laboratory in Athens finished its work. Lawyers for the families in Rafti and Nea Makri "
    "still wait for the inquiry, and the mayor, Stelios Argyros, says the buildings ministry has paid out less "
    "than half of what it promised. In Kifisia, Giorgos Tsamis of the Hellenic Bar Association calls it a scandal."
)


def test_an_anniversary_piece_joins_the_story_its_title_names():
    """A piece a year on that names none of the event's words ("wildfire") and shares few
    names with the reports of the day joins their story when its title names the same
    place theirs do and its lead recalls their days."""
    fire = StoryInput("fire", FIRE, FIRE.split("\n")[0], date(2025, 7, 24))
    toll = StoryInput("toll", FIRE_TOLL, FIRE_TOLL.split("\n")[0], date(2025, 7, 26))
    later = StoryInput("later", YEAR_ON, YEAR_ON.split("\n")[0], date(2026, 7, 23))
    assert _stories(fire, toll, later) == [("fire", "later", "toll")]


def test_a_lone_explainer_joins_the_story_whose_words_it_shares():
    """An explainer that leads with other places and quakes (Pisco, Kathmandu, Bam) shares
    few names with the week's reports, but the town it names and the words of the event
    (adobe houses, rescuers digging, roads cut, tents): linked to no other report, it joins
    the one it is closest to; the protest that week, sharing neither, stays apart."""
    quake = StoryInput("quake", QUAKE, None, date(2024, 7, 2))
    toll = StoryInput("toll", QUAKE_TOLL, None, date(2024, 7, 4))
    explainer = StoryInput("explainer", EXPLAINER, None, date(2024, 7, 5))
    protest = StoryInput("protest", PROTEST, None, date(2024, 7, 3))
    assert _stories(quake, toll, explainer, protest) == [("explainer", "quake", "toll"), ("protest",)]
    # a year later, the same words are another event's
    late = StoryInput("explainer", EXPLAINER, None, date(2025, 7, 5))
    assert _stories(quake, toll, late) == [("explainer",), ("quake", "toll")]
