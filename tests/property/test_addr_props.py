"""Hypothesis properties of dockernet_sim.addr, with the standard ipaddress module as the oracle.

Run with HYPOTHESIS_PROFILE=thorough for 1000 examples per property (see tests/conftest.py).
"""

from __future__ import annotations

import ipaddress
import itertools

from hypothesis import assume, example, given
from hypothesis import strategies as st

from dockernet_sim import addr
from dockernet_sim.addr import (
    IP, AddrError, Prefix, format_ipv4, format_ipv6, parse_ip, parse_ipv4, parse_ipv6, parse_prefix,
    parse_prefix_netip, prefix, summarize,
)

# --- strategies -------------------------------------------------------------------------------

v4_values = st.integers(0, (1 << 32) - 1)
# Uniform 128-bit ints almost never contain zero groups; build most values from groups that
# are often zero, and add mapped (::ffff:a.b.c.d) and embedded-IPv4-looking values.
_group = st.one_of(st.just(0), st.just(0), st.integers(1, 0xFFFF), st.integers(1, 0xF))


def _from_groups(groups: list[int]) -> int:
    return int.from_bytes(b"".join(g.to_bytes(2, "big") for g in groups), "big")


v6_values = st.one_of(
    st.integers(0, (1 << 128) - 1),
    st.lists(_group, min_size=8, max_size=8).map(_from_groups),
    v4_values.map(lambda v: 0xFFFF << 32 | v),
    v4_values,
    st.sampled_from([0, 1, (1 << 128) - 1, 0xFFFF << 32, 0xFE80 << 112]),
)
versions_and_values = st.one_of(v4_values.map(lambda v: (4, v)), v6_values.map(lambda v: (6, v)))


@st.composite
def prefixes(draw: st.DrawFn, version: int | None = None) -> Prefix:
    if version is None:
        version = draw(st.sampled_from([4, 6]))
    value = draw(v4_values if version == 4 else v6_values)
    bits = 32 if version == 4 else 128
    length = draw(st.integers(0, bits))
    return prefix(value, length, version)


def _oracle_address(version: int, value: int) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.IPv4Address(value) if version == 4 else ipaddress.IPv6Address(value)


def _oracle_network(p: Prefix) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    return ipaddress.ip_network((_oracle_address(p.version, p.addr.value), p.length), strict=False)


def _expected_text(version: int, value: int) -> str:
    if version == 6 and value >> 32 == 0xFFFF:
        # Python 3.11's ipaddress prints mapped addresses in hex; RFC 5952 and Go use a dotted tail.
        return "::ffff:" + str(ipaddress.IPv4Address(value & 0xFFFFFFFF))
    return str(_oracle_address(version, value))


@st.composite
def v6_spellings(draw: st.DrawFn) -> tuple[int, str]:
    """A value and one of its many valid RFC 4291 spellings (padding, case, any '::', IPv4 tail)."""
    value = draw(v6_values)
    groups = [value >> (112 - 16 * i) & 0xFFFF for i in range(8)]
    dotted = draw(st.booleans())
    n = 6 if dotted else 8
    texts = []
    for g in groups[:n]:
        width = draw(st.integers(len(f"{g:x}"), 4))
        digits = f"{g:0{width}x}"
        texts.append(draw(st.sampled_from([digits, digits.upper()])))
    runs = [(i, j) for i in range(n) for j in range(i + 1, n + 1) if all(g == 0 for g in groups[i:j])]
    tail = ".".join(str(b) for b in (value & 0xFFFFFFFF).to_bytes(4, "big")) if dotted else ""
    if runs and draw(st.booleans()):
        i, j = draw(st.sampled_from(runs))
        if dotted and j == n:
            head = ":".join(texts[:i]) + "::"
        else:
            head = ":".join(texts[:i]) + "::" + ":".join(texts[j:]) + (":" if dotted else "")
        text = head + tail
    else:
        text = ":".join(texts) + (":" + tail if dotted else "")
    return value, text


_NEAR = ":.%/ 0123456789abcdefABCDEFxgG+-_\t\n\u0661\uff11"


