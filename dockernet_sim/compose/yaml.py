"""The YAML that compose files are written in, read as docker compose v2 reads it.

Compose v2 parses with Go's YAML v3 library (YAML 1.2 structure, its own scalar resolution) and
decodes into untyped maps before validating against the Compose Specification. This module is
that reader for the subset compose files use: block and flow collections; plain, single- and
double-quoted scalars, multi-line folding; literal and folded block scalars with chomping and
indentation indicators; comments; anchors, aliases and ``<<`` merge keys; the ``!!str`` …
standard tags; one document (``---`` and ``...`` markers accepted).

Plain scalars are typed as YAML v3 resolves them (its ``resolve.go``): ``true``/``True``/``TRUE``
and the ``false`` forms are booleans — ``yes``, ``on`` are strings (YAML 1.2); ``~``, ``null``,
``Null``, ``NULL`` and the empty scalar are null; integers go through Go's base-0 parser after
removing ``_`` (so ``0x1f``, ``0o17``, ``017`` and ``0b101`` are numbers); floats match
``[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?`` or are ``.inf``/``.nan`` spellings;
anything else is a string (``8080:80`` included: no base-60 numbers); dates and times become
:class:`Timestamp` strings in the RFC 3339 form Go prints them in.

Errors carry the line as the library reports it (``yaml: line 3: mapping values are not
allowed in this context``); :class:`YAMLError` keeps line and column.

>>> load("services:\\n  web:\\n    ports: ['8080:80']\\n    tty: yes\\n")
{'services': {'web': {'ports': ['8080:80'], 'tty': 'yes'}}}
"""

from __future__ import annotations

import math
import re
from typing import Any, Optional

__all__ = ["YAMLError", "DuplicateKey", "load", "load_all", "MAX_DEPTH", "MAX_ALIAS_EXPANSION"]

MAX_DEPTH = 200                 # nesting a document may have (bounded cost; Go's limit is higher)
MAX_ALIAS_EXPANSION = 100_000   # nodes that aliases may expand to ("billion laughs" guard)


class YAMLError(ValueError):
    """A document that is not YAML. ``str()`` is the library's message: ``yaml: line N: …``,
    where N is the line the library reports (None: no line is shown)."""

    def __init__(self, problem: str, line: Optional[int]) -> None:
        super().__init__(f"yaml: line {line}: {problem}" if line else f"yaml: {problem}")
        self.problem = problem
        self.line = line


class DuplicateKey(YAMLError):
    """A key given twice in one mapping (compose reports it with both lines, 1-based)."""

    def __init__(self, key: str, line: int, first_line: int) -> None:
        super().__init__(f'mapping key "{key}" already defined at line {first_line}', line)
        self.key = key
        self.first_line = first_line


_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INT_RE = re.compile(r"[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)")
_SPECIAL = {
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
    "~": None, "null": None, "Null": None, "NULL": None, "": None,
    ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan,
}
for _sign, _value in (("", math.inf), ("+", math.inf), ("-", -math.inf)):
    for _spelling in (".inf", ".Inf", ".INF"):
        _SPECIAL[_sign + _spelling] = _value


class Timestamp(str):
    """A plain scalar YAML v3 reads as a time (``2001-12-14``): compose then carries Go's
    ``time.Time``, which prints in RFC 3339 (``2001-12-14T00:00:00Z``) — the string's value."""

    __slots__ = ()


_TIMESTAMP_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?"
                           r"(Z|[+-]\d\d:\d\d)?)?")


