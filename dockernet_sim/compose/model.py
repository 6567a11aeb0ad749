"""A compose project as compose-go loads it: files read, interpolated, merged, normalised and
checked, down to the typed values compose then turns into Engine API calls.

Mirrors compose-go v2.9 (the loader docker compose 2.40 vendors): the project name (``-p``,
``COMPOSE_PROJECT_NAME``, ``name:``, the directory, normalised), ``<project>_<key>`` network
names, the implicit ``default`` network, networks only for the services that use them,
``depends_on`` short and long forms, ``profiles``, ``ports`` short and long syntax, and the
loader's error texts (``loader/validate.go``, ``loader/loader.go``).
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional, Sequence

from ..records import Record, replace
from .files import Files
from .interpolate import InterpolationError, Variable, interpolate, parse_env_file, variables
from .yaml import DuplicateKey, YAMLError, load_all

__all__ = ["ComposeError", "Files", "IpamPool", "NetworkConfig", "PortConfig", "HealthCheck", "Dependency",
           "ServiceNetwork", "Service", "Project", "load_project", "normalize_project_name",
           "DEFAULT_FILES"]

# compose-go's cli/options.go DefaultFileNames, in the order they are looked for
DEFAULT_FILES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
_PROJECT_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")


class ComposeError(ValueError):
    """What docker compose prints (after nothing else) and exits 1 with."""


class IpamPool(Record, frozen=True, slots=True):
    subnet: str = ""
    gateway: str = ""
    ip_range: str = ""
    aux_addresses: tuple[tuple[str, str], ...] = ()


class NetworkConfig(Record, frozen=True, slots=True):
    key: str                       # the name under `networks:`
    name: str                      # the Docker network's name
    driver: str = ""
    driver_opts: tuple[tuple[str, str], ...] = ()
    ipam_driver: str = ""
    ipam: tuple[IpamPool, ...] = ()
    internal: bool = False
    attachable: bool = False
    enable_ipv6: Optional[bool] = None
    external: bool = False
    # compose-go's NetworkConfig.EnableIPv4 (compose 2.33+): ``enable_ipv4: false`` makes an
    # IPv6-only network (Engine 28; 26 and 20.10 keep IPv4: their API has no such field)
    enable_ipv4: Optional[bool] = None
    labels: tuple[tuple[str, str], ...] = ()


class ServiceNetwork(Record, frozen=True, slots=True):
    key: str
    aliases: tuple[str, ...] = ()
    ipv4_address: str = ""
    ipv6_address: str = ""
    mac_address: str = ""
    priority: int = 0
    gw_priority: int = 0
    mapping: bool = False          # written as a mapping (``back: {}``), not null or a list item
    link_local_ips: tuple[str, ...] = ()


class PortConfig(Record, frozen=True, slots=True):
    target: int
    published: str = ""            # "", "8080" or a range "9000-9001"
    host_ip: str = ""
    protocol: str = "tcp"
    mode: str = "ingress"          # the long syntax's ``mode: host`` (c46)


class HealthCheck(Record, frozen=True, slots=True):
    """compose-go's HealthCheckConfig, its fields in the struct's order (c46): durations as Go
    prints them (``30s``, ``1m30s``), ``test`` a string's ``CMD-SHELL`` form made a list."""
    test: tuple[str, ...] = ()
    timeout: str = ""
    interval: str = ""
    retries: Optional[int] = None
    start_period: str = ""
    start_interval: str = ""
    disable: bool = False


class Dependency(Record, frozen=True, slots=True):
    service: str
    condition: str = "service_started"
    restart: bool = False
    required: bool = True


