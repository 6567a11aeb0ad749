"""Notebook display: HTML for hosts, networks, containers, results, traces and reachability
matrices, and an SVG drawing of the host.

Everything here *reads* the model and returns text (HTML or SVG); nothing changes the host.
The drawing is built from the kernel objects a person would inspect with ``ip a`` and ``brctl
show`` (namespaces, veth pairs, bridge ports) plus the containers that own the namespaces, so it
shows what Docker programmed, not what it was asked for. Layout is a pure function of the host:
the same host gives byte-identical SVG.

The picture, top to bottom: the host's namespace as one big box (``eth0`` and the published
ports on its top edge, host-mode containers inside it, one Linux bridge per column at its
bottom); below it one box per container namespace in the column of the bridge its ``eth0`` is
plugged into, with ``lo`` and each ``ethN@ifM`` and its addresses; a line per veth pair from the
bridge port to the container's interface (the host end's name written along it). A macvlan
parent gets a column as a bridge does, and its children hang off it (``macvlan MODE`` along the
line). A
``container:`` mode container is listed inside its donor's box: they share the namespace.
Containers with no network namespace of their own (``none`` mode: ``lo`` only) and stopped ones
sit in a last column.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=0)
>>> _ = h.run("busybox", name="web")
>>> svg = host_svg(h)
>>> svg.startswith("<svg") and "172.17.0.2/16" in svg
True
"""

from __future__ import annotations

import math
import os
from typing import Any, Optional

from .records import Record, field
from .daemon.container import Container
from .libnetwork.model import Network
from .notebook import (FONT, INK, MUTED, PALETTE, HopView, MatrixView, ResultView, TraceView, address_texts,
                       badge as _badge, code as _code, esc as _e, matrix_html, port_texts, result_html,
                       table as _table, tint as _tint, trace_html)

__all__ = ["Drawing", "draw", "host_svg", "host_html", "network_html", "container_html", "result_html",
           "trace_html", "matrix_html", "PALETTE", "ResultView", "TraceView", "HopView", "MatrixView"]

LINE, HOST_FILL, BOX_FILL = "#9ca3af", "#f3f4f6", "#ffffff"
HOSTMODE_FILL, HOSTMODE_LINE, PORT_FILL, PORT_LINE = "#fef3c7", "#d97706", "#fee2e2", "#dc2626"
# monospace advance is 0.6 em; rounded up so estimated widths never undershoot
CW, CW_SMALL, CW_TITLE = 6.7, 5.8, 7.6          # at 11px, 9.5px and 12.5px


def _w(text: str, cw: float = CW) -> int:
    return int(math.ceil(len(text) * cw))


class _Iface(Record):
    label: str                      # eth0@if7, lo
    addrs: list[str]
    bridge: Optional[str] = None    # the host bridge its veth peer is a port of
    host_end: str = ""              # vethc8f8e3d@if2 (a macvlan: "macvlan MODE")
    macvlan: bool = False           # a macvlan child of the column's parent, not a veth
    y: int = 0                      # centre line, once laid out


class _Box(Record):
    key: str                        # netns name, or the container's name when it has none
    kind: str                       # netns | none | stopped
    titles: list[str]
    caption: str
    ports: list[str]
    ifaces: list[_Iface]
    x: int = 0
    y: int = 0
    w: int = 0
    h: int = 0


class _Column(Record):
    bridge: Optional[str]           # None: the column of containers not on any bridge
    lines: list[str]                # the bridge box's text
    colour: str
    boxes: list[_Box] = field(default_factory=list)
    device: str = "Linux bridge"    # what the column's head is ("macvlan parent")
    x: int = 0
    w: int = 0
    lanes_w: int = 0
    label_w: int = 0


class _Tab(Record):
    text: str
    tip: str
    kind: str                       # eth | port
    x: int = 0
    y: int = 0
    w: int = 0


def _addr_text(link: Any) -> list[str]:
    return address_texts((a.ip, a.prefixlen) for a in link.addresses)


def _sorted_containers(host: Any) -> list[Any]:
    return sorted(host.containers.values(), key=lambda c: (c.created_ns, c.name))


def _netns_of(host: Any, c: Any) -> Any:
    try:
        return host.container_netns(c)
    except Exception:  # a half-built container: draw it as having no namespace
        return None


