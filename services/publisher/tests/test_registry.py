"""The platform registry is the one list of platforms: the API's names and the parts agree."""

from typing import get_args

import httpx

from publisher.channels.schemas import Platform
from publisher.connect.schemas import OAuthPlatform
from publisher.platforms import registry

from .conftest import publisher_settings


def test_every_platform_the_api_names_is_in_the_registry_and_no_other() -> None:
    assert set(get_args(Platform)) == set(registry.PLATFORMS)


def test_the_connect_routes_name_exactly_the_platforms_with_an_oauth_part() -> None:
    with_oauth = {name for name, p in registry.PLATFORMS.items() if p.oauth is not None}
    assert set(get_args(OAuthPlatform)) == with_oauth


async def test_each_adapter_is_made_for_its_own_platform_and_its_rules_cite_sources() -> None:
    async with httpx.AsyncClient() as http:
        adapters = registry.adapters(http, http, publisher_settings(), db=None)  # type: ignore[arg-type]
    for name, platform in registry.PLATFORMS.items():
        assert adapters[name].platform == name
        assert adapters[name].rules is platform.rules
        assert all(row.source for row in adapters[name].errors)
        assert platform.rules.source
        assert all(q.platform == name and q.source for q in platform.quotas)
        assert platform.refresh is None or platform.refresh.source
