"""Language knowledge as data: the tab-separated tables beside this file, read once.

Each table is plain text a linguist can extend: one entry a line, tab-separated
columns, ``#`` starts a comment. The rule modules only ever see the `Lexicon` below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def read_table(name: str) -> list[list[str]]:
    """Rows of one table (comment and blank lines skipped, cells stripped)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("# ") or line.strip() == "#":
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Lexicon:
    """Every table, keyed for the lookups the rules make."""

    number_words: dict[str, tuple[float, str]]
    scale_suffixes: dict[str, tuple[float, bool]]
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    units: dict[str, tuple[str, str]]
    designators: frozenset[str]
    measure_nouns: frozenset[str]
    category_nouns: dict[str, str]
    category_verbs: dict[str, str]
    category_adjs: dict[str, str]
    noun_classes: dict[str, str]
    reporting_verbs: dict[str, str]
    source_cues: tuple[str, ...]
    pronouns: frozenset[str]
    titles: frozenset[str]
    continuations: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    rate_words: dict[str, str]


def _by_kind(rows: list[list[str]], kind: str) -> list[str]:
    return [row[0].lower() for row in rows if row[1] == kind]


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded from the package's tables on first use."""
    categories = read_table("categories.tsv")
    sources = read_table("sources.tsv")
    time_words = read_table("time_words.tsv")
    qualifiers = read_table("qualifiers.tsv")

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return Lexicon(
        number_words={w: (float(v), c) for w, v, c in read_table("numbers.tsv")},
        scale_suffixes={s: (float(v), n == "yes") for s, v, n in read_table("scale_suffixes.tsv")},
        qualifiers_before={p: q for p, pos, q in qualifiers if pos == "before"},
        qualifiers_after={p: q for p, pos, q in qualifiers if pos == "after"},
        units={p: (k, c) for p, k, c in read_table("units.tsv")},
        designators=frozenset(row[0].lower() for row in read_table("designators.tsv")),
        measure_nouns=frozenset(row[0].lower() for row in read_table("measure_nouns.tsv")),
        category_nouns={w: c for w, p, c in categories if p == "noun"},
        category_verbs={w: c for w, p, c in categories if p == "verb"},
        category_adjs={w: c for w, p, c in categories if p == "adj"},
        noun_classes={w: c for w, c in read_table("nouns.tsv")},
        reporting_verbs={w: k for w, k in read_table("reporting_verbs.tsv")},
        source_cues=longest_first(_by_kind(sources, "cue")),
        pronouns=frozenset(_by_kind(sources, "pronoun")),
        titles=frozenset(_by_kind(sources, "title")),
        continuations=longest_first(_by_kind(sources, "continuation")),
        months={w: int(v) for w, k, v in time_words if k == "month"},
        weekdays={w: int(v) for w, k, v in time_words if k == "weekday"},
        rate_words={w: v for w, k, v in time_words if k == "rate"},
    )
