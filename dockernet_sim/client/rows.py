"""What docker's tables show in a row: ports text, statuses and durations, natural sort order.

Mirrors docker/cli cli/command/formatter (container and network contexts, DisplayablePorts,
``Up 3 seconds``/``Exited (0) …`` via go-units HumanDuration), api/types port lists, the
host:port helpers, and the errors the client makes up itself (``_ClientError``).
"""

from __future__ import annotations

import functools
from typing import Any, Optional

from ..daemon.container import Container
from ..daemon.daemon import Daemon
from ..engines import Profile
from ..golang.template import Struct, go_quote
from .templates import row_context


class _ClientError(Exception):
    """An error the client makes up itself (``Error: No such object: x``); str() is the line."""


def _natural_less(a: str, b: str) -> bool:
    """fvbommel/sortorder NaturalLess (docker/cli sorts network names and port lines with it):
    digits sort before other bytes, runs of digits compare as numbers."""
    i = j = 0
    while i < len(a) and j < len(b):
        c1, c2 = a[i], b[j]
        d1, d2 = c1.isdigit(), c2.isdigit()
        if d1 != d2:
            return d1
        if not d1:
            if c1 != c2:
                return c1.encode() < c2.encode()
            i += 1
            j += 1
            continue
        while i < len(a) and a[i] == "0":
            i += 1
        while j < len(b) and b[j] == "0":
            j += 1
        nz1, nz2 = i, j
        while i < len(a) and a[i].isdigit():
            i += 1
        while j < len(b) and b[j].isdigit():
            j += 1
        if i - nz1 != j - nz2:
            return i - nz1 < j - nz2
        if a[nz1:i] != b[nz2:j]:
            return a[nz1:i] < b[nz2:j]
        if nz1 != nz2:
            return nz1 < nz2
    return len(a) < len(b)


def _natural_cmp(a: str, b: str) -> int:
    return -1 if _natural_less(a, b) else (1 if _natural_less(b, a) else 0)


natural_sort_key = functools.cmp_to_key(_natural_cmp)


def natural_key(s: str) -> Any:
    """docker/cli's natural sort order as a sort key (net9 < net10, bad3 < bad/name)."""
    return natural_sort_key(s)


def join_host_port(host: str, port: str) -> str:
    """Go's net.JoinHostPort: brackets around a host that contains a colon."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def fmt_hostport(profile: Profile, b: dict[str, str]) -> str:
    ip, port = b.get("HostIp", ""), b.get("HostPort", "")
    return join_host_port(ip, port) if profile.bracket_ipv6_host_ports else f"{ip}:{port}"


def _is_uint16(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text.lstrip("0")) <= 5 and int(text) <= 65535


def human_duration(secs: float) -> str:
    """go-units HumanDuration."""
    s = int(secs)
    if s < 1:
        return "Less than a second"
    if s == 1:
        return "1 second"
    if s < 60:
        return f"{s} seconds"
    minutes = int(secs // 60)
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = int(secs / 3600 + 0.5)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{int(secs / 3600) // 24 // 365} years"


def _since(d: Daemon, ns: int) -> float:
    return max(0, d.rand.peek_ns() - ns) / 1_000_000_000


def ago(d: Daemon, ns: int) -> str:
    return human_duration(_since(d, ns)) + " ago"


def status_text(d: Daemon, c: Container) -> str:
    """moby container.State.String() as the list API reports it."""
    if c.status == "running":
        if c.paused:
            return "Up " + human_duration(_since(d, c.started_ns)) + " (Paused)"
        if c.health is not None:      # (r260: `Up 5 seconds (health: starting)`, `(healthy)`)
            from ..daemon.health import status_suffix
            return "Up " + human_duration(_since(d, c.started_ns)) + status_suffix(c.health)
        return "Up " + human_duration(_since(d, c.started_ns))
    if c.status == "restarting":
        return f"Restarting ({c.exit_code}) {ago(d, c.finished_ns)}"
    if c.status == "removing":
        return "Removal In Progress"
    if c.status == "dead":
        return "Dead"
    if c.status == "created" or not c.finished_ns:
        return "Created"
    return f"Exited ({c.exit_code}) {ago(d, c.finished_ns)}"


def go_time_string(ns: int) -> str:
    """Go's time.Time.String() in UTC: nanoseconds with trailing zeros dropped."""
    import time as _t
    secs, frac = divmod(ns, 1_000_000_000)
    base = _t.strftime("%Y-%m-%d %H:%M:%S", _t.gmtime(secs))
    f = f".{frac:09d}".rstrip("0") if frac else ""
    return f"{base}{f} +0000 UTC"


