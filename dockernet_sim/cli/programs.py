"""The Linux programs a user runs on the host or with ``docker exec``: ip, ifconfig, brctl,
bridge, iptables, iptables-save, hostname, cat of the network files.

Each takes argv and the namespace it runs in, and returns what the real tool prints. Inside
containers the userland is the image's (busybox or iproute2); on the host it is iproute2 and
net-tools. Unknown programs and bad arguments give the tool's own message and exit code.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from ..kernel import Namespace
from . import views
from .result import Result


def _tool(fn: Callable[[], str]) -> Result:
    """Run a view; a ToolError becomes the tool's own stderr and exit code."""
    try:
        return Result(fn(), "", 0)
    except views.ToolError as e:
        return Result("", e.stderr, e.exit_code)


def run_ip(argv: Sequence[str], ns: Namespace, flavour: str) -> Result:
    """``ip`` (busybox or iproute2): addr, link, route (show, get) with -4/-6/-br/-o."""
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
        elif a in ("-d", "-details", "-s", "-stats", "-c", "-color"):
            continue
        elif a in ("-f", "-family") and args:
            fam = args.pop(0)
            family = 6 if fam == "inet6" else 4 if fam == "inet" else None
        else:
            if flavour == "busybox":
                return Result("", views.BUSYBOX_IP_USAGE, 1)
            return Result("", f'Option "{a}" is unknown, try "ip -help".\n', 255)
    if not args:
        if flavour == "busybox":
            return Result("", views.BUSYBOX_IP_USAGE, 1)
        return Result("", _IPROUTE_USAGE, 255)
    obj, rest = args[0], args[1:]
    if obj in ("r", "ro", "rou", "route") and rest and rest[0] == "get":
        if len(rest) < 2:
            return Result("", views.BUSYBOX_IP_USAGE if flavour == "busybox" else _IPROUTE_USAGE, 1)
        return _tool(lambda: views.ip_route_get(ns, rest[1], flavour))
    if rest and rest[0] in ("show", "list", "ls", "lst", "sh", "s", "l"):
        rest = rest[1:]
    dev: Optional[str] = None
    kind: Optional[str] = None
    master: Optional[str] = None
    up_only = False
    while rest:
        w = rest.pop(0)
        if w == "dev" and rest:
            dev = rest.pop(0)
        elif w == "type" and rest:
            kind = rest.pop(0)
        elif w == "master" and rest and flavour != "busybox":
            # iproute2: the links enslaved to that device (ll_name_to_index, else invarg: exit 255)
            master = rest.pop(0)
            if ns.link(master) is None:
                return Result("", f'Error: argument "{master}" is wrong: Device does not exist\n\n', 255)
        elif w == "up" and flavour != "busybox":
            up_only = True
        elif not w.startswith("-") and dev is None:
            dev = w
    if obj in ("a", "ad", "addr", "address"):
        return _tool(lambda: views.ip_addr(ns, flavour, dev=dev, brief=brief, family=family, kind=kind,
                                           oneline=oneline, master=master, up_only=up_only))
    if obj in ("l", "li", "lin", "link"):
        return _tool(lambda: views.ip_link(ns, flavour, dev=dev, brief=brief, kind=kind, oneline=oneline,
                                           master=master, up_only=up_only))
    if obj in ("r", "ro", "rou", "route"):
        return _tool(lambda: views.ip_route(ns, flavour, family=family or 4, dev=dev))
    if flavour == "busybox":
        return Result("", views.BUSYBOX_IP_USAGE, 1)
    return Result("", f'Object "{obj}" is unknown, try "ip help".\n', 1)


