"""``docker compose config``'s flags and canonical form, ``version``, ``up``'s refused flag
combinations, ``down --rmi``, ``wait`` and the service keys config prints (c43–c47, recorded on
20.10, 26 and 28 with compose 2.40.3)."""

from __future__ import annotations

import json

import pytest

from dockernet_sim.compose.emit import _scalar, go_json, service_hash
from dockernet_sim.compose.files import Files
from dockernet_sim.compose.model import ComposeError, go_duration, load_project
from dockernet_sim.terminal import Session

SHOP = """name: shop
services:
  db:
    image: busybox:latest
    tty: true
    profiles: [tools, debug]
  api:
    image: busybox:latest
    tty: true
    environment:
      PRICE: "$$5"
      MODE: ${MODE:-dev}
    networks: [back]
  web:
    image: web:latest
    tty: true
    ports: ["8080:80"]
    depends_on: [api]
    networks: [default, back]
networks:
  default:
    driver_opts:
      com.docker.network.bridge.name: shopbr0
  back: {}
"""


def session(text: str = SHOP, engine: str = "28") -> Session:
    s = Session(engine=engine, seed=3)
    assert s.directive("image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox") is None
    assert s.directive("file compose.yaml\n" + text) is None
    return s


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


# -- YAML v3's scalar styles, Go's durations and JSON ---------------------------------------------
@pytest.mark.parametrize("text,written", [
    ("-c", "-c"),                                   # c46: a dash not followed by a blank is plain
    ("echo up && sleep 3600", "echo up && sleep 3600"),
    ("8080", '"8080"'),                             # would read back as a number
    ("yes", '"yes"'),                               # a YAML 1.1 boolean
    ("on-failure:3", "on-failure:3"),
    ("a: b", "'a: b'"),                             # only its characters forbid plain: single quotes
    ("#x", "'#x'"),
    ("a #b", "'a #b'"),
    (" lead", "' lead'"),
    ("", '""'),
    ("$$5", "$$5"),
])
def test_scalars_are_quoted_as_yaml_v3_quotes_them(text: str, written: str) -> None:
    assert _scalar(text) == written


@pytest.mark.parametrize("nanos,text", [(5 * 10**9, "5s"), (90 * 10**9, "1m30s"), (3600 * 10**9, "1h0m0s"),
                                        (1500 * 10**6, "1.5s"), (250 * 10**6, "250ms"), (0, "0s")])
def test_durations_print_as_go_prints_them(nanos: int, text: str) -> None:
    assert go_duration(nanos) == text


def test_go_json_escapes_html_characters() -> None:
    assert go_json({"c": "a && b <x>"}) == '{"c":"a \\u0026\\u0026 b \\u003cx\\u003e"}'


def test_service_hash_is_composes() -> None:
    """The hashes compose 2.40.3 printed for this file (c43), whatever the engine."""
    project = load_project(Files("/w/app", {"/w/app/compose.yaml": SHOP}), profiles=["debug"])
    hashes = {s.name: service_hash(s) for s in project.services}
    assert hashes == {"api": "e97f6e57111c1dc76c34ebc7014e9ca297ef82e1d40bb7ed8c812a7359f67948",
                      "db": "e7e20158cf74ce21a1f3d59e4ca37a28dad9dd268ee5e15c49e46aba454d38ab",
                      "web": "7c2527e27431ea32cb4fa2812706aa81f3f2eb71d13d2d71e2fef8c843a6ef62"}


# -- config's flags ---------------------------------------------------------------------------------
def test_config_listing_flags() -> None:
    s = session()
    assert run(s, "docker compose config --images | sort") == ("busybox:latest\nweb:latest\n", "", 0)
    assert run(s, "docker compose config --profiles") == ("debug\ntools\n", "", 0)
    assert run(s, "docker compose config --volumes") == ("", "", 0)
    out = run(s, "docker compose config --hash web,api")[0]
    assert [line.split()[0] for line in out.splitlines()] == ["api", "web"]
    assert run(s, "docker compose config --hash nope") == ("", "no such service: nope: not found\n", 1)
    assert run(s, "docker compose config --hash") == ("", "flag needs an argument: --hash\n", 1)
    assert run(s, "docker compose --profile debug config --hash '*'")[0].count("\n") == 3


