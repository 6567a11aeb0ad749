"""Go's ``time.ParseDuration`` and ``time.Parse`` for the layouts Docker's ``until`` filters use.

Imitates Go's time package (src/time/format.go and time.go): a duration is an optional sign
and decimal numbers each with a unit (``ns us µs μs ms s m h``), overflowing past 1<<63 ns; a
time is read against a layout made of ``2006 01 02 15 04 05``, an optional fraction and
``Z07:00``, and a failure is a ``ParseError`` whose text is Go's: ``parsing time "X" as
"LAYOUT": cannot parse "REST" as "ELEM"``, ``parsing time "X": month out of range`` (recorded:
``docker network prune --filter until=9999-99-99`` in r150_bounded_inputs), ``…: extra text:``.
Values stay integers (seconds since the epoch, UTC) so a year like 9999 costs nothing.
"""

from __future__ import annotations

__all__ = ["GoTimeError", "parse_duration", "parse_time"]

_UNITS = {"ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
          "m": 60_000_000_000, "h": 3_600_000_000_000}
_MAX_NS = 1 << 63


class GoTimeError(ValueError):
    """A parse failure; str() is Go's error text."""


def _quote(s: str) -> str:
    from .template import go_quote
    return go_quote(s)


def parse_duration(s: str) -> int:
    """time.ParseDuration: nanoseconds, or GoTimeError with Go's message."""
    orig, bad = s, GoTimeError("time: invalid duration " + _quote(s))
    neg = False
    if s[:1] in ("-", "+"):
        neg, s = s[0] == "-", s[1:]
    if s == "0":
        return 0
    if not s:
        raise bad
    total = 0
    while s:
        i = 0
        while i < len(s) and s[i].isdigit():
            i += 1
        whole, s = s[:i], s[i:]
        frac = ""
        if s[:1] == ".":
            j = 1
            while j < len(s) and s[j].isdigit():
                j += 1
            frac, s = s[1:j], s[j:]
        if not whole and not frac:
            raise bad
        j = 0
        while j < len(s) and s[j] != "." and not s[j].isdigit():
            j += 1
        unit, s = s[:j], s[j:]
        if not unit:
            raise GoTimeError("time: missing unit in duration " + _quote(orig))
        if unit not in _UNITS:
            raise GoTimeError(f"time: unknown unit {_quote(unit)} in duration {_quote(orig)}")
        scale = _UNITS[unit]
        v = int(whole or "0") * scale
        if frac:
            v += int(frac) * scale // 10 ** len(frac)
        total += v
        if total > _MAX_NS - (0 if neg else 1) or int(whole or "0") > _MAX_NS:
            raise bad
    return -total if neg else total


# layout elements, longest first where one is a prefix of another
_ELEMS = ("2006", "Z07:00", ".999999999", "01", "02", "15", "04", "05")


def _chunks(layout: str) -> list[tuple[str, str]]:
    """The layout as (literal prefix, element) pairs; the last element may be ''."""
    out: list[tuple[str, str]] = []
    lit = ""
    i = 0
    while i < len(layout):
        for e in _ELEMS:
            if layout.startswith(e, i):
                out.append((lit, e))
                lit = ""
                i += len(e)
                break
        else:
            lit += layout[i]
            i += 1
    out.append((lit, ""))
    return out


def _num(value: str, fixed: bool) -> tuple[int, str] | None:
    if not value[:1].isdigit():
        return None
    if not value[1:2].isdigit():
        return None if fixed else (int(value[0]), value[1:])
    return int(value[:2]), value[2:]


def parse_time(layout: str, value: str) -> tuple[int, int]:
    """time.Parse in UTC: (seconds since the epoch, nanoseconds), or GoTimeError."""
    avalue = value
    year, month, day, hour, minute, sec, nsec, offset = 1, 1, 1, 0, 0, 0, 0, 0

    def cannot(rest: str, elem: str) -> GoTimeError:
        return GoTimeError(f"parsing time {_quote(avalue)} as {_quote(layout)}: cannot parse "
                           f"{_quote(rest)} as {_quote(elem)}")

    def out_of_range(what: str) -> GoTimeError:
        return GoTimeError(f"parsing time {_quote(avalue)}: {what} out of range")

    for lit, elem in _chunks(layout):
        if not value.startswith(lit):
            raise cannot(value, lit)
        value = value[len(lit):]
        if not elem:
            break
        rest = value
        if elem == "2006":
            if len(value) < 4 or not value[:4].isdigit():
                raise cannot(rest, elem)
            year, value = int(value[:4]), value[4:]
            continue
        if elem == ".999999999":
            if value[:1] == "." and value[1:2].isdigit():
                j = 1
                while j < len(value) and value[j].isdigit():
                    j += 1
                digits, value = value[1:j], value[j:]
                nsec = int(digits[:9].ljust(9, "0"))
            continue
        if elem == "Z07:00":
            if value[:1] == "Z":
                value = value[1:]
                continue
            if len(value) < 6 or value[0] not in "+-" or value[3] != ":" \
                    or not (value[1:3] + value[4:6]).isdigit():
                raise cannot(rest, elem)
            offset = (int(value[1:3]) * 3600 + int(value[4:6]) * 60) * (1 if value[0] == "+" else -1)
            value = value[6:]
            continue
        got = _num(value, elem != "15")
        if got is None:
            raise cannot(rest, elem)
        n, value = got
        if elem == "01":
            if not 1 <= n <= 12:
                raise out_of_range("month")
            month = n
        elif elem == "02":
            day = n
        elif elem == "15":
            if n >= 24:
                raise out_of_range("hour")
            hour = n
        elif elem == "04":
            if n >= 60:
                raise out_of_range("minute")
            minute = n
        else:
            if n >= 60:
                raise out_of_range("second")
            sec = n
            if value[:1] == "." and value[1:2].isdigit() and ".999999999" not in layout:
                j = 1
                while j < len(value) and value[j].isdigit():
                    j += 1
                nsec, value = int(value[1:j][:9].ljust(9, "0")), value[j:]
    if value:
        raise GoTimeError(f"parsing time {_quote(avalue)}: extra text: {_quote(value)}")
    if day < 1 or day > _days_in(year, month):
        raise out_of_range("day")
    days = _days_from_civil(year, month, day)
    return days * 86400 + hour * 3600 + minute * 60 + sec - offset, nsec


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm), year 0 too."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468
