"""The audit log: every admin and publishing action, recorded append-only at the only door.

Why at the gateway: every client request passes it, authenticated, with one request id and one
resolved client address, so one recorder sees the gateway's own actions (logins, users, keys,
invitations, tenants, plans) and every write it forwards, without each service learning to
audit. Two ways in:

- the gateway's own actions call `record` (or `login_attempt`) in the transaction of the change,
  so a record exists exactly when the change committed;
- forwarded operations listed in `kit.policy.AUDITED` go through `forwarded`, which records the
  action, the path parameters as target and the service's answer status (a refusal is recorded
  too: a denied approval is worth knowing) in a transaction of its own once the service answered.
  A settings write also reads the settings before and after it with a GET of the operation's
  `snapshot` path as the caller (not the PUT's answer body: the answer streams to the client,
  and a GET after shows what the service kept).

Secret-named fields of `before` and `after` are masked with the log redaction (`kit.logs`).
Records are never changed: migration 0004 refuses UPDATE and DELETE except the jobs role's
retention purge (`purge_job`, `AUDIT_RETENTION_DAYS`).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.audit import repository
from gateway.audit.models import AuditEvent
from gateway.audit.repository import Filters
from gateway.audit.schemas import COLUMNS
from gateway.errors import TenantNotFound
from gateway.upstream import ServiceCaller, Unavailable
from gateway.users import repository as users_repo
from kit import csvout, policy
from kit.auth import InternalPrincipal
from kit.db import Database
from kit.errors import Forbidden, ProblemError
from kit.jobs import Job
from kit.logs import redact_value, request_id_var
from kit.pagination import MAX_LIMIT

log = logging.getLogger(__name__)

LOGIN = "auth.login"
LOGIN_FAILED = "auth.login_failed"
ANONYMOUS = "anonymous"
PURGE_SECONDS = 3600.0
CSV_BATCH = MAX_LIMIT


@dataclass(frozen=True)
class Origin:
    """Where the current request came from, as the gateway resolved it."""

    ip: str = ""
    method: str = ""
    path: str = ""


# Set per request by `gateway.audit.api.remember_origin`, so a hook is one call.
origin_var: ContextVar[Origin | None] = ContextVar("audit_origin", default=None)
NOWHERE = Origin()


def _event(
    actor: str,
    action: str,
    target: str,
    tenant_id: uuid.UUID | None,
    *,
    status: int | None = None,
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    origin = origin_var.get() or NOWHERE
    return AuditEvent(
        actor=actor[:100],
        action=action,
        target=target,
        tenant_id=tenant_id,
        status=status,
        ip=origin.ip[:64],
        request_id=(request_id_var.get() or "")[:128],
        method=origin.method,
        path=origin.path,
        before=_redacted(before),
        after=_redacted(after),
    )


def _redacted(document: Any) -> Any:
    if document is None:
        return None
    if isinstance(document, BaseModel):
        document = document.model_dump(mode="json")
    # Through JSON first: models, UUIDs and datetimes become what a reader sees.
    return redact_value(json.loads(json.dumps(document, default=str)))


async def record(
    session: AsyncSession,
    who: InternalPrincipal | str,
    action: str,
    target: str,
    *,
    tenant_id: uuid.UUID | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Record one of the gateway's own actions, in the transaction of the change, by `who` (a
    caller, or an actor name). The record's tenant is `tenant_id` (the town acted on), else the
    caller's."""
    actor = who if isinstance(who, str) else who.actor
    if tenant_id is None and not isinstance(who, str):
        tenant_id = who.tenant_id
    event = _event(actor, action, target, tenant_id, before=before, after=after)
    await repository.add(session, event)


async def login_attempt(session: AsyncSession, email: str, succeeded: bool) -> None:
    """Record a login, or a failed one (never the password): the account, when the email is
    one, is the target and its town the tenant."""
    user = await users_repo.get_user_by_email(session, email)
    target = f"user:{user.id}" if user is not None else f"email:{email}"
    actor = f"user:{user.id}" if succeeded and user is not None else ANONYMOUS
    tenant_id = user.tenant_id if user is not None else None
    action = LOGIN if succeeded else LOGIN_FAILED
    await repository.add(session, _event(actor, action, target, tenant_id))


# --- forwarded operations ------------------------------------------------------------------


def _parameters(template: str, path: str) -> dict[str, str]:
    names = template.strip("/").split("/")
    values = path.strip("/").split("/")
    return {n[1:-1]: v for n, v in zip(names, values, strict=False) if n.startswith("{")}


