"""The what-if model: packet walks through the kernel model, name resolution, exec network tools.

Each expected verdict cites the transcript it comes from (tests/golden/docker-*/rNN…, the command
index as `python3 /work/shared/oracle/show.py` lists it) or, where nothing is recorded, says
"kernel semantics" and why.
"""

from __future__ import annotations

import pytest

from dockernet_sim.terminal import Session
from dockernet_sim.query import OUTSIDE_IP, reach, reachability, resolve

HOST = "host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53"
WEB = "image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox"
ENGINES = ("28", "20.10")


def build(engine: str, lines: list[str], dockerd: str = "--dns 127.0.0.1") -> Session:
    s = Session(engine=engine)
    if dockerd:
        assert s.directive(f"dockerd {dockerd}") is None
    assert s.directive(HOST) is None
    assert s.directive(WEB) is None
    for line in lines:
        r = s.run_line(line)
        assert r.exit_code == 0, (line, r.stderr)
    return s


R24 = ["docker network create --subnet 10.30.0.0/24 -o com.docker.network.bridge.enable_icc=false noicc",
       "docker network create --subnet 10.31.0.0/24 --internal inner",
       "docker network create --subnet 10.32.0.0/24 open",
       "docker run -itd --name ia --network noicc busybox", "docker run -itd --name ib --network noicc busybox",
       "docker run -itd --name ta --network inner busybox", "docker run -itd --name tb --network inner busybox",
       "docker run -itd --name oa --network open busybox", "docker run -itd --name ob --network open busybox"]


@pytest.fixture(scope="module", params=ENGINES)
def r24(request: pytest.FixtureRequest) -> Session:
    return build(request.param, R24)


# --- r24: icc off, internal networks, across bridges ---------------------------------------------

@pytest.mark.parametrize(("src", "dst", "verdict"), [
    ("ia", "10.30.0.3", "dropped"),      # r24 [11]: icc off on noicc
    ("ia", "10.30.0.1", "reachable"),    # r24 [12]: its gateway
    ("ia", "192.0.2.2", "reachable"),    # r24 [13]: the host's eth0 address
    ("oa", "10.32.0.3", "reachable"),    # r24 [14]: same user bridge
    ("oa", "10.30.0.2", "dropped"),      # r24 [16]: another bridge
    ("oa", "10.30.0.1", "reachable"),    # r24 [17]: another bridge's gateway is a host address
    ("ta", "10.31.0.3", "reachable"),    # r24 [18]: inside an internal network
    ("ta", "10.31.0.1", "reachable"),    # r24 [20]
])
def test_r24_pings(r24: Session, src: str, dst: str, verdict: str) -> None:
    assert reach(r24.host, src, dst).verdict == verdict


def test_icc_off_names_the_rule(r24: Session) -> None:
    t = reach(r24.host, "ia", "ib")
    br = r24.host.ctl.network_by_name("noicc").bridge
    want = (f"-A DOCKER-FORWARD -i {br} -o {br} -j DROP" if r24.engine == "28"
            else f"-A FORWARD -i {br} -o {br} -j DROP")
    assert t.verdict == "dropped" and want in t.reason, t.explain()


def test_across_bridges_names_the_rule(r24: Session) -> None:
    t = reach(r24.host, "oa", "ia")
    br = r24.host.ctl.network_by_name("noicc").bridge
    if r24.engine == "28":      # r24 iptables-save: the raw table's per-endpoint drop
        assert t.reason == f"-t raw -A PREROUTING -d 10.30.0.2/32 ! -i {br} -j DROP", t.explain()
    else:                       # r24 iptables -S (20.10): isolation stage 2
        assert t.reason == f"-A DOCKER-ISOLATION-STAGE-2 -o {br} -j DROP", t.explain()


def test_internal_network_has_no_way_out() -> None:
    s = build("28", R24)
    # r24 [21], [22] (28): no default route in an internal network's container
    assert reach(s.host, "ta", "192.0.2.2").verdict == "no route"
    assert reach(s.host, "ta", "10.32.0.2").verdict == "no route"


def test_container_on_two_networks() -> None:
    for engine in ENGINES:
        s = build(engine, R24 + ["docker network connect open ia"])
        assert reach(s.host, "ia", "10.32.0.2").verdict == "reachable"     # r24 [26]
        assert reach(s.host, "ob", "ia").verdict == "reachable"            # r24 [27]: via ia's open address
        assert reach(s.host, "ob", "ia").dst_ip is not None and str(reach(s.host, "ob", "ia").dst_ip) == "10.32.0.4"


