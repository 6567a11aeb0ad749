"""docker compose in the simulator: the project model (compose-go's rules) and the commands
(compose 2.40's behaviour), beyond what the recorded scenarios (tests/golden c*) show."""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.compose.interpolate import InterpolationError, parse_env_file, substitute
from dockernet_sim.compose.model import ComposeError, Files, PortConfig, load_project, normalize_project_name
from dockernet_sim.terminal import Session

WD = "/tmp/dk-work/My_App"


def project(text: str, **kw: object):
    return load_project(Files(WD, {f"{WD}/compose.yaml": text}, **kw))  # type: ignore[arg-type]


def test_project_name_from_directory_normalised() -> None:
    assert project("services:\n  a:\n    image: busybox\n").name == "my_app"
    assert normalize_project_name("-_Hello World.2") == "helloworld2"


def test_project_name_precedence() -> None:
    text = "name: fromfile\nservices:\n  a:\n    image: busybox\n"
    assert project(text).name == "fromfile"
    assert project(text, environ={"COMPOSE_PROJECT_NAME": "Env"}).name == "env"
    files = Files(WD, {f"{WD}/compose.yaml": text})
    assert load_project(files, project_name="given").name == "given"
    with pytest.raises(ComposeError, match='invalid project name "Bad Name"'):
        load_project(files, project_name="Bad Name")


def test_networks_default_implicit_unused_dropped_external_named() -> None:
    p = project("services:\n  a:\n    image: busybox\n    networks: [front, default]\n"
                "networks:\n  front: {}\n  unused: {}\n  ext:\n    external: true\n    name: corp\n")
    assert [(n.key, n.name, n.external) for n in p.networks] == [("default", "my_app_default", False),
                                                                 ("front", "my_app_front", False)]


def test_undefined_network_and_service() -> None:
    with pytest.raises(ComposeError, match='service "a" refers to undefined network nope: invalid compose project'):
        project("services:\n  a:\n    image: busybox\n    networks: [nope]\n")
    with pytest.raises(ComposeError, match='service "a" depends on undefined service "b"'):
        project("services:\n  a:\n    image: busybox\n    depends_on: [b]\n")


def test_dependency_order_and_cycles() -> None:
    p = project("services:\n  web:\n    image: x\n    depends_on: [api]\n  api:\n    image: x\n"
                "    depends_on:\n      db: {condition: service_healthy}\n  db:\n    image: x\n")
    assert [s.name for s in p.ordered()] == ["db", "api", "web"]
    with pytest.raises(ComposeError, match="dependency cycle"):
        project("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n").ordered()


def test_ports_short_long_and_ranges() -> None:
    p = project("services:\n  a:\n    image: x\n    ports:\n      - 8080:80\n      - 127.0.0.1:9000-9001:5000-5001/udp\n"
                "      - '7000'\n      - target: 53\n        published: 5353\n        protocol: udp\n")
    assert p.services[0].ports == (PortConfig(80, "8080"), PortConfig(5000, "9000", "127.0.0.1", "udp"),
                                   PortConfig(5001, "9001", "127.0.0.1", "udp"), PortConfig(7000),
                                   PortConfig(53, "5353", "", "udp"))


def test_profiles_disable_services() -> None:
    text = "services:\n  a:\n    image: x\n  b:\n    image: x\n    profiles: [debug]\n"
    assert [s.name for s in project(text).services] == ["a"]
    files = Files(WD, {f"{WD}/compose.yaml": text})
    assert [s.name for s in load_project(files, profiles=["debug"]).services] == ["a", "b"]
    with pytest.raises(ComposeError, match="no such service: b: service is disabled"):
        project(text).service("b")


