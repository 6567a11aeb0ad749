"""The snapshot of the model in a host file (issue 15): complete, exact, and refused when hostile.

A host loaded from its snapshot must be the host that was saved — the same object graph
(``tests.graphs.same_graph``: every slot of every object, the same sharing), the same file when
saved again, the same behaviour afterwards — and the host a replay of its calls gives. A file
is untrusted: a snapshot with a value of the wrong type, a reference to an object it does not
have, more objects than a file may hold, or a model its log or digest contradicts is refused
with the exact message, and no host is returned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from dockernet_sim import DockerHost, persist, snapshot
from dockernet_sim.engines import PROFILES
from dockernet_sim.persist import PersistError
from dockernet_sim.records import fields, is_record
from tests.graphs import same_graph

FIXTURES = Path(__file__).resolve().parent / "persist_fixtures"

# a host with something of everything the model keeps: user networks (IPv6 on 28), published
# ports, a legacy link, a shared namespace, host mode, a stopped and a renamed container, a
# macvlan network on a bridge the host's ip made, an image, a changed allocation policy, and
# packets counted by a ping
LINES = [
    "docker network create --subnet 10.5.0.0/16 --gateway 10.5.0.1 n1",
    "docker network create --internal n2",
    "docker run -d --name web -p 8080:80 -p 53/udp busybox",
    "docker run -d --name aa --link web busybox",
    "docker run -d --name bb --network n1 --ip 10.5.0.9 --network-alias bee busybox",
    "docker network connect n2 bb",
    "docker run -d --name cc --network container:bb busybox",
    "docker run -d --name hh --network host busybox",
    "docker run -d --name ss busybox",
    "docker stop ss",
    "docker rename ss s2",
    "ip link add br9 type bridge",
    "ip link set br9 up",
    "docker network create -d macvlan -o parent=br9 --subnet 10.9.0.0/24 mv",
    "docker run -d --name mm --network mv busybox",
    "docker exec aa ping -c 2 web",
    "docker run -d --name aa busybox",                      # fails: the name is taken (logged)
]
AFTER = ["docker run -d --name dd -p 9090:90 busybox", "docker network create n3", "docker network connect n3 dd",
         "docker rm -f bb", "docker network rm n2", "docker ps -a --no-trunc", "iptables-save", "ip -s link"]


def build(engine: str) -> DockerHost:
    h = DockerHost(engine=engine, seed=5)
    h.set_allocation_policy("round-robin")
    for line in LINES:
        h.sh(line)
    if PROFILES[engine].ipam.ula_default:
        h.sh("docker network create --ipv6 n6")
        h.sh("docker network connect n6 web")
    return h


def build_quiet(engine: str) -> DockerHost:
    """:func:`build` without the ping."""
    h = DockerHost(engine=engine, seed=5)
    for line in LINES:
        if not line.startswith("docker exec"):
            h.sh(line)
    return h


def run(h: DockerHost, lines: list[str]) -> list[tuple[str, str, int]]:
    return [(r.stdout, r.stderr, r.exit_code) for r in map(h.sh, lines)]


@pytest.fixture(scope="module", params=list(PROFILES))
def saved(request: pytest.FixtureRequest) -> tuple[str, str]:
    """(engine, the saved text) of :func:`build`."""
    return request.param, persist.dumps(build(request.param))


def test_the_file_holds_a_snapshot_of_every_kind_of_object(saved: tuple[str, str]) -> None:
    doc = json.loads(saved[1])
    objects = doc["snapshot"]["objects"]
    for name in ("Namespace", "Link", "Address", "Route", "Network", "Endpoint", "Sandbox", "Container",
                 "EndpointSettings", "PortMapping", "PortHold", "BridgeRules", "_Pool", "AddrSet", "Image"):
        assert objects[name]["count"] > 0, name
    assert doc["snapshot"]["log"] == persist.call_log(persist.loads(saved[1], DockerHost)).digest()


def test_a_host_loaded_from_its_snapshot_is_the_host_saved_and_the_host_replayed(saved: tuple[str, str]) -> None:
    """(The ping made the packet walk look at the containers' netfilter tables, which a replay of
    the calls does not: the snapshot writes tables as the kernel made them as tables nobody looked
    at, so the graphs are compared from a host that pinged nothing; tests/property compares
    hosts made by random calls whole.)"""
    engine, text = saved
    original = build(engine)
    loaded = persist.loads(text, DockerHost)
    replayed = persist.loads(text, DockerHost, replay=True)
    assert same_graph(replayed.daemon, loaded.daemon) is None
    assert original.state() == loaded.state()
    quiet = persist.dumps(build_quiet(engine))
    assert same_graph(build_quiet(engine).daemon, persist.loads(quiet, DockerHost).daemon) is None
    # the replay is a replay: without the snapshot, the calls made it
    no_snapshot = {k: v for k, v in json.loads(text).items() if k != "snapshot"}
    assert same_graph(persist.from_document(no_snapshot, DockerHost).daemon, loaded.daemon) is None
    assert persist.dumps(loaded) == persist.dumps(replayed) == text
    assert persist.call_log(loaded).calls == persist.call_log(original).calls


def test_a_loaded_host_goes_on_as_the_original(saved: tuple[str, str]) -> None:
    engine, text = saved
    original, loaded, replayed = build(engine), persist.loads(text, DockerHost), persist.loads(text, DockerHost,
                                                                                               replay=True)
    assert run(loaded, AFTER) == run(original, AFTER) == run(replayed, AFTER)
    assert same_graph(replayed.daemon, loaded.daemon) is None
    assert persist.dumps(loaded) == persist.dumps(original) == persist.dumps(replayed)
    # forks of it are hosts of their own, and know what each did since
    twin = loaded.fork()
    twin.sh("docker network create n9")
    since = loaded.since_fork(twin)
    assert since is not None and [c.op for c in since.theirs] == ["network_create"] and not since.mine


def test_files_without_a_snapshot_still_load_by_replay_and_gain_one_when_saved() -> None:
    for engine in PROFILES:
        path = FIXTURES / f"host_{engine}.json"
        assert "snapshot" not in json.loads(path.read_text())
        old = DockerHost.load(path)
        again = persist.loads(persist.dumps(old), DockerHost)
        assert "snapshot" in json.loads(persist.dumps(old))
        assert same_graph(old.daemon, again.daemon) is None


def test_a_change_by_hand_is_in_the_snapshot_and_a_replay_reports_it() -> None:
    h = build("28")
    h.daemon.kernel.host.links["eth0"].mtu = 1400      # not through the API: not logged
    text = persist.dumps(h)
    assert persist.loads(text, DockerHost).daemon.kernel.host.links["eth0"].mtu == 1400
    with pytest.raises(PersistError) as info:
        persist.loads(text, DockerHost, replay=True)
    assert str(info.value) == ("the host file's snapshot is not what its calls make: the snapshot was edited, "
                               "or the model changed by hand, or written by an incompatible version")


def test_a_value_outside_its_type_is_saved_without_a_snapshot() -> None:
    h = build("28")
    h.daemon.kernel.host.links["eth0"].mtu = 1500.0    # by hand, and no int: no snapshot can say it
    doc = json.loads(persist.dumps(h))
    assert "snapshot" not in doc and doc["calls"]


# -- the schema covers the model -----------------------------------------------------------------
def _slots(cls: type) -> set[str]:
    return {s for c in cls.__mro__ for s in c.__dict__.get("__slots__", ()) if s not in ("__dict__", "__weakref__")}


def test_every_slot_of_a_hand_written_class_has_a_type() -> None:
    for cls, types in snapshot.SLOT_TYPES.items():
        assert set(types) == _slots(cls), cls.__name__


def test_every_record_of_the_model_is_its_fields() -> None:
    for cls in snapshot.DATA_CLASSES:
        if is_record(cls):
            assert _slots(cls) == {f.name for f in fields(cls)}, cls.__name__
            assert not hasattr(cls, "__dict__") or "__dict__" not in _slots(cls)


# what the constructor wires into each part and no API call changes: the rest of each part's
# attributes is its state, which the snapshot holds, or a cache (a new attribute must be put in one)
WIRING: dict[str, set[str]] = {
    "Daemon": {"recorder", "host_ip_program", "profile", "seed", "rand", "journal", "host", "config", "store",
               "containers", "names", "pids", "daemon_pid", "engine_id", "kernel", "start_failure", "ipam",
               "firewall", "ports", "ctl", "network_service", "port_service", "link_service",
               "container_service", "connect_service", "volume_store", "event_log", "emitter",
               "declared_images"},
    "Kernel": {"ifindex_policy", "journal"},
    "Controller": {"kernel", "profile", "rand", "journal", "ipam", "ports", "mtu", "drivers", "on_demand"},
    "Ipam": {"engine", "_rules", "_msg", "_precheck", "_journal", "_predefined", "_bases"},
    "PortAllocator": {"begin", "end", "last_per_ip", "cross_ip"},
    "Firewall": {"layout", "iptables", "ipv6", "ip_masq", "icc", "userland_proxy", "hairpin", "forward_drop",
                 "allow_direct_routing", "raw_rules", "_impl", "_log", "_batches"},
    "ContainerStore": set(),
    "PidCounter": {"_journal"},
    "VolumeStore": {"journal", "rand", "events"},
    "EventLog": {"journal"},
    "BridgeDriver": {"ctx", "firewall"}, "MacvlanDriver": {"ctx"}, "IpvlanDriver": {"ctx"},
    "NullDriver": {"ctx"}, "HostDriver": {"ctx"},
}


def test_every_attribute_of_the_daemons_parts_is_wiring_or_state() -> None:
    for part in snapshot.parts(DockerHost().daemon).values():
        attrs = _slots(type(part)) | set(getattr(part, "__dict__", {}))
        name = type(part).__name__
        state, caches = set(snapshot.PART_STATE[type(part)]), set(snapshot.CACHES.get(type(part), ()))
        assert attrs == state | WIRING[name] | caches, name
        assert not state & WIRING[name] and not caches & (state | WIRING[name]), name


# -- hostile files ---------------------------------------------------------------------------------
def _edit(text: str, change: Callable[[dict[str, Any]], Any]) -> str:
    doc = json.loads(text)
    change(doc)
    return json.dumps(doc)


def _column(table: str, field: str, value: Callable[[list[Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    def change(doc: dict[str, Any]) -> None:
        cols = doc["snapshot"]["objects"][table]["fields"]
        cols[field] = value(cols[field])
    return change


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(doc: dict[str, Any]) -> None:
        at = doc
        for key in path[:-1]:
            at = at[key]
        at[path[-1]] = value
    return change


def _nest(depth: int) -> Any:
    v: Any = "x"
    for _ in range(depth):
        v = [v]
    return v


N_LINKS = "(the number of links)"
HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "a call edited": (lambda d: d["calls"][0]["args"].__setitem__(0, "n7"),
                      "not a valid host file: snapshot is of another call log than the file's (the calls were "
                      "changed, or the snapshot)"),
    "a call dropped": (lambda d: d["calls"].pop(),
                       "not a valid host file: snapshot is of another call log than the file's (the calls were "
                       "changed, or the snapshot)"),
    "a value edited": (_column("Link", "mtu", lambda c: [1400] + c[1:]), "host file digest mismatch"),
    "an object swapped": (_column("Endpoint", "network", lambda c: c[::-1]),
                          "not a valid host file: snapshot is inconsistent: endpoint "),
    "a string for an int": (_column("Link", "mtu", lambda c: ["1500"] + c[1:]),
                            "not a valid host file: snapshot Link.mtu: a value is not an integer"),
    "true for an int": (_column("Link", "index", lambda c: [True] + c[1:]),
                        "not a valid host file: snapshot Link.index: a value is not an integer"),
    "a missing object": (_column("Link", "netns", lambda c: [10**6] + c[1:]),
                         "not a valid host file: snapshot Link.netns: a reference names no Namespace of the "
                         "snapshot"),
    "a negative reference": (_column("Namespace", "_netfilter", lambda c: [-1] + c[1:]),
                             "not a valid host file: snapshot Namespace._netfilter: a reference names no "
                             "Netfilter of the snapshot"),
    "a reference in a list": (_column("Link", "addresses", lambda c: [[99999]] + c[1:]),
                              "not a valid host file: snapshot Link.addresses: a reference names no Address of "
                              "the snapshot"),
    "an address out of range": (_column("Address", "ip", lambda c: [[2**32, 4]] + c[1:]),
                                "not a valid host file: snapshot Address.ip: an address value out of range"),
    "an address of no family": (_column("Address", "ip", lambda c: [[1, 5]] + c[1:]),
                                "not a valid host file: snapshot Address.ip: a value is not an address "
                                "[value, version]"),
    "a short column": (_column("Link", "mtu", lambda c: c[1:]),
                       f"not a valid host file: snapshot Link.mtu does not have {N_LINKS} values"),
    "a huge count": (_set(["snapshot", "objects", "Link", "count"], 10**9),
                     "not a valid host file: snapshot Link.index does not have 1000000000 values"),
    "more objects than a file may hold": (
        lambda d: d["snapshot"]["objects"].__setitem__("Rule", {"count": persist.MAX_VALUES + 1,
                                                                "fields": {"spec": ["x"] * (persist.MAX_VALUES + 1)}}),
        f"not a valid host file: snapshot has more than {persist.MAX_VALUES} objects"),
    "an unknown class": (_set(["snapshot", "objects", "Popen"], {"count": 0, "fields": {"args": []}}),
                         "not a valid host file: snapshot names an unknown class 'Popen'"),
    "an unknown field": (_set(["snapshot", "objects", "Link", "fields", "__class__"], []),
                         "not a valid host file: snapshot Link has no field '__class__'"),
    "a missing field": (lambda d: d["snapshot"]["objects"]["Link"]["fields"].pop("name"),
                        "not a valid host file: snapshot Link is missing the field 'name'"),
    "a table of no columns": (_set(["snapshot", "objects", "Link", "fields"], {}),
                              "not a valid host file: snapshot table Link is malformed"),
    "a missing part": (lambda d: d["snapshot"]["parts"].pop("kernel"),
                       "not a valid host file: snapshot names other parts than this daemon has"),
    "a part of the wrong shape": (_set(["snapshot", "parts", "kernel"], {"namespaces": {}}),
                                  "not a valid host file: snapshot part 'kernel' is missing or malformed"),
    "a part's value of the wrong type": (_set(["snapshot", "parts", "kernel", "_global_index"], "2"),
                                         'not a valid host file: snapshot kernel._global_index: "2" is not an '
                                         'integer'),
    "a dict of the wrong type": (_set(["snapshot", "parts", "ctl", "networks"], [1]),
                                 "not a valid host file: snapshot ctl.networks: [1] is not an object"),
    "an unknown policy": (_set(["snapshot", "parts", "ipam", "policy"], "random"),
                          'not a valid host file: snapshot ipam.policy: "random" is not a Policy'),
    "a broken random state": (_set(["snapshot", "parts", "rand", 0], [1, 2, 3]),
                              "not a valid host file: snapshot random state is malformed"),
    "a random state out of range": (lambda d: d["snapshot"]["parts"]["rand"][0].__setitem__(624, 10**6),
                                    "not a valid host file: snapshot random state: invalid state"),
    "a deep value": (_column("Container", "shared_ns", lambda c: [_nest(40)] + c[1:]),
                     "not a valid host file: snapshot Container.shared_ns: nested deeper than 32"),
    "a tag it never writes": (_column("Container", "shared_ns", lambda c: [{"$dc": "Popen"}] + c[1:]),
                              'not a valid host file: snapshot Container.shared_ns: {"$dc": "Popen"} is not a '
                              'value a snapshot writes'),
    "a long string": (_column("Link", "name", lambda c: ["x" * (persist.MAX_STRING + 1)] + c[1:]),
                      f"not a valid host file: snapshot Link.name: a string longer than {persist.MAX_STRING} "
                      f"characters"),
    "a newer snapshot": (_set(["snapshot", "version"], 2),
                         "not a valid host file: snapshot version 2 is not one this dockernet_sim reads (1)"),
    "no snapshot object": (_set(["snapshot"], [1, 2]), "not a valid host file: snapshot is malformed"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_snapshot_is_refused_with_its_message(case: str, saved: tuple[str, str]) -> None:
    change, message = HOSTILE[case]
    text = _edit(saved[1], change)
    message = message.replace(N_LINKS, str(json.loads(saved[1])["snapshot"]["objects"]["Link"]["count"]))
    with pytest.raises(PersistError) as info:
        persist.loads(text, DockerHost)
    assert str(info.value).startswith(message), str(info.value)
