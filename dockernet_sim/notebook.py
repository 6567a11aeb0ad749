"""HTML pieces for notebook views: escaping, colours, small tables, badges, code spans.

The classes a notebook shows define their own ``_repr_html_`` (a network in
``libnetwork.model``, a container in ``daemon.container``, a command's ``Result``, a trace and a
reachability matrix in ``query``, the host in ``host``) and build it from these pieces, so that
every view looks alike. The views of a result, a trace and a matrix are here whole: they read
only the fields their Protocols name. Knows nothing of Docker: text in, HTML out.

>>> table(["a"], [[code("x<y")]])
"<table style='border-collapse:collapse;font-size:12px;margin:4px 0'><thead><tr><th style='padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top;color:#6b7280;font-weight:600'>a</th></tr></thead><tbody><tr><td style='padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top'><code style='font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,monospace'>x&lt;y</code></td></tr></tbody></table>"
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Optional, Protocol, Sequence, Union

# One colour per bridge (cycled): readable on white, distinguishable for common colour blindness
PALETTE = ("#2563eb", "#ea580c", "#059669", "#9333ea", "#0891b2", "#db2777", "#ca8a04", "#4b5563")
INK, MUTED = "#1f2937", "#6b7280"
FONT = "ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,monospace"

TABLE_STYLE = "border-collapse:collapse;font-size:12px;margin:4px 0"
CELL_STYLE = "padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top"
MONO_STYLE = f"font-family:{FONT}"


def esc(s: object) -> str:
    from html import escape   # on first use: html pulls in its entity table, which a terminal never needs
    return escape(str(s), quote=True)


def tint(colour: str, keep: float = 0.14) -> str:
    """A pale version of ``colour`` (mixed with white) for fills."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - v) * keep) for v in (r, g, b)]
    return "#" + "".join(f"{v:02x}" for v in mix)


