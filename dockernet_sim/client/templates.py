"""``--format`` as docker/cli applies it: ``table`` prefix, ``\\t`` escapes, tabwriter, errors.

Two paths, as in docker/cli:

- ``ls``/``ps`` rows go through ``cli/command/formatter`` (``Context.Write``): each row is a
  formatter context (a Go struct pointer whose methods are the columns; ``{{json .}}`` marshals
  every argument-less method into a map, so keys come out sorted).  A row that fails aborts the
  whole output with ``template parsing error: …`` (exit 1); the table header is executed last,
  with docker's HeaderFunctions, and its errors are ignored.
- inspect documents go through ``cli/command/inspect`` (``TemplateInspector``): the template
  runs on the typed value first; if that fails it runs again on the raw JSON with
  ``missingkey=error``.  A parse error exits 64, an execution error 1; every reference is tried
  before the errors are printed.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional, Sequence

from ..golang.template.values import DOCKER_ERROR_PREFIX, JsonNumber, Map, Nil, Slice, Struct, TemplateError
from ..golang.tabwriter import tabwrite
from ..engines import DEFAULT, Profile


class TemplateFailure(Exception):
    """A --format that failed: ``str()`` is what the client prints on stderr."""

    def __init__(self, text: str, exit_code: int, stdout: str = "") -> None:
        super().__init__(text)
        self.text = text
        self.exit_code = exit_code
        self.stdout = stdout

    def __str__(self) -> str:
        return self.text


def prepare(fmt: str, profile: Profile = DEFAULT) -> tuple[bool, str]:
    """formatter.Context.preFormat: strip ``table``, expand ``json`` (client 28), trim spaces,
    turn the two-character ``\\t``/``\\n`` into tab/newline."""
    table = fmt.startswith("table")
    body = fmt[len("table"):] if table else fmt
    if not table and fmt == "json" and profile.json_format_shorthand:
        body = "{{json .}}"
    body = body.strip(" ")
    body = body.replace("\\t", "\t").replace("\\n", "\n")
    return table, body


_prepare = prepare


# keys whose values are Go maps (everything else that is a JSON object is a struct)
MAP_KEYS = frozenset({"Networks", "Ports", "Labels", "Options", "Containers", "ExposedPorts", "PortBindings",
                      "AuxiliaryAddresses", "DriverOpts", "Data", "Volumes", "Sysctls", "StorageOpt", "Peers", "Tmpfs"})


# container.HostConfig's fields whose JSON names differ from their Go names
HOST_CONFIG_GO_NAMES = {"Dns": "DNS", "DnsOptions": "DNSOptions", "DnsSearch": "DNSSearch"}


# struct types whose JSON leaves empty fields out: (fields in order, omitempty)
STRUCT_FIELDS = {
    "IPAMConfig": (("Subnet", ""), ("IPRange", ""), ("Gateway", ""), ("AuxiliaryAddresses", None)),
}


def _ipam_entry(doc: dict[str, Any]) -> Any:
    fields = {k: doc.get(k, d) for k, d in STRUCT_FIELDS["IPAMConfig"][:3]}
    aux = doc.get("AuxiliaryAddresses")
    fields["AuxiliaryAddresses"] = dict(aux) if aux else Nil("map[string]string")
    return Struct("network.IPAMConfig", fields, omitempty=("Subnet", "IPRange", "Gateway", "AuxiliaryAddresses"))


# network.EndpointSettings: the Go types of the fields that can be nil, so that a nil prints as Go
# prints it (`<nil>`, `[]`, `map[]`) rather than `<no value>`
ENDPOINT_NILS = {"IPAMConfig": "*network.EndpointIPAMConfig", "Links": "[]string", "Aliases": "[]string",
                 "DriverOpts": "map[string]string", "DNSNames": "[]string"}


def _endpoint_settings(doc: dict[str, Any]) -> Any:
    fields: dict[str, Any] = {}
    for k, v in doc.items():
        if v is None and k in ENDPOINT_NILS:
            fields[k] = Nil(ENDPOINT_NILS[k])
        elif k == "IPAMConfig" and isinstance(v, dict):
            fields[k] = Struct("*network.EndpointIPAMConfig", {"IPv4Address": v.get("IPv4Address", ""),
                                                                "IPv6Address": v.get("IPv6Address", ""),
                                                                "LinkLocalIPs": Slice(list(v["LinkLocalIPs"]), "[]string")
                                                                if v.get("LinkLocalIPs") else Nil("[]string")},
                               omitempty=("IPv4Address", "IPv6Address", "LinkLocalIPs"))
        elif isinstance(v, list):
            fields[k] = Slice([typed(x) for x in v], "[]string")
        elif isinstance(v, dict):
            fields[k] = Map(dict(v), "map[string]string")
        else:
            fields[k] = v
    return Struct("*network.EndpointSettings", fields)


_LEAVES = frozenset({str, int, float, bool, type(None)})    # what ``typed`` gives back as it is


def typed(doc: Any, type_name: str = "", key: str = "") -> Any:
    """A JSON document as the Go values docker's typed inspect sees: objects under map keys are
    maps, the rest structs (so field order is kept and a missing field is an error)."""
    if isinstance(doc, dict):
        if not key and "IPAM" in doc and "ConfigOnly" in doc:
            # network.Inspect: fields JSON leaves out when empty are still there for a template
            doc = dict(doc)
            doc.setdefault("Peers", Nil("[]network.PeerInfo"))
            doc.setdefault("Services", Nil("map[string]network.ServiceInfo"))
        if type_name == "volume.Volume":
            # volume.Volume: nil Labels and Options print as Go's empty map (r222)
            doc = {k: Nil("map[string]string") if v is None and k in ("Labels", "Options") else v
                   for k, v in doc.items()}
        if key == "HostConfig" and "Mounts" not in doc:
            # container.HostConfig.Mounts, left out of the JSON when empty, is a nil slice (r222)
            doc = {**doc, "Mounts": Nil("[]mount.Mount")}
        if key == "HostConfig" and "ShmSize" in doc:
            if "Sysctls" not in doc:
                # container.HostConfig.Sysctls, left out of the JSON when empty: a nil map (r243 map[])
                items = list(doc.items())
                at = [k for k, _ in items].index("ShmSize") + 1
                doc = dict(items[:at] + [("Sysctls", Nil("map[string]string"))] + items[at:])
            # HostConfig.Init, a *bool left out when not sent: nil (c55 `{{json .HostConfig.Init}}` null)
            doc = doc if "Init" in doc else {**doc, "Init": Nil("*bool")}
            if "Tmpfs" not in doc:               # omitempty: a nil map (c59)
                items = list(doc.items())
                at = [k for k, _ in items].index("UTSMode") if "UTSMode" in doc else len(items)
                doc = dict(items[:at] + [("Tmpfs", Nil("map[string]string"))] + items[at:])
            fields = {k: typed(v, "", k) for k, v in doc.items()}
            as_json = Struct(type_name or "types.HostConfig", fields, omitempty=("Sysctls", "Init", "Tmpfs"))
            # Go calls three fields otherwise than their JSON: `.HostConfig.Dns` is no field of the
            # typed value, and the template runs on the raw JSON instead (c37)
            return Struct(type_name or "types.HostConfig", {HOST_CONFIG_GO_NAMES.get(k, k): v for k, v in fields.items()},
                          omitempty=("Sysctls", "Init", "Tmpfs"), marshal=lambda: as_json)
        if key == "LogConfig" and isinstance(doc.get("Config"), dict):
            # container.LogConfig: its Config is a map[string]string (c59: max-size, max-file)
            return Struct("container.LogConfig", {"Type": doc.get("Type", ""),
                                                  "Config": Map(dict(doc["Config"]), "map[string]string")})
        if key == "State" and "FinishedAt" in doc and "Health" not in doc:
            # State.Health (omitempty) is a nil pointer without a health check (r260: json null)
            doc = {**doc, "Health": Nil("*types.Health", fields=("Status", "FailingStreak", "Log"))}
        if key == "Config" and "Cmd" in doc and "Healthcheck" not in doc:
            # Config.Healthcheck likewise, after Cmd (r260)
            items = list(doc.items())
            at = [k for k, _ in items].index("Cmd") + 1
            doc = dict(items[:at] + [("Healthcheck", Nil("*container.HealthConfig", fields=(
                "Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries")))] + items[at:])
        if key == "Config" and "OnBuild" in doc:
            # container.Config's omitempty fields, there for a template when the JSON leaves them
            # out (c55): ExposedPorts a nil map, StopSignal "", StopTimeout a nil *int
            items = list(doc.items())
            if "ExposedPorts" not in doc:
                at = [k for k, _ in items].index("AttachStderr") + 1 if "AttachStderr" in doc else 0
                items = items[:at] + [("ExposedPorts", Nil("nat.PortSet", "map"))] + items[at:]
            items += [(k, v) for k, v in (("StopSignal", ""), ("StopTimeout", Nil("*int"))) if k not in doc]
            return Struct(type_name or "types.Config", {k: typed(v, "", k) for k, v in items},
                          omitempty=("ExposedPorts", "StopSignal", "StopTimeout", "MacAddress"))
        if key == "Networks" and all(isinstance(v, dict) and "NetworkID" in v for v in doc.values()):
            return Map({k: _endpoint_settings(v) for k, v in doc.items()},
                       "map[string]*network.EndpointSettings")
        if key in MAP_KEYS:
            return {k: typed(v, "", "") for k, v in doc.items()}
        if set(map(type, doc.values())) <= _LEAVES:    # (each port binding: {"HostIp", "HostPort"})
            return Struct(type_name or ("types." + (key or "Object")), doc)
        return Struct(type_name or ("types." + (key or "Object")), {k: typed(v, "", k) for k, v in doc.items()})
    if isinstance(doc, list):
        if key == "Config" and all(isinstance(v, dict) and "Subnet" in v for v in doc):
            return [_ipam_entry(v) for v in doc]
        return [typed(v, "", "") for v in doc]
    return doc


def raw_json(doc: Any) -> Any:
    """The document as json.Decoder with UseNumber gives it: numbers are json.Number."""
    if isinstance(doc, dict):
        return {k: raw_json(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [raw_json(v) for v in doc]
    if isinstance(doc, bool) or doc is None:
        return doc
    if isinstance(doc, (int, float)):
        return JsonNumber(str(doc))
    return doc


def parse_for(body: str, profile: Profile) -> Any:
    """Parse a template as the profile's client does (its Go version, its ``json`` function)."""
    from ..golang.template import parse     # the engine: loaded by the first template it runs (issue 15)
    return parse(body, go=profile.go, json_errors=not profile.json_errors_ignored)


