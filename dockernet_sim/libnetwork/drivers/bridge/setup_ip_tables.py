"""Engine 20.10's (and 26's) bridge firewall layout: the vendored libnetwork's
``drivers/bridge/setup_ip_tables.go``, ``link.go`` and ``iptables.ChainInfo.Forward`` —
per-network rules straight in ``FORWARD``, isolation chains that end in ``RETURN``, a hairpin
``MASQUERADE`` per published port.

One of :class:`~.firewall.Firewall`'s two layouts (the profile's ``firewall``), kept apart so a
host of engine 28 never loads it (issue 15); the rule helpers and chain names are
``firewall``'s. Checked against the same transcripts (tests/golden: s07 ports, r24 icc/internal,
r25 bridge options, r28 ports across restarts, r38-r43 daemon flags).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....addr import IP, Prefix, parse_ip
from ....engines import FirewallLayout
from .firewall import (DOCKER, DOCKER_USER, ISO1, ISO2, _CP, _CT_ACCEPT, _HP, _LOCAL_DST, _LOOPBACK, BridgeRules,
                       PortMapping, _Tracked, _each, _host, _hostport, _jump_to_top, _masquerade, _put, _spec)

if TYPE_CHECKING:
    from .firewall import Firewall

__all__ = ["Iptables2010"]


class Iptables2010:
    """Engine 20.10: vendored libnetwork's drivers/bridge/setup_ip_tables.go and iptables.go."""

    def __init__(self, fw: Firewall) -> None:
        self.fw = fw

    def start(self) -> None:
        fw = self.fw
        for _, nf in fw.families():
            # setupIPChains: the chains, and isolation chains that end in RETURN.
            nf.ensure_chain("nat", DOCKER)
            for chain in (DOCKER, ISO1, ISO2):
                nf.ensure_chain("filter", chain)
            nf.ensure_append("filter", ISO1, "-j RETURN")
            nf.ensure_append("filter", ISO2, "-j RETURN")
        nf4 = fw.table(4)
        if fw.forward_drop and nf4 is not None:
            nf4.set_policy("filter", "FORWARD", "DROP")
        nf6 = fw.table(6)
        if nf6 is not None:
            # from source, not yet recorded: setupIPForwarding drops IPv6 FORWARD unconditionally.
            nf6.set_policy("filter", "FORWARD", "DROP")
        # The controller creates the host and none networks at start: arrangeUserFilterRule.
        self.user_chain()

    def user_chain(self) -> None:
        """arrangeUserFilterRule (IPv4 only in 20.10, both families in 26: r284), run after every
        network create."""
        versions = (4, 6) if self.fw.layout is FirewallLayout.CLASSIC_USER6 else (4,)
        for version in versions:
            nf = self.fw.table(version)
            if nf is None:
                continue
            nf.ensure_chain("filter", DOCKER_USER)
            nf.ensure_append("filter", DOCKER_USER, "-j RETURN")
            _jump_to_top(nf, "FORWARD", DOCKER_USER)

    def network(self, b: BridgeRules, enable: bool) -> None:
        fw = self.fw
        for version, nf in fw.families():
            prefix = b.prefix(version)
            if prefix is not None:
                self.setup(nf, version, b, prefix, enable)
        if not b.internal:
            # isolateNetwork: ip6tables first (for every network when it is on), then iptables.
            for version in (6, 4):
                nf = fw.table(version)
                if nf is not None:
                    _put(nf, "filter", ISO1, _spec(ISO2, i=b.bridge, o="!" + b.bridge), "I", enable)
                    _put(nf, "filter", ISO2, _spec("DROP", o=b.bridge), "I", enable)
        if enable:
            self.user_chain()

    def setup(self, nf: _Tracked, version: int, b: BridgeRules, prefix: Prefix, enable: bool) -> None:
        fw, br = self.fw, b.bridge
        icc = fw.network_icc(b)
        if b.internal:
            _put(nf, "filter", ISO1, _spec("DROP", d="!" + str(prefix), i=br), "I", enable)
            _put(nf, "filter", ISO1, _spec("DROP", s="!" + str(prefix), o=br), "I", enable)
            self.set_icc(nf, br, icc, enable)
        else:
            nat_rule, hairpin_rule = _masquerade(b, version, prefix)
            if fw.network_masquerade(b):
                _put(nf, "nat", "POSTROUTING", nat_rule, "I", enable)
                if not fw.hairpin:
                    _put(nf, "nat", DOCKER, _spec("RETURN", i=br), "I", enable)
            if fw.hairpin:
                _put(nf, "nat", "POSTROUTING", hairpin_rule, "I", enable)
            self.set_icc(nf, br, icc, enable)
            _put(nf, "filter", "FORWARD", _spec("ACCEPT", i=br, o="!" + br), "I", enable)
            if enable:
                # ProgramChain(natChain): added once, never taken away.
                nf.ensure_append("nat", "PREROUTING", _spec(DOCKER, m=_LOCAL_DST))
                loop = "" if fw.hairpin else "!" + _LOOPBACK[version]
                nf.ensure_append("nat", "OUTPUT", _spec(DOCKER, d=loop, m=_LOCAL_DST))
            _put(nf, "filter", "FORWARD", _spec(DOCKER, o=br), "I", enable)
            _put(nf, "filter", "FORWARD", _spec("ACCEPT", o=br, m=_CT_ACCEPT), "I", enable)
        if enable:
            _jump_to_top(nf, "FORWARD", ISO1)

    @staticmethod
    def set_icc(nf: _Tracked, br: str, icc: bool, enable: bool) -> None:
        accept = _spec("ACCEPT", i=br, o=br)
        drop = _spec("DROP", i=br, o=br)
        if not enable:
            nf.delete("filter", "FORWARD", accept if icc else drop)
        elif icc:
            nf.delete("filter", "FORWARD", drop)
            nf.ensure_insert("filter", "FORWARD", accept)
        else:
            nf.delete("filter", "FORWARD", accept)
            nf.ensure_append("filter", "FORWARD", drop)

    def port(self, b: BridgeRules, pb: PortMapping, enable: bool) -> None:
        # The v4 port mapper always has the nat chain; the v6 one only on IPv6 networks with
        # ip6tables (setupIP6Tables sets it); never on internal networks.
        host = parse_ip(pb.host_ip)
        nf = self.fw.table(host.version)
        if nf is None or b.internal or b.prefix(host.version) is None:
            return
        cip = pb.container_ip
        if cip.version != host.version:
            return                      # [::] to an IPv4 container: docker-proxy only
        br, proto, pairs = b.bridge, pb.proto, pb.pairs()
        # ChainInfo.Forward: DNAT, ACCEPT, hairpin MASQUERADE, all appended.
        dnat = _spec(f"DNAT --to-destination {_hostport(cip, _CP)}",
                     d="" if host.value == 0 else _host(host),
                     i="" if self.fw.hairpin else "!" + br, p=proto, dport=_HP)
        nf.put_all("nat", DOCKER, _each(dnat, pairs), "A", enable)
        nf.put_all("filter", DOCKER, _each(_spec("ACCEPT", d=_host(cip), i="!" + br, o=br, p=proto, dport=_CP),
                                           pairs), "A", enable)
        nf.put_all("nat", "POSTROUTING",
                   _each(_spec("MASQUERADE", s=_host(cip), d=_host(cip), p=proto, dport=_CP), pairs), "A", enable)
        if proto == "sctp":
            # from source, not yet recorded
            nf.put_all("mangle", "POSTROUTING", _each(_spec("CHECKSUM --checksum-fill", p=proto, sport=_CP), pairs),
                       "A", enable)

    def endpoint(self, b: BridgeRules, ips: list[IP], enable: bool) -> None:
        """20.10 programs nothing per endpoint."""
