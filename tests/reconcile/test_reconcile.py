"""Reconciliation on small multi-document stories we write: stories, measures, sources,
statement times and flags (conflicts, revisions, misquotes, near-copies)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from batch import measures_of

from crosstally.claims import Claim
from crosstally.ingest import add_documents
from crosstally.read import Document
from crosstally.reconcile.flags import interval
from crosstally.reconcile.sources import is_source_name, resolve_sources
from crosstally.reconcile.view import view_of
from crosstally.report.data import flag_dicts
from crosstally.store import Ledger
from crosstally.store.reconciled import refresh


@pytest.mark.parametrize(
    "names",
    [
        ["Volodymyr Zelensky", "Zelensky", "Zelenskiy", "President Zelensky", "Volodymyr Zelenskyy"],
        ["Joint Chiefs of Staff", "JCS", "South Korea's Joint Chiefs of Staff", "the JCS"],
        ["International Organization for Migration", "IOM", "the UN migration agency"],
        ["Choi Seong-beom", "Choi Seong", "Choi"],
        ["Hospital Authority", "city hospital authority"],
        ["World Health Organization", "WHO", "WHO official", "the UN health agency"],
        ["OCHA", "the U.N. humanitarian office", "UN Office for the Coordination of Humanitarian Affairs"],
        ["Doctors Without Borders", "MSF", "Medecins Sans Frontieres"],
        [
            "Ishikawa prefecture",
            "prefecture",
            "prefectural government",
            "Ishikawa prefectural government",
            "prefectural authorities",
            "Ishikawa prefecture officials",
        ],
        ["Maui County", "Maui County website", "county"],
        ["Civil Human Rights Front", "the Front"],
        ["medical and security sources", "Security and medical sources"],
    ],
)
def test_name_variants_become_one_source(names):
    entities = resolve_sources(names)
    assert len({entities[n].key for n in names}) == 1


def test_different_people_and_bodies_stay_apart():
    names = [
        "Volodymyr Zelensky",
        "Oleksandr Syrskyi",
        "Vladimir Putin",
        "health ministry",
        "Hamas",
        "UNHCR",
        "IOM",
        "local officials",
        "health officials",
        "Cabinet Office",
        "Kim Sung-ho",
        "Kim Jong-un",
    ]
    assert len({e.key for e in resolve_sources(names).values()}) == len(names)


def test_alias_table_overrides():
    entities = resolve_sources(["Kyiv", "Ukrainian government"], {"Kyiv": "Ukrainian government"})
    assert entities["Kyiv"].key == entities["Ukrainian government"].key


@pytest.mark.parametrize("name", ["298 Pakistanis", "2022", "updated toll", "the death toll", "Monday", "12,000"])
def test_numbers_dates_and_tolls_are_not_sources(name):
    assert not is_source_name(name)


@pytest.mark.parametrize("name", ["Red Cross", "the interior ministry", "Josh Green", "WHO", "local officials"])
def test_people_and_bodies_are_sources(name):
    assert is_source_name(name)


def _claim(value, qualifier, value_max=None) -> Claim:
    return Claim(
        "d", 0, 1, "x", value, value_max, qualifier, None, None, "people", "killed", None, None, None, None, None
    )


@pytest.mark.parametrize(
    ("qualifier", "value", "value_max", "low", "high"),
    [
        ("min", 3000, None, 3000, float("inf")),
        ("max", 12000, None, 0, 12000),
        ("approx", 1000, None, 800, 1200),
        ("exact", 1000, None, 995, 1005),
        ("range", 10000, 12000, 10000, 12000),
    ],
)
def test_interval(qualifier, value, value_max, low, high):
    assert interval(_claim(value, qualifier, value_max)) == pytest.approx((low, high))


def _doc(name, text, outlet, day, story=None):
    return Document(name, text, title=None, outlet=outlet, published=date(2024, 3, day))


FLOODS = [
    _doc(
        "a.txt",
        "Floods in Zarovia: The health ministry said on Monday that at least 40 people were killed in the "
        "floods in Zarovia.\nZarovian police said 300 people were injured in the flooding.\n",
        "Daily A",
        5,
    ),
    _doc(
        "b.txt",
        "Zarovia floods: Local rescuers said 12 people were killed in the floods in Zarovia on Monday.\n",
        "Daily B",
        5,
    ),
    _doc(
        "c.txt",
        "Zarovia flood toll rises: Floods in Zarovia killed 95 people, the health ministry said on Friday.\n"
        "In Kessel province alone, 30 people were killed, the health ministry said on Friday.\n",
        "Daily C",
        9,
    ),
    _doc(
        "d.txt",
        "Zarovia floods: The UN said on Monday that 500 people in Zarovia were killed or wounded in the floods.\n",
        "Daily D",
        5,
    ),
    _doc("e.txt", "Zarovia floods: The UN said on Monday that 500 people in Zarovia were killed.\n", "Daily E", 5),
    _doc(
        "f.txt",
        "Floods in Zarovia: The United Nations said on Monday that 500 people in Zarovia were killed or "
        "wounded by the floods.\n",
        "Daily F",
        5,
    ),
]
WIRE = (
    "ZAROVIA floods update: The interior ministry said on Tuesday that 1,385 homes were destroyed by the floods "
    "in Zarovia, and that rescue teams from three neighbouring countries had joined the search for survivors "
    "along the river valley, where roads and bridges were washed away."
)
COPIES = [
    _doc("g.txt", WIRE + "\nMore rain is forecast.\n", "Wire Daily", 6),
    _doc("h.txt", WIRE + "\nOfficials urged calm.\n", "Copy Times", 6),
    _doc(
        "i.txt",
        "Zarovia damage count: Officials at the interior ministry told reporters on Tuesday that 1,835 homes had been "
        "destroyed across the valley.\n",
        "Daily I",
        6,
    ),
    _doc(
        "j.txt",
        "Homes lost in Zarovia: According to the interior ministry, 1,385 homes have been destroyed, "
        "it said on Tuesday.\n",
        "Daily J",
        6,
    ),
]
UNRELATED = _doc(
    "fire.txt",
    "House fire in Brenmoor: Two people died in a house fire in the village of Brenmoor, the fire brigade said.\n",
    "Brenmoor Gazette",
    6,
)


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "l.duckdb"
    with Ledger(path) as ledger:
        ledger.add_alias("UN", "United Nations")
        add_documents(ledger, FLOODS[:3])
        add_documents(ledger, [UNRELATED])
        add_documents(ledger, FLOODS[3:] + COPIES)
    return path


@pytest.fixture(scope="module")
def view(ledger_path):
    with Ledger(ledger_path, read_only=True) as ledger:
        return view_of(ledger)


def _dead(view):
    return next(m for m in view.measures if m.measure.endswith("people-dead") and "fire" not in m.measure)


def test_an_unrelated_document_is_a_story_of_its_own(view):
    fire = [m for m in view.measures if any(e.claim.doc == "fire.txt" for e in m.estimates)]
    assert fire and all(len({e.claim.doc for e in m.estimates}) == 1 for m in fire)
    assert len(view.stories) == 2
    assert all(e.claim.doc != "fire.txt" for e in _dead(view).estimates)


def test_killed_wounded_and_both_stay_apart(view):
    story = _dead(view).story
    states = {m.measure.removeprefix(story + "-") for m in view.measures if m.story == story}
    assert {"people-dead", "people-injured", "people-dead-or-injured"} <= states


def test_a_province_toll_is_a_measure_linked_to_the_whole(view):
    province = next(m for m in view.measures if "kessel" in m.measure)
    assert province.parent == _dead(view).measure
    assert [e.claim.value for e in province.estimates] == [30]


def test_a_rising_toll_through_one_source_is_a_revision_not_a_conflict(view):
    dead = _dead(view)
    ministry = [e for e in dead.estimates if "health ministry" in e.source_name]
    assert [e.when for e in ministry] == [date(2024, 3, 4), date(2024, 3, 8)]
    assert dead.latest_by_source()[ministry[0].source_name].claim.value == 95
    assert any(r.earlier.claim.value == 40 and r.later.claim.value == 95 for r in dead.revisions)
    assert not any({c.a.claim.value, c.b.claim.value} == {40, 95} for c in dead.conflicts)


def test_two_bodies_disagreeing_on_the_same_day_conflict(view):
    pairs = {frozenset((c.a.claim.doc, c.b.claim.doc)) for c in _dead(view).conflicts}
    assert frozenset(("a.txt", "b.txt")) in pairs
    assert not any("c.txt" in p for p in pairs)


def test_a_misquote_by_category(view):
    quote = next(q for q in view.misquotes if q.odd.claim.value == 500)
    assert quote.odd.claim.doc == "e.txt"
    assert quote.usual.claim.doc in ("d.txt", "f.txt")
    assert quote.source_name == "United Nations"


def test_a_misquote_by_number(view):
    quote = next(q for q in view.misquotes if q.odd.claim.value == 1835)
    assert quote.odd.claim.doc == "i.txt" and quote.usual.claim.value == 1385


def test_a_wire_copy_is_a_near_copy_and_counts_once(view):
    assert ("h.txt", "g.txt") in view.near_copies
    flags = flag_dicts(view)
    assert {"type": "near_copy", "docs": ["g.txt", "h.txt"]} in flags
    homes = next(m for m in view.measures if "homes" in m.measure)
    assert len(homes.independent()) == len(homes.estimates) - 1


def test_flags_name_claims_by_doc_and_span(view):
    for flag in flag_dicts(view):
        for key in ("a", "b", "claim", "like", "earlier", "later"):
            if key in flag:
                assert set(flag[key]) >= {"doc", "start", "end"}
                assert flag[key]["start"] < flag[key]["end"]


def _tables(path: Path) -> dict:
    with Ledger(path, read_only=True) as ledger:
        db = ledger.db
        return {
            "stories": sorted(db.execute("SELECT id, documents, claims FROM stories").fetchall()),
            "frames": sorted(db.execute("SELECT doc, start, measure, source_key, as_of FROM claim_frames").fetchall()),
            "measures": sorted(
                db.execute("SELECT measure, parent, claims, sources, low, high FROM measures").fetchall()
            ),
            "flags": sorted(db.execute("SELECT type, measure, a_doc, a_start, b_doc, b_start FROM flags").fetchall()),
        }


def test_incremental_reconciliation_equals_a_full_one(ledger_path, tmp_path, nlp):
    once = tmp_path / "once.duckdb"
    with Ledger(once) as ledger:
        ledger.add_alias("UN", "United Nations")
        add_documents(ledger, FLOODS + [UNRELATED] + COPIES)
    incremental = _tables(ledger_path)
    assert incremental == _tables(once)
    with Ledger(once) as ledger:
        refresh(ledger, everything=True)
    assert incremental == _tables(once)


def test_a_pinned_story_keeps_its_documents(tmp_path, nlp):
    from crosstally.store.reconciled import pin

    path = tmp_path / "p.duckdb"
    with Ledger(path) as ledger:
        add_documents(ledger, FLOODS[:2] + [UNRELATED])
        pin(ledger, ["fire.txt", "a.txt"], "my-story")
        refresh(ledger)
        rows = dict(ledger.db.execute("SELECT doc, story FROM story_documents").fetchall())
    assert rows["fire.txt"] == rows["a.txt"] == "my-story" != rows["b.txt"]


def test_measures_on_the_seeds_group_like_the_gold(shared: Path, nlp):
    from crosstally.evaluate import load_gold, score
    from crosstally.ingest import claims_of
    from crosstally.read import read_paths

    gold = load_gold(shared / "gold" / "seeds.jsonl")
    pred = [c.record(with_measure=True) for c in claims_of(list(read_paths([shared / "seeds"])))]
    assert score(gold, pred, shared / "seeds").grouping_pair_f1 >= 0.85


@pytest.mark.parametrize(
    ("texts", "same", "apart"),
    [
        (
            [
                "Ferry disaster off Veltra: Survivors said 430 passengers were aboard the Veltra ferry.",
                "The Veltra ferry carried 410 people when it sank off Veltra, the coast guard said.",
            ],
            [("430", "410")],
            [],
        ),
        (
            [
                "Veltra quake: At least 212 people died in the Veltra earthquake, officials said.",
                "Veltra quake: Rescuers pulled 57 survivors from the rubble in Veltra.",
            ],
            [],
            [("At least 212", "57")],
        ),
        (
            [
                "Veltra floods: The floods killed 300 people, making them the worst since the 2011 floods, "
                "which killed 120 people in Veltra.",
            ],
            [],
            [("300", "120")],
        ),
        (
            [
                "Veltra floods: Officials said 80 people were missing. The mayor said he expected the number "
                "to fall below 20.",
            ],
            [("80", "below 20")],
            [],
        ),
        (
            [
                "Veltra storm: About 33,000 households were without power on Monday, the utility said. "
                "Officials said 5,000 people were evacuated.",
                "Veltra storm: Some 12,000 homes remained without running water, the water board said.",
            ],
            [],
            [("About 33,000", "5,000"), ("About 33,000", "Some 12,000")],
        ),
        (
            # a figure set against another ("up from") is the same quantity; areas of
            # different things are different measures
            [
                "Veltra floods: Aid now covers the needs of nearly 180,000 people, up from around 35,000 on "
                "Friday. Floods covered about 600 square kilometres of Kessel province, and 10,000 hectares of "
                "farmland went under water.",
            ],
            [("nearly 180,000", "around 35,000")],
            [("about 600 square kilometres", "10,000 hectares"), ("nearly 180,000", "about 600 square kilometres")],
        ),
        (
            # a national count beside the province's is a measure of its own
            [
                "Veltra quake: The province said 126 people had died. Nationally, the cabinet office "
                "counted 128 deaths.",
            ],
            [],
            [("126", "128")],
        ),
        (
            # a crowd, marchers and people who took part are one turnout
            [
                "Veltra march against the Orvan bill: Organisers said 1.03 million people took part in Sunday's "
                "march through Veltra against the Orvan bill.",
                "Veltra police count the Orvan bill march: In Veltra, where marchers protested against the Orvan "
                "bill, police said the crowd peaked at 240,000 on Sunday.",
            ],
            [("1.03 million", "240,000")],
            [],
        ),
        (
            # officers among the injured, and the seriously injured, are parts of their own
            [
                "Veltra clashes: Police said 22 officers had been injured. The hospital authority said 79 people "
                "had been injured. Two of the injured were in serious condition.",
            ],
            [],
            [("22", "79"), ("Two", "79")],
        ),
        (
            # an earlier event's toll named after the figure is a measure of its own
            [
                "Veltra storm: The governor said on Tuesday that the toll in Veltra had reached 36, more than the "
                "35 people killed there by Hurricane Ardo in 1989.",
            ],
            [],
            [("36", "35")],
        ),
        (
            # a figure placed where a breakdown put a part belongs to that part
            [
                "Veltra storm: The storm has killed 140 people, 56 of them in Florida and 33 in Georgia. Georgia's "
                "toll stood at 36 on Tuesday, the governor said.",
            ],
            [("33", "36")],
            [("140", "36")],
        ),
        (
            # "the county" is the county the report names
            [
                "Veltra storm: Orvanto County Sheriff Ada Moss said 35 deaths had been confirmed in the county. "
                "The storm has killed 116 people across the region.",
            ],
            [],
            [("35", "116")],
        ),
        (
            # a breakdown by place: each part is a measure of its own
            [
                "Veltra quake: The prefecture said 61 people died in the earthquake.",
                "Veltra quake: The prefecture listed 19 dead in the city of Orvanto and 20 in Kessby.",
            ],
            [],
            [("61", "19"), ("61", "20"), ("19", "20")],
        ),
        (
            # a part a partitive figure sets apart is not the toll; one that only repeats the
            # people counted is
            [
                "Veltra siege: Investigators said 120 people had died. They said 35 of the dead were killed by "
                "gunfire. Later they said 131 people had died, 60 of whom had been trapped in the hall. Rescuers "
                "said over 140 of those people were killed.",
            ],
            [("120", "131"), ("120", "over 140")],
            [("120", "35"), ("131", "60"), ("35", "60")],
        ),
        (
            # figures set in an earlier year by their own words are an earlier event's
            [
                "Veltra pilgrimage: Officials said 410 pilgrims had died in the heat this year. Last year, 230 "
                "pilgrims died during the pilgrimage, they added. A crush at Orvan in 2015 killed at least 1,900 "
                "people. In 2009, a fire swept the camp at Kessby; 96 died in the blaze.",
            ],
            [],
            [("410", "230"), ("410", "at least 1,900"), ("410", "96")],
        ),
        (
            # in a story counting several peoples apart, a country's body counts its own
            [
                "Veltra pilgrimage: Diplomats said 520 pilgrims had died in the heat, among them 60 Chileans and "
                "45 Peruvians. Chile's foreign ministry later put its count at 71.",
            ],
            [("60", "71")],
            [("520", "71"), ("45", "71")],
        ),
        (
            # where the story counts one people, a country's ministry gives the whole toll
            [
                "Veltra quake: Chile's health ministry said 71 people had died in the earthquake. Rescuers said "
                "the toll was 75.",
            ],
            [("71", "75")],
            [],
        ),
    ],
)
def test_frames_merge_synonyms_and_keep_states_apart(nlp, texts, same, apart):
    measures = measures_of(texts)
    for a, b in same:
        assert measures[a] == measures[b], measures
    for a, b in apart:
        assert measures[a] != measures[b], measures


def test_a_title_is_the_person_the_document_names_with_it():
    from crosstally.reconcile.sources import title_aliases

    text = (
        "Quake toll passes 900: Governor\nProvince Governor Ilse Marten told reporters that 912 people had died. "
        "Interior Minister Tomas Brandt said rescue teams were on their way. The governor said more help was needed."
    )
    names = ["Governor", "Ilse Marten", "the governor", "Tomas Brandt", "Kessel's interior minister", "health ministry"]
    aliases = title_aliases(text, names)
    assert aliases["Governor"] == aliases["the governor"] == "Ilse Marten"
    assert aliases["Kessel's interior minister"] == "Tomas Brandt"
    assert "health ministry" not in aliases and "Ilse Marten" not in aliases


def test_the_seeds_flag_the_zelensky_misquote_and_answer_with_every_estimate(shared: Path, tmp_path, nlp):
    from crosstally.ask import ask_ledger
    from crosstally.read import read_paths

    with Ledger(tmp_path / "seeds.duckdb") as ledger:
        add_documents(ledger, read_paths([shared / "seeds"]))
        view = view_of(ledger)
        answer, _ = ask_ledger(ledger, "how many North Korean troops were killed or wounded?")
    (quote,) = [q for q in view.misquotes if q.odd.claim.value == 3000]
    assert "Zelensk" in quote.source_name and quote.odd.claim.category == "killed"
    assert quote.usual.claim.category == "casualties"
    figures = {(e.claim.value, e.source_name) for m in answer.measures for e in m.estimates}
    assert any(v == 3800 and "Zelensk" in s for v, s in figures)
    assert any(v == 1100 and "Joint Chiefs" in s for v, s in figures)


def _stories_of(folders: list[Path]) -> list[list[str]]:
    from crosstally.reconcile.copies import near_copies
    from crosstally.reconcile.stories import StoryInput, group_stories
    from crosstally.reconcile.timing import written_on
    from crosstally.story_eval import story_documents

    docs = [d for f in folders for d in story_documents(f, f.name + "/")]
    copies = near_copies([(d.id, d.text) for d in docs])
    stories = group_stories(
        StoryInput(d.id, d.text, d.title, d.published or day, copies.get(d.id), month_day=month_day)
        for d in docs
        for day, month_day in [written_on(d.text, d.published)]
    )
    return sorted(sorted({d.split("/")[0] for d in s.docs}) for s in stories)


def test_each_dev_story_is_one_story_alone_and_together(shared: Path):
    from crosstally.story_eval import story_folders

    whole = story_folders([shared / "gold" / "stories", Path(__file__).parents[1] / "stories"])
    assert len(whole) >= 16
    for folder in whole:
        assert _stories_of([folder]) == [[folder.name]]
    assert _stories_of(whole) == sorted([f.name] for f in whole)


def test_no_story_ever_takes_reports_of_another():
    from crosstally.story_eval import story_folders

    folders = story_folders([Path(__file__).parents[1] / "stories"])
    assert all(len(found) == 1 for found in _stories_of(folders))


def test_a_titled_person_speaks_for_the_body_the_title_names():
    from crosstally.reconcile.sources import speaking_bodies

    text = (
        "Fire authorities put the dead at 149. By 9 a.m., Yongsan fire chief Choi Seong-beom said the toll had "
        "reached 151. Interior Minister Ihor Klymenko said 10 had died; Ukraine's interior ministry later said 16."
    )
    names = ["Fire authorities", "Choi Seong-beom", "Ihor Klymenko", "Ukraine interior ministry"]
    assert speaking_bodies(text, names) == {
        "Choi Seong-beom": "Fire authorities",
        "Ihor Klymenko": "Ukraine interior ministry",
    }
    # two bodies with the title's word: no guess
    assert speaking_bodies(text, [*names, "National Fire Agency"]) == {"Ihor Klymenko": "Ukraine interior ministry"}


@pytest.mark.parametrize(("dateline", "apart"), [("July 9", True), ("March 25", False), ("July 9, 2023", True)])
def test_an_undated_report_joins_only_a_story_of_its_own_days(dateline, apart):
    """An undated report's dateline is its time for grouping: a report on the same names
    four months away is another event, even when the dateline gives no year."""
    from crosstally.reconcile import DocInfo, reconcile

    lead = "Rescuers in Varna searched the Kessel dam area after the collapse near Dobrich, Governor Ilia Marev said."
    docs = [
        DocInfo("a.txt", lead + " At least 12 people were killed.", None, "Wire", date(2024, 3, 23)),
        DocInfo("b.txt", f"VARNA, {dateline} (Courier) - " + lead + " At least 14 people died.", None, "Courier", None),
    ]
    rec = reconcile(docs, [])
    assert (len(rec.stories) == 2) is apart, [s.docs for s in rec.stories]


@pytest.mark.parametrize(
    ("values", "docs", "conflict"),
    [
        ((275, 40), ("a", "a"), False),  # one report: a part beside its whole
        ((275, 240), ("a", "a"), True),  # one report setting two counts a little apart
        ((15_000, 150_000), ("a", "b"), True),  # two reports' rival tallies, however far apart
    ],
)
def test_a_figure_many_times_smaller_in_the_same_report_is_no_rival_count(values, docs, conflict):
    from dataclasses import replace
    from datetime import date

    from crosstally.reconcile.flags import Estimate, conflicts, revisions

    day = date(2024, 6, 3)
    estimates = [
        Estimate(replace(_claim(v, "exact"), doc=d, start=i), f"source-{i}", f"Source {i}", day, None, None)
        for i, (v, d) in enumerate(zip(values, docs, strict=True))
    ]
    assert bool(conflicts("m", estimates)) is conflict
    assert revisions(estimates) == []  # two sources apart are two tracks, whatever the conflict


def test_of_two_disagreeing_pairs_the_closer_is_the_rival_count():
    """A news site's 200,000 (one march) and 31,000 (a rally of the same day) in one
    measure, against the ministry's 65,000 for the rally: the conflict is 65,000 against
    31,000, whichever source comes first."""
    from dataclasses import replace
    from datetime import date

    from crosstally.reconcile.flags import Estimate, conflicts

    day = date(2020, 8, 16)
    figures = [(200_000, "site"), (65_000, "ministry"), (31_000, "site")]
    for order in (figures, figures[::-1]):
        estimates = [
            Estimate(replace(_claim(v, "exact"), doc="a", start=i), key, key, day, None, None)
            for i, (v, key) in enumerate(order)
        ]
        (found,) = conflicts("m", estimates)
        assert {found.a.claim.value, found.b.claim.value} == {65_000, 31_000}


def test_a_minister_is_the_office_a_story_names_alone():
    """ "according to the interior minister" in one report, "Interior Minister Leyla Darvish's
    count" in another: where no interior ministry is among the sources, the person the
    reports so title is the one voice of that office, in every report."""
    from crosstally.reconcile.sources import holders_of_offices, resolve_sources

    texts = [
        "Interior Minister Leyla Darvish visited the wounded. The toll is 61, according to the interior minister.",
        "A week on, Interior Minister Leyla Darvish's count of 61 dead still stands.",
    ]
    entities = resolve_sources(["interior minister", "Leyla Darvish", "health ministry"])
    assert holders_of_offices(texts, entities) == {"Leyla Darvish": "interior minister"}
