"""Go's strconv for templates: quoting, float formatting, and the literal parsing the parser uses.

Mirrors golang/go ``src/strconv`` (quote.go: Quote, QuoteRune, CanBackquote; ftoa.go:
shortest and fixed-precision digits, %e/%f/%g/%x; atoi.go/atof.go: ParseInt, ParseFloat;
Unquote, UnquoteChar) at Go 1.19 and 1.24.
"""

from __future__ import annotations

import math
import unicodedata


def go_quote(s: str, ascii_only: bool = False) -> str:
    """strconv.Quote (QuoteToASCII when ``ascii_only``)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\ufffd")
        elif _is_print(ch) and not (ascii_only and o >= 0x80):
            out.append(ch)
        elif ch in _C_ESCAPES:
            out.append(_C_ESCAPES[ch])
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif o < 0x10000:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    out.append('"')
    return "".join(out)


_C_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def _is_print(ch: str) -> bool:
    """unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space."""
    if ch == " ":
        return True
    return unicodedata.category(ch)[0] in "LMNPS"


def _quote_rune(o: int, ascii_only: bool = False) -> str:
    if o < 0 or o > 0x10FFFF or 0xD800 <= o <= 0xDFFF:
        o = 0xFFFD
    ch = chr(o)
    if ch == "'" or ch == "\\":
        return "'\\" + ch + "'"
    if _is_print(ch) and not (ascii_only and o >= 0x80):
        return "'" + ch + "'"
    if ch in _C_ESCAPES:
        return "'" + _C_ESCAPES[ch] + "'"
    if o < 0x20 or o == 0x7F:
        return "'\\x%02x'" % o
    if o < 0x10000:
        return "'\\u%04x'" % o
    return "'\\U%08x'" % o


def _can_backquote(s: str) -> bool:
    for ch in s:
        o = ord(ch)
        if o == 0xFEFF or 0xD800 <= o <= 0xDFFF:
            return False
        if (o < 0x20 and ch != "\t") or ch == "`" or o == 0x7F:
            return False
    return True


def _shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip digits d1d2... and dp with |x| = 0.d1d2... * 10**dp."""
    r = repr(abs(x))
    mant, _, ex = r.partition("e")
    exp = int(ex) if ex else 0
    ip, _, fp = mant.partition(".")
    if fp == "0":
        fp = ""
    digits = ip + fp
    dp = len(ip) + exp
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    if not digits:
        return "0", 1
    return digits, dp


def _round_digits(x: float, n: int) -> tuple[str, int]:
    """|x| correctly rounded to n >= 1 significant digits, trailing zeros trimmed."""
    mant, _, ex = ("%.*e" % (n - 1, abs(x))).partition("e")
    digits = mant.replace(".", "").rstrip("0")
    if not digits:
        return "0", 1
    return digits, int(ex) + 1


def _fmt_e(digits: str, dp: int, prec: int, e: str) -> str:
    s = digits[0]
    if prec > 0:
        s += "." + digits[1:].ljust(prec, "0")[:prec]
    exp = dp - 1 if digits != "0" else 0
    return s + e + ("-" if exp < 0 else "+") + "%02d" % abs(exp)


def _fmt_f(digits: str, dp: int, prec: int) -> str:
    if dp > 0:
        ip = digits[:dp].ljust(dp, "0")
        fp = digits[dp:]
    else:
        ip = "0"
        fp = "0" * (-dp) + digits
    if prec > 0:
        return ip + "." + fp.ljust(prec, "0")[:prec]
    return ip


