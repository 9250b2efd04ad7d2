"""Find number expressions in raw text: value, range, qualifier, unit, and what they are not.

This is the scanner that runs over every character of every document, before any
parsing (its compiled patterns live in `patterns`): it finds numerals (digits, number
words, fractions), joins ranges, reads the qualifier, currency and unit around them, and
rejects what the text itself shows is not a count (dates, times, model numbers,
addresses, scores, durations, measurements, negated figures, ...). What the syntax
decides (what is counted, who says it) happens later, on the sentences this scanner
flags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..lexicon import Lexicon
from .lowered import lowered
from .patterns import Scanner, scanner

CURRENCY_KINDS = ("currency_sign", "currency")
CLAIM_UNIT_KINDS = {"percent": "percent", "area": "area", "weight": "weight", "volume": "volume"}


@dataclass(frozen=True)
class Figure:
    """A number expression that may be a figure claim."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    kind: str
    in_words: bool
    year_like: bool = False

    def mention(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Rejected:
    """A number the scanner ruled out, and why (for `crosstally explain` and tests)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    in_words: bool
    scaled: bool
    raw: float


def parse_number_words(words: list[str], lex: Lexicon) -> list[tuple[float, int, int]]:
    """Read a run of number words into (value, first word, last word + 1) pieces.

    A run that does not read as one number ("two three") is split where it breaks. Scale
    words in a row multiply ("one lakh crore" = 10^12).
    """
    pieces: list[tuple[float, int, int]] = []
    i = 0
    while i < len(words):
        total = current = 0.0
        prev = None
        j = i
        while j < len(words):
            word = words[j].lower()
            if word in ("a", "an"):
                if prev is not None:
                    break
                current, prev, j = 1.0, "a", j + 1
                continue
            value, cls = lex.number_words.get(word, (None, None))
            if cls is None or not _may_follow(prev, cls):
                break
            if cls in ("unit", "teen", "tens"):
                current += value
            elif cls == "hundred":
                current = (current or 1) * 100
            elif cls == "dozen":
                current = (current or 1) * 12
            elif cls == "scale" and prev == "scale":
                total *= value
            elif cls == "scale":
                total += (current or 1) * value
                current = 0
            elif cls == "multiplier":
                current = value
            prev = cls
            j += 1
        if j == i or prev == "a":
            i = max(j, i + 1)
            continue
        pieces.append((total + current, i, j))
        i = j
    return pieces


_FOLLOWS = {
    None: {"unit", "teen", "tens", "multiplier"},
    "a": {"hundred", "scale", "dozen"},
    "unit": {"hundred", "scale", "dozen"},
    "teen": {"hundred", "scale"},
    "tens": {"unit", "scale"},
    "hundred": {"unit", "teen", "tens", "scale"},
    "scale": {"unit", "teen", "tens", "scale"},
    "dozen": set(),
    "multiplier": set(),
}


def _may_follow(prev: str | None, cls: str) -> bool:
    return cls in _FOLLOWS.get(prev, set())


_GROUP_SPACES = "\u00a0\u202f\u2009"


def _digits_value(digits: str) -> float:
    """ "12,000" and "5\u202f300" (digits grouped by a no-break or thin space, as French and
    other languages write them: one number, never two); a comma after space-grouped
    digits is their decimal mark ("5\u00a0300,5")."""
    if any(c in digits for c in _GROUP_SPACES):
        for c in _GROUP_SPACES:
            digits = digits.replace(c, "")
        return float(digits.replace(",", "."))
    return float(digits.replace(",", ""))


def _atom_matches(text: str, sc: Scanner, low: str | None) -> Iterator[re.Match]:
    """The matches of `sc.atom_re.finditer(text)`, the pattern tried only where the
    lowercased text `low` shows an atom may start (`atom_start_re`), not at every
    character: case-insensitive at every position, it was a third of the scanner's time."""
    if low is None:
        yield from sc.atom_re.finditer(text)
        return
    end = 0
    for start in sc.atom_start_re.finditer(low):
        if start.start() >= end and (m := sc.atom_re.match(text, start.start())):
            yield m
            end = m.end()


def _atoms(text: str, sc: Scanner, low: str | None) -> list[_Atom]:
    atoms = []
    for m in _atom_matches(text, sc, low):
        if m.group("digits"):
            start = m.start()
            raw = _digits_value(m.group("digits"))
            if _negative(text, start):
                start, raw = start - 1, -raw
            value, scaled = raw, False
            if m.group("scale"):
                for word in re.findall(r"[A-Za-z]+", m.group("scale")):
                    value *= sc.lex.number_words[word.lower()][0]
                scaled = True
            elif m.group("sfx"):
                factor, needs_currency = sc.lex.scale_suffixes[m.group("sfx").strip().lower()]
                if needs_currency and not (
                    sc.currency_before_re.search(text, max(0, start - 12), start) or _counts_after(text, sc, m.end())
                ):
                    atoms.append(_Atom(start, m.start("sfx"), raw, False, False, raw))
                    continue
                value *= factor
                scaled = True
            atoms.append(_Atom(start, m.end(), value, False, scaled, raw))
        elif m.group("half"):
            scale = re.split(r"[\s-]+", m.group("half"))[-1].lower()
            whole = sc.lex.number_words[m.group("whole").lower()][0] if m.group("whole") else 0.0
            value = sc.lex.number_words[scale][0] * (whole + 0.5)
            atoms.append(_Atom(m.start(), m.end(), value, True, True, whole + 0.5))
        else:
            spans = [
                (w.start(), w.end()) for w in re.finditer(r"[A-Za-z]+", m.group("words")) if w.group().lower() != "and"
            ]
            words = [m.group("words")[a:b] for a, b in spans]
            base = m.start("words")
            for value, i, j in parse_number_words(words, sc.lex):
                start, end = base + spans[i][0], base + spans[j - 1][1]
                scaled = any(sc.lex.number_words.get(w.lower(), (0, ""))[1] == "scale" for w in words[i:j])
                atoms.append(_Atom(start, end, value, True, scaled, value))
    return atoms


def _counts_after(text: str, sc: Scanner, end: int) -> bool:
    """Whether a bare "2.3m" or "50k" scales the number: a plural noun or a claim unit
    follows ("2.3m residents", "2m tonnes"), not a race or a height ("the 400m hurdles")."""
    m = re.match(r" (?P<word>[a-z]+)\b", text[end : end + 30])
    if not m:
        return False
    word = m.group("word")
    unit = sc.unit_after_re.match(text, end)
    if unit:
        return sc.lex.units[unit.group("unit")][0] not in ("measure", "calibre", "time")
    return (word == "people" or word.endswith("s")) and word not in sc.lex.measure_after


def _negative(text: str, start: int) -> bool:
    """A minus sign written against the digits ("-1.3%"), not a dash between two numbers."""
    if start == 0 or text[start - 1] not in "-−":
        return False
    lead = text[max(0, start - 20) : start - 1]
    return (not lead or lead[-1] in ' \t\n(["“') and not re.search(r"[\d%]\s*$", lead)


# Reasons that concern only the first number of a would-be range ("iOS 17 to 1 billion
# devices"): the second is then judged on its own.
_NAMES_ONLY_THE_FIRST = {"label", "name or code"}


def scan(text: str) -> tuple[list[Figure], list[Rejected]]:
    """Every candidate figure in `text`, and every number ruled out with its reason."""
    sc = scanner()
    low = lowered(text)
    fractions, parts = _fractions(text, sc, low)
    inside = {i for f in fractions for i in range(f.start, f.end)}
    inside.update(i for start, end, _ in parts.values() for i in range(start, end))
    atoms = [_part_of(a, parts.get(a.start)) for a in _atoms(text, sc, low) if a.start not in inside]
    figures: list[Figure] = []
    rejected: list[Rejected] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        partner, consumed = _range_partner(text, sc, atoms, i)
        result = _assemble(text, sc, atom, partner, figures)
        if isinstance(result, Rejected) and partner and result.reason in _NAMES_ONLY_THE_FIRST:
            result, consumed = Rejected(atom.start, atom.end, result.reason), 1
        if isinstance(result, Figure):
            figures.append(result)
        else:
            rejected.append(result)
        i += consumed
    figures.extend(fractions)
    figures.sort(key=lambda f: f.start)
    return figures, rejected


_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rising|increased?|climbed?|jumped|grew|grown|fell|fallen|dropped|"
    r"declined?|soared|surged|raised?|raises|revised|up|down|went|gone|doubled|tripled|cuts?|reduced?|reduces|"
    r"slashed|lowered|lowers?|trimmed|shrank|shrunk|expanded|boosted|boosts?|lifted|lifts?|swelled|widened|narrowed|adds?|added|adding|sums?|summed)\s*$",
    re.IGNORECASE,
)
# A person's height just before a weight ("6-foot-4 and 225 pounds", "6ft 1in, 90kg"): the
# weight is a body's, a measurement.
_HEIGHT_BEFORE = re.compile(r"\d\s*(?:-foot|-ft\b|ft\b|feet\b|foot\b|cm\b|['′\"″])", re.IGNORECASE)
_OUT_OF = re.compile(r"^\s+(?:out\s+of|in)\s+(?:every\s+)?$", re.IGNORECASE)


