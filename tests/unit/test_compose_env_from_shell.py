"""compose's list-form ``environment: [KEY]`` (issue 13's remainder): KEY's value comes from the
environment compose runs in, then the project's ``.env``; set nowhere, it stays bare (``null``
in ``config``, kept bare in the container's ``Config.Env``). c39 records it on 28 and 20.10
(``FROM_SHELL=sh docker compose …``); these cases reach it from Python and the shell's export."""

from __future__ import annotations

from dockernet_sim.compose.files import Files
from dockernet_sim.compose.model import load_project
from dockernet_sim.host import DockerHost
from dockernet_sim.terminal import Session

COMPOSE = ("services:\n  s:\n    image: busybox\n    environment:\n      - FROM_SHELL\n      - FROM_DOTENV\n"
           "      - NOWHERE\n      - FIXED=1\n    ports: [\"${PORT:-80}:80\"]\n")


def test_a_bare_key_takes_the_environment_then_dotenv_else_stays_unset() -> None:
    files = Files("/app", {"/app/compose.yaml": COMPOSE, "/app/.env": "FROM_DOTENV=dot\nFROM_SHELL=dot\n"})
    assert load_project(files).service("s").environment == ("FROM_SHELL=dot", "FROM_DOTENV=dot", "NOWHERE", "FIXED=1")
    shell = files.with_environ(["FROM_SHELL=sh", "NOWHERE="])
    assert load_project(shell).service("s").environment == ("FROM_SHELL=sh", "FROM_DOTENV=dot", "NOWHERE=", "FIXED=1")
    assert files.environ == {}          # the shell's variables were that command's only


def test_the_shells_exported_and_prefixed_variables_reach_compose() -> None:
    s = Session(engine="28", factory=DockerHost, files=Files("/app", {"/app/compose.yaml": COMPOSE}))
    assert "FROM_SHELL: null" in s.run_line("docker compose config").stdout
    assert "FROM_SHELL: sh" in s.run_line("FROM_SHELL=sh docker compose config").stdout
    s.run_line("export NOWHERE=x")
    assert "NOWHERE: x" in s.run_line("docker compose config").stdout
    assert s.run_line("docker compose up -d").exit_code == 0
    env = s.run_line("docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' app-s-1 | sort").stdout
    assert env == "\nFIXED=1\nFROM_DOTENV\nFROM_SHELL\nNOWHERE=x\n"
