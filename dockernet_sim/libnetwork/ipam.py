"""Docker's default IPAM driver: address pools for networks, addresses for endpoints.

Mirrors libnetwork's built-in ``default`` IPAM for the local address space (``LocalDefault``):
``ipam/allocator.go`` + ``bitseq`` in Engine 20.10, ``ipams/defaultipam`` + ``internal/addrset``
in Engine 28.  Method names follow Docker's (``RequestPool``, ``ReleasePool``,
``RequestAddress``, ``ReleaseAddress``).  What differs between the two engines is data in
``engines.IpamRules`` (one value per engine profile), read by the one shared code path:

* choosing a pool for a network without ``--subnet``: 20.10 rotates through the predefined list
  from an in-memory index; 28 takes the lowest free subnet (``ipamutils``);
* reserved addresses: network (and, IPv4, broadcast) address; 28 reserves nothing in IPv4
  /31 and /32 (spec 2.2);
* 20.10 answers "no available addresses" for a full pool even when a free ``--ip`` is asked for
  (its pre-check), and its IPv6 bitmap is 2**64-1 bits (a /64's last address is never
  allocatable; in a shorter prefix only the low 64 bits are used);
* 28 splits a pool of more than 2**63 addresses into /65-sized bitmaps and hands out dynamic
  addresses from the first one only;
* the error texts (20.10 capitalised, 28 lower-cased and prefixed).

Atomicity: every method checks everything before it changes anything, so an exception leaves
the allocator as it was (one documented exception below).  Each mutation has an inverse
(``request_address`` / ``release_address``, ``request_pool`` / ``release_pool``) and, when a
``journal`` is given, records that inverse (restoring cursors too) so a failed Engine API call
rolls back exactly.  Docker 20.10 itself does *not* roll back its rotation index: a network
create that fails after getting its pool (or a pool request that skipped pools overlapping the
host and then ran out) still advances it -- so the index is kept on rollback, and ``state()``
leaves it (and the serial cursors) out unless ``include_cursors=True``.

>>> from dockernet_sim.addr import parse_prefix
>>> ipam = Ipam("28")
>>> bridge = ipam.request_pool(parse_prefix("172.17.0.0/16"))
>>> str(ipam.request_address(bridge.pool_id, gateway=True))
'172.17.0.1'
>>> n1 = ipam.request_pool()
>>> n1.pool_id, str(n1.pool)
('LocalDefault/172.18.0.0/16', '172.18.0.0/16')
>>> str(ipam.request_address(n1.pool_id)), str(ipam.request_address(n1.pool_id))
('172.18.0.1', '172.18.0.2')
>>> try:
...     ipam.request_pool(parse_prefix("172.18.5.0/24"))
... except PoolOverlap as err:
...     print(err)
invalid pool request: Pool overlaps with other one on this address space
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Callable

from ..records import Record
from ..journal import put_back
from ..addr import IP, AddrError, Prefix, ip, parse_prefix_netip, prefix
from ..engines import DEFAULT_NAME, IpamRules, Profile, get_profile
from ..errors import DockerError, Forbidden, InvalidParameter, NotFound, SystemError_
from .addrset import AddrSet, AlreadyAllocated, NoneAvailable, Policy
from .ipamutils import (
    PredefinedList, PrefixIndex, allocate_predefined, default_pools, overlaps,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..journal import Journal

__all__ = [
    "Ipam", "PoolInfo", "ADDRESS_SPACE", "Policy",
    "IpamError", "PoolOverlap", "PoolsExhausted", "AddressInUse", "NoAvailableAddresses",
    "AddressOutOfRange", "PoolNotFound", "BadPool", "InvalidPoolRequest", "AllocatorFailure",
]

ADDRESS_SPACE = "LocalDefault"
_BITS = {4: 32, 6: 128}
_LOW64 = (1 << 64) - 1


# -- errors (one class per Docker error; str() is the daemon's text) ---------------------------

class IpamError(DockerError):
    """Base of the IPAM's errors; each subclass is one of libnetwork's ``ipamapi`` errors."""


class PoolOverlap(IpamError, Forbidden):
    """``ErrPoolOverlap``: the subnet overlaps a pool already allocated."""


class PoolsExhausted(IpamError):
    """No predefined pool left.  Its kind depends on the engine, so it is set per instance:
    20.10 ``NotFoundErrorf`` (404), 28 ``ErrNoMoreSubnets`` (InvalidParameter, 400)."""

    def __init__(self, message: str, kind: str = "not_found", status: int = 404) -> None:
        super().__init__(message)
        self.kind, self.status = kind, status


class AddressInUse(IpamError, Forbidden):
    """``ErrIPAlreadyAllocated``: ``Address already in use``."""


class NoAvailableAddresses(IpamError):
    """``ErrNoAvailableIPs`` (Docker's "unavailable" kind, HTTP 503)."""

    kind = "unavailable"
    status = 503


class AddressOutOfRange(IpamError, InvalidParameter):
    """``ErrIPOutOfRange``: the address is not in the pool."""


class PoolNotFound(IpamError, NotFound):
    """``cannot find address pool for poolID:…`` / ``cannot find address space …``."""


class BadPool(IpamError, InvalidParameter):
    """``ErrBadPool``: releasing a pool that is not allocated."""


class InvalidPoolRequest(IpamError, InvalidParameter):
    """A malformed pool id, a sub-pool without a pool, families that do not match."""


class AllocatorFailure(IpamError, SystemError_):
    """An error of the bitmap itself that Docker passes through unmapped (``invalid bit range``)."""


# -- what differs between engines: engines.IpamRules, one per profile ------------------------


# -- values -------------------------------------------------------------------------------------

class PoolInfo(Record, frozen=True, slots=True):
    """What ``request_pool`` hands back: the id to use with the other calls and the pool.

    ``pool`` is the subnet as the user typed it (20.10 keeps host bits) or as chosen;
    ``sub_pool`` the ``--ip-range`` as given.
    """

    pool_id: str
    pool: Prefix
    sub_pool: Prefix | None
    v6: bool


class _Child:
    """An ``--ip-range`` inside a master pool: the ordinals dynamic requests draw from."""

    __slots__ = ("key", "given", "range_prefix", "start", "end")

    def __init__(self, key: str, given: Prefix, range_prefix: Prefix | None,
                 start: int, end: int) -> None:
        self.key = key
        self.given = given
        self.range_prefix = range_prefix   # 28: masked range (None: the whole pool)
        self.start = start                 # 20.10: bitmap ordinals of the range
        self.end = end


class _Pool:
    """A master pool (``--subnet``): its bitmaps and the ranges that share them."""

    __slots__ = ("key", "prefix", "version", "network", "length", "explicit", "children",
                 "sets", "chunk_shift", "chunk_size")

    def __init__(self, master: Prefix, rules: IpamRules) -> None:
        self.key = str(master)
        self.prefix = master
        self.version = master.version
        self.network = master.addr.value
        self.length = master.length
        self.explicit = False
        self.children: dict[str, _Child] = {}
        self.sets: dict[int, AddrSet] = {}
        host_bits = master.bits - master.length
        if rules.v6_bitmap_low64 and self.version == 6 and host_bits >= 64:
            self.chunk_shift, self.chunk_size = 0, _LOW64      # Go: uint64(1 << 64) - 1
        elif rules.chunk_bits is not None and host_bits > rules.chunk_bits:
            self.chunk_shift, self.chunk_size = rules.chunk_bits, 1 << rules.chunk_bits
        else:
            self.chunk_shift, self.chunk_size = 0, 1 << host_bits

    def locate(self, ordinal: int) -> tuple[int, int]:
        """(bitmap index, bit) of an ordinal of the pool."""
        if self.chunk_shift:
            return ordinal >> self.chunk_shift, ordinal & (self.chunk_size - 1)
        return 0, ordinal


class Ipam:
    """Docker's default IPAM for one daemon (local scope).

    ``engine`` is a Profile or an engine name (``engines.get_profile``); ``default_pools`` the daemon's
    ``--default-address-pool`` entries ``(base, size)`` (None: Docker's defaults); ``ula_base``
    the engine-ID-derived IPv6 /48 that Docker 28 adds to them (see
    ``ipamutils.derive_ula_base``); ``policy`` how addresses are picked inside a pool
    (``"lowest"`` is Docker; see ``addrset.Policy``); ``journal`` an undo journal to record
    inverses in.

    >>> from dockernet_sim.addr import parse_prefix, parse_ip
    >>> ipam = Ipam("20.10")
    >>> net = ipam.request_pool(parse_prefix("10.10.0.0/29"))
    >>> [str(ipam.request_address(net.pool_id)) for _ in range(6)]
    ['10.10.0.1', '10.10.0.2', '10.10.0.3', '10.10.0.4', '10.10.0.5', '10.10.0.6']
    >>> try:                      # 20.10's full-pool pre-check, even for an --ip
    ...     ipam.request_address(net.pool_id, parse_ip("10.10.0.7"))
    ... except NoAvailableAddresses as err:
    ...     print(err)
    No available addresses on this pool
    """

    def __init__(self, engine: "str | Profile" = DEFAULT_NAME,
                 default_pools: Sequence[tuple[Prefix, int]] | None = None,
                 *, ula_base: Prefix | None = None, policy: Policy | str = Policy.LOWEST,
                 journal: Journal | None = None) -> None:
        profile = get_profile(engine)
        self.engine = profile.name
        self._rules = rules = profile.ipam
        self._msg = rules.messages
        self._precheck = rules.full_pool_precheck
        self.policy = Policy(policy)
        self._journal = journal
        self._pools: dict[str, _Pool] = {}
        self._alloc = {4: PrefixIndex(32), 6: PrefixIndex(128)}
        self._rotation = 0
        self._parsed_ids: dict[str, tuple[str, str, str | None, str, str]] = {}
        entries = _predefined_entries(default_pools, rules, ula_base)
        self._predefined = PredefinedList(entries)          # 20.10: as configured, in order
        self._bases: dict[int, list[tuple[int, int, int]]] = {4: [], 6: []}
        for net, length, size, version in sorted(entries, key=lambda e: (e[3], e[0], e[1])):
            kept = self._bases[version]                     # 28: sorted, overlapping bases dropped
            if kept and overlaps(kept[-1][0], kept[-1][1], net, length, _BITS[version]):
                continue
            kept.append((net, length, size))

    # -- pools ----------------------------------------------------------------------------------

    def request_pool(self, pool: Prefix | None = None, sub_pool: Prefix | None = None,
                     v6: bool = False, exclude: Sequence[Prefix] = ()) -> PoolInfo:
        """Allocate ``pool`` (a ``--subnet``, with an optional ``--ip-range`` ``sub_pool``) or, when
        ``pool`` is None, the next predefined subnet of the family that overlaps no allocated pool
        and (dynamic pools only) nothing in ``exclude`` (the host's on-link routes, nameservers).
        """
        msg = self._msg
        if pool is None:
            if sub_pool is not None:
                raise InvalidPoolRequest(msg["bad_subpool"].format(space=ADDRESS_SPACE, sub=sub_pool))
            version = 6 if v6 else 4
            if self._rules.rotate_pools:
                net, length, self._rotation = self._rotate(version, exclude)
            else:
                net, length = self._first_fit(version, exclude)
            chosen = prefix(net, length, version)
            then = self._step()
            p = self._add_pool(chosen)
            p.explicit = True
            then(lambda: self._drop_pool(p))
            return PoolInfo(f"{ADDRESS_SPACE}/{p.key}", chosen, None, v6)
        if sub_pool is not None and sub_pool.version != pool.version:
            raise InvalidPoolRequest(msg["families"])
        master = pool.masked()
        existing = self._pools.get(str(master))
        if sub_pool is None:
            first, last = master.hosts_range()
            if existing is not None or self._alloc[master.version].overlap_end(first, last) is not None:
                raise PoolOverlap(msg["overlap"])
            then = self._step()
            p = self._add_pool(master)
            p.explicit = True
            then(lambda: self._drop_pool(p))
            return PoolInfo(f"{ADDRESS_SPACE}/{p.key}", pool, None, pool.version == 6)
        child = self._make_child(master, sub_pool)
        if existing is not None and child.key in existing.children:
            raise PoolOverlap(msg["overlap"])
        # the --ip-range quirk (moby#46756): the parent is shared, or created without an overlap check
        then = self._step()
        p = existing if existing is not None else self._add_pool(master)
        p.children[child.key] = child
        then(lambda: self._drop_child(p, child.key))
        return PoolInfo(f"{ADDRESS_SPACE}/{p.key}/{child.key}", pool, sub_pool, pool.version == 6)

    def release_pool(self, pool_id: str) -> None:
        """Release a pool (its addresses go with it; the daemon releases the gateway first)."""
        _, master_key, child_key, _, _ = self._parse_id(pool_id)
        p = self._pools.get(master_key)
        if p is None or (child_key is not None and child_key not in p.children):
            raise BadPool(self._msg["bad_pool"])
        # (a rollback puts the child and the pool back in their places: the tables' order is in a
        # saved host's snapshot)
        pool_back = put_back(self._pools, p.key, p)
        if child_key is not None:
            child_back = put_back(p.children, child_key, p.children[child_key])
            self._record(lambda: self._restore_child(p, child_back, pool_back))
            self._drop_child(p, child_key)
        elif p.explicit:
            self._record(lambda: self._restore_master(p, pool_back))
            if not p.children:
                self._remove_pool(p)
            p.explicit = False
        # releasing a master that is only an implicit parent changes nothing (28's autoRelease)

    def next_pool(self, v6: bool = False, exclude: Sequence[Prefix] = ()) -> Prefix | None:
        """The subnet ``request_pool(v6=v6, exclude=exclude)`` would pick now (None: none left);
        allocates nothing and leaves 20.10's rotation index alone."""
        version = 6 if v6 else 4
        try:
            if self._rules.rotate_pools:
                net, length, _ = self._rotate(version, exclude, commit=False)
            else:
                net, length = self._first_fit(version, exclude)
        except PoolsExhausted:
            return None
        return prefix(net, length, version)

    @property
    def rotation_index(self) -> int:
        """20.10's in-memory start index into the predefined list (always 0 on 28)."""
        return self._rotation

    def predefined(self, v6: bool = False) -> Iterator[Prefix]:
        """The predefined subnets of a family in the order this engine considers them (lazy)."""
        version = 6 if v6 else 4
        if self._rules.rotate_pools:
            for net, size, ver in self._predefined:
                if ver == version:
                    yield prefix(net, size, version)
        else:
            for net, length, size in self._bases[version]:
                yield from prefix(net, length, version).subnets(size)

    def reset_cursors(self) -> None:
        """What a daemon restart does to the in-memory cursors: 20.10's rotation index and the
        serial cursors go back to 0 (pools and addresses are replayed, so they stay)."""
        self._rotation = 0
        for p in self._pools.values():
            for aset in p.sets.values():
                aset.cursor = 0

    def set_policy(self, policy: Policy) -> None:
        """Pick addresses by ``policy`` from now on, in the pools already allocated too (each keeps
        its serial cursor: Docker moves it on every allocation, whatever the policy)."""
        self.policy = policy
        for p in self._pools.values():
            for aset in p.sets.values():
                aset.policy = policy

    # -- addresses ------------------------------------------------------------------------------

    def request_address(self, pool_id: str, preferred: IP | None = None, *, gateway: bool = False,
                        hint: IP | None = None) -> IP:
        """An address from the pool: ``preferred`` exactly (anywhere in the ``--subnet``), else the
        lowest free one of the ``--ip-range`` or pool.  ``gateway`` is accepted for parity (the
        default IPAM ignores the request type); ``hint`` is honoured by the ``sticky`` policy.
        """
        msg = self._msg
        try:
            p, child = self._lookup(pool_id, release=False)
        except PoolNotFound:
            # 28 checks the preferred address against the parent before looking for the range
            parent = self._pools.get(self._parsed_ids.get(pool_id, ("", ""))[1])
            if self._rules.mask_child and preferred is not None and parent is not None \
                    and not parent.prefix.contains(preferred):
                raise AddressOutOfRange(msg["out_of_range"]) from None
            raise
        if preferred is not None and not p.prefix.contains(preferred):
            raise AddressOutOfRange(msg["out_of_range"])
        if self._precheck:
            # 20.10 getAddress: a full bitmap refuses everything, even a free preferred address
            only = p.sets.get(0)
            if only is not None and len(only) >= p.chunk_size:
                raise NoAvailableAddresses(msg["no_addresses"])
        then = self._step()
        if preferred is not None:
            chunk, bit = self._preferred_bit(p, preferred)
            aset = p.sets.get(chunk)
            fresh = aset is None
            if fresh:
                aset = AddrSet(p.chunk_size, policy=self.policy)
            old_cursor = aset.cursor
            try:
                aset.add(bit)
            except AlreadyAllocated:
                raise AddressInUse(msg["in_use"]) from None
        else:
            if child is None:
                chunk, start, end = 0, 0, p.chunk_size - 1
            else:
                chunk, start, end = self._dynamic_range(p, child)
            aset = p.sets.get(chunk)
            fresh = aset is None
            if fresh:
                aset = AddrSet(p.chunk_size, policy=self.policy)
            if end < start or end >= p.chunk_size:
                raise AllocatorFailure(msg["bit_range"].format(start=start, end=end))
            old_cursor = aset.cursor
            try:
                bit = aset.add_any_in_range(start, end, hint=None if hint is None else
                                            self._hint_bit(p, chunk, hint))
            except NoneAvailable:
                raise NoAvailableAddresses(msg["no_addresses"]) from None
        if fresh:
            p.sets[chunk] = aset
        then(lambda: self._unset(p, chunk, aset, bit, old_cursor))
        return ip(p.network + (chunk << p.chunk_shift) + bit, p.version)

    def release_address(self, pool_id: str, address: IP | None) -> None:
        """Give an address back; releasing one that is not allocated is a no-op (as in Docker)."""
        p, _ = self._lookup(pool_id, release=True)
        if address is None:
            raise InvalidPoolRequest(self._msg["nil_address"])
        if not p.prefix.contains(address):
            raise AddressOutOfRange(self._msg["out_of_range"])
        chunk, bit = self._preferred_bit(p, address)
        aset = p.sets.get(chunk)
        if aset is None or bit not in aset:
            return
        old_cursor = aset.cursor
        emptied = len(aset) == 1
        then = self._step()
        aset.remove(bit)
        if emptied and self._rules.chunk_bits is not None:
            del p.sets[chunk]                   # 28 drops an empty bitmap (and its cursor)
        then(lambda: self._reset(p, chunk, aset, bit, old_cursor))

    def next_address(self, pool_id: str) -> IP | None:
        """The address ``request_address(pool_id)`` would hand out now, or None if it would fail."""
        p, child = self._lookup(pool_id, release=False)
        try:
            chunk, start, end = self._dynamic_range(p, child)
        except AllocatorFailure:
            return None
        aset = p.sets.get(chunk)
        if aset is None:
            aset = AddrSet(p.chunk_size, policy=self.policy)
        if end < start or end >= aset.size:
            return None
        bit = aset.peek(start, end)
        return None if bit is None else ip(p.network + (chunk << p.chunk_shift) + bit, p.version)

    def pool_usage(self, pool_id: str) -> tuple[list[tuple[IP, IP]], int]:
        """``(allocated, free)``: the pool's allocated addresses as inclusive ``(first, last)`` runs
        (reserved ones included), and how many addresses dynamic requests on ``pool_id`` could
        still get (the ``--ip-range``, or the part of the pool Docker searches)."""
        p, child = self._lookup(pool_id, release=False)
        runs: list[tuple[IP, IP]] = []
        for chunk in sorted(p.sets):
            base = p.network + (chunk << p.chunk_shift)
            runs.extend((ip(base + a, p.version), ip(base + b, p.version)) for a, b in p.sets[chunk].ranges())
        try:
            chunk, start, end = self._dynamic_range(p, child)
        except AllocatorFailure:
            return runs, 0
        if end < start or end >= p.chunk_size:
            return runs, 0
        aset = p.sets.get(chunk)
        taken = aset.count_range(start, end) if aset is not None else 0
        return runs, end - start + 1 - taken

    # -- snapshots ------------------------------------------------------------------------------

    def state(self, *, include_cursors: bool = False) -> dict[str, object]:
        """A plain, comparable snapshot: pools, their ranges and allocated addresses (for tests)."""
        pools: dict[str, object] = {}
        for key in sorted(self._pools):
            p = self._pools[key]
            allocated = []
            for chunk in sorted(p.sets):
                base = p.network + (chunk << p.chunk_shift)
                for a, b in p.sets[chunk].ranges():
                    first, last = ip(base + a, p.version), ip(base + b, p.version)
                    allocated.append(str(first) if a == b else f"{first}-{last}")
            pools[key] = {"explicit": p.explicit, "children": sorted(p.children),
                          "allocated": allocated}
        out: dict[str, object] = {"engine": self.engine, "pools": pools}
        if include_cursors:
            out["rotation_index"] = self._rotation
            out["cursors"] = {key: {c: s.cursor for c, s in sorted(self._pools[key].sets.items())}
                              for key in sorted(self._pools)}
        return out

    # -- internals: pool bookkeeping -------------------------------------------------------------

    def _record(self, undo) -> None:  # type: ignore[no-untyped-def]
        """Record the inverse of a change about to be made."""
        if self._journal is not None:
            self._journal.record(undo)

    def _step(self) -> Callable[[Callable[[], object]], None]:
        """Before a change whose inverse is known once it is made: see ``Journal.step``."""
        return self._journal.step() if self._journal is not None else [].append

    def _add_pool(self, master: Prefix) -> _Pool:
        p = _Pool(master, self._rules)
        if self._rules.reserve_point_to_point:
            # 20.10 insertBitMask: ordinal 0, and for IPv4 the last ordinal (the same one in a /32)
            aset = AddrSet(p.chunk_size, policy=self.policy)
            aset.add(0)
            if p.version == 4 and p.chunk_size > 1:
                aset.add(p.chunk_size - 1)
            p.sets[0] = aset
        else:
            # 28 newPoolData: the first address, except in IPv4 /31 and /32; IPv4's last (> /31)
            host_bits = master.bits - master.length
            if p.version == 6 or host_bits > 1:
                aset = AddrSet(p.chunk_size, policy=self.policy)
                aset.add(0)
                aset.cursor = 1            # reserved by a dynamic request, which moves the cursor
                if p.version == 4:
                    aset.add(p.chunk_size - 1)
                p.sets[0] = aset
        self._insert_pool(p)
        return p

    def _insert_pool(self, p: _Pool) -> None:
        self._alloc[p.version].add(p.network, p.length)     # the step that can fail, first
        self._pools[p.key] = p

    def _remove_pool(self, p: _Pool) -> None:
        self._alloc[p.version].remove(p.network, p.length)
        del self._pools[p.key]

    def _drop_pool(self, p: _Pool) -> None:
        """Inverse of a master request: release it (20.10's rotation index is not rolled back)."""
        p.explicit = False
        if not p.children and self._pools.get(p.key) is p:
            self._remove_pool(p)

    def _restore_master(self, p: _Pool, pool_back: Callable[[], object]) -> None:
        p.explicit = True
        self._reinsert_pool(p, pool_back)

    def _reinsert_pool(self, p: _Pool, pool_back: Callable[[], object]) -> None:
        """Undo of a pool's removal: it goes back in its place (``journal.put_back``)."""
        if self._pools.get(p.key) is not p:
            self._alloc[p.version].add(p.network, p.length)
            pool_back()

    def _drop_child(self, p: _Pool, key: str) -> None:
        del p.children[key]
        if not p.children and not p.explicit and self._pools.get(p.key) is p:
            self._remove_pool(p)

    def _restore_child(self, p: _Pool, child_back: Callable[[], object], pool_back: Callable[[], object]) -> None:
        child_back()
        self._reinsert_pool(p, pool_back)

    def _make_child(self, master: Prefix, sub: Prefix) -> _Child:
        bits = master.bits
        if self._rules.mask_child:
            # 28: the range is masked; one wider than the subnet is the subnet itself (pre-24.0 networks)
            rng = sub.masked() if sub.length >= master.length else master
            return _Child(str(rng), sub, None if rng == master else rng, 0, 0)
        # 20.10 getAddressRange: host parts, under the master's mask, of the range's first and last
        # addresses, truncated to 64 bits (ipToUint64)
        host_mask = (1 << (bits - master.length)) - 1
        first, last = sub.hosts_range()
        start, end = first & host_mask & _LOW64, last & host_mask & _LOW64
        return _Child(sub.text or str(sub), sub, None, start, end)

    def _parse_id(self, pool_id: str) -> tuple[str, str, str | None, str, str]:
        """(space, master key, child key, master text, child text) of a pool id, or raise."""
        msg = self._msg
        parts = pool_id.split("/") if isinstance(pool_id, str) else []
        if len(parts) not in (3, 5) or not pool_id:
            raise InvalidPoolRequest(msg["invalid_pool_id"].format(id=pool_id))
        master_text = f"{parts[1]}/{parts[2]}"
        child_text = f"{parts[3]}/{parts[4]}" if len(parts) == 5 else None
        master_key, child_key = master_text, child_text
        if self._rules.mask_child:   # 28 parses the id with netip.ParsePrefix
            try:
                m = parse_prefix_netip(master_text)
                c = parse_prefix_netip(child_text) if child_text is not None else None
            except AddrError:
                raise InvalidPoolRequest(msg["invalid_pool_id"].format(id=pool_id)) from None
            master_key = master_text = str(m)
            if c is not None:
                child_key = child_text = str(c)
        if parts[0] != ADDRESS_SPACE:
            raise PoolNotFound(msg["no_space"].format(space=parts[0]))
        parsed = (parts[0], master_key, child_key, master_text, child_text or "invalid Prefix")
        if len(self._parsed_ids) < 65536:   # parsing is a pure function of the text: cache it
            self._parsed_ids[pool_id] = parsed
        return parsed

    def _lookup(self, pool_id: str, *, release: bool) -> tuple[_Pool, _Child | None]:
        parsed = self._parsed_ids.get(pool_id)
        if parsed is None:
            parsed = self._parse_id(pool_id)
        _, master_key, child_key, nw, sub = parsed
        p = self._pools.get(master_key)
        if p is not None:  # the common case, first
            if child_key is None:
                return p, None
            found = p.children.get(child_key)
            if found is not None:
                return p, found
        # 28 words a missing parent on release without "poolID:"; a missing child always with it
        which = "no_pool_release" if p is None and release else "no_pool"
        raise PoolNotFound(self._msg[which].format(id=pool_id, nw=nw, sub=sub))

    # -- internals: choosing a pool ----------------------------------------------------------------

    def _exhausted(self, version: int) -> PoolsExhausted:
        kind, status = self._rules.exhausted_kind
        return PoolsExhausted(self._msg["exhausted"].format(v=version), kind, status)

    def _rotate(self, version: int, exclude: Sequence[Prefix],
                commit: bool = True) -> tuple[int, int, int]:
        """20.10: getPredefinedPool in requestPoolHelper's loop.  Pools that overlap ``exclude``
        are held (so skipped) and the index moves past them; it moves even if the loop then fails.
        """
        bits = _BITS[version]
        excl = [(e.addr.value & ~((1 << (bits - e.length)) - 1), e.length)
                for e in exclude if e.version == version]
        index = self._rotation
        total = len(self._predefined)
        held: list[tuple[int, int]] = []
        while True:
            j = self._predefined.scan(index, version, self._alloc[version], held)
            if j is None:
                if commit:
                    self._rotation = index
                raise self._exhausted(version)
            net, length, _ = self._predefined[(index + j) % total]
            nxt = index + j + 1
            index = 0 if nxt >= total else nxt       # no modulo: past the end means back to 0
            if length == 0 or not any(overlaps(net, length, e, el, bits) for e, el in excl):
                return net, length, index
            held.append((net, length))

    def _first_fit(self, version: int, exclude: Sequence[Prefix]) -> tuple[int, int]:
        """28: allocatePredefinedPool over the allocated pools and the sorted reserved prefixes."""
        bits = _BITS[version]
        reserved = sorted((e.addr.value & ~((1 << (bits - e.length)) - 1), e.length)
                          for e in exclude if e.version == version)
        found = allocate_predefined(self._alloc[version].items, reserved, self._bases[version], bits)
        if found is None:
            raise self._exhausted(version)
        return found

    # -- internals: addresses -------------------------------------------------------------------

    def _preferred_bit(self, p: _Pool, address: IP) -> tuple[int, int]:
        ordinal = address.value - p.network
        if self._rules.v6_bitmap_low64 and p.version == 6:
            ordinal &= _LOW64                       # ipToUint64 keeps the low 64 bits
            if ordinal >= p.chunk_size:
                raise AllocatorFailure(self._msg["bit_sequence"])
        return p.locate(ordinal)

    def _hint_bit(self, p: _Pool, chunk: int, hint: IP | None) -> int | None:
        if hint is None or not p.prefix.contains(hint):
            return None
        try:
            hint_chunk, bit = self._preferred_bit(p, hint)
        except AllocatorFailure:
            return None
        return bit if hint_chunk == chunk else None

    def _dynamic_range(self, p: _Pool, child: _Child | None) -> tuple[int, int, int]:
        """(bitmap, first bit, last bit) that a dynamic request searches."""
        whole = p.chunk_size - 1
        if child is None:
            return 0, 0, whole
        if not self._rules.mask_child:
            return 0, child.start, child.end
        rng = child.range_prefix
        if rng is None:
            return 0, 0, whole
        if not p.prefix.contains(rng):
            raise AllocatorFailure(self._msg["range_not_in_subnet"].format(range=rng, pool=p.prefix))
        chunk, start = p.locate(rng.addr.value - p.network)
        if rng.size >= p.chunk_size:                # a range as big as a bitmap: all of that bitmap
            return chunk, 0, whole
        return chunk, start, start + rng.size - 1

    def _unset(self, p: _Pool, chunk: int, aset: AddrSet, bit: int, cursor: int) -> None:
        """Undo of request_address."""
        aset.remove(bit)
        aset.cursor = cursor
        if not len(aset) and p.sets.get(chunk) is aset:
            del p.sets[chunk]

    def _reset(self, p: _Pool, chunk: int, aset: AddrSet, bit: int, cursor: int) -> None:
        """Undo of release_address."""
        aset.add(bit)
        aset.cursor = cursor
        p.sets[chunk] = aset


def _predefined_entries(pools: Sequence[tuple[Prefix, int]] | None, rules: IpamRules,
                        ula_base: Prefix | None) -> list[tuple[int, int, int, int]]:
    """(base network, base length, size, version) per ``--default-address-pool`` entry."""
    given = default_pools() if pools is None else list(pools)
    out = []
    for i, (base, size) in enumerate(given):
        if not base.length <= size <= base.bits:
            if rules.rotate_pools:
                raise InvalidParameter(f"invalid pools size: {size}")
            raise InvalidParameter(f"network at index {i} (&{{{base} {size}}}) has a smaller prefix "
                                   f"(/{base.length}) than the target size of that pool (/{size})")
        out.append((base.masked().addr.value, base.length, size, base.version))
    if rules.ula_default and ula_base is not None and not any(e[3] == 6 for e in out):
        out.append((ula_base.masked().addr.value, ula_base.length, 64, 6))
    return out
