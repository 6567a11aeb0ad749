"""The shell's syntax tree: frozen values for words (literal text, parameters, command
substitutions), redirections, simple commands, groups, compound commands, pipelines, and-or
lists and scripts, and the ``ParseError`` the parser raises (its ``kind`` picks the message
each shell prints, see ``dialects``).
"""

from __future__ import annotations

from typing import Optional, Union

from ...records import dataclass

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


@dataclass(frozen=True)
class Lit:
    """Literal text; ``quoted`` text is not split into fields."""
    text: str
    quoted: bool


@dataclass(frozen=True)
class Param:
    """``$name``/``${name}``; ``op`` is "" or one of ``:- - := = :+ + :? ?`` with ``arg``, or
    "#" for ``${#name}``; ``bad`` holds the text of a ``${…}`` bash rejects when it expands it."""
    name: str
    quoted: bool
    op: str = ""
    arg: Optional["Word"] = None
    bad: str = ""


@dataclass(frozen=True)
class Subst:
    """``$(…)`` or a backquoted command."""
    body: "Script"
    quoted: bool


@dataclass(frozen=True)
class Arith:
    """``$((expr))``: ``expr`` is expanded as in double quotes, then evaluated."""
    expr: "Word"
    quoted: bool


Part = Union[Lit, Param, Subst, Arith]


@dataclass(frozen=True)
class Word:
    parts: tuple[Part, ...]

    @property
    def literal(self) -> Optional[str]:
        """The word's text when it is all unquoted literal text (reserved words, names)."""
        if all(isinstance(p, Lit) and not p.quoted for p in self.parts):
            return "".join(p.text for p in self.parts if isinstance(p, Lit))
        return None


@dataclass(frozen=True)
class Redir:
    fd: int            # the redirected descriptor
    op: str            # "<", ">", ">>", "<>", ">&", "<&", "&>"
    target: Word


@dataclass(frozen=True)
class Simple:
    assigns: tuple[tuple[str, Word], ...]
    words: tuple[Word, ...]
    redirs: tuple[Redir, ...]
    line: int


@dataclass(frozen=True)
class Group:
    """``( body )`` (``subshell``) or ``{ body; }``."""
    body: "Script"
    subshell: bool
    redirs: tuple[Redir, ...]


@dataclass(frozen=True)
class If:
    """``if c1; then b1; elif c2; then b2; else b3; fi``: branches (condition, body) in order."""
    branches: tuple[tuple["Script", "Script"], ...]
    orelse: Optional["Script"]
    redirs: tuple[Redir, ...]


@dataclass(frozen=True)
class Loop:
    """``while cond; do body; done`` (``until`` negates the condition)."""
    cond: "Script"
    body: "Script"
    until: bool
    redirs: tuple[Redir, ...]


@dataclass(frozen=True)
class For:
    """``for name [in words]; do body; done`` (no ``in``: the positional parameters, none here)."""
    name: str
    words: Optional[tuple[Word, ...]]
    body: "Script"
    redirs: tuple[Redir, ...]
    line: int


@dataclass(frozen=True)
class Case:
    """``case word in pat|pat) body;; … esac``: the first item with a matching pattern runs."""
    word: Word
    items: tuple[tuple[tuple[Word, ...], "Script"], ...]
    redirs: tuple[Redir, ...]


Command = Union[Simple, Group, If, Loop, For, Case]


@dataclass(frozen=True)
class Pipeline:
    commands: tuple[Command, ...]
    negate: bool


@dataclass(frozen=True)
class AndOr:
    first: Pipeline
    rest: tuple[tuple[str, Pipeline], ...]     # ("&&" | "||", pipeline)


@dataclass(frozen=True)
class Script:
    items: tuple[AndOr, ...]


# -- the parser -----------------------------------------------------------------------------------
