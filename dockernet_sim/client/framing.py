"""How each docker client generation frames errors: prefixes, help lines and exit codes.

The daemon's errors carry only the daemon's text; this module adds what the client prints
around it (``Error response from daemon: ``, ``docker: ``, the trailing ``.`` and ``See 'docker
run --help'.`` of 20.10, the blank line and ``Run 'docker run --help' for more information`` of
28) and the exit code.

Argument-count errors follow docker/cli ``cli/required.go``: each command declares one of
cobra's positional-argument checks (``NoArgs``, ``RequiresMinArgs(n)``, ``RequiresMaxArgs(n)``,
``RequiresRangeArgs(n, m)``, ``ExactArgs(n)``) and the check, not the command, decides the
text.  In client 28 only ``RequiresMinArgs`` ends with ``See '… --help'`` (the others say
``Run``; ``RequiresMaxArgs`` really prints ``SRun`` — a typo in docker/cli v28.2.2); client
20.10 prints ``"docker x" requires … .`` + ``See '… --help'.`` + usage + the short description.
Flag errors (pflag's, and values a flag's validator rejects) exit 125 (cli/cobra.go
FlagErrorFunc); argument-count errors and everything a command returns exit 1.
"""

from __future__ import annotations

from typing import Optional

from ..records import Record
from ..errors import DockerError
from ..engines import CliFraming, Profile
from ..result import Result


# docker/cli's client.ErrorConnectionFailed for the default socket (client.unreachable says who prints it how)
CANNOT_CONNECT = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"


class Unreachable(Exception):
    """Raised by the CLI where its first request would leave, on a daemon that is not running
    (what the client then prints is :mod:`.unreachable`'s, loaded only then)."""

    def __init__(self, path: str, formatted: bool = False) -> None:
        super().__init__(path)
        self.path = path
        self.formatted = formatted   # the command was given --format


class Command(Record, frozen=True, slots=True):
    """One cobra command: its ``Use`` line, ``Short`` text and positional-argument check.

    ``args`` is ``("none",)``, ``("min", n)``, ``("max", n)``, ``("range", n, m)`` or
    ``("exact", n)``.  ``short_2010`` is the 20.10 client's description where it differs.
    """

    use: str
    short: str
    args: tuple[object, ...]
    short_2010: str = ""
    group: bool = False          # a management command (has subcommands)


