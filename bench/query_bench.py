"""What-if benchmark: the reachability matrix by classes at 10,000 containers, its agreement with
a walk per pair, and the diff after one change on a fork of 2,000.

Figures:

* ``matrix_seconds_10k`` — ``query.reachability`` over 10,000 running containers on 20 networks
  (10^8 ordered pairs, ICMP), the host built beforehand;
* ``matrix_walks_10k`` — the packet walks it took (one per pair of classes);
* ``matrix_agrees_with_pairwise`` — on a varied host (user, ``--internal`` and ``icc=false``
  networks, published ports, listeners, ``--link``, second networks, stopped containers,
  ``container:`` and ``host`` mode, rules naming addresses), 10,000 sampled ordered pairs: the
  matrix's answer equals the pair's own walk (``true``/``false``);
* ``diff_one_change_ms_2k`` — one ``network connect`` on a fork of 2,000 containers on 4
  networks, then ``DockerHost.diff`` (the fork itself is not timed: that is ``fork_ms_2k``'s),
  which asks ``since_fork()`` what each side did since and looks only there;
* ``diff_one_change_ms_2k_deepcopy`` — the same diff against a deep copy of the original (no
  common fork point, so every container is compared).

    python bench/query_bench.py
"""

from __future__ import annotations

import copy
import gc
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dockernet_sim import DockerHost  # noqa: E402
from dockernet_sim.daemon.config import DaemonConfig  # noqa: E402
from dockernet_sim.query import Context, _trace, reachability  # noqa: E402
from dockernet_sim.query.diff import diff  # noqa: E402
from reach_bench import build  # noqa: E402  (n containers spread over m user networks)


def varied(n_containers: int = 600) -> DockerHost:
    """A host where classes have something to tell apart (see the module's docstring)."""
    rng = random.Random(15)
    h = DockerHost(engine="28", seed=3, config=DaemonConfig(icc=False))
    for line in ["docker network create n1", "docker network create --internal n2",
                 "docker network create -o com.docker.network.bridge.enable_icc=false n3"]:
        h.sh(line)
    for k in range(n_containers):
        net = rng.choice(["bridge", "n1", "n1", "n2", "n3"])
        flags = f"--network {net}" if net != "bridge" else ""
        if k % 97 == 5:
            flags = f"--network container:c{k - 1}"
        elif k % 131 == 7:
            flags = "--network host"
        elif rng.random() < 0.05:
            flags += f" -p {10000 + k}:80"
        elif net == "bridge" and k > 0 and rng.random() < 0.1:
            flags += f" --link c{rng.randrange(k)}"
        verb = "create" if rng.random() < 0.03 else "run -d"
        h.sh(f"docker {verb} --name c{k} {flags} {rng.choice(['busybox', 'web'])}")
        if net == "n1" and rng.random() < 0.1:
            h.sh(f"docker network connect n3 c{k}")
    nf = h.daemon.kernel.host.netfilter
    for k in (3, 11, 40):
        ip = h.container_inspect(f"c{k}")["NetworkSettings"]["Networks"]
        for settings in ip.values():
            if settings.get("IPAddress"):
                nf.insert("filter", "DOCKER-USER", f"-s {settings['IPAddress']}/32 -j DROP")
    return h


def agreement(samples: int = 10_000) -> bool:
    h = varied()
    m = reachability(h)
    ctx = Context(h)
    rng = random.Random(1)
    for _ in range(samples):
        a, b = rng.choice(m.names), rng.choice(m.names)
        if a != b and m.verdict(a, b) != _trace(ctx, a, b, None, "icmp").verdict:
            return False
    return True


def run() -> dict[str, object]:
    h = build(10_000, 20)
    gc.collect()
    t0 = time.perf_counter()
    m = reachability(h)
    matrix = time.perf_counter() - t0
    assert m.verdict("c0", "c20") == "reachable" and m.verdict("c0", "c1") == "dropped"
    walks = m.walks
    del h, m
    gc.collect()

    h = build(2_000, 4)
    f = h.fork()
    f.network_connect("net1", "c0")
    deep = copy.deepcopy(h)
    gc.collect()
    t1 = time.perf_counter()
    d = h.diff(f)
    one = time.perf_counter() - t1
    t2 = time.perf_counter()
    d_deep = deep.diff(f)
    deep_ms = time.perf_counter() - t2
    assert ("c0", "c1", "dropped", "reachable") in d.reach_changed and len(d.reach_gained) == 1000
    assert deep.since_fork(f) is None and d_deep == d == diff(h.daemon, f.daemon)
    return {
        "matrix_seconds_10k": round(matrix, 3),
        "matrix_walks_10k": walks,
        "matrix_agrees_with_pairwise": agreement(),
        "diff_one_change_ms_2k": round(one * 1000, 1),
        "diff_one_change_ms_2k_deepcopy": round(deep_ms * 1000, 1),
    }


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:32} {v}")