def _port_texts(c: Any) -> list[tuple[str, str]]:
    """(short, full) texts for each published port: ``0.0.0.0:8080→80/tcp``."""
    return port_texts(c.name, c.ports_published or {})


def _scene(host: Any) -> tuple[list[_Column], list[_Tab], list[str], list[str]]:
    """Columns (one per host bridge, plus the unattached one), top-edge tabs, host-mode
    containers, and the host's header lines."""
    hns = host.kernel.host
    nets = {n.bridge: n for n in host.ctl.networks.values() if n.bridge}
    columns: dict[Optional[str], _Column] = {}
    for i, br in enumerate(l for l in hns.sorted_links() if l.kind == "bridge"):
        n = nets.get(br.name)
        lines = [f"{br.name}  {' '.join(_addr_text(br)) or '(no address)'}"]
        if n is not None:
            extra = " · internal" if n.internal else ""
            sub = n.subnet4
            lines.append(f"network {n.name}" + (f" · {sub}" if sub else "") + extra)
        else:
            lines.append("(not a Docker network)")
        columns[br.name] = _Column(br.name, lines, PALETTE[i % len(PALETTE)])
    # a macvlan parent is a column too: its children hang off it, not off a bridge
    parents = sorted({id(l.lower): l.lower for ns in host.kernel.namespaces.values() for l in ns.links.values()
                      if l.kind == "macvlan" and l.lower is not None and l.lower.netns is hns}.values(),
                     key=lambda l: l.index)
    by_parent = {}
    for n in host.ctl.networks.values():
        if n.driver == "macvlan":
            by_parent.setdefault(n.options.get("parent", ""), []).append(n)
    for j, parent in enumerate(parents):
        lines = [f"{parent.name}  {' '.join(_addr_text(parent)) or '(no address)'} · macvlan parent"]
        for n in by_parent.get(parent.name, []):
            sub = n.subnet4
            lines.append(f"network {n.name}" + (f" · {sub}" if sub else "") +
                         f" · {n.options.get('macvlan_mode') or 'bridge'} mode")
        if len(lines) == 1:
            lines.append("(the host's own macvlans)")
        columns[parent.name] = _Column(parent.name, lines, PALETTE[(len(columns) + j) % len(PALETTE)],
                                       device="macvlan parent")
    loose = _Column(None, ["no network namespace", "of its own, or stopped"], MUTED)

    groups: dict[str, list[Any]] = {}
    spaces: dict[str, Any] = {}
    host_mode: list[str] = []
    tabs: list[_Tab] = []
    for c in _sorted_containers(host):
        ns = _netns_of(host, c)
        if ns is hns:
            host_mode.append(c.name)
        elif ns is not None:
            groups.setdefault(ns.name, []).append(c)
            spaces[ns.name] = ns
        else:
            what = c.state
            loose.boxes.append(_Box(c.name, "stopped", [c.name], f"{what} · no netns", [], []))
        for short, full in _port_texts(c):
            tabs.append(_Tab(short.split("→")[0] + f" → {c.name}:" + short.split("→")[1], full, "port"))

    for key, members in groups.items():
        ns = spaces[key]
        owner = next((c for c in members if c.mode_kind != "container"), members[0])
        ordered = [owner] + [c for c in members if c is not owner]
        titles = [owner.name] + [f"+ {c.name} (container:{owner.name})" for c in ordered[1:]]
        ifaces: list[_Iface] = []
        default_dev = next((r.dev for r in ns.routes if r.dst is None), None)
        for link in ns.sorted_links():
            peer = link.peer
            # the MAC (container: mode's lesson is "same MAC") and which interface holds the default route
            mac = [f"mac {link.mac}"] if link.mac and link.kind != "loopback" else []
            mac += ["holds the default route"] if link.name == default_dev else []
            if link.kind == "veth" and peer is not None and peer.netns is hns:
                ifaces.append(_Iface(f"{link.name}@if{peer.index}", _addr_text(link) + mac,
                                     peer.master.name if peer.master is not None else None,
                                     f"{peer.name}@if{link.index}"))
            elif link.kind == "macvlan" and link.lower is not None and link.lower.netns is hns:
                ifaces.append(_Iface(f"{link.name}@{link.lower.name}", _addr_text(link), link.lower.name,
                                     f"macvlan {link.macvlan_mode}", macvlan=True))
            elif link.kind == "loopback":    # one line: every namespace has the same lo
                ifaces.append(_Iface(link.name, [" ".join(_addr_text(link))]))
            else:
                ifaces.append(_Iface(link.name, _addr_text(link) + mac))
        mode = owner.mode_kind
        kind = "none" if all(i.label == "lo" for i in ifaces) else "netns"
        caption = f"netns {key[:12]} · {mode} mode" + (" · shared" if len(ordered) > 1 else "")
        ports = [p for c in ordered for p, _ in _port_texts(c)]
        box = _Box(key, kind, titles, caption, ports, ifaces)
        target = next((columns[i.bridge] for i in ifaces if i.bridge in columns), loose)
        target.boxes.append(box)
    cols = list(columns.values()) + ([loose] if loose.boxes else [])
    eth = [l for l in hns.sorted_links() if l.kind == "ether"]
    for l in eth[:1]:
        tabs.insert(0, _Tab(f"{l.name} {' '.join(_addr_text(l))}", f"{l.name} (the host's NIC)", "eth"))
    head = [f"host · {host.host.hostname or 'docker host'}",
            f"Docker Engine {host.profile.name} · {len(host.containers)} containers"]
    return cols, tabs, host_mode, head


