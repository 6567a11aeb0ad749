"""``containers_prune`` (POST /containers/prune, ``docker container prune -f``): every container
that is not running goes, newest first (the daemon's list order: three created containers pruned
on 28 came back third, second, first), with a network prune's filters (r33, r94)."""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.specs import ContainerSpec
from dockernet_sim.errors import InvalidParameter


def test_prunes_the_stopped_and_the_created_keeps_the_running_and_the_paused() -> None:
    h = DockerHost()
    h.sh("docker run -d --name up1 busybox sleep 1000")
    h.sh("docker run -d --name down1 busybox sleep 1000")
    h.sh("docker stop down1")
    h.sh("docker create --name new1 busybox")
    h.sh("docker run -d --name cold busybox sleep 1000")
    h.sh("docker pause cold")
    ids = [h.find_container(n).id for n in ("new1", "down1")]
    assert h.containers_prune() == ids
    assert h.sh("docker ps -a --format '{{.Names}}'").stdout == "cold\nup1\n"
    assert h.containers_prune() == []


def test_filters_and_the_shell() -> None:
    h = DockerHost()
    h.container_create(ContainerSpec(name="keep", labels={"keep": "yes"}))
    h.container_create(ContainerSpec(name="drop"))
    drop = h.find_container("drop").id
    assert h.containers_prune(["label!=keep=yes"]) == [drop]
    assert h.containers_prune(["until=2000-01-01"]) == []
    with pytest.raises(InvalidParameter, match="invalid filter 'bogus'"):
        h.containers_prune(["bogus=1"])
    r = h.sh("docker container prune -f --filter bogus=1")
    assert (r.exit_code, r.stderr) == (1, "Error response from daemon: invalid filter 'bogus'\n")
    cid = h.find_container("keep").id
    assert h.sh("docker container prune -f").stdout == f"Deleted Containers:\n{cid}\n\nTotal reclaimed space: 0B\n"
