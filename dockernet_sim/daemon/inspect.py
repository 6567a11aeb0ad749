"""Inspect documents (``docker network inspect``, ``docker inspect`` of containers), in each
engine's key order.

The container document's non-network parts are the engine's fixed defaults for a plain ``docker
run -itd IMAGE`` (kept as data in ``data/container_*.json``, the file named by
``Profile.inspect.container_template``, recorded from the engines); everything networking reads
is computed from the model.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from ..ids import format_time
from ..libnetwork.model import Endpoint, Network
from .container import Container, EndpointSettings, sort_port_keys
from .specs import MountSpec
from .volumes import mount_document

if TYPE_CHECKING:  # pragma: no cover
    from .daemon import Daemon

Json = dict[str, Any]
ZERO_TIME = "0001-01-01T00:00:00Z"


@lru_cache(maxsize=4)
def _template_text(filename: str) -> str:
    path = os.path.join(os.path.dirname(__file__), "data", filename)
    with open(path, encoding="utf-8") as f:
        return f.read()


def container_template(filename: str) -> Json:
    """The recorded skeleton of ``docker inspect`` (``Profile.inspect.container_template``)."""
    return _read_json(_template_text(filename))


# ``json``'s C accelerator, which json.loads and json.dumps run on: the package itself is not
# imported for what inspect needs (its import compiles six regular expressions, the biggest
# import of a plain run: issue 15); an interpreter without the accelerator uses the package.
try:
    from _json import encode_basestring as _string, make_scanner as _make_scanner
except ImportError:  # pragma: no cover - CPython and Pyodide have it
    from json.encoder import encode_basestring as _string
    _make_scanner = None


class _LoadsSettings:
    """What json's scanner reads its settings from: ``json.loads``'s defaults (strict strings,
    float and int numbers; ``NaN`` and ``Infinity`` as floats)."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


@lru_cache(maxsize=1)
def _scanner() -> Any:
    return _make_scanner(_LoadsSettings()) if _make_scanner is not None else None


def _read_json(text: str) -> Any:
    """``json.loads(text)`` for a document of the package's own (one JSON value, whitespace
    around it); anything else is left to ``json.loads``, which says what is wrong."""
    scan = _scanner()
    if scan is not None:
        start = len(text) - len(text.lstrip(" \t\n\r"))
        try:
            value, end = scan(text, start)
        except (StopIteration, ValueError):
            pass
        else:
            if not text[end:].strip(" \t\n\r"):
                return value
    import json
    return json.loads(text)


# -- networks -------------------------------------------------------------------------------
def network_document(d: "Daemon", net: Network) -> Json:
    p = d.profile
    doc: Json = {"Name": net.name, "Id": net.id, "Created": format_time(net.created_ns), "Scope": net.scope,
                 "Driver": net.driver}
    if p.inspect.enable_ipv4:
        doc["EnableIPv4"] = net.enable_ipv4
    doc["EnableIPv6"] = net.enable_ipv6
    doc["IPAM"] = {"Driver": net.ipam_driver,
                   "Options": None if net.predefined else net.ipam_options,
                   "Config": ipam_config_doc(d, net)}
    doc["Internal"] = net.internal
    doc["Attachable"] = net.attachable
    doc["Ingress"] = net.ingress
    doc["ConfigFrom"] = {"Network": net.config_from}
    doc["ConfigOnly"] = net.config_only
    containers: Json = {}
    for ep in sorted(net.endpoints.values(), key=lambda e: e.container_id):
        if ep.sandbox is None:
            continue
        containers[ep.container_id] = {
            "Name": ep.name, "EndpointID": ep.id, "MacAddress": ep.mac,
            "IPv4Address": f"{ep.ip4}/{ep.prefixlen4}" if ep.ip4 is not None else "",
            "IPv6Address": f"{ep.ip6}/{ep.prefixlen6}" if ep.ip6 is not None else "",
        }
    doc["Containers"] = containers
    doc["Options"] = dict(net.options)
    doc["Labels"] = dict(net.labels)
    return doc


