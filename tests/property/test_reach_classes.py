"""Reachability by classes and diff in proportion to the change, against walks of every pair.

Random hosts — user networks (plain, ``--internal``, ``enable_icc=false``, macvlan in bridge mode
and, on a VLAN of eth0, in private mode), the daemon's ``--icc``, published ports, ``--link``,
listeners (``web``), stopped containers, ``container:``, ``host`` and ``none`` modes, second
networks, and rules written straight into the host's netfilter that name
containers' addresses, prefixes inside their subnets, negated matches and DNATs — must give:

* the matrix's answer for every ordered pair = the walk of that pair (ICMP and TCP/80);
* after k random calls on a fork, ``diff``'s reachability = every common pair walked in both
  hosts, and its other parts = those of a diff against a deep copy (nothing shared by identity);
* after calls on both sides, the diff ``since_fork`` cuts down = the full comparison, and the
  fork's survey taken from the original's (``Survey._after``) = the fork's survey read whole —
  also when containers' own namespaces hold rules or routes naming other containers' addresses
  (written before the fork, so both sides hold them: the survey must notice and read them).
"""

from __future__ import annotations

import copy
from collections import Counter

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dockernet_sim import DockerHost
from dockernet_sim.addr import parse_prefix
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.kernel.netns import Route
from dockernet_sim.query import Context, _trace, reachability
from dockernet_sim.query.diff import _contexts, _touched, diff, reach_changes
from dockernet_sim.query.matrix import Survey

NETS = ["docker network create n1", "docker network create --internal n2",
        "docker network create -o com.docker.network.bridge.enable_icc=false n3",
        "docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv",
        "docker network create -d macvlan --subnet 192.168.60.0/24 -o parent=eth0.10 -o macvlan_mode=private mvp"]
NETWORK = st.sampled_from(["bridge", "bridge", "n1", "n1", "n2", "n3", "mv", "mvp", "host", "none", "container"])
CONTAINER = st.tuples(NETWORK, st.sampled_from(["busybox", "web"]), st.booleans(), st.booleans(),
                      st.sampled_from(["run", "run", "run", "create"]), st.sampled_from([None, "n1", "n3"]))
RULE = st.tuples(st.sampled_from(["-d", "-s", "! -d", "dnat", "/30", "/24"]), st.integers(0, 9),
                 st.sampled_from(["DROP", "ACCEPT", "RETURN"]))
CALL = st.tuples(st.sampled_from(["connect", "disconnect", "stop", "start", "run", "rule", "rm"]),
                 st.integers(0, 9), st.sampled_from(["n1", "n2", "n3", "bridge", "mv"]), RULE)
# what ``since_fork`` tells a diff about: the calls above and those that name no container, rename
# one, draw a name at random, or change the host's links (host_ip); many of them fail and roll back
SINCE_CALL = st.tuples(st.sampled_from(["connect", "disconnect", "stop", "start", "run", "rule", "rm", "rename",
                                        "run-unnamed", "host_ip", "policy", "network", "connect-ip", "restart"]),
                       st.integers(0, 9), st.sampled_from(["n1", "n2", "n3", "bridge", "mv"]), RULE)


def _names(h: DockerHost) -> list[str]:
    return [c.name for c in sorted(h.daemon.containers.values(), key=lambda c: c.created_ns)]


def _ip(h: DockerHost, i: int) -> str:
    """Some container's first address (the i-th running one), or an address nobody holds."""
    ips = [str(ep.ip4) for c in sorted(h.daemon.containers.values(), key=lambda c: c.created_ns) if c.running
           for es in c.networks.values() if (ep := es.endpoint) is not None and ep.ip4 is not None]
    return ips[i % len(ips)] if ips else "10.99.0.1"


def _rule(h: DockerHost, rule: tuple[str, int, str]) -> None:
    """A rule as a user (or a firewall script) would add it on the host."""
    kind, i, target = rule
    ip = _ip(h, i)
    nf = h.daemon.kernel.host.netfilter
    if kind == "dnat":
        nf.insert("nat", "PREROUTING", f"-d {_ip(h, i + 1)}/32 -j DNAT --to-destination {ip}")
    elif kind.startswith("/"):
        nf.insert("filter", "DOCKER-USER", f"-s {ip}{kind} -j {target}")
    else:
        nf.insert("filter", "DOCKER-USER", f"{kind} {ip}/32 -j {target}")


# written into a container's own namespace before any fork: a rule naming another container's
# address, or a /32 route to an address of n1 that a later call may give away
INSIDE = st.lists(st.tuples(st.sampled_from(["rule", "route"]), st.integers(0, 9), st.integers(0, 9)), max_size=2)


