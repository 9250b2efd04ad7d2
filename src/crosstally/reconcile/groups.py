"""Disjoint sets (union-find): the grouping under source entities and stories."""

from __future__ import annotations


class Groups:
    """Keys joined into groups; each group is named by its smallest key."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """The group of `key` (a key never joined is a group of its own)."""
        parent = self.parent
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
