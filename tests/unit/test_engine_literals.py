"""Only ``dockernet_sim/engines/`` knows versions (read from the source with ast).

Every other module receives a ``Profile`` and asks it a question whose name says what differs
(``profile.port_map_order``, ``profile.messages.kill_not_running``); a string literal that is an
engine version (``"20.10"``, ``"28"``, ``"28.5.2"``, ``"26.1"``) or an Engine API version
(``"1.41"``, ``"1.51"``) anywhere else is a comparison or a table that escaped the profiles.
Docstrings and longer texts that merely mention a version are fine: only a literal that *is*
a version counts. The checker is itself tested on small sources (``CHECKER_CASES``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dockernet_sim.engines import ALIASES, PROFILES

ROOT = Path(__file__).resolve().parents[2] / "dockernet_sim"
ENGINES_DIR = ROOT / "engines"

# Docker's versions are YY.MM[.patch] since 17.03, and the bare majors of the 2020s ("20", "28";
# "17" and "32" stay free for protocol numbers and prefix lengths), with a distribution's suffix
# ("26.1.5+dfsg1"); API versions are 1.NN (1.12 is the oldest any engine here serves).
_ENGINE_VERSION = re.compile(r"2[0-9]|(1[7-9]|2[0-9])\.[0-9]{1,2}(\.[0-9]+)?(\+[0-9A-Za-z.~]+)?")
_API_VERSION = re.compile(r"1\.(1[2-9]|[2-9][0-9])")


def known_versions() -> set[str]:
    """Every version the profiles spell out (so a new profile's are covered even off-pattern)."""
    out = set(ALIASES)
    for p in PROFILES.values():
        out |= {p.name, p.engine_version, p.client_version, p.api_version, p.client_api_version,
                p.min_api_version}
    return out


def is_version(text: str, known: set[str]) -> bool:
    return text in known or bool(_ENGINE_VERSION.fullmatch(text)) or bool(_API_VERSION.fullmatch(text))


def violations(source: str, known: set[str]) -> list[tuple[int, str]]:
    """(line, literal) for every string constant in ``source`` that is a version."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and is_version(node.value, known):
            found.append((node.lineno, node.value))
    return sorted(found)


CHECKER_CASES = [
    ('if p.name == "28":\n    pass', ["28"]),
    ('word = "invalid" if engine != "20.10" else "Invalid"', ["20.10"]),
    ('VERSIONS = {"28.2.2": "1.50", "20.10.24": "1.41"}', ["1.41", "1.50", "20.10.24", "28.2.2"]),
    ('def f(engine: str = "26") -> None: ...', ["26"]),
    ('x = {"26.1": 1}', ["26.1"]),
    ('v = "26.1.5+dfsg1"', ["26.1.5+dfsg1"]),
    ('api = "1.45"', ["1.45"]),
    ('x = f"docker {v}"', []),                                      # an f-string's text is not a version
    ('"""Engine 28 prints ``20.10``: a docstring that mentions versions."""', []),
    ('s = "Docker Engine 28.5.2"', []),                              # a text that merely contains one
    ('ip = "10.0.0.1"; port = "80"; mask = "255.255.0.0"', []),
    ('n = 28; m = 20.10', []),                                       # numbers are not string literals
    ('w = "1.5"; z = "1.2.3"', []),
    ('x = ("29", "17.03")', ["17.03", "29"]),
    ('udp = "17"; full = "32"; mtu = "1500"', []),
]


@pytest.mark.parametrize(("source", "expected"), CHECKER_CASES)
def test_checker(source: str, expected: list[str]) -> None:
    found = violations(source, known_versions())
    assert sorted(v for _, v in found) == sorted(expected)


def test_profiles_spell_versions_the_checker_recognises() -> None:
    """The patterns alone catch every version the profiles know (so the test does not depend on
    reading them): a profile with an off-pattern version would need the pattern widened."""
    for v in known_versions():
        assert is_version(v, set()), v


def test_no_engine_or_api_version_literal_outside_engines() -> None:
    known = known_versions()
    problems = []
    for path in sorted(ROOT.rglob("*.py")):
        if ENGINES_DIR in path.parents:
            continue
        for line, value in violations(path.read_text(encoding="utf-8"), known):
            problems.append(f"{path.relative_to(ROOT.parent)}:{line}: {value!r}")
    assert not problems, "version literals outside engines/ (ask the Profile instead):\n" + "\n".join(problems)


def test_engines_package_is_where_versions_live() -> None:
    """The check is not vacuous: the engine modules do spell the versions."""
    sources = "".join(p.read_text(encoding="utf-8") for p in ENGINES_DIR.glob("*.py"))
    assert violations(sources.replace("from __future__ import annotations", ""), known_versions())


def test_every_profile_field_is_asked() -> None:
    """A field no module outside engines/ reads is a difference the model does not make."""
    import dataclasses

    from dockernet_sim.engines import InspectSchema, IpamRules, Messages, Profile

    read: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if ENGINES_DIR not in path.parents:
            read |= {n.attr for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(n, ast.Attribute)}
    # a field read through a property of its class (``Profile.system``: the facts made on first use)
    # is read where the property is
    import inspect
    import textwrap
    for cls in (Profile, InspectSchema, IpamRules, Messages):
        for name, attr in vars(cls).items():
            if isinstance(attr, property) and name in read:
                body = ast.parse(textwrap.dedent(inspect.getsource(attr.fget)))
                read |= {n.attr for n in ast.walk(body) if isinstance(n, ast.Attribute)}
    unread = [f"{cls.__name__}.{f.name}" for cls in (Profile, InspectSchema, IpamRules, Messages)
              for f in dataclasses.fields(cls) if f.name not in read]
    assert not unread, f"profile fields nothing asks: {unread}"
