"""The filter table and ``run_filter``: one pipeline stage, by program name.

Mirrors how bash runs a stage: ``argv[0]`` (or its basename for ``/usr/bin/x``) picks the
program; an unknown one is ``bash: x: command not found`` (127).
"""

from __future__ import annotations

from typing import Callable, TYPE_CHECKING

from .awk import _awk
from .coreutils import _cat, _cut, _head, _sort, _tail, _uniq, _wc
from .grep import _grep
from .jq import run_jq

if TYPE_CHECKING:
    from .common import Result


FILTERS: dict[str, Callable[[list[str], str], Result]] = {
    "grep": _grep,
    "head": _head,
    "tail": _tail,
    "wc": _wc,
    "sort": _sort,
    "uniq": _uniq,
    "cut": _cut,
    "cat": _cat,
    "awk": _awk,
    "mawk": _awk,
    "jq": run_jq,
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
