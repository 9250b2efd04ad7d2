"""Category and counted noun from the syntax around a figure, in many reporting styles."""

from __future__ import annotations

import pytest

CATEGORIES = [
    # sentence, mention, category
    ("At least 40 people were killed in the blast.", "At least 40", "killed"),
    ("The earthquake killed more than 2,000 people.", "more than 2,000", "killed"),
    ("Nine miners died after the shaft collapsed.", "Nine", "killed"),
    ("The death toll rose to 112 on Tuesday.", "112", "killed"),
    # people a disaster buried are presumed dead; houses it buried are not
    ("Officials said more than 400 people were buried alive.", "more than 400", "killed"),
    ("Rescuers said 900 houses were buried by the mud.", "900", "other"),
    # people who carry wounds, and people made to leave their homes
    ("Medics treated 95 people with minor injuries on Thursday.", "95", "wounded"),
    ("About 3,400 people were forced out of their homes.", "About 3,400", "displaced"),
    ("Police forced 300 protesters out of the square.", "300", "other"),
    # the list of a breakdown goes on with the state it began with
    ("Of the dead, 41 were men, 35 were women and 12 were children.", "12", "killed"),
    ("He said 120 bodies had been recovered, 50 of them men, 44 women and 26 children.", "44", "killed"),
    ("The dead included 31 women and 9 children, the minister said.", "9", "killed"),
    ("The injured comprised 40 men and 12 women.", "40", "wounded"),
    ("The team included 12 engineers.", "12", "other"),
    # a noun joined to the counted one with a figure of its own is that figure's
    ("Officials reported 12 deaths and 40 injuries on Monday.", "12", "killed"),
    ("The watchdog counted 27 deaths and 240 injuries.", "240", "wounded"),
    ("There were some 3,000 deaths and injuries in the city.", "some 3,000", "casualties"),
    ("Rescuers have recovered 57 bodies from the rubble.", "57", "killed"),
    ("The ministry reported 3,500 deaths.", "3,500", "killed"),
    ("Twelve people lost their lives in the fire.", "Twelve", "killed"),
    ("Another 300 were found dead in the river.", "300", "killed"),
    ("About 150 people were injured in the clashes.", "About 150", "wounded"),
    ("Some 60 protesters suffered injuries.", "Some 60", "wounded"),
    ("The attack left 85 wounded.", "85", "wounded"),
    ("Officials said 200 were hurt.", "200", "wounded"),
    ("More than 3,000 soldiers have been killed or wounded.", "More than 3,000", "casualties"),
    ("The unit suffered about 1,100 casualties.", "about 1,100", "casualties"),
    ("Nearly 500 people were killed and injured.", "Nearly 500", "casualties"),
    ("Russia has lost 4,000 troops in the offensive.", "4,000", "casualties"),
    ("Two North Korean soldiers had been captured.", "Two", "captured"),
    ("Militants took 30 hostages.", "30", "captured"),
    ("Kyiv says it holds 1,200 prisoners of war.", "1,200", "captured"),
    ("At least 10,000 people are missing.", "At least 10,000", "missing"),
    ("Some 400 migrants remain unaccounted for.", "Some 400", "missing"),
    ("Up to 12,000 troops will be deployed to the border.", "Up to 12,000", "deployed"),
    ("The country sent 1,500 peacekeepers.", "1,500", "deployed"),
    ("About 10,000 soldiers are fighting in the region.", "About 10,000", "deployed"),
    ("Russia has massed 100,000 troops near the border.", "100,000", "deployed"),
    ("The army has 1.28 million active soldiers.", "1.28 million", "personnel"),
    ("It fields a force with 200,000 soldiers.", "200,000", "personnel"),
    ("More than 40,000 people have been displaced.", "More than 40,000", "displaced"),
    ("About 8,000 residents fled their homes.", "About 8,000", "displaced"),
    ("Authorities evacuated 25,000 people from the coast.", "25,000", "displaced"),
    ("The UN counts 6 million refugees.", "6 million", "displaced"),
    ("The typhoon forced the evacuation of nearly 800,000 residents.", "nearly 800,000", "displaced"),
    ("Organisers put the crowd at 200,000.", "200,000", "other"),
    # what a tally puts at the figure is what it counts, not the tally
    ("Last week a Reuters tally had put the arrests at more than 2,500.", "more than 2,500", "arrested"),
    ("Its count put the number of dead at 312.", "312", "killed"),
    ("The coast guard said on Friday, keeping the number rescued at 104.", "104", "other"),  # "at" on "rescued"
    # a quantity near its figure
    ("The death toll is now close to 500.", "close to 500", "killed"),
    ("US officials have put the deaths closer to 70,000.", "closer to 70,000", "killed"),
    ("Researchers had earlier put the toll as high as 3,100.", "as high as 3,100", "killed"),
    ("The blast brought the number of troops killed this year to 64.", "64", "killed"),
    ("At least 23 demonstrators were shot dead and more than 300 injured.", "more than 300", "wounded"),
    ("At least 23 demonstrators were shot dead and more than 300 injured.", "At least 23", "killed"),
    ("Seven people, including two children, were killed when a bus crashed.", "two", "killed"),
    ("Its teams treated 1,745 wounded patients, and 12 of its staff were killed.", "1,745", "wounded"),
    ("It reached 4.6 million people in May, down from 6 million in April.", "6 million", "other"),
    ("The quake struck on Friday, killing at least 296 people and injuring 153.", "at least 296", "killed"),
    ("The quake struck on Friday, killing at least 296 people and injuring 153.", "153", "wounded"),
    ("Russian forces have killed or wounded 3,000 soldiers.", "3,000", "casualties"),
    ("Another 14 bodies were recovered on Wednesday, bringing the total to 112.", "112", "killed"),
    ("Bus crash leaves 12 dead, 30 injured", "30", "wounded"),
    ("The storm killed four people in Florida and two in Georgia.", "two", "killed"),
    ("The IOM said 31 bodies were recovered, adding that 28 others were missing.", "28", "missing"),
    ("Bodies of 31 migrants, including 11 children, were recovered off the coast.", "11", "killed"),
    ("Police arrested 73 demonstrators.", "73", "arrested"),
    ("Security forces detained more than 200 people.", "more than 200", "arrested"),
    ("The convoy carried 300 tanks.", "300", "materiel"),
    ("Forces shot down 45 drones overnight.", "45", "materiel"),
    ("North Korea has sent some 20,000 containers.", "some 20,000", "materiel"),
    ("The army fired 10,000 artillery shells a day.", "10,000", "materiel"),
    ("The donors pledged $2.5 billion.", "$2.5 billion", "money"),
    ("Damage is estimated at 3 million euros.", "3 million euros", "money"),
    ("Approximately 200 ammunition factories are operating.", "Approximately 200", "other"),
    ("Russia holds 20 per cent of the country.", "20 per cent", "other"),
    ("The ship had 162 people on board.", "162", "other"),
    ("Rescuers pulled 45 survivors from the sea.", "45", "other"),
    ("Voters cast 2.3 million ballots.", "2.3 million", "other"),
    ("The list holds the names of 412 people still missing after the mudslide.", "412", "missing"),
    ("Some 25 climbers remain missing on the glacier, the park said.", "Some 25", "missing"),
    # a people's name, then the state, with no verb: "the tally: 312 Chileans dead"
    ("A consul gave the tally: 312 Chileans dead, 40 of them unregistered.", "312", "killed"),
    ("The latest count: 57 Peruvians missing.", "57", "missing"),
    # a state said by the complement of a relative clause on the number or its noun
    ("Officials narrowed the list down to 412 who were considered missing.", "412", "missing"),
    ("Crews found 19 hikers who had been reported missing.", "19", "missing"),
    ("The census lists 7,000 villagers who are now homeless.", "7,000", "displaced"),
    # a force said to be somewhere is deployed; people in a place that names a state
    ("More than 1,000 federal personnel are on the ground on the island.", "More than 1,000", "deployed"),
    ("Some 2,500 troops were in the border district by Friday.", "Some 2,500", "deployed"),
    ("Nearly 300 firefighters are at the scene.", "Nearly 300", "deployed"),
    ("About 60 people were in hospital on Sunday night.", "About 60", "wounded"),
    ("At least 35 protesters are in custody.", "At least 35", "arrested"),
    ("Roughly 4,000 residents were in shelters after the storm.", "Roughly 4,000", "displaced"),
    ("There were 500 people in the stadium.", "500", "other"),
    # "it" continues the quantity the sentence before names
    ("The toll has risen steadily since the weekend. It reached 126 on Saturday.", "126", "killed"),
    ("The tally of people unaccounted for has moved the other way. It jumped to 323 on Monday.", "323", "missing"),
    ("Prokudin gave a lower count of the missing on Monday. He put it at 25.", "25", "missing"),
    # a count the tagger folds into the time after it; "N more X"
    ("The website showed 110 deaths on Saturday, up from 94 the day before.", "94", "killed"),
    ("The premier said about 1,000 more soldiers would be sent.", "about 1,000", "deployed"),
    # a state after "as"; leaving a place is displacement
    ("Officials said 41 people were listed as missing.", "41", "missing"),
    ("Almost 2,000 people had left the flooded parts of the city.", "Almost 2,000", "displaced"),
    ("He said 57,360 people had left their homes for evacuation centres.", "57,360", "displaced"),
    ("The crew left 3 vehicles behind.", "3", "materiel"),
    ("Organisers said 1.03 million people took part.", "1.03 million", "other"),
    ("About 4,600 members of the armed forces are taking part in the search.", "About 4,600", "deployed"),
    # taken to a place that names a state; what the subject of "were" names
    ("The authority said 79 people had been taken to hospital by Thursday.", "79", "wounded"),
    ("Police said 12 people were taken into custody.", "12", "arrested"),
    ("Some 40 tourists were taken to the airport.", "Some 40", "other"),
    ("The authority said the injured were 57 men and 24 women.", "24", "wounded"),
    ("The number of people treated in hospital after the clashes has risen to 81.", "81", "wounded"),
    ("Some 300 people lost their homes in the fire.", "Some 300", "displaced"),
    ("Hurricane Helene has killed at least 116 people in six states.", "six", "other"),
    ("The state listed 65 deaths on Friday, 27 of them in the county.", "27", "killed"),
    ("Three people died in the town and 90% of it was under water.", "90%", "other"),
    # a bare "the number" continues the report's last figure
    (
        "Officials said 388 people were missing. The governor expected the number to fall below 100.",
        "below 100",
        "missing",
    ),
    (
        "The number of people on the official list of those missing has been put at 385, nearly unchanged.",
        "385",
        "missing",
    ),
    # a sentence that opens with the quantity whose level it gives, however it is parsed
    (
        "The number of people unaccounted for after the New Year's Day earthquake jumped on Monday to 332.",
        "332",
        "missing",
    ),
    # a dateline before the sentence hides nothing
    ("KAHULUI, Hawaii: The death toll from the fires reached 93 on Saturday.", "93", "killed"),
    ("QUITO, Feb 2 (Andes Wire) - The number of dead rose to 41, officials said.", "41", "killed"),
    # what people are treated for, or where, names their state; "the number of" people
    # "who died" counts the dead even when the clause hangs on "number"
    ("Medics said 48 people were being treated for gunshot wounds.", "48", "wounded"),
    ("The ministry said nine miners had died and 14 were being treated in hospital.", "14", "wounded"),
    ("The ministry said nine miners had died and 14 were being treated in hospital.", "nine", "killed"),
    ("The number of Peruvian climbers who had died rose from 7 to 9 by Friday.", "7", "killed"),
    ("The number of Peruvian climbers who had died rose from 7 to 9 by Friday.", "9", "killed"),
    # a tally whose own words name nothing counts what the report has just been counting,
    # whoever keeps it and whatever else its words say
    (
        "Hospital staff said 31 people died on Friday. By Sunday the agency's overall count since the riots"
        " began had reached at least 212.",
        "at least 212",
        "killed",
    ),
    ("Medics said 14 people died overnight. Reuters' tally for the whole week stood at 73.", "73", "killed"),
    (
        "Police said 48 people were detained in Tbilisi. An earlier tally on Monday, compiled from court"
        " records, came to 1,020.",
        "1,020",
        "arrested",
    ),
    ("Officials confirmed 19 deaths. The list had grown to 25 by nightfall.", "25", "killed"),
    # ... the dead when the report has just counted them beside other states ...
    (
        "The ministry said 540 people had died, 1,200 were hurt and 96 were missing. Police said 75 were"
        " missing and 300 hurt. The figure had stood at 410 on Monday.",
        "410",
        "killed",
    ),
    # ... "it" is a tally too, named in its own sentence or kept from the one before, and so
    # are the names on a list ...
    ("The hospital's list of the injured now runs to 212 names.", "212", "wounded"),
    ("The death toll has risen sharply since Sunday, when the governor put it at 88.", "88", "killed"),
    ("Officials counted 40 arrests on Monday. On Friday police raised it to 95.", "95", "arrested"),
    # ... and a tally named in the sentence before wins over them
    (
        "At least 60 people died in the clashes. Another 140 officers were wounded. By Monday the"
        " overall count had reached 220.",
        "220",
        "killed",
    ),
    (
        "Officials said 80 people were arrested. The volunteers kept a separate count of deaths."
        " That count had stood at 41 on Friday.",
        "41",
        "killed",
    ),
    # a tally of something that names no state counts that thing
    ("Officials said 56 people died on Monday. The number of homes reached 150.", "150", "other"),
    # a headline that names the toll and gives its level
    ("Cyclone's toll: 140 officially, far more by local count", "140", "killed"),
    # the first figures "counted N dead", and the list after them
    ("The first official figures counted 88 dead: 50 in Bago and 38 in Pyay.", "88", "killed"),
    ("The first official figures counted 88 dead: 50 in Bago and 38 in Pyay.", "38", "killed"),
    # a part "of whom" is in the state of its whole, unless a verb ends that state
    ("The agency said 230 people were admitted to hospital, 91 of whom were still there.", "91", "wounded"),
    ("Officials said 120 pilgrims were reported missing, 85 of whom had since been found.", "85", "other"),
    ("Of the 60 people detained on Friday, 45 have been released.", "45", "other"),
    (
        "The ministry said on Friday that more than 1,500 detainees had already been released.",
        "more than 1,500",
        "other",
    ),
    # ... but hostages are counted as captured, and bodies found are the dead
    ("The army freed 30 hostages on Sunday.", "30", "captured"),
    ("Rescuers found the bodies of 12 people near the river.", "12", "killed"),
    ("Villagers said 14 people were found dead in the mud.", "14", "killed"),
    # what people are known, believed or feared to have suffered; remains are of the dead
    ("The number of climbers known to have died this season rose above 20 on Thursday.", "above 20", "killed"),
    ("At least 35 fishermen are feared to have drowned.", "At least 35", "killed"),
    ("Authorities said the remains of seven people had been recovered.", "seven", "killed"),
    # a state said of the figure right after it, whatever the parser joined the figure to
    (
        "By Sunday night, 870 people had been confirmed dead, 2,315 injured and 95 were missing, the ministry said.",
        "95",
        "missing",
    ),
    ("Officials said 130 people had died, 540 had been injured and 88 were missing.", "88", "missing"),
    # people held by the police, not people who held something
    ("Police said at least 310 people were held in the capital.", "at least 310", "arrested"),
    ("About 8,000 people held a vigil in the square.", "About 8,000", "other"),
    ("Officials said 520 people held overnight would appear in court.", "520", "arrested"),
    # crews and teams sent to work are deployed; a force verb says nothing of other people
    ("Eleven teams of the civil defence, some 400 rescuers in all, worked through the night.", "Eleven", "deployed"),
    ("About 600 emergency workers were at the scene by Sunday.", "About 600", "deployed"),
    ("Nearly 900 rescue workers were still combing the hillside.", "Nearly 900", "deployed"),
    ("The governor said the state guard had activated 450 members.", "450", "deployed"),
    ("Some 3,000 people work at the port.", "Some 3,000", "other"),
    ("Some 800 personnel were involved in the search.", "Some 800", "deployed"),
    ("Thirty divers were taking part in the search.", "Thirty", "deployed"),
    ("About 300 people were involved in the brawl.", "About 300", "other"),
    ("The agency has flown in 9,000 tents.", "9,000", "materiel"),
    ("Union leaders said 90,000 workers took part in the strike.", "90,000", "other"),
    # vehicles, machines and supplies are materiel
    ("Officials said 120 ambulances, 30 buses and 25 medical teams had been sent.", "120", "materiel"),
    ("Officials said 120 ambulances, 30 buses and 25 medical teams had been sent.", "30", "materiel"),
    ("Officials said 120 ambulances, 30 buses and 25 medical teams had been sent.", "25", "deployed"),
    ("The army brought in nine excavators and four bulldozers.", "nine", "materiel"),
    ("The agency said it had delivered 4,000 body bags.", "4,000", "materiel"),
    # people registered or treated as hurt, patients and a part "of them" of the injured
    ("The health centre said 410 people had been registered as injured.", "410", "wounded"),
    ("A doctor said 190 people had been treated as outpatients.", "190", "wounded"),
    ("The minister said nearly 300 people had been injured, 37 of them police officers.", "37", "wounded"),
    # a number sizing a plural noun is a count, whatever entity the tagger gives it
    ("The coast guard said 104 people had died.", "104", "killed"),
    ("The navy said 58 people had been rescued and 9 bodies had been recovered.", "58", "other"),
    # people treated, in intensive care or carrying a wound hung on the verb are hurt;
    # what they are treated "for" says whether they are
    ("Paramedics treated 86 patients at the scene, the ambulance service said.", "86", "wounded"),
    ("Six children were also being treated, the hospital said.", "Six", "wounded"),
    ("The ministry said 1,200 people were treated for dehydration.", "1,200", "other"),
    ("Nine of them were in intensive care on Sunday.", "Nine", "wounded"),
    ("Surgeons counted 31 people with gunshot wounds.", "31", "wounded"),
    ("An eye clinic said 45 protesters had lost an eye.", "45", "wounded"),
    ("Doctors said at least 60 people had lost their sight.", "at least 60", "wounded"),
    # suspects in custody are arrested
    ("The police spokesman said 17 suspects were in custody.", "17", "arrested"),
    # people not found, not located or untraced are missing; found, they are not
    ("The company named 212 contractors who had still not been found.", "212", "missing"),
    ("The embassy said four Chileans could not be located.", "four", "missing"),
    ("Village elders spoke of about 900 residents whom nobody could trace.", "about 900", "missing"),
    ("Police said 40 of the missing had been found alive.", "40", "other"),
    # a denial in a label the sentence quotes says nothing of the people counted
    ('The hotline\'s sheet counted 430 people under a heading that read, "Not Found."', "430", "other"),
    # people sheltered, living in the open or unable to go home are displaced
    ("Eleven schools were sheltering 2,315 people on Tuesday.", "2,315", "displaced"),
    ("Aid groups said 350,000 people were living in the open.", "350,000", "displaced"),
    ("The mayor said 7,000 residents still cannot go home.", "7,000", "displaced"),
    ("The convoy left Gaza City with 90 trucks.", "90", "materiel"),
    # losing jobs or homes is no casualty; losing troops is
    ("The union said 300 jobs were lost when the mill closed.", "300", "other"),
    ("The army said 300 troops were lost in the battle.", "300", "casualties"),
    # people flown out are evacuated; people in shelters are displaced, in hospital hurt
    ("The embassy said 2,300 of its citizens had been flown out.", "2,300", "displaced"),
    ("Since Monday 41,000 people have been flown out of the capital.", "41,000", "displaced"),
    ("The agency counted about 3,100 people in emergency shelters.", "about 3,100", "displaced"),
    ("Doctors said 52 people in hospital were in a stable condition.", "52", "wounded"),
    ("About 80 people in the square sang the anthem.", "About 80", "other"),
    # a running quantity changed to a level, in a clause the parser splits
    ("The navy on Sunday revised the number of bodies recovered from the wreck to 31 from 34.", "31", "killed"),
    ("The navy on Sunday revised the number of bodies recovered from the wreck to 31 from 34.", "34", "killed"),
    ("Rescue chief Ana Ruiz said on Friday that the number of bodies recovered rose to 19.", "19", "killed"),
]


