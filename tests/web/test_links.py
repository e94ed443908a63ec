"""The links page over HTTP: each tracked link with its clicks and a QR code of its short URL,
a poster page to print, and the list as CSV."""

from __future__ import annotations

import csv
import io
import time

import httpx
import pytest

from machi_cli import seed
from tests.harness import Platform
from tests.web.test_pages import sign_in

BROWSER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"


@pytest.fixture
def admin(platform: Platform) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *seed.ADMIN).status_code == 303
    return browser


def _clicked_link(platform: Platform, clicks: int) -> dict[str, str]:
    """A new link of the demo town, followed `clicks` times by a visitor, once the clicks are
    counted."""
    api = platform.seeded_admin()
    link = api.post(
        "/v1/links",
        json={"destination": "https://store.shopping.yahoo.co.jp/takeo/poster.html"},
    )
    assert link.status_code == 201, link.text
    visitor = httpx.Client(base_url=platform.url, headers={"User-Agent": BROWSER_AGENT})
    for _ in range(clicks):
        assert visitor.get(f"/r/{link.json()['code']}").status_code == 302
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        listed = api.get("/v1/links", params={"limit": 200}).json()["items"]
        if any(x["id"] == link.json()["id"] and x["clicks"] == clicks for x in listed):
            return dict(link.json())
        time.sleep(0.5)
    raise AssertionError("the clicks never reached the link's count")


def test_the_links_page_shows_each_link_with_its_clicks_and_qr_code(
    admin: httpx.Client, platform: Platform
) -> None:
    link = _clicked_link(platform, clicks=3)

    page = admin.get("/console/links")

    assert page.status_code == 200
    [row] = [r for r in page.text.split("<tr>") if f"<code>{link['short_url']}</code>" in r]
    assert "<td>3</td>" in row.split("</tr>")[0]
    assert f'<img src="/console/links/{link["id"]}/qr.svg"' in page.text
    assert 'href="/console/links"' in page.text  # the nav's link, current
    qr = admin.get(f"/console/links/{link['id']}/qr.svg")
    assert qr.status_code == 200
    assert qr.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in qr.content
    assert link["short_url"].encode() in qr.content  # its title names what it encodes


def test_a_links_poster_page_prints_its_qr_code_and_short_url(
    admin: httpx.Client, platform: Platform
) -> None:
    link = _clicked_link(platform, clicks=0)
    page = admin.get(f"/console/links/{link['id']}/poster?lang=ja")
    assert page.status_code == 200
    assert "読み取って購入" in page.text
    assert link["short_url"] in page.text
    assert "@media print" in admin.get("/static/app.css").text


def test_the_links_download_as_csv_with_their_clicks(
    admin: httpx.Client, platform: Platform
) -> None:
    link = _clicked_link(platform, clicks=1)
    answer = admin.get("/console/links.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(answer.text))}
    assert rows[link["code"]]["clicks"] == "1"
    assert rows[link["code"]]["short_url"] == link["short_url"]


def test_another_towns_link_is_not_found(admin: httpx.Client) -> None:
    missing = admin.get("/console/links/00000000-0000-4000-8000-000000000000/qr.svg")
    assert missing.status_code == 404
