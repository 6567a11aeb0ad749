"""dockernet_sim: a Docker host's networking, in memory.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> print(h.sh("docker network create --subnet 172.18.0.0/16 nasanet").exit_code)
0
"""

from typing import TYPE_CHECKING, Any

from .addr import AddrError, IP, Prefix, parse_ip, parse_prefix
from .errors import Conflict, DockerError, Forbidden, InvalidParameter, NotFound
from .host import DockerHost
from .engines import PROFILES, Profile

if TYPE_CHECKING:
    from .query import Reachability, Trace, reach, reachability
    from .query.diff import HostDiff, diff

__version__ = "0.1.0"
__all__ = ["DockerHost", "Profile", "PROFILES", "IP", "Prefix", "parse_ip", "parse_prefix", "AddrError",
           "DockerError", "InvalidParameter", "NotFound", "Conflict", "Forbidden", "reach", "reachability",
           "Trace", "Reachability", "diff", "HostDiff", "__version__"]

# What-if names load their package on first use: `import dockernet_sim` and the terminal's
# commands do not need the reachability walker or the differ (issue 15, start fast).
_LAZY = {"Reachability": "query", "Trace": "query", "reach": "query", "reachability": "query",
         "HostDiff": "query.diff", "diff": "query.diff"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