def parse_inspect(fmt: str, profile: Profile = DEFAULT) -> Any:
    """NewTemplateInspectorFromString: the template, or TemplateFailure (exit 64)."""
    body = fmt   # inspect parses the text as given: no `table`, no \t or \n replacement
    try:
        return parse_for(body, profile)
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 64) from None


def inspect_one(tmpl: Any, doc: Any, type_name: str = "types.ContainerJSON") -> str:
    """TemplateInspector.Inspect for one element: its output line, or TemplateFailure (exit 1)."""
    try:
        return tmpl.execute(typed(doc, type_name))
    except TemplateError:
        pass
    try:
        return tmpl.execute(raw_json(doc), missingkey="error")
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 1) from None


def execute_format(fmt: str, doc: Any, type_name: str = "types.ContainerJSON", profile: Profile = DEFAULT) -> str:
    """Execute an inspect ``--format`` against one JSON document: on the typed value first,
    then, if that fails, on the raw JSON map with missingkey=error (docker's inspector)."""
    return inspect_one(parse_inspect(fmt, profile), doc, type_name)


def row_context(type_name: str, fields: Mapping[str, Any], *, labels: Optional[Mapping[str, str]] = None,
                json_fields: Optional[Sequence[str]] = None) -> Struct:
    """A formatter context: its columns as fields, ``Label`` as a method, and ``{{json .}}``
    giving the map of every argument-less exported method (Go sorts the keys)."""
    shown = {k: v for k, v in fields.items() if not k.startswith("_")}
    keys = list(json_fields) if json_fields is not None else list(shown)
    lab = dict(labels or {})

    def label(name: str) -> str:
        return lab.get(name, "")

    def marshal() -> dict[str, Any]:
        return {k: shown.get(k) for k in sorted(keys)}
    return Struct(type_name, shown, methods={"Label": label}, marshal=marshal)


