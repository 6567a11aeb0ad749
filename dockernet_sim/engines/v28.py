"""Docker Engine 28.5.2 with client 28.2.2 (API 1.51, client built with Go 1.24): the default.

Recorded in ``tests/golden/docker-28/``; the comments name the scenario that shows a text or a
behaviour (``rNN``/``sNN``) or the source it follows.
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
    # libnetwork/ipamapi/contract.go, ipams/defaultipam (lower-cased in 25.0, prefixed in 27.0)
    **IPAM_SHARED,
    "overlap": "invalid pool request: Pool overlaps with other one on this address space",
    "exhausted": "all predefined address pools have been fully subnetted",
    "out_of_range": "requested address is out of range",
    "no_addresses": "no available addresses on this pool",
    "bad_pool": "address space does not contain specified address pool",
    "no_pool": "cannot find address pool for poolID:{nw}/{sub}",
    "no_pool_release": "cannot find address pool for {nw}/{sub}",
    "no_space": "cannot find address space {space}",
    "bad_subpool": 'failed to parse pool request for address space "{space}" pool "" subpool "{sub}": '
                   "invalid address subpool",
    "range_not_in_subnet": "add-any, range '{range}' is not in subnet '{pool}'",
    "nil_address": "invalid address",
}

MESSAGES = Messages(
    invalid_container_mode="invalid network mode: invalid container format container:<name|id>",  # runconfig (25.0+)
    address_not_in_subnet="invalid address {ip}: It does not belong to any of this network's subnets",  # r31
    join_missing_donor="joining network namespace of container: No such container: {ref}",  # r71, s04
    join_own_netns="cannot join own network namespace",                                       # s11
    join_not_running="cannot join network namespace of a non running container: container {name} is {status}",  # r87
    kill_not_found="cannot kill container: {term}: {err}",                                    # r29
    kill_bad_signal="cannot kill container: {term}: invalid signal: {signal}",                # r55
    kill_not_running="cannot kill container: {term}: container {id} is not running",          # r55
    rm_running='cannot remove container "{term}": container is running: stop the container before '
               'removing or force remove',                                                    # r55
    rm_paused='cannot remove container "{term}": container is paused and must be unpaused first',  # r180
    pause_not_running="container {id} is not running",                                        # r180
    start_not_found='failed to create shim task: OCI runtime create failed: runc create failed: unable to start '
                    'container process: error during container init: {reason}',             # c42, r190
    network_name_empty="invalid name: name is empty",                                         # r120, api r121
    bridge_name_range_prefix="",                                                              # r120
    unknown_protocol="unknown protocol",                                                      # api r125
    runc_task_prefix="failed to create task for container: ",   # daemon/start.go since 23.0 (as 26, api r122)
    hook_stderr="{msg}",                  # no hook on 28 (network_setup_in_hook is False); 26's form
    network_has_endpoints="error while removing network: network {name} has active endpoints ({eps})",  # r21, r101
    invalid_filter="invalid filter '{filter}'",                                               # r30, r33
    invalid_status_filter="invalid filter 'status={value}': invalid value for state ({value}): "
                          "must be one of {states}",                                          # r50
    invalid_health_filter="invalid filter 'health={value}': invalid value for health ({value}): "
                          "must be one of {states}",                                          # r260
    connect_to_host="cannot connect container to host network - container must be created in host "
                    "network mode",                                                           # r59
    disconnect_from_host="cannot disconnect container from host network - container was created in host "
                         "network mode",                                                      # r83, s04
    endpoint_settings="invalid endpoint settings:\n{msg}",                                    # r31, r32
    link_not_on_default_bridge="container {id} not attached to default bridge network",       # r26
    bind_non_local="failed to bind host port for {shown}:{port}:{ip}:{cport}/{proto}: "
                   "cannot assign requested address",                                         # r60
    exec_not_running="container {id} is not running",                                         # r22, r29
    exec_failed_suffix="",                                                                    # r54
    unknown_flag="unknown flag: {flag}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for "
                 "more information\n",                                                        # r29
    unknown_command="docker: unknown command: docker {cmd}\n\nRun 'docker --help' for more information\n",  # r29
    container_name_empty="container name cannot be empty",                                    # cli container/rm.go
    wait_canceled=None,                                                                       # r190
    dns_not_ip="IP address is not correctly formatted: {value}",                              # r27
    sysctl_not_allowed="sysctl '{value}' is not allowed",                                     # d03, r243
    sysctl_per_interface="interface specific sysctl setting \"{key}\" must be supplied using driver "
                         "option 'com.docker.network.endpoint.sysctls'",                      # r243
    # r243: runc 1.3's words (it opens /proc through a private procfs mount)
    runc_sysctl_missing="unable to start container process: error during container init: open sysctl {key} "
                        "file: unsafe procfs detected: openat2 fsmount:fscontext:proc/./sys/{path}: no such "
                        "file or directory",
    runc_sysctl_write='unable to start container process: error during container init: failed to write sysctl '
                      '{key} = {value}: write fsmount:fscontext:proc/./sys/{path}: invalid argument',
    port_not_published="Error: No public port '{want}' published for {ctr}",                 # r102, r110
    # docker/go-connections nat, lower-cased in the version client 28 vendors (r28, r60)
    invalid_host_port="invalid hostPort: {value}",
    invalid_container_port="invalid containerPort: {value}",
    invalid_ip="invalid IP address: {value}",
    invalid_proto="invalid proto: {value}",
    no_port="no port specified: {value}<empty>",
    invalid_ranges="invalid ranges specified for container and host Ports: {container} and {host}",
    invalid_port_range="invalid range specified for port: {value}",                           # r150
    # api/types/container ValidateRestartPolicy (25.0+) and opts.ParseRestartPolicy (r220)
    restart_unknown="invalid restart policy: unknown policy '{name}'; use one of 'no', 'always', 'on-failure', "
                    "or 'unless-stopped'",
    restart_count_not_on_failure="invalid restart policy: maximum retry count can only be used with 'on-failure'",
    restart_count_negative="invalid restart policy: maximum retry count cannot be negative",
    restart_count_not_int="invalid restart policy format: maximum retry count must be an integer",
    restart_with_rm="conflicting options: cannot specify both --restart and --rm",
)

# `docker version`, `docker info` (r210, r212): Debian sid's docker.io 28.5.2+dfsg4, client 28.2.2
@functools.cache
def system() -> "SystemFacts":
    """This engine's ``SystemFacts`` (``engines.system`` loads with the first ask: issue 15)."""
    from .system import ClientInfoStyle, IdStyle, InfoWithoutDaemon, SystemFacts
    return SystemFacts(
        server_version="28.5.2+dfsg4", server_git_commit="3ef3c07c883be49a2e8097bcf6d2952fce1d70eb",
        server_go_version="go1.27.1", server_built="Tue Sep 15 11:02:57 2026",
        server_build_time="2026-09-15T11:02:57.000000000+00:00",
        client_version="28.2.2", client_git_commit="e6534b4", client_go_version="go1.24.3",
        client_built="Fri May 30 12:07:14 2025", client_experimental=False, client_platform_shown=False,
        containerd_version="2.1.9+unknown", containerd_commit="", containerd_commit_in_info="",
        runc_version="1.3.6+ds1", runc_commit="1.3.6+ds1-1", init_version="0.19.0",
        operating_system="Debian GNU/Linux forky/sid", os_version="",
        log_plugins=("awslogs", "fluentd", "gelf", "journald", "json-file", "local", "splunk", "syslog"),
        runtimes=("io.containerd.runc.v2", "runc"), security_profile="builtin",
        insecure_registries=("::1/128", "127.0.0.0/8"), cdi_spec_dirs=("/etc/cdi", "/var/run/cdi"), cdi_listed=True,
        firewall_backend=True, containerd_info=True, bridge_nf_fields=False, kernel_memory_field=False,
        commits_expected=False, registry_line=False, id_style=IdStyle.UUID,
        client_info_style=ClientInfoStyle.VERSION_AND_PATH, client_info_version=True, client_info_default_api=True,
        prune_build_cache_words="unused build cache", prune_volumes_words="all anonymous volumes not used by at least one container",
        info_without_daemon=InfoWithoutDaemon.PLAIN_ERROR,
        info_type_name="system.dockerInfo", df_image_size_field="Size",
    )

