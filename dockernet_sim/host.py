"""DockerHost: the public face of the model — the Engine API plus a terminal.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=0)
>>> h.sh("docker network ls").stdout.splitlines()[0]
'NETWORK ID     NAME      DRIVER    SCOPE'
"""

from __future__ import annotations

import copy
from typing import Any, Optional

from .cli.result import Result
from .daemon.daemon import Daemon


class DockerHost(Daemon):
    """One simulated Docker host. ``engine`` is ``"28"`` (default) or ``"20.10"``; ``seed`` fixes
    every random choice (IDs, MACs, veth names), so the same calls give the same output."""

    def sh(self, line: str) -> Result:
        """Run one command line as a user would type it; returns stdout, stderr and exit code."""
        from .cli.shell import Session
        return Session(engine=self.profile.name, seed=self.seed, host=self).run_line(line)

    def fork(self) -> "DockerHost":
        """An independent copy for what-if work: changing one never changes the other."""
        return copy.deepcopy(self)

    def __repr__(self) -> str:
        return (f"<DockerHost engine={self.profile.name} networks={len(self.ctl.networks)} "
                f"containers={len(self.containers)}>")
