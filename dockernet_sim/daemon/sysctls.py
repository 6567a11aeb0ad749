"""A container's sysctls: what dockerd puts in the runtime spec and what runc does with them.

- dockerd (daemon/oci_linux.go, every engine here): a container with a network namespace of its
  own gets ``net.ipv4.ip_unprivileged_port_start=0`` and ``net.ipv4.ping_group_range=0
  2147483647`` unless its ``--sysctl`` says otherwise; one on the host's or another container's
  namespace gets neither (d03 and r242: 0 and ``0	2147483647`` in the container, the host's
  1024 and ``1	0`` stay);
- 28 refuses a ``--sysctl`` for one interface (``net.ipv4.conf.eth0.forwarding``) at create and
  points at the endpoint's driver option, but takes ``lo``'s; 20.10 and 26 write it like any
  other (r243);
- runc refuses a ``net.*`` sysctl for the host's network namespace (the start fails, the container
  stays ``Created`` with exit code 128), then writes each one: a key the kernel does not have and
  a value it refuses fail the start in the runc generation's words (r243); ``kernel.*`` and
  ``fs.mqueue.*`` keys go to the container's own IPC namespace, on any network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Optional

from ..errors import InvalidParameter, SystemError_
from ..golang.template import go_quote
from ..journal import restore_item
from .containers import DOCKER_DEFAULT_SYSCTLS

if TYPE_CHECKING:
    from ..engines.profile import Profile
    from ..journal import Journal
    from ..kernel import Namespace

# daemon/oci_linux.go WithSysctls: for a private network namespace, as the kernel then shows them
# (kept with the container service, which writes them itself when there is no --sysctl)
DOCKER_DEFAULTS = DOCKER_DEFAULT_SYSCTLS

_SHIM = "failed to create shim task: OCI runtime create failed: runc create failed: "


def check_create(profile: "Profile", sysctls: Mapping[str, str]) -> None:
    """The daemon's check at create: 28's refusal of a per-interface sysctl."""
    refusal = profile.messages.sysctl_per_interface
    if refusal is None:
        return
    for key in sysctls:
        parts = key.split(".")
        if len(parts) >= 5 and parts[0] == "net" and parts[2] == "conf" and parts[3] not in ("all", "default", "lo"):
            raise InvalidParameter(refusal.format(key=key))


def _runc_error(profile: "Profile", reason: str) -> SystemError_:
    m = profile.messages
    return SystemError_(m.runc_task_prefix + _SHIM + reason + m.exec_failed_suffix)


def _numbers(text: str) -> Optional[list[str]]:
    words = text.split()
    return words if words and all(w.lstrip("-").isdigit() for w in words) else None


def _as_written(current: Optional[str], value: str) -> Optional[str]:
    """What the file reads after ``value`` is written, or None when the kernel refuses it: its
    integer handlers (proc_dointvec and kin) take only numbers, as many as the file holds, and
    show them tab-separated; a text file takes anything."""
    held = _numbers(current) if current is not None else None
    if held is None:
        return value
    given = _numbers(value)
    if given is None or len(given) > len(held):
        return None
    return "\t".join(str(int(w)) for w in given)


def _set(ns: "Namespace", key: str, value: str, journal: "Journal") -> None:
    """One key's value written, undone by the journal (``kernel.sysctl.write`` for a key no other
    follows)."""
    journal.record(restore_item(ns.sysctl, key))
    ns.sysctl[key] = value


def apply(profile: "Profile", journal: "Journal", ns: "Namespace", sysctls: Mapping[str, str], *,
          own_netns: bool, host_netns: bool) -> None:
    """runc's part at task creation: check, then write the container's ``net.*`` sysctls (after
    dockerd's defaults, for a namespace of its own) into ``ns``; the IPC ones stay with the
    container. Raises the daemon's start error when runc refuses."""
    m = profile.messages
    if host_netns:
        for key in sysctls:
            if key.startswith("net."):
                raise _runc_error(profile, f'sysctl "{key}" not allowed in host network namespace')
    # 28 sets up the interfaces without runc's hook and keeps their IPv6 setting over a write to
    # ``all`` (r243: eth0 stays without IPv6); 20.10 and 26 set them up in the hook, before
    # runc's writes, which reach them
    kept = [] if profile.network_setup_in_hook else [
        (k, v) for k, v in ns.sysctl.items() if k.startswith("net.ipv6.conf.") and k.endswith(".disable_ipv6")
        and not k.startswith(("net.ipv6.conf.all.", "net.ipv6.conf.default."))]
    if own_netns:
        for key, value in DOCKER_DEFAULTS:
            if key not in sysctls:       # (the kernel has them, and no other key follows them)
                _set(ns, key, value, journal)
    if not sysctls:
        return                           # (most containers: nothing else to write, no tree to read)
    from ..kernel import sysctl as tree
    for key, value in sysctls.items():
        if not key.startswith("net."):
            continue
        entry = tree.find(ns, key)
        path = key.replace(".", "/")
        if entry is None:
            raise _runc_error(profile, m.runc_sysctl_missing.format(key=key, path=path))
        shown = _as_written(entry.value, value)
        if shown is None:
            raise _runc_error(profile, m.runc_sysctl_write.format(key=key, value=go_quote(value), path=path))
        tree.write(ns, key, shown, journal)
    for key, value in kept:
        if ns.sysctl.get(key) != value:
            tree.write(ns, key, value, journal)
    for key, value in sysctls.items():
        if not key.startswith("net.") and tree.find(ns, key) is None:
            raise _runc_error(profile, m.runc_sysctl_missing.format(key=key, path=key.replace(".", "/")))
