"""A pytest plugin: the ``docker_sim`` fixture, a simulated Docker host served on a private unix
socket with ``DOCKER_HOST`` pointing at it for the test — your own docker client code, no daemon.

Registered through the ``pytest11`` entry point; inert unless a test asks for the fixture::

    def test_network(docker_sim):
        import docker
        client = docker.from_env()               # talks to the simulated host
        client.networks.create("front")

``docker_sim`` is the :class:`dockernet_sim.api.Server`; ``docker_sim.host`` the
:class:`~dockernet_sim.DockerHost` behind it (engine from ``--dockernet-engine``, default 28).
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from .engines import DEFAULT_NAME


def pytest_addoption(parser: Any) -> None:
    parser.addoption("--dockernet-engine", default=DEFAULT_NAME, help="engine profile the docker_sim fixture serves")


@pytest.fixture
def docker_sim(request: Any, monkeypatch: Any) -> Iterator[Any]:
    from .host import DockerHost
    host = DockerHost(engine=request.config.getoption("--dockernet-engine", default=DEFAULT_NAME), seed=0)
    with host.serve() as server:
        server.host = host
        monkeypatch.setenv("DOCKER_HOST", server.docker_host)
        yield server
