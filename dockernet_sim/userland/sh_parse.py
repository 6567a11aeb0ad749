"""The POSIX shell's grammar (XCU 2.3 token recognition, 2.10 grammar) as bash 5.2 and busybox
ash 1.35 read a command line: a text becomes an AST of frozen values, one complete command
(up to a newline) at a time, so that the lines before a syntax error run as they do in both
shells.

What is read: lists joined by ``;``/``&``/newlines, ``&&``/``||`` lists, pipelines with ``!``,
``( … )`` subshells and ``{ …; }`` groups, simple commands with ``NAME=value`` prefixes and
redirections (``<``, ``>``, ``>>``, ``>|``, ``<>``, ``N>&M``, ``&>``), words with single and
double quotes, backslashes, ``$NAME``/``${NAME}``/``${#NAME}``/``${NAME:-word}`` (and ``-``,
``=``, ``+``, ``?`` with or without ``:``), the special parameters, ``$(…)`` and backquotes,
``~`` and comments. Command substitutions, groups and ``${…}`` words nest at most
``MAX_NESTING`` deep; deeper text is a ``ParseError`` of kind ``"depth"`` (bash itself runs out
of stack near 2,000 levels and dies with SIGSEGV, busybox has no limit).

>>> parse_all("echo a && echo b")[0].items[0].rest[0][0]
'&&'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Union

MAX_NESTING = 64

_LitAdder = Callable[[str, bool], None]      # appends literal text (quoted or not) to a word

_BLANKS = " \t"
_OP_CHARS = ";&|()<>"
_SPECIAL_PARAMS = "?#$!@*-0123456789"
# words that end or continue a compound command: a syntax error where a command should start
_CLOSERS = frozenset(("}", "then", "else", "elif", "fi", "do", "done", "esac"))


class ParseError(Exception):
    """A syntax error. ``kind``: "token" (an unexpected ``token``), "eof" (the text ended in the
    middle of a command), "redirect" (a redirection without its word: bash names the newline,
    ash the end of the text), "quote" (``token`` is the unclosed quote), "paren" (``$(``
    without ``)``), "brace" (``${`` without ``}``), "subst" (a bad ``${…}``, ``token`` its
    text), "depth" (nested deeper than MAX_NESTING). ``line`` counts from 1."""

    def __init__(self, kind: str, token: str = "", line: int = 1) -> None:
        super().__init__(f"{kind} {token}")
        self.kind = kind
        self.token = token
        self.line = line


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


Part = Union[Lit, Param, Subst]


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


Command = Union[Simple, Group]


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


class Parser:
    """Reads ``text`` from the start; ``next_command()`` returns one complete command at a time.
    ``ash`` makes a bad ``${…}`` a syntax error at once, as busybox does (bash reports it when
    the word expands)."""

    def __init__(self, text: str, ash: bool = False, depth: int = 0, line: int = 1) -> None:
        self.s = text
        self.i = 0
        self.ash = ash
        self.depth = depth
        self.line = line

    # -- characters
    def _peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def _error(self, kind: str, token: str = "") -> ParseError:
        return ParseError(kind, token, self.line)

    def _skip_blanks(self) -> None:
        """Blanks, backslash-newlines and a comment up to (not including) the newline."""
        s = self.s
        while self.i < len(s):
            ch = s[self.i]
            if ch in _BLANKS:
                self.i += 1
            elif ch == "\\" and self._peek(1) == "\n":
                self.i += 2
                self.line += 1
            elif ch == "#":
                j = s.find("\n", self.i)
                self.i = len(s) if j < 0 else j
            else:
                return

    def _skip_linebreaks(self) -> None:
        while True:
            self._skip_blanks()
            if self._peek() != "\n":
                return
            self.i += 1
            self.line += 1

    def _op(self) -> str:
        """The operator at the cursor ("" if none, "\\n" for a newline)."""
        s, i = self.s, self.i
        if i >= len(s):
            return ""
        ch = s[i]
        if ch == "\n":
            return "\n"
        if ch not in _OP_CHARS:
            return ""
        two = s[i:i + 2]
        if two in ("&&", "||", ";;", ">>", "<&", ">&", "<>", ">|", "&>", "<<"):
            return two
        return ch

    def _token_name(self) -> str:
        """What bash calls the token at the cursor in a syntax error."""
        op = self._op()
        if op == "\n":
            return "newline"
        if op:
            return op
        w = self._word_text()
        return w

    def _word_text(self) -> str:
        j = self.i
        while j < len(self.s) and self.s[j] not in _BLANKS + _OP_CHARS + "\n":
            j += 1
        return self.s[self.i:j]

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self._error("depth", str(MAX_NESTING))

    # -- lists
    def next_command(self) -> Optional[Script]:
        """The next complete command (a list ended by a newline or the end), None at the end."""
        self._skip_linebreaks()
        if self.i >= len(self.s):
            return None
        return self._list(top=True, end="")

    def _list(self, top: bool, end: str) -> Script:
        """An and-or list sequence; ``end`` is ")" or "}" inside a subshell, group or ``$(``."""
        items: list[AndOr] = []
        while True:
            if top:
                self._skip_blanks()
            else:
                self._skip_linebreaks()
            if self.i >= len(self.s):
                if end:
                    raise self._error("paren" if end == ")" else "eof", end)
                break
            if top and self._op() == "\n":
                self.i += 1
                self.line += 1
                break
            if end == ")" and self._op() == ")":
                break
            if end == "}" and self._word_text() == "}" and items:
                break
            items.append(self._and_or())
            self._skip_blanks()
            op = self._op()
            if op in (";", "&"):
                self.i += 1
            elif op == "\n" or not op:
                continue
            elif end and op == ")":
                continue
            else:
                raise self._error("token", op)
        return Script(tuple(items))

    def _and_or(self) -> AndOr:
        first = self._pipeline()
        rest: list[tuple[str, Pipeline]] = []
        while True:
            self._skip_blanks()
            op = self._op()
            if op not in ("&&", "||"):
                return AndOr(first, tuple(rest))
            self.i += 2
            self._skip_linebreaks()
            rest.append((op, self._pipeline()))

    def _pipeline(self) -> Pipeline:
        self._skip_blanks()
        negate = False
        while self._word_text() == "!" and not (negate and self.ash):   # bash takes `! !`, ash does not
            negate = not negate
            self.i += 1
            self._skip_blanks()
        cmds = [self._command()]
        while True:
            self._skip_blanks()
            if self._op() != "|":
                return Pipeline(tuple(cmds), negate)
            self.i += 1
            self._skip_linebreaks()
            cmds.append(self._command())

    def _command(self) -> Command:
        self._skip_blanks()
        if self.i >= len(self.s):
            raise self._error("eof")
        op = self._op()
        if op == "(":
            self.i += 1
            self._enter()
            body = self._list(top=False, end=")")
            if not body.items:
                raise self._error("token", ")")
            self.i += 1
            self.depth -= 1
            return Group(body, True, self._redirs_after())
        word = self._word_text()
        if not op and word == "{":
            self.i += 1
            self._enter()
            body = self._list(top=False, end="}")
            self._skip_linebreaks()
            if self._word_text() != "}":
                raise self._error("eof") if self.i >= len(self.s) else self._error("token", self._token_name())
            self.i += 1
            self.depth -= 1
            return Group(body, False, self._redirs_after())
        if not op and (word in _CLOSERS or word == "!"):
            raise self._error("token", word)
        return self._simple()

    def _redirs_after(self) -> tuple[Redir, ...]:
        redirs: list[Redir] = []
        while True:
            self._skip_blanks()
            r = self._redir()
            if r is None:
                op = self._op()
                if op in ("", "\n", ";", "&", "|", "&&", "||", ")", ";;"):
                    return tuple(redirs)
                raise self._error("token", self._token_name())
            redirs.append(r)

    def _redir(self) -> Optional[Redir]:
        """A redirection at the cursor (with an IO_NUMBER prefix), or None."""
        j = self.i
        while j < len(self.s) and self.s[j].isdigit():
            j += 1
        fd: Optional[int] = None
        if j > self.i and j < len(self.s) and self.s[j] in "<>":
            fd = int(self.s[self.i:j])
        save = self.i
        self.i = j if fd is not None else self.i
        op = self._op()
        if op not in ("<", ">", ">>", ">|", "<>", ">&", "<&", "&>", "<<"):
            self.i = save
            return None
        self.i += len(op)
        self._skip_blanks()
        nxt = self._op()
        if self.i >= len(self.s) or nxt == "\n":
            raise self._error("redirect")
        if nxt:
            raise self._error("token", nxt)
        target = self._word()
        assert target is not None
        if op == ">|":
            op = ">"
        return Redir(fd if fd is not None else (0 if op[0] == "<" else 1), op, target)

    def _simple(self) -> Simple:
        line = self.line
        assigns: list[tuple[str, Word]] = []
        words: list[Word] = []
        redirs: list[Redir] = []
        while True:
            self._skip_blanks()
            r = self._redir()
            if r is not None:
                redirs.append(r)
                continue
            op = self._op()
            if op == "(" and (words or assigns):
                raise self._error("token", "(" if not words else self._after_paren())
            if op or self.i >= len(self.s):
                break
            start = self.i
            w = self._word()
            assert w is not None
            if not words and _assignment(self.s[start:self.i]):
                name, _, _ = self.s[start:self.i].partition("=")
                assigns.append((name, _strip_name(w, len(name) + 1)))
            else:
                words.append(w)
        if not (words or assigns or redirs):
            if self.i >= len(self.s):
                raise self._error("eof")
            raise self._error("token", self._token_name())
        return Simple(tuple(assigns), tuple(words), tuple(redirs), line)

    def _after_paren(self) -> str:
        # bash: `echo a (b)` is an error near the word after "("
        save = self.i
        self.i += 1
        self._skip_blanks()
        tok = self._token_name() or "newline"
        self.i = save
        return tok

    # -- words
    def _word(self) -> Optional[Word]:
        parts: list[Part] = []
        s = self.s
        start = self.i

        def lit(text: str, quoted: bool) -> None:
            if parts and isinstance(parts[-1], Lit) and parts[-1].quoted == quoted:
                parts[-1] = Lit(parts[-1].text + text, quoted)
            else:
                parts.append(Lit(text, quoted))

        while self.i < len(s):
            ch = s[self.i]
            if ch in _BLANKS or ch in _OP_CHARS or ch == "\n":
                break
            if ch == "'":
                j = s.find("'", self.i + 1)
                if j < 0:
                    raise self._error("quote", "'")
                lit(s[self.i + 1:j], True)
                self.line += s.count("\n", self.i, j)
                self.i = j + 1
            elif ch == '"':
                self.i += 1
                self._double(parts, lit)
            elif ch == "\\":
                nxt = self._peek(1)
                if nxt == "\n":
                    self.line += 1
                elif nxt:
                    lit(nxt, True)
                else:
                    lit("\\", False)
                self.i += 2
            elif ch == "$":
                self._dollar(parts, lit, quoted=False)
            elif ch == "`":
                parts.append(self._backquote(quoted=False))
            elif ch == "~" and self.i == start:
                j = self.i + 1
                while j < len(s) and s[j] not in _BLANKS + _OP_CHARS + "\n/":
                    j += 1
                if j == self.i + 1:
                    parts.append(Param("HOME", True))
                else:
                    lit(s[self.i:j], False)
                self.i = j
            else:
                j = self.i
                while j < len(s) and s[j] not in _BLANKS + _OP_CHARS + "\n'\"\\$`":
                    j += 1
                lit(s[self.i:j], False)
                self.i = j
        if self.i == start:
            return None
        return Word(tuple(parts))

    def _double(self, parts: list[Part], lit: _LitAdder) -> None:
        s = self.s
        lit("", True)                       # "" is a (quoted, empty) word
        while True:
            if self.i >= len(s):
                raise self._error("quote", '"')
            ch = s[self.i]
            if ch == '"':
                self.i += 1
                return
            if ch == "\\":
                nxt = self._peek(1)
                if nxt in ('$', '`', '"', '\\'):
                    lit(nxt, True)
                    self.i += 2
                    continue
                if nxt == "\n":
                    self.i += 2
                    self.line += 1
                    continue
                lit("\\", True)
                self.i += 1
            elif ch == "$":
                self._dollar(parts, lit, quoted=True)
            elif ch == "`":
                parts.append(self._backquote(quoted=True))
            else:
                if ch == "\n":
                    self.line += 1
                lit(ch, True)
                self.i += 1

    def _dollar(self, parts: list[Part], lit: _LitAdder, quoted: bool) -> None:
        s = self.s
        nxt = self._peek(1)
        if nxt == "(":
            self.i += 2
            self._enter()
            body = self._list(top=False, end=")")
            self.i += 1
            self.depth -= 1
            parts.append(Subst(body, quoted))
        elif nxt == "{":
            self.i += 2
            parts.append(self._braced(quoted))
        elif nxt and nxt in _SPECIAL_PARAMS:
            parts.append(Param(nxt, quoted))
            self.i += 2
        elif nxt and (nxt.isalpha() or nxt == "_"):
            j = self.i + 1
            while j < len(s) and (s[j].isalnum() or s[j] == "_"):
                j += 1
            parts.append(Param(s[self.i + 1:j], quoted))
            self.i = j
        else:
            lit("$", quoted)
            self.i += 1

    def _braced(self, quoted: bool) -> Param:
        """``${…}`` after its ``${``."""
        s = self.s
        start = self.i - 2
        length = False
        if self._peek() == "#" and self._peek(1) not in ("}", ""):
            length = True
            self.i += 1
        j = self.i
        if j < len(s) and s[j] in _SPECIAL_PARAMS:
            j += 1
        else:
            while j < len(s) and (s[j].isalnum() or s[j] == "_"):
                j += 1
        name = s[self.i:j]
        if name and name[0].isdigit() and j < len(s) and s[j].isalnum():
            name = ""                      # ${1a}
        self.i = j
        if name and self._peek() == "}":
            self.i += 1
            return Param(name, quoted, "#" if length else "")
        for op in (":-", ":=", ":+", ":?", "-", "=", "+", "?"):
            if name and not length and s.startswith(op, self.i):
                self.i += len(op)
                self._enter()
                arg = self._param_word()
                self.depth -= 1
                return Param(name, quoted, op, arg)
        # a bad substitution: the text up to the closing brace
        k = s.find("}", self.i)
        if k < 0:
            raise self._error("brace", "}")
        if self.ash:
            raise self._error("subst", s[start:k + 1])
        self.i = k + 1
        return Param("", quoted, bad=s[start:k + 1])

    def _param_word(self) -> Word:
        """The word of ``${name:-word}`` up to the closing brace (quotes and expansions inside)."""
        parts: list[Part] = []
        s = self.s

        def lit(text: str, quoted: bool) -> None:
            if parts and isinstance(parts[-1], Lit) and parts[-1].quoted == quoted:
                parts[-1] = Lit(parts[-1].text + text, quoted)
            else:
                parts.append(Lit(text, quoted))

        while True:
            if self.i >= len(s):
                raise self._error("brace", "}")
            ch = s[self.i]
            if ch == "}":
                self.i += 1
                return Word(tuple(parts))
            if ch == "'":
                j = s.find("'", self.i + 1)
                if j < 0:
                    raise self._error("quote", "'")
                lit(s[self.i + 1:j], True)
                self.i = j + 1
            elif ch == '"':
                self.i += 1
                self._double(parts, lit)
            elif ch == "\\" and self._peek(1):
                lit(self._peek(1), True)
                self.i += 2
            elif ch == "$":
                self._dollar(parts, lit, quoted=False)
            elif ch == "`":
                parts.append(self._backquote(quoted=False))
            else:
                if ch == "\n":
                    self.line += 1
                lit(ch, False)
                self.i += 1

    def _backquote(self, quoted: bool) -> Subst:
        s = self.s
        j = self.i + 1
        body = ""
        while True:
            if j >= len(s):
                raise self._error("quote", "`")
            ch = s[j]
            if ch == "`":
                break
            if ch == "\\" and j + 1 < len(s) and s[j + 1] in "$`\\":
                body += s[j + 1]
                j += 2
                continue
            body += ch
            j += 1
        self.i = j + 1
        self._enter()
        sub = Parser(body, self.ash, self.depth, self.line)
        items: list[AndOr] = []
        while True:
            cmd = sub.next_command()
            if cmd is None:
                break
            items.extend(cmd.items)
        self.depth -= 1
        return Subst(Script(tuple(items)), quoted)


def _assignment(text: str) -> bool:
    name, eq, _ = text.partition("=")
    return bool(eq) and bool(name) and (name[0].isalpha() or name[0] == "_") and \
        all(c.isalnum() or c == "_" for c in name)


def _strip_name(w: Word, n: int) -> Word:
    """The value word of an assignment: ``w`` without its first ``n`` (literal) characters."""
    first = w.parts[0]
    assert isinstance(first, Lit) and not first.quoted and len(first.text) >= n
    rest = first.text[n:]
    return Word(((Lit(rest, False),) if rest else ()) + w.parts[1:])


def parse_all(text: str, ash: bool = False) -> list[Script]:
    """Every complete command of ``text`` (raises ParseError at the first syntax error)."""
    p = Parser(text, ash)
    out: list[Script] = []
    while True:
        cmd = p.next_command()
        if cmd is None:
            return out
        out.append(cmd)
