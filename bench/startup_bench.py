"""Start-up and load benchmark (issue 15).

* ``startup_ratio``: ``python -m dockernet_sim run`` on the seed walkthrough (the tutorial's 22
  commands, ``tests/golden/scenarios/s01_seed_walkthrough.sh``) over ``python -c pass``: whole
  processes, run in turn, the CPU time (user + sys, from the kernel's accounting of each child)
  of each pair divided, the median of 5 pairs after one warm-up of each. CPU rather than wall
  time: on a shared machine a process's wall time counts the other users' work. Both run with
  bytecode cached in a temporary directory, as an installed package has it (no file lands in
  the tree); ``startup_wall_ratio`` is the same pairs' wall-time ratio.
* ``load_seconds_2k``: ``DockerHost.load`` of a saved host of 2,000 running containers on one
  network (the issue's table), CPU seconds of this process, the median of 3 loads
  (``load_wall_seconds_2k``: the same loads' wall time); ``load_over_build_2k``: that over the CPU
  time the same host took to build through the Python API in this run (the baseline: a load
  replays those calls, so about 1 is the floor of a replay).
* ``save_seconds_2k``: ``DockerHost.save`` of that host, CPU seconds, the median of 3 saves;
  ``save_over_build_2k``: that over the same build time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from dockernet_sim import DockerHost
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WALKTHROUGH = os.path.join(ROOT, "tests", "golden", "scenarios", "s01_seed_walkthrough.sh")
PAIRS = 5


def child_times(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole process running ``argv``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} exited {proc.returncode}")
    return usage.ru_utime + usage.ru_stime, wall


def startup() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="dockernet_sim-bench-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPATH=ROOT, PYTHONPYCACHEPREFIX=pyc)
        ours = [sys.executable, "-m", "dockernet_sim", "run", WALKTHROUGH]
        bare = [sys.executable, "-c", "pass"]
        child_times(ours, env)          # warm-up: writes the bytecode
        child_times(bare, env)
        cpu, wall = [], []
        for _ in range(PAIRS):
            a_cpu, a_wall = child_times(ours, env)
            b_cpu, b_wall = child_times(bare, env)
            cpu.append(a_cpu / b_cpu)
            wall.append(a_wall / b_wall)
    return {"startup_ratio": round(statistics.median(cpu), 2), "startup_wall_ratio": round(statistics.median(wall), 2)}


def saved_host(path: str, n: int = 2_000) -> tuple[float, float]:
    """Build a host of ``n`` running containers on one network, save it to ``path`` (3 times);
    the CPU seconds the build took, and the median of the saves'."""
    t0 = time.process_time()
    h = DockerHost(engine="28", seed=1)
    h.network_create("net", ipam_config=[{"Subnet": "10.0.0.0/16"}])
    for j in range(n):
        cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"c{j}", network_mode="net",
                                                  networks={"net": EndpointSpec()}))
        h.container_start(cid)
    built = time.process_time() - t0
    saves = []
    for _ in range(3):
        t0 = time.process_time()
        h.save(path)
        saves.append(time.process_time() - t0)
    return built, statistics.median(saves)


def load() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="dockernet_sim-bench-load-") as folder:
        path = os.path.join(folder, "host.json")
        built, saved = saved_host(path)
        cpu, wall = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            DockerHost.load(path)
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - t0)
    return {"load_seconds_2k": round(statistics.median(cpu), 3), "load_wall_seconds_2k": round(statistics.median(wall), 3),
            "load_over_build_2k": round(statistics.median(cpu) / built, 2), "save_seconds_2k": round(saved, 3),
            "save_over_build_2k": round(saved / built, 2)}


def run() -> dict[str, float]:
    return {**startup(), **load()}


if __name__ == "__main__":
    print(run())
