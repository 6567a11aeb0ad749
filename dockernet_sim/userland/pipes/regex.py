"""POSIX regular expressions, GNU flavour (BRE and ERE), translated to Python ``re``.

Mirrors GNU grep 3.8's regex dialect: bracket expressions and classes, intervals,
back-references, and its error texts (``Unmatched [, [^, [:, [., or [=``...) and warnings.
GNU grep runs a DFA, so a pattern costs time linear in the text: ``linear_or_re`` runs the
translation on ``regexvm``'s automaton, and keeps ``re`` only for back-references (where grep
backtracks too). A count above RE_DUP_MAX (32767) is grep's "Regular expression too big"
(``grep -E 'a{32768}'``, recorded in r150_bounded_inputs). mawk 1.3.4 20200120 reads ``{`` as
a literal (``intervals=False``).
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from ...regexvm import Program, Unsupported, compile_pattern

# GNU grep 3.8 (glibc regcomp's REG_ESIZE) for a count above RE_DUP_MAX, and for a pattern
# whose automaton would be larger than regexvm.MAX_PROGRAM instructions
TOO_BIG = "Regular expression too big"
_DUP_MAX = 32767


class _RegexError(Exception):
    pass


class _Backtracking:
    """``re`` behind Program's interface, for patterns with back-references."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._rx = rx

    def search(self, text: str) -> bool:
        return self._rx.search(text) is not None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        return (m.span() for m in self._rx.finditer(text))


def linear_or_re(pattern: str, ignorecase: bool = False) -> Union[Program, _Backtracking]:
    """The translated pattern as an automaton (linear time), or as ``re`` when it has
    back-references. Raises re.error for bad syntax and regexvm.PatternTooBig."""
    try:
        return compile_pattern(pattern, ignorecase)
    except Unsupported:
        return _Backtracking(re.compile(pattern, re.IGNORECASE if ignorecase else 0))


_CLASSES = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "0-9A-Za-z", "upper": "A-Z", "lower": "a-z",
    "space": " \\t\\n\\r\\f\\v", "blank": " \\t", "punct": "!-/:-@\\[-`{-~", "print": " -~",
    "graph": "!-~", "cntrl": "\\x00-\\x1f\\x7f", "xdigit": "0-9A-Fa-f",
}


def _class_char(c: str) -> str:
    return "\\" + c if c in "\\]^-[&|~" else c


def _bracket(pat: str, i: int) -> tuple[str, int]:
    """Parse a bracket expression starting at pat[i] == '['; return (python class, next index)."""
    n = len(pat)
    j = i + 1
    if j >= n:
        raise _RegexError("Invalid regular expression")
    negate = pat[j] == "^"
    if negate:
        j += 1
    start = j
    items: list[str] = []
    first = True
    while True:
        if j >= n:
            raise _RegexError("Unmatched [, [^, [:, [., or [=")
        c = pat[j]
        if c == "]" and not first:
            j += 1
            break
        first = False
        if c == "[" and j + 1 < n and pat[j + 1] in ":.=":
            kind = pat[j + 1]
            end = pat.find(kind + "]", j + 2)
            if end < 0:
                raise _RegexError("Unmatched [, [^, [:, [., or [=")
            name = pat[j + 2 : end]
            j = end + 2
            if kind == ":":
                if name not in _CLASSES:
                    raise _RegexError("Invalid character class name")
                items.append(_CLASSES[name])
            else:
                items.append("".join(_class_char(ch) for ch in name))
            continue
        j += 1
        if j + 1 < n and pat[j] == "-" and pat[j + 1] != "]":
            hi = pat[j + 1]
            j += 2
            if ord(hi) < ord(c):
                raise _RegexError("Invalid range end")
            items.append(_class_char(c) + "-" + _class_char(hi))
        else:
            items.append(_class_char(c))
    body = pat[start : j - 1]
    if len(body) >= 3 and body[0] == ":" and body[-1] == ":" and body[1:-1].isalpha():
        raise _RegexError("character class syntax is [[:space:]], not [:space:]")
    return "[" + ("^" if negate else "") + "".join(items) + "]", j


def _interval(body: str) -> tuple[int, int | None] | None:
    m = re.fullmatch(r"(\d*)(,(\d*))?", body)
    if not m or (m.group(1) == "" and m.group(2) is None):
        return None
    lo = int(m.group(1)) if m.group(1) else 0
    if m.group(2) is None:
        hi: int | None = lo
    else:
        hi = int(m.group(3)) if m.group(3) else None
    return lo, hi


