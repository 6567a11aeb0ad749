"""``docker wait``, ``update``, ``attach``, ``stats --no-stream`` and ``docker volume`` (r220–r222,
recorded on 20.10, 26 and 28): tables of command line -> what the client prints, and the API
calls behind them (journaled, atomic, kept by save/load)."""

from __future__ import annotations

import json
import os
import tempfile

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.specs import ContainerSpec, MountSpec
from dockernet_sim.errors import Conflict, InvalidParameter, NotFound
from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")


def session(engine: str) -> Session:
    s = Session(engine=engine, seed=3)
    for line in ("docker run -d --name w1 busybox sh -c 'echo hi; exit 3'",
                 "docker run -d --name w2 busybox true",
                 "docker create --name c1 busybox",
                 "docker run -itd --name u1 busybox",
                 "docker run -itd --name r7 --rm busybox"):
        assert s.run_line(line).exit_code == 0, line
    return s


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


# -- wait -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("line,out,err,code", [
    ("docker wait w1", "3\n", "", 0),
    ("docker wait w1 w2", "3\n0\n", "", 0),
    ("docker wait c1", "0\n", "", 0),                     # never started: answered at once
    ("docker container wait w2", "0\n", "", 0),
    ("docker wait w1 nope w2", "3\n0\n", "Error response from daemon: No such container: nope\n", 1),
])
def test_wait(engine: str, line: str, out: str, err: str, code: int) -> None:
    assert run(session(engine), line) == (out, err, code)


def test_wait_for_a_running_container_says_it_would_block() -> None:
    out, err, code = run(session("28"), "docker wait u1")
    assert (out, code) == ("", 2) and err.startswith("dockernet_sim: docker wait u1:")


# -- update -----------------------------------------------------------------------------------------
POLICY = "docker inspect -f '{{json .HostConfig.RestartPolicy}}' u1"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("flag,shown", [
    ("always", '{"Name":"always","MaximumRetryCount":0}'),
    ("on-failure:3", '{"Name":"on-failure","MaximumRetryCount":3}'),
    ("on-failure", '{"Name":"on-failure","MaximumRetryCount":0}'),
    ("unless-stopped", '{"Name":"unless-stopped","MaximumRetryCount":0}'),
    ("no", '{"Name":"no","MaximumRetryCount":0}'),
])
def test_update_restart_policy_shows_in_inspect(engine: str, flag: str, shown: str) -> None:
    s = session(engine)
    assert run(s, f"docker update --restart {flag} u1") == ("u1\n", "", 0)
    assert run(s, POLICY)[0] == shown + "\n"


@pytest.mark.parametrize("engine,flag,err", [
    ("28", "bogus", "Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of "
                    "'no', 'always', 'on-failure', or 'unless-stopped'"),
    ("20.10", "bogus", "Error response from daemon: invalid restart policy 'bogus'"),
    ("28", "always:3", "Error response from daemon: invalid restart policy: maximum retry count can only be "
                       "used with 'on-failure'"),
    ("20.10", "always:3", "Error response from daemon: maximum retry count cannot be used with restart policy "
                          "'always'"),
    ("26", "on-failure:-1", "Error response from daemon: invalid restart policy: maximum retry count cannot be "
                            "negative"),
    ("28", "on-failure:x", "invalid restart policy format: maximum retry count must be an integer"),
    ("20.10", "on-failure:x", "maximum retry count must be an integer"),
])
def test_update_refuses_a_bad_policy_and_keeps_the_old(engine: str, flag: str, err: str) -> None:
    s = session(engine)
    assert run(s, f"docker update --restart {flag} u1") == ("", err + "\n", 1)
    assert run(s, POLICY)[0] == '{"Name":"no","MaximumRetryCount":0}\n'


