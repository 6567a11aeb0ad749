"""Docker Engine generations as data: the only package that knows versions.

A :class:`Profile` carries everything that differs between engines; the rest of the code
receives a profile and asks it questions. ``get_profile`` resolves what a user types
(``--engine 28``, ``DockerHost(engine="20.10.24")``) through the one alias table.

Adding an engine: record the scenarios on it (``tests/golden/docker-NN/``), write ``vNN.py`` as
a ``dataclasses.replace`` of the closest profile with what the transcripts show differs (each
value citing its scenario), and list it in ``PROFILES`` and ``ALIASES`` below. A difference no
field expresses yet becomes a new field of :class:`Profile` (or of its parts), given a value for
every engine, and asked where the behaviour lives; no module outside this package may name a
version (``tests/unit/test_engine_literals.py``).
"""

from __future__ import annotations

from . import v20_10, v26, v28
from .messages import Messages
from .profile import (CliFraming, FirewallLayout, HostsIPv6Style, InspectSchema, IpamRules,
                      LocalhostDnsWarning, PortMapOrder, Profile, ResolvConfStyle)

PROFILES: dict[str, Profile] = {p.name: p for p in (v28.PROFILE, v20_10.PROFILE, v26.PROFILE)}
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
