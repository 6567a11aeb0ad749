"""The model of a host as data: the ``snapshot`` section of a host file (issue 15).

Loading a host by replaying its call log costs what building it did; a snapshot of the model
loads in time proportional to the file. The model is an object graph: kernel namespaces with
links (a veth's peer, a port's bridge, its namespace), routes and netfilter tables; libnetwork's
networks, endpoints and sandboxes; IPAM's pools and bitmaps; the port allocator; the
containers. A snapshot writes it as tables, one per class of the model (``Link``, ``Endpoint``,
``Container`` …), a column per field, an object referring to another by its row in the other's
table; and the state of the daemon's parts (the kernel, the controller, IPAM, the drivers …),
which loading sets on a freshly booted daemon of the same engine, seed and configuration:
those parts keep the wiring the constructor gave them, and get the saved objects.

What a field may hold is its declared type: the dataclass annotation, or for the classes with
hand-written slots the table :data:`SLOT_TYPES` (a test checks that it names every slot). A
file is untrusted input: every column is checked against its field's type (exact ``str``,
``int``, ``bool``; a reference to a row that exists, of the class the field names; an address
in range), nothing but the classes here is ever built, and a problem raises ``PersistError``
naming the class and field. A file that is well typed but describes a different host than its
log is caught by the digest (``persist.digest``) and by the hash of the log the snapshot names.

Columns are decoded a whole column at a time, with the type checks at C speed (``set(map(type,
column))``), so a load costs a few operations per field, not a Python call per value.
"""

from __future__ import annotations

from .read import Limits, read
from .schema import (CACHES, DATA_CLASSES, DERIVED, FIELD_TYPES, PART_STATE, SLOT_TYPES, SNAPSHOT_VERSION, SnapshotError,
                     parts, schema)
from .write import write

__all__ = ["CACHES", "SNAPSHOT_VERSION", "SLOT_TYPES", "FIELD_TYPES", "DERIVED", "DATA_CLASSES", "PART_STATE", "SnapshotError",
           "Limits", "parts", "schema", "write", "read"]
