"""Health checks: ``docker run --health-*``, the daemon's monitor (State.Health), time passing by
``sleep``, compose's ``healthcheck`` and ``depends_on: service_healthy`` (recorded: r260, r261,
c50-c54 on 20.10, 26 and 28)."""

from __future__ import annotations

import json

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.api.routes import container_spec
from dockernet_sim.daemon.health import (HEALTHY, STARTING, UNHEALTHY, Health, HealthConfig, ProbeResult,
                                         after_probe, check, let_time_pass)
from dockernet_sim.errors import Conflict, InvalidParameter

S = 1_000_000_000


def _run(h: DockerHost, line: str) -> str:
    r = h.sh(line)
    return r.stdout + r.stderr


# -- the client's flags -------------------------------------------------------------------------
@pytest.mark.parametrize("engine,flags,err", [
    ("28", "--health-interval -1s", "docker: --health-interval cannot be negative\n\n"
                                    "Run 'docker run --help' for more information\n"),
    ("20.10", "--health-timeout -1s", "docker: --health-timeout cannot be negative.\nSee 'docker run --help'.\n"),
    ("26", "--health-retries -1", "docker: --health-retries cannot be negative.\nSee 'docker run --help'.\n"),
    ("28", "--health-start-period -1s", "docker: --health-start-period cannot be negative\n\n"
                                        "Run 'docker run --help' for more information\n"),
    ("26", "--health-start-interval -1s", "docker: --health-start-interval cannot be negative.\n"
                                          "See 'docker run --help'.\n"),
    ("20.10", "--health-start-interval 1s", "unknown flag: --health-start-interval\nSee 'docker run --help'.\n"),
    ("28", "--no-healthcheck --health-cmd true", "docker: --no-healthcheck conflicts with --health-* options\n\n"
                                                 "Run 'docker run --help' for more information\n"),
    ("20.10", "--health-interval 1x", 'invalid argument "1x" for "--health-interval" flag: time: unknown unit '
                                      '"x" in duration "1x"\nSee \'docker run --help\'.\n'),
    ("28", "--health-interval 100us --health-cmd true",
     "docker: Error response from daemon: Interval in Healthcheck cannot be less than 1ms\n\n"
     "Run 'docker run --help' for more information\n"),
])
def test_refusals_in_each_clients_words(engine: str, flags: str, err: str) -> None:
    h = DockerHost(engine=engine)
    r = h.sh(f"docker run -d {flags} busybox")
    assert (r.stdout, r.stderr, r.exit_code) == ("", err, 125)
    assert h.container_list(all=True) == []


@pytest.mark.parametrize("flags,doc", [
    ("--health-cmd 'echo hi' --health-interval 2s --health-retries 1",
     {"Test": ["CMD-SHELL", "echo hi"], "Interval": 2 * S, "Retries": 1}),
    ("--no-healthcheck", {"Test": ["NONE"]}),
    ("--no-healthcheck --health-retries 0", {"Test": ["NONE"]}),     # a zero is no setting (r261)
    ("--health-retries 3", {"Retries": 3}),
    ("--health-cmd true --health-start-interval 2s --health-start-period 10s",
     {"Test": ["CMD-SHELL", "true"], "StartPeriod": 10 * S, "StartInterval": 2 * S}),
    ("", None),
])
def test_config_healthcheck_from_the_flags(flags: str, doc: object) -> None:
    h = DockerHost()
    h.sh(f"docker create --name hc {flags} busybox")
    assert json.loads(_run(h, "docker inspect -f '{{json .Config.Healthcheck}}' hc")) == doc


# -- the monitor's rules --------------------------------------------------------------------------
def _probe(code: int, at: int) -> ProbeResult:
    return ProbeResult(at, at + 1, code, "")


