"""Near-copies: the same wire text carried by two outlets counts once.

A close 64-bit simhash of word trigrams proposes a pair; most of the shorter text's
trigrams appearing in the other confirms it. The ledger links a new document to the
original it repeats when it is added; `near_copies` does the same over a batch.
"""

from __future__ import annotations

import hashlib
import re

NEAR_COPY_BITS = 16
NEAR_COPY_CONTAINMENT = 0.65


def trigrams(text: str) -> set[str]:
    """The text's word trigrams, lower case."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def simhash(text: str) -> int:
    """64-bit simhash of word trigrams: near-identical texts differ in few bits."""
    import numpy as np

    grams = trigrams(text)
    if not grams:
        return 0
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams),
        dtype=np.uint64,
        count=len(grams),
    )
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8)[:, ::-1], axis=1, bitorder="big")
    weights = bits.sum(axis=0, dtype=np.int64) * 2 - len(grams)
    value = 0
    for bit, weight in enumerate(weights[::-1]):
        if weight > 0:
            value |= 1 << bit
    return value


def contained(a: set[str], b: set[str]) -> bool:
    """Whether most of the smaller trigram set appears in the other."""
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= NEAR_COPY_CONTAINMENT


def near_copies(texts: list[tuple[str, str]]) -> dict[str, str]:
    """{copy id: original id} over (id, text) pairs in order: a later text repeating an
    earlier one links to it (or to the original that one repeats)."""
    import numpy as np

    prints = np.array([simhash(t) for _, t in texts], dtype=np.uint64)
    grams: dict[int, set[str]] = {}
    found: dict[str, str] = {}
    for i in range(1, len(texts)):
        xor = np.bitwise_xor(prints[:i], prints[i])
        close = np.unpackbits(xor.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1) <= NEAR_COPY_BITS
        for j in np.flatnonzero(close):
            a = grams.setdefault(i, trigrams(texts[i][1]))
            b = grams.setdefault(int(j), trigrams(texts[int(j)][1]))
            if contained(a, b):
                original = texts[int(j)][0]
                found[texts[i][0]] = found.get(original, original)
                break
    return found