_IPROUTE_USAGE = ("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                  "       ip [ -force ] -batch filename\n")


def run_ifconfig(argv: Sequence[str], ns: Namespace, flavour: str) -> Result:
    show_all = "-a" in argv
    args = [a for a in argv if a != "-a"]
    iface = args[0] if args else None
    return _tool(lambda: views.ifconfig(ns, iface=iface, flavour=flavour, all=show_all))


def run_route(argv: Sequence[str], ns: Namespace, netstat: bool = False) -> Result:
    numeric = any("n" in a for a in argv if a.startswith("-"))
    return _tool(lambda: views.route_n(ns, numeric, netstat=netstat))


def run_brctl(argv: Sequence[str], ns: Namespace) -> Result:
    if not argv or argv[0] == "show":
        return _tool(lambda: views.brctl_show(ns, argv[1] if len(argv) > 1 else None))
    return Result("", f"never heard of command [{argv[0]}]\n", 1)


def run_bridge(argv: Sequence[str], ns: Namespace) -> Result:
    if argv and argv[0] in ("link", "l"):
        rest = [a for a in argv[1:] if a not in ("show", "dev")]
        return _tool(lambda: views.bridge_link(ns, rest[0] if rest else None))
    return Result("", 'Object "' + (argv[0] if argv else "") + '" is unknown, try "bridge help".\n', 255)


def run_iptables(argv: Sequence[str], ns: Namespace) -> Result:
    table, action, chain = "filter", None, None
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
        return _tool(lambda: views.iptables_S(ns.netfilter, table=table, chain=chain))
    if action == "L":
        return _tool(lambda: views.iptables_L(ns.netfilter, table=table, numeric=numeric, verbose=verbose,
                                              chain=chain, line_numbers=line_numbers, exact=exact))
    return Result("", "iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' "
                      "for more information.\n", 2)


def run_iptables_save(argv: Sequence[str], ns: Namespace, now: Optional[float] = None) -> Result:
    table = None
    if "-t" in argv and argv.index("-t") + 1 < len(argv):
        table = argv[argv.index("-t") + 1]
    return _tool(lambda: views.iptables_save(ns.netfilter, table=table, now=now))


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
    """busybox ash running ``sh -c LINE``: lists joined by ``;``, ``&&``, ``||`` of pipelines,
    with the builtins ``exit``, ``cd``, ``pwd``, ``echo``, ``true``, ``false``, ``:`` and ``$?``.
    Other commands go to ``run_cmd``; the first stage of a pipeline gets no input."""
    import shlex
    lex = shlex.shlex(line, posix=True, punctuation_chars=";&|")
    lex.whitespace_split = True
    lex.commenters = ""
    try:
        tokens = list(lex)
    except ValueError:
        return Result("", "sh: syntax error: unterminated quoted string\n", 2)
    # [(connector before, [stage argv, ...])]
    items: list[tuple[str, list[list[str]]]] = []
    conn, stages, cur = ";", [], []
    for t in tokens + [";"]:
        if t in (";", "&&", "||", "&", ";;"):
            if cur:
                stages.append(cur)
            if stages:
                items.append((conn, stages))
            elif t != ";" or cur:
                return Result("", f"sh: syntax error: unexpected \"{t}\"\n", 2)
            conn, stages, cur = (";" if t in ("&", ";;") else t), [], []
        elif t == "|":
            if not cur:
                return Result("", 'sh: syntax error: unexpected "|"\n', 2)
            stages.append(cur)
            cur = []
        else:
            cur.append(t)
    out, err, status = "", "", 0
    for conn, pipeline in items:
        if (conn == "&&" and status != 0) or (conn == "||" and status == 0):
            continue
        data: Optional[str] = None
        for argv in pipeline:
            argv = [a.replace("$?", str(status)) for a in argv]
            prog, args = argv[0], argv[1:]
            if prog == "exit":
                if args and not args[0].isdigit():
                    return Result(out, err + f"sh: exit: Illegal number: {args[0]}\n", 2)
                return Result(out, err, int(args[0]) % 256 if args else status)
            if prog == "cd":
                target = _norm(cwd, args[0]) if args else "/root"
                if dir_exists(target):
                    cwd, res = target, Result("", "", 0)
                else:
                    res = Result("", f"sh: cd: can't cd to {args[0]}: No such file or directory\n", 2)
            elif prog == "pwd":
                res = Result(cwd + "\n", "", 0)
            elif prog == "echo":
                res = Result(" ".join(args) + "\n", "", 0)
            elif prog in ("true", ":"):
                res = Result("", "", 0)
            elif prog == "false":
                res = Result("", "", 1)
            else:
                res = run_cmd(argv, data, cwd)
            data, status = res.stdout, res.exit_code
            err += res.stderr
        out += data or ""
    return Result(out, err, status)
