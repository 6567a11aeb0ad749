"""Table tests for what runs inside containers: iproute2's ``ip`` main() under any program name
(the oracle's ``TOOLS iproute2`` image has ip copied over busybox, r78), the process
environment (moby's CreateDaemonEnvironment, legacy ``--link`` variables, r79), and the
``sh -c``/``bash -c`` shell. Both engine generations, exact output."""

from __future__ import annotations

import pytest

from dockernet_sim.engines import get_profile
from dockernet_sim.result import Result
from dockernet_sim.userland import applets as userland
from dockernet_sim.userland.shell import Invocation, ProgramTable, Shell as Sh, ash
from dockernet_sim.terminal import Session as Shell

ENGINES = ("28", "20.10")


def shell(engine: str) -> Shell:
    sh = Shell(engine=engine, seed=1)
    sh.directive("image centos:latest CMD /bin/bash TOOLS iproute2")
    sh.directive("image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox")
    sh.run_line("docker run -itd --name c1 centos")
    sh.run_line("docker run -itd --name b1 -e FOO=bar busybox")
    sh.run_line("docker run -itd --name w1 -e K=v web")
    return sh


def out(sh: Shell, line: str) -> tuple[str, str, int]:
    r = sh.run_line(line)
    return r.stdout, r.stderr, r.exit_code


def cid(sh: Shell, name: str) -> str:
    return sh.host.find_container(name).short_id


# -- the iproute2 image: every applet is ip ---------------------------------------------------------

