"""python -m dockernet_sim: run scripts, replay the tutorial, or open an interactive shell.

    python -m dockernet_sim demo                    the tutorial's walkthrough, with notes
    python -m dockernet_sim run FILE|-              a script, printed like a terminal session
    python -m dockernet_sim run --json FILE|-       one JSON object per command (the oracle's shape)
    python -m dockernet_sim serve --socket PATH     the Engine API for real clients (or --tcp 127.0.0.1:PORT)
    python -m dockernet_sim                         an interactive shell (a script if stdin is not a tty)
    python -m dockernet_sim playground build DIR    the browser playground as a static site (Pyodide)
    python -m dockernet_sim playground [--port N]   build it and serve it on 127.0.0.1, printing the URL
    --engine 28|20.10 (default 28), --seed N (default 0) on every subcommand
"""

from __future__ import annotations

import gc
import json
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, TextIO

if __name__ == "__main__":
    # The command line: what the imports below make lives until the process ends, so the
    # cyclic collector is not run while they load, and is told afterwards to leave them
    # alone (gc.freeze, at the bottom): a third of the time a collection took at start-up
    # went to walking the package's own functions, classes and tables (issue 15).
    gc.disable()

from .result import Result
from .compose.files import Files as ComposeFiles
from .terminal import Session, iter_script
from .completion import complete_word, completions  # noqa: F401  (completions: the prompt's, for tests)
from .host import DockerHost
from .engines import ALIASES, DEFAULT_NAME, PROFILES, Profile, choices

if TYPE_CHECKING:
    from .playground.walkthroughs import Walkthrough


def _print_result(r: Result, out: TextIO) -> None:
    out.write(f"$ {r.command}\n")
    for _, text in r.streams():
        out.write(text)
    out.flush()


def run_text(text: str, engine: "str | Profile", seed: int, as_json: bool, out: TextIO) -> int:
    s = Session(engine=engine, seed=seed, factory=DockerHost)
    worst = 0
    for kind, body in iter_script(text):
        if kind == "directive":
            err = s.directive(body)
            if err:
                sys.stderr.write(f"dockernet_sim: {err}\n")
                return 2
            continue
        r = s.run_line(body)
        if as_json:
            out.write(json.dumps(r.json()) + "\n")
        else:
            _print_result(r, out)
        worst = worst or (1 if r.exit_code else 0)
    return 0


def read_script(path: str) -> Optional[str]:
    """The script's text, or None after printing why not as a command-line tool does
    (``dockernet_sim: FILE: No such file or directory``; exit 2, argparse's code for bad input)."""
    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        sys.stderr.write(f"dockernet_sim: {path}: {e.strerror or e}\n")
    except UnicodeDecodeError as e:
        sys.stderr.write(f"dockernet_sim: {path}: not UTF-8 text (byte 0x{e.object[e.start]:02x} "
                         f"at offset {e.start})\n")
    return None


DEMO = [
    ("The default networks: every Docker host starts with bridge, host and none.", "docker network ls"),
    ("A container on the default bridge gets an address from 172.17.0.0/16 (docker0).",
     "docker run -itd --name busybox1 busybox"),
    ("The bridge network lists its containers with their IPs and MACs.", "docker network inspect bridge"),
    ("A user-defined bridge with our own subnet and gateway.",
     "docker network create --subnet 172.18.0.0/16 --gateway 172.18.0.1 nasanet"),
    ("A container on it takes the first free address after the gateway.",
     "docker run -itd --name nasa --network nasanet centos:latest"),
    ("Its address, from inspect.", "docker inspect -f '{{.NetworkSettings.Networks.nasanet.IPAddress}}' nasa"),
    ("Host mode: no namespace of its own, so no IP address in inspect.",
     "docker run -idt --name hostos --network host centos:latest"),
    ("", "docker inspect hostos | grep -i ipaddress"),
    ("Each bridge has one veth per container plugged into it.", "brctl show"),
    ("None mode: only the loopback interface.", "docker run -itd --name none-nasa --net=none centos:latest"),
    ("", "docker exec none-nasa ip a"),
    ("Container mode: nasa-slave shares nasa-master's network namespace.",
     "docker run -idt --name nasa-master centos:latest"),
    ("", "docker run -itd --name nasa-slave --net=container:nasa-master centos:latest"),
    ("Same interfaces, same IP, same MAC in both.", "docker exec nasa-master ip a"),
    ("", "docker exec nasa-slave ip a"),
    ("And nasa-slave is not listed among the bridge's containers: it has no endpoint of its own.",
     "docker network inspect bridge"),
    ("Publishing a port writes NAT rules on the host.", "docker run -itd --name web -p 8080:80 busybox"),
    ("", "docker port web"),
    ("", "iptables -t nat -S"),
]


