"""The answers a classroom gets: the outside world, listeners from what runs, traces by name, and
a sentence beside every verdict (issue "the classroom"). The failing cases are the recorded ones
(r131: --network none and --internal lookups and pings, nc against a shell and against listeners);
the outside world itself is modelled, never recorded (no traffic leaves the recording machine)."""

from __future__ import annotations

import html
import ipaddress

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import HostSpec
from dockernet_sim.query import reach
from dockernet_sim.query.listeners import listening
from dockernet_sim.terminal import Session

ENGINES = ["28", "20.10"]


def session(engine: str, lines: list[str], host: str = "", dockerd: str = "") -> Session:
    s = Session(engine=engine)
    if dockerd:
        assert s.directive(f"dockerd {dockerd}") is None
    if host:
        assert s.directive(f"host {host}") is None
    for line in lines:
        r = s.run_line(line)
        assert r.exit_code == 0, (line, r.stderr)
    return s


@pytest.mark.parametrize("engine", ENGINES)
def test_a_container_on_the_default_bridge_reaches_the_outside_by_name(engine: str) -> None:
    s = session(engine, ["docker run -itd --name cc busybox"])
    r = s.run_line("docker exec cc ping -c 1 google.com")
    assert r.exit_code == 0, r
    addr = r.stdout.split("(")[1].split(")")[0]
    assert ipaddress.ip_address(addr) in ipaddress.ip_network("203.0.113.0/24")   # documentation range
    again = s.run_line("docker exec cc ping -c 1 google.com")
    assert again.stdout.split("(")[1].split(")")[0] == addr                        # deterministic
    ns = s.run_line("docker exec cc nslookup google.com")
    assert ns.exit_code == 0 and f"Address: {addr}" in ns.stdout
    # a user network forwards through 127.0.0.11 to the same world
    s.run_line("docker network create n")
    s.run_line("docker run -itd --name uu --network n busybox")
    assert f"({addr})" in s.run_line("docker exec uu ping -c 1 google.com").stdout


@pytest.mark.parametrize("engine", ENGINES)
def test_the_outside_fails_where_docker_fails(engine: str) -> None:
    s = session(engine, ["docker network create --internal i", "docker run -itd --name ci --network i busybox",
                         "docker run -itd --name cn --network none busybox"])
    assert s.run_line("docker exec ci ping -c 1 google.com").stderr == "ping: bad address 'google.com'\n"
    assert s.run_line("docker exec cn ping -c 1 google.com").stderr == "ping: bad address 'google.com'\n"
    r = s.run_line("docker exec cn nslookup example.com")     # r131: connect fails, no answer
    assert (r.stdout, r.stderr, r.exit_code) == \
        ("", "nslookup: can't connect to remote host (10.255.255.53): Network is unreachable\n", 1)
    assert "NXDOMAIN" not in r.stdout
    # without masquerading the outside answers a private address it cannot route back to: the
    # lookup's reply is lost (so the name is a bad address) and so is every echo reply
    m = session(engine, ["docker run -itd --name cc busybox"], dockerd="--ip-masq=false")
    assert m.run_line("docker exec cc ping -c 1 google.com").stderr == "ping: bad address 'google.com'\n"
    p = m.run_line("docker exec cc ping -c 1 203.0.113.5")
    assert p.exit_code == 1 and "0 packets received" in p.stdout
    assert "masquerading" in reach(m.host, "cc", "203.0.113.5").lesson


def test_names_are_pinned_or_closed_from_the_host_line_and_from_python() -> None:
    s = session("28", ["docker run -itd --name cc busybox"],
                host="name=db.example.org=198.51.100.20 outside=closed")
    assert "(198.51.100.20)" in s.run_line("docker exec cc ping -c 1 db.example.org").stdout
    assert s.run_line("docker exec cc ping -c 1 google.com").exit_code == 1
    h = DockerHost(engine="28", host=HostSpec(outside_names=(("api.example.net", "203.0.113.99"),)))
    h.run("busybox", name="cc")
    t = h.reach("cc", "api.example.net", by_name=True)
    assert t.ok and str(t.dst_ip) == "203.0.113.99" and t.hops[0].kind == "resolve", t.explain()
    with pytest.raises(ValueError):
        HostSpec.from_directive(["name=nothing"])
    with pytest.raises(ValueError):
        HostSpec(outside_names=(("x.org", "not-an-address"),))
    # reserved and dotless names are never answered
    assert h.reach("cc", "printer.local", by_name=True).verdict == "bad address"


