"""The scanner's compiled patterns, built once from the lexicon tables.

Every word list the patterns need (number words, scale suffixes, currency signs and
names, units, qualifiers, designators, multiplier words) comes from the lexicon, so a
new currency or unit is a table row, not a code change. `numbers` applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import Lexicon, lexicon

# Function words that show a headline in title case ("Fire Destroys 300 Homes On Main
# Street"), where capitalised words after a number are no street or model name.
TITLE_CASE_WORDS = r"(?:On|In|At|Of|For|And|The|To|From|Near|After|As|Are|Is|Was|Were|With)"
# How many of a fraction: "two-thirds", "a fifth".
FRACTION_COUNTS = r"an?|one|two|three|four|five|six|seven|eight|nine"
# Digits as news writes them: "1,280,000", Indian grouping "1,00,000", "12.5", ".001".
DIGITS = (
    r"(?<![\w.])\.\d+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
)


@dataclass(frozen=True)
class Scanner:
    """The compiled patterns, built once from the lexicon."""

    lex: Lexicon
    atom_re: re.Pattern
    unit_after_re: re.Pattern
    currency_before_re: re.Pattern
    qualifier_before_re: re.Pattern
    qualifier_after_re: re.Pattern
    designator_before_re: re.Pattern
    month_before_re: re.Pattern
    month_after_re: re.Pattern
    fraction_re: re.Pattern
    measure_before_re: re.Pattern
    label_after_re: re.Pattern
    range_join_re: re.Pattern
    range_open_re: re.Pattern
    times_re: re.Pattern
    fold_re: re.Pattern
    compare_re: re.Pattern
    widths: dict[str, int]

    def ends_at(self, name: str, text: str, end: int) -> re.Match | None:
        """Pattern `name` (anchored with `$`) matched just before `end`, trying only as many
        start positions as its longest phrase needs: these run for every number."""
        return getattr(self, name).search(text, max(0, end - self.widths[name]), end)

    sign_word_re: re.Pattern
    of_scale_re: re.Pattern
    #: Where an atom may start, found in the lowercased text (`lowered`) without
    #: IGNORECASE: a digit, a point before one, or at a word's start "a"/"an" and a
    #: space, "half" or a number word (every way `atom_re` can begin).
    atom_start_re: re.Pattern
    #: The fraction words: a text without one (lowercased) holds no `fraction_re` match.
    fraction_words: tuple[str, ...]


def _alternation(phrases) -> str:
    """A regex alternation of literal phrases, longest first so the longest one wins."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@cache