def posix_to_python(pat: str, extended: bool, intervals: bool = True) -> tuple[str, list[str]]:
    """Translate a GNU BRE (or ERE) into a Python pattern; returns (pattern, warnings).
    Raises _RegexError with GNU grep's message. Without ``intervals`` an ERE's ``{`` is a
    literal character (mawk)."""
    n = len(pat)
    warnings: list[str] = []
    stack: list[list[str]] = [[]]  # alternatives-aware token lists per group
    quantified: list[list[bool]] = [[]]
    groups_open = 0
    groups_closed = 0
    i = 0
    at_start = True

    def atom(s: str) -> None:
        stack[-1].append(s)
        quantified[-1].append(False)

    def quant(q: str) -> None:
        toks, qs = stack[-1], quantified[-1]
        if not toks or toks[-1] == "|":
            return
        if qs[-1]:
            toks[-1] = "(?:" + toks[-1] + ")" + q
        else:
            toks[-1] += q
        qs[-1] = True

    while i < n:
        c = pat[i]
        if c == "\\":
            if i + 1 >= n:
                raise _RegexError("Trailing backslash")
            d = pat[i + 1]
            i += 2
            if not extended and d == "(":
                stack.append([])
                quantified.append([])
                groups_open += 1
                at_start = True
                continue
            if not extended and d == ")":
                if len(stack) == 1:
                    raise _RegexError("Unmatched ) or \\)")
                inner = "".join(stack.pop())
                quantified.pop()
                groups_closed += 1
                atom("(" + inner + ")")
                at_start = False
                continue
            if not extended and d == "|":
                stack[-1].append("|")
                quantified[-1].append(False)
                at_start = True
                continue
            if not extended and d == "{":
                close = pat.find("\\}", i)
                if close < 0:
                    raise _RegexError("Unmatched \\{")
                iv = _interval(pat[i:close])
                if iv is None or (iv[1] is not None and iv[0] > iv[1]):
                    raise _RegexError("Invalid content of \\{\\}")
                if iv[0] > _DUP_MAX or (iv[1] or 0) > _DUP_MAX:
                    raise _RegexError(TOO_BIG)
                i = close + 2
                if at_start:
                    atom(re.escape("{"))
                else:
                    quant("{%d,%s}" % (iv[0], "" if iv[1] is None else iv[1]))
                continue
            if not extended and d in "+?":
                if at_start:
                    atom(re.escape(d))
                    at_start = False
                else:
                    quant(d)
                continue
            if d.isdigit() and d != "0":
                if int(d) > groups_closed:
                    raise _RegexError("Invalid back reference")
                atom("\\" + d)
            elif d == "<":
                atom(r"\b(?=\w)")
            elif d == ">":
                atom(r"\b(?<=\w)")
            elif d in "bBwWsS":
                atom("\\" + d)
            elif d == "`":
                atom(r"\A")
            elif d == "'":
                atom(r"\Z")
            else:
                atom(re.escape(d))
            at_start = False
            continue
        if c == "[":
            cls, i = _bracket(pat, i)
            atom(cls)
            at_start = False
            continue
        i += 1
        if c == "*":
            if at_start:
                if extended:
                    warnings.append("* at start of expression")
                else:
                    atom(re.escape("*"))
                    at_start = False
            else:
                quant("*")
            continue
        if c == "^":
            if extended or at_start:
                atom("^")
            else:
                atom(re.escape("^"))
            continue
        if c == "$":
            rest = pat[i:]
            if extended or rest == "" or rest.startswith("\\)") or rest.startswith("\\|"):
                atom("$")
            else:
                atom(re.escape("$"))
            at_start = False
            continue
        if extended and c == "(":
            stack.append([])
            quantified.append([])
            groups_open += 1
            at_start = True
            continue
        if extended and c == ")":
            if len(stack) == 1:
                atom(re.escape(")"))
                at_start = False
                continue
            inner = "".join(stack.pop())
            quantified.pop()
            groups_closed += 1
            atom("(" + inner + ")")
            at_start = False
            continue
        if extended and c == "|":
            stack[-1].append("|")
            quantified[-1].append(False)
            at_start = True
            continue
        if extended and c in "+?":
            if at_start:
                warnings.append(c + " at start of expression")
            else:
                quant(c)
            continue
        if extended and c == "{" and intervals:
            close = pat.find("}", i)
            iv = _interval(pat[i:close]) if close >= 0 else None
            if iv is None:
                atom(re.escape("{"))
                at_start = False
                continue
            if iv[1] is not None and iv[0] > iv[1]:
                raise _RegexError("Invalid content of \\{\\}")
            if iv[0] > _DUP_MAX or (iv[1] or 0) > _DUP_MAX:
                raise _RegexError(TOO_BIG)
            i = close + 1
            if at_start:
                warnings.append("{...} at start of expression")
            else:
                quant("{%d,%s}" % (iv[0], "" if iv[1] is None else iv[1]))
            continue
        if c == ".":
            atom(".")
        else:
            atom(re.escape(c))
        at_start = False
    if len(stack) > 1:
        raise _RegexError("Unmatched ( or \\(")
    return "".join(stack[0]), warnings
