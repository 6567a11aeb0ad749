"""jq 1.6 as a command: options, reading the JSON inputs, printing results.

Mirrors jq's src/main.c for -r -j -c -S -e -n -M -C -a, --tab and --indent N, its input parser's
error texts and its exit statuses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .jq_eval import _jq_check_calls, _jq_eval
from .jq_parse import _JqCompileError, _JqError, _JqParser
from .jq_values import _jq_dump, _jq_truthy

if TYPE_CHECKING:
    from .common import Result


class _JqParseError(Exception):
    pass


def _jq_literal(tok: str) -> object:
    pattern = {"t": ("true", True), "f": ("false", False), "n": ("null", None)}.get(tok[0])
    if pattern is not None:
        if tok != pattern[0]:
            raise _JqParseError("Invalid literal")
        return pattern[1]
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", tok):
        if not re.fullmatch(r"[+-]?(inf|infinity|nan)", tok, re.IGNORECASE):
            raise _JqParseError("Invalid numeric literal")
    return float(tok)


def _jq_inputs(text: str) -> tuple[list[tuple[object, int]], str | None]:
    """jq 1.6's streaming JSON parser (jv_parse.c's token rules and messages).
    Returns the values, each with the line number jq reports for it, and the
    parse error (``MSG at line L, column C``) that stopped it, if any."""
    import json as _json

    out: list[tuple[object, int]] = []
    stack: list[list] = []  # ["a", list] | ["o", dict] | ["k", key]
    nxt: list = []  # [] or [value]
    tok: list[str] = []
    line, col = 1, 0
    in_str = False
    strbuf: list[str] = []
    escaped = False
    n = len(text)

    def report_line(k: int) -> int:
        e = text.find("\n", k)
        return text.count("\n", 0, n if e < 0 else e + 1)

    def value(v: object) -> None:
        if nxt:
            raise _JqParseError("Expected separator between values")
        nxt.append(v)

    def structure(ch: str) -> None:
        if ch in "[{":
            if nxt:
                raise _JqParseError("Expected separator between values")
            stack.append(["a", []] if ch == "[" else ["o", {}])
        elif ch == ":":
            if not nxt:
                raise _JqParseError("Expected string key before ':'")
            if not stack or stack[-1][0] != "o":
                raise _JqParseError("':' not as part of an object")
            if not isinstance(nxt[0], str):
                raise _JqParseError("Object keys must be strings")
            stack.append(["k", nxt.pop()])
        elif ch == ",":
            if not nxt:
                raise _JqParseError("Expected value before ','")
            if not stack:
                raise _JqParseError("',' not as part of an object or array")
            top = stack[-1]
            if top[0] == "a":
                top[1].append(nxt.pop())
            elif top[0] == "k":
                stack.pop()
                stack[-1][1][top[1]] = nxt.pop()
            else:
                raise _JqParseError("Objects must consist of key:value pairs")
        elif ch == "]":
            if not stack or stack[-1][0] != "a":
                raise _JqParseError("Unmatched ']'")
            if nxt:
                stack[-1][1].append(nxt.pop())
            elif stack[-1][1]:
                raise _JqParseError("Expected another array element")
            nxt.append(stack.pop()[1])
        else:  # }
            if not stack:
                raise _JqParseError("Unmatched '}'")
            if nxt:
                if stack[-1][0] != "k":
                    raise _JqParseError("Objects must consist of key:value pairs")
                key = stack.pop()[1]
                stack[-1][1][key] = nxt.pop()
            else:
                if stack[-1][0] != "o":
                    raise _JqParseError("Unmatched '}'")
                if stack[-1][1]:
                    raise _JqParseError("Expected another key-value pair")
            nxt.append(stack.pop()[1])

    def where(at_eof: bool = False) -> str:
        return (" at EOF" if at_eof else "") + f" at line {line}, column {col}"

    for k, ch in enumerate(text):
        col += 1
        if ch == "\n":
            line += 1
            col = 0
        try:
            if in_str:
                if escaped:
                    escaped = False
                    strbuf.append(ch)
                elif ch == "\\":
                    escaped = True
                    strbuf.append(ch)
                elif ch == '"':
                    in_str = False
                    try:
                        sval = _json.loads('"' + "".join(strbuf) + '"', strict=False)
                    except ValueError:
                        raise _JqParseError("Invalid escape") from None
                    strbuf = []
                    value(sval)
                else:
                    strbuf.append(ch)
            elif ch in " \t\r\n[{:,]}\"":
                if tok:
                    lit = _jq_literal("".join(tok))
                    tok = []
                    value(lit)
                if ch in "[{:,]}":
                    structure(ch)
                elif ch == '"':
                    in_str = True
            else:
                tok.append(ch)
                continue
            if not stack and nxt:
                out.append((nxt.pop(), report_line(k)))
        except _JqParseError as e:
            return out, str(e) + where()
    try:
        if in_str:
            raise _JqParseError("Unfinished string")
        if tok:
            value(_jq_literal("".join(tok)))
        if not stack and nxt:
            out.append((nxt.pop(), report_line(n)))
        if stack or nxt:
            raise _JqParseError("Unfinished JSON term")
    except _JqParseError as e:
        return out, str(e) + where(True)
    return out, None


_JQ_USAGE = ("Use jq --help for help with command-line options,\n"
             "or see the jq manpage, or online docs  at https://stedolan.github.io/jq\n")


def run_jq(argv: list[str], stdin: str) -> Result:
    """jq 1.6 with the options -r -j -c -S -e -n -M -C -a and a filter."""
    raw = join = compact = sort_keys = exit_status = null_input = ascii_out = False
    indent = 2
    prog: str | None = None
    files: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a.startswith("--") and prog is None or a in ("--raw-output", "--compact-output", "--sort-keys"):
            long = {"--raw-output": "r", "--join-output": "j", "--compact-output": "c", "--sort-keys": "S",
                    "--exit-status": "e", "--null-input": "n", "--monochrome-output": "M", "--color-output": "C",
                    "--ascii-output": "a", "--tab": "tab"}
            if a == "--indent" and i < len(argv):
                try:
                    indent = max(0, min(7, int(argv[i])))
                except ValueError:
                    return "", "jq: --indent takes a number\n" + _JQ_USAGE, 2
                i += 1
                continue
            if a not in long:
                return "", f"jq: Unknown option: {a}\n" + _JQ_USAGE, 2
            flags = long[a]
        elif a.startswith("-") and len(a) > 1 and a != "-":
            flags = a[1:]
        else:
            if prog is None:
                prog = a
            else:
                files.append(a)
            continue
        if flags == "tab":
            indent = 1
            continue
        for f in flags:
            if f == "r":
                raw = True
            elif f == "j":
                raw = join = True
            elif f == "c":
                compact = True
            elif f == "S":
                sort_keys = True
            elif f == "e":
                exit_status = True
            elif f == "n":
                null_input = True
            elif f in "MC":
                pass
            elif f == "a":
                ascii_out = True
            else:
                return "", f"jq: Unknown option: {a}\n" + _JQ_USAGE, 2
    if prog is None:
        return "", "Usage:\tjq [OPTIONS] FILTER [FILES...]\n" + _JQ_USAGE, 2
    if files:
        f = files[0]
        return "", f"jq: error: Could not open {f}: No such file or directory\n", 2
    try:
        tree = _JqParser(prog).parse() if prog.strip() else ("id",)
        _jq_check_calls(tree)
    except _JqCompileError as e:
        if e.offset < 0:
            head = f"jq: error: {e.message} at <top-level>, line 1:\n{prog}\n"
        else:
            head = (f"jq: error: {e.message} (Unix shell quoting issues?) at <top-level>, line 1:\n"
                    f"{prog}{' ' * e.offset}\n")
        return "", head + "jq: 1 compile error\n", 3
    if null_input:
        values: list[tuple[object, int]] = [(None, 0)]
        perr = None
    else:
        values, perr = _jq_inputs(stdin)
    out: list[str] = []
    err: list[str] = []
    status = 0
    last: object = ...
    for val, line in values:
        try:
            for r in _jq_eval(tree, val):
                last = r
                if raw and isinstance(r, str):
                    text = r
                else:
                    text = _jq_dump(r, None if compact else indent, sort_keys)
                if ascii_out:
                    text = "".join(c if ord(c) < 0x80 else ("\\u%04x" % ord(c) if ord(c) < 0x10000 else
                                   "\\u%04x\\u%04x" % (0xD800 + ((ord(c) - 0x10000) >> 10),
                                                       0xDC00 + ((ord(c) - 0x10000) & 0x3FF))) for c in text)
                out.append(text if join else text + "\n")
        except _JqError as e:
            err.append(f"jq: error (at <stdin>:{line}): {e}\n")
            status = 5
        except RecursionError:
            err.append(f"jq: error (at <stdin>:{line}): Exceeds depth limit for parsing\n")
            status = 5
    if perr is not None:
        err.append(f"parse error: {perr}\n")
        status = 2 if status == 0 else status
        status = 4 if status == 2 else status
    if exit_status and status == 0:
        if last is ...:
            status = 4
        elif not _jq_truthy(last):
            status = 1
    return "".join(out), "".join(err), status
