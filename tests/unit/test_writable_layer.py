"""A container's writable layer (daemon.layer) as busybox writes it (userland.busybox_writes) and
``docker diff`` lists it: exact output as recorded in r250 and r251; the layer's life (kept across
stop/start/restart, gone with rm), its cost (no object before the first write), an exec's
atomicity, save/load and fork."""

from __future__ import annotations

import os
import tempfile

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.layer import Change
from dockernet_sim.terminal import Session


def session(host: "DockerHost | None" = None) -> Session:
    sh = Session(engine="28", seed=0, host=host or DockerHost(engine="28", seed=0))
    sh.directive("image busybox:latest CMD /bin/sh TOOLS busybox")
    sh.run_line("docker run -itd --name web busybox")
    return sh


def out(sh: Session, line: str) -> tuple[str, str, int]:
    r = sh.run_line(line)
    return r.stdout, r.stderr, r.exit_code


WRITES = [
    ("touch /tmp/a", "", "", 0),
    ("mkdir /tmp/d", "", "", 0),
    ("mkdir /tmp/d", "", "mkdir: can't create directory '/tmp/d': File exists\n", 1),
    ("mkdir -p /tmp/d/e/f", "", "", 0),
    ("mkdir /tmp/x/y", "", "mkdir: can't create directory '/tmp/x/y': No such file or directory\n", 1),
    ("sh -c 'echo hello > /tmp/d/f; echo world >> /tmp/d/f; cat /tmp/d/f'", "hello\nworld\n", "", 0),
    ("wc -c /tmp/d/f", "12 /tmp/d/f\n", "", 0),
    ("cp /tmp/d/f /tmp/g", "", "", 0),
    ("mv /tmp/g /tmp/h", "", "", 0),
    ("ln -s /tmp/h /tmp/link", "", "", 0),
    ("cat /tmp/link", "hello\nworld\n", "", 0),
    ("cat /tmp/g", "", "cat: can't open '/tmp/g': No such file or directory\n", 1),
    ("rmdir /tmp/d", "", "rmdir: '/tmp/d': Directory not empty\n", 1),
    ("rm /tmp/d", "", "rm: '/tmp/d' is a directory\n", 1),
    ("rm -r /tmp/d", "", "", 0),
    ("rm -f /tmp/nonexistent", "", "", 0),
    ("ls -a /tmp", ".\n..\na\nh\nlink\n", "", 0),
    ("touch /proc/x", "", "touch: /proc/x: No such file or directory\n", 1),
    ("touch /sys/x", "", "touch: /sys/x: Read-only file system\n", 1),
    ("mkdir /sys/x", "", "mkdir: can't create directory '/sys/x': Read-only file system\n", 1),
    ("rm /proc/version", "", "rm: can't remove '/proc/version': Operation not permitted\n", 1),
    ("sh -c 'echo 1 > /proc/x'", "", "sh: can't create /proc/x: nonexistent directory\n", 1),
    ("sh -c 'echo 1 > /sys/x'", "", "sh: can't create /sys/x: Read-only file system\n", 1),
    ("sh -c 'echo 1 > /tmp'", "", "sh: can't create /tmp: Is a directory\n", 1),
    ("cp /tmp/nonexistent /tmp/q", "", "cp: can't stat '/tmp/nonexistent': No such file or directory\n", 1),
    ("mv /tmp/nonexistent /tmp/q", "", "mv: can't rename '/tmp/nonexistent': No such file or directory\n", 1),
    ("ln -s /tmp/h /tmp/link", "", "ln: /tmp/link: File exists\n", 1),
    ("touch /tmp/h/x", "", "touch: /tmp/h/x: Not a directory\n", 1),
]


def test_busybox_writes_as_recorded() -> None:
    """In order, on one container (r250): each line sees what the ones before it wrote."""
    sh = session()
    for line, stdout, stderr, code in WRITES:
        assert out(sh, "docker exec web " + line) == (stdout, stderr, code), line


def test_ls_long_shows_modes_sizes_and_links() -> None:
    sh = session()
    sh.run_line("docker exec web sh -c 'mkdir -p /tmp/d/e; echo hello > /tmp/d/f; ln -s /tmp/d/f /tmp/l'")
    lines = out(sh, "docker exec web ls -l /tmp/d")[0].splitlines()
    assert lines[0] == "total 8"
    assert lines[1].split()[:5] == ["drwxr-xr-x", "2", "0", "0", "4096"] and lines[1].endswith(" e")
    assert lines[2].split()[:5] == ["-rw-r--r--", "1", "0", "0", "6"] and lines[2].endswith(" f")
    listed = out(sh, "docker exec web ls -l /tmp")[0].splitlines()
    assert listed[1].split()[:2] == ["drwxr-xr-x", "3"] and listed[2].endswith(" l -> /tmp/d/f")


