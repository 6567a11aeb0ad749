"""Docker Engine and client 20.10.24 (API 1.41, built with Go 1.19): the seed tutorial's generation.

Recorded in ``tests/golden/docker-20.10/``; the comments name the scenario that shows a text or
a behaviour (``rNN``/``sNN``) or the source it follows.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..golang.version import GoVersion
from .events import EventFacts
from .messages import IPAM_SHARED, Messages
if TYPE_CHECKING:
    from .system import SystemFacts
from .profile import (CliFraming, FirewallLayout, HostsIPv6Style, InspectSchema, IpamRules,
                      LocalhostDnsWarning, PortMapOrder, Profile, ResolvConfStyle)

IPAM_MESSAGES: dict[str, str] = {
    # ipamapi/contract.go (20.10), ipam/allocator.go
    **IPAM_SHARED,
    "overlap": "Pool overlaps with other one on this address space",
    "exhausted": "could not find an available, non-overlapping IPv{v} address pool among the defaults "
                 "to assign to the network",
    "out_of_range": "Requested address is out of range",
    "no_addresses": "No available addresses on this pool",
    "bad_pool": "Address space does not contain specified address pool",
    "no_pool": "cannot find address pool for poolID:{id}",
    "no_pool_release": "cannot find address pool for poolID:{id}",
    "no_space": "cannot find address space {space} (most likely the backing datastore is not configured)",
    "bad_subpool": 'failed to parse pool request for address space "{space}" pool "" subpool "{sub}": '
                   "Invalid Address SubPool",
    "nil_address": "invalid address: nil",
}

MESSAGES = Messages(
    invalid_container_mode="Invalid network mode: invalid container format container:<name|id>",  # runconfig 20.10
    address_not_in_subnet="Invalid address {ip}: It does not belong to any of this network's subnets",  # r31, r59
    join_missing_donor=None,                             # the lookup's own 404, unwrapped (s04)
    join_own_netns="cannot join own network",                                                 # s11
    join_not_running="cannot join network of a non running container: {id}",                  # r87
    kill_not_found="Cannot kill container: {term}: {err}",                                    # r29
    kill_bad_signal="Invalid signal: {signal}",                                               # r55
    kill_not_running="Cannot kill container: {term}: Container {id} is not running",          # r55
    rm_running="You cannot remove a running container {id}. Stop the container before attempting removal "
               "or force remove",                                                             # r55
    rm_paused="You cannot remove a paused container {id}. Unpause and then stop the container before "
              "attempting removal or force remove",                                           # r180
    pause_not_running="Container {id} is not running",                                        # r180
    start_not_found='failed to create shim task: OCI runtime create failed: runc create failed: unable to start '
                    'container process: {reason}: unknown',                                  # c42, r190
    network_name_empty="invalid name: {name}",                # r120, api r121 (the blank name as given)
    bridge_name_range_prefix="failed to check bridge interface existence: ",                  # r120
    unknown_protocol="invalid transport protocol: 0",                                         # api r125
    runc_task_prefix="",                                                                      # api r122
    hook_stderr='time="{time}" level=fatal msg="{quoted}"',   # a logrus line (api r122)
    network_has_endpoints="error while removing network: network {name} id {id} has active endpoints",  # r21, r101
    # moby api/types/filters Args.Validate: "Invalid filter" before moby 23 (r30, r33)
    invalid_filter="Invalid filter '{filter}'",
    invalid_status_filter="Invalid filter 'status={value}'",                                  # r50
    invalid_health_filter="Unrecognised filter value for health: {value}",                    # r260
    connect_to_host="container cannot be disconnected from host network or connected to host network",  # r59
    disconnect_from_host="container cannot be disconnected from host network or connected to host network",  # r83
    endpoint_settings="{msg}",                                                                # r45, r81
    link_not_on_default_bridge="Cannot link to /{name}, as it does not belong to the default network",  # r26
    bind_non_local=None,                  # 20.10 only fails in the userland proxy's bind (r60)
    exec_not_running="Container {id} is not running",                                         # r22, r23
    exec_failed_suffix=": unknown",                       # containerd's wrapping (r54)
    unknown_flag="unknown flag: {flag}\nSee 'docker --help'.\n",                              # r29
    unknown_command="docker: '{cmd}' is not a docker command.\nSee 'docker --help'\n",         # r29
    container_name_empty="Container name cannot be empty",    # cli container/rm.go 20.10
    wait_canceled='time="{time}" level=error msg="error waiting for container: context canceled"',   # r190
    dns_not_ip="{value} is not an ip address",                                                # r27
    sysctl_not_allowed="sysctl '{value}' is not whitelisted",                                 # d03, r243
    sysctl_per_interface=None,                                                                # r243
    runc_sysctl_missing="unable to start container process: error during container init: open "
                        "/proc/sys/{path}: no such file or directory",                        # r243
    runc_sysctl_write="unable to start container process: error during container init: write "
                      "/proc/sys/{path}: invalid argument",                                   # r243
    port_not_published="Error: No public port '{port}' published for {ctr}",                  # r102, r110
    # docker/go-connections nat: capitalised in the version vendored by 20.10 (r28, r60)
    invalid_host_port="Invalid hostPort: {value}",
    invalid_container_port="Invalid containerPort: {value}",
    invalid_ip="Invalid ip address: {value}",
    invalid_proto="Invalid proto: {value}",
    no_port="No port specified: {value}<empty>",
    invalid_ranges="Invalid ranges specified for container and host Ports: {container} and {host}",
    invalid_port_range="Invalid range specified for the Port: {value}",   # r150 (26 prints it too)
    # runconfig validateRestartPolicy and opts.ParseRestartPolicy of 20.10 (r220)
    restart_unknown="invalid restart policy '{name}'",
    restart_count_not_on_failure="maximum retry count cannot be used with restart policy '{name}'",
    restart_count_negative="maximum retry count cannot be negative",
    restart_count_not_int="maximum retry count must be an integer",
    restart_with_rm="Conflicting options: --restart and --rm",
    cp_not_found="Error: No such container:path: {term}:{path}",                             # r252, r253
)

# `docker version`, `docker info` (r210, r212): Debian bookworm's docker.io 20.10.24+dfsg1 and its client
@functools.cache
def system() -> "SystemFacts":
    """This engine's ``SystemFacts`` (``engines.system`` loads with the first ask: issue 15)."""
    from .system import ClientInfoStyle, IdStyle, InfoWithoutDaemon, SystemFacts
    return SystemFacts(
        server_version="20.10.24+dfsg1", server_git_commit="5d6db84", server_go_version="go1.19.8",
        server_built="Thu May  7 21:09:36 2026", server_build_time="2026-05-07T21:09:36.000000000+00:00",
        client_version="20.10.24+dfsg1", client_git_commit="297e128", client_go_version="go1.19.8",
        client_built="Thu May  7 21:09:36 2026", client_experimental=True, client_platform_shown=True,
        containerd_version="1.6.20~ds1", containerd_commit="1.6.20~ds1-1+deb12u3",
        containerd_commit_in_info="1.6.20~ds1-1+deb12u3",
        runc_version="1.1.5+ds1", runc_commit="1.1.5+ds1-1+deb12u1", init_version="0.19.0",
        operating_system="Debian GNU/Linux 12 (bookworm)", os_version="12",
        log_plugins=("awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "logentries",
                     "splunk", "syslog"),
        runtimes=("io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc"), security_profile="default",
        insecure_registries=("127.0.0.0/8",), cdi_spec_dirs=(), cdi_listed=False,
        firewall_backend=False, containerd_info=False, bridge_nf_fields=True, kernel_memory_field=True,
        commits_expected=True, registry_line=True, id_style=IdStyle.KEY_ID,
        client_info_style=ClientInfoStyle.INLINE_PLUGINS, client_info_version=False, client_info_default_api=False,
        prune_build_cache_words="all dangling build cache", prune_volumes_words="all volumes not used by at least one container",
        info_without_daemon=InfoWithoutDaemon.INLINE_ERROR,
        info_type_name="system.info", df_image_size_field="VirtualSize",
    )