# --- layout ------------------------------------------------------------------------------------------

M = 16            # outer margin
GAP = 28          # between columns
LANE = 7          # between veth lanes
ROW = 16          # an address line inside a box


def _box_size(b: _Box) -> tuple[int, int]:
    pill = max((_w(i.label, CW_SMALL) + 10 for i in b.ifaces), default=0)
    addr = max((_w(a) for i in b.ifaces for a in i.addrs), default=0)
    w = max([_w(t, CW_TITLE) + 20 for t in b.titles[:1]] + [_w(t, CW_SMALL) + 20 for t in b.titles[1:]]
            + [_w(b.caption, CW_SMALL) + 20, _w("ports " + " ".join(b.ports), CW_SMALL) + 20 if b.ports else 0,
               16 + pill + 8 + addr + 12, 180])
    h = 10 + 17 + 14 * (len(b.titles) - 1) + 14 + (14 if b.ports else 0) + 4
    h += sum(ROW * max(1, len(i.addrs)) + 4 for i in b.ifaces) + 6
    return w, h


def _veth_label(i: _Iface, col: _Column) -> str:
    """The host end's name; on a port of another column's bridge, which bridge too (that veth is
    drawn as a stub ending in the bridge's colour, so no line crosses another)."""
    return i.host_end if i.bridge == col.bridge else f"{i.host_end} → {i.bridge}"


def _layout(cols: list[_Column], tabs: list[_Tab], host_mode: list[str], head: list[str]) -> dict[str, Any]:
    for col in cols:
        links = sum(1 for b in col.boxes for i in b.ifaces if i.bridge)
        col.lanes_w = 14 + LANE * links if links else 14
        col.label_w = max((_w(_veth_label(i, col), CW_SMALL) + 14 for b in col.boxes for i in b.ifaces if i.bridge),
                          default=0)
        sizes = [_box_size(b) for b in col.boxes]
        bw = max([w for w, _ in sizes] + [180])
        for b, (_, h) in zip(col.boxes, sizes):
            b.w, b.h = bw, h
        col.w = max(col.lanes_w + col.label_w + bw, max(_w(t, CW) for t in col.lines) + 24)
    # the host strip: lo, then host-mode containers, as small boxes
    strip = [("lo 127.0.0.1/8", "lo")] + [(n, "hostmode") for n in host_mode]
    cols_w = sum(c.w for c in cols) + GAP * max(0, len(cols) - 1)
    head_w = max(_w(head[0], CW_TITLE), _w(head[1], CW_SMALL))
    for t in tabs:
        t.w = _w(t.text, CW_SMALL) + 14
    inner_w = max(cols_w, 500, 24 + head_w + 24 + (max(t.w for t in tabs) if tabs else 0))
    width = inner_w + 2 * 14
    x0 = M
    top = M + 34                                  # room for the outside world above eth0
    # tabs: along the top edge, wrapping into rows inside the box
    tx, ty = x0 + 24 + head_w + 24, top
    for t in tabs:
        if tx + t.w > x0 + width - 14:
            tx, ty = x0 + 24 + head_w + 24, ty + 24
        t.x, t.y = tx, ty
        tx += t.w + 8
    y = max(top + 44, ty + 24)
    # strip boxes
    sx, strip_boxes = x0 + 14, []
    for text, kind in strip:
        label = text if kind == "lo" else f"{text} (host mode)"
        w = _w(label, CW_SMALL) + 18
        if sx + w > x0 + width - 14:
            sx, y = x0 + 14, y + 32
        strip_boxes.append((label, kind, sx, y, w))
        sx += w + 10
    y += 26 + 18
    bridge_top = y
    cx = x0 + 14
    for col in cols:
        col.x = cx
        cx += col.w + GAP
    bridge_bottom = bridge_top + 40
    host_bottom = bridge_bottom + 16
    cross = [(col, b, i) for col in cols for b in col.boxes for i in b.ifaces
             if i.bridge and i.bridge != col.bridge]
    channel = 14 + LANE * len(cross)
    col_top = host_bottom + channel
    bottom = col_top
    for col in cols:
        by = col_top
        for b in col.boxes:
            b.x, b.y = col.x + col.lanes_w + col.label_w, by
            by += b.h + 16
        bottom = max(bottom, by)
    return {"width": width + 2 * M, "x0": x0, "top": top, "host_w": width, "host_bottom": host_bottom,
            "bridge_top": bridge_top, "bridge_bottom": bridge_bottom, "strip": strip_boxes, "cross": cross,
            "channel_top": host_bottom, "bottom": bottom}


