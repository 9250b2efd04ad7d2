"""Source and via from the attribution patterns of news reporting."""

from __future__ import annotations

import pytest

ATTRIBUTIONS = [
    # text, mention, source, via
    ("The health ministry said 40 people were killed.", "40", "health ministry", None),
    ("At least 40 people were killed, the health ministry said.", "At least 40", "health ministry", None),
    (
        "At least 40 people were killed, said Ahmed Nasser, a hospital director.",
        "At least 40",
        "Ahmed Nasser",
        None,
    ),
    ("According to the United Nations, 6 million people have fled.", "6 million", "United Nations", None),
    ("Some 6 million people have fled, according to UNHCR.", "Some 6 million", "UNHCR", None),
    ("Police told Reuters that 12 people were arrested.", "12", "Police", None),
    (
        "Interior Minister Anna Berg told parliament that 300 officers were deployed.",
        "300",
        "Anna Berg",
        None,
    ),
    (
        "North Korea is sending 1,500 more troops, reports Yonhap, citing intelligence officials.",
        "1,500",
        "intelligence officials",
        "Yonhap",
    ),
    (
        "The Times reported, citing two officials, that 900 soldiers had died.",
        "900",
        "two officials",
        "Times",
    ),
    (
        "Ukrainian President Volodymyr Zelensky said 3,800 soldiers had been killed or wounded.",
        "3,800",
        "Volodymyr Zelensky",
        None,
    ),
    ('"We have lost 27 colleagues," the union said in a statement.', "27", "union", None),
    ("Over 3,000 of these soldiers have been killed, as per Kyiv's figures.", "Over 3,000", "Kyiv", None),
    (
        "The governor stated that, according to the fire chief, 14 homes burned.",
        "14",
        "fire chief",
        "governor",
    ),
    ("Satellite images show 80 aircraft at the base.", "80", None, None),
    ("The storm destroyed 500 homes.", "500", None, None),
    (
        "Reports indicate that 200 soldiers were captured, according to Western officials.",
        "200",
        "Western officials",
        None,
    ),
    (
        "More than 1,000 people were evacuated, officials at the regional emergency service said.",
        "More than 1,000",
        "officials",
        None,
    ),
    (
        "An estimated 2,000 troops are in the area, the Institute for the Study of War said.",
        "An estimated 2,000",
        "Institute for the Study of War",
        None,
    ),
    (
        "The coast guard revised its count on Monday, saying that 61 sailors had been rescued, Reuters reported.",
        "61",
        "coast guard",
        "Reuters",
    ),
    (
        "Nearly 900 homes were flooded, according to the Associated Press, citing the regional governor.",
        "Nearly 900",
        "regional governor",
        "Associated Press",
    ),
    ("Governor Ada Moss said she expected the count to fall below 200.", "below 200", "Ada Moss", None),
    ("Landslide toll could climb to 150: Governor\nRoads remain closed.", "150", "Governor", None),
    ("Ferry death toll passes 90 - coast guard\nThe search goes on.", "90", "coast guard", None),
    # a speaker in a clause of its own that says something else is not the source
    ("The toll stands at 115, but officials have warned that it will rise.", "115", None, None),
    ("Floods killed 20 people and the mayor said that schools would stay shut.", "20", None, None),
    # a participle speaks for the subject of its clause
    ("The UN amended its toll on Sunday, stating that at least 3,958 people died.", "at least 3,958", "UN", None),
    ("The ministry issued a statement, saying 14 soldiers were wounded.", "14", "ministry", None),
    ("The agency revised its count, remarking that 200 homes were lost.", "200", "agency", None),
    # putting out information is making the claim; releasing people is not
    ("The UN humanitarian office issued an appeal for $71.4 million.", "$71.4 million", "UN humanitarian office", None),
    ("Officials released a list of 388 people still missing.", "388", "Officials", None),
    ("The rebels released 20 hostages on Monday.", "20", None, None),
    # an agency however described relays the source it cites; a sum of sources is no one
    (
        "Some 7,800 residents were evacuated, according to Russia's TASS news agency, citing Saldo.",
        "Some 7,800",
        "Saldo",
        "TASS",
    ),
    ("Put side by side, the two administrations' latest counts add up to 45 dead.", "45", None, None),
    ("By evening the prefecture listed 19 dead in the city.", "19", "prefecture", None),
    ("By the prefecture's afternoon count, 55 of the dead were in the city.", "55", "prefecture", None),
    ("By Monday, 30 people had died.", "30", None, None),
    ("As of Monday, 737 people were listed on the locator page.", "737", None, None),
    # "in that count" continues the previous sentence's source
    (
        "The storm has killed at least 140 people, according to a CNN tally. North Carolina accounts for 56 of "
        "the dead in that count.",
        "56",
        "CNN",
        None,
    ),
    # revising a count is stating it; a flood that raises a toll names no one
    ("UN revises toll from Libya floods to 3958\nRescuers dug on.", "3958", "UN", None),
    ("Officials raised the death toll to 93 on Saturday.", "93", "Officials", None),
    ("The ministry lowered its estimate of the dead to 3,958 on Sunday.", "3,958", "ministry", None),
    ("The floods raised the toll to 40.", "40", None, None),
    # officials in a place speak for it
    (
        "At least 48 people were killed, officials in Ishikawa prefecture said.",
        "At least 48",
        "Ishikawa prefecture",
        None,
    ),
    ("Police in Derna said 30 bodies were found.", "30", "Derna police", None),
    ("Local officials in the town said 12 people died.", "12", "Local officials", None),
    # a deadline is no agent; what is counted owns nothing; a circumstance is not reported
    ("The agency said 1,045 tremors had been recorded by 8 a.m. on Saturday.", "1,045", "agency", None),
    ("Only four deaths had been confirmed by early Tuesday morning.", "four", None, None),
    (
        "The number of people confirmed dead in the prefecture rose to 206 on Monday, the prefectural government said.",
        "206",
        "prefectural government",
        None,
    ),
    (
        "The search on Thursday revealed a wasteland as crews fought a blaze that has claimed 36 lives.",
        "36",
        None,
        None,
    ),
    (
        "Unions counted 80,000 strikers in the capital, while the prefecture gave 22,000.",
        "22,000",
        "prefecture",
        None,
    ),
    ("The city council gave a figure of 140 evacuees on Friday.", "140", "city council", None),
    ("The agency gave 300 families emergency grants.", "300", None, None),
    ("Officials at the ministry said 20 people died.", "20", "ministry", None),
    # the speaker of a relative clause is the noun it hangs on
    (
        "The first count came late on Friday from the coast guard, which said 14 people had drowned.",
        "14",
        "coast guard",
        None,
    ),
    ("Reporters reached the harbour master, who said 9 boats had sunk.", "9", "harbour master", None),
    # verbs joined under one subject share it
    ("The governor toured the valley and said 31 people had died.", "31", "governor", None),
    (
        "Health minister Oona Varga visited the ward but said on Friday that more than 400 were injured.",
        "more than 400",
        "Oona Varga",
        None,
    ),
    ("The floods killed 40 people and injured 20, officials said.", "20", "officials", None),
    # a subject set off by a description, which the parser may take for the whole sentence
    (
        "Radio Vox, a news channel with sources in the police, reported on Tuesday that 61 people were missing.",
        "61",
        "Radio Vox",
        None,
    ),
    ("The toll, reported on Monday by officials, stood at 95.", "95", "officials", None),
    # the possessor of a body whose name the recogniser took without it
    ("Chile's foreign ministry later put its count at 71.", "71", "Chile's foreign ministry", None),
    # who found or recorded a figure yields to who is said to speak for it, not to an outlet
    (
        "Divers found 52 of the bodies near the pier and 30 further down the river, the coast guard said.",
        "30",
        "coast guard",
        None,
    ),
    ("Harlow recorded six deaths and Dunmore four, the commission said.", "six", "commission", None),
    ("The ministry recorded 40 deaths, Reuters reported.", "40", "ministry", "Reuters"),
    ("Officials said searchers found 12 bodies.", "12", "Officials", None),
    ("The agency counted 45 deaths on Monday.", "45", "agency", None),
    (
        "The unions said 900,000 people marched on Friday, while the police counted 310,000 protesters.",
        "310,000",
        "police",
        "unions",
    ),
    # a document put out by a body is that body's word
    (
        "A summary issued by the coast guard on Saturday listed 13 dead and 118 missing.",
        "118",
        "coast guard",
        None,
    ),
    ("According to a breakdown released by the Red Cross, 45 of the dead were children.", "45", "Red Cross", None),
    # a possessive inside a name stays as the report writes it; one ending it goes
    ("Modeler Moody's RMS estimated that losses would reach $9 billion.", "$9 billion", "Moody's RMS", None),
    (
        "A further 149 people were hurt, Yonhap news agency reported, citing officials at the headquarters.",
        "149",
        "headquarters",
        "Yonhap news agency",
    ),
    # what someone put out, owned by them, says the figure of its "that" clause
    ("He dismissed Eritrea's claim that 180,000 troops had died.", "180,000", "Eritrea", None),
    ("He rejected the ministry's estimate that 9,000 troops had died.", "9,000", "ministry", None),
    # what a count is of is not whose count it is; a body known by its kind is
    ("A newspaper count of death certificates found 1,050 more deaths than usual.", "1,050", None, None),
    ("The report of the commission found 1,200 people had died.", "1,200", "commission", None),
    # a clause joined to the reporting verb, with a subject of its own, is its own statement
    (
        "Kessel's toll rose to 410, its civil defence said on Friday, and Ardonia counted 96 dead.",
        "96",
        "Ardonia",
        None,
    ),
    (
        "Kessel's toll rose to 410, its civil defence said on Friday, and Ardonia counted 96 dead.",
        "410",
        "civil defence",
        None,
    ),
]


