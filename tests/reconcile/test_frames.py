"""What a figure counts: the part a sentence names after it, how badly people are hurt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crosstally.claims import Claim
from crosstally.reconcile.frames import frame_of, story_causes
from crosstally.reconcile.scopes import story_scope


def _frame(sentence: str, mention: str, category: str, counted: str = "", source: str | None = None):
    at = sentence.index(mention)
    claim = Claim(
        doc="t",
        start=at,
        end=at + len(mention),
        mention=mention,
        value=1.0,
        value_max=None,
        qualifier="exact",
        unit=None,
        per=None,
        counted=counted,
        category=category,
        source=source,
        via=None,
        time_text=None,
        date=None,
        location=None,
        evidence_start=0,
        evidence_end=len(sentence),
    )
    return frame_of(claim, sentence, at)


def _story(texts: list[str], first_day: date):
    """Claims of a batch of reports published a day apart, and each claim's frame row."""
    from crosstally.extract import DocumentText, extract_many
    from crosstally.ingest import reconcile_batch
    from crosstally.read import Document

    docs = [
        Document(f"d{i}.txt", t, title=None, outlet=f"O{i}", published=first_day + timedelta(days=i))
        for i, t in enumerate(texts)
    ]
    claims = [c for g in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in g]
    rec = reconcile_batch(docs, claims)
    return claims, {c.value: rec.frames[(c.doc, c.start)] for c in claims}


@pytest.mark.parametrize(
    ("sentence", "mention", "counted", "group"),
    [
        ("The ministry said 97 of the dead were women and 56 were men.", "97", "dead", "women"),
        ("The ministry said 97 of the dead were women and 56 were men.", "56", "", "men"),
        ("Twenty-six of the dead were foreign nationals from 14 countries.", "Twenty-six", "dead", "foreigners"),
        ("Six secondary school students died.", "Six", "secondary school students", "students"),
        ("Officials said 156 people were killed, most of them young.", "156", "people", ""),
        ("The bodies of 118 people, four of them children, were recovered.", "four", "", "children"),
        ("It killed 118 people, 40 of whom were women.", "40", "", "women"),
        ("Of the 118 dead, 64 were female and 54 male.", "64", "", "women"),
        ("Of the 118 dead, 64 were female and 54 male.", "54", "", "men"),
        # the part a clause after "of whom" names, of a people the whole counts
        ("The envoy said 520 Malians had died, 490 of whom had no permit.", "490", "Malians", "mali-no-permit"),
        ("The envoy said 520 Malians had died, 61 of whom were Malians by birth.", "61", "Malians", "mali-birth"),
        # a part no longer in the whole's state, whatever the extractor called it
        ("Officials said 88 pilgrims were missing, 70 of whom had since been found.", "70", "pilgrims", "found"),
    ],
)
def test_the_part_a_figure_counts(sentence, mention, counted, group):
    assert _frame(sentence, mention, "killed", counted).group == group


@pytest.mark.parametrize(
    ("sentence", "mention", "category", "state"),
    [
        # eye injuries are a part of the injured, and people sheltered a part of the displaced
        ("Doctors counted at least 210 people with severe eye injuries.", "at least 210", "wounded", "eye-injured"),
        ("The ministry said 26 protesters had lost an eye.", "26", "wounded", "eye-injured"),
        ("The ministry said 3,400 protesters had been injured.", "3,400", "wounded", "injured"),
        (
            "By Sunday the church hall was sheltering 1,230 people from the lowlands.",
            "1,230",
            "displaced",
            "sheltering",
        ),
        ("Some 9,000 people had fled their homes.", "Some 9,000", "displaced", "displaced"),
    ],
)
def test_parts_of_the_injured_and_the_displaced(sentence, mention, category, state):
    assert _frame(sentence, mention, category, "people").state == state


def test_seriously_hurt_is_a_state_of_its_own():
    assert _frame("It injured 172, 33 of them seriously.", "33", "wounded", "people").state == "seriously-injured"
    assert _frame("It injured 172, 33 of them seriously.", "172", "wounded", "people").state == "injured"


