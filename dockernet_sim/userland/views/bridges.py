"""``brctl show`` and ``bridge link``: Linux bridges and their ports.

Mirrors bridge-utils brctl (bridge name, id, STP, interfaces) and iproute2's ``bridge link``.
"""

from __future__ import annotations

from typing import Optional

from ...kernel.netns import Namespace
from .common import ToolError
from .links import _by_index, _carrier, _link_flags, _mac_bytes, _peer_ref


def brctl_show(ns: Namespace, bridge: Optional[str] = None) -> str:
    """``brctl show [BRIDGE]``: bridges by name, each bridge's ports by name.

    No bridges, no output (not even the header).
    """
    if bridge is not None:
        link = ns.link(bridge)
        if link is None or not link.is_bridge:
            raise ToolError(f"bridge {bridge} does not exist!\n", 1)
        bridges = [link]
    else:
        bridges = sorted((l for l in ns.links.values() if l.is_bridge), key=lambda l: l.name)
    if not bridges:
        return ""
    out = ["bridge name\tbridge id\t\tSTP enabled\tinterfaces\n"]
    for br in bridges:
        ports = sorted(p.name for p in br.ports)
        bid = "8000." + "".join(f"{b:02x}" for b in _mac_bytes(br.mac))
        row = f"{br.name}\t\t{bid}\t{'yes' if br.stp else 'no'}\t\t"
        row += "\n\t\t\t\t\t\t\t".join(ports)
        out.append(row + "\n")
    return "".join(out)


def bridge_link(ns: Namespace, dev: Optional[str] = None) -> str:
    """``bridge link [show [dev X]]``: every bridge port, by index.

    >>> from dockernet_sim.kernel import Kernel
    >>> bridge_link(Kernel().host)
    ''
    """
    out = []
    by_index = _by_index(ns)
    for link in ns.sorted_links():
        if link.master is None or (dev is not None and link.name != dev):
            continue
        suffix, mdown, _ = _peer_ref(ns, link, "iproute2", nsid_known=False, by_index=by_index)
        forwarding = _carrier(link) and link.master.up
        out.append(f"{link.index}: {link.name}{suffix}: {_link_flags(link, mdown)} mtu {link.mtu} "
                   f"master {link.master.name} state {'forwarding' if forwarding else 'disabled'} "
                   f"priority 32 cost 2 \n")
    return "".join(out)
