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


def test_named_service_runs_whatever_its_profiles_with_its_dependencies() -> None:
    text = ("services:\n  a:\n    image: x\n  opt:\n    image: x\n    profiles: [dev]\n"
            "  tool:\n    image: x\n    profiles: [ops]\n    depends_on:\n      opt: {required: false}\n"
            "  other:\n    image: x\n    profiles: [ops]\n")
    files = Files(WD, {f"{WD}/compose.yaml": text})
    assert [s.name for s in load_project(files).services] == ["a"]
    assert [s.name for s in load_project(files, services=["tool"]).services] == ["a", "opt", "tool"]


def test_network_mode_service_is_a_dependency() -> None:
    with pytest.raises(ComposeError, match='service "a" depends on undefined service "ghost": invalid compose project'):
        project("services:\n  a:\n    image: x\n    network_mode: service:ghost\n")
    p = project("services:\n  a:\n    image: x\n    network_mode: service:b\n  b:\n    image: x\n")
    assert [s.name for s in p.ordered()] == ["b", "a"]


def test_completed_condition_runs_the_dependency_to_its_end() -> None:
    h = DockerHost()
    spec = {"services": {"init": {"image": "busybox", "command": ["sh", "-c", "exit 4"]},
                         "app": {"image": "busybox", "tty": True,
                                 "depends_on": {"init": {"condition": "service_completed_successfully"}}}}}
    r = h.compose(spec, project_name="p").up()
    assert r.exit_code == 1 and r.stderr.endswith(
        ' Container p-init-1  service "init" didn\'t complete successfully: exit 4\n'
        'service "init" didn\'t complete successfully: exit 4\n')
    assert h.container_inspect("p-init-1")["State"]["ExitCode"] == 4
    assert h.container_inspect("p-app-1")["State"]["Status"] == "created"
    spec["services"]["init"]["command"] = ["true"]
    ok = h.compose(spec, project_name="p").up()
    assert ok.exit_code == 0 and " Container p-init-1  Exited\n Container p-app-1  Starting\n" in ok.stderr


def test_changed_network_is_recreated_and_its_containers_rejoin_it() -> None:
    net = "networks:\n  n:\n    ipam:\n      config: [{subnet: %s}]\n"
    svc = "services:\n  a:\n    image: busybox\n    tty: true\n    networks: [n]\n"
    s = _session(svc + net % "10.5.0.0/24")
    s.run_line("docker compose up -d")
    before = s.run_line("docker inspect -f '{{.Id}}' app-a-1").stdout
    s.directive("file compose.yaml\n" + svc + net % "10.6.0.0/24")
    out = s.run_line("docker compose up -d").stderr
    assert out == (" Container app-a-1  Stopping\n Container app-a-1  Stopped\n Network app_n  Removed\n"
                   " Network app_n  Creating\n Network app_n  Created\n"
                   " Container app-a-1  Starting\n Container app-a-1  Started\n")
    assert s.run_line("docker inspect -f '{{.Id}}' app-a-1").stdout == before
    assert s.run_line("docker exec app-a-1 hostname -i").stdout == "10.6.0.2\n"


ONEOFF = ("services:\n  db:\n    image: busybox\n    tty: true\n  web:\n    image: busybox\n    tty: true\n"
          "    depends_on: [db]\n    ports: ['8080:80']\n")


