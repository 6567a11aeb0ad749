"""HostConfig.AutoRemove (``--rm``): the daemon removes the container once its task ends.

moby removes an AutoRemove container when its task exits, is stopped or killed
(daemon/monitor.go), and when its start fails (daemon/start.go), but not across a restart; the
docker CLI from API 1.25 leaves the removal to the daemon. The simulator's own ``docker run
--rm`` and ``compose run --rm`` go through the same daemon calls (c40–c42, r79)."""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.specs import ContainerSpec
from dockernet_sim.errors import DockerError, NotFound


def _gone(h: DockerHost, name: str) -> bool:
    try:
        h.find_container(name)
    except NotFound:
        return True
    return False


@pytest.mark.parametrize("engine", ["20.10", "26", "28"])
def test_the_task_ending_removes_it(engine: str) -> None:
    h = DockerHost(engine=engine)
    for name in ("aa", "bb", "cc"):
        h.container_create(ContainerSpec(name=name, tty=True, auto_remove=True))
        h.container_start(name)
    assert h.container_inspect("aa")["HostConfig"]["AutoRemove"] is True
    h.container_stop("aa")
    h.container_kill("bb", "KILL")
    h.container_exited("cc", 3)
    assert all(_gone(h, n) for n in ("aa", "bb", "cc"))
    assert h.network_inspect("bridge")["Containers"] == {}


def test_a_restart_keeps_it_and_a_signal_that_does_not_stop_it_too() -> None:
    h = DockerHost()
    h.container_create(ContainerSpec(name="aa", tty=True, auto_remove=True))
    h.container_start("aa")
    h.container_restart("aa")
    h.container_kill("aa", "TERM")            # the images' shell ignores it
    assert h.find_container("aa").running


def test_a_failed_start_removes_it_and_the_rest_rolls_back() -> None:
    h = DockerHost()
    h.sh("docker run -d --name holder -p 8080:80 busybox sleep 1000")
    before = h.network_inspect("bridge")
    cid, _ = h.container_create(ContainerSpec(name="aa", auto_remove=True,
                                              port_bindings={"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}))
    with pytest.raises(DockerError):
        h.container_start("aa")
    assert _gone(h, "aa") and _gone(h, cid)
    assert h.network_inspect("bridge") == before


def test_without_auto_remove_nothing_changes() -> None:
    h = DockerHost()
    h.container_create(ContainerSpec(name="aa", tty=True))
    h.container_start("aa")
    h.container_stop("aa")
    assert h.find_container("aa").status == "exited"
    assert h.container_inspect("aa")["HostConfig"]["AutoRemove"] is False


def test_the_shell_run_rm_goes_through_the_daemon() -> None:
    h = DockerHost()
    assert h.sh("docker run --rm busybox echo hi").stdout == "hi\n"
    assert h.sh("docker run --rm -d --name gone busybox echo hi").exit_code == 0
    h.sh("docker run --rm -d --name stays busybox sleep 1000")
    assert h.sh("docker ps -a --format '{{.Names}} {{.Status}}'").stdout.startswith("stays Up")
    h.sh("docker stop stays")
    assert h.sh("docker ps -aq").stdout == ""
    # a program the image lacks: runc refuses the task, and the container goes with it (r190)
    r = h.sh("docker run --rm busybox nosuchprogram")
    assert r.exit_code == 127 and h.sh("docker ps -aq").stdout == ""


def test_create_rm_and_workdir_reach_the_container() -> None:
    h = DockerHost()
    h.sh("docker create --rm -w /tmp --name aa busybox pwd")
    doc = h.container_inspect("aa")
    assert (doc["HostConfig"]["AutoRemove"], doc["Config"]["WorkingDir"]) == (True, "/tmp")
    assert h.sh("docker start -a aa").stdout == "/tmp\n"
    assert _gone(h, "aa")
