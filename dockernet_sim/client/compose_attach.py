"""``docker compose up`` attached to its services, ``up``'s flag checks, and ``docker compose wait``.

Mirrors compose 2.40.3's ``cmd/compose/up.go`` (validateFlags), ``pkg/compose/up.go`` (the log
printer, the monitor and ``--abort-on-container-exit``) and ``pkg/compose/wait.go``, as recorded on
20.10, 26 and 28 (tests/golden/scenarios/c44_compose_up_flags.sh, c45_compose_wait.sh,
c48_compose_up_attached.sh). Mixed into :class:`~.compose.ComposeCommand`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from ..compose.model import ComposeError, Project, Service
from ..result import Result
from .options import F

if TYPE_CHECKING:
    from ..daemon.container import Container
    from ..daemon.daemon import Daemon
    from .flags import Parsed

LABEL = "com.docker.compose."

UP_FLAGS = [
    F("detach", "d", "bool"), F("scale", "", "list"), F("no-deps", "", "bool"), F("force-recreate", "", "bool"),
    F("no-recreate", "", "bool"), F("always-recreate-deps", "", "bool"), F("renew-anon-volumes", "V", "bool"),
    F("remove-orphans", "", "bool"), F("no-start", "", "bool"), F("wait", "", "bool"), F("wait-timeout", "", "int"),
    F("quiet-pull", "", "bool"), F("quiet-build", "", "bool"), F("build", "", "bool"), F("no-build", "", "bool"),
    F("pull", "", "string"), F("abort-on-container-exit", "", "bool"), F("abort-on-container-failure", "", "bool"),
    F("exit-code-from", "", "string"), F("attach", "", "list"), F("no-attach", "", "list"),
    F("attach-dependencies", "", "bool"), F("watch", "w", "bool"), F("timeout", "t", "int"),
    F("timestamps", "", "bool"), F("no-color", "", "bool"), F("no-log-prefix", "", "bool"), F("menu", "", "bool"),
    F("yes", "y", "bool"),
]


def check_up_flags(pr: "Parsed") -> None:
    """The combinations ``up`` refuses before it reads the files, in compose's order and words
    (cmd/compose/up.go's validateFlags; c44)."""
    cascade_stop = pr.get("abort-on-container-exit") or (pr.get("exit-code-from") and
                                                          not pr.get("abort-on-container-failure"))
    cascade_fail = pr.get("abort-on-container-failure")
    attaching = pr.get("attach-dependencies") or pr.get("attach")
    if cascade_stop and cascade_fail:
        raise ComposeError("--abort-on-container-failure cannot be combined with --abort-on-container-exit")
    if pr.get("wait") and (attaching or cascade_stop):
        raise ComposeError("--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies")
    if pr.get("build") and pr.get("no-build"):
        raise ComposeError("--build and --no-build are incompatible")
    if (pr.get("detach") or pr.get("wait")) and (attaching or cascade_stop or cascade_fail or pr.get("watch")):
        which = "--wait" if pr.get("wait") else "--detach"
        raise ComposeError(f"{which} cannot be combined with --abort-on-container-exit, --abort-on-container-failure, "
                           f"--attach, --attach-dependencies or --watch")
    for other in ("renew-anon-volumes", "force-recreate", "always-recreate-deps"):
        if pr.get(other) and pr.get("no-recreate"):
            first, second = ("--no-recreate", "--renew-anon-volumes") if other == "renew-anon-volumes" \
                else (f"--{other}", "--no-recreate")
            raise ComposeError(f"{first} and {second} are incompatible")
    if pr.get("no-build") and pr.get("watch"):
        raise ComposeError("--no-build and --watch are incompatible")


class ComposeAttach:
    """``up`` without ``-d`` and ``wait``, mixed into ComposeCommand (whose project_name(),
    containers(), progress(), _by_level(), wait_dependencies(), _start_service(),
    _service_containers(), _stop() and _sub() they use)."""

    d: "Daemon"
    events: list

    def attached(self, project: Project, services: Sequence[Service], scales: dict[str, int],
                 to_start: Sequence[Container], pr: Any) -> Result:
        """``up`` without ``-d`` (c48): after creating, compose attaches to the services (those of
        ``--attach``, else those named, else all), prints ``Attaching to`` their containers'
        short names, starts everything without progress lines, and prints each attached
        container's output after ``NAME  | `` (as ``logs`` does) and, when it ends, ``NAME
        exited with code N``. With ``--abort-on-container-exit`` or ``--exit-code-from`` the first
        of them to end stops the project (``Aborting on container exit...``); the status is that
        container's, or the ``--exit-code-from`` service's. A container that does not end keeps
        compose attached until Ctrl-C, which a script cannot press: the simulator returns there,
        leaving it running, and says so."""
        if pr.get("attach"):
            attach_to = list(pr.get("attach"))
        elif pr.args and pr.get("attach-dependencies"):
            attach_to = [s.name for s in services]
        else:
            attach_to = list(pr.args) or [s.name for s in services]
        attach_to = [n for n in attach_to if n not in (pr.get("no-attach") or ())]
        # whose exit compose reports and reacts to: the services named, else those attached (c48)
        monitored = set(pr.args) or set(attach_to)
        cascade = bool(pr.get("abort-on-container-exit") or pr.get("abort-on-container-failure")
                       or pr.get("exit-code-from"))
        started = {s.name for s in services}
        progress = self.progress()
        self.events = []
        existing = {c.id: c for c in self.containers(project.name)
                    if c.labels.get(LABEL + "service") in set(attach_to) | monitored}
        short = {cid: c.name[len(project.name) + 1:] if c.name.startswith(project.name + "-") else c.name
                 for cid, c in existing.items()}
        attached = {cid for cid, c in existing.items() if c.labels.get(LABEL + "service") in attach_to}
        width = max((len(short[cid]) for cid in attached), default=0) + 1
        before = {cid: len(self.d.container_logs(cid)) for cid in existing}
        out = "Attaching to " + ", ".join(sorted(short[cid] for cid in attached)) + "\n"
        first_exit: Optional[Container] = None
        for s in self._by_level(project, services, scales, False):
            self.wait_dependencies(project, s, started)
            self._start_service(s, to_start)
            for c in self.containers(project.name, service=s.name):
                if c.id not in existing:
                    continue
                prefix = "" if pr.get("no-log-prefix") else f"{short[c.id]:<{width}} | "
                if c.id in attached:
                    out += "".join(prefix + line for _, line in self.d.container_logs(c.id)[before[c.id]:])
                if c.status == "exited" and s.name in monitored:
                    out += f"\n\x1b[K{short[c.id]} exited with code {c.exit_code}\n"
                    if first_exit is None and (c.exit_code or not pr.get("abort-on-container-failure")):
                        first_exit = c
        self.events = []
        err = progress
        code = 0
        if cascade and first_exit is not None:
            err += "\x1b[31m\x1b[1mAborting on container exit...\x1b[0m\n"
            _, cs = self._service_containers([s.name for s in services])
            self._stop(cs)
            err += self.progress()
            code = first_exit.exit_code
            if pr.get("exit-code-from"):
                code = next((c.exit_code for c in self.containers(project.name, service=pr.get("exit-code-from"))), 0)
            return Result(out, err + ("\n" if code else ""), code)
        running = [c for c in self.containers(project.name) if c.id in attached and c.running]
        if running:
            err += (f"dockernet_sim: docker compose up: {running[0].name} does not end by itself: compose would "
                    f"stay attached until Ctrl-C; the simulator returns and leaves it running\n")
        return Result(out, err, code)

    def wait(self, argv: list[str]) -> Result:
        """``compose wait SERVICE…``: the running containers of those services, one-off ones
        too, each waited for; none is ``no containers for project "NAME"`` (c45: a container
        that has ended is not waited for). In the model a container still running at this point
        runs until it is stopped, so waiting for it would not end: the simulator says so."""
        pr = self._sub(argv, [F("down-project", "", "bool")])
        if not pr.args:
            return Result("", "docker: 'docker compose wait' requires at least 1 argument\n\n"
                              "Usage:  docker compose wait SERVICE [SERVICE...] [OPTIONS]\n\n"
                              "See 'docker compose wait --help' for more information\n", 1)
        name = self.project_name()
        cs = [c for c in self.containers(name, all=False, oneoff=True) if c.labels.get(LABEL + "service") in pr.args]
        if not cs:
            raise ComposeError(f'no containers for project "{name}"')
        return Result("", f"dockernet_sim: docker compose wait: {cs[0].name} runs until it is stopped: "
                          f"waiting for it would not end\n", 1)
