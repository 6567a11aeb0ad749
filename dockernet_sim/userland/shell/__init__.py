"""One POSIX shell for every command line: the host's terminal (an interactive GNU bash 5.2),
``bash -c`` in the oracle's iproute2 image and ``sh -c`` in busybox images (busybox ash 1.35).

One grammar and one runner; the three shells differ only in the words of their messages
(``dialects``). Modules, imports pointing down the list::

    nodes     the syntax tree and ParseError
    lexer     token recognition: operators, words, quotes, expansions
    parser    the grammar, one complete command at a time
    dialects  the words of bash -i, bash -c and busybox ash
    system    what the shell asks of its caller: Programs (a table), Files, Sink
    builtin   echo, true, false, :, exit, cd, pwd, export, unset, read, break, continue
    conditional  test and [
    arith     $((…))
    fields    field splitting, case patterns
    runner    Shell: runs the tree

>>> from dockernet_sim.userland.shell import BASH_INTERACTIVE, ProgramTable, Shell
>>> Shell(BASH_INTERACTIVE, ProgramTable({})).run("docker network rm x || echo fallback")
$ (exit 0)
bash: docker: command not found
fallback
"""

from __future__ import annotations

from .dialects import BASH_C, BASH_INTERACTIVE, Dialect, ash
from .nodes import MAX_NESTING, ParseError
from .parser import Parser, parse_all
from .runner import Shell
from .system import Files, Invocation, Program, ProgramTable, Programs, Sink

__all__ = ["BASH_C", "BASH_INTERACTIVE", "Dialect", "Files", "Invocation", "MAX_NESTING", "ParseError", "Parser", "Sink",
           "Program", "ProgramTable", "Programs", "Shell", "ash", "parse_all"]