def a_change_verb(word: str) -> bool:
    """Whether `word` says a quantity changed ("rose", "cut", "narrowed")."""
    return bool(_CHANGE_BEFORE.fullmatch(word))


def _range_partner(text: str, sc: Scanner, atoms: list[_Atom], i: int) -> tuple[tuple[str, _Atom] | None, int]:
    """The second number of a range or ratio starting at atoms[i], if there is one.

    "5% to 6%" is a range when both ends have one unit; "by $43.6 billion to $419.2
    billion" and "rose from 36 to 55" are a change and a level, two figures, not a range.
    """
    if i + 1 >= len(atoms):
        return None, 1
    a, b = atoms[i], atoms[i + 1]
    between = text[a.end : b.start]
    out_of = _OUT_OF.match(between)
    if out_of and 0 < a.value < b.value and ("out" in between.lower() or b.value <= 100):
        return ("ratio", b), 2
    join_from = a.end
    unit_a = _unit_after(text, sc, a.end)
    if unit_a and unit_a[2] <= b.start:
        unit_b = _unit_after(text, sc, b.end)
        if not unit_b or unit_b[:2] != unit_a[:2]:
            return None, 1
        join_from = unit_a[2]
    m = sc.range_join_re.fullmatch(text, join_from, b.start)
    if not m:
        return None, 1
    join = m.group("join").lower()
    opener = sc.range_open_re.search(text, max(0, a.start - 12), a.start)
    opened = opener.group("open").lower() if opener else ""
    if join == "and" and opened != "between":
        return None, 1
    if join in "-–—" and a.in_words != b.in_words:
        return None, 1
    if _year_like(a) and _year_like(b):
        return None, 1
    if _year_like(a) != _year_like(b) and re.search(r"\b(?:in|of|since|by)\s+$", text[max(0, a.start - 8) : a.start]):
        return None, 1
    if opened == "by" or (
        opened == "from" and _CHANGE_BEFORE.search(text, max(0, opener.start() - 30), opener.start())
    ):
        return None, 1
    low = a.value
    if b.scaled and not a.scaled and a.value <= b.raw:
        low = a.value * (b.value / b.raw if b.raw else 1)
    if not low < b.value or (join == "to" and not opened and b.value > 2 * low and _after_change(text, sc, a, b)):
        return None, 1
    return ("range", b), 2


