"""Score predicted claims against a gold file, as `spec/claims.md` defines scoring.

The numbers are the same as the reference scorer's (a test runs both): one-to-one
matches by document on overlapping spans and a value within 0.5%, then category,
qualifier and source accuracy over the matches, and pairwise grouping F1.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldFileError


@dataclass
class Score:
    """The result of one evaluation."""

    gold: int
    predicted: int
    matched: int
    figure_precision: float
    figure_recall: float
    figure_f1: float
    category_acc: float
    qualifier_acc: float
    source_acc: float
    grouping_pair_f1: float
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_source: list[str] = field(default_factory=list)
    wrong_category: list[str] = field(default_factory=list)
    wrong_qualifier: list[str] = field(default_factory=list)


def load_gold(path: Path) -> list[dict]:
    """Gold claims, one JSON object a line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFileError(f"cannot read gold file: {exc.strerror}", path=str(path)) from exc
    gold = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"invalid JSON ({exc.msg})", path=str(path), line=number) from exc
        for key in ("doc", "mention", "value", "category", "qualifier"):
            if key not in item:
                raise GoldFileError(f"gold claim lacks {key!r}", path=str(path), line=number)
        gold.append(item)
    return gold


def visible_text(raw: str, name: str) -> str:
    """Document text as the gold offsets see it (HTML tags stripped naively)."""
    if not name.endswith((".html", ".htm")):
        return raw
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return re.sub(r"\s+", " ", html.unescape(raw))


def gold_spans(gold: list[dict], docs_dir: Path) -> list[tuple[int, int]]:
    """Character span of each gold claim, from its mention and occurrence."""
    texts: dict[str, str] = {}
    spans = []
    for item in gold:
        doc = item["doc"]
        if doc not in texts:
            try:
                raw = (docs_dir / doc).read_text(encoding="utf-8")
            except OSError as exc:
                raise GoldFileError(
                    f"gold names a document that cannot be read: {doc}", path=str(docs_dir / doc)
                ) from exc
            texts[doc] = visible_text(raw, doc)
        pos = -1
        for _ in range(item.get("occurrence", 1)):
            pos = texts[doc].find(item["mention"], pos + 1)
            if pos < 0:
                raise GoldFileError(f"gold mention {item['mention']!r} not found in {doc}")
        spans.append((pos, pos + len(item["mention"])))
    return spans


def same_value(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _norm(text) -> str:
    text = (text or "").lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def source_ok(pred: dict, gold: dict) -> bool:
    """Null meets null; else the prediction equals, contains or is in a gold name."""
    if gold.get("source") is None:
        return not pred.get("source")
    p = _norm(pred.get("source"))
    if not p:
        return False
    names = [gold["source"], *gold.get("source_aliases", [])]
    return any(n and (n == p or n in p or p in n) for n in map(_norm, names))


def _match(gold: list[dict], spans, pred: list[dict]) -> list[tuple[dict, dict]]:
    by_doc: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for item, span in zip(gold, spans, strict=True):
        by_doc[item["doc"]][0].append((item, span))
    for p in pred:
        by_doc[p.get("doc")][1].append(p)
    pairs = []
    for doc, (gs, ps) in by_doc.items():
        use_spans = not str(doc).endswith((".html", ".htm"))
        gs = sorted(gs, key=lambda g: g[1][0])
        ps = sorted(ps, key=lambda p: p.get("start") or 0)
        taken: set[int] = set()
        for g, (gs_, ge) in gs:
            for i, p in enumerate(ps):
                if i in taken or not same_value(p.get("value"), g["value"]):
                    continue
                if use_spans:
                    s, e = p.get("start"), p.get("end")
                    if s is None or e is None or s >= ge or e <= gs_:
                        continue
                taken.add(i)
                pairs.append((g, p))
                break
    return pairs


def pair_f1(pairs, pred_key: str = "measure", gold_key: str = "measure") -> float:
    """Pairwise F1 of predicted groups against gold groups over matched claims."""
    items = [(g.get(gold_key), p.get(pred_key)) for g, p in pairs]
    same_gold = same_pred = both = 0
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            g = items[i][0] == items[j][0]
            p = items[i][1] is not None and items[i][1] == items[j][1]
            same_gold += g
            same_pred += p
            both += g and p
    precision = both / same_pred if same_pred else 0.0
    recall = both / same_gold if same_gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: list[dict], pred: list[dict], docs_dir: Path) -> Score:
    """Score `pred` (claim records) against `gold` over the documents in `docs_dir`."""
    spans = gold_spans(gold, docs_dir)
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p.get("doc") in docs]
    pairs = _match(gold, spans, pred)
    tp = len(pairs)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0

    def acc(ok) -> float:
        return sum(1 for g, p in pairs if ok(g, p)) / tp if tp else 0.0

    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    return Score(
        gold=len(gold),
        predicted=len(pred),
        matched=tp,
        figure_precision=precision,
        figure_recall=recall,
        figure_f1=f1,
        category_acc=acc(lambda g, p: p.get("category") == g["category"]),
        qualifier_acc=acc(lambda g, p: p.get("qualifier") == g["qualifier"]),
        source_acc=acc(source_ok),
        grouping_pair_f1=pair_f1(pairs),
        missed=[f"{g['doc']}: {g['mention']!r} ({g['category']})" for g in gold if id(g) not in matched_gold],
        spurious=[
            f"{p.get('doc')}: {p.get('mention')!r} ({p.get('category')})" for p in pred if id(p) not in matched_pred
        ],
        wrong_source=[
            f"{g['doc']}: {g['mention']!r}: {p.get('source')!r} != {g['source']!r}"
            for g, p in pairs
            if not source_ok(p, g)
        ],
        wrong_category=[
            f"{g['doc']}: {g['mention']!r}: {p.get('category')!r} != {g['category']!r}"
            for g, p in pairs
            if p.get("category") != g["category"]
        ],
        wrong_qualifier=[
            f"{g['doc']}: {g['mention']!r}: {p.get('qualifier')!r} != {g['qualifier']!r}"
            for g, p in pairs
            if p.get("qualifier") != g["qualifier"]
        ],
    )
