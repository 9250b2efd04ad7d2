"""Who the document says makes a claim (`source`), and through whom (`via`).

Patterns of news attribution over the parse: "X said", "according to X", "X told Y",
"X reported, citing Y", "reports Y, citing X", "X quoted Y as saying", quotes closed
by "the JCS said", pronouns and continuations that point back to the previous
sentence's speaker. Names come out in the fullest form the document gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..lexicon import Lexicon, lexicon
from .names import NameIndex, place_words
from .reporting import (
    SUBJECT_DEPS,
    clause_subject,
    finds,
    has_speaker,
    is_reporting,
    known_body_before,
    reported_within,
    reporting_verb,
    reports,
    semicolon_between,
)
from .speaker_names import is_media, name_of, names_a_body
from .syntax import QUANTITY_NOUNS


@dataclass(frozen=True)
class Attribution:
    """The source and relayer of one claim, and the reporting verb if there is one."""

    source: str | None = None
    via: str | None = None
    verb_i: int | None = None
    person: bool = False
    named_only: bool = False
    #: the source keeps a count the sentence names ("The ministry's figure rose fast."),
    #: which an "it" opening the next sentence stands for ("It stood at 15 on Saturday")
    tally: bool = False


def attribute(sent, top, names: NameIndex, lex: Lexicon, previous: list[Attribution]) -> Attribution:
    """Attribution of the figure whose top token is `top` in sentence `sent`; never a
    number or a stray mark the parser took for a subject ("More than 1,000 killed, says
    ...", "18 reported damage")."""
    found = _attribute(sent, top, names, lex, previous)
    return found if found.source is None or _is_name(found.source, lex) else Attribution()


def _is_name(text: str, lex: Lexicon) -> bool:
    """Not a number, however qualified ("More than 1,000", "18"), nor what a number counts
    ("100 bodies found", "more than 70,000 people ... released $1 million": they found and
    released nothing), nor a stray mark, nor words that name
    no one ("some sources", "the figures")."""
    text = text.strip()
    return (
        any(ch.isalpha() for ch in text)
        and not _number_phrase().match(text)
        and not _counted_phrase().match(text)
        and not all(_no_one(w, lex) for w in re.findall(r"[\w'’-]+", text.lower()))
    )


def _no_one(word: str, lex: Lexicon) -> bool:
    """A word that names no one: a word of the not-sources table, or a time ("morning",
    "Sunday", "late June")."""
    word = re.sub(r"['’]s$", "", word)
    return word in lex.not_sources or word in lex.months or word in lex.weekdays or word in lex.dayparts


@cache
def _qualified() -> str:
    """The pattern of an optional qualifier before a number ("more than ")."""
    qualifiers = sorted(lexicon().qualifiers_before, key=len, reverse=True)
    return rf"^(?:(?:{'|'.join(map(re.escape, qualifiers))})\s+)?"


@cache
def _number_phrase() -> re.Pattern:
    return re.compile(rf"{_qualified()}[\d.,]+$", re.IGNORECASE)


@cache
def _counted_phrase() -> re.Pattern:
    """ "100 bodies", "more than 70,000 people": a figure and what it counts."""
    return re.compile(rf"{_qualified()}\d[\d.,]*\s+[a-z]", re.IGNORECASE)


def _attribute(sent, top, names: NameIndex, lex: Lexicon, previous: list[Attribution]) -> Attribution:
    reporter = reporting_verb(sent, top, lex)
    said = None
    if reporter is not None:
        said = _speaker(reporter, names, lex, previous)
        other = reporting_verb(sent, top, lex, skip=reporter) if not said.source or finds(reporter, lex) else None
        speaking = _speaker(other, names, lex, previous) if other is not None else None
        if other is not None and not said.source:
            # "The number of people confirmed dead rose to 206, the prefecture said"
            reporter, said = other, speaking
        elif speaking is not None and speaking.source and lex.reporting_verbs.get(reporter.lemma_.lower()) == "act":
            # "North Korea is sending 1,500 troops, reports Yonhap, citing officials": an
            # act is its doer's figure only where no one else is said to report it
            reporter, said = other, speaking
        elif (
            other is not None
            and lex.reporting_verbs.get(other.lemma_.lower()) == "say"
            and (other.i > reporter.i or reports(other, reporter))
            and not semicolon_between(reporter, other)
            and speaking.source
            and not is_media(speaking.source)  # an outlet only relays
        ):
            # "Searchers found 148 bodies, he said": one who speaks, over who found them
            reporter, said = other, speaking
        outer = reporting_verb(sent, reporter, lex, ancestors_only=True)
        while outer is not None and said.source and _speaker(outer, names, lex, previous).source == said.source:
            outer = reporting_verb(sent, outer, lex, ancestors_only=True)  # the same speaker goes on
        outer_said = _outer_speaker(reporter, outer, said, names, lex, previous)
        if outer is not None and outer_said is not None:
            reporter, said = outer, outer_said
        elif outer is not None and said.source and said.via is None and reported_within(reporter, outer):
            relayer = _speaker(outer, names, lex, previous)
            if relayer.source and relayer.source != said.source:
                said = Attribution(said.source, relayer.source, said.verb_i, said.person)
    if said is not None and is_media(said.source):
        inner = _inner_speaker(top, reporter, names, lex, previous)
        if inner is not None:
            return Attribution(inner.source, said.source, inner.verb_i, inner.person)
    cued = _cued_source(sent, top, names, lex, reporter, previous)
    if cued is not None and cued.source:
        via = cued.via or (said.source if said is not None and said.source != cued.source else None)
        cued = _earlier_full_form(cued, previous)
        return Attribution(cued.source, via, reporter.i if reporter is not None else None, cued.person)
    if said is not None and said.source:
        return _earlier_full_form(said, previous)
    owner = _tally_owner(top, names, lex, previous) or _own_tally(top, names, lex)
    if owner is not None and owner.source:
        # "the ministry's count", after "the interior ministry"
        return replace(_earlier_full_form(owner, previous), tally=True)
    carried = _count_carried_on(top, previous, lex)
    if carried is not None:
        return carried
    headline = _headline_speaker(sent, top, names, lex)
    if headline is not None:
        return headline
    lead = _lead_before_colon(sent, top, names, lex)
    if lead is not None:
        return lead
    if _continues(sent, lex) and previous and not previous[-1].named_only:
        earlier = previous[-1]
        return Attribution(earlier.source, earlier.via, None, earlier.person)
    return Attribution()


def _lead_before_colon(sent, top, names: NameIndex, lex: Lexicon) -> Attribution | None:
    """ "HRANA went further on Friday: 244 protesters killed": figures listed after a
    colon are the word of the named body or person the clause before it is about."""
    colon = next((t for t in sent if t.text == ":" and t.i < top.i), None)
    if colon is None:
        return None
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj" and c.i < colon.i), None)
    if subject is None or sent.root.i > colon.i:
        return None
    named = name_of(subject, names, lex)
    if named is None:
        return None
    if not (named[1] and subject.ent_type_ == "PERSON") and not names_a_body(subject, named[0], lex):
        return None
    return Attribution(named[0], None, sent.root.i, named[1])


def _tally_owner(top, names: NameIndex, lex: Lexicon, previous: Sequence[Attribution] = ()) -> Attribution | None:
    """Whose count a figure is when no one is said to speak: "an AFP tally reached 577",
    "AFP's running tally stood at 1,119", "a count kept by the ministry rose to 90"."""
    node = top.head if top.dep_ == "nummod" else top  # "reached 577 deaths": the deaths
    head = node.head.head if node.dep_ == "pobj" and node.head.dep_ == "prep" else node.head
    if head.pos_ in ("VERB", "AUX"):
        tallies = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in QUANTITY_NOUNS]
    elif node.dep_ == "pobj" and node.head.lower_ == "of" and head.lemma_.lower() in _KEPT_TALLIES:
        tallies = [head]  # "the hospital's figure of 14 children", "a police count of 207"
    else:
        return None
    for tally in tallies:
        # "the ministry's count", "an AFP tally", "police figures": a body or person (not
        # "the death toll", nor a place's own toll: "Japan's toll", "the Odisha toll"), and
        # a name right before the tally ("Hajj death toll", "Balasore train crash toll"
        # name the event)
        owners = [
            c
            for c in tally.children
            if (c.dep_ == "poss" or (c.dep_ == "compound" and c.i == tally.i - 1))
            and _body_word(c, c.dep_ == "poss", lex)
            and c.ent_type_ not in _PLACE_ENTITIES
            and not any(n.dep_ == "nummod" for n in c.children)  # "the two administrations' counts"
        ]
        for acl in (c for c in tally.children if c.dep_ == "acl"):
            owners += [o for a in acl.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if not owners and any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in tally.children):
            # "That count had stood at 105 on Friday": the count the sentence before gave
            earlier = previous[-1] if previous else None
            if earlier is not None and earlier.source:
                return Attribution(earlier.source, earlier.via, head.i, earlier.person)
        for owner in owners:
            if owner.lower_ in _BODY_POSSESSIVES:
                # "By Tuesday its count had reached 50": the body that spoke before
                body = _its_body(tally, previous)
                if body is not None:
                    return Attribution(body, None, head.i, False)
                continue
            named = name_of(owner, names, lex)
            if named is not None:
                return Attribution(named[0], None, head.i, named[1])
    return None


