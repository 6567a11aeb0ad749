"""Table tests for the docker client's own texts: argument checks, flag errors, per-command
error lines and --format behaviour, for both client generations (exact output)."""

from __future__ import annotations

import pytest

from dockernet_sim.engines import get_profile
from dockernet_sim.client import DockerCLI, displayable_ports, human_duration, natural_key
from dockernet_sim.result import Result
from dockernet_sim.daemon.daemon import Daemon


def cli(engine: str) -> DockerCLI:
    d = Daemon(engine=engine, seed=1)
    return DockerCLI(d)


def run(c: DockerCLI, line: str) -> Result:
    import shlex
    return c.run(shlex.split(line))


ARGS_28 = [
    ("docker network create", 1,
     "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\n"
     "Run 'docker network create --help' for more information\n"),
    ("docker network rm", 1,
     "docker: 'docker network rm' requires at least 1 argument\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\n"
     "See 'docker network rm --help' for more information\n"),
    ("docker network connect onlyone", 1,
     "docker: 'docker network connect' requires 2 arguments\n\nUsage:  docker network connect [OPTIONS] NETWORK "
     "CONTAINER\n\nRun 'docker network connect --help' for more information\n"),
    ("docker port", 1,
     "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER "
     "[PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information\n"),
    ("docker network ls extra", 1,
     "docker: 'docker network ls' accepts no arguments\n\nUsage:  docker network ls [OPTIONS]\n\n"
     "Run 'docker network ls --help' for more information\n"),
    ("docker network list extra", 1,
     "docker: 'docker network ls' accepts no arguments\n\nUsage:  docker network ls [OPTIONS]\n\n"
     "Run 'docker network ls --help' for more information\n"),
    ("docker container rm", 1,
     "docker: 'docker container rm' requires at least 1 argument\n\nUsage:  docker container rm [OPTIONS] "
     "CONTAINER [CONTAINER...]\n\nSee 'docker container rm --help' for more information\n"),
    ("docker network foo", 1,
     "docker: unknown command: docker network foo\n\nUsage:  docker network\n\n"
     "Run 'docker network --help' for more information\n"),
    ("docker network ls --bogus", 125,
     "unknown flag: --bogus\n\nUsage:  docker network ls [OPTIONS]\n\n"
     "Run 'docker network ls --help' for more information\n"),
    ("docker network create --label nokey= --label =val lbl", 125,
     "invalid argument \"=val\" for \"--label\" flag: invalid label '=val': empty name\n\n"
     "Usage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n"),
    ("docker run --add-host nocolon busybox", 125,
     "invalid argument \"nocolon\" for \"--add-host\" flag: bad format for add-host: \"nocolon\"\n\n"
     "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n"),
    ("docker run --dns notanip busybox", 125,
     "invalid argument \"notanip\" for \"--dns\" flag: IP address is not correctly formatted: notanip\n\n"
     "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n"),
]

ARGS_2010 = [
    ("docker network create", 1,
     "\"docker network create\" requires exactly 1 argument.\nSee 'docker network create --help'.\n\n"
     "Usage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n"),
    ("docker run", 1,
     "\"docker run\" requires at least 1 argument.\nSee 'docker run --help'.\n\n"
     "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container\n"),
    ("docker port a b c", 1,
     "\"docker port\" requires at least 1 and at most 2 arguments.\nSee 'docker port --help'.\n\n"
     "Usage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\n"
     "List port mappings or a specific mapping for the container\n"),
    ("docker ps extra", 1,
     "\"docker ps\" accepts no arguments.\nSee 'docker ps --help'.\n\nUsage:  docker ps [OPTIONS]\n\n"
     "List containers\n"),
    ("docker network create --internal=maybe x", 125,
     "invalid argument \"maybe\" for \"--internal\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n"
     "See 'docker network create --help'.\n"),
    ("docker network create --label =val lbl", 125,
     "invalid argument \"=val\" for \"--label\" flag: invalid label '=val': empty name\n"
     "See 'docker network create --help'.\n"),
    ("docker run --dns notanip busybox", 125,
     "invalid argument \"notanip\" for \"--dns\" flag: notanip is not an ip address\nSee 'docker run --help'.\n"),
]


@pytest.mark.parametrize("engine,line,code,stderr",
                         [("28", *row) for row in ARGS_28]
                         + [("20.10", *row) for row in ARGS_2010])
def test_client_argument_and_flag_errors(engine: str, line: str, code: int, stderr: str) -> None:
    r = run(cli(engine), line)
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, code)