def test_the_layer_lives_with_the_container() -> None:
    sh = session()
    sh.run_line("docker exec web sh -c 'echo kept > /tmp/k'")
    sh.run_line("docker stop -t 1 web")
    sh.run_line("docker start web")
    assert out(sh, "docker exec web cat /tmp/k") == ("kept\n", "", 0)
    sh.run_line("docker restart -t 1 web")
    assert out(sh, "docker exec web cat /tmp/k") == ("kept\n", "", 0)
    sh.run_line("docker rm -f web")
    sh.run_line("docker run -itd --name web busybox")
    assert out(sh, "docker exec web ls /tmp") == ("", "", 0)


def test_no_layer_object_until_the_first_write() -> None:
    sh = session()
    c = sh.host.find_container("web")
    sh.run_line("docker exec web ls -l /tmp")
    sh.run_line("docker exec web mkdir /etc")          # refused: nothing written
    assert c.layer is None
    sh.run_line("docker exec web touch /tmp/a")
    assert c.layer is not None and set(c.layer.changes) == {"/tmp", "/tmp/a"}


def test_an_exec_is_undone_whole() -> None:
    """The journal takes back every write of an exec that is rolled back."""
    sh = session()
    h = sh.host
    c = h.find_container("web")
    with pytest.raises(KeyboardInterrupt):
        with h.journal.transaction():
            sh.run_line("docker exec web sh -c 'mkdir /tmp/d; echo x > /tmp/d/f'")
            raise KeyboardInterrupt
    assert c.layer is None
    sh.run_line("docker exec web touch /tmp/a")
    with pytest.raises(KeyboardInterrupt):
        with h.journal.transaction():
            sh.run_line("docker exec web rm /tmp/a")
            raise KeyboardInterrupt
    assert out(sh, "docker exec web ls /tmp") == ("a\n", "", 0)


def test_save_load_and_fork_keep_the_layer() -> None:
    h = DockerHost(engine="28", seed=0)
    sh = session(h)
    sh.run_line("docker exec web sh -c 'echo saved > /tmp/s; rm /bin/ls'")
    twin = h.fork()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "host.json")
        h.save(path)
        loaded = DockerHost.load(path)
    for other in (twin, loaded):
        layer = other.find_container("web").layer
        assert layer is not None and layer is not h.find_container("web").layer
        assert layer.changes == h.find_container("web").layer.changes
        assert other.container_changes("web") == (("C", "/bin"), ("D", "/bin/ls"), ("C", "/tmp"), ("A", "/tmp/s"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "host.json")
        h.save(path)
        replayed = DockerHost.load(path, replay=True)       # the writes are calls of the log
    assert replayed.find_container("web").layer.changes == h.find_container("web").layer.changes
    # the fork's layer is its own
    Session(engine="28", host=twin).run_line("docker exec web rm /tmp/s")
    assert "/tmp/s" in h.find_container("web").layer.changes


def test_docker_diff_as_recorded() -> None:
    sh = session()
    assert out(sh, "docker diff web") == ("", "", 0)
    sh.run_line("docker exec web sh -c 'touch /tmp/a; mkdir -p /tmp/d/e; echo hi > /tmp/d/e/f'")
    assert out(sh, "docker diff web")[0] == "C /tmp\nA /tmp/a\nA /tmp/d\nA /tmp/d/e\nA /tmp/d/e/f\n"
    sh.run_line("docker exec web sh -c 'rm -r /tmp/d /bin'")
    assert out(sh, "docker diff web")[0] == "D /bin\nC /tmp\nA /tmp/a\n"
    assert out(sh, "docker diff nosuch") == ("", "Error response from daemon: No such container: nosuch\n", 1)
    assert out(sh, "docker diff")[1].startswith("docker: 'docker diff' requires 1 argument\n")


def test_change_records_are_values() -> None:
    assert Change("f", 0o644, 0, text="hé").size == 3
    assert Change("l", 0o777, 0, target="/tmp/h").size == 6


def test_docker_cp_both_ways() -> None:
    sh = session()
    sh.files.write("hello.txt", "hello from the host\n")
    assert out(sh, "docker cp hello.txt web:/tmp/") == ("", "", 0)
    assert out(sh, "docker exec web cat /tmp/hello.txt") == ("hello from the host\n", "", 0)
    sh.run_line("docker exec web sh -c 'echo back > /tmp/out.txt'")
    sh.run_line("docker stop -t 1 web")
    assert out(sh, "docker cp web:/tmp/out.txt copied.txt") == ("", "", 0)
    assert out(sh, "cat copied.txt") == ("back\n", "", 0)
    assert out(sh, "docker cp web:/nosuch .") == (
        "", "Error response from daemon: Could not find the file /nosuch in container web\n", 1)
    assert out(sh, "docker cp nosuch web:/tmp/") == ("", "lstat /tmp/dk-work/app/nosuch: no such file or directory\n", 1)
    assert out(sh, "docker cp web:/tmp/a web:/tmp/b") == ("", "copying between containers is not supported\n", 1)
    assert out(sh, "docker cp a b") == ("", "must specify at least one container source\n", 1)
    assert out(sh, "docker cp web:/etc/hostname /nonexistent/dir/x") == (
        "", 'invalid output path: directory "/nonexistent/dir" does not exist\n', 1)