@pytest.mark.parametrize(("text", "mention", "source", "via"), ATTRIBUTIONS)
def test_attribution(claims_of, text, mention, source, via):
    claims = {c.mention: c for c in claims_of(text)}
    assert mention in claims, sorted(claims)
    claim = claims[mention]
    if source is None:
        assert claim.source is None
    else:
        assert claim.source is not None and source.lower() in claim.source.lower(), claim.source
    if via is None:
        assert claim.via is None
    else:
        assert claim.via is not None and via.lower() in claim.via.lower(), claim.via


CONTEXT = [
    # text (several sentences), mention, source
    ("Mayor Lena Ortiz spoke on Friday. She said 45 houses had collapsed.", "45", "Lena Ortiz"),
    ("The Red Cross said 300 people were missing. Another 120 were injured.", "120", "Red Cross"),
    (
        '"We have evacuated 35,000 people," the fire service said. "Another 5,000 are on standby."',
        "5,000",
        "fire service",
    ),
    ("Officials said the road was closed. The storm destroyed 500 homes.", "500", None),
    (
        "The Joint Chiefs of Staff (JCS) issued an update. The JCS said 100 soldiers had died.",
        "100",
        "Joint Chiefs of Staff",
    ),
    (
        "President Volodymyr Zelensky spoke in Kyiv.\nPresident Zelensky said 40 drones were downed.",
        "40",
        "Volodymyr Zelensky",
    ),
    # a name given a person's title is whom a later "he" means, whatever the tagger made of it
    (
        "Tariq Omondi, the ministry's spokesperson, told a briefing that 12,000 pilgrims had travelled."
        " Nine pilgrims died on Saturday, he said, and two were killed in accidents.",
        "Nine",
        "Tariq Omondi",
    ),
]


