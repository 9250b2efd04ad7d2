"""Claims and ledger reports for a terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..claims import Claim


def evidence_text(claim: Claim, text: str | None) -> Text:
    """The claim's sentence with its figure highlighted."""
    if not text or claim.evidence_end <= claim.evidence_start:
        return Text(claim.mention, style="bold yellow")
    sentence = text[claim.evidence_start : claim.evidence_end]
    out = Text(sentence)
    start, end = claim.start - claim.evidence_start, claim.end - claim.evidence_start
    if 0 <= start < end <= len(sentence):
        out.stylize("bold yellow", start, end)
    return out


def figure_label(claim: Claim) -> str:
    """ "more than 3,000" as value, range and unit: "≥3,000", "10,000–12,000", "20%"."""

    def fmt(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    core = fmt(claim.value)
    if claim.value_max is not None:
        core = f"{core}–{fmt(claim.value_max)}"
    prefix = {"min": "≥", "max": "≤", "approx": "~"}.get(claim.qualifier, "")
    unit = {"percent": "%", "times": "×"}.get(claim.unit or "", f" {claim.unit}" if claim.unit else "")
    per = f"/{claim.per}" if claim.per else ""
    return f"{prefix}{core}{unit}{per}"


def claims_table(claims: list[Claim], texts: dict[str, str], stream) -> None:
    """One row per claim, with its evidence sentence."""
    console = Console(
        file=stream,
        width=max(120, Console(file=stream).width),
        force_terminal=stream.isatty() if hasattr(stream, "isatty") else False,
    )
    table = Table(show_lines=True, expand=True)
    for name, ratio in (
        ("doc", 2),
        ("figure", 2),
        ("category", 2),
        ("counted", 3),
        ("source (via)", 3),
        ("when", 2),
        ("evidence", 8),
    ):
        table.add_column(name, ratio=ratio, overflow="fold")
    for c in claims:
        source = c.source or "(the outlet)"
        if c.via:
            source += f" (via {c.via})"
        when = " ".join(x for x in (c.time_text or "", f"[{c.date}]" if c.date else "") if x)
        table.add_row(
            c.doc,
            figure_label(c),
            c.category,
            c.counted,
            source,
            when,
            evidence_text(c, texts.get(c.doc)),
        )
    console.print(table)
