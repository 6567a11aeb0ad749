"""How ``ip`` reads the numbers and addresses on its command line: iproute2 6.1's ``lib/utils.c``
(``get_unsigned``, ``get_integer``, ``get_addr_1``, ``get_prefix_1``, all built on C's
``strtoul``/``strtol`` with base 0) and busybox 1.35's ``networking/libiproute/utils.c``.

iproute2 reads an IPv4 address its own way, not as ``inet_aton`` does: up to four parts, each a C
number (``010`` is octal, ``0x0a`` hex), missing parts zero, so ``10/8`` is ``10.0.0.0/8``;
a prefix length is any C unsigned number up to the family's width (``/ 24``, ``/+24``, ``/-0``,
``/0x18``). Checked against iproute2 6.1 in a network namespace on the recording machine:
``ip addr add 10.0.0.1/33 dev d0`` → ``Error: any valid prefix is expected rather than
"10.0.0.1/33".``, exit 1.

busybox's ``get_prefix_1`` ignores a failed address (the kernel's answer comes next) and checks
only the length: a strict unsigned number or a contiguous dotted netmask; its ``get_addr`` (a
gateway) takes decimal dotted parts, at most four.
"""

from __future__ import annotations

from typing import Optional

from ..addr import IP, AddrError, ip as make_ip, parse_ipv6
from ..records import Record

__all__ = ["c_strtoul", "get_unsigned", "get_integer", "get_prefix", "get_address", "busybox_prefix_ok",
           "busybox_address_ok", "KEYWORDS", "Selector", "parse_selector"]

#: the words ``get_addr_1`` reads as "any address" (``default``, ``all``, ``any``)
KEYWORDS = ("default", "all", "any")

_ULONG_MAX = (1 << 64) - 1
_UINT_MAX = (1 << 32) - 1
_INT_MAX = (1 << 31) - 1
_SPACE = " \t\n\v\f\r"
_DIGITS = {8: "01234567", 10: "0123456789", 16: "0123456789abcdefABCDEF"}


def c_strtoul(text: str, signed: bool = False) -> tuple[Optional[int], str, bool]:
    """C's ``strtoul`` (``strtol`` if ``signed``) with base 0 on ``text``: the value (None when no
    digits were read), the text left after the number, and whether the value overflowed.

    >>> c_strtoul("0x18/3"), c_strtoul(" -1"), c_strtoul("08")
    ((24, '/3', False), (18446744073709551615, '', False), (0, '8', False))
    """
    i, n = 0, len(text)
    while i < n and text[i] in _SPACE:
        i += 1
    negative = False
    if i < n and text[i] in "+-":
        negative = text[i] == "-"
        i += 1
    base = 10
    if text[i:i + 2] in ("0x", "0X") and i + 2 < n and text[i + 2] in _DIGITS[16]:
        base, i = 16, i + 2
    elif text[i:i + 1] == "0":
        base = 8
    start = i
    while i < n and text[i] in _DIGITS[base]:
        i += 1
    if i == start:
        return None, text, False
    value = int(text[start:i], base)
    if signed:          # strtol: a 64-bit long (an int's narrower range is the caller's check)
        return (-value if negative else value), text[i:], value > (1 << 63) - (0 if negative else 1)
    if value > _ULONG_MAX:
        return _ULONG_MAX, text[i:], True
    return ((-value) & _ULONG_MAX if negative else value), text[i:], False


def get_unsigned(text: str) -> Optional[int]:
    """iproute2's ``get_unsigned(…, 0)``: the whole word one C unsigned number that fits 32 bits."""
    if not text:
        return None
    value, rest, over = c_strtoul(text)
    if value is None or rest or over or value > _UINT_MAX:
        return None
    return value


def get_integer(text: str) -> Optional[int]:
    """iproute2's ``get_integer(…, 0)``: the whole word one C ``int`` (``mtu -1`` is read, and
    the kernel refuses it)."""
    if not text:
        return None
    value, rest, over = c_strtoul(text, signed=True)
    if value is None or rest or over or not -_INT_MAX - 1 <= value <= _INT_MAX:
        return None
    return value


def _ipv4(text: str) -> Optional[int]:
    """iproute2's ``get_addr_ipv4``: one to four C numbers 0..255 joined by dots (10.8 is 10.8.0.0)."""
    parts = [0, 0, 0, 0]
    rest = text
    for i in range(4):
        value, rest, _ = c_strtoul(rest)
        if value is None or value > 255:
            return None
        parts[i] = value
        if not rest:
            break
        if i == 3 or rest[0] != ".":
            return None
        rest = rest[1:]
    else:
        return None
    return parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]