def test_run_makes_a_seeded_one_off_that_answers_only_to_its_name() -> None:
    s = _session(ONEOFF)
    first = s.run_line("docker compose run --rm -T web hostname -i")
    # the network and the dependency come up as `up` brings them; the one-off itself says nothing
    assert first.stderr == (" Network app_default  Creating\n Network app_default  Created\n"
                            " Container app-db-1  Creating\n Container app-db-1  Created\n"
                            " Container app-db-1  Starting\n Container app-db-1  Started\n")
    assert (first.stdout, first.exit_code) == ("172.18.0.3\n", 0)
    assert s.run_line("docker ps -aq").stdout.count("\n") == 1          # --rm took it away
    cid = s.run_line("docker compose run -d db sleep 100").stdout.strip()
    c = s.host.find_container(cid)
    slug = c.labels["com.docker.compose.slug"]
    assert c.name == f"app-db-run-{slug[:12]}" and len(slug) == 64
    assert c.labels["com.docker.compose.oneoff"] == "True" and "com.docker.compose.container-number" not in c.labels
    assert c.port_bindings == {} and c.argv == ["sleep", "100"]
    again = _session(ONEOFF)
    again.run_line("docker compose run --rm -T web hostname -i")
    assert again.run_line("docker compose run -d db sleep 100").stdout.strip() == cid   # same seed, same ID
    # the service's name leads to the service's container only; the one-off's own name to it
    assert s.run_line("docker exec app-db-1 nslookup db").stdout.count("Address: 172.18.0.") == 1
    assert "Address: 172.18.0.3" in s.run_line(f"docker exec app-db-1 nslookup {c.name}").stdout
    assert s.run_line("docker compose ps --format '{{.Name}}'").stdout == "app-db-1\n"
    assert c.name in s.run_line("docker compose ps -a --format '{{.Name}}'").stdout


def test_run_status_flags_and_errors() -> None:
    s = _session(ONEOFF)
    failed = s.run_line("docker compose run --rm -T --no-deps db sh -c 'echo out; exit 3'")
    assert (failed.stdout, failed.exit_code) == ("out\n", 3)
    assert failed.stderr == " Network app_default  Creating\n Network app_default  Created\n\n"   # compose's empty error
    assert s.run_line("docker compose run --rm -T -w /tmp -e A=b db sh -c 'pwd; echo $A'").stdout == "/tmp\nb\n"
    assert s.run_line("docker compose run --rm -T --entrypoint hostname db -i").exit_code == 0
    published = s.run_line("docker compose run -d --service-ports -p 9090:81 web sleep 9").stdout.strip()
    assert sorted(s.host.find_container(published).port_bindings) == ["80/tcp", "81/tcp"]
    state = s.host.state()
    for line, err in (("docker compose run nope true", "no such service: nope\n"),
                      ("docker compose kill nope", "no such service: nope\n"),
                      ("docker compose pause nope", "no such service: nope\n"),
                      ("docker compose create nope", "no such service: nope\n")):
        r = s.run_line(line)
        assert (r.stderr, r.exit_code) == (err, 1), line
    assert s.host.state() == state


def test_kill_pause_unpause_and_create() -> None:
    s = _session(ONEOFF)
    created = s.run_line("docker compose create")
    assert created.stderr.endswith(" Container app-web-1  Creating\n Container app-web-1  Created\n")
    assert s.run_line("docker compose kill").stderr == "no container to kill"
    s.run_line("docker compose start")
    paused = s.run_line("docker compose pause db")
    assert (paused.stderr, paused.exit_code) == (" Container app-db-1  Paused\n", 0)
    assert s.run_line("docker compose ps --format '{{.Name}} {{.State}}'").stdout == \
        "app-db-1 paused\napp-web-1 running\n"
    again = s.run_line("docker compose pause db")
    cid = s.host.find_container("app-db-1").id
    assert (again.stderr, again.exit_code) == (f"Error response from daemon: Container {cid} is already paused\n", 1)
    assert s.run_line("docker compose unpause db").stderr == " Container app-db-1  Unpaused\n"
    killed = s.run_line("docker compose kill web")
    assert killed.stderr == " Container app-web-1  Killing\n Container app-web-1  Killed\n"
    assert s.run_line("docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'").stdout == \
        "app-db-1 running 0\napp-web-1 exited 137\n"
    assert s.run_line("docker compose kill -s SIGTERM db").exit_code == 0       # PID 1 shrugs it off
    assert s.host.find_container("app-db-1").running


def test_an_exited_one_off_is_an_orphan_of_up() -> None:
    s = _session(ONEOFF)
    s.run_line("docker compose up -d")
    s.run_line("docker compose run -T --name done db true")
    warned = s.run_line("docker compose up -d").stderr
    assert "Found orphan containers ([done]) for this project." in warned
    s.run_line("docker compose up -d --remove-orphans")
    assert s.run_line("docker ps -a --format '{{.Names}}'").stdout.split() == ["app-web-1", "app-db-1"]
