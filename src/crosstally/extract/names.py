"""Names within one document: the fullest form of a person's name, acronyms spelled out.

"Zelensky" said in paragraph five is "Volodymyr Zelensky" of paragraph one; "the JCS"
is the "Joint Chiefs of Staff (JCS)" defined earlier. Built from the whole text with
regular expressions, so it is the same whichever paragraphs are parsed. A lookup reads
only the places where the name is written (an index of capitalised words, built once)
and is remembered, so lookups cost no more as the document grows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import lexicon, read_table

_CAP_WORD = r"[A-Z][\w’'.-]*"
_LEAD = re.compile(rf"(?:{_CAP_WORD}\s+){{1,4}}\Z")
_LEAD_CHARS = 240
_CAPITALISED = re.compile(r"(?<=\s)[A-Z]\w*")
_FIRST = re.compile(r"[A-Z]\w*")
_BOUNDARY = re.compile(r"\b")
#: A word and "of" or "for" just before capitalised words ("Secretary of State ...").
_TITLE_TAIL = re.compile(r"\b(\w+)\s+(?:of|for)\s+\Z")
_CONNECTOR = {"of", "for", "and", "the", "on", "de", "du", "des", "la", "al", "&"}


@dataclass(frozen=True)
class NameIndex:
    """Lookups over one document's text."""

    text: str
    _acronyms: dict[str, str] = field(default_factory=dict)
    _capitalised: dict[str, list[int]] = field(default_factory=dict)
    _fullest: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str) -> NameIndex:
        acronyms: dict[str, str] = {}
        for m in re.finditer(r"\(([A-Z][A-Z&]{1,9})\)", text):
            expansion = _expand(text[max(0, m.start() - 120) : m.start()], m.group(1))
            if expansion and m.group(1) not in acronyms:
                acronyms[m.group(1)] = expansion
        return cls(text, acronyms)

    def expand(self, name: str) -> str:
        """The spelled-out form of an acronym the document defines, else `name`."""
        return self._acronyms.get(name.strip(), name)

    def fullest(self, name: str) -> str:
        """The longest form of a person's name that the document writes ending the same way."""
        if name not in self._fullest:
            self._fullest[name] = self._find_fullest(name)
        return self._fullest[name]

    def _find_fullest(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        joined = " ".join(words)
        best = name
        titles = lexicon().titles
        for lead_text in self._leads(joined):
            lead = _after_sentence_end(lead_text.split(), titles)
            while lead and (lead[0].lower() in titles or not _looks_like_given_name(lead[0])):
                lead = lead[1:]
            while lead and lead[0].lower() in titles:
                lead = lead[1:]
            if any(w.lower() in titles for w in lead):
                continue
            candidate = " ".join([*lead, *words])
            if len(candidate.split()) > len(best.split()) and len(lead) <= 2:
                best = candidate
        return best

    def _leads(self, joined: str) -> list[str]:
        """The one to four capitalised words written just before each whole-word
        occurrence of `joined` in the text."""
        first = _FIRST.match(joined)
        if first is None:
            pattern = rf"((?:{_CAP_WORD}\s+){{1,4}}){re.escape(joined)}\b"
            return [m.group(1) for m in re.finditer(pattern, self.text)]
        if not self._capitalised:
            self._capitalised[""] = []
            for m in _CAPITALISED.finditer(self.text):
                self._capitalised.setdefault(m.group(), []).append(m.start())
        leads = []
        for at in self._capitalised.get(first.group(), ()):
            if not self.text.startswith(joined, at) or not _BOUNDARY.match(self.text, at + len(joined)):
                continue
            lead = _LEAD.search(self.text, max(0, at - _LEAD_CHARS), at)
            if lead is None:
                continue
            words = lead.group().split()
            if self._ends_title(lead.start()):
                words = words[1:]  # "Secretary of State John": "State" ends the title
            if words:
                leads.append(" ".join(words))
        return leads

    def _ends_title(self, at: int) -> bool:
        """Whether capitalised words at `at` follow a title and "of" or "for" ("Secretary of
        State John Kerry", "Minister for Defence Ruwan Wijewardene"): then their first word
        ends the title and only the rest may begin a person's name ("the government of
        President William Ruto" is no title)."""
        tail = _TITLE_TAIL.search(self.text, max(0, at - 40), at)
        return tail is not None and tail.group(1).lower() in lexicon().titles


def _after_sentence_end(lead: list[str], titles: frozenset[str]) -> list[str]:
    """The words of a lead after the last one that ends a sentence ("by Sunday. Aktoprak
    said": "Sunday." is no part of his name), keeping initials ("J."), abbreviations
    ("U.S.") and titles ("Gen.")."""
    for i in range(len(lead) - 1, -1, -1):
        word = lead[i]
        if re.fullmatch(r"[A-Z][a-z]{2,}\.", word) and word.lower() not in titles and word.lower()[:-1] not in titles:
            return lead[i + 1 :]
    return lead


def _looks_like_given_name(word: str) -> bool:
    """A capitalised word that could start a person's name (not an adjective of place, a
    day or a word that opens a sentence): "Ukrainian", "Kenyan", "On", "Friday" (of "On
    Friday Albalat told ...") are not; "Serhan", "Ivan" are, as the places table does not
    know them."""
    if re.search(r"(?:ian|ese|ish|ean|'s|’s|s')$", word):
        return word in ("Ian", "Brian")
    lex = lexicon()
    lowered = word.lower()
    if lowered in STOP_WORDS or lowered in lex.weekdays or lowered in lex.months:
        return False
    return not (word.endswith("an") and lowered in place_words())


@cache
def place_words() -> frozenset[str]:
    """The names and demonyms of places.tsv, lower case."""
    return frozenset(name.lower() for name, _ in read_table("places.tsv"))


def _expand(before: str, acronym: str) -> str | None:
    """The capitalised words just before "(ACR)" whose initials spell ACR."""
    words = before.split()
    letters = [c for c in acronym if c.isalpha()]
    taken: list[str] = []
    need = len(letters)
    for word in reversed(words):
        bare = word.strip(",;:")
        if bare.lower() in _CONNECTOR and taken:
            taken.append(bare)
            continue
        if not bare[:1].isupper() or need == 0:
            break
        taken.append(bare)
        need -= 1
    taken.reverse()
    while taken and taken[0].lower() in _CONNECTOR:
        taken.pop(0)
    initials = [w[0] for w in taken if w.lower() not in _CONNECTOR]
    if initials == letters:
        return " ".join(taken)
    return None
