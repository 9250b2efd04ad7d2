"""What a figure counts, and what happened to it, from the dependency parse around it.

Plain functions over spaCy tokens: the noun the number counts ("North Korean soldiers"),
the verbs and modifiers that say what happened ("have died", "suffered injuries",
"killed or wounded"), the category those imply, the rate ("every day") and the place.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .places import PLACE_NOUNS
from .timeref import SHIFT_WORDS
from .tree import PARTITIVE_PRONOUNS, prep_objects

_NUMERIC_DEPS = {"compound", "quantmod", "nummod", "nmod", "amod", "npadvmod", "advmod", "punct"}
_CLAUSE_HEAD_POS = {"VERB", "AUX"}
_EVENT_ONLY = {"killed", "wounded", "casualties", "captured", "missing", "displaced", "arrested"}
_SUFFER = {"suffer", "sustain", "receive", "incur", "take", "report", "record", "cause", "inflict"}
_STATE_COMPLEMENTS = ("oprd", "acomp", "xcomp", "attr")
_PRESENCE_PREPS = ("in", "on", "at", "inside", "across")
_TAKEN_PREPS = ("in", "at", "to", "into")
#: Verbs that list the people a subject names ("the dead included 83 women").
_LISTING = ("include", "comprise")
#: Verbs of medical care: what people are treated for names their state ("treated for burns").
_TREATED = ("treat", "hospitalise", "hospitalize", "admit")
_MORE = ("more", "additional", "extra", "other", "further", "fewer")
#: Nouns that name a running quantity ("the toll", "the tally") rather than what it counts.
#: Noun classes that count people, and those of them that can be sent somewhere as a body.
PEOPLE_CLASSES = ("person", "force", "crew")
_SENT_CLASSES = ("force", "crew")
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
_RESULTATIVE = {
    "leave",
    "find",
    "report",
    "confirm",
    "declare",
    "list",
    "presume",
    "remain",
    "render",
    "believe",
    "feared",
    "fear",
}
_HAVE = {
    "have",
    "number",
    "total",
    "comprise",
    "field",
    "employ",
    "include",
    "boast",
    "maintain",
    "count",
}


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


def category(kind: str, noun, top, verbs: list, lex: Lexicon) -> str:
    """The contract category of a figure from its kind, noun, verbs and modifiers."""
    if kind == "money":
        return "money"
    if kind == "multiplier":
        return "other"
    noun_class = _noun_class(noun, lex) if noun is not None else None
    if noun_class == "info" and (reported := _of_whom(noun)) is not None:
        return category(kind, reported, top, [], lex)  # "4,000 reports of missing people"
    if noun is not None and noun.lemma_.lower() in PLACE_NOUNS and noun.tag_ == "NNS":
        return "other"  # "killed 116 people in six states": a count of places
    own = _noun_categories(noun, lex) if noun is not None else set()
    if own & _EVENT_ONLY:
        return merged_category(own)
    if noun_class == "materiel" or own == {"materiel"}:
        return "materiel"
    if noun is not None and not own and _where_it_happened(noun, noun_class):
        return "other"  # "44 died in three government hospitals": a count of the places
    events = (
        _event_categories(noun if noun is not None else top, verbs, lex)
        or _state_after(noun, lex)
        or _among(noun, verbs, lex)
    )
    if not events and (noun_class in PEOPLE_CLASSES or noun is None):
        events = (
            _where_they_are(verbs, lex, noun_class == "force" or (noun is not None and _a_force(noun, lex)))
            or {
                lex.category_person_verbs[v.lemma_.lower()]
                for v in verbs
                if v.lemma_.lower() in lex.category_person_verbs
            }
            or {
                lex.category_passive_verbs[v.lemma_.lower()]
                for v in verbs
                if v.lemma_.lower() in lex.category_passive_verbs and any(c.dep_ == "auxpass" for c in v.children)
            }
        )
    people = (
        noun is None
        or noun_class in PEOPLE_CLASSES
        or noun.ent_type_ == "NORP"
        or noun.tag_ == "NNPS"
        or noun.pos_ == "PRON"
    )
    if events & _EVENT_ONLY and (people or kind == "count"):
        return merged_category(events & _EVENT_ONLY)
    if kind == "percent":
        return "other"
    if noun_class in _SENT_CLASSES or (noun_class == "person" and events):
        if "personnel" in events:
            return "personnel"
        if "deployed" in events:
            return "deployed"
        if noun_class == "force" and (top.head.lower_ == "with" or any(v.lemma_ in _HAVE for v in verbs)):
            return "personnel"
    return "other"


def _where_it_happened(noun, noun_class: str | None) -> bool:
    """Whether a counted noun is the place or occasion of what the verb says, not who it
    happened to: the object of "in", "at" or "across" ("died in three hospitals", "were
    arrested in 33 towns"), not people ("in 40 villagers") nor a state ("in 40 deaths")."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("in", "at", "across", "inside")
        and noun_class not in PEOPLE_CLASSES
        and noun.pos_ == "NOUN"
        and noun.ent_type_ != "NORP"
    )


