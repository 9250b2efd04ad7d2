"""Sources: the name variants of one speaker become one source entity.

"Zelensky", "Zelenskiy", "President Zelensky" and "Volodymyr Zelensky" are one person;
"JCS", "Joint Chiefs of Staff" and "South Korea's Joint Chiefs of Staff" one body. The
user's alias table (`crosstally alias add`) overrides what the heuristics decide.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import lexicon, read_keyed
from .groups import Groups
from .measures import is_country, place_spans

_TRANSLIT = [(r"(?:iy|yy|yi|ii|y|i)\b", "y"), (r"kh", "h"), (r"ts", "c"), (r"ou", "u")]


def fold(name: str) -> str:
    """Lower-case, no possessives, punctuation, articles or titles."""
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s\b|'", "", text)
    words = re.findall(r"[\w-]+", text)
    titles = lexicon().titles
    while len(words) > 1 and (words[0] in ("the", "a", "an") or words[0] in titles):
        words = words[1:]
    return " ".join(words)


@cache
def _organisations() -> dict[str, str]:
    return {fold(k): v for k, v in read_keyed("organisations.tsv", columns=2, fold=True)}


_TIME_WORD = re.compile(r"^(?:\d[\d,.]*|(?:19|20)\d\d)$")


def is_source_name(name: str | None) -> bool:
    """Whether a name can make a claim: a person, body or group, never a number, a date or
    a word like "toll"."""
    if not name or not re.search(r"[A-Za-z]", name):
        return False
    words = re.findall(r"[\w'’.-]+", name.lower())
    lex = lexicon()
    if any(w[:1].isdigit() for w in words[:1]):
        return False
    stop = lex.not_sources
    return not all(w in stop or w in lex.months or w in lex.weekdays or _TIME_WORD.match(w) for w in words)


def organisation(name: str) -> str | None:
    """The canonical name of a well-known body named by acronym, full name or description
    ("the UN migration agency" → "International Organization for Migration")."""
    key = fold(name)
    table = _organisations()
    if key in table:
        return table[key]
    if name.isupper() and name.lower() in table:
        return table[name.lower()]
    return None


def _surname_key(word: str) -> str:
    for pattern, repl in _TRANSLIT:
        word = re.sub(pattern, repl, word)
    return word


def _initials(folded: str) -> str:
    return "".join(w[0] for w in folded.split() if w not in ("of", "for", "and", "the", "on"))


@dataclass(frozen=True)
class SourceEntity:
    """One speaker: a stable key, the name to show, and every variant seen."""

    key: str
    name: str
    variants: tuple[str, ...]


def resolve_sources(
    names: list[str], aliases: dict[str, str] | None = None, persons: set[str] | None = None
) -> dict[str, SourceEntity]:
    """Map every source name to its entity. `persons` names known to be people."""
    aliases = {fold(k): v for k, v in (aliases or {}).items()}
    persons = {fold(p) for p in persons or set()}
    counts = Counter(n for n in names if n)
    sets = Groups()
    find, union = sets.find, sets.union

    folded = {n: _body_key(fold(_canonical(n, aliases)), _canonical(n, aliases)) for n in counts}
    keys = sorted(set(folded.values()))
    original_of: dict[str, str] = {}
    for name, key in folded.items():
        original_of.setdefault(key, name)
    for key in keys:
        find(key)
    by_surname: dict[str, list[str]] = {}
    for key in keys:
        words = key.split()
        if key in persons or (1 <= len(words) <= 3 and _looks_personal(original_of[key])):
            by_surname.setdefault(_surname_key(words[-1]), []).append(key)
    for group in by_surname.values():
        firsts = {k.split()[0] for k in group if len(k.split()) > 1}
        if len(firsts) <= 1:
            for other in group[1:]:
                union(group[0], other)
    _join_name_prefixes([k for group in by_surname.values() for k in group], find, union)
    # A longer name ending in a shorter one of two or more words ("south korea's joint
    # chiefs of staff" / "joint chiefs of staff"), and an acronym of a name's initials
    # ("jcs"): looked up, so the cost grows with the names, not with their square.
    known = set(keys)
    # "the city's hospital authority" ends in the full name of "Hospital Authority", whose
    # key is shorter ("hospital"): tails are looked up among full names too
    full_names = {fold(_canonical(n, aliases)): key for n, key in folded.items()}
    by_initials: dict[str, list[str]] = {}
    for full, b in full_names.items():
        # "NUG" of "National Unity Government", whose key drops "government"
        for spelled in {full, b}:
            if len(spelled.split()) >= 2 and b not in by_initials.get(_initials(spelled), []):
                by_initials.setdefault(_initials(spelled), []).append(b)
    # a tail that ends two bodies' names ("the foreign ministry" of Jordan's and of
    # Egypt's) is neither's; names already found to be one body's share it
    ending: dict[str, set[str]] = {}
    for a in keys:
        words = a.split()
        for i in range(1, len(words) - 1):
            tail = " ".join(words[i:])
            if tail in known or tail in full_names:
                ending.setdefault(tail, set()).add(a)
    for tail, longer in ending.items():
        if len({find(a) for a in longer}) == 1:
            union(next(iter(longer)), tail if tail in known else full_names[tail])
    for a in keys:
        words = a.split()
        if a.endswith("s") and len(words[-1]) > 3 and a[:-1] in known:
            union(a, a[:-1])  # "Arab diplomats" and "an Arab diplomat"
        if " " not in a and len(a) >= 2:
            for b in by_initials.get(a, ()):
                union(a, b)
    # "the prefecture" where one prefecture is named ("Ishikawa prefecture"), "the Front"
    # where one Front is: that one
    by_last: dict[str, list[str]] = {}
    for b in keys:
        if " " in b:
            by_last.setdefault(b.split()[-1], []).append(b)
    for a in keys:
        last = original_of[a].split()[-1] if original_of[a].split() else ""
        proper = last[:1].isupper() and not last.isupper()
        if " " not in a and (a in _body_nouns() or proper) and len(by_last.get(a, ())) == 1:
            union(a, by_last[a][0])  # "the Front" where one Front is named
    groups: dict[str, list[str]] = {}
    for name in counts:
        groups.setdefault(find(folded[name]), []).append(name)
    result: dict[str, SourceEntity] = {}
    for members in groups.values():
        display = _display_name(members, counts, aliases)
        entity = SourceEntity(_slug(display), display, tuple(sorted(set(members))))
        for member in members:
            result[member] = entity
    return result


def _join_name_prefixes(personal: list[str], find, union) -> None:
    """ "Choi" and "Choi Seong" where the only longer name they begin is "Choi Seong-beom":
    one person, written short (family name first, or cut at a hyphen)."""
    by_first: dict[str, list[str]] = {}
    for key in sorted(set(personal), key=lambda k: (-len(k), k)):  # the longest join first
        by_first.setdefault(re.split(r"[ -]", key)[0], []).append(key)
    for ordered in by_first.values():  # a name can only begin one that starts as it does
        for short in ordered:
            longer = [k for k in ordered if k.startswith(short + " ") or k.startswith(short + "-")]
            if longer and len({find(k) for k in longer}) == 1:
                union(short, longer[0])


@cache
def _body_nouns() -> frozenset[str]:
    """Nouns that name a public body alone: "the prefecture", "the ministry"."""
    lex = lexicon()
    return frozenset(lex.body_adjectives.values()) | lex.body_nouns


def _body_key(key: str, name: str) -> str:
    """One key for the variants of a public body's name: "ishikawa prefectural
    government", "ishikawa prefecture" and "prefectural authorities" → "ishikawa
    prefecture" / "prefecture"; a generic head is dropped only while a capitalised or
    administrative word remains ("local officials" stays)."""
    lex = lexicon()
    key = _MINISTRY_OF.sub(r"\1\3 \2", key)  # "ministry of foreign affairs" is the "foreign ministry"
    words = [lex.body_adjectives.get(w, w) for w in key.split()]
    written = re.findall(r"[\w'’-]+", name)
    capitalised = {w.lower() for w in written if w[:1].isupper()}
    if not any(w[:1].isupper() for w in written[1:]) and "and" in words[:-1]:
        # "security and medical sources" = "medical and security sources"
        described = sorted(w for w in words[:-1] if w != "and")
        words = [*" and ".join(described).split(), words[-1]]
    while len(words) >= 2 and words[-1] in lex.body_generic:
        rest = words[:-1]
        if not any(w in capitalised or w in lex.body_adjectives.values() for w in rest):
            break
        words = rest
    return " ".join(words)


#: "ministry of health", "department of foreign affairs": the body named after its remit.
_MINISTRY_OF = re.compile(r"^(.*?)\b(ministry|department) of (?:the )?(?!.*\bof\b)(.+?)(?: affairs)?$")


def _canonical(name: str, aliases: dict[str, str]) -> str:
    """The name a source resolves to before grouping: the user's alias, a known body, or
    the body a spokesperson speaks for."""
    if fold(name) in aliases:
        return aliases[fold(name)]
    body = speaker_body(name)
    return organisation(body) or organisation(name) or body


def speaker_body(name: str) -> str:
    """ "WHO official" speaks for the WHO; "UN spokesperson" for the UN; "junta
    spokesperson", "the ministry's press office" and "health ministry official" for the
    body a body noun names (`speaker` roles in body_words.tsv)."""
    words = re.sub(r"['’]s\b", "", name).split()
    lowered = " ".join(words).lower()
    role = next((r for r in lexicon().speaker_roles if lowered.endswith(" " + r)), None)
    if role is None:
        return name
    rest = words[: len(words) - len(role.split())]
    if rest and rest[0].lower() in ("the", "a", "an"):
        rest = rest[1:]
    if rest and (all(w[:1].isupper() for w in rest) or fold(rest[-1]) in _body_nouns()):
        return " ".join(rest)  # "health ministry official" speaks for the health ministry
    return name


def _looks_personal(original: str) -> bool:
    words = original.split()
    return all(w[:1].isupper() for w in words) and not original.isupper() and len(words) <= 3


def _display_name(members: list[str], counts: Counter, aliases: dict[str, str]) -> str:
    for member in members:
        if fold(member) in aliases:
            return aliases[fold(member)]
    for member in members:
        known = organisation(speaker_body(member)) or organisation(member)
        if known:
            return known
    cleaned = [re.sub(r"^(?:the|The)\s+", "", m).replace("’s", "").replace("'s", "") for m in members]
    proper = [c for c in cleaned if not c.isupper()] or cleaned
    # a name written with capitals before a bare description ("Chile Ministry of Foreign
    # Affairs", not "ministry"), then a short name, the most used, the longest
    return max(proper, key=lambda c: (c[:1].isupper(), len(c.split()) <= 4, counts.get(c, 0), len(c)))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "unknown"


_BODY_WORDS = {
    "ministry",
    "agency",
    "office",
    "department",
    "police",
    "council",
    "government",
    "army",
    "service",
    "committee",
    "organization",
    "organisation",
    "society",
    "authority",
    "authorities",
    "county",
    "news",
    "crescent",
    "cross",
}


def _person_like(name: str) -> bool:
    """ "Abdulmenam al-Ghaithi", "Mohsin Naqvi": two to four words, each with a capital."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and not name.isupper()
        and all(re.search(r"[A-Z]", w) for w in words)
        and not {w.lower() for w in words} & (_BODY_WORDS | lexicon().body_nouns)
    )


