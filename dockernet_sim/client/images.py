"""``docker images`` / ``image ls``, ``image inspect``, ``tag`` and ``rmi`` / ``image rm``: the
client's side of the daemon's image store (docker/cli cli/command/image; recorded: r178_images
on 20.10, 26 and 28).

``images [REPOSITORY[:TAG]]`` lists a row per reference (``REPOSITORY TAG IMAGE ID CREATED
SIZE``), ``-q`` the IDs, ``--format`` a template over ``.Repository .Tag .ID .CreatedSince
.CreatedAt .Size .Digest``; the filters are the daemon's (``daemon.images.select``). ``tag`` checks the
new reference itself (``Error parsing reference: "…" is not a valid repository/tag: …``, exit 1).
"""

from __future__ import annotations

from typing import Any

from ..daemon.images import reference_error, select
from ..errors import DockerError
from ..result import Result
from . import framing
from .group import CommandGroup
from .options import F
from .rows import ago, go_time_string
from .templates import render_rows, row_context

_HEADERS = {"Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID", "CreatedSince": "CREATED",
            "CreatedAt": "CREATED AT", "Size": "SIZE", "Digest": "DIGEST"}


class ImageCommands(CommandGroup):
    """``docker images|image|tag|rmi``: a group of DockerCLI, made when one of them runs."""

    def cmd_images(self, argv: list[str]) -> Result:
        pr = self._parse("images", argv, [F("all", "a", "bool"), F("quiet", "q", "bool"), F("digests", "", "bool"),
                                          F("no-trunc", "", "bool"), F("filter", "f", "list"),
                                          F("format", "", "string"), F("tree", "", "bool")])
        if isinstance(pr, Result):
            return pr
        filters = list(pr.get("filter")) + [f"reference={a}" for a in pr.args[:1]]
        try:
            rows = select(self.d.image_list(), filters)
        except ValueError as e:
            return Result("", f"Error response from daemon: {e}\n", 1)
        trunc = not pr.get("no-trunc")
        ctx = []
        for r in rows:
            iid = r.image.id[:12] if trunc else "sha256:" + r.image.id
            created = self.d.rand.EPOCH_NS
            ctx.append(row_context("*formatter.imageContext", {
                "Repository": r.repository, "Tag": r.tag, "ID": iid, "CreatedSince": ago(self.d, created),
                "CreatedAt": go_time_string(created), "Size": r.image.virtual_size, "Digest": "<none>"}))
        if pr.get("quiet") and not pr.get("format"):
            return Result("".join(c["ID"] + "\n" for c in ctx), "", 0)
        fmt = pr.get("format") or ("{{.ID}}" if pr.get("quiet") else
                                   "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}")
        return Result(render_rows(fmt, ctx, _HEADERS, profile=self.p), "", 0)

    def image_inspect(self, argv: list[str]) -> Result:
        pr = self._parse("image inspect", argv, [F("format", "f", "string")])
        if isinstance(pr, Result):
            return pr
        return self._inspect(pr.args, self.d.image_inspect, pr.get("format"), "image", "types.ImageInspect")

    def cmd_tag(self, argv: list[str]) -> Result:
        pr = self._parse("tag", argv, [])
        if isinstance(pr, Result):
            return pr
        source, target = pr.args[0], pr.args[1]
        for ref in (source, target):
            why = reference_error(ref, self.p.reference_names_library)
            if why is not None:
                return Result("", f'Error parsing reference: "{ref}" is not a valid repository/tag: {why}\n', 1)
        try:
            self.d.image_tag(source, target)
        except DockerError as e:
            return framing.daemon_error(self.p, e)
        return Result("", "", 0)

    def cmd_rmi(self, argv: list[str]) -> Result:
        pr = self._parse("rmi", argv, [F("force", "f", "bool"), F("no-prune", "", "bool")])
        if isinstance(pr, Result):
            return pr
        out, err = "", ""
        for ref in pr.args:
            try:
                out += "".join(line + "\n" for line in self.d.image_remove(ref, bool(pr.get("force"))))
            except DockerError as e:
                err += framing.api_error(self.p, e, "image", ref) + "\n"
        return Result(out, err, 1 if err else 0)

    def image(self, argv: list[str]) -> Result:
        """``docker image SUBCOMMAND``."""
        if not argv or argv[0] in ("--help", "-h"):
            return Result("", "", 0)
        sub: Any = {"ls": self.cmd_images, "list": self.cmd_images, "inspect": self.image_inspect,
                    "tag": self.cmd_tag, "rm": self.cmd_rmi, "remove": self.cmd_rmi}.get(argv[0])
        if sub is None:
            return self.unknown_command("image " + argv[0])
        self.group = "image "
        try:
            return sub(argv[1:])
        finally:
            self.group = ""
