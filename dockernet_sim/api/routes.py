"""The Engine API's endpoints over a simulated host: one function per endpoint, as dockerd's
``api/server/router`` has them (system, network, container, exec, image), each one Engine API
call on the host, atomic as the host's calls are.

Request bodies are the API's JSON (``ContainerConfig``, ``HostConfig``, ``NetworkingConfig``,
``NetworkCreateRequest``…) turned into the host's typed specs; responses are the documents the
host already renders for ``docker inspect``, and the list shapes of ``/containers/json`` and
``/networks``. Errors carry the daemon's text with its HTTP status (errdefs → 400/403/404/409/500).
Output of a container's command (``attach``, ``logs``) and of ``exec`` is what the simulator's
own shell computes for the same command.
"""

from __future__ import annotations

import json
import re
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Optional

from ..records import dataclass, field
from ..daemon.container import EXEC_PAUSED
from ..daemon.specs import ContainerSpec, EndpointSpec
from ..errors import Conflict, DockerError, InvalidParameter, NotFound
from ..result import Result
from ..userland.processes import ends_by_itself, runs_until_stopped, shell_greeting
from .http import STDERR, STDOUT, Request, Response, error_response, frame, json_response

if TYPE_CHECKING:
    from ..host import DockerHost


@dataclass
class _Exec:
    id: str
    container: str
    cmd: list[str]
    tty: bool
    env: list[str]
    workdir: str
    user: str = ""
    running: bool = False
    exit_code: Optional[int] = None


@dataclass
class _Output:
    """What a container's main process printed, for attach and logs."""
    stdout: str = ""
    stderr: str = ""
    done: threading.Event = field(default_factory=threading.Event)


def _version_tuple(v: str) -> tuple[int, int]:
    a, _, b = v.partition(".")
    return int(a), int(b or 0)


