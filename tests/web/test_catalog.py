"""The catalog pages over HTTP, from the real all-in-one: producers, places and categories are
added and changed through their forms and show in the API; a stale form changes nothing; a
producer user sees only their own producers and none of the team's buttons."""

from __future__ import annotations

import html
import re
import uuid
from typing import Any

import httpx

from machi_cli import seed
from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in


def admin_browser(platform: Platform) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *seed.ADMIN).status_code == 303
    return browser


FIELD = re.compile(
    r'<input type="checkbox" name="(?P<box>[a-z_]+)"(?: value="(?P<boxed>[^"]*)")?(?P<on> checked)?'
    r'|<input[^>]* name="(?P<input>[a-z_]+)"[^>]* value="(?P<value>[^"]*)"'
    r'|<select[^>]* name="(?P<select>[a-z_]+)"[^>]*>(?P<options>.*?)</select>'
    r'|<textarea[^>]* name="(?P<textarea>[a-z_]+)"[^>]*>(?P<text>.*?)</textarea>',
    re.S,
)


def form_fields(page: httpx.Response, action: str = "") -> dict[str, str | list[str]]:
    """The fields of a page's forms (or of the one posting to `action`) as a browser posts them:
    a name given several times, as opening hours are, keeps each value in order; a select
    without a chosen option, its first; a checkbox only when ticked."""
    text = page.text
    if action:
        found_form = re.search(
            rf'<form method="post" action="{re.escape(action)}".*?</form>', text, re.S
        )
        assert found_form, f"no form posting to {action}"
        text = found_form.group(0)
    fields: dict[str, list[str]] = {}
    for found in FIELD.finditer(text):
        if found["box"]:
            if not found["on"]:
                continue
            name, value = found["box"], found["boxed"] or "on"
        elif found["input"]:
            name, value = found["input"], found["value"]
        elif found["select"]:
            options = re.findall(r'<option value="([^"]*)"( selected)?>', found["options"])
            chosen = [value for value, selected in options if selected] or [options[0][0]]
            name, value = found["select"], chosen[0]
        else:
            name, value = found["textarea"], found["text"]
        fields.setdefault(name, []).append(html.unescape(value))
    return {k: v[0] if len(v) == 1 else v for k, v in fields.items() if k != "q"}


def problems(page: httpx.Response) -> list[str]:
    """What a refused form says, for a failing assertion's message."""
    return re.findall(r'class="(?:alert|field-error)"[^>]*>(.*?)</', page.text, re.S)


def producer_user(platform: Platform, producer_id: str) -> httpx.Client:
    """A new producer user of the demo town keeping `producer_id`, signed in to the console."""
    email, password = f"farmer-{uuid.uuid4().hex[:8]}@takeo.example", "farmer secret 1"
    created = platform.seeded_admin().post(
        "/v1/users",
        json={
            "email": email,
            "password": password,
            "roles": ["producer"],
            "producer_ids": [producer_id],
        },
    )
    assert created.status_code == 201, created.text
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, email, password).status_code == 303
    return browser


def new_producer(platform: Platform, name: str) -> str:
    answer = platform.seeded_admin().post(
        "/v1/producers", json={"kind": "farm", "name": {"ja": name}}
    )
    assert answer.status_code == 201, answer.text
    producer_id: str = answer.json()["id"]
    return producer_id


def test_a_producer_added_through_the_form_is_in_the_api_with_its_story(
    platform: Platform,
) -> None:
    browser = admin_browser(platform)
    page = browser.get("/console/producers/new?lang=en")
    assert page.status_code == 200
    code = f"UMI-{uuid.uuid4().hex[:6]}"
    posted = browser.post(
        "/console/producers",
        data={
            "csrf_token": csrf_of(page),
            "kind": "fishery",
            "name_ja": "有明の海苔",
            "name_en": "Ariake Nori",
            "story_ja": "三代続く海苔漁師です。",
            "story_ko": "삼대째 김을 기릅니다.",
            "code": code,
            "latitude": "33.1",
            "longitude": "130.2",
            "phone": "0954-00-0001",
            "visibility": "public",
        },
    )
    assert posted.status_code == 303, re.findall(
        r'class="(?:alert|field-error)"[^>]*>.*', posted.text
    )
    producer_id = posted.headers["location"].split("/")[-1].split("?")[0]
    found = platform.seeded_admin().get(f"/v1/producers/{producer_id}").json()
    assert found["name"] == {"ja": "有明の海苔", "en": "Ariake Nori"}
    assert found["story"] == {"ja": "三代続く海苔漁師です。", "ko": "삼대째 김을 기릅니다."}
    assert (found["kind"], found["code"], found["latitude"]) == ("fishery", code, 33.1)
    assert found["contact"] == {"phone": "0954-00-0001"}

    listed = browser.get("/console/producers", params={"q": "ariake", "lang": "en"})
    assert f'id="producer-{producer_id}"' in listed.text
    assert "Ariake Nori" in listed.text
    assert (
        f'id="producer-{producer_id}"'
        not in browser.get("/console/producers", params={"q": "no such producer anywhere"}).text
    )


