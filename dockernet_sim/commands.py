"""The other subcommands of ``python -m dockernet_sim``: ``demo`` (the tutorial's walkthrough with
notes), ``playground`` (the browser playground's site, built or served) and ``serve`` (the
Engine API for real clients). Loaded only when one of them runs (issue 15: ``run`` never needs
them).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional, TextIO

from .engines import DEFAULT_NAME
from .host import DockerHost
from .terminal import Session, iter_script, write_transcript

if TYPE_CHECKING:
    import threading

    from .playground.walkthroughs import Walkthrough


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
        write_transcript(s.run_line(cmd), out)
        out.write("\n")
    return 0

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
    from .prompt import _docker_host
    host = _docker_host(s)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if host.daemon.start_failure is not None:
        # the setup's daemon flags make dockerd refuse to start (df*): it logs why and nothing
        # answers, so a client's connection is refused and it prints "Cannot connect to the
        # Docker daemon at …"
        print(host.daemon.start_failure, file=sys.stderr, flush=True)
        return _refused(socket_path, stop) if socket_path else 1
    try:
        server = host.serve(socket_path=socket_path, tcp=tcp)
    except (ValueError, OSError) as e:
        print(f"dockernet_sim: {e}", file=sys.stderr)
        return 1
    print(f"Docker Engine {host.profile.engine_version} (simulated) listening on {server.docker_host}", flush=True)
    try:
        stop.wait()
    finally:
        server.close()
    return 0


def _refused(socket_path: str, stop: "threading.Event") -> int:
    """A socket at ``socket_path`` that no one accepts on (bound, not listening: connecting to it
    is refused) until ``stop``; then it goes. Exit status 1, as the daemon's."""
    import os
    import socket
    import stat
    if os.path.lexists(socket_path):
        if not stat.S_ISSOCK(os.lstat(socket_path).st_mode):
            print(f"dockernet_sim: {socket_path} exists and is not a socket", file=sys.stderr)
            return 1
        os.unlink(socket_path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        sock.bind(socket_path)
    except OSError as e:
        print(f"dockernet_sim: {e}", file=sys.stderr)
        return 1
    finally:
        os.umask(old)
    print(f"no daemon (it did not start); connections to unix://{socket_path} are refused", flush=True)
    try:
        stop.wait()
    finally:
        sock.close()
        if os.path.exists(socket_path):
            os.unlink(socket_path)
    return 1
