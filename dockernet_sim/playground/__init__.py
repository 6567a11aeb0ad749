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

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import PYODIDE_VERSION, BuildError, build_site
    from .serve import serve
    from .walkthroughs import Walkthrough

__all__ = ["PYODIDE_VERSION", "BuildError", "Walkthrough", "build_site", "serve"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use (PEP 562): inside the browser the page imports
    only .page, and the builder (subprocess, tarfile) and the server (http.server, ssl, email)
    would cost it seconds."""
    if name == "PYODIDE_VERSION":
        from .build import PYODIDE_VERSION as value
    elif name == "BuildError":
        from .build import BuildError as value
    elif name == "build_site":
        from .build import build_site as value
    elif name == "Walkthrough":
        from .walkthroughs import Walkthrough as value
    elif name == "serve":
        from .serve import serve as value
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value          # over the submodule of the same name, which importing it set (serve)
    return value