def _inside(h: DockerHost, what: str, i: int, j: int) -> None:
    own = [ns for c in sorted(h.daemon.containers.values(), key=lambda c: c.created_ns)
           if c.running and c.mode_kind not in ("host", "container") and (ns := h.daemon.container_netns(c)) is not None]
    if not own:
        return
    ns = own[i % len(own)]
    if what == "rule":
        ns.netfilter.insert("filter", "OUTPUT", f"-d {_ip(h, j)}/32 -j DROP")
    else:
        dev = next((l.name for l in ns.sorted_links() if l.kind != "loopback"), "lo")
        ns.add_route(Route(parse_prefix(f"172.18.0.{2 + j}/32"), dev, scope="link"))


def _build(engine: str, icc: bool, containers: list, rules: list, inside: list = ()) -> DockerHost:
    h = DockerHost(engine=engine, seed=7, config=DaemonConfig(icc=icc))
    for line in NETS:
        assert h.sh(line).exit_code == 0
    for k, (net, image, publish, link, how, second) in enumerate(containers):
        names = _names(h)
        flags = []
        if net == "container":
            flags.append(f"--network container:{names[-1]}" if names else "")
        elif net != "bridge":
            flags.append(f"--network {net}")
        if publish and net not in ("host", "none", "container"):
            flags.append(f"-p {8000 + k}:80")
        if link and names and net == "bridge":
            flags.append(f"--link {names[k // 2 % len(names)]}")
        verb = "run -d" if how == "run" else "create"
        h.sh(f"docker {verb} --name c{k} {' '.join(flags)} {image}")
        if second and net not in ("host", "none", "container"):
            h.sh(f"docker network connect {second} c{k}")
    for r in rules:
        _rule(h, r)
    for what, i, j in inside:
        _inside(h, what, i, j)
    return h


def _call(h: DockerHost, call: tuple[str, int, str, tuple[str, int, str]]) -> None:
    what, i, net, rule = call
    names = _names(h)
    name = names[i % len(names)] if names else "c0"
    if what == "rule":
        _rule(h, rule)
    elif what == "run":
        h.sh(f"docker run -d --name x{len(names)} --network {net} {'web' if i % 2 else 'busybox'}")
    elif what == "rm":
        h.sh(f"docker rm -f {name}")
    elif what in ("connect", "disconnect"):
        h.sh(f"docker network {what} {net} {name}")
    elif what == "rename":
        h.sh(f"docker rename {name} r{i}")
    elif what == "run-unnamed":
        h.sh(f"docker run -d --network {net} busybox")
    elif what == "host_ip":
        h.host_ip(["route", "add", f"10.{i}.7.0/24", "dev", "eth0"] if i % 2
                  else ["link", "set", "eth0", "mtu", "1400"])
    elif what == "policy":
        if i % 4 == 3:
            h.sh("docker network connect n9 c0")        # a call that fails: no such network
        else:
            h.daemon.set_allocation_policy(["round-robin", "sticky", "lowest"][i % 4])
    elif what == "network":
        h.sh(f"docker network create --subnet 10.{40 + i}.0.0/16 x{i}" if i % 3 else f"docker network rm {net}")
    elif what == "restart":
        h.sh(f"docker restart {name}")
    elif what == "connect-ip":
        h.sh(f"docker network connect --ip 172.18.0.{2 + i} n1 {name}")     # may take a held address: fails
    else:
        h.sh(f"docker {what} {name}")


HOSTS = st.builds(_build, st.sampled_from(["28", "20.10"]), st.booleans(),
                  st.lists(CONTAINER, min_size=2, max_size=7), st.lists(RULE, max_size=3), INSIDE)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(HOSTS, st.sampled_from([None, 80]))
def test_class_answers_equal_pairwise_walks(h: DockerHost, port: int | None) -> None:
    m = reachability(h, port=port)
    ctx = Context(h)
    proto = "icmp" if port is None else "tcp"
    for a in m.names:
        for b in m.names:
            if a != b:
                assert m.verdict(a, b) == _trace(ctx, a, b, port, proto).verdict, (a, b, m.classes)


def _pairwise(a: DockerHost, b: DockerHost, names: list[str]) -> list[tuple[str, str, str, str]]:
    ca, cb = Context(a), Context(b)
    out = []
    for x in names:
        for y in names:
            if x != y:
                old, new = _trace(ca, x, y, None, "icmp").verdict, _trace(cb, x, y, None, "icmp").verdict
                if old != new:
                    out.append((x, y, old, new))
    return out


