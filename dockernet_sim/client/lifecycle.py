"""``docker wait``, ``update``, ``attach`` and ``stats --no-stream`` (and ``docker container …``).

Mirrors docker/cli cli/command/container wait.go, update.go, attach.go, stats.go and
formatter_stats.go, and opts.ParseRestartPolicy, as recorded on 20.10, 26 and 28
(``tests/golden/scenarios/r220_wait_update.sh``, ``r221_stats.sh``):

* ``wait`` prints each container's exit code in turn, the errors after them (exit 1); a
  container that was never started answers 0 at once. A running container would keep a real
  client waiting until something stops it, which nothing in a script does: the simulator says
  so (``dockernet_sim: …``, exit 2) instead of hanging.
* ``update`` needs a flag; it prints each container it updated, then the daemon's warnings, then
  the errors (exit 1). ``--restart``, ``--cpus``, ``--memory`` and ``--memory-swap`` reach the
  daemon's model (``daemon.update``); the other resource flags are parsed as the client parses
  them and have no effect (no cgroups are modelled).
* ``stats --no-stream`` prints one sample, the daemon's (``daemon.stats`` says which figures
  the model gives), as formatter_stats.go writes it: memory in binary units, network and block
  I/O in decimal ones with three digits.
* ``attach`` refuses a stopped or paused container with the client's words; attaching a script's
  standard input to a container with a terminal is refused as the client refuses it (``the input
  device is not a TTY``). A script that only sleeps a while before it ends (``sh -c 'sleep 2; echo
  done; exit 4'``, r223) runs to its end: its output, then its status, is the client's. Other
  running containers would stream until something stops them: not simulated (``dockernet_sim: …``).
"""

from __future__ import annotations

import re

from ..daemon.container import Container
from ..engines import Profile
from ..errors import DockerError
from ..result import Result
from ..userland.processes import ends_after_sleeping
from . import framing
from .group import CommandGroup
from .flags import Flag
from .options import F
from .templates import render_rows, row_context

WAIT_RUNNING = "dockernet_sim: docker wait {term}: the container is running and nothing here stops it: not simulated\n"
ATTACH_STREAMING = "dockernet_sim: docker attach {term}: a running container's output as it comes: not simulated\n"
ATTACH_STOPPED = "You cannot attach to a stopped container, start it first"      # r220, every engine
ATTACH_PAUSED = "You cannot attach to a paused container, unpause it first"      # cli attach.go
NOT_A_TTY = "the input device is not a TTY"
UPDATE_NO_FLAGS = "you must provide one or more flags when using this command"   # r220, every engine

STATS_TABLE = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}"
STATS_HEADERS = {"Container": "CONTAINER", "ID": "CONTAINER ID", "Name": "NAME", "CPUPerc": "CPU %",
                 "MemUsage": "MEM USAGE / LIMIT", "MemPerc": "MEM %", "NetIO": "NET I/O", "BlockIO": "BLOCK I/O",
                 "PIDs": "PIDS"}

# go-units sizeRegex (compiled by its first use, not at import: issue 15)
_SIZE = r"^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$"


def ram_in_bytes(text: str) -> str:
    """go-units RAMInBytes (binary multipliers), as a flag validator: the bytes as text."""
    m = re.match(_SIZE, text)
    if m is None:
        raise ValueError(f"invalid size: '{text}'")
    mult = 1024 ** " kmgtp".index((m.group(2) or " ").lower())
    return str(int(float(m.group(1)) * mult))


def nano_cpus(text: str) -> str:
    """opts.NanoCPUs.Set: a rational number of CPUs, kept in billionths."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"failed to parse {text} as a rational number") from None
    nano = value * 1e9
    if nano != int(nano):
        raise ValueError("value is too precise")
    return str(int(nano))


def parse_restart_policy(p: Profile, text: str) -> "tuple[str, int] | str":
    """opts.ParseRestartPolicy: (name, maximum retry count), or the client's error."""
    if not text:
        return "", 0
    name, _, count = text.partition(":")
    if not count:
        return name, 0
    if not re.fullmatch(r"[+-]?\d+", count):
        return p.messages.restart_count_not_int
    return name, int(count)


UPDATE_FLAGS: list[Flag] = [
    F("blkio-weight", "", "string"), F("cpu-period", "", "int"), F("cpu-quota", "", "int"),
    F("cpu-rt-period", "", "int"), F("cpu-rt-runtime", "", "int"), F("cpuset-cpus", "", "string"),
    F("cpuset-mems", "", "string"), F("cpu-shares", "c", "int"), F("memory", "m", "string", validate=ram_in_bytes),
    F("memory-reservation", "", "string", validate=ram_in_bytes),
    F("memory-swap", "", "string", validate=lambda t: "-1" if t == "-1" else ram_in_bytes(t)),
    F("kernel-memory", "", "string", validate=ram_in_bytes), F("restart", "", "string"),
    F("pids-limit", "", "int"), F("cpus", "", "string", validate=nano_cpus),
]


