"""Shared test configuration.

Hypothesis profiles: ``HYPOTHESIS_PROFILE=ci`` runs every property test with 1000 examples;
the default ``dev`` profile runs 200 for a quick local loop.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=1000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
