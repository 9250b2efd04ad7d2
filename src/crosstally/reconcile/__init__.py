"""Reconciliation across documents: stories, frames and measures, source entities,
statement times and flags (run.py), stored by the ledger and read by every view."""

from .run import DocInfo, Reconciliation, reconcile, reconcile_version

__all__ = ["DocInfo", "Reconciliation", "reconcile", "reconcile_version"]
