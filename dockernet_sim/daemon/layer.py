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
from ..records import Record, field

if TYPE_CHECKING:
    from .container import Container

__all__ = ["Change", "Layer", "write_change", "drop_change", "container_changes"]

# kinds of Change: the file types a process can make, and overlayfs's whiteout
FILE, DIRECTORY, SYMLINK, WHITEOUT = "f", "d", "l", "w"


class Change(Record, frozen=True, slots=True):
    """One path of the layer: a regular file (its text), a directory, a symbolic link (its
    target), or a whiteout hiding what lies below; its permission bits and modification time
    (seconds since the epoch); ``copied_up``: a file of the image lay there (``docker diff``'s
    ``C``, else ``A``)."""
    kind: str
    mode: int = 0
    mtime: int = 0
    target: str = ""
    text: str = ""
    copied_up: bool = False

    @property
    def size(self) -> int:
        """What ``stat`` gives as the size: the text's bytes, a link target's length."""
        return len(self.text.encode()) if self.kind == FILE else len(self.target) if self.kind == SYMLINK else 0


class Layer(Record, slots=True, eq=False):
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



def container_changes(layer: "Layer | None") -> tuple[tuple[str, str], ...]:
    """``docker diff``'s lines, (``A``/``C``/``D``, path), by path: what the daemon's naive diff
    of the container's tree against its image finds (r251). A directory whose entries changed
    has a new modification time (``C``); below a deleted directory nothing more is listed. The
    daemon walks its trees in Go map order: the recordings sort the lines."""
    if layer is None:
        return ()
    out: list[tuple[str, str]] = []
    changes = layer.changes
    for path in sorted(changes):
        change = changes[path]
        if change.kind == WHITEOUT:
            parent = path.rsplit("/", 1)[0]
            above = changes.get(parent)
            if above is not None and above.kind == WHITEOUT:
                continue
            out.append(("D", path))
        else:
            out.append(("C" if change.copied_up else "A", path))
    return tuple(out)
