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
import importlib
import sys
from typing import Any, Optional, Sequence, TextIO

if __name__ == "__main__":
    # The command line: what the imports below make lives until the process ends, so the
    # cyclic collector is not run while they load, and is told afterwards to leave them
    # alone (gc.freeze, at the bottom): a third of the time a collection took at start-up
    # went to walking the package's own functions, classes and tables (issue 15).
    gc.disable()

from .terminal import Session, iter_script, write_transcript
from .daemon.config import DaemonConfig, HostSpec
from .daemon.container import Image
from .daemon.daemon import Daemon
from .engines import ALIASES, DEFAULT_NAME, PROFILES, Profile, choices
from .userland.programs import host_ip_program

# where the names of the other subcommands live: their modules load when one runs (issue 15)
ELSEWHERE = {
    **dict.fromkeys(("DEMO", "DEMO_DIRECTIVES", "demo", "playground_walkthroughs", "playground", "serve"), "commands"),
    **dict.fromkeys(("HISTORY_FILE", "SHELL_HELP", "banner", "export_message", "interactive_shell", "nested_shell",
                     "read_text_file", "repl", "show_streams", "_save_history", "_repl_file_command"), "prompt"),
    "completions": "completion",
    "DockerHost": "host",
}


def __getattr__(name: str) -> Any:
    """``from dockernet_sim.__main__ import repl`` (and the other subcommands' names) still works."""
    if name not in ELSEWHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return vars(importlib.import_module(f"dockernet_sim.{ELSEWHERE[name]}"))[name]


def script_host(engine: "str | Profile", seed: int, *, host: Optional[HostSpec] = None,
                config: Optional[DaemonConfig] = None, images: Sequence[Image] = ()) -> Daemon:
    """The host a script runs on: what ``DockerHost`` builds (a daemon, with iproute2 as the
    host's ``ip``) less the call log it keeps for ``save``, which a script never asks for: the
    log's module is not loaded and no call is written down as JSON (issue 15). What the commands
    print is the same, as a call log only listens."""
    daemon = Daemon(engine, seed, host=host, config=config, images=images)
    daemon.host_ip_program = host_ip_program
    return daemon


def run_text(text: str, engine: "str | Profile", seed: int, as_json: bool, out: TextIO) -> int:
    s = Session(engine=engine, seed=seed, factory=script_host)
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
            import json         # (only --json writes it: issue 15)
            out.write(json.dumps(r.json()) + "\n")
        else:
            write_transcript(r, out)
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
        from .commands import playground
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
        from .commands import demo
        return demo(engine, seed, sys.stdout)
    if args.cmd == "serve":
        from .commands import serve
        return serve(engine, seed, args.socket or "", args.tcp or "", args.setup)
    if args.cmd == "shell" or sys.stdin.isatty():
        from .prompt import repl
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


def leave(code: int) -> None:
    """End the process as ``sys.exit(code)`` would, less the interpreter's teardown: the exit
    handlers run and the standard streams are flushed, then the process ends without freeing,
    one by one, the objects the package's modules made, as Python's finalisation would (issue
    15). A stream that cannot be flushed, or a thread still running that is not a daemon thread,
    leaves by ``sys.exit``: Python reports the one and waits for the other, as ever."""
    import atexit
    import os
    import threading
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


if __name__ == "__main__":
    gc.freeze()
    gc.enable()
    leave(entry())
