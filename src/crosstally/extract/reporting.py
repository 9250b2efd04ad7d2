"""Which verb reports a figure, and which word of its clause is the one who speaks: the
reporting verbs of the lexicon read over the parse, with the parser's usual slips
("said" hung on the figure's clause, a known name split into a verb and its object)."""

from __future__ import annotations

from ..lexicon import Lexicon, lexicon
from .categories import PEOPLE_CLASSES
from .syntax import QUANTITY_NOUNS

SUBJECT_DEPS = ("nsubj",)
_MODIFIER_DEPS = ("acl", "amod")
#: Conjunctions opening a clause of circumstance, which a reporting verb does not report.
CIRCUMSTANCE = ("as", "when", "after", "before", "because", "since", "until", "once")
CLAUSE_BREAK = {",", ";", ":", '"', "“", "”", "—", "–"}


def reporting_verb(sent, top, lex: Lexicon, ancestors_only: bool = False, skip=None):
    """The nearest reporting verb governing the figure, else one elsewhere in the sentence
    (other than `skip`)."""
    token = top
    while token.head != token:
        child, token = token, token.head
        # "people confirmed dead": a participle describing a noun is no one speaking; "the
        # search revealed a wasteland as the blaze claimed 36 lives": a clause of
        # circumstance is not what the verb reports
        if (
            token != skip
            and not (
                child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE for c in child.children)
            )
            and is_reporting(token, lex)
            and has_speaker(token)
            and (token.dep_ not in _MODIFIER_DEPS or _misparsed_predicate(token))
        ):
            return token
    if ancestors_only:
        return None
    others = [
        t
        for t in sent
        if is_reporting(t, lex)
        and has_speaker(t)
        and (
            t.dep_ in ("ROOT", "parataxis")
            or (t.dep_ == "conj" and t.i > top.i and not _says_other(t))
            or _hung_on_what_it_says(t, top)
            or _trailing_attribution(t, top)
        )
        and not top.is_ancestor(t)
        and not t.is_ancestor(top)
        and t != skip
    ]
    if not others:
        return None
    return min(others, key=lambda t: abs(t.i - top.i))


def _hung_on_what_it_says(verb, top) -> bool:
    """ "The ministry said that 139 had died, 189 were missing and 144 were injured": the
    parser hangs "said" on a later clause of the list it opens ("were missing") as that
    clause's complement; a reporting verb before the figure that complements a verb
    after it still reports the figure."""
    return (
        verb.dep_ == "ccomp"
        and verb.i < top.i
        and verb.head.i > verb.i
        and verb.head.is_ancestor(top)
        and not semicolon_between(verb, top)
    )


def _trailing_attribution(verb, top) -> bool:
    """ "The outbreak has now killed 93 residents in Lilongwe, the National Emergency
    Agency said late on Friday": the parser may hang the speaker's clause after the figure on the verb it
    reports, as a clause of circumstance; with no word to join it ("as", "when", "after"),
    it still reports that clause's figure."""
    return (
        verb.dep_ == "advcl"
        and verb.i > top.i
        and verb.head.is_ancestor(top)
        and not any(c.dep_ == "mark" for c in verb.children)
        and verb.doc[verb.head.i : verb.i].text.count(",") >= 1
    )


def reported_within(reporter, outer) -> bool:
    """Whether `reporter`'s clause is what `outer` reports: "X said ..., Reuters reported",
    "the coast guard revised its count, saying ..., Reuters reported"."""
    token = reporter
    while token.head != token and token != outer:
        if token.head == outer:
            return token.dep_ in ("ccomp", "parataxis")
        if token.dep_ not in ("advcl", "xcomp", "conj"):
            return False
        token = token.head
    return False


def semicolon_between(a, b) -> bool:
    """ "the union counted 120,000 marchers; police put it at 35,000": a semicolon sets two
    statements side by side, so neither speaker is the other's."""
    low, high = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[low + 1 : high])


def _says_other(verb) -> bool:
    """ "The toll stands at 115, but officials have warned that it will rise": a reporting
    verb in a clause of its own that says something else (its own complement, or after a
    "but") is not the source of the figure before it."""
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet", "while") for c in verb.children
    )


