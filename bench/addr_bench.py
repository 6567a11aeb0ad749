"""Address benchmark: dockernet_sim.addr against the standard library's ipaddress.

Both libraries run in the same process over the same inputs (20,000 seeded addresses per
case); each side is timed with timeit as the best of 5 passes over all inputs, the passes of
the two sides interleaved. A speedup is ipaddress time / our time: above 1.0 we are faster.

* parse: ``ipaddress.ip_address(text)`` vs ``parse_ip(text)`` (both detect the family);
  ``*_family`` keys compare the family-specific ``IPv4Address``/``IPv6Address`` constructors
  with ``parse_ipv4``/``parse_ipv6``.
* format: ``str()`` on objects each library built beforehand.
* prefix parse: ``ipaddress.ip_network(text)`` vs ``parse_prefix(text)`` on network texts.

IPv6 inputs are a realistic mix: a quarter fully random (nothing to compress), the rest
compressible (a /64 under fd00::/8 or 2001:db8::/32 with a small host part, link-local with
a random interface id, random with a zero run). The ``ipv6_*_random`` keys use fully random
values only. ``ipaddress`` is imported here, never by the package.
"""

from __future__ import annotations

import ipaddress
import random
import timeit
from collections.abc import Callable, Sequence

from dockernet_sim import addr

N = 20_000
REPEAT = 5
SEED = 20240601


def _v6_values(rnd: random.Random, n: int) -> list[int]:
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            out.append(rnd.getrandbits(128))
        elif kind == 1:
            net = rnd.choice((0xFD00_0000, 0x2001_0DB8)) << 96 | rnd.getrandbits(16) << 64
            out.append(net | rnd.getrandbits(12))
        elif kind == 2:
            out.append(0xFE80 << 112 | rnd.getrandbits(64))
        else:
            shift = 16 * rnd.randrange(0, 6)
            out.append(rnd.getrandbits(128) & ~(((1 << 48) - 1) << shift))
    return out


def _loop(fn: Callable[[object], object], inputs: Sequence[object]) -> Callable[[], None]:
    def loop() -> None:
        for x in inputs:
            fn(x)
    return loop


def _compare(theirs: Callable[[object], object], ours: Callable[[object], object],
             their_inputs: Sequence[object], our_inputs: Sequence[object]) -> dict[str, float]:
    # Best of REPEAT passes for each side, the passes interleaved so that a burst of load from
    # elsewhere on the machine lands on both sides rather than skewing one of them.
    their_loop, our_loop = _loop(theirs, their_inputs), _loop(ours, our_inputs)
    t_theirs = t_ours = float("inf")
    for _ in range(REPEAT):
        t_theirs = min(t_theirs, timeit.timeit(their_loop, number=1))
        t_ours = min(t_ours, timeit.timeit(our_loop, number=1))
    return {"speedup": round(t_theirs / t_ours, 2),
            "ipaddress_ns": round(t_theirs / len(their_inputs) * 1e9, 1),
            "ours_ns": round(t_ours / len(our_inputs) * 1e9, 1)}


def _same(condition: bool, what: str) -> None:
    # A speedup means nothing unless both sides computed the same thing.
    if not condition:
        raise AssertionError(f"ipaddress and dockernet_sim.addr disagree on {what!r}")


def _network_text(value: int, bits: int, length: int) -> str:
    host = (1 << (bits - length)) - 1
    network = value & ~host & ((1 << bits) - 1)
    return f"{ipaddress.IPv4Address(network) if bits == 32 else ipaddress.IPv6Address(network)}/{length}"


def run() -> dict[str, float]:
    """Measure; return ``<case>_speedup`` (ipaddress time / ours) and ns per call of each side."""
    rnd = random.Random(SEED)
    v4_texts = [str(ipaddress.IPv4Address(rnd.getrandbits(32))) for _ in range(N)]
    v6_texts = [str(ipaddress.IPv6Address(v)) for v in _v6_values(rnd, N)]
    v6_random_texts = [str(ipaddress.IPv6Address(rnd.getrandbits(128))) for _ in range(N)]
    p4_texts = [_network_text(int(ipaddress.IPv4Address(t)), 32, rnd.randrange(8, 31)) for t in v4_texts]
    p6_texts = [_network_text(int(ipaddress.IPv6Address(t)), 128, rnd.randrange(32, 127)) for t in v6_texts]

    objects = {}
    for name, texts in (("4", v4_texts), ("6", v6_texts), ("6r", v6_random_texts)):
        theirs = [ipaddress.ip_address(t) for t in texts]
        ours = [addr.parse_ip(t) for t in texts]
        for a, b in zip(theirs, ours):
            _same(int(a) == b.value and (str(a) == str(b) or b.is_ipv4_mapped), str(a))
        objects[name] = (theirs, ours)
    for text in p4_texts[:2000] + p6_texts[:2000]:
        net, p = ipaddress.ip_network(text), addr.parse_prefix(text)
        _same((int(net.network_address), net.prefixlen) == (p.addr.value, p.length), text)

    Fn = Callable[[object], object]
    cases: dict[str, tuple[Fn, Fn, Sequence[object], Sequence[object]]] = {
        "ipv4_parse": (ipaddress.ip_address, addr.parse_ip, v4_texts, v4_texts),
        "ipv4_format": (str, str, objects["4"][0], objects["4"][1]),
        "ipv6_parse": (ipaddress.ip_address, addr.parse_ip, v6_texts, v6_texts),
        "ipv6_format": (str, str, objects["6"][0], objects["6"][1]),
        "ipv6_parse_random": (ipaddress.ip_address, addr.parse_ip, v6_random_texts, v6_random_texts),
        "ipv6_format_random": (str, str, objects["6r"][0], objects["6r"][1]),
        "ipv4_parse_family": (ipaddress.IPv4Address, addr.parse_ipv4, v4_texts, v4_texts),
        "ipv6_parse_family": (ipaddress.IPv6Address, addr.parse_ipv6, v6_texts, v6_texts),
        "prefix4_parse": (ipaddress.ip_network, addr.parse_prefix, p4_texts, p4_texts),
        "prefix6_parse": (ipaddress.ip_network, addr.parse_prefix, p6_texts, p6_texts),
    }
    results: dict[str, float] = {}
    for name, (theirs, ours, their_inputs, our_inputs) in cases.items():
        for key, value in _compare(theirs, ours, their_inputs, our_inputs).items():
            results[f"{name}_{key}"] = value
    return results


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:34} {value}")
