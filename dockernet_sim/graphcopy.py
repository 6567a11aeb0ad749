"""A deep copy of the model's object graph that shares its values: what :meth:`DockerHost.fork`
makes (issue 15).

Not an imitation of anything Docker or Linux does: bookkeeping, like the undo journal. It gives
what ``copy.deepcopy`` (or a pickle round trip, as ``fork()`` did before) gives — a new object for
every mutable object reachable from the root, the same cross-references between them (cycles
included), nothing shared that either copy can change — but an *immutable* part is not copied:
a string, a number, a frozen record (an address, a route, a rule), a tuple of such, an enum
member, a class or a module-level function is the same object in both copies. A host of 2,000
containers holds about 100,000 of these and 26,000 mutable objects (13 a container); only the
latter are made again, and Python's cyclic collector waits until they are.

What a fork costs per object grows with the host once the graph outgrows the processor's caches
(a fork at 20,000 containers took 190 times one at 200): the memo, one entry per object copied
and keyed by the objects' scattered addresses, is the part of that cost the copy can avoid, so a
list or dict that only the field being copied holds (its reference count says so) is copied
without an entry: nothing else can reach it to ask for its copy.

What is immutable is known per class or decided per object, bottom up. A frozen record whose
fields are all declared to hold values (an address, a prefix, a route, a rule: ``str``, ``int``,
other such records, tuples of them) is shared as it is, like a string, and so is a field of a
mutable record declared so; the model keeps to its annotations (``values.check_value`` at the
API's edge), and a property test checks that two related hosts reach nothing mutable in common.
Any other frozen record, or a tuple, is shared when everything it holds is, and copied anew
otherwise (a frozen record holding a list gets a new record holding a new list).

Each class gets one copier, made the first time the class is met: for a record or a slotted
class, one that reads and writes its fields by name, and, once the class is hot, straight-line
code compiled for it; ``random.Random`` is copied by its state; a class with pickling of its own
(``__reduce__``) is copied by ``copy.deepcopy`` under the same memo, as the class asks. A local
function or a lambda is refused, as pickle refuses it: its closure might hold the model.

>>> from dockernet_sim.addr import parse_ip
>>> ip = parse_ip("10.0.0.1")
>>> graph = {"ips": [ip], "name": "a"}
>>> twin = deep_copy(graph)
>>> twin == graph, twin is graph, twin["ips"] is graph["ips"], twin["ips"][0] is ip
(True, False, False, True)
"""

from __future__ import annotations

import functools
import gc
import sys
from enum import Enum
from random import Random
from types import BuiltinFunctionType, CodeType, FunctionType, MethodType, ModuleType, UnionType
from typing import Any, Callable

from .records import EmptyDict, fields, is_record

__all__ = ["deep_copy"]

Memo = dict[int, Any]
Copier = Callable[[Any, Memo], Any]

# instances of these are values: the copy is the object itself (an enum's class or a class is
# added when first met)
_ATOMS: set[type] = {str, int, float, bool, complex, bytes, type(None), type(Ellipsis), range,
                    EmptyDict}    # (the one shared empty table a field holds until written)
_all_atoms = _ATOMS.issuperset
# the copier of each class met so far (atoms are not in it: the callers test _ATOMS first)
_COPIERS: dict[type, Copier] = {}
_MISS: Any = object()
_EMPTY = ()     # the one empty tuple, held by thousands of fields: a value, like an atom
# a list or table longer than this is first asked at C speed whether it holds only atoms (the
# call log, tables of names): a shorter one is walked at once
_LONG = 16


def deep_copy(root: Any) -> Any:
    """A copy of ``root`` and of every mutable object reachable from it, sharing the immutable
    ones (see the module's docstring). Python's cyclic collector waits until it is made: its
    passes over the objects being made (none of them garbage) cost a fifth of the copy."""
    was = gc.isenabled()
    gc.disable()
    try:
        return _copy(root, {})
    finally:
        if was:
            gc.enable()


def _copy(x: Any, memo: Memo) -> Any:
    if x.__class__ in _ATOMS or x is _EMPTY:
        return x
    got = memo.get(id(x), _MISS)
    return _fresh(x, memo) if got is _MISS else got


