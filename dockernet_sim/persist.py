"""Saving a host to a file and loading it back: a versioned JSON document of its history.

A host is the result of its constructor arguments (engine, seed, HostSpec, DaemonConfig,
images) and the Engine API calls made on it that completed: with a result, or with a Docker
error (replaying it gives the same error; a failed ``docker run`` keeps the container it
created, and a failing call draws nothing from the random source). A call refused for its
argument types, or cut short by a bug or a ``KeyboardInterrupt``, is rolled back whole and not
logged. So the document records exactly that, and beside it a snapshot of the model the calls
made (``dockernet_sim.snapshot``: the objects as tables, every value checked to its field's type
when read). Loading builds the host from the snapshot, in time proportional to the file; a file
without one (written before snapshots, or too big for one) is loaded by replaying its calls, and
``replay=True`` replays a file's calls whatever it holds and checks that they make its
snapshot. Either way the loaded host is the same object graph, with the same random source in
the same state, so it prints the same output and draws the same IDs and MACs for new objects as
the original would, and its log is the file's, for audit (``since_fork``, a later save): a save
writes each call as the log holds it, one a line (``hostfile``), and a load from the snapshot
takes those texts as its log once the hash of the log the snapshot names shows they are the
saved ones. A digest of the final state (``state()`` plus the random source) is saved and
checked after the load; the snapshot names the hash of the call log it is of. A damaged, foreign or diverging file raises
:class:`PersistError` (a ``ValueError``) naming the problem, and nothing is returned.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=1)
>>> _ = h.network_create("n1")
>>> h2 = loads(dumps(h), DockerHost)
>>> h2.network_inspect("n1")["Id"] == h.network_inspect("n1")["Id"]
True

Only what goes through the Engine API (the calls in ``daemon.apicalls.API_CALLS``) is recorded; changing
the model's objects by hand (``h.kernel…``) is not: the snapshot has the change and the log does
not, so a load with ``replay=True`` reports the divergence.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import operator
import sys
from itertools import repeat
from typing import Any, Callable, Iterator, Optional, Protocol, TypeVar

from .calllog import _COMPACT, CallLog, PersistError, call_log, decode, encode
from .ids import sha256
from .daemon.apicalls import API_CALLS, ApiCall
from .daemon.config import DaemonConfig, HostSpec
from .daemon.container import Image
from .daemon.daemon import Daemon, link_rows, neighbour_rows, route_rows
from .kernel.netfilter import Netfilter
from .kernel.netns import Namespace
from .engines import ALIASES
from .errors import DockerError



class SavableHost(Protocol):
    """What can be saved: a host whose daemon carries a :class:`CallLog` (``DockerHost``)."""

    daemon: "Daemon"

FORMAT = "dockernet_sim.host"
VERSION = 1

# The calls a document may hold: the daemon's table of API calls (filled by the Daemon class,
# imported above).
RECORDED: tuple[str, ...] = tuple(API_CALLS)

# Limits of a host file, far above what a host needs and low enough that a hostile file is
# refused in well under a second, before anything is decoded or replayed.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32                  # nesting of JSON arrays and objects
MAX_VALUES = 4_000_000          # JSON values in the whole document
MAX_STRING = 1024 * 1024        # characters in one string
MAX_CALLS = 100_000
MAX_IMAGES = 10_000


# -- the digest --------------------------------------------------------------------------------------
_SCALARS = (str, int, float, bool, type(None))


def _canon(x: Any) -> Any:
    """``x`` with tuples as lists, dicts with other than string keys as lists of [key, value]
    sorted by their repr, and other objects as their str(): what the digest hashes. Exact types
    are dispatched first (a state is mostly strings, ints and tuples of them), subclasses after."""
    t = type(x)
    if t in _SCALARS:
        return x
    if t is tuple or t is list:
        return [v if type(v) in _SCALARS else _canon(v) for v in x]
    if isinstance(x, dict):
        if all(isinstance(k, str) for k in x):
            return {k: v if type(v) in _SCALARS else _canon(v) for k, v in x.items()}
        return sorted(([_canon(k), _canon(v)] for k, v in x.items()), key=repr)
    if isinstance(x, (list, tuple)):
        return [_canon(v) for v in x]
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    return str(x)


# The sections of ``Daemon.state()`` built of string-keyed dicts, tuples and scalars only, which
# JSON writes as :func:`_canon` would have them: written as they are (most of a big host's state),
# as the namespaces are.
_PLAIN_SECTIONS = ("networks", "containers", "names", "sandboxes")


_UNTOUCHED_NETFILTER = json.dumps(Netfilter().state(), sort_keys=True, separators=_COMPACT)


def digest(host: "SavableHost") -> str:
    """A hash of everything that decides the host's future: its state, its random source, and
    the IPAM's policy and cursors (which decide the next addresses): the sorted, compact JSON of
    them. The netfilter tables nobody touched (every container's) are written as a 0 and their
    text put in after, in one step: a 0 is no table's state, and no other key is "netfilter"."""
    d = host.daemon
    state = d.state(namespaces=False)
    plain = {k: state.pop(k) for k in _PLAIN_SECTIONS if k in state}
    doc = _canon({"state": state, "rand": d.rand.state(), "pid": d.pids.last, "engine_id": d.engine_id,
                  "images": [_image_digest(im) for im in d.images.values()], "policy": d.ipam.policy.value,
                  "ipam": d.ipam.state(include_cursors=True)})
    doc["state"].update(plain)
    shown: dict[int, Any] = {}
    doc["state"]["namespaces"] = {name: _namespace_digest(ns, shown) for name, ns in d.kernel.namespaces.items()}
    text = json.dumps(doc, sort_keys=True, separators=_COMPACT, default=str, check_circular=False)
    text = text.replace('"netfilter":0,', f'"netfilter":{_UNTOUCHED_NETFILTER},')
    return _sha256(text)


def _image_digest(image: Image) -> Any:
    """An image as the digest hashes it: without a HEALTHCHECK it has none (files saved before
    images could have one still match)."""
    doc = encode(image)
    if image.healthcheck is None:
        del doc["fields"]["healthcheck"]
    return doc


def _sha256(text: str) -> str:
    """A digest as a host file names it. OpenSSL's SHA-256, five times the interpreter's own
    (``ids.sha256``) over the megabytes a save or a load hashes, which start-up does without."""
    import hashlib
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _namespace_digest(ns: Namespace, shown: dict[int, Any]) -> dict[str, Any]:
    """A namespace as :func:`~dockernet_sim.daemon.daemon.namespace_state` has it, its netfilter
    tables a 0 where nobody touched them (and not made to read them); ``shown``: ``link_rows``'."""
    out = {"links": link_rows(ns, shown), "netfilter": 0 if ns.netfilter_untouched else ns.netfilter.state(),
           "routes": route_rows(ns, shown)}
    if ns.has_neighbours:
        out["neighbours"] = neighbour_rows(ns)
    return out


# -- save / load -------------------------------------------------------------------------------------
def to_document(host: "SavableHost") -> dict[str, Any]:
    """The JSON document of a host (see the module docstring)."""
    doc, calls, snap = _document(host)
    doc["calls"] = [json.loads(c) for c in calls]
    return doc if snap is None else {**doc, "snapshot": snap}


def _document(host: "SavableHost") -> tuple[dict[str, Any], list[str], Optional[dict[str, Any]]]:
    """The document of a host with its ``calls`` left empty, the calls as the log's texts, and
    the snapshot (None where the file is to load by replay)."""
    log = call_log(host)
    version = getattr(sys.modules.get(__package__ or ""), "__version__", "?")
    if log.unsaveable:
        raise PersistError(f"this host cannot be saved: {log.unsaveable}")
    doc = {"format": FORMAT, "version": VERSION, "generator": f"dockernet_sim {version}",
           **log.header, "calls": None, "counters": counters(host),
           **({"neighbours": rows} if (rows := neighbours(host)) else {}), "digest": digest(host)}
    return doc, log.calls, _snapshot(host, log)


def _snapshot(host: "SavableHost", log: CallLog) -> Optional[dict[str, Any]]:
    """The host's snapshot, or None where the file is to load by replay: a value outside its
    field's type (set by hand), or more objects than a file may hold."""
    from .snapshot import SnapshotError, write as write_snapshot   # (a save's, not start-up's)
    try:
        snap = write_snapshot(host.daemon, log.digest())
    except SnapshotError:
        return None
    if sum(t["count"] for t in snap["objects"].values()) > MAX_VALUES:
        return None
    return snap


def counters(host: "SavableHost") -> list[list[Any]]:
    """The traffic counters of the links that moved packets, ``[netns, link, rx packets, rx bytes,
    tx packets, tx bytes]`` each: packets move in ``docker exec`` (ping), which is no Engine API
    call, so the counters are saved beside the calls and set again after the replay."""
    return [[name, l.name, l.rx_packets, l.rx_bytes, l.tx_packets, l.tx_bytes]
            for name, ns in host.daemon.kernel.namespaces.items() for l in ns.sorted_links()
            if l.rx_packets or l.tx_packets]


def _set_counters(host: "SavableHost", rows: Any) -> None:
    if not isinstance(rows, list):
        raise PersistError("not a valid host file: 'counters' has the wrong type")
    namespaces = host.daemon.kernel.namespaces
    for row in rows:
        if not (isinstance(row, list) and len(row) == 6 and all(isinstance(x, str) for x in row[:2])
                and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in row[2:])):
            raise PersistError("not a valid host file: a malformed 'counters' row")
        ns = namespaces.get(row[0])
        link = ns.link(row[1]) if ns is not None else None
        if link is None:
            raise PersistError(f"not a valid host file: counters for {row[1]!r} in {row[0]!r}, which the "
                               f"replayed host does not have")
        link.rx_packets, link.rx_bytes, link.tx_packets, link.tx_bytes = row[2:]


