"""Random sequences of Engine API calls, valid and invalid, on every engine profile.

For every call that fails, the complete snapshot of the host before and after must be equal
(nothing leaked: no address, port, veth, rule, name or ID) — except where a real engine is not
atomic, which its profile names; each such behaviour is listed in :data:`NAMED_LEAKS` and
checked for exactly what it may leave behind:

* ``failed_ipv6_keeps_ipv4`` (r93_ipv6_errors: 20.10, 26 and 28): an endpoint whose IPv6 address
  fails keeps the one IPv4 address it took, allocated and owned by nobody. After every step the model's
invariants hold: no address held twice, every IPAM allocation owned by a gateway, an aux
address or a live endpoint, every veth paired, every bridge port on an existing bridge, and
netfilter rules only for live endpoints.
"""

from __future__ import annotations

import dataclasses
import re

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dockernet_sim.engines import PROFILES
from dockernet_sim import DockerHost
from dockernet_sim.addr import parse_ip
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec
from dockernet_sim.engines.profile import Profile
from dockernet_sim.errors import DockerError

NET_NAMES = st.sampled_from(["n1", "n2", "bridge", "bridge", "host", "none", "nosuch"])
CTR_NAMES = st.sampled_from(["aa", "bb", "cc", "dd", "a/b", "x", "xx"])
SUBNETS = st.sampled_from([None, "10.1.0.0/24", "10.1.0.0/16", "10.2.0.0/29", "10.2.0.0/30", "172.18.0.0/16",
                           "10.3.0.5/24", "bogus", "fd00:1::/64"])
IPS = st.sampled_from(["", "", "10.1.0.5", "10.2.0.2", "10.2.0.9", "172.18.0.1", "1.2.3.4", "nope"])
PORTS = st.sampled_from([{}, {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]},
                         {"80/tcp": [{"HostIp": "", "HostPort": ""}]},
                         {"53/udp": [{"HostIp": "127.0.0.1", "HostPort": "5353"}]},
                         {"80/tcp": [{"HostIp": "", "HostPort": "9000"}], "81/tcp": [{"HostIp": "", "HostPort": "8080"}]}])


IPS6 = st.sampled_from(["", "fd00:1::5", "fd00:1::1", "fd00:9::5", "zz"])
NAMED_LEAKS = ("failed_ipv6_keeps_ipv4",)


def _allocated(state: dict) -> set[tuple[str, int]]:
    """(pool, address) of every allocated address in a ``state()``'s IPAM part."""
    out: set[tuple[str, int]] = set()
    for key, pool in state["ipam"]["pools"].items():
        for run in pool["allocated"]:
            lo, _, hi = run.partition("-")
            a = parse_ip(lo).value
            b = parse_ip(hi).value if hi else a
            out.update((key, v) for v in (range(a, b + 1) if b - a < 4096 else (a, b)))
    return out


