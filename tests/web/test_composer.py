"""The composer over HTTP, without script: a card per chosen channel from the API's preview with
the platform's own count and the tracked link, the product's photo in each platform's crop, and
a post X would refuse shown on its card and not created."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx
import pytest

from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in

GARLIC = "aged-black-garlic"


@pytest.fixture
def writer(platform: Platform, town_team: dict[str, tuple[str, str]]) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *town_team["writer"]).status_code == 303
    return browser


def _garlic(platform: Platform) -> dict[str, Any]:
    found = platform.seeded_admin().get("/v1/products", params={"q": "黒にんにく"}).json()
    return next(p for p in found["items"] if p["slug"] == GARLIC)


def _form(
    page: httpx.Response, channels: dict[str, dict[str, Any]], product: str, text: str, **more: str
) -> dict[str, Any]:
    return {
        "csrf_token": csrf_of(page),
        "product_id": product,
        "text": text,
        "channel_ids": [channels["facebook_page"]["id"], channels["x"]["id"]],
        **more,
    }


def test_the_preview_shows_each_channels_card_with_its_count_photo_and_tracked_link(
    platform: Platform, writer: httpx.Client, town_channels: dict[str, dict[str, Any]]
) -> None:
    garlic = _garlic(platform)
    page = writer.get(f"/console/posts/new?product={garlic['id']}&lang=en")
    assert page.status_code == 200
    chosen = re.search(r'name="media_id" value="([^"]+)" checked', page.text)
    assert chosen  # the product's photos to choose from, its first one chosen
    text = "武雄の熟成黒にんにく"  # 10 CJK characters: 20 on X, 10 on Facebook
    form = _form(page, town_channels, garlic["id"], text, action="preview")
    shown = writer.post("/console/posts/preview?lang=en", data={**form, "media_id": chosen[1]})
    assert shown.status_code == 200
    body = html.unescape(shown.text)
    assert "Link the post carries:" in body
    link = body.split("Link the post carries:")[1].split("<code>")[1].split("</code>")[0]
    assert "/r/" in link
    cards = body.split('id="preview"')[1]
    assert cards.count('class="post-card') == 2
    assert f"{text}\n{link}" in cards  # the text as it goes out, the link after it
    assert "44 / 280" in cards  # X: 10 x 2 + a newline + the link as 23
    assert f"{10 + 1 + len(link)} / 63206" in cards  # Facebook: code points, the link as it is
    assert "/landscape" in cards  # the photo as Facebook and X crop it


def test_a_post_too_long_for_x_is_shown_on_its_card_and_not_created(
    platform: Platform,
    writer: httpx.Client,
    town_channels: dict[str, dict[str, Any]],
    town_team: dict[str, tuple[str, str]],
) -> None:
    garlic = _garlic(platform)
    api = platform.login(*town_team["writer"])
    before = len(api.get("/v1/posts", params={"limit": 200}).json()["items"])
    page = writer.get(f"/console/posts/new?product={garlic['id']}&lang=ja")
    long_text = "黒にんにく" * 30  # 150 CJK characters: 300 on X
    refused = writer.post(
        "/console/posts?lang=ja", data=_form(page, town_channels, garlic["id"], long_text)
    )
    assert refused.status_code == 422
    assert "Xには長すぎます" in refused.text
    assert 'class="counter over"' in refused.text
    after = len(api.get("/v1/posts", params={"limit": 200}).json()["items"])
    assert after == before


def test_a_channel_gets_its_own_text_and_the_post_is_submitted_for_approval(
    platform: Platform,
    writer: httpx.Client,
    town_channels: dict[str, dict[str, Any]],
    town_team: dict[str, tuple[str, str]],
) -> None:
    garlic = _garlic(platform)
    page = writer.get(f"/console/posts/new?product={garlic['id']}&lang=en")
    x_id = town_channels["x"]["id"]
    form = _form(page, town_channels, garlic["id"], "A long story for Facebook readers.")
    form[f"text_{x_id}"] = "Short for X"
    created = writer.post("/console/posts", data=form)
    assert created.status_code == 303, created.text[-2000:]
    post_id = created.headers["location"].rsplit("/", 1)[1]
    post = platform.login(*town_team["writer"]).get(f"/v1/posts/{post_id}").json()
    assert post["status"] == "submitted"
    assert post["variants"] == {x_id: "Short for X"}
    assert [m["url"].rsplit("/", 1)[1] for m in post["media"]] == ["web"]
    assert post["planned_at"] is not None  # goes out as soon as an editor approves


def test_the_script_gets_the_cards_alone(
    platform: Platform, writer: httpx.Client, town_channels: dict[str, dict[str, Any]]
) -> None:
    page = writer.get("/console/posts/new?lang=en")
    data = _form(page, town_channels, "", "Hello", action="preview")
    fragment = writer.post(
        "/console/posts/preview", data=data, headers={"x-machi-fragment": "preview"}
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert fragment.text.count('class="post-card') == 2
