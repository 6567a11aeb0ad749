"""The network tools ``docker exec`` runs in a container, answered from the model.

Output follows the tools the recorded images carry (busybox 1.35.0 in every recorded image, r160):
``ping`` (r24, r26, r27, r38, r150: its number checks, -q, -w, the PING line, per-reply lines, the statistics block, exit 1 when
nothing came back, ``ping: sendto: Network is unreachable`` without a route, ``ping: bad
address 'x'`` for a name that does not resolve), ``nslookup`` (r26, r45: the Server/Address
header, one ``Non-authoritative answer:`` block per query type — A, then AAAA — or ``** server
can't find x: SERVFAIL`` twice, or ``;; connection timed out; no servers could be reached``;
r131: ``nslookup: can't connect to remote host (IP): Network is unreachable`` when no route leads
to the server, ``nslookup: write to '127.0.0.1': Connection refused`` when nothing listens on a
loopback server).
busybox has no ``getent`` applet, so it is "not found" there; images with the GNU userland
(``TOOLS iproute2``) get glibc's ``getent hosts`` (``%-15s %s``; exit 2 when not found), from
glibc's source, not recorded. ``nc -z HOST PORT`` (busybox's netcat) reports a TCP connect
with its exit code only. ``wget`` gets busybox ``httpd``'s 404 (r136); ``arp -a`` lists the
neighbour table (r136).

Each run moves its packets as one change of the model (``query.traffic``: ARP before a first
contact, ICMP, TCP, DNS; sizes and counts as r136 and r137 measured them).
"""

from __future__ import annotations

import hashlib
from typing import Any, Optional

from ..addr import AddrError, parse_ip
from ..result import Result
from ..daemon import resolver
from . import traffic
from .traffic import ICMP_HEADERS

class Usage(Exception):
    """A command line the tool refuses with busybox's usage text, after ``before`` (getopt's
    complaint): the userland, which keeps busybox's texts, prints it (this layer is below it)."""

    def __init__(self, applet: str, before: str = "", exit_code: int = 1) -> None:
        super().__init__(applet)
        self.applet, self.before, self.exit_code = applet, before, exit_code


def _not_found(host: Any, prog: str) -> Result:
    """runc's refusal, which the daemon writes into the exec's output stream: stdout (r54, and
    ``getent`` in a busybox image on 20.10, 26 and 28)."""
    p = host.profile
    return Result(f'OCI runtime exec failed: exec failed: unable to start container process: exec: '
                      f'"{prog}": executable file not found in $PATH{p.messages.exec_failed_suffix}\n', "",
                  p.exec_failed_exit_code)


def _path(host: Any) -> resolver.ServerPath:
    from . import server_path
    return server_path(host)


def run_tool(host: Any, c: Any, prog: str, args: list[str]) -> Result:
    """One run of ``prog``: what it prints, and the packets it moved as one change of the model."""
    with host.journal.transaction():
        return _run(host, c, prog, args)


def _run(host: Any, c: Any, prog: str, args: list[str]) -> Result:
    if prog == "ping":
        return ping(host, c, args)
    if prog == "nslookup":
        return nslookup(host, c, args)
    if prog == "getent":
        if c.image.tools == "busybox":
            return _not_found(host, prog)
        return getent(host, c, args)
    if prog == "nc":
        return nc(host, c, args)
    if prog == "wget":
        return wget(host, c, args)
    if prog == "arp":
        return arp(host, c, args)
    return _not_found(host, prog)


def _getaddrinfo(host: Any, c: Any, name: str) -> list[Any]:
    """The addresses ``name`` resolves to, counting the A and AAAA queries the C library sent."""
    addrs, _ = resolver.getaddrinfo(host, c, name, _path(host))
    try:
        parse_ip(name)
        return addrs
    except AddrError:
        pass
    if resolver.lookup_hosts(host, c, name) is not None:
        return addrs
    for server in resolver.resolv_servers(host, c):
        asked = [(name, qt, *resolver.query(host, c, server, name, qt, _path(host))) for qt in ("A", "AAAA")]
        traffic.dns(host, c, server, [q for q in asked if q[2] != "UNREACHABLE"])   # type: ignore[misc]
        if any(records or rcode in ("NXDOMAIN", "UNREACHABLE") for _, _, rcode, records in asked):
            break
    return addrs