_TOKEN = re.compile(r"[\w'’.-]+")


@lru_cache(maxsize=64)
def _titled_names(text: str) -> tuple[tuple[str, str, str], ...]:
    """(word before the title, title, name) for each title word followed by a capitalised
    name in the text ("fire", "chief", "Choi Seong-beom"; "junta", "leader", "Min Aung
    Hlaing"). A one-word speaker role is a title here ("leader"); "its" is the body noun
    named just before ("The ministry said ... Its spokeswoman, Olga Chemodanova"). Read
    once per text: each report's titles serve its speakers, its bodies and its story's."""
    titles = lexicon().titles | {r for r in lexicon().speaker_roles if " " not in r}
    tokens = _TOKEN.findall(text)
    out = []
    for i, tok in enumerate(tokens):
        if tok.lower() not in titles or (i and tokens[i - 1].lower() in titles):
            continue
        name = []
        ranks = 0
        for nxt in tokens[i + 1 : i + 7]:
            if not name and nxt.lower() in titles and ranks < 2:
                ranks += 1  # "the junta's spokesman, Major General Zaw Min Tun"
                continue
            if not re.search(r"[A-Z]", nxt) or nxt.lower() in titles or len(name) == 4:
                break
            name.append(nxt)
        if name:
            before = re.sub(r"['’]s$", "", tokens[i - 1].lower()) if i else ""
            if before in ("its", "their"):
                before = _body_named_before(tokens[max(0, i - _ITS_TOKENS) : i - 1])
            out.append((before, tok.lower(), " ".join(name)))
    return tuple(out)