@pytest.mark.parametrize("engine", ENGINES)
def test_listeners_come_from_what_runs(engine: str) -> None:
    s = session(engine, ["docker network create --subnet 10.77.0.0/24 lan",
                         "docker run -itd --name srv --network lan -p 8080:80 busybox",
                         "docker run -d --name httpd --network lan busybox httpd -f -p 80",
                         "docker run -d --name ncl --network lan busybox nc -l -p 81",
                         "docker run -itd --name cli --network lan busybox"])
    h = s.host
    t = reach(h, "cli", "srv", port=80)
    assert t.verdict == "refused", t.explain()
    # the trace says both: the packet arrived, and nothing answered it but the kernel's RST
    assert "arrives" in t.lesson and "RST" in t.lesson and "not a server" in t.lesson
    assert reach(h, "outside", "192.0.2.2", port=8080).verdict == "refused"
    assert reach(h, "cli", "httpd", port=80).ok
    assert reach(h, "cli", "ncl", port=81).ok
    assert reach(h, "cli", "ncl", port=82).verdict == "refused"
    r = s.run_line("docker exec cli nc -w 2 srv 80")           # r131's words
    assert r.stderr.endswith("Connection refused\n") and r.exit_code == 1


def test_an_image_listens_only_with_its_own_command() -> None:
    s = Session(engine="28")
    assert s.directive("image nginx:latest CMD nginx -g daemon_off; EXPOSE 80/tcp LISTEN 80/tcp") is None
    for line in ("docker run -itd --name web nginx", "docker run -itd --name shell nginx sh",
                 "docker run -itd --name cli busybox"):
        assert s.run_line(line).exit_code == 0
    assert reach(s.host, "cli", "web", port=80).ok
    assert reach(s.host, "cli", "shell", port=80).verdict == "refused"
    assert listening(["sh", "-c", "httpd -p 8000 && sleep 1"]) == [("tcp", 8000, "httpd -p 8000")]
    assert listening(["busybox", "nc", "-lk", "-p", "9000"])[0][:2] == ("tcp", 9000)
    assert listening(["nc", "10.0.0.1", "80"]) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_trace_by_name_resolves_first(engine: str) -> None:
    s = session(engine, ["docker run -itd --name aa busybox", "docker run -itd --name bb busybox",
                         "docker network create n", "docker run -itd --name cc --network n busybox",
                         "docker run -itd --name dd --network n busybox"])
    h = s.host
    assert reach(h, "aa", "bb").ok                   # by address: the bridge carries it
    t = reach(h, "aa", "bb", by_name=True)           # by name: as ping b does
    assert t.verdict == "bad address" and t.hops[0].kind == "resolve", t.explain()
    assert "default bridge has no DNS" in t.lesson
    assert s.run_line("docker exec aa ping -c 1 bb").stderr == "ping: bad address 'bb'\n"
    shell = s.run_line("trace aa bb")
    assert shell.exit_code == 1 and "BAD ADDRESS" in shell.stdout and "default bridge has no DNS" in shell.stdout
    ok = s.run_line("trace cc dd")
    assert ok.exit_code == 0 and "127.0.0.11" in ok.stdout
    assert reach(h, "cc", "aa", by_name=True).verdict == "bad address"
    with pytest.raises(ValueError):
        reach(h, "host", "cc", by_name=True)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_verdict_has_a_sentence(engine: str) -> None:
    s = session(engine, ["docker network create n1", "docker network create --internal i1",
                         "docker run -itd --name aa busybox", "docker run -itd --name bb --network n1 busybox",
                         "docker run -itd --name cc --network i1 busybox",
                         "docker run -itd --name zz --network none busybox"])
    h = s.host
    assert "isolated" in reach(h, "aa", "bb").lesson
    assert "--internal" in reach(h, "bb", "cc").lesson
    assert "no route" in reach(h, "zz", "outside").lesson
    assert "published ports" in reach(h, "outside", "bb").lesson
    for t in (reach(h, "aa", "bb"), reach(h, "aa", "outside"), reach(h, "bb", "cc")):
        assert t.lesson and f"why: {t.lesson}" in t.explain() and html.escape(t.lesson) in t._repr_html_()


