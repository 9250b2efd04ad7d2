"""What a figure counts, and what happened to it, from the dependency parse around it.

Plain functions over spaCy tokens: the noun the number counts ("North Korean soldiers"),
the verbs and modifiers that say what happened ("have died", "suffered injuries",
"killed or wounded"), the verbs a figure hangs on and the rate ("every day"). The
category those words imply is read in `categories`.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .timeref import SHIFT_WORDS
from .tree import PARTITIVE_PRONOUNS, prep_objects

_NUMERIC_DEPS = {"compound", "quantmod", "nummod", "nmod", "amod", "npadvmod", "advmod", "punct"}
_CLAUSE_HEAD_POS = {"VERB", "AUX"}
_MORE = ("more", "additional", "extra", "other", "further", "fewer")
#: Nouns that name a running quantity ("the toll", "the tally") rather than what it counts.
QUANTITY_NOUNS = frozenset({"number", "toll", "total", "figure", "count", "tally", "estimate"})
_LEVEL_VERBS = {
    "be",
    "reach",
    "rise",
    "climb",
    "stand",
    "hit",
    "total",
    "top",
    "exceed",
    "pass",
    "jump",
    "soar",
    "surge",
    "increase",
    "grow",
    "fall",
    "drop",
    "number",
    "near",
    "approach",
    "remain",
    "go",
    "peak",
}
_VALUING_VERBS = {"put", "estimate", "place", "set", "number", "count", "peg", "value", "assess", "keep", "hold"}
#: "close to 500", "nearer to 70,000": words that put a quantity near its figure.
_NEAR = {"close", "closer", "near", "nearer"}
#: "put the toll as high as 3,100": how far a quantity may reach.
_AS_FAR_AS = {"high", "low", "many", "much", "few"}


def top_of_number(span) -> object:
    """The token of a number's span whose head lies outside it (its syntactic top)."""
    tokens = list(span)
    top = tokens[-1]
    for tok in tokens:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head == tok:
            top = tok
            if tok.pos_ == "NUM":
                break
    while top.dep_ in _NUMERIC_DEPS and top.head.pos_ == "NUM" and top.head != top:
        top = top.head
    return top


def counted_token(top, kind: str, lex: Lexicon):
    """The noun a number counts, or None when the number stands alone."""
    of_object = _of_object(top)
    if kind == "percent" and of_object is not None:
        return of_object
    if (
        top.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos")
        and top.head != top
        and top.head.pos_ in ("NOUN", "PROPN", "ADJ")
        and top.head.i > top.i
    ):
        noun = top.head
        if kind in ("money", "area", "weight", "volume") or noun.lower_ in ("%", "cent", "percent"):
            inner = _of_object(noun) or _prep_object(noun, ("of", "in", "for", "worth"))
            return inner if inner is not None else noun
        return noun
    if of_object is not None:
        return _named_after_partitive(of_object) or of_object
    head = top.head
    if head.i < top.i and head.lower_ in lex.weekdays and (after := counted_after_weekday(top, lex)) is not None:
        return after  # "said on Sunday 9,800 soldiers had died": the parser hung the number on the day
    if top.dep_ == "npadvmod" and head.lower_ in _MORE and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > top.i:
        return head.head  # "about 1,000 more troops", "300 additional police"
    if top.pos_ == "NOUN" and top.lower_ in lex.number_words:
        return None
    return _quantity_subject(top, lex)


def _named_after_partitive(pronoun):
    """ "two of them police officers", "14 of them children": the plural noun right after a
    partitive pronoun names the part; None where none does ("40 of them in Minsk")."""
    if pronoun.lower_ not in PARTITIVE_PRONOUNS or pronoun.i + 1 >= len(pronoun.doc):
        return None
    after = pronoun.doc[pronoun.i + 1]
    noun = after.head if after.dep_ in ("compound", "amod") and after.head.i > after.i else after
    return noun if noun.pos_ == "NOUN" and noun.tag_ == "NNS" else None


def counted_after_weekday(number, lex: Lexicon):
    """ "Police said on Monday 120 people were arrested": the plural noun right after a
    number that follows a weekday, which makes the number a count of it, not the day of
    the month ("on Monday 12 May"); None if no such noun follows."""
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if following is None or following.tag_ not in ("NNS", "NNPS") or following.lower_ in lex.months:
        return None
    return following


def _of_object(token):
    return _prep_object(token, ("of",))


def _prep_object(token, preps):
    return next(prep_objects(token, preps), None)


