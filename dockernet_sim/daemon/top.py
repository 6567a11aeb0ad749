"""``GET /containers/{id}/top``: the processes of a running container, as the host's ``ps`` lists them.

Mirrors moby's ``daemon/top_unix.go``: dockerd runs the host's procps ``ps`` with the caller's
arguments (``-ef`` when none are given), finds the ``PID`` column among the titles and keeps the
lines of the container's own processes; every field is split at blanks except the last, which
keeps the rest of the line (the command with its arguments). The container's processes are its
PID 1 and what ``docker exec`` left running beside it (``Container.servers``); their parent is the
containerd shim, numbered one below PID 1 here (the host's PIDs are masked when transcripts are
compared). Recorded on 20.10 (r160_logs_top: ``sleep 1000``, ``httpd -f -p 80``, ``-o pid,comm``);
the 26 and 28 recordings ran dockerd in a tree without procps, where every ``top`` of a running
container failed with ``ps: exec: "ps": executable file not found in $PATH``.
"""

from __future__ import annotations

from typing import Callable

from ..errors import Conflict, SystemError_
from ..ids import format_time
from .container import Container

__all__ = ["container_top", "NotSimulated"]


class NotSimulated(SystemError_):
    """``ps`` arguments the model does not answer (its own words, not the daemon's)."""


# procps ps's titles of the -o fields the model answers, and each field's value for a process
# (the process is (pid, ppid, argv, tty)); procps 4 on the recording machine
_Proc = tuple[int, int, tuple[str, ...], bool]
_FIELDS: dict[str, tuple[str, Callable[[_Proc], str]]] = {
    "pid": ("PID", lambda p: str(p[0])),
    "ppid": ("PPID", lambda p: str(p[1])),
    "user": ("USER", lambda p: "root"),
    "uid": ("UID", lambda p: "0"),
    "comm": ("COMMAND", lambda p: p[2][0].rsplit("/", 1)[-1][:15] if p[2] else ""),
    "args": ("COMMAND", lambda p: " ".join(p[2])),
    "command": ("COMMAND", lambda p: " ".join(p[2])),
    "cmd": ("CMD", lambda p: " ".join(p[2])),
    "tty": ("TT", lambda p: "pts/0" if p[3] else "?"),
    "time": ("TIME", lambda p: "00:00:00"),
}


# every -o field procps 4 knows (``ps L`` on the recording machine, procps-ng 4.0.2)
_PROCPS_FIELDS = frozenset("""
    %cpu %mem _left _left2 _right _right2 _unlimited _unlimited2 ag_id ag_nice args atime blocked
    bsdstart bsdtime c caught cgname cgroup cgroupns class cls cmd comm command context cp cpuid
    cputime cputimes cuc cuu drs dsiz egid egroup eip esp etime etimes euid euser exe f fgid fgroup
    flag flags fname fsgid fsgroup fsuid fsuser fuid fuser gid group ignored intpri ipcns label
    lastcpu lim longtname lsession lstart luid lwp lxc m_drs m_size m_trs machine maj_flt majflt
    min_flt minflt mntns netns ni nice nlwp numa oom oomadj opri ouid pagein pcpu pending pgid pgrp
    pid pidns pmem policy ppid pri pri_api pri_bar pri_baz pri_foo priority psr pss rbytes rchars
    rgid rgroup rops rss rssize rsz rtprio ruid ruser s sched seat sess session sgi_p sgi_rss sgid
    sgroup sid sig sig_block sig_catch sig_ignore sig_pend sigcatch sigignore sigmask size slice
    spid stackp start start_stack start_time stat state stime suid supgid supgrp suser svgid svgroup
    svuid svuser sz tgid thcount tid time timens times tname tpgid trs trss tsig tsiz tt tty tty4
    tty8 ucmd ucomm uid uid_hack uname unit user userns uss util utsns uunit vsize vsz wbytes
    wcbytes wchan wchars wname wops zone
""".split())


def _stime(c: Container) -> str:
    """ps's STIME of a process started today: its hour and minute."""
    return format_time(c.started_ns)[11:16]


def _ef_row(p: _Proc, c: Container) -> list[str]:
    return ["root", str(p[0]), str(p[1]), "0", _stime(c), "pts/0" if p[3] else "?", "00:00:00", " ".join(p[2])]


_EF_TITLES = ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]


def container_top(c: Container, ps_args: str, not_running: str) -> tuple[list[str], list[list[str]]]:
    """(Titles, Processes) of ``docker top C [ps_args]``; ``not_running`` is the daemon's text for a
    container that does not run ({id})."""
    if not c.running:
        raise Conflict(not_running.format(id=c.id))
    procs: list[_Proc] = [(c.pid, c.pid - 1, tuple(c.argv), c.tty)]
    procs += [(c.pid + 1 + i, c.pid - 1, argv, False) for i, argv in enumerate(c.servers)]
    words = ps_args.split() or ["-ef"]
    if words in (["-ef"], ["-fe"], ["-e", "-f"], ["-f", "-e"]):
        return list(_EF_TITLES), [_ef_row(p, c) for p in procs]
    if len(words) == 2 and words[0] in ("-o", "-eo") or len(words) == 1 and words[0][:2] == "-o" and words[0][2:]:
        names = [n for n in (words[-1] if len(words) == 2 else words[0][2:]).split(",") if n]
        unknown = [n for n in names if n not in _FIELDS and n not in _PROCPS_FIELDS]
        if unknown:
            # ps fails; dockerd answers with the first line of its stderr (procps 4's words)
            raise SystemError_(f'error: unknown user-defined format specifier "{unknown[0]}"')
        if any(n not in _FIELDS for n in names):
            raise NotSimulated(f"dockernet_sim: docker top: ps {ps_args}: not simulated")
        if "pid" not in names:
            # top_unix.go: the PID column is how dockerd tells the container's lines apart
            raise SystemError_("Couldn't find PID field in ps output")
        return ([_FIELDS[n][0] for n in names],
                [[_FIELDS[n][1](p) for n in names] for p in procs])
    raise NotSimulated(f"dockernet_sim: docker top: ps {ps_args}: not simulated")