def _after_change(text: str, sc: Scanner, a: _Atom, b: _Atom) -> bool:
    """ "fell $12 to $1,980", "rose 12,000 to 220,000": a change verb straight before the
    first number, so a second one far above it is the level reached, not a range's end;
    unless what both count follows ("will cut 300 to 700 jobs")."""
    if re.match(r"\s+[a-z]+s\b", text[b.end : b.end + 30]):
        return False
    cur = sc.ends_at("currency_before_re", text, a.start)
    start = cur.start() if cur else a.start
    return bool(_CHANGE_BEFORE.search(text, max(0, start - 30), start))


def _unit_after(text: str, sc: Scanner, end: int) -> tuple[str, str, int, float] | None:
    """(kind, code, end, factor) of the unit written after a number; a currency sign that
    leads the next number ("$5 million-$6 million") is that number's, not this one's."""
    m = sc.unit_after_re.match(text, end)
    if not m:
        return None
    kind, code = sc.lex.units[m.group("unit")]
    if kind == "currency_sign" and re.match(r"\s?\.?\d", text[m.end() : m.end() + 3]):
        return None
    return kind, code, m.end(), sc.lex.unit_factors.get(m.group("unit"), 1.0)


def _assemble(text: str, sc: Scanner, atom: _Atom, partner, earlier: list[Figure]):
    """Build the figure for one atom (and its range partner), or say why it is none."""
    last = partner[1] if partner else atom
    before = text[max(0, atom.start - 60) : atom.start]
    reason = _reject_around(text, sc, atom, last, before)
    if reason:
        return Rejected(atom.start, last.end, reason)

    start, end = atom.start, last.end
    value, value_max, qualifier = atom.value, None, "exact"
    unit, kind = None, "count"

    cur = sc.ends_at("currency_before_re", text, atom.start)
    if cur:
        unit, kind = sc.lex.units[cur.group("cur")][1], "money"
        start = cur.start()
    if not partner and atom.value > 0:
        sign = sc.sign_word_re.search(text, max(0, start - 12), start)
        if sign or _negative(text, start):
            value, start = -value, sign.start() if sign else start - 1
    factor = 1.0
    unit_info = _unit_after(text, sc, end)
    if unit_info:
        ukind, code, uend, factor = unit_info
        if ukind in ("measure", "calibre", "time"):
            return Rejected(atom.start, uend, ukind)
        if ukind in ("weight", "volume") and text.startswith("-", end):
            return Rejected(atom.start, uend, "measure")
        if code in ("lb", "kg") and _HEIGHT_BEFORE.search(text, max(0, start - 40), start):
            return Rejected(atom.start, uend, "measure")
        if ukind in CURRENCY_KINDS:
            unit, kind = code, "money"
        elif code == "lb" and (last.scaled or atom.scaled) and re.match(r"\s*pounds?\b", text[end:uend], re.I):
            unit, kind = "GBP", "money"  # "8.6 million pounds": sterling; no one weighs news in millions of pounds
        else:
            unit, kind = code, CLAIM_UNIT_KINDS[ukind]
            if ukind == "percent":
                unit = "percent"
        end = uend

    if partner:
        how, other = partner
        if how == "ratio":
            value, unit, kind = round(100 * atom.value / other.value, 2), "percent", "percent"
        else:
            value_max, qualifier = other.value, "range"
            if other.scaled and not atom.scaled and atom.value <= other.raw and other.raw:
                value = atom.value * other.value / other.raw
            opener = sc.range_open_re.search(text, max(0, start - 12), start)
            if opener and opener.group("open").lower() != "by":
                start = opener.start()
    if factor != 1.0:
        value = round(value * factor, 6)
        value_max = round(value_max * factor, 6) if value_max is not None else None

    multiplier = _multiplier(text, sc, atom, end)
    if multiplier is not None:
        if multiplier < 0:
            return Rejected(atom.start, end, "frequency")
        unit, kind, end = "times", "multiplier", multiplier

    qm = sc.ends_at("qualifier_before_re", text, start)
    if qm and _moved_up(text, qm):
        qm = None
    if qm and qualifier == "exact":
        qualifier = sc.lex.qualifiers_before[qm.group("q").lower()]
        start = qm.start()
    elif qm and qualifier == "range":
        start = qm.start()
    am = sc.qualifier_after_re.match(text, end)
    if am and qualifier == "exact" and not re.match(r"\s*(?:\d|and\b)", text[am.end() : am.end() + 8]):
        qualifier = sc.lex.qualifiers_after[am.group("q").strip().lower()]
        end = am.end()

    lead = text[max(0, start - 30) : start]
    if re.search(r"\b(?:not|no|never|nor|rather\s+than|instead\s+of)\s*$", lead, re.I):
        return Rejected(atom.start, end, "negated")
    if (
        qualifier == "exact"
        and kind == "count"
        and re.search(
            r"\b(?:the|these|those|its|their|his|her|our|my|your|whose|both|each|"
            r"every|either|neither|same|last|first|next|(?<!\bthe\s)other)\s*$",
            lead,
            re.I,
        )
        # "more than the 180,000 economists had expected": a figure compared with, not referred to;
        # "the other 187 bodies" is the rest of a whole, a figure of its own
        and not re.search(r"\bthan\s+the\s*$", lead, re.I)
    ):
        return Rejected(atom.start, end, "referring")
    if earlier and _restates(text, earlier[-1], start) and kind in ("money", "area", "weight", "volume"):
        return Rejected(atom.start, end, "restated conversion")
    year_like = kind == "count" and not partner and _year_like(atom)
    return Figure(
        start,
        end,
        atom.start,
        last.end,
        value,
        value_max,
        qualifier,
        unit,
        kind,
        atom.in_words,
        year_like,
    )


