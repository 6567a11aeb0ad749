"""The driver seam (libnetwork/drivers/api.py): the controller reaches a driver only through it.

A fake driver registered on a real host proves that the controller calls the driverapi
operations in libnetwork's order (configure and create the network; create the endpoint, join,
program external connectivity; leave and delete the endpoint; delete the network), that what the
controller shares (IPAM addresses, ``ethN`` names, the default route) lands on the interface the
driver made, and that a driver call that fails rolls back the whole Engine API call, the
driver's own changes included. The built-in drivers are registered by name, and the controller
names none of them.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Callable, Optional

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.errors import Forbidden, NotFound
from dockernet_sim.kernel import Link
from dockernet_sim.libnetwork.drivers.api import Driver, Interface
from dockernet_sim.libnetwork.model import Endpoint, Network, Sandbox

ROOT = Path(__file__).resolve().parents[2] / "dockernet_sim" / "libnetwork"


class FakeDriver(Driver):
    """Records every call; makes a ``dummy`` link on Join; raises after its change at ``fail``."""

    name = "fake"
    ipam_endpoints = True
    publishes_ports = True

    def __init__(self, host: DockerHost, fail: str = "") -> None:
        super().__init__(host.ctl.drivers["bridge"].ctx)
        self.calls: list[tuple[str, str]] = []
        self.fail = fail
        self.links: dict[str, Link] = {}

    def _called(self, op: str, subject: str) -> None:
        self.calls.append((op, subject))
        if op == self.fail:
            raise Forbidden(f"fake driver refuses {op}")

    def configure_network(self, net: Network) -> None:
        net.mtu = 1400
        self._called("configure_network", net.name)

    def create_network(self, net: Network) -> None:
        self._remember(net)
        self._called("create_network", net.name)

    def delete_network(self, net: Network) -> None:
        self._forget(net)
        self._called("delete_network", net.name)

    def create_endpoint(self, ep: Endpoint, mac: Optional[str]) -> None:
        ep.mac = mac or "02:00:00:00:00:01"
        self._called("create_endpoint", ep.name)

    def delete_endpoint(self, ep: Endpoint) -> None:
        self._called("delete_endpoint", ep.name)

    def join(self, ep: Endpoint, sb: Sandbox, ifname: Callable[[], str]) -> Optional[Interface]:
        name = ifname()
        link = sb.ns.add_link(name, "dummy", mtu=ep.network.mtu, mac=ep.mac, up=True, carrier=True)
        self.ctx.journal.record(lambda: sb.ns.remove_link(name) if sb.ns.link(name) is link else None)
        self.links[ep.id] = link
        self.ctx.journal.record(lambda: self.links.pop(ep.id, None))
        self._called("join", ep.name)
        return Interface(link=link)

    def leave(self, ep: Endpoint, sb: Sandbox) -> None:
        link = self.links.pop(ep.id)
        self.ctx.journal.record(lambda: self.links.__setitem__(ep.id, link))
        routes = list(sb.ns.routes)
        sb.ns.remove_link(link.name)               # its routes go with it

        def restore() -> None:
            sb.ns.links[link.name] = link
            link.netns = sb.ns
            sb.ns.routes = routes
        self.ctx.journal.record(restore)
        self._called("leave", ep.name)

    def program_external_connectivity(self, ep: Endpoint) -> None:
        self._called("program_external_connectivity", ep.name)

    def revoke_external_connectivity(self, ep: Endpoint) -> None:
        self._called("revoke_external_connectivity", ep.name)

    def state(self) -> object:
        return (tuple(self.networks), tuple(sorted(self.links)))


def host_with_fake(engine: str = "28", fail: str = "") -> tuple[DockerHost, FakeDriver]:
    h = DockerHost(engine=engine, seed=5)
    fake = FakeDriver(h, fail)
    h.ctl.register(fake)
    return h, fake


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_the_controller_calls_the_driver_in_libnetworks_order(engine: str) -> None:
    h, fake = host_with_fake(engine)
    h.network_create("n", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24"}])
    assert fake.calls == [("configure_network", "n"), ("create_network", "n")]
    cid = h.run("busybox", name="c1", network_mode="n")
    assert fake.calls[2:] == [("create_endpoint", "c1"), ("join", "c1"), ("program_external_connectivity", "c1")]
    h.container_stop(cid)
    assert fake.calls[5:] == [("leave", "c1"), ("delete_endpoint", "c1")]
    h.container_remove(cid)
    h.network_remove("n")
    assert fake.calls[7:] == [("delete_network", "n")]
    assert fake.networks == {} and fake.links == {}


def test_the_controller_puts_what_it_shares_on_the_drivers_interface() -> None:
    h, fake = host_with_fake()
    h.network_create("n", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24", "Gateway": "10.5.0.1"}])
    cid = h.run("busybox", name="c1", network_mode="n")
    sb = h.containers[cid].sandbox
    assert sb is not None
    eth0 = sb.ns.link("eth0")
    assert eth0 is not None and eth0 is next(iter(fake.links.values()))
    assert eth0.kind == "dummy" and eth0.mtu == 1400                 # the driver's option, parsed
    assert [(str(a.ip), a.prefixlen) for a in eth0.addresses] == [("10.5.0.2", 24)]   # IPAM's address
    assert [(r.dst, r.dev, str(r.via)) for r in sb.ns.routes if r.dst is None] == [(None, "eth0", "10.5.0.1")]
    assert h.network_inspect("n")["Driver"] == "fake"


@pytest.mark.parametrize("fail", ["configure_network", "create_network"])
def test_a_failing_network_call_leaves_nothing(fail: str) -> None:
    h, fake = host_with_fake(fail=fail)
    before = h.state()
    with pytest.raises(Forbidden, match=f"fake driver refuses {fail}"):
        h.network_create("n", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24"}])
    assert h.state() == before
    assert fake.networks == {}
    fake.fail = ""
    h.network_create("n2", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24"}])   # the pool came back


@pytest.mark.parametrize("fail", ["create_endpoint", "join", "program_external_connectivity"])
def test_a_failing_start_leaves_the_container_created(fail: str) -> None:
    h, fake = host_with_fake()
    h.network_create("n", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24"}])
    fake.fail = fail
    from dockernet_sim.daemon.containers import ContainerSpec
    cid, _ = h.container_create(ContainerSpec(name="c1", network_mode="n"))
    before = h.state()
    with pytest.raises(Forbidden):
        h.container_start(cid)
    assert h.state() == before
    assert fake.links == {} and h.containers[cid].status == "created"
    fake.fail = ""
    h.container_start(cid)                                        # nothing was left half-made
    assert h.containers[cid].networks["n"].endpoint.ip4 is not None


@pytest.mark.parametrize("fail", ["leave", "delete_endpoint"])
def test_a_failing_stop_leaves_the_container_running(fail: str) -> None:
    h, fake = host_with_fake()
    h.network_create("n", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24"}])
    cid = h.run("busybox", name="c1", network_mode="n")
    fake.fail = fail
    before = h.state()
    with pytest.raises(Forbidden):
        h.container_stop(cid)
    assert h.state() == before and h.containers[cid].running


def test_a_failing_network_remove_keeps_the_network() -> None:
    h, fake = host_with_fake(fail="delete_network")
    fake.fail = ""
    h.network_create("n", driver="fake", ipam_config=[{"Subnet": "10.5.0.0/24"}])
    fake.fail = "delete_network"
    before = h.state()
    with pytest.raises(Forbidden):
        h.network_remove("n")
    assert h.state() == before and "n" in [n.name for n in h.network_list()]


def test_an_unregistered_driver_is_a_missing_plugin() -> None:
    h = DockerHost(engine="28", seed=5)
    before = h.state()
    with pytest.raises(NotFound, match='plugin "fake" not found'):
        h.network_create("n", driver="fake")
    assert h.state() == before


def test_the_builtin_drivers_are_registered_by_name() -> None:
    h = DockerHost(engine="28", seed=5)
    # the predefined networks' drivers are made with the host, macvlan and ipvlan when first named
    assert sorted(h.ctl.drivers) == ["bridge", "host", "null"]
    assert all(h.ctl.has_driver(name) for name in ("bridge", "host", "ipvlan", "macvlan", "null"))
    assert not h.ctl.has_driver("overlay")
    # every predefined network went through its driver
    assert {n.name for d in h.ctl.drivers.values() for n in d.networks.values()} == {"bridge", "host", "none"}
    before = h.state()
    assert "macvlan" not in h.ctl.drivers and before["drivers"]["macvlan"] == ((), ())   # asking made none
    h.network_create("mv", driver="macvlan")
    assert sorted(h.ctl.drivers) == ["bridge", "host", "macvlan", "null"]
    assert all(name == d.name for name, d in h.ctl.drivers.items())
    assert list(h.ctl.driver("macvlan").networks.values())[0].name == "mv"


def _strings_compared(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for side in [node.left, *node.comparators]:
                if isinstance(side, ast.Constant) and isinstance(side.value, str):
                    found.add(side.value)
                if isinstance(side, (ast.Tuple, ast.List, ast.Set)):
                    found |= {e.value for e in side.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return found


def test_the_controller_names_no_driver_and_imports_only_the_interface() -> None:
    tree = ast.parse((ROOT / "controller.py").read_text(encoding="utf-8"))
    assert not _strings_compared(tree) & {"bridge", "host", "null", "macvlan", "ipvlan", "fake"}
    driver_imports = {node.module for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("drivers")}
    assert driver_imports == {"drivers.api"}


def test_the_guard_above_can_fail() -> None:
    assert _strings_compared(ast.parse('if net.driver == "bridge": pass')) == {"bridge"}
    assert _strings_compared(ast.parse('if d not in ("host", "null"): pass')) == {"host", "null"}


def test_drivers_never_import_the_controller() -> None:
    for path in sorted((ROOT / "drivers").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").endswith("controller"), f"{path.name} imports the controller"


def test_a_driver_refusal_reaches_the_cli_as_the_daemons_error() -> None:
    h, fake = host_with_fake(fail="create_network")
    r = h.sh("docker network create -d fake --subnet 10.5.0.0/24 n")
    assert (r.stdout, r.stderr, r.exit_code) == ("", "Error response from daemon: fake driver refuses create_network\n", 1)
    assert h.sh("docker network ls --format '{{.Name}}'").stdout.split() == ["bridge", "host", "none"]
