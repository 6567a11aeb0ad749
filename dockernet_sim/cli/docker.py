"""The ``docker`` client: argv in, what the real client prints out.

Each subcommand parses its flags as docker/cli does, makes Engine API calls on the daemon
model, and renders tables, JSON and templates; errors are framed per client generation.
"""

from __future__ import annotations

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
                                        enable_ipv6=pr.get("ipv6") if "ipv6" in pr.given else None)
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
            spec.port_bindings = parse_publish(pr.get("publish"))
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
        try:
            cid, warnings = self.d.container_create(spec)
        except DockerError as e:
            return Result("", framing.run_error(self.p, str(e), create_failed=True, cmd=cmd), 125)
        err = "".join(f"WARNING: {w}\n" for w in warnings)
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
              err_suffix: Callable[[list[str]], str] | None = None) -> Result:
        pr = self._parse(cmd, argv, flags)
        if isinstance(pr, Result):
            return pr
        if not pr.args:
            return framing.args_error(self.p, cmd, "requires at least 1 argument")
        out, err, failed = "", "", []
        for term in pr.args:
            try:
                action(term, pr)
                out += term + "\n"
            except DockerError as e:
                err += f"Error response from daemon: {e}\n"
                failed.append(term)
        if failed and err_suffix is not None:
            err += err_suffix(failed)
        return Result(out, err, 1 if failed else 0)

    def cmd_start(self, argv: list[str]) -> Result:
        def suffix(failed: list[str]) -> str:
            return f"Error: failed to start containers: {', '.join(failed)}\n"
        r = self._each("start", argv, [F("attach", "a", "bool"), F("interactive", "i", "bool")],
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
        return self._each("rm", argv, [F("force", "f", "bool"), F("volumes", "v", "bool"), F("link", "l", "bool")],
                          lambda t, pr: self.d.container_remove(t, force=pr.get("force")))

    def cmd_rename(self, argv: list[str]) -> Result:
        pr = self._parse("rename", argv, [])
        if isinstance(pr, Result):
            return pr
        if len(pr.args) != 2:
            return framing.args_error(self.p, "rename", "requires exactly 2 arguments")
        try:
            self.d.container_rename(pr.args[0], pr.args[1])
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        return Result("", "", 0)

    def cmd_ps(self, argv: list[str]) -> Result:
        pr = self._parse("ps", argv, PS_FLAGS)
        if isinstance(pr, Result):
            return pr
        cs = self.d.container_list(all=pr.get("all"))
        try:
            cs = filter_containers(self.d, cs, pr.get("filter"))
        except InvalidParameter as e:
            return framing.daemon_error(self.p, e)
        if pr.get("last", -1) and pr.get("last", -1) > 0:
            cs = self.d.container_list(all=True)[: pr.get("last")]
        if pr.get("latest"):
            cs = self.d.container_list(all=True)[:1]
        trunc = not pr.get("no-trunc")
        rows = [container_row(self.d, c, trunc) for c in cs]
        if pr.get("quiet"):
            return Result("".join(r["ID"] + "\n" for r in rows), "", 0)
        fmt = pr.get("format") or ("table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t"
                                   "{{.Ports}}\t{{.Names}}")
        headers = {"ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "RunningFor": "CREATED",
                   "Status": "STATUS", "Ports": "PORTS", "Names": "NAMES", "Networks": "NETWORKS",
                   "State": "STATE", "CreatedAt": "CREATED AT", "Labels": "LABELS", "Size": "SIZE",
                   "Mounts": "MOUNTS", "LocalVolumes": "LOCAL VOLUMES"}
        return Result(render_rows(fmt, rows, headers), "", 0)

    def cmd_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("inspect", argv, [F("format", "f", "string"), F("type", "", "string"), F("size", "s", "bool")])
        if isinstance(pr, Result):
            return pr
        if not pr.args:
            return framing.args_error(self.p, "inspect", "requires at least 1 argument")
        typ = pr.get("type")
        if typ and typ not in ("container", "network", "image", "volume", "node", "service", "task", "config",
                               "secret", "plugin"):
            return Result("", f'"{typ}" is not a valid value for --type\n', 1)
        docs, err = [], ""
        fmt = pr.get("format")
        out_parts: list[str] = []
        for term in pr.args:
            doc = None
            if typ in ("", "container"):
                try:
                    doc = self.d.container_inspect(term)
                except NotFound:
                    doc = None
            if doc is None and typ in ("", "network"):
                try:
                    doc = self.d.network_inspect(term)
                except DockerError:
                    doc = None
            if doc is None:
                what = {"container": "container", "network": "network"}.get(typ, "object")
                if self.p.name == "20.10":
                    err += f"Error: No such {what}: {term}\n"
                else:
                    err += f"Error response from daemon: No such {what}: {term}\n" if what == "object" else \
                        f"Error: No such {what}: {term}\n"
                continue
            if fmt:
                try:
                    out_parts.append(execute_format(fmt, doc) + "\n")
                except TemplateFailure as e:
                    return Result("".join(out_parts), str(e), e.exit_code)
            else:
                docs.append(doc)
        code = 1 if err else 0
        if fmt:
            return Result("".join(out_parts), err, code)
        return Result(dumps(docs) + "\n", err, code)

    def cmd_port(self, argv: list[str]) -> Result:
        pr = self._parse("port", argv, [])
        if isinstance(pr, Result):
            return pr
        if not pr.args or len(pr.args) > 2:
            return framing.args_error(self.p, "port", "requires at least 1 and at most 2 arguments")
        try:
            c = self.d.find_container(pr.args[0])
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        ports = c.ports_published if c.running else {}
        if len(pr.args) == 2:
            want = pr.args[1]
            p, _, proto = want.partition("/")
            key = port_key(int(p), proto or "tcp") if p.isdigit() else want
            binds = ports.get(key)
            if not binds:
                return Result("", f"Error: No public port '{key}' published for {pr.args[0]}\n", 1)
            return Result("".join(fmt_hostport(self.p.name, b) + "\n" for b in binds), "", 0)
        out = ""
        keys = sorted(ports) if self.p.name == "20.10" else sort_port_keys(list(ports))
        for k in keys:
            for b in ports[k] or []:
                out += f"{k} -> {fmt_hostport(self.p.name, b)}\n"
        return Result(out, "", 0)


# -- helpers -------------------------------------------------------------------------------------------
def natural_key(s: str) -> list[Any]:
    """docker/cli's natural sort order: runs of digits compare as numbers (net9 < net10)."""
    import re as _re
    return [(0, int(t), t) if t.isdigit() else (1, 0, t) for t in _re.findall(r"\d+|\D+", s)]


def fmt_hostport(profile: str, b: dict[str, str]) -> str:
    ip = b.get("HostIp", "")
    if ":" in ip:
        ip = ip if profile == "20.10" else f"[{ip}]"
        return f"{ip}:{b.get('HostPort')}"
    return f"{ip}:{b.get('HostPort')}"


def consolidate_ipam(subnets: list[str], ranges: list[str], gateways: list[str],
                     aux: dict[str, str]) -> list[dict[str, Any]]:
    """docker/cli's consolidateIpam: pair ranges, gateways and aux addresses with their subnet."""
    if len(subnets) < len(ranges) or len(subnets) < len(gateways):
        raise ValueError("every ip-range or gateway must have a corresponding subnet")
    out: list[dict[str, Any]] = []
    parsed = []
    for s in subnets:
        parsed.append(s)
        out.append({"Subnet": s})
    if len(subnets) > 1 or ranges or gateways or aux:
        nets = []
        for s in subnets:
            try:
                nets.append(parse_prefix(s))
            except AddrError:
                raise ValueError(f"invalid subnet: invalid CIDR address: {s}") from None
        for i, a in enumerate(nets):
            for b in nets[i + 1:]:
                if a.overlaps(b):
                    raise ValueError("multiple overlapping subnet configuration is not supported")

        def match(text: str, kind: str, is_range: bool) -> int:
            for i, n in enumerate(nets):
                try:
                    if is_range:
                        r = parse_prefix(text)
                        if n.masked().contains(r.addr) and True:
                            return i
                    else:
                        ip = parse_ip(text)
                        if n.masked().contains(ip):
                            return i
                except AddrError:
                    if is_range:
                        raise ValueError(f"invalid CIDR address: {text}") from None
                    raise ValueError(f"invalid {kind} address: {text}") from None
            raise ValueError(f"no matching subnet for {kind} {text}")

        for r in ranges:
            i = match(r, "range", True)
            if "IPRange" in out[i]:
                raise ValueError(f"cannot configure multiple ranges ({r}, {out[i]['IPRange']}) on the same subnet "
                                 f"({subnets[i]})")
            out[i]["IPRange"] = r
        for g in gateways:
            i = match(g, "gateway", False)
            if "Gateway" in out[i]:
                raise ValueError(f"cannot configure multiple gateways ({g}, {out[i]['Gateway']}) for the same "
                                 f"subnet ({subnets[i]})")
            out[i]["Gateway"] = g
        for k, v in aux.items():
            i = match(v, "aux-address", False)
            out[i].setdefault("AuxiliaryAddresses", {})[k] = v
    return out


def expand_expose(spec: str) -> list[str]:
    p, _, proto = spec.partition("/")
    proto = proto or "tcp"
    lo, _, hi = p.partition("-")
    if hi:
        return [f"{x}/{proto}" for x in range(int(lo), int(hi) + 1)]
    return [f"{int(lo)}/{proto}"]


def parse_publish(specs: Sequence[str]) -> dict[str, list[dict[str, str]]]:
    """``-p`` specs to PortBindings (docker/go-connections nat.ParsePortSpecs)."""
    out: dict[str, list[dict[str, str]]] = {}
    for raw in specs:
        spec, _, proto = raw.rpartition("/") if "/" in raw else (raw, "", "tcp")
        proto = proto or "tcp"
        if proto not in ("tcp", "udp", "sctp"):
            raise ValueError(f"invalid proto: {proto}")
        ip = ""
        if spec.startswith("["):
            end = spec.index("]")
            ip = spec[1:end]
            rest = spec[end + 2:]
            parts = rest.split(":")
            hostp, cport = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
        else:
            parts = spec.split(":")
            if len(parts) == 1:
                hostp, cport = "", parts[0]
            elif len(parts) == 2:
                hostp, cport = parts
            elif len(parts) == 3:
                ip, hostp, cport = parts
            else:
                ip = ":".join(parts[:-2])
                hostp, cport = parts[-2], parts[-1]
        if ip:
            try:
                parse_ip(ip)
            except AddrError:
                raise ValueError(f"invalid IP address: {ip}") from None
        if not cport:
            raise ValueError(f"no port specified: {raw}<empty>")
        clo, _, chi = cport.partition("-")
        if not clo.isdigit() or (chi and not chi.isdigit()):
            raise ValueError(f"invalid containerPort: {cport}")
        hlo, _, hhi = hostp.partition("-")
        if hostp and (not hlo.isdigit() or (hhi and not hhi.isdigit())):
            raise ValueError(f"invalid hostPort: {hostp}")
        cports = list(range(int(clo), int(chi) + 1)) if chi else [int(clo)]
        if hostp and hhi:
            hports = list(range(int(hlo), int(hhi) + 1))
            if len(hports) != len(cports) and len(cports) != 1:
                raise ValueError(f"invalid ranges specified for container and host Ports: {cport} and {hostp}")
            if len(cports) == 1:
                out.setdefault(f"{cports[0]}/{proto}", []).append({"HostIp": ip, "HostPort": hostp})
                continue
            for cp, hp in zip(cports, hports):
                out.setdefault(f"{cp}/{proto}", []).append({"HostIp": ip, "HostPort": str(hp)})
        else:
            for cp in cports:
                out.setdefault(f"{cp}/{proto}", []).append({"HostIp": ip, "HostPort": hostp})
    return out


def network_row(d: Daemon, n: Any, trunc: bool) -> dict[str, Any]:
    labels = ",".join(f"{k}={v}" for k, v in n.labels.items())
    return {"ID": n.id[:12] if trunc else n.id, "Name": n.name, "Driver": n.driver, "Scope": n.scope,
            "IPv6": str(n.enable_ipv6).lower(), "IPv4": str(n.enable_ipv4).lower(),
            "Internal": str(n.internal).lower(), "Labels": labels,
            "CreatedAt": go_time_string(n.created_ns), "_labels": dict(n.labels)}


def go_time_string(ns: int) -> str:
    import time as _t
    secs, frac = divmod(ns, 1_000_000_000)
    base = _t.strftime("%Y-%m-%d %H:%M:%S", _t.gmtime(secs))
    f = f".{frac:09d}".rstrip("0") if frac else ""
    return f"{base}{f} +0000 UTC"


def filter_networks(d: Daemon, filters: list[str]) -> list[Any]:
    nets = d.network_list()
    groups: dict[str, list[str]] = {}
    for f in filters:
        k, eq, v = f.partition("=")
        if not eq:
            raise InvalidParameter(f"bad format of filter (expected name=value)")
        if k not in ("driver", "name", "id", "label", "type", "scope", "dangling"):
            raise InvalidParameter(f"invalid filter '{k}'")
        groups.setdefault(k, []).append(v)
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
                ok = any((v in ("true", "1")) == (not n.endpoints and not n.predefined) for v in vals)
            if not ok:
                break
        if ok:
            out.append(n)
    return out


def _label_ok(labels: dict[str, str], f: str) -> bool:
    k, eq, v = f.partition("=")
    return k in labels and (not eq or labels[k] == v)


def container_row(d: Daemon, c: Container, trunc: bool) -> dict[str, Any]:
    cmd = " ".join(c.cmd)
    if trunc and len(cmd) > 20:
        cmd = cmd[:19] + "…"
    nets = ",".join(sorted(n for n in c.networks)) if c.mode_kind != "container" else c.network_mode
    if c.mode_kind == "container":
        nets = ""
    return {"ID": c.id[:12] if trunc else c.id, "Image": c.image_ref, "Command": f'"{cmd}"',
            "RunningFor": ago(d, c.created_ns), "CreatedAt": go_time_string(c.created_ns),
            "Status": status_text(d, c), "State": c.status, "Ports": ports_text(d, c), "Names": c.name,
            "Networks": nets, "Labels": ",".join(f"{k}={v}" for k, v in c.labels.items()), "Size": "0B",
            "Mounts": "", "LocalVolumes": "0", "_labels": dict(c.labels), "_c": c}


def ago(d: Daemon, ns: int) -> str:
    secs = max(0, (d.rand.peek_ns() - ns) // 1_000_000_000)
    if secs < 1:
        return "Less than a second ago"
    if secs == 1:
        return "1 second ago"
    if secs < 60:
        return f"{secs} seconds ago"
    return f"{secs // 60} minutes ago"


def status_text(d: Daemon, c: Container) -> str:
    if c.status == "running":
        return "Up " + ago(d, c.started_ns)[:-4]
    if c.status == "created":
        return "Created"
    return f"Exited ({c.exit_code}) {ago(d, c.finished_ns)}"


def ports_text(d: Daemon, c: Container) -> str:
    if not c.running:
        return ""
    parts: list[str] = []
    for k in sort_port_keys(list(c.ports_published)):
        binds = c.ports_published[k]
        if not binds:
            parts.append(k)
            continue
        for b in binds:
            parts.append(f"{fmt_hostport(d.profile.name, b)}->{k}")
    return ", ".join(parts)


def filter_containers(d: Daemon, cs: list[Container], filters: list[str]) -> list[Container]:
    for f in filters:
        k, eq, v = f.partition("=")
        if not eq:
            raise InvalidParameter("bad format of filter (expected name=value)")
        if k == "name":
            cs = [c for c in cs if v in c.name]
        elif k == "network":
            cs = [c for c in cs if v in c.networks or any(es.network_id.startswith(v) for es in c.networks.values())]
        elif k == "status":
            cs = [c for c in cs if c.status == v]
        elif k == "id":
            cs = [c for c in cs if c.id.startswith(v)]
        elif k == "label":
            cs = [c for c in cs if _label_ok(c.labels, v)]
        elif k == "ancestor":
            cs = [c for c in cs if c.image_ref.split(":")[0] == v.split(":")[0]]
        elif k == "expose" or k == "publish":
            cs = [c for c in cs if any(x.startswith(v.split("/")[0] + "/") for x in
                                       (c.exposed if k == "expose" else c.ports_published))]
        else:
            raise InvalidParameter(f"invalid filter '{k}'")
    return cs


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
