"""The names one body goes by among one measure's sources are one voice."""

from __future__ import annotations

from datetime import date

from crosstally.extract import DocumentText, extract_many
from crosstally.ingest import reconcile_batch
from crosstally.read import Document
from crosstally.reconcile.view import view_from
from crosstally.reconcile.voices import voices
from crosstally.report.data import flag_dicts


def _flags(reports: list[tuple[str, str, date, str]]) -> tuple[list[dict], dict[str, str]]:
    """The flags of a batch of (id, outlet, published, text) reports, and their texts."""
    docs = [Document(doc, text, outlet=outlet, published=day) for doc, outlet, day, text in reports]
    claims = [c for found in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in found]
    return flag_dicts(view_from(reconcile_batch(docs, claims), claims, docs)), {d.id: d.text for d in docs}


def _revised(flags: list[dict], texts: dict[str, str]) -> set[tuple[str, str]]:
    """The (earlier, later) mentions of each revision flagged."""
    return {
        tuple(texts[f[k]["doc"]][f[k]["start"] : f[k]["end"]] for k in ("earlier", "later"))
        for f in flags
        if f["type"] == "revision"
    }


def test_a_description_is_the_one_named_body_with_its_head_noun():
    found = voices(
        {
            "jordan-mfa": {"Jordan's Ministry of Foreign Affairs"},
            "its-foreign-ministry": {"its foreign ministry"},
            "weather-agency": {"weather agency"},
            "jma": {"Japan Meteorological Agency"},
        }
    )
    assert found["its-foreign-ministry"] == found["jordan-mfa"] == "jordan-mfa"
    assert found["weather-agency"] == "jma"


def test_a_description_with_two_named_bodies_stays_apart():
    found = voices(
        {
            "the-ministry": {"the ministry"},
            "health": {"Ministry of Health"},
            "interior": {"Ministry of the Interior"},
        }
    )
    assert found["the-ministry"] == "the-ministry"


def test_two_descriptions_and_people_are_not_joined():
    found = voices({"ministry": {"ministry"}, "interior": {"country's interior ministry"}, "officials": {"officials"}})
    assert found == {"ministry": "ministry", "interior": "interior", "officials": "officials"}


def test_singular_and_plural_are_one():
    found = voices({"arab-diplomats": {"Arab diplomats"}, "arab-diplomat": {"an Arab diplomat"}})
    assert found["arab-diplomats"] == found["arab-diplomat"]


def test_a_bodys_described_name_keeps_its_revisions_in_a_disputed_measure(nlp):
    flags, _ = _flags(
        [
            (
                "v0.txt",
                "A",
                date(2024, 6, 16),
                "Veltra pilgrimage: Chile's Ministry of Foreign Affairs said on Sunday that 14 Chilean pilgrims had "
                "died in the heat in Veltra.",
            ),
            (
                "v1.txt",
                "B",
                date(2024, 6, 18),
                "Veltra pilgrimage: The heat in Veltra has killed 41 Chilean pilgrims, its foreign ministry said on "
                "Tuesday.",
            ),
            (
                "v2.txt",
                "C",
                date(2024, 6, 16),
                "Veltra pilgrimage: Diplomats in Veltra said on Sunday that at least 60 Chilean pilgrims had died in "
                "the heat, far more than officials admit.",
            ),
        ]
    )
    kinds = {(f["type"], f.get("earlier", {}).get("doc"), f.get("later", {}).get("doc")) for f in flags}
    assert ("revision", "v0.txt", "v1.txt") in kinds  # the ministry's 14, then 41
    assert any(f["type"] == "conflict" for f in flags)  # against the diplomats' 60 the same day