@pytest.mark.parametrize(("sentence", "mention", "category"), CATEGORIES)
def test_category(claims_of, sentence, mention, category):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert mention in claims, f"{mention!r} not extracted from {sentence!r}: {sorted(claims)}"
    assert claims[mention].category == category


@pytest.mark.parametrize(
    ("sentence", "mention", "counted"),
    [
        ("At least 100 North Korean soldiers have died.", "At least 100", "North Korean soldiers"),
        ("The port received 20,000 containers.", "20,000", "containers"),
        ("About 3,000 of them were wounded.", "About 3,000", "them"),
        ("Approximately 200 ammunition factories are open.", "Approximately 200", "ammunition factories"),
        # a running quantity changed to a level counts what it is "of", never the figure itself
        ("The navy revised the number of bodies recovered to 31 from 34.", "31", "number of bodies"),
        ("The Red Cross's figure of 9,400 was disputed.", "9,400", "Red Cross's figure"),
        # "of which", like "of whom", counts a part of the things just counted
        ("Divers recovered 61 body parts, 49 of which were sent for examination.", "49", "body parts"),
    ],
)
def test_counted(claims_of, sentence, mention, counted):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert claims[mention].counted == counted


@pytest.mark.parametrize(
    ("sentence", "mention", "per"),
    [
        ("The troops suffered an estimated 92 casualties every day.", "an estimated 92", "day"),
        ("Russia loses about 1,000 soldiers a day.", "about 1,000", "day"),
        ("Some 3,000 migrants arrive per month.", "Some 3,000", "month"),
        ("The army fired 10,000 shells daily.", "10,000", "day"),
        ("About 1,000 soldiers were killed in a day of fighting.", "About 1,000", None),
        ("Blast toll reaches 171 a day after the government resigns", "171", None),
        ("The count stood at 40 a week later.", "40", None),
    ],
)
def test_rate(claims_of, sentence, mention, per):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert claims[mention].per == per