#: How many words before "its spokeswoman" the body "its" stands for may be named.
_ITS_TOKENS = 30


def _body_named_before(tokens: list[str]) -> str:
    """The body noun named last among `tokens` ("The interior ministry gave a far smaller
    figure. Its spokeswoman, ..." → "ministry"), or ""."""
    return next((t.lower() for t in reversed(tokens) if t.lower() in _speaking_nouns()), "")


@cache
def _speaking_nouns() -> frozenset[str]:
    """Nouns of a body a person may speak for: "the ministry", "the junta", "the regime"."""
    return lexicon().body_nouns | lexicon().government_nouns


def title_aliases(text: str, names: list[str]) -> dict[str, str]:
    """Within one document, a source named only by a title ("the mayor", "Derna mayor",
    "Pakistan's interior minister") is the person the document names with that title
    ("Derna Mayor Abdulmenam al-Ghaithi"), when it names exactly one such person."""
    titles = lexicon().titles
    people: dict[str, set[str]] = {}
    persons = [n for n in names if _person_like(n) and fold(n) not in titles]
    for _, title, name in _titled_names(text):
        for person in persons:
            if person in name or name in person:
                people.setdefault(title, set()).add(person)
    out = {}
    for n in names:
        words = re.findall(r"[a-z]+", n.lower())
        if not words or n in persons:
            continue
        title = next((w for w in reversed(words) if w in titles), None)
        if title and len(people.get(title, ())) == 1 and all(w in titles or w[:1].isalpha() for w in words):
            out[n] = next(iter(people[title]))
    return out


