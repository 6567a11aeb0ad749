"""Benchmark of the default IPAM and its address set (``run()`` returns the figures).

What it shows: allocation cost does not depend on the size of the pool (a /8 or an IPv6 /64
costs what a /24 does, in time and memory) nor on how much of it is allocated (releasing and
re-allocating in a fragmented, nearly full /16 costs what it does in a nearly empty one).

    python bench/ipam_bench.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dockernet_sim.addr import parse_prefix
from dockernet_sim.libnetwork.addrset import AddrSet
from dockernet_sim.libnetwork.ipam import Ipam

_clock = time.perf_counter


def _best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other processes)."""
    out = []
    for _ in range(repeat):
        t = _clock()
        fn()
        out.append(_clock() - t)
    return min(out)


def _fill_addrset_slash16() -> None:
    aset = AddrSet(1 << 16)
    aset.add(0)
    aset.add((1 << 16) - 1)
    take = aset.add_any_in_range
    for _ in range((1 << 16) - 2):
        take(0, (1 << 16) - 1)


def _fill_ipam_slash16(engine: str) -> None:
    ipam = Ipam(engine)
    pool_id = ipam.request_pool(parse_prefix("10.0.0.0/16")).pool_id
    request = ipam.request_address
    for _ in range((1 << 16) - 2):
        request(pool_id)


def _first_address_ms(subnet: str) -> float:
    """request_pool + the first request_address on a fresh allocator, median of 21, in ms."""
    times = []
    pool = parse_prefix(subnet)
    for _ in range(21):
        ipam = Ipam("28")
        t = _clock()
        pool_id = ipam.request_pool(pool).pool_id
        ipam.request_address(pool_id)
        times.append(_clock() - t)
    return statistics.median(times) * 1e3


def _alloc_v6(n: int) -> None:
    ipam = Ipam("28")
    pool_id = ipam.request_pool(parse_prefix("fd00::/64")).pool_id
    request = ipam.request_address
    for _ in range(n):
        request(pool_id)


def _realloc_us(n_alloc: int, rounds: int = 20000) -> float:
    """Mean cost (us) of release + re-allocate in a /16 holding ``n_alloc`` addresses, every
    other one then released (so the free space is fragmented into single holes)."""
    ipam = Ipam("28")
    pool_id = ipam.request_pool(parse_prefix("10.0.0.0/16")).pool_id
    addrs = [ipam.request_address(pool_id) for _ in range(n_alloc)]
    for a in addrs[::2]:
        ipam.release_address(pool_id, a)
    live = addrs[1::2]
    rnd = random.Random(7)
    picks = [rnd.randrange(len(live)) for _ in range(rounds)]
    release, request = ipam.release_address, ipam.request_address
    t = _clock()
    for k in picks:
        release(pool_id, live[k])
        live[k] = request(pool_id)
    return (_clock() - t) / rounds * 1e6


def _addrset_realloc_us(n_alloc: int, rounds: int = 50000) -> float:
    """The same as ``_realloc_us`` on the bare AddrSet (no pool ids, no IP objects)."""
    aset = AddrSet(1 << 16)
    aset.add(0)
    aset.add((1 << 16) - 1)
    ordinals = [aset.add_any_in_range(0, (1 << 16) - 1) for _ in range(n_alloc)]
    for o in ordinals[::2]:
        aset.remove(o)
    live = ordinals[1::2]
    rnd = random.Random(7)
    picks = [rnd.randrange(len(live)) for _ in range(rounds)]
    remove, take = aset.remove, aset.add_any_in_range
    t = _clock()
    for k in picks:
        remove(live[k])
        live[k] = take(0, (1 << 16) - 1)
    return (_clock() - t) / rounds * 1e6


def run() -> dict[str, float]:
    """Run every measurement; returns figures keyed by name (seconds, ms, us or MB as named)."""
    out: dict[str, float] = {}
    out["alloc_slash16_seconds"] = _best(_fill_addrset_slash16)                 # AddrSet, 65,534 adds
    out["ipam_alloc_slash16_seconds"] = _best(lambda: _fill_ipam_slash16("28"))  # through request_address
    out["ipam_alloc_slash16_seconds_20_10"] = _best(lambda: _fill_ipam_slash16("20.10"))
    out["alloc_first_slash8_ms"] = _first_address_ms("10.0.0.0/8")
    out["alloc_first_v6_64_ms"] = _first_address_ms("fd00::/64")
    out["alloc_first_v6_slash0_ms"] = _first_address_ms("::/0")
    out["alloc_100k_v6_seconds"] = _best(lambda: _alloc_v6(100_000))
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    _alloc_v6(100_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out["peak_memory_mb"] = (peak - base) / 1e6
    # a /16 with 1,024 / 8,192 / 65,534 addresses allocated, then every other one released
    sparse, mid, full = (min(_realloc_us(n) for _ in range(3)) for n in (1024, 8192, 65534))
    out["realloc_sparse_us"] = sparse
    out["realloc_mid_us"] = mid
    out["realloc_full_us"] = full
    out["realloc_cost_ratio_full_vs_sparse"] = full / sparse
    sparse, full = (min(_addrset_realloc_us(n) for _ in range(3)) for n in (1024, 65534))
    out["addrset_realloc_sparse_us"] = sparse
    out["addrset_realloc_full_us"] = full
    out["addrset_realloc_cost_ratio_full_vs_sparse"] = full / sparse
    return out


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:40} {value:10.4f}")