@pytest.mark.parametrize(
    ("sentence", "mention", "location"),
    [
        ("At least 40 people were killed in Gaza City.", "At least 40", "Gaza City"),
        ("Some 10,000 troops are fighting in Russia's Kursk region.", "Some 10,000", "Kursk region"),
        ("Floods killed 30 people in the province of Kessel.", "30", "Kessel"),
        ("The agency listed 19 dead in the city of Wajima and 20 in Suzu.", "19", "Wajima"),
        ("The agency listed 19 dead in the city of Wajima and 20 in Suzu.", "20", "Suzu"),
        ("Georgia's toll stood at 25 on Monday.", "25", "Georgia"),
        ("North Carolina accounts for 56 of the dead, followed by South Carolina with 33.", "56", "North Carolina"),
        ("North Carolina accounts for 56 of the dead, followed by South Carolina with 33.", "33", "South Carolina"),
        ("The team won with 33 points.", "33", None),
        ("Governor Ada Moss of Ohio said the toll in her state had reached 36.", "36", "Ohio"),
        ("The governor said the toll in his state had reached 36.", "36", None),
        # where a figure was spoken is not where the counted thing is; a place the
        # sentence opens with sets the scene of what is counted
        ("The minister told a meeting in Riga that 41 people had died.", "41", None),
        ("Speaking at a briefing in Geneva, the envoy said 300 people had been killed.", "300", None),
        ("The agency said in Nairobi on Friday that 12 people had died in Kisumu.", "12", "Kisumu"),
        ("In Lagos, police said 75 people were arrested.", "75", "Lagos"),
        # "N elsewhere", "N in other parts" are not the place named before them
        ("Police said 204 people were held in Tbilisi and 68 in other parts of the country.", "68", None),
        ("Police said 204 people were held in Tbilisi and 68 in other parts of the country.", "204", "Tbilisi"),
        ("Officials said 30 people were arrested in Minsk and 12 elsewhere.", "12", None),
        # where a report was put out is not where its counted things are
        ("A report published in Geneva on Monday found that 650 people had been killed.", "650", None),
        # "the border in Ecuador": the named place a bare place noun is in
        ("Across the border in Ecuador, 12 people were killed.", "12", "Ecuador"),
    ],
)
def test_location(claims_of, sentence, mention, location):
    claims = {c.mention: c for c in claims_of(sentence)}
    assert claims[mention].location == location


