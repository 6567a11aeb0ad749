"""The daemon's event log: what ``docker events`` and ``GET /events`` read.

Mirrors moby's ``daemon/events`` (``Events``: the last 256 messages kept in memory, each one a
``types/events.Message`` with a Type, an Action, an Actor — an ID and a map of attributes — the
scope ``local`` and the time), its ``Filter`` (``type``, ``event``, ``scope``, ``label``, and the
name filters ``container``, ``network``, ``volume``, ``image``, ``daemon``…) and
``loadBufferedEvents`` (walk the buffer from the newest back to ``since``, skip what is after
``until``, keep what the filter includes, oldest first).

The log is a ring of :data:`EVENTS_LIMIT` messages: logging one costs O(1) whatever the host's
size, and the memory it takes is bounded. Each message is logged inside the API call that made
it: the journal takes it back with the call if the call fails. A message's time is the host's
clock as the call left it (``Randomness.peek_ns``: logging does not move the clock, so the
recorded IDs and times of everything else stay as they were before the log existed).

Which action carries which attributes is moby's ``daemon/events.go`` (``LogContainerEvent…``,
``LogNetworkEvent…``, ``LogVolumeEvent``, ``LogImageEvent``) as the recordings show it:
tests/golden/scenarios/r270_events_container, r271_events_network_volume,
r272_events_windows_errors (20.10, 26, 28). What differs between engines is the profile's
:class:`~dockernet_sim.engines.events.EventFacts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Optional, Sequence

from ..journal import Journal
from ..records import Record
if TYPE_CHECKING:
    from ..engines.events import EventFacts
    from .container import Container

__all__ = ["EVENTS_LIMIT", "Actor", "Message", "EventLog", "EventFilter", "Emitter", "EVENT_TYPES"]

# moby daemon/events/events.go: eventsLimit
EVENTS_LIMIT = 256

# api/types/events: the types an event may have (a `type=` filter outside them matches nothing)
EVENT_TYPES = ("builder", "config", "container", "daemon", "image", "network", "node", "plugin",
               "secret", "service", "volume")


class Actor(Record, frozen=True, slots=True):
    """events.Actor: whom an event is about, and its attributes (a Go map: shown sorted)."""

    id: str
    attributes: tuple[tuple[str, str], ...] = ()

    def attribute(self, key: str) -> Optional[str]:
        for k, v in self.attributes:
            if k == key:
                return v
        return None

    def attribute_map(self) -> dict[str, str]:
        return dict(sorted(self.attributes))


class Message(Record, frozen=True, slots=True):
    """events.Message as the daemon logs it (scope ``local``)."""

    type: str
    action: str
    actor: Actor
    time_ns: int
    scope: str = "local"


def actor(actor_id: str, attributes: Mapping[str, str]) -> Actor:
    """An Actor whose attributes are a map (a later key replaces an earlier one, as in Go)."""
    return Actor(actor_id, tuple(dict(attributes).items()))


class EventLog:
    """The daemon's buffer of its last :data:`EVENTS_LIMIT` events (moby's ``events.Events``).

    ``ring`` holds them; once full, ``count % EVENTS_LIMIT`` is where the oldest sits and where
    the next one goes. ``count`` is every event ever logged.

    >>> log = EventLog(Journal())
    >>> for n in range(300):
    ...     log.log(Message("network", "create", Actor(str(n)), n))
    >>> [m.actor.id for m in log.messages()][:2], len(log.messages())
    (['44', '45'], 256)
    """

    __slots__ = ("journal", "ring", "count")

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.ring: list[Message] = []
        self.count = 0

    def log(self, message: Message) -> None:
        """PublishMessage: keep it, dropping the oldest once the buffer is full."""
        ring = self.ring
        if len(ring) < EVENTS_LIMIT:
            self.journal.record(self._unappend)
            ring.append(message)
        else:
            at = self.count % EVENTS_LIMIT
            old = ring[at]
            self.journal.record(lambda: self._put_back(at, old))
            ring[at] = message
        self.count += 1

    def _unappend(self) -> None:
        self.ring.pop()
        self.count -= 1

    def _put_back(self, at: int, old: Message) -> None:
        self.ring[at] = old
        self.count -= 1

    def messages(self) -> list[Message]:
        """The buffer, oldest first."""
        ring = self.ring
        if len(ring) < EVENTS_LIMIT:
            return list(ring)
        at = self.count % EVENTS_LIMIT
        return ring[at:] + ring[:at]

    def buffered(self, since_ns: Optional[int], until_ns: Optional[int],
                 keep: Optional["EventFilter"] = None) -> list[Message]:
        """loadBufferedEvents: none without a window; else from the newest back to the first
        older than ``since``, leaving out those after ``until`` and those ``keep`` refuses."""
        if since_ns is None and until_ns is None:
            return []
        out: list[Message] = []
        for m in reversed(self.messages()):
            if since_ns is not None and m.time_ns < since_ns:
                break
            if until_ns is not None and until_ns > 0 and m.time_ns > until_ns:
                continue
            if keep is None or keep.include(m):
                out.append(m)
        out.reverse()
        return out


# the filters whose value matches an actor's ID or name by prefix (filter.go fuzzyMatchName): each
# applies to every event, whatever its type
_NAME_FILTERS = ("daemon", "container", "plugin", "volume", "network", "node", "service", "secret", "config")
# filter.go matchEvent: these event names match any action they begin (`exec_start: sh`)
_FUZZY_EVENTS = frozenset({"health_status", "exec_create", "exec_start"})


class EventFilter:
    """daemon/events Filter.Include over a filters.Args (key -> the values given)."""

    __slots__ = ("args",)

    def __init__(self, args: Mapping[str, Sequence[str]]) -> None:
        self.args = {k: tuple(v) for k, v in args.items() if v}

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> "EventFilter":
        """From the CLI's ``KEY=VALUE`` strings."""
        args: dict[str, list[str]] = {}
        for p in pairs:
            key, _, value = p.partition("=")
            args.setdefault(key.strip().lower(), []).append(value)
        return cls(args)

    def _exact(self, key: str, value: str) -> bool:
        given = self.args.get(key)
        return given is None or value in given

    def _fuzzy(self, key: str, value: str) -> bool:
        given = self.args.get(key)
        return given is None or any(value.startswith(g) for g in given)

    def include(self, m: Message) -> bool:
        a = m.actor
        if self.args.get("event") is not None and any(v in _FUZZY_EVENTS for v in self.args["event"]):
            if not self._fuzzy("event", m.action):
                return False
        elif not self._exact("event", m.action):
            return False
        if not self._exact("type", m.type):
            return False
        if "scope" in self.args and not self._exact("scope", m.scope):
            return False
        name = a.attribute("name") or ""
        for key in _NAME_FILTERS:
            if key in self.args and not (self._fuzzy(key, a.id) or self._fuzzy(key, name)):
                return False
        if "image" in self.args and not self._image(m):
            return False
        if "label" in self.args:
            attrs = dict(a.attributes)
            for want in self.args["label"]:
                k, eq, v = want.partition("=")
                if k not in attrs or (eq and attrs[k] != v):
                    return False
        return True

    def _image(self, m: Message) -> bool:
        """matchImage: the actor's ID or its image name (an image event's ``name``, a container
        event's ``image``), as given or without its tag."""
        name = m.actor.attribute("name" if m.type == "image" else "image") or ""
        given = self.args["image"]
        return any(v in given for v in (m.actor.id, name, _strip_tag(m.actor.id), _strip_tag(name)))