def _format_float(x: float, verb: str, prec: int) -> str:
    """strconv.FormatFloat(x, verb, prec, 64); prec -1 means shortest."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    if verb == "b":
        import struct as _struct

        bits = _struct.unpack("<Q", _struct.pack("<d", x))[0]
        exp = (bits >> 52) & 0x7FF
        mant = bits & ((1 << 52) - 1)
        if exp == 0:
            exp += 1
        else:
            mant |= 1 << 52
        exp += -1023 - 52
        return sign + "%dp%s%d" % (mant, "+" if exp >= 0 else "-", abs(exp))
    if verb in "xX":
        return sign + _format_hex_float(abs(x), prec, verb == "X")
    shortest = prec < 0
    if shortest:
        digits, dp = _shortest_digits(x) if x != 0 else ("0", 1)
        if verb in "eE":
            prec = len(digits) - 1
        elif verb == "f":
            prec = max(len(digits) - dp, 0)
        else:
            prec = len(digits)
    elif verb in "eE":
        digits, dp = _round_digits(x, prec + 1) if x != 0 else ("0", 1)
    elif verb == "f":
        return sign + "%.*f" % (prec, abs(x))
    else:
        if prec == 0:
            prec = 1
        digits, dp = _round_digits(x, prec) if x != 0 else ("0", 1)
    if verb in "eE":
        return sign + _fmt_e(digits, dp, prec, verb)
    if verb == "f":
        return sign + _fmt_f(digits, dp, prec)
    # g, G
    eprec = prec
    if eprec > len(digits) and len(digits) >= dp:
        eprec = len(digits)
    if shortest:
        eprec = 6
    exp = dp - 1
    if x != 0 and (exp < -4 or exp >= eprec):
        if prec > len(digits):
            prec = len(digits)
        return sign + _fmt_e(digits, dp, prec - 1, "e" if verb == "g" else "E")
    if prec > dp:
        prec = len(digits)
    return sign + _fmt_f(digits, dp, max(prec - dp, 0))


def _format_hex_float(a: float, prec: int, upper: bool) -> str:
    if a == 0:
        mant, exp = 0, 0
    else:
        m, e = math.frexp(a)  # a = m * 2**e, 0.5 <= m < 1
        mant = int(m * (1 << 53))  # 53 bits, top bit set
        exp = e - 1
    # mant holds 1.xxxx with 52 fraction bits
    frac_bits = 52
    if prec >= 0:
        shift = frac_bits - 4 * prec
        if shift > 0:
            half = 1 << (shift - 1)
            rem = mant & ((1 << shift) - 1)
            mant >>= shift
            if rem > half or (rem == half and mant & 1):
                mant += 1
            frac_bits = 4 * prec
            if mant >> (frac_bits + 1):
                mant >>= 1
                exp += 1
    ip = mant >> frac_bits
    frac = mant & ((1 << frac_bits) - 1)
    nhex = (frac_bits + 3) // 4
    fs = format(frac << (4 * nhex - frac_bits), "0%dx" % nhex) if nhex else ""
    if prec < 0:
        fs = fs.rstrip("0")
    elif len(fs) < prec:
        fs = fs.ljust(prec, "0")
    s = "0x%d" % ip + ("." + fs if fs else "") + "p" + ("-" if exp < 0 else "+") + "%02d" % abs(exp)
    return s.upper().replace("0X", "0X") if upper else s


# --------------------------------------------------------------------------
# strconv helpers used by the parser


class _SyntaxError(Exception):
    pass


def _unquote_char(s: str, i: int, quote: str) -> tuple[int, int]:
    """strconv.UnquoteChar: (code point, next index)."""
    c = s[i]
    if c == quote and quote in "'\"":
        raise _SyntaxError
    if c != "\\":
        return ord(c), i + 1
    if i + 1 >= len(s):
        raise _SyntaxError
    c = s[i + 1]
    i += 2
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
    if c in simple:
        return simple[c], i
    if c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        h = s[i : i + n]
        if len(h) < n or any(ch not in "0123456789abcdefABCDEF" for ch in h):
            raise _SyntaxError
        v = int(h, 16)
        if c == "x":
            return v, i + n  # a byte; callers see it as a code point
        if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
            raise _SyntaxError
        return v, i + n
    if c in "01234567":
        h = s[i - 1 : i + 2]
        if len(h) < 3 or any(ch not in "01234567" for ch in h):
            raise _SyntaxError
        v = int(h, 8)
        if v > 255:
            raise _SyntaxError
        return v, i + 2
    if c in "'\"":
        if c != quote:
            raise _SyntaxError
        return ord(c), i
    raise _SyntaxError


def _unquote(s: str) -> str:
    """strconv.Unquote for "..." and `...` literals."""
    if len(s) < 2 or s[0] != s[-1]:
        raise _SyntaxError
    q = s[0]
    body = s[1:-1]
    if q == "`":
        if "`" in body:
            raise _SyntaxError
        return body.replace("\r", "")
    if q != '"':
        raise _SyntaxError
    if "\n" in body:
        raise _SyntaxError
    out = []
    pending: list[int] = []  # \x bytes, decoded as UTF-8 together
    i = 0
    while i < len(body):
        is_byte = body[i] == "\\" and i + 1 < len(body) and body[i + 1] in "x01234567"
        v, i = _unquote_char(body, i, q)
        if is_byte:
            pending.append(v)
            continue
        if pending:
            out.append(bytes(pending).decode("utf-8", "replace"))
            pending = []
        out.append(chr(v))
    if pending:
        out.append(bytes(pending).decode("utf-8", "replace"))
    return "".join(out)


def _underscore_ok(s: str) -> bool:
    saw = "^"
    i = 0
    if len(s) >= 1 and s[0] in "+-":
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1].lower() in "bxo":
        i = 2
        saw = "0"
        hexa = s[1].lower() == "x"
    while i < len(s):
        c = s[i]
        if c.isdigit() or (hexa and c.lower() in "abcdef"):
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
        i += 1
    return saw != "_"


def _parse_int(text: str, unsigned: bool) -> int:
    """strconv.ParseInt / ParseUint with base 0."""
    s = text
    neg = False
    if not unsigned and s[:1] in ("+", "-"):
        neg = s[0] == "-"
        s = s[1:]
    if not s:
        raise _SyntaxError
    base = 10
    body = s
    if s[0] == "0" and len(s) > 1:
        p = s[1].lower()
        if p == "x":
            base, body = 16, s[2:]
        elif p == "o":
            base, body = 8, s[2:]
        elif p == "b":
            base, body = 2, s[2:]
        else:
            base, body = 8, s[1:]
    if "_" in body and not _underscore_ok(s):
        raise _SyntaxError
    body = body.replace("_", "")
    if not body:
        raise _SyntaxError
    try:
        v = int(body, base)
    except ValueError:
        raise _SyntaxError from None
    if any(c in "+- " for c in body):
        raise _SyntaxError
    if neg:
        v = -v
    if unsigned:
        if v >= 1 << 64:
            raise _SyntaxError
    elif not -(1 << 63) <= v < (1 << 63):
        raise _SyntaxError
    return v


def _parse_float(text: str) -> float:
    s = text
    if "_" in s:
        if not _underscore_ok(s):
            raise _SyntaxError
        s = s.replace("_", "")
    body = s.lstrip("+-")
    if len(s) - len(body) > 1 or not body:
        raise _SyntaxError
    if body[:2].lower() == "0x":
        try:
            if "p" not in body.lower():
                raise _SyntaxError
            return float.fromhex(s)
        except ValueError:
            raise _SyntaxError from None
    if any(c not in "0123456789.eE+-" for c in body):
        raise _SyntaxError
    try:
        return float(s)
    except ValueError:
        raise _SyntaxError from None
