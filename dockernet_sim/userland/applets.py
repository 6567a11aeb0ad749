"""What runs inside a container besides the network tools' views: iproute2's ``ip`` as its own
``main()`` parses argv (also under other names: the oracle's ``TOOLS iproute2`` image has ip
copied over busybox, so every applet there is ip), the process environment Docker gives a
container (moby's ``CreateDaemonEnvironment`` and legacy ``--link`` variables). The shell behind
``sh -c`` and ``bash -c`` is ``userland.sh``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Sequence

from ..records import Record, field
from ..engines import Profile
from ..result import Result

# `busybox --list` of the busybox-static 1.35.0 (Debian 12) the oracle's images are built from
BUSYBOX_APPLETS = frozenset("""
[ [[ acpid adjtimex ar arch arp arping ascii ash awk base64 basename bc blkdiscard blockdev brctl bunzip2 busybox
bzcat bzip2 cal cat chgrp chmod chown chroot chvt clear cmp cp cpio crc32 crond crontab cttyhack cut date dc dd
deallocvt depmod devmem df diff dirname dmesg dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ed
egrep env expand expr factor fallocate false fatattr fdisk fgrep find findfs fold free freeramdisk fsfreeze fstrim
ftpget ftpput getopt getty grep groups gunzip gzip halt head hexdump hostid hostname httpd hwclock i2cdetect i2cdump
i2cget i2cset i2ctransfer id ifconfig ifdown ifup init insmod ionice ip ipcalc ipneigh kill killall klogd last less
link linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread losetup ls lsmod lsscsi lzcat lzma
lzop md5sum mdev microcom mim mkdir mkdosfs mke2fs mkfifo mknod mkpasswd mkswap mktemp modinfo modprobe more mount
mt mv nameif nc netstat nl nologin nproc nsenter nslookup nuke od openvt partprobe passwd paste patch pidof ping
ping6 pivot_root poweroff printf ps pwd rdate readlink realpath reboot renice reset resume rev rm rmdir rmmod route
rpm rpm2cpio run-init run-parts sed seq setkeycodes setpriv setsid sh sha1sum sha256sum sha3sum sha512sum shred
shuf sleep sort ssl_client start-stop-daemon stat strings stty su sulogin svc svok swapoff swapon switch_root sync
sysctl syslogd tac tail tar taskset tc tee telnet telnetd test tftp time timeout top touch tr traceroute traceroute6
true truncate ts tty tunctl ubirename udhcpc udhcpd uevent umount uname uncompress unexpand uniq unix2dos unlink
unlzma unshare unxz unzip uptime usleep uudecode uuencode vconfig vi w watch watchdog wc wget which who whoami xargs
xxd xz xzcat yes zcat
""".split())

# the applets that read a container's files (userland.busybox_files) and those that would change them
FILE_APPLETS = frozenset(("ls", "cat", "find", "df", "mount", "which", "readlink", "dmesg"))   # (sysctl: userland.sysctl)
WRITERS = frozenset(("touch", "mkdir", "rm", "rmdir", "mv", "cp", "ln", "chmod", "chown", "chgrp", "truncate",
                     "mkfifo", "mknod", "tee", "dd", "unlink", "shred", "fallocate"))

# -- busybox's own words --------------------------------------------------------------------------------

BUSYBOX_BANNER = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n"


def busybox_usage(applet: str) -> str:
    """What busybox prints for ``APPLET --help`` or a bad command line (its banner, the usage and
    the option list; on stderr), and for ``busybox`` alone (the applet list, on stdout): the images'
    busybox 1.35.0, from ``userland/data/busybox_usage.json``.

    >>> busybox_usage("nslookup").splitlines()[2]
    'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]'
    """
    return _busybox_texts()[applet]


@lru_cache(maxsize=None)
def _busybox_texts() -> Mapping[str, str]:
    import json
    from pathlib import Path
    data = json.loads((Path(__file__).parent / "data" / "busybox_usage.json").read_text())
    return MappingProxyType(data["usage"])


# -- iproute2 6.1 ip ---------------------------------------------------------------------------------

IP_VERSION = "ip utility, iproute2-6.1.0, libbpf 1\n"

IP_USAGE = (
    "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
    "       ip [ -force ] -batch filename\n"
    "where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
    "                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
    "                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
    "                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
    "                   token | tunnel | tuntap | vrf | xfrm }\n"
    "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
    "                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
    "                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
    "                    -4 | -6 | -M | -B | -0 |\n"
    "                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
    "                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
    "                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
    "                    -c[olor]}\n")

# ip.c's cmds[] in its order: the first entry a word abbreviates wins ("l" is link, "t" tunnel)
IP_OBJECTS = ("address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour", "ntable", "ntbl",
              "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap", "token", "tcpmetrics",
              "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr", "nexthop",
              "mptcp", "ioam", "help", "stats")

# the handler each object runs, and the name its "Command … is unknown" message gives
_HANDLER = {"neighbour": "neighbor", "ntbl": "ntable", "tunl": "tunnel", "tap": "tuntap",
            "tcp_metrics": "tcpmetrics"}
_HELP_NAME = {"maddress": "maddr", "neighbor": "neigh", "tcpmetrics": "tcp_metrics"}

# each handler's sub-commands in the order it tests them (matches() = abbreviation, "=" exact)
_SUBCOMMANDS: dict[str, tuple[tuple[str, str], ...]] = {
    "address": (("add", "modify"), ("change", "modify"), ("=chg", "modify"), ("replace", "modify"),
                ("delete", "modify"), ("list", "list"), ("show", "list"), ("lst", "list"), ("flush", "modify"),
                ("save", "other"), ("showdump", "other"), ("restore", "other"), ("help", "help")),
    "route": (("add", "modify"), ("change", "modify"), ("=chg", "modify"), ("replace", "modify"),
              ("prepend", "modify"), ("append", "modify"), ("test", "modify"), ("delete", "modify"),
              ("list", "list"), ("show", "list"), ("lst", "list"), ("get", "get"), ("flush", "modify"),
              ("save", "other"), ("restore", "other"), ("showdump", "other"), ("help", "help")),
    "link": (("add", "modify"), ("set", "modify"), ("change", "modify"), ("replace", "modify"),
             ("delete", "modify"), ("show", "list"), ("lst", "list"), ("list", "list"), ("xstats", "other"),
             ("afstats", "other"), ("property", "other"), ("help", "help")),
    "rule": (("list", "list"), ("lst", "list"), ("show", "list"), ("save", "other"), ("restore", "other"),
             ("add", "modify"), ("delete", "modify"), ("flush", "modify"), ("help", "help")),
    "neighbor": (("add", "modify"), ("change", "modify"), ("=chg", "modify"), ("replace", "modify"),
                 ("delete", "modify"), ("get", "other"), ("show", "list"), ("lst", "list"), ("list", "list"),
                 ("flush", "modify"), ("help", "help")),
    "tunnel": (("add", "modify"), ("change", "modify"), ("delete", "modify"), ("show", "list"), ("lst", "list"),
               ("list", "list"), ("prl", "modify"), ("6rd", "modify"), ("help", "help")),
    "vrf": (("identify", "other"), ("pids", "other"), ("exec", "other"), ("show", "list"), ("lst", "list"),
            ("list", "list"), ("help", "help")),
    "maddress": (("add", "modify"), ("delete", "modify"), ("list", "list"), ("show", "list"), ("lst", "list"),
                 ("help", "help")),
}

# the usage texts of the handlers that print theirs when given no sub-command
_OBJECT_USAGE = {
    "ila": ("Usage: ip ila add loc_match LOCATOR_MATCH loc LOCATOR [ dev DEV ] OPTIONS\n"
            "       ip ila del loc_match LOCATOR_MATCH [ loc LOCATOR ] [ dev DEV ]\n"
            "       ip ila list\n"
            "OPTIONS := [ csum-mode { adj-transport | neutral-map |\n"
            "                         neutral-map-auto | no-action } ]\n"
            "           [ ident-type { luid | use-format } ]\n"),
    "sr": ("Usage: ip sr { COMMAND | help }\n"
           "          ip sr hmac show\n"
           "          ip sr hmac set KEYID ALGO\n"
           "          ip sr tunsrc show\n"
           "          ip sr tunsrc set ADDRESS\n"
           "where  ALGO := { sha1 | sha256 }\n"),
    "ioam": ("Usage:\tip ioam { COMMAND | help }\n"
             "\tip ioam namespace show\n"
             "\tip ioam namespace add ID [ data DATA32 ] [ wide DATA64 ]\n"
             "\tip ioam namespace del ID\n"
             "\tip ioam schema show\n"
             "\tip ioam schema add ID DATA\n"
             "\tip ioam schema del ID\n"
             "\tip ioam namespace set ID schema { ID | none }\n"),
}


def matches(prefix: str, string: str) -> bool:
    """iproute2's ``matches() == 0``: ``prefix`` is a non-empty abbreviation of ``string``."""
    return bool(prefix) and string.startswith(prefix)


class IpOptions(Record):
    """What ``ip``'s global options set (the ones the views read)."""

    family: Optional[int] = None      # 4, 6, or None; "other" families keep None
    brief: bool = False
    oneline: bool = False
    details: int = 0
    stats: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class _Exit(Exception):
    def __init__(self, result: Result) -> None:
        super().__init__(result.stderr)
        self.result = result


def _usage() -> _Exit:
    return _Exit(Result("", IP_USAGE, 255))


def _read_family(name: str) -> Optional[int]:
    return {"inet": 4, "inet6": 6, "link": 17, "ipx": 4, "dnet": 12, "mpls": 28, "bridge": 7}.get(name, 0) or None


# (object, sub-arguments, options, in a container) -> what the handler prints; None: not modelled
ObjectRunner = Callable[[str, list[str], IpOptions], Result]


def ip_main(argv0: str, args: Sequence[str], run_object: ObjectRunner, in_container: bool = True) -> Result:
    """iproute2 6.1's ``main()``: global options, then the object named by the program's name
    (``ipaddr`` → ``addr``; any name longer than two characters whose tail after two
    characters abbreviates an object) or by the first remaining word."""
    base = argv0.rsplit("/", 1)[-1]
    opts = IpOptions()
    a = list(args)
    try:
        i = 0
        while i < len(a):
            opt = a[i]
            if opt == "--":
                i += 1
                break
            if not opt.startswith("-"):
                break
            if opt[1:2] == "-":
                opt = opt[1:]
            if matches(opt, "-loops"):
                i += 1
                if i >= len(a):
                    raise _usage()
            elif matches(opt, "-family"):
                i += 1
                if i >= len(a) or a[i] == "help":
                    raise _usage()
                fam = _read_family(a[i])
                if fam is None:
                    raise _Exit(Result("", f'Error: argument "{a[i]}" is wrong: invalid protocol family\n', 255))
                opts.family = fam if fam in (4, 6) else None
            elif opt in ("-4", "-6"):
                opts.family = int(opt[1])
            elif opt in ("-0", "-M", "-B"):
                opts.family = None
            elif matches(opt, "-human") or matches(opt, "-human-readable") or matches(opt, "-iec"):
                pass
            elif matches(opt, "-stats") or matches(opt, "-statistics"):
                opts.stats += 1
            elif matches(opt, "-details"):
                opts.details += 1
            elif matches(opt, "-resolve") or matches(opt, "-timestamp") or matches(opt, "-tshort"):
                pass
            elif matches(opt, "-oneline"):
                opts.oneline = True
            elif matches(opt, "-Version"):
                return Result(IP_VERSION, "", 0)
            elif matches(opt, "-force"):
                pass
            elif matches(opt, "-batch"):
                i += 1
                if i >= len(a):
                    raise _usage()
                opts.extra["batch"] = a[i]
            elif matches(opt, "-brief"):
                opts.brief = True
            elif matches(opt, "-json") or matches(opt, "-pretty"):
                opts.extra[opt] = True
            elif matches(opt, "-rcvbuf"):
                i += 1
                if i >= len(a):
                    raise _usage()
                if not re.fullmatch(r"(0[xX][0-9a-fA-F]+|[0-9]+)", a[i]):
                    raise _Exit(Result("", f"Invalid rcvbuf size '{a[i]}'\n", 255))
            elif _matches_color(opt):
                pass
            elif matches(opt, "-help"):
                raise _usage()
            elif matches(opt, "-netns"):
                # NEXT_ARG() then netns_switch(argv[1]): a missing name is printf's "(null)"; no
                # name exists under /var/run/netns (Docker keeps its namespaces elsewhere)
                i += 1
                name = a[i] if i < len(a) else "(null)"
                raise _Exit(Result("", f'Cannot open network namespace "{name}": No such file or directory\n', 255))
            elif matches(opt, "-Numeric") or matches(opt, "-all") or opt == "-echo":
                pass
            else:
                raise _Exit(Result("", f'Option "{opt}" is unknown, try "ip -help".\n', 255))
            i += 1
        rest = a[i:]
        if "batch" in opts.extra:
            name = opts.extra["batch"]
            if name == "-":
                return Result("", "", 0)
            return Result("", f'Cannot open file "{name}" for reading: No such file or directory\n', 1)
        out = Result("", "", 0)
        if len(base) > 2:
            res = _do_cmd(base[2:], rest, opts, run_object, final=False)
            if res is not None and res.exit_code != 1:
                return res
            if res is not None:       # the handler failed with -1: main goes on with argv[1]
                out = res
        if rest:
            res = _do_cmd(rest[0], rest[1:], opts, run_object, final=True)
            assert res is not None
            return Result(out.stdout + res.stdout, out.stderr + res.stderr, res.exit_code)
        raise _usage()
    except _Exit as e:
        return e.result


def _matches_color(opt: str) -> bool:
    name, eq, val = opt.partition("=")
    return matches(name, "-color") and (not eq or val in ("", "always", "auto", "never"))


def _do_cmd(word: str, args: list[str], opts: IpOptions, run_object: ObjectRunner, final: bool) -> Optional[Result]:
    for obj in IP_OBJECTS:
        if matches(word, obj):
            return _run_handler(_HANDLER.get(obj, obj), args, opts, run_object)
    if final:
        return Result("", f'Object "{word}" is unknown, try "ip help".\n', 1)
    return None


def _run_handler(obj: str, args: list[str], opts: IpOptions, run_object: ObjectRunner) -> Result:
    if obj == "help":
        raise _usage()
    if obj in _OBJECT_USAGE and (not args or args[0] == "help" or (obj == "ila" and matches(args[0], "help"))):
        raise _Exit(Result("", _OBJECT_USAGE[obj], 255))
    if obj == "sr" and not matches(args[0], "hmac") and not matches(args[0], "tunsrc"):
        raise _Exit(Result("", f'Error: argument "{args[0]}" is wrong: unknown\n', 255))
    if obj == "stats" and args and args[0] not in ("help", "show", "set"):
        # ipstats returns -1 (not exit): main then tries the word as an object
        return Result("", f'Command "{args[0]}" is unknown, try "ip stats help".\n', 1)
    subs = _SUBCOMMANDS.get(obj)
    if subs is not None and args:
        kind = None
        for name, k in subs:
            if (name[1:] == args[0]) if name.startswith("=") else matches(args[0], name):
                kind = k
                break
        if kind is None:
            dot = "" if obj == "tunnel" else "."
            raise _Exit(Result("", f'Command "{args[0]}" is unknown, try "ip {_HELP_NAME.get(obj, obj)} help"{dot}\n',
                               255))
    return run_object(obj, args, opts)


def subcommand_kind(obj: str, word: str) -> Optional[str]:
    """The kind ("list", "get", "modify", "help", "other") of ``obj``'s sub-command ``word``."""
    for name, k in _SUBCOMMANDS.get(obj, ()):
        if (name[1:] == word) if name.startswith("=") else matches(word, name):
            return k
    return None


# -- the environment of a container's processes ----------------------------------------------------------

DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class LinkError(Exception):
    """setupLinkedContainers refused: a linked container is not running."""


def replace_or_append_env(defaults: list[str], overrides: Sequence[str]) -> list[str]:
    """moby's ``ReplaceOrAppendEnvValues``: same keys replaced in place, new ones appended, a
    bare ``KEY`` removes it."""
    env = list(defaults)
    cache = {e.split("=", 1)[0]: i for i, e in enumerate(env)}
    for v in overrides:
        if "=" not in v:
            if v in cache:
                env[cache[v]] = ""
            continue
        k = v.split("=", 1)[0]
        if k in cache:
            env[cache[k]] = v
        else:
            env.append(v)
    return [e for e in env if e != ""]


def link_to_env(profile: Profile, name: str, child_ip: str, child_env: Sequence[str], exposed: Sequence[str]) -> list[str]:
    """daemon/links ``Link.ToEnv`` for the link ``name`` (``/parent/alias``): ALIAS_PORT (the
    lowest port, TCP first), one block per EXPOSEd port (20.10 puts the ranges of contiguous
    ports first, 28 after each range's last port), ALIAS_NAME, ALIAS_ENV_* of the child's env."""
    alias = name.rsplit("/", 1)[-1].upper().replace("-", "_")
    ports: list[tuple[int, str]] = []
    for spec in exposed:
        p, _, proto = spec.partition("/")
        ports.append((int(p), proto or "tcp"))
    env: list[str] = []

    def one(p: int, proto: str) -> list[str]:
        prefix = f"{alias}_PORT_{p}_{proto.upper()}"
        return [f"{prefix}={proto}://{child_ip}:{p}", f"{prefix}_ADDR={child_ip}", f"{prefix}_PORT={p}",
                f"{prefix}_PROTO={proto}"]

    if profile.link_env_ranges_first:
        ports.sort(key=lambda t: (t[0], t[1].lower() != "tcp"))
        if ports:
            env.append(f"{alias}_PORT={ports[0][1]}://{child_ip}:{ports[0][0]}")
        i = 0
        while i < len(ports):
            p, proto = ports[i]
            j = i
            value = p
            if i + 1 < len(ports):      # nextContiguous: by number only
                j = len(ports) - 1
                for k in range(i + 1, len(ports)):
                    if ports[k][0] > value + 1:
                        j = k - 1
                        break
                    value += 1
            if j > i + 1:
                q, qproto = ports[j]
                pre = f"{alias}_PORT_{p}_{proto.upper()}"
                env += [f"{pre}_START={proto}://{child_ip}:{p}", f"{pre}_ADDR={child_ip}", f"{pre}_PROTO={proto}",
                        f"{pre}_PORT_START={p}",
                        f"{alias}_PORT_{p}_{qproto.upper()}_END={qproto}://{child_ip}:{q}",
                        f"{alias}_PORT_{p}_{qproto.upper()}_PORT_END={q}"]
                i = j + 1
            else:
                i += 1
        for p, proto in ports:
            env += one(p, proto)
    else:
        def prio(t: tuple[int, str]) -> tuple[int, str, int]:
            tcp = t[1].lower() == "tcp"
            return (0 if tcp else 1, "" if tcp else t[1].lower(), t[0])
        ports.sort(key=prio)
        start = end = None
        for i, (p, proto) in enumerate(ports):
            if i == 0:
                start = end = (p, proto)
                env.append(f"{alias}_PORT={proto}://{child_ip}:{p}")
            env += one(p, proto)
            assert start is not None and end is not None
            if p == end[0] + 1 and proto.lower() == start[1].lower():
                end = (p, proto)
                if i < len(ports) - 1:
                    continue
            if end != start:
                pre = f"{alias}_PORT_{start[0]}_{start[1].upper()}"
                env += [f"{pre}_START={start[1]}://{child_ip}:{start[0]}", f"{pre}_PORT_START={start[0]}",
                        f"{pre}_END={end[1]}://{child_ip}:{end[0]}", f"{pre}_PORT_END={end[0]}"]
            start = end = (p, proto)
    env.append(f"{alias}_NAME={name}")
    for v in child_env or ():
        k, eq, val = v.partition("=")
        if not eq or k in ("HOME", "PATH"):
            continue
        env.append(f"{alias}_ENV_{k}={val}")
    return env


def _bridge_ip(c: Any) -> Optional[str]:
    es = c.networks.get("bridge")
    ep = es.endpoint if es is not None else None
    return str(ep.ip4) if ep is not None and ep.ip4 is not None else None


def linked_env(d: Any, c: Any) -> list[str]:
    """setupLinkedContainers: the variables of each legacy link, for a container on the default
    bridge (raises LinkError when a linked container is not running)."""
    if _bridge_ip(c) is None:
        return []
    env: list[str] = []
    for link in c.links or []:
        child_name, _, name = link.partition(":")
        try:
            child = d.find_container(child_name.lstrip("/"))
        except Exception:
            continue
        if not child.running:
            raise LinkError(f"Cannot link to a non running container: /{child.name} AS {name}")
        ip = _bridge_ip(child)
        if ip is None:
            raise LinkError(f"container {child.id} not attached to default bridge network")
        env += link_to_env(d.profile, name, ip, child.env or [], child.exposed or [])
    return env


def config_hostname(d: Any, c: Any) -> str:
    """Config.Hostname as the container runs: a container: guest takes its donor's, host mode the host's."""
    owner = c.donor if c.mode_kind == "container" and c.donor is not None else c
    return owner.hostname if owner.mode_kind != "host" else d.host.hostname


def process_env(d: Any, c: Any, tty: bool, overrides: Sequence[str] = ()) -> list[str]:
    """The environment of a process in ``c`` (moby's CreateDaemonEnvironment: PATH, HOSTNAME,
    TERM with a terminal, the link variables, Config.Env; then an exec's ``-e``), with HOME=/
    that runc adds last (the image has no /etc/passwd)."""
    env = [f"PATH={DEFAULT_PATH}", f"HOSTNAME={config_hostname(d, c)}"]
    if tty:
        env.append("TERM=xterm")
    env += linked_env(d, c)
    env = replace_or_append_env(env, c.env or [])
    env = replace_or_append_env(env, overrides)
    if not any(e.startswith("HOME=") for e in env):
        env.append("HOME=/")
    return env
