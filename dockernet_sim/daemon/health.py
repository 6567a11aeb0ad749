"""Health checks: a container's HEALTHCHECK (``Config.Healthcheck``) and what the daemon's monitor
of it keeps (``State.Health``).

Mirrors moby's ``container.HealthConfig`` (the API's field names, zero values left out of the JSON)
and the behaviour of its health monitor as recorded on 20.10, 26 and 28 (tests/golden/scenarios
r260_health_run, r261_health_flags, c50-c52):

- a container started with a check is ``starting``, with an empty log; its first probe runs one
  interval after the start (during a start period, while still ``starting``, the start interval:
  5s unless set, on the engines whose profile says so), each next one an interval after the last
  ended;
- a probe that exits 0 makes it ``healthy`` and clears the failing streak; any other status adds
  one to the streak — except while ``starting`` inside the start period — and ``retries``
  failures in a row make it ``unhealthy``;
- the log keeps the last five probes (start, end, exit code, output cut to 4096 bytes);
- a start puts it back to ``starting`` with a streak of 0 (the log stays); a stop ends the probes.

Time in the simulator is the host's seeded clock (``ids.Randomness``): it moves a few milliseconds
per event, and by whole seconds where a user lets time pass — a host ``sleep N``, compose waiting
for a dependency or ``up --wait``. Probes run only then: each whose time has come, in time order,
as an exec of the check's command in the container (``CMD-SHELL`` through ``/bin/sh -c``).
A host without health checks pays nothing: only running containers that have one are watched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from ..errors import InvalidParameter
from ..ids import format_time
from ..records import Record

if TYPE_CHECKING:
    from .daemon import Daemon

SECOND = 1_000_000_000
# moby daemon/health.go's defaults for a zero field, and its limits
DEFAULT_INTERVAL = 30 * SECOND
DEFAULT_TIMEOUT = 30 * SECOND
DEFAULT_START_INTERVAL = 5 * SECOND
DEFAULT_RETRIES = 3
MIN_DURATION = 1_000_000            # 1ms: the daemon refuses a shorter interval, timeout, start period
MAX_LOG_ENTRIES = 5
MAX_OUTPUT = 4096
# how long a probe's exec takes in the model (a fast busybox command)
PROBE_TIME = 3_000_000

STARTING, HEALTHY, UNHEALTHY = "starting", "healthy", "unhealthy"


class HealthConfig(Record, frozen=True, slots=True):
    """``Config.Healthcheck``: the test (``None``: not given, inherit; ``("NONE",)``: disabled;
    ``("CMD", argv…)`` or ``("CMD-SHELL", line)``), durations in nanoseconds (0: the default)."""

    test: Optional[tuple[str, ...]] = None
    interval: int = 0
    timeout: int = 0
    start_period: int = 0
    start_interval: int = 0
    retries: int = 0

    @property
    def disabled(self) -> bool:
        return self.test is not None and len(self.test) > 0 and self.test[0] == "NONE"

    def probe_argv(self) -> Optional[list[str]]:
        """What the probe execs, or None when there is nothing to run."""
        if not self.test or self.disabled:
            return None
        kind, *rest = self.test
        if kind == "CMD-SHELL":
            return ["/bin/sh", "-c", " ".join(rest)]
        if kind == "CMD":
            return list(rest) or None
        return None

    def to_api(self) -> dict[str, Any]:
        """The JSON the API shows: every field ``omitempty``."""
        doc: dict[str, Any] = {}
        if self.test:
            doc["Test"] = list(self.test)
        for key, value in (("Interval", self.interval), ("Timeout", self.timeout),
                           ("StartPeriod", self.start_period), ("StartInterval", self.start_interval),
                           ("Retries", self.retries)):
            if value:
                doc[key] = value
        return doc

    @classmethod
    def from_api(cls, doc: Any) -> Optional["HealthConfig"]:
        """The create body's ``Healthcheck`` (null: none); a field of the wrong type is the JSON
        decoder's error."""
        if doc is None:
            return None
        if not isinstance(doc, dict):
            raise InvalidParameter("json: cannot unmarshal into Go struct field Config.Healthcheck of type "
                                   "container.HealthConfig")
        test = doc.get("Test")
        if test is not None and (not isinstance(test, list) or not all(isinstance(t, str) for t in test)):
            raise InvalidParameter("json: cannot unmarshal into Go struct field HealthConfig.Healthcheck.Test "
                                   "of type []string")
        values = []
        for key in ("Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"):
            v = doc.get(key) or 0
            if isinstance(v, bool) or not isinstance(v, int):
                raise InvalidParameter(f"json: cannot unmarshal into Go struct field HealthConfig.Healthcheck.{key} "
                                       f"of type {'int' if key == 'Retries' else 'time.Duration'}")
            values.append(v)
        return cls(None if test is None else tuple(test), *values)

    def merged_over(self, image: Optional["HealthConfig"]) -> "HealthConfig":
        """The container's check over the image's HEALTHCHECK (moby's merge: what the container
        leaves empty or zero, the image gives)."""
        if image is None:
            return self
        return HealthConfig(self.test if self.test else image.test, self.interval or image.interval,
                            self.timeout or image.timeout, self.start_period or image.start_period,
                            self.start_interval or image.start_interval, self.retries or image.retries)


