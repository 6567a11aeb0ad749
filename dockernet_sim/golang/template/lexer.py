"""The template lexer: items (text, delimiters, identifiers, numbers, strings...) from the source.

Mirrors golang/go ``src/text/template/parse/lex.go`` (trim markers, comments, raw strings,
Go 1.19 vs 1.24 keywords such as break and continue).
"""

from __future__ import annotations

import unicodedata
from typing import Any, Callable

from .strconv import _is_print, go_quote


(
    _ERROR, _BOOL, _CHAR, _CHAR_CONSTANT, _COMMENT, _COMPLEX, _ASSIGN, _DECLARE, _EOF, _FIELD,
    _IDENTIFIER, _LEFT_DELIM, _LEFT_PAREN, _NUMBER, _PIPE, _RAW_STRING, _RIGHT_DELIM,
    _RIGHT_PAREN, _SPACE, _STRING, _TEXT, _VARIABLE, _KEYWORD, _BLOCK, _BREAK, _CONTINUE,
    _DOT, _DEFINE, _ELSE, _END, _IF, _NIL, _RANGE, _TEMPLATE, _WITH,
) = range(35)

_KEYWORDS = {
    ".": _DOT, "block": _BLOCK, "break": _BREAK, "continue": _CONTINUE, "define": _DEFINE,
    "else": _ELSE, "end": _END, "if": _IF, "range": _RANGE, "nil": _NIL, "template": _TEMPLATE,
    "with": _WITH,
}

_EOF_RUNE = ""
_SPACE_CHARS = " \t\r\n"


class _Item:
    __slots__ = ("typ", "pos", "val", "line")

    def __init__(self, typ: int, pos: int, val: str, line: int) -> None:
        self.typ = typ
        self.pos = pos
        self.val = val
        self.line = line

    def __str__(self) -> str:
        if self.typ == _EOF:
            return "EOF"
        if self.typ == _ERROR:
            return self.val
        if self.typ > _KEYWORD:
            return "<" + self.val + ">"
        if len(self.val.encode("utf-8", "surrogatepass")) > 10:
            return go_quote(self.val[:10]) + "..."
        return go_quote(self.val)


def _go_U(r: str) -> str:
    """%#U"""
    o = ord(r)
    s = "U+%04X" % o
    if _is_print(r):
        s += " '" + r + "'"
    return s


def _is_space(r: str) -> bool:
    return r != "" and r in _SPACE_CHARS


def _is_alnum(r: str) -> bool:
    return r != "" and (r == "_" or r.isalpha() or unicodedata.category(r) == "Nd")


def _has_left_trim(s: str) -> bool:
    return len(s) >= 2 and s[0] == "-" and _is_space(s[1])


def _has_right_trim(s: str) -> bool:
    return len(s) >= 2 and _is_space(s[0]) and s[1] == "-"


