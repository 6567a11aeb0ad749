"""Seeded identities: object IDs, veth names, MAC addresses and the clock.

Docker draws IDs, veth names and (since 28) endpoint MACs from crypto/rand, and stamps objects
with the wall clock. Here one seeded source per host replaces both, so the same seed and the
same calls give byte-identical IDs, MACs, names and timestamps.

>>> r = Randomness(0)
>>> len(r.object_id()), r.veth_name().startswith("veth")
(64, True)
"""

from __future__ import annotations

import random
from typing import Callable

try:
    # the interpreter's own SHA-256, as the standard library's ``random`` takes its SHA-512:
    # ``hashlib`` would load OpenSSL's libcrypto first, a tenth of a start-up, for the same digest
    from _sha256 import sha256
except ImportError:                                     # an interpreter built without it
    from hashlib import sha256


class Randomness:
    """The host's one source of randomness (IDs, veth names, MACs) and of time."""

    __slots__ = ("_rng", "seed", "_clock_ns")

    # 2026-01-01T00:00:00Z; each event advances the clock a little, as a fast script would.
    EPOCH_NS = 1767225600 * 1_000_000_000

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self._rng = random.Random(seed)
        self._clock_ns = self.EPOCH_NS + self._rng.randrange(10**9)

    def object_id(self) -> str:
        """64 lowercase hex digits whose first 12 are never all decimal digits (as stringid)."""
        while True:
            s = "%064x" % self._rng.getrandbits(256)
            if not s[:12].isdigit():
                return s

    def veth_name(self) -> str:
        """``veth`` + 7 hex characters, as libnetwork names the host end of a pair."""
        return "veth%07x" % self._rng.getrandbits(28)

    def random_mac(self, prefix_0242: bool = False) -> str:
        """A locally administered unicast MAC; with ``prefix_0242`` Docker's old ``02:42:xx:xx:xx:xx``."""
        if prefix_0242:
            b = [0x02, 0x42] + [self._rng.getrandbits(8) for _ in range(4)]
        else:
            b = [self._rng.getrandbits(8) for _ in range(6)]
            b[0] = (b[0] & 0xFE) | 0x02
        return ":".join("%02x" % x for x in b)

    def uuid(self) -> str:
        h = "%032x" % self._rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"

    def randbits(self, n: int) -> int:
        return self._rng.getrandbits(n)

    # -- the clock -------------------------------------------------------------------------
    def now_ns(self) -> int:
        """Advance the clock by a few milliseconds and return it (nanoseconds since the epoch)."""
        self._clock_ns += 1_000_000 + self._rng.randrange(50_000_000)
        return self._clock_ns

    def peek_ns(self) -> int:
        return self._clock_ns

    def pass_until(self, ns: int) -> None:
        """Time passes (a ``sleep``, a wait for a health check): the clock reads ``ns`` if later."""
        if ns > self._clock_ns:
            self._clock_ns = ns

    def state(self) -> tuple[object, int]:
        return self._rng.getstate(), self._clock_ns

    def set_state(self, st: tuple[object, int]) -> None:
        self._rng.setstate(st[0])  # type: ignore[arg-type]
        self._clock_ns = st[1]

    def checkpoint(self) -> Callable[[], None]:
        """What gives back the source and the clock as they are now (a journal checkpoint: an
        API call that fails draws nothing, so a retry draws what the first try would have)."""
        st = self.state()
        return lambda: self.set_state(st)


def mac_from_ip(value: int) -> str:
    """Docker's pre-28 endpoint MAC: ``02:42`` followed by the four IPv4 bytes."""
    return "02:42:%02x:%02x:%02x:%02x" % ((value >> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255)


def format_time(ns: int) -> str:
    """RFC 3339 with nanoseconds, as Go marshals a time.Time in UTC."""
    import time as _t

    secs, frac = divmod(ns, 1_000_000_000)
    base = _t.strftime("%Y-%m-%dT%H:%M:%S", _t.gmtime(secs))
    if frac:
        return f"{base}.{frac:09d}".rstrip("0") + "Z"
    return base + "Z"


def truncate_id(full: str) -> str:
    return full.split(":", 1)[-1][:12]
