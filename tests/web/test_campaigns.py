"""The campaigns pages over HTTP: a writer builds a campaign by picking products by hand, sees
every post it made with each channel's preview and tracked link, submits it; the editor approves
it and its posts land on the calendar; refusals come back in plain words."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from tests.harness import Platform
from tests.web.test_calendar import entries, signed_in
from tests.web.test_pages import csrf_of

GARLIC, TOFU = "aged-black-garlic", "onsen-tofu"


def _first_day() -> date:
    """Tomorrow in Takeo, or the Monday after if that is a Sunday: the campaign's two daily
    posts fall in one calendar week and within the week ahead the API makes posts in."""
    tomorrow = datetime.now(ZoneInfo("Asia/Tokyo")).date() + timedelta(days=1)
    return tomorrow + timedelta(days=1) if tomorrow.weekday() == 6 else tomorrow


def _shown(day: date) -> str:
    return f"{day:%a}, {day:%b} {day.day}, {day.year} 12:00"


def _products(platform: Platform, *slugs: str) -> list[str]:
    found = platform.seeded_admin().get("/v1/products", params={"limit": 200}).json()["items"]
    by_slug = {p["slug"]: p["id"] for p in found}
    return [by_slug[s] for s in slugs]


def _form(page: httpx.Response, products: list[str], channel: str, **more: str) -> dict[str, Any]:
    return {
        "csrf_token": csrf_of(page),
        "name": "Takeo's table",
        "product_ids": products,
        "channel_ids": [channel],
        "template": "{name} / {producer} {price}",
        "language": "en",
        "start_date": _first_day().isoformat(),
        "time": "12:00",
        "every_days": "1",
        **more,
    }


def test_a_writer_builds_a_campaign_and_the_editor_approves_it(
    platform: Platform,
    town_team: dict[str, tuple[str, str]],
    town_channels: dict[str, dict[str, Any]],
) -> None:
    writer = signed_in(platform, town_team["writer"])
    page = writer.get("/console/campaigns/new?lang=en")
    assert page.status_code == 200
    x_id = town_channels["x"]["id"]
    products = _products(platform, GARLIC, TOFU)
    created = writer.post("/console/campaigns", data=_form(page, products, x_id))
    assert created.status_code == 303, created.text[-1500:]
    campaign = created.headers["location"]
    shown = writer.get(f"{campaign}?lang=en")
    assert "Takeo's table" in html.unescape(shown.text)
    first = _first_day()
    assert _shown(first) in shown.text
    assert _shown(first + timedelta(days=1)) in shown.text
    cards = shown.text.split('<section class="post-card')[1:]
    assert len(cards) == 2  # one post per product, on X
    assert all(re.search(r"\d+ / 280", c) and "/r/" in c for c in cards)
    assert "Submit 2 posts for approval" in shown.text
    assert 'href="/console/campaigns"' in writer.get("/console/campaigns").text  # the menu

    submitted = writer.post(f"{campaign}/submit", data={"csrf_token": csrf_of(shown)})
    assert submitted.headers["location"].endswith("?done=submitted")
    refused = writer.post(f"{campaign}/approve", data={"csrf_token": csrf_of(shown)})
    assert "refused=" in refused.headers["location"]
    told = writer.get(refused.headers["location"] + "&lang=en")
    assert "an editor approves campaigns" in told.text

    editor = signed_in(platform, town_team["editor"])
    page = editor.get(f"{campaign}?lang=en")
    assert "Approve 2 posts" in page.text
    approved = editor.post(f"{campaign}/approve", data={"csrf_token": csrf_of(page)})
    assert approved.headers["location"].endswith("?done=approved")
    campaign_id = campaign.rsplit("/", 1)[1]
    week = editor.get(
        f"/console/calendar?view=week&day={first.isoformat()}&campaign={campaign_id}&lang=en"
    )
    assert len(entries(week)) == 2

    page = writer.get(f"{campaign}?lang=en")
    assert "running" in page.text
    paused = writer.post(f"{campaign}/pause", data={"csrf_token": csrf_of(page)})
    assert paused.headers["location"].endswith("?done=paused")
    shown = writer.get(f"{campaign}?done=paused&lang=ja")
    assert "一時停止しました" in shown.text
    assert "一時停止中" in shown.text  # the campaign's status, in the page's language
    resumed = writer.post(f"{campaign}/resume", data={"csrf_token": csrf_of(shown)})
    assert resumed.headers["location"].endswith("?done=resumed")
    again = writer.get(
        f"/console/calendar?view=week&day={first.isoformat()}&campaign={campaign_id}"
    )
    assert len(entries(again)) == 2  # the posts taken back on pause are made again


def test_a_campaign_starting_in_the_past_is_refused_in_plain_words(
    platform: Platform,
    town_team: dict[str, tuple[str, str]],
    town_channels: dict[str, dict[str, Any]],
) -> None:
    writer = signed_in(platform, town_team["writer"])
    page = writer.get("/console/campaigns/new?lang=en")
    form = _form(
        page, _products(platform, GARLIC), town_channels["x"]["id"], start_date="2020-01-06"
    )
    refused = writer.post("/console/campaigns?lang=en", data=form)
    assert refused.status_code == 422
    assert "The first post would be due in the past" in refused.text


def test_the_campaign_form_says_what_is_missing(
    platform: Platform, town_team: dict[str, tuple[str, str]]
) -> None:
    writer = signed_in(platform, town_team["writer"])
    page = writer.get("/console/campaigns/new?lang=ja")
    refused = writer.post(
        "/console/campaigns?lang=ja",
        data={"csrf_token": csrf_of(page), "name": "", "time": "25:00"},
    )
    assert refused.status_code == 422
    for words in (
        "キャンペーンに名前を付けてください。",
        "商品を1つ以上選んでください。",
        "時刻を選んでください",
    ):
        assert words in refused.text


def test_a_writer_lets_the_campaign_choose_its_products_by_rule(
    platform: Platform,
    town_team: dict[str, tuple[str, str]],
    town_channels: dict[str, dict[str, Any]],
) -> None:
    writer = signed_in(platform, town_team["writer"])
    page = writer.get("/console/campaigns/new?lang=ja")
    assert "その時に在庫があるもの" in page.text
    form = _form(page, [], town_channels["x"]["id"], name="By rule", by_rule="on", steps="2")
    created = writer.post("/console/campaigns", data={**form, "in_stock": "on"})
    assert created.status_code == 303, created.text[-1500:]
    campaign_id = created.headers["location"].rsplit("/", 1)[1]
    made = platform.seeded_admin().get(f"/v1/campaigns/{campaign_id}").json()
    assert (made["product_ids"], made["steps"]) == ([], 2)
    assert (made["rules"]["in_stock"], made["rules"]["in_season"]) == (True, False)
