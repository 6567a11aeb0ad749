"""``docker logs`` and ``docker top``, and what a container whose command ends does (r160_logs_top,
recorded on 20.10, 26 and 28): the command runs to its end when the container starts, its output
is the log (stdout and stderr kept apart, appended on every start), the container exits with its
status; a sleeper, a server and a shell keep running. ``top`` is the host's ``ps -ef`` of the
container's processes in a tabwriter of minimum width 20 (the 20.10 recording's layout)."""

from __future__ import annotations

import pytest

from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")


def session(engine: str) -> Session:
    s = Session(engine=engine, seed=3)
    for line in ("docker run -d --name web busybox sleep 1000",
                 "docker run -d --name srv busybox httpd -f -p 80",
                 "docker run -d --name once busybox echo hello",
                 "docker run -d --name twice busybox sh -c 'echo out; echo err >&2; echo out2'",
                 "docker run -d --name lines busybox sh -c 'echo 1; echo 2; echo 3'",
                 "docker run -d --name fail busybox sh -c 'echo bye; exit 3'",
                 "docker run -itd --name shell busybox",
                 "docker run -d --name sleeper busybox sh -c 'echo up; sleep 1000'"):
        assert s.run_line(line).exit_code == 0, line
    return s


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


@pytest.mark.parametrize("engine", ENGINES)
def test_a_command_that_ends_exits_and_leaves_its_output_in_the_log(engine: str) -> None:
    s = session(engine)
    status = dict(line.split(" ", 1) for line in
                  run(s, "docker ps -a --format '{{.Names}} {{.Status}}'")[0].splitlines())
    assert status["once"].startswith("Exited (0)") and status["fail"].startswith("Exited (3)")
    for running in ("web", "srv", "shell", "sleeper"):
        assert status[running].startswith("Up"), running
    assert run(s, "docker logs once") == ("hello\n", "", 0)
    assert run(s, "docker logs twice") == ("out\nout2\n", "err\n", 0)
    assert run(s, "docker logs fail") == ("bye\n", "", 0)
    assert run(s, "docker logs web") == ("", "", 0)
    assert run(s, "docker container logs once") == ("hello\n", "", 0)
    # every start runs the command again and appends
    assert run(s, "docker start once") == ("once\n", "", 0)
    assert run(s, "docker logs once") == ("hello\nhello\n", "", 0)
    assert run(s, "docker restart -t 1 fail")[2] == 0
    assert run(s, "docker logs fail") == ("bye\nbye\n", "", 0)
    assert run(s, "docker start -a lines") == ("1\n2\n3\n", "", 0)
    assert run(s, "docker logs lines") == ("1\n2\n3\n1\n2\n3\n", "", 0)


@pytest.mark.parametrize("tail,shown", [("1", "3\n"), ("2", "2\n3\n"), ("0", ""), ("all", "1\n2\n3\n"),
                                        ("-1", "1\n2\n3\n"), ("x", "1\n2\n3\n"), ("9", "1\n2\n3\n")])
def test_tail_counts_lines_from_the_end(tail: str, shown: str) -> None:
    s = session("28")
    assert run(s, f"docker logs --tail {tail} lines") == (shown, "", 0)
    assert run(s, f"docker logs -n {tail} lines") == (shown, "", 0)


def test_an_attached_run_is_logged_too() -> None:
    s = session("28")
    assert run(s, "docker run --name att busybox echo attached")[0] == "attached\n"
    assert run(s, "docker logs att") == ("attached\n", "", 0)


@pytest.mark.parametrize("engine,logs_missing", [
    ("20.10", "Error: No such container: nosuch\n"),
    ("26", "Error response from daemon: No such container: nosuch\n"),
    ("28", "Error response from daemon: No such container: nosuch\n")])
def test_errors_as_each_client_frames_them(engine: str, logs_missing: str) -> None:
    s = session(engine)
    assert run(s, "docker logs nosuch") == ("", logs_missing, 1)
    assert run(s, "docker top nosuch") == ("", "Error response from daemon: No such container: nosuch\n", 1)
    cid = s.host.find_container("once").id
    word = "Container" if engine == "20.10" else "container"
    assert run(s, "docker top once") == ("", f"Error response from daemon: {word} {cid} is not running\n", 1)


def test_top_lists_pid_1_and_what_exec_left_running() -> None:
    s = session("20.10")
    c = s.host.find_container("srv")
    out, err, code = run(s, "docker top srv")
    lines = out.splitlines()
    assert (err, code) == ("", 0)
    assert lines[0] == "UID                 PID                 PPID                C                   " \
                       "STIME               TTY                 TIME                CMD"
    assert lines[1].split(None, 7) == ["root", str(c.pid), str(c.pid - 1), "0", lines[1].split()[4], "?",
                                       "00:00:00", "httpd -f -p 80"]
    assert len(lines) == 2
    assert run(s, "docker exec -d srv nc -l -p 81")[2] == 0
    assert run(s, "docker top srv")[0].splitlines()[2].endswith("nc -l -p 81")
    assert run(s, "docker top web -o pid,comm") == (f"PID                 COMMAND\n"
                                                   f"{s.host.find_container('web').pid:<20}sleep\n", "", 0)
    assert run(s, "docker top shell")[0].split()[13] == "pts/0"


