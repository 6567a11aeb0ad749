"""Tables for dockernet_sim.addr: strict parsing, RFC 5952 printing, Go's error texts, arithmetic.

``ipaddress`` appears here only as an oracle for values, never for what text is acceptable.
"""

from __future__ import annotations

import copy
import dataclasses
import doctest
import ipaddress
import itertools
import pickle

import pytest

from dockernet_sim import addr
from dockernet_sim.addr import (
    IP, AddrError, Prefix, format_ip, format_ipv4, format_ipv6, go_string, ip, parse_ip,
    parse_ipv4, parse_ipv6, parse_prefix, parse_prefix_netip, prefix, ranges_text, summarize,
)


def test_docstring_examples() -> None:
    failed, attempted = doctest.testmod(addr)
    assert attempted > 10 and failed == 0


# --- parsing: what is accepted ---------------------------------------------------------------

V4_GOOD = ["0.0.0.0", "255.255.255.255", "1.2.3.4", "10.0.0.1", "172.17.0.2", "192.168.100.200",
           "100.64.0.0", "9.99.199.249"]

V4_BAD = [
    "", ".", "1.2.3", "1.2.3.4.5", "127.1", "2130706433", "1..3.4", ".1.2.3", "1.2.3.", "1.2.3.4.",
    # leading zeros are rejected since Go 1.17 (they used to mean octal to some parsers)
    "01.2.3.4", "1.2.3.04", "1.2.3.00", "00.0.0.0", "0.0.0.00", "001.2.3.4",
    "256.1.1.1", "1.2.3.256", "1000.1.1.1", "1.2.3.-1", "+1.2.3.4", "1.2.3.+4", "-1.2.3.4",
    " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\n", "1.2 .3.4", "\t1.2.3.4",
    "0x1.2.3.4", "1.2.3.0x4", "1.2.3.4e0", "1_0.2.3.4", "1.2.3.1e1", "a.b.c.d",
    "\u0661.2.3.4", "1.2.3.\uff14", "1.2.3.\u00b2",        # non-ASCII digits
    "1.2.3.4/24", "1.2.3.4%eth0", "1.2.3.4:80", "1.2.3.4::", "[1.2.3.4]",
]

V6_GOOD = [
    "::", "::1", "1::", "fe80::1", "2001:db8::", "2001:DB8::1", "2001:Db8:0:0:0:0:0:1",
    "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:0", "2001:0db8:0000:0000:0000:ff00:0042:8329",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
    "1::3:4:5:6:7:8", "1:2:3:4:5:6::8", "1:2:3::6:7:8", "0001:02:003:0004::", "fd00:0:0:1::",
    "::ffff:1.2.3.4", "::FFFF:255.255.255.255", "::ffff:0.0.0.0", "64:ff9b::1.2.3.4", "::1.2.3.4",
    "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5::1.2.3.4", "1::1.2.3.4", "0:0:0:0:0:ffff:10.0.0.1",
]

V6_BAD = [
    ":", ":::", "1:::2", "1::2::3", "::1::", ":1::2", "1::2:", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
    "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::8", "1:2:3:4::5:6:7:8", "12345::", "00000::1", "::10000", "g::1", "::G",
    "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.4:5", "::ffff:1.2.3.256", "1.2.3.4::",
    "::1.2.3.4.5", "::ffff:1.2.3.4.", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6::1.2.3.4",
    "1::2:3:4:5:6:1.2.3.4", "::a.1.2.3", "::1.2.3", "::1.2.3.", "1.2::3.4", "::1.2.3.4/8",
    "fe80::1%eth0", "fe80::1%", "%eth0", "::ffff:1.2.3.4%eth0", "::%1",
    " ::1", "::1 ", ":: 1", "::1\n", "::1\t", "::+1", "::-1", "::0x1", "0x1::", "::1_0", "[::1]",
    "::\uff11", "\u0661::", "::1/128", "1:2:3:4:5:6:7:8.",
    # ASCII whitespace that bytes.fromhex would skip, placed so the hex digits still pair up
    "::1\t\t", "::12\t\t34", "1:2:3:4:5:6:7:8\n\n", "::\x0b\x0c1", "1:2:3:4:5:6:7:12\r\n34",
    # many groups or many colons
    ":" * 40, "::" + ":1" * 20, "1:" * 20 + ":1", "1:" * 17 + ":", ":1" * 16 + "::",
    ":".join("1" * 17) + "::1:" + ":" * 17,
]