def api_ports(c: Container) -> list[tuple[str, int, int, str]]:
    """The container's ``Ports`` in the list API: (IP, PrivatePort, PublicPort, Type), by the
    port map's keys as text. Moby walks its port map in Go map order, which for a few keys is
    one order most of the time: ``5000/udp`` before ``80/tcp`` (c10 on every engine), ``53/udp``
    before ``80/tcp`` (c33: twice on 20.10 and 28; once the other way on 26)."""
    published = c.ports_published if c.running else c.listed_ports
    out: list[tuple[str, int, int, str]] = []
    for k, binds in sorted(published.items()):
        port, _, proto = k.partition("/")
        proto = _list_proto(proto)
        if not binds:
            out.append(("", int(port), 0, proto))
            continue
        for b in binds:
            hp = b.get("HostPort", "")
            out.append((b.get("HostIp", ""), int(port), int(hp) if hp.isdigit() else 0, proto))
    return out


def _list_proto(proto: str) -> str:
    """The Type of a list-API port: libnetwork's types.ParseProtocol then String(), so a protocol
    it does not know is number 0 (``--expose 80/xyz`` lists as ``80/0``, r150_bounded_inputs)."""
    known = (proto or "tcp").lower()
    return known if known in ("tcp", "udp", "sctp", "icmp") else "0"


def displayable_ports(ports: list[tuple[str, int, int, str]], bracket_ipv6: bool) -> str:
    """formatter.DisplayablePorts: runs of ports published on the same number are grouped
    (``0.0.0.0:9000-9002->9000-9002/udp``); other mappings follow, one each. ``bracket_ipv6``:
    the host side as net.JoinHostPort writes it (``[::]:8080``), else ``:::8080``."""
    ordered = sorted(ports, key=lambda p: (p[1], p[0].encode(), p[2], p[3].encode()))
    groups: dict[str, list[int]] = {}
    keys: list[str] = []
    result: list[str] = []
    host_mappings: list[str] = []

    def host(ip: str, port: str) -> str:
        return join_host_port(ip, port) if bracket_ipv6 else f"{ip}:{port}"

    def form(key: str, first: int, last: int) -> str:
        parts = key.split("/")
        ip, typ = (parts[0], parts[1]) if len(parts) > 1 else ("", parts[0])
        group = str(first) if first == last else f"{first}-{last}"
        if ip:
            group = f"{host(ip, group)}->{group}"
        return f"{group}/{typ}"

    for ip, private, public, typ in ordered:
        key = typ
        if ip:
            if public != private:
                host_mappings.append(f"{host(ip, str(public))}->{private}/{typ}")
                continue
            key = f"{ip}/{typ}"
        g = groups.get(key)
        if g is None:
            groups[key] = [private, private]
            keys.append(key)
            continue
        if private == g[1] + 1:
            g[1] = private
            continue
        result.append(form(key, g[0], g[1]))
        groups[key] = [private, private]
    for key in keys:
        result.append(form(key, *groups[key]))
    return ", ".join(result + host_mappings)


def _ellipsis(s: str, width: int) -> str:
    """formatter.Ellipsis for the single-width text the model produces."""
    if width <= 0:
        return ""
    if len(s) <= width:
        return s
    return s[: width - 1] + "…"


