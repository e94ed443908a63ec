"""Real HTTP servers on loopback for faked external platforms (Facebook, X, Shopify ...).

A fake is an ordinary ASGI app answering with the platform's documented shapes, errors and
rate-limit headers; `serve` runs it with uvicorn on a free port of 127.0.0.1 in the test's event
loop (`serve_in_thread` from a thread, for blocking tests), so the code under test talks HTTP to
it exactly as to the real platform (only the base URL, which every adapter takes from settings,
differs). The fakes themselves are in `kit.testing.platforms`.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import uvicorn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class _QuietServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@contextlib.asynccontextmanager
async def serve(app: Any) -> AsyncIterator[str]:
    """Serve `app` on loopback for the duration of the block; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    server = _QuietServer(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()  # raises the startup error
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@contextlib.contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """`serve` for blocking tests: `app` runs in a thread of its own; yields its base URL."""
    port = free_port()
    # A long keep-alive: a pooled connection the fake closes while the caller reuses it would
    # fail a call for a reason no real platform gives.
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        timeout_keep_alive=600,
    )
    server = _QuietServer(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("fake server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