def _target(parameters: dict[str, str], path: str, response: Response | None) -> str:
    if parameters:
        return ",".join(f"{name.removesuffix('_id')}:{v}" for name, v in parameters.items())
    location = response.headers.get("location") if response is not None else None
    return location or path


async def _snapshot(
    services: ServiceCaller, service: str, path: str, who: InternalPrincipal
) -> Any:
    read = await services.call(service, "GET", path, who)
    return None if isinstance(read, Unavailable) else read


async def forwarded(
    db: Database,
    services: ServiceCaller,
    who: InternalPrincipal,
    service: str,
    send: Callable[[], Awaitable[Response]],
) -> Response:
    """`send()` the forwarded request, recording it when `kit.policy.AUDITED` lists it."""
    origin = origin_var.get() or NOWHERE
    template = policy.template_of(service, origin.method, origin.path)
    audited = policy.AUDITED.get((origin.method, template)) if template else None
    if audited is None or template is None:
        return await send()
    parameters = _parameters(template, origin.path)
    snapshot = audited.snapshot.format(**parameters) if audited.snapshot else None
    before = await _snapshot(services, service, snapshot, who) if snapshot else None
    try:
        response = await send()
    except ProblemError as exc:
        await _keep(db, who, audited.action, _target(parameters, origin.path, None), exc.status)
        raise
    after = None
    if snapshot and 200 <= response.status_code < 300:
        after = await _snapshot(services, service, snapshot, who)
    target = _target(parameters, origin.path, response)
    await _keep(db, who, audited.action, target, response.status_code, before, after)
    return response


async def _keep(
    db: Database,
    who: InternalPrincipal,
    action: str,
    target: str,
    status: int,
    before: Any = None,
    after: Any = None,
) -> None:
    """Record a forwarded operation in a transaction of its own. The service has acted either
    way, so a failure to record is logged loudly rather than turned into an error answer."""
    event = _event(
        who.actor, action, target, who.tenant_id, status=status, before=before, after=after
    )
    try:
        async with db.transaction() as session:
            await repository.add(session, event)
    except Exception:
        log.exception("audit record lost", extra={"action": action, "target": target})


# --- reading -------------------------------------------------------------------------------


def filters_for(
    caller: InternalPrincipal,
    tenant_id: uuid.UUID | None,
    **given: Any,
) -> Filters:
    """What `caller` may read: the operator every town (or the one asked), an admin their own."""
    if caller.has_role(policy.OPERATOR):
        return Filters(tenant_id, every_tenant=tenant_id is None, **given)
    if caller.tenant_id is None or not caller.has_role(policy.ADMIN):
        raise Forbidden("needs the admin role in a tenant, or the operator's")
    if tenant_id not in (None, caller.tenant_id):
        raise TenantNotFound(f"no tenant {tenant_id}")
    return Filters(caller.tenant_id, **given)


async def page(
    session: AsyncSession, filters: Filters, *, cursor: str | None, limit: int
) -> tuple[list[AuditEvent], str | None]:
    """One page of records, newest first."""
    return await repository.page(session, filters, cursor=cursor, limit=limit)


def _row(event: AuditEvent) -> dict[str, Any]:
    row: dict[str, Any] = {column: getattr(event, column) for column in COLUMNS}
    row["created_at"] = event.created_at.isoformat()
    for column in ("before", "after"):
        if row[column] is not None:
            row[column] = json.dumps(row[column], ensure_ascii=False, sort_keys=True)
    return row


async def csv_lines(db: Database, filters: Filters) -> AsyncIterator[str]:
    """Every matching record as CSV (`kit.csvout`), newest first, read page by page."""
    cursor: str | None = None
    first = True
    while True:
        async with db.transaction() as session:
            events, cursor = await repository.page(session, filters, cursor=cursor, limit=CSV_BATCH)
            text = csvout.write_csv([_row(e) for e in events], COLUMNS)
        # One header, on the first batch.
        yield text if first else text.split("\r\n", 1)[1]
        first = False
        if cursor is None:
            return


# --- retention -----------------------------------------------------------------------------


def purge_job(db: Database, retention_days: int) -> Job:
    """Hourly, delete the records older than `retention_days`; `db` must be the jobs role's."""

    async def purge() -> None:
        cutoff = datetime.now(UTC) - timedelta(days=retention_days)
        async with db.transaction() as session:
            purged = await repository.purge_before(session, cutoff)
        if purged:
            log.info("audit records purged", extra={"count": purged})

    return Job("audit-purge", PURGE_SECONDS, purge)
