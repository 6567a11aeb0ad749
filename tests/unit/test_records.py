"""``records.dataclass``, and a class deriving from ``records.Record``, behave as the standard
library's ``dataclasses.dataclass`` (issue 15).

Each case declares one class body twice, once with each decorator (or the base) and the same arguments, and
compares what users of the class see: construction (and its errors), ``repr``, equality,
hashing, ordering, frozenness, ``__slots__``, ``__match_args__``, ``__post_init__``, pickling and
copying, and the standard library's ``fields``/``replace``/``asdict`` on a record.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any, Callable, ClassVar, Optional

import pytest
from hypothesis import given, strategies as st

from dockernet_sim import records

OPTIONS = [
    {}, {"slots": True}, {"frozen": True}, {"frozen": True, "slots": True}, {"slots": True, "eq": False},
    {"frozen": True, "slots": True, "eq": False}, {"frozen": True, "slots": True, "repr": False},
    {"frozen": True, "slots": True, "order": True}, {"order": True},
]


def declare(decorator: Callable[..., Any], field: Callable[..., Any], options: dict[str, bool], name: str) -> type:
    """The same class body under ``decorator`` (and its module's ``field``), a module global
    called ``name`` (pickle finds a class by its module and name)."""

    @decorator(**options)
    class Port:
        number: int
        proto: str = "tcp"
        hosts: list[str] = field(default_factory=list)
        note: Optional[str] = field(default=None, compare=False, repr=False)
        kind: ClassVar[str] = "port"

    Port.__qualname__ = Port.__name__ = name
    globals()[name] = Port
    return Port


def declare_record(options: dict[str, bool], name: str) -> type:
    """The same class body deriving from ``records.Record`` with ``options`` (made once by the
    class statement: no decorator)."""

    class Port(records.Record, **options):
        number: int
        proto: str = "tcp"
        hosts: list[str] = records.field(default_factory=list)
        note: Optional[str] = records.field(default=None, compare=False, repr=False)
        kind: ClassVar[str] = "port"

    Port.__qualname__ = Port.__name__ = name
    globals()[name] = Port
    return Port


PAIRS = [(declare(dataclasses.dataclass, dataclasses.field, o, f"Std{i}"),
          declare(records.dataclass, records.field, o, f"Rec{i}"), o) for i, o in enumerate(OPTIONS)] + \
        [(declare(dataclasses.dataclass, dataclasses.field, o, f"StdB{i}"), declare_record(o, f"RecB{i}"), o)
         for i, o in enumerate(OPTIONS)]
IDS = [",".join(o) or "plain" for o in OPTIONS] + [(",".join(o) or "plain") + "-base" for o in OPTIONS]

values = st.tuples(st.integers(-3, 3), st.sampled_from(["tcp", "udp"]), st.lists(st.sampled_from("ab"), max_size=2),
                   st.sampled_from([None, "x"]))


def outcome(fn: Callable[[], Any]) -> Any:
    """What ``fn`` returns, or the type and words of what it raises."""
    try:
        return ("ok", fn())
    except Exception as e:                           # noqa: BLE001 — the error is the result
        return ("raised", type(e).__name__, str(e).replace("Rec", "Std").split(".")[-1])


@pytest.mark.parametrize("std, rec, options", PAIRS, ids=IDS)
@given(a=values, b=values)
def test_a_record_behaves_as_the_dataclass(std: Any, rec: Any, options: dict[str, bool], a: tuple, b: tuple) -> None:
    s1, s2, r1, r2 = std(*a), std(*b), rec(*a), rec(*b)
    assert repr(r1).replace("Rec", "Std") == repr(s1) or not options.get("repr", True)
    assert (r1 == r2) == (s1 == s2) and (r1 != r2) == (s1 != s2)
    assert (r1 == r1) and (r1 == rec(*a)) == (s1 == std(*a))
    assert outcome(lambda: hash(r1) == hash(rec(*a))) == outcome(lambda: hash(s1) == hash(std(*a)))
    assert outcome(lambda: r1 < r2) == outcome(lambda: s1 < s2)
    assert outcome(lambda: r1 >= r2) == outcome(lambda: s1 >= s2)
    assert outcome(lambda: setattr(r1, "proto", "sctp")) == outcome(lambda: setattr(s1, "proto", "sctp"))
    assert outcome(lambda: delattr(r2, "number")) == outcome(lambda: delattr(s2, "number"))
    # a new attribute is refused by both (a frozen slotted dataclass of Python 3.11 says so with a
    # TypeError from its own super() call, a record with FrozenInstanceError, as 3.12 does)
    assert outcome(lambda: setattr(r1, "other", 1))[0] == outcome(lambda: setattr(s1, "other", 1))[0]
    assert ("__dict__" in dir(r1)) == ("__dict__" in dir(s1))
    assert rec.__match_args__ == std.__match_args__ and rec.__dict__.get("__slots__") == std.__dict__.get("__slots__")
    for copied in (pickle.loads(pickle.dumps(r1)), copy.copy(r1), copy.deepcopy(r1)):
        assert type(copied) is rec and dataclasses.astuple(copied) == dataclasses.astuple(r1)
    assert dataclasses.asdict(r1) == dataclasses.asdict(s1)
    assert [(f.name, f.type, f.compare, f.repr) for f in dataclasses.fields(r1)] == \
           [(f.name, f.type, f.compare, f.repr) for f in dataclasses.fields(s1)]
    assert dataclasses.astuple(dataclasses.replace(r1, proto="x")) == dataclasses.astuple(dataclasses.replace(s1, proto="x"))
    assert dataclasses.astuple(records.replace(r1, number=9)) == dataclasses.astuple(dataclasses.replace(s1, number=9))
    assert [f.name for f in records.fields(rec)] == ["number", "proto", "hosts", "note"]


@pytest.mark.parametrize("std, rec, options", PAIRS, ids=IDS)
def test_construction_and_its_errors(std: Any, rec: Any, options: dict[str, bool]) -> None:
    calls: list[tuple[tuple, dict]] = [((), {}), ((1,), {}), ((1, "udp", ["h"], "n"), {}), ((), {"number": 2}),
                                       ((1, 2, 3, 4, 5), {}), ((1,), {"number": 2}), ((1,), {"bogus": 1})]
    for args, kwargs in calls:
        assert outcome(lambda: dataclasses.astuple(rec(*args, **kwargs))) == \
               outcome(lambda: dataclasses.astuple(std(*args, **kwargs)))
    assert rec(1).hosts is not rec(1).hosts                 # a fresh list from the factory each time
    assert rec.kind == "port" and "kind" not in rec.__match_args__
    assert records.is_record(rec) and records.is_record(rec(1)) and not records.is_record(std)
    assert dataclasses.is_dataclass(rec) and dataclasses.is_dataclass(rec(1))


def test_post_init_and_explicit_methods_are_kept() -> None:
    @records.dataclass(frozen=True, slots=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

        def __repr__(self) -> str:
            return f"<{self.n}>"

    @records.dataclass(frozen=True, slots=True, eq=False)
    class Loose:
        n: int

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Loose) and abs(self.n - other.n) < 2

        def __hash__(self) -> int:
            return 0

    assert repr(Checked(1)) == "<1>" and Checked(1) == Checked(1) and hash(Checked(1)) == hash(Checked(1))
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    assert Loose(1) == Loose(2) and Loose(1) != Loose(5) and hash(Loose(7)) == 0


def test_what_dataclasses_refuses_is_refused() -> None:
    with pytest.raises(ValueError, match="mutable default"):
        records.dataclass(type("Bad", (), {"__annotations__": {"xs": "list[int]"}, "xs": []}))
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        records.dataclass(type("Bad", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))
    with pytest.raises(ValueError, match="both default and default_factory"):
        records.field(default=1, default_factory=list)
    with pytest.raises(TypeError, match="Cannot overwrite attribute __lt__"):
        records.dataclass(order=True)(type("Bad", (), {"__annotations__": {"a": "int"}, "__lt__": lambda s, o: True}))


@pytest.mark.parametrize("std, rec, options", PAIRS, ids=IDS)
def test_the_first_instances_and_the_hot_ones_are_made_alike(std: Any, rec: Any, options: dict[str, bool]) -> None:
    """A record's first instances come from a generic ``__init__`` (nothing compiled at start-up);
    the ``HOT``-th from the compiled one: both make the same values, and neither is seen by a
    look at the class's signature, which gets the compiled one's."""
    import inspect
    fresh = declare(records.dataclass, records.field, options, "Fresh")
    calls: list[tuple[tuple, dict]] = [((1,), {}), ((1, "udp"), {}), ((), {"number": 2, "hosts": ["h"]}),
                                       ((3,), {"note": "n", "proto": "x"}), ((4, "sctp", ["a"], None), {})]

    def made(cls: Any) -> list[tuple]:
        return [dataclasses.astuple(cls(*args, **kwargs)) for args, kwargs in calls]

    first = made(fresh)
    assert isinstance(fresh.__dict__["__init__"], records._LazyInit)     # those calls compiled nothing
    assert fresh(1).hosts == [] and fresh(1).hosts is not fresh(1).hosts
    for _ in range(records._LazyInit.HOT):
        fresh(0)
    assert not isinstance(fresh.__dict__["__init__"], records._LazyInit)
    assert first == made(fresh) == made(std)
    cold = declare(records.dataclass, records.field, options, "Cold")
    assert list(inspect.signature(cold).parameters) == list(inspect.signature(std).parameters)
    assert not isinstance(cold.__dict__["__init__"], records._LazyInit)


def test_a_generic_init_runs_post_init_and_hands_bad_calls_to_python() -> None:
    seen: list[int] = []

    @records.dataclass(frozen=True, slots=True)
    class Checked:
        n: int
        tags: tuple[str, ...] = ()

        def __post_init__(self) -> None:
            seen.append(self.n)

    assert Checked(1).tags == () and Checked(2, ("a",)).tags == ("a",) and seen == [1, 2]
    assert isinstance(Checked.__dict__["__init__"], records._LazyInit)
    with pytest.raises(TypeError, match=r"__init__\(\) missing 1 required positional argument: 'n'"):
        Checked(tags=())
    assert not isinstance(Checked.__dict__["__init__"], records._LazyInit)


def test_a_record_in_a_cycle_reprs_as_the_dataclass_does() -> None:
    # the model's records refer to each other in cycles (a veth and its peer): repr must end
    shown = []
    for decorator in (dataclasses.dataclass, records.dataclass):
        @decorator(eq=False)
        class Node:
            name: str
            peer: Optional["Node"] = None
        a, b = Node("a"), Node("b")
        a.peer, b.peer = b, a
        shown.append(repr(a))
    assert shown[0] == shown[1] and shown[1].endswith("(name='b', peer=...))")


def test_a_model_object_reprs_without_recursion_error() -> None:
    from dockernet_sim import DockerHost
    h = DockerHost()
    h.sh("docker run -d --name aa busybox sleep 100")
    c = h.daemon.find_container("aa")
    assert "sandbox=Sandbox(" in repr(c) and "peer=Link(" in repr(c.sandbox.endpoints[0].link)


def test_a_record_class_is_made_once_and_its_subclasses_are_plain() -> None:
    made: list[str] = []

    class Seen(records.Record, frozen=True, slots=True):
        x: int

        def __init_subclass__(cls, **kw: Any) -> None:      # (not called for Seen itself)
            made.append(cls.__name__)

        def twice(self) -> int:
            return 2 * self.x

    class Sup(records.Record, slots=True):
        y: int = 1

        def size(self) -> int:               # zero-argument super() needs the class statement's own class
            return super().__sizeof__()

    assert Seen.__slots__ == ("x",) and "__dict__" not in dir(Seen(1)) and Seen(2).twice() == 4
    assert Sup().size() == object.__sizeof__(Sup()) and repr(Sup()).endswith("Sup(y=1)")
    # a subclass of a record that does not name Record is a plain subclass, as under the decorator
    class Child(Seen):
        pass

    assert made == ["Child"] and Child(3).twice() == 6 and records.fields(Seen) == records.fields(Seen)
    with pytest.raises(TypeError, match="a record cannot inherit from a record"):
        class Again(Seen, records.Record):
            z: int
    assert not records.is_record(records.Record) and records.Record.__slots__ == ()
    # (a record class that is not slotted has its instances' __dict__, its base's empty slots aside)
    class Plain(records.Record):
        a: int = 0

    assert "__slots__" not in Plain.__dict__ and Plain().__dict__ == {"a": 0}
