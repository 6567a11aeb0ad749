"""python -m dockernet_sim: run scripts, replay the tutorial, or open an interactive shell.

    python -m dockernet_sim demo                    the tutorial's walkthrough, with notes
    python -m dockernet_sim run FILE|-              a script, printed like a terminal session
    python -m dockernet_sim run --json FILE|-       one JSON object per command (the oracle's shape)
    python -m dockernet_sim serve --socket PATH     the Engine API for real clients (or --tcp 127.0.0.1:PORT)
    python -m dockernet_sim                         an interactive shell (a script if stdin is not a tty)
    --engine 28|20.10 (default 28), --seed N (default 0) on every subcommand
"""

from __future__ import annotations

import argparse
import os
import json
import sys
from typing import Optional, Sequence, TextIO

from .result import Result
from .compose.model import Files as ComposeFiles
from .terminal import Session, iter_script
from .host import DockerHost
from .engines import ALIASES, DEFAULT_NAME, PROFILES, Profile, choices


def _print_result(r: Result, out: TextIO) -> None:
    out.write(f"$ {r.command}\n")
    out.write(r.stdout)
    if r.stderr:
        out.write(r.stderr)
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


def demo(engine: str, seed: int, out: TextIO) -> int:
    s = Session(engine=engine, seed=seed, factory=DockerHost)
    s.directive("host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1500 nameserver=10.255.255.53")
    s.directive("image centos:latest CMD /bin/bash TOOLS iproute2")
    out.write(f"# dockernet_sim demo: the tutorial's walkthrough on a simulated Docker Engine {engine}\n\n")
    for note, cmd in DEMO:
        if note:
            out.write(f"# {note}\n")
        _print_result(s.run_line(cmd), out)
        out.write("\n")
    return 0


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
    words = ["docker", "network", "create", "inspect", "connect", "disconnect", "ls", "rm", "prune", "run", "ps",
             "start", "stop", "restart", "exec", "port", "ip", "addr", "route", "brctl", "show", "iptables",
             "ifconfig", "help", "exit", "--network", "--subnet", "--gateway", "--name", "--ip", "-itd", "-p"]
    if readline is not None:
        def complete(text: str, state: int) -> Optional[str]:
            names = list(s.host.names) + [n.name for n in s.host.ctl.networks.values()]
            opts = [w for w in words + names if w.startswith(text)]
            return opts[state] if state < len(opts) else None
        readline.set_completer(complete)
        readline.parse_and_bind("tab: complete")
    print(f"dockernet_sim shell (Docker Engine {s.host.profile.engine_version} simulated). 'help' for help, "
          f"'exit' to leave.")
    while True:
        try:
            line = input("$ ")
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:
            print()
            continue
        line = line.strip()
        if not line:
            continue
        if line in ("exit", "quit"):
            return 0
        if line == "help":
            print("Type docker commands (docker run, docker network create, docker exec C ip a …) and host tools "
                  "(ip a, brctl show, iptables -S). 'save FILE' / 'load FILE' keep or restore the host; "
                  "'export [--cleanup] [FILE]' writes a bash script that builds it in real network namespaces. "
                  "'exit' leaves.")
            continue
        if line.split(None, 1)[0] in ("save", "load", "export"):
            _repl_file_command(s, line)
            continue
        r = s.run_line(line)
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)


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
                print(f"wrote {args[0]} (run it as root: bash {args[0]}; undo: bash {args[0]} --cleanup)")
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


def main(argv: Optional[Sequence[str]] = None) -> int:
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
    sv = sub.add_parser("serve", help="serve the Docker Engine API (unix socket or loopback TCP)")
    sv.add_argument("--engine", dest="engine_sub", default=None)
    sv.add_argument("--seed", dest="seed_sub", type=int, default=None)
    where = sv.add_mutually_exclusive_group(required=True)
    where.add_argument("--socket", help="a unix socket path (created mode 0600)")
    where.add_argument("--tcp", help="HOST:PORT on loopback (127.0.0.1 or ::1) only")
    sv.add_argument("--setup", help="a script whose #! lines (dockerd flags, host, images) set the host up")
    args = ap.parse_args(argv)
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
    sys.exit(entry())
