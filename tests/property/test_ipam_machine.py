"""The IPAM against naive models (a ``set``, a materialised list), with Hypothesis.

* ``IpamMachine``: one pool of any size (IPv4 /8../32, IPv6 /48../128, with or without an
  ``--ip-range``) on either engine; random dynamic/preferred requests and releases are checked
  against a set of taken ordinals: addresses are unique, inside the pool, never reserved, the
  lowest free of the range Docker searches; a failing request changes nothing.
* pool choice: 28 equals a naive first-fit over the sorted predefined subnets (when no prefix
  nests in another, spec 1.2); 20.10 equals a naive rotation over the materialised list.
* ``AddrSet`` (both policies) against a set and a cursor.
"""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import given, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from dockernet_sim.addr import ip, prefix
from dockernet_sim.libnetwork import ipam as ipam_mod
from dockernet_sim.libnetwork.addrset import AddrSet, NoneAvailable
from dockernet_sim.libnetwork.ipam import Ipam

LOW64 = (1 << 64) - 1
BITS = {4: 32, 6: 128}


def lowest_free(taken: set[int], lo: int, hi: int) -> int | None:
    o = lo
    while o in taken:
        o += 1
    return o if o <= hi else None


class IpamMachine(RuleBasedStateMachine):
    """One pool; the model is the set of taken ordinals (reserved ones included)."""

    @initialize(engine=st.sampled_from(["20.10", "28"]), version=st.sampled_from([4, 6]), data=st.data())
    def setup(self, engine: str, version: int, data: st.DataObject) -> None:
        bits = BITS[version]
        plen = data.draw(st.integers(8, 32) if version == 4 else st.integers(48, 128), label="length")
        base = data.draw(st.integers(0, (1 << plen) - 1), label="network") << (bits - plen)
        pool = prefix(base, plen, version)
        sub = None
        if data.draw(st.booleans(), label="ip_range"):
            rlen = data.draw(st.integers(plen, bits), label="range length")
            roff = data.draw(st.integers(0, (1 << (rlen - plen)) - 1), label="range offset")
            sub = prefix(base + (roff << (bits - rlen)), rlen, version)
        self.engine, self.version, self.bits = engine, version, bits
        self.base, self.size = base, 1 << (bits - plen)
        self.ipam = Ipam(engine)
        self.pool_id = self.ipam.request_pool(pool, sub).pool_id
        host_bits = bits - plen
        v20 = engine == "20.10"
        # spec 2.2
        if v20:
            self.capacity = LOW64 if version == 6 and host_bits >= 64 else self.size
            self.reserved = {0} if version == 6 else {0, self.size - 1}
        else:
            self.capacity = self.size
            self.reserved = {0} if version == 6 or host_bits > 1 else set()
            if version == 4 and host_bits > 1:
                self.reserved.add(self.size - 1)
        self.taken = set(self.reserved)
        # the ordinals a dynamic request searches (spec 2.3, 2.10)
        self.window_error = None
        if v20:
            if sub is None:
                self.window = (0, self.capacity - 1)
            else:
                mask = self.size - 1
                lo = (sub.network.value - base) & mask & LOW64
                hi = (sub.last.value - base) & mask & LOW64
                self.window = (lo, hi)
                if hi >= self.capacity:
                    self.window_error = f"invalid bit range [{lo}, {hi}]"
        else:
            chunk = min(self.size, 1 << 63)
            if sub is None or sub.length == plen:
                self.window = (0, chunk - 1)
            else:
                start = sub.network.value - base
                first = start - start % chunk
                self.window = (first, first + chunk - 1) if sub.size >= chunk else (start, start + sub.size - 1)

    # -- helpers -----------------------------------------------------------------------------

    def addr(self, ordinal: int):  # type: ignore[no-untyped-def]
        return ip(self.base + ordinal, self.version)

    def expect_failure(self, call, text: str) -> None:  # type: ignore[no-untyped-def]
        before = self.ipam.state(include_cursors=True)
        try:
            call()
        except ipam_mod.IpamError as err:
            assert str(err) == text
        else:
            raise AssertionError(f"expected {text!r}")
        assert self.ipam.state(include_cursors=True) == before

    def no_addresses(self) -> str:
        return "No available addresses on this pool" if self.engine == "20.10" else \
            "no available addresses on this pool"

    # -- rules -------------------------------------------------------------------------------

    @rule()
    def request_dynamic(self) -> None:
        call = lambda: self.ipam.request_address(self.pool_id)  # noqa: E731
        if self.engine == "20.10" and len(self.taken) >= self.capacity:
            return self.expect_failure(call, self.no_addresses())
        if self.window_error:
            return self.expect_failure(call, self.window_error)
        o = lowest_free(self.taken, *self.window)
        if o is None:
            return self.expect_failure(call, self.no_addresses())
        got = call()
        assert got == self.addr(o), (got, self.addr(o))
        assert o not in self.reserved
        self.taken.add(o)

    @rule(data=st.data())
    def request_preferred(self, data: st.DataObject) -> None:
        choices = [st.integers(0, self.size - 1), st.integers(0, 8), st.just(self.size - 1)]
        if self.taken:
            choices.append(st.sampled_from(sorted(self.taken)))
        offset = data.draw(st.one_of(*choices, st.sampled_from([-1, self.size])), label="offset")
        value = self.base + offset
        if not 0 <= value < (1 << self.bits):
            return
        want = ip(value, self.version)
        call = lambda: self.ipam.request_address(self.pool_id, want)  # noqa: E731
        if not 0 <= offset < self.size:
            return self.expect_failure(call, "Requested address is out of range" if self.engine == "20.10"
                                       else "requested address is out of range")
        o = offset
        if self.engine == "20.10":
            if len(self.taken) >= self.capacity:
                return self.expect_failure(call, self.no_addresses())
            if self.version == 6:
                o &= LOW64                      # spec 2.10: the low 64 bits only
                if o >= self.capacity:
                    return self.expect_failure(call, "bit does not belong to the sequence")
        if o in self.taken:
            return self.expect_failure(call, "Address already in use")
        assert call() == self.addr(o)
        self.taken.add(o)

    @precondition(lambda self: len(self.taken) > len(self.reserved))
    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        o = data.draw(st.sampled_from(sorted(self.taken - self.reserved)), label="release")
        self.ipam.release_address(self.pool_id, self.addr(o))
        self.taken.discard(o)

    @rule(offset=st.integers(0, 300))
    def release_free_is_a_noop(self, offset: int) -> None:
        o = min(offset, self.size - 1)
        if o in self.taken or (self.engine == "20.10" and self.version == 6 and o >= self.capacity):
            return
        before = self.ipam.state()
        self.ipam.release_address(self.pool_id, self.addr(o))
        assert self.ipam.state() == before

    # -- invariants ----------------------------------------------------------------------------

    @invariant()
    def allocator_matches_model(self) -> None:
        runs, free = self.ipam.pool_usage(self.pool_id)
        got = set()
        for first, last in runs:
            got.update(range(first.value - self.base, last.value - self.base + 1))
        assert got == self.taken
        assert self.reserved <= got

    @invariant()
    def next_address_is_the_lowest_free(self) -> None:
        expected = None
        if not self.window_error and not (self.engine == "20.10" and len(self.taken) >= self.capacity):
            o = lowest_free(self.taken, *self.window)
            expected = None if o is None else self.addr(o)
        assert self.ipam.next_address(self.pool_id) == expected