@st.composite
def near_valid(draw: st.DrawFn) -> str:
    """A valid address or prefix text with a few random edits."""
    version, value = draw(versions_and_values)
    text = _expected_text(version, value)
    if draw(st.booleans()):
        text = draw(v6_spellings())[1] if version == 6 else text
    if draw(st.booleans()):
        text += "/" + str(draw(st.integers(0, 130)))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "double"]))
        ch = draw(st.sampled_from(_NEAR))
        if op == "insert":
            text = text[:i] + ch + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + 1:]
        elif op == "replace":
            text = text[:i] + ch + text[i + 1:]
        else:
            j = draw(st.integers(i, len(text)))
            text = text[:j] + text[i:j] + text[j:]
    return text


any_text = st.one_of(st.text(), st.text(alphabet=_NEAR, max_size=50), near_valid())


# --- addresses --------------------------------------------------------------------------------


@given(v4_values)
def test_ipv4_format_and_parse_agree_with_oracle(value: int) -> None:
    text = str(ipaddress.IPv4Address(value))
    a = parse_ip(text)
    assert (a.version, a.value) == (4, value)
    assert str(a) == format_ipv4(value) == text
    assert parse_ipv4(text) == a == IP(value, 4)
    assert a.packed == ipaddress.IPv4Address(value).packed


@given(v6_values)
@example(0xFFFF << 32)
def test_ipv6_format_and_parse_agree_with_oracle(value: int) -> None:
    oracle = ipaddress.IPv6Address(value)
    a = parse_ip(str(oracle))
    assert (a.version, a.value) == (6, value)
    assert str(a) == format_ipv6(value) == _expected_text(6, value)
    assert parse_ip(str(a)) == a == parse_ipv6(oracle.exploded)
    assert a.packed == oracle.packed


@given(v6_spellings())
def test_every_ipv6_spelling_parses(case: tuple[int, str]) -> None:
    value, text = case
    assert parse_ip(text).value == value
    assert int(ipaddress.IPv6Address(text)) == value


@given(versions_and_values, st.integers(-(1 << 130), 1 << 130))
def test_arithmetic_agrees_with_oracle(vv: tuple[int, int], n: int) -> None:
    version, value = vv
    a, oracle = IP(value, version), _oracle_address(version, value)
    try:
        expected = oracle + n
    except ipaddress.AddressValueError:
        expected = None
    if expected is None:
        try:
            a + n
        except AddrError:
            return
        raise AssertionError("overflow not detected")
    assert (a + n).value == int(expected) and (a + n) - a == n and (a + n) - n == a


@given(st.lists(versions_and_values, min_size=2, max_size=10))
def test_ordering_is_version_then_value(items: list[tuple[int, int]]) -> None:
    ours = sorted(IP(v, ver) for ver, v in items)
    assert [(a.version, a.value) for a in ours] == sorted(items)


# --- text robustness --------------------------------------------------------------------------


def _exact(text: str) -> tuple[int, int] | None:
    try:
        value, version, zone = addr._scan(text)
    except addr._Invalid:
        return None
    return None if zone else (value, version)


@given(any_text)
@example("::ffff:1.2.3.4")
@example("1:2:3:4:5:6::1.2.3.4")
def test_text_parsing_only_raises_addr_error(text: str) -> None:
    # parse_ip: fast paths and the exact scanner agree; success round-trips.
    try:
        a = parse_ip(text)
        got = (a.value, a.version)
    except AddrError as err:
        assert err.text == text and str(err) == f"invalid IP address: {text}"
        got = None
    assert got == _exact(text)
    if got is not None:
        assert parse_ip(str(a)) == a
    # Where Python's (also strict) parser has an opinion, it agrees: no zones, no prefixes.
    if "%" not in text and "/" not in text:
        try:
            oracle = ipaddress.ip_address(text)
            expected = (int(oracle), oracle.version)
        except ValueError:
            expected = None
        assert got == expected
    for parse in (parse_ipv4, parse_ipv6, parse_prefix, parse_prefix_netip):
        try:
            result = parse(text)
        except AddrError:
            continue
        assert parse(str(result)) == result


