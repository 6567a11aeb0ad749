"""A bridge's forwarding database: iproute2's ``bridge fdb show`` and bridge-utils' ``brctl showmacs``.

Recorded in r283 (Engines 20.10, 26 and 28; iproute2 6.15, bridge-utils 1.7.1):

- ``bridge fdb show br BR`` walks the bridge and then its ports in link order. For each device
  the multicast groups it joined come as ``MAC dev DEV self permanent``, in the order the
  kernel joined them — IPv6's all-nodes ``33:33:00:00:00:01`` and, where the device forwards
  IPv6, all-routers ``33:33:00:00:00:02`` when it is made; a bridge's multicast-router
  discovery groups ``01:00:5e:00:00:6a`` and ``33:33:00:00:00:6a`` when it opens; IPv4's
  all-hosts ``01:00:5e:00:00:01`` when it goes up; once it has had a carrier, the
  solicited-node group of its link-local address ``33:33:ff:`` + its MAC's last three bytes,
  then (forwarding IPv6) the subnet-router anycast's ``33:33:ff:00:00:00``. The bridge's own
  MAC is ``dev BR master BR permanent`` after its groups; a port lists first what the bridge
  learned on it (``MAC dev PORT master BR`` and a space), then its own MAC ``master BR
  permanent``, then its groups.
- A container's MAC is learned on its port once it sends: on 28 at once (dockerd sends ARP
  announcements as the endpoint comes up), on 20.10 within a second of its start (its eth0 has
  IPv6, whose duplicate address detection sends), on 26 only when it sends traffic (a ping: the
  walk counts frames into the port, ``Link.rx_packets``). Entries do not age in the model.
- ``brctl showmacs BR``: ``port no``, ``mac addr``, ``is local?``, ``ageing timer`` (``%3i``,
  the MAC, ``yes``/``no``, ``%4i.%.2i``): the learned entries by port, then the ports' own
  MACs, the newest port first; the model's timers read 0.00. The bridge's own MAC is not listed.
- ``Cannot find bridge device "X"`` (exit 255), ``read of forward table failed: No such
  device`` (exit 1).
"""

from __future__ import annotations

from typing import Optional

from ...kernel import sysctl as tree
from ...kernel.links import Link
from ...kernel.netns import Namespace
from .common import ToolError

__all__ = ["bridge_fdb", "brctl_showmacs"]

ALL_NODES, ALL_ROUTERS, ALL_HOSTS = "33:33:00:00:00:01", "33:33:00:00:00:02", "01:00:5e:00:00:01"
MRD = ("01:00:5e:00:00:6a", "33:33:00:00:00:6a")          # multicast router discovery (a bridge's)
ANYCAST = "33:33:ff:00:00:00"                              # ff02::1:ff00:0, the subnet-router anycast's


def _v6(ns: Namespace, dev: str, leaf: str) -> Optional[str]:
    entry = tree.find(ns, f"net.ipv6.conf.{dev}.{leaf}")
    return entry.value if entry is not None else None


def _groups(ns: Namespace, link: Link) -> list[str]:
    """The multicast MACs ``link`` joined, in the order the kernel joined them."""
    v6 = _v6(ns, link.name, "disable_ipv6") != "1"
    forwarding = v6 and _v6(ns, link.name, "forwarding") == "1"
    out: list[str] = []
    if v6:
        out.append(ALL_NODES)
        if forwarding:
            out.append(ALL_ROUTERS)
    if link.is_bridge and link.up:
        out += [MRD[0]] + ([MRD[1]] if v6 else [])
    if link.up:
        out.append(ALL_HOSTS)
    had_carrier = (link.had_carrier or link.carrier) if link.is_bridge else (link.up and link.carrier)
    if v6 and had_carrier:
        out.append("33:33:ff:" + link.mac.lower()[9:])
        if forwarding:
            out.append(ANYCAST)
    return out


def _learned(port: Link, announces: bool) -> Optional[str]:
    """The MAC the bridge learned on ``port``: the container end's, once it has sent."""
    peer = port.peer
    if peer is None or peer.netns is None or not peer.up:
        return None
    sent = port.rx_packets > 0 or announces or _v6(peer.netns, peer.name, "disable_ipv6") == "0"
    return peer.mac.lower() if sent else None


def _bridge(ns: Namespace, name: str, missing: str, code: int) -> Link:
    link = ns.link(name)
    if link is None or not link.is_bridge:
        raise ToolError(missing, code)
    return link


def bridge_fdb(ns: Namespace, br: Optional[str] = None, dev: Optional[str] = None,
               announces: bool = False) -> str:
    """``bridge fdb show [br BR] [dev DEV]`` (``announces``: the engine announces a container's
    addresses as its endpoint comes up, so its MAC is learned at once)."""
    bridge = _bridge(ns, br, f'Cannot find bridge device "{br}"\n', 255) if br is not None else None
    if dev is not None and ns.link(dev) is None:
        raise ToolError(f'Cannot find device "{dev}"\n', 255)
    out = []
    for link in ns.sorted_links():
        if link.kind == "loopback":
            continue
        if bridge is not None and link is not bridge and link.master is not bridge:
            continue
        if dev is not None and link.name != dev:
            continue
        if link.master is not None:
            master = link.master.name
            learned = _learned(link, announces)
            if learned is not None:
                out.append(f"{learned} dev {link.name} master {master} \n")
            out.append(f"{link.mac.lower()} dev {link.name} master {master} permanent\n")
        out += [f"{mac} dev {link.name} self permanent\n" for mac in _groups(ns, link)]
        if link.is_bridge:
            out.append(f"{link.mac.lower()} dev {link.name} master {link.name} permanent\n")
    return "".join(out)


def brctl_showmacs(ns: Namespace, br: str, announces: bool = False) -> str:
    """``brctl showmacs BR``."""
    bridge = _bridge(ns, br, "read of forward table failed: No such device\n", 1)
    ports = sorted(bridge.ports, key=lambda p: bridge.ports[p]) if bridge.ports else []
    # the kernel numbers ports from 1 in the order they joined (it reuses a freed number: the
    # model numbers them by their order alone)
    number = {p: i + 1 for i, p in enumerate(ports)}
    rows = []
    for p in ports:
        learned = _learned(p, announces)
        if learned is not None:
            rows.append((number[p], learned, "no"))
    rows += [(number[p], p.mac.lower(), "yes") for p in reversed(ports)]
    out = ["port no\tmac addr\t\tis local?\tageing timer\n"]
    out += [f"{no:3}\t{mac}\t{local}\t\t{0:4}.{0:02}\n" for no, mac, local in rows]
    return "".join(out)
