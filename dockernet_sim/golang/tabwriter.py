"""Go's text/tabwriter (elastic tabstops) and docker's ``table`` formats.

``tabwrite`` mirrors golang/go ``src/text/tabwriter`` as docker/cli drives it
(``tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`` in
``cli/command/formatter/formatter.go``).  docker 28 vendors a fork of that
package (``cli/command/formatter/tabwriter``) whose only change is measuring a
cell with go-runewidth, so East Asian wide characters count two columns; pass
``wide_chars=True`` for it.  docker 20.10 uses Go's, which counts runes.

``render_table`` is docker's ``formatter.Context.Write``: the ``table`` prefix,
the ``\\t`` and ``\\n`` that people type inside quotes, the header row made by
running the same template over a header map with docker's identity
HeaderFunctions, and the tabwriter.

>>> print(tabwrite("NAME\\tDRIVER\\nbridge\\tbridge\\n"), end="")
NAME      DRIVER
bridge    bridge
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from .template.values import Map
from .version import LATEST, GoVersion

__all__ = [
    "ALIGN_RIGHT",
    "DEBUG",
    "DISCARD_EMPTY_COLUMNS",
    "TAB_INDENT",
    "header_context",
    "render_table",
    "tabwrite",
]

# text/tabwriter flags (FilterHTML and StripEscape are not modelled)
ALIGN_RIGHT = 1 << 2
DISCARD_EMPTY_COLUMNS = 1 << 3
TAB_INDENT = 1 << 4
DEBUG = 1 << 5


def _rune_count(s: str) -> int:
    return len(s)


def _east_asian_width(s: str) -> int:
    """go-runewidth's StringWidth (non-East-Asian locale): wide and fullwidth
    characters take two columns, combining marks and controls none. ASCII text (docker's
    tables, nearly always) is counted without the Unicode database, which loads only for text
    beyond it (issue 15): an ASCII character is one column unless it is a control."""
    if s.isascii():
        return sum(1 for ch in s if " " <= ch < "\x7f")
    import unicodedata
    n = 0
    for ch in s:
        o = ord(ch)
        if o < 0x20 or 0x7F <= o < 0xA0:
            continue
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


class _Cell:
    __slots__ = ("text", "width", "htab")

    def __init__(self, text: str, width: int, htab: bool) -> None:
        self.text = text
        self.width = width
        self.htab = htab


class _Writer:
    def __init__(
        self, minwidth: int, tabwidth: int, padding: int, padchar: str, flags: int, measure: Callable[[str], int]
    ) -> None:
        if minwidth < 0 or tabwidth < 0 or padding < 0:
            raise ValueError("negative minwidth, tabwidth, or padding")
        self.minwidth = minwidth
        self.tabwidth = tabwidth
        self.padding = padding
        self.padchar = padchar
        if padchar == "\t":
            flags &= ~ALIGN_RIGHT  # tab padding enforces left-alignment
        self.flags = flags
        self.measure = measure
        self.out: list[str] = []
        self.lines: list[list[_Cell]] = [[]]
        self.widths: list[int] = []

    def reset(self) -> None:
        self.lines = [[]]
        self.widths = []

    def write_padding(self, textw: int, cellw: int, use_tabs: bool) -> None:
        if self.padchar == "\t" or use_tabs:
            if self.tabwidth == 0:
                return
            cellw = (cellw + self.tabwidth - 1) // self.tabwidth * self.tabwidth
            n = cellw - textw
            self.out.append("\t" * ((n + self.tabwidth - 1) // self.tabwidth))
            return
        self.out.append(self.padchar * (cellw - textw))

    def write_lines(self, line0: int, line1: int) -> None:
        for i in range(line0, line1):
            line = self.lines[i]
            use_tabs = bool(self.flags & TAB_INDENT)
            for j, c in enumerate(line):
                if j > 0 and self.flags & DEBUG:
                    self.out.append("|")
                if c.text == "":
                    if j < len(self.widths):
                        self.write_padding(c.width, self.widths[j], use_tabs)
                else:
                    use_tabs = False
                    if not self.flags & ALIGN_RIGHT:
                        self.out.append(c.text)
                        if j < len(self.widths):
                            self.write_padding(c.width, self.widths[j], False)
                    else:
                        if j < len(self.widths):
                            self.write_padding(c.width, self.widths[j], False)
                        self.out.append(c.text)
            if i + 1 < len(self.lines):
                self.out.append("\n")

    def format(self, line0: int, line1: int) -> None:
        column = len(self.widths)
        this = line0
        while this < line1:
            if column >= len(self.lines[this]) - 1:
                this += 1
                continue
            # a cell in this column starts a block of lines
            self.write_lines(line0, this)
            line0 = this
            width = self.minwidth
            discardable = True
            while this < line1:
                line = self.lines[this]
                if column >= len(line) - 1:
                    break
                c = line[column]
                width = max(width, c.width + self.padding)
                if c.width > 0 or c.htab:
                    discardable = False
                this += 1
            if discardable and self.flags & DISCARD_EMPTY_COLUMNS:
                width = 0
            self.widths.append(width)
            self.format(line0, this)
            self.widths.pop()
            line0 = this
        self.write_lines(line0, line1)

    def flush(self) -> None:
        self.format(0, len(self.lines))
        self.reset()

    def write(self, text: str) -> None:
        start = 0
        for i, ch in enumerate(text):
            if ch in "\t\v\n\f":
                cell = text[start:i]
                start = i + 1
                line = self.lines[-1]
                line.append(_Cell(cell, self.measure(cell), ch == "\t"))
                if ch in "\n\f":
                    ncells = len(line)
                    self.lines.append([])
                    if ch == "\f" or ncells == 1:
                        # a one-cell line cannot affect the columns below: flush
                        self.flush()
                        if ch == "\f" and self.flags & DEBUG:
                            self.out.append("---\n")
        rest = text[start:]
        if rest:
            self.lines[-1].append(_Cell(rest, self.measure(rest), False))


def tabwrite(
    text: str,
    minwidth: int = 10,
    tabwidth: int = 1,
    padding: int = 3,
    padchar: str = " ",
    flags: int = 0,
    *,
    wide_chars: bool = False,
) -> str:
    """Align ``\\t``-terminated cells into columns exactly as Go's tabwriter.

    A column is a run of consecutive lines that have a tab-terminated cell at
    that index; its width is ``max(minwidth, widest cell + padding)``.  The
    last cell of a line is not padded (so no trailing spaces unless the line
    ends with a tab).  Defaults are docker's ``NewWriter(out, 10, 1, 3, ' ', 0)``.

    >>> tabwrite("a\\tbb\\tc\\naaaa\\tb\\n")
    'a         bb        c\\naaaa      b\\n'
    """
    w = _Writer(minwidth, tabwidth, padding, padchar, flags, _east_asian_width if wide_chars else _rune_count)
    w.write(text)
    w.flush()
    return "".join(w.out)


def _header_label(name: str) -> str:
    # formatter.SubHeaderContext.Label: the last dotted part, with - and _ as spaces
    return name.split(".")[-1].replace("-", " ").replace("_", " ")


def header_context(columns: Mapping[str, str]) -> Map:
    """docker's ``formatter.SubHeaderContext``: field name -> column title,
    with its ``Label`` method (``{{.Label "team"}}`` heads a column "team")."""
    if isinstance(columns, Map):
        return columns
    return Map(
        columns,
        "formatter.SubHeaderContext",
        underlying="map[string]string",
        methods={"Label": _label_method()},
    )


def _label_method() -> Any:
    from .template import GoFunc

    return GoFunc(_header_label, ("string",), None, "string", "Label")


def render_table(
    format: str,
    rows: Iterable[Any],
    header: Mapping[str, str] | None,
    *,
    go: GoVersion = LATEST,
    wide_chars: bool = True,
    json_errors: bool = True,
    funcs: Mapping[str, Any] | None = None,
) -> str:
    """Render ``rows`` with a docker ``--format`` string, as formatter.Context.Write.

    A format starting with ``table`` drops that word, gets a header row from
    ``header`` (field -> title, e.g. ``{"ID": "NETWORK ID", "Name": "NAME"}``)
    and goes through the tabwriter; any other format prints one line per row.
    The two-character sequences backslash-t and backslash-n, as typed inside
    shell quotes, become a tab and a newline.  Errors raise TemplateError with
    Go's text; docker prints it after ``template parsing error: `` and exits 1.

    >>> render_table("table {{.Name}}\\\\t{{.Driver}}", [{"Name": "bridge", "Driver": "bridge"}],
    ...              {"Name": "NAME", "Driver": "DRIVER"})
    'NAME      DRIVER\\nbridge    bridge\\n'
    """
    from .template import TemplateError, header_funcs, parse     # the engine: loaded by the first table (issue 15)
    is_table = format.startswith("table")
    final = format[len("table") :] if is_table else format
    final = final.strip(" ").replace("\\t", "\t").replace("\\n", "\n")
    tmpl = parse(final, go=go, json_errors=json_errors, funcs=funcs)
    body = "".join(tmpl.execute(row) + "\n" for row in rows)
    if not is_table:
        return body
    head_tmpl = tmpl.funcs(header_funcs())
    try:
        head = head_tmpl.execute(header_context(header) if header is not None else None)
    except TemplateError as e:
        head = e.partial  # docker ignores the header's error and keeps what was written
    return tabwrite(head + "\n" + body, 10, 1, 3, " ", 0, wide_chars=wide_chars)