def _timestamp(text: str) -> Optional[Timestamp]:
    """The RFC 3339 form Go gives the formats YAML v3 tries (``parseTimestamp``), or None."""
    m = _TIMESTAMP_RE.fullmatch(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, frac, zone = m.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    if hour is None:
        return Timestamp(f"{year}-{int(month):02d}-{int(day):02d}T00:00:00Z")
    if " " in text and zone is not None:
        return None                                   # "2006-1-2 15:4:5" takes no zone
    if int(hour) > 23 or int(minute) > 59 or int(second) > 59:
        return None
    fraction = (frac or "").rstrip("0").rstrip(".") if frac else ""
    return Timestamp(f"{year}-{int(month):02d}-{int(day):02d}T{int(hour):02d}:{int(minute):02d}:"
                     f"{int(second):02d}{fraction}{'Z' if zone in (None, 'Z') else zone}")


def resolve_plain(text: str) -> Any:
    """A plain scalar's value, as YAML v3 resolves an untagged one."""
    if text in _SPECIAL:
        return _SPECIAL[text]
    if not text or text[0] not in "+-0123456789.":
        return text
    if text[:4].isdigit() and text[4:5] == "-":
        stamp = _timestamp(text)
        if stamp is not None:
            return stamp
    plain = text.replace("_", "")
    if _INT_RE.fullmatch(plain):
        sign = -1 if plain[0] == "-" else 1
        digits = plain.lstrip("+-")
        if len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXoObB":
            value = int(digits, 8)
        else:
            value = int(digits, 0)
        value *= sign
        if -(1 << 63) <= value < (1 << 64):
            return value                                   # else a float, if it reads as one
    if _FLOAT_RE.fullmatch(plain):
        return float(plain)
    return text


_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_LEN = {"x": 2, "u": 4, "U": 8}
_FLOW_INDICATORS = ",[]{}"
_RESERVED = "@`%"                # indicators that cannot start a plain scalar
_Alias = object()   # marker kept in the anchor table while its node is being built
_MERGE = object()   # the plain key << (a quoted "<<" is an ordinary key)


class _Reader:
    """A recursive-descent reader over the text, one position at a time."""

    def __init__(self, text: str) -> None:
        if text.startswith("\ufeff"):
            text = text[1:]
        self.s = text.replace("\r\n", "\n").replace("\r", "\n")
        self.n = len(self.s)
        self.i = 0
        self.anchors: dict[str, Any] = {}
        self.expanded = 0
        self.depth = 0
        self.mappings: list[int] = []
        self.key_lines: dict[int, dict[Any, int]] = {}

    # -- positions --------------------------------------------------------------------------
    def line(self, i: Optional[int] = None) -> int:
        return self.s.count("\n", 0, self.i if i is None else i) + 1

    def col(self, i: Optional[int] = None) -> int:
        i = self.i if i is None else i
        return i - (self.s.rfind("\n", 0, i) + 1)

    # The library names a line as libyaml marks it: the context's (where the construct being
    # read began) unless that is the first line, else the problem's; 0-based for parser errors
    # and 1-based for scanner errors; none at all when that comes to line 0.
    def _reported(self, problem_at: Optional[int], context_at: Optional[int], scanner: bool) -> Optional[int]:
        for at in (context_at, problem_at):
            if at is not None and self.line(at) - 1 != 0:
                return self.line(at) - 1 + (1 if scanner else 0)
        return None

    def scanner_error(self, problem: str, context_at: Optional[int] = None,
                      at: Optional[int] = None) -> YAMLError:
        at = self.i if at is None else at
        return YAMLError(problem, self._reported(at, context_at, scanner=True))

    def parser_error(self, problem: str, context_at: Optional[int] = None,
                     at: Optional[int] = None) -> YAMLError:
        at = self.i if at is None else at
        return YAMLError(problem, self._reported(at, context_at, scanner=False))

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < self.n else ""

    def at_blank(self, k: int = 0) -> bool:
        """End of input, a space, a tab or a line break at offset k."""
        return self.peek(k) in ("", " ", "\t", "\n")

    # -- whitespace and comments ------------------------------------------------------------
    def skip_inline(self) -> None:
        """Spaces and tabs, and a comment up to (not past) the line break."""
        while self.peek() in (" ", "\t"):
            self.i += 1
        if self.peek() == "#":
            while self.peek() not in ("", "\n"):
                self.i += 1

    def skip_lines(self) -> bool:
        """Whitespace, comments and line breaks up to the next content. True if a line ended."""
        crossed = False
        while True:
            self.skip_inline()
            if self.peek() == "\n":
                self.i += 1
                crossed = True
                continue
            return crossed

    def at_document_marker(self) -> bool:
        return self.col() == 0 and self.s.startswith(("---", "..."), self.i) and self.at_blank(3)

    # -- the document -----------------------------------------------------------------------
    def document(self) -> Any:
        self.skip_lines()
        while self.peek() == "%":                      # directives: %YAML 1.2, %TAG …
            while self.peek() not in ("", "\n"):
                self.i += 1
            self.skip_lines()
        if self.at_document_marker() and self.s.startswith("---", self.i):
            self.i += 3
            self.skip_inline()
        value = self.block_node(-1, inline=self.col() > 0 and self.peek() not in ("", "\n"))
        self.skip_lines()
        if self.at_document_marker() and self.s.startswith("...", self.i):
            self.i += 3
            self.skip_lines()
        if self.i < self.n and not (self.at_document_marker() and self.s.startswith("---", self.i)):
            raise self.parser_error("did not find expected <document start>")
        return value

    # -- block context ------------------------------------------------------------------------
    def block_node(self, indent: int, inline: bool = False, mapping_ok: bool = True) -> Any:
        """The node that follows: on this line (``inline``) or on the next ones, more indented
        than ``indent``. Returns None for an empty node. A block mapping may not start on the
        line of a mapping's key (``a: b: c``): ``mapping_ok`` is False there."""
        if not inline:
            self.skip_lines()
            if self.i >= self.n or self.col() <= indent or self.at_document_marker():
                return None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.parser_error(f"exceeded max depth of {MAX_DEPTH}")
        try:
            return self._block_node(indent, mapping_ok)
        finally:
            self.depth -= 1

    def _block_node(self, indent: int, mapping_ok: bool) -> Any:
        node_col, node_at = self.col(), self.i
        anchor, tag = self.properties()
        if (anchor is not None or tag is not None) and self.line_ends():
            value = self.block_node(indent)              # the node is on the next lines
            if value is None and self.compact_sequence_follows(indent):
                self.skip_lines()
                value = self.block_sequence(self.col(), compact=True)
            return self.finish(value, anchor, tag)
        c = self.peek()
        if c == "-" and self.at_blank(1):
            return self.finish(self.block_sequence(self.col()), anchor, tag)
        if c in ("|", ">"):
            return self.finish(self.block_scalar(indent), anchor, tag)
        if c == "?" and self.at_blank(1):
            raise self.parser_error("complex mapping keys are not supported")
        # a scalar, an alias or a flow collection: alone, or the first key of a block mapping
        if c == "*":
            node = self.alias()
        elif c in ("[", "{"):
            node = _freeze(self.flow_collection()) if self.key_after_flow() else self.flow_collection()
        elif c in ("'", '"'):
            node = self.quoted(c)
        else:
            if c in _RESERVED:
                raise self.scanner_error("found character that cannot start any token", self.i)
            save = self.i
            text = self.plain_line(flow=False)
            if not self.key_follows():
                self.i = save
                return self.finish(self.plain_scalar(indent, flow=False), anchor, tag)
            if not mapping_ok:
                raise self.scanner_error("mapping values are not allowed in this context")
            node = _MERGE if text == "<<" else resolve_plain(text)
        if self.key_follows():
            if not mapping_ok:
                raise self.scanner_error("mapping values are not allowed in this context")
            key = self.finish(node, anchor, tag)           # `&a key: v` anchors the key
            return self.block_mapping(node_col, key, node_at)
        if not self.line_ends():
            raise self.parser_error("did not find expected key", self.mapping_start)
        return self.finish(node, anchor, tag)

    def line_ends(self) -> bool:
        """Only blanks and a comment are left on this line (the reader stays put)."""
        save = self.i
        self.skip_inline()
        ends = self.peek() in ("", "\n")
        self.i = save
        return ends

    def key_follows(self) -> bool:
        """A ``:`` indicator follows (after blanks): leaves the reader on it. Else stays put."""
        save = self.i
        self.skip_spaces()
        if self.peek() == ":" and self.at_blank(1):
            return True
        self.i = save
        return False

    def key_after_flow(self) -> bool:
        """Whether the flow collection that starts here is a mapping key (rare: ``[a]: b``)."""
        save, depth = self.i, self.depth
        try:
            self.flow_collection()
            return self.key_follows()
        except YAMLError:
            return False
        finally:
            self.i, self.depth = save, depth

    def skip_spaces(self) -> None:
        while self.peek() in (" ", "\t"):
            self.i += 1

    def compact_sequence_follows(self, indent: int) -> bool:
        save = self.i
        self.skip_lines()
        ok = self.i < self.n and self.col() == indent and self.peek() == "-" and self.at_blank(1)
        self.i = save
        return ok

    def block_sequence(self, col: int, compact: bool = False) -> list[Any]:
        """Entries at ``col``; a ``compact`` sequence (at its parent key's column) ends at the
        next key, any other must go on with ``-``."""
        items: list[Any] = []
        start = self.i
        while True:
            self.i += 1                                    # the '-'
            self.skip_inline()
            if self.peek() in ("", "\n"):
                item = self.block_node(col)
            else:
                item = self.block_node(col, inline=True)
            items.append(item)
            self.skip_lines()
            if self.i >= self.n or self.at_document_marker():
                return items
            here = self.col()
            if here < col:
                return items
            if here > col:
                raise self.parser_error("did not find expected '-' indicator", start)
            if not (self.peek() == "-" and self.at_blank(1)):
                if compact:
                    return items                           # `key:\n- a\nnext: b`
                raise self.parser_error("did not find expected '-' indicator", start)

    @property
    def mapping_start(self) -> Optional[int]:
        """Where the innermost block mapping being read began (errors name its line)."""
        return self.mappings[-1] if self.mappings else None

    def block_mapping(self, col: int, first_key: Any, first_at: int) -> dict[Any, Any]:
        self.mappings.append(first_at)
        try:
            return self._block_mapping(col, first_key, first_at)
        finally:
            self.mappings.pop()

    def _block_mapping(self, col: int, first_key: Any, first_at: int) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        merges: list[Any] = []
        key, key_at = first_key, first_at
        while True:
            self.i += 1                                    # the ':'
            self.skip_inline()
            if self.peek() in ("", "\n"):
                value = self.block_node(col)
                if value is None and self.compact_sequence_follows(col):
                    self.skip_lines()
                    value = self.block_sequence(col, compact=True)
            else:
                value = self.block_node(col, inline=True, mapping_ok=False)
            self.store(mapping, merges, key, value, key_at)
            self.skip_lines()
            if self.i >= self.n or self.at_document_marker():
                break
            here = self.col()
            if here < col:
                break
            if here > col:                             # (a plain value would have run on)
                raise self.parser_error("did not find expected key", self.mapping_start)
            key_at = self.i
            key = self.mapping_key(col)
        return self.merged(mapping, merges)

    def mapping_key(self, col: int) -> Any:
        """The next key of a block mapping at ``col``; leaves the reader on its ':'."""
        start = self.i
        anchor, tag = self.properties()
        c = self.peek()
        if c == "-" and self.at_blank(1):
            raise self.parser_error("did not find expected key", self.mapping_start)
        if c == "*":
            key = self.alias()
        elif c in ("'", '"'):
            key = self.quoted(c)
        elif c in ("[", "{"):
            key = _freeze(self.flow_collection())
        elif c == "?" and self.at_blank(1):
            raise self.parser_error("complex mapping keys are not supported")
        else:
            text = self.plain_line(flow=False)
            key = _MERGE if text == "<<" else resolve_plain(text)
        key = self.finish(key, anchor, tag)
        self.skip_spaces()
        if not (self.peek() == ":" and self.at_blank(1)):
            raise self.scanner_error("could not find expected ':'", start)
        return key

    def store(self, mapping: dict[Any, Any], merges: list[Any], key: Any, value: Any,
              at: int) -> None:
        if key is _MERGE:
            values = value if isinstance(value, list) else [value]
            for v in values:
                if not isinstance(v, dict):
                    raise self.parser_error("map merge requires map or sequence of maps as the value", at=at)
            merges.extend(values)
            return
        try:
            hash(key)
        except TypeError:
            raise self.parser_error("invalid map key", at=at) from None
        lines = self.key_lines.setdefault(id(mapping), {})
        if key in mapping:
            raise DuplicateKey(str(key), self.line(at), lines[key])
        lines[key] = self.line(at)
        mapping[key] = value

    @staticmethod
    def merged(mapping: dict[Any, Any], merges: list[Any]) -> dict[Any, Any]:
        if not merges:
            return mapping
        out: dict[Any, Any] = {}
        for source in merges:                            # earlier merges win over later ones
            for k, v in source.items():
                out.setdefault(k, v)
        for k, v in mapping.items():                     # explicit keys win over merged ones
            out[k] = v
        return out

    # -- node properties and aliases ----------------------------------------------------------
    def properties(self) -> tuple[Optional[str], Optional[str]]:
        anchor = tag = None
        for _ in range(2):
            c = self.peek()
            if c == "&" and anchor is None:
                self.i += 1
                anchor = self.name()
                if not anchor:
                    raise self.scanner_error("did not find expected alphabetic or numeric character", self.i - 1)
                self.skip_spaces()
            elif c == "!" and tag is None:
                start = self.i
                while not self.at_blank() and self.peek() not in _FLOW_INDICATORS:
                    self.i += 1
                tag = self.s[start:self.i]
                self.skip_spaces()
        return anchor, tag

    def name(self) -> str:
        start = self.i
        while not self.at_blank() and self.peek() not in _FLOW_INDICATORS:
            self.i += 1
        return self.s[start:self.i]

    def alias(self) -> Any:
        at = self.i
        self.i += 1
        name = self.name()
        if name not in self.anchors or self.anchors[name] is _Alias:
            raise YAMLError(f"unknown anchor '{name}' referenced", None)
        value = self.anchors[name]
        self.expanded += _size(value)
        if self.expanded > MAX_ALIAS_EXPANSION:
            raise YAMLError("document contains excessive aliasing", None)
        return value

    def finish(self, value: Any, anchor: Optional[str], tag: Optional[str]) -> Any:
        if tag is not None:
            value = self.apply_tag(value, tag)
        if anchor is not None:
            self.anchors[anchor] = value
        return value

    def apply_tag(self, value: Any, tag: str) -> Any:
        short = tag.replace("tag:yaml.org,2002:", "!!")
        if short == "!!str":
            return value if isinstance(value, str) else _plain_text(value)
        if short in ("!!int", "!!float", "!!bool", "!!null"):
            text = value if isinstance(value, str) else _plain_text(value)
            resolved = resolve_plain(text)
            wanted = {"!!int": int, "!!float": float, "!!bool": bool, "!!null": type(None)}[short]
            if short == "!!float" and isinstance(resolved, int) and not isinstance(resolved, bool):
                return float(resolved)
            if type(resolved) is not wanted:
                raise YAMLError(f"cannot decode {_tag_of(resolved)} `{text}` as a {short}", None)
            return resolved
        return value                                       # !!map, !!seq, local tags: as is

    # -- scalars ------------------------------------------------------------------------------
    def plain_line(self, flow: bool) -> str:
        """A plain scalar's text on the current line (stops at ': ', ' #', and in flow context
        at flow indicators)."""
        start = self.i
        while True:
            c = self.peek()
            if c in ("", "\n"):
                break
            if c == ":" and (self.at_blank(1) or (flow and self.peek(1) in _FLOW_INDICATORS)):
                break
            if c == "#" and self.i > start and self.s[self.i - 1] in (" ", "\t"):
                break
            if flow and c in _FLOW_INDICATORS:
                break
            self.i += 1
        text = self.s[start:self.i].rstrip(" \t")
        self.i = start + len(text)
        return text

    def plain_scalar(self, indent: int, flow: bool) -> Any:
        """A plain scalar, folded over its continuation lines (more indented than ``indent`` in
        block context; any in flow context)."""
        first = self.plain_line(flow)
        if not first:
            raise self.parser_error("did not find expected node content")
        parts = [first]
        while True:
            save = self.i
            self.skip_spaces()
            if self.peek() != "\n":
                self.i = save
                break
            breaks = 0
            while self.peek() == "\n":                     # the line break and blank lines
                self.i += 1
                breaks += 1
                self.skip_spaces()
            if (self.i >= self.n or self.peek() == "#" or (not flow and self.col() <= indent)
                    or self.at_document_marker()):
                self.i = save
                break
            more = self.plain_line(flow)
            if not more:
                self.i = save
                break
            if not flow and self.key_follows():
                raise self.scanner_error("mapping values are not allowed in this context")
            parts.append(" " if breaks == 1 else "\n" * (breaks - 1))
            parts.append(more)
        return resolve_plain(first) if len(parts) == 1 else "".join(parts)

    # -- flow context -------------------------------------------------------------------------
    def skip_flow_space(self) -> None:
        while True:
            self.skip_inline()
            if self.peek() != "\n":
                return
            self.i += 1

    def flow_collection(self) -> Any:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.parser_error(f"exceeded max depth of {MAX_DEPTH}")
        try:
            return self._flow_collection()
        finally:
            self.depth -= 1

    def _flow_collection(self) -> Any:
        opening = self.peek()
        closing = "]" if opening == "[" else "}"
        expected = f"did not find expected ',' or '{closing}'"
        start = self.i
        self.i += 1
        items: list[Any] = []
        mapping: dict[Any, Any] = {}
        merges: list[Any] = []
        while True:
            self.skip_flow_space()
            if self.peek() == closing:
                self.i += 1
                return items if opening == "[" else self.merged(mapping, merges)
            if self.i >= self.n:
                raise self.parser_error(expected, start)
            entry_at = self.i
            key = self.flow_node()
            self.skip_flow_space()
            has_value = self.peek() == ":"
            if has_value:
                self.i += 1
                self.skip_flow_space()
                value = None if self.peek() in (",", closing) else self.flow_node()
            if opening == "[":
                items.append({key: value} if has_value else key)
            else:
                self.store(mapping, merges, _freeze(key), value if has_value else None, entry_at)
            self.skip_flow_space()
            if self.peek() == ",":
                self.i += 1
            elif self.peek() != closing:
                raise self.parser_error(expected, start)

    def flow_node(self) -> Any:
        anchor, tag = self.properties()
        self.skip_flow_space()
        c = self.peek()
        if c == "*":
            node = self.alias()
        elif c in ("[", "{"):
            node = self.flow_collection()
        elif c in ("'", '"'):
            node = self.quoted(c)
        elif c in (",", "]", "}", ":") or c == "":
            if anchor is None and tag is None:
                raise self.parser_error("did not find expected node content")
            node = None
        else:
            node = self.plain_scalar(-1, flow=True)
        return self.finish(node, anchor, tag)

    def quoted(self, quote: str) -> str:
        start = self.i
        self.i += 1
        out: list[str] = []
        pending_space = ""
        while True:
            c = self.peek()
            if c == "":
                raise self.scanner_error("found unexpected end of stream", start)
            if c == quote:
                if quote == "'" and self.peek(1) == "'":
                    out.append(pending_space + "'")
                    pending_space = ""
                    self.i += 2
                    continue
                self.i += 1
                out.append(pending_space)
                return "".join(out)
            if c == "\\" and quote == '"':
                e = self.peek(1)
                if e == "\n":                              # escaped line break: joined, no space
                    self.i += 2
                    out.append(pending_space)
                    pending_space = ""
                    self.skip_spaces()
                    continue
                if e in _ESCAPES:
                    out.append(pending_space + _ESCAPES[e])
                    pending_space = ""
                    self.i += 2
                    continue
                if e in _HEX_LEN:
                    digits = self.s[self.i + 2:self.i + 2 + _HEX_LEN[e]]
                    if len(digits) != _HEX_LEN[e] or not all(d in "0123456789abcdefABCDEF" for d in digits):
                        raise self.scanner_error("did not find expected hexdecimal number", start)
                    code = int(digits, 16)
                    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                        raise self.scanner_error("found invalid Unicode character escape code", start)
                    out.append(pending_space + chr(code))
                    pending_space = ""
                    self.i += 2 + len(digits)
                    continue
                raise self.scanner_error("found unknown escape character", start)
            if c in (" ", "\t"):
                pending_space += c
                self.i += 1
                continue
            if c == "\n":
                # fold: trailing spaces dropped; one break is a space, more keep n-1 breaks
                breaks = 0
                while self.peek() == "\n":
                    breaks += 1
                    self.i += 1
                    self.skip_spaces()
                if self.at_document_marker():
                    raise self.scanner_error("found unexpected document indicator", start)
                out.append(" " if breaks == 1 else "\n" * (breaks - 1))
                pending_space = ""
                continue
            out.append(pending_space + c)
            pending_space = ""
            self.i += 1

    def block_scalar(self, indent: int) -> str:
        """A literal (``|``) or folded (``>``) block scalar; ``indent`` is its parent's."""
        start = self.i
        folded = self.peek() == ">"
        self.i += 1
        chomp, explicit = "clip", 0
        for _ in range(2):
            c = self.peek()
            if c in ("+", "-") and chomp == "clip":
                chomp = "keep" if c == "+" else "strip"
                self.i += 1
            elif c in "123456789" and c and not explicit:
                explicit = int(c)
                self.i += 1
            elif c == "0":
                raise self.scanner_error("found an indentation indicator equal to 0", start)
        self.skip_inline()
        if self.peek() not in ("", "\n"):
            raise self.scanner_error("did not find expected comment or line break", start)
        self.i += 1 if self.peek() == "\n" else 0
        parent = max(indent, 0)
        if explicit:
            width = parent + explicit if indent >= 0 else explicit
        else:
            width = self.detect_indent(parent + 1 if indent >= 0 else 1)
        lines: list[str] = []
        ends_with_break = False
        while self.i < self.n:
            k = self.i
            while k < self.n and self.s[k] == " " and k - self.i < width:
                k += 1
            end = self.s.find("\n", k)
            end = self.n if end < 0 else end
            rest = self.s[k:end]
            if k - self.i < width and rest.strip(" ") and rest.strip(" \t"):
                break                                      # a less indented line ends the block
            lines.append(rest if k - self.i >= width else "")
            ends_with_break = end < self.n
            self.i = min(end + 1, self.n)
        trailing = 0
        while lines and lines[-1] == "":
            lines.pop()
            trailing += 1
        text = _join_block(lines, folded)
        if chomp == "strip" or not lines:
            return "\n" * trailing if chomp == "keep" else ("" if not lines else text)
        if chomp == "clip":
            return text + ("\n" if ends_with_break or trailing else "")
        return text + ("\n" if ends_with_break or trailing else "") + "\n" * trailing

    def detect_indent(self, least: int) -> int:
        """A block scalar's indentation: its first non-empty line's (at least ``least``)."""
        j, widest_empty = self.i, 0
        while j < self.n:
            k = j
            while k < self.n and self.s[k] == " ":
                k += 1
            if k < self.n and self.s[k] != "\n":
                return max(k - j, least)
            widest_empty = max(widest_empty, k - j)
            j = k + 1
        return max(widest_empty, least)


def _join_block(lines: list[str], folded: bool) -> str:
    """A block scalar's content lines joined: line breaks kept (literal), or folded to spaces
    between lines that are neither empty nor more indented (folded)."""
    out: list[str] = []
    previous: Optional[str] = None
    empties = 0
    for line in lines:
        if line == "":
            empties += 1
            continue
        if previous is None:
            out.append("\n" * empties)
        elif folded and previous[:1] not in (" ", "\t") and line[:1] not in (" ", "\t"):
            out.append(" " if empties == 0 else "\n" * empties)
        else:
            out.append("\n" * (empties + 1))
        out.append(line)
        previous, empties = line, 0
    return "".join(out)


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _freeze(v)) for k, v in value.items())
    return value


def _size(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(_size(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_size(v) for v in value)
    return 1


def _plain_text(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _tag_of(value: Any) -> str:
    if value is None:
        return "!!null"
    if isinstance(value, bool):
        return "!!bool"
    if isinstance(value, int):
        return "!!int"
    if isinstance(value, float):
        return "!!float"
    return "!!str"


def load(text: str) -> Any:
    """The first document of ``text`` as Python values (dict, list, str, int, float, bool,
    None). Raises :class:`YAMLError`."""
    return load_all(text, first_only=True)[0]


def load_all(text: str, first_only: bool = False) -> list[Any]:
    """Every document of ``text`` (compose reads them all and merges them)."""
    reader = _Reader(text)
    if "\t" in text:
        _check_tabs(reader)
    documents = [reader.document()]
    while not first_only and reader.i < reader.n:
        reader.anchors = {}
        documents.append(reader.document())
    return documents


def _check_tabs(reader: _Reader) -> None:
    """Tabs may not indent (``found character that cannot start any token``)."""
    for number, line in enumerate(reader.s.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip():
            raise YAMLError("found character that cannot start any token", number if number > 1 else None)
