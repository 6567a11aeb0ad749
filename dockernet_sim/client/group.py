"""``CommandGroup``: a group of ``docker`` commands made when one of them runs (issue 15).

docker/cli registers each command group (cli/command/container, volume, image, …) under its root
command; here a group is an object made by ``DockerCLI`` for the command being run, over the
client's daemon and profile, so that a session that never runs one of its commands never loads
its module. What a group asks of the client (its flag parsing, the ``docker container …``
prefix, whether standard input is a terminal, inspect's printing) is the client's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..result import Result

if TYPE_CHECKING:
    from .cli import DockerCLI


class CommandGroup:
    """The commands of one group, for one command of a DockerCLI."""

    def __init__(self, cli: "DockerCLI") -> None:
        self.cli = cli
        self.d = cli.d
        self.p = cli.p

    @property
    def group(self) -> str:
        return self.cli.group

    @group.setter
    def group(self, value: str) -> None:
        self.cli.group = value

    @property
    def tty(self) -> bool:
        return self.cli.tty

    def _parse(self, *args: Any, **kwargs: Any) -> Any:
        return self.cli._parse(*args, **kwargs)

    def _inspect(self, refs: list[str], get: Callable[[str], dict[str, Any]], fmt: str, obj: str,
                 type_name: str) -> Result:
        return self.cli._inspect(refs, get, fmt, obj, type_name)

    def unknown_command(self, cmd: str) -> Result:
        return self.cli.unknown_command(cmd)

    def run_main(self, cid: str) -> Result:
        return self.cli.run_main(cid)
