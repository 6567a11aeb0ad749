"""``docker compose`` (v2, the CLI plugin): a project's files in, Engine API calls and compose's
own output out.

Mirrors docker/compose 2.40's ``cmd/compose`` and ``pkg/compose``: the global flags, ``up``
(networks first, then containers created and started in dependency order, with the progress
lines compose prints when its output is not a terminal), ``down``, ``ps``, ``ls``, ``port``,
``exec``, ``start``, ``stop``, ``restart``, ``rm``, ``logs``, ``run`` (one-off containers), ``create``,
``kill``, ``pause``, ``unpause``, ``wait``, ``scale``, ``stats`` (``config`` and ``version``:
compose_config.py), the service keys that reach the container through the create spec ``docker
run`` fills (restart, working_dir, init, privileged, read_only, capabilities, stop settings,
dns_opt, ipc, pid, tmpfs, ulimits, logging: c55–c59), ``up``
attached (its services' output and exit lines, ``--abort-on-container-exit``, ``--exit-code-from``)
and the flag combinations ``up`` refuses; the labels
compose puts on networks and containers (``com.docker.compose.*``), the aliases it gives each endpoint (container name, service, the file's aliases), and its error
texts. Recorded in ``tests/golden/scenarios/c*.sh``.
"""

from __future__ import annotations

import hashlib
import json
import shlex
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

from ..records import Record
from ..ids import format_time
from ..compose.emit import service_hash
from ..compose.model import (ComposeError, Files, IpamPool, NetworkConfig, Project, Service, ServiceNetwork,
                             HealthCheck, _mode_dependencies, duration_nanos, load_project)
from ..daemon.container import Container
from ..daemon.health import HealthConfig
from ..daemon.specs import ContainerSpec, EndpointSpec, Ulimit
from ..errors import DockerError, NotFound
from ..golang.tabwriter import tabwrite
from ..result import Result
from .compose_attach import UP_FLAGS, ComposeAttach, check_up_flags
from .compose_config import ComposeConfig
from .compose_listings import ComposeListings, command_help
from .flags import Flag, FlagError, parse
from .options import F, parse_publish
from ..daemon.logs import tail_lines
from .rows import ago, api_ports, displayable_ports, go_time_string, status_text

if TYPE_CHECKING:
    from ..daemon.daemon import Daemon
    from .cli import DockerCLI

COMPOSE_VERSION = "2.40.3"       # the compose plugin every recorded client carried (Debian sid's)
LABEL = "com.docker.compose."
# compose formats ports with Go's net.JoinHostPort whatever the engine ([::]:8080)
JOIN_HOST_PORT = True

GLOBAL_FLAGS = [
    F("file", "f", "list"), F("project-name", "p", "string"), F("project-directory", "", "string"),
    F("profile", "", "list"), F("progress", "", "string"), F("env-file", "", "list"),
    F("ansi", "", "string"), F("parallel", "", "int"), F("dry-run", "", "bool"), F("compatibility", "", "bool"),
    F("all-resources", "", "bool"),
]


class _Event(Record, slots=True):
    kind: str        # "Network" | "Container"
    name: str
    status: str

    def line(self) -> str:
        return f" {self.kind} {self.name}  {self.status}\n"


class _OneOff(Record, slots=True):
    """What ``compose run`` changes in the container it makes from a service (c40, c41): its own
    name (``PROJECT-SERVICE-run-`` and the slug's first 12 hex digits, or ``--name``), the
    command, no ports but ``--service-ports``/``-p``, no service alias on its networks but with
    ``--use-aliases``, a terminal only when compose has one and ``-T`` is not given."""
    name: str
    slug: str
    command: Optional[list[str]]
    entrypoint: Optional[list[str]]
    env: list[str]
    ports: dict[str, list[dict[str, str]]]
    tty: bool
    use_aliases: bool
    auto_remove: bool = False           # --rm: HostConfig.AutoRemove, the engine removes it (c40–c42)
    # -w, -u, -l, --cap-add, --cap-drop: over the service's own (c58)
    workdir: str = ""
    user: str = ""
    labels: tuple[tuple[str, str], ...] = ()
    cap_add: tuple[str, ...] = ()
    cap_drop: tuple[str, ...] = ()


