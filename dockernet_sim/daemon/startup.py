"""Whether dockerd starts with its flags, and what it logs when it does not.

dockerd reads its flags (pflag: an unknown flag or a value of the wrong type stops it at once),
checks them against each other, then builds the default ``bridge`` network; if any step fails
it logs ``failed to start daemon: …`` as its last line and exits, and never opens its socket.
Every client then gets ``Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is
the docker daemon running?`` (the client's framing is in ``client/unreachable.py``).

The rules and texts below are the engines' own, recorded with the oracle's recorder on a
daemon started with each flag (scenarios ``df*`` in ``tests/golden``; the daemon's log was read
from the recorder's ``/tmp/dockerd-ENGINE.log``). A refused daemon is a state of the model
(:attr:`Daemon.start_failure`), not an exception per command: the host keeps its own devices,
every Engine API call raises :class:`~dockernet_sim.errors.DaemonNotRunning`, and the shell's
``dockerd`` command prints the reason.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol, Sequence, TypeVar

from ..addr import AddrError, Prefix, parse_prefix, parse_prefix_netip
from ..engines.profile import Profile
from ..errors import DaemonNotRunning
from ..golang.template import go_quote as _go_quote
from .config import BAD_VALUE, BRIDGE_NONE, DaemonConfig, HostSpec, parses_as_ip

if TYPE_CHECKING:  # pragma: no cover
    from .daemon import Daemon

# dockerd's last line when its network controller cannot be built (all recorded engines)
FAILED = "failed to start daemon: {}"
CONTROLLER = "Error initializing network controller: {}"
PIDFILE = "/var/run/docker.pid"
FLAG_STATUS = "Status: "     # how dockerd prints cobra's StatusError for a flag it cannot parse
DEFAULT_BRIDGE = "docker0"

F = TypeVar("F", bound=Callable[..., Any])


def leaves_bridge_device(config: DaemonConfig, profile: Profile) -> bool:
    """Whether a refused start left the default bridge's device behind: the kernel refused its MTU
    after creating it (df22 on 28: ``docker0`` stays, down, no address, MTU 1500)."""
    return profile.bridge_mtu_at_start and config.mtu_unusable > 0


def startup_failure(config: DaemonConfig, profile: Profile, host: HostSpec) -> Optional[str]:
    """dockerd's last log line if it refuses to start with ``config`` on this engine, else None."""
    flag_error = config.flag_error or (config.pool_base_error if profile.pool_base_checked_by_flag else "") \
        or _bad_ip(config, profile)
    if flag_error:
        return profile.dockerd_flag_status.format(flag_error)
    reason = _config_failure(config, profile)
    if reason is not None:
        return reason
    reason = _controller_failure(config, profile, ("lo", "eth0") + host.extra_links)
    if reason is not None:
        return controller_failure(reason)
    return None


def _bad_ip(config: DaemonConfig, profile: Profile) -> str:
    """The flag parser's complaint about an address flag that is no address ("" if none)."""
    if not config.bad_ip_flag:
        return ""
    value = config.bad_ip_value
    template = profile.dns_flag_error if config.bad_ip_flag == "--dns" else profile.ip_flag_error
    part = next((p for p in value.split(",") if not parses_as_ip(p)), value)
    return BAD_VALUE.format(value, config.bad_ip_flag, template.format(value=value, quoted=_go_quote(value),
                                                                       part=part))


def controller_failure(reason: str) -> str:
    """dockerd's last line when its network controller could not be built for ``reason``."""
    return FAILED.format(CONTROLLER.format(reason))


def default_bridge_failure(err: Exception, profile: Profile) -> str:
    """dockerd's last line when building the default bridge network failed with ``err``."""
    return controller_failure(profile.default_bridge_error.format(err))


def _cidr(text: str) -> Optional[Prefix]:
    """Go's net.ParseCIDR, IPv4 or IPv6; None when it fails."""
    try:
        return parse_prefix(text)
    except AddrError:
        return None


def _config_failure(config: DaemonConfig, profile: Profile) -> Optional[str]:
    """What dockerd's configuration check says (printed alone: the daemon has not begun to start)."""
    if config.bridge is not None and config.bip is not None:
        # df27 on 28 (daemon_unix.go verifyDaemonSettings)
        return FAILED.format("You specified -b & --bip, mutually exclusive options. Please specify only one")
    if not config.iptables and not config.icc:
        # df16 on 28 (daemon_unix.go verifyDaemonSettings)
        return FAILED.format("You specified --iptables=false with --icc=false. ICC=false uses iptables to "
                             "function. Please set --icc or --iptables to true")
    if config.ip6tables and profile.ip6tables_experimental and not config.experimental:
        return FAILED.format("ip6tables rules are only available if experimental features are enabled")   # df18
    if config.mtu_unusable < 0:
        return f"invalid default MTU: {config.mtu_unusable}"     # daemon/config Validate (source, not recorded)
    if config.fixed_cidr_v6 is not None and profile.fixed_cidr_v6_in_config_check:
        try:
            parse_prefix_netip(config.fixed_cidr_v6)
        except AddrError as e:
            return f"invalid fixed-cidr-v6: invalid fixed-cidr-v6: {e}"      # df12 on 28
    return None


