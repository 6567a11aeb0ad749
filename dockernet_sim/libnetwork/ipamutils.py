"""Docker's predefined address pools and the two ways an engine picks one.

Mirrors libnetwork's ``ipamutils`` (the default ``--default-address-pool`` list, split into
subnets) and the pool choice of the default IPAM (``ipam.getPredefinedPool`` in 20.10,
``defaultipam.addrSpace.allocatePredefinedPool`` in 27+), as pure functions over ints:

* 20.10 walks the *virtual* list of split subnets (never materialised: a ``10.0.0.0/8`` split
  into /24s is 65,536 entries, an IPv6 /48 into /64s as many) starting at a rotating index;
* 28 walks the sorted bases against the merged, sorted lists of allocated and reserved
  prefixes (a faithful re-implementation of Docker's algorithm, including what it does when
  reserved prefixes nest, where it can differ from a naive first-fit).

A prefix here is a pair ``(network, length)`` of ints; ``bits`` is 32 or 128.

>>> pools = PredefinedList([(0xAC110000, 16, 16, 4), (0xC0A80000, 16, 20, 4)])
>>> len(pools), pools[1] == (0xC0A80000, 20, 4)
(17, True)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate

from ..ids import sha256
from ..addr import Prefix, parse_prefix, prefix

__all__ = [
    "DEFAULT_LOCAL_POOLS", "PredefinedList", "PrefixIndex", "allocate_predefined",
    "derive_ula_base", "default_pools",
]

#: ipamutils ``localScopeDefaultNetworks``: (base, size).  Identical in 20.10 and 28.
DEFAULT_LOCAL_POOLS: tuple[tuple[str, int], ...] = (
    ("172.17.0.0/16", 16), ("172.18.0.0/16", 16), ("172.19.0.0/16", 16),
    ("172.20.0.0/14", 16), ("172.24.0.0/14", 16), ("172.28.0.0/14", 16),
    ("192.168.0.0/16", 20),
)

_BITS = {4: 32, 6: 128}


def default_pools() -> list[tuple[Prefix, int]]:
    """Docker's local default pools as ``(base, size)`` pairs (what ``default_pools=None`` means)."""
    return [(parse_prefix(base), size) for base, size in DEFAULT_LOCAL_POOLS]


def derive_ula_base(engine_id: str) -> Prefix:
    """Docker 27+'s IPv6 ULA base for an engine ID: ``fd`` + 40 bits of SHA-256 + ``::/48``.

    (``daemon.deriveULABaseNetwork``; the spec's worked example.)

    >>> str(derive_ula_base("6d2b8c3e-9a3c-4b1f-8f0e-1a2b3c4d5e6f"))
    'fd7d:a30f:c0b4::/48'
    """
    digest = sha256(engine_id.encode()).digest()
    gid = int.from_bytes(digest[:8], "big") & ((1 << 40) - 1)
    return prefix((0xFD << 120) | (gid << 80), 48, 6)


def overlaps(a_net: int, a_len: int, b_net: int, b_len: int, bits: int) -> bool:
    """Whether two prefixes of the same family share an address."""
    shift = bits - min(a_len, b_len)
    return a_net >> shift == b_net >> shift


class PredefinedList:
    """The split predefined pools in the daemon's order, as a lazy sequence of
    ``(network, length, version)``; built from ``(base_net, base_len, size, version)`` entries.
    """

    __slots__ = ("entries", "_offsets", "_total")

    def __init__(self, entries: Iterable[tuple[int, int, int, int]]) -> None:
        self.entries = tuple(entries)
        counts = [1 << (size - length) for _, length, size, _ in self.entries]
        self._offsets = [0, *accumulate(counts)]
        self._total = self._offsets[-1]

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, i: int) -> tuple[int, int, int]:
        if not 0 <= i < self._total:
            raise IndexError(i)
        seg = bisect_right(self._offsets, i) - 1
        net, _, size, version = self.entries[seg]
        return net + ((i - self._offsets[seg]) << (_BITS[version] - size)), size, version

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        for net, length, size, version in self.entries:
            step = 1 << (_BITS[version] - size)
            for k in range(1 << (size - length)):
                yield net + k * step, size, version

    def scan(self, start: int, version: int, taken: PrefixIndex,
             extra: Iterable[tuple[int, int]] = ()) -> int | None:
        """20.10's ``getPredefinedPool`` walk: the offset ``j`` (0-based, in rotated order from
        ``start``) of the first entry of ``version`` that overlaps nothing in ``taken`` or
        ``extra``; ``None`` when there is none.  Runs of taken entries are skipped in one step.
        """
        total = self._total
        if not total:
            return None
        start = start if start < total else 0
        bits = _BITS[version]
        extra = list(extra)
        for lo, hi in ((start, total), (0, start)):
            p = lo
            while p < hi:
                seg = bisect_right(self._offsets, p) - 1
                net, _, size, seg_version = self.entries[seg]
                seg_end = min(self._offsets[seg + 1], hi)
                if seg_version != version:
                    p = seg_end
                    continue
                step_bits = bits - size
                k = p - self._offsets[seg]
                cand = net + (k << step_bits)
                last = cand + (1 << step_bits) - 1
                block_end = taken.overlap_end(cand, last)
                for e_net, e_len in extra:
                    if overlaps(cand, size, e_net, e_len, bits):
                        e_last = e_net + (1 << (bits - e_len)) - 1
                        block_end = e_last if block_end is None else max(block_end, e_last)
                if block_end is None:
                    return p - start if p >= start else p + total - start
                # skip every entry of this segment that starts at or before block_end
                p = min(max(p + 1, self._offsets[seg] + ((block_end - net) >> step_bits) + 1), seg_end)
        return None


