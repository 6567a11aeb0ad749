"""The daemon: one Docker host's Engine API over the libnetwork and kernel models.

``Daemon(engine="28", seed=0)`` boots like dockerd on a fresh data root: the host namespace
with ``lo`` and ``eth0``, the firewall's base chains, the predefined ``bridge`` (``docker0``),
``host`` and ``none`` networks. Every public method is one Engine API call and is atomic.
"""

from __future__ import annotations

import hashlib
import inspect as _inspect
from typing import Any, Optional, Sequence

from ..addr import Prefix, parse_ip, parse_prefix, prefix
from ..ids import Randomness
from ..journal import Journal
from ..kernel import Kernel, Route
from ..libnetwork.controller import Controller
from ..libnetwork.drivers.api import DriverContext
from ..libnetwork.drivers.bridge import OPT_DEFAULT, OPT_HOST_IP, OPT_ICC, OPT_MASQ, OPT_MTU, OPT_NAME, Firewall
from ..libnetwork.drivers.registry import builtin_drivers
from ..libnetwork.ipam import Ipam
from ..libnetwork.model import Network
from ..libnetwork.portallocator import PortAllocator
from ..engines.profile import Profile, get_profile
from ..errors import DockerError
from ..values import check_fields, check_seed, check_str, check_value, typed
from .config import DaemonConfig, HostSpec
from .container import Container, Image
from .containers import ContainerAPI, ContainerSpec, EndpointSpec
from .inspect import container_document, network_document
from .networks import NetworkAPI

DEFAULT_IMAGES = {
    "busybox": Image("busybox", ("sh",)),
    "web": Image("web", ("/bin/sh",), ("80/tcp", "443/tcp")),
}


def _image_key(ref: str) -> str:
    name = ref.split("@", 1)[0]
    if ":" in name.rsplit("/", 1)[-1]:
        name = name.rsplit(":", 1)[0]
    return name


