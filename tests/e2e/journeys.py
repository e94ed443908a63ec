"""What the journeys of JOURNEYS.md share: the platform as separate `machi run` processes over
RabbitMQ, the social platforms and stores faked as real HTTP servers on loopback, and logins.

The fakes are the ones every suite uses (kit.testing.platforms), served from a thread because
the journeys are synchronous tests.
"""

from __future__ import annotations

import contextlib
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar, cast
from uuid import UUID

import httpx

from kit.secrets import new_key
from kit.settings import MachiSettings
from kit.testing.fakes import free_port, serve_in_thread
from kit.testing.platforms import FakeLine, FakeMeta, FakeShopify, FakeStorePages, FakeX
from kit.testing.waiting import eventually_sync
from machi_client import AuthenticatedClient, Client
from machi_client.api.auth import auth_token
from machi_client.api.channels import (
    channels_create,
    channels_oauth_callback,
    channels_oauth_select,
    channels_oauth_start,
)
from machi_client.api.deliveries import deliveries_list
from machi_client.api.invitations import invitations_accept, invitations_create
from machi_client.api.listings import listings_create
from machi_client.api.posts import (
    posts_approve,
    posts_create,
    posts_get,
    posts_preview,
    posts_schedule,
    posts_submit,
)
from machi_client.api.producers import producers_create, producers_update
from machi_client.api.products import products_create, products_publish
from machi_client.api.storefronts import storefronts_create
from machi_client.api.tenants import tenants_create, tenants_get
from machi_client.api.users import users_create
from machi_client.models import (
    AuthTokenTokenRequest,
    ChannelRead,
    ChannelsOauthCallbackPlatform,
    ChannelsOauthSelectPlatform,
    ChannelsOauthStartPlatform,
    ConnectResultStage,
    ConnectStart,
    DeliveryRead,
    InvitationAccept,
    InvitationCreate,
    InvitationCreateRolesItem,
    LineChannelCreate,
    LineCredentials,
    ListingCreate,
    ListingRead,
    PageSelection,
    PostCreate,
    PostRead,
    PreviewRead,
    Problem,
    ProducerCreate,
    ProducerUpdate,
    ProductCreate,
    ProductCreateDescription,
    ProductCreateName,
    ProductRead,
    ScheduleRequest,
    StorefrontCreate,
    StorefrontCreateKind,
    StorefrontRead,
    TenantCreate,
    TenantRead,
    UserCreate,
    UserCreateRolesItem,
    VariantCreate,
    VariantCreateUnit,
)
from machi_client.types import Response

from .processes import Machi, base_env, running, wait_http

OPERATOR = ("operator@machi.example", "operator horse battery")
PASSWORD = "correct horse battery"
T = TypeVar("T")
NO_ID = UUID(int=0)  # an id not yet given


# --- the fakes ----------------------------------------------------------------------------


@dataclass
class Fakes:
    meta: FakeMeta
    x: FakeX
    line: FakeLine
    shopify: FakeShopify
    store: FakeStorePages
    urls: dict[str, str]


@contextlib.contextmanager
def fakes() -> Iterator[Fakes]:
    """Every external party, each its own HTTP server on loopback."""
    made = Fakes(FakeMeta(), FakeX(), FakeLine(), FakeShopify(), FakeStorePages(), {})
    with contextlib.ExitStack() as stack:
        for name in ("meta", "x", "line", "shopify", "store"):
            made.urls[name] = stack.enter_context(serve_in_thread(getattr(made, name).app))
        yield made


# --- the platform ----------------------------------------------------------------------------


@dataclass
class Journeys:
    """The running platform, its fakes and the operator's client."""

    machi: Machi
    url: str
    settings: MachiSettings
    fakes: Fakes
    operator: httpx.Client

    def client(self, **headers: str) -> httpx.Client:
        """An anonymous client of the gateway (a visitor, a frontend, a crawler)."""
        return client(self.url, headers)

    def login(self, email: str, password: str = PASSWORD) -> httpx.Client:
        """A user logged in through the gateway's token endpoint."""
        return login(self.url, email, password)