@pytest.mark.parametrize(("text", "mention", "source"), CONTEXT)
def test_attribution_in_context(claims_of, text, mention, source):
    claims = {c.mention: c for c in claims_of(text)}
    claim = claims[mention]
    if source is None:
        assert claim.source is None
    else:
        assert claim.source == source


@pytest.mark.parametrize(
    ("sentence", "mention", "source"),
    [
        # whose count a figure is, when no one is said to speak
        ("An AFP tally reached 412 deaths on Monday.", "412", "AFP"),
        ("Reuters' running tally stood at 1,207 deaths on Friday.", "1,207", "Reuters"),
        ("The death toll rose to 90 on Monday.", "90", None),
        ("Chile's toll rose to 31 on Monday.", "31", None),
        ("Put side by side, the two agencies' counts add up to 45 dead.", "45", None),
        # "its count", "by its count": the body that spoke before; a thing's toll is no one's
        (
            "The interior ministry said 31 people had died. By Sunday its count had reached 44.",
            "44",
            "interior ministry",
        ),
        ("The Red Cross said 300 people had fled. By its count, 120 died on Monday.", "120", "Red Cross"),
        ("Officials said the storm killed 40 people. Its toll had reached 52 by Friday.", "52", None),
        # who raises a tally ("it") gives its new level; a flood that raises it is no one
        ("Officials counted 40 arrests on Monday. On Friday police raised it to 95.", "95", "police"),
        ("Officials counted 40 deaths on Monday. The flood raised it to 95.", "95", None),
        # a clause whose subject keeps "its" count: that subject's, not the body before it
        (
            "The union said 300,000 people marched. The ministry stood by its count of 95,000.",
            "95,000",
            "ministry",
        ),
        ("The agency kept its estimate at 670 on Tuesday.", "670", "agency"),
        # whose count "its" is takes a verb of keeping; a verb against it, or "By its
        # count" fronted, keeps the earlier reading
        ("The union challenged its count of 95,000 marchers.", "95,000", None),
        (
            "The monitoring group tracks the fighting. By its count, the army lost 300 soldiers in May.",
            "300",
            None,
        ),
        # "the ministry's count" after "the interior ministry": the fuller name
        (
            "The interior ministry said on Friday that 88 people had died. The ministry's count had stood at 80.",
            "80",
            "interior ministry",
        ),
        # someone unnamed who speaks for a body gives the body; a named one stays the person
        (
            "A spokeswoman for the Norwegian Refugee Council said 9,000 people had fled.",
            "9,000",
            "Norwegian Refugee Council",
        ),
        ("Citing a source at the Chilean embassy, EFE reported that 14 Chileans had died.", "14", "Chilean embassy"),
        ("The agency's spokesman, Omar Haddad, said 300 families were displaced.", "300", "Omar Haddad"),
        # "its" body keeps the name as written (reconciliation finds whose it is)
        (
            "Floods reached Peru's north as well. Its health ministry reported on Friday that 61 people had died.",
            "61",
            "Its health ministry",
        ),
        ("The company said its engineers found 12 faults.", "12", "company"),
        # a semicolon sets two statements side by side: neither speaker is the other's
        (
            "In the port, the dockers' union counted 12,000 marchers; police put it at 4,000.",
            "12,000",
            "dockers' union",
        ),
        ("In the port, the dockers' union counted 12,000 marchers; police put it at 4,000.", "4,000", "police"),
        # a speaker the parser hung on a fronted place
        (
            "In Lima, Rosa Quispe, head of the Peruvian Red Cross, said on Monday that 14 climbers had died.",
            "14",
            "Rosa Quispe",
        ),
        # a day before a surname is no part of the name; a place the parser took for a person
        # owns a body or places an office
        ("On Friday Albalat told a radio station that the toll had reached 70.", "70", "Albalat"),
        ("Then Ana Ruiz said 40 people had died.", "40", "Ana Ruiz"),
        ("By evening, Valencia's emergency services had confirmed 51 dead.", "51", "Valencia's emergency services"),
        ("Paiporta mayor says 62 died in her town.", "62", "Paiporta mayor"),
    ],
)
def test_whose_count_or_word_a_figure_is(claims_of, sentence, mention, source):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert claims[mention].source == source


