"""regexvm: the linear-time matcher agrees with ``re`` wherever ``re`` finishes, and finishes where
``re`` would backtrack for minutes (``(a*)*b`` against thirty ``a``).

The differential tests build random patterns from a small grammar (literals, classes, ``.``,
groups, alternation, ``* + ? {m,n}`` greedy and lazy, anchors, ``\\b``) and compare ``search``
and ``spans`` with ``re.search`` and ``re.finditer`` on random texts over the same alphabet.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dockernet_sim.regexvm import PatternTooBig, Unsupported, compile_pattern

ATOMS = st.sampled_from(["a", "b", "c", ".", "[ab]", "[^a]", r"\w", r"\d", " ", "x"]).map(lambda a: (a, False))
QUANTS = ["*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?", "{2,}"]


def _quantified(body: tuple[str, bool], q: str, loops_on_empty: bool) -> tuple[str, bool]:
    text, nullable = body
    if nullable and not loops_on_empty:
        q = "?"                   # keep re's and the automaton's matches comparable (see below)
    return f"(?:{text}){q}", nullable or q[0] in "*?" or q.startswith("{0")


def _pattern(depth: int, loops_on_empty: bool) -> st.SearchStrategy[tuple[str, bool]]:
    """(pattern, can it match the empty string)."""
    if depth == 0:
        return ATOMS
    inner = _pattern(depth - 1, loops_on_empty)
    return st.one_of(
        ATOMS,
        st.builds(lambda a, b: (a[0] + b[0], a[1] and b[1]), inner, inner),
        st.builds(lambda a, b: (f"(?:{a[0]}|{b[0]})", a[1] or b[1]), inner, inner),
        st.builds(lambda a: (f"({a[0]})", a[1]), inner),
        st.builds(lambda a, q: _quantified(a, q, loops_on_empty), inner, st.sampled_from(QUANTS)),
        st.builds(lambda a, anchor: (anchor + a[0] if anchor in ("^", r"\b") else a[0] + anchor, a[1]), inner,
                  st.sampled_from(["^", "$", r"\b", r"\B", r"\Z"])),
    )


# Any pattern, for whether it matches. For where it matches, no repeat of a body that can match
# empty: there a backtracker and an automaton legitimately pick different submatches (re stops a
# loop after an empty turn; ``(?:a*?)*`` on "a" is (0, 0) for re, (0, 1) for RE2 and this VM).
PATTERNS = _pattern(3, True).map(lambda p: p[0])
SPAN_PATTERNS = _pattern(3, False).map(lambda p: p[0])
TEXTS = st.text(alphabet="abcx 1", max_size=12)


@settings(max_examples=400, deadline=None)
@given(PATTERNS, TEXTS, st.booleans())
def test_search_agrees_with_re(pattern: str, text: str, ignorecase: bool) -> None:
    rx = re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    assert compile_pattern(pattern, ignorecase).search(text) == (rx.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(SPAN_PATTERNS, TEXTS, st.booleans())
def test_spans_agree_with_re(pattern: str, text: str, ignorecase: bool) -> None:
    rx = re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    assert list(compile_pattern(pattern, ignorecase).spans(text)) == [m.span() for m in rx.finditer(text)]


@settings(max_examples=100, deadline=None)
@given(PATTERNS, st.lists(TEXTS, max_size=8))
def test_one_program_many_texts(pattern: str, texts: list[str]) -> None:
    """The lazily built DFA is shared between texts: an earlier text never changes a later answer."""
    rx = re.compile(pattern)
    prog = compile_pattern(pattern)
    for t in texts:
        assert prog.search(t) == (rx.search(t) is not None)


CATASTROPHIC = [
    (r"(a*)*b", "a" * 30),
    (r"(a+)+b", "a" * 40),
    (r"(?:a|aa)+c", "a" * 40),
    (r"(?:a|a)*b", "a" * 40),
    (r"(?:.*a){12}x", "a" * 40),
    (r"^(\w+\s?)*$", "word " * 10 + "!"),
]


@settings(max_examples=len(CATASTROPHIC), deadline=2000)
@given(st.sampled_from(CATASTROPHIC))
def test_patterns_re_cannot_finish_are_answered(case: tuple[str, str]) -> None:
    """Each of these runs for minutes or more under re; the per-example deadline bounds the VM."""
    pattern, text = case
    prog = compile_pattern(pattern)
    assert prog.search(text) is False
    assert list(prog.spans(text)) == []
    assert prog.search(text + "b") is (pattern.endswith("b"))


def test_long_text_is_linear() -> None:
    prog = compile_pattern(r"(a*)*b")
    assert prog.search("a" * 20_000 + "b") is True
    assert prog.search("a" * 20_000) is False


def test_counted_repeats() -> None:
    """grep's largest count compiles (32,768 instructions); a line shorter than it cannot match."""
    assert compile_pattern("a{32767}").search("a" * 200) is False
    prog = compile_pattern("a{300}")
    assert prog.search("b" + "a" * 300) is True
    assert prog.search("a" * 299) is False


def test_program_size_is_bounded() -> None:
    with pytest.raises(PatternTooBig):
        compile_pattern("(?:a{1000}){1000}")
    with pytest.raises(PatternTooBig):
        compile_pattern("a{99999999999}")


def test_backreferences_are_left_to_the_caller() -> None:
    with pytest.raises(Unsupported):
        compile_pattern(r"(a)\1")
    with pytest.raises(Unsupported):
        compile_pattern(r"(?=ab)a")


def test_bad_syntax_is_re_error() -> None:
    with pytest.raises(re.error):
        compile_pattern("(a")
