"""busybox nslookup against the embedded DNS (query/tools.py, daemon/resolver.py).

Expected outputs are from tests/golden/docker-*/r80_dns_options_e2e and r86_dns_name_forms.
"""

from __future__ import annotations

import pytest

from dockernet_sim.terminal import Session

HOST = "host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53"
HEAD = "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n"
TIMEOUT = ";; connection timed out; no servers could be reached\n\n"


def build(engine: str, dockerd: str, lines: list[str]) -> Session:
    s = Session(engine=engine)
    assert s.directive(f"dockerd {dockerd}") is None
    assert s.directive(HOST) is None
    for line in lines:
        r = s.run_line(line)
        assert r.exit_code == 0, (line, r.stderr)
    return s


R86 = ["docker network create --subnet 10.86.0.0/24 mynet", "docker network create --subnet 10.86.1.0/24 other",
       "docker run -itd --name web --network mynet --network-alias www busybox",
       "docker run -itd --name cl --network mynet busybox", "docker run -itd --name oo --network other busybox",
       "docker network connect --alias api other web"]


@pytest.fixture(params=["28", "20.10"])
def r86(request: pytest.FixtureRequest) -> Session:
    return build(request.param, "--dns 127.0.0.1", R86)


def ns(s: Session, line: str) -> tuple[int, str]:
    r = s.run_line(line)
    return r.exit_code, r.stdout


def fail(s: Session, name: str) -> tuple[int, str]:
    if s.host.profile.name == "20.10":
        return 1, TIMEOUT
    return 1, HEAD + f"** server can't find {name}: SERVFAIL\n\n" * 2


def test_name_case_and_network_suffix(r86: Session) -> None:
    # r86 [6]: names match case-insensitively
    assert ns(r86, "docker exec cl nslookup WEB") == (0, HEAD + "Non-authoritative answer:\nName:\tWEB\n"
                                                         "Address: 10.86.0.2\n\nNon-authoritative answer:\n\n")
    # r86 [7]: the network suffix must match exactly
    assert ns(r86, "docker exec cl nslookup Web.MyNet") == fail(r86, "Web.MyNet")
    # r86 [10]: a name of a network the asker is not on
    assert ns(r86, "docker exec cl nslookup web.other") == fail(r86, "web.other")


def test_type_a_and_short_id(r86: Session) -> None:
    # r86 [4], [5]: -type=a asks A only; the 12-character ID and ID.network resolve
    sid = r86.host.find_container("web").short_id
    for name in (sid, sid + ".mynet"):
        assert ns(r86, f"docker exec web nslookup -type=a {name}") == (
            0, HEAD + f"Non-authoritative answer:\nName:\t{name}\nAddress: 10.86.0.2\n\n")


def test_reverse_lookups(r86: Session) -> None:
    # r86 [23], [24]: PTR answers container.network, for the asker's networks
    assert ns(r86, "docker exec cl nslookup 10.86.0.2") == (
        0, HEAD + "Non-authoritative answer:\n2.0.86.10.in-addr.arpa\tname = web.mynet\n\n")
    assert ns(r86, "docker exec oo nslookup 10.86.1.3 127.0.0.11") == (
        0, HEAD + "Non-authoritative answer:\n3.1.86.10.in-addr.arpa\tname = web.other\n\n")


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_search_domain_replaces_a_dotless_name(engine: str) -> None:
    s = build(engine, "--dns 127.0.0.1 --dns-search corp.test",
              ["docker network create --subnet 10.80.0.0/24 mynet",
               "docker run -itd --name web --network mynet busybox",
               "docker run -itd --name cl --network mynet busybox"])
    # r80 [23]: asked as WEB.corp.test only (busybox add_query_with_search), forwarded, failing
    assert ns(s, "docker exec cl nslookup WEB") == fail(s, "WEB.corp.test")
    # r80 [21]: an explicit server reads no search domain
    assert ns(s, "docker exec cl nslookup web 127.0.0.11")[0] == 0
    # r80 [22]: a dotted name is asked as it is
    assert ns(s, "docker exec cl nslookup web.mynet")[0] == 0
