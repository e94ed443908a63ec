"""Inbox routes: the platforms' webhooks (forwarded by the gateway with an anonymous token
carrying the town's tenant) and the staff's conversations."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse

from kit.dependencies import PrincipalDep, SessionDep
from kit.errors import NotFound
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from kit.preconditions import VERSIONED, IfMatchDep, set_etag
from kit.runtime import ServiceRuntime
from publisher.dependencies import PlatformHttpDep, SettingsDep, VaultDep
from publisher.inbox import groups, rules, service, templates
from publisher.inbox.schemas import (
    ConversationCounts,
    ConversationDetail,
    ConversationRead,
    ConversationUpdate,
    ErasureRequest,
    ErasureResult,
    GroupCreate,
    GroupRead,
    GroupUpdate,
    InboxSettingsRead,
    InboxSettingsUpdate,
    Language,
    MessageRead,
    NoteCreate,
    ReplyCreate,
    ReplyRejection,
    RuleCreate,
    RuleRead,
    SavedReplyCreate,
    SavedReplyRead,
    SavedReplyUpdate,
    Status,
    WebhookAccepted,
)

webhooks = APIRouter(prefix="/webhooks/{town}", tags=["webhooks"])
# The deployment's own Meta app: one callback URL for every town's Pages and accounts.
deployment_webhooks = APIRouter(prefix="/webhooks", tags=["webhooks"])
router = APIRouter(prefix="/v1/conversations", tags=["conversations"])
settings_router = APIRouter(prefix="/v1/settings/inbox", tags=["settings"])
groups_router = APIRouter(prefix="/v1/settings/inbox/groups", tags=["conversations"])
GROUP_FILTER = (
    r"^(mine|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
)
templates_router = APIRouter(prefix="/v1/settings/inbox/templates", tags=["conversations"])


def _town(principal: PrincipalDep) -> None:
    if principal.tenant_id is None:
        raise NotFound("unknown town")


@webhooks.get("/meta", response_class=PlainTextResponse, operation_id="webhooks_meta_handshake")
async def meta_handshake(
    town: str,
    session: SessionDep,
    principal: PrincipalDep,
    vault: VaultDep,
    mode: Annotated[str, Query(alias="hub.mode", max_length=50)] = "",
    token: Annotated[str, Query(alias="hub.verify_token", max_length=200)] = "",
    challenge: Annotated[str, Query(alias="hub.challenge", max_length=200)] = "",
) -> str:
    """Meta's subscription handshake: `hub.challenge` back when `hub.verify_token` is the
    town's, else 403."""
    _town(principal)
    await service.handshake(session, vault, mode, token)
    return challenge


@webhooks.post("/meta", response_model=WebhookAccepted)
async def meta_webhook(
    town: str,
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    vault: VaultDep,
    settings: SettingsDep,
) -> WebhookAccepted:
    """Facebook Page (`feed` comments, Messenger) and Instagram (`comments`, `mentions`, DMs)
    events, signed with `X-Hub-Signature-256`; stored, then threaded by the worker."""
    _town(principal)
    signature = request.headers.get(rules.SIGNATURES["meta"].header, "")
    return await service.receive_meta(session, vault, settings, await request.body(), signature)


@deployment_webhooks.get(
    "/meta", response_class=PlainTextResponse, operation_id="webhooks_meta_deployment_handshake"
)
async def meta_deployment_handshake(
    principal: PrincipalDep,
    settings: SettingsDep,
    mode: Annotated[str, Query(alias="hub.mode", max_length=50)] = "",
    token: Annotated[str, Query(alias="hub.verify_token", max_length=200)] = "",
    challenge: Annotated[str, Query(alias="hub.challenge", max_length=200)] = "",
) -> str:
    """Meta's subscription handshake for the deployment's app: `hub.challenge` back when
    `hub.verify_token` is PUBLISHER_META_VERIFY_TOKEN, else 403."""
    await service.handshake_everywhere(settings, mode, token)
    return challenge


@deployment_webhooks.post(
    "/meta", response_model=WebhookAccepted, operation_id="webhooks_meta_deployment"
)
async def meta_deployment_webhook(
    request: Request, principal: PrincipalDep, vault: VaultDep, settings: SettingsDep
) -> WebhookAccepted:
    """The deployment's Meta app's one callback: Facebook Page and Instagram events of every
    town, each entry given to the town that connected its Page or Instagram account
    (`entry[].id`), signed with `X-Hub-Signature-256` by PUBLISHER_FACEBOOK_APP_SECRET."""
    runtime: ServiceRuntime = request.app.state.runtime
    signature = request.headers.get(rules.SIGNATURES["meta"].header, "")
    body = await request.body()
    return await service.receive_meta_everywhere(
        runtime.jobs_db, runtime.db, vault, settings, body, signature
    )


