"""What the catalog pages read and write (producers, places, categories, CSV imports), each a
few typed-client calls. The API decides who may do what; the pages only hide what a user's roles
cannot do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.categories import (
    categories_create,
    categories_get,
    categories_list,
    categories_update,
)
from machi_client.api.places import (
    places_archive,
    places_create,
    places_get,
    places_list,
    places_publish,
    places_update,
)
from machi_client.api.producers import (
    producers_create,
    producers_get,
    producers_list,
    producers_update,
)
from machi_client.models import (
    CategoryCreate,
    CategoryRead,
    CategoryUpdate,
    MeRead,
    PageCategoryRead,
    PagePlaceRead,
    PageProducerRead,
    PlaceCreate,
    PlaceRead,
    PlaceUpdate,
    ProducerCreate,
    ProducerRead,
    ProducerUpdate,
)
from machi_client.types import UNSET
from web.catalog.schemas import CategoryForm, PlaceForm, ProducerForm, contact_of, filled
from web.console import navigation
from web.console import service as console
from web.gateway import ApiError, parsed

PAGE_SIZE = 25
# kit.policy.WRITERS: who adds producers, places and categories and imports CSV files. A
# producer user keeps only their own producers' things (the API scopes every list to them).
TEAM = frozenset({"admin", "editor", "writer", "photographer"})

T = TypeVar("T")


def on_team(who: MeRead) -> bool:
    """Whether the user keeps the whole town's catalog (not only their own producers')."""
    return bool(TEAM & set(who.roles))


async def frame(api: AuthenticatedClient, language: str) -> dict[str, object]:
    """What a catalog page shows around its content: who, which town, and whether they keep
    the town's whole catalog. The operator has no town, so no catalog."""
    who = await console.me(api)
    town = await console.town(api, who, language)
    if town is None:
        raise ApiError(403, "This page is for a town's staff")
    counters = await navigation.counters(api, who)
    return {"me": who, "town": town, "team": on_team(who), "counters": counters}


@dataclass(frozen=True)
class Listing(Generic[T]):
    """One page of a list, and the cursor of the next (None on the last)."""

    items: list[T]
    next_cursor: str | None


def name_of(item: Any) -> str:
    """A producer's, place's or category's name in the page's language (the API picked it),
    else its first, else its slug."""
    shown = item.display_name if isinstance(item.display_name, str) else ""
    names = item.name.additional_properties
    return shown or next((n for n in names.values() if n), "") or getattr(item, "slug", "")


def _cursor(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


# --- producers -----------------------------------------------------------------------------


async def producers(
    api: AuthenticatedClient, language: str, q: str = "", cursor: str = ""
) -> Listing[ProducerRead]:
    """The producers the user may see (a producer user: their own), newest first."""
    answer = await producers_list.asyncio_detailed(
        client=api, q=q or UNSET, cursor=cursor or UNSET, limit=PAGE_SIZE, lang=language
    )
    page = parsed(answer, PageProducerRead)
    return Listing(page.items, _cursor(page.next_cursor))


async def producer(api: AuthenticatedClient, producer_id: UUID) -> tuple[ProducerRead, str]:
    """The producer and its version (ETag), which an edit sends back as If-Match."""
    answer = await producers_get.asyncio_detailed(producer_id, client=api)
    return parsed(answer, ProducerRead), answer.headers.get("etag", "")


async def create_producer(api: AuthenticatedClient, form: ProducerForm) -> ProducerRead:
    body = ProducerCreate.from_dict(form.body())
    return parsed(await producers_create.asyncio_detailed(client=api, body=body), ProducerRead)


async def update_producer(
    api: AuthenticatedClient, current: ProducerRead, form: ProducerForm
) -> ProducerRead:
    """Save the form; a version changed meanwhile is the API's 412 and changes nothing."""
    body = ProducerUpdate.from_dict(form.body(contact_of(current)))
    answer = await producers_update.asyncio_detailed(
        current.id, client=api, body=body, if_match=form.version or UNSET
    )
    return parsed(answer, ProducerRead)


# --- places --------------------------------------------------------------------------------


async def places(
    api: AuthenticatedClient, language: str, q: str = "", cursor: str = ""
) -> Listing[PlaceRead]:
    answer = await places_list.asyncio_detailed(
        client=api, q=q or UNSET, cursor=cursor or UNSET, limit=PAGE_SIZE, lang=language
    )
    page = parsed(answer, PagePlaceRead)
    return Listing(page.items, _cursor(page.next_cursor))


async def place(api: AuthenticatedClient, place_id: UUID) -> tuple[PlaceRead, str]:
    answer = await places_get.asyncio_detailed(place_id, client=api)
    return parsed(answer, PlaceRead), answer.headers.get("etag", "")


async def create_place(api: AuthenticatedClient, form: PlaceForm) -> PlaceRead:
    body = PlaceCreate.from_dict(form.body(creating=True))
    return parsed(await places_create.asyncio_detailed(client=api, body=body), PlaceRead)


async def update_place(api: AuthenticatedClient, place_id: UUID, form: PlaceForm) -> PlaceRead:
    body = PlaceUpdate.from_dict(form.body(creating=False))
    answer = await places_update.asyncio_detailed(
        place_id, client=api, body=body, if_match=form.version or UNSET
    )
    return parsed(answer, PlaceRead)


async def publish_place(api: AuthenticatedClient, place_id: UUID) -> PlaceRead:
    return parsed(await places_publish.asyncio_detailed(place_id, client=api), PlaceRead)


async def archive_place(api: AuthenticatedClient, place_id: UUID) -> PlaceRead:
    return parsed(await places_archive.asyncio_detailed(place_id, client=api), PlaceRead)


# --- categories ----------------------------------------------------------------------------


async def categories(api: AuthenticatedClient, language: str) -> list[CategoryRead]:
    """Every category of the town (a town has tens, not thousands), oldest last."""
    found: list[CategoryRead] = []
    cursor: str | None = None
    while True:
        answer = await categories_list.asyncio_detailed(
            client=api, cursor=cursor or UNSET, limit=100, lang=language
        )
        page = parsed(answer, PageCategoryRead)
        found.extend(page.items)
        cursor = _cursor(page.next_cursor)
        if cursor is None or len(found) >= 1000:
            return found


async def category(api: AuthenticatedClient, category_id: UUID) -> CategoryRead:
    return parsed(await categories_get.asyncio_detailed(category_id, client=api), CategoryRead)


async def create_category(api: AuthenticatedClient, form: CategoryForm) -> CategoryRead:
    body = CategoryCreate.from_dict(
        {"slug": form.slug, "name": filled(form.names), "parent_id": form.parent_id or None}
    )
    return parsed(await categories_create.asyncio_detailed(client=api, body=body), CategoryRead)


async def rename_category(
    api: AuthenticatedClient, category_id: UUID, form: CategoryForm
) -> CategoryRead:
    body = CategoryUpdate.from_dict({"name": filled(form.names)})
    answer = await categories_update.asyncio_detailed(category_id, client=api, body=body)
    return parsed(answer, CategoryRead)
