"""An undo journal: what makes every Engine API call atomic.

Each mutation of the model records how to reverse itself; an API call runs inside
``journal.transaction()`` and, if it raises, the recorded inverses run newest first, leaving the
host exactly as it was. The cost is proportional to what the call changed, never to the size of
the host (no copying of whole tables).

>>> j = Journal(); xs = []
>>> try:
...     with j.transaction():
...         xs.append(1); j.record(xs.pop)
...         raise ValueError
... except ValueError:
...     pass
>>> xs
[]
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator


class Journal:
    __slots__ = ("_stack",)

    def __init__(self) -> None:
        self._stack: list[list[Callable[[], object]]] = []

    @property
    def active(self) -> bool:
        return bool(self._stack)

    def record(self, undo: Callable[[], object]) -> None:
        """Remember how to reverse a change just made (a no-op outside a transaction)."""
        if self._stack:
            self._stack[-1].append(undo)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._stack.append([])
        try:
            yield
        except BaseException:
            undos = self._stack.pop()
            for fn in reversed(undos):
                fn()
            raise
        else:
            undos = self._stack.pop()
            if self._stack:  # nested: the outer transaction may still roll back
                self._stack[-1].extend(undos)
