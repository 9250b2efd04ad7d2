"""One figure's claim: what it counts, its category, who says it, when and where, read
from the parse of its sentence and the claims before it in the report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..claims import Claim
from ..lexicon import Lexicon, lexicon
from .antecedents import (
    category_of_words,
    fronted_whole,
    is_pronoun,
    opening_quantity,
    quantity_antecedent,
    singular_of,
)
from .attribution import Attribution, attribute
from .categories import category, ends_state, merged_category, state_of_place
from .names import NameIndex
from .not_counts import syntax_allows
from .numbers import Figure, a_change_verb
from .places import PLACE_NOUNS, location
from .reporting import CIRCUMSTANCE
from .syntax import (
    QUANTITY_NOUNS,
    counted_token,
    gathering_subject,
    gathers,
    governing_verbs,
    phrase_text,
    rate_unit,
    top_of_number,
)
from .timeref import resolve, time_phrase
from .tree import PARTITIVE_PRONOUNS, prep_objects

if TYPE_CHECKING:
    from .stream import DocumentText

#: How many of a report's latest figures say what a bare tally continues counting.
RECENT_FIGURES = 5


def claim_for(
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
    if not syntax_allows(fig, span, top):
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
    if who.source is None:
        who = _said_beside(top, siblings) or who
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
    elif generic and kind_of == "other" and (placed := state_of_place(noun, lex)) is not None:
        kind_of = placed  # "the number still in hospital had grown to 72"
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
    if paragraph and all(c.category == "other" and c.counted for c in paragraph) and not (found and found[1]):
        return "other"  # a tally the sentence before names with no state ("put the figure at") counts those too
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


def _said_beside(top, siblings: Sequence[Claim]) -> Attribution | None:
    """ "The ministry's count went from 12 on Friday to 85 that night, then 240 ... and
    312": a figure with no speaker of its own, in the sentence of a figure someone gives, is
    theirs too; not one in a clause of circumstance ("Police detained three contractors,
    as the death toll rose to 57")."""
    given = next((c for c in reversed(siblings) if c.source), None)
    if given is None:
        return None
    token = top
    while token.head != token:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE for c in token.children):
            return None
        token = token.head
    return Attribution(given.source, given.via)


def _whole_before(previous: Claim | None, siblings: Sequence[Claim], text: str) -> Claim | None:
    """The figure an elliptical one continues: not a part named after "of them" ("127 died,
    two of them police officers, and 40 were hurt": the 40 are people, as the 127)."""
    while previous is not None and _NAMED_PART.match(text, previous.end):
        earlier = [c for c in siblings if c.end <= previous.start]
        previous = earlier[-1] if earlier else None
    return previous


_NAMED_PART = re.compile(rf"\s+of\s+(?:{'|'.join(sorted(PARTITIVE_PRONOUNS - {'which'}))})\s+[a-z]", re.I)


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
