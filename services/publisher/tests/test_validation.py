import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.testing.plugin import principal
from publisher.platforms.line.rules import utf16_units
from publisher.platforms.mastodon.rules import mastodon_length
from publisher.platforms.threads.rules import threads_length
from publisher.platforms.x.rules import weighted_length
from publisher.posts import validation

from .helpers import channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
KANJI = "武"


def test_x_counts_japanese_characters_twice() -> None:
    assert weighted_length(KANJI * 140) == 280
    assert weighted_length("a" * 280) == 280


def test_x_counts_every_url_as_23() -> None:
    long_url = "https://store.shopping.yahoo.co.jp/takeo/" + "x" * 100
    assert weighted_length(long_url) == 23
    assert weighted_length(f"見て {long_url}") == 4 + 1 + 23


def test_140_japanese_characters_pass_on_x_and_141_do_not() -> None:
    assert validation.problems("x", {}, KANJI * 140, []) == []
    assert validation.problems("x", {}, KANJI * 141, []) != []


def test_other_platforms_count_their_own_way() -> None:
    assert utf16_units("😀") == 2  # LINE: UTF-16 code units
    assert threads_length("😀") == 4  # Threads: emoji by UTF-8 bytes
    assert mastodon_length("see https://example.com/" + "x" * 60) == 4 + 23


def test_instagram_needs_an_image_in_its_aspect_ratio() -> None:
    assert "instagram needs at least 1 image" in validation.problems("instagram", {}, "hi", [])
    wide = [{"url": "https://cdn/x.jpg", "width": 2000, "height": 1000}]
    assert any("aspect ratio" in p for p in validation.problems("instagram", {}, "hi", wide))
    square = [{"url": "https://cdn/x.jpg", "width": 1080, "height": 1080}]
    assert validation.problems("instagram", {}, "hi", square) == []


def test_mastodon_uses_the_instance_limit() -> None:
    assert validation.problems("mastodon", {"max_characters": 1000}, "a" * 900, []) == []
    assert validation.problems("mastodon", {}, "a" * 900, []) != []


async def test_preview_shows_each_channel_with_its_tracked_link(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    x = await channel(admin, "x")
    line = await channel(admin, "line")
    body = {
        "text": KANJI * 117 + " {link}",
        "channel_ids": [x["id"], line["id"]],
        "url": "https://store.example/item",
    }
    preview = (await admin.post("/v1/posts/preview", json=body)).json()
    by_platform = {c["platform"]: c for c in preview["channels"]}
    assert by_platform["x"]["text"].endswith("https://machi.test/r/xxxxxxxxxxx")
    assert by_platform["x"]["length"] == 234 + 1 + 23
    assert by_platform["x"]["valid"] is True
    # The text fits LINE too; broadcasting is what this tenant's plan lacks.
    assert by_platform["line"]["problems"] == ["the plan does not include LINE broadcasts"]


async def test_a_post_too_long_for_x_is_refused_on_submit(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    x = await channel(admin, "x")
    draft = await post(admin, [x["id"]], KANJI * 141)
    response = await admin.post(f"/v1/posts/{draft['id']}/submit")
    assert response.status_code == 400
    assert response.json()["type"] == type_uri("post-invalid")
    assert x["id"] in response.json()["problems"]