# --- r38: the daemon's --icc=false ------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_daemon_icc_false(engine: str) -> None:
    s = build(engine, ["docker run -itd --name c1 busybox", "docker run -itd --name c2 busybox",
                       "docker network create --subnet 10.80.0.0/24 usr",
                       "docker run -itd --name u1 --network usr busybox",
                       "docker run -itd --name u2 --network usr busybox"], dockerd="--icc=false")
    assert reach(s.host, "c1", "172.17.0.3").verdict == "dropped"      # r38 [3]
    assert reach(s.host, "c1", "172.17.0.1").verdict == "reachable"    # r38 [4]
    assert reach(s.host, "c1", "192.0.2.2").verdict == "reachable"     # r38 [5]
    assert reach(s.host, "u1", "10.80.0.3").verdict == "reachable"     # r38 [10]: user networks keep icc


# --- outside, NAT, published ports ----------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_outside_with_and_without_masquerade(engine: str) -> None:
    # kernel semantics (not recorded: the oracle sends nothing off the machine)
    s = build(engine, ["docker run -itd --name c1 busybox"])
    t = reach(s.host, "c1", "outside")
    assert t.verdict == "reachable" and any("MASQUERADE" in h.text for h in t.hops), t.explain()
    s = build(engine, ["docker run -itd --name c1 busybox"], dockerd="--ip-masq=false")
    t = reach(s.host, "c1", "outside")
    # the reply is addressed to 172.17.0.2, which the outside cannot route back
    assert t.verdict == "dropped" and "no route back" in t.explain(), t.explain()


@pytest.mark.parametrize("engine", ENGINES)
def test_published_ports(engine: str) -> None:
    # kernel semantics: DNAT in nat PREROUTING's DOCKER chain, the filter DOCKER chain's ACCEPT
    # who listens is what runs (r131): httpd serves, the web image's EXPOSE does not
    s = build(engine, ["docker run -itd --name w1 -p 8080:80 busybox httpd -f -p 80",
                       "docker run -itd --name w2 -p 127.0.0.1:9090:80 busybox httpd -f",
                       "docker run -itd --name w3 web",
                       "docker run -itd --name w4 web httpd -f -p 443"])
    h = s.host
    t = reach(h, "outside", "192.0.2.2", port=8080)
    assert t.verdict == "reachable", t.explain()
    assert any(hp.kind == "nat" and "DNAT" in hp.text for hp in t.hops)
    assert reach(h, "outside", "192.0.2.2", port=8081).verdict == "refused"      # nothing listens
    assert reach(h, "outside", "192.0.2.2", port=9090).verdict == "refused"      # 127.0.0.1 only
    assert reach(h, "host", "127.0.0.1", port=9090).verdict == "reachable"       # via docker-proxy
    assert any(hp.kind == "proxy" for hp in reach(h, "host", "127.0.0.1", port=9090).hops)
    assert reach(h, "host", "w1", port=80).verdict == "reachable"                # httpd listens
    assert reach(h, "host", "w1", port=81).verdict == "refused"
    assert reach(h, "w1", "w3", port=443).verdict == "refused"                   # EXPOSE opens nothing
    assert reach(h, "w1", "w4", port=443).verdict == "reachable"                 # httpd -p 443
    assert reach(h, "w1", "w3", port=53, proto="udp").verdict == "refused"
    # from outside straight to a container address: 28 drops it in raw PREROUTING, 20.10's
    # FORWARD has no rule for it and its policy is DROP
    t = reach(h, "outside", "172.17.0.2")
    assert t.verdict == "dropped", t.explain()


def test_userland_proxy_off_uses_dnat_from_the_host() -> None:
    # kernel semantics: without the proxy, nat OUTPUT's DOCKER chain DNATs loopback too
    s = build("28", ["docker run -itd --name w1 -p 8080:80 busybox httpd -f"], dockerd="--userland-proxy=false")
    t = reach(s.host, "host", "192.0.2.2", port=8080)
    assert t.verdict == "reachable", t.explain()
    assert not any(h.kind == "proxy" for h in t.hops)