def test_config_format_output_and_escaping() -> None:
    s = session()
    assert run(s, "docker compose config --format xml") == ("", 'unsupported format "xml"\n', 1)
    assert run(s, "docker compose config -q --format xml")[2] == 1
    out = run(s, "docker compose config api")[0]
    assert "PRICE: $$5" in out and "web:" not in out and "shop_default" not in out
    assert run(s, "docker compose config -o out.yaml") == ("", "", 0)
    assert run(s, "docker compose -f out.yaml config --hash '*'") == run(s, "docker compose config --hash '*'")
    assert run(s, "docker compose config --format json --output out.json") == ("", "", 0)
    assert json.loads(s.files.read("out.json") or "")["services"]["api"]["environment"]["PRICE"] == "$$5"


def test_version_is_the_plugins() -> None:
    s = session()
    assert run(s, "docker compose version") == ("Docker Compose version 2.40.3-3\n", "", 0)
    assert run(s, "docker compose version --short") == ("2.40.3-3\n", "", 0)
    assert run(s, "docker compose version -f json") == ('{"version":"2.40.3-3"}\n', "", 0)
    assert run(s, "docker compose version --format xml")[0] == "Docker Compose version 2.40.3-3\n"
    assert run(s, "docker compose version extra") == (
        "", 'unknown command "extra" for "docker compose version"\n', 1)
    assert run(s, "docker compose --version")[0].startswith("Usage:  docker compose [OPTIONS] COMMAND")


# -- up, down, wait ---------------------------------------------------------------------------------
@pytest.mark.parametrize("flags,error", [
    ("-d --force-recreate --no-recreate", "--force-recreate and --no-recreate are incompatible"),
    ("-d --scale web=x", 'strconv.Atoi: parsing "x": invalid syntax'),
    ("-d --scale web", 'invalid --scale option "web". Should be SERVICE=NUM'),
    ("-d --abort-on-container-exit", "--detach cannot be combined with --abort-on-container-exit, "
     "--abort-on-container-failure, --attach, --attach-dependencies or --watch"),
    ("--build --no-build", "--build and --no-build are incompatible"),
    ("--abort-on-container-exit --abort-on-container-failure",
     "--abort-on-container-failure cannot be combined with --abort-on-container-exit"),
])
def test_up_refuses_flag_combinations_before_acting(flags: str, error: str) -> None:
    s = session()
    assert run(s, f"docker compose up {flags}") == ("", error + "\n", 1)
    assert run(s, "docker ps -aq") == ("", "", 0)


def test_down_checks_rmi() -> None:
    s = session()
    run(s, "docker compose up -d")
    assert run(s, "docker compose down --rmi bogus") == ("", 'invalid value for --rmi: "bogus"\n', 1)
    assert run(s, "docker compose ps -q")[0].count("\n") == 2


def test_wait() -> None:
    s = session("services:\n  job:\n    image: busybox\n    command: sh -c 'exit 3'\n")
    run(s, "docker compose up -d")
    assert run(s, "docker compose wait job") == ("", 'no containers for project "app"\n', 1)
    assert run(s, "docker compose -p empty wait job") == ("", 'no containers for project "empty"\n', 1)
    out, err, code = run(s, "docker compose wait")
    assert code == 1 and err.startswith("docker: 'docker compose wait' requires at least 1 argument\n")


# -- service keys ------------------------------------------------------------------------------------
KEYS = """services:
  web:
    image: web:latest
    restart: unless-stopped
    working_dir: /srv
    init: true
    env_file: app.env
    environment:
      SHARED: env
    cap_add: [NET_ADMIN]
    sysctls: ["net.core.somaxconn=1024"]
    stop_grace_period: 90s
    healthcheck:
      test: wget -q localhost
      interval: 30s
"""