class ComposeCommand(ComposeListings, ComposeConfig, ComposeAttach):
    """One ``docker compose …`` invocation."""

    def __init__(self, cli: "DockerCLI", files: Files) -> None:
        self.cli = cli
        self.d = cli.d
        self.files = files
        self.events: list[_Event] = []
        self.quiet = False
        self.log = ""             # compose's logrus warnings, printed before its progress

    # -- dispatch ---------------------------------------------------------------------------
    def run(self, argv: Sequence[str]) -> Result:
        try:
            parsed = parse(list(argv), GLOBAL_FLAGS + [F("help", "h", "bool"), F("version", "v", "bool")],
                           interspersed=False)
        except FlagError as e:
            return Result("", f"{e}\n", 1)
        self.opts = parsed
        self.quiet = parsed.get("progress") == "quiet"
        if not parsed.args:
            # `docker compose`, `--help`, and `--version`/`-v` too: under the docker CLI the
            # plugin prints its help for those (c43), exit 0
            from .compose_help import USAGE
            return Result(USAGE, "", 0)
        cmd, rest = parsed.args[0], parsed.args[1:]
        table: dict[str, Callable[[list[str]], Result]] = {
            "up": self.up, "down": self.down, "ps": self.ps, "ls": self.ls, "port": self.port,
            "start": self.start, "stop": self.stop, "restart": self.restart, "rm": self.rm,
            "config": self.config, "version": self.version, "exec": self.exec_, "run": self.run_,
            "create": self.create_, "kill": self.kill, "pause": self.pause, "unpause": self.unpause,
            "logs": self.logs, "top": self.top, "images": self.images, "wait": self.wait,
            "scale": self.scale, "stats": self.stats,
        }
        fn = table.get(cmd)
        if fn is None:
            from .compose_help import USAGE
            return Result(USAGE, f'unknown docker command: "compose {cmd}"\n', 1)
        helped = command_help(cmd, rest)
        if helped is not None:
            return helped
        try:
            r = fn(rest)
            # what compose logged as it loaded the files comes first, whatever the command (c49:
            # ps and exec of a file with `version:`)
            if self.log and not r.stderr.startswith(self.log):
                r = Result(r.stdout, self.log + r.stderr, r.exit_code)
            return r
        except ComposeError as e:
            return Result("", self.progress() + f"{e}\n", 1)
        except DockerError as e:
            return Result("", self.progress() + f"Error response from daemon: {e}\n", 1)

    def progress(self) -> str:
        if self.quiet:
            return self.log
        return self.log + "".join(e.line() for e in self.events)

    def done(self, stdout: str = "") -> Result:
        return Result(stdout, self.progress(), 0)

    def event(self, kind: str, name: str, status: str) -> None:
        self.events.append(_Event(kind, name, status))

    def project(self, profiles: Sequence[str] = (), services: Sequence[str] = ()) -> Project:
        o = self.opts
        project = load_project(self.files, o.get("file") or (), o.get("project-name") or "",
                               o.get("project-directory") or "", list(o.get("profile") or ()) + list(profiles),
                               services, o.get("env-file") or ())
        for w in project.warnings:
            self.warn(w)
        return project

    def warn(self, message: str) -> None:
        """A warning as compose logs it (logrus's text format on standard error)."""
        stamp = format_time(self.d.rand.peek_ns()).split(".")[0].rstrip("Z") + "Z"
        quoted = message.replace("\\", "\\\\").replace('"', '\\"')
        self.log += f'time="{stamp}" level=warning msg="{quoted}"\n'

    def project_name(self) -> str:
        """The project's name without needing its files (``-p``), else from them."""
        return self.opts.get("project-name") or self.project().name

    def _sub(self, argv: list[str], flags: list[Flag], interspersed: bool = True) -> "object":
        try:
            return parse(argv, flags + [F("help", "h", "bool")], interspersed=interspersed)
        except FlagError as e:
            raise ComposeError(str(e)) from None

    # -- what the daemon has of a project ---------------------------------------------------
    def containers(self, project: str, all: bool = True, service: str = "", oneoff: bool = False) -> list[Container]:
        """The project's containers (of one service), by name; ``oneoff``: with ``run``'s."""
        out = []
        for c in self.d.container_list(all=True):
            if c.labels.get(LABEL + "project") != project or (not oneoff and _is_oneoff(c)):
                continue
            if service and c.labels.get(LABEL + "service") != service:
                continue
            if not all and c.status != "running":
                continue
            out.append(c)
        return sorted(out, key=lambda c: c.name)

    def container_name(self, project: Project, s: Service, number: int) -> str:
        return s.container_name or f"{project.name}-{s.name}-{number}"

    # -- up ---------------------------------------------------------------------------------
    def orphans(self, project: Project, remove: bool) -> None:
        """Containers of services the files no longer have, and one-off containers that have
        ended (compose's isOrphaned: c41 warns about an exited ``run`` container): removed with
        ``--remove-orphans``, else a warning."""
        known = {s.name for s in project.services} | {s.name for s in project.disabled}
        orphans = [c for c in self.containers(project.name, oneoff=True)
                   if (c.status in ("exited", "dead") if _is_oneoff(c) else c.labels.get(LABEL + "service") not in known)]
        if orphans and remove:
            self.remove_all(orphans[::-1])
        elif orphans:
            self.warn(f"Found orphan containers ([{' '.join(c.name for c in orphans)}]) for this project. If you "
                      f"removed or renamed this service in your compose file, you can run this command with the "
                      f"--remove-orphans flag to clean it up.")

    def up(self, argv: list[str], orphans_checked: bool = True) -> Result:
        pr = self._sub(argv, UP_FLAGS)
        check_up_flags(pr)
        project = self.project(services=pr.args)
        if pr.get("exit-code-from") and pr.get("exit-code-from") not in {s.name for s in project.services}:
            raise ComposeError(f"no such service: {pr.get('exit-code-from')}: not found")          # c48
        selected = list(pr.args)
        for name in selected:
            project.service(name)
        scales: dict[str, int] = {}
        for item in pr.get("scale") or ():
            name, sep, n = item.partition("=")
            if not sep:
                raise ComposeError(f'invalid --scale option "{item}". Should be SERVICE=NUM')
            if not n.lstrip("+-").isdigit():
                raise ComposeError(f'strconv.Atoi: parsing "{n}": invalid syntax')       # c44
            if name not in {s.name for s in project.services}:
                raise ComposeError(f"no such service: {name}: not found")
            scales[name] = int(n)
            if int(n) > 1 and project.service(name).container_name:
                raise ComposeError(f'WARNING: The "{name}" service is using the custom container name '
                                   f'"{project.service(name).container_name}". Docker requires each container '
                                   f"to have a unique name. Remove the custom name to scale the service")
        services = project.ordered(selected or None) if not pr.get("no-deps") else \
            [s for s in project.ordered() if s.name in selected]
        networks = self.ensure_networks(project, services)
        if orphans_checked:
            self.orphans(project, bool(pr.get("remove-orphans")))
        to_start: list[Container] = []
        for s in self._by_level(project, services, scales, bool(pr.get("force-recreate"))):
            want = scales.get(s.name, s.scale)
            existing = [c for c in self.containers(project.name, service=s.name)]
            extra = sorted(existing, key=_number)[want:][::-1]
            for n in range(1, want + 1):
                name = self.container_name(project, s, n)
                found = next((c for c in existing if c.name == name), None)
                wanted_hash = self.config_hash(project, s)
                force = bool(pr.get("force-recreate")) and (not selected or s.name in selected)
                if found is not None and (found.labels.get(LABEL + "config-hash") != wanted_hash or force) \
                        and not pr.get("no-recreate"):
                    self.event("Container", name, "Recreate")
                    self.d.container_stop(found.id)
                    self.d.container_remove(found.id, force=True)
                    c = self.create(project, s, n, networks)
                    self.event("Container", name, "Recreated")
                    to_start.append(c)
                elif found is not None:
                    if found.status == "running":
                        self.event("Container", name, "Running")
                    else:
                        to_start.append(found)
                else:
                    self.event("Container", name, "Creating")
                    c = self.create(project, s, n, networks)
                    self.event("Container", name, "Created")
                    to_start.append(c)
            self.remove_all(extra)
        if pr.get("no-start"):
            return self.done()
        if not (pr.get("detach") or pr.get("wait")):
            return self.attached(project, services, scales, to_start, pr)
        started = {s.name for s in services}
        for s in self._by_level(project, services, scales, False):
            self.wait_dependencies(project, s, started)
            self._start_service(s, to_start)
        if pr.get("wait"):
            self.wait_up(project, services)
        return self.done()

    def wait_up(self, project: Project, services: Sequence[Service]) -> None:
        """``up --wait``: each container ``Waiting``, then, as each is done, ``Healthy`` (its check
        passed, or it runs and has none) or ``Exited`` (it ended with 0); the first failure (no
        check where one is disabled, unhealthy, a non-zero exit) is said once all are done (c52, c53)."""
        names = {s.name for s in services}
        cs = [c for c in self.containers(project.name) if c.labels.get(LABEL + "service") in names]
        for c in cs:
            self.event("Container", c.name, "Waiting")
        errors: list[str] = []
        later = []
        for c in cs:
            if c.healthcheck is not None and c.health is not None and c.running:
                later.append(c)
                continue
            if c.status in ("exited", "dead"):
                if c.exit_code != 0:
                    errors.append(f"container {c.name} exited ({c.exit_code})")
                else:
                    self.event("Container", c.name, "Exited")
            elif c.healthcheck is not None and c.healthcheck.disabled:
                errors.append(f"container {c.name} has no healthcheck configured")
            else:
                self.event("Container", c.name, "Healthy")
        for c in later:
            error = self.wait_healthy(c)
            if error:
                errors.append(error)
            else:
                self.event("Container", c.name, "Healthy")
        if errors:
            raise ComposeError(errors[0])

    def _start_service(self, s: Service, to_start: Sequence[Container]) -> None:
        for c in to_start:
            if c.labels.get(LABEL + "service") == s.name:
                self.event("Container", c.name, "Starting")
                self.d.container_start(c.id)
                self.event("Container", c.name, "Started")
                self.cli.main_process(c.id)

    def wait_dependencies(self, project: Project, s: Service, started: set[str]) -> None:
        """Before a service starts (running already or not), compose waits for each dependency
        of this run (not with ``--no-deps``) whose condition asks it to:
        ``service_completed_successfully`` waits for the dependency's command to end (c35:
        ``Waiting``, then ``Exited``), and fails on a non-zero status (c38)."""
        for dep in s.depends_on:
            if dep.condition == "service_healthy" and dep.service in started:
                for c in self.containers(project.name, service=dep.service):
                    self.event("Container", c.name, "Waiting")
                    error = self.wait_healthy(c)
                    if error:
                        self.event("Container", c.name, "Error")          # (c51)
                        raise ComposeError("dependency failed to start: " + error)
                    self.event("Container", c.name, "Healthy")
                continue
            if dep.condition != "service_completed_successfully" or dep.service not in started:
                continue
            for c in self.containers(project.name, service=dep.service):
                self.event("Container", c.name, "Waiting")
                if c.status == "running":
                    # a command that does not end by itself as far as the model can tell: waiting
                    # for it is where it runs to its end (in the shell's userland when there is one)
                    self.cli.run_main(c.id)
                    c = self.d.find_container(c.id)
                if c.exit_code != 0:
                    error = f'service "{dep.service}" didn\'t complete successfully: exit {c.exit_code}'
                    self.event("Container", c.name, error)
                    raise ComposeError(error)
                self.event("Container", c.name, "Exited")

    def wait_healthy(self, c: Container) -> str:
        """compose's wait for a dependency's health (convergence.go, c50, c51): time passes, the
        daemon probing, until the container is healthy ("") or what went wrong is known: no check
        configured, unhealthy, or exited."""
        from ..daemon.health import HEALTHY, STARTING, let_time_pass

        def verdict() -> Optional[str]:
            cur = self.d.find_container(c.id)
            if cur.healthcheck is None or cur.healthcheck.probe_argv() is None and cur.health is None:
                return f"container {cur.name} has no healthcheck configured"
            if cur.status in ("exited", "dead"):
                return f"container {cur.name} exited ({cur.exit_code})"
            if cur.health is not None and cur.health.status == HEALTHY:
                return ""
            if cur.health is not None and cur.health.status != STARTING:
                return f"container {cur.name} is unhealthy"
            if cur.health is None or not cur.health.next_ns:
                return f"container {cur.name} is unhealthy"
            return None

        for _ in range(MAX_WAIT_STEPS):
            found = verdict()
            if found is not None:
                return found
            # compose looks every half second; the model lets time pass to the next probe
            due = self.d.find_container(c.id).health
            let_time_pass(self.d, max(due.next_ns - self.d.rand.peek_ns(), 0) if due else 0, self.cli.probe)
        return f"container {c.name} is unhealthy"

    def _by_level(self, project: Project, services: Sequence[Service], scales: dict[str, int],
                  force: bool) -> list[Service]:
        """The services as compose's parallel convergence reports them: level by level of the
        dependency graph, and within a level those with nothing to do ("Running", no API call)
        before those it creates."""
        level: dict[str, int] = {}
        for s in services:                                  # dependencies come first
            deps = [d.service for d in s.depends_on] + _mode_dependencies(s)
            level[s.name] = 1 + max((level.get(d, -1) for d in deps), default=-1)

        def idle(s: Service) -> bool:
            cs = self.containers(project.name, service=s.name)
            want = scales.get(s.name, s.scale)
            return not force and len(cs) == want and all(
                c.status == "running" and c.labels.get(LABEL + "config-hash") == self.config_hash(project, s)
                for c in cs)

        order = {s.name: i for i, s in enumerate(services)}
        return sorted(services, key=lambda s: (level[s.name], not idle(s), order[s.name]))

    def ensure_networks(self, project: Project, services: Sequence[Service]) -> dict[str, str]:
        """Each network the services use, created unless it exists: key -> Docker name."""
        used = {n.key for s in services for n in s.networks}
        names: dict[str, str] = {}
        for net in project.networks:
            if net.key not in used:
                continue
            names[net.key] = net.name
            try:
                found = self.d.network_get(net.name)
            except NotFound:
                found = None
            if found is not None and not net.external and \
                    found.labels.get(LABEL + "project") == project.name and \
                    found.labels.get(LABEL + "config-hash") not in (None, self.network_hash(net)):
                attached = self.remove_diverged_network(project, net)
            elif found is not None:
                continue
            else:
                attached = []
            if net.external:
                raise ComposeError(f"network {net.name} declared as external, but could not be found")
            self.event("Network", net.name, "Creating")
            try:
                self._create_network(project, net)
            except DockerError as e:
                self.event("Network", net.name, "Error")
                raise ComposeError(f"failed to create network {net.name}: Error response from daemon: {e}") from None
            self.event("Network", net.name, "Created")
            for c in attached:          # the stopped containers join the new network, to start later
                s = project.service(c.labels.get(LABEL + "service", ""))
                for n in s.networks:
                    if n.key == net.key:
                        self.d.network_connect(net.name, c.id, self.endpoint(c.name, s, n))
        return names

    def remove_diverged_network(self, project: Project, net: NetworkConfig) -> list[Container]:
        """A network of the project whose definition changed (c36): compose stops the containers of
        the services on it, disconnects them and removes it, saying only ``Removed``. Returns
        those containers."""
        rank = {s.name: i for i, s in enumerate(project.ordered()) if any(n.key == net.key for n in s.networks)}
        cs = sorted((c for c in self.containers(project.name) if c.labels.get(LABEL + "service") in rank),
                    key=lambda c: rank[c.labels.get(LABEL + "service", "")])
        self._stop(cs)
        for c in cs:
            if net.name in self.d.find_container(c.id).networks:
                self.d.network_disconnect(net.name, c.id)
        self.d.network_remove(net.name)
        self.event("Network", net.name, "Removed")
        return cs

    def _create_network(self, project: Project, net: NetworkConfig) -> None:
        self.d.network_create(net.name, driver=net.driver or "bridge", options=dict(net.driver_opts),
                                  ipam_config=[_ipam(p) for p in net.ipam], ipam_driver=net.ipam_driver or "default",
                                  internal=net.internal, attachable=net.attachable, enable_ipv6=net.enable_ipv6,
                                  enable_ipv4=net.enable_ipv4,
                                  labels=self.network_labels(project, net))

    def network_hash(self, net: NetworkConfig) -> str:
        return _hash(repr(net))

    def network_labels(self, project: Project, net: NetworkConfig) -> dict[str, str]:
        labels = dict(net.labels)
        labels[LABEL + "config-hash"] = self.network_hash(net)
        labels[LABEL + "network"] = net.key
        labels[LABEL + "project"] = project.name
        labels[LABEL + "version"] = COMPOSE_VERSION
        return dict(sorted(labels.items()))

    def config_hash(self, project: Project, s: Service) -> str:
        """The service's own definition, as compose hashes it (``config --hash``, c43): a change
        to a network it uses recreates the network, not the container (c36), and neither does a
        change to its ``depends_on`` or ``profiles``."""
        return service_hash(s)

    def container_labels(self, project: Project, s: Service, number: int,
                         oneoff: Optional[_OneOff] = None) -> dict[str, str]:
        labels = dict(s.labels)
        image = self.d.image(s.image or "busybox")
        labels.update({
            LABEL + "config-hash": self.config_hash(project, s),
            **({LABEL + "slug": oneoff.slug} if oneoff else {LABEL + "container-number": str(number)}),
            LABEL + "depends_on": ",".join(f"{d.service}:{d.condition}:{str(d.restart).lower()}"
                                           for d in s.depends_on),
            LABEL + "image": "sha256:" + image.id,
            LABEL + "oneoff": "True" if oneoff else "False",
            LABEL + "project": project.name,
            LABEL + "project.config_files": ",".join(project.config_files),
            LABEL + "project.working_dir": project.working_dir,
            LABEL + "service": s.name,
            LABEL + "version": COMPOSE_VERSION,
        })
        return dict(sorted(labels.items()))

    def create(self, project: Project, s: Service, number: int, networks: dict[str, str],
               oneoff: Optional[_OneOff] = None) -> Container:
        name = oneoff.name if oneoff else self.container_name(project, s, number)
        ordered = sorted(s.networks, key=lambda n: (-n.priority, networks.get(n.key, n.key)))
        endpoints: dict[str, EndpointSpec] = {}
        for n in ordered:
            endpoints[networks[n.key]] = self.endpoint(name, s, n, aliases=not oneoff or oneoff.use_aliases)
        mode = s.network_mode
        if mode.startswith("service:"):
            donor = self.containers(project.name, service=mode[len("service:"):])
            mode = f"container:{donor[0].id}" if donor else mode
        elif not mode and ordered:
            mode = networks[ordered[0].key]
        all_at_create = _api_at_least(self.d.profile.api_version, 1, 44)
        first = dict(list(endpoints.items())[:1]) if not all_at_create else endpoints
        bindings = _bindings(s)
        command = list(s.command) if s.command is not None else None
        entrypoint = list(s.entrypoint) if s.entrypoint is not None else None
        if oneoff:
            bindings = oneoff.ports
            command = oneoff.command or command
            entrypoint = oneoff.entrypoint if oneoff.entrypoint is not None else entrypoint
        spec = ContainerSpec(
            image=s.image or "busybox", cmd=command, entrypoint=entrypoint, name=name,
            hostname=s.hostname, domainname=s.domainname, network_mode=mode,
            networks=first if not s.network_mode else {}, port_bindings=bindings,
            expose=list(s.expose), dns=list(s.dns) or None, dns_search=list(s.dns_search) or None,
            extra_hosts=list(s.extra_hosts), links=self.links(project, s), mac_address=s.mac_address,
            tty=oneoff.tty if oneoff else s.tty, open_stdin=s.stdin_open,
            labels=self.container_labels(project, s, number, oneoff),
            # a key set nowhere goes to the engine bare, which keeps it so in Config.Env (c39)
            env=_env_over(list(s.environment), oneoff.env if oneoff else []),
            user=oneoff.user if oneoff and oneoff.user else s.user,
            auto_remove=oneoff.auto_remove if oneoff else False, sysctls=dict(s.sysctls),
            dns_options=list(s.dns_opt) or None, working_dir=oneoff.workdir if oneoff and oneoff.workdir
            else s.working_dir, privileged=s.privileged,
            readonly_rootfs=s.read_only, init=s.init, stop_signal=s.stop_signal,
            stop_timeout=duration_nanos(s.stop_grace_period) // 10**9 if s.stop_grace_period else None,
            healthcheck=engine_healthcheck(s.healthcheck))
        spec.cap_add, spec.cap_drop = effective_capabilities(
            [*s.cap_add, *(oneoff.cap_add if oneoff else ())], [*s.cap_drop, *(oneoff.cap_drop if oneoff else ())])
        spec.ipc_mode, spec.pid_mode = self.shared_mode(project, s.ipc), self.shared_mode(project, s.pid)
        spec.tmpfs = {path: opts for path, _, opts in (t.partition(":") for t in s.tmpfs)}
        spec.ulimits = [Ulimit(name, hard, soft) for name, soft, hard, _ in sorted(s.ulimits)] or None
        spec.log_driver, spec.log_options = s.log_driver, dict(sorted(s.log_options))
        if oneoff and oneoff.labels:
            spec.labels = dict(sorted({**spec.labels, **dict(oneoff.labels)}.items()))
        if not oneoff or not oneoff.auto_remove:
            spec.restart_name, spec.restart_max_retries = restart_policy(s.restart)
        try:
            cid, _warnings = self.d.container_create(spec)
        except DockerError as e:
            self.event("Container", name, f"Error response from daemon: {e}")
            raise
        if not s.network_mode:
            for net_name, ep in list(endpoints.items())[len(first):]:
                self.d.network_connect(net_name, cid, ep)
        return self.d.find_container(cid)

    def shared_mode(self, project: Project, mode: str) -> str:
        """``ipc``/``pid``: ``service:NAME`` is its first container's, ``container:ID`` (c59)."""
        if mode.startswith("service:"):
            donor = self.containers(project.name, service=mode[len("service:"):])
            return f"container:{donor[0].id}" if donor else mode
        return mode

    def endpoint(self, name: str, s: Service, n: ServiceNetwork, aliases: bool = True) -> EndpointSpec:
        """The endpoint compose asks for on one of the service's networks (a one-off container
        of ``run`` answers only to its own name: c40's ``nslookup db`` finds the service's one)."""
        return EndpointSpec(ipv4=n.ipv4_address, ipv6=n.ipv6_address,
                            aliases=[name, s.name, *n.aliases] if aliases else [name],
                            mac=n.mac_address, gw_priority=n.gw_priority, link_local_ips=list(n.link_local_ips))

    def links(self, project: Project, s: Service) -> list[str]:
        out = []
        for link in s.links:
            target, _, alias = link.partition(":")
            for c in self.containers(project.name, service=target):
                out.append(f"{c.name}:{alias or target}")
        out.extend(s.external_links)
        return out

    def remove(self, c: Container) -> None:
        """Stop and remove one container (compose stops it whatever its state)."""
        self.remove_all([c])

    def remove_all(self, cs: Sequence[Container]) -> None:
        """Stop and remove containers together: compose does it in parallel, every stop asked
        before the first ends (the order one run of the recordings shows)."""
        for c in cs:
            self.event("Container", c.name, "Stopping")
        for c in cs:
            if c.status == "running":
                self.d.container_stop(c.id)
            self.event("Container", c.name, "Stopped")
            self.event("Container", c.name, "Removing")
            self.d.container_remove(c.id, force=True)
            self.event("Container", c.name, "Removed")

    # -- down, start, stop, restart, rm -------------------------------------------------------
    def down(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("remove-orphans", "", "bool"), F("volumes", "v", "bool"), F("rmi", "", "string"),
                              F("timeout", "t", "int")])
        if pr.get("rmi") not in (None, "", "local", "all"):
            raise ComposeError(f'invalid value for --rmi: "{pr.get("rmi")}"')          # c44
        # compose's projectOrName: with -p and no -f, the project is what exists under that name
        project: Optional[Project] = None
        if self.opts.get("file") or not self.opts.get("project-name"):
            project = self.project()
        name = project.name if project else self.opts.get("project-name")
        # one-off containers go only with --remove-orphans, running or not (c40; c42 keeps them)
        cs = self.containers(name, oneoff=bool(pr.get("remove-orphans")))
        order = [s.name for s in project.ordered()] if project else _order_from_labels(cs)
        rank = {n: i for i, n in enumerate(order)}
        for c in sorted(cs, key=lambda c: (-rank.get(c.labels.get(LABEL + "service", ""), -1), c.name)):
            if project is None or c.labels.get(LABEL + "service") in rank or pr.get("remove-orphans"):
                self.remove(c)
        ours = [net for net in self.d.network_list() if net.labels.get(LABEL + "project") == name]
        wanted = [n.name for n in project.networks if not n.external] if project else [n.name for n in ours]
        for net in ours:
            if net.name in wanted:
                self.event("Network", net.name, "Removing")
                if net.endpoints:
                    # a one-off left running (c58): the engine refuses, compose says so and goes on
                    self.event("Network", net.name, "Resource is still in use")
                    continue
                self.d.network_remove(net.id)
                self.event("Network", net.name, "Removed")
        if not cs and not wanted:
            self.warn(f'Warning: No resource found to remove for project "{name}".')
        return self.done()

    def _service_containers(self, argv: list[str], dependents: bool = False,
                            dependencies: bool = False) -> tuple[Project, list[Container]]:
        """The containers of the named services (all when none is named), in dependency order;
        with ``dependents``, also those of services that ask to restart with them; with
        ``dependencies``, also those of the services they depend on."""
        project = self.project()
        for name in argv:
            project.service(name)
        wanted = set(argv) if argv else {s.name for s in project.services}
        if dependencies:
            wanted = {s.name for s in project.ordered(sorted(wanted))}
        if dependents:
            for s in project.ordered():
                if any(d.restart and d.service in wanted for d in s.depends_on):
                    wanted.add(s.name)
        order = [s.name for s in project.ordered() if s.name in wanted]
        rank = {n: i for i, n in enumerate(order)}
        cs = [c for c in self.containers(project.name) if c.labels.get(LABEL + "service") in rank]
        return project, sorted(cs, key=lambda c: (rank[c.labels.get(LABEL + "service", "")], c.name))

    def start(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("wait", "", "bool")])
        _, cs = self._service_containers(list(pr.args), dependencies=True)   # c33: start web starts db
        for c in cs:
            if c.status != "running":
                self.event("Container", c.name, "Starting")
                self.d.container_start(c.id)
                self.event("Container", c.name, "Started")
                self.cli.main_process(c.id)
        return self.done()

    def stop(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("timeout", "t", "int")])
        _, cs = self._service_containers(list(pr.args))
        self._stop(cs)
        return self.done()

    def _stop(self, cs: Sequence[Container]) -> None:
        """Stop these containers (given in dependency order), dependents first: compose asks the
        engine to stop each, created and exited ones too, and reports each (r177)."""
        for c in reversed(cs):
            self.event("Container", c.name, "Stopping")
            self.d.container_stop(c.id)
            self.event("Container", c.name, "Stopped")

    def restart(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("timeout", "t", "int"), F("no-deps", "", "bool")])
        _, cs = self._service_containers(list(pr.args), dependents=not pr.get("no-deps"))
        for c in cs:
            self.event("Container", c.name, "Restarting")
            self.d.container_restart(c.id)
            self.event("Container", c.name, "Started")
            self.cli.main_process(c.id)
        return self.done()

    def rm(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("force", "f", "bool"), F("stop", "s", "bool"), F("volumes", "v", "bool")])
        _, cs = self._service_containers(list(pr.args))
        if pr.get("stop"):
            self._stop(cs)
        stopped = [c for c in cs if c.status != "running"]
        if not stopped:
            return Result("", self.progress() + "No stopped containers\n", 0)
        # compose names them as the daemon lists them (newest first), then removes them together
        listed = sorted(stopped, key=lambda c: -c.created_ns)
        for c in stopped:
            self.event("Container", c.name, "Removing")
        for c in stopped:
            self.d.container_remove(c.id, force=True)
            self.event("Container", c.name, "Removed")
        return Result(f"Going to remove {', '.join(c.name for c in listed)}\n", self.progress(), 0)

    # -- ps, ls, port, config, version, exec ----------------------------------------------------
    def ps(self, argv: list[str]) -> Result:
        from .templates import render_rows
        from .rows import _shell_word
        pr = self._sub(argv, [F("all", "a", "bool"), F("quiet", "q", "bool"), F("services", "", "bool"),
                              F("format", "", "string"), F("filter", "", "list"), F("status", "", "list"),
                              F("no-trunc", "", "bool"), F("orphans", "", "bool")])
        project = self.project()
        for name in pr.args:
            project.service(name)
        states = list(pr.get("status") or ()) + [f.partition("=")[2] for f in pr.get("filter") or ()
                                                  if f.partition("=")[0] == "status"]
        # one-off containers only with --all (c40)
        cs = [c for c in self.containers(project.name, all=bool(pr.get("all")) or bool(states),
                                         oneoff=bool(pr.get("all")))
              if (not pr.args or c.labels.get(LABEL + "service") in pr.args) and (not states or c.state in states)]
        if pr.get("services"):
            # in the order of their containers' names (compose sorts its ps rows by name: c49's
            # container_name "mydb" comes after app-web-1)
            names = list(dict.fromkeys(c.labels.get(LABEL + "service", "") for c in cs))
            return Result("".join(n + "\n" for n in names), "", 0)
        if pr.get("quiet"):
            return Result("".join(c.id + "\n" for c in cs), "", 0)
        rows = []
        for c in cs:
            ports = displayable_ports(api_ports(c), JOIN_HOST_PORT)
            cmd = '"' + " ".join(_shell_word(a) for a in c.cmd) + '"' if c.cmd else '""'
            # the names in the API's NetworkSettings.Networks: none for a container: namespace
            nets = [] if c.network_mode.startswith("container:") else \
                sorted(c.networks) if c.network_mode not in ("host", "none") else [c.network_mode]
            rows.append({
                "ID": c.id, "Name": c.name, "Image": c.image_ref, "Command": cmd,
                "Project": c.labels.get(LABEL + "project", ""), "Service": c.labels.get(LABEL + "service", ""),
                "State": c.state, "Status": _status(self.d, c),
                "Health": c.health.status if c.health is not None else "", "ExitCode": c.exit_code,
                "Ports": ports, "Networks": ",".join(nets), "RunningFor": _ago(self.d, c),
                "CreatedAt": "", "Labels": ",".join(f"{k}={v}" for k, v in c.labels.items()),
                "LocalVolumes": "0", "Mounts": "", "Size": "0B",
            })
        fmt = pr.get("format") or "table"
        if fmt == "json":
            # compose 2.40 prints each summary with its keys sorted, the short ID, Names, the second
            # it was created and its Publishers (c40; a published port's entry is not recorded)
            docs = [dict(sorted({**r, "ID": c.short_id, "Names": c.name,
                                 "CreatedAt": go_time_string(c.created_ns // 10**9 * 10**9),
                                 "Publishers": [{"URL": ip, "TargetPort": priv, "PublishedPort": pub, "Protocol": typ}
                                                for ip, priv, pub, typ in api_ports(c)]}.items()))
                    for r, c in zip(rows, cs)]
            return Result("".join(json.dumps(doc, separators=(",", ":")) + "\n" for doc in docs), "", 0)
        if fmt == "table":
            fmt = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}"
        headers = {"Name": "NAME", "Image": "IMAGE", "Command": "COMMAND", "Service": "SERVICE",
                   "RunningFor": "CREATED", "Status": "STATUS", "Ports": "PORTS", "State": "STATE",
                   "Networks": "NETWORKS", "Project": "PROJECT", "ID": "CONTAINER ID", "Health": "HEALTH",
                   "ExitCode": "EXIT CODE", "CreatedAt": "CREATED AT"}
        from ..golang.template import Struct
        return Result(render_rows(fmt, [Struct("formatter.ContainerContext", r) for r in rows], headers,
                                  profile=self.d.profile), "", 0)

    def ls(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("all", "a", "bool"), F("quiet", "q", "bool"), F("format", "", "string"),
                              F("filter", "", "list")])
        fmt = (pr.get("format") or "").lower()
        if fmt not in ("", "table", "pretty", "json"):           # no templates for ls (c49)
            raise ComposeError(f'format value "{pr.get("format")}" could not be parsed: parsing failed')
        names: list[str] = []
        for f in pr.get("filter") or ():
            key, _, value = f.partition("=")
            if key != "name":
                raise ComposeError(f"invalid filter '{key}'")
            names.append(value)
        projects: dict[str, list[Container]] = {}
        for c in self.d.container_list(all=True):
            p = c.labels.get(LABEL + "project")
            # without -a only running containers are listed, and a project is what they show
            if p and (pr.get("all") or c.status == "running"):
                projects.setdefault(p, []).append(c)
        rows = []
        for name in sorted(projects):
            if names and not any(n in name for n in names):
                continue
            cs = projects[name]
            states: dict[str, int] = {}
            for c in cs:
                states[c.state] = states.get(c.state, 0) + 1
            status = ", ".join(f"{k}({v})" for k, v in sorted(states.items()))
            files = cs[0].labels.get(LABEL + "project.config_files", "")
            rows.append((name, status, files))
        if pr.get("quiet"):
            return Result("".join(r[0] + "\n" for r in rows), "", 0)
        if fmt == "json":
            doc = [{"Name": n, "Status": s, "ConfigFiles": f} for n, s, f in rows]
            return Result(json.dumps(doc, separators=(",", ":")) + "\n", "", 0)
        # compose's ls writes through a tabwriter with a minimum width of 20
        table = "".join(f"{a}\t{b}\t{c}\n" for a, b, c in [("NAME", "STATUS", "CONFIG FILES")] + rows)
        return Result(tabwrite(table, minwidth=20, tabwidth=1, padding=3), "", 0)

    def logs(self, argv: list[str]) -> Result:
        """``compose logs [SERVICE…]``: every line of each container's log (both streams, on
        stdout), after ``NAME | `` where NAME is the container's name without the project's (the
        service and its number) padded to one more than the longest shown (compose's
        formatter/logs.go); ``--no-log-prefix`` leaves it out, ``-n/--tail`` keeps the last lines
        of each container (c40)."""
        pr = self._sub(argv, [F("follow", "f", "bool"), F("no-color", "", "bool"), F("no-log-prefix", "", "bool"),
                              F("tail", "n", "string"), F("timestamps", "t", "bool"), F("since", "", "string"),
                              F("until", "", "string"), F("index", "", "int")])
        project, cs = self._service_containers(list(pr.args))
        names = {c.id: c.name[len(project.name) + 1:] if c.name.startswith(project.name + "-") else c.name
                 for c in cs}
        width = max((len(n) for n in names.values()), default=0) + 1
        out = []
        for c in cs:
            prefix = "" if pr.get("no-log-prefix") else f"{names[c.id]:<{width}} | "
            out += [prefix + line for _, line in tail_lines(self.d.container_logs(c.id), pr.get("tail") or "all")]
        return Result("".join(out), "", 0)

    def port(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("protocol", "", "string"), F("index", "", "int")])
        if len(pr.args) != 2:
            raise ComposeError("accepts 2 arg(s), received %d" % len(pr.args))
        service, private = pr.args
        if not private.isdigit():
            raise ComposeError(f'strconv.ParseUint: parsing "{private}": invalid syntax')
        project = self.project()
        index = pr.get("index") or 1
        cs = [c for c in self.containers(project.name, service=service)
              if c.labels.get(LABEL + "container-number") == str(index)]
        if not cs or cs[0].status != "running":
            raise ComposeError(f'service "{service}" is not running')
        proto = pr.get("protocol") or "tcp"
        ports = api_ports(cs[0])
        for ip, priv, pub, typ in ports:
            if priv == int(private) and typ == proto:
                return Result(f"{ip}:{pub}\n", "", 0)
        listed = ", ".join(f"{pub}/{typ}" for ip, priv, pub, typ in ports if pub)
        raise ComposeError(f"no port {private}/{proto} for container {cs[0].name}: {listed}")

    def exec_(self, argv: list[str]) -> Result:
        pr = parse(argv, [F("detach", "d", "bool"), F("no-TTY", "T", "bool"), F("index", "", "int"),
                          F("user", "u", "string"), F("workdir", "w", "string"), F("env", "e", "list"),
                          F("privileged", "", "bool"), F("help", "h", "bool")], interspersed=False)
        if not pr.args:
            raise ComposeError('"docker compose exec" requires at least 2 arguments.')
        service, cmd = pr.args[0], pr.args[1:]
        project = self.project()
        index = pr.get("index") or 1
        cs = [c for c in self.containers(project.name, all=False, service=service)
              if c.labels.get(LABEL + "container-number") == str(index)]
        if not cs:
            raise ComposeError(f'service "{service}" is not running')
        # compose asks for a terminal only when it has one: from a script the command just runs
        tty = not pr.get("no-TTY") and self.cli.tty
        flags = (["-i", "-t"] if tty else []) + [a for e in pr.get("env") or () for a in ("-e", e)]
        flags += ["-w", pr.get("workdir")] if pr.get("workdir") else []
        flags += ["-u", pr.get("user")] if pr.get("user") else []
        if self.cli.execute is None:
            raise ComposeError("exec needs a shell to run in")
        # compose names the container by its ID to the engine (c40: a paused one's error shows it)
        return self.cli.execute([*flags, cs[0].id, *cmd])

    # -- run, create, kill, pause, unpause --------------------------------------------------------
    def run_(self, argv: list[str]) -> Result:
        """``compose run SERVICE [COMMAND…]``: a one-off container of the service (c40, c41). The
        service's networks are created if missing, its dependencies converge as ``up`` makes them
        (``Running``, or created and started), then the container is created and started without
        a progress line of its own; attached, the command's output and exit status are compose's
        (a failing status adds an empty line on stderr, as compose prints its empty error)."""
        pr = self._sub(argv, [F("detach", "d", "bool"), F("rm", "", "bool"), F("no-TTY", "T", "bool"),
                          F("interactive", "i", "bool"), F("tty", "t", "bool"), F("name", "", "string"),
                          F("env", "e", "list"), F("env-from-file", "", "list"), F("label", "l", "list"),
                          F("no-deps", "", "bool"), F("service-ports", "", "bool"), F("publish", "p", "list"),
                          F("entrypoint", "", "string"), F("workdir", "w", "string"), F("user", "u", "string"),
                          F("volume", "v", "list"), F("use-aliases", "", "bool"), F("quiet-pull", "", "bool"),
                          F("quiet", "q", "bool"), F("build", "", "bool"), F("pull", "", "string"),
                          F("remove-orphans", "", "bool"), F("cap-add", "", "list"), F("cap-drop", "", "list")],
                       interspersed=False)
        if not pr.args:
            raise ComposeError("requires at least 1 arg(s), only received 0")      # c42
        project = self.project()
        s = project.service(pr.args[0])
        try:
            ports = parse_publish(pr.get("publish") or (), self.d.profile)
        except ValueError as e:             # go-connections' words, as compose passes them on (not recorded)
            raise ComposeError(str(e)) from None
        for key, bound in (_bindings(s) if pr.get("service-ports") else {}).items():
            ports.setdefault(key, []).extend(bound)
        entrypoint = _shell_words(pr.get("entrypoint") or "")
        self.orphans(project, bool(pr.get("remove-orphans")))
        networks = self.ensure_networks(project, [s])
        deps = [d.service for d in s.depends_on]
        if deps and not pr.get("no-deps"):
            self.up(["-d", *deps], orphans_checked=False)
        slug = self.d.rand.object_id()
        oneoff = _OneOff(name=pr.get("name") or f"{project.name}-{s.name}-run-{slug[:12]}", slug=slug,
                         command=pr.args[1:] or None, entrypoint=entrypoint or None,
                         env=list(pr.get("env") or ()), ports=ports,
                         tty=not pr.get("no-TTY") and self.cli.tty, use_aliases=bool(pr.get("use-aliases")),
                         auto_remove=bool(pr.get("rm")), workdir=pr.get("workdir") or "", user=pr.get("user") or "",
                         labels=tuple(tuple(item.partition("=")[::2]) for item in pr.get("label") or ()),
                         cap_add=tuple(pr.get("cap-add") or ()), cap_drop=tuple(pr.get("cap-drop") or ()))
        c = self.create(project, s, 0, networks, oneoff)
        self.cli.start_container(c.id)  # (with --rm, a start that fails removes it: the engine's AutoRemove, c42)
        if pr.get("detach"):
            return self.done(c.id + "\n")
        r = Result("", "", 0)
        if self.cli.execute is not None:
            r = self.cli.execute([c.id, *c.argv])
        self.d.container_exited(c.id, r.exit_code)     # (with --rm the engine removes it now)
        return Result(r.stdout, self.progress() + r.stderr + ("\n" if r.exit_code else ""), r.exit_code)

    def scale(self, argv: list[str]) -> Result:
        """``compose scale SERVICE=REPLICAS…`` (c57): each service set to its count, then what
        ``up -d`` of those services does (their dependencies too, but with ``--no-deps``)."""
        pr = self._sub(argv, [F("no-deps", "", "bool")])
        if not pr.args:
            raise ComposeError("requires at least 1 arg(s), only received 0")
        scales: dict[str, str] = {}
        for arg in pr.args:
            name, sep, n = arg.partition("=")
            if not sep or not name or not n:
                raise ComposeError(f"invalid scale specifier: {arg}")
            if not n.lstrip("+-").isdigit():
                raise ComposeError(f"invalid scale specifier: can't parse replica value as int: {arg}")
            scales[name] = n
        names = sorted(scales)
        return self.up(["-d", *(["--no-deps"] if pr.get("no-deps") else []),
                        *(f"--scale={k}={scales[k]}" for k in names), *names])

    def stats(self, argv: list[str]) -> Result:
        """``compose stats [SERVICE]`` (c57): ``docker stats`` of the containers labelled with the
        project (and the service: one that does not exist shows none), one-off ones too."""
        from .lifecycle import STATS_HEADERS, STATS_TABLE
        from .templates import render_rows, row_context
        pr = self._sub(argv, [F("all", "a", "bool"), F("format", "", "string"), F("no-stream", "", "bool"),
                              F("no-trunc", "", "bool")])
        if len(pr.args) > 1:
            raise ComposeError(f"accepts at most 1 arg(s), received {len(pr.args)}")
        if not pr.get("no-stream"):
            return Result("", "dockernet_sim: docker compose stats: a live view: not simulated (add --no-stream)\n", 2)
        name = self.project_name()
        service = pr.args[0] if pr.args else ""
        cs = [c for c in self.d.container_list(all=bool(pr.get("all")))
              if c.labels.get(LABEL + "project") == name
              and (not service or c.labels.get(LABEL + "service") == service)]
        trunc = not pr.get("no-trunc")
        rows = [row_context("*container.statsContext", self.cli._lifecycle()._stats_row(c.id[:12], c, trunc)) for c in cs]
        fmt = pr.get("format") or STATS_TABLE
        fmt = STATS_TABLE if fmt == "table" else fmt
        return Result(render_rows(fmt, rows, STATS_HEADERS, "*container.statsContext", profile=self.cli.p), "", 0)

    def create_(self, argv: list[str]) -> Result:
        """``compose create``: ``up`` without starting anything (c40: running ones say ``Running``)."""
        return self.up(["--no-start", *argv])

    def kill(self, argv: list[str]) -> Result:
        """``compose kill [-s SIGNAL]``: every running container of the services, one-off ones
        too (c40), together: all asked, then each ``Killed`` or ``Error while Killing``, and the
        first refusal is compose's error (c42: a bad signal)."""
        pr = self._sub(argv, [F("signal", "s", "string"), F("remove-orphans", "", "bool")])
        project = self.project()
        wanted = {project.service(n).name for n in pr.args} or {s.name for s in project.services}
        cs = sorted((c for c in self.containers(project.name, all=False, oneoff=True)
                     if c.labels.get(LABEL + "service") in wanted), key=_is_oneoff)
        if not cs:
            return Result("", self.progress() + "no container to kill", 0)
        for c in cs:
            self.event("Container", c.name, "Killing")
        failed: list[DockerError] = []
        for c in cs:
            try:
                self.d.container_kill(c.id, pr.get("signal") or "KILL")
            except DockerError as e:
                failed.append(e)
                self.event("Container", c.name, "Error while Killing")
                continue
            self.event("Container", c.name, "Killed")
        if failed:
            raise failed[0]
        return self.done()

    def pause(self, argv: list[str]) -> Result:
        return self._freeze(argv, self.d.container_pause, "Paused")

    def unpause(self, argv: list[str]) -> Result:
        return self._freeze(argv, self.d.container_unpause, "Unpaused")

    def _freeze(self, argv: list[str], action: Callable[[str], None], done: str) -> Result:
        """``compose pause|unpause [SERVICE…]``: the services' running containers (not the
        one-off ones: c40); the engine's refusal is compose's error (c40: already paused)."""
        pr = self._sub(argv, [])
        _, cs = self._service_containers(list(pr.args))
        for c in cs:
            if c.running:
                action(c.id)
                self.event("Container", c.name, done)
        return self.done()


