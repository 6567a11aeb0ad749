"""A busybox container's file tree, as ``ls``, ``cat``, ``find`` and ``df`` see it.

What runc shows a container of the oracle's busybox image (r200_busybox_ls, r201_busybox_net_files,
r202_busybox_system, recorded on Docker 20.10, 26 and 28):

* the image's own tree — ``/bin`` (busybox and its applet links), an empty ``/etc`` and ``/tmp`` —
  as ``docker import`` unpacked it (``userland/data/busybox_rootfs.txt``, read from the image's
  tar once, on first use);
* what the daemon writes before the start: ``/.dockerenv`` (empty), ``/etc/hostname``,
  ``/etc/hosts`` and ``/etc/resolv.conf`` (bind mounts whose text is the daemon's etcfiles) and
  the ``/etc/mtab`` link to ``/proc/mounts``;
* the mounts runc makes: ``/dev`` (a tmpfs with the OCI default devices), ``/proc`` and ``/sys``.
  Of those kernel trees only what shows network state is modelled, generated from the container's
  namespace (``procfs``): ``/proc/net``, ``/sys/class/net`` and its devices, the network sysctls
  under ``/proc/sys/net``, ``/proc/sys/kernel/hostname``, ``/proc/1/cmdline``, ``/proc/mounts``.
  A directory known only in part (``/proc``, ``/sys``) is ``partial``: the applets say they do not
  list it rather than print a made-up listing.

Times: the image's files keep the times in the tar; what the daemon and runc create carries the
container's creation time.

Over it all lies the container's writable layer (``daemon.layer``: what its processes wrote, and
whiteouts where they deleted), as overlayfs shows an upper directory over the lower ones. A tree
given a ``LayerSink`` can be written (``make``, ``unlink``: ``busybox_writes``): each change is
seen at once by the tree and handed to the sink, which puts it in the container's layer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Mapping, Optional, Sequence, Union

from ..daemon.layer import DIRECTORY, FILE, WHITEOUT, Change
from ..records import Record

__all__ = ["Node", "Unreadable", "Content", "Reader", "RootFs", "ContainerFiles", "Recorded", "image_data",
           "LayerSink"]


class Node(Record, frozen=True, slots=True):
    """One file of the tree: its kind (``d`` directory, ``f`` regular file, ``l`` symbolic link,
    ``c`` character device), permission bits, link count, size, 1K blocks it takes, time
    (seconds since the epoch), link target, device numbers and the file system it lies on (the
    image's disk, a tmpfs, proc, sysfs: ``find -xdev`` stays on one)."""
    path: str
    kind: str
    mode: int
    nlink: int = 1
    size: int = 0
    blocks: int = 0
    mtime: int = 0
    target: str = ""
    major: int = 0
    minor: int = 0
    gid: int = 0
    fs: str = "disk"
    partial: bool = False

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1] if self.path != "/" else "/"


class Unreadable(Record, frozen=True, slots=True):
    """A read the kernel refuses (``EINVAL`` for a down device's ``carrier``, ``EISDIR``): the
    errno's text, as busybox's ``read error:`` shows it."""
    reason: str


Content = Union[str, Unreadable, None]
"""A file's text, a refused read, or None: the simulator does not know the text."""

Reader = Callable[[], Content]


class ProcSys(Record, frozen=True, slots=True):
    """/proc/sys as the kernel's sysctl tree of the container's namespace has it
    (``kernel.sysctl``, through ``userland.sysctl``): a file's text (None: no such file) and
    whether a path is one of its directories. The recorded tree lists only some of its names."""
    read: Callable[[str], Optional[str]]
    is_dir: Callable[[str], bool]
"""What makes a generated file's text when it is read."""


class LayerSink(Record, frozen=True, slots=True):
    """Where a tree's writes go: ``put`` a change at a path of the container's layer, ``drop``
    a path the layer alone had (a file made and then deleted)."""
    put: Callable[[str, Change], None]
    drop: Callable[[str], None]


