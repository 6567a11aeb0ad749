"""``sysctl`` and ``cat /proc/sys/…``: the host's procps 4 ``sysctl``, the images' busybox applet.

Both read the namespace's tree from ``kernel.sysctl``; they differ in words and in what ``-a``
shows. Recorded in d03_host_sysctl and tests/golden r241-r244 (procps 4.0.2 on the host,
busybox 1.35.0 in the images, on Engines 20.10, 26 and 28):

- procps: ``KEY = VALUE``; ``-n`` values, ``-N`` names; a key may be spelt with slashes
  (``net/ipv4/ip_forward``, shown with dots); a directory lists its files; an unknown key is
  ``sysctl: cannot stat /proc/sys/PATH: No such file or directory`` (exit 1), which ``-e``
  silences (exit 0) and ``-q`` does not; ``-a`` leaves out the deprecated ``base_reachable_time``
  and ``retrans_time`` and what cannot be read (``stable_secret``, which read alone is exit 1
  and no word): 123 lines per device; no argument at all is the usage on stderr (exit 1), options
  without a key ``sysctl: no variables specified`` and a hint (exit 1), an unknown option its
  line on stderr and the usage on stdout (exit 0).
- busybox: the same lines; an unknown key is ``sysctl: error: 'KEY' is an unknown key`` (exit 1;
  ``-e`` silences it, the exit stays 1); ``-a`` and a directory list every file, deprecated
  ones too, and say ``sysctl: error reading key 'KEY': Input/output error`` for
  ``stable_secret`` (127 lines per device); a write (``KEY=VALUE``, with or without ``-w``)
  fails: a container's /proc/sys is mounted read-only (``error setting key 'KEY': Read-only
  file system``); no key is no output (exit 0); an unknown option is ``invalid option`` and the
  usage (exit 1).

On the host procps writes too (``sysctl -w KEY=VALUE``, or ``KEY=VALUE`` alone), through the
daemon's ``host_sysctl`` (recorded, as the Engine API calls are): ``KEY = VALUE`` as typed (``-n``
the value, ``-q`` nothing), ``sysctl: setting key "KEY": Invalid argument`` for a value the kernel
refuses (exit 1), ``sysctl: command line(0): invalid syntax, continuing...`` for ``-w KEY`` (exit
1); measured with procps 4.0.2 on the recording machine, and r280 on the three engines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, Optional, Sequence

from ..kernel import sysctl as tree
from ..result import Result
from .applets import busybox_usage

if TYPE_CHECKING:
    from ..kernel import Namespace

__all__ = ["procps_sysctl", "busybox_sysctl", "proc_sys_file"]

_NO_IPC: Mapping[str, str] = {}

# writes one host sysctl: (key, text) -> "" or the kernel's refusal in words (Daemon.host_sysctl)
Writer = Callable[[str, str], str]

# procps-ng 4.0.2's usage (r244): on stderr for a bare ``sysctl`` (exit 1), on stdout after an
# unknown option's line (exit 0)
PROCPS_USAGE = (
    "\n"
    "Usage:\n"
    " sysctl [options] [variable[=value] ...]\n"
    "\n"
    "Options:\n"
    "  -a, --all            display all variables\n"
    "  -A                   alias of -a\n"
    "  -X                   alias of -a\n"
    "      --deprecated     include deprecated parameters to listing\n"
    "      --dry-run        Print the key and values but do not write\n"
    "  -b, --binary         print value without new line\n"
    "  -e, --ignore         ignore unknown variables errors\n"
    "  -N, --names          print variable names without values\n"
    "  -n, --values         print only values of the given variable(s)\n"
    "  -p, --load[=<file>]  read values from file\n"
    "  -f                   alias of -p\n"
    "      --system         read values from all system directories\n"
    "  -r, --pattern <expression>\n"
    "                       select setting that match expression\n"
    "  -q, --quiet          do not echo variable set\n"
    "  -w, --write          enable writing a value to variable\n"
    "  -o                   does nothing\n"
    "  -x                   does nothing\n"
    "  -d                   alias of -h\n"
    "\n"
    " -h, --help     display this help and exit\n"
    " -V, --version  output version information and exit\n"
    "\n"
    "For more details see sysctl(8).\n"
)
PROCPS_NO_VARIABLES = "sysctl: no variables specified\nTry `sysctl --help' for more information.\n"
# procps 4.0.2's short options (sysctl.c's getopt string, as its --help lists them)
_PROCPS_FLAGS = {"a": "all", "A": "all", "X": "all", "n": "values", "N": "names", "e": "ignore", "q": "quiet",
                 "b": "binary", "x": "hex", "w": "write", "o": "", "d": "", "f": "", "p": "load", "r": "pattern"}
_PROCPS_LONG = {"--all": "all", "--values": "values", "--names": "names", "--ignore": "ignore",
                "--quiet": "quiet", "--binary": "binary", "--write": "write"}
_BUSYBOX_FLAGS = {"e": "ignore", "n": "values", "q": "quiet", "a": "all", "A": "all", "p": "load", "w": "write"}


def proc_sys_file(ns: "Namespace", path: str, ipc: Mapping[str, str] = _NO_IPC) -> Optional[str]:
    """What ``cat`` reads from a /proc/sys file of the namespace, or None when it is not there
    (or is a directory, or cannot be read)."""
    key = tree.key_of_path(path)
    if key is None:
        return None
    entry = tree.find(ns, key, ipc)
    if entry is None or entry.value is None:
        return None
    return entry.value + "\n"


def proc_sys_dir(ns: "Namespace", path: str, ipc: Mapping[str, str] = _NO_IPC) -> bool:
    """Whether ``path`` is a directory of the namespace's /proc/sys (``ls``, ``cd``, ``find``)."""
    key = tree.key_of_path(path)
    return key is not None and tree.is_directory(ns, key)