@pytest.mark.parametrize("text", V4_GOOD)
def test_ipv4_accepted(text: str) -> None:
    a = parse_ip(text)
    assert (a.version, a.value) == (4, int(ipaddress.IPv4Address(text)))
    assert parse_ipv4(text) == a == IP.parse(text)
    assert str(a) == text


@pytest.mark.parametrize("text", V4_BAD)
def test_ipv4_rejected(text: str) -> None:
    with pytest.raises(AddrError) as info:
        parse_ip(text)
    assert str(info.value) == f"invalid IP address: {text}"
    assert info.value.text == text and info.value.reason
    assert info.value.__suppress_context__          # raised `from None`: a clean traceback
    with pytest.raises(AddrError) as info:
        parse_ipv4(text)
    assert str(info.value) == f"invalid IPv4 address: {text}"


@pytest.mark.parametrize("text", V6_GOOD)
def test_ipv6_accepted(text: str) -> None:
    a = parse_ip(text)
    assert (a.version, a.value) == (6, int(ipaddress.IPv6Address(text)))
    assert parse_ipv6(text) == a
    assert parse_ip(str(a)) == a


@pytest.mark.parametrize("text", V6_BAD)
def test_ipv6_rejected(text: str) -> None:
    with pytest.raises(AddrError) as info:
        parse_ip(text)
    assert str(info.value) == f"invalid IP address: {text}"
    with pytest.raises(AddrError) as info:
        parse_ipv6(text)
    assert str(info.value) == f"invalid IPv6 address: {text}"


def test_family_restricted_parsers() -> None:
    with pytest.raises(AddrError, match="^invalid IPv4 address: ::1$"):
        parse_ipv4("::1")
    with pytest.raises(AddrError, match="^invalid IPv6 address: 1.2.3.4$"):
        parse_ipv6("1.2.3.4")
    assert parse_ipv4("::ffff:1.2.3.4".rpartition(":")[2]).value == 0x01020304


@pytest.mark.parametrize("bad", [None, 16909060, b"1.2.3.4", ["1.2.3.4"]])
def test_non_text_is_a_type_error(bad: object) -> None:
    for parse in (parse_ip, parse_ipv4, parse_ipv6, parse_prefix, parse_prefix_netip):
        with pytest.raises(TypeError):
            parse(bad)  # type: ignore[arg-type]


def test_zone_and_reason_texts() -> None:
    cases = {
        "fe80::1%eth0": "zone not allowed",
        "1.2.3.04": "IPv4 field has octet with leading zero",
        "1.2.3.256": "IPv4 field has value >255",
        "1.2.3": "IPv4 address too short",
        "1.2.3.4.5": "IPv4 address too long",
        "1..2.3": "IPv4 field must have at least one digit",
        "1.2.3.x": "unexpected character",
        "12345::": "each group must have 4 or less digits",
        "1::2::3": "multiple :: in address",
        "1:2:3": "address string too short",
        "1:2:3:4:5:6:7:8::": "the :: must expand to at least one field of zeros",
        "1:2:3:4:5:6:7:8:9": "trailing garbage after address",
        "1::2:": "colon must be followed by more characters",
        "abc": "unable to parse IP",
        "%x": "missing IPv6 address",
        "1:2:3:4:5:1.2.3.4": "embedded IPv4 address must replace the final 2 fields of the address",
        "1:2:3:4:5:6:7::1.2.3.4": "too many hex fields to fit an embedded IPv4 at the end of the address",
    }
    for text, reason in cases.items():
        with pytest.raises(AddrError) as info:
            parse_ip(text)
        assert info.value.reason == reason, text