def ipam_config_doc(d: "Daemon", net: Network) -> Optional[list[Json]]:
    """IPAM.Config: the user's entries echoed as typed, the others from what IPAM handed out.

    20.10 lists IPv4 then IPv6; 28 lists the user's entries first, then the automatic ones."""
    if d.ctl.driver(net.driver).null_ipam and not net.config_only:
        return None if d.profile.inspect.empty_ipam_config_null else []

    def user_entry(cfg: dict[str, Any]) -> Json:
        e: Json = {"Subnet": cfg.get("Subnet", "")}
        if cfg.get("IPRange"):
            e["IPRange"] = cfg["IPRange"]
        if cfg.get("Gateway"):
            e["Gateway"] = cfg["Gateway"]
        if cfg.get("AuxiliaryAddresses"):
            e["AuxiliaryAddresses"] = dict(cfg["AuxiliaryAddresses"])
        return e

    def auto_entry(ps: Any) -> Json:
        e: Json = {"Subnet": str(ps.pool)}
        if ps.sub_pool is not None:
            e["IPRange"] = str(ps.sub_pool)
        if ps.gateway is not None and net.show_gateway:
            e["Gateway"] = str(ps.gateway)
        if ps.aux:
            e["AuxiliaryAddresses"] = {k: str(v) for k, v in ps.aux.items()}
        return e

    # display-only entries: an IPv6 subnet without --ipv6, an IPv4 one with --ipv4=false (r232)
    shown4 = [c for c in net.display_only if ":" not in str(c.get("Subnet", ""))]
    shown6 = [c for c in net.display_only if ":" in str(c.get("Subnet", ""))]
    v4 = [(ps.user_config is not None, user_entry(ps.user_config) if ps.user_config is not None else auto_entry(ps))
          for ps in net.pools4] + [(True, user_entry(c)) for c in shown4]
    v6 = [(ps.user_config is not None, user_entry(ps.user_config) if ps.user_config is not None else auto_entry(ps))
          for ps in net.pools6] + [(True, user_entry(c)) for c in shown6]
    if d.profile.inspect.ipam_config_user_first:
        both = v4 + v6
        return [e for u, e in both if u] + [e for u, e in both if not u]
    return [e for _, e in v4] + [e for _, e in v6]


