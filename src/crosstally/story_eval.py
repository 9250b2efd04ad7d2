"""Score crosstally end to end on story folders: claims, statement dates, grouping across
outlets, and flags against an analyst's `flags.jsonl`.

A story folder holds `docs/` (texts and `docs/meta.jsonl`), `gold/*.jsonl` and
`flags.jsonl` (see `spec/claims.md`). Each story's documents are read with their metadata
as one batch, as an analyst would load them (all stories in one batch with `together`,
as a ledger holding many stories does), then extracted and reconciled. Claim scores are
those of `evaluate.score`; the statement date is right when the predicted date starts
with the gold one; a flag matches as the contract says (overlapping spans, or another
copy of the same statement: same gold measure, value and named source).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import GoldFileError
from .evaluate import _match, gold_spans, load_gold, pair_f1, same_value, source_ok
from .read import Document

FLAG_TYPES = {"conflict": ("a", "b"), "misquote": ("claim",), "near_copy": ("docs",), "revision": ("earlier", "later")}
KEYS = ("figure_f1", "category_acc", "qualifier_acc", "source_acc", "date_acc", "grouping_pair_f1", "flags_f1")


@dataclass
class StoryScore:
    """Counts for one story (or the pool of several), from which the scores follow."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    category: int = 0
    qualifier: int = 0
    source: int = 0
    dated: int = 0
    date: int = 0
    pairs: list = field(default_factory=list)
    flags: dict = field(default_factory=dict)

    def add(self, other: StoryScore) -> None:
        for name in ("gold", "predicted", "matched", "category", "qualifier", "source", "dated", "date"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.pairs += other.pairs
        for kind, counts in other.flags.items():
            mine = self.flags.setdefault(kind, [0, 0, 0])
            for i in range(3):
                mine[i] += counts[i]

    def summary(self) -> dict:
        tp = self.matched
        p = tp / self.predicted if self.predicted else 0.0
        r = tp / self.gold if self.gold else 0.0
        flags = {kind: _prf(*counts) for kind, counts in sorted(self.flags.items())}
        total = [sum(c[i] for c in self.flags.values()) for i in range(3)]
        return {
            "figure_f1": 2 * p * r / (p + r) if tp else 0.0,
            "category_acc": self.category / tp if tp else 0.0,
            "qualifier_acc": self.qualifier / tp if tp else 0.0,
            "source_acc": self.source / tp if tp else 0.0,
            "date_acc": self.date / self.dated if self.dated else 0.0,
            "grouping_pair_f1": pair_f1(self.pairs),
            "flags_f1": _prf(*total)["f1"] if self.flags else 0.0,
            "flags": flags,
            "gold": self.gold,
            "dated": self.dated,
        }


def _prf(gold: int, pred: int, tp: int) -> dict:
    if not gold and not pred:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 0, "predicted": 0}
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if tp else 0.0, "gold": gold, "predicted": pred}


def story_folders(paths: list[Path]) -> list[Path]:
    """Story folders among `paths` (a story folder, or a folder of them)."""
    found = []
    for path in paths:
        if (path / "gold").is_dir():
            found.append(path)
        elif path.is_dir():
            found += sorted(d for d in path.iterdir() if (d / "gold").is_dir())
    if not found:
        raise GoldFileError("no story folders (with docs/ and gold/) found", path=", ".join(map(str, paths)))
    return found


def story_documents(folder: Path, prefix: str = "") -> list[Document]:
    """The story's documents with the metadata of `docs/meta.jsonl`."""
    meta = folder / "docs" / "meta.jsonl"
    out = []
    for number, line in enumerate(meta.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            m = json.loads(line)
            text = (folder / "docs" / m["doc"]).read_text(encoding="utf-8")
        except (json.JSONDecodeError, KeyError, OSError) as exc:
            raise GoldFileError(f"bad document entry ({exc})", path=str(meta), line=number) from exc
        published = date.fromisoformat(m["published"][:10]) if m.get("published") else None
        out.append(Document(prefix + m["doc"], text, m.get("title"), m.get("outlet"), m.get("url"), published))
    return out


def story_gold(folder: Path) -> tuple[list[dict], list[dict]]:
    """Gold claims (with `_span`) and gold flags of a story folder."""
    gold = [g for path in sorted((folder / "gold").glob("*.jsonl")) for g in load_gold(path)]
    for g, span in zip(gold, gold_spans(gold, folder / "docs"), strict=True):
        g["_span"] = span
    flags_path = folder / "flags.jsonl"
    flags = load_gold_flags(flags_path) if flags_path.exists() else []
    return gold, flags


def load_gold_flags(path: Path) -> list[dict]:
    flags = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                flags.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"invalid JSON ({exc.msg})", path=str(path), line=number) from exc
    return flags


def score_story(
    gold: list[dict],
    gold_flags: list[dict],
    pred: list[dict],
    pred_flags: list[dict],
    name: str,
    together: bool = False,
) -> StoryScore:
    """Counts for one story: `pred` are claim records with `measure`, `pred_flags` the
    report's flags (claims named by doc, start and end). Predicted groups are kept apart
    per story unless the stories were reconciled `together`."""
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p.get("doc") in docs]
    pairs = _match(gold, [g["_span"] for g in gold], pred)
    dated = [(g, p) for g, p in pairs if g.get("date")]
    result = StoryScore(
        gold=len(gold),
        predicted=len(pred),
        matched=len(pairs),
        category=sum(p.get("category") == g["category"] for g, p in pairs),
        qualifier=sum(p.get("qualifier") == g["qualifier"] for g, p in pairs),
        source=sum(source_ok(p, g) for g, p in pairs),
        dated=len(dated),
        date=sum((p.get("date") or "")[: len(g["date"])] == g["date"] for g, p in dated),
        pairs=[
            ({"measure": f"{name}/{g['measure']}"}, {"measure": _group(p.get("measure"), name, together)})
            for g, p in pairs
        ],
    )
    result.flags = score_flags(gold, gold_flags, [f for f in pred_flags if _names_docs(f, docs)])
    return result


