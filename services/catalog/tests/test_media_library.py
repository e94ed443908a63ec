"""The media library: list and search, alt text per language, where each photo is used."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.images import jpeg_with_gps
from kit.testing.plugin import principal

from .conftest import producer_user
from .helpers import make_producer, make_product, relayed

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
STALE = '"00000000000000000000000000000000"'


async def upload(http: httpx.AsyncClient, name: str = "garlic.jpg") -> dict:
    response = await http.post("/v1/media", files={"file": (name, jpeg_with_gps(), "image/jpeg")})
    assert response.status_code == 201, response.text
    return response.json()


async def set_alt(
    http: httpx.AsyncClient, media_id: str, alt: dict, **headers: str
) -> httpx.Response:
    return await http.patch(f"/v1/media/{media_id}", json={"alt": alt}, headers=headers)


def ids(page: httpx.Response) -> list[str]:
    assert page.status_code == 200, page.text
    return [item["id"] for item in page.json()["items"]]


class TestList:
    async def test_lists_the_towns_media_newest_first_page_by_page(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        made = [(await upload(http, f"photo-{n}.jpg"))["id"] for n in range(3)]

        first = await http.get("/v1/media", params={"limit": 2})
        second = await http.get(
            "/v1/media", params={"limit": 2, "cursor": first.json()["next_cursor"]}
        )

        assert ids(first) + ids(second) == made[::-1]
        assert second.json()["next_cursor"] is None
        assert first.json()["items"][0]["urls"]["thumbnail"].endswith("/thumbnail")

    async def test_search_finds_file_names_and_alt_text_in_any_language(
        self, as_user: Client
    ) -> None:
        http = as_user(principal(uuid.uuid4()))
        garlic = await upload(http, "Garlic-Farm.JPG")
        tofu = await upload(http, "img_0042.jpg")
        await set_alt(http, tofu["id"], {"ja": "湯豆腐の鍋", "ko": "온천 두부"})

        assert ids(await http.get("/v1/media", params={"q": "garlic-farm"})) == [garlic["id"]]
        assert ids(await http.get("/v1/media", params={"q": "豆腐"})) == [tofu["id"]]
        assert ids(await http.get("/v1/media", params={"q": "두부"})) == [tofu["id"]]
        assert ids(await http.get("/v1/media", params={"q": "100%_"})) == []

    async def test_updated_since_lists_what_changed_since(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        old = await upload(http)
        later = datetime.now(UTC) + timedelta(seconds=1)

        assert ids(await http.get("/v1/media", params={"updated_since": later.isoformat()})) == []
        await set_alt(http, old["id"], {"en": "Garlic"})
        since = (datetime.now(UTC) - timedelta(seconds=5)).isoformat()
        assert ids(await http.get("/v1/media", params={"updated_since": since})) == [old["id"]]

    async def test_another_towns_media_is_not_listed(self, as_user: Client) -> None:
        mine = await upload(as_user(principal(uuid.uuid4())))
        other = as_user(principal(uuid.uuid4()))
        assert mine["id"] not in ids(await other.get("/v1/media"))

    @pytest.mark.parametrize(
        "params", [{"cursor": "not-a-cursor"}, {"limit": "0"}, {"updated_since": "yesterday"}]
    )
    async def test_bad_list_parameters_are_problems(self, as_user: Client, params: dict) -> None:
        answer = await as_user(principal(uuid.uuid4())).get("/v1/media", params=params)
        assert answer.status_code in (400, 422)
        assert answer.headers["content-type"] == "application/problem+json"


class TestAltText:
    async def test_alt_text_is_set_per_language_and_read_back(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        media = await upload(http)

        await set_alt(http, media["id"], {"ja": "熟成黒にんにく", "en": "Black garlic"})
        changed = await set_alt(http, media["id"], {"ko": "흑마늘", "en": ""})

        assert changed.status_code == 200, changed.text
        expected = {"ja": "熟成黒にんにく", "ko": "흑마늘"}  # en removed, ja kept
        assert changed.json()["alt"] == expected
        assert (await http.get(f"/v1/media/{media['id']}")).json()["alt"] == expected

    async def test_a_stale_if_match_is_412_and_changes_nothing(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        media = await upload(http)
        path = f"/v1/media/{media['id']}"
        seen = (await http.get(path)).headers["etag"]
        assert (await set_alt(http, media["id"], {"ja": "先の変更"})).status_code == 200

        refused = await set_alt(http, media["id"], {"ja": "後の変更"}, **{"If-Match": seen})
        fresh = await http.get(path)
        accepted = await set_alt(
            http, media["id"], {"ja": "後の変更"}, **{"If-Match": fresh.headers["etag"]}
        )

        assert refused.status_code == 412
        assert refused.headers["content-type"] == "application/problem+json"
        assert fresh.json()["alt"] == {"ja": "先の変更"}
        assert accepted.status_code == 200
        assert accepted.headers["etag"] != fresh.headers["etag"]
        assert (await set_alt(http, media["id"], {}, **{"If-Match": STALE})).status_code == 412

    @pytest.mark.parametrize(
        "body",
        [
            {"alt": {"ja": "x" * 1001}},
            {"alt": {"japanese-language": "x"}},
            {"alt": {"ja": 3}},
            {"alt": "just text"},
            {"alt": {"ja": "x"}, "filename": "other.jpg"},
            {},
        ],
    )
    async def test_bad_alt_text_is_a_422_problem(self, as_user: Client, body: dict) -> None:
        http = as_user(principal(uuid.uuid4()))
        media = await upload(http)
        answer = await http.patch(f"/v1/media/{media['id']}", json=body)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert (await http.get(f"/v1/media/{media['id']}")).json()["alt"] == {}

    async def test_another_towns_media_is_404_to_read_and_to_change(self, as_user: Client) -> None:
        owner = as_user(principal(uuid.uuid4()))
        media = await upload(owner)
        stranger = as_user(principal(uuid.uuid4()))

        read = await stranger.get(f"/v1/media/{media['id']}")
        changed = await set_alt(stranger, media["id"], {"ja": "乗っ取り"})

        assert (read.status_code, changed.status_code) == (404, 404)
        assert changed.headers["content-type"] == "application/problem+json"
        assert (await owner.get(f"/v1/media/{media['id']}")).json()["alt"] == {}

    async def test_a_producer_user_may_not_change_alt_text(self, as_user: Client) -> None:
        tenant = uuid.uuid4()
        media = await upload(as_user(principal(tenant)))
        producer = as_user(producer_user(tenant))
        answer = await set_alt(producer, media["id"], {"ja": "x"})
        assert answer.status_code == 403


class TestWhereUsed:
    async def test_the_read_lists_the_products_and_places_using_the_photo(
        self, as_user: Client
    ) -> None:
        http = as_user(principal(uuid.uuid4()))
        media = await upload(http)
        producer = await make_producer(http)
        product = await make_product(http, producer["id"], media=[{"media_id": media["id"]}])
        await make_product(http, producer["id"], slug="other-thing")
        place = await http.post(
            "/v1/places",
            json={
                "slug": "takeo-onsen",
                "kind": "onsen",
                "name": {"ja": "武雄温泉", "en": "Takeo Onsen"},
                "media": [{"media_id": media["id"]}],
            },
        )
        assert place.status_code == 201, place.text

        usage = (
            await http.get(f"/v1/media/{media['id']}", headers={"Accept-Language": "en"})
        ).json()["usage"]

        assert [(p["id"], p["display_name"]) for p in usage["products"]] == [
            (product["id"], "Aged black garlic")
        ]
        assert usage["products"][0]["status"] == "draft"
        assert [(p["slug"], p["display_name"]) for p in usage["places"]] == [
            ("takeo-onsen", "Takeo Onsen")
        ]

    async def test_a_producer_user_sees_only_their_own_products_using_it(
        self, as_user: Client
    ) -> None:
        tenant = uuid.uuid4()
        town = as_user(principal(tenant))
        media = await upload(town)
        mine = await make_producer(town)
        theirs = await make_producer(town, name={"ja": "別の農園"})
        own = await make_product(town, mine["id"], media=[{"media_id": media["id"]}])
        await make_product(town, theirs["id"], slug="theirs", media=[{"media_id": media["id"]}])

        seen = await as_user(producer_user(tenant, uuid.UUID(mine["id"]))).get(
            f"/v1/media/{media['id']}"
        )

        assert [p["id"] for p in seen.json()["usage"]["products"]] == [own["id"]]


class TestAltWhereShown:
    async def test_products_show_the_librarys_alt_text_over_their_own(
        self, as_user: Client
    ) -> None:
        http = as_user(principal(uuid.uuid4()))
        media = await upload(http)
        producer = await make_producer(http)
        attached = {"media_id": media["id"], "alt": {"ja": "商品名", "en": "Product name"}}
        product = await make_product(http, producer["id"], media=[attached])

        await set_alt(http, media["id"], {"ja": "皿に盛った黒にんにく"})
        read = await http.get(f"/v1/products/{product['id']}", params={"lang": "ja"})

        [photo] = read.json()["media"]
        assert photo["alt"] == {"ja": "皿に盛った黒にんにく", "en": "Product name"}
        assert photo["display_alt"] == "皿に盛った黒にんにく"
        listed = await http.get("/v1/products", params={"slug": product["slug"]})
        assert listed.json()["items"][0]["media"][0]["alt"]["ja"] == "皿に盛った黒にんにく"

    async def test_a_new_alt_text_is_a_new_version_of_each_public_product_using_it(
        self, as_user: Client, runtime: ServiceRuntime
    ) -> None:
        tenant = uuid.uuid4()
        http = as_user(principal(tenant))
        media = await upload(http)
        producer = await make_producer(http)
        product = await make_product(http, producer["id"], media=[{"media_id": media["id"]}])
        assert (await http.post(f"/v1/products/{product['id']}/publish")).status_code == 200
        before = (await http.get(f"/v1/products/{product['id']}")).headers["etag"]
        await relayed(runtime, tenant, "#")  # drain what publishing wrote

        await set_alt(http, media["id"], {"en": "Black garlic on a plate"})

        [event] = await relayed(runtime, tenant, "catalog.product.updated.v1")
        assert event["payload"]["media"][0]["alt"] == {"en": "Black garlic on a plate"}
        assert (await http.get(f"/v1/products/{product['id']}")).headers["etag"] != before

    async def test_the_same_alt_text_again_changes_nothing(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        media = await upload(http)
        first = await set_alt(http, media["id"], {"ja": "同じ"})
        again = await set_alt(http, media["id"], {"ja": "同じ"})
        assert again.headers["etag"] == first.headers["etag"]
