"""Reconciliation across documents: measures, sources, intervals, conflicts."""

from .measures import assign_measures, measure_id

__all__ = ["assign_measures", "measure_id"]
