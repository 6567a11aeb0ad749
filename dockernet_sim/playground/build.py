"""Build the playground's static site: Pyodide's core, this package zipped, the page.

What goes into DIR:

* ``pyodide/``: the core files of the ``pyodide`` package from the npm registry, version
  :data:`PYODIDE_VERSION` (pinned). ``npm pack`` fetches the tarball once into a cache outside
  the project (``$DOCKERNET_SIM_CACHE`` or ``~/.cache/dockernet_sim``), checked by npm against
  the registry's integrity hash; the project itself commits no node_modules and no binaries.
* ``dockernet_sim.zip``: this package, which Pyodide unpacks and imports (pure Python, standard
  library only, so nothing else is needed): its modules as bytecode compiled by Pyodide's own
  CPython when Node.js is at hand (:func:`compile_for_pyodide`), else as source.
* ``walkthroughs.json``: the tutorial and the examples' commands, as guided walkthroughs
  (:mod:`.walkthroughs`).
* ``index.html``, ``app.js``, ``style.css``, ``sw.js`` (a service worker that keeps every file of
  the site cached, so the page works offline once loaded).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Optional, Sequence

from .walkthroughs import Walkthrough

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


def _package_files() -> list[Path]:
    return sorted(p for p in _PACKAGE_DIR.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def _zip_name(p: Path) -> str:
    return "dockernet_sim/" + p.relative_to(_PACKAGE_DIR).as_posix()


def _zip_entry(z: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data)


def package_zip(dest: Path, pyodide: Optional[Path] = None) -> None:
    """This package's modules and data as a zip (no caches), importable once unpacked.

    With ``pyodide`` (the directory of its core files) and Node.js on the PATH, every module is
    shipped as bytecode compiled by Pyodide's own CPython (:func:`compile_for_pyodide`) in place
    of its source (``name.pyc`` beside where ``name.py`` would be: a sourceless module), so the
    browser neither compiles 35,000 lines at each load nor downloads them twice."""
    files = _package_files()
    compiled: dict[str, bytes] = {}
    if pyodide is not None and shutil.which("node") is not None:
        compiled = compile_for_pyodide(files, pyodide)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for p in files:
            name = _zip_name(p)
            if name in compiled:
                _zip_entry(z, name[:-3] + ".pyc", compiled[name])
            else:
                _zip_entry(z, name, p.read_bytes())


def compile_for_pyodide(files: Sequence[Path], pyodide: Path) -> dict[str, bytes]:
    """Bytecode of each ``.py`` among ``files``, keyed by its name in the package zip, compiled
    under Node.js by the CPython inside Pyodide (a .pyc is only good for the minor version that
    wrote it, and the browser's Python is Pyodide's, not the one running this build)."""
    node = shutil.which("node")
    if node is None:
        raise BuildError("node not found: it runs Pyodide to compile the package's bytecode")
    script = Path(__file__).with_name("assets") / "compile_pyc.mjs"
    sources = [(_zip_name(p), p.read_bytes()) for p in files if p.suffix == ".py"]
    digest = hashlib.sha256(b"".join(n.encode() + b"\0" + data for n, data in sources) + script.read_bytes()
                            + (pyodide / "package.json").read_bytes())       # (its version)
    # a build of unchanged sources reuses the bytecode (Pyodide takes seconds to start under Node)
    out = cache_dir().parent / "pyc" / f"{digest.hexdigest()[:24]}.zip"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            source, part = Path(tmp) / "source.zip", Path(tmp) / "pyc.zip"
            with zipfile.ZipFile(source, "w") as z:
                for name, data in sources:
                    z.writestr(name, data)
            proc = subprocess.run([node, str(script), str(pyodide), str(source), str(part)],
                                  capture_output=True, text=True)
            if proc.returncode != 0 or not part.is_file():
                last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                raise BuildError(f"compiling the package with Pyodide failed: {last[:300]}")
            shutil.move(str(part), str(out))
    with zipfile.ZipFile(out) as z:
        # dir/__pycache__/name.cpython-3XX.pyc (compileall's layout) -> dir/name.py
        return {f"{(Path(n).parent.parent / Path(n).name.split('.')[0]).as_posix()}.py": z.read(n)
                for n in z.namelist()}


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
        package_zip(out / PACKAGE_ZIP, core)
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
