"""``docker logs`` and ``docker top`` (and ``docker container logs|top``).

Mirrors docker/cli ``cli/command/container/logs.go`` and ``top.go``: ``logs`` prints what the
container's main process wrote, its stdout on stdout and its stderr on stderr, ``--tail N`` the
last N lines of both (``all``, or anything that is no number, is every line), ``-t`` each line
after its time (the model's log keeps one time per run: the container's start), ``-f`` what is
there (the model's time does not pass); ``--since`` and ``--until`` as timetypes reads them (a
duration back from now, a date, Unix seconds; 0 for no bound; otherwise the client's ``invalid
value for "since": …``), against the run's time; ``--details`` a space before each line, for
attributes there are none of (r191): the daemon applies the query (``daemon.logs``). ``top``
prints the daemon's ps table through a tabwriter of minimum width 20 (its arguments after the container go to ``ps``: the command stops parsing flags there).
Recorded on 20.10, 26 and 28 (r160_logs_top): a sleeper and a server have an empty log, a
finished ``echo`` its line (twice after a second start), a stopped container's ``top`` is the
daemon's ``is not running``; 20.10's client rewrites a missing container's 404 for ``logs``
(``Error: No such container: x``) but not for ``top``.
"""

from __future__ import annotations

from typing import Optional

from ..daemon.networks import parse_timestamp
from ..errors import DockerError
from ..golang.tabwriter import tabwrite
from ..result import Result
from . import framing
from .group import CommandGroup
from .options import F

LOGS_FLAGS = [F("details", "", "bool"), F("follow", "f", "bool"), F("since", "", "string"),
              F("tail", "n", "string"), F("timestamps", "t", "bool"), F("until", "", "string")]


class ProcessCommands(CommandGroup):
    """``docker logs`` and ``docker top``: a group of DockerCLI, made when one of them runs."""

    def cmd_logs(self, argv: list[str]) -> Result:
        pr = self._parse("logs", argv, LOGS_FLAGS)
        if isinstance(pr, Result):
            return pr
        term = pr.args[0]
        # the client reads --since and --until (timetypes.GetTimestamp) before it asks (r191)
        bounds: list[Optional[int]] = []
        for name in ("since", "until"):
            value = pr.get(name) or ""
            try:
                at = parse_timestamp(value, self.d.rand.peek_ns()) if value else None
            except DockerError as e:
                return Result("", f'invalid value for "{name}": {e}\n', 1)
            bounds.append(at or None)       # 0 (and "0") asks for no bound
        since, until = bounds
        try:
            c = self.d.find_container(term)
            entries = self.d.container_logs(term, pr.get("tail") or "all", since, until, bool(pr.get("timestamps")),
                                            bool(pr.get("details")))
        except DockerError as e:
            return Result("", framing.api_error(self.p, e, "container", term) + "\n", 1)
        out = "".join(line for stream, line in entries if stream == "stdout" or c.tty)
        err = "".join(line for stream, line in entries if stream == "stderr" and not c.tty)
        return Result(out, err, 0)

    def cmd_diff(self, argv: list[str]) -> Result:
        """``docker diff CONTAINER``: one ``A``/``C``/``D`` line a change of its file system (r251)."""
        pr = self._parse("diff", argv, [])
        if isinstance(pr, Result):
            return pr
        try:
            changes = self.d.container_changes(pr.args[0])
        except DockerError as e:
            return Result("", framing.api_error(self.p, e) + "\n", 1)
        return Result("".join(f"{kind} {path}\n" for kind, path in changes), "", 0)

    def cmd_top(self, argv: list[str]) -> Result:
        pr = self._parse("top", argv, [], interspersed=False)
        if isinstance(pr, Result):
            return pr
        term = pr.args[0]
        from ..daemon.top import NotSimulated             # (a rare command: loaded when typed)
        try:
            titles, processes = self.d.container_top(term, " ".join(pr.args[1:]))
        except NotSimulated as e:
            return Result("", f"{e}\n", 2)
        except DockerError as e:
            return Result("", framing.api_error(self.p, e) + "\n", 1)
        rows = [titles] + processes
        return Result(tabwrite("".join("\t".join(r) + "\n" for r in rows), 20, 1, 3), "", 0)
