"""Benchmark corpora.

`real_corpus` replicates real reporting: the dev stories' documents
(`../shared/gold/stories/*/docs`), the seed articles (`../shared/seeds`) and the bundled
examples, in which about 40% of sentences hold a candidate figure, as in real news.
`length_text` builds one document of a given size from the same text, with or without
punctuation. `make_corpus` is the older synthetic corpus (example paragraphs mixed with
figure-free filler sentences) that the Spark benchmark uses.
"""

from __future__ import annotations

import json
import random
from importlib import resources
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

FILLER = [
    "Residents described scenes of devastation as they searched for relatives.",
    "The government declared a state of emergency and appealed for international help.",
    "Roads leading into the city remained blocked by mud and debris.",
    "Aid agencies said access was the main obstacle to reaching survivors.",
    "Officials warned that the situation could worsen if the weather did not improve.",
    "The authorities said an investigation into the collapse would be opened.",
    "Neighbouring countries sent rescue teams and medical supplies.",
    "Witnesses said the water rose within minutes, leaving little time to escape.",
    "Hospitals in the region reported shortages of staff and equipment.",
    "Local volunteers organised shelters in schools and mosques.",
]


def example_texts() -> list[str]:
    """The texts of the bundled example reports."""
    path = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def real_documents() -> list[str]:
    """Every real report at hand: the dev stories' documents, the seeds, the examples."""
    paths = sorted(SHARED.glob("gold/stories/*/docs/*.txt")) + sorted(SHARED.glob("seeds/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths] + example_texts()


def real_corpus(n: int) -> list[dict]:
    """`n` documents cycling through `real_documents()`."""
    texts = real_documents()
    return [{"id": f"real-{i:05d}", "text": texts[i % len(texts)]} for i in range(n)]


def length_text(size: int, punctuation: bool = True) -> str:
    """One document of `size` characters made of the real reports one after another;
    without punctuation, full stops and line breaks are dropped (one run-on line)."""
    base = "\n".join(real_documents())
    if not punctuation:
        base = base.replace(".", "").replace("\n", " ")
    return (base * (size // len(base) + 1))[:size]


def sentence_share(texts: list[str]) -> tuple[int, float]:
    """How many units (sentences) the texts have, and the share holding a candidate figure."""
    from crosstally.extract import parse_units
    from crosstally.extract.numbers import scan

    total = holding = 0
    for text in texts:
        figures, _ = scan(text)
        starts = sorted(f.core_start for f in figures)
        units = parse_units(text, figures)
        total += len(units)
        holding += sum(1 for s, e in units if any(s <= c < e for c in starts))
    return total, holding / max(total, 1)


def example_paragraphs() -> list[str]:
    """The paragraphs (title line dropped) of the bundled example reports."""
    paragraphs = []
    for text in example_texts():
        paragraphs += [p for p in text.split("\n")[1:] if p.strip()]
    return paragraphs


def make_corpus(n: int, seed: int = 7, paragraphs_per_doc: int = 8, figure_share: float = 0.4) -> list[dict]:
    """`n` synthetic documents of `paragraphs_per_doc` paragraphs, `figure_share` of them
    taken from the examples (which hold figures), the rest figure-free filler."""
    rng = random.Random(seed)
    source = example_paragraphs()
    docs = []
    for i in range(n):
        parts = []
        for _ in range(paragraphs_per_doc):
            if rng.random() < figure_share:
                parts.append(rng.choice(source))
            else:
                parts.append(" ".join(rng.sample(FILLER, 3)))
        docs.append({"id": f"bench-{i:05d}", "text": "\n".join(parts), "published": "2023-09-15"})
    return docs
