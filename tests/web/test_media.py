"""The media library's pages over HTTP, from the real all-in-one: a photo is uploaded from the
library, its alt text saved in three languages reaches the API and the city page, the photo page
lists the products using it; another town's photo is a 404 and a form without its CSRF token is
refused."""

from __future__ import annotations

import html
import re
import time
import uuid

import httpx

from machi_cli import demo, seed
from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in

ALT = {
    "ja": "皿に盛った陶器の人形",
    "ko": "접시 위의 도자기 인형",
    "en": "A ceramic doll on a plate",
}


def console(platform: Platform) -> httpx.Client:
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    return admin


def upload_in_library(admin: httpx.Client, name: str = "doll.jpg") -> str:
    page = admin.get("/console/media?lang=en")
    uploaded = admin.post(
        "/console/media",
        data={"csrf_token": csrf_of(page)},
        files={"photo": (name, demo.photo("ceramic-doll"), "image/jpeg")},
    )
    assert uploaded.status_code == 303, uploaded.text
    location = uploaded.headers["location"]
    found = re.fullmatch(r"/console/media/([0-9a-f-]{36})\?uploaded=1", location)
    assert found, location
    return found.group(1)


def save_alt(admin: httpx.Client, media_id: str, alt: dict[str, str]) -> httpx.Response:
    page = admin.get(f"/console/media/{media_id}?lang=en")
    version = re.search(r'name="version" value="([^"]+)"', page.text)
    assert version, page.text
    fields = {f"alt_{lang}": alt.get(lang, "") for lang in ("ja", "ko", "en")}
    return admin.post(
        f"/console/media/{media_id}",
        data={**fields, "version": html.unescape(version.group(1)), "csrf_token": csrf_of(page)},
    )


def test_a_photo_uploaded_in_the_library_gets_alt_text_that_the_api_and_the_page_show(
    platform: Platform,
) -> None:
    admin = console(platform)
    library = admin.get("/console/media?lang=en")
    assert library.status_code == 200
    assert 'href="/console/media"' in library.text  # in the menu's Catalog group
    name = f"doll-{uuid.uuid4().hex[:6]}.jpg"
    media_id = upload_in_library(admin, name)
    opened = admin.get(f"/console/media/{media_id}?uploaded=1&lang=en")
    assert "Now describe the photo" in opened.text
    for rendition in ("portrait", "landscape", "web", "thumbnail"):
        assert f"/v1/media/{media_id}/{rendition}" in opened.text  # each platform's crop

    saved = save_alt(admin, media_id, ALT)

    assert saved.status_code == 303
    assert saved.headers["location"] == f"/console/media/{media_id}?saved=1"
    assert platform.seeded_admin().get(f"/v1/media/{media_id}").json()["alt"] == ALT
    page = admin.get(f"/console/media/{media_id}?saved=1&lang=ja")
    assert "保存しました" in page.text
    for lang, text in ALT.items():
        assert f'name="alt_{lang}" lang="{lang}"' in page.text
        assert html.escape(text) in page.text
    assert f'alt="{ALT["ja"]}"' in page.text  # the previews, in the page's language
    found = admin.get("/console/media", params={"q": "陶器の人形", "lang": "ja"})
    assert f'href="/console/media/{media_id}"' in found.text
    assert name in admin.get("/console/media", params={"q": name}).text
    assert (
        f'href="/console/media/{media_id}"'
        not in admin.get("/console/media", params={"q": "no-such-photo-anywhere"}).text
    )