class PrefixIndex:
    """Sorted prefixes of one family (may nest), answering "what overlaps [first, last]?"
    with one ``bisect`` (a running maximum of ends makes nesting harmless)."""

    __slots__ = ("bits", "items", "_nets", "_lasts", "_maxlast")

    def __init__(self, bits: int) -> None:
        self.bits = bits
        self.items: list[tuple[int, int]] = []   # (network, length), sorted like Docker's PrefixCompare
        self._nets: list[int] = []
        self._lasts: list[int] = []
        self._maxlast: list[int] = []

    def __len__(self) -> int:
        return len(self.items)

    def add(self, net: int, length: int) -> None:
        i = bisect_right(self.items, (net, length))
        self.items.insert(i, (net, length))
        self._nets.insert(i, net)
        self._lasts.insert(i, net + (1 << (self.bits - length)) - 1)
        self._maxlast = list(accumulate(self._lasts, max))

    def remove(self, net: int, length: int) -> None:
        i = bisect_right(self.items, (net, length)) - 1
        if i < 0 or self.items[i] != (net, length):
            raise KeyError((net, length))
        del self.items[i], self._nets[i], self._lasts[i]
        self._maxlast = list(accumulate(self._lasts, max))

    def overlap_end(self, first: int, last: int) -> int | None:
        """The greatest last address among the prefixes overlapping ``[first, last]``, or None."""
        i = bisect_right(self._nets, last) - 1
        if i < 0 or self._maxlast[i] < first:
            return None
        return self._maxlast[i]


def allocate_predefined(allocated: list[tuple[int, int]], reserved: list[tuple[int, int]],
                        bases: list[tuple[int, int, int]], bits: int) -> tuple[int, int] | None:
    """Docker 27+'s dynamic subnet choice; ``None`` means "fully subnetted".

    ``allocated`` and ``reserved`` are sorted by (network, length); ``bases`` are the sorted,
    de-overlapped ``(base_net, base_len, size)`` predefined entries.  Walks both lists merged
    (allocated first on ties) against the bases, tracking whether the current base is
    partially covered and by what; a free subnet is returned at the first gap that fits.
    """
    full = (1 << bits) - 1

    def after(net: int, length: int, size: int) -> tuple[int, int] | None:
        # the prefix of `size` right after (net, length); None when the address space wraps
        step = 1 << (bits - min(length, size))
        nxt = (net + step) & full
        if nxt == 0:
            return None
        return nxt & ~((1 << (bits - size)) - 1) & full, size

    def subnets_between(a1: int, a2: int, size: int) -> int:
        if a2 < a1:
            return 0
        shift = bits - size
        return min((a2 >> shift) - (a1 >> shift), (1 << 64) - 1)

    ia = ib = 0
    na, nb = len(allocated), len(reserved)
    pdf = 0
    partial = False
    prev: tuple[int, int] | None = None
    while True:
        if ia < na and (ib >= nb or allocated[ia] <= reserved[ib]):
            cur, from_allocated = allocated[ia], True
        elif ib < nb:
            cur, from_allocated = reserved[ib], False
        else:
            break
        if pdf >= len(bases):
            return None
        b_net, b_len, size = bases[pdf]
        c_net, c_len = cur
        if overlaps(c_net, c_len, b_net, b_len, bits):
            if c_len <= b_len:  # cur covers the whole base
                partial, prev = False, None
                pdf += 1
                continue
            if not partial and subnets_between(b_net, c_net, size) >= 1:
                return b_net, size  # room at the start of the base
            if partial and prev is not None:
                nxt = after(prev[0], prev[1], size)
                if nxt is not None and subnets_between(nxt[0], c_net, size) >= 1:
                    return nxt  # room between the previous prefix and this one
            if from_allocated:
                ia += 1
            else:
                ib += 1
            if c_net + (1 << (bits - c_len)) == b_net + (1 << (bits - b_len)):
                partial, prev = False, None  # cur reaches the end of the base
                pdf += 1
                continue
            partial, prev = True, cur
            continue
        if partial:
            partial = False
            nxt = after(prev[0], prev[1], size) if prev is not None else None
            if nxt is not None and overlaps(b_net, b_len, nxt[0], nxt[1], bits):
                return nxt
            pdf += 1  # re-test cur against the next base
            continue
        if b_net < c_net:
            return b_net, size  # the base lies wholly before cur
        if from_allocated:
            ia += 1
        else:
            ib += 1
        prev = cur
    if pdf >= len(bases):
        return None
    if partial and prev is not None:
        b_net, b_len, size = bases[pdf]
        nxt = after(prev[0], prev[1], size)
        if nxt is not None and overlaps(b_net, b_len, nxt[0], nxt[1], bits):
            return nxt
        pdf += 1
    if pdf < len(bases):
        return bases[pdf][0], bases[pdf][2]
    return None
