"""Plain-data (JSON-ready) renderings of the reconciled view and of answers."""

from __future__ import annotations

import math

from ..ask import Answer
from ..reconcile.flags import Conflict, Estimate, interval
from ..reconcile.misquotes import Misquote
from ..reconcile.view import LedgerView, MeasureView
from .terminal import figure_label


def evidence(e: Estimate, documents: dict) -> dict:
    """The sentence a claim was read from, and where the figure sits in it."""
    doc = documents.get(e.claim.doc)
    text = doc.text if doc is not None else ""
    c = e.claim
    sentence = text[c.evidence_start : c.evidence_end] if text else c.mention
    return {
        "sentence": sentence,
        "figure_start": c.start - c.evidence_start,
        "figure_end": c.end - c.evidence_start,
    }


def estimate_dict(e: Estimate, documents: dict) -> dict:
    low, high = interval(e.claim)
    doc = documents.get(e.claim.doc)
    return {
        "claim": e.claim.record(with_measure=True),
        "figure": figure_label(e.claim),
        "source": e.source_name,
        "source_key": e.source_key,
        "date": e.when.isoformat() if e.when else None,
        "document": {
            "id": e.claim.doc,
            "title": getattr(doc, "title", None),
            "outlet": e.outlet,
            "url": getattr(doc, "url", None),
        },
        "near_copy_of": e.near_copy_of,
        "interval": [low, None if math.isinf(high) else high],
        "evidence": evidence(e, documents),
    }


def conflict_dict(c: Conflict) -> dict:
    return {
        "measure": c.measure,
        "between": [
            {
                "source": x.source_name,
                "figure": figure_label(x.claim),
                "date": x.when.isoformat() if x.when else None,
                "doc": x.claim.doc,
            }
            for x in (c.a, c.b)
        ],
    }


def misquote_dict(m: Misquote) -> dict:
    return {
        "source": m.source_name,
        "statement": m.statement,
        "what": m.what,
        "odd": {
            "doc": m.odd.claim.doc,
            "figure": figure_label(m.odd.claim),
            "category": m.odd.claim.category,
            "outlet": m.odd.outlet,
        },
        "usual": {
            "doc": m.usual.claim.doc,
            "figure": figure_label(m.usual.claim),
            "category": m.usual.claim.category,
            "outlet": m.usual.outlet,
        },
    }


def _named(e: Estimate) -> dict:
    return {"doc": e.claim.doc, "start": e.claim.start, "end": e.claim.end, "mention": e.claim.mention}


def flag_dicts(view: LedgerView) -> list[dict]:
    """Every flag in the shape of the contract's "Flags" section, claims named by doc,
    start and end (so that `flag_score.py` can compare them with an analyst's)."""
    out: list[dict] = []
    for m in view.measures:
        out += [{"type": "conflict", "measure": m.measure, "a": _named(c.a), "b": _named(c.b)} for c in m.conflicts]
        out += [
            {"type": "revision", "measure": m.measure, "earlier": _named(r.earlier), "later": _named(r.later)}
            for r in m.revisions
        ]
    out += [
        {
            "type": "misquote",
            "measure": q.odd.claim.measure,
            "claim": _named(q.odd),
            "like": _named(q.usual),
            "note": q.what,
        }
        for q in view.misquotes
    ]
    out += [{"type": "near_copy", "docs": [original, copy]} for copy, original in view.near_copies]
    return out


def measure_dict(m: MeasureView, documents: dict) -> dict:
    return {
        "measure": m.measure,
        "story": m.story,
        "label": m.label,
        "parent": m.parent,
        "category": m.category,
        "estimates": [estimate_dict(e, documents) for e in m.estimates],
        "sources": m.sources,
        "latest_by_source": {s: figure_label(e.claim) for s, e in m.latest_by_source().items()},
        "range": [m.low, m.high],
        "conflicts": [conflict_dict(c) for c in m.conflicts],
        "revisions": [
            {"earlier": figure_label(r.earlier.claim), "later": figure_label(r.later.claim), "note": r.note}
            for r in m.revisions
        ],
        "misquotes": [misquote_dict(q) for q in m.misquotes],
        "independent_estimates": len(m.independent()),
    }


def view_dict(view: LedgerView) -> dict:
    return {
        "stories": [{"id": s.id, "title": s.title, "measures": list(s.measures)} for s in view.stories],
        "measures": [measure_dict(m, view.documents) for m in view.measures],
        "misquotes": [misquote_dict(q) for q in view.misquotes],
        "near_copies": [{"doc": d, "copy_of": o} for d, o in view.near_copies],
        "flags": flag_dicts(view),
    }


def answer_dict(answer: Answer, documents: dict) -> dict:
    return {"question": answer.question, "measures": [measure_dict(m, documents) for m in answer.measures]}
