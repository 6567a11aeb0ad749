"""The Linux programs a user runs on the host or with ``docker exec``: ip, ifconfig, brctl,
bridge, iptables, iptables-save, hostname, cat of the network files.

Each takes argv and the namespace it runs in, and returns what the real tool prints. Inside
containers the userland is the image's (busybox or iproute2); on the host it is iproute2 and
net-tools. Unknown programs and bad arguments give the tool's own message and exit code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, Sequence

from ..kernel import Namespace
from . import applets as userland, views
from ..result import Result

if TYPE_CHECKING:
    from ..query.listeners import OpenSocket
    from .ipwords import Selector


def _tool(fn: Callable[[], str]) -> Result:
    """Run a view; a ToolError becomes the tool's own stderr and exit code."""
    try:
        return Result(fn(), "", 0)
    except views.ToolError as e:
        return Result("", e.stderr, e.exit_code)


def run_ip(argv: Sequence[str], ns: Namespace, flavour: str, argv0: str = "ip", in_container: bool = False) -> Result:
    """``ip`` (busybox or iproute2): addr, link, route (show, get) with -4/-6/-br/-o. iproute2's
    runs its own ``main()`` (userland.ip_main), also under another program name ``argv0``."""
    if flavour != "busybox":
        def run_object(obj: str, args: list[str], opts: userland.IpOptions) -> Result:
            return _iproute2_object(obj, args, opts, ns, in_container)
        return userland.ip_main(argv0, argv, run_object, in_container=in_container)
    args = list(argv)
    family: Optional[int] = None
    brief = oneline = False
    while args and args[0].startswith("-"):
        a = args.pop(0)
        if a == "-4":
            family = 4
        elif a == "-6":
            family = 6
        elif a in ("-br", "-brief"):
            brief = True
        elif a in ("-o", "-oneline"):
            oneline = True
        elif a in ("-s", "-stats", "-c", "-color"):
            continue
        elif a in ("-f", "-family") and args:
            fam = args.pop(0)
            family = 6 if fam == "inet6" else 4 if fam == "inet" else None
        else:
            return Result("", userland.busybox_usage("ip"), 1)
    if not args:
        return Result("", userland.busybox_usage("ip"), 1)
    obj, rest = args[0], args[1:]
    if obj in ("r", "ro", "rou", "route") and rest and rest[0] == "get":
        if len(rest) < 2:
            return Result("", userland.busybox_usage("ip"), 1)
        return _tool(lambda: views.ip_route_get(ns, rest[1], flavour))
    if rest and rest[0] in ("show", "list", "ls", "lst", "sh", "s", "l"):
        rest = rest[1:]
    if "neighbour".startswith(obj) or "neighbor".startswith(obj):
        return _neigh_view(rest, ns, flavour)
    kind = "address" if obj in ("a", "ad", "addr", "address") else "link" if obj in ("l", "li", "lin", "link") \
        else "route" if obj in ("r", "ro", "rou", "route") else None
    if kind is None:
        return Result("", userland.busybox_usage("ip"), 1)
    if rest:
        from .busybox_ip import MODIFY_VERBS, busybox_ip_modify     # the changes: loaded by the first (issue 15)
        if rest[0] in MODIFY_VERBS:
            return busybox_ip_modify(kind, rest[0], rest[1:], ns)
    return _ip_view(kind, rest, ns, flavour, family, brief, oneline)


def host_ip_program(argv: Sequence[str], ns: Namespace) -> Result:
    """The host's ``ip``: iproute2's, as on the machines the recordings were made on (the
    daemon's ``host_ip_program``, which ``docker``-less scripts change the host through)."""
    return run_ip(argv, ns, "iproute2")