#: States a counted noun keeps whatever ends them: bodies found are the dead, and hostages
#: are counted as captured (the contract's rule).
_NOT_ENDED = frozenset({"killed", "captured"})


def ends_state(noun, verbs: list, lex: Lexicon) -> bool:
    """Whether a verb of the figure ends the state of the people it counts ("96 of whom
    have since been found", "12 have been released", "2,000 detainees were released"),
    unless it says the state they were found in ("found dead"), a clause on the counted
    noun says the state they are counted in ("19 hikers who had been reported missing"),
    or the noun names a state no verb ends (`_NOT_ENDED`: "found the bodies of 12", "freed
    30 hostages")."""
    ending = any(
        v.lemma_.lower() in lex.ending_verbs
        and not any(c.lower_ in lex.category_adjs for c in v.children if c.dep_ in _STATE_COMPLEMENTS)
        and (noun is None or _done_to(noun, v))
        for v in verbs
    )  # tried first: most figures have no such verb, and the noun's states cost more
    if not ending or noun is None:
        return ending
    # "found 19 hikers who had been reported missing": the words say the state they count
    return not (_noun_categories(noun, lex) & _NOT_ENDED or _event_categories(noun, [], lex))


def _done_to(noun, verb) -> bool:
    """Whether the verb is done to the counted noun itself: "96 of whom were found" (through
    the figure), not "released the names of 338 people" (through another noun)."""
    token = noun
    while token.head.i != token.i and token.i != verb.i:
        token = token.head
        if token.i != verb.i and token.pos_ not in ("ADP", "NUM"):
            return False
    return token.i == verb.i


def _where_they_are(verbs: list, lex: Lexicon, force: bool) -> set[str]:
    """ "20 people were in hospital", "79 people had been taken to hospital", "1,000
    federal personnel are on the ground": people in, or taken to, a place whose name is a
    state (categories.tsv, pos `place`), or a force said to be anywhere (a deployment)."""
    for verb in verbs:
        being = verb.lemma_ == "be"
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in (_PRESENCE_PREPS if being else _TAKEN_PREPS):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    state = lex.category_places.get(obj.lemma_.lower())
                    if state or being:
                        return {state} if state else ({"deployed"} if force else set())
    return set()


def _state_after(noun, lex: Lexicon) -> set[str]:
    """ "338 people still missing", "40 villagers feared dead", "658 Egyptians dead": a
    state word right after the counted people (a person noun or a people's name), which the
    parser may have hung elsewhere."""
    if noun is None or (lex.noun_classes.get(noun.lemma_.lower()) not in PEOPLE_CLASSES and noun.ent_type_ != "NORP"):
        return set()
    for tok in noun.doc[noun.i + 1 : noun.i + 4]:
        if tok.lower_ in lex.category_adjs:
            return {lex.category_adjs[tok.lower_]}
        if tok.pos_ not in ("ADV", "AUX") and tok.lemma_.lower() not in ("feared", "fear", "believe", "report"):
            return set()
    return set()


