"""Table tests for the client side of the second batch (r50–r61), both generations, exact output:
``ps --filter`` publish/expose/status/exited (daemon/list.go's rules, run by this client model),
the ``-p`` long syntax, ``--mac-address`` validation, ``docker exec`` (``-w``, ``sh -c``, missing
programs), ``ip link show master``, ``kill -s``."""

from __future__ import annotations

import pytest

from dockernet_sim.engines import get_profile
from dockernet_sim.client.filters import _port_op
from dockernet_sim.client.options import convert_to_standard_notation, parse_publish, valid_mac
from dockernet_sim.userland.programs import run_sh
from dockernet_sim.result import Result
from dockernet_sim.terminal import Session as Shell
from dockernet_sim.errors import DockerError

ENGINES = ("28", "20.10")


def shell(engine: str) -> Shell:
    sh = Shell(engine=engine, seed=1)
    sh.run_line("docker network create --subnet 10.100.0.0/24 st")
    sh.run_line("docker run -itd --name ru1 --network st -p 8080:80 busybox")
    sh.run_line("docker run -itd --name ex1 --network st --expose 90 busybox")
    sh.run_line("docker run -itd --name u1 -p 127.0.0.1:5353:53/udp busybox")
    sh.run_line("docker create -it --name cr1 busybox")
    return sh


def out(sh: Shell, line: str) -> tuple[str, str, int]:
    r = sh.run_line(line)
    return r.stdout, r.stderr, r.exit_code


# -- ps --filter publish / expose ---------------------------------------------------------------------

