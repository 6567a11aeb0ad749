"""Record classes: the standard library's ``@dataclass``, made cheaply at import (issue 15).

``dataclasses.dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``… of every class and compiles each one as the class is made, and
it needs ``inspect`` (with ``ast``, ``dis`` and ``tokenize``) to do it: two thirds of a second
of CPU per hundred classes here, half of what ``python -m dockernet_sim`` spent importing. This
decorator takes the same arguments (``frozen``, ``slots``, ``eq``, ``repr``, ``order``), the
same ``field()`` (``default``, ``default_factory``, ``repr``, ``hash``, ``compare``) and gives
classes that behave the same — equality, hashing, ordering, immutability, ``repr``, ``__slots__``,
``__match_args__``, ``__post_init__``, pickling and copying — but builds them differently:

* the comparison methods, ``__repr__``, the frozen ``__setattr__``/``__delattr__`` and the
  pickling pair are closures over the field names (no source, no compile);
* ``__init__``, whose argument errors must read as Python's (``missing 1 required positional
  argument: 'x'``) and which is the one hot method, is compiled only once the class is hot (or a
  call does not bind, or someone looks at ``cls.__init__``), from a template compiled once per
  shape (how many fields, which have a factory, frozen or not) with the class's field names put
  into its code; until then a generic ``__init__`` binds the arguments, so a class made a few
  times never pays for a compile;
* ``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` still work on a record:
  its ``__dataclass_fields__`` is made on first use, by ``dataclasses.make_dataclass`` with the
  same fields. The project's own code asks :func:`fields`, :func:`replace` and
  :func:`is_record` here instead, and so never imports ``dataclasses``.

The project declares its records by deriving from :class:`Record` with the same keywords
(``class Port(Record, frozen=True, slots=True)``): its class (``_RecordType``) makes each record
class once, with the slots and methods in the namespace the class statement gives, where a
decorator gets a class already made and must make a slotted one again. The decorator gives the
same classes, for code that writes ``@dataclass``.

What the project does not use is not offered: no ``InitVar``, ``kw_only``, ``unsafe_hash``,
``match_args=False`` or ``weakref_slot``, and a record may not inherit from another record.

>>> class Port(Record, frozen=True, slots=True):
...     number: int
...     proto: str = "tcp"
>>> p = Port(80)
>>> p, p == Port(80, "tcp"), hash(p) == hash(Port(80)), replace(p, proto="udp")
(Port(number=80, proto='tcp'), True, True, Port(number=80, proto='udp'))
"""

from __future__ import annotations

import functools
import operator
from itertools import repeat
from operator import attrgetter
from _thread import get_ident
from types import CodeType, FunctionType
from typing import Any, Callable, ClassVar, Optional, TypeVar, get_origin, overload

