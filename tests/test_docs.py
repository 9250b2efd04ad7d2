"""The README documents every command the CLI has."""

from __future__ import annotations

from pathlib import Path

from crosstally.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_command_is_documented():
    text = README.read_text(encoding="utf-8")
    for name in main.commands:
        assert f"crosstally {name}" in text, f"`crosstally {name}` is not in the README"


def test_every_extract_option_is_documented():
    text = README.read_text(encoding="utf-8")
    for param in main.commands["extract"].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in text, f"{opt} is not in the README"