def _multiplier(text: str, sc: Scanner, atom: _Atom, end: int) -> int | None:
    """Where a multiplier ("sixfold", "6.5 times earnings", "twice as many") ends; -1 for a
    count of occurrences ("scored twice", "visited three times"); None for neither, or
    for occurrences counted at scale ("downloaded 50 million times"), which is a count."""
    fold = sc.fold_re.match(text, end)
    if fold:
        return fold.end()
    times = sc.times_re.match(text, end)
    word = sc.lex.number_words.get(text[atom.start : atom.end].lower(), (0, ""))[1]
    if not times and not (atom.in_words and word == "multiplier"):
        return None
    stop = times.end() if times else end
    compare = sc.compare_re.match(text, stop)
    if compare and not _time_unit_at(text, sc, compare.end()):
        return stop
    return None if atom.scaled else -1


def _time_unit_at(text: str, sc: Scanner, end: int) -> bool:
    """ "scored three times this season": "this" opens a time, not a comparison."""
    m = sc.unit_after_re.match(text, end)
    return bool(m) and sc.lex.units[m.group("unit")][0] == "time"


def _not_a_label(text: str, designator: re.Match, atom: _Atom, last: _Atom) -> bool:
    """ "will order 35 jets", "plans to train 500 nurses", "train 2.65 lakh people": a
    designator word used as a verb (after a modal, or after "to" with a plural noun after
    the number), or a number at scale or a share ("the top 5% of earners"), which no label
    ever is."""
    if atom.scaled or re.match(r"\s*(?:%|per\s*cent|percent)", text[last.end : last.end + 10]):
        return True
    lead = text[max(0, designator.start() - 12) : designator.start()]
    if re.search(r"\b(?:will|would|could|can|may|might|must|shall|should|did|does|do)\s+$", lead):
        return True
    word = designator.group().strip()
    return (
        bool(re.search(r"\bto\s+$", lead))
        and word.islower()
        and bool(re.match(r"\s+[a-z]+s\b", text[last.end : last.end + 30]))
    )