class ContainerFiles(Record, frozen=True, slots=True):
    """What a container's tree is made from: the daemon's files, the namespace's views (a
    function per generated file), the main process's argv and the container's creation time."""
    hosts: str
    resolv_conf: str
    hostname: str
    generated: Mapping[str, Reader]
    devices: Sequence[str]                 # the names under /sys/class/net
    created: int                           # seconds since the epoch
    mounts: str                            # /proc/mounts
    proc_sys: Optional[ProcSys] = None     # /proc/sys beyond the recorded names
    upper: Optional[Mapping[str, Change]] = None   # the container's writable layer (None: nothing written)
    sink: Optional[LayerSink] = None       # where writes go (None: the tree is read only)


class Recorded(Record, frozen=True, slots=True):
    """The recorded data (``userland/data/busybox_rootfs.txt``): the image's tree (kind, mode,
    size, time, path, link target), /dev (name, kind, mode, links, size, major, minor, group,
    target), the kernel's names under /proc/net and /proc/sys/net/ipv4 and in a net device's
    sysfs directory (name, kind), the machine's mounts (source, target, type, options), the masked
    paths its kernel has (path, kind) and df's numbers (source, target, 1K blocks, used, free)."""
    image: tuple[tuple[str, int, int, int, str, str], ...]
    dev: tuple[tuple[str, str, int, int, int, int, int, int, str], ...]
    proc_net: tuple[str, ...]
    proc_sys_net_ipv4: tuple[str, ...]
    sysfs_net_device: tuple[tuple[str, str], ...]
    mounts: tuple[tuple[str, str, str, str], ...]
    maskable: tuple[tuple[str, str], ...]
    df: tuple[tuple[str, str, int, int, int], ...]