def test_service_keys_in_config() -> None:
    s = session(KEYS)
    assert s.directive("file app.env\nFROM_FILE=yes\nSHARED=file\n") is None
    out = run(s, "docker compose config")[0]
    assert "    environment:\n      FROM_FILE: \"yes\"\n      SHARED: env\n" in out
    assert "    healthcheck:\n      test:\n        - CMD-SHELL\n        - wget -q localhost\n      interval: 30s\n" in out
    for line in ("    init: true\n", "    restart: unless-stopped\n", "    stop_grace_period: 1m30s\n",
                 "      net.core.somaxconn: \"1024\"\n", "    working_dir: /srv\n", "      - NET_ADMIN\n"):
        assert line in out
    assert "env_file" not in out


@pytest.mark.parametrize("key,error", [
    ("env_file: missing.env", "env file /tmp/dk-work/app/missing.env not found: "
                              "stat /tmp/dk-work/app/missing.env: no such file or directory"),
    ("stop_grace_period: soon", "decoding failed due to the following error(s):\n\n"
                                "'services[web].stop_grace_period' time: invalid duration \"soon\""),
    ("cap_add: NET_ADMIN", "validating /tmp/dk-work/app/compose.yaml: services.web.cap_add must be a array"),
])
def test_service_key_errors(key: str, error: str) -> None:
    s = session(f"services:\n  web:\n    image: busybox\n    {key}\n")
    assert run(s, "docker compose config") == ("", error + "\n", 1)


def test_bad_healthcheck_duration_is_a_compose_error() -> None:
    with pytest.raises(ComposeError, match=r"'services\[web\]\.healthcheck\.interval' time: invalid duration"):
        load_project(Files("/w", {"/w/compose.yaml": "services:\n  web:\n    image: b\n    healthcheck:\n"
                                                     "      interval: often\n"}))


# -- up attached (c48), a tutorial's file (c49) -------------------------------------------------------
STEPS = """services:
  init:
    image: busybox:latest
    command: sh -c 'echo preparing; echo done'
  app:
    image: busybox:latest
    command: sh -c 'echo app says hi; exit 2'
    depends_on:
      init:
        condition: service_completed_successfully
"""


def test_up_attached_prints_output_and_exits() -> None:
    s = session(STEPS)
    out, err, code = run(s, "docker compose up")
    assert out == ("Attaching to app-1, init-1\ninit-1  | preparing\ninit-1  | done\n\n\x1b[Kinit-1 exited with code 0\n"
                   "app-1   | app says hi\n\n\x1b[Kapp-1 exited with code 2\n")
    assert code == 0 and err.endswith(" Container app-app-1  Created\n") and "Started" not in err
    # again: only what this start printed, and --exit-code-from's status
    out, err, code = run(s, "docker compose up --exit-code-from app")
    assert out.count("app says hi") == 1 and code == 2
    assert err.startswith("\x1b[31m\x1b[1mAborting on container exit...\x1b[0m\n Container app-app-1  Stopping\n")
    assert err.endswith("\n\n")
    assert run(s, "docker compose up --exit-code-from nope") == ("", "no such service: nope: not found\n", 1)


@pytest.mark.parametrize("flags,attaching,exit_lines", [
    ("--attach app", "app-1", ["app-1"]),
    ("app", "app-1", ["app-1"]),
    ("--attach-dependencies app", "app-1, init-1", ["app-1"]),
    ("--no-attach init", "app-1", ["app-1"]),
])
def test_up_attaches_to_the_services_it_is_asked_to(flags: str, attaching: str, exit_lines: list[str]) -> None:
    s = session(STEPS)
    out = run(s, f"docker compose up {flags}")[0]
    assert out.startswith(f"Attaching to {attaching}\n")
    assert [line[3:].split()[0] for line in out.splitlines() if "exited with code" in line] == exit_lines


def test_up_attached_to_a_container_that_does_not_end_says_the_simulator_returns() -> None:
    s = session("services:\n  web:\n    image: busybox\n    command: sleep 1000\n")
    out, err, code = run(s, "docker compose up")
    assert out == "Attaching to web-1\n" and code == 0
    assert err.endswith("dockernet_sim: docker compose up: app-web-1 does not end by itself: compose would stay "
                        "attached until Ctrl-C; the simulator returns and leaves it running\n")
    assert run(s, "docker compose ps --format '{{.State}}'")[0] == "running\n"