# The tutorial's machine and its centos image (with iproute2, for `ip a` inside).
DEMO_DIRECTIVES = ("host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1500 nameserver=10.255.255.53",
                   "image centos:latest CMD /bin/bash TOOLS iproute2")


def demo(engine: str, seed: int, out: TextIO) -> int:
    s = Session(engine=engine, seed=seed, factory=DockerHost)
    for directive in DEMO_DIRECTIVES:
        s.directive(directive)
    out.write(f"# dockernet_sim demo: the tutorial's walkthrough on a simulated Docker Engine {engine}\n\n")
    for note, cmd in DEMO:
        if note:
            out.write(f"# {note}\n")
        _print_result(s.run_line(cmd), out)
        out.write("\n")
    return 0


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


def playground_walkthroughs() -> list[Walkthrough]:
    """The playground's guided walkthroughs: the tutorial (the demo's commands), then the examples."""
    from pathlib import Path
    from .playground.walkthroughs import Walkthrough, example_walkthroughs, explained
    tutorial = Walkthrough("tutorial", "The tutorial: Docker's network modes", DEFAULT_NAME, 0, DEMO_DIRECTIVES,
                           explained(DEMO))
    return [tutorial, *example_walkthroughs(Path(__file__).resolve().parents[1] / "examples")]


def playground(action: Optional[str], directory: Optional[str], port: int) -> int:
    """``playground build DIR`` writes the site; ``playground`` builds it into a cache folder (or
    ``--dir``) and serves it on 127.0.0.1 until interrupted."""
    from .playground import BuildError, build_site, serve as serve_site
    from .playground.build import cache_dir
    target = directory or str(cache_dir().parent / "playground")
    try:
        site = build_site(target, playground_walkthroughs())
    except BuildError as e:
        sys.stderr.write(f"dockernet_sim: playground: {e}\n")
        return 1
    if action == "build":
        print(f"wrote the playground to {site} (serve it: python -m dockernet_sim playground --dir {site})")
        return 0
    try:
        serve_site(site, port, announce=lambda url: print(f"playground at {url} (Ctrl-C to stop)", flush=True))
    except OSError as e:
        sys.stderr.write(f"dockernet_sim: playground: 127.0.0.1:{port}: {e.strerror or e}\n")
        return 1
    return 0


