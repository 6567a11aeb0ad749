"""The playground: the simulator in a web browser, on Pyodide (CPython built for WebAssembly).

``python -m dockernet_sim playground build DIR`` writes a static site (:mod:`.build`): one page
with a terminal running :class:`dockernet_sim.terminal.Session`, the host's drawing beside it,
and a panel for ``trace`` answers. Pyodide's core comes from the ``pyodide`` package of the npm
registry at a pinned version, copied into the site, so nothing is fetched from a CDN when the page
runs; the Python side is this package, zipped. ``python -m dockernet_sim playground`` serves the
folder on 127.0.0.1 only (:mod:`.serve`). :mod:`.page` is the module the page imports inside
Pyodide.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import PYODIDE_VERSION, BuildError, build_site
    from .walkthroughs import Walkthrough
    from .serve import serve

__all__ = ["PYODIDE_VERSION", "BuildError", "Walkthrough", "build_site", "serve"]
# Loaded on first use (PEP 562): inside the browser the page imports only .page, and the builder
# (subprocess, tarfile, zipfile) and the server (http.server, ssl, email) would cost it seconds.
_HOME = {"PYODIDE_VERSION": "build", "BuildError": "build", "Walkthrough": "walkthroughs", "build_site": "build",
         "serve": "serve"}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value          # over the submodule's own name, which importing it set (serve)
    return value
