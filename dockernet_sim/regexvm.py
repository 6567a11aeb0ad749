"""Regular expressions matched in time linear in the text: a Thompson NFA run as a lazy DFA.

Python's ``re`` backtracks, so ``(a*)*b`` against thirty ``a`` takes minutes. The programs this
package imitates do not: Go's ``regexp`` (the daemon's ``--filter name=…``) is RE2, an automaton
with a guarantee of linear time, and GNU grep 3.8 runs a DFA for every pattern without
back-references. This module gives both their cost. A pattern in Python's syntax (what
``userland.pipes.regex`` translates POSIX patterns into, or a Go pattern, whose syntax is a subset)
is parsed by the standard library's own parser, so its meaning is exactly ``re``'s; the parse
tree is compiled to a Pike VM program (Russ Cox, "Regular Expression Matching: the Virtual
Machine Approach", 2009). ``search`` runs the program as a DFA built lazily, one state per set
of threads met, and ``spans`` runs the VM with thread priorities, which reproduces ``re``'s
leftmost-first matches. Work per character is bounded by the size of the program, and the
program's size is bounded when it is built (``PatternTooBig``).

Back-references and lookarounds wider than one character are outside regular languages:
``compile`` raises ``Unsupported`` and the caller decides (GNU grep itself backtracks there; Go
refuses such patterns).
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, Optional

from .records import Record

try:  # Python 3.11+: the parser behind re.compile
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["Program", "PatternTooBig", "Unsupported", "compile_pattern", "MAX_PROGRAM"]

MAX_PROGRAM = 200_000          # instructions; a{32767} needs 32,768, so grep's largest count fits
_CACHE_LIMIT = 200_000         # threads held by cached DFA states before the cache is flushed (as RE2 does)


class PatternTooBig(Exception):
    """The pattern expands to more instructions than MAX_PROGRAM (nested counted repeats)."""


class Unsupported(Exception):
    """The pattern needs more than an automaton (a back-reference, a wide lookaround)."""


Pred = Callable[[str], bool]

# opcodes of the program
_CHAR, _SPLIT, _JMP, _ASSERT, _MATCH = range(5)
# assertions
_BOL, _EOL, _EOS, _WORDB, _NWORDB, _AHEAD, _BEHIND = range(7)


class _Inst(Record, frozen=True):
    op: int
    pred: Optional[Pred] = None      # _CHAR: does the character match; _ASSERT _AHEAD/_BEHIND too
    x: int = 0                       # _SPLIT: preferred branch; _JMP: target; _ASSERT: kind
    y: int = 0                       # _SPLIT: other branch; _ASSERT lookaround: 1 when negated


def _is_word(ch: Optional[str]) -> bool:
    return ch is not None and (ch.isalnum() or ch == "_")


_CATEGORIES: dict[object, Pred] = {
    _c.CATEGORY_DIGIT: str.isdigit,
    _c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    _c.CATEGORY_SPACE: str.isspace,
    _c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _c.CATEGORY_WORD: _is_word,
    _c.CATEGORY_NOT_WORD: lambda ch: not _is_word(ch),
}


def _fold(pred: Pred) -> Pred:
    return lambda ch: pred(ch) or pred(ch.lower()) or pred(ch.upper())


def _negated(pred: Pred) -> Pred:
    return lambda ch: not pred(ch)


def _set_pred(items: list[tuple[object, object]], ignorecase: bool) -> Pred:
    """An IN set; under IGNORECASE the set is folded before a ``^`` negates it, as re does."""
    negate = False
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    cats: list[Pred] = []
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is _c.RANGE:
            lo, hi = av  # type: ignore[misc]
            ranges.append((lo, hi))
        elif op is _c.CATEGORY:
            cats.append(_CATEGORIES[av])
        else:
            raise Unsupported(str(op))
    frozen = frozenset(chars)

    def pos(ch: str) -> bool:
        o = ord(ch)
        return ch in frozen or any(lo <= o <= hi for lo, hi in ranges) or any(f(ch) for f in cats)
    p = _fold(pos) if ignorecase else pos
    return _negated(p) if negate else p


class _Compiler:
    def __init__(self, ignorecase: bool, dotall: bool, limit: int) -> None:
        self.prog: list[_Inst] = []
        self.ignorecase = ignorecase
        self.dotall = dotall
        self.limit = limit

    def emit(self, inst: _Inst) -> int:
        if len(self.prog) >= self.limit:
            raise PatternTooBig()
        self.prog.append(inst)
        return len(self.prog) - 1

    def patch(self, at: int, inst: _Inst) -> None:
        self.prog[at] = inst

    def char_pred(self, op: object, av: object) -> Optional[Pred]:
        """The predicate of a one-character item, or None when the item is not one."""
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            lit = chr(av)  # type: ignore[arg-type]
            p: Pred = _fold(lit.__eq__) if self.ignorecase else lit.__eq__
            return p if op is _c.LITERAL else _negated(p)
        if op is _c.ANY:
            return (lambda ch: True) if self.dotall else "\n".__ne__
        if op is _c.IN:
            return _set_pred(av, self.ignorecase)  # type: ignore[arg-type]
        return None

    def seq(self, items: object) -> None:
        for op, av in items:  # type: ignore[attr-defined]
            self.item(op, av)

    def item(self, op: object, av: object) -> None:
        pred = self.char_pred(op, av)
        if pred is not None:
            self.emit(_Inst(_CHAR, pred))
        elif op is _c.SUBPATTERN:
            _group, add, dele, sub = av  # type: ignore[misc]
            saved = (self.ignorecase, self.dotall)
            if add & _c.SRE_FLAG_IGNORECASE:
                self.ignorecase = True
            if dele & _c.SRE_FLAG_IGNORECASE:
                self.ignorecase = False
            if add & _c.SRE_FLAG_DOTALL:
                self.dotall = True
            self.seq(sub)
            self.ignorecase, self.dotall = saved
        elif op is _c.BRANCH:
            self.branch(av[1])  # type: ignore[index]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av  # type: ignore[misc]
            self.repeat(lo, None if hi is _c.MAXREPEAT else hi, sub, greedy=op is not _c.MIN_REPEAT)
        elif op is _c.AT:
            kind = {_c.AT_BEGINNING: _BOL, _c.AT_BEGINNING_STRING: _BOL, _c.AT_END: _EOL,
                    _c.AT_END_STRING: _EOS, _c.AT_BOUNDARY: _WORDB, _c.AT_NON_BOUNDARY: _NWORDB}.get(av)
            if kind is None:
                raise Unsupported(str(av))
            self.emit(_Inst(_ASSERT, None, kind))
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av  # type: ignore[misc]
            if len(sub) != 1:
                raise Unsupported("lookaround")
            inner = self.char_pred(*sub[0])
            if inner is None:
                raise Unsupported("lookaround")
            self.emit(_Inst(_ASSERT, inner, _AHEAD if direction == 1 else _BEHIND, 1 if op is _c.ASSERT_NOT else 0))
        else:
            raise Unsupported(str(op))

    def branch(self, alts: list[object]) -> None:
        jumps: list[int] = []
        for k, alt in enumerate(alts):
            if k < len(alts) - 1:
                split = self.emit(_Inst(_SPLIT))
                self.seq(alt)
                jumps.append(self.emit(_Inst(_JMP)))
                self.patch(split, _Inst(_SPLIT, None, split + 1, len(self.prog)))
            else:
                self.seq(alt)
        for j in jumps:
            self.patch(j, _Inst(_JMP, None, len(self.prog)))

    def optional(self, sub: object, greedy: bool) -> int:
        split = self.emit(_Inst(_SPLIT))
        self.seq(sub)
        a, b = split + 1, len(self.prog)
        self.patch(split, _Inst(_SPLIT, None, a if greedy else b, b if greedy else a))
        return split

    def repeat(self, lo: int, hi: Optional[int], sub: object, greedy: bool) -> None:
        for _ in range(lo):
            self.seq(sub)
        if hi is None:
            split = self.emit(_Inst(_SPLIT))
            self.seq(sub)
            self.emit(_Inst(_JMP, None, split))
            a, b = split + 1, len(self.prog)
            self.patch(split, _Inst(_SPLIT, None, a if greedy else b, b if greedy else a))
            return
        for _ in range(hi - lo):
            self.optional(sub, greedy)


class Program:
    """A compiled pattern: ``search`` (does it occur) and ``spans`` (re.finditer's matches)."""

    def __init__(self, prog: list[_Inst]) -> None:
        self._prog = prog
        self._needs_prev = any(i.op == _ASSERT and i.x in (_WORDB, _NWORDB, _BEHIND) for i in prog)
        self._cache: dict[tuple[frozenset[int], object, Optional[str]], object] = {}
        self._cached_threads = 0

    def _closure(self, pcs: list[int], prev: Optional[str], nxt: Optional[str], at_start: bool,
                 at_end: bool, before_final_nl: bool) -> list[int]:
        """The threads reachable without consuming a character, in priority order."""
        prog = self._prog
        seen: set[int] = set()
        out: list[int] = []
        stack = list(reversed(pcs))
        while stack:
            pc = stack.pop()
            if pc in seen:
                continue
            seen.add(pc)
            inst = prog[pc]
            op = inst.op
            if op == _JMP:
                stack.append(inst.x)
            elif op == _SPLIT:
                stack.append(inst.y)
                stack.append(inst.x)
            elif op == _ASSERT:
                kind = inst.x
                if kind == _BOL:
                    ok = at_start
                elif kind == _EOL:
                    ok = at_end or before_final_nl
                elif kind == _EOS:
                    ok = at_end
                elif kind == _WORDB:
                    ok = _is_word(prev) != _is_word(nxt)
                elif kind == _NWORDB:   # re: \B never matches in an empty string
                    ok = _is_word(prev) == _is_word(nxt) and not (at_start and at_end)
                else:
                    ch = nxt if kind == _AHEAD else prev
                    assert inst.pred is not None
                    ok = (ch is not None and inst.pred(ch)) != bool(inst.y)
                if ok:
                    stack.append(pc + 1)
            else:
                out.append(pc)
        return out

    def search(self, text: str) -> bool:
        """Whether the pattern occurs anywhere in text (re.search(...) is not None)."""
        prog, cache, n = self._prog, self._cache, len(text)
        state: frozenset[int] = frozenset()
        prev: Optional[str] = None
        for i in range(n + 1):
            ch = text[i] if i < n else None
            ctx: object = (prev if self._needs_prev else (prev is None), i == n - 1 and ch == "\n")
            key = (state, ctx, ch)
            hit = cache.get(key)
            if hit is None:
                threads = self._closure(sorted(state) + [0], prev, ch, i == 0, i == n, i == n - 1 and ch == "\n")
                if any(prog[pc].op == _MATCH for pc in threads):
                    hit = True
                else:
                    hit = frozenset(pc + 1 for pc in threads if ch is not None and prog[pc].pred(ch))  # type: ignore[misc]
                size = len(state) + (0 if hit is True else len(hit))  # type: ignore[arg-type]
                if self._cached_threads + size > _CACHE_LIMIT:
                    cache.clear()
                    self._cached_threads = 0
                self._cached_threads += size
                cache[key] = hit
            if hit is True:
                return True
            state = hit  # type: ignore[assignment]
            prev = ch
        return False

    def _match_at(self, text: str, start: int, no_empty_at: int = -1) -> Optional[tuple[int, int]]:
        """Leftmost-first match beginning at the first position >= start where one begins; an
        empty match at ``no_empty_at`` does not count (re's rule after an empty match)."""
        prog, n = self._prog, len(text)
        threads: list[tuple[int, int]] = []      # (pc, start of the match it carries), by priority
        best: Optional[tuple[int, int]] = None
        for i in range(start, n + 1):
            prev = text[i - 1] if i > 0 else None
            ch = text[i] if i < n else None
            fin = i == n - 1 and ch == "\n"
            if best is None:
                threads = threads + [(0, i)]
            closed: list[tuple[int, int]] = []
            seen: set[int] = set()
            for pc0, s in threads:
                for pc in self._closure([pc0], prev, ch, i == 0, i == n, fin):
                    if pc not in seen:
                        seen.add(pc)
                        closed.append((pc, s))
            nxt: list[tuple[int, int]] = []
            for pc, s in closed:
                if prog[pc].op == _MATCH:
                    if s == i == no_empty_at:
                        continue                 # as if this branch failed: try the next one
                    best = (s, i)
                    break                        # lower-priority threads are cut off
                if ch is not None and prog[pc].pred(ch):  # type: ignore[misc]
                    nxt.append((pc + 1, s))
            threads = nxt
            if not threads and best is not None:
                return best
        return best

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, as re.finditer finds them."""
        pos, n, no_empty_at = 0, len(text), -1
        while pos <= n:
            m = self._match_at(text, pos, no_empty_at)
            if m is None:
                return
            yield m
            pos = m[1]
            no_empty_at = m[1] if m[1] == m[0] else -1


def compile_pattern(pattern: str, ignorecase: bool = False, limit: int = MAX_PROGRAM) -> Program:
    """Compile a pattern in Python's syntax. Raises re.error on bad syntax (as re.compile does),
    PatternTooBig past ``limit`` instructions, Unsupported for what no automaton can do."""
    try:
        tree = _p.parse(pattern, re.IGNORECASE if ignorecase else 0)
    except (OverflowError, RecursionError) as e:
        raise PatternTooBig() from e
    flags = tree.state.flags
    comp = _Compiler(bool(flags & re.IGNORECASE), bool(flags & re.DOTALL), limit)
    comp.seq(tree)
    comp.emit(_Inst(_MATCH))
    return Program(comp.prog)
