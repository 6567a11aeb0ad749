"""Replays every recorded scenario on the simulator and compares it with the real engine's output.

Scenarios and transcripts live beside this file (``scenarios/``, ``docker-28/``, ``docker-20.10/``,
``docker-26/``):
the visible oracle's and those we recorded ourselves on the same engines. A command that does not
match must be listed, with a reason, in ``known_mismatches.json``; a listed command that starts
matching fails the suite too, so the list only shrinks.
"""

from __future__ import annotations

import io
import json
import os

import pytest

from dockernet_sim.__main__ import run_text

from .normalize import compare, load

HERE = os.path.dirname(__file__)
KNOWN_PATH = os.path.join(HERE, "known_mismatches.json")
# one docker-ENGINE/ directory of transcripts per engine profile, found rather than listed
ENGINES = tuple(sorted((d[len("docker-"):] for d in os.listdir(HERE) if d.startswith("docker-")), reverse=True))


def _known() -> dict[str, str]:
    if not os.path.exists(KNOWN_PATH):
        return {}
    with open(KNOWN_PATH, encoding="utf-8") as f:
        return json.load(f)


def cases() -> list[tuple[str, str]]:
    out = []
    for name in sorted(os.listdir(os.path.join(HERE, "scenarios"))):
        if not name.endswith(".sh"):
            continue
        for engine in ENGINES:
            if os.path.exists(os.path.join(HERE, f"docker-{engine}", name[:-3] + ".jsonl")):
                out.append((engine, name[:-3]))
    return out


def simulate(engine: str, scenario: str) -> list[dict[str, object]]:
    with open(os.path.join(HERE, "scenarios", scenario + ".sh"), encoding="utf-8") as f:
        text = f.read()
    buf = io.StringIO()
    run_text(text, engine, 0, True, buf)
    return [json.loads(l) for l in buf.getvalue().splitlines() if l.strip()]


def key(engine: str, scenario: str, index: int, command: str) -> str:
    return f"{engine}/{scenario}/{index:02d}: {command}"


@pytest.mark.parametrize("engine,scenario", cases(), ids=[f"{e}-{s}" for e, s in cases()])
def test_scenario_matches_real_engine(engine: str, scenario: str) -> None:
    expected = load(os.path.join(HERE, f"docker-{engine}", scenario + ".jsonl"))
    actual = simulate(engine, scenario)
    known = _known()
    unexpected, fixed = [], []
    for i, cmd, ok, detail in compare(expected, actual):
        k = key(engine, scenario, i, cmd)
        if not ok and k not in known:
            unexpected.append(f"{k}\n{detail}")
        if ok and k in known:
            fixed.append(k)
    msg = ""
    if unexpected:
        msg += "commands that differ from the real engine:\n" + "\n\n".join(unexpected)
    if fixed:
        msg += "\nnow matching: remove from known_mismatches.json:\n" + "\n".join(fixed)
    assert not msg, msg


def test_known_mismatches_name_real_commands() -> None:
    """Every listed mismatch names a command that exists, and says why it is listed."""
    valid = set()
    for engine, scenario in cases():
        for i, rec in enumerate(load(os.path.join(HERE, f"docker-{engine}", scenario + ".jsonl"))):
            valid.add(key(engine, scenario, i, rec["command"]))
    for k, reason in _known().items():
        assert k in valid, f"stale entry: {k}"
        assert reason.strip(), f"no reason given for {k}"
