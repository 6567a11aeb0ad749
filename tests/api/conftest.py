"""The docker_sim fixture for these tests, whether or not the package's pytest11 entry point is
installed (an editable install registers it; a bare checkout on PYTHONPATH does not)."""

from dockernet_sim.pytest_plugin import docker_sim  # noqa: F401 - a fixture, registered by import
