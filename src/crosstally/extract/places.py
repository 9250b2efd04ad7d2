"""Where a counted thing is: the place phrase of a figure's clause, not another figure's.

"19 dead in Wajima and 20 in Suzu", "27 of them in Buncombe County", "Georgia's toll
stood at 25", "the toll in his state": read from the parse, with surface checks where
the parser hangs a list of places on the wrong word.
"""

from __future__ import annotations

from ..lexicon import lexicon
from .tree import PARTITIVE_PRONOUNS, prep_objects

PLACE_NOUNS = {
    "region",
    "province",
    "oblast",
    "area",
    "city",
    "town",
    "village",
    "district",
    "border",
    "front",
    "county",
    "state",
    "island",
    "coast",
    "sea",
    "valley",
    "section",
    "sector",
    "zone",
    "territory",
    "camp",
    "port",
    "capital",
}
#: Places a report names before calling them "the town".
_SETTLEMENTS = {"city", "town", "village"}
_COUNT_ENTITIES = {"CARDINAL", "QUANTITY", "PERCENT"}
_PLACE_PREPS = {"in", "near", "at", "inside", "across", "into", "around", "outside", "on"}


def _where_spoken(prep, heads: list) -> bool:
    """Whether the phrase says where the figure was spoken, not where the counted thing is:
    "told a meeting in Naypyitaw that 3,145 had died", "said at a briefing in Geneva",
    "speaking to reporters in Kyiv", "a report released in Geneva". A place before the
    speech ("In Dhaka, police said ...") sets the scene of what is counted, and stays."""
    verb = prep.head
    while verb.pos_ in ("NOUN", "PROPN", "ADP") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or any(h.i == verb.i for h in heads):
        return False
    if verb.dep_ == "acl" and lexicon().noun_classes.get(verb.head.lemma_.lower()) == "info":
        return True  # "a report released in Geneva", "a statement issued in Cairo"
    kind = lexicon().reporting_verbs.get(verb.lemma_.lower())
    return kind == "say" and prep.i > verb.i


def _describes_another(prep, heads: list) -> bool:
    """Whether the phrase is in a clause describing some other noun than what is counted:
    "Iran Human Rights, which is based in Oslo, said 50 had been killed"."""
    token = prep
    while token.head.i != token.i and not any(h.i == token.i for h in heads):
        if token.dep_ == "relcl" and not any(h.i == token.head.i for h in heads):
            return True
        token = token.head
    return False


def location(sent, noun, verbs: list, top=None) -> str | None:
    """Where the counted thing is: the place in a prepositional phrase of its clause, not
    one that belongs to another figure ("19 dead in Wajima and 20 in Suzu")."""
    if noun is None and top is not None and (right := _place_right_after(top)):
        return right
    if noun is None and top is not None and _elsewhere_after(top):
        return None  # "204 held in Nairobi and 68 in other parts of the country"
    heads = [t for t in [noun, *verbs] if t is not None]
    options = []
    for tok in sent:
        if tok.dep_ != "prep" or tok.lower_ not in _PLACE_PREPS:
            continue
        if top is not None and _another_figure_owns(tok, top):
            continue
        if _where_spoken(tok, heads) or _describes_another(tok, heads):
            continue
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        if not objects:
            continue
        obj = _named_by_of(objects[0])
        if obj.like_num:
            continue  # "put it back at 288": a level, whatever entity the tagger makes it
        named = obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.pos_ == "PROPN"
        place = obj.lemma_.lower() in PLACE_NOUNS and any(
            c.pos_ == "PROPN"
            or (c.ent_type_ and c.ent_type_ not in _COUNT_ENTITIES)
            or c.lower_ == "the"
            or (c.dep_ == "poss" and c.pos_ == "PRON")
            for c in obj.lefts
        )  # "in Kherson region", "in the county" (which the report names elsewhere), "in his state"; not "in 33 towns"
        if not (named or place):
            continue
        if obj.ent_type_ in ("DATE", "TIME", "NORP") or (
            obj.ent_type_ in ("PERSON", "ORG") and not _in_whatever_tagged(tok, obj, noun)
        ):
            continue
        attached = tok.head in heads or tok.head.head in heads
        options.append((not attached, tok.head != top, tok.lower_ != "in", tok.i, obj))
    if not options:
        if any(c.lower_ == "there" and c.dep_ == "advmod" for v in verbs for c in v.children):
            return _the_one_place(sent) or _governed_place(sent)  # "the mayor of Nova Kakhovka ... there"
        owner = _place_owner(top, noun, verbs)
        return owner.text if owner is not None else None
    obj = min(options, key=lambda o: o[:4])[4]
    bare = obj.lemma_.lower() in PLACE_NOUNS and not any(c.pos_ == "PROPN" or c.ent_type_ for c in obj.lefts)
    if bare and (inner := _named_within(obj)) is not None:
        obj, bare = inner, False  # "across the border in Ecuador": Ecuador
    if bare and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return _the_one_place(sent)  # "the toll in his state": the one place the sentence names
    if bare and obj.lemma_.lower() in _SETTLEMENTS and any(c.lower_ == "the" for c in obj.lefts):
        return _the_one_place(sent) or _governed_place(sent)  # "the mayor of Oleshky ... in the town"
    words = [
        t
        for t in obj.subtree
        if t.dep_ not in ("det", "case", "prep", "pobj", "relcl", "acl", "punct", "amod", "poss", "advmod")
        or t == obj
        or (t.dep_ == "amod" and t.pos_ == "PROPN")
    ]
    words = [
        t
        for t in words
        if not any(a.dep_ in ("poss", "relcl", "acl", "prep", "appos") for a in _ancestors_until(t, obj))
        and t.dep_ != "cc"
        and not any(a.dep_ == "conj" and a.pos_ != "PROPN" for a in (t, *_ancestors_until(t, obj)))
    ]  # not "Buncombe County, or more than 40 percent"
    if not words:
        return None
    doc = obj.doc
    start, end = min(t.i for t in words), max(t.i for t in words)
    return doc[start : _and_another_place(doc, end) + 1].text


