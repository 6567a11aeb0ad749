"""Export a simulated host to a real Linux machine, as a bash script of ``ip`` and ``iptables``.

The script rebuilds the model's kernel objects — namespaces, links (bridges, veth pairs, macvlans
on their parents, the host's NIC as a ``dummy``), MACs, MTUs, addresses, routes, sysctls and every netfilter table —
inside network namespaces of its own: ``PREFIX-host`` stands in for the Docker host (its
``eth0``, bridges and host-side veths live there) and ``PREFIX-<container>`` for each container
with a namespace of its own. Nothing is created in, or sent through, the machine's own network
namespace, so running it never touches the machine's network; the default route of
``PREFIX-host`` leads into a dummy link where packets vanish.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=0)
>>> _ = h.run("busybox", name="web")
>>> p = plan(h, prefix="dns")
>>> p.containers["web"], p.namespaces[0]
('dns-web', 'dns-host')
>>> "ip -n dns-host link add name docker0" in p.setup
True

The script is built from argument lists: every command is a tuple of words, each word quoted by
one function (:func:`shell_words`, ``shlex.quote`` on every word), and the one place that runs a
shell inside a namespace (writing a sysctl) passes a constant script to ``sh -c`` with the values as
positional arguments. Every value in it was checked on its way into the model
(:mod:`dockernet_sim.values`), and is checked again here: names are Linux interface names, MACs
six octets, MTUs ints. ``Plan.steps`` lists the commands the script runs, in order.

Run the script as root (``bash topo.sh``); ``bash topo.sh --cleanup`` (or the script
``export_script(h, cleanup=True)``) deletes the namespaces and with them everything inside.
Not exported: processes (``docker-proxy``, the embedded DNS server), IPv6 netfilter rules,
interface indexes.
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, Any, Sequence

from .records import Record, field
from .kernel import Link, Namespace
from .kernel.netfilter import TABLE_ORDER
from .values import MTU_MAX, MTU_MIN, check_int, ifname_error, is_mac6

if TYPE_CHECKING:  # pragma: no cover
    from .daemon.daemon import Daemon

PREFIX_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,15}")
IFNAMSIZ = 15              # the longest interface name Linux accepts
NETNS_NAME_MAX = 48        # ours: short enough to read, far below NAME_MAX
NETNS_NAME_RE = re.compile(r"[A-Za-z0-9_.-]+")

# The one shell script the export runs inside a namespace (so that /proc/sys is that namespace's):
# constant text; the value and the path arrive as its positional parameters $1 and $2.
SYSCTL_SCRIPT = 'printf "%s\\n" "$1" > "$2"'
BR_NETFILTER = "/proc/sys/net/bridge/bridge-nf-call-iptables"


class Step(Record, frozen=True, slots=True):
    """One command of the script: the words it runs (``argv``), the text it reads on stdin
    (iptables-restore), and how the script calls it: ``"nic"`` through the script's ``nic``
    fallback (``argv`` is its first try), ``"if"`` as the test of an ``if`` whose body is the
    following ``guarded`` steps."""

    argv: tuple[str, ...]
    stdin: str = ""
    call: str = ""
    guarded: bool = False
    nic_args: tuple[str, ...] = ()
    comment: str = ""


class Plan(Record, frozen=True, slots=True):
    """What an export creates: the real namespace of each model namespace and container."""

    prefix: str
    namespaces: list[str]                                      # real names, the host's first
    ns_of: dict[str, str] = field(default_factory=dict)        # model namespace -> real namespace
    containers: dict[str, str] = field(default_factory=dict)   # running container -> real namespace
    setup: str = ""
    cleanup: str = ""
    steps: tuple[Step, ...] = ()                               # what ``setup`` runs, in order


# -- quoting: the only way a value enters the script ---------------------------------------------
def shell_words(argv: Sequence[str]) -> str:
    """A command line that runs exactly ``argv``: each word quoted with ``shlex.quote``. A word
    that no argv can carry (a NUL) is refused."""
    for w in argv:
        if not isinstance(w, str):
            raise TypeError(f"a script word must be a str, not {type(w).__name__}: {w!r}")
        if "\0" in w:
            raise ValueError(f"a script word cannot hold a NUL: {w!r}")
    return " ".join(shlex.quote(w) for w in argv)


def _comment(text: str) -> str:
    """Text for a ``#`` comment: one line of printable ASCII (a line break would end the comment)."""
    return re.sub(r"[^\x20-\x7e]", "?", text)


