"""Sources, measures, intervals, conflicts and misquotes on small documents we write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crosstally.claims import Claim
from crosstally.ingest import add_documents
from crosstally.read import Document
from crosstally.reconcile.flags import interval
from crosstally.reconcile.sources import resolve_sources
from crosstally.reconcile.view import view_of
from crosstally.store import Ledger


@pytest.mark.parametrize(
    "names",
    [
        ["Volodymyr Zelensky", "Zelensky", "Zelenskiy", "President Zelensky", "Volodymyr Zelenskyy"],
        ["Joint Chiefs of Staff", "JCS", "South Korea's Joint Chiefs of Staff", "the JCS"],
        ["International Organization for Migration", "IOM"],
        ["World Health Organization", "WHO", "WHO official"],
    ],
)
def test_name_variants_become_one_source(names):
    entities = resolve_sources(names)
    assert len({entities[n].key for n in names}) == 1


def test_different_people_stay_apart():
    entities = resolve_sources(
        ["Volodymyr Zelensky", "Oleksandr Syrskyi", "Vladimir Putin", "health ministry", "Hamas"]
    )
    assert len({e.key for e in entities.values()}) == 5


def test_alias_table_overrides():
    entities = resolve_sources(["Kyiv", "Ukrainian government"], {"Kyiv": "Ukrainian government"})
    assert entities["Kyiv"].key == entities["Ukrainian government"].key


def _claim(value, qualifier, value_max=None) -> Claim:
    return Claim(
        "d", 0, 1, "x", value, value_max, qualifier, None, None, "people", "killed", None, None, None, None, None
    )


@pytest.mark.parametrize(
    ("qualifier", "value", "value_max", "low", "high"),
    [
        ("min", 3000, None, 3000, float("inf")),
        ("max", 12000, None, 0, 12000),
        ("approx", 1100, None, 990, 1210),
        ("range", 10000, 12000, 10000, 12000),
    ],
)
def test_interval(qualifier, value, value_max, low, high):
    assert interval(_claim(value, qualifier, value_max)) == pytest.approx((low, high))


DOCS = [
    Document(
        "a.txt",
        "The health ministry said on Monday that at least 40 people were killed in the "
        "floods in Zarovia.\nZarovian police said 300 people were injured.\n",
        outlet="Daily A",
        published=date(2024, 3, 5),
    ),
    Document(
        "b.txt",
        "Local rescuers said 12 people were killed in the floods in Zarovia on Monday.\n",
        outlet="Daily B",
        published=date(2024, 3, 5),
    ),
    Document(
        "c.txt",
        "Floods in Zarovia killed 95 people, the health ministry said on Friday.\n",
        outlet="Daily C",
        published=date(2024, 3, 9),
    ),
    Document(
        "d.txt",
        "The UN said on Monday that 500 people in Zarovia were killed or wounded.\n",
        outlet="Daily D",
        published=date(2024, 3, 5),
    ),
    Document(
        "e.txt",
        "The UN said on Monday that 500 people in Zarovia were killed.\n",
        outlet="Daily E",
        published=date(2024, 3, 5),
    ),
    Document(
        "f.txt",
        "The United Nations said on Monday that about 500 people in Zarovia were killed or wounded in the floods.\n",
        outlet="Daily F",
        published=date(2024, 3, 5),
    ),
]


@pytest.fixture(scope="module")
def view(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("ledger") / "l.duckdb"
    with Ledger(db) as ledger:
        ledger.add_alias("UN", "United Nations")
        add_documents(ledger, DOCS)
        return view_of(ledger)


def test_killed_wounded_and_both_stay_apart(view):
    categories = {m.measure: m.category for m in view.measures}
    killed = [m for m, c in categories.items() if c == "killed"]
    assert len(killed) == 1
    assert "wounded" in categories.values() and "casualties" in categories.values()


def test_a_timeline_per_source(view):
    killed = next(m for m in view.measures if m.category == "killed")
    ministry = [e for e in killed.estimates if "health ministry" in e.source_name]
    assert [e.when for e in ministry] == [date(2024, 3, 4), date(2024, 3, 8)]
    assert killed.latest_by_source()[ministry[0].source_name].claim.value == 95


def test_conflict_only_at_the_same_time(view):
    killed = next(m for m in view.measures if m.category == "killed")
    pairs = {frozenset((c.a.claim.doc, c.b.claim.doc)) for c in killed.conflicts}
    assert frozenset(("a.txt", "b.txt")) in pairs
    assert not any("c.txt" in p and "b.txt" in p for p in pairs)


def test_misquote_of_a_statement(view):
    (quote,) = view.misquotes
    assert quote.odd.claim.doc == "e.txt"
    assert quote.odd.claim.category == "killed" and quote.usual.claim.category == "casualties"
    assert quote.source_name == "United Nations"


def test_measures_on_the_seeds_group_like_the_gold(shared: Path, nlp):
    from crosstally.evaluate import load_gold, score
    from crosstally.ingest import claims_of
    from crosstally.read import read_paths

    gold = load_gold(shared / "gold" / "seeds.jsonl")
    pred = [c.record(with_measure=True) for c in claims_of(list(read_paths([shared / "seeds"])))]
    assert score(gold, pred, shared / "seeds").grouping_pair_f1 >= 0.85
