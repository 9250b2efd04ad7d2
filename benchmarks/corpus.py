"""A synthetic corpus of realistic length built from the bundled example reports.

Each document mixes paragraphs of the examples (figures, attribution) with neutral
reporting sentences we wrote (no figures), as most sentences of real news hold none.
"""

from __future__ import annotations

import json
import random
from importlib import resources

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


def example_paragraphs() -> list[str]:
    path = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    paragraphs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        paragraphs += [p for p in text.split("\n")[1:] if p.strip()]
    return paragraphs


def make_corpus(n: int, seed: int = 7, paragraphs_per_doc: int = 8, figure_share: float = 0.4) -> list[dict]:
    """`n` documents of `paragraphs_per_doc` paragraphs, `figure_share` of them taken from
    the examples (which hold figures), the rest neutral reporting."""
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