def _ifname(name: str) -> str:
    why = ifname_error(name) if isinstance(name, str) else "not a str"
    if why is not None:
        raise ValueError(f"interface name {name!r} cannot be exported: {why}")
    return name


def _mac(mac: str) -> str:
    if not is_mac6(mac):
        raise ValueError(f"MAC {mac!r} cannot be exported: not six octets")
    return mac


def _mtu(mtu: int) -> str:
    return str(check_int("mtu", mtu, MTU_MIN, MTU_MAX))


# -- naming ----------------------------------------------------------------------------------
def _namespace_names(host: "Daemon", prefix: str) -> tuple[dict[str, str], dict[str, str]]:
    k = host.kernel
    ns_of: dict[str, str] = {"host": f"{prefix}-host"}
    used = {ns_of["host"]}
    owner: dict[str, Any] = {}
    for c in sorted(host.containers.values(), key=lambda c: c.created_ns):
        ns = host.container_netns(c)
        if ns is not None and ns is not k.host and ns.name not in owner and c.mode_kind != "container":
            owner[ns.name] = c
    for name in k.namespaces:
        if name == "host":
            continue
        c = owner.get(name)
        want = f"{prefix}-{c.name}" if c is not None else f"{prefix}-ns-{name[:12]}"
        if len(want) > NETNS_NAME_MAX or want in used or not NETNS_NAME_RE.fullmatch(want):
            want = f"{prefix}-{(c.id if c is not None else name)[:12]}"
        n = 2
        base = want
        while want in used:
            want, n = f"{base}-{n}", n + 1
        if not NETNS_NAME_RE.fullmatch(want):
            raise ValueError(f"namespace name {want!r} cannot be exported")
        ns_of[name] = want
        used.add(want)
    containers: dict[str, str] = {}
    for c in host.containers.values():
        ns = host.container_netns(c)
        if ns is not None and ns.name in ns_of:
            containers[c.name] = ns_of[ns.name]
    return ns_of, containers


# -- steps -----------------------------------------------------------------------------------
def _link_step(ns: str, l: Link) -> Step:
    mac = _mac(l.mac) if l.mac and l.mac != "00:00:00:00:00:00" else ""
    address = ("address", mac) if mac else ()
    if l.kind == "bridge":
        return Step(("ip", "-n", ns, "link", "add", "name", _ifname(l.name), *address, "mtu", _mtu(l.mtu),
                     "type", "bridge", "stp_state", "1" if l.stp else "0"))
    kind = l.kind if l.kind in ("ifb",) else "dummy"
    first = ("ip", "-n", ns, "link", "add", "name", _ifname(l.name), *address, "mtu", _mtu(l.mtu), "type", kind)
    peer = _ifname(l.name.encode()[:10].decode(errors="ignore") + "-peer")    # 15 bytes at most
    return Step(first, call="nic", nic_args=(ns, l.name, mac or "-", _mtu(l.mtu), kind, peer))


# A NIC without a wire: the model's kind if the kernel has it, else a dummy, else (no dummy
# module) a veth whose peer stays down beside it — either way packets sent there vanish.
_NIC_FUNCTION = """nic() {
  local ns=$1 name=$2 mac=$3 mtu=$4 kind=$5 peer=$6 addr=()
  if [ "$mac" != - ]; then addr=(address "$mac"); fi
  ip -n "$ns" link add name "$name" "${addr[@]}" mtu "$mtu" type "$kind" 2>/dev/null && return 0
  ip -n "$ns" link add name "$name" "${addr[@]}" mtu "$mtu" type dummy 2>/dev/null && return 0
  ip -n "$ns" link add name "$name" "${addr[@]}" mtu "$mtu" type veth peer name "$peer"
}"""


