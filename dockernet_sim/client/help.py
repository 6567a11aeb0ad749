"""``docker COMMAND --help``: the client's help, per engine, as recorded.

The texts are data, recorded verbatim from the real clients: every command and alias each client
lists, walked by ``tests/golden/help_data.py`` (``tests/golden/scenarios/r134_help_all_20_10.sh``,
``r133_help_all.sh`` on 26, ``r135_help_all_28.sh``) and built into ``client/data/help_PROFILE.json``: usage, description, flags and
their descriptions, and what a command writes to stderr beside its help (26's legacy builder
deprecation for ``docker build --help``). ``-h`` prints the same help after the deprecation line
each client prints (``Flag shorthand -h has been deprecated, use --help`` on 28, ``… please use --help`` on 20.10).
The help goes to stdout with exit 0. Commands whose flags stop at the first argument (``run``,
``create``, ``exec``) take ``--help`` only before it, and ``-h`` is help only where the command
has no ``-h`` flag of its own (``run``'s is ``--hostname``) (``docker run busybox ls --help`` is the
container's); the others anywhere (``docker network create foo --help`` is help, r132).

>>> lookup("28", ["network", "rm", "--help"]).stdout.splitlines()[0]
'Usage:  docker network rm NETWORK [NETWORK...]'
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, Optional, Sequence

from ..records import Record
from ..result import Result

# commands whose flag parsing stops at the first argument (cobra's SetInterspersed(false))
NOT_INTERSPERSED = ("run", "create", "exec", "container run", "container create", "container exec")


class HelpTexts(Record, frozen=True, slots=True):
    shorthand_deprecated: str
    help: Mapping[str, str]
    stderr: Mapping[str, str]

    def text(self, path: str) -> Optional[str]:
        return self.help.get(path)


@lru_cache(maxsize=None)
def texts(profile: str) -> Optional[HelpTexts]:
    """The recorded help of ``profile`` (None: not recorded for it). Read once; immutable."""
    from importlib import resources
    name = f"help_{profile}.json"
    try:
        raw = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    import json                 # (read with the texts, when help is first asked for)
    data = json.loads(raw)
    return HelpTexts(data["shorthand_deprecated"], MappingProxyType(data["help"]),
                     MappingProxyType(data.get("stderr", {})))


def lookup(profile: str, argv: Sequence[str]) -> Optional[Result]:
    """The help ``docker ARGV`` prints, if ARGV asks for help of a recorded command."""
    if "--help" not in argv and "-h" not in argv:
        return None             # the texts are read only when asked for (issue 15)
    if argv and argv[0] == "compose":
        return None             # the compose plugin prints its own (client/compose_listings)
    t = texts(profile)
    if t is None:
        return None
    words = [w for w in argv]
    path: list[str] = []
    for w in words:
        if w.startswith("-"):
            break
        if t.text(" ".join(path + [w])) is None:
            break
        path.append(w)
    key = " ".join(path)
    rest = words[len(path):]
    if key in NOT_INTERSPERSED:
        lead = []
        for w in rest:
            if not w.startswith("-"):
                break
            lead.append(w)
        rest = lead
    if "--" in rest:
        rest = rest[:rest.index("--")]
    text = t.text(key)
    # -h asks for help only where it is no flag of the command's own (run's -h is --hostname)
    short = text is not None and "  -h, " not in text
    wants = [w for w in rest if w == "--help" or (w == "-h" and short)]
    if not wants or text is None:
        return None
    prefix = t.shorthand_deprecated if wants[0] == "-h" else ""
    return Result(prefix + text, t.stderr.get(key, ""), 0)


__all__ = ["lookup", "texts", "HelpTexts"]
