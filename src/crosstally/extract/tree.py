"""Small walks over a spaCy parse that several extractors share."""

from __future__ import annotations

from collections.abc import Iterator

#: "16 of them", "12 of whom", "49 of which": the pronouns that make a figure a part of one just stated.
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "whom", "which"})


def prep_objects(token, preps: tuple[str, ...]) -> Iterator:
    """The objects of `token`'s prepositions among `preps`, in order ("the border in
    Ecuador" → Ecuador; "reports of missing people" → people)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")
