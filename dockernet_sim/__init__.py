"""dockernet_sim: a Docker host's networking, in memory.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> print(h.sh("docker network create --subnet 172.18.0.0/16 nasanet").exit_code)
0
"""

from typing import TYPE_CHECKING, Any, Optional

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


def _find_own_modules() -> None:
    """Find and load the package's own modules by a shorter way than the standard one (issue 15).

    Python's path finder looks for a submodule in its package's directory through a cached
    listing, a few ``stat`` calls and a loader that works out, per module, where its bytecode is
    cached and whether it is fresh: about a fifth of the cost of importing the ~90 modules a
    script loads. This finder, consulted before Python's own (after any finder put in front of
    them, as pytest's assertion rewriter is), lists each of the package's directories once, and
    its loader reads the cached bytecode where Python would have written it, checks it as Python
    does (magic number, a timestamp header, the source's modification time and size) and
    unmarshals it. Anything else — a directory it cannot list, a name with an extension module,
    bytecode missing, stale, checked by hash or unreadable — is left to Python's own machinery,
    which then finds, compiles and caches as always. The modules get the same ``__file__``,
    ``__cached__``, ``__path__`` and a ``SourceFileLoader`` (so ``inspect``, ``linecache`` and
    ``importlib.resources`` see what they always see)."""
    import marshal
    import os
    import sys
    from importlib.machinery import EXTENSION_SUFFIXES, BuiltinImporter, ModuleSpec, SourceFileLoader
    from importlib.util import MAGIC_NUMBER, cache_from_source

    if "_OWN_FINDER" in globals():             # (a reload of this module: installed already)
        return
    prefix = __name__ + "."
    folders: dict[str, tuple[frozenset[str], str, str]] = {}

    class OwnLoader(SourceFileLoader):
        def __init__(self, fullname: str, path: str, cached: str) -> None:
            super().__init__(fullname, path)
            self.cached = cached

        def get_code(self, fullname: Any) -> Any:
            try:
                st = os.stat(self.path)
                fd = os.open(self.cached, os.O_RDONLY)     # (no file object: a third of the read's cost)
                try:
                    data = os.read(fd, os.fstat(fd).st_size)
                finally:
                    os.close(fd)
                if (data[:4] == MAGIC_NUMBER and data[4:8] == b"\0\0\0\0"
                        and int.from_bytes(data[8:12], "little") == int(st.st_mtime) & 0xFFFFFFFF
                        and int.from_bytes(data[12:16], "little") == st.st_size & 0xFFFFFFFF):
                    code = marshal.loads(memoryview(data)[16:])
                    if type(code) is type(_find_own_modules.__code__):
                        return code
            except (OSError, ValueError, EOFError, TypeError):
                pass
            return super().get_code(fullname)

    def folder(path: str) -> tuple[frozenset[str], str, str]:
        entry = folders.get(path)
        if entry is None:
            try:
                head, tail = os.path.split(cache_from_source(os.path.join(path, "_.py")))
                entry = (frozenset(os.listdir(path)), head, tail[1:])
            except (OSError, ValueError, NotImplementedError):
                entry = (frozenset(), "", "")
            folders[path] = entry
        return entry

    def spec(name: str, tail: str, where: str, cache_dir: str, suffix: str, package: bool) -> ModuleSpec:
        origin = os.path.join(where, "__init__.py" if package else tail + ".py")
        cached = os.path.join(cache_dir, ("__init__" if package else tail) + suffix)
        s = ModuleSpec(name, OwnLoader(name, origin, cached), origin=origin, is_package=package)
        if package:
            s.submodule_search_locations = [where]
        s.cached = cached
        s.has_location = True
        return s

    class OwnFinder:
        dockernet_sim_finder = True

        @staticmethod
        def find_spec(name: str, path: Any = None, target: Any = None) -> Optional[ModuleSpec]:
            if path is None or len(path) != 1 or not name.startswith(prefix):
                return None
            names, cache_dir, suffix = folder(path[0])
            tail = name.rpartition(".")[2]
            if not suffix:
                return None
            if tail in names:                                   # a package (Python's order: first)
                where = os.path.join(path[0], tail)
                inner, inner_cache, inner_suffix = folder(where)
                if "__init__.py" not in inner or not inner_suffix or \
                        any("__init__" + s in inner for s in EXTENSION_SUFFIXES):
                    return None
                return spec(name, tail, where, inner_cache, inner_suffix, True)
            if tail + ".py" not in names or any(tail + s in names for s in EXTENSION_SUFFIXES):
                return None
            return spec(name, tail, path[0], cache_dir, suffix, False)

    at = sys.meta_path.index(BuiltinImporter) if BuiltinImporter in sys.meta_path else 0
    sys.meta_path.insert(at, OwnFinder)      # type: ignore[arg-type]
    globals()["_OWN_FINDER"] = OwnFinder


_find_own_modules()


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
