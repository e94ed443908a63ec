"""What the console's pages read and write, each a few typed-client calls."""

from __future__ import annotations

from dataclasses import dataclass

from machi_client import AuthenticatedClient, Client
from machi_client.api.auth import auth_token, me_get
from machi_client.api.channels import channels_list
from machi_client.api.products import products_list
from machi_client.api.tenants import tenants_get
from machi_client.models import (
    AuthTokenTokenRequest,
    MeRead,
    PageChannelRead,
    PageProductRead,
    ProductRead,
    TenantRead,
    TokenRead,
)
from machi_client.types import UNSET
from web.gateway import parsed
from web.rendering import text


@dataclass(frozen=True)
class Town:
    """The signed-in user's town, as the console shows it."""

    id: str
    slug: str
    name: str
    timezone: str
    currency: str


async def sign_in(api: Client, email: str, password: str) -> TokenRead:
    """Tokens for an email and password (the gateway throttles and locks)."""
    body = AuthTokenTokenRequest(email=email, password=password)
    return parsed(await auth_token.asyncio_detailed(client=api, body=body), TokenRead)


async def me(api: AuthenticatedClient) -> MeRead:
    return parsed(await me_get.asyncio_detailed(client=api), MeRead)


async def town(api: AuthenticatedClient, who: MeRead, language: str) -> Town | None:
    """The user's town (none for the platform operator)."""
    if not who.tenant_id:
        return None
    tenant = parsed(await tenants_get.asyncio_detailed(who.tenant_id, client=api), TenantRead)
    names = tenant.name.additional_properties
    name = names.get(language) or names.get(tenant.fallback_locale) or tenant.slug
    return Town(str(tenant.id), tenant.slug, name, tenant.timezone, tenant.currency)


async def products(
    api: AuthenticatedClient, language: str, q: str | None = None
) -> list[ProductRead]:
    answer = await products_list.asyncio_detailed(
        client=api, limit=100, lang=language, q=q or UNSET
    )
    return parsed(answer, PageProductRead).items


async def channels_needing_reauth(api: AuthenticatedClient) -> list[str]:
    page = parsed(await channels_list.asyncio_detailed(client=api, limit=100), PageChannelRead)
    return [c.name for c in page.items if c.status == "needs_reauth"]


def product_name(product: ProductRead) -> str:
    shown = product.display_name if isinstance(product.display_name, str) else None
    names = product.name.additional_properties
    return shown or text(next(iter(names.values()), None)) or product.slug
