"""A lazy set of allocated ordinals: the bitmap behind Docker's default IPAM.

Mirrors libnetwork's ``bitseq``/``bitmap`` (20.10) and ``internal/addrset`` (28): a pool of
``size`` ordinals (host parts of addresses), some of which are taken.  A pool may be as big as
an IPv6 ``::/0`` (2**128 ordinals), so nothing is ever materialised: memory grows with what is
allocated, never with ``size``.

How it is stored (chosen by measurement, see ``bench/ipam_bench.py``):

* ordinals are grouped in blocks of ``BLOCK_BITS`` (256); each block that holds at least one
  ordinal is a Python ``int`` bit mask in a dict (an empty block is simply absent);
* the indexes of *full* blocks are kept as sorted, merged runs ``[start, end)`` (two lists
  searched with ``bisect``), so "the next block with a free bit" is one ``bisect``, however
  much of the pool is taken;
* the lowest free bit of a block is found with integer tricks (``~m & (m + 1)``), in C.

Every operation is O(log(number of full-block runs)) plus a few operations on 256-bit ints, so
the cost of an allocation does not grow with the number of addresses allocated.

Allocation policies (``Policy``):

* ``lowest`` (Docker's local behaviour): the lowest free ordinal of the range;
* ``round-robin`` (what swarm's allocator asks for with ``com.docker.network.ipam.serial``):
  the first free ordinal at or after the one following the previous dynamic allocation,
  wrapping to the start of the range;
* ``sticky`` (not Docker; a what-if knob): like ``lowest``, but a caller's ``hint`` (say, the
  address a container had before it stopped) is honoured when it is free and in range.

>>> s = AddrSet(8)
>>> s.add(0); s.add(7)            # network and broadcast of a /29
>>> s.add_any_in_range(0, 7)
1
>>> s.add_any_in_range(0, 7)
2
>>> s.remove(1)
True
>>> s.add_any_in_range(0, 7)      # first-available, not serial
1
>>> list(s)
[0, 1, 2, 7]
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterator

__all__ = [
    "AddrSet",
    "AddrSetError",
    "AlreadyAllocated",
    "NoneAvailable",
    "OrdinalOutOfRange",
    "Policy",
    "BLOCK_BITS",
]

#: bits per block: 256-bit ints are still cheap to copy, and only 1/256 of allocations touch the
#: full-block runs.  (Filling a /16: 64..1024 bits per block all within 10%; 4096 is 30% slower.)
SHIFT = 8
BLOCK_BITS = 1 << SHIFT
_LOW = BLOCK_BITS - 1
_FULL = (1 << BLOCK_BITS) - 1


class AddrSetError(Exception):
    """Base of the allocator's own errors (the IPAM maps them to Docker's texts)."""


class AlreadyAllocated(AddrSetError):
    """The ordinal is already in the set (bitmap ``ErrBitAllocated``)."""


class NoneAvailable(AddrSetError):
    """No free ordinal in the requested range (bitmap ``ErrNoBitAvailable``)."""


class OrdinalOutOfRange(AddrSetError, ValueError):
    """The ordinal is not in ``[0, size)``."""


class Policy(str, enum.Enum):
    """How ``add_any_in_range`` picks among the free ordinals."""

    LOWEST = "lowest"
    ROUND_ROBIN = "round-robin"
    STICKY = "sticky"


class AddrSet:
    """Allocated ordinals of one pool of ``size`` ordinals, lazily stored.

    ``cursor`` is the serial cursor of Docker's bitmap: the ordinal after the last dynamic
    allocation.  It is updated by every ``add_any_in_range`` whatever the policy (as Docker
    does), read only by the ``round-robin`` policy, and reset when the set becomes empty
    (Docker 28 drops an empty bitmap and starts a fresh one).

    >>> s = AddrSet(2**64, policy="round-robin")
    >>> s.add(0)
    >>> [s.add_any_in_range(0, 2**63 - 1) for _ in range(3)]
    [1, 2, 3]
    >>> s.remove(1)
    True
    >>> s.add_any_in_range(0, 2**63 - 1)   # serial: carries on after 3
    4
    """

    __slots__ = ("_size", "_blocks", "_count", "_rs", "_re", "_lastb", "_lastfull",
                 "cursor", "policy")

    def __init__(self, size: int, *, policy: Policy | str = Policy.LOWEST) -> None:
        if size < 1:
            raise ValueError(f"an address set needs at least one ordinal, not {size}")
        self._size = size
        self._blocks: dict[int, int] = {}
        self._count = 0
        self._rs: list[int] = []  # starts of runs of full blocks
        self._re: list[int] = []  # ends (exclusive) of runs of full blocks
        self._lastb = (size - 1) >> SHIFT
        self._lastfull = (1 << (size - (self._lastb << SHIFT))) - 1
        self.cursor = 0
        self.policy = Policy(policy)

    # -- queries -----------------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Number of ordinals in the pool (allocated or not)."""
        return self._size

    def __len__(self) -> int:
        return self._count

    count = property(__len__, doc="Number of ordinals allocated.")

    @property
    def free(self) -> int:
        """Number of ordinals not allocated."""
        return self._size - self._count

    def __contains__(self, ordinal: object) -> bool:
        if not isinstance(ordinal, int) or ordinal < 0:
            return False
        return bool((self._blocks.get(ordinal >> SHIFT, 0) >> (ordinal & _LOW)) & 1)

    def __iter__(self) -> Iterator[int]:
        """The allocated ordinals, ascending."""
        blocks = self._blocks
        for b in sorted(blocks):
            m = blocks[b]
            base = b << SHIFT
            while m:
                low = m & -m
                yield base + low.bit_length() - 1
                m ^= low

    def __repr__(self) -> str:
        return f"AddrSet(size={self._size}, count={self._count}, policy={self.policy.value!r})"

    def ranges(self) -> list[tuple[int, int]]:
        """The allocated ordinals as merged inclusive ranges ``[(first, last), ...]``."""
        out: list[tuple[int, int]] = []
        start = last = -2
        blocks = self._blocks
        for b in sorted(blocks):
            m = blocks[b]
            base = b << SHIFT
            if m == _FULL:  # a whole block at once
                if base == last + 1:
                    last = base + _LOW
                else:
                    if start >= 0:
                        out.append((start, last))
                    start, last = base, base + _LOW
                continue
            while m:
                shift = (m & -m).bit_length() - 1  # the lowest set bit starts a run of ones
                x = m >> shift
                n = (~x & (x + 1)).bit_length() - 1  # its length
                first = base + shift
                if first == last + 1:
                    last = first + n - 1
                else:
                    if start >= 0:
                        out.append((start, last))
                    start, last = first, first + n - 1
                m &= ~(((1 << n) - 1) << shift)
        if start >= 0:
            out.append((start, last))
        return out

    def count_range(self, start: int, end: int) -> int:
        """How many ordinals of ``[start, end]`` are allocated (cost grows with what is allocated)."""
        if end < start:
            return 0
        if start <= 0 and end >= self._size - 1:
            return self._count
        lo_b, hi_b = start >> SHIFT, end >> SHIFT
        total = 0
        for b, m in self._blocks.items():
            if lo_b <= b <= hi_b:
                if b == lo_b:
                    m &= ~((1 << (start & _LOW)) - 1)
                if b == hi_b:
                    m &= (1 << ((end & _LOW) + 1)) - 1
                total += m.bit_count()
        return total

    def first_free(self, start: int = 0, end: int | None = None) -> int | None:
        """The lowest free ordinal in ``[start, end]`` (``end`` defaults to the last one)."""
        if end is None or end >= self._size:
            end = self._size - 1
        if start < 0:
            start = 0
        if start > end:
            return None
        o = self._first_free(start)
        return o if o <= end else None

    def peek(self, start: int = 0, end: int | None = None, *, hint: int | None = None) -> int | None:
        """What ``add_any_in_range(start, end, hint=hint)`` would return, without allocating."""
        if end is None:
            end = self._size - 1
        if end < start or end >= self._size or start < 0 or self._count >= self._size:
            return None
        o = self._choose(start, end, hint)
        return o if o >= 0 else None

    # -- mutations ---------------------------------------------------------------------------

    def add(self, ordinal: int) -> None:
        """Allocate exactly ``ordinal`` (Docker's preferred address); does not move the cursor."""
        if ordinal < 0 or ordinal >= self._size:
            raise OrdinalOutOfRange(f"ordinal {ordinal} is not in [0, {self._size})")
        b = ordinal >> SHIFT
        bit = 1 << (ordinal & _LOW)
        blocks = self._blocks
        m = blocks.get(b, 0)
        if m & bit:
            raise AlreadyAllocated(f"ordinal {ordinal} is already allocated")
        m |= bit
        if m == _FULL or (b == self._lastb and m == self._lastfull):
            self._mark_full(b)       # the one call, before the change it belongs to
        blocks[b] = m
        self._count += 1

    def add_any_in_range(self, start: int, end: int, *, hint: int | None = None) -> int:
        """Allocate a free ordinal of ``[start, end]`` chosen by ``policy``, and return it.

        Raises ``OrdinalOutOfRange`` for a bad range and ``NoneAvailable`` when it is full.
        """
        if end < start or start < 0 or end >= self._size:
            raise OrdinalOutOfRange(f"invalid range [{start}, {end}] for a set of {self._size}")
        if self._count >= self._size:
            raise NoneAvailable("no free ordinal")
        if self.policy is Policy.LOWEST:
            o = self._first_free(start)  # inlined _choose for the common case
        else:
            o = self._choose(start, end, hint)
        if o < 0 or o > end:
            raise NoneAvailable(f"no free ordinal in [{start}, {end}]")
        # inlined add()
        b = o >> SHIFT
        blocks = self._blocks
        m = blocks.get(b, 0) | (1 << (o & _LOW))
        if m == _FULL or (b == self._lastb and m == self._lastfull):
            self._mark_full(b)
        blocks[b] = m
        self._count += 1
        self.cursor = o + 1
        return o

    def remove(self, ordinal: int) -> bool:
        """Release ``ordinal``; returns whether it was allocated (releasing a free one is a no-op,
        as in Docker)."""
        if ordinal < 0 or ordinal >= self._size:
            raise OrdinalOutOfRange(f"ordinal {ordinal} is not in [0, {self._size})")
        b = ordinal >> SHIFT
        bit = 1 << (ordinal & _LOW)
        blocks = self._blocks
        m = blocks.get(b, 0)
        if not m & bit:
            return False
        if m == _FULL or (b == self._lastb and m == self._lastfull):
            self._unmark_full(b)
        m ^= bit
        if m:
            blocks[b] = m
        else:
            del blocks[b]
        self._count -= 1
        if not self._count:
            self.cursor = 0
        return True

    def copy(self) -> AddrSet:
        """An independent copy (cost proportional to what is allocated)."""
        new = AddrSet.__new__(AddrSet)
        new._size = self._size
        new._blocks = dict(self._blocks)
        new._count = self._count
        new._rs = list(self._rs)
        new._re = list(self._re)
        new._lastb = self._lastb
        new._lastfull = self._lastfull
        new.cursor = self.cursor
        new.policy = self.policy
        return new

    # -- internals ---------------------------------------------------------------------------

    def _choose(self, start: int, end: int, hint: int | None) -> int:
        """The ordinal the policy picks in ``[start, end]``, or -1 (caller checks ``<= end``)."""
        policy = self.policy
        if policy is Policy.STICKY and hint is not None and start <= hint <= end and hint not in self:
            return hint
        if policy is Policy.ROUND_ROBIN:
            cur = self.cursor
            if cur != 0 and cur > start and cur < self._size:
                o = self._first_free(cur)
                if 0 <= o <= end:
                    return o
        o = self._first_free(start)
        return o if o <= end else -1

    def _first_free(self, o: int) -> int:
        """The lowest free ordinal >= ``o`` (``o`` < size), or -1 when there is none."""
        b = o >> SHIFT
        rs = self._rs
        if rs:
            i = bisect_right(rs, b) - 1
            if i >= 0 and self._re[i] > b:  # o's block is full: skip its run
                b = self._re[i]
                o = b << SHIFT
        blocks = self._blocks
        m = blocks.get(b, 0) >> (o & _LOW)
        o += (~m & (m + 1)).bit_length() - 1
        if o >> SHIFT != b:
            # the free bits of this block all lie below o: go to the next block with room
            b += 1
            if rs:
                i = bisect_right(rs, b) - 1
                if i >= 0 and self._re[i] > b:
                    b = self._re[i]
            m = blocks.get(b, 0)
            o = (b << SHIFT) + (~m & (m + 1)).bit_length() - 1
        return o if o < self._size else -1

    def _mark_full(self, b: int) -> None:
        rs, re = self._rs, self._re
        i = bisect_right(rs, b)
        left = i > 0 and re[i - 1] == b
        right = i < len(rs) and rs[i] == b + 1
        if left and right:
            re[i - 1] = re[i]
            del rs[i], re[i]
        elif left:
            re[i - 1] = b + 1
        elif right:
            rs[i] = b
        else:
            rs.insert(i, b)
            re.insert(i, b + 1)

    def _unmark_full(self, b: int) -> None:
        rs, re = self._rs, self._re
        i = bisect_right(rs, b) - 1
        s, e = rs[i], re[i]
        if s == b and e == b + 1:
            del rs[i], re[i]
        elif s == b:
            rs[i] = b + 1
        elif e == b + 1:
            re[i] = b
        else:
            re[i] = b
            rs.insert(i + 1, b + 1)
            re.insert(i + 1, e)
