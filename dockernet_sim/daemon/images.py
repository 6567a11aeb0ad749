"""The daemon's image store as far as a networking class meets it: ``docker images``, ``image
inspect``, ``tag`` and ``rmi`` over the images a host declares (the recordings import a busybox
root under each ``#! image`` name; recorded: r178_images on 20.10, 26 and 28).

Images are keyed by reference, ``:latest`` left implicit (``busybox`` and ``busybox:latest`` are one
key, ``busybox:1`` another). A tag is another reference to the same image ID. Removing a reference
that shares its ID with others only untags it; the last one is refused while a container (in any
state) was made from that ID, else it goes: ``Untagged: REF`` then ``Deleted: sha256:ID``.

A reference is checked as docker/distribution's ``reference`` package does, in its words:
``invalid reference format`` and, for capitals, ``repository name must be lowercase`` (28 names the
repository as moby normalises it: ``(library/Bad)``).
"""

from __future__ import annotations

import fnmatch
import functools
import re
from typing import Optional

from ..records import Record
from .container import Image

__all__ = ["image_key", "split_reference", "reference_error", "IMAGE_SIZE", "image_document", "ImageRow", "select"]

# the recordings' busybox root, in bytes (`docker image inspect -f '{{.Size}}'`); shown as 1.98MB
IMAGE_SIZE = 1982256

_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN = r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)"


@functools.cache
def _reference() -> "re.Pattern[str]":
    """NAME[:TAG] (compiled on first use: no work at import)."""
    return re.compile(rf"(?:{_DOMAIN}/)?{_COMPONENT}(?:/{_COMPONENT})*(?::[\w][\w.-]{{0,127}})?", re.ASCII)


def split_reference(ref: str) -> tuple[str, str]:
    """(repository, tag) of ``ref``: the tag after the last path component's colon, ``latest`` by
    default; the repository familiar (the 28 client sends ``docker.io/library/mybox``)."""
    name = ref.split("@", 1)[0]
    for prefix in ("docker.io/library/", "docker.io/", "index.docker.io/library/", "index.docker.io/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    if ":" in name.rsplit("/", 1)[-1]:
        repo, tag = name.rsplit(":", 1)
        return repo, tag
    return name, "latest"


def image_key(ref: str) -> str:
    """The store's key: the reference with ``:latest`` left implicit."""
    repo, tag = split_reference(ref)
    return repo if tag == "latest" else f"{repo}:{tag}"


def familiar(ref: str) -> str:
    """``REPO:TAG`` as docker prints a reference (``:latest`` written out)."""
    repo, tag = split_reference(ref)
    return f"{repo}:{tag}"


def reference_error(ref: str, library_name: bool) -> Optional[str]:
    """Why ``ref`` is not a valid ``NAME[:TAG]`` (docker/distribution reference.ParseNormalizedNamed),
    or None. ``library_name``: name the repository as normalised (28's words)."""
    if _reference().fullmatch(ref):
        return None
    repo, tag = split_reference(ref)
    if repo != repo.lower() and _reference().fullmatch(repo.lower() + (":" + tag if ":" in ref else "")):
        if library_name:
            shown = repo if "/" in repo else "library/" + repo
            return f"invalid reference format: repository name ({shown}) must be lowercase"
        return "invalid reference format: repository name must be lowercase"
    return "invalid reference format"


class ImageRow(Record, frozen=True, slots=True):
    """One line of ``docker images``: a reference of an image."""

    repository: str
    tag: str
    image: Image


def select(rows: list[ImageRow], filters: list[str]) -> list[ImageRow]:
    """``--filter``/``filters=`` of an image listing (a positional ``REPO[:TAG]`` is a ``reference``
    filter): ``reference`` matches ``REPO`` or ``REPO:TAG`` as Go's path.Match; ``dangling=true``
    finds nothing (every image here has a name). ValueError names a key the daemon does not know."""
    for f in filters:
        key, _, value = f.partition("=")
        if key == "reference":
            rows = [r for r in rows if fnmatch.fnmatchcase(r.repository, value)
                    or fnmatch.fnmatchcase(f"{r.repository}:{r.tag}", value)]
        elif key == "dangling":
            rows = [r for r in rows if value.lower() not in ("true", "1")]
        elif key not in ("label", "before", "since", "until"):
            raise ValueError(f"invalid filter '{key}'")
    return rows


def image_document(image: Image, refs: list[str]) -> dict[str, object]:
    """``GET /images/{name}/json``, the fields a scenario reads."""
    return {"Id": "sha256:" + image.id, "RepoTags": refs, "RepoDigests": [], "Parent": "", "Comment": "",
            "Created": "2024-01-01T00:00:00Z", "DockerVersion": "", "Author": "",
            "Config": {"Cmd": list(image.cmd), "ExposedPorts": {p: {} for p in image.exposed} or None,
                       "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
            "Architecture": "amd64", "Os": "linux", "Size": IMAGE_SIZE}