PROFILE = Profile(
    name="28", engine_version="28.5.2", client_version="28.2.2", api_version="1.51",
    client_api_version="1.50", min_api_version="1.24",   # api/common.go MinSupportedAPIVersion (25.0+)
    go=GoVersion(1, 24), messages=MESSAGES,
    ipam=IpamRules(rotate_pools=False, ula_default=True, full_pool_precheck=False, v6_bitmap_low64=False,
                   chunk_bits=63, reserve_point_to_point=False, mask_child=True,
                   exhausted_kind=("invalid_parameter", 400), messages=IPAM_MESSAGES,
                   check_config_up_front=True, default_bridge_first_free_pool=False,
                   fixed_cidr_v6_preferred_pool=True),
    inspect=InspectSchema(container_template="container_28.json", network_mode_default="bridge",
                          network_mode_canonical=True, enable_ipv4=True, empty_ipam_config_null=True,
                          ipam_config_user_first=True,
                          settings_fields=("Bridge", "SandboxID", "SandboxKey", "Ports", "HairpinMode",
                                           "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen",
                                           "SecondaryIPAddresses", "SecondaryIPv6Addresses", "EndpointID",
                                           "Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "IPAddress",
                                           "IPPrefixLen", "IPv6Gateway", "MacAddress", "Networks"),
                          endpoint_fields=("IPAMConfig", "Links", "Aliases", "MacAddress", "DriverOpts",
                                           "GwPriority", "NetworkID", "EndpointID", "Gateway", "IPAddress",
                                           "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address",
                                           "GlobalIPv6PrefixLen", "DNSNames"),
                          internal_gateway_shown=False, short_id_alias=False, clear_sandbox_on_stop=True),
    firewall=FirewallLayout.SPLIT_CHAINS,
    mac_from_ip=False,
    bridge_mac_0242=False,
    ifindex_policy="per_netns",
    reuse_eth_numbers=True,
    eth_names_in_libnetwork_order=False,
    container_ipv6_enabled=True,
    disable_ipv6_without_v6=True,
    bridge_mtu_at_create=True,
    bridge_mtu_follows_ports=False,
    bridge_v6_nodad=True,
    bridge_v6_link_local=False,
    bridge_conflict_ignores_default=False,
    gateway_skips_internal=True,
    validate_endpoint_at_create=True,
    start_error_prefix="failed to set up container networking: ",
    mac_conflicts_with_shared_netns=False,
    network_setup_in_hook=False,
    failed_task_lists_ports=False,                # r190
    duplicate_network_is_conflict=True,
    one_network_per_parent=False,
    bridge_gateway_modes=True,             # gateway_mode_ipv4/_ipv6 (r230, r231)
    network_ipv4_optional=True,            # --ipv4=false (r232)
    port_alloc_last_per_ip=False,
    port_alloc_cross_ip=True,
    port_map_order=PortMapOrder.FIXED_HOST_PORT_FIRST,
    same_port_twice_fails=True,
    retry_ephemeral_bind=False,
    proxy_overlap_per_ip=False,
    hosts_copy_in_host_mode=False,
    hosts_ipv6=HostsIPv6Style.IF_ENABLED,
    resolv_conf=ResolvConfStyle.GENERATED,
    host_dns_marked=True,
    loopback_forward_rcode="SERVFAIL",
    ipv6_port_bindings=True,
    forwarding_at_network_create=True,   # r280: making a network turns ip_forward back on
    forwarding_read_live=False,   # r280: ip_forward as read at start-up (no warning)
    announces_at_start=True,   # r283: dockerd sends ARP announcements as an endpoint comes up
    held_port_backlog=0,      # r282: without docker-proxy, dockerd binds and listens with no backlog
    cli_framing=CliFraming.RUN_HELP,
    old_short_help=False,
    client_rewrites_not_found=False,
    rm_exit_status_line=True,
    client_refuses_blank_ids=True,
    exec_not_found_by_client=False,
    exec_failed_exit_code=127,
    # the tmpfs runc mounts read-only over a masked directory (/proc/acpi, /sys/firmware: r202)
    masked_dir_options="ro,relatime,size=4k,nr_inodes=1",
    json_format_shorthand=True,
    json_errors_ignored=False,
    ps_platform_column=True,
    ps_size_skips_format_check=False,
    ls_ipv4_column=True,
    network_create_ipv4_flag=True,         # r232
    health_start_interval=True,              # r260, r261
    bracket_ipv6_host_ports=True,
    client_default_endpoint=True,
    exec_user_refused_by_daemon=True,           # the daemon looks the user up first (r176)
    reference_names_library=True,
    create_with_many_endpoints=True,
    endpoint_gw_priority=True,         # r172_gw_priority_v6
    network_opt_keys=("name", "alias", "ip", "ip6", "mac-address", "link-local-ip", "driver-opt", "gw-priority"),
    ping_swarm_header=True,
    ping_builder_version="2",
    client_checks_builtin_aliases=True,
    endpoint_on_explicit_network=False,
    localhost_dns_warning=LocalhostDnsWarning.WITH_DAEMON,
    unknown_container_sub_as_command=False,
    inspect_type_checked_when_given=True,
    port_cmd_checks_and_sorts=True,
    extra_host_equals=True,
    long_publish_syntax_strict=True,
    link_env_ranges_first=False,
    failed_ipv6_keeps_ipv4=True,    # a failed --ip6 leaks the IPv4 it took (r93_ipv6_errors)
    # dockerd's flags (df*, hd02 in tests/golden/docker-28)
    fixed_cidr_is_pool=True, bridge_mtu_at_start=True,
    dockerd_flag_status="Status: {}\nSee 'dockerd --help'.",
    ip_flag_error="failed to parse IP: {quoted}",                                  # df21
    dns_flag_error="invalid string being converted to IP address: {part}",        # df24
    default_gateway_is_aux=False, ip6tables_default=True, ip6tables_experimental=False, bridge_takeover=False,
    default_bridge_error='error creating default "bridge" network: {}',           # df01, df03
    bip_parse_error="parse bip failed: {}", fixed_cidr_parse_error="parse fixed-cidr failed: {}",   # df02, df07
    fixed_cidr_v6_in_config_check=True, ipv6_needs_fixed_cidr_v6=False, fixed_cidr_v6_shown_without_ipv6=False,
    pool_size_error="", pool_base_checked_by_flag=True,
    volume_prune_all_by_default=False, volume_anonymous_label=True, volume_empty_maps_null=True,   # r222
    volume_update_command=True,
    capabilities_normalized=True,
    pidfile_taken="failed to start daemon, ensure docker is not running or delete {pidfile}: "
                  "process with PID {pid} is still running",
    system_facts=system,
    events=EventFacts(mount_before_network=True, stop_before_die=True, die_exec_duration=True,
                      release_before_die=True, disconnect_logged_twice=False,
                      create_logged_when_volume_exists=False),   # r270, r271
)
