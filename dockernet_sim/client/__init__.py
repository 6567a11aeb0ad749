"""The ``docker`` client: argv in, what the real client prints out.

Each subcommand parses its flags as docker/cli does, makes Engine API calls on the daemon
model, and renders tables, JSON and templates; errors are framed per client generation.

One module per noun (imports point down this list)::

    rows       what a table row shows: ports text, statuses, durations, natural order
    options    flag sets; -p/--publish, --expose and IPAM flag values
    filters    --filter for network ls and ps
    network    docker network …
    container  run, create, start, stop, rm, ps, inspect, port, docker container …
    cli        DockerCLI: dispatch, flag errors, docker version
"""

from __future__ import annotations

from typing import Any

from .cli import DockerCLI
from .options import (
    consolidate_ipam, expand_expose, F, NETWORK_CREATE_FLAGS, parse_publish, PS_FLAGS, RUN_FLAGS, run_flags,
)
from .rows import (
    ago, api_ports, container_context, container_row, displayable_ports, fmt_hostport, go_time_string,
    human_duration, join_host_port, natural_key, natural_sort_key, network_context, ports_text, status_text,
)


def __getattr__(name: str) -> Any:
    """``filter_networks`` and ``filter_containers``: their module loads when a ``--filter`` (or
    ``ps``) first needs it, not with the client (issue 15)."""
    if name in ("filter_containers", "filter_networks"):
        from . import filters
        return vars(filters)[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
