"""A container's writable layer: what its processes changed in its root file system.

Mirrors the upper directory the daemon's storage driver gives each container (moby's
``layer.RWLayer``; overlay2's ``upper``, vfs's copy): a file, directory or symbolic link written
by a process, and a *whiteout* where a process deleted something the image (or the daemon's own
files) had. The layer is made by the container's first write — a container nobody wrote into
holds no layer object at all (issue 15 counts objects per container) — kept across ``docker
stop``/``start``/``restart`` (the container's directory stays) and lost with the container on
``docker rm``. ``docker diff`` lists it (moby's ``container.Changes``: r251).

Every write is journaled: a ``docker exec`` is one API call, and a rollback puts the layer back
as it was (the layer object itself goes again when the call made it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..journal import Journal, restore_item
from ..records import dataclass, field

if TYPE_CHECKING:
    from .container import Container

__all__ = ["Change", "Layer", "write_change", "drop_change"]

# kinds of Change: the file types a process can make, and overlayfs's whiteout
FILE, DIRECTORY, SYMLINK, WHITEOUT = "f", "d", "l", "w"


@dataclass(frozen=True, slots=True)
class Change:
    """One path of the layer: a regular file (its text), a directory, a symbolic link (its
    target), or a whiteout hiding what lies below; its permission bits and modification time
    (seconds since the epoch)."""
    kind: str
    mode: int = 0
    mtime: int = 0
    target: str = ""
    text: str = ""

    @property
    def size(self) -> int:
        """What ``stat`` gives as the size: the text's bytes, a link target's length."""
        return len(self.text.encode()) if self.kind == FILE else len(self.target) if self.kind == SYMLINK else 0


@dataclass(slots=True, eq=False)
class Layer:
    """The container's upper directory: path -> what is there now (a whiteout for a deletion)."""
    changes: dict[str, Change] = field(default_factory=dict)


def write_change(journal: Journal, container: "Container", path: str, change: Change) -> None:
    """Put ``change`` at ``path`` in the container's layer (made on the first write)."""
    layer = container.layer
    if layer is None:
        layer = Layer()
        journal.record(lambda: setattr(container, "layer", None))
        container.layer = layer
    journal.record(restore_item(layer.changes, path))
    layer.changes[path] = change


def drop_change(journal: Journal, container: "Container", path: str) -> None:
    """Take ``path`` out of the layer (a file the container made and then deleted)."""
    layer = container.layer
    if layer is None or path not in layer.changes:
        return
    journal.record(restore_item(layer.changes, path))
    del layer.changes[path]

