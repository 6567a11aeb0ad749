"""Docker's error texts that differ between generations: one catalogue type, one value per engine.

Every field is a ``str.format`` template (named placeholders) and the engine modules fill them
in verbatim from their recordings (``v20_10.py``, ``v28.py``), each with a comment naming the
recording or source that shows it. Texts that are the same on every engine stay where they are
raised; only the ones that changed wording live here. ``None`` means the engine has no such
error (the check does not exist there).
"""

from __future__ import annotations

from typing import Optional

from ..records import Record


# the ipamapi/contract.go and ipam/allocator.go texts no recorded generation reworded: each
# engine's IPAM_MESSAGES starts from these
IPAM_SHARED: dict[str, str] = {
    "in_use": "Address already in use",
    "invalid_pool_id": "invalid pool id: {id}",
    "families": "pool and subpool are of incompatible address families",
    "bit_range": "invalid bit range [{start}, {end}]",
    "bit_sequence": "bit does not belong to the sequence",
}


class Messages(Record, frozen=True, slots=True):
    # daemon: containers
    invalid_container_mode: str     # --network container: with no name
    address_not_in_subnet: str      # {ip}: --ip outside every subnet of the network
    join_missing_donor: Optional[str]   # {ref}: container:<ref> that does not exist; None: the 404 as is
    join_own_netns: str             # container:<itself>
    join_not_running: str           # {id} {name} {status}: donor not running
    kill_not_found: str             # {term} {err}
    kill_bad_signal: str            # {term} {signal}
    kill_not_running: str           # {term} {id}
    rm_running: str                 # {term} {id} {name}: docker rm of a running container ({name} is "/x")
    rm_paused: str                  # {term} {id} {name}: docker rm (no -f) of a paused container
    pause_not_running: str          # {id}: docker pause of a stopped container
    start_not_found: str            # {reason}: runc's, why the main process's program cannot run (not
                                    # in the image); after runc_task_prefix (r190, c42)
    # daemon: networks
    network_name_empty: str         # {name} as given: a name that is empty after Go's TrimSpace (r120)
    bridge_name_range_prefix: str   # before ERANGE for a bridge name over 15 bytes (20.10 fails looking it up)
    unknown_protocol: str           # -P of an exposed port that is not tcp/udp/sctp (api r125, r126)
    runc_task_prefix: str           # what the daemon puts before containerd's "failed to create shim task"
    hook_stderr: str                # {time} {msg} {quoted}: the network hook's stderr inside runc's error
    network_has_endpoints: str      # {name} {id} {eps}
    invalid_filter: str             # {filter}: a filter key the daemon does not know
    invalid_status_filter: str      # {value} {states}
    invalid_health_filter: str      # {value} {states}: ps --filter health=… not a health status (r260)
    connect_to_host: str            # connecting a non-host container to the host network
    disconnect_from_host: str
    endpoint_settings: str          # {msg}: how one invalid endpoint setting is wrapped
    link_not_on_default_bridge: str  # {id} {name}: --link to a container off the default bridge
    bind_non_local: Optional[str]   # {shown} {port} {ip} {cport} {proto}; None: the proxy reports it
    exec_not_running: str           # {id} (moby's errNotRunning: exec and top)
    exec_failed_suffix: str         # appended to runc's reason (20.10: containerd's ": unknown")
    # client
    unknown_flag: str               # {flag}: `docker --bogus`
    unknown_command: str            # {cmd}
    container_name_empty: str
    # {time}: what an attached run or start -a prints when the start failed and the client's wait
    # for the container was cancelled (a logrus line: 20.10); None: nothing
    wait_canceled: Optional[str]
    dns_not_ip: str                 # {value}: --dns that is not an address
    sysctl_not_allowed: str         # {value}: opts.ValidateSysctl's refusal of a --sysctl
    # daemon: sysctls
    sysctl_per_interface: Optional[str]  # {key}: a --sysctl for one interface (None: taken as any other)
    runc_sysctl_missing: str        # {key} {path}: runc opening a sysctl the kernel does not have
    runc_sysctl_write: str          # {key} {value} {path}: the kernel refusing the value runc writes
    port_not_published: str         # {port} {want} {ctr}: docker port with nothing published
    # go-connections nat (run here, in the client)
    invalid_host_port: str          # {value}
    invalid_container_port: str     # {value}
    invalid_ip: str                 # {value}
    invalid_proto: str              # {value}
    no_port: str                    # {value}
    invalid_ranges: str             # {container} {host}
    invalid_port_range: str         # {value}: nat.ParsePortRange, seen through --expose 10-5
    # restart policies (r220): the daemon's checks of create and update, then the client's parse
    restart_unknown: str            # {name}: a policy name the daemon does not know
    restart_count_not_on_failure: str   # {name}: a retry count with a policy other than on-failure
    restart_count_negative: str
    restart_count_not_int: str      # the client: --restart NAME:X with X not a number
    restart_with_rm: str            # the client: --restart with --rm
    # docker cp (r252, r253): how the client reports a 404 from the archive endpoint — the path or
    # the container missing — in its own words ({term} {path}); None: the daemon's error as it came
    cp_not_found: Optional[str] = None