def table(head: list[str], rows: Iterable[list[str]]) -> str:
    """A small table; ``rows`` are already-escaped HTML cells."""
    th = "".join(f"<th style='{CELL_STYLE};color:{MUTED};font-weight:600'>{esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td style='{CELL_STYLE}'>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table style='{TABLE_STYLE}'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def code(s: object) -> str:
    return f"<code style='{MONO_STYLE}'>{esc(s)}</code>"


def badge(text: str, colour: str) -> str:
    return (f"<span style='background:{tint(colour, 0.16)};color:{colour};border:1px solid {colour};"
            f"border-radius:9px;padding:0 7px;font-size:11px;font-weight:600'>{esc(text)}</span>")


def bracket(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


def address_texts(addresses: Iterable[tuple[object, int]]) -> list[str]:
    """``ADDR/LEN`` of each (address, prefix length), IPv6 link-local ones left out: they add
    noise, not information, to a picture."""
    return [f"{a}/{n}" for a, n in addresses if not str(a).startswith("fe80")]


def port_texts(name: str, published: Mapping[str, Sequence[Mapping[str, str]]]) -> list[tuple[str, str]]:
    """(short, full) texts for each published port of container ``name``: ``0.0.0.0:8080→80/tcp``."""
    out = []
    for cport, binds in sorted(published.items()):
        if not binds:
            continue
        first = binds[0]
        hip = bracket(first.get("HostIp", "") or "0.0.0.0")
        full = ", ".join(f"{bracket(b.get('HostIp', ''))}:{b.get('HostPort', '')}" for b in binds)
        out.append((f"{hip}:{first.get('HostPort', '')}→{cport}", f"{full} → {name}:{cport}"))
    return out


class ResultView(Protocol):
    """A command's outcome (``result.Result`` is one)."""

    command: str
    exit_code: int

    def streams(self) -> tuple[tuple[int, str], ...]: ...


def result_html(result: ResultView) -> str:
    """A command's result, as a terminal shows it: prompt and command, output and errors (in red)
    in the order they were written."""
    out = (f"<span style='color:#86efac'>$</span> <span style='color:#f9fafb'>{esc(result.command)}</span>\n"
           if result.command else "")
    for fd, text in result.streams():
        out += esc(text) if fd == 1 else f"<span style='color:#fca5a5'>{esc(text)}</span>"
    code = result.exit_code
    # the exit code always shows: a lesson reads 0 as much as 1
    tail = f"<span class='dn-exit' style='color:{'#86efac' if code == 0 else '#fca5a5'}'>[exit {esc(code)}]</span>"
    return (f"<pre class='dn-result' style='background:#111827;color:#e5e7eb;padding:8px 10px;"
            f"border-radius:6px;{MONO_STYLE};font-size:12px;line-height:1.35;white-space:pre;overflow-x:auto'>"
            f"{out.rstrip()}{chr(10) + tail if tail else ''}</pre>")


class HopView(Protocol):
    """One step of a trace, as drawn (``query.walk.Hop`` is one)."""

    where: str
    kind: str
    text: str
    phase: str


class TraceView(Protocol):
    """What a trace view reads (``query.Trace`` is one)."""

    src: str
    dst: str
    proto: str
    port: Optional[int]
    verdict: str
    reason: str

    @property
    def hops(self) -> Sequence[HopView]: ...

    @property
    def src_ip(self) -> object: ...

    @property
    def dst_ip(self) -> object: ...

    def decided_by(self) -> str: ...

    @property
    def lesson(self) -> str: ...


class MatrixView(Protocol):
    """A who-reaches-whom matrix (``query.Reachability`` is one)."""

    names: list[str]

    @property
    def traces(self) -> Mapping[tuple[str, str], TraceView]: ...

    def legend(self) -> str: ...


_VERDICT_COLOUR = {"reachable": "#059669", "refused": "#d97706"}


def _verdict_colour(v: str) -> str:
    return _VERDICT_COLOUR.get(v, "#dc2626")


def trace_html(trace: TraceView) -> str:
    """A trace: the verdict, then each hop (grouped by request/reply phase) and what decided it."""
    v = trace.verdict
    port = trace.port
    what = f"{trace.proto}/{port}" if port is not None else trace.proto
    ips = ""
    if trace.dst_ip is not None:
        ips = f" <span style='color:{MUTED}'>{esc(trace.src_ip or '?')} → {esc(trace.dst_ip)}</span>"
    head = (f"<div style='font-size:13px'><b>{esc(trace.src)}</b> → <b>{esc(trace.dst)}</b> {code(what)}{ips} "
            f"{badge(v, _verdict_colour(v))}</div>")
    rows: list[list[str]] = []
    phase = None
    hops = list(trace.hops)
    for k, hop in enumerate(hops):
        if hop.phase != phase:
            phase = hop.phase
            rows.append([f"<i style='color:{MUTED}'>{esc(hop.phase)}</i>", "", "", ""])
        last = k == len(hops) - 1 and v != "reachable"
        text = code(hop.text)
        if last:
            text = f"<b style='color:{_verdict_colour(v)}'>{text}</b>"
        rows.append([str(k + 1), esc(hop.where), esc(hop.kind), text])
    foot = (f"<div style='font-size:12px'>decided by: {code(trace.reason)}</div>"
            if trace.reason and v != "reachable" else "")
    foot += f"<div class='dn-lesson' style='font-size:12px'><i>why: {esc(trace.lesson)}</i></div>"
    return f"<div class='dn-trace'>{head}" + table(["#", "where", "kind", "step"], rows) + f"{foot}</div>"


# a matrix cell's word for each verdict: the text view (query.Reachability.__str__) and the HTML
# table use these same words, and both carry the legend
MATRIX_WORDS = {"reachable": "ok", "dropped": "DROP", "no route": "noroute", "unreachable": "unreach",
                "refused": "refused", "no address": "-", "bad address": "?"}
_CELL = MATRIX_WORDS


def matrix_legend(proto: str = "") -> str:
    head = f"row -> column ({proto}): " if proto else "row -> column: "
    return head + ", ".join(f"{word} = {verdict}" for verdict, word in MATRIX_WORDS.items())

Cell = Union[TraceView, str]


def _matrix_cells(m: "MatrixView | Mapping[tuple[str, str], Cell]"
                  ) -> tuple[list[str], list[str], Callable[[str, str], Optional[Cell]]]:
    """(rows, cols, lookup) from a Reachability or a ``{(a, b): trace-or-verdict}`` mapping."""
    if isinstance(m, Mapping):
        cells: Mapping[tuple[str, str], Cell] = m
        rows = list(dict.fromkeys(a for a, _ in cells))
        cols = list(dict.fromkeys(b for _, b in cells))
        return rows, cols, lambda a, b: cells.get((a, b))
    traces = m.traces
    return list(m.names), list(m.names), lambda a, b: traces.get((a, b))


def matrix_html(matrix: "MatrixView | Mapping[tuple[str, str], Cell]") -> str:
    """A who-reaches-whom matrix: rows are sources, columns destinations; hover a cell for the
    rule or object that decided it."""
    rows, cols, look = _matrix_cells(matrix)
    th = "".join(f"<th style='{CELL_STYLE};{MONO_STYLE}'>{esc(b)}</th>" for b in cols)
    body = []
    for a in rows:
        tds = []
        for b in cols:
            t = look(a, b)
            if a == b or t is None:
                tds.append(f"<td style='{CELL_STYLE};background:#f9fafb'></td>")
                continue
            v = t if isinstance(t, str) else t.verdict
            tip = "" if isinstance(t, str) else f"{t.decided_by()} | {t.lesson}"
            c = _verdict_colour(v)
            tds.append(f"<td style='{CELL_STYLE};background:{tint(c, 0.14)};color:{c};text-align:center;{MONO_STYLE}' "
                       f"title='{esc(tip)}'>{esc(_CELL.get(v, v))}</td>")
        body.append(f"<tr><th style='{CELL_STYLE};{MONO_STYLE}'>{esc(a)}</th>{''.join(tds)}</tr>")
    legend = matrix.legend() if not isinstance(matrix, Mapping) else matrix_legend()
    return (f"<table class='dn-matrix' style='{TABLE_STYLE}'><thead><tr><th style='{CELL_STYLE};color:{MUTED}'>row \\ column</th>"
            f"{th}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<div class='dn-legend' style='font-size:12px'>{esc(legend)}</div>")
