"""The README's commands and snippets stay true: its Python blocks run, in order, in one namespace,
and its first lines are the two commands a newcomer needs."""

from __future__ import annotations

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


def test_python_snippets_run() -> None:
    ns: dict[str, object] = {}
    for code in re.findall(r"```python\n(.*?)```", readme(), re.S):
        exec(compile(code, "README.md", "exec"), ns)
    test = ns.get("test_gateway_is_first_address")
    assert callable(test)
    test()
