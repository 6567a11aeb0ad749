"""Docker Engine generations as data: the only package that knows versions.

A :class:`Profile` carries everything that differs between engines; the rest of the code
receives a profile and asks it questions.
"""

from .profile import ALIASES, PROFILES, Profile, get_profile

__all__ = ["ALIASES", "PROFILES", "Profile", "get_profile"]
