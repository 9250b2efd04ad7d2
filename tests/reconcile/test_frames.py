"""What a figure counts: the part a sentence names after it, how badly people are hurt."""

from __future__ import annotations

import pytest

from crosstally.claims import Claim
from crosstally.reconcile.frames import frame_of, story_scope


def _frame(sentence: str, mention: str, category: str, counted: str = ""):
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
        source=None,
        via=None,
        time_text=None,
        date=None,
        location=None,
        evidence_start=0,
        evidence_end=len(sentence),
    )
    return frame_of(claim, sentence, at)


@pytest.mark.parametrize(
    ("sentence", "mention", "counted", "group"),
    [
        ("The ministry said 97 of the dead were women and 56 were men.", "97", "dead", "women"),
        ("The ministry said 97 of the dead were women and 56 were men.", "56", "", "men"),
        ("Twenty-six of the dead were foreign nationals from 14 countries.", "Twenty-six", "dead", "foreigners"),
        ("Six secondary school students died.", "Six", "secondary school students", "students"),
        ("Officials said 156 people were killed, most of them young.", "156", "people", ""),
    ],
)
def test_the_part_a_figure_counts(sentence, mention, counted, group):
    assert _frame(sentence, mention, "killed", counted).group == group


def test_seriously_hurt_is_a_state_of_its_own():
    assert _frame("It injured 172, 33 of them seriously.", "33", "wounded", "people").state == "seriously-injured"
    assert _frame("It injured 172, 33 of them seriously.", "172", "wounded", "people").state == "injured"


def test_a_story_scope_needs_one_part_to_stand_out():
    assert story_scope(["Dunmore County", "Harlan County"]) == ""
    assert story_scope(["Kessel province", "Kessel province", "Harlan County"]) == "kessel-province"
