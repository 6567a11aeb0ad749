"""``--filter`` for ``network ls`` and ``ps``: which keys are accepted and what each matches.

Mirrors the daemon's list filters (api/types/filters Args.Validate, then the per-key matching
the Engine applies to networks and containers) and their error texts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Optional, Sequence

from ..daemon.container import Container
from ..daemon.daemon import Daemon
from ..errors import DockerError, InvalidParameter

if TYPE_CHECKING:
    from ..regexvm import Program


_NETWORK_FILTERS = ("dangling", "driver", "id", "label", "name", "scope", "type")


def _check_filter_keys(d: Daemon, filters: list[str], allowed: Sequence[str]) -> dict[str, list[str]]:
    """filters.Args.Validate, as the daemon runs it on the list endpoints."""
    groups: dict[str, list[str]] = {}
    for f in filters:
        k, eq, v = f.partition("=")
        if not eq:
            raise InvalidParameter("bad format of filter (expected name=value)")
        groups.setdefault(k.strip().lower(), []).append(v.strip())
    for k in groups:
        if k not in allowed:
            raise InvalidParameter(d.profile.messages.invalid_filter.format(filter=k))
    return groups


def filter_networks(d: Daemon, filters: list[str]) -> list[Any]:
    nets = d.network_list()
    groups = _check_filter_keys(d, filters, _NETWORK_FILTERS)
    out = []
    for n in nets:
        ok = True
        for k, vals in groups.items():
            if k == "driver":
                ok = n.driver in vals
            elif k == "name":
                ok = any(_go_match(v, n.name) for v in vals)      # filters.Args.Match: a regexp
            elif k == "id":
                ok = any(_go_match(v, n.id) for v in vals)
            elif k == "label":
                ok = all(_label_ok(n.labels, v) for v in vals)
            elif k == "type":
                for v in vals:
                    if v not in ("custom", "builtin"):
                        raise InvalidParameter(f"invalid filter: 'type'='{v}'")
                ok = any((v == "builtin") == n.predefined for v in vals)
            elif k == "scope":
                ok = n.scope in vals
            elif k == "dangling":
                # the list endpoint does not load endpoints, so every user network counts as unused
                want = []
                for v in vals:
                    if v.lower() in ("true", "1"):
                        want.append(True)
                    elif v.lower() in ("false", "0"):
                        want.append(False)
                    else:
                        raise InvalidParameter(f"invalid filter: 'dangling'='{v}'")
                ok = any(w == (not n.predefined) for w in want)
            if not ok:
                break
        if ok:
            out.append(n)
    return out


def _label_ok(labels: dict[str, str], f: str) -> bool:
    k, eq, v = f.partition("=")
    return k in labels and (not eq or labels[k] == v)


_CONTAINER_FILTERS = ("ancestor", "before", "expose", "exited", "health", "id", "isolation", "is-task", "label",
                      "name", "network", "publish", "since", "status", "volume")

# container.IsValidStateString: the states the list filter accepts
_STATES = ("created", "running", "paused", "restarting", "removing", "exited", "dead")
_HEALTH = ("starting", "healthy", "unhealthy", "none")
_HEALTH_LISTED = "none, starting, healthy, unhealthy"      # as the daemon lists them (r260)


def _go_quote(s: str) -> str:
    from ..golang.template import go_quote
    return go_quote(s)


def _parse_uint16(s: str) -> int:
    """strconv.ParseUint(s, 10, 16) and its error text."""
    if not s or not s.isdigit() or not s.isascii():
        raise ValueError(f"strconv.ParseUint: parsing {_go_quote(s)}: invalid syntax")
    n = int(s)
    if n > 0xFFFF:
        raise ValueError(f"strconv.ParseUint: parsing {_go_quote(s)}: value out of range")
    return n


def _port_op(key: str, value: str, into: set[str]) -> None:
    """daemon/list.go portOp: ``<port>[/<proto>]`` or ``<start>-<end>[/<proto>]``, every port of the
    range added as ``port/proto`` (go-connections nat.SplitProtoPort and ParsePortRange)."""
    if ":" in value:
        raise DockerError(f"filter for '{key}' should not contain ':': {value}")
    parts = value.split("/")
    if not value or not parts[0]:
        proto, port = "", ""
    elif len(parts) == 1 or not parts[1]:
        proto, port = "tcp", parts[0]
    else:
        proto, port = parts[1], parts[0]
    try:
        if not port:
            raise ValueError("empty string specified for ports")
        if "-" not in port:
            start = end = _parse_uint16(port)
        else:
            a, b = port.split("-")[:2]
            start, end = _parse_uint16(a), _parse_uint16(b)
            if end < start:
                raise ValueError(f"invalid range specified for port: {port}")
    except ValueError as e:
        raise DockerError(f"error while looking up for {key} {value}: {e}") from None
    into.update(f"{i}/{proto}" for i in range(start, end + 1))


def _go_match(pattern: str, source: str, rx: Optional[Program] = None) -> bool:
    """filters.Args.Match for one value: equal, or the value as a regexp found in the source
    (a value that is not a valid regexp matches nothing). ``rx``: the pattern, compiled once."""
    if pattern == source:
        return True
    rx = rx or go_regexp(pattern)
    return rx is not None and rx.search(source)


def _go_counts_ok(pattern: str) -> bool:
    """Go's parser refuses a repeat count above 1000 (regexp/syntax: ``invalid repeat count``)."""
    for m in re.finditer(_GO_REPEAT, pattern):
        if any(g and int(g) > 1000 for g in m.groups()):
            return False
    return True


