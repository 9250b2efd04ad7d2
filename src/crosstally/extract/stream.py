"""The streaming pipeline of extraction: a document cut into units, the units parsed in
batches across documents, each read as soon as its parse (and the context its rules ask
for) has come. `figure_claim` turns each figure of a read unit into its claim."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, partial

from ..claims import Claim
from ..errors import ExtractionError
from ..lexicon import lexicon
from ..nlp import Parser
from .attribution import Attribution, attribute
from .figure_claim import claim_for
from .names import NameIndex
from .numbers import Figure, scan
from .places import PLACE_NOUNS
from .sentences import bounded_spans, sentence_spans
from .speaker_names import body_subject
from .tree import OPENING_PARTITIVE, PARTITIVE_PRONOUNS

CONTEXT_UNITS = 3


@dataclass(frozen=True)
class DocumentText:
    """What extraction needs of a document: its text, id and publication date."""

    text: str
    doc_id: str = "-"
    published: date | None = None


def parse_units(text: str, figures: Sequence[Figure] = ()) -> list[tuple[int, int]]:
    """Character spans of the sentences of each non-empty line, none longer than
    `sentences.MAX_UNIT_CHARS` and none cutting a figure: the units that are parsed."""
    units: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        units.extend(sentence_spans(text, line.start(), line.end()))
    return bounded_spans(text, units, [(f.start, f.end) for f in figures])


class _NeedContext(Exception):
    """Raised from the rules when a unit's context (the units before it) is not parsed."""

    def __init__(self, units: list[int]) -> None:
        super().__init__(units)
        self.units = units


class DocumentJob:
    """One document on its way through the pipeline: its figures and units, the parses
    still needed for context, the parsed units waiting to be read, and the claims found
    so far."""

    def __init__(
        self, item: DocumentText, parser: Parser, ask: Callable[[DocumentJob, list[int]], None] | None, patience: int
    ) -> None:
        self.item = item
        self.parser = parser
        self.claims: list[Claim] = []
        self.error: Exception | None = None
        self.figures: dict[int, list[Figure]] = {}
        self.units: list[tuple[int, int]] = []
        self.names: NameIndex | None = None
        self._docs: dict[int, object] = {}
        self._ask = ask
        self._patience = patience
        self._waiting: set[int] = set()
        self._parse_now = False
        self._parsed: deque[tuple[int, object]] = deque()
        self._unread = 0

    def plan(self, fast: bool) -> list[int]:
        """Scan the text and cut it into units; the units to parse, in order."""
        try:
            figures, _ = scan(self.item.text)
            self.units = parse_units(self.item.text, figures)
            self.figures = _unit_of(figures, self.units)
            self.names = NameIndex.build(self.item.text)
        except Exception as exc:
            self.error = exc
            return []
        planned = sorted(self.figures) if fast else list(range(len(self.units)))
        self._unread = len(planned)
        return planned

    def unit_text(self, u: int) -> str:
        start, end = self.units[u]
        return self.item.text[start:end]

    @property
    def done(self) -> bool:
        """Whether every planned unit has been read (or the document has failed)."""
        return self.error is not None or self._unread == 0

    def read(self, u: int, doc) -> None:
        """Take planned unit `u`'s parse; read it, and those waiting behind it, unless an
        earlier unit still waits for its context. Once more than `patience` parses wait
        (a document asking for context more than once a batch), the waiting unit's context
        is parsed on the spot, so memory stays bounded."""
        if self.error is None:
            self._parsed.append((u, doc))
            if self._waiting and len(self._parsed) > self._patience:
                self._waiting.clear()
                self._parse_now = True
            self._read_parsed()

    def take_context(self, v: int, doc) -> None:
        """Take the parse of unit `v`, asked for as context; read on once all have come.
        A parse that comes after the unit stopped waiting for it is dropped."""
        if v in self._waiting:
            self._docs[v] = doc
            self._waiting.discard(v)
            self._read_parsed()

    def finish(self) -> None:
        """The stream has ended: read what is left, parsing missing context on the spot."""
        self._ask = None
        self._waiting.clear()
        self._read_parsed()

    def result(self, on_error) -> list[Claim]:
        """The document's claims, or its failure raised or reported."""
        self._docs.clear()
        self._parsed.clear()
        if self.error is None:
            return self.claims
        if on_error is None:
            raise ExtractionError(f"extraction failed: {self.error!r}", path=self.item.doc_id) from self.error
        on_error(self.item, self.error)
        return []

    def _read_parsed(self) -> None:
        """Find the claims of the parsed units in order, until one asks for context not
        yet parsed: its partial claims are dropped and it is read again once that comes."""
        while self._parsed and not self._waiting and self.error is None:
            u, doc = self._parsed[0]
            self._docs[u] = doc
            for old in [v for v in self._docs if v < u - CONTEXT_UNITS]:
                del self._docs[old]
            kept = len(self.claims)
            try:
                if u in self.figures:
                    self._claims_in(u, doc)
            except _NeedContext as need:
                del self.claims[kept:]
                self._waiting.update(need.units)
                assert self._ask is not None
                self._ask(self, need.units)
                return
            except Exception as exc:
                self.error = exc
            self._parsed.popleft()
            self._unread -= 1
            self._parse_now = False

    def _earlier_speakers(self, u: int) -> Callable[[], list[Attribution]]:
        def load() -> list[Attribution]:
            earlier = range(max(0, u - CONTEXT_UNITS), u)
            missing = [v for v in earlier if v not in self._docs]
            if missing and self._ask is not None and not self._parse_now:
                raise _NeedContext(missing)
            if missing:
                texts = [self.unit_text(v) for v in missing]
                self._docs.update(zip(missing, self.parser.pipe(texts, batch_size=CONTEXT_UNITS), strict=True))
            speakers: list[Attribution] = []
            for sent in (sent for v in earlier for sent in self._docs[v].sents):
                # each earlier sentence's "he said" reads the sentences before it
                speakers.append(_sentence_speaker(sent, self.names, speakers))
            return speakers

        return load

    def _claims_in(self, u: int, doc) -> None:
        offset = self.units[u][0]
        unit_figures = self.figures[u]
        context = _Context(cache(self._earlier_speakers(u)))
        claims = self.claims
        for sent in doc.sents:
            sentence = self.item.text[offset + sent.start_char : offset + sent.end_char]  # sent.text, not rebuilt
            between = self.item.text[claims[-1].end : offset + sent.start_char] if claims else ""
            part = _opens_with_part(sentence) and "\n" not in between  # "Six of them ...", same paragraph
            carries_on = claims and (_continues_figure(sentence) or part)
            previous_claim = claims[-1] if carries_on else None
            siblings: list[Claim] = []
            for fig in (f for f in unit_figures if sent.start_char <= f.core_start - offset < sent.end_char):
                claim = claim_for(self.item, fig, sent, offset, self.names, context, previous_claim, claims, siblings)
                if claim is not None:
                    claims.append(claim)
                    siblings.append(claim)
                    previous_claim = claim
            context = context.plus(cache(partial(_sentence_speaker, sent, self.names, context)))


