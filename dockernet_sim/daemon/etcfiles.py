"""The files Docker writes into a container: /etc/hosts, /etc/resolv.conf, /etc/hostname.

Contents follow each engine's generator (20.10's etchosts/resolvconf packages; 28's rewritten
resolv.conf with its trailing comment block), and the network mode: host-mode containers get the
host's files, container: mode ones their donor's, user networks point at the embedded DNS server
127.0.0.11.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engines import HostsIPv6Style, ResolvConfStyle
from .container import Container, note_networks, on_user_network

if TYPE_CHECKING:  # pragma: no cover
    from .daemon import Daemon

EMBEDDED_DNS = "127.0.0.11"


def host_hosts_file(d: "Daemon") -> str:
    """The machine's own /etc/hosts. Every recording machine is a gVisor sandbox whose file is
    ``127.0.0.1 localhost`` / ``127.0.0.1 runsc`` / ``127.0.0.1 <hostname>`` (space-separated); the
    ``runsc`` line is kept because every recording machine has it (20.10 copies this file verbatim
    into a host-mode container: r80 hh, r83 h1)."""
    return f"127.0.0.1 localhost\n127.0.0.1 runsc\n127.0.0.1 {d.host.hostname}\n"


def host_resolv_conf(d: "Daemon") -> str:
    out = ""
    if d.host.search:
        out += "search " + " ".join(d.host.search) + "\n"
    for ns in d.host.nameservers:
        out += f"nameserver {ns}\n"
    return out


def _owner(d: "Daemon", c: Container) -> Container:
    if c.mode_kind == "container" and c.donor is not None:
        return c.donor
    return c


def container_hostname(d: "Daemon", c: Container) -> str:
    """What ``hostname`` prints: the owner's hostname; a host-mode container has the host's unless
    it was given ``--hostname`` (r83 h3: ``--network host --hostname other`` prints ``other``)."""
    o = _owner(d, c)
    if o.mode_kind == "host" and not o.user_hostname:
        return d.host.hostname
    return o.hostname or d.host.hostname


def hostname_file(d: "Daemon", c: Container) -> str:
    return _owner(d, c).hostname + "\n"


def hosts_file(d: "Daemon", c: Container) -> str:
    c = _owner(d, c)
    p = d.profile
    if c.mode_kind == "host" and not c.extra_hosts:
        # without --add-host, 20.10 copies the machine's file verbatim (libnetwork buildHostsFile);
        # 28 writes this fixed file, with double tabs and a trailing blank line (r80 hh, r83 h1)
        if p.hosts_copy_in_host_mode:
            return host_hosts_file(d)
        return ("127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n"
                "ff02::1\t\tip6-allnodes\nff02::2\t\tip6-allrouters\n\n")
    # Host mode with --add-host gets Docker's own file, not the host's: the defaults and --add-host entries,
    # with no line for the hostname (r27 hh, both engines).
    lines = ["127.0.0.1\tlocalhost"]
    if p.hosts_ipv6 is HostsIPv6Style.ALWAYS_ZERO_SUFFIX:
        lines += ["::1\tlocalhost ip6-localhost ip6-loopback", "fe00::0\tip6-localnet", "ff00::0\tip6-mcastprefix",
                  "ff02::1\tip6-allnodes", "ff02::2\tip6-allrouters"]
    elif p.container_ipv6_enabled or c.mode_kind == "host":
        lines += ["::1\tlocalhost ip6-localhost ip6-loopback", "fe00::\tip6-localnet", "ff00::\tip6-mcastprefix",
                  "ff02::1\tip6-allnodes", "ff02::2\tip6-allrouters"]
    for e in c.extra_hosts or []:
        name, _, ip = e.partition(":")
        lines.append(f"{_host_gateway(d, ip)}\t{name}")
    for l in c.links or []:
        child_name, _, rest = l.partition(":")
        alias = rest.rsplit("/", 1)[-1]
        try:
            child = d.find_container(child_name.lstrip("/"))
        except Exception:
            continue
        es = child.networks.get("bridge")
        ep = es.endpoint if es is not None else None
        if ep is None or ep.ip4 is None:
            continue
        names = [alias, child.hostname]
        if child.name != alias:
            names.append(child.name)
        lines.append(f"{ep.ip4}\t{' '.join(names)}")
    # moby's updateHostsFile: the FQDN (hostname + domainname), then its first label if it has a dot
    # (r27: --hostname myhost --domainname example.test; --hostname fqdn.example.test).
    fqdn = f"{c.hostname}.{c.domainname}" if c.domainname else c.hostname
    host = f"{fqdn} {fqdn.split('.', 1)[0]}" if "." in fqdn else fqdn
    if c.sandbox is not None and c.mode_kind != "host":
        for ep in c.sandbox.endpoints:
            if ep.ip4 is not None:
                lines.append(f"{ep.ip4}\t{host}")
            if ep.ip6 is not None:
                lines.append(f"{ep.ip6}\t{host}")
    return "\n".join(lines) + "\n"


def _host_gateway(d: "Daemon", ip: str) -> str:
    if ip == "host-gateway":
        br = d.ctl.network_by_name("bridge")
        if br is not None and br.pools4 and br.pools4[0].gateway is not None:
            return str(br.pools4[0].gateway)
    return ip


def uses_embedded_dns(d: "Daemon", c: Container) -> bool:
    """Whether the container's resolv.conf points at 127.0.0.11.

    The daemon writes the file when the container starts and when it joins a user-defined network,
    never on disconnect (r88, both engines): a bridge container connected to a user network
    switches to 127.0.0.11 and keeps it after leaving bridge; a user-network container that joins
    bridge and leaves its user network keeps 127.0.0.11 until it is restarted. The choice is kept
    on the container (``resolv_embedded`` for the run that started at ``resolv_run_ns``) and
    brought up to date whenever it is read: a new run recomputes it from the current networks, and
    being on a user network sets it. (A join and a leave with nothing reading in between are not
    seen: :func:`note_networks` lets the daemon record each change as it happens.)
    """
    c = _owner(d, c)
    if c.mode_kind in ("host", "none"):
        return False
    note_networks(d.journal, c)
    if c.resolv_embedded is None:
        return on_user_network(c)
    return c.resolv_embedded


def _has_dns_settings(d: "Daemon", c: Container) -> bool:
    return bool(c.dns or c.dns_search or c.dns_options or d.config.dns or d.config.dns_search
                or d.config.dns_opts)


def resolv_conf(d: "Daemon", c: Container) -> str:
    c = _owner(d, c)
    p = d.profile
    user_net = c.mode_kind not in ("host", "none") and uses_embedded_dns(d, c)
    host_ns = [n for n in d.host.nameservers if not n.startswith("127.")]
    nameservers = list(c.dns or ()) or list(d.config.dns)
    search = list(c.dns_search or ()) or list(d.config.dns_search) or list(d.host.search)
    options = list(c.dns_options or ()) or list(d.config.dns_opts)
    search_override = list(c.dns_search or ()) or list(d.config.dns_search)
    if c.mode_kind == "host":
        if p.resolv_conf is ResolvConfStyle.COPY_FILTERED:
            # libnetwork 20.10 setupDNS: the host's file verbatim unless --dns* (container or
            # daemon) apply; then only search/nameserver/options lines (r80 hh, hd)
            if not _has_dns_settings(d, c):
                return host_resolv_conf(d)
            out = "search " + " ".join(search) + "\n" if search else ""
            out += "".join(f"nameserver {n}\n" for n in (nameservers or d.host.nameservers))
            if options:
                out += "options " + " ".join(options) + "\n"
            return out
        body = "".join(f"nameserver {n}\n" for n in (nameservers or d.host.nameservers))
        if search:
            body += "search " + " ".join(search) + "\n"
        if options:
            body += "options " + " ".join(options) + "\n"
        tail = "\n# Based on host file: '/etc/resolv.conf'\n" + _overrides(nameservers, search_override, options)
        if any(o.startswith("ndots:") for o in options):
            tail += "# Option ndots from: override\n"
        return _GEN_HEAD + "\n" + body + tail
    if p.resolv_conf is ResolvConfStyle.COPY_FILTERED:
        out = ""
        if user_net:
            if search:
                out += "search " + " ".join(search) + "\n"
            out += f"nameserver {EMBEDDED_DNS}\n"
            opts = options + ([] if any(o.startswith("ndots:") for o in options) else ["ndots:0"])
            out += "options " + " ".join(opts) + "\n"
            return out
        if search:
            out += "search " + " ".join(search) + "\n"
        ns = nameservers or host_ns or ["8.8.8.8", "8.8.4.4"]
        out += "".join(f"nameserver {n}\n" for n in ns)
        if options:
            out += "options " + " ".join(options) + "\n"
        return out
    # 28
    body = ""
    if user_net:
        body += f"nameserver {EMBEDDED_DNS}\n"
        if search:
            body += "search " + " ".join(search) + "\n"
        opts = options + ([] if any(o.startswith("ndots:") for o in options) else ["ndots:0"])
        body += "options " + " ".join(opts) + "\n"
        # Go's %v of a []string: space-separated (r26 "[127.0.0.1]", r27 "[nameservers search]")
        ext = " ".join(f"host({n})" if not nameservers and p.host_dns_marked else n
                       for n in (nameservers or d.host.nameservers))
        tail = "\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n"
        tail += f"# ExtServers: [{ext}]\n"
        tail += _overrides(nameservers, search_override, options)
        user_ndots = any(o.startswith("ndots:") for o in options)
        tail += f"# Option ndots from: {'override' if user_ndots else 'internal'}\n"
        return _GEN_HEAD + "\n" + body + tail
    ns = nameservers or host_ns
    used_default = False
    if not ns:
        ns = ["8.8.8.8", "8.8.4.4"]
        used_default = True
    body += "".join(f"nameserver {n}\n" for n in ns)
    if search:
        body += "search " + " ".join(search) + "\n"
    if options:
        body += "options " + " ".join(options) + "\n"
    tail = "\n# Based on host file: '/etc/resolv.conf' (legacy)\n"
    if used_default:
        tail += "# Used default nameservers.\n"
    tail += _overrides(nameservers, search_override, options)
    if any(o.startswith("ndots:") for o in options):
        tail += "# Option ndots from: override\n"
    return _GEN_HEAD + "\n" + body + tail


def _overrides(nameservers: list[str], search: list[str], options: list[str]) -> str:
    """28's ``# Overrides:`` line: which settings came from --dns* (container or daemon), as Go's
    %v prints a []string (r26 bb2: daemon --dns gives ``[nameservers]``; r27 hd, he)."""
    names = [x for x, v in (("nameservers", nameservers), ("search", search), ("options", options)) if v]
    return "# Overrides: [" + " ".join(names) + "]\n"


_GEN_HEAD = ("# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes "
             "once it\n# has been modified.\n")
