"""The account's calls to the gateway through the typed client: password reset, invitations."""

from __future__ import annotations

from machi_client import Client
from machi_client.api.auth import auth_password_reset, auth_password_reset_confirm
from machi_client.api.invitations import invitations_accept
from machi_client.models import (
    InvitationAccept,
    PasswordResetConfirm,
    PasswordResetRequest,
    UserRead,
)
from web.gateway import parsed, succeeded


async def request_reset(api: Client, email: str) -> None:
    """Ask for a reset code by mail (the answer is the same whether the email exists or not)."""
    body = PasswordResetRequest(email=email)
    succeeded(await auth_password_reset.asyncio_detailed(client=api, body=body))


async def confirm_reset(api: Client, code: str, new_password: str) -> None:
    """Spend the mailed code on a new password (every session of the account ends)."""
    body = PasswordResetConfirm(token=code, new_password=new_password)
    succeeded(await auth_password_reset_confirm.asyncio_detailed(client=api, body=body))


async def accept_invitation(api: Client, code: str, password: str) -> UserRead:
    """Become the invited user, with the chosen password."""
    body = InvitationAccept(password=password)
    answer = await invitations_accept.asyncio_detailed(code, client=api, body=body)
    return parsed(answer, UserRead)
