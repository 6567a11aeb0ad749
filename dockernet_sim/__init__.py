"""dockernet_sim: a Docker host's networking, in memory.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> print(h.sh("docker network create --subnet 172.18.0.0/16 nasanet").exit_code)
0
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .addr import AddrError, IP, Prefix, parse_ip, parse_prefix
    from .engines import PROFILES, Profile
    from .errors import Conflict, DockerError, Forbidden, InvalidParameter, NotFound
    from .host import DockerHost
    from .query import Reachability, Trace, reach, reachability
    from .query.diff import HostDiff, diff

__version__ = "0.1.0"
__all__ = ["DockerHost", "Profile", "PROFILES", "IP", "Prefix", "parse_ip", "parse_prefix", "AddrError",
           "DockerError", "InvalidParameter", "NotFound", "Conflict", "Forbidden", "reach", "reachability",
           "Trace", "Reachability", "diff", "HostDiff", "__version__"]

# Every public name loads its module on first use (issue 15, start fast): `import dockernet_sim`
# costs nothing, so `python -m dockernet_sim` reaches its command line (which turns the cyclic
# collector off while the model loads) before the model does, and the terminal's commands never
# load the reachability walker or the differ.
_LAZY = {"AddrError": "addr", "IP": "addr", "Prefix": "addr", "parse_ip": "addr", "parse_prefix": "addr",
         "Conflict": "errors", "DockerError": "errors", "Forbidden": "errors", "InvalidParameter": "errors",
         "NotFound": "errors", "DockerHost": "host", "PROFILES": "engines", "Profile": "engines",
         "Reachability": "query", "Trace": "query", "reach": "query", "reachability": "query",
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
