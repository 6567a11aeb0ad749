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

from .build import PYODIDE_VERSION, BuildError, Walkthrough, build_site
from .serve import serve

__all__ = ["PYODIDE_VERSION", "BuildError", "Walkthrough", "build_site", "serve"]
