import uuid
from collections.abc import Callable

import httpx
import pytest

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


PHOTO = {"url": "https://cdn.example/p.jpg", "width": 1080, "height": 1080}
CLIP = {"url": "https://cdn.example/c.mp4"}


@pytest.mark.parametrize(
    ("platform", "media", "problem"),
    [
        ("instagram", [PHOTO] * 11, "instagram takes at most 10 media"),
        ("threads", [PHOTO] * 21, "threads takes at most 20 media"),
        ("facebook_page", [PHOTO, CLIP], "facebook_page takes images or a video in one post"),
        ("x", [CLIP, CLIP], "x takes at most 1 video"),
        ("line", [CLIP], "line takes no video"),
        ("instagram", [{**PHOTO, "bytes": 9 * 2**20}], "over instagram's 8388608"),
        ("threads", [{**PHOTO, "width": 5000, "height": 400}], "aspect ratio 12.50 outside"),
        ("x", [{**CLIP, "bytes": 600 * 2**20}], "over x's 536870912"),
    ],
)
def test_each_platforms_media_rules_are_checked(
    platform: str, media: list[dict], problem: str
) -> None:
    found = validation.problems(platform, {}, "hi", media)
    assert any(problem in p for p in found), found


def test_a_catalog_photo_is_checked_as_the_rendition_the_platform_gets() -> None:
    wide = {
        "url": f"https://m.test/v1/media/{uuid.uuid4()}/original",
        "width": 3000,
        "height": 1000,
    }
    assert validation.problems("instagram", {}, "hi", [wide]) == []  # goes as the 4:5 crop
    assert validation.problems("x", {}, "hi", [wide]) == []
    found = validation.problems("instagram", {}, "hi", [wide], {"instagram": "original"})
    assert found[0] == "instagram takes the portrait, landscape rendition, not original"
    assert found[1].endswith("aspect ratio 3.00 outside 0.80-1.91")  # the original's own


async def test_the_preview_reports_media_rules_before_submit(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    instagram, x = await channel(admin, "instagram"), await channel(admin, "x")
    body = {"text": "秋の味覚", "channel_ids": [instagram["id"], x["id"]], "media": [PHOTO] * 5}
    preview = (await admin.post("/v1/posts/preview", json=body)).json()
    by_platform = {c["platform"]: c for c in preview["channels"]}
    assert by_platform["instagram"]["valid"] is True
    assert by_platform["x"]["problems"] == ["x takes at most 4 media"]
    assert preview["valid"] is False


async def test_the_preview_shows_the_rendition_each_platform_is_sent(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    instagram, x = await channel(admin, "instagram"), await channel(admin, "x")
    base = f"https://m.test/v1/media/{uuid.uuid4()}"
    body = {
        "text": "秋の味覚",
        "channel_ids": [instagram["id"], x["id"]],
        "media": [{"url": f"{base}/web", "width": 1600, "height": 1200}],
        "renditions": {"x": "landscape"},
    }
    preview = (await admin.post("/v1/posts/preview", json=body)).json()
    sent = {c["platform"]: c["media"] for c in preview["channels"]}
    assert [(m["url"], m["width"], m["height"]) for m in sent["instagram"]] == [
        (f"{base}/portrait", 1080, 1350)
    ]
    assert [(m["url"], m["width"], m["height"]) for m in sent["x"]] == [
        (f"{base}/landscape", 1200, 628)
    ]


async def test_a_rendition_a_platform_does_not_take_is_refused_on_create(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    body = {"text": "秋", "renditions": {"instagram": "web", "x": "landscape"}}
    refused = await admin.post("/v1/posts", json=body)
    assert refused.status_code == 400, refused.text
    assert refused.json()["type"] == type_uri("post-invalid")
    assert refused.json()["problems"] == {
        "renditions": ["instagram takes the portrait, landscape rendition, not web"]
    }
    made = await admin.post("/v1/posts", json={"text": "秋", "renditions": {"x": "landscape"}})
    assert made.status_code == 201, made.text
    assert made.json()["renditions"] == {"x": "landscape"}
    edited = await admin.patch(
        f"/v1/posts/{made.json()['id']}", json={"renditions": {"instagram": "landscape"}}
    )
    assert edited.json()["renditions"] == {"instagram": "landscape"}


@pytest.mark.parametrize(
    ("renditions", "status"),
    [
        ({f"p{n}": "web" for n in range(11)}, 422),  # more platforms than there are
        ({"x" * 21: "web"}, 422),
        ({"x": "huge"}, 422),
        ({"myspace": "web"}, 400),
        ({"instagram": "original"}, 400),
    ],
)
async def test_bad_renditions_are_a_problem_and_make_no_post(
    as_user: Client, renditions: dict, status: int
) -> None:
    admin = as_user(principal(uuid.uuid4()))
    refused = await admin.post("/v1/posts", json={"text": "秋", "renditions": renditions})
    assert refused.status_code == status, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    made = await admin.post("/v1/posts", json={"text": "秋"})
    edited = await admin.patch(f"/v1/posts/{made.json()['id']}", json={"renditions": renditions})
    assert edited.status_code == status, edited.text
    assert (await admin.get(f"/v1/posts/{made.json()['id']}")).json()["renditions"] == {}
    assert len((await admin.get("/v1/posts")).json()["items"]) == 1


@pytest.mark.parametrize(
    "item",
    [
        {"width": 10**400, "height": 1},  # too large a ratio to count as a float
        {"width": 1, "height": 10**400},
        {"width": 100_001, "height": 1000},
        {"bytes": 10**400},
    ],
)
async def test_media_sizes_past_any_file_are_a_validation_problem(
    as_user: Client, item: dict
) -> None:
    admin = as_user(principal(uuid.uuid4()))
    instagram = await channel(admin, "instagram")
    body = {
        "text": "秋",
        "channel_ids": [instagram["id"]],
        "media": [{"url": "https://m.test/a.jpg", **item}],
    }
    for path in ("/v1/posts/preview", "/v1/posts"):
        refused = await admin.post(path, json=body)
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await admin.get("/v1/posts")).json()["items"] == []
