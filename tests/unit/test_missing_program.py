"""A container whose program is not in its image (r190_missing_program, recorded on 20.10, 26 and
28): runc refuses the task at every start — ``run``, ``start``, ``restart`` — so the container
keeps its state (Created), with runc's error in State.Error and 127 in State.ExitCode; the network
and ports set up for the task are given back; 20.10 and 26 still list the ports in ``docker ps``."""

from __future__ import annotations

import os

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")
STATE = "docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' "


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


@pytest.mark.parametrize("engine", ENGINES)
def test_every_start_is_refused_and_the_state_keeps_why(engine: str) -> None:
    s = Session(engine=engine, seed=1)
    out, err, code = run(s, "docker run -d --name miss busybox nosuch")
    assert code == 127 and len(out.strip()) == 64           # the ID, then the error
    error = err.split("Error response from daemon: ", 1)[1].splitlines()[0].rstrip(".")
    assert 'exec: "nosuch": executable file not found in $PATH' in error
    assert run(s, STATE + "miss") == (f"created 127 {error}\n", "", 0)
    out, err, code = run(s, "docker start miss")
    assert (out, err, code) == ("", f"Error response from daemon: {error}\nError: failed to start containers: miss\n", 1)
    out, err, code = run(s, "docker restart miss")
    assert (out, err, code) == ("", f"Error response from daemon: Cannot restart container miss: {error}\n", 1)
    assert run(s, STATE + "miss")[0] == f"created 127 {error}\n"
    assert run(s, "docker logs miss") == ("", "", 0)
    assert run(s, "docker ps -a --format '{{.Names}} {{.Status}}'")[0] == "miss Created\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_path_is_stated_not_looked_up(engine: str) -> None:
    s = Session(engine=engine, seed=1)
    err = run(s, "docker run -d --name abs busybox /bin/nosuch")[1]
    assert 'exec: "/bin/nosuch": stat /bin/nosuch: no such file or directory' in err


@pytest.mark.parametrize("engine", ENGINES)
def test_the_address_and_port_are_given_back(engine: str) -> None:
    s = Session(engine=engine, seed=1)
    run(s, "docker network create --subnet 10.79.0.0/24 lan")
    assert run(s, "docker run -d --name pub --network lan --ip 10.79.0.9 -p 8080:80 busybox nosuch")[2] == 127
    assert run(s, "docker network inspect -f '{{len .Containers}}' lan")[0] == "0\n"
    assert run(s, "docker port pub") == ("", "", 0)
    listed = run(s, "docker ps -a --filter name=pub --format '{{.Ports}}'")[0]
    # 20.10 and 26 list what the refused task had bound; 28 nothing (r190)
    assert (listed != "\n") == (engine != "28"), listed
    assert run(s, "docker run -d --name pub2 --network lan --ip 10.79.0.9 -p 8080:80 busybox sleep 1000")[2] == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_an_attached_run_prints_no_id(engine: str) -> None:
    s = Session(engine=engine, seed=1)
    out, err, code = run(s, "docker run --name att busybox nosuch")
    assert (out, code) == ("", 127)
    # 20.10's client says its wait for the container was cancelled (r190)
    assert ("error waiting for container: context canceled" in err) == (engine == "20.10")
    out, err, code = run(s, "docker start -a att")
    assert code == 1 and ("context canceled" in err) == (engine == "20.10")
    assert run(s, "docker run --rm busybox nosuch")[2] == 127
    assert run(s, "docker ps -aq")[0].count("\n") == 1      # --rm took its container away


@pytest.mark.parametrize("engine", ENGINES)
def test_a_shell_that_cannot_find_the_program_runs_and_exits_127(engine: str) -> None:
    s = Session(engine=engine, seed=1)
    assert run(s, "docker run -d --name shc busybox sh -c nosuch")[2] == 0
    assert run(s, STATE + "shc")[0] == "exited 127 \n"
    assert run(s, "docker logs shc") == ("", "sh: nosuch: not found\n", 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_error_survives_fork_save_and_load(engine: str, tmp_path: "os.PathLike[str]") -> None:
    h = DockerHost(engine=engine, seed=2)
    h.run("busybox", name="idle")
    h.container_stop("idle")
    h.container_task_failed("idle", "runc said no", 127)
    path = os.path.join(str(tmp_path), "h.json")
    h.save(path)
    for other in (h.fork(), DockerHost.load(path), DockerHost.load(path, replay=True)):
        st = other.container_inspect("idle")["State"]
        assert (st["Status"], st["ExitCode"], st["Error"]) == ("exited", 127, "runc said no")
        other.container_start("idle")
        st = other.container_inspect("idle")["State"]
        assert (st["Status"], st["ExitCode"], st["Error"]) == ("running", 0, "")
