"""What the shell asks of the system around it: the programs it can start (a table the caller
fills in — the terminal's has ``docker`` and the host tools, a container's its image's
applets — so the shell knows nothing of Docker) and the files it reads for ``<`` and checks
for ``cd`` and ``>``, and writes for ``>`` and ``>>`` where it keeps files.
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, Protocol

from ...records import Record
from ...result import Result


class Invocation(Record, frozen=True):
    """What a program is started with."""
    argv: tuple[str, ...]
    stdin: Optional[str]          # None: nothing redirected or piped in
    cwd: str
    env: tuple[str, ...]


Program = Callable[[Invocation], Result]


class Programs(Protocol):
    def find(self, name: str) -> Optional[Program]:
        """The program ``name`` (as typed: ``ip`` or ``/sbin/ip``) runs, or None: not found."""


class ProgramTable(Record, frozen=True):
    """Programs by name; ``/usr/bin/x`` finds ``x``."""
    entries: Mapping[str, Program]

    def find(self, name: str) -> Optional[Program]:
        return self.entries.get(name.rsplit("/", 1)[-1] if name.startswith("/") else name)


class Sink(Record, frozen=True):
    """A file a redirection opens for writing that the system keeps (the host's ``/proc/sys``):
    ``error`` is why it could not be opened ("" when it was), ``write`` takes what the command
    wrote and returns "" or why the write failed (``Invalid argument``)."""
    error: str
    write: Callable[[str], str]


class Files(Record, frozen=True):
    """What the shell asks of the file system: a file's content (None: no such file),
    whether a directory exists (for ``cd`` and ``>`` targets) and what to say of a write it
    cannot keep."""
    read: Callable[[str], Optional[str]] = lambda path: None
    is_dir: Callable[[str], bool] = lambda path: path == "/"
    # what the shell says when a redirection would write a file the simulator cannot keep (a
    # container's writable layer is not modelled), or None: the output goes nowhere, silently
    unkept: Callable[[str], Optional[str]] = lambda path: None
    # a redirection's write (path, text, append): None when written, else the errno's text; None:
    # this system keeps no file a shell writes (the output goes nowhere)
    write: Optional[Callable[[str, str, bool], Optional[str]]] = None
    # a file whose writes the system keeps, or None: written nowhere (see ``unkept``)
    sink: Callable[[str], Optional[Sink]] = lambda path: None


class FileSink(Record, frozen=True):
    """Where a redirected descriptor writes: the file at ``path`` (appended to: the redirection
    itself created or truncated it)."""
    path: str

