"""Variable interpolation in compose files, as compose-go's ``template`` package does it.

``$VAR`` and ``${VAR}`` take the variable's value (empty when unset); ``${VAR:-default}`` the
default when unset or empty, ``${VAR-default}`` only when unset; ``${VAR:?message}`` and
``${VAR?message}`` fail with the message; ``${VAR:+replacement}`` and ``${VAR+replacement}``
give the replacement when set; ``$$`` is a literal ``$``. Defaults may themselves hold
variables. Values come from the environment, then the project's ``.env`` file.

>>> interpolate({"ports": ["${PORT:-8080}:80"]}, {}, "")
{'ports': ['8080:80']}
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from ..records import Record

__all__ = ["InterpolationError", "interpolate", "substitute", "parse_env_file", "Variable", "variables"]

_NAME = re.compile(r"[_a-zA-Z][_a-zA-Z0-9]*")


class InterpolationError(ValueError):
    """A value that cannot be interpolated; ``str()`` is compose's message."""


def substitute(text: str, env: Mapping[str, str], path: str = "",
               unset: Optional[list[str]] = None) -> str:
    """``text`` with its variables replaced; the names of unset variables used without a
    default are added to ``unset`` (compose warns about each)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        nxt = text[i + 1] if i + 1 < n else ""
        if nxt == "$":
            out.append("$")
            i += 2
            continue
        if nxt == "{":
            end = _closing_brace(text, i + 2)
            if end < 0:
                raise _invalid(text, path)
            out.append(_expand(text[i + 2:end], env, text, path, unset))
            i = end + 1
            continue
        m = _NAME.match(text, i + 1)
        if m is None:
            out.append("$")
            i += 1
            continue
        if m.group(0) not in env and unset is not None:
            unset.append(m.group(0))
        out.append(env.get(m.group(0), ""))
        i = m.end()
    return "".join(out)


def _closing_brace(text: str, start: int) -> int:
    depth = 1
    for j in range(start, len(text)):
        if text[j] == "{" and j > 0 and text[j - 1] == "$":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _invalid(text: str, path: str) -> InterpolationError:
    where = f" for {path}" if path else ""
    return InterpolationError(f'invalid interpolation format{where}: "{text}"; you may need to escape '
                              f'any $ with another $')


def _expand(body: str, env: Mapping[str, str], text: str, path: str, unset: Optional[list[str]]) -> str:
    m = _NAME.match(body)
    if m is None:
        raise _invalid(text, path)
    name, rest = m.group(0), body[m.end():]
    value = env.get(name)
    if rest == "":
        if value is None and unset is not None:
            unset.append(name)
        return value or ""
    missing = unset
    for op in (":-", "-", ":?", "?", ":+", "+"):
        if rest.startswith(op):
            arg = rest[len(op):]
            empty_counts = op.startswith(":")
            unset = value is None or (empty_counts and value == "")
            if op.endswith("-"):
                return substitute(arg, env, path, missing) if unset else (value or "")
            if op.endswith("?"):
                if unset:
                    # compose-go names the value's place first (c47)
                    where = f"error while interpolating {path}: " if path else ""
                    raise InterpolationError(f"{where}required variable {name} is missing a value: "
                                             f"{substitute(arg, env, path, missing)}" if arg else
                                             f"{where}required variable {name} is missing a value")
                return value or ""
            return substitute(arg, env, path, missing) if not unset else ""
    raise _invalid(text, path)


def interpolate(tree: Any, env: Mapping[str, str], path: str, unset: Optional[list[str]] = None) -> Any:
    """Every string of a loaded compose document interpolated; keys are left as they are."""
    if isinstance(tree, str):
        return substitute(tree, env, path, unset)
    if isinstance(tree, dict):
        return {k: interpolate(v, env, f"{path}.{k}" if path else str(k), unset) for k, v in tree.items()}
    if isinstance(tree, list):
        return [interpolate(v, env, f"{path}.[]", unset) for v in tree]
    return tree


def parse_env_file(text: str) -> dict[str, str]:
    """A ``.env`` file: ``KEY=value`` lines, ``#`` comments, optional ``export``, quotes."""
    env: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export "):].lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not _NAME.fullmatch(key):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
            if raw.strip().partition("=")[2].strip().startswith('"'):
                value = value.replace("\\n", "\n")
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        env[key] = value
    return env


class Variable(Record, frozen=True, slots=True):
    """One variable a compose file uses, as ``config --variables`` lists it (compose-go's
    template.Variable, its fields in that order: c47)."""
    name: str
    default_value: str = ""
    presence_value: str = ""
    required: bool = False


def variables(tree: Any, found: Optional[dict[str, Variable]] = None) -> dict[str, Variable]:
    """The variables of every string of a document not yet interpolated: ``${VAR:-default}``
    gives a default, ``${VAR:?message}`` makes it required, ``${VAR:+value}`` a value used when
    it is set; a variable seen again is described by its last use."""
    found = {} if found is None else found
    if isinstance(tree, dict):
        for value in tree.values():
            variables(value, found)
    elif isinstance(tree, list):
        for value in tree:
            variables(value, found)
    elif isinstance(tree, str):
        i = 0
        while True:
            i = tree.find("$", i)
            if i < 0 or i + 1 >= len(tree):
                break
            if tree[i + 1] == "$":
                i += 2
                continue
            if tree[i + 1] == "{":
                end = _closing_brace(tree, i + 2)
                if end < 0:
                    break
                body = tree[i + 2:end]
                m = _NAME.match(body)
                if m is not None:
                    found[m.group(0)] = _described(m.group(0), body[m.end():])
                    variables(body[m.end():], found)
                i = end + 1
                continue
            m = _NAME.match(tree, i + 1)
            if m is not None:
                found[m.group(0)] = Variable(m.group(0))
                i = m.end()
            else:
                i += 1
    return found


def _described(name: str, rest: str) -> Variable:
    for op in (":-", "-", ":?", "?", ":+", "+"):
        if rest.startswith(op):
            arg = rest[len(op):]
            if op.endswith("-"):
                return Variable(name, default_value=arg)
            if op.endswith("?"):
                return Variable(name, required=True)
            return Variable(name, presence_value=arg)
    return Variable(name)