def speaking_bodies(text: str, names: list[str]) -> dict[str, str]:
    """Within one document, a person whose title names the body they speak for ("Yongsan
    fire chief Choi Seong-beom" beside "fire authorities", "Interior Minister Ihor
    Klymenko" beside "Ukraine's interior ministry"): that body, when the document's
    sources hold exactly one with the word before the title."""
    persons = [n for n in names if _person_like(n)]
    bodies = [n for n in names if not _person_like(n)]
    out: dict[str, str] = _office_holders(text, persons, [b for b in bodies if re.search(r"[A-Z]", b)])
    for word, _, name in _titled_names(text):
        matching = {fold(b) for b in bodies if word and word in fold(b).split()}
        if len(matching) != 1:
            continue
        body = next(b for b in bodies if fold(b) in matching)
        for person in persons:
            if names_person(name, person):
                out.setdefault(person, body)
    return out


def spokespeople(texts: list[str]) -> dict[str, str]:
    """Across a story's reports, the people a report titles as the spokesperson, leader or
    chief of a body it names by a noun ("junta leader Senior General Min Aung Hlaing", "the
    junta's spokesman, Major General Zaw Min Tun"): the name as written → that noun."""
    roles = lexicon().speaker_roles
    out: dict[str, str] = {}
    for text in texts:
        for word, title, name in _titled_names(text):
            if title in roles and word in _speaking_nouns():
                out.setdefault(name, word)
    return out


