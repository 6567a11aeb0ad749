"""A MAC address a container asks for, from the Engine API to the kernel.

The daemon reads it with Go's ``net.ParseMAC`` (6, 8 or 20 octets, three spellings); the kernel
holds six octets and refuses a multicast one. What each engine says, recorded through the
Engine API and the CLI (``tests/golden/api/scenarios/r121_names_api.sh``, ``r122_mac_api.sh``):

* a text ParseMAC refuses: 26 and 28 at create (``invalid config for network bridge: invalid MAC
  address X``) and connect (``invalid MAC address X``); 20.10 takes it and fails at start with
  ParseMAC's own error, ``address X: invalid MAC address``;
* a multicast MAC: every engine fails at start, as the kernel refuses to set it (EADDRNOTAVAIL);
* an 8- or 20-octet MAC: on 20.10 and 26 the link gets the first six octets; 28 notices the
  change and fails at start;
* 20.10 and 26 set up the sandbox in runc's prestart hook, so their start failures come back
  inside runc's words: 20.10 with the hook's logrus line and time, 26 with the bare error and
  ``failed to create task for container: `` in front (``Profile.messages.hook_stderr`` and
  ``runc_task_prefix``, recorded: tests/golden/api r122_mac_api).
"""

from __future__ import annotations

from typing import Optional

from ..engines import Profile
from ..errors import InvalidParameter
from ..ids import format_time
from ..values import parse_mac

_HOOK = ("failed to create shim task: OCI runtime create failed: runc create failed: unable to start container "
         "process: error during container init: error running hook #0: error running hook: exit status 1, "
         "stdout: , stderr: {stderr}: unknown")


def endpoint_mac(text: str) -> str:
    """The MAC the endpoint's link will hold ("" for a random or derived one), as the kernel
    spells it; a text ParseMAC refuses fails here, at start (20.10's words)."""
    if not text:
        return ""
    octets = parse_mac(text)
    if octets is None:
        raise InvalidParameter(f"address {text}: invalid MAC address")
    return ":".join(f"{b:02x}" for b in octets[:6])


def link_mac_error(profile: Profile, veth: str, asked: str, mac: str, now_ns: int) -> Optional[str]:
    """Why setting ``mac`` (asked for as ``asked``) on the interface made from ``veth`` fails at
    start, in the engine's words; None when it does not."""
    where = f"failed to add interface {veth} to sandbox: "
    octets = parse_mac(asked) or b""
    if int(mac[:2], 16) & 1:
        why = f'{where}error setting interface "{veth}" MAC to "{mac}": cannot assign requested address'
    elif len(octets) != 6 and not profile.network_setup_in_hook:
        expected = ":".join(f"{b:02x}" for b in octets)
        why = f"{where}failed to advertise addresses: MAC address changed, got {mac}, expected {expected}"
    else:
        return None
    if profile.network_setup_in_hook:
        stamp = format_time(now_ns // 1_000_000_000 * 1_000_000_000)
        stderr = profile.messages.hook_stderr.format(time=stamp, msg=why, quoted=why.replace('"', '\\"'))
        return profile.messages.runc_task_prefix + _HOOK.format(stderr=stderr)
    return why


__all__ = ["endpoint_mac", "link_mac_error"]