def _ip_view(obj: str, rest: list[str], ns: Namespace, flavour: str, family: Optional[int], brief: bool,
             oneline: bool, details: int = 0, stats: int = 0) -> Result:
    """The listing of ``ip address|link|route [show] …``."""
    rest = list(rest)
    dev: Optional[str] = None
    kind: Optional[str] = None
    master: Optional[str] = None
    up_only = False
    scope: Optional[str] = None
    selector: Optional[Selector] = None
    while rest:
        w = rest.pop(0)
        if w == "scope" and rest and obj == "address":
            scope = rest.pop(0)
            continue
        if w == "to" and obj == "address" or obj == "route" and (
                w in _SELECTOR_WORDS or w not in ("dev", "oif", "type") and not w.startswith("-")):
            picked = _selector(obj, w, rest, flavour, family)
            if isinstance(picked, Result):
                return picked
            selector = picked
            continue
        if w == "dev" and rest:
            if flavour == "busybox" and dev is not None:
                return Result("", f'ip: either "dev" is duplicate, or "{rest[0]}" is garbage\n', 1)
            dev = rest.pop(0)
        elif w == "type" and rest and flavour != "busybox":
            kind = rest.pop(0)
        elif flavour == "busybox" and not w.startswith("-") and dev is not None:
            # busybox takes the first free word for the device and refuses a second one
            return Result("", f'ip: either "dev" is duplicate, or "{w}" is garbage\n', 1)
        elif w == "master" and rest and flavour != "busybox":
            # iproute2: the links enslaved to that device (ll_name_to_index, else invarg: exit 255)
            master = rest.pop(0)
            if ns.link(master) is None:
                return Result("", f'Error: argument "{master}" is wrong: Device does not exist\n\n', 255)
        elif w == "up" and flavour != "busybox":
            up_only = True
        elif not w.startswith("-") and dev is None:
            dev = w
        elif flavour != "busybox" and w not in _IPROUTE2_LIST_WORDS:
            # iproute2 takes a free word for the device and refuses a second one (duparg2)
            return Result("", f'Error: either "dev" is duplicate, or "{w}" is a garbage.\n', 255)
    if obj == "address":
        return _tool(lambda: views.ip_addr(ns, flavour, dev=dev, brief=brief, family=family, kind=kind,
                                           oneline=oneline, master=master, up_only=up_only, scope=scope,
                                           to=selector))
    if obj == "link":
        return _tool(lambda: views.ip_link(ns, flavour, dev=dev, brief=brief, kind=kind, oneline=oneline,
                                           master=master, up_only=up_only, details=details, stats=stats))
    return _tool(lambda: views.ip_route(ns, flavour, family=family or (selector.version if selector else 4),
                                        dev=dev, selector=selector))


# the other words ``ip addr|link show`` reads (iproute2 6.1 ipaddress.c, iplink.c): a filter the model
# does not apply is still no device name
_IPROUTE2_LIST_WORDS = frozenset(("label", "vrf", "nomaster", "group", "permanent", "dynamic", "secondary",
                                  "temporary", "primary", "tentative", "-tentative", "deprecated", "-deprecated",
                                  "dadfailed", "-dadfailed", "home", "nodad", "mngtmpaddr", "noprefixroute",
                                  "autojoin", "optimistic", "stable-privacy"))


# ``ip addr show to P``, ``ip route show [to] [root|match|exact] P`` (iproute2 6.1 ipaddress.c and
# iproute.c, busybox 1.35 the same words); checked in a network namespace on the recording machine
_SELECTOR_WORDS = ("to", "root", "match", "exact")


def _selector(obj: str, word: str, rest: list[str], flavour: str, family: Optional[int]) -> "Selector | Result":
    # ip's address words load with the first selector (`ip a` alone needs none: issue 15)
    from .ipwords import Selector, busybox_prefix_ok, parse_selector
    """The prefix after ``word`` (taken from ``rest``), or the tool's complaint."""
    kind = "exact"
    if word == "to":
        if not rest:
            return _incomplete(flavour)
        word = rest.pop(0)
    if obj == "route" and word in ("root", "match", "exact"):
        kind = word
        if not rest:
            return _incomplete(flavour)
        word = rest.pop(0)
    if flavour == "busybox":
        if not busybox_prefix_ok(word):
            return Result("", f'ip: an inet prefix is expected rather than "{word.partition("/")[0]}"\n', 1)
        # busybox takes a word that is no address for 0.0.0.0/0 (ip route show nonsense lists the
        # default routes)
        return parse_selector(word, family, kind) or Selector(family or 4, 0, 0, kind)
    picked = parse_selector(word, family, kind)
    if picked is None:
        name = {None: "any valid", 4: "inet", 6: "inet6"}[family]
        return Result("", f'Error: {name} prefix is expected rather than "{word}".\n', 1)
    return picked


def _incomplete(flavour: str) -> Result:
    if flavour == "busybox":
        return Result("", 'ip: command line is not complete, try "help"\n', 1)
    return Result("", 'Command line is not complete. Try option "help"\n', 255)


def _neigh_view(rest: list[str], ns: Namespace, flavour: str) -> Result:
    """``ip neigh [show] [dev DEV] [to PREFIX] [nud STATE]`` (a bare word is the prefix)."""
    words = list(rest)
    if words[:1] and words[0] in ("show", "list", "ls", "lst"):
        words.pop(0)
    dev = to = nud = None
    while words:
        w = words.pop(0)
        if w == "dev" and words:
            dev = words.pop(0)
        elif w == "nud" and words:
            nud = words.pop(0)
        else:
            to = words.pop(0) if w == "to" and words else w
    return _tool(lambda: views.ip_neigh(views.neighbours(ns, flavour, dev, to, nud), flavour, dev is not None))


