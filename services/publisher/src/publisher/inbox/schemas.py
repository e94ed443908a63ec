"""HTTP DTOs of the inbox. Secrets go in, never out."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["open", "waiting", "closed"]
Priority = Literal["low", "normal", "high", "urgent"]
Language = Literal["ja", "ko", "en"]  # the console's languages, and the saved replies'


class WebhookAccepted(BaseModel):
    """What the platform is told: how many of its events were new."""

    received: int
    duplicates: int


class MessageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    direction: Literal["in", "out", "note"]
    text: str
    attachments: list[dict[str, Any]]
    author_id: str | None
    platform_message_id: str | None
    parent_ref: str | None
    sent_at: datetime
    removed: bool
    reply_token_expires_at: datetime | None = Field(
        default=None, description="LINE: until when a reply is free (after it, a counted push)."
    )
    state: (
        Literal[
            "awaiting_approval", "rejected", "pending", "sending", "sent", "failed", "unconfirmed"
        ]
        | None
    ) = Field(
        default=None,
        description="A staff reply's sending state; `unconfirmed`: it may have reached the"
        " platform, so it is never sent again by itself (check the thread on the platform);"
        " `awaiting_approval`: a public reply held for an editor, then `pending` or"
        " `rejected`.",
    )
    reviewed_by: str | None = Field(
        default=None, description="The editor who approved or rejected the reply."
    )
    review_comment: str | None = Field(default=None, description="Why it was rejected.")
    via: Literal["comment", "mention", "message", "reply", "push"] | None = None
    error: str | None = None
    template_id: uuid.UUID | None = Field(
        default=None, description="The saved reply it was sent from."
    )
    hidden: bool = Field(
        default=False, description="A citizen's comment hidden on the platform by staff."
    )
    moderated_by: str | None = Field(
        default=None, description="Who last hid, unhid or deleted the comment."
    )
    moderated_at: datetime | None = None


class ConversationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    kind: Literal["comment", "message"]
    post_ref: str = Field(description="The platform's id of the post a comment thread is on.")
    author_id: str = Field(description="The citizen's id, scoped to the channel's account.")
    author_name: str | None
    status: Status
    assignee: str | None = Field(description="The user (`/v1/me` id) answering it.")
    group_id: uuid.UUID | None = Field(
        default=None, description="The group (`/v1/settings/inbox/groups`) it was given to."
    )
    language: Language | None = Field(
        default=None, description="The language of the citizen's first words, by their script."
    )
    priority: Priority
    tags: list[str]
    last_message_at: datetime
    window_closes_at: datetime | None = Field(
        description="Messenger and Instagram: a standard reply is allowed until then."
    )
    created_at: datetime
    updated_at: datetime
    excerpt: str | None = Field(
        default=None,
        description="The start of the newest message still on the platform, either direction"
        " (notes left out), for lists.",
    )


class ConversationPost(BaseModel):
    """The town's post a comment thread is on, when Machi published it there."""

    post_id: uuid.UUID
    text: str = Field(description="The start of the post's text.")
    permalink: str | None
    photo_url: str | None = Field(description="The post's first picture, if it had one.")


class ConversationDetail(ConversationRead):
    messages: list[MessageRead] = Field(description="Both directions and staff notes, in order.")
    post: ConversationPost | None = Field(
        default=None, description="The town's post the comments are on (none for messages)."
    )


class ConversationCounts(BaseModel):
    """Open conversations the caller would answer: for the console's menu, in one call."""

    open_mine: int = Field(description="Open and assigned to the caller.")
    open_unassigned: int = Field(description="Open and given to nobody: no assignee, no group.")
    open_my_groups: int = Field(
        default=0, description="Open and given to one of the caller's groups."
    )
    awaiting_approval: int = Field(
        default=0,
        description="Public replies waiting for an editor (counted for editors and admins).",
    )


class ConversationUpdate(BaseModel):
    """Fields left out stay as they are; `assignee: null` unassigns, `group_id: null` takes it
    from its group. A `group_id` sent without `assignee` gives it to that group's next member
    in turn."""

    status: Status | None = None
    assignee: str | None = Field(default=None, min_length=1, max_length=200)
    group_id: uuid.UUID | None = None
    priority: Priority | None = None
    tags: list[str] | None = Field(default=None, max_length=20)

    def clean_tags(self) -> list[str] | None:
        if self.tags is None:
            return None
        return sorted({t.strip()[:50] for t in self.tags if t.strip()})


