"""``docker compose top``, ``images`` and each command's ``--help`` (r192_compose_top_images_help,
recorded on 20.10, 26 and 28 with compose 2.40.3)."""

from __future__ import annotations

import json

import pytest

from dockernet_sim.client.compose_listings import _helps
from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")
PROJECT = """services:
  web:
    image: busybox:latest
    command: ["httpd", "-f", "-p", "80"]
  db:
    image: busybox
    command: ["sleep", "1000"]
    depends_on:
      - web
"""


def session(engine: str) -> Session:
    s = Session(engine=engine, seed=6)
    assert s.directive("file compose.yaml\n" + PROJECT) is None
    return s


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


@pytest.mark.parametrize("engine", ENGINES)
def test_images_lists_every_container_of_the_project_by_name(engine: str) -> None:
    s = session(engine)
    header = ("CONTAINER           REPOSITORY          TAG                 PLATFORM            IMAGE ID"
              "            SIZE                CREATED\n")
    assert run(s, "docker compose images") == (header, "", 0)
    run(s, "docker compose up -d")
    run(s, "docker compose stop db")
    out = run(s, "docker compose images")[0].splitlines()
    assert [line.split()[:4] for line in out[1:]] == [["app-db-1", "busybox", "latest", "linux/amd64"],
                                                     ["app-web-1", "busybox", "latest", "linux/amd64"]]
    assert out[1].split()[5] == "1.98MB" and out[1].endswith(" ago")
    assert run(s, "docker compose images nosuch") == (header, "", 0)
    ids = run(s, "docker compose images -q")[0].splitlines()
    assert len(ids) == 1 and len(ids[0]) == 64
    docs = json.loads(run(s, "docker compose images --format json")[0])
    assert [(d["ContainerName"], d["Repository"], d["Tag"], d["Size"]) for d in docs] == [
        ("app-db-1", "busybox", "latest", 1982256), ("app-web-1", "busybox", "latest", 1982256)]
    assert docs[0]["ID"] == "sha256:" + ids[0]


@pytest.mark.parametrize("engine", ENGINES)
def test_top_is_one_table_of_the_running_containers(engine: str) -> None:
    s = session(engine)
    assert run(s, "docker compose top") == ("", "", 0)
    run(s, "docker compose up -d")
    out = run(s, "docker compose top")[0].splitlines()
    assert out[0].split() == ["SERVICE", "#", "UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]
    assert out[0].startswith("SERVICE  #   UID   PID")          # tabwriter: minimum width 4, padding 2
    assert [(line.split()[0], line.split()[1], line.split(None, 9)[-1]) for line in out[1:]] == [
        ("db", "1", "sleep 1000"), ("web", "1", "httpd -f -p 80")]
    assert run(s, "docker compose top nosuch") == ("", "", 0)
    run(s, "docker compose stop db")
    assert [line.split()[0] for line in run(s, "docker compose top")[0].splitlines()] == ["SERVICE", "web"]


@pytest.mark.parametrize("cmd", sorted(_helps()))
def test_each_command_prints_its_help_and_does_nothing(cmd: str) -> None:
    s = session("28")
    assert run(s, f"docker compose {cmd} --help") == (_helps()[cmd], "", 0)
    out, err, code = run(s, f"docker compose {cmd} -h")
    assert (out, code) == ("Flag shorthand -h has been deprecated, use --help\n" + _helps()[cmd], 0)
    assert run(s, "docker ps -aq")[0] == ""            # up --help created nothing


def test_help_after_flags_and_top_level_help() -> None:
    s = session("20.10")
    assert run(s, "docker compose ps --all --help")[0] == _helps()["ps"]
    assert run(s, "docker compose --help")[0].startswith("Usage:  docker compose [OPTIONS] COMMAND\n")
    # run's flags stop at the service: --help after it is the one-off's argument
    assert run(s, "docker compose run --help")[0] == _helps()["run"]


def test_compose_alone_prints_the_plugins_help() -> None:
    """`docker compose` with no command prints what `docker compose --help` prints (compose
    2.40.3 through the 28 client, without a daemon), exit 0."""
    s = session("28")
    out, err, code = run(s, "docker compose")
    assert (out, err, code) == (run(s, "docker compose --help")[0], "", 0)
    assert out.startswith("Usage:  docker compose [OPTIONS] COMMAND\n")
