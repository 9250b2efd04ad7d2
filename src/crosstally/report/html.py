"""A single-file HTML report: no network, a timeline chart per measure (intervals drawn
as such), and each claim linked to its evidence sentence with the figure highlighted.

Every piece of document text is escaped: article text is untrusted.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape

from ..reconcile.flags import interval
from ..reconcile.view import LedgerView, MeasureView
from .data import evidence
from .terminal import figure_label

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
]

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #eee;
padding:.3rem .4rem;vertical-align:top;text-align:left}mark{background:#ffe066;padding:0 .1em}
.src{font-weight:600}.flag{color:#b00020}.misq{color:#7b1fa2}.muted{color:#777}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;
height:.8rem;margin-right:.3rem;border-radius:50%}
tr:target{background:#fff6cc}svg{max-width:100%;height:auto;background:#fafafa}
svg a.estimate{pointer-events:bounding-box}
"""


def highlighted(sentence: str, start: int, end: int) -> str:
    """The escaped sentence with the figure wrapped in <mark>."""
    if 0 <= start < end <= len(sentence):
        return escape(sentence[:start]) + "<mark>" + escape(sentence[start:end]) + "</mark>" + escape(sentence[end:])
    return escape(sentence)


#: Rows and chart marks one measure shows in the HTML report; the rest are counted, and
#: the JSON report, `--story` and the web app give them all.
MAX_ROWS = 200
#: Measures one HTML report draws; the index still lists every story.
MAX_SECTIONS = 300


