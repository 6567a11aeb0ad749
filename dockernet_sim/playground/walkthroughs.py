"""The playground's guided walkthroughs: the tutorial and the example scripts as steps to type.

A walkthrough is a list of shell commands, each with the explanation the page shows above the
prompt while it offers the command. The examples (``examples/NN_*.py``, percent-format notebooks)
are read without running them (:func:`example_walkthrough`): the lines their hosts type, in the
order they run, explained by the ``# %% [markdown]`` cell each is under.
"""

from __future__ import annotations

import ast
import shlex
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..records import Record, replace
from ..engines import DEFAULT_NAME


class NewHost(Record, frozen=True, slots=True):
    """A host a walkthrough starts afresh: its engine, seed and ``#!`` directives."""
    engine: str
    seed: int
    directives: tuple[str, ...] = ()


class Step(Record, frozen=True, slots=True):
    """One command of a walkthrough, with the explanation shown with it; ``new_host``: a new host
    is built for this step and the ones after it (an example that goes on with a second host)."""
    note: str
    command: str
    new_host: Optional[NewHost] = None


class Walkthrough(Record, frozen=True, slots=True):
    """A guided walkthrough: ``#!`` directives applied first, then steps typed one by one."""
    name: str
    title: str
    engine: str
    seed: int
    directives: tuple[str, ...]
    steps: tuple[Step, ...]


def explained(pairs: Iterable[tuple[str, str]]) -> tuple[Step, ...]:
    """Steps from (note, command) pairs; a command without a note of its own is explained by the
    one before it (the same section), so the page never shows a bare command."""
    steps: list[Step] = []
    for note, command in pairs:
        steps.append(Step(note or (steps[-1].note if steps else ""), command))
    return tuple(steps)


class _NotAWalkthrough(Exception):
    """The script's typed lines cannot be known without running it (a loop over computed values,
    a line typed under an ``if`` or in a function, an image it cannot name)."""