@SETTINGS
@given(HOSTS, st.lists(CALL, min_size=1, max_size=4))
def test_diff_after_calls_on_a_fork_equals_diff_from_scratch(h: DockerHost, calls: list) -> None:
    f = h.fork()
    for call in calls:
        _call(f, call)
    running = {c.name for c in f.daemon.containers.values() if c.running}
    common = [n for n in _names(h) if n in running and h.find_container(n).running]
    assert reach_changes(h.daemon, f.daemon, common) == _pairwise(h, f, common)
    d, scratch = diff(h.daemon, f.daemon, reach=False), diff(copy.deepcopy(h.daemon), f.daemon, reach=False)
    assert d == scratch
    assert not diff(h.daemon, h.fork().daemon)


@SETTINGS
@given(HOSTS, st.lists(st.tuples(st.booleans(), SINCE_CALL), min_size=1, max_size=5))
def test_diff_from_what_each_side_did_since_the_fork_equals_the_full_diff(h: DockerHost, calls: list) -> None:
    f = h.fork()
    for on_fork, call in calls:
        _call(f if on_fork else h, call)
    assert h.since_fork(f) is not None
    assert h.diff(f) == diff(h.daemon, f.daemon)           # since_fork's shortcut = the full comparison
    assert f.diff(h) == diff(f.daemon, h.daemon)


def _survey_view(s: Survey) -> tuple[object, ...]:
    """What a survey tells the classes and a diff, comparable between two surveys of one host."""
    named = Counter((key, m.ns, m.line, m.spans) for key, ms in s.named.items() for m in ms)
    return (dict(s.owners), s.holders, s.held, s.narrow, s.opaque, s.redirected, s.world(), named,
            s.rule_lines, dict(s.running_ns))


@SETTINGS
@given(HOSTS, st.lists(st.tuples(st.booleans(), SINCE_CALL), min_size=1, max_size=5))
def test_a_forks_survey_taken_from_the_original_equals_the_survey_read_whole(h: DockerHost, calls: list) -> None:
    f = h.fork()
    for on_fork, call in calls:
        _call(f if on_fork else h, call)
    touched = _touched(h.since_fork(f), h.daemon, f.daemon)
    _, ctx_b, _ = _contexts(h.daemon, f.daemon, touched)
    taken = ctx_b.survey.recounted is not None
    event(f"taken from the original: {taken}")
    if taken:
        assert _survey_view(ctx_b.survey) == _survey_view(Context(f.daemon).survey)
    assert h.diff(f) == diff(h.daemon, f.daemon)


def test_a_fork_with_no_change_walks_nothing() -> None:
    h = _build("28", True, [("n1", "busybox", False, False, "run", None)] * 4, [])
    assert reach_changes(h.daemon, h.fork().daemon, _names(h)) == []


def _taken(h: DockerHost, f: DockerHost) -> bool:
    """Whether the fork's survey was taken from the original's; either way it equals the survey
    read whole, and the diff equals the full comparison."""
    _, ctx_b, same = _contexts(h.daemon, f.daemon, _touched(h.since_fork(f), h.daemon, f.daemon))
    assert same and _survey_view(ctx_b.survey) == _survey_view(Context(f.daemon).survey)
    assert h.diff(f) == diff(h.daemon, f.daemon) and f.diff(h) == diff(f.daemon, h.daemon)
    return ctx_b.survey.recounted is not None


def _four(engine: str = "28") -> DockerHost:
    h = DockerHost(engine=engine, seed=2)
    h.network_create("n1")
    for k in range(4):
        h.run("busybox", name=f"c{k}", network_mode="n1" if k % 2 else "bridge")
    return h


def test_a_forks_survey_is_taken_from_the_original_after_a_connect() -> None:
    h = _four()
    f = h.fork()
    f.network_connect("n1", "c0")
    assert _taken(h, f)
    h.container_restart("c2")            # calls on both sides: c2's namespace is read again
    assert _taken(h, f)


def test_a_route_in_a_container_to_an_address_the_fork_gives_away_is_read_again() -> None:
    """c0 routes to n1's next free address; the fork's new container takes it: c0's namespace now
    names a held address, which the original's survey did not file."""
    h = _four()
    ns = h.daemon.container_netns(h.find_container("c0"))
    free = str(h.next_address("n1"))
    ns.add_route(Route(parse_prefix(f"{free}/32"), "eth0", scope="link"))
    f = h.fork()
    f.run("busybox", name="new", network_mode="n1")
    assert str(f.daemon.find_container("new").networks["n1"].endpoint.ip4) == free
    assert not _taken(h, f)


def test_a_rule_in_a_container_naming_another_is_read_on_both_sides() -> None:
    h = _four("20.10")
    c3 = str(h.find_container("c3").networks["n1"].endpoint.ip4)
    h.daemon.container_netns(h.find_container("c1")).netfilter.insert("filter", "OUTPUT", f"-d {c3}/32 -j DROP")
    f = h.fork()
    f.network_connect("n1", "c2")
    assert not _taken(h, f)
