"""The sysctl tree a namespace shows under ``/proc/sys``: what ``sysctl`` and ``cat`` read there.

Linux keeps the ``net.*`` part of the tree per network namespace. The model stores only what
was written (``Namespace.sysctl``: dockerd's ``ip_forward``, ``bridge-nf-call-*``,
``route_localnet`` and ``disable_ipv6``, and the OCI runtime's writes from a container's spec)
and derives the rest here, as the kernel does:

- every other value is the kernel's default, read from the recording machine (Linux 6.18):
  ``kernel/data/sysctl_net.json``;
- per device, ``net.ipv4.conf``/``net.ipv6.conf`` have ``all``, ``default`` and one directory per
  link, ``net.ipv4.neigh``/``net.ipv6.neigh`` one per link (``default`` is the initial
  namespace's only, and not modelled);
- a new namespace copies the initial namespace's IPv4 ``all``/``default`` settings
  (``net.core.devconf_inherit_init_net`` 0), so a container shows the host's ``ip_forward``
  (1: recordings d03 and r241 on every engine), and its own IPv6 ones are the defaults
  (``forwarding`` 0);
- writing ``all.forwarding`` (``ip_forward``) or ``all.disable_ipv6`` sets every device's and
  ``default``'s (r242 on 20.10: ``lo`` and ``default`` 1 where dockerd wrote ``all``; r243:
  ``--sysctl net.ipv4.ip_forward=0`` and ``eth0``'s 0);
- a device's IPv6 ``mtu`` is its MTU;
- the host's IPv6 ``forwarding`` is 1: the recording machine had it on (d03, r241 on 20.10,
  which never writes it without IPv6 networks).

Bounded: the ``net.*`` tree, ``fs.mqueue.*`` and the ``kernel.*`` IPC keys docker's ``--sysctl``
takes (those three live in the IPC namespace: a container's come from its own spec, given as
``ipc``). ``sysctl -a`` lists these, not ``vm.*`` or the rest of ``kernel.*``.

>>> from dockernet_sim.kernel import Kernel
>>> k = Kernel()
>>> find(k.host, "net.ipv4.ip_forward").value
'1'
>>> find(k.host, "net.ipv4.no_such_key") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping, Optional

from ..journal import restore_item
from ..records import Record

if TYPE_CHECKING:
    from ..journal import Journal
    from . import Kernel
    from .netns import Namespace

PROC_SYS = "/proc/sys/"

# procps 4 leaves these out of ``sysctl -a`` (its list of deprecated names); busybox does not
DEPRECATED = frozenset(("base_reachable_time", "retrans_time"))


class Entry(Record, frozen=True, slots=True):
    """One file of the tree: its key (``net.ipv4.ip_forward``) and what a read gives, ``None``
    for a read that fails with EIO (``stable_secret`` before one is set)."""
    key: str
    value: Optional[str]

    @property
    def deprecated(self) -> bool:
        """Whether procps skips it in ``-a`` (``base_reachable_time``, ``retrans_time``)."""
        return self.key.rsplit(".", 1)[-1] in DEPRECATED


class _Defaults(Record, frozen=True, slots=True):
    """The kernel's defaults: the per-namespace keys, and per device kind what a directory holds."""
    globals: Mapping[str, Optional[str]]
    # table ("ipv4.conf", …) -> (a device's, loopback's, all's, default's) values
    tables: Mapping[str, tuple[Mapping[str, Optional[str]], ...]]


@lru_cache(maxsize=None)
def _defaults() -> _Defaults:
    import json                       # loaded by the first read of the tree (issue 15)
    from pathlib import Path
    data = json.loads((Path(__file__).parent / "data" / "sysctl_net.json").read_text())
    tables = {}
    for table, kinds in data["interfaces"].items():
        device = kinds["device"]
        tables[table] = tuple(MappingProxyType({**device, **kinds.get(k, {})}) for k in ("device", "lo", "all", "default"))
    return _Defaults(MappingProxyType(data["globals"]), MappingProxyType(tables))


def key_of_path(path: str) -> Optional[str]:
    """``/proc/sys/net/ipv4/ip_forward`` -> ``net.ipv4.ip_forward`` (None outside /proc/sys)."""
    if not path.startswith(PROC_SYS):
        return None
    return path[len(PROC_SYS):].strip("/").replace("/", ".")


def _ip_forward(ns: "Namespace") -> str:
    written = ns.sysctl
    value = written.get("net.ipv4.conf.all.forwarding", written.get("net.ipv4.ip_forward"))
    if value is not None:
        return value
    host = ns.kernel.host
    # a namespace copies the initial one's IPv4 settings; the model's machine forwards (walk.py)
    return "1" if host is ns else _ip_forward(host)


