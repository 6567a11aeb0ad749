"""``DockerCLI``: argv in, what the real client prints out.

Mirrors docker/cli's root command: subcommand dispatch, unknown commands and flags, each
command's flag parsing and Args check (exit 125), ``docker version`` (and ``--format``) and the
API version each client negotiates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, Sequence

from ..compose.files import Files
from ..daemon.daemon import Daemon
from ..engines import Profile
from . import framing
from .framing import CANNOT_CONNECT, Unreachable
from .flags import Flag, FlagError, Parsed, parse
from ..result import Result
from .templates import TemplateFailure
from .container import ContainerCommands
from .network import NetworkCommands
from .options import F
if TYPE_CHECKING:
    from .images import ImageCommands
    from .lifecycle import LifecycleCommands
    from .processes import ProcessCommands
    from .system import SystemCommands
    from .volume import VolumeCommands


class DockerCLI(NetworkCommands, ContainerCommands):
    """``docker …`` against one daemon model. The other command groups (``wait``/``update``/
    ``attach``/``stats``, ``volume``, ``logs``/``top``, the image commands, ``info``/``system``/
    ``events``) are objects made when one of their commands runs (``client.group``), so that a
    session loads only the groups it uses (issue 15)."""

    def __init__(self, daemon: Daemon, runner: Optional[Callable[[str, list[str]], Result]] = None) -> None:
        self.d = daemon
        self.p = daemon.profile
        self.group = ""          # "container " while running `docker container …`
        # runs a container's command in its namespace for an attached `docker run` (the shell's exec)
        self.runner = runner
        self.tty = False          # the client's standard input is a terminal
        # the files `docker compose` reads and the directory it runs in (the terminal's)
        self.files = Files("/")
        # runs `docker exec` argv in the terminal's userland (compose exec goes through it)
        self.execute: Optional[Callable[[list[str]], Result]] = None
        # whether a container's image has a program (ID, program): runc's check when compose run starts it
        self.has_program: Optional[Callable[[str, str], bool]] = None
        # a container's file tree (userland.rootfs), writable or not: docker cp's other end (the
        # terminal's; None: cp says it is not simulated)
        self.container_tree: Optional[Callable[[str, bool], Any]] = None

    def probe(self, cid: str, argv: list[str]) -> tuple[int, str]:
        """A health probe's exec in the container (the runner's userland): its exit code and
        output, stdout then stderr. Without a userland every probe passes."""
        if self.runner is None or not argv:
            return 0, ""
        r = self.runner(cid, argv)
        return r.exit_code, r.stdout + r.stderr

    # -- dispatch ----------------------------------------------------------------------------------
    def run(self, argv: Sequence[str]) -> Result:
        args = list(argv)
        if args and args[0] == "docker":
            args = args[1:]
        if not args:
            return Result("", "", 0)
        if "--help" in args or "-h" in args:          # (the help's module loads when asked: issue 15)
            from .help import lookup as help_lookup
            helped = help_lookup(self.p.name, args)
            if helped is not None:
                return helped
        cmd, rest = args[0], args[1:]
        table: dict[str, Callable[[list[str]], Result]] = {
            "network": self.network, "run": self.cmd_run, "create": self.cmd_create, "start": self.cmd_start,
            "stop": self.cmd_stop, "restart": self.cmd_restart, "kill": self.cmd_kill, "rm": self.cmd_rm,
            "pause": self.cmd_pause, "unpause": self.cmd_unpause, "rename": self.cmd_rename, "ps": self.cmd_ps, "inspect": self.cmd_inspect, "port": self.cmd_port,
            "container": self.container, "version": self.cmd_version, "compose": self.cmd_compose,
            "logs": self.cmd_logs, "top": self.cmd_top, "wait": self.cmd_wait, "update": self.cmd_update,
            "diff": self.cmd_diff, "cp": self.cmd_cp, "attach": self.cmd_attach, "stats": self.cmd_stats, "volume": self.volume,
            "images": self.cmd_images, "image": self.image, "tag": self.cmd_tag, "rmi": self.cmd_rmi,
            "info": lambda a: self._system().cmd_info(a), "system": lambda a: self._system().system(a),
            "events": lambda a: self._system().cmd_events(a),
        }
        fn = table.get(cmd)
        if fn is None:
            return self.unknown_command(cmd)
        try:
            return fn(rest)
        except TemplateFailure as e:
            return Result(e.stdout, str(e), e.exit_code)
        except Unreachable as e:
            from .unreachable import unreachable        # (a daemon that did not start: issue 15)
            r = unreachable(self.p, e.path, e.formatted)
            if e.path == "version" and not e.formatted:
                # the client prints its own half before it finds no daemon
                mine = self.p.client_api_version
                r.stdout = f"Client:\n Version:           {self.p.client_version}\n API version:       {mine}\n"
            return r

    def cmd_cp(self, argv: list[str]) -> Result:
        from .copy import docker_cp          # (a rare command: loaded when typed)
        return docker_cp(self, argv)

    def unknown_command(self, cmd: str) -> Result:
        if cmd.startswith("-"):
            return Result("", self.p.messages.unknown_flag.format(flag=cmd), 125)
        return Result("", self.p.messages.unknown_command.format(cmd=cmd), 1)

    def _parse(self, cmd: str, argv: Sequence[str], flags: list[Flag], interspersed: bool = True,
               check: bool = True, offline: bool = False) -> Parsed | Result:
        """Parse flags (pflag errors exit 125), then run the command's cobra Args check."""
        path = framing.canonical(self.group + cmd) if (self.group + cmd) in framing.COMMANDS or \
            (self.group + cmd) in framing.ALIASES else cmd
        try:
            pr = parse(argv, flags + [F("help", "", "bool")], interspersed=interspersed)
        except FlagError as e:
            return framing.flag_error(self.p, path, str(e))
        if check:
            bad = framing.check_args(self.p, path, pr.args)
            if bad is not None:
                return bad
        if self.d.start_failure is not None and not pr.get("help") and not offline:
            raise Unreachable(path, bool(pr.get("format")))   # flags and arguments were fine: the first request finds no socket
        return pr

    # -- the groups made on first use ------------------------------------------------------------
    def _lifecycle(self) -> "LifecycleCommands":
        from .lifecycle import LifecycleCommands
        return LifecycleCommands(self)

    def _volumes(self) -> "VolumeCommands":
        from .volume import VolumeCommands
        return VolumeCommands(self)

    def _processes(self) -> "ProcessCommands":
        from .processes import ProcessCommands
        return ProcessCommands(self)

    def _images(self) -> "ImageCommands":
        from .images import ImageCommands
        return ImageCommands(self)

    def cmd_wait(self, argv: list[str]) -> Result:
        return self._lifecycle().cmd_wait(argv)

    def cmd_update(self, argv: list[str]) -> Result:
        return self._lifecycle().cmd_update(argv)

    def cmd_attach(self, argv: list[str]) -> Result:
        return self._lifecycle().cmd_attach(argv)

    def cmd_stats(self, argv: list[str]) -> Result:
        return self._lifecycle().cmd_stats(argv)

    def volume(self, argv: list[str]) -> Result:
        return self._volumes().volume(argv)

    def cmd_logs(self, argv: list[str]) -> Result:
        return self._processes().cmd_logs(argv)

    def cmd_top(self, argv: list[str]) -> Result:
        return self._processes().cmd_top(argv)

    def cmd_diff(self, argv: list[str]) -> Result:
        return self._processes().cmd_diff(argv)

    def cmd_images(self, argv: list[str]) -> Result:
        return self._images().cmd_images(argv)

    def image(self, argv: list[str]) -> Result:
        return self._images().image(argv)

    def cmd_tag(self, argv: list[str]) -> Result:
        return self._images().cmd_tag(argv)

    def cmd_rmi(self, argv: list[str]) -> Result:
        return self._images().cmd_rmi(argv)

    def _system(self) -> "SystemCommands":
        """docker info, system and events, and version's texts (client.system, loaded by the first)."""
        from .system import SystemCommands
        return SystemCommands(self)

    def cmd_compose(self, argv: list[str]) -> Result:
        """``docker compose …``: the compose plugin, over this client's daemon."""
        from .compose import ComposeCommand
        return ComposeCommand(self, self.files).run(argv)

    def cmd_version(self, argv: list[str]) -> Result:
        pr = self._parse("version", argv, [F("format", "f", "string"), F("kubeconfig", "", "string")],
                         offline=True)
        if isinstance(pr, Result):
            return pr
        fmt = pr.get("format")
        if fmt and self.d.start_failure is not None:
            # the client's half is executed all the same (r213): what it printed, then no daemon
            r = self._version_format(fmt)
            if r.exit_code != 0:
                raise Unreachable("version", True)
            return Result(r.stdout, CANNOT_CONNECT + "\n", 1)
        if self.d.start_failure is not None:
            raise Unreachable("version", False)
        if fmt:
            return self._version_format(fmt)
        return Result(self._system().version_text(_negotiated_api(self.p)), "", 0)

    def _version_format(self, fmt: str) -> Result:
        """``docker version --format``: the template runs on system/version.go's versionInfo."""
        from ..golang.template import TemplateError, parse as parse_template
        from ..daemon.system import RECORDING_MACHINE
        p = self.p
        body = "{{json .}}" if fmt == "json" and p.json_format_shorthand else fmt
        try:
            tmpl = parse_template(body, go=p.go, json_errors=not p.json_errors_ignored)
        except TemplateError as e:
            return Result("", "template parsing error: " + str(e).replace("template: :", "template: version:", 1)
                          + "\n", 64)
        value = self._system().version_value(_negotiated_api(p), RECORDING_MACHINE.kernel_version,
                                   server=self.d.start_failure is None)
        try:
            out = tmpl.execute(value)
        except TemplateError as e:
            return Result(e.partial, str(e).replace("template: :", "template: version:", 1) + "\n", 1)
        return Result(out + "\n", "", 0)


def _negotiated_api(p: Profile) -> str:
    """The client negotiates down to the daemon's version, never up past its own
    (``client_api_version``: docker/cli's vendored api/common.go DefaultVersion)."""
    mine = p.client_api_version
    a, b = (tuple(int(x) for x in v.split(".")) for v in (mine, p.api_version))
    return mine if a <= b else p.api_version
