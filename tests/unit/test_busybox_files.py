"""Table tests for busybox's file applets in a container (userland.busybox_files over
userland.rootfs): ls's formats and errors, cat of Docker's files and of the namespace's /proc and
/sys files, find, df, mount, which, readlink, sysctl, the refusals of the applets that write, and
the simulator's own word for what it does not model. Exact output, as recorded in r200-r203."""

from __future__ import annotations

import pytest

from dockernet_sim.terminal import Session
from dockernet_sim.userland import applets
from dockernet_sim.userland.busybox_files import busybox_ls
from dockernet_sim.userland.rootfs import RootFs, image_data

ENGINES = ("28", "26", "20.10")


def session(engine: str = "28") -> Session:
    sh = Session(engine=engine, seed=0)
    sh.directive("image busybox:latest CMD /bin/sh TOOLS busybox")
    sh.directive("image centos:latest CMD /bin/bash TOOLS iproute2")
    sh.run_line("docker network create --subnet 10.200.0.0/24 fnet")
    sh.run_line("docker run -itd --name web --network fnet --ip 10.200.0.10 busybox")
    return sh


@pytest.fixture(scope="module")
def sh() -> Session:
    return session()


def out(sh: Session, line: str) -> tuple[str, str, int]:
    r = sh.run_line(line)
    return r.stdout, r.stderr, r.exit_code


def test_the_recorded_image_is_busybox_and_its_applet_links() -> None:
    data = image_data()
    bins = [path for kind, _, _, _, path, target in data.image if path.startswith("/bin/")]
    assert "/bin/busybox" in bins and len(bins) == 269
    links = {path.rsplit("/", 1)[1] for kind, _, _, _, path, target in data.image if target == "busybox"}
    assert links <= applets.BUSYBOX_APPLETS


LS = [
    ("ls /", "bin\ndev\netc\nproc\nsys\ntmp\n", "", 0),
    ("ls -a /", ".\n..\n.dockerenv\nbin\ndev\netc\nproc\nsys\ntmp\n", "", 0),
    ("ls -A /etc", "hostname\nhosts\nmtab\nresolv.conf\n", "", 0),
    ("ls -x /", "bin   dev   etc   proc  sys   tmp\n", "", 0),
    ("ls -w 20 -x /", "bin   dev   etc\nproc  sys   tmp\n", "", 0),
    ("ls -C -w 20 /", "bin   etc   sys\ndev   proc  tmp\n", "", 0),
    ("ls -p /etc", "hostname\nhosts\nmtab\nresolv.conf\n", "", 0),
    ("ls -F /", "bin/\ndev/\netc/\nproc/\nsys/\ntmp/\n", "", 0),
    ("ls -s /etc", "total 12\n     4 hostname\n     4 hosts\n     0 mtab\n     4 resolv.conf\n", "", 0),
    ("ls /etc /tmp", "/etc:\nhostname\nhosts\nmtab\nresolv.conf\n\n/tmp:\n", "", 0),
    ("ls /etc/hosts /nonexistent /tmp", "/etc/hosts\n\n/tmp:\n", "ls: /nonexistent: No such file or directory\n", 1),
    ("ls -d /etc", "/etc\n", "", 0),
    ("ls /root", "", "ls: /root: No such file or directory\n", 1),
    ("ls /sys/class/net", "eth0\nlo\n", "", 0),
    ("ls -Z /", "", "ls: invalid option -- 'Z'\n" + applets.busybox_usage("ls"), 1),
    ("ls --bogus", "", "ls: unrecognized option '--bogus'\n" + applets.busybox_usage("ls"), 1),
    ("ls -w", "", "ls: option requires an argument -- 'w'\n" + applets.busybox_usage("ls"), 1),
    ("ls --help", "", applets.busybox_usage("ls"), 0),
    ("ls /proc", "", "dockernet_sim: ls /proc: not simulated: only the network files of /proc and /sys are modelled\n",
     2),
    ("ls -i /", "", "dockernet_sim: ls -i: not simulated\n", 2),
    ("ls ''", "", "ls: : No such file or directory\n", 1),
    ("ls /etc/hosts/", "", "ls: /etc/hosts/: Not a directory\n", 1),
    ("ls /sys/class/net/lo/statistics", "",
     "dockernet_sim: ls /sys/devices/virtual/net/lo/statistics: not simulated: only the network files of /proc and "
     "/sys are modelled\n", 2),
]