def example_walkthrough(path: Path) -> Optional[Walkthrough]:
    """The shell commands of an example script, in the order it runs them, as a walkthrough.

    Each ``X.sh(LINE)`` is a step, and each ``reach(X, A, B)`` or ``X.reach(A, B)`` outside an
    ``assert`` (there it is a check) the step ``trace A B``. LINE may be a literal, a name bound
    to one, or an f-string of those; a ``for`` over a literal list or tuple is unrolled. Every
    step is explained by the ``# %% [markdown]`` cell it is under (the docstring's text before the
    first). ``X = DockerHost(engine=…, seed=…)`` gives a host, and ``X.add_image(Image(…))`` an
    ``#! image`` directive for it; a step on a second host starts that one (``Step.new_host``).
    ``Y = X.fork()`` goes on from X, unless X is typed into again later: then Y was a what-if on
    the side, and its lines are left out. None if the script types no command or its lines
    cannot be known without running it (the steps would not build the same hosts)."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    reader = _ScriptReader()
    try:
        reader.block(tree.body)
    except _NotAWalkthrough:
        return None
    found = [(line, reader.lineage(host), command) for line, host, command in reader.found]
    found = [(line, host, command) for line, host, command in found if host is not None]
    if all(cmd.startswith("trace ") for _, _, cmd in found):
        return None
    doc = (ast.get_docstring(tree) or path.stem).strip()
    title, _, intro = doc.partition("\n")
    notes = _markdown_notes(text.splitlines())
    steps: list[Step] = []
    current = found[0][1]
    for line, host, command in found:
        note = next((t for start, t in reversed(notes) if start < line), " ".join(intro.split()))
        new_host = None
        if host != current:
            if host < current:
                return None            # back to an earlier host: the page has one host at a time
            new_host, current = reader.hosts[host], host
        elif steps and steps[-1].command == command:
            continue                   # the script asks again to check the answer: one step
        steps.append(Step(note, command, new_host))
    first = reader.hosts[found[0][1]]
    return Walkthrough(path.stem, title.strip(), first.engine, first.seed, first.directives, tuple(steps))


class _ScriptReader:
    """Walks a script's statements in the order they run, keeping what is known without running
    it: names bound to literal strings, and which host each host variable is."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.host_of: dict[str, int] = {}
        self.hosts: list[NewHost] = []
        self.forks: dict[int, tuple[int, int]] = {}      # a fork's host: (its parent's, steps found before it)
        self.found: list[tuple[int, int, str]] = []      # (line, host, command)

    def block(self, body: Sequence[ast.stmt]) -> None:
        for st in body:
            self.statement(st)

    def statement(self, st: ast.stmt) -> None:
        if isinstance(st, ast.For):
            values = self.strings_of(st.iter)
            if not isinstance(st.target, ast.Name) or values is None:
                if self.types(st):
                    raise _NotAWalkthrough
                return
            for value in values:
                self.strings[st.target.id] = value
                self.block(st.body)
            return
        if isinstance(st, (ast.While, ast.AsyncFor, ast.If, ast.With, ast.Try, ast.FunctionDef, ast.ClassDef)):
            if self.types(st):                     # lines typed here run zero or many times
                raise _NotAWalkthrough
            return
        self.calls(st, checks=isinstance(st, ast.Assert))
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            self.bind(st.targets[0].id, st.value)

    def bind(self, name: str, value: ast.expr) -> None:
        self.strings.pop(name, None)
        self.host_of.pop(name, None)
        text = self.string(value)
        if text is not None:
            self.strings[name] = text
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "DockerHost":
            kw = {k.arg: k.value.value for k in value.keywords if isinstance(k.value, ast.Constant)}
            engine, seed = kw.get("engine", DEFAULT_NAME), kw.get("seed", 0)
            self.hosts.append(NewHost(engine if isinstance(engine, str) else DEFAULT_NAME,
                                       seed if isinstance(seed, int) else 0))
            self.host_of[name] = len(self.hosts) - 1
        elif (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "fork"
              and isinstance(value.func.value, ast.Name) and value.func.value.id in self.host_of):
            parent = self.host_of[value.func.value.id]
            self.hosts.append(self.hosts[parent])
            self.host_of[name] = len(self.hosts) - 1
            self.forks[self.host_of[name]] = (parent, len(self.found))

    def lineage(self, host: int) -> Optional[int]:
        """The host a step on ``host`` is typed into: a fork goes on from its parent's state, or,
        if the parent is typed into again after the fork (the fork was a what-if on the side),
        None: its lines are left out, the walkthrough follows the main line."""
        while host in self.forks:
            parent, at = self.forks[host]
            if any(h == parent for _, h, _ in self.found[at:]):
                return None
            host = parent
        return host

    @staticmethod
    def types(node: ast.AST) -> bool:
        return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "sh"
                   for n in ast.walk(node))

    def calls(self, st: ast.stmt, checks: bool) -> None:
        """The steps among a statement's calls, in source order; in an ``assert``, only the
        typed lines (they change the host), not the questions."""
        calls = sorted((n for n in ast.walk(st) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
        for node in calls:
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "add_image":
                host = self.host(func.value)
                if host is None or host in self.forks or len(node.args) != 1:
                    raise _NotAWalkthrough
                spec = self.hosts[host]
                self.hosts[host] = replace(spec, directives=(*spec.directives, _image_directive(node.args[0])))
            elif isinstance(func, ast.Attribute) and func.attr == "sh" and len(node.args) == 1:
                host = self.host(func.value)
                line = self.string(node.args[0])
                if host is None:
                    raise _NotAWalkthrough
                if line is not None:            # a line built from the host's answers is left out
                    self.found.append((node.lineno, host, line))
            elif not checks and not node.keywords:
                if isinstance(func, ast.Attribute) and func.attr == "reach" and len(node.args) == 2:
                    receiver, ends = func.value, node.args
                elif isinstance(func, ast.Name) and func.id == "reach" and len(node.args) == 3:
                    receiver, ends = node.args[0], node.args[1:]
                else:
                    continue
                host, a, b = self.host(receiver), self.string(ends[0]), self.string(ends[1])
                if host is not None and a is not None and b is not None:
                    self.found.append((node.lineno, host, f"trace {a} {b}"))

    def host(self, node: ast.expr) -> Optional[int]:
        return self.host_of.get(node.id) if isinstance(node, ast.Name) else None

    def string(self, node: ast.expr) -> Optional[str]:
        """The text of a literal, a name bound to one, or an f-string of those; else None."""
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Name):
            return self.strings.get(node.id)
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                if isinstance(v, ast.FormattedValue):
                    if v.conversion != -1 or v.format_spec is not None:
                        return None
                    v = v.value
                text = self.string(v)
                if text is None:
                    return None
                parts.append(text)
            return "".join(parts)
        return None

    def strings_of(self, node: ast.expr) -> Optional[list[str]]:
        if not isinstance(node, (ast.List, ast.Tuple)):
            return None
        values = [self.string(e) for e in node.elts]
        return None if any(v is None for v in values) else [v for v in values if v is not None]


_IMAGE_FIELDS = ("name", "cmd", "exposed", "tools")      # Image's leading fields, in order


def _image_directive(node: ast.expr) -> str:
    """``Image("centos", ("/bin/bash",), tools="iproute2")`` as the line ``#! image`` reads:
    ``image centos CMD /bin/bash TOOLS iproute2``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Image"):
        raise _NotAWalkthrough
    try:
        given = {**dict(zip(_IMAGE_FIELDS, map(ast.literal_eval, node.args))),
                 **{k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}}
    except ValueError:
        raise _NotAWalkthrough from None
    if len(node.args) > len(_IMAGE_FIELDS) or not set(given) <= {*_IMAGE_FIELDS, "listens"}:
        raise _NotAWalkthrough
    words = [str(given["name"])]
    for keyword, field in (("CMD", "cmd"), ("EXPOSE", "exposed"), ("LISTEN", "listens")):
        if given.get(field):
            words += [keyword, *map(str, given[field])]
    if "tools" in given:
        words += ["TOOLS", str(given["tools"])]
    return "image " + shlex.join(words)


def _markdown_notes(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of each ``# %% [markdown]`` cell, its comment lines joined."""
    out: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.strip() == "# %% [markdown]":
            paragraphs: list[list[str]] = [[]]
            for nxt in lines[i + 1:]:
                if not nxt.startswith("#") or nxt.startswith("# %%"):
                    break
                words = nxt[1:].strip()
                if words.startswith("#"):           # a heading: a line of its own, without its marks
                    paragraphs += [[words.lstrip("#").strip()], []]
                elif words:
                    paragraphs[-1].append(words)
            out.append((i + 1, "\n".join(" ".join(p) for p in paragraphs if p)))
    return out


def example_walkthroughs(directory: Path) -> list[Walkthrough]:
    """One walkthrough per example script that types shell commands (none if the folder is absent)."""
    if not directory.is_dir():
        return []
    found = (example_walkthrough(p) for p in sorted(directory.glob("[0-9]*.py")))
    return [w for w in found if w is not None]