def check(cfg: Optional[HealthConfig]) -> None:
    """The daemon's checks of a create's Healthcheck (daemon/container.go verifyContainerSettings;
    r261): each duration either zero or at least a millisecond, retries not negative."""
    if cfg is None:
        return
    for value, what in ((cfg.interval, "Interval"), (cfg.timeout, "Timeout"),
                        (cfg.start_period, "StartPeriod"), (cfg.start_interval, "StartInterval")):
        if value != 0 and value < MIN_DURATION:
            raise InvalidParameter(f"{what} in Healthcheck cannot be less than 1ms")
    if cfg.retries < 0:
        raise InvalidParameter("Retries in Healthcheck cannot be negative")


class ProbeResult(Record, frozen=True, slots=True):
    """One entry of ``State.Health.Log``."""

    start_ns: int
    end_ns: int
    exit_code: int
    output: str

    def to_api(self) -> dict[str, Any]:
        return {"Start": format_time(self.start_ns), "End": format_time(self.end_ns),
                "ExitCode": self.exit_code, "Output": self.output}


class Health(Record, frozen=True, slots=True):
    """``State.Health`` and when the monitor probes next (``next_ns``; 0: not monitored)."""

    status: str = STARTING
    failing_streak: int = 0
    log: tuple[ProbeResult, ...] = ()
    next_ns: int = 0

    def to_api(self) -> dict[str, Any]:
        return {"Status": self.status, "FailingStreak": self.failing_streak,
                "Log": [r.to_api() for r in self.log]}


def interval_after(cfg: HealthConfig, health: Health, started_ns: int, now_ns: int,
                   start_interval_used: bool) -> int:
    """How long the monitor waits before its next probe: the start interval while ``starting``
    inside the start period (on engines that have one), else the interval."""
    interval = cfg.interval or DEFAULT_INTERVAL
    if (start_interval_used and health.status == STARTING and cfg.start_period
            and now_ns - started_ns < cfg.start_period):
        return cfg.start_interval or DEFAULT_START_INTERVAL
    return interval


def after_probe(cfg: HealthConfig, health: Health, started_ns: int, result: ProbeResult) -> Health:
    """The state once ``result`` is in (moby's handling of a probe's result, as recorded)."""
    log = (health.log + (result,))[-MAX_LOG_ENTRIES:]
    if result.exit_code == 0:
        return Health(HEALTHY, 0, log, health.next_ns)
    streak, status = health.failing_streak, health.status
    if not (status == STARTING and cfg.start_period and result.start_ns - started_ns < cfg.start_period):
        streak += 1
        if streak >= (cfg.retries or DEFAULT_RETRIES):
            status = UNHEALTHY
    return Health(status, streak, log, health.next_ns)


def cut_output(text: str) -> str:
    """A probe's output as kept: its first 4096 bytes."""
    data = text.encode()
    return text if len(data) <= MAX_OUTPUT else data[:MAX_OUTPUT].decode(errors="ignore")


def status_suffix(health: Optional[Health]) -> str:
    """What ``ps``'s STATUS adds for a running container: `` (health: starting)``, `` (healthy)``."""
    if health is None:
        return ""
    return " (health: starting)" if health.status == STARTING else f" ({health.status})"


# at most this many probes while time passes: a what-if with a millisecond interval and an hour's
# sleep stops here rather than run millions of execs
MAX_PROBES = 10_000


def let_time_pass(d: "Daemon", ns: int, run: Callable[[str, list[str]], tuple[int, str]],
                  done: Optional[Callable[[], bool]] = None) -> bool:
    """Let ``ns`` nanoseconds pass on ``d``'s clock, running each probe that falls due on the
    way, in time order: ``run(container ID, argv)`` execs it and gives (exit code, output).
    ``done()``, asked after each probe, ends the wait early (compose waiting for a dependency).
    Returns whether ``done`` ended it."""
    target = d.rand.peek_ns() + ns
    for _ in range(MAX_PROBES):
        c = d.health_due(target)
        if c is None:
            break
        argv = c.healthcheck.probe_argv() if c.healthcheck is not None else None
        code, output = run(c.id, argv or [])
        d.container_health_probe(c.id, code, output)
        if done is not None and done():
            return True
    rest = target - d.rand.peek_ns()
    if rest > 0:
        d.time_passes(rest)
    return done is not None and done()