def _env_over(base: list[str], given: list[str]) -> list[str]:
    """The service's environment with ``run -e`` over it, key by key (c58)."""
    if not given:
        return base
    merged = {e.partition("=")[0]: e for e in base}
    merged.update({e.partition("=")[0]: e for e in given})
    return list(merged.values())


def restart_policy(text: str) -> tuple[str, int]:
    """The engine's restart policy for ``restart:`` (c55): the name before a colon, compose's
    spellings of the deploy conditions mapped (``none`` is ``no``, ``any`` is ``always``), a
    count after it that is not a number read as 0; the daemon judges the name."""
    if not text:
        return "", 0
    name, _, count = text.partition(":")
    name = {"none": "no", "any": "always"}.get(name, name)
    return name, int(count) if count.isdigit() else 0


def effective_capabilities(add: Sequence[str], drop: Sequence[str]) -> tuple[Optional[list[str]], Optional[list[str]]]:
    """``cap_add``/``cap_drop`` as the container gets them (c55, c56): each upper-cased with
    ``CAP_`` in front (``ALL`` kept), each list sorted without repeats, the two lists apart (a
    capability both added and dropped stays in both; ``ALL`` stands beside the others); an empty
    list is null."""
    def normal(values: Sequence[str]) -> Optional[list[str]]:
        out = set()
        for v in values:
            v = v.strip().upper()
            out.add(v if v == "ALL" or v.startswith("CAP_") else "CAP_" + v)
        return sorted(out) or None
    return normal(add), normal(drop)