def serve(engine: str, seed: int, socket_path: str, tcp: str, setup: Optional[str]) -> int:
    """``python -m dockernet_sim serve``: the Engine API until SIGINT or SIGTERM."""
    import signal
    import threading
    s = Session(engine=engine, seed=seed, factory=DockerHost)
    if setup:
        try:
            with open(setup, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            print(f"dockernet_sim: {setup}: {e.strerror if isinstance(e, OSError) else 'not UTF-8 text'}",
                  file=sys.stderr)
            return 1
        for kind, body in iter_script(text):
            if kind == "directive" and body.split(None, 1)[:1] not in (["file"], ["end"]):   # files: the client's
                err = s.directive(body)
                if err:
                    print(f"dockernet_sim: {err}", file=sys.stderr)
                    return 2
    host = _docker_host(s)
    try:
        server = host.serve(socket_path=socket_path, tcp=tcp)
    except (ValueError, OSError) as e:
        print(f"dockernet_sim: {e}", file=sys.stderr)
        return 1
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    print(f"Docker Engine {host.profile.engine_version} (simulated) listening on {server.docker_host}", flush=True)
    try:
        stop.wait()
    finally:
        server.close()
    return 0


def _plain_run(argv: Sequence[str]) -> Optional[tuple[str, bool]]:
    """``(FILE, as_json)`` when the command line is just ``run [--json] FILE``, which the parser
    would read the same way, with the default engine and seed; None for anything else. That
    common case skips building the parser: argparse, with the gettext and locale look-ups its
    help texts make, is a tenth of a start-up (issue 15)."""
    if argv[:1] != ["run"]:
        return None
    rest = list(argv[1:])
    as_json = rest[:1] == ["--json"]
    if as_json:
        del rest[0]
    if len(rest) != 1 or (rest[0].startswith("-") and rest[0] != "-"):
        return None
    return rest[0], as_json


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    plain = _plain_run(argv)
    if plain is not None:
        text = read_script(plain[0])
        return 2 if text is None else run_text(text, ALIASES[DEFAULT_NAME], 0, plain[1], sys.stdout)
    import argparse
    ap = argparse.ArgumentParser(prog="python -m dockernet_sim", description="A Docker host's networking, in memory.")
    ap.add_argument("--engine", default=DEFAULT_NAME,
                    help=f"engine profile: {DEFAULT_NAME} (default), "
                    + ", ".join(n for n in PROFILES if n != DEFAULT_NAME))
    ap.add_argument("--seed", type=int, default=0, help="seed for IDs, MACs and names (default 0)")
    sub = ap.add_subparsers(dest="cmd")
    r = sub.add_parser("run", help="run a script file ('-' for standard input)")
    r.add_argument("--json", action="store_true", help="one JSON object per command line")
    r.add_argument("--engine", dest="engine_sub", default=None)
    r.add_argument("--seed", dest="seed_sub", type=int, default=None)
    r.add_argument("file")
    d = sub.add_parser("demo", help="replay the tutorial's walkthrough")
    d.add_argument("--engine", dest="engine_sub", default=None)
    d.add_argument("--seed", dest="seed_sub", type=int, default=None)
    sh = sub.add_parser("shell", help="an interactive shell")
    sh.add_argument("--engine", dest="engine_sub", default=None)
    sh.add_argument("--seed", dest="seed_sub", type=int, default=None)
    pg = sub.add_parser("playground", help="the simulator in a browser: build the static site, or serve it")
    pg.add_argument("action", nargs="?", choices=["build"], help="build: only write the site into DIR")
    pg.add_argument("build_dir", nargs="?", metavar="DIR", help="where to write the site")
    pg.add_argument("--dir", dest="serve_dir", default=None, help="the folder to build and serve")
    pg.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; 0: any free)")
    sv = sub.add_parser("serve", help="serve the Docker Engine API (unix socket or loopback TCP)")
    sv.add_argument("--engine", dest="engine_sub", default=None)
    sv.add_argument("--seed", dest="seed_sub", type=int, default=None)
    where = sv.add_mutually_exclusive_group(required=True)
    where.add_argument("--socket", help="a unix socket path (created mode 0600)")
    where.add_argument("--tcp", help="HOST:PORT on loopback (127.0.0.1 or ::1) only")
    sv.add_argument("--setup", help="a script whose #! lines (dockerd flags, host, images) set the host up")
    args = ap.parse_args(argv)
    if args.cmd == "playground":
        if args.action == "build" and not args.build_dir:
            pg.error("playground build: the DIR to write the site into is required")
        if args.action is None and args.build_dir:
            pg.error(f"unknown action {args.build_dir!r}: use 'build DIR', or no action to serve")
        return playground(args.action, args.build_dir or args.serve_dir, args.port)
    engine = getattr(args, "engine_sub", None) or args.engine
    seed = getattr(args, "seed_sub", None)
    seed = args.seed if seed is None else seed
    if engine not in ALIASES:
        ap.error(f"unknown engine {engine!r}: choose {choices()}")
    engine = ALIASES[engine]
    if args.cmd == "run":
        text = read_script(args.file)
        if text is None:
            return 2
        return run_text(text, engine, seed, args.json, sys.stdout)
    if args.cmd == "demo":
        return demo(engine, seed, sys.stdout)
    if args.cmd == "serve":
        return serve(engine, seed, args.socket or "", args.tcp or "", args.setup)
    if args.cmd == "shell" or sys.stdin.isatty():
        return repl(engine, seed)
    text = read_script("-")
    return 2 if text is None else run_text(text, engine, seed, False, sys.stdout)


def entry() -> int:
    """main(), quiet when the reader of our output goes away (``… | head``) or on Ctrl-C."""
    try:
        code = main()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())   # Python flushes stdout again at exit
        return 141
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    gc.freeze()
    gc.enable()
    sys.exit(entry())