def test_network_unknown_subcommand_2010_prints_usage_on_stderr() -> None:
    r = run(cli("20.10"), "docker network foo")
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.startswith("\nUsage:  docker network COMMAND\n\nManage networks\n")
    assert r.stderr.endswith("Run 'docker network COMMAND --help' for more information on a command.\n")


@pytest.mark.parametrize("engine,line,stderr", [
    ("28", "docker rename nosuch x",
     "Error response from daemon: No such container: nosuch\nError: failed to rename container named nosuch\n"),
    ("20.10", "docker rename nosuch x",
     "Error response from daemon: No such container: nosuch\nError: failed to rename container named nosuch\n"),
    ("28", "docker rm nosuch other",
     "Error response from daemon: No such container: nosuch\nError response from daemon: No such container: other\n"),
    ("20.10", "docker rm nosuch other", "Error: No such container: nosuch\nError: No such container: other\n"),
    ("28", "docker start n1 n2",
     "Error response from daemon: No such container: n1\nError response from daemon: No such container: n2\n"
     "Error: failed to start containers: n1, n2\n"),
    ("28", "docker inspect nosuch", "Error: No such object: nosuch\n"),
    ("20.10", "docker inspect nosuch", "Error: No such object: nosuch\n"),
    ("28", "docker inspect --type container nosuch", "Error response from daemon: No such container: nosuch\n"),
    ("20.10", "docker inspect --type container nosuch", "Error: No such container: nosuch\n"),
])
def test_multi_argument_error_lines(engine: str, line: str, stderr: str) -> None:
    r = run(cli(engine), line)
    assert (r.stderr, r.exit_code) == (stderr, 1)


def test_rm_force_missing_is_reported_but_not_a_failure() -> None:
    r = run(cli("28"), "docker rm -f nosuch")
    assert (r.stdout, r.stderr, r.exit_code) == ("", "Error response from daemon: No such container: nosuch\n", 0)


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_inspect_tries_every_reference_then_prints_errors(engine: str) -> None:
    c = cli(engine)
    run(c, "docker network create good")
    r = run(c, "docker network inspect -f '{{.Name}}' good nosuch bridge")
    missing = "Error: No such network: nosuch\n" if engine == "20.10" else \
        "Error response from daemon: network nosuch not found\n"
    assert (r.stdout, r.stderr, r.exit_code) == ("good\nbridge\n", missing, 1)


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_inspect_missing_key_falls_back_to_raw_json_with_missingkey_error(engine: str) -> None:
    c = cli(engine)
    run(c, "docker network create n1")
    r = run(c, "docker network inspect -f '{{.Nope}}' n1")
    assert r.stderr == ('template parsing error: template: :1:2: executing "" at <.Nope>: '
                        'map has no entry for key "Nope"\n')
    assert r.exit_code == 1
    r = run(c, "docker network inspect -f '{{.Name' n1")
    assert r.exit_code == 64 and r.stderr.startswith("template parsing error: template: :1: unclosed action")


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_ps_format_is_checked_on_an_empty_context(engine: str) -> None:
    c = cli(engine)
    r = run(c, "docker ps --format '{{.Nope}}'")
    assert (r.stderr, r.exit_code) == (
        'failed to execute template: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type '
        '*formatter.ContainerContext\n', 1)
    r = run(c, "docker ps --format '{{.Names'")
    assert (r.stderr, r.exit_code) == ("failed to parse template: template: :1: unclosed action\n", 1)


@pytest.mark.parametrize("engine,keys", [
    ("28", '"CreatedAt","Driver","ID","IPv4","IPv6","Internal","Labels","Name","Scope"'),
    ("20.10", '"CreatedAt","Driver","ID","IPv6","Internal","Labels","Name","Scope"'),
])
def test_network_ls_json_rows_have_sorted_keys(engine: str, keys: str) -> None:
    import json
    r = run(cli(engine), "docker network ls --format '{{json .}}'")
    first = r.stdout.splitlines()[0]
    assert ",".join(f'"{k}"' for k in json.loads(first)) == keys
    r = run(cli(engine), "docker network ls --format '{{.Nope}}'")
    assert r.stderr == ('template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field '
                        'Nope in type *network.networkContext\n')


@pytest.mark.parametrize("engine,out", [("28", "1.50\n"), ("20.10", "1.41\n")])
def test_version_format_client_api(engine: str, out: str) -> None:
    r = run(cli(engine), "docker version --format '{{.Client.APIVersion}}'")
    assert (r.stdout, r.exit_code) == (out, 0)


