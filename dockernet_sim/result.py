"""The outcome of one command line: standard output, standard error and the exit code.

>>> Result("ok\\n", "", 0)
$ (exit 0)
ok
"""

from __future__ import annotations

from .records import Record, field


class Result(Record, slots=True):
    stdout: str = ""
    stderr: str = ""
    exit_code: int = 0
    command: str = ""
    # (fd, text) in the order a shell's commands wrote them, when a shell ran the line
    chunks: tuple[tuple[int, str], ...] = field(default=(), compare=False, repr=False)

    def streams(self) -> tuple[tuple[int, str], ...]:
        """Both streams as a terminal shows them: ``(1, text)`` and ``(2, text)`` in the order they
        were written (a single program's output first, then its errors)."""
        if self.chunks and "".join(t for fd, t in self.chunks if fd == 1) == self.stdout \
                and "".join(t for fd, t in self.chunks if fd == 2) == self.stderr:
            return self.chunks
        return tuple((fd, t) for fd, t in ((1, self.stdout), (2, self.stderr)) if t)

    def __repr__(self) -> str:
        head = f"$ {self.command}" if self.command else "$"
        body = "".join(t for _, t in self.streams())
        tail = "" if self.exit_code == 0 else f"[exit {self.exit_code}]\n"
        if self.command:
            return f"{head}\n{body}{tail}".rstrip("\n")
        return f"{head} (exit {self.exit_code})\n{body}".rstrip("\n")

    def _repr_html_(self) -> str:
        """As a terminal shows it: prompt and command, output, errors in red."""
        from .notebook import result_html       # a notebook's: not loaded by a terminal (issue 15)
        return result_html(self)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    def json(self) -> dict[str, object]:
        return {"command": self.command, "stdout": self.stdout, "stderr": self.stderr, "exit_code": self.exit_code}
