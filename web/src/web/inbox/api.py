"""The inbox pages: the conversations a staff member answers (filtered by whose, status and
channel, a page at a time) and one conversation: the post it is on, its whole history, the
reply box (LINE's counted push asked for first), assignment, status, priority, tags and
internal notes. Every form works without JavaScript; a refusal shows the problem's title."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client.models import ConversationDetail, MeRead, MessageRead
from web import i18n
from web.admin import service as admin
from web.composer.service import PLATFORM_NAMES
from web.console import service as console
from web.console.api import _town, _town_frame
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.forms import FORM_REFUSALS, Refused, submit
from web.gateway import ApiError
from web.i18n import N_
from web.inbox import service
from web.inbox.service import Answer, Change, Filters

router = APIRouter(prefix="/console/inbox")

DONE = {
    "replied": N_("Reply queued: it is sent through the platform in a moment."),
    "noted": N_("Note added."),
    "saved": N_("Saved."),
    "closed": N_("Conversation closed."),
    "approved": N_("Approved: the reply is sent through the platform in a moment."),
    "rejected": N_("Sent back to its author with your reason."),
    "held": N_("Your reply waits for an editor's approval before it goes out."),
    "hide": N_("The comment is hidden on the platform."),
    "unhide": N_("The comment is shown again on the platform."),
    "delete": N_("The comment is deleted on the platform."),
}
PUSH_NEEDED = "push-needs-confirmation"


def _when(zone: str, language: str) -> Any:
    return lambda moment: i18n.when(moment, zone, language)


async def _people(api: UserApi, me: MeRead) -> dict[str, str]:
    """Who a conversation can be given to, by user id: the town's users for an admin (who may
    list them), else the signed-in user alone."""
    if "admin" in me.roles:
        try:
            users = await admin.users(api)
        except ApiError:
            users = []
        found = {str(u.id): str(service.given(u.name) or u.email) for u in users}
        if found:
            return found
    return {me.sub: me.email or me.sub}


@router.get("", response_class=HTMLResponse)
async def inbox_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    """The conversations of the chosen view, latest message first, a page at a time."""
    frame = await _town_frame(api, language)
    filters = Filters.read(request.query_params)
    listing = await service.conversations(api, filters, cursor)
    channels = await console.all_channels(api)
    me = frame["me"]
    assert isinstance(me, MeRead)
    context = {
        **frame,
        "session": session,
        "filters": filters,
        "listing": listing,
        "cursor": cursor,
        "channels": channels,
        "people": await _people(api, me),
        "groups": {str(g.id): g.name for g in await service.groups(api)},
        "views": service.VIEWS,
        "ages": service.AGES,
        "reviews": bool(service.MODERATORS & set(me.roles)),
        "given": service.given,
        "languages": i18n.LANGUAGE_NAMES,
        "statuses": service.STATUSES,
        "platform_names": PLATFORM_NAMES,
        "age": lambda moment: i18n.age(moment, datetime.now(UTC), language),
        "when": _when(_town(frame).timezone, language),
    }
    return render.page(request, "inbox/inbox.html", context)


async def _conversation_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    conversation_id: UUID,
    *,
    errors: dict[str, str] | None = None,
    kept: dict[str, Any] | None = None,
    done: str | None = None,
    status: int = 200,
) -> Response:
    frame = await _town_frame(api, language)
    found, version = await service.conversation(api, conversation_id)
    channels = await console.all_channels(api)
    saved = await service.saved_replies(api)
    me = frame["me"]
    assert isinstance(me, MeRead)
    errors = errors or {}
    context = {
        **frame,
        "session": session,
        "conversation": found,
        "version": version,
        "channel": channels.get(str(found.channel_id)),
        "people": await _people(api, me),
        "groups": {str(g.id): g.name for g in await service.groups(api)},
        "saved_replies": saved,
        "saved_titles": {str(t.id): t.title for t in saved},
        "languages": i18n.LANGUAGE_NAMES,
        "reply_language": (kept or {}).get("language") or language,
        "statuses": service.STATUSES,
        "priorities": service.PRIORITIES,
        "platform_names": PLATFORM_NAMES,
        "push_needed": _push_needed(found) or errors.get("slug") == PUSH_NEEDED,
        "form": {"errors": errors},
        "kept": kept or {},
        "done": DONE.get(done or ""),
        "when": _when(_town(frame).timezone, language),
        "given": service.given,
        "moderates": service.moderates(me, found),
        "reviews": bool(service.MODERATORS & set(me.roles)),
    }
    return render.page(request, "inbox/conversation.html", context, status=status)


def _push_needed(found: ConversationDetail) -> bool:
    """A LINE thread whose citizen's reply token is spent or past: the answer would be a push
    counted against the account's monthly quota (the API asks the same before sending)."""
    if found.platform != "line":
        return False
    now = datetime.now(UTC)
    for message in reversed(found.messages):
        if message.direction != "in" or message.removed:
            continue
        expires = service.given(message.reply_token_expires_at)
        return not (isinstance(expires, datetime) and expires > now)
    return True