def test_a_producer_form_with_a_mistake_is_shown_again_and_adds_nothing(
    platform: Platform,
) -> None:
    browser = admin_browser(platform)
    page = browser.get("/console/producers/new?lang=en")
    before = len(
        platform.seeded_admin().get("/v1/producers", params={"limit": 200}).json()["items"]
    )
    wrong = browser.post(
        "/console/producers",
        data={"csrf_token": csrf_of(page), "kind": "farm", "latitude": "north", "longitude": "1"},
    )
    assert wrong.status_code == 422
    assert "Give a name in at least one language." in wrong.text
    assert "Latitude is a number" in wrong.text
    after = len(platform.seeded_admin().get("/v1/producers", params={"limit": 200}).json()["items"])
    assert after == before


def test_a_producer_edit_saves_and_an_edit_from_a_stale_form_changes_nothing(
    platform: Platform,
) -> None:
    producer_id = new_producer(platform, "嬉野茶園")
    browser = admin_browser(platform)
    first = form_fields(browser.get(f"/console/producers/{producer_id}?lang=en"))
    second = form_fields(browser.get(f"/console/producers/{producer_id}?lang=en"))
    assert first["version"]

    saved = browser.post(
        f"/console/producers/{producer_id}", data={**first, "story_en": "Tea since 1900."}
    )
    assert saved.status_code == 303, problems(saved)
    stale = browser.post(
        f"/console/producers/{producer_id}", data={**second, "story_en": "Overwritten."}
    )

    assert stale.status_code == 422
    assert "Someone changed this meanwhile" in stale.text
    found = platform.seeded_admin().get(f"/v1/producers/{producer_id}").json()
    assert found["story"] == {"en": "Tea since 1900."}
    assert found["name"] == {"ja": "嬉野茶園"}


def test_a_producer_user_sees_only_their_own_producer_and_no_team_buttons(
    platform: Platform,
) -> None:
    own = new_producer(platform, "自分の農園")
    other = new_producer(platform, "よその農園")
    farmer = producer_user(platform, own)

    listed = farmer.get("/console/producers?lang=en")
    assert listed.status_code == 200
    assert f'id="producer-{own}"' in listed.text
    assert f'id="producer-{other}"' not in listed.text
    assert 'href="/console/producers/new"' not in listed.text
    for link in ('href="/console/places"', 'href="/console/categories"', 'href="/console/imports"'):
        assert link not in listed.text  # the catalog team's pages are not in their menu
    assert farmer.get(f"/console/producers/{other}").status_code == 404

    page = farmer.get(f"/console/producers/{own}?lang=en")
    saved = farmer.post(
        f"/console/producers/{own}", data={**form_fields(page), "story_ja": "土づくりから。"}
    )
    assert saved.status_code == 303
    assert platform.seeded_admin().get(f"/v1/producers/{own}").json()["story"] == {
        "ja": "土づくりから。"
    }
    refused = farmer.post(
        "/console/producers",
        data={"csrf_token": csrf_of(page), "kind": "farm", "name_ja": "勝手な農園"},
    )
    assert refused.status_code == 403  # the API's refusal, in words
    assert "勝手な農園" not in platform.seeded_admin().get("/v1/producers?limit=200").text


def test_the_producer_list_pages_through_the_town(platform: Platform) -> None:
    marker = uuid.uuid4().hex[:6]
    for n in range(27):
        new_producer(platform, f"頁{marker}農園{n}")
    browser = admin_browser(platform)
    first = browser.get("/console/producers", params={"q": marker, "lang": "en"})
    assert first.text.count('<tr id="producer-') == 25
    next_link = re.search(r'href="([^"]+)" rel="next"', first.text)
    assert next_link, first.text
    second = browser.get(html.unescape(next_link.group(1)))
    assert second.text.count('<tr id="producer-') == 2
    assert 'rel="next"' not in second.text
    assert "First page" in second.text


