"""Service keys that reach the container (c55, c56), ``compose scale`` (c57) and ``compose run``'s
flags that change the one-off container (c58): what ``docker inspect`` shows after compose made it."""

from __future__ import annotations

import pytest

from dockernet_sim.client.compose import effective_capabilities, restart_policy
from dockernet_sim.compose.model import duration_nanos
from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")
PROJECT = """services:
  web:
    image: busybox:latest
    entrypoint: ["sh", "-c"]
    command: ["sleep 3600"]
    restart: on-failure:3
    working_dir: /tmp
    user: "1000:1000"
    init: true
    read_only: true
    cap_add: [NET_ADMIN, sys_time]
    cap_drop: [MKNOD]
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    dns_opt: ["ndots:2"]
    depends_on: [db]
  db:
    image: busybox:latest
    command: ["sleep", "3600"]
    restart: always
    privileged: true
"""


def session(engine: str, text: str = PROJECT) -> Session:
    s = Session(engine=engine, seed=5)
    assert s.directive("file compose.yaml\n" + text) is None
    return s


def out(s: Session, line: str) -> str:
    r = s.run_line(line)
    assert r.exit_code == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("engine", ENGINES)
def test_keys_reach_the_container_as_docker_run_flags_would(engine: str) -> None:
    s = session(engine)
    out(s, "docker compose up -d")
    fmt = ("{{json .HostConfig.RestartPolicy}} {{.Config.WorkingDir}} {{.Config.User}} {{json .HostConfig.Init}} "
           "{{.HostConfig.Privileged}} {{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.CapAdd}} "
           "{{json .HostConfig.CapDrop}} {{.Config.StopSignal}} {{json .Config.StopTimeout}} "
           "{{json .HostConfig.DNSOptions}}")   # (the Go name: .DnsOptions would read the raw JSON)
    assert out(s, f"docker inspect -f '{fmt}' app-web-1 app-db-1").splitlines() == [
        '{"Name":"on-failure","MaximumRetryCount":3} /tmp 1000:1000 true false true '
        '["CAP_NET_ADMIN","CAP_SYS_TIME"] ["CAP_MKNOD"] SIGINT 90 ["ndots:2"]',
        '{"Name":"always","MaximumRetryCount":0}   null true false null null  null null',
    ]
    # a privileged container masks no path; the unprivileged one keeps the defaults
    assert out(s, "docker inspect -f '{{json .HostConfig.MaskedPaths}}' app-db-1") == "null\n"
    assert out(s, "docker inspect -f '{{len .HostConfig.MaskedPaths}}' app-web-1") != "0\n"
    assert out(s, "docker exec app-web-1 pwd") == "/tmp\n"     # exec starts in the WorkingDir


def test_inspect_json_places_the_omitempty_fields() -> None:
    s = session("28")
    out(s, "docker compose up -d")
    import json
    doc = json.loads(out(s, "docker inspect app-web-1"))[0]
    assert list(doc["HostConfig"])[-1] == "Init"
    assert list(doc["Config"])[-2:] == ["StopSignal", "StopTimeout"]
    db = json.loads(out(s, "docker inspect app-db-1"))[0]
    assert "Init" not in db["HostConfig"] and "StopSignal" not in db["Config"]


def test_restart_policy_words() -> None:
    assert restart_policy("") == ("", 0)
    assert restart_policy("on-failure:3") == ("on-failure", 3)
    assert restart_policy("on-failure:x") == ("on-failure", 0)
    assert restart_policy("none") == ("no", 0)
    assert restart_policy("any") == ("always", 0)


def test_effective_capabilities() -> None:
    assert effective_capabilities([], []) == (None, None)
    assert effective_capabilities(["net_admin", " CAP_NET_RAW", "ALL"], ["NET_ADMIN", "chown", "chown"]) == (
        ["ALL", "CAP_NET_ADMIN", "CAP_NET_RAW"], ["CAP_CHOWN", "CAP_NET_ADMIN"])


def test_duration_nanos_reads_what_go_prints() -> None:
    assert duration_nanos("1m30s") == 90 * 10**9
    assert duration_nanos("1.5s") == 1500 * 10**6
    assert duration_nanos("0s") == 0


def test_a_bad_restart_policy_is_the_daemons_refusal() -> None:
    s = session("28", "services:\n  web:\n    image: busybox:latest\n    restart: sometimes\n")
    r = s.run_line("docker compose up -d")
    assert r.exit_code == 1
    assert "invalid restart policy: unknown policy 'sometimes'" in r.stderr.splitlines()[-1]


