"""The Engine API's network endpoints: create, remove, prune, and the predefined networks.

Validation happens in the order each engine checks (see ipam-spec §3.1): 20.10 refuses a
duplicate name before it parses the IPAM config; 28 validates the IPAM config first
(``invalid network config:`` + one line per problem) and only then looks at the name.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence, Union

from ..addr import AddrError, IP, Prefix, parse_ip, parse_prefix
from ..engines.profile import Profile
from ..errors import Conflict, Forbidden, InvalidParameter, NotFound, SystemError_
from ..ids import Randomness
from ..journal import Journal
from ..kernel import Kernel
from ..libnetwork.controller import Controller
from ..libnetwork.model import IpamRequest, Network
from ..values import go_trim_space
from .config import DaemonConfig, HostSpec
from .container import Container
from .events import Emitter

PREDEFINED = ("bridge", "host", "none", "default")


def validate_ipam_28(configs: Sequence[dict[str, Any]]) -> list[str]:
    """Docker 25+'s ValidateIPAM: every problem with the user's IPAM config, in order."""
    errs: list[str] = []
    for cfg in configs:
        sub_txt = cfg.get("Subnet", "")
        try:
            sub = parse_prefix(sub_txt)
        except AddrError:
            errs.append(f"invalid subnet {sub_txt}: invalid CIDR block notation")
            continue
        if sub.has_host_bits:
            errs.append(f"invalid subnet {sub_txt}: it should be {sub.masked()}")
            continue
        rng_txt = cfg.get("IPRange", "")
        if rng_txt:
            try:
                rng = parse_prefix(rng_txt)
                if rng.length < sub.length:
                    errs.append(f"invalid ip-range {rng_txt}: CIDR block is bigger than its parent subnet {sub_txt}")
                elif rng.has_host_bits:
                    errs.append(f"invalid ip-range {rng_txt}: it should be {rng.masked()}")
                elif not sub.contains(rng):
                    errs.append(f"invalid ip-range {rng_txt}: parent subnet {sub_txt} doesn't contain ip-range")
            except AddrError:
                errs.append(f"invalid ip-range {rng_txt}: invalid CIDR block notation")
        gw_txt = cfg.get("Gateway", "")
        if gw_txt:
            try:
                gw = parse_ip(gw_txt)
                if not sub.contains(gw):
                    errs.append(f"invalid gateway {gw_txt}: parent subnet {sub_txt} doesn't contain this address")
            except AddrError:
                errs.append(f"invalid gateway {gw_txt}: invalid address")
        for k, v in (cfg.get("AuxiliaryAddresses") or {}).items():
            try:
                a = parse_ip(v)
                if not sub.contains(a):
                    errs.append(f"invalid auxiliary address {k}: parent subnet {sub_txt} doesn't contain this address")
            except AddrError:
                errs.append(f"invalid auxiliary address {k}: invalid address")
    return errs


def multi_error(head: str, errs: list[str]) -> str:
    if len(errs) == 1:
        return f"{head}\n{errs[0]}"
    return head + "\n" + "\n".join(f"* {e}" for e in errs)


class NetworkService:
    """The daemon's /networks endpoints, over libnetwork's controller."""

    def __init__(self, profile: Profile, rand: Randomness, journal: Journal, kernel: Kernel, ctl: Controller,
                 host: HostSpec, containers: dict[str, Container], events: Emitter) -> None:
        self.profile = profile
        self.events = events
        self.rand = rand
        self.journal = journal
        self.kernel = kernel
        self.ctl = ctl
        self.host = host
        self.containers = containers
        self.config: Optional[DaemonConfig] = None     # the daemon's flags (set by the Daemon)

    # -- create ------------------------------------------------------------------------------
    def network_create(self, name: str, *, driver: str = "bridge", options: Optional[dict[str, str]] = None,
                       ipam_config: Sequence[dict[str, Union[str, dict[str, str]]]] = (),
                       ipam_driver: str = "default",
                       ipam_options: Optional[dict[str, str]] = None, internal: bool = False,
                       attachable: bool = False, labels: Optional[dict[str, str]] = None,
                       enable_ipv6: Optional[bool] = None, enable_ipv4: Optional[bool] = None,
                       check_duplicate: bool = True, scope: str = "",
                       config_only: bool = False, config_from: str = "", ingress: bool = False) -> str:
        """Create a network (POST /networks/create) and return its ID.

        >>> from dockernet_sim import DockerHost
        >>> h = DockerHost(engine="28")
        >>> nid = h.network_create("nasanet", ipam_config=[{"Subnet": "172.18.0.0/16", "Gateway": "172.18.0.1"}])
        >>> h.network_inspect("nasanet")["IPAM"]["Config"]
        [{'Subnet': '172.18.0.0/16', 'Gateway': '172.18.0.1'}]
        """
        with self.journal.transaction():
            return self._network_create(name, driver, dict(options or {}), list(ipam_config), ipam_driver,
                                        ipam_options, internal, attachable, dict(labels or {}), enable_ipv6,
                                        check_duplicate, scope, config_only, config_from, ingress,
                                        enable_ipv4)

    def _network_create(self, name: str, driver: str, options: dict[str, str],
                        ipam_config: list[dict[str, Any]], ipam_driver: str, ipam_options: Optional[dict[str, str]],
                        internal: bool, attachable: bool, labels: dict[str, str], enable_ipv6: Optional[bool],
                        check_duplicate: bool, scope: str = "", config_only: bool = False, config_from: str = "",
                        ingress: bool = False, enable_ipv4: Optional[bool] = None) -> str:
        p = self.profile
        if name in PREDEFINED:
            raise Forbidden(f"operation is not permitted on predefined {name} network")
        if not go_trim_space(name):     # recorded: r120_odd_names, api r121 (tabs, newlines, spaces)
            raise InvalidParameter(p.messages.network_name_empty.format(name=name))
        # EnableIPv4 (API 1.48): an older daemon does not know the field, so IPv4 stays on
        v4 = enable_ipv4 is not False or not p.network_ipv4_optional
        if p.ipam.check_config_up_front:
            errs = validate_ipam_28(ipam_config)
            if errs:
                raise InvalidParameter(multi_error("invalid network config:", errs))
        if check_duplicate and self.ctl.network_by_name(name) is not None:
            if p.duplicate_network_is_conflict:
                raise Conflict(f"network with name {name} already exists")
            raise Forbidden(f"network with name {name} already exists")
        if scope in ("swarm", "global"):
            raise Forbidden("cannot create a swarm scoped network when swarm is not active")
        if ingress:
            raise Forbidden("Ingress network can only be global scope network")
        if driver == "overlay":
            raise SystemError_('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" '
                               'to connect this node to swarm and try again.')
        if not self.ctl.has_driver(driver):
            raise NotFound(f'plugin "{driver}" not found')
        from_net: Optional[Network] = None
        if config_from:
            from_net = self.ctl.find_network(config_from)
            if not from_net.config_only:
                raise Forbidden(f"network {config_from} is not a configuration-only network")
            ipam_config = [dict(c) for c in from_net.display_only]
            options = dict(from_net.options)
        # parse the IPAM config the way the daemon does (20.10: getIpamConfig's messages)
        configs4: list[IpamRequest] = []
        configs6: list[IpamRequest] = []
        for cfg in ipam_config:
            sub_txt = cfg.get("Subnet", "")
            try:
                sub = parse_prefix(sub_txt)
            except AddrError as e:
                raise InvalidParameter(f"Invalid subnet {sub_txt} : {e}") from None
            rng = parse_prefix(cfg["IPRange"]) if cfg.get("IPRange") else None
            gw: Optional[IP] = None
            if cfg.get("Gateway"):
                try:
                    gw = parse_ip(cfg["Gateway"])
                except AddrError:
                    raise InvalidParameter(f"invalid gateway address {cfg['Gateway']} in Ipam configuration") from None
                if not sub.contains(gw):
                    raise SystemError_(f"failed to allocate gateway ({cfg['Gateway']}): "
                                       + p.ipam.messages["out_of_range"])
            aux: list[tuple[str, IP]] = []
            for k, v in (cfg.get("AuxiliaryAddresses") or {}).items():
                try:
                    aux.append((k, parse_ip(v)))
                except AddrError:
                    raise InvalidParameter(f"non parsable secondary ip address ({k}:{v}) passed for network {name}") from None
            entry = IpamRequest(pool=sub, sub_pool=rng, gateway=gw, gateway_text=cfg.get("Gateway", ""),
                                aux=tuple(aux), user_config=cfg)
            (configs6 if sub.version == 6 else configs4).append(entry)
        v6 = bool(enable_ipv6) if enable_ipv6 is not None else False
        shown4: list[dict[str, Any]] = []
        if not v4:
            # an IPv6-only network: the IPv4 subnets given are shown by inspect, never allocated
            # (r232: v6c, v6d), as an IPv6 subnet without --ipv6 is
            shown4 = [dict(c.user_config or {}) for c in configs4]
            configs4 = []
        net = Network(id=self.rand.object_id(), name=name, driver=driver, created_ns=self.rand.now_ns(),
                      internal=internal, attachable=attachable, enable_ipv4=v4, enable_ipv6=v6, labels=labels,
                      options=dict(options), ipam_driver=ipam_driver or "default",
                      ipam_options=None if ipam_options is None else dict(ipam_options), user_ipam=bool(ipam_config))
        net.has_user_subnet = bool(ipam_config)
        if config_only:
            # a configuration-only network holds settings for others: no pools, no device, and
            # no driver reads its options (r130: bridge options and several subnets are accepted)
            net.driver = "null"
            net.config_only = True
            net.display_only = [dict(c.user_config or {}) for c in configs4 + configs6]
            self.ctl.add_network(net)
            self.events.network(net.id, net.name, net.driver, "create")
            return net.id
        if from_net is not None:
            net.config_from = from_net.name
        # the driver's own options: the bridge's name, icc, MTU …; macvlan's parent and mode
        self.ctl.configure_network(net)
        if configs6 and not v6:
            # an IPv6 subnet without --ipv6: shown in inspect, never allocated (r130: any driver)
            net.display_only = [dict(c.user_config or {}) for c in configs6]
            configs6 = []
        net.display_only = shown4 + net.display_only
        if not p.ipam.ula_default and v6 and not configs6:
            # 20.10 has no IPv6 default pool: the v4 pool is taken (and the rotation moves) first
            self.ctl.allocate_pools(net, configs4, [], exclude=self.host_reserved())
            raise Forbidden("could not find an available, non-overlapping IPv6 address pool among the "
                            "defaults to assign to the network")
        self.ctl.allocate_pools(net, configs4, configs6, exclude=self.host_reserved())
        self.ctl.add_network(net)
        self.ctl.create_network(net)
        self.events.network(net.id, net.name, net.driver, "create")
        if net.driver == "bridge" and p.forwarding_at_network_create and self.config is not None:
            self._forwarding_back_on()
        return net.id

    def _forwarding_back_on(self) -> None:
        """28's bridge driver checks ``ip_forward`` on each network it makes (setupIPv4Forwarding,
        r280): a user's ``sysctl -w net.ipv4.ip_forward=0`` is undone, and as at start-up the
        filter table's FORWARD policy becomes DROP when dockerd had to turn forwarding on."""
        config, host = self.config, self.kernel.host
        assert config is not None
        written = host.sysctl
        if not config.ip_forward or "0" not in (written.get("net.ipv4.ip_forward"),
                                                written.get("net.ipv4.conf.all.forwarding")):
            return       # (forwarding as dockerd left it: the tree's module stays unloaded, issue 15)
        from ..kernel import sysctl as tree
        tree.write(host, "net.ipv4.ip_forward", "1", self.journal)
        if config.iptables:
            chain = host.netfilter.chain("filter", "FORWARD")
            old = chain.policy
            self.journal.record(lambda: setattr(chain, "policy", old))
            chain.policy = "DROP"

    def host_reserved(self) -> list[Prefix]:
        """What Docker's dynamic pool choice avoids: on-link host routes and the host's nameservers."""
        out: list[Prefix] = []
        for r in self.kernel.host.routes:
            if r.dst is not None and r.scope == "link" and r.dst.version == 4:
                out.append(r.dst)
        for ns in self.host.nameservers:
            try:
                a = parse_ip(ns)
            except AddrError:
                continue
            out.append(parse_prefix(f"{a}/{32 if a.version == 4 else 128}"))
        return out

    # -- remove ------------------------------------------------------------------------------
    def network_remove(self, term: str) -> None:
        """Remove a network (DELETE /networks/{id})."""
        with self.journal.transaction():
            net = self.ctl.find_network(term)
            if net.predefined:
                raise Forbidden(f"{net.name} is a pre-defined network and cannot be removed")
            if net.endpoints:
                eps = ", ".join(f'name:"{ep.name}" id:"{ep.id[:12]}"' for ep in net.endpoints.values())
                raise Forbidden(self.profile.messages.network_has_endpoints.format(name=net.name, id=net.id, eps=eps))
            self.ctl.delete_network(net)
            self.events.network(net.id, net.name, net.driver, "destroy")

    def networks_prune(self, filters: Sequence[str] = ()) -> list[str]:
        """Remove every user network no container uses; return their names (POST /networks/prune).

        ``filters`` are ``key=value`` strings: ``label=…``, ``label!=…`` and ``until=…`` (a
        timestamp or a Go duration)."""
        labels, until_ns = prune_filters(filters, self.profile, self.rand.peek_ns())
        removed: list[str] = []
        with self.journal.transaction():
            for net in list(self.ctl.networks.values()):
                if net.predefined or net.endpoints:
                    continue
                if any(c.running and net.name in c.networks for c in self.containers.values()):
                    continue
                if not labels_match(net.labels, labels):
                    continue
                if until_ns is not None and net.created_ns >= until_ns:
                    continue
                self.ctl.delete_network(net)
                self.events.network(net.id, net.name, net.driver, "destroy")
                removed.append(net.name)
        return removed

    def network_list(self) -> list[Network]:
        return list(self.ctl.networks.values())

    def network_get(self, term: str) -> Network:
        return self.ctl.find_network(term)


