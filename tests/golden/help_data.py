"""How ``dockernet_sim/client/data/help_PROFILE.json`` is made from a real docker client.

The help texts are the client's own words, so they are recorded, never typed. Two steps, the
recording between them done by the oracle's recorder on the real engine (the daemon matters: the
client hides the commands the daemon does not offer, such as swarm's and experimental ones)::

    python -m tests.golden.help_data scenario /opt/docker-26/bin/docker > tests/golden/scenarios/r133_help_all.sh
    cd /work/shared/oracle && flock /tmp/dk-record.lock env ENGINE=26 python3 record.py /tmp/rec26 \\
        .../tests/golden/scenarios/r133_help_all.sh
    python -m tests.golden.help_data build 26 /tmp/rec26/r133_help_all.jsonl

``scenario`` walks the client's command tree (every ``Commands:`` section of every help text, and
every name under ``Aliases:``) and prints one ``docker PATH --help`` line per command; plugins
(``compose*``) are not the client's and are left out. ``build`` keeps each command's stdout (exit
0) and what it wrote to stderr (the legacy builder's deprecation), and writes the JSON that
``dockernet_sim.client.help`` reads.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Iterator

_SECTION = re.compile(r"^(?:\w+ )?Commands:$")
_ENTRY = re.compile(r"^  (\S+?)(\*?)\s{2,}\S")
DATA = os.path.join(os.path.dirname(__file__), "..", "..", "dockernet_sim", "client", "data")


def children(text: str) -> Iterator[str]:
    """The subcommand names a help text lists (plugins, marked ``*``, left out)."""
    inside = False
    for line in text.splitlines():
        if _SECTION.match(line):
            inside = True
        elif not line.startswith("  "):
            inside = False
        elif inside and (m := _ENTRY.match(line)) and not m.group(2):
            yield m.group(1)


def aliases(text: str) -> Iterator[str]:
    """The other paths a help text names under ``Aliases:`` (``docker network remove``)."""
    lines = text.splitlines()
    if "Aliases:" in lines:
        for name in lines[lines.index("Aliases:") + 1].split(","):
            words = name.split()
            if words[:1] == ["docker"]:
                yield " ".join(words[1:])


def walk(docker: str) -> list[str]:
    """Every command path of the client ``docker`` (``""`` is ``docker`` itself), in walk order.

    A name the client does not know (an alias naming a plugin that is not installed, such as
    ``docker buildx build``) prints the client's own help: it is left out."""
    def help_of(path: str) -> str:
        return subprocess.run([docker, *path.split(), "--help"], capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": "/root"}).stdout
    root = help_of("")
    found, queue = [""], [("", root)]
    while queue:
        path, text = queue.pop(0)
        for p in [f"{path} {c}".strip() for c in children(text)] + list(aliases(text)):
            if p not in found and (sub := help_of(p)) != root:
                found.append(p)
                queue.append((p, sub))
    return found


def scenario(docker: str) -> str:
    head = ("#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53\n"
            "# Every command's --help as the client prints it, walked from the client's own listings\n"
            "# (tests/golden/help_data.py).\n")
    # one -h line: the deprecation notice the client prints before the help
    lines = [" ".join(["docker", *p.split(), "--help"]) for p in walk(docker)] + ["docker network create -h"]
    return head + "".join(line + "\n" for line in lines)


def build(profile: str, transcript: str) -> dict[str, object]:
    """The help data of a transcript of ``scenario``'s lines recorded on Engine ``profile``."""
    texts: dict[str, str] = {}
    warnings: dict[str, str] = {}
    deprecated = ""
    with open(transcript, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            words = rec["command"].split()[1:]
            if rec["exit_code"] != 0:
                continue
            if words[-1] == "-h":
                deprecated = rec["stdout"].split("\n", 1)[0] + "\n"
            else:
                texts[" ".join(words[:-1])] = rec["stdout"]
                if rec["stderr"]:
                    warnings[" ".join(words[:-1])] = rec["stderr"]
    name = os.path.basename(transcript)[:-len(".jsonl")]
    return {"help": texts, "stderr": warnings, "shorthand_deprecated": deprecated,
            "source": f"tests/golden/scenarios/{name}.sh, recorded on Engine {profile}"}


def main(argv: list[str]) -> int:
    if argv[:1] == ["scenario"] and len(argv) == 2:
        sys.stdout.write(scenario(argv[1]))
        return 0
    if argv[:1] == ["build"] and len(argv) == 3:
        with open(os.path.join(DATA, f"help_{argv[1]}.json"), "w", encoding="utf-8") as f:
            json.dump(build(argv[1], argv[2]), f, indent=1, sort_keys=True)
            f.write("\n")
        return 0
    sys.stderr.write("usage: help_data scenario DOCKER | build PROFILE TRANSCRIPT\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