def neighbours(host: "SavableHost") -> list[list[Any]]:
    """The neighbour (ARP) entries the moved packets made, ``[netns, dev, ip, mac or null, state,
    probes]`` each: like the counters, made outside the Engine API, so saved beside the calls."""
    return [[name, n.dev, str(n.ip), n.mac, n.state, n.probes]
            for name, ns in host.daemon.kernel.namespaces.items() if ns.has_neighbours for n in ns.neighbours]


def _set_neighbours(host: "SavableHost", rows: Any) -> None:
    from .addr import AddrError, parse_ip
    from .kernel.neighbour import STATES, Neighbour
    if not isinstance(rows, list):
        raise PersistError("not a valid host file: 'neighbours' has the wrong type")
    namespaces = host.daemon.kernel.namespaces
    for row in rows:
        if not (isinstance(row, list) and len(row) == 6 and all(isinstance(x, str) for x in row[:3])
                and (row[3] is None or isinstance(row[3], str)) and row[4] in STATES
                and isinstance(row[5], int) and not isinstance(row[5], bool) and row[5] >= 0):
            raise PersistError("not a valid host file: a malformed 'neighbours' row")
        ns = namespaces.get(row[0])
        try:
            ip = parse_ip(row[2])
        except AddrError:
            raise PersistError(f"not a valid host file: {row[2]!r} in 'neighbours' is not an address") from None
        if ns is None or ns.link(row[1]) is None:
            raise PersistError(f"not a valid host file: a neighbour on {row[1]!r} in {row[0]!r}, which the "
                               f"replayed host does not have")
        ns.neighbours.put(Neighbour(ip, row[1], row[3], row[4], row[5]))


