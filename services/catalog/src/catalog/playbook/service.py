"""The catalog's section of a playbook: the category taxonomy a partner town starts from.

Producers, products and places belong to one town and are never copied.
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Category
from catalog.products import repository
from catalog.schemas import Slug, Translations


class CategoryTemplate(BaseModel):
    slug: str = Slug
    name: Translations
    parent: str | None = None  # the parent's slug


class CatalogSection(BaseModel):
    categories: list[CategoryTemplate] = Field(default=[], max_length=1000)


class CatalogPlaybookApplied(BaseModel):
    categories_created: int
    categories_kept: int


async def export(session: AsyncSession) -> CatalogSection:
    """The tenant's categories, parents before children."""
    categories = await repository.all_categories(session)
    slugs = {c.id: c.slug for c in categories}
    ordered = _parents_first(categories)
    return CatalogSection(
        categories=[
            CategoryTemplate(
                slug=c.slug, name=c.name, parent=slugs.get(c.parent_id) if c.parent_id else None
            )
            for c in ordered
        ]
    )


def _parents_first(categories: list[Category]) -> list[Category]:
    by_id = {c.id: c for c in categories}
    placed: dict[object, Category] = {}

    def place(category: Category) -> None:
        if category.id in placed:
            return
        parent = by_id.get(category.parent_id) if category.parent_id else None
        if parent is not None:
            place(parent)
        placed[category.id] = category

    for category in categories:
        place(category)
    return list(placed.values())


async def apply(session: AsyncSession, section: CatalogSection) -> CatalogPlaybookApplied:
    """Create the categories the tenant lacks (by slug); keep the ones it has."""
    existing = {c.slug: c for c in await repository.all_categories(session)}
    created = 0
    for template in section.categories:
        if template.slug in existing:
            continue
        parent = existing.get(template.parent) if template.parent else None
        category = Category(
            slug=template.slug, name=template.name, parent_id=parent.id if parent else None
        )
        session.add(category)
        await session.flush()
        existing[template.slug] = category
        created += 1
    return CatalogPlaybookApplied(
        categories_created=created, categories_kept=len(section.categories) - created
    )