def _line(entry: tree.Entry, mode: set[str]) -> str:
    if "values" in mode:
        return f"{entry.value}" if "binary" in mode else f"{entry.value}\n"
    if "names" in mode:
        return entry.key + "\n"
    return f"{entry.key} = {entry.value}\n"


def _procps_write(arg: str, mode: set[str], ns: "Namespace", write: Writer) -> tuple[str, str, int]:
    """One ``KEY=VALUE`` of procps' ``sysctl [-w]``: what it prints, says and its exit code. The
    line shows the value as typed (``01`` stays ``01``), as procps prints it; the kernel parses."""
    name, eq, value = arg.partition("=")
    if not eq:
        return "", "sysctl: command line(0): invalid syntax, continuing...\n", 1
    key = name.strip().replace("/", ".")
    if not key:
        return "", f"sysctl: Path is not under {tree.PROC_SYS}: {tree.PROC_SYS}\n", 1
    if tree.find(ns, key) is None:
        if tree.is_directory(ns, key):
            # procps opens a directory for writing, fails, and still exits 0 (measured: 4.0.2)
            return "", f'sysctl: setting key "{key}": Invalid argument\n', 0
        if "ignore" in mode:
            return "", "", 0
        return "", f"sysctl: cannot stat {tree.path_of(key)}: No such file or directory\n", 1
    error = write(key, value)
    if error:
        return "", f'sysctl: setting key "{key}": {error}\n', 1
    if "quiet" in mode:
        return "", "", 0
    return (value + "\n" if "values" in mode else f"{key} = {value}\n"), "", 0


