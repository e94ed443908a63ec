"""CSV imports as the console shows them: upload a file, follow its progress, read its bad
rows; and the whole catalog as CSV in the same format."""

from __future__ import annotations

from uuid import UUID

from starlette.datastructures import UploadFile

from machi_client import AuthenticatedClient
from machi_client.api.imports import imports_create, imports_export, imports_get
from machi_client.models import BodyImportsCreate, ImportRead
from machi_client.types import File
from web.gateway import parsed, succeeded
from web.i18n import N_

# What an import reports having done (the catalog's import summary), in words.
SUMMARY = {
    "producers_created": N_("Producers added"),
    "producers_updated": N_("Producers updated"),
    "products": N_("Products in the file"),
    "variants": N_("Variants in the file"),
    "published": N_("Products published"),
}


async def start_import(api: AuthenticatedClient, upload: UploadFile, publish: bool) -> ImportRead:
    """Upload the file; the catalog's worker runs it (poll `import_status`)."""
    body = BodyImportsCreate(
        file=File(payload=upload.file, file_name=upload.filename, mime_type="text/csv"),
        publish=publish,
    )
    return parsed(await imports_create.asyncio_detailed(client=api, body=body), ImportRead)


async def import_status(api: AuthenticatedClient, import_id: UUID) -> ImportRead:
    return parsed(await imports_get.asyncio_detailed(import_id, client=api), ImportRead)


async def export(api: AuthenticatedClient) -> bytes:
    """The catalog as CSV in the import's format (a producer user: their own producers')."""
    answer = await imports_export.asyncio_detailed(client=api)
    succeeded(answer)
    return answer.content


FINISHED = ("succeeded", "failed")


READING_SHARE = 10  # of the bar: reading and checking the file, before rows are written


def percent(found: ImportRead) -> int:
    """How far the import is, 0 to 100: reading and checking the file, then writing its rows
    (the API counts rows per phase); 100 once it has ended, well or not."""
    if found.status in FINISHED:
        return 100
    if found.status != "applying":
        return 0
    written = int(found.progress * (100 - READING_SHARE))
    return max(READING_SHARE, min(99, READING_SHARE + written))