class EngineMachine(RuleBasedStateMachine):
    @initialize(engine=st.sampled_from(list(PROFILES)))
    def boot(self, engine: str) -> None:
        self.h = DockerHost(engine=engine, seed=3)
        self.leaked: set[tuple[str, int]] = set()      # what NAMED_LEAKS left, and may stay

    def snapshot(self) -> dict:
        """``state()`` and the random source: a failing call draws no ID, MAC or name."""
        return {**self.h.state(), "rand": self.h.rand.state()}

    def check_failed(self, name: str, before: dict, after: dict) -> None:
        if before == after:
            return
        # failed_ipv6_keeps_ipv4: only the IPAM differs, by one IPv4 address more
        assert self.h.profile.failed_ipv6_keeps_ipv4, f"a failing {name} changed the host"
        assert {k: v for k, v in before.items() if k != "ipam"} == {k: v for k, v in after.items() if k != "ipam"}, \
            f"a failing {name} changed more than the IPAM"
        gained, lost = _allocated(after) - _allocated(before), _allocated(before) - _allocated(after)
        assert not lost and len(gained) == 1, f"a failing {name} changed the IPAM: +{gained} -{lost}"
        (pool, value), = gained
        assert "." in pool, f"a failing {name} kept an IPv6 address {pool} {value}"
        self.leaked |= gained

    def call(self, fn, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        before = self.snapshot()
        try:
            fn(*args, **kw)
        except DockerError:
            self.check_failed(fn.__name__, before, self.snapshot())

    @rule(name=CTR_NAMES, net=NET_NAMES, ip6=IPS6)
    def run_ipv6(self, name: str, net: str, ip6: str) -> None:
        """--ip6 at run: a failure after the IPv4 address was taken is the named leak."""
        spec = ContainerSpec(image="busybox", name=name, network_mode=net, networks={net: EndpointSpec(ipv6=ip6)})
        before = self.snapshot()
        try:
            cid, _ = self.h.container_create(spec)
        except DockerError:
            self.check_failed("container_create", before, self.snapshot())
            return
        self.call(self.h.container_start, cid)

    @rule(net=NET_NAMES, name=CTR_NAMES, ip6=IPS6)
    def connect_ipv6(self, net: str, name: str, ip6: str) -> None:
        self.call(self.h.network_connect, net, name, EndpointSpec(ipv6=ip6))

    @rule(name=NET_NAMES, subnet=SUBNETS, internal=st.booleans(), gw=st.booleans())
    def network_create(self, name: str, subnet: str | None, internal: bool, gw: bool) -> None:
        cfg = []
        if subnet:
            entry = {"Subnet": subnet}
            if gw and subnet[0].isdigit() and "." in subnet:
                entry["Gateway"] = subnet.rsplit(".", 1)[0] + ".1"
            cfg.append(entry)
        if subnet and ":" in subnet:
            cfg.insert(0, {"Subnet": "10.5.0.0/24"})
        self.call(self.h.network_create, name, ipam_config=cfg, internal=internal,
                  enable_ipv6=bool(subnet and ":" in subnet))

    @rule(name=NET_NAMES)
    def network_remove(self, name: str) -> None:
        self.call(self.h.network_remove, name)

    @rule(name=CTR_NAMES, net=NET_NAMES, ip=IPS, ports=PORTS, start=st.booleans())
    def container_run(self, name: str, net: str, ip: str, ports: dict, start: bool) -> None:
        spec = ContainerSpec(image="busybox", name=name, network_mode=net,
                             networks={net: EndpointSpec(ipv4=ip)}, port_bindings=ports)
        before = self.snapshot()
        try:
            cid, _ = self.h.container_create(spec)
        except DockerError:
            assert before == self.snapshot(), "a failing container_create changed the host"
            return
        if start:
            self.call(self.h.container_start, cid)

    @rule(name=CTR_NAMES, ports=PORTS)
    def run_publishing(self, name: str, ports: dict) -> None:
        """Published ports on the default bridge: conflicts fail after other ports were taken."""
        before = self.snapshot()
        try:
            cid, _ = self.h.container_create(ContainerSpec(name=name, port_bindings=ports))
        except DockerError:
            assert before == self.snapshot()
            return
        self.call(self.h.container_start, cid)

    @rule(name=CTR_NAMES, donor=CTR_NAMES)
    def container_mode(self, name: str, donor: str) -> None:
        before = self.snapshot()
        try:
            cid, _ = self.h.container_create(ContainerSpec(name=name, network_mode=f"container:{donor}"))
        except DockerError:
            assert before == self.snapshot()
            return
        self.call(self.h.container_start, cid)

    @rule(name=CTR_NAMES)
    def start(self, name: str) -> None:
        self.call(self.h.container_start, name)

    @rule(name=CTR_NAMES)
    def stop(self, name: str) -> None:
        self.call(self.h.container_stop, name)

    @rule(name=CTR_NAMES)
    def restart(self, name: str) -> None:
        # a restart is a stop and then a start, each atomic on its own (a failed start leaves the
        # container stopped, as dockerd does)
        self.call(self.h.container_stop, name)
        self.call(self.h.container_start, name)

    @rule(name=CTR_NAMES)
    def pause(self, name: str) -> None:
        self.call(self.h.container_pause, name)

    @rule(name=CTR_NAMES)
    def unpause(self, name: str) -> None:
        self.call(self.h.container_unpause, name)

    @rule(name=CTR_NAMES, force=st.booleans())
    def remove(self, name: str, force: bool) -> None:
        self.call(self.h.container_remove, name, force=force)

    @rule(net=NET_NAMES, name=CTR_NAMES, ip=IPS)
    def connect(self, net: str, name: str, ip: str) -> None:
        self.call(self.h.network_connect, net, name, EndpointSpec(ipv4=ip))

    @rule(net=NET_NAMES, name=CTR_NAMES)
    def disconnect(self, net: str, name: str) -> None:
        self.call(self.h.network_disconnect, net, name)

    # -- invariants ------------------------------------------------------------------------------
    @invariant()
    def no_address_twice(self) -> None:
        if not hasattr(self, "h"):
            return
        for net in self.h.ctl.networks.values():
            ips = [str(ep.ip4) for ep in net.endpoints.values() if ep.ip4 is not None]
            ips += [str(ps.gateway) for ps in net.pools4 if ps.gateway is not None]
            assert len(ips) == len(set(ips)), f"{net.name}: an address is held twice: {ips}"

    @invariant()
    def allocations_have_owners(self) -> None:
        if not hasattr(self, "h"):
            return
        owned: dict[str, set[int]] = {}
        for net in self.h.ctl.networks.values():
            for ps in net.pools4 + net.pools6:
                key = str(ps.pool.masked())
                s = owned.setdefault(key, set())
                if ps.gateway is not None:
                    s.add(ps.gateway.value)
                s.update(a.value for a in ps.aux.values())
                for ep in net.endpoints.values():
                    for ip in (ep.ip4, ep.ip6):
                        if ip is not None and ps.pool.contains(ip):
                            s.add(ip.value)
        pools = self.h.ipam.state()["pools"]
        self.leaked = {(k, v) for k, v in self.leaked if k in pools}   # a leak goes with its pool
        for key, pool in pools.items():
            base = parse_ip(key.split("/")[0])
            allocated: set[int] = set()
            for run in pool["allocated"]:
                lo, _, hi = run.partition("-")
                a = parse_ip(lo).value
                b = parse_ip(hi).value if hi else a
                allocated.update(range(a, b + 1) if b - a < 4096 else (a, b))
            size_bits = (32 if base.version == 4 else 128) - int(key.split("/")[1])
            network, last = base.value, base.value + (1 << size_bits) - 1
            reserved = {network, last} if base.version == 4 and size_bits > 1 else ({network} if base.version == 6 else set())
            stray = allocated - reserved - owned.get(key, set()) - {v for k, v in self.leaked if k == key}
            assert not stray, f"{key}: allocations without an owner: {sorted(stray)[:5]}"

    @invariant()
    def veths_paired_and_ports_on_bridges(self) -> None:
        if not hasattr(self, "h"):
            return
        live = set(id(ns) for ns in self.h.kernel.namespaces.values())
        for ns in self.h.kernel.namespaces.values():
            for link in ns.links.values():
                if link.kind == "veth":
                    assert link.peer is not None and link.peer.peer is link, f"unpaired veth {link.name}"
                    assert id(link.peer.netns) in live, f"veth {link.name}'s peer is in a dead namespace"
                if link.master is not None:
                    assert ns.links.get(link.master.name) is link.master and link.master.kind == "bridge"
                    assert link in link.master.ports

    @invariant()
    def rules_only_for_live_endpoints(self) -> None:
        if not hasattr(self, "h"):
            return
        live = {str(ep.ip4) for net in self.h.ctl.networks.values() for ep in net.endpoints.values()
                if ep.ip4 is not None and ep.sandbox is not None}
        bridges = {l.name for l in self.h.kernel.host.links.values() if l.kind == "bridge"}
        for table, chain, rule in self.h.kernel.host.netfilter.rules():
            for ip in re.findall(r"--to-destination (\d+\.\d+\.\d+\.\d+)", rule.spec):
                assert ip in live, f"DNAT to a dead endpoint: {rule.spec}"
            for ip in re.findall(r"-d (\d+\.\d+\.\d+\.\d+)/32", rule.spec):
                if not ip.startswith("127."):
                    assert ip in live, f"rule for a dead endpoint: {rule.spec}"
            for br in re.findall(r"-[io] (\S+)", rule.spec):
                assert br in bridges or br == "lo" or br.startswith("eth"), f"rule for a missing bridge: {rule.spec}"


EngineMachine.TestCase.settings = settings(max_examples=200, stateful_step_count=30, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
TestEngineAtomic = EngineMachine.TestCase


def test_named_leaks_are_profile_behaviours() -> None:
    fields = {f.name: f for f in dataclasses.fields(Profile)}
    for name in NAMED_LEAKS:
        assert name in fields and fields[name].type in ("bool", bool), f"{name} is not a Profile flag"


def test_named_leak_failed_ipv6_keeps_ipv4() -> None:
    """The named behaviour itself, on every engine that has it: the failed run's IPv4 address stays taken, so
    the next container gets the one after it (r93_ipv6_errors); nothing else is left."""
    engines = [name for name, p in PROFILES.items() if p.failed_ipv6_keeps_ipv4]
    assert engines, "no profile keeps the IPv4 of a failed IPv6 address"
    for engine in engines:
        h = DockerHost(engine=engine, seed=1)
        h.network_create("v6", enable_ipv6=True, ipam_config=[{"Subnet": "10.5.0.0/24"}, {"Subnet": "fd00:1::/64"}])
        before = h.state()
        m = EngineMachine()
        m.boot(engine)
        m.h = h
        try:
            h.run("busybox", name="ee", network_mode="v6", networks={"v6": EndpointSpec(ipv6="fd00:1::1")})
        except DockerError:
            pass
        c = h.containers[h.names["ee"]]
        h.container_remove(c.id)
        m.check_failed("run", before, h.state())
        assert m.leaked == {("10.5.0.0/24", parse_ip("10.5.0.2").value)}
        h.run("busybox", name="ff", network_mode="v6")
        assert h.container_inspect("ff")["NetworkSettings"]["Networks"]["v6"]["IPAddress"] == "10.5.0.3"
