"""HTML pieces for notebook views: escaping, colours, small tables, badges, code spans.

The classes a notebook shows define their own ``_repr_html_`` (a network in
``libnetwork.model``, a container in ``daemon.container``, a command's ``Result``, a trace and a
reachability matrix in ``query``, the host in ``host``) and build it from these pieces, so that
every view looks alike. Knows nothing of Docker: text in, HTML out.

>>> table(["a"], [[code("x<y")]])
"<table style='border-collapse:collapse;font-size:12px;margin:4px 0'><thead><tr><th style='padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top;color:#6b7280;font-weight:600'>a</th></tr></thead><tbody><tr><td style='padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top'><code style='font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,monospace'>x&lt;y</code></td></tr></tbody></table>"
"""

from __future__ import annotations

import html
from typing import Iterable, Mapping, Sequence

# One colour per bridge (cycled): readable on white, distinguishable for common colour blindness
PALETTE = ("#2563eb", "#ea580c", "#059669", "#9333ea", "#0891b2", "#db2777", "#ca8a04", "#4b5563")
INK, MUTED = "#1f2937", "#6b7280"
FONT = "ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,monospace"

TABLE_STYLE = "border-collapse:collapse;font-size:12px;margin:4px 0"
CELL_STYLE = "padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top"
MONO_STYLE = f"font-family:{FONT}"


def esc(s: object) -> str:
    return html.escape(str(s), quote=True)


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