def reports(speaking, verb) -> bool:
    """Whether `verb`'s clause is what `speaking` reports ("Officials said searchers found
    12 bodies"), not a clause set beside it ("X said 1.5 million marched, while the
    ministry counted 560,000")."""
    token = verb
    while token.i != speaking.i and token.head.i != token.i:
        if token.dep_ not in ("ccomp", "xcomp", "conj"):
            return False
        if token.dep_ == "conj" and token.head.i == speaking.i and any(c.dep_ == "nsubj" for c in token.children):
            return False  # "the agency said ..., and Ecuador counted 1,850 dead": a statement of its own
        token = token.head
    return token.i == speaking.i


def finds(verb, lex: Lexicon) -> bool:
    """ "found", "recorded", "counted": a verb whose subject may be who found the figure,
    not who speaks for it ("Searchers found 148 bodies, he said")."""
    return lex.reporting_verbs.get(verb.lemma_.lower()) in ("find", "act")


def is_reporting(token, lex: Lexicon) -> bool:
    kind = lex.reporting_verbs.get(token.lemma_.lower())
    if token.pos_ not in ("VERB", "AUX") or kind is None or kind in ("cite", "keep"):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
        return False  # "the blaze claimed 36 lives"
    if kind == "act":
        return _acts_for_a_body(token, lex)
    return kind != "publish" or _publishes_information(token, lex)


def _acts_for_a_body(verb, lex: Lexicon) -> bool:
    """ "Police arrested 12", "the EU allocated 2 million euros", "it filed 80 complaints":
    an act whose figure its subject gives, when that subject is a body, a named person, an
    office or a pronoun standing for one; "soldiers evacuated 300" names no one."""
    subject = clause_subject(verb)
    return subject is not None and (_a_body_or_office(subject, lex) or subject.lower_ in ("it", "they"))


def _publishes_information(verb, lex: Lexicon) -> bool:
    """ "The UN issued an appeal for $71 million", "police released figures showing ...",
    "the police gave 240,000",
    "officials raised the death toll to 93", "police raised it to 95": putting out information or a count (not
    people: "police released 20 detainees"), by someone who can speak ("the floods raised
    the toll" names no one)."""
    counts = any(
        c.dep_ == "dobj"
        and (
            lex.noun_classes.get(c.lemma_.lower()) == "info"
            or c.lemma_.lower() in QUANTITY_NOUNS
            or (c.lower_ == "it" and any(p.dep_ == "prep" and p.lower_ in ("to", "at") for p in verb.children))
            or (c.pos_ == "NUM" and not any(g.dep_ == "prep" for g in c.children))  # "the police gave 240,000"
        )
        for c in verb.children
    )
    subject = clause_subject(verb)
    return counts and subject is not None and _can_speak(subject, lex)


def _can_speak(token, lex: Lexicon) -> bool:
    return (
        _a_body_or_office(token, lex)
        or token.pos_ == "PRON"
        or lex.noun_classes.get(token.lemma_.lower()) in PEOPLE_CLASSES
    )


def _a_body_or_office(token, lex: Lexicon) -> bool:
    """A named body, person or place, a public body's noun ("the ministry") or an office
    ("the governor"): not a plain group of people."""
    return (
        token.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        or token.pos_ == "PROPN"
        or token.lemma_.lower() in lex.body_nouns
        or token.lower_ in lex.titles
    )


def _a_time(token) -> bool:
    """ "recorded by 8 a.m.", "confirmed by early Tuesday morning": a deadline, not an agent."""
    return token.ent_type_ in ("DATE", "TIME")


def _joined_by_word(verb) -> bool:
    """Whether a verb is joined to the one before it by "and" / "but" ("toured the valley
    and said"), not only by a comma, as a misparsed "..., the ministry said" is."""
    return any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)