def client(url: str, headers: dict[str, str] | None = None) -> httpx.Client:
    """A client of the gateway opening a connection per request: a pooled one the server closes
    after its keep-alive while the test reuses it would fail for no reason of the product's."""
    limits = httpx.Limits(max_keepalive_connections=0)
    return httpx.Client(base_url=url, timeout=30, limits=limits, headers=headers)


def login(url: str, email: str, password: str = PASSWORD) -> httpx.Client:
    """A client of the gateway logged in through the token endpoint."""
    http = client(url)
    body = AuthTokenTokenRequest(email=email, password=password)
    token = done(auth_token.sync_detailed(client=anonymous(http), body=body))
    http.headers["Authorization"] = f"Bearer {token.access_token}"
    return http


def platform_env(base: dict[str, str], gateway_url: str, fake: Fakes, media: Path) -> None:
    """Every external base URL points at a fake; every job runs on a short interval."""
    base.update(
        # stores and instances are fakes on loopback, which user-supplied URLs may not reach
        OUTBOUND_ALLOW_PRIVATE="true",
        # gateway
        LOGIN_IP_PER_MINUTE="10000",
        LOGIN_ACCOUNT_PER_MINUTE="10000",
        LOGIN_IP_ACCOUNT_PER_MINUTE="10000",
        USAGE_FLUSH_SECONDS="0.5",
        PUBLIC_CACHE_TTL_SECONDS="2",
        # publisher: platforms, OAuth and its jobs
        PUBLISHER_PUBLIC_BASE_URL=gateway_url,
        PUBLISHER_OAUTH_REDIRECT_BASE=f"{gateway_url}/v1/channels/oauth",
        PUBLISHER_SECRET_KEYS=new_key(),
        PUBLISHER_FACEBOOK_GRAPH_URL=fake.urls["meta"],
        PUBLISHER_FACEBOOK_DIALOG_URL=f"{fake.urls['meta']}/dialog/oauth",
        PUBLISHER_FACEBOOK_APP_ID="fb-app",
        PUBLISHER_FACEBOOK_APP_SECRET="fb-secret",
        PUBLISHER_X_API_URL=fake.urls["x"],
        PUBLISHER_X_AUTHORIZE_URL=f"{fake.urls['x']}/i/oauth2/authorize",
        PUBLISHER_X_CLIENT_ID="x-client",
        PUBLISHER_X_CLIENT_SECRET="x-secret",
        PUBLISHER_LINE_API_URL=fake.urls["line"],
        PUBLISHER_DISPATCH_EVERY_SECONDS="0.5",
        PUBLISHER_RETRY_BASE_SECONDS="1",
        PUBLISHER_RECONCILE_EVERY_SECONDS="2",
        PUBLISHER_RECONCILE_GRACE_SECONDS="1",
        PUBLISHER_INSIGHTS_EVERY_SECONDS="3",
        # analytics
        ANALYTICS_PUBLIC_BASE_URL=gateway_url,
        ANALYTICS_ROLLUP_SECONDS="1",
        ANALYTICS_FLUSH_SECONDS="0.2",
        ANALYTICS_LINK_CACHE_SECONDS="0",
        ANALYTICS_EXTRA_STORE_HOSTS='["127.0.0.1"]',  # the fake stores listen on loopback
        ANALYTICS_SECRET_KEYS=new_key(),
        # catalog
        CATALOG_PUBLIC_BASE_URL=gateway_url,
        CATALOG_SECRET_KEYS=new_key(),
        CATALOG_MEDIA_DIR=str(media),
        CATALOG_IMPORT_POLL_SECONDS="0.2",
        CATALOG_SYNC_INTERVAL_SECONDS="2",
    )