def _order_from_labels(cs: Sequence[Container]) -> list[str]:
    """Services in dependency order as their containers' ``depends_on`` labels tell it (compose's
    project rebuilt from what exists, for ``-p NAME`` without files)."""
    deps: dict[str, set[str]] = {}
    for c in cs:
        service = c.labels.get(LABEL + "service", "")
        wanted = {d.split(":", 1)[0] for d in c.labels.get(LABEL + "depends_on", "").split(",") if d}
        deps.setdefault(service, set()).update(wanted)
    done: list[str] = []

    def visit(s: str, depth: int) -> None:
        if s in done or depth > len(deps):
            return
        for d in sorted(deps.get(s, ())):
            visit(d, depth + 1)
        if s not in done:
            done.append(s)

    for s in sorted(deps):
        visit(s, 0)
    return done


def _bindings(s: Service) -> dict[str, list[dict[str, str]]]:
    """The service's ports as the Engine API's PortBindings."""
    out: dict[str, list[dict[str, str]]] = {}
    for p in s.ports:
        out.setdefault(f"{p.target}/{p.protocol}", []).append({"HostIp": p.host_ip, "HostPort": p.published})
    return out


def _shell_words(text: str) -> list[str]:
    """``--entrypoint`` split as compose splits it (go-shellwords), with its error for an
    unclosed quote (not recorded)."""
    try:
        return shlex.split(text)
    except ValueError:
        raise ComposeError("invalid command line string") from None