def _strip_tag(ref: str) -> str:
    """reference.FamiliarName of a normalised reference: the repository without tag or digest
    (a reference that does not parse stays as it is)."""
    if not ref or ref.startswith("sha256:") or ref != ref.lower():
        return ref
    name = ref.split("@", 1)[0]
    slash = name.rfind("/")
    colon = name.rfind(":")
    if colon > slash:
        name = name[:colon]
    for prefix in ("docker.io/", "library/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name


class Emitter:
    """What the daemon's parts call to log an event (moby ``daemon/events.go``): the attributes
    of each kind of actor, the time from the host's clock (read, never moved)."""

    __slots__ = ("log_", "clock", "facts")

    def __init__(self, log: EventLog, clock: Callable[[], int], facts: "EventFacts") -> None:
        self.log_ = log
        self.clock = clock
        self.facts = facts          # the engine's (engines.events)

    def emit(self, type_: str, action: str, actor_id: str, attributes: Mapping[str, str]) -> None:
        self.log_.log(Message(type_, action, actor(actor_id, attributes), self.clock()))

    def container(self, c: "Container", action: str, extra: Optional[Mapping[str, str]] = None) -> None:
        """LogContainerEventWithAttributes: the container's labels, its image as given, its name
        (a later key wins: an ``exitCode`` of ``extra`` over a label of that name)."""
        attrs = dict(c.labels)
        attrs["image"] = c.image_ref
        attrs["name"] = c.name
        if extra:
            attrs.update(extra)
        self.emit("container", action, c.id, attrs)

    def network(self, net_id: str, name: str, driver: str, action: str, container_id: str = "") -> None:
        """LogNetworkEventWithAttributes: the network's name and driver (its labels are not
        shown: r271), with the container a connect or disconnect is about."""
        attrs = {"container": container_id} if container_id else {}
        attrs.update(name=name, type=driver)
        self.emit("network", action, net_id, attrs)

    def volume(self, name: str, action: str, extra: Optional[Mapping[str, str]] = None) -> None:
        """LogVolumeEvent: the driver (only ``local`` here) and what a mount or unmount adds."""
        attrs = dict(extra or {})
        attrs["driver"] = "local"
        self.emit("volume", action, name, attrs)

    def image(self, image_id: str, action: str, name: str = "") -> None:
        """LogImageEvent: the image by its ``sha256:`` ID, named by the reference the action
        is about (its ID where there is none: import, untag, delete)."""
        ref = "sha256:" + image_id
        self.emit("image", action, ref, {"name": name or ref})