def test_a_story_scope_needs_one_part_to_stand_out():
    assert story_scope(["Dunmore County", "Harlan County"], []) == ""
    assert story_scope(["Kessel province", "Kessel province", "Harlan County"], []) == "kessel-province"


def test_a_story_happens_in_the_part_its_event_is_named_after():
    texts = [
        "The Ardon floods killed 40 people in Ardon district.",
        "Rescuers in Ardon's flood zone found 12 more bodies in Pell district.",
        "Pell district counted 9 dead.",
    ]
    located = ["Ardon district", "Pell district", "Pell district"]
    assert story_scope(located, texts) == "ardon"  # not Pell, where more figures happen to be placed
    # with no place the event is named after, the part most figures are placed in
    storm = ["Hurricane Mara killed 90 people in six states.", "Dunmore County counted 30 dead from Mara."]
    assert story_scope(["Dunmore County", "Dunmore County", "Harlan County"], storm) == "dunmore-county"


def test_a_part_most_figures_are_in_is_no_story_scope_when_another_country_owns_it():
    located = ["Kessel province", "Kessel province", "Kessel province", "Harlan County"]
    texts = ["The storm killed 80 in Arvia.", "Rain fell on Kessel province, in the south of Arvia."]
    assert story_scope(located, texts, "peru") == "kessel-province"
    texts.append("Ecuador's coastal Kessel province counted 12 dead.")
    assert story_scope(located, texts, "peru") == ""


@pytest.mark.parametrize(
    ("sentence", "mention", "counted", "group"),
    [
        ("The outbreak has killed more than 1,600 people over the past year.", "more than 1,600", "people", "outbreak"),
        ("Health officials said 1,700 people had died of cholera since last year.", "1,700", "people", "cholera"),
        ("Its cholera wards have recorded 212 deaths.", "212", "deaths", "cholera"),
        ("The cyclone has killed 438 people, the government said.", "438", "people", ""),
    ],
)
def test_what_another_killer_kills_is_its_own(sentence, mention, counted, group):
    assert _frame(sentence, mention, "killed", counted).group == group


def test_the_killer_a_story_is_about_makes_no_part():
    assert story_causes(["Cholera toll passes 300\n...", "Outbreak spreads\n...", "Cholera: what we know\n..."]) == {
        "cholera",
        "outbreak",
    }
    assert story_causes(["Cyclone toll passes 300\n...", "Storm hits\n...", "Cholera fears\n..."]) == {"cholera"}
    assert story_causes(["Cyclone toll passes 300\n...", "Storm hits\n...", "Aid arrives\n..."]) == frozenset()


def test_a_group_named_later_in_the_sentence_is_another_figures():
    assert _frame("Twelve were killed, including three children.", "Twelve", "killed").group == ""
    assert _frame("At least 30 were injured, among them foreign tourists.", "At least 30", "wounded").group == ""


def test_a_bigger_country_is_no_whole_of_another_countrys_toll(nlp):
    from crosstally.extract import extract
    from crosstally.reconcile.parts import breakdowns

    for text, whole in [
        ("The quake killed 40,000 in Turkey and 6,000 in Syria.", None),
        ("Police said 1.28 million people protested across France, including 93,000 in Paris.", "1.28 million"),
    ]:
        claims = extract(text, "t")
        parts = breakdowns(claims, text)
        wholes = [c.mention for c in claims if parts.get(c.start) == ""]
        assert wholes == ([whole] if whole else []), parts


