"""The shell's grammar (POSIX XCU 2.10) as bash 5.2 and busybox ash 1.35 read a command line:
one complete command (up to a newline) at a time, so that the lines before a syntax error run
as they do in both shells. Lists joined by ``;``/``&``/newlines, ``&&``/``||`` lists,
pipelines with ``!``, ``( … )`` and ``{ …; }``, ``if``/``elif``/``else``, ``while``, ``until``,
``for … in`` and ``case … esac``, simple commands with ``NAME=value`` prefixes
and redirections (``<``, ``>``, ``>>``, ``>|``, ``<>``, ``N>&M``, ``&>``). Groups, command
substitutions and ``${…}`` words nest at most ``MAX_NESTING`` deep (a ``ParseError`` of kind
"depth").

>>> parse_all("echo a && echo b")[0].items[0].rest[0][0]
'&&'
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Callable, Mapping, Optional

from .lexer import Lexer, assignment, identifier, strip_name
from .nodes import AndOr, Case, Command, For, Group, If, Loop, Pipeline, Redir, Script, Simple, Word

# words that end or continue a compound command: a syntax error where a command should start
_CLOSERS = frozenset(("}", "then", "else", "elif", "fi", "do", "done", "esac", "in"))


class Parser(Lexer):
    """Reads ``text`` from the start; ``next_command()`` returns one complete command at a time."""

    def next_command(self) -> Optional[Script]:
        """The next complete command (a list ended by a newline or the end), None at the end."""
        self.skip_linebreaks()
        if self.i >= len(self.s):
            return None
        return self._list(top=True, end="")

    def _list(self, top: bool, end: frozenset[str] = frozenset(), expect: str = "") -> Script:
        """An and-or list sequence, up to a newline (``top``) or to one of the words (or the ``)``)
        in ``end``; at the end of the text, ash names ``expect`` ("" for none, "$(" for a
        command substitution's ``)``)."""
        items: list[AndOr] = []
        while True:
            if top:
                self.skip_blanks()
            else:
                self.skip_linebreaks()
            if self.i >= len(self.s):
                if end:
                    raise self.error("paren", ")") if expect == "$(" else self.error("eof", expect)
                break
            if top and self.op() == "\n":
                self.i += 1
                self.line += 1
                break
            if ")" in end and self.op() == ")":
                break
            if ";;" in end and (self.op() == ";;" or (not self.op() and self.word_text() == "esac")):
                break
            if items and not self.op() and self.word_text() in end:
                break
            items.append(self._and_or())
            self.skip_blanks()
            op = self.op()
            if op in (";", "&"):
                self.i += 1
            elif op == "\n" or not op:
                continue
            elif op == ")" and ")" in end or op == ";;" and ";;" in end:
                continue
            else:
                raise self.error("token", op)
        return Script(tuple(items))

    def _keyword(self, word: str, expect: str = "") -> None:
        """Consume the reserved word ``word`` (after a list that stopped at it)."""
        self.skip_linebreaks()
        if self.i >= len(self.s):
            raise self.error("eof", expect)
        if self.op() or self.word_text() != word:
            raise self.error("token", self.token_name())
        self.i += len(word)

    def _and_or(self) -> AndOr:
        first = self._pipeline()
        rest: list[tuple[str, Pipeline]] = []
        while True:
            self.skip_blanks()
            op = self.op()
            if op not in ("&&", "||"):
                return AndOr(first, tuple(rest))
            self.i += 2
            self.skip_linebreaks()
            rest.append((op, self._pipeline()))

    def _pipeline(self) -> Pipeline:
        self.skip_blanks()
        negate = False
        while self.word_text() == "!" and not (negate and self.ash):   # bash takes `! !`, ash does not
            negate = not negate
            self.i += 1
            self.skip_blanks()
        cmds = [self._command()]
        while True:
            self.skip_blanks()
            if self.op() != "|":
                return Pipeline(tuple(cmds), negate)
            self.i += 1
            self.skip_linebreaks()
            cmds.append(self._command())

    def _command(self) -> Command:
        self.skip_blanks()
        if self.i >= len(self.s):
            raise self.error("eof")
        op = self.op()
        if op == "(":
            self.i += 1
            self.enter()
            body = self._list(top=False, end=frozenset(")"), expect=")")
            if not body.items:
                raise self.error("token", ")")
            self.i += 1
            self.depth -= 1
            return Group(body, True, self._redirs_after())
        word = self.word_text()
        if not op and word in _COMPOUND:
            self.i += len(word)
            self.enter()
            cmd = _COMPOUND[word](self)
            self.depth -= 1
            return cmd
        if not op and (word in _CLOSERS or word == "!"):
            raise self.error("token", word)
        return self._simple()

    def _redirs_after(self) -> tuple[Redir, ...]:
        redirs: list[Redir] = []
        while True:
            self.skip_blanks()
            r = self._redir()
            if r is None:
                op = self.op()
                if op in ("", "\n", ";", "&", "|", "&&", "||", ")", ";;"):
                    return tuple(redirs)
                raise self.error("token", self.token_name())
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
        op = self.op()
        if op not in ("<", ">", ">>", ">|", "<>", ">&", "<&", "&>", "<<"):
            self.i = save
            return None
        self.i += len(op)
        self.skip_blanks()
        nxt = self.op()
        if self.i >= len(self.s) or nxt == "\n":
            raise self.error("redirect")
        if nxt:
            raise self.error("token", nxt)
        number = self.word_text()
        if number.isdigit() and self.s[self.i + len(number):][:1] in ("<", ">"):
            # `>>2>&1`: the target is an IO number, no word
            raise self.error("redirection") if self.ash else self.error("token", number)
        target = self.word()
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
            self.skip_blanks()
            r = self._redir()
            if r is not None:
                redirs.append(r)
                continue
            op = self.op()
            if op == "(" and (words or assigns):
                raise self.error("token", "(" if not words else self._after_paren())
            if op or self.i >= len(self.s):
                break
            start = self.i
            w = self.word()
            assert w is not None
            if not words and assignment(self.s[start:self.i]):
                name, _, _ = self.s[start:self.i].partition("=")
                assigns.append((name, strip_name(w, len(name) + 1)))
            else:
                words.append(w)
        if not (words or assigns or redirs):
            if self.i >= len(self.s):
                raise self.error("eof")
            raise self.error("token", self.token_name())
        return Simple(tuple(assigns), tuple(words), tuple(redirs), line)

    def _after_paren(self) -> str:
        # bash: `echo a (b)` is an error near the word after "("
        save = self.i
        self.i += 1
        self.skip_blanks()
        tok = self.token_name() or "newline"
        self.i = save
        return tok


    def subst_body(self) -> Script:
        return self._list(top=False, end=frozenset(")"), expect="$(")

    # -- compound commands, after their first word
    def _brace_group(self) -> Command:
        body = self._list(top=False, end=frozenset(("}",)), expect="}")
        self._keyword("}", "}")
        return Group(body, False, self._redirs_after())

    def _if(self) -> Command:
        branches: list[tuple[Script, Script]] = []
        orelse: Optional[Script] = None
        while True:
            cond = self._list(top=False, end=frozenset(("then",)), expect="then")
            self._keyword("then", "then")
            body = self._list(top=False, end=frozenset(("elif", "else", "fi")), expect="fi")
            branches.append((cond, body))
            self.skip_linebreaks()
            word = self.word_text()
            if word == "elif":
                self.i += 4
                continue
            if word == "else":
                self.i += 4
                orelse = self._list(top=False, end=frozenset(("fi",)), expect="fi")
            self._keyword("fi", "fi")
            return If(tuple(branches), orelse, self._redirs_after())

    def _refuse_redirection(self) -> None:
        """Where the grammar has a word and no redirection (a for list, case's word): bash names
        the token (an IO number too), ash says "redirection"."""
        io_number = self.word_text()
        if self.op() in ("<", ">", ">>", "<&", ">&", "<>", ">|", "&>", "<<") or \
                (io_number.isdigit() and self.s[self.i + len(io_number):][:1] in ("<", ">")):
            raise self.error("redirection") if self.ash else \
                self.error("token", io_number if io_number.isdigit() else self.op())

    def _case(self) -> Command:
        self.skip_blanks()
        if self.ash:      # ash: what it found instead of case's word, "(expecting word)"
            found = self.op()
            number = self.word_text()
            if found in ("<", ">", ">>", "<&", ">&", "<>", ">|", "&>", "<<") or \
                    (number.isdigit() and self.s[self.i + len(number):][:1] in ("<", ">")):
                raise self.error("caseword", "redirection")
            if self.i >= len(self.s) or found == "\n":
                raise self.error("caseword", "end of file")
            if found:
                raise self.error("caseword", f'"{found}"')
        if self.op() or self.i >= len(self.s):
            raise self.error("token", self.token_name() or "newline")
        self._refuse_redirection()
        word = self.word()
        assert word is not None
        self._keyword("in")
        items: list[tuple[tuple[Word, ...], Script]] = []
        while True:
            self.skip_linebreaks()
            if self.i >= len(self.s):
                raise self.error("eof", ")")
            if not self.op() and self.word_text() == "esac":
                self.i += 4
                return Case(word, tuple(items), self._redirs_after())
            if self.op() == "(":
                self.i += 1
                self.skip_blanks()
            patterns: list[Word] = []
            while True:
                if self.op() or self.i >= len(self.s):
                    raise self.error("token", self.token_name() or "newline")
                pattern = self.word()
                assert pattern is not None
                patterns.append(pattern)
                self.skip_blanks()
                if self.op() == "|":
                    self.i += 1
                    self.skip_blanks()
                    continue
                if self.op() != ")":
                    raise self.error("eof" if self.i >= len(self.s) else "token", self.token_name())
                self.i += 1
                break
            body = self._list(top=False, end=frozenset((";;",)), expect=";;")
            items.append((tuple(patterns), body))
            self.skip_linebreaks()
            if self.op() == ";;":
                self.i += 2

    def _while(self) -> Command:
        return self._loop(until=False)

    def _until(self) -> Command:
        return self._loop(until=True)

    def _loop(self, until: bool) -> Command:
        cond = self._list(top=False, end=frozenset(("do",)), expect="do")
        self._keyword("do", "do")
        body = self._list(top=False, end=frozenset(("done",)), expect="done")
        self._keyword("done", "done")
        return Loop(cond, body, until, self._redirs_after())

    def _for(self) -> Command:
        line = self.line
        self.skip_blanks()
        name = self.word_text()
        if not name or self.op():
            raise self.error("forvar") if self.ash else self.error("token", self.token_name() or "newline")
        if self.ash and not identifier(name):
            raise self.error("forvar")
        self.i += len(name)
        self.skip_blanks()
        words: Optional[tuple[Word, ...]] = None
        if self.word_text() == "in" and not self.op():
            self.i += 2
            found: list[Word] = []
            while True:
                self.skip_blanks()
                if self.i >= len(self.s):
                    raise self.error("eof")
                self._refuse_redirection()
                if self.op():
                    break
                w = self.word()
                assert w is not None
                found.append(w)
            words = tuple(found)
            if self.op() not in (";", "\n"):
                raise self.error("token", self.token_name())
            self.i += 1
        elif self.op() == ";":
            self.i += 1
        self._keyword("do", "do")
        body = self._list(top=False, end=frozenset(("done",)), expect="done")
        self._keyword("done", "done")
        return For(name, words, body, self._redirs_after(), line)

    def backquoted(self, text: str) -> Script:
        sub = Parser(text, self.ash, self.depth, self.line)
        items: list[AndOr] = []
        while True:
            cmd = sub.next_command()
            if cmd is None:
                return Script(tuple(items))
            items.extend(cmd.items)


# the words that start a compound command, and how the parser reads the rest of it
_COMPOUND: Mapping[str, Callable[[Parser], Command]] = MappingProxyType({
    "{": Parser._brace_group, "if": Parser._if, "while": Parser._while, "until": Parser._until, "for": Parser._for,
    "case": Parser._case})


def parse_all(text: str, ash: bool = False) -> list[Script]:
    """Every complete command of ``text`` (raises ParseError at the first syntax error)."""
    p = Parser(text, ash)
    out: list[Script] = []
    while True:
        cmd = p.next_command()
        if cmd is None:
            return out
        out.append(cmd)
