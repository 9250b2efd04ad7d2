"""The category of a figure (killed, injured, missing, displaced, ...) from the words
around it in the parse: the noun it counts, the verbs over it, the state after it ("were
missing"), where they are ("in hospital"), and whom a subject lists ("the dead included")."""

from __future__ import annotations

from ..lexicon import Lexicon
from .places import PLACE_NOUNS
from .syntax import QUANTITY_NOUNS
from .tree import prep_objects

_EVENT_ONLY = {"killed", "wounded", "casualties", "captured", "missing", "displaced", "arrested"}
_SUFFER = {"suffer", "sustain", "receive", "incur", "take", "report", "record", "cause", "inflict"}
_STATE_COMPLEMENTS = ("oprd", "acomp", "xcomp", "attr")
_PRESENCE_PREPS = ("in", "on", "at", "inside", "across")
_TAKEN_PREPS = ("in", "at", "to", "into")
#: Verbs that list the people a subject names ("the dead included 83 women").
_LISTING = ("include", "comprise")
#: Verbs of medical care: what people are treated for names their state ("treated for burns").
_TREATED = ("treat", "hospitalise", "hospitalize", "admit")
#: Noun classes that count people, and those of them that can be sent somewhere as a body.
PEOPLE_CLASSES = ("person", "force", "crew")
_SENT_CLASSES = ("force", "crew")
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
    if not events and (noun_class in PEOPLE_CLASSES or noun is None or noun.pos_ == "PRON"):
        events = (
            _where_they_are(verbs, lex, noun_class == "force" or (noun is not None and _a_force(noun, lex)), noun)
            or {
                lex.category_person_verbs[v.lemma_.lower()]
                for v in verbs
                if v.lemma_.lower() in lex.category_person_verbs
            }
            or {
                lex.category_passive_verbs[v.lemma_.lower()]
                for v in verbs
                if v.lemma_.lower() in lex.category_passive_verbs
                and (any(c.dep_ == "auxpass" for c in v.children) or (noun is None and _reduced_passive(v, top)))
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
        and not _denied(v)
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


def _where_they_are(verbs: list, lex: Lexicon, force: bool, noun=None) -> set[str]:
    """ "20 people were in hospital", "79 people had been taken to hospital", "1,000
    federal personnel are on the ground", "1,735 people in official shelters": people in, or
    taken to, a place whose name is a state (categories.tsv, pos `place`), or a force said
    to be anywhere (a deployment)."""
    if noun is not None and (states := _states_of_places(noun, lex)):
        return states
    for verb in verbs:
        being = verb.lemma_ == "be"
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in (_PRESENCE_PREPS if being else _TAKEN_PREPS):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    state = _place_state(obj, lex)
                    if state or being:
                        return {state} if state else ({"deployed"} if force else set())
    return set()


def state_of_place(noun, lex: Lexicon) -> str | None:
    """The state of a place hung on a noun ("the number still in hospital", "those in
    shelters"), or None where none is, or the places name two states."""
    states = _states_of_places(noun, lex)
    return states.pop() if len(states) == 1 else None


def _states_of_places(noun, lex: Lexicon) -> set[str]:
    """The states the places hung on a noun name ("people in shelters": displaced)."""
    return {_place_state(o, lex) for o in prep_objects(noun, _PRESENCE_PREPS)} - {None}


def _place_state(place, lex: Lexicon) -> str | None:
    """The state a place names, read with its modifier where the table keys both
    ("in intensive care"), else alone ("in hospital")."""
    lemma = place.lemma_.lower()
    for mod in (c for c in place.lefts if c.dep_ in ("amod", "compound")):
        if (state := lex.category_places.get(f"{mod.lower_} {lemma}")) is not None:
            return state
    return lex.category_places.get(lemma)


def _reduced_passive(verb, subject) -> bool:
    """ "14 held over the attack": a headline's passive with its auxiliary dropped, the bare
    number the subject of the verb, which has no object or auxiliary ("Police held 14"
    holds them as its object)."""
    return (
        subject.dep_ == "nsubj"
        and subject.head == verb
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
    )


def _denied(verb) -> bool:
    """Whether a verb is denied: "had not been found", "could never be traced", "whom
    nobody can find"."""
    return any(
        c.dep_ == "neg" or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "no one", "none"))
        for c in verb.children
    )


