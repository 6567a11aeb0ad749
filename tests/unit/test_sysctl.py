"""Sysctls (tests/golden r241-r244, recorded on 20.10, 26 and 28): the /proc/sys tree a namespace
shows (``kernel.sysctl``), procps ``sysctl`` on the host, busybox ``sysctl`` and ``cat`` in
containers, ``docker run --sysctl`` as the client checks it and the daemon and runc apply it."""

from __future__ import annotations

import pytest

from dockernet_sim.kernel import Kernel
from dockernet_sim.kernel import sysctl as tree
from dockernet_sim.journal import Journal
from dockernet_sim.terminal import Session

ENGINES = ("20.10", "26", "28")


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


# -- the tree ----------------------------------------------------------------------------------------

def test_the_host_tree_has_the_kernels_defaults_and_a_directory_per_device() -> None:
    k = Kernel()
    host = k.host
    host.add_link("br.5", "bridge", mtu=1400)
    assert tree.find(host, "net.ipv4.ip_forward") == tree.Entry("net.ipv4.ip_forward", "1")
    assert tree.find(host, "net.ipv4.ping_group_range").value == "1\t0"
    assert tree.find(host, "net.ipv6.conf.br.5.mtu").value == "1400"        # a device's IPv6 MTU is its own
    assert tree.find(host, "net.ipv6.conf.lo.mtu").value == "65536"
    assert tree.find(host, "net.ipv6.conf.all.mtu").value == "1280"
    assert tree.find(host, "net.ipv6.conf.lo.stable_secret").value is None  # EIO until one is set
    assert tree.find(host, "net.ipv4.neigh.all.mcast_solicit") is None      # neigh: devices only
    assert tree.find(host, "net.ipv4.no_such_key") is None
    assert tree.find(host, "net.ipv4") is None and tree.is_directory(host, "net.ipv4")
    assert tree.is_directory(host, "net.ipv4.conf.br.5")
    keys = [e.key for e in tree.subtree(host, "net.ipv4.conf.br.5")]
    assert len(keys) == 33 and keys[0] == "net.ipv4.conf.br.5.accept_local" and keys == sorted(keys)
    # 123 lines a device in procps's -a (deprecated and unreadable left out), 127 files in all
    per_device = [e for e in tree.subtree(host) if ".br.5." in e.key]
    assert len(per_device) == 128
    assert len([e for e in per_device if not e.deprecated and e.value is not None]) == 123


def test_a_new_namespace_copies_the_hosts_ipv4_settings_and_a_write_to_all_reaches_every_device() -> None:
    k = Kernel()
    ns = k.new_namespace("c1")
    ns.add_link("eth0", "veth")
    assert tree.find(ns, "net.ipv4.conf.eth0.forwarding").value == "1"     # the host forwards
    assert tree.find(ns, "net.ipv6.conf.all.forwarding").value == "0"      # IPv6: the defaults
    j = Journal()
    with j.transaction():
        tree.write(ns, "net.ipv6.conf.eth0.disable_ipv6", "1", j)
        tree.write(ns, "net.ipv4.ip_forward", "0", j)
    assert tree.find(ns, "net.ipv4.conf.eth0.forwarding").value == "0"
    assert tree.find(ns, "net.ipv4.conf.default.forwarding").value == "0"
    assert tree.find(k.host, "net.ipv4.ip_forward").value == "1"
    tree.write(ns, "net.ipv6.conf.all.disable_ipv6", "0", j)
    assert tree.find(ns, "net.ipv6.conf.eth0.disable_ipv6").value == "0"