def _body_word(word, owning: bool, lex: Lexicon) -> bool:
    """A word before a tally that says whose it is: a body's or person's name ("an AFP
    tally"), any other owner ("the ministry's count"), or a body's common noun before it
    ("police figures")."""
    if word.lower_ in place_words():
        return False  # "Mozambique's flood toll", whatever the tagger calls it
    if word.pos_ == "PROPN":
        return word.ent_type_ in ("ORG", "PERSON")
    return owning or word.lemma_.lower() in lex.body_nouns


def _count_carried_on(top, previous: Sequence[Attribution], lex: Lexicon) -> Attribution | None:
    """ "The ministry's figure rose fast. It stood at 15 on Saturday": a figure the count
    of the sentence before "stood at" ("it" for its subject) is that count's keeper's; a
    count that only moves ("By Tuesday it had reached 156") is the story's toll."""
    if not previous or not previous[-1].tally:
        return None
    verb = top
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head  # "It stood at 15 on Saturday, reached 2,053 on Sunday"
    if not any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in verb.children):
        return None
    if lex.reporting_verbs.get(verb.lemma_.lower()) != "keep":
        return None
    earlier = previous[-1]
    return Attribution(earlier.source, earlier.via, verb.i, earlier.person, tally=True)


#: Possessives of a body, whose tally is the count of the body that spoke last ("its count").
_BODY_POSSESSIVES = ("its",)
#: Quantities someone keeps ("its count"), unlike a toll a thing has ("the storm ... its toll").
_KEPT_TALLIES = ("count", "tally", "figure", "estimate", "list")


