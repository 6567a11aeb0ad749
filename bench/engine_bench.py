"""Engine benchmark: containers created and started through the Python API.

Creates 1,000 and then 10,000 containers spread over 100 user networks on fresh hosts and
compares the cost per container: it must not grow with the size of the host (nor does a
``docker pause`` + ``unpause``: 11,000 containers against 100); and counts the objects a
container adds for Python's cyclic collector to scan (``--objects``: by type).
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections import Counter

from dockernet_sim import DockerHost
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec


def build(n_containers: int, n_networks: int = 100) -> tuple[float, DockerHost]:
    h = DockerHost(engine="28", seed=1)
    for i in range(n_networks):
        h.network_create(f"net{i}", ipam_config=[{"Subnet": f"10.{i}.0.0/16"}])
    t0 = time.perf_counter()
    add_containers(h, n_containers, n_networks)
    return time.perf_counter() - t0, h


def add_containers(h: DockerHost, n: int, n_networks: int, tag: str = "c") -> None:
    """Create and start ``n`` containers named TAG0, TAG1 … over ``net0`` … (round robin)."""
    for j in range(n):
        net = f"net{j % n_networks}"
        cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"{tag}{j}", network_mode=net,
                                                  networks={net: EndpointSpec()}))
        h.container_start(cid)


def objects_per_container(n: int = 1_000) -> tuple[float, Counter[str]]:
    """Objects the cyclic collector tracks per container (what every full collection scans and
    a fork copies), over ``n`` containers added to a host of 200, and those objects by type."""
    _, h = build(200, 4)

    def census() -> Counter[str]:
        gc.collect()
        return Counter(type(o).__name__ for o in gc.get_objects())
    before = census()
    add_containers(h, n, 4, tag="o")
    added = census() - before
    return sum(added.values()) / n, added


def timed(n: int, collector: bool = False) -> tuple[float, DockerHost]:
    """Build a host of n containers. Like timeit, the cyclic garbage collector is paused while
    timing (its full passes scan every live object, which is the interpreter's cost, not ours);
    ``collector=True`` measures with it running, after moving earlier garbage out of its way."""
    gc.collect()
    gc.freeze()
    was = gc.isenabled()
    if not collector:
        gc.disable()
    try:
        return build(n)
    finally:
        if was:
            gc.enable()
        gc.unfreeze()


def publish(n_ports: int, n_containers: int) -> float:
    """Seconds to create and start ``n_containers`` containers on the default bridge, each
    publishing ``n_ports`` consecutive ports (``-p A-B:A-B``: one binding per port, as the client
    sends it), on a fresh host; the collector paused, as in ``timed``."""
    h = DockerHost(engine="28", seed=1)
    specs = []
    for j in range(n_containers):
        first = 1 + j * n_ports
        specs.append(ContainerSpec(image="busybox", name=f"p{j}", port_bindings={
            f"{p}/tcp": [{"HostIp": "", "HostPort": str(p)}] for p in range(first, first + n_ports)}))
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        for spec in specs:
            cid, _ = h.container_create(spec)
            h.container_start(cid)
        return time.perf_counter() - t0
    finally:
        gc.enable()


def join_leave(n_ports: int, cycles: int = 300) -> float:
    """Seconds per disconnect + connect of one container on a 20.10 bridge that has ``n_ports``
    ports (20.10's bridge takes its smallest port's MTU at every join); the collector paused."""
    h = DockerHost(engine="20.10", seed=1)
    h.network_create("net0", ipam_config=[{"Subnet": "10.200.0.0/16"}])
    add_containers(h, n_ports, 1)
    h.network_create("other", ipam_config=[{"Subnet": "10.201.0.0/16"}])
    h.network_connect("other", "c0")        # c0 keeps a network while it is off net0
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        for _ in range(cycles):
            h.network_disconnect("net0", "c0")
            h.network_connect("net0", "c0")
        return (time.perf_counter() - t0) / cycles
    finally:
        gc.enable()


def pause_cycle(h: DockerHost, cycles: int = 300) -> float:
    """Seconds per ``docker pause`` + ``unpause`` of one container (two journaled API calls);
    the collector paused."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        for _ in range(cycles):
            h.container_pause("c0")
            h.container_unpause("c0")
        return (time.perf_counter() - t0) / cycles
    finally:
        gc.enable()


def run() -> dict[str, float]:
    # every port of the host in one container, against 1,000 containers of one port each
    all_ports = min(publish(65_535, 1) for _ in range(3))
    one_port_x1000 = min(publish(1, 1_000) for _ in range(3))
    small_t = min(timed(1_000)[0] for _ in range(3))
    big_t, h = timed(10_000)
    small_gc = min(timed(1_000, collector=True)[0] for _ in range(3))
    big_gc, _ = timed(10_000, collector=True)
    tracemalloc.start()
    timed(10_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # memory per container: measure a second, untraced build's growth with tracemalloc on a slice
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for j in range(1_000):
        cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"m{j}", network_mode="net0",
                                                  networks={"net0": EndpointSpec()}))
        h.container_start(cid)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    pause_big = min(pause_cycle(h) for _ in range(3))
    pause_small = min(pause_cycle(timed(100)[1]) for _ in range(3))
    per_container, _ = objects_per_container()
    join_leave_small = min(join_leave(50) for _ in range(3))
    join_leave_big = min(join_leave(5_000) for _ in range(2))
    per_small = small_t / 1_000
    per_big = big_t / 10_000
    return {
        "containers_per_second_1k": round(1_000 / small_t, 1),
        "containers_per_second_10k": round(10_000 / big_t, 1),
        "container_cost_growth_10k_vs_1k": round(per_big / per_small, 3),
        "container_cost_growth_10k_vs_1k_with_gc": round((big_gc / 10_000) / (small_gc / 1_000), 3),
        "memory_per_container_kb": round((after - before) / 1_000 / 1024, 2),
        "objects_per_container": round(per_container, 1),
        "engine_peak_memory_mb_10k": round(peak / 2**20, 1),
        "bridge_join_leave_growth_5k_vs_50_ports_2010": round(join_leave_big / join_leave_small, 3),
        "pause_unpause_growth_11k_vs_100_containers": round(pause_big / pause_small, 3),
        "publish_all_ports_seconds": round(all_ports, 3),
        "publish_65535_vs_1_port_x1000_ratio": round(all_ports / one_port_x1000, 3),
    }


if __name__ == "__main__":
    import json
    import sys
    if "--objects" in sys.argv:     # the objects a container adds, by type
        total, by_type = objects_per_container()
        print(f"{total:.1f} per container: " + ", ".join(f"{k} {v / 1_000:g}" for k, v in by_type.most_common()))
    else:
        print(json.dumps(run(), indent=2))
