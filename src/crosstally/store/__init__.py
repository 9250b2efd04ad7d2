"""The ledger store (DuckDB)."""

from .ledger import AddResult, Ledger, StoredDocument

__all__ = ["AddResult", "Ledger", "StoredDocument"]