def test_a_surname_after_the_full_name_is_the_person_and_he_goes_on(claims_of):
    """ "Kolokoltsev said" after "Alexei Kolokoltsev" is the person Alexei Kolokoltsev, so a
    later "He told" finds him even past a sentence that names no one."""
    text = (
        "On Monday, Alexei Kolokoltsev, the head of the agency, told reporters that 61 had died. "
        "Kolokoltsev said four children were among the dead. By Monday, 30 of the victims had been identified. "
        "He told reporters that another 112 people had been injured."
    )
    sources = {c.mention: c.source for c in claims_of(text)}
    assert sources["four"] == "Alexei Kolokoltsev"
    assert sources["112"] == "Alexei Kolokoltsev"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("More than 1,000 killed in the uprising, says the health adviser", "More than 1,000"),
        ("The tremor was felt in 63 provinces, and 18 reported damage.", "63"),
        (
            "The force lost 25 members on Monday, the headquarters said. Among the dead were 21 constables and "
            "11 sub-inspectors.",
            "21",
        ),
        ("Ferry disaster: 100 bodies found.", "100"),
    ],
)
def test_a_source_is_never_a_number_or_a_stray_mark(claims_of, sentence, mention):
    source = {c.mention: c for c in claims_of(sentence)}[mention].source
    assert source is None or (any(ch.isalpha() for ch in source) and not any(ch.isdigit() for ch in source)), source