def _noun_class(noun, lex: Lexicon) -> str | None:
    """The class of the counted noun, read with the noun before it where the table has
    both ("body bags", "rescue workers"), else alone."""
    compound = " ".join(c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound")
    lemma = noun.lemma_.lower()
    return lex.noun_classes.get(f"{compound} {lemma}", lex.noun_classes.get(lemma))


def _own_figure(verb) -> bool:
    """Whether a conjoined noun or state word has a figure of its own ("12 deaths and 40
    injuries", "52 dead and 300 injured": the injured are the 40, the 300)."""
    return any(c.dep_ == "nummod" or (c.dep_ in ("nsubj", "nsubjpass") and c.like_num) for c in verb.children)


def merged_category(found: set[str]) -> str:
    """One category for the states a figure is given: killed and wounded together are casualties."""
    if "casualties" in found or {"killed", "wounded"} <= found:
        return "casualties"
    for name in ("killed", "wounded", "captured", "missing", "displaced", "arrested"):
        if name in found:
            return name
    return next(iter(found))


def _of_whom(noun):
    """The people a report counts reports of ("reports of missing people"), if any."""
    return next((obj for obj in prep_objects(noun, ("of",)) if obj.pos_ in ("NOUN", "PROPN")), None)


def _among(noun, verbs: list, lex: Lexicon) -> set[str]:
    """ "19 foreign nationals were among the dead", "26 foreigners among those killed", "Of
    the dead, 97 were women": a part of a group whose category the group names."""
    found: set[str] = set()
    for head in [t for t in (noun, *verbs) if t is not None]:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("among", "of") or (prep.lower_ == "of" and head is noun):
                continue
            for group in (c for c in prep.children if c.dep_ == "pobj"):
                found |= _noun_categories(group, lex)
                found |= {
                    lex.category_verbs[c.lemma_.lower()]
                    for c in group.children
                    if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.category_verbs
                }
    return found


def _noun_categories(noun, lex: Lexicon) -> set[str]:
    """Categories the counted noun names, with the nouns joined to it ("3,000 killed and
    wounded"), but not a joined noun that has a figure of its own."""
    found = set()
    joined = [c for c in noun.children if c.dep_ == "conj" and not _own_figure(c)]
    for tok in [noun, *joined]:
        lemma = tok.lemma_.lower()
        compound = " ".join(c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound")
        for key in (f"{compound} {lemma}".strip(), lemma, tok.lower_):
            if key in lex.category_nouns:
                found.add(lex.category_nouns[key])
                break
    return found


def _event_categories(anchor, verbs: list, lex: Lexicon) -> set[str]:
    """Categories from what the verbs and modifiers say happened to the counted thing."""
    found: set[str] = set()
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "the remains of five people": the lemma may not be the word the table keys
        for event in (head.head.lemma_.lower(), head.head.lower_):
            if lex.category_nouns.get(event) in _EVENT_ONLY | {"deployed"}:
                found.add(lex.category_nouns[event])
                break
    modifiers = [c for c in anchor.children if c.dep_ in ("amod", "acl", "relcl", "conj")]
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in QUANTITY_NOUNS:
        # "the number of pilgrims who had died": the clause may hang on "number"
        modifiers += [c for c in head.head.children if c.dep_ in ("acl", "relcl")]
    for mod in modifiers:
        lemma = mod.lemma_.lower()
        if mod.lower_ in lex.category_adjs:
            found.add(lex.category_adjs[mod.lower_])
        elif lemma in lex.category_verbs and mod.pos_ in ("VERB", "ADJ") and not _loses_things(mod, anchor):
            found.add(lex.category_verbs[lemma])
        elif lemma in lex.category_passive_verbs and mod.dep_ == "acl" and mod.tag_ == "VBN":
            found.add(lex.category_passive_verbs[lemma])  # "6,700 people held": done to them
        found |= {
            lex.category_verbs[c.lemma_.lower()]
            for c in mod.children
            if c.dep_ == "conj" and c.lemma_.lower() in lex.category_verbs and not _own_figure(c)
        }
        if mod.dep_ in ("relcl", "acl"):
            # "388 who were considered missing", "people believed dead": the state is
            # the complement of the clause's verb
            found |= {
                lex.category_adjs[c.lower_]
                for c in mod.children
                if c.dep_ in _STATE_COMPLEMENTS and c.lower_ in lex.category_adjs
            }
            # "pilgrims known to have died", "people feared to have drowned": the state is
            # the verb the clause's verb takes
            found |= {
                lex.category_verbs[c.lemma_.lower()]
                for c in mod.children
                if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in lex.category_verbs
            }
    # "217 people with minor injuries": people who carry a wound
    for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with"):
        found |= {
            "wounded"
            for o in prep.children
            if o.dep_ == "pobj" and lex.category_nouns.get(o.lemma_.lower()) == "wounded"
        }
    if found & _EVENT_ONLY:
        return found
    for verb in verbs:
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")]
        if lemma in _RESULTATIVE:
            objects += [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp")]
        lost_lives = lemma == "lose" and any(o.lemma_.lower() == "life" for o in objects)
        if lemma in lex.category_verbs and lemma not in _SUFFER and not lost_lives and not _loses_things(verb, anchor):
            found.add(lex.category_verbs[lemma])
        if lemma in lex.category_force_verbs and _a_force(anchor, lex):  # "300 rescuers worked through the night"
            found.add(lex.category_force_verbs[lemma])
        if verb.lower_ in lex.category_adjs:
            found.add(lex.category_adjs[verb.lower_])
        head_of_list = anchor
        while head_of_list.dep_ == "conj" and head_of_list.head != head_of_list:
            head_of_list = head_of_list.head
        listed = (lemma == "be" and head_of_list.dep_ == "attr") or (lemma in _LISTING and head_of_list.dep_ == "dobj")
        if listed and head_of_list.head == verb:
            # "the injured were 57 men and 24 women", "the dead included 83 women": what the subject names
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                word = subject.lower_
                if word in lex.category_adjs or subject.lemma_.lower() in lex.category_nouns:
                    found.add(lex.category_adjs.get(word) or lex.category_nouns[subject.lemma_.lower()])
        for obj in objects:
            obj_lemma = obj.lemma_.lower()
            phrase = lex.category_verbs.get(f"{lemma} {obj_lemma}")  # "lost their homes"
            if phrase and (phrase != "deployed" or _a_force(anchor, lex)):
                found.add(phrase)  # taking part is a deployment for a force, a turnout for people
            if obj.lower_ in lex.category_adjs:
                found.add(lex.category_adjs[obj.lower_])
            elif obj_lemma == "life" and lemma in ("lose", "claim", "take"):
                found.add("killed")
            elif obj_lemma in ("prisoner", "hostage", "captive") and lemma in ("take", "hold"):
                found.add("captured")
            elif lemma in _SUFFER and obj_lemma in lex.category_nouns and obj.i != anchor.i:
                found.add(lex.category_nouns[obj_lemma])
        if lemma == "lose" and not objects:
            found.add("casualties")
        if lemma in _TREATED:  # "30 people were being treated for bullet wounds", "treated 217 with injuries"
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "with")):
                found |= {
                    lex.category_nouns[o.lemma_.lower()]
                    for o in prep.children
                    if o.lemma_.lower() in lex.category_nouns
                }
        # "41 people were listed as missing", "confirmed as dead", "treated as outpatients",
        # and "registered as injured" parsed as a clause of its own
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            found |= {lex.category_adjs[c.lower_] for c in prep.children if c.lower_ in lex.category_adjs}
            found |= {
                lex.category_nouns[c.lemma_.lower()]
                for c in prep.children
                if c.dep_ == "pobj" and c.lemma_.lower() in lex.category_nouns
            }
        found |= {
            lex.category_adjs[c.lower_]
            for c in verb.children
            if c.dep_ == "advcl" and c.lower_ in lex.category_adjs and any(m.lower_ == "as" for m in c.children)
        }
        # "2,000 people had left the flooded parts", "forced out of their homes"
        if lemma in lex.leaving_verbs:
            places = [*objects, *_places_left(verb)]
            found |= {lex.category_left[o.lemma_.lower()] for o in places if o.lemma_.lower() in lex.category_left}
    return found


def _places_left(verb) -> list:
    """What a verb takes people out of, after "from" or "out of": "forced out of their
    homes", "driven from the city" (its object, "left their homes", is read with the rest)."""
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "out")):
        heads = [prep, *(c for c in prep.children if c.dep_ == "prep" and c.lower_ == "of")]
        out += [o for head in heads for o in head.children if o.dep_ == "pobj"]
    return out


def _a_force(noun, lex: Lexicon) -> bool:
    """Whether a noun (or what it is "of": "members of the Self-Defense Forces") is a force
    or a crew, alone or with the noun before it ("rescue workers")."""
    of = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    for token in [noun, *of]:
        word = token.lower_
        if _noun_class(token, lex) in _SENT_CLASSES or any(
            lex.noun_classes.get(key) in _SENT_CLASSES for key in (word, word.removesuffix("s"))
        ):
            return True
    return False


def _loses_things(verb, anchor) -> bool:
    """ "people who lost their jobs": losing something other than lives or the counted
    people themselves is no casualty."""
    return verb.lemma_.lower() == "lose" and any(
        c.dep_ == "dobj" and c.i != anchor.i and c.lemma_.lower() != "life" for c in verb.children
    )


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