def test_privileged_must_be_a_boolean() -> None:
    s = session("28", "services:\n  web:\n    image: busybox:latest\n    privileged: 3\n")
    r = s.run_line("docker compose config")
    assert (r.stdout, r.stderr, r.exit_code) == (
        "", "validating /tmp/dk-work/app/compose.yaml: services.web.privileged must be a boolean or string\n", 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_scale_up_and_down_on_the_project_network(engine: str) -> None:
    s = session(engine)
    out(s, "docker compose up -d")
    s.run_line("docker compose scale web=3")
    names = out(s, "docker compose ps --format '{{.Name}}'").split()
    assert names == ["app-db-1", "app-web-1", "app-web-2", "app-web-3"]
    assert out(s, "docker network inspect -f '{{len .Containers}}' app_default") == "4\n"
    s.run_line("docker compose scale web=1")
    assert out(s, "docker compose ps --format '{{.Name}}'").split() == ["app-db-1", "app-web-1"]
    r = s.run_line("docker compose scale web")
    assert (r.stderr, r.exit_code) == ('invalid scale specifier: web\n', 1)
    r = s.run_line("docker compose scale web=x")
    assert (r.stderr, r.exit_code) == ("invalid scale specifier: can't parse replica value as int: web=x\n", 1)


def test_run_flags_reach_the_one_off_container() -> None:
    s = session("28", "services:\n  tool:\n    image: busybox:latest\n    working_dir: /etc\n"
                      "    environment:\n      MODE: file\n")
    out(s, "docker compose run -d --name one -w /tmp -u 1000 -e MODE=flag -e EXTRA=1 -l team=red "
           "--cap-add NET_ADMIN tool sleep 3600")
    fmt = "{{.Config.WorkingDir}}|{{.Config.User}}|{{json .HostConfig.CapAdd}}|{{index .Config.Labels \"team\"}}"
    assert out(s, f"docker inspect -f '{fmt}' one") == '/tmp|1000|["CAP_NET_ADMIN"]|red\n'
    assert out(s, "docker inspect -f '{{json .Config.Env}}' one") == '["MODE=flag","EXTRA=1"]\n'


def test_ipc_and_pid_of_a_service_are_its_containers_and_a_dependency() -> None:
    s = session("28", "services:\n  a:\n    image: busybox:latest\n    command: [sleep, '9']\n    ipc: service:b\n"
                      "    pid: service:b\n  b:\n    image: busybox:latest\n    command: [sleep, '9']\n    ipc: shareable\n")
    out(s, "docker compose up -d")
    bid = out(s, "docker inspect -f '{{.Id}}' app-b-1").strip()
    assert out(s, "docker inspect -f '{{.HostConfig.IpcMode}} {{.HostConfig.PidMode}}' app-a-1") == \
        f"container:{bid} container:{bid}\n"
    assert out(s, "docker inspect -f '{{json .HostConfig.Ulimits}} {{json .HostConfig.LogConfig}}' app-a-1") == \
        'null {"Type":"json-file","Config":{}}\n'


@pytest.mark.parametrize("engine,cap", [("28", "CAP_NET_ADMIN"), ("26", "net_admin"), ("20.10", "net_admin")])
def test_docker_run_flags_fill_the_same_fields(engine: str, cap: str) -> None:
    s = Session(engine=engine, seed=5)
    out(s, "docker run -d --name c1 --privileged --init --stop-timeout 7 --cap-add net_admin --tmpfs /run:size=64k "
           "--ulimit nofile=1024:2048 --log-opt max-size=1m busybox sleep 3600")
    assert out(s, "docker inspect -f '{{.HostConfig.Privileged}} {{json .HostConfig.Init}} {{json .Config.StopTimeout}} "
                  "{{json .HostConfig.CapAdd}} {{json .HostConfig.Tmpfs}} {{json .HostConfig.Ulimits}} "
                  "{{json .HostConfig.LogConfig.Config}}' c1") == (
        f'true true 7 ["{cap}"] {{"/run":"size=64k"}} [{{"Name":"nofile","Hard":2048,"Soft":1024}}] {{"max-size":"1m"}}\n')


@pytest.mark.parametrize("cmd", ["scale", "stats"])
def test_help_of_the_new_commands(cmd: str) -> None:
    s = session("28")
    r = s.run_line(f"docker compose {cmd} --help")
    assert r.exit_code == 0 and r.stdout.startswith(f"Usage:  docker compose {cmd} ")
