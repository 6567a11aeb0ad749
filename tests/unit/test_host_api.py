"""The Python API: determinism, fork, the terminal-like result, and the Engine API methods."""

from __future__ import annotations

import pytest

from dockernet_sim.engines import PROFILES
from dockernet_sim import DockerHost, NotFound
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec
from dockernet_sim.errors import DockerError

SCRIPT = [
    "docker network create --subnet 10.1.0.0/24 front",
    "docker run -itd --name aa --network front busybox",
    "docker run -itd --name bb -p 8080:80 busybox",
    "docker network connect front bb",
    "docker inspect bb",
    "docker network inspect front",
    "ip a",
    "iptables-save",
]


@pytest.mark.parametrize("engine", list(PROFILES))
def test_same_seed_same_calls_same_output(engine: str) -> None:
    outs = []
    for _ in range(2):
        h = DockerHost(engine=engine, seed=7)
        outs.append([(r.stdout, r.stderr, r.exit_code) for r in (h.sh(c) for c in SCRIPT)])
    assert outs[0] == outs[1]


def test_another_seed_gives_other_ids_but_same_addresses() -> None:
    a, b = DockerHost(seed=1), DockerHost(seed=2)
    ia = a.run("busybox", name="xx")
    ib = b.run("busybox", name="xx")
    assert ia != ib
    assert a.container_inspect("xx")["NetworkSettings"]["IPAddress"] == \
        b.container_inspect("xx")["NetworkSettings"]["IPAddress"] == "172.17.0.2"


def test_defaults_are_engine_28_seed_0() -> None:
    h = DockerHost()
    assert h.profile.name == "28" and h.seed == 0


def test_fork_is_independent() -> None:
    h = DockerHost()
    h.network_create("n1", ipam_config=[{"Subnet": "10.5.0.0/24"}])
    h.run("busybox", name="aa", network_mode="n1", networks={"n1": {}})
    f = h.fork()
    f.run("busybox", name="bb", network_mode="n1", networks={"n1": {}})
    f.network_create("n2")
    assert "bb" not in h.names and "bb" in f.names
    assert h.ctl.network_by_name("n2") is None
    assert f.container_inspect("bb")["NetworkSettings"]["Networks"]["n1"]["IPAddress"] == "10.5.0.3"
    # the original continues exactly as if the fork never happened
    h.run("busybox", name="cc", network_mode="n1", networks={"n1": {}})
    assert h.container_inspect("cc")["NetworkSettings"]["Networks"]["n1"]["IPAddress"] == "10.5.0.3"


def test_result_reads_like_a_terminal() -> None:
    r = DockerHost().sh("docker network rm nosuch")
    assert r.exit_code == 1
    assert r.stderr == "Error response from daemon: network nosuch not found\nexit status 1\n"
    assert repr(r).startswith("$ docker network rm nosuch\n")


def test_engine_api_errors_are_typed_and_change_nothing() -> None:
    h = DockerHost(engine="20.10")
    before = h.state()
    with pytest.raises(NotFound):
        h.network_remove("nosuch")
    with pytest.raises(DockerError) as e:
        h.network_create("bridge")
    assert str(e.value) == "operation is not permitted on predefined bridge network"
    assert h.state() == before


def test_run_helper_and_spec_objects() -> None:
    h = DockerHost()
    h.network_create("lab", ipam_config=[{"Subnet": "10.7.0.0/24"}])
    cid, warnings = h.container_create(ContainerSpec(image="busybox", name="ss", network_mode="lab",
                                                     networks={"lab": EndpointSpec(ipv4="10.7.0.50")}))
    assert warnings == []
    h.container_start(cid)
    net = h.container_inspect("ss")["NetworkSettings"]["Networks"]["lab"]
    assert net["IPAddress"] == "10.7.0.50" and net["IPAMConfig"] == {"IPv4Address": "10.7.0.50"}


def test_docker_host_offers_every_api_call_with_the_daemons_parameters() -> None:
    """DockerHost holds a daemon and hands each call on: its methods cannot drift from the table."""
    import inspect

    from dockernet_sim.daemon.apicalls import API_CALLS

    assert "set_allocation_policy" in API_CALLS and "container_exited" in API_CALLS
    for name, call in API_CALLS.items():
        params = list(inspect.signature(getattr(DockerHost, name)).parameters)[1:]
        assert params == [p.name for p in call.params], name