def procps_sysctl(args: Sequence[str], ns: "Namespace", write: Optional[Writer] = None) -> Result:
    """procps-ng 4.0.2 ``sysctl [options] [KEY[=VALUE]…]`` on the host; ``write(key, text)``
    writes a value (the host's ``host_sysctl``: "" or the errno's words), None where writing is
    not modelled."""
    mode: set[str] = set()
    keys: list[str] = []
    for a in args:
        if a in _PROCPS_LONG:
            mode.add(_PROCPS_LONG[a])
        elif a.startswith("-") and len(a) > 1 and not a.startswith("--"):
            for ch in a[1:]:
                if ch not in _PROCPS_FLAGS:
                    return Result(PROCPS_USAGE, f"sysctl: invalid option -- '{ch}'\n", 0)
                mode.add(_PROCPS_FLAGS[ch])
        elif a.startswith("--"):
            return Result("", f"sysctl: unrecognized option '{a}'\n"
                              f"Try `sysctl --help' for more information.\n", 1)
        else:
            keys.append(a)
    if "all" in mode:
        return Result("".join(_line(e, mode) for e in tree.subtree(ns) if not e.deprecated and e.value is not None),
                      "", 0)
    if not args:
        return Result("", PROCPS_USAGE, 1)
    if not keys:
        return Result("", PROCPS_NO_VARIABLES, 1)
    out, err, code = "", "", 0
    for a in keys:
        if "=" in a or "write" in mode:
            if write is None:
                return Result(out, err + "dockernet_sim: sysctl: writing the host's sysctls is not modelled\n", 1)
            said, fault, failed = _procps_write(a, mode, ns, write)
            out, err, code = out + said, err + fault, code or failed
            continue
        key = a.replace("/", ".")
        entry = tree.find(ns, key)
        if entry is None and tree.is_directory(ns, key):
            out += "".join(_line(e, mode) for e in tree.subtree(ns, key) if not e.deprecated and e.value is not None)
            continue
        if entry is None:
            if "ignore" not in mode:
                err += f"sysctl: cannot stat {tree.path_of(key)}: No such file or directory\n"
                code = 1
            continue
        if entry.value is None:
            code = 1         # EIO (stable_secret): nothing said (r244)
            continue
        out += _line(entry, mode)
    return Result(out, err, code)


def busybox_sysctl(args: Sequence[str], ns: "Namespace", ipc: Mapping[str, str] = _NO_IPC) -> Result:
    """busybox 1.35 ``sysctl [-enq] { -a | -p [FILE]... | [-w] [KEY[=VALUE]]... }`` in a
    container: /proc/sys read-only."""
    mode: set[str] = set()
    keys: list[str] = []
    for a in args:
        if a.startswith("-") and len(a) > 1 and not keys:
            for ch in a[1:]:
                if ch not in _BUSYBOX_FLAGS:
                    why = f"invalid option -- '{ch}'" if a[1:2] != "-" else f"unrecognized option '{a}'"
                    return Result("", f"sysctl: {why}\n" + busybox_usage("sysctl"), 1)
                mode.add(_BUSYBOX_FLAGS[ch])
        else:
            keys.append(a)
    out, err, code = "", "", 0

    def listing(key: str) -> None:
        nonlocal out, err, code
        for e in tree.subtree(ns, key, ipc):
            if e.value is None:
                err += f"sysctl: error reading key '{e.key}': Input/output error\n"
                code = 1
            else:
                out += _line(e, mode)

    if "all" in mode:
        listing("")
        return Result(out, err, code)
    for a in keys:
        name, eq, _value = a.partition("=")
        key = name.replace("/", ".")
        if eq or "write" in mode:
            err += f"sysctl: error setting key '{key}': Read-only file system\n"
            code = 1
            continue
        entry = tree.find(ns, key, ipc)
        if entry is None and tree.is_directory(ns, key):
            listing(key)
            continue
        if entry is None:
            if "ignore" not in mode:
                err += f"sysctl: error: '{key}' is an unknown key\n"
            code = 1
            continue
        if entry.value is None:
            err += f"sysctl: error reading key '{key}': Input/output error\n"
            code = 1
            continue
        out += _line(entry, mode)
    return Result(out, err, code)
