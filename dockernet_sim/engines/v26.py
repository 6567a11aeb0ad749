"""Docker Engine 26.1.5 with client 26.1.5 (API 1.45, client built with Go 1.24.4): Debian 13's
own ``docker.io``, what a student on a current Debian stable runs.

Its daemon keeps much of 20.10's networking (MACs from IPs, the classic iptables layout,
interface numbers that count up, rotating default pools) under 28's API documents, validation
and lower-cased texts, so it is made as :func:`dataclasses.replace` of the 20.10 profile with
what 26 already shares with 28, and what is its own. Recorded in ``tests/golden/docker-26/``;
the comments name the scenario that shows a value (``sNN`` visible oracle, ``rNN`` ours).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..records import replace
from . import v20_10, v28
from .profile import FirewallLayout, Profile, ResolvConfStyle
from .events import EventFacts

if TYPE_CHECKING:
    from .system import SystemFacts

_20, _28 = v20_10.PROFILE, v28.PROFILE
_M28 = v28.MESSAGES

IPAM_MESSAGES: dict[str, str] = {
    # ipamapi/contract.go of 25.0/26.1: the errors were lower-cased in 25.0 and the overlap got its
    # "invalid pool request: " prefix only in 27.0 (s04, r21: "Pool overlaps …"); the exhausted
    # default pools keep 20.10's text (r20)
    **v20_10.IPAM_MESSAGES,
    "out_of_range": "requested address is out of range",
    "no_addresses": "no available addresses on this pool",                  # r23
    "bad_pool": "address space does not contain specified address pool",
    "bad_subpool": 'failed to parse pool request for address space "{space}" pool "" subpool "{sub}": '
                   "invalid address subpool",
}

MESSAGES = replace(
    v20_10.MESSAGES,
    kill_not_found=_M28.kill_not_found,                      # r29
    cp_not_found=_M28.cp_not_found,                          # r252: the daemon's words, as 28
    kill_not_running=_M28.kill_not_running,                  # r29
    kill_bad_signal=_M28.kill_bad_signal,                    # r55
    # r55: 28's text, but naming the container by its stored name, not as typed
    rm_running='cannot remove container "{name}": container is running: stop the container before '
               'removing or force remove',
    invalid_filter=_M28.invalid_filter,                      # r30, r33
    # r180: 28's text naming the container by its stored name, as rm_running
    rm_paused='cannot remove container "{name}": container is paused and must be unpaused first',
    pause_not_running=_M28.pause_not_running,                # r180
    invalid_status_filter="invalid filter 'status={value}'",  # r50: lower-cased, no list of states yet
    invalid_health_filter="unrecognized filter value for health: {value}",   # r260
    endpoint_settings=_M28.endpoint_settings,                # r45
    exec_not_running=_M28.exec_not_running,                  # r22
    dns_not_ip=_M28.dns_not_ip,                              # r27
    sysctl_not_allowed=_M28.sysctl_not_allowed,              # r243: 28's word, 20.10's framing
    port_not_published=_M28.port_not_published,              # r102, r28
    bridge_name_range_prefix=_M28.bridge_name_range_prefix,  # r120: ERANGE from creating the link
    runc_task_prefix=_M28.runc_task_prefix,                  # api r122
    hook_stderr="{msg}",                                     # api r122: the hook's error as is, no logrus line
    wait_canceled=_M28.wait_canceled,                        # r190: no line
    restart_unknown=_M28.restart_unknown,                    # r220
    restart_count_not_on_failure=_M28.restart_count_not_on_failure,   # r220
    restart_count_negative=_M28.restart_count_negative,      # r220
    restart_count_not_int=_M28.restart_count_not_int,        # r220
    restart_with_rm="Conflicting options: --restart and --rm",   # cli 26.1.5 container/opts.go
)

IPAM = replace(
    _20.ipam,
    messages=IPAM_MESSAGES,
    reserve_point_to_point=False,          # /31 and /32 networks hand out every address (r23)
    check_config_up_front=True,            # "invalid network config:" + one line each (s04)
    default_bridge_first_free_pool=False,  # docker0's IPAM config shows its Gateway (s00, s01)
)

INSPECT = replace(
    _28.inspect,
    enable_ipv4=False,                     # EnableIPv4 is API 1.48 (s00 network inspect)
    endpoint_fields=("IPAMConfig", "Links", "Aliases", "MacAddress", "NetworkID", "EndpointID",
                     "Gateway", "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address",
                     "GlobalIPv6PrefixLen", "DriverOpts", "DNSNames"),   # s06 inspect -f json
    clear_sandbox_on_stop=False,           # a stopped container keeps its SandboxID (r50)
    # s01 `docker inspect nasa`: no /proc/interrupts mask, GraphDriver.Data null
    container_template="container_26.json",
)

# `docker version`, `docker info` (r210, r212): Debian 13's docker.io 26.1.5+dfsg1 and its client
@functools.cache
def system() -> "SystemFacts":
    """This engine's ``SystemFacts`` (``engines.system`` loads with the first ask: issue 15)."""
    from .system import InfoWithoutDaemon
    return replace(
        _28.system_facts(),
        server_version="26.1.5+dfsg1", server_git_commit="411e817", server_go_version="go1.24.4",
        server_built="Thu Aug 13 05:35:48 2026", server_build_time="2026-08-13T05:35:48.000000000+00:00",
        client_version="26.1.5+dfsg1", client_git_commit="a72d7cd", client_go_version="go1.24.4",
        client_built="Thu Aug 13 05:35:48 2026",
        containerd_version="1.7.24~ds1", containerd_commit="1.7.24~ds1-6+deb13u1",
        containerd_commit_in_info="1.7.24~ds1-6+deb13u1",
        runc_version="1.1.15+ds1", runc_commit="1.1.15+ds1-2+b4",
        operating_system="Debian GNU/Linux 13 (trixie)", os_version="13",
        log_plugins=("awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"),
        insecure_registries=("127.0.0.0/8",), cdi_spec_dirs=(),
        firewall_backend=False, containerd_info=False, bridge_nf_fields=True, commits_expected=True,
        client_info_default_api=False,
        info_without_daemon=InfoWithoutDaemon.ERROR_AND_SUMMARY,     # r213
    )