def _in_whatever_tagged(prep, obj, noun=None) -> bool:
    """Whether a name the tagger calls a person or an organisation is still a place: after
    "in" ("died in Githurai", "in Malawi"; no one is in a person), one figure of a list
    by place ("seven in Castilla-La Mancha", the numeral itself governing "in"), or one
    word right after the counted things ("1,000 bodies in Tacloban")."""
    if prep.lower_ != "in":
        return False
    if obj.ent_type_ == "ORG" and obj.pos_ == "PROPN" and _one_word_name(obj) and prep.head == noun:
        return True
    return obj.ent_type_ == "PERSON" or (obj.pos_ == "PROPN" and prep.head.like_num)


def _one_word_name(token) -> bool:
    """Whether the tagger's entity around `token` is that one word ("Tacloban", not "the
    Red Cross" nor "UNICEF" in capitals)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (after is None or after.ent_iob_ != "I") and not token.text.isupper()


def _and_another_place(doc, end: int) -> int:
    """Where a place phrase ends that goes on "and" another country or region, however the
    parser hung it ("the toll in Peru and Ecuador"): both places are where the figure is."""
    if (
        end + 2 < len(doc)
        and doc[end + 1].lower_ == "and"
        and doc[end + 2].ent_type_ in ("GPE", "LOC")
        and doc[end + 2].dep_ not in ("nsubj", "nsubjpass")  # "died in Gaza and Israel said ...": a new clause
    ):
        end += 2
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
    return end


def _named_within(obj):
    """The named place a bare place noun is said to be in ("the border in Ecuador")."""
    return next((inner for inner in prep_objects(obj, ("in",)) if inner.ent_type_ in ("GPE", "LOC")), None)


def _elsewhere_after(top) -> bool:
    """Whether a bare figure is followed at once by words placing it away from the place
    named before it: "68 elsewhere", "68 in other parts", "12 in the rest of the country"."""
    words = [t.lower_ for t in top.doc[top.i + 1 : top.i + 4]]
    return words[:1] == ["elsewhere"] or (
        words[:1] in (["in"], ["across"]) and (words[1:2] == ["other"] or words[1:3] == ["the", "rest"])
    )


def _place_right_after(top) -> str | None:
    """ "... 40 in Dunmore County and 30 in Harlan County": a bare figure followed at once by
    "in" and a named place is that place's, however the parser hung the list."""
    doc = top.doc
    i = top.i + 1
    if i >= len(doc) or doc[i].lower_ != "in":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    start = i
    while i < len(doc) and (
        (doc[i].pos_ == "PROPN" and doc[i].ent_type_ in ("GPE", "LOC", "FAC", ""))
        or (i > start and doc[i].lower_ in PLACE_NOUNS)
    ):
        i += 1
    if i == start or doc[start].pos_ != "PROPN":
        return None
    return doc[start:i].text


def _governed_place(sent) -> str | None:
    """The one place the sentence names as what someone governs ("the mayor of Nova
    Kakhovka"), however the tagger took the name."""
    titles = lexicon().titles
    found = {
        sent.doc[obj.left_edge.i : obj.i + 1].text
        for title in sent
        if title.lower_ in titles
        for prep in title.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "PROPN"
    }
    return found.pop() if len(found) == 1 else None