@pytest.mark.parametrize("cfg,codes,want", [
    (HealthConfig(("CMD", "x"), retries=2), [1], (STARTING, 1)),
    (HealthConfig(("CMD", "x"), retries=2), [1, 1], (UNHEALTHY, 2)),
    (HealthConfig(("CMD", "x"), retries=2), [1, 0], (HEALTHY, 0)),
    (HealthConfig(("CMD", "x")), [1, 1], (STARTING, 2)),                  # retries default to 3
    (HealthConfig(("CMD", "x")), [0, 1, 1, 1], (UNHEALTHY, 3)),
    (HealthConfig(("CMD", "x"), retries=1, start_period=3600 * S), [1, 1], (STARTING, 0)),
    (HealthConfig(("CMD", "x"), retries=1, start_period=3600 * S), [0, 1], (UNHEALTHY, 1)),   # healthy once: counts
    (HealthConfig(("CMD", "x")), [2, 0], (HEALTHY, 0)),                  # any non-zero status fails
])
def test_after_probe(cfg: HealthConfig, codes: list[int], want: tuple[str, int]) -> None:
    h = Health()
    for i, code in enumerate(codes):
        h = after_probe(cfg, h, 0, _probe(code, (i + 1) * S))
    assert (h.status, h.failing_streak) == want
    assert len(h.log) == len(codes)


def test_the_log_keeps_five() -> None:
    h = Health()
    for i in range(8):
        h = after_probe(HealthConfig(("CMD", "x")), h, 0, _probe(i % 2, i))
    assert [r.start_ns for r in h.log] == [3, 4, 5, 6, 7]


@pytest.mark.parametrize("cfg,msg", [
    (HealthConfig(interval=100_000), "Interval in Healthcheck cannot be less than 1ms"),
    (HealthConfig(timeout=1), "Timeout in Healthcheck cannot be less than 1ms"),
    (HealthConfig(start_period=999_999), "StartPeriod in Healthcheck cannot be less than 1ms"),
    (HealthConfig(start_interval=5), "StartInterval in Healthcheck cannot be less than 1ms"),
    (HealthConfig(retries=-1), "Retries in Healthcheck cannot be negative"),
])
def test_daemon_checks(cfg: HealthConfig, msg: str) -> None:
    with pytest.raises(InvalidParameter, match=msg):
        check(cfg)


# -- time passing -----------------------------------------------------------------------------------
_R260 = """docker run -d --name ok --health-cmd 'echo hi' --health-interval 5s --health-retries 1 busybox sleep 1000
docker run -d --name bad --health-cmd 'exit 1' --health-interval 5s --health-retries 1 busybox sleep 1000
docker run -d --name early --health-cmd false --health-interval 5s --health-retries 1 --health-start-period 1h busybox sleep 1000
docker run -d --name slow --health-cmd true busybox sleep 1000
docker run -d --name plain busybox sleep 1000"""


@pytest.mark.parametrize("engine", ["20.10", "26", "28"])
def test_sleep_lets_the_probes_run(engine: str) -> None:
    h = DockerHost(engine=engine)
    for line in _R260.splitlines():
        assert h.sh(line).exit_code == 0
    before = _run(h, "docker ps --format '{{.Names}} {{.Status}}'")
    assert before.count("(health: starting)") == 4 and "plain Up Less than a second\n" in before
    assert _run(h, "docker inspect -f '{{json .State.Health}}' ok plain") == \
        '{"Status":"starting","FailingStreak":0,"Log":[]}\nnull\n'
    h.sh("sleep 6")
    fmt = "'{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}'"
    assert _run(h, f"docker inspect -f {fmt} ok bad early slow") == \
        "healthy 0 1\nunhealthy 1 1\nstarting 0 1\nstarting 0 0\n"
    assert _run(h, "docker inspect -f '{{range .State.Health.Log}}{{printf \"%q\" .Output}}{{end}}' ok") == '"hi\\n"\n'
    assert _run(h, "docker ps --filter health=starting --format '{{.Names}}'") == "slow\nearly\n"
    assert _run(h, "docker ps --filter health=none --format '{{.Names}}'") == "plain\n"
    assert "ok Up 6 seconds (healthy)" in _run(h, "docker ps --format '{{.Names}} {{.Status}}'")
    # a stop ends the probes (unhealthy, the log kept); a start begins again from starting
    h.sh("docker stop -t 0 ok")
    assert _run(h, f"docker inspect -f {fmt} ok") == "unhealthy 0 1\n"
    h.sh("docker start ok")
    assert _run(h, f"docker inspect -f {fmt} ok") == "starting 0 1\n"