def parse_timestamp(v: str, now_ns: int) -> int:
    """Docker's timetypes.GetTimestamp then ParseTimestamps (api/types/time), in nanoseconds:
    a Go duration before now (not "0"); else a date read with the layout its shape implies (in
    the daemon's zone, UTC here, unless it carries Z, + or three dashes); else, when the value
    has no "-", Unix seconds[.nanoseconds]. A date that fails gives Go's time.Parse error
    (``parsing time "9999-99-99": month out of range``, r150_bounded_inputs)."""
    from ..golang.gotime import GoTimeError, parse_duration, parse_time     # a filter's first use loads it (issue 15)
    try:
        if v != "0":
            return now_ns - parse_duration(v)
    except GoTimeError:
        pass
    in_location = not (any(ch in v for ch in "zZ+") or v.count("-") == 3)
    if "." in v:
        layout = "2006-01-02T15:04:05.999999999" + ("" if in_location else "Z07:00")
    elif "T" in v:
        colons = v.count(":")
        if not in_location and not any(ch in v for ch in "zZ") and colons > 0:
            colons -= 1
        layout = ("2006-01-02T15", "2006-01-02T15:04", "2006-01-02T15:04:05")[min(colons, 2)]
        if not in_location:
            layout = layout + "Z07:00"
    else:
        layout = "2006-01-02" + ("" if in_location else "Z07:00")
    try:
        sec, nsec = parse_time(layout, v)
        return sec * 1_000_000_000 + nsec
    except GoTimeError as e:
        if "-" in v:
            raise InvalidParameter(str(e)) from None
    whole, dot, frac = v.partition(".")
    if _is_go_int64(whole) and (not dot or _is_go_int64(frac)):
        return int(whole) * 1_000_000_000 + (int(frac[:9].ljust(9, "0")) if dot and frac.isdigit() else 0)
    raise InvalidParameter(f'failed to parse value as time or duration: "{v}"')


