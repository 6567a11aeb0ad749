"""What the playground's page calls inside Pyodide: one terminal session and its views.

The page's JavaScript holds one :class:`Playground` and exchanges JSON text with it (no Python
objects cross into JavaScript). A command runs through :meth:`dockernet_sim.terminal.Session.run_line`,
as at the interactive shell (``python -m dockernet_sim``: a terminal, so ``-it`` works); the
answer carries the terminal's text, the host's drawing (``DockerHost.draw()``) and, for
``trace A B [PORT/PROTO]``, the trace as HTML with the deciding hop highlighted
(``display.trace_html``).
"""

from __future__ import annotations

import json
import shlex
from typing import Optional

from ..display import trace_html
from ..engines import DEFAULT_NAME, PROFILES
from ..host import DockerHost
from ..persist import PersistError, dumps, loads
from ..terminal import Session

# Words the terminal completes besides the host's container and network names (as the REPL's list).
WORDS = ("docker", "network", "create", "inspect", "connect", "disconnect", "ls", "rm", "prune", "run", "ps",
         "start", "stop", "restart", "exec", "port", "ip", "addr", "route", "brctl", "show", "iptables",
         "ifconfig", "trace", "whois", "--network", "--subnet", "--gateway", "--name", "--ip", "-itd", "-p")


class Playground:
    """One session on one simulated host, driven by the page."""

    def __init__(self, engine: str = DEFAULT_NAME, seed: int = 0) -> None:
        self.session = self._new_session(engine, seed)

    @staticmethod
    def _new_session(engine: str, seed: int, host: Optional[DockerHost] = None) -> Session:
        s = Session(engine=engine, seed=seed, host=host, factory=DockerHost)
        s.tty = True
        return s

    def directive(self, text: str) -> str:
        """Apply a ``#!`` directive (a walkthrough's set-up); the error text, or empty."""
        return self.session.directive(text) or ""

    def run(self, line: str) -> str:
        """Run one line; JSON ``{stdout, stderr, streams, exit_code, svg, trace}`` (``streams``: both
        as ``[fd, text]`` in the order written, as the screen shows them; trace: HTML or empty)."""
        r = self.session.run_line(line)
        return json.dumps({"stdout": r.stdout, "stderr": r.stderr, "streams": [list(c) for c in r.streams()],
                           "exit_code": r.exit_code,
                           "svg": self.svg(), "trace": self._trace(line)})

    @property
    def host(self) -> DockerHost:
        """The session's host (its factory is DockerHost: the face with draw, reach and save)."""
        owner = self.session.owner
        assert isinstance(owner, DockerHost)
        return owner

    def svg(self) -> str:
        """The host's drawing, as SVG text."""
        return str(self.host.draw())

    def _trace(self, line: str) -> str:
        try:
            words = shlex.split(line)
        except ValueError:
            return ""
        if len(words) not in (3, 4) or words[0] != "trace":
            return ""
        port: Optional[int] = None
        proto = "icmp"
        if len(words) == 4:
            num, _, p = words[3].lower().partition("/")
            if not (num.isdigit() and 0 < int(num) < 65536 and p in ("", "tcp", "udp", "sctp")):
                return ""
            port, proto = int(num), p or "tcp"
        try:
            return trace_html(self.host.reach(words[1], words[2], port=port, proto=proto))
        except ValueError:
            return ""

    def complete(self, line: str) -> str:
        """JSON list of the words completing the line's last word (as the REPL's tab)."""
        word = line.rpartition(" ")[2]
        host = self.session.host
        names = sorted(set(host.names) | {n.name for n in host.ctl.networks.values()})
        return json.dumps([w for w in (*WORDS, *names) if w.startswith(word)])

    def save(self) -> str:
        """The host as the JSON text ``DockerHost.load`` reads."""
        return dumps(self.host)

    def load(self, text: str) -> str:
        """Replace the host with a saved one; a message for the terminal."""
        try:
            h = loads(text, DockerHost)
        except (PersistError, ValueError, TypeError) as e:
            return f"load: {e}\n"
        self.session = self._new_session(h.profile.name, h.seed, h)
        return f"loaded (Docker Engine {h.profile.engine_version}, {len(h.containers)} containers)\n"

    def describe(self) -> str:
        """JSON ``{engine, version, seed}`` of the current host."""
        h = self.session.host
        return json.dumps({"engine": h.profile.name, "version": h.profile.engine_version, "seed": h.seed})


def engines() -> str:
    """JSON list of the engine profiles a host can be built with."""
    return json.dumps(list(PROFILES))
