"""An undo journal: what makes every Engine API call atomic.

Each mutation of the model records how to reverse itself *before* it is made (or is one step
with its inverse, as ``Firewall`` and ``Ipam`` calls are); an API call runs inside
``journal.transaction()`` and, if anything is raised — a Docker error, a bug, or a
``KeyboardInterrupt`` — the recorded inverses run newest first, leaving the host exactly as it
was. State that every call touches in the same way (the host's random source and clock) is not
journaled step by step: a *checkpoint* taken when a transaction opens gives it back on a
rollback. The cost is proportional to what the call changed, never to the size of the host (no
copying of whole tables).

``transaction(keep=…)`` is for an API call made of steps that stand on their own, as dockerd's
are in ``docker run`` (a failed start leaves the created container) and ``docker restart``: an
exception of a ``keep`` type keeps the steps that completed, anything else (an interrupt, a bug)
takes the whole call back.

>>> j = Journal(); xs = []
>>> try:
...     with j.transaction():
...         j.record(xs.pop); xs.append(1)
...         raise ValueError
... except ValueError:
...     pass
>>> xs
[]
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

Undo = Callable[[], object]


class Journal:
    """The undo log of one host. ``checkpoints`` are called when a transaction opens; each
    returns the undo that puts its piece of state back as it was at that moment."""

    __slots__ = ("_stack", "_checkpoints", "_rolling_back", "_survivors")

    def __init__(self, checkpoints: Sequence[Callable[[], Undo]] = ()) -> None:
        self._stack: list[list[Undo]] = []
        self._checkpoints = tuple(checkpoints)
        self._rolling_back = False
        self._survivors: list[list[Callable[[], object]]] = []

    @property
    def active(self) -> bool:
        return bool(self._stack)

    @property
    def rolling_back(self) -> bool:
        """True while recorded inverses run (a fault-injection test leaves these alone)."""
        return self._rolling_back

    def record(self, undo: Undo) -> None:
        """Remember how to reverse a change about to be made (a no-op outside a transaction, and
        while a rollback runs: an undo's own changes are not undone again)."""
        if self._stack and not self._rolling_back:
            self._stack[-1].append(undo)

    def step(self) -> Callable[[Undo], None]:
        """For a change whose inverse is known only once it is made (the address an allocator
        picked): record a slot for the inverse *before* the change; the function returned fills
        it afterwards (``list.append``: nothing can fail between the change and it)."""
        slot: list[Undo] = []
        self.record(lambda: slot[0]() if slot else None)
        return slot.append

    def survive_rollback(self, redo: Callable[[], object]) -> None:
        """Where a real engine is not atomic: ``redo`` runs after the innermost transaction has
        rolled back, and its own changes are recorded in the enclosing one (if any). Each use
        names the profile behaviour it imitates."""
        if self._survivors:
            self._survivors[-1].append(redo)

    @contextmanager
    def transaction(self, keep: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
        # No calls between taking the undos off the stack and running or handing them on: an
        # interrupt there would lose them.
        undos = [cp() for cp in self._checkpoints]
        stack, survivors = self._stack, self._survivors
        stack.append(undos)
        survivors.append([])
        try:
            yield
        except BaseException as e:
            stack.pop()
            redo = survivors.pop()
            if keep and isinstance(e, keep):
                if stack:
                    stack[-1].extend(undos)
                raise
            outer, self._rolling_back = self._rolling_back, True
            try:
                for fn in reversed(undos):
                    fn()
            finally:
                self._rolling_back = outer
            for fn in redo:
                fn()
            raise
        else:
            stack.pop()
            survivors.pop()
            if stack:  # nested: the outer transaction may still roll back
                stack[-1].extend(undos)


_ABSENT: Any = object()


def restore_item(table: dict[Any, Any], key: Any) -> Undo:
    """The undo of setting or removing ``table[key]``: its value now back, or the key gone if it
    has none (a sysctl written, a setting changed)."""
    old = table.get(key, _ABSENT)
    return lambda: table.pop(key, None) if old is _ABSENT else table.__setitem__(key, old)


def put_back(table: dict[Any, Any], key: Any, value: Any) -> Undo:
    """The undo of taking ``key`` out of an ordered table: it goes back in its place (listings
    follow the order). The order is copied now, at C speed; the table is rebuilt only on a
    rollback, and only if the key was not the last."""
    order = tuple(table)

    def undo() -> None:
        table[key] = value
        if order and order[-1] != key:
            current = dict(table)
            table.clear()
            table.update((k, current[k]) for k in order if k in current)
            table.update(current)
    return undo
