import uuid
from urllib.parse import parse_qs, urlparse

from sqlalchemy import text

from kit.auth import TokenSigner
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMastodon
from kit.testing.plugin import client, principal
from publisher.app import SERVICE, create_app

from .conftest import publisher_settings


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


async def test_every_channel_on_an_instance_reuses_one_app_registration(
    runtime: ServiceRuntime, signer: TokenSigner
) -> None:
    instance = FakeMastodon()
    async with serve(instance.app) as base_url:
        app = create_app(runtime, publisher_settings())
        towns = [client(app, signer, SERVICE, principal(uuid.uuid4())) for _ in range(2)]
        started = [
            await town.post(
                "/v1/channels/oauth/mastodon/start", json={"instance_url": f"{base_url}/"}
            )
            for town in towns
        ]
        assert [s.status_code for s in started] == [200, 200]
        queries = [_query(s.json()["authorization_url"]) for s in started]
        assert len(instance.registrations) == 1
        assert {q["client_id"] for q in queries} == {"mastodon-client-1"}
        done = await towns[1].get(
            "/v1/channels/oauth/mastodon/callback",
            params={"code": "m-code", "state": queries[1]["state"]},
        )
    assert done.status_code == 200, done.text
    [made] = done.json()["channels"]
    assert (made["status"], made["config"]["max_characters"]) == ("active", 1000)
    assert "mastodon-secret" not in done.text
    assert "m-user-token" not in done.text
    async with runtime.jobs_db.transaction() as session:
        sealed = (
            await session.execute(
                text("SELECT client_secret FROM mastodon_apps WHERE instance_url = :u"),
                {"u": base_url},
            )
        ).scalar_one()
    assert b"mastodon-secret-1" not in sealed
