"""Who a container's process runs as (the runtime's part of a start or an exec): runc's lookup of ``--user`` (``docker run -u``, ``docker
exec -u``, ``Config.User``) in the oracle's bare busybox root, which has no ``/etc/passwd`` and
no ``/etc/group`` (recorded: r176_users, 20.10, 26 and 28).

``USER[:GROUP]``: an empty user is root; a number is taken as it is (``uids and gids must be in
range 0-2147483647`` beyond it, ``-1`` included); a name has no file to be found in. The group is
the user's (0, without a passwd entry) unless one is given after the colon, looked up the same way
(the user first: ``abc:def`` names the user). The process's groups are its group alone.

>>> exec_user("1000:44")
(1000, 44)
>>> exec_user("nobody")
'unable to find user nobody: no matching entries in passwd file'
"""

from __future__ import annotations

from typing import Union

__all__ = ["exec_user"]

_MAX_ID = 2 ** 31 - 1
_INT64 = 2 ** 63


def _number(text: str) -> Union[int, None]:
    """Go's strconv.Atoi: an optional sign and decimal digits that fit in 64 bits, else not a number."""
    digits = text[1:] if text[:1] in "+-" else text
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    value = int(text)
    return value if -_INT64 <= value < _INT64 else None


def _lookup(text: str, kind: str, table: str) -> Union[int, str]:
    n = _number(text)
    if n is None:
        return f"unable to find {kind} {text}: no matching entries in {table} file"
    if not 0 <= n <= _MAX_ID:
        return f"uids and gids must be in range 0-{_MAX_ID}"
    return n


def exec_user(spec: str) -> Union[tuple[int, int], str]:
    """(uid, gid) of a process started as ``spec``, or runc's reason for refusing it."""
    user, colon, group = spec.partition(":")
    uid = _lookup(user, "user", "passwd") if user else 0
    if isinstance(uid, str):
        return uid
    gid = _lookup(group, "group", "group") if group else 0
    if isinstance(gid, str):
        return gid
    return uid, gid