def _is_oneoff(c: Container) -> bool:
    return c.labels.get(LABEL + "oneoff") == "True"


def _number(c: Container) -> int:
    try:
        return int(c.labels.get(LABEL + "container-number", "0"))
    except ValueError:
        return 0


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _ipam(pool: IpamPool) -> dict[str, object]:
    """A pool as the Engine API's IPAM.Config entry."""
    doc: dict[str, object] = {}
    if pool.subnet:
        doc["Subnet"] = pool.subnet
    if pool.ip_range:
        doc["IPRange"] = pool.ip_range
    if pool.gateway:
        doc["Gateway"] = pool.gateway
    if pool.aux_addresses:
        doc["AuxiliaryAddresses"] = dict(pool.aux_addresses)
    return doc


# how many probes compose waits through for one dependency before giving up (a check that stays
# ``starting`` for ever: the simulator's limit, not compose's)
MAX_WAIT_STEPS = 10_000


def engine_healthcheck(h: Optional[HealthCheck]) -> Optional[HealthConfig]:
    """compose's Config.Healthcheck from a service's ``healthcheck`` (c50-c52): ``disable`` (or a
    test of ``NONE``) is Test ``["NONE"]``; durations in nanoseconds, unset ones 0."""
    if h is None:
        return None
    if h.disable:
        return HealthConfig(test=("NONE",))
    from ..golang.gotime import parse_duration

    def ns(text: str) -> int:
        return parse_duration(text) if text else 0
    return HealthConfig(test=tuple(h.test) or None, interval=ns(h.interval), timeout=ns(h.timeout),
                        start_period=ns(h.start_period), start_interval=ns(h.start_interval),
                        retries=h.retries or 0)


