"""busybox 1.35's applets that change a container's files: ``touch``, ``mkdir [-p]``, ``rm [-rf]``,
``rmdir``, ``cp [-r]``, ``mv``, ``ln -s``, and a shell's ``>``/``>>`` (``write_text``).

They write the container's tree (``rootfs.RootFs``), which hands each change to the container's
writable layer (``daemon.layer``). What they print when the kernel refuses was recorded on Docker
20.10, 26 and 28 (r250_busybox_writes; r202_busybox_system): busybox's own words around the
errno's text (``touch: /sys/x: Read-only file system``, ``mkdir: can't create directory '/tmp/d':
File exists``, ``rm: '/tmp/d' is a directory``, ``ln: /tmp/link: File exists``). Where a container
refuses a write: ``/proc`` makes no new file (``No such file or directory``) and deletes none
(``Operation not permitted``), ``/sys`` and ``/proc/sys`` are read-only mounts. Modes follow the
exec's umask 022 (files 0644, directories 0755).

Not modelled (``dockernet_sim: …: not simulated``): writing under ``/dev`` and ``/proc`` files,
the daemon's bind mounts (``/etc/hosts``, ``/etc/hostname``, ``/etc/resolv.conf``), hard links,
and the options not listed above.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..daemon.layer import DIRECTORY, FILE, SYMLINK, Change
from ..result import Result
from .applets import busybox_usage
from .busybox_files import not_simulated
from .rootfs import Node, RootFs

__all__ = ["run_writer", "write_text", "WRITE_APPLETS"]

WRITE_APPLETS = frozenset(("touch", "mkdir", "rm", "rmdir", "cp", "mv", "ln"))

ENOENT = "No such file or directory"
ENOTDIR = "Not a directory"
EEXIST = "File exists"
EROFS = "Read-only file system"
EPERM = "Operation not permitted"
EISDIR = "Is a directory"
ENOTEMPTY = "Directory not empty"

# the daemon's bind mounts over the image: written in the container's directory, not its layer
_BIND_MOUNTS = frozenset(("/etc/hosts", "/etc/hostname", "/etc/resolv.conf"))
_NOT_KEPT = "the simulator keeps no write there"


def _full(cwd: str, path: str) -> str:
    return path if path.startswith("/") else cwd.rstrip("/") + "/" + path


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


class _Where:
    """Where a path's last part lies: its directory (resolved), its name, and the node there."""

    def __init__(self, parent: Node, name: str, node: Optional[Node]) -> None:
        self.parent, self.name, self.node = parent, name, node

    @property
    def path(self) -> str:
        return _join(self.parent.path, self.name)


def _locate(fs: RootFs, op: str, cwd: str, follow: bool = False) -> "_Where | str":
    """The directory ``op``'s last part lies in, or the errno's text for why there is none."""
    full = _full(cwd, op).rstrip("/") or "/"
    if full == "/":
        root = fs.resolve("/")
        assert root is not None
        return _Where(root, "", root)
    head, _, name = full.rpartition("/")
    parent = fs.lookup(head or "/")
    if isinstance(parent, str):
        return parent
    if parent.kind != DIRECTORY:
        return ENOTDIR
    if name in (".", ".."):
        node = fs.resolve(full)
        assert node is not None
        return _Where(fs.resolve(node.path.rsplit("/", 1)[0] or "/") or node, node.name, node)
    found = fs.lookup(_join(parent.path, name), follow=follow)
    return _Where(parent, name, found if isinstance(found, Node) else None)


def _create_refusal(parent: Node, path: str) -> Optional[str]:
    """Why the kernel refuses a new entry in ``parent`` (None: it does not)."""
    if parent.fs == "sysfs" or path.startswith("/proc/sys/") or parent.path == "/proc/sys":
        return EROFS
    if parent.fs == "proc":
        return ENOENT
    return None


def _not_kept(applet: str, args: Sequence[str], where: _Where) -> Optional[Result]:
    """The simulator's word for a place whose writes it does not keep."""
    if where.parent.fs == "tmpfs" or where.path in _BIND_MOUNTS or (
            where.node is not None and where.node.fs == "proc"):
        return Result("", not_simulated(f"{applet} {' '.join(args)}".rstrip(), _NOT_KEPT), 2)
    return None