@lru_cache(maxsize=None)
def image_data() -> Recorded:
    """The recorded data, read at the first use (a plain text file: no json to import)."""
    from pathlib import Path
    sections: dict[str, list[list[str]]] = {}
    rows: list[list[str]] = []
    for line in (Path(__file__).parent / "data" / "busybox_rootfs.txt").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            rows = sections.setdefault(line[1:line.index("]")], [])
            continue
        rows.append(["" if w == "-" else w for w in line.split()])
    return Recorded(
        image=tuple((k, int(m, 8), int(size), int(t), path, target) for k, m, size, t, path, target in sections["image"]),
        dev=tuple((name, kind, int(mode, 8), int(nlink), int(size), int(major), int(minor), int(gid), target)
                  for name, kind, mode, nlink, size, major, minor, gid, target in sections["dev"]),
        proc_net=tuple(r[0] for r in sections["proc_net"]),
        proc_sys_net_ipv4=tuple(r[0] for r in sections["proc_sys_net_ipv4"]),
        sysfs_net_device=tuple((r[0], r[1]) for r in sections["sysfs_net_device"]),
        mounts=tuple((r[0], r[1], r[2], r[3]) for r in sections["mounts"]),
        maskable=tuple((r[0], r[1]) for r in sections["maskable"]),
        df=tuple((r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in sections["df"]))


@lru_cache(maxsize=None)
def _image_nodes() -> tuple[Node, ...]:
    # a link's size is its target's length (tar records none); a directory takes one 4K block
    return tuple(Node(path, kind, mode, 2 if kind == "d" else 1,
                      4096 if kind == "d" else len(target) if kind == "l" else size,
                      4 if kind == "d" else (size + 4095) // 4096 * 4 if kind == "f" else 0, mtime, target)
                 for kind, mode, size, mtime, path, target in image_data().image)


def _parent(path: str) -> str:
    return path.rsplit("/", 1)[0] or "/"


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


class RootFs:
    """The tree of one container at the moment an applet runs.

    >>> fs = RootFs.bare()
    >>> [n.name for n in fs.children("/")]
    ['bin', 'etc', 'tmp']
    """

    def __init__(self, nodes: dict[str, Node], contents: dict[str, Reader],
                 proc_sys: Optional[ProcSys] = None, upper: Optional[Mapping[str, Change]] = None,
                 sink: Optional[LayerSink] = None) -> None:
        self._nodes = nodes
        self._contents = contents
        self._proc_sys = proc_sys
        self._sink = sink
        # the paths the layer alone has (no lower file below them): deleting one drops it from
        # the layer, deleting any other leaves a whiteout
        self._upper_only: set[str] = set()
        if upper:
            for path in sorted(upper):
                change = upper[path]
                if change.kind == WHITEOUT:
                    self._forget(path)
                else:
                    if path not in nodes:
                        self._upper_only.add(path)
                    self._set(path, change)
        kids: dict[str, list[str]] = {}
        for path in nodes:
            if path != "/":
                kids.setdefault(_parent(path), []).append(path)
        self._kids = kids

    def _set(self, path: str, change: Change) -> None:
        """The node and text of a change at ``path`` (the directory above it counts a new
        directory among its links)."""
        old = self._nodes.get(path)
        size = change.size
        if change.kind == DIRECTORY:
            nlink = old.nlink if old is not None and old.kind == DIRECTORY else 2
            node = Node(path, DIRECTORY, change.mode, nlink, 4096, 4, change.mtime)
        else:
            node = Node(path, change.kind, change.mode, 1, size,
                        (size + 4095) // 4096 * 4 if change.kind == FILE else 0, change.mtime, change.target)
        if change.kind == DIRECTORY and (old is None or old.kind != DIRECTORY):
            self._count_dir(_parent(path), 1)
        self._nodes[path] = node
        if change.kind == FILE:
            text = change.text
            self._contents[path] = lambda: text
        else:
            self._contents.pop(path, None)

    def _forget(self, path: str) -> None:
        old = self._nodes.pop(path, None)
        self._contents.pop(path, None)
        if old is not None and old.kind == DIRECTORY:
            self._count_dir(_parent(path), -1)

    def _count_dir(self, path: str, step: int) -> None:
        parent = self._nodes.get(path)
        if parent is not None:
            self._nodes[path] = Node(parent.path, parent.kind, parent.mode, parent.nlink + step, parent.size,
                                     parent.blocks, parent.mtime, parent.target, parent.major, parent.minor,
                                     parent.gid, parent.fs, parent.partial)

    # -- writing (busybox_writes)

    @property
    def writable(self) -> bool:
        return self._sink is not None

    def make(self, path: str, change: Change) -> None:
        """Write ``change`` at the absolute, resolved ``path`` (a new file, directory or link, or
        a file's new text); a new entry changes its directory's time."""
        assert self._sink is not None
        new = path not in self._nodes
        if new:
            self._upper_only.add(path)
            self._kids.setdefault(_parent(path), []).append(path)
        change = Change(change.kind, change.mode, change.mtime, change.target, change.text,
                        path not in self._upper_only)
        self._set(path, change)
        self._sink.put(path, change)
        if new:
            self._touch_dir(_parent(path), change.mtime)

    def _touch_dir(self, path: str, now: int) -> None:
        """A directory of the image whose entries changed: copied up with a new time."""
        node = self._nodes.get(path)
        if path == "/" or path in self._upper_only or node is None or node.kind != DIRECTORY:
            return
        assert self._sink is not None
        change = Change(DIRECTORY, node.mode, now, copied_up=True)
        self._set(path, change)
        self._sink.put(path, change)

    def unlink(self, path: str, now: int) -> None:
        """Delete the node at ``path`` and, for a directory, all below it (deepest first)."""
        self._unlink(path)
        if _parent(path) in self._nodes:
            self._touch_dir(_parent(path), now)

    def _unlink(self, path: str) -> None:
        assert self._sink is not None
        for kid in list(self._kids.get(path, ())):
            self._unlink(kid)
        self._forget(path)
        siblings = self._kids.get(_parent(path))
        if siblings is not None and path in siblings:
            siblings.remove(path)
        self._kids.pop(path, None)
        if path in self._upper_only:
            self._upper_only.discard(path)
            self._sink.drop(path)
        else:
            self._sink.put(path, Change(WHITEOUT))

    @classmethod
    def bare(cls) -> "RootFs":
        """The image's tree alone (no daemon files, no mounts)."""
        return cls({n.path: n for n in _image_nodes()}, {})

    @classmethod
    def of_container(cls, files: ContainerFiles) -> "RootFs":
        """The tree runc shows a container of the busybox image."""
        when = files.created
        nodes = {n.path: n for n in _image_nodes()}
        texts: dict[str, Reader] = {}
        root = nodes["/"]
        nodes["/"] = Node("/", "d", root.mode, 8, 4096, 4, when)
        nodes["/etc"] = Node("/etc", "d", 0o755, 2, 4096, 4, when)
        nodes["/.dockerenv"] = Node("/.dockerenv", "f", 0o755, mtime=when)
        texts["/.dockerenv"] = lambda: ""
        for name, text in (("hostname", files.hostname), ("hosts", files.hosts), ("resolv.conf", files.resolv_conf)):
            size = len(text.encode())
            nodes["/etc/" + name] = Node("/etc/" + name, "f", 0o644, 1, size, (size + 4095) // 4096 * 4, when)
            texts["/etc/" + name] = (lambda t: lambda: t)(text)
        nodes["/etc/mtab"] = Node("/etc/mtab", "l", 0o777, 1, 12, 0, when, "/proc/mounts")
        data = image_data()
        # /dev: the tmpfs runc fills with the OCI default devices (ls -l /dev, r200)
        nodes["/dev"] = Node("/dev", "d", 0o755, 5, 340, 0, when, fs="tmpfs")
        for name, kind, mode, nlink, size, major, minor, gid, target in data.dev:
            path = "/dev/" + name
            nodes[path] = Node(path, kind, mode, nlink, size, 0, when, target, major, minor, gid, "tmpfs")
        texts["/dev/null"] = lambda: ""
        # /proc and /sys: only the network state (and what the mounts and main process show)
        nodes["/proc"] = Node("/proc", "d", 0o555, 112, 0, 0, when, fs="proc", partial=True)
        nodes["/sys"] = Node("/sys", "d", 0o555, 12, 0, 0, when, fs="sysfs", partial=True)
        proc_dirs = ("/proc/1", "/proc/net", "/proc/sys", "/proc/sys/kernel", "/proc/sys/net", "/proc/sys/net/ipv4",
                     "/proc/sys/net/ipv6", "/proc/sys/net/ipv6/conf")
        for d in proc_dirs:
            nodes[d] = Node(d, "d", 0o555, 2, 0, 0, when, fs="proc", partial=d != "/proc/net")
        for name in data.proc_net:
            nodes["/proc/net/" + name] = Node("/proc/net/" + name, "f", 0o444, mtime=when, fs="proc")
        # /proc/sys/net/ipv4 is listed whole (a key it lacks is unknown); its texts mostly not modelled
        nodes["/proc/sys/net/ipv4"] = Node("/proc/sys/net/ipv4", "d", 0o555, 2, 0, 0, when, fs="proc")
        for name in data.proc_sys_net_ipv4:
            path = "/proc/sys/net/ipv4/" + name
            is_dir = name in ("conf", "neigh", "route")
            nodes[path] = Node(path, "d" if is_dir else "f", 0o555 if is_dir else 0o644, 2 if is_dir else 1,
                               mtime=when, fs="proc", partial=is_dir)
        # /proc/version: every kernel's (its text, the recording machine's kernel, is not modelled)
        for path in ("/proc/1/cmdline", "/proc/mounts", "/proc/sys/kernel/hostname", "/proc/version"):
            nodes[path] = Node(path, "f", 0o444 if "/sys/" not in path else 0o644, mtime=when, fs="proc")
        texts["/proc/mounts"] = lambda: files.mounts
        texts["/proc/sys/kernel/hostname"] = lambda: files.hostname
        for d in ("/sys/class", "/sys/devices", "/sys/devices/virtual"):
            nodes[d] = Node(d, "d", 0o755, 2, 0, 0, when, fs="sysfs", partial=True)
        # both list the namespace's own devices (sysfs tags them with their namespace)
        for d in ("/sys/class/net", "/sys/devices/virtual/net"):
            nodes[d] = Node(d, "d", 0o755, 2, 0, 0, when, fs="sysfs")
        for dev_name in files.devices:
            link = "/sys/class/net/" + dev_name
            real = "/sys/devices/virtual/net/" + dev_name
            nodes[link] = Node(link, "l", 0o777, 1, 0, 0, when, "../../devices/virtual/net/" + dev_name, fs="sysfs")
            nodes[real] = Node(real, "d", 0o755, 2, 0, 0, when, fs="sysfs")
            for attr, kind in data.sysfs_net_device:
                mode = {"d": 0o755, "l": 0o777}.get(kind, 0o444)
                nodes[_join(real, attr)] = Node(_join(real, attr), kind, mode, 2 if kind == "d" else 1,
                                                4096 if kind == "f" else 0, 0, when,
                                                "../../../../class/net" if kind == "l" else "",
                                                fs="sysfs", partial=kind == "d")
        for path, make in files.generated.items():
            if path not in nodes:
                parent = _parent(path)
                while parent not in nodes:
                    nodes[parent] = Node(parent, "d", 0o555, 2, 0, 0, when, fs="proc", partial=True)
                    parent = _parent(parent)
                nodes[path] = Node(path, "f", 0o644, mtime=when, fs="proc")
            texts[path] = make
        return cls(nodes, texts, files.proc_sys, files.upper, files.sink)

    # -- paths

    def resolve(self, path: str, cwd: str = "/", follow: bool = True) -> Optional[Node]:
        """The node ``path`` names (relative to ``cwd``), following links on the way (and at the
        end when ``follow``); None when there is none."""
        found = self.lookup(path, cwd, follow)
        return found if isinstance(found, Node) else None

    def lookup(self, path: str, cwd: str = "/", follow: bool = True) -> "Node | str":
        """The node ``path`` names, or why there is none as the kernel says it (ENOENT for an
        empty or missing path, ENOTDIR when a file stands where a directory must)."""
        if not path:
            return "No such file or directory"
        full = path if path.startswith("/") else _join(cwd, path)
        parts = [p for p in full.split("/") if p]
        must_be_dir = path.endswith("/") and bool(parts)      # a trailing slash follows the link too
        follow = follow or must_be_dir
        here = "/"
        hops = 0
        i = 0
        while i < len(parts):
            p = parts[i]
            i += 1
            if p == ".":
                continue
            if p == "..":
                here = _parent(here)
                continue
            node = self._nodes.get(_join(here, p)) or self._sysctl_node(_join(here, p))
            if node is None:
                return "No such file or directory"
            if node.kind == "l" and (follow or i < len(parts)):
                hops += 1
                if hops > 40:
                    return "Too many levels of symbolic links"
                target = node.target
                parts = [q for q in target.split("/") if q] + parts[i:]
                i = 0
                here = "/" if target.startswith("/") else here
                continue
            if (i < len(parts) or must_be_dir) and node.kind != "d":
                return "Not a directory"
            here = node.path
        return self._nodes.get(here) or self._sysctl_node(here)   # type: ignore[return-value]

    def _sysctl_node(self, path: str) -> Optional[Node]:
        """An entry of /proc/sys the recorded names leave out, as the sysctl tree has it."""
        if self._proc_sys is None or not path.startswith("/proc/sys/"):
            return None
        if self._proc_sys.is_dir(path):
            return Node(path, "d", 0o555, 1, fs="proc", partial=True)
        if self._proc_sys.read(path) is not None:
            return Node(path, "f", 0o644, fs="proc")
        return None

    def children(self, path: str) -> list[Node]:
        """The entries of the directory at ``path`` (absolute, resolved), in name order."""
        return sorted((self._nodes[p] for p in self._kids.get(path, ())), key=lambda n: n.name.encode())

    def read(self, node: Node) -> Content:
        """What reading the file gives: its text, a refused read, or None (not modelled)."""
        if node.kind == "d":
            return Unreadable("Is a directory")
        if self._proc_sys is not None and node.path.startswith("/proc/sys/"):
            text = self._proc_sys.read(node.path)
            if text is not None:
                return text
        make = self._contents.get(node.path)
        return make() if make is not None else None

    def is_dir(self, path: str) -> bool:
        node = self.resolve(path)
        return node is not None and node.kind == "d"
