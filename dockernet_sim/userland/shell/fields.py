"""Two word-level tools of the runner: field splitting of an unquoted expansion's text (IFS
whitespace, as both shells do by default) and a shell pattern (``*``, ``?``, ``[…]``,
``[!…]``) as a regular expression for ``case``.
"""

from __future__ import annotations

import re


def glob_regex(text: str) -> str:
    """A shell glob as a regular expression (fnmatch's rules, ``[!…]`` negates)."""
    out, i = "", 0
    while i < len(text):
        ch = text[i]
        if ch == "*":
            out += ".*"
        elif ch == "?":
            out += "."
        elif ch == "[":
            j = text.find("]", i + 2)
            if j < 0:
                out += "\\["
            else:
                inner = text[i + 1:j]
                neg = inner[:1] in ("!", "^")
                inner = inner[1:] if neg else inner
                out += "[" + ("^" if neg else "") + inner.replace("\\", "\\\\") + "]"
                i = j
        else:
            out += re.escape(ch)
        i += 1
    return out


def split_fields(value: str, ifs: str) -> list[str]:
    out: list[str] = []
    cur = ""
    for ch in value:
        if ch in ifs:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out