class Service(Record, frozen=True, slots=True):
    name: str
    image: str
    command: Optional[tuple[str, ...]] = None
    entrypoint: Optional[tuple[str, ...]] = None
    tty: bool = False
    stdin_open: bool = False
    hostname: str = ""
    domainname: str = ""
    user: str = ""                      # the engine's Config.User
    container_name: str = ""
    networks: tuple[ServiceNetwork, ...] = ()
    network_mode: str = ""
    ports: tuple[PortConfig, ...] = ()
    expose: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    external_links: tuple[str, ...] = ()
    dns: tuple[str, ...] = ()
    dns_search: tuple[str, ...] = ()
    dns_opt: tuple[str, ...] = ()
    extra_hosts: tuple[str, ...] = ()
    mac_address: str = ""
    scale: int = 1
    profiles: tuple[str, ...] = ()
    depends_on: tuple[Dependency, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()
    environment: tuple[str, ...] = ()
    # what the container keeps (inspect shows it; c55), the engine does not act on
    privileged: bool = False
    read_only: bool = False
    ipc: str = ""
    pid: str = ""
    tmpfs: tuple[str, ...] = ()
    ulimits: tuple[tuple[str, int, int, bool], ...] = ()     # (name, soft, hard, given as one number)
    log_driver: str = ""
    log_options: tuple[tuple[str, str], ...] = ()
    cap_add: tuple[str, ...] = ()
    cap_drop: tuple[str, ...] = ()
    env_files: tuple[tuple[str, bool], ...] = ()   # (path, required): read into ``environment`` as it loads
    healthcheck: Optional[HealthCheck] = None
    init: Optional[bool] = None
    restart: str = ""
    stop_grace_period: str = ""
    stop_signal: str = ""
    sysctls: tuple[tuple[str, str], ...] = ()
    working_dir: str = ""


class Project(Record, frozen=True, slots=True):
    name: str
    working_dir: str
    config_files: tuple[str, ...]
    services: tuple[Service, ...]
    networks: tuple[NetworkConfig, ...]
    disabled: tuple[Service, ...] = ()
    extensions: tuple[tuple[str, Any], ...] = ()     # the file's top-level x-* keys
    warnings: tuple[str, ...] = ()                   # what compose logs while loading

    def service(self, name: str) -> Service:
        for s in self.services:
            if s.name == name:
                return s
        for s in self.disabled:
            if s.name == name:
                raise ComposeError(f"no such service: {name}: service is disabled")
        raise ComposeError(f"no such service: {name}")

    def network(self, key: str) -> NetworkConfig:
        for n in self.networks:
            if n.key == key:
                return n
        raise KeyError(key)

    def ordered(self, names: Optional[Sequence[str]] = None) -> list[Service]:
        """Services in dependency order (dependencies first), ties by name."""
        wanted = {s.name for s in self.services} if names is None else set(names)
        done: list[str] = []
        by_name = {s.name: s for s in self.services}

        def visit(name: str, path: tuple[str, ...]) -> None:
            if name in done or name not in by_name:
                return
            if name in path:
                raise ComposeError(f"dependency cycle detected: {' -> '.join(path + (name,))}")
            for dep in by_name[name].depends_on:
                visit(dep.service, path + (name,))
            for mode_dep in _mode_dependencies(by_name[name]):
                visit(mode_dep, path + (name,))
            done.append(name)

        for name in sorted(by_name):                    # compose-go walks sorted names
            if name in wanted:
                visit(name, ())
        return [by_name[n] for n in done]


def _mode_dependencies(s: Service) -> list[str]:
    """The services a ``service:NAME`` mode names (network_mode, ipc, pid): implicit dependencies."""
    return [m[len("service:"):] for m in (s.network_mode, s.ipc, s.pid) if m.startswith("service:")]


def normalize_project_name(text: str) -> str:
    """compose-go's NormalizeProjectName: lowercase, only [a-z0-9_-], no leading _ or -."""
    return re.sub(r"[^a-z0-9_-]", "", text.lower()).lstrip("_-")


def invalid_project_name(name: str) -> ComposeError:
    return ComposeError(f'invalid project name "{name}": must consist only of lowercase alphanumeric '
                        f"characters, hyphens, and underscores as well as start with a letter or number")


# -- loading ------------------------------------------------------------------------------------
def load_project(files: Files, file_names: Sequence[str] = (), project_name: str = "",
                 project_directory: str = "", profiles: Sequence[str] = (),
                 services: Sequence[str] = (), env_files: Sequence[str] = ()) -> Project:
    """The project compose would run from these files (``services``: those named on the command
    line, enabled whatever their profiles; ``env_files``: ``--env-file``, read instead of the
    project's ``.env``). Raises :class:`ComposeError`."""
    paths, working_dir = _config_paths(files, file_names, project_directory)
    env = _environment_of(files, working_dir, env_files)
    if not profiles and env.get("COMPOSE_PROFILES"):       # c47: from the shell or an env file
        profiles = [p for p in env["COMPOSE_PROFILES"].split(",") if p]
    merged: dict[str, Any] = {}
    unset: list[str] = []
    obsolete: list[str] = []
    for path in paths:
        doc = _read(files, path, env, unset, depth=0)
        if "version" in doc:          # c49: a tutorial's `version: "3.8"`, warned about per file
            obsolete.append(f"{path}: the attribute `version` is obsolete, it will be ignored, please remove it "
                            f"to avoid potential confusion")
        merged = _merge(merged, doc)
    if not merged:
        raise ComposeError("empty compose file")
    name = project_name
    if name:
        if not _PROJECT_NAME_RE.fullmatch(name):
            raise invalid_project_name(name)
    else:
        name = normalize_project_name(env.get("COMPOSE_PROJECT_NAME", "") or str(merged.get("name") or "")
                                      or working_dir.rsplit("/", 1)[-1])
        if not name:
            raise ComposeError("project name must not be empty")
    notes: list[str] = []
    project = _project(merged, name, working_dir, tuple(paths), set(profiles), notes, frozenset(services))
    project = replace(project, services=tuple(_resolved(_with_env_files(files, working_dir, s), env)
                                              for s in project.services),
                      disabled=tuple(_resolved(s, env) for s in project.disabled))
    warnings = tuple(f'The "{v}" variable is not set. Defaulting to a blank string.' for v in dict.fromkeys(unset))
    warnings = tuple(obsolete) + warnings + tuple(notes)
    extensions = tuple((k, v) for k, v in merged.items() if isinstance(k, str) and k.startswith("x-"))
    return replace(project, warnings=warnings, extensions=extensions)


def _config_paths(files: Files, file_names: Sequence[str], project_directory: str) -> tuple[list[str], str]:
    """The compose files to read (``-f``, else ``COMPOSE_FILE``, else the first default name and
    its override) and the project's directory."""
    names = list(file_names)
    if not names:
        listed = files.environ.get("COMPOSE_FILE", "")
        names = [n for n in listed.split(":") if n] if listed else []
    if not names:
        found = [n for n in DEFAULT_FILES if files.read(n) is not None]
        if not found:
            raise ComposeError("no configuration file provided: not found")
        names = found[:1]
        override = {"compose.yaml": "compose.override.yaml", "compose.yml": "compose.override.yml",
                    "docker-compose.yml": "docker-compose.override.yml",
                    "docker-compose.yaml": "docker-compose.override.yaml"}[names[0]]
        if files.read(override) is not None:
            names.append(override)
    paths = [files.path(n) for n in names]
    working_dir = project_directory and files.path(project_directory) or paths[0].rsplit("/", 1)[0] or "/"
    return paths, working_dir


def _environment_of(files: Files, working_dir: str, env_files: Sequence[str]) -> dict[str, str]:
    """The variables interpolation reads: the ``--env-file`` files (each path from where compose
    runs; a missing one is refused: c47), else the project's ``.env``, under the shell's own."""
    env: dict[str, str] = {}
    for name in env_files:
        text = files.read(name)
        if text is None:
            raise ComposeError(f"couldn't find env file: {files.path(name)}")
        env.update(parse_env_file(text))
    if not env_files:
        env = dict(parse_env_file(files.read(f"{working_dir}/.env") or ""))
    env.update(files.environ)
    return env


def project_variables(files: Files, file_names: Sequence[str] = (), project_directory: str = "") -> dict[str, Variable]:
    """``config --variables``: the variables the project's files use, read before interpolation."""
    paths, _ = _config_paths(files, file_names, project_directory)
    found: dict[str, Variable] = {}
    for path in paths:
        text = files.read(path)
        if text is None:
            raise ComposeError(f"open {path}: no such file or directory")
        try:
            for part in load_all(text):
                variables(part, found)
        except YAMLError as e:
            raise ComposeError(str(e)) from None
    return found


MAX_INCLUDES = 16     # nesting of include/extends a project may have (bounded cost)


def _read(files: Files, path: str, env: Mapping[str, str], unset: list[str], depth: int) -> dict[str, Any]:
    """One compose file: its documents merged and interpolated, its ``include`` entries loaded
    and added, its services' ``extends`` resolved."""
    if depth > MAX_INCLUDES:
        raise ComposeError(f"include or extends nested too deeply at {path}")
    text = files.read(path)
    if text is None:
        raise ComposeError(f"open {path}: no such file or directory")
    try:
        documents = load_all(text)
    except DuplicateKey as e:
        raise ComposeError(f"failed to parse {path}: line {e.line}: {e.problem}") from None
    except YAMLError as e:
        raise ComposeError(str(e)) from None
    doc: dict[str, Any] = {}
    for part in documents:
        if part is None:
            continue
        if not isinstance(part, dict):
            raise ComposeError("Top-level object must be a mapping")
        try:
            doc = _merge(doc, interpolate(part, env, "", unset))
        except InterpolationError as e:
            raise ComposeError(str(e)) from None
    _check_schema(doc, path)
    base_dir = path.rsplit("/", 1)[0] or "/"
    for entry in doc.pop("include", None) or []:
        targets = entry.get("path") if isinstance(entry, dict) else entry
        for target in [targets] if isinstance(targets, str) else list(targets or []):
            included = _read(files, _join(base_dir, str(target)), env, unset, depth + 1)
            for section in ("services", "networks", "volumes", "secrets", "configs"):
                for key, value in (included.get(section) or {}).items():
                    mine = doc.setdefault(section, {}) or {}
                    doc[section] = mine
                    if key in mine:
                        raise ComposeError(f"services.{key} conflicts with imported resource"
                                           if section == "services" else
                                           f"{section}.{key} conflicts with imported resource")
                    mine[key] = value
    services = doc.get("services")
    if isinstance(services, dict):
        for name in list(services):
            if isinstance(services[name], dict) and "extends" in services[name]:
                services[name] = _extends(files, base_dir, doc, name, env, unset, depth)
    return doc


def _join(base: str, name: str) -> str:
    return name if name.startswith("/") else f"{base}/{name}"


def _extends(files: Files, base_dir: str, doc: dict[str, Any], name: str, env: Mapping[str, str],
             unset: list[str], depth: int) -> dict[str, Any]:
    """A service with its ``extends`` applied: the base service, overridden by this one."""
    if depth > MAX_INCLUDES:
        raise ComposeError(f"circular reference with extends in service {name}")
    service = dict(doc["services"][name])
    spec = service.pop("extends")
    if isinstance(spec, str):
        spec = {"service": spec}
    base_name = str(spec.get("service", ""))
    if spec.get("file"):
        other = _read(files, _join(base_dir, str(spec["file"])), env, unset, depth + 1)
        bases = other.get("services") or {}
    else:
        bases = doc.get("services") or {}
        if base_name in bases and isinstance(bases[base_name], dict) and "extends" in bases[base_name]:
            bases = dict(bases)
            bases[base_name] = _extends(files, base_dir, doc, base_name, env, unset, depth + 1)
    if base_name not in bases:
        raise ComposeError(f"cannot extend service {name!r}: service {base_name!r} not found")
    return _merge(dict(bases[base_name]), service)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """compose's override merge: mappings merge key by key; sequences of ports, expose, dns …
    append; scalars replace."""
    out = dict(base)
    for k, v in over.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = _merge(out[k], v)
        elif k in out and isinstance(out[k], list) and isinstance(v, list) and k in _APPENDED:
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


_APPENDED = {"ports", "expose", "dns", "dns_search", "extra_hosts", "links", "external_links", "profiles"}
_TOP_LEVEL = {"version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"}
_SERVICE_KEYS = {
    "image", "command", "entrypoint", "tty", "stdin_open", "hostname", "domainname", "container_name",
    "networks", "network_mode", "ports", "expose", "links", "external_links", "dns", "dns_search",
    "dns_opt", "extra_hosts", "mac_address", "scale", "deploy", "profiles", "depends_on", "labels",
    "environment", "restart", "volumes", "build", "healthcheck", "init", "privileged", "user",
    "working_dir", "cap_add", "cap_drop", "env_file", "logging", "stop_signal", "stop_grace_period",
    "ulimits", "sysctls", "platform", "pull_policy", "read_only", "shm_size", "tmpfs", "devices",
    "security_opt", "extends", "ipc", "pid", "cpus", "mem_limit", "annotations", "attach",
}


# service keys the schema types as arrays only (no string form)
_ARRAY_KEYS = ("cap_add", "cap_drop", "dns_opt")
# service keys the schema types as booleans, or strings for a variable to fill (c56)
_BOOLEAN_KEYS = ("init", "privileged", "read_only", "stdin_open", "tty")
_CONTAINER_NAME_PATTERN = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+")
# service keys the schema types as strings (`user: 1000` is refused: r177_compose_user)
_STRING_KEYS = ("container_name", "domainname", "hostname", "image", "mac_address", "network_mode", "user",
                "working_dir", "restart", "stop_signal")


def _check_schema(doc: dict[str, Any], path: str) -> None:
    """The parts of the Compose Specification's JSON schema the simulator checks, per file, in
    compose's words (``validating FILE: …``)."""
    extra = sorted(k for k in doc if isinstance(k, str) and k not in _TOP_LEVEL and not k.startswith("x-"))
    if extra:
        raise ComposeError(f"validating {path}:  additional properties '{extra[0]}' not allowed")
    services = doc.get("services")
    if isinstance(services, dict):
        for name, raw in services.items():
            if isinstance(raw, dict):
                bad = sorted(k for k in raw if isinstance(k, str) and k not in _SERVICE_KEYS and not k.startswith("x-"))
                if bad:
                    raise ComposeError(f"validating {path}: services.{name} additional properties '{bad[0]}' not allowed")
                listed = next((k for k in _ARRAY_KEYS if raw.get(k) is not None and not isinstance(raw[k], list)), None)
                if listed is not None:          # c47: `cap_add: NET_ADMIN`
                    raise ComposeError(f"validating {path}: services.{name}.{listed} must be a array")
                health = raw.get("healthcheck")
                if health is not None and not isinstance(health, dict):
                    raise ComposeError(f"validating {path}: services.{name}.healthcheck must be a object")
                # the schema's types for a health check's fields (its words, not recorded)
                if isinstance(health, dict):
                    if health.get("retries") is not None and (isinstance(health["retries"], bool)
                                                              or not isinstance(health["retries"], int)):
                        raise ComposeError(f"validating {path}: services.{name}.healthcheck.retries must be a number")
                    if health.get("test") is not None and not isinstance(health["test"], (str, list)):
                        raise ComposeError(f"validating {path}: services.{name}.healthcheck.test must be a string "
                                           f"or array")
                flag = next((k for k in _BOOLEAN_KEYS if raw.get(k) is not None
                             and not isinstance(raw[k], (bool, str))), None)
                if flag is not None:
                    raise ComposeError(f"validating {path}: services.{name}.{flag} must be a boolean or string")
                typed = next((k for k in _STRING_KEYS if raw.get(k) is not None and not isinstance(raw[k], str)), None)
                if typed is not None:
                    raise ComposeError(f"validating {path}: services.{name}.{typed} must be a string")
                # the schema's pattern is unanchored: it wants two name characters somewhere, and
                # leaves the rest to the daemon (r151_container_names: "q" is refused here)
                cname = raw.get("container_name")
                if isinstance(cname, str) and not _CONTAINER_NAME_PATTERN.search(cname):
                    raise ComposeError(f"validating {path}: services.{name}.container_name '{cname}' does not match "
                                       f"pattern '{_CONTAINER_NAME_PATTERN.pattern}'")


def _kv(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """A mapping or a list of KEY=VALUE strings (labels, driver_opts)."""
    if value is None:
        return ()
    if isinstance(value, dict):
        return tuple((str(k), "" if v is None else _text(v)) for k, v in value.items())
    if isinstance(value, list):
        out = []
        for item in value:
            k, _, v = str(item).partition("=")
            out.append((k, v))
        return tuple(out)
    raise ComposeError(f"{where} must be a mapping")


def _environment(value: Any, where: str) -> tuple[str, ...]:
    """``KEY=VALUE`` entries; a bare ``KEY`` (list form) or ``KEY:`` with no value stays ``KEY``:
    unset, which config prints as null and the container does not get (c37)."""
    if isinstance(value, dict):
        return tuple(str(k) if v is None else f"{k}={_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return tuple(f"{k}={v}" for k, v in _kv(value, where))


def _resolved(service: Service, env: Mapping[str, str]) -> Service:
    """A bare ``KEY`` in ``environment`` takes KEY's value from the environment compose runs in
    (its shell's, then the project's ``.env``), and stays unset — left out of the container — when
    KEY is set nowhere (compose's documentation, "Set environment variables": "the value ... is
    taken from the value for the same variable in the shell in which Compose is run")."""
    if all("=" in e for e in service.environment):
        return service
    return replace(service, environment=tuple(e if "=" in e or e not in env else f"{e}={env[e]}"
                                              for e in service.environment))


def _with_env_files(files: Files, working_dir: str, service: Service) -> Service:
    """``env_file``'s variables under the service's ``environment``, which wins over them (c46):
    compose-go reads each file (relative to the project directory) as it resolves the service's
    environment, and config then shows only the merged ``environment``."""
    if not service.env_files:
        return service
    merged: dict[str, Optional[str]] = {}
    for name, required in service.env_files:
        path = _join(working_dir, name)
        text = files.read(path)
        if text is None and required:
            raise ComposeError(f"env file {path} not found: stat {path}: no such file or directory")
        merged.update(parse_env_file(text or ""))
    for entry in service.environment:
        key, sep, value = entry.partition("=")
        merged[key] = value if sep else None
    return replace(service, env_files=(), environment=tuple(k if v is None else f"{k}={v}" for k, v in merged.items()))


def _text(v: Any) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(_text(v) for v in value)
    raise ComposeError(f"{where} must be a array")


_YAML11_BOOLS = {"y": True, "yes": True, "on": True, "n": False, "no": False, "off": False}


def _bool(value: Any, where: str, warnings: list[str]) -> bool:
    """A boolean field: compose-go still takes YAML 1.1's yes/no/on/off strings, with a warning."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if isinstance(value, str) and value.lower() in _YAML11_BOOLS:
        meant = _YAML11_BOOLS[value.lower()]
        warnings.append(f'"{value}" for boolean is not supported by YAML 1.2, please use `{str(meant).lower()}`')
        return meant
    raise ComposeError(f"{where} must be a boolean")


def _command(value: Any) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    if isinstance(value, list):
        return tuple(_text(v) for v in value)
    import shlex
    return tuple(shlex.split(str(value)))


def _project(doc: dict[str, Any], name: str, working_dir: str, paths: tuple[str, ...],
             profiles: set[str], warnings: list[str], named: frozenset[str] = frozenset()) -> Project:
    raw_services = doc.get("services") or {}
    if not isinstance(raw_services, dict):
        raise ComposeError("services must be a mapping")
    loaded = []
    for sname, raw in raw_services.items():
        if not isinstance(raw, dict):
            raise ComposeError(f"services.{sname} must be a mapping")
        loaded.append(_service(str(sname), raw, warnings))
    # a service named on the command line runs whatever its profiles, and so does everything it
    # depends on, required or not (c35: up -d tools enables web's optional debug)
    by_name = {s.name: s for s in loaded}
    enabled, todo = set(), [n for n in named if n in by_name]
    while todo:
        n = todo.pop()
        if n not in enabled:
            enabled.add(n)
            todo += [d for d in [d.service for d in by_name[n].depends_on] + _mode_dependencies(by_name[n])
                     if d in by_name]
    services = [s for s in loaded if not s.profiles or set(s.profiles) & profiles or "*" in profiles
                or s.name in enabled]
    disabled = [s for s in loaded if s.name not in {e.name for e in services}]
    raw_networks = doc.get("networks") or {}
    if not isinstance(raw_networks, dict):
        raise ComposeError("networks must be a mapping")
    declared = {str(k): v for k, v in raw_networks.items()}
    for s in services:
        for n in s.networks:
            if n.key != "default" and n.key not in declared:
                raise ComposeError(f'service "{s.name}" refers to undefined network {n.key}: invalid compose project')
        # network_mode service:X is an implicit dependency on X, checked like depends_on
        deps = [d.service for d in s.depends_on if d.required] + _mode_dependencies(s)
        for dep in deps:
            if dep not in raw_services:
                raise ComposeError(f'service "{s.name}" depends on undefined service "{dep}": '
                                   f"invalid compose project")
    used = [n.key for s in services for n in s.networks]
    networks = []
    # compose creates them in Go map order (random); the implicit default network first, then the
    # file's order, is one of those orders
    for key in dict.fromkeys((["default"] if "default" in used else []) + list(declared)):
        if key not in used:
            continue
        networks.append(_network(key, declared.get(key) or {}, name, warnings))
    return Project(name, working_dir, paths, tuple(services), tuple(networks), tuple(disabled))


def _network(key: str, raw: Any, project: str, warnings: list[str]) -> NetworkConfig:
    if not isinstance(raw, dict):
        raise ComposeError(f"networks.{key} must be a mapping")
    ipam = raw.get("ipam") or {}
    pools = []
    for c in ipam.get("config") or []:
        pools.append(IpamPool(subnet=str(c.get("subnet") or ""), gateway=str(c.get("gateway") or ""),
                              ip_range=str(c.get("ip_range") or ""),
                              aux_addresses=_kv(c.get("aux_addresses"), f"networks.{key}.ipam.config.aux_addresses")))
    external = raw.get("external")
    is_external = bool(external) if not isinstance(external, dict) else True
    explicit = raw.get("name") or (external.get("name") if isinstance(external, dict) else None)
    net_name = str(explicit) if explicit else (key if is_external else f"{project}_{key}")
    return NetworkConfig(
        key=key, name=net_name, driver=str(raw.get("driver") or ""),
        driver_opts=_kv(raw.get("driver_opts"), f"networks.{key}.driver_opts"),
        ipam_driver=str(ipam.get("driver") or ""), ipam=tuple(pools),
        internal=_bool(raw.get("internal"), f"networks.{key}.internal", warnings),
        attachable=_bool(raw.get("attachable"), f"networks.{key}.attachable", warnings),
        enable_ipv6=raw.get("enable_ipv6"), external=is_external, enable_ipv4=raw.get("enable_ipv4"),
        labels=_kv(raw.get("labels"), f"networks.{key}.labels"))


def _service(name: str, raw: dict[str, Any], warnings: list[str]) -> Service:
    where = f"services.{name}"
    network_mode = str(raw.get("network_mode") or "")
    nets: list[ServiceNetwork] = []
    raw_nets = raw.get("networks")
    if isinstance(raw_nets, list):
        nets = [ServiceNetwork(str(k)) for k in raw_nets]
    elif isinstance(raw_nets, dict):
        for k, v in raw_nets.items():
            mapping, v = v is not None, v or {}
            nets.append(ServiceNetwork(
                str(k), aliases=_strings(v.get("aliases"), f"{where}.networks.{k}.aliases"),
                ipv4_address=str(v.get("ipv4_address") or ""), ipv6_address=str(v.get("ipv6_address") or ""),
                mac_address=str(v.get("mac_address") or ""), priority=int(v.get("priority") or 0),
                gw_priority=int(v.get("gw_priority") or 0), mapping=mapping,
                link_local_ips=_strings(v.get("link_local_ips"), f"{where}.networks.{k}.link_local_ips")))
    elif raw_nets is not None:
        raise ComposeError(f"{where}.networks must be a array")
    if not nets and not network_mode:
        nets = [ServiceNetwork("default")]
    if network_mode and raw_nets:
        raise ComposeError(f'service {name} declares mutually exclusive `network_mode` and `networks`: '
                           f"invalid compose project")
    deploy = raw.get("deploy") or {}
    scale = raw.get("scale", deploy.get("replicas", 1) if isinstance(deploy, dict) else 1)
    return Service(
        name=name, image=str(raw.get("image") or ""), command=_command(raw.get("command")),
        entrypoint=_command(raw.get("entrypoint")), tty=_bool(raw.get("tty"), f"{where}.tty", warnings),
        stdin_open=_bool(raw.get("stdin_open"), f"{where}.stdin_open", warnings),
        hostname=str(raw.get("hostname") or ""), domainname=str(raw.get("domainname") or ""),
        user=str(raw.get("user") or ""),
        container_name=str(raw.get("container_name") or ""), networks=tuple(nets), network_mode=network_mode,
        ports=tuple(p for item in (raw.get("ports") or []) for p in _ports(item, where)),
        expose=tuple(_text(e) for e in raw.get("expose") or ()),
        links=_strings(raw.get("links"), f"{where}.links"),
        external_links=_strings(raw.get("external_links"), f"{where}.external_links"),
        dns=_strings(raw.get("dns"), f"{where}.dns"), dns_search=_strings(raw.get("dns_search"), f"{where}.dns_search"),
        dns_opt=_strings(raw.get("dns_opt"), f"{where}.dns_opt"),
        privileged=_bool(raw.get("privileged"), f"{where}.privileged", warnings),
        read_only=_bool(raw.get("read_only"), f"{where}.read_only", warnings),
        ipc=_text(raw.get("ipc") or ""), pid=_text(raw.get("pid") or ""),
        tmpfs=_strings(raw.get("tmpfs"), f"{where}.tmpfs"), ulimits=_ulimits(raw.get("ulimits"), f"{where}.ulimits"),
        log_driver=_text((raw.get("logging") or {}).get("driver") or "") if isinstance(raw.get("logging"), dict) else "",
        log_options=_kv((raw.get("logging") or {}).get("options"), f"{where}.logging.options")
        if isinstance(raw.get("logging"), dict) else (),
        extra_hosts=_extra_hosts(raw.get("extra_hosts")), mac_address=str(raw.get("mac_address") or ""),
        scale=int(scale if scale is not None else 1), profiles=_strings(raw.get("profiles"), f"{where}.profiles"),
        depends_on=_depends(raw.get("depends_on"), where), labels=_kv(raw.get("labels"), f"{where}.labels"),
        environment=_environment(raw.get("environment"), f"{where}.environment"),
        # compose-go keeps each capability once (c56: `chown` twice)
        cap_add=tuple(dict.fromkeys(_strings(raw.get("cap_add"), f"{where}.cap_add"))),
        cap_drop=tuple(dict.fromkeys(_strings(raw.get("cap_drop"), f"{where}.cap_drop"))),
        env_files=_env_files(raw.get("env_file"), f"{where}.env_file"),
        healthcheck=_healthcheck(raw.get("healthcheck"), f"services[{name}].healthcheck"),
        init=None if raw.get("init") is None else _bool(raw.get("init"), f"{where}.init", warnings),
        restart=_text(raw.get("restart") or ""),
        stop_grace_period=_duration(raw.get("stop_grace_period"), f"services[{name}].stop_grace_period"),
        stop_signal=_text(raw.get("stop_signal") or ""),
        sysctls=_kv(raw.get("sysctls"), f"{where}.sysctls"),
        working_dir=_text(raw.get("working_dir") or ""))


_DURATION_PART = re.compile(r"([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)")
_NANOS = {"ns": 1, "us": 10**3, "µs": 10**3, "μs": 10**3, "ms": 10**6, "s": 10**9, "m": 60 * 10**9, "h": 3600 * 10**9}


def _duration(value: Any, where: str) -> str:
    """A duration as compose-go reads it (Go's time.ParseDuration; a bare number is seconds) and
    writes it back (Go's Duration.String: ``90s`` is ``1m30s``)."""
    if value is None or value == "":
        return ""
    text = _text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        nanos = int(float(value) * 10**9)
    else:
        body = text.lstrip("+-")
        pos, nanos = 0, 0
        while pos < len(body) and body != "0":
            m = _DURATION_PART.match(body, pos)
            if not m or m.group(1) in ("", "."):
                raise _invalid_duration(where, text)
            nanos += int(float(m.group(1)) * _NANOS[m.group(2)])
            pos = m.end()
        if not body:
            raise _invalid_duration(where, text)
        if text.startswith("-"):
            nanos = -nanos
    return go_duration(nanos)


def duration_nanos(text: str) -> int:
    """The nanoseconds of a duration as ``go_duration`` wrote it (``1m30s``: 90e9)."""
    body, nanos, pos = text.lstrip("-"), 0, 0
    while pos < len(body) and body != "0":
        m = _DURATION_PART.match(body, pos)
        if not m or m.group(1) in ("", "."):
            break
        nanos += int(float(m.group(1)) * _NANOS[m.group(2)])
        pos = m.end()
    return -nanos if text.startswith("-") else nanos


def _invalid_duration(where: str, text: str) -> ComposeError:
    """compose-go's decoder error (c47), ``where`` as it names the field: ``services[web].…``."""
    return ComposeError(f"decoding failed due to the following error(s):\n\n'{where}' time: invalid duration \"{text}\"")


def go_duration(nanos: int) -> str:
    """Go's ``time.Duration.String``."""
    if nanos == 0:
        return "0s"
    sign = "-" if nanos < 0 else ""
    n = abs(nanos)
    if n < 10**9:
        for unit, size in (("ms", 10**6), ("µs", 10**3), ("ns", 1)):
            if n >= size:
                return sign + _fraction(n, size) + unit
    hours, rest = divmod(n, 3600 * 10**9)
    minutes, rest = divmod(rest, 60 * 10**9)
    out = (f"{hours}h" if hours else "") + (f"{minutes}m" if hours or minutes else "")
    return sign + out + _fraction(rest, 10**9) + "s"


def _fraction(n: int, size: int) -> str:
    whole, frac = divmod(n, size)
    digits = str(frac).rjust(len(str(size)) - 1, "0").rstrip("0") if frac else ""
    return f"{whole}.{digits}" if digits else str(whole)


def _env_files(value: Any, where: str) -> tuple[tuple[str, bool], ...]:
    """``env_file``: a path, or a list of paths and ``{path, required}`` mappings."""
    items = value if isinstance(value, list) else ([] if value is None else [value])
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append((_text(item.get("path") or ""), _bool(item.get("required", True), f"{where}.required", [])))
        elif isinstance(item, (str, int, float)):
            out.append((_text(item), True))
        else:
            raise ComposeError(f"{where} must be a string or array")
    return tuple(out)


def _healthcheck(value: Any, where: str) -> Optional[HealthCheck]:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ComposeError(f"{where} must be a mapping")
    test = value.get("test")
    retries = value.get("retries")
    return HealthCheck(
        test=("CMD-SHELL", _text(test)) if isinstance(test, str) else _strings(test, f"{where}.test"),
        timeout=_duration(value.get("timeout"), f"{where}.timeout"),
        interval=_duration(value.get("interval"), f"{where}.interval"),
        retries=None if retries is None else int(retries),
        start_period=_duration(value.get("start_period"), f"{where}.start_period"),
        start_interval=_duration(value.get("start_interval"), f"{where}.start_interval"),
        disable=bool(value.get("disable")))


def _ulimits(value: Any, where: str) -> tuple[tuple[str, int, int, bool], ...]:
    """``ulimits``: NAME: N (soft and hard) or NAME: {soft, hard}, by name."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ComposeError(f"{where} must be a mapping")
    out = []
    for name, v in value.items():
        if isinstance(v, dict):
            out.append((str(name), int(v.get("soft") or 0), int(v.get("hard") or 0), False))
        else:
            out.append((str(name), int(v), int(v), True))
    return tuple(out)


def _extra_hosts(value: Any) -> tuple[str, ...]:
    if isinstance(value, dict):
        return tuple(f"{k}:{v}" for k, v in value.items())
    return tuple(str(v).replace("=", ":", 1) if "=" in str(v) else str(v) for v in value or ())


def _depends(value: Any, where: str) -> tuple[Dependency, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(Dependency(str(v)) for v in value)
    if isinstance(value, dict):
        return tuple(Dependency(str(k), condition=str((v or {}).get("condition", "service_started")),
                                restart=bool((v or {}).get("restart", False)),
                                required=bool((v or {}).get("required", True))) for k, v in value.items())
    raise ComposeError(f"{where}.depends_on must be a array")


def _ports(item: Any, where: str) -> list[PortConfig]:
    """One entry of ``ports``: short syntax (``[HOST_IP:][HOST:]CONTAINER[/PROTO]``, ranges) or
    the long syntax mapping."""
    if isinstance(item, dict):
        target = int(item.get("target") or 0)
        published = item.get("published")
        return [PortConfig(target, "" if published is None else _text(published), str(item.get("host_ip") or ""),
                           str(item.get("protocol") or "tcp"), str(item.get("mode") or "ingress"))]
    text = _text(item)
    spec, _, proto = text.partition("/")
    proto = proto or "tcp"
    host_ip = ""
    if spec.startswith("["):
        end = spec.find("]")
        host_ip, spec = spec[1:end], spec[end + 2:]
    parts = spec.rsplit(":", 2)
    if len(parts) == 3:
        host_ip, published, target = parts
    elif len(parts) == 2:
        published, target = parts
    else:
        published, target = "", parts[0]
    try:
        lo, _, hi = target.partition("-")
        first, last = int(lo), int(hi or lo)
    except ValueError:
        raise ComposeError(f"invalid containerPort: {target}") from None
    if not published or last == first:
        return [PortConfig(t, published, host_ip, proto) for t in range(first, last + 1)]
    plo, _, phi = published.partition("-")
    if not phi:
        return [PortConfig(t, published, host_ip, proto) for t in range(first, last + 1)]
    return [PortConfig(t, str(int(plo) + i), host_ip, proto) for i, t in enumerate(range(first, last + 1))]
