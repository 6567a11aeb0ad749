"""``--filter`` for ``network ls`` and ``ps``: which keys are accepted and what each matches.

Mirrors the daemon's list filters (api/types/filters Args.Validate, then the per-key matching
the Engine applies to networks and containers) and their error texts.
"""

from __future__ import annotations

from typing import Any, Sequence

from ...daemon.container import Container
from ...daemon.daemon import Daemon
from ...errors import InvalidParameter
from .. import framing


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
            raise InvalidParameter(framing.message(d.profile, "invalid_filter", k))
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
                ok = any(v in n.name for v in vals)
            elif k == "id":
                ok = any(n.id.startswith(v) or v in n.id for v in vals)
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


def filter_containers(d: Daemon, cs: list[Container], filters: list[str]) -> list[Container]:
    """The list endpoint's filters: values of one key are alternatives, keys must all match."""
    import re as _re
    groups = _check_filter_keys(d, filters, _CONTAINER_FILTERS)

    def one(c: Container, k: str, v: str) -> bool:
        if k == "name":
            try:
                return bool(_re.search(v, c.name)) or bool(_re.search(v, "/" + c.name))
            except _re.error:
                return v in c.name
        if k == "network":
            return v in c.networks or any(es.network_id.startswith(v) for es in c.networks.values())
        if k == "status":
            return c.status == v
        if k == "exited":
            return c.status == "exited" and str(c.exit_code) == v
        if k == "id":
            return c.id.startswith(v)
        if k == "label":
            return all(_label_ok(c.labels, x) for x in groups["label"])
        if k == "ancestor":
            return c.image_ref.split(":")[0] == v.split(":")[0]
        if k in ("expose", "publish"):
            keys = c.exposed if k == "expose" else c.ports_published
            want = v if "/" in v else v + "/tcp"
            return want in keys
        return True
    return [c for c in cs if all(any(one(c, k, v) for v in vals) for k, vals in groups.items())]