def test_he_said_in_an_earlier_paragraph_reads_the_paragraphs_before_it(claims_of):
    """A paragraph whose speaker is "she" is hers for the paragraph after it too, not the
    name it mentions in passing (nor a district the tagger takes for a person)."""
    text = (
        "Governor Amara Okafor said on Tuesday that 40 people were still missing.\n\n"
        "Divers working with Captain Musa Bello found 35 bodies near the river, she said.\n\n"
        "Doctors had treated 60 of the injured, she said."
    )
    assert {c.mention: c.source for c in claims_of(text)}["60"] == "Amara Okafor"


def test_a_speaker_described_between_commas_keeps_the_verb(claims_of):
    """ "X, a group not to be confused with Y, said": the parser hangs "said" on the
    description's verb; the speaker is still X."""
    text = (
        "Officials in the delta said 20 people had died.\n\n"
        "On Friday the Lagos Civic Rights Forum, a private group not to be confused with the state-run rights "
        "council, said 27 people had died."
    )
    assert {c.mention: c.source for c in claims_of(text)}["27"] == "Lagos Civic Rights Forum"


@pytest.mark.parametrize("verb", ["confirmed", "reported", "estimated"])
def test_it_inside_what_a_body_says_is_that_body(claims_of, verb):
    """ "The Red Cross said it had confirmed 31 deaths" is the Red Cross's, not the
    minister's who spoke the paragraph before."""
    text = f"Interior Minister Paul Dube said 20 people had died.\n\nThe Red Cross said it had {verb} 31 deaths."
    claim = next(c for c in claims_of(text) if c.value == 31)
    assert (claim.source, claim.via) == ("Red Cross", None)


@pytest.mark.parametrize(
    "headline", ["Haj death toll climbs to 900 as heat persists", "Kumbh Mela crush toll reaches 30"]
)
def test_an_events_name_before_its_toll_is_no_owner(claims_of, headline):
    """ "Haj death toll": the name is the event's; only a name right before the tally owns
    it ("an AFP tally")."""
    assert [c.source for c in claims_of(headline)] == [None]
    assert [c.source for c in claims_of("An AFP tally reached 577 on Friday.")] == ["AFP"]


@pytest.mark.parametrize(
    "text, first, second, speaker",
    [
        ("Cyclone toll reaches 81; district governor says 40 still missing", "81", "40", "district governor"),
        ("Mine blast kills 12; union leader Ana Mora says 30 are missing", "12", "30", "Ana Mora"),
        ("The toll rose to 214 on Monday; officials said 17 people were still missing.", "214", "17", "officials"),
    ],
)
def test_a_speaker_after_a_semicolon_speaks_only_for_their_clause(claims_of, text, first, second, speaker):
    """ "Toll reaches 81; governor says 40 still missing": the clause after the semicolon has
    a speaker of its own, who did not give the figure before it."""
    sources = {c.mention: c.source for c in claims_of(text)}
    assert (sources[first], sources[second]) == (None, speaker)


def test_a_semicolon_in_a_list_of_places_keeps_one_sentence(claims_of):
    """ "214 in Valencia; seven in Castilla-La Mancha": a list, with no speaker of its own
    after the semicolon, stays the speaker's."""
    text = "The ministry said 222 had died: 214 in Valencia; seven in Castilla-La Mancha."
    assert {c.source for c in claims_of(text)} == {"ministry"}


@pytest.mark.parametrize("verb", ["cut", "reduced"])
def test_a_source_that_cuts_its_count_gives_the_new_figure(claims_of, verb):
    """ "the chief secretary cut it to 257": lowering a count puts out the new figure, as
    raising it does."""
    text = f"The railways said 288 had died. On Sunday Chief Secretary Rohan Das {verb} the toll to 257."
    claim = next(c for c in claims_of(text) if c.value == 257)
    assert claim.source == "Rohan Das"


@pytest.mark.parametrize(
    "text, mention, source",
    [
        (
            "A ministry spokesman, Karim Haidari, said 12 had died. By evening the same spokesman said at least "
            "30 people had been killed.",
            "at least 30",
            "Karim Haidari",
        ),
        (
            "The relief agency said 400 homes were destroyed. The same update said 2,100 people had lost shelter.",
            "2,100",
            "relief agency",
        ),
    ],
)
def test_the_same_speaker_is_the_one_who_spoke_before(claims_of, text, mention, source):
    """ "The same spokesman said ...": the last one who spoke, not a new source named
    "same spokesman"."""
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The aid group Doctors Without Borders (MSF) said its clinic had treated 117 injured people.",
            "Doctors Without Borders",
        ),
        ("On Monday the charity Oxfam said 40,000 people had no clean water.", "Oxfam"),
        ("The rights group Civic Watch Network reported 37 arrests in the capital.", "Civic Watch Network"),
    ],
)
def test_a_body_named_after_its_description_is_the_name(claims_of, text, source):
    """ "The aid group Doctors Without Borders said": the name, not "aid group"."""
    assert [c.source for c in claims_of(text)] == [source]


