"""Signal names and numbers, as ``docker kill --signal`` takes them (moby's ``pkg/signal``, Linux)."""

from __future__ import annotations

from typing import Optional

SIGNALS = {"HUP": 1, "INT": 2, "QUIT": 3, "ILL": 4, "TRAP": 5, "ABRT": 6, "IOT": 6, "BUS": 7, "FPE": 8,
           "KILL": 9, "USR1": 10, "SEGV": 11, "USR2": 12, "PIPE": 13, "ALRM": 14, "TERM": 15, "STKFLT": 16,
           "CHLD": 17, "CONT": 18, "STOP": 19, "TSTP": 20, "TTIN": 21, "TTOU": 22, "URG": 23, "XCPU": 24,
           "XFSZ": 25, "VTALRM": 26, "PROF": 27, "WINCH": 28, "IO": 29, "POLL": 29, "PWR": 30, "SYS": 31}


def parse_signal(text: str) -> Optional[int]:
    """A signal by number, name or SIG-name (as moby's signal.ParseSignal), or None."""
    t = text.strip()
    if t.isdigit():
        n = int(t)
        return n if 0 < n <= 64 else None
    name = t.upper()
    if name.startswith("SIG"):
        name = name[3:]
    m = {f"RTMIN+{i}": 34 + i for i in range(1, 16)} | {f"RTMAX-{i}": 64 - i for i in range(1, 15)}
    return SIGNALS.get(name) or m.get(name) or {"RTMIN": 34, "RTMAX": 64}.get(name)
