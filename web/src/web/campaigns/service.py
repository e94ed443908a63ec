"""What the campaigns pages read and write: the town's campaigns, a new one (its posts are made
by the API step by step, each product picked by hand or chosen by rule when its post is made),
every post it made with each channel's preview, and submitting, approving, pausing, resuming and
cancelling it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.campaigns import (
    campaigns_approve,
    campaigns_cancel,
    campaigns_create,
    campaigns_get,
    campaigns_list,
    campaigns_pause,
    campaigns_posts,
    campaigns_resume,
    campaigns_submit,
)
from machi_client.api.posts import posts_preview
from machi_client.api.templates import templates_list
from machi_client.models import (
    Cadence,
    CampaignCreate,
    CampaignCreatePlacement,
    CampaignRead,
    PageCampaignRead,
    PagePostRead,
    PageTemplateRead,
    PostCreate,
    PostCreateVariants,
    PostMedia,
    PostRead,
    PreviewRead,
    Rules,
    TemplateRead,
)
from machi_client.types import UNSET, Unset
from web.campaigns.schemas import CampaignForm
from web.gateway import ApiError, parsed, succeeded
from web.i18n import N_

MAX_PAGES = 10


async def campaigns(api: AuthenticatedClient) -> list[CampaignRead]:
    """The town's campaigns, newest first."""
    answer = await campaigns_list.asyncio_detailed(client=api, limit=200)
    return parsed(answer, PageCampaignRead).items


async def campaign(api: AuthenticatedClient, campaign_id: UUID) -> CampaignRead:
    return parsed(await campaigns_get.asyncio_detailed(campaign_id, client=api), CampaignRead)


async def create(api: AuthenticatedClient, form: CampaignForm, timezone: str) -> CampaignRead:
    first, every = form.first_day, form.every
    if first is None or every is None:  # the form refuses these before they get here
        raise ValueError("a campaign form with errors")
    body = CampaignCreate(
        name=form.name,
        product_ids=[] if form.by_rule else [UUID(p) for p in form.product_ids],
        rules=Rules(in_season=form.in_season, in_stock=form.in_stock) if form.by_rule else UNSET,
        steps=form.how_many if form.by_rule else UNSET,
        placement=CampaignCreatePlacement.SLOTS if form.on_slots else UNSET,
        template_id=UUID(form.template_id) if form.template_id else UNSET,
        channel_ids=[UUID(c) for c in form.channel_ids],
        template=UNSET if form.template_id else form.template,
        cadence=Cadence(
            start_date=first,
            time=form.time,
            every_days=every,
            skip_weekends=form.skip_weekends,
        ),
        timezone=timezone,
        language=form.language or UNSET,
        catch_up=form.catch_up,
    )
    return parsed(await campaigns_create.asyncio_detailed(client=api, body=body), CampaignRead)


async def templates(api: AuthenticatedClient) -> list[TemplateRead]:
    """The town's stored templates, by name."""
    answer = await templates_list.asyncio_detailed(client=api, limit=200)
    return parsed(answer, PageTemplateRead).items


async def posts_of(api: AuthenticatedClient, campaign_id: UUID) -> list[PostRead]:
    """Every post the campaign made, in planned order."""
    found: list[PostRead] = []
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        answer = await campaigns_posts.asyncio_detailed(
            campaign_id, client=api, limit=200, cursor=cursor or UNSET
        )
        page = parsed(answer, PagePostRead)
        found += page.items
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
        if cursor is None:
            break
    return found


@dataclass
class PlannedPost:
    """A campaign's post and what each of its channels' platforms says of it."""

    post: PostRead
    preview: PreviewRead | None

    @property
    def valid(self) -> bool:
        return self.preview is None or self.preview.valid


async def _preview(api: AuthenticatedClient, post: PostRead) -> PreviewRead | None:
    media = post.media if not isinstance(post.media, Unset) else []
    variants = post.variants.additional_properties if not isinstance(post.variants, Unset) else {}
    body = PostCreate(
        text=post.text,
        channel_ids=post.channel_ids if not isinstance(post.channel_ids, Unset) else [],
        variants=PostCreateVariants.from_dict(variants),
        product_id=post.product_id if isinstance(post.product_id, UUID) else None,
        url=post.url if isinstance(post.url, str) else None,
        media=[PostMedia(url=m.url) for m in media],
    )
    try:
        return parsed(await posts_preview.asyncio_detailed(client=api, body=body), PreviewRead)
    except ApiError as exc:
        if exc.status not in (400, 403, 404, 422):
            raise
        return None


async def planned(api: AuthenticatedClient, campaign_id: UUID) -> list[PlannedPost]:
    """The campaign's posts, each with its preview on every channel (asked for together)."""
    found = await posts_of(api, campaign_id)
    previews = await asyncio.gather(*(_preview(api, p) for p in found))
    return [PlannedPost(p, v) for p, v in zip(found, previews, strict=True)]


async def submit(api: AuthenticatedClient, campaign_id: UUID) -> None:
    """Submit every draft of the campaign (each checked on each channel by the API)."""
    succeeded(await campaigns_submit.asyncio_detailed(campaign_id, client=api))


async def approve(api: AuthenticatedClient, campaign_id: UUID) -> None:
    """Approve every submitted post; each is scheduled at its planned time."""
    succeeded(await campaigns_approve.asyncio_detailed(campaign_id, client=api))


async def pause(api: AuthenticatedClient, campaign_id: UUID) -> None:
    """Pause: the API takes back the posts not yet on their way."""
    succeeded(await campaigns_pause.asyncio_detailed(campaign_id, client=api))


async def resume(api: AuthenticatedClient, campaign_id: UUID) -> None:
    """Resume: the API makes the coming posts again, each product chosen afresh."""
    succeeded(await campaigns_resume.asyncio_detailed(campaign_id, client=api))


async def cancel(api: AuthenticatedClient, campaign_id: UUID) -> None:
    """End the campaign: its coming posts and their deliveries are cancelled."""
    succeeded(await campaigns_cancel.asyncio_detailed(campaign_id, client=api))


# A product passed over, in words (the API's reasons, by their English text).
SKIP_REASONS = {
    "the product is sold out": N_("sold out"),
    "the product is archived": N_("archived"),
    "the product is not published": N_("not published"),
    "out of season": N_("out of season"),
}

# Why the API refused, in words a writer or editor understands (by the problem's slug).
REFUSALS = {
    "self-approval": N_("You made or edited this campaign's posts: another editor approves them."),
    "forbidden": N_("Your role cannot do this: an editor approves campaigns."),
    "post-invalid": N_("A post breaks a platform's rules: see the posts marked below."),
    "invalid-transition": N_("Nothing is waiting for this: the posts have moved on."),
    "campaign-start-passed": N_(
        'The first post would be due in the past: start later, or tick "Post the missed ones".'
    ),
    "product-not-known": N_("A product you picked is not on the city page yet: publish it first."),
    "campaign-state-invalid": N_("The campaign has moved on: reload the page."),
}


def refusal(exc: ApiError) -> str:
    """The REFUSALS key of a refused action (its problem's slug, or `forbidden` for a 403)."""
    if exc.slug in REFUSALS:
        return exc.slug
    return "forbidden" if exc.status == 403 else "invalid-transition"
