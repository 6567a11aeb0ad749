"""The Docker Engine API over HTTP, for real clients (the ``docker`` binary, docker-py, compose).

Like moto for AWS: a simulated host answers where a daemon would, so code that creates networks
and containers runs with no daemon and no root.

>>> from dockernet_sim import DockerHost
>>> with DockerHost().serve() as srv:            # a 0600 unix socket in a private directory
...     srv.docker_host.startswith("unix://")
True
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import TYPE_CHECKING, Optional

from .http import make_server, serve_in_thread
from .routes import EngineAPI

if TYPE_CHECKING:
    import socketserver

    from ..host import DockerHost

__all__ = ["Server", "EngineAPI"]


class Server:
    """A running Engine API server for one host (a context manager; ``close()`` stops it).

    ``docker_host`` is what ``DOCKER_HOST`` should be set to for a client."""

    def __init__(self, host: "DockerHost", socket_path: str = "", tcp: str = "") -> None:
        self._tmpdir: Optional[str] = None
        if not socket_path and not tcp:
            self._tmpdir = tempfile.mkdtemp(prefix="dockernet-sim-")
            os.chmod(self._tmpdir, 0o700)
            socket_path = os.path.join(self._tmpdir, "docker.sock")
        p = host.profile
        self.api = EngineAPI(host)
        self.server: "socketserver.BaseServer" = make_server(self.api, p.api_version, f"Docker/{p.engine_version} (linux)",
                                                             socket_path=socket_path, tcp=tcp)
        self.socket_path = socket_path
        if socket_path:
            self.docker_host = "unix://" + socket_path
        else:
            host_part, port = self.server.server_address[:2]          # type: ignore[misc]
            self.docker_host = f"tcp://{host_part}:{port}" if ":" not in str(host_part) else f"tcp://[{host_part}]:{port}"
        self.thread = serve_in_thread(self.server)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        if self.socket_path and os.path.exists(self.socket_path):
            os.unlink(self.socket_path)
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
