"""Engine API benchmark: real clients' round trips against ``serve`` on a unix socket.

Figures:

* ``api_calls_per_second`` — docker-py ``networks.list()`` round trips, one client;
* ``api_containers_per_second_parallel`` — create + start through the API, 8 clients at once;
* ``api_load_clients`` / ``api_load_containers`` / ``api_load_duplicates`` /
  ``api_load_errors`` / ``api_load_leaked_endpoints`` — 16 clients create, start and remove
  2,000 containers on 4 networks: no duplicate address, no error, no endpoint left behind.

    python bench/api_bench.py
"""

from __future__ import annotations

import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dockernet_sim import DockerHost  # noqa: E402


def run() -> dict[str, object]:
    try:
        import docker
    except ImportError:
        return {}
    out: dict[str, object] = {}
    with DockerHost(engine="28", seed=0).serve() as srv:
        client = docker.DockerClient(base_url=srv.docker_host)
        client.networks.list()
        n = 300
        t = time.perf_counter()
        for _ in range(n):
            client.networks.list()
        out["api_calls_per_second"] = round(n / (time.perf_counter() - t))

        for i in range(4):
            client.networks.create(f"n{i}", ipam=docker.types.IPAMConfig(
                pool_configs=[docker.types.IPAMPool(subnet=f"10.{100 + i}.0.0/20")]))
        per = 40

        def make(k: int, clients: int, errors: list[str], made: list[str]) -> None:
            c = docker.DockerClient(base_url=srv.docker_host)
            for j in range(per):
                try:
                    ct = c.containers.run("busybox", name=f"p{clients}-{k}-{j}", tty=True, detach=True,
                                          network=f"n{(k + j) % 4}")
                    made.append(ct.id)
                except docker.errors.APIError as e:
                    errors.append(str(e))

        errors: list[str] = []
        made: list[str] = []
        threads = [threading.Thread(target=make, args=(k, 8, errors, made)) for k in range(8)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        out["api_containers_per_second_parallel"] = round(len(made) / (time.perf_counter() - t))

        # the load: 16 clients, 2,000 containers created, started and removed on 4 networks
        load_errors: list[str] = []
        load_made: list[str] = []
        total, clients = 2_000, 16

        def churn(k: int) -> None:
            c = docker.DockerClient(base_url=srv.docker_host)
            for j in range(total // clients):
                try:
                    ct = c.containers.run("busybox", name=f"l{k}-{j}", tty=True, detach=True, network=f"n{(k + j) % 4}")
                    load_made.append(ct.id)
                    if j % 2:
                        ct.remove(force=True)
                except docker.errors.APIError as e:
                    load_errors.append(str(e))

        threads = [threading.Thread(target=churn, args=(k,)) for k in range(clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        ips: list[str] = []
        for i in range(4):
            doc = client.networks.get(f"n{i}").attrs
            ips += [e["IPv4Address"] for e in doc["Containers"].values()]
        host = srv.api.h
        live = {c.id for c in host.container_list(all=True)}
        leaked = sum(1 for net in host.network_list() for ep in net.endpoints.values()
                     if ep.container_id not in live)
        out.update({"api_load_clients": clients, "api_load_containers": len(load_made),
                    "api_load_duplicates": len(ips) - len(set(ips)), "api_load_errors": len(load_errors),
                    "api_load_leaked_endpoints": leaked})
    return out


if __name__ == "__main__":
    for k, v in sorted(run().items()):
        print(f"{k:<40} {v}")
