"""``python -m dockernet_sim serve --setup SCRIPT``, when the script's daemon flags make dockerd
refuse to start (the ``df*`` scenarios): dockerd's line on stderr, and a socket that refuses
connections, so a real client prints ``Cannot connect to the Docker daemon at …`` as it does
when no daemon runs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest


def _serve(tmp_path, setup: str) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg, no-untyped-def]
    script = tmp_path / "setup.sh"
    script.write_text(setup)
    sock = str(tmp_path / "sim.sock")
    env = dict(os.environ, PYTHONPATH=os.getcwd() + os.pathsep + os.environ.get("PYTHONPATH", ""))
    p = subprocess.Popen([sys.executable, "-m", "dockernet_sim", "serve", "--setup", str(script), "--socket", sock],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for _ in range(400):
        if os.path.exists(sock) or p.poll() is not None:
            break
        time.sleep(0.05)
    return p, sock


def test_a_daemon_that_does_not_start_refuses_connections(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p, sock = _serve(tmp_path, "#! dockerd --bip 10.1.2.3/30\n")
    try:
        assert os.path.exists(sock)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        with pytest.raises(ConnectionRefusedError):
            s.connect(sock)
        s.close()
    finally:
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=30)
    assert p.returncode == 1 and not os.path.exists(sock)
    assert err.startswith("failed to start daemon: Error initializing network controller: ")


def test_a_daemon_that_starts_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p, sock = _serve(tmp_path, "#! dockerd --bip 10.1.2.1/24\n")
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(sock)
        s.sendall(b"GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n")
        assert s.recv(100).startswith(b"HTTP/1.1 200")
        s.close()
    finally:
        p.send_signal(signal.SIGTERM)
        p.communicate(timeout=30)
    assert p.returncode == 0
