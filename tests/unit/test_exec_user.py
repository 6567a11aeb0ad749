"""runc's user lookup in the recordings' bare busybox root (r176_users, r177_compose_user): numbers
pass within 0-2147483647, names find no passwd or group file, any text gets an answer."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dockernet_sim.terminal import Session
from dockernet_sim.daemon.execuser import exec_user


@pytest.mark.parametrize("spec,who", [
    ("", (0, 0)), ("1000", (1000, 0)), ("1000:44", (1000, 44)), (":7", (0, 7)), ("2147483647", (2147483647, 0)),
    ("2147483648", "uids and gids must be in range 0-2147483647"),
    ("-1", "uids and gids must be in range 0-2147483647"),
    ("root", "unable to find user root: no matching entries in passwd file"),
    ("1:staff", "unable to find group staff: no matching entries in group file"),
    ("a:b", "unable to find user a: no matching entries in passwd file"),
    ("١٢", "unable to find user ١٢: no matching entries in passwd file"),      # Go's Atoi takes ASCII digits only
])
def test_lookup(spec: str, who: object) -> None:
    assert exec_user(spec) == who


@given(st.text(max_size=40))
def test_every_text_is_a_user_or_a_reason(spec: str) -> None:
    who = exec_user(spec)
    assert isinstance(who, str) or all(0 <= n <= 2 ** 31 - 1 for n in who)


@pytest.mark.parametrize("engine,out,err,code", [
    ("20.10", "unable to find user nobody: no matching entries in passwd file\n", "", 126),
    ("28", "", "Error response from daemon: unable to find user nobody: no matching entries in passwd file\n", 1),
])
def test_exec_as_a_user_the_image_lacks(engine: str, out: str, err: str, code: int) -> None:
    s = Session(engine=engine, seed=1)
    s.run_line("docker run -itd --name u1 -u 33:44 busybox")
    r = s.run_line("docker exec -u nobody u1 id")
    assert (r.stdout, r.stderr, r.exit_code) == (out, err, code)
    assert s.run_line("docker exec u1 id").stdout == "uid=33 gid=44 groups=44\n"     # Config.User
    assert s.run_line("docker exec u1 sh -c 'id -u; whoami'").stdout == "33\n"


def test_an_unknown_image_has_its_own_users() -> None:
    s = Session(engine="28", seed=1)
    assert s.run_line("docker run -d --name web -u nginx nginx").exit_code == 0
    assert s.run_line("docker exec -u www-data web true").exit_code == 0