class ReplyCreate(BaseModel):
    """The answer's words: `text`, or a saved reply (`template_id`) in `language`."""

    text: str | None = Field(default=None, min_length=1, max_length=2000)
    template_id: uuid.UUID | None = Field(
        default=None, description="A saved reply (`/v1/settings/inbox/templates`) to send."
    )
    language: Language | None = Field(
        default=None,
        description="Which of the template's bodies to send; left out: the conversation's"
        " `language` when the template has it, else its only body.",
    )
    confirm_push: bool = Field(
        default=False,
        description="LINE: once the citizen's reply token has expired, the answer can only be a"
        " push message, counted against the account's monthly quota; send `true` to accept.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> ReplyCreate:
        if (self.text is None) == (self.template_id is None):
            raise ValueError("send either `text` or `template_id`")
        if self.language is not None and self.template_id is None:
            raise ValueError("`language` chooses a template's body: send `template_id` too")
        return self


class ReplyRejection(BaseModel):
    reason: str = Field(min_length=1, max_length=1000, description="Told to the reply's author.")


class NoteCreate(BaseModel):
    text: str = Field(min_length=1, max_length=5000)


class InboxSettingsRead(BaseModel):
    meta_app_secret_set: bool = Field(description="The town's own Meta app secret is stored.")
    meta_verify_token_set: bool
    deployment_app_secret: bool = Field(
        description="PUBLISHER_FACEBOOK_APP_SECRET is set: used when the town has none."
    )
    retention_days: int = Field(description="Citizens' messages older than this are deleted.")
    public_replies_need_approval: bool = Field(
        default=False,
        description="A public reply (on a comment thread) by a writer or staff member waits"
        " for an editor's approval before it goes out; private messages never wait.",
    )


class InboxSettingsUpdate(BaseModel):
    """Write-only secrets, sealed on arrival; a field left out keeps its value."""

    meta_app_secret: str | None = Field(default=None, min_length=8, max_length=200)
    meta_verify_token: str | None = Field(
        default=None,
        min_length=8,
        max_length=200,
        description="What the Meta app dashboard sends as `hub.verify_token`.",
    )
    retention_days: int | None = Field(default=None, ge=1, le=3650)
    public_replies_need_approval: bool | None = None


class ErasureRequest(BaseModel):
    """A citizen's request to erase their data (APPI): every thread of theirs on a channel."""

    channel_id: uuid.UUID
    author_id: str = Field(min_length=1, max_length=200, description="Their id on the channel.")


class ErasureResult(BaseModel):
    conversations: int = Field(description="Threads kept, anonymised, for the counts.")
    messages: int = Field(description="Messages deleted.")


class RuleCreate(BaseModel):
    """Give new conversations on a channel, whose first message holds a keyword (case ignored)
    or is in a language, to a staff member (`assignee`) or to a group (`group_id`: its members
    in turn); rules are tried in `position` order, the first match wins."""

    position: int = Field(default=100, ge=0, le=10_000)
    channel_id: uuid.UUID | None = None
    keyword: str | None = Field(default=None, min_length=1, max_length=100)
    language: Language | None = Field(
        default=None, description="The citizen's first words' language, told by their script."
    )
    assignee: str | None = Field(
        default=None, min_length=1, max_length=200, description="A user id (`/v1/me`)."
    )
    group_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _one_target(self) -> RuleCreate:
        if (self.assignee is None) == (self.group_id is None):
            raise ValueError("give the conversations to `assignee` or to `group_id`")
        return self


class RuleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    position: int
    channel_id: uuid.UUID | None
    keyword: str | None
    language: Language | None = None
    assignee: str | None
    group_id: uuid.UUID | None = None
    created_at: datetime


SavedReplyText = Annotated[str, Field(min_length=1, max_length=2000)]


class SavedReplyBodies(BaseModel):
    """A saved reply's words per language; at least one."""

    model_config = ConfigDict(extra="forbid")

    ja: SavedReplyText | None = None
    ko: SavedReplyText | None = None
    en: SavedReplyText | None = None

    @model_validator(mode="after")
    def _some(self) -> SavedReplyBodies:
        if not self.present():
            raise ValueError("give the reply's text in at least one of ja, ko, en")
        return self

    def present(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class SavedReplyCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200, description="What the staff pick it by.")
    bodies: SavedReplyBodies


class SavedReplyUpdate(BaseModel):
    """Fields left out stay; `bodies` replaces every language's text at once."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    bodies: SavedReplyBodies | None = None


class SavedReplyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    bodies: dict[Language, str] = Field(description="The reply's text per language it has.")
    created_at: datetime
    updated_at: datetime


class GroupCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="Unique in the town.")
    members: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=200,
        description="User ids (`/v1/users`), in the order conversations go round.",
    )

    def member_ids(self) -> list[str]:
        return list(dict.fromkeys(str(m) for m in self.members))


class GroupUpdate(BaseModel):
    """Fields left out stay; `members` replaces the whole list."""

    name: str | None = Field(default=None, min_length=1, max_length=100)
    members: list[uuid.UUID] | None = Field(default=None, max_length=200)

    def member_ids(self) -> list[str] | None:
        if self.members is None:
            return None
        return list(dict.fromkeys(str(m) for m in self.members))


class GroupRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    members: list[str] = Field(description="User ids, in turn order.")
    created_at: datetime
    updated_at: datetime