def scanner() -> Scanner:
    """The scanner for the package lexicon."""
    lex = lexicon()

    def number_words(*classes: str) -> str:
        return _alternation(w for w, (_, c) in lex.number_words.items() if c in classes)

    def multiplier_words(role: str) -> str:
        return _alternation(lex.multipliers[role])

    words = _alternation(w for w, (_, c) in lex.number_words.items() if c not in ("fraction", "sign"))
    scale_words = number_words("scale")
    suffixes = _alternation(lex.scale_suffixes)
    spaced_suffixes = _alternation(s for s, (_, needs_currency) in lex.scale_suffixes.items() if not needs_currency)
    atom = (
        rf"(?P<digits>{DIGITS})(?:(?P<sfx>{suffixes}|\s(?:{spaced_suffixes}))\b"
        rf"|(?:\s+|-)(?P<scale>(?:{number_words('hundred', 'scale')})(?:[\s-]+(?:{scale_words}))*)\b)?"
        rf"|(?P<half>\b(?:(?P<whole>{number_words('unit')})[\s-]+and[\s-]+a[\s-]+)?half[\s-]+(?:an?\s+)?"
        rf"(?:{scale_words}|dozen))\b"
        rf"|(?P<words>\b(?:an?\s+(?=(?:hundred|dozen|{scale_words})\b))?"
        rf"(?:{words})(?:(?:\s+and\s+|\s+|-)(?:{words}))*)(?:\b|(?=(?:{multiplier_words('fold')})\b))"
    )
    months = _alternation([m.capitalize() for m in lex.months] + [m.upper() for m in lex.months])
    fractions = number_words("fraction")
    signs = [p for p, (k, _) in lex.units.items() if k == "currency_sign"]
    currency = (
        rf"(?:(?<![A-Za-z])(?:{_alternation(p for p in signs if p[0].isalpha())})"
        rf"|{_alternation(p for p in signs if not p[0].isalpha())})"
    )

    def width(phrases) -> int:
        return max(map(len, phrases)) + 12

    return Scanner(
        lex=lex,
        widths={
            "currency_before_re": width(signs),
            "qualifier_before_re": width(lex.qualifiers_before),
            "designator_before_re": width(lex.designators),
            "measure_before_re": width(lex.measure_nouns) + 24,
            "month_before_re": width(lex.months),
        },
        atom_re=re.compile(atom, re.IGNORECASE),
        unit_after_re=re.compile(rf"(?:\s*|-)(?P<unit>{_alternation(lex.units)})(?![A-Za-z])"),
        measure_before_re=re.compile(
            rf"\b(?:{_alternation(lex.measure_nouns)})"
            r":?\s+(?:of\s+|at\s+|reached\s+|hit\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|up\s+to\s+)?$",
            re.IGNORECASE,
        ),
        currency_before_re=re.compile(rf"(?P<cur>{currency})\s?$"),
        qualifier_before_re=re.compile(
            rf"(?:^|(?<=[^\w]))(?P<q>{_alternation(lex.qualifiers_before)})\s*$", re.IGNORECASE
        ),
        qualifier_after_re=re.compile(rf"(?P<q>\s*(?:{_alternation(lex.qualifiers_after)}))(?![\w])", re.IGNORECASE),
        designator_before_re=re.compile(rf"(?:^|(?<=[^\w]))(?:{_alternation(lex.designators)})\s*$", re.IGNORECASE),
        month_before_re=re.compile(rf"\b(?:{months})\.?,?\s*$"),
        month_after_re=re.compile(rf"^(?:st|nd|rd|th)?,?\s*(?:of\s+)?(?:{months})\b"),
        fraction_re=re.compile(
            rf"\b(?:(?P<num>{FRACTION_COUNTS})[\s-]+)?(?P<frac>{fractions})(?=\s+of\b)"
            rf"|(?<=\bby\s)(?:(?P<by_num>{FRACTION_COUNTS})[\s-]+)?(?P<by_frac>{fractions})"
            rf"(?=\s*(?:[,.;:)]|$)|\s+(?:{multiplier_words('share_end')})\b)",
            re.IGNORECASE,
        ),
        label_after_re=re.compile(
            rf"\s+(?:(?:(?!{TITLE_CASE_WORDS}\b)[A-Z][\w'.-]*\s+|\d+(?:st|nd|rd|th)\s+){{0,3}}"
            rf"(?:{_alternation(w for w in lex.labels_after if not w.islower())})"
            rf"|(?:{_alternation(w for w in lex.labels_after if w.islower())}))(?![\w])"
        ),
        range_join_re=re.compile(rf"\s*(?P<join>-|–|—|to|and|or)\s*(?:{currency})?\s*$", re.IGNORECASE),
        range_open_re=re.compile(rf"\b(?P<open>between|from|by)\s+(?:{currency})?\s*$", re.IGNORECASE),
        times_re=re.compile(rf"\s+(?:{multiplier_words('marker')})\b", re.IGNORECASE),
        fold_re=re.compile(
            rf"(?:(?:-|\s)?(?:{multiplier_words('fold')})|(?:{multiplier_words('suffix')}))\b(?!\s*\d)",
            re.IGNORECASE,
        ),
        of_scale_re=re.compile(rf"\s+of\s+(?=an?\s+(?:{number_words('hundred', 'scale', 'dozen')})\b)", re.IGNORECASE),
        sign_word_re=re.compile(rf"\b(?:{number_words('sign')})\s+$", re.IGNORECASE),
        compare_re=re.compile(
            rf"\s+(?:{multiplier_words('compare')})\b(?!\s+(?<=as\s)(?:{multiplier_words('clause')})\b)",
            re.IGNORECASE,
        ),
        atom_start_re=re.compile(rf"(?=\d|\.\d|\b(?:an?\s|half|{words.lower()}))"),
        fraction_words=tuple(w.lower() for w, (_, c) in lex.number_words.items() if c == "fraction"),
    )