def _fake_time(*parts: object) -> str:
    """A plausible, deterministic round-trip time (the comparer masks times)."""
    h = int(hashlib.sha256(repr(parts).encode()).hexdigest()[:6], 16)
    return f"0.{100 + h % 400:03d}"


# ping's numeric options (busybox getopt32 "c:+s:t:+w:+W:+", xatou16 for -s): (lowest, highest)
_PING_NUMBERS = {"-c": 2147483647, "-s": 65535, "-t": 2147483647, "-w": 2147483647, "-W": 2147483647}
# The most packets the model lists. A real ``ping -c 2147483647`` prints one line a second for 68
# years; the model answers as a person at the terminal would see it after PING_MAX_PACKETS
# seconds and Ctrl-C: the replies so far, then the statistics busybox prints on SIGINT.
PING_MAX_PACKETS = 10_000


def _busybox_number(text: str, highest: int) -> int:
    """busybox xatou_range(text, 0, highest) on an unsigned int: no sign, no blanks, digits only;
    past UINT_MAX it is an invalid number, past ``highest`` out of range (r150_bounded_inputs)."""
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > 10 or int(text) > 0xFFFFFFFF:
        raise ValueError(f"ping: invalid number '{text}'")
    if int(text) > highest:
        raise ValueError(f"ping: number {text} is not in 0..{highest} range")
    return int(text)


def _busybox_interval(text: str) -> float:
    """-i SECONDS: a decimal fraction (``0.01``), else an invalid number."""
    whole, dot, frac = text.partition(".")
    if not text or not (whole + frac).isdigit() or not (whole + frac).isascii() or len(whole) > 10:
        raise ValueError(f"ping: invalid number '{text}'")
    return float(text)