@pytest.mark.parametrize(
    "text", ["Save the Children said four pupils had died.", "Four pupils had died, Save the Children said."]
)
def test_a_known_body_the_parser_misreads_still_speaks(claims_of, text):
    """ "Save the Children said": the parser takes "Save" for a verb; the organisations
    table knows the name."""
    assert [c.source for c in claims_of(text)] == ["Save the Children"]


def test_it_after_a_sentence_about_a_bodys_count_is_that_count(claims_of):
    """ "The agency's figure rose fast. It stood at 15 ...": "it" is the agency's count, and
    a sentence that only names a body ("The UN's relief office started lower") is whom
    "its count" and "it reported" mean."""
    text = (
        "The disaster agency's figure rose fast. It stood at 15 dead on Saturday and reached 980 on Sunday.\n\n"
        "The UN's relief office, OCHA, started lower. Its count on Sunday was 610 dead. On Friday it reported "
        "1,100 deaths."
    )
    sources = {c.mention: c.source for c in claims_of(text)}
    assert (sources["15"], sources["980"]) == ("disaster agency", "disaster agency")
    assert (sources["610"], sources["1,100"]) == ("UN's relief office", "UN's relief office")


def test_that_count_is_the_count_the_sentence_before_gave(claims_of):
    """ "That count had stood at 105 on Friday": the count of the sentence before, whose
    owner an "according to" named (not "separate AFP")."""
    text = "At least 150 people have died, according to a separate AFP count. That count had stood at 105 on Friday."
    assert {c.mention: c.source for c in claims_of(text)} == {"At least 150": "AFP", "105": "AFP"}


def test_their_update_is_theirs_who_spoke_before(claims_of):
    text = "Civil protection officials put the toll at 222 on Monday. Their update said 343 people had been arrested."
    assert {c.mention: c.source for c in claims_of(text)}["343"] == "Civil protection officials"


@pytest.mark.parametrize(
    "text, mention, source",
    [
        ("Prime Minister Lena Kask has pledged 20 million euros for the region.", "20 million euros", "Lena Kask"),
        ("UNICEF appealed for $20 million to help 200,000 people.", "200,000", "UNICEF"),
        ("The United States has promised $5 million in emergency aid.", "$5 million", "United States"),
    ],
)
def test_who_pledges_or_appeals_for_a_sum_gives_it(claims_of, text, mention, source):
    """ "X pledged 20 million euros", "X appealed for $20 million to help 200,000 people":
    the figures are the subject's, as with "recorded" and "counted"."""
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


def test_a_count_that_only_moves_is_the_storys_toll(claims_of):
    """ "By Tuesday it had reached 156": after "the ministry's count stood at 149", a toll
    that moves is the story's, not the ministry's statement (only "it stood at" gives the
    keeper's level)."""
    text = "By Monday the interior ministry's count stood at 149 dead. By Tuesday it had reached 156."
    assert {c.mention: c.source for c in claims_of(text)} == {"149": "interior ministry", "156": None}


@pytest.mark.parametrize(
    "text, mention, source",
    [
        ("Police on Saturday arrested two factory owners over the collapse.", "two", "Police"),
        ("The army evacuated 3,000 villagers from the valley on Monday.", "3,000", "army"),
        ("The rights institute has filed 80 complaints of torture so far.", "80", "rights institute"),
        ("Two engineers were arrested by police on Friday.", "Two", "police"),
        ("The Red Crescent sent 40 ambulances to the town.", "40", "Red Crescent"),
        ("Police arrested 12 people, the interior ministry said.", "12", "interior ministry"),
    ],
)
def test_a_bodys_own_act_gives_its_figure(claims_of, text, mention, source):
    """ "Police arrested 12", "the army evacuated 3,000": an act of a public body or office
    is that body's figure; a speaker the sentence names still comes first."""
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Soldiers evacuated 300 residents from the river bank.", "300"),
        ("Police killed five protesters in the capital on Sunday.", "five"),
        ("Volunteers sent 200 parcels of food to the camp.", "200"),
    ],
)
def test_a_plain_group_or_an_act_of_harm_names_no_source(claims_of, text, mention):
    """ "Soldiers evacuated 300" names no one who gives the figure, and a report states a
    killing in its own voice: no source."""
    assert {c.mention: c.source for c in claims_of(text)}[mention] is None