def _iptables_restore(ns: Namespace) -> str:
    """iptables-restore input for the tables of ``ns`` that hold rules or a non-default policy."""
    out: list[str] = []
    for tname in TABLE_ORDER:
        t = ns.netfilter.tables[tname]
        chains = t.ordered_chains()
        if not any(c.rules or (c.builtin and c.policy != "ACCEPT") or not c.builtin for c in chains):
            continue
        out.append(f"*{tname}")
        for c in chains:
            policy = c.policy if c.builtin else "-"
            out.append(f":{c.name} {policy} [0:0]")
        for c in chains:
            for r in c.rules:
                out.append(" ".join(_restore_word(w) for w in f"-A {c.name} {r.spec}".split(" ")))
        out.append("COMMIT")
    for line in out:      # one rule a line: a line break or NUL inside one would make two
        if "\n" in line or "\r" in line or "\0" in line:
            raise ValueError(f"netfilter rule cannot be exported: {line!r}")
    return "\n".join(out) + "\n" if out else ""


def _restore_word(word: str) -> str:
    """One word of an iptables-restore line: a word with a quote or backslash in it (an interface
    named ``a"b`` is a Linux name) is put in double quotes with those escaped, as iptables-restore
    reads them; others stay as iptables-save prints them."""
    if not any(ch in word for ch in "\"'\\"):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _macvlan_mode(mode: str) -> str:
    if mode not in ("bridge", "private", "vepa", "passthru", "source"):
        raise ValueError(f"macvlan mode {mode!r} cannot be exported")
    return mode


def _sysctl_path(key: str) -> str:
    """/proc/sys path of a sysctl key; in ``net.ipv4.conf.IF.leaf`` the interface name keeps its
    dots (``br.5``), as ``sysctl`` writes it with slashes."""
    parts = key.split(".")
    if len(parts) >= 5 and parts[0] == "net" and parts[2] in ("conf", "neigh"):
        parts = parts[:3] + [_ifname(".".join(parts[3:-1]))] + parts[-1:]
    if any(p in ("", ".", "..") or "/" in p for p in parts):
        raise ValueError(f"sysctl {key!r} cannot be exported")
    return "/proc/sys/" + "/".join(parts)


def _sysctl(ns: str, key: str, value: str, guarded: bool = False) -> Step:
    return Step(("ip", "netns", "exec", ns, "sh", "-c", SYSCTL_SCRIPT, "sh", value, _sysctl_path(key)),
                guarded=guarded)


