"""`machi run --port N` (make run PORT=N): the addresses the all-in-one gives out name port N."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.settings import AnalyticsSettings
from gateway.settings import GatewaySettings
from kit.settings import MachiSettings
from machi_cli.origin import PUBLIC_ADDRESSES, follow_port
from publisher.settings import PublisherSettings


@pytest.fixture
def unset(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No public address set; what `follow_port` writes into the environment is undone after
    (monkeypatch restores a variable it has set, even one absent before)."""
    for _, _, variable, _ in PUBLIC_ADDRESSES:
        monkeypatch.setenv(variable, "")
        monkeypatch.delenv(variable)
    return monkeypatch


def test_every_public_address_follows_the_port(unset: pytest.MonkeyPatch) -> None:
    unset.chdir("/")  # no .env here

    follow_port(9123)

    assert MachiSettings().problems_url == "http://localhost:9123/problems"
    gateway = GatewaySettings()
    assert gateway.gateway_public_url == "http://localhost:9123"
    assert gateway.gateway_console_url == "http://localhost:9123/console"
    assert AnalyticsSettings().public_base_url == "http://localhost:9123"
    publisher = PublisherSettings()
    assert publisher.public_base_url == "http://localhost:9123"
    assert publisher.oauth_redirect_base == "http://localhost:9123/console/channels/oauth"


def test_an_address_the_operator_set_is_kept(unset: pytest.MonkeyPatch, tmp_path: Path) -> None:
    unset.chdir(tmp_path)
    (tmp_path / ".env").write_text("ANALYTICS_PUBLIC_BASE_URL=https://buy.takeo.example\n")
    unset.setenv("PROBLEMS_URL", "https://machi.takeo.example/problems")

    chosen = follow_port(9123)

    assert "ANALYTICS_PUBLIC_BASE_URL" not in chosen
    assert "PROBLEMS_URL" not in chosen
    assert AnalyticsSettings().public_base_url == "https://buy.takeo.example"
    assert MachiSettings().problems_url == "https://machi.takeo.example/problems"
    assert GatewaySettings().gateway_public_url == "http://localhost:9123"
