"""DockerHost: the public face of the model — the Engine API plus a terminal.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=0)
>>> h.sh("docker network ls").stdout.splitlines()[0]
'NETWORK ID     NAME      DRIVER    SCOPE'
"""

from __future__ import annotations

import copy
import os
from typing import Any, Optional

from .result import Result
from . import display  # notebook views (and, once loaded, networks' and containers' too)
from .daemon.daemon import Daemon
from . import persist as _persist


class DockerHost(Daemon):
    """One simulated Docker host. ``engine`` is ``"28"`` (default) or ``"20.10"``; ``seed`` (an
    int; ``None`` is a TypeError, never "random") fixes every random choice (IDs, MACs, veth
    names), so the same calls give the same output."""

    def sh(self, line: str) -> Result:
        """Run one command line as a user would type it; returns stdout, stderr and exit code."""
        from .terminal import Session
        return Session(engine=self.profile.name, seed=self.seed, host=self).run_line(line)

    def fork(self) -> "DockerHost":
        """An independent copy for what-if work: changing one never changes the other."""
        return copy.deepcopy(self)

    def save(self, path: "str | os.PathLike[str]") -> None:
        """Save the host to a JSON file; ``DockerHost.load(path)`` gives it back, behaving identically."""
        _persist.save(self, path)

    @classmethod
    def load(cls, path: "str | os.PathLike[str]") -> "DockerHost":
        """A host saved with :meth:`save`; a damaged or foreign file raises ``persist.PersistError``."""
        return _persist.load(path, cls)

    def export_script(self, prefix: str = "dns", cleanup: bool = False) -> str:
        """A bash script that builds this topology on a real Linux machine, inside network
        namespaces named ``PREFIX-host``, ``PREFIX-<container>`` (never the machine's own network);
        with ``cleanup=True`` the script that removes them. See ``dockernet_sim.export``."""
        from . import export
        return export.export_script(self, prefix=prefix, cleanup=cleanup)

    # -- what-if: reachability, differences and addresses (dockernet_sim.query) -----------------
    def reach(self, src: Any, dst: Any, port: Optional[int] = None, proto: str = "icmp") -> Any:
        """Can ``src`` reach ``dst``? A :class:`~dockernet_sim.query.Trace` (``.explain()``)."""
        from .query import reach
        return reach(self, src, dst, port=port, proto=proto)

    def reachability(self, containers: Any = None, port: Optional[int] = None, proto: str = "icmp") -> Any:
        """Every running container against every other (``query.reachability``)."""
        from .query import reachability
        return reachability(self, containers, port=port, proto=proto)

    def diff(self, other: "DockerHost") -> Any:
        """What changed from this host to ``other`` (say, a :meth:`fork` changed since): networks,
        addresses, iptables rules, and which container pairs gained or lost reachability."""
        from .query.diff import diff
        return diff(self, other)

    def next_subnet(self, v6: bool = False) -> Any:
        """The subnet the next ``docker network create`` (without ``--subnet``) would get."""
        from .query.whatif import next_subnet
        return next_subnet(self, v6=v6)

    def next_address(self, network: str, v6: bool = False, container: Optional[str] = None) -> Any:
        """The address the next container on ``network`` would get (None: the pool is full)."""
        from .query.whatif import next_address
        return next_address(self, network, v6=v6, container=container)

    def whois(self, address: Any) -> Any:
        """Who holds an address: container, gateway, aux, network-address, broadcast, or free."""
        from .query.whatif import whois
        return whois(self, address)

    def usage(self, network: str) -> Any:
        """A network's used ranges, free count and utilisation."""
        from .query.whatif import usage
        return usage(self, network)

    def set_allocation_policy(self, policy: str) -> None:
        """``lowest`` (Docker, the default), ``round-robin`` (as swarm) or ``sticky`` (a container
        gets its previous address back when it is free)."""
        from .query.whatif import set_allocation_policy
        set_allocation_policy(self, policy)

    def serve(self, socket_path: str = "", tcp: str = "") -> Any:
        """Serve the Docker Engine API for this host, for real clients: a unix socket (mode 0600;
        by default in a fresh private directory) or a loopback ``tcp="127.0.0.1:PORT"``. Returns
        a running :class:`~dockernet_sim.api.Server`; use it as a context manager and set
        ``DOCKER_HOST`` to its ``docker_host``."""
        from .api import Server
        return Server(self, socket_path=socket_path, tcp=tcp)

    def compose(self, source: Any, project_name: str = "", profiles: "tuple[str, ...] | list[str]" = (),
                working_dir: str = "/tmp/dk-work/app") -> Any:
        """A compose project on this host (``docker compose`` for Python): ``source`` is a path to
        a compose file, the file's text, or the file as a dict. Returns a
        :class:`~dockernet_sim.client.compose.ComposeProject` with ``up()``, ``down()``, ``ps()``.

        >>> h = DockerHost()
        >>> app = h.compose("services:\\n  db:\\n    image: busybox\\n", project_name="shop")
        >>> app.up().exit_code, [c.name for c in app.containers()]
        (0, ['shop-db-1'])
        """
        import json as _json
        from .client.compose import ComposeProject
        from .compose.model import Files
        if isinstance(source, dict):
            text = _json.dumps(source)           # JSON is YAML: the same reader takes it
        elif isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source
                                                  and os.path.isfile(source)):
            with open(source, encoding="utf-8") as f:
                text = f.read()
            working_dir = os.path.dirname(os.path.abspath(source))
        elif isinstance(source, str):
            text = source
        else:
            raise TypeError(f"compose() source must be a path, a str or a dict, not {type(source).__name__}")
        from .terminal import Session
        files = Files(working_dir, {f"{working_dir}/compose.yaml": text})
        project = ComposeProject(self, files, "compose.yaml", project_name, tuple(profiles))
        project.cli.execute = Session(engine=self.profile.name, seed=self.seed, host=self).docker_exec
        return project

    def draw(self) -> Any:
        """An SVG drawing of the namespaces, bridges and veth pairs (shown as an image in a notebook)."""
        return display.draw(self)

    def _repr_html_(self) -> str:
        return display.host_html(self)

    def __repr__(self) -> str:
        return (f"<DockerHost engine={self.profile.name} networks={len(self.ctl.networks)} "
                f"containers={len(self.containers)}>")


_persist.install(DockerHost)   # record every Engine API call, for save/load
