"""What the filters share: the Result triple, line splitting, and GNU-style option parsing.

Mirrors getopt_long as GNU grep and coreutils use it (bundled short options, ``--long`` and
``--long=value``) and their ``Try 'prog --help' for more information.`` usage texts.
"""

from __future__ import annotations


Result = tuple[str, str, int]


def _lines(text: str) -> list[str]:
    """Lines without their newlines; a last line with no newline still counts."""
    if not text:
        return []
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return parts


# --------------------------------------------------------------------------
# option parsing shared by the GNU tools


class _Usage(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _getopt(
    prog: str, argv: list[str], flags: str, with_arg: str, long: dict[str, str], permute: bool = True
) -> tuple[list[tuple[str, str]], list[str]]:
    """GNU getopt_long: bundled short flags, options taking a value, ``--``, and
    (GNU's default) options after operands."""
    opts: list[tuple[str, str]] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            rest.extend(argv[i:])
            break
        if a.startswith("--") and len(a) > 2:
            name, eq, val = a[2:].partition("=")
            matches = [k for k in long if k == name] or [k for k in long if k.startswith(name)]
            if len(matches) != 1:
                if not matches:
                    raise _Usage(f"{prog}: unrecognized option '{a}'")
                raise _Usage(f"{prog}: option '{a}' is ambiguous")
            key = long[matches[0]]
            if key.endswith("="):
                if not eq:
                    if i >= len(argv):
                        raise _Usage(f"{prog}: option '--{matches[0]}' requires an argument")
                    val = argv[i]
                    i += 1
                opts.append((key[:-1], val))
            elif key.endswith("?"):
                opts.append((key[:-1], val))
            else:
                if eq:
                    raise _Usage(f"{prog}: option '--{matches[0]}' doesn't allow an argument")
                opts.append((key, ""))
            continue
        if a.startswith("-") and len(a) > 1:
            j = 1
            while j < len(a):
                ch = a[j]
                j += 1
                if ch in with_arg:
                    val = a[j:]
                    if not val:
                        if i >= len(argv):
                            raise _Usage(f"{prog}: option requires an argument -- '{ch}'")
                        val = argv[i]
                        i += 1
                    opts.append((ch, val))
                    break
                if ch in flags:
                    opts.append((ch, ""))
                    continue
                raise _Usage(f"{prog}: invalid option -- '{ch}'")
            continue
        rest.append(a)
        if not permute:
            rest.extend(argv[i:])
            break
    return opts, rest


def _try(prog: str) -> str:
    return f"Try '{prog} --help' for more information.\n"