@pytest.mark.parametrize("line,stdout,stderr,code", LS, ids=[c[0] for c in LS])
def test_ls(sh: Session, line: str, stdout: str, stderr: str, code: int) -> None:
    assert out(sh, "docker exec web " + line) == (stdout, stderr, code)


def test_ls_long_formats(sh: Session) -> None:
    lines = out(sh, "docker exec web ls -l /dev")[0].splitlines()
    assert lines[0] == "total 0"
    assert lines[1].startswith("crw--w----    1 0        5         136,   0 ")
    assert lines[1].endswith(" console")
    assert lines[2].endswith(" fd -> /proc/self/fd")
    etc = out(sh, "docker exec web ls -l /etc")[0].splitlines()
    assert etc[0] == "total 12"
    assert etc[1].startswith("-rw-r--r--    1 0        0               13 ") and etc[1].endswith(" hostname")
    assert etc[3].startswith("lrwxrwxrwx    1 0        0               12 ") and etc[3].endswith(" mtab -> /proc/mounts")
    assert out(sh, "docker exec web ls -l /bin/ls")[0].startswith("lrwxrwxrwx    1 0        0                7 ")


def test_ls_dates_cut_as_busybox_cuts_ctime() -> None:
    fs = RootFs.bare()
    year = 365 * 24 * 3600
    recent = busybox_ls(["-ld", "/bin"], fs, "/", 1796512421 + 3600).stdout
    old = busybox_ls(["-ld", "/bin"], fs, "/", 1796512421 + year).stdout
    assert recent.endswith(" Dec  5 23:13 /bin\n")
    assert old.endswith(" Dec  5  2026 /bin\n")


CAT = [
    ("cat /etc/os-release", "", "cat: can't open '/etc/os-release': No such file or directory\n", 1),
    ("cat /etc", "", "cat: read error: Is a directory\n", 1),
    ("cat /sys/class/net/eth0/mtu", "1500\n", "", 0),
    ("cat /sys/class/net/lo/mtu", "65536\n", "", 0),
    ("cat /sys/class/net/lo/address", "00:00:00:00:00:00\n", "", 0),
    ("cat /sys/class/net/eth0/operstate", "up\n", "", 0),
    ("cat /sys/class/net/lo/operstate", "unknown\n", "", 0),
    ("cat /sys/class/net/eth0/type", "1\n", "", 0),
    ("cat /sys/class/net/lo/type", "772\n", "", 0),
    ("cat /sys/class/net/eth0/tx_queue_len", "0\n", "", 0),
    ("cat /sys/class/net/eth0/broadcast", "ff:ff:ff:ff:ff:ff\n", "", 0),
    ("cat /sys/class/net/eth9/mtu", "", "cat: can't open '/sys/class/net/eth9/mtu': No such file or directory\n", 1),
    ("cat /proc/sys/net/ipv4/ip_forward", "1\n", "", 0),
    ("cat /proc/net/snmp", "",
     "dockernet_sim: cat /proc/net/snmp: not simulated: the simulator does not model this file's content\n", 2),
    ("cat /.dockerenv", "", "", 0),
    ("cat /proc/1/cmdline", "/bin/sh\0", "", 0),
    ("cat /etc/hosts/", "", "cat: can't open '/etc/hosts/': Not a directory\n", 1),
    ("cat /sys/class/net/lo/statistics/rx_packets", "0\n", "", 0),
    ("cat /sys/class/net/eth0/statistics/rx_dropped", "",
     "dockernet_sim: cat /sys/class/net/eth0/statistics/rx_dropped: not simulated: only the network files of /proc "
     "and /sys are modelled\n", 2),
]


