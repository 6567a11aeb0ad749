"""How each docker client generation frames errors: prefixes, help lines and exit codes.

The daemon's errors carry only the daemon's text; this module adds what the client prints
around it (``Error response from daemon: ``, ``docker: ``, the trailing ``.`` and ``See 'docker
run --help'.`` of 20.10, the blank line and ``Run 'docker run --help' for more information`` of
28) and the exit code.
"""

from __future__ import annotations

from ..errors import DockerError
from ..profiles import Profile
from .result import Result

# usage line and one-line description of each command, as the client prints them
USAGE: dict[str, tuple[str, str]] = {
    "network create": ("docker network create [OPTIONS] NETWORK", "Create a network"),
    "network rm": ("docker network rm NETWORK [NETWORK...]", "Remove one or more networks"),
    "network inspect": ("docker network inspect [OPTIONS] NETWORK [NETWORK...]",
                        "Display detailed information on one or more networks"),
    "network connect": ("docker network connect [OPTIONS] NETWORK CONTAINER", "Connect a container to a network"),
    "network disconnect": ("docker network disconnect [OPTIONS] NETWORK CONTAINER",
                           "Disconnect a container from a network"),
    "network ls": ("docker network ls [OPTIONS]", "List networks"),
    "network prune": ("docker network prune [OPTIONS]", "Remove all unused networks"),
    "run": ("docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image"),
    "create": ("docker create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container"),
    "start": ("docker start [OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers"),
    "stop": ("docker stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers"),
    "restart": ("docker restart [OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers"),
    "kill": ("docker kill [OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers"),
    "rm": ("docker rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers"),
    "rename": ("docker rename CONTAINER NEW_NAME", "Rename a container"),
    "ps": ("docker ps [OPTIONS]", "List containers"),
    "inspect": ("docker inspect [OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects"),
    "port": ("docker port CONTAINER [PRIVATE_PORT[/PROTO]]", "List port mappings or a specific mapping for the container"),
    "exec": ("docker exec [OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container"),
    "container prune": ("docker container prune [OPTIONS]", "Remove all stopped containers"),
}
USAGE_2010_DESC = {
    "run": "Run a command in a new container",
    "exec": "Run a command in a running container",
}


def usage(profile: Profile, cmd: str) -> tuple[str, str]:
    u, d = USAGE.get(cmd, (f"docker {cmd}", ""))
    if profile.name == "20.10":
        d = USAGE_2010_DESC.get(cmd, d)
    return u, d


def daemon_error(profile: Profile, e: DockerError, exit_code: int = 1, status_line: bool = False) -> Result:
    text = f"Error response from daemon: {str(e).strip()}\n"
    if status_line and profile.rm_exit_status_line:
        text += "exit status 1\n"
    return Result("", text, exit_code)


def not_found_network(profile: Profile, name: str) -> str:
    if profile.not_found_network_style == "client":
        return f"Error: No such network: {name}\n"
    return f"Error response from daemon: network {name} not found\n"


def run_error(profile: Profile, msg: str, *, create_failed: bool, cmd: str = "run", daemon: bool = True) -> str:
    """``docker run``/``create``'s framing of an error (exit code 125)."""
    body = f"Error response from daemon: {msg}" if daemon else msg
    if profile.run_error_style == "dot":
        line = "docker: " + body.rstrip(".") + ".\n"
        if create_failed:
            line += f"See 'docker {cmd} --help'.\n"
        return line
    return f"docker: {body}\n\nRun 'docker {cmd} --help' for more information\n"


def flag_error(profile: Profile, cmd: str, msg: str) -> Result:
    """A flag the client does not know or cannot parse: exit 125."""
    if profile.name == "20.10":
        return Result("", f"{msg}\nSee 'docker {cmd} --help'.\n", 125)
    u, _ = usage(profile, cmd)
    return Result("", f"{msg}\n\nUsage:  {u}\n\nRun 'docker {cmd} --help' for more information\n", 125)


def args_error(profile: Profile, cmd: str, what: str) -> Result:
    """Wrong number of arguments (cobra's Args checks): exit 1."""
    u, d = usage(profile, cmd)
    if profile.name == "20.10":
        return Result("", f"\"docker {cmd}\" {what}.\nSee 'docker {cmd} --help'.\n\nUsage:  {u}\n\n{d}\n", 1)
    return Result("", f"docker: '{'docker ' + cmd}' {what}\n\nUsage:  {u}\n\nRun 'docker {cmd} --help' for more "
                      f"information\n", 1)