def _steps(host: "Daemon", ns_of: dict[str, str], containers: dict[str, str]) -> list[Step]:
    k = host.kernel
    steps: list[Step] = []
    add = steps.append
    add(Step((), comment="namespaces: the host's first, then one per container sandbox"))
    for model_name in k.namespaces:
        real = ns_of[model_name]
        who = [c.name for c in host.containers.values() if containers.get(c.name) == real and model_name != "host"]
        add(Step(("ip", "netns", "add", real), comment=", ".join(who)))
        add(Step(("ip", "-n", real, "link", "set", "dev", "lo", "up")))

    add(Step((), comment="links: the host's NIC (a dummy: traffic for the outside world ends there) and bridges"))
    for l in k.host.sorted_links():
        if l.kind not in ("loopback", "veth", "macvlan"):
            add(_link_step(ns_of["host"], l))
    add(Step((), comment="veth pairs, each end created directly in its namespace"))
    done: set[int] = set()
    for model_name, ns in k.namespaces.items():
        for l in ns.sorted_links():
            if l.kind != "veth" or id(l) in done:
                continue
            done.add(id(l))
            if l.peer is None:
                add(Step((), comment=f"{l.name} in {ns_of[model_name]}: a veth without a peer in the model, skipped"))
                continue
            p = l.peer
            done.add(id(p))
            pns = p.netns.name if p.netns is not None else model_name
            a_ns, b_ns = ns_of[model_name], ns_of[pns]
            add(Step(("ip", "-n", a_ns, "link", "add", "name", _ifname(l.name), "address", _mac(l.mac),
                      "mtu", _mtu(l.mtu), "type", "veth", "peer", "name", _ifname(p.name),
                      *(("netns", b_ns) if b_ns != a_ns else ()), "address", _mac(p.mac), "mtu", _mtu(p.mtu))))
    add(Step((), comment="macvlan links, made on their parent and created directly in their namespace"))
    for model_name, ns in k.namespaces.items():
        for l in ns.sorted_links():
            if l.kind != "macvlan":
                continue
            lower = l.lower
            if lower is None or lower.netns is None:
                add(Step((), comment=f"{l.name} in {ns_of[model_name]}: a macvlan without a parent in the model, skipped"))
                continue
            lns, real = ns_of[lower.netns.name], ns_of[model_name]
            add(Step(("ip", "-n", lns, "link", "add", "link", _ifname(lower.name), "name", _ifname(l.name),
                      *(("netns", real) if real != lns else ()), "address", _mac(l.mac), "mtu", _mtu(l.mtu),
                      "type", "macvlan", "mode", _macvlan_mode(l.macvlan_mode))))
    for model_name, ns in k.namespaces.items():
        real = ns_of[model_name]
        for l in ns.sorted_links():
            if l.master is not None:
                add(Step(("ip", "-n", real, "link", "set", "dev", _ifname(l.name), "master", _ifname(l.master.name))))
                if l.hairpin:
                    add(Step(("ip", "-n", real, "link", "set", "dev", l.name, "type", "bridge_slave", "hairpin", "on")))

    add(Step((), comment="sysctls: forwarding and bridge netfilter as dockerd sets them, then the model's own"))
    hns = ns_of["host"]
    if host.config.ip_forward:
        add(_sysctl(hns, "net.ipv4.ip_forward", "1"))
    add(Step(("ip", "netns", "exec", hns, "test", "-e", BR_NETFILTER), call="if"))
    add(_sysctl(hns, "net.bridge.bridge-nf-call-iptables", "1", guarded=True))
    add(_sysctl(hns, "net.bridge.bridge-nf-call-ip6tables", "1", guarded=True))
    for model_name, ns in k.namespaces.items():
        for key, value in sorted(ns.sysctl.items()):
            add(_sysctl(ns_of[model_name], key, value))

    add(Step((), comment="links up, addresses (the kernel adds the connected routes), then the other routes"))
    for model_name, ns in k.namespaces.items():
        for l in ns.sorted_links():
            if l.up and l.kind != "loopback":
                add(Step(("ip", "-n", ns_of[model_name], "link", "set", "dev", _ifname(l.name), "up")))
    for model_name, ns in k.namespaces.items():
        real = ns_of[model_name]
        for l in ns.sorted_links():
            if l.kind == "loopback":
                continue
            for a in l.addresses:
                if a.scope == "link":       # fe80::/64: the kernel derives it itself
                    continue
                cidr = f"{a.ip}/{check_int('prefixlen', a.prefixlen, 0, 128)}"
                if a.ip.version == 4:
                    brd = ("brd", str(a.broadcast)) if a.broadcast is not None else ()
                    add(Step(("ip", "-n", real, "addr", "add", cidr, *brd, "dev", _ifname(l.name))))
                else:   # nodad: usable at once, as Docker adds its own
                    add(Step(("ip", "-n", real, "-6", "addr", "add", cidr, "dev", _ifname(l.name), "nodad")))
    for model_name, ns in k.namespaces.items():
        real = ns_of[model_name]
        for r in ns.routes:
            if r.proto == "kernel":
                continue
            version = r.dst.version if r.dst is not None else (r.via.version if r.via is not None else 4)
            if version == 6 and r.dst is not None and str(r.dst).lower().startswith("fe80:"):
                continue
            words = ["ip", "-n", real, "-6" if version == 6 else "-4", "route", "add",
                     str(r.dst) if r.dst is not None else "default"]
            if r.via is not None:
                words += ["via", str(r.via)]
            words += ["dev", _ifname(r.dev)]
            if r.scope and r.scope != "global":
                words += ["scope", r.scope]
            if r.src is not None:
                words += ["src", str(r.src)]
            if r.metric is not None:
                words += ["metric", str(check_int("metric", r.metric, 0))]
            add(Step(tuple(words)))

    add(Step((), comment="netfilter: each namespace's tables, as iptables-save would print them"))
    for model_name, ns in k.namespaces.items():
        text = _iptables_restore(ns)
        if text:
            add(Step(("ip", "netns", "exec", ns_of[model_name], "iptables-restore"), stdin=text))
    return steps