def _fresh(x: Any, memo: Memo) -> Any:
    """The copy of ``x``, not an atom and not met before."""
    copier = _COPIERS.get(x.__class__)
    if copier is None:
        copier = _copier_for(x.__class__)
    return copier(x, memo)


def _copy_list(x: list[Any], memo: Memo) -> list[Any]:
    new = x[:]      # at C speed; what is not an atom is put in its place below
    memo[id(x)] = new
    return _fill_list(x, new, memo)


def _fill_list(x: list[Any], new: list[Any], memo: Memo) -> list[Any]:
    if len(x) > _LONG and _all_atoms(map(type, x)):
        return new
    i = 0
    for v in x:
        if type(v) not in _ATOMS and v is not _EMPTY:
            c = memo.get(id(v), _MISS)
            new[i] = _fresh(v, memo) if c is _MISS else c
        i += 1
    return new


def _copy_dict(x: dict[Any, Any], memo: Memo) -> dict[Any, Any]:
    new = x.copy()      # at C speed; what is not an atom is put in its place below
    memo[id(x)] = new
    return _fill_dict(x, new, memo)


def _fill_dict(x: dict[Any, Any], new: dict[Any, Any], memo: Memo) -> dict[Any, Any]:
    if len(x) > _LONG and _all_atoms(map(type, x.values())) and _all_atoms(map(type, x)):
        return new
    if x:               # (most are small, many empty: no locals bound for the loop)
        for k, v in x.items():
            if type(k) not in _ATOMS and _copy(k, memo) is not k:    # (a tuple or an address is kept)
                return _copy_keyed(x, new, memo)
            if type(v) not in _ATOMS and v is not _EMPTY:
                c = memo.get(id(v), _MISS)
                new[k] = _fresh(v, memo) if c is _MISS else c
    return new


def _copy_keyed(x: dict[Any, Any], new: dict[Any, Any], memo: Memo) -> dict[Any, Any]:
    """A table whose keys are objects to copy (a bridge's ports by link): made again, in its
    order."""
    new.clear()
    for k, v in x.items():
        new[_copy(k, memo)] = _copy(v, memo)
    return new


def _copy_set(x: set[Any], memo: Memo) -> set[Any]:
    new: set[Any] = set()
    memo[id(x)] = new
    new.update([_copy(v, memo) for v in x])
    return new


def _copy_tuple(x: tuple[Any, ...], memo: Memo) -> tuple[Any, ...]:
    if _all_atoms(map(type, x)):    # (not remembered: asking again costs less than a memo entry,
        return x                    # and most are met once: a table's keys)
    copied = [_copy(v, memo) for v in x]
    got = memo.get(id(x), _MISS)     # a cycle through the tuple copied it already
    if got is not _MISS:
        return got
    new = x if all(map(_same, copied, x)) else tuple(copied)
    memo[id(x)] = new
    return new


def _copy_frozenset(x: frozenset[Any], memo: Memo) -> frozenset[Any]:
    items = tuple(x)
    copied = _copy_tuple(items, memo)
    new = x if copied is items else frozenset(copied)
    memo[id(x)] = new
    return new


def _copy_method(x: MethodType, memo: Memo) -> MethodType:
    new = MethodType(x.__func__, _copy(x.__self__, memo))
    memo[id(x)] = new
    return new


def _copy_function(x: FunctionType, memo: Memo) -> FunctionType:
    """A function named at module level is a value (pickle, too, passes it by name); a local
    function or a lambda may hold the model's objects in its closure, and is refused, as pickle
    refuses it."""
    if "<" in x.__qualname__:
        raise TypeError(f"cannot copy local object {x.__module__}.{x.__qualname__}")
    return x


def _copy_builtin(x: BuiltinFunctionType, memo: Memo) -> Any:
    """A built-in function (``len``) is a value; a built-in method is bound to its object's copy
    (``slot.append`` appends to the copy of ``slot``)."""
    if x.__self__ is None or isinstance(x.__self__, (ModuleType, type)):
        return x
    owner = _copy(x.__self__, memo)
    new = getattr(owner, x.__name__)
    memo[id(x)] = new
    return new


def _copy_random(x: Random, memo: Memo) -> Random:
    """The host's random source (``ids.Randomness``): a generator in the same state (its own
    pickling would copy its 625 words one by one)."""
    new = Random.__new__(Random)
    new.setstate(x.getstate())
    memo[id(x)] = new
    return new


