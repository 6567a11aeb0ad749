"""Where a frame sent on a macvlan link can go: Linux's macvlan forwarding rules, for the walk.

Imitates ``drivers/net/macvlan.c`` (``macvlan_queue_xmit``, ``macvlan_handle_frame``,
``macvlan_broadcast``) as recorded in m02, m06, m07, m10 and m11 on 20.10, 26 and 28:

* a child in ``bridge`` mode reaches its siblings in ``bridge`` mode on the same parent directly
  (ARP broadcasts included); every other frame leaves by the parent onto its wire;
* ``private`` never passes frames between children, ``vepa`` sends everything to the wire and
  needs an external switch that reflects it (a veth peer does not), ``passthru`` has no sibling;
* what a child sends by the parent is never received by the parent's own stack: the host cannot
  talk to its macvlan children through the parent, only through a macvlan of its own on the same
  parent (a "shim") in ``bridge`` mode;
* frames arriving on the parent from its wire are handed to the child whose address they are for.

No NAT and no iptables sit on this path: Docker programs no rule for a macvlan network.
"""

from __future__ import annotations

from typing import Callable, Optional

from ..records import Record
from ..addr import IP
from ..kernel import Link
from ..kernel.macvlan import macvlan_children

__all__ = ["Segment", "macvlan_segment", "wire_children", "explain_unreachable", "explain_parent"]

Labeller = Callable[[Link], str]
"""Names a link for a trace (``eth0 in c1``)."""


class Segment(Record, frozen=True, slots=True):
    """What a frame sent on a macvlan link can reach: sibling children (bridge mode), the links
    on the parent's wire, and whether the wire is the outside network (a physical parent)."""

    siblings: tuple[Link, ...]
    wire: tuple[Link, ...]
    outside: bool


def wire_children(link: Link) -> list[Link]:
    """The macvlan children of ``link`` that are up: a frame arriving on ``link`` from its wire
    goes to the one whose address it is for."""
    return [c for c in macvlan_children(link) if c.up]


def macvlan_segment(dev: Link) -> Segment:
    """Where a frame sent on the macvlan ``dev`` may arrive."""
    lower = dev.lower
    if lower is None or lower.netns is None or not lower.up:
        return Segment((), (), False)
    siblings: tuple[Link, ...] = ()
    if dev.macvlan_mode == "bridge":
        siblings = tuple(c for c in macvlan_children(lower)
                         if c is not dev and c.up and c.macvlan_mode == "bridge")
    wire: list[Link] = []
    outside = False
    if lower.kind == "veth" and lower.peer is not None and lower.peer.up:
        wire = [lower.peer] + wire_children(lower.peer)
    elif lower.kind == "ether":
        outside = True
    return Segment(siblings, tuple(wire), outside)


def explain_unreachable(dev: Link, nexthop: IP, label: "Labeller") -> str:
    """Why nobody answers ARP for ``nexthop`` sent on the macvlan ``dev``, in a student's words,
    beside the Linux rule."""
    lower = dev.lower
    pname = lower.name if lower is not None else "?"
    if lower is None or lower.netns is None:
        return f"{dev.name} has lost its parent: a macvlan cannot send without its lower device"
    if not lower.up:
        return f"the parent {pname} is down, so {dev.name} has no carrier (a macvlan follows its parent)"
    owners = [c for c in macvlan_children(lower)
              if c is not dev and any(a.ip == nexthop for a in c.addresses)]
    for c in owners:
        where = label(c)
        if not c.up:
            return f"{nexthop} is on {where}, a macvlan child of {pname} that is down"
        if dev.macvlan_mode != "bridge" or c.macvlan_mode != "bridge":
            mode = dev.macvlan_mode if dev.macvlan_mode != "bridge" else c.macvlan_mode
            rule = {"private": "private mode never passes frames between children of one parent",
                    "vepa": "vepa mode sends every frame out to the wire and needs an external switch that "
                            "sends it back (a hairpin/reflective relay); nothing on this wire does",
                    "passthru": "a passthru macvlan owns its parent alone"}.get(mode, f"mode {mode}")
            return (f"{nexthop} is on {where}, a sibling macvlan on the same parent {pname}, but {rule} "
                    f"(Linux macvlan: only bridge-mode children talk to each other directly)")
    if any(a.ip == nexthop for a in lower.addresses) or (
            lower.netns is not None and any(a.ip == nexthop for _, a in lower.netns.addresses())):
        return (f"{nexthop} belongs to the host, but a macvlan child's frames leave by the parent {pname} "
                f"onto the wire and never come back up into the parent's own stack (Linux macvlan); give "
                f"the host a macvlan of its own on {pname} in bridge mode (a shim) with an address and a "
                f"route, and talk through it")
    return (f"the frame leaves {dev.name} by its parent {pname} onto the wire, and nothing there answers "
            f"for {nexthop}")


def explain_parent(dev: Link, nexthop: IP, label: Labeller) -> Optional[str]:
    """Why the host, sending out a parent ``dev``, does not reach ``nexthop`` on one of its macvlan
    children; None when no child of ``dev`` has that address."""
    for c in macvlan_children(dev):
        if any(a.ip == nexthop for a in c.addresses):
            return (f"{nexthop} is on {label(c)}, a macvlan child of {dev.name}; what the host sends out "
                    f"{dev.name} goes onto the wire, and Linux never hands a parent's own frames to its "
                    f"macvlan children: the packet leaves and never comes back. A macvlan shim on "
                    f"{dev.name} in bridge mode, with an address and a route, is the way in")
    return None
