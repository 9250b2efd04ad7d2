"""Figures counted on each side of a front line are measures of their own, not a conflict."""

from __future__ import annotations

from datetime import date

import pytest

from crosstally.read import Document
from crosstally.reconcile.sides import GOVERNMENT, OCCUPIED, REBEL, side_of


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Ten people died on the Ukrainian-controlled side of the river.", GOVERNMENT),
        ("On the Russian-occupied bank, 29 people had died.", OCCUPIED),
        ("In the part of the region held by Russia, officials said 41 had died.", OCCUPIED),
        ("At least 30 civilians were killed in government-held areas.", GOVERNMENT),
        ("Shelling killed 12 in rebel-held districts.", REBEL),
        ("The strike hit a town under Russian control, killing nine.", OCCUPIED),
        ("Some 700,000 people on both the Ukrainian-controlled and the Russian-occupied banks lack water.", ""),
        ("Floods killed 40 people in the province.", ""),
        ("The Russian-installed governor said 25 people had died.", OCCUPIED),
        ("A UN-backed survey found 25 people had died.", ""),
    ],
)
def test_the_side_a_sentence_counts_on(sentence, side):
    assert side_of(sentence, {"russia"}) == side


def _doc(name: str, text: str, day: int) -> Document:
    return Document(name, text, title=None, outlet=f"Outlet {name}", published=date(2023, 6, day))


def test_each_side_of_the_front_is_a_measure_and_a_source_keeps_its_side(nlp):
    from crosstally.ingest import claims_of, reconcile_batch

    docs = [
        _doc(
            "a.txt",
            "Dam breach floods\nInterior Minister Ivan Petrenko said on Monday that 10 people had died on the "
            "Ukrainian-controlled side of the river after the Novyi dam breach.\n"
            "On the Russian-occupied bank, the Russian-installed governor Pavel Orlov said on Monday that 29 "
            "people had died in the Novyi dam flooding.\n",
            13,
        ),
        _doc(
            "b.txt",
            "Novyi dam flooding\nInterior Minister Ivan Petrenko said on Thursday that 17 people had died "
            "after the Novyi dam breach.\n",
            16,
        ),
    ]
    claims = claims_of(docs)
    measure = {c.mention: c.measure for c in claims}
    assert measure["10"] != measure["29"]
    assert measure["17"] == measure["10"]
    rec = reconcile_batch(docs, [c for c in claims])
    assert not any(f.type == "conflict" for f in rec.flags)


def test_one_side_named_alone_splits_nothing(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "c.txt",
            "Novyi shelling\nOfficials said on Monday that 10 people died in the Ukrainian-held town of Novyi.\n",
            13,
        ),
        _doc("d.txt", "Novyi shelling\nOfficials said on Monday that 12 people were killed in Novyi.\n", 13),
    ]
    measure = {c.mention: c.measure for c in claims_of(docs)}
    assert measure["10"] == measure["12"]


def test_a_body_named_for_one_sides_country_counts_on_that_side(nlp):
    from crosstally.ingest import claims_of

    docs = [
        _doc(
            "e.txt",
            "Novyi dam flooding\nTen people had died on the Ukrainian-controlled side of the Dnipro after the Novyi "
            "dam breach in the Kherson region, officials said on Monday. On the Russian-occupied bank, 29 "
            "people had died.\n",
            13,
        ),
        _doc(
            "f.txt",
            "Novyi dam flooding\nUkraine's interior ministry said on Thursday that 16 people had died after the "
            "Novyi dam breach on the Dnipro in the Kherson region. Russia's TASS news agency said 35 had died.\n",
            16,
        ),
    ]
    measure = {c.mention: c.measure for c in claims_of(docs)}
    assert measure["16"] == measure["Ten"] != measure["29"]
    assert measure["35"] == measure["29"]


def test_a_body_counting_the_other_sides_losses_keeps_no_side():
    from crosstally.extract import extract
    from crosstally.reconcile.sides import claim_sides

    text = (
        "Ten people died on the Ukrainian-controlled side of the river. On the Russian-occupied bank, 29 people "
        "died. Russia's defence ministry said 300 Ukrainian soldiers were killed."
    )
    claims = extract(text, "t")
    sentences = {(c.doc, c.start): text[c.evidence_start : c.evidence_end] for c in claims}
    sides = claim_sides(claims, sentences, {})
    by_mention = {c.mention: sides.get((c.doc, c.start), "") for c in claims}
    assert by_mention["300"] == ""


def test_two_places_counts_are_no_conflict_and_no_timeline(nlp):
    from crosstally.ingest import claims_of, reconcile_batch

    docs = [
        _doc(
            "t.txt",
            "Novyi dam flooding\nYevhen Ryshchuk, the mayor of Oleshky, said on Monday that three people had died "
            "in the town. Vladimir Leontiev, the mayor of Nova Kakhovka, said on Monday that at least five people "
            "had died there.\n",
            13,
        )
    ]
    claims = claims_of(docs)
    rec = reconcile_batch(docs, claims)
    assert not [f for f in rec.flags if f.type in ("conflict", "revision")]