def _api_at_least(version: str, major: int, minor: int) -> bool:
    a, _, b = version.partition(".")
    return (int(a), int(b or 0)) >= (major, minor)


def _status(d: "Daemon", c: Container) -> str:
    return status_text(d, c)


def _ago(d: "Daemon", c: Container) -> str:
    return ago(d, c.created_ns)


class ComposeProject:
    """A compose project on a simulated host, for Python: ``h.compose(path_or_text_or_dict)``.

    Each method is the ``docker compose`` command of the same name and returns its
    :class:`~dockernet_sim.result.Result`; :attr:`project` is the loaded model.

    >>> from dockernet_sim import DockerHost
    >>> h = DockerHost()
    >>> app = h.compose({"services": {"web": {"image": "busybox", "tty": True}}}, project_name="demo")
    >>> app.up().stderr.splitlines()[-1]
    ' Container demo-web-1  Started'
    >>> [c.name for c in app.containers()]
    ['demo-web-1']
    """

    def __init__(self, daemon: "Daemon", files: Files, file_name: str, project_name: str = "",
                 profiles: Sequence[str] = ()) -> None:
        from .cli import DockerCLI
        self.cli = DockerCLI(daemon)
        self.cli.files = files
        self.prefix = ["-f", file_name] + (["-p", project_name] if project_name else []) + \
            [a for p in profiles for a in ("--profile", p)]
        self.project = load_project(files, [file_name], project_name, "", profiles)

    def run(self, *argv: str) -> Result:
        """Any ``docker compose`` command on this project: ``app.run("ps", "-a")``."""
        return ComposeCommand(self.cli, self.cli.files).run(self.prefix + list(argv))

    def up(self, *services: str, scale: Optional[dict[str, int]] = None, force_recreate: bool = False,
           no_deps: bool = False, remove_orphans: bool = False) -> Result:
        flags = [f"--scale={k}={v}" for k, v in (scale or {}).items()]
        flags += ["--force-recreate"] * force_recreate + ["--no-deps"] * no_deps + ["--remove-orphans"] * remove_orphans
        return self.run("up", "-d", *flags, *services)

    def down(self, remove_orphans: bool = False) -> Result:
        return self.run("down", *(["--remove-orphans"] if remove_orphans else []))

    def ps(self, all: bool = False) -> Result:
        return self.run("ps", *(["-a"] if all else []))

    def containers(self) -> list[Container]:
        """The project's containers on the host (every state), by name."""
        return ComposeCommand(self.cli, self.cli.files).containers(self.project.name)

    def reachability(self, port: Optional[int] = None, proto: str = "icmp") -> Any:
        """Who reaches whom among the project's running containers (``query.reachability``)."""
        from ..query import reachability
        running = [c.name for c in self.containers() if c.status == "running"]
        return reachability(self.cli.d, running, port=port, proto=proto)

    def service_container(self, service: str, index: int = 1) -> Container:
        """The container that is replica ``index`` of ``service`` (what compose port/exec use)."""
        for c in self.containers():
            if c.labels.get(LABEL + "service") == service and c.labels.get(LABEL + "container-number") == str(index):
                return c
        raise ComposeError(f'service "{service}" is not running')
