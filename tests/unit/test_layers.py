"""Architecture checks, read from the source with ast (nothing is imported).

* No module of the package imports ``ipaddress`` (it is only a test oracle).
* Imports point down the layers of docs/DESIGN.md, one room per imitated system:
  [addr, ids, errors, engines, journal, result, golang, notebook, values, records, graphcopy, regexvm, compose] < kernel < libnetwork < daemon < query
  < userland < client < [terminal, host, calllog, persist, hostfile, snapshot, export, display, testing]. A module may
  import from its own layer or a lower one; the package's ``__init__`` and ``__main__`` may
  import anything. A new top-level module must be given a layer here.

``golang`` (text/template, tabwriter) sits at the bottom: it knows Go, not Docker. ``userland``
(the Linux tools) sits below ``client`` (the docker CLI): a shell runs docker as one program
among others, through a table the terminal fills in. ``terminal`` (a session at a prompt),
``calllog`` (the calls a host made), ``persist`` (with ``snapshot``, the model as data in its
files, and ``hostfile``, their text) and ``export`` sit with ``host``, whose ``sh``/``save``/``export_script`` use them.
``playground`` (the browser page's Python side and its site builder) sits on top of them all, with
``commands`` (the command line's demo, playground and serve); ``prompt`` (the interactive shell)
sits with ``terminal``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "dockernet_sim"
ROOT = Path(__file__).resolve().parents[2] / PACKAGE

LAYERS: list[set[str]] = [
    {"addr", "ids", "errors", "engines", "journal", "result", "golang", "notebook", "values", "records", "graphcopy", "regexvm", "compose"},
    {"kernel"},
    {"libnetwork"},
    {"daemon"},
    {"query"},
    {"userland"},
    {"client"},
    {"terminal", "host", "calllog", "persist", "hostfile", "snapshot", "export", "display", "testing", "api", "pytest_plugin", "completion", "prompt"},
    {"playground", "commands"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
TOP = len(LAYERS)                       # the package itself: __init__ and __main__
UNRESTRICTED = {"__init__", "__main__"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def rank_of(module: str) -> int | None:
    """Layer of a dotted module name inside the package (TOP for the root); None if unknown."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    if len(parts) == 1 or parts[1] in UNRESTRICTED:
        return TOP
    return RANK.get(parts[1])               # None: not in the table (reported separately)


def imported_modules(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in the tree, including lazy ones."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # `from dockernet_sim import kernel` names a submodule, not the package root.
            if target == PACKAGE:
                found.pop()
                found += [(node.lineno, f"{PACKAGE}.{alias.name}") if alias.name in RANK
                          else (node.lineno, PACKAGE) for alias in node.names]
        elif isinstance(node, ast.Call) and node.args:
            func, first = node.func, node.args[0]
            name = getattr(func, "id", None) or getattr(func, "attr", "")
            if name in {"__import__", "import_module"} and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    tree = ast.parse(source)
    problems = []
    own = rank_of(module)
    short = module.split(".")[1] if "." in module else "__init__"
    for line, target in imported_modules(tree, module, is_package):
        if target == "ipaddress" or target.startswith("ipaddress."):
            problems.append(f"{module}:{line} imports ipaddress")
        theirs = rank_of(target)
        if theirs is None or short in UNRESTRICTED or own is None:
            continue
        if theirs > own:
            problems.append(f"{module}:{line} imports {target} from a higher layer")
    return problems


def package_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts)


def test_package_is_found() -> None:
    assert (ROOT / "__init__.py").exists()


@pytest.mark.parametrize("path", package_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_and_avoid_ipaddress(path: Path) -> None:
    module = module_name(path)
    assert violations(path.read_text(encoding="utf-8"), module, path.name == "__init__.py") == []


def test_every_module_has_a_layer() -> None:
    unknown = sorted({m for m in map(module_name, package_files()) if m.count(".") and rank_of(m) is None})
    assert unknown == [], "add these top-level modules to LAYERS in tests/unit/test_layers.py"


# The checker itself, on small sources: a guard that finds nothing would pass silently.
CHECKER_CASES = [
    ("import ipaddress", "dockernet_sim.addr", ["imports ipaddress"]),
    ("from ipaddress import IPv4Address", "dockernet_sim.kernel.netns", ["imports ipaddress"]),
    ("def f():\n    import ipaddress.x", "dockernet_sim.client.parse", ["imports ipaddress"]),
    ("__import__('ipaddress')", "dockernet_sim.query", ["imports ipaddress"]),
    ("importlib.import_module('ipaddress')", "dockernet_sim.display", ["imports ipaddress"]),
    ("import ipaddress", "dockernet_sim.__main__", ["imports ipaddress"]),
    ("from dockernet_sim.kernel import netns", "dockernet_sim.addr", ["higher layer"]),
    ("from ..daemon import api", "dockernet_sim.libnetwork.ipam", ["higher layer"]),
    ("from . import bridge", "dockernet_sim.libnetwork.drivers", []),
    ("from ... import client", "dockernet_sim.libnetwork.drivers.bridge", ["higher layer"]),
    ("from dockernet_sim import kernel", "dockernet_sim.errors", ["higher layer"]),
    ("from dockernet_sim import Host", "dockernet_sim.daemon.api", ["higher layer"]),
    ("import dockernet_sim", "dockernet_sim.kernel.links", ["higher layer"]),
    ("from dockernet_sim.addr import IP\nfrom dockernet_sim import errors", "dockernet_sim.kernel.links", []),
    ("from ..kernel import links", "dockernet_sim.daemon.api", []),
    ("from .ids import seeded", "dockernet_sim.errors", []),
    ("from dockernet_sim.client import cli", "dockernet_sim.query", ["higher layer"]),
    ("from dockernet_sim.query import reach", "dockernet_sim.terminal", []),
    ("from dockernet_sim.display import svg", "dockernet_sim.testing", []),
    ("from dockernet_sim.client import cli", "dockernet_sim.__main__", []),
    ("from .client import cli", "dockernet_sim", []),
    ("from dockernet_sim.client import cli", "dockernet_sim.userland.programs", ["higher layer"]),
    ("import json, os.path", "dockernet_sim.addr", []),
]


@pytest.mark.parametrize(("source", "module", "expected"), CHECKER_CASES)
def test_checker(source: str, module: str, expected: list[str]) -> None:
    is_package = module in {"dockernet_sim", "dockernet_sim.libnetwork.drivers"}
    found = violations(source, module, is_package)
    assert len(found) == len(expected)
    for problem, words in zip(found, expected):
        assert words in problem
