"""Each engine's help data is its recorded transcript, rebuilt: the two cannot drift apart, and the walk's
parsing finds the subcommands and aliases a help text lists."""

from __future__ import annotations

import json
import os

import pytest

from .help_data import DATA, aliases, build, children

HERE = os.path.dirname(__file__)


WALKS = {"20.10": "r134_help_all_20_10", "26": "r133_help_all", "28": "r135_help_all_28"}


@pytest.mark.parametrize("engine", sorted(WALKS))
def test_help_data_is_built_from_its_transcript(engine: str) -> None:
    with open(os.path.join(DATA, f"help_{engine}.json"), encoding="utf-8") as f:
        shipped = json.load(f)
    walk = WALKS[engine]
    assert build(engine, os.path.join(HERE, f"docker-{engine}", f"{walk}.jsonl")) == shipped
    with open(os.path.join(HERE, "scenarios", f"{walk}.sh"), encoding="utf-8") as f:
        commands = [l.split()[1:-1] for l in f if l.startswith("docker ") and l.rstrip().endswith("--help")]
    assert sorted(" ".join(c) for c in commands) == sorted(shipped["help"])


def test_the_walk_reads_listings_and_aliases() -> None:
    text = ("\nUsage:  docker network rm NETWORK [NETWORK...]\n\nAliases:\n  docker network rm, docker network remove\n"
            "\nManagement Commands:\n  compose*    Docker Compose\n  network     Manage networks\n"
            "\nCommands:\n  attach      Attach local standard input\n\nGlobal Options:\n  -D, --debug   Enable\n")
    assert list(children(text)) == ["network", "attach"]
    assert list(aliases(text)) == ["network rm", "network remove"]