def test_exhaustive_short_texts_agree_with_exact_scanner() -> None:
    """Every short text over a hostile alphabet: the fast paths agree with the exact scanner."""
    alphabets = [":0.1", ":a0f", ":1.", ":0%"]
    for alphabet in alphabets:
        for n in range(1, 7):
            for chars in itertools.product(alphabet, repeat=n):
                text = "".join(chars)
                try:
                    value, version, zone = addr._scan(text)
                    expected: tuple[int, int] | None = None if zone else (value, version)
                except addr._Invalid:
                    expected = None
                try:
                    a = parse_ip(text)
                    got: tuple[int, int] | None = (a.value, a.version)
                except AddrError:
                    got = None
                assert got == expected, text
                fast = addr._fast6(text) if ":" in text else addr._fast4(text)
                if fast is not None:
                    assert expected is not None and fast == expected[0], text


# --- printing ---------------------------------------------------------------------------------

RFC5952 = [
    ("0:0:0:0:0:0:0:0", "::"),
    ("0:0:0:0:0:0:0:1", "::1"),
    ("1:0:0:0:0:0:0:0", "1::"),
    ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),                # lower case
    ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),          # ties: the leftmost run
    ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),                # the longest run, not the first
    ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),       # one zero group is never '::'
    ("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0"),
    ("0:1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7"),
    ("1:0:0:2:3:4:5:6", "1::2:3:4:5:6"),
    ("0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"),
    ("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"),
    ("fe80:0:0:0:0200:5eff:fe00:5301", "fe80::200:5eff:fe00:5301"),
    ("0:0:0:0:0:ffff:102:304", "::ffff:1.2.3.4"),            # IPv4-mapped: dotted tail
    ("::ffff:0:0", "::ffff:0.0.0.0"),
    ("::ffff", "::ffff"),                                   # not mapped
    ("::1.2.3.4", "::102:304"),                             # IPv4-compatible: plain hex
    ("64:ff9b::1.2.3.4", "64:ff9b::102:304"),
    ("0:0:0:0:1:ffff:102:304", "::1:ffff:102:304"),
]


@pytest.mark.parametrize(("text", "canonical"), RFC5952)
def test_rfc5952(text: str, canonical: str) -> None:
    a = parse_ip(text)
    assert str(a) == canonical == format_ipv6(a.value) == format_ip(a.value, 6)
    assert parse_ip(canonical) == a


def test_every_zero_group_pattern_prints_like_the_oracle() -> None:
    for pattern in range(256):
        groups = [0 if pattern >> g & 1 else 0x1F0 + g for g in range(8)]
        value = int.from_bytes(b"".join(g.to_bytes(2, "big") for g in groups), "big")
        if value >> 32 == 0xFFFF:
            continue
        assert format_ipv6(value) == str(ipaddress.IPv6Address(value))


def test_go_string() -> None:
    assert go_string(parse_ip("::ffff:10.1.2.3")) == "10.1.2.3"
    assert go_string(parse_ip("10.1.2.3")) == "10.1.2.3"
    assert go_string(parse_ip("2001:db8::1")) == "2001:db8::1"
    assert go_string(parse_ip("::1.2.3.4")) == "::102:304"


def test_format_ipv4() -> None:
    assert format_ipv4(0) == "0.0.0.0"
    assert format_ipv4(0xFFFFFFFF) == "255.255.255.255"
    assert format_ipv4(0xAC110002) == format_ip(0xAC110002, 4) == "172.17.0.2"


# --- the IP value -----------------------------------------------------------------------------


