"""The publisher's composition root."""

from fastapi import FastAPI

from kit import export
from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from publisher.channels import api as channels
from publisher.connect import api as connect
from publisher.dispatch import api as deliveries
from publisher.inbox import api as inbox
from publisher.models import Base
from publisher.playbook import api as playbook
from publisher.posts import api as posts
from publisher.scheduling import api as scheduling
from publisher.settings import PublisherSettings

SERVICE = "publisher"


def create_app(runtime: ServiceRuntime, settings: PublisherSettings | None = None) -> FastAPI:
    settings = settings or PublisherSettings()
    app = create_service_app(
        runtime,
        [
            connect.router,
            channels.router,
            posts.router,
            deliveries.router,
            scheduling.campaigns,
            scheduling.slots,
            playbook.router,
            inbox.webhooks,
            inbox.deployment_webhooks,
            inbox.router,
            inbox.settings_router,
            inbox.templates_router,
            inbox.groups_router,
            export.router(Base.metadata),  # the gateway's tenant export
        ],
        title="Machi publisher",
        description="Channels, posts, approvals, schedules, safe dispatch.",
    )
    app.state.publisher_settings = settings
    app.state.vault = Sealer.of(settings)
    return app
