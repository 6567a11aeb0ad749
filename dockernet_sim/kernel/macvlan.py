"""What Linux's macvlan driver allows (``drivers/net/macvlan.c``): which links sit on a lower
device, and when the kernel refuses a new one.

Recorded in m02 (a second child on a passthru parent: ``invalid argument``) and m04 (a parent
that is a bridge port: ``device or resource busy``), on 20.10, 26 and 28.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from .links import Link

__all__ = ["Errno", "macvlan_children", "macvlan_refusal"]


class Errno(Enum):
    """The errno a refused ``RTM_NEWLINK`` returns, with the text Go's ``syscall.Errno`` prints."""

    EINVAL = "invalid argument"
    EBUSY = "device or resource busy"

    @property
    def strerror(self) -> str:
        """libc's ``strerror`` (what iproute2 prints after ``RTNETLINK answers:``)."""
        return self.value[0].upper() + self.value[1:]


def macvlan_children(lower: Link) -> list[Link]:
    """The macvlan links on ``lower``, in every namespace of its kernel, in index order."""
    ns = lower.netns
    if ns is None:
        return []
    return [l for n in ns.kernel.namespaces.values() for l in n.links.values()
            if l.kind == "macvlan" and l.lower is lower]


def macvlan_refusal(lower: Link, mode: str) -> Optional[Errno]:
    """Why the kernel refuses a new macvlan on ``lower`` in ``mode``, or None
    (``macvlan_common_newlink``): a bridge port's receive handler is taken (EBUSY); a passthru
    macvlan wants its lower device alone, and nothing joins one that has it (EINVAL)."""
    if lower.master is not None:
        return Errno.EBUSY
    others = macvlan_children(lower)
    if mode == "passthru" and others:
        return Errno.EINVAL
    if any(o.macvlan_mode == "passthru" for o in others):
        return Errno.EINVAL
    return None