def test_api_calls_on_the_host_reach_the_daemon_and_its_log() -> None:
    from dockernet_sim import persist

    h = DockerHost(engine="28", seed=0)
    h.network_create("n1")
    h.set_allocation_policy("round-robin")
    with pytest.raises(ValueError):
        h.set_allocation_policy("best")
    ops = [(c["op"], "error" in c) for c in persist.to_document(h)["calls"]]
    assert ops[:2] == [("network_create", False), ("set_allocation_policy", False)]
    assert h.daemon.ipam.policy.value == "round-robin"


WHAT_IF_MISUSE = [
    (lambda h: h.reach(1, "aa"), TypeError, "reach() argument src"),
    (lambda h: h.reach("aa", "aa", port="80"), TypeError, "reach() argument port must be an int"),
    (lambda h: h.reach("aa", "aa", port=True), TypeError, "reach() argument port must be an int"),
    (lambda h: h.reach("aa", "aa", port=70000), ValueError, "between 1 and 65535"),
    (lambda h: h.reach("aa", "aa", proto="gre"), ValueError, "one of icmp, tcp, udp, sctp"),
    (lambda h: h.reach("aa", "aa", by_name="yes"), TypeError, "by_name"),
    (lambda h: h.reachability(containers="aa"), TypeError, "reachability() argument containers"),
    (lambda h: h.reachability(proto="TCP"), ValueError, "reachability() argument proto"),
    (lambda h: h.diff("xx"), TypeError, "diff() argument other must be a DockerHost"),
    (lambda h: h.usage(3), TypeError, "usage() argument network must be a str"),
    (lambda h: h.whois(5), TypeError, "whois() argument address"),
    (lambda h: h.next_address(3), TypeError, "next_address() argument network"),
    (lambda h: h.draw(trace="aa"), TypeError, "draw() argument trace must be a Trace"),
    (lambda h: h.draw(font_size="big"), TypeError, "draw() argument font_size"),
    (lambda h: h.draw(scale=0), ValueError, "must be positive"),
    (lambda h: h.sh(3), TypeError, "sh() argument line must be a str"),
]


@pytest.mark.parametrize("call,kind,words", WHAT_IF_MISUSE)
def test_what_if_questions_refuse_wrong_arguments_by_name(call, kind, words) -> None:  # type: ignore[no-untyped-def]
    """A notebook's typo gets the parameter's name, not an AttributeError from inside the model
    (draw(trace='a') was 'str' object has no attribute 'hops'; sh(3) an internal error, exit 70)."""
    h = DockerHost(engine="28")
    h.sh("docker run -itd --name aa busybox")
    before = h.state()
    with pytest.raises(kind, match=words.replace("(", r"\(").replace(")", r"\)")):
        call(h)
    assert h.state() == before


def test_a_drawing_saves_to_a_path_and_refuses_a_descriptor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    d = DockerHost().draw()
    d.save(tmp_path / "h.svg")
    assert (tmp_path / "h.svg").read_text().startswith("<svg")
    with pytest.raises(TypeError, match="save\\(\\) argument path"):
        d.save(3)                      # open(3) would write to, and close, file descriptor 3


@pytest.mark.parametrize("engine", list(PROFILES))
def test_a_paused_container_survives_fork_save_and_load(engine: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """docker pause: running and frozen; the state is kept by a fork and by save/load, and a stop
    thaws it (r180)."""
    h = DockerHost(engine=engine)
    h.sh("docker run -itd --name aa busybox")
    assert h.sh("docker pause aa").stdout == "aa\n"
    assert h.sh("docker ps --format '{{.Status}}'").stdout == "Up Less than a second (Paused)\n"
    path = tmp_path / "host.json"
    h.save(path)
    for copy in (h.fork(), DockerHost.load(path)):
        assert copy.sh("docker inspect -f '{{.State.Status}} {{.State.Paused}}' aa").stdout == "paused true\n"
        assert copy.sh("docker exec aa hostname").exit_code == 1
    assert h.sh("docker container unpause aa").stdout == "aa\n"
    h.sh("docker pause aa")
    h.sh("docker stop aa")
    assert h.sh("docker inspect -f '{{.State.Status}} {{.State.Paused}}' aa").stdout == "exited false\n"
    refused = h.sh("docker unpause aa")
    assert refused.exit_code == 1 and "is not paused" in refused.stderr
