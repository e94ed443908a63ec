"""The account's calls to the gateway through the typed client: password reset, invitations,
the password, the second factor and the sessions of the signed-in user."""

from __future__ import annotations

import segno

from machi_client import AuthenticatedClient, Client
from machi_client.api.auth import (
    auth_logout_all,
    auth_password_reset,
    auth_password_reset_confirm,
    me_password_change,
    me_totp_confirm,
    me_totp_disable,
    me_totp_enrol,
    me_update,
)
from machi_client.api.invitations import invitations_accept
from machi_client.models import (
    InvitationAccept,
    MeRead,
    MeUpdate,
    MeUpdateLanguageType0,
    PasswordChange,
    PasswordResetConfirm,
    PasswordResetRequest,
    TotpCode,
    TotpConfirmed,
    TotpDisable,
    TotpEnrolment,
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


async def change_password(api: AuthenticatedClient, current: str, new: str) -> None:
    """A new password (the gateway ends every login of the account, this one too)."""
    body = PasswordChange(current_password=current, new_password=new)
    succeeded(await me_password_change.asyncio_detailed(client=api, body=body))


async def enrol_totp(api: AuthenticatedClient) -> TotpEnrolment:
    """A new TOTP secret, not in force until a code from it is confirmed."""
    return parsed(await me_totp_enrol.asyncio_detailed(client=api), TotpEnrolment)


async def confirm_totp(api: AuthenticatedClient, code: str) -> list[str]:
    """Turn the second factor on with a code from the app; the recovery codes, shown once."""
    body = TotpCode(code=code)
    answer = await me_totp_confirm.asyncio_detailed(client=api, body=body)
    return list(parsed(answer, TotpConfirmed).recovery_codes)


async def disable_totp(api: AuthenticatedClient, code: str, password: str) -> None:
    """Turn the second factor off, proved by a current code or the password."""
    body = TotpDisable(code=code or None, password=password or None)
    succeeded(await me_totp_disable.asyncio_detailed(client=api, body=body))


async def log_out_everywhere(api: AuthenticatedClient) -> None:
    """End every login of the account, on every device."""
    succeeded(await auth_logout_all.asyncio_detailed(client=api))


def qr_svg(uri: str) -> str:
    """The otpauth URI as an inline SVG QR code (no script, no request for an image)."""
    return str(segno.make(uri, error="m").svg_inline(scale=4, title="otpauth"))


async def save_language(api: AuthenticatedClient, language: str | None) -> None:
    """Keep the console's language in the account (None: the browser's, again)."""
    chosen = MeUpdateLanguageType0(language) if language else None
    parsed(await me_update.asyncio_detailed(client=api, body=MeUpdate(language=chosen)), MeRead)