def test_a_form_without_the_csrf_token_changes_nothing(platform: Platform) -> None:
    producer_id = new_producer(platform, "守られた農園")
    browser = admin_browser(platform)
    fields = form_fields(browser.get(f"/console/producers/{producer_id}"))
    del fields["csrf_token"]
    refused = browser.post(f"/console/producers/{producer_id}", data={**fields, "name_ja": "X"})
    assert refused.status_code == 403
    assert platform.seeded_admin().get(f"/v1/producers/{producer_id}").json()["name"] == {
        "ja": "守られた農園"
    }
    none = browser.post("/console/categories", data={"slug": "forged", "name_ja": "偽"})
    assert none.status_code == 403
    assert '"forged"' not in platform.seeded_admin().get("/v1/categories?limit=100").text


def test_a_place_is_added_with_opening_hours_then_published_and_archived(
    platform: Platform,
) -> None:
    browser = admin_browser(platform)
    page = browser.get("/console/places/new?lang=en")
    assert page.status_code == 200
    slug = f"mifuneyama-{uuid.uuid4().hex[:6]}"
    posted = browser.post(
        "/console/places",
        data={
            "csrf_token": csrf_of(page),
            "slug": slug,
            "kind": "park",
            "name_ja": "御船山楽園",
            "name_en": "Mifuneyama Rakuen",
            "description_ko": "봄의 철쭉",
            "latitude": "33.1848",
            "longitude": "129.9993",
            "hours_day": ["mon", "sat", ""],
            "hours_opens": ["08:00", "18:00", ""],
            "hours_closes": ["17:00", "02:00", ""],
        },
    )
    assert posted.status_code == 303, posted.text
    place_id = posted.headers["location"].split("/")[-1].split("?")[0]
    api = platform.seeded_admin()
    found = api.get(f"/v1/places/{place_id}").json()
    assert found["opening_hours"] == [
        {"day": "mon", "opens": "08:00", "closes": "17:00"},
        {"day": "sat", "opens": "18:00", "closes": "02:00"},
    ]
    assert (found["status"], found["description"]) == ("draft", {"ko": "봄의 철쭉"})

    shown = browser.get(f"/console/places/{place_id}?lang=en")
    assert "https://www.openstreetmap.org/?mlat=33.1848&amp;mlon=129.9993" in shown.text
    token = csrf_of(shown)
    assert (
        browser.post(f"/console/places/{place_id}/publish", data={"csrf_token": token}).status_code
        == 303
    )
    assert api.get(f"/v1/places/{place_id}").json()["status"] == "published"
    assert (
        browser.post(f"/console/places/{place_id}/archive", data={"csrf_token": token}).status_code
        == 303
    )
    assert api.get(f"/v1/places/{place_id}").json()["status"] == "archived"

    first = form_fields(browser.get(f"/console/places/{place_id}"))
    second = form_fields(browser.get(f"/console/places/{place_id}"))
    saved = browser.post(f"/console/places/{place_id}", data={**first, "name_en": "Mifuneyama"})
    assert saved.status_code == 303, problems(saved)
    stale = browser.post(f"/console/places/{place_id}", data={**second, "name_en": "Changed"})
    assert stale.status_code == 422
    assert "Someone changed this meanwhile" in stale.text
    assert api.get(f"/v1/places/{place_id}").json()["name"]["en"] == "Mifuneyama"
    assert len(api.get(f"/v1/places/{place_id}").json()["opening_hours"]) == 2  # kept


def test_a_category_is_added_and_renamed_in_another_language(platform: Platform) -> None:
    browser = admin_browser(platform)
    page = browser.get("/console/categories?lang=en")
    assert page.status_code == 200
    slug = f"sweets-{uuid.uuid4().hex[:6]}"
    added = browser.post(
        "/console/categories",
        data={"csrf_token": csrf_of(page), "slug": slug, "name_ja": "和菓子"},
    )
    assert added.status_code == 303
    api = platform.seeded_admin()
    (made,) = [c for c in api.get("/v1/categories?limit=100").json()["items"] if c["slug"] == slug]
    assert made["name"] == {"ja": "和菓子"}

    edit = browser.get(f"/console/categories/{made['id']}?lang=en")
    renamed = browser.post(
        f"/console/categories/{made['id']}",
        data={**form_fields(edit), "name_ko": "화과자", "name_en": "Japanese sweets"},
    )
    assert renamed.status_code == 303
    assert api.get(f"/v1/categories/{made['id']}").json()["name"] == {
        "ja": "和菓子",
        "ko": "화과자",
        "en": "Japanese sweets",
    }
    listed = browser.get("/console/categories?lang=ko")
    assert "화과자" in listed.text