def _misparsed_predicate(verb) -> bool:
    """ "Baza, a Telegram channel with contacts in the security services, reported that
    95 ...", parsed as a noun with the verb hanging on it: a verb taking a clause that
    hangs on a noun the sentence has for root is that noun's predicate."""
    if verb.dep_ != "acl":
        return False
    described = _described(verb.head)
    return (
        described.dep_ == "ROOT"
        and described.pos_ in ("PROPN", "NOUN")
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _described(noun):
    """The noun a chain of descriptions ("a news channel with sources in the police") is of."""
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def has_speaker(verb) -> bool:
    return clause_subject(verb) is not None or known_body_before(verb, lexicon()) is not None


def clause_subject(verb):
    own = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    head = verb.head
    if not own and _misparsed_predicate(verb):
        return _described(head)
    if verb.dep_ == "conj" and not own and head.pos_ in ("VERB", "AUX"):
        lex = lexicon()
        if head.lemma_ == verb.lemma_ or lex.reporting_verbs.get(head.lemma_.lower()) == "say":
            return clause_subject(head)  # "said 40 had died and said ..."
        # "The minister visited the site and said 40 had died": verbs joined by a word share
        # a subject, one that can speak (not a noun the parser took for a verb's subject)
        shared = clause_subject(head) if _joined_by_word(verb) else None
        if shared is not None and _can_speak(shared, lex):
            return shared
    if not own and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        # "The UN amended its toll, stating that ...": a participle speaks for the subject
        # of the clause it hangs on
        return clause_subject(verb.head)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return max(before, key=lambda c: c.i) if before else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj" and not _a_time(c)]
            if objects:
                return objects[0]
    for child in verb.children:
        inverted = child.dep_ == "dobj" and child.i > verb.i
        if (
            inverted
            and (child.pos_ == "PROPN" or child.ent_type_)
            and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        ):
            return child
    fronted = _fronted_appositive(verb)
    if fronted is not None:
        return fronted
    described = _subject_before_description(verb)
    return described if described is not None else _trailing_subject(verb)


def _subject_before_description(verb):
    """For "The Rights Commission, a group not to be confused with the state body, said
    ..." parsed with the description's verb as the sentence's (or as a clause the speaking
    verb takes): that verb's subject, when a description follows it and a comma ends it."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    described = [verb.head] if verb.head.i != verb.i else []
    described += [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    for subject in (s for clause in described for s in clause.children):
        if (
            subject.dep_ in ("nsubj", "nsubjpass")
            and subject.i < verb.i
            and subject.pos_ in ("PROPN", "NOUN")
            and any(c.dep_ == "appos" for c in subject.children)
        ):
            return subject
    return None


def _fronted_appositive(verb):
    """For "In Tehran, Pirhossein Koulivand, head of the Red Crescent, said ..." parsed
    with the name as an apposition of "Tehran": the named apposition of a phrase fronted
    before the verb."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            named = [a for a in obj.children if a.dep_ == "appos" and a.ent_type_ in ("PERSON", "ORG")]
            if named:
                return named[0]
            if _name_after_time(obj, verb):
                return obj
    return None


def _name_after_time(obj, verb) -> bool:
    """ "On Wednesday Smith said ...", parsed as one phrase "on Wednesday Smith": a name
    right before the verb, after the day it is hung on, is the one who speaks."""
    return (
        obj.i == verb.i - 1
        and obj.pos_ in ("PROPN", "NOUN")
        and obj.ent_type_ in ("PERSON", "ORG")
        and any(c.dep_ == "compound" and c.ent_type_ in ("DATE", "TIME") for c in obj.children)
    )


def _trailing_subject(verb):
    """For "..., South Korea's Joint Chiefs of Staff said." parsed without a subject: the
    noun phrase between the last comma or quote and the verb."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "41 people were listed as missing": what is reported is no speaker
    sent = verb.sent
    first = verb.i
    while first - 1 >= sent.start and sent.doc[first - 1].text not in CLAUSE_BREAK:
        first -= 1
    if first == verb.i or first == sent.start:
        return None
    span = range(first, verb.i)
    heads = [sent.doc[i] for i in span if sent.doc[i].head.i not in span and sent.doc[i].pos_ in ("PROPN", "NOUN")]
    return heads[-1] if heads else None


def known_body_before(verb, lex: Lexicon):
    """ "Save the Children said four had died": a well-known body's name of several words
    right before the verb, which the parser may read as something else (here a verb and
    its object); None where there is none."""
    doc, first = verb.doc, verb.i
    while first > verb.sent.start and doc[first - 1].text not in CLAUSE_BREAK:
        first -= 1
    spans = (doc[i : verb.i] for i in range(first, verb.i - 1))
    return next((span for span in spans if span.text.lower() in lex.organisations), None)