def _is_go_int64(s: str) -> bool:
    """strconv.ParseInt(s, 10, 64) succeeds."""
    digits = s[1:] if s[:1] in "+-" else s
    return digits.isdigit() and digits.isascii() and -(1 << 63) <= int(s) < (1 << 63)


def prune_filters(filters: Sequence[str], profile: Profile, now_ns: int) -> tuple[list[str], Optional[int]]:
    """A prune's filters (``label=…``, ``label!=…``, ``until=…``: a timestamp or a Go
    duration), the same for networks and containers: the label tests (``!`` before a
    negated one) and the time bound; another key is the engine's ``invalid filter``."""
    labels: list[str] = []
    until_ns: Optional[int] = None
    for f in filters:
        k, eq, v = f.partition("=")
        if k == "label!":
            labels.append("!" + v)
        elif k == "label":
            labels.append(v)
        elif k == "until":
            until_ns = parse_timestamp(v, now_ns)
        else:
            raise InvalidParameter(profile.messages.invalid_filter.format(filter=k))
    return labels, until_ns


def labels_match(labels: dict[str, str], filters: Sequence[str]) -> bool:
    for f in filters:
        neg = f.startswith("!")
        k, eq, v = f.lstrip("!").partition("=")
        has = k in labels and (not eq or labels[k] == v)
        if has == neg:
            return False
    return True
