"""Random command lines against a host: every one ends, with the tool's own answer.

Hypothesis composes docker subcommands with random flags and values (numbers far out of range,
ranges, regex metacharacters, dates, text) and pipes them to grep, awk and jq with random
patterns. Whatever a command prints, it must not be a Python traceback or the shell's
``internal error`` (exit 70), and it must finish: the per-example ``deadline`` bounds each line,
so a quadratic loop or a backtracking regex fails the test instead of hanging it. The number of
examples is fixed so CI stays bounded.
"""

from __future__ import annotations

import shlex

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockernet_sim.host import DockerHost
from dockernet_sim.terminal import Session

NUMBERS = st.sampled_from(["0", "1", "-1", "65535", "65536", "4294967295", "99999999999", "1e7", "1e400",
                           "0.5", "007", "+3", "9" * 40, "", " "])
REGEXES = st.text(alphabet="ab()*+?|{}[]^$.\\,0123456789-:", max_size=14)
WORDS = st.one_of(NUMBERS, REGEXES, st.text(max_size=10),
                  st.sampled_from(["web", "n1", "bridge", "host", "none", "10.1.0.0/24", "10.1.0.300",
                                   "fd00::/64", "9999-99-99", "-1h", "1-65535", "80:80", "1-3:1-3/udp",
                                   "0-4294967295", "a=b", "label=a", "name=a", "until=9999-99-99",
                                   "{{.Name}}", "{{json .}}", "{{", "02:42:ac:11:00:02", "x" * 20]))


def _flag(names: list[str]) -> st.SearchStrategy[list[str]]:
    return st.tuples(st.sampled_from(names), WORDS).map(list)


RUN_FLAGS = ["--expose", "-p", "--name", "--network", "--ip", "-l", "--dns", "--mac-address", "-h",
             "--add-host", "--ip6", "--link", "--network-alias"]
PS_FLAGS = ["--filter", "--format", "-n"]
COMPOSE_RUN_FLAGS = ["-p", "--name", "-e", "--entrypoint", "-w", "-u", "-l"]

DOCKER = st.one_of(
    st.builds(lambda fl: ["docker", "run", "-itd", *sum(fl, []), "busybox"], st.lists(_flag(RUN_FLAGS), max_size=3)),
    st.builds(lambda fl, name: ["docker", "network", "create", *sum(fl, []), name],
              st.lists(_flag(["--subnet", "--gateway", "--ip-range", "-o", "--label", "--driver", "--aux-address"]),
                       max_size=3), WORDS),
    st.builds(lambda fl, a: ["docker", "ps", *(["-a"] if a else []), *sum(fl, [])],
              st.lists(_flag(PS_FLAGS), max_size=3), st.booleans()),
    st.builds(lambda fl: ["docker", "network", "ls", *sum(fl, [])], st.lists(_flag(["--filter", "--format"]), max_size=2)),
    st.builds(lambda fl: ["docker", "network", "prune", "-f", *sum(fl, [])], st.lists(_flag(["--filter"]), max_size=2)),
    st.builds(lambda w: ["docker", "inspect", "-f", w, "web"], WORDS),
    st.builds(lambda w: ["docker", "port", "web", w], WORDS),
    st.builds(lambda fl, host: ["docker", "exec", "web", "ping", *sum(fl, []), host],
              st.lists(_flag(["-c", "-w", "-W", "-s", "-i", "-t"]), max_size=3),
              st.sampled_from(["127.0.0.1", "web", "10.9.9.9", "nosuch"])),
    st.builds(lambda cmd, w: ["docker", cmd, w], st.sampled_from(["pause", "unpause"]), st.one_of(WORDS, st.just("web"))),
    st.builds(lambda opts, fl, svc: ["docker", "compose", "run", *opts, *sum(fl, []), svc, "true"],
              st.lists(st.sampled_from(["-d", "--rm", "-T", "--no-deps", "--service-ports", "--use-aliases"]),
                       max_size=3, unique=True),
              st.lists(_flag(COMPOSE_RUN_FLAGS), max_size=3), st.sampled_from(["svc", "nope", ""])),
    st.builds(lambda cmd, fl: ["docker", "compose", cmd, *sum(fl, [])],
              st.sampled_from(["kill", "pause", "unpause", "create"]), st.lists(_flag(["-s", "--scale"]), max_size=1)),
)

PIPES = st.one_of(
    st.builds(lambda opts, p: ["grep", *opts, p], st.lists(st.sampled_from(["-E", "-i", "-v", "-o", "-c", "-w", "-x"]),
                                                           max_size=3, unique=True), REGEXES),
    st.builds(lambda p: ["awk", f"/{p}/"], REGEXES.filter(lambda p: "/" not in p)),
    st.builds(lambda p: ["jq", p], st.one_of(
        REGEXES, st.sampled_from(["first(range(1e18))", ".[1e400]", ".[0][1e400:]", "[limit(5; range(1e18))]",
                                  ".[] | .Name", ".[nan]", ".[-1e400:]", "keys", "length", ".[0] | test(\"(a*)*b\")"]))),
)

LINES = st.builds(lambda cmd, pipes: " | ".join(shlex.join(x) for x in [cmd, *pipes]), DOCKER,
                  st.lists(PIPES, max_size=2))


def _host(engine: str) -> Session:
    s = Session(engine=engine, seed=0, factory=DockerHost)
    s.directive("dockerd --dns 127.0.0.1")
    s.directive("file compose.yaml\nservices:\n  svc:\n    image: busybox\n    tty: true\n    ports: ['9000:80']\n")
    s.run_line("docker network create --subnet 10.1.0.0/24 n1")
    s.run_line("docker run -itd --name web --network n1 -p 8080:80 busybox")
    s.run_line("docker run -itd --name " + "a" * 30 + " busybox")
    return s


@settings(max_examples=150, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["28", "20.10"]), st.lists(LINES, min_size=1, max_size=3))
def test_random_command_lines_end_with_the_tools_answer(engine: str, lines: list[str]) -> None:
    s = _host(engine)
    for line in lines:
        r = s.run_line(line)
        assert "Traceback" not in r.stderr, line
        assert "internal error" not in r.stderr and r.exit_code != 70, (line, r.stderr)