def nice_step(raw: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) at least `raw`."""
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)


def _colors(m: MeasureView) -> dict[str, str]:
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(m.sources)}


def timeline_svg(m: MeasureView, anchor_prefix: str, width: int = 900, height: int = 260) -> str:
    """Estimates over time: a dot for a number, a bar for a band or range, an arrow for
    "more than", a bar from zero for "up to". Undated estimates sit in their own column."""
    colors = _colors(m)
    dates = sorted({e.when for e in m.estimates if e.when})
    undated = any(e.when is None for e in m.estimates)
    step = nice_step(max(max(e.claim.value_max or e.claim.value for e in m.estimates), 1) * 1.1 / 4)
    top = step * 4
    left, right, pad_top, pad_bottom = 70, 20, 15, 40
    plot_w, plot_h = width - left - right, height - pad_top - pad_bottom

    def x_of(when: date | None, jitter: int) -> float:
        slots = len(dates) + (1 if undated else 0)
        if when is None:
            index = 0
        else:
            if len(dates) > 1:
                span = (dates[-1] - dates[0]).days or 1
                frac = (when - dates[0]).days / span
                base = (1 if undated else 0) + frac * (len(dates) - 1)
                return left + plot_w * (base + 0.5) / slots + jitter * 7
            index = 1 if undated else 0
        return left + plot_w * (index + 0.5) / slots + jitter * 7

    def y_of(value: float) -> float:
        return pad_top + plot_h * (1 - min(value, top) / top)

    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="estimates of {escape(m.measure)} over time">'
    ]
    for k in range(5):
        value = step * k
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="#e5e5e5"/><text x="{left - 6}" y="{y + 4:.1f}" font-size="11" '
            f'text-anchor="end" fill="#666">{value:,.0f}</text>'
        )
    labels = ([(None, "undated")] if undated else []) + [(d, d.isoformat()) for d in dates]
    for when, label in labels:
        parts.append(
            f'<text x="{x_of(when, 0):.1f}" y="{height - 12}" font-size="11" '
            f'text-anchor="middle" fill="#666">{label}</text>'
        )
    seen: dict[tuple, int] = {}
    for i, e in enumerate(m.estimates[:MAX_ROWS]):
        slot = (e.when,)
        jitter = seen.get(slot, 0)
        seen[slot] = jitter + 1
        x = x_of(e.when, jitter - 1 if jitter else 0)
        color = colors[e.source_name]
        low, high = interval(e.claim)
        title = escape(f"{e.source_name}: {figure_label(e.claim)} ({e.claim.doc})")
        parts.append(
            f'<a href="#{anchor_prefix}-{i}" class="estimate" data-source="{escape(e.source_name)}">'
            f"<title>{title}</title>"
        )
        if math.isinf(high):
            y0 = y_of(low)
            parts.append(
                f'<line x1="{x:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{pad_top}" stroke="{color}" '
                f'stroke-width="3" stroke-dasharray="4 3"/><path d="M{x - 5:.1f},{pad_top + 7} '
                f'L{x:.1f},{pad_top} L{x + 5:.1f},{pad_top + 7}" stroke="{color}" fill="none" stroke-width="2"/>'
            )
        elif high - low > 0:
            parts.append(
                f'<line x1="{x:.1f}" y1="{y_of(low):.1f}" x2="{x:.1f}" y2="{y_of(high):.1f}" '
                f'stroke="{color}" stroke-width="5" stroke-linecap="round" opacity=".55"/>'
            )
        parts.append(f'<circle cx="{x:.1f}" cy="{y_of(e.claim.value):.1f}" r="5" fill="{color}"/></a>')
    parts.append("</svg>")
    legend = "".join(f'<span><i style="background:{c}"></i>{escape(s)}</span>' for s, c in colors.items())
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def measure_section(m: MeasureView, documents: dict, index: int) -> str:
    prefix = f"m{index}"
    rows = []
    for i, e in enumerate(m.estimates[:MAX_ROWS]):
        ev = evidence(e, documents)
        doc = documents.get(e.claim.doc)
        title = escape(getattr(doc, "title", None) or e.claim.doc)
        url = getattr(doc, "url", None)
        link = (
            f'<a href="{escape(url)}" rel="noreferrer">{title}</a>'
            if url and url.startswith(("http://", "https://"))
            else title
        )
        copy = f' <span class="muted">(near-copy of {escape(e.near_copy_of)})</span>' if e.near_copy_of else ""
        via = f' <span class="muted">via {escape(e.claim.via)}</span>' if e.claim.via else ""
        rows.append(
            f'<tr id="{prefix}-{i}"><td>{escape(e.when.isoformat() if e.when else "undated")}</td>'
            f'<td class="src">{escape(e.source_name)}{via}</td><td>{escape(figure_label(e.claim))}</td>'
            f"<td>{escape(e.outlet or '')}<br>{link}{copy}</td>"
            f'<td class="evidence">{highlighted(ev["sentence"], ev["figure_start"], ev["figure_end"])}</td></tr>'
        )
    more = len(m.estimates) - MAX_ROWS
    if more > 0:
        rows.append(
            f'<tr><td colspan="5" class="muted">… and {more:,} more estimates (see `report --format json`)</td></tr>'
        )
    conflicts = (
        "".join(
            f'<li class="flag">conflict: {escape(c.a.source_name)} {escape(figure_label(c.a.claim))} vs '
            f"{escape(c.b.source_name)} {escape(figure_label(c.b.claim))}</li>"
            for c in m.conflicts
        )
        + "".join(f"<li>revision: {escape(r.note)}</li>" for r in m.revisions)
        + "".join(
            f'<li class="misq">misquote: {escape(q.odd.outlet or q.odd.claim.doc)} carries '
            f"{escape(figure_label(q.odd.claim))} {escape(q.what)}</li>"
            for q in m.misquotes
        )
    )
    latest = "; ".join(f"{escape(s)}: {escape(figure_label(e.claim))}" for s, e in m.latest_by_source().items())
    span = f"{m.low:,.0f}" if m.low == m.high else f"{m.low:,.0f} – {m.high:,.0f}"
    return (
        f'<section class="measure" id="{escape(m.measure)}"><h2>{escape(m.label or m.measure)}</h2>'
        f'<p class="muted">{escape(m.measure)}'
        + (f' · part of <a href="#{escape(m.parent)}">{escape(m.parent)}</a>' if m.parent else "")
        + "</p>"
        f"<p>{escape(m.category)} · {len(m.estimates)} estimates from {len(m.sources)} sources · "
        f'range {span}</p><p class="muted">Latest per source: {latest}</p>'
        f"{timeline_svg(m, prefix)}"
        + (
            f'<details open><summary class="flag">{len(m.conflicts)} conflict(s), {len(m.revisions)} '
            f"revision(s), {len(m.misquotes)} misquote(s)</summary><ul>{conflicts}</ul></details>"
            if conflicts
            else ""
        )
        + "<table><thead><tr><th>date</th><th>source</th><th>figure</th><th>document</th>"
        f"<th>evidence</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _doc_name(view: LedgerView, doc_id: str) -> str:
    doc = view.documents.get(doc_id)
    outlet, title = getattr(doc, "outlet", None), getattr(doc, "title", None)
    return f"{outlet}: {title}" if outlet and title else outlet or title or doc_id


def _measure_link(m: MeasureView) -> str:
    return (
        f'<li><a href="#{escape(m.measure)}">{escape(m.label or m.measure)}</a> '
        f'<span class="muted">({len(m.estimates)})</span></li>'
    )


def _story_index(view: LedgerView, story) -> str:
    """A story's measures, those that name what they count first; the rest folded."""
    measures = [m for m in (view.measure(name) for name in story.measures) if m is not None]
    uncounted = [m for m in measures if not m.counted]
    named = "".join(_measure_link(m) for m in measures if m.counted)
    folded = "".join(_measure_link(m) for m in uncounted)
    rest = f"<details><summary>{len(uncounted)} more</summary><ul>{folded}</ul></details>"
    return (
        f'<li><b>{escape(story.title)}</b> <span class="muted">{escape(story.id)}</span><ul>{named}</ul>'
        + (rest if folded else "")
        + "</li>"
    )


