"""``graphcopy.deep_copy``, the copy a fork makes: every mutable object anew with the same
cross-references (cycles included), every value shared, whichever copier a class gets (its
generic one for the first copies, its compiled one once hot)."""

from __future__ import annotations

import random
from enum import Enum
from typing import TYPE_CHECKING, Any, Optional

import pytest

from dockernet_sim import graphcopy
from dockernet_sim.addr import parse_ip, parse_prefix
from dockernet_sim.graphcopy import deep_copy
from dockernet_sim.kernel.links import Address, Link
from dockernet_sim.kernel.netfilter import Rule
from dockernet_sim.kernel.netns import Route
from dockernet_sim.records import dataclass, field

if TYPE_CHECKING:  # pragma: no cover
    from dockernet_sim.kernel.netns import Namespace


class Colour(Enum):
    RED = 1


@dataclass(frozen=True, slots=True)
class Tagged:
    """A frozen record declared to hold a mutable list."""
    name: str
    items: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A frozen record whose annotation names a class imported only for type checkers."""
    ns: Optional["Namespace"] = None


@dataclass(slots=True, eq=False)
class Node:
    name: str
    next: Optional["Node"] = None
    items: list[Any] = field(default_factory=list)
    ip: Any = None


class Slotted:
    __slots__ = ("a", "b")


class Cached:
    """A class with pickling of its own: its copy is made as its pickling says (no cache)."""

    def __init__(self) -> None:
        self.data = [1]
        self.cache: Optional[list[int]] = [2]

    def __getstate__(self) -> dict[str, Any]:
        return {"data": self.data, "cache": None}


def test_values_are_shared_and_mutable_objects_copied() -> None:
    ip = parse_ip("10.0.0.1")
    addr = Address(ip=ip, prefixlen=24, broadcast=parse_ip("10.0.0.255"))
    route = Route(dst=parse_prefix("10.0.0.0/24"), dev="eth0", scope="link", src=ip)
    values = ("a", 1, 2.5, None, True, b"x", (ip, "s"), frozenset({1, 2}), Colour.RED, Rule("-j ACCEPT"), addr,
              route, Link, len, parse_ip)
    mutable = ([1], {"k": [2], ("tcp", 80): ip, ip: "x"}, {3}, Node("n"), Tagged("t", [4]))
    graph = {"values": values, "mutable": mutable}
    twin = deep_copy(graph)
    assert twin is not graph and twin["values"] == values and twin["mutable"][4] == mutable[4]
    assert twin["mutable"][:3] == mutable[:3] and twin["mutable"][3].name == "n"
    assert twin["values"] is values and all(a is b for a, b in zip(twin["values"], values))
    for a, b in zip(twin["mutable"], mutable):
        assert a is not b and type(a) is type(b)
    assert twin["mutable"][1]["k"] is not mutable[1]["k"]
    assert twin["mutable"][4].items == [4] and twin["mutable"][4].items is not mutable[4].items


def test_cross_references_and_cycles_are_kept_within_the_copy() -> None:
    a, b = Link(index=2, name="veth0", kind="veth"), Link(index=3, name="veth1", kind="veth")
    a.peer, b.peer = b, a
    loop: list[Any] = []
    holder = (loop, "x")        # a tuple on a cycle: list -> tuple -> list
    loop.append(holder)
    node = Node("n")
    node.next = node
    twin_a, twin_loop, twin_node = deep_copy([a, loop, node])
    assert twin_a is not a and twin_a.peer is not b and twin_a.peer.peer is twin_a
    assert twin_loop is not loop and twin_loop[0][0] is twin_loop and twin_loop[0][1] == "x"
    assert twin_node.next is twin_node
    twin_a.peer.name = "changed"
    assert b.name == "veth1"


def test_a_class_copied_many_times_gets_the_same_copies_from_its_compiled_copier() -> None:
    """The first HOT copies of a class are made by its generic copier, the rest by the compiled
    one: both give the same, fields never set included (left unset)."""
    ip = parse_ip("10.1.0.1")
    shared = Node("shared")
    nodes = [Node(f"n{i}", next=shared, items=[i, (i,)], ip=ip) for i in range(3 * graphcopy.HOT)]
    slotted = [Slotted() for _ in range(3 * graphcopy.HOT)]
    for i, s in enumerate(slotted):
        s.a = [i]               # b never set
    twin_nodes, twin_slotted = deep_copy((nodes, slotted))
    assert [n.name for n in twin_nodes] == [n.name for n in nodes]
    assert len({id(n.next) for n in twin_nodes}) == 1 and twin_nodes[0].next is not shared
    for n, t in zip(nodes, twin_nodes):
        assert t.items == n.items and t.items is not n.items and t.ip is ip
    for s, t in zip(slotted, twin_slotted):
        assert t.a == s.a and t.a is not s.a and not hasattr(t, "b")


def test_a_table_only_its_field_holds_is_copied_without_the_memo_and_a_shared_one_once() -> None:
    """A hot class's compiled copier copies a list or dict only its field holds without putting
    it in the memo (issue 15); one that two fields, or a field and a bound method, hold is copied
    once and both copies hold the one copy, as before."""
    twice: list[Any] = [1]
    appends = twice.append
    nodes = [Node(f"n{i}", items=[i, {"k": [i]}]) for i in range(2 * graphcopy.HOT)]
    nodes[-1].items = nodes[-2].items           # two fields hold one list
    nodes[-3].next = Node("x", items=twice)      # a field and a bound method
    memo: dict[int, Any] = {}
    twin_nodes, twin_appends = graphcopy._copy((nodes, appends), memo)
    assert graphcopy._sole_refs() == 3          # (CPython: the field, the local, the argument)
    for n, t in zip(nodes[-10:-2], twin_nodes[-10:-2]):
        assert t.items == n.items and t.items is not n.items and id(n.items) not in memo
        assert t.items[1] is not n.items[1] and t.items[1]["k"] is not n.items[1]["k"]
    assert twin_nodes[-1].items is twin_nodes[-2].items is not nodes[-1].items
    twin_twice = twin_nodes[-3].next.items
    assert twin_twice == [1] and twin_twice is not twice
    twin_appends(2)
    assert twin_twice == [1, 2] and twice == [1]


def test_bound_methods_follow_their_object_and_random_sources_go_on_alike() -> None:
    node = Node("n")
    rng = random.Random(5)
    rng.random()
    twin_node, method, append, length, twin_rng = deep_copy((node, node.__repr__, node.items.append, len, rng))
    assert method.__self__ is twin_node and length is len
    append(1)
    assert twin_node.items == [1] and node.items == []
    assert [twin_rng.random() for _ in range(3)] == [rng.random() for _ in range(3)]
    twin_rng.random()
    assert twin_rng.random() != rng.random()


def test_a_class_with_pickling_of_its_own_is_copied_as_it_asks() -> None:
    c = Cached()
    twin = deep_copy(c)
    assert twin.data == [1] and twin.data is not c.data and twin.cache is None


def test_local_functions_are_refused_as_pickle_refuses_them() -> None:
    with pytest.raises(TypeError, match="local object"):
        deep_copy({"f": lambda: None})


@pytest.mark.parametrize("cls, shared", [
    (Address, True), (Route, True), (Rule, True), (type(parse_ip("::1")), True),
    (Tagged, False),            # frozen, but declared to hold a list
    (Unreadable, False),        # its annotation cannot be read: not known to hold values
    (Link, False), (Node, False),
])
def test_a_frozen_record_is_shared_whole_only_when_declared_to_hold_values(cls: type, shared: bool) -> None:
    assert graphcopy._holds_values(cls) is shared
