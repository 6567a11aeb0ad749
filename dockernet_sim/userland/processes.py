"""Which main processes end by themselves: what a container's command does once it is started
without anyone attached.

A finite command (``echo hello``, ``sh -c '…'``) runs to its end and the container exits with its
status, its output kept for ``docker logs`` (r160_logs_top: ``docker run -d busybox echo hello`` is
``Exited (0)`` at once and ``docker logs`` prints ``hello``); a server or a sleeper keeps running
(``sleep 1000``, ``httpd -f``); a shell reads its standard input, so it keeps running only with a
terminal or an open input (``-itd``), and a bare ``busybox`` shell without them exits at once (c25).
"""

from __future__ import annotations

import re
from typing import Sequence

from .shell.dialects import LOOP_MESSAGE

__all__ = ["ends_by_itself", "ends_after_sleeping", "runs_until_stopped", "shell_greeting", "stopped_endless_loop"]

# busybox ash on a terminal (``-t``, with or without ``-i``) is interactive: it greets, then
# prompts, asking the terminal where its cursor is (ESC [6n) — a line without its end, which
# the log keeps back until the container stops (r191). The terminal ends its lines "\r\n";
# the recordings read them back as "\n", as the model writes them.
ASH_GREETING = ("\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\n"
                "Enter 'help' for a list of built-in commands.\n\n")
ASH_PROMPT = "/ # \x1b[6n"

# programs that run until stopped (a shell reading a terminal or an open stdin counts too)
_DAEMONS = frozenset({"sleep", "httpd", "nc", "tail", "top", "watch", "yes", "nginx", "crond", "syslogd", "tcpsvd",
                      "udhcpd", "telnetd", "inetd"})


# where a simple command of a script ends (a crude cut: quoting is not followed); compiled by its
# first use (`sh -c`), not at import (issue 15)
_SEPARATORS = r"[;&|()\n]|\b(?:then|do|else)\b"


def _first_word(command: str) -> str:
    """The program a simple command runs (after ``exec`` and variable assignments)."""
    words = [w for w in command.split() if "=" not in w.split("/")[0] or w.startswith("=")]
    while words and words[0] in ("exec", "nohup", "!"):
        words.pop(0)
    return words[0].rsplit("/", 1)[-1] if words else ""


def runs_until_stopped(cmd: Sequence[str], tty: bool, open_stdin: bool) -> bool:
    """Whether the container's main process keeps running by itself (a finite command ends).

    >>> runs_until_stopped(["echo", "hello"], tty=False, open_stdin=False)
    False
    >>> runs_until_stopped(["/bin/sh"], tty=True, open_stdin=True)
    True
    """
    if not cmd:
        return tty or open_stdin
    prog = cmd[0].rsplit("/", 1)[-1]
    if prog in ("sh", "ash", "bash") and len(cmd) == 1:
        return tty or open_stdin
    if prog in ("sh", "ash", "bash") and len(cmd) > 2 and cmd[1] == "-c":
        # a script that runs a server or a sleeper (`sh -c 'sleep 1000'`, r95) is still running
        return any(_first_word(part) in _DAEMONS for part in re.split(_SEPARATORS, cmd[2]))
    if prog == "cat" and len(cmd) == 1:
        return open_stdin
    return prog in _DAEMONS


# the longest sleep the model lets a script finish in front of an attached client (a minute)
ATTACH_WAIT_LIMIT = 60


def ends_after_sleeping(cmd: Sequence[str]) -> bool:
    """Whether a ``sh -c`` script keeps running only because it sleeps for a while (every program
    of it that runs until stopped is a ``sleep`` of a number of seconds): it ends by itself, later
    (r223: ``docker attach`` of ``sh -c 'sleep 2; echo done; exit 4'`` prints ``done`` and exits 4).

    >>> ends_after_sleeping(["sh", "-c", "sleep 2; echo done"])
    True
    >>> ends_after_sleeping(["sh", "-c", "echo up; sleep 1000"])
    False
    """
    if len(cmd) < 3 or cmd[0].rsplit("/", 1)[-1] not in ("sh", "ash", "bash") or cmd[1] != "-c":
        return False
    seconds = 0.0
    for part in re.split(_SEPARATORS, cmd[2]):
        prog = _first_word(part)
        if prog == "sleep":
            args = part.split()[1:]
            if not args or not all(re.fullmatch(r"\d+(\.\d+)?[smh]?", a) for a in args):
                return False
            seconds += sum(float(a.rstrip("smh")) * {"m": 60, "h": 3600}.get(a[-1], 1) for a in args)
        elif prog in _DAEMONS:
            return False
    # a script that sleeps longer is a container kept running on purpose (`sleep 1000`, r95)
    return 0 < seconds <= ATTACH_WAIT_LIMIT


def shell_greeting(cmd: Sequence[str], tty: bool, tools: str) -> str:
    """What a main process writes as it starts and waits for its terminal: busybox ash's
    greeting and prompt when it runs on one (r191: ``docker run -itd busybox``, ``-td``), else
    nothing (``-id``: no terminal, no prompt).

    >>> shell_greeting(["/bin/sh"], tty=True, tools="busybox").splitlines()[2]
    'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)'
    >>> shell_greeting(["/bin/sh"], tty=False, tools="busybox")
    ''
    """
    if tty and tools == "busybox" and len(cmd) == 1 and cmd[0].rsplit("/", 1)[-1] in ("sh", "ash"):
        return ASH_GREETING + ASH_PROMPT
    return ""


def stopped_endless_loop(stderr: str) -> bool:
    """Whether the model's shell stopped the command in an endless loop (``while true; do …``):
    a real one would still be running."""
    head, _, tail = LOOP_MESSAGE.partition("{name}")
    return any(line.startswith(head) and tail.split("{limit}")[0] in line for line in stderr.splitlines())


def ends_by_itself(cmd: Sequence[str], tty: bool, open_stdin: bool) -> bool:
    """Whether a container started with nobody attached finishes its command at once (its output
    goes to the log and the container exits). A lone shell without a terminal or input is left
    running: it ends on the end of its input, but the recordings saw it still running at the
    next command (r82: ``docker create`` then ``start`` of a bare busybox, listed by ``ps`` and
    in its network's ``Containers``), which is a race no model can repeat (c25).

    >>> ends_by_itself(["sh", "-c", "echo hi"], tty=False, open_stdin=False)
    True
    >>> ends_by_itself(["/bin/sh"], tty=False, open_stdin=False)
    False
    """
    if cmd and len(cmd) == 1 and cmd[0].rsplit("/", 1)[-1] in ("sh", "ash", "bash"):
        return False
    return not runs_until_stopped(cmd, tty, open_stdin)
