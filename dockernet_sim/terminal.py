"""A terminal session on one simulated host: script lines run by an interactive bash.

A line is what bash reads at a prompt (``docker network rm x || echo fallback``, ``docker
inspect nasa | grep -i ipaddress``): userland's one shell parses and runs it, finding
``docker`` (the client), the host tools (``ip``, ``ifconfig``, ``brctl``, ``bridge``,
``iptables``, ``iptables-save``, ``ip6tables``, ``ip6tables-save``, ``route``, ``netstat``), ``cat``/``hostname`` of the host's
files, ``bash -c`` and the filters (grep, head, tail, wc, jq …) in the host's program table. ``docker
exec``/``docker run`` start programs from the container's image, ``sh -c``/``bash -c`` among
them (the same shell, with busybox ash's or bash's words). Directive lines (``#! dockerd
FLAGS``, ``#! host …``, ``#! image …``) configure the host before the first command, as the
oracle's scenarios do.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional, Protocol, Sequence, TextIO

from .records import Record
from .daemon.config import DaemonConfig, HostSpec, shell_words
from .daemon.container import EXEC_PAUSED, Image
from .daemon.daemon import Daemon
from .daemon.startup import dockerd_output
from .engines import DEFAULT_NAME, Profile
from .errors import DockerError
from .client import framing
from .userland import applets as userland, pipes, programs
from .userland.shell import BASH_C, BASH_INTERACTIVE, Files, Invocation, Program, ProgramTable, Shell, Sink, \
    ash as ash_dialect
from .client import DockerCLI
from .compose.files import Files as ComposeFiles
from .client.flags import Flag, FlagError, parse
from .result import Result

# where a script's commands run: the recorder's working directory, named app (compose's default
# project name comes from it)
SCRIPT_WORKDIR = "/tmp/dk-work/app"
HOST_TOOLS = ("ip", "ifconfig", "brctl", "bridge", "iptables", "iptables-save", "ip6tables", "ip6tables-save", "route",
              "netstat", "ss")
# the environment of the terminal's bash (root's login shell on the oracle machine)
HOST_ENV = ("HOME=/root", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "USER=root",
            "SHELL=/bin/bash")


IMAGE_KEYWORDS = ("CMD", "EXPOSE", "TOOLS", "LISTEN")     # the sections of a `#! image` line


def parse_image_directive(words: list[str]) -> Image:
    """``#! image NAME CMD … [EXPOSE PORT[/PROTO] …] [TOOLS busybox|iproute2]``; a value no image
    could have raises ValueError with the simulator's message (a Dockerfile would not build)."""
    if not words or words[0] in IMAGE_KEYWORDS:
        raise ValueError("#! image: give the image's name first (#! image NAME CMD … EXPOSE … TOOLS …)")
    for key in ("EXPOSE", "LISTEN"):
        for w in _image_words(words[1:], key):
            port, _, proto = w.partition("/")
            if not (port.isdigit() and port.isascii() and 1 <= int(port) <= 65535) or proto not in ("", "tcp", "udp",
                                                                                                    "sctp"):
                raise ValueError(f"#! image {key} {w}: not a port (PORT[/tcp|udp|sctp], PORT from 1 to 65535; "
                                 f"list a range port by port)")
    for w in _image_words(words[1:], "TOOLS"):
        if w not in ("busybox", "iproute2"):
            raise ValueError(f"#! image TOOLS {w}: the userland is busybox or iproute2")
    name = words[0]
    cmd: list[str] = []
    exposed: list[str] = []
    listens: list[str] = []
    tools = "busybox"
    mode = None
    for w in words[1:]:
        if w in IMAGE_KEYWORDS:
            mode = w
            continue
        if mode == "CMD":
            cmd.append(w)
        elif mode == "EXPOSE":
            exposed.append(w if "/" in w else w + "/tcp")
        elif mode == "TOOLS":
            tools = w
        elif mode == "LISTEN":
            # what the image's own command serves (a listener, not metadata: see query.listeners)
            listens.append(w if "/" in w else w + "/tcp")
    return Image(name, tuple(cmd) or ("/bin/sh",), tuple(exposed), tools, listens=tuple(listens))


def directive_words(text: str) -> list[str] | str:
    """The words of a ``#!`` directive, split as the recorder's shell splits the dockerd line;
    an unbalanced quote gives the simulator's message instead (no dockerd would have started)."""
    try:
        return shell_words(text)
    except ValueError as e:
        kind = text.split(None, 1)[0] if text.split() else ""
        return f"#! {kind}: cannot split the line: {str(e).lower()}"


def _image_words(words: list[str], key: str) -> list[str]:
    """The words of an ``#! image`` line that follow ``key`` up to the next keyword."""
    out: list[str] = []
    mode = None
    for w in words:
        if w in IMAGE_KEYWORDS:
            mode = w
        elif mode == key:
            out.append(w)
    return out


class HostFace(Protocol):
    """A host that holds its daemon (``DockerHost``)."""

    daemon: Daemon


