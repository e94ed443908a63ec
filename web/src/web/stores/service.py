"""Store connections through the typed client: the town's storefronts, connecting one (its
credentials go to the API once and never come back), and pulling prices and stock now."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.storefronts import storefronts_create, storefronts_list, storefronts_sync
from machi_client.models import (
    PageStorefrontRead,
    StorefrontCreate,
    StorefrontCreateCredentialsType0,
    StorefrontCreateKind,
    StorefrontRead,
    SyncReport,
)
from machi_client.types import UNSET
from web.gateway import parsed
from web.i18n import N_

# Each kind of store, in words, and the credentials its API takes (catalog/storefronts/*.py).
KINDS = {
    "generic": N_("A store reached by item links only (e.g. Yahoo! Shopping)"),
    "shopify": "Shopify",
    "woocommerce": "WooCommerce",
}
CREDENTIALS = {
    "generic": (),
    "shopify": ("access_token",),
    "woocommerce": ("consumer_key", "consumer_secret"),
}
CREDENTIAL_LABELS = {
    "access_token": N_("Shopify access token"),
    "consumer_key": N_("WooCommerce consumer key"),
    "consumer_secret": N_("WooCommerce consumer secret"),
}


async def storefronts(api: AuthenticatedClient) -> list[StorefrontRead]:
    """The town's stores (never their credentials: only whether some are saved)."""
    page = parsed(
        await storefronts_list.asyncio_detailed(client=api, limit=200), PageStorefrontRead
    )
    return list(page.items)


@dataclass(frozen=True)
class StoreForm:
    """The connect form as typed, less its credentials (which are never shown back)."""

    kind: str
    name: str
    currency: str = "JPY"
    api_base_url: str = ""
    item_url_template: str = ""
    store: str = ""


async def connect(
    api: AuthenticatedClient, form: StoreForm, credentials: dict[str, str]
) -> StorefrontRead:
    """Connect the store; only the credentials its kind takes are sent, and only filled ones."""
    given = {k: v for k, v in credentials.items() if k in CREDENTIALS[form.kind] and v}
    body = StorefrontCreate(
        kind=StorefrontCreateKind(form.kind),
        name=form.name,
        currency=form.currency or "JPY",
        api_base_url=form.api_base_url or UNSET,
        item_url_template=form.item_url_template or UNSET,
        store=form.store or UNSET,
        credentials=StorefrontCreateCredentialsType0.from_dict(given) if given else UNSET,
    )
    return parsed(await storefronts_create.asyncio_detailed(client=api, body=body), StorefrontRead)


async def sync(api: AuthenticatedClient, storefront_id: UUID) -> SyncReport:
    """Pull the store's prices and stock now."""
    answer = await storefronts_sync.asyncio_detailed(storefront_id, client=api)
    return parsed(answer, SyncReport)
