"""busybox 1.35's ``ps``, ``uname``, ``id`` and ``whoami`` in the oracle's busybox image.

The image is a bare busybox root (``bin dev etc proc sys tmp``, no ``/etc/passwd``), so a user
shows as its number: ``ps`` lists ``0`` under USER, ``id`` is ``uid=0 gid=0 groups=0`` and
``whoami`` fails with ``whoami: unknown uid 0`` (r163_busybox_processes, 20.10, 26 and 28).
``ps`` sees the container's PID namespace: PID 1 is the main process, then what ``docker exec``
left running and the ``ps`` itself; exec'd processes take PIDs a few apart (runc's own processes
take the ones between), which no run repeats, so the model numbers them 7, 13, 19, …
``uname`` reports the recording machine's kernel with the container's hostname. Formats and
messages checked against the machine's busybox, the images' build (``ps -o`` columns: ``%5u`` for
pid and ppid, ``%-8.8s`` for user, ``%-16.16s`` for comm, args last).
"""

from __future__ import annotations

from typing import Sequence

from ..result import Result
from .applets import busybox_usage

__all__ = ["busybox_ps", "busybox_uname", "busybox_id", "busybox_whoami", "UNAME"]

# the recording machine's kernel as uname(2) gave it in the containers (r163)
UNAME = {"s": "Linux", "r": "6.18.44-fc-v1147", "v": "#1 SMP PREEMPT_DYNAMIC @0", "m": "x86_64",
         "p": "unknown", "o": "GNU/Linux"}
_UNAME_ORDER = "snrvmpo"

# ps -o columns busybox knows, in its message's order, and the ones the model fills: (header, width)
_PS_KNOWN = ("user", "group", "comm", "args", "pid", "ppid", "pgid", "nice", "rgroup", "ruser", "tty", "vsz",
             "sid", "stat", "rss")
_PS_COLUMNS = {"pid": ("PID", 5), "ppid": ("PPID", 5), "user": ("USER", -8), "group": ("GROUP", -8),
               "comm": ("COMMAND", -16), "args": ("COMMAND", 0)}
_EXEC_PID_STEP = 6


def _cell(value: str, width: int) -> str:
    if width > 0:
        return f"{value:>{width}}"
    if width < 0:
        return f"{value[:-width]:<{-width}}"
    return value


def busybox_ps(args: Sequence[str], main: Sequence[str], servers: Sequence[Sequence[str]]) -> Result:
    """``ps [-o COLS] [-T]`` run by ``docker exec`` in a container whose PID 1 runs ``main``."""
    columns = ["pid", "user", "args"]
    headers: dict[int, str] = {}
    custom = False
    words = list(args)
    while words:
        w = words.pop(0)
        if not w.startswith("-") or w == "-":
            continue                                 # BSD-style words (``aux``) are ignored
        if w == "-T":
            continue
        if w.startswith("-o"):
            spec = w[2:] or (words.pop(0) if words else None)
            if spec is None:
                return Result("", "ps: option requires an argument -- 'o'\n" + busybox_usage("ps"), 1)
            names = [n.partition("=")[0] for n in spec.split(",")]
            for n in names:
                if n not in _PS_KNOWN:
                    return Result("", f"ps: bad -o argument '{n}', supported arguments: {','.join(_PS_KNOWN)}\n", 1)
            if not custom:
                columns, headers = [], {}
            columns += names
            # COL=HEADER names the column, whose width is then the header's
            headers.update({i + len(columns) - len(names): h for i, (_, sep, h) in
                            enumerate(n.partition("=") for n in spec.split(",")) if sep})
            custom = True
            continue
        return Result("", f"ps: invalid option -- '{w[1]}'\n" + busybox_usage("ps"), 1)
    if custom and any(n not in _PS_COLUMNS for n in columns):
        return Result("", f"dockernet_sim: ps -o {','.join(columns)}: not simulated\n", 2)
    procs = [(1, tuple(main))] + [(1 + _EXEC_PID_STEP * (i + 1), tuple(s)) for i, s in enumerate(servers)]
    procs.append((1 + _EXEC_PID_STEP * (len(servers) + 1), ("ps", *args)))
    widths = [_PS_COLUMNS[n][1] if custom else (5, -8, 0)[i] for i, n in enumerate(columns)]
    widths = [(len(headers[i]) * (1 if w > 0 else -1) if w else 0) if i in headers else w
              for i, w in enumerate(widths)]
    head = [headers.get(i, _PS_COLUMNS[n][0]) for i, n in enumerate(columns)]

    def value(n: str, pid: int, argv: tuple[str, ...]) -> str:
        return {"pid": str(pid), "ppid": "0", "user": "0", "group": "0",
                "comm": argv[0].rsplit("/", 1)[-1] if argv else "", "args": " ".join(argv)}[n]

    lines = [" ".join(f"{h:<{abs(w)}}" if i < len(head) - 1 else h for i, (h, w) in enumerate(zip(head, widths)))]
    for pid, argv in procs:
        lines.append(" ".join(_cell(value(n, pid, argv), w) for n, w in zip(columns, widths)))
    return Result("".join(line.rstrip() + "\n" for line in lines), "", 0)


def busybox_uname(args: Sequence[str], hostname: str) -> Result:
    """``uname [-amnrspvio]``: the fields asked for, in uname's own order (``-s`` alone by default)."""
    asked: set[str] = set()
    for a in args:
        if not a.startswith("-") or a == "-":
            return Result("", busybox_usage("uname"), 1)
        for ch in a[1:]:
            if ch == "a":
                asked.update("snrvmo")              # all but an unknown processor
            elif ch in "snrvmpoi":
                asked.add("p" if ch == "i" else ch)
            else:
                return Result("", f"uname: invalid option -- '{ch}'\n" + busybox_usage("uname"), 1)
    asked = asked or {"s"}
    fields = dict(UNAME, n=hostname)
    return Result(" ".join(fields[k] for k in _UNAME_ORDER if k in asked) + "\n", "", 0)


def busybox_id(args: Sequence[str], uid: int = 0, gid: int = 0) -> Result:
    """``id``: the process's numbers, without a passwd or group file to name them (its groups are
    its group alone: r176_users)."""
    if not args:
        return Result(f"uid={uid} gid={gid} groups={gid}\n", "", 0)
    if list(args) in (["-u"], ["-g"], ["-G"]):
        return Result(f"{uid if args[0] == '-u' else gid}\n", "", 0)
    return Result("", f"dockernet_sim: id {' '.join(args)}: not simulated\n", 2)


def busybox_whoami(args: Sequence[str], uid: int = 0) -> Result:
    return Result("", f"whoami: unknown uid {uid}\n", 1)