def _moved_up(text: str, qm: re.Match) -> bool:
    """ "growth was revised up to 0.3%": "up" goes with the change verb, so "up to" is
    no upper bound."""
    return qm.group("q").lower().startswith("up") and bool(
        _CHANGE_BEFORE.search(text, max(0, qm.start() - 30), qm.start())
    )


def _year_like(atom: _Atom) -> bool:
    return (
        not atom.in_words
        and atom.end - atom.start == 4
        and 1800 <= atom.value <= 2100
        and atom.value.is_integer()
        and not atom.scaled
    )


def _restates(text: str, previous: Figure, start: int) -> bool:
    between = text[previous.end : start]
    return bool(re.fullmatch(r"\s*\(\s*(?:about|around|roughly|some|approximately|or)?\s*", between, re.I))


def _reject_around(text: str, sc: Scanner, atom: _Atom, last: _Atom, before: str) -> str | None:
    """Why the characters around a numeral show it is not a count, or None."""
    after = text[last.end : last.end + 40]
    money = bool(sc.ends_at("currency_before_re", text, atom.start))
    if atom.in_words and re.search(r"[\dA-Za-z]-$", before):
        return "name or code"
    if (
        atom.in_words
        and re.match(r"-[a-z]", after)
        and not sc.unit_after_re.match(text, last.end)
        and not sc.fold_re.match(text, last.end)
    ):
        return "description"
    if not atom.in_words:
        if re.match(r"-[A-Z][a-z]", after) and not sc.unit_after_re.match(text, last.end):
            return "name or code"
        if not money and re.search(r"[A-Za-z][-]?$|#\s*$|[\d][/.:–-]$|/$", before):
            return "name or code"
        if re.search(r"\b(?:[a-z]+|[A-Z][a-z]+)[A-Z][a-z]\w*\s+$", before):
            return "name or code"
        if sc.label_after_re.match(after):
            return "name or address"
        score = re.match(r"[-–](\d{1,3})(?!\d|[.,]\d)", after)
        if atom is last and score and int(score.group(1)) <= atom.value <= 200:
            return "score"
        if re.match(r"[/:]\d|(?:st|nd|rd|th)\b|'?s\b|’s\b|[A-Za-z]{1,3}\d", after):
            return "date, time, ordinal or code"
        if (
            re.match(r"[A-Za-z]", after)
            and not sc.unit_after_re.match(text, last.end)
            and not sc.fold_re.match(text, last.end)
            and not re.match(r"(?:mn|bn|mln|trn|tn|k|m|b)\b", after, re.I)
        ):
            return "name or code"
        if re.match(r"-[A-Za-z]+\d|\.\d|\([A-Za-z]\)", after):
            return "name or code"
        if (
            atom is not last
            and atom.value == 0
            and re.fullmatch(r"[-–]", text[atom.end : last.start])
            and not _unit_after(text, sc, last.end)
        ):
            return "name or code"
    if _dated(text, sc, atom, after):
        return "date"
    if re.match(
        r"\s*(?:[ap]\.?m\.?\b|GMT|UTC|BST|EST|EDT|CET|PST|hrs\b|hours?\s+(?:GMT|UTC|local)"
        r"|o'clock|local\s+time)",
        after,
        re.I,
    ):
        return "time"
    designator = sc.ends_at("designator_before_re", text, atom.start)
    if designator and not re.search(r"\bper\s*$", before, re.I) and not _not_a_label(text, designator, atom, last):
        return "label"
    if sc.ends_at("measure_before_re", text, atom.start):
        return "measure"
    if re.search(r"\b(?:aged|age|ages):?\s*$", before, re.I):
        return "age"
    if not atom.in_words and atom.value < 120 and re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"\s*,", after):
        return "age"
    if atom is last and atom.value == 1 and atom.in_words and re.match(r"\s+of\b|\s+another\b", after, re.I):
        return "referring"
    unit = _unit_after(text, sc, last.end)
    if atom is last and _year_like(atom) and not money and not (unit and unit[0] != "time"):
        if re.search(
            r"\b(?:in|since|by|of|from|until|till|to|during|before|after|early|late|mid"
            r"|spring|summer|autumn|fall|winter|year|the|between|and)\s*-?$",
            before,
            re.I,
        ):
            return "year"
        if not re.match(r"\s+[a-z]", after):
            return "year"
    return None


