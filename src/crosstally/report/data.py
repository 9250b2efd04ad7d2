"""Plain-data (JSON-ready) renderings of the reconciled view and of answers."""

from __future__ import annotations

import math

from ..ask import Answer
from ..reconcile.flags import Conflict, Estimate, Misquote, interval
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


def measure_dict(m: MeasureView, documents: dict) -> dict:
    return {
        "measure": m.measure,
        "category": m.category,
        "estimates": [estimate_dict(e, documents) for e in m.estimates],
        "sources": m.sources,
        "latest_by_source": {s: figure_label(e.claim) for s, e in m.latest_by_source().items()},
        "range": [m.low, m.high],
        "conflicts": [conflict_dict(c) for c in m.conflicts],
        "independent_estimates": len(m.independent()),
    }


def view_dict(view: LedgerView) -> dict:
    return {
        "measures": [measure_dict(m, view.documents) for m in view.measures],
        "misquotes": [misquote_dict(q) for q in view.misquotes],
        "near_copies": [{"doc": d, "copy_of": o} for d, o in view.near_copies],
    }


def answer_dict(answer: Answer, documents: dict) -> dict:
    return {"question": answer.question, "measures": [measure_dict(m, documents) for m in answer.measures]}
