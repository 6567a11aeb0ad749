"""busybox 1.35's file applets in a container: ``ls``, ``cat``, ``find``, ``df``, ``mount``,
``which``, ``readlink``, ``sysctl``, ``dmesg``, and the answer of the applets that write.

Each reads the container's tree (``rootfs.RootFs``) and prints what the oracle's busybox
(busybox-static 1.35.0, Debian 12) printed on Docker 20.10, 26 and 28 (r200_busybox_ls,
r201_busybox_net_files, r202_busybox_system) and what its ``coreutils/ls.c``-style formats give:
``ls -l`` is ``%-10s %4u %-8s %-8s %9u Mmm dd hh:mm name`` (``%4u,%4u`` for a device's numbers,
the year instead of the time for a file over six months old), users and groups as numbers (the
image has no ``/etc/passwd``); columns (``-C``, ``-x``) are 80 wide off a terminal, one name a
line otherwise; operands are sorted, files before directories, a directory named ``DIR:`` when
more than one operand was given. ``find`` walks a directory's entries in name order (the real
one walks the directory's own order: the recordings sort its output). ``df`` and ``mount`` show
the recording machine's mounts (vfs storage on ``/dev/vda``) and its df numbers.

What the simulator does not model gets ``dockernet_sim: …: not simulated`` on stderr and exit
status 2, never a made-up listing: the parts of ``/proc`` and ``/sys`` that do not show network
state, options it does not implement, and a change to the files of a tree that cannot be written
(the applets that write answer so, after the refusals that need no change, such as ``mkdir
/etc``'s ``File exists``; a container's tree is written by ``busybox_writes``).
"""

from __future__ import annotations

import time
from fnmatch import fnmatchcase
from typing import Optional, Sequence

from ..result import Result
from .applets import busybox_usage
from .rootfs import Node, RootFs, Unreadable, image_data

__all__ = ["run_file_applet", "busybox_ls", "busybox_cat", "busybox_find", "busybox_df", "busybox_mount", "busybox_which",
           "busybox_readlink", "busybox_dmesg", "busybox_writer", "not_simulated",
           "read_operand", "filter_input"]

# the image's PATH (moby's default for a container), of which only /bin exists
_PATH = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")


def not_simulated(what: str, why: str = "") -> str:
    return f"dockernet_sim: {what}: not simulated{': ' + why if why else ''}\n"


def _mode_string(n: Node) -> str:
    kind = {"d": "d", "l": "l", "c": "c", "f": "-"}[n.kind]
    bits = ""
    for shift, letters in ((6, "rwx"), (3, "rwx"), (0, "rwx")):
        for i, ch in enumerate(letters):
            bits += ch if n.mode & (1 << (shift + 2 - i)) else "-"
    if n.mode & 0o1000:
        bits = bits[:8] + ("t" if bits[8] == "x" else "T")
    return kind + bits


def _when(seconds: int, now: int) -> str:
    """``Mmm dd hh:mm`` (or ``Mmm dd  yyyy`` past six months), as busybox cuts ctime(3)."""
    text = time.asctime(time.gmtime(seconds))      # 'Sat Dec  5 23:13:41 2026'
    age = now - seconds
    if -15 * 60 < age < 3600 * 24 * 365 // 2:
        return text[4:16]
    return text[4:11] + f"{text[20:]:>5}"


