"""The daemon's volumes: moby's volume service (``volume/service``) with the ``local`` driver, as
far as ``docker volume …``, ``docker inspect``'s ``Mounts`` and ``docker rm -v`` show it.

Recorded on 20.10, 26 and 28 (``tests/golden/scenarios/r222_volumes.sh``):

* ``POST /volumes/create`` of a name that exists gives the existing volume back (no error);
  without a name the volume is anonymous, named by 64 random hex digits.
* ``docker run -v NAME:/path`` and ``--mount type=volume,source=NAME,…`` create the named volume
  if it is missing; ``-v /path`` and ``--mount`` without a source create an anonymous one. A bind
  (a source that is a path) is shown in ``Mounts`` and makes no volume.
* a volume is in use while any container (running or not) mounts it: ``DELETE
  /volumes/{name}`` is refused with ``remove NAME: volume is in use - [ID, ID]`` (the containers'
  full IDs in the order they were made); an unknown name is ``get NAME: no such volume``.
* ``DELETE /containers/{id}?v=1`` (``docker rm -v``, and ``--rm``) also removes the container's
  anonymous volumes that no other container uses; named ones stay.
* ``POST /volumes/prune`` removes unused volumes: on 20.10 every one; from API 1.42 (26, 28) only
  anonymous ones unless ``all=true`` (the profile's ``volume_prune_all_by_default``). The
  daemon lists them in its own (map) order; here in the order they were made.
* on 28 an anonymous volume carries the label ``com.docker.volume.anonymous`` (what prune reads),
  and a volume without labels or options shows ``null`` for them; 20.10 shows ``{}``
  (``Profile.volume_empty_maps_null``).
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from ..errors import Conflict, InvalidParameter, NotFound
from ..ids import Randomness, format_time
from ..journal import Journal, put_back
from ..records import Record, field
from .container import Container, Mount
from .events import Emitter
from .specs import MountSpec

ANONYMOUS_LABEL = "com.docker.volume.anonymous"      # moby volume/service (API 1.42+)
VOLUMES_ROOT = "/var/lib/docker/volumes"
NO_SUCH_VOLUME = "get {name}: no such volume"        # r222 (the 20.10 client says "No such volume")
IN_USE = "remove {name}: volume is in use - [{ids}]"  # r222, every engine
INVALID_SPEC = "invalid volume specification: '{spec}': {why}"
NOT_ABSOLUTE = "invalid mount config for type \"{kind}\": invalid mount path: '{path}' mount path must be absolute"
UNKNOWN_TYPE = 'invalid mount config for type "{kind}": mount type unknown'


class Volume(Record, slots=True):
    """One volume of the local driver."""

    name: str
    created_ns: int
    labels: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    anonymous: bool = False

    @property
    def mountpoint(self) -> str:
        return f"{VOLUMES_ROOT}/{self.name}/_data"


class VolumeStore:
    """The volume table (moby's volume service over the local driver's directory)."""

    def __init__(self, journal: Journal, rand: Randomness, events: Emitter) -> None:
        self.journal = journal
        self.rand = rand
        self.events = events
        self.volumes: dict[str, Volume] = {}

    # -- the table --------------------------------------------------------------------------------
    def get(self, name: str) -> Volume:
        v = self.volumes.get(name)
        if v is None:
            raise NotFound(NO_SUCH_VOLUME.format(name=name))
        return v

    def create(self, name: str = "", labels: Optional[dict[str, str]] = None,
               options: Optional[dict[str, str]] = None, anonymous: bool = False) -> Volume:
        """A volume by that name (the one there is, if any), or a new anonymous one."""
        if name and name in self.volumes:
            if self.events.facts.create_logged_when_volume_exists:
                self.events.volume(name, "create")
            return self.volumes[name]
        if not name:
            name = self.rand.object_id()
            while name in self.volumes:
                name = self.rand.object_id()
            anonymous = True
        v = Volume(name, self.rand.now_ns(), dict(labels or {}), dict(options or {}), anonymous)
        self.journal.record(lambda: self.volumes.pop(name, None))
        self.volumes[name] = v
        self.events.volume(name, "create")
        return v

    def remove(self, name: str, users: Iterable[Container]) -> None:
        v = self.get(name)
        ids = [c.id for c in users if any(m.name == name for m in c.mounts)]
        if ids:
            raise Conflict(IN_USE.format(name=name, ids=", ".join(ids)))
        self.journal.record(put_back(self.volumes, name, v))
        del self.volumes[name]
        self.events.volume(name, "destroy")

    def unused(self, users: Iterable[Container]) -> list[Volume]:
        taken = {m.name for c in users for m in c.mounts}
        return [v for v in self.volumes.values() if v.name not in taken]

    # -- a container's mounts ---------------------------------------------------------------------
    def mounts_for(self, binds: list[str], mounts: list[MountSpec], anonymous: list[str]) -> tuple[Mount, ...]:
        """Check a container's ``Binds``, ``Mounts`` and ``Config.Volumes`` and make the volumes
        they name (in the caller's transaction); its ``Mounts`` in inspect's order."""
        out: list[Mount] = []
        for spec in binds:
            out.append(self._bind(spec))
        for m in mounts:
            out.append(self._mount(m))
        for path in anonymous:
            if not path.startswith("/"):
                raise InvalidParameter(NOT_ABSOLUTE.format(kind="volume", path=path))
            if any(m.destination == path for m in out):
                continue          # moby: a Config.Volumes path a bind or mount already covers (docker-py sends both)
            v = self.create()
            out.append(Mount("volume", v.name, v.mountpoint, path, "", True, ""))
        return tuple(out)

    def _bind(self, spec: str) -> Mount:
        parts = spec.split(":")
        if len(parts) < 2 or len(parts) > 3 or not parts[0] or not parts[1]:
            raise InvalidParameter(INVALID_SPEC.format(spec=spec, why="invalid number of fields"))
        src, dst = parts[0], parts[1]
        mode = parts[2] if len(parts) == 3 else ""
        kind = "bind" if src.startswith("/") else "volume"
        if not dst.startswith("/"):
            raise InvalidParameter(INVALID_SPEC.format(spec=spec, why=NOT_ABSOLUTE.format(kind=kind, path=dst)))
        rw = "ro" not in mode.split(",")
        if kind == "bind":
            return Mount("bind", "", src, dst, mode, rw, "rprivate")
        v = self.create(src)
        return Mount("volume", v.name, v.mountpoint, dst, mode or "z", rw, "")

    def _mount(self, m: MountSpec) -> Mount:
        if m.type not in ("volume", "bind", "tmpfs"):
            raise InvalidParameter(UNKNOWN_TYPE.format(kind=m.type))
        if not m.target.startswith("/"):
            raise InvalidParameter(NOT_ABSOLUTE.format(kind=m.type, path=m.target))
        if m.type == "bind":
            return Mount("bind", "", m.source, m.target, "", not m.read_only, "rprivate")
        if m.type == "tmpfs":
            return Mount("tmpfs", "", "", m.target, "", not m.read_only, "")
        v = self.create(m.source) if m.source else self.create()
        return Mount("volume", v.name, v.mountpoint, m.target, "z", not m.read_only, "")

    def remove_anonymous(self, c: Container, others: Iterable[Container], log: bool = True) -> list[str]:
        """``rm -v``: the container's anonymous volumes no other container mounts; their names
        (each logged as destroyed unless the caller logs them itself)."""
        taken = {m.name for o in others if o is not c for m in o.mounts}
        gone: list[str] = []
        for m in c.mounts:
            v = self.volumes.get(m.name) if m.name else None
            if v is not None and v.anonymous and v.name not in taken:
                self.journal.record(put_back(self.volumes, v.name, v))
                del self.volumes[v.name]
                gone.append(v.name)
                if log:
                    self.events.volume(v.name, "destroy")
        return gone


def shown_labels(v: Volume, anonymous_label: bool) -> dict[str, str]:
    """A volume's labels as the API shows them (28 adds the anonymous one)."""
    labels = dict(v.labels)
    if v.anonymous and anonymous_label:
        labels[ANONYMOUS_LABEL] = ""
    return labels


def select(vols: Iterable[Volume], filters: Iterable[str], users: Iterable[Container],
           anonymous_label: bool) -> list[Volume]:
    """GET /volumes' filters: dangling, name (a substring), driver, label (a key, or key=value)."""
    used = {m.name for c in users for m in c.mounts}
    groups: dict[str, list[str]] = {}
    for f in filters:
        key, _, value = f.partition("=")
        groups.setdefault(key, []).append(value)
    out = []
    for v in vols:
        labels = shown_labels(v, anonymous_label)
        if "dangling" in groups and not any((v.name not in used) == (x.lower() in ("true", "1"))
                                            for x in groups["dangling"]):
            continue
        if "name" in groups and not any(x in v.name for x in groups["name"]):
            continue
        if "driver" in groups and "local" not in groups["driver"]:
            continue
        if "label" in groups and not all(k in labels and (not eq or labels[k] == val)
                                         for k, eq, val in (x.partition("=") for x in groups["label"])):
            continue
        out.append(v)
    return out


def volume_document(v: Volume, empty_maps_null: bool, anonymous_label: bool) -> dict[str, Any]:
    """``docker volume inspect``'s document (GET /volumes/{name})."""
    labels = shown_labels(v, anonymous_label)
    empty = None if empty_maps_null else {}
    return {"CreatedAt": format_time(v.created_ns - v.created_ns % 1_000_000_000), "Driver": "local",
            "Labels": labels or empty, "Mountpoint": v.mountpoint, "Name": v.name,
            "Options": dict(v.options) or empty, "Scope": "local"}


def mount_document(m: Mount) -> dict[str, Any]:
    """One entry of a container's ``Mounts`` in ``docker inspect``."""
    doc: dict[str, Any] = {"Type": m.type}
    if m.name:
        doc["Name"] = m.name
    doc.update({"Source": m.source, "Destination": m.destination})
    if m.type == "volume":
        doc["Driver"] = "local"
    doc.update({"Mode": m.mode, "RW": m.rw, "Propagation": m.propagation})
    return doc
