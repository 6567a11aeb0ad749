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
    min_api_version: str           # the oldest API version the daemon still serves
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
    # names (recorded: tests/golden/scenarios/r120_odd_names.sh, on 20.10, 26 and 28): a network
    # name that is empty once Go's TrimSpace is done is refused with this text ({name}: as given)
    empty_network_name: str = "invalid name: name is empty"
    # a bridge name over 15 bytes: 20.10's driver fails on looking it up, 26 and 28 on creating it
    bridge_name_range_prefix: str = ""
    # the 28 client library refuses a network reference that is only whitespace before asking
    # ("invalid network name or ID: value is empty"); 20.10 and 26 send it to the daemon
    client_refuses_blank_ids: bool = False
    # a MAC the kernel will not set (recorded: tests/golden/api r122_mac_api): 20.10 (and 26) set
    # up the sandbox in runc's prestart hook, so the failure comes back wrapped in runc's words,
    # and give a longer Go MAC's first six octets to the link where 28 refuses the change
    network_setup_in_hook: bool = False
    # 28 creates a bridge with the network's MTU (so Linux's 68..65535 applies at create,
    # recorded: tests/golden/api r123_mtu); 20.10 creates it with 1500 and takes any MTU there
    bridge_created_with_mtu: bool = True
    # -P of an exposed port whose protocol is not tcp, udp or sctp (recorded through the Engine
    # API: tests/golden/api r125_ports_api, p9); an explicit binding of one is skipped (r126)
    unknown_protocol_error: str = "unknown protocol"
    # where the engine is not atomic (named, recorded; the atomicity tests know each one)
    failed_ipv6_keeps_ipv4: bool = True   # an endpoint whose IPv6 address fails keeps the IPv4 it
    #                                       took allocated, owned by nobody (r93_ipv6_errors, both)


PROFILES: dict[str, Profile] = {
    "28": Profile(
        name="28", engine_version="28.5.2", client_version="28.2.2", api_version="1.51", min_api_version="1.24",
        mac_from_ip=False, bridge_mac_0242=False, ifindex_policy="per_netns", reuse_eth_numbers=True,
        container_ipv6_enabled=True, ipam_engine="28", strict_subnet=True, validate_endpoint_at_create=True,
        start_error_prefix="failed to set up container networking: ", network_mode_default="bridge",
        default_bridge_shows_gateway=True, inspect_enable_ipv4=True, short_id_alias=False, dns_names=True,
        clear_sandbox_on_stop=True, not_found_network_style="daemon", run_error_style="help",
        ipv6_port_bindings=True, rm_exit_status_line=True, firewall="28", client_refuses_blank_ids=True,
    ),
    "20.10": Profile(
        name="20.10", engine_version="20.10.24", client_version="20.10.24", api_version="1.41", min_api_version="1.12",
        mac_from_ip=True, bridge_mac_0242=True, ifindex_policy="global", reuse_eth_numbers=False,
        container_ipv6_enabled=False, ipam_engine="20.10", strict_subnet=False, validate_endpoint_at_create=False,
        start_error_prefix="", network_mode_default="default", default_bridge_shows_gateway=False,
        inspect_enable_ipv4=False, short_id_alias=True, dns_names=False, clear_sandbox_on_stop=False,
        not_found_network_style="client", run_error_style="dot", ipv6_port_bindings=True,
        rm_exit_status_line=False, firewall="20.10", empty_network_name="invalid name: {name}",
        bridge_name_range_prefix="failed to check bridge interface existence: ", network_setup_in_hook=True,
        bridge_created_with_mtu=False, unknown_protocol_error="invalid transport protocol: 0",
    ),
}
ALIASES = {"28": "28", "28.5": "28", "28.5.2": "28", "20.10": "20.10", "20": "20.10", "20.10.24": "20.10"}


def get_profile(name: str) -> Profile:
    """The profile for ``"28"`` or ``"20.10"`` (a few spellings accepted)."""
    try:
        return PROFILES[ALIASES[str(name)]]
    except KeyError:
        raise ValueError(f"unknown engine profile {name!r}: choose 28 or 20.10") from None
