"""Go's text/template, as the docker CLI runs it for ``--format`` and ``-f``.

Mirrors golang/go ``src/text/template`` (lexer, parser, executor, builtin
functions, and the parts of ``fmt`` and ``encoding/json`` that printing goes
through) at the two Go releases that built the recorded clients: Go 1.19
(docker 20.10.24) and Go 1.24 (docker 28.2.2), plus the functions that
docker/cli ``templates/templates.go`` installs (json, split, join, title,
lower, upper, pad, truncate).  Error texts are Go's own; docker prefixes them
with ``template parsing error: `` (see ``DOCKER_ERROR_PREFIX``).

Data model (Python value -> Go value)::

    dict            map[string]interface {}   (a missing key prints <no value>)
    Struct          a struct, or *struct when type_name starts with "*";
                    a missing field is "can't evaluate field X in type T";
                    callables stored in it are methods
    Map / Slice     a map / slice with an explicit Go type
    Nil("[]string") a typed nil: prints [] / map[] / <nil>, json null
    list, tuple     []interface {}  (inside a Struct: []string when all str)
    None            nil interface   (prints <no value>; <nil> via printf)
    str, int, float, bool, JsonNumber

Example::

    >>> parse("{{range .IPAM.Config}}{{.Subnet}}{{end}}").execute(
    ...     {"IPAM": {"Config": [{"Subnet": "10.0.0.0/24"}]}})
    '10.0.0.0/24'

One module per part of Go (imports point down this list)::

    values    the data model above; TemplateError, GoError
    reflect   values as reflect sees them (python value, Go type, kind)
    strconv   quoting, float formatting, literal parsing
    format    fmt/format.go: flags, padding, number and string verbs
    fmt       fmt/print.go: Sprint, Sprintln, Sprintf
    jsonenc   encoding/json, as docker's json function
    lexer     text/template/parse/lex.go
    nodes     text/template/parse/node.go
    parser    text/template/parse/parse.go
    evaluate  text/template/exec.go: pipelines, fields, calls, arguments
    exec      text/template/exec.go: the walk (if, range, with, template)
    funcs     text/template/funcs.go builtins and docker's functions
    template  parse() and Template
"""

from __future__ import annotations

import importlib
from typing import Any

# each name's module, loaded when the name is first asked for: a session that prints a string
# field (``docker network ls``'s default table) needs the data model, not the engine (issue 15)
_MODULES = {
    **dict.fromkeys(("DOCKER_ERROR_PREFIX", "GoError", "GoFunc", "JsonNumber", "Map", "Nil", "Slice", "Struct",
                     "TemplateError"), "values"),
    "go_sprint": "fmt", "header_funcs": "funcs", "go_json": "jsonenc",
    "Template": "template", "parse": "template",
}


def go_quote(s: str) -> str:
    """Go's ``strconv.Quote``, for the messages that quote what was typed: its module (and
    ``unicodedata``) loads on the first quote, which a session without an error never makes."""
    from .strconv import go_quote as quote
    return quote(s)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = vars(importlib.import_module(f"{__name__}.{_MODULES[name]}"))[name]
    globals()[name] = value
    return value


__all__ = [
    "DOCKER_ERROR_PREFIX",
    "GoError",
    "GoFunc",
    "JsonNumber",
    "Map",
    "Nil",
    "Slice",
    "Struct",
    "Template",
    "TemplateError",
    "go_json",
    "go_sprint",
    "header_funcs",
    "parse",
]