def names_person(name: str, person: str) -> bool:
    """Whether a name a title precedes ("Ihor Klymenko" of "Interior Minister Ihor
    Klymenko") is the source `person`: one holds the other, or they share a surname."""
    return person in name or name in person or person.split()[-1] == name.split()[-1]


def holders_of_offices(texts: list[str], entities: dict[str, SourceEntity]) -> dict[str, str]:
    """Across a story's reports, a person a report titles by an office that names a body
    ("Interior Minister Ihor Klymenko", "Buncombe County Sheriff Quentin Miller") speaks
    for the one body among the story's sources the office names ("Ukraine's interior
    ministry", "the Buncombe County Sheriff's Office"), though that report names none.
    `entities` are the story's source names and their entities (one body, many names)."""
    offices = lexicon().office_bodies
    names = sorted(entities)
    persons = [n for n in names if _person_like(n)]
    bodies = [n for n in names if not _person_like(n)]
    out: dict[str, str] = {}
    for text in texts:
        for word, title, name in _titled_names(text):
            noun = offices.get(title)
            if not noun or not word:
                continue
            matching = [b for b in bodies if {word, noun} <= set(fold(b).split())]
            if not matching:
                # no "interior ministry" among the sources, but "the interior minister" alone
                matching = [n for n in names if fold(n) == f"{word} {title}"]
            if len({entities[b].key for b in matching}) != 1:
                continue
            body = matching[0]
            for person in persons:
                if names_person(name, person):
                    out.setdefault(person, body)
    # "Klymenko said" after "Interior Minister Ihor Klymenko": every name of the person
    held = {entities[person].key: body for person, body in out.items()}
    return {name: held[entity.key] for name, entity in entities.items() if entity.key in held}


def _office_holders(text: str, persons: list[str], bodies: list[str]) -> dict[str, str]:
    """ "Simon Kigondu, president of the Kenya Medical Association", "Aktoprak, who heads
    the International Organization for Migration's mission", "al-Shukri of the Red
    Crescent", "Aktoprak, the head of its mission": the body a person holds office in, as
    the document names it beside the person (a body among its sources)."""
    out: dict[str, str] = {}
    for person in persons:
        for m in re.finditer(rf"\b{re.escape(person.split()[-1])}\b", text):
            found = _holds_office().match(text, m.end())
            if found is None:
                continue
            named = found.group(1)
            body = _as_source(named, bodies) if named else _named_last(text, bodies, m.start())
            if body and not _person_like(body):
                out.setdefault(person, body)
                break
    return out


#: A capitalised name, words of which may be joined by "of", "for", "on", "and" ("the
#: International Organization for Migration", "Kenya Medical Association").
_A_NAME = r"([A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*)*)"


def _as_source(named: str, bodies: list[str]) -> str:
    """A name as the document's sources write it, if one of them starts it
    ("International Organization for Migration's mission"), else as the text has it."""
    named = re.sub(r"['’]s$", "", named)
    return next((b for b in sorted(bodies, key=len, reverse=True) if named.startswith(b)), named)


@cache
def _holds_office() -> re.Pattern:
    """What follows a person's name to say the body they hold office in: ", president of
    the X", ", who heads the X", ", the head of its ...", " of the X"."""
    titles = "|".join(re.escape(t) for t in sorted(lexicon().titles, key=len, reverse=True))
    return re.compile(
        rf"(?:,\s+(?:who\s+(?:heads|leads|runs|directs|chairs)\s+|(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:{titles})\s+(?:of|for|at)\s+)|\s+of\s+)(?:the\s+)?(?:{_A_NAME}|its\b|their\b)"
    )


def _named_last(text: str, bodies: list[str], at: int) -> str | None:
    """The body the text names last before `at` ("its" mission)."""
    found = [(text.rfind(b, 0, at), b) for b in bodies]
    start, body = max(found, default=(-1, ""))
    return body if start >= 0 else None