class _Ls:
    """One run of ``ls``: its options and what it has printed so far."""

    def __init__(self, fs: RootFs, opts: set[str], width: int, now: int) -> None:
        self.fs, self.opts, self.width, self.now = fs, opts, width, now
        self.out: list[str] = []
        self.err: list[str] = []
        self.code = 0

    def indicator(self, n: Node) -> str:
        if "F" in self.opts:
            return {"d": "/", "l": "@"}.get(n.kind, "*" if n.kind == "f" and n.mode & 0o111 else "")
        if "p" in self.opts and n.kind == "d":
            return "/"
        return ""

    def sort(self, entries: list[tuple[str, Node]]) -> list[tuple[str, Node]]:
        entries = sorted(entries, key=lambda e: e[0].encode())
        if "S" in self.opts:
            entries.sort(key=lambda e: -e[1].size)
        elif "t" in self.opts:
            entries.sort(key=lambda e: -e[1].mtime)
        if "r" in self.opts:
            entries.reverse()
        return entries

    def long_line(self, shown: str, n: Node) -> str:
        size = f"{n.major:4d},{n.minor:4d}" if n.kind == "c" else f"{n.size:9d}"
        line = f"{_mode_string(n):<10} {n.nlink:4d} {0:<8} {n.gid:<8} {size} {_when(n.mtime, self.now)} {shown}"
        if n.kind == "l":
            line += " -> " + n.target
        return line + self.indicator(n) if n.kind != "l" else line

    def show(self, entries: list[tuple[str, Node]]) -> None:
        """busybox's showfiles: one a line, long lines, or columns."""
        blocks = "s" in self.opts
        if "l" in self.opts:
            for shown, n in entries:
                self.out.append((f"{n.blocks:6d} " if blocks else "") + self.long_line(shown, n) + "\n")
            return
        cells = [(f"{n.blocks:6d} " if blocks else "") + shown + self.indicator(n) for shown, n in entries]
        if not ("C" in self.opts or "x" in self.opts) or not cells:
            self.out.extend(c + "\n" for c in cells)
            return
        col = max(len(c) for c in cells) + 2
        ncols = max(1, self.width // col) if self.width else 1
        nrows = (len(cells) + ncols - 1) // ncols
        ncols = (len(cells) + nrows - 1) // nrows
        for row in range(nrows):
            line = ""
            for c in range(ncols):
                i = row * ncols + c if "x" in self.opts else c * nrows + row
                if i < len(cells):
                    if line:
                        line = line.ljust(col * c)
                    line += cells[i]
            self.out.append(line + "\n")

    def entries_of(self, path: str) -> Optional[list[tuple[str, Node]]]:
        node = self.fs.resolve(path)
        assert node is not None
        if node.partial:
            self.err.append(not_simulated(f"ls {path}", "only the network files of /proc and /sys are modelled"))
            self.code = 2
            return None
        kids = [(k.name, k) for k in self.fs.children(node.path)
                if "a" in self.opts or "A" in self.opts or not k.name.startswith(".")]
        if "a" in self.opts:
            parent = self.fs.resolve(node.path.rsplit("/", 1)[0] or "/")
            kids += [(".", node), ("..", parent or node)]
        return self.sort(kids)

    def directory(self, shown: str, path: str, header: bool, first: bool) -> None:
        if header:
            self.out.append(("" if first else "\n") + f"{shown}:\n")
        entries = self.entries_of(path)
        if entries is None:
            return
        if "l" in self.opts or "s" in self.opts:
            self.out.append(f"total {sum(n.blocks for _, n in entries)}\n")
        self.show(entries)
        if "R" in self.opts:
            for name, n in entries:
                if n.kind == "d" and name not in (".", ".."):
                    sub = shown.rstrip("/") + "/" + name
                    self.directory(sub, n.path, True, False)


def busybox_ls(args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """``ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...`` off a terminal."""
    opts: set[str] = set()
    width = 80
    operands: list[str] = []
    words = list(args)
    while words:
        w = words.pop(0)
        if w == "--":
            operands += words
            break
        if w == "--help":
            return Result("", busybox_usage("ls"), 0)
        if w.startswith("--"):
            if w in ("--full-time", "--group-directories-first") or w.startswith("--color"):
                return Result("", not_simulated(f"ls {w}"), 2)
            return Result("", f"ls: unrecognized option '{w}'\n" + busybox_usage("ls"), 1)
        if w.startswith("-") and w != "-":
            letters = w[1:]
            while letters:
                ch, letters = letters[0], letters[1:]
                if ch == "w":
                    value = letters or (words.pop(0) if words else None)
                    letters = ""
                    if value is None:
                        return Result("", "ls: option requires an argument -- 'w'\n" + busybox_usage("ls"), 1)
                    if not value.isdigit():
                        return Result("", f"ls: invalid number '{value}'\n", 1)
                    width = int(value)
                elif ch in "1AaCxdLHRFplnsrStcu":
                    opts.add(ch)
                elif ch in "ihXv":
                    return Result("", not_simulated(f"ls -{ch}"), 2)
                else:
                    return Result("", f"ls: invalid option -- '{ch}'\n" + busybox_usage("ls"), 1)
            continue
        operands.append(w)
    if "1" in opts or "l" in opts:
        opts.discard("C")
        opts.discard("x")
    run = _Ls(fs, opts, width, now)
    many = len(operands) > 1
    files: list[tuple[str, Node]] = []
    dirs: list[tuple[str, Node]] = []
    follow = not ({"l", "d", "F"} & opts) or bool({"H", "L"} & opts)
    for op in operands or ["."]:
        node = fs.lookup(op, cwd, follow=follow)
        if isinstance(node, str):
            missing = _missing(fs, op, cwd, "ls")
            if missing:
                run.err.append(missing)
                run.code = max(run.code, 2)
                continue
            run.err.append(f"ls: {op}: {node}\n")
            run.code = max(run.code, 1)
            continue
        (dirs if node.kind == "d" and "d" not in opts else files).append((op, node))
    if files:
        run.show(run.sort(files))
    first = not files
    for shown, node in run.sort(dirs):
        run.directory(shown, node.path, many or "R" in opts, first)
        first = False
    return Result("".join(run.out), "".join(run.err), run.code)


def _missing(fs: RootFs, path: str, cwd: str, applet: str) -> str:
    """For a path the tree lacks: the simulator's word when it lies in a part not modelled
    (a partial directory), else "" (it does not exist)."""
    full = path if path.startswith("/") else cwd.rstrip("/") + "/" + path
    parts = [p for p in full.split("/") if p]
    here = "/"
    for p in parts:
        node = fs.resolve(here.rstrip("/") + "/" + p)
        parent = fs.resolve(here)
        if node is None:
            if parent is not None and parent.partial:
                return not_simulated(f"{applet} {path}", "only the network files of /proc and /sys are modelled")
            return ""
        here = node.path
    return ""


def read_operand(fs: RootFs, path: str, cwd: str, applet: str) -> "str | Result":
    """A file's text for an applet reading it, or what the applet says when it cannot."""
    node = fs.lookup(path, cwd)
    if isinstance(node, str):
        missing = _missing(fs, path, cwd, applet)
        if missing:
            return Result("", missing, 2)
        return Result("", f"{applet}: can't open '{path}': {node}\n", 1)
    content = fs.read(node)
    if isinstance(content, Unreadable):
        return Result("", f"{applet}: read error: {content.reason}\n", 1)
    if content is None:
        return Result("", not_simulated(f"{applet} {path}", "the simulator does not model this file's content"), 2)
    return content


def busybox_cat(args: Sequence[str], fs: RootFs, cwd: str, stdin: Optional[str] = None) -> Result:
    """``cat [FILE]...``: each file in turn; ``-`` or no operand is the standard input."""
    out, err, code = [], [], 0
    operands = [a for a in args if a != "-u"]
    for a in operands:
        if a.startswith("-") and a != "-":
            if a == "--help":
                return Result("", busybox_usage("cat"), 0)
            return Result("", not_simulated(f"cat {a}"), 2)
    for a in operands or ["-"]:
        if a == "-":
            out.append(stdin or "")
            continue
        got = read_operand(fs, a, cwd, "cat")
        if isinstance(got, Result):
            err.append(got.stderr)
            code = max(code, got.exit_code)
        else:
            out.append(got)
    return Result("".join(out), "".join(err), code)


# the rest of busybox 1.35 find's expression (its usage): known, not modelled
_FIND_WORDS = frozenset(("-L", "-H", "-follow", "(", ")", "!", "-a", "-o", "-not", "-and", "-or", "-iname", "-path",
                         "-ipath", "-regex", "-executable", "-perm", "-mtime", "-atime", "-ctime", "-mmin", "-amin",
                         "-cmin", "-newer", "-inum", "-samefile", "-user", "-group", "-size", "-links", "-empty",
                         "-prune", "-print0", "-exec", "-quit", "-delete", "-ok", "-context"))


def busybox_find(args: Sequence[str], fs: RootFs, cwd: str) -> Result:
    """``find [PATH]... [-xdev] [-maxdepth N] [-mindepth N] [-type X] [-name PATTERN] [-print]``."""
    words = list(args)
    paths: list[str] = []
    while words and not words[0].startswith("-") and words[0] not in ("!", "("):
        paths.append(words.pop(0))
    xdev = False
    maxdepth: Optional[int] = None
    mindepth = 0
    kinds: Optional[str] = None
    names: list[str] = []
    while words:
        w = words.pop(0)
        if w in ("-xdev", "-mount", "-print", "-depth"):
            xdev = xdev or w in ("-xdev", "-mount")
            continue
        if w in ("-maxdepth", "-mindepth", "-type", "-name"):
            if not words:
                return Result("", f"find: {w} requires an argument\n", 1)
            v = words.pop(0)
            if w in ("-maxdepth", "-mindepth"):
                if not v.isdigit():
                    return Result("", f"find: invalid number '{v}'\n", 1)
                if w == "-maxdepth":
                    maxdepth = int(v)
                else:
                    mindepth = int(v)
            elif w == "-type":
                kinds = (kinds or "") + v.replace("f", "f")
            else:
                names.append(v)
            continue
        if w == "--help":
            return Result("", busybox_usage("find"), 0)
        if w in _FIND_WORDS:
            return Result("", not_simulated(f"find {w}"), 2)
        return Result("", f"find: unrecognized: {w}\n" + busybox_usage("find"), 1)
    out: list[str] = []
    err: list[str] = []
    code = 0

    def partial_above(path: str) -> bool:
        parent = fs.resolve(path.rsplit("/", 1)[0] or "/") if path != "/" else None
        return parent is not None and parent.path != path and (parent.partial or partial_above(parent.path))

    def visit(shown: str, node: Node, depth: int, fs_name: str) -> None:
        nonlocal code
        if (depth >= mindepth and (kinds is None or node.kind in kinds)
                and all(fnmatchcase(node.name if shown != "/" else "/", p) for p in names)):
            out.append(shown + "\n")
        if node.kind != "d" or (maxdepth is not None and depth >= maxdepth):
            return
        if xdev and node.fs != fs_name:
            return
        if node.partial and not partial_above(node.path):
            # said once, for the topmost directory known in part (/proc, /sys)
            err.append(not_simulated(f"find {shown}", "only the network files of /proc and /sys are modelled"))
            code = 2
        for kid in fs.children(node.path):
            visit(shown.rstrip("/") + "/" + kid.name if shown != "/" else "/" + kid.name, kid, depth + 1, fs_name)

    for p in paths or ["."]:
        node = fs.lookup(p, cwd, follow=False)
        if isinstance(node, str):
            err.append(f"find: {p}: {node}\n")
            code = max(code, 1)
            continue
        if node.kind == "l":
            # a link named on the command line is followed only to look inside (its own name shows)
            inside = fs.resolve(p, cwd)
            if inside is not None and inside.kind == "d" and maxdepth != 0:
                node = inside
        visit(p, node, 0, node.fs)
    return Result("".join(out), "".join(err), code)


def _human(kib: int) -> str:
    """busybox's make_human_readable_str for a size in KiB (``252.0G``, ``64.0M``, ``0``)."""
    if kib == 0:
        return "0"
    val = kib * 1024
    units = "BKMGTPE"
    u = 0
    frac = 0
    while val >= 1024:
        u += 1
        frac = ((val % 1024) * 10 + 512) // 1024
        val //= 1024
    if frac >= 10:
        val += 1
        frac = 0
    return f"{val}.{frac}{units[u]}" if u else str(val)


def proc_mounts(masked_paths: Sequence[str], masked_dir_options: str) -> str:
    """/proc/mounts of a container on the recording machine (``SOURCE TARGET TYPE OPTIONS 0 0``):
    runc's mounts, then one per masked path the kernel has, in the daemon's MaskedPaths order
    (a read-only tmpfs over a directory, the /dev tmpfs's /dev/null over a file)."""
    data = image_data()
    rows = data.mounts
    kinds = dict(data.maskable)
    dev_options = next(options for _, target, _, options in rows if target == "/dev")
    lines = [f"{src} {target} {kind} {options} 0 0\n" for src, target, kind, options in rows]
    for path in masked_paths:
        if path in kinds:
            options = masked_dir_options if kinds[path] == "d" else dev_options
            lines.append(f"tmpfs {path} tmpfs {options} 0 0\n")
    return "".join(lines)


def _mount_rows(fs: RootFs) -> list[list[str]]:
    """(source, target, type, options) of each line of the container's /proc/mounts."""
    node = fs.resolve("/proc/mounts")
    text = fs.read(node) if node is not None else None
    return [line.split()[:4] for line in text.splitlines()] if isinstance(text, str) else []


def busybox_mount(args: Sequence[str], fs: RootFs) -> Result:
    """``mount`` alone: the mount table; anything else (mounting) is not simulated."""
    if list(args) == ["--help"]:
        return Result("", busybox_usage("mount"), 0)
    if args:
        return Result("", not_simulated("mount " + " ".join(args)), 2)
    return Result("".join(f"{src} on {target} type {kind} ({options})\n"
                          for src, target, kind, options in _mount_rows(fs)), "", 0)


def busybox_df(args: Sequence[str], fs: RootFs, cwd: str) -> Result:
    """``df [-Pkh] [FILE]...``: the file systems with blocks (the recording machine's numbers)."""
    human = False
    operands: list[str] = []
    for a in args:
        if a == "--help":
            return Result("", busybox_usage("df"), 0)
        if a.startswith("-") and a != "-":
            for ch in a[1:]:
                if ch == "h":
                    human = True
                elif ch in "kP":
                    continue
                elif ch in "mTaitB":
                    return Result("", not_simulated(f"df -{ch}"), 2)
                else:
                    return Result("", f"df: invalid option -- '{ch}'\n" + busybox_usage("df"), 1)
            continue
        operands.append(a)
    numbers = image_data().df
    # the mounted file systems that have blocks, in the mount table's order (the machine's numbers)
    by_target = {row[1]: row for row in numbers}
    rows = [by_target[target] for _, target, _, _ in _mount_rows(fs) if target in by_target]
    picked = rows
    err: list[str] = []
    if operands:
        picked = []
        for op in operands:
            node = fs.resolve(op, cwd)
            if node is None:
                err.append(f"df: {op}: can't find mount point\n")
                continue
            # the first mount of the file's device: the image's disk is /, a tmpfs the one above it
            want = "/" if node.fs == "disk" else next(
                (t for _, t, _, _, _ in sorted(rows, key=lambda r: -len(r[1]))
                 if node.path == t or node.path.startswith(t.rstrip("/") + "/")), "/")
            picked += [r for r in rows if r[1] == want][:1]
    head = ("Filesystem                Size      Used Available Use% Mounted on\n" if human else
            "Filesystem           1K-blocks      Used Available Use% Mounted on\n")
    out = [head]
    for src, target, blocks, used, avail in picked:
        pct = (used * 100 + (used + avail) // 2) // (used + avail) if used + avail else 0
        name = src if len(src) <= 20 else src + "\n" + " " * 20
        cells = [_human(v) for v in (blocks, used, avail)] if human else [str(v) for v in (blocks, used, avail)]
        out.append(f"{name:<20} {cells[0]:>9} {cells[1]:>9} {cells[2]:>9} {pct:3d}% {target}\n")
    return Result("".join(out), "".join(err), 1 if err else 0)


def busybox_which(args: Sequence[str], fs: RootFs) -> Result:
    """``which [-a] COMMAND...``: each command's path in the container's PATH (only /bin exists)."""
    names = [a for a in args if a != "-a"]
    if not names or "--help" in names:
        return Result("", busybox_usage("which"), 1 if not names else 0)
    out: list[str] = []
    code = 0
    for name in names:
        found = []
        candidates = [name] if "/" in name else [d + "/" + name for d in _PATH]
        for path in candidates:
            node = fs.resolve(path)
            if node is not None and node.kind == "f" and node.mode & 0o111:
                found.append(path)
                if "-a" not in args:
                    break
        if not found:
            code = 1
        out += [f + "\n" for f in found]
    return Result("".join(out), "", code)


def busybox_readlink(args: Sequence[str], fs: RootFs, cwd: str) -> Result:
    """``readlink [-f] FILE``: a link's target (``-f``: the canonical path); nothing and status 1
    for a file that is no link."""
    canonical = "-f" in args
    operands = [a for a in args if not a.startswith("-")]
    if len(operands) != 1:
        return Result("", busybox_usage("readlink"), 1)
    if canonical:
        # the last part may be missing (its parent then names the path), anything above may not
        node = fs.resolve(operands[0], cwd)
        if node is not None:
            return Result(node.path + "\n", "", 0)
        full = operands[0] if operands[0].startswith("/") else cwd.rstrip("/") + "/" + operands[0]
        head, _, last = full.rstrip("/").rpartition("/")
        parent = fs.resolve(head or "/")
        if parent is None or parent.kind != "d" or last in ("", ".", ".."):
            return Result("", "", 1)
        return Result(parent.path.rstrip("/") + "/" + last + "\n", "", 0)
    node = fs.resolve(operands[0], cwd, follow=False)
    if node is None or node.kind != "l":
        return Result("", "", 1)
    return Result(node.target + "\n", "", 0)


def busybox_dmesg(args: Sequence[str]) -> Result:
    """``dmesg``: a container has no CAP_SYSLOG (r202)."""
    return Result("", "dmesg: klogctl: Operation not permitted\n", 1)


# the writers whose usage text the data has (busybox_usage.json)
_USAGES = frozenset(("touch", "mkdir", "rm", "rmdir"))


def busybox_writer(applet: str, args: Sequence[str], fs: RootFs, cwd: str) -> Result:
    """An applet that changes files: the refusals that need no change (r202: ``mkdir`` of a
    directory that exists, ``rm`` of a missing file, ``touch`` in a missing directory), else the
    simulator's word that the writable layer is not modelled."""
    operands = [a for a in args if not a.startswith("-")]
    if ("--help" in args or not operands) and applet in _USAGES:
        return Result("", busybox_usage(applet), 0 if "--help" in args else 1)
    for op in operands:
        full = op if op.startswith("/") else cwd.rstrip("/") + "/" + op
        parent = full.rstrip("/").rsplit("/", 1)[0] or "/"
        node = fs.resolve(op, cwd, follow=False)
        if applet == "mkdir" and "-p" not in args and node is not None:
            return Result("", f"mkdir: can't create directory '{op}': File exists\n", 1)
        if applet == "mkdir" and "-p" not in args and fs.resolve(parent) is None:
            return Result("", f"mkdir: can't create directory '{op}': No such file or directory\n", 1)
        if applet in ("rm", "rmdir") and node is None and "-f" not in args:
            return Result("", (f"rm: can't remove '{op}': No such file or directory\n" if applet == "rm" else
                               f"rmdir: '{op}': No such file or directory\n"), 1)
        if applet == "touch" and node is None and fs.resolve(parent) is None:
            return Result("", f"touch: {op}: No such file or directory\n", 1)
    return Result("", not_simulated(f"{applet} {' '.join(args)}".rstrip(),
                                    "the container's writable layer is not modelled: its files stay as they were"), 2)


def filter_input(argv: Sequence[str], fs: RootFs, cwd: str) -> "tuple[list[str], str, Optional[str]] | Result":
    """A filter applet run on a file (``wc -l /etc/hosts``, ``grep nameserver /etc/resolv.conf``,
    ``head -n 1 F``): the argv without its last operand, the file's text, and the name ``wc``
    prints after its counts. Without a file operand: the argv, no input, no name."""
    words = list(argv)
    plain = [w for w in words[1:] if not w.startswith("-") or w == "-"]
    needs_pattern = words[0] in ("grep", "egrep", "fgrep", "awk")
    last = words[-1] if len(words) > 1 else None
    if last is None or last.startswith("-") or (needs_pattern and len(plain) < 2) or \
            (words[0] != "wc" and words[-2:-1] in (["-n"], ["-c"], ["-e"], ["-f"], ["-d"], ["-k"], ["-t"], ["-F"])):
        return words, "", None
    got = read_operand(fs, last, cwd, words[0])
    if isinstance(got, Result):
        return got
    return words[:-1], got, last


def run_file_applet(applet: str, args: Sequence[str], fs: RootFs, cwd: str, now: int) -> Result:
    """Run one of the applets here (``applets.FILE_APPLETS``, ``applets.WRITERS``, or a filter
    given a file operand) in a container whose tree is ``fs``; ``now`` is the clock ls reads."""
    if applet == "ls":
        return busybox_ls(args, fs, cwd, now)
    if applet == "cat":
        return busybox_cat(args, fs, cwd)
    if applet == "find":
        return busybox_find(args, fs, cwd)
    if applet == "df":
        return busybox_df(args, fs, cwd)
    if applet == "mount":
        return busybox_mount(args, fs)
    if applet == "which":
        return busybox_which(args, fs)
    if applet == "readlink":
        return busybox_readlink(args, fs, cwd)
    if applet == "dmesg":
        return busybox_dmesg(args)
    from .pipes import FILTERS, run_filter
    if applet in FILTERS:
        # a filter reading a file operand (``wc -l /etc/hosts``): the file is its input
        got = filter_input([applet, *args], fs, cwd)
        if isinstance(got, Result):
            return got
        argv, text, name = got
        r = Result(*run_filter(argv, text))
        if name is not None and applet == "wc" and r.exit_code == 0:
            r = Result("".join(line + " " + name + "\n" for line in r.stdout.splitlines()), r.stderr, 0)
        return r
    from .busybox_writes import WRITE_APPLETS, run_writer
    if applet in WRITE_APPLETS and fs.writable:
        return run_writer(applet, args, fs, cwd, now)
    return busybox_writer(applet, args, fs, cwd)
