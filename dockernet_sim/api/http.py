"""The Engine API's transport: HTTP/1.1 over a unix socket (mode 0600) or loopback TCP.

Mirrors what dockerd's API server does on the wire for a client: one request at a time per
connection with keep-alive, ``/vX.Y/`` prefixes, JSON error bodies ``{"message": …}``, and
connections *hijacked* for ``attach`` and ``exec start`` (``101 UPGRADED`` then a raw or
multiplexed stream, as moby's ``pkg/stdcopy`` frames it). Requests are served on threads and
each Engine API call runs under one lock, so a host sees one call at a time.

Bad input never stops the server: a malformed request line gets a 400, a body over
:data:`MAX_BODY` a 413, a client that goes away mid-stream ends only its own connection.
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import socketserver
import stat
import threading
import time
from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qs, urlsplit

from ..records import Record, field

MAX_BODY = 16 * 1024 * 1024          # bytes a request body may have
STREAM_DELAY = 0.02                  # seconds between a 101 and its stream (a process starting)
HEADERS_READ_WAIT = 2.0              # at most this long for a client to read a 101's headers
STDOUT, STDERR = 1, 2


def _until_headers_read(conn: socket.socket) -> None:
    """Wait until the client has read what was sent (the 101's headers), so the stream's first
    bytes never share a read with them: docker-py reads the headers through a buffer and then the
    raw socket, and loses whatever the buffer took beyond the headers. On a unix socket Linux
    tells how much the client has not read yet (``SIOCOUTQ``): the wait lasts exactly until it
    has, at most :data:`HEADERS_READ_WAIT`. Elsewhere (loopback TCP, where the count says only
    what the peer's kernel has acknowledged, or no such ioctl) the stream waits
    :data:`STREAM_DELAY`, as long as a process takes to start."""
    if conn.family == socket.AF_UNIX:
        try:
            import fcntl
            import struct
            import termios
            give_up = time.monotonic() + HEADERS_READ_WAIT
            while struct.unpack("i", fcntl.ioctl(conn.fileno(), termios.TIOCOUTQ, b"\0\0\0\0"))[0] > 0:
                if time.monotonic() > give_up:
                    return
                time.sleep(0.002)
            return
        except (ImportError, OSError):
            pass
    time.sleep(STREAM_DELAY)


class Request(Record):
    method: str
    path: str                          # without the /vX.Y prefix
    version: Optional[str]             # the API version the client asked for, if any
    query: dict[str, list[str]]
    headers: Any
    body: bytes

    def arg(self, name: str, default: str = "") -> str:
        values = self.query.get(name)
        return values[-1] if values else default

    def flag(self, name: str) -> bool:
        return self.arg(name).lower() in ("1", "true", "yes")

    def json(self) -> Any:
        if not self.body.strip():
            return {}
        return json.loads(self.body)


class Response(Record):
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    # a hijacked connection: frames written after the 101, then the connection closes
    stream: Optional[Callable[[Callable[[bytes], None]], None]] = None
    # a long-poll response (events, attach without upgrade): chunks written as they come
    chunks: Optional[Iterable[bytes]] = None


def json_response(doc: Any, status: int = 200) -> Response:
    return Response(status, (json.dumps(doc, separators=(",", ":")) + "\n").encode())


def error_response(status: int, message: str) -> Response:
    return json_response({"message": message}, status)


def frame(kind: int, data: bytes) -> bytes:
    """One multiplexed frame: stream kind, three zero bytes, big-endian length, payload."""
    return bytes([kind, 0, 0, 0]) + len(data).to_bytes(4, "big") + data


def split_version(path: str) -> tuple[Optional[str], str]:
    """``/v1.51/containers/json`` -> (``1.51``, ``/containers/json``)."""
    if path.startswith("/v"):
        head, _, rest = path[2:].partition("/")
        parts = head.split(".")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return head, "/" + rest
    return None, path


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "dockernet_sim"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:     # noqa: A002 - http.server's name
        return None

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        """A request that is not HTTP/1.x gets Go's net/http answer: a plain 400 and a close."""
        self.request_version = "HTTP/1.1"
        self.close_connection = True
        text = f"{code} {self.responses.get(code, ('',))[0]}".encode()
        try:
            self.send_response_only(code)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(text)
        except OSError:
            pass

    def address_string(self) -> str:
        return "unix" if isinstance(self.client_address, (str, bytes)) else str(self.client_address[0])

    def _serve(self) -> None:
        app: Callable[[Request], Response] = self.server.app      # type: ignore[attr-defined]
        length = self.headers.get("Content-Length")
        body = b""
        try:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                body = self._read_chunked()
            elif length:
                n = int(length)
                if n < 0:
                    raise ValueError(length)
                if n > MAX_BODY:
                    self._send(error_response(413, f"request body over {MAX_BODY} bytes"), close=True)
                    return
                body = self.rfile.read(n)
        except (ValueError, OverflowError):
            self._send(error_response(400, "bad request body"), close=True)
            return
        except _TooLarge:
            self._send(error_response(413, f"request body over {MAX_BODY} bytes"), close=True)
            return
        parts = urlsplit(self.path)
        version, path = split_version(parts.path)
        req = Request(self.command, path, version, parse_qs(parts.query, keep_blank_values=True), self.headers, body)
        try:
            resp = app(req)
        except Exception as e:  # the server keeps serving: any fault is this request's 500
            if os.environ.get("DOCKERNET_SIM_DEBUG"):
                import traceback
                traceback.print_exc()
            resp = error_response(500, f"{type(e).__name__}: {e}")
        self._send(resp)

    def _read_chunked(self) -> bytes:
        out = bytearray()
        while True:
            line = self.rfile.readline(65537)
            size = int(line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                    pass
                return bytes(out)
            if len(out) + size > MAX_BODY:
                raise _TooLarge()
            out += self.rfile.read(size)
            self.rfile.readline(3)

    def _send(self, resp: Response, close: bool = False) -> None:
        try:
            if resp.stream is not None:
                self.send_response(101 if self.headers.get("Upgrade") else 200)
                if self.headers.get("Upgrade"):
                    self.send_header("Connection", "Upgrade")
                    self.send_header("Upgrade", "tcp")
                self.send_header("Content-Type", resp.content_type)
                self.send_header("Api-Version", self.server.api_version)    # type: ignore[attr-defined]
                self.end_headers()
                self.wfile.flush()

                def write(data: bytes) -> None:
                    self.wfile.write(data)
                    self.wfile.flush()

                # a real daemon's stream starts once the process runs, after the 101 has reached the
                # client; clients that read the 101 through a buffer and then the raw socket
                # (docker-py) lose bytes that arrive with the headers, so the stream waits as long
                _until_headers_read(self.connection)
                resp.stream(write)
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
                return
            self.send_response(resp.status)
            for k, v in resp.headers.items():
                self.send_header(k, v)
            self.send_header("Api-Version", self.server.api_version)        # type: ignore[attr-defined]
            self.send_header("Server", self.server.server_header)           # type: ignore[attr-defined]
            self.send_header("Docker-Experimental", "false")
            self.send_header("Ostype", "linux")
            if resp.chunks is not None:
                self.send_header("Content-Type", resp.content_type)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in resp.chunks:
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")
                return
            if resp.status != 204 and resp.status != 304:
                self.send_header("Content-Type", resp.content_type)
                self.send_header("Content-Length", str(len(resp.body)))
            if close:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command != "HEAD" and resp.status not in (204, 304):
                self.wfile.write(resp.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_GET = do_POST = do_DELETE = do_PUT = do_HEAD = _serve


class _TooLarge(Exception):
    pass


class _UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 4096           # Go listens with SOMAXCONN: many clients may connect at once


class _TCPServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 4096


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: the only addresses the server will listen on."""
    if host in ("localhost", "::1", "[::1]"):
        return True
    parts = host.split(".")
    return len(parts) == 4 and parts[0] == "127" and all(p.isdigit() and int(p) < 256 for p in parts)


def make_server(app: Callable[[Request], Response], api_version: str, server_header: str,
                socket_path: str = "", tcp: str = "") -> socketserver.BaseServer:
    """A server for ``app`` on a 0600 unix socket or a loopback TCP address (``HOST:PORT``)."""
    server: socketserver.BaseServer
    if socket_path:
        if os.path.lexists(socket_path):
            if not stat.S_ISSOCK(os.lstat(socket_path).st_mode):
                raise ValueError(f"{socket_path} exists and is not a socket")
            os.unlink(socket_path)
        old = os.umask(0o177)
        try:
            server = _UnixServer(socket_path, _Handler)
        finally:
            os.umask(old)
        os.chmod(socket_path, 0o600)
    else:
        host, _, port = tcp.rpartition(":")
        host = host.strip("[]")
        if not is_loopback(host):
            raise ValueError(f"refusing to listen on {host or '(all addresses)'}: only loopback (127.0.0.1, ::1) "
                             f"is allowed")
        if not port.isdigit() or int(port) > 65535:
            raise ValueError(f"invalid port {port!r}")
        if ":" in host:
            class _TCP6(_TCPServer):
                address_family = socket.AF_INET6
            server = _TCP6((host, int(port)), _Handler)
        else:
            server = _TCPServer((host, int(port)), _Handler)
    server.app = app                       # type: ignore[attr-defined]
    server.api_version = api_version       # type: ignore[attr-defined]
    server.server_header = server_header   # type: ignore[attr-defined]
    return server


def serve_in_thread(server: socketserver.BaseServer) -> threading.Thread:
    t = threading.Thread(target=server.serve_forever, name="dockernet_sim-api", daemon=True)
    t.start()
    return t