class Daemon(NetworkAPI, ContainerAPI):
    """A Docker Engine's networking, in memory."""

    def __init__(self, engine: str = "28", seed: int = 0, *, host: Optional[HostSpec] = None,
                 config: Optional[DaemonConfig] = None, images: Sequence[Image] = ()) -> None:
        # the constructor's arguments reach every output (and an export): their types are checked
        # first; seed=None is refused, not taken as "random" (a host must be reproducible)
        check_str("engine", engine)
        check_seed(seed)
        check_value("host", host, Optional[HostSpec])
        check_value("config", config, Optional[DaemonConfig])
        check_value("images", images, Sequence[Image])
        for spec in (host, config):
            if spec is not None:
                check_fields(spec, type(spec).__name__)
        self.profile: Profile = get_profile(engine)
        self.seed = seed
        self.rand = Randomness(seed)
        self.journal = Journal(checkpoints=(self.rand.checkpoint,))
        self.host = host or HostSpec()
        self.config = config or DaemonConfig()
        self.images: dict[str, Image] = {}
        for im in DEFAULT_IMAGES.values():
            self.add_image(im)
        for im in images:
            self.add_image(im)
        self.containers: dict[str, Container] = {}
        self.names: dict[str, str] = {}
        self._pid = 1000 + self.rand.randbits(12)
        self.engine_id = self.rand.uuid()
        self.kernel = Kernel(ifindex_policy=self.profile.ifindex_policy, journal=self.journal)
        self._setup_host()
        pools = None
        if self.config.default_address_pools:
            pools = [(parse_prefix(b), s) for b, s in self.config.default_address_pools]
        ula = self._ula_base() if self.profile.ipam_engine == "28" else None
        self.ipam = _make_ipam(self.profile.ipam_engine, pools, ula, self.journal)
        self.firewall = Firewall(self.kernel.host.netfilter, self.profile.firewall, iptables=self.config.iptables,
                                 ip_masq=self.config.ip_masq, icc=self.config.icc,
                                 userland_proxy=self.config.userland_proxy, ipv6=self.config.ipv6)
        self.ports = PortAllocator(last_per_ip=self.profile.name == "20.10", cross_ip=self.profile.name == "28")
        drivers = builtin_drivers(DriverContext(self.kernel, self.profile, self.rand, self.journal), self.firewall)
        self.ctl = Controller(self.kernel, self.profile, self.rand, self.journal, self.ipam, self.ports, drivers,
                              mtu=self.config.mtu)
        self.firewall.daemon_start()
        if not self.config.iptables and self.config.ip_forward:
            # enabling forwarding still sets the FORWARD policy to DROP, rules or not
            self.kernel.host.netfilter.set_policy("filter", "FORWARD", "DROP")
        self._create_predefined()

    # -- boot ----------------------------------------------------------------------------------
    def _setup_host(self) -> None:
        host = self.kernel.host
        eth0 = parse_prefix(self.host.eth0)
        # the recording machines number their links lo=1, ifb0=2, ifb1=3, eth0=4 (28's `bridge link`
        # names a container-side peer index by the host link that has it)
        for name in self.host.extra_links:
            host.add_link(name, "ifb", mtu=1500, mac=self.rand.random_mac(), up=False, carrier=False, txqueuelen=32)
        mac = self.rand.random_mac()
        eth = host.add_link("eth0", "ether", mtu=self.host.mtu, mac=mac, up=True, carrier=True)
        eth.had_carrier = True
        host.add_address("eth0", eth0.addr, eth0.length)
        if self.host.gateway:
            host.routes.insert(0, Route(dst=None, dev="eth0", via=parse_ip(self.host.gateway)))

    def _ula_base(self) -> Prefix:
        sha = hashlib.sha256(self.engine_id.encode()).digest()
        gid = int.from_bytes(sha[:8], "big") & ((1 << 40) - 1)
        return prefix((0xFD << 120) | (gid << 80), 48, 6)

    def _create_predefined(self) -> None:
        p = self.profile
        cfg = self.config
        with self.journal.transaction():
            # host and none first, then the default bridge (as dockerd's controller does)
            for name, driver in (("none", "null"), ("host", "host")):
                net = Network(id=self.rand.object_id(), name=name, driver=driver, created_ns=self.rand.now_ns(),
                              predefined=True, ipam_options=None)
                self.ctl.add_network(net)
                self.ctl.create_network(net)
            opts = {OPT_DEFAULT: "true", OPT_ICC: "true" if cfg.icc else "false",
                    OPT_MASQ: "true" if cfg.ip_masq else "false", OPT_HOST_IP: cfg.ip or "0.0.0.0",
                    OPT_NAME: cfg.bridge or "docker0", OPT_MTU: str(cfg.mtu)}
            net = Network(id=self.rand.object_id(), name="bridge", driver="bridge", created_ns=self.rand.now_ns(),
                          predefined=True, default_bridge=True, options=opts, enable_ipv6=cfg.ipv6)
            self.ctl.configure_network(net)     # the bridge's name, icc, MTU … from the options above
            conf4: dict[str, Any] = {}
            if cfg.bip:
                bip = parse_prefix(cfg.bip)
                conf4 = {"_pool": bip.masked(), "_gateway": bip.addr, "Gateway": str(bip.addr)}
                net.user_ipam = False
            elif p.ipam_engine == "20.10":
                # FindAvailableNetwork: the first default pool clear of the host's routes, as a static pool
                pool = self.ipam.next_pool(v6=False, exclude=self.host_reserved())
                if pool is not None:
                    conf4 = {"_pool": pool}
                net.show_gateway = False
            if cfg.fixed_cidr:
                conf4["_range"] = parse_prefix(cfg.fixed_cidr).masked()
            conf6: list[dict[str, Any]] = []
            if cfg.ipv6 and cfg.fixed_cidr_v6:
                v6net = parse_prefix(cfg.fixed_cidr_v6)
                txt = str(v6net.masked())
                if p.name == "28":   # 28 records it as a preferred pool with the same sub-pool
                    conf6 = [{"_pool": v6net.masked(), "_range": v6net.masked(),
                              "_user": {"Subnet": txt, "IPRange": txt}}]
                else:
                    conf6 = [{"_pool": v6net.masked(), "_user": {"Subnet": txt}}]
            self.ctl.allocate_pools(net, [conf4] if conf4 else [], conf6, exclude=self.host_reserved())
            if cfg.bip:
                net.show_gateway = True
            net.has_user_subnet = bool(cfg.bip or cfg.fixed_cidr or (cfg.ipv6 and cfg.fixed_cidr_v6))
            self.ctl.add_network(net)
            self.ctl.create_network(net)

    # -- images ----------------------------------------------------------------------------------
    @typed
    def add_image(self, image: Image) -> None:
        """Declare an image (its command, EXPOSEd ports and userland), as ``#! image`` does."""
        key = _image_key(image.name)
        if not image.id:
            image.id = hashlib.sha256(("image:" + key).encode()).hexdigest()
        self.images[key] = image

    def image(self, ref: str) -> Image:
        """Any image name is taken as present; unknown ones behave like busybox."""
        key = _image_key(ref)
        im = self.images.get(key)
        if im is None:
            im = Image(key, ("/bin/sh",))
            im.id = hashlib.sha256(("image:" + key).encode()).hexdigest()
        return im

    def next_pid(self) -> int:
        old = self._pid
        self.journal.record(lambda: setattr(self, "_pid", old))
        self._pid += 1 + self.rand.randbits(5)
        return self._pid

    # -- inspect ---------------------------------------------------------------------------------
    @typed
    def network_inspect(self, term: str) -> dict[str, Any]:
        """The ``docker network inspect`` document of one network."""
        return network_document(self, self.ctl.find_network(term))

    @typed
    def container_inspect(self, term: str) -> dict[str, Any]:
        """The ``docker inspect`` document of one container."""
        return container_document(self, self.find_container(term))

    # -- convenience: docker run ------------------------------------------------------------------
    @typed
    def run(self, image: str = "busybox", name: str = "", **kw: Any) -> str:
        """``docker run -d``: create then start; returns the container ID.

        >>> from dockernet_sim import DockerHost
        >>> h = DockerHost(engine="20.10")
        >>> cid = h.run("busybox", name="c1")
        >>> h.container_inspect("c1")["NetworkSettings"]["IPAddress"]
        '172.17.0.2'
        """
        networks = kw.pop("networks", None)
        spec = ContainerSpec(image=image, name=name, **kw)
        if networks:
            spec.networks = {n: (e if isinstance(e, EndpointSpec) else EndpointSpec(**e)) for n, e in networks.items()}
        # two calls that stand on their own (a failed start leaves the container created), but
        # one interrupt takes back both
        with self.journal.transaction(keep=(DockerError,)):
            cid, _ = self.container_create(spec)
            self.container_start(cid)
        return cid

    # -- state for tests ---------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """A complete, comparable snapshot of the host (for tests; cost grows with the host)."""
        k = self.kernel
        nss = {}
        for name, ns in k.namespaces.items():
            nss[name] = {
                "links": [(l.index, l.name, l.kind, l.mtu, l.mac, l.up, l.carrier,
                           tuple((str(a.ip), a.prefixlen) for a in l.addresses),
                           l.master.name if l.master else None, l.peer.name if l.peer else None)
                          for l in ns.sorted_links()],
                "routes": [(str(r.dst) if r.dst else None, r.dev, str(r.via) if r.via else None, r.scope)
                           for r in ns.routes],
                "netfilter": ns.netfilter.state(),
            }
        nets = {}
        for n in self.ctl.networks.values():
            nets[n.id] = (n.name, tuple((ps.pool_id, str(ps.pool), str(ps.gateway)) for ps in n.pools4 + n.pools6),
                          tuple(sorted(n.endpoints)))
        ctrs = {}
        for c in self.containers.values():
            ctrs[c.id] = (c.name, c.status, c.network_mode, tuple(
                (n, es.network_id, es.endpoint.id if es.endpoint else None) for n, es in c.networks.items()),
                c.sandbox.id if c.sandbox else None, repr(sorted(c.ports_published.items())))
        ipam_state = self.ipam.state() if hasattr(self.ipam, "state") else None
        return {"namespaces": nss, "networks": nets, "containers": ctrs, "names": dict(self.names),
                "ports": self.ports.state(), "ipam": ipam_state, "sandboxes": sorted(self.ctl.sandboxes),
                "drivers": {name: d.state() for name, d in self.ctl.drivers.items()}}


def _make_ipam(engine: str, pools: Optional[list[tuple[Prefix, int]]], ula: Optional[Prefix],
               journal: Journal) -> Ipam:
    params = _inspect.signature(Ipam).parameters
    kw: dict[str, Any] = {"engine": engine, "default_pools": pools, "journal": journal}
    if "ula_base" in params:
        kw["ula_base"] = ula
    return Ipam(**kw)