@pytest.mark.parametrize(
    ("text", "mention", "part"),
    [
        # a breakdown by place goes on into the next sentence
        (
            "Police said they had arrested 210 in Kumasi, 150 in Tamale and 70 in Ho."
            " In Accra, at least 480 people were held.",
            "at least 480",
            "accra",
        ),
        # ... unless that sentence gives the whole, or no breakdown came before it
        (
            "Police said they had arrested 210 in Kumasi, 150 in Tamale and 70 in Ho."
            " In all, 1,300 people were held nationwide.",
            "1,300",
            None,
        ),
        ("Police said they had arrested 210 people. In Accra, at least 480 people were held.", "at least 480", None),
        ("The commission said 14 of the dead were in Lagos.", "14", "lagos"),
        ("Kumasi accounted for 9 of the dead, the commission said.", "9", "kumasi"),
        ("Police said they had arrested 270 people, 204 of them in Lagos.", "204", "lagos"),
        # the figure is the whole, placed, not a share of it
        ("The commission said 14 people died in Lagos.", "14", None),
    ],
)
def test_a_share_held_by_one_place_is_that_places_part(nlp, text, mention, part):
    from crosstally.extract import extract
    from crosstally.reconcile.parts import breakdowns

    claims = extract(text, "t")
    figure = next(c for c in claims if c.mention == mention)
    assert breakdowns(claims, text).get(figure.start) == part


def test_a_superlative_since_is_no_running_total():
    from crosstally.reconcile.frames import is_running_total

    text = "Police detained 50 people, the most since 2011."
    assert not is_running_total(text, text.index("50"), text.index("50") + 2)
    text = "Police said 32 people had been arrested since the protests began."
    assert is_running_total(text, text.index("32"), text.index("32") + 2)


@pytest.mark.parametrize(
    ("sentence", "mention", "counted", "group"),
    [
        ("Officials said 40 Moldovans were among the dead.", "40", "Moldovans", "moldova"),
        ("The embassy said 12 Ghanaian miners had died.", "12", "Ghanaian miners", "ghana"),
        ("At least 75 of the dead were from Peru, the consulate said.", "At least 75", "dead", "peru"),
        ("Rescuers said 18 of the victims were Filipinos.", "18", "victims", "philippines"),
        ("Diplomats put the Nepali toll at 31 on Friday.", "31", "", "nepal"),
        ("Kenya's death toll rose to 64 on Monday.", "64", "", "kenya"),
        ("Chile's foreign ministry said 9 of its nationals had died.", "9", "nationals", "chile"),
        ("Ghana's embassy in Rome put its country's dead at 22.", "22", "", "ghana"),
        ("He had reported five Chilean deaths at the weekend.", "five", "Chilean deaths", "chile"),
        # a side's own losses
        ("Ghana's losses have topped 4,000 killed and wounded.", "4,000", "", "ghana"),
        ("The army said Ghana had lost 3,500 soldiers.", "3,500", "soldiers", "ghana"),
        ("Ghana's defence ministry said 310 of its soldiers had been killed.", "310", "soldiers", "ghana"),
        # a place the phrase only names is not whose people are counted
        ("The Lisbon tram crash toll rose to 16.", "16", "Lisbon tram crash toll", ""),
        ("The ministry said 14 people died in Peru.", "14", "people", ""),
    ],
)
def test_whose_people_a_figure_counts(sentence, mention, counted, group):
    assert _frame(sentence, mention, "killed", counted).group == group


def test_a_state_named_after_another_figure_is_that_figures():
    """ "flattened 40 schools in which 22 pupils died": the schools did not die."""
    assert _frame("The quake flattened 40 schools in which 22 pupils died.", "40", "other", "schools").state == "count"


def test_a_state_named_as_the_place_is_no_people():
    """ "Ohio's toll" of a storm is the state's part (a place), not the Ohioans' group."""
    frame = _frame("Ohio's toll stood at 11 on Monday.", "11", "killed")
    assert frame.group != frame.scope or frame.group == ""