def render_rows(fmt: str, rows: Sequence[Any], headers: Mapping[str, str],
                type_name: str = "*formatter.context", profile: Profile = DEFAULT) -> str:
    """Render ``ls``/``ps`` rows with a (possibly ``table``) format, as formatter.Context.Write
    does.  Rows are formatter contexts (``row_context``) or plain mappings."""
    table, body = prepare(fmt, profile)
    rows = [r if isinstance(r, Struct) else row_context(type_name, r, labels=r.get("_labels")) for r in rows]
    hdr = Map(dict(headers), "formatter.SubHeaderContext", methods={"Label": _header_label})
    plain = _plain_rows(body, rows, hdr if table else None)
    if plain is not None:
        return tabwrite(plain, minwidth=10, tabwidth=1, padding=3) if table else plain
    try:
        tmpl = parse_for(body, profile)
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 1) from None
    out: list[str] = []
    for data in rows:
        try:
            out.append(tmpl.execute(data) + "\n")
        except TemplateError as e:
            raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 1) from None
    if not table:
        return "".join(out)
    from ..golang.template import header_funcs
    try:
        head = tmpl.funcs(header_funcs()).execute(hdr)
    except TemplateError as e:       # docker ignores the header's error but keeps what it wrote
        head = e.partial
    text = head + "\n" + "".join(out)
    return tabwrite(text, minwidth=10, tabwidth=1, padding=3)