def _group(measure: str | None, story: str, together: bool) -> str | None:
    return measure if together or measure is None else f"{story}/{measure}"


def _names_docs(flag: dict, docs: set[str]) -> bool:
    if flag.get("type") == "near_copy":
        return any(d in docs for d in flag.get("docs", []))
    return any(
        isinstance(flag.get(k), dict) and flag[k].get("doc") in docs for k in ("a", "b", "claim", "earlier", "later")
    )


def score_flags(gold: list[dict], gold_flags: list[dict], pred_flags: list[dict]) -> dict[str, list[int]]:
    """{type: [gold, predicted, matched]} under the contract's matching rule."""
    index = {(g["doc"], g["mention"], g.get("occurrence", 1)): g for g in gold}

    def copies(ref: dict) -> list[tuple[str, int, int]]:
        g = index.get((ref.get("doc"), ref.get("mention"), ref.get("occurrence", 1)))
        if g is None:
            raise GoldFileError(f"a gold flag names no gold claim: {ref}")
        same = [h for h in gold if h is g or _same_statement(g, h)]
        return [(h["doc"], *h["_span"]) for h in same]

    out: dict[str, list[int]] = {}
    for kind, keys in FLAG_TYPES.items():
        golds = [f for f in gold_flags if f.get("type") == kind]
        preds = [f for f in pred_flags if f.get("type") == kind]
        if kind == "near_copy":
            options = [[j for j, p in enumerate(preds) if set(p.get("docs", [])) == set(g["docs"])] for g in golds]
        else:
            resolved = [{k: copies(g[k]) for k in keys} for g in golds]
            options = [[j for j, p in enumerate(preds) if _flag_hits(kind, r, p)] for r in resolved]
        out[kind] = [len(golds), len(preds), _max_matching(options)]
    return out


def _same_statement(g: dict, h: dict) -> bool:
    if g.get("measure") != h.get("measure") or not same_value(g.get("value"), h.get("value")):
        return False
    if not g.get("source") or not h.get("source"):
        return False
    return source_ok({"source": h["source"]}, g) or source_ok({"source": g["source"]}, h)


def _hit(ref, spans) -> bool:
    if not isinstance(ref, dict):
        return False
    return any(ref.get("doc") == d and ref.get("start", 0) < e and ref.get("end", 0) > s for d, s, e in spans)


def _flag_hits(kind: str, gold: dict, pred: dict) -> bool:
    if kind == "conflict":
        a, b = pred.get("a"), pred.get("b")
        return (_hit(a, gold["a"]) and _hit(b, gold["b"])) or (_hit(a, gold["b"]) and _hit(b, gold["a"]))
    if kind == "misquote":
        return _hit(pred.get("claim"), gold["claim"])
    return _hit(pred.get("earlier"), gold["earlier"]) and _hit(pred.get("later"), gold["later"])


def _max_matching(options: list[list[int]]) -> int:
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(options)))


def evaluate_stories(paths: list[Path], together: bool = False) -> dict[str, dict]:
    """Per story and POOL: the scores of `KEYS`, flags per type."""
    from .extract import DocumentText, extract_many
    from .ingest import reconcile_batch
    from .reconcile.view import view_from
    from .report.data import flag_dicts

    folders = story_folders(paths)

    def run(documents: list[Document]) -> tuple[list[dict], list[dict]]:
        items = [DocumentText(d.text, d.id, d.published) for d in documents]
        claims = [c for group in extract_many(items) for c in group]
        rec = reconcile_batch(documents, claims)
        view = view_from(rec, claims, documents)
        return [c.record(with_measure=True) for c in rec.measured(claims)], flag_dicts(view)

    results: dict[str, dict] = {}
    pool = StoryScore()
    batches = {f.name: story_documents(f, f"{f.name}/" if together else "") for f in folders}
    shared = run([d for docs in batches.values() for d in docs]) if together else None
    for folder in folders:
        pred, pred_flags = shared if shared is not None else run(batches[folder.name])
        if together:
            pred, pred_flags = _unprefixed(pred, pred_flags, folder.name + "/")
        gold, gold_flags = story_gold(folder)
        counts = score_story(gold, gold_flags, pred, pred_flags, folder.name, together)
        results[folder.name] = counts.summary()
        pool.add(counts)
    results["POOL"] = pool.summary()
    return results


def _unprefixed(pred: list[dict], flags: list[dict], prefix: str) -> tuple[list[dict], list[dict]]:
    def strip(doc):
        return doc[len(prefix) :] if isinstance(doc, str) and doc.startswith(prefix) else None

    claims = [{**p, "doc": strip(p["doc"])} for p in pred if strip(p["doc"])]
    out = []
    for f in flags:
        g = dict(f)
        for k in ("a", "b", "claim", "like", "earlier", "later"):
            if isinstance(g.get(k), dict):
                g[k] = {**g[k], "doc": strip(g[k]["doc"])}
        if "docs" in g:
            g["docs"] = [strip(d) for d in g["docs"]]
        out.append(g)
    return claims, out
