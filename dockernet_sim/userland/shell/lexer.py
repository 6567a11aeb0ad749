"""The shell's token recognition (POSIX XCU 2.3): blanks, comments, line continuations,
operators, and words with their quoting and expansions — single and double quotes, backslashes,
``$NAME``, ``${NAME}``, ``${#NAME}``, ``${NAME:-word}`` (``-``, ``=``, ``+``, ``?``, with or
without ``:``), the special parameters, ``$(…)``, ``$((…))``, backquotes and ``~``. A ``$(`` hands the text
back to the grammar (``Parser``, which extends this class) for the commands inside.
"""

from __future__ import annotations

from typing import Optional

from .nodes import MAX_NESTING, Arith, Lit, Param, ParseError, Part, Script, Subst, Word

BLANKS = " \t"
OP_CHARS = ";&|()<>"
_SPECIAL_PARAMS = "?#$!@*-0123456789"
# the characters that end a word's plain text (a blank, an operator, a newline, a quote or an
# expansion), a word's text as a syntax error names it, and the text of a ``~`` prefix
_PLAIN_ENDS = frozenset(BLANKS + OP_CHARS + "\n'\"\\$`")
_WORD_ENDS = frozenset(BLANKS + OP_CHARS + "\n")
_TILDE_ENDS = frozenset(BLANKS + OP_CHARS + "\n/")


class _Parts:
    """A word's parts as they are read; adjacent literal text of one kind joins into one Lit
    (collected in a list and joined once: a word of many escapes costs its length)."""

    def __init__(self, all_quoted: bool = False) -> None:
        self.parts: list[Part] = []
        self.buf: list[str] = []
        self.quoted: Optional[bool] = None
        self.all_quoted = all_quoted          # $((…)): every character as in double quotes

    def lit(self, text: str, quoted: bool) -> None:
        quoted = quoted or self.all_quoted
        if self.quoted is not None and self.quoted != quoted:
            self._flush()
        self.quoted = quoted
        self.buf.append(text)

    def add(self, part: Part) -> None:
        self._flush()
        self.parts.append(part)

    def _flush(self) -> None:
        if self.quoted is not None:
            self.parts.append(Lit("".join(self.buf), self.quoted))
        self.buf, self.quoted = [], None

    def word(self) -> Word:
        self._flush()
        return Word(tuple(self.parts))