# --- network modes --------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_modes(engine: str) -> None:
    s = build(engine, ["docker run -itd --name b1 busybox", "docker run -itd --name hh --network host busybox",
                       "docker run -itd --name nn --network none busybox",
                       "docker run -itd --name cc --network container:b1 busybox"])
    h = s.host
    assert reach(h, "hh", "b1").verdict == "reachable"        # host mode: the host's namespace (kernel semantics)
    assert reach(h, "cc", "172.17.0.2").verdict == "reachable"  # container: mode shares b1's namespace: local
    assert reach(h, "cc", "b1").hops[0].where == "container b1, cc"
    assert reach(h, "nn", "172.17.0.2").verdict == "no route"   # none mode: only lo (kernel semantics)
    assert reach(h, "b1", "nn").verdict == "no address"


# --- name resolution ------------------------------------------------------------------------------

R26 = ["docker network create --subnet 10.40.0.0/24 app",
       "docker run -itd --name web01 --network app --network-alias www --network-alias frontend busybox",
       "docker run -itd --name db01 --network app --network-alias db busybox",
       "docker run -itd --name client --network app busybox",
       "docker network create --subnet 10.41.0.0/24 other",
       "docker run -itd --name lone --network other busybox",
       "docker network connect --alias cache --alias kv other db01",
       "docker run -itd --name bb1 busybox", "docker run -itd --name bb2 --link bb1 busybox",
       "docker run -itd --name bb3 --link bb1:alias1 busybox",
       "docker run -itd --name lk1 --network app --link db01:database busybox"]


@pytest.fixture(scope="module", params=ENGINES)
def r26(request: pytest.FixtureRequest) -> Session:
    return build(request.param, R26)


@pytest.mark.parametrize(("ctr", "name", "ip"), [
    ("client", "web01", "10.40.0.2"),      # r26 [4]: container name
    ("client", "www", "10.40.0.2"),        # r26 [5]: --network-alias
    ("client", "DB", "10.40.0.3"),         # r26 [6]; case-insensitive (DNS semantics)
    ("lone", "cache", "10.41.0.3"),        # r26 [19]: connect --alias
    ("lone", "db01", "10.41.0.3"),         # r26 [21]: the name on the shared network
    ("lk1", "database", "10.40.0.3"),      # r26 [39]: --link on a user network, via the embedded DNS
    ("bb3", "alias1", "172.17.0.2"),       # r26 [33]: --link on the default bridge, via /etc/hosts
    ("client", "web01.app", "10.40.0.2"),  # name.network (libnetwork Sandbox.ResolveName; not recorded)
])
def test_resolve(r26: Session, ctr: str, name: str, ip: str) -> None:
    assert [str(a) for a in resolve(r26.host, ctr, name).addrs][:1] == [ip]


def test_resolve_short_id(r26: Session) -> None:
    h = r26.host
    short = h.find_container("web01").id[:12]
    assert str(resolve(h, "client", short.upper()).addrs[0]) == "10.40.0.2"   # DNSNames has the short ID


@pytest.mark.parametrize(("ctr", "name"), [
    ("client", "lone"),      # r26 [18]: not on a shared network
    ("lone", "db"),          # r26 [20]: the alias belongs to the app network
    ("bb1", "bb2"),          # r26 [34]: no embedded DNS on the default bridge
    ("client", "nosuchname"),  # r26 [7]
])
def test_not_resolved(r26: Session, ctr: str, name: str) -> None:
    assert not resolve(r26.host, ctr, name).found


def test_add_host_and_host_gateway() -> None:
    s = build("28", ["docker run -itd --name hx --add-host host.docker.internal:host-gateway busybox"])
    assert str(resolve(s.host, "hx", "host.docker.internal").addrs[0]) == "172.17.0.1"   # r27 [12]
    r = s.run_line("docker exec hx ping -c 1 -W 1 host.docker.internal")                  # r27 [13]
    assert r.exit_code == 0 and "1 packets received" in r.stdout


# --- the tools' output ----------------------------------------------------------------------------

