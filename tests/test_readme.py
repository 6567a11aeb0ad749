"""The README's commands and snippets stay true: its Python blocks run, in order, in one namespace,
the comment lines right after each ``print(…)`` are what it prints (``…`` standing for any text),
and its first lines are the two commands a newcomer needs."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def readme() -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return f.read()


def test_first_lines_are_the_two_commands() -> None:
    block = re.search(r"```\n(.*?)```", readme(), re.S)
    assert block is not None
    assert block.group(1).splitlines() == ["python -m dockernet_sim demo",
                                           "pip install -e '.[test]' && python -m pytest"]


def expectation(pattern: list[str]) -> re.Pattern[str]:
    """A regex for the expected lines: ``…`` is any text (across lines too); trailing blanks and
    trailing empty lines do not count."""
    text = "\n".join(line.rstrip() for line in pattern).rstrip("\n")
    return re.compile(".*?".join(re.escape(part) for part in text.split("…")), re.S)


def normalise(out: str) -> str:
    return "\n".join(line.rstrip() for line in out.splitlines()).rstrip("\n")


def statements(code: str) -> list[tuple[ast.stmt, list[str]]]:
    """Each top-level statement with the comment lines that follow it directly (without ``# ``)."""
    lines = code.splitlines()
    out = []
    for stmt in ast.parse(code).body:
        expected = []
        n = stmt.end_lineno or stmt.lineno
        while n < len(lines) and lines[n].lstrip().startswith("#"):
            expected.append(re.sub(r"^\s*# ?", "", lines[n]))
            n += 1
        out.append((stmt, expected))
    return out


def is_print(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == "print")


def test_python_snippets_run_and_print_what_they_say() -> None:
    ns: dict[str, object] = {}
    checked = 0
    for code in re.findall(r"```python\n(.*?)```", readme(), re.S):
        for stmt, expected in statements(code):
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                exec(compile(ast.Module(body=[stmt], type_ignores=[]), "README.md", "exec"), ns)
            if not is_print(stmt):
                continue
            where = f"README snippet, line {stmt.lineno}: {ast.unparse(stmt)}"
            assert expected, f"{where}: no expected output after it"
            got = normalise(buf.getvalue())
            assert expectation(expected).fullmatch(got), f"{where} printed\n{got}\nnot\n" + "\n".join(expected)
            checked += 1
    assert checked >= 8
    test = ns.get("test_gateway_is_first_address")
    assert callable(test)
    test()


def test_expectations_can_fail() -> None:
    assert expectation(["0 7e5b…"]).fullmatch("0 7e5b1e7f")
    assert not expectation(["0 7e5b…"]).fullmatch("1 7e5b1e7f")
    assert expectation(["a", "…", "z"]).fullmatch("a\nb\nc\nz")
    assert not expectation(["10.1.0.3"]).fullmatch("10.1.0.2")