@pytest.mark.parametrize(
    ("sentence", "mention", "counted", "state"),
    [
        ("Of the 310 dead, 120 had been identified by Sunday.", "120", "", "identified"),
        ("Officials said 41 bodies were still unidentified.", "41", "bodies", "unidentified"),
        ("The morgue held 90 bodies, of which 30 had yet to be identified.", "30", "", "unidentified"),
        ("The morgue held 90 bodies, of which 30 had yet to be identified.", "90", "bodies", "dead"),
        ("By Monday 64 bodies had been handed over to relatives.", "64", "bodies", "handed-over"),
        ("The hospital had handed 73 bodies to relatives by Wednesday.", "73", "bodies", "handed-over"),
        ("The morgue gave 40 bodies to their families on Friday.", "40", "bodies", "handed-over"),
        ("Sixty victims still await identification at the morgue.", "Sixty", "victims", "unidentified"),
        ("Of the 250 bodies, 60 were going through the identification process.", "60", "", "unidentified"),
        ("Ten days on, 41 bodies are still without a name.", "41", "bodies", "unidentified"),
        # a toll whose victims have been identified is still the toll
        ("The agency said 2,100 people who died had been identified.", "2,100", "people", "dead"),
        # a toll is the whole, whatever the words after it say of bodies
        ("Quake toll jumps to 1,234 as bodies are pulled from a buried church", "1,234", "Quake toll", "dead"),
        ("The toll passed 2,000 as the search for the buried neared its end.", "2,000", "toll", "dead"),
        # a verb of the bodies' state may come before the figure it is done to
        ("Pathologists had so far identified 212 of the dead.", "212", "", "identified"),
        ("The landslide buried more than 600 people, officials said.", "more than 600", "people", "dead"),
        ("Soldiers killed 30 people in the raid.", "30", "people", "dead"),
        # those who died in hospital, or of their wounds, are a part of the toll
        ("The fire brigade said 91 people had died, 14 of whom died in hospital.", "14", "", "died-in-hospital"),
        ("Eleven burn victims later died in hospital.", "Eleven", "burn victims", "died-in-hospital"),
        ("Three of the injured have since succumbed to their injuries.", "Three", "", "died-in-hospital"),
        ("The toll rose to 58 after a woman died in hospital.", "58", "toll", "dead"),
    ],
)
def test_states_of_the_bodies_of_the_dead(sentence, mention, counted, state):
    assert _frame(sentence, mention, "killed", counted).state == state


@pytest.mark.parametrize(
    ("sentence", "mention", "counted"),
    [
        ("Doctors had carried out 212 post-mortem examinations by Friday.", "212", "post-mortem examinations"),
        ("Pathologists carried out 87 autopsies on Monday.", "87", "autopsies"),
        ("Forensic teams have performed 87 autopsies so far.", "87", "autopsies"),
    ],
)
def test_examinations_of_the_dead_count_the_dead_examined_and_carry_no_one_aboard(sentence, mention, counted):
    """ "carried out 87 autopsies": the bodies examined, whatever the category, not people
    carried aboard a boat."""
    for category in ("killed", "other"):
        frame = _frame(sentence, mention, category, counted)
        assert (frame.population, frame.state) == ("people", "autopsied")


def test_autopsies_still_to_come_leave_the_dead_dead():
    """ "three deaths, ... adding that post-mortems had yet to be carried out": the deaths,
    not examinations of them."""
    sentence = "Mombasa recorded three deaths, the commission said, adding that post-mortems had yet to be done."
    assert _frame(sentence, "three", "killed", "deaths").state == "dead"


@pytest.mark.parametrize(
    ("sentence", "mention", "state"),
    [
        ("Of the 700 injured, 520 had been discharged and 180 were still in hospital.", "520", "discharged"),
        ("Of the 700 injured, 520 had been discharged and 180 were still in hospital.", "180", "in-hospital"),
        ("About 600 people were hurt and taken to hospital.", "About 600", "injured"),
        ("Doctors said 140 people had been treated as outpatients.", "140", "outpatients"),
        ("The hospital put the number of patients at 75.", "75", "in-hospital"),
    ],
)
def test_the_injured_sent_home_and_still_in_hospital_are_parts(sentence, mention, state):
    counted = "number of patients" if "number of patients" in sentence else ""
    assert _frame(sentence, mention, "wounded", counted).state == state


