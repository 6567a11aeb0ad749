"""The interactive shell of ``python -m dockernet_sim`` (``shell``, or no subcommand at a
terminal): a bash prompt on one simulated host, with readline's editing, completion and history,
``docker exec -it C sh`` opening busybox's prompt inside a container, and the shell's own
``save``/``load``/``export``. Loaded only when a prompt is opened (issue 15: ``run`` never
needs it).
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Optional

from .completion import complete_word
from .compose.files import Files as ComposeFiles
from .engines import ALIASES, PROFILES, Profile
from .host import DockerHost
from .result import Result
from .terminal import Session

HISTORY_FILE = ".dockernet_sim_history"      # under the user's home: the shell's history across sessions
SHELL_HELP = ("Type docker commands (docker run, docker network create, docker exec C ip a …) and host tools "
              "(ip a, brctl show, iptables -S). 'trace SRC DST [PORT[/PROTO]]' walks a packet (DST as you would "
              "type it after ping in SRC: a name is resolved first) and explains the verdict; 'whois IP' says "
              "who holds an address. 'save FILE' / 'load FILE' keep or restore the host; 'export [--cleanup] "
              "[FILE]' writes a bash script that builds it in real network namespaces (or, with --cleanup, one "
              "that removes them). 'exit' leaves.")


def banner(profile: Profile) -> str:
    """The shell's first line: which engine runs, and how to pick the others (the tutorial's
    generation is the oldest profile)."""
    def age(p: Profile) -> tuple[int, ...]:
        return tuple(int(x) for x in p.engine_version.split(".") if x.isdigit())
    oldest = min(PROFILES.values(), key=age)
    others = ", ".join(f"--engine {n}" for n in PROFILES if n != profile.name)
    return (f"dockernet_sim shell: Docker Engine {profile.engine_version} simulated (profile {profile.name}; "
            f"the tutorial's generation is --engine {oldest.name}; pick one with python -m dockernet_sim shell "
            f"{others}). 'help' for help, 'exit' to leave.")


def export_message(path: str, cleanup: bool) -> str:
    if cleanup:
        return f"wrote {path} (run it as root to remove the namespaces: bash {path})"
    return f"wrote {path} (run it as root: bash {path}; undo: bash {path} --cleanup)"


SHELLS = ("sh", "ash", "bash", "/bin/sh", "/bin/ash", "/bin/bash")
# docker run's flags that take a value (so the image is the first word that is neither)
RUN_VALUE_FLAGS = {"--name", "--network", "--net", "-p", "--publish", "-e", "--env", "--ip", "--ip6", "--hostname",
                   "-h", "--dns", "--dns-search", "--dns-option", "--dns-opt", "--entrypoint", "-v", "--volume",
                   "--mac-address", "--network-alias", "--net-alias", "--alias", "--add-host", "--link", "-w",
                   "--workdir", "-u", "--user", "--label", "-l", "--expose", "--domainname", "--restart",
                   "--platform", "--pull", "--mount", "--cap-add", "--cap-drop", "--sysctl", "--env-file",
                   "--stop-signal", "--stop-timeout", "--log-driver", "--log-opt", "-m", "--memory", "--cpus"}


def _interactive(words: list[str]) -> bool:
    flags = "".join(w[1:] for w in words if w.startswith("-") and not w.startswith("--"))
    return ("i" in flags or "--interactive" in words) and ("t" in flags or "--tty" in words) and "d" not in flags \
        and "--detach" not in words


def interactive_shell(line: str) -> Optional[tuple[str, list[str], str]]:
    """Whether ``line`` opens a shell inside a container: ``("exec", [container], SHELL)`` for
    ``docker exec -it C SHELL``, ``("run", argv, SHELL)`` for ``docker run -it [OPTIONS] IMAGE
    [SHELL]`` (argv: the same command, detached, to start it; SHELL ``sh`` when the image's own
    command is meant); None otherwise (a shell given a command, ``sh -c …``, runs it and ends)."""
    import shlex
    try:
        words = shlex.split(line)
    except ValueError:
        return None
    if words[:1] == ["sudo"]:                     # as tutorials paste it
        words = words[1:]
    if len(words) < 3 or words[0] != "docker":
        return None
    sub = words[1:3] if words[1] == "container" else words[1:2]
    rest = words[1 + len(sub):]
    if sub[-1] == "exec":
        plain = [w for w in rest if not w.startswith("-")]
        if _interactive(rest) and len(plain) == 2 and plain[1] in SHELLS:
            return "exec", [plain[0]], plain[1]
        return None
    if sub[-1] != "run" or not _interactive(rest):
        return None
    i = 0
    while i < len(rest) and rest[i].startswith("-"):
        i += 2 if rest[i] in RUN_VALUE_FLAGS else 1
    command = rest[i + 1:]
    if i >= len(rest) or (command and (command[0] not in SHELLS or len(command) > 1)):
        return None
    return "run", ["docker", *sub, "-d", *rest], command[0] if command else "sh"


def nested_shell(s: Session, line: str, read: Callable[[str], str], write: Callable[[Result], None]) -> bool:
    """Run ``line`` as an interactive shell in a container if it is one (see ``interactive_shell``):
    busybox's prompt (``/ # ``) whose lines run in one shell process inside the container (its
    variables, ``$?`` and directory last) until ``exit [N]`` or end of input; Ctrl-C gives a new
    prompt. The shell's status becomes the host's ``$?``; a ``docker run -it`` container's shell
    is its main process, so the container exits with it (``--rm`` removes it). ``write`` shows each
    result. Returns whether ``line`` was handled."""
    import shlex
    how = interactive_shell(line)
    if how is None:
        return False
    kind, argv, program = how
    if kind == "run":
        r = s.run_line(" ".join(shlex.quote(w) for w in argv))
        if r.exit_code != 0:
            write(r)
            s.shell.status = r.exit_code
            return True
        target = r.stdout.strip().splitlines()[-1]
    else:
        target = argv[0]
    opened = s.open_shell(target, program)
    if isinstance(opened, Result):
        write(opened)
        s.shell.status = opened.exit_code
        return True
    while not opened.exited:
        try:
            inner = read(opened.prompt)
        except EOFError:
            write(Result("\n"))
            break
        except KeyboardInterrupt:
            write(Result("\n"))
            continue
        if inner.strip():
            r = opened.run(inner)
            write(r)
    s.shell.status = opened.status
    if kind == "run":
        if "--rm" in argv:
            s.host.container_remove(target, force=True)  # type: ignore[attr-defined]
        else:
            s.host.container_exited(target, opened.status)  # type: ignore[attr-defined]
    return True


MAX_FILE = 4 * 1024 * 1024     # bytes of a file compose may read from the real working directory


def read_text_file(path: str) -> Optional[str]:
    """A real file's text for compose (None if it is missing, unreadable, too big or not UTF-8)."""
    try:
        if os.path.getsize(path) > MAX_FILE:
            return None
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError):
        return None


