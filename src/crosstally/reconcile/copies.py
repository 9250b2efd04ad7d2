"""Near-copies: the same wire text carried by two outlets counts once.

A close 64-bit simhash of word trigrams proposes a pair; most of the shorter text's
trigrams (or a long part of them) appearing in the other confirms it. The ledger links a new document to the
original it repeats when it is added; `near_copies` does the same over a batch.
"""

from __future__ import annotations

import hashlib
import re

NEAR_COPY_BITS = 16
NEAR_COPY_CONTAINMENT = 0.65
#: A copy with a long section of its own ("the wire's report, then what happened in our
#: town") shares less of its text, but still a long passage word for word: this much of
#: the shorter text, in at least this many trigrams. Across our 35 stories, reports that
#: only tell the same facts share at most 0.12; carried wire copies at least 0.5.
NEAR_COPY_PART = 0.4
NEAR_COPY_PART_TRIGRAMS = 60
#: Sketch hashes two texts must share to be compared for copying.
SKETCH_SHARED = 3
#: Texts compared through one sketch hash (the latest that had it): a shingle many texts
#: share is boilerplate, and the cost must grow with the texts, not with their square.
_POSTED = 50


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
    """Whether most of the smaller trigram set appears in the other, or a long part of it
    (`NEAR_COPY_PART`)."""
    if not (a and b):
        return False
    shared = len(a & b)
    share = shared / min(len(a), len(b))
    return share >= NEAR_COPY_CONTAINMENT or (share >= NEAR_COPY_PART and shared >= NEAR_COPY_PART_TRIGRAMS)


def sketch(grams: set[str], size: int = 32) -> set[int]:
    """The `size` smallest trigram hashes: two texts that share much of their wording share
    many of them, even when one is a shortened copy whose simhash has drifted."""
    hashes = sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams)
    return set(hashes[:size])


def near_copies(texts: list[tuple[str, str]]) -> dict[str, str]:
    """{copy id: original id} over (id, text) pairs in order: a later text repeating an
    earlier one links to it (or to the original that one repeats). Candidates are texts
    with a close simhash or sharing part of their trigram sketch; most of the shorter
    text's trigrams appearing in the other confirms a copy."""
    import numpy as np

    grams = [trigrams(t) for _, t in texts]
    prints = np.array([simhash(t) for _, t in texts], dtype=np.uint64)
    sketches = [sketch(g) for g in grams]
    posted: dict[int, list[int]] = {}
    found: dict[str, str] = {}
    for i in range(len(texts)):
        shared: dict[int, int] = {}
        for h in sketches[i]:
            earlier = posted.setdefault(h, [])
            for j in earlier[-_POSTED:]:
                shared[j] = shared.get(j, 0) + 1
            earlier.append(i)
        if i == 0:
            continue
        xor = np.bitwise_xor(prints[:i], prints[i])
        close = np.unpackbits(xor.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1) <= NEAR_COPY_BITS
        candidates = [int(j) for j in np.flatnonzero(close)]
        candidates += [j for j, n in sorted(shared.items(), key=lambda kv: -kv[1]) if n >= SKETCH_SHARED]
        for j in candidates:
            if contained(grams[i], grams[j]):
                original = texts[j][0]
                found[texts[i][0]] = found.get(original, original)
                break
    return found