def _device_value(ns: "Namespace", table: str, name: str, kind: int, mtu: Optional[int], leaf: str,
                  value: Optional[str]) -> Optional[str]:
    """A per-device file's value before the device's own writes: what follows ``all``, the MTU."""
    written = ns.sysctl
    if table == "ipv4.conf" and leaf == "forwarding":
        return _ip_forward(ns)
    if table == "ipv6.conf" and leaf == "forwarding":
        return written.get("net.ipv6.conf.all.forwarding", "1" if ns.kernel.host is ns else "0")
    if table == "ipv6.conf" and leaf == "disable_ipv6":
        return written.get("net.ipv6.conf.all.disable_ipv6", "0")
    if table == "ipv6.conf" and leaf == "mtu" and mtu is not None:
        return str(mtu)
    return value


def _devices(ns: "Namespace") -> list[tuple[str, int, Optional[int]]]:
    """(name, kind, MTU): kind 0 a device, 1 loopback, 2 ``all``, 3 ``default``."""
    out: list[tuple[str, int, Optional[int]]] = [("all", 2, None), ("default", 3, None)]
    out += [(link.name, 1 if link.kind == "loopback" else 0, link.mtu) for link in ns.links.values()]
    return out


def _entries(ns: "Namespace", ipc: Mapping[str, str]) -> dict[str, Optional[str]]:
    d = _defaults()
    out: dict[str, Optional[str]] = dict(d.globals)
    out["net.ipv4.ip_forward"] = _ip_forward(ns)
    devices = _devices(ns)
    for table, kinds in d.tables.items():
        neigh = table.endswith(".neigh")
        for name, kind, mtu in devices:
            if neigh and kind >= 2:
                continue
            prefix = f"net.{table}.{name}."
            for leaf, value in kinds[kind].items():
                out[prefix + leaf] = _device_value(ns, table, name, kind, mtu, leaf, value)
    for key, value in ns.sysctl.items():
        if key in out:
            out[key] = value
    for key, value in ipc.items():
        if key in out and not key.startswith("net."):
            out[key] = value
    return out


def find(ns: "Namespace", key: str, ipc: Mapping[str, str] = MappingProxyType({})) -> Optional[Entry]:
    """The file ``key`` names in the namespace's tree (``ipc``: the IPC namespace's writes), or
    None when there is no such file (a directory included). Reads one file, not the tree."""
    d = _defaults()
    if key in d.globals:
        if key == "net.ipv4.ip_forward":
            return Entry(key, _ip_forward(ns))
        if not key.startswith("net."):
            return Entry(key, ipc.get(key, d.globals[key]))
        return Entry(key, ns.sysctl.get(key, d.globals[key]))
    parts = key.split(".")
    if len(parts) < 5 or parts[0] != "net":
        return None
    table, leaf, name = f"{parts[1]}.{parts[2]}", parts[-1], ".".join(parts[3:-1])
    kinds = d.tables.get(table)
    if kinds is None:
        return None
    for dev, kind, mtu in _devices(ns):
        if dev == name:
            if kind >= 2 and table.endswith(".neigh") or leaf not in kinds[kind]:
                return None
            if key in ns.sysctl:
                return Entry(key, ns.sysctl[key])
            return Entry(key, _device_value(ns, table, name, kind, mtu, leaf, kinds[kind][leaf]))
    return None


def subtree(ns: "Namespace", key: str = "", ipc: Mapping[str, str] = MappingProxyType({})) -> list[Entry]:
    """The files under the directory ``key`` (the whole tree for ``""``), each directory's
    entries in name order as the tools list them; empty when ``key`` is no directory."""
    entries = _entries(ns, ipc)
    dirs = _directories(ns)
    head = key + "." if key else ""
    found = [k for k in entries if k.startswith(head)]
    if key and key not in dirs:
        return []
    return [Entry(k, entries[k]) for k in sorted(found, key=lambda k: _path_parts(k, dirs))]


def _directories(ns: "Namespace") -> set[str]:
    """The tree's directories as keys (``net``, ``net.ipv4.conf.br.5``, …): where a link's name
    has a dot, its directory is one name, not two."""
    out = {"net.ipv4.conf", "net.ipv6.conf", "net.ipv4.neigh", "net.ipv6.neigh"}
    for key in _defaults().globals:
        parts = key.split(".")
        for i in range(1, len(parts)):
            out.add(".".join(parts[:i]))
    for table in ("ipv4.conf", "ipv6.conf"):
        out.update(f"net.{table}.{n}" for n in ("all", "default"))
    for table in ("ipv4.conf", "ipv6.conf", "ipv4.neigh", "ipv6.neigh"):
        out.update(f"net.{table}.{n}" for n in ns.links)
    out.update(("net", "net.ipv4", "net.ipv6"))
    return out


def _path_parts(key: str, dirs: set[str]) -> tuple[str, ...]:
    """The key's path components (a link's name one component, dots and all)."""
    parts = key.split(".")
    out: list[str] = []
    start = 0
    i = 1
    while i <= len(parts):
        here = ".".join(parts[:i])
        if here in dirs or i == len(parts):
            out.append(".".join(parts[start:i]))
            start = i
        i += 1
    return tuple(out)


