"""``docker cp``: a file between the client's working directory and a container's file system.

What docker/cli's ``cp`` does (cli/command/container/cp.go, and the archive package's copy rules)
for a small regular file, as recorded on Docker 20.10, 26 and 28 (r252_docker_cp_errors,
r253_docker_cp_files): an argument is a container's path when it reads ``NAME:PATH`` and does not
begin with ``/`` or ``.``; from a container, the local destination's directory must exist
(``invalid output path: …``) and the container's file must (``Could not find the file …``); to
a container, the local file must (``lstat …``). A directory destination receives the file under
its own name, any other is the new name. Off a terminal the client prints nothing on success.

The container's side is its tree (``userland.rootfs``) and writable layer, reached through the
terminal (``DockerCLI.container_tree``); the local side is the client's files
(``compose.files.Files``: a script's ``#! file`` blocks and what ``cp`` wrote). Not modelled
(``dockernet_sim: …: not simulated``): directories, ``-`` (a tar stream), ``-L``, ``-a``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..errors import DockerError
from ..result import Result
from ..userland.shell.builtin import norm
from . import framing
from .options import F

if TYPE_CHECKING:
    from .cli import DockerCLI

__all__ = ["docker_cp"]

# the daemon's answer for a container path that is not there (moby daemon/archive.go), on 20.10, 26 and 28
CP_NOT_FOUND = "Could not find the file {path} in container {term}"

_FLAGS = [F("archive", "a", "bool"), F("follow-link", "L", "bool"), F("quiet", "q", "bool")]


def _split(arg: str) -> tuple[str, str]:
    """(container, path) of an argument; container "" for a local path (cp.go's splitCpArg)."""
    if arg.startswith("/") or arg.startswith("."):
        return "", arg
    name, sep, path = arg.partition(":")
    return (name, path) if sep else ("", arg)


def _not_simulated(what: str) -> Result:
    return Result("", f"dockernet_sim: docker cp {what}: not simulated\n", 2)


def docker_cp(cli: "DockerCLI", argv: list[str]) -> Result:
    pr = cli._parse("cp", argv, _FLAGS)
    if isinstance(pr, Result):
        return pr
    src, dst = pr.args
    if pr.get("archive") or pr.get("follow-link"):
        return _not_simulated("-a, -L")
    if src == "" or dst == "":
        return Result("", f"{'source' if src == '' else 'destination'} can not be empty\n", 1)
    src_c, src_path = _split(src)
    dst_c, dst_path = _split(dst)
    if src_c and dst_c:
        return Result("", "copying between containers is not supported\n", 1)
    if not src_c and not dst_c:
        return Result("", "must specify at least one container source\n", 1)
    if src_path == "-" or dst_path == "-":
        return _not_simulated("- (a tar stream)")
    if cli.container_tree is None:
        return _not_simulated("(no container file system here)")
    if src_c:
        return _from_container(cli, src_c, src_path, dst_path)
    return _to_container(cli, src_path, dst_c, dst_path)


def _local(cli: "DockerCLI", path: str) -> str:
    return norm("/", cli.files.path(path))


def _local_dir(cli: "DockerCLI", path: str) -> bool:
    """Whether a local path is a directory: the working directory and those above it."""
    cwd = cli.files.cwd
    return path == cwd or cwd.startswith(path.rstrip("/") + "/") or path == "/"


def _from_container(cli: "DockerCLI", term: str, path: str, dest: str) -> Result:
    local = _local(cli, dest)
    parent = local.rsplit("/", 1)[0] or "/"
    if not _local_dir(cli, parent) and not _local_dir(cli, local):
        return Result("", f'invalid output path: directory "{parent}" does not exist\n', 1)
    assert cli.container_tree is not None
    try:
        c = cli.d.find_container(term)
    except DockerError as e:
        return _not_found(cli, term, path, framing.api_error(cli.p, e))
    fs = cli.container_tree(c.id, False)
    node = fs.resolve(path if path.startswith("/") else "/" + path)
    if node is None:
        return _not_found(cli, term, path, "Error response from daemon: " + CP_NOT_FOUND.format(path=path, term=term))
    if node.kind != "f":
        return _not_simulated(f"{term}:{path} (only a regular file is modelled)")
    text = fs.read(node)
    if not isinstance(text, str):
        return _not_simulated(f"{term}:{path} (the simulator does not model this file's content)")
    target = local + "/" + node.name if _local_dir(cli, local) else local
    cli.files.write(target, text)
    return Result("", "", 0)


def _not_found(cli: "DockerCLI", term: str, path: str, daemon_said: str) -> Result:
    """A 404 of the archive endpoint: the daemon's words, or the client's own (20.10)."""
    mine = cli.p.messages.cp_not_found
    return Result("", (mine.format(term=term, path=path) if mine is not None else daemon_said) + "\n", 1)


def _to_container(cli: "DockerCLI", path: str, term: str, dest: str) -> Result:
    local = _local(cli, path)
    text: Optional[str] = cli.files.read(local)
    if text is None:
        if _local_dir(cli, local):
            return _not_simulated(f"{path} (a directory)")
        return Result("", f"lstat {local}: no such file or directory\n", 1)
    assert cli.container_tree is not None
    try:
        c = cli.d.find_container(term)
    except DockerError as e:
        return Result("", framing.api_error(cli.p, e) + "\n", 1)
    from ..daemon.layer import FILE, Change
    full = norm("/", dest)
    fs = cli.container_tree(c.id, True)
    node = fs.resolve(full)
    if node is not None and node.kind == "d":
        where = full.rstrip("/") + "/" + local.rsplit("/", 1)[-1]
    elif dest.endswith("/"):
        return Result("", "no such directory\n", 1)      # the archive package's ErrDirNotExists
    else:
        where = full
    parent = where.rsplit("/", 1)[0] or "/"
    above = fs.resolve(parent)
    if above is None:
        return _not_found(cli, term, parent, "Error response from daemon: " + CP_NOT_FOUND.format(path=parent, term=term))
    if above.kind != "d":
        return Result("", "Error response from daemon: extraction point is not a directory\n", 1)
    existing = fs.resolve(where)
    if existing is not None and existing.kind == "d":
        return _not_simulated(f"{path} over a directory")
    fs.make(where, Change(FILE, 0o644, cli.d.rand.peek_ns() // 1_000_000_000, text=text))
    return Result("", "", 0)
