"""The table of the host's public calls: which methods are Engine API calls, and their arguments.

Each method of :class:`~dockernet_sim.daemon.daemon.Daemon` that changes the host is declared
with :func:`api_call`, which puts it in :data:`API_CALLS` under its name, with its parameters
and their annotated types (what a call's arguments may be, and so how they serialise: strings,
numbers, lists, dicts, and the spec dataclasses ``ContainerSpec``, ``EndpointSpec``, ``Image``).
Whoever needs every call — saving a host (``dockernet_sim.persist``), a property test that
drives random calls — reads this table instead of a list of method names.

A daemon with a :class:`Recorder` attached tells it about every outermost call (a call made
from inside another, ``run`` → create and start, is part of the outer one) and how it ended.

>>> from dockernet_sim.daemon.daemon import Daemon   # its class body fills the table
>>> sorted(API_CALLS)[:3]
['add_image', 'container_create', 'container_exited']
>>> API_CALLS["network_remove"].params
(Param(name='term', annotation='str', kind=<ParamKind.POSITIONAL: 'positional'>, required=True),)
"""

from __future__ import annotations

import enum
import functools
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Protocol, Sequence, TypeVar

from ..records import Record, field


class ParamKind(enum.Enum):
    POSITIONAL = "positional"       # by position or by name
    KEYWORD = "keyword"             # by name only
    MORE_KEYWORDS = "**"            # any further names (``run``'s ContainerSpec fields)


class Param(Record, frozen=True, slots=True):
    """One parameter of an API call, as its signature declares it."""

    name: str
    annotation: str        # the annotation's text, e.g. "Optional[dict[str, str]]"
    kind: ParamKind
    required: bool


class ApiCall(Record, frozen=True, slots=True):
    """One public call of the host: its name, the (recording) method, and the method as declared,
    whose signature gives the call's parameters."""

    name: str
    method: Callable[..., Any] = field(compare=False, repr=False)
    declared: Callable[..., Any] = field(compare=False, repr=False)

    @property
    def params(self) -> tuple[Param, ...]:
        """The parameters (``self`` excluded), read from the signature on first use: reading
        it costs ``inspect``, which a start-up does not need (issue 15)."""
        return _params(self.declared)

    def accepts(self, n_args: int, names: Sequence[str]) -> bool:
        """Whether ``n_args`` positional arguments and these keyword names fit the signature."""
        positional = [p for p in self.params if p.kind is ParamKind.POSITIONAL]
        if n_args > len(positional):
            return False
        if any(p.kind is ParamKind.MORE_KEYWORDS for p in self.params):
            return True
        known = {p.name for p in self.params[n_args:] if p.kind is not ParamKind.MORE_KEYWORDS}
        return all(n in known for n in names)

    def invoke(self, target: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Make this call on ``target`` (a Daemon) with already-decoded arguments."""
        return self.method(target, *args, **kwargs)


class Recorder(Protocol):
    """What a daemon tells about each outermost API call (``calllog.CallLog`` is one)."""

    def begin(self, call: ApiCall, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        """A call starts; False when it is nested inside one already being recorded."""
        ...

    def end(self, call: ApiCall, error: Optional[BaseException]) -> None:
        """The call begun last (and recorded) ended, with ``error`` or successfully."""
        ...


class Recordable(Protocol):
    recorder: Optional[Recorder]


# filled once, as the Daemon's class body is executed; read-only to everyone else
_DECLARED: dict[str, ApiCall] = {}
API_CALLS: Mapping[str, ApiCall] = MappingProxyType(_DECLARED)

F = TypeVar("F", bound=Callable[..., Any])


@functools.cache
def _params(fn: Callable[..., Any]) -> tuple[Param, ...]:
    import inspect
    out = []
    kinds = {inspect.Parameter.POSITIONAL_OR_KEYWORD: ParamKind.POSITIONAL,
             inspect.Parameter.KEYWORD_ONLY: ParamKind.KEYWORD, inspect.Parameter.VAR_KEYWORD: ParamKind.MORE_KEYWORDS}
    for p in list(inspect.signature(fn).parameters.values())[1:]:      # self
        out.append(Param(p.name, str(p.annotation), kinds[p.kind], p.default is inspect.Parameter.empty))
    return tuple(out)


def api_call(fn: F) -> F:
    """Declare a Daemon method an API call: register it and report its calls to the recorder."""

    @functools.wraps(fn)
    def method(daemon: Recordable, *args: Any, **kwargs: Any) -> Any:
        rec = daemon.recorder
        if rec is None or not rec.begin(call, args, kwargs):
            return fn(daemon, *args, **kwargs)
        try:
            result = fn(daemon, *args, **kwargs)
        except BaseException as e:
            rec.end(call, e)
            raise
        rec.end(call, None)
        return result

    call = ApiCall(fn.__name__, method, fn)
    if call.name in _DECLARED:
        raise ValueError(f"API call {call.name} declared twice")
    _DECLARED[call.name] = call
    return method  # type: ignore[return-value]


__all__ = ["API_CALLS", "ApiCall", "Param", "ParamKind", "Recorder", "api_call"]
