"""Docker Engine generations as data: the only package that knows versions.

A :class:`Profile` carries everything that differs between engines; the rest of the code
receives a profile and asks it questions. ``get_profile`` resolves what a user types
(``--engine 28``, ``DockerHost(engine="20.10.24")``) through the one alias table.

Adding an engine: record the scenarios on it (``tests/golden/docker-NN/``), write ``vNN.py`` as
a ``dataclasses.replace`` of the closest profile with what the transcripts show differs (each
value citing its scenario), and list it in ``_Profiles.MODULES`` and ``ALIASES`` below. A difference no
field expresses yet becomes a new field of :class:`Profile` (or of its parts), given a value for
every engine, and asked where the behaviour lives; no module outside this package may name a
version (``tests/unit/test_engine_literals.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from . import v28
from .messages import Messages
from .profile import (CliFraming, FirewallLayout, HostsIPv6Style, InspectSchema, IpamRules,
                      LocalhostDnsWarning, PortMapOrder, Profile, ResolvConfStyle)


class _Profiles(Mapping[str, Profile]):
    """The profiles by name, the default first; an engine's module is imported the first time
    its profile is asked for, so a session on the default engine never loads the others (issue 15)."""

    MODULES = {"28": "v28", "20.10": "v20_10", "26": "v26"}

    def __getitem__(self, name: str) -> Profile:
        profile: Profile = importlib.import_module(f"{__name__}.{self.MODULES[name]}").PROFILE
        return profile

    def __iter__(self) -> Iterator[str]:
        return iter(self.MODULES)

    def __len__(self) -> int:
        return len(self.MODULES)

    def __repr__(self) -> str:
        return repr(dict(self))


PROFILES: Mapping[str, Profile] = _Profiles()
DEFAULT: Profile = v28.PROFILE
DEFAULT_NAME: str = DEFAULT.name
# every spelling accepted for an engine: its name, major, major.minor and full version
ALIASES: dict[str, str] = {
    "28": "28", "28.5": "28", "28.5.2": "28",
    "20.10": "20.10", "20": "20.10", "20.10.24": "20.10",
    "26": "26", "26.1": "26", "26.1.5": "26",
}


def choices() -> str:
    """The profile names as a sentence lists them: ``28, 20.10 or 26``."""
    names = list(PROFILES)
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def get_profile(name: "str | Profile") -> Profile:
    """The profile for ``"28"``, ``"20.10"`` or ``"26"`` (a few spellings accepted); a Profile passes through."""
    if isinstance(name, Profile):
        return name
    try:
        return PROFILES[ALIASES[str(name)]]
    except KeyError:
        raise ValueError(f"unknown engine profile {name!r}: choose {choices()}") from None


__all__ = [
    "ALIASES", "CliFraming", "choices", "DEFAULT", "DEFAULT_NAME", "FirewallLayout", "HostsIPv6Style", "InspectSchema",
    "IpamRules", "LocalhostDnsWarning", "Messages", "PROFILES", "PortMapOrder", "Profile", "ResolvConfStyle",
    "get_profile",
]