def test_interpolation() -> None:
    env = {"SET": "v", "EMPTY": ""}
    assert substitute("$SET ${SET} ${NOPE:-d} ${EMPTY:-d} ${EMPTY-d} ${SET:+r} $$SET", env) == "v v d d  r $SET"
    with pytest.raises(InterpolationError, match="required variable NOPE is missing a value: need it"):
        substitute("${NOPE:?need it}", env)
    with pytest.raises(InterpolationError, match="invalid interpolation format"):
        substitute("${", env, "services.a.image")
    unset: list[str] = []
    substitute("$A-${B}", {}, "", unset)
    assert unset == ["A", "B"]
    assert parse_env_file("# c\nexport A=1\nB='two words'\nC=x # comment\nbad line\n") == \
        {"A": "1", "B": "two words", "C": "x"}


def test_env_file_and_warnings() -> None:
    files = Files(WD, {f"{WD}/compose.yaml": "services:\n  a:\n    image: ${IMG}\n    ports: ['${P}:80']\n",
                       f"{WD}/.env": "IMG=busybox\n"})
    p = load_project(files)
    assert p.services[0].image == "busybox"
    assert p.warnings == ('The "P" variable is not set. Defaulting to a blank string.',)


def _session(text: str, engine: str = "28") -> Session:
    s = Session(engine=engine)
    assert s.directive("file compose.yaml\n" + text) is None
    return s


def test_up_twice_is_idempotent_and_down_restores_the_host() -> None:
    s = _session("services:\n  db:\n    image: busybox\n    tty: true\n  web:\n    image: busybox\n"
                 "    depends_on: [db]\n    ports: ['8080:80']\n")
    before = s.run_line("docker network ls --format '{{.Name}}'").stdout
    assert s.run_line("docker compose up -d").exit_code == 0
    again = s.run_line("docker compose up -d")
    assert again.stderr == " Container app-db-1  Running\n Container app-web-1  Running\n"
    assert s.run_line("docker compose port web 80").stdout == "0.0.0.0:8080\n"
    assert s.run_line("docker exec app-web-1 ping -c 1 -W 1 db").exit_code == 0
    assert s.run_line("docker compose down").exit_code == 0
    assert s.run_line("docker network ls --format '{{.Name}}'").stdout == before
    assert s.run_line("docker ps -aq").stdout == ""


def test_changed_file_recreates_only_what_changed() -> None:
    s = _session("services:\n  a:\n    image: busybox\n    tty: true\n  b:\n    image: busybox\n    tty: true\n")
    s.run_line("docker compose up -d")
    s.directive("file compose.yaml\nservices:\n  a:\n    image: busybox\n    tty: true\n"
                "  b:\n    image: busybox\n    tty: true\n    hostname: changed\n")
    out = s.run_line("docker compose up -d").stderr
    assert " Container app-a-1  Running\n" in out and " Container app-b-1  Recreate\n" in out
    assert s.run_line("docker exec app-b-1 hostname").stdout == "changed\n"


def test_python_api_and_service_reach() -> None:
    h = DockerHost()
    app = h.compose({"services": {"web": {"image": "busybox", "tty": True, "networks": ["front"]},
                                  "db": {"image": "busybox", "tty": True, "networks": ["back"]}},
                     "networks": {"front": {}, "back": {}}}, project_name="shop")
    assert app.up().exit_code == 0
    web, db = app.service_container("web"), app.service_container("db")
    assert h.reach(web.name, db.name).verdict == "dropped"
    assert h.reach("web", "db").verdict == "dropped"            # by service name: the first replica
    fixed = h.fork()
    fixed.sh("docker network connect shop_back shop-web-1")
    assert fixed.reach("web", "db").verdict == "reachable"
    assert "web -> db" in str(h.diff(fixed)) or "shop-web-1 -> shop-db-1" in str(h.diff(fixed))
    matrix = app.reachability()
    assert "shop-web-1" in str(matrix) and "shop-db-1" in str(matrix)
    assert app.down().exit_code == 0 and app.containers() == []


def test_bad_input_changes_nothing() -> None:
    s = _session("services:\n  a:\n    image: busybox\n   tty: true\n")
    r = s.run_line("docker compose up -d")
    assert (r.exit_code, r.stderr) == (1, "yaml: line 1: did not find expected key\n")
    assert s.run_line("docker network ls -q").stdout.count("\n") == 3
    assert s.run_line("docker compose --nope up").exit_code == 1
