"""The shell's syntax tree: frozen values for words (literal text, parameters, command
substitutions), redirections, simple commands, groups, compound commands, pipelines, and-or
lists and scripts, and the ``ParseError`` the parser raises (its ``kind`` picks the message
each shell prints, see ``dialects``).
"""

from __future__ import annotations

from typing import Optional, Union

from ...records import Record

# how deep $( ), ( ), { }, ${ } and compound commands may nest: the parser and the runner recurse
# once per level, and Python's stack must hold it (bash dies of a stack overflow near 2,000
# nested `$(`, busybox has no limit)
MAX_NESTING = 64

class ParseError(Exception):
    """A syntax error. ``kind``: "token" (an unexpected ``token``), "eof" (the text ended in the
    middle of a command), "redirect" (a redirection without its word: bash names the newline,
    ash the end of the text), "quote" (``token`` is the unclosed quote), "paren" (``$(``
    without ``)``), "brace" (``${`` without ``}``), "subst" (a bad ``${…}``, ``token`` its
    text), "depth" (nested deeper than MAX_NESTING). ``line`` counts from 1."""

    def __init__(self, kind: str, token: str = "", line: int = 1, in_subst: bool = False) -> None:
        super().__init__(f"{kind} {token}")
        self.kind = kind
        self.token = token
        self.line = line
        self.in_subst = in_subst        # inside a $( … ): ash adds what it expects, bash exits 127


# -- the AST --------------------------------------------------------------------------------------


class Lit(Record, frozen=True):
    """Literal text; ``quoted`` text is not split into fields."""
    text: str
    quoted: bool


class Param(Record, frozen=True):
    """``$name``/``${name}``; ``op`` is "" or one of ``:- - := = :+ + :? ?`` with ``arg``, or
    "#" for ``${#name}``; ``bad`` holds the text of a ``${…}`` bash rejects when it expands it."""
    name: str
    quoted: bool
    op: str = ""
    arg: Optional["Word"] = None
    bad: str = ""


class Subst(Record, frozen=True):
    """``$(…)`` or a backquoted command."""
    body: "Script"
    quoted: bool


class Arith(Record, frozen=True):
    """``$((expr))``: ``expr`` is expanded as in double quotes, then evaluated."""
    expr: "Word"
    quoted: bool


Part = Union[Lit, Param, Subst, Arith]


class Word(Record, frozen=True):
    parts: tuple[Part, ...]

    @property
    def literal(self) -> Optional[str]:
        """The word's text when it is all unquoted literal text (reserved words, names)."""
        if all(isinstance(p, Lit) and not p.quoted for p in self.parts):
            return "".join(p.text for p in self.parts if isinstance(p, Lit))
        return None


class Redir(Record, frozen=True):
    fd: int            # the redirected descriptor
    op: str            # "<", ">", ">>", "<>", ">&", "<&", "&>"
    target: Word


class Simple(Record, frozen=True):
    assigns: tuple[tuple[str, Word], ...]
    words: tuple[Word, ...]
    redirs: tuple[Redir, ...]
    line: int


class Group(Record, frozen=True):
    """``( body )`` (``subshell``) or ``{ body; }``."""
    body: "Script"
    subshell: bool
    redirs: tuple[Redir, ...]


class If(Record, frozen=True):
    """``if c1; then b1; elif c2; then b2; else b3; fi``: branches (condition, body) in order."""
    branches: tuple[tuple["Script", "Script"], ...]
    orelse: Optional["Script"]
    redirs: tuple[Redir, ...]


class Loop(Record, frozen=True):
    """``while cond; do body; done`` (``until`` negates the condition)."""
    cond: "Script"
    body: "Script"
    until: bool
    redirs: tuple[Redir, ...]


class For(Record, frozen=True):
    """``for name [in words]; do body; done`` (no ``in``: the positional parameters, none here)."""
    name: str
    words: Optional[tuple[Word, ...]]
    body: "Script"
    redirs: tuple[Redir, ...]
    line: int


class Case(Record, frozen=True):
    """``case word in pat|pat) body;; … esac``: the first item with a matching pattern runs."""
    word: Word
    items: tuple[tuple[tuple[Word, ...], "Script"], ...]
    redirs: tuple[Redir, ...]


Command = Union[Simple, Group, If, Loop, For, Case]


class Pipeline(Record, frozen=True):
    commands: tuple[Command, ...]
    negate: bool


class AndOr(Record, frozen=True):
    first: Pipeline
    rest: tuple[tuple[str, Pipeline], ...]     # ("&&" | "||", pipeline)


class Script(Record, frozen=True):
    items: tuple[AndOr, ...]


# -- the parser -----------------------------------------------------------------------------------
