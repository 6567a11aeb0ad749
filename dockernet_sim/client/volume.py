"""``docker volume create/ls/inspect/rm/prune``, and ``-v``/``--mount`` as ``run`` reads them.

Mirrors docker/cli cli/command/volume (the ``volume ls`` table sorted by name, ``inspect``
as every inspect, ``rm`` naming each volume removed and the errors after, ``prune``'s
report) and the volume formatter, as recorded on 20.10, 26 and 28
(``tests/golden/scenarios/r222_volumes.sh``). The daemon's side is ``daemon.volumes``.
"""

from __future__ import annotations

from typing import Any

from ..daemon.specs import MountSpec
from ..daemon.volumes import Volume, shown_labels
from ..errors import DockerError
from ..result import Result
from . import framing
from .group import CommandGroup
from .options import F
from .rows import natural_key
from .templates import render_rows, row_context

VOLUME_TABLE = "table {{.Driver}}\t{{.Name}}"
VOLUME_HEADERS = {"ID": "ID", "Name": "VOLUME NAME", "Group": "GROUP", "Driver": "DRIVER", "Scope": "SCOPE",
                  "Availability": "AVAILABILITY", "Mountpoint": "MOUNTPOINT", "Labels": "LABELS", "Links": "LINKS",
                  "Size": "SIZE", "Status": "STATUS"}
# cli/command/volume/prune.go: the prompt without --force (the 20.10 client's prune takes every volume)
PRUNE_ANONYMOUS = "WARNING! This will remove anonymous local volumes not used by at least one container.\n"
PRUNE_ALL = "WARNING! This will remove all local volumes not used by at least one container.\n"
PROMPT = "Are you sure you want to continue? [y/N] "
ALL_WITH_FILTER = "conflicting options: cannot specify both --all and --filter all=1"


def volume_help(p: Any, unknown: bool) -> str:
    """``docker volume``'s help (volume/cmd.go): 20.10's prune reads "all unused"; 26 lists the
    hidden cluster ``update`` when it refuses an unknown subcommand (r222)."""
    prune = "Remove all unused local volumes" if p.volume_prune_all_by_default else "Remove unused local volumes"
    update = "  update      Update a volume (cluster volumes only)\n" if unknown and p.volume_update_command else ""
    lead = "\n" if p.cli_framing is framing.CliFraming.SEE_HELP else ""
    return (f"{lead}Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n  create      Create a volume\n"
            f"  inspect     Display detailed information on one or more volumes\n  ls          List volumes\n"
            f"  prune       {prune}\n  rm          Remove one or more volumes\n{update}\n"
            f"Run 'docker volume COMMAND --help' for more information on a command.\n")


def parse_mount(text: str) -> MountSpec:
    """opts.MountOpt.Set, for what the model keeps: type, source, target and read-only."""
    fields: dict[str, str] = {}
    read_only = False
    for part in text.split(","):
        key, eq, value = part.partition("=")
        key = key.strip().lower()
        if key in ("readonly", "ro"):
            read_only = value.lower() not in ("0", "false") if eq else True
            continue
        fields[key] = value
    return MountSpec(type=fields.get("type", "volume"), source=fields.get("source", fields.get("src", "")),
                     target=fields.get("target", fields.get("destination", fields.get("dst", ""))),
                     read_only=read_only)


def _labels_text(labels: dict[str, str]) -> str:
    return ",".join(f"{k}={v}" for k, v in labels.items())


class VolumeCommands(CommandGroup):
    """``docker volume …``: a group of DockerCLI, made when one of them runs."""

    def volume(self, argv: list[str]) -> Result:
        if argv and argv[0] in ("--help", "-h"):
            return Result(volume_help(self.p, False), "", 0)
        if not argv:
            return Result("", volume_help(self.p, False), 0)
        sub, rest = argv[0], argv[1:]
        fn = {"create": self.vol_create, "ls": self.vol_ls, "list": self.vol_ls, "inspect": self.vol_inspect,
              "rm": self.vol_rm, "remove": self.vol_rm, "prune": self.vol_prune}.get(sub)
        if fn is None:
            if sub.startswith("-"):
                return framing.flag_error(self.p, "volume", f"unknown flag: {sub}")
            return framing.args_error(self.p, "volume", first_arg=sub, help_text=volume_help(self.p, True))
        return fn(rest)

    def vol_create(self, argv: list[str]) -> Result:
        pr = self._parse("volume create", argv, [F("driver", "d", "string", "local"), F("label", "", "list"),
                                                 F("opt", "o", "map"), F("name", "", "string")])
        if isinstance(pr, Result):
            return pr
        name = pr.args[0] if pr.args else pr.get("name")
        labels = dict(x.partition("=")[::2] for x in pr.get("label"))
        try:
            made = self.d.volume_create(name, labels, dict(pr.get("opt")))
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        return Result(made + "\n", "", 0)

    def vol_ls(self, argv: list[str]) -> Result:
        pr = self._parse("volume ls", argv, [F("quiet", "q", "bool"), F("filter", "f", "list"),
                                             F("format", "", "string"), F("cluster", "", "bool")])
        if isinstance(pr, Result):
            return pr
        vols = self.d.volume_list(pr.get("filter"))
        vols.sort(key=lambda v: natural_key(v.name))
        fmt = pr.get("format") or ("{{.Name}}" if pr.get("quiet") else VOLUME_TABLE)
        if pr.get("quiet") and not pr.get("format"):
            return Result("".join(v.name + "\n" for v in vols), "", 0)
        rows = [self._volume_row(v) for v in vols]
        return Result(render_rows(fmt, rows, VOLUME_HEADERS, profile=self.p), "", 0)

    def _volume_row(self, v: Volume) -> Any:
        labels = shown_labels(v, self.p.volume_anonymous_label)
        return row_context("*formatter.volumeContext", {
            "Name": v.name, "Driver": "local", "Scope": "local", "Mountpoint": v.mountpoint,
            "Labels": _labels_text(labels), "Links": "N/A", "Size": "N/A", "Group": "N/A",
            "Availability": "N/A", "Status": "N/A"}, labels=labels)

    def vol_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("volume inspect", argv, [F("format", "f", "string")])
        if isinstance(pr, Result):
            return pr
        return self._inspect(pr.args, self.d.volume_inspect, pr.get("format"), "volume", "volume.Volume")

    def vol_rm(self, argv: list[str]) -> Result:
        pr = self._parse("volume rm", argv, [F("force", "f", "bool")])
        if isinstance(pr, Result):
            return pr
        out, errs = "", []
        for name in pr.args:
            try:
                self.d.volume_remove(name, force=pr.get("force"))
                out += name + "\n"
            except DockerError as e:
                errs.append(framing.api_error(self.p, e, "volume", name))
        return Result(out, "".join(e + "\n" for e in errs), 1 if errs else 0)

    def vol_prune(self, argv: list[str]) -> Result:
        flags = [F("force", "f", "bool"), F("filter", "", "list")]
        if not self.p.volume_prune_all_by_default:
            flags.append(F("all", "a", "bool"))
        pr = self._parse("volume prune", argv, flags)
        if isinstance(pr, Result):
            return pr
        every = bool(pr.get("all")) or self.p.volume_prune_all_by_default
        if not pr.get("force"):
            return Result((PRUNE_ALL if every else PRUNE_ANONYMOUS) + PROMPT, "", 0)
        try:
            gone = self.d.volumes_prune(all=bool(pr.get("all")))
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        out = "Deleted Volumes:\n" + "".join(n + "\n" for n in gone) + "\n" if gone else ""
        return Result(out + "Total reclaimed space: 0B\n", "", 0)