class Session:
    """A terminal session on one simulated host (the host is built at the first command)."""

    def __init__(self, engine: "str | Profile" = DEFAULT_NAME, seed: int = 0, host: "Daemon | HostFace | None" = None,
                 factory: Optional[Callable[..., "Daemon | HostFace"]] = None,
                 files: Optional[ComposeFiles] = None) -> None:
        self.engine = engine
        self.seed = seed
        # the daemon the commands talk to, and what holds it (itself, or a DockerHost)
        self._host: Optional[Daemon] = host if host is None or isinstance(host, Daemon) else host.daemon
        self._owner: "Daemon | HostFace | None" = host
        # what builds the host at the first command (python -m dockernet_sim passes DockerHost)
        self._factory: Callable[..., "Daemon | HostFace"] = factory or Daemon
        # whether a person types at a terminal (the interactive shell): `-it` then works as there
        self.tty = False
        # who the process being run is (uid, gid): its exec's --user or the container's Config.User
        self._process_user: tuple[int, int] = (0, 0)
        self._config = DaemonConfig()
        self._hostspec = HostSpec()
        self._images: list[Image] = []
        # the working directory commands run in: a script's `#! file` blocks land here
        self.files = files if files is not None else ComposeFiles(SCRIPT_WORKDIR)
        # the interactive bash at the prompt: its variables, $? and directory last from line to line
        self.shell = Shell(BASH_INTERACTIVE, self._host_programs(), HOST_ENV, cwd="/root",
                           files=Files(self._host_file, programs.dir_exists, sink=self._host_sink))

    @property
    def host(self) -> Daemon:
        """The daemon the commands talk to (built at the first command)."""
        if self._host is None:
            built = self._factory(engine=self.engine, seed=self.seed, host=self._hostspec, config=self._config,
                                  images=self._images)
            self._owner = built
            self._host = built if isinstance(built, Daemon) else built.daemon
        return self._host

    @property
    def owner(self) -> "Daemon | HostFace":
        """What the factory built (a DockerHost, under ``python -m dockernet_sim``)."""
        self.host
        assert self._owner is not None
        return self._owner

    def adopt(self, owner: "HostFace") -> None:
        """Go on with another host (a loaded one)."""
        self._owner, self._host = owner, owner.daemon
        self.engine, self.seed = owner.daemon.profile.name, owner.daemon.seed

    # -- directives --------------------------------------------------------------------------------
    def directive(self, text: str) -> Optional[str]:
        """Apply a ``#!`` directive; returns an error message if it cannot be applied."""
        if text.startswith("file ") or text.startswith("file\n"):
            name, _, content = text[len("file"):].partition("\n")
            if not name.strip():
                return "#! file needs a file name"
            self.files.write(name.strip(), content)
            return None
        words = directive_words(text)
        if isinstance(words, str):
            return words
        if not words:
            return None
        kind, rest = words[0], words[1:]
        try:
            if kind == "dockerd":
                if self._host is not None:
                    return "#! dockerd must come before the first command"
                self._config = DaemonConfig.from_flags(rest)
            elif kind == "host":
                if self._host is not None:
                    return "#! host must come before the first command"
                self._hostspec = HostSpec.from_directive(rest)
            elif kind == "image":
                im = parse_image_directive(rest)
                if self._host is not None:
                    self._host.add_image(im)
                else:
                    self._images.append(im)
            else:
                return f"unknown directive {kind!r}"
        except (ValueError, IndexError) as e:
            return str(e)
        return None

    # -- commands ----------------------------------------------------------------------------------
    def run_line(self, line: str) -> Result:
        """Run one command line (a pipeline) and return what the terminal shows."""
        try:
            res = self._run_line(line)
        except Exception as e:  # a traceback is always a bug: show it as the shell would an internal error
            res = Result("", f"dockernet_sim: internal error: {type(e).__name__}: {e}\n", 70)
        res.command = line
        return res

    def _run_line(self, line: str) -> Result:
        return self.shell.run(line)

    def _host_programs(self) -> ProgramTable:
        """The host's programs: the docker client, sudo, the host tools, the what-if helpers and
        the filters people pipe into."""
        table: dict[str, Program] = {name: self._filter for name in pipes.FILTERS}
        for prog in HOST_TOOLS:
            table[prog] = self._host_tool_program
        table.update(docker=lambda inv: self.docker(list(inv.argv[1:]), inv.env), sudo=self._sudo, cat=self._cat_host,
                     hostname=lambda inv: Result(self.host.host.hostname + "\n", "", 0),
                     trace=self._whatif, whois=self._whatif, bash=self._bash,
                     sysctl=self._procps_sysctl,
                     sleep=self._sleep,
                     # the daemon's own account of its start (why it refused, if it did)
                     dockerd=lambda inv: Result(*dockerd_output(self.host)))
        return ProgramTable(table)

    def _sleep(self, inv: Invocation) -> Result:
        """coreutils' ``sleep N`` on the host: the host's clock moves N seconds on, and the health
        probes that fall due on the way run (daemon/health.py); a bad interval is refused."""
        r = programs.run_sleep(inv.argv[1:], "coreutils")
        if r.exit_code == 0 and self.host.start_failure is None:
            from .daemon.health import let_time_pass
            let_time_pass(self.host, programs.sleep_ns(inv.argv[1:]), self.probe)
        return r

    def probe(self, cid: str, argv: list[str]) -> tuple[int, str]:
        """A health probe of the container: its command exec'd as the container's main process
        would be (its user and working directory); the output is stdout then stderr."""
        r = self._attached_run(cid, argv)
        return r.exit_code, r.stdout + r.stderr

    def _bash(self, inv: Invocation) -> Result:
        """``bash -c LINE`` on the host: a child bash (its own variables) with the host's programs."""
        args = inv.argv[1:]
        if args[:1] == ("-c",):
            if len(args) < 2:
                return Result("", "bash: -c: option requires an argument\n", 2)
            return Shell(BASH_C, self.shell.programs, inv.env, inv.cwd, self.shell.files,
                         args=args[2:]).run(args[1], inv.stdin)
        if args and not args[0].startswith("-"):
            return Result("", f"bash: {args[0]}: No such file or directory\n", 127)
        return Result("", "", 0)   # a shell reading its (empty) input

    @staticmethod
    def _filter(inv: Invocation) -> Result:
        return Result(*pipes.run_filter(list(inv.argv), inv.stdin or ""))

    def _host_tool_program(self, inv: Invocation) -> Result:
        prog = inv.argv[0].rsplit("/", 1)[-1]
        if prog == "ip" and self.host.host_ip_program is not None:
            # a daemon that records its calls (a DockerHost's) keeps the host's `ip` too
            return self.host.host_ip(list(inv.argv[1:]))
        return self.host_tool(prog, list(inv.argv[1:]), self.host.kernel.host, flavour="iproute2")

    def _sudo(self, inv: Invocation) -> Result:
        if len(inv.argv) < 2:
            return Result("", "usage: sudo command\n", 1)
        prog = self.shell.programs.find(inv.argv[1])
        if prog is None:   # sudo (1.9) looks the program up itself
            return Result("", f"sudo: {inv.argv[1]}: command not found\n", 1)
        return prog(Invocation(inv.argv[1:], inv.stdin, inv.cwd, inv.env))

    def _whatif(self, inv: Invocation) -> Result:
        """What-if helpers: ``trace`` (the explained path), ``whois`` (who holds an address)."""
        from .query.whatif import shell_command
        return Result(*shell_command(self.host, inv.argv[0], list(inv.argv[1:])))

    def _procps_sysctl(self, inv: Invocation) -> Result:
        from .userland.sysctl import procps_sysctl      # (on first use: issue 15)
        return procps_sysctl(list(inv.argv[1:]), self.host.kernel.host, self.host.host_sysctl)

    def _host_file(self, path: str) -> Optional[str]:
        from .daemon.etcfiles import host_hosts_file, host_resolv_conf
        if path == "/etc/hosts":
            return host_hosts_file(self.host)
        if path == "/etc/resolv.conf":
            return host_resolv_conf(self.host)
        if path == "/etc/hostname":
            return self.host.host.hostname + "\n"
        if path == "/dev/null":
            return ""
        if path in self.files.contents:
            return self.files.contents[path]          # a script's file, or one docker cp wrote
        from .userland.sysctl import proc_sys_file      # (on first use: issue 15)
        return proc_sys_file(self.host.kernel.host, path)

    def _host_sink(self, path: str) -> Optional[Sink]:
        """A redirection's target the host keeps: a /proc/sys file (``echo 0 >
        /proc/sys/net/ipv4/ip_forward``), written through the daemon's ``host_sysctl``."""
        if not path.startswith("/proc/sys/"):
            return None
        from .kernel import sysctl as tree      # (on first use: issue 15)
        key = tree.key_of_path(path)
        if key is None:
            return None
        ns = self.host.kernel.host
        if tree.find(ns, key) is None:
            return Sink("Is a directory" if tree.is_directory(ns, key) else "No such file or directory",
                        lambda text: "")
        return Sink("", lambda text: self.host.host_sysctl(key, text))

    def _cat_host(self, inv: Invocation) -> Result:
        """GNU cat of the host's files (standard input without operands)."""
        if len(inv.argv) == 1:
            return self._filter(inv)
        out, err, code = "", "", 0
        for a in inv.argv[1:]:
            content = self._host_file(programs._norm(inv.cwd, a))
            if content is None and not a.startswith("/"):
                # a file of the client's working directory (a script's, or one docker cp wrote)
                content = self.files.contents.get(self.files.path(a))
            if content is not None:
                out += content
            else:
                err += f"cat: {a}: No such file or directory\n"
                code = 1
        return Result(out, err, code)

    def host_tool(self, prog: str, args: list[str], ns: Any, flavour: str, in_container: bool = False) -> Result:
        if prog == "ip":
            return programs.run_ip(args, ns, flavour)
        if prog == "ifconfig":
            # the iproute2 image only replaces ip: ifconfig is busybox's in containers
            return programs.run_ifconfig(args, ns, "busybox" if in_container else "net-tools")
        if prog == "brctl":
            return programs.run_brctl(args, ns, self.host.profile.announces_at_start)
        if prog == "bridge":
            return programs.run_bridge(args, ns, self.host.profile.announces_at_start)
        if prog in ("iptables", "ip6tables"):
            v6 = prog == "ip6tables"
            policy = None if in_container else \
                (lambda table, chain, target: self.host.host_iptables_policy(table, chain, target, v6))
            return programs.run_iptables(args, ns, v6=v6, set_policy=policy)
        if prog in ("iptables-save", "ip6tables-save"):
            return programs.run_iptables_save(args, ns, now=self.host.rand.peek_ns() / 1e9, v6=prog == "ip6tables-save")
        if prog == "route":
            if in_container:
                from .userland.busybox_route import busybox_route
                return busybox_route(args, ns)
            return programs.run_route(args, ns)
        if prog == "netstat" and not in_container:
            return self._host_netstat(args, ns)
        if prog == "netstat":
            return programs.run_route(args, ns, netstat=True)
        if prog == "ss" and not in_container:
            from .daemon.proxy import host_sockets
            from .userland.iproute2_ss import run_ss      # (on first use: issue 15)
            return run_ss(args, host_sockets(self.host))
        return Result("", f"bash: {prog}: command not found\n", 127)

    def _host_netstat(self, args: list[str], ns: Any) -> Result:
        """net-tools' netstat on the host: ``-r`` the routing table, else the sockets Docker holds."""
        from .userland.nettools_netstat import NETSTAT_LETTERS, bad_option, nettools_netstat_sockets
        flags = ""
        for a in args:
            if a.startswith("-") and not a.startswith("--"):
                for ch in a[1:]:
                    if ch not in NETSTAT_LETTERS:
                        return bad_option(ch)
                flags += a[1:]
        if "r" in flags or "--route" in args:
            return programs.run_route(args, ns, netstat=True)
        from .daemon.proxy import host_sockets
        return nettools_netstat_sockets(flags, host_sockets(self.host))

    def docker(self, argv: list[str], env: Sequence[str] = ()) -> Result:
        """The docker client run with ``argv``; ``env`` is the environment the shell gave it
        (compose reads its variables: interpolation, bare ``environment`` keys)."""
        if "--help" in argv or "-h" in argv:         # (the help's module loads when asked: issue 15)
            from .client.help import lookup as help_lookup
            helped = help_lookup(self.host.profile.name, argv)
            if helped is not None:
                return helped
        if argv and argv[0] == "exec":
            return self.docker_exec(argv[1:])
        if argv and argv[0] == "container" and len(argv) > 1 and argv[1] == "exec":
            return self.docker_exec(argv[2:])
        return self.client(env).run(argv)

    def client(self, env: Sequence[str] = ()) -> DockerCLI:
        """The docker client of this shell: its containers' programs run here (an attached run's
        main process, ``compose run``'s command), runc's check of a program looks in their images."""
        cli = DockerCLI(self.host, runner=self._attached_run)
        cli.tty = self.tty
        cli.files = self.files.with_environ(env) if env else self.files
        cli.execute = self.docker_exec
        cli.has_program = lambda cid, prog: self._in_image(self.host.find_container(cid), prog)
        cli.container_tree = lambda cid, writable: self._rootfs(self.host.find_container(cid), writable=writable)
        return cli

    def _attached_run(self, cid: str, cmd: list[str]) -> Result:
        """What an attached ``docker run`` prints: its command run in the new container (the
        main process: its environment has TERM only with ``-t``). A bare shell reads its
        (closed) standard input and ends at once."""
        c = self.host.find_container(cid)
        if not cmd:
            return Result("", "", 0)
        who = self._user_of(c, c.user)
        cwd = programs._norm("/", c.working_dir) if c.working_dir.startswith("/") else "/"
        return self._as_user(who if isinstance(who, tuple) else (0, 0), lambda: self._exec_in(c, cmd, cwd=cwd))

    def _user_of(self, c: Any, spec: str) -> "tuple[int, int] | str":
        """runc's lookup of ``spec`` in the container's image: the recordings' bare root has no
        passwd or group file; another image's names are taken as root (its files are not known)."""
        from .daemon.execuser import exec_user
        who = exec_user(spec)
        if isinstance(who, str) and not self.host.knows_image(c.image):
            return (0, 0)
        return who

    def _as_user(self, who: tuple[int, int], run: Callable[[], Result]) -> Result:
        outer, self._process_user = self._process_user, who
        try:
            return run()
        finally:
            self._process_user = outer

    # -- docker exec -------------------------------------------------------------------------------------
    def docker_exec(self, argv: list[str]) -> Result:
        d = self.host
        p = d.profile
        flags = [Flag("interactive", "i", "bool"), Flag("tty", "t", "bool"), Flag("detach", "d", "bool"),
                 Flag("user", "u", "string"), Flag("workdir", "w", "string"), Flag("env", "e", "list"),
                 Flag("privileged", "", "bool"), Flag("detach-keys", "", "string"), Flag("env-file", "", "list")]
        try:
            pr = parse(argv, flags, interspersed=False)
        except FlagError as e:
            return framing.flag_error(p, "exec", str(e))
        if len(pr.args) < 2:
            return framing.args_error(p, "exec", "requires at least 2 arguments")
        if d.start_failure is not None:
            from .client.unreachable import unreachable
            return unreachable(p, "exec")
        try:
            c = d.find_container(pr.args[0])
        except DockerError as e:
            if p.exec_not_found_by_client:
                return Result("", f"Error: No such container: {pr.args[0]}\n", 1)
            return framing.daemon_error(p, e)
        # the client looks the container up first, then checks that its input is a terminal
        if pr.get("tty") and pr.get("interactive") and not pr.get("detach") and not self.tty:
            return Result("", "the input device is not a TTY\n", 1)
        if not c.running:
            return Result("", f"Error response from daemon: {p.messages.exec_not_running.format(id=c.id)}\n", 1)
        if c.paused:
            return Result("", f"Error response from daemon: {EXEC_PAUSED.format(term=pr.args[0])}\n", 1)
        cmd = pr.args[1:]
        try:
            env = userland.process_env(d, c, bool(pr.get("tty")), pr.get("env") or [])
        except userland.LinkError as e:
            return Result("", f"Error response from daemon: {e}\n", 1)
        who = self._user_of(c, pr.get("user") or c.user)     # an empty --user is the container's (moby exec)
        if isinstance(who, str):
            # runc finds no such user (20.10, 26: on the exec's output, 126); 28's daemon refuses the start (r176)
            if p.exec_user_refused_by_daemon:
                return Result("", f"Error response from daemon: {who}\n", 1)
            return Result(who + "\n", "", 126)
        # no -w: the container's WorkingDir (moby's exec takes Config.WorkingDir; runc made it at start)
        cwd = pr.get("workdir") or (c.working_dir if c.working_dir.startswith("/") else "/")
        if cwd.startswith("/"):
            cwd = programs._norm("/", cwd)
            if cwd != "/" and pr.get("workdir") and not self._is_dir(c, cwd):
                # runc's init cannot chdir: the exec never starts (the error comes on stdout, as r54's)
                return self._exec_failed(f'chdir to cwd ("{pr.get("workdir")}") set in config.json failed: '
                                         f'no such file or directory')
        # an exec is one API call: what it writes into the container's layer is all or nothing
        with d.journal.transaction():
            if pr.get("detach"):
                r = self._as_user(who, lambda: self._exec_detached(c, cmd, cwd, env))
                d.exec_run(c.id, cmd, r.exit_code, ended=False)
                return r
            r = self._as_user(who, lambda: self._exec_in(c, cmd, cwd=cwd, env=env))
            if d.find_container(c.id).running:       # (an exec that stopped its container logs no more)
                d.exec_run(c.id, cmd, r.exit_code)
            return r

    def _exec_detached(self, c: Any, cmd: list[str], cwd: str, env: list[str]) -> Result:
        """``docker exec -d``: the process starts (a program the image lacks still fails, as runc
        reports it) and the client prints nothing and exits 0 (r141). A server keeps running
        beside PID 1; anything else runs to its end unseen."""
        from .query.listeners import listening
        if not self._has_program(c, cmd[0]):
            # the exec's start call fails, and the client reports the daemon's error (r141)
            why = self._runc_failure(f'exec: "{cmd[0]}": executable file not found in $PATH')
            return Result("", f"Error response from daemon: {why}\n", 1)
        if listening(cmd):
            self._start_server(c, cmd)
        else:
            self._exec_in(c, cmd, cwd=cwd, env=env)
        return Result("", "", 0)

    def _start_server(self, c: Any, argv: list[str]) -> Result:
        """A server binds its ports (``Address already in use`` when something in the namespace
        holds one, and it ends) and serves beside PID 1 until the container stops. busybox
        ``httpd`` without ``-f`` puts itself in the background and returns; in the foreground it
        would hold the terminal: the simulator lets it run on in the background at once."""
        from .query.listeners import listening, open_sockets
        held = {(s.proto, s.local.rpartition(":")[2]) for s in open_sockets(self.host, c)}
        if any((proto, str(port)) in held for proto, port, _ in listening(argv)):
            return Result("", f"{argv[0].rsplit('/', 1)[-1]}: bind: Address already in use\n", 1)
        self.host.exec_server(c.id, list(argv))
        return Result("", "", 0)

    def _process_env(self, c: Any) -> list[str]:
        """The main process's environment (a stopped linked container only drops its variables)."""
        try:
            return userland.process_env(self.host, c, c.tty)
        except userland.LinkError:
            saved, c.links = c.links, None
            try:
                return userland.process_env(self.host, c, c.tty)
            finally:
                c.links = saved

    def _run_shell(self, c: Any, name: str, line: str, cwd: str, env: list[str], args: list[str]) -> Result:
        """``sh -c LINE [NAME ARG…]`` (busybox ash) or ``bash -c …`` in the container; the commands
        it runs are the image's programs."""
        dialect = BASH_C if name == "bash" else ash_dialect(name)
        return Shell(dialect, _ImagePrograms(self, c), env, cwd,
                     files=self._container_files(c), args=args).run(line)

    def open_shell(self, term: str, program: str) -> "ContainerShell | Result":
        """The shell ``docker exec -it TERM PROGRAM`` (or ``docker run -it``'s) opens for a person
        to type into, or what the exec printed when it could not start (no such container, not
        running, no such program in the image)."""
        probe = self.docker_exec([term, program])      # the program itself, reading no input yet
        if probe.exit_code != 0:
            return probe
        c = self.host.find_container(term)
        base = program.rsplit("/", 1)[-1]
        dialect = BASH_INTERACTIVE if base == "bash" else ash_dialect(base)
        shell = Shell(dialect, _ImagePrograms(self, c), userland.process_env(self.host, c, True), "/",
                      files=self._container_files(c))
        return ContainerShell(c.name, shell)

    def _in_image(self, c: Any, prog: str) -> bool:
        """Whether runc finds ``prog`` in the container's image to start it: every busybox applet
        is a link in /bin, modelled or not (r191: ``docker run -d busybox printf abc`` runs)."""
        if self._has_program(c, prog):
            return True
        base = prog.rsplit("/", 1)[-1]
        where = programs._norm("/", prog.rsplit("/", 1)[0] or "/") if "/" in prog else "/bin"
        return where == "/bin" and base in userland.BUSYBOX_APPLETS

    def _has_program(self, c: Any, prog: str) -> bool:
        """Whether the container's image has ``prog`` (as typed: ``ip``, ``/bin/ip``)."""
        base = prog.rsplit("/", 1)[-1]
        if c.image.tools == "iproute2":
            # the oracle's `TOOLS iproute2` image: busybox's applet links in /bin, and bash
            where = programs._norm("/", prog.rsplit("/", 1)[0] or "/") if "/" in prog else "/bin"
            return where == "/bin" and (base in userland.BUSYBOX_APPLETS or base == "bash")
        # every applet is a link in the image's /bin, modelled or not (r200: `ls /bin`)
        return base in BUSYBOX_MODELLED or base in userland.BUSYBOX_APPLETS

    def _run_program(self, c: Any, inv: Invocation) -> Result:
        """A program the container's shell starts: a busybox filter reads its input, the rest
        run as ``docker exec`` would run them."""
        base = inv.argv[0].rsplit("/", 1)[-1]
        if c.image.tools != "iproute2" and base in pipes.FILTERS and (inv.stdin is not None or base != "cat"):
            return Result(*pipes.run_filter([base, *inv.argv[1:]], inv.stdin or ""))
        return self._exec_in(c, list(inv.argv), cwd=inv.cwd, env=list(inv.env))

    def _exec_iproute2_image(self, c: Any, prog: str, args: list[str], ns: Any, cwd: str,
                             env: list[str]) -> Result:
        """The oracle's ``TOOLS iproute2`` image: busybox's root with iproute2's ip copied over the
        busybox binary (through the ``bin/ip`` symlink), plus GNU bash. Every applet name runs ip
        with that argv[0]; only ``ip`` and ``bash`` are what they say."""
        base = prog.rsplit("/", 1)[-1]
        if base == "bash":
            if args and args[0] == "-c":
                if len(args) < 2:
                    return Result("", "bash: -c: option requires an argument\n", 2)
                return self._run_shell(c, "bash", args[1], cwd, env, args[2:])
            if args and not args[0].startswith("-"):
                return Result("", f"bash: {args[0]}: No such file or directory\n", 127)
            return Result("", "", 0)   # a shell reading the exec's empty input
        return programs.run_ip(args, ns, "iproute2", argv0=prog, in_container=True)

    def _env_applet(self, c: Any, args: list[str], cwd: str, env: list[str]) -> Result:
        """busybox ``env [-i] [-u NAME] [NAME=VALUE]… [PROG ARGS]``: the environment in the
        process's order, or PROG run with it."""
        env = list(env)
        while args and args[0].startswith("-"):
            a = args.pop(0)
            if a in ("-i", "-", "--ignore-environment"):
                env = []
            elif a in ("-u", "--unset") and args:
                name = args.pop(0)
                env = [e for e in env if e.split("=", 1)[0] != name]
            elif a == "--":
                break
            else:
                return Result("", f"env: unrecognized option '{a}'\n" + userland.busybox_usage("env"), 1)
        sets = []
        while args and "=" in args[0] and not args[0].startswith("="):
            sets.append(args.pop(0))
        env = userland.replace_or_append_env(env, sets)
        if not args:
            return Result("".join(e + "\n" for e in env), "", 0)
        if not self._has_program(c, args[0]):
            return Result("", f"env: can't execute '{args[0]}': No such file or directory\n", 127)
        return self._exec_in(c, args, cwd=cwd, env=env)

    def _exec_in(self, c: Any, cmd: list[str], cwd: str = "/", env: Optional[list[str]] = None) -> Result:
        """Run ``cmd`` in the container with the environment ``env`` (the main process's by
        default). A program the image lacks is the runtime's exec error."""
        if env is None:
            env = self._process_env(c)
        if not self._has_program(c, cmd[0]):
            return self._exec_not_found(cmd[0])
        d = self.host
        ns = self._container_ns(c)
        flavour = c.image.tools
        donor = c.donor if c.mode_kind == "container" and c.donor is not None else c
        if donor.mode_kind == "host" and c.mode_kind == "container":
            flavour = c.image.tools
        prog, args = cmd[0], list(cmd[1:])
        base = prog.rsplit("/", 1)[-1]
        if flavour == "iproute2":
            return self._exec_iproute2_image(c, prog, args, ns, cwd, env)
        if base == "env":
            return self._env_applet(c, args, cwd, env)
        if base == "netstat":
            from .query.listeners import open_sockets
            return programs.run_busybox_netstat(args, ns, open_sockets(d, c))
        if base in ("ip", "ifconfig", "brctl", "bridge", "iptables", "iptables-save", "route"):
            return self.host_tool(base, args, ns, flavour=flavour, in_container=True)
        if base == "hostname":
            return self._hostname(c, args, ns)
        if base in ("ps", "uname", "id", "whoami"):
            from .userland import busybox_system as system
            if base == "ps":
                return system.busybox_ps(args, c.argv, c.servers)
            if base == "uname":
                from .daemon.etcfiles import container_hostname
                return system.busybox_uname(args, container_hostname(d, c))
            if base == "id":
                return system.busybox_id(args, *self._process_user)
            return system.busybox_whoami(args, self._process_user[0])
        if base == "busybox":
            # the multi-call binary itself: alone, its banner and applet list (r160); --list, the
            # applets; else the applet named first
            if not args:
                return Result(userland.busybox_usage("busybox"), "", 0)
            if args == ["--list"]:
                return Result("".join(a + "\n" for a in sorted(userland.BUSYBOX_APPLETS)), "", 0)
            if args[0] not in userland.BUSYBOX_APPLETS:
                return Result("", f"{args[0]}: applet not found\n", 127)
            return self._exec_in(c, args, cwd=cwd, env=env) if self._has_program(c, args[0]) \
                else self._exec_not_found(args[0])
        if base == "sysctl":
            from .userland.sysctl import busybox_sysctl
            return busybox_sysctl(args, ns, c.sysctls)
        if base in userland.FILE_APPLETS or base in userland.WRITERS:
            return self._file_applet(c, base, args, ns, cwd)
        if base in ("true",):
            return Result("", "", 0)
        if base == "sleep":
            return programs.run_sleep(args, "busybox")
        if base in ("false",):
            return Result("", "", 1)
        if base == "echo":
            return Result(" ".join(args) + "\n", "", 0)
        if base in ("ping", "nslookup", "getent", "nc", "wget", "arp"):
            # the tools answer from the what-if model (query), the one place that walks packets
            from .query import exec_network_tool
            from .query.tools import Usage
            try:
                return exec_network_tool(d, c, base, args)
            except Usage as e:
                return Result("", e.before + userland.busybox_usage(e.applet), e.exit_code)
        if base == "pwd":
            return Result(cwd + "\n", "", 0)
        if base == "httpd":
            return self._start_server(c, [base, *args])
        # busybox's sh/ash everywhere; bash only in the images that are not plain busybox
        if base in ("sh", "ash"):
            if args and args[0] == "-c":
                if len(args) < 2:
                    return Result("", f"{base}: -c requires an argument\n", 2)
                return self._run_shell(c, base, args[1], cwd, env, args[2:])
            return Result("", "", 0)   # a shell reading the exec's empty input
        if base in pipes.FILTERS:
            # a filter run by exec reads its file operands from the container's tree
            return self._file_applet(c, base, args, ns, cwd)
        if base in userland.BUSYBOX_APPLETS:
            # an applet busybox has and the simulator does not model: said so, never "not found"
            from .userland.busybox_files import not_simulated
            return Result("", not_simulated(f"busybox {base}", "the simulator does not model this applet"), 2)
        return self._exec_not_found(prog)

    def _exec_not_found(self, prog: str) -> Result:
        return self._exec_failed(f'exec: "{prog}": executable file not found in $PATH')

    def _exec_failed(self, why: str) -> Result:
        """runc could not start the exec'd process. The daemon writes the error into the attached
        output stream, so the client prints it on stdout (r54); 20.10 adds containerd's
        ``: unknown`` and exits 126, 28 exits 127."""
        return Result(self._runc_failure(why) + "\n", "", self.host.profile.exec_failed_exit_code)

    def _runc_failure(self, why: str) -> str:
        return (f"OCI runtime exec failed: exec failed: unable to start container process: {why}"
                f"{self.host.profile.messages.exec_failed_suffix}")

    def _hostname(self, c: Any, args: list[str], ns: Any) -> Result:
        d = self.host
        from .daemon.etcfiles import container_hostname
        name = container_hostname(d, c)   # host mode: the host's, unless --hostname (r83 h3)
        if not args:
            return Result(name + "\n", "", 0)
        if args[0] == "-i":
            # busybox: gethostbyname(hostname), /etc/hosts first (r27, r44: the first matching line)
            from .daemon.resolver import hostname_addresses
            found = hostname_addresses(d, c)
            if not found:
                return Result("", f"hostname: {name}: Host name lookup failure\n", 1)
            return Result(" ".join(str(a) for a in found) + "\n", "", 0)
        if args[0] in ("-s",):
            return Result(name.split(".")[0] + "\n", "", 0)
        if args[0] in ("-f",):
            # busybox: the canonical name gethostbyname gives, i.e. the first name of the first
            # /etc/hosts line that lists the hostname (compose's hostname + domainname: c29)
            from .daemon.etcfiles import hosts_file
            for line in hosts_file(d, c).splitlines():
                names = line.split("#", 1)[0].split()[1:]
                if name in names:
                    return Result(names[0] + "\n", "", 0)
            return Result(name + "\n", "", 0)
        return Result(name + "\n", "", 0)

    def _container_ns(self, c: Any) -> Any:
        """The namespace a container's processes see: the host's in host mode; a container: mode
        container whose donor stopped keeps only its loopback."""
        d = self.host
        ns = d.container_netns(c) if c.mode_kind != "host" else d.kernel.host
        if ns is None:
            from .kernel import Kernel
            ns = Kernel(ifindex_policy="per_netns").host
            if d.profile.container_ipv6_enabled:
                from .kernel.netns import LOOPBACK6
                ns.links["lo"].add_address(LOOPBACK6)
        return ns

    def _rootfs(self, c: Any, ns: Any = None, writable: bool = False) -> Any:
        """The container's file tree as its processes see it (userland.rootfs), over its writable
        layer (daemon.layer); ``writable``: what its applets write goes into that layer."""
        from .userland.busybox_files import proc_mounts
        from .userland.procfs import network_files
        from .userland.rootfs import ContainerFiles, ProcSys, RootFs
        from .userland.sysctl import proc_sys_dir, proc_sys_file
        from .daemon.etcfiles import hostname_file, hosts_file, resolv_conf
        d = self.host
        ns = ns if ns is not None else self._container_ns(c)
        generated = network_files(ns)
        cmdline = "".join(a + "\0" for a in c.argv)
        generated["/proc/1/cmdline"] = lambda: cmdline
        from .daemon.inspect import container_template
        masked = container_template(d.profile.inspect.container_template)["HostConfig"]["MaskedPaths"]
        return RootFs.of_container(ContainerFiles(
            hosts=hosts_file(d, c), resolv_conf=resolv_conf(d, c), hostname=hostname_file(d, c),
            generated=generated, devices=tuple(ns.links), created=c.created_ns // 1_000_000_000,
            mounts=proc_mounts(masked, d.profile.masked_dir_options),
            proc_sys=ProcSys(lambda path: proc_sys_file(ns, path, c.sysctls),
                             lambda path: proc_sys_dir(ns, path, c.sysctls)),
            upper=c.layer.changes if c.layer is not None else None,
            sink=self._layer_sink(c) if writable else None))

    def _layer_sink(self, c: Any) -> Any:
        """Where a container's processes' writes go: its layer, through the daemon's calls (each
        journaled and logged; an exec is one API call: docker_exec runs it in one transaction)."""
        from .userland.rootfs import LayerSink
        d = self.host
        return LayerSink(lambda path, change: d.container_layer_put(c.id, path, change.kind, change.mode, change.mtime,
                                                                    change.target, change.text, change.copied_up),
                         lambda path: d.container_layer_drop(c.id, path))

    def _file_content(self, c: Any, path: str) -> Optional[str]:
        """A file of the container that the simulator knows, or None."""
        if path == "/dev/null":
            return ""
        from .userland.rootfs import Unreadable
        fs = self._rootfs(c)
        node = fs.resolve(path)
        content = fs.read(node) if node is not None else None
        return None if isinstance(content, Unreadable) else content

    def _container_files(self, c: Any) -> Files:
        """What a shell in the container reads, checks and writes (userland.rootfs, its layer)."""
        if c.image.tools == "iproute2":
            from .userland.busybox_files import not_simulated
            return Files(lambda path: self._file_content(c, path), lambda path: self._is_dir(c, path),
                         lambda path: not_simulated(f"> {path}", "the output goes nowhere"))
        return Files(lambda path: self._file_content(c, path), lambda path: self._is_dir(c, path),
                     lambda path: self._unkept(c, path),
                     lambda path, text, append: self._write_file(c, path, text, append))

    def _unkept(self, c: Any, path: str) -> Optional[str]:
        """The simulator's word for a redirection into a file it does not keep (/dev, the
        daemon's bind mounts, /proc's files), else None."""
        from .userland.busybox_files import not_simulated
        from .userland.busybox_writes import write_refused
        if write_refused(self._rootfs(c), path):
            return not_simulated(f"> {path}", "the simulator keeps no write there: the output goes nowhere")
        return None

    def _write_file(self, c: Any, path: str, text: str, append: bool) -> Optional[str]:
        from .userland.busybox_writes import write_text
        return write_text(self._rootfs(c, writable=True), path, text, append, self.host.rand.peek_ns() // 1_000_000_000)

    def _is_dir(self, c: Any, path: str) -> bool:
        if c.image.tools == "iproute2":
            return programs.dir_exists(path)
        return bool(self._rootfs(c).is_dir(path))

    def _file_applet(self, c: Any, base: str, args: list[str], ns: Any, cwd: str) -> Result:
        """busybox's applets that read (or would write) the container's files."""
        from .userland.busybox_files import run_file_applet
        return run_file_applet(base, args, self._rootfs(c, ns, writable=c.image.tools != "iproute2"), cwd,
                               self.host.rand.peek_ns() // 1_000_000_000)


# what a busybox image runs besides the filters: the applets the simulator models
BUSYBOX_MODELLED = frozenset(("busybox", "ps", "uname", "id", "whoami", "env", "ip", "ifconfig", "brctl", "route", "netstat", "hostname", "cat", "sysctl", "true",
                              "false", "echo", "ping", "nslookup", "getent", "nc", "wget", "pwd", "sh", "ash",
                              "httpd", "sleep", "arp"))


class ContainerShell(Record, frozen=True):
    """A shell a person types into inside a container: one process, so its variables, ``$?`` and
    directory last from line to line, and ``exit [N]`` ends it with that status (``docker exec``'s
    exit code, or the container's when it is the main process)."""
    container: str
    shell: Shell

    @property
    def prompt(self) -> str:
        """busybox ash's default prompt for root, ``\\w # `` (``/ # ``, ``/etc # ``: HOME=/ is
        never shortened to ``~``); bash's default ``\\s-\\v\\$ `` (``bash-5.2# ``)."""
        if self.shell.dialect.name == "bash":
            return "bash-5.2# "
        return f"{self.shell.cwd} # "

    def run(self, line: str) -> Result:
        r = self.shell.run(line)
        r.command = line
        return r

    @property
    def exited(self) -> bool:
        return self.shell.exited

    @property
    def status(self) -> int:
        return self.shell.status


class _ImagePrograms(Record, frozen=True):
    """A container's program table: what its image has, run in the container."""
    session: Session
    container: Any

    def find(self, name: str) -> Optional[Program]:
        if not self.session._has_program(self.container, name):
            return None
        return lambda inv: self.session._run_program(self.container, inv)


def write_transcript(r: Result, out: TextIO) -> None:
    """``$ COMMAND`` and what it wrote, both streams in order, as a terminal session shows them
    (``python -m dockernet_sim run`` and ``demo``)."""
    out.write(f"$ {r.command}\n")
    for _, text in r.streams():
        out.write(text)
    out.flush()


def iter_script(text: str) -> Iterator[tuple[str, str]]:
    """Yield ("directive", text) and ("command", line) items of a script. A ``#! file NAME``
    … ``#! end`` block is one directive: ``file NAME``, a line break, then the file's lines."""
    lines = iter(text.splitlines())
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#!"):
            body = line[2:].strip()
            if body.split(None, 1)[:1] == ["file"]:
                content = []
                for inner in lines:
                    if inner.strip() == "#! end":
                        break
                    content.append(inner + "\n")
                body += "\n" + "".join(content)
            yield "directive", body
            continue
        if line.startswith("#"):
            continue
        yield "command", line


def run_script(text: str, engine: str = DEFAULT_NAME, seed: int = 0) -> Iterator[Result]:
    s = Session(engine=engine, seed=seed)
    for kind, body in iter_script(text):
        if kind == "directive":
            err = s.directive(body)
            if err:
                yield Result("", f"dockernet_sim: {err}\n", 2, command="#! " + body)
            continue
        yield s.run_line(body)
