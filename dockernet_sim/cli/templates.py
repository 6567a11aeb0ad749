"""``--format`` as docker/cli applies it: ``table`` prefix, ``\\t`` escapes, tabwriter, errors.

Rows of ``ls``/``ps`` are Go structs (a missing field is an error); inspect documents are JSON
maps (a missing key prints ``<no value>``), as docker's inspector falls back to raw JSON.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .gotemplate import DOCKER_ERROR_PREFIX, Map, Nil, Struct, TemplateError, parse
from .tabwriter import tabwrite


class TemplateFailure(Exception):
    """A --format that failed: ``str()`` is what the client prints on stderr."""

    def __init__(self, text: str, exit_code: int) -> None:
        super().__init__(text)
        self.text = text
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.text


def _prepare(fmt: str) -> tuple[bool, str]:
    table = fmt.startswith("table")
    body = fmt[len("table"):] if table else fmt
    body = body.strip(" ")
    body = body.replace("\\t", "\t").replace("\\n", "\n")
    return table, body


# keys whose values are Go maps (everything else that is a JSON object is a struct)
MAP_KEYS = frozenset({"Networks", "Ports", "Labels", "Options", "Containers", "ExposedPorts", "PortBindings",
                      "AuxiliaryAddresses", "DriverOpts", "Data", "Volumes", "Sysctls", "StorageOpt", "Peers"})


# struct types whose JSON leaves empty fields out: (fields in order, omitempty)
STRUCT_FIELDS = {
    "IPAMConfig": (("Subnet", ""), ("IPRange", ""), ("Gateway", ""), ("AuxiliaryAddresses", None)),
}


def _ipam_entry(doc: dict[str, Any]) -> Any:
    fields = {k: doc.get(k, d) for k, d in STRUCT_FIELDS["IPAMConfig"][:3]}
    aux = doc.get("AuxiliaryAddresses")
    fields["AuxiliaryAddresses"] = dict(aux) if aux else Nil("map[string]string")
    return Struct("network.IPAMConfig", fields, omitempty=("Subnet", "IPRange", "Gateway", "AuxiliaryAddresses"))


def typed(doc: Any, type_name: str = "", key: str = "") -> Any:
    """A JSON document as the Go values docker's typed inspect sees: objects under map keys are
    maps, the rest structs (so field order is kept and a missing field is an error)."""
    if isinstance(doc, dict):
        if key in MAP_KEYS:
            return {k: typed(v, "", k if key in ("Networks",) and False else "") for k, v in doc.items()}
        return Struct(type_name or ("types." + (key or "Object")), {k: typed(v, "", k) for k, v in doc.items()})
    if isinstance(doc, list):
        if key == "Config" and all(isinstance(v, dict) and "Subnet" in v for v in doc):
            return [_ipam_entry(v) for v in doc]
        return [typed(v, "", "") for v in doc]
    return doc


def execute_format(fmt: str, doc: Any, type_name: str = "types.ContainerJSON") -> str:
    """Execute an inspect ``--format`` against one JSON document: on the typed value first,
    then, if that fails, on the raw JSON map (docker's inspector falls back the same way)."""
    _, body = _prepare(fmt)
    try:
        tmpl = parse(body)
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 64) from None
    try:
        return tmpl.execute(typed(doc, type_name))
    except TemplateError:
        pass
    try:
        return tmpl.execute(doc)
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 1) from None


def render_rows(fmt: str, rows: Sequence[Mapping[str, Any]], headers: Mapping[str, str],
                type_name: str = "*formatter.context") -> str:
    """Render ``ls``/``ps`` rows with a (possibly ``table``) format, as docker's formatter does."""
    table, body = _prepare(fmt)
    try:
        tmpl = parse(body)
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 64) from None
    out: list[str] = []
    try:
        if table:
            hdr = Map({k: v for k, v in headers.items()}, "formatter.SubHeaderContext") \
                if _map_accepts_type() else dict(headers)
            out.append(tmpl.execute(hdr) + "\n")
        for r in rows:
            data = Struct(type_name, {k: v for k, v in r.items() if not k.startswith("_")},
                          methods={"Label": _label_method(r)})
            out.append(tmpl.execute(data) + "\n")
    except TemplateError as e:
        raise TemplateFailure(f"{DOCKER_ERROR_PREFIX}{e}\n", 64 if getattr(e, "kind", "") == "parse" else 1) from None
    text = "".join(out)
    if table:
        text = tabwrite(text, minwidth=10, tabwidth=1, padding=3)
    return text


def _map_accepts_type() -> bool:
    try:
        Map({}, "formatter.SubHeaderContext")
        return True
    except TypeError:
        return False


def _label_method(row: Mapping[str, Any]) -> Any:
    labels = row.get("_labels") or {}

    def label(name: str) -> str:
        return labels.get(name, "")
    return label