def test_a_list_the_speaker_opens_is_all_theirs(claims_of):
    """ "The ministry said that 139 had died, 189 were missing and 144 were injured": the
    parser hangs "said" on a later clause of the list; every figure is still the
    ministry's."""
    text = "The ministry said that as of Wednesday 139 people had died, 189 were missing and 144 had been injured."
    assert {c.mention: c.source for c in claims_of(text)} == {"139": "ministry", "189": "ministry", "144": "ministry"}


def test_he_after_a_titled_name_the_tagger_took_for_a_body(claims_of):
    """ "Army spokesman Shahinul Islam": a name after a person's title is a person's, so a
    later "he said" is his, though the tagger labelled the name an organisation."""
    text = (
        "Army spokesman Rafiqul Karim said 346 bodies had been recovered by Saturday. "
        "At least 32 people were brought out alive during the day, he said."
    )
    assert {c.mention: c.source for c in claims_of(text)}["At least 32"] == "Rafiqul Karim"


@pytest.mark.parametrize(
    "text, mention, source",
    [
        ("This morning's bulletin from the state fire service puts the toll at 41 dead.", "41", "state fire service"),
        ("Tuesday's report from the health ministry counted 17 deaths.", "17", "health ministry"),
        ("In early May Leila Haddad, who runs the families' group, said 90 people had died.", "90", "Leila Haddad"),
        ("The report of Sunday evening listed 52 dead in the port.", "52", None),
    ],
)
def test_a_time_names_no_one(claims_of, text, mention, source):
    """ "This morning's bulletin from the fire service": a time hung on the phrase that
    names the speaker is no part of the name, and a time alone names no one."""
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


@pytest.mark.parametrize(
    "text, mention, source",
    [
        ("Secretary of State Joan Miller on Monday pledged $4 million. Miller said 12 had died.", "12", "Joan Miller"),
        ("The Minister of Health Kofi Mensah said 300 people were injured.", "300", "Kofi Mensah"),
        ("The government of President Ana Soto faces protests. Soto said 19 people had died.", "19", "Ana Soto"),
    ],
)
def test_a_titles_domain_is_no_part_of_the_name(claims_of, text, mention, source):
    """ "Secretary of State Joan Miller": "State" ends her title; it does not begin her name,
    while "President Ana Soto" after "the government of" is still her name in full."""
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


def test_a_spokesman_named_in_apposition_speaks(claims_of):
    """ "Its spokesman, Rudi Hartono Wibowo, said": the name beside the title is the
    speaker, though the tagger took it for a body."""
    text = "Its spokesman, Rudi Hartono Wibowo, said on Wednesday that 519 victims had been buried."
    assert {c.mention: c.source for c in claims_of(text)}["519"] == "Rudi Hartono Wibowo"


def test_the_named_one_among_other_officials_speaks(claims_of):
    """ "Levine Cava and other officials said": the one the sentence names is the source,
    not the whole phrase."""
    text = "At a briefing that evening, Mayor Rosa Lindqvist and other officials said 99 people were unaccounted for."
    assert {c.mention: c.source for c in claims_of(text)}["99"] == "Rosa Lindqvist"


def test_quoted_by_a_pronoun_is_who_spoke_before(claims_of):
    """ "..., TASS quoted him as saying": he who spoke before is the source, the agency
    that quoted him the intermediary."""
    text = (
        "Health Minister Irina Volkova said on Saturday that 107 people were being treated. "
        "Sixteen were in an extremely serious condition, TASS quoted her as saying."
    )
    (claim,) = [c for c in claims_of(text) if c.mention == "Sixteen"]
    assert (claim.source, claim.via, claim.category) == ("Irina Volkova", "TASS", "wounded")


