"""The text of a host file (``persist``): how a save lays it out, and a reader that keeps the text
of each call beside its value (issue 15).

A host's call log holds every call as its compact JSON text (``persist.CallLog``). A save writes
those texts as they are, one call a line, between the rest of the document (indented, as
``json.dumps(doc, indent=1)`` writes it) and the snapshot (one line). Reading a file back,
:func:`parse` gives the document ``json.loads`` gives, and the text of each entry of its
``calls``: the JSON parser's own scanner (C, where the interpreter has it) reads each value of the
document, and each entry of ``calls`` on its own, so that where an entry's value ends is known.
A load from the snapshot then takes those texts as the log, once the hash the snapshot names
shows they are the texts the saved log held, instead of writing every entry out again.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from json.scanner import make_scanner
from typing import Any, Optional

# the scanner json.loads reads with (its defaults: NaN and Infinity, strict strings)
_SCAN = make_scanner(json.JSONDecoder())
_SPACE = re.compile(r"[ \t\n\r]*")         # JSON's whitespace, as json.decoder skips it
_NEXT = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*")
_SPACES = frozenset(" \t\n\r")


class _NotLaidOut(Exception):
    """The text is not a JSON object (``json.loads`` says why, or what it is instead)."""


def layout(head: str, calls: list[str], tail: str, snapshot: Optional[str]) -> str:
    """A host file's text: ``head`` and ``tail``, the document's keys before and after
    ``calls`` as ``json.dumps(..., indent=1)`` writes them (``head`` from its ``{``, ``tail`` to
    its last value), the calls' texts one a line, and the snapshot's text on a line of its own."""
    lines = "[\n" + ",\n".join(calls) + "\n ]" if calls else "[]"
    snapshot_line = "" if snapshot is None else f',\n "snapshot": {snapshot}'
    return f'{head},\n "calls": {lines},\n{tail}{snapshot_line}\n}}\n'


def parse(text: str) -> tuple[Any, Optional[list[str]]]:
    """The document of ``text`` as ``json.loads`` gives it (raising what it raises), and the
    texts of the entries of its top-level ``calls`` (None where there is no list of calls):
    ``json.loads`` of each is that entry."""
    try:
        return _object(text)
    except (_NotLaidOut, StopIteration, ValueError, RecursionError):
        return json.loads(text), None     # not an object, or not JSON: json.loads says what


def _object(text: str) -> tuple[dict[str, Any], Optional[list[str]]]:
    """The top-level object, read key by key (as the scanner reads an object: the last of a
    repeated key wins), ``calls`` entry by entry."""
    space = _SPACE.match
    i = space(text).end()
    if text[i:i + 1] != "{":
        raise _NotLaidOut
    doc: dict[str, Any] = {}
    texts: Optional[list[str]] = None
    i = space(text, i + 1).end()
    if text[i:i + 1] == "}":
        i += 1
    else:
        while True:
            if text[i:i + 1] != '"':
                raise _NotLaidOut
            key, i = scanstring(text, i + 1)
            i = space(text, i).end()
            if text[i:i + 1] != ":":
                raise _NotLaidOut
            i = space(text, i + 1).end()
            if key == "calls" and text[i:i + 1] == "[":
                doc[key], texts, i = _entries(text, i)
            else:
                if key == "calls":
                    texts = None
                doc[key], i = _SCAN(text, i)
            i = space(text, i).end()
            if text[i:i + 1] == "}":
                i += 1
                break
            if text[i:i + 1] != ",":
                raise _NotLaidOut
            i = space(text, i + 1).end()
    if space(text, i).end() != len(text):
        raise _NotLaidOut
    return doc, texts


def _entries(text: str, i: int) -> tuple[list[Any], list[str], int]:
    """The array at ``text[i]`` (a ``[``): its values, the text of each, and where it ends."""
    values: list[Any] = []
    texts: list[str] = []
    i = _SPACE.match(text, i + 1).end()
    if text[i:i + 1] == "]":
        return values, texts, i + 1
    after = _NEXT.match
    while True:
        value, end = _SCAN(text, i)
        values.append(value)
        texts.append(text[i:end])
        if text.startswith(",\n", end) and text[end + 2:end + 3] not in _SPACES:   # (a save's)
            i = end + 2
            continue
        found = after(text, end)
        if found is None:
            raise _NotLaidOut
        i = found.end()
        if found.group(1) == "]":
            return values, texts, i
