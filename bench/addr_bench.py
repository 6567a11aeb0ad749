"""Address benchmark: dockernet_sim.addr against the standard library's ipaddress.

Both run in the same process over the same inputs (20,000 seeded random addresses per case),
each timed with timeit as the best of 5 passes. A speedup is ipaddress time / our time, so
above 1.0 means we are faster. IPv6 inputs mix fully random addresses (no '::') with
realistic ones that compress (a /64 prefix and a small host part, link-local, mapped).

``ipaddress`` is imported here, never by the package itself.
"""

from __future__ import annotations

import ipaddress
import random
import timeit
from collections.abc import Callable, Sequence

from dockernet_sim import addr

N = 20_000
REPEAT = 5


def _v4_values(rnd: random.Random) -> list[int]:
    return [rnd.getrandbits(32) for _ in range(N)]


def _v6_values(rnd: random.Random) -> list[int]:
    out = []
    for i in range(N):
        kind = i % 4
        if kind == 0:
            out.append(rnd.getrandbits(128))
        elif kind == 1:      # a /64 network from a ULA or documentation prefix, small host part
            out.append(rnd.choice((0xFD00_0000, 0x2001_0DB8)) << 96 | rnd.getrandbits(16) << 64 | rnd.getrandbits(12))
        elif kind == 2:      # link-local with an EUI-64-like interface id
            out.append(0xFE80 << 112 | rnd.getrandbits(64))
        else:                # random with a zero run somewhere
            v = rnd.getrandbits(128)
            shift = 16 * rnd.randrange(0, 6)
            out.append(v & ~(((1 << 48) - 1) << shift))
    return out


def _best(fn: Callable[[object], object], inputs: Sequence[object]) -> float:
    def loop() -> None:
        for x in inputs:
            fn(x)
    return min(timeit.repeat(loop, number=1, repeat=REPEAT))


def _speedup(theirs: Callable[[object], object], ours: Callable[[object], object],
             inputs: Sequence[object]) -> tuple[float, float, float]:
    t_theirs = _best(theirs, inputs)
    t_ours = _best(ours, inputs)
    return t_theirs / t_ours, t_theirs / len(inputs) * 1e9, t_ours / len(inputs) * 1e9


def _check_same(texts: Sequence[str], parsed: Sequence[addr.IP]) -> None:
    # The comparison is only meaningful if both sides compute the same thing.
    for text, ours in zip(texts[:2000], parsed[:2000]):
        theirs = ipaddress.ip_address(text)
        assert ours.value == int(theirs), text


def run() -> dict[str, float]:
    """Measure and return speedups (ipaddress time / ours) plus ns per operation for each side."""
    rnd = random.Random(20240601)
    v4_texts = [str(ipaddress.IPv4Address(v)) for v in _v4_values(rnd)]
    v6_texts = [str(ipaddress.IPv6Address(v)) for v in _v6_values(rnd)]
    ours4 = [addr.parse_ip(t) for t in v4_texts]
    ours6 = [addr.parse_ip(t) for t in v6_texts]
    _check_same(v4_texts, ours4)
    _check_same(v6_texts, ours6)
    theirs4 = [ipaddress.ip_address(t) for t in v4_texts]
    theirs6 = [ipaddress.ip_address(t) for t in v6_texts]

    def net_text(value: int, bits: int, length: int) -> str:
        host = (1 << (bits - length)) - 1
        return f"{(ipaddress.IPv4Address if bits == 32 else ipaddress.IPv6Address)(value & ~host & ((1 << bits) - 1))}/{length}"

    p4_texts = [net_text(o.value, 32, rnd.randrange(8, 31)) for o in ours4]
    p6_texts = [net_text(o.value, 128, rnd.randrange(32, 127)) for o in ours6]

    results: dict[str, float] = {}
    cases = {
        "ipv4_parse": (ipaddress.ip_address, addr.parse_ip, v4_texts),
        "ipv4_format": (str, str, None),
        "ipv6_parse": (ipaddress.ip_address, addr.parse_ip, v6_texts),
        "ipv6_format": (str, str, None),
        "ipv4_parse_family": (ipaddress.IPv4Address, addr.parse_ipv4, v4_texts),
        "ipv6_parse_family": (ipaddress.IPv6Address, addr.parse_ipv6, v6_texts),
        "prefix4_parse": (ipaddress.ip_network, addr.parse_prefix, p4_texts),
        "prefix6_parse": (ipaddress.ip_network, addr.parse_prefix, p6_texts),
    }
    for name, (theirs, ours, inputs) in cases.items():
        if name == "ipv4_format":
            speedup, t_ns, o_ns = _best_pair(theirs4, ours4)
        elif name == "ipv6_format":
            speedup, t_ns, o_ns = _best_pair(theirs6, ours6)
        else:
            assert inputs is not None
            speedup, t_ns, o_ns = _speedup(theirs, ours, inputs)
        results[f"{name}_speedup"] = round(speedup, 2)
        results[f"{name}_ipaddress_ns"] = round(t_ns, 1)
        results[f"{name}_ours_ns"] = round(o_ns, 1)
    return results


def _best_pair(theirs: Sequence[object], ours: Sequence[addr.IP]) -> tuple[float, float, float]:
    """str() on pre-built objects of each library (formatting only)."""
    for a, b in zip(theirs[:2000], ours[:2000]):
        # Python 3.11's ipaddress prints IPv4-mapped addresses in hex; we print the dotted tail.
        assert str(a) == str(b) or b.is_ipv4_mapped, str(a)
    return _format_times(theirs, ours)


def _format_times(theirs: Sequence[object], ours: Sequence[object]) -> tuple[float, float, float]:
    t_theirs = _best(str, theirs)
    t_ours = _best(str, ours)
    return t_theirs / t_ours, t_theirs / len(theirs) * 1e9, t_ours / len(ours) * 1e9


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:32} {value}")