# --- rendering -----------------------------------------------------------------------------------------

def _text(x: float, y: float, s: str, size: float = 11, fill: str = INK, weight: str = "", anchor: str = "",
          cls: str = "") -> str:
    extra = (f' font-weight="{weight}"' if weight else "") + (f' text-anchor="{anchor}"' if anchor else "")
    extra += f' class="{cls}"' if cls else ""
    return f'<text x="{x}" y="{y}" font-size="{size}" fill="{fill}"{extra}>{_e(s)}</text>'


def _rect(x: float, y: float, w: float, h: float, fill: str, stroke: str, cls: str = "", rx: int = 8,
          dash: bool = False, sw: float = 1.2) -> str:
    d = ' stroke-dasharray="5 3"' if dash else ""
    c = f' class="{cls}"' if cls else ""
    return (f'<rect{c} x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" stroke="{stroke}"'
            f' stroke-width="{sw}"{d}/>')


def _render_box(b: _Box, colour_of: dict[str, str], out: list[str]) -> None:
    dead = b.kind == "stopped"
    stroke = LINE if b.kind != "netns" else "#4b5563"
    tip = "\n".join(b.titles + [b.caption])
    out.append(f'<g class="dn-box" data-netns="{_e(b.key)}"><title>{_e(tip)}</title>')
    cls = {"netns": "dn-netns", "none": "dn-netns dn-none", "stopped": "dn-stopped"}[b.kind]
    out.append(_rect(b.x, b.y, b.w, b.h, "#fafafa" if dead else BOX_FILL, stroke, cls, 10, b.kind != "netns", 1.4))
    y = b.y + 10 + 12
    out.append(_text(b.x + 10, y, b.titles[0], 12.5, MUTED if dead else INK, "bold", cls="dn-name"))
    for t in b.titles[1:]:
        y += 14
        out.append(_text(b.x + 10, y, t, 9.5, INK, "bold", cls="dn-name"))
    y += 14
    out.append(_text(b.x + 10, y, b.caption, 9.5, MUTED))
    if b.ports:
        y += 14
        out.append(_text(b.x + 10, y, "ports " + " ".join(b.ports), 9.5, PORT_LINE))
    y += 8
    pill = max((_w(i.label, CW_SMALL) + 10 for i in b.ifaces), default=0)
    for i in b.ifaces:
        rows = max(1, len(i.addrs))
        cy = y + 2 + ROW // 2
        i.y = cy
        col = colour_of.get(i.bridge or "", LINE)
        out.append(_rect(b.x + 8, cy - 7, pill, 14, _tint(col, 0.18) if i.bridge else "#f3f4f6", col,
                         "dn-iface", 7, False, 1))
        out.append(_text(b.x + 13, cy + 3.5, i.label, 9.5, INK))
        for k, a in enumerate(i.addrs or ["(no address)"]):
            out.append(_text(b.x + 16 + pill, cy + 4 + ROW * k, a, 11, INK if i.addrs else MUTED, cls="dn-addr"))
        y += ROW * rows + 4
    out.append("</g>")


HILITE = "#e11d48"     # a traced packet's path


