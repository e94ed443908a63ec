"""The calendar over HTTP: a week or a month of posts per channel from the real all-in-one,
filtered by channel and campaign, and a scheduled post moved with its own form (the API decides:
an editor moves a scheduled post, a writer is told why not)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in


def scheduled_post(
    platform: Platform, team: dict[str, tuple[str, str]], channels: list[str], at: str
) -> tuple[str, str]:
    """A writer's post planned at `at`, approved by the editor: (its id, its text)."""
    writer, editor = platform.login(*team["writer"]), platform.login(*team["editor"])
    text = f"Calendar post {uuid.uuid4().hex[:8]}"
    created = writer.post(
        "/v1/posts", json={"text": text, "channel_ids": channels, "planned_at": at}
    )
    assert created.status_code == 201, created.text
    post_id = created.json()["id"]
    assert writer.post(f"/v1/posts/{post_id}/submit").json()["status"] == "submitted"
    assert editor.post(f"/v1/posts/{post_id}/approve").json()["status"] == "scheduled"
    return post_id, text


def signed_in(platform: Platform, login: tuple[str, str]) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *login).status_code == 303
    return browser


@pytest.fixture
def both(town_channels: dict[str, dict[str, Any]]) -> list[str]:
    return [town_channels["facebook_page"]["id"], town_channels["x"]["id"]]


def entries(page: httpx.Response) -> list[str]:
    """The calendar's entries as text, one per post and channel."""
    return page.text.split('<li class="entry ')[1:]


def test_a_week_shows_each_channels_post_on_its_day_at_the_towns_time(
    platform: Platform, town_team: dict[str, tuple[str, str]], both: list[str]
) -> None:
    _, text = scheduled_post(platform, town_team, both, "2031-03-05T12:00:00+09:00")
    browser = signed_in(platform, town_team["writer"])
    week = browser.get("/console/calendar?view=week&day=2031-03-06&lang=en")
    assert week.status_code == 200
    mine = [e for e in entries(week) if text in e]
    assert len(mine) == 2  # Facebook and X
    assert all("12:00" in e and "scheduled" in e and "Reschedule" in e for e in mine)
    assert "Wed, Mar 5" in week.text
    month = browser.get("/console/calendar?view=month&day=2031-03-20&lang=ja")
    assert len([e for e in entries(month) if text in e]) == 2
    assert "2031年3月" in month.text
    elsewhere = browser.get("/console/calendar?view=week&day=2031-03-12&lang=en")
    assert not [e for e in entries(elsewhere) if text in e]


def test_the_channel_filter_leaves_the_other_channels_out(
    platform: Platform,
    town_team: dict[str, tuple[str, str]],
    town_channels: dict[str, dict[str, Any]],
    both: list[str],
) -> None:
    _, text = scheduled_post(platform, town_team, both, "2031-03-18T09:00:00+09:00")
    browser = signed_in(platform, town_team["writer"])
    x_id = town_channels["x"]["id"]
    page = browser.get(f"/console/calendar?view=week&day=2031-03-18&channel={x_id}&lang=en")
    mine = [e for e in entries(page) if text in e]
    assert len(mine) == 1
    assert "@takeo_city" in mine[0]


def test_an_editor_moves_a_scheduled_post_to_another_day(
    platform: Platform, town_team: dict[str, tuple[str, str]], both: list[str]
) -> None:
    post_id, _ = scheduled_post(platform, town_team, both, "2031-04-08T12:00:00+09:00")
    browser = signed_in(platform, town_team["editor"])
    page = browser.get("/console/calendar?view=week&day=2031-04-08&lang=en")
    moved = browser.post(
        "/console/calendar/move",
        data={
            "csrf_token": csrf_of(page),
            "post_id": post_id,
            "at": "2031-04-10T09:30",
            "back": "/console/calendar?view=week&day=2031-04-08",
        },
    )
    assert moved.status_code == 303
    assert moved.headers["location"] == "/console/calendar?view=week&day=2031-04-08&moved=1"
    api = platform.login(*town_team["editor"])
    dues = {
        d["due_at"] for d in api.get("/v1/deliveries", params={"post_id": post_id}).json()["items"]
    }
    assert {d[:16] for d in dues} == {"2031-04-10T00:30"}  # 09:30 in Tokyo
    assert "Moved." in browser.get(moved.headers["location"] + "&lang=en").text


def test_a_writer_is_told_in_plain_words_why_a_scheduled_post_does_not_move(
    platform: Platform, town_team: dict[str, tuple[str, str]], both: list[str]
) -> None:
    post_id, _ = scheduled_post(platform, town_team, both, "2031-04-15T12:00:00+09:00")
    browser = signed_in(platform, town_team["writer"])
    page = browser.get("/console/calendar?view=week&day=2031-04-15")
    refused = browser.post(
        "/console/calendar/move",
        data={"csrf_token": csrf_of(page), "post_id": post_id, "at": "2031-04-16T12:00"},
    )
    assert refused.status_code == 303
    shown = browser.get(refused.headers["location"] + "&lang=en")
    assert "Only an editor can move a post that is already scheduled." in shown.text
    api = platform.login(*town_team["writer"])
    dues = {
        d["due_at"][:16]
        for d in api.get("/v1/deliveries", params={"post_id": post_id}).json()["items"]
    }
    assert dues == {"2031-04-15T03:00"}


def test_moving_without_the_csrf_token_is_refused(
    platform: Platform, town_team: dict[str, tuple[str, str]]
) -> None:
    browser = signed_in(platform, town_team["editor"])
    answer = browser.post(
        "/console/calendar/move", data={"post_id": str(uuid.uuid4()), "at": "2031-04-16T12:00"}
    )
    assert answer.status_code == 403
