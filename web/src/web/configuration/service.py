"""The town's settings through the typed client: the secrets stores sign their webhooks with
(written, never read back), click tracking, and whether admins and editors need a second
factor."""

from __future__ import annotations

from dataclasses import dataclass

from machi_client import AuthenticatedClient
from machi_client.api.settings import (
    settings_security,
    settings_security_set,
    settings_tracking,
    settings_tracking_set,
    settings_webhooks,
    settings_webhooks_set,
)
from machi_client.models import (
    SecuritySettings,
    SettingsWebhooksSetStore,
    TrackingRead,
    TrackingUpdate,
    WebhookSecretSet,
    WebhookSecretsRead,
)
from web.gateway import ApiError, parsed, succeeded
from web.i18n import N_

# The stores that sign their webhooks, as the API names them, and in words.
WEBHOOK_STORES = {
    "shopify": "Shopify",
    "woocommerce": "WooCommerce",
    "postback": N_("Order postback (any store)"),
}


async def webhook_secrets(api: AuthenticatedClient) -> dict[str, bool]:
    """Which stores have a secret set (the API never returns the secrets themselves)."""
    found = parsed(await settings_webhooks.asyncio_detailed(client=api), WebhookSecretsRead)
    return {store: bool(getattr(found, store)) for store in WEBHOOK_STORES}


async def set_webhook_secret(api: AuthenticatedClient, store: str, secret: str) -> None:
    """Save the secret `store` signs its webhooks with."""
    if store not in WEBHOOK_STORES:
        raise ApiError(404, N_("No such store"))
    answer = await settings_webhooks_set.asyncio_detailed(
        SettingsWebhooksSetStore(store), client=api, body=WebhookSecretSet(secret=secret)
    )
    succeeded(answer)


async def tracking(api: AuthenticatedClient) -> TrackingRead:
    return parsed(await settings_tracking.asyncio_detailed(client=api), TrackingRead)


@dataclass(frozen=True)
class TrackingForm:
    """The tracking form as sent: switches, the attribution window, store domains a line."""

    enabled: bool
    referrer: bool
    user_agent: bool
    window_days: str
    domains: str

    def body(self) -> TrackingUpdate:
        if not self.window_days.isdigit() or not 1 <= int(self.window_days) <= 365:
            raise ApiError(422, N_("The attribution window is 1 to 365 days."))
        domains = [d.strip().lower() for d in self.domains.splitlines() if d.strip()]
        return TrackingUpdate(
            tracking_enabled=self.enabled,
            track_referrer=self.referrer,
            track_user_agent=self.user_agent,
            attribution_window_days=int(self.window_days),
            allowed_store_domains=domains,
        )


async def save_tracking(api: AuthenticatedClient, form: TrackingForm) -> TrackingRead:
    answer = await settings_tracking_set.asyncio_detailed(client=api, body=form.body())
    return parsed(answer, TrackingRead)


async def security(api: AuthenticatedClient) -> SecuritySettings:
    return parsed(await settings_security.asyncio_detailed(client=api), SecuritySettings)


async def require_second_factor(api: AuthenticatedClient, required: bool) -> SecuritySettings:
    """Require (or stop requiring) TOTP of the town's admins and editors; the API refuses to
    require it of an admin who has none yet (`mfa-state`)."""
    body = SecuritySettings(mfa_required=required)
    return parsed(
        await settings_security_set.asyncio_detailed(client=api, body=body), SecuritySettings
    )