@pytest.mark.parametrize("line,stdout,stderr,code", CAT, ids=[c[0] for c in CAT])
def test_cat(sh: Session, line: str, stdout: str, stderr: str, code: int) -> None:
    assert out(sh, "docker exec web " + line) == (stdout, stderr, code)


def test_proc_net_route_and_dev(sh: Session) -> None:
    route = out(sh, "docker exec web cat /proc/net/route")[0].splitlines()
    assert [line.split() for line in route[1:]] == [
        ["eth0", "00000000", "0100C80A", "0003", "0", "0", "0", "00000000", "0", "0", "0"],
        ["eth0", "0000C80A", "00000000", "0001", "0", "0", "0", "00FFFFFF", "0", "0", "0"]]
    assert all(len(line) == 127 for line in route)
    dev = out(sh, "docker exec web cat /proc/net/dev")[0].splitlines()
    assert dev[0] == "Inter-|   Receive                                                |  Transmit"
    assert [line.split(":")[0].strip() for line in dev[2:]] == ["lo", "eth0"]
    assert all(len(line.split()) == 17 for line in dev[2:])


def test_proc_net_arp_after_a_ping(sh: Session) -> None:
    s = session("20.10")
    s.run_line("docker run -itd --name db --network fnet --ip 10.200.0.20 busybox")
    head = "IP address       HW type     Flags       HW address            Mask     Device\n"
    assert out(s, "docker exec web cat /proc/net/arp") == (head, "", 0)
    s.run_line("docker exec web ping -c 1 10.200.0.20")
    assert out(s, "docker exec web cat /proc/net/arp") == (
        head + "10.200.0.20      0x1         0x2         02:42:0a:c8:00:14     *        eth0\n", "", 0)


@pytest.mark.parametrize("engine,disabled", [("28", "1"), ("26", "1"), ("20.10", "1")])
def test_ipv6_sysctls_follow_the_namespace(engine: str, disabled: str) -> None:
    s = session(engine)
    assert out(s, "docker exec web cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6") == (disabled + "\n", "", 0)
    every = "1" if engine == "20.10" else "0"
    assert out(s, "docker exec web sysctl net.ipv6.conf.all.disable_ipv6") == (
        f"net.ipv6.conf.all.disable_ipv6 = {every}\n", "", 0)


OTHERS = [
    ("find /etc", "/etc\n/etc/hostname\n/etc/hosts\n/etc/mtab\n/etc/resolv.conf\n", "", 0),
    ("find /etc -type l", "/etc/mtab\n", "", 0),
    ("find /etc -name host*", "/etc/hostname\n/etc/hosts\n", "", 0),
    ("find /nonexistent", "", "find: /nonexistent: No such file or directory\n", 1),
    ("find /etc -name", "", "find: -name requires an argument\n", 1),
    ("find /etc -bogus", "", "find: unrecognized: -bogus\n" + applets.busybox_usage("find"), 1),
    ("which ping", "/bin/ping\n", "", 0),
    ("which ls sh", "/bin/ls\n/bin/sh\n", "", 0),
    ("which nosuch", "", "", 1),
    ("which", "", applets.busybox_usage("which"), 1),
    ("readlink /bin/ls", "busybox\n", "", 0),
    ("readlink /etc/mtab", "/proc/mounts\n", "", 0),
    ("readlink /etc/hosts", "", "", 1),
    ("readlink -f /etc/mtab", "/proc/mounts\n", "", 0),
    ("readlink -f /sys/class/net/eth0", "/sys/devices/virtual/net/eth0\n", "", 0),
    ("sysctl net.ipv4.ip_forward", "net.ipv4.ip_forward = 1\n", "", 0),
    ("sysctl -n net.ipv4.ip_forward", "1\n", "", 0),
    ("sysctl net.ipv4.nosuch", "", "sysctl: error: 'net.ipv4.nosuch' is an unknown key\n", 1),
    ("dmesg", "", "dmesg: klogctl: Operation not permitted\n", 1),
    ("mkdir /etc", "", "mkdir: can't create directory '/etc': File exists\n", 1),
    ("rm /tmp/nonexistent", "", "rm: can't remove '/tmp/nonexistent': No such file or directory\n", 1),
    ("touch /nonexistent/x", "", "touch: /nonexistent/x: No such file or directory\n", 1),
    ("touch /sys/x", "", "touch: /sys/x: Read-only file system\n", 1),
    ("date", "", "dockernet_sim: busybox date: not simulated: the simulator does not model this applet\n", 2),
    ("wc -l /etc/resolv.conf", "11 /etc/resolv.conf\n", "", 0),
    ("head -n 1 /etc/hosts", "127.0.0.1\tlocalhost\n", "", 0),
]