@deployment_webhooks.get(
    "/threads", response_class=PlainTextResponse, operation_id="webhooks_threads_handshake"
)
async def threads_handshake(
    principal: PrincipalDep,
    settings: SettingsDep,
    mode: Annotated[str, Query(alias="hub.mode", max_length=50)] = "",
    token: Annotated[str, Query(alias="hub.verify_token", max_length=200)] = "",
    challenge: Annotated[str, Query(alias="hub.challenge", max_length=200)] = "",
) -> str:
    """The Threads webhooks' subscription handshake, with PUBLISHER_META_VERIFY_TOKEN."""
    await service.handshake_everywhere(settings, mode, token)
    return challenge


@deployment_webhooks.post(
    "/threads", response_model=WebhookAccepted, operation_id="webhooks_threads"
)
async def threads_webhook(
    request: Request, principal: PrincipalDep, vault: VaultDep, settings: SettingsDep
) -> WebhookAccepted:
    """Threads' `replies` webhooks (topic `moderate`) of every town: each given to the town
    whose Threads account it names (`target_id`), signed with `X-Hub-Signature-256` by
    PUBLISHER_THREADS_APP_SECRET."""
    runtime: ServiceRuntime = request.app.state.runtime
    signature = request.headers.get(rules.SIGNATURES["meta"].header, "")
    body = await request.body()
    return await service.receive_threads(
        runtime.jobs_db, runtime.db, vault, settings, body, signature
    )


@webhooks.post("/line", response_model=WebhookAccepted)
async def line_webhook(
    town: str, request: Request, session: SessionDep, principal: PrincipalDep, vault: VaultDep
) -> WebhookAccepted:
    """LINE Messaging API events (text, image, follow, unsend), signed with `X-Line-Signature`
    by one of the town's LINE channels; stored, then threaded by the worker."""
    _town(principal)
    signature = request.headers.get(rules.SIGNATURES["line"].header, "")
    return await service.receive_line(session, vault, await request.body(), signature)


