"""The Engine API server on the wire: versions, errors, hostile input, where it may listen."""

from __future__ import annotations

import http.client
import json
import os
import socket
import stat
import threading

import pytest

from dockernet_sim import DockerHost


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str) -> None:
        super().__init__("localhost")
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    with DockerHost(engine="28", seed=0).serve() as srv:
        yield srv


def call(srv, method: str, path: str, body: object = None, raw: bytes | None = None) -> tuple[int, dict[str, str], bytes]:  # type: ignore[no-untyped-def]
    conn = UnixHTTPConnection(srv.socket_path)
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    out = resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    conn.close()
    return out


def test_socket_is_private(server) -> None:  # type: ignore[no-untyped-def]
    assert stat.S_IMODE(os.stat(server.socket_path).st_mode) == 0o600
    assert server.docker_host == "unix://" + server.socket_path


def test_ping_and_version_headers(server) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = call(server, "GET", "/_ping")
    assert (status, body) == (200, b"OK")
    assert headers["api-version"] == "1.51" and headers["server"] == "Docker/28.5.2 (linux)"
    assert headers["ostype"] == "linux"
    status, _, body = call(server, "GET", "/v1.51/version")
    assert json.loads(body)["MinAPIVersion"] == "1.24"


def test_versions_out_of_range(server) -> None:  # type: ignore[no-untyped-def]
    status, _, body = call(server, "GET", "/v1.99/version")
    assert status == 400 and json.loads(body)["message"] == \
        "client version 1.99 is too new. Maximum supported API version is 1.51"
    status, _, body = call(server, "GET", "/v1.11/version")
    assert status == 400 and "client version 1.11 is too old. Minimum supported API version is 1.24" in \
        json.loads(body)["message"]


def test_errors_carry_status_and_daemon_text(server) -> None:  # type: ignore[no-untyped-def]
    status, _, body = call(server, "GET", "/networks/nope")
    assert (status, json.loads(body)["message"]) == (404, "network nope not found")
    status, _, body = call(server, "GET", "/no/such/path")
    assert (status, json.loads(body)["message"]) == (404, "page not found")
    assert call(server, "POST", "/networks/create", {"Name": "a"})[0] == 201
    status, _, body = call(server, "POST", "/networks/create", {"Name": "a"})
    assert status == 409


def test_hostile_input_is_refused_and_the_server_keeps_serving(server) -> None:  # type: ignore[no-untyped-def]
    assert call(server, "POST", "/networks/create", raw=b"{not json")[0] == 400
    assert call(server, "POST", "/networks/create", raw=b"[1, 2]")[0] in (400, 500)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)            # a body over the limit: refused unread
    s.connect(server.socket_path)
    s.sendall(b"POST /networks/create HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n{")
    assert s.recv(100).startswith(b"HTTP/1.1 413")
    s.close()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)            # not HTTP at all
    s.connect(server.socket_path)
    s.sendall(b"GARBAGE\r\n\r\n")
    assert s.recv(100).startswith(b"HTTP/1.1 400")
    s.close()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)          # gone mid-request
    s.connect(server.socket_path)
    s.sendall(b"POST /networks/create HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")
    s.close()
    assert call(server, "GET", "/_ping")[0] == 200


def test_calls_are_atomic_and_serialised(server) -> None:  # type: ignore[no-untyped-def]
    assert call(server, "POST", "/networks/create", {"Name": "n", "IPAM": {"Config": [{"Subnet": "10.9.0.0/29"}]}})[0] == 201
    results: list[int] = []

    def create(i: int) -> None:
        results.append(call(server, "POST", f"/containers/create?name=c{i}",
                            {"Image": "busybox", "Tty": True, "HostConfig": {"NetworkMode": "n"}})[0])
        call(server, "POST", f"/containers/c{i}/start")

    threads = [threading.Thread(target=create, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(201) == 12
    doc = json.loads(call(server, "GET", "/networks/n")[2])
    ips = [e["IPv4Address"] for e in doc["Containers"].values()]
    assert len(ips) == len(set(ips)) == 5          # a /29 has 5 addresses for containers


@pytest.mark.parametrize("address", ["0.0.0.0:0", "192.0.2.1:0", ":0", "example.com:0"])
def test_tcp_only_on_loopback(address: str) -> None:
    with pytest.raises(ValueError, match="only loopback"):
        DockerHost().serve(tcp=address)


def test_tcp_loopback_works() -> None:
    with DockerHost().serve(tcp="127.0.0.1:0") as srv:
        host, port = srv.docker_host[len("tcp://"):].rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port))
        conn.request("GET", "/_ping")
        assert conn.getresponse().read() == b"OK"


def test_one_character_names_are_refused_over_the_wire(server) -> None:  # type: ignore[no-untyped-def]
    """As the engines answered in tests/golden/api r128_container_names_api: 400 and the text."""
    rule = "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
    status, _, body = call(server, "POST", "/v1.51/containers/create?name=a", {"Image": "busybox"})
    assert (status, json.loads(body)["message"]) == (400, f"Invalid container name (a), {rule}")
    status, _, _ = call(server, "POST", "/v1.51/containers/create?name=ab", {"Image": "busybox"})
    assert status == 201
    status, _, body = call(server, "POST", "/v1.51/containers/ab/rename?name=c")
    assert (status, json.loads(body)["message"]) == (
        400, f"Error when allocating new name: Invalid container name (/c), {rule}")


