"""dockernet_sim: a Docker host's networking, in memory.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> print(h.sh("docker network create --subnet 172.18.0.0/16 nasanet").exit_code)
0
"""

from .addr import AddrError, IP, Prefix, parse_ip, parse_prefix
from .errors import Conflict, DockerError, Forbidden, InvalidParameter, NotFound
from .host import DockerHost
from .engines import PROFILES, Profile
from .query import Reachability, Trace, reach, reachability
from .query.diff import HostDiff, diff

__version__ = "0.1.0"
__all__ = ["DockerHost", "Profile", "PROFILES", "IP", "Prefix", "parse_ip", "parse_prefix", "AddrError",
           "DockerError", "InvalidParameter", "NotFound", "Conflict", "Forbidden", "reach", "reachability",
           "Trace", "Reachability", "diff", "HostDiff", "__version__"]
