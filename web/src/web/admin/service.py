"""The admin pages' calls to the gateway through the typed client: the town's users,
invitations and API keys."""

from __future__ import annotations

from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.api_keys import api_keys_create, api_keys_delete, api_keys_list
from machi_client.api.invitations import invitations_create
from machi_client.api.users import users_deactivate, users_list, users_reactivate, users_update
from machi_client.models import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyCreateRolesItem,
    ApiKeyCreateScopesItem,
    ApiKeyRead,
    InvitationCreate,
    InvitationCreated,
    InvitationCreateRolesItem,
    PageApiKeyRead,
    PageUserRead,
    UserRead,
    UserUpdate,
    UserUpdateRolesType0Item,
)
from web.gateway import parsed, succeeded
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
