"""Engine profiles are values: the model asks them questions and never looks at their names.

* A profile copied under another name (as a later engine starts out) prints exactly what its
  original prints, on recorded scenarios of every kind (so no code compares names, and nothing
  such as the inspect skeleton is looked up by name).
* Changing one field changes what that field governs (the questions are really asked).
* ``get_profile`` resolves every spelling in the one alias table and refuses others.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.__main__ import run_text
from dockernet_sim.engines import ALIASES, DEFAULT, PROFILES, Profile, get_profile

SCENARIOS = Path(__file__).resolve().parents[1] / "golden" / "scenarios"
# a spread of what differs: errors, IPAM, inspect documents, ports and iptables, container mode
SAMPLE = ("s04_errors", "s06_connect_disconnect", "s07_ports", "s11_container_mode", "r22_ip_range_aux",
          "r27_hostnames_hosts")


def transcript(engine: "str | Profile", scenario: str) -> list[dict[str, object]]:
    buf = io.StringIO()
    run_text((SCENARIOS / f"{scenario}.sh").read_text(encoding="utf-8"), engine, 0, True, buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


@pytest.mark.parametrize("name", list(PROFILES))
@pytest.mark.parametrize("scenario", SAMPLE)
def test_a_renamed_copy_prints_what_its_original_prints(name: str, scenario: str) -> None:
    original = PROFILES[name]
    copy = replace(original, name="99", engine_version="99.0.0", client_version="99.0.0")
    assert transcript(copy, scenario) == transcript(original, scenario)


def test_one_field_changes_what_it_governs() -> None:
    """The 28 profile with 20.10's MAC policy: endpoint MACs become 02:42 + the IPv4 address."""
    for profile, want in ((DEFAULT, False), (replace(DEFAULT, mac_from_ip=True), True)):
        h = DockerHost(engine=profile, seed=1)
        cid = h.run("busybox", "mm")
        mac = h.container_inspect(cid)["NetworkSettings"]["Networks"]["bridge"]["MacAddress"]
        assert (mac == "02:42:ac:11:00:02") is want, mac


def test_one_message_changes_what_the_user_reads() -> None:
    custom = replace(DEFAULT, messages=replace(DEFAULT.messages, unknown_command="no {cmd} here\n"))
    assert DockerHost(engine=custom).sh("docker frobnicate").stderr == "no frobnicate here\n"


@pytest.mark.parametrize("spelling", sorted(ALIASES))
def test_every_alias_resolves(spelling: str) -> None:
    assert get_profile(spelling) is PROFILES[ALIASES[spelling]]
    assert get_profile(get_profile(spelling)) is PROFILES[ALIASES[spelling]]


@pytest.mark.parametrize("bad", ["", "27", "28.6", "latest", "20.10.25"])
def test_unknown_engines_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="unknown engine profile"):
        get_profile(bad)


def test_profiles_are_hashable_values() -> None:
    """Usable as cache and dict keys; equal when every field is equal."""
    assert len({hash(p) for p in PROFILES.values()}) == len(PROFILES)
    assert replace(DEFAULT) == DEFAULT and hash(replace(DEFAULT)) == hash(DEFAULT)


def test_each_profile_is_reachable_by_its_name() -> None:
    for p in PROFILES.values():
        assert get_profile(p.name) is p
        assert ALIASES[p.name] == p.name