@pytest.mark.parametrize(
    ("text", "mention", "source"),
    [
        # a body's name after the words that describe it, with words before its head
        (
            "The catastrophe modelling firm Dana Whitcombe & Company puts total losses at about $7 billion.",
            "about $7 billion",
            "Dana Whitcombe & Company",
        ),
        ("The aid group Doctors Without Borders said 40 people were treated.", "40", "Doctors Without Borders"),
        # whatever "its" owner has, named beside it
        (
            "A ferry carried 640 evacuees to Nassau on Sunday, its owner, Baltic Coast Lines, said.",
            "640",
            "Baltic Coast Lines",
        ),
        ("Their lawyer, Marisol Quintero, said 12 workers had been detained.", "12", "Marisol Quintero"),
    ],
)
def test_a_name_beside_what_describes_it_speaks(claims_of, text, mention, source):
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


def test_a_counted_group_is_no_speaker(claims_of):
    """ "said more than 70,000 people needed help, and released $1 million": the people
    counted released nothing."""
    text = "The relief chief said more than 70,000 people needed help at once, and released $1 million."
    assert {c.mention: c.source for c in claims_of(text)}["$1 million"] != "more than 70,000 people"


@pytest.mark.parametrize(
    ("text", "mention", "source"),
    [
        # the speaker's clause after the figure, which the parser hung on the verb it reports
        (
            "The outbreak has now killed 93 residents in Lilongwe, the National Emergency Agency said late on Friday.",
            "93",
            "National Emergency Agency",
        ),
        (
            "The outbreak has destroyed 93 homes in Malawi, the Disaster Management Authority said on Tuesday, "
            "up from 70 on Monday.",
            "93",
            "Disaster Management Authority",
        ),
        # a body known by its capitals, not the pronoun "who"
        ("The WHO reported 312 damaged clinics by the end of the month.", "312", "WHO"),
        # whose count: a body's noun before it, a possessor of "figure of"
        ("Police figures rose from 17 on Friday to 26 on Saturday.", "26", "Police"),
        ("The clinic's figure of 48 children treated is the highest yet.", "48", "clinic"),
        # a name fronted with its day, parsed as one phrase "on Monday UNICEF"
        ("On Monday UNICEF said 300 children were missing.", "300", "UNICEF"),
    ],
)
def test_whose_figure_beyond_the_reporting_verb(claims_of, text, mention, source):
    assert {c.mention: c.source for c in claims_of(text)}[mention] == source


def test_a_place_owning_a_toll_is_no_source(claims_of):
    """ "Mozambique's flood toll rose to 88": a country's toll, whatever the tagger
    calls the country, is not the country's statement."""
    assert {c.mention: c.source for c in claims_of("Mozambique's flood toll rose to 88 on Friday.")}["88"] is None


def test_a_figure_beside_a_given_one_is_the_same_speakers(claims_of):
    """ "went from 12 on Friday to 85 ..., then 240 ... and 312", "2,310 injured: 1,800
    civilians and 510 police officers": a figure in the sentence of one the ministry gives is
    the ministry's too; a toll in a clause of circumstance after an act is not."""
    text = "The ministry's count went from 12 on Friday to 85 that night, then 240 on Saturday and 312 on Sunday."
    assert {c.mention: c.source for c in claims_of(text)}["312"] == "ministry"
    text = (
        "The official tally, released by Health Minister Lina Ortega on Friday, was 2,310 injured: "
        "1,800 civilians and 510 police officers."
    )
    assert {c.mention: c.source for c in claims_of(text)}["510"] == "Lina Ortega"
    text = "Police on Friday detained three contractors over the collapse, as the death toll rose to 57."
    assert {c.mention: c.source for c in claims_of(text)}["57"] is None


def test_a_surname_the_tagger_takes_for_a_pronoun_still_speaks(claims_of):
    """ "Abiad said ...": a capitalised surname the tagger calls a pronoun is no pronoun."""
    text = "Health Minister Firass Abiad spoke on Thursday. Abiad said 2,323 people had been taken to hospital."
    assert {c.mention: c.source for c in claims_of(text)}["2,323"] in ("Abiad", "Firass Abiad")


def test_he_or_she_stands_for_a_titled_speaker(claims_of):
    """ "The governor said ... On Monday she gave a toll of 52": a title names a person,
    whom "she" stands for; a body ("the health ministry") is no "he"."""
    text = "The governor said 40 people had died. On Monday she gave a toll of 52."
    assert {c.mention: c.source for c in claims_of(text)}["52"] == "governor"
    text = "The health ministry said 40 people had died. On Monday he gave a toll of 52."
    assert {c.mention: c.source for c in claims_of(text)}["52"] is None
