"""A sentence a student understands beside the rule that decided a trace.

The verdict and the deciding hop are kernel facts (a rule as ``iptables -S`` prints it, a route,
an ARP miss, a socket table); this module says what they mean in Docker's terms. The rules named
here are the ones the daemon programs (recorded in ``tests/golden``: DOCKER-ISOLATION-STAGE-1/2
and the internal network's ``! -s SUBNET -o BRIDGE -j DROP`` in 20.10 and 28, 28's
``-t raw -A PREROUTING -d IP ! -i BRIDGE -j DROP``, ``--icc=false``'s ``-i BR -o BR -j DROP``; 28's
gateway modes: a routed bridge's per-port and ICMP ACCEPTs in ``DOCKER``, nat-unprotected's
``! -i BR -o BR -j ACCEPT``, r230 and r231).
"""

from __future__ import annotations

import re
from typing import Any

# the sentences, in one place
NO_DNS_DEFAULT_BRIDGE = ("the default bridge has no DNS: container names only resolve on user-defined networks, "
                         "or through --link")
NAME_UNKNOWN = ("the name does not resolve: 127.0.0.11 answers only for containers on {src}'s own networks "
                "and passes every other name to the outside resolver, which does not know it")
NAME_UNKNOWN_HOSTS = "the name does not resolve: neither /etc/hosts nor the nameservers in resolv.conf know it"
RAW_DROP_28 = ("Docker 28 drops packets for a container that do not arrive through its own network's bridge: "
               "containers on different networks are isolated")
RAW_DROP_OUTSIDE = ("Docker 28 drops packets for a container that do not arrive through its own network's "
                    "bridge: from outside the host, only published ports (-p) lead into a container")
ISOLATION = ("Docker isolates networks from each other (DOCKER-ISOLATION chains): containers on different "
             "networks are isolated unless one is connected to the other's network")
INTERNAL = "an --internal network has no way in or out: only containers on the same network reach each other"
ICC_OFF = ("inter-container communication is off on this bridge (--icc=false or enable_icc=false): containers "
           "on it cannot talk to each other, only to published ports")
FORWARD_POLICY = ("Docker sets the FORWARD policy to DROP and accepts only what its rules allow: from outside "
                  "the host, only published ports (-p) lead into a container")
NO_ROUTE = "{src} has no route to {dst}: no entry of its routing table (ip route) covers that address"
NO_ROUTE_LOOPBACK = ("{src} has no route to {dst}: it has only its loopback interface (--network none, or "
                     "disconnected from every network)")
NO_ROUTE_NO_GATEWAY = ("{src} has no route to {dst}: an --internal network gives its containers no default "
                       "gateway, so they reach only addresses on their own networks")
NO_ROUTE_BACK = ("the reply cannot come back: without masquerading (--ip-masq=false, or a network whose "
                 "gateway mode is routed) the outside sees the container's private address, which it has no "
                 "route to; a routed network needs a route to its subnet via this host on the outside's router")
ROUTED_IN = ("no NAT on the way: the network's gateway mode is routed (com.docker.network.bridge.gateway_mode_ipv4"
             "=routed or _ipv6), so the outside reaches the container at its own address and port, which the "
             "DOCKER chain accepts for published ports and ICMP; the outside needs a route to the network's subnet "
             "via this host")
UNPROTECTED_IN = ("no NAT on the way: the network's gateway mode is nat-unprotected, so the DOCKER chain accepts "
                  "anything for the bridge: every port of every container on it is open to whoever can route to "
                  "its subnet, published or not")
REFUSED = ("the packet arrives, but nothing in {dst} listens on {what}, so the kernel answers with "
           "{answer}: connection refused. Publishing or exposing a port opens a path, not a server")
REFUSED_OUTSIDE = "the packet reaches the outside host, but nothing there listens on {what}"
UNREACHABLE = "nobody on the link answers ARP for {dst}: no interface there holds that address"
NO_ADDRESS = "{why}"
REACHABLE = "the packet and its reply both get through"
PAUSED_ICMP = ("{name} is paused (docker pause): its processes are frozen, but the kernel answers ping for it, "
               "so a ping proves the path, not that the container works")
PAUSED_TCP = ("{name} is paused (docker pause): the kernel completes the TCP handshake from the listening "
              "socket's backlog, but the frozen process never reads the request, so a client waits until it "
              "gives up; docker unpause {name} lets it answer")