def test_the_photo_page_lists_its_products_and_the_city_page_shows_its_alt_text(
    platform: Platform,
) -> None:
    api = platform.seeded_admin()
    admin = console(platform)
    media_id = upload_in_library(admin)
    producer = api.get("/v1/producers", params={"limit": 1}).json()["items"][0]["id"]
    slug = f"doll-{uuid.uuid4().hex[:6]}"
    product = api.post(
        "/v1/products",
        json={
            "producer_id": producer,
            "slug": slug,
            "name": {"ja": "陶器の人形", "en": "Ceramic doll"},
            "price_amount": 3300,
            "media": [{"media_id": media_id}],
        },
    )
    assert product.status_code == 201, product.text
    assert api.post(f"/v1/products/{product.json()['id']}/publish").status_code == 200
    before = httpx.get(f"{platform.url}/takeo/shop/{slug}?lang=ja", timeout=30)
    assert before.status_code == 200
    assert f'alt="{ALT["ja"]}"' not in before.text  # the product's name until then

    assert save_alt(admin, media_id, ALT).status_code == 303

    photo = admin.get(f"/console/media/{media_id}?lang=en")
    assert f'<a href="/console/products/{product.json()["id"]}">Ceramic doll</a>' in photo.text
    form = admin.get(f"/console/products/{product.json()['id']}?lang=en")
    assert f'href="/console/media/{media_id}"' in form.text  # and back from the product
    deadline = time.monotonic() + 30  # the gateway drops its copy on the event; ours lasts 1 s here
    while True:
        shown = {
            lang: httpx.get(f"{platform.url}/takeo/shop/{slug}?lang={lang}", timeout=30).text
            for lang in ALT
        }
        if all(f'alt="{html.escape(ALT[lang])}"' in shown[lang] for lang in ALT):
            break
        assert time.monotonic() < deadline, shown["ja"]
        time.sleep(1)


def test_another_towns_photo_is_a_404_page(platform: Platform) -> None:
    other = platform.tenant_admin(f"media-{uuid.uuid4().hex[:6]}")
    theirs = other.post(
        "/v1/media", files={"file": ("theirs.jpg", demo.photo("onsen-tofu"), "image/jpeg")}
    )
    assert theirs.status_code == 201, theirs.text
    media_id = theirs.json()["id"]
    admin = console(platform)
    token = csrf_of(admin.get("/console/media"))

    read = admin.get(f"/console/media/{media_id}")
    changed = admin.post(
        f"/console/media/{media_id}", data={"alt_ja": "乗っ取り", "csrf_token": token}
    )

    assert (read.status_code, changed.status_code) == (404, 404)
    assert read.headers["content-type"].startswith("text/html")
    assert other.get(f"/v1/media/{media_id}").json()["alt"] == {}
    assert f'href="/console/media/{media_id}"' not in admin.get("/console/media").text


def test_a_form_without_the_csrf_token_is_refused(platform: Platform) -> None:
    admin = console(platform)
    media_id = upload_in_library(admin)

    refused = admin.post(f"/console/media/{media_id}", data={"alt_ja": "偽の送信"})
    upload = admin.post(
        "/console/media", files={"photo": ("x.jpg", demo.photo("onsen-tofu"), "image/jpeg")}
    )

    assert refused.status_code == 403
    assert upload.status_code == 403
    assert platform.seeded_admin().get(f"/v1/media/{media_id}").json()["alt"] == {}


def test_a_save_over_someone_elses_change_keeps_the_text_and_says_so(platform: Platform) -> None:
    admin = console(platform)
    media_id = upload_in_library(admin)
    page = admin.get(f"/console/media/{media_id}?lang=en")
    version = re.search(r'name="version" value="([^"]+)"', page.text)
    assert version
    assert save_alt(admin, media_id, {"en": "Written first"}).status_code == 303

    late = admin.post(
        f"/console/media/{media_id}",
        data={
            "alt_en": "Written later",
            "version": html.unescape(version.group(1)),
            "csrf_token": csrf_of(page),
        },
    )

    assert late.status_code == 412
    assert "Someone changed this photo meanwhile" in late.text
    assert "Written later" in late.text  # what was typed is not lost
    assert platform.seeded_admin().get(f"/v1/media/{media_id}").json()["alt"] == {
        "en": "Written first"
    }


def test_an_upload_that_is_not_an_image_is_explained_on_the_page(platform: Platform) -> None:
    admin = console(platform)
    page = admin.get("/console/media?lang=en")
    refused = admin.post(
        "/console/media",
        data={"csrf_token": csrf_of(page)},
        files={"photo": ("notes.txt", b"not a photo", "text/plain")},
    )
    assert refused.status_code == 415
    assert "The photo must be an image" in refused.text
    too_long = admin.post(
        "/console/media/" + upload_in_library(admin),
        data={"alt_en": "x" * 1001, "csrf_token": csrf_of(page)},
    )
    assert too_long.status_code == 422
    assert "At most 1000 characters." in too_long.text
