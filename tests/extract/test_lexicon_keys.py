"""The lexicon loader refuses a table that gives a key twice, naming table and line."""

from __future__ import annotations

import pytest

from crosstally.lexicon import CATEGORY_POS, LexiconError, check_keys, check_values, lexicon, parse_table

REFUSED = [
    # table text, key columns, cells per row, fold case, line named, words in the message
    ("USD\tcurrency_sign\tUSD\n# note\nUSD\tcurrency\tUSD\n", 1, 3, False, 3, "conflicting"),
    ("yen\tcurrency\tJPY\nyen\tcurrency\tJPY\n", 1, 3, False, 2, "duplicate"),
    ("about\tbefore\tapprox\nAbout\tbefore\tmin\n", 2, 3, True, 2, "conflicting"),
    ("crore\t10000000\n", 1, 3, False, 1, "expected 3"),
]


@pytest.mark.parametrize(("text", "keys", "columns", "fold", "line", "words"), REFUSED)
def test_refused(text, keys, columns, fold, line, words):
    with pytest.raises(LexiconError) as caught:
        check_keys("units.tsv", parse_table(text), keys, columns, fold)
    assert caught.value.where() == f"units.tsv:{line}"
    assert words in str(caught.value)


def test_same_word_in_two_roles_is_allowed():
    rows = parse_table("under\tbefore\tmax\nunder\tafter\tmax\n")
    assert check_keys("qualifiers.tsv", rows, 2, 3) == [["under", "before", "max"], ["under", "after", "max"]]


def test_package_tables_load():
    lex = lexicon()
    assert lex.units["USD"] == ("currency_sign", "USD")
    assert lex.units["EUR"] == ("currency_sign", "EUR")


def test_unknown_part_of_speech_is_refused_with_its_line():
    rows = parse_table("dead\tnoun\tkilled\nhold\tpassive_verb\tarrested\n")
    with pytest.raises(LexiconError) as caught:
        check_values("categories.tsv", rows, 1, CATEGORY_POS)
    assert caught.value.where() == "categories.tsv:2"
    assert "passive_verb" in str(caught.value) and "passive_person_verb" in caught.value.hint


def test_the_places_table_names_each_place_once():
    from crosstally.lexicon import read_keyed
    from crosstally.reconcile.measures import country_of

    read_keyed("places.tsv", 1, 2, fold=True)  # raises on a name given twice, with its line
    assert country_of("the United States") == "united states"


def test_the_verbs_of_saying_come_in_their_present_and_past_forms():
    """Rules that read text before it is parsed know "says", "said", "warns",
    "testified" and "admitted" as saying, from the table's lemmas and irregular pasts."""
    forms = lexicon().saying_forms
    assert {"says", "said", "told", "warns", "warned", "testified", "admitted"} <= forms
    assert not {"admited", "sayed", "killed"} & forms
