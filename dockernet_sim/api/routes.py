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

import itertools
import json
import re
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Optional
from urllib.parse import unquote

from ..records import Record, field
from ..daemon.container import EXEC_PAUSED
from ..daemon.health import HealthConfig
from ..daemon.specs import ContainerSpec, EndpointSpec, MountSpec
from ..daemon.volumes import mount_document
from ..errors import Conflict, DockerError, InvalidParameter, NotFound
from ..result import Result
from ..userland.processes import ends_after_sleeping, ends_by_itself, runs_until_stopped, shell_greeting
from .http import STDERR, STDOUT, Request, Response, error_response, frame, json_response

if TYPE_CHECKING:
    from ..host import DockerHost


class _Exec(Record):
    id: str
    container: str
    cmd: list[str]
    tty: bool
    env: list[str]
    workdir: str
    user: str = ""
    running: bool = False
    exit_code: Optional[int] = None


class _Output(Record):
    """What a container's main process printed through the API's runs (for attach: the log
    itself is the daemon's), and the container's task as ``wait`` and ``attach`` follow it: how
    many starts succeeded and failed, in which start its command last ran, how often its task
    ended and with what status, whether the daemon removed it."""
    stdout: str = ""
    stderr: str = ""
    starts: int = 0
    failed_starts: int = 0
    main_ran_in: int = 0                 # the start (count) in which the command last ran to its end
    exits: int = 0
    exit_code: int = 0
    removed: bool = False
    attach_streams: int = 0              # attach streams not yet closed
    removal_waits: int = 0               # waits for condition=removed not yet answered
    waits: int = 0                       # waits of any condition not yet answered
    sent: dict[int, tuple[int, int]] = field(default_factory=dict)   # attach stream -> output it wrote

    def main_pending(self) -> bool:
        """The container runs and its command has not run to its end in this start."""
        return self.main_ran_in < self.starts


