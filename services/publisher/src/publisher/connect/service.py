"""Connect flows: authorization code with PKCE and state, then channels with sealed tokens.
Each platform's endpoints and code exchange are its `oauth` part in the platform registry.

Mastodon: Machi registers itself once per instance (`mastodon_apps`) and every channel on that
instance reuses the registration (docs.joinmastodon.org/client/token: apps are per instance).
The instance is a user-supplied URL: it is checked and called through `kit.outbound`, and what
it answers reaches the admin as its status only (hole 2 of issue 12).

Whoever posts connects accounts: an admin the town's and shops', anyone else only their own
(`owner_kind` staff, `owner_user` themselves, the approval policy the town's, not theirs to
choose). A connection is finished by whoever started it.

The state is stored hashed, the PKCE verifier sealed; a callback whose state is unknown, used,
expired, for another platform, or started by someone else is refused. Never commits.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import InvalidInput
from kit.outbound import OutboundPolicy
from kit.secrets import Sealer
from publisher.channels import service as channels
from publisher.connect import repository
from publisher.connect.schemas import ConnectResult, ConnectStart, ConnectStarted, PageSelection
from publisher.errors import NotYourAccount, OAuthFailed, OAuthStateInvalid, PlatformUnavailable
from publisher.models import Channel, MastodonApp, OAuthState
from publisher.platforms import registry
from publisher.platforms.mastodon.instance import instance_origin
from publisher.platforms.oauth import Account, Grant, OAuth, authorization_url, redirect_uri
from publisher.settings import PublisherSettings

STATE_TTL = timedelta(minutes=15)


def _hash(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()


def _challenge(verifier: str) -> str:
    """RFC 7636 S256 code challenge."""
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _unreachable_instance() -> OAuthFailed:
    # One answer whatever went wrong (closed port, no HTTP, no JSON): nothing to probe with.
    return OAuthFailed("the instance could not be reached, or did not answer as Mastodon does")


async def start(
    session: AsyncSession,
    settings: PublisherSettings,
    vault: Sealer,
    instances: httpx.AsyncClient,
    policy: OutboundPolicy,
    who: InternalPrincipal,
    platform: str,
    data: ConnectStart,
) -> ConnectStarted:
    """Begin a connect flow: the URL the admin's browser opens (`instances`: the guarded
    client of user-supplied instance URLs)."""
    data = _owned(who, data)
    if data.owner_kind == "staff" and not data.owner_user:
        raise InvalidInput("a staff channel names its owner_user")
    oauth = _oauth(platform)
    state = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    sealed: dict[str, object] = {"verifier": verifier, "owner_user": data.owner_user}
    client_id = None
    if oauth.register is not None:
        if not data.instance_url:
            raise InvalidInput("a Mastodon connection names its instance_url")
        instance = await instance_origin(data.instance_url, policy, settings.mastodon_scheme)
        try:
            app = await _mastodon_app(session, settings, vault, instances, oauth, instance)
        except (httpx.HTTPError, KeyError, TypeError) as exc:
            raise _unreachable_instance() from exc
        sealed |= {"app": app, "instance_url": instance}
        client_id = app["client_id"]
    row = OAuthState(
        id=uuid.uuid4(),
        platform=platform,
        state_hash=_hash(state),
        sealed=vault.seal(sealed),
        created_by=who.actor,
        owner_kind=data.owner_kind,
        approval_policy=data.approval_policy,
        expires_at=datetime.now(UTC) + STATE_TTL,
        stage="authorize",
        choices=[],
    )
    session.add(row)
    await session.flush()
    url = authorization_url(
        settings,
        platform,
        oauth,
        state=state,
        challenge=_challenge(verifier),
        client_id=client_id,
        instance_url=str(sealed.get("instance_url", "")),
    )
    return ConnectStarted(connection_id=row.id, authorization_url=url)


def _owned(who: InternalPrincipal, data: ConnectStart) -> ConnectStart:
    """What `who` may connect: an admin anything; anyone else their own account only, under
    the approval policy an admin or the town's playbook sets."""
    if who.has_role(*policy.ADMINS):
        return data
    kind = data.owner_kind if "owner_kind" in data.model_fields_set else "staff"
    if kind != "staff" or data.owner_user not in (None, who.sub):
        raise NotYourAccount("you connect your own accounts (owner_kind staff) only")
    owned = {"owner_kind": "staff", "owner_user": who.sub, "approval_policy": "editor"}
    return data.model_copy(update=owned)


