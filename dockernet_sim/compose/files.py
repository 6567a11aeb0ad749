"""The files docker compose reads and the directory it runs in, apart from the model that
parses them: every terminal session holds one, and most never run ``docker compose``, so
starting a session must not load the Compose Specification's parser (see ``compose.model``)."""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Optional

__all__ = ["Files"]


class Files:
    """The files compose reads and the directory it runs in: files given in memory (a script's
    ``#! file`` blocks), else those ``reader`` finds (the interactive shell reads the real
    working directory), and the environment compose sees."""

    def __init__(self, cwd: str, contents: Optional[Mapping[str, str]] = None,
                 environ: Optional[Mapping[str, str]] = None,
                 reader: Optional[Callable[[str], Optional[str]]] = None) -> None:
        self.cwd = cwd.rstrip("/") or "/"
        self.contents: dict[str, str] = dict(contents or {})
        self.environ: dict[str, str] = dict(environ or {})
        self.reader = reader

    def with_environ(self, assignments: Iterable[str]) -> "Files":
        """The same files (written ones too) seen with ``NAME=VALUE`` ``assignments`` added to the
        environment: what a command started by a shell sees."""
        twin = Files(self.cwd, environ=self.environ, reader=self.reader)
        twin.contents = self.contents
        twin.environ.update(a.split("=", 1) for a in assignments if "=" in a)
        return twin

    def path(self, name: str) -> str:
        if name.startswith("/"):
            return name
        return f"{self.cwd}/{name}" if self.cwd != "/" else f"/{name}"

    def read(self, name: str) -> Optional[str]:
        path = self.path(name)
        if path in self.contents:
            return self.contents[path]
        return self.reader(path) if self.reader is not None else None

    def write(self, name: str, text: str) -> None:
        self.contents[self.path(name)] = text