@pytest.mark.parametrize("engine", ENGINES)
def test_update_errors(engine: str) -> None:
    s = session(engine)
    cid = s.run_line("docker inspect -f '{{.Id}}' r7").stdout.strip()
    uid = s.run_line("docker inspect -f '{{.Id}}' u1").stdout.strip()
    assert run(s, "docker update u1") == ("", "you must provide one or more flags when using this command\n", 1)
    assert run(s, "docker update --restart always u1 nope w2") == (
        "u1\nw2\n", "Error response from daemon: No such container: nope\n", 1)
    assert run(s, "docker update --restart always r7") == (
        "", f"Error response from daemon: Cannot update container {cid}: Restart policy cannot be updated "
            f"because AutoRemove is enabled for the container\n", 1)
    assert run(s, "docker update --memory 64m u1") == (
        "", f"Error response from daemon: Cannot update container {uid}: Memory limit should be smaller than "
            f"already set memoryswap limit, update the memoryswap at the same time\n", 1)
    assert run(s, "docker update --cpus 0.5 u1") == ("u1\n", "", 0)
    assert run(s, "docker update --memory 64m --memory-swap 128m u1") == ("u1\n", "", 0)
    assert run(s, "docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}}' u1"
               )[0] == "67108864 134217728 500000000\n"


@pytest.mark.parametrize("engine,err", [
    ("28", "docker: conflicting options: cannot specify both --restart and --rm\n\n"
           "Run 'docker run --help' for more information\n"),
    ("26", "docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.\n"),
    ("20.10", "docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.\n"),
])
def test_run_restart_with_rm_is_the_clients_refusal(engine: str, err: str) -> None:
    assert run(session(engine), "docker run -itd --restart always --rm busybox") == ("", err, 125)


def test_run_restart_policy_and_auto_remove_in_inspect() -> None:
    s = session("28")
    s.run_line("docker run -itd --name r2 --restart on-failure:2 busybox")
    assert run(s, "docker inspect -f '{{json .HostConfig.RestartPolicy}} {{.HostConfig.AutoRemove}}' r2")[0] == \
        '{"Name":"on-failure","MaximumRetryCount":2} false\n'
    assert run(s, "docker inspect -f '{{.HostConfig.AutoRemove}}' r7")[0] == "true\n"


# -- attach -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("engine,line,err", [
    ("28", "docker attach w1", "You cannot attach to a stopped container, start it first\n"),
    ("28", "docker attach u1", "the input device is not a TTY\n"),
    ("28", "docker attach nope", "Error response from daemon: No such container: nope\n"),
    ("20.10", "docker attach nope", "Error: No such container: nope\n"),
])
def test_attach_refusals(engine: str, line: str, err: str) -> None:
    assert run(session(engine), line) == ("", err, 1)


# -- stats ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_stats_rows(engine: str) -> None:
    s = session(engine)
    assert run(s, "docker stats --no-stream --format '{{.Name}} {{.Container}} {{.PIDs}}' u1") == ("u1 u1 1\n", "", 0)
    assert run(s, "docker stats --no-stream --format '{{.Name}}'") == ("r7\nu1\n", "", 0)   # running, newest first
    assert run(s, "docker stats --no-stream -a --format '{{.Name}}'")[0].split() == ["r7", "u1", "c1", "w2", "w1"]
    assert run(s, "docker stats --no-stream w1") == (
        "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS\n"
        f"{s.run_line('docker ps -aq --filter name=w1').stdout.strip()}   w1        0.00%     0B / 0B             "
        "0.00%     0B / 0B   0B / 0B     0\n", "", 0)
    assert run(s, "docker stats --no-stream --format '{{.MemUsage}} {{.MemPerc}} {{.CPUPerc}}' u1")[0] == \
        "480KiB / 23.54GiB 0.00% 0.00%\n"
    assert run(s, "docker stats --no-stream u1 nope") == ("", "Error response from daemon: No such container: nope\n", 1)
    out, err, code = run(s, "docker stats --no-stream --format '{{.Bogus}}' u1")
    assert code == 1 and "can't evaluate field Bogus in type *container.statsContext" in err