def _the_one_place(sent) -> str | None:
    """ "Governor Ada Moss of Kessel said the toll in her province had reached 36": "her
    province" is the one place the sentence names, if it names exactly one."""
    places = {e.text for e in sent.ents if e.label_ in ("GPE", "LOC")}
    return places.pop() if len(places) == 1 else None


def _another_figure_owns(prep, top) -> bool:
    """Whether a place phrase hangs from another figure than `top` ("20 in Suzu", "27 of
    them in Buncombe County"), looking up at most three steps, never past a verb."""
    token = prep.head
    for _ in range(3):
        if token.pos_ == "NUM":
            return token != top
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
    if token.pos_ in ("VERB", "AUX") and _another_statement(_clause_verb(top), token, top):
        return True  # "In Peru alone, 3,900 were killed, ... while Ecuador said 1,200 had died"
    # "93 bodies were recovered, 16 of them from the river in Malappuram district": a part
    # stated between the figure and the place owns it, whatever the parser hung it on
    doc = prep.doc
    for token in doc[top.i + 1 : prep.i]:
        following = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
        if token.pos_ == "NUM" and len(following) == 2 and following[0] == "of" and following[1] in PARTITIVE_PRONOUNS:
            return True
    # the parser hangs "in Paris" on the verb in "3.5 million marched, 800,000 of them in
    # Paris": a figure just before the phrase, with no verb between, owns it
    for before in reversed(prep.doc[max(prep.sent.start, prep.i - 4) : prep.i]):
        if before.pos_ in ("VERB", "AUX") or before == top or top in before.subtree:
            return False
        if before.pos_ == "NUM" and before.i > top.i:
            return True
    return False


def _clause_verb(token):
    """The verb of the clause a token is in (itself, if a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def _another_statement(own, verb, top) -> bool:
    """Whether `verb` states a figure of its own in a clause apart from `own`, the figure
    `top`'s clause, as another speaker's statement is: not a clause `own` is joined to or
    part of ("10 were killed in the capital, 16 injured", "listing 13 dead, 10 injured and
    118 missing in Bangkok": the place holds for the whole list)."""
    if own == verb or own in verb.conjuncts or own.is_ancestor(verb) or verb.is_ancestor(own):
        return False
    arguments = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
    return any(a != top and (a.pos_ == "NUM" or any(n.dep_ == "nummod" for n in a.children)) for a in arguments)


def _is_place(token) -> bool:
    return token.ent_type_ in ("GPE", "LOC") and token.pos_ == "PROPN"


def _named_place_noun(token) -> bool:
    """ "Sindh province", "Harlan County": a place noun a name goes with."""
    return token.lemma_.lower() in PLACE_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children
    )


def _place_owner(top, noun, verbs: list):
    """The place a figure belongs to when no preposition says where: the place whose toll
    it is ("Georgia's toll stood at 25"), the place listed with it ("followed by South
    Carolina with 33"), or the place that is the clause's subject ("North Carolina
    accounts for 56 of the dead", "Sindh province has suffered most, with 349 deaths")."""
    if top is None:
        return None
    if top.dep_ == "pobj" and top.head.lower_ == "with" and top.head.i > 0:
        before = top.doc[top.head.i - 1]  # "South Carolina with 33", however "with" hangs
        if _is_place(before):
            return _whole_name(before)
    tallies = lexicon().tally_nouns
    for token in [noun, *[c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]]:
        if token is None or (token != noun and token.lemma_.lower() not in tallies):
            continue  # "Georgia's toll stood at 25"; not "Odisha's chief secretary cut it to 257"
        owners = [c for c in token.children if c.dep_ == "poss" and (_is_place(c) or c.lemma_.lower() in PLACE_NOUNS)]
        if owners:
            return _whole_name(owners[0])
    for verb in verbs:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and (_is_place(c) or _named_place_noun(c))]
        if subjects and verb.is_ancestor(top):
            return _whole_name(subjects[0])
    return None


def _whole_name(token):
    """ "North Carolina" for its head "Carolina": the token with its compound parts."""
    parts = [t for t in token.lefts if t.dep_ == "compound"]
    return token.doc[parts[0].i if parts else token.i : token.i + 1]


def _named_by_of(obj):
    """ "the city of Wajima", "the province of Kherson": the place is the name."""
    if obj.lemma_.lower() in PLACE_NOUNS:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if named:
                    return named[0]
    return obj


def _ancestors_until(token, stop) -> list:
    chain = []
    while token != stop and token.head != token:
        chain.append(token)
        token = token.head
    return chain
