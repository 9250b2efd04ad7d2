"""The kind of people a figure counts within a whole its clause has named.

"Among the dead were 21 constables, 11 sub-inspectors and three inspectors", "the toll of
120 included 41 colonels", "killed 300 people, including 12 aid workers": each figure
counts a kind of person among the dead, a part of the toll with a measure of its own,
whatever its noun is (the groups table knows children or foreigners; it cannot know every
rank and trade). Read from the words of the clause, so that a list goes on as it began.
"""

from __future__ import annotations

import re

from ..lexicon import lexicon
from .measures import singular

#: A clause that names a whole and then counts kinds of people within it.
_WITHIN_A_WHOLE = re.compile(r"\bamong\s+(?:the|those|them)\b|\binclud(?:ed|ing|es|e)\b", re.IGNORECASE)
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while)\s+|;\s*")
#: Heads that count people in general, which name no kind (nor do the words for a count
#: itself, "the toll", `tally_nouns.tsv`).
_GENERAL = frozenset({"people", "person", "dead", "victim", "other", "them", "those", "body", "death"})


def member_group(clause_before: str, counted: str) -> str:
    """The kind of person a figure counts within a whole its clause named before it
    ("assistant-sub-inspector"), or "" when the clause names no whole or the figure counts
    people in general."""
    # the whole is named in the figure's own clause, not a clause joined before it ("109
    # deaths, among them a chairman, and put the toll ... at 440")
    if not _WITHIN_A_WHOLE.search(_CLAUSE_JOIN.split(clause_before)[-1]):
        return ""
    words = re.findall(r"[a-z][a-z-]*", counted.lower())
    if not words or singular(words[-1]) in _GENERAL or singular(words[-1]) in lexicon().tally_nouns:
        return ""
    return "-".join([*words[-2:-1], singular(words[-1])])