def _by_deepcopy(x: Any, memo: Memo) -> Any:
    import copy
    return copy.deepcopy(x, memo)


def _itself(x: Any, memo: Memo) -> Any:
    return x


def _holds_values(cls: type) -> bool:
    """Whether ``cls`` is a frozen record whose fields are declared to hold only values (strs,
    ints, frozen records of such, tuples of such…), so that every instance can be shared whole,
    without a look at what it holds (an address, a prefix, a route, a rule). The model keeps
    to its annotations (``values.check_value`` at the API's edge; a property test checks that
    two related hosts reach nothing mutable in common). The records it holds are then known to
    hold values too."""
    seen: set[type] = set()
    if _declared_immutable(cls, seen):
        _ATOMS.update(seen)
        return True
    return False


def _declared_immutable(cls: type, seen: set[type]) -> bool:
    if cls in _ATOMS or issubclass(cls, Enum):
        return True
    if not is_record(cls) or not cls.__dict__["__record_params__"][0]:
        return False
    if cls in seen:     # a record holding one of its own kind (a fork point's ``before``)
        return True
    seen.add(cls)
    hints = _hints(cls)
    return len(hints) == len(fields(cls)) and all(_immutable_hint(h, seen) for h in hints.values())


def _immutable_hint(hint: Any, seen: set[type]) -> bool:
    import typing
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is None:
        return isinstance(hint, type) and _declared_immutable(hint, seen)
    if origin is typing.Literal:
        return True
    if origin in (typing.Union, UnionType, tuple, frozenset):
        return all(a is Ellipsis or _immutable_hint(a, seen) for a in args) and bool(args)
    return False


def _copy_sole_dict(x: dict[Any, Any], memo: Memo) -> dict[Any, Any]:
    """A dict nothing but one field holds (see :data:`_SOLE`): not remembered."""
    return _fill_dict(x, x.copy(), memo)


def _copy_sole_list(x: list[Any], memo: Memo) -> list[Any]:
    return _fill_list(x, x[:], memo)


# The copiers of a dict or list that only the field being copied holds: no other path reaches
# it, so nothing will ask the memo for its copy, and it is not put there. A host holds thousands
# of these (a container's networks, a namespace's links, sysctls and netns ids); the memo is a
# table as large as the graph, whose entries, scattered in memory as the objects' addresses are,
# cost more the larger the host grows (issue 15: a fork at 20,000 containers took 190 times one
# at 200). Whether the field is the one holder is its reference count: the count a field alone
# gives, measured on this interpreter (:func:`_sole_refs`).
_SOLE: dict[type, Copier] = {dict: _copy_sole_dict, list: _copy_sole_list}

_CONTAINERS: dict[type, Copier] = {list: _copy_list, dict: _copy_dict, set: _copy_set, tuple: _copy_tuple,
                                   frozenset: _copy_frozenset, FunctionType: _copy_function,
                                   MethodType: _copy_method, BuiltinFunctionType: _copy_builtin,
                                   Random: _copy_random}


