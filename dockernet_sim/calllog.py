"""The call log of a host: its constructor arguments and every Engine API call made on it, each
as the JSON text a host file keeps (``persist`` writes the file and reads it back).

:class:`CallLog` is the daemon's :class:`~dockernet_sim.daemon.apicalls.Recorder` that
``DockerHost`` attaches; :func:`encode` and :func:`decode` turn an API call's arguments into JSON
values and back. This is what a host needs while it runs: the saving, the loading and the
digest live in ``persist``, which a session loads on its first save or load (issue 15).
"""

from __future__ import annotations

import json
import operator
from typing import TYPE_CHECKING, Any, Optional

from .ids import sha256
from .records import fields as record_fields, is_record
from .daemon.apicalls import ApiCall
from .daemon.config import DaemonConfig, HostSpec
from .daemon.container import Image
from .daemon.health import HealthConfig
from .daemon.specs import ContainerSpec, EndpointSpec, MountSpec
from .errors import DockerError

if TYPE_CHECKING:
    from .daemon.daemon import Daemon
    from .persist import SavableHost

# Only these classes may appear in a document: loading never imports or builds anything else.
_CLASSES: dict[str, type] = {c.__name__: c for c in (ContainerSpec, EndpointSpec, MountSpec, Image, HostSpec,
                                                     DaemonConfig, HealthConfig)}
_FIELDS: dict[str, frozenset[str]] = {name: frozenset(f.name for f in record_fields(c)) for name, c in _CLASSES.items()}


class PersistError(ValueError):
    """A host file that cannot be saved or loaded; the message names the problem."""


# -- values <-> JSON ------------------------------------------------------------------------------
_AS_IS = frozenset({str, int, bool, type(None)})


_STARTS_WITH_DOLLAR = operator.methodcaller("startswith", "$")


def _plain_keys(value: dict[Any, Any]) -> bool:
    """Whether a dict's keys are strings none of which starts with ``$`` (written as an object);
    tested at C speed for the usual exact ``str`` keys (65,535 port bindings)."""
    if set(map(type, value)) <= {str}:
        return not any(map(_STARTS_WITH_DOLLAR, value))
    return all(isinstance(k, str) and not k.startswith("$") for k in value)