PS_FILTERS = [
    ("publish=80", ""),                     # the host port, not the container's
    ("publish=8080", "ru1\n"),
    ("publish=8080/tcp", "ru1\n"),
    ("publish=8080/udp", ""),
    ("publish=8000-8090", "ru1\n"),
    ("publish=5353/udp", "u1\n"),
    ("expose=80", "ru1\n"),                 # the container port of a published port
    ("expose=90", "ex1\n"),                 # an exposed port that is not published
    ("expose=53", ""),                      # tcp by default
    ("expose=53/udp", "u1\n"),
    ("expose=85-95/tcp", "ex1\n"),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("flt,expected", PS_FILTERS)
def test_ps_filter_ports(engine: str, flt: str, expected: str) -> None:
    sh = shell(engine)
    assert out(sh, f"docker ps -a --filter {flt} --format '{{{{.Names}}}}'") == (expected, "", 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_ps_filter_publish_or_expose(engine: str) -> None:
    # daemon/list.go: one loop over the ports, a publish or an expose match keeps the container
    sh = shell(engine)
    assert out(sh, "docker ps --filter publish=8080 --filter expose=90 --format '{{.Names}}'") == \
        ("ex1\nru1\n", "", 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_ps_filter_stopped_container_has_no_ports(engine: str) -> None:
    sh = shell(engine)
    sh.run_line("docker stop -t 1 ex1")
    assert out(sh, "docker ps -a --filter expose=90 --format '{{.Names}}'") == ("", "", 0)


PS_FILTER_ERRORS = [
    ("28", "status=bogus",
     "Error response from daemon: invalid filter 'status=bogus': invalid value for state (bogus): must be one of "
     "created, running, paused, restarting, removing, exited, dead\n"),
    ("20.10", "status=bogus", "Error response from daemon: Invalid filter 'status=bogus'\n"),
    ("28", "publish=80:80", "Error response from daemon: filter for 'publish' should not contain ':': 80:80\n"),
    ("28", "expose=abc",
     'Error response from daemon: error while looking up for expose abc: strconv.ParseUint: parsing "abc": '
     "invalid syntax\n"),
    ("20.10", "publish=90-80",
     "Error response from daemon: error while looking up for publish 90-80: invalid range specified for port: "
     "90-80\n"),
    ("28", "exited=x", 'Error response from daemon: strconv.Atoi: parsing "x": invalid syntax\n'),
    ("28", "health=sick", "Error response from daemon: invalid filter 'health=sick': invalid value for health "
                          "(sick): must be one of none, starting, healthy, unhealthy\n"),     # r260
    ("28", "bogus=1", "Error response from daemon: invalid filter 'bogus'\n"),
    ("20.10", "bogus=1", "Error response from daemon: Invalid filter 'bogus'\n"),
]


@pytest.mark.parametrize("engine,flt,err", PS_FILTER_ERRORS)
def test_ps_filter_errors(engine: str, flt: str, err: str) -> None:
    sh = shell(engine)
    assert out(sh, f"docker ps -a --filter {flt}") == ("", err, 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_ps_status_filter_lists_stopped_containers_without_all(engine: str) -> None:
    # a status filter turns All on (list.go foldFilter)
    sh = shell(engine)
    assert out(sh, "docker ps --filter status=created --format '{{.Names}}'") == ("cr1\n", "", 0)
    assert out(sh, "docker ps --filter status=running --filter name=^/u --format '{{.Names}}'") == ("u1\n", "", 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_ps_exited_filter_needs_a_started_container(engine: str) -> None:
    sh = shell(engine)
    sh.run_line("docker kill ru1")
    assert out(sh, "docker ps -a --filter exited=137 --format '{{.Names}}'") == ("ru1\n", "", 0)
    assert out(sh, "docker ps -a --filter exited=0 --format '{{.Names}}'") == ("", "", 0)   # cr1 never ran


def test_port_op_expands_ranges() -> None:
    got: set[str] = set()
    _port_op("publish", "80-82/udp", got)
    _port_op("publish", "90/", got)
    assert got == {"80/udp", "81/udp", "82/udp", "90/tcp"}
    with pytest.raises(DockerError, match="empty string specified for ports"):
        _port_op("expose", "", set())


# -- -p long syntax, --mac-address ------------------------------------------------------------------

LONG_SYNTAX = [
    ("published=8090,target=80", "8090:80/tcp"),
    ("target=80,published=8090,protocol=udp,mode=host", "8090:80/udp"),
    ("target=80", ":80/tcp"),
    ("8080:80", "8080:80"),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("spec,std", LONG_SYNTAX)
def test_publish_long_syntax(engine: str, spec: str, std: str) -> None:
    assert convert_to_standard_notation([spec], get_profile(engine)) == [std]


def test_publish_long_syntax_bindings() -> None:
    assert parse_publish(["published=8090,target=80"]) == {"80/tcp": [{"HostIp": "", "HostPort": "8090"}]}
    assert parse_publish(["target=53,protocol=udp"]) == {"53/udp": [{"HostIp": "", "HostPort": ""}]}


@pytest.mark.parametrize("engine,err", [
    ("28", "docker: invalid publish opts format (should be name=value but got 'target')\n\n"
           "Run 'docker run --help' for more information\n"),
    ("20.10", "docker: invalid publish opts format (should be name=value but got 'target').\n"
              "See 'docker run --help'.\n"),
])
def test_publish_long_syntax_error(engine: str, err: str) -> None:
    sh = Shell(engine=engine, seed=1)
    assert out(sh, "docker run -d -p published=1,target busybox") == ("", err, 125)


@pytest.mark.parametrize("engine", ENGINES)
def test_publish_long_syntax_runs(engine: str) -> None:
    sh = Shell(engine=engine, seed=1)
    r = sh.run_line("docker run -itd --name p8 --publish published=8090,target=80 busybox")
    assert r.exit_code == 0
    assert out(sh, "docker ps --format '{{.Ports}}'")[0].startswith("0.0.0.0:8090->80/tcp, ")


@pytest.mark.parametrize("engine,err", [
    ("28", "docker: notamac is not a valid mac address\n\nRun 'docker run --help' for more information\n"),
    ("20.10", "docker: notamac is not a valid mac address.\nSee 'docker run --help'.\n"),
])
def test_mac_address_validation(engine: str, err: str) -> None:
    sh = Shell(engine=engine, seed=1)
    assert out(sh, "docker run -itd --name m3 --mac-address notamac busybox") == ("", err, 125)
    assert out(sh, "docker ps -a --format '{{.Names}}'") == ("", "", 0)


@pytest.mark.parametrize("mac,ok", [
    ("02:42:ac:11:00:02", True), ("02-42-AC-11-00-02", True), ("0242.ac11.0002", True),
    ("02:42:ac:11:00:02:00:01", True), ("notamac", False), ("02:42:ac:11:00", False),
    ("02:42:ac:11:00:0g", False), ("02:42-ac:11:00:02", False), ("", False),
])
def test_valid_mac(mac: str, ok: bool) -> None:
    assert valid_mac(mac) is ok


# -- docker exec -------------------------------------------------------------------------------------

EXEC = {
    "28": [
        ("docker exec ru1 nosuchprog",
         ('OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchprog": '
          "executable file not found in $PATH\n", "", 127)),
        ("docker exec -w /nope ru1 pwd",
         ('OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set '
          "in config.json failed: no such file or directory\n", "", 127)),
        ("docker exec ru1 bash", ('OCI runtime exec failed: exec failed: unable to start container process: '
                                  'exec: "bash": executable file not found in $PATH\n', "", 127)),
    ],
    "20.10": [
        ("docker exec ru1 nosuchprog",
         ('OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchprog": '
          "executable file not found in $PATH: unknown\n", "", 126)),
        ("docker exec -w /nope ru1 pwd",
         ('OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set '
          "in config.json failed: no such file or directory: unknown\n", "", 126)),
    ],
    "both": [
        ("docker exec ru1 sh -c 'exit 3'", ("", "", 3)),
        ("docker exec ru1 sh -c 'exit'", ("", "", 0)),
        ("docker exec ru1 sh -c 'false; exit'", ("", "", 1)),
        ("docker exec -w /etc ru1 pwd", ("/etc\n", "", 0)),
        ("docker exec ru1 pwd", ("/\n", "", 0)),
        ("docker exec -w /etc ru1 sh -c 'pwd; cd ..; pwd; cd /tmp && pwd'", ("/etc\n/\n/tmp\n", "", 0)),
        ("docker exec ru1 sh -c 'nosuchprog'", ("", "sh: nosuchprog: not found\n", 127)),
        ("docker exec ru1 sh -c 'nosuchprog || echo $?'", ("127\n", "sh: nosuchprog: not found\n", 0)),
        ("docker exec ru1 sh -c 'true && echo yes || echo no'", ("yes\n", "", 0)),
        ("docker exec ru1 sh -c 'false && echo yes || echo no'", ("no\n", "", 0)),
        ("docker exec ru1 sh -c 'echo a; echo b | grep b'", ("a\nb\n", "", 0)),
        ("docker exec ru1 sh -c 'exit 300'", ("", "", 44)),
        ("docker exec ru1 /bin/sh -c 'hostname -i >/dev/null; exit 2'", None),
    ],
}


@pytest.mark.parametrize("engine,line,expected",
                         [(e, l, x) for e in ENGINES for l, x in EXEC[e] + EXEC["both"] if x is not None])
def test_exec(engine: str, line: str, expected: tuple[str, str, int]) -> None:
    assert out(shell(engine), line) == expected


def test_run_sh_builtins() -> None:
    calls: list[tuple[list[str], object, str]] = []

    def run_cmd(argv: list[str], stdin: object, cwd: str) -> Result:
        calls.append((argv, stdin, cwd))
        return Result((stdin or "") + "x\n", "", 0)
    assert run_sh("cd /etc; prog a | prog b", run_cmd) == Result("x\nx\n", "", 0)
    assert calls == [(["prog", "a"], None, "/etc"), (["prog", "b"], "x\n", "/etc")]
    # busybox 1.35.0's `sh -c` words (checked with the real binary: "line 0" in -c mode)
    assert run_sh("cd /nowhere", run_cmd).stderr == \
        "sh: cd: line 0: can't cd to /nowhere: No such file or directory\n"
    assert run_sh("exit abc", run_cmd) == Result("", "sh: exit: line 0: Illegal number: abc\n", 2)


# -- host views ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_ip_link_show_master(engine: str) -> None:
    sh = shell(engine)
    o, e, rc = out(sh, "ip link show master docker0")
    assert rc == 0 and e == ""
    lines = o.splitlines()
    assert len(lines) == 2 and " master docker0 " in lines[0] and lines[1].endswith(" link-netnsid 2")
    o, e, rc = out(sh, "ip addr show master docker0")
    assert rc == 0 and "inet6 fe80::" in o and " master docker0 " in o.splitlines()[0]
    assert out(sh, "ip link show master eth0") == ("", "", 0)
    assert out(sh, "ip link show master nosuch") == \
        ("", 'Error: argument "nosuch" is wrong: Device does not exist\n\n', 255)


@pytest.mark.parametrize("engine", ENGINES)
def test_ip_link_show_up(engine: str) -> None:
    sh = shell(engine)
    names = [l.split(":")[1].strip() for l in out(sh, "ip link show up")[0].splitlines() if l[0].isdigit()]
    assert "lo" in names and "eth0" in names and "ifb0" not in names


# -- kill -s -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("engine,err", [
    ("28", "Error response from daemon: cannot kill container: ru1: invalid signal: NOSUCH\n"),
    ("20.10", "Error response from daemon: Invalid signal: NOSUCH\n"),
])
def test_kill_signal_is_passed_to_the_daemon(engine: str, err: str) -> None:
    sh = shell(engine)
    assert out(sh, "docker kill -s NOSUCH ru1") == ("", err, 1)
    assert out(sh, "docker kill -s HUP ru1") == ("ru1\n", "", 0)
    assert out(sh, "docker ps --filter name=ru1 --format '{{.Status}}'")[0].startswith("Up ")
    assert out(sh, "docker kill -s SIGKILL ru1") == ("ru1\n", "", 0)
    assert out(sh, "docker ps -a --filter name=ru1 --format '{{.Status}}'")[0].startswith("Exited (137)")


@pytest.mark.parametrize("engine", ENGINES)
def test_exec_tool_missing_from_busybox_inside_a_shell(engine: str) -> None:
    sh = shell(engine)
    assert out(sh, "docker exec ru1 sh -c 'iptables -S'") == ("", "sh: iptables: not found\n", 127)
    assert out(sh, "docker exec ru1 iptables -S")[2] == (127 if engine == "28" else 126)