# -- volumes ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_volume_lifecycle(engine: str) -> None:
    s = Session(engine=engine, seed=3)
    assert run(s, "docker volume create v1") == ("v1\n", "", 0)
    assert run(s, "docker volume create v1") == ("v1\n", "", 0)          # the one there is
    s.run_line("docker run -itd --name m1 -v v1:/data -v /anon busybox")
    mounts = json.loads(s.run_line("docker inspect -f '{{json .Mounts}}' m1").stdout)
    assert [(m["Type"], m.get("Name", "")[:2], m["Destination"], m["Mode"], m["RW"]) for m in mounts] == [
        ("volume", "v1", "/data", "z", True), ("volume", mounts[1]["Name"][:2], "/anon", "", True)]
    cid = s.run_line("docker inspect -f '{{.Id}}' m1").stdout.strip()
    assert run(s, "docker volume rm v1") == (
        "", f"Error response from daemon: remove v1: volume is in use - [{cid}]\n", 1)
    assert run(s, "docker volume ls -q | wc -l")[0].strip() == "2"
    assert run(s, "docker rm -f -v m1") == ("m1\n", "", 0)                 # the anonymous volume goes
    assert run(s, "docker volume ls --format '{{.Name}}'") == ("v1\n", "", 0)
    assert run(s, "docker volume rm v1") == ("v1\n", "", 0)
    missing = {"20.10": "Error: No such volume: nope\n"}.get(engine, "Error response from daemon: get nope: no such volume\n")
    assert run(s, "docker volume rm nope") == ("", missing, 1)


@pytest.mark.parametrize("engine,kept", [("20.10", ""), ("26", "named\n"), ("28", "named\n")])
def test_volume_prune_takes_anonymous_ones_from_api_1_42(engine: str, kept: str) -> None:
    s = Session(engine=engine, seed=3)
    s.run_line("docker volume create named")
    s.run_line("docker volume create")
    s.run_line("docker volume prune -f")
    assert run(s, "docker volume ls -q") == (kept, "", 0)


def test_volume_inspect_document() -> None:
    for engine, empty in (("28", None), ("20.10", {})):
        h = DockerHost(engine=engine)
        h.volume_create("v1")
        doc = h.volume_inspect("v1")
        assert (doc["Labels"], doc["Options"], doc["Driver"], doc["Scope"]) == (empty, empty, "local", "local")
        assert doc["Mountpoint"] == "/var/lib/docker/volumes/v1/_data"
    h = DockerHost(engine="28")
    anon = h.volume_create()
    assert h.volume_inspect(anon)["Labels"] == {"com.docker.volume.anonymous": ""}


@pytest.mark.parametrize("line,err", [
    ("docker run -itd -v v5:relative busybox", "invalid volume specification: 'v5:relative': invalid mount config "
                                               "for type \"volume\": invalid mount path: 'relative' mount path must "
                                               "be absolute"),
    ("docker run -itd --mount type=bogus,target=/x busybox", 'invalid mount config for type "bogus": mount type '
                                                             'unknown'),
])
def test_mount_errors_leave_nothing(line: str, err: str) -> None:
    s = Session(engine="28", seed=3)
    out, got, code = run(s, line)
    assert code == 125 and err in got
    assert run(s, "docker volume ls -q") == ("", "", 0)
    assert run(s, "docker ps -aq") == ("", "", 0)


# -- the API calls -----------------------------------------------------------------------------------
def test_calls_are_atomic_and_typed() -> None:
    h = DockerHost(engine="28")
    h.volume_create("data")
    before = h.daemon.state()
    with pytest.raises(InvalidParameter):                 # the second bind is refused: the first's volume goes too
        h.container_create(ContainerSpec(name="mm", binds=["fresh:/f", "x:rel"]))
    with pytest.raises(InvalidParameter):
        h.container_update("nope", "bogus")               # the policy first, then the container
    with pytest.raises(NotFound):
        h.volume_remove("nope")
    h.volume_remove("nope", force=True)                   # forced: an unknown name is no error
    assert h.daemon.state() == before
    h.container_create(ContainerSpec(name="mm", mounts=[MountSpec(source="data", target="/d")]))
    with pytest.raises(Conflict):
        h.volume_remove("data")
    assert h.volumes_prune() == []


def test_save_and_load_keep_volumes_and_policies() -> None:
    h = DockerHost(engine="28")
    h.sh("docker volume create --label a=b v1")
    h.sh("docker run -itd --name m1 -v v1:/data -v /anon --restart on-failure:2 busybox")
    h.sh("docker update --cpus 1.5 m1")
    path = os.path.join(tempfile.mkdtemp(), "host.json")
    h.save(path)
    for replay in (False, True):
        again = DockerHost.load(path, replay=replay)
        assert again.daemon.state() == h.daemon.state()
        for line in ("docker inspect m1", "docker volume ls", "docker volume inspect v1"):
            assert again.sh(line).stdout == h.sh(line).stdout