def _own_tally(top, names: NameIndex, lex: Lexicon) -> Attribution | None:
    """ "The ministry stood by its count of 95,000", "the agency kept its estimate at 670":
    a clause whose subject keeps "its" count of the figure names whose count it is."""
    verb = top
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    tallies = [c for c in verb.children if c.dep_ == "dobj"]
    tallies += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    kept = [t for t in tallies if any(c.lower_ in ("its", "their") for c in t.children)]
    named = next((n for t in kept if (n := _keeper(t, names, lex)) is not None), None)
    return Attribution(named[0], None, verb.i, named[1]) if named is not None else None


def _keeper(tally, names: NameIndex, lex: Lexicon) -> tuple[str, bool] | None:
    """Who keeps "its count": the subject of a verb of keeping whose object the tally is,
    when it names a source ("the ministry stood by its count", "the agency kept its
    estimate at 670"), not people; "the union challenged its count" keeps nothing."""
    if tally.lemma_.lower() not in _KEPT_TALLIES:
        return None
    verb = tally
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if lex.reporting_verbs.get(verb.lemma_.lower()) != "keep":
        return None  # "By its count, the army lost 300": the body that spoke before
    for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")):
        named = name_of(subject, names, lex)
        if named is not None and not _people(named[0]):
            return named
    return None


