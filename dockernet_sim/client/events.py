"""``docker events`` (and ``docker system events``): the daemon's buffered events over a window.

Mirrors docker/cli ``cli/command/system/events.go``: ``--since``/``--until`` read by
``timetypes.GetTimestamp`` before the daemon is asked (a Go duration is the client's clock minus
it, in whole seconds), ``--filter`` sent as it is, ``--format`` parsed and tried on an empty
``events.Message`` first (``Error parsing format: …``, exit 64), then each event printed by the
template or, without one, as ``TIME TYPE ACTION ACTOR-ID (k=v, …)`` with the attributes sorted and
the time in ``2006-01-02T15:04:05.000000000Z07:00``. A real client with no ``--until`` keeps
listening until interrupted; here it prints what was buffered and returns. Recorded:
tests/golden/scenarios/r270_events_container, r271_events_network_volume,
r272_events_windows_errors (20.10, 26, 28).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Optional

from ..errors import DockerError
from ..golang.template import Map, Nil, Struct, TemplateError
from ..result import Result
from . import framing
from .templates import parse_for

if TYPE_CHECKING:
    from ..daemon.events import Message
    from ..engines import Profile

__all__ = ["run_events", "message_value", "pretty_line", "message_document"]

_NS = 1_000_000_000


def client_timestamp(value: str, now_ns: int) -> int:
    """GetTimestamp then the daemon's ParseTimestamps, in nanoseconds: a duration is taken from
    the client's clock and sent as whole seconds."""
    from ..daemon.networks import parse_timestamp
    from ..golang.gotime import GoTimeError, parse_duration
    if value != "0":
        try:
            return (now_ns - parse_duration(value)) // _NS * _NS
        except GoTimeError:
            pass
    return parse_timestamp(value, now_ns)


def _legacy(m: "Message") -> tuple[str, str, str]:
    """The fields the API kept from before Type/Action/Actor (status, id, from): set for
    container and image events only."""
    if m.type not in ("container", "image"):
        return "", "", ""
    return m.action, m.actor.id, m.actor.attribute("image") or ""


def message_document(m: "Message") -> dict[str, Any]:
    """events.Message as the daemon encodes it (its JSON field order; empty legacy fields left out)."""
    status, mid, src = _legacy(m)
    doc: dict[str, Any] = {}
    if status:
        doc["status"] = status
    if mid:
        doc["id"] = mid
    if src:
        doc["from"] = src
    doc.update({"Type": m.type, "Action": m.action,
                "Actor": {"ID": m.actor.id, "Attributes": m.actor.attribute_map()},
                "scope": m.scope, "time": m.time_ns // _NS, "timeNano": m.time_ns})
    return doc


# events.Message's json tags, and the fields it leaves out when empty
_TAGS = {"Status": "status", "ID": "id", "From": "from", "Scope": "scope", "Time": "time", "TimeNano": "timeNano"}
_OMITEMPTY = ("Status", "ID", "From", "Time", "TimeNano")


def _message_struct(type_name: str, status: str, mid: str, src: str, type_: str, action: str, actor_id: str,
                    attributes: Any, scope: str, time_ns: int) -> Struct:
    actor = Struct("events.Actor", {"ID": actor_id, "Attributes": attributes})
    return Struct(type_name, {"Status": status, "ID": mid, "From": src, "Type": type_, "Action": action,
                              "Actor": actor, "Scope": scope, "Time": time_ns // _NS, "TimeNano": time_ns},
                  omitempty=_OMITEMPTY, json_tags=_TAGS)


def _empty_message_value() -> Struct:
    """The zero Message makeTemplate tries a template on (a pointer: errors name *events.Message)."""
    return _message_struct("*events.Message", "", "", "", "", "", "", Nil("map[string]string"), "", 0)


def message_value(m: "Message") -> Struct:
    """The events.Message a ``--format`` template is executed on."""
    status, mid, src = _legacy(m)
    return _message_struct("events.Message", status, mid, src, m.type, m.action, m.actor.id,
                           Map(m.actor.attribute_map()), m.scope, m.time_ns)


def pretty_line(m: "Message") -> str:
    """prettyPrintEvent: the time (UTC, nanoseconds always nine digits), type, action, actor ID
    and its attributes sorted by key."""
    secs, frac = divmod(m.time_ns, _NS)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs)) + f".{frac:09d}Z"
    line = f"{stamp} {m.type} {m.action} {m.actor.id}"
    attrs = m.actor.attribute_map()
    if attrs:
        line += " (" + ", ".join(f"{k}={v}" for k, v in attrs.items()) + ")"
    return line + "\n"


def run_events(p: "Profile", d: Any, since: str, until: str, filters: list[str], fmt: str) -> Result:
    """The command once its flags are read: the template first, then the window, then the daemon."""
    tmpl = None
    if fmt:
        body = "{{json .}}" if fmt == "json" and p.json_format_shorthand else fmt
        try:
            tmpl = parse_for(body, p)
            tmpl.execute(_empty_message_value())
        except TemplateError as e:
            return Result("", f"Error parsing format: {e}\n", 64)
    now = d.rand.peek_ns()
    window: list[Optional[int]] = []
    for value in (since, until):
        if not value:
            window.append(None)
            continue
        try:       # the client reads them before it asks: no daemon prefix (r212)
            window.append(client_timestamp(value, now))
        except (ValueError, DockerError) as e:
            return Result("", f"{e}\n", 1)
    try:
        messages = d.events(window[0], window[1], filters)
    except DockerError as e:
        return framing.daemon_error(p, e)
    out = []
    for m in messages:
        if tmpl is None:
            out.append(pretty_line(m))
            continue
        try:
            out.append(tmpl.execute(message_value(m)) + "\n")
        except TemplateError as e:
            return Result("".join(out) + e.partial + "\n", f"{e}\n", 1)
    return Result("".join(out), "", 0)