def _quantity_subject(top, lex: Lexicon):
    """For "the death toll rose to 112" or "put the number of deaths at 3,958": the noun
    whose quantity the number gives."""
    head = top.head
    if top.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    near = (
        top.dep_ == "pobj"
        and head.dep_ in ("acomp", "advmod")
        and (head.lower_ in _NEAR or (top.head.lower_ == "as" and head.lower_ in _AS_FAR_AS))
    )
    if near:
        head = head.head  # "the death toll is close to 500", "put deaths closer to 70,000"
    if (
        top.dep_ == "pobj"
        and top.head.lower_ == "at"
        and head.dep_ == "acl"
        and head.head.lemma_.lower() in QUANTITY_NOUNS
        and head.head.head.lemma_.lower() in _VALUING_VERBS
    ):
        return head.head  # "kept the number rescued at 104": the parser hangs "at" on "rescued"
    if top.dep_ not in ("attr", "dobj", "pobj", "npadvmod") or head.pos_ not in _CLAUSE_HEAD_POS:
        return None
    roles = ("nsubj", "nsubjpass", "dobj") if top.dep_ == "pobj" else ("nsubj", "nsubjpass")
    valuing = top.dep_ == "pobj" and (top.head.lower_ == "at" or near) and head.lemma_.lower() in _VALUING_VERBS
    children = list(head.children)
    if valuing:
        # "an AFP tally put the arrests at 2,500": what is put at the figure is what it
        # counts, not the tally that puts it there
        children.sort(key=lambda child: child.dep_ != "dobj")
    for child in children:
        if child.dep_ not in roles or child.i == top.i:
            continue
        if child.lemma_.lower() in QUANTITY_NOUNS or (child.dep_ == "dobj" and child.lower_ == "it"):
            # "put the number of deaths at 3,958"; "raised it to 95": "it" is the tally
            inner = _of_object(child)
            return inner if inner is not None else child
        if child.dep_ == "dobj" and valuing:
            return child
        if child.dep_ != "dobj" and head.lemma_.lower() in _LEVEL_VERBS and not _colon_between(head, top):
            return child  # "the toll was 41", not "Zelensky was blunt: 3,000 killed"
    return None


def _colon_between(a, b) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ":" for t in a.doc[lo:hi])


def phrase_text(noun, exclude: range) -> tuple[int, int]:
    """Character span of the noun phrase around `noun`, leaving out the figure's tokens."""
    keep = [noun]
    for child in noun.lefts:
        if child.dep_ == "amod" and exclude and child.i < exclude.start < noun.i:
            continue  # "the other 187 bodies", "the remaining 40 people": which of them, not what
        if child.dep_ in ("amod", "compound", "nmod", "poss", "case", "npadvmod") and child.i not in exclude:
            keep.extend(t for t in child.subtree if t.i not in exclude)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if objects and (objects[0].ent_type_ in ("GPE", "NORP", "LOC") or child.lower_ == "of"):
                keep.extend(child.subtree)
    if noun.lower_ in ("%", "cent", "percent") or noun.dep_ == "pobj":
        keep.append(noun)
    keep = [t for t in keep if t.i not in exclude]
    first = min(t.i for t in keep)
    last = max(t.i for t in keep)
    doc = noun.doc
    while first < last and doc[first].pos_ in ("DET", "PUNCT", "ADP", "CCONJ"):
        first += 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def gathering_subject(verbs: list, lex: Lexicon):
    """The gathering a clause's verb has for subject ("the march drew 1.03 million",
    "the rally attracted 50,000"): a figure with no noun of its own counts its people."""
    for verb in verbs:
        for child in verb.children:
            if (
                child.dep_ == "nsubj"
                and child.text[:1].islower()  # "March saw 300": a month
                and lex.noun_classes.get(child.lemma_.lower()) == "gathering"
            ):
                return child
    return None


def gathers(top, lex: Lexicon) -> bool:
    """Whether a figure is the subject of a verb of gathering ("3.5 million marched"):
    with no noun, it counts the people who took part."""
    if top.dep_ == "nsubj" and lex.noun_classes.get(top.head.lemma_.lower()) == "gathering":
        return True
    if top.dep_ == "nsubj" and _takes_part(top.head, lex):
        return True
    # the parser's other reading: "Some 40,000 protested" as a number with a clause
    return any(c.dep_ == "acl" and lex.noun_classes.get(c.lemma_.lower()) == "gathering" for c in top.children)


