"""Build the playground's static site: Pyodide's core, this package zipped, the page.

What goes into DIR:

* ``pyodide/``: the core files of the ``pyodide`` package from the npm registry, version
  :data:`PYODIDE_VERSION` (pinned). ``npm pack`` fetches the tarball once into a cache outside
  the project (``$DOCKERNET_SIM_CACHE`` or ``~/.cache/dockernet_sim``), checked by npm against
  the registry's integrity hash; the project itself commits no node_modules and no binaries.
* ``dockernet_sim.zip``: this package's source, which Pyodide unpacks and imports (pure Python,
  standard library only, so nothing else is needed).
* ``walkthroughs.json``: the tutorial and the examples' commands, as guided walkthroughs.
* ``index.html``, ``app.js``, ``style.css``, ``sw.js`` (a service worker that keeps every file of
  the site cached, so the page works offline once loaded).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional, Sequence

from ..engines import DEFAULT_NAME

PYODIDE_VERSION = "314.0.8"
# The core of the npm package (its tarball also has source maps and two demo consoles, left out).
PYODIDE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json", "package.json")
ASSETS = ("index.html", "app.js", "style.css")
PACKAGE_ZIP = "dockernet_sim.zip"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)          # fixed timestamps: the same source gives the same zip


class BuildError(Exception):
    """The site could not be built (npm missing or failing, an unwritable directory)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One command of a walkthrough, with the note shown before it (may be empty)."""
    note: str
    command: str


@dataclass(frozen=True, slots=True)
class Walkthrough:
    """A guided walkthrough: ``#!`` directives applied first, then steps typed one by one."""
    name: str
    title: str
    engine: str
    seed: int
    directives: tuple[str, ...]
    steps: tuple[Step, ...]