def test_ip_value_type() -> None:
    a = parse_ip("10.0.0.1")
    assert a == IP(0x0A000001, 4) == ip(0x0A000001, 4)
    assert hash(a) == hash(IP(0x0A000001, 4))
    assert IP(1, 4) != IP(1, 6)
    assert repr(a) == "IP('10.0.0.1')" and repr(parse_ip("::1")) == "IP('::1')"
    assert a.bits == 32 and parse_ip("::").bits == 128
    assert a.packed == b"\n\x00\x00\x01" and len(parse_ip("::1").packed) == 16
    assert int(a) == 0x0A000001
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.value = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(a)) == a and copy.deepcopy(a) == a
    assert {a, IP(0x0A000001, 4)} == {a}


def test_ip_ordering() -> None:
    texts = ["::1", "10.0.0.2", "0.0.0.0", "::", "10.0.0.10", "255.255.255.255", "fe80::1"]
    ours = sorted(parse_ip(t) for t in texts)
    assert [str(a) for a in ours] == ["0.0.0.0", "10.0.0.2", "10.0.0.10", "255.255.255.255",
                                      "::", "::1", "fe80::1"]
    assert parse_ip("10.0.0.1") < parse_ip("10.0.0.2") <= parse_ip("10.0.0.2")
    assert parse_ip("::") > parse_ip("255.255.255.255") >= parse_ip("0.0.0.0")
    with pytest.raises(TypeError):
        parse_ip("1.2.3.4") < "1.2.3.5"  # type: ignore[operator]


@pytest.mark.parametrize(("value", "version"), [(-1, 4), (1 << 32, 4), (1 << 128, 6), (-1, 6), (0, 5)])
def test_ip_range_checked(value: int, version: int) -> None:
    with pytest.raises(AddrError):
        ip(value, version)
    with pytest.raises(AddrError):
        IP(value, version)


def test_ip_type_checked() -> None:
    with pytest.raises(TypeError):
        ip("1", 4)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        IP(True, 4)