def _its_body(tally, previous: Sequence[Attribution]) -> str | None:
    """The body whose tally "its count", "by its count" is: the last one that spoke."""
    if tally.lemma_.lower() not in _KEPT_TALLIES:
        return None
    return next((a.source for a in reversed(previous) if a.source and not a.person and not _people(a.source)), None)


def _people(name: str) -> bool:
    """ "Officials", "rescuers": people, whom "its" does not mean."""
    last = name.split()[-1].lower()
    return last.endswith("s") and lexicon().noun_classes.get(last[:-1]) == "person"


_PLACE_ENTITIES = ("GPE", "LOC", "NORP", "FAC", "EVENT")
_HEADLINE_TAIL = re.compile(r"[:\-–—]\s*([A-Za-z][\w.'’-]*(?:\s+[\w.'’-]+){0,3})\s*$")


def _headline_speaker(sent, top, names: NameIndex, lex: Lexicon) -> Attribution | None:
    """ "Toll could reach 20,000: Mayor", "Flood deaths pass 3,000 - UN": a headline's
    speaker after a closing colon or dash, with no verb of its own."""
    m = _HEADLINE_TAIL.search(sent.text)
    if m is None or top.idx - sent.start_char >= m.start():
        return None
    tail = [t for t in sent if t.idx - sent.start_char >= m.start(1)]
    if not tail or any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None
    named = name_of(tail[-1], names, lex)
    return Attribution(named[0], None, None, named[1]) if named else None


def _inner_speaker(top, reporter, names: NameIndex, lex: Lexicon, previous: list[Attribution]) -> Attribution | None:
    """ "The UN amended the toll, stating that 3,958 died, CNN reported": the speaker of a
    reporting participle between the figure and an outlet's verb, found through the verb
    the participle hangs from."""
    token = top
    while token.head != token and token != reporter:
        token = token.head
        if token == reporter:
            break
        if is_reporting(token, lex) and not has_speaker(token) and token.head != token:
            subject = clause_subject(token.head)
            if subject is not None:
                found = _speaker(token.head, names, lex, previous)
                if found.source and not is_media(found.source):
                    return found
    return None


def _earlier_full_form(said: Attribution, previous: list[Attribution]) -> Attribution:
    """ "the agency said", after "the disaster agency said": the earlier, fuller name."""
    if " " in said.source or not said.source.islower():
        return said
    for earlier in reversed(previous):
        if earlier.source and earlier.source.lower().endswith(" " + said.source):
            return Attribution(earlier.source, said.via, said.verb_i, earlier.person)
    return said


def _outer_speaker(reporter, outer, said: Attribution, names: NameIndex, lex: Lexicon, previous) -> Attribution | None:
    """The speaker of the reporting verb around `reporter` when `reporter`'s subject is a
    pronoun that stands for them: "we" or "I" ("the mayor said we counted 40"), one the
    earlier text does not resolve ("Green said he expected ..."), or one that agrees with
    them ("the commission said it had confirmed 41 deaths": "it" a body, "he"/"she" a
    person, "they" either); else None."""
    pronoun = clause_subject(reporter) if outer is not None else None
    if pronoun is None or pronoun.lower_ not in lex.pronouns:
        return None
    spoken = _speaker(outer, names, lex, previous)
    word = pronoun.lower_
    agrees = bool(spoken.source) and (
        word == "they" or (word in ("he", "she") and spoken.person) or (word == "it" and not spoken.person)
    )
    return spoken if word in ("i", "we") or not said.source or agrees else None


