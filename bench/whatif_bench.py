"""What-if benchmark: forking a host (issue 15).

Figures (each the best of a few runs, gc paused as timeit does):

* ``fork_ms_2k`` — ``DockerHost.fork()`` of 2,000 running containers on 4 networks;
* ``fork_growth_20k_vs_200`` — fork time at 20,000 containers over fork time at 200 (1 would be
  a fork that does not grow with the host);
* ``fork_vs_deepcopy_speedup_2k`` — ``copy.deepcopy`` of the same host (how fork was made before)
  over ``fork()``;
* ``fork_over_build_2k`` — a fork over building the same host by its API calls.

    python bench/whatif_bench.py
"""

from __future__ import annotations

import copy
import gc
import os
import sys
import time
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from engine_bench import build  # noqa: E402


def best(fn: Callable[[], Any], repeat: int = 3) -> float:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)
    finally:
        if was:
            gc.enable()


def run() -> dict[str, float]:
    build_2k, h2k = build(2_000, 4)
    fork_2k = best(h2k.fork)
    deep_2k = best(lambda: copy.deepcopy(h2k), repeat=1)
    del h2k
    _, h200 = build(200, 4)
    fork_200 = best(h200.fork, repeat=5)
    del h200
    _, h20k = build(20_000, 4)
    fork_20k = best(h20k.fork, repeat=2)
    del h20k
    return {
        "fork_ms_2k": round(fork_2k * 1000, 1),
        "fork_growth_20k_vs_200": round(fork_20k / fork_200, 1),
        "fork_vs_deepcopy_speedup_2k": round(deep_2k / fork_2k, 2),
        "fork_over_build_2k": round(fork_2k / build_2k, 3),
    }


if __name__ == "__main__":
    import json
    print(json.dumps(run(), indent=2))