# -- containers -------------------------------------------------------------------------------
def container_document(d: "Daemon", c: Container) -> Json:
    p = d.profile
    doc = container_template(p.inspect.container_template)
    base = "/var/lib/docker/containers/" + c.id
    files_owner = c
    if c.mode_kind == "container":
        try:
            files_owner = d.find_container(c.network_mode.split(":", 1)[1])
        except Exception:
            files_owner = c
    fbase = "/var/lib/docker/containers/" + files_owner.id
    doc["Id"] = c.id
    doc["Created"] = format_time(c.created_ns)
    doc["Path"] = c.argv[0] if c.argv else ""
    doc["Args"] = list(c.argv[1:])
    st = doc["State"]
    st["Status"] = c.state
    st["Running"] = c.running
    st["Paused"] = c.paused
    st["Pid"] = c.pid
    st["ExitCode"] = c.exit_code
    st["Error"] = c.error
    st["StartedAt"] = format_time(c.started_ns) if c.started_ns else ZERO_TIME
    st["FinishedAt"] = format_time(c.finished_ns) if c.finished_ns else ZERO_TIME
    doc["Image"] = "sha256:" + c.image.id
    doc["ResolvConfPath"] = fbase + "/resolv.conf"
    doc["HostnamePath"] = fbase + "/hostname"
    doc["HostsPath"] = fbase + "/hosts"
    doc["LogPath"] = f"{base}/{c.id}-json.log"
    doc["Name"] = "/" + c.name
    doc["RestartCount"] = c.restart_count
    hc = doc["HostConfig"]
    hc["NetworkMode"] = c.network_mode
    hc["PortBindings"] = {k: [dict(b) for b in v] for k, v in c.port_bindings.items()}
    hc["PublishAllPorts"] = c.publish_all
    hc["AutoRemove"] = c.auto_remove
    hc["Dns"] = None if c.dns is None else list(c.dns)
    hc["DnsOptions"] = None if c.dns_options is None else list(c.dns_options)
    hc["DnsSearch"] = None if c.dns_search is None else list(c.dns_search)
    hc["ExtraHosts"] = list(c.extra_hosts) if c.extra_hosts is not None else None
    hc["Links"] = list(c.links) if c.links else None
    if c.binds is not None:
        hc["Binds"] = list(c.binds)
    if c.host_mounts:
        hc["Mounts"] = [_host_mount(m) for m in c.host_mounts]
    if c.mounts:
        doc["Mounts"] = [mount_document(m) for m in c.mounts]
    hc["RestartPolicy"] = {"Name": c.restart_name, "MaximumRetryCount": c.restart_max_retries}
    hc["AutoRemove"] = c.auto_remove
    hc["NanoCpus"] = c.nano_cpus
    hc["Memory"] = c.memory
    hc["MemorySwap"] = c.memory_swap
    if c.sysctls:
        # HostConfig.Sysctls is omitempty (absent without --sysctl: r243), after ShmSize
        at = list(hc).index("ShmSize") + 1 if "ShmSize" in hc else len(hc)
        items = list(hc.items())
        hc.clear()
        hc.update(items[:at] + [("Sysctls", dict(c.sysctls))] + items[at:])
    hc["CapAdd"] = None if c.cap_add is None else list(c.cap_add)
    hc["CapDrop"] = None if c.cap_drop is None else list(c.cap_drop)
    hc["Privileged"] = c.privileged
    hc["ReadonlyRootfs"] = c.readonly_rootfs
    if c.privileged:
        # a privileged container masks nothing and leaves nothing read-only (moby oci defaults)
        hc["MaskedPaths"] = None
        hc["ReadonlyPaths"] = None
    if c.ipc_mode:
        hc["IpcMode"] = c.ipc_mode
    if c.pid_mode:
        hc["PidMode"] = c.pid_mode
    if c.ulimits is None:
        hc["Ulimits"] = None
    elif c.ulimits:
        hc["Ulimits"] = [{"Name": u.name, "Hard": u.hard, "Soft": u.soft} for u in c.ulimits]
    if c.log_driver or c.log_options:
        hc["LogConfig"] = {"Type": c.log_driver or hc["LogConfig"]["Type"], "Config": dict(c.log_options)}
    if c.tmpfs:
        # HostConfig.Tmpfs: omitempty, between SecurityOpt and UTSMode
        items = list(hc.items())
        at = [k for k, _ in items].index("UTSMode") if "UTSMode" in hc else len(items)
        hc.clear()
        hc.update(items[:at] + [("Tmpfs", dict(c.tmpfs))] + items[at:])
    if c.init is not None:
        hc["Init"] = c.init                       # HostConfig.Init: *bool, omitempty, the last field (c55)
    if "GraphDriver" in doc and isinstance(doc["GraphDriver"].get("Data"), dict):
        doc["GraphDriver"]["Data"]["ID"] = c.id
    cfg = doc["Config"]
    cfg["Hostname"] = c.hostname
    cfg["Domainname"] = c.domainname
    cfg["User"] = c.user
    cfg["WorkingDir"] = c.working_dir
    cfg["Tty"] = c.tty
    cfg["OpenStdin"] = c.open_stdin
    cfg["AttachStdin"] = False
    cfg["Env"] = list(c.env) if c.env else None
    cfg["Cmd"] = list(c.cmd) if c.cmd else None
    cfg["Entrypoint"] = list(c.entrypoint) if c.entrypoint else None
    cfg["Image"] = c.image_ref
    cfg["Labels"] = dict(c.labels)
    if c.stop_signal:
        cfg["StopSignal"] = c.stop_signal         # Config.StopSignal, StopTimeout: omitempty, after Labels (c55)
    if c.stop_timeout is not None:
        cfg["StopTimeout"] = c.stop_timeout
    if c.config_volumes:
        cfg["Volumes"] = {path: {} for path in c.config_volumes}
    # a client of API 1.44 or later sends the MAC on the endpoint only: the daemon shows the
    # network mode's endpoint's requested MAC there (moby daemon/inspect.go; r104 through the API)
    mode_es = c.networks.get(c.network_mode) if c.mode_kind in ("bridge", "user") else None
    mac = c.mac_address or (mode_es.mac if mode_es is not None else "")
    if mac:
        cfg2: Json = {}
        for k, v in cfg.items():
            if k == "OnBuild":
                cfg2["MacAddress"] = mac
            cfg2[k] = v
        doc["Config"] = cfg = cfg2
    if c.exposed:
        exposed = {k: {} for k in sort_port_keys(c.exposed)}
        new_cfg: Json = {}
        for k, v in cfg.items():
            new_cfg[k] = v
            if k == "StdinOnce":
                new_cfg["ExposedPorts"] = exposed
        doc["Config"] = new_cfg
    if c.healthcheck is not None:
        # Config.Healthcheck (omitempty) follows Cmd; State.Health (omitempty) ends State (r260)
        doc["Config"] = _insert_after(doc["Config"], "Cmd", "Healthcheck", c.healthcheck.to_api())
    if c.health is not None:
        st["Health"] = c.health.to_api()
    doc["NetworkSettings"] = network_settings(d, c)
    return doc