def _options(applet: str, args: Sequence[str], allowed: str) -> "tuple[set[str], list[str]] | Result":
    opts: set[str] = set()
    operands: list[str] = []
    words = list(args)
    while words:
        w = words.pop(0)
        if w == "--":
            operands += words
            break
        if w == "--help":
            return Result("", busybox_usage(applet), 0)
        if w.startswith("-") and len(w) > 1:
            for ch in w[1:]:
                if ch not in allowed:
                    return Result("", not_simulated(f"{applet} {w}"), 2)
                opts.add(ch)
            continue
        operands.append(w)
    return opts, operands


def busybox_touch(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``touch [-c] FILE...``: make each file (empty, 0644) or set its time to now."""
    got = _options("touch", args, "c")
    if isinstance(got, Result):
        return got
    opts, operands = got
    if not operands:
        return Result("", busybox_usage("touch"), 1)
    err: list[str] = []
    for op in operands:
        where = _locate(fs, op, cwd, follow=True)
        if isinstance(where, str):
            err.append(f"touch: {op}: {where}\n")
            continue
        kept = _not_kept("touch", args, where)
        if kept is not None:
            return kept
        node = where.node
        if node is None:
            if "c" in opts:
                continue
            why = _create_refusal(where.parent, where.path)
            if why is not None:
                err.append(f"touch: {op}: {why}\n")
                continue
            fs.make(where.path, Change(FILE, 0o644, now))
        elif where.parent.fs == "sysfs":
            err.append(f"touch: {op}: {EROFS}\n")
        else:
            fs.make(node.path, _change_of(fs, node, now))
    return Result("", "".join(err), 1 if err else 0)


def _change_of(fs: RootFs, node: Node, mtime: int) -> Change:
    """What a node is, as a change of the layer (its text read: a file copied up)."""
    text = fs.read(node) if node.kind == FILE else ""
    return Change(node.kind, node.mode, mtime, node.target, text if isinstance(text, str) else "")


def busybox_mkdir(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``mkdir [-p] DIRECTORY...``: each directory (0755); ``-p`` its parents too, and no
    complaint when it exists."""
    got = _options("mkdir", args, "p")
    if isinstance(got, Result):
        return got
    opts, operands = got
    if not operands:
        return Result("", busybox_usage("mkdir"), 1)
    err: list[str] = []
    for op in operands:
        full = _full(cwd, op)
        steps = [full]
        if "p" in opts:
            parts = [p for p in full.split("/") if p]
            steps = ["/" + "/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        for step in steps:
            where = _locate(fs, step, "/")
            shown = op if step == steps[-1] else step
            if isinstance(where, str):
                err.append(f"mkdir: can't create directory '{shown}': {where}\n")
                break
            if where.node is not None:
                if "p" in opts and where.node.kind == DIRECTORY:
                    continue
                err.append(f"mkdir: can't create directory '{shown}': "
                           f"{EEXIST if step == steps[-1] or where.node.kind == DIRECTORY else ENOTDIR}\n")
                break
            why = _create_refusal(where.parent, where.path)
            if why is not None:
                err.append(f"mkdir: can't create directory '{shown}': {why}\n")
                break
            kept = _not_kept("mkdir", args, where)
            if kept is not None:
                return kept
            fs.make(where.path, Change(DIRECTORY, 0o755, now))
    return Result("", "".join(err), 1 if err else 0)


def _delete_refusal(where: _Where) -> Optional[str]:
    if where.parent.fs == "sysfs" or where.path.startswith("/proc/sys/"):
        return EROFS
    if where.parent.fs == "proc":
        return EPERM
    return None


def busybox_rm(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``rm [-rRf] FILE...``: each file (a directory only with ``-r``); ``-f``: a missing
    file is no error."""
    got = _options("rm", args, "rRfi")
    if isinstance(got, Result):
        return got
    opts, operands = got
    if "i" in opts:
        return Result("", not_simulated("rm -i"), 2)
    if not operands:
        return Result("", "" if "f" in opts else busybox_usage("rm"), 0 if "f" in opts else 1)
    err: list[str] = []
    for op in operands:
        where = _locate(fs, op, cwd)
        if isinstance(where, str) or where.node is None:
            if "f" not in opts:
                err.append(f"rm: can't remove '{op}': {where if isinstance(where, str) else ENOENT}\n")
            continue
        why = _delete_refusal(where)
        if why is not None:
            err.append(f"rm: can't remove '{op}': {why}\n")
            continue
        kept = _not_kept("rm", args, where)
        if kept is not None:
            return kept
        if where.node.kind == DIRECTORY and not ({"r", "R"} & opts):
            err.append(f"rm: '{op}' is a directory\n")
            continue
        fs.unlink(where.node.path, now)
    return Result("", "".join(err), 1 if err else 0)


def busybox_rmdir(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``rmdir DIRECTORY...``: each empty directory."""
    got = _options("rmdir", args, "")
    if isinstance(got, Result):
        return got
    _, operands = got
    if not operands:
        return Result("", busybox_usage("rmdir"), 1)
    err: list[str] = []
    for op in operands:
        where = _locate(fs, op, cwd)
        if isinstance(where, str) or where.node is None:
            err.append(f"rmdir: '{op}': {where if isinstance(where, str) else ENOENT}\n")
            continue
        why = _delete_refusal(where)
        if why is None and where.node.kind != DIRECTORY:
            why = ENOTDIR
        if why is None and fs.children(where.node.path):
            why = ENOTEMPTY
        if why is not None:
            err.append(f"rmdir: '{op}': {why}\n")
            continue
        kept = _not_kept("rmdir", args, where)
        if kept is not None:
            return kept
        fs.unlink(where.node.path, now)
    return Result("", "".join(err), 1 if err else 0)


def _destination(fs: RootFs, source: Node, dest: str, cwd: str) -> "_Where | str":
    """Where a copy or move of ``source`` lands: into ``dest`` when it is a directory."""
    where = _locate(fs, dest, cwd, follow=True)
    if isinstance(where, str):
        return where
    if where.node is not None and where.node.kind == DIRECTORY:
        inside = fs.lookup(_join(where.node.path, source.name), follow=False)
        return _Where(where.node, source.name, inside if isinstance(inside, Node) else None)
    return where


def _copy_tree(fs: RootFs, node: Node, path: str, now: int, keep_time: bool) -> None:
    fs.make(path, _change_of(fs, node, node.mtime if keep_time else now))
    if node.kind == DIRECTORY:
        for kid in fs.children(node.path):
            _copy_tree(fs, kid, _join(path, kid.name), now, keep_time)


def busybox_cp(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``cp [-rRapf] SOURCE... DEST``: a file's copy (0644 less nothing: its own mode under
    umask 022), a directory's with ``-r``."""
    got = _options("cp", args, "rRapfdP")
    if isinstance(got, Result):
        return got
    opts, operands = got
    if len(operands) < 2:
        return Result("", busybox_usage("cp"), 1)
    *sources, dest = operands
    err: list[str] = []
    for op in sources:
        src = fs.resolve(op, cwd)
        if src is None:
            err.append(f"cp: can't stat '{op}': {ENOENT}\n")
            continue
        if src.kind == DIRECTORY and not ({"r", "R", "a"} & opts):
            err.append(f"cp: omitting directory '{op}'\n")
            continue
        if src.fs != "disk":
            return Result("", not_simulated(f"cp {' '.join(args)}", _NOT_KEPT), 2)
        where = _destination(fs, src, dest, cwd)
        if isinstance(where, str):
            err.append(f"cp: can't create '{dest}': {where}\n")
            continue
        why = _create_refusal(where.parent, where.path)
        if why is not None:
            err.append(f"cp: can't create '{dest}': {why}\n")
            continue
        kept = _not_kept("cp", args, where)
        if kept is not None:
            return kept
        _copy_tree(fs, src, where.path, now, bool({"a", "p"} & opts))
    return Result("", "".join(err), 1 if err else 0)


def busybox_mv(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``mv [-f] SOURCE... DEST``: rename (into DEST when it is a directory)."""
    got = _options("mv", args, "fin")
    if isinstance(got, Result):
        return got
    _, operands = got
    if len(operands) < 2:
        return Result("", busybox_usage("mv"), 1)
    *sources, dest = operands
    err: list[str] = []
    for op in sources:
        src = _locate(fs, op, cwd)
        if isinstance(src, str) or src.node is None:
            err.append(f"mv: can't rename '{op}': {src if isinstance(src, str) else ENOENT}\n")
            continue
        node = src.node
        where = _destination(fs, node, dest, cwd)
        if isinstance(where, str):
            err.append(f"mv: can't rename '{op}': {where}\n")
            continue
        kept = _not_kept("mv", args, src) or _not_kept("mv", args, where)
        if kept is not None:
            return kept
        why = _delete_refusal(src) or _create_refusal(where.parent, where.path)
        if why is not None:
            err.append(f"mv: can't rename '{op}': {why}\n")
            continue
        if where.path == node.path:
            continue
        if where.node is not None:
            fs.unlink(where.node.path, now)
        _copy_tree(fs, node, where.path, 0, True)
        fs.unlink(node.path, now)
    return Result("", "".join(err), 1 if err else 0)


def busybox_ln(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``ln -s [-f] TARGET LINK``: a symbolic link (a hard link is not modelled)."""
    got = _options("ln", args, "sfn")
    if isinstance(got, Result):
        return got
    opts, operands = got
    if len(operands) != 2 and not (len(operands) == 1 and "s" in opts):
        return Result("", busybox_usage("ln"), 1)
    if "s" not in opts:
        return Result("", not_simulated(f"ln {' '.join(args)}", "hard links are not modelled"), 2)
    target = operands[0]
    name = operands[1] if len(operands) == 2 else target.rstrip("/").rsplit("/", 1)[-1]
    where = _locate(fs, name, cwd, follow="n" not in opts)
    if not isinstance(where, str) and where.node is not None and where.node.kind == DIRECTORY:
        where = _locate(fs, _join(where.node.path, target.rstrip("/").rsplit("/", 1)[-1]), "/")
    if isinstance(where, str):
        return Result("", f"ln: {name}: {where}\n", 1)
    if where.node is not None:
        if "f" not in opts:
            return Result("", f"ln: {name}: {EEXIST}\n", 1)
        fs.unlink(where.node.path, now)
    why = _create_refusal(where.parent, where.path)
    if why is not None:
        return Result("", f"ln: {name}: {why}\n", 1)
    kept = _not_kept("ln", args, where)
    if kept is not None:
        return kept
    fs.make(where.path, Change(SYMLINK, 0o777, now, target))
    return Result("", "", 0)


def write_text(fs: RootFs, path: str, text: str, append: bool, now: int) -> Optional[str]:
    """A shell's ``>`` (``append``: ``>>``) of ``text`` into the file at the absolute ``path``:
    None when written, else the errno's text the shell reports."""
    where = _locate(fs, path, "/", follow=True)
    if isinstance(where, str):
        return where
    node = where.node
    if node is not None and node.kind == DIRECTORY:
        return EISDIR
    if node is None:
        why = _create_refusal(where.parent, where.path)
        if why is not None:
            return why
        fs.make(where.path, Change(FILE, 0o644, now, text=text))
        return None
    if where.parent.fs == "sysfs":
        return EROFS
    old = fs.read(node) if append else ""
    fs.make(node.path, Change(FILE, node.mode, now, text=(old if isinstance(old, str) else "") + text))
    return None


def write_refused(fs: RootFs, path: str) -> bool:
    """Whether a shell's write to ``path`` is one the simulator does not keep (``/dev``, the
    daemon's bind mounts, a file of /proc)."""
    where = _locate(fs, path, "/", follow=True)
    if isinstance(where, str):
        return False
    return _not_kept("sh", (), where) is not None


def run_writer(applet: str, args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """Run one of ``WRITE_APPLETS`` on a writable tree."""
    if applet == "touch":
        return busybox_touch(args, fs, cwd, now)
    if applet == "mkdir":
        return busybox_mkdir(args, fs, cwd, now)
    if applet == "rm":
        return busybox_rm(args, fs, cwd, now)
    if applet == "rmdir":
        return busybox_rmdir(args, fs, cwd, now)
    if applet == "cp":
        return busybox_cp(args, fs, cwd, now)
    if applet == "mv":
        return busybox_mv(args, fs, cwd, now)
    return busybox_ln(args, fs, cwd, now)
