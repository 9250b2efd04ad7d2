"""A dateline opening a report is a unit of its own, whatever the wire's style."""

from __future__ import annotations

import pytest

from crosstally.extract.sentences import sentence_spans


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KAHULUI, Hawaii: The death toll reached 93 on Saturday.", "KAHULUI, Hawaii:"),
        ("KAHULUI, Hawaii (AP) — The death toll reached 93.", "KAHULUI, Hawaii (AP) —"),
        ("ATHENS, June 14 (Reuters) - At least 79 people died.", "ATHENS, June 14 (Reuters) -"),
        ("Rabat, Sept. 11 (MAP) - At least 2,000 people died.", "Rabat, Sept. 11 (MAP) -"),
        ("NEW DELHI, India, Jan 3 (PTI) — Ten people died.", "NEW DELHI, India, Jan 3 (PTI) —"),
        ("GENEVA: Some 300 people were rescued.", "GENEVA:"),
        ("ST. LOUIS -- Two people were hurt.", "ST. LOUIS --"),
    ],
)
def test_a_dateline_is_cut_off(text, dateline):
    spans = sentence_spans(text)
    assert text[slice(*spans[0])] == dateline
    assert text[spans[1][0] :].strip() == text[len(dateline) :].strip()


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said: 300 people died.",
        "U.S. officials — 20 of them — spoke.",
        "Zelensky said on Monday: 3,000 were killed.",
        "In Kherson - the city hit hardest - 40 died.",
        "Population (2021 census): 5,103,000 people.",
    ],
)
def test_a_sentence_without_a_dateline_stays_whole(text):
    assert [text[slice(*s)] for s in sentence_spans(text)] == [text]
