"""The outcome of one command line: standard output, standard error and the exit code.

>>> Result("ok\\n", "", 0)
$ (exit 0)
ok
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Result:
    stdout: str = ""
    stderr: str = ""
    exit_code: int = 0
    command: str = ""

    def __repr__(self) -> str:
        head = f"$ {self.command}" if self.command else "$"
        body = self.stdout + self.stderr
        tail = "" if self.exit_code == 0 else f"[exit {self.exit_code}]\n"
        if self.command:
            return f"{head}\n{body}{tail}".rstrip("\n")
        return f"{head} (exit {self.exit_code})\n{body}".rstrip("\n")

    def _repr_html_(self) -> str:
        """A terminal block in a notebook: monospace, the command, output, errors in red, and the
        exit code (green 0, red otherwise) on its own line."""
        import html
        colour = "#86efac" if self.exit_code == 0 else "#fca5a5"
        return ("<pre class='dn-result' style='background:#111;color:#ddd;padding:6px;white-space:pre;"
                "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace'>"
                + html.escape(f"$ {self.command}\n" if self.command else "")
                + html.escape(self.stdout)
                + (f"<span style='color:#f66'>{html.escape(self.stderr)}</span>" if self.stderr else "")
                + f"<span class='dn-exit' style='color:{colour}'>[exit {self.exit_code}]</span>"
                + "</pre>")

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    def json(self) -> dict[str, object]:
        return {"command": self.command, "stdout": self.stdout, "stderr": self.stderr, "exit_code": self.exit_code}