def head_noun(name: str) -> str:
    """The noun a body's name is built on: "Ministry of Foreign Affairs" → "ministry",
    "Kenya Medical Association" → "association"."""
    words = re.findall(r"[\w'’-]+", name.lower())
    cut = next((i for i, w in enumerate(words) if w in ("of", "on", "for") and i), len(words))
    return words[cut - 1] if cut else ""


class DescribedBodies:
    """Within one document, a body named only by description ("the ministry", "its
    foreign ministry", "the state-funded commission") is the body of that kind the
    document last named in full before the figure ("Jordan's Ministry of Foreign Affairs",
    "the Kenya National Commission on Human Rights"), among the document's sources; with
    none before it, the one such body the document names at all; with none at all, "its"
    body is the country named just before ("Peru ... Its health ministry")."""

    def __init__(self, text: str, names: list[str]) -> None:
        self._text = text
        nouns = lexicon().body_nouns
        full = [n for n in names if _named_in_full(n) and head_noun(n) in nouns]
        self._named: dict[str, list[tuple[int, str]]] = {}
        for name in full:
            # as written: "Chile Ministry of Foreign Affairs" is "Chile's Ministry of ..." in the text
            for m in re.finditer(r"(?:['’]s)?\s+".join(map(re.escape, name.split())), text):
                self._named.setdefault(head_noun(name), []).append((m.start(), name))
        # "Prothom Alo, the Bengali-language daily": a news outlet described where it is named
        outlets = lexicon().outlet_nouns
        for name in names:
            if not re.search(r"[A-Z]", name):
                continue
            pattern = re.escape(name) + r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)\b"
            for m in re.finditer(pattern, text):
                if m.group(1) in outlets:
                    self._named.setdefault(outlets[m.group(1)], []).append((m.start(), name))
        for found in self._named.values():
            found.sort()

    def of(self, name: str | None, at: int) -> str | None:
        """The full name of the body `name` describes at offset `at`, if it is a description."""
        if not name or _named_in_full(name):
            return None
        head = head_noun(name)
        found = self._named.get(lexicon().outlet_nouns.get(head, head), [])
        # "the country's military government" is not the "National Unity Government"
        said = set(fold(name).split()) & lexicon().government_words
        found = [(start, n) for start, n in found if said <= set(fold(n).split())]
        before = [n for start, n in found if start < at]
        if before:
            return before[-1]
        if len({fold(n) for _, n in found}) == 1:
            return found[0][1]
        return self._countrys(name, at)

    def _countrys(self, name: str, at: int) -> str | None:
        """ "Peru is still counting. Its health ministry said ...": "its" body is the
        country named last in the few hundred characters before the phrase nearest the
        figure."""
        if not _ITS.match(name) or head_noun(name) not in lexicon().body_nouns:
            return None  # "Its spokesman" is a person's word, not a body's
        near = [m.start() for m in re.finditer(re.escape(name), self._text[: at + _ITS_AFTER], re.IGNORECASE)]
        if not near:
            return None
        said = min(near, key=lambda start: (start > at, abs(at - start)))  # its own sentence's
        before = self._text[max(0, said - _ITS_REACH) : said]
        written = [re.sub(r"['’]s$", "", before[start:end]) for start, end, _ in place_spans(before)]
        countries = [w for w in written if w[:1].isupper() and is_country(w)]
        return _ITS.sub(f"{countries[-1]}'s ", name) if countries else None


def _named_in_full(name: str) -> bool:
    """ "Jordan's Ministry of Foreign Affairs", not "the ministry", "Its foreign ministry",
    "Kenya's rights commission" or a headline's "Rights commission": a capital after the
    first letter, once a leading "the", "its" or country's possessive is set aside."""
    rest = re.sub(r"^(?:The|Its)\s+", "", name)
    owner = re.match(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+", rest)
    if owner and is_country(owner.group(1)):
        rest = rest[owner.end() :]
    return bool(re.search(r"[A-Z]", rest[1:]))


_ITS = re.compile(r"^its\s+", re.IGNORECASE)
#: How far before "its" a country may be what it means, and how far after a figure its
#: speaker may be named ("..., its foreign ministry said").
_ITS_REACH = 300
_ITS_AFTER = 200
