"""The one registry of platforms: a `Platform` record per platform lists its parts (publish
adapter, rules, insights, OAuth, token refresh). Publishing, insights, connect and token refresh
all look a platform up here, by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

import httpx

from kit.db import Database
from publisher.platforms.base import Adapter, Quota, RefreshRule, Rules
from publisher.platforms.facebook import insights as facebook_insights
from publisher.platforms.facebook import oauth as facebook_oauth
from publisher.platforms.facebook import publish as facebook_publish
from publisher.platforms.facebook import rules as facebook_rules
from publisher.platforms.http import HttpClient
from publisher.platforms.insights import Account, Pull
from publisher.platforms.instagram import insights as instagram_insights
from publisher.platforms.instagram import oauth as instagram_oauth
from publisher.platforms.instagram import publish as instagram_publish
from publisher.platforms.instagram import rules as instagram_rules
from publisher.platforms.line import insights as line_insights
from publisher.platforms.line import publish as line_publish
from publisher.platforms.line import rules as line_rules
from publisher.platforms.mastodon import insights as mastodon_insights
from publisher.platforms.mastodon import instance as mastodon_instance
from publisher.platforms.mastodon import oauth as mastodon_oauth
from publisher.platforms.mastodon import publish as mastodon_publish
from publisher.platforms.mastodon import rules as mastodon_rules
from publisher.platforms.oauth import OAuth
from publisher.platforms.sandbox import publish as sandbox_publish
from publisher.platforms.sandbox import rules as sandbox_rules
from publisher.platforms.threads import oauth as threads_oauth
from publisher.platforms.threads import publish as threads_publish
from publisher.platforms.threads import rules as threads_rules
from publisher.platforms.threads import tokens as threads_tokens
from publisher.platforms.x import insights as x_insights
from publisher.platforms.x import oauth as x_oauth
from publisher.platforms.x import publish as x_publish
from publisher.platforms.x import rules as x_rules
from publisher.platforms.x import tokens as x_tokens
from publisher.settings import PublisherSettings

MakeAdapter = Callable[[HttpClient, PublisherSettings, Database], Adapter]
PullInsights = Callable[[httpx.AsyncClient, PublisherSettings, Account], Awaitable[Pull]]


@dataclass(frozen=True)
class Platform:
    """One platform's parts; None where it has no such part."""

    name: str
    rules: Rules
    adapter: MakeAdapter
    required_scopes: tuple[str, ...] = ()  # to publish: shown as missing on a channel
    quotas: tuple[Quota, ...] = ()  # counted before a commit (`publisher.dispatch.quotas`)
    insights: PullInsights | None = None
    oauth: OAuth | None = None
    # None: its tokens do not expire (Page tokens from a long-lived user token, Mastodon, LINE
    # long-lived channel tokens: reference 4.1, 4.5, 4.6).
    refresh: RefreshRule | None = None
    # The channel's own rules from its config (a Mastodon instance states its limits).
    channel_rules: Callable[[Mapping[str, object]], Rules] | None = None
    # Calls go to a user-supplied instance URL: through the guarded client (`kit.outbound`).
    on_instance: bool = False

    def rules_for(self, config: Mapping[str, object]) -> Rules:
        """The rules of one channel on this platform."""
        return self.channel_rules(config) if self.channel_rules else self.rules


def _on(cls: type[Adapter], base_url: Callable[[PublisherSettings], str]) -> MakeAdapter:
    """Adapters of `cls` on the base URL the settings give."""
    return lambda http, settings, db: cls(http, base_url(settings))


def _x(http: HttpClient, settings: PublisherSettings, db: Database) -> Adapter:
    secret = settings.x_client_secret.get_secret_value()
    return x_publish.XAdapter(http, settings.x_api_url, settings.x_client_id, secret)


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform(
            name="facebook_page",
            rules=facebook_rules.RULES,
            adapter=_on(facebook_publish.FacebookAdapter, lambda s: s.facebook_graph_url),
            required_scopes=facebook_rules.REQUIRED_SCOPES,
            insights=facebook_insights.pull,
            oauth=facebook_oauth.OAUTH,
        ),
        Platform(
            name="instagram",
            rules=instagram_rules.RULES,
            adapter=_on(instagram_publish.InstagramAdapter, lambda s: s.facebook_graph_url),
            required_scopes=instagram_rules.REQUIRED_SCOPES,
            insights=instagram_insights.pull,
            oauth=instagram_oauth.OAUTH,
        ),
        Platform(
            name="x",
            rules=x_rules.RULES,
            adapter=_x,
            required_scopes=x_rules.REQUIRED_SCOPES,
            quotas=x_rules.QUOTAS,
            insights=x_insights.pull,
            oauth=x_oauth.OAUTH,
            refresh=x_tokens.REFRESH,
        ),
        Platform(
            name="line",
            rules=line_rules.RULES,
            adapter=_on(line_publish.LineAdapter, lambda s: s.line_api_url),
            quotas=line_rules.QUOTAS,
            insights=line_insights.pull,
        ),
        Platform(
            name="mastodon",
            rules=mastodon_rules.RULES,
            adapter=_on(mastodon_publish.MastodonAdapter, lambda s: ""),  # each channel's instance
            required_scopes=mastodon_rules.REQUIRED_SCOPES,
            insights=mastodon_insights.pull,
            oauth=mastodon_oauth.OAUTH,
            channel_rules=mastodon_instance.instance_rules,
            on_instance=True,
        ),
        Platform(
            name="threads",
            rules=threads_rules.RULES,
            adapter=_on(threads_publish.ThreadsAdapter, lambda s: s.threads_graph_url),
            required_scopes=threads_rules.REQUIRED_SCOPES,
            quotas=threads_rules.QUOTAS,
            oauth=threads_oauth.OAUTH,
            refresh=threads_tokens.REFRESH,
        ),
        Platform(
            name="sandbox",
            rules=sandbox_rules.RULES,
            adapter=lambda http, settings, db: sandbox_publish.SandboxAdapter(http, "", db),
        ),
    )
}


def get(name: str) -> Platform:
    """The platform called `name` (channel rows and routes only hold known names)."""
    return PLATFORMS[name]


def adapters(
    http: HttpClient,
    instances: HttpClient,
    settings: PublisherSettings,
    db: Database,
    media: HttpClient | None = None,
) -> dict[str, Adapter]:
    """One adapter per platform, each on its configured base URL; a platform whose channels
    name their own instance (a user-supplied URL) calls it through `instances` (guarded), and
    every adapter downloads a post's media through `media` (guarded too; `instances` unless
    given, whose responses are capped lower)."""
    made = {}
    for name, platform in PLATFORMS.items():
        adapter = platform.adapter(instances if platform.on_instance else http, settings, db)
        adapter.media_http = media or instances
        adapter.media_max_bytes = settings.media_max_bytes
        made[name] = adapter
    return made


def with_insights() -> tuple[str, ...]:
    """The platforms whose numbers the insights job reads."""
    return tuple(name for name, p in PLATFORMS.items() if p.insights is not None)


def refresh_rules() -> dict[str, RefreshRule]:
    """Each platform whose tokens expire, with how long ahead they are refreshed."""
    return {name: p.refresh for name, p in PLATFORMS.items() if p.refresh is not None}


def quotas() -> list[Quota]:
    """Every platform's known publishing quotas."""
    return [quota for p in PLATFORMS.values() for quota in p.quotas]
