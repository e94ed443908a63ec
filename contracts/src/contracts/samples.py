"""Sample events for tests and benchmarks: Takeo's garlic, its town and a post that went out.

Kept beside the schemas so a new required field is filled in once, not in every suite that
pretends to be another service. Any field can be overridden; ids are fresh on each call.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from contracts.catalog import ProductPublishedV1
from contracts.gateway import TenantCreatedV1
from contracts.publisher import DeliveryPublishedV1


def product_published(**fields: Any) -> ProductPublishedV1:
    """`catalog.product.published.v1` for aged black garlic from a Takeo farm."""
    values: dict[str, Any] = {
        "product_id": uuid.uuid4(),
        "producer_id": uuid.uuid4(),
        "slug": "black-garlic",
        "name": {"ja": "熟成黒にんにく", "en": "Aged black garlic"},
        "producer_name": {"ja": "武雄農園"},
    }
    return ProductPublishedV1(**{**values, **fields})


def tenant_created(**fields: Any) -> TenantCreatedV1:
    """`gateway.tenant.created.v1` for Takeo."""
    values: dict[str, Any] = {"slug": "takeo", "name": {"en": "Takeo"}, "timezone": "Asia/Tokyo"}
    return TenantCreatedV1(**{**values, **fields})


def delivery_published(**fields: Any) -> DeliveryPublishedV1:
    """`publisher.delivery.published.v1` for one post on one channel, published now."""
    values: dict[str, Any] = {
        "delivery_id": uuid.uuid4(),
        "post_id": uuid.uuid4(),
        "channel_id": uuid.uuid4(),
        "platform": "x",
        "platform_post_id": "1",
        "published_at": datetime.now(UTC),
    }
    return DeliveryPublishedV1(**{**values, **fields})