@pytest.mark.parametrize("engine,line,stderr", [
    ("28", "docker network ls --filter bogus=1", "Error response from daemon: invalid filter 'bogus'\n"),
    ("20.10", "docker network ls --filter bogus=1", "Error response from daemon: Invalid filter 'bogus'\n"),
    ("20.10", "docker ps --filter bogus=1", "Error response from daemon: Invalid filter 'bogus'\n"),
    ("28", "docker run -p 65536:80 busybox",
     "docker: invalid hostPort: 65536\n\nRun 'docker run --help' for more information\n"),
    ("20.10", "docker run -p 65536:80 busybox", "docker: Invalid hostPort: 65536.\nSee 'docker run --help'.\n"),
    ("20.10", "docker run -p 1.2.3:80:80 busybox", "docker: Invalid ip address: 1.2.3.\nSee 'docker run --help'.\n"),
    ("20.10", "docker run -p 81:81/bogus busybox", "docker: Invalid proto: bogus.\nSee 'docker run --help'.\n"),
    ("28", "docker network create --subnet 10.22.0.0/24 --gateway 10.22.0.300 x",
     "no matching subnet for gateway 10.22.0.300\n"),
    ("28", "docker network create --subnet 10.22.0.0/24 --aux-address 10.22.0.5 x",
     "no matching subnet for aux-address \n"),
])
def test_generation_specific_messages(engine: str, line: str, stderr: str) -> None:
    r = run(cli(engine), line)
    assert r.stderr == stderr and r.exit_code != 0


@pytest.mark.parametrize("engine,ports,text", [
    ("28", [("0.0.0.0", 9000, 9000, "udp"), ("0.0.0.0", 9001, 9001, "udp"), ("0.0.0.0", 9002, 9002, "udp"),
            ("::", 9000, 9000, "udp"), ("::", 9001, 9001, "udp"), ("::", 9002, 9002, "udp")],
     "0.0.0.0:9000-9002->9000-9002/udp, [::]:9000-9002->9000-9002/udp"),
    ("20.10", [("0.0.0.0", 9000, 9000, "udp"), ("::", 9000, 9000, "udp")],
     "0.0.0.0:9000->9000/udp, :::9000->9000/udp"),
    ("28", [("127.0.0.1", 81, 8081, "tcp"), ("0.0.0.0", 9000, 9000, "udp")],
     "0.0.0.0:9000->9000/udp, 127.0.0.1:8081->81/tcp"),
    ("28", [("", 80, 0, "tcp"), ("", 81, 0, "tcp"), ("", 443, 0, "tcp")], "80-81/tcp, 443/tcp"),
    ("28", [("0.0.0.0", 443, 32768, "tcp"), ("0.0.0.0", 80, 32769, "tcp")],
     "0.0.0.0:32769->80/tcp, 0.0.0.0:32768->443/tcp"),
])
def test_displayable_ports(engine: str, ports: list[tuple[str, int, int, str]], text: str) -> None:
    assert displayable_ports(ports, get_profile(engine).bracket_ipv6_host_ports) == text


@pytest.mark.parametrize("names,order", [
    (["net10", "net9", "bad/name", "bad3", "bridge"], ["bad3", "bad/name", "bridge", "net9", "net10"]),
    (["a01", "a1", "a001"], ["a1", "a01", "a001"]),
])
def test_natural_sort(names: list[str], order: list[str]) -> None:
    assert sorted(names, key=natural_key) == order


@pytest.mark.parametrize("secs,text", [(0.5, "Less than a second"), (1, "1 second"), (59, "59 seconds"),
                                       (60, "About a minute"), (600, "10 minutes"), (3600, "About an hour"),
                                       (3 * 3600, "3 hours"), (3 * 86400, "3 days")])
def test_human_duration(secs: float, text: str) -> None:
    assert human_duration(secs) == text


@pytest.mark.parametrize("engine,missing", [("28", "Error: No public port '8080' published for pp\n"),
                                            ("20.10", "Error: No public port '8080/tcp' published for pp\n")])
def test_port_lookup(engine: str, missing: str) -> None:
    c = cli(engine)
    assert run(c, "docker run -d --name pp -p 80 -p 8080:81 busybox").exit_code == 0
    r = run(c, "docker port pp 8080")
    assert (r.stderr, r.exit_code) == (missing, 1)
    r = run(c, "docker port pp 81")
    want = "0.0.0.0:8080\n[::]:8080\n" if engine == "28" else "0.0.0.0:8080\n:::8080\n"
    assert r.stdout == want