@contextlib.contextmanager
def journey_platform(pg_server_url: str, amqp_url: str, tmp: Path) -> Iterator[Journeys]:
    """Each service its own process over RabbitMQ, the gateway another, the fakes on loopback,
    and an operator account made with `machi create-operator`."""
    tag = uuid.uuid4().hex[:8]
    ports = {n: free_port() for n in ("gateway", "catalog", "publisher", "analytics")}
    gateway_url = f"http://127.0.0.1:{ports['gateway']}"
    with fakes() as fake:
        env = base_env(pg_server_url, f"j{tag}_", tmp / "signing-key.pem")
        env.update(
            AMQP_URL=amqp_url,
            EVENTS_PREFIX=f"j{tag}.",
            EVENT_RETRY_DELAYS_MS="[200,500,1000]",
            JWKS_URL=f"{gateway_url}/.well-known/jwks.json",
            CATALOG_URL=f"http://127.0.0.1:{ports['catalog']}",
            PUBLISHER_URL=f"http://127.0.0.1:{ports['publisher']}",
            ANALYTICS_URL=f"http://127.0.0.1:{ports['analytics']}",
        )
        platform_env(env, gateway_url, fake, tmp / "media")
        settings = MachiSettings(
            database_url=pg_server_url,
            db_name_prefix=f"j{tag}_",
            _env_file=None,
        )
        machi = Machi(env, tmp)
        with running(machi, settings, amqp_url, f"j{tag}."):
            machi.command("migrate")
            machi.command("create-operator", "--email", OPERATOR[0], "--password", OPERATOR[1])
            machi.start(
                "gateway", "--target=gateway,gateway-relay", "--port", str(ports["gateway"])
            )
            wait_http(f"{gateway_url}/healthz", timeout=300)
            for service in ("catalog", "publisher", "analytics"):
                # One process per service (its api, relay and worker): separate from the others,
                # talking to them only over HTTP and RabbitMQ, and a third of the start-up cost.
                machi.start(service, f"--target={service}", "--port", str(ports[service]))
            # The gateway's readiness is its own; the services' is theirs.
            for service in ("gateway", "catalog", "publisher", "analytics"):
                wait_http(f"http://127.0.0.1:{ports[service]}/readyz", timeout=300)
            operator = login(gateway_url, *OPERATOR)
            yield Journeys(machi, gateway_url, settings, fake, operator)


# --- helpers the journeys share --------------------------------------------------------------


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The JSON body of an answer that must have `status`."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
    )
    return response.json() if response.content else None


def done(response: Response[T | Problem], status: int = 200) -> T:
    """The typed body of a generated client's answer that must have `status`."""
    assert response.status_code == status, (
        f"{status} expected: {response.status_code} {response.content!r}"
    )
    assert not isinstance(response.parsed, Problem), response.parsed
    return cast("T", response.parsed)


def refused(response: Response[Any], *statuses: int) -> Problem:
    """The problem document of a generated client's answer that must have one of `statuses`."""
    assert response.status_code in statuses, (
        f"{statuses} expected: {response.status_code} {response.content!r}"
    )
    assert isinstance(response.parsed, Problem), response.content
    return response.parsed


def api(http: httpx.Client) -> AuthenticatedClient:
    """The generated client (openapi.json, the published contract) over `http`'s connection and
    login: what the journeys call every operation the contract models with."""
    token = http.headers["Authorization"].removeprefix("Bearer ")
    typed = AuthenticatedClient(
        base_url=str(http.base_url), token=token, raise_on_unexpected_status=True
    )
    return typed.set_httpx_client(http)


def anonymous(http: httpx.Client) -> Client:
    """The generated client over an anonymous `http` (a visitor, a frontend)."""
    return Client(base_url=str(http.base_url), raise_on_unexpected_status=True).set_httpx_client(
        http
    )


