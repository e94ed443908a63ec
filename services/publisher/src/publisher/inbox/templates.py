"""Saved replies (templates): a title and the answer's words in ja, ko and en, kept by the
town's editors and picked by whoever answers. Never commits."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from kit.preconditions import IfMatch
from publisher.errors import TemplateLanguageMissing, TemplateNotFound
from publisher.inbox import repository as inbox_repo
from publisher.inbox.models import InboxTemplate
from publisher.inbox.schemas import SavedReplyCreate, SavedReplyUpdate


async def listed(session: AsyncSession) -> list[InboxTemplate]:
    return await inbox_repo.templates(session)


async def get(
    session: AsyncSession, template_id: uuid.UUID, *, lock: bool = False
) -> InboxTemplate:
    found = await inbox_repo.template(session, template_id, lock=lock)
    if found is None:
        raise TemplateNotFound("no such saved reply in your town")
    return found


async def create(session: AsyncSession, data: SavedReplyCreate) -> InboxTemplate:
    template = InboxTemplate(id=uuid.uuid4(), title=data.title, bodies=data.bodies.present())
    session.add(template)
    await session.flush()
    await session.refresh(template)
    return template


async def update(
    session: AsyncSession, template_id: uuid.UUID, data: SavedReplyUpdate, precondition: IfMatch
) -> InboxTemplate:
    template = await get(session, template_id, lock=True)
    precondition.check(template)
    if data.title is not None:
        template.title = data.title
    if data.bodies is not None:
        template.bodies = data.bodies.present()
    await session.flush()
    await session.refresh(template)
    return template


async def delete(session: AsyncSession, template_id: uuid.UUID) -> None:
    """Remove a saved reply; replies already sent from it keep their words."""
    await session.delete(await get(session, template_id, lock=True))


def words(template: InboxTemplate, language: str | None, preferred: str | None = None) -> str:
    """The body to send: in `language`, else the conversation's `preferred` language when the
    template has it, else its only body; 422 when that leaves no single choice."""
    bodies = template.bodies
    if language is None:
        if preferred in bodies:
            language = preferred
        elif len(bodies) == 1:
            language = next(iter(bodies))
    if language is None or language not in bodies:
        wanted = language or "a language"
        raise TemplateLanguageMissing(
            f"the saved reply has no text in {wanted}; it has {', '.join(sorted(bodies))}",
            languages=sorted(bodies),
        )
    return str(bodies[language])
