"""The ``docker`` client: argv in, what the real client prints out.

Each subcommand parses its flags as docker/cli does, makes Engine API calls on the daemon
model, and renders tables, JSON and templates; errors are framed per client generation.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Callable, Optional, Sequence

from ..addr import AddrError, parse_ip, parse_prefix
from ..daemon.container import Container, port_key, sort_port_keys
from ..daemon.containers import ContainerSpec, EndpointSpec
from ..daemon.daemon import Daemon
from ..daemon.inspect import dumps
from ..errors import DockerError, InvalidParameter, NotFound
from ..ids import format_time
from . import framing
from .flags import (Flag, FlagError, Parsed, extra_host_validator, ip_address_validator, parse, split_kv,
                    validate_dns_search, validate_label, validate_link)
from .result import Result
from .tabwriter import tabwrite
from .gotemplate import Struct, go_quote
from .templates import TemplateFailure, inspect_one, parse_inspect, render_rows, row_context, validate_with

F = Flag

NETWORK_CREATE_FLAGS = [
    F("driver", "d", "string", "bridge"), F("subnet", "", "list"), F("ip-range", "", "list"), F("gateway", "", "list"),
    F("aux-address", "", "map"), F("ipv6", "", "bool"), F("ipv4", "", "bool", True), F("internal", "", "bool"),
    F("attachable", "", "bool"), F("label", "", "list", validate=validate_label), F("opt", "o", "map"), F("ipam-driver", "", "string", "default"),
    F("ipam-opt", "", "map"), F("scope", "", "string"), F("config-from", "", "string"), F("config-only", "", "bool"),
    F("ingress", "", "bool"),
]
_RUN_FLAGS = [
    F("detach", "d", "bool"), F("interactive", "i", "bool"), F("tty", "t", "bool"), F("name", "", "string"),
    F("network", "", "list"), F("net", "", "list"), F("ip", "", "string"), F("ip6", "", "string"),
    F("network-alias", "", "list"), F("net-alias", "", "list"), F("publish", "p", "list"), F("publish-all", "P", "bool"),
    F("expose", "", "list"), F("hostname", "h", "string"), F("domainname", "", "string"), F("dns", "", "list"),
    F("dns-search", "", "list"), F("dns-option", "", "list"), F("dns-opt", "", "list"), F("add-host", "", "list"),
    F("link", "", "list"), F("mac-address", "", "string"), F("rm", "", "bool"), F("env", "e", "list"),
    F("label", "l", "list"), F("restart", "", "string"), F("privileged", "", "bool"), F("cap-add", "", "list"),
    F("cap-drop", "", "list"), F("user", "u", "string"), F("workdir", "w", "string"), F("volume", "v", "list"),
    F("entrypoint", "", "string"), F("memory", "m", "string"), F("cpus", "", "string"), F("init", "", "bool"),
    F("platform", "", "string"), F("pull", "", "string"), F("quiet", "q", "bool"), F("sysctl", "", "list"),
    F("uts", "", "string"), F("pid", "", "string"), F("ipc", "", "string"), F("read-only", "", "bool"),
    F("stop-signal", "", "string"), F("stop-timeout", "", "int"), F("log-driver", "", "string"),
    F("log-opt", "", "list"), F("mount", "", "list"), F("tmpfs", "", "list"), F("device", "", "list"),
    F("health-cmd", "", "string"), F("no-healthcheck", "", "bool"), F("shm-size", "", "string"),
    F("env-file", "", "list"), F("security-opt", "", "list"), F("group-add", "", "list"), F("ulimit", "", "list"),
    F("sig-proxy", "", "bool", True), F("attach", "a", "list"), F("cidfile", "", "string"), F("link-local-ip", "", "list"),
]


def run_flags(engine: str) -> list[Flag]:
    """``docker run``/``create`` flags with the client generation's validators."""
    checked = {
        "label": validate_label, "dns": ip_address_validator(engine), "dns-search": validate_dns_search,
        "add-host": extra_host_validator(engine), "link": validate_link,
    }
    return [Flag(f.name, f.short, f.kind, f.default, f.hidden, checked[f.name]) if f.name in checked else f
            for f in _RUN_FLAGS]


RUN_FLAGS = _RUN_FLAGS
PS_FLAGS = [F("all", "a", "bool"), F("quiet", "q", "bool"), F("no-trunc", "", "bool"), F("filter", "f", "list"),
            F("format", "", "string"), F("latest", "l", "bool"), F("last", "n", "int", -1), F("size", "s", "bool")]