def cache_dir() -> Path:
    """Where fetched npm tarballs are kept between builds (outside the project)."""
    root = os.environ.get("DOCKERNET_SIM_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "dockernet_sim")
    return Path(root) / "npm"


def fetch_pyodide(cache: Optional[Path] = None) -> Path:
    """The directory holding Pyodide's core files, fetched with ``npm pack`` on first use."""
    target = (cache or cache_dir()) / f"pyodide-{PYODIDE_VERSION}"
    if all((target / f).is_file() for f in PYODIDE_FILES):
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm not found: it fetches Pyodide from the npm registry (install Node.js and npm)")
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([npm, "pack", f"pyodide@{PYODIDE_VERSION}", "--pack-destination", tmp, "--silent"],
                              cwd=tmp, capture_output=True, text=True)
        if proc.returncode != 0:
            raise BuildError(f"npm pack pyodide@{PYODIDE_VERSION} failed: {proc.stderr.strip()}")
        tarball = Path(tmp) / f"pyodide-{PYODIDE_VERSION}.tgz"
        part = Path(tmp) / "out"
        part.mkdir()
        with tarfile.open(tarball) as tar:
            for name in PYODIDE_FILES:
                member = tar.getmember(f"package/{name}")
                src = tar.extractfile(member)
                if src is None:
                    raise BuildError(f"pyodide@{PYODIDE_VERSION}: {name} is not a file in the package")
                with src, open(part / name, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(part), str(target))
    return target


def package_zip(dest: Path) -> None:
    """This package's modules and data as a zip (no caches), importable once unpacked."""
    files = sorted(p for p in _PACKAGE_DIR.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for p in files:
            info = zipfile.ZipInfo(str(Path("dockernet_sim") / p.relative_to(_PACKAGE_DIR)), _ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, p.read_bytes())


_SW = """// The playground's service worker: every file of the site, cached on first load (offline after).
const CACHE = "dockernet-sim-playground-%(digest)s";
const FILES = %(files)s;
self.addEventListener("install", (e) => e.waitUntil(
  caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
self.addEventListener("activate", (e) => e.waitUntil(caches.keys().then((keys) =>
  Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim())));
self.addEventListener("fetch", (e) => e.respondWith(
  caches.match(e.request, {ignoreSearch: true}).then((hit) => hit || fetch(e.request))));
"""


def build_site(dest: "str | os.PathLike[str]", walkthroughs: Sequence[Walkthrough] = (),
               cache: Optional[Path] = None) -> Path:
    """Write the site into ``dest`` (created if needed) and return its path."""
    out = Path(dest)
    try:
        core = fetch_pyodide(cache)
        (out / "pyodide").mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_FILES:
            shutil.copyfile(core / name, out / "pyodide" / name)
        package_zip(out / PACKAGE_ZIP)
        (out / "walkthroughs.json").write_text(
            json.dumps([asdict(w) for w in walkthroughs], indent=1) + "\n", encoding="utf-8")
        for name in ASSETS:
            shutil.copyfile(Path(__file__).with_name("assets") / name, out / name)
        files = ["./"] + [f"pyodide/{n}" for n in PYODIDE_FILES] + [PACKAGE_ZIP, "walkthroughs.json", *ASSETS]
        digest = hashlib.sha256()
        for name in files[1:]:
            digest.update((out / name).read_bytes())
        (out / "sw.js").write_text(_SW % {"digest": digest.hexdigest()[:16], "files": json.dumps(files)},
                                   encoding="utf-8")
    except OSError as e:
        raise BuildError(f"{e.filename or dest}: {e.strerror or e}") from e
    return out


def example_walkthrough(path: Path) -> Optional[Walkthrough]:
    """The shell commands of an example script (``h.sh("…")`` with a literal line), in order, each
    with the ``# %% [markdown]`` text before it as its note. A line built at run time is left out;
    None if the script types no literal command, or types in a loop (the steps would not build
    the same host). The first ``DockerHost(engine=…, seed=…)`` gives the engine and seed."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "sh"
           for loop in ast.walk(tree) if isinstance(loop, (ast.For, ast.While)) for n in ast.walk(loop)):
        return None
    doc = (ast.get_docstring(tree) or path.stem).strip().splitlines()[0]
    engine, seed = DEFAULT_NAME, 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "DockerHost":
            for kw in node.keywords:
                if isinstance(kw.value, ast.Constant) and kw.arg == "engine" and isinstance(kw.value.value, str):
                    engine = kw.value.value
                if isinstance(kw.value, ast.Constant) and kw.arg == "seed" and isinstance(kw.value.value, int):
                    seed = kw.value.value
            break
    notes = _markdown_notes(path.read_text(encoding="utf-8").splitlines())
    calls = sorted(_commands(tree))
    steps, used = [], set()
    for line, command in calls:
        note = ""
        for start, text in notes:
            if start < line and start not in used:
                note, _ = text, used.add(start)
        steps.append(Step(note, command))
    if not any(not s.command.startswith("trace ") for s in steps):
        return None
    return Walkthrough(path.stem, doc, engine, seed, (), tuple(steps))


def _commands(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, command) of each ``X.sh("…")`` and, as ``trace A B``, each ``reach(h, "A", "B")`` or
    ``X.reach("A", "B")`` with literal names; calls inside ``assert`` are checks, not steps."""
    checks = {id(n) for a in ast.walk(tree) if isinstance(a, ast.Assert) for n in ast.walk(a)}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in checks:
            continue
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if isinstance(node.func, ast.Attribute) and node.func.attr == "sh" and len(literals) == 1:
            found.append((node.lineno, literals[0]))
        elif len(literals) == 2 and not node.keywords and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "reach" and len(node.args) == 2)
                or (isinstance(node.func, ast.Name) and node.func.id == "reach" and len(node.args) == 3)):
            found.append((node.lineno, f"trace {literals[0]} {literals[1]}"))
    return found


def _markdown_notes(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of each ``# %% [markdown]`` cell, its comment lines joined."""
    out: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.strip() == "# %% [markdown]":
            body = []
            for nxt in lines[i + 1:]:
                if not nxt.startswith("#") or nxt.startswith("# %%"):
                    break
                body.append(nxt[1:].strip().lstrip("#").strip())   # a comment line; a heading's marks
            out.append((i + 1, " ".join(b for b in body if b).strip()))
    return out


def example_walkthroughs(directory: Path) -> list[Walkthrough]:
    """One walkthrough per example script that types shell commands (none if the folder is absent)."""
    if not directory.is_dir():
        return []
    found = (example_walkthrough(p) for p in sorted(directory.glob("[0-9]*.py")))
    return [w for w in found if w is not None]
