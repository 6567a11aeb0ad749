"""Shared test configuration.

Hypothesis profiles, chosen with ``HYPOTHESIS_PROFILE``: ``ci`` (the default, and what ``.ci/run``
selects) runs 100 examples per property test that does not set its own count, which keeps
``python -m pytest`` within its time budget; ``thorough`` runs 1000 for a long search before a
release or after touching a parser. Tests that set ``max_examples`` themselves keep their count.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