def _speaker(verb, names: NameIndex, lex: Lexicon, previous: list[Attribution]) -> Attribution:
    """Who speaks through `verb`: its subject (or, for "quote", its object)."""
    subject = clause_subject(verb)
    kind = lex.reporting_verbs.get(verb.lemma_.lower())
    relayer = None
    if kind == "quote":
        quoted = [c for c in verb.children if c.dep_ == "dobj"]
        written = subject is not None and lex.noun_classes.get(subject.lemma_.lower()) == "info"
        if quoted and quoted[0] != subject and not written:
            relayer, subject = subject, quoted[0]
        elif quoted and written:
            relayer = quoted[0]
    known = known_body_before(verb, lex)
    if known is not None and (subject is None or _misread_within(subject, known, names, lex)):
        return Attribution(known.text, None, verb.i, False)
    if subject is None:
        return Attribution()
    if subject.lower_ in _RELATIVE_PRONOUNS and not subject.text.isupper():  # not "the WHO"
        subject = _relative_antecedent(subject, verb)  # "from the FSB, which said 40 were killed": the FSB
        if subject is None:
            return Attribution()
    same = _same_as_before(subject, previous, verb.i)
    if same is not None:
        return same  # "the same spokesman said"
    named = name_of(subject, names, lex)
    if named is None and (subject.lower_ in lex.pronouns or (relayer is not None and subject.lower_ in _QUOTED)):
        found = _antecedent(subject, previous, verb.i)
        if relayer is None or found.source is None:
            return found
        relayed = name_of(relayer, names, lex)  # "..., TASS quoted him as saying"
        return replace(found, via=relayed[0] if relayed else found.via)
    if named is None:
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in lex.possessives), None)
        if owner is not None and lex.noun_classes.get(subject.lemma_.lower()) == "info":
            return _antecedent(owner, previous, verb.i)  # "Their update said ...": theirs who spoke before
        return Attribution()
    first, _, rest = named[0].partition(" ")
    if rest and first.lower() in lex.possessives and not named[1]:
        owner = previous[-1] if previous else Attribution()  # the body the sentence before is about
        if owner.source and not owner.person:
            named = (f"{owner.source} {rest}", False)  # "Its human rights office", after "The United Nations"
    via = None
    if relayer is not None:
        relayed = name_of(relayer, names, lex)
        via = relayed[0] if relayed else None
    return Attribution(named[0], via, verb.i, named[1])


_RELATIVE_PRONOUNS = ("which", "who", "that")
#: Who "X quoted ... as saying" may quote by a pronoun.
_QUOTED = ("him", "her", "them")


def _misread_within(subject, known, names: NameIndex, lex: Lexicon) -> bool:
    """Whether the subject the parser found is only a piece of the known name ("Save",
    "Children" of "Save the Children"), not a name of its own."""
    if not known.start <= subject.i < known.end:
        return False
    named = name_of(subject, names, lex)
    return named is None or (named[0] != known.text and named[0] in known.text)


def _relative_antecedent(pronoun, verb):
    """The noun a relative clause's subject stands for: the one the clause hangs on, or,
    where the parser hung the clause elsewhere, the noun just before ", which"."""
    if verb.dep_ == "relcl":
        return verb.head
    before = pronoun.doc[pronoun.i - 2] if pronoun.i >= 2 and pronoun.doc[pronoun.i - 1].is_punct else None
    return before if before is not None and before.pos_ in ("NOUN", "PROPN") else None


def _same_as_before(noun, previous: Sequence[Attribution], verb_i: int) -> Attribution | None:
    """ "On Saturday the same spokesman said ...", "the same update said ...": the last
    one who spoke before (not one only named); None where no one did."""
    if not any(c.dep_ == "amod" and c.lower_ == "same" for c in noun.children):
        return None
    found = next((a for a in reversed(previous) if a.source and not a.named_only), None)
    return Attribution(found.source, found.via, verb_i, found.person) if found is not None else None


def _antecedent(pronoun, previous: list[Attribution], verb_i: int) -> Attribution:
    want_person = pronoun.lower_ in ("he", "she", "i", "his", "her", "him")
    titles = lexicon().titles
    for earlier in reversed(previous):
        # "The minister said ... she gave": a title names a person too
        person = earlier.person or bool(earlier.source and earlier.source.split()[-1].lower() in titles)
        if earlier.source and (person or not want_person):
            return Attribution(earlier.source, earlier.via if not earlier.named_only else None, verb_i, earlier.person)
    return Attribution()