class LifecycleCommands(CommandGroup):
    """``docker wait/update/attach/stats``: a group of DockerCLI, made when one of them runs."""

    def cmd_wait(self, argv: list[str]) -> Result:
        pr = self._parse("wait", argv, [])
        if isinstance(pr, Result):
            return pr
        out, errs = "", []
        for term in pr.args:
            try:
                c = self.d.find_container(term)
            except DockerError as e:
                errs.append(framing.api_error(self.p, e))     # every client shows the daemon's 404 (r220)
                continue
            if c.running:
                return Result(out, WAIT_RUNNING.format(term=term), 2)
            out += f"{c.exit_code}\n"
        return Result(out, "".join(e + "\n" for e in errs), 1 if errs else 0)

    def cmd_update(self, argv: list[str]) -> Result:
        pr = self._parse("update", argv, UPDATE_FLAGS)
        if isinstance(pr, Result):
            return pr
        if not pr.given - {"help"}:
            return Result("", UPDATE_NO_FLAGS + "\n", 1)
        restart = parse_restart_policy(self.p, pr.get("restart"))
        if isinstance(restart, str):
            return Result("", restart + "\n", 1)
        out, warnings, errs = "", [], []
        for term in pr.args:
            try:
                warnings += self.d.container_update(term, restart[0], restart[1], int(pr.get("cpus") or 0),
                                                    int(pr.get("memory") or 0), int(pr.get("memory-swap") or 0))
                out += term + "\n"
            except DockerError as e:
                errs.append(framing.api_error(self.p, e))
        if warnings:
            out += "\n".join(warnings) + "\n"
        return Result(out, "".join(e + "\n" for e in errs), 1 if errs else 0)

    def cmd_attach(self, argv: list[str]) -> Result:
        pr = self._parse("attach", argv, [F("no-stdin", "", "bool"), F("sig-proxy", "", "bool", True),
                                          F("detach-keys", "", "string")])
        if isinstance(pr, Result):
            return pr
        term = pr.args[0]
        try:
            c = self.d.find_container(term)
        except DockerError as e:
            return Result("", framing.api_error(self.p, e, "container", term) + "\n", 1)
        if not c.running:
            return Result("", ATTACH_STOPPED + "\n", 1)
        if c.paused:
            return Result("", ATTACH_PAUSED + "\n", 1)
        if c.tty and not pr.get("no-stdin") and not self.tty:
            return Result("", NOT_A_TTY + "\n", 1)
        self.d.container_attach(c.id)     # the daemon logs `attach` as the client takes the streams
        if ends_after_sleeping(c.argv) and not c.servers:
            # the script ends by itself: what it writes from now on, then its status (r223)
            return self.run_main(c.id)
        return Result("", ATTACH_STREAMING.format(term=term), 2)

    def cmd_stats(self, argv: list[str]) -> Result:
        pr = self._parse("stats", argv, [F("all", "a", "bool"), F("format", "", "string"),
                                         F("no-stream", "", "bool"), F("no-trunc", "", "bool")])
        if isinstance(pr, Result):
            return pr
        if not pr.get("no-stream"):
            return Result("", "dockernet_sim: docker stats: a live view: not simulated (add --no-stream)\n", 2)
        shown: list[tuple[str, Container]] = []
        if pr.args:
            errs = []
            for term in pr.args:
                try:
                    shown.append((term, self.d.find_container(term)))
                except DockerError as e:
                    errs.append(framing.api_error(self.p, e))
            if errs:
                return Result("", "".join(e + "\n" for e in errs), 1)
        else:
            cs = self.d.container_list(all=bool(pr.get("all")))
            shown = [(c.id[:12], c) for c in cs]
        trunc = not pr.get("no-trunc")
        rows = [row_context("*container.statsContext", self._stats_row(term, c, trunc)) for term, c in shown]
        fmt = pr.get("format") or STATS_TABLE
        if fmt == "table":
            fmt = STATS_TABLE
        return Result(render_rows(fmt, rows, STATS_HEADERS, "*container.statsContext", profile=self.p), "", 0)

    def _stats_row(self, term: str, c: Container, trunc: bool) -> dict[str, str]:
        st = self.d.container_stats(c.id)
        row = {"Container": term, "Name": c.name, "ID": c.id[:12] if trunc else c.id}
        if not st.running:
            return {**row, "CPUPerc": "0.00%", "MemUsage": "0B / 0B", "MemPerc": "0.00%", "NetIO": "0B / 0B",
                    "BlockIO": "0B / 0B", "PIDs": "0"}
        from ..golang.units import bytes_size, human_size   # (go-units, on first use)
        return {**row, "CPUPerc": "0.00%", "MemUsage": f"{bytes_size(st.memory)} / {bytes_size(st.memory_limit)}",
                "MemPerc": f"{st.memory / st.memory_limit * 100:.2f}%",
                "NetIO": f"{human_size(st.rx_bytes, 3)} / {human_size(st.tx_bytes, 3)}", "BlockIO": "0B / 0B",
                "PIDs": str(st.pids)}