__all__ = ["Record", "dataclass", "field", "Field", "fields", "replace", "is_record", "MISSING", "EmptyDict",
           "EMPTY_DICT"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
_HAS_FACTORY: Any = type("_HasFactory", (), {"__slots__": (), "__repr__": lambda self: "<factory>"})()


class Field:
    """One field of a record: its name, annotation and default, and which generated methods
    read it (``dataclasses.Field``'s attributes of those names)."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "compare")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, repr: bool = True,
                 hash: Optional[bool] = None, compare: bool = True) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.type: Any = None
        self.default, self.default_factory = default, default_factory
        self.repr, self.hash, self.compare = repr, hash, compare

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, type={self.type!r}, default={self.default!r})"


class EmptyDict(dict):  # type: ignore[type-arg]
    """The one empty table that thousands of records hold in a field typed ``dict`` until the
    field is first written (a container's labels, sysctls, port bindings, published ports: most
    containers have none): a dict to every reader (``isinstance``, ``==``, ``json``), refusing
    every change, so that a writer replaces the field with a dict of its own, as the model's
    writers do. Being unchangeable it is a value: a fork (``graphcopy``) shares it, like the
    empty tuple, instead of making a new empty dict per field (issue 15)."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("the shared empty table cannot change: give the field a dict of its own")

    __setitem__ = __delitem__ = __ior__ = setdefault = update = pop = popitem = clear = _refuse   # type: ignore[assignment]

    def __hash__(self) -> int:      # (unchangeable: ``dataclasses`` takes it as a default)
        return 0

    def __repr__(self) -> str:
        return "{}"

    def __reduce__(self) -> str:
        return "EMPTY_DICT"         # pickled and copied as the one shared table

    def __copy__(self) -> "EmptyDict":
        return self

    def __deepcopy__(self, memo: Any) -> "EmptyDict":
        return self


EMPTY_DICT: Any = EmptyDict()


def field(*, default: Any = MISSING, default_factory: Any = MISSING, repr: bool = True,
          hash: Optional[bool] = None, compare: bool = True) -> Any:
    """A field's options, as ``dataclasses.field`` takes them."""
    return Field(default, default_factory, repr, hash, compare)


_FIELDS = "__record_fields__"
C = TypeVar("C", bound=type)


@overload
def dataclass(cls: C, /) -> C: ...
@overload
def dataclass(*, frozen: bool = ..., slots: bool = ..., eq: bool = ..., repr: bool = ...,
              order: bool = ...) -> Callable[[C], C]: ...


def dataclass(cls: Any = None, /, *, frozen: bool = False, slots: bool = False, eq: bool = True,
              repr: bool = True, order: bool = False) -> Any:
    """Make ``cls`` a record, as ``dataclasses.dataclass`` with the same arguments would."""

    def wrap(cls: C) -> C:
        return _process(cls, frozen, slots, eq, repr, order)

    return wrap if cls is None else wrap(cls)


_new_field = object.__new__


def _is_classvar(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or get_origin(annotation) is ClassVar


def _process(cls: Any, frozen: bool, slots: bool, eq: bool, want_repr: bool, order: bool) -> Any:
    """The decorator's record: ``cls`` itself given the methods, or (slotted) a class made again
    with its slots."""
    return _record(cls.__name__, cls.__bases__, cls.__dict__, type(cls), frozen, slots, eq, want_repr, order,
                   made=cls)


def _record(name: str, bases: tuple[type, ...], body: Any, meta: type, frozen: bool, slots: bool, eq: bool,
            want_repr: bool, order: bool, made: Any = None) -> Any:
    """A record class of the class statement's ``name``, ``bases`` and namespace ``body``: made
    here (``meta``'s ``type.__new__``), or, for the decorator, ``made`` (the class the statement
    made) given its methods, or made again if slotted."""
    if any(_FIELDS in k.__dict__ for base in bases for k in base.__mro__):
        raise TypeError(f"{name}: a record cannot inherit from a record")
    own: list[Field] = []
    field_names: list[str] = []
    seen_default = False
    options = False            # a field() left out of repr, comparison or hashing
    for fname, annotation in body.get("__annotations__", {}).items():
        if annotation.__class__ is str:     # (``from __future__ import annotations``: nearly all)
            if annotation.startswith(("ClassVar", "typing.ClassVar")):
                continue
        elif _is_classvar(annotation):
            continue
        value = body.get(fname, MISSING)
        if isinstance(value, Field):
            f = value
            options = options or not (f.repr and f.compare and f.hash is None)
            if f.default is MISSING and f.default_factory is MISSING:
                if seen_default:
                    raise TypeError(f"non-default argument {fname!r} follows default argument")
            else:
                seen_default = True
        else:
            # a plain default: its Field made without Field.__init__'s keywords (issue 15)
            f = _new_field(Field)
            f.default, f.default_factory, f.repr, f.hash, f.compare = value, MISSING, True, None, True
            if value is MISSING:
                if seen_default:
                    raise TypeError(f"non-default argument {fname!r} follows default argument")
            else:
                seen_default = True
        f.name, f.type = fname, annotation
        if f.default is not MISSING and type(f.default).__hash__ is None:
            raise ValueError(f"mutable default {type(f.default)} for field {fname} is not allowed: "
                             "use default_factory")
        own.append(f)
        field_names.append(fname)
    names = tuple(field_names)
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    # the methods are gathered first and given to the class at once: it is made with them in its
    # namespace (a decorated plain class gets each by setattr)
    methods: dict[str, Any] = {_FIELDS: tuple(own), "__record_params__": (frozen, eq, want_repr, order)}
    init = methods["__init__"] = _LazyInit()
    if want_repr:
        methods["__repr__"] = _repr_fn(tuple(f.name for f in own if f.repr) if options else names)
    compared = _getter(tuple(f.name for f in own if f.compare) if options else names)
    if eq:
        methods["__eq__"] = _eq_fn(compared)
    if order:
        for mname, op in (("__lt__", operator.lt), ("__le__", operator.le), ("__gt__", operator.gt),
                          ("__ge__", operator.ge)):
            if mname in body:
                raise TypeError(f"Cannot overwrite attribute {mname} in class {name}. "
                                "Consider using functools.total_ordering")
            methods[mname] = _order_fn(compared, op)
    # dataclasses' rules for __hash__ (unsafe_hash=False): an explicit __hash__ stays; eq without
    # frozen makes instances unhashable; eq with frozen hashes the compared (or hash=True) fields
    explicit_hash = "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body)
    if eq and not explicit_hash:
        if frozen:
            hashed = _getter(tuple(f.name for f in own if (f.compare if f.hash is None else f.hash))) \
                if options else compared
            methods["__hash__"] = lambda self: hash(hashed(self))
        else:
            methods["__hash__"] = None
    owner: Any = made           # the class made below, for the frozen methods' closures
    if frozen:
        for mname in ("__setattr__", "__delattr__"):
            if mname in body:
                raise TypeError(f"Cannot overwrite attribute {mname} in class {name}")
        frozen_names = frozenset(names)

        def __setattr__(self: Any, name: str, value: Any) -> None:
            if type(self) is owner or name in frozen_names:
                raise _frozen_error(f"cannot assign to field {name!r}")
            super(owner, self).__setattr__(name, value)

        def __delattr__(self: Any, name: str) -> None:
            if type(self) is owner or name in frozen_names:
                raise _frozen_error(f"cannot delete field {name!r}")
            super(owner, self).__delattr__(name)

        methods["__setattr__"], methods["__delattr__"] = __setattr__, __delattr__
        if slots:
            methods["__getstate__"], methods["__setstate__"] = _state_fns(names)
    methods["__match_args__"] = names
    methods["__dataclass_fields__"] = _DATACLASS_FIELDS
    methods["__dataclass_params__"] = _DATACLASS_PARAMS
    # what the class body defines itself stays (as dataclasses' set_new_attribute), except what
    # a record always sets (its fields, the frozen methods and the order methods checked above)
    for mname in ("__init__", "__repr__", "__eq__", "__match_args__", "__dataclass_fields__", "__dataclass_params__"):
        if mname in body:
            methods.pop(mname, None)
    if made is not None and not slots:
        for f in own:
            if f.default is not MISSING:
                setattr(made, f.name, f.default)
            elif f.name in body:
                delattr(made, f.name)
        for mname, value in methods.items():
            setattr(made, mname, value)
    else:
        if slots:
            ns = {k: v for k, v in body.items() if k not in names and k not in ("__dict__", "__weakref__")}
            ns["__slots__"] = names
        else:
            ns = dict(body)
            for f in own:
                if f.default is not MISSING:
                    ns[f.name] = f.default
                else:
                    ns.pop(f.name, None)
        ns.update(methods)
        owner = type.__new__(meta, name, bases, ns)
    init.owner = owner
    return owner


class _RecordType(type):
    """The class of the classes that derive from :class:`Record`: each is made once, by the class
    statement, with its fields' slots and its generated methods in its namespace from the start
    (the decorator gets a class already made, and a slotted one must be made again: a cost paid
    by every record at start-up, issue 15)."""

    def __new__(mcls, name: str, bases: tuple[type, ...], body: dict[str, Any], *, frozen: bool = False,
                slots: bool = False, eq: bool = True, repr: bool = True, order: bool = False) -> Any:
        if "Record" not in globals() or Record not in bases:    # Record itself, or a record's subclass
            return super().__new__(mcls, name, bases, body)
        return _record(name, bases, body, mcls, frozen, slots, eq, repr, order)

    def __init__(cls, name: str, bases: tuple[type, ...], body: dict[str, Any], **options: bool) -> None:
        super().__init__(name, bases, body)


class Record(metaclass=_RecordType):
    """The base of a record class: ``class Port(Record, frozen=True, slots=True)`` makes what
    ``@dataclass(frozen=True, slots=True) class Port`` makes, with the same keywords, in one class
    made instead of two. ``Record`` itself has no fields and no instance layout (empty slots)."""

    __slots__ = ()


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as a tuple (as the generated methods of ``dataclasses`` compare)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


_REPR_RUNNING: set[tuple[int, int]] = set()


def _repr_fn(names: tuple[str, ...]) -> Callable[[Any], str]:
    values = _getter(names)

    # as dataclasses' (reprlib.recursive_repr): the model's records refer to each other in cycles
    # (a link and its peer, a container and its sandbox), and a record met again inside its own
    # repr, in the same thread, is shown as "..." (one set of the reprs running, for every record)
    def __repr__(self: Any) -> str:
        key = (id(self), get_ident())
        if key in _REPR_RUNNING:
            return "..."
        _REPR_RUNNING.add(key)
        try:
            inner = ", ".join([f"{n}={v!r}" for n, v in zip(names, values(self))])
        finally:
            _REPR_RUNNING.discard(key)
        return f"{self.__class__.__qualname__}({inner})"
    return __repr__


def _eq_fn(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented
    return __eq__


def _order_fn(values: Callable[[Any], tuple[Any, ...]], op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def compare(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented
    return compare


def _state_fns(names: tuple[str, ...]) -> tuple[Callable[[Any], list[Any]], Callable[[Any, list[Any]], None]]:
    """A frozen slotted record's pickling pair (``dataclasses`` adds the same): its state is the
    list of its field values, set back past the frozen ``__setattr__``."""
    values = _getter(names)

    def __getstate__(self: Any) -> list[Any]:
        return list(values(self))

    def __setstate__(self: Any, state: list[Any]) -> None:
        for n, v in zip(names, state):
            object.__setattr__(self, n, v)

    return __getstate__, __setstate__


def _frozen_error(text: str) -> AttributeError:
    from dataclasses import FrozenInstanceError     # callers catch the standard library's class
    return FrozenInstanceError(text)


class _LazyInit:
    """The class's ``__init__`` until it is hot: the first instances are made by a generic
    ``__init__`` that binds the arguments itself (no code is compiled for them: a process that
    makes a handful of each record, as ``python -m dockernet_sim run`` does, compiles few);
    the ``HOT``-th instance, a call the generic one cannot bind (its error must read as
    Python's), or a look at ``cls.__init__`` itself (``inspect.signature``, ``help``) makes the
    compiled one and puts it in this descriptor's place (issue 15)."""

    __slots__ = ("owner", "generic")

    # a compile costs what a hundred or two generic calls cost more than compiled ones (50 to 150
    # µs against a fraction of one): the seed walkthrough makes 64 shell words (which compiled
    # their Lit's and Word's at 64), and only Flag, made for every command line, gets hot
    HOT = 256

    def __init__(self) -> None:
        self.owner: Any = None          # the record's class, once made
        self.generic: Optional[Callable[..., None]] = None

    def __get__(self, obj: Any, cls: Optional[type] = None) -> Any:
        if obj is None:
            return self.compiled()
        generic = self.generic
        if generic is None:             # (the generic __init__ counts the instances it makes)
            generic = self.generic = _generic_init(self.owner, self.compiled)
        return generic.__get__(obj, cls)

    def compiled(self) -> Callable[..., None]:
        fn = self.owner.__dict__["__init__"]
        if fn is self:
            fn = _make_init(self.owner)
            setattr(self.owner, "__init__", fn)
        return fn


def _generic_init(cls: Any, compiled: Callable[[], Callable[..., None]]) -> Callable[..., None]:
    """An ``__init__`` for ``cls`` that does what its compiled one does for every call that binds
    (positional values, then keywords, then defaults and factories; then ``__post_init__``),
    and hands any other call to the compiled one, which raises Python's own ``TypeError``.

    It binds at C speed, whatever the number of fields: the defaults, the positional values and
    the keywords merged into one table (a call binds when that table names every field, and the
    keywords name fields and none given by position), the values read from it in field order."""
    own: tuple[Field, ...] = cls.__dict__[_FIELDS]
    names = tuple(f.name for f in own)
    known = frozenset(names)
    n = len(names)
    defaults = {f.name: _HAS_FACTORY if f.default_factory is not MISSING else f.default for f in own
                if f.default is not MISSING or f.default_factory is not MISSING}
    factories = tuple((i, f.default_factory) for i, f in enumerate(own) if f.default_factory is not MISSING)
    frozen = cls.__dict__["__record_params__"][0]
    put = object.__setattr__ if frozen else setattr
    post_init = any("__post_init__" in k.__dict__ for k in cls.__mro__)
    # the values go straight into the instance's __dict__ (one call, not one per field) when
    # that is where the assignments would put them: no slots, no __setattr__ of the class's own
    # but the frozen one, and nothing of a field's name on a base class (a property, a slot);
    # an instance of a subclass, which may have either, is given its values one by one
    into_dict = "__slots__" not in cls.__dict__ and \
        (cls.__setattr__ is object.__setattr__ or (frozen and "__setattr__" in cls.__dict__)) and \
        not any(name in base.__dict__ for base in cls.__mro__[1:] for name in names)

    made = 0
    hot = _LazyInit.HOT

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        nonlocal made
        made += 1
        if made >= hot:                 # hot: compiled from now on
            compiled()(self, *args, **kwargs)
            return
        values: Any = args
        if kwargs or len(args) != n:
            if not args:
                merged = {**defaults, **kwargs} if kwargs else defaults
            elif len(args) < n and kwargs.keys().isdisjoint(names[:len(args)]):
                merged = {**defaults, **dict(zip(names, args)), **kwargs}
            else:
                merged = {}     # too many values, or a keyword for a field given by position
            if len(merged) != n or not kwargs.keys() <= known or len(args) > n:
                compiled()(self, *args, **kwargs)
                return
            values = list(map(merged.__getitem__, names))
            for i, factory in factories:
                if values[i] is _HAS_FACTORY:
                    values[i] = factory()
        if into_dict and self.__class__ is cls:
            self.__dict__.update(zip(names, values))
        else:
            any(map(put, repeat(self, n), names, values))       # (each put returns None: all run)
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    __init__.__module__ = cls.__module__
    return __init__


def _make_init(cls: Any) -> Callable[..., None]:
    """``cls.__init__``: the template of its shape, with the field names put in its code."""
    own: tuple[Field, ...] = cls.__dict__[_FIELDS]
    frozen = cls.__dict__["__record_params__"][0]
    post_init = any("__post_init__" in k.__dict__ for k in cls.__mro__)
    template = _init_template(len(own), frozen, post_init, tuple(f.default_factory is not MISSING for f in own))
    rename = {f"__a{i}": f.name for i, f in enumerate(own)}
    code = template.replace(co_varnames=tuple(rename.get(n, n) for n in template.co_varnames),
                            co_names=tuple(rename.get(n, n) for n in template.co_names),
                            co_consts=tuple(rename.get(c, c) if type(c) is str else c for c in template.co_consts),
                            co_qualname=f"{cls.__qualname__}.__init__")
    env: dict[str, Any] = {"__builtins__": __builtins__, "__SET": object.__setattr__, "__S": _HAS_FACTORY}
    defaults = []
    for i, f in enumerate(own):
        if f.default_factory is not MISSING:
            env[f"__F{i}"] = f.default_factory
            defaults.append(_HAS_FACTORY)
        elif f.default is not MISSING:
            defaults.append(f.default)
    fn: Any = FunctionType(code, env, "__init__", tuple(defaults) or None)
    fn.__qualname__ = f"{cls.__qualname__}.__init__"
    fn.__module__ = cls.__module__
    return fn


@functools.cache
def _init_template(n: int, frozen: bool, post_init: bool, factories: tuple[bool, ...]) -> CodeType:
    """The code of an ``__init__`` of ``n`` fields named ``__a0``… (a record's names replace
    them): compiled once per shape, not once per class (issue 15)."""
    lines = []
    for i, factory in enumerate(factories):
        value = f"__F{i}() if __a{i} is __S else __a{i}" if factory else f"__a{i}"
        lines.append(f"__SET(self, '__a{i}', {value})" if frozen else f"self.__a{i} = {value}")
    if post_init:
        lines.append("self.__post_init__()")
    src = f"def __init__({', '.join(['self'] + [f'__a{i}' for i in range(n)])}):\n" + \
        "".join(f" {line}\n" for line in lines or ["pass"])
    return next(c for c in compile(src, "<record __init__>", "exec").co_consts if isinstance(c, CodeType))


class _LazyDataclassFields:
    """``__dataclass_fields__`` (and ``__dataclass_params__``) for the standard library's
    ``fields``/``replace``/``asdict``: made by ``dataclasses`` itself on first use, for the record
    class it is read through (one descriptor of each name serves every record)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, cls: Optional[type] = None) -> Any:
        import dataclasses
        owner: Any = next(k for k in (cls or type(obj)).__mro__ if _FIELDS in k.__dict__)
        frozen, eq, want_repr, order = owner.__dict__["__record_params__"]
        def given(value: Any) -> Any:
            return dataclasses.MISSING if value is MISSING else value

        specs = [(f.name, f.type, dataclasses.field(default=given(f.default), default_factory=given(f.default_factory),
                                                    repr=f.repr, hash=f.hash, compare=f.compare))
                 for f in owner.__dict__[_FIELDS]]
        shadow: Any = dataclasses.make_dataclass(owner.__name__, specs, frozen=frozen, eq=eq, repr=want_repr,
                                                 order=order)
        setattr(owner, "__dataclass_fields__", shadow.__dataclass_fields__)
        setattr(owner, "__dataclass_params__", shadow.__dataclass_params__)
        return owner.__dict__[self.name]


_DATACLASS_FIELDS = _LazyDataclassFields("__dataclass_fields__")
_DATACLASS_PARAMS = _LazyDataclassFields("__dataclass_params__")


def is_record(obj: Any) -> bool:
    """Whether ``obj`` is a record class or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return _FIELDS in cls.__dict__


def fields(obj: Any) -> tuple[Field, ...]:
    """A record's (or record class's) fields, in order."""
    cls = obj if isinstance(obj, type) else type(obj)
    try:
        return cls.__dict__[_FIELDS]
    except KeyError:
        raise TypeError("must be called with a record type or instance") from None


def replace(obj: Any, /, **changes: Any) -> Any:
    """A new record like ``obj`` with ``changes``, as ``dataclasses.replace``."""
    names = tuple(f.name for f in fields(obj))
    return obj.__class__(**{**dict(zip(names, _getter(names)(obj))), **changes})
