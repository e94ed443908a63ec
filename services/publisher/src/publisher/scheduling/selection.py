"""Which product a campaign's next post is about, decided when that post is made.

A listed product, or one of the rule's pool, is passed over when its turn comes if it has been
archived or sold out since, or no longer meets the rules: the campaign records why (`skipped`).
A product the rules never took in (another category, out of season) is not recorded.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from publisher.models import Campaign, Product
from publisher.products import repository as products_repo
from publisher.products.service import in_season, unavailable
from publisher.scheduling import repository
from publisher.scheduling.schemas import Rules

EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass
class Pick:
    product: Product | None
    passed_over: list[tuple[uuid.UUID, str]] = field(default_factory=list)


def rules_of(campaign: Campaign) -> Rules:
    return Rules.model_validate(campaign.rules or {})


@dataclass
class Chooser:
    """The campaign's candidates in its order, read once for a run of its steps; a product
    picked is taken out, as a post about it takes it out of the campaign's pool."""

    rules: Rules
    listed: bool
    candidates: list[tuple[uuid.UUID, Product | None]]
    featured: dict[uuid.UUID, datetime]

    def next_product(self, now: datetime, zone: ZoneInfo) -> Pick:
        """The first product in the campaign's order that may be posted about now."""
        pick = Pick(None)
        month = now.astimezone(zone).month
        for product_id, product in self.candidates:
            featured_at = self.featured.get(product_id)
            outside = _outside_rules(product, self.rules, now, month, featured_at)
            if outside is not None and not self.listed:
                continue  # not in the rule's pool now: nothing to report
            reason = outside or _unavailable(product, self.rules)
            if reason is None and product is not None:
                pick.product = product
                self.candidates = [c for c in self.candidates if c[0] != product_id]
                return pick
            pick.passed_over.append((product_id, reason or "the product is not published"))
        return pick


async def chooser(session: AsyncSession, campaign: Campaign) -> Chooser:
    """The products the campaign has no post about yet, in its order: the listed ones, else
    the rule's pool (least recently featured first, if it asks)."""
    rules = rules_of(campaign)
    used = await repository.products_in(session, campaign.id)
    listed = [uuid.UUID(str(p)) for p in campaign.product_ids or []]
    if listed:
        ids = [p for p in listed if p not in used]
        found = await products_repo.get_many(session, ids)
        candidates: list[tuple[uuid.UUID, Product | None]] = [(p, found.get(p)) for p in ids]
    else:
        pool = await products_repo.offered(
            session, category=rules.category, producer_id=rules.producer_id
        )
        candidates = [(p.id, p) for p in pool if p.id not in used]
    featured = await repository.last_featured(session, [pid for pid, _ in candidates])
    if rules.order == "least_recently_featured":
        # Stable: never featured first, then longest ago; the newest first among equals.
        candidates.sort(key=lambda c: featured.get(c[0], EPOCH))
    return Chooser(rules, bool(listed), candidates, featured)


def _unavailable(product: Product | None, rules: Rules) -> str | None:
    reason = unavailable(product)
    if reason == "the product is sold out" and not rules.in_stock:
        return None  # the campaign asked to post it all the same
    return reason


def _outside_rules(
    product: Product | None,
    rules: Rules,
    now: datetime,
    month: int,
    featured_at: datetime | None,
) -> str | None:
    """Why `product` is outside the rules now (None: inside)."""
    if product is None:
        return None
    if rules.category is not None and product.category != rules.category:
        return f"not in the category {rules.category}"
    if rules.producer_id is not None and product.producer_id != rules.producer_id:
        return "from another producer"
    if rules.in_season and not in_season(product, now, month):
        return "out of season"
    days = rules.not_featured_days
    if days is not None and featured_at is not None and (now - featured_at).days < days:
        return f"featured on {featured_at.date().isoformat()}"
    return None
