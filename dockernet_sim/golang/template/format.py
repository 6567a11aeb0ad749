"""fmt's formatter state: flags, width, precision, padding and the integer, string and float verbs.

Mirrors golang/go ``src/fmt/format.go`` (the ``fmt`` struct); ``_Format`` is the base of
fmt.py's ``_Printer``.
"""

from __future__ import annotations

from .reflect import _V, _ZERO
from .strconv import _can_backquote, _format_float, _is_print, _quote_rune, go_quote


class _Fmt:
    __slots__ = ("wid", "wid_present", "prec", "prec_present", "minus", "plus", "sharp", "space", "zero",
                 "plus_v", "sharp_v")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.wid = 0
        self.prec = 0
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False


class _Format:
    """fmt's fmt (format.go): padding and the integer, string and float verbs; the base of _Printer."""

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.f = _Fmt()
        self.arg: _V | None = None
        self.value: _V = _ZERO
        self.reordered = False
        self.good_argnum = True

    def out(self) -> str:
        return "".join(self.buf)

    # format.go
    def write_padding(self, n: int) -> None:
        if n > 0:
            self.buf.append(("0" if self.f.zero else " ") * n)

    def pad(self, s: str) -> None:
        f = self.f
        if not f.wid_present or f.wid == 0:
            self.buf.append(s)
            return
        width = f.wid - len(s)
        if not f.minus:
            self.write_padding(width)
            self.buf.append(s)
        else:
            self.buf.append(s)
            self.write_padding(width)

    def fmt_integer(self, n: int, base: int, verb: str, upper: bool = False) -> None:
        f = self.f
        negative = n < 0
        u = -n if negative else n
        prec = 0
        if f.prec_present:
            prec = f.prec
            if prec == 0 and u == 0:
                old = f.zero
                f.zero = False
                self.write_padding(f.wid)
                f.zero = old
                return
        elif f.zero and f.wid_present:
            prec = f.wid
            if negative or f.plus or f.space:
                prec -= 1
        if base == 10:
            digits = str(u)
        elif base == 16:
            digits = format(u, "X" if upper else "x")
        elif base == 8:
            digits = format(u, "o")
        else:
            digits = format(u, "b")
        if len(digits) < prec:
            digits = "0" * (prec - len(digits)) + digits
        if f.sharp:
            if base == 2:
                digits = "0b" + digits
            elif base == 8:
                if digits[0] != "0":
                    digits = "0" + digits
            elif base == 16:
                digits = ("0X" if upper else "0x") + digits
        if verb == "O":
            digits = "0o" + digits
        if negative:
            digits = "-" + digits
        elif f.plus:
            digits = "+" + digits
        elif f.space:
            digits = " " + digits
        old = f.zero
        f.zero = False
        self.pad(digits)
        f.zero = old

    def fmt_unicode(self, u: int) -> None:
        f = self.f
        prec = 4
        if f.prec_present and f.prec > 4:
            prec = f.prec
        s = "U+" + format(u, "X").rjust(prec, "0")
        if f.sharp and 0 <= u <= 0x10FFFF and not 0xD800 <= u <= 0xDFFF and _is_print(chr(u)):
            s += " '" + chr(u) + "'"
        old = f.zero
        f.zero = False
        self.pad(s)
        f.zero = old

    def fmt_c(self, c: int) -> None:
        self.pad(chr(c) if 0 <= c <= 0x10FFFF and not 0xD800 <= c <= 0xDFFF else "\ufffd")

    def fmt_qc(self, c: int) -> None:
        self.pad(_quote_rune(c, self.f.plus))

    def truncate(self, s: str) -> str:
        if self.f.prec_present:
            return s[: self.f.prec]
        return s

    def fmt_s(self, s: str) -> None:
        self.pad(self.truncate(s))

    def fmt_q(self, s: str) -> None:
        s = self.truncate(s)
        if self.f.sharp and _can_backquote(s):
            self.pad("`" + s + "`")
            return
        self.pad(go_quote(s, self.f.plus))

    def fmt_sbx(self, s: str, upper: bool) -> None:
        f = self.f
        b = s.encode("utf-8", "surrogatepass")
        length = len(b)
        if f.prec_present and f.prec < length:
            length = f.prec
        width = 2 * length
        if width > 0:
            if f.space:
                if f.sharp:
                    width *= 2
                width += length - 1
            elif f.sharp:
                width += 2
        else:
            if f.wid_present:
                self.write_padding(f.wid)
            return
        if f.wid_present and f.wid > width and not f.minus:
            self.write_padding(f.wid - width)
        x = "0X" if upper else "0x"
        hx = "%02X" if upper else "%02x"
        parts = []
        if f.sharp:
            parts.append(x)
        for i in range(length):
            if f.space and i > 0:
                parts.append(" ")
                if f.sharp:
                    parts.append(x)
            parts.append(hx % b[i])
        self.buf.append("".join(parts))
        if f.wid_present and f.wid > width and f.minus:
            self.write_padding(f.wid - width)

    def fmt_float_raw(self, v: float, verb: str, prec: int) -> None:
        f = self.f
        if f.prec_present:
            prec = f.prec
        num = _format_float(v, verb, prec)
        if num[0] not in "+-":
            num = "+" + num
        if f.space and num[0] == "+" and not f.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            old = f.zero
            f.zero = False
            if num[1] == "N" and not f.space and not f.plus:
                num = num[1:]
            self.pad(num)
            f.zero = old
            return
        if f.sharp and verb != "b":
            digits = 0
            if verb in "vgGx":  # Go's list has no upper-case X
                digits = prec
                if digits == -1:
                    digits = 6
            tail = ""
            has_point = False
            saw_nonzero = False
            body = num
            i = 1
            while i < len(body):
                c = body[i]
                if c == ".":
                    has_point = True
                elif c in "pP" or (c in "eE" and verb not in "xX"):
                    tail = body[i:]
                    body = body[:i]
                    break
                else:
                    if c != "0":
                        saw_nonzero = True
                    if saw_nonzero:
                        digits -= 1
                i += 1
            if not has_point:
                if len(body) == 2 and body[1] == "0":
                    digits -= 1
                body += "."
            if digits > 0:
                body += "0" * digits
            num = body + tail
        if f.plus or num[0] != "+":
            if f.zero and f.wid_present and f.wid > len(num):
                self.buf.append(num[0])
                self.write_padding(f.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])
