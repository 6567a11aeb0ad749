"""``docker logs``' flags and the log of an interactive shell (r191_logs_flags, recorded on 20.10,
26 and 28): ``--since``/``--until`` read as timetypes reads them (a duration back from now, a
date, Unix seconds, 0 for no bound, else the client's error), ``--details`` a space before each
line, busybox ash's greeting in the log of a shell run on a terminal and its prompt once the
container stops (json-file keeps a line without its end until its stream closes)."""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")
GREETING = ("\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\n"
            "Enter 'help' for a list of built-in commands.\n\n")


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


@pytest.fixture(params=ENGINES)
def s(request: pytest.FixtureRequest) -> Session:
    s = Session(engine=request.param, seed=4)
    assert run(s, "docker run -d --name once busybox sh -c 'echo one; echo two; echo three >&2'")[2] == 0
    return s


@pytest.mark.parametrize("flags, shown", [
    ("--since 1h", True), ("--since 2000-01-01", True), ("--since 2000-01-01T00:00:00Z", True),
    ("--since 0", True), ("--since 4102444800", False), ("--since 2099-01-01", False), ("--since -1h", False),
    ("--until 1h", False), ("--until 2000-01-01", False), ("--until 2099-01-01", True), ("--until 0", True),
    ("--since 1h --until 2099-01-01", True),
])
def test_since_and_until_bound_the_lines(s: Session, flags: str, shown: bool) -> None:
    out, err, code = run(s, f"docker logs {flags} once")
    assert code == 0 and (out, err) == (("one\ntwo\n", "three\n") if shown else ("", ""))


@pytest.mark.parametrize("flag, value", [("since", "nosuch"), ("until", "nosuch"), ("since", "1x")])
def test_a_bound_that_is_no_time_is_the_clients_error(s: Session, flag: str, value: str) -> None:
    assert run(s, f"docker logs --{flag} {value} once") == (
        "", f'invalid value for "{flag}": failed to parse value as time or duration: "{value}"\n', 1)


def test_details_put_a_space_before_each_line(s: Session) -> None:
    assert run(s, "docker logs --details once") == (" one\n two\n", " three\n", 0)
    out = run(s, "docker logs --details -t once")[0]
    assert [line[30:] for line in out.splitlines()] == ["  one", "  two"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_shell_on_a_terminal_greets_and_prompts_into_its_log(engine: str) -> None:
    s = Session(engine=engine, seed=4)
    for line in ("docker run -itd --name it busybox", "docker run -td --name tonly busybox",
                 "docker run -id --name ionly busybox"):
        assert run(s, line)[2] == 0
    assert run(s, "docker logs it") == (GREETING, "", 0)
    assert run(s, "docker logs tonly") == (GREETING, "", 0)
    assert run(s, "docker logs ionly") == ("", "", 0)            # no terminal: not interactive
    assert run(s, "docker logs -n 1 it") == ("\n", "", 0)
    run(s, "docker stop -t 1 it")
    prompt = "/ # \x1b[6n"                                    # kept back until the stream closed
    assert run(s, "docker logs it") == (GREETING + prompt, "", 0)
    run(s, "docker start it")
    assert run(s, "docker logs it") == (GREETING + prompt + GREETING, "", 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_without_its_end_waits_for_more_or_for_the_stop(engine: str) -> None:
    h = DockerHost(engine=engine, seed=1)
    h.run("busybox", name="cc", tty=True, open_stdin=True)
    h.container_output("cc", "ab", "")
    assert h.container_logs("cc") == ()
    h.container_output("cc", "c\nd", "e")
    assert h.container_logs("cc") == (("stdout", "abc\n"),)
    h.container_stop("cc")
    assert h.container_logs("cc") == (("stdout", "abc\n"), ("stdout", "d"), ("stderr", "e"))