def run_sleep(argv: Sequence[str], flavour: str) -> Result:
    """``sleep N``: the model's time does not pass, so it returns at once (GNU coreutils' and
    busybox's refusals for a missing or malformed interval)."""
    args = [a for a in argv if a != "--"]
    if not args:
        if flavour == "busybox":
            return Result("", userland.busybox_usage("sleep"), 1)
        return Result("", "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1)
    for a in args:
        number = a[:-1] if a[-1:] in ("s", "m", "h", "d") else a
        whole, _, frac = number.partition(".")
        if not (whole + frac).isdigit() or not (whole + frac).isascii():
            if flavour == "busybox":
                return Result("", f"sleep: invalid number '{a}'\n", 1)
            return Result("", f"sleep: invalid time interval \u2018{a}\u2019\n"
                              "Try 'sleep --help' for more information.\n", 1)
    return Result("", "", 0)


def sleep_ns(argv: Sequence[str]) -> int:
    """How long ``sleep`` sleeps, in nanoseconds: the sum of its (checked) intervals, each a
    number with an optional unit s, m, h or d."""
    scale = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    total = 0
    for a in argv:
        if a == "--":
            continue
        unit = a[-1] if a[-1:] in scale else "s"
        number = a[:-1] if a[-1:] in scale else a
        whole, _, frac = number.partition(".")
        ns = int(whole or 0) * 1_000_000_000 + (int(frac[:9].ljust(9, "0")) if frac else 0)
        total += ns * scale[unit]
    return total


def _not_simulated(what: str) -> Result:
    return Result("", f"dockernet_sim: {what}: not simulated\n", 2)


def _iproute2_object(obj: str, args: list[str], opts: userland.IpOptions, ns: Namespace,
                     in_container: bool) -> Result:
    """An ip object's handler once main() picked it (unknown sub-commands are already refused)."""
    sub = userland.subcommand_kind(obj, args[0]) if args else "list"
    rest = args[1:] if args else []
    what = "ip " + " ".join([obj] + args[:1])
    if sub == "modify":
        # a container has no CAP_NET_ADMIN: the kernel refuses the change
        if in_container:
            return Result("", "RTNETLINK answers: Operation not permitted\n", 2)
        from .iplink import ip_modify        # iproute2's changes: loaded by the first (issue 15)
        done = ip_modify(obj, list(args), ns, opts.family)
        return done if done is not None else _not_simulated(what)
    if obj in ("address", "link", "route"):
        if sub == "get":
            if not rest:
                return Result("", _IPROUTE_USAGE, 1)
            return _tool(lambda: views.ip_route_get(ns, rest[0], "iproute2"))
        if sub == "list":
            return _ip_view(obj, rest, ns, "iproute2", opts.family, opts.brief, opts.oneline, opts.details,
                            opts.stats)
        return _not_simulated(what)
    if sub != "list":
        return _not_simulated(what)
    if obj == "tunnel":
        return Result("", "", 0)          # no ipip/gre/sit devices in the namespace
    if obj == "neighbor":
        return _neigh_view(rest, ns, "iproute2")
    if obj == "vrf" and not rest:
        return Result("Name              Table\n-----------------------\nNo VRF has been configured\n", "", 0)
    if obj == "rule" and not rest:
        text = "0:\tfrom all lookup local\n32766:\tfrom all lookup main\n"
        if opts.family != 6:
            text += "32767:\tfrom all lookup default\n"
        return Result(text, "", 0)
    return _not_simulated(what)


_IPROUTE_USAGE = userland.IP_USAGE


def run_ifconfig(argv: Sequence[str], ns: Namespace, flavour: str) -> Result:
    show_all = "-a" in argv
    args = [a for a in argv if a != "-a"]
    iface = args[0] if args else None
    return _tool(lambda: views.ifconfig(ns, iface=iface, flavour=flavour, all=show_all))


def run_route(argv: Sequence[str], ns: Namespace, netstat: bool = False) -> Result:
    numeric = any("n" in a for a in argv if a.startswith("-"))
    return _tool(lambda: views.route_n(ns, numeric, netstat=netstat))


def run_busybox_netstat(argv: Sequence[str], ns: Namespace, sockets: Sequence["OpenSocket"]) -> Result:
    """busybox ``netstat [-ral] [-tuwx] [-en]`` in a container: ``-r`` the routing table, else the
    socket listings of ``sockets`` (getopt's words for a bad option; operands are ignored)."""
    if list(argv) == ["--help"]:                 # busybox's own: the usage, and success
        return Result("", userland.busybox_usage("netstat"), 0)
    flags = ""
    for a in argv:
        if a == "--":
            break
        if a.startswith("--"):
            return Result("", f"netstat: unrecognized option '{a}'\n{userland.busybox_usage('netstat')}", 1)
        if a.startswith("-"):
            for ch in a[1:]:
                if ch not in "raltuwxen":
                    return Result("", f"netstat: invalid option -- '{ch}'\n{userland.busybox_usage('netstat')}", 1)
            flags += a[1:]
    if "r" in flags:
        return _tool(lambda: views.route_n(ns, "n" in flags, netstat=True))
    return Result(views.netstat_sockets(sockets, flags), "", 0)


def run_brctl(argv: Sequence[str], ns: Namespace, announces: bool = False) -> Result:
    """bridge-utils ``brctl show [BR]`` and ``brctl showmacs BR`` (``announces``: the engine's
    containers are heard from as they start: ``views.fdb``)."""
    if not argv or argv[0] == "show":
        return _tool(lambda: views.brctl_show(ns, argv[1] if len(argv) > 1 else None))
    if argv[0] == "showmacs" and len(argv) == 2:
        return _tool(lambda: views.brctl_showmacs(ns, argv[1], announces))
    if argv[0] == "showmacs":
        # brctl's own check of the argument count (bridge-utils 1.7.1)
        return Result("", "Incorrect number of arguments for command\nUsage: brctl showmacs <bridge>\tshow a list of mac addrs\n", 1)
    return Result("", f"never heard of command [{argv[0]}]\n", 1)


def run_bridge(argv: Sequence[str], ns: Namespace, announces: bool = False) -> Result:
    """iproute2's ``bridge link``, ``bridge fdb [show] [br BR] [dev DEV]`` and ``bridge vlan``
    (no bridge filters VLANs: the heading alone, r283)."""
    if argv and argv[0] in ("link", "l"):
        rest = [a for a in argv[1:] if a not in ("show", "dev")]
        return _tool(lambda: views.bridge_link(ns, rest[0] if rest else None))
    if argv and argv[0] in ("fdb", "f"):
        rest = list(argv[1:])
        if rest and rest[0] in ("show", "list", "lst", "ls", "s"):
            rest = rest[1:]
        elif rest:
            return Result("", f'Command "{rest[0]}" is unknown, try "bridge fdb help".\n', 255)
        br = dev = None
        while rest:
            word = rest.pop(0)
            if word in ("br", "brport", "dev"):
                if not rest:
                    return Result("", 'Command line is not complete. Try option "help"\n', 255)
                value = rest.pop(0)
                if word == "br":
                    br = value
                else:
                    dev = value
            # any other word is passed over, as iproute2 6.15 does
        return _tool(lambda: views.bridge_fdb(ns, br, dev, announces))
    if argv and argv[0] in ("vlan", "v") and all(a == "show" for a in argv[1:]):
        return Result("port              vlan-id  \n", "", 0)
    return Result("", 'Object "' + (argv[0] if argv else "") + '" is unknown, try "bridge help".\n', 255)


# sets a built-in chain's policy on the host: (table, chain, target) -> "" or iptables' complaint
PolicyWriter = Callable[[str, str, str], str]


def run_iptables(argv: Sequence[str], ns: Namespace, v6: bool = False,
                 set_policy: Optional[PolicyWriter] = None) -> Result:
    """``iptables`` (``v6``: ``ip6tables``, the namespace's IPv6 tables) ``-S``/``-L``, and on the
    host ``-P CHAIN TARGET`` through ``set_policy`` (the daemon's recorded ``host_iptables_policy``)."""
    nf = ns.netfilter6 if v6 else ns.netfilter
    prog = "ip6tables" if v6 else "iptables"
    table, action, chain = "filter", None, None
    if set_policy is not None and ("-P" in argv or "--policy" in argv):
        return _policy(prog, list(argv), set_policy)
    numeric = verbose = line_numbers = exact = False
    args = list(argv)
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-t", "--table") and i + 1 < len(args):
            table = args[i + 1]
            i += 2
            continue
        if a in ("-S", "--list-rules", "-L", "--list"):
            action = "S" if a in ("-S", "--list-rules") else "L"
            if i + 1 < len(args) and not args[i + 1].startswith("-"):
                chain = args[i + 1]
                i += 1
        elif a in ("-n", "--numeric"):
            numeric = True
        elif a in ("-v", "--verbose"):
            verbose = True
        elif a == "--line-numbers":
            line_numbers = True
        elif a in ("-x", "--exact"):
            exact = True
        elif a.startswith("-") and not a.startswith("--"):
            for ch in a[1:]:
                if ch == "n":
                    numeric = True
                elif ch == "v":
                    verbose = True
                elif ch == "x":
                    exact = True
                elif ch in "LS":
                    action = ch
                    if i + 1 < len(args) and not args[i + 1].startswith("-"):
                        chain = args[i + 1]
                        i += 1
        i += 1
    if action == "S":
        return _as(prog, _tool(lambda: views.iptables_S(nf, table=table, chain=chain, verbose=verbose)))
    if action == "L":
        return _as(prog, _tool(lambda: views.iptables_L(nf, table=table, numeric=numeric, verbose=verbose,
                                                        chain=chain, line_numbers=line_numbers, exact=exact,
                                                        v6=v6)))
    return Result("", f"{prog} v1.8.9 (nf_tables): no command specified\nTry `{prog} -h' or '{prog} --help' "
                      "for more information.\n", 2)


def _policy(prog: str, args: list[str], set_policy: PolicyWriter) -> Result:
    """``-P CHAIN TARGET`` (with ``-t TABLE``): iptables 1.8.9's words for what it refuses."""
    table = "filter"
    if "-t" in args and args.index("-t") + 1 < len(args):
        table = args[args.index("-t") + 1]
    at = args.index("-P") if "-P" in args else args.index("--policy")
    rest = [a for a in args[at + 1:at + 3] if not a.startswith("-")]
    tail = f"Try `{prog} -h' or '{prog} --help' for more information.\n"
    if not rest:
        return Result("", f'{prog} v1.8.9 (nf_tables): option "{args[at]}" requires an argument\n' + tail, 2)
    if len(rest) < 2:
        return Result("", f"{prog} v1.8.9 (nf_tables): -P requires a chain and a policy\n" + tail, 2)
    why = set_policy(table, rest[0], rest[1])
    if why:
        return Result("", f"{prog}: {why}\n" if why.startswith("Bad") else f"{prog} v1.8.9 (nf_tables): {why}\n",
                      1 if why.startswith("Bad") else 3)
    return Result("", "", 0)


def _as(prog: str, r: Result) -> Result:
    """An iptables error in the words of ``prog`` (ip6tables names itself: r231 on 26)."""
    if prog == "iptables" or not r.stderr:
        return r
    return Result(r.stdout, r.stderr.replace("iptables", prog), r.exit_code)


def run_iptables_save(argv: Sequence[str], ns: Namespace, now: Optional[float] = None, v6: bool = False) -> Result:
    table = None
    if "-t" in argv and argv.index("-t") + 1 < len(argv):
        table = argv[argv.index("-t") + 1]
    return _tool(lambda: views.iptables_save(ns.netfilter6 if v6 else ns.netfilter, table=table, now=now))


HostTool = Callable[[Sequence[str], Namespace], Result]


# -- a container's /bin/sh -c ----------------------------------------------------------------------------

# the directories of the busybox image (and the iproute2 image built on it): `cd`/`exec -w` targets
IMAGE_DIRS = ("/", "/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/proc", "/root", "/sys", "/tmp", "/usr",
              "/var")

RunCmd = Callable[[list[str], Optional[str], str], Result]
"""(argv, standard input or None, working directory) -> what the program prints."""


def dir_exists(path: str) -> bool:
    """Whether ``path`` (absolute, normalised) is a directory of the image (its top-level ones
    and anything below them but /bin and /dev, which hold files only)."""
    if path in IMAGE_DIRS:
        return True
    top = "/" + path.strip("/").split("/")[0]
    return top in IMAGE_DIRS and top not in ("/", "/bin", "/dev") and not path.endswith("/.")


def _norm(cwd: str, path: str) -> str:
    parts: list[str] = []
    for p in (path if path.startswith("/") else cwd.rstrip("/") + "/" + path).split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if parts:
                parts.pop()
            continue
        parts.append(p)
    return "/" + "/".join(parts)


def run_sh(line: str, run_cmd: RunCmd, cwd: str = "/") -> Result:
    """busybox ash running ``sh -c LINE`` with ``run_cmd`` running every program it does not
    have as a builtin (all of them exist)."""
    from .shell import Files, Invocation, Shell, ash

    class _All:
        def find(self, name: str) -> Callable[[Invocation], Result]:
            return lambda inv: run_cmd(list(inv.argv), inv.stdin, inv.cwd)
    return Shell(ash(), _All(), (), cwd, Files(is_dir=dir_exists)).run(line)
