"""Table-driven stand-ins for two rule components of the spaCy pipeline, with the same
output at a fraction of the cost.

spaCy's attribute ruler runs its Matcher over every token (about 180 patterns: the tag
map and a few exceptions), and its rule lemmatizer builds a Python `Token` for each one;
on the units extraction parses the two cost about a fifth of the pipeline
(docs/performance.md). Both read only a few attributes of a token (the ruler's few
two-token patterns also its neighbour's), so their answers are found once per distinct
value and the doc is written in one pass:

- `TableRuler` evaluates the ruler's own patterns with the Matcher's predicates
  (equality, IN, NOT_IN, REGEX on TAG, LOWER, DEP, IS_SPACE) and sets each matched
  token with spaCy's own `set_token_attrs`, rules in the ruler's order, so a later rule
  wins as it does in spaCy.
- `TableLemmatizer` gives each token without a lemma the rule lemmatizer's lemma, which
  is a function of its text, part of speech and morphology (the lemmatizer's own cache
  key), computed once per distinct triple by the lemmatizer's own code over its tables
  with their word lists made sets.

A pipeline whose ruler holds patterns of another kind keeps its stock components
(`UnsupportedPattern`). `tests/test_rulepipes.py` checks that the stand-ins give exactly
the stock components' tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc

#: The token attributes the ruler's patterns may test, in the order they are read.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Answers kept per distinct value before the memo starts afresh (bounded memory in a
#: long-running process that meets ever more words).
_MEMO_SIZE = 200_000


class UnsupportedPattern(ValueError):
    """A pattern or setting the stand-ins cannot reproduce exactly."""


class TableRuler:
    """spaCy's `AttributeRuler`, evaluated per attribute value instead of by the Matcher.

    Each token spec of a pattern is a conjunction of tests on single attributes, so the
    specs a token meets are the intersection of the specs each of its attribute values
    passes: one bit mask per value, computed the first time the value is seen."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import IDS
        from spacy.strings import get_string_id

        self._attr_ids = [IDS[name] for name in _TESTED]
        self._set = ruler.attrs
        columns = [_Column(ruler.vocab.strings) for _ in _TESTED]
        bits: dict[str, int] = {}
        single: list[tuple[int, int]] = []
        multi: list[tuple[int, tuple[int, ...], int]] = []
        for key, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                pattern_bits = []
                for spec in pattern:
                    text = repr(sorted(spec.items()))
                    if text not in bits:
                        bits[text] = 1 << len(bits)
                        for name, value in spec.items():
                            if name.upper() not in _TESTED:
                                raise UnsupportedPattern(f"a test of {name!r}")
                            columns[_TESTED.index(name.upper())].add(bits[text], value, get_string_id)
                    pattern_bits.append(bits[text])
                if len(pattern_bits) == 1 and rule["index"] in (0, -1):
                    single.append((key, pattern_bits[0]))
                else:
                    multi.append((key, tuple(pattern_bits), rule["index"]))
        for column in columns:
            column.finish((1 << len(bits)) - 1)
        self._columns = columns
        self._single = single
        self._multi = multi
        self._rules_of_mask: dict[int, tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        tag, lower, dep, space = self._columns
        masks = [
            tag.passed(t) & lower.passed(w) & dep.passed(d) & space.passed(s)
            for t, w, d, s in doc.to_array(self._attr_ids).tolist()
        ]
        matches: dict[int, list[int]] = {}
        for i, mask in enumerate(masks):
            if keys := self._rules_of(mask):
                matches[i] = list(keys)
        for key, (first, *rest), index in self._multi:
            width = 1 + len(rest)
            for start in [i for i, mask in enumerate(masks[: len(masks) - width + 1]) if mask & first]:
                if all(masks[start + k] & bit for k, bit in enumerate(rest, 1)):
                    matches.setdefault(start + index if index >= 0 else start + width + index, []).append(key)
        for i, keys in matches.items():
            token = doc[i]
            for key in sorted(keys):
                set_token_attrs(token, self._set[key])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _rules_of(self, mask: int) -> tuple[int, ...]:
        """The one-token rules met by a token whose specs are `mask`, in the ruler's order."""
        keys = self._rules_of_mask.get(mask)
        if keys is None:
            keys = self._rules_of_mask[mask] = tuple(key for key, bit in self._single if mask & bit)
        return keys


class _Column:
    """The tests the ruler's token specs make of one attribute, with the Matcher's
    semantics: a string or bool is compared by its id, IN and NOT_IN by the ids of their
    strings, REGEX searched in the value's string."""

    def __init__(self, strings) -> None:
        self._strings = strings
        self._tested = 0
        self._untested = 0
        self._equal: dict[int, int] = {}
        self._not_in: list[tuple[int, frozenset[int]]] = []
        self._regex: list[tuple[int, re.Pattern]] = []
        self._passed: dict[int, int] = {}

    def add(self, bit: int, value: Any, string_id: Callable[[Any], int]) -> None:
        """Spec `bit` tests this attribute against `value`."""
        operator, arg = next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else ("=", value)
        if operator == "=" and isinstance(arg, bool | str):
            for x in (int(arg) if isinstance(arg, bool) else string_id(arg),):
                self._equal[x] = self._equal.get(x, 0) | bit
        elif operator == "IN":
            for x in {string_id(v) for v in arg}:
                self._equal[x] = self._equal.get(x, 0) | bit
        elif operator == "NOT_IN":
            self._not_in.append((bit, frozenset(string_id(v) for v in arg)))
        elif operator == "REGEX":
            self._regex.append((bit, re.compile(arg)))
        else:
            raise UnsupportedPattern(f"a test {value!r}")
        self._tested |= bit

    def finish(self, every: int) -> None:
        """Every spec that does not test this attribute passes, whatever its value."""
        self._untested = every & ~self._tested

    def passed(self, value: int) -> int:
        """The specs whose test of this attribute `value` passes (a bit mask)."""
        found = self._passed.get(value)
        if found is None:
            found = self._untested | self._equal.get(value, 0)
            for bit, values in self._not_in:
                if value not in values:
                    found |= bit
            for bit, pattern in self._regex:
                if pattern.search(self._strings[value]):
                    found |= bit
            if len(self._passed) >= _MEMO_SIZE:
                self._passed.clear()
            self._passed[value] = found
        return found


class TableLemmatizer:
    """spaCy's rule `Lemmatizer` (overwrite off), memoised per (text, POS, morphology).

    A lemma not met before is found by the lemmatizer's own `rule_lemmatize`, run over a
    copy of its tables whose word lists (`lemma_index`, up to 57,000 words, searched with
    `in` for every candidate form) are sets: the same answers, without the linear scans
    that made each new word cost about 0.3 ms."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.lookups import Lookups

        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise UnsupportedPattern(f"a lemmatizer in mode {lemmatizer.mode!r}")
        lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            lookups.add_table(name, {k: frozenset(v) if name == "lemma_index" else v for k, v in table.items()})
        self._rules = SimpleNamespace(lookups=lookups, cache={}, is_base_form=lemmatizer.is_base_form)
        self._lemmatize = partial(type(lemmatizer).rule_lemmatize, self._rules)
        self._strings = lemmatizer.vocab.strings
        self._read = [ORTH, POS, MORPH, LEMMA]
        self._write = [LEMMA]
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(self._read).tolist()):
            if lemma == 0:  # not set by the attribute ruler
                lemma = self._lemmas.get((orth, pos, morph))
                if lemma is None:
                    if len(self._lemmas) >= _MEMO_SIZE:
                        self._lemmas.clear()
                        self._rules.cache.clear()
                    lemma = self._lemmas[(orth, pos, morph)] = self._strings.add(self._lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array(self._write, numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def table_components(nlp: Language) -> list[tuple[str, TableRuler | TableLemmatizer]]:
    """(name, stand-in) for each component of `nlp` that has an exact stand-in here."""
    found: list[tuple[str, TableRuler | TableLemmatizer]] = []
    for name, component in nlp.pipeline:
        kind = type(component).__name__
        try:
            if kind == "AttributeRuler":
                found.append((name, TableRuler(component)))
            elif kind.endswith("Lemmatizer"):
                found.append((name, TableLemmatizer(component)))
        except UnsupportedPattern:
            continue
    return found