def test_ping_outputs(r24: Session) -> None:
    ok = r24.run_line("docker exec oa ping -c 1 -W 1 ob")                 # r24 [15]
    assert ok.exit_code == 0
    assert ok.stdout.startswith("PING ob (10.32.0.3): 56 data bytes\n64 bytes from 10.32.0.3: seq=0 ttl=64 time=")
    assert "1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = " in ok.stdout
    lost = r24.run_line("docker exec ia ping -c 1 -W 1 10.30.0.3")        # r24 [11]
    assert (lost.exit_code, lost.stdout) == (1, "PING 10.30.0.3 (10.30.0.3): 56 data bytes\n\n"
                                                "--- 10.30.0.3 ping statistics ---\n"
                                                "1 packets transmitted, 0 packets received, 100% packet loss\n")
    many = r24.run_line("docker exec oa ping -c 3 10.32.0.3")
    assert "3 packets transmitted, 3 packets received" in many.stdout and "seq=2" in many.stdout


def test_ping_no_route_and_bad_address() -> None:
    s = build("28", R24 + ["docker run -itd --name bb1 busybox"])
    r = s.run_line("docker exec ta ping -c 1 -W 1 192.0.2.2")              # r24 [21] (28)
    assert (r.exit_code, r.stdout, r.stderr) == (1, "PING 192.0.2.2 (192.0.2.2): 56 data bytes\n",
                                                 "ping: sendto: Network is unreachable\n")
    r = s.run_line("docker exec bb1 ping -c 1 -W 1 bb2")                   # r26 [34]
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", "ping: bad address 'bb2'\n")


def test_nslookup_outputs(r26: Session) -> None:
    r = r26.run_line("docker exec client nslookup web01")                  # r26 [4]
    assert r.exit_code == 0
    assert r.stdout == ("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n"
                        "Name:\tweb01\nAddress: 10.40.0.2\n\nNon-authoritative answer:\n\n")
    r = r26.run_line("docker exec client nslookup nosuchname")             # r26 [7]
    if r26.engine == "28":
        assert r.stdout == ("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n"
                            + "** server can't find nosuchname: SERVFAIL\n\n" * 2)
    else:
        assert r.stdout == ";; connection timed out; no servers could be reached\n\n"
    assert r.exit_code == 1


def test_getent_is_not_in_busybox(r26: Session) -> None:
    r = r26.run_line("docker exec client getent hosts web01")
    assert r.exit_code == (127 if r26.engine == "28" else 126) and '"getent": executable file not found' in r.stdout and r.stderr == ""


# --- the matrix -----------------------------------------------------------------------------------

def test_reachability_matrix_shares_walks(r24: Session) -> None:
    m = reachability(r24.host, ["ia", "ib", "oa", "ob"])
    assert m["ia", "ib"].verdict == "dropped" and m["oa", "ob"].verdict == "reachable"
    assert m["oa", "ia"].verdict == "dropped"
    assert "oa" in str(m) and "<table" in m._repr_html_() and m.legend() in str(m)


def test_trace_explains(r24: Session) -> None:
    t = reach(r24.host, "oa", "ob")
    text = t.explain()
    assert "REACHABLE" in text and "request:" in text and "reply:" in text and "bridge br-" in text
    assert "<table" in t._repr_html_() and "text-align:left" in t._repr_html_()   # left-aligned under Jupyter
    assert OUTSIDE_IP.count(".") == 3


@pytest.mark.parametrize("engine", ENGINES)
def test_a_paused_container_is_answered_by_its_kernel(engine: str) -> None:
    """r180: ping reaches a paused container and a closed port still refuses (the kernel answers
    both); a listening socket completes the handshake but its frozen process never answers. The
    lesson says the container is paused, so a good ping is not read as a working service."""
    s = build(engine, ["docker network create --subnet 10.78.0.0/24 lan",
                       "docker run -itd --name srv --network lan busybox",
                       "docker run -itd --name cli --network lan busybox",
                       "docker exec -d srv httpd -f -p 80", "docker pause srv"])
    h = s.host
    ping = reach(h, "cli", "srv")
    assert ping.ok and "srv is paused" in ping.lesson and "kernel answers ping" in ping.lesson
    web = reach(h, "cli", "srv", port=80)
    assert web.ok and web.paused == "srv" and "never reads the request" in web.explain()
    assert reach(h, "cli", "srv", port=81).verdict == "refused"
    got = s.run_line("docker exec cli wget -q -O - http://srv/")
    assert (got.stderr, got.exit_code) == ("wget: download timed out\n", 1)
    s.run_line("docker unpause srv")
    assert reach(h, "cli", "srv").paused == "" and "404 Not Found" in s.run_line(
        "docker exec cli wget -q -O - http://srv/").stderr
