"""`machi import` against a fake gateway on loopback: what the upload asks for."""

import json
import threading
import uuid
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from machi_cli.main import app


class FakeGateway(ThreadingHTTPServer):
    """Answers `POST /v1/imports` with a finished import and keeps each upload's form."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FakeGatewayHandler)
        self.forms: list[dict[str, str]] = []


class FakeGatewayHandler(BaseHTTPRequestHandler):
    server: FakeGateway

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        self.server.forms.append(
            {
                str(part.get_param("name", header="content-disposition")): part.get_content()
                for part in message.iter_parts()
            }
        )
        answer = {
            "id": str(uuid.uuid4()),
            "status": "succeeded",
            "total_rows": 1,
            "processed_rows": 1,
            "errors": [],
            "summary": {},
        }
        data = json.dumps(answer).encode()
        self.send_response(202)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def gateway() -> Iterator[FakeGateway]:
    server = FakeGateway()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("flags", "publish"), [(["--publish"], "true"), ([], None)])
def test_import_asks_to_publish_only_with_the_flag(
    gateway: FakeGateway, tmp_path: Path, flags: list[str], publish: str | None
) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text("producer_code\nfarm-1\n")
    url = f"http://127.0.0.1:{gateway.server_address[1]}"
    result = CliRunner().invoke(
        app, ["import", str(path), "--url", url, "--api-key", "k", *flags], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    [form] = gateway.forms
    assert form.get("publish") == publish
    assert "producer_code" in str(form["file"])
