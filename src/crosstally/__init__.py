"""crosstally: who said how many, when — figure claims from news, reconciled."""

from .claims import CATEGORIES, CLAIM_FIELDS, QUALIFIERS, Claim
from .extract import DocumentText, extract, extract_many
from .options import ExtractOptions

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES",
    "CLAIM_FIELDS",
    "QUALIFIERS",
    "Claim",
    "DocumentText",
    "ExtractOptions",
    "__version__",
    "extract",
    "extract_many",
]