def test_obsolete_version_key_is_warned_about_by_every_command_that_loads_the_file() -> None:
    s = Session(engine="28", seed=3)
    assert s.directive("file docker-compose.yml\nversion: '3.8'\nservices:\n  db:\n    image: busybox\n"
                       "    container_name: mydb\n    tty: true\n  web:\n    image: busybox\n    tty: true\n") is None
    warning = ("level=warning msg=\"/tmp/dk-work/app/docker-compose.yml: the attribute `version` is obsolete, "
               "it will be ignored, please remove it to avoid potential confusion\"\n")
    for line in ("docker compose config -q", "docker compose up -d", "docker compose ps -q"):
        assert run(s, line)[1].split(" ", 1)[1].startswith(warning)
    assert run(s, "docker compose ps --services") == ("web\ndb\n", run(s, "docker compose ps --services")[1], 0)
    assert run(s, "docker compose ls --format '{{.Name}}'") == (
        "", 'format value "{{.Name}}" could not be parsed: parsing failed\n', 1)


# -- --env-file, COMPOSE_PROFILES, config --variables (c47) ------------------------------------------
ENVS = """services:
  web:
    image: busybox:${TAG:-latest}
    ports: ["${PORT:-8080}:80"]
    profiles: [web]
  db:
    image: busybox:latest
    environment:
      LEVEL: ${LEVEL:?set LEVEL first}
"""


def test_env_file_replaces_dotenv_and_can_enable_profiles() -> None:
    s = session(ENVS)
    assert s.directive("file prod.env\nTAG=stable\nPORT=9090\nLEVEL=3\nCOMPOSE_PROFILES=web\n") is None
    assert run(s, "docker compose config --services") == (
        "", "error while interpolating services.db.environment.LEVEL: required variable LEVEL is missing a value: "
            "set LEVEL first\n", 1)
    assert run(s, "docker compose --env-file prod.env config --images | sort") == (
        "busybox:latest\nbusybox:stable\n", "", 0)
    assert run(s, "docker compose --env-file missing.env config") == (
        "", "couldn't find env file: /tmp/dk-work/app/missing.env\n", 1)
    assert run(s, "LEVEL=1 COMPOSE_PROFILES=web docker compose config --services | sort") == ("db\nweb\n", "", 0)


def test_config_variables() -> None:
    s = session(ENVS)
    assert run(s, "docker compose config --variables") == (
        "NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE\n"
        "LEVEL               true                                    \n"
        "PORT                false               8080                \n"
        "TAG                 false               latest              \n", "", 0)
    doc = json.loads(run(s, "docker compose config --variables --format json")[0])
    assert doc["TAG"] == {"Name": "TAG", "DefaultValue": "latest", "PresenceValue": "", "Required": False}


@pytest.mark.parametrize("key,error", [
    ("healthcheck:\n      retries: x", "services.web.healthcheck.retries must be a number"),
    ("healthcheck:\n      test: 5", "services.web.healthcheck.test must be a string or array"),
    ("healthcheck: yes", "services.web.healthcheck must be a object"),
    ("restart: 3", "services.web.restart must be a string"),
])
def test_mistyped_keys_are_schema_errors_not_tracebacks(key: str, error: str) -> None:
    s = session(f"services:\n  web:\n    image: busybox\n    {key}\n")
    assert run(s, "docker compose config") == ("", f"validating /tmp/dk-work/app/compose.yaml: {error}\n", 1)


def test_an_optional_env_file_may_be_missing() -> None:
    s = session("services:\n  web:\n    image: busybox\n    env_file:\n      - path: gone.env\n"
                "        required: false\n      - app.env\n")
    assert s.directive("file app.env\nA=1\n") is None
    assert "    environment:\n      A: \"1\"\n" in run(s, "docker compose config")[0]
