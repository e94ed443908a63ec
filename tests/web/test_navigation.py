"""The console's menu over HTTP: a few groups, each shown to the roles that use it; the page
being shown is marked for assistive technology."""

from __future__ import annotations

import re

import httpx

from machi_cli import seed
from tests.harness import Platform
from tests.web.test_account import joined
from tests.web.test_pages import sign_in


def groups(page: httpx.Response) -> list[str]:
    """The menu's group names, in order."""
    return re.findall(r'<span class="menu-title" id="menu-[a-z]+">([^<]+)</span>', page.text)


def test_an_admin_sees_the_towns_groups_and_the_admin_group(platform: Platform) -> None:
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    page = admin.get("/console/channels?lang=en")
    assert groups(page) == ["Today", "Publishing", "Catalog", "Reports", "Admin", "You"]
    assert 'href="/console/channels" aria-current="page"' in page.text
    assert page.text.count('aria-current="page"') == 1
    assert '<span class="here">· Channels</span>' in page.text  # named on the closed menu
    assert 'href="/console/users"' in page.text
    assert 'href="/console/operator/towns"' not in page.text


def test_a_writer_sees_no_admin_group(platform: Platform) -> None:
    _, writer = joined(platform, "a writer's secret")
    page = writer.get("/console/?lang=ja")
    assert groups(page) == ["今日", "投稿", "カタログ", "レポート", "自分"]
    assert 'href="/console/" aria-current="page"' in page.text
    assert 'href="/console/api-keys"' not in page.text


def test_the_operator_sees_the_operator_group_and_no_towns_pages(platform: Platform) -> None:
    operator = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(operator, *seed.OPERATOR).status_code == 303
    page = operator.get("/console/?lang=ko")
    assert page.status_code == 200
    assert groups(page) == ["운영", "나"]
    assert 'href="/console/products"' not in page.text
