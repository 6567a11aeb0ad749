"""Reachability benchmark: a who-reaches-whom matrix over 1,000 containers on 10 networks.

Figures:

* ``reach_matrix_seconds`` — ``query.reachability(host)`` over every running container (ICMP);
* ``reach_pairs`` — the ordered pairs it answered (n * (n - 1), plus the diagonal);
* ``reach_queries_per_second`` — pairs over seconds: the per-query cost of a matrix;
* ``reach_matrix_walks`` — packet walks the matrix took (one per pair of container classes);
* ``reach_single_trace_ms`` — one ``query.reach`` on the same host, for comparison (a walk
  reads the host's rules, so it grows with them; the matrix shares it).

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


def run() -> dict[str, float]:
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
    return {
        "reach_matrix_seconds": round(seconds, 3),
        "reach_pairs": pairs,
        "reach_queries_per_second": round(pairs / seconds),
        "reach_matrix_walks": m.walks,
        "reach_single_trace_ms": round(single * 1000, 2),
    }


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:28} {v}")