_CONTAINER_JSON = ("Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names", "Networks",
                   "Ports", "RunningFor", "Size", "State", "Status")


def container_context(d: Optional[Daemon], c: Optional[Container], trunc: bool, profile: Profile) -> Struct:
    """formatter.ContainerContext for one row (an empty one when ``c`` is None, as ``docker ps``
    uses to check a --format before listing)."""
    if c is None or d is None:
        fields: dict[str, Any] = {"ID": "", "Names": "", "Image": "<no image>", "Command": '""',
                                  "CreatedAt": "1970-01-01 00:00:00 +0000 UTC", "RunningFor": "", "Ports": "",
                                  "State": "", "Status": "", "Size": "0B", "Labels": "", "Mounts": "",
                                  "LocalVolumes": "0", "Networks": ""}
        labels: dict[str, str] = {}
    else:
        cmd = c.list_command
        nets = "" if c.mode_kind == "container" else ",".join(sorted(c.networks))
        labels = dict(c.labels)
        fields = {"ID": c.id[:12] if trunc else c.id, "Names": c.name, "Image": c.image_ref,
                  "Command": go_quote(_ellipsis(cmd, 20) if trunc else cmd),
                  "CreatedAt": go_time_string(c.created_ns // 1_000_000_000 * 1_000_000_000),
                  "RunningFor": ago(d, c.created_ns), "Ports": displayable_ports(api_ports(c), profile.bracket_ipv6_host_ports),
                  "State": c.state, "Status": status_text(d, c),
                  "Size": f"0B (virtual {c.image.virtual_size})" if c.image.virtual_size else "0B",
                  "Labels": ",".join(sorted(f"{k}={v}" for k, v in labels.items())),
                  # ContainerContext.Mounts: each mount's volume name (a bind's source), cut at 15
                  "Mounts": ",".join(_ellipsis(m.name or m.source, 15) if trunc else (m.name or m.source)
                                     for m in c.mounts),
                  "LocalVolumes": str(sum(1 for m in c.mounts if m.type == "volume")), "Networks": nets}
    json_fields = list(_CONTAINER_JSON)
    if profile.ps_platform_column:
        from ..golang.template import Nil
        fields["Platform"] = Nil("*formatter.Platform")
        json_fields.append("Platform")
    return row_context("*formatter.ContainerContext", fields, labels=labels, json_fields=json_fields)


def network_context(d: Daemon, n: Any, trunc: bool, profile: Profile) -> Struct:
    """network.networkContext for one row of ``docker network ls``."""
    fields: dict[str, Any] = {"ID": n.id[:12] if trunc else n.id, "Name": n.name, "Driver": n.driver,
                              "Scope": n.scope}
    if profile.ls_ipv4_column:
        fields["IPv4"] = str(n.enable_ipv4).lower()
    fields.update({"IPv6": str(n.enable_ipv6).lower(), "Internal": str(n.internal).lower(),
                   "Labels": ",".join(f"{k}={v}" for k, v in n.labels.items()),
                   "CreatedAt": go_time_string(n.created_ns)})
    return row_context("*network.networkContext", fields, labels=dict(n.labels))


def container_row(d: Daemon, c: Container, trunc: bool) -> dict[str, Any]:
    """One ``docker ps`` row as a plain mapping (kept for callers that want the columns)."""
    ctx = container_context(d, c, trunc, d.profile)
    return {k: v for k, v in ctx.items()}


def ports_text(d: Daemon, c: Container) -> str:
    return displayable_ports(api_ports(c), d.profile.bracket_ipv6_host_ports)




def _shell_word(arg: str) -> str:
    """An argument as ``compose ps`` lists it in a container's Command: quoted when it would not
    survive a shell unquoted."""
    if arg and all(ch.isalnum() or ch in "@%+=:,./-_" for ch in arg):
        return arg
    return "'" + arg.replace("'", "'\"'\"'") + "'"
