"""How `machi run` listens: the socket of `--workers N`, shared by the workers, its connections
answered without Nagle's algorithm as uvicorn's own sockets are; idle connections kept longer
than the clients in front keep them."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import httpx
import uvicorn

from kit.settings import MachiSettings
from kit.testing.fakes import free_port
from machi_cli.runner import reuse_port_socket, server_config


def test_workers_bind_the_same_port() -> None:
    port = free_port()
    first = reuse_port_socket("127.0.0.1", port, 16)
    second = reuse_port_socket("127.0.0.1", port, 16)
    try:
        assert first.getsockname() == second.getsockname() == ("127.0.0.1", port)
    finally:
        first.close()
        second.close()


def test_connections_accepted_by_the_event_loop_send_without_waiting_for_acks() -> None:
    """uvicorn serves a given socket through `loop.create_server(sock=...)`, as here. Without
    TCP_NODELAY an answer's body, written after its head, waited for the client's delayed ACK
    (44 ms a request on a kept-alive connection)."""

    async def accepted_nodelay() -> int:
        loop = asyncio.get_running_loop()
        seen: asyncio.Future[int] = loop.create_future()

        class Recorder(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listening = reuse_port_socket("127.0.0.1", free_port(), 16)
        server = await loop.create_server(Recorder, sock=listening)
        try:
            _, writer = await asyncio.open_connection(*listening.getsockname())
            try:
                return await asyncio.wait_for(seen, 10)
            finally:
                writer.close()
        finally:
            server.close()
            await server.wait_closed()

    assert asyncio.run(accepted_nodelay()) != 0


def test_an_idle_connection_outlives_the_keep_alive_of_the_clients_in_front() -> None:
    """httpx keeps an idle connection 5 s, and uvicorn's own default closed it at 5 s too: a
    request sent on it as the server closed it failed (under `make load`, a 502 at the
    gateway). The server's keep-alive is longer, so the client always lets go first."""

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    port = free_port()
    settings = MachiSettings(_env_file=None)  # type: ignore[call-arg]
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, "off", settings))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        request = b"GET / HTTP/1.1\r\nHost: machi\r\n\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(request)
            assert connection.recv(1024).startswith(b"HTTP/1.1 204")

            time.sleep(httpx.Limits().keepalive_expiry + 1)  # the client's whole idle time
            connection.sendall(request)

            assert connection.recv(1024).startswith(b"HTTP/1.1 204")
    finally:
        server.should_exit = True
        thread.join(10)