def _copier_for(cls: type) -> Copier:
    copier: Copier
    if cls in _CONTAINERS:
        copier = _CONTAINERS[cls]
    elif issubclass(cls, (type, Enum)) or _holds_values(cls):
        _ATOMS.add(cls)
        return _itself
    elif is_record(cls):
        names = tuple(f.name for f in fields(cls))
        if cls.__dict__["__record_params__"][0]:
            copier = _warming(cls, _value_copier(cls, names), lambda: _compiled_value_copier(cls, names))
        else:
            copier = _warming(cls, _object_copier(cls, names, False), lambda: _compiled_record_copier(cls, names))
    elif (cls.__reduce_ex__ is object.__reduce_ex__ and cls.__reduce__ is object.__reduce__  # type: ignore[comparison-overlap]
          and cls.__getstate__ is object.__getstate__                                      # type: ignore[attr-defined]
          and cls.__setattr__ is object.__setattr__):                                      # type: ignore[comparison-overlap]
        import copyreg
        names = tuple(copyreg._slotnames(cls))                                             # type: ignore[attr-defined]
        has_dict = cls.__dictoffset__ != 0      # instances have a __dict__ (maybe slots too)
        copier = _warming(cls, _object_copier(cls, names, has_dict),
                          lambda: _compiled_object_copier(cls, (), names, has_dict))
    else:   # a class with pickling of its own (a defaultdict, a functools.partial): copied as it asks
        copier = _by_deepcopy
    _COPIERS[cls] = copier
    return copier


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The annotations of ``cls`` that can be read (one naming a class imported only for type
    checkers cannot: that field is then not known to hold a value)."""
    import sys
    from .values import annotations_of
    names = (vars(sys.modules[cls.__module__]), cls.__dict__)
    out = {}
    for name, text in cls.__dict__.get("__annotations__", {}).items():
        hint = annotations_of({name: text}, *names)
        if hint is not None:
            out[name] = hint[name]
    return out


# -- the copiers of classes ---------------------------------------------------------------------
#
# A class's first copies are made by a generic copier that reads and writes the fields by name;
# the ``HOT``-th compiles the class's own (a host of a few containers compiles none; one of
# thousands, a dozen): straight-line code, a field declared to hold a value copied as it is, any
# other through the memo. Its code is a template compiled once per shape, with the class's field
# names put in place of ``_D0`` … and ``_F0`` … (``CodeType.replace``), as ``records`` makes
# ``__init__``.

HOT = 64


def _warming(cls: type, generic: Copier, compiled: Callable[[], Copier]) -> Copier:
    left = HOT

    def copier(x: Any, memo: Memo) -> Any:
        nonlocal left
        left -= 1
        if left == 0:
            _COPIERS[cls] = compiled()
        return generic(x, memo)
    return copier


def _object_copier(cls: type, names: tuple[str, ...], has_dict: bool) -> Copier:
    """A mutable object: always a new one, its fields copied (a field never set stays unset)."""
    fill = _object_filler(names, has_dict)

    def copier(x: Any, memo: Memo) -> Any:
        new = object.__new__(cls)
        memo[id(x)] = new
        return fill(x, new, memo)
    return copier


def _object_filler(names: tuple[str, ...], has_dict: bool) -> Callable[[Any, Any, Memo], Any]:
    """What sets the fields of a new object from the copied one's, by name."""

    def fill(x: Any, new: Any, memo: Memo) -> Any:
        for n in names:
            try:
                v = getattr(x, n)
            except AttributeError:
                continue
            setattr(new, n, _copy(v, memo))
        if has_dict and x.__dict__:
            new.__dict__.update(_copy_dict(x.__dict__, memo))
        return new
    return fill


def _value_copier(cls: type, names: tuple[str, ...]) -> Copier:
    """A frozen record: itself if everything it holds is shared, else a new one holding the
    copies."""

    def copier(x: Any, memo: Memo) -> Any:
        values = [getattr(x, n) for n in names]
        copied = [_copy(v, memo) for v in values]
        got = memo.get(id(x), _MISS)     # a cycle through the record copied it already
        if got is not _MISS:
            return got
        if all(map(_same, copied, values)):
            new = x
        else:
            new = object.__new__(cls)
            for n, v in zip(names, copied):
                object.__setattr__(new, n, v)
        memo[id(x)] = new
        return new
    return copier


def _same(a: Any, b: Any) -> bool:
    return a is b


_OBJECT_TEMPLATE = """
def copier(x, memo):
    new = NEW(CLS)
    memo[ID(x)] = new
    get = memo.get
    try:
{direct}
{checked}
    except AttributeError:          # a field never set
        return SLOW(x, new, memo)
{dict}    return new
"""

# the copy of ``v`` into ``v``: atoms and the empty tuple as they are, a copy made already from
# the memo, else a new one
_COPY_V = """{indent}if TYPE(v) not in ATOMS and v is not EMPTY:
{indent}    v = c if (c := get(ID(v), MISS)) is not MISS else (COPIERS.get(TYPE(v)) or FOR(TYPE(v)))(v, memo)
"""

# the same in a mutable object's copier, where a dict or list only its field holds (its reference
# count is the field's, the local ``v``'s and the count's own argument's: ``SOLE_REFS``) is copied
# without the memo (:data:`_SOLE`)
_COPY_FIELD = """        if TYPE(v) not in ATOMS and v is not EMPTY:
            if REFS(v) == SOLE_REFS and (s := SOLE.get(TYPE(v))) is not None:
                v = s(v, memo)
            else:
                v = c if (c := get(ID(v), MISS)) is not MISS else (COPIERS.get(TYPE(v)) or FOR(TYPE(v)))(v, memo)
"""