def _unfound(verb, lex: Lexicon) -> str | None:
    """The state a denied verb says of the people it is not done to (categories.tsv, pos
    `unfound_verb`): "could not be located" (missing), "cannot go home" (displaced)."""
    if not _denied(verb):
        return None
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ in ("advmod", "dobj", "prt") and (state := lex.category_unfound_verbs.get(f"{lemma} {c.lower_}")):
            return state
    return lex.category_unfound_verbs.get(lemma)


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
        elif lemma in lex.category_verbs and mod.pos_ in ("VERB", "ADJ") and not _loses_things(mod, anchor, lex):
            found.add(lex.category_verbs[lemma])
        elif lemma in lex.category_passive_verbs and mod.dep_ == "acl" and mod.tag_ == "VBN":
            found.add(lex.category_passive_verbs[lemma])  # "6,700 people held": done to them
        found |= {
            lex.category_verbs[c.lemma_.lower()]
            for c in mod.children
            if c.dep_ == "conj" and c.lemma_.lower() in lex.category_verbs and not _own_figure(c)
        }
        if mod.dep_ in ("relcl", "acl") and (state := _unfound(mod, lex)):
            found.add(state)  # "251 workers who had still not been found"
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
    # "217 people with minor injuries": people who carry a wound, the phrase hung on the
    # noun or, right after its object, on the verb ("recorded 21 people with serious injuries")
    carried = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with"]
    if anchor.dep_ == "dobj":
        carried += [c for c in anchor.head.children if c.lower_ == "with" and c.i == anchor.right_edge.i + 1]
    for prep in carried:
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
        if (
            lemma in lex.category_verbs
            and lemma not in _SUFFER
            and not lost_lives
            and not _loses_things(verb, anchor, lex)
        ):
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
        found |= {  # "5,400 Americans had been flown out", "flown out of the airport"
            lex.category_verbs[f"{lemma} {c.lower_}"]
            for c in verb.children
            if c.dep_ in ("prt", "prep") and f"{lemma} {c.lower_}" in lex.category_verbs
        }
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
        if lemma == "lose" and not objects and not _loses_things(verb, anchor, lex):
            found.add("casualties")
        if anchor.head == verb and (state := _unfound(verb, lex)):
            # "three Uruguayans could not be located"; not a label the sentence quotes ("737
            # people were listed under a tab that read 'Not Found'")
            found.add(state)
        if lemma in _TREATED:  # "30 people were being treated for bullet wounds", "treated 217 with injuries"
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "with")]
            for prep in preps:
                found |= {
                    lex.category_nouns[o.lemma_.lower()]
                    for o in prep.children
                    if o.lemma_.lower() in lex.category_nouns
                }
            if (
                verb.tag_ in ("VBD", "VBN", "VBG")
                and not any(p.lower_ == "for" for p in preps)
                and anchor.head == verb
                and anchor.dep_ in ("dobj", "nsubjpass")
            ):
                # "crews treated 64 patients", "four children were being treated"; what they
                # are treated "for" says whether they are hurt ("for heat stress": not), and
                # a ward that "treats 40 patients a day" says what it can do
                found.add("wounded")
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


def _loses_things(verb, anchor, lex: Lexicon) -> bool:
    """ "people who lost their jobs", "300 jobs were lost": losing something other than
    lives or people is no casualty."""
    if verb.lemma_.lower() != "lose":
        return False
    if anchor.dep_ == "nsubjpass" and anchor.head == verb and anchor.pos_ == "NOUN":
        return _noun_class(anchor, lex) not in PEOPLE_CLASSES
    return any(c.dep_ == "dobj" and c.i != anchor.i and c.lemma_.lower() != "life" for c in verb.children)
