"""CSV cells a spreadsheet will not run (OWASP's advice on CSV formula injection).

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
full-width forms) is read by spreadsheets as a formula; prefixing a single quote makes it
text. Numbers stay numbers: real ints and floats are never touched, and neither is a
string that is only a signed number ("-12", "+3.5"), which a spreadsheet reads as that
number and nothing else. The csv module's own quoting escapes embedded double quotes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_SIGNED_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """The value, with a leading single quote when it is text a spreadsheet would run."""
    if isinstance(value, str) and value and value[0] in FORMULA_STARTS and not _SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """Every cell of a row made safe with `safe_cell`."""
    return {key: safe_cell(value) for key, value in row.items()}