def ping(host: Any, c: Any, args: list[str]) -> Result:
    from . import trace_from
    count: Optional[int] = None
    deadline: Optional[int] = None
    interval = 1.0
    quiet = False
    size = 56
    target = ""
    family = 0
    i = 0
    while i < len(args):
        a = args[i]
        if len(a) > 2 and a[:2] in ("-c", "-W", "-w", "-s", "-i", "-t", "-I") and a[1] != "-":
            # getopt: an option's argument may follow it in the same word (-c1)
            args = args[:i] + [a[:2], a[2:]] + args[i + 1:]
            a = args[i]
        if a in ("-c", "-W", "-w", "-s", "-i", "-t", "-I"):
            if i + 1 >= len(args):
                raise Usage("ping", f"ping: option requires an argument -- '{a[1:]}'\n")
            v = args[i + 1]
            try:
                if a in _PING_NUMBERS:
                    n = _busybox_number(v, _PING_NUMBERS[a])
                    if a == "-c":
                        count = n
                    elif a == "-w":
                        deadline = n
                    elif a == "-s":
                        size = n
                elif a == "-i":
                    interval = _busybox_interval(v)
            except ValueError as e:
                return Result("", f"{e}\n", 1)
            i += 2
            continue
        if a in ("-4", "-6"):
            family = int(a[1])
        elif a == "-q":
            quiet = True
        elif a.startswith("-") and len(a) > 1:
            pass
        else:
            target = a
        i += 1
    if not target:
        raise Usage("ping")
    addrs = _getaddrinfo(host, c, target)
    if family:
        addrs = [a for a in addrs if a.version == family]
    if not addrs:
        return Result("", f"ping: bad address '{target}'\n", 1)
    ip = addrs[0]
    # busybox ping without -c (or -c 0) runs until interrupted; the model stops after 4 (not recorded)
    n = count if count else 4
    cut_short = False            # stopped by -w before -c packets went out
    if deadline is not None and interval > 0:
        # one packet every interval from t=0 while t < deadline (-w 1: one packet, r150)
        fits = max(1, -(-deadline // interval)) if deadline else 1
        if fits < n:
            n, cut_short = int(fits), True
    if interval == 0:
        # busybox re-arms its timer with the interval: 0 disarms it, so after the first packet
        # nothing more is sent and even -w never fires (r150: the recorder's minute ran out);
        # the model answers as if interrupted then
        n = min(n, 1)
    if n > PING_MAX_PACKETS:
        n = PING_MAX_PACKETS
    head = f"PING {target} ({ip}): 56 data bytes\n"
    t = trace_from(host, c, ip)
    if t.verdict == "no route":
        return Result(head, "ping: sendto: Network is unreachable\n", 1)
    if t.verdict in ("no address",):
        return Result(head, "ping: sendto: Network is unreachable\n", 1)
    traffic.move(host, t.wire, traffic.echo(n, size + ICMP_HEADERS), t.contacts)
    got = n if t.verdict == "reachable" else 0
    times = [_fake_time(c.id, str(ip), seq) for seq in range(got)]
    lines = [head]
    if not quiet:
        lines.extend(f"64 bytes from {ip}: seq={seq} ttl={t.reply_ttl} time={tm} ms\n" for seq, tm in enumerate(times))
    lines.append(f"\n--- {target} ping statistics ---\n")
    loss = 0 if got == n else 100
    lines.append(f"{n} packets transmitted, {got} packets received, {loss}% packet loss\n")
    if got:
        vals = sorted(float(x) for x in times)
        avg = sum(vals) / len(vals)
        lines.append(f"round-trip min/avg/max = {vals[0]:.3f}/{avg:.3f}/{vals[-1]:.3f} ms\n")
        return Result("".join(lines), "", 1 if cut_short else 0)
    return Result("".join(lines), "", 1)


# busybox nslookup's qtypes table, in its order (queries of several -type options go out in this order)
_QTYPES = ("SOA", "NS", "A", "AAAA", "CNAME", "MX", "TXT", "SRV", "PTR", "ANY")


def _resolv_search(host: Any, c: Any) -> list[str]:
    """The search domains of the container's resolv.conf (busybox parse_resolvconf: the last
    ``search`` or ``domain`` line)."""
    from ..daemon.etcfiles import resolv_conf
    out: list[str] = []
    for line in resolv_conf(host, c).splitlines():
        w = line.split()
        if w and w[0] in ("search", "domain"):
            out = w[1:]
    return out


def nslookup(host: Any, c: Any, args: list[str]) -> Result:
    """busybox 1.35 nslookup (FEATURE_NSLOOKUP_BIG): options, then HOST [SERVER].

    Without SERVER it reads resolv.conf: its nameservers, and its search domains, which replace a
    dotless name (``add_query_with_search``: ``WEB`` is asked as ``WEB.corp.test`` only, r80).
    No ``-type``: a PTR query for an address, else A then AAAA. Each reply prints as it arrives
    (``** server can't find NAME: RCODE`` or an answer block, then a blank line) after a
    ``Server:``/``Address:`` header printed at the first reply; a server that answers nothing
    gives way to the next, and when none answers: ``;; connection timed out; no servers could
    be reached``.
    """
    types: list[str] = []
    i = 0
    while i < len(args) and args[i].startswith("-"):
        opt, _, val = args[i][1:].partition("=")
        if opt in ("type", "querytype"):
            if val.upper() not in _QTYPES:
                return Result("", f'nslookup: invalid query type "{val}"\n', 1)
            if val.upper() not in types:
                types.append(val.upper())
        elif opt not in ("port", "retry", "debug", "t", "timeout"):
            raise Usage("nslookup")
        i += 1
    words = args[i:]
    if not words or len(words) > 2:
        raise Usage("nslookup")
    name = words[0]
    search: list[str] = []
    if len(words) > 1:
        servers = [words[1]]
    else:
        servers = resolver.resolv_servers(host, c) or ["127.0.0.1"]
        search = _resolv_search(host, c)

    def with_search(qtype: str) -> list[tuple[str, str]]:
        if qtype == "PTR" or not search or "." in name:
            return [(name, qtype)]
        return [(f"{name}.{dom}", qtype) for dom in search]

    queries: list[tuple[str, str]] = []
    if not types:
        try:
            ip = parse_ip(name)
        except AddrError:
            ip = None
        if ip is not None:
            queries.append((resolver.ptr_name(ip), "PTR"))
        else:
            queries += with_search("A") + with_search("AAAA")
    else:
        for t in _QTYPES:
            if t in types:
                queries += with_search(t)

    refused = ""
    for server in servers:
        replies = [(q, resolver.query(host, c, server, q[0], q[1], _path(host))) for q in queries]
        traffic.dns(host, c, server, [(q[0], q[1], rc, recs) for q, (rc, recs) in replies
                                       if rc != "UNREACHABLE"])
        if any(rc == "UNREACHABLE" for _, (rc, _) in replies):
            # busybox connects its UDP socket to the server first; without a route that fails and
            # nslookup dies (xconnect), before any query goes out (r131)
            return Result("", f"nslookup: can't connect to remote host ({server}): Network is unreachable\n", 1)
        if all(rc in ("TIMEOUT", "CONNREFUSED") for _, (rc, _) in replies):
            if any(rc == "CONNREFUSED" for _, (rc, _) in replies) and not refused:
                # an ICMP port unreachable makes the next write fail (r131)
                refused = f"nslookup: write to '{server}': Connection refused\n"
            continue
        out = f"Server:\t\t{server}\nAddress:\t{server}:53\n\n"
        code = 0
        missing = []
        for (qname, qtype), (rcode, records) in replies:
            if rcode in ("TIMEOUT", "CONNREFUSED"):
                missing.append(qname)
                continue
            if rcode != "NOERROR":
                out += f"** server can't find {qname}: {rcode}\n\n"
                code = 1
                continue
            out += "Non-authoritative answer:\n"
            for r in records:
                out += f"{qname}\tname = {r}\n" if qtype == "PTR" else f"Name:\t{qname}\nAddress: {r}\n"
            out += "\n"
        if missing:
            out += "".join(f"*** Can't find {m}: No answer\n" for m in missing) + "\n"
        return Result(out, "", code)
    return Result(";; connection timed out; no servers could be reached\n\n", refused, 1)


def getent(host: Any, c: Any, args: list[str]) -> Result:
    if not args:
        return Result("", "Usage: getent [OPTION...] database [key ...]\n", 1)
    if args[0] not in ("hosts", "ahosts"):
        return Result("", f"Unknown database: {args[0]}\nTry `getent --help' or `getent --usage' for more "
                          f"information.\n", 1)
    if len(args) < 2:
        out = "".join(f"{str(ip):<15} {' '.join(names)}\n" for ip, names in resolver.hosts_entries(host, c))
        return Result(out, "", 0)
    out, code = "", 0
    for key in args[1:]:
        line = _getent_host(host, c, key)
        if line is None:
            code = 2
        else:
            out += line
    return Result(out, "", code)


def _getent_host(host: Any, c: Any, key: str) -> Optional[str]:
    # glibc getent hosts: gethostbyname2 for AF_INET6 first, then AF_INET; files before DNS
    entries = resolver.hosts_entries(host, c)
    for fam in (6, 4):
        for ip, names in entries:
            if ip.version == fam and key.lower() in (n.lower() for n in names):
                return f"{str(ip):<15} {' '.join(names)}\n"
    addrs = _getaddrinfo(host, c, key)
    for fam in (6, 4):
        for a in addrs:
            if a.version == fam:
                return f"{str(a):<15} {key}\n"
    return None


# busybox 1.35's nc as the images have it (r140; the machine's busybox is the same build): no -u,
# -v or -z, so a port scan or a UDP probe is a usage error

def _nc_operands(args: list[str]) -> list[str]:
    """getopt over nc's options ``lp:i:w:f:e:`` (anywhere on the line, as GNU getopt permutes):
    the operands; getopt's complaint raises :class:`Usage`."""
    words: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            return words + args[i + 1:]
        if a.startswith("-") and len(a) > 1:
            for j, ch in enumerate(a[1:], 1):
                if ch in "piwfe":
                    if j == len(a) - 1:          # the value is the next word
                        if i + 1 >= len(args):
                            raise Usage("nc", f"nc: option requires an argument -- '{ch}'\n")
                        i += 1
                    break
                if ch != "l":
                    raise Usage("nc", f"nc: invalid option -- '{ch}'\n")
        else:
            words.append(a)
        i += 1
    return words


def nc(host: Any, c: Any, args: list[str]) -> Result:
    from . import trace_from
    if args == ["--help"]:                       # busybox's own: the usage, and success
        raise Usage("nc", exit_code=0)
    words = _nc_operands(args)
    if not words:
        raise Usage("nc")
    if len(words) == 1:                          # no port: nc connects to port 0
        words.append("0")
    addrs = _getaddrinfo(host, c, words[0])
    if not addrs:
        return Result("", f"nc: bad address '{words[0]}'\n", 1)
    try:
        port = int(words[1])
    except ValueError:
        return Result("", f"nc: bad port '{words[1]}'\n", 1)
    t = trace_from(host, c, addrs[0], port, "tcp")
    _tcp_traffic(host, t, traffic.tcp_connection())
    if t.verdict == "reachable":
        return Result("", "", 0)
    if t.verdict == "refused":
        return Result("", "nc: can't connect to remote host (" + str(addrs[0]) + "): Connection refused\n", 1)
    if t.verdict == "no route":
        return Result("", "nc: can't connect to remote host (" + str(addrs[0]) + "): Network is unreachable\n", 1)
    return Result("", "nc: timed out\n", 1)


__all__ = ["run_tool", "ping", "nslookup", "getent", "nc", "wget", "arp"]


def arp(host: Any, c: Any, args: list[str]) -> Result:
    """busybox ``arp -a [-n]``: the container's neighbour table, each address named by
    /etc/hosts, else by a PTR query to the resolv.conf servers (counted: r136 shows the
    embedded DNS answering ``peer.lab``), unless ``-n``. Other forms are listed the same (not
    recorded)."""
    ns = host.container_netns(resolver.owner(c))
    numeric = "-n" in args or any(a.startswith("-") and "n" in a[1:] for a in args)

    def name_of(n: Any) -> str:
        if numeric:
            return "?"
        for ip, names in resolver.hosts_entries(host, c):
            if ip == n.ip and names:
                return names[0]
        arpa = resolver.ptr_name(n.ip)
        for server in resolver.resolv_servers(host, c):
            rcode, names = resolver.query(host, c, server, arpa, "PTR", _path(host))
            traffic.dns(host, c, server, [(arpa, "PTR", rcode, names)] if rcode != "UNREACHABLE" else [])
            if names:
                return names[0]
            if rcode == "NXDOMAIN":
                break
        return "?"
    # /proc/net/arp as busybox prints it: NAME (IP) at MAC [ether]  on DEV
    return Result("".join(f"{name_of(n)} ({n.ip}) at " + (f"{n.mac} [ether]" if n.mac else "<incomplete>")
                          + f"  on {n.dev}\n" for n in (ns.neighbours if ns is not None else ())), "", 0)


def wget(host: Any, c: Any, args: list[str]) -> Result:
    """busybox wget against http://HOST[:PORT]/PATH: connect errors as busybox words them; busybox
    ``httpd`` (which serves no files in the model) answers 404, as it did in r136; another
    listener is taken to answer with an empty body (not recorded)."""
    from . import trace_from
    for a in args:
        name = a[2:].partition("=")[0]
        if a.startswith("--") and name and name not in _WGET_LONG:
            raise Usage("wget", f"wget: unrecognized option '{a}'\n")
    urls = [a for a in args if "://" in a or (not a.startswith("-") and "." in a)]
    quiet = any(a in ("-q", "--quiet") or (a.startswith("-") and "q" in a and not a.startswith("--"))
                for a in args)
    if not urls:
        raise Usage("wget")
    url = urls[-1]
    scheme, _, rest = url.partition("://") if "://" in url else ("http", "", url)
    hostport, _, path = rest.partition("/")
    hostname, _, port_txt = hostport.partition(":")
    port = int(port_txt) if port_txt.isdigit() else (443 if scheme == "https" else 80)
    addrs = _getaddrinfo(host, c, hostname)
    if not addrs:
        return Result("", f"wget: bad address '{hostname}'\n", 1)
    ip = addrs[0]
    err = "" if quiet else f"Connecting to {hostport} ({ip}:{port})\n"
    t = trace_from(host, c, ip, port, "tcp")
    served_by_httpd = t.listener is not None and t.listener.program == "httpd"
    answer = _HTTPD_404 if served_by_httpd and not t.paused else ""
    _tcp_traffic(host, t, traffic.tcp_connection(len(_wget_request("/" + path, hostport)), len(answer)))
    if t.verdict == "reachable" and t.paused:
        # a paused server: the connection is made, the request is never read; busybox gives up
        # after its read timeout with this line (networking/wget.c); the real wait is not modelled
        return Result("", err + "wget: download timed out\n", 1)
    if t.verdict == "reachable":
        if served_by_httpd:
            return Result("", err + "wget: server returned error: HTTP/1.1 404 Not Found\n", 1)
        return Result("", err, 0)
    if t.verdict == "refused":
        return Result("", err + f"wget: can't connect to remote host ({ip}): Connection refused\n", 1)
    if t.verdict == "no route":
        return Result("", err + f"wget: can't connect to remote host ({ip}): Network is unreachable\n", 1)
    return Result("", err + "wget: download timed out\n", 1)


# busybox 1.35 wget's long options (checked against the images' build)
_WGET_LONG = frozenset(("continue", "quiet", "server-response", "output-document", "output-file",
                        "directory-prefix", "user-agent", "proxy", "header", "post-data", "post-file", "spider",
                        "no-check-certificate", "no-verbose", "passive-ftp"))


def _wget_request(path: str, hostport: str) -> str:
    """What busybox wget sends (its length is what r136 counted: 73 bytes for ``/`` on 10.88.0.10)."""
    return f"GET {path} HTTP/1.1\r\nHost: {hostport}\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n"


# busybox httpd's answer for a file it does not have (231 bytes, as r136 counted; the date is
# always 29 characters)
_HTTPD_404 = ("HTTP/1.1 404 Not Found\r\nContent-type: text/html\r\nDate: Sat, 05 Dec 2026 08:30:00 GMT\r\n"
              "Connection: close\r\n\r\n<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n"
              "<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n")


def _tcp_traffic(host: Any, t: Any, connection: "traffic.Flow") -> None:
    """What a TCP connect moved: the whole ``connection``, a SYN answered by an RST, or the SYN
    alone where it was lost (its retransmissions are not modelled)."""
    if t.verdict == "reachable":
        traffic.move(host, t.wire, connection, t.contacts)
    elif t.verdict == "refused":
        traffic.move(host, t.wire + traffic.mirrored(t.wire), traffic.tcp_refused(), t.contacts)
    else:
        traffic.move(host, t.wire, traffic.tcp_refused().outward(), t.contacts)
