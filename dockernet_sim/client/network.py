"""``docker network create/ls/inspect/connect/disconnect/rm/prune``.

Mirrors docker/cli cli/command/network: flags, Engine API calls on the daemon model, the
``network ls`` table, ``inspect`` (JSON or ``--format``) and the texts each prints.
"""

from __future__ import annotations

from typing import Any, Callable

from ..daemon.containers import EndpointSpec
from ..daemon.inspect import dumps
from ..errors import DockerError, InvalidParameter, NotFound
from . import framing
from .flags import split_kv, validate_link
from ..result import Result
from .templates import TemplateFailure, inspect_one, parse_inspect, render_rows
from .options import F, consolidate_ipam, network_create_flags
from .rows import _ClientError, natural_key, network_context
from ..values import go_trim_space

# the 28 client library's trimID (recorded: r120_odd_names, `docker network inspect " "`)
BLANK_NETWORK_REF = "invalid network name or ID: value is empty"


class NetworkCommands:
    """``docker network …``, mixed into DockerCLI (uses its ``d``, ``p`` and ``_parse``)."""

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
        pr = self._parse("network create", argv, network_create_flags(self.p))
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
                                        ipam_options=pr.get("ipam-opt") or {}, internal=pr.get("internal"),
                                        attachable=pr.get("attachable"), labels=labels,
                                        enable_ipv6=pr.get("ipv6") if "ipv6" in pr.given else None,
                                        enable_ipv4=pr.get("ipv4") if "ipv4" in pr.given else None,
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
            if self.p.client_refuses_blank_ids and not go_trim_space(term):
                code = 1
                err += BLANK_NETWORK_REF + "\n"
                continue
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
            if pr.get("filter"):
                from .filters import filter_networks        # (loaded by the first --filter)
                nets = filter_networks(self.d, pr.get("filter"))
            else:                                           # what it keeps of a list without one
                nets = list(self.d.network_list())
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
        if not self.p.ls_ipv4_column:
            del headers["IPv4"]
        rows = [network_context(self.d, n, trunc, self.p) for n in nets]
        return Result(render_rows(fmt, rows, headers, profile=self.p), "", 0)

    def net_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("network inspect", argv, [F("format", "f", "string"), F("verbose", "v", "bool")])
        if isinstance(pr, Result):
            return pr

        def get(term: str) -> dict[str, Any]:
            if self.p.client_refuses_blank_ids and not go_trim_space(term):
                raise _ClientError(BLANK_NETWORK_REF)
            return self.d.network_inspect(term)
        return self._inspect(pr.args, get, pr.get("format"), "network", "types.NetworkResource")

    def _inspect(self, refs: list[str], get: Callable[[str], dict[str, Any]], fmt: str, obj: str,
                 type_name: str) -> Result:
        """cli/command/inspect.Inspect: every reference is tried; outputs first, then the errors
        joined (exit 1); a template that does not parse exits 64 before anything is fetched."""
        tmpl = parse_inspect(fmt, self.p) if fmt else None
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