NOT_CLAIMS = [
    "Officials said the sea in the area was only 50 to 100 (150 to 300 feet) metres deep.",
    "Two officials said the talks had failed.",
    "CNN reported, citing two US officials, that the talks had failed.",
    "One witness told reporters the road was closed.",
    "The ceasefire took effect in 2024.",
    "Talks will resume on 3 March.",
]


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_no_claim(claims_of, sentence):
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Eleven people died in the blaze. By noon the number still in hospital had reached 34.", "34", "wounded"),
        ("The flood killed 40 people. The number in shelters stood at 3,100 on Friday.", "3,100", "displaced"),
    ],
)
def test_a_tally_of_those_in_a_place_is_that_places_state(claims_of, text, mention, expected):
    """ "the number still in hospital", after a sentence about the dead: the place the tally
    is of says its state, not the count the report kept before."""
    assert {c.mention: c.category for c in claims_of(text)}[mention] == expected


def test_one_word_after_the_counted_things_is_their_place_whatever_the_tagger_says(claims_of):
    """ "homeless families in Tacloban", the city tagged as an organisation: one capitalised
    word right after what is counted is where it is."""
    claims = claims_of("Rescuers counted more than 1,000 homeless families in Tacloban.")
    assert {c.mention: c.location for c in claims}["more than 1,000"] == "Tacloban"


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Mourners fill the streets as toll rises to 62; 14 held over the attack", "14", "arrested"),
        ("Storm toll climbs to 40; 25 evacuated from the coast", "25", "displaced"),
    ],
)
def test_a_headlines_passive_without_its_auxiliary(claims_of, text, mention, expected):
    """ "14 held over the attack": a headline drops "were"; the bare number is still what
    the verb was done to, not a part of the toll before the semicolon."""
    assert {c.mention: c.category for c in claims_of(text)}[mention] == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The blaze gutted 40 cars and a dozen motorcycles parked along the road.", "40"),
        ("Investigators said the firm had shipped 3,000 pagers to the region.", "3,000"),
        ("Customs officers seized 120 radios at the border.", "120"),
    ],
)
def test_vehicles_and_devices_are_materiel(claims_of, text, mention):
    assert {c.mention: c.category for c in claims_of(text)}[mention] == "materiel"


def test_paramedics_sent_are_deployed_and_killed_ones_killed(claims_of):
    text = "The ambulance service sent 230 paramedics to the quarter. Two medics were killed when a wall fell."
    found = {c.mention: c.category for c in claims_of(text)}
    assert (found["230"], found["Two"]) == ("deployed", "killed")