def encode(value: Any) -> Any:
    """A JSON-able form of an API argument; tuples, non-string-keyed dicts and the spec
    dataclasses are tagged so that :func:`decode` gives back an equal value."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise PersistError(f"cannot record the float {value!r}")
        return value
    # (a str, int, bool or None item is copied as it is without a call: 65,535 port bindings)
    if isinstance(value, list):
        return [v if type(v) in _AS_IS else encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, dict):
        if _plain_keys(value):
            return {k: v if type(v) in _AS_IS else encode(v) for k, v in value.items()}
        return {"$dict": [[encode(k), encode(v)] for k, v in value.items()]}
    cls = type(value)
    if is_record(value) and _CLASSES.get(cls.__name__) is cls:
        return {"$dc": cls.__name__,
                "fields": {f.name: encode(getattr(value, f.name)) for f in record_fields(value)}}
    raise PersistError(f"cannot record a value of type {cls.__name__}: {value!r}")


def decode(doc: Any) -> Any:
    """The inverse of :func:`encode`; raises PersistError on anything it did not write."""
    if doc is None or isinstance(doc, (bool, int, float, str)):
        return doc
    # (a str, int, bool or None item is taken as it is without a call, as encode writes it)
    if isinstance(doc, list):
        return [v if type(v) in _AS_IS else decode(v) for v in doc]
    if not isinstance(doc, dict):
        raise PersistError(f"unexpected value {doc!r}")
    if "$tuple" in doc:
        if len(doc) != 1 or not isinstance(doc["$tuple"], list):
            raise PersistError("malformed $tuple value")
        return tuple(decode(v) for v in doc["$tuple"])
    if "$dict" in doc:
        pairs = doc["$dict"]
        if len(doc) != 1 or not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2
                                                                    for p in pairs):
            raise PersistError("malformed $dict value")
        try:
            return {decode(k): decode(v) for k, v in pairs}
        except TypeError as e:   # an unhashable key
            raise PersistError(f"malformed $dict value: {e}") from None
    if "$dc" in doc:
        name = doc["$dc"]
        cls = _CLASSES.get(name) if isinstance(name, str) else None
        fields = doc.get("fields")
        if cls is None:
            raise PersistError(f"unknown object type {name!r}")
        if set(doc) != {"$dc", "fields"} or not isinstance(fields, dict):
            raise PersistError(f"malformed {name} value")
        extra = sorted(set(fields) - _FIELDS[name])
        if extra:
            raise PersistError(f"{name} has no field {extra[0]!r}")
        try:
            return cls(**{k: v if type(v) in _AS_IS else decode(v) for k, v in fields.items()})
        except (TypeError, ValueError) as e:   # values.py's checks, in the dataclass or the call
            raise PersistError(f"malformed {name} value: {e}") from None
    return {k: v if type(v) in _AS_IS else decode(v) for k, v in doc.items()}


# -- recording -------------------------------------------------------------------------------------
_COMPACT = (",", ":")


class CallLog:
    """The constructor arguments of a host and every API call made on it since: the daemon's
    :class:`~dockernet_sim.daemon.apicalls.Recorder` (``DockerHost`` attaches one to its daemon)."""

    __slots__ = ("header", "_calls", "_loaded", "unsaveable", "_open", "_unencodable")

    def __init__(self, daemon: "Daemon") -> None:
        # the images the daemon was made with (the defaults are its own): made again the same, its
        # start-up logs the same image events (daemon.events)
        images = [encode(im) for im in daemon.declared_images]
        self.header: dict[str, Any] = {
            "engine": daemon.profile.name, "seed": daemon.seed,
            "host": encode(daemon.host), "config": encode(daemon.config), "images": images,
        }
        # each entry as its JSON text: one string per call, which Python's cyclic collector does
        # not scan and a fork copies in one piece, instead of a dozen nested lists and dicts
        self._calls: list[str] = []
        # the entries of a loaded file, written as text when the log is first read (a load from a
        # snapshot need not pay for it)
        self._loaded: Optional[list[dict[str, Any]]] = None
        self.unsaveable: Optional[str] = None
        self._open: Optional[dict[str, Any]] = None     # the outermost call under way
        self._unencodable: Optional[str] = None          # why its arguments cannot be written

    @property
    def calls(self) -> list[str]:
        """Every entry, in order, as compact JSON text."""
        if self._loaded is not None:
            self._calls[:0] = [json.dumps(e, separators=_COMPACT) for e in self._loaded]
            self._loaded = None
        return self._calls

    @calls.setter
    def calls(self, texts: list[str]) -> None:
        self._calls, self._loaded = texts, None

    def load(self, entries: list[dict[str, Any]]) -> None:
        """Take a loaded file's entries (as :func:`_replay` or :func:`_check_entries` give them)
        as the log so far."""
        self._calls, self._loaded = [], entries

    def digest(self) -> str:
        """The hash of the entries as one compact JSON array: what a snapshot says it is of."""
        if self._loaded is not None and not self._calls:
            text = json.dumps(self._loaded, separators=_COMPACT, check_circular=False)
        else:
            text = "[" + ",".join(self.calls) + "]"
        return "sha256:" + sha256(text.encode()).hexdigest()

    def begin(self, call: ApiCall, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        if self._open is not None:
            return False          # nested: replaying the outer call repeats it
        entry: dict[str, Any] = {"op": call.name}
        self._unencodable = None
        try:
            entry["args"] = [encode(a) for a in args]
            entry["kwargs"] = {k: encode(v) for k, v in kwargs.items()}
        except PersistError as e:
            self._unencodable = f"call #{len(self.calls)} {call.name}: {e}"
            entry["args"], entry["kwargs"] = [], {}
        self._open = entry
        return True

    def end(self, call: ApiCall, error: Optional[BaseException]) -> None:
        entry, self._open = self._open, None
        assert entry is not None and entry["op"] == call.name
        if self._unencodable is not None and isinstance(error, TypeError):
            # refused at the API boundary (values.typed) before it changed or drew anything:
            # nothing to replay, and the host stays saveable
            return
        if error is not None and not isinstance(error, DockerError):
            # a bug or a KeyboardInterrupt: the journal rolled the call back whole, so it changed
            # and drew nothing, and replaying a log entry for it could not fail the same way
            return
        if self._unencodable is not None and self.unsaveable is None:
            self.unsaveable = self._unencodable
        if error is not None:   # the daemon answered: replaying the call gives the same answer
            entry["error"] = {"type": type(error).__name__, "message": str(error)}
        self.calls.append(json.dumps(entry, separators=_COMPACT))


def call_log(host: "SavableHost") -> CallLog:
    """The host's log (attached when its constructor returned)."""
    log = host.daemon.recorder
    if not isinstance(log, CallLog):
        raise PersistError(f"this {type(host).__name__} records no calls: only DockerHost can be saved")
    return log


__all__ = ["PersistError", "CallLog", "call_log", "encode", "decode"]