@pytest.mark.parametrize("engine", ENGINES)
def test_the_sentence_says_which_case_it_is(engine: str) -> None:
    """One sentence per cause, not one for several: --network none is not an --internal network,
    and a container sharing its donor's namespace is not 'a packet that gets through'."""
    s = session(engine, ["docker network create --internal i1", "docker run -itd --name cc --network i1 busybox",
                         "docker run -itd --name zz --network none busybox", "docker run -itd --name aa busybox",
                         "docker run -itd --name bb --network container:aa busybox"])
    h = s.host
    lone = reach(h, "zz", "outside").lesson
    assert "only its loopback" in lone and "--internal" not in lone
    if reach(h, "cc", "outside").verdict == "no route":        # 28 and 26: the internal network has no gateway
        inside = reach(h, "cc", "outside").lesson
        assert "no default gateway" in inside and "loopback" not in inside
    shared = reach(h, "bb", "aa")
    assert shared.ok and "container:" in shared.lesson and "loops back through lo" in shared.lesson
    assert reach(h, "aa", "cc").lesson != shared.lesson


@pytest.mark.parametrize("engine", ENGINES)
def test_a_diff_shows_routes_and_the_gateway_endpoint(engine: str) -> None:
    h = DockerHost(engine=engine)
    h.sh("docker network create front")
    h.sh("docker network create back")
    h.sh("docker run -itd --name web --network front -p 8080:80 busybox")
    h2 = h.fork()
    assert h2.sh("docker network connect back web").exit_code == 0
    d = h.diff(h2)
    (name, old, new), = d.gateways
    assert name == "web" and "(network front)" in (old or "") and "(network back)" in (new or "")
    assert any(r.startswith("default via") for r in d.routes_removed["web"])
    assert any(r.startswith("default via") for r in d.routes_added["web"])
    text = str(d)
    assert "default gateways:" in text and "routes:" in text and "DNAT" in text
    assert not h.diff(h.fork())


def test_notebook_views_say_the_same_words() -> None:
    h = DockerHost(engine="28")
    h.sh("docker network create n")
    h.run("busybox", name="aa")
    h.run("busybox", name="bb", network_mode="n")
    m = h.reachability()
    text, page = str(m), m._repr_html_()
    assert "DROP" in text and ">DROP<" in page and "row -> column (icmp)" in text
    assert html.escape(m.legend()) in page
    assert "tcp/80" in h.reachability(port=80).legend()
    r = h.sh("docker network inspect nope")
    view = r._repr_html_()
    assert "monospace" in view and f"[exit {r.exit_code}]" in view and r.exit_code == 1
    assert "[exit 0]" in h.sh("docker network ls")._repr_html_()


def test_usage_says_what_is_reserved_and_why() -> None:
    h = DockerHost(engine="28")
    h.sh("docker network create --subnet 10.9.0.0/24 --aux-address printer=10.9.0.5 n")
    u = h.usage("n")
    why = dict(u.reserved)
    assert set(why) == {"10.9.0.0", "10.9.0.1", "10.9.0.255", "10.9.0.5"}
    assert "gateway" in why["10.9.0.1"] and "broadcast" in why["10.9.0.255"] and "printer" in why["10.9.0.5"]
    assert "reserved:" in str(u) and "broadcast" in u._repr_html_()


def test_the_container_mode_row_shows_the_donors_address() -> None:
    from dockernet_sim.display import host_html
    h = DockerHost(engine="28")
    h.run("busybox", name="donor")
    h.sh("docker run -itd --name guest --network container:donor busybox")
    assert "shares 172.17.0.2" in host_html(h)


def test_the_shells_trace_names_what_it_does_not_know() -> None:
    """A mistyped container is 'no such container', not 'invalid IP address'; the UDP sentence
    reads right ('an ICMP port unreachable')."""
    s = session("28", ["docker run -itd --name aa busybox"])
    for line, words in (("trace nosuch a", "trace: no such container: nosuch\n"),
                        ("trace host nosuch", "trace: no such container: nosuch\n"),
                        ("trace outside nosuch", "trace: no such container: nosuch\n")):
        r = s.run_line(line)
        assert (r.stderr, r.exit_code) == (words, 2)
    assert s.run_line("trace aa nosuch").stdout.splitlines()[0].endswith("BAD ADDRESS")   # as ping resolves it
    assert "answers with an ICMP port unreachable" in s.run_line("trace aa 172.17.0.1 80/udp").stdout
    assert "answers with a TCP reset (RST)" in s.run_line("trace aa 172.17.0.1 80").stdout