def query(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


@dataclass
class Town:
    """A tenant as the journeys use it: its id, slug, admin and named users."""

    id: UUID
    slug: str
    admin: httpx.Client
    users: dict[str, httpx.Client] = field(default_factory=dict)
    user_ids: dict[str, UUID] = field(default_factory=dict)


def open_town(j: Journeys, slug: str, **profile: Any) -> Town:
    """The operator creates the tenant and invites its admin; the admin accepts and logs in."""
    body = TenantCreate.from_dict(
        {
            "slug": slug,
            "name": {"ja": slug, "en": slug.title()},
            "timezone": "Asia/Tokyo",
            "locales": ["ja", "en", "ko"],
            "population": 50_000,
            "currency": "JPY",
            "plan": "town",
            **profile,
        }
    )
    tenant = done(tenants_create.sync_detailed(client=api(j.operator), body=body), 201)
    admin_email = f"admin@{slug}.example"
    invitation = done(
        invitations_create.sync_detailed(
            client=api(j.operator),
            body=InvitationCreate(
                email=admin_email, roles=[InvitationCreateRolesItem.ADMIN], tenant_id=tenant.id
            ),
        ),
        201,
    )
    accepted = invitations_accept.sync_detailed(
        invitation.token, client=anonymous(j.client()), body=InvitationAccept(password=PASSWORD)
    )
    done(accepted, 201)
    return Town(tenant.id, slug, j.login(admin_email))


def add_user(
    j: Journeys, town: Town, name: str, roles: list[str], producer_ids: list[UUID] | None = None
) -> httpx.Client:
    """The admin creates a user; the user logs in."""
    email = f"{name}@{town.slug}.example"
    body = UserCreate(
        email=email,
        password=PASSWORD,
        roles=[UserCreateRolesItem(r) for r in roles],
        producer_ids=producer_ids or [],
    )
    user = done(users_create.sync_detailed(client=api(town.admin), body=body), 201)
    town.user_ids[name] = user.id
    town.users[name] = j.login(email)
    return town.users[name]


# --- Journey 1's town, shared by the journeys that follow ------------------------------------

TAKEO_FACEBOOK = "https://www.facebook.com/takeo.official"
STAFF = ["staff1", "staff2", "staff3"]


@dataclass
class Takeo(Town):
    """Takeo as journey 1 leaves it: users, the farm, and its connected channels by name."""

    tenant: TenantRead | None = None
    farm_id: UUID = NO_ID
    channels: dict[str, ChannelRead] = field(default_factory=dict)


def connect_oauth(
    admin: httpx.Client, platform: str, code: str, pick: list[str] | None = None, **start: Any
) -> list[ChannelRead]:
    """The admin's browser through an OAuth connect: start, the platform's redirect back with
    `code` and the state it was given, then (Meta) the choice of Pages. The new channels."""
    typed = api(admin)
    started = done(
        channels_oauth_start.sync_detailed(
            ChannelsOauthStartPlatform(platform), client=typed, body=ConnectStart.from_dict(start)
        )
    )
    state = query(started.authorization_url)["state"]
    result = done(
        channels_oauth_callback.sync_detailed(
            ChannelsOauthCallbackPlatform(platform), client=typed, code=code, state=state
        )
    )
    if result.stage == ConnectResultStage.SELECT:
        assert pick, result
        result = done(
            channels_oauth_select.sync_detailed(
                ChannelsOauthSelectPlatform(platform),
                client=typed,
                body=PageSelection(connection_id=result.connection_id, ids=pick),
            )
        )
    assert result.stage == ConnectResultStage.DONE, result
    assert isinstance(result.channels, list), result
    return result.channels


def start_takeo(j: Journeys) -> Takeo:
    """Journey 1 through the gateway: the operator opens Takeo, its admin staffs and connects it."""
    town = open_town(
        j,
        "takeo",
        name={"ja": "武雄市", "en": "Takeo City"},
        allowed_store_domains=["store.shopping.yahoo.co.jp"],
        primary_social_url=TAKEO_FACEBOOK,
    )
    takeo = Takeo(town.id, town.slug, town.admin)
    takeo.tenant = done(tenants_get.sync_detailed(takeo.id, client=api(j.operator)))
    for name, roles in [
        ("writer1", ["writer"]),
        ("writer2", ["writer"]),
        ("photographer", ["photographer"]),
        ("editor", ["editor"]),
        ("analyst", ["analyst"]),
        *[(s, ["staff"]) for s in STAFF],
    ]:
        add_user(j, takeo, name, roles)
    # The farm's record comes first so the producer user can be confined to it; the producer user
    # fills in its story in journey 2 (producers are registered by town staff: catalog.access).
    farm = done(
        producers_create.sync_detailed(
            client=api(takeo.admin),
            body=ProducerCreate.from_dict({"kind": "farm", "name": {"ja": "武雄黒にんにく農園"}}),
        ),
        201,
    )
    takeo.farm_id = farm.id
    add_user(j, takeo, "garlic", ["producer"], [farm.id])

    admin = takeo.admin
    (town_page,) = connect_oauth(admin, "facebook_page", "fb-code", ["1001"], owner_kind="town")
    (shop_page,) = connect_oauth(admin, "facebook_page", "fb-code", ["1002"], owner_kind="shop")
    (instagram,) = connect_oauth(admin, "instagram", "fb-code", ["17841002"], owner_kind="shop")
    (town_x,) = connect_oauth(admin, "x", "x-code-takeo_city", owner_kind="town")
    line = done(
        channels_create.sync_detailed(
            client=api(admin),
            body=LineChannelCreate(
                platform="line",
                name="Takeo City LINE",
                external_id="@takeo",
                credentials=LineCredentials(access_token="line-channel-token"),
            ),
        ),
        201,
    )
    takeo.channels.update(
        town_page=town_page, fun_buy=shop_page, instagram=instagram, town_x=town_x, line=line
    )
    for staff in STAFF:
        (channel,) = connect_oauth(
            admin,
            "x",
            f"x-code-{staff}",
            owner_kind="staff",
            owner_user=str(takeo.user_ids[staff]),
            approval_policy="none",
        )
        takeo.channels[f"{staff}_x"] = channel
    return takeo


_world: dict[int, dict[str, Any]] = {}


def memo(j: Journeys, key: str, build: Callable[[], Any]) -> Any:
    """`build()` once per platform: a later journey starts from what an earlier one left."""
    done = _world.setdefault(id(j), {})
    if key not in done:
        done[key] = build()
    return done[key]


def takeo(j: Journeys) -> Takeo:
    return memo(j, "takeo", lambda: start_takeo(j))  # type: ignore[no-any-return]


# --- Journey 2's garlic, shared by journeys 3 to 5 -------------------------------------------

YAHOO_TEMPLATE = "https://store.shopping.yahoo.co.jp/{store}/{item}.html"


@dataclass
class Garlic:
    """The aged black garlic as journey 2 leaves it, listed in Takeo's Yahoo! store."""

    product: ProductRead
    variant_ids: dict[str, UUID]
    storefront: StorefrontRead
    listings: dict[str, ListingRead]


def register_garlic(town: Takeo) -> Garlic:
    """Journey 2.1 and 2.3 (Takeo's half): the producer's farm story and garlic, published, and
    both variants listed in the Yahoo! Shopping store the admin connects."""
    producer, admin = api(town.users["garlic"]), api(town.admin)
    story = {
        "ja": "武雄の土で一年熟成させた黒にんにく。",
        "en": "Garlic aged for a year in Takeo's soil.",
    }
    done(
        producers_update.sync_detailed(
            town.farm_id, client=producer, body=ProducerUpdate.from_dict({"story": story})
        )
    )
    product = done(
        products_create.sync_detailed(
            client=producer,
            body=ProductCreate(
                producer_id=town.farm_id,
                slug="aged-black-garlic",
                name=ProductCreateName.from_dict(
                    {"ja": "熟成黒にんにく", "en": "Aged black garlic"}
                ),
                description=ProductCreateDescription.from_dict(
                    {"ja": "甘くて柔らかい。", "en": "Sweet and soft."}
                ),
                price_amount=1980,
                season_months=[],
                variants=[
                    VariantCreate(
                        sku="garlic-200", unit=VariantCreateUnit.G, quantity=200, price_amount=1980
                    ),
                    VariantCreate(
                        sku="garlic-500", unit=VariantCreateUnit.G, quantity=500, price_amount=4200
                    ),
                ],
            ),
        ),
        201,
    )
    product = done(products_publish.sync_detailed(product.id, client=producer))
    assert isinstance(product.variants, list), product
    variant_ids = {v.sku: v.id for v in product.variants}
    storefront = done(
        storefronts_create.sync_detailed(
            client=admin,
            body=StorefrontCreate(
                kind=StorefrontCreateKind.GENERIC,
                name="Takeo Furusato (Yahoo! Shopping)",
                item_url_template=YAHOO_TEMPLATE,
                store="takeo-furusato",
            ),
        ),
        201,
    )
    listings = {
        sku: done(
            listings_create.sync_detailed(
                client=admin,
                body=ListingCreate(
                    storefront_id=storefront.id,
                    variant_id=variant_id,
                    external_id=f"kuro-ninniku-{sku.removeprefix('garlic-')}",
                ),
            ),
            201,
        )
        for sku, variant_id in variant_ids.items()
    }
    return Garlic(product, variant_ids, storefront, listings)


def garlic(j: Journeys) -> Garlic:
    return memo(j, "garlic", lambda: register_garlic(takeo(j)))  # type: ignore[no-any-return]


# --- a published post, the way a writer and an editor make one --------------------------------


def deliveries_of(http: httpx.Client, post_id: UUID) -> list[DeliveryRead]:
    return done(deliveries_list.sync_detailed(client=api(http), post_id=post_id)).items


def known_to_publisher(writer: httpx.Client, product_ids: list[UUID], channel: UUID) -> bool:
    """Every product has reached the publisher (by event) with its store item: a preview of
    a post about it shows a tracked link."""
    for product_id in product_ids:
        body = PostCreate(text="{link}", channel_ids=[channel], product_id=product_id)
        response = posts_preview.sync_detailed(client=api(writer), body=body)
        if not isinstance(response.parsed, PreviewRead):
            return False
        if "/r/" not in response.parsed.channels[0].text:
            return False
    return True


def publish_now(
    town: Takeo, text: str, channel_ids: list[UUID], product_id: UUID | None = None, **extra: Any
) -> tuple[PostRead, list[DeliveryRead]]:
    """A writer's draft, approved by the editor, scheduled two seconds ahead (the API's own
    scheduling is the only clock the journeys move), then published by the dispatcher."""
    writer, editor = api(town.users["writer1"]), api(town.users["editor"])
    if product_id is not None:  # the catalog's events reach the publisher in their own time
        eventually_sync(
            lambda: known_to_publisher(town.users["writer1"], [product_id], channel_ids[0]),
            timeout=60,
            what=f"product {product_id} in the publisher",
        )
    body = PostCreate(text=text, channel_ids=channel_ids, product_id=product_id, **extra)
    post = done(posts_create.sync_detailed(client=writer, body=body), 201)
    submitted = done(posts_submit.sync_detailed(post.id, client=writer))
    if submitted.status == "submitted":
        done(posts_approve.sync_detailed(post.id, client=editor))
    at = datetime.now(UTC) + timedelta(seconds=2)
    done(posts_schedule.sync_detailed(post.id, client=writer, body=ScheduleRequest(at=at)))
    published = eventually_sync(
        lambda: (
            d
            if len(d := deliveries_of(town.users["writer1"], post.id)) == len(channel_ids)
            and all(x.state == "published" for x in d)
            else None
        ),
        timeout=60,
        what=f"post {post.id} published on {len(channel_ids)} channels",
    )
    return done(posts_get.sync_detailed(post.id, client=writer)), published


@dataclass
class GarlicPost:
    post: PostRead
    delivery: DeliveryRead  # on Takeo's Facebook Page
    link: str  # the path of its tracked link, /r/{code}


def post_garlic(j: Journeys) -> GarlicPost:
    town, product = takeo(j), garlic(j)
    page = town.channels["town_page"].id
    post, (delivery,) = publish_now(
        town, "熟成黒にんにく、入荷しました。{link}", [page], product.product.id
    )
    assert delivery.short_url, delivery
    return GarlicPost(post, delivery, httpx.URL(delivery.short_url).path)


def garlic_post(j: Journeys) -> GarlicPost:
    return memo(j, "garlic_post", lambda: post_garlic(j))  # type: ignore[no-any-return]