class _Lexer:
    def __init__(self, text: str, go_new: bool) -> None:
        self.input = text
        self.pos = 0
        self.start = 0
        self.at_eof = False
        self.paren_depth = 0
        self.line = 1
        self.start_line = 1
        self.items: list[_Item] = []
        self.go_new = go_new

    def run(self) -> list[_Item]:
        state: Callable[[], Any] | None = self.lex_text
        while state is not None:
            state = state()
        return self.items

    # primitives
    def next(self) -> str:
        if self.pos >= len(self.input):
            self.at_eof = True
            return _EOF_RUNE
        r = self.input[self.pos]
        self.pos += 1
        if r == "\n":
            self.line += 1
        return r

    def peek(self) -> str:
        r = self.next()
        self.backup()
        return r

    def backup(self) -> None:
        if not self.at_eof and self.pos > 0:
            self.pos -= 1
            if self.input[self.pos] == "\n":
                self.line -= 1

    def emit(self, t: int) -> None:
        self.items.append(_Item(t, self.start, self.input[self.start : self.pos], self.start_line))
        self.start = self.pos
        self.start_line = self.line

    def ignore(self) -> None:
        self.line += self.input.count("\n", self.start, self.pos)
        self.start = self.pos
        self.start_line = self.line

    def accept(self, valid: str) -> bool:
        r = self.next()
        if r != "" and r in valid:
            return True
        self.backup()
        return False

    def accept_run(self, valid: str) -> None:
        while True:
            r = self.next()
            if r == "" or r not in valid:
                break
        self.backup()

    def errorf(self, msg: str) -> None:
        self.items.append(_Item(_ERROR, self.start, msg, self.start_line))
        return None

    def at_right_delim(self) -> tuple[bool, bool]:
        s = self.input
        if _has_right_trim(s[self.pos :]) and s.startswith("}}", self.pos + 2):
            return True, True
        if s.startswith("}}", self.pos):
            return True, False
        return False, False

    def at_terminator(self) -> bool:
        r = self.peek()
        if _is_space(r):
            return True
        if r in ("", ".", ",", "|", ":", ")", "("):
            return True
        return self.input.startswith("}}", self.pos)

    # states
    def lex_text(self) -> Any:
        s = self.input
        x = s.find("{{", self.pos)
        if x >= 0:
            self.pos = x
            trim = 0
            if _has_left_trim(s[x + 2 :]):
                seg = s[self.start : self.pos]
                trim = len(seg) - len(seg.rstrip(_SPACE_CHARS))
            self.pos -= trim
            if self.pos > self.start:
                self.line += s.count("\n", self.start, self.pos)
                self.emit(_TEXT)
            self.pos += trim
            self.ignore()
            return self.lex_left_delim
        self.pos = len(s)
        if self.pos > self.start:
            self.line += s.count("\n", self.start, self.pos)
            self.emit(_TEXT)
        self.emit(_EOF)
        return None

    def lex_left_delim(self) -> Any:
        self.pos += 2
        trim = _has_left_trim(self.input[self.pos :])
        after = 2 if trim else 0
        if self.input.startswith("/*", self.pos + after):
            self.pos += after
            self.ignore()
            return self.lex_comment
        self.emit(_LEFT_DELIM)
        self.pos += after
        self.ignore()
        self.paren_depth = 0
        return self.lex_inside_action

    def lex_comment(self) -> Any:
        self.pos += 2
        i = self.input.find("*/", self.pos)
        if i < 0:
            return self.errorf("unclosed comment")
        self.pos = i + 2
        delim, trim = self.at_right_delim()
        if not delim:
            return self.errorf("comment ends before closing delimiter")
        if trim:
            self.pos += 2
        self.pos += 2
        if trim:
            rest = self.input[self.pos :]
            self.pos += len(rest) - len(rest.lstrip(_SPACE_CHARS))
        self.ignore()
        return self.lex_text

    def lex_right_delim(self) -> Any:
        trim = _has_right_trim(self.input[self.pos :])
        if trim:
            self.pos += 2
            self.ignore()
        self.pos += 2
        self.emit(_RIGHT_DELIM)
        if trim:
            rest = self.input[self.pos :]
            self.pos += len(rest) - len(rest.lstrip(_SPACE_CHARS))
            self.ignore()
        return self.lex_text

    def lex_inside_action(self) -> Any:
        delim, _ = self.at_right_delim()
        if delim:
            if self.paren_depth == 0:
                return self.lex_right_delim
            return self.errorf("unclosed left paren")
        r = self.next()
        if r == "":
            return self.errorf("unclosed action")
        if _is_space(r):
            self.backup()
            return self.lex_space
        if r == "=":
            self.emit(_ASSIGN)
        elif r == ":":
            if self.next() != "=":
                return self.errorf("expected :=")
            self.emit(_DECLARE)
        elif r == "|":
            self.emit(_PIPE)
        elif r == '"':
            return self.lex_quote
        elif r == "`":
            return self.lex_raw_quote
        elif r == "$":
            return self.lex_variable
        elif r == "'":
            return self.lex_char
        elif r == "." and self.pos < len(self.input) and not ("0" <= self.input[self.pos] <= "9"):
            return self.lex_field
        elif r in "+-." or "0" <= r <= "9":
            self.backup()
            return self.lex_number
        elif _is_alnum(r):
            self.backup()
            return self.lex_identifier
        elif r == "(":
            self.emit(_LEFT_PAREN)
            self.paren_depth += 1
        elif r == ")":
            self.paren_depth -= 1
            if self.go_new:
                if self.paren_depth < 0:
                    return self.errorf("unexpected right paren")
                self.emit(_RIGHT_PAREN)
            else:
                self.emit(_RIGHT_PAREN)
                if self.paren_depth < 0:
                    return self.errorf("unexpected right paren " + _go_U(r))
        elif ord(r) <= 0x7F and r.isprintable():
            self.emit(_CHAR)
        else:
            return self.errorf("unrecognized character in action: " + _go_U(r))
        return self.lex_inside_action

    def lex_space(self) -> Any:
        num = 0
        while True:
            r = self.peek()
            if not _is_space(r):
                break
            self.next()
            num += 1
        if _has_right_trim(self.input[self.pos - 1 :]) and self.input.startswith("}}", self.pos + 1):
            self.backup()
            if num == 1:
                return self.lex_right_delim
        self.emit(_SPACE)
        return self.lex_inside_action

    def lex_identifier(self) -> Any:
        while True:
            r = self.next()
            if _is_alnum(r):
                continue
            self.backup()
            word = self.input[self.start : self.pos]
            if not self.at_terminator():
                return self.errorf("bad character " + _go_U(r))
            kw = _KEYWORDS.get(word)
            if kw is not None:
                self.emit(kw)
            elif word[0] == ".":
                self.emit(_FIELD)
            elif word in ("true", "false"):
                self.emit(_BOOL)
            else:
                self.emit(_IDENTIFIER)
            return self.lex_inside_action

    def lex_field(self) -> Any:
        return self.lex_field_or_variable(_FIELD)

    def lex_variable(self) -> Any:
        if self.at_terminator():
            self.emit(_VARIABLE)
            return self.lex_inside_action
        return self.lex_field_or_variable(_VARIABLE)

    def lex_field_or_variable(self, typ: int) -> Any:
        if self.at_terminator():
            self.emit(_VARIABLE if typ == _VARIABLE else _DOT)
            return self.lex_inside_action
        while True:
            r = self.next()
            if not _is_alnum(r):
                self.backup()
                break
        if not self.at_terminator():
            return self.errorf("bad character " + _go_U(r))
        self.emit(typ)
        return self.lex_inside_action

    def lex_char(self) -> Any:
        while True:
            r = self.next()
            if r == "\\":
                r2 = self.next()
                if r2 != "" and r2 != "\n":
                    continue
                return self.errorf("unterminated character constant")
            if r == "" or r == "\n":
                return self.errorf("unterminated character constant")
            if r == "'":
                break
        self.emit(_CHAR_CONSTANT)
        return self.lex_inside_action

    def lex_number(self) -> Any:
        if not self.scan_number():
            return self.errorf("bad number syntax: " + go_quote(self.input[self.start : self.pos]))
        sign = self.peek()
        if sign in ("+", "-"):
            if not self.scan_number() or self.input[self.pos - 1] != "i":
                return self.errorf("bad number syntax: " + go_quote(self.input[self.start : self.pos]))
            self.emit(_COMPLEX)
        else:
            self.emit(_NUMBER)
        return self.lex_inside_action

    def scan_number(self) -> bool:
        self.accept("+-")
        digits = "0123456789_"
        if self.accept("0"):
            if self.accept("xX"):
                digits = "0123456789abcdefABCDEF_"
            elif self.accept("oO"):
                digits = "01234567_"
            elif self.accept("bB"):
                digits = "01_"
        self.accept_run(digits)
        if self.accept("."):
            self.accept_run(digits)
        if len(digits) == 11 and self.accept("eE"):
            self.accept("+-")
            self.accept_run("0123456789_")
        if len(digits) == 23 and self.accept("pP"):
            self.accept("+-")
            self.accept_run("0123456789_")
        self.accept("i")
        if _is_alnum(self.peek()):
            self.next()
            return False
        return True

    def lex_quote(self) -> Any:
        while True:
            r = self.next()
            if r == "\\":
                r2 = self.next()
                if r2 != "" and r2 != "\n":
                    continue
                return self.errorf("unterminated quoted string")
            if r == "" or r == "\n":
                return self.errorf("unterminated quoted string")
            if r == '"':
                break
        self.emit(_STRING)
        return self.lex_inside_action

    def lex_raw_quote(self) -> Any:
        while True:
            r = self.next()
            if r == "":
                return self.errorf("unterminated raw quoted string")
            if r == "`":
                break
        self.emit(_RAW_STRING)
        return self.lex_inside_action
