import httpx
from fastapi import FastAPI

from kit.testing.fakes import serve


async def test_fake_platform_answers_over_real_http() -> None:
    platform = FastAPI()

    @platform.get("/2/users/me")
    async def me() -> dict[str, dict[str, str]]:
        return {"data": {"id": "1", "username": "takeo_city"}}

    async with serve(platform) as base_url, httpx.AsyncClient(base_url=base_url) as http:
        response = await http.get("/2/users/me")
    assert base_url.startswith("http://127.0.0.1:")
    assert response.json() == {"data": {"id": "1", "username": "takeo_city"}}