async def _mastodon_app(
    session: AsyncSession,
    settings: PublisherSettings,
    vault: Sealer,
    http: httpx.AsyncClient,
    oauth: OAuth,
    instance: str,
) -> dict[str, str]:
    """Machi's registration on `instance`: registered once, reused by every channel there
    (its client secret sealed at rest)."""
    assert oauth.register is not None
    redirect = redirect_uri(settings, "mastodon")
    known = await repository.mastodon_app(session, instance)
    if known is None or known.redirect_uri != redirect:
        registered = await oauth.register(http, settings, instance)
        made = MastodonApp(
            instance_url=instance,
            client_id=registered["client_id"],
            client_secret=vault.seal({"client_secret": registered["client_secret"]}),
            redirect_uri=redirect,
        )
        if known is not None:  # the callback moved: the old registration cannot be used
            known.client_id, known.client_secret = made.client_id, made.client_secret
            known.redirect_uri = redirect
        else:
            known = await repository.keep_mastodon_app(session, made)
    secret = str(vault.open(known.client_secret)["client_secret"])
    return {"client_id": known.client_id, "client_secret": secret}


async def callback(
    session: AsyncSession,
    settings: PublisherSettings,
    vault: Sealer,
    http: httpx.AsyncClient,
    instances: httpx.AsyncClient,
    who: InternalPrincipal,
    platform: str,
    code: str,
    state: str,
) -> ConnectResult:
    """Finish the grant: channels at once, or the Pages to choose from (`http` calls the
    platforms the operator configured, `instances` the guarded user-supplied instances)."""
    row = await repository.by_state_hash(session, _hash(state))
    if row is not None and row.created_by != who.actor:
        row = None  # someone else's connection reads as unknown: nothing to probe with
    if row is None or row.platform != platform or row.stage != "authorize":
        raise OAuthStateInvalid("this authorization was not started here, or was used")
    if row.expires_at < datetime.now(UTC):
        raise OAuthStateInvalid("this authorization expired: start again")
    sealed = vault.open(row.sealed)
    verifier = str(sealed["verifier"])
    oauth = _oauth(platform)
    if oauth.register is not None:
        try:
            [account] = await oauth.finish(Grant(instances, settings, code, verifier, sealed))
        except (httpx.HTTPError, KeyError, TypeError) as exc:
            raise _unreachable_instance() from exc
        return await _done(session, vault, row, sealed, account)
    try:
        accounts = await oauth.finish(Grant(http, settings, code, verifier, sealed))
        if not oauth.choose:
            return await _done(session, vault, row, sealed, accounts[0])
    except httpx.HTTPError as exc:
        raise PlatformUnavailable(f"{platform} could not be reached") from exc
    row.sealed = vault.seal({**sealed, "accounts": [a.__dict__ for a in accounts]})
    row.choices = [{"id": a.external_id, "name": a.name} for a in accounts]
    row.stage = "select"
    return ConnectResult(connection_id=row.id, stage="select", choices=row.choices)


def _oauth(platform: str) -> OAuth:
    oauth = registry.get(platform).oauth
    if oauth is None:  # the route's platform is one of `OAuthPlatform`, each with a flow
        raise OAuthStateInvalid(f"{platform} has no connect flow")
    return oauth


async def _done(
    session: AsyncSession,
    vault: Sealer,
    row: OAuthState,
    sealed: dict[str, Any],
    account: Account,
) -> ConnectResult:
    made = await _channel(session, vault, row, sealed, account)
    row.stage = "done"
    return ConnectResult(connection_id=row.id, stage="done", channels=[channels.read(made)])


async def select(
    session: AsyncSession,
    vault: Sealer,
    who: InternalPrincipal,
    platform: str,
    data: PageSelection,
) -> ConnectResult:
    """Make channels of the Pages (or Instagram accounts) the admin picked."""
    row = await repository.get(session, data.connection_id)
    if row is not None and row.created_by != who.actor:
        row = None
    if row is None or row.platform != platform or row.stage != "select":
        raise OAuthStateInvalid("no page choice is pending for this connection")
    sealed = vault.open(row.sealed)
    offered = {a["external_id"]: Account(**a) for a in sealed.get("accounts", [])}
    unknown = [i for i in data.ids if i not in offered]
    if unknown:
        raise InvalidInput(f"not offered by this connection: {', '.join(unknown)}")
    made = [await _channel(session, vault, row, sealed, offered[i]) for i in data.ids]
    row.stage = "done"
    row.sealed = vault.seal({})  # the unchosen pages' tokens are not kept
    return ConnectResult(
        connection_id=row.id, stage="done", channels=[channels.read(c) for c in made]
    )


async def _channel(
    session: AsyncSession,
    vault: Sealer,
    row: OAuthState,
    sealed: dict[str, object],
    account: Account,
) -> Channel:
    owner_user = sealed.get("owner_user")
    return await channels.add(
        session,
        vault,
        secrets=account.secrets,
        platform=row.platform,
        name=account.name,
        owner_kind=row.owner_kind,
        owner_user=str(owner_user) if owner_user else None,
        external_id=account.external_id,
        approval_policy=row.approval_policy,
        config=account.config,
        scopes=account.scopes,
        token_expires_at=account.expires_at,
    )