def render_html(view: LedgerView, title: str = "crosstally report") -> str:
    """The whole report as one HTML document. Past `MAX_SECTIONS` measures only the
    largest are drawn (the report says so): `report --story` gives any story whole."""
    shown = sorted(view.measures, key=lambda m: (not m.counted, -len(m.estimates)))[:MAX_SECTIONS]
    order = {m.measure: n for n, m in enumerate(view.measures)}
    shown.sort(key=lambda m: order[m.measure])
    sections = "".join(measure_section(m, view.documents, i) for i, m in enumerate(shown))
    if len(shown) < len(view.measures):
        sections += (
            f'<p class="muted">{len(view.measures) - len(shown):,} smaller measures are not drawn here: '
            "run <code>crosstally report --story STORY --format html</code> for one story whole.</p>"
        )
    misquotes = "".join(
        f'<li class="misq"><b>{escape(q.source_name)}</b> ({escape(q.statement)}): '
        f"{escape(q.odd.outlet or q.odd.claim.doc)} carries {escape(figure_label(q.odd.claim))} "
        f"{escape(q.what)} by {escape(q.usual.outlet or q.usual.claim.doc)}</li>"
        for q in view.misquotes
    )
    copies = "".join(
        f"<li>{escape(_doc_name(view, d))} repeats {escape(_doc_name(view, o))}</li>" for d, o in view.near_copies
    )
    index = "".join(_story_index(view, story) for story in view.stories) or "".join(
        _measure_link(m) for m in view.measures
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{len(view.stories)} stories, {len(view.measures)} measures from "
        f"{len(view.documents)} documents.</p>"
        f'<ul class="index">{index}</ul>'
        + (f"<h2>Misquotes</h2><ul>{misquotes}</ul>" if misquotes else "")
        + (f"<h2>Near-copies</h2><ul>{copies}</ul>" if copies else "")
        + sections
        + "</body></html>"
    )
