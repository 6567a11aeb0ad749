"""The container commands: ``run``, ``create``, ``start``, ``stop``, ``restart``, ``kill``, ``rm``,
``rename``, ``ps``, ``inspect``, ``port`` and ``docker container …``.

Mirrors docker/cli cli/command/container: building the container config from flags, the
Engine API calls, the ``ps`` table and ``port`` lines, and the texts each prints (``--dns``
loopback checks included).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Optional

from ..addr import AddrError, parse_ip
from ..daemon.container import RESTART_FAILED, RUNC_NO_SUCH_FILE, RUNC_NOT_IN_PATH, Container
from ..daemon.containers import ContainerSpec, EndpointSpec
from ..daemon.specs import Ulimit
from ..engines import LocalhostDnsWarning
from ..errors import DockerError, NotFound, SystemError_
from ..ids import format_time
from . import framing
from .flags import FlagError, Flag, Parsed, parse, split_kv
from ..golang.template import go_quote
from ..result import Result
from .templates import render_rows, validate_with
from .options import (
    F, PS_FLAGS, NetworkAttachment, _parse_port_range, expand_expose, network_attachment, parse_publish, run_flags,
    valid_mac,
)
from ..userland.processes import ends_by_itself, shell_greeting, stopped_endless_loop
from .rows import _ClientError, _is_uint16, container_context, join_host_port, natural_sort_key


if TYPE_CHECKING:
    from ..daemon.health import HealthConfig


class ContainerCommands:
    """``docker run/create/start/…/ps/inspect/port`` and ``docker container …``, mixed into DockerCLI."""

    tty: bool            # the client's standard input is a terminal (set by DockerCLI)
    has_program: Optional[Callable[[str, str], bool]]     # whether an image has a program (DockerCLI)

    # -- containers ------------------------------------------------------------------------------------
    def container(self, argv: list[str]) -> Result:
        if argv and argv[0] in ("--help", "-h"):
            return Result("", "", 0)
        if not argv:
            return Result("", "", 0)
        sub, rest = argv[0], argv[1:]
        fn = {"run": self.cmd_run, "create": self.cmd_create, "start": self.cmd_start, "stop": self.cmd_stop,
              "restart": self.cmd_restart, "kill": self.cmd_kill, "rm": self.cmd_rm, "remove": self.cmd_rm,
              "pause": self.cmd_pause, "unpause": self.cmd_unpause,
              "rename": self.cmd_rename, "ls": self.cmd_ps, "list": self.cmd_ps, "ps": self.cmd_ps,
              "inspect": self.ctr_inspect, "port": self.cmd_port, "prune": self.ctr_prune,
              "logs": self.cmd_logs, "top": self.cmd_top, "wait": self.cmd_wait, "update": self.cmd_update,
              "diff": self.cmd_diff, "cp": self.cmd_cp, "attach": self.cmd_attach, "stats": self.cmd_stats}.get(sub)
        if fn is None:
            if sub.startswith("-"):
                return framing.flag_error(self.p, "container", f"unknown flag: {sub}")
            if self.p.unknown_container_sub_as_command:
                return self.unknown_command(f"container {sub}")
            return framing.args_error(self.p, "container", first_arg=sub)
        self.group = "container "
        try:
            return fn(rest)
        finally:
            self.group = ""

    def ctr_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("inspect", argv, [F("format", "f", "string"), F("size", "s", "bool")])
        if isinstance(pr, Result):
            return pr
        return self._inspect(pr.args, self.d.container_inspect, pr.get("format"), "container",
                             "types.ContainerJSON")

    def ctr_prune(self, argv: list[str]) -> Result:
        pr = self._parse("prune", argv, [F("force", "f", "bool"), F("filter", "", "list")])
        if isinstance(pr, Result):
            return pr
        if not pr.get("force"):
            return Result("WARNING! This will remove all stopped containers.\n"
                          "Are you sure you want to continue? [y/N] ", "", 0)
        try:
            removed = self.d.containers_prune(list(pr.get("filter")))
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        out = ""
        if removed:
            out = "Deleted Containers:\n" + "".join(r + "\n" for r in removed) + "\n"
        return Result(out + "Total reclaimed space: 0B\n", "", 0)

    def _build_spec(self, cmd: str, pr: Parsed) -> ContainerSpec | Result:
        if not pr.args:
            return framing.args_error(self.p, cmd, "requires at least 1 argument")
        image, command = pr.args[0], pr.args[1:]
        mac = pr.get("mac-address")
        if mac and not valid_mac(mac):
            # container/opts.go parse(): the first thing checked, before ports and networks
            return Result("", framing.run_error(self.p, f"{mac} is not a valid mac address", create_failed=True,
                                                cmd=cmd, daemon=False), 125)
        nets = pr.get("network") + pr.get("net")
        spec = ContainerSpec(image=image, cmd=command or None, entrypoint=[pr.get("entrypoint")] if pr.get("entrypoint")
                             else None, name=pr.get("name"), hostname=pr.get("hostname"),
                             domainname=pr.get("domainname"), publish_all=pr.get("publish-all"),
                             expose=[], dns=pr.get("dns"), dns_search=pr.get("dns-search"),
                             dns_options=pr.get("dns-option") + pr.get("dns-opt"), extra_hosts=pr.get("add-host") or None,
                             links=pr.get("link"), mac_address=pr.get("mac-address"), tty=pr.get("tty"),
                             open_stdin=pr.get("interactive"), labels=split_kv(pr.get("label")), env=pr.get("env"),
                             user=pr.get("user") or "", working_dir=pr.get("workdir") or "",
                             sysctls=split_kv(pr.get("sysctl")))
        restart: "tuple[str, int] | str" = ("", 0)
        if pr.get("restart"):
            from .lifecycle import parse_restart_policy      # (the group's module, on first use: issue 15)
            restart = parse_restart_policy(self.p, pr.get("restart"))
        if isinstance(restart, str):
            return Result("", framing.run_error(self.p, restart, create_failed=True, cmd=cmd, daemon=False), 125)
        health = health_config(pr)
        if isinstance(health, str):
            return Result("", framing.run_error(self.p, health, create_failed=True, cmd=cmd, daemon=False), 125)
        spec.healthcheck = health
        if pr.get("restart") and pr.get("rm"):
            return Result("", framing.run_error(self.p, self.p.messages.restart_with_rm, create_failed=True, cmd=cmd,
                                                daemon=False), 125)
        spec.restart_name, spec.restart_max_retries = restart
        spec.auto_remove = bool(pr.get("rm"))
        _host_settings(spec, pr)
        # container/opts.go: -v SOURCE:TARGET is a bind (the daemon reads it), -v /path an
        # anonymous volume (Config.Volumes); --mount is parsed here
        for v in pr.get("volume"):
            (spec.binds if ":" in v else spec.volumes).append(v)
        if pr.get("mount"):
            from .volume import parse_mount                  # (the group's module, on first use: issue 15)
            spec.mounts = [parse_mount(m) for m in pr.get("mount")]
        aliases = pr.get("network-alias") + pr.get("net-alias")
        atts = [network_attachment(v, self.p.network_opt_keys) for v in nets]   # (the flag checked them)
        why = _attachment_error(atts, pr, aliases)
        if why:
            return Result("", framing.run_error(self.p, why, create_failed=True, cmd=cmd, daemon=False), 125)
        mode = atts[0].target if atts else ""
        # cli opts parseNetworkOpts: every --network is an endpoint (the first takes --ip, --ip6 and
        # --network-alias); whether a daemon takes more than one is the daemon's to say (r173)
        for att in atts[1:]:
            spec.networks[att.target] = _endpoint(att)
        ep = _endpoint(atts[0] if atts else NetworkAttachment(""), pr.get("ip"), pr.get("ip6"), aliases)
        if pr.get("link-local-ip"):
            ep.link_local_ips = list(pr.get("link-local-ip"))
        if mode:
            spec.networks[mode] = ep
        elif (ep.ipv4 or ep.ipv6 or ep.aliases) and self.p.client_default_endpoint:
            spec.networks["default"] = ep
        spec.network_mode = mode
        try:
            for e in pr.get("expose"):
                spec.expose.extend(expand_expose(e, self.p))
        except ValueError as e:
            return Result("", framing.run_error(self.p, str(e), create_failed=True, cmd=cmd, daemon=False), 125)
        try:
            spec.port_bindings = parse_publish(pr.get("publish"), self.p)
        except ValueError as e:
            return Result("", framing.run_error(self.p, str(e), create_failed=True, cmd=cmd, daemon=False), 125)
        builtin_mode = not mode or mode in ("bridge", "default", "host", "none") or mode.startswith("container:")
        if aliases and builtin_mode and self.p.client_checks_builtin_aliases:
            return Result("", framing.run_error(self.p, "network-scoped aliases are only supported for "
                                                "user-defined networks", create_failed=True, cmd=cmd,
                                                daemon=False), 125)
        if self.p.endpoint_on_explicit_network and mode and builtin_mode:
            # 20.10's client puts --link/--network-alias on the endpoint of an explicit --network,
            # and refuses them there for a built-in network
            for given, what in ((pr.get("link"), "links"), (aliases, "network-scoped aliases")):
                if given:
                    return Result("", framing.run_error(self.p, f"{what} are only supported for user-defined "
                                                        f"networks", create_failed=True, cmd=cmd, daemon=False), 125)
        return spec

    def cmd_create(self, argv: list[str], cmd: str = "create") -> Result:
        pr = self._parse(cmd, argv, run_flags(self.p), interspersed=False)
        if isinstance(pr, Result):
            return pr
        spec = self._build_spec(cmd, pr)
        if isinstance(spec, Result):
            return spec
        early = ""
        if self.p.localhost_dns_warning is LocalhostDnsWarning.BEFORE_CREATE:
            # 20.10 create.go warnOnLocalhostDNS: printed before the create call
            dns = next((x for x in pr.get("dns") if re.search(_LOCALHOST_2010, x)), None)
            if dns is not None:
                early = f"WARNING: Localhost DNS setting (--dns={dns}) may fail in containers.\n"
        try:
            cid, warnings = self.d.container_create(spec)
        except DockerError as e:
            if cmd == "create":     # create.go hands the daemon's error back unframed: exit 1 (r151)
                failed = framing.daemon_error(self.p, e)
                return Result("", early + failed.stderr, failed.exit_code)
            return Result("", early + framing.run_error(self.p, str(e), create_failed=True, cmd=cmd), 125)
        warnings = list(warnings)
        if self.p.localhost_dns_warning is LocalhostDnsWarning.WITH_DAEMON:
            # 28 create.go localhostDNSWarning: appended to the daemon's warnings
            dns = next((x for x in pr.get("dns") if _is_loopback(x)), None)
            if dns is not None:
                warnings.append(f"Localhost DNS ({dns}) may fail in containers.")
        err = early + "".join(f"WARNING: {w}\n" for w in warnings)
        return Result(cid + "\n", err, 0)

    def cmd_run(self, argv: list[str]) -> Result:
        try:
            pr = parse(argv, run_flags(self.p) + [F("help", "", "bool")], interspersed=False)
        except FlagError:
            pr = None
        attached = pr is not None and not pr.get("detach")
        if attached and pr.get("tty") and pr.get("interactive") and not self.tty:
            # the client checks its own standard input first: a script's is not a terminal
            return Result("", "the input device is not a TTY\n", 1)
        created = self.cmd_create(argv, cmd="run")
        if created.exit_code != 0:
            return created
        cid = created.stdout.strip()
        # run.go's status for a start that failed: 127 for a program that is not there (r190)
        code = 127 if self._missing_program(self.d.find_container(cid)) is not None else 125
        auto_remove = pr is not None and bool(pr.get("rm"))
        if attached:
            self.d.container_attach(cid)    # run.go attaches before it starts (an `attach` event: r270)
        try:
            self.start_container(cid)       # --rm: a start that fails removes it (the daemon's AutoRemove)
        except DockerError as e:
            out = "" if attached else created.stdout       # a detached run printed the ID already
            err = framing.run_error(self.p, str(e), create_failed=False)
            if "no such file or directory" in str(e):
                code = 127     # run.go: any start error saying so (r243: runc opening a sysctl)
            if attached and not auto_remove:
                # 20.10: the client's wait for the container, cancelled, says so (r190, two takes
                # alike; with --rm it raced the client's exit: said once in two, never in r79)
                err += self._wait_canceled()
            return Result(out, created.stderr + err, code)
        if not attached:
            self.main_process(cid)
            return created
        # attached: the command runs to its end in the container, whose exit code docker returns
        r = self.run_main(cid)              # (--rm: the daemon removes it as it exits)
        return Result(r.stdout, created.stderr + r.stderr, r.exit_code)

    def start_container(self, cid: str) -> None:
        """The daemon's start, with runc's check that the main process's program is in the image:
        when it is not, runc refuses the task, the daemon takes back the network it had set up for
        it and the container keeps its state, with the error in State.Error and exit code 127
        (r190, c42)."""
        c = self.d.find_container(cid)
        error = None if c.running or c.paused else self._missing_program(c)
        if error is None:
            self.d.container_start(cid)
            return
        self.d.container_task_failed(cid, error, 127)
        raise SystemError_(error)

    def _missing_program(self, c: Container) -> Optional[str]:
        """The daemon's error for starting ``c`` when its program is not in the image, else None.
        runc looks a bare name up in $PATH and stats a path (r190)."""
        if not c.argv or not self._lacks_program(c):
            return None
        prog = c.argv[0]
        reason = (RUNC_NO_SUCH_FILE if "/" in prog else RUNC_NOT_IN_PATH).format(prog=prog)
        m = self.p.messages
        return m.runc_task_prefix + m.start_not_found.format(reason=reason)

    def _wait_canceled(self) -> str:
        """The logrus line a client whose wait for the container was cancelled prints (20.10)."""
        line = self.p.messages.wait_canceled
        if line is None:
            return ""
        return line.format(time=format_time(self.d.rand.peek_ns()).split(".")[0].rstrip("Z") + "Z") + "\n"

    def main_process(self, cid: str) -> None:
        """A container just started with nobody attached: a command that ends by itself runs to its
        end now, its output kept for ``docker logs``, and the container exits with its status
        (r160: ``docker run -d busybox echo hello`` is ``Exited (0)``); a server, a sleeper or a
        shell keeps running."""
        c = self.d.find_container(cid)
        if ends_by_itself(c.argv, c.tty, c.open_stdin) and not self._image_own_program(c):
            self.run_main(cid)
            return
        greeting = shell_greeting(c.argv, c.tty, c.image.tools)
        if greeting:
            self.d.container_output(cid, greeting, "")

    def _lacks_program(self, c: Any) -> bool:
        """runc's check of the main process's program, in an image whose files the simulator knows."""
        return self._not_busybox_program(c) and not self._brought_by_image(c)

    def _image_own_program(self, c: Any) -> bool:
        """A program busybox lacks that the image brings: taken to be the image's service, it runs
        until stopped."""
        return self._not_busybox_program(c) and self._brought_by_image(c)

    def _not_busybox_program(self, c: Any) -> bool:
        return self.has_program is not None and not self.has_program(c.id, c.argv[0])

    def _brought_by_image(self, c: Any) -> bool:
        """The image's declared command's program (``#! image nginx CMD nginx …``), or any program
        of an image the simulator does not know (nginx, redis, …)."""
        own = c.image.cmd[0].rsplit("/", 1)[-1] if c.image.cmd else ""
        return not self.d.knows_image(c.image) or c.argv[0].rsplit("/", 1)[-1] == own

    def run_main(self, cid: str) -> Result:
        """PID 1 run to its end: its output goes to the log, its status is the container's."""
        c = self.d.find_container(cid)
        if self.runner is None:
            self.d.container_exited(cid, 0)
            return Result("", "", 0)
        r = self.runner(cid, c.argv)
        if stopped_endless_loop(r.stderr):
            return Result("", "", 0)            # a loop without end: still running
        self.d.container_output(cid, r.stdout, r.stderr)
        self.d.container_exited(cid, r.exit_code)
        return r

    def _each(self, cmd: str, argv: list[str], flags: list[Flag], action: Callable[[str, Parsed], None],
              err_suffix: Callable[[list[str]], str] | None = None, obj: str = "") -> Result:
        """A command that acts on each argument in turn: names of the successes on stdout, one
        error line per failure, then (start) a summary line; exit 1 if anything failed."""
        pr = self._parse(cmd, argv, flags)
        if isinstance(pr, Result):
            return pr
        out, err, failed = "", "", []
        for term in pr.args:
            try:
                action(term, pr)
                out += term + "\n"
            except DockerError as e:
                err += framing.api_error(self.p, e, obj, term) + "\n"
                failed.append(term)
        if failed and err_suffix is not None:
            err += err_suffix(failed)
        return Result(out, err, 1 if failed else 0)

    def cmd_start(self, argv: list[str]) -> Result:
        def suffix(failed: list[str]) -> str:
            return f"Error: failed to start containers: {', '.join(failed)}\n"
        flags = [F("attach", "a", "bool"), F("interactive", "i", "bool"), F("detach-keys", "", "string")]
        pr = self._parse("start", argv, flags)
        if not isinstance(pr, Result) and (pr.get("attach") or pr.get("interactive")) and pr.args:
            return self._start_attached(pr)
        return self._each("start", argv, flags, lambda t, pr: self._start(t), suffix)

    def _start(self, term: str) -> None:
        c = self.d.find_container(term)
        was_running = c.running
        self.start_container(c.id)
        if not was_running:
            self.main_process(c.id)

    def _restart(self, term: str) -> None:
        self.restart_container(term)
        self.main_process(term)

    def restart_container(self, term: str) -> None:
        """A restart: the daemon's stop then start; a program missing from the image fails the
        start as ``docker start`` does, in the restart's words (r190)."""
        c = self.d.find_container(term)
        if not c.running and self._missing_program(c) is not None:
            try:
                self.start_container(c.id)
            except DockerError as e:
                raise type(e)(RESTART_FAILED.format(term=term, error=e)) from None
        self.d.container_restart(term)

    def _start_attached(self, pr: Parsed) -> Result:
        """``docker start -a``: the container's command runs to its end and its output is shown."""
        if len(pr.args) > 1:
            return Result("", "you cannot start and attach multiple containers at once\n", 1)
        term = pr.args[0]
        try:
            c = self.d.find_container(term)
            was_running = c.running
            self.start_container(c.id)
        except DockerError as e:
            # 20.10's wait for the container, cancelled by the failed start, logs first (r190)
            wait = self._wait_canceled() if self._missing_program(self.d.find_container(term)) is not None else ""
            return Result("", wait + framing.api_error(self.p, e, "container", term) + "\n", 1)
        if was_running or self.runner is None:
            return Result("", "", 0)
        return self.run_main(c.id)

    def cmd_stop(self, argv: list[str]) -> Result:
        return self._each("stop", argv, [F("time", "t", "int"), F("signal", "s", "string")],
                          lambda t, pr: self.d.container_stop(t))

    def cmd_restart(self, argv: list[str]) -> Result:
        return self._each("restart", argv, [F("time", "t", "int"), F("signal", "s", "string")],
                          lambda t, pr: self._restart(t))

    def cmd_kill(self, argv: list[str]) -> Result:
        return self._each("kill", argv, [F("signal", "s", "string")],
                          lambda t, pr: self.d.container_kill(t, pr.get("signal") or "KILL"))

    def cmd_pause(self, argv: list[str]) -> Result:
        return self._each("pause", argv, [], lambda t, pr: self.d.container_pause(t))

    def cmd_unpause(self, argv: list[str]) -> Result:
        return self._each("unpause", argv, [], lambda t, pr: self.d.container_unpause(t))

    def cmd_rm(self, argv: list[str]) -> Result:
        pr = self._parse("rm", argv, [F("force", "f", "bool"), F("volumes", "v", "bool"), F("link", "l", "bool")])
        if isinstance(pr, Result):
            return pr
        out, err, failed = "", "", False
        for term in pr.args:
            ref = term.strip("/")
            if not ref:
                failed = True
                err += self.p.messages.container_name_empty + "\n"
                continue
            try:
                self.d.container_remove(ref, force=pr.get("force"), volumes=pr.get("volumes"))
                out += term + "\n"
            except DockerError as e:
                # rm.go: with --force a missing container is reported but is not a failure
                err += framing.api_error(self.p, e, "container", ref) + "\n"
                if not (pr.get("force") and isinstance(e, NotFound)):
                    failed = True
        return Result(out, err, 1 if failed else 0)

    def cmd_rename(self, argv: list[str]) -> Result:
        pr = self._parse("rename", argv, [])
        if isinstance(pr, Result):
            return pr
        old, new = pr.args[0].strip(), pr.args[1].strip()
        if not old or not new:
            return Result("", "Error: Neither old nor new names may be empty\n", 1)
        try:
            self.d.container_rename(old, new)
        except DockerError as e:
            # rename.go prints the API error, then fails with its own line
            return Result("", f"{framing.api_error(self.p, e)}\nError: failed to rename container named {old}\n", 1)
        return Result("", "", 0)

    def cmd_ps(self, argv: list[str]) -> Result:
        pr = self._parse("ps", argv, PS_FLAGS)
        if isinstance(pr, Result):
            return pr
        fmt = pr.get("format")
        profile = self.p
        if fmt and not (profile.ps_size_skips_format_check and pr.get("size")):
            # container/list.go: the template is checked on an empty ContainerContext first
            validate_with(fmt, container_context(None, None, True, profile), profile)
        limit = 1 if pr.get("latest") else pr.get("last", -1)
        from .filters import filter_containers            # (loaded by the first ps)
        try:
            cs = filter_containers(self.d, self.d.container_list(all=True), pr.get("filter"),
                                   all=bool(pr.get("all")), limit=limit)
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        trunc = not pr.get("no-trunc")
        if pr.get("quiet") and not fmt:
            return Result("".join((c.id[:12] if trunc else c.id) + "\n" for c in cs), "", 0)
        if not fmt:
            fmt = "{{.ID}}" if pr.get("quiet") else ("table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t"
                                                     "{{.Status}}\t{{.Ports}}\t{{.Names}}")
            if pr.get("size") and not pr.get("quiet"):
                fmt += "\t{{.Size}}"
        headers = {"ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "RunningFor": "CREATED",
                   "Status": "STATUS", "Ports": "PORTS", "Names": "NAMES", "Networks": "NETWORKS",
                   "State": "STATE", "CreatedAt": "CREATED AT", "Labels": "LABELS", "Size": "SIZE",
                   "Mounts": "MOUNTS", "LocalVolumes": "LOCAL VOLUMES"}
        if profile.ps_platform_column:
            headers["Platform"] = "PLATFORM"
        rows = [container_context(self.d, c, trunc, profile) for c in cs]
        return Result(render_rows(fmt, rows, headers, profile=profile), "", 0)

    def cmd_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("inspect", argv, [F("format", "f", "string"), F("type", "", "string"), F("size", "s", "bool")])
        if isinstance(pr, Result):
            return pr
        typ = pr.get("type")
        types = ("config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume")
        if not self.p.inspect_type_checked_when_given:
            if typ and typ not in types:
                return Result("", f'"{typ}" is not a valid value for --type\n', 1)
        elif "type" in pr.given and typ not in types:
            listed = '", "'.join(types)
            if not typ:
                return Result("", f'type is empty: must be one of "{listed}"\n', 1)
            return Result("", f'unknown type: {go_quote(typ)}: must be one of "{listed}"\n', 1)

        def get(ref: str) -> dict[str, Any]:
            # system/inspect.go inspectAll: try each kind in turn; with --type, only that one
            for kind, fetch in (("container", self.d.container_inspect), ("image", self.d.image_inspect),
                                ("network", self.d.network_inspect)):
                if typ and typ != kind:
                    continue
                try:
                    return fetch(ref)
                except NotFound:
                    if typ:
                        raise
            if typ and typ not in ("container", "image", "network"):
                raise _ClientError(f"Error response from daemon: No such {typ}: {ref}")
            raise _ClientError(f"Error: No such object: {ref}")
        return self._inspect(pr.args, get, pr.get("format"), typ if typ in ("container", "image", "network") else "",
                             "types.ContainerJSON")

    def cmd_port(self, argv: list[str]) -> Result:
        pr = self._parse("port", argv, [])
        if isinstance(pr, Result):
            return pr
        try:
            c = self.d.find_container(pr.args[0])
        except DockerError as e:
            return Result("", framing.api_error(self.p, e, "container", pr.args[0]) + "\n", 1)
        ports = c.ports_published if c.running else {}
        old = not self.p.port_cmd_checks_and_sorts
        if len(pr.args) == 2:
            want = pr.args[1]
            port, _, proto = want.partition("/")
            proto = proto or "tcp"
            if old:
                try:
                    _parse_port_range(port)
                except ValueError:
                    # nat.NewPort's strconv error, unwrapped
                    return Result("", f"strconv.ParseUint: parsing {go_quote(port.partition('-')[0])}: "
                                      f"invalid syntax\n", 1)
            elif not _is_uint16(port):
                return Result("", f'Error: invalid port ({port}): strconv.ParseUint: parsing {go_quote(port)}: '
                                  f'{"value out of range" if port.isdigit() else "invalid syntax"}\n', 1)
            key = f"{port}/{proto}"
            binds = ports.get(key)
            if not binds:
                # 20.10 names the port with its protocol; 28 repeats the argument as typed
                return Result("", self.p.messages.port_not_published.format(port=key, want=want, ctr=pr.args[0])
                              + "\n", 1)
            if old:
                return Result("".join(f"{b.get('HostIp', '')}:{b.get('HostPort', '')}\n" for b in binds), "", 0)
            lines = sorted((join_host_port(b.get("HostIp", ""), b.get("HostPort", "")) for b in binds),
                           key=natural_sort_key)
            return Result("".join(x + "\n" for x in lines), "", 0)
        if old:
            # port.go iterates a Go map; sorted keys make the model deterministic
            return Result("".join(f"{k} -> {b.get('HostIp', '')}:{b.get('HostPort', '')}\n"
                                  for k in sorted(ports) for b in ports[k] or []), "", 0)
        lines = sorted((f"{k} -> {join_host_port(b.get('HostIp', ''), b.get('HostPort', ''))}"
                        for k in ports for b in ports[k] or []), key=natural_sort_key)
        return Result("".join(x + "\n" for x in lines), "", 0)


# --dns checks (20.10 by regexp, 28 by netip)
_LOCALHOST_2010 = r"((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)"    # compiled by re on first use


def _duration(text: str) -> int:
    from ..golang.gotime import parse_duration      # (only a run with a duration flag needs it)
    return parse_duration(text)


def health_config(pr: Parsed) -> "HealthConfig | str | None":
    """container/opts.go's Healthcheck from the --health-* flags: None when none is given, Test
    ``NONE`` for --no-healthcheck, ``CMD-SHELL`` for --health-cmd; or the client's refusal (r261).
    A zero value counts as not given, as the client compares each with its zero."""
    cmd = pr.get("health-cmd") or ""
    durations = {name: _duration(pr.get(name)) if pr.get(name) else 0       # (the flag checked it)
                 for name in ("health-interval", "health-timeout", "health-start-period", "health-start-interval")}
    retries = pr.get("health-retries") or 0
    given = bool(cmd) or retries != 0 or any(durations.values())
    if not given and not pr.get("no-healthcheck"):
        return None
    from ..daemon.health import HealthConfig
    if pr.get("no-healthcheck"):
        if given:
            return "--no-healthcheck conflicts with --health-* options"
        return HealthConfig(test=("NONE",))
    if not given:
        return None
    for name in ("health-interval", "health-timeout", "health-retries", "health-start-period", "health-start-interval"):
        if (retries if name == "health-retries" else durations[name]) < 0:
            return f"--{name} cannot be negative"
    return HealthConfig(test=("CMD-SHELL", cmd) if cmd else None, interval=durations["health-interval"],
                        timeout=durations["health-timeout"], start_period=durations["health-start-period"],
                        start_interval=durations["health-start-interval"], retries=retries)


def _is_loopback(text: str) -> bool:
    """netip.ParseAddr(x).IsLoopback() (no zone, no IPv4-mapped form)."""
    try:
        ip = parse_ip(text)
    except AddrError:
        return False
    if "%" in text or (":" in text and "." in text):
        return False
    return (ip.version == 4 and int(ip) >> 24 == 127) or (ip.version == 6 and int(ip) == 1)


def _user_defined(target: str) -> bool:
    """container.NetworkMode.IsUserDefined: not one of the modes Docker itself names."""
    return target not in ("default", "bridge", "host", "none") and not target.startswith("container:")


def _attachment_error(atts: list[NetworkAttachment], pr: Parsed, aliases: list[str]) -> str:
    """cli/command/container/opts.go parseNetworkOpts: the --network values against each other
    and against the flags that also speak for the first network; '' when they agree."""
    for i, att in enumerate(atts):
        if i == 0:
            for mine, flag, what in ((att.aliases, aliases, "--network-alias and per-network alias"),
                                     (att.ipv4, pr.get("ip"), "--ip and per-network IPv4 address"),
                                     (att.ipv6, pr.get("ip6"), "--ip6 and per-network IPv6 address"),
                                     (att.mac, pr.get("mac-address"), "--mac-address and per-network MAC address"),
                                     (att.link_local_ips, pr.get("link-local-ip"),
                                      "--link-local-ip and per-network link-local IP addresses")):
                if mine and flag:
                    return f"conflicting options: cannot specify both {what}"
        if not att.target.strip():
            return "no name set for network"
        if att.aliases and not _user_defined(att.target):
            return "network-scoped aliases are only supported for user-defined networks"
        if att.mac and not valid_mac(att.mac):
            return f"{att.mac} is not a valid mac address"
        if any(a.target == att.target for a in atts[:i]):
            return f"network {go_quote(att.target)} is specified multiple times"
    if len({_user_defined(a.target) for a in atts}) > 1:
        return "conflicting options: cannot attach both user-defined and non-user-defined network-modes"
    return ""


def _host_settings(spec: ContainerSpec, pr: Parsed) -> None:
    """The flags the daemon keeps as sent and inspect shows (r300), as the CLI puts them in the
    create body: ``--init`` and ``--stop-timeout`` only when given, capabilities as typed,
    ``--tmpfs PATH[:OPTIONS]`` a map, ``--ulimit NAME=SOFT[:HARD]``, ``--log-opt KEY=VALUE``."""
    spec.privileged = bool(pr.get("privileged"))
    spec.readonly_rootfs = bool(pr.get("read-only"))
    spec.init = bool(pr.get("init")) if "init" in pr.given else None
    spec.stop_signal = pr.get("stop-signal") or ""
    spec.stop_timeout = pr.get("stop-timeout") if "stop-timeout" in pr.given else None
    spec.cap_add = list(pr.get("cap-add")) or None
    spec.cap_drop = list(pr.get("cap-drop")) or None
    spec.ipc_mode = pr.get("ipc") or ""
    spec.pid_mode = pr.get("pid") or ""
    spec.tmpfs = {path: opts for path, _, opts in (t.partition(":") for t in pr.get("tmpfs"))}
    for u in pr.get("ulimit"):
        name, _, limits = u.partition("=")
        soft, _, hard = limits.partition(":")
        if soft.lstrip("-").isdigit() and (not hard or hard.lstrip("-").isdigit()):
            spec.ulimits.append(Ulimit(name, int(hard or soft), int(soft)))
    spec.log_driver = pr.get("log-driver") or ""
    spec.log_options = dict(sorted(split_kv(pr.get("log-opt")).items()))


def _endpoint(att: NetworkAttachment, ip: str = "", ip6: str = "", aliases: Optional[list[str]] = None) -> EndpointSpec:
    """The endpoint a --network value asks for; the first network's also takes --ip, --ip6 and
    --network-alias (their conflicts refused by _attachment_error)."""
    return EndpointSpec(ipv4=ip or att.ipv4, ipv6=ip6 or att.ipv6, aliases=list(aliases or att.aliases),
                        mac=att.mac, driver_opts=att.driver_opts, gw_priority=att.gw_priority)
