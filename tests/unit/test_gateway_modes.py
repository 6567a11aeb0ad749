"""Engine 28's bridge gateway modes and IPv4-disabled networks, as tables of command -> output.

Recorded on 28, 26 and 20.10 in tests/golden: r230_gateway_modes, r231_gateway_modes_ipv6,
r232_ipv4_disabled, r233_gateway_isolated. These tables pin the pieces the goldens show
together (the words, the bindings, the rules) and the what-if model's view of them.
"""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost

GW4 = "-o com.docker.network.bridge.gateway_mode_ipv4="
GW6 = "-o com.docker.network.bridge.gateway_mode_ipv6="


def _host(engine: str = "28", *lines: str) -> DockerHost:
    h = DockerHost(engine=engine)
    for line in lines:
        r = h.sh(line)
        assert r.exit_code == 0, (line, r.stderr)
    return h


@pytest.mark.parametrize("opts, err", [
    (f"{GW4}isolated", "Error response from daemon: gateway mode 'isolated' can only be used for an internal network\n"),
    (f"{GW4}Routed", "Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: "
                     "Routed (unknown gateway mode Routed)\n"),
    (f"{GW6}bogus", "Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv6 value: "
                    "bogus (unknown gateway mode bogus)\n"),
    (f"{GW4}", "Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv4 value:  "
               "(unknown gateway mode )\n"),
])
def test_bad_gateway_modes_are_refused_on_28(opts: str, err: str) -> None:
    h = DockerHost(engine="28")
    r = h.sh(f"docker network create --subnet 10.44.0.0/24 {opts} n1")
    assert (r.stdout, r.stderr, r.exit_code) == ("", err, 1)
    assert h.sh("docker network ls -q").stdout.count("\n") == 3        # nothing was left behind


@pytest.mark.parametrize("engine", ["26", "20.10"])
def test_older_engines_keep_the_options_unread(engine: str) -> None:
    h = _host(engine, f"docker network create --subnet 10.44.0.0/24 {GW4}isolated n1",
              f"docker network create --subnet 10.45.0.0/24 {GW4}routed n2",
              "docker run -d --name c1 --network n2 -p 8081:80 busybox sleep 1000")
    assert h.sh("docker network inspect n1 --format '{{json .Options}}'").stdout == \
        '{"com.docker.network.bridge.gateway_mode_ipv4":"isolated"}\n'
    assert "0.0.0.0:8081" in h.sh("docker port c1").stdout
    assert "-j MASQUERADE" in h.sh("iptables -t nat -S POSTROUTING").stdout.split("10.45.0.0/24")[1]


def test_routed_ipv4_bindings_hold_no_host_port() -> None:
    h = _host("28", f"docker network create --subnet 10.42.0.0/24 {GW4}routed groute",
              "docker run -d --name rt1 --network groute -p 8081:80 -p 127.0.0.1:8082:82 busybox sleep 1000")
    assert h.sh("docker port rt1").stdout == "80/tcp -> 0.0.0.0:\n80/tcp -> [::]:8081\n82/tcp -> 0.0.0.0:\n"
    assert h.sh("docker ps --format '{{.Ports}}'").stdout == \
        "0.0.0.0:0->80/tcp, [::]:8081->80/tcp, 0.0.0.0:0->82/tcp\n"
    assert h.sh("docker inspect rt1 --format '{{json .NetworkSettings.Ports}}'").stdout == (
        '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":""},{"HostIp":"::","HostPort":"8081"}],'
        '"82/tcp":[{"HostIp":"0.0.0.0","HostPort":""}]}\n')
    # the IPv4 host port 8081 is free: another container on a NAT network takes it
    assert h.sh("docker run -d --name other -p 127.0.0.1:8081:80 busybox sleep 1000").exit_code == 0


