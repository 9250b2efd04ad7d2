"""The ledger store (DuckDB)."""

from .ledger import AddResult, Ledger, MeasureSummary, StoredDocument

__all__ = ["AddResult", "Ledger", "MeasureSummary", "StoredDocument"]
