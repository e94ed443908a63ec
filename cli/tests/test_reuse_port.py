"""The listening socket of `machi run --workers N`: shared by the workers, and its connections
answered without Nagle's algorithm, as uvicorn's own sockets are."""

from __future__ import annotations

import asyncio
import socket

from kit.testing.fakes import free_port
from machi_cli.runner import reuse_port_socket


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