def _cued_source(
    sent, top, names: NameIndex, lex: Lexicon, reporter, previous: Sequence[Attribution] = ()
) -> Attribution | None:
    """A source named by a cue phrase: "according to X", "as per X", "citing X".

    With a reporting verb, only a cue inside that verb's clause counts. The nearest cue
    wins, except that a news outlet only relays another cue's source (its `via`).
    """
    found = []
    for tok in sent:
        if reporter is not None and not reporter.is_ancestor(tok):
            continue
        target = None
        low = tok.lower_
        if low == "according":
            target = _object_after(tok, ("to",))
        elif low == "per" and tok.pos_ == "ADP":
            obj = _pobj(tok)
            if obj is not None and _names_a_source(obj, lex):
                target = obj
        elif low in ("citing", "quoting"):
            target = next((c for c in tok.children if c.dep_ == "dobj"), None)
        elif low == "words" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "in":
            target = _object_after(tok, ("of",))
        elif _says_that(tok, top, lex):
            target = tok  # "Eritrea's claim that 180,000 troops had died"
        elif low == "by":
            # "by the prefecture's afternoon count", "by Kyiv's estimate"
            obj = _pobj(tok)
            info = obj is not None and lex.noun_classes.get(obj.lemma_.lower()) == "info"
            if info and any(c.dep_ == "poss" for c in obj.children):
                target = obj
        if target is None:
            continue
        named = name_of(target, names, lex)
        if named is None and any(c.dep_ == "poss" and c.lower_ in _BODY_POSSESSIVES for c in target.children):
            # "the ministry stood by its count": the clause's subject; "By its count, six
            # people died on July 16": the body that spoke before
            named = _keeper(target, names, lex)
            body = _its_body(target, previous) if named is None else None
            named = (body, False) if body else named
        if named is None or not _is_name(named[0], lex):
            continue  # "according to some sources": no one the cue names
        found.append((is_media(named[0]), abs(tok.i - top.i), named))
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[1]))
    media, _, (name, person) = found[0]
    relayer = next((f[2][0] for f in found if f[0]), None) if not media else None
    return Attribution(name, relayer, None, person)


def _says_that(noun, top, lex: Lexicon) -> bool:
    """ "Eritrea's claim that 180,000 troops had died", "the ministry's estimate that ...":
    a word for what someone put out, owned by them, whose "that" clause holds the figure."""
    if noun.pos_ not in ("NOUN", "PROPN") or lex.noun_classes.get(noun.lemma_.lower()) != "info":
        return False
    if not any(c.dep_ == "poss" for c in noun.children):
        return False
    return any(c.dep_ in ("acl", "ccomp") and (c == top or c.is_ancestor(top)) for c in noun.children)


def _names_a_source(obj, lex: Lexicon) -> bool:
    """After a bare "per": "per Kyiv's figures", "per the ministry" — not "per cent", "per day"."""
    if obj.like_num or obj.lower_ in lex.rate_words or obj.lower_ in ("cent", "capita", "annum", "head", "person"):
        return False
    return obj.pos_ == "PROPN" or bool(obj.ent_type_) or any(c.dep_ in ("det", "poss") for c in obj.children)


def _object_after(token, preps):
    for child in token.children:
        if child.lower_ in preps:
            obj = _pobj(child)
            if obj is not None:
                return obj
    nxt = token.i + 1
    if nxt < len(token.doc) and token.doc[nxt].lower_ in preps:
        return _pobj(token.doc[nxt])
    return None


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


_SAME_COUNT = re.compile(
    r"\b(?:in|by|according to) (?:that|this|the same) (?:count|tally|report|estimate|survey|update|list)\b", re.I
)


def _continues(sent, lex: Lexicon) -> bool:
    """A sentence that carries on the previous one's statement: it opens with a
    continuation ("Another 5,000 ...") or points back to its count ("in that tally")."""
    opening = sent.text.lstrip(" \"“‘'").lower()
    return any(opening.startswith(cue + " ") for cue in lex.continuations) or bool(_SAME_COUNT.search(sent.text))