PAUSED_UDP = ("{name} is paused (docker pause): the datagram reaches its socket, but the frozen process never "
              "reads it; docker unpause {name} lets it answer")
REACHABLE_LOCAL = ("{dst} is an address of {src}'s own network namespace (the same container, or one sharing "
                   "it with --network container:): the packet loops back through lo and never reaches a wire")
POLICY = "no rule accepted the packet and the chain's policy drops it"
RULE = "a firewall rule drops the packet"

_RAW = re.compile(r"^-t raw -A PREROUTING -d \S+ ! -i \S+ -j DROP")
_INTERNAL = re.compile(r"DOCKER-ISOLATION-STAGE-1 ! -[sd] \S+ -[oi] \S+ -j DROP|DOCKER-INTERNAL")
_ICC = re.compile(r"-A \S+ -i (\S+) -o \1 -j DROP")
# the DOCKER chain's ACCEPTs for a bridge in a routed gateway mode (per port, and ICMP) and in
# nat-unprotected (the whole bridge), as 28 programs them (recorded: r230, r231)
_ROUTED_ACCEPT = re.compile(r"^-A DOCKER (-d \S+ ! -i (\S+) -o \2 -p \S+ -m \S+ --dport \d+|-o \S+ -p (icmp|ipv6-icmp)) "
                            r"-j ACCEPT  -> ACCEPT$")
_UNPROTECTED_ACCEPT = re.compile(r"^-A DOCKER ! -i (\S+) -o \1 -j ACCEPT  -> ACCEPT$")


def _direct_in(t: Any) -> str:
    """The lesson of a request from the outside that reached a container without DNAT, by the
    rule that let it in ("" when it went another way)."""
    if t.src != "outside" or any("-j DNAT" in h.text for h in t.hops):
        return ""
    for h in t.hops:
        if h.phase != "request":
            continue
        if _ROUTED_ACCEPT.match(h.text):
            return ROUTED_IN
        if _UNPROTECTED_ACCEPT.match(h.text):
            return UNPROTECTED_IN
    return ""


def lesson(t: Any) -> str:
    """The sentence for trace ``t`` (a :class:`~dockernet_sim.query.Trace`)."""
    v = t.verdict
    if v == "reachable":
        if t.paused:
            return {"icmp": PAUSED_ICMP, "udp": PAUSED_UDP}.get(t.proto, PAUSED_TCP).format(name=t.paused)
        if any(h.text.endswith("looped back through lo") for h in t.hops):
            return REACHABLE_LOCAL.format(src=t.src, dst=t.dst_ip or t.dst)
        return _direct_in(t) or REACHABLE
    if v == "bad address":
        if t.no_embedded_dns:
            return NO_DNS_DEFAULT_BRIDGE
        return NAME_UNKNOWN.format(src=t.src) if "127.0.0.11" in t.reason else NAME_UNKNOWN_HOSTS
    if v == "no address":
        return NO_ADDRESS.format(why=t.reason)
    if v == "no route":
        how = t.decided_by()
        sentence = (NO_ROUTE_LOOPBACK if how.endswith("has only lo)") else
                    NO_ROUTE_NO_GATEWAY if how.endswith("no default route)") else NO_ROUTE)
        return sentence.format(src=t.src, dst=t.dst_ip or t.dst)
    if v == "unreachable":
        return UNREACHABLE.format(dst=t.dst_ip or t.dst)
    if v == "refused":
        what = f"{t.proto}/{t.port}" if t.port else t.proto
        if t.hops and t.hops[-1].where == "outside":
            return REFUSED_OUTSIDE.format(what=what)
        answer = "a TCP reset (RST)" if t.proto == "tcp" else "an ICMP port unreachable"
        return REFUSED.format(dst=t.dst, what=what, answer=answer)
    reason = t.reason or ""
    if "no route back" in reason:
        return NO_ROUTE_BACK
    if _RAW.search(reason):
        return RAW_DROP_OUTSIDE if t.src == "outside" else RAW_DROP_28
    if _INTERNAL.search(reason):
        return INTERNAL
    if "DOCKER-ISOLATION" in reason:
        return ISOLATION
    if _ICC.search(reason):
        return ICC_OFF
    if "policy DROP of filter FORWARD" in reason:
        return FORWARD_POLICY
    if reason.startswith("policy"):
        return POLICY
    return RULE if reason.startswith("-") else reason


__all__ = ["lesson"]