# -- procps on the host ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("sysctl net.ipv4.ip_forward", ("net.ipv4.ip_forward = 1\n", "", 0)),
    ("sysctl -n net.ipv4.ip_forward", ("1\n", "", 0)),
    ("sysctl -N net.ipv4.ip_forward", ("net.ipv4.ip_forward\n", "", 0)),
    ("sysctl net/ipv4/ip_forward", ("net.ipv4.ip_forward = 1\n", "", 0)),
    ("sysctl net.ipv4.nope", ("", "sysctl: cannot stat /proc/sys/net/ipv4/nope: No such file or directory\n", 1)),
    ("sysctl -q net.ipv4.nope", ("", "sysctl: cannot stat /proc/sys/net/ipv4/nope: No such file or directory\n", 1)),
    ("sysctl -e net.ipv4.nope", ("", "", 0)),
    ("sysctl -x", ("", "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1)),
    ("sysctl net.ipv6.conf.lo.stable_secret", ("", "", 1)),
    ("sysctl net.bridge.bridge-nf-call-iptables", ("net.bridge.bridge-nf-call-iptables = 1\n", "", 0)),
    ("cat /proc/sys/net/ipv4/ip_forward", ("1\n", "", 0)),
    ("cat /proc/sys/net/ipv4/nope", ("", "cat: /proc/sys/net/ipv4/nope: No such file or directory\n", 1)),
    ("sysctl -a | grep -c docker0", ("123\n", "", 0)),
])
def test_procps_sysctl_on_the_host(line: str, expected: tuple[str, str, int]) -> None:
    assert run(Session(engine="28"), line) == expected


def test_procps_usage_goes_to_stderr_alone_and_to_stdout_after_a_bad_option() -> None:
    s = Session(engine="28")
    out, err, code = run(s, "sysctl")
    assert (out, code) == ("", 1) and err.startswith("\nUsage:\n sysctl [options] [variable[=value] ...]\n")
    assert run(s, "sysctl -Z") == (err, "sysctl: invalid option -- 'Z'\n", 0)


def test_route_localnet_follows_the_userland_proxy() -> None:
    s = Session(engine="28")
    assert run(s, "sysctl -n net.ipv4.conf.docker0.route_localnet")[0] == "0\n"
    s = Session(engine="28")
    assert s.directive("dockerd --userland-proxy=false") is None
    assert run(s, "sysctl -n net.ipv4.conf.docker0.route_localnet net.ipv4.conf.all.route_localnet")[0] == "1\n0\n"


# -- busybox in a container --------------------------------------------------------------------------

@pytest.mark.parametrize("engine, all_disable", [("20.10", "1"), ("26", "0"), ("28", "0")])
def test_busybox_sysctl_in_a_container(engine: str, all_disable: str) -> None:
    s = Session(engine=engine)
    run(s, "docker run -d --name c1 busybox sleep 1000")
    assert run(s, "docker exec c1 sysctl net.ipv6.conf.all.disable_ipv6") == \
        (f"net.ipv6.conf.all.disable_ipv6 = {all_disable}\n", "", 0)
    assert run(s, "docker exec c1 sysctl net.ipv4.ping_group_range net.ipv4.ip_unprivileged_port_start") == \
        ("net.ipv4.ping_group_range = 0\t2147483647\nnet.ipv4.ip_unprivileged_port_start = 0\n", "", 0)
    assert run(s, "docker exec c1 sysctl net.ipv4.nope") == ("", "sysctl: error: 'net.ipv4.nope' is an unknown key\n", 1)
    assert run(s, "docker exec c1 sysctl -e net.ipv4.nope") == ("", "", 1)
    assert run(s, "docker exec c1 sysctl -w net.ipv4.ip_forward=0") == \
        ("", "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n", 1)
    out, err, code = run(s, "docker exec c1 sysctl -N net.ipv4.ip_forward")
    assert (out, code) == ("", 1) and err.startswith("sysctl: invalid option -- 'N'\nBusyBox v1.35.0")
    assert run(s, "docker exec c1 sysctl -a | grep -c eth0")[0] == "127\n"
    assert run(s, "docker exec c1 cat /proc/sys/net/ipv4/ip_forward") == ("1\n", "", 0)
    assert run(s, "docker exec c1 sysctl") == ("", "", 0)


# -- docker run --sysctl -----------------------------------------------------------------------------