@given(any_text)
def test_cidr_and_netip_prefix_parsers_agree(text: str) -> None:
    try:
        cidr: Prefix | None = parse_prefix(text)
    except AddrError:
        cidr = None
    try:
        netip: Prefix | None = parse_prefix_netip(text)
    except AddrError:
        netip = None
    if netip is not None:
        assert cidr == netip             # netip is the stricter of the two
    addr_text, _, length_text = text.partition("/")
    if cidr is not None and netip is None:
        assert length_text.startswith("0") and len(length_text) > 1
    if cidr is not None:
        assert (cidr.addr, cidr.length) == (parse_ip(addr_text), int(length_text.lstrip("0") or "0"))


# --- prefixes ---------------------------------------------------------------------------------


@given(prefixes())
def test_prefix_views_agree_with_oracle(p: Prefix) -> None:
    net = _oracle_network(p)
    text = f"{_expected_text(p.version, p.addr.value)}/{p.length}"
    parsed = parse_prefix(text)
    assert parsed == p and parsed.text == text and str(parsed) == text == str(p)
    assert parse_prefix_netip(text) == p
    assert p.network.value == int(net.network_address) == p.first.value
    assert p.last.value == int(net.broadcast_address) == p.broadcast.value
    assert p.size == net.num_addresses
    assert p.netmask.value == int(net.netmask) and p.hostmask.value == int(net.hostmask)
    assert p.has_host_bits == (p.addr.value != int(net.network_address))
    m = p.masked()
    assert (m.addr.value, m.length, m.has_host_bits) == (int(net.network_address), net.prefixlen, False)
    if not m.addr.is_ipv4_mapped:
        assert str(m) == str(net)
    assert p.hosts_range() == (int(net.network_address), int(net.broadcast_address))
    assert p.nth(0) == p.network and p.nth(-1) == p.last and p.ordinal(p.last) == p.size - 1


@given(prefixes(), versions_and_values)
def test_contains_address_agrees_with_oracle(p: Prefix, vv: tuple[int, int]) -> None:
    version, value = vv
    if version == p.version and value % 2:
        # Aim half of the same-family probes inside the prefix.
        value = p.network.value + value % p.size
    a = IP(value, version)
    assert (a in p) == (_oracle_address(version, value) in _oracle_network(p))
    if a in p:
        assert p.nth(p.ordinal(a)) == a


@given(prefixes(), prefixes(), st.booleans())
def test_prefix_relations_agree_with_oracle(p: Prefix, q: Prefix, related: bool) -> None:
    if related and p.version == q.version:
        # Put q inside or around p so that containment is often true.
        q = prefix(p.addr.value, q.length, q.version)
    np, nq = _oracle_network(p), _oracle_network(q)
    if p.version != q.version:
        assert not p.contains(q) and not p.overlaps(q) and q not in p
        return
    assert p.contains(q) == nq.subnet_of(np) == (q in p)
    assert p.overlaps(q) == np.overlaps(nq) == q.overlaps(p)
    assert (p < q) == ((np, p.addr.value) < (nq, q.addr.value))


@given(prefixes(), st.integers(0, 8))
def test_subnets_agree_with_oracle(p: Prefix, extra: int) -> None:
    new_length = min(p.length + extra, p.bits)
    ours = [(s.addr.value, s.length) for s in itertools.islice(p.subnets(new_length), 40)]
    theirs = [(int(s.network_address), s.prefixlen)
              for s in itertools.islice(_oracle_network(p).subnets(new_prefix=new_length), 40)]
    assert ours == theirs
    assert all(s in p for s in itertools.islice(p.subnets(new_length), 40))


@given(versions_and_values, st.integers(0, 1 << 20))
def test_summarize_agrees_with_oracle(vv: tuple[int, int], span: int) -> None:
    version, value = vv
    top = (1 << (32 if version == 4 else 128)) - 1
    assume(value + span <= top)
    first, last = IP(value, version), IP(value + span, version)
    ours = [(p.addr.value, p.length) for p in summarize(first, last)]
    theirs = [(int(n.network_address), n.prefixlen) for n in ipaddress.summarize_address_range(
        _oracle_address(version, value), _oracle_address(version, value + span))]
    assert ours == theirs
