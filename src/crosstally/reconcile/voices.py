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

from ..lexicon import lexicon
from .measures import singular
from .sources import fold, head_noun


def voices(names: dict[str, set[str]]) -> dict[str, str]:
    """Each source key of one measure to the key of the voice it is one of, given the
    names as written under each key. A description (no capital letter: "its foreign
    ministry", "the weather agency") is the one named body with its head noun ("Jordan's
    Ministry of Foreign Affairs"); singular and plural are one ("Arab diplomats", "an Arab
    diplomat"). Two descriptions are not joined: "the ministry" and "the country's interior
    ministry" may be one body, but a report may as well set two ministries side by side."""
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
    return {key: _root(out, key) for key in out}


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