def test_routed_and_unprotected_rules() -> None:
    h = _host("28", f"docker network create --subnet 10.42.0.0/24 {GW4}routed groute",
              f"docker network create --subnet 10.43.0.0/24 {GW4}nat-unprotected gnu",
              "docker run -d --name rt1 --network groute -p 8081:80 busybox sleep 1000",
              "docker run -d --name nu1 --network gnu -p 8083:80 busybox sleep 1000")
    br_r = "br-" + h.network_inspect("groute")["Id"][:12]
    br_u = "br-" + h.network_inspect("gnu")["Id"][:12]
    filt = h.sh("iptables -S").stdout.splitlines()
    nat = h.sh("iptables -t nat -S").stdout
    raw = h.sh("iptables -t raw -S").stdout
    assert f"-A DOCKER -o {br_r} -p icmp -j ACCEPT" in filt
    assert filt.index(f"-A DOCKER -o {br_r} -p icmp -j ACCEPT") + 1 == filt.index(f"-A DOCKER ! -i {br_r} -o {br_r} -j DROP")
    assert f"-A DOCKER -d 10.42.0.2/32 ! -i {br_r} -o {br_r} -p tcp -m tcp --dport 80 -j ACCEPT" in filt
    iso = [r for r in filt if r.startswith("-A DOCKER-ISOLATION-STAGE-1")]
    assert iso[:2] == [f"-A DOCKER-ISOLATION-STAGE-1 -i {br_r} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                       f"-A DOCKER-ISOLATION-STAGE-1 -o {br_r} -j RETURN"]
    assert "10.42.0.0/24" not in nat and "10.42.0.2" not in nat            # no MASQUERADE, no DNAT
    assert f"-A DOCKER ! -i {br_u} -o {br_u} -j ACCEPT" in filt             # instead of the DROP
    assert not any("10.43.0.2" in r for r in filt)                          # no per-port ACCEPT
    assert "--to-destination 10.43.0.2:80" in nat                           # DNAT kept
    assert "10.42.0.2" not in raw and "10.43.0.2" not in raw                # no direct-access drops


def test_isolated_internal_network_has_no_gateway() -> None:
    h = _host("28", f"docker network create --internal --subnet 10.71.0.0/24 {GW4}isolated iso",
              "docker run -d --name i1 --network iso busybox sleep 1000")
    assert h.sh("docker network inspect iso --format '{{json .IPAM.Config}}'").stdout == '[{"Subnet":"10.71.0.0/24"}]\n'
    assert h.sh("docker exec i1 ip route").stdout == "10.71.0.0/24 dev eth0 scope link  src 10.71.0.1 \n"
    assert "10.71" not in h.sh("ip route").stdout


def test_what_if_routed_network_is_reached_without_nat() -> None:
    h = _host("28", f"docker network create --subnet 10.42.0.0/24 {GW4}routed groute",
              "docker network create --subnet 10.41.0.0/24 gnat",
              "docker run -d --name rt1 --network groute -p 8081:80 busybox httpd -f -p 80",
              "docker run -d --name na1 --network gnat -p 8084:80 busybox httpd -f -p 80")
    t = h.reach("outside", "rt1", port=80)
    assert t.verdict == "reachable" and "gateway mode is routed" in t.lesson
    assert not any("DNAT" in hop.text for hop in t.hops)
    assert h.reach("outside", "na1", port=80).verdict == "dropped"      # a NAT network: only via the host port
    assert h.reach("outside", "rt1", port=81).verdict == "dropped"      # not published
    assert h.reach("na1", "rt1").verdict == "reachable"                 # ICMP into a routed network
    assert h.reach("rt1", "na1").verdict == "dropped"


def test_ipv4_disabled_network() -> None:
    h = DockerHost(engine="28")
    r = h.sh("docker network create --ipv4=false v4off")
    assert (r.stderr, r.exit_code) == ("Error response from daemon: IPv4 or IPv6 must be enabled\n", 1)
    for line in ("docker network create --ipv4=false --ipv6 --subnet 10.62.0.0/24 --subnet fd00:62::/64 v6",
                 "docker run -d --name six --network v6 -p 8090:80 busybox sleep 1000"):
        assert h.sh(line).exit_code == 0
    assert h.sh("docker network inspect v6 --format '{{.EnableIPv4}} {{json .IPAM.Config}}'").stdout == \
        'false [{"Subnet":"10.62.0.0/24"},{"Subnet":"fd00:62::/64"}]\n'
    assert h.sh("docker network ls --filter name=v6 --format '{{.IPv4}} {{.IPv6}}'").stdout == "false true\n"
    assert h.sh("docker exec six ip -4 addr show eth0").stdout == ""
    assert h.sh("docker exec six ip -6 route").stdout.splitlines()[2] == "default via fd00:62::1 dev eth0  metric 1024 "
    assert h.sh("docker port six").stdout == "80/tcp -> [::]:8090\n"
    assert "10.62" not in h.sh("ip route").stdout
    assert "--to-destination [fd00:62::2]:80" in h.sh("ip6tables -t nat -S DOCKER").stdout
    assert h.reach("six", "fd00:62::1").verdict == "reachable"


@pytest.mark.parametrize("engine", ["26", "20.10"])
def test_older_clients_have_no_ipv4_flag(engine: str) -> None:
    r = DockerHost(engine=engine).sh("docker network create --ipv4=false --ipv6 v6")
    assert r.exit_code == 125 and r.stderr.startswith("unknown flag: --ipv4\n")


def test_ipv4_flag_through_the_api_needs_a_new_daemon() -> None:
    """EnableIPv4 is API 1.48: 26's daemon does not know the field and keeps IPv4 on."""
    h = DockerHost(engine="26")
    h.network_create("n", enable_ipv4=False, enable_ipv6=True, ipam_config=[{"Subnet": "fd00:9::/64"}])
    assert "172.18.0.0/16" in [c["Subnet"] for c in h.network_inspect("n")["IPAM"]["Config"]]


def test_ip6tables_lists_the_ipv6_rules() -> None:
    h = _host("28", "docker network create --ipv6 --subnet fd00:50::/64 v6")
    br = "br-" + h.network_inspect("v6")["Id"][:12]
    assert f"-A POSTROUTING -s fd00:50::/64 ! -o {br} -j MASQUERADE" in h.sh("ip6tables -t nat -S").stdout
    assert "fd00:50::/64" not in h.sh("iptables -t nat -S").stdout
    r = h.sh("ip6tables -S NOSUCH")
    assert (r.stderr, r.exit_code) == (
        "ip6tables v1.8.9 (nf_tables): chain `NOSUCH' in table `filter' is incompatible, use 'nft' tool.\n", 1)


def test_each_family_has_its_own_default_gateway() -> None:
    """r234 on 28: an IPv4-only network connected to a container of an IPv6-only one gives the IPv4
    default route and takes the published ports; the IPv6 default stays on the IPv6-only network."""
    h = _host("28", "docker network create --ipv4=false --ipv6 --subnet fd00:81::/64 v6only",
              "docker network create --subnet 10.82.0.0/24 v4only",
              "docker run -d --name cc --network v6only -p 8081:80 busybox sleep 1000",
              "docker network connect v4only cc")
    assert h.sh("docker exec cc ip route").stdout.splitlines()[0] == "default via 10.82.0.1 dev eth1 "
    assert "default via fd00:81::1 dev eth0  metric 1024 " in h.sh("docker exec cc ip -6 route").stdout.splitlines()
    assert h.sh("docker port cc").stdout == "80/tcp -> 0.0.0.0:8081\n80/tcp -> [::]:8081\n"


def test_macvlan_takes_a_network_with_neither_family() -> None:
    """r235 on 28: 'IPv4 or IPv6 must be enabled' is the bridge driver's check; macvlan creates it."""
    h = _host("28", "ip link add lan0 type veth peer name lan0p", "ip link set lan0 up",
              "docker network create -d macvlan --ipv4=false -o parent=lan0 none6")
    assert h.sh("docker network ls --filter name=none6 --format '{{.IPv4}} {{.IPv6}}'").stdout == "false false\n"
    r = h.sh("docker network create --ipv4=false br")
    assert (r.stderr, r.exit_code) == ("Error response from daemon: IPv4 or IPv6 must be enabled\n", 1)
