"""Long and odd-shaped text: bounded units, figures never cut, linear helpers, and a
document of any length never fails its batch."""

from __future__ import annotations

import re
from dataclasses import replace

from crosstally import ExtractOptions
from crosstally.extract import DocumentText, extract, extract_many, parse_units
from crosstally.extract.names import NameIndex
from crosstally.extract.numbers import scan
from crosstally.extract.sentences import MAX_UNIT_CHARS, bounded_spans, sentence_spans

RUN_ON = "rescuers searched the valley while between 10,000 and 12,000 people waited for news "


def test_units_of_a_run_on_line_are_bounded_and_keep_every_figure_whole():
    text = RUN_ON * 400
    figures, _ = scan(text)
    units = parse_units(text, figures)
    assert len(figures) == 400
    assert all(end - start <= MAX_UNIT_CHARS for start, end in units)
    for fig in figures:
        assert any(start <= fig.start and fig.end <= end for start, end in units)
    assert " ".join(text[s:e] for s, e in units).split() == text.split()


def test_a_long_sentence_is_cut_at_its_clause_boundaries_first():
    clause = "the river rose through the night and the bridge gave way at dawn"
    text = "; ".join([clause] * 40) + "."
    units = bounded_spans(text, [(0, len(text))], limit=300)
    assert len(units) > 1
    assert all(text[s:e].endswith((";", ".")) for s, e in units)


def test_a_word_longer_than_a_unit_is_cut_where_it_must_be():
    text = "x" * 5000
    units = bounded_spans(text, [(0, len(text))], limit=1000)
    assert units == [(i, i + 1000) for i in range(0, 5000, 1000)]


def test_many_abbreviations_in_one_sentence():
    text = "Gen. X. Smith, " * 20000 + "said so. Then it ended."
    spans = sentence_spans(text)
    assert len(spans) == 2
    assert text[spans[1][0] : spans[1][1]] == "Then it ended."


def test_a_whitespace_only_line_gives_no_unit():
    assert parse_units(" " * 100_000 + "\nNine miners died.") == [(100_001, 100_018)]


def test_name_lookups_find_the_fullest_form_and_stay_the_same():
    text = (
        "Ukrainian President Volodymyr Zelensky spoke on Monday. "
        + "Gen. Oleksandr Syrskyi agreed. " * 50
        + "Zelensky said 3,800 were killed. Syrskyi's staff disagreed."
    )
    names = NameIndex.build(text)
    assert names.fullest("Zelensky") == "Volodymyr Zelensky"
    assert names.fullest("Syrskyi") == "Oleksandr Syrskyi"
    assert names.fullest("Nobody") == "Nobody"
    assert names.fullest("Zelensky") == "Volodymyr Zelensky"


def test_a_word_that_ends_a_sentence_is_no_part_of_the_name_after_it():
    names = NameIndex.build("Searchers found six bodies by Sunday. Okafor said more were missing. J. Okafor agreed.")
    assert names.fullest("Okafor") == "J. Okafor"
    names = NameIndex.build("Searchers found six bodies by Sunday. Okafor said more were feared dead.")
    assert names.fullest("Okafor") == "Okafor"
    # a given name that ends like a people's adjective, which the places table does not know
    names = NameIndex.build("Stefan Okafor arrived on Sunday. Okafor said more were feared dead.")
    assert names.fullest("Okafor") == "Stefan Okafor"


def test_a_long_document_gives_the_claims_of_its_paragraphs(nlp):
    paragraph = "Some 300 homes burned, officials said. The Red Cross said 1,200 people were displaced.\n"
    one = extract(paragraph)
    many = extract(paragraph * 60)
    assert len(one) == 2
    assert len(many) == 120
    for i, claim in enumerate(many):
        shift = (i // 2) * len(paragraph)
        assert claim == replace(
            one[i % 2],
            start=one[i % 2].start + shift,
            end=one[i % 2].end + shift,
            evidence_start=one[i % 2].evidence_start + shift,
            evidence_end=one[i % 2].evidence_end + shift,
        )


def test_a_run_on_document_without_full_stops_gives_claims_and_fast_equals_full(nlp):
    text = ("officials said some 300 homes burned and " + "rescuers searched the valley " * 8) * 40
    items = [DocumentText(text, "run-on")]
    fast = next(extract_many(items, ExtractOptions(fast=True)))
    full = next(extract_many(items, ExtractOptions(fast=False)))
    assert fast == full
    assert len(fast) == 40
    assert {c.value for c in fast} == {300}


def test_a_five_megabyte_line_never_costs_the_batch(nlp):
    huge = "x" * 5_000_000 + " Some 300 homes burned, officials said."
    items = [DocumentText(huge, "huge"), DocumentText("Nine miners died, police said.", "small")]
    failed = []
    results = list(extract_many(items, on_error=lambda item, exc: failed.append(item.doc_id)))
    assert failed == []
    assert [[c.value for c in r] for r in results] == [[300], [9]]
    assert re.fullmatch(r"Some 300 homes burned, officials said\.", huge[results[0][0].evidence_start :])
