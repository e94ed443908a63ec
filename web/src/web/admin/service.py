"""The admin pages' calls to the gateway through the typed client: the town's users,
invitations, API keys and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from machi_client import AuthenticatedClient
from machi_client.api.api_keys import api_keys_create, api_keys_delete, api_keys_list
from machi_client.api.audit import audit_csv_list, audit_list
from machi_client.api.invitations import invitations_create
from machi_client.api.users import users_deactivate, users_list, users_reactivate, users_update
from machi_client.models import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyCreateRolesItem,
    ApiKeyCreateScopesItem,
    ApiKeyRead,
    AuditEventRead,
    InvitationCreate,
    InvitationCreated,
    InvitationCreateRolesItem,
    PageApiKeyRead,
    PageAuditEventRead,
    PageUserRead,
    UserRead,
    UserUpdate,
    UserUpdateRolesType0Item,
)
from machi_client.types import UNSET
from web.gateway import ApiError, parsed, succeeded
from web.i18n import N_

# The roles a town's admin gives (the platform's operator is no town's), in the menu's order.
ROLES = (
    N_("admin"),
    N_("editor"),
    N_("writer"),
    N_("photographer"),
    N_("staff"),
    N_("producer"),
    N_("analyst"),
)


def chosen_roles(values: list[str]) -> list[str]:
    """The form's roles that are roles, in the menu's order."""
    return [role for role in ROLES if role in values]


async def users(api: AuthenticatedClient) -> list[UserRead]:
    """The town's users (the gateway answers 403 to a role that may not list them)."""
    page = parsed(await users_list.asyncio_detailed(client=api, limit=200), PageUserRead)
    return [u for u in page.items if u.status != "deleted"]


async def invite(api: AuthenticatedClient, email: str, roles: list[str]) -> InvitationCreated:
    """Invite someone with these roles; the answer carries the code the mail carries."""
    body = InvitationCreate(email=email, roles=[InvitationCreateRolesItem(r) for r in roles])
    return parsed(
        await invitations_create.asyncio_detailed(client=api, body=body), InvitationCreated
    )


async def set_roles(api: AuthenticatedClient, user_id: UUID, roles: list[str]) -> UserRead:
    body = UserUpdate(roles=[UserUpdateRolesType0Item(r) for r in roles])
    answer = await users_update.asyncio_detailed(user_id, client=api, body=body)
    return parsed(answer, UserRead)


async def deactivate(api: AuthenticatedClient, user_id: UUID) -> UserRead:
    """The user can no longer sign in (their logins end); reactivation undoes it."""
    return parsed(await users_deactivate.asyncio_detailed(user_id, client=api), UserRead)


async def reactivate(api: AuthenticatedClient, user_id: UUID) -> UserRead:
    return parsed(await users_reactivate.asyncio_detailed(user_id, client=api), UserRead)


# What a key may reach: everything, or one service's reading or writing.
SCOPES = tuple(item.value for item in ApiKeyCreateScopesItem)


async def api_keys(api: AuthenticatedClient) -> list[ApiKeyRead]:
    """The town's API keys, revoked ones too (never their secrets)."""
    page = parsed(await api_keys_list.asyncio_detailed(client=api, limit=200), PageApiKeyRead)
    return list(page.items)


async def create_api_key(
    api: AuthenticatedClient, name: str, roles: list[str], scopes: list[str]
) -> ApiKeyCreated:
    """A new key; its secret is in this answer only."""
    body = ApiKeyCreate(
        name=name,
        roles=[ApiKeyCreateRolesItem(r) for r in roles],
        scopes=[ApiKeyCreateScopesItem(s) for s in scopes],
    )
    return parsed(await api_keys_create.asyncio_detailed(client=api, body=body), ApiKeyCreated)


async def revoke_api_key(api: AuthenticatedClient, key_id: UUID) -> None:
    """The key stops working at once."""
    succeeded(await api_keys_delete.asyncio_detailed(key_id, client=api))


@dataclass(frozen=True)
class AuditFilter:
    """The audit page's filters as typed (days in the town's timezone; blank: any)."""

    action: str = ""
    actor: str = ""
    target: str = ""
    since: str = ""
    until: str = ""

    def moments(self, timezone: str) -> tuple[datetime | None, datetime | None]:
        """The first and the last day as the start of the first and the end of the last;
        a day that is not a date is an error in words."""
        zone = ZoneInfo(timezone)
        try:
            first = date.fromisoformat(self.since) if self.since else None
            last = date.fromisoformat(self.until) if self.until else None
        except ValueError as exc:
            raise ApiError(422, "Write days as YYYY-MM-DD") from exc
        since = datetime.combine(first, time(), zone) if first else None
        until = datetime.combine(last + timedelta(days=1), time(), zone) if last else None
        return since, until

    def query(self) -> dict[str, str]:
        """The filters as a query string's fields, for the next page and the CSV link."""
        return {k: v for k, v in self.__dict__.items() if v}


async def audit(
    api: AuthenticatedClient, found: AuditFilter, timezone: str, cursor: str = ""
) -> tuple[list[AuditEventRead], str | None]:
    """One page of the audit log, newest first, and the cursor of the next."""
    since, until = found.moments(timezone)
    answer = await audit_list.asyncio_detailed(
        client=api,
        limit=50,
        cursor=cursor or UNSET,
        action=found.action or UNSET,
        actor=found.actor or UNSET,
        target=found.target or UNSET,
        since=since or UNSET,
        until=until or UNSET,
    )
    page = parsed(answer, PageAuditEventRead)
    following = page.next_cursor if isinstance(page.next_cursor, str) else None
    return list(page.items), following


async def audit_csv(api: AuthenticatedClient, found: AuditFilter, timezone: str) -> bytes:
    """The filtered audit log as the API writes it in CSV."""
    since, until = found.moments(timezone)
    answer = await audit_csv_list.asyncio_detailed(
        client=api,
        action=found.action or UNSET,
        actor=found.actor or UNSET,
        target=found.target or UNSET,
        since=since or UNSET,
        until=until or UNSET,
    )
    succeeded(answer)
    return answer.content