PROFILE = Profile(
    name="20.10", engine_version="20.10.24", client_version="20.10.24", api_version="1.41",
    client_api_version="1.41", min_api_version="1.12",   # api/common.go MinVersion (20.10)
    go=GoVersion(1, 19), messages=MESSAGES,
    ipam=IpamRules(rotate_pools=True, ula_default=False, full_pool_precheck=True, v6_bitmap_low64=True,
                   chunk_bits=None, reserve_point_to_point=True, mask_child=False,
                   exhausted_kind=("not_found", 404), messages=IPAM_MESSAGES,
                   check_config_up_front=False, default_bridge_first_free_pool=True,
                   fixed_cidr_v6_preferred_pool=False),
    inspect=InspectSchema(container_template="container_20.10.json", network_mode_default="default",
                          network_mode_canonical=False, enable_ipv4=False, empty_ipam_config_null=False,
                          ipam_config_user_first=False,
                          settings_fields=("Bridge", "SandboxID", "HairpinMode", "LinkLocalIPv6Address",
                                           "LinkLocalIPv6PrefixLen", "Ports", "SandboxKey",
                                           "SecondaryIPAddresses", "SecondaryIPv6Addresses", "EndpointID",
                                           "Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "IPAddress",
                                           "IPPrefixLen", "IPv6Gateway", "MacAddress", "Networks"),
                          endpoint_fields=("IPAMConfig", "Links", "Aliases", "NetworkID", "EndpointID",
                                           "Gateway", "IPAddress", "IPPrefixLen", "IPv6Gateway",
                                           "GlobalIPv6Address", "GlobalIPv6PrefixLen", "MacAddress",
                                           "DriverOpts"),
                          internal_gateway_shown=True, short_id_alias=True, clear_sandbox_on_stop=False),
    firewall=FirewallLayout.CLASSIC,
    mac_from_ip=True,
    bridge_mac_0242=True,
    ifindex_policy="global",
    reuse_eth_numbers=False,
    eth_names_in_libnetwork_order=True,
    container_ipv6_enabled=False,
    disable_ipv6_without_v6=False,
    bridge_mtu_at_create=False,
    bridge_mtu_follows_ports=True,
    bridge_v6_nodad=False,
    bridge_v6_link_local=True,
    bridge_conflict_ignores_default=True,
    gateway_skips_internal=False,
    validate_endpoint_at_create=False,
    start_error_prefix="",
    mac_conflicts_with_shared_netns=True,
    network_setup_in_hook=True,
    failed_task_lists_ports=True,                 # r190
    duplicate_network_is_conflict=False,
    one_network_per_parent=True,
    bridge_gateway_modes=False,            # the options are kept, never read (r230)
    network_ipv4_optional=False,           # no EnableIPv4 in the API (r232: the client has no --ipv4)
    port_alloc_last_per_ip=True,
    port_alloc_cross_ip=False,
    port_map_order=PortMapOrder.SORTED_BY_PORT,
    same_port_twice_fails=False,
    retry_ephemeral_bind=True,
    proxy_overlap_per_ip=True,
    hosts_copy_in_host_mode=True,
    hosts_ipv6=HostsIPv6Style.ALWAYS_ZERO_SUFFIX,
    resolv_conf=ResolvConfStyle.COPY_FILTERED,
    host_dns_marked=False,
    loopback_forward_rcode="TIMEOUT",
    ipv6_port_bindings=True,
    forwarding_at_network_create=False,   # r280: a network made with ip_forward=0 leaves it 0
    forwarding_read_live=True,   # r280: each create reads ip_forward (the run warning)
    announces_at_start=False,   # r283: a container is heard from only when it sends
    held_port_backlog=4096,   # r282: without docker-proxy, dockerd's own Go listener holds the port
    cli_framing=CliFraming.SEE_HELP,
    old_short_help=True,
    client_rewrites_not_found=True,
    rm_exit_status_line=False,
    client_refuses_blank_ids=False,
    exec_not_found_by_client=True,
    exec_failed_exit_code=126,
    # the tmpfs runc mounts read-only over a masked directory (/proc/acpi, /sys/firmware: r202)
    masked_dir_options="ro,relatime",
    json_format_shorthand=False,
    json_errors_ignored=True,
    ps_platform_column=False,
    ps_size_skips_format_check=True,
    ls_ipv4_column=False,
    network_create_ipv4_flag=False,        # unknown flag: --ipv4 (r232)
    health_start_interval=False,             # unknown flag: --health-start-interval (r261)
    bracket_ipv6_host_ports=False,
    client_default_endpoint=False,         # cli 20.10 parseNetworkOpts drops them (r31, r34)
    exec_user_refused_by_daemon=False,          # runc refuses it: on the exec's output, 126 (r176)
    reference_names_library=False,
    create_with_many_endpoints=False,
    endpoint_gw_priority=False,
    network_opt_keys=("name", "alias", "ip", "ip6", "driver-opt"),
    ping_swarm_header=False,  # (API 1.41: no such header)
    ping_builder_version="",  # (the classic builder: no header)
    client_checks_builtin_aliases=False,
    endpoint_on_explicit_network=True,
    localhost_dns_warning=LocalhostDnsWarning.BEFORE_CREATE,
    unknown_container_sub_as_command=True,
    inspect_type_checked_when_given=False,
    port_cmd_checks_and_sorts=False,
    extra_host_equals=False,
    long_publish_syntax_strict=False,
    link_env_ranges_first=True,
    failed_ipv6_keeps_ipv4=True,    # a failed --ip6 leaks the IPv4 it took (r93_ipv6_errors)
    # dockerd's flags (df*, hd02 in tests/golden/docker-20.10)
    fixed_cidr_is_pool=False, bridge_mtu_at_start=False,                          # df05, df22
    dockerd_flag_status="Status: {}\nSee 'dockerd --help'., Code: 125",          # df14
    ip_flag_error="{value} is not an ip address", dns_flag_error="{value} is not an ip address",   # df21, df24
    default_gateway_is_aux=True, ip6tables_default=False, ip6tables_experimental=True, bridge_takeover=True,   # df28, df18, hd02
    default_bridge_error='Error creating default "bridge" network: {}',
    bip_parse_error="{}", fixed_cidr_parse_error="{}",
    fixed_cidr_v6_in_config_check=False, ipv6_needs_fixed_cidr_v6=True, fixed_cidr_v6_shown_without_ipv6=True,
    pool_size_error="invalid pools size: {}", pool_base_checked_by_flag=False,   # df13, df14
    volume_prune_all_by_default=True, volume_anonymous_label=False, volume_empty_maps_null=False,   # r222
    volume_update_command=False,
    capabilities_normalized=False,
    pidfile_taken="failed to start daemon: pid file found, ensure docker is not running or delete {pidfile}",
    system_facts=system,
    events=EventFacts(mount_before_network=False, stop_before_die=False, die_exec_duration=False,
                      release_before_die=False, disconnect_logged_twice=True,
                      create_logged_when_volume_exists=True),   # r270, r271
)