@router.get("/{conversation_id}", response_class=HTMLResponse)
async def conversation_page(
    conversation_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    """One conversation: its post, history, reply box, handling and notes."""
    return await _conversation_page(
        request, render, session, api, language, conversation_id, done=done
    )


def _back(conversation_id: UUID, done: str) -> Response:
    return RedirectResponse(f"/console/inbox/{conversation_id}?done={done}", status_code=303)


@router.post("/{conversation_id}/reply", dependencies=[CsrfChecked])
async def reply(
    conversation_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Queue the answer (own words, or a saved reply in a chosen language); a LINE push is
    sent only once its quota cost was confirmed."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    answer = Answer.read(form)
    slug: list[str] = []

    async def send() -> object:
        try:
            return await service.reply(api, conversation_id, answer)
        except ApiError as exc:
            slug.append(exc.slug)
            raise

    sent = await submit(answer.errors, send)
    if not isinstance(sent, Refused):
        held = isinstance(sent, MessageRead) and service.given(sent.state) == "awaiting_approval"
        return _back(conversation_id, "held" if held else "replied")
    errors = answer.errors
    if slug and slug[0] == PUSH_NEEDED:
        errors["slug"] = PUSH_NEEDED
    kept = {"text": answer.text, "template_id": answer.template_id, "language": answer.language}
    return await _conversation_page(
        request, render, session, api, language, conversation_id,
        errors=errors, kept=kept, status=409 if slug and slug[0] == PUSH_NEEDED else 422,
    )  # fmt: skip


@router.post("/{conversation_id}/change", dependencies=[CsrfChecked])
async def change(
    conversation_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Status, assignee, priority and tags, guarded by the version the page was drawn at."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    asked = Change.read(form)
    version = form.get("version", "")
    saved = await submit(asked.errors, lambda: service.update(api, conversation_id, asked, version))
    if not isinstance(saved, Refused):
        return _back(conversation_id, "closed" if form.get("action") == "close" else "saved")
    return await _conversation_page(
        request, render, session, api, language, conversation_id,
        errors=asked.errors, status=422,
    )  # fmt: skip


@router.post("/{conversation_id}/notes", dependencies=[CsrfChecked])
async def add_note(
    conversation_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """An internal note for colleagues: never sent to the citizen."""
    text = str((await request.form()).get("note") or "").strip()
    errors: dict[str, str] = {}
    if not text:
        errors["note"] = N_("Write the note first.")
    elif len(text) > 5000:
        errors["note"] = N_("A note has at most 5,000 characters.")
    noted = await submit(errors, lambda: service.note(api, conversation_id, text))
    if not isinstance(noted, Refused):
        return _back(conversation_id, "noted")
    return await _conversation_page(
        request, render, session, api, language, conversation_id,
        errors=errors, kept={"note": text}, status=422,
    )  # fmt: skip


@router.post("/{conversation_id}/messages/{message_id}/{action}", dependencies=[CsrfChecked])
async def moderate(
    conversation_id: UUID,
    message_id: UUID,
    action: str,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Hide, show again or delete a citizen's comment on the platform; deleting is asked to be
    confirmed (it cannot be undone). A refusal, or no answer from the platform, is shown."""
    if action not in service.MODERATION:
        raise ApiError(404, "Not found")
    form = await request.form()
    errors: dict[str, str] = {}
    if action == "delete" and form.get("confirm_delete") != "yes":
        errors["form"] = N_("Tick the box to confirm: a deleted comment cannot be brought back.")
    done = await submit(
        errors,
        lambda: service.moderate(api, conversation_id, message_id, action),
        shown=FORM_REFUSALS | {502},
    )
    if not isinstance(done, Refused):
        return _back(conversation_id, action)
    return await _conversation_page(
        request, render, session, api, language, conversation_id, errors=errors, status=422
    )


@router.post("/{conversation_id}/replies/{message_id}/approve", dependencies=[CsrfChecked])
async def approve_reply(
    conversation_id: UUID,
    message_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """An editor lets a held public reply go out; nobody approves their own."""
    errors: dict[str, str] = {}
    done = await submit(
        errors,
        lambda: service.approve(api, conversation_id, message_id),
        shown=FORM_REFUSALS | {403},
    )
    if not isinstance(done, Refused):
        return _back(conversation_id, "approved")
    return await _conversation_page(
        request, render, session, api, language, conversation_id, errors=errors, status=422
    )


@router.post("/{conversation_id}/replies/{message_id}/reject", dependencies=[CsrfChecked])
async def reject_reply(
    conversation_id: UUID,
    message_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """An editor sends a held public reply back to its author, saying why."""
    reason = str((await request.form()).get("reason") or "").strip()
    errors: dict[str, str] = {}
    if not reason or len(reason) > 1000:
        errors["form"] = N_("Say why, in up to 1,000 characters: the author reads it.")
    done = await submit(
        errors,
        lambda: service.reject(api, conversation_id, message_id, reason),
        shown=FORM_REFUSALS | {403},
    )
    if not isinstance(done, Refused):
        return _back(conversation_id, "rejected")
    return await _conversation_page(
        request, render, session, api, language, conversation_id, errors=errors, status=422
    )