class Lexer:
    """The text and a cursor into it; ``ash`` makes a bad ``${…}`` a syntax error at once, as
    busybox does (bash reports it when the word expands)."""

    def __init__(self, text: str, ash: bool = False, depth: int = 0, line: int = 1) -> None:
        self.s = text
        self.i = 0
        self.ash = ash
        self.depth = depth
        self.line = line
        self.substs = 0                  # how many $( the cursor is in

    # -- characters
    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def error(self, kind: str, token: str = "") -> ParseError:
        return ParseError(kind, token, self.line, in_subst=self.substs > 0)

    def skip_blanks(self) -> None:
        """Blanks, backslash-newlines and a comment up to (not including) the newline."""
        s = self.s
        while self.i < len(s):
            ch = s[self.i]
            if ch in BLANKS:
                self.i += 1
            elif ch == "\\" and self.peek(1) == "\n":
                self.i += 2
                self.line += 1
            elif ch == "#":
                j = s.find("\n", self.i)
                self.i = len(s) if j < 0 else j
            else:
                return

    def skip_linebreaks(self) -> None:
        while True:
            self.skip_blanks()
            if self.peek() != "\n":
                return
            self.i += 1
            self.line += 1

    def op(self) -> str:
        """The operator at the cursor ("" if none, "\\n" for a newline)."""
        s, i = self.s, self.i
        if i >= len(s):
            return ""
        ch = s[i]
        if ch == "\n":
            return "\n"
        if ch not in OP_CHARS:
            return ""
        two = s[i:i + 2]
        if two in ("&&", "||", ";;", ">>", "<&", ">&", "<>", ">|", "&>", "<<"):
            return two
        return ch

    def token_name(self) -> str:
        """What bash calls the token at the cursor in a syntax error."""
        op = self.op()
        if op == "\n":
            return "newline"
        if op:
            return op
        w = self.word_text()
        return w

    def word_text(self) -> str:
        j = self.i
        while j < len(self.s) and self.s[j] not in _WORD_ENDS:
            j += 1
        return self.s[self.i:j]

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.error("depth", str(MAX_NESTING))


    def subst_body(self) -> Script:
        """The commands of a ``$(…)`` up to (not past) its ``)``: the grammar's part."""
        raise NotImplementedError

    def backquoted(self, text: str) -> Script:
        """The commands of a backquoted text (its own parse, one level deeper)."""
        raise NotImplementedError

    # -- words
    def word(self) -> Optional[Word]:
        s = self.s
        start = self.i
        # a word of plain text only (most words): read at once, as the loop below reads it
        j, n = start, len(s)
        while j < n and s[j] not in _PLAIN_ENDS:
            j += 1
        if j > start and (j == n or s[j] in _WORD_ENDS) and s[start] != "~":
            self.i = j
            return Word((Lit(s[start:j], False),))
        w = _Parts()
        while self.i < len(s):
            ch = s[self.i]
            if ch in BLANKS or ch in OP_CHARS or ch == "\n":
                break
            if ch == "'":
                j = s.find("'", self.i + 1)
                if j < 0:
                    raise self.error("quote", "'")
                w.lit(s[self.i + 1:j], True)
                self.line += s.count("\n", self.i, j)
                self.i = j + 1
            elif ch == '"':
                self.i += 1
                self._double(w)
            elif ch == "\\":
                nxt = self.peek(1)
                if nxt == "\n":
                    self.line += 1
                elif nxt:
                    w.lit(nxt, True)
                else:
                    w.lit("\\", False)
                self.i += 2
            elif ch == "$":
                self._dollar(w, quoted=False)
            elif ch == "`":
                w.add(self._backquote(quoted=False))
            elif ch == "~" and self.i == start:
                j = self.i + 1
                while j < len(s) and s[j] not in _TILDE_ENDS:
                    j += 1
                if j == self.i + 1:
                    w.add(Param("HOME", True))
                else:
                    w.lit(s[self.i:j], False)
                self.i = j
            else:
                j = self.i
                while j < len(s) and s[j] not in _PLAIN_ENDS:
                    j += 1
                w.lit(s[self.i:j], False)
                self.i = j
        if self.i == start:
            return None
        return w.word()

    def _double(self, w: "_Parts") -> None:
        s = self.s
        w.lit("", True)                       # "" is a (quoted, empty) word
        while True:
            if self.i >= len(s):
                raise self.error("quote", '"')
            ch = s[self.i]
            if ch == '"':
                self.i += 1
                return
            if ch == "\\":
                nxt = self.peek(1)
                if nxt in ('$', '`', '"', '\\'):
                    w.lit(nxt, True)
                    self.i += 2
                    continue
                if nxt == "\n":
                    self.i += 2
                    self.line += 1
                    continue
                w.lit("\\", True)
                self.i += 1
            elif ch == "$":
                self._dollar(w, quoted=True)
            elif ch == "`":
                w.add(self._backquote(quoted=True))
            else:
                if ch == "\n":
                    self.line += 1
                w.lit(ch, True)
                self.i += 1

    def _dollar(self, w: "_Parts", quoted: bool) -> None:
        s = self.s
        nxt = self.peek(1)
        if nxt == "(" and self.peek(2) == "(":
            w.add(self._arith(quoted))
        elif nxt == "(":
            self.i += 2
            self.enter()
            self.substs += 1
            body = self.subst_body()
            self.substs -= 1
            self.i += 1
            self.depth -= 1
            w.add(Subst(body, quoted))
        elif nxt == "{":
            self.i += 2
            w.add(self._braced(quoted))
        elif nxt and nxt in _SPECIAL_PARAMS:
            w.add(Param(nxt, quoted))
            self.i += 2
        elif nxt and (nxt.isalpha() or nxt == "_"):
            j = self.i + 1
            while j < len(s) and (s[j].isalnum() or s[j] == "_"):
                j += 1
            w.add(Param(s[self.i + 1:j], quoted))
            self.i = j
        else:
            w.lit("$", quoted)
            self.i += 1

    def _arith(self, quoted: bool) -> Arith:
        """``$((…))``: its text up to the ``))`` that closes it, read as in double quotes."""
        s = self.s
        j, depth = self.i + 3, 0
        while True:
            if j >= len(s):
                raise self.error("arith")
            if s[j] == "(":
                depth += 1
            elif s[j] == ")":
                if depth == 0:
                    if s[j + 1:j + 2] != ")":
                        raise self.error("arith")
                    break
                depth -= 1
            j += 1
        inner = Lexer(s[self.i + 3:j] + '"', self.ash, self.depth, self.line)
        w = _Parts(all_quoted=True)
        inner.enter()
        inner._double(w)
        self.i = j + 2
        return Arith(w.word(), quoted)

    def _braced(self, quoted: bool) -> Param:
        """``${…}`` after its ``${``."""
        s = self.s
        start = self.i - 2
        length = False
        if self.peek() == "#" and self.peek(1) not in ("}", ""):
            length = True
            self.i += 1
        j = self.i
        if j < len(s) and s[j].isdigit():        # ${10}: every digit
            while j < len(s) and s[j].isdigit():
                j += 1
        elif j < len(s) and s[j] in _SPECIAL_PARAMS:
            j += 1
        else:
            while j < len(s) and (s[j].isalnum() or s[j] == "_"):
                j += 1
        name = s[self.i:j]
        if name and name[0].isdigit() and j < len(s) and s[j].isalnum():
            name = ""                      # ${1a}
        self.i = j
        if name and self.peek() == "}":
            self.i += 1
            return Param(name, quoted, "#" if length else "")
        for op in (":-", ":=", ":+", ":?", "-", "=", "+", "?"):
            if name and not length and s.startswith(op, self.i):
                self.i += len(op)
                self.enter()
                arg = self._param_word()
                self.depth -= 1
                return Param(name, quoted, op, arg)
        # a bad substitution: the text up to the closing brace
        k = s.find("}", self.i)
        if k < 0:
            raise self.error("brace", "}")
        if self.ash:
            raise self.error("subst", s[start:k + 1])
        self.i = k + 1
        return Param("", quoted, bad=s[start:k + 1])

    def _param_word(self) -> Word:
        """The word of ``${name:-word}`` up to the closing brace (quotes and expansions inside)."""
        w = _Parts()
        s = self.s
        while True:
            if self.i >= len(s):
                raise self.error("brace", "}")
            ch = s[self.i]
            if ch == "}":
                self.i += 1
                return w.word()
            if ch == "'":
                j = s.find("'", self.i + 1)
                if j < 0:
                    raise self.error("quote", "'")
                w.lit(s[self.i + 1:j], True)
                self.i = j + 1
            elif ch == '"':
                self.i += 1
                self._double(w)
            elif ch == "\\" and self.peek(1):
                w.lit(self.peek(1), True)
                self.i += 2
            elif ch == "$":
                self._dollar(w, quoted=False)
            elif ch == "`":
                w.add(self._backquote(quoted=False))
            else:
                if ch == "\n":
                    self.line += 1
                w.lit(ch, False)
                self.i += 1

    def _backquote(self, quoted: bool) -> Subst:
        s = self.s
        j = self.i + 1
        body = ""
        while True:
            if j >= len(s):
                raise self.error("quote", "`")
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
        self.enter()
        script = self.backquoted(body)
        self.depth -= 1
        return Subst(script, quoted)


def identifier(name: str) -> bool:
    """A shell name: a letter or ``_``, then letters, digits and ``_``."""
    return bool(name) and (name[0].isalpha() or name[0] == "_") and all(c.isalnum() or c == "_" for c in name) \
        and name.isascii()


def assignment(text: str) -> bool:
    name, eq, _ = text.partition("=")
    return bool(eq) and bool(name) and (name[0].isalpha() or name[0] == "_") and \
        all(c.isalnum() or c == "_" for c in name)


def strip_name(w: Word, n: int) -> Word:
    """The value word of an assignment: ``w`` without its first ``n`` (literal) characters."""
    first = w.parts[0]
    assert isinstance(first, Lit) and not first.quoted and len(first.text) >= n
    rest = first.text[n:]
    return Word(((Lit(rest, False),) if rest else ()) + w.parts[1:])

