"""``docker compose top``, ``docker compose images`` and every compose command's ``--help``.

Mirrors compose v2's ``cmd/compose/top.go`` and ``images.go`` as compose 2.40.3 prints them
(recorded on 20.10, 26 and 28: tests/golden/scenarios/r192_compose_top_images_help.sh):

* ``top``: one table for the project's running containers, by name, each process of each
  container (the daemon's ``ps -ef`` lines) after its service and container number, in a
  tabwriter of minimum width 4 and padding 2; nothing for no container, and nothing either for
  a service that does not exist. (The 26 and 28 recordings ran dockerd in a tree without procps:
  their ``top`` printed the daemon's ``ps: exec: "ps": executable file not found in $PATH``.)
* ``images``: the image of every container of the project, stopped ones too, by container name,
  in the docker CLI's table (minimum width 20, padding 3); ``-q`` each image's ID once;
  ``--format json`` compose's own document (its order is Go map order: listed as a known
  mismatch where the model's name order differs); an unknown service gives the header only.
* ``COMMAND --help`` (or ``-h``, which cobra warns is deprecated): the command's help on stdout.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Optional

from ..errors import DockerError
from ..golang.tabwriter import tabwrite
from ..ids import format_time
from ..result import Result
from .options import F
from .rows import ago

if TYPE_CHECKING:
    from .cli import DockerCLI

LABEL = "com.docker.compose."
PLATFORM = "linux/amd64"          # the recording machines' images
# an image's size in bytes, by the size the CLI shows (units.HumanSize): the recording machines'
# images are all one busybox root (r192); another is read back from its shown size
_BYTES = {"1.98MB": 1982256}
_UNITS = {"kB": 10**3, "MB": 10**6, "GB": 10**9, "B": 1}


def _size_bytes(shown: str) -> int:
    if shown in _BYTES:
        return _BYTES[shown]
    for unit, factor in _UNITS.items():
        if shown.endswith(unit):
            try:
                return int(float(shown[:-len(unit)]) * factor)
            except ValueError:
                return 0
    return 0
IMAGES_HEADER = ("CONTAINER", "REPOSITORY", "TAG", "PLATFORM", "IMAGE ID", "SIZE", "CREATED")
DEPRECATED_H = "Flag shorthand -h has been deprecated, use --help\n"
# commands whose flags stop at their first argument (cobra's SetInterspersed(false))
_NOT_INTERSPERSED = frozenset({"exec", "run"})


@lru_cache(maxsize=1)
def _helps() -> dict[str, str]:
    """Each command's ``--help`` as compose 2.40.3 printed it (read once, when first asked)."""
    text = resources.files("dockernet_sim.client").joinpath("data/compose_help.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def command_help(cmd: str, args: list[str]) -> Optional[Result]:
    """The help ``docker compose CMD ARGS`` prints when ARGS ask for it (``--help`` or ``-h``
    among the command's flags), else None."""
    text = _helps().get(cmd)
    if text is None:
        return None
    for a in args:
        if a == "--":
            break
        if a in ("--help", "--help=true"):
            return Result(text, "", 0)
        if a == "-h":
            return Result(DEPRECATED_H + text, "", 0)
        if not a.startswith("-") and cmd in _NOT_INTERSPERSED:
            break
    return None


def _repository_tag(ref: str) -> tuple[str, str]:
    """An image reference as the image's repository and tag (``busybox`` is ``busybox:latest``)."""
    name, _, digest = ref.partition("@")
    slash = name.rfind("/")
    colon = name.rfind(":")
    if colon > slash:
        return name[:colon], name[colon + 1:]
    return name, "latest" if not digest else ""


class ComposeListings:
    """``compose top`` and ``compose images``, mixed into ComposeCommand."""

    cli: "DockerCLI"        # and ComposeCommand's containers(), project_name() and _sub()

    def top(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [])
        services = list(pr.args)  # type: ignore[attr-defined]
        d = self.cli.d
        rows: list[list[str]] = []
        titles: list[str] = []
        for c in self.containers(self.project_name(), all=False):
            service = c.labels.get(LABEL + "service", "")
            if services and service not in services:
                continue
            try:
                titles, processes = d.container_top(c.id, "")
            except DockerError as e:
                return Result("", f"Error response from daemon: {e}\n", 0)
            number = c.labels.get(LABEL + "container-number", "")
            rows += [[service, number, *p] for p in processes]
        if not rows:
            return Result("", "", 0)
        table = "".join("\t".join(r) + "\n" for r in [["SERVICE", "#", *titles], *rows])
        return Result(tabwrite(table, 4, 8, 2), "", 0)

    def images(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("quiet", "q", "bool"), F("format", "", "string")])
        services = list(pr.args)  # type: ignore[attr-defined]
        d = self.cli.d
        cs = [c for c in self.containers(self.project_name())
              if not services or c.labels.get(LABEL + "service", "") in services]
        if pr.get("quiet"):  # type: ignore[attr-defined]
            ids = list(dict.fromkeys(c.image.id for c in cs))
            return Result("".join(i + "\n" for i in ids), "", 0)
        fmt = pr.get("format") or "table"  # type: ignore[attr-defined]
        if fmt == "json":
            docs = []
            for c in cs:
                repo, tag = _repository_tag(c.image_ref)
                docs.append({"ID": "sha256:" + c.image.id, "ContainerName": c.name, "Repository": repo, "Tag": tag,
                             "Platform": PLATFORM, "Size": _size_bytes(c.image.virtual_size), "LastTagTime": format_time(c.created_ns)})
            return Result(json.dumps(docs, separators=(",", ":")) + "\n\n", "", 0)
        rows = ["\t".join(IMAGES_HEADER)]
        for c in cs:
            repo, tag = _repository_tag(c.image_ref)
            rows.append("\t".join((c.name, repo, tag, PLATFORM, c.image.id[:12], c.image.virtual_size,
                                   ago(d, c.created_ns))))
        return Result(tabwrite("".join(r + "\n" for r in rows), 20, 1, 3), "", 0)


__all__ = ["ComposeListings", "command_help"]
