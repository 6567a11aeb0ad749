"""``docker compose config`` and ``docker compose version``.

Mirrors compose 2.40.3's ``cmd/compose/config.go`` and ``version.go`` as the recordings show them
(tests/golden/scenarios/c37_compose_config_odd.sh, c43_compose_config_flags.sh):

* one listing flag answers alone, the first of ``--services``, ``--volumes``, ``--networks``,
  ``--models``, ``--hash``, ``--profiles``, ``--images`` the command was given: services in
  dependency order; networks and images in Go map order (a scenario sorts them); ``--hash
  SERVICE[,SERVICE…]`` or ``'*'`` each service's config hash, by name, an unknown one refused as
  ``no such service: NAME: not found``; ``--profiles`` every profile of every service, sorted;
* else the project in its canonical form, ``yaml`` or ``json`` (any other ``--format`` is
  ``unsupported format "xml"``, ``-q`` included), every ``$`` written back as ``$$``, limited to
  the services named and what they depend on; ``-q`` prints nothing, ``-o FILE`` writes it there;
* ``version``: ``Docker Compose version 2.40.3-3`` (the Debian package's version, which the
  plugin reports), ``--short`` the number, ``--format json`` (``-f``) a one-line object; any other
  format is the pretty one; an argument is an unknown command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..compose.emit import canonical, dump, go_json, service_hash
from ..compose.model import ComposeError, Project, project_variables
from ..golang.tabwriter import tabwrite
from ..records import replace
from ..result import Result
from .options import F

if TYPE_CHECKING:
    from ..compose.files import Files
    from .flags import Parsed

# what the recorded plugin says its version is (Debian sid's docker-compose 2.40.3-3); the labels
# it writes carry the upstream number (compose.COMPOSE_VERSION)
PLUGIN_VERSION = "2.40.3-3"

CONFIG_FLAGS = [
    F("services", "", "bool"), F("volumes", "", "bool"), F("networks", "", "bool"), F("models", "", "bool"),
    F("profiles", "", "bool"), F("images", "", "bool"), F("hash", "", "string"), F("variables", "", "bool"),
    F("environment", "", "bool"), F("quiet", "q", "bool"), F("format", "", "string"), F("output", "o", "string"),
    F("no-interpolate", "", "bool"), F("no-normalize", "", "bool"), F("no-path-resolution", "", "bool"),
    F("no-consistency", "", "bool"), F("no-env-resolution", "", "bool"), F("resolve-image-digests", "", "bool"),
    F("lock-image-digests", "", "bool"),
]


class ComposeConfig:
    """The ``config`` and ``version`` commands of :class:`~.compose.ComposeCommand`."""

    files: "Files"
    log: str                 # and ComposeCommand's project() and _sub()

    def config(self, argv: list[str]) -> Result:
        pr = self._sub(argv, CONFIG_FLAGS)  # type: ignore[attr-defined]
        if pr.get("variables") and not any(pr.get(k) for k in ("services", "volumes", "networks", "models", "hash",
                                                                 "profiles", "images")):
            return self._variables(pr.get("format") or "")
        project: Project = self.project()  # type: ignore[attr-defined]
        listing = self._config_listing(pr, project)
        if listing is not None:
            return Result(listing, self.log, 0)
        fmt = pr.get("format") or "yaml"
        if fmt not in ("yaml", "json"):
            raise ComposeError(f'unsupported format "{fmt}"')
        if pr.args:
            for name in pr.args:
                project.service(name)
            wanted = {s.name for s in project.ordered(list(pr.args))}
            kept = tuple(s for s in project.services if s.name in wanted)
            used = {n.key for s in kept for n in s.networks}
            project = replace(project, services=kept, networks=tuple(n for n in project.networks if n.key in used))
        doc = canonical(project, as_json=fmt == "json")
        text = go_json(doc, indent=2) + "\n" if fmt == "json" else dump(doc)
        text = text.replace("$", "$$")              # compose writes every $ back escaped (c43)
        if pr.get("quiet"):
            return Result("", self.log, 0)
        if pr.get("output"):
            self.files.write(pr.get("output"), text)
            return Result("", self.log, 0)
        return Result(text, self.log, 0)

    def _config_listing(self, pr: "Parsed", project: Project) -> "str | None":
        """What a listing flag prints, or None when none was given (their precedence is the
        order compose tests them in)."""
        if pr.get("services"):
            return "".join(s.name + "\n" for s in project.ordered())
        if pr.get("volumes") or pr.get("models"):
            return ""                 # the model has neither (named volumes are not modelled here)
        if pr.get("networks"):        # Go map order, most often sorted (c37: once otherwise on 26)
            return "".join(k + "\n" for k in sorted(n.key for n in project.networks))
        if pr.get("hash"):
            wanted = pr.get("hash")
            names = sorted(s.name for s in project.services) if wanted == "*" else sorted(wanted.split(","))
            out = []
            for name in names:
                if name not in {s.name for s in project.services}:
                    raise ComposeError(f"no such service: {name}: not found")
                out.append(f"{name} {service_hash(project.service(name))}\n")
            return "".join(out)
        if pr.get("profiles"):
            every = {p for s in project.services + project.disabled for p in s.profiles}
            return "".join(p + "\n" for p in sorted(every))
        if pr.get("images"):          # Go map order: the model's is by name
            return "".join((s.image or f"{project.name}-{s.name}") + "\n"
                           for s in sorted(project.services, key=lambda s: s.name))
        return None

    def _variables(self, fmt: str) -> Result:
        """``config --variables``: each variable the files use, read without interpolating them
        (so a required one that is unset is no error here: c47), in compose's table (minimum
        width 20, padding 3), as JSON (four-space indentation, by name) or as YAML; the table's
        rows come in Go map order (a scenario sorts them), the model's is by name."""
        o = self.opts  # type: ignore[attr-defined]
        found = project_variables(self.files, o.get("file") or (), o.get("project-directory") or "")
        rows = [found[name] for name in sorted(found)]
        if fmt == "yaml":
            doc = {v.name: {"name": v.name, "defaultvalue": v.default_value, "presencevalue": v.presence_value,
                            "required": v.required} for v in rows}
            return Result(dump(doc), "", 0)
        kind = fmt.lower()
        if kind == "json":
            doc = {v.name: {"Name": v.name, "DefaultValue": v.default_value, "PresenceValue": v.presence_value,
                            "Required": v.required} for v in rows}
            return Result(go_json(doc, indent=4) + "\n", "", 0)
        if kind not in ("", "table", "pretty"):
            raise ComposeError(f'format value "{fmt}" could not be parsed: parsing failed')
        table = "".join(f"{a}\t{b}\t{c}\t{d}\n" for a, b, c, d in
                        [("NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE")] +
                        [(v.name, "true" if v.required else "false", v.default_value, v.presence_value) for v in rows])
        return Result(tabwrite(table, minwidth=20, tabwidth=1, padding=3), "", 0)

    def version(self, argv: list[str]) -> Result:
        pr = self._sub(argv, [F("short", "", "bool"), F("format", "f", "string")])  # type: ignore[attr-defined]
        if pr.args:
            raise ComposeError(f'unknown command "{pr.args[0]}" for "docker compose version"')
        if pr.get("short"):
            return Result(PLUGIN_VERSION + "\n", "", 0)
        if pr.get("format") == "json":
            return Result(f'{{"version":"{PLUGIN_VERSION}"}}\n', "", 0)
        return Result(f"Docker Compose version {PLUGIN_VERSION}\n", "", 0)
