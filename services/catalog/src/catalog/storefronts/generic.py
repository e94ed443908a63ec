"""Any store known only by its item URL template, e.g. a Yahoo! Shopping store:
`https://store.shopping.yahoo.co.jp/{store}/{item}.html`. Nothing to pull: listings are kept
by hand (or by CSV), so a sync finds no items.
"""

from __future__ import annotations

from catalog.storefronts.base import StoreItem, fill

CREDENTIALS: tuple[str, ...] = ()


def item_url(template: str | None, external_id: str) -> str | None:
    """The item's public URL from the store's template."""
    return fill(template, item=external_id) if template else None


class GenericStore:
    async def fetch_items(self) -> list[StoreItem]:
        return []