IpamMachine.TestCase.settings = settings(IpamMachine.TestCase.settings, stateful_step_count=30)
TestIpamMachine = IpamMachine.TestCase


# -- pool choice -------------------------------------------------------------------------------

def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shift = 32 - min(a[1], b[1])
    return a[0] >> shift == b[0] >> shift


def contains_strictly(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[1] < b[1] and overlap(a, b)


@st.composite
def prefixes(draw, lo: int = 8, hi: int = 28):  # type: ignore[no-untyped-def]
    """An IPv4 prefix inside 10.0.0.0/8 (so the configs below collide often)."""
    length = draw(st.integers(lo, hi))
    net = (10 << 24) | (draw(st.integers(0, (1 << (length - 8)) - 1)) << (32 - length)) if length > 8 else 10 << 24
    return net, length


@st.composite
def pool_configs(draw):  # type: ignore[no-untyped-def]
    """A small --default-address-pool list (at most ~64 subnets)."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        net, length = draw(prefixes(12, 24))
        out.append(((net, length), min(32, length + draw(st.integers(0, 4)))))
    return out


OPS = st.lists(st.one_of(
    st.tuples(st.just("dyn"), st.lists(prefixes(10, 32), max_size=2)),
    st.tuples(st.just("static"), prefixes(10, 28)),
    st.tuples(st.just("release"), st.integers(0, 20)),
), max_size=12)


def _ipam(engine: str, config) -> Ipam:  # type: ignore[no-untyped-def]
    return Ipam(engine, [(prefix(n, l_, 4), size) for (n, l_), size in config])


def _subnets(config, sort: bool) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    entries = [((n, l_), s) for (n, l_), s in config]
    if sort:  # 28: sorted bases, later overlapping ones dropped (spec 1.1)
        kept: list[tuple[tuple[int, int], int]] = []
        for base, size in sorted(entries, key=lambda e: e[0]):   # stable, by base only
            if not kept or not overlap(kept[-1][0], base):
                kept.append((base, size))
        entries = kept
    return [(n + k * (1 << (32 - size)), size) for (n, l_), size in entries for k in range(1 << (size - l_))]


@given(config=pool_configs(), ops=OPS)
def test_28_pool_choice_is_naive_first_fit(config, ops) -> None:  # type: ignore[no-untyped-def]
    ipam = _ipam("28", config)
    candidates = _subnets(config, sort=True)
    held: list[tuple[tuple[int, int], str]] = []
    for op, arg in ops:
        allocated = [p for p, _ in held]
        if op == "dyn":
            exclude = list(arg)
            both = allocated + exclude
            nested = any(contains_strictly(a, b) for a in both for b in both)
            naive = next((c for c in candidates if not any(overlap(c, x) for x in both)), None)
            try:
                info = ipam.request_pool(exclude=[prefix(n, l_, 4) for n, l_ in exclude])
            except ipam_mod.PoolsExhausted:
                assert nested or naive is None
                continue
            got = (info.pool.addr.value, info.pool.length)
            assert nested or got == naive, (got, naive)
            held.append((got, info.pool_id))
        elif op == "static":
            clash = any(overlap(arg, p) for p in allocated)
            try:
                info = ipam.request_pool(prefix(arg[0], arg[1], 4))
            except ipam_mod.PoolOverlap:
                assert clash
                continue
            assert not clash
            held.append((arg, info.pool_id))
        elif held:
            _, pool_id = held.pop(arg % len(held))
            ipam.release_pool(pool_id)


def _naive_rotation(lst, index, allocated, exclude):  # type: ignore[no-untyped-def]
    """20.10 getPredefinedPool + requestPoolHelper on a plain list (spec 1.2)."""
    held: list[tuple[int, int]] = []
    while True:
        n = len(lst)
        i = index if index < n else 0
        rotated = lst[i:] + lst[:i]
        pick = None
        for j, cand in enumerate(rotated):
            if cand in allocated or cand in held or any(overlap(cand, a) for a in allocated + held):
                continue
            s = index + j + 1
            pick, index = cand, (0 if s < 0 or s >= n else s)
            break
        if pick is None:
            return None, index
        if not any(overlap(pick, e) for e in exclude):
            return pick, index
        held.append(pick)


@given(config=pool_configs(), ops=OPS)
def test_20_10_pool_choice_is_a_rotation(config, ops) -> None:  # type: ignore[no-untyped-def]
    ipam = _ipam("20.10", config)
    lst = _subnets(config, sort=False)
    index = 0
    held: list[tuple[tuple[int, int], str]] = []
    for op, arg in ops:
        allocated = [p for p, _ in held]
        if op == "dyn":
            naive, index = _naive_rotation(lst, index, allocated, list(arg))
            try:
                info = ipam.request_pool(exclude=[prefix(n, l_, 4) for n, l_ in arg])
            except ipam_mod.PoolsExhausted:
                assert naive is None
            else:
                got = (info.pool.addr.value, info.pool.length)
                assert got == naive, (got, naive)
                held.append((got, info.pool_id))
            assert ipam.rotation_index == index
        elif op == "static":
            clash = any(overlap(arg, p) for p in allocated)
            try:
                info = ipam.request_pool(prefix(arg[0], arg[1], 4))
            except ipam_mod.PoolOverlap:
                assert clash
                continue
            assert not clash
            held.append((arg, info.pool_id))
        elif held:
            _, pool_id = held.pop(arg % len(held))
            ipam.release_pool(pool_id)


# -- the address set itself ------------------------------------------------------------------

SET_OPS = st.lists(st.tuples(st.sampled_from(["any", "add", "remove"]), st.integers(0, 2**16),
                             st.integers(0, 2**16)), max_size=60)


@given(size_bits=st.sampled_from([0, 1, 3, 8, 9, 12, 16, 64, 128]), extra=st.integers(0, 300),
       policy=st.sampled_from(["lowest", "round-robin"]), ops=SET_OPS)
def test_addrset_matches_a_set(size_bits, extra, policy, ops) -> None:  # type: ignore[no-untyped-def]
    size = (1 << size_bits) + (extra if size_bits < 12 else 0)
    aset = AddrSet(size, policy=policy)
    taken: set[int] = set()
    cursor = 0
    for op, a, b in ops:
        a, b = a % size, b % size
        if op == "any":
            lo, hi = min(a, b), max(a, b)
            o = None
            if policy == "round-robin" and cursor != 0 and cursor > lo and cursor < size:
                o = lowest_free(taken, cursor, hi)
            if o is None:
                o = lowest_free(taken, lo, hi)
            try:
                got = aset.add_any_in_range(lo, hi)
            except NoneAvailable:
                assert o is None
                continue
            assert got == o
            taken.add(o)
            cursor = o + 1
        elif op == "add":
            if a in taken:
                continue
            aset.add(a)
            taken.add(a)
        else:
            assert aset.remove(a) == (a in taken)
            taken.discard(a)
            if not taken:
                cursor = 0
        assert len(aset) == len(taken)
    assert list(aset) == sorted(taken)
    assert [x for lo, hi in aset.ranges() for x in range(lo, hi + 1)] == sorted(taken)
    assert aset.count_range(0, size // 2) == sum(1 for t in taken if t <= size // 2)