# docker/cli cli/command/{network,container,system}/*.go at v28.2.2 and v20.10.24.
COMMANDS: dict[str, Command] = {
    "network": Command("network", "Manage networks", ("none",), group=True),
    "network create": Command("create [OPTIONS] NETWORK", "Create a network", ("exact", 1)),
    "network rm": Command("rm NETWORK [NETWORK...]", "Remove one or more networks", ("min", 1)),
    "network ls": Command("ls [OPTIONS]", "List networks", ("none",)),
    "network inspect": Command("inspect [OPTIONS] NETWORK [NETWORK...]",
                               "Display detailed information on one or more networks", ("min", 1)),
    "network connect": Command("connect [OPTIONS] NETWORK CONTAINER", "Connect a container to a network",
                               ("exact", 2)),
    "network disconnect": Command("disconnect [OPTIONS] NETWORK CONTAINER",
                                  "Disconnect a container from a network", ("exact", 2)),
    "network prune": Command("prune [OPTIONS]", "Remove all unused networks", ("none",)),
    "container": Command("container", "Manage containers", ("none",), group=True),
    "run": Command("run [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image",
                   ("min", 1), short_2010="Run a command in a new container"),
    "create": Command("create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container", ("min", 1)),
    "start": Command("start [OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers", ("min", 1)),
    "stop": Command("stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers", ("min", 1)),
    "restart": Command("restart [OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers", ("min", 1)),
    "kill": Command("kill [OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers", ("min", 1)),
    "rm": Command("rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers", ("min", 1)),
    "rename": Command("rename CONTAINER NEW_NAME", "Rename a container", ("exact", 2)),
    "ps": Command("ps [OPTIONS]", "List containers", ("none",)),
    "inspect": Command("inspect [OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects",
                       ("min", 1)),
    "port": Command("port CONTAINER [PRIVATE_PORT[/PROTO]]",
                    "List port mappings or a specific mapping for the container", ("range", 1, 2)),
    "exec": Command("exec [OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container",
                    ("min", 2), short_2010="Run a command in a running container"),
    "version": Command("version [OPTIONS]", "Show the Docker version information", ("none",)),
    "logs": Command("logs [OPTIONS] CONTAINER", "Fetch the logs of a container", ("exact", 1)),
    "pause": Command("pause CONTAINER [CONTAINER...]", "Pause all processes within one or more containers",
                     ("min", 1)),
    "unpause": Command("unpause CONTAINER [CONTAINER...]", "Unpause all processes within one or more containers",
                       ("min", 1)),
    "top": Command("top CONTAINER [ps OPTIONS]", "Display the running processes of a container", ("min", 1)),
    "cp": Command("cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
                  "Copy files/folders between a container and the local filesystem", ("exact", 2)),
    "diff": Command("diff CONTAINER", "Inspect changes to files or directories on a container's filesystem",
                    ("exact", 1)),
    "wait": Command("wait CONTAINER [CONTAINER...]",
                    "Block until one or more containers stop, then print their exit codes", ("min", 1)),
    "update": Command("update [OPTIONS] CONTAINER [CONTAINER...]", "Update configuration of one or more containers",
                      ("min", 1)),
    "attach": Command("attach [OPTIONS] CONTAINER",
                      "Attach local standard input, output, and error streams to a running container", ("exact", 1)),
    "stats": Command("stats [OPTIONS] [CONTAINER...]",
                     "Display a live stream of container(s) resource usage statistics", ("min", 0)),
    "volume": Command("volume COMMAND", "Manage volumes", ("none",), group=True),
    "volume create": Command("create [OPTIONS] [VOLUME]", "Create a volume", ("max", 1)),
    "volume ls": Command("ls [OPTIONS]", "List volumes", ("none",)),
    "volume inspect": Command("inspect [OPTIONS] VOLUME [VOLUME...]",
                              "Display detailed information on one or more volumes", ("min", 1)),
    "volume rm": Command("rm [OPTIONS] VOLUME [VOLUME...]", "Remove one or more volumes", ("min", 1)),
    "volume prune": Command("prune [OPTIONS]", "Remove unused local volumes", ("none",),
                            short_2010="Remove all unused local volumes"),
    "container prune": Command("prune [OPTIONS]", "Remove all stopped containers", ("none",)),
    "container ls": Command("ls [OPTIONS]", "List containers", ("none",)),
    "container inspect": Command("inspect [OPTIONS] CONTAINER [CONTAINER...]",
                                 "Display detailed information on one or more containers", ("min", 1)),
    "info": Command("info [OPTIONS]", "Display system-wide information", ("none",)),
    "events": Command("events [OPTIONS]", "Get real time events from the server", ("none",)),
    "system": Command("system", "Manage Docker", ("none",), group=True),
    "system info": Command("info [OPTIONS]", "Display system-wide information", ("none",)),
    "system events": Command("events [OPTIONS]", "Get real time events from the server", ("none",)),
    "system df": Command("df [OPTIONS]", "Show docker disk usage", ("none",)),
    "system prune": Command("prune [OPTIONS]", "Remove unused data", ("none",)),
}
# commands that exist both at the top level and under `docker container` with the same Use
for _name in ("run", "create", "start", "stop", "restart", "kill", "rm", "rename", "port", "exec", "logs",
              "pause", "unpause", "top", "wait", "update", "attach", "stats", "diff", "cp"):
    COMMANDS["container " + _name] = COMMANDS[_name]

# cobra aliases: the command path printed is always the command's own name
ALIASES: dict[str, str] = {
    "network remove": "network rm", "network list": "network ls",
    "volume remove": "volume rm", "volume list": "volume ls",
    "container list": "container ls", "container ps": "container ls", "container remove": "container rm",
}


def canonical(path: str) -> str:
    return ALIASES.get(path, path)


def usage(profile: Profile, cmd: str) -> tuple[str, str]:
    """(UseLine, Short) of a command: ``("docker network rm NETWORK [NETWORK...]", "Remove …")``."""
    path = canonical(cmd)
    c = COMMANDS.get(path)
    if c is None:
        return f"docker {path}", ""
    parent = path.rpartition(" ")[0]
    use_line = " ".join(x for x in ("docker", parent, c.use) if x)
    short = c.short_2010 if (profile.old_short_help and c.short_2010) else c.short
    return use_line, short


def _plural(word: str, n: int) -> str:
    return word if n == 1 else word + "s"


def check_args(profile: Profile, cmd: str, args: list[str], help_text: str = "") -> Optional[Result]:
    """Run the command's cobra Args check; None if the arguments are fine, else the error."""
    path = canonical(cmd)
    c = COMMANDS.get(path)
    if c is None:
        return None
    n = len(args)
    kind = c.args[0]
    if kind == "none":
        ok = n == 0
    elif kind == "min":
        ok = n >= int(c.args[1])  # type: ignore[call-overload]
    elif kind == "max":
        ok = n <= int(c.args[1])  # type: ignore[call-overload]
    elif kind == "range":
        ok = int(c.args[1]) <= n <= int(c.args[2])  # type: ignore[call-overload]
    else:
        ok = n == int(c.args[1])  # type: ignore[call-overload]
    if ok:
        return None
    return args_error(profile, path, first_arg=args[0] if args else "", help_text=help_text)