_VALUE_TEMPLATE = """
def copier(x, memo):
    get = memo.get
{reads}
    if {same}:
        memo[ID(x)] = x
        return x
    got = get(ID(x), MISS)     # a cycle through the record copied it already
    if got is not MISS:
        return got
    new = NEW(CLS)
{sets}
    memo[ID(x)] = new
    return new
"""


@functools.cache
def _object_template(n_direct: int, n_checked: int, has_dict: bool) -> CodeType:
    return _compile(_OBJECT_TEMPLATE.format(
        direct="\n".join(f"        new._D{i} = x._D{i}" for i in range(n_direct)) or "        pass",
        checked="\n".join(f"        v = x._F{i}\n{_COPY_FIELD}        new._F{i} = v"
                          for i in range(n_checked)),
        dict="    if x.__dict__:\n        new.__dict__.update(COPY_DICT(x.__dict__, memo))\n" if has_dict else ""))


@functools.cache
def _value_template(n: int) -> CodeType:
    return _compile(_VALUE_TEMPLATE.format(
        reads="\n".join(f"    v = a{i} = x._F{i}\n{_COPY_V.format(indent='    ')}    b{i} = v" for i in range(n)) or "    pass",
        same=" and ".join(f"b{i} is a{i}" for i in range(n)) or "True",
        sets="\n".join(f"    SET(new, '_F{i}', b{i})" for i in range(n))))


def _compile(src: str) -> CodeType:
    return next(c for c in compile(src, "<graphcopy>", "exec").co_consts if isinstance(c, CodeType))


def _fill(code: CodeType, cls: type, rename: dict[str, str], env: dict[str, Any]) -> Copier:
    code = code.replace(co_name=f"copy_{cls.__name__}", co_qualname=f"copy_{cls.__qualname__}",
                        co_names=tuple(rename.get(n, n) for n in code.co_names),
                        co_consts=tuple(rename.get(c, c) if type(c) is str else c for c in code.co_consts))
    env.update({"CLS": cls, "ATOMS": _ATOMS, "TYPE": type, "COPIERS": _COPIERS, "FOR": _copier_for, "ID": id,
                "NEW": object.__new__, "MISS": _MISS, "EMPTY": _EMPTY})
    return FunctionType(code, env)


def _compiled_object_copier(cls: type, direct: tuple[str, ...], checked: tuple[str, ...], has_dict: bool) -> Copier:
    rename = {**{f"_D{i}": n for i, n in enumerate(direct)}, **{f"_F{i}": n for i, n in enumerate(checked)}}
    return _fill(_object_template(len(direct), len(checked), has_dict), cls, rename,
                 {"SLOW": _object_filler(direct + checked, has_dict), "COPY_DICT": _copy_dict,
                  "REFS": sys.getrefcount, "SOLE": _SOLE, "SOLE_REFS": _sole_refs()})


@functools.cache
def _sole_refs() -> int:
    """The reference count a compiled copier reads for a list only the field it copies holds
    (the field, the local ``v``, the argument of ``getrefcount``: 3 on CPython 3.11), measured
    once by a copier of the same shape."""
    code = _compile("def probe(x):\n    v = x.f\n    return REFS(v)\n")
    probe = FunctionType(code, {"REFS": sys.getrefcount})
    holder = _Probe()
    holder.f = []
    return int(probe(holder))


class _Probe:
    __slots__ = ("f",)


def _compiled_record_copier(cls: type, names: tuple[str, ...]) -> Copier:
    """A mutable record's: a field declared to hold a value is copied as it is."""
    hints = _hints(cls)
    direct = tuple(n for n in names if n in hints and _immutable_hint(hints[n], set()))
    return _compiled_object_copier(cls, direct, tuple(n for n in names if n not in direct), False)


def _compiled_value_copier(cls: type, names: tuple[str, ...]) -> Copier:
    return _fill(_value_template(len(names)), cls, {f"_F{i}": n for i, n in enumerate(names)},
                 {"SET": object.__setattr__})