DEFERRED_END = 0.5    # seconds an attached run nobody waits for or listens to keeps running
CLIENT_CLOCK_WINDOW = 7 * 24 * 3600 * 10**9   # nanoseconds around the client's now read as relative to it
OUTPUT_FLUSH = 0.5    # seconds a task's end waits for its attached clients to have its output


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
        self.attach_checks: dict[str, threading.Event] = {}   # attached to while running: the client's recheck
        self.outputs: dict[str, _Output] = {}
        self._last_request = time.monotonic()       # when the last request came (wall clock)
        self.deferred: dict[str, Any] = {}              # attached runs whose end waits for a listener
        self.stream_tokens = itertools.count(1)
        self.events_changed = threading.Condition(self.lock)   # a call made: an events stream looks again
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Response]]] = []
        for method, pattern, fn in (
            ("GET", r"/_ping", self.ping), ("HEAD", r"/_ping", self.ping), ("GET", r"/version", self.version),
            ("GET", r"/info", self.info), ("GET", r"/events", self.events_stream),
            ("GET", r"/system/df", self.system_df),
            ("POST", r"/images/prune", self.images_prune), ("POST", r"/build/prune", self.build_prune),
            ("GET", r"/networks", self.network_list), ("POST", r"/networks/create", self.network_create),
            # (a network's name may hold a '/', as moby's {id:.+} routes take it: r120)
            ("POST", r"/networks/prune", self.network_prune), ("GET", r"/networks/(?P<ref>.+)", self.network_inspect),
            ("DELETE", r"/networks/(?P<ref>.+)", self.network_remove),
            ("POST", r"/networks/(?P<ref>[^/]+)/connect", self.network_connect),
            ("POST", r"/networks/(?P<ref>[^/]+)/disconnect", self.network_disconnect),
            ("GET", r"/containers/json", self.container_list), ("POST", r"/containers/create", self.container_create),
            ("POST", r"/containers/prune", self.container_prune),
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
            ("GET", r"/volumes", self.volume_list), ("POST", r"/volumes/create", self.volume_create),
            ("POST", r"/volumes/prune", self.volume_prune),
            ("GET", r"/volumes/(?P<ref>[^/]+)", self.volume_inspect),
            ("DELETE", r"/volumes/(?P<ref>[^/]+)", self.volume_remove),
            ("POST", r"/containers/(?P<ref>[^/]+)/update", self.container_update),
            ("GET", r"/containers/(?P<ref>[^/]+)/stats", self.container_stats),
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
        with self.lock:
            self._wall_time_passes()
        allowed = False
        for method, pattern, fn in self.routes:
            m = pattern.match(req.path)
            if m is None:
                continue
            allowed = True
            if method != req.method:
                continue
            # the path as sent, matched segment by segment; then each part decoded, as Go's
            # URL.Path is: a network named "a/b" or "a b" is /networks/a%2Fb, /networks/a%20b (r120)
            args = {k: unquote(v) for k, v in m.groupdict().items()}
            try:
                if fn in (self.container_attach, self.exec_start, self.events_stream, self.container_wait):
                    return fn(req, **args)                    # these wait: they take the lock themselves
                with self.lock:
                    try:
                        return fn(req, **args)
                    finally:
                        self.events_changed.notify_all()
            except DockerError as e:
                return error_response(e.status, str(e))
            except (ValueError, KeyError) as e:
                return error_response(400, str(e))
        if allowed:
            return error_response(405, "method not allowed")
        return error_response(404, "page not found")

    def _wall_time_passes(self) -> None:
        """A real client waits in real time (compose polling a dependency's health, a script's
        sleep): while some container has a health check running, the host's clock follows the
        wall clock between requests and the due probes run (daemon/health.py). A host without
        checks keeps its seeded clock, so its answers stay byte for byte the same."""
        now = time.monotonic()
        last, self._last_request = self._last_request, now
        if self.h.daemon.store.monitored and now > last:
            from ..daemon.health import let_time_pass
            let_time_pass(self.h, int((now - last) * 1e9), self.session.probe)

    def accepted(self, req: Request, ref: str = "") -> Response:
        return Response(200, b"")

    # -- system -----------------------------------------------------------------------------
    def ping(self, req: Request) -> Response:
        headers = {"Cache-Control": "no-cache, no-store, must-revalidate", "Pragma": "no-cache"}
        if self.h.profile.ping_builder_version:
            headers["Builder-Version"] = self.h.profile.ping_builder_version
        if self.h.profile.ping_swarm_header:
            headers["Swarm"] = "inactive"
        return Response(200, b"OK", "text/plain; charset=utf-8", headers)

    def version(self, req: Request) -> Response:
        from ..daemon.system import RECORDING_MACHINE, version_document
        return json_response(version_document(self.h.profile, RECORDING_MACHINE.kernel_version))

    def info(self, req: Request) -> Response:
        from ..daemon.system import info_document
        return json_response(info_document(self.h.system_info(), self.h.profile))

    def system_df(self, req: Request) -> Response:
        """GET /system/df: the images with their sizes, the containers as /containers/json lists them."""
        from ..daemon.system import df_document
        du = self.h.system_df()
        doc = df_document(du, self.h.rand.EPOCH_NS)
        doc["Containers"] = [dict(container_summary(self.h, c, True), SizeRw=0, SizeRootFs=0) for c in du.containers]
        return json_response(doc)

    def images_prune(self, req: Request) -> Response:
        """POST /images/prune: ``dangling=false`` (the client's --all) removes every unused image."""
        filters = self._filters(req)
        all_images = any(f in ("dangling=false", "dangling=0") for f in filters)
        lines = self.h.images_prune(all_images, [f for f in filters if not f.startswith("dangling=")])
        deleted = [{"Untagged" if line.startswith("untagged") else "Deleted": line.split(": ", 1)[1]} for line in lines]
        return json_response({"ImagesDeleted": deleted or None, "SpaceReclaimed": 0})

    def build_prune(self, req: Request) -> Response:
        return json_response({"CachesDeleted": None, "SpaceReclaimed": 0})

    def events_stream(self, req: Request) -> Response:
        """GET /events: the daemon's buffered events in the window (``since``, ``until``: Unix
        seconds[.nanoseconds] as the client sends them, read against the model's clock) that the
        filters let through, then those logged while the client listens; ``until`` ends the
        stream once the model's clock has passed it, or a second after the last event."""
        from ..daemon.events import EventFilter
        from ..daemon.networks import parse_timestamp
        from ..client.events import message_document
        with self.lock:
            now = self.h.rand.peek_ns()
            since, until = (parse_timestamp(req.arg(k), now) if req.arg(k) else None for k in ("since", "until"))
            filters = self._filters(req)
            keep = EventFilter.parse(filters) if filters else None
            log = self.h.daemon.event_log
            past = log.buffered(since, until, keep)
            seen = log.count
            closed = until is not None and until <= now
            self._end_deferred()               # a listener now: the runs it would see end

        def fresh() -> list[Any]:
            """What was logged since the stream last looked (at most the buffer)."""
            nonlocal seen
            new = log.count - seen
            seen = log.count
            if new <= 0:
                return []
            return [m for m in log.messages()[-new:]
                    if (keep is None or keep.include(m)) and (until is None or m.time_ns <= until)]

        def chunks() -> Any:
            for m in past:
                yield (json.dumps(message_document(m)) + "\n").encode()
            if closed:
                return
            deadline = time.monotonic() + 3600
            while time.monotonic() < deadline:
                with self.lock:
                    batch = fresh()
                    if not batch:
                        if not self.events_changed.wait(timeout=1.0) and until is not None:
                            return
                        batch = fresh()
                for m in batch:
                    yield (json.dumps(message_document(m)) + "\n").encode()
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
            enable_ipv4=body.get("EnableIPv4"),
            check_duplicate=bool(body.get("CheckDuplicate", True)), scope=body.get("Scope") or "",
            config_only=bool(body.get("ConfigOnly")), config_from=(body.get("ConfigFrom") or {}).get("Network", ""),
            ingress=bool(body.get("Ingress")))
        return json_response({"Id": nid, "Warning": ""}, 201)

    def network_remove(self, req: Request, ref: str) -> Response:
        net = self.h.network_get(ref)
        self.h.network_remove(ref)
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
        return json_response({"Id": cid, "Warnings": warnings or []}, 201)

    def container_inspect(self, req: Request, ref: str) -> Response:
        doc = self.h.container_inspect(ref)
        check = self.attach_checks.get(doc["Id"])
        if check is not None:
            check.set()                    # an attached client's second look: the script may end now
        return json_response(doc)

    def container_list(self, req: Request) -> Response:
        from ..client.filters import filter_containers
        limit = int(req.arg("limit") or -1)
        cs = filter_containers(self.h, self.h.container_list(all=True), self._filters(req),
                               all=req.flag("all"), limit=limit)
        return json_response([container_summary(self.h, c, req.flag("size")) for c in cs])

    def container_start(self, req: Request, ref: str) -> Response:
        c = self.h.find_container(ref)
        if c.running and not c.paused:      # (a paused one: the daemon's refusal, r180)
            return Response(304)
        out = self._output(c.id)
        try:
            self.session.client().start_container(c.id)    # runc's check of the program too (c42, r190)
        except DockerError:
            out.failed_starts += 1                          # (an attached client's stream ends)
            self._task_ended(c, ended=False)                # AutoRemove: a failed start removed it
            # dockerd closes the attach streams and answers a wait for the removal before its
            # answer to the start: the client sees them end first (20.10 prints no "error
            # waiting for container" then, or prints it after its own error: r79, r190)
            self.events_changed.wait_for(lambda: out.attach_streams == 0 and
                                         (not out.removed or out.removal_waits == 0), timeout=2.0)
            raise
        self._started(c)
        return Response(204)

    def _started(self, c: Any) -> None:
        """A start succeeded: the command of an attached run, or one that ends by itself, runs
        to its end now; an interactive shell greets."""
        self._output(c.id).starts += 1
        if c.id in self.attached:                       # an attached run: its command's output
            self.attached.discard(c.id)
            if self._output(c.id).waits:
                self._run_main(c)                       # (the docker CLI waits before it starts)
            else:
                self._defer_main(c)
        elif ends_by_itself(c.argv, c.tty, c.open_stdin):
            # a command that ends runs to its end at once (a compose service's `command: ["true"]`
            # that another waits for to complete, c35, c38; `docker run -d busybox echo hi`, r160)
            self._run_main(c)
        else:
            greeting = shell_greeting(c.argv, c.tty, c.image.tools)   # an interactive shell (r191)
            if greeting:
                self.h.container_output(c.id, greeting, "")

    def _defer_main(self, c: Any) -> None:
        """An attached run nobody waits for (compose: attach, start, then it listens to the
        events for the ``die``): its command ends once a client listens to the events or waits,
        or after :data:`DEFERRED_END` seconds — as a real task ends after the start's answer."""
        self.deferred[c.id] = c

        def end_later() -> None:
            with self.lock:
                self.events_changed.wait_for(lambda: c.id not in self.deferred, timeout=DEFERRED_END)
                if self.deferred.get(c.id) is c:
                    self._end_deferred(c.id)
        threading.Thread(target=end_later, name="dockernet_sim-deferred-end", daemon=True).start()

    def _end_deferred(self, only: Optional[str] = None) -> None:
        """The deferred attached runs (or the one of the container ``only``) run to their end
        now: a later call sees the task as it would be by then (a stop finds it exited)."""
        for cid, c in list(self.deferred.items()):
            if only is not None and cid != only:
                continue
            del self.deferred[cid]
            if self._exists(cid) and c.running and self._output(cid).main_pending():
                self._run_main(c)
        self.events_changed.notify_all()

    def _id_of(self, ref: str) -> str:
        """The ID of the container ``ref`` names, or "" (the call answers for a missing one)."""
        c = self._lookup(ref)
        return c.id if c is not None else ""

    def client_time(self, ns: Optional[int]) -> Optional[int]:
        """An instant a client computed from its own clock (``--since 1h`` is sent as now - 1h)
        on the simulated host's clock: a real daemon shares the client's clock, the simulated one
        keeps its own, so an instant within :data:`CLIENT_CLOCK_WINDOW` of the client's now is
        taken as that far from the host's now; other instants (``2000-01-01``, ``2099-01-01``,
        the host's own times) stay as they are."""
        if ns is None:
            return None
        ago = time.time_ns() - ns
        if abs(ago) > CLIENT_CLOCK_WINDOW:
            return ns
        return self.h.rand.peek_ns() - ago

    def _output(self, cid: str) -> _Output:
        return self.outputs.setdefault(cid, _Output())

    def _run_main(self, c: Any) -> None:
        """An attached container's command, run as the simulator's shell runs ``docker run``
        without ``-d``: its output for attach and the log, then the container exits with its
        status. (A detached container with a terminal or open input keeps running, as the shell's
        ``docker run -itd`` does.)"""
        out = self._output(c.id)
        out.main_ran_in = out.starts
        self.deferred.pop(c.id, None)
        r = self.session._attached_run(c.id, c.argv)
        out.stdout += r.stdout
        out.stderr += r.stderr
        if out.sent and (r.stdout or r.stderr):
            # the attached clients have the output before the task's end (its die event)
            printed = (len(out.stdout), len(out.stderr))
            self.events_changed.notify_all()
            self.events_changed.wait_for(lambda: all(v == printed for v in out.sent.values()), timeout=OUTPUT_FLUSH)
        self.h.container_output(c.id, r.stdout, r.stderr)
        self.h.container_exited(c.id, r.exit_code)
        self._task_ended(c, ended=True)

    def _exists(self, cid: str) -> bool:
        try:
            self.h.find_container(cid)
        except NotFound:
            return False
        return True

    def _task_ended(self, c: Any, ended: bool) -> None:
        """After a call that may have ended ``c``'s task (``ended``: it did) or removed ``c`` (the
        daemon removes an AutoRemove container with its task): what ``wait`` and ``events`` see —
        ``die`` with the exit status, ``destroy`` once it is gone."""
        out = self._output(c.id)
        if ended:
            out.exits += 1
            out.exit_code = c.exit_code
        if not out.removed and not self._exists(c.id):
            out.removed = True
            out.exit_code = c.exit_code         # (a failed start's: 127 or 128)
        self.events_changed.notify_all()

    def container_stop(self, req: Request, ref: str) -> Response:
        self._end_deferred(self._id_of(ref))
        c = self.h.find_container(ref)
        if c.status != "running":
            return Response(304)
        self.h.container_stop(ref)
        self._task_ended(c, ended=True)
        return Response(204)

    def _lookup(self, ref: str) -> Any:
        """The container ``ref`` names, or None: the call itself then says so in its own words
        (``cannot kill container: x: No such container: x``, r29)."""
        try:
            return self.h.find_container(ref)
        except NotFound:
            return None

    def container_restart(self, req: Request, ref: str) -> Response:
        self._end_deferred(self._id_of(ref))
        c = self._lookup(ref)
        if c is None:
            self.session.client().restart_container(ref)
        was_running = c.running
        try:
            self.session.client().restart_container(ref)   # runc's check of the program (r190)
        finally:
            if was_running:              # (a restart's stop ends the task; AutoRemove keeps it)
                self._task_ended(c, ended=True)
        self._started(c)
        return Response(204)

    def container_kill(self, req: Request, ref: str) -> Response:
        self._end_deferred(self._id_of(ref))
        c = self._lookup(ref)
        self.h.container_kill(ref, req.arg("signal") or "KILL")
        if c is not None and not c.running:
            self._task_ended(c, ended=True)
        return Response(204)

    def container_pause(self, req: Request, ref: str) -> Response:
        self._end_deferred(self._id_of(ref))
        self.h.container_pause(ref)
        c = self.h.find_container(ref)
        return Response(204)

    def container_unpause(self, req: Request, ref: str) -> Response:
        self.h.container_unpause(ref)
        c = self.h.find_container(ref)
        return Response(204)

    def container_rename(self, req: Request, ref: str) -> Response:
        self.h.container_rename(ref, req.arg("name"))
        return Response(204)

    def container_remove(self, req: Request, ref: str) -> Response:
        self._end_deferred(self._id_of(ref))
        c = self.h.find_container(ref)
        was_running = c.running
        self.h.container_remove(ref, force=req.flag("force"), volumes=req.flag("v"))
        self._task_ended(c, ended=was_running)
        self.outputs.pop(c.id, None)
        return Response(204)

    def container_prune(self, req: Request) -> Response:
        stopped = {c.id: c for c in self.h.container_list(all=True) if not c.running}   # (for the events)
        removed = self.h.containers_prune(self._filters(req))
        for cid in removed:
            c = stopped[cid]
            self.outputs.pop(cid, None)
        return json_response({"ContainersDeleted": removed or None, "SpaceReclaimed": 0})

    def container_wait(self, req: Request, ref: str) -> Response:
        """POST /containers/{id}/wait: the headers at once (a client waits for them before it
        starts the container, run.go), the status once the condition holds: ``not-running``
        (the default), ``next-exit`` (the task's next end), ``removed`` (the daemon removed it:
        ``docker run --rm``)."""
        condition = req.arg("condition") or "not-running"
        if condition not in ("not-running", "next-exit", "removed"):
            from ..golang.template import go_quote
            raise InvalidParameter(f"invalid condition: {go_quote(condition)}")    # (moby's words, not recorded)
        with self.lock:
            c = self.h.find_container(ref)
            out = self._output(c.id)
            seen = out.exits
            if condition == "not-running" and not c.running:
                return json_response({"StatusCode": c.exit_code})
            if c.running and out.main_pending() and not runs_until_stopped(c.argv, c.tty, c.open_stdin):
                self._run_main(c)                       # a command that ends: waiting sees it end

            if condition == "removed":
                out.removal_waits += 1
            out.waits += 1

        def satisfied() -> bool:
            return out.removed if condition == "removed" else out.exits > seen

        def chunks() -> Any:
            deadline = time.monotonic() + 3600
            try:
                with self.lock:
                    while not satisfied():
                        if time.monotonic() > deadline:
                            return
                        self.events_changed.wait(timeout=1.0)
                    code = out.exit_code
                yield (json.dumps({"StatusCode": code}) + "\n").encode()
            finally:                            # (after the answer is written, or the client left)
                with self.lock:
                    out.waits -= 1
                    if condition == "removed":
                        out.removal_waits -= 1
                    self.events_changed.notify_all()
        return Response(200, chunks=chunks())

    def container_attach(self, req: Request, ref: str) -> Response:
        """The container's output from now until its task ends (or its start fails): a client
        attaches before it starts the container (``run``, ``start -a``), and sees that run's."""
        with self.lock:
            c = self.h.find_container(ref)
            out = self._output(c.id)
            tty = bool(c.tty)
            if req.flag("stream"):
                self.attached.add(c.id)
            self.h.container_attach(c.id)       # the daemon logs `attach` (r270)
            exits, failed, at_out, at_err = out.exits, out.failed_starts, len(out.stdout), len(out.stderr)
            out.attach_streams += 1
            token = next(self.stream_tokens)
            out.sent[token] = (at_out, at_err)
            # a script that only sleeps a while runs to its end once the client, attached, has
            # looked at the container again (attach.go checks it still runs) (r223)
            checked = None
            if c.running and out.main_pending() and ends_after_sleeping(c.argv) and not c.servers:
                checked = self.attach_checks.setdefault(c.id, threading.Event())

        def stream(write: Callable[[bytes], None]) -> None:
            deadline = time.monotonic() + 3600
            try:
                if checked is not None:
                    checked.wait(timeout=2.0)
                    with self.lock:
                        self.attach_checks.pop(c.id, None)
                        if c.running and out.main_pending():
                            mark = out.sent.pop(token)          # (the run need not wait for this stream)
                            self._run_main(c)
                            out.sent[token] = mark
                sent_out, sent_err = at_out, at_err
                while True:
                    # the output as the command prints it, before the task's end is known (compose
                    # prints a service's lines, then "exited with code" from the die event)
                    with self.lock:
                        while out.exits == exits and out.failed_starts == failed and not out.removed \
                                and (len(out.stdout), len(out.stderr)) == (sent_out, sent_err) \
                                and time.monotonic() < deadline:
                            self.events_changed.wait(timeout=1.0)
                        if out.failed_starts != failed:
                            return                  # (closed with nothing written)
                        stdout, stderr = out.stdout[sent_out:], out.stderr[sent_err:]
                        sent_out, sent_err = len(out.stdout), len(out.stderr)
                        done = out.exits != exits or out.removed or time.monotonic() >= deadline
                    _write_output(write, stdout, stderr, tty)
                    with self.lock:
                        out.sent[token] = (sent_out, sent_err)
                        self.events_changed.notify_all()
                    if done:
                        return
            finally:
                with self.lock:
                    out.attach_streams -= 1
                    out.sent.pop(token, None)
                    self.events_changed.notify_all()
        return Response(200, stream=stream, content_type="application/vnd.docker.raw-stream"
                        if tty else "application/vnd.docker.multiplexed-stream")

    def container_logs(self, req: Request, ref: str) -> Response:
        """The daemon's json-file log, as the query selects it (``daemon.logs``)."""
        from ..daemon.logs import parse_api_time
        c = self.h.find_container(ref)
        out = self._output(c.id)
        if req.flag("follow") and c.running and out.main_pending() \
                and not runs_until_stopped(c.argv, c.tty, c.open_stdin):
            self._run_main(c)                           # following a command that ends: to its end
        entries = self.h.container_logs(ref, req.arg("tail") or "all",
                                        self.client_time(parse_api_time(req.arg("since"))),
                                        self.client_time(parse_api_time(req.arg("until"))), req.flag("timestamps"),
                                        req.flag("details"))
        data = b""
        for stream, line in entries:
            if not req.flag("stdout" if stream == "stdout" else "stderr"):
                continue
            data += line.encode() if c.tty else frame(STDOUT if stream == "stdout" else STDERR, line.encode())
        return Response(200, data, "application/vnd.docker.raw-stream" if c.tty else
                        "application/vnd.docker.multiplexed-stream")

    def container_top(self, req: Request, ref: str) -> Response:
        titles, processes = self.h.container_top(ref, req.arg("ps_args") or "")
        return json_response({"Titles": titles, "Processes": processes})

    # -- exec -------------------------------------------------------------------------------
    def exec_create(self, req: Request, ref: str) -> Response:
        self._end_deferred(self._id_of(ref))
        body = req.json()
        c = self.h.find_container(ref)
        if not c.running:
            raise Conflict(self.h.profile.messages.exec_not_running.format(id=c.id))
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

    # -- volumes (daemon.volumes) ------------------------------------------------------------
    def volume_list(self, req: Request) -> Response:
        vols = self.h.volume_list(self._filters(req))
        return json_response({"Volumes": [self.h.volume_inspect(v.name) for v in vols], "Warnings": None})

    def volume_create(self, req: Request) -> Response:
        body = req.json()
        name = self.h.volume_create(str(body.get("Name") or ""), dict(body.get("Labels") or {}),
                                    dict(body.get("DriverOpts") or {}))
        return json_response(self.h.volume_inspect(name), 201)

    def volume_inspect(self, req: Request, ref: str) -> Response:
        return json_response(self.h.volume_inspect(ref))

    def volume_remove(self, req: Request, ref: str) -> Response:
        self.h.volume_remove(ref, force=req.flag("force"))
        return Response(204)

    def volume_prune(self, req: Request) -> Response:
        every = any(f in ("all=true", "all=1") for f in self._filters(req))
        return json_response({"VolumesDeleted": self.h.volumes_prune(all=every) or None, "SpaceReclaimed": 0})

    # -- update and stats (daemon.update, daemon.stats) -----------------------------------------
    def container_update(self, req: Request, ref: str) -> Response:
        body = req.json()
        policy = body.get("RestartPolicy") or {}
        warnings = self.h.container_update(ref, str(policy.get("Name") or ""),
                                           int(policy.get("MaximumRetryCount") or 0),
                                           int(body.get("NanoCpus") or 0), int(body.get("Memory") or 0),
                                           int(body.get("MemorySwap") or 0))
        return json_response({"Warnings": warnings or None})

    def container_stats(self, req: Request, ref: str) -> Response:
        """One sample (``stream=false``; a stream gets the same sample once): the fields the
        docker CLI reads, computed from ``daemon.stats``."""
        from ..daemon.stats import ONLINE_CPUS
        st = self.h.daemon.container_stats(ref)
        zero = "0001-01-01T00:00:00Z"
        cpu = {"cpu_usage": {"total_usage": 0, "usage_in_kernelmode": 0, "usage_in_usermode": 0},
               "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0}}
        doc: dict[str, Any] = {"read": zero, "preread": zero, "pids_stats": {},
                               "blkio_stats": {"io_service_bytes_recursive": None}, "num_procs": 0,
                               "storage_stats": {}, "cpu_stats": cpu, "precpu_stats": cpu, "memory_stats": {},
                               "name": "/" + st.name, "id": st.id}
        if st.running:
            from ..ids import format_time
            now = format_time(self.h.rand.peek_ns())
            running_cpu = {**cpu, "system_cpu_usage": 0, "online_cpus": ONLINE_CPUS}
            doc.update({"read": now, "pids_stats": {"current": st.pids}, "cpu_stats": running_cpu,
                        "precpu_stats": running_cpu,
                        "memory_stats": {"usage": st.memory, "stats": {"inactive_file": 0}, "limit": st.memory_limit},
                        "networks": {"eth0": {"rx_bytes": st.rx_bytes, "rx_packets": 0, "rx_errors": 0,
                                              "rx_dropped": 0, "tx_bytes": st.tx_bytes, "tx_packets": 0,
                                              "tx_errors": 0, "tx_dropped": 0}}})
        return json_response(doc)

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


def _filter_doc(doc: Any) -> dict[str, list[str]]:
    """A ``filters`` query (``{"k": {"v": true}}`` or the older ``{"k": ["v"]}``) as key -> values."""
    out: dict[str, list[str]] = {}
    for key, values in (doc or {}).items():
        items = values.items() if isinstance(values, dict) else ((v, True) for v in values or [])
        out[str(key)] = [str(v) for v, on in items if on]
    return out


def event_matches(e: dict[str, Any], wanted: dict[str, list[str]]) -> bool:
    """Whether an event passes GET /events filters: every key must match one of its values
    (``type``, ``event``, ``label`` as key or key=value, and the object a type names by ID or
    name: ``container``, ``network``, ``volume``, ``image``)."""
    attrs = e["Actor"]["Attributes"]
    for key, values in wanted.items():
        if not values:
            continue
        if key == "type":
            ok = e["Type"] in values
        elif key == "event":
            ok = e["Action"] in values or e["Action"].split(":", 1)[0] in values
        elif key == "label":
            ok = any(attrs.get(v.split("=", 1)[0]) == v.split("=", 1)[1] if "=" in v else v in attrs
                     for v in values)
        elif key in ("container", "network", "volume", "image"):
            ok = e["Type"] == key and any(v in (e["Actor"]["ID"], attrs.get("name")) or
                                          (len(v) >= 1 and e["Actor"]["ID"].startswith(v)) for v in values)
        else:
            continue
        if not ok:
            return False
    return True


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
        restart_name=str((hc.get("RestartPolicy") or {}).get("Name") or ""),
        restart_max_retries=int((hc.get("RestartPolicy") or {}).get("MaximumRetryCount") or 0),
        auto_remove=bool(hc.get("AutoRemove")), binds=[str(b) for b in hc.get("Binds") or []],
        mounts=[MountSpec(type=str(m.get("Type") or "volume"), source=str(m.get("Source") or ""),
                          target=str(m.get("Target") or ""), read_only=bool(m.get("ReadOnly")))
                for m in hc.get("Mounts") or []],
        volumes=list((body.get("Volumes") or {}).keys()), working_dir=str(body.get("WorkingDir") or ""),
        sysctls={str(k): str(v) for k, v in (hc.get("Sysctls") or {}).items()},
        healthcheck=HealthConfig.from_api(body.get("Healthcheck")),
        cap_add=_list_or_null(hc.get("CapAdd")), cap_drop=_list_or_null(hc.get("CapDrop")),
        privileged=bool(hc.get("Privileged")), readonly_rootfs=bool(hc.get("ReadonlyRootfs")),
        init=None if hc.get("Init") is None else bool(hc.get("Init")), stop_signal=str(body.get("StopSignal") or ""),
        stop_timeout=None if body.get("StopTimeout") is None else int(body["StopTimeout"]))


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
        "Command": c.list_command, "Created": c.created_ns // 1_000_000_000,
        "Ports": [{k: v for k, v in (("IP", ip), ("PrivatePort", priv), ("PublicPort", pub), ("Type", typ))
                   if not (k in ("IP", "PublicPort") and not v)} for ip, priv, pub, typ in api_ports(c)],
        "Labels": dict(c.labels), "State": c.state, "Status": status_text(h, c),
        "HostConfig": {"NetworkMode": doc.get("HostConfig", {}).get("NetworkMode", "")},
        "NetworkSettings": {"Networks": nets}, "Mounts": [mount_document(m) for m in c.mounts]}
    if size:
        from ..daemon.images import IMAGE_SIZE
        out["SizeRw"] = 0
        out["SizeRootFs"] = IMAGE_SIZE if c.image.virtual_size else 0    # (r82: "0B (virtual 1.98MB)")
    return out