PROFILE: Profile = replace(
    _20,
    name="26", engine_version="26.1.5+dfsg1", client_version="26.1.5+dfsg1", api_version="1.45",
    min_api_version="1.24",                # `docker version`: "1.45 (minimum version 1.24)" (r212)
    client_api_version="1.45", go=_28.go,  # `docker version`: go1.24.4
    messages=MESSAGES, ipam=IPAM, inspect=INSPECT,
    container_ipv6_enabled=True,           # lo has ::1 (s00, s01)
    disable_ipv6_without_v6=True,          # no fe80:: on an IPv4-only interface (s00, s06)
    bridge_mtu_at_create=True,             # docker0 takes the daemon's --mtu at once (r41)
    gateway_skips_internal=True,           # no default route from an internal network (r24)
    bridge_conflict_ignores_default=False,  # a second network named docker0 is refused (r53)
    validate_endpoint_at_create=True,      # --ip problems refused at create (s04)
    resolv_conf=ResolvConfStyle.GENERATED,  # "# Generated by Docker Engine." (r26, r27)
    hosts_copy_in_host_mode=False,         # --network host gets Docker's fixed /etc/hosts (r80, r83)
    loopback_forward_rcode="SERVFAIL",     # a forward to a dead loopback server: SERVFAIL (r80)
    host_dns_marked=False,                 # ExtServers: [10.255.255.53], no host(…) (r70)
    mac_conflicts_with_shared_netns=False,  # --mac-address with container: is accepted (r71)
    client_rewrites_not_found=False,       # "network x not found" from the daemon (s04)
    exec_not_found_by_client=False,        # the daemon's "No such container" for exec (r29)
    old_short_help=False,                  # "Create and run a new container from an image" (r29)
    client_default_endpoint=True,
    exec_user_refused_by_daemon=False,
    reference_names_library=True,
    create_with_many_endpoints=True,       # API 1.44 (s04); 20.10 refuses a second endpoint (r173)
    endpoint_gw_priority=False,            # API 1.45: GwPriority is 1.48's
    network_opt_keys=_28.network_opt_keys[:-1],   # client 25+: mac-address, link-local-ip; gw-priority is 28's
    endpoint_on_explicit_network=True,     # "links are only supported for user-defined networks" (r71)
    ping_swarm_header=True,
    ping_builder_version="2",
    client_checks_builtin_aliases=True,    # "network-scoped aliases are only supported …" (r45)
    port_cmd_checks_and_sorts=True,        # docker port prints [::]:8080 (s07)
    firewall=FirewallLayout.CLASSIC_USER6,   # DOCKER-USER in ip6tables too (r284)
    forwarding_read_live=False,            # sysinfo read once at start-up, as 28 (r280: no run warning)
    failed_ipv6_keeps_ipv4=True,           # a failed --ip6 leaks its IPv4: n1 gets v6a's .4 (r93)
    # dockerd's flags (df*, hd02 in tests/golden/docker-26): 28's values for these …
    fixed_cidr_is_pool=_28.fixed_cidr_is_pool, bridge_mtu_at_start=_28.bridge_mtu_at_start,   # df05, df22
    bridge_takeover=_28.bridge_takeover, default_gateway_is_aux=_28.default_gateway_is_aux,   # hd02, df28
    default_bridge_error=_28.default_bridge_error, ip_flag_error=_28.ip_flag_error,
    dns_flag_error=_28.dns_flag_error, pidfile_taken=_28.pidfile_taken,
    volume_prune_all_by_default=False, volume_anonymous_label=True, volume_empty_maps_null=True,   # r222 (API 1.45)
    volume_update_command=True,
    health_start_interval=True,            # API 1.44: --health-start-interval, 5s by default (r260, r261)
    capabilities_normalized=False,
    # … and a bad --fixed-cidr-v6 is refused before starting, as on 28 (df12; 26 words the log line
    # "invalid fixed-cidr-v6: invalid CIDR address: …", which the transcripts do not show)
    fixed_cidr_v6_in_config_check=_28.fixed_cidr_v6_in_config_check,
    # 20.10's for bip_parse_error, fixed_cidr_parse_error, ipv6_needs_fixed_cidr_v6,
    # fixed_cidr_v6_shown_without_ipv6, pool_size_error, pool_base_checked_by_flag, ip6tables_experimental
    # and dockerd_flag_status (inherited from the 20.10 profile this one replaces)
    one_network_per_parent=True,           # a second macvlan network on a parent is refused (m04, m08),
    system_facts=system,
    events=EventFacts(mount_before_network=False, stop_before_die=True, die_exec_duration=True,
                      release_before_die=True, disconnect_logged_twice=True,
                      create_logged_when_volume_exists=False),   # r270, r271
)