IP2 = [
    ("cat /etc/hosts", ("", 'Command "/etc/hosts" is unknown, try "ip tunnel help"\n', 255)),   # t → tunnel
    ("/bin/cat x", ("", 'Command "x" is unknown, try "ip tunnel help"\n', 255)),
    ("head /etc/hosts", ("", 'Command "/etc/hosts" is unknown, try "ip address help".\n', 255)),  # ad → address
    ("env", ("Name              Table\n-----------------------\nNo VRF has been configured\n", "", 0)),  # v → vrf
    ("test -f x", ("", 'Error: argument "x" is wrong: invalid protocol family\n', 255)),     # -f is -family
    ("test foo", ("", 'Command "foo" is unknown, try "ip stats help".\nObject "foo" is unknown, try "ip help".\n',
                  1)),                                                                        # stats returns -1
    ("ping -c 1 -W 1 172.17.0.1", ("", 'Object "1" is unknown, try "ip help".\n', 1)),        # -c is -color
    ("route -n", ("", 'Cannot open network namespace "(null)": No such file or directory\n', 255)),
    ("head -n 1 /etc/hosts", ("", 'Cannot open network namespace "1": No such file or directory\n', 255)),
    ("netstat -rn", ("", 'Option "-rn" is unknown, try "ip -help".\n', 255)),
    ("ls /", ("", 'Object "/" is unknown, try "ip help".\n', 1)),                              # too short a name
    ("sh -c 'ip route'", ("", 'Object "ip route" is unknown, try "ip help".\n', 1)),
    ("ipneigh", ("", "", 0)),
    ("ip tunnel", ("", "", 0)),
    ("ip -6 rule", ("0:\tfrom all lookup local\n32766:\tfrom all lookup main\n", "", 0)),
    ("ip rule", ("0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n", "", 0)),
    ("ip -V", ("ip utility, iproute2-6.1.0, libbpf 1\n", "", 0)),
    ("ip --Version", ("ip utility, iproute2-6.1.0, libbpf 1\n", "", 0)),
    ("ip -n foo a", ("", 'Cannot open network namespace "foo": No such file or directory\n', 255)),
    ("ip addr eth0", ("", 'Command "eth0" is unknown, try "ip address help".\n', 255)),
    ("ip r foo", ("", 'Command "foo" is unknown, try "ip route help".\n', 255)),
    ("ip n foo", ("", 'Command "foo" is unknown, try "ip neigh help".\n', 255)),
    ("ip maddr foo", ("", 'Command "foo" is unknown, try "ip maddr help".\n', 255)),
    ("ip nosuch", ("", 'Object "nosuch" is unknown, try "ip help".\n', 1)),
    ("ip -c=bad a", ("", 'Option "-c=bad" is unknown, try "ip -help".\n', 255)),
    ("ip -rc x a", ("", "Invalid rcvbuf size 'x'\n", 255)),
    ("ip link set eth0 down", ("", "RTNETLINK answers: Operation not permitted\n", 2)),
    ("yes", ("", userland._OBJECT_USAGE["sr"], 255)),
    ("yes y", ("", 'Error: argument "y" is wrong: unknown\n', 255)),
    ("hostname", ("", userland.IP_USAGE, 255)),
    ("hostname -i", ("", userland.IP_USAGE, 255)),                                            # -i is -iec
    ("ash", ("", userland.IP_USAGE, 255)),                                                    # h → help
    ("ip -b", ("", userland.IP_USAGE, 255)),
    ("bash -c nosuch", ("", "bash: line 1: nosuch: command not found\n", 127)),
    ("bash -c 'cat /etc/hosts; echo $?'", ("255\n", 'Command "/etc/hosts" is unknown, try "ip tunnel help"\n', 0)),
    ("bash -c 'cd /nowhere'", ("", "bash: line 1: cd: /nowhere: No such file or directory\n", 1)),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("cmd,expected", IP2)
def test_iproute2_image_applets(engine: str, cmd: str, expected: tuple[str, str, int]) -> None:
    assert out(shell(engine), f"docker exec c1 {cmd}") == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_iproute2_image_missing_programs_and_bash(engine: str) -> None:
    sh = shell(engine)
    code = 127 if engine == "28" else 126
    suffix = "" if engine == "28" else ": unknown"
    for prog in ("curl", "/usr/bin/cat", "printenv", "getent"):
        assert out(sh, f"docker exec c1 {prog} x") == (
            f'OCI runtime exec failed: exec failed: unable to start container process: exec: "{prog}": '
            f"executable file not found in $PATH{suffix}\n", "", code)
    h = cid(sh, "c1")
    assert out(sh, "docker exec c1 bash -c 'echo $HOSTNAME'") == (h + "\n", "", 0)
    assert out(sh, "docker exec c1 bash -c 'read -r h < /etc/hostname; echo $h'") == (h + "\n", "", 0)
    assert out(sh, "docker exec c1 tar")[0].startswith("default via 172.17.0.1 dev eth0")   # r → route
    assert out(sh, "docker exec c1 bash") == ("", "", 0)


# -- the environment ------------------------------------------------------------------------------

PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@pytest.mark.parametrize("engine", ENGINES)
def test_env_of_exec_and_run(engine: str) -> None:
    sh = shell(engine)
    h = cid(sh, "b1")
    assert out(sh, "docker exec b1 env") == (f"{PATH}\nHOSTNAME={h}\nFOO=bar\nHOME=/\n", "", 0)
    assert out(sh, "docker exec -e X=1 -e FOO=baz b1 env") == (f"{PATH}\nHOSTNAME={h}\nFOO=baz\nX=1\nHOME=/\n", "", 0)
    assert out(sh, "docker exec -e FOO b1 env") == (f"{PATH}\nHOSTNAME={h}\nHOME=/\n", "", 0)   # a bare name unsets
    assert out(sh, "docker exec -t b1 env") == (f"{PATH}\nHOSTNAME={h}\nTERM=xterm\nFOO=bar\nHOME=/\n", "", 0)
    assert out(sh, "docker exec b1 env -i A=1 env") == ("A=1\n", "", 0)
    assert out(sh, "docker exec b1 env -u FOO env | grep FOO") == ("", "", 1)
    assert out(sh, "docker exec b1 env nosuch") == ("", "env: can't execute 'nosuch': No such file or directory\n", 127)
    assert out(sh, "docker run --rm --network host busybox env") == (f"{PATH}\nHOSTNAME=vm\nHOME=/\n", "", 0)
    assert out(sh, "docker run --rm -h box.example.com busybox env | grep HOSTNAME") == (
        "HOSTNAME=box.example.com\n", "", 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_link_env(engine: str) -> None:
    sh = shell(engine)
    got = out(sh, "docker run --rm --name p1 --link w1:my-web busybox env | grep ^MY_WEB | sort")
    ip = "172.17.0.4"
    assert got == ("".join(line + "\n" for line in sorted([
        f"MY_WEB_PORT=tcp://{ip}:80",
        f"MY_WEB_PORT_80_TCP=tcp://{ip}:80", f"MY_WEB_PORT_80_TCP_ADDR={ip}", "MY_WEB_PORT_80_TCP_PORT=80",
        "MY_WEB_PORT_80_TCP_PROTO=tcp",
        f"MY_WEB_PORT_443_TCP=tcp://{ip}:443", f"MY_WEB_PORT_443_TCP_ADDR={ip}", "MY_WEB_PORT_443_TCP_PORT=443",
        "MY_WEB_PORT_443_TCP_PROTO=tcp",
        "MY_WEB_NAME=/p1/my-web", "MY_WEB_ENV_K=v"])), "", 0)
    # a user network has no legacy link variables
    sh.run_line("docker network create un")
    assert out(sh, "docker run --rm --network un --link w1:x busybox env | grep -c ^X_")[0] == "0\n"


LINK_ENV = {
    "28": ["A_PORT=tcp://1.2.3.4:80",
           "A_PORT_80_TCP=tcp://1.2.3.4:80", "A_PORT_80_TCP_ADDR=1.2.3.4", "A_PORT_80_TCP_PORT=80",
           "A_PORT_80_TCP_PROTO=tcp",
           "A_PORT_81_TCP=tcp://1.2.3.4:81", "A_PORT_81_TCP_ADDR=1.2.3.4", "A_PORT_81_TCP_PORT=81",
           "A_PORT_81_TCP_PROTO=tcp",
           "A_PORT_53_UDP=udp://1.2.3.4:53", "A_PORT_53_UDP_ADDR=1.2.3.4", "A_PORT_53_UDP_PORT=53",
           "A_PORT_53_UDP_PROTO=udp",
           # the 80-81 range is written when the next port breaks it (after 53/udp's block)
           "A_PORT_80_TCP_START=tcp://1.2.3.4:80", "A_PORT_80_TCP_PORT_START=80",
           "A_PORT_80_TCP_END=tcp://1.2.3.4:81", "A_PORT_80_TCP_PORT_END=81",
           "A_NAME=/p/a", "A_ENV_X=1"],
    # 20.10: ports by number (tcp first), a range only from three contiguous ports on
    "20.10": ["A_PORT=udp://1.2.3.4:53",
              "A_PORT_53_UDP=udp://1.2.3.4:53", "A_PORT_53_UDP_ADDR=1.2.3.4", "A_PORT_53_UDP_PORT=53",
              "A_PORT_53_UDP_PROTO=udp",
              "A_PORT_80_TCP=tcp://1.2.3.4:80", "A_PORT_80_TCP_ADDR=1.2.3.4", "A_PORT_80_TCP_PORT=80",
              "A_PORT_80_TCP_PROTO=tcp",
              "A_PORT_81_TCP=tcp://1.2.3.4:81", "A_PORT_81_TCP_ADDR=1.2.3.4", "A_PORT_81_TCP_PORT=81",
              "A_PORT_81_TCP_PROTO=tcp",
              "A_NAME=/p/a", "A_ENV_X=1"],
}


@pytest.mark.parametrize("engine", ENGINES)
def test_link_to_env_ports(engine: str) -> None:
    got = userland.link_to_env(get_profile(engine), "/p/a", "1.2.3.4", ["PATH=/x", "X=1", "HOME=/"], ["81/tcp", "53/udp", "80/tcp"])
    assert got == LINK_ENV[engine]


def test_replace_or_append_env() -> None:
    assert userland.replace_or_append_env(["A=1", "B=2"], ["B=3", "C=4", "A", "C=5"]) == ["B=3", "C=4", "C=5"]


# -- sh -c / bash -c --------------------------------------------------------------------------------

SH = [
    ("sh -c 'echo $FOO'", ("bar\n", "", 0)),
    ("sh -c 'echo \"$FOO x\"'", ("bar x\n", "", 0)),
    ("sh -c 'X=1; echo $X${X}'", ("11\n", "", 0)),
    ("sh -c 'X=2 env | grep X'", ("X=2\n", "", 0)),
    ("sh -c 'export Y=3; env | grep Y'", ("Y=3\n", "", 0)),
    ("sh -c 'read h < /etc/hostname; echo $h'", (None, "", 0)),
    ("sh -c 'echo $(hostname)'", (None, "", 0)),
    ("sh -c 'read h; echo $?'", ("1\n", "", 0)),
    ("sh -c 'cat < /nofile'", ("", "sh: can't open /nofile: no such file\n", 1)),    # busybox 1.35.0
    ("sh -c 'nosuch 2>/dev/null; echo $?'", ("127\n", "", 0)),
    ("sh -c 'echo a >/dev/null; echo b'", ("b\n", "", 0)),
    ("sh -c 'echo \"unterminated'", ("", "sh: syntax error: unterminated quoted string\n", 2)),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("cmd,expected", SH)
def test_busybox_sh(engine: str, cmd: str, expected: tuple[object, str, int]) -> None:
    sh = shell(engine)
    want = expected if expected[0] is not None else (cid(sh, "b1") + "\n",) + expected[1:]
    assert out(sh, f"docker exec b1 {cmd}") == want


@pytest.mark.parametrize("prog,obj", [("cat", "tunnel"), ("head", "address"), ("env", "vrf"), ("tail", "ila"),
                                      ("tar", "route"), ("unlink", "link"), ("cal", "link"), ("yes", "sr"),
                                      ("last", "stats"), ("mim", "maddress"), ("cpio", "ioam"), ("ash", "help"),
                                      ("ipneigh", "neighbor")])
def test_applet_object(prog: str, obj: str) -> None:
    """The object a program name selects: its tail after two characters, in ip.c's table order."""
    hit = next(o for o in userland.IP_OBJECTS if userland.matches(prog[2:], o))
    assert userland._HANDLER.get(hit, hit) == obj
    assert prog in userland.BUSYBOX_APPLETS


def test_shell_quoting_and_fields() -> None:
    def cmd(inv: Invocation) -> Result:
        return Result("|".join(inv.argv) + "\n", "", 0)
    sh = Sh(ash(), ProgramTable({"prog": cmd}), ["FOO=bar", "L=a b"])
    assert sh.run("echo '$FOO' \"$FOO\" \\$FOO").stdout == "$FOO bar $FOO\n"
    assert sh.run('prog $L "$L" $NONE ""').stdout == "prog|a|b|a b|\n"
    assert sh.run("prog a; exit 4; prog b") == Result("prog|a\n", "", 4)