def _path_names(trace: TraceView) -> frozenset[str]:
    """What a trace passes through, as the drawing names it: containers (``container a``), the
    host's bridges and veth ends named in its hops, and ``outside`` when it leaves through eth0."""
    names: set[str] = set()
    for hop in trace.hops:
        where = hop.where
        if where.startswith("container "):
            names.update(n.strip() for n in where[len("container "):].split(","))
        elif where == "outside":
            names.add("outside")
        for word in hop.text.replace(",", " ").replace("(", " ").split():
            names.add(word)
    return frozenset(names)


def host_svg(host: Any, scale: float = 1.0, trace: Optional[TraceView] = None) -> str:
    """The SVG drawing of ``host`` (see the module docstring for what is where); ``scale``
    multiplies its displayed size (the layout is the same); ``trace`` highlights the path of a
    :class:`~dockernet_sim.query.Trace`, hop by hop."""
    cols, tabs, host_mode, head = _scene(host)
    on = _path_names(trace) if trace is not None else frozenset()
    L = _layout(cols, tabs, host_mode, head)
    colour_of = {c.bridge: c.colour for c in cols if c.bridge}
    x0, top, hw = L["x0"], L["top"], L["host_w"]
    legend_y = L["bottom"] + 14
    height = legend_y + 34 + M
    extra = 0
    if trace is not None:
        extra = 22
    height += extra
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{round(L["width"] * scale)}" '
           f'height="{round(height * scale)}" '
           f'viewBox="0 0 {L["width"]} {height}" font-family="{_e(FONT)}" role="img">',
           f'<title>{_e(head[0])}: {sum(len(c.boxes) for c in cols)} network namespaces</title>',
           f'<rect x="0" y="0" width="{L["width"]}" height="{height}" fill="#ffffff"/>']
    # the outside world, above eth0
    eth = next((t for t in tabs if t.kind == "eth"), None)
    if eth is not None:
        gw = next((r.via for r in host.kernel.host.routes if r.dst is None and r.via is not None), None)
        mid = eth.x + eth.w // 2
        lit = "outside" in on
        out.append(f'<line class="dn-uplink{" dn-on-path" if lit else ""}" x1="{mid}" y1="{M + 14}" x2="{mid}" '
                   f'y2="{top - 9}" stroke="{HILITE if lit else LINE}" stroke-width="{3.2 if lit else 1.4}"/>')
        out.append(_text(mid, M + 10, "outside" + (f" (gateway {gw})" if gw else ""), 9.5, MUTED, anchor="middle"))
    # the host namespace
    out.append('<g class="dn-host"><title>the host network namespace</title>')
    out.append(_rect(x0, top, hw, L["host_bottom"] - top, HOST_FILL, LINE, "dn-hostns", 14, False, 1.6))
    out.append(_text(x0 + 12, top + 20, head[0], 12.5, INK, "bold"))
    out.append(_text(x0 + 12, top + 34, head[1], 9.5, MUTED))
    for label, kind, sx, sy, w in L["strip"]:
        hm = kind == "hostmode"
        out.append(_rect(sx, sy, w, 22, HOSTMODE_FILL if hm else "#ffffff", HOSTMODE_LINE if hm else LINE,
                         "dn-hostmode" if hm else "dn-hostlo", 6))
        out.append(_text(sx + 9, sy + 15, label, 9.5, INK, "bold" if hm else ""))
    for col in cols:
        if col.bridge is None:
            continue
        bt, bb = L["bridge_top"], L["bridge_bottom"]
        out.append(f'<g class="dn-bridge" data-bridge="{_e(col.bridge)}"><title>{_e(col.device)} {_e(col.bridge)}</title>')
        lit = col.bridge in on
        out.append(_rect(col.x, bt, col.w, bb - bt, _tint(col.colour), HILITE if lit else col.colour,
                         "dn-bridge-box dn-on-path" if lit else "dn-bridge-box", 8, False, 3.2 if lit else 1.6))
        out.append(_text(col.x + 10, bt + 16, col.lines[0], 11, INK, "bold"))
        out.append(_text(col.x + 10, bt + 31, col.lines[1], 9.5, MUTED))
        out.append("</g>")
    out.append("</g>")
    for t in tabs:
        port = t.kind == "port"
        out.append(f'<g class="dn-tab dn-tab-{t.kind}"><title>{_e(t.tip)}</title>')
        out.append(_rect(t.x, t.y - 9, t.w, 18, PORT_FILL if port else "#ffffff", PORT_LINE if port else INK,
                         "dn-port" if port else "dn-eth", 9, False, 1.3))
        out.append(_text(t.x + 7, t.y + 3.5, t.text, 9.5, INK))
        out.append("</g>")
    # container namespaces and their veth pairs
    bb = L["bridge_bottom"]
    incoming: dict[str, int] = {}
    for col in cols:
        for b in col.boxes:
            _render_box(b, colour_of, out)
            if b.titles[0] in on:
                out.append(_rect(b.x - 2, b.y - 2, b.w + 4, b.h + 4, "none", HILITE, "dn-on-path", 11, False, 3))
        if col.bridge is None and not col.boxes:
            continue
        if col.bridge is None:
            out.append(_text(col.x, L["channel_top"] + 12, "not on a bridge", 9.5, MUTED, "bold"))
        links = sorted(((b, i) for b in col.boxes for i in b.ifaces if i.bridge), key=lambda bi: -bi[1].y)
        for lane, (b, i) in enumerate(links):
            lx = col.x + 10 + LANE * lane
            target = next((c for c in cols if c.bridge == i.bridge), None)
            if target is None:
                continue
            colour = target.colour
            if target is col:
                px, path = lx, f"M{lx} {bb} V{i.y} H{b.x + 8}"
            else:
                # a port of another column's bridge: a stub in that bridge's colour, named, and a dot on
                # the bridge (a line across the columns would cross the other veths)
                j = incoming[i.bridge] = incoming.get(i.bridge, 0) + 1
                px = target.x + target.w - 10 - LANE * (j - 1)
                path = f"M{lx} {i.y - 9} V{i.y} H{b.x + 8}"
                out.append(f'<circle cx="{lx}" cy="{i.y - 9}" r="2.5" fill="{colour}"/>')
            if i.macvlan:
                out.append(f'<g class="dn-veth dn-macvlan"><title>{_e(i.host_end)}: {_e(i.label)} '
                           f'({_e(b.titles[0])}) on parent {_e(i.bridge)}</title>')
            else:
                out.append(f'<g class="dn-veth"><title>veth pair: {_e(i.host_end)} (host, on {_e(i.bridge)}) — '
                           f'{_e(i.label)} ({_e(b.titles[0])})</title>')
            lit = i.host_end.split("@")[0] in on and b.titles[0] in on
            out.append(f'<path class="dn-veth-line{" dn-on-path" if lit else ""}" d="{path}" fill="none" '
                       f'stroke="{HILITE if lit else colour}" stroke-width="{3.2 if lit else 1.6}"/>')
            out.append(f'<circle cx="{px}" cy="{bb}" r="3" fill="{colour}"/>')
            out.append(_text(col.x + col.lanes_w + 2, i.y - 3, _veth_label(i, col), 9.5, colour, cls="dn-hostveth"))
            out.append("</g>")
    _legend(out, x0, legend_y)
    if trace is not None:
        what = f"{trace.src} → {trace.dst} ({trace.proto}{'/' + str(trace.port) if trace.port else ''}): {trace.verdict}"
        out.append(_text(x0, legend_y + 34 + 12, "traced: " + what, 11, HILITE, "bold", cls="dn-trace-caption"))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(out: list[str], x: int, y: int) -> None:
    items = [("box", "container netns"), ("none", "lo only / stopped"), ("hostmode", "host-mode container"),
             ("bridge", "Linux bridge (network)"), ("veth", "veth pair (host end named)"), ("port", "published port")]
    out.append('<g class="dn-legend">')
    for kind, label in items:
        if kind == "box":
            out.append(_rect(x, y, 22, 14, BOX_FILL, "#4b5563", "", 4))
        elif kind == "none":
            out.append(_rect(x, y, 22, 14, "#fafafa", LINE, "", 4, True))
        elif kind == "hostmode":
            out.append(_rect(x, y, 22, 14, HOSTMODE_FILL, HOSTMODE_LINE, "", 4))
        elif kind == "bridge":
            out.append(_rect(x, y, 22, 14, _tint(PALETTE[0]), PALETTE[0], "", 4))
        elif kind == "veth":
            out.append(f'<line x1="{x}" y1="{y + 7}" x2="{x + 22}" y2="{y + 7}" stroke="{PALETTE[0]}" stroke-width="1.6"/>')
        else:
            out.append(_rect(x, y, 22, 14, PORT_FILL, PORT_LINE, "", 7))
        out.append(_text(x + 28, y + 11, label, 9.5, MUTED))
        x += 28 + _w(label, CW_SMALL) + 22
    out.append("</g>")


