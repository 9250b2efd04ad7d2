"""Figure-claim extraction: raw text in, `Claim` records out.

The scanner (`numbers`) finds candidate figures in the raw text; the text is cut into
units by rule (`sentences`: sentences, over-long ones cut at clause boundaries, so no unit
exceeds a fixed length), and only the units that hold a candidate go through spaCy,
streamed through the pipeline (`nlp.load_parser`). The units before one are parsed only
when a pronoun or a continuation needs their speakers, in the stream's next batch. Every
rule reads a unit and at most the three before it, so parsing everything
(`ExtractOptions(fast=False)`) gives exactly the same claims, and the cost grows linearly
with the length of a document.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, partial

from ..claims import Claim
from ..errors import ExtractionError, InvalidOptionError
from ..lexicon import Lexicon, lexicon
from ..nlp import Parser, load_parser
from ..options import ExtractOptions
from .antecedents import (
    category_of_words,
    fronted_whole,
    is_pronoun,
    opening_quantity,
    quantity_antecedent,
    singular_of,
)
from .attribution import Attribution, attribute
from .names import NameIndex
from .numbers import Figure, a_change_verb, scan
from .places import PLACE_NOUNS, location
from .sentences import bounded_spans, sentence_spans
from .speaker_names import body_subject
from .syntax import (
    QUANTITY_NOUNS,
    category,
    counted_after_weekday,
    counted_token,
    ends_state,
    gathering_subject,
    gathers,
    governing_verbs,
    merged_category,
    phrase_text,
    rate_unit,
    top_of_number,
)
from .timeref import resolve, time_phrase
from .tree import OPENING_PARTITIVE, PARTITIVE_PRONOUNS, prep_objects

__all__ = ["extract", "extract_many", "DocumentText"]

CONTEXT_UNITS = 3
#: How many of a report's latest figures say what a bare tally continues counting.
RECENT_FIGURES = 5
_RANGE_WORDS = {"to", "and", "or", "-", "–"}
#: Words that open a time phrase right after a count the tagger took into a DATE.
_TIME_AFTER = {"the", "a", "an", "last", "this", "early", "late", "on", "by", "overnight"}
_NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON"}
#: The entities that are names (not times or ranks), which a lone numeral never is.
_NAME_ENTITIES = _NOT_COUNTS - {"DATE", "TIME", "ORDINAL"}


@dataclass(frozen=True)
class DocumentText:
    """What extraction needs of a document: its text, id and publication date."""

    text: str
    doc_id: str = "-"
    published: date | None = None


def extract(
    text: str,
    doc_id: str = "-",
    published: date | str | None = None,
    options: ExtractOptions | None = None,
) -> list[Claim]:
    """Every figure claim in `text`, in document order."""
    item = DocumentText(text, doc_id, _as_date(published))
    return next(extract_many([item], options))


def extract_many(
    items: Iterable[DocumentText],
    options: ExtractOptions | None = None,
    on_error: Callable[[DocumentText, Exception], None] | None = None,
) -> Iterator[list[Claim]]:
    """Claims for each document, in order; spaCy batches sentences across documents.

    Units stream through the pipeline and each is read as soon as it is parsed, keeping
    only the last few parses of a document, so memory stays bounded whatever its length.
    A unit whose rules ask for earlier units that were not parsed waits for them: they
    join the stream's next batch (a batch of a few units costs several times as much per
    unit), and the document's later units wait behind it (at most a batch of them, past
    which the context is parsed on the spot). A document whose extraction
    fails raises `ExtractionError`, or, given `on_error`, is reported to it and yields no
    claims, so the rest of the batch goes on.
    """
    options = options or ExtractOptions()
    parser = load_parser(options.model)
    pending: deque[_Job] = deque()
    asked: deque[tuple[_Job, int]] = deque()

    def ask(job: _Job, missing: list[int]) -> None:
        asked.extend((job, v) for v in missing)

    def units() -> Iterator[tuple[str, tuple[_Job, int, bool]]]:
        for item in items:
            job = _Job(item, parser, ask, patience=options.batch_size)
            pending.append(job)
            for u in job.plan(options.fast):
                while asked:
                    earlier, v = asked.popleft()
                    yield earlier.unit_text(v), (earlier, v, True)
                yield job.unit_text(u), (job, u, False)

    for doc, (job, u, is_context) in parser.pipe_with(units(), batch_size=options.batch_size):
        if is_context:
            job.take_context(u, doc)
        else:
            job.read(u, doc)
        while pending and pending[0].done:
            yield pending.popleft().result(on_error)
    while pending:  # what the last batch asked for is parsed on its own
        pending[0].finish()
        yield pending.popleft().result(on_error)


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


class _Job:
    """One document on its way through the pipeline: its figures and units, the parses
    still needed for context, the parsed units waiting to be read, and the claims found
    so far."""

    def __init__(
        self, item: DocumentText, parser: Parser, ask: Callable[[_Job, list[int]], None] | None, patience: int
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
                claim = _claim(self.item, fig, sent, offset, self.names, context, previous_claim, claims, siblings)
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


def _claim(
    item: DocumentText,
    fig: Figure,
    sent,
    offset: int,
    names: NameIndex,
    context: Sequence[Attribution],
    previous: Claim | None = None,
    earlier: Sequence[Claim] = (),
    siblings: Sequence[Claim] = (),
) -> Claim | None:
    """The claim for one figure, or None when the syntax shows it is none. `previous` is
    the claim before it in the sentence, whose counted noun an elliptical figure shares
    ("4.6 million people in May, down from 6 million"); `earlier` the report's claims
    before it, whose state a bare "the number" continues ("he expected the number to fall below
    100"); `siblings` the sentence's claims so far, among which "N of them" finds its
    whole."""
    lex = lexicon()
    doc = sent.doc
    span = doc.char_span(fig.core_start - offset, fig.core_end - offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    top = top_of_number(span)
    if not _syntax_allows(fig, span, top):
        return None
    noun = counted_token(top, fig.kind, lex)
    mention = doc.char_span(fig.start - offset, fig.end - offset, alignment_mode="expand")
    figure_tokens = range(mention.start, mention.end) if mention else range(span.start, span.end)
    if noun is not None and noun.i not in figure_tokens:
        c_start, c_end = phrase_text(noun, figure_tokens)
        counted = item.text[offset + c_start : offset + c_end]  # doc.text, not rebuilt
    else:
        noun, counted = None, ""
    if noun is not None and _counts_speakers(fig, noun, lex):
        return None
    if fig.kind != "money" and noun is not None and _a_measure(noun, lex):
        return None
    verbs = governing_verbs(_clause_anchor(noun if noun is not None else top))
    who = attribute(sent, top, names, lex, context)
    kind_of = category(fig.kind, noun, top, verbs, lex)
    if fig.kind == "count" and (stated := _state_said_after(item.text, fig.end, lex)) is not None:
        kind_of = stated  # "4,715 injured and 341 were missing": whatever the parser joined it to
    after = doc[mention.end] if mention is not None and mention.end < len(doc) else None
    # "the figure has climbed since Min Aung Hlaing put it at 2,179": "it" is a tally too, and
    # so are the names on a list ("the list of the dead had contained 143 names")
    # "the total", "the number" (not "the toll", which says it counts the dead)
    generic = noun is not None and (lex.tally_nouns.get(noun.lemma_.lower()) == "-" or noun.lower_ in _TALLY_WORDS)
    if (noun is None or generic) and after is not None and after.lower_ in lex.category_adjs:
        kind_of = merged_category(_states_from(after, lex))  # "counted 144 dead", "3,000 killed and wounded"
    partitive = next((o for o in prep_objects(top, ("of",)) if o.lower_ in PARTITIVE_PRONOUNS), None)
    named_part = noun is not None and partitive is not None and noun != partitive  # "two of them police officers"
    of_them = (  # "27 of them", "50 of whom": a part of the figure before
        noun is not None
        and ((noun.lower_ in PARTITIVE_PRONOUNS and noun.head.lower_ == "of") or named_part)
        and not fig.unit
    )
    if of_them and previous is not None and previous.value < fig.value:
        # "3,000 detained in 33 towns, about 1,000 of them in Minsk": a part is no larger than its whole
        previous = next((c for c in reversed(siblings) if c.value >= fig.value), previous)
    part_of_previous = (
        of_them
        # "43 of them police officers": the pronoun hangs on the figure, the noun after it
        or (not fig.unit and any(o.lower_ in PARTITIVE_PRONOUNS for o in prep_objects(top, ("of",))))
        or (noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among"))
        or (noun is not None and _among_them([noun, *verbs]))
        or (  # "Of the dead, 77 were men, 67 were women": the list goes on
            previous is not None
            and fig.unit == previous.unit
            and (noun is None or lex.noun_classes.get(noun.lemma_.lower()) == "person")
            and _joined_to_previous(noun if noun is not None else top, verbs, previous, offset)
        )
    )
    if part_of_previous and previous is not None and (kind_of == "other" or (of_them and _says_nothing(noun, lex))):
        kind_of = previous.category  # "injured 172, 33 of them seriously": the 172's part
    if not of_them:
        previous = _whole_before(previous, siblings, item.text)  # "... two of them police officers, and 40 were hurt"
    if (
        (not counted or generic or (of_them and not named_part))
        and previous is not None
        and previous.counted
        and fig.unit == previous.unit
        and not _another_state(previous, kind_of, lex)
    ):
        counted = previous.counted
        kind_of = previous.category if kind_of == "other" else kind_of
        held = any(v.lemma_.lower() in lex.category_passive_verbs for v in verbs)
        if previous.category == "captured" and kind_of == "arrested" and held:
            kind_of = "captured"  # "took 86 hostages ... 41 were still held": captives held are captives
    elif generic and kind_of == "other":
        found = quantity_antecedent(item.text, offset + sent.start_char, lex)
        own = quantity_antecedent(item.text, fig.start, lex) if noun.lower_ in _TALLY_WORDS else None
        if own and own[1]:  # "the death toll has climbed since he put it at 2,179"
            found = own
        kind_of = _kept_count(noun, figure_tokens, earlier, fig, found, item.text)
    if (
        kind_of == "other"
        and fig.kind == "count"
        and (opened := opening_quantity(sent.text, fig.start - offset - sent.start_char, lex))
    ):
        counted, kind_of = opened
    if (
        not counted
        and kind_of == "other"
        and fig.kind == "count"
        and (whole := fronted_whole(sent.text, fig.start - offset - sent.start_char, lex))
    ):
        counted, kind_of = whole  # "Of the 275 dead, 88 had been identified": 88 of the dead
    if (
        is_pronoun(noun)
        and kind_of == "other"
        and (found := quantity_antecedent(item.text, offset + sent.start_char, lex))
    ):
        counted, kind_of = found[0], found[1] or kind_of
    group = _group_of(top, doc[figure_tokens.start]) if not counted and fig.kind == "count" else None
    if group is not None and _a_measure(group, lex):
        return None
    of_what = None  # what a running quantity is "of", never the figure itself ("a figure of 11,300")
    if group is not None:
        of_what = next((o for o in prep_objects(group, ("of",)) if o.i not in figure_tokens), None)
    if group is not None and group.lemma_.lower() in QUANTITY_NOUNS and of_what is not None:
        counted = item.text[offset + group.idx : offset + of_what.idx + len(of_what)]  # "number of bodies"
    elif group is not None:
        g_start, g_end = phrase_text(group, range(group.i + 1, figure_tokens.stop))
        counted = item.text[offset + g_start : offset + g_end]
    elif not counted and fig.kind == "count" and (gathering := gathering_subject(verbs, lex)) is not None:
        g_start, g_end = phrase_text(gathering, figure_tokens)
        counted = item.text[offset + g_start : offset + g_end]  # "the march drew 1.03 million"
    elif not counted and fig.kind == "count" and kind_of == "other" and _gives_a_level(top, fig):
        # "... with five confirmed cases. Two days later the minister reported 138": a level
        # of the count the paragraph's figure before it gives
        before = _count_before(earlier, item.text, fig)
        if before is None:
            return None
        counted, kind_of = before.counted, before.category
    elif not counted and fig.kind == "count" and kind_of == "other" and not gathers(top, lex):
        return None
    if kind_of == "other" and fig.kind == "count" and (_names_a_tally(counted) or of_what is not None):
        kind_of = category_of_words(counted, lex) or kind_of  # "Wayanad's toll: 225", "the number of bodies"
    if kind_of == "other" and group is not None and of_what is None and group.lemma_.lower() in QUANTITY_NOUNS:
        # "gave the figure of 12": the count the report keeps
        found = quantity_antecedent(item.text, offset + sent.start_char, lex)
        kind_of = _kept_count(group, figure_tokens, earlier, fig, found, item.text)
    if fig.kind == "count" and not named_part and ends_state(noun, verbs, lex):
        # "110 missing, 96 of whom have since been found": no longer missing; but "bodies
        # had been found, 98 of them men" names a part of what was found, in its state
        kind_of = "other"
    timing_verbs = verbs + ([doc[who.verb_i]] if who.verb_i is not None else [])
    when = time_phrase(sent, top, timing_verbs, (fig.start - offset, fig.end - offset))
    time_text = when[0] if when else None
    return Claim(
        doc=item.doc_id,
        start=fig.start,
        end=fig.end,
        mention=item.text[fig.start : fig.end],
        value=fig.value,
        value_max=fig.value_max,
        qualifier=fig.qualifier,
        unit=fig.unit,
        per=rate_unit(sent, top, noun, verbs, lex),
        counted=counted,
        category=kind_of,
        source=who.source,
        via=who.via,
        time_text=time_text,
        date=resolve(time_text, item.published),
        location=location(sent, noun, verbs, top),
        evidence_start=offset + sent.start_char,
        evidence_end=offset + sent.end_char,
    )


def _holds(head, previous: Claim, offset: int, leave_out: set[int]) -> bool:
    """Whether the previous figure is in `head`'s words, outside the tokens left out."""
    return any(previous.start <= offset + t.idx < previous.end for t in head.subtree if t.i not in leave_out)


def _joined_to_previous(token, verbs: list, previous: Claim, offset: int) -> bool:
    """Whether the figure is the next item of a list that began with the figure before it:
    a noun joined to that figure's ("98 of them men, 87 women and 30 children"), or a
    clause of "to be" joined to its clause ("Of the dead, 77 were men, 67 were women and
    22 were children"), which says nothing happened to these people but the same."""
    own = {t.i for t in token.subtree}
    if token.dep_ == "conj" and _holds(token.head, previous, offset, own):
        return True
    verb = verbs[0] if verbs else None
    if verb is None or verb.lemma_ != "be":
        return False
    if _holds(verb, previous, offset, own):  # the list's clauses hang on this one
        return True
    joined = ("conj", "ccomp", "parataxis")
    return (
        verb.dep_ in joined
        and verb.head.lemma_ == "be"
        and _holds(verb.head, previous, offset, {t.i for t in verb.subtree})
    )


def _says_nothing(noun, lex: Lexicon) -> bool:
    """Whether the words after "N of them" name no state of their own ("33 of them
    seriously", not "27 of them were killed")."""
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        if token.is_punct or token.pos_ == "CCONJ":
            return True
        lemma = token.lemma_.lower()
        if lemma in lex.category_verbs or lemma in lex.category_nouns or token.lower_ in lex.category_adjs:
            return False
    return True


def _states_from(word, lex: Lexicon) -> set[str]:
    """The categories of a state word and of one joined to it ("killed and wounded")."""
    doc = word.doc
    found = {lex.category_adjs[word.lower_]}
    joined = doc[word.i + 2] if word.i + 2 < len(doc) and doc[word.i + 1].lower_ in ("and", "or") else None
    if joined is not None and joined.lower_ in lex.category_adjs:
        found.add(lex.category_adjs[joined.lower_])
    return found


#: A state adjective said of a figure right after it ("were missing", "remain missing").
_SAID_OF_FIGURE = re.compile(
    r"\s+(?:were|are|was|is|remain(?:ed|s)?|had been|have been|has been)\s+(?:still\s+|also\s+)?([a-z-]+)\b"
)


def _state_said_after(text: str, end: int, lex: Lexicon) -> str | None:
    """The category of a state adjective the words right after a figure say of it ("341
    were missing"), which the parser may have joined to the figure before it."""
    m = _SAID_OF_FIGURE.match(text, end)
    return lex.category_adjs.get(m.group(1)) if m else None


def _among_them(heads: list) -> bool:
    """ "156, among them 26 foreign nationals", "the toll reached 151, and 19 foreigners
    were among the victims": a part of the figure before."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("among", "including")
        and any(g.dep_ == "pobj" and g.lower_ in ("them", "those", "whom", "victims") for g in c.children)
        for head in heads
        for c in head.children
    )


#: Words that stand for a tally named before them in their sentence or the one before.
_TALLY_WORDS = ("it", "names")


def _kept_count(tally, figure_tokens: range, earlier: Sequence[Claim], fig: Figure, found, text: str) -> str:
    """The category of the count a tally noun names, from `_tally_category` over the
    report's figures so far in `fig`'s unit and the quantity `found` before it; where
    every figure of its paragraph so far counts things in no state of people ("some
    70,000 houses had been destroyed. By May 2 the UN put the figure at 130,000"), one
    of those."""
    earlier_kinds = [c.category for c in earlier if c.unit == fig.unit]
    paragraph = [c for c in earlier if c.unit == fig.unit and "\n" not in text[c.end : fig.start]]
    if paragraph and all(c.category == "other" and c.counted for c in paragraph) and not found:
        return "other"
    return _tally_category(tally, figure_tokens, earlier_kinds, found[1] if found else None)


def _tally_category(noun, figure_tokens: range, earlier: list[str], antecedent: str | None) -> str:
    """What a tally counts: what its own words name ("the ministry's count of the
    injured", "the death tally"), else the quantity the sentence before names ("a separate
    count of deaths ... That count had stood at 105": `antecedent`), else the dead when
    the report has just counted them (the running count news most often keeps: "The figure
    has climbed since he put it at 2,179" after a toll of dead, injured and missing), else
    what it has mostly been counting of late (`earlier`: the categories of its figures so
    far). A tally "of" something that names no state ("the number of homes") counts that
    thing."""
    own = [t for c in noun.children if c.i < noun.i or c.lower_ == "of" for t in c.subtree]
    named = category_of_words(" ".join(t.text for t in [*own, noun] if t.i not in figure_tokens), lexicon())
    if named:
        return named
    own_of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if any(not any(o.i in figure_tokens for o in c.children) for c in own_of):
        return "other"  # "the number of homes"; not "the figure of 12", whose "of" is the figure
    if antecedent:
        return antecedent
    recent = [c for c in earlier if c != "other"][-RECENT_FIGURES:]
    if "killed" in recent:
        return "killed"  # the running count news keeps is of the dead, when it has just given one
    return max(reversed(recent), key=recent.count) if recent else "other"


def _count_before(earlier: Sequence[Claim], text: str, fig: Figure) -> Claim | None:
    """The figure of the paragraph before `fig` whose count a bare level goes on: the last
    one, passing over counts of places ("1,081 deaths reported by around 10 countries. A day
    earlier, AFP had counted 922": the deaths)."""
    for claim in reversed(earlier):
        if claim.unit != fig.unit or "\n" in text[claim.end : fig.start]:
            return None
        words = re.findall(r"[a-z]+", claim.counted.lower())
        if not words or singular_of(words[-1]) not in _PLACES_COUNTED:
            return claim
    return None


#: What a count of places counts ("around 10 countries", "17 provinces").
_PLACES_COUNTED = PLACE_NOUNS | {"country", "nation"}


#: Verbs whose bare object is the level of a count someone keeps ("the railways gave 288").
_GIVING_A_COUNT = frozenset({"give", "count", "record", "tally", "report", "confirm", "register"})


def _gives_a_level(top, fig: Figure) -> bool:
    """ "AFP had counted 922", "the railways gave 288 on Saturday": a bare number the
    object of a verb that gives or keeps a count, with no unit, is that count's level."""
    return (
        not fig.unit
        and top.dep_ == "dobj"
        and top.head.pos_ == "VERB"
        and top.head.lemma_.lower() in _GIVING_A_COUNT
        and not any(c.dep_ in ("dative", "prep") and c.lower_ not in ("on", "in", "by", "at") for c in top.children)
    )


def _another_state(previous: Claim, kind_of: str, lex: Lexicon) -> bool:
    """ "52 dead and 300 injured": the figure before counts only a state ("dead"), and
    this one is in another, so it shares no counted words with it."""
    return previous.counted.lower() in lex.category_adjs and kind_of not in ("other", previous.category)


def _names_a_tally(counted: str) -> bool:
    """Whether the counted words end in a running quantity ("Wayanad's toll", "the tallies")."""
    words = re.findall(r"[a-z]+", counted.lower())
    if not words:
        return False
    return singular_of(words[-1]) in lexicon().tally_nouns


def _whole_before(previous: Claim | None, siblings: Sequence[Claim], text: str) -> Claim | None:
    """The figure an elliptical one continues: not a part named after "of them" ("127 died,
    two of them police officers, and 40 were hurt": the 40 are people, as the 127)."""
    while previous is not None and _NAMED_PART.match(text, previous.end):
        earlier = [c for c in siblings if c.end <= previous.start]
        previous = earlier[-1] if earlier else None
    return previous


_NAMED_PART = re.compile(rf"\s+of\s+(?:{'|'.join(sorted(PARTITIVE_PRONOUNS - {'which'}))})\s+[a-z]", re.I)


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


def _clause_anchor(token):
    """The noun whose clause says what happened: "people" in "seven people, including two
    children, were killed" for the children."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("including", "among")
        and token.head.head.pos_ in ("NOUN", "PROPN")
    ):
        return token.head.head
    return token


def _counts_speakers(fig: Figure, noun, lex) -> bool:
    """ "two officials said", "one witness told": a count of who speaks, not a claim."""
    if fig.kind != "count" or not (fig.in_words or fig.value < 10):
        return False
    head = noun.head
    speaking = noun.dep_ == "nsubj" and head.lemma_.lower() in lex.reporting_verbs
    cited = noun.dep_ == "dobj" and head.lower_ in ("citing", "quoting")
    according = noun.dep_ == "pobj" and head.head.lower_ == "according"
    return speaking or cited or according


def _group_of(top, first):
    """The group a bare number sizes: "crowd" in "a crowd of about 80,000", "workforce" in
    "a workforce of 5,200" (a noun whose "of" takes the number), "workforce" in "the
    workforce was cut from 9,000 to 6,500" or "capacity" in "lifts its capacity to 45,000"
    (what changed: the object of the change, else its subject), "Staff" in "Staff: 12,400"
    or "Population (2021): 5,103,000" (a table written as prose; `first` is the figure's
    first token). The last resort for what a figure counts, after its own noun and the
    figure before it."""
    prep = top.head
    if top.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN" and prep.head.i < top.i:
        return prep.head
    if top.dep_ == "pobj" and prep.lower_ in ("from", "to"):
        verb = prep.head.head if prep.head.lower_ == "from" else prep.head
        changed = sorted(
            (c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"),
            key=lambda c: c.dep_ != "dobj",
        )
        if verb.pos_ == "VERB" and changed and a_change_verb(verb.text):
            return changed[0]
        if verb.dep_ == "acl" and (quantity := _quantity_described(verb.head)) is not None:
            return quantity  # "revised the number of bodies recovered to 24": "to 24" hung on "recovered"
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text not in (":", "):"):
        return None
    label = first.i - 2
    if doc[first.i - 1].text == "):" or doc[label].text == ")":
        while label > 0 and doc[label].text != "(":
            label -= 1
        label -= 1
    return doc[label] if label >= 0 and doc[label].pos_ in ("NOUN", "PROPN") else None


def _quantity_described(noun):
    """The running quantity a noun is, or is "of", when a change verb takes it: "number"
    in "revised the number of bodies ...", else None."""
    of = noun.head
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        quantity = noun  # "recovered" hung on "number" itself
    elif noun.dep_ == "pobj" and of.lower_ == "of":
        quantity = of.head
    else:
        return None
    changing = quantity.head
    if quantity.lemma_.lower() in QUANTITY_NOUNS and changing.pos_ == "VERB" and a_change_verb(changing.text):
        return quantity
    return None


def _a_measure(noun, lex) -> bool:
    """Whether what a figure gives is a measurement ("the pension age will rise to 67"), a
    duration or a calibre. Money is what it is whatever it is for ("for the year")."""
    return noun.lower_ in lex.measure_nouns or lex.units.get(noun.lower_, ("", ""))[0] in (
        "measure",
        "calibre",
        "time",
    )


def _syntax_allows(fig: Figure, span, top) -> bool:
    """What the parse shows a scanned number is not: a name, a date, a pronoun."""
    if (
        fig.kind == "count"
        and not _scaled(span)
        and not _counts_a_plural(top)
        and any(t.ent_type_ in _NOT_COUNTS and not _bare_date(t) and not _lone_numeral(t) for t in span)
    ):
        return False
    if fig.kind == "count" and fig.in_words and fig.value == 1 and fig.qualifier == "exact":
        # "one house", or one item of a list of counts ("seven in Castilla-La Mancha and one
        # in Andalusia"); not the pronoun ("one of them", "no one")
        return (top.dep_ == "nummod" and top.head.pos_ == "NOUN") or (
            top.dep_ in ("conj", "appos") and top.head.like_num
        )
    if fig.year_like:
        return top.dep_ == "nummod" and top.head.tag_ in ("NNS", "NNPS")
    return True


def _counts_a_plural(top) -> bool:
    """ "The coast guard said 104 people had died", whose "104" the tagger may call a
    product: a number sizing a plural noun outside its entity is a count, never a name's,
    unless that entity is a day or a person."""
    head = top.head
    return (
        top.dep_ == "nummod"
        and head.tag_ == "NNS"
        and not head.ent_type_
        and top.ent_type_ not in ("DATE", "TIME", "PERSON")
    )


def _scaled(span) -> bool:
    """ "2 million", "40 crore": a number with a scale word is never a date or a name,
    whatever entity the tagger puts it in ("Mercedes 2 million" is no law)."""
    words = lexicon().number_words
    return any(words.get(t.lower_, (0, ""))[1] == "scale" for t in span)


def _bare_date(token) -> bool:
    """A number the tagger calls a DATE with no date word around it ("ordered 35 737 Max
    jets", "rose from 36 to 55", "went from 41 to 63"): the scanner has ruled out every
    date, year and duration the characters show, so lone numerals are counts."""
    if token.ent_type_ != "DATE":
        return False
    entity = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    if token.i + 1 < entity.end and token.doc[token.i + 1].lower_ in _TIME_AFTER:
        return True  # "up from 94 the day before", "put the dead at 149 early on Sunday": the time follows
    lex = lexicon()
    if any(t.lower_ in lex.weekdays for t in entity if t.i < token.i) and counted_after_weekday(token, lex) is not None:
        return True  # "Police said on Monday 120 people were arrested": the weekday, then a count
    return _numerals_only(entity)


def _lone_numeral(token) -> bool:
    """A number the tagger calls a place, product, work or person with no word of a name
    around it ("put out a toll of 288 on Saturday", where "288" came out a building): a
    name carries words ("Route 288", "Apollo 11"), so a lone numeral is a count."""
    if token.ent_type_ not in _NAME_ENTITIES:
        return False
    return _numerals_only(next(e for e in token.doc.ents if e.start <= token.i < e.end))


def _numerals_only(entity) -> bool:
    """Whether an entity is only numbers and the words of a range ("36 to 55")."""
    return all(t.like_num or t.lower_ in _RANGE_WORDS for t in entity)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InvalidOptionError(f"not a date: {value!r}", hint="use YYYY-MM-DD") from exc
