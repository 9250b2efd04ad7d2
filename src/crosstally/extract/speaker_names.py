"""The name of the speaker a noun phrase gives: the fullest form the document has.

"Kyiv's figures" name Kyiv, "officials in Ishikawa prefecture" the prefecture's
officials, "a spokesman for the Red Cross" the Red Cross, "Randhir Jaiswal, the
ministry's spokesperson" a person; pronouns and bare information nouns name no one.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import Lexicon, lexicon, read_keyed
from .names import NameIndex

#: Roles whose holders "in" or "at" a place or body speak for it ("officials in Ishikawa").
_PLACED_ROLES = ("official", "authority", "officer", "rescuer", "police")


def _capitalised_name(token) -> bool:
    """ "Okonjo said ...": a capitalised word the tagger took for a pronoun, which no English
    pronoun is unless it opens the sentence ("They", "Who")."""
    return token.text[:1].isupper() and token.lower_ not in STOP_WORDS


def name_of(head, names: NameIndex, lex: Lexicon) -> tuple[str, bool] | None:
    """The fullest name for the noun phrase headed by `head`, and whether it is a person.

    Information nouns ("figures", "data", "reports") give way to their owner
    ("Kyiv's figures", "South Korean intelligence data"); pronouns and bare information
    nouns name no one.
    """
    if head.lower_ in lex.pronouns or (head.pos_ == "PRON" and not _capitalised_name(head)):
        return None
    placed = _officials_of_place(head)
    if placed is not None:
        return placed, False
    body = _voice_of_body(head, names, lex)
    if body is not None:
        return body
    if lex.noun_classes.get(head.lemma_.lower()) == "info" and head.ent_type_ not in (
        "ORG",
        "PERSON",
    ):
        return _owner(head, names, lex)
    titled = _name_beside_title(head, lex)
    if titled is not None:
        return names.fullest(titled), True
    if head.ent_type_ not in ("PERSON", "ORG"):
        for tok in head.subtree:
            if (
                tok.ent_type_ == "PERSON"
                and tok.dep_ == "appos"
                or (tok.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in tok.subtree))
            ):
                person = next(t for t in tok.subtree if t.ent_type_ == "PERSON")
                ent = next(e for e in head.doc.ents if e.start <= person.i < e.end)
                return names.fullest(_clean_name(ent.text, lex)), True
    described = _name_after_description(head)
    if described is not None:
        return described, False
    doc = head.doc
    if head.ent_type_ == "ORG":
        entity = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if entity is not None and len(entity) > 1:
            # "Chile's foreign ministry" where the entity is only "foreign ministry": the owner too
            owner = next(
                (c for c in head.children if c.dep_ == "poss" and c.i < entity.start and c.pos_ == "PROPN"), None
            )
            start = owner.left_edge.i if owner is not None else entity.start
            return _clean_name(doc[start : entity.end].text, lex), owner is None and _after_title(entity, lex)
    tokens = _phrase(head)
    persons = [
        e
        for e in doc.ents
        if e.label_ == "PERSON"
        and e.start >= tokens[0].i
        and e.end <= tokens[-1].i + 1
        and not (head.pos_ == "NOUN" and e.root.head == head and _owner_or_place(e.root, head, lex))
    ]  # "Valencia's emergency services", "Paiporta mayor": whoever the parser took Valencia for
    orgs = [
        e
        for e in doc.ents
        if e.label_ in ("ORG", "GPE", "NORP") and e.start >= tokens[0].i and e.end <= tokens[-1].i + 1
    ]
    if persons and not any(t.dep_ == "conj" for t in tokens):
        name = _clean_name(persons[-1].text, lex)
        return names.fullest(name), True
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    if orgs and len(orgs) == 1 and orgs[0].text.isupper() and orgs[0].start <= head.i < orgs[0].end:
        return names.expand(orgs[0].text), False
    if orgs and orgs[-1].end == tokens[-1].i + 1 and orgs[-1].label_ == "ORG" and len(orgs[-1]) > 1:
        return orgs[-1].text, _after_title(orgs[-1], lex)
    text = _clean_name(text, lex)
    if text.isupper() and len(text) <= 10:
        text = names.expand(text)
    if head.pos_ == "PROPN" and len(tokens) == 1 and len(names.fullest(text).split()) > 1:
        return names.fullest(text), True  # "Bastrykin said" after "Alexander Bastrykin": the person
    return (text, head.pos_ == "PROPN" and _titled(head, lex)) if text else None


def _name_beside_title(head, lex: Lexicon) -> str | None:
    """ "Its spokesman, Sutopo Purwo Nugroho,", "its operator, Bahamas Paradise Cruise Line,":
    a person's title, or whatever a pronoun's owner has, with a name in apposition (which the
    tagger may take for a body's, or split in two); the name in full."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    if head.pos_ != "NOUN" or not (head.lower_ in lex.titles or owned):
        return None
    for appos in (c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ != "GPE"):
        words = [t for t in appos.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [appos]
        if len(words) > 1 and all(t.text[:1].isupper() for t in words):
            return " ".join(t.text for t in words)
    return None


def _name_after_description(head) -> str | None:
    """ "The aid group Doctors Without Borders (MSF)", "the charity Save the Children": a
    common noun that describes the name right after it, which the tagger did not take for
    an entity; the name, up to a bracket or a comma."""
    if head.pos_ != "NOUN" or head.ent_type_ or head.i + 1 >= len(head.doc):
        return None
    first = head.doc[head.i + 1]
    # the name may open with words of its own before its head ("the firm Karen Clark & Company")
    appos = next((c for c in head.rights if c.dep_ == "appos" and c.left_edge.i == first.i), None)
    if appos is None or not first.text[:1].isupper() or first.ent_type_ == "PERSON":
        return None
    words = []
    for token in head.doc[first.i : appos.right_edge.i + 1]:
        if (token.is_punct and token.text != "&") or not (token.text[:1].isupper() or token.lower_ in _NAME_LINKS):
            break
        words.append(token.text)
    while words and words[-1].lower() in _NAME_LINKS:
        words.pop()
    return " ".join(words) if len(words) > 1 or (words and first.pos_ == "PROPN") else None


#: Small words inside a body's name ("Doctors Without Borders", "Save the Children", "Karen
#: Clark & Company").
_NAME_LINKS = ("the", "of", "for", "without", "and", "&")


def body_subject(sent, names: NameIndex, lex: Lexicon) -> str | None:
    """ "The UN's humanitarian office, OCHA, started lower.": the named body a sentence is
    about, for an "it" or "its count" in the next one."""
    for candidate in _topics(sent):
        named = name_of(candidate, names, lex)
        if named is not None and not named[1] and names_a_body(candidate, named[0], lex):
            return named[0]
    return None


def names_a_body(noun, name: str, lex: Lexicon) -> bool:
    """Whether a noun phrase, whose name is `name`, is an organisation's, a public body's
    or a news outlet's: one that can keep and give a count."""
    return (
        noun.ent_type_ == "ORG"
        or noun.lemma_.lower() in lex.body_nouns
        or _described_as_group(noun, lex)
        or is_media(name)
    )


def _topics(sent) -> list:
    """The nouns a sentence is about, most salient first: its main clause's subject; where
    that names nothing (an imperative "Take Iran Human Rights, the Oslo-based group", or
    "a month has passed since state television last offered a toll"), the object of a
    subjectless main verb and the subject of the one subordinate clause that has one."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    found = [subject] if subject is not None else [c for c in root.children if c.dep_ == "dobj"]
    inner = [t for t in sent if t.dep_ == "nsubj" and t.head != root and t.head.pos_ in ("VERB", "AUX")]
    return found + (inner if len(inner) == 1 else [])


def _described_as_group(noun, lex: Lexicon) -> bool:
    """ "Iran Human Rights, the Oslo-based group": a name an apposition calls an organisation
    (body_words.tsv, kind `group`), whatever the tagger calls it."""
    return noun.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.lemma_.lower() in lex.group_nouns for c in noun.children
    )


def _owner_or_place(token, head, lex: Lexicon) -> bool:
    """Whether a name the parser took for a person's only owns a body ("Valencia's
    emergency services") or places an office ("Paiporta mayor")."""
    return token.dep_ == "poss" or (token.dep_ == "compound" and head.lower_ in lex.titles)


def _after_title(entity, lex: Lexicon) -> bool:
    """ "Army spokesman Shahinul Islam", where the tagger took the name for a body's: a
    name right after a person's title is a person's, whom a later "he" can mean."""
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    return (
        before is not None
        and all(t.pos_ == "PROPN" for t in entity)
        and (before.lower_ in lex.titles or lex.noun_classes.get(before.lemma_.lower()) == "person")
    )


def _titled(head, lex: Lexicon) -> bool:
    """Whether a name the tagger did not take for a person's is given a person's title
    ("Randhir Jaiswal, the ministry's spokesperson", "spokesperson Randhir Jaiswal"): a
    person, whom a later "he" or "she" can mean."""
    return any(
        (c.dep_ == "appos" or (c.dep_ == "compound" and c.i < head.i))
        and (c.lower_ in lex.titles or lex.noun_classes.get(c.lemma_.lower()) == "person")
        for c in head.children
    )


def _voice_of_body(head, names: NameIndex, lex: Lexicon) -> tuple[str, bool] | None:
    """ "a spokesman for the Red Cross", "a source at the Tunisian consulate": someone
    unnamed who speaks for a body gives the body as the source."""
    if lex.noun_classes.get(head.lemma_.lower()) != "voice" or head.ent_type_ == "PERSON":
        return None
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return None  # "the ministry's spokesman, Sufian Qudah": the person named
    # the body after a preposition; "the ministry's spokesman" stays as written (its words
    # name the body already, and reconciliation finds who speaks for whom)
    owners = [
        c
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("for", "at", "of", "from", "in", "with")
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    for owner in owners:
        words = [owner, *(c for c in owner.children if c.dep_ == "compound")]
        if any(w.ent_type_ == "ORG" or w.lemma_.lower() in lex.body_nouns for w in words):
            named = name_of(owner, names, lex)
            if named is not None and not named[1]:
                return named
    return None


def _officials_of_place(head) -> str | None:
    """ "officials in Ishikawa prefecture" speak for the prefecture: "Ishikawa prefecture
    officials", one name for the variants of the body; "officials at the headquarters"
    for the headquarters."""
    if head.lemma_.lower() not in _PLACED_ROLES:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "from"):
            for obj in prep.children:
                named = head.doc[obj.left_edge.i : obj.i + 1]
                if obj.dep_ != "pobj":
                    continue
                if any(t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN" for t in named):
                    place = re.sub(r"^(?:the|The)\s+", "", named.text)
                    return f"{place} {head.text.lower()}"
                if obj.lemma_.lower() in lexicon().body_nouns:
                    return re.sub(r"^(?:the|The)\s+", "", named.text)  # "officials at the headquarters"
    return None


def _owner(head, names: NameIndex, lex: Lexicon) -> tuple[str, bool] | None:
    """Whose information an information noun is: "Kyiv's figures", "a Reuters count",
    "South Korean intelligence data", "assessments from Ukraine"."""
    for child in head.children:
        if child.dep_ == "poss" and not _a_time(child):
            if any(c.dep_ == "nummod" for c in child.children):
                return None  # "the two administrations' counts": a sum of several sources
            return name_of(child, names, lex)
    modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN", "ADJ")]
    named = [m for m in modifiers if any(t.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") for t in m.subtree)]
    if named:
        doc = head.doc
        # from the first modifier that names someone ("a separate AFP count": AFP)
        first = min(t.i for m in modifiers if m.i >= named[0].i for t in m.subtree)
        text = doc[first : head.i].text
        if text and not text.islower():
            return (names.expand(text) if text.isupper() else text), False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            # "the number of people confirmed dead": what is counted owns nothing
            # nor does a plain noun ("a newspaper count of death certificates")
            objects = [
                c
                for c in child.children
                if c.dep_ == "pobj"
                and not _a_time(c)
                and not (child.lower_ == "of" and (lex.noun_classes.get(c.lemma_.lower()) or _plain_noun(c, lex)))
            ]
            objects.sort(key=lambda o: o.ent_type_ != "PERSON")
            if objects:
                return name_of(objects[0], names, lex)
    for child in head.children:
        if child.dep_ == "acl":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                objects = [c for c in agent.children if c.dep_ == "pobj"]
                if objects:
                    return name_of(objects[0], names, lex)
    return None


def _plain_noun(token, lex: Lexicon) -> bool:
    """A common noun that names no one in particular ("death certificates", "hospitals"),
    not a body known by its kind ("the commission")."""
    return (
        token.pos_ == "NOUN"
        and not token.ent_type_
        and token.lower_ not in lex.body_nouns
        and token.lower_ not in lex.outlet_nouns
        and not any(c.pos_ == "PROPN" for c in token.lefts)
    )


def _others(conj) -> bool:
    """ "other officials", "others": the unnamed rest beside a named speaker."""
    return conj.lower_ == "others" or any(c.dep_ == "amod" and c.lower_ == "other" for c in conj.children)


def _a_time(token) -> bool:
    """ "This morning's update", "In late June Sajad Jamalvatan": a time the parser hung
    on a noun phrase, which names no one."""
    lex = lexicon()
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_ for c in token.children):
        return False  # "Theresa May's fund": a name that ends like a month
    return token.ent_type_ in ("DATE", "TIME") and (
        token.pos_ != "PROPN" or token.lower_ in lex.months or token.lower_ in lex.weekdays
    )


def _name_continues(head, prep) -> bool:
    """ "Doctors Without Borders", "Ministry of Health": a preposition inside a name."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or not head.text[:1].isupper():
        return False
    obj = objects[0]
    return obj.pos_ == "PROPN" and obj.text[:1].isupper() and (prep.text[:1].isupper() or prep.lower_ in ("of", "for"))


def _phrase(head) -> list:
    """Tokens of the noun phrase: left modifiers, the head, conjuncts; no clauses or asides."""
    keep = {head.i}
    for child in head.lefts:
        if child.dep_ not in ("det", "punct", "predet") and not _a_time(child):
            keep.update(t.i for t in child.subtree)
    others = [c for c in head.rights if c.dep_ == "conj" and _others(c)]
    for child in head.rights:
        if others and (child.dep_ == "cc" and child.i < others[0].i or child in others):
            continue  # "Levine Cava and other officials": the one named speaks
        if child.dep_ in ("cc", "conj"):
            keep.update(t.i for t in child.subtree if t.dep_ not in ("relcl", "acl", "appos"))
        elif child.dep_ == "prep" and (
            (child.ent_type_ and child.ent_type_ == head.ent_type_) or _name_continues(head, child)
        ):
            keep.update(t.i for t in child.subtree if t.dep_ != "appos" and not t.is_punct)
        elif child.dep_ == "compound":
            keep.add(child.i)
    doc = head.doc
    tokens = [doc[i] for i in sorted(keep)]
    while tokens and (tokens[-1].dep_ == "case" or tokens[-1].is_punct):
        tokens.pop()
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ in ("det", "case")):
        tokens.pop(0)
    return tokens or [head]


def _clean_name(text: str, lex: Lexicon) -> str:
    """Drop a possessive ending ("the ministry's"), a leading article, and titles before a
    capitalised name; a possessive inside the name stays as written ("Jordan's foreign
    ministry", "Moody's RMS")."""
    text = re.sub(r"\s*\([^)]*\)?\s*$", "", text)
    words = re.sub(r"['’]s$", "", text.strip()).split()
    while len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    while len(words) > 1 and words[0].lower() in lex.titles and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


@cache
def _media() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_keyed("media.tsv", fold=True))


@cache
def _media_words() -> re.Pattern:
    names = sorted(_media(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def is_media(name: str | None) -> bool:
    """A news outlet or agency, however described ("Russia's TASS news agency", "the public
    broadcaster", "AP")."""
    return bool(name) and bool(_media_words().search(name.lower()))
