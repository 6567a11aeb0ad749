"""Host port allocation for published ports (libnetwork's portallocator).

Ports are held per (protocol, host IP). A wildcard binding (``0.0.0.0`` or ``::``) conflicts with
any binding of the same port and family; a specific address conflicts with the wildcard. Ports
for ``-p 80`` (host port 0) come from the ephemeral range, round-robin after the last one handed
out, as the kernel's ip_local_port_range bounds (32768-60999).
"""

from __future__ import annotations

from typing import Optional

from ..errors import SystemError_

EPHEMERAL_BEGIN = 32768
EPHEMERAL_END = 60999


class PortAlreadyAllocated(SystemError_):
    def __init__(self, host_ip: str, port: int) -> None:
        shown = f"[{host_ip}]" if ":" in host_ip else host_ip
        super().__init__(f"Bind for {shown}:{port} failed: port is already allocated")
        self.host_ip = host_ip
        self.port = port


class AllPortsAllocated(SystemError_):
    def __init__(self) -> None:
        super().__init__("all ports are allocated")


class NoFreePort(SystemError_):
    def __init__(self, proto: str, host_ip: str) -> None:
        super().__init__(f"no available ports in range {EPHEMERAL_BEGIN}-{EPHEMERAL_END} for {proto}/{host_ip}")


def _wildcard(ip: str) -> bool:
    return ip in ("0.0.0.0", "::", "")


def _family(ip: str) -> int:
    return 6 if ":" in ip else 4


class PortAllocator:
    """Held ports by (proto, host IP); cost per request independent of how many are held."""

    __slots__ = ("held", "last", "begin", "end", "last_per_ip", "cross_ip")

    def __init__(self, begin: int = EPHEMERAL_BEGIN, end: int = EPHEMERAL_END, *, last_per_ip: bool = False,
                 cross_ip: bool = True) -> None:
        self.held: dict[tuple[str, str], set[int]] = {}
        # where the round-robin search for an ephemeral port resumes: per (protocol, family), or per
        # (protocol, address) as 20.10's allocator keeps one map per host IP
        self.last: dict[tuple[str, object], int] = {}
        self.begin, self.end = begin, end
        self.last_per_ip = last_per_ip
        # whether a wildcard and a specific address of one family conflict in the allocator itself
        # (28) or only when the proxy binds (20.10 keeps one map per address)
        self.cross_ip = cross_ip

    def _in_use(self, proto: str, ip: str, port: int) -> bool:
        return self._holder(proto, ip, port) is not None

    def _holder(self, proto: str, ip: str, port: int) -> Optional[str]:
        """The address already holding this port that a request for ``ip`` collides with."""
        if not self.cross_ip:
            key = (proto, ip or "0.0.0.0")
            return key[1] if port in self.held.get(key, ()) else None
        fam = _family(ip)
        if _wildcard(ip):
            for (p, hip), ports in self.held.items():
                if p == proto and _family(hip) == fam and port in ports:
                    return ip or "0.0.0.0"
            return None
        wild = "::" if fam == 6 else "0.0.0.0"
        if port in self.held.get((proto, wild), ()):
            return wild
        if port in self.held.get((proto, ip), ()):
            return ip
        return None

    def is_free(self, proto: str, ip: str, port: int) -> bool:
        return not self._in_use(proto, ip, port)

    def request(self, proto: str, ip: str, port: int = 0, end: Optional[int] = None) -> int:
        """Hold ``port`` (or the first free of ``port..end``, or an ephemeral port when 0)."""
        if port == 0:
            key = (proto, (ip or "0.0.0.0") if self.last_per_ip else _family(ip))
            start = self.last.get(key, self.begin - 1)
            span = self.end - self.begin + 1
            p = start
            for _ in range(span):
                p += 1
                if p > self.end:
                    p = self.begin
                if not self._in_use(proto, ip, p):
                    self._hold(proto, ip, p)
                    self.last[key] = p
                    return p
            raise NoFreePort(proto, ip)
        if end is not None and end != port:
            for p in range(port, end + 1):
                if not self._in_use(proto, ip, p):
                    self._hold(proto, ip, p)
                    return p
            raise AllPortsAllocated()
        holder = self._holder(proto, ip, port)
        if holder is not None:
            raise PortAlreadyAllocated(holder, port)
        self._hold(proto, ip, port)
        return port

    def first_held(self, proto: str, ip: str, ports: range) -> Optional[int]:
        """The first of ``ports`` (in their order) that ``request`` would find held, or None:
        a set intersection per map that could collide, not a lookup per port."""
        if not self.cross_ip:
            maps = [self.held.get((proto, ip or "0.0.0.0"), set())]
        elif _wildcard(ip):
            maps = [m for (p, hip), m in self.held.items() if p == proto and _family(hip) == _family(ip)]
        else:
            maps = [self.held.get((proto, "::" if _family(ip) == 6 else "0.0.0.0"), set()),
                    self.held.get((proto, ip), set())]
        hit: set[int] = set()
        for m in maps:
            hit.update(m.intersection(ports))
        return next((p for p in ports if p in hit), None) if hit else None

    def hold_run(self, proto: str, ip: str, ports: range) -> None:
        """Hold every port of ``ports`` (free: see ``first_held``) in one step."""
        self.held.setdefault((proto, ip or "0.0.0.0"), set()).update(ports)

    def release_run(self, proto: str, ip: str, ports: range) -> None:
        s = self.held.get((proto, ip or "0.0.0.0"))
        if s is not None:
            s.difference_update(ports)
            if not s:
                del self.held[(proto, ip or "0.0.0.0")]

    def _hold(self, proto: str, ip: str, port: int) -> None:
        self.held.setdefault((proto, ip or "0.0.0.0"), set()).add(port)

    def release(self, proto: str, ip: str, port: int) -> None:
        self.release_run(proto, ip, range(port, port + 1))

    def state(self) -> dict[tuple[str, str], tuple[int, ...]]:
        return {k: tuple(sorted(v)) for k, v in sorted(self.held.items())}