def test_ip_arithmetic() -> None:
    a = parse_ip("172.17.0.254")
    assert str(a + 2) == "172.17.1.0" and str(2 + a) == "172.17.1.0"
    assert str(a - 254) == "172.17.0.0"
    assert parse_ip("172.17.1.0") - a == 2
    assert str(parse_ip("::ffff") + 1) == "::1:0"
    for bad in (lambda: parse_ip("255.255.255.255") + 1, lambda: parse_ip("0.0.0.0") - 1,
                lambda: parse_ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") + 1, lambda: parse_ip("::") - 1):
        with pytest.raises(AddrError):
            bad()
    with pytest.raises(TypeError):
        parse_ip("::1") - parse_ip("0.0.0.1")  # type: ignore[operator]
    with pytest.raises(TypeError):
        parse_ip("0.0.0.1") + 1.0  # type: ignore[operator]


def test_mapped() -> None:
    m = parse_ip("::ffff:192.168.0.1")
    assert m.is_ipv4_mapped and m.unmap() == parse_ip("192.168.0.1")
    assert not parse_ip("::1").is_ipv4_mapped and parse_ip("::1").unmap() == parse_ip("::1")
    assert not parse_ip("1.2.3.4").is_ipv4_mapped


# --- prefixes: Go's net.ParseCIDR --------------------------------------------------------------

CIDR_GOOD = [
    # text, str(), network, length
    ("172.19.1.5/16", "172.19.1.5/16", "172.19.0.0", 16),    # Docker 20.10 keeps host bits
    ("10.0.0.0/08", "10.0.0.0/8", "10.0.0.0", 8),             # dtoi: leading zeros are fine
    ("10.0.0.0/0008", "10.0.0.0/8", "10.0.0.0", 8),
    ("10.0.0.0/" + "0" * 5000 + "8", "10.0.0.0/8", "10.0.0.0", 8),
    ("0.0.0.0/0", "0.0.0.0/0", "0.0.0.0", 0),
    ("1.2.3.4/32", "1.2.3.4/32", "1.2.3.4", 32),
    ("::/0", "::/0", "::", 0),
    ("2001:DB8::1/32", "2001:db8::1/32", "2001:db8::", 32),
    ("fe80::1/64", "fe80::1/64", "fe80::", 64),
    ("::1/128", "::1/128", "::1", 128),
    ("::ffff:1.2.3.4/120", "::ffff:1.2.3.4/120", "::ffff:1.2.3.0", 120),   # stays IPv6
]

CIDR_BAD = [
    "172.19.0.0/33", "172.19.0.0", "10.0.0/24", "10.0.0.0/", "/8", "", "/", "10.0.0.0/+8",
    "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/ 8", "10.0.0.0/8 ", "10.0.0.0 /8", "10.0.0.0/0x8",
    "10.0.0.0/1e1", "10.0.0.0/\uff18", "10.0.0.0/\u00b2", "010.0.0.0/8", "::1/129", "::/1000",
    "fe80::1%eth0/64", "10.0.0.0/" + "9" * 5000, "10.0.0.0/8%", "1.2.3.4/24\n",
]


@pytest.mark.parametrize(("text", "shown", "network", "length"), CIDR_GOOD)
def test_parse_cidr_accepts(text: str, shown: str, network: str, length: int) -> None:
    p = parse_prefix(text)
    assert str(p) == shown and str(p.network) == network and p.length == length
    assert p.text == text and Prefix.parse(text) == p


@pytest.mark.parametrize("text", CIDR_BAD)
def test_parse_cidr_rejects_with_go_text(text: str) -> None:
    with pytest.raises(AddrError) as info:
        parse_prefix(text)
    assert str(info.value) == f"invalid CIDR address: {text}"
    assert info.value.__suppress_context__


# --- prefixes: Go's netip.ParsePrefix ----------------------------------------------------------

NETIP_ERRORS = [
    ("1.2.3.4", "netip.ParsePrefix(\"1.2.3.4\"): no '/'"),
    ("1.2.3.4/33", 'netip.ParsePrefix("1.2.3.4/33"): prefix length out of range'),
    ("::1/129", 'netip.ParsePrefix("::1/129"): prefix length out of range'),
    ("1.2.3.4/08", 'netip.ParsePrefix("1.2.3.4/08"): bad bits after slash: "08"'),
    ("1.2.3.4/00", 'netip.ParsePrefix("1.2.3.4/00"): bad bits after slash: "00"'),
    ("1.2.3.4/+1", 'netip.ParsePrefix("1.2.3.4/+1"): bad bits after slash: "+1"'),
    ("1.2.3.4/-1", 'netip.ParsePrefix("1.2.3.4/-1"): bad bits after slash: "-1"'),
    ("1.2.3.4/", 'netip.ParsePrefix("1.2.3.4/"): bad bits after slash: ""'),
    ("1.2.3.4/a", 'netip.ParsePrefix("1.2.3.4/a"): bad bits after slash: "a"'),
    ("1.2.3.4/99999999999999999999", 'netip.ParsePrefix("1.2.3.4/99999999999999999999"): '
                                     'bad bits after slash: "99999999999999999999"'),
    ("1.2.3.256/24", 'netip.ParsePrefix("1.2.3.256/24"): ParseAddr("1.2.3.256"): IPv4 field has value >255'),
    ("01.2.3.4/8", 'netip.ParsePrefix("01.2.3.4/8"): ParseAddr("01.2.3.4"): '
                   'IPv4 field has octet with leading zero'),
    ("1.2.3/24", 'netip.ParsePrefix("1.2.3/24"): ParseAddr("1.2.3"): IPv4 address too short'),
    ("abc/24", 'netip.ParsePrefix("abc/24"): ParseAddr("abc"): unable to parse IP'),
    ("::g/64", 'netip.ParsePrefix("::g/64"): ParseAddr("::g"): '
               'each colon-separated field must have at least one digit (at "g")'),
    ("fe80::1%eth0/64", 'netip.ParsePrefix("fe80::1%eth0/64"): IPv6 zones cannot be present in a prefix'),
    ("1.2.3.4/8/8", 'netip.ParsePrefix("1.2.3.4/8/8"): ParseAddr("1.2.3.4/8"): '
                    'unexpected character (at "/8")'),
    ('a"b\n/8', 'netip.ParsePrefix("a\\"b\\n/8"): ParseAddr("a\\"b\\n"): unable to parse IP'),
]


@pytest.mark.parametrize(("text", "message"), NETIP_ERRORS)
def test_parse_prefix_netip_errors(text: str, message: str) -> None:
    with pytest.raises(AddrError) as info:
        parse_prefix_netip(text)
    assert str(info.value) == message


@pytest.mark.parametrize("text", ["1.2.3.4/0", "1.2.3.4/32", "10.1.0.0/16", "::/0", "::1/128",
                                  "::ffff:1.2.3.4/96", "2001:db8::/48"])
def test_parse_prefix_netip_accepts(text: str) -> None:
    p = parse_prefix_netip(text)
    assert p == parse_prefix(text) and str(p) == text and p.text == text


# --- prefix arithmetic ------------------------------------------------------------------------


def test_prefix_views() -> None:
    p = parse_prefix("172.19.1.5/16")
    assert p.addr == parse_ip("172.19.1.5") and p.has_host_bits
    assert p.version == 4 and p.bits == 32 and p.size == 65536
    assert str(p.network) == str(p.first) == "172.19.0.0"
    assert str(p.last) == str(p.broadcast) == "172.19.255.255"
    assert str(p.netmask) == "255.255.0.0" and str(p.hostmask) == "0.0.255.255"
    assert p.hosts_range() == (0xAC130000, 0xAC13FFFF)
    assert str(p.masked()) == "172.19.0.0/16" and p.masked().text == "" and not p.masked().has_host_bits
    assert repr(p) == "Prefix('172.19.1.5/16')"
    q = parse_prefix("2001:db8::1/64")
    assert q.version == 6 and q.bits == 128 and q.size == 1 << 64
    assert str(q.netmask) == "ffff:ffff:ffff:ffff::" and str(q.hostmask) == "::ffff:ffff:ffff:ffff"
    assert str(q.last) == "2001:db8::ffff:ffff:ffff:ffff"


def test_prefix_equality_ignores_text() -> None:
    a, b = parse_prefix("10.0.0.0/8"), parse_prefix("10.0.0.0/08")
    assert a == b and hash(a) == hash(b) and a.text != b.text
    assert a != parse_prefix("10.0.0.1/8") and a != parse_prefix("10.0.0.0/9")
    assert parse_prefix("::/0") != parse_prefix("0.0.0.0/0")
    assert prefix(0x0A000000, 8, 4) == a and Prefix(parse_ip("10.0.0.0"), 8) == a
    assert a != "10.0.0.0/8"
    assert pickle.loads(pickle.dumps(b)) == b and pickle.loads(pickle.dumps(b)).text == b.text
    assert len({a, b, prefix(0x0A000000, 8, 4)}) == 1


def test_prefix_ordering() -> None:
    texts = ["10.0.0.0/16", "10.0.0.0/8", "::/0", "9.0.0.0/8", "10.0.0.5/8"]
    assert [str(p) for p in sorted(parse_prefix(t) for t in texts)] == [
        "9.0.0.0/8", "10.0.0.0/8", "10.0.0.5/8", "10.0.0.0/16", "::/0"]


def test_prefix_construction_checked() -> None:
    with pytest.raises(AddrError):
        prefix(0, 33, 4)
    with pytest.raises(AddrError):
        prefix(1 << 32, 8, 4)
    with pytest.raises(AddrError):
        Prefix(parse_ip("::"), 129)
    with pytest.raises(TypeError):
        Prefix("10.0.0.0", 8)  # type: ignore[arg-type]


def test_contains_and_overlaps() -> None:
    net = parse_prefix("172.19.0.0/16")
    assert parse_ip("172.19.200.1") in net and net.contains(parse_ip("172.19.0.0"))
    assert parse_ip("172.20.0.0") not in net and parse_ip("::1") not in net
    assert parse_prefix("172.19.3.0/24") in net and net in net
    assert parse_prefix("172.0.0.0/8") not in net and parse_prefix("::/0") not in net
    assert net.overlaps(parse_prefix("172.0.0.0/8")) and parse_prefix("172.0.0.0/8").overlaps(net)
    assert net.overlaps(parse_prefix("172.19.255.0/24"))
    assert not net.overlaps(parse_prefix("172.20.0.0/16"))
    assert not parse_prefix("::/0").overlaps(parse_prefix("0.0.0.0/0"))
    with pytest.raises(TypeError):
        "172.19.0.1" in net  # noqa: B015


def test_subnets_are_lazy_and_ordered() -> None:
    assert [str(s) for s in parse_prefix("10.1.2.3/22").subnets(24)] == [
        "10.1.0.0/24", "10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24"]
    assert [str(s) for s in parse_prefix("10.0.0.0/8").subnets(8)] == ["10.0.0.0/8"]
    huge = parse_prefix("::/0").subnets(128)                 # 2**128 prefixes, never built
    assert [str(next(huge)) for _ in range(2)] == ["::/128", "::1/128"]
    with pytest.raises(AddrError):
        parse_prefix("10.0.0.0/8").subnets(7)
    with pytest.raises(AddrError):
        parse_prefix("10.0.0.0/8").subnets(33)


def test_addresses_nth_ordinal() -> None:
    p = parse_prefix("192.168.1.0/30")
    assert [str(a) for a in p.addresses()] == ["192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"]
    assert next(parse_prefix("::/0").addresses()) == parse_ip("::")
    assert [str(p.nth(i)) for i in (0, 3, -1, -4)] == [
        "192.168.1.0", "192.168.1.3", "192.168.1.3", "192.168.1.0"]
    for bad in (4, -5):
        with pytest.raises(AddrError):
            p.nth(bad)
    assert p.ordinal(parse_ip("192.168.1.2")) == 2
    with pytest.raises(AddrError):
        p.ordinal(parse_ip("192.168.1.4"))
    big = parse_prefix("fd00::/8")
    assert big.ordinal(big.nth(12345678901234567890)) == 12345678901234567890


# --- ranges -------------------------------------------------------------------------------------

SUMMARIZE = [
    ("10.0.0.0", "10.0.0.255", ["10.0.0.0/24"]),
    ("10.0.0.1", "10.0.0.6", ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"]),
    ("0.0.0.0", "255.255.255.255", ["0.0.0.0/0"]),
    ("172.17.0.2", "172.17.0.2", ["172.17.0.2/32"]),
    ("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ["::/0"]),
    ("fd00::1", "fd00::4", ["fd00::1/128", "fd00::2/127", "fd00::4/128"]),
]


@pytest.mark.parametrize(("first", "last", "expected"), SUMMARIZE)
def test_summarize(first: str, last: str, expected: list[str]) -> None:
    assert [str(p) for p in summarize(parse_ip(first), parse_ip(last))] == expected


def test_summarize_errors() -> None:
    with pytest.raises(AddrError):
        summarize(parse_ip("10.0.0.2"), parse_ip("10.0.0.1"))
    with pytest.raises(AddrError):
        summarize(parse_ip("10.0.0.2"), parse_ip("::1"))


def test_ranges_text() -> None:
    base = 0xAC110000
    assert ranges_text([base + 2, base + 3, base + 4, base + 5, base + 9], 4) == \
        "172.17.0.2-172.17.0.5, 172.17.0.9"
    assert ranges_text([], 4) == ""
    assert ranges_text([base + 1], 4) == "172.17.0.1"
    assert ranges_text([base + 1, base + 1, base + 2, base + 7, base + 8], 4) == \
        "172.17.0.1-172.17.0.2, 172.17.0.7-172.17.0.8"
    assert ranges_text(iter([1, 2, 3, 10]), 6) == "::1-::3, ::a"
