"""Go's ``encoding/csv`` reading one record, as the docker client reads ``--network name=…,alias=…``.

Only what that flag uses: a comma between fields, no lazy quotes, leading spaces kept. A field
that starts with ``"`` is quoted (``""`` inside is one quote, newlines are kept); a quote anywhere
else is an error. Errors carry Go's words and position (line, and the 1-based byte column):
``parse error on line 1, column 15: bare " in non-quoted-field`` — checked against the real
clients 20.10 and 28 (``docker create --network 'name=n1,alias="a,b"' …``, no daemon needed).
"""

from __future__ import annotations

__all__ = ["CsvError", "read_record"]

_BARE = 'bare " in non-quoted-field'
_QUOTE = 'extraneous or missing " in quoted-field'


class CsvError(ValueError):
    """A csv.ParseError; str() is Go's text."""


def read_record(text: str) -> list[str]:
    """The first record of ``text`` (``csv.NewReader(strings.NewReader(text)).Read()``)."""
    text = text.replace("\r\n", "\n")
    while text.startswith("\n"):           # the reader skips empty lines
        text = text[1:]
    fields: list[str] = []
    n = len(text)
    i = 0
    line, line_start = 1, 0

    def fail(pos: int, why: str, start_line: int) -> CsvError:
        col = len(text[line_start:pos].encode()) + 1
        where = f"parse error on line {line}, column {col}: {why}"
        return CsvError(where if start_line == line else f"record on line {start_line}; {where}")

    while True:
        if i < n and text[i] == '"':
            start_line, i, parts = line, i + 1, []
            while True:
                j = text.find('"', i)
                chunk = text[i:] if j < 0 else text[i:j]
                parts.append(chunk)
                if "\n" in chunk:
                    line += chunk.count("\n")
                    line_start = i + chunk.rindex("\n") + 1
                if j < 0:
                    raise fail(n, _QUOTE, start_line)
                i = j + 1
                if i < n and text[i] == '"':
                    parts.append('"')
                    i += 1
                elif i < n and text[i] not in ",\n":
                    raise fail(j, _QUOTE, start_line)
                else:
                    break
            fields.append("".join(parts))
        else:
            end = n
            for stop in (",", "\n"):
                k = text.find(stop, i)
                if 0 <= k < end:
                    end = k
            field = text[i:end]
            if '"' in field:
                raise fail(i + field.index('"'), _BARE, line)
            fields.append(field)
            i = end
        if i < n and text[i] == ",":
            i += 1
            continue
        return fields