def _insert_after(obj: Json, key: str, new_key: str, value: Any) -> Json:
    out: Json = {}
    for k, v in obj.items():
        out[k] = v
        if k == key:
            out[new_key] = value
    if new_key not in out:
        out[new_key] = value
    return out


def _host_mount(m: MountSpec) -> Json:
    """One entry of HostConfig.Mounts as the client sent it (empty fields left out, as Go's omitempty)."""
    doc: Json = {"Type": m.type}
    if m.source:
        doc["Source"] = m.source
    doc["Target"] = m.target
    if m.read_only:
        doc["ReadOnly"] = True
    return doc


def _ep_ops(ep: Optional[Endpoint], no_gateway: bool = False) -> Json:
    if ep is None:
        return {"EndpointID": "", "Gateway": "", "IPAddress": "", "IPPrefixLen": 0, "IPv6Gateway": "",
                "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "MacAddress": ""}
    return {"EndpointID": ep.id, "Gateway": str(ep.gateway4) if ep.gateway4 is not None and not no_gateway else "",
            "IPAddress": str(ep.ip4) if ep.ip4 is not None else "", "IPPrefixLen": ep.prefixlen4 if ep.ip4 else 0,
            "IPv6Gateway": str(ep.gateway6) if ep.gateway6 is not None and not no_gateway else "",
            "GlobalIPv6Address": str(ep.ip6) if ep.ip6 is not None else "",
            "GlobalIPv6PrefixLen": ep.prefixlen6 if ep.ip6 is not None else 0, "MacAddress": ep.mac}


def network_settings(d: "Daemon", c: Container) -> Json:
    p = d.profile
    sb = c.sandbox
    sid = sb.id if sb is not None else c.stale_sandbox_id
    skey = sb.key if sb is not None else c.stale_sandbox_key
    ports: Optional[Json]
    if c.running and c.mode_kind in ("bridge", "user"):
        ports = {}
        for k in sort_port_keys(list(c.ports_published.keys())):
            v = c.ports_published[k]
            ports[k] = [dict(b) for b in v] if v else None
    else:
        ports = {}
    primary = None
    bridge_es = c.networks.get("bridge")
    if bridge_es is not None:
        primary = bridge_es.endpoint
    top = _ep_ops(primary)
    nets: Json = {}
    for name in sorted(c.networks):
        nets[name] = endpoint_settings_doc(d, c, name, c.networks[name])
    values: Json = {"Bridge": "", "SandboxID": sid, "SandboxKey": skey, "Ports": ports, "HairpinMode": False,
                    "LinkLocalIPv6Address": "", "LinkLocalIPv6PrefixLen": 0, "SecondaryIPAddresses": None,
                    "SecondaryIPv6Addresses": None, **top, "Networks": nets}
    return {k: values[k] for k in p.inspect.settings_fields}


def endpoint_settings_doc(d: "Daemon", c: Container, name: str, es: EndpointSettings) -> Json:
    p = d.profile
    ep = es.endpoint
    ipam: Optional[Json]
    if es.ipv4 or es.ipv6 or es.link_local_ips:
        ipam = {}
        if es.ipv4:
            ipam["IPv4Address"] = es.ipv4
        if es.ipv6:
            ipam["IPv6Address"] = es.ipv6
        if es.link_local_ips:
            ipam["LinkLocalIPs"] = list(es.link_local_ips)
    else:
        ipam = {} if es.has_ipam_config else None
    user_net = name not in ("bridge", "host", "none")
    aliases: Optional[list[str]]
    if p.inspect.short_id_alias and user_net and (es.joined or es.dns_names):
        # 20.10 appends the short ID, then the hostname, to the user's aliases (each unless present)
        aliases = list(dict.fromkeys(list(es.aliases) + [c.short_id, c.hostname or c.short_id]))
    elif es.aliases:
        aliases = list(es.aliases)
    else:
        aliases = None if es.aliases_null else []
    # 28 gives a container on an internal network no gateway (it gets no default route either)
    ops = _ep_ops(ep, no_gateway=not p.inspect.internal_gateway_shown and ep is not None and ep.network.internal)
    if user_net and ep is not None:
        dns_names: Optional[list[str]] = list(ep.dns_names)
    else:
        dns_names = list(es.dns_names) if es.dns_names else None
    values: Json = {"IPAMConfig": ipam, "Links": list(es.links) if es.links else None, "Aliases": aliases,
                    **ops, "MacAddress": (ops["MacAddress"] or _requested_mac(c, name, es)) if ep is not None else "",
                    "DriverOpts": es.driver_opts, "GwPriority": es.gw_priority,
                    "NetworkID": es.network_id if es.joined else "", "DNSNames": dns_names}
    return {k: values[k] for k in p.inspect.endpoint_fields}


def _requested_mac(c: Container, name: str, es: EndpointSettings) -> str:
    """The MAC the user asked for on this network (an endpoint without an interface, such as
    none's, still reports it)."""
    return es.mac or (c.mac_address if name in ("bridge", "none", "host", c.network_mode) else "")


def dumps(obj: Any) -> str:
    """JSON as docker prints inspect output: 4-space indentation, Go's HTML escaping."""
    out: list[str] = []
    try:
        _indented(obj, "\n", out)
        s = "".join(out)
    except _Unusual:
        import json
        s = json.dumps(obj, indent=4, ensure_ascii=False)
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Unusual(Exception):
    """A value :func:`_indented` leaves to ``json.dumps`` (a subclass, a key that is not a str)."""


_LITERALS = {None: "null", True: "true", False: "false"}


def _indented(value: Any, newline: str, out: list[str]) -> None:
    """What ``json.dumps(value, indent=4, ensure_ascii=False)`` writes, appended to ``out``: the
    standard library indents with its Python encoder, a generator per level, which was a tenth
    of the walkthrough's run (issue 15); this writes the same text from dicts, lists, strs, ints
    and floats, and raises :class:`_Unusual` for anything else (``json.dumps`` then writes it)."""
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif kind is dict or kind is list or kind is tuple:
        if not value:
            out.append("{}" if kind is dict else "[]")
            return
        inner = newline + "    "
        out.append("{" if kind is dict else "[")
        comma = inner
        # a str, an int, a bool or None (most items) is written here, not by a call of its own
        if kind is dict:
            for key, item in value.items():
                if type(key) is not str:
                    raise _Unusual
                leaf = type(item)
                if leaf is str:
                    out.append(f"{comma}{_string(key)}: {_string(item)}")
                elif leaf is int:
                    out.append(f"{comma}{_string(key)}: {int.__repr__(item)}")
                elif leaf is bool or item is None:
                    out.append(f"{comma}{_string(key)}: {_LITERALS[item]}")
                else:
                    out.append(f"{comma}{_string(key)}: ")
                    _indented(item, inner, out)
                comma = "," + inner
        else:
            for item in value:
                if type(item) is str:
                    out.append(comma + _string(item))
                else:
                    out.append(comma)
                    _indented(item, inner, out)
                comma = "," + inner
        out.append(newline)
        out.append("}" if kind is dict else "]")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is bool or value is None:
        out.append(_LITERALS[value])
    elif kind is float and value == value and value not in (float("inf"), float("-inf")):
        out.append(float.__repr__(value))
    else:
        raise _Unusual