class EngineAPI:
    """A WSGI-like application: ``api(request) -> response``, one lock around each call."""

    def __init__(self, host: "DockerHost") -> None:
        from ..terminal import Session
        self.h = host
        self.lock = threading.RLock()
        self.session = Session(engine=host.profile, seed=0, host=host)
        self.execs: dict[str, _Exec] = {}
        self.attached: set[str] = set()                 # containers a client attached to before start
        self.outputs: dict[str, _Output] = {}
        self.events: list[dict[str, Any]] = []
        self.events_changed = threading.Condition(self.lock)
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Response]]] = []
        for method, pattern, fn in (
            ("GET", r"/_ping", self.ping), ("HEAD", r"/_ping", self.ping), ("GET", r"/version", self.version),
            ("GET", r"/info", self.info), ("GET", r"/events", self.events_stream),
            ("GET", r"/networks", self.network_list), ("POST", r"/networks/create", self.network_create),
            ("POST", r"/networks/prune", self.network_prune), ("GET", r"/networks/(?P<ref>[^/]+)", self.network_inspect),
            ("DELETE", r"/networks/(?P<ref>[^/]+)", self.network_remove),
            ("POST", r"/networks/(?P<ref>[^/]+)/connect", self.network_connect),
            ("POST", r"/networks/(?P<ref>[^/]+)/disconnect", self.network_disconnect),
            ("GET", r"/containers/json", self.container_list), ("POST", r"/containers/create", self.container_create),
            ("GET", r"/containers/(?P<ref>[^/]+)/json", self.container_inspect),
            ("POST", r"/containers/(?P<ref>[^/]+)/start", self.container_start),
            ("POST", r"/containers/(?P<ref>[^/]+)/stop", self.container_stop),
            ("POST", r"/containers/(?P<ref>[^/]+)/restart", self.container_restart),
            ("POST", r"/containers/(?P<ref>[^/]+)/kill", self.container_kill),
            ("POST", r"/containers/(?P<ref>[^/]+)/pause", self.container_pause),
            ("POST", r"/containers/(?P<ref>[^/]+)/unpause", self.container_unpause),
            ("POST", r"/containers/(?P<ref>[^/]+)/rename", self.container_rename),
            ("POST", r"/containers/(?P<ref>[^/]+)/wait", self.container_wait),
            ("POST", r"/containers/(?P<ref>[^/]+)/attach", self.container_attach),
            ("GET", r"/containers/(?P<ref>[^/]+)/logs", self.container_logs),
            ("GET", r"/containers/(?P<ref>[^/]+)/top", self.container_top),
            ("POST", r"/containers/(?P<ref>[^/]+)/resize", self.accepted),
            ("DELETE", r"/containers/(?P<ref>[^/]+)", self.container_remove),
            ("POST", r"/containers/(?P<ref>[^/]+)/exec", self.exec_create),
            ("POST", r"/exec/(?P<ref>[^/]+)/start", self.exec_start),
            ("POST", r"/exec/(?P<ref>[^/]+)/resize", self.accepted),
            ("GET", r"/exec/(?P<ref>[^/]+)/json", self.exec_inspect),
            ("GET", r"/volumes", self.volume_list),
            ("GET", r"/images/json", self.image_list), ("POST", r"/images/create", self.image_create),
            ("GET", r"/images/(?P<ref>.+)/json", self.image_inspect),
            ("POST", r"/images/(?P<ref>.+)/tag", self.image_tag),
            ("DELETE", r"/images/(?P<ref>.+)", self.image_remove),
        ):
            self.routes.append((method, re.compile(pattern + "$"), fn))

    # -- dispatch ---------------------------------------------------------------------------
    def __call__(self, req: Request) -> Response:
        p = self.h.profile
        if req.version is not None:
            asked = _version_tuple(req.version)
            if asked > _version_tuple(p.api_version):
                return error_response(400, f"client version {req.version} is too new. Maximum supported API "
                                           f"version is {p.api_version}")
            if asked < _version_tuple(p.min_api_version):
                return error_response(400, f"client version {req.version} is too old. Minimum supported API "
                                           f"version is {p.min_api_version}, please upgrade your client to a "
                                           f"newer version")
        allowed = False
        for method, pattern, fn in self.routes:
            m = pattern.match(req.path)
            if m is None:
                continue
            allowed = True
            if method != req.method:
                continue
            try:
                if fn in (self.container_attach, self.exec_start, self.events_stream, self.container_wait):
                    return fn(req, **m.groupdict())           # these wait: they take the lock themselves
                with self.lock:
                    return fn(req, **m.groupdict())
            except DockerError as e:
                return error_response(e.status, str(e))
            except (ValueError, KeyError) as e:
                return error_response(400, str(e))
        if allowed:
            return error_response(405, "method not allowed")
        return error_response(404, "page not found")

    def accepted(self, req: Request, ref: str = "") -> Response:
        return Response(200, b"")

    def event(self, kind: str, action: str, actor_id: str, attributes: dict[str, str]) -> None:
        ns = self.h.rand.peek_ns()
        self.events.append({"Type": kind, "Action": action, "Actor": {"ID": actor_id, "Attributes": attributes},
                            "scope": "local", "time": ns // 1_000_000_000, "timeNano": ns})
        self.events_changed.notify_all()

    # -- system -----------------------------------------------------------------------------
    def ping(self, req: Request) -> Response:
        return Response(200, b"OK", "text/plain; charset=utf-8",
                        {"Cache-Control": "no-cache, no-store, must-revalidate", "Pragma": "no-cache",
                         "Builder-Version": "2"})

    def version(self, req: Request) -> Response:
        p = self.h.profile
        return json_response({
            "Platform": {"Name": ""},
            "Components": [{"Name": "Engine", "Version": p.engine_version,
                            "Details": {"ApiVersion": p.api_version, "Arch": "amd64", "Os": "linux",
                                        "MinAPIVersion": p.min_api_version}}],
            "Version": p.engine_version, "ApiVersion": p.api_version, "MinAPIVersion": p.min_api_version,
            "GitCommit": "", "GoVersion": "", "Os": "linux", "Arch": "amd64", "KernelVersion": "",
            "BuildTime": ""})

    def info(self, req: Request) -> Response:
        h = self.h
        cs = h.container_list(all=True)
        running = sum(1 for c in cs if c.status == "running")
        return json_response({
            "ID": "", "Containers": len(cs), "ContainersRunning": running,
            "ContainersPaused": 0, "ContainersStopped": len(cs) - running, "Images": len(h.images),
            "Driver": "overlay2", "Name": h.host.hostname, "ServerVersion": h.profile.engine_version,
            "OperatingSystem": "Debian GNU/Linux", "OSType": "linux", "Architecture": "x86_64", "NCPU": 2,
            "IPv4Forwarding": True, "BridgeNfIptables": True, "BridgeNfIp6tables": True,
            "DockerRootDir": "/var/lib/docker", "Swarm": {"LocalNodeState": "inactive"},
            "Plugins": {"Network": ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"]}})

    def events_stream(self, req: Request) -> Response:
        """Events as they happen while the client listens (``until`` ends the stream)."""
        with self.lock:
            start = len(self.events)

        def chunks() -> Any:
            seen = start
            deadline = time.monotonic() + 3600
            while time.monotonic() < deadline:
                with self.lock:
                    while seen >= len(self.events):
                        if not self.events_changed.wait(timeout=1.0) and req.arg("until"):
                            return
                    batch = self.events[seen:]
                    seen = len(self.events)
                for e in batch:
                    yield (json.dumps(e) + "\n").encode()
        return Response(200, chunks=chunks())

    # -- networks ---------------------------------------------------------------------------
    def _filters(self, req: Request) -> list[str]:
        raw = req.arg("filters")
        if not raw:
            return []
        doc = json.loads(raw)
        out = []
        for key, values in doc.items():
            items = values.items() if isinstance(values, dict) else ((v, True) for v in values)
            out += [f"{key}={v}" for v, on in items if on]
        return out

    def network_list(self, req: Request) -> Response:
        from ..client.filters import filter_networks
        nets = filter_networks(self.h, self._filters(req))
        docs = []
        for n in nets:
            doc = self.h.network_inspect(n.id)
            doc["Containers"] = {}
            docs.append(doc)
        return json_response(docs)

    def network_inspect(self, req: Request, ref: str) -> Response:
        doc = self.h.network_inspect(ref)
        return json_response(doc)

    def network_create(self, req: Request) -> Response:
        body = req.json()
        name = body.get("Name")
        if not isinstance(name, str) or not name:
            raise InvalidParameter("invalid name: name is empty")
        ipam = body.get("IPAM") or {}
        nid = self.h.network_create(
            name, driver=body.get("Driver") or "bridge", options=body.get("Options") or {},
            ipam_config=[{k: v for k, v in c.items() if v} for c in (ipam.get("Config") or [])],
            ipam_driver=ipam.get("Driver") or "default", ipam_options=ipam.get("Options"),
            internal=bool(body.get("Internal")), attachable=bool(body.get("Attachable")),
            labels=body.get("Labels") or {}, enable_ipv6=body.get("EnableIPv6"),
            check_duplicate=bool(body.get("CheckDuplicate", True)), scope=body.get("Scope") or "",
            config_only=bool(body.get("ConfigOnly")), config_from=(body.get("ConfigFrom") or {}).get("Network", ""),
            ingress=bool(body.get("Ingress")))
        self.event("network", "create", nid, {"name": name, "type": body.get("Driver") or "bridge"})
        return json_response({"Id": nid, "Warning": ""}, 201)

    def network_remove(self, req: Request, ref: str) -> Response:
        net = self.h.network_get(ref)
        self.h.network_remove(ref)
        self.event("network", "destroy", net.id, {"name": net.name, "type": net.driver})
        return Response(204)

    def network_prune(self, req: Request) -> Response:
        removed = self.h.networks_prune(self._filters(req))
        return json_response({"NetworksDeleted": removed or None})

    def network_connect(self, req: Request, ref: str) -> Response:
        body = req.json()
        es = body.get("EndpointConfig") or {}
        ipam = es.get("IPAMConfig") or {}
        spec = EndpointSpec(ipv4=ipam.get("IPv4Address") or "", ipv6=ipam.get("IPv6Address") or "",
                            aliases=list(es.get("Aliases") or []), links=list(es.get("Links") or []),
                            mac=es.get("MacAddress") or "", driver_opts=es.get("DriverOpts"),
                            gw_priority=int(es.get("GwPriority") or 0))
        self.h.network_connect(ref, body.get("Container") or "", spec)
        return Response(200, b"")

    def network_disconnect(self, req: Request, ref: str) -> Response:
        body = req.json()
        self.h.network_disconnect(ref, body.get("Container") or "", force=bool(body.get("Force")))
        return Response(200, b"")

    # -- containers -------------------------------------------------------------------------
    def container_create(self, req: Request) -> Response:
        body = req.json()
        spec = container_spec(body, req.arg("name"))
        cid, warnings = self.h.container_create(spec)
        c = self.h.find_container(cid)
        self.event("container", "create", cid, {"image": c.image_ref, "name": c.name})
        return json_response({"Id": cid, "Warnings": warnings or []}, 201)

    def container_inspect(self, req: Request, ref: str) -> Response:
        return json_response(self.h.container_inspect(ref))

    def container_list(self, req: Request) -> Response:
        from ..client.filters import filter_containers
        limit = int(req.arg("limit") or -1)
        cs = filter_containers(self.h, self.h.container_list(all=True), self._filters(req),
                               all=req.flag("all"), limit=limit)
        return json_response([container_summary(self.h, c, req.flag("size")) for c in cs])

    def container_start(self, req: Request, ref: str) -> Response:
        c = self.h.find_container(ref)
        if c.status == "running":
            return Response(304)
        self.h.container_start(ref)
        self.event("container", "start", c.id, {"image": c.image_ref, "name": c.name})
        if c.id in self.attached:                       # an attached run: its command's output
            self._run_main(c)
        elif ends_by_itself(c.argv, c.tty, c.open_stdin):
            # a command that ends runs to its end at once (a compose service's `command: ["true"]`
            # that another waits for to complete, c35, c38; `docker run -d busybox echo hi`, r160)
            self._run_main(c)
        else:
            greeting = shell_greeting(c.argv, c.tty, c.image.tools)   # an interactive shell (r191)
            if greeting:
                self.h.container_output(c.id, greeting, "")
        return Response(204)

    def _run_main(self, c: Any) -> None:
        """An attached container's command, run as the simulator's shell runs ``docker run``
        without ``-d``: its output for attach and logs, then the container exits with its
        status. (A detached container with a terminal or open input keeps running, as the shell's
        ``docker run -itd`` does.)"""
        out = self.outputs.setdefault(c.id, _Output())
        r = self.session._attached_run(c.id, list(c.cmd))
        out.stdout += r.stdout
        out.stderr += r.stderr
        self.h.container_output(c.id, r.stdout, r.stderr)
        self.h.container_exited(c.id, r.exit_code)
        out.done.set()

    def container_stop(self, req: Request, ref: str) -> Response:
        c = self.h.find_container(ref)
        if c.status != "running":
            return Response(304)
        self.h.container_stop(ref)
        self.event("container", "stop", c.id, {"image": c.image_ref, "name": c.name})
        return Response(204)

    def container_restart(self, req: Request, ref: str) -> Response:
        self.h.container_restart(ref)
        return Response(204)

    def container_kill(self, req: Request, ref: str) -> Response:
        self.h.container_kill(ref, req.arg("signal") or "KILL")
        return Response(204)

    def container_pause(self, req: Request, ref: str) -> Response:
        self.h.container_pause(ref)
        c = self.h.find_container(ref)
        self.event("container", "pause", c.id, {"image": c.image_ref, "name": c.name})
        return Response(204)

    def container_unpause(self, req: Request, ref: str) -> Response:
        self.h.container_unpause(ref)
        c = self.h.find_container(ref)
        self.event("container", "unpause", c.id, {"image": c.image_ref, "name": c.name})
        return Response(204)

    def container_rename(self, req: Request, ref: str) -> Response:
        self.h.container_rename(ref, req.arg("name"))
        return Response(204)

    def container_remove(self, req: Request, ref: str) -> Response:
        c = self.h.find_container(ref)
        self.h.container_remove(ref, force=req.flag("force"))
        self.outputs.pop(c.id, None)
        self.event("container", "destroy", c.id, {"image": c.image_ref, "name": c.name})
        return Response(204)

    def container_wait(self, req: Request, ref: str) -> Response:
        with self.lock:
            c = self.h.find_container(ref)
            out = self.outputs.setdefault(c.id, _Output())
            if c.status != "running":
                return json_response({"StatusCode": c.exit_code, "Error": None})
            if not out.done.is_set() and not runs_until_stopped(c.cmd, c.tty, c.open_stdin):
                self._run_main(c)                       # a command that ends: waiting sees it end
        out.done.wait(timeout=3600)
        with self.lock:
            return json_response({"StatusCode": self.h.find_container(ref).exit_code, "Error": None})

    def container_attach(self, req: Request, ref: str) -> Response:
        with self.lock:
            c = self.h.find_container(ref)
            out = self.outputs.setdefault(c.id, _Output())
            tty = bool(c.tty)
            if req.flag("stream"):
                self.attached.add(c.id)

        def stream(write: Callable[[bytes], None]) -> None:
            out.done.wait(timeout=3600)
            _write_output(write, out.stdout, out.stderr, tty)
        return Response(200, stream=stream, content_type="application/vnd.docker.raw-stream"
                        if tty else "application/vnd.docker.multiplexed-stream")

    def container_logs(self, req: Request, ref: str) -> Response:
        c = self.h.find_container(ref)
        out = self.outputs.setdefault(c.id, _Output())
        if req.flag("follow") and c.status == "running" and not out.done.is_set() \
                and not runs_until_stopped(c.cmd, c.tty, c.open_stdin):
            self._run_main(c)                           # following a command that ends: to its end
        data = b""
        if req.flag("stdout") and out.stdout:
            data += out.stdout.encode() if c.tty else frame(STDOUT, out.stdout.encode())
        if req.flag("stderr") and out.stderr:
            data += out.stderr.encode() if c.tty else frame(STDERR, out.stderr.encode())
        return Response(200, data, "application/vnd.docker.raw-stream" if c.tty else
                        "application/vnd.docker.multiplexed-stream")

    def container_top(self, req: Request, ref: str) -> Response:
        titles, processes = self.h.container_top(ref, req.arg("ps_args") or "")
        return json_response({"Titles": titles, "Processes": processes})

    # -- exec -------------------------------------------------------------------------------
    def exec_create(self, req: Request, ref: str) -> Response:
        body = req.json()
        c = self.h.find_container(ref)
        if not c.running:
            raise Conflict(f"container {c.id} is not running")
        if c.paused:
            raise Conflict(EXEC_PAUSED.format(term=ref))
        cmd = body.get("Cmd")
        if not isinstance(cmd, list) or not cmd:
            raise InvalidParameter("No exec command specified")
        eid = self.h.rand.object_id()
        self.execs[eid] = _Exec(eid, c.id, [str(x) for x in cmd], bool(body.get("Tty")),
                                [str(x) for x in body.get("Env") or []], str(body.get("WorkingDir") or ""),
                                str(body.get("User") or ""))
        return json_response({"Id": eid}, 201)

    def exec_start(self, req: Request, ref: str) -> Response:
        with self.lock:
            ex = self.execs.get(ref)
            if ex is None:
                return error_response(404, f"No such exec instance: {ref}")
            body = req.json() if req.body else {}
            detach = bool(body.get("Detach"))
            argv = (["-d"] if detach else []) + (["-t"] if ex.tty else []) + \
                [a for e in ex.env for a in ("-e", e)] + (["-w", ex.workdir] if ex.workdir else []) + \
                (["-u", ex.user] if ex.user else []) + [ex.container] + ex.cmd
            r: Result = self.session.docker_exec(argv)
            ex.exit_code = r.exit_code
        if detach:
            # a detached start fails only when the process cannot start: the daemon's own error
            if r.exit_code:
                return error_response(500, r.stderr.strip().removeprefix("Error response from daemon: "))
            return Response(200, b"")

        def stream(write: Callable[[bytes], None]) -> None:
            _write_output(write, r.stdout, r.stderr, ex.tty)
        return Response(200, stream=stream, content_type="application/vnd.docker.raw-stream" if ex.tty
                        else "application/vnd.docker.multiplexed-stream")

    def exec_inspect(self, req: Request, ref: str) -> Response:
        ex = self.execs.get(ref)
        if ex is None:
            raise NotFound(f"No such exec instance: {ref}")
        return json_response({"ID": ex.id, "Running": False, "ExitCode": ex.exit_code, "ContainerID": ex.container,
                              "ProcessConfig": {"tty": ex.tty, "entrypoint": ex.cmd[0], "arguments": ex.cmd[1:]},
                              "OpenStdin": False, "OpenStderr": True, "OpenStdout": True, "CanRemove": False,
                              "DetachKeys": "", "Pid": 0})

    # -- volumes (the simulator models none) ---------------------------------------------------
    def volume_list(self, req: Request) -> Response:
        return json_response({"Volumes": [], "Warnings": None})

    # -- images -----------------------------------------------------------------------------
    def image_list(self, req: Request) -> Response:
        from ..daemon.images import IMAGE_SIZE, select
        try:
            rows = select(self.h.image_list(), self._filters(req))
        except ValueError as e:
            raise InvalidParameter(str(e)) from None
        tags: dict[str, list[str]] = {}
        for r in rows:
            tags.setdefault(r.image.id, []).append(f"{r.repository}:{r.tag}")
        created = self.h.rand.EPOCH_NS // 1_000_000_000
        return json_response([{"Id": "sha256:" + iid, "RepoTags": refs, "RepoDigests": [], "Created": created,
                               "Size": IMAGE_SIZE, "SharedSize": -1, "Labels": None, "Containers": -1,
                               "ParentId": ""} for iid, refs in tags.items()])

    def image_inspect(self, req: Request, ref: str) -> Response:
        return json_response(self.h.image_inspect(ref))

    def _known_image(self, ref: str) -> bool:
        base = ref if ":" in ref.rsplit("/", 1)[-1] else ref + ":latest"
        return any((im.name if ":" in im.name else im.name + ":latest") == base for im in self.h.images.values())

    def image_create(self, req: Request) -> Response:
        ref = req.arg("fromImage") + (":" + req.arg("tag") if req.arg("tag") else "")
        if not self._known_image(ref):
            host = ref.split("/")[0] if "/" in ref and "." in ref.split("/")[0] else "registry-1.docker.io"
            return error_response(500, f'Get "https://{host}/v2/": dial tcp: lookup {host}: no such host')
        status = f"Status: Image is up to date for {ref}"
        return Response(200, (json.dumps({"status": status}) + "\n").encode())

    def image_tag(self, req: Request, ref: str) -> Response:
        if not self._known_image(ref):
            raise NotFound(f"No such image: {ref}")
        new = req.arg("repo") + (":" + req.arg("tag") if req.arg("tag") else "")
        self.h.image_tag(ref, new)
        return Response(201, b"")

    def image_remove(self, req: Request, ref: str) -> Response:
        done = self.h.image_remove(ref, force=req.flag("force"))
        return json_response([{line.split(": ", 1)[0]: line.split(": ", 1)[1]} for line in done])


def _write_output(write: Callable[[bytes], None], stdout: str, stderr: str, tty: bool) -> None:
    if tty:
        if stdout or stderr:
            write((stdout + stderr).replace("\n", "\r\n").encode())
        return
    if stdout:
        write(frame(STDOUT, stdout.encode()))
    if stderr:
        write(frame(STDERR, stderr.encode()))


def container_spec(body: dict[str, Any], name: str) -> ContainerSpec:
    """POST /containers/create's body as the host's :class:`ContainerSpec`."""
    hc = body.get("HostConfig") or {}
    nc = (body.get("NetworkingConfig") or {}).get("EndpointsConfig") or {}
    networks = {}
    for net, es in nc.items():
        es = es or {}
        ipam = es.get("IPAMConfig") or {}
        networks[net] = EndpointSpec(ipv4=ipam.get("IPv4Address") or "", ipv6=ipam.get("IPv6Address") or "",
                                     aliases=list(es.get("Aliases") or []), links=list(es.get("Links") or []),
                                     mac=es.get("MacAddress") or "", driver_opts=es.get("DriverOpts"),
                                     gw_priority=int(es.get("GwPriority") or 0))
    bindings = {k: [{"HostIp": b.get("HostIp") or "", "HostPort": b.get("HostPort") or ""} for b in (v or [])]
                for k, v in (hc.get("PortBindings") or {}).items()}
    cmd = body.get("Cmd")
    entrypoint = body.get("Entrypoint")
    return ContainerSpec(
        image=str(body.get("Image") or ""), cmd=[str(x) for x in cmd] if cmd else None,
        entrypoint=[str(x) for x in entrypoint] if entrypoint else None, name=name,
        hostname=str(body.get("Hostname") or ""), domainname=str(body.get("Domainname") or ""),
        network_mode=str(hc.get("NetworkMode") or ""), networks=networks, port_bindings=bindings,
        publish_all=bool(hc.get("PublishAllPorts")), expose=list((body.get("ExposedPorts") or {}).keys()),
        dns=_list_or_null(hc.get("Dns")), dns_search=_list_or_null(hc.get("DnsSearch")),
        dns_options=list(hc.get("DnsOptions") or []), extra_hosts=_list_or_null(hc.get("ExtraHosts")),
        links=list(hc.get("Links") or []), mac_address=str(body.get("MacAddress") or ""),
        tty=bool(body.get("Tty")), open_stdin=bool(body.get("OpenStdin")), labels=dict(body.get("Labels") or {}),
        env=[str(e) for e in body.get("Env") or []], user=str(body.get("User") or ""),
        sysctls={str(k): str(v) for k, v in (hc.get("Sysctls") or {}).items()})


def _list_or_null(value: Any) -> Optional[list[str]]:
    """A list field of a create body: null (or absent) stays null, as the daemon keeps it."""
    return None if value is None else [str(x) for x in value]


def container_summary(h: "DockerHost", c: Any, size: bool) -> dict[str, Any]:
    """One entry of GET /containers/json."""
    from ..client.rows import api_ports, status_text
    doc = h.container_inspect(c.id)
    nets = doc.get("NetworkSettings", {}).get("Networks") or {}
    out: dict[str, Any] = {
        "Id": c.id, "Names": ["/" + c.name], "Image": c.image_ref, "ImageID": "sha256:" + c.image.id,
        "Command": " ".join(c.cmd), "Created": c.created_ns // 1_000_000_000,
        "Ports": [{k: v for k, v in (("IP", ip), ("PrivatePort", priv), ("PublicPort", pub), ("Type", typ))
                   if not (k in ("IP", "PublicPort") and not v)} for ip, priv, pub, typ in api_ports(c)],
        "Labels": dict(c.labels), "State": c.state, "Status": status_text(h, c),
        "HostConfig": {"NetworkMode": doc.get("HostConfig", {}).get("NetworkMode", "")},
        "NetworkSettings": {"Networks": nets}, "Mounts": []}
    if size:
        out["SizeRw"] = 0
        out["SizeRootFs"] = 0
    return out