def _pools_failure(config: DaemonConfig, profile: Profile) -> Optional[str]:
    """Why the default address pools cannot make the local address space (after the controller
    prefix and ``error obtaining controller instance: ``), or None."""
    for n, (base, size) in enumerate(config.default_address_pools):
        pool = _cidr(base)
        if profile.pool_size_error:
            if pool is None:
                return f"invalid base pool {_go_quote(base)}: invalid CIDR address: {base}"   # df14 on 20.10
            if size <= 0 or size < pool.length or size > pool.addr.bits:
                return profile.pool_size_error.format(size)      # df13 on 20.10
            continue
        if pool is None or pool.addr != pool.network or not 0 < size <= pool.addr.bits:
            # no base= at all: Go prints the zero netip.Prefix as "invalid Prefix"
            base = base or "invalid Prefix"
            # df15 on 28: no size (0)
            return f"could not construct local address space: network at index {n} (&{{{base} {size}}}) is not " \
                "in canonical form"
        if size < pool.length:
            # df13 on 28 (Go's %v of the *NetworkToSplit it read)
            return (f"could not construct local address space: network at index {n} (&{{{base} {size}}}) has a "
                    f"smaller prefix (/{pool.length}) than the target size of that pool (/{size})")
    return None


def _controller_failure(config: DaemonConfig, profile: Profile, host_links: Sequence[str]) -> Optional[str]:
    """Why the network controller cannot be built (the text after ``Error initializing network
    controller: ``), or None."""
    pools = _pools_failure(config, profile)
    if pools is not None:
        return f"error obtaining controller instance: {pools}"
    bip: Optional[Prefix] = None
    if config.bip is not None:
        bip = _cidr(config.bip)
        if bip is None or bip.addr.version != 4:
            # df02 (garbage), df04 (no length): recorded on 28
            return profile.bip_parse_error.format(f"invalid CIDR address: {config.bip}")
        if bip.length < 31 and bip.addr in (bip.network, bip.last):
            # df01 (broadcast), df03 (network address): IPAM refuses the gateway
            return profile.default_bridge_error.format(f"failed to allocate gateway ({bip.addr}): Address already "
                                                       f"in use")
    if leaves_bridge_device(config, profile):
        # df22 on 28: the kernel refuses the bridge's MTU (EINVAL; a bridge takes 68 to 65535)
        return profile.default_bridge_error.format("invalid argument")
    if config.fixed_cidr is not None:
        fixed = _cidr(config.fixed_cidr)
        if fixed is None or fixed.addr.version != 4:
            return profile.fixed_cidr_parse_error.format(f"invalid CIDR address: {config.fixed_cidr}")   # df07
    if config.fixed_cidr_v6 is not None and not profile.fixed_cidr_v6_in_config_check:
        v6 = _cidr(config.fixed_cidr_v6)
        if v6 is None:
            return f"invalid CIDR address: {config.fixed_cidr_v6}"     # df12 on 20.10
    if config.ipv6 and not config.fixed_cidr_v6 and profile.ipv6_needs_fixed_cidr_v6:
        # df10 on 20.10
        return "IPv6 is enabled for the default bridge, but no subnet is configured. Specify an IPv6 subnet " \
            "using --fixed-cidr-v6"
    if config.bridge not in (None, BRIDGE_NONE, DEFAULT_BRIDGE) and config.bridge not in host_links:
        # df26 on 28: dockerd creates only docker0 itself
        return profile.default_bridge_error.format(f"bridge device with non default name {config.bridge} must be "
                                                   f"created manually")
    return None


class Startable(Protocol):
    start_failure: Optional[str]


def refused_when_down(fn: F) -> F:
    """An Engine API method that raises DaemonNotRunning while the daemon is down. Put under
    ``@typed``: the arguments are checked first, as a running daemon checks them (a wrong type is
    a TypeError either way)."""

    @functools.wraps(fn)
    def call(daemon: Startable, *args: Any, **kwargs: Any) -> Any:
        if daemon.start_failure is not None:
            raise DaemonNotRunning(daemon.start_failure)
        return fn(daemon, *args, **kwargs)
    return call  # type: ignore[return-value]


def dockerd_output(daemon: "Daemon") -> tuple[str, str, int]:
    """What ``dockerd`` typed in the host's shell prints: the reason this daemon did not start,
    or, as a second daemon would, that the running one holds the pid file. Exit status 1."""
    if daemon.start_failure is not None:
        # cobra exits 125 on a flag it cannot parse (df14: ", Code: 125"); a daemon that fails later exits 1
        return "", daemon.start_failure + "\n", 125 if daemon.start_failure.startswith(FLAG_STATUS) else 1
    return "", daemon.profile.pidfile_taken.format(pidfile=PIDFILE, pid=daemon.daemon_pid) + "\n", 1


__all__ = ["startup_failure", "controller_failure", "leaves_bridge_device", "default_bridge_failure", "refused_when_down", "dockerd_output"]
