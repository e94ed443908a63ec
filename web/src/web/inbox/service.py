"""What the inbox pages read and write: the conversations a staff member may answer (filtered
the way the list's form asks), one conversation with its history and version, and the changes,
notes and replies made on it. Each is one or a few typed-client calls."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.conversations import (
    conversation_message_delete,
    conversation_message_hide,
    conversation_message_unhide,
    conversations_counts,
    conversations_get,
    conversations_list,
    conversations_notes,
    conversations_replies,
    conversations_reply_approve,
    conversations_reply_reject,
    conversations_update,
)
from machi_client.api.settings import inbox_groups_list, inbox_templates_list
from machi_client.models import (
    ConversationCounts,
    ConversationDetail,
    ConversationRead,
    ConversationsListLanguageType0,
    ConversationsListStatusType0,
    ConversationUpdate,
    ConversationUpdatePriorityType0,
    ConversationUpdateStatusType0,
    GroupRead,
    MeRead,
    MessageRead,
    NoteCreate,
    PageConversationRead,
    ReplyCreate,
    ReplyCreateLanguageType0,
    ReplyRejection,
    SavedReplyRead,
)
from machi_client.types import UNSET, Unset
from web.gateway import parsed
from web.i18n import N_

PAGE_SIZE = 25
VIEWS = {
    "all": N_("All I answer"),
    "mine": N_("Mine"),
    "groups": N_("My groups"),
    "unassigned": N_("Unassigned"),
    "awaiting": N_("Replies awaiting approval"),
}
# How long ago the conversation opened: the API's `older_than_hours`.
AGES = {
    "1": N_("Over an hour ago"),
    "24": N_("Over a day ago"),
    "72": N_("Over 3 days ago"),
    "168": N_("Over a week ago"),
}
LANGUAGES = ("ja", "ko", "en")  # the citizen's (told by their words' script), a saved reply's
STATUSES = {"open": N_("Open"), "waiting": N_("Waiting"), "closed": N_("Closed")}
PRIORITIES = {"low": N_("Low"), "normal": N_("Normal"), "high": N_("High"), "urgent": N_("Urgent")}
VIEW_PARAMS = {
    "mine": {"assignee": "me"},
    "groups": {"group": "mine"},
    "unassigned": {"assignee": "none"},
    "awaiting": {"awaiting_approval": "true"},
}


@dataclass(frozen=True)
class Filters:
    """The list's filters as the query string carries them (`?view=mine&status=open`); an
    unknown value is dropped rather than refused, so an old bookmark still opens."""

    view: str = "all"
    status: str = "open"
    channel: str = ""
    age: str = ""
    language: str = ""

    @classmethod
    def read(cls, query: Mapping[str, str]) -> Filters:
        view = query.get("view", "all")
        status = query.get("status", "open")
        channel = query.get("channel", "")
        try:
            UUID(channel)
        except ValueError:
            channel = ""
        age, language = query.get("age", ""), query.get("language", "")
        return cls(
            view=view if view in VIEWS else "all",
            status=status if status in STATUSES or status == "any" else "open",
            channel=channel,
            age=age if age in AGES else "",
            language=language if language in LANGUAGES else "",
        )

    def api_params(self) -> dict[str, str]:
        """The query `GET /v1/conversations` gets for these filters."""
        params: dict[str, str] = dict(VIEW_PARAMS.get(self.view, {}))
        if self.status in STATUSES:
            params["status"] = self.status
        if self.channel:
            params["channel_id"] = self.channel
        if self.age:
            params["older_than_hours"] = self.age
        if self.language:
            params["language"] = self.language
        return params

    def query(self, **changed: str) -> str:
        """The list page's own query string for these filters, with `changed` ones replaced
        (a cursor, another view); defaults are left out so links stay short."""
        values = {
            "view": self.view,
            "status": self.status,
            "channel": self.channel,
            "age": self.age,
            "language": self.language,
            **changed,
        }
        defaults = {"view": "all", "status": "open"}
        kept = {k: v for k, v in values.items() if v and defaults.get(k) != v}
        return urlencode(kept)


async def conversations(
    api: AuthenticatedClient, filters: Filters, cursor: str | None
) -> PageConversationRead:
    params = filters.api_params()
    answer = await conversations_list.asyncio_detailed(
        client=api,
        status=ConversationsListStatusType0(params["status"]) if "status" in params else UNSET,
        assignee=params.get("assignee", UNSET),
        group=params.get("group", UNSET),
        awaiting_approval="awaiting_approval" in params,
        channel_id=UUID(params["channel_id"]) if "channel_id" in params else UNSET,
        language=(
            ConversationsListLanguageType0(params["language"]) if "language" in params else UNSET
        ),
        older_than_hours=int(params["older_than_hours"]) if "older_than_hours" in params else UNSET,
        cursor=cursor or UNSET,
        limit=PAGE_SIZE,
    )
    return parsed(answer, PageConversationRead)


async def counts(api: AuthenticatedClient, who: MeRead) -> ConversationCounts | None:
    """Open conversations for the menu (one call), for the roles that answer them."""
    if not set(who.roles) & ANSWERERS:
        return None
    return parsed(await conversations_counts.asyncio_detailed(client=api), ConversationCounts)


ANSWERERS = frozenset({"admin", "editor", "writer", "staff"})  # kit.policy.ANSWERERS


async def conversation(
    api: AuthenticatedClient, conversation_id: UUID
) -> tuple[ConversationDetail, str]:
    """The conversation and its version (ETag), which a change sends back as If-Match."""
    answer = await conversations_get.asyncio_detailed(conversation_id, client=api)
    return parsed(answer, ConversationDetail), answer.headers.get("etag", "")


@dataclass
class Change:
    """What the conversation form asks for: only the fields given are sent."""

    status: str | None = None
    assignee: str | None = None  # a user id, or "" for nobody
    group_id: str | None = None  # a group id, or "" for none
    priority: str | None = None
    tags: list[str] | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: Mapping[str, str]) -> Change:
        change = cls()
        status, priority = form.get("status"), form.get("priority")
        if status:
            if status in STATUSES:
                change.status = status
            else:
                change.errors["status"] = N_("Choose a status from the list.")
        if priority:
            if priority in PRIORITIES:
                change.priority = priority
            else:
                change.errors["priority"] = N_("Choose a priority from the list.")
        # Who and which group are sent only when changed from what the page showed
        # (`was_*`): a group given alone goes to its next member in turn.
        for name in ("assignee", "group_id"):
            if name in form and form[name].strip() != form.get(f"was_{name}", "").strip():
                setattr(change, name, form[name].strip())
        if change.group_id:
            try:
                UUID(change.group_id)
            except ValueError:
                change.errors["group_id"] = N_("Choose a group from the list.")
        if "tags" in form:
            tags = [t.strip() for t in form["tags"].replace("、", ",").split(",")]
            change.tags = [t for t in tags if t]
            if len(change.tags) > 20 or any(len(t) > 50 for t in change.tags):
                change.errors["tags"] = N_("At most 20 tags of up to 50 characters each.")
        return change

    def body(self) -> ConversationUpdate:
        body = ConversationUpdate(
            status=ConversationUpdateStatusType0(self.status) if self.status else UNSET,
            priority=ConversationUpdatePriorityType0(self.priority) if self.priority else UNSET,
            tags=self.tags if self.tags is not None else UNSET,
        )
        if self.assignee is not None:
            body.assignee = self.assignee or None  # "": nobody (sent as null)
        if self.group_id is not None and "group_id" not in self.errors:
            body.group_id = UUID(self.group_id) if self.group_id else None
        return body


async def update(
    api: AuthenticatedClient, conversation_id: UUID, change: Change, version: str
) -> ConversationRead:
    answer = await conversations_update.asyncio_detailed(
        conversation_id, client=api, body=change.body(), if_match=version or UNSET
    )
    return parsed(answer, ConversationRead)


async def note(api: AuthenticatedClient, conversation_id: UUID, text: str) -> None:
    answer = await conversations_notes.asyncio_detailed(
        conversation_id, client=api, body=NoteCreate(text=text)
    )
    parsed(answer, ConversationDetail)


@dataclass
class Answer:
    """What the reply form asks to send: the staff's own words, or a saved reply in one of
    its languages (the API picks the words, so what is sent is what the town saved)."""

    text: str = ""
    template_id: str = ""
    language: str = ""
    confirm_push: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: Mapping[str, str]) -> Answer:
        answer = cls(
            text=form.get("text", "").strip(),
            template_id=form.get("template_id", "").strip(),
            language=form.get("language", "").strip(),
            confirm_push=form.get("confirm_push") == "yes",
        )
        if answer.template_id:
            try:
                UUID(answer.template_id)
            except ValueError:
                answer.errors["template_id"] = N_("Choose a saved reply from the list.")
            if answer.text:
                answer.errors["text"] = N_(
                    "Send either a saved reply or your own words: empty the box, or choose"
                    " no saved reply."
                )
            if answer.language not in LANGUAGES:
                answer.errors["language"] = N_("Choose the language of the saved reply.")
        elif not answer.text:
            answer.errors["text"] = N_("Write the reply, or choose a saved reply.")
        elif len(answer.text) > 2000:
            answer.errors["text"] = N_("A reply has at most 2,000 characters.")
        return answer

    def body(self) -> ReplyCreate:
        if self.template_id:
            return ReplyCreate(
                template_id=UUID(self.template_id),
                language=ReplyCreateLanguageType0(self.language),
                confirm_push=self.confirm_push,
            )
        return ReplyCreate(text=self.text, confirm_push=self.confirm_push)


async def reply(api: AuthenticatedClient, conversation_id: UUID, answer: Answer) -> MessageRead:
    body = answer.body()
    sent = await conversations_replies.asyncio_detailed(conversation_id, client=api, body=body)
    return parsed(sent, MessageRead)


async def saved_replies(api: AuthenticatedClient) -> list[SavedReplyRead]:
    """The town's saved replies, by title (each with its text in some of ja, ko, en)."""
    found: list[SavedReplyRead] = parsed(
        await inbox_templates_list.asyncio_detailed(client=api), list
    )
    return found