@pytest.mark.parametrize(
    ("sentence", "mention", "state"),
    [
        # the cue nearest the figure, before it or after
        ("The Army said it had rescued nearly 600 people and recovered around 40 bodies.", "nearly 600", "rescued"),
        # a cue in a clause of its own before the figure is not its
        (
            "Officials said 230 people were injured and that 870 homes had been destroyed.",
            "870",
            "damaged-or-destroyed",
        ),
    ],
)
def test_a_figure_of_no_category_takes_the_state_nearest_it(sentence, mention, state):
    assert _frame(sentence, mention, "other", "").state == state


def test_people_on_a_boat_and_a_bare_number_rescued():
    on_board = _frame("Between 400 and 750 people were on the boat, survivors said.", "Between 400 and 750", "other")
    assert on_board.state == "aboard"
    rescued = _frame("The coast guard kept the number rescued at 104.", "104", "other", "number")
    assert (rescued.population, rescued.state) == ("people", "rescued")


@pytest.mark.parametrize(
    ("sentence", "mention", "source"),
    [
        ("Survivors told the agency that about 500 people had crowded onto the vessel.", "about 500", "Survivors"),
        ("Up to 600 people were on that boat, a survivor told reporters.", "Up to 600", "survivor"),
        ("Some 450 people had boarded the trawler in the port, the agency said.", "Some 450", "agency"),
        ("As many as 90 children were locked in the hold, survivors said.", "As many as 90", "survivors"),
    ],
)
def test_people_on_a_boat_however_written_and_whoever_tells_it_are_aboard(sentence, mention, source):
    assert _frame(sentence, mention, "other", "", source).state == "aboard"


def test_people_crowding_onto_a_square_or_boarding_buses_are_not_aboard():
    square = "About 50,000 people packed onto the square for the march, organisers said."
    assert _frame(square, "About 50,000", "other", "people").state != "aboard"
    buses = "Some 400 people boarded buses to join the march."
    assert _frame(buses, "Some 400", "other", "people").state != "aboard"


def test_figures_added_since_the_last_count_are_not_the_count():
    sentence = "Divers recovered 12 more bodies on Thursday, bringing the total to 94, the coast guard said."
    assert _frame(sentence, "12", "killed", "bodies").group == "added"
    assert _frame(sentence, "94", "killed", "total").group == ""
    assert _frame("The ministry reported 47 new deaths on Friday.", "47", "killed", "deaths").group == "added"
    assert _frame("More than 300 people have died.", "More than 300", "killed", "people").group == ""


def test_a_gathering_named_before_the_figure_outweighs_another_clauses_state():
    sentence = (
        "Police put the largest rally at the harbour front, some 8,000 people, and said 300 had been evacuated "
        "from the pier."
    )
    assert _frame(sentence, "some 8,000", "other", "people").state == "turnout"


def test_women_and_children_are_people_counted_by_the_same_group_however_written():
    one = _frame("The dead included 31 women and 9 children.", "31", "killed", "women")
    other = _frame("Of the dead, 35 were women.", "35", "killed", "")
    assert (one.group, one.population) == ("women", "people")
    assert one.key() == other.key()


def test_a_disaster_the_army_helps_with_counts_people_not_troops(nlp):
    from crosstally.extract import DocumentText, extract_many
    from crosstally.ingest import reconcile_batch
    from crosstally.read import Document

    texts = [
        "Landslide toll rises\nThe state government said on Monday that 190 people had died in the landslides "
        "in Kalvara.\n",
        "Army joins Kalvara search\nSoldiers, army engineers and troops of a relief column reached Kalvara on "
        "Tuesday. Officials said on Tuesday that 27 children were among the dead, and soldiers and troops "
        "kept digging.\n",
    ]
    docs = [
        Document(f"d{i}.txt", t, title=None, outlet=f"O{i}", published=date(2024, 7, 30 + i))
        for i, t in enumerate(texts)
    ]
    claims = [c for g in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in g]
    rec = reconcile_batch(docs, claims)
    populations = {f.population for f in rec.frames.values()}
    assert "troops" not in populations