class DockerCLI:
    """``docker …`` against one daemon model."""

    def __init__(self, daemon: Daemon) -> None:
        self.d = daemon
        self.p = daemon.profile
        self.group = ""          # "container " while running `docker container …`

    # -- dispatch ----------------------------------------------------------------------------------
    def run(self, argv: Sequence[str]) -> Result:
        args = list(argv)
        if args and args[0] == "docker":
            args = args[1:]
        if not args:
            return Result("", "", 0)
        cmd, rest = args[0], args[1:]
        table: dict[str, Callable[[list[str]], Result]] = {
            "network": self.network, "run": self.cmd_run, "create": self.cmd_create, "start": self.cmd_start,
            "stop": self.cmd_stop, "restart": self.cmd_restart, "kill": self.cmd_kill, "rm": self.cmd_rm,
            "rename": self.cmd_rename, "ps": self.cmd_ps, "inspect": self.cmd_inspect, "port": self.cmd_port,
            "container": self.container, "version": self.cmd_version,
        }
        fn = table.get(cmd)
        if fn is None:
            return self.unknown_command(cmd)
        try:
            return fn(rest)
        except TemplateFailure as e:
            return Result(e.stdout, str(e), e.exit_code)

    def unknown_command(self, cmd: str) -> Result:
        if cmd.startswith("-"):
            return framing.Result("", f"unknown flag: {cmd}\nSee 'docker --help'.\n", 125) if self.p.name == "20.10" \
                else Result("", f"unknown flag: {cmd}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for "
                                f"more information\n", 125)
        if self.p.name == "20.10":
            return Result("", f"docker: '{cmd}' is not a docker command.\nSee 'docker --help'\n", 1)
        return Result("", f"docker: unknown command: docker {cmd}\n\nRun 'docker --help' for more information\n", 1)

    def _parse(self, cmd: str, argv: Sequence[str], flags: list[Flag], interspersed: bool = True,
               check: bool = True) -> Parsed | Result:
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
        return pr

    def cmd_version(self, argv: list[str]) -> Result:
        p = self.p
        pr = self._parse("version", argv, [F("format", "f", "string"), F("kubeconfig", "", "string")])
        if isinstance(pr, Result):
            return pr
        fmt = pr.get("format")
        if fmt:
            return self._version_format(fmt)
        return Result(f"Client:\n Version:           {p.client_version}\n API version:       {p.api_version}\n\n"
                      f"Server:\n Engine:\n  Version:          {p.engine_version}\n  API version:      "
                      f"{p.api_version}\n", "", 0)

    def _version_format(self, fmt: str) -> Result:
        """``docker version --format``: the template runs on system/version.go's versionInfo."""
        from .gotemplate import TemplateError, parse as parse_template
        p = self.p
        body = "{{json .}}" if fmt == "json" and p.name != "20.10" else fmt
        try:
            tmpl = parse_template(body, engine=p.name)
        except TemplateError as e:
            return Result("", "template parsing error: " + str(e).replace("template: :", "template: version:", 1)
                          + "\n", 64)
        client = Struct("main.clientVersion", {
            "Platform": Struct("*main.platformInfo", {"Name": ""}), "Version": p.client_version,
            "APIVersion": _negotiated_api(p), "DefaultAPIVersion": CLIENT_API_VERSION.get(p.client_version, p.api_version),
            "GitCommit": "", "GoVersion": "", "Os": "linux", "Arch": "amd64", "BuildTime": "", "Context": "default"})
        server = Struct("*types.Version", {
            "Platform": Struct("struct { Name string }", {"Name": ""}), "Components": [],
            "Version": p.engine_version, "APIVersion": p.api_version, "MinAPIVersion": "1.12",
            "GitCommit": "", "GoVersion": "", "Os": "linux", "Arch": "amd64", "KernelVersion": "",
            "Experimental": False, "BuildTime": ""})
        try:
            out = tmpl.execute(Struct("main.versionInfo", {"Client": client, "Server": server}))
        except TemplateError as e:
            return Result(e.partial, str(e).replace("template: :", "template: version:", 1) + "\n", 1)
        return Result(out + "\n", "", 0)

    # -- docker network ------------------------------------------------------------------------------
    def network(self, argv: list[str]) -> Result:
        if argv and argv[0] in ("--help", "-h"):
            return Result(_NETWORK_HELP, "", 0)
        if not argv:
            # network/cmd.go: RunE is ShowHelp(stderr)
            return Result("", _NETWORK_HELP, 0)
        sub, rest = argv[0], argv[1:]
        fn = {"create": self.net_create, "rm": self.net_rm, "remove": self.net_rm, "ls": self.net_ls,
              "list": self.net_ls, "inspect": self.net_inspect, "connect": self.net_connect,
              "disconnect": self.net_disconnect, "prune": self.net_prune}.get(sub)
        if fn is None:
            if sub.startswith("-"):
                return framing.flag_error(self.p, "network", f"unknown flag: {sub}")
            # cli.NoArgs on a command with subcommands
            return framing.args_error(self.p, "network", first_arg=sub, help_text=_NETWORK_HELP)
        return fn(rest)

    def net_create(self, argv: list[str]) -> Result:
        pr = self._parse("network create", argv, NETWORK_CREATE_FLAGS)
        if isinstance(pr, Result):
            return pr
        name = pr.args[0]
        try:
            ipam = consolidate_ipam(pr.get("subnet"), pr.get("ip-range"), pr.get("gateway"), pr.get("aux-address"))
        except ValueError as e:
            return Result("", f"{e}\n", 1)
        labels = split_kv(pr.get("label"))
        try:
            nid = self.d.network_create(name, driver=pr.get("driver") or "bridge", options=pr.get("opt"),
                                        ipam_config=ipam, ipam_driver=pr.get("ipam-driver"),
                                        ipam_options=pr.get("ipam-opt"), internal=pr.get("internal"),
                                        attachable=pr.get("attachable"), labels=labels,
                                        enable_ipv6=pr.get("ipv6") if "ipv6" in pr.given else None,
                                        scope=pr.get("scope"), config_only=pr.get("config-only"),
                                        config_from=pr.get("config-from"), ingress=pr.get("ingress"))
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        return Result(nid + "\n", "", 0)

    def net_rm(self, argv: list[str]) -> Result:
        pr = self._parse("network rm", argv, [F("force", "f", "bool")])
        if isinstance(pr, Result):
            return pr
        out, err, code = "", "", 0
        for term in pr.args:
            try:
                self.d.network_remove(term)
                out += term + "\n"
            except NotFound as e:
                if pr.get("force"):
                    continue
                code = 1
                err += framing.api_error(self.p, e, "network", term) + "\n"
            except DockerError as e:
                code = 1
                err += framing.api_error(self.p, e) + "\n"
        if code and self.p.rm_exit_status_line:
            err += "exit status 1\n"
        return Result(out, err, code)

    def net_ls(self, argv: list[str]) -> Result:
        pr = self._parse("network ls", argv, [F("quiet", "q", "bool"), F("no-trunc", "", "bool"),
                                              F("filter", "f", "list"), F("format", "", "string")])
        if isinstance(pr, Result):
            return pr
        try:
            nets = filter_networks(self.d, pr.get("filter"))
        except InvalidParameter as e:
            return framing.daemon_error(self.p, e)
        # network/list.go: sortorder.NaturalLess on the names
        nets.sort(key=lambda n: natural_key(n.name))
        trunc = not pr.get("no-trunc")
        if pr.get("quiet") and not pr.get("format"):
            return Result("".join((n.id[:12] if trunc else n.id) + "\n" for n in nets), "", 0)
        fmt = pr.get("format") or ("{{.ID}}" if pr.get("quiet") else
                                   "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}")
        headers = {"ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE", "IPv6": "IPV6",
                   "IPv4": "IPV4", "Internal": "INTERNAL", "Labels": "LABELS", "CreatedAt": "CREATED AT"}
        if self.p.name == "20.10":
            del headers["IPv4"]
        rows = [network_context(self.d, n, trunc, self.p.name) for n in nets]
        return Result(render_rows(fmt, rows, headers, engine=self.p.name), "", 0)

    def net_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("network inspect", argv, [F("format", "f", "string"), F("verbose", "v", "bool")])
        if isinstance(pr, Result):
            return pr

        def get(term: str) -> dict[str, Any]:
            return self.d.network_inspect(term)
        return self._inspect(pr.args, get, pr.get("format"), "network", "types.NetworkResource")

    def _inspect(self, refs: list[str], get: Callable[[str], dict[str, Any]], fmt: str, obj: str,
                 type_name: str) -> Result:
        """cli/command/inspect.Inspect: every reference is tried; outputs first, then the errors
        joined (exit 1); a template that does not parse exits 64 before anything is fetched."""
        tmpl = parse_inspect(fmt, self.p.name) if fmt else None
        docs: list[dict[str, Any]] = []
        lines: list[str] = []
        errs: list[str] = []
        for ref in refs:
            try:
                doc = get(ref)
            except DockerError as e:
                errs.append(framing.api_error(self.p, e, obj, ref) if obj else f"Error response from daemon: {e}")
                continue
            except _ClientError as e:
                errs.append(str(e))
                continue
            if tmpl is None:
                docs.append(doc)
                continue
            try:
                lines.append(inspect_one(tmpl, doc, type_name) + "\n")
            except TemplateFailure as e:
                errs.append(str(e).rstrip("\n"))
        out = "".join(lines) if tmpl is not None else dumps(docs) + "\n"
        err = "".join(x + "\n" for x in errs)
        return Result(out, err, 1 if errs else 0)

    def net_connect(self, argv: list[str]) -> Result:
        pr = self._parse("network connect", argv, [F("ip", "", "string"), F("ip6", "", "string"),
                                                   F("alias", "", "list"), F("link", "", "list", validate=validate_link),
                                                   F("link-local-ip", "", "list"), F("driver-opt", "", "list"),
                                                   F("gw-priority", "", "int")])
        if isinstance(pr, Result):
            return pr
        spec = EndpointSpec(ipv4=pr.get("ip"), ipv6=pr.get("ip6"), aliases=pr.get("alias"), links=pr.get("link"),
                            gw_priority=pr.get("gw-priority"))
        try:
            self.d.network_connect(pr.args[0], pr.args[1], spec)
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        return Result("", "", 0)

    def net_disconnect(self, argv: list[str]) -> Result:
        pr = self._parse("network disconnect", argv, [F("force", "f", "bool")])
        if isinstance(pr, Result):
            return pr
        try:
            self.d.network_disconnect(pr.args[0], pr.args[1], force=pr.get("force"))
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        return Result("", "", 0)

    def net_prune(self, argv: list[str]) -> Result:
        pr = self._parse("network prune", argv, [F("force", "f", "bool"), F("filter", "", "list")])
        if isinstance(pr, Result):
            return pr
        if not pr.get("force"):
            return Result("WARNING! This will remove all custom networks not used by at least one container.\n"
                          "Are you sure you want to continue? [y/N] ", "", 0)
        try:
            removed = self.d.networks_prune(list(pr.get("filter")))
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        if not removed:
            return Result("", "", 0)
        return Result("Deleted Networks:\n" + "".join(n + "\n" for n in removed) + "\n", "", 0)

    # -- containers ------------------------------------------------------------------------------------
    def container(self, argv: list[str]) -> Result:
        if argv and argv[0] in ("--help", "-h"):
            return Result("", "", 0)
        if not argv:
            return Result("", "", 0)
        sub, rest = argv[0], argv[1:]
        fn = {"run": self.cmd_run, "create": self.cmd_create, "start": self.cmd_start, "stop": self.cmd_stop,
              "restart": self.cmd_restart, "kill": self.cmd_kill, "rm": self.cmd_rm, "remove": self.cmd_rm,
              "rename": self.cmd_rename, "ls": self.cmd_ps, "list": self.cmd_ps, "ps": self.cmd_ps,
              "inspect": self.ctr_inspect, "port": self.cmd_port, "prune": self.ctr_prune}.get(sub)
        if fn is None:
            if sub.startswith("-"):
                return framing.flag_error(self.p, "container", f"unknown flag: {sub}")
            if self.p.name == "20.10":
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
        removed = []
        for c in list(self.d.containers.values()):
            if not c.running:
                self.d.container_remove(c.id)
                removed.append(c.id)
        out = ""
        if removed:
            out = "Deleted Containers:\n" + "".join(r + "\n" for r in removed) + "\n"
        return Result(out + "Total reclaimed space: 0B\n", "", 0)

    def _build_spec(self, cmd: str, pr: Parsed) -> ContainerSpec | Result:
        if not pr.args:
            return framing.args_error(self.p, cmd, "requires at least 1 argument")
        image, command = pr.args[0], pr.args[1:]
        nets = pr.get("network") + pr.get("net")
        spec = ContainerSpec(image=image, cmd=command or None, name=pr.get("name"), hostname=pr.get("hostname"),
                             domainname=pr.get("domainname"), publish_all=pr.get("publish-all"),
                             expose=[], dns=pr.get("dns"), dns_search=pr.get("dns-search"),
                             dns_options=pr.get("dns-option") + pr.get("dns-opt"), extra_hosts=pr.get("add-host"),
                             links=pr.get("link"), mac_address=pr.get("mac-address"), tty=pr.get("tty"),
                             open_stdin=pr.get("interactive"), labels=split_kv(pr.get("label")), env=pr.get("env"))
        aliases = pr.get("network-alias") + pr.get("net-alias")
        mode = nets[0] if nets else ""
        if self.p.name == "28":
            if len(nets) > 1:
                for n in nets[1:]:
                    spec.networks[n] = EndpointSpec()
            ep = EndpointSpec(ipv4=pr.get("ip"), ipv6=pr.get("ip6"), aliases=aliases)
            if mode:
                spec.networks[mode] = ep
            elif ep.ipv4 or ep.ipv6 or ep.aliases:
                spec.networks["default"] = ep
        else:
            if len(nets) > 1:
                return Result("", framing.run_error(self.p, "Container cannot be connected to network endpoints: "
                                                    + ", ".join(nets), create_failed=True, cmd=cmd), 125)
            if mode:
                spec.networks[mode] = EndpointSpec(ipv4=pr.get("ip"), ipv6=pr.get("ip6"), aliases=aliases)
        spec.network_mode = mode
        for e in pr.get("expose"):
            spec.expose.extend(expand_expose(e))
        try:
            spec.port_bindings = parse_publish(pr.get("publish"), self.p)
        except ValueError as e:
            return Result("", framing.run_error(self.p, str(e), create_failed=True, cmd=cmd, daemon=False), 125)
        if aliases and (not mode or mode in ("bridge", "default", "host", "none") or mode.startswith("container:")) \
                and self.p.name == "28":
            return Result("", framing.run_error(self.p, "network-scoped aliases are only supported for "
                                                "user-defined networks", create_failed=True, cmd=cmd,
                                                daemon=False), 125)
        return spec

    def cmd_create(self, argv: list[str], cmd: str = "create") -> Result:
        pr = self._parse(cmd, argv, run_flags(self.p.name), interspersed=False)
        if isinstance(pr, Result):
            return pr
        spec = self._build_spec(cmd, pr)
        if isinstance(spec, Result):
            return spec
        early = ""
        if self.p.name == "20.10":
            # 20.10 create.go warnOnLocalhostDNS: printed before the create call
            dns = next((x for x in pr.get("dns") if _LOCALHOST_2010.search(x)), None)
            if dns is not None:
                early = f"WARNING: Localhost DNS setting (--dns={dns}) may fail in containers.\n"
        try:
            cid, warnings = self.d.container_create(spec)
        except DockerError as e:
            return Result("", early + framing.run_error(self.p, str(e), create_failed=True, cmd=cmd), 125)
        warnings = list(warnings)
        if self.p.name != "20.10":
            # 28 create.go localhostDNSWarning: appended to the daemon's warnings
            dns = next((x for x in pr.get("dns") if _is_loopback(x)), None)
            if dns is not None:
                warnings.append(f"Localhost DNS ({dns}) may fail in containers.")
        err = early + "".join(f"WARNING: {w}\n" for w in warnings)
        return Result(cid + "\n", err, 0)

    def cmd_run(self, argv: list[str]) -> Result:
        created = self.cmd_create(argv, cmd="run")
        if created.exit_code != 0:
            return created
        cid = created.stdout.strip()
        try:
            self.d.container_start(cid)
        except DockerError as e:
            return Result(created.stdout, created.stderr + framing.run_error(self.p, str(e), create_failed=False), 125)
        pr = parse(argv, run_flags(self.p.name) + [F("help", "", "bool")], interspersed=False)
        if not pr.get("detach"):
            # attached runs end when the command ends: the model has no processes, so leave it running
            return Result(created.stdout if pr.get("detach") else "", created.stderr, 0)
        return created

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
        r = self._each("start", argv, [F("attach", "a", "bool"), F("interactive", "i", "bool"),
                                       F("detach-keys", "", "string")],
                       lambda t, pr: self.d.container_start(t), suffix)
        return r

    def cmd_stop(self, argv: list[str]) -> Result:
        return self._each("stop", argv, [F("time", "t", "int"), F("signal", "s", "string")],
                          lambda t, pr: self.d.container_stop(t))

    def cmd_restart(self, argv: list[str]) -> Result:
        return self._each("restart", argv, [F("time", "t", "int"), F("signal", "s", "string")],
                          lambda t, pr: self.d.container_restart(t))

    def cmd_kill(self, argv: list[str]) -> Result:
        return self._each("kill", argv, [F("signal", "s", "string")], lambda t, pr: self.d.container_kill(t))

    def cmd_rm(self, argv: list[str]) -> Result:
        pr = self._parse("rm", argv, [F("force", "f", "bool"), F("volumes", "v", "bool"), F("link", "l", "bool")])
        if isinstance(pr, Result):
            return pr
        out, err, failed = "", "", False
        for term in pr.args:
            ref = term.strip("/")
            if not ref:
                failed = True
                err += ("Container name cannot be empty" if self.p.name == "20.10" else
                        "container name cannot be empty") + "\n"
                continue
            try:
                self.d.container_remove(ref, force=pr.get("force"))
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
        engine = self.p.name
        if fmt and (engine != "20.10" or not pr.get("size")):
            # container/list.go: the template is checked on an empty ContainerContext first
            validate_with(fmt, container_context(None, None, True, engine), engine)
        cs = self.d.container_list(all=pr.get("all") or pr.get("last", -1) > 0 or pr.get("latest"))
        try:
            cs = filter_containers(self.d, cs, pr.get("filter"))
        except InvalidParameter as e:
            return framing.daemon_error(self.p, e)
        if pr.get("last", -1) > 0:
            cs = cs[: pr.get("last")]
        elif pr.get("latest"):
            cs = cs[:1]
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
        if engine != "20.10":
            headers["Platform"] = "PLATFORM"
        rows = [container_context(self.d, c, trunc, engine) for c in cs]
        return Result(render_rows(fmt, rows, headers, engine=engine), "", 0)

    def cmd_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("inspect", argv, [F("format", "f", "string"), F("type", "", "string"), F("size", "s", "bool")])
        if isinstance(pr, Result):
            return pr
        typ = pr.get("type")
        types = ("config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume")
        if self.p.name == "20.10":
            if typ and typ not in types:
                return Result("", f'"{typ}" is not a valid value for --type\n', 1)
        elif "type" in pr.given and typ not in types:
            listed = '", "'.join(types)
            if not typ:
                return Result("", f'type is empty: must be one of "{listed}"\n', 1)
            return Result("", f'unknown type: {go_quote(typ)}: must be one of "{listed}"\n', 1)

        def get(ref: str) -> dict[str, Any]:
            # system/inspect.go inspectAll: try each kind in turn; with --type, only that one
            for kind, fetch in (("container", self.d.container_inspect), ("network", self.d.network_inspect)):
                if typ and typ != kind:
                    continue
                try:
                    return fetch(ref)
                except NotFound:
                    if typ:
                        raise
            if typ and typ not in ("container", "network"):
                raise _ClientError(f"Error response from daemon: No such {typ}: {ref}")
            raise _ClientError(f"Error: No such object: {ref}")
        return self._inspect(pr.args, get, pr.get("format"), typ if typ in ("container", "network") else "",
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
        old = self.p.name == "20.10"
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
                return Result("", f"Error: No public port '{key if old else want}' published for {pr.args[0]}\n", 1)
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


# -- helpers -------------------------------------------------------------------------------------------
_LOCALHOST_2010 = __import__("re").compile(r"((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)")


def _is_loopback(text: str) -> bool:
    """netip.ParseAddr(x).IsLoopback() (no zone, no IPv4-mapped form)."""
    try:
        ip = parse_ip(text)
    except AddrError:
        return False
    if "%" in text or (":" in text and "." in text):
        return False
    return (ip.version == 4 and int(ip) >> 24 == 127) or (ip.version == 6 and int(ip) == 1)


class _ClientError(Exception):
    """An error the client makes up itself (``Error: No such object: x``); str() is the line."""


# the API version each client speaks at most (docker/cli vendored api/common.go DefaultVersion)
CLIENT_API_VERSION = {"28.2.2": "1.50", "20.10.24": "1.41"}


def _negotiated_api(p: Any) -> str:
    """The client negotiates down to the daemon's version, never up past its own."""
    mine = CLIENT_API_VERSION.get(p.client_version, p.api_version)
    a, b = (tuple(int(x) for x in v.split(".")) for v in (mine, p.api_version))
    return mine if a <= b else p.api_version


def _natural_less(a: str, b: str) -> bool:
    """fvbommel/sortorder NaturalLess (docker/cli sorts network names and port lines with it):
    digits sort before other bytes, runs of digits compare as numbers."""
    i = j = 0
    while i < len(a) and j < len(b):
        c1, c2 = a[i], b[j]
        d1, d2 = c1.isdigit(), c2.isdigit()
        if d1 != d2:
            return d1
        if not d1:
            if c1 != c2:
                return c1.encode() < c2.encode()
            i += 1
            j += 1
            continue
        while i < len(a) and a[i] == "0":
            i += 1
        while j < len(b) and b[j] == "0":
            j += 1
        nz1, nz2 = i, j
        while i < len(a) and a[i].isdigit():
            i += 1
        while j < len(b) and b[j].isdigit():
            j += 1
        if i - nz1 != j - nz2:
            return i - nz1 < j - nz2
        if a[nz1:i] != b[nz2:j]:
            return a[nz1:i] < b[nz2:j]
        if nz1 != nz2:
            return nz1 < nz2
    return len(a) < len(b)


def _natural_cmp(a: str, b: str) -> int:
    return -1 if _natural_less(a, b) else (1 if _natural_less(b, a) else 0)


natural_sort_key = functools.cmp_to_key(_natural_cmp)


def natural_key(s: str) -> Any:
    """docker/cli's natural sort order as a sort key (net9 < net10, bad3 < bad/name)."""
    return natural_sort_key(s)


def join_host_port(host: str, port: str) -> str:
    """Go's net.JoinHostPort: brackets around a host that contains a colon."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def fmt_hostport(profile: str, b: dict[str, str]) -> str:
    ip, port = b.get("HostIp", ""), b.get("HostPort", "")
    return f"{ip}:{port}" if profile == "20.10" else join_host_port(ip, port)


def _is_uint16(text: str) -> bool:
    return text.isascii() and text.isdigit() and int(text) <= 65535


def human_duration(secs: float) -> str:
    """go-units HumanDuration."""
    s = int(secs)
    if s < 1:
        return "Less than a second"
    if s == 1:
        return "1 second"
    if s < 60:
        return f"{s} seconds"
    minutes = int(secs // 60)
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = int(secs / 3600 + 0.5)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{int(secs / 3600) // 24 // 365} years"


def _since(d: Daemon, ns: int) -> float:
    return max(0, d.rand.peek_ns() - ns) / 1_000_000_000


def ago(d: Daemon, ns: int) -> str:
    return human_duration(_since(d, ns)) + " ago"


def status_text(d: Daemon, c: Container) -> str:
    """moby container.State.String() as the list API reports it."""
    if c.status == "running":
        return "Up " + human_duration(_since(d, c.started_ns))
    if c.status == "restarting":
        return f"Restarting ({c.exit_code}) {ago(d, c.finished_ns)}"
    if c.status == "removing":
        return "Removal In Progress"
    if c.status == "dead":
        return "Dead"
    if c.status == "created" or not c.finished_ns:
        return "Created"
    return f"Exited ({c.exit_code}) {ago(d, c.finished_ns)}"


def go_time_string(ns: int) -> str:
    """Go's time.Time.String() in UTC: nanoseconds with trailing zeros dropped."""
    import time as _t
    secs, frac = divmod(ns, 1_000_000_000)
    base = _t.strftime("%Y-%m-%d %H:%M:%S", _t.gmtime(secs))
    f = f".{frac:09d}".rstrip("0") if frac else ""
    return f"{base}{f} +0000 UTC"


def api_ports(c: Container) -> list[tuple[str, int, int, str]]:
    """The container's ``Ports`` in the list API: (IP, PrivatePort, PublicPort, Type)."""
    if not c.running:
        return []
    out: list[tuple[str, int, int, str]] = []
    for k, binds in c.ports_published.items():
        port, _, proto = k.partition("/")
        if not binds:
            out.append(("", int(port), 0, proto or "tcp"))
            continue
        for b in binds:
            hp = b.get("HostPort", "")
            out.append((b.get("HostIp", ""), int(port), int(hp) if hp.isdigit() else 0, proto or "tcp"))
    return out


def displayable_ports(ports: list[tuple[str, int, int, str]], engine: str) -> str:
    """formatter.DisplayablePorts: runs of ports published on the same number are grouped
    (``0.0.0.0:9000-9002->9000-9002/udp``); other mappings follow, one each."""
    ordered = sorted(ports, key=lambda p: (p[1], p[0].encode(), p[2], p[3].encode()))
    groups: dict[str, list[int]] = {}
    keys: list[str] = []
    result: list[str] = []
    host_mappings: list[str] = []

    def host(ip: str, port: str) -> str:
        return f"{ip}:{port}" if engine == "20.10" else join_host_port(ip, port)

    def form(key: str, first: int, last: int) -> str:
        parts = key.split("/")
        ip, typ = (parts[0], parts[1]) if len(parts) > 1 else ("", parts[0])
        group = str(first) if first == last else f"{first}-{last}"
        if ip:
            group = f"{host(ip, group)}->{group}"
        return f"{group}/{typ}"

    for ip, private, public, typ in ordered:
        key = typ
        if ip:
            if public != private:
                host_mappings.append(f"{host(ip, str(public))}->{private}/{typ}")
                continue
            key = f"{ip}/{typ}"
        g = groups.get(key)
        if g is None:
            groups[key] = [private, private]
            keys.append(key)
            continue
        if private == g[1] + 1:
            g[1] = private
            continue
        result.append(form(key, g[0], g[1]))
        groups[key] = [private, private]
    for key in keys:
        result.append(form(key, *groups[key]))
    return ", ".join(result + host_mappings)


def _ellipsis(s: str, width: int) -> str:
    """formatter.Ellipsis for the single-width text the model produces."""
    if width <= 0:
        return ""
    if len(s) <= width:
        return s
    return s[: width - 1] + "…"


_CONTAINER_JSON = ("Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names", "Networks",
                   "Ports", "RunningFor", "Size", "State", "Status")


def container_context(d: Optional[Daemon], c: Optional[Container], trunc: bool, engine: str) -> Struct:
    """formatter.ContainerContext for one row (an empty one when ``c`` is None, as ``docker ps``
    uses to check a --format before listing)."""
    if c is None or d is None:
        fields: dict[str, Any] = {"ID": "", "Names": "", "Image": "<no image>", "Command": '""',
                                  "CreatedAt": "1970-01-01 00:00:00 +0000 UTC", "RunningFor": "", "Ports": "",
                                  "State": "", "Status": "", "Size": "0B", "Labels": "", "Mounts": "",
                                  "LocalVolumes": "0", "Networks": ""}
        labels: dict[str, str] = {}
    else:
        cmd = " ".join(c.cmd)
        nets = "" if c.mode_kind == "container" else ",".join(sorted(c.networks))
        labels = dict(c.labels)
        fields = {"ID": c.id[:12] if trunc else c.id, "Names": c.name, "Image": c.image_ref,
                  "Command": go_quote(_ellipsis(cmd, 20) if trunc else cmd),
                  "CreatedAt": go_time_string(c.created_ns // 1_000_000_000 * 1_000_000_000),
                  "RunningFor": ago(d, c.created_ns), "Ports": displayable_ports(api_ports(c), engine),
                  "State": c.status, "Status": status_text(d, c), "Size": "0B",
                  "Labels": ",".join(sorted(f"{k}={v}" for k, v in labels.items())), "Mounts": "",
                  "LocalVolumes": "0", "Networks": nets}
    json_fields = list(_CONTAINER_JSON)
    if engine != "20.10":
        from .gotemplate import Nil
        fields["Platform"] = Nil("*formatter.Platform")
        json_fields.append("Platform")
    return row_context("*formatter.ContainerContext", fields, labels=labels, json_fields=json_fields)


def network_context(d: Daemon, n: Any, trunc: bool, engine: str) -> Struct:
    """network.networkContext for one row of ``docker network ls``."""
    fields: dict[str, Any] = {"ID": n.id[:12] if trunc else n.id, "Name": n.name, "Driver": n.driver,
                              "Scope": n.scope}
    if engine != "20.10":
        fields["IPv4"] = str(n.enable_ipv4).lower()
    fields.update({"IPv6": str(n.enable_ipv6).lower(), "Internal": str(n.internal).lower(),
                   "Labels": ",".join(f"{k}={v}" for k, v in n.labels.items()),
                   "CreatedAt": go_time_string(n.created_ns)})
    return row_context("*network.networkContext", fields, labels=dict(n.labels))


def container_row(d: Daemon, c: Container, trunc: bool) -> dict[str, Any]:
    """One ``docker ps`` row as a plain mapping (kept for callers that want the columns)."""
    ctx = container_context(d, c, trunc, d.profile.name)
    return {k: v for k, v in ctx.items()}


def ports_text(d: Daemon, c: Container) -> str:
    return displayable_ports(api_ports(c), d.profile.name)


def _go_parse_cidr(text: str) -> Any:
    try:
        return parse_prefix(text)
    except AddrError:
        raise ValueError(f"invalid CIDR address: {text}") from None


def _subnet_matches(subnet: str, data: str) -> bool:
    """network/create.go subnetMatches: is ``data`` (an IP, or a CIDR's address) in ``subnet``?"""
    try:
        s = parse_prefix(subnet).masked()
    except AddrError:
        raise ValueError(f"invalid subnet: invalid CIDR address: {subnet}") from None
    if "/" in data:
        ip = _go_parse_cidr(data).addr
    else:
        try:
            ip = parse_ip(data)
        except AddrError:
            return False
    try:
        return bool(s.contains(ip))
    except (TypeError, ValueError):
        return False


def consolidate_ipam(subnets: list[str], ranges: list[str], gateways: list[str],
                     aux: dict[str, str]) -> list[dict[str, Any]]:
    """docker/cli network/create.go createIPAMConfig: pair ranges, gateways and aux addresses
    with their subnet; errors are ValueError with the client's text."""
    if len(subnets) < len(ranges) or len(subnets) < len(gateways):
        raise ValueError("every ip-range or gateway must have a corresponding subnet")
    data: dict[str, dict[str, Any]] = {}
    for s in subnets:
        for k in data:
            if _subnet_matches(s, k) or _subnet_matches(k, s):
                raise ValueError("multiple overlapping subnet configuration is not supported")
        data[s] = {"Subnet": s}
    for r in ranges:
        match = False
        for s in subnets:
            _go_parse_cidr(r)
            if not _subnet_matches(s, r):
                continue
            if "IPRange" in data[s]:
                raise ValueError(f"cannot configure multiple ranges ({r}, {data[s]['IPRange']}) on the same subnet "
                                 f"({s})")
            data[s]["IPRange"] = r
            match = True
        if not match:
            raise ValueError(f"no matching subnet for range {r}")
    for g in gateways:
        match = False
        for s in subnets:
            if not _subnet_matches(s, g):
                continue
            if "Gateway" in data[s]:
                raise ValueError(f"cannot configure multiple gateways ({g}, {data[s]['Gateway']}) for the same "
                                 f"subnet ({s})")
            data[s]["Gateway"] = g
            match = True
        if not match:
            raise ValueError(f"no matching subnet for gateway {g}")
    for key, aa in aux.items():
        match = False
        for s in subnets:
            if not _subnet_matches(s, aa):
                continue
            data[s].setdefault("AuxiliaryAddresses", {})[key] = aa
            match = True
        if not match:
            raise ValueError(f"no matching subnet for aux-address {aa}")
    return list(data.values())


def expand_expose(spec: str) -> list[str]:
    p, _, proto = spec.partition("/")
    proto = proto or "tcp"
    lo, _, hi = p.partition("-")
    if hi:
        return [f"{x}/{proto}" for x in range(int(lo), int(hi) + 1)]
    return [f"{int(lo)}/{proto}"]


def _parse_port_range(text: str) -> tuple[int, int]:
    """go-connections nat.ParsePortRange (ports are uint16)."""
    if not text:
        raise ValueError("empty")
    lo, dash, hi = text.partition("-")
    if not dash:
        if not _is_uint16(lo):
            raise ValueError(text)
        return int(lo), int(lo)
    hi = hi.split("-")[0]
    if not _is_uint16(lo) or not _is_uint16(hi) or int(hi) < int(lo):
        raise ValueError(text)
    return int(lo), int(hi)


def parse_publish(specs: Sequence[str], profile: Any = None) -> dict[str, list[dict[str, str]]]:
    """``-p`` specs to PortBindings (docker/go-connections nat.ParsePortSpecs)."""
    def msg(key: str, *args: object) -> str:
        return framing.message(profile, key, *args) if profile is not None else \
            framing._MESSAGES[key]["28"].format(*args)
    out: dict[str, list[dict[str, str]]] = {}
    for raw in specs:
        parts = raw.split(":")
        n = len(parts)
        cport = parts[-1]
        if n == 1:
            ip, hostp = "", ""
        elif n == 2:
            ip, hostp = "", parts[0]
        else:
            ip, hostp = ":".join(parts[:-2]), parts[-2]
        # SplitProtoPort
        pp = cport.split("/")
        if not cport or not pp[0]:
            proto, cport = "", ""
        elif len(pp) == 1:
            proto = "tcp"
        elif not pp[1]:
            proto, cport = "tcp", pp[0]
        else:
            proto, cport = pp[1], pp[0]
        if ip.startswith("["):
            if "]" not in ip or not ip.endswith("]"):
                raise ValueError(msg("invalid_ip", ip))
            ip = ip[1:-1]
        if ip:
            try:
                parse_ip(ip)
            except AddrError:
                raise ValueError(msg("invalid_ip", ip)) from None
        if not cport:
            raise ValueError(msg("no_port", raw))
        try:
            clo, chi = _parse_port_range(cport)
        except ValueError:
            raise ValueError(msg("invalid_container_port", cport)) from None
        hlo = hhi = 0
        if hostp:
            try:
                hlo, hhi = _parse_port_range(hostp)
            except ValueError:
                raise ValueError(msg("invalid_host_port", hostp)) from None
        if hostp and (chi - clo) != (hhi - hlo) and chi != clo:
            raise ValueError(msg("invalid_ranges", cport, hostp))
        if proto.lower() not in ("tcp", "udp", "sctp"):
            raise ValueError(msg("invalid_proto", proto))
        for i in range(chi - clo + 1):
            hp = str(hlo + i) if hostp else ""
            if clo == chi and hlo != hhi:
                hp = f"{hp}-{hhi}"
            out.setdefault(f"{clo + i}/{proto.lower()}", []).append({"HostIp": ip, "HostPort": hp})
    return out


_NETWORK_FILTERS = ("dangling", "driver", "id", "label", "name", "scope", "type")


def _check_filter_keys(d: Daemon, filters: list[str], allowed: Sequence[str]) -> dict[str, list[str]]:
    """filters.Args.Validate, as the daemon runs it on the list endpoints."""
    groups: dict[str, list[str]] = {}
    for f in filters:
        k, eq, v = f.partition("=")
        if not eq:
            raise InvalidParameter("bad format of filter (expected name=value)")
        groups.setdefault(k.strip().lower(), []).append(v.strip())
    for k in groups:
        if k not in allowed:
            raise InvalidParameter(framing.message(d.profile, "invalid_filter", k))
    return groups


def filter_networks(d: Daemon, filters: list[str]) -> list[Any]:
    nets = d.network_list()
    groups = _check_filter_keys(d, filters, _NETWORK_FILTERS)
    out = []
    for n in nets:
        ok = True
        for k, vals in groups.items():
            if k == "driver":
                ok = n.driver in vals
            elif k == "name":
                ok = any(v in n.name for v in vals)
            elif k == "id":
                ok = any(n.id.startswith(v) or v in n.id for v in vals)
            elif k == "label":
                ok = all(_label_ok(n.labels, v) for v in vals)
            elif k == "type":
                for v in vals:
                    if v not in ("custom", "builtin"):
                        raise InvalidParameter(f"invalid filter: 'type'='{v}'")
                ok = any((v == "builtin") == n.predefined for v in vals)
            elif k == "scope":
                ok = n.scope in vals
            elif k == "dangling":
                # the list endpoint does not load endpoints, so every user network counts as unused
                want = []
                for v in vals:
                    if v.lower() in ("true", "1"):
                        want.append(True)
                    elif v.lower() in ("false", "0"):
                        want.append(False)
                    else:
                        raise InvalidParameter(f"invalid filter: 'dangling'='{v}'")
                ok = any(w == (not n.predefined) for w in want)
            if not ok:
                break
        if ok:
            out.append(n)
    return out


def _label_ok(labels: dict[str, str], f: str) -> bool:
    k, eq, v = f.partition("=")
    return k in labels and (not eq or labels[k] == v)


_CONTAINER_FILTERS = ("ancestor", "before", "expose", "exited", "health", "id", "isolation", "is-task", "label",
                      "name", "network", "publish", "since", "status", "volume")


def filter_containers(d: Daemon, cs: list[Container], filters: list[str]) -> list[Container]:
    """The list endpoint's filters: values of one key are alternatives, keys must all match."""
    import re as _re
    groups = _check_filter_keys(d, filters, _CONTAINER_FILTERS)

    def one(c: Container, k: str, v: str) -> bool:
        if k == "name":
            try:
                return bool(_re.search(v, c.name)) or bool(_re.search(v, "/" + c.name))
            except _re.error:
                return v in c.name
        if k == "network":
            return v in c.networks or any(es.network_id.startswith(v) for es in c.networks.values())
        if k == "status":
            return c.status == v
        if k == "exited":
            return c.status == "exited" and str(c.exit_code) == v
        if k == "id":
            return c.id.startswith(v)
        if k == "label":
            return all(_label_ok(c.labels, x) for x in groups["label"])
        if k == "ancestor":
            return c.image_ref.split(":")[0] == v.split(":")[0]
        if k in ("expose", "publish"):
            keys = c.exposed if k == "expose" else c.ports_published
            want = v if "/" in v else v + "/tcp"
            return want in keys
        return True
    return [c for c in cs if all(any(one(c, k, v) for v in vals) for k, vals in groups.items())]


_NETWORK_HELP = """
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
"""
