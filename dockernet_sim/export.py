"""Export a simulated host to a real Linux machine, as a bash script of ``ip`` and ``iptables``.

The script rebuilds the model's kernel objects — namespaces, links (bridges, veth pairs, the
host's NIC as a ``dummy``), MACs, MTUs, addresses, routes, sysctls and every netfilter table —
inside network namespaces of its own: ``PREFIX-host`` stands in for the Docker host (its
``eth0``, bridges and host-side veths live there) and ``PREFIX-<container>`` for each container
with a namespace of its own. Nothing is created in, or sent through, the machine's own network
namespace, so running it never touches the machine's network; the default route of
``PREFIX-host`` leads into a dummy link where packets vanish.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=0)
>>> _ = h.run("busybox", name="a")
>>> p = plan(h, prefix="dns")
>>> p.containers["a"], p.namespaces[0]
('dns-a', 'dns-host')
>>> "ip -n dns-host link add docker0" in p.setup
True

Run the script as root (``bash topo.sh``); ``bash topo.sh --cleanup`` (or the script
``export_script(h, cleanup=True)``) deletes the namespaces and with them everything inside.
Not exported: processes (``docker-proxy``, the embedded DNS server), IPv6 netfilter rules,
interface indexes.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .kernel import Link, Namespace
from .kernel.netfilter import TABLE_ORDER

if TYPE_CHECKING:  # pragma: no cover
    from .daemon.daemon import Daemon

PREFIX_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
IFNAMSIZ = 15              # the longest interface name Linux accepts
NETNS_NAME_MAX = 48        # ours: short enough to read, far below NAME_MAX


@dataclass(frozen=True, slots=True)
class Plan:
    """What an export creates: the real namespace of each model namespace and container."""

    prefix: str
    namespaces: list[str]                                      # real names, the host's first
    ns_of: dict[str, str] = field(default_factory=dict)        # model namespace -> real namespace
    containers: dict[str, str] = field(default_factory=dict)   # running container -> real namespace
    setup: str = ""
    cleanup: str = ""


def _q(s: str) -> str:
    return shlex.quote(s)


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
        if len(want) > NETNS_NAME_MAX or want in used or not re.fullmatch(r"[A-Za-z0-9_.-]+", want):
            want = f"{prefix}-{(c.id if c is not None else name)[:12]}"
        n = 2
        base = want
        while want in used:
            want, n = f"{base}-{n}", n + 1
        ns_of[name] = want
        used.add(want)
    containers: dict[str, str] = {}
    for c in host.containers.values():
        ns = host.container_netns(c)
        if ns is not None and ns.name in ns_of:
            containers[c.name] = ns_of[ns.name]
    return ns_of, containers


def _link_cmd(ns: str, l: Link) -> str:
    mac = l.mac if l.mac and l.mac != "00:00:00:00:00:00" else ""
    if l.kind == "bridge":
        addr = f" address {mac}" if mac else ""
        return f"ip -n {_q(ns)} link add {_q(l.name)}{addr} mtu {l.mtu} type bridge stp_state {1 if l.stp else 0}"
    kind = l.kind if l.kind in ("ifb",) else "dummy"
    peer = l.name[:10] + "-peer"
    return f"nic {_q(ns)} {_q(l.name)} {mac or '-'} {l.mtu} {kind} {_q(peer)}"


# A NIC without a wire: the model's kind if the kernel has it, else a dummy, else (no dummy
# module) a veth whose peer stays down beside it — either way packets sent there vanish.
_NIC_FUNCTION = """nic() {
  local ns=$1 name=$2 mac=$3 mtu=$4 kind=$5 peer=$6 addr=()
  if [ "$mac" != - ]; then addr=(address "$mac"); fi
  ip -n "$ns" link add "$name" "${addr[@]}" mtu "$mtu" type "$kind" 2>/dev/null && return 0
  ip -n "$ns" link add "$name" "${addr[@]}" mtu "$mtu" type dummy 2>/dev/null && return 0
  ip -n "$ns" link add "$name" "${addr[@]}" mtu "$mtu" type veth peer name "$peer"
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
                out.append(f"-A {c.name} {r.spec}")
        out.append("COMMIT")
    return "\n".join(out)


def _sysctl(ns: str, key: str, value: str) -> str:
    path = "/proc/sys/" + key.replace(".", "/")
    return f"ip netns exec {_q(ns)} sh -c {_q(f'echo {value} > {path}')}"


def plan(host: "Daemon", prefix: str = "dns") -> Plan:
    """The namespaces, setup script and cleanup script of an export (see the module docstring)."""
    if not PREFIX_RE.match(prefix):
        raise ValueError(f"invalid prefix {prefix!r}: use 1-16 letters, digits, '-' or '_'")
    k = host.kernel
    ns_of, containers = _namespace_names(host, prefix)
    order = [ns_of["host"]] + [ns_of[n] for n in k.namespaces if n != "host"]
    lines: list[str] = []
    add = lines.append
    for model_ns in k.namespaces.values():
        for l in model_ns.links.values():
            if len(l.name) > IFNAMSIZ:
                raise ValueError(f"interface name {l.name!r} is longer than Linux allows ({IFNAMSIZ})")

    add("# namespaces: the host's first, then one per container sandbox")
    for model_name, ns in k.namespaces.items():
        real = ns_of[model_name]
        who = [c.name for c in host.containers.values() if containers.get(c.name) == real and model_name != "host"]
        add(f"ip netns add {_q(real)}" + (f"   # {', '.join(who)}" if who else ""))
        add(f"ip -n {_q(real)} link set lo up")

    add("")
    add("# links: the host's NIC (a dummy: traffic for the outside world ends there) and bridges")
    for l in k.host.sorted_links():
        if l.kind not in ("loopback", "veth"):
            add(_link_cmd(ns_of["host"], l))
    add("")
    add("# veth pairs, each end created directly in its namespace")
    done: set[int] = set()
    for model_name, ns in k.namespaces.items():
        for l in ns.sorted_links():
            if l.kind != "veth" or id(l) in done:
                continue
            done.add(id(l))
            if l.peer is None:
                add(f"# {l.name} in {ns_of[model_name]}: a veth without a peer in the model, skipped")
                continue
            p = l.peer
            done.add(id(p))
            pns = p.netns.name if p.netns is not None else model_name
            a_ns, b_ns = ns_of[model_name], ns_of[pns]
            add(f"ip -n {_q(a_ns)} link add {_q(l.name)} address {l.mac} mtu {l.mtu} type veth peer name "
                f"{_q(p.name)}" + (f" netns {_q(b_ns)}" if b_ns != a_ns else "") + f" address {p.mac} mtu {p.mtu}")
    for model_name, ns in k.namespaces.items():
        for l in ns.sorted_links():
            if l.master is not None:
                add(f"ip -n {_q(ns_of[model_name])} link set {_q(l.name)} master {_q(l.master.name)}")
                if l.hairpin:
                    add(f"ip -n {_q(ns_of[model_name])} link set {_q(l.name)} type bridge_slave hairpin on")

    add("")
    add("# sysctls: forwarding and bridge netfilter as dockerd sets them, then the model's own")
    hns = ns_of["host"]
    if host.config.ip_forward:
        add(_sysctl(hns, "net.ipv4.ip_forward", "1"))
    add(f"if ip netns exec {_q(hns)} test -e /proc/sys/net/bridge/bridge-nf-call-iptables; then")
    add("  " + _sysctl(hns, "net.bridge.bridge-nf-call-iptables", "1"))
    add("  " + _sysctl(hns, "net.bridge.bridge-nf-call-ip6tables", "1"))
    add("else")
    add("  echo 'warning: no br_netfilter here: iptables rules will not see bridged traffic' >&2")
    add("fi")
    for model_name, ns in k.namespaces.items():
        for key, value in sorted(ns.sysctl.items()):
            add(_sysctl(ns_of[model_name], key, value))

    add("")
    add("# links up, addresses (the kernel adds the connected routes), then the other routes")
    for model_name, ns in k.namespaces.items():
        for l in ns.sorted_links():
            if l.up and l.kind != "loopback":
                add(f"ip -n {_q(ns_of[model_name])} link set {_q(l.name)} up")
    for model_name, ns in k.namespaces.items():
        real = _q(ns_of[model_name])
        for l in ns.sorted_links():
            if l.kind == "loopback":
                continue
            for a in l.addresses:
                if a.scope == "link":       # fe80::/64: the kernel derives it itself
                    continue
                if a.ip.version == 4:
                    brd = f" brd {a.broadcast}" if a.broadcast is not None else ""
                    add(f"ip -n {real} addr add {a.ip}/{a.prefixlen}{brd} dev {_q(l.name)}")
                else:   # nodad: usable at once, as Docker adds its own
                    add(f"ip -n {real} -6 addr add {a.ip}/{a.prefixlen} dev {_q(l.name)} nodad")
    for model_name, ns in k.namespaces.items():
        real = _q(ns_of[model_name])
        for r in ns.routes:
            if r.proto == "kernel":
                continue
            version = r.dst.version if r.dst is not None else (r.via.version if r.via is not None else 4)
            if version == 6 and r.dst is not None and str(r.dst).lower().startswith("fe80:"):
                continue
            words = [f"ip -n {real}", "-6" if version == 6 else "-4", "route add",
                     str(r.dst) if r.dst is not None else "default"]
            if r.via is not None:
                words.append(f"via {r.via}")
            words.append(f"dev {_q(r.dev)}")
            if r.scope and r.scope != "global":
                words.append(f"scope {r.scope}")
            if r.src is not None:
                words.append(f"src {r.src}")
            if r.metric is not None:
                words.append(f"metric {r.metric}")
            add(" ".join(words))

    add("")
    add("# netfilter: each namespace's tables, as iptables-save would print them")
    for model_name, ns in k.namespaces.items():
        text = _iptables_restore(ns)
        if text:
            add(f"ip netns exec {_q(ns_of[model_name])} iptables-restore <<'DOCKERNET_SIM_EOF'")
            add(text)
            add("DOCKERNET_SIM_EOF")

    setup = _script(host, prefix, order, "\n".join(lines))
    cleanup = _script(host, prefix, order, None)
    return Plan(prefix=prefix, namespaces=order, ns_of=ns_of, containers=containers, setup=setup,
                cleanup=cleanup)


def _script(host: "Daemon", prefix: str, order: list[str], body: "str | None") -> str:
    names = " ".join(_q(n) for n in order)
    head = [
        "#!/usr/bin/env bash",
        f"# Generated by dockernet_sim from a simulated Docker Engine {host.profile.engine_version} host "
        f"(seed {host.seed}).",
        f"# Everything lives in the network namespaces {prefix}-*: the machine's own network is never",
        "# touched and no packet leaves them. Run as root; needs iproute2 and iptables.",
        "set -euo pipefail",
        f"NAMESPACES=({names})",
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


__all__ = ["Plan", "plan", "export_script"]
