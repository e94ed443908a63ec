"""The CSV import pages over HTTP, from the real all-in-one: a file with a bad row is refused
whole and its row named in words; a good file goes in and its progress reaches 100 %; the
catalog downloads as CSV; an upload without the form's token is refused."""

from __future__ import annotations

import time
import uuid

import httpx

from tests.harness import Platform
from tests.web.test_catalog import admin_browser, producer_user
from tests.web.test_pages import csrf_of

HEADER = (
    "producer_code,producer_kind,producer_name_ja,product_slug,product_name_ja,variant_sku,price\n"
)


def catalog_csv(tag: str, price: str = "1200") -> bytes:
    return (
        HEADER
        + f"IMP-{tag},farm,インポート農園,imp-{tag}-miso,味噌,IMP-{tag}-1,900\n"
        + f"IMP-{tag},farm,インポート農園,imp-{tag}-shoyu,醤油,IMP-{tag}-2,{price}\n"
    ).encode()


def upload(browser: httpx.Client, data: bytes, **extra: str) -> httpx.Response:
    page = browser.get("/console/imports?lang=en")
    assert page.status_code == 200
    return browser.post(
        "/console/imports",
        data={"csrf_token": csrf_of(page), **extra},
        files={"file": ("cooperative.csv", data, "text/csv")},
    )


def finished(browser: httpx.Client, location: str, timeout: float = 60) -> dict[str, object]:
    """The import's progress once it has ended, as the page's script reads it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state: dict[str, object] = browser.get(f"{location}/progress").json()
        if state["finished"]:
            return state
        time.sleep(0.3)
    raise AssertionError(f"the import at {location} did not end")


def test_a_file_with_a_bad_row_imports_nothing_and_names_the_row(platform: Platform) -> None:
    browser = admin_browser(platform)
    tag = uuid.uuid4().hex[:6]
    started = upload(browser, catalog_csv(tag, price="twelve"))
    assert started.status_code == 303
    location = started.headers["location"]
    assert finished(browser, location) == {
        "percent": 100,
        "status": "failed",
        "finished": True,
        "processed_rows": 2,
        "total_rows": 2,
    }
    page = browser.get(f"{location}?lang=en")
    assert "Nothing was imported." in page.text
    assert "1 problem in the file" in page.text
    assert "Row 3, column price: &#39;twelve&#39; is not a whole number" in page.text
    assert '<meta http-equiv="refresh"' not in page.text  # it has ended: no more reloads
    slugs = {
        p["slug"] for p in platform.seeded_admin().get("/v1/products?limit=200").json()["items"]
    }
    assert f"imp-{tag}-miso" not in slugs  # not half-imported


def test_a_good_file_goes_in_and_the_page_says_what_changed(platform: Platform) -> None:
    browser = admin_browser(platform)
    tag = uuid.uuid4().hex[:6]
    started = upload(browser, catalog_csv(tag), publish="on")
    assert started.status_code == 303
    location = started.headers["location"]
    assert finished(browser, location)["status"] == "succeeded"
    page = browser.get(f"{location}?lang=en")
    assert 'value="100"' in page.text
    assert "Products published: 2" in page.text
    api = platform.seeded_admin()
    (miso,) = api.get("/v1/products", params={"slug": f"imp-{tag}-miso"}).json()["items"]
    assert (miso["status"], miso["variants"][0]["price_amount"]) == ("published", 900)


def test_an_unfinished_import_reloads_itself_without_script(platform: Platform) -> None:
    browser = admin_browser(platform)
    tag = uuid.uuid4().hex[:6]
    rows = "".join(f"BIG-{tag},farm,農園,big-{tag}-{n},品,BIG-{tag}-{n},100\n" for n in range(3000))
    started = upload(browser, (HEADER + rows + f"BIG-{tag},farm,農園,big-{tag},品,B,-1\n").encode())
    location = started.headers["location"]
    page = browser.get(location)
    if "data-finished" not in page.text:  # usually: the worker has not taken it yet
        assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page.text
        assert f'<a href="{location}">' in page.text  # and a reload link
    assert finished(browser, location)["status"] == "failed"  # its last row: nothing written
    assert '<meta http-equiv="refresh"' not in browser.get(location).text


def test_the_catalog_downloads_as_csv_and_a_producer_user_gets_only_their_own(
    platform: Platform,
) -> None:
    browser = admin_browser(platform)
    whole = browser.get("/console/imports/export")
    assert whole.status_code == 200
    assert whole.headers["content-type"].startswith("text/csv")
    assert whole.text.startswith("producer_code,")
    farm = (
        platform.seeded_admin()
        .post(
            "/v1/producers",
            json={"kind": "farm", "name": {"ja": "輸出農園"}, "code": f"EX-{uuid.uuid4().hex[:6]}"},
        )
        .json()
    )
    farmer = producer_user(platform, farm["id"])
    own = farmer.get("/console/imports/export")
    assert own.status_code == 200
    assert len(own.text.splitlines()) < len(whole.text.splitlines())
    assert farm["code"] in own.text
    page = farmer.get("/console/imports?lang=en")
    assert 'action="/console/imports"' not in page.text  # producers do not import files


def test_an_upload_without_the_forms_token_is_refused(platform: Platform) -> None:
    browser = admin_browser(platform)
    browser.get("/console/imports")
    refused = browser.post(
        "/console/imports", files={"file": ("x.csv", catalog_csv("forged"), "text/csv")}
    )
    assert refused.status_code == 403
    assert "IMP-forged" not in platform.seeded_admin().get("/v1/imports/export").text
