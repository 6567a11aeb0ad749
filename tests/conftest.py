"""Shared test configuration.

Workers: ``python -m pytest`` runs on four pytest-xdist workers with ``--dist loadgroup``: the
time budget is set on a two-core machine, where a good part of the suite waits on real processes
(the docker clients, Chromium, the kernel's pings), so four keep both cores busy (2 min 41 s with
two, 2 min 5 s with four, same machine, same hour), so that tests sharing an expensive module fixture
(marked ``xdist_group``) stay on one worker. ``-n N`` chooses another count, ``-n 0`` (or
``-p no:xdist``, or no pytest-xdist installed) runs everything in this one process.

Hypothesis profiles, chosen with ``HYPOTHESIS_PROFILE``: ``ci`` (the default, and what ``.ci/run``
selects) runs 100 examples per property test that does not set its own count, which keeps
``python -m pytest`` within its time budget; ``thorough`` runs 1000 for a long search before a
release or after touching a parser. Tests that set ``max_examples`` themselves keep their count.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import settings

WORKERS = 4

settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Before pytest-xdist reads its options: four workers when the command line names no count
    (a worker is left alone; ``--pdb`` needs one process), and ``loadgroup`` unless ``--dist``
    says otherwise, with a count given or not."""
    if not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput"):
        return
    if config.option.numprocesses is None and not config.getoption("usepdb", False):
        config.option.numprocesses = WORKERS
    if config.option.numprocesses and config.option.dist == "no":
        config.option.dist = "loadgroup"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist's controller, as it starts a worker: hand on the ``--dist`` chosen above. A
    worker reads its options from the command line, where the choice is not, and only a worker
    told ``loadgroup`` tags its tests with their ``xdist_group`` (the controller groups by the
    tag): without this the groups were spread over all workers, each building the module's
    fixtures again (the real-kernel NAT probes 16 times instead of 4, the browser 4 times)."""
    node.workerinput["dist"] = node.config.option.dist


def pytest_configure(config: pytest.Config) -> None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and workerinput.get("dist") == "loadgroup":
        config.option.loadgroup = True