def test_a_toll_the_coast_guard_and_navy_give_counts_people_and_a_wars_counts_troops(nlp):
    from crosstally.extract import DocumentText, extract_many
    from crosstally.ingest import reconcile_batch
    from crosstally.read import Document

    def populations(texts: list[str]) -> dict[str, str]:
        docs = [
            Document(f"d{i}.txt", t, title=None, outlet=f"O{i}", published=date(2024, 5, 2 + i))
            for i, t in enumerate(texts)
        ]
        claims = [c for g in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in g]
        rec = reconcile_batch(docs, claims)
        return {c.mention: rec.frames[(c.doc, c.start)].population for c in claims}

    wreck = populations(
        [
            "Boat sinks off Zuwara\nThe death toll rose to 61 on Thursday, the coast guard said. Navy divers, "
            "coast guard crews and army helicopters searched the sea. A coast guard officer said the guards and "
            "sailors would keep looking.\n",
        ]
    )
    assert wreck["61"] == "people"
    war = populations(
        [
            "Front line\nThe defence ministry said 1,200 soldiers had been killed. Its troops and fighters held "
            "the town. The death toll rose to 1,450 on Friday, the general staff said.\n",
        ]
    )
    assert war["1,450"] == "troops"


def test_one_days_losses_are_a_rate_beside_the_running_total():
    sentence = "The general staff said 1,100 troops had been killed or wounded in the past 24 hours."
    assert _frame(sentence, "1,100", "casualties", "troops").per == "day"
    assert _frame("The general staff said 1,100 troops had been killed.", "1,100", "casualties", "troops").per == ""
    sentence = "More than 200 people were hurt in the 24 hours to Tuesday, the minister said."
    assert _frame(sentence, "More than 200", "wounded", "people").per == "day"


def test_passengers_counted_beside_the_crew_are_a_part_of_those_aboard():
    sentence = "The plane had 155 passengers and seven crew on board."
    assert _frame(sentence, "155", "other", "passengers").group == "passengers"
    assert _frame(sentence, "seven", "other", "crew").group == "crew"
    assert _frame("The ferry was carrying 300 passengers.", "300", "other", "passengers").group == ""


def test_teams_and_crews_sent_are_counted_as_what_they_are(nlp):
    """Rescue teams, medical teams and rescue workers are deployed, each its own measure,
    not one "troops deployed"; and they do not make a disaster a war."""
    texts = [
        "Quake relief grows\nOfficials said on Monday that 14 rescue teams and 60 medical teams had been sent "
        "to the Hunza valley. About 900 rescue workers were combing the rubble, they said. The toll rose to 310 "
        "dead.\n",
        "Teams reach Hunza\nThe interior ministry said on Tuesday that 22 rescue teams were at work in the "
        "Hunza valley, where 340 people had died.\n",
    ]
    claims, frames = _story(texts, date(2024, 3, 4))
    measure = {value: f.measure for value, f in frames.items()}
    assert {c.value: c.category for c in claims if c.value in (14, 60, 900)} == dict.fromkeys((14, 60, 900), "deployed")
    assert len({measure[14], measure[60], measure[900]}) == 3
    assert measure[14] == measure[22]  # rescue teams, whoever counts them
    assert frames[310].population == "people"