def test_the_start_interval_is_the_engines() -> None:
    """While starting inside a start period 26 and 28 probe at the start interval (5s unless
    set), 20.10 at the interval."""
    for engine, probes in (("20.10", 2), ("28", 1)):
        h = DockerHost(engine=engine)
        h.sh("docker run -d --name ss --health-cmd false --health-interval 3s --health-start-period 1h busybox sleep 1000")
        h.sh("sleep 6.5")
        assert _run(h, "docker inspect -f '{{len .State.Health.Log}}' ss") == f"{probes}\n"


def test_a_bad_filter_value() -> None:
    for engine, err in (("28", "Error response from daemon: invalid filter 'health=bogus': invalid value for "
                                "health (bogus): must be one of none, starting, healthy, unhealthy\n"),
                        ("20.10", "Error response from daemon: Unrecognised filter value for health: bogus\n")):
        r = DockerHost(engine=engine).sh("docker ps --filter health=bogus")
        assert (r.stderr, r.exit_code) == (err, 1)


def test_no_health_check_costs_nothing() -> None:
    h = DockerHost()
    for i in range(5):
        h.sh(f"docker run -d --name c{i} --no-healthcheck busybox sleep 1000")
    assert h.daemon.store.monitored == {}
    t = h.rand.peek_ns()
    h.sh("sleep 2")
    assert h.rand.peek_ns() == t + 2 * S
    assert all(c.health is None for c in h.container_list())


def test_a_probe_call_is_atomic() -> None:
    h = DockerHost()
    h.sh("docker run -d --name pp busybox sleep 1000")
    snap = h.container_inspect("pp")
    clock = h.rand.peek_ns()
    with pytest.raises(Conflict):
        h.container_health_probe("pp", 0, "")
    assert h.container_inspect("pp") == snap and h.rand.peek_ns() == clock


def test_let_time_pass_runs_due_probes_in_time_order() -> None:
    h = DockerHost()
    h.sh("docker run -d --name fast --health-cmd true --health-interval 1s busybox sleep 1000")
    h.sh("docker run -d --name slower --health-cmd true --health-interval 2500ms busybox sleep 1000")
    seen: list[str] = []

    def run(cid: str, argv: list[str]) -> tuple[int, str]:
        seen.append(h.find_container(cid).name)
        return 0, ""
    let_time_pass(h, 4 * S, run)
    assert seen == ["fast", "fast", "slower", "fast", "fast"]


def test_save_load_and_fork_keep_the_health(tmp_path: "object") -> None:
    h = DockerHost()
    h.sh("docker run -d --name ok --health-cmd true --health-interval 2s busybox sleep 1000")
    h.sh("sleep 3")
    path = f"{tmp_path}/host.json"
    h.save(path)
    fmt = "docker inspect -f '{{json .State.Health}}' ok"
    for other in (DockerHost.load(path), DockerHost.load(path, replay=True), h.fork()):
        assert _run(other, fmt) == _run(h, fmt)
        assert list(other.daemon.store.monitored) == list(h.daemon.store.monitored)
        other.sh("sleep 2")
        assert _run(other, "docker inspect -f '{{len .State.Health.Log}}' ok") == "2\n"
    assert _run(h, "docker inspect -f '{{len .State.Health.Log}}' ok") == "1\n"


def test_the_api_takes_a_healthcheck() -> None:
    h = DockerHost()
    spec = container_spec({"Image": "busybox", "Healthcheck": {"Test": ["CMD", "true"], "Interval": 2 * S}}, "api")
    h.container_create(spec)
    assert h.container_inspect("api")["Config"]["Healthcheck"] == {"Test": ["CMD", "true"], "Interval": 2 * S}
    h.container_start("api")
    assert h.container_inspect("api")["State"]["Health"] == {"Status": "starting", "FailingStreak": 0, "Log": []}
    with pytest.raises(InvalidParameter):
        container_spec({"Image": "busybox", "Healthcheck": {"Interval": "2s"}}, "bad")