def _plain_rows(body: str, rows: Sequence[Struct], headers: Optional[Map]) -> Optional[str]:
    """What the template engine writes for ``rows`` (and, given ``headers``, the header line
    first) when the template is only text and ``{{.Field}}`` actions and every field it names is
    a string field of every row (and a title in ``headers``): Go's text/template prints a string
    field as it is, so ``docker network ls``'s default table needs no parse (issue 15). None
    for any other template or row: the engine runs it, and words its errors."""
    pieces = body.split("{{")
    texts, names = [pieces[0]], []
    for piece in pieces[1:]:
        action, closed, text = piece.partition("}}")
        name = action[1:]
        if not closed or action[:1] != "." or not (name.isascii() and name.isidentifier() and name[:1].isupper()):
            return None
        names.append(name)
        texts.append(text)
    lines = []
    for row in ([headers] if headers is not None else []) + list(rows):
        typed_fields = row.field_types if isinstance(row, Struct) else {}
        values = [dict.get(row, name) for name in names]
        if any(type(v) is not str or name in row.methods or name in typed_fields for name, v in zip(names, values)):
            return None
        line = [texts[0]]
        for value, text in zip(values, texts[1:]):
            line += [value, text]
        lines.append("".join(line) + "\n")
    return "".join(lines)


def _header_label(name: str) -> str:
    """SubHeaderContext.Label: the last dot-separated part, ``-``/``_`` as spaces."""
    return name.split(".")[-1].replace("-", " ").replace("_", " ")


def validate_with(fmt: str, context: Any, profile: Profile = DEFAULT) -> None:
    """``docker ps``'s early check (container/list.go buildContainerListOptions): parse, then
    execute once on an empty ContainerContext; errors are ``failed to parse template: …`` and
    ``failed to execute template: …`` (exit 1)."""
    try:
        tmpl = parse_for(fmt, profile)
    except TemplateError as e:
        raise TemplateFailure(f"failed to parse template: {e}\n", 1) from None
    try:
        tmpl.execute(context)
    except TemplateError as e:
        raise TemplateFailure(f"failed to execute template: {e}\n", 1) from None


def _label_method(row: Mapping[str, Any]) -> Callable[[str], str]:
    labels = row.get("_labels") or {}

    def label(name: str) -> str:
        return labels.get(name, "")
    return label
