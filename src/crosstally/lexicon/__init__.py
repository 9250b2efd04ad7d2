"""Language knowledge as data: the tab-separated tables beside this file, read once.

Each table is plain text a linguist can extend: one entry a line, tab-separated
columns, ``#`` starts a comment. The rule modules only ever see the `Lexicon` below.
A table that gives one key twice, or two meanings for one key, is refused with the
table and line named: a later row must never silently win over an earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..claims import CATEGORIES
from ..errors import LexiconError


def parse_table(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each entry of a table's text, comments and blanks skipped."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("# ") or line.strip() == "#":
            continue
        rows.append((number, [cell.strip() for cell in line.split("\t")]))
    return rows


def table_rows(name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each entry of one of the package's tables."""
    return parse_table(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def read_table(name: str) -> list[list[str]]:
    """Rows of one table (comment and blank lines skipped, cells stripped)."""
    return [cells for _, cells in table_rows(name)]


#: What a word of categories.tsv is (see the table's header).
CATEGORY_POS = frozenset(
    {
        "noun",
        "verb",
        "adj",
        "place",
        "left",
        "leaving_verb",
        "person_verb",
        "passive_person_verb",
        "ending_verb",
        "force_verb",
        "unfound_verb",
    }
)


def check_values(
    name: str, rows: list[tuple[int, list[str]]], column: int, allowed: frozenset[str], hint: str | None = None
) -> None:
    """Raise `LexiconError` naming the line of `rows` (of table `name`) whose cell `column`
    is not one of `allowed` (a misspelt part of speech would silently drop its row);
    `hint` says what to use where the allowed values are too many to list."""
    for number, cells in rows:
        if len(cells) > column and cells[column] not in allowed:
            raise LexiconError(
                f"unknown value {cells[column]!r} in column {column + 1}",
                path=name,
                line=number,
                hint=hint or f"use one of: {', '.join(sorted(allowed))}",
            )


def read_keyed(name: str, key_columns: int = 1, columns: int | None = None, fold: bool = False) -> list[list[str]]:
    """Rows of a table whose first `key_columns` cells form a key no other row repeats."""
    return check_keys(name, table_rows(name), key_columns, columns, fold)


def check_keys(
    name: str,
    rows: list[tuple[int, list[str]]],
    key_columns: int = 1,
    columns: int | None = None,
    fold: bool = False,
) -> list[list[str]]:
    """The cells of `rows` (of table `name`), once every key is known to be given once.

    `columns` is the number of cells every row must have; `fold` compares keys
    case-insensitively (for tables looked up that way). Raises `LexiconError` naming
    the table and line of a duplicate key, of a conflicting one (the same key with
    another meaning) and of a short row, since a dict built from them would keep
    only the last.
    """
    seen: dict[tuple[str, ...], tuple[int, list[str]]] = {}
    width = columns or key_columns
    for number, cells in rows:
        if len(cells) < width or not all(cells[:width]):
            raise LexiconError(f"expected {width} tab-separated cells, got {cells!r}", path=name, line=number)
        key = tuple(c.lower() if fold else c for c in cells[:key_columns])
        if key in seen:
            first, earlier = seen[key]
            what = "duplicate" if earlier == cells else "conflicting"
            raise LexiconError(
                f"{what} key {' / '.join(key)!r}: line {first} already gives {earlier!r}, this line {cells!r}",
                path=name,
                line=number,
                hint="keep one row per key",
            )
        seen[key] = (number, cells)
    return [cells for _, cells in rows]


@dataclass(frozen=True)
class Lexicon:
    """Every table, keyed for the lookups the rules make."""

    number_words: dict[str, tuple[float, str]]
    scale_suffixes: dict[str, tuple[float, bool]]
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    units: dict[str, tuple[str, str]]
    unit_factors: dict[str, float]
    designators: frozenset[str]
    labels_after: frozenset[str]
    measure_nouns: frozenset[str]
    measure_after: frozenset[str]
    multipliers: dict[str, frozenset[str]]
    category_nouns: dict[str, str]
    category_verbs: dict[str, str]
    category_adjs: dict[str, str]
    category_places: dict[str, str]
    category_left: dict[str, str]
    category_person_verbs: dict[str, str]
    #: Verbs that say the state only of a force or a crew ("300 rescuers worked through the
    #: night", not "2,000 people work at the plant").
    category_force_verbs: dict[str, str]
    #: Verbs that say the state of people they are done to, in the passive ("were held").
    category_passive_verbs: dict[str, str]
    #: Verbs that, denied, say the state of the people they are not done to ("had not been
    #: found", "could not be located": missing).
    category_unfound_verbs: dict[str, str]
    #: Verbs by which people leave a place, or are made to ("left", "fled", "forced out of").
    leaving_verbs: frozenset[str]
    #: Verbs that end the state of the people they are done to ("found", "released").
    ending_verbs: frozenset[str]
    body_adjectives: dict[str, str]
    body_generic: frozenset[str]
    body_nouns: frozenset[str]
    #: Nouns a report describes a news outlet by ("the daily", "the newspaper"), to the
    #: kind of outlet they name alike.
    outlet_nouns: dict[str, str]
    #: Titles whose holder speaks for a body of that noun ("minister" for a "ministry").
    office_bodies: dict[str, str]
    #: Roles by which a body speaks ("spokesperson", "press office", "chief"), longest first.
    speaker_roles: tuple[str, ...]
    #: Nouns that name a country's government ("junta"), and words that describe one
    #: without setting it apart ("ruling", "military").
    government_nouns: frozenset[str]
    government_words: frozenset[str]
    #: Nouns that, in apposition to a name, make it an organisation's ("the Oslo-based group").
    group_nouns: frozenset[str]
    #: Well-known bodies' names and their variants, lower case ("save the children").
    organisations: frozenset[str]
    #: Words that never name who makes a claim ("toll", "figures", "sources"): a source
    #: made of these alone names no one.
    not_sources: frozenset[str]
    noun_classes: dict[str, str]
    reporting_verbs: dict[str, str]
    #: The present and past forms of the verbs of saying ("says", "said", "warns"), for
    #: rules that read text before it is parsed.
    saying_forms: frozenset[str]
    source_cues: tuple[str, ...]
    pronouns: frozenset[str]
    possessives: frozenset[str]
    titles: frozenset[str]
    continuations: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    rate_words: dict[str, str]
    #: Parts of a day ("early hours", "midday", "evening") as minutes after midnight.
    dayparts: dict[str, int]
    #: Nouns that name a count itself ("the number", "the toll"), to the category the noun
    #: itself says is counted, or "-".
    tally_nouns: dict[str, str]


def _by_kind(rows: list[list[str]], kind: str) -> list[str]:
    return [row[0].lower() for row in rows if row[1] == kind]


def _by_role(rows: list[list[str]]) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for word, role in rows:
        roles.setdefault(role, set()).add(word.lower())
    return {role: frozenset(words) for role, words in roles.items()}


def _verb_forms(lemma: str, past: list[str]) -> set[str]:
    """ "say" → say, says, said; "warn" → warn, warns, warned; "testify" → testifies,
    testified: a verb's present and past forms, the past as the table gives it, else
    the regular one."""
    if re.search(r"[^aeiou]y$", lemma):
        return {lemma, lemma[:-1] + "ies", *(past or [lemma[:-1] + "ied"])}
    third = lemma + ("es" if re.search(r"(?:s|sh|ch|x)$", lemma) else "s")
    return {lemma, third, *(past or [lemma + ("d" if lemma.endswith("e") else "ed")])}


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded from the package's tables on first use."""
    category_rows = table_rows("categories.tsv")
    categories = check_keys("categories.tsv", category_rows, 2, 3)
    check_values("categories.tsv", category_rows, 1, CATEGORY_POS)
    check_values("categories.tsv", category_rows, 2, frozenset(CATEGORIES) | {"-"})
    sources = read_keyed("sources.tsv", 2, 2)
    time_words = read_keyed("time_words.tsv", 2, 3)
    qualifiers = read_keyed("qualifiers.tsv", 2, 3, fold=True)
    units = read_keyed("units.tsv", 1, 3)
    bodies = read_keyed("body_words.tsv", 2, 3, fold=True)
    verbs = read_keyed("reporting_verbs.tsv", 1, 2)
    tally_rows = table_rows("tally_nouns.tsv")
    check_values("tally_nouns.tsv", tally_rows, 1, frozenset(CATEGORIES) | {"-"})

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return Lexicon(
        number_words={w: (float(v), c) for w, v, c in read_keyed("numbers.tsv", 1, 3)},
        scale_suffixes={s: (float(v), n == "yes") for s, v, n in read_keyed("scale_suffixes.tsv", 1, 3)},
        qualifiers_before={p: q for p, pos, q in qualifiers if pos == "before"},
        qualifiers_after={p: q for p, pos, q in qualifiers if pos == "after"},
        units={p: (k, c) for p, k, c, *_ in units},
        unit_factors={row[0]: float(row[3]) for row in units if len(row) > 3},
        designators=frozenset(row[0].lower() for row in read_keyed("designators.tsv", fold=True)),
        labels_after=frozenset(row[0] for row in read_keyed("labels_after.tsv")),
        measure_nouns=frozenset(row[0].lower() for row in read_keyed("measure_nouns.tsv", fold=True)),
        measure_after=frozenset(row[0].lower() for row in read_keyed("measure_after.tsv", fold=True)),
        multipliers=_by_role(read_keyed("multipliers.tsv", 2, 2, fold=True)),
        category_nouns={w: c for w, p, c in categories if p == "noun"},
        category_verbs={w: c for w, p, c in categories if p == "verb"},
        category_adjs={w: c for w, p, c in categories if p == "adj"},
        category_places={w: c for w, p, c in categories if p == "place"},
        category_left={w: c for w, p, c in categories if p == "left"},
        category_person_verbs={w: c for w, p, c in categories if p == "person_verb"},
        category_force_verbs={w: c for w, p, c in categories if p == "force_verb"},
        category_passive_verbs={w: c for w, p, c in categories if p == "passive_person_verb"},
        category_unfound_verbs={w: c for w, p, c in categories if p == "unfound_verb"},
        leaving_verbs=frozenset(w for w, p, _ in categories if p == "leaving_verb"),
        ending_verbs=frozenset(w for w, p, _ in categories if p == "ending_verb"),
        body_adjectives={w.lower(): v for w, k, v in bodies if k == "adjective"},
        body_generic=frozenset(w.lower() for w, k, _ in bodies if k == "generic"),
        body_nouns=frozenset(w.lower() for w, k, _ in bodies if k == "body"),
        outlet_nouns={w.lower(): v for w, k, v in bodies if k == "outlet"},
        office_bodies={w.lower(): v.lower() for w, k, v in bodies if k == "office"},
        speaker_roles=longest_first([w.lower() for w, k, _ in bodies if k == "speaker"]),
        government_nouns=frozenset(w.lower() for w, k, _ in bodies if k == "government"),
        government_words=frozenset(w.lower() for w, k, _ in bodies if k == "government_word"),
        group_nouns=frozenset(w.lower() for w, k, _ in bodies if k == "group"),
        organisations=frozenset(row[0].lower() for row in read_keyed("organisations.tsv", 2, 2, fold=True)),
        not_sources=frozenset(row[0].lower() for row in read_keyed("not_sources.tsv", fold=True)),
        noun_classes={w: c for w, c in read_keyed("nouns.tsv", 1, 2)},
        reporting_verbs={w: k for w, k, *_ in verbs},
        saying_forms=frozenset(f for w, k, *past in verbs if k == "say" for f in _verb_forms(w, past)),
        source_cues=longest_first(_by_kind(sources, "cue")),
        pronouns=frozenset(_by_kind(sources, "pronoun")),
        possessives=frozenset(_by_kind(sources, "possessive")),
        titles=frozenset(_by_kind(sources, "title")),
        continuations=longest_first(_by_kind(sources, "continuation")),
        months={w: int(v) for w, k, v in time_words if k == "month"},
        weekdays={w: int(v) for w, k, v in time_words if k == "weekday"},
        rate_words={w: v for w, k, v in time_words if k == "rate"},
        dayparts={w.lower(): int(v) for w, k, v in time_words if k == "daypart"},
        tally_nouns={w.lower(): c for w, c in check_keys("tally_nouns.tsv", tally_rows, 1, 2, fold=True)},
    )