class Drawing:
    """An SVG drawing: shown as an image in a notebook, ``str()`` is the SVG text.

    >>> from dockernet_sim import DockerHost
    >>> d = draw(DockerHost(seed=0))
    >>> str(d).startswith("<svg")
    True
    """

    __slots__ = ("svg",)

    def __init__(self, svg: str) -> None:
        self.svg = svg

    def __str__(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"<Drawing {len(self.svg)} bytes of SVG>"

    def _repr_svg_(self) -> str:
        return self.svg

    def save(self, path: "str | os.PathLike[str]") -> None:
        """Write the SVG to ``path`` (a file name: an int would be taken as an open descriptor)."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"save() argument path must be a str or a path, not {type(path).__name__}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.svg)


def draw(host: Any, scale: float = 1.0, font_size: Optional[float] = None,
         trace: Optional[TraceView] = None) -> Drawing:
    """The host's namespaces, bridges and veth pairs as a :class:`Drawing` (every call form
    returns one: it displays in a notebook and saves with ``.save(path)``). ``scale`` enlarges
    it for a projector; ``font_size`` asks for the address text at that many pixels (the drawing is
    scaled so its 11 px text shows at ``font_size``, keeping the layout free of overlaps);
    ``trace`` highlights a traced packet's path."""
    if scale <= 0 or (font_size is not None and font_size <= 0):
        raise ValueError("draw(): scale and font_size must be positive")
    factor = scale * (font_size / 11.0 if font_size is not None else 1.0)
    return Drawing(host_svg(host, factor, trace))