def test_volumes_update_and_stats_over_the_wire(server) -> None:  # type: ignore[no-untyped-def]
    """/volumes (create, list with filters, inspect, delete, prune), /containers/{id}/update and
    /stats, DELETE ?v=1: the routes docker volume, update and stats use (r220–r222)."""
    status, _, body = call(server, "POST", "/volumes/create", {"Name": "data", "Labels": {"a": "b"}})
    assert status == 201 and json.loads(body)["Mountpoint"] == "/var/lib/docker/volumes/data/_data"
    body = {"Image": "busybox", "Tty": True, "OpenStdin": True, "Volumes": {"/anon": {}},
            "HostConfig": {"Binds": ["data:/data"], "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 2}}}
    status, _, out = call(server, "POST", "/containers/create?name=m1", body)
    assert status == 201
    cid = json.loads(out)["Id"]
    assert call(server, "POST", f"/containers/{cid}/start")[0] == 204
    doc = json.loads(call(server, "GET", "/containers/m1/json")[2])
    assert [m["Destination"] for m in doc["Mounts"]] == ["/data", "/anon"]
    assert doc["HostConfig"]["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 2}
    listed = json.loads(call(server, "GET", '/volumes?filters={"label":["a=b"]}')[2])["Volumes"]
    assert [v["Name"] for v in listed] == ["data"]
    status, _, out = call(server, "DELETE", "/volumes/data")
    assert status == 409 and json.loads(out)["message"] == f"remove data: volume is in use - [{cid}]"
    status, _, out = call(server, "POST", "/containers/m1/update", {"RestartPolicy": {"Name": "bogus"}})
    assert status == 400 and "unknown policy 'bogus'" in json.loads(out)["message"]
    assert call(server, "POST", "/containers/m1/update", {"NanoCpus": 500000000})[0] == 200
    stats = json.loads(call(server, "GET", "/containers/m1/stats?stream=false")[2])
    assert stats["pids_stats"] == {"current": 1} and stats["name"] == "/m1"
    assert call(server, "DELETE", "/containers/m1?force=1&v=1")[0] == 204
    assert [v["Name"] for v in json.loads(call(server, "GET", "/volumes")[2])["Volumes"]] == ["data"]
    status, _, out = call(server, "POST", '/volumes/prune?filters={"all":["true"]}')
    assert json.loads(out)["VolumesDeleted"] == ["data"]
    assert call(server, "GET", "/volumes/data")[0] == 404


def test_docker_py_volumes(server) -> None:  # type: ignore[no-untyped-def]
    docker = pytest.importorskip("docker")
    client = docker.DockerClient(base_url=server.docker_host)
    vol = client.volumes.create("v1", labels={"team": "a"})
    assert vol.attrs["Labels"] == {"team": "a"}
    ctr = client.containers.run("busybox", "sh -c 'exit 3'", detach=True, volumes={"v1": {"bind": "/d", "mode": "ro"}})
    assert ctr.wait()["StatusCode"] == 3
    assert [m["Mode"] for m in client.api.inspect_container(ctr.id)["Mounts"]] == ["ro"]
    ctr.remove()
    client.volumes.get("v1").remove()
    assert client.volumes.list() == []


def test_ping_names_the_swarm_state_where_the_engine_does() -> None:
    """moby 23+ answers /_ping with ``Swarm: inactive``; the 28 client then hides the swarm
    managers' commands from ``docker --help`` (r132, r135). 20.10 (API 1.41) sends no such header."""
    for engine, want in (("28", "inactive"), ("26", "inactive"), ("20.10", None)):
        with DockerHost(engine=engine).serve() as srv:
            assert call(srv, "GET", "/_ping")[1].get("swarm") == want


@pytest.mark.parametrize("engine,builder", [("20.10", None), ("26", "2"), ("28", "2")])
def test_ping_names_the_builder_as_the_engine_did(engine: str, builder: str | None) -> None:
    """r134: a 20.10 daemon sends no Builder-Version, so its client documents the classic
    builder's flags in `docker build --help`; 23+ sends 2 (BuildKit)."""
    with DockerHost(engine=engine, seed=0).serve() as srv:
        _, headers, _ = call(srv, "GET", "/_ping")
    assert headers.get("builder-version") == builder


def test_a_hijacked_stream_waits_until_the_client_has_read_the_101(server) -> None:  # type: ignore[no-untyped-def]
    """docker-py reads a 101's headers through a buffer, then the raw socket: a stream sent before
    the client reads the headers would land in that buffer and be lost (a slow, loaded client)."""
    import time
    assert call(server, "POST", "/containers/create?name=web", {"Image": "busybox", "Tty": True})[0] == 201
    assert call(server, "POST", "/containers/web/start")[0] == 204
    status, _, body = call(server, "POST", "/containers/web/exec", {"Cmd": ["echo", "hello"], "AttachStdout": True})
    assert status == 201
    exec_id = json.loads(body)["Id"]
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(server.socket_path)
    payload = b'{"Detach": false, "Tty": false}'
    sock.sendall(f"POST /exec/{exec_id}/start HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                 f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n".encode() + payload)
    time.sleep(0.3)                          # longer than a process takes to start
    headers = sock.recv(65536)               # what a buffered reader takes in one read
    assert headers.startswith(b"HTTP/1.1 101") and headers.endswith(b"\r\n\r\n")
    stream = b""
    while chunk := sock.recv(65536):
        stream += chunk
    sock.close()
    assert stream == b"\x01\x00\x00\x00\x00\x00\x00\x06hello\n"
