"""Save/load round-trips after every public call, failing ones included.

Random sequences over every call in the daemon's table of API calls (``daemon.apicalls.API_CALLS``;
a call added there without a strategy here fails ``test_every_api_call_has_a_strategy``). After
each call the host is saved and loaded, and the loaded host must be the same host: the same save
document, the same views (``docker network ls``, ``docker ps -a``, ``iptables-save``, the
inspect documents) and the same next allocations (the next subnet of each family, the next
address on each network) — which is what ``set_allocation_policy`` and the IPAM cursors decide.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Callable

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from dockernet_sim import DockerHost
from dockernet_sim import persist
from dockernet_sim.daemon.apicalls import API_CALLS
from dockernet_sim.daemon.container import Image
from dockernet_sim.daemon.specs import EndpointSpec
from dockernet_sim.testing import CONTAINER_NAMES, NETWORK_NAMES, container_specs, network_specs
from tests.graphs import same_graph

Call = tuple[str, tuple[Any, ...], dict[str, Any]]

names = st.sampled_from(CONTAINER_NAMES)
nets = st.sampled_from(NETWORK_NAMES)


def _call(name: str, *args: Any, **kwargs: Any) -> Call:
    return (name, args, kwargs)


def _network_create(spec: dict[str, Any]) -> Call:
    spec = dict(spec)
    return _call("network_create", spec.pop("name"), **spec)


# one strategy per public call: arguments that succeed and arguments that fail
STRATEGIES: dict[str, st.SearchStrategy[Call]] = {
    "network_create": network_specs().map(_network_create),
    "network_remove": st.builds(lambda n: _call("network_remove", n), nets),
    "networks_prune": st.builds(lambda f: _call("networks_prune", f),
                                st.lists(st.sampled_from(["label=a", "label!=a", "until=1h", "bogus=1"]),
                                         max_size=2)),
    "containers_prune": st.builds(lambda f: _call("containers_prune", f),
                                  st.lists(st.sampled_from(["label=a", "label!=a", "until=1h", "bogus=1"]),
                                           max_size=2)),
    "network_connect": st.builds(lambda n, c, ip: _call("network_connect", n, c,
                                                         EndpointSpec(ipv4=ip) if ip else None),
                                 nets, names, st.sampled_from(["", "", "10.1.0.7", "bogus"])),
    "network_disconnect": st.builds(lambda n, c, f: _call("network_disconnect", n, c, f), nets, names,
                                    st.booleans()),
    "container_create": st.builds(lambda s: _call("container_create", s), container_specs()),
    "container_start": st.builds(lambda c: _call("container_start", c), names),
    "container_stop": st.builds(lambda c: _call("container_stop", c), names),
    "container_task_failed": st.builds(lambda c, e: _call("container_task_failed", c, e, 127), names,
                                       st.sampled_from(["exec: \"nosuch\": executable file not found in $PATH"])),
    "container_exited": st.builds(lambda c, code: _call("container_exited", c, code), names,
                                  st.sampled_from([0, 1, 137])),
    "container_health_probe": st.builds(lambda c, code, out: _call("container_health_probe", c, code, out), names,
                                        st.sampled_from([0, 1, 2]), st.sampled_from(["", "hi\n"])),
    "time_passes": st.builds(lambda ns: _call("time_passes", ns), st.sampled_from([0, 1_000_000_000, 31_000_000_000, -1])),
    "container_output": st.builds(lambda c, out, err: _call("container_output", c, out, err), names,
                                  st.sampled_from(["", "hello\n", "a\nb"]), st.sampled_from(["", "oops\n"])),
    "container_kill": st.builds(lambda c, s: _call("container_kill", c, s), names,
                                st.sampled_from(["KILL", "TERM", "9", "NOPE"])),
    "container_restart": st.builds(lambda c: _call("container_restart", c), names),
    "container_pause": st.builds(lambda c: _call("container_pause", c), names),
    "image_tag": st.builds(lambda s, t: _call("image_tag", s, t), st.sampled_from(["busybox", "web", "nosuch"]),
                           st.sampled_from(["mybox:1", "busybox:2", "web"])),
    "image_remove": st.builds(lambda r, f: _call("image_remove", r, f), st.sampled_from(["busybox", "mybox:1", "web"]),
                              st.booleans()),
    "container_unpause": st.builds(lambda c: _call("container_unpause", c), names),
    "container_update": st.builds(lambda c, r, n, m: _call("container_update", c, r, n, memory=m), names,
                                  st.sampled_from(["", "always", "on-failure", "bogus"]), st.sampled_from([0, 2, -1]),
                                  st.sampled_from([0, 67108864])),
    "volume_create": st.builds(lambda n: _call("volume_create", n), st.sampled_from(["", "v1", "v2"])),
    "volume_remove": st.builds(lambda n, f: _call("volume_remove", n, f), st.sampled_from(["v1", "v2", "nope"]),
                               st.booleans()),
    "volumes_prune": st.builds(lambda a: _call("volumes_prune", a), st.booleans()),
    "images_prune": st.builds(lambda a, f: _call("images_prune", a, f), st.booleans(),
                              st.lists(st.sampled_from(["label=a", "bogus=1"]), max_size=1)),
    "exec_server": st.builds(lambda c, argv: _call("exec_server", c, argv), names,
                             st.sampled_from([["httpd", "-f", "-p", "80"], ["nc", "-l", "-p", "81"], ["sleep", "9"]])),
    "container_layer_put": st.builds(lambda c, p, k: _call("container_layer_put", c, p, k, 0o644, 0, "", "hi\n"),
                                     names, st.sampled_from(["/tmp/a", "/bin/ls", "/tmp"]),
                                     st.sampled_from(["f", "d", "l", "w", "x"])),
    "container_layer_drop": st.builds(lambda c, p: _call("container_layer_drop", c, p), names,
                                      st.sampled_from(["/tmp/a", "/tmp/b"])),
    "container_remove": st.builds(lambda c, f: _call("container_remove", c, f), names, st.booleans()),
    "container_attach": st.builds(lambda c: _call("container_attach", c), names),
    "exec_run": st.builds(lambda c, argv, code, ended: _call("exec_run", c, argv, code, ended), names,
                          st.sampled_from([["true"], ["sh", "-c", "exit 3"]]), st.sampled_from([0, 3]),
                          st.booleans()),
    "container_rename": st.builds(lambda c, n: _call("container_rename", c, n), names,
                                  st.sampled_from(["a", "e", "f", "-bad"])),
    "run": st.builds(lambda n, mode: _call("run", "busybox", n, network_mode=mode), names,
                     st.sampled_from(["", "n1", "host", "none", "nosuch"])),
    "add_image": st.builds(lambda n, ports: _call("add_image", Image(n, ("sh",), ports)),
                           st.sampled_from(["web", "alpine", "nginx:1"]),
                           st.sampled_from([(), ("80/tcp",), ("53/udp", "8080/tcp")])),
    "set_allocation_policy": st.builds(lambda p: _call("set_allocation_policy", p),
                                       st.sampled_from(["lowest", "round-robin", "sticky", "Round_Robin", "best"])),
    # the host's own ip: a macvlan parent, a shim on it, its address and route; and refusals
    "host_ip": st.builds(lambda a: _call("host_ip", a), st.sampled_from([
        ["link", "add", "br9", "type", "bridge"], ["link", "set", "br9", "up"],
        ["link", "add", "shim", "link", "br9", "type", "macvlan", "mode", "bridge"],
        ["addr", "add", "10.9.0.1/24", "dev", "shim"], ["route", "add", "10.9.1.0/24", "dev", "shim"],
        ["link", "del", "br9"], ["link", "set", "nosuch", "up"], ["link", "add", "x", "type", "bogus"]])),
    # the host's sysctls and a built-in chain's policy, as a user types them (r280); and refusals
    "host_sysctl": st.builds(lambda k, v: _call("host_sysctl", k, v),
                             st.sampled_from(["net.ipv4.ip_forward", "net.ipv4.conf.eth0.forwarding", "net.ipv4.nosuch"]),
                             st.sampled_from(["0", "1\n", "abc"])),
    "host_iptables_policy": st.builds(lambda c, t: _call("host_iptables_policy", "filter", c, t),
                                      st.sampled_from(["FORWARD", "NOSUCH"]), st.sampled_from(["DROP", "ACCEPT", "FOO"])),
}

calls = st.one_of(*STRATEGIES.values())

VIEWS = ("docker network ls --no-trunc", "docker ps -a --no-trunc", "iptables-save", "ip addr", "ip route")


def _observe(h: DockerHost) -> dict[str, Any]:
    """Everything a user could look at, and what the host would allocate next."""
    out: dict[str, Any] = {"document": persist.to_document(h)}
    for line in VIEWS:
        r = h.sh(line)
        out[line] = (r.stdout, r.stderr, r.exit_code)
    out["networks"] = {n.name: h.network_inspect(n.id) for n in h.network_list()}
    out["containers"] = {c.name: h.container_inspect(c.id) for c in h.container_list(all=True)}
    out["next_subnet"] = (str(h.next_subnet()), str(h.next_subnet(v6=True)))
    out["next_address"] = {n.name: (str(h.next_address(n.name)), str(h.next_address(n.name, container="a")))
                           for n in h.network_list() if n.pools4}
    return out


def _apply(h: DockerHost, call: Call) -> str:
    """Make the call; what it gave (a failing call is part of the history too)."""
    name, args, kwargs = call
    method: Callable[..., Any] = getattr(h, name)
    try:
        return repr(method(*args, **kwargs))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def test_every_api_call_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(API_CALLS)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(engine=st.sampled_from(["28", "20.10"]), seq=st.lists(calls, min_size=1, max_size=10))
def test_save_load_round_trips_after_every_call(engine: str, seq: list[Call]) -> None:
    h = DockerHost(engine=engine, seed=3)
    for call in seq:
        _apply(h, call)
        loaded = persist.loads(persist.dumps(h), DockerHost)
        assert _observe(loaded) == _observe(h), f"after {call[0]}"


def test_round_trip_after_set_allocation_policy() -> None:
    """The reported case: a host saved after ``set_allocation_policy("round-robin")`` loads, and
    hands out the same addresses as the original from then on."""
    h = DockerHost(engine="28", seed=0)
    h.network_create("n1", ipam_config=[{"Subnet": "10.9.0.0/24"}])
    h.run("busybox", "aa", network_mode="n1")
    h.container_remove("aa", force=True)
    h.set_allocation_policy("round-robin")
    loaded = persist.loads(persist.dumps(h), DockerHost)
    assert str(loaded.next_address("n1")) == str(h.next_address("n1")) == "10.9.0.3"
    loaded.run("busybox", "bb", network_mode="n1")
    h.run("busybox", "bb", network_mode="n1")
    assert loaded.container_inspect("bb")["NetworkSettings"]["Networks"]["n1"]["IPAddress"] == "10.9.0.3"
    assert persist.to_document(loaded) == persist.to_document(h)


def _reference_digest(h: DockerHost) -> str:
    """The digest as first written (persist._canon over the whole state, then sorted JSON): the
    faster digest must give the same hash, or files saved before it would no longer load (an image
    without a HEALTHCHECK hashed as before images could have one)."""
    d = h.daemon
    doc = {"state": d.state(), "rand": d.rand.state(), "pid": d.pids.last, "engine_id": d.engine_id,
           "images": [persist._image_digest(im) for im in d.images.values()], "policy": d.ipam.policy.value,
           "ipam": d.ipam.state(include_cursors=True)}
    text = json.dumps(persist._canon(doc), sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(engine=st.sampled_from(["28", "20.10"]), seq=st.lists(calls, min_size=1, max_size=20),
       more=st.lists(calls, max_size=6))
def test_the_snapshot_loads_the_host_the_replay_loads_and_the_original_is(engine: str, seq: list[Call],
                                                                          more: list[Call]) -> None:
    """Issue 15: a host loaded from its snapshot, the host its calls replay to and the original
    are one object graph (``tests.graphs.same_graph``), and stay one under the same further calls:
    the same answers, the same graph, the same file."""
    h = DockerHost(engine=engine, seed=3)
    for call in seq:
        _apply(h, call)
    text = persist.dumps(h)
    assert "snapshot" in json.loads(text)
    assert persist.digest(h) == _reference_digest(h)
    loaded = persist.loads(text, DockerHost)
    replayed = persist.loads(text, DockerHost, replay=True)
    hosts = (h, loaded, replayed)
    assert same_graph(h.daemon, loaded.daemon) is None
    assert same_graph(h.daemon, replayed.daemon) is None
    for call in more:
        answers = {_apply(x, call) for x in hosts}
        assert len(answers) == 1, f"{call[0]}: {answers}"
    assert same_graph(h.daemon, loaded.daemon) is None
    assert same_graph(h.daemon, replayed.daemon) is None
    assert len({persist.dumps(x) for x in hosts}) == 1
