"""The reports page over HTTP: a click on a product's tracked link shows in the figures by
product (a table row and its SVG bar), and each report downloads as CSV."""

from __future__ import annotations

import time

import httpx
import pytest

from kit.testing.waiting import eventually_sync
from machi_cli import seed
from tests.harness import Platform
from tests.web.test_pages import sign_in

BROWSER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"


@pytest.fixture
def admin(platform: Platform) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *seed.ADMIN).status_code == 303
    return browser


def _clicked_product(platform: Platform) -> str:
    """A product of the demo town whose tracked link a visitor followed; its slug once the
    click is in the products report."""
    api = platform.seeded_admin()
    product = api.get("/v1/products", params={"limit": 1}).json()["items"][0]
    link = api.post(
        "/v1/links",
        json={
            "destination": "https://store.shopping.yahoo.co.jp/takeo/item-1.html",
            "product_id": product["id"],
            "producer_id": product["producer_id"],
            "platform": "x",
        },
    )
    assert link.status_code == 201, link.text
    visitor = httpx.Client(base_url=platform.url, headers={"User-Agent": BROWSER_AGENT})
    assert visitor.get(f"/r/{link.json()['code']}").status_code in (301, 302, 303, 307, 308)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        rows = api.get("/v1/reports/products").json()["items"]
        if any(r["product_id"] == product["id"] and r["clicks"] >= 1 for r in rows):
            return str(product["slug"])
        time.sleep(1)
    raise AssertionError("the click never reached the products report")


def test_the_reports_page_shows_this_months_figures_as_tables_and_bars(
    admin: httpx.Client, platform: Platform
) -> None:
    _clicked_product(platform)
    page = admin.get("/console/reports")
    assert page.status_code == 200
    for kind in ("posts", "channels", "products", "producers"):
        assert f'id="{kind}"' in page.text
        assert f'href="/console/reports/{kind}.csv?start=' in page.text
    products = page.text.split('id="products"')[1].split("</section>")[0]
    assert '<svg class="bars"' in products
    assert 'width="100"' in products  # the top product's bar is the full width
    assert "<td>1</td>" in products
    ja = admin.get("/console/reports?lang=ja")
    assert "商品別" in ja.text


def test_a_chosen_period_and_the_csv_download(admin: httpx.Client, platform: Platform) -> None:
    _clicked_product(platform)
    empty = admin.get("/console/reports", params={"start": "2020-01-01", "end": "2020-01-31"})
    assert empty.status_code == 200
    assert 'value="2020-01-01"' in empty.text
    assert "<svg" not in empty.text  # no clicks in that period, no bars
    assert "<td>1</td>" not in empty.text
    csv = admin.get("/console/reports/products.csv")
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert len(csv.text.strip().splitlines()) >= 2  # a header and the clicked product
    wrong = admin.get("/console/reports", params={"start": "2020-02-01", "end": "2020-01-01"})
    assert wrong.status_code == 422
    assert admin.get("/console/reports/nothing.csv").status_code == 404


def test_the_reports_page_has_the_best_times_to_post(admin: httpx.Client) -> None:
    quiet = admin.get("/console/reports", params={"start": "2020-01-01", "end": "2020-01-31"})
    best = quiet.text.split('id="best-times"')[1].split("</section>")[0]
    assert "Not enough posts in this period to tell." in best
    assert "<svg" not in best
    ja = admin.get("/console/reports?lang=ja")
    assert "投稿に良い時間帯" in ja.text


def test_the_reports_page_opens_with_the_overview_beside_the_period_before(
    admin: httpx.Client, platform: Platform
) -> None:
    _clicked_product(platform)
    api = platform.seeded_admin()

    def overview_at_rest() -> tuple[int, str] | None:
        # the clicks the API reports, and the page read while they did not change
        before = api.get("/v1/reports/overview").json()["current"]["clicks"]
        page = admin.get("/console/reports?lang=en").text
        after = api.get("/v1/reports/overview").json()["current"]["clicks"]
        return (after, page) if before == after else None

    clicks, page = eventually_sync(overview_at_rest, timeout=30, what="the month's clicks at rest")
    overview = page.split('id="overview"')[1].split("</section>")[0]
    labels = (
        "Followers",
        "Share of the population",
        "Followers of staff accounts (not counted above)",
        "Clicks",
        "Visitors",
        "Orders",
    )
    for label in labels:
        assert f'<th scope="row">{label}</th>' in overview
    clicks_row = overview.split('<th scope="row">Clicks</th>')[1].split("</tr>")[0]
    assert clicks >= 1
    assert f"<td>{clicks:,}</td>" in clicks_row
    assert "人口に対する割合" in admin.get("/console/reports?lang=ja").text