@pytest.mark.parametrize("engine, word, tail", [
    ("20.10", "whitelisted", "See 'docker run --help'.\n"),
    ("26", "allowed", "See 'docker run --help'.\n"),
    ("28", "allowed", "\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n"),
])
@pytest.mark.parametrize("value", ["bogus", "net.ipv4.ip_forward", "=1", "kernel.domainname=x"])
def test_the_client_refuses_a_sysctl_outside_the_containers_namespaces(engine: str, word: str, tail: str,
                                                                       value: str) -> None:
    out, err, code = run(Session(engine=engine), f"docker run --rm --sysctl {value} busybox true")
    assert (out, code) == ("", 125)
    assert err == f'invalid argument "{value}" for "--sysctl" flag: sysctl \'{value}\' is not {word}\n' + tail


@pytest.mark.parametrize("engine", ENGINES)
def test_sysctls_reach_the_container_and_its_inspect(engine: str) -> None:
    s = Session(engine=engine)
    run(s, "docker run -d --name c1 --sysctl net.ipv4.ip_forward=0 --sysctl net.core.somaxconn=1024 busybox sleep 1000")
    assert run(s, "docker inspect -f '{{json .HostConfig.Sysctls}}' c1")[0] == \
        '{"net.core.somaxconn":"1024","net.ipv4.ip_forward":"0"}\n'
    assert run(s, "docker exec c1 cat /proc/sys/net/ipv4/conf/eth0/forwarding /proc/sys/net/core/somaxconn")[0] == "0\n1024\n"
    run(s, "docker run -d --name d1 busybox sleep 1000")
    assert run(s, "docker inspect -f '{{.HostConfig.Sysctls}}' d1")[0] == "map[]\n"
    assert run(s, "docker run --rm --sysctl kernel.shmmax=1 busybox cat /proc/sys/kernel/shmmax")[0] == "1\n"
    out, err, code = run(s, "docker run --rm --sysctl 'net.ipv6.conf.all.disable_ipv6=1' busybox ip a")
    assert "inet6" not in out and code == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_runc_refuses_a_net_sysctl_on_the_hosts_namespace(engine: str) -> None:
    s = Session(engine=engine)
    assert run(s, "docker create --name h1 --network host --sysctl net.ipv4.ip_forward=1 busybox")[2] == 0
    out, err, code = run(s, "docker start h1")
    assert code == 1 and 'runc create failed: sysctl "net.ipv4.ip_forward" not allowed in host network namespace' in err
    assert run(s, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' h1")[0] == "created 128\n"
    assert run(s, "docker run --rm --network host --sysctl kernel.shmmax=1 busybox true") == ("", "", 0)


@pytest.mark.parametrize("engine, code, words", [
    ("20.10", 127, "open /proc/sys/net/ipv4/nope: no such file or directory: unknown."),
    ("28", 127, "open sysctl net.ipv4.nope file: unsafe procfs detected"),
])
def test_runc_refuses_a_key_the_kernel_lacks(engine: str, code: int, words: str) -> None:
    out, err, got = run(Session(engine=engine), "docker run --rm --sysctl net.ipv4.nope=1 busybox true")
    assert got == code and words in err


@pytest.mark.parametrize("engine, refused", [("20.10", False), ("26", False), ("28", True)])
def test_28_refuses_a_sysctl_for_one_interface(engine: str, refused: bool) -> None:
    out, err, code = run(Session(engine=engine),
                         "docker run --rm --sysctl net.ipv4.conf.eth0.forwarding=0 busybox sysctl -n net.ipv4.conf.eth0.forwarding")
    if refused:
        assert code == 125 and "interface specific sysctl setting \"net.ipv4.conf.eth0.forwarding\"" in err
    else:
        assert (out, err, code) == ("0\n", "", 0)


def test_a_refused_value_is_the_kernels_einval() -> None:
    out, err, code = run(Session(engine="28"), "docker run --rm --sysctl net.ipv4.ip_forward=abc busybox true")
    assert code == 125 and 'failed to write sysctl net.ipv4.ip_forward = "abc"' in err
