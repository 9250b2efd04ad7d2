"""Which scanned numbers the parse shows are no counts: names, dates, pronouns."""

from __future__ import annotations

from ..lexicon import lexicon
from .numbers import Figure
from .syntax import counted_after_weekday

_RANGE_WORDS = {"to", "and", "or", "-", "–"}
#: Words that open a time phrase right after a count the tagger took into a DATE.
_TIME_AFTER = {"the", "a", "an", "last", "this", "early", "late", "on", "by", "overnight"}
_NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON"}
#: The entities that are names (not times or ranks), which a lone numeral never is.
_NAME_ENTITIES = _NOT_COUNTS - {"DATE", "TIME", "ORDINAL"}


def syntax_allows(fig: Figure, span, top) -> bool:
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
