"""A later event of a story (a fresh quake, another landslide) counts its harms apart."""

from __future__ import annotations

from datetime import date

from crosstally.ingest import claims_of
from crosstally.read import Document


def _measures(texts: list[tuple[str, date]]) -> dict[str, str]:
    docs = [Document(f"r{i}.txt", t, outlet=f"Outlet {i}", published=d) for i, (t, d) in enumerate(texts)]
    return {c.mention: c.measure for c in claims_of(docs)}


FIRST = (
    "Quake in Kessel province kills 1,200\n\nKESSEL, May 5 - An earthquake in Kessel province killed at least "
    "1,200 people on Saturday, the disaster ministry said on Sunday. It said 2,400 people had been injured.",
    date(2024, 5, 5),
)


def test_a_fresh_quake_counts_its_dead_and_injured_apart_from_the_first():
    measures = _measures(
        [
            FIRST,
            (
                "Fresh quake hits Kessel province\n\nKESSEL, May 8 - Another strong earthquake struck Kessel "
                "province on Wednesday. The disaster ministry said it had killed three people and injured 85. "
                "\n\nThe toll from Saturday's earthquake has risen to 1,450, the ministry said.",
                date(2024, 5, 8),
            ),
        ]
    )
    assert measures["1,450"] == measures["at least 1,200"]
    assert measures["three"] not in (measures["1,450"], measures["85"])
    assert measures["85"] != measures["2,400"]


def test_a_quake_that_may_come_is_no_event_of_its_own():
    """ "warned that another quake could strike": the toll after it is still the toll."""
    measures = _measures(
        [
            FIRST,
            (
                "Kessel quake toll rises\n\nKESSEL, May 7 - Seismologists warned on Tuesday that another strong "
                "earthquake could strike Kessel province. The disaster ministry said the toll had risen to 1,390.",
                date(2024, 5, 7),
            ),
        ]
    )
    assert measures["1,390"] == measures["at least 1,200"]
