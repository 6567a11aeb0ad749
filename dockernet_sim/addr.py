"""IPv4 and IPv6 addresses and prefixes as plain ints, parsed and printed the way Go does.

Docker is written in Go, so every address it accepts or prints went through Go's ``net`` /
``net/netip`` packages. This module mirrors their *rules* (not their code): which texts parse,
how addresses print, and the wording of the errors the daemon embeds in its own messages
(``invalid CIDR address: 172.19.0.0/33``). Arithmetic is int arithmetic; the standard
``ipaddress`` module is never imported here (the tests use it as an oracle).

Choices worth knowing:

* Parsing is strict, like ``net.ParseIP`` since Go 1.17: IPv4 is exactly four decimal fields
  without leading zeros; IPv6 groups have at most four hex digits; zones are rejected.
* ``str(ip)`` is RFC 5952 and equals Go's ``netip.Addr.String()``: an IPv4-mapped address
  prints as ``::ffff:1.2.3.4``. Go's older ``net.IP.String()`` prints the same address as plain
  ``1.2.3.4``; :func:`go_string` gives that form, for places where Docker prints a ``net.IP``.
* A :class:`Prefix` keeps the address *as typed*, host bits included, because Docker 20.10
  accepts ``--subnet 172.19.1.5/16`` and shows it back unchanged.
* Errors are :class:`AddrError` (a ``ValueError``), raised ``from None``; ``str(err)`` is Go's text
  and ``err.reason`` says what exactly was wrong (netip's wording).

>>> p = parse_prefix("172.19.1.5/16")
>>> str(p), str(p.network), str(p.last), p.has_host_bits
('172.19.1.5/16', '172.19.0.0', '172.19.255.255', True)
>>> parse_ip("172.19.0.2") + 3
IP('172.19.0.5')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import total_ordering
from typing import Any, overload

from .records import Record

__all__ = [
    "AddrError", "IP", "Prefix", "parse_ip", "parse_ipv4", "parse_ipv6", "ip", "format_ip",
    "format_ipv4", "format_ipv6", "go_string", "parse_prefix", "parse_prefix_netip", "prefix",
    "summarize", "ranges_text",
]

_BITS = {4: 32, 6: 128}
_MASKS = {v: tuple(((1 << b) - 1) ^ ((1 << (b - n)) - 1) for n in range(b + 1)) for v, b in _BITS.items()}
_ALL_ONES = {4: (1 << 32) - 1, 6: (1 << 128) - 1}
# Lookup tables, built once and never mutated. A dict of the 256 legal octet spellings is both
# the fastest and the strictest check: no '01', '+1', ' 1', '1_0' or non-ASCII digits get in.
_DEC = tuple(map(str, range(256)))
_OCTET = dict(zip(_DEC, range(256)))
_HEX = frozenset("0123456789abcdefABCDEF")
_FMT8 = "%4s" * 8


def _compressed_shapes() -> dict[int, str]:
    """Format strings that pad the groups of a text with '::' out to 32 hex digits.

    Key: ``n << 8 | first_empty << 4 | empties`` for the groups ``text.split(':')`` gives (no
    collisions: valid shapes have n <= 9, so the fields fit; more groups give bigger keys). An
    empty group marks the '::' and gets '%s' plus the zeros it stands for; every other group
    is right-aligned in 4 columns. If a '%s' slot receives a non-empty group the result is
    longer than 32, which the caller rejects.
    """
    shapes = {3 << 8 | 0 << 4 | 3: "%s%s%s" + "0000" * 8}                 # '::'
    for n in range(3, 10):
        if n <= 8:                                                        # 'a::b'
            for first in range(1, n - 1):
                rest = n - first - 1
                shapes[n << 8 | first << 4 | 1] = "%4s" * first + "%s" + "0000" * (9 - n) + "%4s" * rest
        shapes[n << 8 | 0 << 4 | 2] = "%s%s" + "0000" * (10 - n) + "%4s" * (n - 2)          # '::a'
        shapes[n << 8 | (n - 2) << 4 | 2] = "%4s" * (n - 2) + "0000" * (10 - n) + "%s%s"    # 'a::'
    return shapes


_COMPRESSED = _compressed_shapes()
_ZERO_RUNS = tuple(":" + "#:" * k for k in range(8, 1, -1))     # 8, 7, … 2 zero groups, as format_ipv6 marks them


class AddrError(ValueError):
    """Bad address text or out-of-range arithmetic. ``str()`` is Go's message.

    ``text`` is the input that failed, ``reason`` the precise fault (netip's wording).

    >>> try:
    ...     parse_prefix("172.19.0.0/33")
    ... except AddrError as err:
    ...     print(err)
    invalid CIDR address: 172.19.0.0/33
    """

    def __init__(self, message: str, *, text: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.text = text
        self.reason = reason

    def __str__(self) -> str:
        return self.message


class _Invalid(Exception):
    """Internal: why a text is not an address (netip's wording), and where."""

    def __init__(self, msg: str, at: str = "") -> None:
        super().__init__(msg)
        self.msg = msg
        self.at = at


@total_ordering
class IP(Record, frozen=True, slots=True, repr=False):
    """An IPv4 or IPv6 address: an int plus its family. Ordered by ``(version, value)``.

    >>> a = IP.parse("2001:db8::1")
    >>> a.version, a.bits, str(a + 255), str(a - 1)
    (6, 128, '2001:db8::100', '2001:db8::')
    >>> sorted([IP.parse("::1"), IP.parse("10.0.0.1")])
    [IP('10.0.0.1'), IP('::1')]
    """

    value: int
    version: int

    def __post_init__(self) -> None:
        _check(self.value, self.version)

    @staticmethod
    def parse(text: str) -> IP:
        """Same as :func:`parse_ip`."""
        return parse_ip(text)

    @property
    def bits(self) -> int:
        """32 or 128."""
        return 32 if self.version == 4 else 128

    @property
    def packed(self) -> bytes:
        """The address in network byte order (4 or 16 bytes)."""
        return self.value.to_bytes(4 if self.version == 4 else 16, "big")

    @property
    def is_ipv4_mapped(self) -> bool:
        """True for ``::ffff:a.b.c.d``."""
        return self.version == 6 and self.value >> 32 == 0xFFFF

    def unmap(self) -> IP:
        """The IPv4 address inside an IPv4-mapped one; any other address unchanged (netip's Unmap)."""
        return _new_ip(self.value & 0xFFFFFFFF, 4) if self.is_ipv4_mapped else self

    def __str__(self) -> str:
        v = self.value
        if self.version == 4:
            d = _DEC
            return f"{d[v >> 24]}.{d[v >> 16 & 255]}.{d[v >> 8 & 255]}.{d[v & 255]}"
        return format_ipv6(v)

    def __repr__(self) -> str:
        return f"IP({str(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # pickling a host (as copy.deepcopy does): dataclasses' own pickling of a frozen class
        # looks up its fields for every object, three times the cost of this
        return _new_ip, (self.value, self.version)

    def __int__(self) -> int:
        return self.value

    def __add__(self, n: int) -> IP:
        if not isinstance(n, int):
            return NotImplemented
        v = self.value + n
        if v < 0 or v > _ALL_ONES[self.version]:
            raise AddrError(f"address out of range: {self} + {n}") from None
        return _new_ip(v, self.version)

    __radd__ = __add__

    @overload
    def __sub__(self, other: int) -> IP: ...

    @overload
    def __sub__(self, other: IP) -> int: ...

    def __sub__(self, other: int | IP) -> IP | int:
        """``ip - n`` is an address; ``ip - other_ip`` (same family) is the int distance."""
        if isinstance(other, IP):
            if other.version != self.version:
                return NotImplemented
            return self.value - other.value
        if not isinstance(other, int):
            return NotImplemented
        return self.__add__(-other)

    # Ordered by family first (IPv4 before IPv6), then by value, so mixed lists sort cleanly.
    def __lt__(self, other: IP) -> bool:
        if other.__class__ is not IP:
            return NotImplemented
        return (self.version, self.value) < (other.version, other.value)


def _check(value: int, version: int) -> None:
    if version not in _BITS:
        raise AddrError(f"IP version must be 4 or 6, not {version!r}") from None
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"IP value must be an int, not {type(value).__name__}")
    if value < 0 or value > _ALL_ONES[version]:
        raise AddrError(f"IPv{version} address value out of range: {value}") from None


# The generated __init__ of a frozen dataclass goes through object.__setattr__ and
# __post_init__; parsing is a hot path and has already validated, so it fills the slots directly.
_object_new = object.__new__
_set_value = IP.value.__set__          # type: ignore[attr-defined]
_set_version = IP.version.__set__      # type: ignore[attr-defined]


def _new_ip(value: int, version: int) -> IP:
    obj = _object_new(IP)
    _set_value(obj, value)
    _set_version(obj, version)
    return obj


def ip(value: int, version: int) -> IP:
    """Build an address from an int, checking the range.

    >>> ip(0xAC110002, 4)
    IP('172.17.0.2')
    """
    _check(value, version)
    return _new_ip(value, version)


def format_ipv4(value: int) -> str:
    """Dotted quad of an int in 0..2**32-1. ``format_ipv4(0x7F000001) == '127.0.0.1'``."""
    d = _DEC
    return f"{d[value >> 24]}.{d[value >> 16 & 255]}.{d[value >> 8 & 255]}.{d[value & 255]}"


def format_ipv6(value: int) -> str:
    """RFC 5952 text of an int in 0..2**128-1, identical to Go's ``netip.Addr.String()``.

    >>> [format_ipv6(v) for v in (0, 1, 1 << 112, 0xFFFF_0102_0304, 0x1_0000_0000_0001_0000_0000_0001_0001)]
    ['::', '::1', '1::', '::ffff:1.2.3.4', '1::1:0:0:1:1']
    """
    # bytes.hex gives every group as 4 digits between colons; strip leading zeros with four
    # C-level replaces, marking zero groups '#' so the last replace cannot empty them.
    s = (":" + value.to_bytes(16, "big").hex(":", 2) + ":").replace(":0000", ":#").replace(
        ":000", ":").replace(":00", ":").replace(":0", ":")
    if ":#:#:" not in s:
        return s[1:-1].replace("#", "0")
    if value >> 32 == 0xFFFF:
        return "::ffff:" + format_ipv4(value & 0xFFFFFFFF)
    # Which run to compress: the longest, the leftmost of those (RFC 5952), found at C speed
    run = next(r for r in _ZERO_RUNS if r in s)
    i = s.find(run)
    return (s[1:i] + "::" + s[i + len(run):-1]).replace("#", "0")


def format_ip(value: int, version: int) -> str:
    """Text of an int address of the given family."""
    return format_ipv4(value) if version == 4 else format_ipv6(value)


def go_string(addr: IP) -> str:
    """What Go's ``net.IP.String()`` prints: like ``str()``, except IPv4-mapped -> dotted IPv4.

    >>> go_string(parse_ip("::ffff:10.0.0.1")), str(parse_ip("::ffff:10.0.0.1"))
    ('10.0.0.1', '::ffff:10.0.0.1')
    """
    if addr.version == 6 and addr.value >> 32 == 0xFFFF:
        return format_ipv4(addr.value & 0xFFFFFFFF)
    return str(addr)


# --- parsing ------------------------------------------------------------------------------


def _fast4(text: str) -> int | None:
    parts = text.split(".")
    if len(parts) != 4:
        return None
    a, b, c, d = parts
    o = _OCTET
    try:
        return o[a] << 24 | o[b] << 16 | o[c] << 8 | o[d]
    except KeyError:
        return None


def _fast6(text: str) -> int | None:
    """The common IPv6 forms, with C-level string operations; None means 'ask _scan'."""
    if " " in text:
        return None
    if "." in text:                     # embedded IPv4 tail: rewrite it as two hex groups
        head, _, tail = text.rpartition(":")
        v4 = _fast4(tail)
        if v4 is None or "." in head:
            return None
        text = f"{head}:{v4 >> 16:x}:{v4 & 0xFFFF:x}"
    groups = text.split(":")
    if "" in groups:
        n = len(groups)
        fmt = _COMPRESSED.get(n << 8 | groups.index("") << 4 | groups.count(""))
        if fmt is None:
            return None
    elif len(groups) == 8:
        fmt = _FMT8
    else:
        return None
    # Any group longer than 4 characters makes the text longer than 32. fromhex rejects
    # non-hex and non-ASCII; the ASCII whitespace it skips leaves fewer than 16 bytes.
    padded = fmt % tuple(groups)
    if len(padded) != 32:
        return None
    try:
        raw = bytes.fromhex(padded.replace(" ", "0"))
    except ValueError:
        return None
    return int.from_bytes(raw, "big") if len(raw) == 16 else None


def _scan4(s: str) -> int:
    """Exact IPv4 rules, read left to right, naming the first fault (netip's order)."""
    value = field = digits = dots = 0
    for i, ch in enumerate(s):
        if ch == ".":
            if digits == 0 or i == len(s) - 1:
                raise _Invalid("IPv4 field must have at least one digit", s[i:])
            if dots == 3:
                raise _Invalid("IPv4 address too long")
            value, field, digits, dots = value << 8 | field, 0, 0, dots + 1
        elif "0" <= ch <= "9":
            if digits == 1 and field == 0:
                raise _Invalid("IPv4 field has octet with leading zero")
            field, digits = field * 10 + ord(ch) - 48, digits + 1
            if field > 255:
                raise _Invalid("IPv4 field has value >255")
        else:
            raise _Invalid("unexpected character", s[i:])
    if dots < 3:
        raise _Invalid("IPv4 address too short")
    return value << 8 | field


def _scan6(text: str) -> tuple[int, str]:
    """Exact IPv6 rules (RFC 4291 text forms as netip reads them); returns (value, zone)."""
    s, percent, zone = text.partition("%")
    if percent and not zone:
        raise _Invalid("zone must be a non-empty string")
    groups: list[int] = []
    gap = -1                            # number of groups before '::', if any
    if s.startswith("::"):
        gap, s = 0, s[2:]
    while s and len(groups) < 8:
        n = 0
        while n < len(s) and s[n] in _HEX:
            n += 1
            if n > 4:
                raise _Invalid("each group must have 4 or less digits", s)
        if n == 0:
            raise _Invalid("each colon-separated field must have at least one digit", s)
        if n < len(s) and s[n] == ".":
            if gap < 0 and len(groups) != 6:
                raise _Invalid("embedded IPv4 address must replace the final 2 fields of the address", s)
            if len(groups) > 6:
                raise _Invalid("too many hex fields to fit an embedded IPv4 at the end of the address", s)
            v4 = _scan4(s)
            groups += (v4 >> 16, v4 & 0xFFFF)
            s = ""
            break
        groups.append(int(s[:n], 16))
        s = s[n:]
        if not s:
            break
        if s[0] != ":":
            raise _Invalid("unexpected character, want colon", s)
        if len(s) == 1:
            raise _Invalid("colon must be followed by more characters", s)
        s = s[1:]
        if s[0] == ":":
            if gap >= 0:
                raise _Invalid("multiple :: in address", s)
            gap, s = len(groups), s[1:]
    if s:
        raise _Invalid("trailing garbage after address", s)
    if len(groups) < 8:
        if gap < 0:
            raise _Invalid("address string too short")
        groups[gap:gap] = [0] * (8 - len(groups))
    elif gap >= 0:
        raise _Invalid("the :: must expand to at least one field of zeros")
    value = 0
    for g in groups:
        value = value << 16 | g
    return value, zone


def _scan(text: str) -> tuple[int, int, str]:
    """netip.ParseAddr's decision for any text: (value, version, zone) or _Invalid."""
    for ch in text:                     # the first '.', ':' or '%' decides the family
        if ch == ".":
            return _scan4(text), 4, ""
        if ch == ":":
            value, zone = _scan6(text)
            return value, 6, zone
        if ch == "%":
            raise _Invalid("missing IPv6 address")
    raise _Invalid("unable to parse IP")


def _go_quote(s: str) -> str:
    """Approximately Go's strconv.Quote."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in _GO_ESCAPES:
            out.append(_GO_ESCAPES[ch])
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x80:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


_GO_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def _parse_addr_message(text: str, err: _Invalid) -> str:
    at = f" (at {_go_quote(err.at)})" if err.at else ""
    return f"ParseAddr({_go_quote(text)}): {err.msg}{at}"


def _slow(text: str, want: int | None, kind: str) -> IP:
    """Parse what the fast paths declined, or raise AddrError with the reason."""
    if not isinstance(text, str):
        raise TypeError(f"address must be a str, not {type(text).__name__}")
    try:
        value, version, zone = _scan(text)
    except _Invalid as err:
        raise AddrError(f"invalid {kind} address: {text}", text=text, reason=err.msg) from None
    if zone:
        raise AddrError(f"invalid {kind} address: {text}", text=text, reason="zone not allowed") from None
    if want is not None and version != want:
        raise AddrError(f"invalid {kind} address: {text}", text=text,
                        reason=f"not an IPv{want} address") from None
    return _new_ip(value, version)


def parse_ip(text: str) -> IP:
    """Parse an IPv4 or IPv6 address, as strictly as Go's ``net.ParseIP``.

    ``net.ParseIP`` itself just returns nil; the message is Go's ``net.ParseError`` form, and
    callers that print Docker's words catch the error and use ``err.text`` / ``err.reason``.

    >>> parse_ip("10.0.0.1"), parse_ip("::FFFF:1.2.3.4")
    (IP('10.0.0.1'), IP('::ffff:1.2.3.4'))
    >>> parse_ip("10.0.0.01")
    Traceback (most recent call last):
    dockernet_sim.addr.AddrError: invalid IP address: 10.0.0.01
    """
    if text.__class__ is str:
        if ":" in text:
            value, version = _fast6(text), 6
        else:
            value, version = _fast4(text), 4
        if value is not None:
            obj = _object_new(IP)       # _new_ip, inlined: this is the hottest path
            _set_value(obj, value)
            _set_version(obj, version)
            return obj
    return _slow(text, None, "IP")


def parse_ipv4(text: str) -> IP:
    """Parse a dotted-quad IPv4 address only. ``parse_ipv4('::1')`` raises AddrError."""
    if text.__class__ is str:
        value = _fast4(text)
        if value is not None:
            return _new_ip(value, 4)
    return _slow(text, 4, "IPv4")


def parse_ipv6(text: str) -> IP:
    """Parse an IPv6 address only (any RFC 4291 text form, no zone)."""
    if text.__class__ is str and ":" in text:
        value = _fast6(text)
        if value is not None:
            return _new_ip(value, 6)
    return _slow(text, 6, "IPv6")


# --- prefixes -----------------------------------------------------------------------------


@total_ordering
class Prefix(Record, frozen=True, slots=True, eq=False, repr=False):
    """An address and a prefix length, keeping the address (and text) exactly as typed.

    Equal and hashed by ``(version, addr.value, length)``; ``text`` does not take part.

    >>> p = Prefix.parse("10.1.2.3/8")
    >>> str(p), str(p.masked()), p.size, str(p.nth(-1)), p.ordinal(parse_ip("10.0.1.0"))
    ('10.1.2.3/8', '10.0.0.0/8', 16777216, '10.255.255.255', 256)
    >>> [str(s) for s in parse_prefix("fd00::/63").subnets(64)]
    ['fd00::/64', 'fd00:0:0:1::/64']
    """

    addr: IP
    length: int
    text: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.addr, IP):
            raise TypeError(f"Prefix.addr must be an IP, not {type(self.addr).__name__}")
        if not isinstance(self.length, int) or not 0 <= self.length <= self.addr.bits:
            raise AddrError(f"prefix length out of range: {self.length!r}") from None

    @staticmethod
    def parse(text: str) -> Prefix:
        """Same as :func:`parse_prefix`."""
        return parse_prefix(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return _new_prefix, (self.addr, self.length, self.text)   # (see IP.__reduce__)

    @property
    def version(self) -> int:
        return self.addr.version

    @property
    def bits(self) -> int:
        return 32 if self.addr.version == 4 else 128

    @property
    def _mask(self) -> int:
        return _MASKS[self.addr.version][self.length]

    @property
    def network(self) -> IP:
        """The first address (host bits cleared)."""
        return _new_ip(self.addr.value & self._mask, self.addr.version)

    first = network

    @property
    def last(self) -> IP:
        """The last address (all host bits set)."""
        version = self.addr.version
        return _new_ip(self.addr.value | (_ALL_ONES[version] ^ self._mask), version)

    broadcast = last

    @property
    def size(self) -> int:
        """Number of addresses: ``2 ** (bits - length)``."""
        return 1 << (self.bits - self.length)

    @property
    def netmask(self) -> IP:
        return _new_ip(self._mask, self.addr.version)

    @property
    def hostmask(self) -> IP:
        version = self.addr.version
        return _new_ip(_ALL_ONES[version] ^ self._mask, version)

    @property
    def has_host_bits(self) -> bool:
        return self.addr.value & self._mask != self.addr.value

    def masked(self) -> Prefix:
        """The canonical network prefix (``text`` is '')."""
        if not self.text and not self.has_host_bits:
            return self
        return _new_prefix(self.network, self.length, "")

    def contains(self, other: IP | Prefix) -> bool:
        """True if the address, or the whole prefix, lies inside this prefix (False across families)."""
        if isinstance(other, IP):
            addr, length = other, self.length
        elif isinstance(other, Prefix):
            addr, length = other.addr, other.length
        else:
            raise TypeError(f"expected IP or Prefix, not {type(other).__name__}")
        if addr.version != self.addr.version or length < self.length:
            return False
        mask = self._mask
        return addr.value & mask == self.addr.value & mask

    __contains__ = contains

    def overlaps(self, other: Prefix) -> bool:
        """True if the two prefixes share at least one address (same family only)."""
        if self.addr.version != other.addr.version:
            return False
        mask = _MASKS[self.addr.version][min(self.length, other.length)]
        return self.addr.value & mask == other.addr.value & mask

    def subnets(self, new_length: int) -> Iterator[Prefix]:
        """The prefixes of ``new_length`` that tile this one, ascending, generated lazily."""
        if not self.length <= new_length <= self.bits:
            raise AddrError(f"new prefix length {new_length} must be between {self.length} and {self.bits}")
        version = self.addr.version
        start = self.addr.value & self._mask
        step = 1 << (self.bits - new_length)
        return (_new_prefix(_new_ip(v, version), new_length, "")
                for v in range(start, start + self.size, step))

    def hosts_range(self) -> tuple[int, int]:
        """``(first, last)`` address values of the whole prefix, as ints (network and broadcast included)."""
        first = self.addr.value & self._mask
        return first, first + self.size - 1

    def addresses(self) -> Iterator[IP]:
        """Every address of the prefix, ascending, generated lazily."""
        first, last = self.hosts_range()
        version = self.addr.version
        return (_new_ip(v, version) for v in range(first, last + 1))

    def nth(self, i: int) -> IP:
        """``network + i``; negative ``i`` counts from the end (``nth(-1)`` is the last address)."""
        size = self.size
        if not -size <= i < size:
            raise AddrError(f"index {i} out of range for {self}")
        return _new_ip((self.addr.value & self._mask) + (i % size), self.addr.version)

    def ordinal(self, addr: IP) -> int:
        """The offset of ``addr`` from the network address."""
        if not self.contains(addr):
            raise AddrError(f"{addr} is not in {self}")
        return addr.value - (self.addr.value & self._mask)

    def __str__(self) -> str:
        return f"{self.addr}/{self.length}"

    def __repr__(self) -> str:
        return f"Prefix({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Prefix):
            return NotImplemented
        return (self.length == other.length and self.addr.value == other.addr.value
                and self.addr.version == other.addr.version)

    def __hash__(self) -> int:
        return hash((self.addr.version, self.addr.value, self.length))

    def _key(self) -> tuple[int, int, int, int]:
        # Like ipaddress for networks: family, network address, length; then the typed address.
        return (self.addr.version, self.addr.value & self._mask, self.length, self.addr.value)

    def __lt__(self, other: Prefix) -> bool:
        return self._key() < other._key() if other.__class__ is Prefix else NotImplemented


_set_addr = Prefix.addr.__set__        # type: ignore[attr-defined]
_set_length = Prefix.length.__set__    # type: ignore[attr-defined]
_set_text = Prefix.text.__set__        # type: ignore[attr-defined]


def _new_prefix(addr: IP, length: int, text: str) -> Prefix:
    obj = _object_new(Prefix)
    _set_addr(obj, addr)
    _set_length(obj, length)
    _set_text(obj, text)
    return obj


def prefix(value: int, length: int, version: int) -> Prefix:
    """Build a prefix from ints (host bits are kept). ``str(prefix(0x0A000000, 8, 4)) == '10.0.0.0/8'``."""
    addr = ip(value, version)
    if not isinstance(length, int) or not 0 <= length <= addr.bits:
        raise AddrError(f"prefix length out of range: {length!r}")
    return _new_prefix(addr, length, "")


def parse_prefix(text: str) -> Prefix:
    """Parse ``addr/len`` like Go's ``net.ParseCIDR`` (leading zeros in ``len`` are accepted).

    >>> parse_prefix("172.19.1.5/016")
    Prefix('172.19.1.5/16')
    >>> parse_prefix("172.19.0.0")
    Traceback (most recent call last):
    dockernet_sim.addr.AddrError: invalid CIDR address: 172.19.0.0
    """
    if text.__class__ is not str:
        raise TypeError(f"prefix must be a str, not {type(text).__name__}")
    addr_text, slash, length_text = text.partition("/")
    reason = "no '/'"
    if slash:
        # Only ASCII digits; any number of leading zeros (Go's dtoi), so strip them before int()
        # to stay clear of Python's limit on long digit strings.
        digits = length_text.lstrip("0") or ("0" if length_text else "")
        if digits.isdigit() and digits.isascii() and len(digits) <= 3:
            try:
                addr = parse_ip(addr_text)
            except AddrError as err:
                reason = err.reason or "bad address"
            else:
                length = int(digits)
                if length <= (32 if addr.version == 4 else 128):
                    return _new_prefix(addr, length, text)
                reason = "prefix length out of range"
        else:
            reason = "bad prefix length"
    raise AddrError(f"invalid CIDR address: {text}", text=text, reason=reason) from None


def parse_prefix_netip(text: str) -> Prefix:
    """Parse ``addr/len`` like Go's ``netip.ParsePrefix`` (no leading zeros or sign in ``len``).

    >>> parse_prefix_netip("10.0.0.0/08")
    Traceback (most recent call last):
    dockernet_sim.addr.AddrError: netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08"
    """
    if text.__class__ is not str:
        raise TypeError(f"prefix must be a str, not {type(text).__name__}")

    def fail(msg: str) -> AddrError:
        return AddrError(f"netip.ParsePrefix({_go_quote(text)}): {msg}", text=text, reason=msg)

    addr_text, slash, bits_text = text.rpartition("/")
    if not slash:
        raise fail("no '/'") from None
    try:
        value, version, zone = _scan(addr_text)
    except _Invalid as err:
        raise fail(_parse_addr_message(addr_text, err)) from None
    if zone:
        raise fail("IPv6 zones cannot be present in a prefix") from None
    bad_bits = f"bad bits after slash: {_go_quote(bits_text)}"
    if len(bits_text) > 1 and not "1" <= bits_text[0] <= "9":
        raise fail(bad_bits) from None
    if not (bits_text.isdigit() and bits_text.isascii()) or len(bits_text) > 19 or int(bits_text) >= 1 << 63:
        raise fail(bad_bits) from None
    length = int(bits_text)
    if length > _BITS[version]:
        raise fail("prefix length out of range") from None
    return _new_prefix(_new_ip(value, version), length, text)


# --- ranges -------------------------------------------------------------------------------


def summarize(first: IP, last: IP) -> list[Prefix]:
    """The fewest prefixes covering exactly ``first..last`` (inclusive), ascending.

    >>> [str(p) for p in summarize(parse_ip("10.0.0.1"), parse_ip("10.0.0.6"))]
    ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']
    """
    if first.version != last.version:
        raise AddrError(f"{first} and {last} are not of the same family")
    if first.value > last.value:
        raise AddrError(f"{first} is after {last}")
    bits = first.bits
    value, end, out = first.value, last.value, []
    while value <= end:
        # The largest block that starts at `value` (alignment) and does not run past `end`.
        align = (value & -value).bit_length() - 1 if value else bits
        size_bits = min(align, (end - value + 1).bit_length() - 1)
        out.append(_new_prefix(_new_ip(value, first.version), bits - size_bits, ""))
        value += 1 << size_bits
    return out


def ranges_text(values: Iterable[int], version: int) -> str:
    """Sorted address values as compact text: consecutive runs become ``first-last``.

    >>> ranges_text([0xAC110002, 0xAC110003, 0xAC110004, 0xAC110005, 0xAC110009], 4)
    '172.17.0.2-172.17.0.5, 172.17.0.9'
    """
    fmt = format_ipv4 if version == 4 else format_ipv6
    parts: list[str] = []
    start = prev = None
    for v in values:
        if prev is not None and v in (prev, prev + 1):
            prev = v
            continue
        if start is not None:
            parts.append(fmt(start) if start == prev else f"{fmt(start)}-{fmt(prev)}")
        start = prev = v
    if start is not None:
        parts.append(fmt(start) if start == prev else f"{fmt(start)}-{fmt(prev)}")
    return ", ".join(parts)