def new_product(platform: Platform, **extra: object) -> dict[str, Any]:
    """A product of the demo town's first producer, made through the API."""
    api = platform.seeded_admin()
    producer = api.get("/v1/producers").json()["items"][0]
    body = {
        "producer_id": producer["id"],
        "slug": f"lemongrass-{uuid.uuid4().hex[:6]}",
        "name": {"ja": "レモングラス"},
        "price_amount": 800,
        **extra,
    }
    created = api.post("/v1/products", json=body)
    assert created.status_code == 201, created.text
    product: dict[str, Any] = created.json()
    return product


def test_a_variant_is_added_and_repriced_and_a_stale_variant_form_changes_nothing(
    platform: Platform,
) -> None:
    product = new_product(platform)
    browser = admin_browser(platform)
    page = browser.get(f"/console/products/{product['id']}?lang=en")
    assert 'id="variants"' in page.text
    added = browser.post(
        f"/console/products/{product['id']}/variants",
        data={
            **form_fields(page, f"/console/products/{product['id']}/variants"),
            "sku": f"LG-{uuid.uuid4().hex[:6]}",
            "price": "1,980",
            "stock": "5",
            "quantity": "200",
            "unit": "g",
        },
    )
    assert added.status_code == 303, problems(added)
    api = platform.seeded_admin()
    (variant,) = api.get(f"/v1/products/{product['id']}").json()["variants"]
    assert (variant["price_amount"], variant["stock"], variant["quantity"], variant["unit"]) == (
        1980,
        5,
        200,
        "g",
    )

    action = f"/console/products/{product['id']}/variants/{variant['id']}"
    first = form_fields(browser.get(f"/console/products/{product['id']}"), action)
    second = form_fields(browser.get(f"/console/products/{product['id']}"), action)
    assert (first["price"], first["stock"]) == ("1980", "5")
    saved = browser.post(action, data={**first, "price": "2100"})
    assert saved.status_code == 303, problems(saved)
    stale = browser.post(action, data={**second, "stock": "1"})
    assert stale.status_code == 422
    assert "Someone changed this variant meanwhile" in stale.text
    (variant,) = api.get(f"/v1/products/{product['id']}").json()["variants"]
    assert (variant["price_amount"], variant["stock"]) == (2100, 5)

    wrong = browser.post(
        action,
        data={
            **form_fields(browser.get(f"/console/products/{product['id']}"), action),
            "price": "cheap",
        },
    )
    assert wrong.status_code == 422
    assert "Write the price as a number" in wrong.text


def test_a_products_season_months_are_saved_and_cleared(platform: Platform) -> None:
    product = new_product(platform)
    browser = admin_browser(platform)
    action = f"/console/products/{product['id']}"
    fields = form_fields(browser.get(f"{action}?lang=ja"), action)
    assert "season_months" not in fields  # all year: no box ticked
    saved = browser.post(action, data={**fields, "season_months": ["11", "12", "13"]})
    assert saved.status_code == 303, problems(saved)
    api = platform.seeded_admin()
    assert api.get(f"/v1/products/{product['id']}").json()["season_months"] == [11, 12]
    page = browser.get(f"{action}?lang=ja")
    assert 'value="11" checked> 11月' in page.text

    cleared = {k: v for k, v in form_fields(page, action).items() if k != "season_months"}
    assert browser.post(action, data=cleared).status_code == 303
    assert api.get(f"/v1/products/{product['id']}").json()["season_months"] == []


def test_the_products_page_lists_one_producers_products(platform: Platform) -> None:
    product = new_product(platform)
    browser = admin_browser(platform)
    page = browser.get("/console/products", params={"producer": product["producer_id"]})
    assert f'href="/console/products/{product["id"]}"' in page.text
    other = browser.get("/console/products", params={"producer": str(uuid.uuid4())})
    assert f'href="/console/products/{product["id"]}"' not in other.text