# --- HTML ------------------------------------------------------------------------------------------

def _network_row(n: Any) -> list[str]:
    sub = ", ".join(str(ps.pool) for ps in list(n.pools4) + list(n.pools6)) or "—"
    gw = ", ".join(str(ps.gateway) for ps in list(n.pools4) + list(n.pools6) if ps.gateway) or "—"
    names = ", ".join(sorted(ep.name for ep in n.endpoints.values()))
    return [f"<b>{_e(n.name)}</b>", _e(n.driver), _code(n.short_id), _code(sub), _code(gw),
            _code(n.bridge or "—"), _e(names)]


def _container_row(host: Any, c: Any) -> list[str]:
    ips = []
    for nname, es in c.networks.items():
        ep = es.endpoint
        if ep is not None and ep.ip4 is not None:
            ips.append(f"{nname}: {ep.ip4}")
    ports = ", ".join(p for p, _ in _port_texts(c))
    mode = c.network_mode
    if c.mode_kind == "container" and c.donor is not None:
        mode = f"container:{c.donor.name}"
        # the donor's stack is its own: say which address it shares (the lesson is "same IP, same MAC")
        shared = [str(es.endpoint.ip4) for es in c.donor.networks.values()
                  if es.endpoint is not None and es.endpoint.ip4 is not None]
        if shared:
            ips = [f"shares {', '.join(shared)}"]
    return [f"<b>{_e(c.name)}</b>", _e(c.status), _e(mode), _code("; ".join(ips) or "—"), _code(ports or "—")]


def host_html(host: Any) -> str:
    """The host for a notebook: the drawing, then its networks and containers as tables."""
    nets = sorted(host.ctl.networks.values(), key=lambda n: (n.created_ns, n.name))
    ctrs = _sorted_containers(host)
    return (f"<div class='dn-host'><div style='overflow-x:auto'>{host_svg(host)}</div>"
            f"<details><summary style='cursor:pointer'>{len(nets)} networks, {len(ctrs)} containers</summary>"
            + _table(["network", "driver", "id", "subnet", "gateway", "bridge", "containers"],
                     (_network_row(n) for n in nets))
            + _table(["container", "status", "network mode", "IPv4", "published"],
                     (_container_row(host, c) for c in ctrs))
            + "</details></div>")


def network_html(network: Network) -> str:
    """One network: its IPAM and bridge, and each endpoint (see ``Network._repr_html_``)."""
    return network._repr_html_()


def container_html(container: Container) -> str:
    """One container: its state, mode and interfaces (see ``Container._repr_html_``)."""
    return container._repr_html_()
