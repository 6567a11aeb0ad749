"""What every tool view shares: ToolError (a tool's stderr and exit status).

Mirrors how the Linux tools fail: a message on stderr and a non-zero exit (busybox's usage texts
are ``userland.applets.busybox_usage``).
"""

from __future__ import annotations


class ToolError(Exception):
    """A tool refused: ``stderr`` is what it printed there, ``exit_code`` its status.

    >>> from dockernet_sim.kernel import Kernel
    >>> try:
    ...     ip_addr(Kernel().host, "busybox", dev="nosuch")
    ... except ToolError as e:
    ...     print(repr(e.stderr), e.exit_code)
    "ip: can't find device 'nosuch'\\n" 1
    """

    def __init__(self, stderr: str, exit_code: int = 1) -> None:
        super().__init__(stderr.rstrip("\n"))
        self.stderr = stderr
        self.exit_code = exit_code


_BUSYBOX = "busybox"
