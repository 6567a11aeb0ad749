"""Who listens in a container: the sockets its processes open, read from what runs.

A port is served only by a process that serves it — EXPOSE and ``-p`` open nothing (r131: a
busybox ``sh`` published with ``-p 8080:80`` answers ``nc 10.77.0.10 80`` with ``Connection
refused``; ``httpd -f -p 80`` and ``nc -l -p 81`` accept). What is read:

* the image's ``LISTEN`` ports (``#! image web CMD … LISTEN 80/tcp``), when the container runs
  the image's own command;
* busybox ``httpd`` (``-p [IP:]PORT``, default 80; busybox's httpd usage);
* ``nc -l`` / ``netcat -l`` (``-p PORT``, or the port as the last word; ``-u`` for UDP);
* ``python3 -m http.server [PORT]`` (default 8000, the module's documented default);
* what ``docker exec`` left running beside PID 1 (``exec -d C httpd -f -p 80``, ``exec C httpd -p
  82``: r141), until the container stops.

A command wrapped in a shell (``sh -c "…"``) is read word by word for the same programs.

>>> listening(["httpd", "-f", "-p", "8080"])
[('tcp', 8080, 'httpd -f -p 8080')]
>>> listening(["nc", "-lu", "-p", "53"])
[('udp', 53, 'nc -lu -p 53')]
>>> listening(["sh"])
[]
"""

from __future__ import annotations

import hashlib
import shlex
from ..records import Record
from typing import Any, Sequence

Socket = tuple[str, int, str]          # (protocol, port, the command that opened it)
EPHEMERAL = (32768, 60999)             # net.ipv4.ip_local_port_range's default: where bind(port 0) lands


def _port(text: str) -> int:
    """A port word: ``80`` or ``IP:80``; 0 when it is no port."""
    tail = text.rpartition(":")[2]
    return int(tail) if tail.isdigit() and 0 < int(tail) < 65536 else 0


def _one(argv: Sequence[str]) -> list[Socket]:
    if not argv:
        return []
    words = list(argv)
    prog = words[0].rpartition("/")[2]
    if prog == "busybox" and len(words) > 1:
        words = words[1:]
        prog = words[0]
    shown = " ".join(argv)
    args = words[1:]
    if prog == "httpd":
        port = 80
        for i, a in enumerate(args):
            if a == "-p" and i + 1 < len(args):
                port = _port(args[i + 1]) or port
            elif a.startswith("-p") and len(a) > 2:
                port = _port(a[2:]) or port
        return [("tcp", port, shown)]
    if prog in ("nc", "netcat", "ncat"):
        flags = "".join(a[1:] for a in args if a.startswith("-") and not a.startswith("--"))
        if "l" not in flags:
            return []
        port = 0
        for i, a in enumerate(args):
            if a.startswith("-") and a.endswith("p") and "l" in a or a == "-p":
                if i + 1 < len(args):
                    port = _port(args[i + 1])
        if not port:
            plain = [a for a in args if not a.startswith("-")]
            port = _port(plain[-1]) if plain else 0
        return [("udp" if "u" in flags else "tcp", port, shown)] if port else []
    if prog.startswith("python") and "http.server" in args:
        rest = args[args.index("http.server") + 1:]
        nums = [a for a in rest if a.isdigit()]
        return [("tcp", _port(nums[0]) if nums else 8000, shown)]
    return []


def listening(argv: Sequence[str], image_cmd: Sequence[str] = (), image_listens: Sequence[str] = ()) -> list[Socket]:
    """The sockets a container running ``argv`` listens on."""
    out: list[Socket] = []
    if image_listens and list(argv) == list(image_cmd):
        for key in image_listens:
            port, _, proto = key.partition("/")
            if port.isdigit():
                out.append((proto or "tcp", int(port), f"the image's command ({' '.join(image_cmd)})"))
    out += _one(argv)
    if len(argv) >= 3 and argv[0].rpartition("/")[2] in ("sh", "bash", "ash") and argv[1] == "-c":
        for part in argv[2].replace("&&", ";").replace("&", ";").replace("|", ";").split(";"):
            try:
                out += _one(shlex.split(part))
            except ValueError:
                continue
    return out


class OpenSocket(Record, frozen=True, slots=True):
    """One entry of a namespace's socket tables (``/proc/net/tcp``, ``tcp6``, ``udp``, ``udp6``),
    its addresses as netstat prints them."""
    proto: str          # tcp | udp
    local: str          # 127.0.0.11:37463, :::80
    foreign: str        # 0.0.0.0:*, :::*
    state: str          # LISTEN for a listening TCP socket, "" for an unconnected UDP one


def _ephemeral(key: str) -> int:
    """A port the kernel picks for ``bind(…, 0)``: random in real life, fixed by ``key`` here."""
    n = int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")
    return EPHEMERAL[0] + n % (EPHEMERAL[1] - EPHEMERAL[0] + 1)


def open_sockets(d: Any, c: Any) -> list[OpenSocket]:
    """The sockets in the network namespace ``c``'s processes see, as /proc lists them (TCP then
    UDP, IPv4 before IPv6). In a sandbox whose resolv.conf names 127.0.0.11, dockerd's embedded
    DNS server listens there on a TCP and a UDP port the kernel picked (r140: none on the default
    bridge); then what every container in the namespace runs — its main process, then what
    ``docker exec`` left running — listens on the IPv6 wildcard, which takes IPv4 too (busybox
    ``httpd``/``nc -l``: ``:::80``; a ``container:`` sharer and its donor see each other's)."""
    from ..daemon import resolver
    ns = d.container_netns(c) if c.mode_kind != "host" else d.kernel.host
    if ns is None or not c.running:
        return []
    v4: list[OpenSocket] = []
    v6: list[OpenSocket] = []
    if ns is not d.kernel.host and resolver.uses_embedded_dns(d, c):
        sandbox = resolver.owner(c).id
        v4 += [OpenSocket("tcp", f"127.0.0.11:{_ephemeral(sandbox + '/tcp')}", "0.0.0.0:*", "LISTEN"),
               OpenSocket("udp", f"127.0.0.11:{_ephemeral(sandbox + '/udp')}", "0.0.0.0:*", "")]
    bound: set[tuple[str, int]] = set()
    for other in d.containers.values():
        there = d.container_netns(other) if other.mode_kind != "host" else d.kernel.host
        if not other.running or there is not ns:
            continue
        started = [s for argv in other.servers for s in listening(argv)]       # by docker exec, after PID 1
        for proto, port, _ in listening(other.argv, other.image.cmd, other.image.listens) + started:
            if (proto, port) not in bound:          # a port is bound once (an image's LISTEN may name its httpd's)
                bound.add((proto, port))
                v6.append(OpenSocket(proto, f":::{port}", ":::*", "LISTEN" if proto == "tcp" else ""))
    return [s for proto in ("tcp", "udp") for s in v4 + v6 if s.proto == proto]


__all__ = ["listening", "open_sockets", "OpenSocket", "Socket", "EPHEMERAL"]