# -- compose ---------------------------------------------------------------------------------------
def _compose(db_test: str, condition: str = "service_healthy", extra: str = "") -> str:
    return f"""services:
  db:
    image: busybox
    command: sleep 1000
{db_test}  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: {condition}
{extra}"""



@pytest.mark.parametrize("test,code,last", [
    ('    healthcheck:\n      test: ["CMD", "true"]\n      interval: 2s\n      retries: 1\n', 0,
     " Container app-web-1  Started\n"),
    ("    healthcheck:\n      test: exit 1\n      interval: 2s\n      retries: 1\n", 1,
     " Container app-db-1  Error\ndependency failed to start: container app-db-1 is unhealthy\n"),
    ("", 1, " Container app-db-1  Error\ndependency failed to start: container app-db-1 has no healthcheck "
            "configured\n"),
])
def test_service_healthy(test: str, code: int, last: str) -> None:
    h = DockerHost()
    r = h.compose(_compose(test)).run("up", "-d")
    assert r.exit_code == code
    assert r.stderr.endswith(" Container app-db-1  Waiting\n" + (" Container app-db-1  Healthy\n"
                                                                  " Container app-web-1  Starting\n" if code == 0 else "") + last)


def test_up_wait() -> None:
    h = DockerHost()
    r = h.compose(_compose('    healthcheck:\n      test: ["CMD-SHELL", "echo ok"]\n      interval: 2s\n',
                           condition="service_started")).run("up", "-d", "--wait")
    assert r.exit_code == 0
    assert r.stderr.endswith(" Container app-db-1  Waiting\n Container app-web-1  Waiting\n"
                             " Container app-web-1  Healthy\n Container app-db-1  Healthy\n")
    disabled = DockerHost().compose("services:\n  web:\n    image: busybox\n    command: sleep 1000\n"
                                    "    healthcheck:\n      disable: true\n").run("up", "-d", "--wait")
    assert disabled.exit_code == 1
    assert disabled.stderr.endswith(" Container app-web-1  Waiting\ncontainer app-web-1 has no healthcheck configured\n")


def test_an_images_healthcheck_is_merged_under_the_containers() -> None:
    """moby merges the image's HEALTHCHECK into what the container leaves empty or zero (the
    recorder's images come from ``docker import``, which takes no HEALTHCHECK: not recorded)."""
    from dockernet_sim.daemon.container import Image
    h = DockerHost()
    h.add_image(Image(name="probed:latest", cmd=("sleep", "1000"),
                      healthcheck=HealthConfig(("CMD", "true"), interval=5 * S, retries=2)))
    h.sh("docker create --name plain probed")
    h.sh("docker create --name tuned --health-interval 1s probed")
    h.sh("docker create --name off --no-healthcheck probed")
    got = [json.loads(_run(h, f"docker inspect -f '{{{{json .Config.Healthcheck}}}}' {n}")) for n in ("plain", "tuned", "off")]
    assert got == [{"Test": ["CMD", "true"], "Interval": 5 * S, "Retries": 2},
                   {"Test": ["CMD", "true"], "Interval": 1 * S, "Retries": 2},
                   {"Test": ["NONE"], "Interval": 5 * S, "Retries": 2}]


def test_served_hosts_follow_the_wall_clock_only_with_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real client polling a dependency's health (compose through ``serve``) waits in real
    time: the served host's clock follows the wall clock while a check runs, and only then."""
    from dockernet_sim.api import routes
    from dockernet_sim.api.http import Request
    wall = [1000.0]
    monkeypatch.setattr(routes.time, "monotonic", lambda: wall[0])
    h = DockerHost()
    api = routes.EngineAPI(h)

    def get(path: str) -> object:
        return api(Request("GET", path, None, {}, {}, b""))
    before = h.rand.peek_ns()
    wall[0] += 100
    get("/containers/json")
    assert h.rand.peek_ns() == before            # no check: the seeded clock alone
    h.container_create(container_spec({"Image": "busybox", "Cmd": ["sleep", "1000"],
                                       "Healthcheck": {"Test": ["CMD", "true"], "Interval": 2 * S}}, "web"))
    h.container_start("web")
    wall[0] += 3
    get("/containers/web/json")
    assert h.container_inspect("web")["State"]["Health"]["Status"] == HEALTHY
