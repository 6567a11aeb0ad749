"""``docker compose config``: a project written back in compose's canonical form.

Mirrors how compose 2.40 marshals compose-go's types with Go's YAML v3: top-level ``name``,
``services`` (sorted by name, each service's keys in alphabetical order, as compose-go's
``ServiceConfig`` declares them), ``networks`` (``name``, ``driver``, ``driver_opts``, ``ipam``,
``external``, ``internal``, ``attachable``, ``labels``, ``enable_ipv4``, ``enable_ipv6``: the struct's order), then
the file's ``x-`` extensions; empty values left out; strings quoted when YAML would read them as
something else (``published: "8080"``); sequences indented under their key.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Optional

from .model import HealthCheck, NetworkConfig, Project, Service
from .yaml import resolve_plain

__all__ = ["canonical", "dump", "go_json", "service_hash"]


def _service(s: Service, as_json: bool) -> dict[str, Any]:
    """One service, its keys in the order compose-go's ServiceConfig declares its fields (YAML and
    JSON alike; mostly alphabetical, but ``profiles`` first and ``hostname`` before
    ``healthcheck``: c46), maps with their keys sorted (Go's encoders sort them)."""
    doc: dict[str, Any] = {}
    if s.profiles:
        doc["profiles"] = list(s.profiles)
    for key, values in (("cap_add", s.cap_add), ("cap_drop", s.cap_drop)):
        if values:
            doc[key] = list(values)
    if s.command is not None or as_json:         # JSON keeps an absent command as null
        doc["command"] = None if s.command is None else list(s.command)
    if s.container_name:
        doc["container_name"] = s.container_name
    if s.depends_on:
        deps: dict[str, Any] = {}
        for d in sorted(s.depends_on, key=lambda d: d.service):
            entry: dict[str, Any] = {"condition": d.condition}
            if d.restart:
                entry["restart"] = True
            entry["required"] = d.required
            deps[d.service] = entry
        doc["depends_on"] = deps
    for key, values in (("dns", s.dns), ("dns_opt", s.dns_opt), ("dns_search", s.dns_search)):
        if values:
            doc[key] = list(values)
    if s.domainname:
        doc["domainname"] = s.domainname
    if s.entrypoint is not None or as_json:
        doc["entrypoint"] = None if s.entrypoint is None else list(s.entrypoint)
    if s.environment:
        # a mapping in config's output, its keys sorted (c39); a key set nowhere is null
        pairs = ((e.partition("=")[0], e.partition("=")[2] if "=" in e else None) for e in s.environment)
        doc["environment"] = dict(sorted(pairs, key=lambda kv: kv[0]))
    if s.expose:
        doc["expose"] = list(s.expose)
    if s.external_links:
        doc["external_links"] = list(s.external_links)
    if s.extra_hosts:
        doc["extra_hosts"] = [h.replace(":", "=", 1) for h in s.extra_hosts]
    if s.hostname:
        doc["hostname"] = s.hostname
    if s.healthcheck is not None:
        doc["healthcheck"] = _healthcheck(s.healthcheck)
    doc["image"] = s.image
    if s.init is not None:
        doc["init"] = s.init
    if s.ipc:
        doc["ipc"] = s.ipc
    if s.labels:
        doc["labels"] = dict(sorted(s.labels))
    if s.links:
        doc["links"] = list(s.links)
    if s.log_driver or s.log_options:
        logging: dict[str, Any] = {}
        if s.log_driver:
            logging["driver"] = s.log_driver
        if s.log_options:
            logging["options"] = dict(sorted(s.log_options))
        doc["logging"] = logging
    if s.mac_address:
        doc["mac_address"] = s.mac_address
    if s.network_mode:
        doc["network_mode"] = s.network_mode
    if s.networks:
        nets: dict[str, Any] = {}
        for n in sorted(s.networks, key=lambda n: n.key):
            entry = {}
            if n.aliases:
                entry["aliases"] = list(n.aliases)
            if n.gw_priority:
                entry["gw_priority"] = n.gw_priority
            if n.ipv4_address:
                entry["ipv4_address"] = n.ipv4_address
            if n.ipv6_address:
                entry["ipv6_address"] = n.ipv6_address
            if n.link_local_ips:
                entry["link_local_ips"] = list(n.link_local_ips)
            if n.mac_address:
                entry["mac_address"] = n.mac_address
            if n.priority:
                entry["priority"] = n.priority
            nets[n.key] = entry if entry or n.mapping else None
        doc["networks"] = nets
    if s.pid:
        doc["pid"] = s.pid
    if s.ports:
        ports = []
        for p in s.ports:
            entry = {"mode": p.mode}
            if p.host_ip:
                entry["host_ip"] = p.host_ip
            entry["target"] = p.target
            if p.published:
                entry["published"] = p.published
            entry["protocol"] = p.protocol
            ports.append(entry)
        doc["ports"] = ports
    if s.privileged:
        doc["privileged"] = True
    if s.read_only:
        doc["read_only"] = True
    if s.restart:
        doc["restart"] = s.restart
    if s.stdin_open:
        doc["stdin_open"] = True
    if s.stop_grace_period:
        doc["stop_grace_period"] = s.stop_grace_period
    if s.stop_signal:
        doc["stop_signal"] = s.stop_signal
    if s.sysctls:
        doc["sysctls"] = dict(sorted(s.sysctls))
    if s.tmpfs:
        doc["tmpfs"] = list(s.tmpfs)
    if s.tty:
        doc["tty"] = True
    if s.ulimits:
        doc["ulimits"] = {name: soft if single else {"soft": soft, "hard": hard}
                          for name, soft, hard, single in sorted(s.ulimits)}
    if s.user:
        doc["user"] = s.user
    if s.working_dir:
        doc["working_dir"] = s.working_dir
    return doc


def _healthcheck(h: HealthCheck) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    if h.test:
        doc["test"] = list(h.test)
    for key, value in (("timeout", h.timeout), ("interval", h.interval)):
        if value:
            doc[key] = value
    if h.retries is not None:
        doc["retries"] = h.retries
    for key, value in (("start_period", h.start_period), ("start_interval", h.start_interval)):
        if value:
            doc[key] = value
    if h.disable:
        doc["disable"] = True
    return doc


def _network(n: NetworkConfig, as_json: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {"name": n.name}
    if n.driver:
        doc["driver"] = n.driver
    if n.driver_opts:
        doc["driver_opts"] = dict(n.driver_opts)
    ipam: dict[str, Any] = {}
    if n.ipam_driver:
        ipam["driver"] = n.ipam_driver
    if n.ipam:
        pools = []
        for p in n.ipam:
            pool: dict[str, Any] = {}
            for key, value in (("subnet", p.subnet), ("gateway", p.gateway), ("ip_range", p.ip_range)):
                if value:
                    pool[key] = value
            if p.aux_addresses:
                pool["aux_addresses"] = dict(p.aux_addresses)
            pools.append(pool)
        ipam["config"] = pools
    if ipam or as_json:                           # JSON keeps the empty ipam struct
        doc["ipam"] = ipam
    if n.external:
        doc["external"] = True
    if n.internal:
        doc["internal"] = True
    if n.attachable:
        doc["attachable"] = True
    if n.labels:
        doc["labels"] = dict(n.labels)
    if n.enable_ipv4 is not None:
        doc["enable_ipv4"] = n.enable_ipv4
    if n.enable_ipv6 is not None:
        doc["enable_ipv6"] = n.enable_ipv6
    return doc


def canonical(project: Project, as_json: bool = False) -> dict[str, Any]:
    """The project as the mapping ``docker compose config`` prints; ``as_json`` as
    ``--format json`` does (Go's JSON of the same types: top-level keys sorted, absent command
    and entrypoint as null, an empty ipam kept; c37)."""
    doc: dict[str, Any] = {"name": project.name}
    doc["services"] = {s.name: _service(s, as_json) for s in sorted(project.services, key=lambda s: s.name)}
    if project.networks:
        doc["networks"] = {n.key: _network(n, as_json) for n in sorted(project.networks, key=lambda n: n.key)}
    doc.update(sorted(project.extensions))
    return dict(sorted(doc.items())) if as_json else doc


_OLD_BOOLS = frozenset("y Y yes Yes YES on On ON n N no No NO off Off OFF".split())
_BASE60_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")


def _plain_allowed(text: str) -> bool:
    """Whether Go's YAML v3 emitter may write ``text`` as a plain scalar in block context (its
    analyze_scalar: indicators where YAML would read them, blanks at either end, line breaks,
    characters it does not print)."""
    if text.startswith(("---", "...")) or text[0] in " \t" or text[-1] in " \t":
        return False
    for i, c in enumerate(text):
        followed_by_blank = i + 1 == len(text) or text[i + 1] in " \t\n"
        if i == 0 and (c in _FIRST_INDICATORS or (c in "?:-" and followed_by_blank)):
            return False
        if c == ":" and followed_by_blank:
            return False
        if c == "#" and i > 0 and text[i - 1] in " \t":
            return False
        if c == "\t" or c == "\n" or not c.isprintable():
            return False
    return True


def _scalar(value: Any) -> str:
    """One scalar as compose's YAML v3 writes it: plain when it reads back as the same string,
    double-quoted when it would read as another type (``"8080"``, ``"yes"``, ``"80:80"``: a
    YAML 1.1 boolean or base-60 number), single-quoted when only its characters forbid plain."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if text == "":
        return '""'
    if resolve_plain(text) != text or text in _OLD_BOOLS or _BASE60_FLOAT.fullmatch(text) or "\n" in text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if _plain_allowed(text):
        return text
    if "\t" in text or not text.isprintable():
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'
    return "'" + text.replace("'", "''") + "'"


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if isinstance(item, dict) and item:
            out.append(f"{pad}{key}:\n")
            _emit(item, indent + 2, out)
        elif isinstance(item, list) and item:
            out.append(f"{pad}{key}:\n")
            for element in item:
                if isinstance(element, dict) and element:
                    lines: list[str] = []
                    _emit(element, indent + 4, lines)
                    out.append(f"{pad}  - {lines[0][indent + 4:]}")
                    out.extend(lines[1:])
                else:
                    out.append(f"{pad}  - {_scalar(element)}\n")
        elif isinstance(item, (dict, list)):
            out.append(f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}\n")
        else:
            out.append(f"{pad}{key}: {_scalar(item)}\n")


def dump(doc: dict[str, Any]) -> str:
    """A mapping written as compose writes it."""
    out: list[str] = []
    _emit(doc, 0, out)
    return "".join(out)


def go_json(doc: Any, indent: Optional[int] = None) -> str:
    """JSON as Go's encoding/json writes it: UTF-8 as is, ``<``, ``>``, ``&``, U+2028 and U+2029
    escaped (c46: ``echo up \\u0026\\u0026 sleep``); compact, or indented by ``indent``."""
    text = json.dumps(doc, ensure_ascii=False, indent=indent, separators=(",", ": ") if indent else (",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def service_hash(s: Service) -> str:
    """compose's ServiceHash: the SHA-256 of the service's JSON without what may change without
    recreating its containers (``depends_on``, ``profiles``; build, pull policy and scale, which
    the model does not keep). ``config --hash`` prints it and ``up`` labels each container with
    it (c43: the recorded hashes)."""
    doc = _service(s, as_json=True)
    doc.pop("depends_on", None)
    doc.pop("profiles", None)
    return hashlib.sha256(go_json(doc).encode()).hexdigest()
