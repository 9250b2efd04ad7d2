"""The reconciled ledger as Markdown."""

from __future__ import annotations

from ..reconcile.view import LedgerView
from .data import evidence
from .terminal import figure_label


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(view: LedgerView, title: str = "crosstally report") -> str:
    lines = [f"# {title}", ""]
    for m in view.measures:
        lines += [
            f"## {m.measure}",
            "",
            f"{m.category}; {len(m.estimates)} estimates from {len(m.sources)} sources.",
            "",
            "| date | source | figure | document | evidence |",
            "|---|---|---|---|---|",
        ]
        for e in m.estimates:
            ev = evidence(e, view.documents)
            s, a, b = ev["sentence"], ev["figure_start"], ev["figure_end"]
            sentence = s[:a] + "**" + s[a:b] + "**" + s[b:] if 0 <= a < b <= len(s) else s
            lines.append(
                f"| {e.when or 'undated'} | {_cell(e.source_name)} | {_cell(figure_label(e.claim))} "
                f"| {_cell((e.outlet or '') + ' ' + e.claim.doc)} | {_cell(sentence)} |"
            )
        for c in m.conflicts:
            lines.append(
                f"\n- conflict: {c.a.source_name} {figure_label(c.a.claim)} vs "
                f"{c.b.source_name} {figure_label(c.b.claim)}"
            )
        lines.append("")
    if view.misquotes:
        lines += ["## Misquotes", ""]
        lines += [
            f"- {q.source_name} ({q.statement}): {q.odd.outlet or q.odd.claim.doc} carries "
            f"{figure_label(q.odd.claim)} {q.what}"
            for q in view.misquotes
        ]
    if view.near_copies:
        lines += ["", "## Near-copies", ""] + [f"- {d} repeats {o}" for d, o in view.near_copies]
    return "\n".join(lines) + "\n"
