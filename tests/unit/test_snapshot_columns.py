"""The snapshot's columns are decoded whole (issue 15): each column gives what decoding its values
one by one gives, with the same types and the same objects referred to, and a column that is not
one the writer writes is refused with the field named."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from dockernet_sim import DockerHost, persist
from dockernet_sim.addr import IP, Prefix
from dockernet_sim.engines import PROFILES
from dockernet_sim.persist import PersistError
from dockernet_sim.snapshot import DATA_CLASSES
from tests.unit.test_snapshot import _column, _edit, _set, build

reader = importlib.import_module("dockernet_sim.snapshot.read")


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types, the model's objects the very same ones."""
    if type(a) is not type(b):
        return False
    if type(a) in DATA_CLASSES:
        return a is b
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(map(_same, a, b))
    if type(a) is dict:
        return list(a) == list(b) and all(map(_same, a.values(), b.values()))
    if type(a) in (IP, Prefix):
        return str(a) == str(b) and a == b
    return bool(a == b)


@pytest.mark.parametrize("engine", list(PROFILES))
def test_each_column_decodes_as_its_values_one_by_one(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = reader._Reader.column
    seen: list[str] = []
    inner: list[bool] = []     # (a list-or-tuple's decoder reads its value as a column of one)

    def both(self: Any, t: Any, col: list[Any]) -> list[Any]:
        got = whole(self, t, col)
        if not inner:
            inner.append(True)
            one_by_one = [self.decoder(t)(x) for x in col]
            inner.pop()
            assert len(got) == len(col) and all(map(_same, got, one_by_one)), t
            seen.append(str(t))
        return got

    monkeypatch.setattr(reader._Reader, "column", both)
    persist.loads(persist.dumps(build(engine)), DockerHost)
    # the kinds of column the fast paths take: tuples, fixed tuples, pair dicts, shared tuples
    assert {"tuple[str, ...]", "dict[kernel.links.Link, int] | tuple[()]", "list[tuple[int, int]]"} <= \
        {s.replace("dockernet_sim.", "") for s in seen}


@pytest.fixture(scope="module")
def text() -> str:
    return persist.dumps(build("28"))


@pytest.mark.parametrize("change, message", [
    (_column("Link", "ports", lambda c: [{"$tuple": 0}] + c[1:]), 'Link.ports: a {"$tuple": ...} value is not a list'),
    (_column("Link", "ports", lambda c: [{"$tuple": [[0, 1]]}] + c[1:]),
     "Link.ports: a value is not a list of pairs or an empty tuple"),
    (_column("Link", "port_mtus", lambda c: [[[1]]] + c[1:]), "Link.port_mtus: a value is not a list of [key, value] "
                                                              "pairs"),
    (_column("Link", "port_mtus", lambda c: [[[1, "x"]]] + c[1:]), "Link.port_mtus: a value is not an integer"),
    (_column("Container", "cmd", lambda c: [["sh", 1]] + c[1:]), "Container.cmd: a value is not a string"),
    (_column("Container", "cmd", lambda c: ["sh"] + c[1:]), "Container.cmd: a value is not a list"),
    (_column("PrefixIndex", "items", lambda c: [[[1]]] + c[1:]), "PrefixIndex.items: a value is not a list of 2"),
    (_column("PrefixIndex", "items", lambda c: [[[1, True]]] + c[1:]), "PrefixIndex.items: a value is not an integer"),
    (_set(["snapshot", "parts", "ctl", "last_address"], [[1]]),
     "ctl.last_address: [[1]] is not a list of [key, value] pairs"),
    (_set(["snapshot", "parts", "ctl", "sandboxes"], {"x": -1}), "ctl.sandboxes: -1 names no Sandbox of the snapshot"),
])
def test_a_column_the_writer_never_writes_is_refused(text: str, change: Any, message: str) -> None:
    with pytest.raises(PersistError) as info:
        persist.loads(_edit(text, change), DockerHost)
    assert str(info.value) == "not a valid host file: snapshot " + message
    assert json.loads(text)     # (the edit was of a copy)