_GO_REPEAT = r"\{(\d+)(?:,(\d*))?\}"      # compiled by re on first use


def go_regexp(pattern: str) -> Optional[Program]:
    """regexp.Compile: the pattern as an automaton (RE2 is linear in the text, so is regexvm),
    or None when Go refuses it: bad syntax, a repeat count above 1000 (``invalid repeat
    count``), back-references and lookarounds (RE2 has none), or a program too large."""
    if not _go_counts_ok(pattern):
        return None
    from ..regexvm import PatternTooBig, Unsupported, compile_pattern   # only a --filter with a value needs it
    try:
        return compile_pattern(pattern)
    except (re.error, PatternTooBig, Unsupported):
        return None


def filter_containers(d: Daemon, cs: list[Container], filters: list[str], *, all: bool = True,
                      limit: int = -1) -> list[Container]:
    """daemon/list.go: validate the keys, fold the values (exited, status, is-task, health,
    publish and expose are checked here, in this order, before any container is looked at),
    then keep the containers every key matches (values of one key are alternatives).

    ``cs`` is every container, newest first; ``all``/``limit`` are ``ps -a``/``-n``: without
    them only running containers are listed, but a ``status`` filter turns ``all`` on."""
    groups = _check_filter_keys(d, filters, _CONTAINER_FILTERS)
    p = d.profile
    exited: list[int] = []
    for v in groups.get("exited", []):
        try:
            if not v or not v.lstrip("+-").isdigit():
                raise ValueError
            exited.append(int(v))
        except ValueError:
            raise DockerError(f"strconv.Atoi: parsing {_go_quote(v)}: invalid syntax") from None
    for v in groups.get("status", []):
        if v not in _STATES:
            raise InvalidParameter(p.messages.invalid_status_filter.format(value=v, states=", ".join(_STATES)))
        all = True
    if "is-task" in groups:
        vals = groups["is-task"]
        if "true" not in vals and "false" not in vals:
            raise InvalidParameter(p.messages.invalid_filter.format(filter="is-task=" + vals[0]))
    for v in groups.get("health", []):
        if v not in _HEALTH:
            raise InvalidParameter(p.messages.invalid_health_filter.format(value=v, states=_HEALTH_LISTED))
    publish: set[str] = set()
    expose: set[str] = set()
    for v in groups.get("publish", []):
        _port_op("publish", v, publish)
    for v in groups.get("expose", []):
        _port_op("expose", v, expose)

    names = [(v, go_regexp(v)) for v in groups.get("name", [])]

    def matches(c: Container) -> bool:
        if not c.running and not all and limit <= 0:
            return False
        if "name" in groups and not any(_go_match(v, "/" + c.name, rx) or _go_match(v, c.name, rx)
                                        for v, rx in names):
            return False
        if "id" in groups and not any(_go_match(v, c.id) for v in groups["id"]):
            return False
        if "is-task" in groups and "true" in groups["is-task"]:
            return False          # no swarm tasks here: every container is unmanaged
        if "label" in groups and not all_labels(c):
            return False
        if exited and not (c.exit_code in exited and not c.running and c.started_ns):
            return False
        if "status" in groups and not any(_go_match(v, c.state) for v in groups["status"]):
            return False
        if "health" in groups and (c.health.status if c.health is not None else "none") not in groups["health"]:
            return False          # moby view.go: "none" for a container without State.Health
        if "volume" in groups and not any(v in (m.name, m.source, m.destination) for m in c.mounts
                                          for v in groups["volume"]):
            return False          # moby's volume filter: a mount's name, source or destination
        if "ancestor" in groups and not any(c.image_ref.split(":")[0] == v.split(":")[0]
                                            for v in groups["ancestor"]):
            return False
        if "network" in groups and not any(v in c.networks or any(es.network_id.startswith(v)
                                                                 for es in c.networks.values())
                                           for v in groups["network"]):
            return False
        if publish or expose:
            # the snapshot's Ports (what `ps` shows): publish is the host port, expose the
            # container port; either kind of match keeps the container
            from .rows import api_ports
            if not any(f"{pub}/{proto}" in publish or f"{priv}/{proto}" in expose
                       for _ip, priv, pub, proto in api_ports(c)):
                return False
        return True

    def all_labels(c: Container) -> bool:
        # (the parameter ``all`` shadows the builtin here: every label filter must hold)
        return not any(not _label_ok(c.labels, x) for x in groups["label"])

    out = [c for c in cs if matches(c)]
    return out[:limit] if limit > 0 else out