def args_error(profile: Profile, cmd: str, what: str = "", *, first_arg: str = "", help_text: str = "") -> Result:
    """Wrong number of arguments (cobra's Args checks): exit 1.  ``what`` is ignored for
    commands in COMMANDS (their check decides the text)."""
    path = canonical(cmd)
    c = COMMANDS.get(path)
    use_line, short = usage(profile, path)
    cp = f"docker {path}"
    old = profile.cli_framing is CliFraming.SEE_HELP
    if c is None:
        if old:
            return Result("", f"\"{cp}\" {what}.\nSee '{cp} --help'.\n\nUsage:  {use_line}\n\n{short}\n", 1)
        return Result("", f"docker: '{cp}' {what}\n\nUsage:  {use_line}\n\nRun '{cp} --help' for more "
                          f"information\n", 1)
    kind = c.args[0]
    if kind == "none" and c.group:
        # a management command given an unknown subcommand
        if old:
            return Result("", "\n" + help_text.strip("\n") + "\n", 1)
        return Result("", f"docker: unknown command: {cp} {first_arg}\n\nUsage:  {use_line}\n\n"
                          f"Run '{cp} --help' for more information\n", 1)
    if kind == "none":
        text = "accepts no arguments"
    elif kind == "min":
        n = int(c.args[1])  # type: ignore[call-overload]
        text = f"requires at least {n} {_plural('argument', n)}"
    elif kind == "max":
        n = int(c.args[1])  # type: ignore[call-overload]
        text = f"requires at most {n} {_plural('argument', n)}"
    elif kind == "range":
        n, m = int(c.args[1]), int(c.args[2])  # type: ignore[call-overload]
        text = f"requires at least {n} and at most {m} {_plural('argument', m)}"
    else:
        n = int(c.args[1])  # type: ignore[call-overload]
        text = f"requires {'exactly ' if old else ''}{n} {_plural('argument', n)}"
    if old:
        return Result("", f"\"{cp}\" {text}.\nSee '{cp} --help'.\n\nUsage:  {use_line}\n\n{short}\n", 1)
    # v28.2.2 cli/required.go: only RequiresMinArgs says "See"; RequiresMaxArgs has a stray "S"
    help_word = {"min": "See", "max": "SRun"}.get(str(kind), "Run")
    return Result("", f"docker: '{cp}' {text}\n\nUsage:  {use_line}\n\n{help_word} '{cp} --help' for more "
                      f"information\n", 1)


def flag_error(profile: Profile, cmd: str, msg: str) -> Result:
    """A flag the client does not know or cannot parse: exit 125."""
    path = canonical(cmd)
    if profile.cli_framing is CliFraming.SEE_HELP:
        return Result("", f"{msg}\nSee 'docker {path} --help'.\n", 125)
    u, _ = usage(profile, path)
    return Result("", f"{msg}\n\nUsage:  {u}\n\nRun 'docker {path} --help' for more information\n", 125)


def daemon_error(profile: Profile, e: DockerError, exit_code: int = 1, status_line: bool = False) -> Result:
    text = f"Error response from daemon: {str(e).strip()}\n"
    if status_line and profile.rm_exit_status_line:
        text += "exit status 1\n"
    return Result("", text, exit_code)


def client_wraps_not_found(profile: Profile) -> bool:
    """The 20.10 API client turns a 404 from some endpoints (container inspect and remove,
    network inspect and remove) into ``Error: No such <object>: <ref as typed>``; client 28
    shows the daemon's own text."""
    return profile.client_rewrites_not_found


def api_error(profile: Profile, e: DockerError, obj: str = "", ref: str = "") -> str:
    """The text of one failed API call, as the client prints it (no trailing newline).
    ``obj`` names the object for calls whose 404s the 20.10 client rewrites."""
    from ..errors import NotFound
    if obj and isinstance(e, NotFound) and client_wraps_not_found(profile):
        return f"Error: No such {obj}: {ref}"
    return f"Error response from daemon: {str(e).strip()}"


def not_found_network(profile: Profile, name: str) -> str:
    if profile.client_rewrites_not_found:
        return f"Error: No such network: {name}\n"
    return f"Error response from daemon: network {name} not found\n"


def run_error(profile: Profile, msg: str, *, create_failed: bool, cmd: str = "run", daemon: bool = True) -> str:
    """``docker run``/``create``'s framing of an error (exit code 125)."""
    body = f"Error response from daemon: {msg}" if daemon else msg
    if profile.cli_framing is CliFraming.SEE_HELP:
        line = "docker: " + body.rstrip(".") + ".\n"
        if create_failed:
            line += f"See 'docker {cmd} --help'.\n"
        return line
    return f"docker: {body}\n\nRun 'docker {cmd} --help' for more information\n"