def is_directory(ns: "Namespace", key: str) -> bool:
    """Whether ``key`` names a directory of the tree (``net.ipv4``, ``net.ipv4.conf.eth0``)."""
    return key in _directories(ns)


# a write to ``all`` sets every device's and ``default``'s (devinet_sysctl_forward,
# addrconf_disable_ipv6: r243, ``ip_forward=0`` turns eth0's forwarding off; on 26
# ``all.disable_ipv6=0`` turns eth0's IPv6 back on)
_SPREAD = {"net.ipv4.ip_forward": ("net.ipv4.conf.", ".forwarding"),
           "net.ipv4.conf.all.forwarding": ("net.ipv4.conf.", ".forwarding"),
           "net.ipv6.conf.all.forwarding": ("net.ipv6.conf.", ".forwarding"),
           "net.ipv6.conf.all.disable_ipv6": ("net.ipv6.conf.", ".disable_ipv6")}


# the same file under two names: the per-namespace ``ip_forward`` is ``conf.all.forwarding``
_ALIASES = {"net.ipv4.ip_forward": "net.ipv4.conf.all.forwarding",
            "net.ipv4.conf.all.forwarding": "net.ipv4.ip_forward"}


def parse_write(ns: "Namespace", key: str, text: str) -> tuple[Optional[str], str]:
    """What a write of ``text`` to the file ``key`` stores, as the kernel's handler reads it:
    (the value the file will read, "") or (None, the errno's words). A file whose value is a
    number (``proc_dointvec``) takes one, after blanks and before a newline (``echo 0 >``:
    ``0\n``), and keeps it as the kernel prints it (``01`` reads ``1``); anything else is
    ``Invalid argument``. A file the model has no value for cannot be read, and cannot be
    written either (``stable_secret`` takes an address: not modelled, said as EINVAL)."""
    entry = find(ns, key)
    if entry is None:
        return None, "No such file or directory"
    words = text.split()
    if entry.value is None or not words:
        return None, "Invalid argument"
    current = entry.value.split()
    if all(_is_int(w) for w in current):
        if len(words) > len(current) or not all(_is_int(w) for w in words):
            return None, "Invalid argument"
        # a shorter list leaves the tail as it was (proc_dointvec reads what it is given)
        return "\t".join([str(int(w)) for w in words] + current[len(words):]), ""
    return text.rstrip("\n"), ""


def _is_int(word: str) -> bool:
    digits = word[1:] if word[:1] in "+-" else word
    return digits.isdigit()


def forwards(ns: "Namespace", iif: str, v6: bool) -> tuple[bool, str]:
    """Whether the namespace routes a packet that came in on ``iif`` on to another link, and
    the sysctl that says so: IPv4 asks the incoming device's ``forwarding`` (``ip_route_input``:
    ``IN_DEV_FORWARD``; a write to ``ip_forward`` sets every device's), IPv6 the namespace's
    ``conf.all.forwarding`` (``ip6_forward``)."""
    # read from what was written, as _device_value derives it (the defaults' file stays unread)
    written = ns.sysctl
    if v6:
        key = "net.ipv6.conf.all.forwarding"
        return written.get(key, "1" if ns.kernel.host is ns else "0") != "0", key
    if _ip_forward(ns) == "0":
        return False, "net.ipv4.ip_forward"
    key = f"net.ipv4.conf.{iif}.forwarding"
    return written.get(key, "1") != "0", key


def keep_copied_forwarding(kernel: "Kernel", journal: "Journal") -> None:
    """Before the initial namespace's ``ip_forward`` changes: every other namespace keeps the
    value it copied when it was made (r280: a container started before ``sysctl -w
    net.ipv4.ip_forward=0`` still reads 1, one started after reads 0). The model reads a
    namespace's copy from the host until then, and writes it down now."""
    host = kernel.host
    value = _ip_forward(host)
    for ns in kernel.namespaces.values():
        if ns is host or "net.ipv4.conf.all.forwarding" in ns.sysctl or "net.ipv4.ip_forward" in ns.sysctl:
            continue
        journal.record(restore_item(ns.sysctl, "net.ipv4.conf.all.forwarding"))
        ns.sysctl["net.ipv4.conf.all.forwarding"] = value


def write(ns: "Namespace", key: str, value: str, journal: "Journal") -> None:
    """Write ``value`` (as the file will read) into the namespace's tree, as the kernel takes it."""
    written = ns.sysctl

    def put(k: str, v: Optional[str]) -> None:
        journal.record(restore_item(written, k))
        if v is None:
            written.pop(k, None)
        else:
            written[k] = v

    put(key, value)
    alias = _ALIASES.get(key)
    if alias is not None and alias in written:
        put(alias, None)
    spread = _SPREAD.get(key)
    if spread is not None:
        head, tail = spread
        for dev in ("default", *ns.links):
            if head + dev + tail in written:
                put(head + dev + tail, None)     # the device follows ``all`` again


def path_of(key: str) -> str:
    """Where a key's file is, as procps spells it in its errors: every dot a slash."""
    return PROC_SYS + key.replace(".", "/")