def _unit_of(figures: list[Figure], units: list[tuple[int, int]]) -> dict[int, list[Figure]]:
    found: dict[int, list[Figure]] = {}
    u = 0
    for fig in figures:
        while u < len(units) and units[u][1] <= fig.core_start:
            u += 1
        if u < len(units) and units[u][0] <= fig.core_start:
            found.setdefault(u, []).append(fig)
    return found


class _Context(Sequence):
    """The speakers of the sentences before a figure: the previous units' (parsed only when
    a pronoun or a continuation asks for them) and the earlier sentences of its own. Each
    speaker is found only when a rule first asks for the context, and then only once."""

    def __init__(self, load: Callable[[], list[Attribution]], extra: tuple[Callable[[], Attribution], ...] = ()):
        self._load = load
        self._extra = extra
        self._items: list[Attribution] | None = None

    def _all(self) -> list[Attribution]:
        if self._items is None:
            self._items = [*self._load(), *(speaker() for speaker in self._extra)]
        return self._items

    def __getitem__(self, index):
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __bool__(self) -> bool:
        return bool(self._extra) or len(self) > 0

    def plus(self, speaker: Callable[[], Attribution]) -> _Context:
        """This context followed by one more sentence, whose speaker `speaker()` gives."""
        return _Context(self._load, (*self._extra, speaker))


def _sentence_speaker(sent, names: NameIndex, previous: list[Attribution]) -> Attribution:
    """Who speaks in a sentence; failing that, the last person it names (for "he"/"she"),
    or the named body it is about (for "it")."""
    lex = lexicon()
    spoken = attribute(sent, sent.root, names, lex, previous)
    if spoken.source:
        return spoken
    people = [e for e in sent.ents if e.label_ == "PERSON" and not _names_a_place(e)]
    if people:
        return Attribution(names.fullest(people[-1].text), None, None, True, named_only=True)
    body = body_subject(sent, names, lex)
    return Attribution(body, None, None, False, named_only=True) if body else Attribution()


def _names_a_place(entity) -> bool:
    """A name the tagger took for a person that a place noun follows ("in Malappuram
    district"): a place, which no "he said" stands for."""
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    return after is not None and after.lemma_.lower() in PLACE_NOUNS


def _opens_with_part(sentence: str) -> bool:
    """ "Six of them were residents of a care home.": a sentence that opens with a part of
    the figure before it (taken only from the same paragraph)."""
    return bool(_PART_OPENING.match(sentence))


_PART_OPENING = re.compile(
    rf"[\"“‘']?\s*(?:(?:\S+\s+){{1,3}}of\s+(?:{'|'.join(sorted(PARTITIVE_PRONOUNS - {'which', 'whom'}))})\b"
    rf"|{OPENING_PARTITIVE.pattern})",  # "Of them, 793 had been discharged"
    re.I,
)


def _continues_figure(sentence: str) -> bool:
    """ "Another 5,000 are on standby.": a figure that continues the previous one."""
    return bool(re.match(r"[\"“‘']?\s*(?:another|a further|an additional|the other|the remaining)\b", sentence, re.I))
