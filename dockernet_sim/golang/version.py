"""A Go toolchain version, the key of what ``golang/`` imitates.

Docker's client is a Go program; what its ``--format`` templates accept and how its json and
tabwriter print depend on the Go it was built with, not on Docker. Callers pass a
:class:`GoVersion` and the template engine asks it (``go.at_least(1, 22)``).
"""

from __future__ import annotations

from ..records import Record



class GoVersion(Record, frozen=True, slots=True, order=True):
    """``go1.MAJOR.MINOR`` as two numbers (the patch release changes nothing imitated here)."""

    major: int
    minor: int

    def at_least(self, major: int, minor: int) -> bool:
        return (self.major, self.minor) >= (major, minor)

    def __str__(self) -> str:
        return f"go{self.major}.{self.minor}"


# text/template `{{range 3}}` (range over an int) and encoding/json's \b and \f: Go 1.22;
# `{{else with}}`: Go 1.23. The newest Go imitated is the default.
RANGE_OVER_INT = GoVersion(1, 22)
ELSE_WITH = GoVersion(1, 23)
JSON_SHORT_ESCAPES = GoVersion(1, 22)
LATEST = GoVersion(1, 24)
