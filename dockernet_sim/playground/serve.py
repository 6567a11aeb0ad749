"""Serve the built playground on 127.0.0.1 only (never on an outside interface), as
``python -m http.server --bind 127.0.0.1 --directory DIR`` would, with WebAssembly's MIME type
(``application/wasm``, which browsers require to compile a module while it downloads)."""

from __future__ import annotations

import functools
import http.server
import os
from typing import Callable, Optional

HOST = "127.0.0.1"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
                      ".json": "application/json", ".zip": "application/zip"}

    def log_message(self, format: str, *args: object) -> None:   # quiet: the URL is what matters
        pass


def make_server(directory: "str | os.PathLike[str]", port: int = 0) -> http.server.ThreadingHTTPServer:
    """A server for ``directory`` on 127.0.0.1:``port`` (0: any free port), not yet serving."""
    handler = functools.partial(_Handler, directory=os.fspath(directory))
    return http.server.ThreadingHTTPServer((HOST, port), handler)


def serve(directory: "str | os.PathLike[str]", port: int = 8000,
          announce: Optional[Callable[[str], None]] = None) -> None:
    """Serve ``directory`` until interrupted; ``announce`` gets the URL once listening."""
    with make_server(directory, port) as httpd:
        url = f"http://{HOST}:{httpd.server_address[1]}/"
        if announce is not None:
            announce(url)
        httpd.serve_forever()