def given(value: object) -> object:
    """A field the API may leave out, as None when it did."""
    return None if isinstance(value, Unset) else value


MODERATORS = frozenset({"admin", "editor"})  # kit.policy.MODERATORS
MODERATION = {
    "hide": conversation_message_hide.asyncio_detailed,
    "unhide": conversation_message_unhide.asyncio_detailed,
    "delete": conversation_message_delete.asyncio_detailed,
}


def moderates(me: MeRead, conversation: ConversationDetail) -> bool:
    """Whether `me` may hide or delete the citizen's comments of `conversation` (Facebook and
    Instagram comment threads; the API refuses anything else)."""
    return (
        bool(MODERATORS & set(me.roles))
        and conversation.kind == "comment"
        and conversation.platform in ("facebook_page", "instagram")
    )


async def moderate(
    api: AuthenticatedClient, conversation_id: UUID, message_id: UUID, action: str
) -> MessageRead:
    """Hide, show again or delete a citizen's comment on the platform (called once; audited)."""
    answer = await MODERATION[action](conversation_id, message_id, client=api)
    return parsed(answer, MessageRead)


async def groups(api: AuthenticatedClient) -> list[GroupRead]:
    """The town's groups of staff, by name."""
    found: list[GroupRead] = parsed(await inbox_groups_list.asyncio_detailed(client=api), list)
    return found


async def approve(api: AuthenticatedClient, conversation_id: UUID, message_id: UUID) -> None:
    """Let a held public reply go out (the worker sends it once)."""
    answer = await conversations_reply_approve.asyncio_detailed(
        conversation_id, message_id, client=api
    )
    parsed(answer, MessageRead)


async def reject(
    api: AuthenticatedClient, conversation_id: UUID, message_id: UUID, reason: str
) -> None:
    """Send a held public reply back to its author with the reason; it is never sent."""
    body = ReplyRejection(reason=reason)
    answer = await conversations_reply_reject.asyncio_detailed(
        conversation_id, message_id, client=api, body=body
    )
    parsed(answer, MessageRead)
