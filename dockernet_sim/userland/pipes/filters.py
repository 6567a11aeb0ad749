"""The filter table and ``run_filter``: one pipeline stage, by program name.

Mirrors how bash runs a stage: ``argv[0]`` (or its basename for ``/usr/bin/x``) picks the
program; an unknown one is ``bash: x: command not found`` (127).
"""

from __future__ import annotations

import importlib
from typing import Callable, TYPE_CHECKING

if TYPE_CHECKING:
    from .common import Result


class _OnFirstUse:
    """A tool whose module is imported when a pipeline first runs it: a session that never pipes
    into jq or awk does not pay for their parsers at start-up (issue 15)."""

    __slots__ = ("module", "function")

    def __init__(self, module: str, function: str) -> None:
        self.module, self.function = module, function

    def __call__(self, argv: list[str], stdin: str) -> Result:
        tool: Callable[[list[str], str], Result] = getattr(
            importlib.import_module(f"{__package__}.{self.module}"), self.function)
        return tool(argv, stdin)


FILTERS: dict[str, Callable[[list[str], str], Result]] = {
    "grep": _OnFirstUse("grep", "_grep"),
    "head": _OnFirstUse("coreutils", "_head"),
    "tail": _OnFirstUse("coreutils", "_tail"),
    "wc": _OnFirstUse("coreutils", "_wc"),
    "sort": _OnFirstUse("coreutils", "_sort"),
    "uniq": _OnFirstUse("coreutils", "_uniq"),
    "cut": _OnFirstUse("coreutils", "_cut"),
    "cat": _OnFirstUse("coreutils", "_cat"),
    "awk": _OnFirstUse("awk", "_awk"),
    "mawk": _OnFirstUse("awk", "_awk"),
    "jq": _OnFirstUse("jq", "run_jq"),
}


def run_filter(argv: list[str], stdin: str) -> Result:
    """Run one pipeline stage: ``argv[0]`` is the program.

    >>> run_filter(["head", "-n", "1"], "a\\nb\\n")
    ('a\\n', '', 0)
    >>> run_filter(["nosuch"], "")
    ('', 'bash: nosuch: command not found\\n', 127)
    """
    if not argv:
        return stdin, "", 0
    prog = argv[0]
    fn = FILTERS.get(prog.rsplit("/", 1)[-1] if prog.startswith("/") else prog)
    if fn is None:
        return "", f"bash: {prog}: command not found\n", 127
    try:
        return fn(list(argv[1:]), stdin)
    except RecursionError:
        return "", f"{prog}: input too deeply nested\n", 2