def _dated(text: str, sc: Scanner, atom: _Atom, after: str) -> bool:
    """A day or year beside a month ("May 11", "11 May", "June, 2023"); not a share after a
    month's clause ("in May, 11% more") nor a count after its comma ("in May, 40 people")."""
    if sc.month_after_re.match(after):
        return True
    month = sc.ends_at("month_before_re", text, atom.start)
    if not month or re.match(r"\s*(?:%|per\s*cent|percent)", after):
        return False
    return "," not in month.group() or _year_like(atom)


def _part_of(atom: _Atom, part: tuple[int, int, float] | None) -> _Atom:
    """The atom after "a quarter of" ("a million") as the quantity the whole phrase gives."""
    if part is None:
        return atom
    start, _, share = part
    value = atom.value * share
    return replace(atom, start=start, value=value, raw=value, in_words=True, scaled=True)


def _fractions(text: str, sc: Scanner, low: str | None) -> tuple[list[Figure], dict[int, tuple[int, int, float]]]:
    """Shares written as fractions ("half of", "a third of", "about two-thirds of", "3/4 of",
    a change "by a fifth" or "by half"), and fractions of a scale ("a quarter of a
    million"): where the scaled number starts, mapped to the span of its fraction and the
    share it takes. Most reports hold no fraction word (`low`, the lowercased text, shows
    it at once) and no "/", and skip the patterns."""
    found = []
    parts: dict[int, tuple[int, int, float]] = {}
    words = low is None or any(w in low for w in sc.fraction_words)
    for m in sc.fraction_re.finditer(text) if words else ():
        frac_word = (m.group("frac") or m.group("by_frac")).lower()
        frac = sc.lex.number_words[frac_word][0]
        num_word = (m.group("num") or m.group("by_num") or "").lower()
        if not num_word and frac_word != "half":
            continue
        count = 1.0 if num_word in ("", "a", "an") else sc.lex.number_words[num_word][0]
        lead = text[max(0, m.start() - 20) : m.start()]
        if re.search(r"\b(?:the|first|second|last|this|that)\s*$", lead, re.I):
            continue
        of_scale = sc.of_scale_re.match(text, m.end())
        if of_scale:
            parts[of_scale.end()] = (m.start(), m.end(), count * frac)
            continue
        value = round(count * frac * 100, 2)
        start, qualifier = m.start(), "exact"
        qm = sc.ends_at("qualifier_before_re", text, start)
        if qm:
            qualifier = sc.lex.qualifiers_before[qm.group("q").lower()]
            start = qm.start()
        found.append(Figure(start, m.end(), m.start(), m.end(), value, None, qualifier, "percent", "percent", True))
    for m in _DIGIT_FRACTION.finditer(text) if "/" in text else ():
        num, den = int(m.group("num")), int(m.group("den"))
        if 0 < num < den:
            start, qualifier = m.start(), "exact"
            qm = sc.ends_at("qualifier_before_re", text, start)
            if qm:
                qualifier = sc.lex.qualifiers_before[qm.group("q").lower()]
                start = qm.start()
            share = round(100 * num / den, 2)
            found.append(
                Figure(start, m.end(), m.start(), m.end(), share, None, qualifier, "percent", "percent", False)
            )
    return found, parts


# A share written in digits before "of" ("about 3/4 of the land"), never a date ("3/4/2024").
_DIGIT_FRACTION = re.compile(r"(?<![\w/.])(?P<num>\d)/(?P<den>\d{1,2})(?![\w/.])(?=\s+of\b)")