def dumps(host: "SavableHost") -> str:
    """The text of the host's file: the document indented, but the calls as the log holds them,
    one a line, and the snapshot's columns on one line (a value a line would make it twice the
    size to read) — ``hostfile.layout``."""
    from .hostfile import layout   # (a save's, not start-up's)
    doc, calls, snap = _document(host)
    keys = list(doc)
    at = keys.index("calls")
    head = json.dumps({k: doc[k] for k in keys[:at]}, indent=1)[:-2]
    tail = json.dumps({k: doc[k] for k in keys[at + 1:]}, indent=1)[2:-2]
    return layout(head, calls, tail, None if snap is None else json.dumps(snap, separators=_COMPACT))


def save(host: "SavableHost", path: "str | os.PathLike[str]") -> None:
    """Write the host's document to ``path`` (atomically: a crash never leaves half a file)."""
    import tempfile   # only a save needs it: loading and recording must not pay for its import
    text = dumps(host)
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".dockernet_sim-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


H = TypeVar("H", bound="SavableHost")


def _need(doc: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in doc:
        raise PersistError(f"not a valid host file: missing {key!r}")
    v = doc[key]
    if not isinstance(v, kind) or (kind is int and isinstance(v, bool)):
        raise PersistError(f"not a valid host file: {key!r} has the wrong type")
    return v


def check_bounds(doc: Any, call_texts: Optional[list[str]] = None) -> None:
    """Refuse a document beyond the limits above (depth, size, counts) before any of it is
    decoded: a walk with an explicit stack, so no nesting can exhaust Python's own. With
    ``call_texts``, the texts the entries of ``doc["calls"]`` were read from (``hostfile.parse``),
    the entries are measured by their texts where that shows them within the limits."""
    if isinstance(doc, dict):
        for key, limit in (("calls", MAX_CALLS), ("images", MAX_IMAGES)):
            v = doc.get(key)
            if isinstance(v, list) and len(v) > limit:
                raise PersistError(f"not a valid host file: more than {limit} {key}")
    # Only containers go on the stack; the scalars in one are counted together and only its
    # strings are measured: a document is mostly scalars, and this walk runs before every load.
    if isinstance(doc, str) and len(doc) > MAX_STRING:
        raise PersistError(f"not a valid host file: a string longer than {MAX_STRING} characters")
    if call_texts is not None and isinstance(doc, dict) and _texts_within_bounds(call_texts):
        try:     # the document, its "calls" key and list, and at most a value a character of the texts
            _walk({k: v for k, v in doc.items() if k != "calls"}, 3 + sum(map(len, call_texts)))
            return
        except PersistError:
            pass     # (the texts' measure is over what the entries hold: the walk of them all decides)
    _walk(doc, 1)


def _walk(doc: Any, count: int) -> None:
    """:func:`check_bounds`'s walk, ``count`` values counted before it."""
    stack: list[tuple[Any, int]] = [(doc, 0)] if isinstance(doc, (list, dict)) else []
    while stack:
        v, depth = stack.pop()
        if depth >= MAX_DEPTH:
            raise PersistError(f"not a valid host file: nested deeper than {MAX_DEPTH}")
        items: Any = v
        if isinstance(v, dict):
            count += len(v)
            items = [*v, *v.values()]
        count += len(v)
        if count > MAX_VALUES:
            raise PersistError(f"not a valid host file: more than {MAX_VALUES} values")
        for x in items:
            if isinstance(x, str):
                if len(x) > MAX_STRING:
                    raise PersistError(f"not a valid host file: a string longer than {MAX_STRING} characters")
            elif isinstance(x, (list, dict)):
                stack.append((x, depth + 1))


def _texts_within_bounds(texts: list[str]) -> bool:
    """Whether the entries of a document's ``calls`` (at depth 2 in it), read from ``texts``, are
    within the depth and string limits, as their texts show without a walk: a string is no
    longer than the text it is written in, and a value nests no deeper than its text opens
    brackets. (A text beyond either is walked, as the rest of the document is.)"""
    if MAX_DEPTH < 2 or MAX_STRING < len("calls") or (texts and max(map(len, texts)) > MAX_STRING):
        return False
    opened = map(operator.add, map(str.count, texts, repeat("[")), map(str.count, texts, repeat("{")))
    return max(opened, default=0) <= MAX_DEPTH - 2


def from_document(doc: Any, cls: Callable[..., H], *, replay: bool = False) -> H:
    """Rebuild a host (of class ``cls``) from its document: from its snapshot or by replaying its
    calls (always with ``replay``), and verified against its digest."""
    with _collector_paused():
        return _from_document(doc, cls, replay)


def _from_document(doc: Any, cls: Callable[..., H], replay: bool, call_texts: Optional[list[str]] = None) -> H:
    """:func:`from_document`; ``call_texts``: the texts the entries of the document's calls were
    read from (``hostfile.parse``), where known."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PersistError("not a dockernet_sim host file (no \"format\": \"dockernet_sim.host\")")
    # the snapshot's columns are checked to their fields' types, and to these limits, as it is read
    check_bounds({k: v for k, v in doc.items() if k != "snapshot"}, call_texts)
    version = _need(doc, "version", int)
    if version > VERSION:
        raise PersistError(f"host file version {version} is newer than this dockernet_sim reads ({VERSION})")
    if version < 1:
        raise PersistError(f"unknown host file version {version}")
    engine = _need(doc, "engine", str)
    if engine not in ALIASES:
        raise PersistError(f"host file names an unknown engine {engine!r}")
    seed = _need(doc, "seed", int)
    hostspec = decode(_need(doc, "host", dict))
    config = decode(_need(doc, "config", dict))
    images = decode(_need(doc, "images", list))
    calls = _need(doc, "calls", list)
    want = _need(doc, "digest", str)
    if not isinstance(hostspec, HostSpec) or not isinstance(config, DaemonConfig) or \
            not all(isinstance(im, Image) for im in images):
        raise PersistError("not a valid host file: bad host, config or images")
    try:
        host = cls(engine=ALIASES[engine], seed=seed, host=hostspec, config=config, images=images)
    except Exception as e:
        raise PersistError(f"cannot build the saved host: {type(e).__name__}: {e}") from None
    log = call_log(host)
    # The file's entries are the log: the replay checks each one, so it need not record them again.
    host.daemon.recorder = None
    try:
        if "snapshot" in doc and not replay:
            # the model as saved: built directly, checked against the log's hash and the digest
            snap = doc["snapshot"]
            named = snap.get("log") if isinstance(snap, dict) else None
            if call_texts is not None and _as_logged(calls) and _log_hash(call_texts) == named:
                log.calls = call_texts     # the texts of the log the snapshot is of, as it wrote them
            else:                          # (written otherwise: as the log writes the entries)
                log.load(_check_entries(calls))
                named = log.digest()
            from .snapshot import Limits, read as read_snapshot   # (a load's, not start-up's)
            read_snapshot(host.daemon, snap, named, Limits(MAX_VALUES, MAX_STRING, MAX_DEPTH), PersistError)
        else:      # a file from before snapshots, or a replay asked for
            log.load(_replay(host, calls))
        # (the snapshot has them too: set again, they are checked by the digest like the rest)
        _set_counters(host, doc.get("counters", []))
        _set_neighbours(host, doc.get("neighbours", []))
        if replay and "snapshot" in doc and not _same_snapshot(host, doc, log, cls):
            raise PersistError("the host file's snapshot is not what its calls make: the snapshot was "
                               "edited, or the model changed by hand, or written by an incompatible version")
        got = digest(host)
    finally:
        host.daemon.recorder = log
    if got != want:
        raise PersistError(f"host file digest mismatch: the loaded host differs from the saved one "
                           f"(saved {want[:19]}…, got {got[:19]}…); the file is damaged or was written by "
                           f"an incompatible version")
    return host


def _same_snapshot(host: "SavableHost", doc: dict[str, Any], log: CallLog, cls: Callable[..., H]) -> bool:
    """Whether a replayed host is the host of the document's snapshot, up to the order of its
    dicts (a call interrupted and rolled back may leave an entry at the end, and is no call of
    the log): both written canonically."""
    from .snapshot import SnapshotError, write as write_snapshot
    saved = _from_document(doc, cls, False)
    try:
        return write_snapshot(host.daemon, log.digest(), canonical=True) == \
            write_snapshot(saved.daemon, log.digest(), canonical=True)
    except SnapshotError:
        return False


def _entry(n: int, entry: Any) -> tuple[str, ApiCall, list[Any], dict[str, Any]]:
    """Where a log entry is (for messages), its call and its arguments; PersistError if it is
    not an entry :class:`CallLog` writes."""
    where = f"call #{n}"
    if not isinstance(entry, dict) or not isinstance(entry.get("op"), str):
        raise PersistError(f"not a valid host file: {where} is malformed")
    where += f" {entry['op']}"
    call = API_CALLS.get(entry["op"])
    if call is None:
        raise PersistError(f"not a valid host file: {where}: unknown operation")
    args, kwargs = entry.get("args", []), entry.get("kwargs", {})
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise PersistError(f"not a valid host file: {where}: malformed arguments")
    if not call.accepts(len(args), list(kwargs)):
        raise PersistError(f"not a valid host file: {where}: arguments do not match the call")
    return where, call, args, kwargs


# The keys of an entry as :class:`CallLog` writes it, and of its error.
_LOGGED = (frozenset({"op", "args", "kwargs"}), frozenset({"op", "args", "kwargs", "error"}))
_ERROR = frozenset({"type", "message"})


def _as_logged(calls: list[Any]) -> bool:
    """Whether every entry is one :class:`CallLog` writes: exactly its keys, a call this version
    makes, arguments that fit it and a well-formed error (what :func:`_check_entries` checks and
    keeps). The calls' shapes are checked once each, not an entry at a time: a log of 4,000
    entries has a dozen."""
    if not set(map(type, calls)) <= {dict} or not set(map(frozenset, calls)) <= set(_LOGGED):
        return False
    ops, args, kwargs = ([e[k] for e in calls] for k in ("op", "args", "kwargs"))
    if not set(map(type, ops)) <= {str} or not set(map(type, args)) <= {list} or not set(map(type, kwargs)) <= {dict}:
        return False
    for op, n, names in set(zip(ops, map(len, args), map(tuple, kwargs))):
        call = API_CALLS.get(op)
        if call is None or not call.accepts(n, names):
            return False
    errors = [e["error"] for e in calls if len(e) == 4]
    return all(type(err) is dict and err.keys() == _ERROR and type(err["type"]) is str and type(err["message"]) is str
               for err in errors)


def _log_hash(texts: list[str]) -> str:
    """:meth:`CallLog.digest` of a log of these entries' texts."""
    return _sha256("[" + ",".join(texts) + "]")


def _check_entries(calls: list[Any]) -> list[dict[str, Any]]:
    """The log of a file loaded from its snapshot, in the shape :class:`CallLog` writes it: each
    entry checked to be a call this version makes, with arguments that fit it. The log is there
    for audit (``since_fork``, a later save), so the values of the arguments are decoded (and
    checked) when they are read, as any entry's are."""
    entries: list[dict[str, Any]] = []
    for n, entry in enumerate(calls):
        where, _, args, kwargs = _entry(n, entry)
        err = entry.get("error")
        if err is not None and not (isinstance(err, dict) and set(err) == {"type", "message"}
                                    and all(isinstance(v, str) for v in err.values())):
            raise PersistError(f"not a valid host file: {where}: malformed error")
        kept: dict[str, Any] = {"op": entry["op"], "args": args, "kwargs": kwargs}
        if err is not None:
            kept["error"] = err
        entries.append(kept)
    return entries


def _replay(host: "SavableHost", calls: list[Any]) -> list[dict[str, Any]]:
    """Make each recorded call on ``host`` and check it ends as the file says; the entries, in the
    shape :class:`CallLog` writes them, of the calls it would have recorded."""
    entries: list[dict[str, Any]] = []
    for n, entry in enumerate(calls):
        where, call, args, kwargs = _entry(n, entry)
        op = entry["op"]
        decoded_args, decoded_kwargs = decode(args), {k: decode(v) for k, v in kwargs.items()}
        want_err = entry.get("error")
        got_err: Optional[dict[str, str]] = None
        error: Optional[Exception] = None
        try:
            call.invoke(host.daemon, decoded_args, decoded_kwargs)
        except Exception as e:
            error = e
            got_err = {"type": type(e).__name__, "message": str(e)}
        if got_err != want_err:
            def show(e: Optional[dict[str, str]]) -> str:
                return "success" if not e else f"{e.get('type')}: {e.get('message')}"
            raise PersistError(f"replay diverged at {where}: the file says {show(want_err)}, "
                               f"replaying gives {show(got_err)}")
        if error is None or isinstance(error, DockerError):   # what CallLog.end keeps
            kept: dict[str, Any] = {"op": op, "args": args, "kwargs": kwargs}
            if got_err is not None:
                kept["error"] = got_err
            entries.append(kept)
    return entries


def loads(text: "str | bytes", cls: Callable[..., H], *, replay: bool = False) -> H:
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"a host file's text must be str or bytes, not {type(text).__name__}")
    if len(text) > MAX_FILE_BYTES:
        raise PersistError(f"not a valid host file: larger than {MAX_FILE_BYTES} bytes")
    from .hostfile import parse as parse_text   # (a load's, not start-up's)
    with _collector_paused():
        try:
            if isinstance(text, bytes):     # as json.loads reads bytes
                text = text.decode(json.detect_encoding(text), "surrogatepass")
            doc, call_texts = parse_text(text)
        except (ValueError, UnicodeDecodeError) as e:
            raise PersistError(f"not a dockernet_sim host file: not JSON ({e})") from None
        except RecursionError:
            raise PersistError(f"not a valid host file: nested deeper than {MAX_DEPTH}") from None
        try:
            return _from_document(doc, cls, replay, call_texts)
        finally:   # freed before the collector is on again: its next pass would walk every value
            del doc, call_texts


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic collector off, for a load: the parser, the snapshot and a replay make a few
    hundred thousand objects, all kept, and the digest's are acyclic, so the collector's passes
    over them would find nothing to free (as timeit pauses it)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def load(path: "str | os.PathLike[str]", cls: Callable[..., H], *, replay: bool = False) -> H:
    """Read a host saved with :func:`save` (by replaying its calls with ``replay``)."""
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size > MAX_FILE_BYTES:
                raise PersistError(f"not a valid host file: larger than {MAX_FILE_BYTES} bytes")
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise PersistError(f"cannot read host file {os.fspath(path)!r}: {e.strerror or e}") from None
    return loads(data, cls, replay=replay)


__all__ = ["FORMAT", "VERSION", "RECORDED", "PersistError", "check_bounds", "CallLog", "SavableHost", "encode",
           "decode", "digest", "counters", "neighbours", "to_document", "dumps", "save", "loads", "load"]
