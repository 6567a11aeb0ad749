"""Docker's default IPAM as tables: a script of IPAM calls -> the exact result or error text.

Sources: the transcripts in tests/golden (recorded from Engine 20.10.24 and 28.5.2; "s02 L20"
is line 20 of s02_serial_alloc.jsonl, shown by `show.py`) and the research spec
docs/research/ipam-spec.md ("spec 7" is its section 7).  A daemon-level error is matched by what
the IPAM itself raises (the daemon adds "no available IPv4 addresses on this network's address
pools: …" or "failed to allocate gateway (…): " around it).

Each script runs on a fresh allocator.  Steps:
  ("pool", name, subnet, ip_range, expected)   request_pool (subnet None: dynamic, IPv4)
  ("pool6", name, None, None, expected)        request_pool(v6=True)
  ("addr", name, preferred, expected)          request_address
  ("free", name, address)                      release_address
  ("drop", name)                               release_pool
  ("next", name, expected)                     next_address (no allocation)
An expected ``E("text")`` is an error whose str() is exactly the text; after every failing step
the allocator's state (cursors included) must be what it was before.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dockernet_sim.addr import parse_ip, parse_prefix
from dockernet_sim.journal import Journal
from dockernet_sim.libnetwork import ipam as ipam_mod
from dockernet_sim.libnetwork.ipam import Ipam
from dockernet_sim.libnetwork.ipamutils import derive_ula_base

P = parse_prefix
ULA = derive_ula_base("6d2b8c3e-9a3c-4b1f-8f0e-1a2b3c4d5e6f")   # spec 1.1: fd7d:a30f:c0b4::/48


@dataclass(frozen=True)
class E:
    """An expected error: its exact text and (optionally) its class name."""

    text: str
    cls: str = ""


BOTH = ("20.10", "28")


def run(engine: str, steps, **kwargs) -> Ipam:  # type: ignore[no-untyped-def]
    ipam = Ipam(engine, **kwargs)
    ids: dict[str, str] = {}
    for n, step in enumerate(steps):
        op, name, *args = step
        expected = args[-1] if op in ("pool", "pool6", "addr", "next") else None
        before = ipam.state(include_cursors=True)
        try:
            if op in ("pool", "pool6"):
                subnet, ip_range = args[0], args[1]
                info = ipam.request_pool(P(subnet) if subnet else None, P(ip_range) if ip_range else None,
                                         v6=op == "pool6")
                ids[name] = info.pool_id
                got = str(info.pool)
            elif op == "addr":
                got = str(ipam.request_address(ids.get(name, name), parse_ip(args[0]) if args[0] else None))
            elif op == "free":
                ipam.release_address(ids[name], parse_ip(args[0]))
                continue
            elif op == "drop":
                ipam.release_pool(ids[name])
                continue
            elif op == "next":
                got = str(ipam.next_address(ids[name]))
            else:  # pragma: no cover
                raise AssertionError(op)
        except ipam_mod.IpamError as err:
            assert isinstance(expected, E), f"step {n} {step}: unexpected error {err!r}"
            assert str(err) == expected.text, f"step {n} {step}"
            if expected.cls:
                assert type(err).__name__ == expected.cls, f"step {n} {step}"
            assert ipam.state(include_cursors=True) == before, f"step {n} {step}: a failed call changed state"
            continue
        assert got == expected, f"step {n} {step}: got {got}"
    return ipam


# -- s02_serial_alloc: which address the next container gets (identical on both engines) --------

S02 = [
    ("pool", "bridge", "172.17.0.0/16", None, "172.17.0.0/16"),  # docker0, s02 setup
    ("addr", "bridge", None, "172.17.0.1"),      # gateway
    ("addr", "bridge", None, "172.17.0.2"),      # s02 L1 run ca
    ("addr", "bridge", None, "172.17.0.3"),      # s02 L2 run cb
    ("addr", "bridge", None, "172.17.0.4"),      # s02 L3 run cc
    ("free", "bridge", "172.17.0.3"),            # s02 L4 rm -f cb
    ("addr", "bridge", None, "172.17.0.3"),      # s02 L5-6 run cd -> 172.17.0.3
    ("free", "bridge", "172.17.0.2"),            # s02 L7 stop ca
    ("addr", "bridge", None, "172.17.0.2"),      # s02 L9,11 run ce -> 172.17.0.2
    ("addr", "bridge", None, "172.17.0.5"),      # s02 L10-11 start ca -> 172.17.0.5
    ("free", "bridge", "172.17.0.4"),            # s02 L12 restart cc (release ...
    ("addr", "bridge", None, "172.17.0.4"),      # ... and allocate again) -> L13 172.17.0.4
    ("pool", "tiny", "10.10.0.0/29", None, "10.10.0.0/29"),  # s02 L14
    ("addr", "tiny", None, "10.10.0.1"),         # s02 L14 gateway
    ("addr", "tiny", None, "10.10.0.2"),         # s02 L15,22 t1
    ("addr", "tiny", None, "10.10.0.3"),         # s02 L16,22 t2
    ("addr", "tiny", None, "10.10.0.4"),         # s02 L17,22 t3
    ("addr", "tiny", None, "10.10.0.5"),         # s02 L18,22 t4
    ("addr", "tiny", None, "10.10.0.6"),         # s02 L19,22 t5
    ("next", "tiny", "None"),                    # s02 L20: nothing left
    ("free", "tiny", "10.10.0.3"),               # s02 L23 rm -f t2
    ("addr", "tiny", None, "10.10.0.3"),         # s02 L24-25 t8 -> 10.10.0.3
    ("free", "tiny", "10.10.0.3"),               # s02 L26 rm -f t8 ...
    ("free", "tiny", "10.10.0.4"),               # ... t3
    ("addr", "tiny", None, "10.10.0.3"),         # s02 L27,29 t9 -> 10.10.0.3
    ("addr", "tiny", None, "10.10.0.4"),         # s02 L28,29 t10 -> 10.10.0.4
    ("pool", "wide", "10.11.0.0/24", None, "10.11.0.0/24"),  # s02 L31
    ("addr", "wide", None, "10.11.0.1"),         # gateway
    ("addr", "wide", None, "10.11.0.2"),         # s02 L32 w1
    ("addr", "wide", None, "10.11.0.3"),         # s02 L33 w2
    ("addr", "wide", None, "10.11.0.4"),         # s02 L34 w3
    ("free", "wide", "10.11.0.3"),               # s02 L35 rm -f w2
    ("addr", "wide", None, "10.11.0.3"),         # s02 L36,40 w4 -> 10.11.0.3
    ("free", "wide", "10.11.0.2"),               # s02 L37 stop w1
    ("addr", "wide", None, "10.11.0.2"),         # s02 L38,40 w5 -> 10.11.0.2
    ("addr", "wide", None, "10.11.0.5"),         # s02 L39,40 start w1 -> 10.11.0.5
    ("free", "wide", "10.11.0.4"),               # s02 L41 disconnect w3
    ("addr", "wide", None, "10.11.0.4"),         # s02 L42-43 connect w3 -> 10.11.0.4
]

S02_FULL = {  # s02 L20-21: t6 and t7 find the /29 full (the daemon wraps this text)
    "20.10": E("No available addresses on this pool", "NoAvailableAddresses"),
    "28": E("no available addresses on this pool", "NoAvailableAddresses"),
}


@pytest.mark.parametrize("engine", BOTH)
def test_s02_serial_alloc(engine: str) -> None:
    steps = list(S02)
    i = steps.index(("next", "tiny", "None"))
    steps[i + 1:i + 1] = [("addr", "tiny", None, S02_FULL[engine]),   # s02 L20 t6
                          ("addr", "tiny", None, S02_FULL[engine])]   # s02 L21 t7
    run(engine, steps)


# -- s06_connect_disconnect: several networks, reconnects, --ip ---------------------------------

S06 = [
    ("pool", "bridge", "172.17.0.0/16", None, "172.17.0.0/16"),
    ("addr", "bridge", None, "172.17.0.1"),
    ("pool", "front", "10.1.0.0/24", None, "10.1.0.0/24"),   # s06 L1
    ("addr", "front", None, "10.1.0.1"),
    ("pool", "back", "10.2.0.0/24", None, "10.2.0.0/24"),    # s06 L2
    ("addr", "back", None, "10.2.0.1"),
    ("addr", "bridge", None, "172.17.0.2"),      # s06 L3,8 run app
    ("addr", "front", None, "10.1.0.2"),         # s06 L4,8 connect front
    ("addr", "back", None, "10.2.0.2"),          # s06 L5,8 connect back
    ("free", "front", "10.1.0.2"),               # s06 L9 disconnect front
    ("addr", "front", None, "10.1.0.2"),         # s06 L11,19 connect front again
    ("free", "back", "10.2.0.2"),                # s06 L14 disconnect back
    ("addr", "back", "10.2.0.77", "10.2.0.77"),  # s06 L15,19 connect --ip 10.2.0.77 back
    ("addr", "front", None, "10.1.0.3"),         # s06 L20 run multi --network front
    ("addr", "back", None, "10.2.0.2"),          # s06 L21,23 connect back multi -> 10.2.0.2
    ("free", "back", "10.2.0.77"),               # s06 L22 stop app
    ("addr", "back", "10.2.0.77", "10.2.0.77"),  # s06 L24-25 start app: its --ip again
]


@pytest.mark.parametrize("engine", BOTH)
def test_s06_connect_disconnect(engine: str) -> None:
    run(engine, S06)


# -- s04_errors: overlap, --ip errors --------------------------------------------------------------

def s04(engine: str):  # type: ignore[no-untyped-def]
    lower = engine == "28"
    return [
        ("pool", "bridge", "172.17.0.0/16", None, "172.17.0.0/16"),
        ("addr", "bridge", None, "172.17.0.1"),
        ("pool", "nasanet", "172.18.0.0/16", None, "172.18.0.0/16"),   # s04 L1
        ("addr", "nasanet", "172.18.0.1", "172.18.0.1"),               # s04 L1 --gateway 172.18.0.1
        ("pool", "other", "172.18.5.0/24", None,                       # s04 L3
         E("invalid pool request: Pool overlaps with other one on this address space" if lower
           else "Pool overlaps with other one on this address space", "PoolOverlap")),
        ("addr", "nasanet", "172.18.0.50", "172.18.0.50"),             # s04 L24 x4 --ip 172.18.0.50
        ("addr", "nasanet", "172.18.0.50", E("Address already in use", "AddressInUse")),  # s04 L25 x5
        ("addr", "nasanet", "10.0.0.5",                                # s04 L26 x6 (the daemon checks first)
         E("requested address is out of range" if lower else "Requested address is out of range",
           "AddressOutOfRange")),
        ("addr", "nasanet", "172.18.0.1", E("Address already in use")),      # s04 L28 x7: the gateway
        ("addr", "nasanet", "172.18.0.0", E("Address already in use")),      # s04 L29 x8: network address
        ("addr", "nasanet", "172.18.255.255", E("Address already in use")),  # s04 L30 x9: broadcast
        ("addr", "nasanet", None, "172.18.0.2"),                       # spec 2.8: dynamic still lowest
    ]


@pytest.mark.parametrize("engine", BOTH)
def test_s04_errors(engine: str) -> None:
    run(engine, s04(engine))


def test_s04_odd_subnet_20_10_keeps_the_text() -> None:
    # s04 L13-14 (20.10): --subnet 172.19.1.5/16 is accepted and shown as typed; the pool is the /16
    ipam = Ipam("20.10")
    info = ipam.request_pool(P("172.19.1.5/16"))
    assert (info.pool_id, str(info.pool)) == ("LocalDefault/172.19.0.0/16", "172.19.1.5/16")
    assert str(ipam.request_address(info.pool_id)) == "172.19.0.1"
    # s04 L22 noipam (20.10): the rotation skips 172.17-172.19, all taken -> 172.20 (spec 1.2)
    ipam.request_pool(P("172.17.0.0/16"))
    ipam.request_pool(P("172.18.0.0/16"))
    assert str(ipam.request_pool().pool) == "172.20.0.0/16"


# -- spec 7: worked examples on a fresh daemon ---------------------------------------------------

SPEC7 = [
    # (engine, steps)
    ("20.10", [
        ("pool", "bridge", "172.17.0.0/16", None, "172.17.0.0/16"),  # spec 7 daemon start (static pool)
        ("addr", "bridge", None, "172.17.0.1"),                      # spec 7 gw 172.17.0.1
        ("pool", "n1", None, None, "172.18.0.0/16"),                 # spec 7 network create n1
        ("addr", "n1", None, "172.18.0.1"),                          # spec 7 gw 172.18.0.1
        ("pool", "n2", None, None, "172.19.0.0/16"),                 # spec 7 n2
        ("addr", "n2", None, "172.19.0.1"),
        ("free", "n1", "172.18.0.1"), ("drop", "n1"),                # spec 7 network rm n1
        ("pool", "n3", None, None, "172.20.0.0/16"),                 # spec 7 n3: rotation, not 172.18
        ("pool", "n4", None, None, "172.21.0.0/16"),                 # spec 7 n4
        ("addr", "n2", None, "172.19.0.2"),                          # spec 7 run c1 on n2
        ("addr", "n2", None, "172.19.0.3"),                          # spec 7 run c2
        ("free", "n2", "172.19.0.2"),                                # spec 7 stop c1
        ("addr", "n2", None, "172.19.0.2"),                          # spec 7 run c3 -> freed, lowest
        ("addr", "n2", None, "172.19.0.4"),                          # spec 7 start c1 again
        ("pool", "n5", "10.5.0.0/16", "10.5.7.0/24", "10.5.0.0/16"),  # spec 7 --ip-range 10.5.7.0/24
        ("addr", "n5", None, "10.5.7.0"),                            # spec 7 gw = the range's first address
        ("addr", "n5", None, "10.5.7.1"),                            # spec 7 container
        ("addr", "n5", "10.5.0.9", "10.5.0.9"),                      # spec 2.6 --ip outside the range
        ("pool", "n6", "10.6.0.0/24", None, "10.6.0.0/24"),          # spec 7 n6
        ("addr", "n6", None, "10.6.0.1"),                            # spec 7 actual gw 10.6.0.1
    ]),
    ("28", [
        ("pool", "bridge", None, None, "172.17.0.0/16"),             # spec 7 daemon start (v24+: dynamic)
        ("addr", "bridge", None, "172.17.0.1"),
        ("pool", "n1", None, None, "172.18.0.0/16"),                 # spec 7 n1
        ("pool", "n2", None, None, "172.19.0.0/16"),                 # spec 7 n2
        ("drop", "n1"),                                              # spec 7 network rm n1
        ("pool", "n3", None, None, "172.18.0.0/16"),                 # spec 7 n3: lowest free again
        ("pool", "n4", None, None, "172.20.0.0/16"),                 # spec 7 n4
        ("pool", "n5", "10.5.0.0/16", "10.5.7.0/24", "10.5.0.0/16"),  # spec 7
        ("addr", "n5", None, "10.5.7.0"),                            # spec 7 gw 10.5.7.0
        ("addr", "n5", None, "10.5.7.1"),                            # spec 7 c = 10.5.7.1
        ("addr", "n5", "10.5.0.9", "10.5.0.9"),                      # spec 2.6
    ]),
]


@pytest.mark.parametrize(("engine", "steps"), SPEC7, ids=[e for e, _ in SPEC7])
def test_spec7_worked_examples(engine: str, steps) -> None:  # type: ignore[no-untyped-def]
    run(engine, steps)


EXHAUSTION = {  # spec 7 / spec 3.1 / spec 9.7: the 31st network
    "20.10": E("could not find an available, non-overlapping IPv4 address pool among the defaults "
               "to assign to the network", "PoolsExhausted"),
    "28": E("all predefined address pools have been fully subnetted", "PoolsExhausted"),
}


@pytest.mark.parametrize("engine", BOTH)
def test_thirty_networks_then_exhaustion(engine: str) -> None:
    expected = [f"172.{n}.0.0/16" for n in range(18, 32)] + [f"192.168.{16 * k}.0/20" for k in range(16)]
    steps = [("pool", "bridge", "172.17.0.0/16", None, "172.17.0.0/16")]          # docker0 (spec 9.1)
    steps += [("pool", f"n{i}", None, None, want) for i, want in enumerate(expected)]  # spec 7 rows 2,5
    steps += [("pool", "n31", None, None, EXHAUSTION[engine])]                     # spec 7: 31st
    ipam = run(engine, steps)
    assert expected[14] == "192.168.0.0/20"                                        # spec 7: 15th network
    assert ipam.next_pool() is None


# -- spec 1.2: 20.10's rotation index ------------------------------------------------------------

def test_20_10_failed_create_still_advances_the_index() -> None:
    # spec 1.2 "Failed creates still advance the index": n1 gets a pool, the create fails and
    # releases it, the next create gets the next pool
    ipam = Ipam("20.10")
    ipam.request_pool(P("172.17.0.0/16"))
    failed = ipam.request_pool()
    assert str(failed.pool) == "172.18.0.0/16" and ipam.rotation_index == 2
    ipam.release_pool(failed.pool_id)
    assert str(ipam.next_pool()) == "172.19.0.0/16"
    assert str(ipam.request_pool().pool) == "172.19.0.0/16"
    ipam.reset_cursors()                              # spec 2.9: a daemon restart resets the index
    assert str(ipam.request_pool().pool) == "172.18.0.0/16"


def test_20_10_rotation_wraps_without_modulo() -> None:
    # spec 1.2: s = start + j + 1 and past the end means 0, not s mod len
    pools = [(P("10.0.0.0/24"), 26)]                  # 10.0.0.0/26, .64/26, .128/26, .192/26
    ipam = Ipam("20.10", pools)
    ipam.request_pool(P("10.0.0.192/26"))             # static: the index stays 0
    a, b, c = (ipam.request_pool() for _ in range(3))
    assert [str(x.pool) for x in (a, b, c)] == ["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26"]
    assert ipam.rotation_index == 3
    ipam.release_pool(a.pool_id)
    ipam.release_pool(b.pool_id)
    again = ipam.request_pool()                       # from index 3: .192 taken, wraps to .0 (j=1)
    assert str(again.pool) == "10.0.0.0/26" and ipam.rotation_index == 0   # 3+1+1 >= 4 -> 0
    ipam.release_pool(again.pool_id)
    assert str(ipam.request_pool().pool) == "10.0.0.0/26"   # with a modulo it would be .64


def test_20_10_pools_overlapping_the_host_are_held_and_skipped() -> None:
    # spec 1.2 requestPoolHelper: a pool overlapping an on-link route is held, the index moves on
    ipam = Ipam("20.10")
    ipam.request_pool(P("172.17.0.0/16"))
    route = [P("172.18.0.0/16")]
    assert str(ipam.next_pool(exclude=route)) == "172.19.0.0/16" and ipam.rotation_index == 0
    assert str(ipam.request_pool(exclude=route).pool) == "172.19.0.0/16"
    assert ipam.rotation_index == 3
    assert str(ipam.request_pool().pool) == "172.20.0.0/16"
    assert str(ipam.request_pool(P("10.9.0.0/16")).pool) == "10.9.0.0/16"   # user subnets: no host check
    # everything left overlaps the host: the error, and the index moved anyway
    before, index = ipam.state(), ipam.rotation_index
    with pytest.raises(ipam_mod.PoolsExhausted):
        ipam.request_pool(exclude=[P("172.16.0.0/12"), P("192.168.0.0/16")])
    assert ipam.rotation_index != index            # Docker does not roll the index back ...
    assert ipam.state() == before                  # ... but nothing else changed


def test_20_10_has_no_ipv6_defaults() -> None:
    # spec 1.1 / 3.1: --ipv6 without a v6 --subnet
    ipam = Ipam("20.10", ula_base=ULA)
    with pytest.raises(ipam_mod.PoolsExhausted) as err:
        ipam.request_pool(v6=True)
    assert str(err.value) == ("could not find an available, non-overlapping IPv6 address pool among "
                              "the defaults to assign to the network")


# -- spec 1.1-1.2: 28's lowest-free choice -------------------------------------------------------

FIRST_FIT_28 = [
    # (default_pools, allocated statics, exclude, expected)
    (None, ["172.17.0.0/16"], ["172.18.0.0/16"], "172.19.0.0/16"),            # spec 1.2 Exclude: on-link route
    (None, ["172.17.0.0/16"], ["172.18.0.53/32"], "172.19.0.0/16"),           # spec 1.2 Exclude: nameserver
    (None, ["172.17.0.0/16"], ["10.255.255.53/32"], "172.18.0.0/16"),         # s02 host: nameserver elsewhere
    (None, ["172.17.0.0/16", "172.18.5.0/24"], [], "172.19.0.0/16"),          # spec 1.2: partial overlap skipped
    (None, ["172.17.0.0/16", "172.20.0.0/16"], [], "172.18.0.0/16"),          # spec 1.2: lowest free
    ([("192.168.0.0/16", 24), ("10.10.0.0/16", 24)], [], [], "10.10.0.0/24"),  # spec 1.1: bases sorted
    ([("10.0.0.0/8", 16), ("10.1.0.0/16", 24)], ["10.0.0.0/16"], [], "10.1.0.0/16"),  # spec 1.1: overlap dropped
    ([("192.168.0.0/16", 20)], [], ["192.168.1.0/24", "192.168.1.1/32"],      # spec 1.2: nested, same answer
     "192.168.16.0/20"),
    ([("192.168.0.0/16", 20)], [], ["192.168.0.0/17", "192.168.1.1/32"],      # spec 1.2 DERIVED: nested prefixes,
     "192.168.16.0/20"),                                                      #   Docker's answer overlaps the /17
]


@pytest.mark.parametrize(("pools", "statics", "exclude", "expected"), FIRST_FIT_28)
def test_28_first_fit(pools, statics, exclude, expected) -> None:  # type: ignore[no-untyped-def]
    ipam = Ipam("28", [(P(b), s) for b, s in pools] if pools else None)
    for s in statics:
        ipam.request_pool(P(s))
    assert str(ipam.next_pool(exclude=[P(e) for e in exclude])) == expected
    assert str(ipam.request_pool(exclude=[P(e) for e in exclude]).pool) == expected


def test_28_ipv6_ula_pools() -> None:
    # spec 1.1: a /64 per network from the engine's ULA /48, ascending
    ipam = Ipam("28", ula_base=ULA)
    assert [str(ipam.request_pool(v6=True).pool) for _ in range(2)] == \
        ["fd7d:a30f:c0b4::/64", "fd7d:a30f:c0b4:1::/64"]
    net = ipam.request_pool(v6=True)
    assert str(ipam.request_address(net.pool_id, gateway=True)) == "fd7d:a30f:c0b4:2::1"  # spec 2.10
    with pytest.raises(ipam_mod.PoolsExhausted) as err:
        Ipam("28").request_pool(v6=True)           # no ULA base given: nothing predefined
    assert str(err.value) == EXHAUSTION["28"].text


# -- spec 1.2: the --ip-range quirk -----------------------------------------------------------------

@pytest.mark.parametrize("engine", BOTH)
def test_ip_range_skips_the_parent_overlap_check(engine: str) -> None:
    overlap = E("invalid pool request: Pool overlaps with other one on this address space" if engine == "28"
                else "Pool overlaps with other one on this address space")
    ipam = run(engine, [
        ("pool", "a", "10.30.0.0/16", None, "10.30.0.0/16"),
        ("pool", "b", "10.30.0.0/16", "10.30.1.0/24", "10.30.0.0/16"),   # spec 1.2: exact parent shared
        ("addr", "b", None, "10.30.1.0"),                                 # spec 2.5: range's first address
        ("pool", "c", "10.30.0.0/24", "10.30.0.0/25", "10.30.0.0/24"),   # spec 1.2: parent made, no check
        ("pool", "d", "10.30.0.0/24", None, overlap),                    # spec 1.2: now a plain request fails
        ("pool", "e", "10.30.0.0/24", "10.30.0.0/25", overlap),          # spec 1.2: same child twice
        ("drop", "c"),                                                    # the implicit parent goes with it
        ("pool", "f", "10.31.0.0/16", "10.31.2.0/24", "10.31.0.0/16"),
    ])
    assert "10.30.0.0/24" not in ipam.state()["pools"]                   # type: ignore[operator]
    assert ipam.request_pool(P("10.30.0.0/16"), P("10.30.9.0/24")).pool_id == \
        "LocalDefault/10.30.0.0/16/10.30.9.0/24"


# -- spec 2.2: reserved addresses ---------------------------------------------------------------------

RESERVED = [
    # (engine, pool, addresses handed out until full)
    ("20.10", "10.0.0.0/30", ["10.0.0.1", "10.0.0.2"]),            # spec 2.2: 0 and last
    ("28", "10.0.0.0/30", ["10.0.0.1", "10.0.0.2"]),               # spec 2.2
    ("20.10", "10.0.0.0/31", []),                                  # spec 2.2: both reserved, gateway fails
    ("28", "10.0.0.0/31", ["10.0.0.0", "10.0.0.1"]),               # spec 2.2: nothing reserved (23.0+)
    ("20.10", "10.0.0.5/32", []),                                  # spec 2.2: nothing usable
    ("28", "10.0.0.5/32", ["10.0.0.5"]),                           # spec 2.2: nothing reserved
    ("20.10", "fd00::/126", ["fd00::1", "fd00::2", "fd00::3"]),    # spec 2.2: IPv6 ordinal 0 only
    ("28", "fd00::/126", ["fd00::1", "fd00::2", "fd00::3"]),       # spec 2.2
    ("20.10", "fd00::/128", []),                                   # spec 2.2
    ("28", "fd00::/128", []),                                      # spec 2.2 (ordinal 0 reserved)
    ("20.10", "10.7.0.0/29", [f"10.7.0.{i}" for i in range(1, 7)]),  # s02 L14-22
    ("28", "10.7.0.0/29", [f"10.7.0.{i}" for i in range(1, 7)]),     # s02 L14-22
]


@pytest.mark.parametrize(("engine", "pool", "handed_out"), RESERVED)
def test_reserved_addresses(engine: str, pool: str, handed_out: list[str]) -> None:
    steps = [("pool", "n", pool, None, str(P(pool)))]
    steps += [("addr", "n", None, a) for a in handed_out]
    steps += [("addr", "n", None, S02_FULL[engine])]
    run(engine, steps)


FULL_POOL_PREFERRED = [
    # a full /29 and an --ip: 20.10's pre-check answers before the bitmap does (spec 2.3, 2.8, 3.3)
    ("20.10", "10.10.0.3", E("No available addresses on this pool", "NoAvailableAddresses")),
    ("20.10", "10.10.0.7", E("No available addresses on this pool", "NoAvailableAddresses")),
    ("28", "10.10.0.3", E("Address already in use", "AddressInUse")),
    ("28", "10.10.0.7", E("Address already in use", "AddressInUse")),
    ("20.10", "10.99.0.1", E("Requested address is out of range")),   # containment comes first
    ("28", "10.99.0.1", E("requested address is out of range")),
]


@pytest.mark.parametrize(("engine", "preferred", "expected"), FULL_POOL_PREFERRED)
def test_full_pool_and_preferred_address(engine: str, preferred: str, expected: E) -> None:
    steps = [("pool", "tiny", "10.10.0.0/29", None, "10.10.0.0/29")]
    steps += [("addr", "tiny", None, f"10.10.0.{i}") for i in range(1, 7)]   # s02 L14-19
    steps += [("addr", "tiny", preferred, expected)]
    run(engine, steps)


@pytest.mark.parametrize("engine", BOTH)
def test_ip_range_runs_full_while_the_parent_has_room(engine: str) -> None:
    # spec 2.6: the range's own network/broadcast are allocatable; exhausting it is ErrNoAvailableIPs
    run(engine, [
        ("pool", "r", "10.40.0.0/24", "10.40.0.4/30", "10.40.0.0/24"),
        *[("addr", "r", None, f"10.40.0.{i}") for i in (4, 5, 6, 7)],
        ("addr", "r", None, S02_FULL[engine]),
        ("addr", "r", "10.40.0.200", "10.40.0.200"),     # spec 2.6: --ip anywhere in the subnet
    ])


# -- spec 2.10: IPv6 bitmaps ---------------------------------------------------------------------

IPV6 = [
    # (engine, pool, ip_range, preferred, expected)
    ("20.10", "fd00::/64", None, "fd00::ffff:ffff:ffff:ffff",        # spec 2.10: a /64's last address
     E("bit does not belong to the sequence", "AllocatorFailure")),
    ("28", "fd00::/64", None, "fd00::ffff:ffff:ffff:ffff", "fd00::ffff:ffff:ffff:ffff"),  # spec 2.10 (28)
    ("20.10", "fd00::/48", None, "fd00:0:0:5::7", "fd00::7"),       # spec 2.10 DERIVED: low 64 bits only
    ("28", "fd00::/48", None, "fd00:0:0:5::7", "fd00:0:0:5::7"),    # spec 2.10: preferred works anywhere
    ("20.10", "fd00::/48", None, None, "fd00::1"),                  # spec 2.10: gateway ::1
    ("28", "fd00::/48", None, None, "fd00::1"),                     # spec 2.10
    ("20.10", "fd00::/64", "fd00::/64", None,                       # spec 0 (27.2.0 fix): range ending on
     E("invalid bit range [0, 18446744073709551615]", "AllocatorFailure")),  # a 64-bit boundary
    ("20.10", "fd00::/64", "fd00::8000:0:0:0/65", None,
     E("invalid bit range [9223372036854775808, 18446744073709551615]")),
    ("28", "fd00::/64", "fd00::/64", None, "fd00::1"),              # spec 1.2 (28): range == pool -> AddAny
    ("28", "fd00::/64", "fd00::8000:0:0:0/65", None, "fd00::8000:0:0:0"),  # spec 2.1: the second /65
    ("28", "fd00::/48", "fd00:0:0:5::/64", None, "fd00:0:0:5::"),   # spec 2.1: the range's first /65
    ("20.10", "fd00::/120", "fd00::80/121", None, "fd00::80"),      # spec 2.5: range's first address
    ("28", "fd00::/120", "fd00::80/121", None, "fd00::80"),
]


@pytest.mark.parametrize(("engine", "pool", "ip_range", "preferred", "expected"), IPV6)
def test_ipv6_bitmaps(engine, pool, ip_range, preferred, expected) -> None:  # type: ignore[no-untyped-def]
    run(engine, [("pool", "n", pool, ip_range, str(P(pool))), ("addr", "n", preferred, expected)])


def test_28_dynamic_addresses_come_from_the_first_65() -> None:
    # spec 2.10 (28): the pool is split into /65 bitmaps; AddAny searches the first one only
    ipam = Ipam("28")
    net = ipam.request_pool(P("fd00::/64"))
    assert str(ipam.request_address(net.pool_id, parse_ip("fd00::8000:0:0:1"))) == "fd00::8000:0:0:1"
    assert [str(ipam.request_address(net.pool_id)) for _ in range(3)] == ["fd00::1", "fd00::2", "fd00::3"]
    usage, free = ipam.pool_usage(net.pool_id)
    assert [(str(a), str(b)) for a, b in usage] == [("fd00::", "fd00::3"), ("fd00::8000:0:0:1",) * 2]
    assert free == 2**63 - 4


# -- spec 3: other IPAM error texts -----------------------------------------------------------------

ERRORS = [
    # (engine, call, expected)
    ("20.10", lambda i: i.release_pool("LocalDefault/10.99.0.0/16"),          # spec 3.3 ErrBadPool
     E("Address space does not contain specified address pool", "BadPool")),
    ("28", lambda i: i.release_pool("LocalDefault/10.99.0.0/16"),
     E("address space does not contain specified address pool", "BadPool")),
    ("20.10", lambda i: i.release_pool("bogus"), E("invalid pool id: bogus", "InvalidPoolRequest")),
    ("28", lambda i: i.release_pool("LocalDefault/x/y"), E("invalid pool id: LocalDefault/x/y")),
    ("20.10", lambda i: i.request_address("LocalDefault/10.99.0.0/16"),       # allocator.go RequestAddress
     E("cannot find address pool for poolID:LocalDefault/10.99.0.0/16", "PoolNotFound")),
    ("28", lambda i: i.request_address("LocalDefault/10.99.0.0/16"),          # defaultipam requestAddress
     E("cannot find address pool for poolID:10.99.0.0/16/invalid Prefix", "PoolNotFound")),
    ("28", lambda i: i.release_address("LocalDefault/10.99.0.0/16", parse_ip("10.99.0.1")),
     E("cannot find address pool for 10.99.0.0/16/invalid Prefix", "PoolNotFound")),
    ("28", lambda i: i.request_address("LocalDefault/10.1.0.0/16/10.1.2.0/24"),
     E("cannot find address pool for poolID:10.1.0.0/16/10.1.2.0/24")),
    ("28", lambda i: i.request_address("LocalDefault/10.1.0.0/16/10.1.2.0/24", parse_ip("10.9.0.1")),
     E("requested address is out of range")),                                 # 28: parent checked first
    ("20.10", lambda i: i.request_address("LocalDefault/10.1.0.0/16/10.1.2.0/24", parse_ip("10.9.0.1")),
     E("cannot find address pool for poolID:LocalDefault/10.1.0.0/16/10.1.2.0/24")),  # 20.10: key first
    ("20.10", lambda i: i.request_address("Nope/10.1.0.0/16"),
     E("cannot find address space Nope (most likely the backing datastore is not configured)")),
    ("28", lambda i: i.request_address("Nope/10.1.0.0/16"), E("cannot find address space Nope")),
    ("20.10", lambda i: i.request_pool(None, P("10.1.0.0/24")),              # spec 3 "failed to parse pool request"
     E('failed to parse pool request for address space "LocalDefault" pool "" subpool "10.1.0.0/24": '
       "Invalid Address SubPool")),
    ("28", lambda i: i.request_pool(None, P("10.1.0.0/24")),
     E('failed to parse pool request for address space "LocalDefault" pool "" subpool "10.1.0.0/24": '
       "invalid address subpool")),
    ("28", lambda i: i.request_pool(P("10.1.0.0/16"), P("fd00::/64")),       # spec 2.6
     E("pool and subpool are of incompatible address families", "InvalidPoolRequest")),
    ("20.10", lambda i: i.release_address("LocalDefault/10.1.0.0/16", parse_ip("10.2.0.1")),
     E("Requested address is out of range", "AddressOutOfRange")),
    ("28", lambda i: i.release_address("LocalDefault/10.1.0.0/16", parse_ip("10.2.0.1")),
     E("requested address is out of range", "AddressOutOfRange")),
]


@pytest.mark.parametrize(("engine", "call", "expected"), ERRORS)
def test_error_texts(engine: str, call, expected: E) -> None:  # type: ignore[no-untyped-def]
    ipam = Ipam(engine)
    ipam.request_pool(P("10.1.0.0/16"))
    before = ipam.state(include_cursors=True)
    with pytest.raises(ipam_mod.IpamError) as err:
        call(ipam)
    assert str(err.value) == expected.text
    if expected.cls:
        assert type(err.value).__name__ == expected.cls
    assert ipam.state(include_cursors=True) == before


@pytest.mark.parametrize(("engine", "kind", "status"), [("20.10", "not_found", 404),
                                                        ("28", "invalid_parameter", 400)])
def test_exhaustion_kind(engine: str, kind: str, status: int) -> None:
    # spec 1.2 (20.10 NotFoundErrorf) / ipamapi ErrNoMoreSubnets (28, InvalidParameter)
    with pytest.raises(ipam_mod.PoolsExhausted) as err:
        Ipam(engine, [(P("10.0.0.0/24"), 24)], ula_base=None).request_pool(v6=False, exclude=[P("10.0.0.0/8")])
    assert (err.value.kind, err.value.status) == (kind, status)


# -- queries and atomicity --------------------------------------------------------------------

@pytest.mark.parametrize("engine", BOTH)
def test_queries_do_not_allocate(engine: str) -> None:
    ipam = Ipam(engine)
    net = ipam.request_pool(P("10.20.0.0/16"), P("10.20.5.0/24"))
    before = ipam.state(include_cursors=True)
    assert str(ipam.next_address(net.pool_id)) == "10.20.5.0"       # spec 2.5 (TestRequestReleaseAddressFromSubPool)
    assert str(ipam.next_pool()) == "172.17.0.0/16"
    usage, free = ipam.pool_usage(net.pool_id)
    assert [(str(a), str(b)) for a, b in usage] == [("10.20.0.0", "10.20.0.0"), ("10.20.255.255",) * 2]
    assert free == 256
    assert ipam.state(include_cursors=True) == before
    assert str(ipam.request_address(net.pool_id)) == "10.20.5.0"


@pytest.mark.parametrize("engine", BOTH)
def test_journal_rolls_back_a_failed_call(engine: str) -> None:
    journal = Journal()
    ipam = Ipam(engine, journal=journal)
    keep = ipam.request_pool(P("10.1.0.0/24"))
    ipam.request_address(keep.pool_id)
    before = ipam.state()
    with pytest.raises(RuntimeError), journal.transaction():
        net = ipam.request_pool()
        ipam.request_address(net.pool_id, gateway=True)
        ipam.request_address(keep.pool_id)
        ipam.release_address(keep.pool_id, parse_ip("10.1.0.1"))
        ipam.release_pool(keep.pool_id)
        raise RuntimeError("the bridge driver failed")
    assert ipam.state() == before
    assert str(ipam.request_address(keep.pool_id)) == "10.1.0.2"
    # 20.10 keeps its rotation index moved (spec 1.2); 28 has none
    assert ipam.rotation_index == (1 if engine == "20.10" else 0)


def test_sticky_and_round_robin_policies() -> None:
    sticky = Ipam("28", policy="sticky")
    net = sticky.request_pool(P("10.0.0.0/24"))
    a = [sticky.request_address(net.pool_id) for _ in range(3)]       # .1 .2 .3
    sticky.release_address(net.pool_id, a[1])
    sticky.release_address(net.pool_id, a[0])
    assert str(sticky.request_address(net.pool_id, hint=a[1])) == "10.0.0.2"   # its old address
    serial = Ipam("28", policy="round-robin")                         # spec 2.4: swarm's serial mode
    net = serial.request_pool(P("10.0.0.0/29"))
    got = [serial.request_address(net.pool_id) for _ in range(3)]    # .1 .2 .3
    serial.release_address(net.pool_id, got[0])
    assert str(serial.request_address(net.pool_id)) == "10.0.0.4"    # not the freed .1
    assert [str(serial.request_address(net.pool_id)) for _ in range(3)] == ["10.0.0.5", "10.0.0.6", "10.0.0.1"]


# -- the r* transcripts (tests/golden/docker-*/r2x_*.jsonl, recorded for this project) ------------

def bridge(engine: str, subnet: str = "172.17.0.0/16"):  # type: ignore[no-untyped-def]
    """docker0: 20.10 asks for it as a static pool (the index stays 0); 28 picks it dynamically
    when docker0 has no address (spec 4)."""
    return [("pool", "bridge", subnet if engine == "20.10" else None, None, subnet),
            ("addr", "bridge", None, str(P(subnet).nth(1)))]


def r20(engine: str):  # type: ignore[no-untyped-def]
    full = EXHAUSTION[engine]
    names = [f"n{i:02}" for i in range(1, 30)]
    subnets = ["172.18.0.0/16"] + [f"172.{n}.0.0/16" for n in range(20, 32)] + \
              [f"192.168.{16 * k}.0/20" for k in range(16)]
    return bridge(engine) + [
        ("pool", "manual", "172.19.0.0/16", None, "172.19.0.0/16"),   # r20 L1
        *[("pool", n, None, None, s) for n, s in zip(names, subnets)],  # r20 L2-31, L32 (n13..n29)
        ("pool", "n30", None, None, full),                           # r20 L33
        ("drop", "n05"), ("drop", "n14"), ("drop", "n20"),           # r20 L34
        ("pool", "x1", None, None, "172.23.0.0/16"),                 # r20 L35-36
        ("pool", "x2", None, None, "192.168.0.0/20"),                # r20 L37-38
        ("pool", "x3", None, None, "192.168.96.0/20"),               # r20 L39-40
        ("pool", "x4", None, None, full),                            # r20 L41
        ("drop", "manual"), ("drop", "x2"),                          # r20 L42
        ("pool", "x5", None, None, "172.19.0.0/16"),                 # r20 L43-44
    ]


@pytest.mark.parametrize("engine", BOTH)
def test_r20_auto_subnets(engine: str) -> None:
    run(engine, r20(engine))


R21 = {
    "20.10": [
        ("pool", "a1", None, None, "172.18.0.0/16"),     # r21 L1,4
        ("pool", "a2", None, None, "172.19.0.0/16"),     # r21 L2,4
        ("pool", "a3", None, None, "172.20.0.0/16"),     # r21 L3,4
        ("drop", "a2"),                                  # r21 L5
        ("pool", "a4", None, None, "172.21.0.0/16"),     # r21 L6-7: rotation, not the freed 172.19
        ("drop", "a1"),                                  # r21 L8
        ("pool", "a5", None, None, "172.22.0.0/16"),     # r21 L9-10
        ("pool", "a6", None, None, "172.23.0.0/16"),     # r21 L11-12
        ("pool", "clash", "172.18.0.0/16", None, "172.18.0.0/16"),   # r21 L13: free again
        ("pool", "clash2", "172.18.0.0/24", None, E("Pool overlaps with other one on this address space")),  # L14
        ("pool", "clash3", "172.16.0.0/12", None, E("Pool overlaps with other one on this address space")),  # L15
        ("pool", "mine", "172.24.0.0/16", None, "172.24.0.0/16"),    # r21 L16
        ("pool", "a7", None, None, "172.25.0.0/16"),     # r21 L17-18
        ("pool", "a8", None, None, "172.26.0.0/16"),     # r21 L19-20
        ("pool", "bigone", "10.0.0.0/8", None, "10.0.0.0/8"),        # r21 L21
        ("pool", "a9", None, None, "172.27.0.0/16"),     # r21 L22-23
        ("addr", "a5", None, "172.22.0.1"),              # gateway of a5 ...
        ("addr", "a5", None, "172.22.0.2"),              # r21 L28-29 c1 on a5
        ("drop", "a6"), ("drop", "a7"),                  # r21 L31
        ("pool", "a13", None, None, "172.28.0.0/16"),    # r21 L32-33
    ],
    "28": [
        ("pool", "a1", None, None, "172.18.0.0/16"),     # r21 L1,4
        ("pool", "a2", None, None, "172.19.0.0/16"),     # r21 L2,4
        ("pool", "a3", None, None, "172.20.0.0/16"),     # r21 L3,4
        ("drop", "a2"),                                  # r21 L5
        ("pool", "a4", None, None, "172.19.0.0/16"),     # r21 L6-7: lowest free
        ("drop", "a1"),                                  # r21 L8
        ("pool", "a5", None, None, "172.18.0.0/16"),     # r21 L9-10
        ("pool", "a6", None, None, "172.21.0.0/16"),     # r21 L11-12
        ("pool", "clash", "172.18.0.0/16", None,         # r21 L13
         E("invalid pool request: Pool overlaps with other one on this address space", "PoolOverlap")),
        ("pool", "clash2", "172.18.0.0/24", None,        # r21 L14
         E("invalid pool request: Pool overlaps with other one on this address space")),
        ("pool", "clash3", "172.16.0.0/12", None,        # r21 L15
         E("invalid pool request: Pool overlaps with other one on this address space")),
        ("pool", "mine", "172.24.0.0/16", None, "172.24.0.0/16"),    # r21 L16
        ("pool", "a7", None, None, "172.22.0.0/16"),     # r21 L17-18
        ("pool", "a8", None, None, "172.23.0.0/16"),     # r21 L19-20
        ("pool", "bigone", "10.0.0.0/8", None, "10.0.0.0/8"),        # r21 L21
        ("pool", "a9", None, None, "172.25.0.0/16"),     # r21 L22-23: skips mine
        ("addr", "a5", None, "172.18.0.1"),              # gateway of a5 ...
        ("addr", "a5", None, "172.18.0.2"),              # r21 L28-29 c1 on a5
        ("drop", "a6"), ("drop", "a7"),                  # r21 L31
        ("pool", "a13", None, None, "172.21.0.0/16"),    # r21 L32-33
    ],
}


@pytest.mark.parametrize("engine", BOTH)
def test_r21_subnet_reuse(engine: str) -> None:
    run(engine, bridge(engine) + R21[engine])


def r22(engine: str):  # type: ignore[no-untyped-def]
    in_use = E("Address already in use", "AddressInUse")
    steps = [
        ("pool", "rng", "10.20.0.0/24", "10.20.0.128/25", "10.20.0.0/24"),  # r22 L1
        ("addr", "rng", None, "10.20.0.128"),            # gateway: the range's first address
        ("addr", "rng", None, "10.20.0.129"),            # r22 L3,5 r1
        ("addr", "rng", None, "10.20.0.130"),            # r22 L4,5 r2
        ("addr", "rng", "10.20.0.10", "10.20.0.10"),     # r22 L6,9 r3 --ip outside the range
        ("addr", "rng", "10.20.0.200", "10.20.0.200"),   # r22 L7,9 r4
        ("addr", "rng", "10.20.0.130", in_use),          # r22 L8 r5
        ("pool", "gw", "10.21.0.0/24", None, "10.21.0.0/24"),  # r22 L10
        ("addr", "gw", "10.21.0.254", "10.21.0.254"),    # --gateway 10.21.0.254
        ("addr", "gw", "10.21.0.1", "10.21.0.1"),        # --aux-address a1
        ("addr", "gw", "10.21.0.2", "10.21.0.2"),        # --aux-address a2
        ("addr", "gw", None, "10.21.0.3"),               # r22 L12-13 g1
        ("addr", "gw", "10.21.0.2", in_use),             # r22 L14 g2
        ("addr", "gw", "10.21.0.254", in_use),           # r22 L15 g3
        ("pool", "ingw", "10.29.0.0/16", "10.29.5.0/24", "10.29.0.0/16"),  # r22 L17
        ("addr", "ingw", "10.29.5.1", "10.29.5.1"),      # --gateway 10.29.5.1
        ("addr", "ingw", None, "10.29.5.0"),             # r22 L18-19 i1
        ("pool", "bad5", "10.22.0.0/24", None, "10.22.0.0/24"),  # r22 L27
        ("addr", "bad5", None, "10.22.0.1"),             # gateway
        ("addr", "bad5", "10.22.0.1", in_use),           # r22 L27 aux h1=10.22.0.1 (the daemon wraps it)
        ("drop", "bad5"),
        ("pool", "edge1", "10.22.0.0/24", None, "10.22.0.0/24"),
        ("addr", "edge1", "10.22.0.0", in_use),          # r22 L33 --gateway 10.22.0.0
        ("drop", "edge1"),
        ("pool", "edge2", "10.22.1.0/24", None, "10.22.1.0/24"),
        ("addr", "edge2", "10.22.1.255", in_use),        # r22 L34 --gateway 10.22.1.255
    ]
    if engine == "20.10":
        steps += [
            ("pool", "bad9", "10.22.0.0/24", "10.22.0.0/16", "10.22.0.0/24"),  # r22 L31 (20.10 accepts)
            ("addr", "bad9", None, "10.22.0.1"),         # the range folds onto the whole subnet
        ]
    return steps


@pytest.mark.parametrize("engine", BOTH)
def test_r22_ip_range_aux(engine: str) -> None:
    run(engine, r22(engine))


def r23(engine: str):  # type: ignore[no-untyped-def]
    full = S02_FULL[engine]
    steps = [
        ("pool", "p30", "10.24.0.0/30", None, "10.24.0.0/30"),   # r23 L1
        ("addr", "p30", None, "10.24.0.1"),              # r23 L5 gateway
        ("addr", "p30", None, "10.24.0.2"),              # r23 L3,5 s1
        ("addr", "p30", None, full),                     # r23 L4 s2
    ]
    if engine == "20.10":
        steps += [
            ("pool", "p31", "10.25.0.0/31", None, "10.25.0.0/31"),   # r23 L7: the gateway fails ...
            ("addr", "p31", None, full),                 # ... "failed to allocate gateway (): No available …"
            ("drop", "p31"),
            ("pool", "p32", "10.26.0.0/32", None, "10.26.0.0/32"),   # r23 L14
            ("addr", "p32", None, full),
            ("drop", "p32"),
        ]
    else:
        steps += [
            ("pool", "p31", "10.25.0.0/31", None, "10.25.0.0/31"),   # r23 L7
            ("addr", "p31", None, "10.25.0.0"),          # r23 L10 gw=10.25.0.0
            ("addr", "p31", None, "10.25.0.1"),          # r23 L9-10 s3 10.25.0.1/31
            ("addr", "p31", "10.25.0.1", E("Address already in use")),  # r23 L12 s4
            ("addr", "p31", "10.25.0.0", E("Address already in use")),  # r23 L13 s5
            ("pool", "p32", "10.26.0.0/32", None, "10.26.0.0/32"),      # r23 L14
            ("addr", "p32", None, "10.26.0.0"),          # the gateway
            ("addr", "p32", None, full),                 # r23 L16 s6
        ]
    steps += [
        ("pool", "p29", "10.27.0.0/29", None, "10.27.0.0/29"),   # r23 L17
        ("addr", "p29", "10.27.0.6", "10.27.0.6"),       # --gateway 10.27.0.6
        *[("addr", "p29", None, f"10.27.0.{i}") for i in range(1, 6)],  # r23 L18-22,24 s7-s11
        ("addr", "p29", None, full),                     # r23 L23 s12
        ("pool", "r29", "10.28.0.0/29", "10.28.0.4/30", "10.28.0.0/29"),  # r23 L25
        ("addr", "r29", None, "10.28.0.4"),              # gateway: the range's first address
        ("addr", "r29", None, "10.28.0.5"),              # r23 L26,31 s13
        ("addr", "r29", None, "10.28.0.6"),              # r23 L27,31 s14
        ("addr", "r29", None, full),                     # r23 L28 s15: .7 is the subnet's broadcast
        ("addr", "r29", None, full),                     # r23 L29 s16
        ("addr", "r29", "10.28.0.2", "10.28.0.2"),       # r23 L30-31 s17 --ip outside the range
    ]
    return steps


@pytest.mark.parametrize("engine", BOTH)
def test_r23_tiny_subnets(engine: str) -> None:
    run(engine, r23(engine))


def r31(engine: str):  # type: ignore[no-untyped-def]
    steps = bridge(engine) + [
        ("pool", "v6only", None, None, "172.18.0.0/16"),          # r31 L1-2: its IPv4 pool
        ("pool", "v6only6", "fd00:1::/64", None, "fd00:1::/64"),  # r31 L1
        ("addr", "v6only6", None, "fd00:1::1"),                   # gateway
        ("pool", "v6auto", None, None, "172.19.0.0/16"),          # r31 L3: the IPv4 pool first ...
    ]
    if engine == "20.10":
        steps += [
            ("pool6", "v6auto6", None, None, E("could not find an available, non-overlapping IPv6 address "
                                               "pool among the defaults to assign to the network")),  # r31 L3
            ("drop", "v6auto"),                                   # ... released, the index stays moved
            ("pool", "noflag", None, None, "172.20.0.0/16"),      # r31 L8-9: 172.20, not 172.19
        ]
    else:
        steps += [
            ("pool6", "v6auto6", None, None, "fd7d:a30f:c0b4::/64"),  # r31 L4 (the engine's ULA /64)
            ("addr", "v6auto6", None, "fd7d:a30f:c0b4::1"),       # r31 L4 gateway
            ("pool", "noflag", None, None, "172.20.0.0/16"),      # r31 L8-9
        ]
    overlap = "invalid pool request: " if engine == "28" else ""
    steps += [
        ("pool", "dual", "10.60.0.0/24", None, "10.60.0.0/24"),      # r31 L5
        ("addr", "dual", None, "10.60.0.1"),
        ("pool", "dual6", "fd00:2::/64", None, "fd00:2::/64"),
        ("addr", "dual6", None, "fd00:2::1"),                         # r31 L24 ping fd00:2::1
        ("pool", "v6rng6", "fd00:4::/64", "fd00:4::100/120", "fd00:4::/64"),  # r31 L10
        ("addr", "v6rng6", "fd00:4::ffff", "fd00:4::ffff"),           # --gateway fd00:4::ffff
        ("pool", "bad2", "fd00:1::/80", None,                         # r31 L12
         E(overlap + "Pool overlaps with other one on this address space")),
        ("addr", "dual", None, "10.60.0.2"),                          # r31 L14,18 d1
        ("addr", "dual6", None, "fd00:2::2"),                         # r31 L18 d1 fd00:2::2/64
        ("addr", "dual", None, "10.60.0.3"),                          # r31 L15,29 d2
        ("addr", "dual6", "fd00:2::99", "fd00:2::99"),                # r31 L15 --ip6 fd00:2::99
        ("addr", "dual", "10.60.0.50", "10.60.0.50"),                 # r31 L17,29 d4
        ("addr", "dual6", "fd00:2::50", "fd00:2::50"),
        ("addr", "v6rng6", None, "fd00:4::100"),                      # r31 L21 d5: the range's first
        ("addr", "v6only", None, "172.18.0.1"),                       # v6only's IPv4 gateway
        ("addr", "v6only", None, "172.18.0.2"),                       # r31 L27 connect v6only d1
        ("addr", "v6only6", None, "fd00:1::2"),                       # r31 L28 fd00:1::2/64
    ]
    return steps


@pytest.mark.parametrize("engine", BOTH)
def test_r31_ipv6_networks(engine: str) -> None:
    run(engine, r31(engine), ula_base=ULA)


R36 = {
    "20.10": [
        ("pool", "n1", None, None, "10.123.1.0/24"),    # r36 L3,6
        ("pool", "n2", None, None, "10.123.2.0/24"),    # r36 L4,6
        ("pool", "n3", None, None, "10.123.3.0/24"),    # r36 L5,6
        ("drop", "n2"),                                 # r36 L7
        ("pool", "n4", None, None, "10.123.4.0/24"),    # r36 L8-9
        ("pool", "manual", "10.123.5.0/24", None, "10.123.5.0/24"),  # r36 L10
        ("pool", "n5", None, None, "10.123.6.0/24"),    # r36 L11,13
        ("pool", "n6", None, None, "10.123.7.0/24"),    # r36 L12,13
    ],
    "28": [
        ("pool", "n1", None, None, "10.123.1.0/24"),    # r36 L3,6
        ("pool", "n2", None, None, "10.123.2.0/24"),    # r36 L4,6
        ("pool", "n3", None, None, "10.123.3.0/24"),    # r36 L5,6
        ("drop", "n2"),                                 # r36 L7
        ("pool", "n4", None, None, "10.123.2.0/24"),    # r36 L8-9
        ("pool", "manual", "10.123.5.0/24", None, "10.123.5.0/24"),  # r36 L10
        ("pool", "n5", None, None, "10.123.4.0/24"),    # r36 L11,13
        ("pool", "n6", None, None, "10.123.6.0/24"),    # r36 L12,13
    ],
}


@pytest.mark.parametrize("engine", BOTH)
def test_r36_daemon_address_pool(engine: str) -> None:
    steps = bridge(engine, "10.123.0.0/24") + R36[engine] + [  # r36 L1-2: docker0 10.123.0.1/24
        ("pool", "outside", "172.18.0.0/16", None, "172.18.0.0/16"),  # r36 L14
        ("addr", "bridge", None, "10.123.0.2"),                       # r36 L15,17 c1
        ("addr", "n1", None, "10.123.1.1"),                           # n1's gateway
        ("addr", "n1", None, "10.123.1.2"),                           # r36 L16-17 c2
    ]
    run(engine, steps, default_pools=[(P("10.123.0.0/16"), 24)])


@pytest.mark.parametrize("engine", BOTH)
def test_r37_daemon_small_pool(engine: str) -> None:
    full = EXHAUSTION[engine]
    run(engine, bridge(engine, "10.50.0.0/24") + [            # r37 L1
        ("pool", "t1", None, None, "10.50.1.0/24"),          # r37 L2,6
        ("pool", "t2", None, None, "10.50.2.0/24"),          # r37 L3,6
        ("pool", "t3", None, None, "10.50.3.0/24"),          # r37 L4,6
        ("pool", "t4", None, None, full),                    # r37 L5
        ("drop", "t1"),                                      # r37 L7
        ("pool", "t5", None, None, "10.50.1.0/24"),          # r37 L8-9
        ("pool", "t6", None, None, full),                    # r37 L10
        ("drop", "t2"), ("drop", "t3"),                      # r37 L11
        ("pool", "t7", None, None, "10.50.2.0/24"),          # r37 L12-13
        ("pool", "t8", None, None, "10.50.3.0/24"),          # r37 L14-15
        ("pool", "beyond", "10.50.9.0/24", None, "10.50.9.0/24"),  # r37 L16
    ], default_pools=[(P("10.50.0.0/22"), 24)])


def test_r32_default_bridge_ipv6_28() -> None:
    # r32 (28): --fixed-cidr-v6 fd00:dead::/64 makes the bridge's IPv6 pool with itself as the range
    run("28", [
        ("pool", "bridge6", "fd00:dead::/64", "fd00:dead::/64", "fd00:dead::/64"),  # r32 L1, L17
        ("addr", "bridge6", None, "fd00:dead::1"),         # r32 L2 docker0 fd00:dead::1/64
        ("addr", "bridge6", None, "fd00:dead::2"),         # r32 L3,7 b1
        ("addr", "bridge6", None, "fd00:dead::3"),         # r32 L4,7 b2
        ("free", "bridge6", "fd00:dead::2"),               # r32 L18 restart b1 ...
        ("addr", "bridge6", None, "fd00:dead::2"),         # ... r32 L19 fd00:dead::2 again
    ])
