"""Voices: the names one body goes by among the sources of one measure.

Reports name a body in full in one place and by description in another: "Jordan's
Ministry of Foreign Affairs" and "its foreign ministry", "the Japan Meteorological
Agency" and "the weather agency"; and a group in the plural and the singular: "Arab
diplomats", "an Arab diplomat". Source entities are resolved over the whole ledger,
where "the ministry" may be any ministry; among the figures of one measure of one story
it can only be the one such body that measure's sources name. Its changes are then one
source's revisions, not conflicts between two.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon
from .measures import is_country, singular
from .sources import fold, head_noun, names_person, speaker_body


def voices(names: dict[str, set[str]], spokespeople: dict[str, str] | None = None) -> dict[str, str]:
    """Each source key of one measure to the key of the voice it is one of, given the
    names as written under each key. A description (no capital letter: "its foreign
    ministry", "the weather agency") is the one named body with its head noun ("Jordan's
    Ministry of Foreign Affairs"); singular and plural are one ("Arab diplomats", "an Arab
    diplomat"). Two descriptions are not joined: "the ministry" and "the country's interior
    ministry" may be one body, but a report may as well set two ministries side by side.
    A country has one government, though: "the junta", "the country's ruling junta" and
    "Myanmar's military government" are one voice (`_governments`), and so is a person the
    story's reports title as its spokesperson or leader (`spokespeople`: name → the noun
    of the body, as `sources.spokespeople` finds them)."""
    bodies = lexicon().body_nouns
    heads: dict[str, str] = {}
    for key, written in names.items():
        found = {singular(head_noun(n)) for n in written} - {""}
        if len(found) == 1:
            heads[key] = found.pop()
    out = {key: key for key in names}
    by_form: dict[str, str] = {}
    for key in sorted(names):
        for form in {_singular_form(n) for n in names[key]}:
            if form in by_form and by_form[form] != key:
                out[key] = out[by_form[form]]
            by_form.setdefault(form, key)
    for key in sorted(names):
        head = heads.get(key)
        if head not in bodies or not all(_described(n) for n in names[key]):
            continue
        named = [k for k in names if k != key and heads.get(k) == head and not all(_described(n) for n in names[k])]
        if len(named) == 1:
            out[key] = out[named[0]]
    for group in _governments(names, spokespeople or {}).values():
        for key in group[1:]:
            out[_root(out, key)] = _root(out, group[0])
    return {key: _root(out, key) for key in out}


def _governments(names: dict[str, set[str]], spokespeople: dict[str, str]) -> dict[str, list[str]]:
    """The keys whose every name describes a country's government, by the country
    ("" for "the country's", "the junta"): one list per country, or one in all when no
    two countries are named. "The state government" or "the opposition government" is
    another body, not the country's government. The government's titled spokesperson
    or leader speaks for it, when only one country's government is named."""
    found: dict[str, str] = {}
    for key in sorted(names):
        owners = {_government_of(n) for n in names[key]}
        if len(owners) == 1 and None not in owners:
            found[key] = owners.pop()
    if len(set(found.values()) - {""}) <= 1:
        for key in sorted(set(names) - set(found)):
            if any(_speaks_for_government(n, spokespeople) for n in names[key]):
                found[key] = ""
    countries = set(found.values()) - {""}
    if len(countries) > 1:
        found = {k: c for k, c in found.items() if c}
    groups: dict[str, list[str]] = {}
    for key, country in found.items():
        groups.setdefault(country if len(countries) > 1 else "", []).append(key)
    return groups


def _speaks_for_government(name: str, spokespeople: dict[str, str]) -> bool:
    """Whether the story titles `name` ("Min Aung Hlaing", "Zaw Min Tun") as a spokesperson
    or leader of a government ("junta leader")."""
    nouns = lexicon().government_nouns
    return any(noun in nouns and names_person(titled, name) for titled, noun in spokespeople.items())


@cache
def _government_words() -> tuple[str, ...]:
    """The words that describe a government, longest first ("military-led" before "military")."""
    return tuple(sorted(lexicon().government_words, key=len, reverse=True))


def _government_of(name: str) -> str | None:
    """The country (folded; "" when unnamed) whose government `name` describes ("Myanmar's
    military government", "the country's ruling junta", "junta spokesperson"), or None. A
    name or possessive before the description is its country ("Vardia's", "Vardia junta")."""
    lex = lexicon()
    words = _LEADING.sub("", speaker_body(name).strip()).split()
    country = ""
    if words and fold(words[0]) in ("country's", "nation's", "country", "nation"):
        words = words[1:]
    elif len(words) > 1 and (words[0][:1].isupper() or is_country(re.sub(r"['’]s$", "", words[0]))):
        country, words = fold(re.sub(r"['’]s$", "", words[0])), words[1:]
    words = [fold(w) for w in words]
    if not words or words[-1] not in lex.government_nouns:
        return None
    rest = " ".join(words[:-1])
    while rest:
        word = next((w for w in _government_words() if rest.startswith(w)), None)
        if word is None:
            return None
        rest = rest[len(word) :].strip()
    return country


def _root(out: dict[str, str], key: str) -> str:
    seen = set()
    while out[key] != key and key not in seen:
        seen.add(key)
        key = out[key]
    return key


_LEADING = re.compile(r"^(?:the|a|an|its|their|his|her|one|another)\s+", re.IGNORECASE)


def _described(name: str) -> bool:
    """ "its foreign ministry", "the country's ruling junta": a body named by what it is."""
    return not re.search(r"[A-Z]", name)


def _singular_form(name: str) -> str:
    words = fold(_LEADING.sub("", name.strip())).split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""
