"""Journey 1: a town starts (tenant admin, platform operator). JOURNEYS.md section 1."""

from __future__ import annotations

import pytest

from machi_client.api.auth import me_get
from machi_client.api.channels import channels_list
from machi_client.api.public import town_home
from machi_client.api.tenants import tenants_get, tenants_list

from .journeys import STAFF, TAKEO_FACEBOOK, Journeys, Takeo, anonymous, api, done, takeo

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def town(journeys: Journeys) -> Takeo:
    return takeo(journeys)


def test_operator_creates_takeo_on_the_town_plan(town: Takeo, journeys: Journeys) -> None:
    operator = api(journeys.operator)
    tenant = done(tenants_get.sync_detailed(town.id, client=operator))
    assert tenant.slug == "takeo"
    assert tenant.timezone == "Asia/Tokyo"
    assert tenant.locales == ["ja", "en", "ko"]
    assert tenant.population == 50_000
    assert tenant.currency == "JPY"
    assert tenant.allowed_store_domains == ["store.shopping.yahoo.co.jp"]
    assert tenant.plan == "town"
    listed = done(tenants_list.sync_detailed(client=operator))
    assert town.id in {t.id for t in listed.items}


def test_invited_admin_accepted_and_logs_in_as_takeo_admin(town: Takeo) -> None:
    me = done(me_get.sync_detailed(client=api(town.admin)))
    assert me.email == "admin@takeo.example"
    assert me.tenant_id == town.id
    assert me.roles == ["admin"]


def test_each_user_the_admin_created_logs_in_with_their_role(town: Takeo) -> None:
    expected = {
        "writer1": ["writer"],
        "writer2": ["writer"],
        "photographer": ["photographer"],
        "editor": ["editor"],
        "analyst": ["analyst"],
        **{s: ["staff"] for s in STAFF},
        "garlic": ["producer"],
    }
    for name, roles in expected.items():
        me = done(me_get.sync_detailed(client=api(town.users[name])))
        assert (me.tenant_id, me.roles) == (town.id, roles), name
    producer = done(me_get.sync_detailed(client=api(town.users["garlic"])))
    assert producer.producer_ids == [town.farm_id]


def test_admin_has_connected_the_town_and_shop_pages_x_and_line(town: Takeo) -> None:
    listed = done(channels_list.sync_detailed(client=api(town.admin))).items
    channels = {c.id: c for c in listed}
    page, shop = (
        channels[town.channels["town_page"].id],
        channels[town.channels["fun_buy"].id],
    )
    assert (page.platform, page.external_id, page.owner_kind) == ("facebook_page", "1001", "town")
    assert (shop.platform, shop.external_id, shop.owner_kind) == ("facebook_page", "1002", "shop")
    x = channels[town.channels["town_x"].id]
    assert (x.platform, x.external_id, x.name) == ("x", "takeo_city", "@takeo_city")
    line = channels[town.channels["line"].id]
    assert line.platform == "line"
    for channel in (page, shop, x, line):
        assert channel.status == "active", channel
        assert channel.has_credentials is True
        assert channel.missing_scopes == [], channel


def test_each_staff_member_has_their_own_x_account_without_approval(town: Takeo) -> None:
    listed = done(channels_list.sync_detailed(client=api(town.admin))).items
    channels = {c.id: c for c in listed}
    for staff in STAFF:
        channel = channels[town.channels[f"{staff}_x"].id]
        assert channel.platform == "x"
        assert channel.external_id == staff
        assert channel.owner_kind == "staff"
        assert channel.owner_user == str(town.user_ids[staff])
        assert channel.approval_policy == "none"


def test_no_token_is_ever_returned(town: Takeo) -> None:
    answer = channels_list.sync_detailed(client=api(town.admin))
    assert answer.status_code == 200
    body = answer.content.decode()
    for secret in ("page-token-1001", "page-token-1002", "x-access-", "line-channel-token"):
        assert secret not in body


def test_town_address_redirects_to_its_facebook_page(town: Takeo, journeys: Journeys) -> None:
    response = town_home.sync_detailed("takeo", client=anonymous(journeys.client()))
    assert response.status_code == 302
    assert response.headers["location"] == TAKEO_FACEBOOK