@pytest.mark.parametrize(
    ("sentence", "mention", "counted", "group"),
    [
        ("Among the dead were 18 stewards, nine wardens and two assistant wardens.", "18", "stewards", "steward"),
        ("Among the dead were 18 stewards, nine wardens and two assistant wardens.", "nine", "wardens", "warden"),
        (
            "Among the dead were 18 stewards, nine wardens and two assistant wardens.",
            "two",
            "assistant wardens",
            "assistant-warden",
        ),
        ("The strike killed 90 soldiers, including 14 lieutenants.", "14", "lieutenants", "lieutenant"),
        # the whole itself, people in general, and a clause that names no whole
        ("The strike killed 90 soldiers, including 14 lieutenants.", "90", "soldiers", ""),
        ("The blast killed 30 people, including 12 children, and injured 140 people.", "140", "people", ""),
        ("Police said 26 miners had died.", "26", "miners", ""),
        # a whole named in a clause joined before the figure's, and a toll, name no kind
        (
            "The paper counted 109 deaths on Monday, among them a mayor, and put the toll for the month at 440.",
            "440",
            "toll",
            "",
        ),
        ("The attack killed 40 people, including a judge; the final toll was 52 soldiers.", "52", "soldiers", ""),
    ],
)
def test_a_kind_of_person_among_a_whole_is_its_own_part(sentence, mention, counted, group):
    assert _frame(sentence, mention, "killed" if mention != "140" else "wounded", counted).group == group


def test_people_feared_dead_are_an_estimate_apart_from_the_bodies_counted(nlp):
    """ "Up to 500 feared dead" is dead and missing by estimate; the bodies recovered and
    the toll they make are one count, apart from it."""
    texts = [
        "Trawler sinks off Kalos\nThe coast guard said on Wednesday that 62 bodies had been recovered off Kalos. "
        "Survivors said up to 500 people were feared dead.\n",
        "Kalos toll rises\nThe death toll from the Kalos sinking rose to 70 on Thursday, the coast guard said. "
        "The UN refugee agency said about 450 people were presumed dead.\n",
    ]
    claims, frames = _story(texts, date(2024, 6, 12))
    measure = {value: f.measure for value, f in frames.items()}
    assert measure[62] == measure[70]
    assert measure[500] == measure[450] != measure[62]


def test_hostages_taken_freed_still_held_and_dead_in_captivity_are_apart(nlp):
    """A hostage count is taken, freed, still held or dead in captivity: four measures, and
    none of them is the attack's death toll; hostages "still held" are captives."""
    texts = [
        "Siege ends in Varno\nGunmen killed 310 people in Varno on Saturday and took 86 hostages, the army said. "
        "On Monday the army said it had freed 30 hostages, and that 41 were still held. Eleven hostages have died "
        "in captivity, officials said.\n",
        "Varno talks\nThe government said on Tuesday that 29 hostages were still being held. The death toll from "
        "the attack rose to 325.\n",
    ]
    claims, frames = _story(texts, date(2024, 6, 12))
    measure = {value: f.measure for value, f in frames.items()}
    assert {c.value: c.category for c in claims if c.value in (86, 30, 41, 11, 29)} == dict.fromkeys(
        (86, 30, 41, 11, 29), "captured"
    )
    assert measure[41] == measure[29]
    assert len({measure[86], measure[30], measure[41], measure[11], measure[310]}) == 5
    assert measure[310] == measure[325]


def test_people_accounted_for_are_found_and_a_state_after_the_next_figure_is_its(nlp):
    from crosstally.ingest import claims_of
    from crosstally.read import Document

    text = (
        "Tower collapse: list of missing grows\n\nThe mayor said one person had died, 99 were unaccounted for "
        "and 102 had been accounted for. On Monday she said 125 people had been accounted for and 156 "
        "remained unaccounted for."
    )
    measures = {c.mention: c.measure for c in claims_of([Document("a.txt", text, published=date(2021, 6, 25))])}
    assert measures["99"] == measures["156"]
    assert measures["102"] == measures["125"] != measures["99"]
    assert measures["102"].endswith("-located")


def test_people_at_risk_beside_a_toll_are_not_dead():
    """ "Cyclone Idai has killed 202 people ..., and nearly 350,000 people are at risk": the
    sentence's state of the dead is not theirs."""
    sentence = "The cyclone has killed 202 people, the president said, and nearly 350,000 people are at risk."
    assert _frame(sentence, "nearly 350,000", "other", "people").state == "at-risk"
