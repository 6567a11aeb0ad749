"""``docker info``, ``docker system info|df|prune|events``, ``docker events`` and ``docker version``.

Mirrors docker/cli ``cli/command/system`` (info.go: the Client and Server sections, ``--format`` on
the client's info struct; version.go: its two-part template; prune.go: the warning, then the
container, network, image and build-cache prunes chained, ``Total reclaimed space:``) and
``formatter/disk_usage.go`` (``system df``: the summary table, ``-v``'s four sections). The
daemon answers ``GET /info``, ``/system/df`` and the prunes; what the engine build says about
itself is its profile's ``system`` facts. Recorded: tests/golden/scenarios/r210_info_system_df_prune,
r211_info_address_pools, r212_system_errors_version on 20.10, 26 and 28.

Volumes (``daemon.volumes``) hold no files: ``system df`` counts them, each 0B, and ``system prune
--volumes`` chains the daemon's volume prune (the unused anonymous ones; every unused one on 20.10)
after the networks', as prune.go does. Events (``client.events``): the daemon's buffered events
over a window; ``docker events`` without ``--until`` (which a real client follows until
interrupted) prints what was buffered and returns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from ..engines.system import ClientInfoStyle, InfoWithoutDaemon
from ..errors import DockerError
from ..golang.template import Nil, Struct, TemplateError
from ..golang.template.values import DOCKER_ERROR_PREFIX
from ..result import Result
from . import framing
from .flags import Parsed
from .help import texts as help_texts
from .options import F
from .rows import ago, container_context
from .framing import CANNOT_CONNECT, Unreachable
from .templates import TemplateFailure, parse_for, prepare, render_rows, row_context
from .group import CommandGroup
if TYPE_CHECKING:
    from ..daemon.system import DiskUsage, SystemInfo
    from .cli import DockerCLI

__all__ = ["SystemCommands", "COMPOSE_PLUGIN"]

# the compose plugin every recorded client found (Debian sid's docker-compose 2.40.3-3): its metadata
COMPOSE_PLUGIN = {"SchemaVersion": "0.1.0", "Vendor": "Docker Inc.", "Version": "2.40.3-3",
                  "ShortDescription": "Docker Compose", "Name": "compose",
                  "Path": "/usr/local/lib/docker/cli-plugins/docker-compose"}

_DF_HEADERS = {"Type": "TYPE", "TotalCount": "TOTAL", "Active": "ACTIVE", "Size": "SIZE", "Reclaimable": "RECLAIMABLE"}
_DF_IMAGES = ("table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.%s}}\t{{.SharedSize}}\t"
              "{{.UniqueSize}}\t{{.Containers}}")
_DF_IMAGE_HEADERS = {"Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID", "CreatedSince": "CREATED",
                     "Size": "SIZE", "VirtualSize": "SIZE", "SharedSize": "SHARED SIZE", "UniqueSize": "UNIQUE SIZE",
                     "Containers": "CONTAINERS"}
# the formatter context of each summary row (what a template error names: r212)
_DF_CONTEXTS = {"Images": "*formatter.diskUsageImagesContext", "Containers": "*formatter.diskUsageContainersContext",
                "Local Volumes": "*formatter.diskUsageVolumesContext", "Build Cache": "*formatter.diskUsageBuilderContext"}
_DF_CONTAINERS = ("table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t"
                  "{{.Status}}\t{{.Names}}")
_DF_CONTAINER_HEADERS = {"ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "LocalVolumes": "LOCAL VOLUMES",
                         "Size": "SIZE", "RunningFor": "CREATED", "Status": "STATUS", "Names": "NAMES"}


class SystemCommands(CommandGroup):
    """``docker info|system|events`` and ``version``'s texts, for one command of a DockerCLI: made
    when one of them runs, so that a session that never asks loads none of this (issue 15)."""

    # -- dispatch ------------------------------------------------------------------------------
    def system(self, argv: list[str]) -> Result:
        """``docker system SUBCOMMAND``; alone, its help on stderr (cobra's ShowHelp)."""
        recorded = help_texts(self.p.name)
        helptext = (recorded.text("system") if recorded is not None else None) or ""
        if not argv:
            return Result("", helptext, 0)
        sub = {"info": self.cmd_info, "df": self.system_df, "prune": self.system_prune,
               "events": self.cmd_events}.get(argv[0])
        if sub is None:
            if argv[0].startswith("-"):
                return framing.flag_error(self.p, "system", f"unknown flag: {argv[0]}")
            return framing.args_error(self.p, "system", first_arg=argv[0], help_text=helptext)
        self.group = "system "
        try:
            return sub(argv[1:])
        finally:
            self.group = ""

    # -- docker info -------------------------------------------------------------------------------
    def cmd_info(self, argv: list[str]) -> Result:
        pr = self._parse("info", argv, [F("format", "f", "string")], offline=True)
        if isinstance(pr, Result):
            return pr
        if self.d.start_failure is not None:
            return self._info_without_daemon(pr.get("format"))
        try:
            info = self.d.system_info()
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        fmt = pr.get("format")
        if fmt:
            return self._info_format(fmt, info)
        return Result(self._client_section() + self._server_section(info), "", 0)

    def _client_section(self) -> str:
        f = self.p.system
        out = ["Client:"]
        if f.client_info_style is ClientInfoStyle.VERSION_AND_PATH:
            out += [f" Version:    {f.client_version}", " Context:    default", " Debug Mode: false", " Plugins:",
                    f"  compose: {COMPOSE_PLUGIN['ShortDescription']} ({COMPOSE_PLUGIN['Vendor']})",
                    f"    Version:  {COMPOSE_PLUGIN['Version']}", f"    Path:     {COMPOSE_PLUGIN['Path']}"]
        else:
            out += [" Context:    default", " Debug Mode: false", " Plugins:",
                    f"  compose: {COMPOSE_PLUGIN['ShortDescription']} ({COMPOSE_PLUGIN['Vendor']}, "
                    f"{COMPOSE_PLUGIN['Version']})"]
        return "\n".join(out) + "\n\n"

    def _server_section(self, info: SystemInfo) -> str:
        from ..golang.units import bytes_size   # (on first use: issue 15)
        f = self.p.system
        from ..daemon.system import info_document
        doc = info_document(info, self.p)
        m = info.machine
        out = ["Server:", f" Containers: {info.containers}", f"  Running: {info.running}",
               f"  Paused: {info.paused}", f"  Stopped: {info.stopped}", f" Images: {info.images}",
               f" Server Version: {f.server_version}", " Storage Driver: vfs", " Logging Driver: json-file",
               " Cgroup Driver: cgroupfs", " Cgroup Version: 1", " Plugins:", "  Volume: local",
               "  Network: " + " ".join(doc["Plugins"]["Network"]), "  Log: " + " ".join(f.log_plugins)]
        if f.cdi_spec_dirs:
            out += [" CDI spec directories:"] + [f"  {d}" for d in f.cdi_spec_dirs]
        out += [" Swarm: inactive", " Runtimes: " + " ".join(f.runtimes), " Default Runtime: runc",
                " Init Binary: docker-init", f" containerd version: {f.containerd_commit_in_info}",
                f" runc version: {f.runc_commit}", " init version: ", " Security Options:", "  seccomp",
                f"   Profile: {f.security_profile}", f" Kernel Version: {m.kernel_version}",
                f" Operating System: {f.operating_system}", f" OSType: {m.os_type}",
                f" Architecture: {m.architecture}", f" CPUs: {m.ncpu}", f" Total Memory: {bytes_size(m.mem_total)}",
                f" Name: {info.name}", f" ID: {doc['ID']}", f" Docker Root Dir: {doc['DockerRootDir']}",
                " Debug Mode: false"]
        if f.registry_line:
            out += [f" Registry: {doc['IndexServerAddress']}", " Labels:"]
        out += [" Experimental: false", " Insecure Registries:"] + [f"  {r}" for r in f.insecure_registries]
        out += [" Live Restore Enabled: false"]
        if info.default_address_pools:
            out += [" Default Address Pools:"] + [f"   Base: {b}, Size: {s}" for b, s in info.default_address_pools]
        return "\n".join(out) + "\n\n"

    def _info_without_daemon(self, fmt: str) -> Result:
        """``docker info`` with no daemon on the socket (r213): the client's half, then the error as
        the client generation frames it (``engines.system.InfoWithoutDaemon``)."""
        style = self.p.system.info_without_daemon
        down = CANNOT_CONNECT + "\n"
        if not fmt:
            head = self._client_section() + "Server:\n"
            if style is InfoWithoutDaemon.PLAIN_ERROR:
                return Result(head, down, 1)
            if style is InfoWithoutDaemon.ERROR_AND_SUMMARY:
                return Result(head, "ERROR: " + down + "errors pretty printing info\n", 1)
            return Result(head + "ERROR: " + down, "errors pretty printing info\n", 1)
        client_only = self._info_format(fmt, None)
        if client_only.exit_code == 0 or style is InfoWithoutDaemon.INLINE_ERROR:
            return client_only            # (20.10 reads the server's fields from its nil Info: an error)
        # the template reads the server's fields: the client asks, and runs it on an empty Info
        empty = self._info_format(fmt, _empty_info())
        return Result(empty.stdout, empty.stderr or down, 1 if style is InfoWithoutDaemon.PLAIN_ERROR else 0)

    def _client_info_doc(self) -> dict[str, Any]:
        f = self.p.system
        doc: dict[str, Any] = {"Debug": False}
        if f.client_info_version:
            doc["Version"] = f.client_version
            if f.client_info_default_api:
                doc["DefaultAPIVersion"] = self.p.client_api_version
            doc.update({"GitCommit": f.client_git_commit, "GoVersion": f.client_go_version, "Os": "linux",
                        "Arch": "amd64", "BuildTime": f.client_built})
        doc.update({"Context": "default", "Plugins": [dict(COMPOSE_PLUGIN)], "Warnings": None})
        return doc

    def _info_format(self, fmt: str, info: Optional[SystemInfo]) -> Result:
        """info.go formatInfo: parse (exit 64, ``template parsing error: …``), execute on the
        client's info struct, a newline after whatever it wrote (exit 1 on an execution error)."""
        from .templates import typed
        f = self.p.system
        body = "{{json .}}" if fmt == "json" and self.p.json_format_shorthand else fmt
        try:
            tmpl = parse_for(body, self.p)
        except TemplateError as e:
            return Result("", f"template parsing error: {e}\n", 64)
        client = self._client_info_doc()
        if info is None:        # no daemon: the embedded *system.Info is nil
            fields: dict[str, Any] = {"Info": Nil("*system.Info")}
            whole: dict[str, Any] = {}
        else:
            from ..daemon.system import info_document
            doc = info_document(info, self.p) if info is not _empty_info() else _empty_document()
            whole = dict(doc)
            fields = {_GO_FIELD.get(k, k): v for k, v in typed(doc, f.info_type_name).items()}
            if "DefaultAddressPools" not in fields:
                fields["DefaultAddressPools"] = Nil("[]system.NetworkAddressPool")
        whole["ClientInfo"] = client
        fields["ServerErrors"] = Nil("[]string")
        fields["ClientInfo"] = typed(client, "*system.clientInfo")
        fields["ClientErrors"] = Nil("[]string")
        value = Struct(f.info_type_name, fields, marshal=lambda: go_json(whole))
        try:
            out = tmpl.execute(value)
        except TemplateError as e:
            text = str(e)
            if info is None:
                # Go's reflect on a field promoted through the nil embedded pointer (r213 on 20.10)
                text = re.sub(r"can't evaluate field \w+ in type [\w.*]+",
                              "reflect: indirection through nil pointer to embedded struct field Info", text)
            return Result(e.partial + "\n", f"{text}\n", 1)
        return Result(out + "\n", "", 0)

    # -- docker system df --------------------------------------------------------------------------
    def system_df(self, argv: list[str]) -> Result:
        pr = self._parse("df", argv, [F("verbose", "v", "bool"), F("format", "", "string")])
        if isinstance(pr, Result):
            return pr
        try:
            du: DiskUsage = self.d.system_df()
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        fmt = pr.get("format") or ""
        if pr.get("verbose"):
            return self._df_verbose(du, fmt)
        rows = self._df_rows(du)
        if fmt == "json" and self.p.json_format_shorthand:
            fmt = "{{json .}}"
        fmt = fmt or "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}"
        if fmt == "raw":
            text = "".join(f"type: {r['Type']}\ntotal: {r['TotalCount']}\nactive: {r['Active']}\nsize: {r['Size']}\n"
                           f"reclaimable: {r['Reclaimable']}\n\n" for r in rows)
            return Result(text, "", 0)
        try:
            return Result(render_rows(fmt, [row_context(_DF_CONTEXTS[r["Type"]], r) for r in rows],
                                      _DF_HEADERS, profile=self.p), "", 0)
        except TemplateFailure as e:
            return Result(e.stdout, str(e), e.exit_code)

    def _df_rows(self, du: DiskUsage) -> list[dict[str, str]]:
        from ..golang.units import human_size   # (on first use: issue 15)
        total = du.layers_size
        used = sum(u.size - u.shared_size for u in du.images if u.containers)
        reclaim = total - used
        images = {"Type": "Images", "TotalCount": str(len(du.images)),
                  "Active": str(sum(1 for u in du.images if u.containers)), "Size": human_size(total),
                  "Reclaimable": f"{human_size(reclaim)} ({reclaim * 100 // total}%)" if total > 0
                  else human_size(reclaim)}
        active = sum(1 for c in du.containers if c.running)
        containers = {"Type": "Containers", "TotalCount": str(len(du.containers)), "Active": str(active),
                      "Size": "0B", "Reclaimable": "0B"}
        volumes = {"Type": "Local Volumes", "TotalCount": str(len(du.volumes)),
                   "Active": str(sum(1 for v in du.volumes if v.ref_count)), "Size": "0B", "Reclaimable": "0B"}
        cache = {"Type": "Build Cache", "TotalCount": "0", "Active": "0", "Size": "0B", "Reclaimable": "0B"}
        return [images, containers, volumes, cache]

    def _df_verbose(self, du: DiskUsage, fmt: str) -> Result:
        from ..golang.units import human_size   # (on first use: issue 15)
        f = self.p.system
        created = self.d.rand.EPOCH_NS
        images = []
        for u in du.images:
            repo, _, tag = (u.repo_tags[0] if u.repo_tags else "<none>:<none>").rpartition(":")
            images.append(row_context("*formatter.imageContext", {
                "Repository": repo, "Tag": tag, "ID": u.image.id[:12], "CreatedSince": ago(self.d, created),
                "Size": human_size(u.size, 3), "VirtualSize": human_size(u.size), "SharedSize": human_size(u.shared_size),
                "UniqueSize": human_size(u.size - u.shared_size), "Containers": str(u.containers)}))
        containers = []
        for c in du.containers:
            ctx = container_context(self.d, c, True, self.p)
            fields = dict(ctx)
            fields["Size"] = "0B"
            containers.append(row_context("*formatter.ContainerContext", fields, labels=dict(c.labels)))
        if fmt and not fmt.startswith("table"):
            _, body = prepare(fmt, self.p)
            try:
                tmpl = parse_for(body, self.p)
            except TemplateError as e:
                return Result("", f"{DOCKER_ERROR_PREFIX}{e}\n", 1)
            value = Struct("*formatter.diskUsageContext", {"Images": images, "Containers": containers,
                                                          "Volumes": [], "BuildCache": []})
            try:
                return Result(tmpl.execute(value), "", 0)
            except TemplateError as e:      # (the verbose writer returns the template's own error: r212)
                return Result(e.partial, f"{e}\n", 1)
        try:
            text = "Images space usage:\n\n" + render_rows(_DF_IMAGES % f.df_image_size_field, images, _DF_IMAGE_HEADERS, profile=self.p)
            text += "\nContainers space usage:\n\n" + render_rows(_DF_CONTAINERS, containers, _DF_CONTAINER_HEADERS,
                                                                   profile=self.p)
        except TemplateFailure as e:
            return Result(e.stdout, str(e), e.exit_code)
        vols = [row_context("*formatter.volumeContext", {"Name": v.name, "Links": str(v.ref_count), "Size": "0B"})
                for v in du.volumes]
        text += "\nLocal Volumes space usage:\n\n" + render_rows("table {{.Name}}\t{{.Links}}\t{{.Size}}", vols,
                                                                   {"Name": "VOLUME NAME", "Links": "LINKS", "Size": "SIZE"},
                                                                   profile=self.p)
        text += "\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n"
        return Result(text, "", 0)

    # -- docker system prune -----------------------------------------------------------------------
    def system_prune(self, argv: list[str]) -> Result:
        pr = self._parse("prune", argv, [F("all", "a", "bool"), F("force", "f", "bool"), F("volumes", "", "bool"),
                                         F("filter", "", "list")], offline=True)
        if isinstance(pr, Result):
            return pr
        filters = list(pr.get("filter"))
        if pr.get("volumes") and any(x.partition("=")[0] == "until" for x in filters):
            return Result("", 'ERROR: The "until" filter is not supported with "--volumes"\n', 1)
        if not pr.get("force"):
            return Result(self._prune_warning(pr, filters) + " [y/N] ", "", 0)   # (asked before any request: r213)
        if self.d.start_failure is not None:
            raise Unreachable("system prune")
        out = ""
        try:
            removed = self.d.containers_prune(filters)
            if removed:
                out += "Deleted Containers:\n" + "".join(r + "\n" for r in removed) + "\n"
            nets = self.d.networks_prune(filters)
            if nets:
                out += "Deleted Networks:\n" + "".join(n + "\n" for n in nets) + "\n"
            vols = self.d.volumes_prune() if pr.get("volumes") else []
            if vols:
                out += "Deleted Volumes:\n" + "".join(v + "\n" for v in vols) + "\n"
            gone = self.d.images_prune(bool(pr.get("all")), filters)
            if gone:
                out += "Deleted Images:\n" + "".join(g + "\n" for g in gone) + "\n"
        except DockerError as e:
            return Result(out, f"Error response from daemon: {str(e).strip()}\n", 1)
        return Result(out + "Total reclaimed space: 0B\n", "", 0)

    def _prune_warning(self, pr: Parsed, filters: list[str]) -> str:
        f = self.p.system
        warnings = ["all stopped containers", "all networks not used by at least one container"]
        if pr.get("volumes"):
            warnings.append(f.prune_volumes_words)
        warnings.append("all images without at least one container associated to them" if pr.get("all")
                        else "all dangling images")
        warnings.append("all build cache" if pr.get("all") else f.prune_build_cache_words)
        text = "WARNING! This will remove:\n" + "".join(f"  - {w}\n" for w in warnings)
        shown = sorted(x for x in filters if x.partition("=")[0] in ("label", "label!", "until"))
        if shown:
            text += "\n  Items to be pruned will be filtered with:\n" + "".join(f"  - {x}\n" for x in shown)
        return text + "\nAre you sure you want to continue?"

    # -- docker events -----------------------------------------------------------------------------
    def cmd_events(self, argv: list[str]) -> Result:
        pr = self._parse("events", argv, [F("filter", "f", "list"), F("format", "", "string"),
                                          F("since", "", "string"), F("until", "", "string")])
        if isinstance(pr, Result):
            return pr
        from .events import run_events      # (on first use: issue 15)
        # a filter the daemon does not know is not refused by an events stream (r212)
        return run_events(self.p, self.d, pr.get("since") or "", pr.get("until") or "",
                          list(pr.get("filter") or []), pr.get("format") or "")

    # -- docker version ----------------------------------------------------------------------------
    def version_text(self, negotiated: str) -> str:
        p, f = self.p, self.p.system
        client = [f" Version:           {f.client_version}", f" API version:       {negotiated}",
                  f" Go version:        {f.client_go_version}", f" Git commit:        {f.client_git_commit}",
                  f" Built:             {f.client_built}", " OS/Arch:           linux/amd64",
                  " Context:           default"]
        if f.client_experimental:
            client.append(" Experimental:      true")
        server = [" Engine:", f"  Version:          {f.server_version}",
                  f"  API version:      {p.api_version} (minimum version {p.min_api_version})",
                  f"  Go version:       {f.server_go_version}", f"  Git commit:       {f.server_git_commit}",
                  f"  Built:            {f.server_built}", "  OS/Arch:          linux/amd64",
                  "  Experimental:     false", " containerd:", f"  Version:          {f.containerd_version}",
                  f"  GitCommit:        {f.containerd_commit}", " runc:", f"  Version:          {f.runc_version}",
                  f"  GitCommit:        {f.runc_commit}", " docker-init:", f"  Version:          {f.init_version}",
                  "  GitCommit:        "]
        return "Client:\n" + "\n".join(client) + "\n\nServer:\n" + "\n".join(server) + "\n"

    def version_value(self, negotiated: str, kernel: str, server: bool = True) -> Struct:
        """system/version.go's versionInfo: the client's half and the daemon's /version."""
        p, f = self.p, self.p.system
        client_fields: dict[str, Any] = {
            "Platform": Struct("*main.platformInfo", {"Name": ""}), "Version": f.client_version,
            "APIVersion": negotiated, "DefaultAPIVersion": p.client_api_version, "GitCommit": f.client_git_commit,
            "GoVersion": f.client_go_version, "Os": "linux", "Arch": "amd64", "BuildTime": f.client_built,
            "Context": "default"}
        client_json: dict[str, Any] = {"Platform": {"Name": ""}} if f.client_platform_shown else {}
        client_json.update({"Version": f.client_version, "ApiVersion": negotiated,
                            "DefaultAPIVersion": p.client_api_version, "GitCommit": f.client_git_commit,
                            "GoVersion": f.client_go_version, "Os": "linux", "Arch": "amd64",
                            "BuildTime": f.client_built, "Context": "default"})
        if f.client_experimental:
            client_fields["Experimental"] = True
            client_json["Experimental"] = True
        server_json = self.d_version_document(kernel)
        components = [Struct("types.ComponentVersion", {"Name": c["Name"], "Version": c["Version"],
                                                        "Details": dict(c["Details"])})
                      for c in server_json["Components"]]
        server_value = Struct("*types.Version", {
            "Platform": Struct("struct { Name string }", {"Name": ""}), "Components": components,
            "Version": f.server_version, "APIVersion": p.api_version, "MinAPIVersion": p.min_api_version,
            "GitCommit": f.server_git_commit, "GoVersion": f.server_go_version, "Os": "linux", "Arch": "amd64",
            "KernelVersion": kernel, "Experimental": False, "BuildTime": f.server_build_time},
            marshal=lambda: go_json(server_json))
        client = Struct("main.clientVersion", client_fields, marshal=lambda: go_json(client_json))
        if not server:
            return Struct("main.versionInfo", {"Client": client, "Server": Nil("*types.Version")})
        return Struct("main.versionInfo", {"Client": client, "Server": server_value})

    def d_version_document(self, kernel: str) -> dict[str, Any]:
        from ..daemon.system import version_document
        return version_document(self.p, kernel)


@lru_cache(maxsize=None)
def _empty_info() -> "SystemInfo":
    """An Info with every field at its zero value: what the client formats when the daemon did
    not answer (one object: the formatter tells it by identity)."""
    from ..daemon.system import Machine, SystemInfo
    return SystemInfo(id="", containers=0, running=0, paused=0, stopped=0, images=0, name="",
                      default_address_pools=(), ipv4_forwarding=False, machine=Machine("", 0, 0, "", ""),
                      system_time_ns=0)


def _empty_document() -> dict[str, Any]:
    """system.Info's zero value, field by field (its JSON as the client would encode it)."""
    return {"ID": "", "Containers": 0, "ContainersRunning": 0, "ContainersPaused": 0, "ContainersStopped": 0,
            "Images": 0, "Driver": "", "DriverStatus": None,
            "Plugins": {"Volume": None, "Network": None, "Authorization": None, "Log": None},
            "MemoryLimit": False, "SwapLimit": False, "IPv4Forwarding": False, "Debug": False, "NFd": 0,
            "NGoroutines": 0, "SystemTime": "", "LoggingDriver": "", "CgroupDriver": "", "KernelVersion": "",
            "OperatingSystem": "", "OSType": "", "Architecture": "", "NCPU": 0, "MemTotal": 0,
            "DockerRootDir": "", "Name": "", "Labels": None, "ServerVersion": "", "Warnings": None}


# system.Info's Go field names where its JSON keys differ (a template names the field: r210)
_GO_FIELD = {"BridgeNfIp6tables": "BridgeNfIP6tables", "HttpProxy": "HTTPProxy", "HttpsProxy": "HTTPSProxy",
             "CpuCfsPeriod": "CPUCfsPeriod", "CpuCfsQuota": "CPUCfsQuota"}

# the JSON objects of /info and /version that are Go maps (their keys come out sorted); every other
# object is a struct, whose fields keep the engine's order
_GO_MAPS = frozenset({"Runtimes", "IndexConfigs", "Details"})


def go_json(doc: Any, key: str = "") -> Any:
    """A JSON document as the Go value ``json`` encodes: structs in field order, maps sorted."""
    if isinstance(doc, dict):
        if key in _GO_MAPS or not any(k[:1].isupper() for k in doc):
            return {k: go_json(v) for k, v in doc.items()}
        return Struct("struct", {k: go_json(v, k) for k, v in doc.items()})
    if isinstance(doc, list):
        return [go_json(v) for v in doc]
    return doc
