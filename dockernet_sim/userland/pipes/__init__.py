"""The text filters people pipe docker output into, as Debian bookworm prints them.

GNU grep 3.8 (BRE/ERE translated to Python ``re``), GNU coreutils head, tail,
wc, sort, uniq, cut, cat (C.UTF-8 locale: byte order, ‘’ quotes in messages),
mawk's ``{print $N}`` programs, and jq 1.6's path filters and pretty printer.
Each takes the argument vector and standard input and returns
``(stdout, stderr, exit_code)``; an unknown program is bash's
``command not found`` (127).  Nothing here raises on bad input.

>>> run_filter(["grep", "-i", "ipaddress"], '"IPAddress": "172.17.0.2",\\n"Gateway": ""\\n')
('"IPAddress": "172.17.0.2",\\n', '', 0)

One module per tool (imports point down this list)::

    common     Result, line splitting, getopt-style option parsing
    regex      GNU BRE/ERE -> Python re
    grep       grep
    coreutils  head, tail, wc, sort, uniq, cut, cat
    awk        mawk's print programs
    jq_parse   jq's lexer and parser
    jq_values  jq's types, number/string printing, ordering
    jq_eval    jq's evaluator and builtins
    jq         the jq command
    filters    FILTERS and run_filter
"""

from __future__ import annotations

from typing import Any

from .filters import FILTERS, run_filter

__all__ = ["FILTERS", "run_filter"]


def __getattr__(name: str) -> Any:
    """``run_jq``, ``posix_to_python`` and ``Result`` from their modules, on first use."""
    if name == "run_jq":
        from .jq import run_jq
        return run_jq
    if name == "posix_to_python":
        from .regex import posix_to_python
        return posix_to_python
    if name == "Result":
        from .common import Result
        return Result
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
