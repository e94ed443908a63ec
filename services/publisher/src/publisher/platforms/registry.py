"""Platform names, their content rules and their adapters."""

from __future__ import annotations

from kit.db import Database
from publisher.platforms import facebook, instagram, line, mastodon, sandbox, threads, x
from publisher.platforms.base import Adapter, Rules
from publisher.platforms.http import HttpClient
from publisher.settings import PublisherSettings

PLATFORMS = ("facebook_page", "instagram", "x", "line", "mastodon", "threads", "sandbox")

RULES: dict[str, Rules] = {
    "facebook_page": facebook.RULES,
    "instagram": instagram.RULES,
    "x": x.RULES,
    "line": line.RULES,
    "mastodon": mastodon.RULES,
    "threads": threads.RULES,
    "sandbox": sandbox.RULES,
}


def rules_for(platform: str, config: dict[str, object]) -> Rules:
    """The rules of a channel: Mastodon's depend on its instance."""
    if platform == "mastodon":
        return mastodon.instance_rules(config)
    return RULES[platform]


def adapters(
    http: HttpClient, instances: HttpClient, settings: PublisherSettings, db: Database
) -> dict[str, Adapter]:
    """One adapter per platform, each on its configured base URL; Mastodon calls each
    channel's own instance, a user-supplied URL, through `instances` (guarded)."""
    return {
        "facebook_page": facebook.FacebookAdapter(http, settings.facebook_graph_url),
        "instagram": instagram.InstagramAdapter(http, settings.facebook_graph_url),
        "threads": threads.ThreadsAdapter(http, settings.threads_graph_url),
        "x": x.XAdapter(
            http,
            settings.x_api_url,
            settings.x_client_id,
            settings.x_client_secret.get_secret_value(),
        ),
        "line": line.LineAdapter(http, settings.line_api_url),
        "mastodon": mastodon.MastodonAdapter(instances, ""),
        "sandbox": sandbox.SandboxAdapter(http, "", db),
    }