# -- the script ------------------------------------------------------------------------------
_NO_BR_NETFILTER = ["else", "  echo 'warning: no br_netfilter here: iptables rules will not see bridged traffic' >&2",
                    "fi"]


def _render(steps: Sequence[Step]) -> str:
    lines: list[str] = []
    in_if = False
    for st in [*steps, Step(())]:          # (a last empty step closes an open if)
        if in_if and not st.guarded:
            lines += _NO_BR_NETFILTER
            in_if = False
        if not st.argv:
            if st.comment:
                lines += ["", f"# {_comment(st.comment)}"]
            continue
        note = f"   # {_comment(st.comment)}" if st.comment else ""
        if st.call == "nic":
            line = "nic " + shell_words(st.nic_args)
        elif st.call == "if":
            lines.append(f"if {shell_words(st.argv)}; then")
            in_if = True
            continue
        else:
            line = shell_words(st.argv)
        if st.stdin:       # a here-string of one quoted word: bash expands nothing inside it
            line += " <<< " + shell_words((st.stdin.removesuffix("\n"),))
        lines.append(("  " if st.guarded else "") + line + note)
    return "\n".join(lines).lstrip("\n")


def plan(host: "Daemon", prefix: str = "dns") -> Plan:
    """The namespaces, setup script and cleanup script of an export (see the module docstring)."""
    if not isinstance(prefix, str) or not PREFIX_RE.fullmatch(prefix):
        raise ValueError(f"invalid prefix {prefix!r}: use 1-16 letters, digits, '-' or '_'")
    k = host.kernel
    for model_ns in k.namespaces.values():
        for l in model_ns.links.values():
            if len(l.name.encode()) > IFNAMSIZ:
                raise ValueError(f"interface name {l.name!r} is longer than Linux allows ({IFNAMSIZ})")
    ns_of, containers = _namespace_names(host, prefix)
    order = [ns_of["host"]] + [ns_of[n] for n in k.namespaces if n != "host"]
    steps = _steps(host, ns_of, containers)
    setup = _script(host, prefix, order, _render(steps))
    cleanup = _script(host, prefix, order, None)
    return Plan(prefix=prefix, namespaces=order, ns_of=ns_of, containers=containers, setup=setup,
                cleanup=cleanup, steps=tuple(st for st in steps if st.argv))


def _script(host: "Daemon", prefix: str, order: list[str], body: "str | None") -> str:
    seed = check_int("seed", host.seed)
    head = [
        "#!/usr/bin/env bash",
        "# " + _comment(f"Generated by dockernet_sim from a simulated Docker Engine {host.profile.engine_version} "
                        f"host (seed {seed})."),
        "# " + _comment(f"Everything lives in the network namespaces {prefix}-*: the machine's own network is never"),
        "# touched and no packet leaves them. Run as root; needs iproute2 and iptables.",
        "set -euo pipefail",
        f"NAMESPACES=({shell_words(order)})",
        "cleanup() {",
        "  local ns",
        "  for ns in \"${NAMESPACES[@]}\"; do",
        "    if [ -e \"/var/run/netns/$ns\" ]; then ip netns del \"$ns\" || true; fi",
        "  done",
        "}",
    ]
    if body is None:
        return "\n".join(head + ["cleanup"]) + "\n"
    head += [
        "if [ \"${1:-}\" = \"--cleanup\" ]; then cleanup; exit 0; fi",
        "for ns in \"${NAMESPACES[@]}\"; do",
        "  if [ -e \"/var/run/netns/$ns\" ]; then",
        "    echo \"namespace $ns exists already: run '$0 --cleanup' first\" >&2; exit 1",
        "  fi",
        "done",
        "trap 'echo \"dockernet_sim export: failed at line $LINENO; removing what was made\" >&2; cleanup' ERR",
        _NIC_FUNCTION,
        "",
    ]
    return "\n".join(head) + "\n" + body + "\n"


def export_script(host: "Daemon", prefix: str = "dns", cleanup: bool = False) -> str:
    """The setup script (or, with ``cleanup``, the script that undoes it) of :func:`plan`."""
    p = plan(host, prefix)
    return p.cleanup if cleanup else p.setup


__all__ = ["Plan", "Step", "plan", "export_script", "shell_words", "SYSCTL_SCRIPT"]
