"""Published port ranges (issue 9, "bounded cost for every input": ``-p 1-65535:1-65535``).

The client sends a range one binding per port, as Docker's does; the daemon holds a run of
consecutive ports as one hold, with one journal entry, and programs its rules from one mapping.
These tests check that the bookkeeping stays the same size whatever the range's length, and that
what every command prints is what publishing the same ports one at a time prints (the per-port
path, forced by cutting every run to one binding and making every rule change on its own).
"""

from __future__ import annotations

from typing import Callable

import pytest

from dockernet_sim.daemon import ports as ports_mod
from dockernet_sim.host import DockerHost
from dockernet_sim.journal import Journal
from dockernet_sim.libnetwork.drivers.bridge.firewall import Firewall
from dockernet_sim.terminal import Session

ENGINES = ("28", "26", "20.10")


def _session(engine: str) -> Session:
    s = Session(engine=engine, seed=0, factory=DockerHost)
    s.run_line("true")
    return s


def _journal_entries(s: Session, line: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many undo entries the command's API calls record."""
    seen: list[int] = []
    record = Journal.record

    def counting(self: Journal, undo: Callable[[], object]) -> None:
        seen.append(1)
        record(self, undo)
    with monkeypatch.context() as m:
        m.setattr(Journal, "record", counting)
        r = s.run_line(line)
    assert r.exit_code == 0, r.stderr
    return len(seen)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_range_costs_the_journal_what_one_port_does(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {}
    for n in (2, 3000):
        s = _session(engine)
        counts[n] = [_journal_entries(s, f"docker run -itd --name cc -p 20000-{20000 + n - 1}:20000-{20000 + n - 1} "
                                         "busybox", monkeypatch),
                     _journal_entries(s, "docker network disconnect bridge cc", monkeypatch),
                     _journal_entries(s, "docker network connect bridge cc", monkeypatch),
                     _journal_entries(s, "docker rm -f cc", monkeypatch)]
    assert counts[2] == counts[3000]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_port_is_one_hold_and_one_mapping_per_address(engine: str) -> None:
    s = _session(engine)
    r = s.run_line("docker run -itd --name all -p 1-65535:1-65535 busybox")
    assert r.exit_code == 0, r.stderr
    ep = s.host.find_container("all").networks["bridge"].endpoint
    assert ep is not None
    holds = {(h.host_ip, h.first, h.last) for h in ep.port_holds}
    assert holds <= {("0.0.0.0", 1, 65535), ("::", 1, 65535)} and ("0.0.0.0", 1, 65535) in holds
    assert [(m.host_ip, m.count) for m in ep.ports] == [("0.0.0.0", 65535)]
    # the kernel still has a rule per port, as Docker programs it
    dnat = [r for r in s.host.kernel.host.netfilter.chain("nat", "DOCKER").rules if "DNAT" in r.spec]
    assert len(dnat) == 65535
    assert s.run_line("docker rm -f all").exit_code == 0
    assert not s.host.ports.held


SCRIPTS = {
    "range": ["docker run -itd --name cc -p 8000-8011:9000-9011 busybox"],
    "udp_loopback": ["docker run -itd --name cc -p 127.0.0.1:5000-5009:5000-5009/udp busybox"],
    "two_ranges_and_one_port": ["docker run -itd --name cc -p 8000-8004:8000-8004 -p 7000-7003:80-83 "
                                "-p 9000:9000/sctp -p 8100-8103:8100-8103/udp busybox"],
    "same_port_twice": ["docker run -itd --name cc -p 8000-8003:8000-8003 -p 9000-9003:8000-8003 busybox"],
    "clash_inside": ["docker run -itd --name bb -p 8005:80 busybox",
                     "docker run -itd --name cc -p 8000-8009:8000-8009 busybox"],
    "ipv6_network": ["docker network create --ipv6 --subnet fd00:1::/64 v6",
                     "docker run -itd --name cc --network v6 -p 8000-8005:8000-8005 busybox"],
    "expose_all": ["docker run -itd --name cc --expose 3000-3009 -P busybox"],
    "no_proxy": ["#! dockerd --userland-proxy=false",
                 "docker run -itd --name cc -p 8000-8005:8000-8005 -p 127.0.0.1:6000-6003:6000-6003 busybox"],
}
FOLLOW_UP = ["iptables-save", "ip6tables-save", "docker port cc", "docker ps -a", "docker inspect cc",
             "docker network disconnect bridge cc", "iptables-save", "docker network connect bridge cc",
             "iptables-save", "docker port cc", "docker stop cc", "iptables-save", "docker start cc",
             "iptables-save", "docker rm -f cc", "iptables-save", "docker run -itd --name dd -p 8000-8011:8000-8011 "
             "busybox", "docker port dd"]


def _transcript(engine: str, lines: list[str]) -> list[tuple[str, str, str, int]]:
    s = Session(engine=engine, seed=0, factory=DockerHost)
    out = []
    for line in lines + FOLLOW_UP:
        if line.startswith("#! "):
            assert not s.directive(line[3:])
            continue
        r = s.run_line(line)
        out.append((line, r.stdout, r.stderr, r.exit_code))
    return out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_range_prints_what_its_ports_one_by_one_print(engine: str, name: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    as_runs = _transcript(engine, SCRIPTS[name])
    with monkeypatch.context() as m:
        m.setattr(ports_mod, "_runs", lambda bindings: [[b] for b in bindings])
        m.setattr(Firewall, "_batched", lambda self, fn: fn())
        one_by_one = _transcript(engine, SCRIPTS[name])
    assert as_runs == one_by_one
    # and the case did publish something (or was refused for the reason one port would be)
    assert any("DNAT" in out or "failed" in err for _, out, err, _ in as_runs)
