"""Small walks over a spaCy parse that several extractors share."""

from __future__ import annotations

import re
from collections.abc import Iterator

#: "16 of them", "12 of whom", "49 of which": the pronouns that make a figure a part of one just stated.
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "whom", "which"})
#: "Of them, 793 had been discharged", "Among those, six ...": a sentence that opens with a
#: part of the figure before it.
OPENING_PARTITIVE = re.compile(
    rf"\W*(?:of|among)\s+(?:{'|'.join(sorted(PARTITIVE_PRONOUNS - {'which', 'whom'}))})\s*,", re.IGNORECASE
)


def prep_objects(token, preps: tuple[str, ...]) -> Iterator:
    """The objects of `token`'s prepositions among `preps`, in order ("the border in
    Ecuador" → Ecuador; "reports of missing people" → people)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")