def _takes_part(verb, lex: Lexicon) -> bool:
    """ "took part", "turned out", "participated"; "joined the marches", "attended a rally in
    the capital": a verb of taking part, or of joining what its object names as a gathering."""
    lemma = verb.lemma_.lower()
    if lemma in ("take", "participate") and _takes_part_in_other(verb, lex):
        return False  # "took part in the rescue", not "took part in the protests" or "in Paris"
    if lex.noun_classes.get(lemma) == "partaking":
        return True
    for child in verb.children:
        if child.dep_ in ("dobj", "prt") and lex.noun_classes.get(f"{lemma} {child.lemma_.lower()}") == "partaking":
            return True
        if (
            child.dep_ == "dobj"
            and lex.noun_classes.get(lemma) == "joining"
            and lex.noun_classes.get(child.lemma_.lower()) == "gathering"
        ):
            return True
    return False


def _takes_part_in_other(verb, lex: Lexicon) -> bool:
    """Whether what a verb of taking part takes part "in" is something other than a
    gathering or a place ("the rescue operation")."""
    joined = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    return any(
        lex.noun_classes.get(o.lemma_.lower()) != "gathering" and o.ent_type_ not in ("GPE", "LOC", "FAC")
        for o in joined
    )


def governing_verbs(token) -> list:
    """The verb of the clause `token` belongs to, with its conjuncts and xcomp chain."""
    head = token
    for _ in range(6):
        if head.pos_ in _CLAUSE_HEAD_POS and head != token:
            break
        if head.head == head:
            break
        if head.dep_ in ("acl", "relcl") and head.pos_ in _CLAUSE_HEAD_POS:
            break
        head = head.head
    if head.pos_ not in _CLAUSE_HEAD_POS:
        return []
    while head.dep_ in ("aux", "auxpass") and head.head != head:
        head = head.head
    verbs = [head]
    for verb in list(verbs):
        for child in verb.children:
            if _same_clause(child):
                verbs.append(child)
                verbs.extend(c for c in child.children if _same_clause(c))
    first = head.head
    own_argument = token.head == head and token.dep_ in ("nsubj", "nsubjpass", "dobj")
    first_has_own = any(c.dep_ in ("dobj", "nsubjpass", "oprd") for c in first.children)
    if head.dep_ == "conj" and first.pos_ == "VERB" and _shares_subject(head) and not (own_argument and first_has_own):
        verbs.append(first)
    return verbs


def _same_clause(child) -> bool:
    """An xcomp, or a conjoined verb with no subject or object of its own ("killed or
    wounded"; not "killing 296 and injuring 153")."""
    if child.pos_ not in ("VERB", "ADJ", "AUX"):
        return False
    own_object = any(c.dep_ == "dobj" for c in child.children)
    return child.dep_ == "xcomp" or (child.dep_ == "conj" and _shares_subject(child) and not own_object)


def _shares_subject(verb) -> bool:
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def rate_unit(sent, top, noun, verbs: list, lex: Lexicon) -> str | None:
    """The unit of a rate: of time ("every day", "a month", "per week"), or the thing a
    price is for, written on the number itself ("$58.24 per barrel", "$1.20 a share")."""
    own = _own_per(top, lex)
    if own is not None:
        return own
    anchors = {t.i for t in [top, noun, *verbs] if t is not None}
    for tok in sent:
        unit = lex.rate_words.get(tok.lower_)
        if unit is None:
            continue
        if tok.lower_ in ("day", "days", "week", "month", "year", "hour", "night"):
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
            per = tok.dep_ == "pobj" and tok.head.lower_ == "per"
            if not (dets & {"every", "each", "a", "an", "per"} or per):
                continue
            if (
                tok.i > 0
                and sent.doc[tok.i - 1].lower_ in ("a", "an")
                and tok.i > 1
                and sent.doc[tok.i - 2].lower_ in ("in", "for", "within", "one")
            ):
                continue
            following = sent.doc[tok.i + 1].lower_ if tok.i + 1 < len(sent.doc) else ""
            if following in SHIFT_WORDS:
                continue  # "toll reaches 171 a day after the government resigns": a time, not a rate
        elif tok.pos_ not in ("ADV", "ADJ"):
            continue
        head = tok.head.head if tok.head.lower_ == "per" else tok.head
        near = noun is not None and 0 < tok.i - noun.i <= 4
        if head.i in anchors or near:
            return unit
    return None


def _own_per(top, lex: Lexicon) -> str | None:
    """ "per barrel" or "a share" hung on the number token itself, as a rate word or lemma."""
    for child in top.children:
        if child.dep_ == "prep" and child.lower_ == "per":
            unit = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        elif child.dep_ == "npadvmod" and any(c.lower_ in ("a", "an") for c in child.children if c.dep_ == "det"):
            unit = child
        else:
            continue
        if unit is not None and unit.lower_ not in ("cent", "percent"):
            return lex.rate_words.get(unit.lower_, unit.lemma_.lower())
    return None