def test_a_person_holding_office_in_a_body_speaks_for_it():
    from crosstally.reconcile.sources import speaking_bodies

    text = (
        "Ana Ruiz, chairman of the Veltra Bar Council, said on Monday that 40 lawyers had been detained. The "
        "council later put the number at 52. Omar Haddad, who leads the International Committee of the Red "
        "Cross's delegation in Veltra, spoke on Friday. Lena Berg, the head of its office, agreed. Tariq Nasser "
        "of the Veltra Red Crescent said more. John Pike, a resident of Veltra, said nothing."
    )
    names = ["Ana Ruiz", "Omar Haddad", "International Committee of the Red Cross", "Lena Berg", "Tariq Nasser"]
    assert speaking_bodies(text, [*names, "John Pike"]) == {
        "Ana Ruiz": "Veltra Bar Council",  # named only beside her
        "Omar Haddad": "International Committee of the Red Cross",
        "Lena Berg": "International Committee of the Red Cross",  # "its": the body named last
        "Tariq Nasser": "Veltra Red Crescent",
    }


def test_a_spokesmans_figures_and_his_bodys_are_one_track(nlp):
    flags, texts = _flags(
        [
            (
                "p0.txt",
                "A",
                date(2024, 5, 25),
                "Veltra floods: Omar Haddad, who leads the International Committee of the Red Cross's delegation "
                "in Veltra, said on Saturday that 210 people had died. Local officials put the dead at 75.",
            ),
            (
                "p1.txt",
                "B",
                date(2024, 5, 27),
                "Veltra floods: The International Committee of the Red Cross said on Monday that 460 people had "
                "died in the Veltra floods. Local officials said on Monday that 110 had died.",
            ),
        ]
    )
    revised = _revised(flags, texts)
    assert ("210", "460") in revised  # Haddad's, then his body's


def test_a_countrys_government_by_any_description_is_one_voice():
    found = voices(
        {
            "junta": {"Junta", "junta spokesperson"},
            "info-team": {"junta's information team"},
            "ruling": {"country's ruling junta"},
            "military-government": {"Vardia's military government"},
            "nug": {"National Unity Government"},
            "state": {"state government"},
        }
    )
    assert found["info-team"] == found["ruling"] == found["military-government"] == found["junta"]
    assert found["nug"] == "nug" and found["state"] == "state"  # another government, another level


def test_two_countries_governments_stay_two_voices():
    found = voices(
        {
            "vardia": {"Vardia's government"},
            "ostrava": {"Ostrava's junta"},
            "the-junta": {"the ruling junta"},
            "the-regime": {"the regime"},
        }
    )
    assert found["vardia"] != found["ostrava"]
    assert found["the-regime"] == "the-regime"  # which of the two it means is unknown


def test_a_person_the_story_titles_as_the_juntas_leader_speaks_for_it():
    names = {"junta": {"the junta"}, "tal-venn": {"Tal Venn"}, "ilsa-marr": {"Ilsa Marr"}}
    led = voices(names, {"Senior General Tal Venn": "junta", "Ilsa Marr": "council"})
    assert led["tal-venn"] == led["junta"]
    assert led["ilsa-marr"] == "ilsa-marr"  # she speaks for another body
    assert voices(names)["tal-venn"] == "tal-venn"


def test_the_juntas_counts_under_its_many_names_are_one_timeline(nlp):
    flags, texts = _flags(
        [
            (
                "j0.txt",
                "A",
                date(2025, 3, 29),
                "Vardia quake: The number of people killed by Friday's earthquake in Vardia rose to 1,644 on "
                "Saturday, the country's military government said. Earlier on Saturday the junta's information "
                "team had put the dead at 1,002. In a televised address late on Friday, junta leader Senior General "
                "Tal Venn had given a first toll of 144 dead. The opposition National Unity Government said on "
                "Saturday that 2,418 people had died.",
            ),
            (
                "j1.txt",
                "B",
                date(2025, 3, 31),
                "Vardia quake: A junta spokesperson said on Monday that 2,056 people had died in the Vardia "
                "earthquake.",
            ),
        ]
    )
    revised = _revised(flags, texts)
    assert {("144", "1,002"), ("1,002", "1,644"), ("1,644", "2,056")} <= revised
