"""Representative rows of each service as the 0.1.0 schema (`releases.py`) stored them, written
as plain SQL against that schema (not through today's models, which may have moved on).

`{name}` placeholders are ids (see `Ids`); the tenant is set as the app would set it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ids:
    """Fresh ids of one seeded town, as SQL literals by name."""

    values: dict[str, uuid.UUID] = field(
        default_factory=lambda: {
            name: uuid.uuid4()
            for name in (
                "tenant",
                "user",
                "key",
                "producer",
                "category",
                "product",
                "variant",
                "storefront",
                "listing",
                "place",
                "media",
                "channel",
                "post",
                "transition",
                "delivery",
                "slot",
                "settings",
                "link",
                "conversion",
                "line",
                "campaign",
            )
        }
    )

    def __getitem__(self, name: str) -> uuid.UUID:
        return self.values[name]

    def sql(self, statement: str) -> str:
        return statement.format(**{k: f"'{v}'" for k, v in self.values.items()})


V010: dict[str, list[str]] = {
    "gateway": [
        """INSERT INTO tenants (id, slug, name, timezone, population, plan, country, locales)
           VALUES ({tenant}, 'takeo-' || left({tenant}::text, 8),
                   '{{"ja": "武雄市", "en": "Takeo City"}}', 'Asia/Tokyo', 50000, 'town', 'JP',
                   '["ja", "en", "ko"]')""",
        """INSERT INTO users (id, tenant_id, email, password_hash, roles)
           VALUES ({user}, {tenant}, 'sns-' || left({user}::text, 8) || '@takeo.example',
                   '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g', '["admin"]')""",
        """INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, roles)
           VALUES ({key}, {tenant}, 'shop sync', left(replace({key}::text, '-', ''), 8),
                   repeat('a', 64), '["editor"]')""",
        "INSERT INTO usage_counts (tenant_id, month, api_calls) VALUES ({tenant}, '2026-10', 42)",
    ],
    "catalog": [
        """INSERT INTO producers (id, tenant_id, kind, name, story, code)
           VALUES ({producer}, {tenant}, 'farm', '{{"ja": "山田農園"}}',
                   '{{"ja": "黒にんにくを熟成"}}', 'yamada')""",
        """INSERT INTO categories (id, tenant_id, slug, name)
           VALUES ({category}, {tenant}, 'garlic', '{{"ja": "にんにく"}}')""",
        """INSERT INTO media (id, tenant_id, content_type, width, height, size_bytes, filename,
                              renditions)
           VALUES ({media}, {tenant}, 'image/jpeg', 1200, 900, 123456, 'Yamada-Garlic.jpg',
                   '{{}}')""",
        """INSERT INTO products (id, tenant_id, producer_id, slug, name, description,
                                 price_amount, currency, status, published_at, category_id,
                                 tags, season_months, search_text, media)
           VALUES ({product}, {tenant}, {producer}, 'aged-black-garlic',
                   '{{"ja": "熟成黒にんにく", "en": "Aged black garlic"}}', '{{}}', 1200,
                   'JPY', 'published', now(), {category}, '{{garlic,gift}}', '{{10,11}}',
                   '熟成黒にんにく aged black garlic',
                   jsonb_build_array(jsonb_build_object(
                       'media_id', {media}::text, 'alt', '{{"ja": "黒にんにく"}}'::jsonb)))""",
        """INSERT INTO variants (id, tenant_id, product_id, sku, name, unit, quantity,
                                 price_amount, currency, stock, made_to_order, position)
           VALUES ({variant}, {tenant}, {product}, 'GARLIC-200', '{{"ja": "200g"}}', 'g', 200,
                   1200, 'JPY', 30, false, 0)""",
        """INSERT INTO storefronts (id, tenant_id, kind, name, item_url_template, currency)
           VALUES ({storefront}, {tenant}, 'generic', 'Yahoo! Shopping',
                   'https://store.example/takeo/{{external_id}}.html', 'JPY')""",
        """INSERT INTO listings (id, tenant_id, storefront_id, variant_id, external_id, url)
           VALUES ({listing}, {tenant}, {storefront}, {variant}, 'garlic200',
                   'https://store.example/takeo/garlic200.html')""",
        """INSERT INTO places (id, tenant_id, slug, kind, name, description, opening_hours,
                               media, related_product_ids, status, search_text)
           VALUES ({place}, {tenant}, 'takeo-onsen', 'onsen', '{{"ja": "武雄温泉"}}', '{{}}',
                   '{{}}', '[]', ARRAY[{product}]::uuid[], 'published', '武雄温泉')""",
    ],
    "publisher": [
        """INSERT INTO tenant_settings (id, tenant_id, timezone, auto_draft_on_publish,
                                        default_language)
           VALUES ({settings}, {tenant}, 'Asia/Tokyo', true, 'ja')""",
        """INSERT INTO products (id, tenant_id, producer_id, slug, name, status)
           VALUES ({product}, {tenant}, {producer}, 'aged-black-garlic',
                   '{{"ja": "熟成黒にんにく"}}', 'published')""",
        """INSERT INTO channels (id, tenant_id, platform, name, owner_kind, status,
                                 approval_policy, external_id)
           VALUES ({channel}, {tenant}, 'sandbox', 'Fun Buy Takeo', 'town', 'active', 'editor',
                   'page-1')""",
        """INSERT INTO posts (id, tenant_id, text, status, product_id, channel_ids, variants,
                              created_by)
           VALUES ({post}, {tenant}, '熟成黒にんにく、今週だけ', 'published', {product},
                   jsonb_build_array({channel}::text), '{{}}', 'writer-1')""",
        """INSERT INTO post_transitions (id, tenant_id, post_id, from_status, to_status, actor,
                                         at)
           VALUES ({transition}, {tenant}, {post}, 'draft', 'approved', 'editor-1', now())""",
        """INSERT INTO deliveries (id, tenant_id, post_id, channel_id, platform, state, due_at,
                                   link_ready, idempotency_key, platform_post_id, permalink,
                                   published_at, product_id, producer_id)
           VALUES ({delivery}, {tenant}, {post}, {channel}, 'sandbox', 'published', now(), true,
                   gen_random_uuid(), 'sb-1', 'https://sandbox.example/p/1', now(), {product},
                   {producer})""",
        """INSERT INTO slots (id, tenant_id, channel_id, weekday, local_time)
           VALUES ({slot}, {tenant}, {channel}, 4, '19:00')""",
    ],
    "analytics": [
        """INSERT INTO tenant_settings (tenant_id, slug, timezone, allowed_store_domains,
                                        tracking_enabled, track_referrer, track_user_agent,
                                        attribution_window_days)
           VALUES ({tenant}, 'takeo', 'Asia/Tokyo', '["store.example"]', true, true, true, 30)""",
        """INSERT INTO product_stats (product_id, tenant_id, producer_id, slug, name, clicks,
                                      orders, revenue)
           VALUES ({product}, {tenant}, {producer}, 'aged-black-garlic',
                   '{{"ja": "熟成黒にんにく"}}', 1, 1, 1200)""",
        """INSERT INTO links (id, tenant_id, code, destination, utm, product_id, producer_id,
                              post_id, channel_id, platform)
           VALUES ({link}, {tenant}, 'g' || left(replace({link}::text, '-', ''), 10),
                   'https://store.example/takeo/garlic200.html', '{{"utm_source": "sandbox"}}',
                   {product}, {producer}, {post}, {channel}, 'sandbox')""",
        """INSERT INTO link_directory (code, tenant_id, link_id, destination, dimensions)
           SELECT code, tenant_id, id, destination, '{{}}' FROM links WHERE id = {link}""",
        """INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, product_id,
                               producer_id, post_id, channel_id, platform, visitor_hash, is_bot)
           SELECT tenant_id, 'c' || left(replace({link}::text, '-', ''), 20),
                  '2026-10-01 10:15+00', id, code, product_id, producer_id, post_id,
                  channel_id, platform, 'v1', false
           FROM links WHERE id = {link}""",
        """INSERT INTO conversions (id, tenant_id, store, order_id, occurred_at, currency, amount,
                                    status, method, click_id, link_id, post_id, channel_id,
                                    platform)
           VALUES ({conversion}, {tenant}, 'shopify', 'order-1001', '2026-10-01 10:40+00',
                   'JPY', 1200, 'recorded', 'click_id',
                   'c' || left(replace({link}::text, '-', ''), 20), {link}, {post}, {channel},
                   'sandbox')""",
        """INSERT INTO conversion_lines (id, tenant_id, conversion_id, product_id, producer_id,
                                         quantity, amount, refunded)
           VALUES ({line}, {tenant}, {conversion}, {product}, {producer}, 1, 1200, 0)""",
    ],
}
