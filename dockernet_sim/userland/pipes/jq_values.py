"""jq 1.6's values: type names, number and string printing, the pretty printer and ordering.

Mirrors jq's src/jv.c and jv_print.c: how numbers print (1.7976931348623157e+308 for
infinity), the sort order of types, indexing and iteration of JSON values.
"""

from __future__ import annotations

from .jq_parse import _JqError


def _jq_type(v: object) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _jq_trunc(v: object) -> str:
    s = _jq_dump(v, None, False)
    if len(s.encode()) > 14:
        s = s.encode()[:11].decode("utf-8", "ignore") + "..."
    return s


def _jq_num(x: float) -> str:
    """jq 1.6's number printer (jvp_dtoa_fmt): shortest digits, exponent form
    when the decimal point is more than 15 places past them or before 1e-4."""
    import math as _math

    if isinstance(x, bool):
        return "true" if x else "false"
    x = float(x)
    if _math.isnan(x):
        return "null"
    if _math.isinf(x):
        return "1.7976931348623157e+308" if x > 0 else "-1.7976931348623157e+308"
    if x == 0:
        return "-0" if _math.copysign(1.0, x) < 0 else "0"
    r = repr(abs(x))
    mant, _, ex = r.partition("e")
    ip, _, fp = mant.partition(".")
    if fp == "0":
        fp = ""
    digits = (ip + fp).lstrip("0")
    decpt = len(ip) + (int(ex) if ex else 0) - (len(ip + fp) - len((ip + fp).lstrip("0")))
    digits = digits.rstrip("0") or "0"
    sign = "-" if x < 0 else ""
    nd = len(digits)
    if decpt <= -4 or decpt > nd + 15:
        e = decpt - 1
        body = digits[0] + ("." + digits[1:] if nd > 1 else "")
        return sign + body + "e" + ("-" if e < 0 else "+") + "%02d" % abs(e)
    if decpt <= 0:
        return sign + "0." + "0" * (-decpt) + digits
    if decpt >= nd:
        return sign + digits + "0" * (decpt - nd)
    return sign + digits[:decpt] + "." + digits[decpt:]


def _jq_str(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in _JQ_ESC:
            out.append(_JQ_ESC[ch])
        elif o < 0x20 or o == 0x7F:
            out.append("\\u%04x" % o)
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_JQ_ESC = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def _jq_dump(v: object, indent: int | None, sort_keys: bool, level: int = 0) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return _jq_num(v)
    if isinstance(v, str):
        return _jq_str(v)
    if isinstance(v, list):
        if not v:
            return "[]"
        if indent is None:
            return "[" + ",".join(_jq_dump(x, None, sort_keys) for x in v) + "]"
        pad = " " * (indent * (level + 1))
        inner = (",\n").join(pad + _jq_dump(x, indent, sort_keys, level + 1) for x in v)
        return "[\n" + inner + "\n" + " " * (indent * level) + "]"
    assert isinstance(v, dict)
    if not v:
        return "{}"
    items = sorted(v.items()) if sort_keys else list(v.items())
    if indent is None:
        return "{" + ",".join(_jq_str(k) + ":" + _jq_dump(x, None, sort_keys) for k, x in items) + "}"
    pad = " " * (indent * (level + 1))
    inner = (",\n").join(pad + _jq_str(k) + ": " + _jq_dump(x, indent, sort_keys, level + 1) for k, x in items)
    return "{\n" + inner + "\n" + " " * (indent * level) + "}"


def _jq_index(v: object, k: object) -> object:
    if v is None:
        if isinstance(k, (str, float, int)) or k is None:
            return None
    if isinstance(v, dict) and isinstance(k, str):
        return v.get(k)
    if isinstance(v, list) and isinstance(k, (int, float)) and not isinstance(k, bool):
        # jq 1.6 jv_get: an index that is not an integer within C's int (1.5, 1e400, nan) is null
        if k != k or not -2147483648 <= k <= 2147483647 or k != int(k):
            return None
        i = int(k)
        if i < 0:
            i += len(v)
        return v[i] if 0 <= i < len(v) else None
    if isinstance(k, str):
        raise _JqError('Cannot index %s with string "%s"' % (_jq_type(v), k))
    if isinstance(k, (int, float)) and not isinstance(k, bool):
        raise _JqError("Cannot index %s with number" % _jq_type(v))
    raise _JqError("Cannot index %s with %s" % (_jq_type(v), _jq_type(k)))


def _jq_iter(v: object) -> list:
    if isinstance(v, list):
        return list(v)
    if isinstance(v, dict):
        return list(v.values())
    raise _JqError("Cannot iterate over %s%s" % (_jq_type(v), " (%s)" % _jq_trunc(v)))


def _jq_cmp_key(v: object) -> tuple:
    order = {"null": 0, "boolean": 1, "number": 3, "string": 4, "array": 5, "object": 6}
    t = _jq_type(v)
    if t == "boolean":
        return (1 if v is False else 2, 0)
    if t == "array":
        return (5, tuple(_jq_cmp_key(x) for x in v))  # type: ignore[union-attr]
    if t == "object":
        items = sorted(v.items())  # type: ignore[union-attr]
        return (6, tuple(k for k, _ in items), tuple(_jq_cmp_key(x) for _, x in items))
    return (order[t], v if v is not None else 0)


def _jq_truthy(v: object) -> bool:
    return v is not None and v is not False


def _jq_slice_bounds(lo: object, hi: object, n: int) -> tuple[int, int]:
    """jq 1.6 parse_slice: bounds clamped as doubles (so 1e400 is the end), then the start
    rounded down and the end up (``.[0.5:1.5]`` of "abc" is "ab")."""
    for x in (lo, hi):
        if x is not None and (not isinstance(x, (int, float)) or isinstance(x, bool)):
            raise _JqError("Start and end indices of an array slice must be numbers")
    s = 0.0 if lo is None or lo != lo else float(lo)  # type: ignore[arg-type]
    e = float(n) if hi is None or hi != hi else float(hi)  # type: ignore[arg-type]
    if s < 0:
        s += n
    if e < 0:
        e += n
    s = min(max(s, 0.0), float(n))
    e = min(max(e, s), float(n))
    end = int(e) if e == int(e) else int(e) + 1
    return int(s), min(end, n)
