"""Reachability benchmark: a who-reaches-whom matrix over 1,000 containers on 10 networks.

Figures:

* ``reach_matrix_seconds`` — ``query.reachability(host)`` over every running container (ICMP);
* ``reach_pairs`` — the ordered pairs it answered (n * (n - 1), plus the diagonal);
* ``reach_queries_per_second`` — pairs over seconds: the per-query cost of a matrix;
* ``reach_matrix_walks`` — packet walks the matrix took (one per pair of container classes);
* ``reach_single_trace_ms`` — one ``query.reach`` on the same host, for comparison (a walk
  reads the host's rules, so it grows with them; the matrix shares it);
* ``ping_count_us`` — adding a ``ping -c 3``'s packets to the counters of the links its walk
  crossed, after the neighbour lookups of its next hops (one journalled change), and
  ``ping_count_growth``: that cost on this host over the same on a host of 100 containers (1.0:
  independent of the host's size).

    python bench/reach_bench.py
"""

from __future__ import annotations

import gc
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dockernet_sim import DockerHost  # noqa: E402
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec  # noqa: E402
from dockernet_sim.query import reach, reachability  # noqa: E402
from dockernet_sim.query.traffic import echo, move  # noqa: E402


def build(n_containers: int = 1_000, n_networks: int = 10) -> DockerHost:
    h = DockerHost(engine="28", seed=1)
    nets = []
    for i in range(n_networks):
        name = f"net{i}"
        h.network_create(name, ipam_config=[{"Subnet": f"10.{i}.0.0/16"}])
        nets.append(name)
    for j in range(n_containers):
        net = nets[j % n_networks]
        cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"c{j}", network_mode=net,
                                                  networks={net: EndpointSpec()}))
        h.container_start(cid)
    return h


def count_cost_us(h: DockerHost, rounds: int = 2_000) -> float:
    """Microseconds to count one ``ping -c 3`` c0 -> c10 (best of three batches)."""
    t = reach(h, "c0", "c10")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(rounds):
            move(h.daemon, t.wire, echo(3, 84), t.contacts)
        best = min(best, (time.perf_counter() - t0) / rounds)
    return best * 1e6


def run() -> dict[str, float]:
    small = count_cost_us(build(100, 10))
    h = build()
    gc.collect()
    t0 = time.perf_counter()
    m = reachability(h)
    seconds = time.perf_counter() - t0
    pairs = len(m.names) * len(m.names)
    # sanity: same network reaches, other networks do not
    assert m.verdict("c0", "c10") == "reachable" and m.verdict("c0", "c1") == "dropped"
    t1 = time.perf_counter()
    reach(h, "c0", "c11")
    single = time.perf_counter() - t1
    count = count_cost_us(h)
    return {
        "reach_matrix_seconds": round(seconds, 3),
        "reach_pairs": pairs,
        "reach_queries_per_second": round(pairs / seconds),
        "reach_matrix_walks": m.walks,
        "reach_single_trace_ms": round(single * 1000, 2),
        "ping_count_us": round(count, 2),
        "ping_count_growth": round(count / small, 2),
    }


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:28} {v}")