@router.get("", response_model=Page[ConversationRead])
async def list_conversations(
    session: SessionDep,
    principal: PrincipalDep,
    status: Status | None = None,
    assignee: Annotated[
        str | None,
        Query(
            max_length=200,
            description="`me`, `none` (no assignee) or a user id. Staff see theirs, their"
            " groups' and the unassigned ones; an admin sees all.",
        ),
    ] = None,
    group: Annotated[
        str | None,
        Query(
            pattern=GROUP_FILTER,
            description="`mine` (any of the caller's groups), `none` (in no group) or a group id.",
        ),
    ] = None,
    channel_id: uuid.UUID | None = None,
    language: Language | None = None,
    older_than_hours: Annotated[
        int | None, Query(ge=1, le=87_600, description="Opened more than this many hours ago.")
    ] = None,
    awaiting_approval: Annotated[
        bool,
        Query(
            description="Only those holding a public reply that waits for an editor (editors"
            " see these whoever they are assigned to)."
        ),
    ] = False,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """Conversations the caller may answer, latest message first."""
    items, next_cursor = await service.list_page(
        session,
        principal,
        status=status,
        assignee=assignee,
        group=group,
        channel_id=channel_id,
        language=language,
        older_than_hours=older_than_hours,
        awaiting_approval=awaiting_approval,
        cursor=cursor,
        limit=limit,
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/counts", response_model=ConversationCounts)
async def count_conversations(session: SessionDep, principal: PrincipalDep) -> ConversationCounts:
    """How many open conversations are the caller's and how many are nobody's, in one cheap
    call (the console's menu shows them on every page)."""
    return await service.counts(session, principal)


@router.post("/erase", response_model=ErasureResult)
async def erase(body: ErasureRequest, session: SessionDep) -> ErasureResult:
    """Erase a citizen on request (APPI): their messages and stored events on the channel go;
    their threads stay, without name or id, so the town's counts keep."""
    return await service.erase(session, body)


@router.get("/{conversation_id}", response_model=ConversationDetail, responses=VERSIONED)
async def get_conversation(
    conversation_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, response: Response
) -> ConversationDetail:
    """One conversation with its whole history and notes, its version as `ETag`."""
    found = await service.detail(session, principal, conversation_id)
    set_etag(response, found)
    return found


@router.patch("/{conversation_id}", response_model=ConversationRead, responses=VERSIONED)
async def update_conversation(
    conversation_id: uuid.UUID,
    body: ConversationUpdate,
    session: SessionDep,
    principal: PrincipalDep,
    precondition: IfMatchDep,
    response: Response,
) -> object:
    """Status, assignee (`null`: nobody), priority, tags; `If-Match` guards another's change."""
    changed = await service.update(session, principal, conversation_id, body, precondition)
    set_etag(response, changed)
    return changed


@router.post("/{conversation_id}/notes", status_code=201, response_model=ConversationDetail)
async def add_note(
    conversation_id: uuid.UUID, body: NoteCreate, session: SessionDep, principal: PrincipalDep
) -> ConversationDetail:
    """An internal note for colleagues; never sent to the citizen."""
    return await service.add_note(session, principal, conversation_id, body.text)


@router.post("/{conversation_id}/replies", status_code=202, response_model=MessageRead)
async def reply(
    conversation_id: uuid.UUID, body: ReplyCreate, session: SessionDep, principal: PrincipalDep
) -> MessageRead:
    """Answer the citizen through the platform: on a comment's thread publicly, in a message
    thread privately (Messenger inside its 24-hour window; LINE free with a fresh reply token,
    else a push counted against the quota, only with `confirm_push`). The reply is sent once by
    the worker; its `state` tells how it went."""
    return await service.reply(session, principal, conversation_id, body)


async def _moderate(
    ids: tuple[uuid.UUID, uuid.UUID],
    action: str,
    session: SessionDep,
    principal: PrincipalDep,
    vault: VaultDep,
    settings: SettingsDep,
    http: PlatformHttpDep,
) -> MessageRead:
    return await service.moderate(session, principal, vault, settings, http, ids, action)


MODERATION: dict[int | str, dict[str, Any]] = {
    409: {"description": "Not a citizen's comment that platform moderates, or it refused."},
    502: {"description": "No answer from the platform: check it before asking again."},
}


@router.post(
    "/{conversation_id}/messages/{message_id}/hide",
    response_model=MessageRead,
    responses=MODERATION,
    operation_id="conversation_message_hide",
)
async def hide(
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    vault: VaultDep,
    settings: SettingsDep,
    http: PlatformHttpDep,
) -> MessageRead:
    """Hide a citizen's Facebook or Instagram comment or Threads reply on the platform: everyone
    but its author stops seeing it. Called once, never repeated by Machi; audited."""
    ids = (conversation_id, message_id)
    return await _moderate(ids, "hide", session, principal, vault, settings, http)


@router.post(
    "/{conversation_id}/messages/{message_id}/unhide",
    response_model=MessageRead,
    responses=MODERATION,
    operation_id="conversation_message_unhide",
)
async def unhide(
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    vault: VaultDep,
    settings: SettingsDep,
    http: PlatformHttpDep,
) -> MessageRead:
    """Show a hidden comment again."""
    ids = (conversation_id, message_id)
    return await _moderate(ids, "unhide", session, principal, vault, settings, http)


@router.delete(
    "/{conversation_id}/messages/{message_id}",
    response_model=MessageRead,
    responses=MODERATION,
    operation_id="conversation_message_delete",
)
async def delete_comment(
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    vault: VaultDep,
    settings: SettingsDep,
    http: PlatformHttpDep,
) -> MessageRead:
    """Delete a citizen's comment on the platform, for good (hiding can be undone; this cannot).
    The message stays in Machi's history, marked `removed`."""
    ids = (conversation_id, message_id)
    return await _moderate(ids, "delete", session, principal, vault, settings, http)


@router.post(
    "/{conversation_id}/replies/{message_id}/approve",
    response_model=MessageRead,
    operation_id="conversations_reply_approve",
)
async def approve_reply(
    conversation_id: uuid.UUID, message_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> MessageRead:
    """An editor lets a public reply that waits go out: the worker sends it once, as any
    reply; its author cannot approve it."""
    return await service.review_reply(session, principal, conversation_id, message_id)


@router.post(
    "/{conversation_id}/replies/{message_id}/reject",
    response_model=MessageRead,
    operation_id="conversations_reply_reject",
)
async def reject_reply(
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    body: ReplyRejection,
    session: SessionDep,
    principal: PrincipalDep,
) -> MessageRead:
    """An editor stops a public reply that waits, with a reason for its author; it is never
    sent."""
    return await service.review_reply(
        session, principal, conversation_id, message_id, rejection=body.reason
    )


@settings_router.get("", response_model=InboxSettingsRead)
async def read_settings(
    session: SessionDep, vault: VaultDep, settings: SettingsDep
) -> InboxSettingsRead:
    """Which Meta webhook secrets the town has stored (never their values)."""
    return await service.read_settings(session, vault, settings)


@settings_router.put("", response_model=InboxSettingsRead)
async def update_settings(
    body: InboxSettingsUpdate, session: SessionDep, vault: VaultDep, settings: SettingsDep
) -> InboxSettingsRead:
    """Store the town's Meta app secret and verify token, sealed; the LINE channel secret goes
    in the LINE channel's credentials (`channel_secret`)."""
    await service.update_settings(session, vault, body)
    return await service.read_settings(session, vault, settings)


@settings_router.get("/rules", response_model=list[RuleRead], operation_id="inbox_rules_list")
async def list_rules(session: SessionDep) -> object:
    """The town's routing rules, in the order they are tried."""
    return await service.list_rules(session)


@settings_router.post(
    "/rules", status_code=201, response_model=RuleRead, operation_id="inbox_rules_create"
)
async def add_rule(body: RuleCreate, session: SessionDep) -> object:
    """A rule assigning new conversations on a channel or with a keyword to a staff member."""
    return await service.add_rule(session, body)


@settings_router.delete("/rules/{rule_id}", status_code=204, operation_id="inbox_rules_delete")
async def delete_rule(rule_id: uuid.UUID, session: SessionDep) -> Response:
    """Remove a routing rule; conversations it assigned keep their assignee."""
    await service.delete_rule(session, rule_id)
    return Response(status_code=204)


@templates_router.get("", response_model=list[SavedReplyRead], operation_id="inbox_templates_list")
async def list_templates(session: SessionDep) -> object:
    """The town's saved replies, by title."""
    return await templates.listed(session)


@templates_router.post(
    "", status_code=201, response_model=SavedReplyRead, operation_id="inbox_templates_create"
)
async def create_template(body: SavedReplyCreate, session: SessionDep) -> object:
    """A saved reply with its text in one or more of ja, ko and en (editors and admins)."""
    return await templates.create(session, body)


@templates_router.get(
    "/{template_id}",
    response_model=SavedReplyRead,
    responses=VERSIONED,
    operation_id="inbox_templates_get",
)
async def get_template(template_id: uuid.UUID, session: SessionDep, response: Response) -> object:
    """One saved reply, its version as `ETag`."""
    found = await templates.get(session, template_id)
    set_etag(response, found)
    return found


@templates_router.patch(
    "/{template_id}",
    response_model=SavedReplyRead,
    responses=VERSIONED,
    operation_id="inbox_templates_update",
)
async def update_template(
    template_id: uuid.UUID,
    body: SavedReplyUpdate,
    session: SessionDep,
    precondition: IfMatchDep,
    response: Response,
) -> object:
    """Change a saved reply's title or texts; `If-Match` guards another editor's change."""
    changed = await templates.update(session, template_id, body, precondition)
    set_etag(response, changed)
    return changed


@templates_router.delete("/{template_id}", status_code=204, operation_id="inbox_templates_delete")
async def delete_template(template_id: uuid.UUID, session: SessionDep) -> Response:
    """Remove a saved reply; replies sent from it keep their words."""
    await templates.delete(session, template_id)
    return Response(status_code=204)


@groups_router.get("", response_model=list[GroupRead], operation_id="inbox_groups_list")
async def list_groups(session: SessionDep) -> object:
    """The town's groups of staff, by name, with their members in turn order."""
    return await groups.listed(session)


@groups_router.post(
    "", status_code=201, response_model=GroupRead, operation_id="inbox_groups_create"
)
async def create_group(body: GroupCreate, session: SessionDep) -> object:
    """A group of the town's staff (user ids) that rules and staff can give conversations to."""
    return await groups.create(session, body)


@groups_router.get(
    "/{group_id}", response_model=GroupRead, responses=VERSIONED, operation_id="inbox_groups_get"
)
async def get_group(group_id: uuid.UUID, session: SessionDep, response: Response) -> object:
    """One group, its version as `ETag`."""
    found = await groups.get(session, group_id)
    set_etag(response, found)
    return found


@groups_router.patch(
    "/{group_id}",
    response_model=GroupRead,
    responses=VERSIONED,
    operation_id="inbox_groups_update",
)
async def update_group(
    group_id: uuid.UUID,
    body: GroupUpdate,
    session: SessionDep,
    precondition: IfMatchDep,
    response: Response,
) -> object:
    """Rename a group or replace its members; `If-Match` guards another admin's change."""
    changed = await groups.update(session, group_id, body, precondition)
    set_etag(response, changed)
    return changed


@groups_router.delete("/{group_id}", status_code=204, operation_id="inbox_groups_delete")
async def delete_group(group_id: uuid.UUID, session: SessionDep) -> Response:
    """Remove a group and the rules naming it; its conversations keep their assignee."""
    await groups.delete(session, group_id)
    return Response(status_code=204)