def repl(engine: str, seed: int) -> int:
    try:
        import readline  # noqa: F401  (line editing and history)
    except ImportError:  # pragma: no cover
        readline = None  # type: ignore[assignment]
    # `docker compose` at the prompt reads the real working directory, as the real one does
    s = Session(engine=engine, seed=seed, factory=DockerHost, files=ComposeFiles(os.getcwd(), reader=read_text_file,
                                                                                environ=os.environ))
    s.tty = True
    if readline is not None:
        readline.set_completer(lambda text, state: complete_word(s, readline.get_line_buffer(), text, state))
        readline.set_completer_delims(" \t\n")          # names with hyphens complete whole
        readline.parse_and_bind("tab: complete")
        history = os.path.join(os.path.expanduser("~"), HISTORY_FILE)
        try:
            readline.read_history_file(history)
        except OSError:
            pass
        import atexit
        atexit.register(lambda: _save_history(readline, history))
    prof = PROFILES[ALIASES.get(engine, engine)]     # not s.host: #! lines may still configure it
    print(banner(prof))
    while True:
        try:
            line = input("$ ")
        except EOFError:
            print()
            return s.shell.status                 # bash leaves with the last command's status
        except KeyboardInterrupt:
            print()
            continue
        line = line.strip()
        if not line:
            continue
        if line == "quit":
            return 0
        if line == "help":
            print(SHELL_HELP)
            continue
        if line == "clear":
            sys.stdout.write("\033[H\033[2J")      # what clear writes on an xterm-like terminal
            continue
        if line.startswith("#!"):
            err = s.directive(line[2:].strip())      # #! dockerd / host / image, before the first command
            if err:
                print(f"dockernet_sim: {err}", file=sys.stderr)
            continue
        if line.split(None, 1)[0] in ("save", "load", "export"):
            _repl_file_command(s, line)
            continue
        if nested_shell(s, line, input, show_streams):
            continue
        show_streams(s.run_line(line))
        if s.shell.exited:                        # `exit [N]`, alone or in a list, leaves as bash does
            return s.shell.status


def show_streams(r: Result) -> None:
    """Write a result to the terminal as it was written: the two streams interleaved."""
    for fd, text in r.streams():
        stream = sys.stdout if fd == 1 else sys.stderr
        stream.write(text)
        stream.flush()


def _save_history(readline: Any, path: str) -> None:
    try:
        readline.set_history_length(1000)
        readline.write_history_file(path)
    except OSError:
        pass


def _docker_host(s: Session) -> DockerHost:
    owner = s.owner
    assert isinstance(owner, DockerHost), "the shell's sessions are built with DockerHost"
    return owner


def _repl_file_command(s: Session, line: str) -> None:
    """The shell's own commands: ``save FILE``, ``load FILE``, ``export [--cleanup] [FILE]``."""
    from .host import DockerHost
    from .persist import PersistError
    words = line.split()
    cmd, args = words[0], words[1:]
    try:
        if cmd == "export":
            cleanup = "--cleanup" in args
            args = [a for a in args if a != "--cleanup"]
            text = _docker_host(s).export_script(cleanup=cleanup)
            if args:
                with open(args[0], "w", encoding="utf-8") as f:
                    f.write(text)
                print(export_message(args[0], cleanup))
            else:
                sys.stdout.write(text)
            return
        if len(args) != 1:
            print(f"usage: {cmd} FILE", file=sys.stderr)
            return
        if cmd == "save":
            _docker_host(s).save(args[0])
            print(f"saved to {args[0]}")
        else:
            h = DockerHost.load(args[0])
            s.adopt(h)
            print(f"loaded {args[0]} (Docker Engine {h.profile.engine_version}, {len(h.containers)} containers)")
    except OSError as e:
        print(f"{cmd}: {args[0] if args else e.filename}: {e.strerror or e}", file=sys.stderr)
    except (PersistError, ValueError, TypeError) as e:
        # the library's refusals: a host file it cannot read, a host it cannot export
        print(f"{cmd}: {e}", file=sys.stderr)
    except RecursionError:
        print(f"{cmd}: {args[0] if args else ''}: nested too deeply", file=sys.stderr)
    except Exception as e:  # the shell never dies: anything else is a bug, shown as the shell shows one
        print(f"{cmd}: internal error: {type(e).__name__}: {e}", file=sys.stderr)
