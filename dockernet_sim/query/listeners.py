"""Who listens in a container: the sockets its processes open, read from what runs.

A port is served only by a process that serves it — EXPOSE and ``-p`` open nothing (r131: a
busybox ``sh`` published with ``-p 8080:80`` answers ``nc 10.77.0.10 80`` with ``Connection
refused``; ``httpd -f -p 80`` and ``nc -l -p 81`` accept). What is read:

* the image's ``LISTEN`` ports (``#! image web CMD … LISTEN 80/tcp``), when the container runs
  the image's own command;
* busybox ``httpd`` (``-p [IP:]PORT``, default 80; busybox's httpd usage);
* ``nc -l`` / ``netcat -l`` (``-p PORT``, or the port as the last word; ``-u`` for UDP);
* ``python3 -m http.server [PORT]`` (default 8000, the module's documented default).

A command wrapped in a shell (``sh -c "…"``) is read word by word for the same programs.

>>> listening(["httpd", "-f", "-p", "8080"])
[('tcp', 8080, 'httpd -f -p 8080')]
>>> listening(["nc", "-lu", "-p", "53"])
[('udp', 53, 'nc -lu -p 53')]
>>> listening(["sh"])
[]
"""

from __future__ import annotations

import shlex
from typing import Sequence

Socket = tuple[str, int, str]          # (protocol, port, the command that opened it)


def _port(text: str) -> int:
    """A port word: ``80`` or ``IP:80``; 0 when it is no port."""
    tail = text.rpartition(":")[2]
    return int(tail) if tail.isdigit() and 0 < int(tail) < 65536 else 0


def _one(argv: Sequence[str]) -> list[Socket]:
    if not argv:
        return []
    words = list(argv)
    prog = words[0].rpartition("/")[2]
    if prog == "busybox" and len(words) > 1:
        words = words[1:]
        prog = words[0]
    shown = " ".join(argv)
    args = words[1:]
    if prog == "httpd":
        port = 80
        for i, a in enumerate(args):
            if a == "-p" and i + 1 < len(args):
                port = _port(args[i + 1]) or port
            elif a.startswith("-p") and len(a) > 2:
                port = _port(a[2:]) or port
        return [("tcp", port, shown)]
    if prog in ("nc", "netcat", "ncat"):
        flags = "".join(a[1:] for a in args if a.startswith("-") and not a.startswith("--"))
        if "l" not in flags:
            return []
        port = 0
        for i, a in enumerate(args):
            if a.startswith("-") and a.endswith("p") and "l" in a or a == "-p":
                if i + 1 < len(args):
                    port = _port(args[i + 1])
        if not port:
            plain = [a for a in args if not a.startswith("-")]
            port = _port(plain[-1]) if plain else 0
        return [("udp" if "u" in flags else "tcp", port, shown)] if port else []
    if prog.startswith("python") and "http.server" in args:
        rest = args[args.index("http.server") + 1:]
        nums = [a for a in rest if a.isdigit()]
        return [("tcp", _port(nums[0]) if nums else 8000, shown)]
    return []


def listening(argv: Sequence[str], image_cmd: Sequence[str] = (), image_listens: Sequence[str] = ()) -> list[Socket]:
    """The sockets a container running ``argv`` listens on."""
    out: list[Socket] = []
    if image_listens and list(argv) == list(image_cmd):
        for key in image_listens:
            port, _, proto = key.partition("/")
            if port.isdigit():
                out.append((proto or "tcp", int(port), f"the image's command ({' '.join(image_cmd)})"))
    out += _one(argv)
    if len(argv) >= 3 and argv[0].rpartition("/")[2] in ("sh", "bash", "ash") and argv[1] == "-c":
        for part in argv[2].replace("&&", ";").replace("&", ";").replace("|", ";").split(";"):
            try:
                out += _one(shlex.split(part))
            except ValueError:
                continue
    return out


__all__ = ["listening", "Socket"]
