"""The seams stay seams, read from the source with ast (nothing is imported):

* no ``getattr``/``hasattr`` probing: the package's own values are typed, so code reads their
  attributes (or takes a Protocol); the few left reflect on what is not ours (a Go template
  function's Python callable, argparse's namespace, a dataclass's declared fields, a module);
* no method annotated ``self: "..."`` (a mixin that only works inside another class; a generic
  wrapper's ``self: Any`` is fine);
* nothing patched onto a class from outside it (``setattr(Class, ...)``, ``Class.x = ...``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "dockernet_sim"
FILES = sorted(p for p in ROOT.rglob("*.py"))

# (file, the first argument's source): reflection on what the project does not define
ALLOWED_REFLECTION = {
    ("golang/template/values.py", "fn"),          # a Python callable given to a template as a func
    ("calllog.py", "value"),                      # a spec dataclass, field by declared field
    ("snapshot/write.py", "obj"),                 # a model object, field by declared field (SLOT_TYPES …)
    ("snapshot/write.py", "part"),                # a daemon's part, attribute by PART_STATE's names
    ("snapshot/read.py", "part"),                 # the same, where a load sets them
    ("graphcopy.py", "x"),                        # an object a fork copies, field by declared field (or slot)
    ("graphcopy.py", "owner"),                    # a built-in method's object: the copy's method of that name
    ("values.py", "obj"),                         # the same, to check each field against its annotation
    ("values.py", "origin"),                      # a typing construct's name (list, dict, Union …)
    ("persist.py", "sys.modules.get(__package__ or '')"),   # the package module's __version__
    ("__main__.py", "args"),                      # argparse.Namespace
    ("regexvm.py", "_c"),                         # the stdlib's sre constants, which vary by Python version
    ("__init__.py", "importlib.import_module(f'.{module}', __name__)"),   # a lazy public name's module
    ("userland/pipes/filters.py", "importlib.import_module(f'{__package__}.{self.module}')"),  # a tool's module
}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def reflection(tree: ast.AST) -> list[tuple[int, str, str]]:
    out = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr") and node.args):
            out.append((node.lineno, node.func.id, ast.unparse(node.args[0])))
    return out


def patches(tree: ast.Module) -> list[tuple[int, str]]:
    """setattr on a class, or ``Name.attr = …`` at module level or inside a function."""
    classes = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    out = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
                and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id[:1].isupper()):
            out.append((node.lineno, ast.unparse(node)))
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                        and target.value.id[:1].isupper() and target.value.id not in classes):
                    out.append((node.lineno, ast.unparse(node)))
    return out


def self_annotations(tree: ast.AST) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.args.args:
            first = node.args.args[0]
            # a generic wrapper's ``self: Any`` is no mixin; ``self: "Daemon"`` is
            if first.arg == "self" and first.annotation is not None and ast.unparse(first.annotation) != "Any":
                out.append((node.lineno, node.name))
    return out


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_no_reflection_on_our_own_types(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [(line, fn, arg) for line, fn, arg in reflection(tree) if (_rel(path), arg) not in ALLOWED_REFLECTION]
    assert found == []


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_no_mixins_and_no_patching(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert self_annotations(tree) == []
    assert patches(tree) == []


def test_the_checks_can_fail() -> None:
    bad = ast.parse("class A:\n    def f(self: 'D') -> None: ...\n"
                    "def g(x):\n    return getattr(x, 'y', None)\n"
                    "setattr(Network, '_repr_html_', f)\nContainer.x = 1\n")
    assert self_annotations(bad) == [(2, "f")]
    assert reflection(bad) == [(4, "getattr", "x")]
    assert sorted(line for line, _ in patches(bad)) == [5, 6]
