"""What differs between Docker Engine generations, as data.

A profile is consulted by the one shared model; nothing else in the code asks "which version".
Two profiles are recorded from real engines: ``"28"`` (Engine 28.5 with client 28.2, the default)
and ``"20.10"`` (Engine and client 20.10.24, the seed tutorial's generation).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    engine_version: str
    client_version: str
    api_version: str
    # kernel and naming policies
    mac_from_ip: bool              # endpoint MAC = 02:42 + IPv4 (20.10) or random (28)
    bridge_mac_0242: bool          # bridge device MAC starts 02:42 (20.10) or is fully random (28)
    ifindex_policy: str            # "global" (one counter per machine) or "per_netns"
    reuse_eth_numbers: bool        # eth numbering: 28 reuses the lowest free, 20.10 counts up
    container_ipv6_enabled: bool   # lo shows ::1 inside containers (28) or IPv6 is disabled (20.10)
    # IPAM
    ipam_engine: str               # "20.10" (rotating pools) or "28" (lowest free)
    strict_subnet: bool            # reject host bits in --subnet ("it should be …")
    validate_endpoint_at_create: bool
    start_error_prefix: str        # "failed to set up container networking: " on 28
    # inspect documents
    network_mode_default: str      # HostConfig.NetworkMode when no --network: "default" | "bridge"
    default_bridge_shows_gateway: bool
    inspect_enable_ipv4: bool
    short_id_alias: bool           # 20.10 adds the short container ID to Aliases on user networks
    dns_names: bool                # 28: EndpointSettings.DNSNames
    clear_sandbox_on_stop: bool
    # CLI
    not_found_network_style: str   # "client" (Error: No such network: x) or "daemon"
    run_error_style: str           # "dot" (docker: ….\nSee 'docker run --help'.) or "help" (28)
    ipv6_port_bindings: bool       # also bind [::] for 0.0.0.0 publishes
    rm_exit_status_line: bool      # `docker network rm` ends with "exit status 1" on failure
    firewall: str                  # "20.10" or "28" iptables layout
    # where the engine is not atomic (named, recorded; the atomicity tests know each one)
    failed_ipv6_keeps_ipv4: bool = True   # an endpoint whose IPv6 address fails keeps the IPv4 it
    #                                       took allocated, owned by nobody (r93_ipv6_errors, both)


PROFILES: dict[str, Profile] = {
    "28": Profile(
        name="28", engine_version="28.5.2", client_version="28.2.2", api_version="1.51",
        mac_from_ip=False, bridge_mac_0242=False, ifindex_policy="per_netns", reuse_eth_numbers=True,
        container_ipv6_enabled=True, ipam_engine="28", strict_subnet=True, validate_endpoint_at_create=True,
        start_error_prefix="failed to set up container networking: ", network_mode_default="bridge",
        default_bridge_shows_gateway=True, inspect_enable_ipv4=True, short_id_alias=False, dns_names=True,
        clear_sandbox_on_stop=True, not_found_network_style="daemon", run_error_style="help",
        ipv6_port_bindings=True, rm_exit_status_line=True, firewall="28",
    ),
    "20.10": Profile(
        name="20.10", engine_version="20.10.24", client_version="20.10.24", api_version="1.41",
        mac_from_ip=True, bridge_mac_0242=True, ifindex_policy="global", reuse_eth_numbers=False,
        container_ipv6_enabled=False, ipam_engine="20.10", strict_subnet=False, validate_endpoint_at_create=False,
        start_error_prefix="", network_mode_default="default", default_bridge_shows_gateway=False,
        inspect_enable_ipv4=False, short_id_alias=True, dns_names=False, clear_sandbox_on_stop=False,
        not_found_network_style="client", run_error_style="dot", ipv6_port_bindings=True,
        rm_exit_status_line=False, firewall="20.10",
    ),
}
ALIASES = {"28": "28", "28.5": "28", "28.5.2": "28", "20.10": "20.10", "20": "20.10", "20.10.24": "20.10"}


def get_profile(name: str) -> Profile:
    """The profile for ``"28"`` or ``"20.10"`` (a few spellings accepted)."""
    try:
        return PROFILES[ALIASES[str(name)]]
    except KeyError:
        raise ValueError(f"unknown engine profile {name!r}: choose 28 or 20.10") from None