@pytest.mark.parametrize("args,err", [
    ("-o comm", "Error response from daemon: Couldn't find PID field in ps output\n"),
    ("-o pid,bogus", 'Error response from daemon: error: unknown user-defined format specifier "bogus"\n')])
def test_top_with_ps_options_dockerd_cannot_use(args: str, err: str) -> None:
    assert run(session("28"), f"docker top web {args}") == ("", err, 1)


def test_the_log_is_part_of_the_state_a_failed_call_leaves_alone() -> None:
    s = session("28")
    before = s.host.find_container("once").log
    with pytest.raises(Exception):
        with s.host.journal.transaction():
            s.host.container_output("once", "more\n", "")
            raise RuntimeError("rolled back")
    assert s.host.find_container("once").log == before


def test_busybox_ps_in_a_container_sees_its_own_pid_namespace() -> None:
    s = session("28")
    assert run(s, "docker exec web ps") == ("PID   USER     COMMAND\n    1 0        sleep 1000\n"
                                            "    7 0        ps\n", "", 0)
    assert run(s, "docker exec web ps -o pid,comm") == ("PID   COMMAND\n    1 sleep\n    7 ps\n", "", 0)
    assert run(s, "docker exec -d srv nc -l -p 81")[2] == 0
    assert run(s, "docker exec srv ps aux")[0].splitlines()[1:] == [
        "    1 0        httpd -f -p 80", "    7 0        nc -l -p 81", "   13 0        ps aux"]
    # a header of one's own sets the column's width (busybox's own: ``ps -o pid=ID,comm=NAME``)
    assert run(s, "docker exec web ps -o pid=ID,comm=NAME") == ("ID NAME\n 1 slee\n 7 ps\n", "", 0)
    assert run(s, "docker exec web ps -o pid,bogus") == (
        "", "ps: bad -o argument 'bogus', supported arguments: "
            "user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\n", 1)


@pytest.mark.parametrize("line,out,err,code", [
    ("uname -n", "{hostname}\n", "", 0),
    ("uname", "Linux\n", "", 0),
    ("uname -a", "Linux {hostname} 6.18.44-fc-v1147 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n", "", 0),
    ("uname -rm", "6.18.44-fc-v1147 x86_64\n", "", 0),
    ("id", "uid=0 gid=0 groups=0\n", "", 0),
    ("whoami", "", "whoami: unknown uid 0\n", 1),
])
def test_who_and_what_a_bare_busybox_root_reports(line: str, out: str, err: str, code: int) -> None:
    s = session("20.10")
    hostname = s.host.find_container("web").short_id
    assert run(s, f"docker exec web {line}") == (out.format(hostname=hostname), err, code)


def test_timestamps_have_nine_digits_of_the_second() -> None:
    import re
    out = run(session("28"), "docker logs -t once")[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hello\n", out), out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("line", ["docker run -d --name gone busybox python3 -m http.server",
                                  "docker run --name gone busybox python3 -m http.server"])
def test_a_program_the_image_lacks_never_starts(engine: str, line: str) -> None:
    """runc refuses the task before the process exists: the client's status is 127 (docker/cli
    run.go, for "executable file not found"), the container stays Created and
    ``docker start`` meets the same refusal (the daemon's words as compose's c42 recorded them)."""
    s = Session(engine=engine, seed=3)
    out, err, code = run(s, line)
    assert code == 127 and len(out) == (65 if " -d " in line else 0)      # detached: the ID comes first
    assert 'exec: "python3": executable file not found in $PATH' in err and err.startswith("docker: ")
    assert run(s, "docker ps -a --format '{{.Names}} {{.Status}}'")[0] == "gone Created\n"
    out, err, code = run(s, "docker start gone")
    assert (out, code) == ("", 1) and err.endswith("Error: failed to start containers: gone\n")
    assert run(s, "docker run --rm --name other busybox nope")[2] == 127
    assert "other" not in run(s, "docker ps -a")[0]


def test_an_image_the_simulator_does_not_know_runs_its_own_programs() -> None:
    """nginx's or redis's files are not modelled: a program busybox lacks is taken to be the
    image's service and runs until stopped (never runc's refusal, never an exit); what busybox
    has still runs to its end."""
    s = Session(engine="28", seed=3)
    for line in ("docker run -d --name web nginx", "docker run -d --name cache redis redis-server --appendonly yes",
                 "docker run -d --name py python:3 python -m http.server", "docker run -d --name once alpine echo hi"):
        assert run(s, line)[2] == 0, line
    status = dict(line.split(" ", 1) for line in
                  run(s, "docker ps -a --format '{{.Names}} {{.Status}}'")[0].splitlines())
    assert all(status[n].startswith("Up") for n in ("web", "cache", "py")), status
    assert status["once"].startswith("Exited (0)") and run(s, "docker logs once")[0] == "hi\n"