@pytest.mark.parametrize("line,stdout,stderr,code", OTHERS, ids=[c[0] for c in OTHERS])
def test_other_applets(sh: Session, line: str, stdout: str, stderr: str, code: int) -> None:
    assert out(sh, "docker exec web " + line) == (stdout, stderr, code)


def test_df_and_mount_come_from_the_mount_table(sh: Session) -> None:
    mounts = out(sh, "docker exec web cat /proc/mounts")[0]
    assert out(sh, "docker exec web cat /etc/mtab")[0] == mounts
    listed = out(sh, "docker exec web mount")[0].splitlines()
    assert listed[0] == "/dev/vda on / type ext4 (rw,relatime,discard,resv_strict,resuid=65534,resgid=65534)"
    assert len(listed) == len(mounts.splitlines())
    df = out(sh, "docker exec web df -h /")
    assert df == ("Filesystem                Size      Used Available Use% Mounted on\n"
                  "/dev/vda                252.0G     24.8G     76.6G  24% /\n", "", 0)
    assert out(sh, "docker exec web df /etc/hosts")[0].splitlines()[1].endswith("% /")


@pytest.mark.parametrize("engine", ENGINES)
def test_masked_paths_follow_the_engine(engine: str) -> None:
    s = session(engine)
    mounts = out(s, "docker exec web cat /proc/mounts")[0]
    assert ("/proc/interrupts" in mounts) == (engine == "28")
    acpi = next(line for line in mounts.splitlines() if " /proc/acpi " in line)
    assert acpi.endswith("ro,relatime,size=4k,nr_inodes=1 0 0" if engine == "28" else "ro,relatime 0 0")


def test_no_applet_busybox_has_is_missing(sh: Session) -> None:
    """Every applet of the image runs or says it is not simulated: never runc's "not found"."""
    for applet in sorted(applets.BUSYBOX_APPLETS - {"sh", "ash", "httpd", "nc", "telnetd", "udhcpd", "init",
                                                   "sleep", "yes", "watch", "top", "crond", "syslogd", "klogd"}):
        r = sh.run_line(f"docker exec web {applet} --help")
        assert "executable file not found" not in r.stdout + r.stderr, applet


def test_a_shell_redirection_writes_the_file(sh: Session) -> None:
    assert out(sh, "docker exec web sh -c 'echo hi > /tmp/redirected; echo done'") == ("done\n", "", 0)
    assert out(sh, "docker exec web sh -c 'cat /tmp/redirected; rm /tmp/redirected'") == ("hi\n", "", 0)
    assert out(sh, "docker exec web sh -c 'echo hi > /dev/tty0'") == (
        "", "dockernet_sim: > /dev/tty0: not simulated: the simulator keeps no write there: the output goes nowhere\n", 0)
    assert out(sh, "docker exec web sh -c 'echo hi > /dev/null; cd /proc/net && cat route | wc -l'") == ("3\n", "", 0)
    assert out(sh, "docker exec -w /sys/class/net web ls") == ("eth0\nlo\n", "", 0)


def test_the_iproute2_image_is_unchanged(sh: Session) -> None:
    sh.run_line("docker run -itd --name c1 centos")
    r = sh.run_line("docker exec c1 ls /")
    assert r.exit_code == 1 and "Object \"/\" is unknown" in r.stderr
    assert sh.run_line("docker exec c1 bash -c 'read -r h < /etc/hostname; echo $h'").stdout.strip()
