"""Groups of the town's staff that conversations are given to ("tourism", "garbage
collection", "Fun Buy orders"), and the turn inside one. Never commits.

Members are user ids as the gateway's `/v1/users` and `/v1/me` give them, the same ids the
gateway's token names the caller by (`sub`): the users live in the gateway, and the publisher
refers to them by id as it does for a conversation's assignee or a post's author.

Round-robin: the group's row is locked (`SELECT ... FOR UPDATE`) while its turn is read and
advanced, in the transaction that assigns the conversation; two conversations opened at the same
moment queue on that lock, so each goes to the next member, never both to the same one."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kit.preconditions import IfMatch
from publisher.errors import GroupNameTaken, GroupNotFound
from publisher.inbox import repository as inbox_repo
from publisher.inbox.models import InboxGroup
from publisher.inbox.schemas import GroupCreate, GroupUpdate


async def listed(session: AsyncSession) -> list[InboxGroup]:
    return await inbox_repo.groups(session)


async def get(session: AsyncSession, group_id: uuid.UUID, *, lock: bool = False) -> InboxGroup:
    found = await inbox_repo.group(session, group_id, lock=lock)
    if found is None:
        raise GroupNotFound("no such group in your town")
    return found


@asynccontextmanager
async def _naming(session: AsyncSession, name: str | None) -> AsyncIterator[None]:
    """Changes made inside are flushed in a savepoint; a name another of the town's groups
    has is a 409 (the unique key decides, so two admins racing for a name cannot both win)."""
    try:
        async with session.begin_nested():
            yield
            await session.flush()
    except IntegrityError as exc:
        raise GroupNameTaken(f"the town already has a group named {name!r}") from exc


async def create(session: AsyncSession, data: GroupCreate) -> InboxGroup:
    group = InboxGroup(id=uuid.uuid4(), name=data.name, members=data.member_ids(), turn=0)
    async with _naming(session, data.name):
        session.add(group)
    await session.refresh(group)
    return group


async def update(
    session: AsyncSession, group_id: uuid.UUID, data: GroupUpdate, precondition: IfMatch
) -> InboxGroup:
    group = await get(session, group_id, lock=True)
    precondition.check(group)
    members = data.member_ids()
    async with _naming(session, data.name):
        if data.name is not None:
            group.name = data.name
        if members is not None:
            group.members = members
    await session.refresh(group)
    return group


async def delete(session: AsyncSession, group_id: uuid.UUID) -> None:
    """Remove a group, the rules that name it, and it from its conversations (their assignee
    stays)."""
    group = await get(session, group_id, lock=True)
    await inbox_repo.forget_group(session, group.id)
    await session.delete(group)


async def take_turn(session: AsyncSession, group_id: uuid.UUID) -> tuple[bool, str | None]:
    """Whether the group exists, and the member whose turn it is (None in an empty group); the
    turn moves on to the next member."""
    group = await inbox_repo.group(session, group_id, lock=True)
    if group is None:
        return False, None
    if not group.members:
        return True, None
    member = str(group.members[group.turn % len(group.members)])
    group.turn = (group.turn + 1) % len(group.members)
    return True, member
