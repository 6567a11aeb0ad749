"""Checking a container's per-network settings (``--ip``, ``--ip6``, ``--alias``) against a network.

moby's ``validateEndpointSettings`` (and, before 25, the checks libnetwork made at start): 28
validates at create and reports every problem (``invalid endpoint settings:`` + one per line),
20.10 at start and only the first one; see ``Profile.validate_endpoint_at_create``.
"""

from __future__ import annotations

from typing import Optional

from ..addr import AddrError, parse_ip
from ..engines.profile import Profile
from ..libnetwork.model import Network
from .container import EndpointSettings
from .specs import EndpointSpec


def endpoint_config_errors(profile: Profile, net: Optional[Network], nname: str,
                           es: "EndpointSpec | EndpointSettings", at_create: bool) -> list[str]:
    """validateEndpointSettings: what is wrong with --ip/--ip6/--alias for this network."""
    errs: list[str] = []
    ipv4 = es.ipv4
    ipv6 = es.ipv6
    bad: set[str] = set()
    for text, fam in ((ipv4, 4), (ipv6, 6)):
        if not text:
            continue
        try:
            if parse_ip(text).version != fam:
                raise AddrError("")
        except AddrError:
            if not profile.validate_endpoint_at_create:
                return [f"invalid IPv{fam} address: {text}"]
            # 28 reports every problem: the bad text also lies in no configured subnet
            errs.append(f"invalid IPv{fam} address: {text}")
            bad.add(text)
    if net is None:
        return errs
    if ipv4 or ipv6:
        if net.predefined:
            errs.append("user specified IP address is supported on user defined networks only")
        fams = {4 if ipv4 else 0, 6 if ipv6 else 0} - {0}
        if not net.has_user_subnet or any(not _user_subnet(net, f) for f in fams):
            errs.append("user specified IP address is supported only when connecting to networks with user "
                        "configured subnets")
        elif profile.validate_endpoint_at_create:
            for text, pools in ((ipv4, net.pools4), (ipv6, net.pools6)):
                if text:
                    if text in bad or not any(ps.pool.contains(parse_ip(text)) for ps in pools):
                        errs.append(f"no configured subnet or ip-range contain the IP address {text}")
    if es.aliases and net.predefined:
        errs.append("network-scoped alias is supported only for containers in user defined networks")
    return errs


def _user_subnet(net: Network, family: int) -> bool:
    """Whether the user configured a subnet of this family (a --bip/--fixed-cidr bridge counts)."""
    if net.default_bridge:
        return bool(net.pools6 if family == 6 else net.pools4)
    pools = net.pools6 if family == 6 else net.pools4
    return any(ps.user_config is not None for ps in pools)
