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


def _when(e) -> str:
    return e.when.isoformat() if e.when else "undated"


def measure_table(m, documents: dict, console: Console) -> None:
    """One measure: every estimate by date and source, with evidence; then the flags."""
    from .data import evidence

    table = Table(
        title=f"[bold]{m.measure}[/]  ({m.category}; {len(m.estimates)} estimates, {len(m.sources)} sources)",
        show_lines=False,
        expand=True,
        title_justify="left",
    )
    for name, ratio in (("date", 2), ("source", 3), ("figure", 2), ("outlet / doc", 3), ("evidence", 9)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for e in m.estimates:
        ev = evidence(e, documents)
        sentence = Text(ev["sentence"])
        if 0 <= ev["figure_start"] < ev["figure_end"] <= len(ev["sentence"]):
            sentence.stylize("bold yellow", ev["figure_start"], ev["figure_end"])
        doc = f"{e.outlet or ''} {e.claim.doc}".strip()
        if e.near_copy_of:
            doc += f" (copy of {e.near_copy_of})"
        table.add_row(_when(e), e.source_name, figure_label(e.claim), doc, sentence)
    console.print(table)
    latest = "; ".join(f"{s}: {figure_label(e.claim)} ({_when(e)})" for s, e in m.latest_by_source().items())
    console.print(f"  latest per source — {latest}")
    for c in m.conflicts:
        console.print(
            f"  [red]conflict[/]: {c.a.source_name} {figure_label(c.a.claim)} "
            f"({_when(c.a)}) vs {c.b.source_name} {figure_label(c.b.claim)} ({_when(c.b)})"
        )
    for r in m.revisions:
        console.print(f"  [cyan]revision[/]: {r.note} ({_when(r.earlier)} → {_when(r.later)})")
    for q in m.misquotes:
        console.print(
            f"  [magenta]misquote[/]: {q.odd.outlet or q.odd.claim.doc} carries {figure_label(q.odd.claim)} {q.what}"
        )


def ledger_report(view, stream) -> None:
    """The whole reconciled ledger for a terminal."""
    console = Console(file=stream, width=max(120, Console(file=stream).width))
    if not view.measures:
        console.print("The ledger holds no claims yet: add documents with `crosstally add`.")
        return
    shown = set()
    for story in view.stories:
        console.rule(f"[bold]{story.title}[/] ({story.id})")
        for name in story.measures:
            m = view.measure(name)
            if m is not None and m.counted:
                measure_table(m, view.documents, console)
                console.print()
                shown.add(name)
        folded = [n for n in story.measures if n not in shown]
        if folded:
            console.print(f"  [dim]{len(folded)} measures that name nothing counted: {', '.join(folded)}[/]\n")
            shown.update(folded)
    for m in view.measures:
        if m.measure not in shown:
            measure_table(m, view.documents, console)
            console.print()
    for q in view.misquotes:
        console.print(
            f"[magenta]misquote[/]: {q.source_name} ({q.statement}): {q.odd.outlet or q.odd.claim.doc} "
            f"carries {figure_label(q.odd.claim)} {q.what} by {q.usual.outlet or q.usual.claim.doc}"
        )
    for doc, original in view.near_copies:
        copy, first = view.documents.get(doc), view.documents.get(original)
        console.print(
            f"near-copy: {getattr(copy, 'outlet', None) or doc} ({doc}) repeats "
            f"{getattr(first, 'outlet', None) or original} ({original}); its claims are not independent"
        )


def answer_report(answer, documents: dict, stream) -> None:
    """An answer: every estimate of the matching measures, never a lone number."""
    console = Console(file=stream, width=max(120, Console(file=stream).width))
    if not answer.measures:
        console.print(f"No measure in the ledger matches {answer.question!r}.")
        return
    for m in answer.measures:
        span = f"{m.low:,.0f}" if m.low == m.high else f"{m.low:,.0f} to {m.high:,.0f}"
        console.print(
            f"[bold]{m.measure}[/]: estimates range from {span}, from "
            f"{len(m.sources)} source(s) in {len({e.claim.doc for e in m.estimates})} document(s)."
        )
        measure_table(m, documents, console)
        console.print()


def summary_table(summaries, stream) -> None:
    """One row per measure from the database summary."""
    console = Console(file=stream, width=max(120, Console(file=stream).width))
    table = Table(expand=True)
    for name in ("measure", "category", "claims", "sources", "range", "latest"):
        table.add_column(name, overflow="fold")
    for s in summaries:
        span = f"{s.low:,.0f}" if s.low == s.high else f"{s.low:,.0f} – {s.high:,.0f}"
        table.add_row(s.measure, s.category, f"{s.claims:,}", f"{s.sources:,}", span, s.last_date or "undated")
    console.print(table)