def get_address(text: str, family: Optional[int]) -> Optional[IP]:
    """iproute2's ``get_addr_1`` for one address of ``family`` (4, 6 or None for either); None if
    the word is not one. The keywords ``default``/``all``/``any`` are the caller's to handle."""
    if ":" in text:
        if family == 4:
            return None
        try:
            return parse_ipv6(text)
        except AddrError:
            return None
    if family == 6:
        return None
    value = _ipv4(text)
    return None if value is None else make_ip(value, 4)


def get_prefix(text: str, family: Optional[int]) -> Optional[tuple[IP, Optional[int]]]:
    """iproute2's ``get_prefix_1``: an address and its length (None when no ``/LEN`` was typed);
    None when the word is not a prefix of ``family``."""
    address, slash, length = text.partition("/")
    ip = get_address(address, family)
    if ip is None:
        return None
    if not slash:
        return ip, None
    plen = get_unsigned(length)
    if plen is None or plen > (32 if ip.version == 4 else 128):
        return None
    return ip, plen


def _busybox_unsigned(text: str) -> Optional[int]:
    """busybox's ``bb_strtou(…, 0)``: digits only (no blank, no sign), base 0; an empty word is 0."""
    if text and not text[0].isalnum():
        return None
    value, rest, over = c_strtoul(text)
    if not text:
        return 0
    if value is None or rest or over or value > _UINT_MAX:
        return None
    return value


def busybox_address_ok(text: str) -> bool:
    """busybox ``get_addr_1``: a keyword, an IPv6 address, or one to four decimal parts 0..255."""
    if text in KEYWORDS:
        return True
    if ":" in text:
        try:
            parse_ipv6(text)
        except AddrError:
            return False
        return True
    parts = text.split(".")
    return len(parts) <= 4 and all(p.isdigit() and p.isascii() and int(p) <= 255 for p in parts)


def busybox_prefix_ok(text: str) -> bool:
    """busybox ``get_prefix_1``: only what follows ``/`` is checked, a length up to the family's
    width or a contiguous dotted netmask."""
    address, slash, length = text.partition("/")
    if not slash or address in KEYWORDS:
        return True
    plen = _busybox_unsigned(length)
    if plen is not None and plen <= (128 if ":" in address else 32):
        return True
    if not busybox_address_ok(length) or ":" in length or length in KEYWORDS:
        return False
    parts = [int(p) for p in length.split(".")] + [0, 0, 0]
    mask = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]
    inverted = ~mask & _UINT_MAX
    return inverted & (inverted + 1) == 0          # ones then zeros: a netmask


class Selector(Record, frozen=True, slots=True):
    """A prefix typed after ``to``, ``root``, ``match`` or ``exact`` (``ip addr show to P``, ``ip
    route show [root|match|exact] P``; a bare prefix is ``exact``): its family, its address as an
    integer and its length (``default`` is 0/0). ``root`` keeps routes inside it, ``match`` the
    routes that cover it, ``exact`` both (iproute2's ``filter_nlmsg``).

    >>> s = Selector(4, 10 << 24, 8, "root")
    >>> s.keeps_route(4, (10 << 24) | (161 << 8), 24), s.keeps_route(4, 0, 0)
    (True, False)
    """

    version: int
    value: int
    length: int
    kind: str = "exact"                      # root | match | exact

    def _same_bits(self, value: int, n: int) -> bool:
        bits = 32 if self.version == 4 else 128
        return (value ^ self.value) >> (bits - n) == 0

    def keeps_address(self, version: int, value: int) -> bool:
        """``ip addr show to P``: an address whose first bits are P's."""
        return version == self.version and self._same_bits(value, self.length)

    def keeps_route(self, version: int, value: int, length: int) -> bool:
        if version != self.version:
            return False
        if self.kind in ("root", "exact") and not (length >= self.length and self._same_bits(value, self.length)):
            return False
        return self.kind == "root" or (length <= self.length and self._same_bits(value, length))


def parse_selector(text: str, family: Optional[int], kind: str = "exact") -> Optional[Selector]:
    """iproute2's ``get_prefix`` for a selector: None when ``text`` is no prefix of ``family``."""
    if text in KEYWORDS:
        return Selector(family or 4, 0, 0, kind)
    parsed = get_prefix(text, family)
    if parsed is None:
        return None
    ip, plen = parsed
    return Selector(ip.version, ip.value, ip.bits if plen is None else plen, kind)
